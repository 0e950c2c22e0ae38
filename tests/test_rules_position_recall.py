"""Position shapes found missing in unannotated news (issue 10, recall audit of raw texts), one
table per shape: invented sentences (names, places and bodies made up or swapped), the (rule,
relationship, person, body) each must give, and look-alike sentences that must not give it.
Bodies are compared by their resolved display names."""

from __future__ import annotations

import pytest

from helpers import persons, positions, posts, presided

# -- a title shared by a list whose items are "<own titles> <name>": "các Ủy viên Trung ương
#    Đảng: Phó Chủ tịch Quốc hội A; Chủ nhiệm Ủy ban Xã hội B; ..."
SHARED_OVER_ITEM_CHAINS = [
    ("Tham dự có các Ủy viên Trung ương Đảng: Phó Chủ tịch Quốc hội Lê Văn Hòa; Phó Chủ tịch Quốc hội, Thượng tướng "
     "Lò Văn Sinh; Chủ nhiệm Ủy ban Xã hội Trần Thị Lan; Bộ trưởng Bộ Tư pháp Ngô Minh Tâm.",
     [("HOLDS", "Lê Văn Hòa", "Ban Chấp hành Trung ương Đảng"), ("HOLDS", "Lê Văn Hòa", "Quốc hội"),
      ("HOLDS", "Lò Văn Sinh", "Ban Chấp hành Trung ương Đảng"), ("HOLDS", "Lò Văn Sinh", "Quốc hội"),
      ("HOLDS", "Trần Thị Lan", "Ban Chấp hành Trung ương Đảng"), ("CHAIRED", "Trần Thị Lan", "Ủy ban Xã hội"),
      ("HOLDS", "Ngô Minh Tâm", "Ban Chấp hành Trung ương Đảng"), ("CHAIRED", "Ngô Minh Tâm", "Bộ Tư pháp")]),
    ("Cùng dự có các Ủy viên Ban Thường vụ Tỉnh ủy Sơn La: Trưởng Ban Tổ chức Tỉnh ủy Cầm Văn Pình, Phó Chủ tịch UBND "
     "tỉnh Hà Thị Mai.",
     [("HOLDS", "Cầm Văn Pình", "Ban Thường vụ Tỉnh ủy Sơn La"), ("HOLDS", "Hà Thị Mai", "Ban Thường vụ Tỉnh ủy Sơn La"),
      ("HOLDS", "Hà Thị Mai", "UBND tỉnh Sơn La")]),
    # an item whose name we cannot bound is passed over; the list goes on after it
    ("Dự có các Ủy viên Trung ương Đảng: Phó Chủ tịch Quốc hội Lê Văn Hòa; Chủ tịch Hội đồng Dân tộc Y Thanh Hà Niê "
     "Kđăm; Chủ nhiệm Ủy ban Xã hội Trần Thị Lan.",
     [("HOLDS", "Lê Văn Hòa", "Ban Chấp hành Trung ương Đảng"), ("HOLDS", "Trần Thị Lan", "Ban Chấp hành Trung ương Đảng")]),
]


