"""As-of questions on a constructed timeline: two heads of one (invented) body in turn, a
deputy seen for a while, and a former head only ever named as "nguyên". The rule
(graph.tenure), the pack queries, the library answers and the CLI must all agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Edge, Evidence, Graph, Node
from graph.tenure import as_of, holders_at, span_of
from queries import timeline
from queries.lookup import BadQuestion, NotFound
from queries.packs import run_query

BODY = "UBND tỉnh Kiểm Thử"
ONE, TWO, DEPUTY, OLD = "Trần Văn Một", "Lê Văn Hai", "Phạm Thị Ba", "Đỗ Văn Bốn"


def build_timeline() -> Graph:
    from ingest.normalize import key, strip_accents

    g = Graph()
    body = g.add_node(Node("Body", "ubnd|tỉnh|kiểm thử", {"name": BODY, "aliases": [], "kind": "UBND",
                                                          "search": strip_accents(BODY)}))
    people = {n: g.add_node(Node("Person", key(n), {"name": n, "aliases": [], "titles": [], "search": strip_accents(n)}))
              for n in (ONE, TWO, DEPUTY, OLD)}

    def fact(kind: str, who: str, target: str, sentence: str, **props: object) -> None:
        g.add_edge(Edge(kind, people[who], target, dict(props), [Evidence(f"art-{who}", sentence, 0, len(sentence))]))

    fact("CHAIRED", ONE, body, "Ông Trần Văn Một được bổ nhiệm giữ chức Chủ tịch kể từ ngày 20/4/2016.",
         title="Chủ tịch", start="2016-04-20", end="2021-03-01", status="former", status_seen="2021-03-02",
         first_seen="2016-04-21", last_seen="2021-03-02")
    fact("CHAIRED", TWO, body, "Ông Lê Văn Hai được bầu giữ chức Chủ tịch nhiệm kỳ 2021-2026 kể từ ngày 1/3/2021.",
         title="Chủ tịch", start="2021-03-01", status="elected", status_seen="2021-03-02", term="2021-2026",
         first_seen="2021-03-02", last_seen="2022-01-10")
    fact("SUCCEEDED", TWO, people[ONE], "Ông Lê Văn Hai ... thay ông Trần Văn Một.", title="Chủ tịch", body=BODY,
         start="2021-03-01")
    fact("HOLDS", DEPUTY, body, "Phó Chủ tịch UBND tỉnh Phạm Thị Ba phát biểu.", title="Phó Chủ tịch",
         status="current", status_seen="2020-06-01", first_seen="2019-05-01", last_seen="2020-06-01")
    fact("CHAIRED", OLD, body, "Ông Đỗ Văn Bốn, nguyên Chủ tịch UBND tỉnh, dự lễ.", title="Chủ tịch", status="former",
         status_seen="2022-01-10", first_seen="2022-01-10", last_seen="2022-01-10")
    return g


def rows_of(g: Graph) -> list[dict]:
    return [{**e.props, "name": g.nodes[e.source].props["name"], "role": e.type}
            for e in g.edges.values() if e.type in ("CHAIRED", "HOLDS")]


# date -> {(post, holder, basis)}
EXPECTED = {
    "2015": set(),
    "2016": {("Chủ tịch", ONE, "stated")},
    "2020-01": {("Chủ tịch", ONE, "stated"), ("Phó Chủ tịch", DEPUTY, "seen")},
    "2021-02": {("Chủ tịch", ONE, "stated")},
    "2021-03": {("Chủ tịch", TWO, "stated start, term end")},
    "2024-05-01": {("Chủ tịch", TWO, "stated start, term end")},
    "2027": set(),
}


@pytest.mark.parametrize("date", list(EXPECTED))
def test_the_rule_names_who_held_each_post(date: str):
    assert {(h["post"], h["name"], h["basis"]) for h in holders_at(rows_of(build_timeline()), date)} == EXPECTED[date]


def test_spans_say_their_basis():
    assert span_of({"first_seen": "2019-05-01T08:00:00+07:00", "last_seen": "2020-06-01"}).basis == "seen"
    assert span_of({"first_seen": "2019-05-01", "last_seen": "2020-06-01"}).open
    former = span_of({"status": "former", "status_seen": "2022-01-10", "first_seen": "2022-01-10"})
    assert former.since is None and not former.open  # only ever named as "nguyên": no span to answer with


@pytest.fixture(scope="module")
def timeline_store(tmp_path_factory: pytest.TempPathFactory):
    from graph.embedded import EmbeddedStore

    from conftest import TEST_HEAP

    path = tmp_path_factory.mktemp("timeline") / "db"
    store = EmbeddedStore(path, heap=TEST_HEAP)
    store.setup()
    store.load(build_timeline())
    yield store
    store.close()


@pytest.mark.parametrize("date", [d for d in EXPECTED if EXPECTED[d]])
def test_the_pack_query_agrees_with_the_rule_on_heads(timeline_store, date: str):
    heads = {(r["post"], r["name"]) for r in run_query(timeline_store, "heads-as-of", {"body": BODY, "date": date})}
    assert heads == {(post, name) for post, name, _ in EXPECTED[date] if post == "Chủ tịch"}


def test_body_as_of_answers_with_evidence_and_says_when_nothing_stood(timeline_store):
    (row,) = timeline.body_as_of(timeline_store, "UBND tinh Kiem Thu", "2021-02")
    assert (row["name"], row["from"], row["to"], row["basis"]) == (ONE, "2016-04-20", "2021-03-01", "stated")
    assert row["evidence"].startswith("Ông Trần Văn Một được bổ nhiệm")
    with pytest.raises(NotFound):
        timeline.body_as_of(timeline_store, BODY, "2015")
    with pytest.raises(BadQuestion):
        timeline.body_as_of(timeline_store, BODY, "March 2021")


def test_a_career_is_dated_and_ordered(timeline_store):
    rows = timeline.career(timeline_store, TWO)
    assert [(r["post"], r["body"], r["from"], r["to"], r["status"]) for r in rows] == [
        ("Chủ tịch", BODY, "2021-03-01", "2026", "elected")
    ]


def test_successions_pack(timeline_store):
    (row,) = timeline.successions(timeline_store, BODY)
    assert (row["post"], row["successor"], row["predecessor"], row["since"]) == ("Chủ tịch", TWO, ONE, "2021-03-01")


def test_the_view_as_of_keeps_what_stood_then():
    g = as_of(build_timeline(), "2020-01")
    names = {n.props.get("name") for n in g.nodes.values()}
    assert {ONE, DEPUTY, BODY} <= names and TWO not in names and OLD not in names
    later = as_of(build_timeline(), "2021-06")
    chaired = {later.nodes[e.source].props["name"] for e in later.edges.values() if e.type == "CHAIRED"}
    assert chaired == {TWO}


# -- the CLI ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An embedded store directory holding the timeline, closed, for CLI runs with ``--db``."""
    from helpers import stored_db

    return stored_db(tmp_path_factory, "timeline-cli", build_timeline())


