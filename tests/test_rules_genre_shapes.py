"""Position shapes news writes every day that no text here showed (branch recall4): short forms
inside a title chain, heads of provincial agencies, the post-2025 Party committees of blocs and
agencies, "với cương vị <title>", and a city's committee named like its province. One table per
shape: invented sentences (names and places made up or common), the facts each must give, and
look-alike sentences that must not give them."""

from __future__ import annotations

import pytest

from helpers import posts


# -- membership written short inside a title chain: every title after it is kept
SHORT_MEMBERSHIP = [
    ("Ông Nguyễn Văn An, UV BTV Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh Nghệ An dự hội nghị.",
     [("HOLDS", "Nguyễn Văn An", "Ban Thường vụ Tỉnh ủy Nghệ An"), ("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An")]),
    ("UV BTV Thành ủy, Giám đốc Sở Y tế TP Cần Thơ Lê Văn Hòa phát biểu.",
     [("HOLDS", "Lê Văn Hòa", "Ban Thường vụ Thành ủy Cần Thơ"), ("CHAIRED", "Lê Văn Hòa", "Sở Y tế Cần Thơ")]),
    ("Ông Nguyễn Văn An, TUV, Giám đốc Sở Y tế tỉnh Nghệ An cho biết.",
     [("HOLDS", "Nguyễn Văn An", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")]),
    ("Ông Nguyễn Văn An, UVTW Đảng, Bí thư Tỉnh ủy Nghệ An chủ trì.",
     [("HOLDS", "Nguyễn Văn An", "Ban Chấp hành Trung ương Đảng"), ("CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Nghệ An")]),
    ("Ông Nguyễn Văn An, UV Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An chủ trì.",
     [("HOLDS", "Nguyễn Văn An", "Ban Chấp hành Trung ương Đảng"), ("CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Nghệ An")]),
    ("Ông Nguyễn Văn An, UVBTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Nghệ An dự.",
     [("HOLDS", "Nguyễn Văn An", "Ban Thường vụ Tỉnh ủy Nghệ An"), ("CHAIRED", "Nguyễn Văn An", "Ban Dân vận Tỉnh ủy Nghệ An")]),
    # the committee not written: the one of the next post's place
    ("Ông Nguyễn Văn An, UVBTV, Phó Chủ tịch UBND TP Hà Nội phát biểu.",
     [("HOLDS", "Nguyễn Văn An", "Ban Thường vụ Thành ủy Hà Nội"), ("HOLDS", "Nguyễn Văn An", "UBND TP Hà Nội")]),
    ("Ông Nguyễn Văn An, Ủy viên Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An dự.",
     [("HOLDS", "Nguyễn Văn An", "Ban Thường vụ Tỉnh ủy Nghệ An"), ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An")]),
    ("Ông Nguyễn Văn An, UV BCH Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An dự.",
     [("HOLDS", "Nguyễn Văn An", "Ban Chấp hành Trung ương Đảng"), ("CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Nghệ An")]),
    ("Ông Nguyễn Văn An, Ủy viên TW Đảng, Bí thư Tỉnh ủy Nghệ An dự.",
     [("HOLDS", "Nguyễn Văn An", "Ban Chấp hành Trung ương Đảng"), ("CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Nghệ An")]),
    ("Ông Nguyễn Văn An, UVTƯ, Trưởng Ban Tổ chức Trung ương phát biểu.",
     [("HOLDS", "Nguyễn Văn An", "Ban Chấp hành Trung ương Đảng"), ("CHAIRED", "Nguyễn Văn An", "Ban Tổ chức Trung ương")]),
]


@pytest.mark.parametrize("text, facts", SHORT_MEMBERSHIP)
def test_membership_written_short_keeps_the_chain(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert set(facts) <= got, got


@pytest.mark.parametrize("text", [
    "Chỉ số tia UV tại Nghệ An ở mức cao, ông Nguyễn Văn An cho biết.",  # "UV" of sunlight: no post
    "Đèn UV Nguyễn Văn An bán chạy.",
])
def test_uv_that_is_no_title_gives_nothing(text: str) -> None:
    assert posts(text) == set()


def test_a_short_form_inside_an_organs_name_is_the_names() -> None:
    got = posts("Ông Nguyễn Văn An, Giám đốc Công ty TUV Việt Nam cho biết.")
    assert got == {("CHAIRED", "Nguyễn Văn An", "Công ty TUV Việt Nam")}


# -- heads of provincial agencies
AGENCY_HEADS = [
    ("Ông Nguyễn Văn An, Chánh Thanh tra tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Thanh tra tỉnh Nghệ An")),
    ("Phó Chánh Thanh tra tỉnh Nghệ An Lê Văn Hòa cho biết.", ("HOLDS", "Lê Văn Hòa", "Thanh tra tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Chánh Thanh tra TP Hà Nội cho biết.", ("CHAIRED", "Nguyễn Văn An", "Thanh tra TP Hà Nội")),
    ("Chánh Thanh tra Bộ Y tế Lê Văn Hòa cho biết.", ("CHAIRED", "Lê Văn Hòa", "Thanh tra Bộ Y tế")),
    ("Ông Lê Văn Hòa, Chánh Thanh tra Chính phủ cho biết.", ("CHAIRED", "Lê Văn Hòa", "Thanh tra Chính phủ")),
    ("Ông Nguyễn Văn An, Cục trưởng Cục Quản lý thị trường tỉnh Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Cục Quản lý thị trường tỉnh Nghệ An")),
    ("Theo ông Nguyễn Văn An, cục trưởng Cục Quản lý thị trường tỉnh Nghệ An, hàng giả giảm.",
     ("CHAIRED", "Nguyễn Văn An", "Cục Quản lý thị trường tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Vụ trưởng Vụ Tổ chức cán bộ, Bộ Nội vụ cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Vụ Tổ chức cán bộ")),
    ("Ông Nguyễn Văn An, Chánh Văn phòng UBND tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Văn phòng UBND tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Viện trưởng VKSND tỉnh Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Viện kiểm sát nhân dân tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Ủy ban Kiểm tra Tỉnh ủy Nghệ An")),
    ("Đại tá Nguyễn Văn An, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Bộ Chỉ huy Quân sự tỉnh Nghệ An")),
    ("Thiếu tướng Nguyễn Văn An, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh Nghệ An phát biểu.",
     ("CHAIRED", "Nguyễn Văn An", "Công an tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Ủy ban MTTQ tỉnh Nghệ An")),
    # "Đoàn", a head word's second syllable, is also a family name: no name opens there
    ("Ông Nguyễn Văn An, Bí thư Tỉnh Đoàn Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Tỉnh Đoàn Nghệ An")),
    ("Bí thư Thành Đoàn Hà Nội Nguyễn Văn An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Thành Đoàn Hà Nội")),
    # the tax office of a province since 2025
    ("Ông Nguyễn Văn An, Trưởng Thuế tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Thuế tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Chi cục trưởng Chi cục Thủy sản tỉnh Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Chi cục Thủy sản tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Giám đốc Trung tâm Phục vụ hành chính công tỉnh Nghệ An phát biểu.",
     ("CHAIRED", "Nguyễn Văn An", "Trung tâm Phục vụ hành chính công tỉnh Nghệ An")),
    # a national body's branch or region is a body of its own, not the national one
    ("Ông Nguyễn Văn An, Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Nghệ An phát biểu.",
     ("CHAIRED", "Nguyễn Văn An", "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Giám đốc Ngân hàng Nhà nước Chi nhánh Khu vực 9 phát biểu.",
     ("CHAIRED", "Nguyễn Văn An", "Ngân hàng Nhà nước Chi nhánh Khu vực 9")),
    ("Ông Nguyễn Văn An, Kiểm toán trưởng Kiểm toán Nhà nước khu vực II phát biểu.",
     ("CHAIRED", "Nguyễn Văn An", "Kiểm toán Nhà nước khu vực II")),
    ("Đại tá Nguyễn Văn An, Chính ủy Bộ Chỉ huy Quân sự tỉnh Nghệ An cho biết.",
     ("HOLDS", "Nguyễn Văn An", "Bộ Chỉ huy Quân sự tỉnh Nghệ An")),
    # acting heads of any office
    ("Ông Nguyễn Văn An, Quyền Chánh Thanh tra tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Thanh tra tỉnh Nghệ An")),
    ("Quyền Cục trưởng Cục Thuế tỉnh Nghệ An Lê Văn Hòa cho biết.", ("CHAIRED", "Lê Văn Hòa", "Cục Thuế tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Quyền Trưởng Ban Tổ chức Tỉnh ủy Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Ban Tổ chức Tỉnh ủy Nghệ An")),
    # the agencies of 2025 serve numbered regions
    ("Ông Nguyễn Văn An, Giám đốc Kho bạc Nhà nước khu vực X cho biết.", ("CHAIRED", "Nguyễn Văn An", "Kho bạc Nhà nước khu vực X")),
    ("Phó Giám đốc Bảo hiểm xã hội khu vực 3 Lê Văn Hòa cho biết.", ("HOLDS", "Lê Văn Hòa", "Bảo hiểm xã hội khu vực 3")),
    ("Ông Nguyễn Văn An, Chi cục trưởng Chi cục Hải quan khu vực III cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Chi cục Hải quan khu vực III")),
    ("Ông Nguyễn Văn An, Giám đốc Trung tâm Y tế khu vực Nam Đàn cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Trung tâm Y tế khu vực Nam Đàn")),
    ("Giám đốc Trung tâm Y tế khu vực Nam Đàn Nguyễn Văn An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Trung tâm Y tế khu vực Nam Đàn")),
]


