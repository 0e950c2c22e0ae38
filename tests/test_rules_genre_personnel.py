"""Personnel news and speech attributions (branch recall7): appointments, transfers, elections,
approvals, dismissals, retirements and discipline, in the shapes news writes them, and the
officials quoted with their posts ("Phát biểu tại hội nghị, ông A, <title>, nhấn mạnh ...").
Invented sentences (names and places made up or common): the posts each must give, what the
post's edge says of time (status, start, end, term: the ``tenure`` component), and look-alikes
that must not give them.

Gold conventions (../shared/domain.md, the dev gold): an appointment story gives both the old
and the new post; a post named only by the act that ends it ("miễn nhiệm chức vụ <title> đối
với ông X") gives none; "cách chức <title>" keeps the post; a discipline short of dismissal
leaves the post current."""

from __future__ import annotations

import pytest

from helpers import persons, posts, tenures


# -- appointment, transfer, election, approval: the person takes the post written after the verb
APPOINTED = [
    # a birth year in brackets before the appointment is an official's aside, not a citizen's
    ("Ông Lê Văn Hòa (SN 1975) được bổ nhiệm giữ chức Giám đốc Sở Y tế tỉnh Nghệ An.",
     {("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    # the one who hands over the decision keeps his own post and takes none of the new one
    ("Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An trao quyết định bổ nhiệm ông Lê Văn Hòa giữ chức Phó Giám đốc Sở Y tế "
     "tỉnh Nghệ An.",
     {("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An"), ("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    ("Trao quyết định bổ nhiệm ông Lê Văn Hòa giữ chức Phó Giám đốc Sở Tài chính tỉnh Nghệ An.",
     {("HOLDS", "Lê Văn Hòa", "Sở Tài chính tỉnh Nghệ An")}),
    ("Công bố quyết định bổ nhiệm ông Lê Văn Hòa làm Phó Giám đốc Công an tỉnh Nghệ An.",
     {("HOLDS", "Lê Văn Hòa", "Công an tỉnh Nghệ An")}),
    # a photo's caption: the one who receives the decision takes the post
    ("Ông Lê Văn Hòa (bìa trái) nhận quyết định bổ nhiệm Phó Giám đốc Sở Y tế tỉnh Nghệ An.",
     {("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    ("Ông Lê Văn Hòa được bổ nhiệm lại chức vụ Giám đốc Sở Y tế tỉnh Nghệ An.", {("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    # transfer: the old post in apposition, the new one after "giữ chức" / "làm"
    ("UBND tỉnh Nghệ An điều động, bổ nhiệm bà Trần Thị Mai, Phó Chánh Văn phòng UBND tỉnh Nghệ An, giữ chức Chủ tịch "
     "UBND phường Trường Vinh.",
     {("HOLDS", "Trần Thị Mai", "Văn phòng UBND tỉnh Nghệ An"), ("CHAIRED", "Trần Thị Mai", "UBND phường Trường Vinh")}),
    ("Ban Thường vụ Tỉnh ủy Nghệ An điều động, bổ nhiệm bà Trần Thị Mai làm Chủ tịch UBND phường Trường Vinh.",
     {("CHAIRED", "Trần Thị Mai", "UBND phường Trường Vinh")}),
    ("Ông Lê Văn Hòa, Phó Giám đốc Sở Y tế tỉnh Nghệ An, được điều động làm Giám đốc Bệnh viện Đa khoa tỉnh Nghệ An.",
     {("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Bệnh viện Đa khoa tỉnh Nghệ An")}),
    ("Bộ Công an điều động đại tá Lê Văn Hòa, Phó Giám đốc Công an tỉnh Nghệ An, đến nhận công tác và giữ chức Giám đốc "
     "Công an tỉnh Hà Tĩnh.",
     {("HOLDS", "Lê Văn Hòa", "Công an tỉnh Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Công an tỉnh Hà Tĩnh")}),
    ("Thủ tướng Chính phủ bổ nhiệm ông Lê Văn Hòa, Phó Chủ tịch UBND tỉnh Nghệ An, giữ chức Thứ trưởng Bộ Y tế.",
     {("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An"), ("HOLDS", "Lê Văn Hòa", "Bộ Y tế")}),
    ("Ông Lê Văn Hòa được Thủ tướng bổ nhiệm làm Thứ trưởng Bộ Y tế.", {("HOLDS", "Lê Văn Hòa", "Bộ Y tế")}),
    ("Ông Lê Văn Hòa được luân chuyển giữ chức Bí thư Huyện ủy Nam Đàn.", {("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn")}),
    ("Ông Lê Văn Hòa được Bộ Chính trị phân công làm Bí thư Tỉnh ủy Nghệ An.", {("CHAIRED", "Lê Văn Hòa", "Tỉnh ủy Nghệ An")}),
    # election by the council, the vote written first
    ("HĐND tỉnh Nghệ An bầu ông Lê Văn Hòa giữ chức Chủ tịch UBND tỉnh nhiệm kỳ 2021-2026.",
     {("CHAIRED", "Lê Văn Hòa", "UBND tỉnh Nghệ An")}),
    ("Với 100% đại biểu có mặt tán thành, HĐND tỉnh Nghệ An đã bầu ông Lê Văn Hòa, Phó Bí thư Tỉnh ủy, giữ chức Chủ tịch "
     "HĐND tỉnh nhiệm kỳ 2021-2026.",
     {("HOLDS", "Lê Văn Hòa", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "HĐND tỉnh Nghệ An")}),
    ("Bà Trần Thị Mai được HĐND tỉnh Nghệ An bầu làm Phó Chủ tịch UBND tỉnh.", {("HOLDS", "Trần Thị Mai", "UBND tỉnh Nghệ An")}),
    ("Ông Lê Văn Hòa tái đắc cử Chủ tịch HĐND tỉnh Nghệ An.", {("CHAIRED", "Lê Văn Hòa", "HĐND tỉnh Nghệ An")}),
    ("Ông Lê Văn Hòa được bầu bổ sung làm Ủy viên UBND tỉnh Nghệ An.", {("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An")}),
    # "lần lượt": each takes one post, in order; a title with no body shares the next one's
    ("Ông Lê Văn Hòa và bà Trần Thị Mai lần lượt được bầu giữ chức Chủ tịch và Phó Chủ tịch HĐND tỉnh Nghệ An.",
     {("CHAIRED", "Lê Văn Hòa", "HĐND tỉnh Nghệ An"), ("HOLDS", "Trần Thị Mai", "HĐND tỉnh Nghệ An")}),
    # the Party's approval ("chuẩn y") and designation ("chỉ định")
    ("Ban Thường vụ Tỉnh ủy Nghệ An quyết định chuẩn y ông Lê Văn Hòa giữ chức Bí thư Đảng ủy xã Nam Đàn.",
     {("CHAIRED", "Lê Văn Hòa", "Đảng ủy xã Nam Đàn")}),
    ("Ban Bí thư chuẩn y ông Lê Văn Hòa, Chủ tịch UBND tỉnh Nghệ An, giữ chức Phó Bí thư Tỉnh ủy Nghệ An nhiệm kỳ 2020-2025.",
     {("CHAIRED", "Lê Văn Hòa", "UBND tỉnh Nghệ An"), ("HOLDS", "Lê Văn Hòa", "Tỉnh ủy Nghệ An")}),
    ("Đồng chí Lê Văn Hòa, Tỉnh ủy viên, Giám đốc Sở Nội vụ tỉnh Nghệ An được điều động, chỉ định giữ chức Bí thư Huyện ủy "
     "Nam Đàn.",
     {("CHAIRED", "Lê Văn Hòa", "Sở Nội vụ tỉnh Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn")}),
    ("Đồng chí Lê Văn Hòa nhận nhiệm vụ Bí thư Huyện ủy Nam Đàn.", {("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn")}),
    # "Sở" alone: the one department named before
    ("Ông Lê Văn Hòa được điều động đến nhận công tác tại Sở Y tế tỉnh Nghệ An, giữ chức Phó Giám đốc Sở.",
     {("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    # "tân": the new holder
    ("Tân Chủ tịch UBND tỉnh Nghệ An Lê Văn Hòa phát biểu nhận nhiệm vụ.", {("CHAIRED", "Lê Văn Hòa", "UBND tỉnh Nghệ An")}),
    ("Ông Lê Văn Hòa, tân Giám đốc Sở Y tế tỉnh Nghệ An, phát biểu nhận nhiệm vụ.",
     {("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    # acting ("giao quyền") and concurrent ("kiêm", "kiêm nhiệm") posts
    ("Ông Lê Văn Hòa được giao quyền Chủ tịch UBND huyện Nam Đàn.", {("CHAIRED", "Lê Văn Hòa", "UBND huyện Nam Đàn")}),
    ("UBND tỉnh Nghệ An giao quyền Chủ tịch UBND huyện Nam Đàn cho ông Lê Văn Hòa.",
     {("CHAIRED", "Lê Văn Hòa", "UBND huyện Nam Đàn")}),
    ("Ông Lê Văn Hòa, Phó Chủ tịch UBND tỉnh Nghệ An kiêm Giám đốc Sở Y tế tỉnh Nghệ An, phát biểu.",
     {("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    ("Bí thư Tỉnh ủy kiêm Chủ tịch HĐND tỉnh Nghệ An Lê Văn Hòa phát biểu.",
     {("CHAIRED", "Lê Văn Hòa", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "HĐND tỉnh Nghệ An")}),
    ("Ông Lê Văn Hòa kiêm nhiệm chức vụ Giám đốc Trung tâm Y tế huyện Nam Đàn.",
     {("CHAIRED", "Lê Văn Hòa", "Trung tâm Y tế huyện Nam Đàn")}),
    # a career summed up: every post listed after "từng giữ các chức vụ:" was held
    ("Ông Lê Văn Hòa từng giữ các chức vụ: Phó Bí thư Huyện ủy Nam Đàn, Chủ tịch UBND huyện Nam Đàn, Giám đốc Sở Nội vụ "
     "tỉnh Nghệ An.",
     {("HOLDS", "Lê Văn Hòa", "Huyện ủy Nam Đàn"), ("CHAIRED", "Lê Văn Hòa", "UBND huyện Nam Đàn"),
      ("CHAIRED", "Lê Văn Hòa", "Sở Nội vụ tỉnh Nghệ An")}),
    ("Ông Lê Văn Hòa từng kinh qua nhiều chức vụ như Bí thư Huyện ủy Nam Đàn, Chủ tịch UBND huyện Nam Đàn.",
     {("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn"), ("CHAIRED", "Lê Văn Hòa", "UBND huyện Nam Đàn")}),
    ("Ông Lê Văn Hòa đảm nhiệm cương vị Bí thư Huyện ủy Nam Đàn.", {("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn")}),
    ("Ông Lê Văn Hòa từng là Bí thư Huyện ủy Nam Đàn, Chủ tịch UBND huyện Nam Đàn.",
     {("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn"), ("CHAIRED", "Lê Văn Hòa", "UBND huyện Nam Đàn")}),
    ("Trước khi được bổ nhiệm, ông Lê Văn Hòa giữ các chức vụ Phó Giám đốc Sở Y tế tỉnh Nghệ An, Giám đốc Bệnh viện "
     "Đa khoa tỉnh Nghệ An.",
     {("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An"), ("CHAIRED", "Lê Văn Hòa", "Bệnh viện Đa khoa tỉnh Nghệ An")}),
]


@pytest.mark.parametrize("text, facts", APPOINTED)
def test_appointment_news_gives_old_and_new_posts(text: str, facts: set[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert facts <= got, got


def test_a_citizen_in_brackets_stays_a_citizen() -> None:
    assert persons("Ông Lê Văn Hòa (SN 1975, trú tại xã Nam Đàn) bị bắt giữ.") == set()


# -- retirement, stepping down, dismissal, discipline: the post stays, the edge says it ended
ENDED = [
    ("Ông Nguyễn Văn An, nguyên Bí thư Huyện ủy Nam Đàn, nghỉ hưu theo chế độ.",
     {("CHAIRED", "Nguyễn Văn An", "Huyện ủy Nam Đàn")}),
    ("Ông Nguyễn Văn An, Bí thư Huyện ủy Nam Đàn, nghỉ hưu theo chế độ từ ngày 1/4/2025.",
     {("CHAIRED", "Nguyễn Văn An", "Huyện ủy Nam Đàn")}),
    ("Ông Lê Văn Hòa được cho thôi giữ chức Giám đốc Sở Y tế tỉnh Nghệ An để nghỉ hưu theo chế độ.",
     {("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    ("UBND tỉnh Nghệ An cho ông Lê Văn Hòa thôi giữ chức Giám đốc Sở Y tế tỉnh Nghệ An.",
     {("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    ("HĐND tỉnh Nghệ An miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh đối với ông Lê Văn Hòa, Phó Chủ tịch UBND tỉnh Nghệ An, "
     "do nghỉ hưu.", {("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An")}),
    ("Ủy ban Kiểm tra Tỉnh ủy Nghệ An quyết định thi hành kỷ luật cảnh cáo ông Lê Văn Hòa, Phó Chủ tịch UBND huyện Nam Đàn.",
     {("HOLDS", "Lê Văn Hòa", "UBND huyện Nam Đàn")}),
    ("Ban Thường vụ Tỉnh ủy Nghệ An thi hành kỷ luật bằng hình thức khiển trách đối với ông Lê Văn Hòa, Phó Giám đốc Sở Y tế "
     "tỉnh Nghệ An.", {("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    ("Ban Bí thư quyết định thi hành kỷ luật bằng hình thức cách chức tất cả các chức vụ trong Đảng đối với ông Lê Văn Hòa, "
     "nguyên Bí thư Tỉnh ủy Nghệ An.", {("CHAIRED", "Lê Văn Hòa", "Tỉnh ủy Nghệ An")}),
]


@pytest.mark.parametrize("text, facts", ENDED)
def test_an_ended_post_keeps_its_edge(text: str, facts: set[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert facts <= got, got


@pytest.mark.parametrize("text", [
    # "giữ" holds a post only before the words for one: "tạm giữ" arrests
    "Đại tá Lê Văn Hòa cho biết đã tạm giữ Giám đốc Công ty Minh Long.",
    "Ông Lê Văn Hòa cho biết cơ quan điều tra đã bắt tạm giữ Chủ tịch UBND xã Nam Đàn.",
])
def test_an_arrest_gives_no_post(text: str) -> None:
    assert posts(text) == set(), posts(text)


@pytest.mark.parametrize("text, facts", [
    ("Các ông Lê Văn Hòa, Trần Văn Cường lần lượt giữ chức Giám đốc Sở Y tế, Giám đốc Sở Tài chính tỉnh Nghệ An.",
     {("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An"), ("CHAIRED", "Trần Văn Cường", "Sở Tài chính tỉnh Nghệ An")}),
    # two persons, one post: which is whose is not written
    ("Ông Lê Văn Hòa, Trần Văn Cường lần lượt giữ chức Giám đốc Sở Y tế tỉnh Nghệ An.", set()),
])
def test_respectively_pairs_persons_and_posts_in_order(text: str, facts: set[tuple[str, str, str]]) -> None:
    assert posts(text) == facts


def test_who_hands_over_the_decision_takes_no_post() -> None:
    got = posts("Ông Nguyễn Văn An trao quyết định bổ nhiệm Phó Giám đốc Sở Y tế tỉnh Nghệ An cho ông Lê Văn Hòa.")
    assert got == {("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}, got


# the post named only by the act that ends it, or by the act that approves its holder's discipline
@pytest.mark.parametrize("text", [
    "Thủ tướng phê chuẩn việc miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh Nghệ An nhiệm kỳ 2021-2026 đối với ông Lê Văn Hòa.",
    "Kỳ họp đã miễn nhiệm chức danh Ủy viên UBND tỉnh Nghệ An đối với ông Lê Văn Hòa.",
])
def test_a_post_named_only_by_its_dismissal_gives_none(text: str) -> None:
    assert posts(text) == set()


# -- what the edge says of time: (type, person, body) -> the props it must carry (None: absent)
TENURE = [
    ("Ông Lê Văn Hòa được bổ nhiệm làm Phó Chánh Văn phòng UBND tỉnh Nghệ An kể từ ngày 15/3/2025.",
     ("HOLDS", "Lê Văn Hòa", "Văn phòng UBND tỉnh Nghệ An"), {"status": "current", "start": "2025-03-15"}),
    ("Với 48/48 đại biểu tán thành, ông Lê Văn Hòa được bầu giữ chức Chủ tịch UBND tỉnh Nghệ An nhiệm kỳ 2021-2026.",
     ("CHAIRED", "Lê Văn Hòa", "UBND tỉnh Nghệ An"), {"status": "elected", "term": "2021-2026"}),
    ("Ông Lê Văn Hòa tái đắc cử Chủ tịch HĐND tỉnh Nghệ An.", ("CHAIRED", "Lê Văn Hòa", "HĐND tỉnh Nghệ An"),
     {"status": "elected"}),
    ("Ông Lê Văn Hòa được giao quyền Chủ tịch UBND huyện Nam Đàn.", ("CHAIRED", "Lê Văn Hòa", "UBND huyện Nam Đàn"),
     {"status": "acting"}),
    ("Ông Nguyễn Văn An, Bí thư Huyện ủy Nam Đàn, nghỉ hưu theo chế độ từ ngày 1/4/2025.",
     ("CHAIRED", "Nguyễn Văn An", "Huyện ủy Nam Đàn"), {"status": "former", "end": "2025-04-01"}),
    ("Ông Lê Văn Hòa nghỉ hưu theo chế độ, thôi giữ chức Phó Chủ tịch UBND tỉnh Nghệ An.",
     ("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An"), {"status": "former"}),
    ("Ông Lê Văn Hòa thôi giữ chức vụ Chủ tịch UBND huyện Nam Đàn để nhận nhiệm vụ mới.",
     ("CHAIRED", "Lê Văn Hòa", "UBND huyện Nam Đàn"), {"status": "former"}),
    # a discipline short of dismissal leaves the post current
    ("Đồng chí Lê Văn Hòa, Phó Chủ tịch UBND huyện Nam Đàn bị kỷ luật cảnh cáo.",
     ("HOLDS", "Lê Văn Hòa", "UBND huyện Nam Đàn"), {"status": "current", "end": None}),
    ("Ông Lê Văn Hòa, Phó Giám đốc Sở Y tế tỉnh Nghệ An, bị cách chức kể từ ngày 20/9/2023.",
     ("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An"), {"status": "dismissed", "end": "2023-09-20"}),
    ("Bà Trần Thị Mai nguyên là Phó Giám đốc Sở Y tế tỉnh Nghệ An.", ("HOLDS", "Trần Thị Mai", "Sở Y tế tỉnh Nghệ An"),
     {"status": "former"}),
    ("Ông Lê Văn Hòa kinh qua các chức vụ: Bí thư Huyện ủy Nam Đàn, Chủ tịch UBND huyện Nam Đàn.",
     ("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn"), {"status": "former"}),
    # "kinh qua" alone is experience, no cue
    ("Phát biểu, Trưởng ban Tổ chức Tỉnh ủy Nghệ An Lê Văn Hòa nhìn nhận với kinh nghiệm đã kinh qua, ông Trần Văn Cường "
     "sẽ hoàn thành nhiệm vụ.", ("CHAIRED", "Lê Văn Hòa", "Ban Tổ chức Tỉnh ủy Nghệ An"), {"status": "current"}),
    # "Trước đó" dates the clause, not the post: no cue
    ("Trước đó, Bí thư Tỉnh ủy Nghệ An Lê Văn Hòa đã chủ trì hội nghị.", ("CHAIRED", "Lê Văn Hòa", "Tỉnh ủy Nghệ An"),
     {"status": "current"}),
    ("Ông Lê Văn Hòa từng giữ các chức vụ: Phó Bí thư Huyện ủy Nam Đàn, Chủ tịch UBND huyện Nam Đàn.",
     ("CHAIRED", "Lê Văn Hòa", "UBND huyện Nam Đàn"), {"status": "former"}),
    ("Tân Giám đốc Sở Y tế tỉnh Nghệ An Lê Văn Hòa phát biểu nhận nhiệm vụ.", ("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An"),
     {"status": "current"}),
    # the election the signer approves is the one elected's, not the signer's
    ("Phó Thủ tướng Trần Văn Cường ký quyết định phê chuẩn kết quả bầu ông Lê Văn Hòa giữ chức Chủ tịch UBND tỉnh Nghệ An.",
     ("HOLDS", "Trần Văn Cường", "Chính phủ"), {"status": "current"}),
    ("Phó Thủ tướng Trần Văn Cường ký quyết định phê chuẩn kết quả bầu ông Lê Văn Hòa giữ chức Chủ tịch UBND tỉnh Nghệ An.",
     ("CHAIRED", "Lê Văn Hòa", "UBND tỉnh Nghệ An"), {"status": "elected"}),
]


@pytest.mark.parametrize("text, post, props", TENURE)
def test_the_post_in_time(text: str, post: tuple[str, str, str], props: dict[str, str | None]) -> None:
    got = tenures(text)
    assert post in got, got
    for k, v in props.items():
        assert got[post].get(k) == v, (k, got[post])


# -- a career timeline under a heading naming one person: each line's posts, dated
CAREER = [
    ("Tóm tắt quá trình công tác của đồng chí Lê Văn Hòa:\n- Từ tháng 3/2015 đến tháng 9/2020: Bí thư Huyện ủy Nam Đàn.\n"
     "- Từ tháng 10/2020 đến nay: Phó Chủ tịch UBND tỉnh Nghệ An.",
     {("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn"): {"status": "former", "start": "2015-03", "end": "2020-09"},
      ("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An"): {"status": "current", "start": "2020-10"}}),
    ("Tiểu sử đồng chí Lê Văn Hòa\n- 2010 - 2015: Phó Giám đốc Sở Y tế tỉnh Nghệ An\n- 2015 - 2020: Giám đốc Sở Y tế tỉnh Nghệ An",
     {("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An"): {"status": "former", "start": "2010", "end": "2015"},
      ("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An"): {"status": "former", "start": "2015", "end": "2020"}}),
    ("Quá trình công tác của ông Lê Văn Hòa:\n- 01/3/2015 - 30/9/2020: Bí thư Huyện ủy Nam Đàn, Chủ tịch HĐND huyện Nam Đàn.",
     {("CHAIRED", "Lê Văn Hòa", "Huyện ủy Nam Đàn"): {"status": "former", "start": "2015-03-01", "end": "2020-09-30"},
      ("CHAIRED", "Lê Văn Hòa", "HĐND huyện Nam Đàn"): {"status": "former", "start": "2015-03-01", "end": "2020-09-30"}}),
]


@pytest.mark.parametrize("text, expected", CAREER)
def test_a_career_timeline_dates_every_post(text: str, expected: dict) -> None:
    assert tenures(text) == expected


@pytest.mark.parametrize("text", [
    # a line that goes on after its title is a clause, not a career
    "Ông Lê Văn Hòa phát biểu tại hội nghị:\n- Năm 2024: Giám đốc Sở Y tế báo cáo kết quả.",
    # a list no person heads
    "Kết quả bầu cử:\n- 2025: Chủ tịch UBND tỉnh Nghệ An.",
    # a paragraph between the heading and the line
    "Tiểu sử đồng chí Lê Văn Hòa\nÔng sinh ra ở Nghệ An và lớn lên ở Hà Tĩnh.\n- 2015 - 2020: Giám đốc Sở Y tế tỉnh Nghệ An",
])
def test_no_career_without_its_heading(text: str) -> None:
    assert posts(text) == set(), posts(text)


# -- speech attributions: the quoted official's posts, whatever frames the quote
SPEECH = [
    ("Phát biểu tại hội nghị, ông Lê Văn Hòa, Phó Bí thư Thường trực Tỉnh ủy Nghệ An, nhấn mạnh vai trò của cơ sở.",
     {("HOLDS", "Lê Văn Hòa", "Tỉnh ủy Nghệ An")}),
    ("Phát biểu chỉ đạo hội nghị, đồng chí Lê Văn Hòa, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An đề nghị các cấp "
     "quyết liệt.",
     {("HOLDS", "Lê Văn Hòa", "Ban Chấp hành Trung ương Đảng"), ("CHAIRED", "Lê Văn Hòa", "Tỉnh ủy Nghệ An")}),
    ("Theo ông Lê Văn Hòa - Giám đốc Sở Y tế tỉnh Nghệ An, dịch đã được kiểm soát.", {("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    ("Theo ông Lê Văn Hòa – Phó Giám đốc Sở Tài chính tỉnh Nghệ An – nguồn thu tăng.",
     {("HOLDS", "Lê Văn Hòa", "Sở Tài chính tỉnh Nghệ An")}),
    ("Trao đổi với phóng viên, bà Trần Thị Mai, Phó Chủ tịch UBND huyện Nam Đàn cho biết huyện đã hoàn thành kế hoạch.",
     {("HOLDS", "Trần Thị Mai", "UBND huyện Nam Đàn")}),
    ("Trao đổi với PV, bà Trần Thị Mai - Phó Chủ tịch UBND xã Nam Đàn cho hay xã đã hoàn thành.",
     {("HOLDS", "Trần Thị Mai", "UBND xã Nam Đàn")}),
    ("Chia sẻ với báo chí, ông Lê Văn Hòa, Giám đốc Sở Xây dựng tỉnh Nghệ An, cho biết dự án sẽ hoàn thành.",
     {("CHAIRED", "Lê Văn Hòa", "Sở Xây dựng tỉnh Nghệ An")}),
    ("“Chúng tôi sẽ hoàn thành kế hoạch”, bà Trần Thị Mai, Phó Giám đốc Sở Y tế tỉnh Nghệ An khẳng định.",
     {("HOLDS", "Trần Thị Mai", "Sở Y tế tỉnh Nghệ An")}),
    ("Ông Lê Văn Hòa - Chủ tịch UBND xã Nam Đàn - cho hay xã đã hoàn thành.", {("CHAIRED", "Lê Văn Hòa", "UBND xã Nam Đàn")}),
    ("Theo Thượng tá Lê Văn Hòa, Trưởng phòng Cảnh sát giao thông Công an tỉnh Nghệ An, tai nạn giảm.",
     {("CHAIRED", "Lê Văn Hòa", "Phòng Cảnh sát giao thông Công an tỉnh Nghệ An")}),
    # an organ no gazetteer knows, its lower-case words closed by the verb of speech alone
    ("Ông Lê Văn Hòa, Phó Cục trưởng Cục Cảnh sát giao thông cho biết số vụ tai nạn giảm.",
     {("HOLDS", "Lê Văn Hòa", "Cục Cảnh sát giao thông")}),
    ("Ông Lê Văn Hòa, Cục trưởng Cục Quản lý thị trường cho biết hàng giả giảm.",
     {("CHAIRED", "Lê Văn Hòa", "Cục Quản lý thị trường")}),
    ("Phó Cục trưởng Cục Cảnh sát giao thông Lê Văn Hòa cho biết số vụ tai nạn giảm.",
     {("HOLDS", "Lê Văn Hòa", "Cục Cảnh sát giao thông")}),
    ("Ông Lê Văn Hòa, Chi cục trưởng Chi cục Kiểm lâm cho hay diện tích rừng tăng.",
     {("CHAIRED", "Lê Văn Hòa", "Chi cục Kiểm lâm")}),
    ("Ông Lê Văn Hòa, Cục trưởng Cục Đường bộ Việt Nam cho rằng cần sửa luật.",
     {("CHAIRED", "Lê Văn Hòa", "Cục Đường bộ Việt Nam")}),
    ("Bà Trần Thị Mai, Giám đốc Trung tâm Kiểm soát bệnh tật chia sẻ kinh nghiệm phòng dịch.",
     {("CHAIRED", "Trần Thị Mai", "Trung tâm Kiểm soát bệnh tật")}),
    # an organ named after a place or a person: two syllables and the verb are its name's end
    ("Ông Lê Văn Hòa, Giám đốc Bệnh viện Bạch Mai cho biết.", {("CHAIRED", "Lê Văn Hòa", "Bệnh viện Bạch Mai")}),
    ("PGS.TS Lê Văn Hòa, Giám đốc Bệnh viện Bạch Mai cho biết.", {("CHAIRED", "Lê Văn Hòa", "Bệnh viện Bạch Mai")}),
    ("Giám đốc Bệnh viện Bạch Mai Lê Văn Hòa cho biết.", {("CHAIRED", "Lê Văn Hòa", "Bệnh viện Bạch Mai")}),
    # "Sở" alone: the one department named before
    ("Sở Y tế tỉnh Nghệ An vừa họp. Ông Lê Văn Hòa, Phó Giám đốc Sở cho biết dịch đã được kiểm soát.",
     {("HOLDS", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    ("Theo Sở Y tế tỉnh Nghệ An, Giám đốc Sở Lê Văn Hòa đã chỉ đạo.", {("CHAIRED", "Lê Văn Hòa", "Sở Y tế tỉnh Nghệ An")}),
    # a head of several words is a name by itself, a level may follow it; a project board's name holds lower-case words
    ("Bà Trần Thị Mai, Bí thư Đoàn Thanh niên xã Nam Đàn cho biết.", {("CHAIRED", "Trần Thị Mai", "Đoàn Thanh niên xã Nam Đàn")}),
    ("Ông Lê Văn Hòa, Giám đốc Ban Quản lý dự án đầu tư xây dựng tỉnh Nghệ An cho biết.",
     {("CHAIRED", "Lê Văn Hòa", "Ban Quản lý dự án đầu tư xây dựng tỉnh Nghệ An")}),
    # a body's spokesperson
    ("Người phát ngôn Bộ Ngoại giao Lê Văn Hòa cho biết.", {("HOLDS", "Lê Văn Hòa", "Bộ Ngoại giao")}),
    ("Bà Trần Thị Mai, người phát ngôn Bộ Ngoại giao cho biết.", {("HOLDS", "Trần Thị Mai", "Bộ Ngoại giao")}),
    ("Ông Lê Văn Hòa - Phó Chánh Văn phòng, Người phát ngôn UBND tỉnh Nghệ An cho biết.",
     {("HOLDS", "Lê Văn Hòa", "UBND tỉnh Nghệ An")}),
    # degrees before the name
    ("BS.CKII Lê Văn Hòa, Giám đốc Trung tâm Y tế huyện Nam Đàn cho biết.",
     {("CHAIRED", "Lê Văn Hòa", "Trung tâm Y tế huyện Nam Đàn")}),
    ("Bác sĩ Lê Văn Hòa, Phó Giám đốc Trung tâm Y tế huyện Nam Đàn cho biết.",
     {("HOLDS", "Lê Văn Hòa", "Trung tâm Y tế huyện Nam Đàn")}),
    ("Thạc sĩ, bác sĩ Lê Văn Hòa, Phó Giám đốc Bệnh viện Đa khoa tỉnh Nghệ An cho biết.",
     {("HOLDS", "Lê Văn Hòa", "Bệnh viện Đa khoa tỉnh Nghệ An")}),
]


@pytest.mark.parametrize("text, facts", SPEECH)
def test_the_quoted_official_keeps_the_post(text: str, facts: set[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert facts <= got, got


@pytest.mark.parametrize("text", [
    # a time word or a clause before the verb of speech is no word of the organ's name
    "Ông Lê Văn Hòa, Giám đốc Công ty Minh Long hôm qua cho biết doanh thu tăng.",
    "Ông Lê Văn Hòa, Giám đốc Công ty Minh Long bị bắt vì trốn thuế cho biết.",
    "Ông Lê Văn Hòa, Giám đốc Công ty Minh Long sau khi kiểm tra cho biết doanh thu tăng.",
])
def test_no_clause_before_the_verb_of_speech_joins_the_organ(text: str) -> None:
    got = posts(text)
    assert all(body.split()[-1] in {"Long"} for _, _, body in got), got


def test_a_spokesperson_is_no_organ_of_the_office() -> None:
    got = posts("Ông Lê Văn Hòa - Phó Chánh Văn phòng, Người phát ngôn UBND tỉnh Nghệ An cho biết.")
    assert not any("phát ngôn" in body for _, _, body in got), got


def test_a_three_syllable_name_after_a_head_word_is_still_a_name() -> None:
    assert persons("Phó Giám đốc Bệnh viện Lê Văn Hòa cho biết.") == {"Lê Văn Hòa"}


@pytest.mark.parametrize("text", [
    "Ông Lê Văn Hòa, Phó Giám đốc Sở cho biết dịch đã được kiểm soát.",  # no department named
    "Sở Y tế tỉnh Nghệ An họp với Sở Tài chính. Phó Giám đốc Sở Lê Văn Hòa cho biết.",  # two: which one?
])
def test_a_bare_department_names_no_body_unless_one_was_named(text: str) -> None:
    assert posts(text) == set(), posts(text)


def test_an_organs_head_word_opens_no_name() -> None:
    assert persons("Bà Trần Thị Mai, Bí thư Đoàn Thanh niên xã Nam Đàn cho biết.") == {"Trần Thị Mai"}


def test_nobody_named_gives_no_post() -> None:
    assert posts("Theo lãnh đạo Sở Y tế tỉnh Nghệ An, dịch đã được kiểm soát.") == set()
