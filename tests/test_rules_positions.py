"""Position rules (ingest/components/people.py, relations/positions.py), one table per rule:
invented sentences of many shapes, the (rule, relationship, person, body) each must give, and
sentences that must give no such fact. Bodies are compared by their resolved display names."""

from __future__ import annotations

import pytest

from ingest.api import extract_article
from ingest.clean import Article


def positions(text: str) -> set[tuple[str, str, str, str]]:
    """(rule, CHAIRED|HOLDS, person, body) of the article's graph."""
    g = extract_article(Article(id="t", text=text, source="t")).graph
    name = lambda nid: g.nodes[nid].props.get("name")  # noqa: E731
    return {
        (e.props.get("rule", ""), e.type, name(e.source), name(e.target))
        for e in g.edges.values()
        if e.type in ("CHAIRED", "HOLDS") and g.nodes[e.target].label == "Body"
    }


def persons(text: str) -> set[str]:
    g = extract_article(Article(id="t", text=text, source="t")).graph
    return {n.props["name"] for n in g.nodes.values() if n.label == "Person"}


def has(text: str, rule: str, rel: str, person: str, body: str) -> None:
    got = positions(text)
    assert (rule, rel, person, body) in got, got


TITLE_CHAIN = [
    ("Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung phát biểu.", "CHAIRED", "Nguyễn Đức Trung", "UBND tỉnh Nghệ An"),
    ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung dự.", "HOLDS", "Nguyễn Đức Trung",
     "Ban Chấp hành Trung ương Đảng"),
    ("UV BCT, Bí thư Thành ủy Hà Nội Hoàng Trung Hải phát biểu.", "HOLDS", "Hoàng Trung Hải", "Bộ Chính trị"),
    ("Quyền Giám đốc Sở Công Thương Hà Nội Trần Thị Lan ký.", "CHAIRED", "Trần Thị Lan", "Sở Công Thương Hà Nội"),
    ("Phó Thủ tướng Trần Hồng Hà dự lễ.", "HOLDS", "Trần Hồng Hà", "Chính phủ"),
    ("Thủ tướng Phạm Minh Chính dự lễ.", "CHAIRED", "Phạm Minh Chính", "Chính phủ"),
    # the organ between the title and the name, in no gazetteer
    ("Chủ nhiệm Ủy ban Xã hội Nguyễn Thúy Anh phát biểu.", "CHAIRED", "Nguyễn Thúy Anh", "Ủy ban Xã hội"),
    ("Tổng Biên tập Báo Nhân Dân Lê Quốc Minh dự.", "CHAIRED", "Lê Quốc Minh", "Báo Nhân Dân"),
    ("Chánh án Tòa án nhân dân tỉnh Phú Thọ Đỗ Đức Anh dự.", "CHAIRED", "Đỗ Đức Anh", "Tòa án nhân dân tỉnh Phú Thọ"),
    ("Chủ nhiệm Ủy ban Văn hóa, Giáo dục Nguyễn Đắc Vinh dự.", "CHAIRED", "Nguyễn Đắc Vinh", "Ủy ban Văn hóa, Giáo dục"),
    ("Bộ trưởng Nội vụ Phạm Thị Thanh Trà phát biểu.", "CHAIRED", "Phạm Thị Thanh Trà", "Bộ Nội vụ"),
    ("Trưởng ban Tuyên giáo Thành ủy Hà Nội Bùi Huyền Mai dự.", "CHAIRED", "Bùi Huyền Mai",
     "Ban Tuyên giáo Thành ủy Hà Nội"),
    ("Phó Trưởng Ban Thường trực Ban Tổ chức Thành ủy Hà Nội Vũ Đức Bảo dự.", "HOLDS", "Vũ Đức Bảo",
     "Ban Tổ chức Thành ủy Hà Nội"),
    ("Giám đốc Công an thành phố Hà Nội – Trung tướng Đoàn Duy Khương báo cáo.", "CHAIRED", "Đoàn Duy Khương",
     "Công an TP Hà Nội"),
    ("Phó Chủ tịch UBND tỉnh Nghệ An, ông Nguyễn Văn Đệ cho biết.", "HOLDS", "Nguyễn Văn Đệ", "UBND tỉnh Nghệ An"),
    # titles in lower case, as some outlets write them, before a body the gazetteer knows
    ("Sáng 5/3, bí thư Thành ủy Hà Nội Nguyễn Văn Nên chủ trì cuộc họp.", "CHAIRED", "Nguyễn Văn Nên", "Thành ủy Hà Nội"),
    ("Theo đại biểu Quốc hội Phạm Văn Hòa, cần sửa luật.", "HOLDS", "Phạm Văn Hòa", "Quốc hội"),
    # an office's deputy right after its head, the body written once
    ("Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung và Phó Chủ tịch Thường trực Lê Hồng Vinh dự.", "HOLDS", "Lê Hồng Vinh",
     "UBND tỉnh Nghệ An"),
    ("Thứ trưởng Thường trực Bộ Ngoại giao Nguyễn Minh Vũ dự.", "HOLDS", "Nguyễn Minh Vũ", "Bộ Ngoại giao"),
    ("Bí thư Đà Nẵng Nguyễn Văn Quảng dự.", "CHAIRED", "Nguyễn Văn Quảng", "Thành ủy Đà Nẵng"),
    ("Tổ trưởng Tổ công tác cải cách hành chính Trần Văn Bình phát biểu.", "CHAIRED", "Trần Văn Bình",
     "Tổ công tác cải cách hành chính"),
    ("Bí thư Chi bộ Khối Văn phòng Nguyễn Thị Hoa dự.", "CHAIRED", "Nguyễn Thị Hoa", "Chi bộ Khối Văn phòng"),
    ("Chủ tịch Hội Nông dân tỉnh Nghệ An Phạm Văn Cường dự.", "CHAIRED", "Phạm Văn Cường", "Hội Nông dân tỉnh Nghệ An"),
    # a place standing for its committee
    ("Bí thư quận Hồng Bàng Đoàn Văn Chương dự họp.", "CHAIRED", "Đoàn Văn Chương", "Quận ủy Hồng Bàng"),
    ("Chủ tịch xã Tân Lập Lê Thị Hoa báo cáo.", "CHAIRED", "Lê Thị Hoa", "UBND xã Tân Lập"),
    # a district's name and a person's name running together
    ("Chủ tịch UBND phường Hai Bà Trưng Chu Văn An phát biểu.", "CHAIRED", "Chu Văn An", "UBND phường Hai Bà Trưng"),
    ("Bí thư Đảng ủy xã Tân Lập Lê Văn Hùng dự.", "CHAIRED", "Lê Văn Hùng", "Đảng ủy xã Tân Lập"),
]


