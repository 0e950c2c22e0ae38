"""Position and name shapes missed on a second set of unannotated news (issue 10, branch recall2),
one table per shape: invented sentences (names, places and bodies made up), the facts each must
give, and look-alike sentences that must not give them."""

from __future__ import annotations

import pytest

from helpers import persons, positions, posts, presided

# -- "Chủ tịch UBND phường <Name>": the ward's name left out, the run after the level word is the
#    person's, when the article says so elsewhere (wards are named after people too)
WARD_NAME_LEFT_OUT = [
    ("Sáng 5/3, UBND phường Tân Mai tổ chức hội nghị. Chủ tịch UBND phường Trần Văn Nam phát biểu.",
     "Trần Văn Nam", ("positions.title_chain", "CHAIRED", "Trần Văn Nam", "UBND phường Tân Mai")),
    ("Đảng ủy xã Tân Lập họp. Phó Chủ tịch UBND xã Phạm Thu Hà cho biết.",
     "Phạm Thu Hà", ("positions.title_chain", "HOLDS", "Phạm Thu Hà", "UBND xã Tân Lập")),
    ("Chủ tịch UBND phường Lê Minh Khôi phát biểu. Theo ông Khôi, phường đã xong việc.", "Lê Minh Khôi", None),
    ("Phó Chủ tịch UBND xã Đỗ Thị Hạnh cho biết; bà Đỗ Thị Hạnh đề nghị cấp trên hỗ trợ.", "Đỗ Thị Hạnh", None),
]


@pytest.mark.parametrize("text, name, fact", WARD_NAME_LEFT_OUT)
def test_ward_name_left_out(text: str, name: str, fact: tuple[str, str, str, str] | None) -> None:
    assert name in persons(text)
    if fact:
        assert fact in positions(text)


WARD_NAMED_AFTER_A_PERSON = [
    "Chủ tịch UBND phường Trần Hưng Đạo phát biểu.",
    "Chủ tịch UBND phường Lê Hồng Phong cho biết phường Lê Hồng Phong có 12 tổ dân phố.",
    "Phó Chủ tịch UBND xã Võ Thị Sáu dự.",
]


@pytest.mark.parametrize("text", WARD_NAMED_AFTER_A_PERSON)
def test_ward_named_after_a_person_stays_a_place(text: str) -> None:
    assert not persons(text)


def test_two_syllable_district_beside_another_stays_a_place() -> None:
    text = "Huyện ủy Đại Từ họp. Ông Lê Văn Hòa giữ chức Phó Bí thư Huyện ủy Đồng Hỷ."
    assert "Đồng Hỷ" not in persons(text)
    assert ("HOLDS", "Lê Văn Hòa", "Huyện ủy Đồng Hỷ") in posts(text)


# -- a clause fronted before its subject: "Sau 10 tháng làm <titles>, ông A ..." (the titles are A's)
FRONTED_POST = [
    ("Sau 5 tháng làm Phó Bí thư Thường trực Thành ủy Huế, ông Lê Văn Hòa được bầu.", "HOLDS", "Lê Văn Hòa", "Thành ủy Huế"),
    ("Trước khi giữ chức Giám đốc Sở Y tế, bà Đỗ Thị Hạnh là Phó Giám đốc Bệnh viện tỉnh.", "CHAIRED", "Đỗ Thị Hạnh",
     "Sở Y tế"),
    ("Được bầu làm Chủ tịch HĐND tỉnh, ông Lê Văn Hòa cho biết sẽ nỗ lực.", "CHAIRED", "Lê Văn Hòa", "HĐND tỉnh"),
]


@pytest.mark.parametrize("text, rel, person, body", FRONTED_POST)
def test_fronted_post(text: str, rel: str, person: str, body: str) -> None:
    assert (rel, person, body) in posts(text)


NOT_FRONTED = [
    # the post is the first subject's; the name after the comma has its own verb
    ("Ông Trần Văn Nam làm Chủ tịch UBND tỉnh, ông Lê Văn Hòa làm Phó Chủ tịch.", "Lê Văn Hòa", "UBND tỉnh", "CHAIRED"),
    ("Trần Văn Nam được bầu làm Chủ tịch HĐND tỉnh, ông Lê Văn Hòa chúc mừng.", "Lê Văn Hòa", "HĐND tỉnh", "CHAIRED"),
]