@pytest.mark.parametrize("text, facts", SHARED_OVER_ITEM_CHAINS)
def test_title_shared_over_items_with_titles_of_their_own(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    for fact in facts:
        assert fact in got, got


NOT_SHARED_OVER_ITEM_CHAINS = [
    # no list after the title: the next chain and its name are someone else's
    ("Ủy viên Trung ương Đảng Lê Văn Hòa và Bộ trưởng Bộ Tư pháp Ngô Minh Tâm dự.", "Ngô Minh Tâm",
     "Ban Chấp hành Trung ương Đảng"),
    # a list intro after a sentence's end is no list of the title before it
    ("Ông Lê Văn Hòa là Ủy viên Trung ương Đảng. Dự có: Bộ trưởng Bộ Tư pháp Ngô Minh Tâm.", "Ngô Minh Tâm",
     "Ban Chấp hành Trung ương Đảng"),
]


@pytest.mark.parametrize("text, person, body", NOT_SHARED_OVER_ITEM_CHAINS)
def test_not_shared_over_item_chains(text: str, person: str, body: str) -> None:
    assert not {g for g in positions(text) if g[2:] == (person, body)}


# -- a committee's term after the last title of a list item does not end the list
TERM_BEFORE_NEXT_ITEM = [
    "Dự họp có các đồng chí: Lê Văn Hòa, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội khóa XV của tỉnh; Chẩu Văn Lâm, "
    "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
    "Dự có các đồng chí: Lê Văn Hòa, Chủ tịch HĐND tỉnh nhiệm kỳ 2021 - 2026; Chẩu Văn Lâm, Phó Bí thư Tỉnh ủy, Chủ "
    "tịch UBND tỉnh.",
]


@pytest.mark.parametrize("text", TERM_BEFORE_NEXT_ITEM)
def test_term_before_the_next_item(text: str) -> None:
    # "Chẩu" is in no list of family names: only the list licenses the name
    assert ("positions.apposition", "CHAIRED", "Chẩu Văn Lâm", "UBND tỉnh") in positions(text)


def test_term_then_a_clause_ends_the_list() -> None:
    text = "Dự có các đồng chí: Lê Văn Hòa, Bí thư Tỉnh ủy khóa XV đã phát biểu; Chẩu Văn Lâm cũng dự."
    assert "Chẩu Văn Lâm" not in persons(text)


# -- a semicolon inside the titles written after a name, when the titles after it name nobody
SEMICOLON_IN_APPOSITION = [
    ("Các đồng chí: Lê Văn Hòa, Ủy viên Bộ Chính trị; Bí thư Trung ương Đảng, Trưởng Ban Kinh tế Trung ương; Trần Văn "
     "Tâm, Bí thư Thành ủy đồng chủ trì.",
     [("HOLDS", "Lê Văn Hòa", "Bộ Chính trị"), ("HOLDS", "Lê Văn Hòa", "Ban Bí thư"),
      ("CHAIRED", "Lê Văn Hòa", "Ban Kinh tế Trung ương"), ("CHAIRED", "Trần Văn Tâm", "Thành ủy")]),
]


@pytest.mark.parametrize("text, facts", SEMICOLON_IN_APPOSITION)
def test_semicolon_inside_the_apposition(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    for fact in facts:
        assert fact in got, got


NOT_ACROSS_SEMICOLON = [
    # the titles after the semicolon introduce the next person, by name, by honorific or by a list
    ("Dự có ông Lê Văn Hòa, Bí thư Tỉnh ủy; Phó Bí thư Thường trực Tỉnh ủy Trần Văn Tâm.", "HOLDS", "Tỉnh ủy"),
    ("Dự có ông Lê Văn Hòa, Bí thư Tỉnh ủy; Phó Chủ tịch UBND tỉnh, ông Trần Văn Tâm.", "HOLDS", "UBND tỉnh"),
    ("Dự có ông Lê Văn Hòa, Bí thư Tỉnh ủy; Phó Chủ tịch UBND tỉnh: Trần Văn Tâm, Ngô Văn Ba.", "HOLDS", "UBND tỉnh"),
    # before a name (not after one) a semicolon still ends the chain
    ("Phó Chủ tịch UBND tỉnh; Bí thư Tỉnh ủy Lê Văn Hòa dự.", "HOLDS", "UBND tỉnh"),
]


@pytest.mark.parametrize("text, rel, body", NOT_ACROSS_SEMICOLON)
def test_not_across_semicolon(text: str, rel: str, body: str) -> None:
    assert not {g for g in positions(text) if g[1:] == (rel, "Lê Văn Hòa", body)}


# -- "Trung ương" written short in a central organ's name: "T.Ư", "TƯ", "TW"
CENTRAL_SHORT = [
    ("Ông Ngô Văn Tâm (trái), Ủy viên T.Ư Đảng, Phó trưởng ban Tổ chức T.Ư trao quyết định.", "HOLDS",
     "Ban Tổ chức Trung ương"),
    ("Trưởng Ban Nội chính TW Ngô Văn Tâm dự.", "CHAIRED", "Ban Nội chính Trung ương"),
    ("Phó Chủ nhiệm Ủy ban Kiểm tra TƯ Ngô Văn Tâm dự.", "HOLDS", "Ủy ban Kiểm tra Trung ương"),
]


@pytest.mark.parametrize("text, rel, body", CENTRAL_SHORT)
def test_central_organ_written_short(text: str, rel: str, body: str) -> None:
    assert posts(text) >= {(rel, "Ngô Văn Tâm", body)}


# -- an organ no gazetteer knows, read as written, ends before a verb that goes on with the sentence
ORGAN_BEFORE_A_VERB = [
    ("Ông Lê Văn Hòa, Phó Giám đốc Sở Quy hoạch Kiến trúc tới công tác tại quận Ba Đình.", "HOLDS",
     "Sở Quy hoạch Kiến trúc"),
    ("Ông Lê Văn Hòa, Bí thư Đảng đoàn MTTQ Việt Nam tham gia Đoàn Chủ tịch.", "CHAIRED", "Đảng đoàn MTTQ Việt Nam"),
    ("Ông Lê Văn Hòa, Viện trưởng Viện Chiến lược Phát triển cho biết.", "CHAIRED", "Viện Chiến lược Phát triển"),
]


@pytest.mark.parametrize("text, rel, body", ORGAN_BEFORE_A_VERB)
def test_organ_ends_before_a_verb(text: str, rel: str, body: str) -> None:
    assert ("positions.apposition", rel, "Lê Văn Hòa", body) in positions(text)


NOT_AN_ORGAN_BEFORE_A_VERB = [
    # the words before the verb are no name (two lower-case words in a row)
    "Ông Lê Văn Hòa, Giám đốc Trung tâm Kiểm soát bệnh tật đã ký.",
    # a place after a preposition says where the organ is, not which
    "Ông Lê Văn Hòa, Giám đốc Công ty Minh Long ở tỉnh Sóc Trăng cho biết.",
]


@pytest.mark.parametrize("text", NOT_AN_ORGAN_BEFORE_A_VERB)
def test_no_organ_before_a_verb(text: str) -> None:
    assert not positions(text)


# -- an abbreviation naming an organ, then a level word with no place ("LĐLĐ tỉnh", "BHXH huyện")
ABBREVIATED_ORGAN_AT_A_LEVEL = [
    ("Ông Lê Văn Hòa, Chủ tịch LĐLĐ tỉnh phát biểu.", "CHAIRED", "Liên đoàn Lao động tỉnh"),  # one bodies.yaml knows: in full
    ("Tại hội nghị, ông Lê Văn Hòa - Phó Giám đốc BHXH huyện cho biết.", "HOLDS", "BHXH huyện"),
]


@pytest.mark.parametrize("text, rel, body", ABBREVIATED_ORGAN_AT_A_LEVEL)
def test_abbreviated_organ_at_a_level(text: str, rel: str, body: str) -> None:
    assert ("positions.apposition", rel, "Lê Văn Hòa", body) in positions(text)


def test_organ_word_then_a_level_is_no_name() -> None:
    # a head word (not an abbreviation) needs a capitalised word of its own: "Sở tỉnh" names nothing
    assert not positions("Ông Lê Văn Hòa, Giám đốc Sở tỉnh cho biết.")


# -- "Trưởng phòng", "Phó trưởng phòng": the organ's head word written in lower case with the title
LOWER_CASE_OFFICE = [
    ("Ông Lê Văn Hòa, Trưởng phòng Văn hóa - Xã hội xã Tân Lập cho biết.", "CHAIRED", "Phòng Văn hóa - Xã hội xã Tân Lập"),
    ("Phó trưởng phòng Kinh tế phường Ba Đình Lê Văn Hòa cho biết.", "HOLDS", "Phòng Kinh tế phường Ba Đình"),
]


@pytest.mark.parametrize("text, rel, body", LOWER_CASE_OFFICE)
def test_lower_case_office(text: str, rel: str, body: str) -> None:
    assert posts(text) >= {(rel, "Lê Văn Hòa", body)}


NOT_A_LOWER_CASE_OFFICE = [
    "Ông Lê Văn Hòa, trưởng ban chỉ đạo cho biết.",  # every word in lower case: a description, no name
    "Ông Lê Văn Hòa, Trưởng phòng cho biết.",  # the head word alone
    "Ông Lê Văn Hòa, Giám đốc phòng khám Đa khoa cho biết.",  # only the offices' own titles read lower case
]


@pytest.mark.parametrize("text", NOT_A_LOWER_CASE_OFFICE)
def test_not_a_lower_case_office(text: str) -> None:
    assert not positions(text)


# -- a name with no honorific after a word that opens a noun phrase, licensed by its own titles
PHRASE_OPENER = [
    "Sáng 5/3, Nguyễn Văn An, Phó Chủ tịch UBND tỉnh cho biết dự án đã xong.",
    "Theo Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, dự án đã xong.",
    "Cùng dự có Nguyễn Văn An, Phó Chủ tịch UBND tỉnh.",
]


@pytest.mark.parametrize("text", PHRASE_OPENER)
def test_name_after_a_phrase_opener(text: str) -> None:
    assert ("positions.apposition", "HOLDS", "Nguyễn Văn An", "UBND tỉnh") in positions(text)


NOT_AFTER_A_PHRASE_OPENER = [
    # no title of its own follows: nothing licenses the name
    "Theo Nguyễn Văn An cho biết, dự án đã xong.",
    # the titles after the comma introduce the next name: the run before is a place
    "Về phía quận Lê Chân, Chủ tịch UBND quận Lê Chân Nguyễn Văn An cho biết.",
]


@pytest.mark.parametrize("text", NOT_AFTER_A_PHRASE_OPENER)
def test_not_after_a_phrase_opener(text: str) -> None:
    assert persons(text) <= {"Nguyễn Văn An"}


# -- "dưới sự chủ trì của X, <subject> đã tổ chức <event>": the event the main clause holds
HELD_UNDER = [
    ("Sáng 5/3, dưới sự chủ trì của Bí thư Tỉnh ủy Lê Văn An, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị sơ kết công tác "
     "cán bộ.", "hội nghị sơ kết công tác cán bộ"),
    ("Dưới sự chủ trì của đồng chí Lê Văn An, Chủ tịch UBND tỉnh, Ủy ban đã có buổi làm việc với Bộ Y tế.",
     "buổi làm việc với Bộ Y tế"),
]


@pytest.mark.parametrize("text, event", HELD_UNDER)
def test_event_held_under_a_chair(text: str, event: str) -> None:
    assert ("presiding.su_chu_tri", "Lê Văn An", event) in presided(text)


def test_no_event_held_under_a_chair() -> None:
    # the clause holds no meeting: nothing is presided over
    assert not presided("Dưới sự chủ trì của đồng chí Lê Văn An, Chủ tịch UBND tỉnh, các đại biểu đã thảo luận về dự án.")


# -- persons joined by "và" / commas share the post their verb gives
COORDINATED_SUBJECTS = [
    "Ông Lê Văn An và ông Trần Văn Bình được bầu làm Phó Bí thư Tỉnh ủy.",
    "Ông Lê Văn An (Chủ tịch UBND tỉnh) và ông Trần Văn Bình (Chủ tịch HĐND tỉnh) được bầu làm Phó Bí thư Tỉnh ủy.",
    "Bà Lê Văn An (Phó Bí thư nhiệm kỳ trước) và ông Trần Văn Bình tái đắc cử Phó Bí thư Tỉnh ủy.",
    "Ông Lê Văn An, Chủ tịch UBND tỉnh và ông Trần Văn Bình, Chủ tịch HĐND tỉnh được bầu làm Phó Bí thư Tỉnh ủy.",
]


@pytest.mark.parametrize("text", COORDINATED_SUBJECTS)
def test_coordinated_subjects_share_the_post(text: str) -> None:
    got = positions(text)
    for person in ("Lê Văn An", "Trần Văn Bình"):
        assert ("positions.appointment", "HOLDS", person, "Tỉnh ủy") in got, got


NOT_COORDINATED = [
    # each has a verb and a post of its own
    ("Bầu ông Lê Văn An làm Chủ tịch HĐND tỉnh, ông Trần Văn Bình làm Phó Chủ tịch HĐND tỉnh.", "HOLDS", "HĐND tỉnh"),
    # the first gives the post, the second takes it
    ("Ông Lê Văn An trao quyết định cho ông Trần Văn Bình giữ chức Phó Giám đốc Sở Y tế.", "HOLDS", "Sở Y tế"),
    # another clause stands between
    ("Ông Lê Văn An dự lễ; ông Trần Văn Bình được bầu làm Chủ tịch UBND tỉnh.", "CHAIRED", "UBND tỉnh"),
]


@pytest.mark.parametrize("text, rel, body", NOT_COORDINATED)
def test_not_coordinated(text: str, rel: str, body: str) -> None:
    assert not {g for g in positions(text) if g[1:] == (rel, "Lê Văn An", body)}


# -- a committee's term between a title's body and the name: "Bí thư Tỉnh ủy khóa XIX Lê Văn A"
TERM_BEFORE_THE_NAME = [
    ("Bí thư Tỉnh ủy khóa XIX Lê Văn An phát biểu.", "CHAIRED", "Tỉnh ủy"),
    ("Chủ tịch HĐND tỉnh khóa XV, nhiệm kỳ 2021-2026 Lê Văn An phát biểu.", "CHAIRED", "HĐND tỉnh"),
    ("Ông Lê Văn An, Chủ tịch HĐND tỉnh khóa XV, Phó Bí thư Tỉnh ủy phát biểu.", "HOLDS", "Tỉnh ủy"),
]


@pytest.mark.parametrize("text, rel, body", TERM_BEFORE_THE_NAME)
def test_term_before_the_name(text: str, rel: str, body: str) -> None:
    assert posts(text) >= {(rel, "Lê Văn An", body)}


# -- "<body> gồm <title> A, các <title> B, C": the staff of the body opening the clause
def test_staff_listed_after_gom() -> None:
    got = posts("Lãnh đạo UBND tỉnh gồm Chủ tịch Lê Văn An, các Phó Chủ tịch Trần Văn Bình, Ngô Văn Cường.")
    assert got >= {("CHAIRED", "Lê Văn An", "UBND tỉnh"), ("HOLDS", "Trần Văn Bình", "UBND tỉnh"), ("HOLDS", "Ngô Văn Cường", "UBND tỉnh")}


def test_implied_body_is_not_the_subjects() -> None:
    # "Ủy viên Trung ương Đảng" sits in the Central Committee, not in the body whose list it is in
    text = "Phó Trưởng Ban Chỉ đạo gồm: Ông Lê Văn An, Ủy viên Trung ương Đảng, Bộ trưởng Bộ Tài chính."
    got = posts(text)
    assert ("HOLDS", "Lê Văn An", "Ban Chấp hành Trung ương Đảng") in got, got


# -- an organ named after someone: in a run longer than any name, the name is the last three syllables
ORGAN_NAMED_AFTER_SOMEONE = [
    ("Giám đốc Bệnh viện Bạch Mai Đào Xuân Cơ dự.", "Đào Xuân Cơ", "Bệnh viện Bạch Mai"),
    ("Hiệu trưởng Trường THPT Phan Đình Phùng Lê Văn An dự.", "Lê Văn An", "Trường THPT Phan Đình Phùng"),
]


@pytest.mark.parametrize("text, person, body", ORGAN_NAMED_AFTER_SOMEONE)
def test_organ_named_after_someone(text: str, person: str, body: str) -> None:
    assert ("positions.title_chain", "CHAIRED", person, body) in positions(text)


@pytest.mark.parametrize("text, person", [
    ("Chủ nhiệm Ủy ban Kinh tế Nguyễn Thị Thanh Hương dự.", "Nguyễn Thị Thanh Hương"),  # a four-syllable name stays whole
    ("Tổng Biên tập Báo Nhân Dân Lê Quốc Minh dự.", "Lê Quốc Minh"),
])
def test_short_runs_keep_the_name(text: str, person: str) -> None:
    assert persons(text) == {person}


def test_one_letter_word_before_a_place_is_the_organs() -> None:
    # "Y" (medicine) before a place is a word of the organ's name, not the initial of a name
    assert ("positions.title_chain", "CHAIRED", "Nguyễn Hữu Tú", "Trường Đại học Y Hà Nội") in positions(
        "Hiệu trưởng Trường Đại học Y Hà Nội Nguyễn Hữu Tú dự.")
    # "Y" opening a Central Highlands name still stops the organ, and the name is the whole run
    assert persons("Chủ tịch Hội đồng Dân tộc Y Thanh Hà Niê Kđăm dự.") == {"Y Thanh Hà Niê Kđăm"}


def test_a_name_never_ends_with_thi() -> None:
    # an excerpt cut off after the middle name gives no person
    assert persons("Bí thư Tỉnh ủy Lê Văn An dự. Bà Võ Thị") == {"Lê Văn An"}
    assert persons("Bà Võ Thị Ánh Xuân, Phó Chủ tịch nước dự.") == {"Võ Thị Ánh Xuân"}


# -- "tham gia Ban Chấp hành, Ban Thường vụ và giữ chức <title> <committee>": bare organs of that committee
def test_bare_organs_joined_before_the_post() -> None:
    text = "Bộ Chính trị điều động ông Lê Văn An tham gia Ban Chấp hành, Ban Thường vụ và giữ chức Phó Bí thư Tỉnh ủy Cà Mau."
    got = posts(text)
    assert got >= {("HOLDS", "Lê Văn An", "Ban Thường vụ Tỉnh ủy Cà Mau"), ("HOLDS", "Lê Văn An", "Tỉnh ủy Cà Mau")}, got


@pytest.mark.parametrize("text", [
    "Ông Lê Văn An tham gia Ban Chấp hành, Ban Thường vụ.",  # no post names the committee
    "Ông Lê Văn An tham gia Ban Chấp hành, Ban Thường vụ và giữ chức Phó Chủ tịch UBND tỉnh Cà Mau.",  # no Party post
])
def test_bare_organs_without_a_committee(text: str) -> None:
    assert not {g for g in positions(text) if g[3].startswith("Ban Thường vụ")}