@pytest.mark.parametrize("text, rel, person, body", TITLE_CHAIN)
def test_title_chain(text: str, rel: str, person: str, body: str) -> None:
    has(text, "positions.title_chain", rel, person, body)


TITLE_LIST = [
    ("Dự có các Phó Thủ tướng: Trần Hồng Hà, Lê Thành Long, Hồ Đức Phớc.", "HOLDS", ["Trần Hồng Hà", "Lê Thành Long", "Hồ Đức Phớc"],
     "Chính phủ"),
    ("Thủ tướng bổ nhiệm 3 Ủy viên Trung ương Đảng là Đỗ Văn Chiến, Huỳnh Văn Tí và Phạm Hồng Hà làm Thứ trưởng.", "HOLDS",
     ["Đỗ Văn Chiến", "Huỳnh Văn Tí", "Phạm Hồng Hà"], "Ban Chấp hành Trung ương Đảng"),
    ("HĐND tỉnh bầu 2 Phó Chủ tịch UBND tỉnh Nghệ An gồm các ông: Lê Văn Lương, Phùng Thành Vinh.", "HOLDS",
     ["Lê Văn Lương", "Phùng Thành Vinh"], "UBND tỉnh Nghệ An"),
    ("Công an tỉnh Đồng Nai có tất cả 7 Phó Giám đốc gồm đại tá Trần Tiến Đạt, Văn Quyết Thắng và thượng tá Nguyễn Xuân Thao.",
     "HOLDS", ["Trần Tiến Đạt", "Văn Quyết Thắng", "Nguyễn Xuân Thao"], "Công an tỉnh Đồng Nai"),
]


