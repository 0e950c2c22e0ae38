"""Positions in time (ingest/components/tenure.py): dates, terms, status and successions read
from appointment language, one invented sentence per phrase, each with a negative twin; and
how dated positions merge across articles, in memory and in the store."""

from __future__ import annotations

import pytest

from graph.model import Edge, Evidence, Graph, Node
from ingest.normalize import match_text
from ingest.pipeline import get_nlp


def positions(sentence: str) -> dict[str, dict]:
    """``{"<person> <TYPE> <body kind>": props}`` for the position facts of one sentence."""
    doc = get_nlp()(match_text(sentence))
    return {
        f"{f.source.name} {f.type} {f.target.kind}": f.props
        for f in doc._.facts
        if f.type in ("CHAIRED", "HOLDS")
    }


def successions(sentence: str) -> list[tuple[str, str, str, str | None]]:
    doc = get_nlp()(match_text(sentence))
    return [
        (f.source.name, f.target.name, f.props["body"].kind, f.props.get("start"))
        for f in doc._.facts
        if f.type == "SUCCEEDED"
    ]


# sentence, position, expected props (a value of None: the key must be absent)
CASES = [
    pytest.param(
        "Ông Nguyễn Văn Hùng được bổ nhiệm giữ chức Giám đốc Sở Y tế tỉnh Nghệ An kể từ ngày 01/3/2021.",
        "Nguyễn Văn Hùng CHAIRED Sở Y tế", {"start": "2021-03-01", "status": "current", "end": None},
        id="appointed-from-date",
    ),
    pytest.param(
        "Từ ngày 1 tháng 3 năm 2021, ông Nguyễn Văn Hùng giữ chức Giám đốc Sở Y tế tỉnh Nghệ An.",
        "Nguyễn Văn Hùng CHAIRED Sở Y tế", {"start": "2021-03-01", "status": "current"},
        id="date-before-the-cue",
    ),
    pytest.param(
        "Theo Quyết định số 12/QĐ-UBND ngày 15/2/2021, ông Võ Văn Tư giữ chức Phó Giám đốc Sở Y tế tỉnh Nghệ An.",
        "Võ Văn Tư HOLDS Sở Y tế", {"start": None, "status": "current"},
        id="a-document-date-is-no-start",
    ),
    pytest.param(
        "Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung dự hội nghị ngày 15/2/2021.",
        "Nguyễn Đức Trung CHAIRED UBND", {"start": None, "end": None, "status": "current", "term": None},
        id="no-cue-current",
    ),
    pytest.param(
        "Ông Nguyễn Văn An thôi giữ chức Chủ tịch UBND huyện Nam Đàn từ ngày 10/8/2020.",
        "Nguyễn Văn An CHAIRED UBND", {"end": "2020-08-10", "status": "former", "start": None},
        id="stepped-down",
    ),
    pytest.param(
        "Ông Phan Văn Lực, Giám đốc Sở Xây dựng tỉnh Nghệ An, nghỉ hưu theo chế độ từ tháng 5/2022.",
        "Phan Văn Lực CHAIRED Sở Xây dựng", {"end": "2022-05", "status": "former"},
        id="retired-cue-after-the-post",
    ),
    pytest.param(
        "Ông Lê Văn Tâm được bầu giữ chức Chủ tịch UBND tỉnh Hà Tĩnh nhiệm kỳ 2021-2026.",
        "Lê Văn Tâm CHAIRED UBND", {"status": "elected", "term": "2021-2026", "start": None},
        id="elected-with-term",
    ),
    pytest.param(
        "HĐND tỉnh Nghệ An đã bầu ông Hoàng Văn Nam giữ chức Chủ tịch UBND tỉnh nhiệm kỳ 2021-2026.",
        "Hoàng Văn Nam CHAIRED UBND", {"status": "elected", "term": "2021-2026"},
        id="elected-by-the-council",
    ),
    pytest.param(
        "Bà Lê Thị Hoa, nguyên Chủ tịch UBND tỉnh Thái Bình, đã phát biểu.",
        "Lê Thị Hoa CHAIRED UBND", {"status": "former"},
        id="former-nguyen",
    ),
    pytest.param(
        "Quyền Giám đốc Sở Tài chính tỉnh Nghệ An Phạm Văn Đức cho biết.",
        "Phạm Văn Đức CHAIRED Sở Tài chính", {"status": "acting"},
        id="acting-quyen",
    ),
    pytest.param(
        "Ông Đỗ Văn Quang, Phó Chủ tịch UBND tỉnh Thanh Hóa, bị miễn nhiệm từ ngày 3/7/2023.",
        "Đỗ Văn Quang HOLDS UBND", {"status": "dismissed", "end": "2023-07-03"},
        id="dismissed",
    ),
    pytest.param(
        "Ông Trần Quốc Việt, Phó Giám đốc Sở Nội vụ tỉnh Nghệ An, bị cách chức kể từ ngày 20/9/2023.",
        "Trần Quốc Việt HOLDS Sở Nội vụ", {"status": "dismissed", "end": "2023-09-20"},
        id="dismissed-cue-after-the-post",
    ),
    pytest.param(
        "Thủ tướng bổ nhiệm ông Đỗ Văn Tám, Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Yên Bái, "
        "giữ chức Thứ trưởng Bộ Nội vụ kể từ ngày 5/4/2016.",
        "Đỗ Văn Tám HOLDS Ban Chấp hành Trung ương Đảng", {"status": "current", "start": None},
        id="a-title-in-apposition-is-not-the-appointed-post",
    ),
    pytest.param(
        "Thủ tướng bổ nhiệm ông Đỗ Văn Tám, Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Yên Bái, "
        "giữ chức Thứ trưởng Bộ Nội vụ kể từ ngày 5/4/2016.",
        "Đỗ Văn Tám CHAIRED Tỉnh ủy", {"status": "former", "start": None},
        id="a-former-post-takes-no-start",
    ),
    pytest.param(
        "Thủ tướng bổ nhiệm ông Đỗ Văn Tám, Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Yên Bái, "
        "giữ chức Thứ trưởng Bộ Nội vụ kể từ ngày 5/4/2016.",
        "Đỗ Văn Tám HOLDS Bộ Nội vụ", {"status": "current", "start": "2016-04-05"},
        id="the-appointed-post-after-the-apposition",
    ),
    pytest.param(
        "Cuộc bầu cử có sự tham dự của Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung.",
        "Nguyễn Đức Trung CHAIRED UBND", {"status": "current"},
        id="bau-cu-is-no-election-of-the-post",
    ),
]