@pytest.mark.parametrize("text, person, body, rel", NOT_FRONTED)
def test_not_fronted(text: str, person: str, body: str, rel: str) -> None:
    assert (rel, person, body) not in posts(text)


# -- Central Highlands names: a gender word opens them, the family name ends them, up to five syllables
HIGHLAND_NAMES = [
    ("Chủ tịch Hội đồng Dân tộc Y Thanh Hà Niê Kđăm phát biểu.", "Y Thanh Hà Niê Kđăm",
     ("CHAIRED", "Y Thanh Hà Niê Kđăm", "Hội đồng Dân tộc")),
    ("Phó Chủ tịch Quốc hội H'Lan Niê dự.", "H'Lan Niê", ("HOLDS", "H'Lan Niê", "Quốc hội")),
    ("Đồng chí Y Biêr Mlô, Phó Chủ tịch UBND tỉnh Đắk Lắk dự.", "Y Biêr Mlô", ("HOLDS", "Y Biêr Mlô", "UBND tỉnh Đắk Lắk")),
    ("Dự có các Ủy viên Trung ương Đảng: Phó Chủ tịch Quốc hội Lê Văn Hòa; Chủ tịch Hội đồng Dân tộc Y Thanh Hà Niê "
     "Kđăm; Chủ nhiệm Ủy ban Xã hội Trần Thị Lan.", "Y Thanh Hà Niê Kđăm",
     ("HOLDS", "Y Thanh Hà Niê Kđăm", "Ban Chấp hành Trung ương Đảng")),
]


@pytest.mark.parametrize("text, name, fact", HIGHLAND_NAMES)
def test_highland_names(text: str, name: str, fact: tuple[str, str, str]) -> None:
    assert name in persons(text)
    assert fact in posts(text)


NOT_HIGHLAND_NAMES = [
    "Hiệu trưởng Trường Đại học Y Hà Nội cho biết.",  # "Y" of a school's name before a place
    "Giám đốc Bệnh viện Y Dược cổ truyền cho biết.",  # one capitalised syllable after "Y"
    "Phó Giám đốc Sở Y tế tỉnh dự.",
]


@pytest.mark.parametrize("text", NOT_HIGHLAND_NAMES)
def test_not_highland_names(text: str) -> None:
    assert not persons(text)


# -- a hard line break inside a name after a middle name that never ends one (PDF-wrapped text)
@pytest.mark.parametrize("text, name", [
    ("Phó Chủ tịch UBND tỉnh Nguyễn Văn\nĐệ cho biết.", "Nguyễn Văn Đệ"),
    ("Bí thư Tỉnh ủy Lê Thị\nThu Hà dự.", "Lê Thị Thu Hà"),
    ("Chủ tịch UBND tỉnh Trần Hồng\nPhó Chủ tịch dự.", "Trần Hồng"),  # a title on the next line is no name
])
def test_line_break_after_a_middle_name(text: str, name: str) -> None:
    assert name in persons(text)


# -- "<organ> [khóa X] của tỉnh": the organ is the province's; with no province named it stays generic
OF_LEVEL = [
    ("Ông Lê Văn Hòa, Trưởng Đoàn đại biểu Quốc hội của tỉnh dự.", "Đoàn đại biểu Quốc hội tỉnh"),
    ("Dự có đồng chí Lê Văn Hòa, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội khóa XV của tỉnh; Chẩu Văn Lâm, Chủ tịch "
     "UBND tỉnh.", "Đoàn đại biểu Quốc hội tỉnh"),
    ("Ông Lê Văn Hòa, Trưởng Đoàn đại biểu Quốc hội của tỉnh Hà Giang dự.", "Đoàn đại biểu Quốc hội tỉnh Hà Giang"),
]


@pytest.mark.parametrize("text, body", OF_LEVEL)
def test_organ_of_a_level(text: str, body: str) -> None:
    assert ("CHAIRED", "Lê Văn Hòa", body) in posts(text)


def test_of_a_body_is_no_level() -> None:
    # "của" before a body, not a level word: no level is read into the organ
    got = {g[3] for g in positions("Ông Lê Văn Hòa, Chủ nhiệm Ủy ban Kinh tế của Quốc hội dự.")}
    assert got and not any("tỉnh" in b or "thành phố" in b for b in got), got


