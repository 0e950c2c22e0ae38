"""Posts of the security, judicial and mass-organisation sectors and of communes after the 2025
merger (branch recall8), and two tenure leftovers: a nomination ("được giới thiệu để bầu giữ
chức") is no election, and "giai đoạn 2015-2020" after a post is its term like "nhiệm kỳ".
Invented sentences in the shapes of the news: the post each must give, and look-alikes that
must not give it."""

from __future__ import annotations

import pytest

from helpers import posts, tenures

POSTS = [
    # security: ranks before the title, the province's police and its wards' and communes'
    ("Thượng tướng Lê Văn Hòa, Thứ trưởng Bộ Công an, dự hội nghị.", ("HOLDS", "Lê Văn Hòa", "Bộ Công an")),
    ("Đại tá Nguyễn Văn An, Giám đốc Công an tỉnh Nghệ An, cho biết vụ việc đang được điều tra.",
     ("CHAIRED", "Nguyễn Văn An", "Công an tỉnh Nghệ An")),
    ("Phó Giám đốc Công an TP Hà Nội Trần Văn Bình chỉ đạo lực lượng.", ("HOLDS", "Trần Văn Bình", "Công an TP Hà Nội")),
    ("Thiếu tá Phạm Văn Cường, Trưởng Công an xã Diễn Châu, cho biết.", ("CHAIRED", "Phạm Văn Cường", "Công an xã Diễn Châu")),
    ("Trưởng Công an phường Hoàn Kiếm Lê Văn Dũng kiểm tra địa bàn.", ("CHAIRED", "Lê Văn Dũng", "Công an phường Hoàn Kiếm")),
    # the army: military regions, the province's military and border-guard commands
    ("Trung tướng Trần Văn Nam, Chính ủy Quân khu 7, dự lễ.", ("HOLDS", "Trần Văn Nam", "Quân khu 7")),
    ("Thiếu tướng Lê Văn Phúc, Tư lệnh Quân khu 7, phát biểu.", ("CHAIRED", "Lê Văn Phúc", "Quân khu 7")),
    ("Đại tá Vũ Văn Quang, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Nghệ An, báo cáo.",
     ("CHAIRED", "Vũ Văn Quang", "Bộ Chỉ huy Quân sự tỉnh Nghệ An")),
    ("Chỉ huy trưởng BCH Quân sự tỉnh Nghệ An Vũ Văn Quang báo cáo.", ("CHAIRED", "Vũ Văn Quang", "Bộ Chỉ huy Quân sự tỉnh Nghệ An")),
    ("Đại tá Đỗ Văn Sơn, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ninh, cho biết.",
     ("CHAIRED", "Đỗ Văn Sơn", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ninh")),
    ("Chỉ huy trưởng BCH BĐBP tỉnh Quảng Ninh Đỗ Văn Sơn báo cáo.",
     ("CHAIRED", "Đỗ Văn Sơn", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ninh")),
    ("Chỉ huy trưởng BĐBP tỉnh Quảng Ninh Đỗ Văn Sơn báo cáo.", ("CHAIRED", "Đỗ Văn Sơn", "Bộ đội Biên phòng tỉnh Quảng Ninh")),
    ("Đại tá Đỗ Văn Sơn, Chính ủy Bộ đội Biên phòng tỉnh Quảng Ninh, cho biết.",
     ("HOLDS", "Đỗ Văn Sơn", "Bộ đội Biên phòng tỉnh Quảng Ninh")),
    # courts, procuracies, inspection and audit
    ("Chánh án TAND tỉnh Nghệ An Nguyễn Thị Hoa chủ tọa phiên tòa.", ("CHAIRED", "Nguyễn Thị Hoa", "Tòa án nhân dân tỉnh Nghệ An")),
    ("Viện trưởng VKSND tỉnh Nghệ An Hồ Văn Minh dự phiên tòa.", ("CHAIRED", "Hồ Văn Minh", "Viện kiểm sát nhân dân tỉnh Nghệ An")),
    ("Ông Hồ Văn Minh, Viện trưởng VKSND cấp cao tại Hà Nội, phát biểu.",
     ("CHAIRED", "Hồ Văn Minh", "Viện kiểm sát nhân dân cấp cao tại Hà Nội")),
    ("Chánh án TAND cấp cao tại Đà Nẵng Trần Văn Hùng phát biểu.", ("CHAIRED", "Trần Văn Hùng", "Tòa án nhân dân cấp cao tại Đà Nẵng")),
    ("Phó Viện trưởng Viện kiểm sát nhân dân cấp cao tại TP Hồ Chí Minh Lê Văn Khải dự họp.",
     ("HOLDS", "Lê Văn Khải", "Viện kiểm sát nhân dân cấp cao tại Thành phố Hồ Chí Minh")),
    ("Tổng Thanh tra Chính phủ Đoàn Hồng Phong phát biểu.", ("CHAIRED", "Đoàn Hồng Phong", "Thanh tra Chính phủ")),
    ("Phó Tổng Kiểm toán Nhà nước Đặng Thế Vinh dự họp.", ("HOLDS", "Đặng Thế Vinh", "Kiểm toán Nhà nước")),
    # mass organisations of a province
    ("Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Nghệ An Võ Thị Minh Sinh phát biểu.", ("CHAIRED", "Võ Thị Minh Sinh", "Ủy ban MTTQ tỉnh Nghệ An")),
    ("Bí thư Tỉnh đoàn Nghệ An Lê Văn Lương dự lễ.", ("CHAIRED", "Lê Văn Lương", "Tỉnh đoàn Nghệ An")),
    ("Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Nghệ An Nguyễn Thị Thu Hường phát biểu.",
     ("CHAIRED", "Nguyễn Thị Thu Hường", "Hội Liên hiệp Phụ nữ tỉnh Nghệ An")),
    ("Chủ tịch Hội Nông dân tỉnh Nghệ An Nguyễn Văn Thông dự hội nghị.", ("CHAIRED", "Nguyễn Văn Thông", "Hội Nông dân tỉnh Nghệ An")),
    ("Chủ tịch Hội Cựu chiến binh tỉnh Nghệ An Trần Văn Tân phát biểu.", ("CHAIRED", "Trần Văn Tân", "Hội Cựu chiến binh tỉnh Nghệ An")),
    ("Ông Kha Văn Tám, Chủ tịch Liên đoàn Lao động tỉnh Nghệ An, phát biểu.", ("CHAIRED", "Kha Văn Tám", "Liên đoàn Lao động tỉnh Nghệ An")),
    ("Chủ tịch Công đoàn Viên chức tỉnh Nghệ An Lê Thị Hạnh phát biểu.", ("CHAIRED", "Lê Thị Hạnh", "Công đoàn Viên chức tỉnh Nghệ An")),
    ("Bà Lê Thị Hạnh, Chủ tịch Công đoàn ngành Y tế tỉnh Nghệ An cho biết.",
     ("CHAIRED", "Lê Thị Hạnh", "Công đoàn ngành Y tế tỉnh Nghệ An")),
    # their abbreviations, named in full
    ("Bà Nguyễn Thị Lan, Chủ tịch Hội LHPN tỉnh Nghệ An phát biểu.", ("CHAIRED", "Nguyễn Thị Lan", "Hội Liên hiệp Phụ nữ tỉnh Nghệ An")),
    ("Ông Hoàng Văn Nam, Chủ tịch Hội ND tỉnh Nghệ An phát biểu.", ("CHAIRED", "Hoàng Văn Nam", "Hội Nông dân tỉnh Nghệ An")),
    ("Ông Trần Văn Bốn, Chủ tịch Hội CCB tỉnh Nghệ An phát biểu.", ("CHAIRED", "Trần Văn Bốn", "Hội Cựu chiến binh tỉnh Nghệ An")),
    ("Chủ tịch LĐLĐ tỉnh Nghệ An Kha Văn Tám phát biểu.", ("CHAIRED", "Kha Văn Tám", "Liên đoàn Lao động tỉnh Nghệ An")),
    ("Phó Chủ tịch Thường trực LĐLĐ TP Hà Nội Võ Văn Đức dự.", ("HOLDS", "Võ Văn Đức", "Liên đoàn Lao động TP Hà Nội")),
    # communes and wards since the 2025 merger: no district between them and the province
    ("Bí thư Đảng ủy, Chủ tịch HĐND xã Diễn Châu Nguyễn Văn Tuấn dự lễ.", ("CHAIRED", "Nguyễn Văn Tuấn", "Đảng ủy xã Diễn Châu")),
    ("Bí thư Đảng ủy, Chủ tịch HĐND xã Diễn Châu Nguyễn Văn Tuấn dự lễ.", ("CHAIRED", "Nguyễn Văn Tuấn", "HĐND xã Diễn Châu")),
    ("Chủ tịch UBND phường Hoàn Kiếm (mới) Phạm Tuấn Long phát biểu.", ("CHAIRED", "Phạm Tuấn Long", "UBND phường Hoàn Kiếm")),
    ("Ông Nguyễn Văn Tuấn, Chủ tịch UBND xã Diễn Châu, tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn Tuấn", "UBND xã Diễn Châu")),
    # the commune's province between its organ and the name
    ("Chủ tịch UBND xã Diễn Châu, tỉnh Nghệ An Nguyễn Văn Tuấn phát biểu.", ("CHAIRED", "Nguyễn Văn Tuấn", "UBND xã Diễn Châu")),
    ("Bí thư Đảng ủy phường Bến Thành, TP Hồ Chí Minh Trần Văn Khoa phát biểu.",
     ("CHAIRED", "Trần Văn Khoa", "Đảng ủy phường Bến Thành")),
    ("Phó Chủ tịch HĐND xã Tân Lập, thành phố Hà Nội, ông Lê Văn Minh cho biết.", ("HOLDS", "Lê Văn Minh", "HĐND xã Tân Lập")),
]


@pytest.mark.parametrize("text, post", POSTS)
def test_sector_post(text: str, post: tuple[str, str, str]) -> None:
    got = posts(text)
    assert post in got, got


@pytest.mark.parametrize("text", [
    "Lực lượng Bộ đội Biên phòng tỉnh Quảng Ninh đã bắt giữ đối tượng.",  # the force acts, nobody holds a post
    "Công an tỉnh Nghệ An đã khởi tố vụ án, VKSND tỉnh Nghệ An phê chuẩn quyết định.",
    "Hội Nông dân tỉnh Nghệ An phối hợp với Hội Liên hiệp Phụ nữ tỉnh tổ chức hội thi.",
    "LĐLĐ tỉnh Nghệ An phối hợp với Hội LHPN tỉnh tổ chức hội thi.",
    "Công đoàn Viên chức tỉnh Nghệ An tổ chức hội nghị.",
    "Chủ tịch UBND xã Diễn Châu, tỉnh Nghệ An cho biết sẽ kiểm tra.",  # the post, no name after the province
    "Làm việc với UBND xã Diễn Châu, tỉnh Nghệ An Nguyễn Văn Tuấn cho biết.",  # no title before the organ
])
def test_no_sector_post(text: str) -> None:
    assert posts(text) == set()


# -- tenure: a nomination is no election; "giai đoạn" is a term like "nhiệm kỳ"
POST = ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An")


@pytest.mark.parametrize("text, status", [
    ("Ông Nguyễn Văn An được giới thiệu để bầu giữ chức Chủ tịch UBND tỉnh Nghệ An.", "nominated"),
    ("Thường trực HĐND tỉnh giới thiệu để bầu ông Nguyễn Văn An giữ chức Chủ tịch UBND tỉnh Nghệ An.", "nominated"),
    # the vote reported afterwards makes it an election
    ("Ông Nguyễn Văn An được giới thiệu để bầu giữ chức Chủ tịch UBND tỉnh Nghệ An. Sau đó, ông Nguyễn Văn An "
     "được bầu giữ chức Chủ tịch UBND tỉnh Nghệ An.", "elected"),
    ("HĐND tỉnh Nghệ An bầu ông Nguyễn Văn An giữ chức Chủ tịch UBND tỉnh Nghệ An.", "elected"),
])
def test_nomination_is_no_election(text: str, status: str) -> None:
    assert tenures(text)[POST]["status"] == status


@pytest.mark.parametrize("text, term", [
    ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An nhiệm kỳ 2015-2020, phát biểu.", "2015-2020"),
    ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An giai đoạn 2015-2020, phát biểu.", "2015-2020"),
    ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An (giai đoạn 2015 - 2020), phát biểu.", "2015-2020"),
    # a period elsewhere in the sentence is not the post's
    ("Trong giai đoạn 2015-2020, Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An chỉ đạo quyết liệt.", None),
])
def test_term_after_post(text: str, term: str | None) -> None:
    assert tenures(text)[POST].get("term") == term
