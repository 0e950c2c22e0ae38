"""People listed with their posts, and meetings chaired, in the layouts news writes every day
(branch recall6): a colon then semicolons, one person a line or bullet, "gồm các ông/bà", "ông A –
<title> và bà B – <title>", a title shared by a list of names, the title in brackets, "đ/c"; and
"chủ trì" / "chủ tọa" / "điều hành" / "do X chủ trì" around a meeting. Invented sentences: the
facts each must give, and look-alikes that must not give them."""

from __future__ import annotations

import pytest

from helpers import posts, presided


LISTS = [
    # a colon, then one person and post per semicolon
    ("Dự hội nghị có các đồng chí: Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An; Lê Thị Hoa, Chủ tịch UBND tỉnh Nghệ An.",
     [("CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Lê Thị Hoa", "UBND tỉnh Nghệ An")]),
    # one person a bullet line, an en dash before the post
    ("Thành phần tham dự gồm:\n- Đồng chí Nguyễn Văn An – Phó Chủ tịch UBND tỉnh Nghệ An;\n"
     "- Đồng chí Lê Văn Hòa – Giám đốc Sở Tài chính tỉnh Nghệ An.",
     [("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Sở Tài chính tỉnh Nghệ An")]),
    # an em dash, a "+" bullet
    ("Tham dự:\n+ Ông Trần Văn Cường — Chủ tịch UBND huyện Nam Đàn\n+ Bà Phạm Thị Lan — Phó Chủ tịch HĐND tỉnh Nghệ An",
     [("CHAIRED", "Trần Văn Cường", "UBND huyện Nam Đàn"), ("HOLDS", "Phạm Thị Lan", "HĐND tỉnh Nghệ An")]),
    # "gồm các ông/bà"
    ("Đoàn công tác gồm các ông: Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Nghệ An; Lê Văn Hòa, Giám đốc Sở Y tế tỉnh Nghệ An.",
     [("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")]),
    # "ông A – <title> và bà B – <title>"
    ("Tham dự có ông Nguyễn Văn An – Giám đốc Sở Xây dựng tỉnh Nghệ An và bà Lê Thị Hoa – Chủ tịch UBND huyện Nam Đàn.",
     [("CHAIRED", "Nguyễn Văn An", "Sở Xây dựng tỉnh Nghệ An"), ("CHAIRED", "Lê Thị Hoa", "UBND huyện Nam Đàn")]),
    # a title shared by a list of names
    ("Dự buổi làm việc có các Phó Chủ tịch UBND tỉnh Nghệ An: Nguyễn Văn An, Lê Văn Hòa, Trần Văn Cường.",
     [("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), ("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An"),
      ("HOLDS", "Trần Văn Cường", "UBND tỉnh Nghệ An")]),
    ("Các Phó Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An và Lê Văn Hòa cùng dự.",
     [("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), ("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An")]),
    # the title in brackets
    ("Ông Nguyễn Văn An (Chủ tịch UBND huyện Nam Đàn) cho biết huyện đã hoàn thành kế hoạch.",
     [("CHAIRED", "Nguyễn Văn An", "UBND huyện Nam Đàn")]),
    ("Theo bà Lê Thị Hoa (Phó Giám đốc Sở Y tế tỉnh Nghệ An), dịch đã được kiểm soát.",
     [("HOLDS", "Lê Thị Hoa", "Sở Y tế tỉnh Nghệ An")]),
    ("Ông Nguyễn Văn An (Phó Chủ tịch UBND tỉnh Nghệ An) và bà Lê Thị Hoa (Giám đốc Sở Y tế tỉnh Nghệ An) dự.",
     [("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), ("CHAIRED", "Lê Thị Hoa", "Sở Y tế tỉnh Nghệ An")]),
    ("Dự có các đồng chí: Nguyễn Văn An (Bí thư Tỉnh ủy Nghệ An), Lê Văn Hòa (Chủ tịch UBND tỉnh Nghệ An).",
     [("CHAIRED", "Nguyễn Văn An", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "UBND tỉnh Nghệ An")]),
    # numbered lines, a hyphen before the post
    ("Thành phần gồm:\n1. Đồng chí Nguyễn Văn An - Phó Chủ tịch UBND tỉnh Nghệ An\n"
     "2. Đồng chí Lê Văn Hòa - Giám đốc Sở Y tế tỉnh Nghệ An",
     [("HOLDS", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")]),
    # a membership shared by the list, each with a post of their own
    ("Tham dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An: Nguyễn Văn An, Trưởng Ban Tổ chức Tỉnh ủy; "
     "Lê Văn Hòa, Chủ tịch UBND tỉnh.",
     [("HOLDS", "Nguyễn Văn An", "Ban Thường vụ Tỉnh ủy Nghệ An"), ("HOLDS", "Lê Văn Hòa", "Ban Thường vụ Tỉnh ủy Nghệ An"),
      ("CHAIRED", "Nguyễn Văn An", "Ban Tổ chức Tỉnh ủy Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "UBND tỉnh Nghệ An")]),
    # "đ/c"
    ("Đ/c Nguyễn Văn An, Bí thư Huyện ủy Nam Đàn phát biểu.", [("CHAIRED", "Nguyễn Văn An", "Huyện ủy Nam Đàn")]),
    ("Tham dự có đ/c Nguyễn Văn An, Phó Bí thư Tỉnh ủy Nghệ An; đ/c Lê Văn Hòa, Trưởng Ban Tuyên giáo Tỉnh ủy Nghệ An.",
     [("HOLDS", "Nguyễn Văn An", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Ban Tuyên giáo Tỉnh ủy Nghệ An")]),
]


@pytest.mark.parametrize("text, facts", LISTS)
def test_a_listed_person_keeps_the_post(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert set(facts) <= got, got


@pytest.mark.parametrize("text, facts", [
    # the post of one line never goes to the name of the next
    ("Tham dự có đ/c Nguyễn Văn An, Phó Bí thư Tỉnh ủy Nghệ An; đ/c Lê Văn Hòa, Trưởng Ban Tuyên giáo Tỉnh ủy Nghệ An.",
     [("HOLDS", "Lê Văn Hòa", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Nguyễn Văn An", "Ban Tuyên giáo Tỉnh ủy Nghệ An")]),
    ("Tham dự:\n- Ông Trần Văn Cường — Chủ tịch UBND huyện Nam Đàn\n- Bà Phạm Thị Lan — Phó Chủ tịch HĐND tỉnh Nghệ An",
     [("CHAIRED", "Phạm Thị Lan", "UBND huyện Nam Đàn"), ("HOLDS", "Trần Văn Cường", "HĐND tỉnh Nghệ An")]),
    # a bracket that is no post
    ("Ông Nguyễn Văn An (58 tuổi, trú tại huyện Nam Đàn) cho biết.", []),
])
def test_a_list_gives_no_crossed_post(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert not set(facts) & got, got
    if not facts:
        assert got == set(), got


CHAIRS = [
    ("Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An chủ trì hội nghị.", ["Nguyễn Văn An"], "hội nghị"),
    ("Hội nghị do đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Nghệ An chủ trì.", ["Nguyễn Văn An"], "Hội nghị"),
    ("Phó Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì cuộc họp với các sở, ngành về giải phóng mặt bằng.",
     ["Nguyễn Văn An"], "cuộc họp với các sở, ngành"),
    ("Chủ tịch Quốc hội Trần Văn Cường chủ tọa phiên họp thứ 40 của Ủy ban Thường vụ Quốc hội.",
     ["Trần Văn Cường"], "phiên họp thứ 40 của Ủy ban Thường vụ Quốc hội"),
    ("Phó Chủ tịch Quốc hội Lê Văn Hòa điều hành phiên họp.", ["Lê Văn Hòa"], "phiên họp"),
    ("Bí thư Tỉnh ủy Nguyễn Văn An và Chủ tịch UBND tỉnh Lê Văn Hòa đồng chủ trì hội nghị xúc tiến đầu tư.",
     ["Nguyễn Văn An", "Lê Văn Hòa"], "hội nghị xúc tiến đầu tư"),
    ("Dưới sự chủ trì của Chủ tịch UBND tỉnh Nguyễn Văn An, cuộc họp đã thống nhất phương án.",
     ["Nguyễn Văn An"], "cuộc họp"),
    ("Chủ trì hội nghị có đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An.", ["Nguyễn Văn An"], "hội nghị"),
    ("Hội nghị do đồng chí Nguyễn Văn An và đồng chí Lê Văn Hòa đồng chủ trì.", ["Nguyễn Văn An", "Lê Văn Hòa"], "Hội nghị"),
    ("Chủ tọa phiên họp có đồng chí Nguyễn Văn An, Chủ tịch HĐND tỉnh Nghệ An; đồng chí Lê Văn Hòa, Phó Chủ tịch HĐND "
     "tỉnh Nghệ An.", ["Nguyễn Văn An", "Lê Văn Hòa"], "phiên họp"),
    ("Chủ tịch HĐND tỉnh Nguyễn Văn An chủ trì, điều hành kỳ họp thứ 12 HĐND tỉnh khóa XVIII.", ["Nguyễn Văn An"],
     "kỳ họp thứ 12 HĐND tỉnh khóa XVIII"),
    ("Cuộc họp với các sở, ngành do Phó Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì.", ["Nguyễn Văn An"],
     "Cuộc họp với các sở, ngành"),
    ("Dưới sự chủ trì của đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An, cuộc họp đã thống nhất phương án.",
     ["Nguyễn Văn An"], "cuộc họp"),
    # the comma that closes the chair's titles before "chủ trì"
    ("Cuộc họp do đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An, chủ trì.", ["Nguyễn Văn An"], "Cuộc họp"),
    ("Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì họp báo thường kỳ.", ["Nguyễn Văn An"], "họp báo thường kỳ"),
]


@pytest.mark.parametrize("text, people, event", CHAIRS)
def test_a_person_chairs_the_meeting(text: str, people: list[str], event: str) -> None:
    got = {(p, e) for _, p, e in presided(text)}
    for person in people:
        assert (person, event) in got, got


@pytest.mark.parametrize("text", [
    "Sở Y tế chủ trì cuộc họp với các bệnh viện.",  # a body chairs, no person
    "Ông Nguyễn Văn An, Giám đốc Sở Y tế tỉnh Nghệ An điều hành công việc của sở.",  # runs the office, no meeting
    "Phó Chủ tịch UBND tỉnh Nguyễn Văn An giao Sở Tài chính chủ trì, phối hợp với các sở.",  # a task
    "Dưới sự chủ trì của ông Nguyễn Văn An, các đại biểu đã thống nhất phương án.",  # the subject is no meeting
    "Ông Nguyễn Văn An, Giám đốc Sở Y tế, chủ trì.",  # no meeting named anywhere
    "Ông Nguyễn Văn An cho biết sở sẽ tổ chức họp báo, Sở Y tế chủ trì.",  # a body chairs the press briefing
])
def test_no_meeting_chaired(text: str) -> None:
    assert not presided(text), presided(text)