# -- the deputies listed right after the head's post: "bí thư Tỉnh ủy, các phó bí thư gồm A, B"
DEPUTIES_AFTER_THE_HEAD = [
    ("Bà Lê Thị Mai tái đắc cử chức danh bí thư Tỉnh ủy, các phó bí thư gồm ông Trần Văn Nam (Chủ tịch UBND tỉnh), "
     "Đỗ Văn Hạnh (Phó Chủ tịch UBND tỉnh).", [("HOLDS", "Trần Văn Nam", "Tỉnh ủy"), ("HOLDS", "Đỗ Văn Hạnh", "Tỉnh ủy")]),
    ("Ông Lê Văn Hòa được bầu làm Chủ tịch HĐND tỉnh, các Phó Chủ tịch là ông Trần Văn Nam và bà Đỗ Thị Hạnh.",
     [("HOLDS", "Trần Văn Nam", "HĐND tỉnh"), ("HOLDS", "Đỗ Thị Hạnh", "HĐND tỉnh")]),
]


@pytest.mark.parametrize("text, facts", DEPUTIES_AFTER_THE_HEAD)
def test_deputies_after_the_head(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    for fact in facts:
        assert fact in got, got


def test_deputies_of_another_office_are_not_the_heads() -> None:
    # another office's deputies ("Phó Giám đốc" after "Chủ tịch") take nothing from the head's body
    text = "Ông Lê Văn Hòa được bầu làm Chủ tịch HĐND tỉnh, các Phó Giám đốc là ông Trần Văn Nam và bà Đỗ Thị Hạnh."
    assert not {g for g in positions(text) if g[2] != "Lê Văn Hòa"}


# -- "UVT.Ư Đảng" (Ủy viên Trung ương Đảng): its full stops end no sentence, so what the person
#    does after the titles is still theirs
def test_abbreviated_central_committee_member_keeps_the_sentence() -> None:
    text = ("Chiều 6/8, đồng chí Lê Thị Thanh, UVT.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh chủ trì hội nghị Ban "
            "Thường vụ Tỉnh ủy để cho ý kiến.")
    assert ("presiding.chu_tri", "Lê Thị Thanh", "hội nghị Ban Thường vụ Tỉnh ủy") in presided(text)
    assert ("HOLDS", "Lê Thị Thanh", "Ban Chấp hành Trung ương Đảng") in posts(text)


# -- an abbreviated degree with its full stop opens a name as a rank does ("TS. Lê Văn A, ...")
@pytest.mark.parametrize("text", [
    "Theo TS. Lê Văn An, Phó Giám đốc Sở Y tế, cần làm ngay.",
    "Dự có PGS. TS. Lê Văn An, Phó Giám đốc Sở Y tế.",
    "ThS. Lê Văn An, Phó Giám đốc Sở Y tế cho biết.",
])
def test_degree_with_a_full_stop(text: str) -> None:
    assert ("HOLDS", "Lê Văn An", "Sở Y tế") in posts(text)


def test_degree_with_a_full_stop_in_a_chain() -> None:
    assert ("CHAIRED", "Lê Văn An", "Sở Y tế") in posts("Giám đốc Sở Y tế, TS. Lê Văn An cho biết.")


def test_full_stop_after_a_rank_word_ends_the_sentence() -> None:
    # "Đại tá." is a word ending a sentence, not an abbreviation: the next sentence's name is bare
    assert not persons("Ông được thăng quân hàm Đại tá. Lê Văn An dự.")


# -- a chain opening its sentence, a comma, then the bare name of the sentence's subject
SUBJECT_AFTER_ITS_TITLES = [
    ("Bí thư Tỉnh ủy Nghệ An, Nguyễn Văn An cho biết.", "CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Nghệ An"),
    ("Sáng 5/3, Chủ tịch UBND tỉnh, Nguyễn Văn An đã chủ trì cuộc họp.", "CHAIRED", "Nguyễn Văn An", "UBND tỉnh"),
]


@pytest.mark.parametrize("text, rel, person, body", SUBJECT_AFTER_ITS_TITLES)
def test_subject_after_its_titles(text: str, rel: str, person: str, body: str) -> None:
    assert (rel, person, body) in posts(text)


@pytest.mark.parametrize("text", [
    "Sau khi gặp Chủ tịch UBND tỉnh, Nguyễn Văn An cho biết.",  # the titles are the object of a clause before
    "Chủ tịch UBND tỉnh, Nguyễn Văn An, Trần Văn Bình dự.",  # a list of its own, not one subject
])
def test_no_subject_after_the_titles(text: str) -> None:
    assert not positions(text)


# -- family names of ethnic minorities after a title chain, with no list or honorific to license them
@pytest.mark.parametrize("text, rel, person, body", [
    ("Chủ tịch UBND tỉnh Chẩu Văn Lâm dự.", "CHAIRED", "Chẩu Văn Lâm", "UBND tỉnh"),
    ("Phó Chủ tịch UBND tỉnh Ma Thế Hồng dự.", "HOLDS", "Ma Thế Hồng", "UBND tỉnh"),
    ("Bí thư Huyện ủy Mường Tè Lường Văn Tiến dự.", "CHAIRED", "Lường Văn Tiến", "Huyện ủy Mường Tè"),
    ("Phó Chủ tịch UBND tỉnh Gia Lai Siu Hương dự.", "HOLDS", "Siu Hương", "UBND tỉnh Gia Lai"),
    ("Chủ tịch UBND tỉnh Sóc Trăng Danh Út dự.", "CHAIRED", "Danh Út", "UBND tỉnh Sóc Trăng"),
])
def test_minority_family_names(text: str, rel: str, person: str, body: str) -> None:
    assert (rel, person, body) in posts(text)


# -- the event after a few more verbs joined to "chủ trì", however many words they take
@pytest.mark.parametrize("text, event", [
    ("Đồng chí Lê Văn An, Phó Chủ tịch UBND tỉnh chủ trì và phát biểu tại hội nghị.", "hội nghị"),
    ("Đồng chí Lê Văn An chủ trì, phát biểu chỉ đạo tại Hội nghị tổng kết.", "Hội nghị tổng kết"),
    ("Đồng chí Lê Văn An chủ trì và phát biểu khai mạc Hội nghị tổng kết năm.", "Hội nghị tổng kết năm"),
])
def test_event_after_joined_verbs(text: str, event: str) -> None:
    assert ("presiding.chu_tri", "Lê Văn An", event) in presided(text)


def test_no_event_after_joined_verbs() -> None:
    assert not presided("Đồng chí Lê Văn An chủ trì và trao quà cho các gia đình chính sách.")


# -- "Ông" is a family name too: capitalised inside a sentence and followed by no family name of
#    its own, it opens the name ("Giám đốc Sở Nội vụ Ông Văn Tùng"); the honorific is written
#    lower case there, or opens a sentence, or precedes a full name ("Ông Nguyễn Văn A")
FAMILY_NAME_ONG = [
    ("Phó Giám đốc Sở Y tế tỉnh Nghệ An Ông Thị Ly cho biết.", "Ông Thị Ly"),
    ("Giám đốc Sở Nội vụ tỉnh Hà Tĩnh Ông Văn Tùng dự họp.", "Ông Văn Tùng"),
    ("Dự hội nghị có các đồng chí: Trần Văn An, Bí thư Tỉnh ủy; Ông Đức Minh, Phó Chủ tịch UBND tỉnh.",
     "Ông Đức Minh"),
]
HONORIFIC_ONG = [
    ("Ông Văn Tùng, Giám đốc Sở Nội vụ tỉnh Hà Tĩnh, dự họp.", "Văn Tùng"),  # opens the sentence
    ("Giám đốc Sở Nội vụ tỉnh Hà Tĩnh, Ông Nguyễn Văn Tùng, dự họp.", "Nguyễn Văn Tùng"),  # a family name follows
    ("Giám đốc Sở Nội vụ tỉnh Hà Tĩnh ông Nguyễn Văn Tùng dự họp.", "Nguyễn Văn Tùng"),
]


@pytest.mark.parametrize("text, name", FAMILY_NAME_ONG)
def test_family_name_ong(text: str, name: str) -> None:
    assert name in persons(text)


@pytest.mark.parametrize("text, name", HONORIFIC_ONG)
def test_honorific_ong(text: str, name: str) -> None:
    found = persons(text)
    assert not any(p.startswith("Ông ") for p in found)
    if name.split()[0] in ("Nguyễn",):
        assert name in found