@pytest.mark.parametrize("sentence, position, expected", CASES)
def test_appointment_language_dates_and_states_the_position(sentence: str, position: str, expected: dict):
    found = positions(sentence)
    assert position in found, found
    props = found[position]
    for k, v in expected.items():
        assert props.get(k) == v, (k, props)


def test_a_cue_after_the_post_is_not_blocked_by_titles_of_later_sentences():
    found = positions(
        "Ông Phan Văn Lực, Giám đốc Sở Xây dựng tỉnh Nghệ An, nghỉ hưu kể từ ngày 1/2/2020. "
        "Phó Giám đốc Sở Xây dựng tỉnh Nghệ An Lê Văn Sáu điều hành Sở."
    )
    assert found["Phan Văn Lực CHAIRED Sở Xây dựng"]["end"] == "2020-02-01"
    assert found["Lê Văn Sáu HOLDS Sở Xây dựng"]["status"] == "current"


def test_one_sentence_ends_a_post_and_starts_another():
    found = positions(
        "Ông Nguyễn Văn An thôi giữ chức Chủ tịch UBND huyện Nam Đàn kể từ ngày 1/6/2020 "
        "để giữ chức Giám đốc Sở Nội vụ tỉnh Nghệ An kể từ ngày 15/6/2020."
    )
    assert found["Nguyễn Văn An CHAIRED UBND"]["end"] == "2020-06-01"
    assert found["Nguyễn Văn An CHAIRED UBND"]["status"] == "former"
    assert found["Nguyễn Văn An CHAIRED Sở Nội vụ"]["start"] == "2020-06-15"
    assert found["Nguyễn Văn An CHAIRED Sở Nội vụ"]["status"] == "current"


