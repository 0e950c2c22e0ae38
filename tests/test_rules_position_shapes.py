"""Position shapes common in unseen news that the first rules missed (issue 10, recall on
held-out text), one table per shape: invented sentences (names, places and bodies made up or
swapped), the (rule, relationship, person, body) each must give, and look-alike sentences that
must not give it. Bodies are compared by their resolved display names."""

from __future__ import annotations

import pytest

from helpers import persons, positions, posts

# -- a body, then a clause listing its staff: "<body> (hiện) có|ngoài <title> A, N <title>: B, C"
STAFF_OF_THE_SUBJECT = [
    ("Bộ Tư pháp hiện có Bộ trưởng Lê Thành Đạt, có 4 Thứ trưởng: Trần Văn Khôi, Ngô Thị Lan và Phan Hữu Tài.",
     [("CHAIRED", "Lê Thành Đạt"), ("HOLDS", "Trần Văn Khôi"), ("HOLDS", "Ngô Thị Lan"), ("HOLDS", "Phan Hữu Tài")],
     "Bộ Tư pháp"),
    ("Hiện, lãnh đạo Bộ Y tế có Bộ trưởng Đào Minh Thu và 3 Thứ trưởng gồm các ông, bà: Lê Văn Phúc, Trần Thị Ngân, "
     "Hồ Quang Vinh.", [("CHAIRED", "Đào Minh Thu"), ("HOLDS", "Lê Văn Phúc"), ("HOLDS", "Hồ Quang Vinh")], "Bộ Y tế"),
    # an organ no gazetteer knows opens the clause; "Chủ nhiệm Ủy ban" is that organ's head
    ("Ủy ban Biên giới Quốc gia hiện ngoài Bộ trưởng, Chủ nhiệm Ủy ban Hầu Văn Lộc có 2 Thứ trưởng, Phó Chủ nhiệm: "
     "Lò Văn Pín và Ma Thị Sen.", [("CHAIRED", "Hầu Văn Lộc"), ("HOLDS", "Lò Văn Pín"), ("HOLDS", "Ma Thị Sen")],
     "Ủy ban Biên giới Quốc gia"),
    ("Công an tỉnh Gia Lai có tất cả 3 Phó Giám đốc gồm đại tá Rơ Văn Hùng, Trần Quốc Bảo và Lê Minh Sang.",
     [("HOLDS", "Rơ Văn Hùng"), ("HOLDS", "Lê Minh Sang")], "Công an tỉnh Gia Lai"),
]


@pytest.mark.parametrize("text, facts, body", STAFF_OF_THE_SUBJECT)
def test_staff_of_the_body_opening_the_clause(text: str, facts: list[tuple[str, str]], body: str) -> None:
    got = posts(text)
    for rel, person in facts:
        assert (rel, person, body) in got, got


NOT_STAFF = [
    # the clause after "có" is no staff list
    ("Bộ Tài chính có ý kiến gửi Bộ trưởng Lê Văn Hòa.", "Lê Văn Hòa", "Bộ Tài chính"),
    ("Sở Nội vụ có văn bản gửi các Phó Giám đốc Trần Văn Bình và Lê Thị Hoa.", "Trần Văn Bình", "Sở Nội vụ"),
    # another body stands between: the title is not the subject's
    ("Bộ Công an có Giám đốc Công an tỉnh Phú Yên Lê Văn Hòa và 2 Phó Giám đốc: Trần Văn Bình, Ngô An.", "Trần Văn Bình",
     "Bộ Công an"),
    # a list item's end closes the clause
    ("Sở Y tế có 5 phòng; Phó Giám đốc Trần Văn Bình cho biết.", "Trần Văn Bình", "Sở Y tế"),
]


@pytest.mark.parametrize("text, person, body", NOT_STAFF)
def test_not_staff_of_the_subject(text: str, person: str, body: str) -> None:
    assert not {g for g in positions(text) if g[2:] == (person, body)}


# -- a dash written against the name: "ông Lê Văn A- Phó Chủ tịch UBND tỉnh X"
GLUED_DASH = [
    ("Dự có ông Lê Văn Hòa- Phó Chủ tịch UBND tỉnh Sóc Trăng; ông Trần Minh Tâm- Giám đốc Sở Tài chính.", "HOLDS",
     "Lê Văn Hòa", "UBND tỉnh Sóc Trăng"),
    ("Các phó trưởng ban gồm: bà Đinh Thị Mơ– giám đốc Sở Y tế tỉnh Hậu Giang (thường trực).", "CHAIRED", "Đinh Thị Mơ",
     "Sở Y tế tỉnh Hậu Giang"),
]


