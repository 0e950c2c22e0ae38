"""Position shapes missed on a third set of unannotated news (branch recall3), one table per shape:
invented sentences (names, places and bodies made up), the facts each must give, and look-alike
sentences that must not give them."""

from __future__ import annotations

import pytest

from helpers import posts

# -- a bare ad hoc head after a title, its body named in full later in the same sentence
#    ("Tổ trưởng Tổ công tác tại Phiên họp thứ ba của Tổ Công tác cải cách TTHC")
NAMED_LATER = [
    ("Văn phòng Chính phủ thông báo kết luận của Phó Thủ tướng Lê Văn Hòa - Tổ trưởng Tổ công tác tại Phiên họp "
     "thứ hai của Tổ công tác cải cách hành chính.", ("CHAIRED", "Lê Văn Hòa", "Tổ công tác cải cách hành chính")),
    ("Phó Chủ tịch UBND tỉnh Lê Văn Hòa, Trưởng Ban Chỉ đạo đã chủ trì cuộc họp của Ban Chỉ đạo phòng, chống dịch tỉnh.",
     ("CHAIRED", "Lê Văn Hòa", "Ban Chỉ đạo phòng, chống dịch tỉnh")),
]


@pytest.mark.parametrize("text, fact", NAMED_LATER)
def test_bare_ad_hoc_head_named_later_in_its_sentence(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in posts(text)


NOT_NAMED_LATER = [
    # the full name stands in the next sentence: the head word is not read as it
    ("Trưởng Ban Chỉ đạo Lê Văn Hòa phát biểu. Sau đó, Ban Chỉ đạo phòng, chống dịch tỉnh họp.",
     "Ban Chỉ đạo phòng, chống dịch tỉnh"),
    # what follows later is a class of bodies, not one
    ("Trưởng Ban Chỉ đạo Lê Văn Hòa phát biểu tại cuộc họp của Ban Chỉ đạo các cấp.", "Ban Chỉ đạo các cấp"),
    # another head: "Tổ công tác" is not the "Ban Chỉ đạo" named later
    ("Tổ trưởng Tổ công tác Lê Văn Hòa báo cáo Ban Chỉ đạo phòng, chống dịch tỉnh.", "Ban Chỉ đạo phòng, chống dịch tỉnh"),
]


@pytest.mark.parametrize("text, body", NOT_NAMED_LATER)
def test_bare_ad_hoc_head_not_read_across(text: str, body: str) -> None:
    assert ("CHAIRED", "Lê Văn Hòa", body) not in posts(text)


# -- promotion verbs before the new post: "cất nhắc lên chức", "thăng chức"
PROMOTED = [
    ("Ông Lê Văn Hòa, Phó Giám đốc Sở Y tế được lãnh đạo UBND tỉnh cất nhắc lên chức Giám đốc Sở Y tế.",
     [("CHAIRED", "Lê Văn Hòa", "Sở Y tế"), ("HOLDS", "Lê Văn Hòa", "Sở Y tế")]),
    ("Ông Lê Văn Hòa được thăng chức Giám đốc Sở Tài chính.", [("CHAIRED", "Lê Văn Hòa", "Sở Tài chính")]),
    ("Bà Trần Thị Mai lên chức Phó Chủ tịch UBND tỉnh sau 2 năm.", [("HOLDS", "Trần Thị Mai", "UBND tỉnh")]),
]


@pytest.mark.parametrize("text, facts", PROMOTED)
def test_promoted_to_a_post(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert set(facts) <= got, got


def test_promotion_word_with_no_post_after_it_gives_nothing() -> None:
    got = posts("Giám đốc Sở Y tế Lê Văn Hòa cho biết nhiều cán bộ chưa được lên chức dù đủ điều kiện.")
    assert got == {("CHAIRED", "Lê Văn Hòa", "Sở Y tế")}


# -- the title's head word written again before its organ: "Trưởng ban Ban Chỉ đạo ...", "Trưởng đoàn
#    Đoàn công tác ..." (seen in raw before a title with no name: "Chủ tịch UBND thành phố, Trưởng ban
#    Ban chỉ đạo ...")
DOUBLED_HEAD = [
    ("Ông Lê Văn Hòa, Phó Chủ tịch UBND tỉnh, Trưởng ban Ban Chỉ đạo phòng chống dịch tỉnh dự.",
     [("CHAIRED", "Lê Văn Hòa", "Ban Chỉ đạo phòng chống dịch tỉnh"), ("HOLDS", "Lê Văn Hòa", "UBND tỉnh")]),
    ("Phó Chủ tịch UBND tỉnh, Trưởng ban Ban Chỉ đạo phòng chống dịch tỉnh Lê Văn Hòa dự.",
     [("CHAIRED", "Lê Văn Hòa", "Ban Chỉ đạo phòng chống dịch tỉnh")]),
    ("Ông Lê Văn Hòa, Phó Trưởng ban Ban Tổ chức Tỉnh ủy dự.", [("HOLDS", "Lê Văn Hòa", "Ban Tổ chức Tỉnh ủy")]),
    ("Ông Lê Văn Hòa, Trưởng đoàn Đoàn công tác của Bộ Y tế làm việc với tỉnh.",
     [("CHAIRED", "Lê Văn Hòa", "Đoàn công tác của Bộ Y tế")]),
]


@pytest.mark.parametrize("text, facts", DOUBLED_HEAD)
def test_head_word_written_twice(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert set(facts) <= got, got


@pytest.mark.parametrize("text, body", [
    ("Ông Lê Văn Hòa, Trưởng ban Tổ chức Tỉnh ủy dự.", "Ban Tổ chức Tỉnh ủy"),  # one head word: as before
    ("Ông Lê Văn Hòa, Trưởng ban Tuyên giáo Tỉnh ủy dự.", "Ban Tuyên giáo Tỉnh ủy"),
])
def test_head_word_written_once(text: str, body: str) -> None:
    assert posts(text) == {("CHAIRED", "Lê Văn Hòa", body)}


@pytest.mark.parametrize("text, body", [
    # the body named later is one the sentence sets up, not the one headed
    ("Trưởng Ban Chỉ đạo Lê Văn Hòa đề nghị thành lập Ban Chỉ đạo phòng chống thiên tai của xã.",
     "Ban Chỉ đạo phòng chống thiên tai"),
    ("Ông Lê Văn Hòa, Trưởng Ban Chỉ đạo đề nghị các xã kiện toàn Ban Chỉ đạo phòng chống thiên tai cấp xã.",
     "Ban Chỉ đạo phòng chống thiên tai cấp xã"),
])
def test_bare_ad_hoc_head_is_not_a_body_set_up_later(text: str, body: str) -> None:
    assert ("CHAIRED", "Lê Văn Hòa", body) not in posts(text)
