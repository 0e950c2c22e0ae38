"""ASSIGNS rules (ingest/components/relations/tasks.py), one table per rule: invented sentences,
what each must give (giver as written -> recipient as written) and what it must not."""

from __future__ import annotations

import pytest

from ingest.mentions import BodyMention, DocMention
from ingest.normalize import match_text
from ingest.pipeline import get_nlp


def _written(m: object) -> str:
    if isinstance(m, DocMention):
        return m.number
    assert isinstance(m, BodyMention)
    return m.kind if m.implied else " ".join(m.surface.split())


def assigned(text: str) -> set[tuple[str, str, str]]:
    doc = get_nlp()(match_text(text))
    return {(f.rule, _written(f.source), _written(f.target)) for f in doc._.facts if f.type == "ASSIGNS"}


def tasks(text: str) -> set[str]:
    doc = get_nlp()(match_text(text))
    return {f.props["task"] for f in doc._.facts if f.type == "ASSIGNS"}


SUBJECT = [
    ("UBND tỉnh Nghệ An giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan.", [("UBND tỉnh Nghệ An", "Sở Y tế")]),
    ("UBND tỉnh Nghệ An đã giao Văn phòng UBND tỉnh (Phòng Hành chính) chuẩn bị hội trường.",
     [("UBND tỉnh Nghệ An", "Văn phòng UBND tỉnh")]),
    ("Ban Thường vụ Tỉnh ủy Hà Tĩnh yêu cầu Công an tỉnh, Sở Tư pháp khẩn trương xử lý.",
     [("Ban Thường vụ Tỉnh ủy Hà Tĩnh", "Công an tỉnh"), ("Ban Thường vụ Tỉnh ủy Hà Tĩnh", "Sở Tư pháp")]),
    ("Kế hoạch số 12/KH-UBND giao Sở Nội vụ theo dõi việc thực hiện.", [("12/KH-UBND", "Sở Nội vụ")]),
    ("Thủ tướng giao Bộ Tài chính chủ trì xây dựng đề án.", [("Thủ tướng Chính phủ", "Bộ Tài chính")]),
    ("Chủ tịch UBND tỉnh Gia Lai Trần Văn An yêu cầu Sở Xây dựng kiểm tra công trình.",
     [("UBND tỉnh Gia Lai", "Sở Xây dựng")]),
    ("UBND thành phố Hà Nội giao Sở Công Thương là cơ quan thường trực của Ban Chỉ đạo.",
     [("UBND thành phố Hà Nội", "Sở Công Thương")]),
    ("UBND tỉnh Quảng Ninh vừa có văn bản yêu cầu Sở Y tế kiểm tra các cơ sở.", [("UBND tỉnh Quảng Ninh", "Sở Y tế")]),
    ("UBND tỉnh ban hành Kế hoạch số 84/KH-UBND về chuyển đổi số. Kế hoạch giao Sở Nội vụ tổng hợp kết quả.",
     [("84/KH-UBND", "Sở Nội vụ")]),
    # a head title stands for its body on the receiving side too
    ("UBND tỉnh Nghệ An yêu cầu Giám đốc Sở Y tế, Giám đốc Công an tỉnh phối hợp kiểm tra.",
     [("UBND tỉnh Nghệ An", "Sở Y tế"), ("UBND tỉnh Nghệ An", "Công an tỉnh")]),
    # the document is the subject; its issuer is written after "của"
    ("Kế hoạch số 84/KH-UBND của UBND tỉnh Nghệ An giao Sở Y tế chủ trì.", [("84/KH-UBND", "Sở Y tế")]),
    ("Quyết định số 12/QĐ-UBND ngày 2/3/2024 của Chủ tịch UBND tỉnh Nghệ An giao Sở Y tế chủ trì.",
     [("12/QĐ-UBND", "Sở Y tế")]),
]
SUBJECT_NOT = [
    "UBND tỉnh Nghệ An giao các sở, ngành khẩn trương triển khai.",  # generic recipients
    "Hai bên đã bàn giao mặt bằng cho Sở Y tế.",  # no giver written
    "Phó Chủ tịch UBND tỉnh Trần Văn An đề nghị Sở Y tế báo cáo.",  # a deputy gives no body's task
    "Ông Trần Văn An được giao theo dõi Sở Nội vụ.",  # a portfolio, not a task
    "UBND tỉnh Nghệ An họp. Giao Sở Y tế chuẩn bị.",  # giver in another sentence, no document
    "UBND tỉnh Nghệ An giao Phó Chủ tịch UBND tỉnh Trần Văn An phụ trách Sở Y tế.",  # a deputy's portfolio
    "Chủ tịch UBND TP Hà Nội giao quyền Giám đốc Sở Công Thương đối với bà Trần Thị Lan.",  # an acting head
    "Bộ Y tế yêu cầu Sở Y tế các tỉnh, thành phố báo cáo.",  # one department in every province: a class
]


