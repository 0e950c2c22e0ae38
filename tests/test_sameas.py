"""One official written two ways in two articles: the identity layer (ingest/sameas.py) joins
the stored nodes when the evidence is strong, as a pure function of the store's content, so
the answer is the same whatever order the articles came in, and comes undone when later
articles make it doubtful. Invented officials and articles throughout."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ingest.identity import Decisions, parse_decisions
from ingest.sameas import Link, name_of, same_as, variant_pairs

SO_Y_TE = ("sở y tế|tỉnh|nghệ an", "Sở Y tế tỉnh Nghệ An")
SO_XAY_DUNG = ("sở xây dựng|tỉnh|hà tĩnh", "Sở Xây dựng tỉnh Hà Tĩnh")


def post(person: str, name: str, body: tuple[str, str] = SO_Y_TE, title: str = "Giám đốc") -> dict:
    return {"person": person, "name": name, "body": body[0], "body_name": body[1], "role": "CHAIRED", "title": title}


HUNG = post("nguyễn văn hùng|nghệ an", "Nguyễn Văn Hùng")
HUNG_SHORT = post("nguyễn hùng|nghệ an", "Nguyễn Hùng")


# -- the rule, on position rows -------------------------------------------------------------------
def test_a_variant_holding_the_same_post_is_joined_to_the_fuller_name_with_the_reason():
    links = same_as([HUNG, HUNG_SHORT])
    assert set(links) == {"nguyễn hùng|nghệ an"}
    link = links["nguyễn hùng|nghệ an"]
    assert link.same_as == "nguyễn văn hùng|nghệ an"
    assert "'Nguyễn Hùng' is Nguyễn Văn Hùng: name variants, both Giám đốc of Sở Y tế tỉnh Nghệ An" in link.why


def test_accents_dropped_or_a_middle_name_left_out_join_in_a_chain_to_one_node():
    rows = [HUNG, HUNG_SHORT, post("nguyen van hung|nghệ an", "Nguyen Van Hung")]
    assert {k: v.same_as for k, v in same_as(rows).items()} == {
        "nguyễn hùng|nghệ an": "nguyễn văn hùng|nghệ an", "nguyen van hung|nghệ an": "nguyễn văn hùng|nghệ an"}


@pytest.mark.parametrize("rows", [
    # one name in two provinces, no post in common: two people
    [HUNG, post("nguyễn hùng|hà tĩnh", "Nguyễn Hùng", SO_XAY_DUNG)],
    # variants in one body but different posts
    [HUNG, post("nguyễn hùng|nghệ an", "Nguyễn Hùng", title="Phó Giám đốc")],
    # a shared post but not variants (another given name)
    [HUNG, post("nguyễn văn hưng|nghệ an", "Nguyễn Văn Hưng")],
])
def test_without_a_shared_post_between_variants_nothing_is_joined(rows):
    assert same_as(rows) == {}


def test_a_short_name_two_full_names_fit_joins_neither():
    other = post("nguyễn mạnh hùng|nghệ an", "Nguyễn Mạnh Hùng")
    assert same_as([HUNG, HUNG_SHORT, other]) == {}
    # ... unless the two full names are themselves one person (accents aside)
    unaccented = post("nguyen van hung|nghệ an", "Nguyen Van Hung")
    assert {v.same_as for v in same_as([HUNG, HUNG_SHORT, unaccented]).values()} == {"nguyễn văn hùng|nghệ an"}


def test_a_split_of_either_name_keeps_the_variants_apart():
    for name in ("Nguyễn Hùng", "Nguyễn Văn Hùng"):
        decisions = parse_decisions({"split": [{"name": name}]}, "resolutions.yaml")
        assert same_as([HUNG, HUNG_SHORT], decisions) == {}
    assert same_as([HUNG, HUNG_SHORT], Decisions()) != {}


def test_merge_and_same_decisions_join_nodes_stored_before_them_and_come_first():
    decisions = parse_decisions({"merge": [{"names": ["Nguyễn Văn Hùng", "Nguyễn V. Hùng"], "why": "one Giám đốc"}],
                                 "same": [{"name": "Trần Văn Nam"}]}, "resolutions.yaml")
    named = [{"person": "nguyễn v. hùng|nghệ an", "name": "Nguyễn V. Hùng"},
             {"person": "trần văn nam|hà tĩnh", "name": "Trần Văn Nam"}, {"person": "trần văn nam", "name": "Trần Văn Nam"}]
    links = same_as([HUNG, HUNG_SHORT], decisions, named)
    assert {k: v.same_as for k, v in links.items()} == {
        "nguyễn v. hùng|nghệ an": "nguyễn văn hùng|nghệ an", "nguyễn hùng|nghệ an": "nguyễn văn hùng|nghệ an",
        "trần văn nam|hà tĩnh": "trần văn nam"}
    assert links["nguyễn v. hùng|nghệ an"].why == "'Nguyễn V. Hùng' is Nguyễn Văn Hùng: merged by resolutions.yaml (one Giám đốc)"
    # a user who keeps the short spelling: the full one joins it, and no automatic link runs the other way
    short_first = parse_decisions({"merge": [{"names": ["Nguyễn Hùng", "Nguyễn Văn Hùng"]}]}, "resolutions.yaml")
    assert {k: v.same_as for k, v in same_as([HUNG, HUNG_SHORT], short_first).items()} == {
        "nguyễn văn hùng|nghệ an": "nguyễn hùng|nghệ an"}


def test_the_answer_does_not_depend_on_the_order_of_the_rows():
    rows = [HUNG, HUNG_SHORT, post("nguyen van hung|nghệ an", "Nguyen Van Hung"),
            post("nguyễn hùng|hà tĩnh", "Nguyễn Hùng", SO_XAY_DUNG), post("lê văn tâm", "Lê Văn Tâm"),
            post("lê tâm", "Lê Tâm"), post("lê minh tâm", "Lê Minh Tâm", SO_XAY_DUNG)]
    expected = same_as(rows)
    assert expected["lê tâm"] == Link("lê văn tâm", expected["lê tâm"].why)
    shuffled = rows[:]
    for seed in range(20):
        random.Random(seed).shuffle(shuffled)
        assert same_as(shuffled) == expected


NAMES = ["nguyễn văn hùng", "nguyễn hùng", "nguyen van hung", "nguyễn mạnh hùng", "nguyễn văn hưng", "nguyễn hưng",
         "trần văn nam", "trần nam", "tran nam"]


@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["", "|nghệ an", "|hà tĩnh"]),
                          st.sampled_from([SO_Y_TE, SO_XAY_DUNG]), st.sampled_from(["Giám đốc", "Phó Giám đốc"])),
                max_size=12), st.randoms(use_true_random=False))
def test_links_point_at_a_node_standing_for_itself_whatever_the_order(held, rnd):
    rows = [post(name + place, name.title(), body, title) for name, place, body, title in held]
    links = same_as(rows)
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    assert same_as(shuffled) == links
    for k, link in links.items():
        assert link.same_as not in links and link.same_as != k  # one node stands for the person
        assert len(name_of(link.same_as).split()) >= len(name_of(k).split())


def test_pairs_are_looked_for_within_blocks_only():
    rows = [HUNG, HUNG_SHORT, post("trần văn nam", "Trần Văn Nam"), post("trần nam", "Trần Nam")]
    assert sorted((p.short, p.long) for p in variant_pairs(rows)) == [
        ("nguyễn hùng|nghệ an", "nguyễn văn hùng|nghệ an"), ("trần nam", "trần văn nam")]


# -- through the store: invented articles ----------------------------------------------------------
def article(day: str, text: str) -> tuple[str, str]:
    return day, text


LONG = article("2021-06-01", "Nghệ An: y tế\n\nGiám đốc Sở Y tế tỉnh Nghệ An Nguyễn Văn Hùng kiểm tra bệnh viện. "
                             "Ông Nguyễn Văn Hùng đã ký Quyết định số 12/QĐ-SYT về phòng chống dịch.")
SHORT = article("2021-07-01", "Nghệ An: tiêm chủng\n\nGiám đốc Sở Y tế tỉnh Nghệ An Nguyễn Hùng báo cáo tiến độ tiêm chủng.")
NAMESAKE = article("2021-08-01", "Hà Tĩnh: xây dựng\n\nGiám đốc Sở Xây dựng tỉnh Hà Tĩnh Nguyễn Hùng kiểm tra công trình.")
RIVAL = article("2021-09-01", "Nghệ An: bệnh viện\n\nGiám đốc Sở Y tế tỉnh Nghệ An Nguyễn Mạnh Hùng thăm bệnh viện huyện.")


def write_corpus(path: Path, items: list[tuple[str, str]]) -> str:
    path.write_text("".join(json.dumps({"text": text, "title": text.split("\n")[0], "published": day,
                                        "url": f"https://example.test/{day}"}, ensure_ascii=False) + "\n"
                            for day, text in items), encoding="utf-8")
    return str(path)


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """``graph ARGS... --db DB`` run in an empty working directory (no decisions file)."""
    from cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GRAPH_RESOLUTIONS", raising=False)

    def run(*args: str, db: str = "db", code: int = 0):
        result = CliRunner().invoke(app, [*args, "--db", str(tmp_path / db)])
        assert result.exit_code == code, result.output
        return result
    return run


def layer(db: Path) -> dict[str, str]:
    """Person key -> the key it is joined to, as the store holds it."""
    from graph.embedded import EmbeddedStore

    from conftest import TEST_HEAP

    with EmbeddedStore(db, heap=TEST_HEAP) as store:
        return {r["k"]: r["s"] for r in store.read("MATCH (p:Person) RETURN p.key AS k, p.same_as AS s")}


def test_one_run_or_either_order_of_runs_gives_the_same_people(cli, tmp_path: Path):
    cli("ingest", write_corpus(tmp_path / "all.jsonl", [LONG, SHORT, NAMESAKE]), db="once")
    for order, db in (([LONG, SHORT, NAMESAKE], "ab"), ([NAMESAKE, SHORT, LONG], "ba")):
        for i, item in enumerate(order):
            cli("ingest", write_corpus(tmp_path / f"{db}{i}.jsonl", [item]), db=db)
    expected = {"nguyễn văn hùng|nghệ an": None, "nguyễn hùng|nghệ an": "nguyễn văn hùng|nghệ an",
                "nguyễn hùng|hà tĩnh": None}
    assert layer(tmp_path / "once") == layer(tmp_path / "ab") == layer(tmp_path / "ba") == expected


def test_the_person_is_answered_as_one_and_a_second_full_name_undoes_the_join(cli, tmp_path: Path):
    cli("ingest", write_corpus(tmp_path / "a.jsonl", [LONG, SHORT, NAMESAKE]))
    profile = json.loads(cli("person", "Nguyen Hung (Nghe An)", "--format", "json").stdout)
    assert profile["person"][0]["name"] == "Nguyễn Văn Hùng" and "Nguyễn Hùng" in profile["person"][0]["aliases"]
    assert {(r["as"], r["from"]) for r in profile["career"]} == {("Nguyễn Văn Hùng", "2021-06-01"),
                                                                 ("Nguyễn Hùng", "2021-07-01")}
    assert [d["number"] for d in profile["documents"]] == ["12/QĐ-SYT"]
    why = json.loads(cli("person", "Nguyễn Văn Hùng", "--why", "--format", "json").stdout)
    joined = {r["key"]: r["why"][-1] for r in why}
    assert set(joined) == {"nguyễn văn hùng|nghệ an", "nguyễn hùng|nghệ an"}
    assert joined["nguyễn hùng|nghệ an"].startswith("'Nguyễn Hùng' is Nguyễn Văn Hùng: name variants, both Giám đốc")
    assert "merge" not in cli("resolve", "--suggest", "--format", "yaml", code=1).output
    cli("view", "-o", str(tmp_path / "focus.html"), "--focus", "Nguyen Hung (Nghe An)", "--depth", "1")
    page = (tmp_path / "focus.html").read_text(encoding="utf-8")
    escaped = lambda text: json.dumps(text)[1:-1]  # noqa: E731 (the page holds its data as JSON)
    assert escaped("Person:nguyễn văn hùng|nghệ an") in page and escaped("Person:nguyễn hùng|nghệ an") not in page
    assert escaped("Also written") in page and "SIGNED" in page  # one node, with the facts of both spellings
    exported = json.loads(cli("export").stdout)["nodes"]
    assert {n["id"]: n.get("same_as") for n in exported if n["label"] == "Person" and n.get("place") == "Nghệ An"} == {
        "Person:nguyễn văn hùng|nghệ an": None, "Person:nguyễn hùng|nghệ an": "nguyễn văn hùng|nghệ an"}
    # a later article names another Giám đốc of that Sở whom "Nguyễn Hùng" fits as well
    ingested = cli("ingest", write_corpus(tmp_path / "b.jsonl", [RIVAL]))
    assert "1 undone" in ingested.output
    assert set(layer(tmp_path / "db").values()) == {None}
    alone = json.loads(cli("person", "Nguyen Hung (Nghe An)", "--format", "json").stdout)
    assert alone["person"][0]["name"] == "Nguyễn Hùng" and all("as" not in r for r in alone["career"])
    suggested = json.loads(cli("resolve", "--suggest", "--format", "json").stdout)
    assert {tuple(s["names"]) for s in suggested if s["decision"] == "merge"} == {
        ("Nguyễn Văn Hùng", "Nguyễn Hùng"), ("Nguyễn Mạnh Hùng", "Nguyễn Hùng")}


def test_a_merge_decision_takes_effect_without_re_ingesting(cli, tmp_path: Path):
    deputy = article("2021-08-02", "Nghệ An: y tế\n\nPhó Giám đốc Sở Y tế tỉnh Nghệ An Nguyễn Hùng thăm trạm y tế xã.")
    cli("ingest", write_corpus(tmp_path / "a.jsonl", [LONG, deputy]))  # two posts: not joined by the rule
    assert set(layer(tmp_path / "db").values()) == {None}
    (tmp_path / "resolutions.yaml").write_text("merge:\n  - names: [Nguyễn Văn Hùng, Nguyễn Hùng]\n", encoding="utf-8")
    assert "1 new or changed" in cli("resolve", "--apply").output
    assert layer(tmp_path / "db")["nguyễn hùng|nghệ an"] == "nguyễn văn hùng|nghệ an"
    career = json.loads(cli("person", "Nguyễn Văn Hùng", "--format", "json").stdout)["career"]
    assert {r["post"] for r in career} == {"Giám đốc", "Phó Giám đốc"}


def test_a_user_split_beats_the_join_and_holds_after_re_ingest(cli, tmp_path: Path):
    corpus = write_corpus(tmp_path / "a.jsonl", [LONG, SHORT])
    cli("ingest", corpus)
    assert layer(tmp_path / "db")["nguyễn hùng|nghệ an"] == "nguyễn văn hùng|nghệ an"
    (tmp_path / "resolutions.yaml").write_text("split:\n  - name: Nguyễn Hùng\n    why: two officials\n", encoding="utf-8")
    assert "1 undone" in cli("resolve", "--apply").output
    assert set(layer(tmp_path / "db").values()) == {None}
    for force in ((), ("--force",)):
        cli("ingest", corpus, *force)
        assert set(layer(tmp_path / "db").values()) == {None}


# -- views and analytics: one node per person -----------------------------------------------------
def test_folding_moves_a_joined_spelling_s_facts_onto_the_node_it_is_joined_to():
    from graph.fold import fold_people, folded_id
    from graph.model import Edge, Evidence, Graph, Node

    g = Graph()
    long = g.add_node(Node("Person", "nguyễn văn hùng|nghệ an", {"name": "Nguyễn Văn Hùng", "aliases": []}))
    short = g.add_node(Node("Person", "nguyễn hùng|nghệ an", {
        "name": "Nguyễn Hùng", "aliases": ["Nguyen Hung"], "same_as": "nguyễn văn hùng|nghệ an", "same_as_why": "variants"}))
    body = g.add_node(Node("Body", "sở y tế|tỉnh|nghệ an", {"name": "Sở Y tế tỉnh Nghệ An", "aliases": []}))
    g.add_edge(Edge("CHAIRED", long, body, {"title": "Giám đốc", "first_seen": "2021-06-01"}, [Evidence("a1", "câu một", 0, 5)]))
    g.add_edge(Edge("CHAIRED", short, body, {"title": "Giám đốc", "first_seen": "2021-05-01"}, [Evidence("a2", "câu hai", 0, 5)]))
    folded = fold_people(g)
    assert set(folded.nodes) == {long, body} and folded_id(g, short) == long
    person = folded.nodes[long].props
    assert person["aliases"] == ["Nguyễn Hùng", "Nguyen Hung"] and "same_as" not in person
    (edge,) = folded.edges.values()
    assert edge.props["first_seen"] == "2021-05-01" and {e.article for e in edge.evidence} == {"a1", "a2"}
    assert set(g.nodes) == {long, short, body}  # the stored graph itself is left as it was
    del g.nodes[long]  # joined to a node the graph does not hold (a neighbourhood cut): kept as it is
    assert fold_people(g).nodes.keys() == {short, body} and folded_id(g, short) == short


def test_who_signed_and_as_of_answers_name_the_person_once(cli, tmp_path: Path):
    signed = article("2021-07-02", "Nghệ An: y tế\n\nGiám đốc Sở Y tế tỉnh Nghệ An Nguyễn Hùng đã ký Quyết định số "
                                   "15/QĐ-SYT về tiêm chủng.")
    deputies = [article("2021-07-03", "Nghệ An: bệnh viện\n\nPhó Giám đốc Sở Y tế tỉnh Nghệ An Trần Văn Nam kiểm tra "
                                      "bệnh viện huyện."),
                article("2021-07-04", "Nghệ An: trạm y tế\n\nPhó Giám đốc Sở Y tế tỉnh Nghệ An Trần Nam thăm trạm y tế xã.")]
    cli("ingest", write_corpus(tmp_path / "a.jsonl", [LONG, SHORT, signed, *deputies]))
    rows = json.loads(cli("who-signed", "15/QĐ-SYT", "--format", "json").stdout)
    assert {(r["signer"], r.get("signer_same_as")) for r in rows} == {("Nguyễn Hùng", "Nguyễn Văn Hùng")}
    assert "signed by Nguyễn Hùng, that is Nguyễn Văn Hùng," in cli("who-signed", "15/QĐ-SYT").stdout
    profile = json.loads(cli("body", "Sở Y tế tỉnh Nghệ An", "--format", "json").stdout)
    assert {(r["name"], r.get("written")) for r in profile["heads"]} == {
        ("Nguyễn Văn Hùng", None), ("Nguyễn Văn Hùng", "Nguyễn Hùng")}
    assert {r["name"] for r in profile["people"]} == {"Nguyễn Văn Hùng", "Trần Văn Nam"}
    held = json.loads(cli("body", "Sở Y tế tỉnh Nghệ An", "--as-of", "2021-07", "--format", "json").stdout)
    assert sorted((r["post"], r["name"]) for r in held) == [("Giám đốc", "Nguyễn Văn Hùng"), ("Phó Giám đốc", "Trần Văn Nam")]


# -- the layer in every store -------------------------------------------------------------------
def positions_graph(*holders: tuple[str, str]):
    """Person key and name -> a graph where each is Giám đốc of Sở Y tế tỉnh Nghệ An."""
    from graph.model import Edge, Evidence, Graph, Node

    g = Graph()
    body = g.add_node(Node("Body", SO_Y_TE[0], {"name": SO_Y_TE[1], "aliases": []}))
    for i, (key, name) in enumerate(holders):
        person = g.add_node(Node("Person", key, {"name": name, "aliases": [], "titles": ["Giám đốc"], "identity": []}))
        g.add_edge(Edge("CHAIRED", person, body, {"title": "Giám đốc", "first_seen": "2021-06-01"},
                        [Evidence(f"a{i}", f"Giám đốc {name}", 0, 5)]))
    return g


def test_the_layer_is_written_undone_and_left_alone_in_one_transaction_per_pass(store):
    from ingest.sameas import apply

    store.setup()
    store.load(positions_graph(("nguyễn văn hùng|nghệ an", "Nguyễn Văn Hùng"), ("nguyễn hùng|nghệ an", "Nguyễn Hùng")))
    first = apply(store)
    assert (first.people, first.linked, first.written, first.undone) == (2, 1, 1, 0)
    (row,) = store.read("MATCH (p:Person {same_as: $k}) RETURN p.key AS key, p.same_as_why AS why",
                        {"k": "nguyễn văn hùng|nghệ an"})
    assert row["key"] == "nguyễn hùng|nghệ an" and "name variants" in row["why"]
    again = apply(store)
    assert (again.linked, again.written, again.undone) == (1, 0, 0)  # nothing changed, nothing written
    store.load(positions_graph(("nguyễn mạnh hùng|nghệ an", "Nguyễn Mạnh Hùng")))
    undone = apply(store)
    assert (undone.linked, undone.written, undone.undone) == (0, 0, 1)
    assert store.read("MATCH (p:Person) WHERE p.same_as IS NOT NULL OR p.same_as_why IS NOT NULL RETURN p.key") == []