@pytest.mark.parametrize("text, fact", AGENCY_HEADS)
def test_heads_of_provincial_agencies(text: str, fact: tuple[str, str, str]) -> None:
    got = posts(text)
    assert fact in got, got


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn An, Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Nghệ An phát biểu.",
    "Ông Nguyễn Văn An, Kiểm toán trưởng Kiểm toán Nhà nước khu vực II phát biểu.",
])
def test_a_branch_head_heads_no_national_body(text: str) -> None:
    got = posts(text)
    assert not {b for _, _, b in got} & {"Ngân hàng Nhà nước Việt Nam", "Kiểm toán Nhà nước"}, got


def test_a_clause_after_a_department_head_is_not_its_name() -> None:
    got = posts("Ông Nguyễn Văn An, Cục trưởng Cục Thuế tỉnh Nghệ An đã yêu cầu các doanh nghiệp nộp thuế đúng hạn.")
    assert got == {("CHAIRED", "Nguyễn Văn An", "Cục Thuế tỉnh Nghệ An")}


@pytest.mark.parametrize("text", [
    # lower-case words with nothing name-like after them are a clause, not the company's name
    "Ông Lê Văn Hòa, Giám đốc Công ty Minh Long bị bắt vì trốn thuế.",
    "Ông Lê Văn Hòa, Giám đốc Công ty Minh Long bị bắt vì trốn thuế ở tỉnh Nghệ An.",
    "Ông Lê Văn Hòa, Giám đốc Công ty Minh Long bị bắt ở khu vực 3.",
])
def test_lower_case_words_unbounded_are_no_organ_name(text: str) -> None:
    assert not any("bị bắt" in body for _, _, body in posts(text))