@pytest.mark.parametrize("text, expected", SUBJECT)
def test_subject_gives(text: str, expected: list[tuple[str, str]]):
    assert {("tasks.subject_gives", g, r) for g, r in expected} <= assigned(text)


@pytest.mark.parametrize("text", SUBJECT_NOT)
def test_subject_gives_not(text: str):
    assert not assigned(text)


DOCUMENT = [
    ("Quyết định số 15/QĐ-UBND ngày 2/3/2024 về việc thành lập đoàn kiểm tra; giao Sở Tài chính bố trí kinh phí.",
     [("15/QĐ-UBND", "Sở Tài chính")]),
    ("UBND tỉnh Nghệ An ban hành Kế hoạch số 84/KH-UBND, trong đó giao Sở Nội vụ tổng hợp kết quả.",
     [("84/KH-UBND", "Sở Nội vụ")]),
]
DOCUMENT_NOT = [
    "Giao Sở Nội vụ tổng hợp kết quả.",  # no document in force
    "Kế hoạch số 84/KH-UBND nêu rõ Sở Nội vụ giao cho Phòng Tổ chức thực hiện.",  # the verb has a subject
    "Kế hoạch số 84/KH-UBND được ban hành. Giao Sở Nội vụ tổng hợp kết quả.",  # news: the number is in another sentence
]


@pytest.mark.parametrize("text, expected", DOCUMENT)
def test_document_gives(text: str, expected: list[tuple[str, str]]):
    assert {("tasks.document_gives", g, r) for g, r in expected} <= assigned(text)


@pytest.mark.parametrize("text", DOCUMENT_NOT)
def test_document_gives_not(text: str):
    assert not {a for a in assigned(text) if a[0] == "tasks.document_gives"}


LEGAL = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 77/QĐ-UBND\nNghệ An, ngày 2 tháng 3 năm 2024\n"
    "QUYẾT ĐỊNH\nĐiều 2. Tổ chức thực hiện\n{line}\n"
)
IN_CHARGE = [
    (LEGAL.format(line="1. Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan hướng dẫn thực hiện."), "Sở Nội vụ"),
    (LEGAL.format(line="- Sở Tài chính có trách nhiệm bố trí kinh phí."), "Sở Tài chính"),
    (LEGAL.format(line="2. Sở Xây dựng:\n- Hướng dẫn thực hiện."), "Sở Xây dựng"),
    (LEGAL.format(line="Giao Sở Y tế là cơ quan thường trực, theo dõi việc thực hiện."), None),  # document_gives
    ("Quyết định 131 ngày 19-1 của Thủ tướng. Theo kế hoạch, Bộ Xây dựng chủ trì tổng kết.", "Bộ Xây dựng"),
    ("Quyết định 131 ngày 19-1 của Thủ tướng. Theo đó, Bộ Tài chính là cơ quan thường trực, có trách nhiệm đôn đốc.",
     "Bộ Tài chính"),
    ("UBND tỉnh Nghệ An ban hành kế hoạch. Theo Kế hoạch số 84/KH-UBND ngày 2/3/2024, Sở Y tế được giao chủ trì tiêm chủng.",
     "Sở Y tế"),
    # the document says it: "<type word> [its number] nêu rõ / quy định,"
    ("UBND tỉnh Nghệ An ban hành Kế hoạch số 84/KH-UBND. Kế hoạch nêu rõ, Sở Y tế chủ trì, phối hợp tổ chức tiêm chủng.",
     "Sở Y tế"),
    ("Quyết định 131 ngày 19-1 của Thủ tướng. Quyết định cũng quy định: Bộ Tài chính là cơ quan thường trực, có trách nhiệm "
     "đôn đốc.", "Bộ Tài chính"),
]
IN_CHARGE_NOT = [
    "Sáng 2/3, Sở Nội vụ chủ trì hội nghị tổng kết.",  # news, no document in force: presiding, not a task
    "Quyết định 131 ngày 19-1 của Thủ tướng. Sở Y tế chủ trì, phối hợp tổ chức hội nghị.",  # no "Theo ...," lead
    "Quyết định 131 ngày 19-1 của Thủ tướng. Theo đó, Bộ Y tế chủ trì hội nghị.",  # "theo đó" needs "chủ trì, phối hợp"
    "Sở Y tế được giao nhiệm vụ mới.",  # no document in force
    "Quyết định 131 ngày 19-1 của Thủ tướng. Ông Trần Văn An nêu rõ, Sở Y tế chủ trì hội nghị.",  # a person says it
]


@pytest.mark.parametrize("text, recipient", IN_CHARGE)
def test_body_in_charge(text: str, recipient: str | None):
    got = assigned(text)
    if recipient:
        assert any(r == "tasks.body_in_charge" and t == recipient for r, _, t in got), got
    else:
        assert any(r == "tasks.document_gives" and g == "77/QĐ-UBND" for r, g, _ in got), got