@pytest.mark.parametrize("text, rel, people, body", TITLE_LIST)
def test_title_shared_by_a_list(text: str, rel: str, people: list[str], body: str) -> None:
    got = positions(text)
    for person in people:
        assert ("positions.title_list", rel, person, body) in got, got


APPOSITION = [
    ("Dự hội nghị có các đồng chí: Ma Thế Hồng, Trưởng Ban Tổ chức Tỉnh ủy Tuyên Quang; Nguyễn Hưng Vượng, Chủ tịch "
     "Ủy ban MTTQ tỉnh Tuyên Quang.", "CHAIRED", "Ma Thế Hồng", "Ban Tổ chức Tỉnh ủy Tuyên Quang"),
    ("Dự hội nghị có các đồng chí: Ma Thế Hồng, Trưởng Ban Tổ chức Tỉnh ủy Tuyên Quang; Nguyễn Hưng Vượng, Chủ tịch "
     "Ủy ban MTTQ tỉnh Tuyên Quang.", "CHAIRED", "Nguyễn Hưng Vượng", "Ủy ban MTTQ tỉnh Tuyên Quang"),
    ("Cùng dự có bà Lê Thị Hoa; Ngô Văn Tuấn, Phó Trưởng Ban Kinh tế Trung ương.", "HOLDS", "Ngô Văn Tuấn",
     "Ban Kinh tế Trung ương"),
    ("Ông Lê Văn Sơn - Phó Chủ tịch UBND tỉnh Nghệ An phát biểu.", "HOLDS", "Lê Văn Sơn", "UBND tỉnh Nghệ An"),
    ("Ông Võ Văn Hoan, phó chủ tịch UBND tỉnh Nghệ An, cho biết.", "HOLDS", "Võ Văn Hoan", "UBND tỉnh Nghệ An"),
    ("Ông Lê Văn An, đại biểu HĐND tỉnh Nghệ An, cho biết.", "HOLDS", "Lê Văn An", "HĐND tỉnh Nghệ An"),
    ("UBND tỉnh thành lập Ban Chỉ đạo phòng, chống thiên tai tỉnh. Ông Lê Văn An, thành viên Ban Chỉ đạo phòng, chống "
     "thiên tai tỉnh, báo cáo.", "HOLDS", "Lê Văn An", "Ban Chỉ đạo phòng, chống thiên tai tỉnh"),
    ("Bà Võ Thị Hồng (Phó Chủ tịch UBND tỉnh Nghệ An) phát biểu.", "HOLDS", "Võ Thị Hồng", "UBND tỉnh Nghệ An"),
    ("Đại tá Nguyễn Thanh Trang, Giám đốc Công an tỉnh Quảng Ngãi, dự.", "CHAIRED", "Nguyễn Thanh Trang",
     "Công an tỉnh Quảng Ngãi"),
    ("Thay mặt Bộ, trung tướng Nguyễn Văn Sơn, Thứ trưởng Bộ Công an, phát biểu.", "HOLDS", "Nguyễn Văn Sơn", "Bộ Công an"),
    ("Ông Nguyễn Văn Thành, nguyên Thứ trưởng Bộ Tư pháp, dự.", "HOLDS", "Nguyễn Văn Thành", "Bộ Tư pháp"),
    ("Đồng chí Trần Văn Nam, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam; bà Lê Thị Hà, Phó Chủ tịch UBTƯ MTTQ Việt Nam.",
     "HOLDS", "Lê Thị Hà", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    # an organ no gazetteer knows, opened by an abbreviation, ending at a list item's end
    ("Dự có ông Trần Văn Nam, Chủ tịch HĐQT Tập đoàn Điện lực; bà Lê Thị Hà, Phó Chủ tịch UBKTTƯ Hội Nông dân Việt Nam; "
     "ông Lê An, Giám đốc.", "HOLDS", "Lê Thị Hà", "UBKTTƯ Hội Nông dân Việt Nam"),
]


@pytest.mark.parametrize("text, rel, person, body", APPOSITION)
def test_apposition(text: str, rel: str, person: str, body: str) -> None:
    has(text, "positions.apposition", rel, person, body)


APPOINTMENT = [
    ("Ông Chu Ngọc Anh tiếp tục được bầu làm Chủ tịch UBND thành phố Hà Nội.", "CHAIRED", "Chu Ngọc Anh", "UBND TP Hà Nội"),
    ("Ông Trần Văn Lâu được chỉ định giữ chức Bí thư Tỉnh ủy Vĩnh Long nhiệm kỳ mới.", "CHAIRED", "Trần Văn Lâu",
     "Tỉnh ủy Vĩnh Long"),
    ("Bộ Công an điều động đại tá Nguyễn Quốc Toản đến nhận công tác và giữ chức vụ Giám đốc Công an tỉnh Bắc Giang.",
     "CHAIRED", "Nguyễn Quốc Toản", "Công an tỉnh Bắc Giang"),
    ("Bà Võ Thị Ánh Xuân tái đắc cử chức danh bí thư Tỉnh ủy An Giang.", "CHAIRED", "Võ Thị Ánh Xuân", "Tỉnh ủy An Giang"),
    ("Ông Nguyễn Thế Hùng thôi giữ chức vụ Giám đốc Sở Xây dựng Hà Nội.", "CHAIRED", "Nguyễn Thế Hùng", "Sở Xây dựng Hà Nội"),
    ("Đồng chí Âu Thế Thái được phân công làm Bí thư Huyện ủy Lâm Bình.", "CHAIRED", "Âu Thế Thái", "Huyện ủy Lâm Bình"),
    ("Ông Lê Hùng giữ chức Chủ tịch UBND tỉnh Nghệ An. Ông Hùng tiếp tục giữ chức Bí thư Tỉnh ủy Nghệ An.", "CHAIRED",
     "Lê Hùng", "Tỉnh ủy Nghệ An"),
    ("Ông Lê Văn An được giao quyền Giám đốc Công an tỉnh Nghệ An.", "CHAIRED", "Lê Văn An", "Công an tỉnh Nghệ An"),
]


@pytest.mark.parametrize("text, rel, person, body", APPOINTMENT)
def test_appointment(text: str, rel: str, person: str, body: str) -> None:
    has(text, "positions.appointment", rel, person, body)


STANDING_COMMITTEE = [
    ("Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy Hà Nội Vũ Đức Bảo dự.", "positions.title_chain", "Vũ Đức Bảo",
     "Ban Thường vụ Thành ủy Hà Nội"),
    ("Ông Lê Văn An, Ủy viên Ban Thường vụ, Phó Chủ tịch Thường trực HĐND tỉnh Nghệ An phát biểu.",
     "positions.apposition", "Lê Văn An", "Ban Thường vụ Tỉnh ủy Nghệ An"),
    ("Ông Hồ Văn Sáu, Ủy viên Ban Thường vụ, Chủ tịch UBND huyện Nam Đàn dự.", "positions.apposition", "Hồ Văn Sáu",
     "Ban Thường vụ Huyện ủy Nam Đàn"),
]


@pytest.mark.parametrize("text, rule, person, body", STANDING_COMMITTEE)
def test_standing_committee_of_the_next_post(text: str, rule: str, person: str, body: str) -> None:
    has(text, rule, "HOLDS", person, body)


def test_numbered_list_with_dashes() -> None:
    text = ("Các đồng chí được bầu gồm:\n1. Bà Trần Thị Cúc - Phó Giám đốc Sở Nội vụ tỉnh Nghệ An - tiếp tục được bầu.\n"
            "2. Ông Phạm Văn Hòa – giám đốc Sở Tài chính tỉnh Nghệ An.")
    has(text, "positions.apposition", "HOLDS", "Trần Thị Cúc", "Sở Nội vụ tỉnh Nghệ An")
    has(text, "positions.apposition", "CHAIRED", "Phạm Văn Hòa", "Sở Tài chính tỉnh Nghệ An")


POST_TOWARDS = [
    ("Thủ tướng phê chuẩn kết quả bầu chức vụ Chủ tịch UBND tỉnh Bắc Ninh đối với ông Phạm Hoàng Sơn.", "CHAIRED",
     "Phạm Hoàng Sơn", "UBND tỉnh Bắc Ninh"),
    ("Chủ tịch UBND tỉnh trao quyết định bổ nhiệm Giám đốc Sở Y tế tỉnh Nghệ An đối với ông Lê Văn Hùng.", "CHAIRED",
     "Lê Văn Hùng", "Sở Y tế tỉnh Nghệ An"),
    ("Bộ trưởng quyết định giao quyền Giám đốc Công an tỉnh Nghệ An cho ông Trần Văn An.", "CHAIRED", "Trần Văn An",
     "Công an tỉnh Nghệ An"),
]


@pytest.mark.parametrize("text, rel, person, body", POST_TOWARDS)
def test_post_towards_a_person(text: str, rel: str, person: str, body: str) -> None:
    has(text, "positions.post_towards", rel, person, body)


def test_a_dismissal_is_not_a_new_post() -> None:
    """A post named only by the act that ends it gives no position (as the gold annotates it);
    one given in apposition is dated as dismissed by the tenure pass (tests/test_tenure.py)."""
    text = "Thủ tướng phê chuẩn việc miễn nhiệm chức vụ Chủ tịch UBND tỉnh Thái Nguyên đối với ông Phạm Hoàng Sơn."
    assert not positions(text)


def test_replaced_person_held_the_post() -> None:
    text = "Ông Ngô Chí Cường được chỉ định giữ chức Bí thư Tỉnh ủy Đồng Tháp thay ông Lê Quốc Phong."
    has(text, "positions.appointment", "CHAIRED", "Ngô Chí Cường", "Tỉnh ủy Đồng Tháp")
    has(text, "positions.replacement", "CHAIRED", "Lê Quốc Phong", "Tỉnh ủy Đồng Tháp")


def test_election_gives_the_post_to_the_persons_elected_next() -> None:
    text = ("HĐND TP Hà Nội đã bầu ra hai Phó Chủ tịch UBND TP Hà Nội nhiệm kỳ 2021-2026.\n\n"
            "Kết quả, ông Nguyễn Trọng Đông, Giám đốc Sở Nội vụ và ông Hà Minh Hải đã trúng cử.")
    got = positions(text)
    for person in ("Nguyễn Trọng Đông", "Hà Minh Hải"):
        assert ("positions.election", "HOLDS", person, "UBND TP Hà Nội") in got, got


def test_a_committee_of_the_national_assembly_is_its_head_s_body() -> None:
    text = "Chủ nhiệm Ủy ban Kinh tế của Quốc hội Vũ Hồng Thanh phát biểu."
    has(text, "positions.title_chain", "CHAIRED", "Vũ Hồng Thanh", "Ủy ban Kinh tế")


DISMISSED_NEXT = [
    ("HĐND tỉnh đã miễn nhiệm hai Phó Chủ tịch UBND tỉnh Nghệ An. Đó là ông Trần Văn Bình và ông Lê Văn Hòa.",
     {"Trần Văn Bình", "Lê Văn Hòa"}),
    ("HĐND TP đã miễn nhiệm 2 Phó Chủ tịch UBND TP Hà Nội do nghỉ hưu. Trong đó ông Trần Văn Bình được phân công "
     "công tác khác, người còn lại là ông Lê Văn Hòa.", {"Trần Văn Bình", "Lê Văn Hòa"}),
    # as many names as the count says, or none is sure to be one of them
    ("HĐND tỉnh đã miễn nhiệm ba Phó Chủ tịch UBND tỉnh Nghệ An. Đó là ông Trần Văn Bình và ông Lê Văn Hòa.", set()),
    ("HĐND tỉnh đã miễn nhiệm Phó Chủ tịch UBND tỉnh Nghệ An. Ông Trần Văn Bình dự họp.", set()),
]


@pytest.mark.parametrize("text, held", DISMISSED_NEXT)
def test_dismissal_counted_then_named_in_the_next_sentence(text: str, held: set[str]) -> None:
    got = {person for rule, rel, person, body in positions(text) if rule == "positions.dismissal_list"}
    assert got == held


def test_local_body_named_by_the_one_place_of_its_level() -> None:
    text = ("Đảng bộ xã Tân Lập tổ chức Đại hội. Dự có đồng chí Lê Thị Mai, Phó Bí thư Đảng ủy, Chủ tịch HĐND xã; "
            "ông Trần Văn Nam, Chủ tịch UBND xã Tân Lập.")
    has(text, "positions.apposition", "HOLDS", "Lê Thị Mai", "Đảng ủy xã Tân Lập")


NO_POSITION = [
    # a clause, not an organ, between a title and punctuation
    "Giám đốc Sở đã họp với các doanh nghiệp về kế hoạch năm.",
    # the replaced person needs an appointment in the sentence
    "Ông Lê Văn An thay ông Trần Văn Bình phát biểu tại hội nghị.",
    # a title with no body written, and none implied
    "Ông Nguyễn Văn An, Phó Giám đốc, cho biết.",
    # a lower-case title with no body and no name it stands beside is a common noun
    "Các phó chủ tịch đã họp với các giám đốc sở.",
    "Các đại biểu HĐND tỉnh Nghệ An đã thảo luận. Đại biểu dự họp đông đủ.",
]


@pytest.mark.parametrize("text", NO_POSITION)
def test_no_position(text: str) -> None:
    assert not positions(text), positions(text)


WRONG_POSITION = [
    # appointment verbs never reach across list items
    ("Bầu ông Hà Văn Khoát giữ chức Chủ tịch HĐND tỉnh Bắc Kạn; Lý Thái Hải, Giám đốc Sở Tài chính tỉnh Bắc Kạn "
     "làm Phó Chủ tịch HĐND tỉnh Bắc Kạn.", "HOLDS", "Hà Văn Khoát", "HĐND tỉnh Bắc Kạn"),
    # "làm" before a title that introduces another name gives the subject nothing
    ("Ông Nguyễn Văn An làm việc với Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung.", "CHAIRED", "Nguyễn Văn An",
     "UBND tỉnh Nghệ An"),
    # a deputy in an attendee list does not take the body of another office named before
    ("Dự có Bộ trưởng Bộ Y tế Đào Hồng Lan; Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn.", "CHAIRED",
     "Trần Văn Sơn", "Bộ Y tế"),
    # two clauses, two posts: each verb to its own subject
    ("HĐND tỉnh bầu ông Dương Hoàng Nghĩa làm Chủ tịch HĐND tỉnh Trà Vinh, ông Nguyễn Văn Ngò làm Phó Chủ tịch HĐND "
     "tỉnh Trà Vinh.", "CHAIRED", "Nguyễn Văn Ngò", "HĐND tỉnh Trà Vinh"),
]


@pytest.mark.parametrize("text, rel, person, body", WRONG_POSITION)
def test_wrong_position(text: str, rel: str, person: str, body: str) -> None:
    assert not {g for g in positions(text) if g[1:] == (rel, person, body)}


def test_a_line_break_inside_a_name_is_a_space() -> None:
    text = "Điều 1. Bổ nhiệm ông Nguyễn\nVăn An, Phó Giám đốc Sở Nội vụ tỉnh Nghệ An."
    has(text, "positions.apposition", "HOLDS", "Nguyễn Văn An", "Sở Nội vụ tỉnh Nghệ An")
    # a full name ending a line does not run into the next one
    assert persons("Bổ nhiệm ông Nguyễn Văn An\nTheo đề nghị của Giám đốc Sở.") == {"Nguyễn Văn An"}


NOT_A_NAME = [
    ("Bà Nguyễn Thị Thủy giữ chức Phó Bí thư Thường trực Huyện ủy Đồng Hỷ.", "Đồng Hỷ"),  # the district's own name
    ("UBND phường Hai Bà Trưng tổ chức hội nghị.", "Trưng"),  # a capital honorific inside a place
    ("Chủ tịch UBND phường Hai Bà Trưng Chu Văn An phát biểu.", "Trưng Chu Văn An"),
]


@pytest.mark.parametrize("text, fragment", NOT_A_NAME)
def test_not_a_name(text: str, fragment: str) -> None:
    assert not {p for p in persons(text) if fragment in p}


def test_every_fact_of_the_sample_articles_names_its_rule() -> None:
    """The JSONL edges (and so the stored relationships) say which rule made each fact."""
    from pathlib import Path

    from ingest.api import ArticleResult, extract

    families = {"positions", "presiding", "issuing", "signing", "references", "tasks", "ad_hoc"}
    examples = Path(__file__).resolve().parent.parent / "examples"
    for item in extract([str(examples)]):
        assert isinstance(item, ArticleResult)
        for edge in item.to_dict()["edges"]:
            if edge["type"] != "MENTIONS":
                assert edge.get("rule", "").split(".")[0] in families, edge
