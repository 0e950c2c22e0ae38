"""What an office does in news and legal texts (branch recall7): a head giving a task in the
body's name (a deputy's request stays his own: tests/test_rules_tasks.py), the signer's post in
a legal text's signature block, and the meetings an official chairs named with what they are
about or with whom ("Hội nghị về công tác cán bộ", "cuộc họp với UBND tỉnh, các sở, ngành").
Invented sentences: the facts each must give, and look-alikes that must not give them."""

from __future__ import annotations

import pytest

from helpers import facts, presided, tenures


# -- ASSIGNS: whoever names the giver, the task is the office's
GIVERS = [
    ("Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An giao Sở Y tế chủ trì triển khai.", ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An, giao Sở Y tế chủ trì triển khai.",
     ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    ("Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An đã ký văn bản giao Sở Y tế chủ trì triển khai.",
     ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    ("Kết luận cuộc họp, Chủ tịch UBND tỉnh Nguyễn Văn An yêu cầu Sở Xây dựng tỉnh Nghệ An khẩn trương hoàn thiện hồ sơ.",
     ("UBND tỉnh Nghệ An", "Sở Xây dựng tỉnh Nghệ An")),
    ("Thủ tướng Phạm Minh Chính yêu cầu Bộ Công an chủ trì điều tra.", ("Thủ tướng Chính phủ", "Bộ Công an")),
    ("Bí thư Tỉnh ủy Nghệ An Nguyễn Văn An đề nghị Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.",
     ("Tỉnh ủy Nghệ An", "Ban Tuyên giáo Tỉnh ủy Nghệ An")),
    ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An yêu cầu Giám đốc Sở Y tế khẩn trương triển khai.",
     ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    # the head's post among others written before the name
    ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An yêu cầu Sở Tài chính rà soát.",
     ("UBND tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An")),
    # a head named later without a title: the one office the article gives the person
    ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An dự họp. Ông An yêu cầu Sở Y tế rà soát.",
     ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    ("Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An dự họp. Kết luận cuộc họp, ông Nguyễn Văn An giao Sở Y tế chủ trì rà soát.",
     ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    # "giao nhiệm vụ (cụ thể) cho", "giao trách nhiệm cho"
    ("UBND tỉnh Nghệ An giao nhiệm vụ cho Sở Y tế và Sở Tài chính tham mưu.", ("UBND tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An")),
    ("UBND tỉnh Nghệ An đã giao nhiệm vụ cụ thể cho Sở Y tế tham mưu.", ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    ("UBND tỉnh Nghệ An giao trách nhiệm cho Sở Y tế tham mưu.", ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    ("Thủ tướng Chính phủ giao nhiệm vụ cho Bộ Y tế chủ trì xây dựng đề án.", ("Thủ tướng Chính phủ", "Bộ Y tế")),
    # the task written before the bodies it is given to
    ("UBND tỉnh Nghệ An giao nhiệm vụ xây dựng đề án cho Sở Y tế.", ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    ("Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An giao nhiệm vụ chủ trì xây dựng đề án cho Sở Y tế tỉnh Nghệ An.",
     ("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")),
    ("UBND tỉnh Nghệ An giao trách nhiệm xây dựng đề án cho Sở Y tế và Sở Tài chính.",
     ("UBND tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An")),
]


@pytest.mark.parametrize("text, fact", GIVERS)
def test_the_office_gives_the_task(text: str, fact: tuple[str, str]) -> None:
    got = facts(text, "ASSIGNS")
    assert fact in got, got


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An đề nghị ông Lê Văn Hòa rà soát.",  # a person, no body tasked
    "Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An yêu cầu các sở, ngành khẩn trương rà soát.",  # generic recipients
    "Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An Nguyễn Văn An đề nghị Sở Y tế rà soát.",  # a member speaks for no office
    "UBND tỉnh Nghệ An giao nhiệm vụ xây dựng đề án cho các sở, ngành.",  # generic recipients
    # named without a title: no office elsewhere, a deputy's, or two heads' (which one is not written)
    "Ông Nguyễn Văn An cho biết sẽ họp. Ông An yêu cầu Sở Y tế rà soát.",
    "Ông Lê Văn Hòa, Phó Chủ tịch UBND tỉnh Nghệ An dự họp. Ông Hòa yêu cầu Sở Y tế rà soát.",
    "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An, Bí thư Đảng ủy UBND tỉnh dự họp. Ông An yêu cầu Sở Y tế rà soát.",
    "UBND tỉnh Nghệ An giao nhiệm vụ xây dựng đề án; cho phép Sở Y tế tuyển dụng.",  # "cho" of another clause
])
def test_no_office_task(text: str) -> None:
    assert facts(text, "ASSIGNS") == set()


# -- the signer's post, from the title above the name and the body the heading names
BLOCKS = [
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 84/KH-UBND\nKẾ HOẠCH\nTriển khai chuyển đổi số.\n\n"
     "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Văn An\n",
     ("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), "current"),
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 612/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc phê duyệt.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
     "(Đã ký)\nNguyễn Văn An\n", ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), "current"),
    ("BỘ TÀI CHÍNH\nSố: 10/2025/TT-BTC\nTHÔNG TƯ\nHướng dẫn thu phí.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nTrần Văn Hòa\n",
     ("HOLDS", "Trần Văn Hòa", "Bộ Tài chính"), "current"),
    ("UBND TỈNH NGHỆ AN\nSỞ Y TẾ\nSố: 56/SYT-NVY\nKính gửi: Các bệnh viện.\n\nQ. GIÁM ĐỐC\nLê Thị Mai\n",
     ("CHAIRED", "Lê Thị Mai", "Sở Y tế tỉnh Nghệ An"), "acting"),
    ("TỈNH ỦY NGHỆ AN\nSố 143-KL/TU\nKẾT LUẬN\nBan Thường vụ Tỉnh ủy kết luận.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Hòa\n",
     ("CHAIRED", "Lê Văn Hòa", "Tỉnh ủy Nghệ An"), "current"),
    # the title's own body wins over the heading's ("Thủ tướng Chính phủ" is the office, not the government)
    ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/CĐ-TTg\nCÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu Bộ Quốc phòng chủ động.\n\n"
     "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nTrần Văn Hòa\n", ("HOLDS", "Trần Văn Hòa", "Chính phủ"), "current"),
    ("CHÍNH PHỦ\nSố: 12/NQ-CP\nNGHỊ QUYẾT\nQuyết nghị.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n",
     ("CHAIRED", "Phạm Minh Chính", "Chính phủ"), "current"),
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 84/KH-UBND\nKẾ HOẠCH\nTriển khai.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\n\n\n"
     "Nguyễn Văn An\n", ("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), "current"),
]


@pytest.mark.parametrize("text, post, status", BLOCKS)
def test_the_signature_block_states_the_signers_post(text: str, post: tuple[str, str, str], status: str) -> None:
    got = tenures(text)
    assert set(got) == {post}, got
    assert got[post]["status"] == status, got


def test_a_text_that_is_no_legal_text_has_no_signature_block() -> None:
    text = "Tin tức\nTheo văn bản Số 143-KL/TU, Ban Thường vụ Tỉnh ủy Nghệ An kết luận.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Hòa\n"
    assert tenures(text) == {}


@pytest.mark.parametrize("text", [
    # signed by order of the head: the signer heads an organ of the body, not the body
    "BỘ TÀI CHÍNH\nSố: 10/2025/TT-BTC\nTHÔNG TƯ\nHướng dẫn thu phí.\n\nTL. BỘ TRƯỞNG\nVỤ TRƯỞNG\n(Đã ký)\nTrần Văn Hòa\n",
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 84/KH-UBND\nKẾ HOẠCH\nTriển khai.\n\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nNguyễn Văn An\n",
    # more than the title on its line: an organ the block names, not the heading's body
    "BỘ TÀI CHÍNH\nSố: 10/2025/TT-BTC\nTHÔNG TƯ\nHướng dẫn.\n\nKT. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ\n(Đã ký)\nTrần Văn Hòa\n",
])
def test_a_block_states_no_post_it_cannot_place(text: str) -> None:
    assert tenures(text) == {}
    assert facts(text, "SIGNED")  # the signature stands


# -- the meeting chaired, named with what it is about and with whom
MEETINGS = [
    ("Bí thư Tỉnh ủy Nguyễn Văn An chủ trì Hội nghị về công tác cán bộ.", "Hội nghị về công tác cán bộ"),
    ("Hội nghị về công tác cán bộ do Bí thư Tỉnh ủy Nguyễn Văn An chủ trì.", "Hội nghị về công tác cán bộ"),
    ("Bí thư Tỉnh ủy Nguyễn Văn An chủ trì hội nghị về công tác cán bộ, đánh giá kết quả.", "hội nghị về công tác cán bộ"),
    ("Bí thư Tỉnh ủy Nguyễn Văn An chủ trì cuộc họp với Ban Thường vụ Tỉnh ủy, các sở, ngành về công tác cán bộ.",
     "cuộc họp với Ban Thường vụ Tỉnh ủy, các sở, ngành"),
    ("Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì hội nghị với UBND các huyện, thành phố, thị xã về giải ngân.",
     "hội nghị với UBND các huyện, thành phố, thị xã"),
    # "về" after more of the name still ends it
    ("Phó Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì cuộc họp với các sở, ngành về giải phóng mặt bằng.", "cuộc họp với các sở, ngành"),
    ("Bí thư Tỉnh ủy Nguyễn Văn An chủ trì hội nghị trực tuyến về phòng chống dịch.", "hội nghị trực tuyến"),
]


@pytest.mark.parametrize("text, event", MEETINGS)
def test_the_meeting_is_named_as_written(text: str, event: str) -> None:
    got = {e for _, _, e in presided(text)}
    assert got == {event}, got


def test_a_list_of_bodies_joined_by_a_comma_alone_ends_the_name() -> None:
    got = {e for _, _, e in presided("Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì cuộc họp với Sở Y tế, Sở Tài chính về dự án.")}
    assert got == {"cuộc họp với Sở Y tế"}, got