@pytest.mark.parametrize("text", IN_CHARGE_NOT)
def test_body_in_charge_not(text: str):
    assert not {a for a in assigned(text) if a[0] == "tasks.body_in_charge"}


def test_the_document_named_in_the_lead_is_the_giver():
    text = "Quyết định 131 ngày 19-1 của Thủ tướng. Theo Kế hoạch số 84/KH-UBND, Sở Y tế có trách nhiệm tiêm chủng."
    assert ("tasks.body_in_charge", "84/KH-UBND", "Sở Y tế") in assigned(text)


def test_the_task_is_the_clause_after_the_recipients():
    assert tasks("UBND tỉnh Nghệ An giao Sở Y tế, Sở Tài chính phối hợp kiểm tra; báo cáo trước ngày 5.") == {
        "phối hợp kiểm tra"
    }


ESTABLISHES = [
    ("Quyết định số 12/QĐ-UBND thành lập Ban Chỉ đạo chuyển đổi số tỉnh Nghệ An.",
     ("12/QĐ-UBND", "Ban Chỉ đạo chuyển đổi số tỉnh Nghệ An")),
    ("Theo đó, UBND tỉnh Nghệ An thành lập Tổ công tác cải cách hành chính.", ("UBND tỉnh Nghệ An", "Tổ công tác cải cách hành chính")),
    # the head title the sentence opens with acts for its body
    ("Chủ tịch UBND tỉnh Vĩnh Long đã có quyết định thành lập Ban Điều hành Đề án Bảo tàng vùng ĐBSCL.",
     ("UBND tỉnh Vĩnh Long", "Ban Điều hành Đề án Bảo tàng vùng ĐBSCL")),
]
ESTABLISHES_NOT = [
    "Thành lập Ban Điều hành Đề án Bảo tàng vùng ĐBSCL.",  # a headline: nobody sets it up
    "Phó Chủ tịch UBND tỉnh Trần Văn An đề xuất thành lập Ban Chỉ đạo chuyển đổi số.",  # a deputy acts for no body
    "Ông Trần Văn An cho biết tỉnh sẽ thành lập Ban Chỉ đạo chuyển đổi số.",  # a person, no office
    "Quyết định số 12/QĐ-UBND thành lập Sở Du lịch.",  # no ad hoc body
]


@pytest.mark.parametrize("text, expected", ESTABLISHES)
def test_establishes(text: str, expected: tuple[str, str]):
    assert ("tasks.establishes", *expected) in assigned(text)


@pytest.mark.parametrize("text", ESTABLISHES_NOT)
def test_establishes_not(text: str):
    assert not {a for a in assigned(text) if a[0] == "tasks.establishes"}


SET_UP = "Chủ tịch UBND tỉnh Vĩnh Long đã có quyết định thành lập Ban Điều hành Đề án Bảo tàng vùng ĐBSCL. "
STANDING = [
    (SET_UP + "Thường trực Ban Điều hành đặt tại Sở Văn hóa, Thể thao và Du lịch.",
     ("UBND tỉnh Vĩnh Long", "Sở Văn hóa, Thể thao và Du lịch")),
    (SET_UP + "Sở Nội vụ là cơ quan thường trực của Ban Điều hành, có trách nhiệm tổng hợp.", ("UBND tỉnh Vĩnh Long", "Sở Nội vụ")),
    (SET_UP + "Cơ quan thường trực của Ban Điều hành được đặt tại Sở Nội vụ.", ("UBND tỉnh Vĩnh Long", "Sở Nội vụ")),
]
STANDING_NOT = [
    # nobody named sets the body up
    "Bộ Tài chính là Cơ quan Thường trực của Ban Chỉ đạo 389 quốc gia, có trách nhiệm đôn đốc.",
    "Ban Điều hành Đề án Bảo tàng vùng ĐBSCL họp. Thường trực Ban Điều hành đặt tại Sở Nội vụ.",
    # a meeting place is no seat
    SET_UP + "Thường trực Ban Điều hành họp tại Sở Nội vụ.",
]


@pytest.mark.parametrize("text, expected", STANDING)
def test_standing_agency(text: str, expected: tuple[str, str]):
    assert ("tasks.standing_agency", *expected) in assigned(text)


@pytest.mark.parametrize("text", STANDING_NOT)
def test_standing_agency_not(text: str):
    assert not {a for a in assigned(text) if a[0] == "tasks.standing_agency"}


def test_the_standing_agency_task_is_its_sentence():
    text = SET_UP + "Thường trực Ban Điều hành đặt tại Sở Nội vụ."
    assert "Thường trực Ban Điều hành đặt tại Sở Nội vụ" in tasks(text)
