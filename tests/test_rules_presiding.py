"""Presiding rules (ingest/components/relations/presiding.py): invented sentences, who presides
over which meeting (named as the text names it), and sentences that make nobody preside."""

from __future__ import annotations

import pytest

from helpers import presided


CHU_TRI = [
    ("Bí thư Tỉnh ủy Nguyễn Văn An chủ trì hội nghị Ban Thường vụ Tỉnh ủy.", ["Nguyễn Văn An"],
     "hội nghị Ban Thường vụ Tỉnh ủy"),
    ("Chủ tịch UBND tỉnh Lê Văn Bình và Bí thư Tỉnh ủy Trần Văn Cường đồng chủ trì buổi làm việc với Bộ Y tế.",
     ["Lê Văn Bình", "Trần Văn Cường"], "buổi làm việc với Bộ Y tế"),
    ("Hội nghị sơ kết công tác phòng cháy do Trung tướng Lê Đông Phong, Giám đốc Công an tỉnh Nghệ An chủ trì.",
     ["Lê Đông Phong"], "Hội nghị sơ kết công tác phòng cháy"),
    ("Bí thư Tỉnh ủy Nghệ An Nguyễn Văn An chủ trì và phát biểu khai mạc Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18.",
     ["Nguyễn Văn An"], "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18"),
    ("Sáng 5/3, HĐND tỉnh khai mạc Kỳ họp thứ 9. Chủ tịch HĐND tỉnh Phạm Văn Dũng chủ trì kỳ họp.", ["Phạm Văn Dũng"],
     "Kỳ họp thứ 9"),
    ("Đảng bộ thành phố tổ chức phiên trù bị Đại hội đại biểu lần thứ XVIII. Bí thư Thành ủy Hà Nội Bùi Thị Minh Hoài "
     "chủ trì phiên trù bị.", ["Bùi Thị Minh Hoài"], "phiên trù bị Đại hội đại biểu lần thứ XVIII"),
]


@pytest.mark.parametrize("text, people, event", CHU_TRI)
def test_person_presides(text: str, people: list[str], event: str) -> None:
    got = presided(text)
    for person in people:
        assert ("presiding.chu_tri", person, event) in got, got


def test_under_the_chair_of() -> None:
    text = ("Dưới sự chủ trì của đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An, Hội nghị lần thứ 18 Ban Chấp hành "
            "Đảng bộ tỉnh khóa XIX đã thảo luận nhiều nội dung.")
    assert ("presiding.su_chu_tri", "Nguyễn Văn An", "Hội nghị lần thứ 18 Ban Chấp hành Đảng bộ tỉnh khóa XIX") in presided(text)


def test_frame_lists_every_chair() -> None:
    text = ("Sáng 28/9 diễn ra Hội nghị Đoàn Chủ tịch Ủy ban MTTQ tỉnh lần thứ 18.\n\nChủ trì Hội nghị có ông Lê Văn An, "
            "Chủ tịch Ủy ban MTTQ tỉnh Nghệ An; bà Trần Thị Bình, Phó Chủ tịch Ủy ban MTTQ tỉnh Nghệ An.")
    got = presided(text)
    for person in ("Lê Văn An", "Trần Thị Bình"):
        assert ("presiding.frame", person, "Hội nghị Đoàn Chủ tịch Ủy ban MTTQ tỉnh lần thứ 18") in got, got


NOBODY = [
    "UBND tỉnh Nghệ An giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan.",  # a task, not a meeting
    "Phó Chủ tịch UBND tỉnh Lê Văn An yêu cầu Sở Y tế chủ trì, phối hợp triển khai.",  # the body presides, not him
    "Sở Nội vụ chủ trì hội nghị tổng kết.",  # a body, no person
    "Chủ tịch UBND tỉnh Lê Văn Bình chủ trì, phát biểu.",  # no meeting named anywhere
    "Tham dự có đồng chí Lê Văn An, Phó Chủ tịch UBND tỉnh Nghệ An; đồng chí Trần Văn Bình chủ trì hội nghị.",
]


@pytest.mark.parametrize("text", NOBODY)
def test_nobody_presides(text: str) -> None:
    got = presided(text)
    if "Trần Văn Bình" in text:  # the list before "chủ trì" is not a list of co-chairs
        assert {p for _, p, _ in got} == {"Trần Văn Bình"}, got
    else:
        assert not got, got