SUCCESSION = (
    "Ông Nguyễn Văn Hùng được bổ nhiệm giữ chức Giám đốc Sở Y tế tỉnh Nghệ An kể từ ngày 01/3/2021, "
    "thay ông Trần Văn Bình nghỉ hưu."
)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        pytest.param(SUCCESSION, [("Nguyễn Văn Hùng", "Trần Văn Bình", "Sở Y tế", "2021-03-01")], id="thay-ong"),
        pytest.param(
            "Đồng chí Lê Quang Minh giữ chức Bí thư Tỉnh ủy Hà Tĩnh, thay đồng chí Hoàng Trung Dũng.",
            [("Lê Quang Minh", "Hoàng Trung Dũng", "Tỉnh ủy", None)],
            id="thay-dong-chi",
        ),
        pytest.param(
            "Phó Chủ tịch UBND tỉnh Nghệ An Bùi Thanh An thay mặt lãnh đạo tỉnh tặng hoa.", [], id="thay-mat-is-no-succession"
        ),
        pytest.param(
            "Ông Nguyễn Văn Hùng thay ông Trần Văn Bình phát biểu tại hội nghị.", [], id="no-post-no-succession"
        ),
        pytest.param(
            "HĐND tỉnh chưa bầu Chủ tịch UBND tỉnh Nghệ An thay ông Trần Văn Bình, Phó Chủ tịch UBND tỉnh "
            "Nghệ An Lê Văn Năm điều hành UBND tỉnh.",
            [], id="not-yet-no-succession",
        ),
    ],
)
def test_succession(sentence: str, expected: list):
    assert successions(sentence) == expected


def test_the_predecessor_holds_the_post_until_the_successor_starts():
    found = positions(SUCCESSION)
    assert found["Trần Văn Bình CHAIRED Sở Y tế"]["status"] == "former"
    assert found["Trần Văn Bình CHAIRED Sở Y tế"]["end"] == "2021-03-01"


def test_succession_reaches_the_graph_with_the_stored_body_name(tmp_path):
    from ingest.api import extract

    (tmp_path / "a.txt").write_text("Nghệ An bổ nhiệm Giám đốc Sở Y tế\n\n" + SUCCESSION + "\n", encoding="utf-8")
    (item,) = list(extract([str(tmp_path / "a.txt")]))
    (edge,) = [e for e in item.to_dict()["edges"] if e["type"] == "SUCCEEDED"]
    # heads of a Sở are told apart by province (README "Identity")
    assert (edge["source"], edge["target"]) == ("Person:nguyễn văn hùng|nghệ an", "Person:trần văn bình|nghệ an")
    assert edge["body"] == "Sở Y tế tỉnh Nghệ An" and edge["start"] == "2021-03-01" and edge["title"] == "Giám đốc"
    assert edge["evidence"][0]["sentence"] == SUCCESSION


# -- merging dated positions across articles --------------------------------------------------
def _position_graph(*sightings: dict) -> Graph:
    g = Graph()
    p = g.add_node(Node("Person", "nguyễn văn hùng", {"name": "Nguyễn Văn Hùng"}))
    b = g.add_node(Node("Body", "sở y tế|tỉnh|nghệ an", {"name": "Sở Y tế tỉnh Nghệ An"}))
    for i, props in enumerate(sightings):
        g.add_edge(Edge("CHAIRED", p, b, {"title": "Giám đốc", **props}, [Evidence(f"a{i}", f"câu {i}", 0, 5)]))
    return g


SIGHTINGS = (
    {"status": "current", "status_seen": "2021-03-02", "start": "2021-03-01", "first_seen": "2021-03-02"},
    {"status": "former", "status_seen": "2024-01-05", "end": "2023-12-31", "first_seen": "2024-01-05"},
    {"status": "current", "status_seen": "2022-06-01", "term": "2021-2026", "first_seen": "2022-06-01"},
)
MERGED = {"start": "2021-03-01", "end": "2023-12-31", "status": "former", "term": "2021-2026", "status_seen": "2024-01-05"}


def test_dated_positions_merge_in_memory_in_any_order():
    for order in (SIGHTINGS, SIGHTINGS[::-1], (SIGHTINGS[1], SIGHTINGS[0], SIGHTINGS[2])):
        (edge,) = _position_graph(*order).edges.values()
        assert {k: edge.props.get(k) for k in MERGED} == MERGED


def test_dated_positions_merge_in_the_store_as_in_memory(store):
    store.setup()
    for s in (SIGHTINGS[1], SIGHTINGS[0], SIGHTINGS[2]):  # one load per article, oldest news not first
        store.load(_position_graph(s))
    (row,) = store.read("MATCH (:Person)-[r:CHAIRED]->(:Body) RETURN r.start AS start, r.end AS end, r.status AS status, "
                        "r.term AS term, r.status_seen AS status_seen")
    assert row == MERGED
