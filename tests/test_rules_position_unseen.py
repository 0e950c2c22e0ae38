"""Position and name shapes missed on a second set of unannotated news (issue 10, branch recall2),
one table per shape: invented sentences (names, places and bodies made up), the facts each must
give, and look-alike sentences that must not give them."""

from __future__ import annotations

import pytest

from tests.test_rules_positions import persons, positions

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