@pytest.mark.parametrize("text, rel, person, body", GLUED_DASH)
def test_dash_against_the_name(text: str, rel: str, person: str, body: str) -> None:
    assert ("positions.apposition", rel, person, body) in positions(text)


def test_dash_against_the_name_before_no_title() -> None:
    assert not positions("Ông Lê Văn Hòa- người dân xã Tân Lập, cho biết UBND xã Tân Lập đã hỗ trợ.")


# -- a deputy title of an ad hoc body shared by a list whose items carry an aside "(Thường trực)"
def test_list_items_with_an_aside_share_the_title() -> None:
    text = ("Thủ tướng thành lập Ban Chỉ đạo 135 quốc gia. Phó Trưởng Ban Chỉ đạo gồm: Ông Lê Văn Hòa, Ủy viên Trung "
            "ương Đảng, Bộ trưởng Bộ Tư pháp (Thường trực); ông Trần Minh Tâm, Thứ trưởng Bộ Công an; ông Đỗ Văn Lực, "
            "Thiếu tướng, Thứ trưởng Bộ Quốc phòng.")
    got = positions(text)
    for person in ("Lê Văn Hòa", "Trần Minh Tâm", "Đỗ Văn Lực"):
        assert ("positions.title_list", "HOLDS", person, "Ban Chỉ đạo 135 quốc gia") in got, got
    assert not {g for g in got if "gồm" in g[3]}  # the list's word is no part of the organ's name


# -- "<body> do <person> làm Trưởng ban": any body written right before "do", coordinated ad hoc
# bodies, an organ no gazetteer knows
LED_BY = [
    ("Ban Pháp chế do ông Trần Minh Tâm làm Trưởng ban; Ban Dân tộc do bà Hà Thị Mai làm Trưởng ban.",
     [("CHAIRED", "Trần Minh Tâm", "Ban Pháp chế"), ("CHAIRED", "Hà Thị Mai", "Ban Dân tộc")]),
    ("Kỳ họp công bố lãnh đạo các Ban. Ban Kinh tế Ngân sách do ông Đoàn Văn Khải làm Trưởng ban; Ban Văn hoá Xã hội "
     "do bà Lý Thị Nga làm Phó Trưởng ban thường trực.",
     [("CHAIRED", "Đoàn Văn Khải", "Ban Kinh tế Ngân sách"), ("HOLDS", "Lý Thị Nga", "Ban Văn hóa Xã hội")]),
    ("Đoàn công tác số 4 của Ban Thường vụ Tỉnh ủy và Đoàn giám sát của Thường trực HĐND tỉnh do Phó Bí thư Tỉnh ủy, "
     "Chủ tịch HĐND tỉnh Đắk Lắk Lê Văn Hòa làm Trưởng đoàn đã làm việc với huyện Krông Pắc.",
     [("CHAIRED", "Lê Văn Hòa", "Đoàn công tác số 4"),
      ("CHAIRED", "Lê Văn Hòa", "Đoàn giám sát của Thường trực HĐND tỉnh")]),
]