def cli(*args: str):
    from typer.testing import CliRunner

    from cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_body_as_of(timeline_db: str):
    result = cli("body", BODY, "--as-of", "2021-03", "--db", timeline_db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert TWO in result.stdout and ONE not in result.stdout and '"basis": "stated start, term end"' in result.stdout
    assert cli("body", BODY, "--as-of", "2015", "--db", timeline_db).exit_code == 1
    assert cli("body", BODY, "--as-of", "3/2021", "--db", timeline_db).exit_code == 2


def test_cli_person_shows_the_dated_career(timeline_db: str):
    result = cli("person", ONE, "--db", timeline_db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"career"' in result.stdout and '"2016-04-20"' in result.stdout


def test_cli_view_as_of(graph_cli, tmp_path: Path):
    from ingest.normalize import key
    from helpers import page_nodes

    graph_cli.store_graph = build_timeline()
    result = graph_cli("view", "-o", str(tmp_path / "v.html"), "--as-of", "2020-01")
    assert result.exit_code == 0, result.output
    assert page_nodes(tmp_path / "v.html") == {f"Person:{key(ONE)}", f"Person:{key(DEPUTY)}", "Body:ubnd|tỉnh|kiểm thử"}
    assert "as of 2020-01</title>" in (tmp_path / "v.html").read_text(encoding="utf-8")
    assert graph_cli("view", "-o", str(tmp_path / "w.html"), "--as-of", "2020/01").exit_code == 2