# -- the Party committees of blocs and agencies (names since 2025)
BLOC_COMMITTEES = [
    ("Ông Nguyễn Văn An, Bí thư Đảng ủy Khối các cơ quan tỉnh Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Đảng ủy Khối các cơ quan tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Bí thư Đảng ủy Khối Doanh nghiệp tỉnh Nghệ An cho biết.",
     ("CHAIRED", "Nguyễn Văn An", "Đảng ủy Khối Doanh nghiệp tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Phó Bí thư Đảng ủy các cơ quan Đảng tỉnh Nghệ An cho biết.",
     ("HOLDS", "Nguyễn Văn An", "Đảng ủy các cơ quan Đảng tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Bí thư Đảng ủy UBND tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Đảng ủy UBND tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Bí thư Đảng ủy Công an tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Đảng ủy Công an tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Bí thư Đảng ủy Quân sự tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Đảng ủy Quân sự tỉnh Nghệ An")),
]


@pytest.mark.parametrize("text, fact", BLOC_COMMITTEES)
def test_party_committees_of_blocs_and_agencies(text: str, fact: tuple[str, str, str]) -> None:
    got = posts(text)
    assert fact in got, got


def test_a_commune_committee_is_still_the_communes() -> None:
    got = posts("Ông Nguyễn Văn An, Bí thư Đảng ủy phường Tân An cho biết.")
    assert got == {("CHAIRED", "Nguyễn Văn An", "Đảng ủy phường Tân An")}


def test_tax_written_inside_a_clause_is_no_body() -> None:
    assert posts("Ông Nguyễn Văn An cho biết số người nộp thuế tỉnh Nghệ An tăng.") == set()


# -- "với cương vị <title>", "trên cương vị", "trong vai trò": the person before takes the title
IN_THE_CAPACITY = [
    ("Ông Nguyễn Văn An với cương vị Chủ tịch UBND tỉnh Nghệ An đã ký quyết định.",
     ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, trên cương vị Giám đốc Sở Y tế tỉnh Nghệ An, đã chỉ đạo quyết liệt.",
     ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")),
    ("Bà Trần Thị Mai trong vai trò Phó Chủ tịch UBND tỉnh Nghệ An đã kiểm tra công trình.",
     ("HOLDS", "Trần Thị Mai", "UBND tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, với tư cách là Chủ tịch UBND tỉnh Nghệ An, phát biểu.", ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An")),
    # the capacity written first, the person after it
    ("Trên cương vị Bí thư Tỉnh ủy Nghệ An, ông Nguyễn Văn An đã chỉ đạo quyết liệt.",
     ("CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Nghệ An")),
    ("Ông Nguyễn Văn An với cương vị là Chủ tịch UBND tỉnh Nghệ An đã ký quyết định.",
     ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An")),
    # the person the capacity is wished on, not the speaker
    ("Ông Nguyễn Văn An chúc mừng ông Lê Văn Hòa trên cương vị Chủ tịch UBND tỉnh Nghệ An.",
     ("CHAIRED", "Lê Văn Hòa", "UBND tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An với tư cách Trưởng Ban Chỉ đạo phòng chống dịch tỉnh đã chỉ đạo.",
     ("CHAIRED", "Nguyễn Văn An", "Ban Chỉ đạo phòng chống dịch tỉnh")),
]


@pytest.mark.parametrize("text, fact", IN_THE_CAPACITY)
def test_in_the_capacity_of(text: str, fact: tuple[str, str, str]) -> None:
    got = posts(text)
    assert fact in got, got


def test_a_new_post_with_no_title_gives_nothing() -> None:
    assert posts("Ông Nguyễn Văn An mong muốn trên cương vị mới, các đồng chí phát huy năng lực.") == set()
    assert posts("Ông Nguyễn Văn An tham dự với tư cách cá nhân.") == set()


def test_the_capacity_goes_to_the_one_wished_not_the_speaker() -> None:
    got = posts("Ông Nguyễn Văn An chúc mừng ông Lê Văn Hòa trên cương vị Chủ tịch UBND tỉnh Nghệ An.")
    assert ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An") not in got


# -- a city named like its province: "Thành ủy Bắc Ninh" is the city's committee, not the Tỉnh ủy
SAME_NAME_CITY = [
    ("Ông Nguyễn Văn An, Bí thư Thành ủy Bắc Ninh cho biết.", ("CHAIRED", "Nguyễn Văn An", "Thành ủy Bắc Ninh")),
    ("Ông Nguyễn Văn An, Bí thư Tỉnh ủy Bắc Ninh cho biết.", ("CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Bắc Ninh")),
    ("Ông Nguyễn Văn An, Bí thư Thành ủy Đà Nẵng cho biết.", ("CHAIRED", "Nguyễn Văn An", "Thành ủy Đà Nẵng")),
    # a centrally-run city has no Tỉnh ủy: a slip of the pen is its Thành ủy
    ("Ông Nguyễn Văn An, Bí thư Tỉnh ủy Đà Nẵng cho biết.", ("CHAIRED", "Nguyễn Văn An", "Thành ủy Đà Nẵng")),
]


@pytest.mark.parametrize("text, fact", SAME_NAME_CITY)
def test_city_committee_named_like_its_province(text: str, fact: tuple[str, str, str]) -> None:
    got = posts(text)
    assert fact in got, got


def test_the_city_and_the_province_committee_are_two_bodies() -> None:
    got = posts("Ông Nguyễn Văn An, Phó Bí thư Tỉnh ủy Bắc Ninh, Bí thư Thành ủy Bắc Ninh phát biểu.")
    assert got == {("HOLDS", "Nguyễn Văn An", "Tỉnh ủy Bắc Ninh"), ("CHAIRED", "Nguyễn Văn An", "Thành ủy Bắc Ninh")}


# -- post-merger (2025) shapes, honorifics, ranks and degrees before a name
MERGER_AND_HONORIFICS = [
    ("Ông Nguyễn Văn An, Chủ tịch UBND phường Tân An (mới) cho biết.", ("CHAIRED", "Nguyễn Văn An", "UBND phường Tân An")),
    ("Ông Nguyễn Văn An, Phó Chủ tịch HĐND phường Tân An cho biết.", ("HOLDS", "Nguyễn Văn An", "HĐND phường Tân An")),
    ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An (sau sáp nhập) cho biết.", ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An")),
    ("Đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy Nghệ An cho biết.", ("HOLDS", "Nguyễn Văn An", "Tỉnh ủy Nghệ An")),
    ("Giám đốc Công an tỉnh Nghệ An, Thiếu tướng Nguyễn Văn An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Công an tỉnh Nghệ An")),
    ("GS.TS. Nguyễn Văn An, Giám đốc Sở Y tế tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")),
    ("ThS. Nguyễn Văn An, Giám đốc Sở Y tế tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")),
    ("BS. Nguyễn Văn An, Giám đốc Sở Y tế tỉnh Nghệ An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")),
    ("Giám đốc Sở Y tế tỉnh Nghệ An, BS. Nguyễn Văn An cho biết.", ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")),
    # the asides of a career note between the name and its titles
    ("Ông Nguyễn Văn An, sinh năm 1975, quê Nghệ An, Phó Chủ tịch UBND tỉnh Nghệ An, được bầu lại.",
     ("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, quê huyện Nam Đàn, Giám đốc Sở Y tế tỉnh Nghệ An phát biểu.",
     ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")),
]


@pytest.mark.parametrize("text, fact", MERGER_AND_HONORIFICS)
def test_merger_shapes_honorifics_ranks_and_degrees(text: str, fact: tuple[str, str, str]) -> None:
    got = posts(text)
    assert fact in got, got


def test_a_citizen_with_age_and_hometown_gets_no_post() -> None:
    assert posts("Ông Nguyễn Văn An, 45 tuổi, quê Nghệ An, bị bắt vì trộm cắp.") == set()


# -- the standing committee of a commune's "Đảng ủy" written bare: the one commune the article names
def test_standing_committee_of_a_bare_commune_committee() -> None:
    got = posts("Ông Nguyễn Văn An, UVBTV Đảng ủy, Phó Chủ tịch UBND xã Nam Anh dự.")
    assert ("HOLDS", "Nguyễn Văn An", "Ban Thường vụ Đảng ủy xã Nam Anh") in got, got


def test_standing_committee_of_a_bare_committee_with_two_communes_stays_unplaced() -> None:
    got = posts("Ông Nguyễn Văn An, Ủy viên Ban Thường vụ Đảng ủy, Phó Chủ tịch UBND xã Nam Anh dự. "
                 "Bà Trần Thị Mai, Chủ tịch UBND xã Nam Kim cũng dự.")
    assert not any(b.startswith("Ban Thường vụ") for _, _, b in got), got


# -- heads of national bodies written short or with the body inside the title
NATIONAL_HEADS = [
    ("Tổng Kiểm toán Nhà nước Ngô Văn Tuấn phát biểu.", ("CHAIRED", "Ngô Văn Tuấn", "Kiểm toán Nhà nước")),
    ("Tổng Thanh tra Chính phủ Đoàn Hồng Phong phát biểu.", ("CHAIRED", "Đoàn Hồng Phong", "Thanh tra Chính phủ")),
    ("Viện trưởng VKSND tối cao Nguyễn Huy Tiến phát biểu.", ("CHAIRED", "Nguyễn Huy Tiến", "Viện kiểm sát nhân dân tối cao")),
    ("Thống đốc NHNN Nguyễn Thị Hồng phát biểu.", ("CHAIRED", "Nguyễn Thị Hồng", "Ngân hàng Nhà nước Việt Nam")),
    ("Tổng Giám đốc BHXH Việt Nam Lê Văn Hòa phát biểu.", ("CHAIRED", "Lê Văn Hòa", "Bảo hiểm xã hội Việt Nam")),
    ("Bí thư thứ nhất Trung ương Đoàn Bùi Quang Huy phát biểu.",
     ("CHAIRED", "Bùi Quang Huy", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh")),
]


@pytest.mark.parametrize("text, fact", NATIONAL_HEADS)
def test_heads_of_national_bodies(text: str, fact: tuple[str, str, str]) -> None:
    got = posts(text)
    assert fact in got, got