@pytest.mark.parametrize("text, facts", LED_BY)
def test_body_led_by_a_person(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = positions(text)
    for rel, person, body in facts:
        assert ("ad_hoc.lead_role", rel, person, body) in got, got


NOT_LED_BY = [
    "Hội nghị do ông Trần Minh Tâm làm chủ tọa.",
    "Sở Y tế do ông Trần Minh Tâm làm việc với đoàn.",
    # the role names another kind of organ than the body before "do"
    "Ban Thường vụ Tỉnh ủy và Sở Y tế do ông Lê Văn Hòa làm Trưởng đoàn kiểm tra.",
    "Do ông Trần Minh Tâm làm Trưởng ban, Ban Tuyên giáo Tỉnh ủy Đắk Lắk đã họp.",
]


@pytest.mark.parametrize("text", NOT_LED_BY)
def test_not_led_by(text: str) -> None:
    assert not {g for g in positions(text) if g[0] == "ad_hoc.lead_role"}, positions(text)


# -- a body's member list: "<body> (<aside>), gồm: <titles> A; <titles> B; ông C, <titles>"
def test_members_listed_after_a_body() -> None:
    text = ("Sáng 5/6, Đoàn đại biểu Quốc hội tỉnh Quảng Trị (Đơn vị bầu cử số 1), gồm: Phó Chủ tịch Hội Cựu chiến binh "
            "Việt Nam Hồ Văn Lực; Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy Gio Linh Trần Thị Hạnh; ông Lê Văn "
            "Tám, Giám đốc Sở Y tế tỉnh Quảng Trị, đã tiếp xúc cử tri huyện Gio Linh.")
    got = positions(text)
    for person in ("Hồ Văn Lực", "Trần Thị Hạnh", "Lê Văn Tám"):
        assert ("positions.member_list", "HOLDS", person, "Đoàn đại biểu Quốc hội tỉnh Quảng Trị") in got, got


NOT_MEMBERS = [
    # the list names no persons; a later sentence's person is no member
    "Ban Chỉ đạo phòng, chống thiên tai tỉnh gồm: các sở, ngành. Giám đốc Sở Y tế tỉnh Quảng Trị Lê Văn Hòa báo cáo.",
    # no colon: a count, not a list ("gồm 45 đồng chí")
    "Ban Chấp hành Đảng bộ tỉnh Quảng Trị gồm 45 đồng chí, trong đó Bí thư Tỉnh ủy Lê Văn Hòa tái cử.",
    # a clause between the list word and the name
    "Đoàn công tác số 2 gồm: đại diện các sở đã làm việc với Giám đốc Sở Y tế tỉnh Quảng Trị Lê Văn Hòa.",
]


@pytest.mark.parametrize("text", NOT_MEMBERS)
def test_not_members(text: str) -> None:
    assert not {g for g in positions(text) if g[0] == "positions.member_list"}, positions(text)


# -- a family name no list knows: after a honorific when titles follow, or before "Thị"
UNLISTED_FAMILY_NAME = [
    ("Đồng chí Tất Văn Khải, Ủy viên Trung ương Đảng, Phó Bí thư thường trực Thành ủy Cần Thơ dự.", "positions.apposition",
     "HOLDS", "Tất Văn Khải", "Thành ủy Cần Thơ"),
    ("Ông Thạch Sô Phết, Phó Chủ tịch UBND tỉnh Trà Vinh dự.", "positions.apposition", "HOLDS", "Thạch Sô Phết",
     "UBND tỉnh Trà Vinh"),
    ("Trưởng ban Dân vận Tỉnh ủy Kon Tum Văn Thị Lệ Hằng phát biểu.", "positions.title_chain", "CHAIRED",
     "Văn Thị Lệ Hằng", "Ban Dân vận Tỉnh ủy Kon Tum"),
]


@pytest.mark.parametrize("text, rule, rel, person, body", UNLISTED_FAMILY_NAME)
def test_unlisted_family_name(text: str, rule: str, rel: str, person: str, body: str) -> None:
    assert (rule, rel, person, body) in positions(text)


@pytest.mark.parametrize("text", [
    "Ông Sơn Minh Tú, người dân xã Tân Lập, cho biết.",  # no title follows the honorific's name
    "Thị xã Sơn Tây, Phó Chủ tịch UBND tỉnh dự.",  # "Thị" as a place's level is no name
])
def test_no_unlisted_name(text: str) -> None:
    assert not persons(text), persons(text)


# -- a committee a title implies ("Tỉnh ủy viên"), placed by the next post of the chain
PLACED_BY_NEXT_POST = [
    ("Ông Lê Văn Hòa, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Hậu Giang dự. Cùng ngày, UBND tỉnh Sóc Trăng họp.",
     "Tỉnh ủy Hậu Giang"),
    ("Ông Lê Văn Hòa, Thành ủy viên, Giám đốc Sở Y tế TP Cần Thơ dự. Cùng ngày, UBND tỉnh Sóc Trăng họp.",
     "Thành ủy Cần Thơ"),
]


@pytest.mark.parametrize("text, body", PLACED_BY_NEXT_POST)
def test_implied_committee_placed_by_the_next_post(text: str, body: str) -> None:
    assert ("positions.apposition", "HOLDS", "Lê Văn Hòa", body) in positions(text)


def test_implied_committee_not_placed_by_another_level() -> None:
    text = "Ông Lê Văn Hòa, Tỉnh ủy viên, Chủ tịch UBND huyện Long Mỹ dự. Cùng ngày, UBND các tỉnh Sóc Trăng, Hậu Giang họp."
    assert not {g for g in positions(text) if "Long Mỹ" in g[3] and g[3].startswith("Tỉnh ủy")}


# -- joining bodies: "tham gia Ban Chấp hành Đảng bộ, Ban Thường vụ Tỉnh ủy", "được bầu vào ..."
JOINED = [
    ("Bộ Chính trị điều động, chỉ định đồng chí Lê Minh Khải tham gia Ban Chấp hành Đảng bộ, Ban Thường vụ Tỉnh ủy, "
     "giữ chức Bí thư Tỉnh ủy Bạc Liêu nhiệm kỳ 2025-2030.", "Lê Minh Khải", "Ban Thường vụ Tỉnh ủy Bạc Liêu"),
    ("Tại đại hội, ông Trần Văn Bình được bầu vào Ban Thường vụ Huyện ủy Long Mỹ.", "Trần Văn Bình",
     "Ban Thường vụ Huyện ủy Long Mỹ"),
]


def test_joined_whole_committee_before_its_organ() -> None:
    text = ("Bộ Chính trị chỉ định đồng chí Lê Minh Khải tham gia Ban Chấp hành Đảng bộ, Ban Thường vụ Tỉnh ủy, giữ chức "
            "Bí thư Tỉnh ủy Bạc Liêu.")
    assert ("positions.joined", "HOLDS", "Lê Minh Khải", "Tỉnh ủy Bạc Liêu") in positions(text)


@pytest.mark.parametrize("text, person, body", JOINED)
def test_joined(text: str, person: str, body: str) -> None:
    assert ("positions.joined", "HOLDS", person, body) in positions(text)


@pytest.mark.parametrize("text", [
    "Ông Trần Văn Bình tham gia hội nghị cùng UBND tỉnh Bạc Liêu.",  # an event, no body after the verb
    "Ông Trần Văn Bình cho biết Sở Y tế sẽ tham gia Ban Chỉ đạo phòng, chống dịch tỉnh.",  # the body joins
    "Ông Trần Văn Bình, Giám đốc Sở Y tế; Sở Nội vụ tham gia Ban Chỉ đạo tỉnh.",  # across a list item
])
def test_not_joined(text: str) -> None:
    assert not {g for g in positions(text) if g[0] == "positions.joined"}, positions(text)


# -- a lower-case word ending the title ("Phó Giám đốc điều hành Sở X")
def test_title_suffix() -> None:
    text = ("Chủ tịch UBND tỉnh trao quyết định bổ nhiệm ông Trần Văn Bình, Phó Giám đốc điều hành Sở Tài chính tỉnh "
            "Cà Mau.")
    assert ("positions.apposition", "HOLDS", "Trần Văn Bình", "Sở Tài chính tỉnh Cà Mau") in positions(text)
    assert not positions("Ông Lê Văn Hòa, Giám đốc điều hành dự án, cho biết.")  # no body after it


# -- a ward or commune whose name has three syllables (post-2025 wards keep old district names)
THREE_SYLLABLE_PLACE = [
    ("Ông Lê Văn Hải được chỉ định giữ chức Bí thư Đảng ủy phường Hai Bà Trưng.", "CHAIRED", "Lê Văn Hải",
     "Đảng ủy phường Hai Bà Trưng"),
    ("Bà Đỗ Thị Lan, Chủ tịch UBND phường Nam Từ Liêm, phát biểu.", "CHAIRED", "Đỗ Thị Lan", "UBND phường Nam Từ Liêm"),
]


@pytest.mark.parametrize("text, rel, person, body", THREE_SYLLABLE_PLACE)
def test_three_syllable_place(text: str, rel: str, person: str, body: str) -> None:
    assert {g for g in positions(text) if g[1:] == (rel, person, body)}, positions(text)


def test_third_syllable_opening_a_name_is_not_the_place() -> None:
    got = positions("Chủ tịch UBND phường Bến Nghé Lê Văn Hải phát biểu.")
    assert {g[1:] for g in got} == {("CHAIRED", "Lê Văn Hải", "UBND phường Bến Nghé")}, got


# -- a body's term written before its place: "Trưởng đoàn đại biểu Quốc hội khóa XV của tỉnh X"
TERM_BEFORE_PLACE = [
    ("Thủ tướng bổ nhiệm ông Lê Văn Hòa - Ủy viên Trung ương Đảng, Trưởng đoàn đại biểu Quốc hội khóa XV của tỉnh "
     "Ninh Thuận - giữ chức Thứ trưởng Bộ Y tế.", "positions.apposition"),
    ("Trưởng Đoàn ĐBQH khóa XV tỉnh Ninh Thuận Lê Văn Hòa dự.", "positions.title_chain"),
]


@pytest.mark.parametrize("text, rule", TERM_BEFORE_PLACE)
def test_term_before_place(text: str, rule: str) -> None:
    got = positions(text)
    assert (rule, "CHAIRED", "Lê Văn Hòa", "Đoàn đại biểu Quốc hội tỉnh Ninh Thuận") in got, got
    assert not {g for g in got if g[3] == "Đoàn đại biểu Quốc hội"}, got  # no placeless twin


# -- an organ no gazetteer knows ends with its place when a clause goes on after it
ORGAN_ENDING_WITH_PLACE = [
    ("Đoàn công tác do ông Lê Văn Hòa, Chủ tịch Ủy ban Bầu cử tỉnh Sóc Trăng làm Trưởng đoàn đã làm việc.", "CHAIRED",
     "Ủy ban Bầu cử tỉnh Sóc Trăng"),
    ("Ông Lê Văn Hòa, Giám đốc Trung tâm Y tế huyện Mỹ Tú cho biết.", "CHAIRED", "Trung tâm Y tế huyện Mỹ Tú"),
]


@pytest.mark.parametrize("text, rel, body", ORGAN_ENDING_WITH_PLACE)
def test_organ_ending_with_its_place(text: str, rel: str, body: str) -> None:
    assert ("positions.apposition", rel, "Lê Văn Hòa", body) in positions(text)


def test_organ_does_not_end_with_a_place_a_clause_names() -> None:
    # the place says where the organ is, not which
    assert not positions("Ông Lê Văn Hòa, Giám đốc Công ty TNHH Minh Long ở tỉnh Sóc Trăng cho biết.")


# -- an appointment verb in a clause of its own gives the person before it nothing
def test_appointment_verb_in_a_clause_of_its_own() -> None:
    text = ("Ban Thường vụ phân công ông Đỗ Văn Tâm – Phó Bí thư Thường trực Quận ủy quận 5, phụ trách Đảng bộ quận 5 cho "
            "đến khi có nhân sự giữ chức Bí thư Quận ủy quận 5.")
    got = positions(text)
    assert ("positions.apposition", "HOLDS", "Đỗ Văn Tâm", "Quận ủy 5") in got, got
    assert not {g for g in got if g[1] == "CHAIRED"}, got


# -- one office serving two people's bodies of one place ("Văn phòng Đoàn ĐBQH và HĐND tỉnh X")
JOINT_OFFICE = [
    ("Ông Lê Văn Hòa được bổ nhiệm là Chánh Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh Cà Mau.",
     "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh Cà Mau"),
    ("Chánh Văn phòng HĐND và UBND huyện Mỹ Tú Lê Văn Hòa dự.", "Văn phòng HĐND và UBND huyện Mỹ Tú"),
]


@pytest.mark.parametrize("text, body", JOINT_OFFICE)
def test_joint_office(text: str, body: str) -> None:
    assert {g for g in positions(text) if g[1:] == ("CHAIRED", "Lê Văn Hòa", body)}, positions(text)


def test_two_offices_are_not_one() -> None:
    text = ("Văn phòng Tỉnh ủy và Văn phòng UBND tỉnh Cà Mau phối hợp. Chánh Văn phòng UBND tỉnh Cà Mau Lê Văn Hòa dự.")
    assert {g[3] for g in positions(text)} == {"Văn phòng UBND tỉnh Cà Mau"}, positions(text)


# -- a list of posts each opened by its verb again: "cách chức <post>; cách chức <post>"
def test_posts_listed_each_with_its_verb() -> None:
    text = ("Ban Chấp hành Trung ương đã quyết định thi hành kỷ luật đồng chí Lê Văn Hòa bằng hình thức cách chức Ủy viên "
            "Ban Chấp hành Trung ương Đảng khóa XII; cách chức Phó Bí thư Tỉnh ủy Cà Mau; cách chức Ủy viên Ban Thường "
            "vụ Tỉnh ủy Cà Mau.")
    got = positions(text)
    for body in ("Ban Chấp hành Trung ương Đảng", "Tỉnh ủy Cà Mau", "Ban Thường vụ Tỉnh ủy Cà Mau"):
        assert ("positions.appointment", "HOLDS", "Lê Văn Hòa", body) in got, got


@pytest.mark.parametrize("text", [
    "Ông Hà Văn Khoát phát biểu; giữ chức Chủ tịch HĐND tỉnh Bắc Kạn là vinh dự.",  # the first item gives no post
    "Ông Hà Văn Khoát được bầu làm Chủ tịch HĐND tỉnh Bắc Kạn; Lý Thái Hải làm Phó Chủ tịch HĐND tỉnh Bắc Kạn.",
])
def test_verb_after_a_list_item_is_not_the_first_persons(text: str) -> None:
    assert not {g for g in positions(text) if g[2] == "Hà Văn Khoát" and g[1] == "HOLDS"}, positions(text)


# -- the central Party committees since 2025, two with names of their own
CENTRAL_PARTY_COMMITTEES = [
    ("Ông Lê Văn Hòa được điều động, chỉ định làm Bí thư Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương.",
     "positions.appointment", "CHAIRED", "Lê Văn Hòa", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương"),
    ("Phó Bí thư Đảng ủy các cơ quan Đảng Trung ương Trần Thị Lan dự.", "positions.title_chain", "HOLDS", "Trần Thị Lan",
     "Đảng ủy các cơ quan Đảng Trung ương"),
    ("Bí thư Đảng ủy Chính phủ Lê Văn Hòa dự.", "positions.title_chain", "CHAIRED", "Lê Văn Hòa", "Đảng ủy Chính phủ"),
]


@pytest.mark.parametrize("text, rule, rel, person, body", CENTRAL_PARTY_COMMITTEES)
def test_central_party_committees(text: str, rule: str, rel: str, person: str, body: str) -> None:
    assert (rule, rel, person, body) in positions(text)


# -- an aside between a title chain and its name: a place's "(mới)", or the name in brackets
ASIDE_BEFORE_THE_NAME = [
    ("Chủ tịch UBND xã Tân Lập (mới) Lê Văn Hải phát biểu.", "CHAIRED", "Lê Văn Hải", "UBND xã Tân Lập"),
    ("Bí thư Đảng ủy phường Hồng Hà (mới) Lê Thị Mai dự.", "CHAIRED", "Lê Thị Mai", "Đảng ủy phường Hồng Hà"),
    ("Chủ tịch UBND tỉnh Cà Mau (ông Lê Văn Hải) phát biểu.", "CHAIRED", "Lê Văn Hải", "UBND tỉnh Cà Mau"),
    ("Các Phó Chủ tịch UBND tỉnh Cà Mau (ông Lê Văn Hải, bà Trần Thị Lan) dự.", "HOLDS", "Trần Thị Lan",
     "UBND tỉnh Cà Mau"),
]


@pytest.mark.parametrize("text, rel, person, body", ASIDE_BEFORE_THE_NAME)
def test_aside_before_the_name(text: str, rel: str, person: str, body: str) -> None:
    assert ("positions.title_chain", rel, person, body) in positions(text)


def test_capitalised_aside_is_not_skipped() -> None:
    # an aside naming something else ("(Cà Mau)") is not the place's marker: no name after it either
    assert not positions("Chủ tịch UBND xã Tân Lập (Cà Mau) cho biết nhiều hộ dân đã nhận hỗ trợ.")


# -- a number ends an organ's name ("Quân khu 9", "Bệnh viện 115")
NUMBERED_ORGAN = [
    ("Trung tướng Lê Văn Hải, Ủy viên Trung ương Đảng, Tư lệnh Quân khu 9 dự.", "Quân khu 9"),
    ("Ông Lê Văn Hải, Giám đốc Bệnh viện 115 cho biết.", "Bệnh viện 115"),
]


@pytest.mark.parametrize("text, body", NUMBERED_ORGAN)
def test_numbered_organ(text: str, body: str) -> None:
    assert ("positions.apposition", "CHAIRED", "Lê Văn Hải", body) in positions(text)


def test_a_count_after_a_body_is_not_its_number() -> None:
    got = positions("Ông Lê Văn Hải, Giám đốc Sở Y tế tỉnh Cà Mau 3 năm qua, cho biết.")
    assert {g[3] for g in got} == {"Sở Y tế tỉnh Cà Mau"}, got


@pytest.mark.parametrize("text", [
    "Ông Lê Văn Hải đề nghị các sở, ngành tham gia Ban Chỉ đạo phòng, chống dịch tỉnh.",  # the sở join
    "Ông Lê Văn Hải cho biết nhiều cán bộ được bầu vào Ban Thường vụ Huyện ủy Năm Căn.",  # others are elected
])
def test_joining_verb_of_another_subject(text: str) -> None:
    assert not {g for g in positions(text) if g[0] == "positions.joined"}, positions(text)
