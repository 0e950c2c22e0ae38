"""People told apart and brought together: short references within an article, the user's
decisions file (merge, split) applied on every ingest, suggestions with their evidence, and
the sample articles' officials one node each. Invented officials and articles throughout."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from graph.model import Graph, node_id
from ingest.api import extract_article
from ingest.clean import Article
from ingest.identity import (
    DecisionsError, Decisions, Post, fuller, identify, national_rank, parse_decisions, variant_block, variants,
)
from ingest.normalize import match_text
from ingest.pipeline import get_nlp
from queries import timeline
from queries.lookup import Ambiguous, person_profile, person_ref, qualified
from queries.identity import explain, suggest, suggestions_document


def facts(text: str) -> set[tuple[str, str, str]]:
    doc = get_nlp()(match_text(text))
    return {(f.type, f.source.name, getattr(f.target, "number", None) or getattr(f.target, "name", "")) for f in doc._.facts
            if f.type in ("SIGNED", "CHAIRED") and hasattr(f.source, "name")}


# -- short references within one article ---------------------------------------------------------
def test_a_given_name_after_an_honorific_is_the_article_s_one_person_of_that_name():
    found = facts("Bí thư Tỉnh ủy Nghệ An Nguyễn Văn Hùng làm việc với Sở Y tế. Ông Hùng đã ký Quyết định số 12/QĐ-UBND.")
    assert ("SIGNED", "Nguyễn Văn Hùng", "12/QĐ-UBND") in found


def test_an_honorific_title_is_the_article_s_one_holder_of_it():
    found = facts("Bí thư Tỉnh ủy Nghệ An Nguyễn Văn Hùng dự họp. Sau đó, đồng chí Bí thư chủ trì hội nghị sơ kết công tác.")
    assert ("CHAIRED", "Nguyễn Văn Hùng", "hội nghị sơ kết công tác") in found


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND tỉnh Nguyễn Văn Hùng và Phó Chủ tịch UBND tỉnh Trần Văn Hùng dự họp. Ông Hùng đã ký Quyết định số 12/QĐ-UBND.",
    "Chủ tịch UBND tỉnh Nguyễn Văn Hùng dự họp. Ông Nam đã ký Quyết định số 12/QĐ-UBND.",
    "Bí thư Tỉnh ủy Nguyễn Văn Hùng và Bí thư Thành ủy Lê Văn Nam dự họp. Đồng chí Bí thư đã ký Quyết định số 12/QĐ-UBND.",
])
def test_an_ambiguous_or_unknown_short_reference_is_left_alone(text: str):
    assert not [f for f in facts(text) if f[0] == "SIGNED"]


# -- the automatic rules: one article at a time ---------------------------------------------------
def local(place: str, start: int = 0, head: bool = True) -> Post:
    return Post(place, False, head, start, f"Giám đốc Sở Y tế tỉnh {place}")


def national(start: int = 0) -> Post:
    return Post("Nghệ An", True, True, start, "Chủ tịch UBND tỉnh Nghệ An")


def test_a_post_below_the_provincial_leadership_anchors_the_person_to_its_province():
    ident = identify("Lê Văn Tâm", [local("Hà Tĩnh")], "Nghệ An", Decisions())
    assert (ident.key, ident.place) == ("lê văn tâm|hà tĩnh", "Hà Tĩnh")
    assert "told apart by place (Hà Tĩnh)" in ident.notes[0]
    # the first head post anchors, whatever the order of the list
    posts = [local("Nghệ An", start=5, head=False), local("Hà Tĩnh", start=40), local("Lào Cai", start=90)]
    assert identify("Lê Văn Tâm", posts, "", Decisions()).key == "lê văn tâm|hà tĩnh"
    assert identify("Lê Văn Tâm", posts[::-1], "", Decisions()).key == "lê văn tâm|hà tĩnh"


@pytest.mark.parametrize("posts", [[national()], [local("Hà Tĩnh"), national(9)], []])
def test_a_post_of_national_rank_or_none_keys_the_person_by_the_name_alone(posts):
    ident = identify("Chu Ngọc Anh", posts, "Hà Nội", Decisions())
    assert (ident.key, ident.place, ident.notes) == ("chu ngọc anh", None, ())


def test_which_posts_are_of_national_rank():
    assert national_rank("Bộ Y tế", "", "", "Bộ trưởng")  # the centre, any post
    assert national_rank("UBND", "tỉnh", "Nghệ An", "Chủ tịch") and national_rank("Thành ủy", "thành phố", "Hà Nội", "Bí thư")
    assert national_rank("Tỉnh ủy", "tỉnh", "Nghệ An", "Phó Bí thư Thường trực")
    assert national_rank("Đoàn đại biểu Quốc hội", "tỉnh", "Nghệ An", "Trưởng")
    assert not national_rank("UBND", "tỉnh", "Nghệ An", "Phó Chủ tịch")  # a deputy rises from a Sở of the province
    assert not national_rank("Sở Y tế", "tỉnh", "Nghệ An", "Giám đốc")
    assert not national_rank("UBND", "huyện", "Quỳnh Lưu", "Chủ tịch")


# -- decisions -------------------------------------------------------------------------------------
DECISIONS = {
    "merge": [{"names": ["Nguyễn Văn Hùng", "Nguyễn Hùng"], "why": "both Giám đốc Sở Y tế tỉnh Nghệ An"}],
    "split": [{"name": "Lê Văn Tâm", "why": "a Nghệ An and a Hà Tĩnh official"}],
    "same": [{"name": "Trần Văn Nam", "why": "Giám đốc Sở Tài chính of Hà Tĩnh, then of Nghệ An"}],
}


def test_identify_applies_the_decisions_before_the_automatic_rules_and_says_why():
    d = parse_decisions(DECISIONS, "resolutions.yaml")
    merged = identify("Nguyễn  Hùng", [local("Nghệ An")], "", d)
    assert (merged.key, merged.name) == ("nguyễn văn hùng|nghệ an", "Nguyễn Văn Hùng")
    assert "merged by resolutions.yaml (both Giám đốc Sở Y tế tỉnh Nghệ An)" in merged.notes[0]
    split = identify("Lê Văn Tâm", [national()], "Hà Tĩnh", d)  # split whatever the rank
    assert (split.key, split.place) == ("lê văn tâm|nghệ an", "Nghệ An")
    assert identify("Lê Văn Tâm", [], "Hà Tĩnh", d).key == "lê văn tâm|hà tĩnh"
    same = identify("Trần Văn Nam", [local("Hà Tĩnh")], "", d)  # no anchor: one person wherever
    assert (same.key, same.place) == ("trần văn nam", None) and "decided by resolutions.yaml" in same.notes[0]


@pytest.mark.parametrize("bad, problem", [
    ({"merge": [{"names": ["Nguyễn Văn Hùng"]}]}, "merge entry 1: 'names' needs a list of two names or more"),
    ({"split": [{"why": "x"}]}, "split entry 1: 'name' is missing"),
    ({"same": [{"name": " "}]}, "same entry 1: 'name' is missing"),
    ({"split": [{"name": "A B"}], "same": [{"name": "a  b"}]}, "same entry 1: 'a  b' is split too"),
    ({"merge": [{"names": ["A B", "C D"]}, {"names": ["E F", "C D"]}]}, "merge entry 2: 'C D' is already merged"),
    ({"other": []}, "expected a mapping with 'merge', 'split' and/or 'same'"),
    (["merge"], "expected a mapping"),
])
def test_a_bad_decisions_file_names_the_file_and_the_entry(bad, problem: str):
    with pytest.raises(DecisionsError, match=f"^x.yaml: .*{re.escape(problem)}"):
        parse_decisions(bad, "x.yaml")


def test_a_person_is_written_with_a_place_when_the_name_alone_is_several_people():
    assert person_ref("Lê Văn  Tâm (Nghệ An)") == ("Lê Văn Tâm", "Nghệ An")
    assert person_ref("Lê Văn Tâm (no place)") == ("Lê Văn Tâm", "")
    assert person_ref("Lê Văn Tâm") == ("Lê Văn Tâm", None)
    assert qualified("Lê Văn Tâm", "Nghệ An") == "Lê Văn Tâm (Nghệ An)" and qualified("Lê Văn Tâm", None) == "Lê Văn Tâm"


_SYLLABLES = ["Nguyễn", "Nguyên", "Văn", "Hùng", "Hưng", "Thị", "Ngọc", "Anh", "Trần", "Tran", "Đức", "Duc"]


@given(st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=4),
       st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=4))
def test_variants_share_a_block(a: list[str], b: list[str]):
    """`resolve --suggest` only compares names within a block: no variant pair may fall apart."""
    x, y = " ".join(a), " ".join(b)
    if variants(x, y):
        assert variant_block(x) == variant_block(y)


def test_name_variants():
    assert variants("Nguyễn Văn Hùng", "Nguyễn Hùng") and variants("Nguyễn Văn Hùng", "Nguyễn Văn Hưng")
    assert not variants("Nguyễn Văn Hùng", "Nguyễn Văn Hùng")
    assert not variants("Nguyễn Văn Hùng", "Trần Văn Hùng") and not variants("Nguyễn Văn Hùng", "Nguyễn Thị Hùng")
    assert fuller("Nguyễn Hùng", "Nguyễn Văn Hùng") == fuller("Nguyễn Văn Hùng", "Nguyễn Hùng") == "Nguyễn Văn Hùng"
    assert fuller("Nguyen Van Hung", "Nguyễn Văn Hùng") == "Nguyễn Văn Hùng"


# -- through extraction: invented articles ---------------------------------------------------------
def article_graphs(*texts: str) -> Graph:
    """The graphs of the articles ``texts``, each extracted on its own, merged."""
    g = Graph()
    for i, text in enumerate(texts):
        g.update(extract_article(Article(id=f"a{i}", text=text, source=f"a{i}.txt", published="2021-03-01")).graph)
    return g


def persons(*texts: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Person key -> (name, aliases) of the articles ``texts``."""
    return {n.key: (n.props["name"], tuple(n.props.get("aliases", ())))
            for n in article_graphs(*texts).nodes.values() if n.label == "Person"}


def test_same_named_heads_of_two_provinces_departments_stay_apart_and_each_is_one_node():
    found = persons(
        "Giám đốc Sở Y tế tỉnh Nghệ An Phạm Văn Hải kiểm tra Bệnh viện Đa khoa tỉnh.",
        "Giám đốc Sở Y tế tỉnh Hà Tĩnh Phạm Văn Hải báo cáo tình hình dịch bệnh.",
        "Ông Phạm Văn Hải, Giám đốc Sở Y tế tỉnh Nghệ An, đã ký Quyết định số 12/QĐ-SYT.",
    )
    assert set(found) == {"phạm văn hải|nghệ an", "phạm văn hải|hà tĩnh"}


def test_a_provincial_leader_is_one_node_across_provinces_and_the_centre():
    found = persons(
        "Thứ trưởng Bộ Tài chính Đỗ Minh Khoa làm việc với tỉnh Nghệ An.",
        "Chủ tịch UBND tỉnh Hà Tĩnh Đỗ Minh Khoa chủ trì hội nghị về đầu tư công.",
    )
    assert set(found) == {"đỗ minh khoa"}


def test_name_variants_holding_one_post_in_an_article_are_one_person_under_the_fuller_name():
    found = persons(
        "Giám đốc Sở Y tế tỉnh Nghệ An Nguyễn Văn Hùng kiểm tra bệnh viện. Giám đốc Sở Y tế tỉnh Nghệ An "
        "Nguyễn Hùng cho biết tỉnh đã tiêm đủ hai mũi cho người dân.",
    )
    assert found == {"nguyễn văn hùng|nghệ an": ("Nguyễn Văn Hùng", ("Nguyễn Hùng",))}
    apart = persons("Giám đốc Sở Y tế tỉnh Nghệ An Nguyễn Văn Hùng và Giám đốc Sở Xây dựng tỉnh Nghệ An Nguyễn Hùng dự họp.")
    assert set(apart) == {"nguyễn văn hùng|nghệ an", "nguyễn hùng|nghệ an"}  # two posts: two people


# -- on a corpus, through the store --------------------------------------------------------------
ARTICLES = [  # (published, text): heads of two provinces of one name, an official written two ways,
    # and two Giám đốc Sở of one name in two provinces
    ("2021-03-10", "Nghệ An: hội nghị\n\nChủ tịch UBND tỉnh Nghệ An Lê Văn Tâm chủ trì hội nghị về y tế."),
    ("2021-05-12", "Hà Tĩnh: làm việc\n\nChủ tịch UBND tỉnh Hà Tĩnh Lê Văn Tâm chủ trì hội nghị về đầu tư."),
    ("2021-06-01", "Nghệ An: y tế\n\nGiám đốc Sở Y tế tỉnh Nghệ An Nguyễn Văn Hùng kiểm tra bệnh viện."),
    ("2021-07-01", "Nghệ An: tiêm chủng\n\nGiám đốc Sở Y tế tỉnh Nghệ An Nguyễn Hùng báo cáo tiến độ tiêm chủng."),
    ("2021-08-01", "Nghệ An: xây dựng\n\nGiám đốc Sở Xây dựng tỉnh Nghệ An Phạm Văn Hải kiểm tra công trình."),
    ("2021-09-01", "Hà Tĩnh: xây dựng\n\nGiám đốc Sở Xây dựng tỉnh Hà Tĩnh Phạm Văn Hải báo cáo tiến độ."),
    # one official, once with her post and once without
    ("2021-10-01", "Nghệ An: tư pháp\n\nGiám đốc Sở Tư pháp tỉnh Nghệ An Võ Thị Lan kiểm tra công tác hộ tịch."),
    ("2021-10-02", "Nghệ An: hội nghị\n\nTại hội nghị, bà Võ Thị Lan cho biết toàn tỉnh đã cấp hơn 2.000 bản sao trích lục."),
]


def write_corpus(path: Path, items: list[tuple[int, tuple[str, str]]]) -> Path:
    lines = [json.dumps({"text": text, "title": text.split("\n")[0], "published": day, "url": f"https://example.test/{i}"},
                        ensure_ascii=False) for i, (day, text) in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "news.jsonl", list(enumerate(ARTICLES)))


def people(store) -> dict[str, str | None]:
    return {r["key"]: r["place"] for r in store.read("MATCH (p:Person) RETURN p.key AS key, p.place AS place")}


def stored(store) -> tuple[set, set]:
    """Every person (key, name, place, aliases) and every fact about one, as the store holds them."""
    nodes = {(r["k"], r["n"], r["p"], tuple(sorted(r["a"] or []))) for r in store.read(
        "MATCH (p:Person) RETURN p.key AS k, p.name AS n, p.place AS p, p.aliases AS a")}
    edges = {(r["t"], r["s"], r["o"], r["c"]) for r in store.read(
        "MATCH (p:Person)-[r]-(x) RETURN type(r) AS t, p.key AS s, x.key AS o, r.article_count AS c")}
    return nodes, edges


def test_the_same_corpus_gives_the_same_people_in_one_run_or_several_in_any_order(tmp_path: Path, monkeypatch):
    from graph.embedded import EmbeddedStore
    from ingest.api import ingest

    from conftest import TEST_HEAP

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GRAPH_RESOLUTIONS", raising=False)
    items = list(enumerate(ARTICLES))
    with EmbeddedStore(tmp_path / "one", heap=TEST_HEAP) as store:
        ingest([str(write_corpus(tmp_path / "all.jsonl", items))], store)
        at_once = stored(store)
    with EmbeddedStore(tmp_path / "runs", heap=TEST_HEAP) as store:
        for i, item in enumerate(items[::-1]):  # one article per run, last first
            ingest([str(write_corpus(tmp_path / f"run{i}.jsonl", [item]))], store)
        assert stored(store) == at_once
    assert {k for k, *_ in at_once[0]} == {
        "lê văn tâm", "nguyễn văn hùng|nghệ an", "nguyễn hùng|nghệ an", "phạm văn hải|nghệ an", "phạm văn hải|hà tĩnh",
        "võ thị lan|nghệ an", "võ thị lan"}


def test_suggestions_find_the_homonyms_and_the_variant_then_decisions_apply_on_every_ingest(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from graph.embedded import EmbeddedStore
    from ingest.api import ingest

    from conftest import TEST_HEAP

    monkeypatch.chdir(tmp_path)  # no resolutions.yaml here yet
    monkeypatch.delenv("GRAPH_RESOLUTIONS", raising=False)
    with EmbeddedStore(tmp_path / "before", heap=TEST_HEAP) as store:
        ingest([str(corpus)], store)
        found = suggest(store)
        for name in ("Nguyễn Hùng", "Lê Văn Tâm", "Võ Thị Lan", "Phạm Văn Hải"):  # read from the name's block alone
            assert suggest(store, {name}) == [s for s in found if name in s["names"]]
    assert {(s["decision"], tuple(s["names"])) for s in found} == {
        ("merge", ("Nguyễn Văn Hùng", "Nguyễn Hùng")), ("split", ("Lê Văn Tâm",)), ("same", ("Võ Thị Lan",))
    }
    assert all(s["evidence"] and s["why"] for s in found)
    # the user accepts the suggestions: they become the decisions file, as --format yaml prints it
    (tmp_path / "resolutions.yaml").write_text(yaml.safe_dump(suggestions_document(found), allow_unicode=True),
                                               encoding="utf-8")
    with EmbeddedStore(tmp_path / "after", heap=TEST_HEAP) as store:
        ingest([str(corpus)], store)
        expected = {"lê văn tâm|nghệ an": "Nghệ An", "lê văn tâm|hà tĩnh": "Hà Tĩnh", "nguyễn văn hùng|nghệ an": "Nghệ An",
                    "phạm văn hải|nghệ an": "Nghệ An", "phạm văn hải|hà tĩnh": "Hà Tĩnh", "võ thị lan": None}
        assert people(store) == expected
        for force in (False, True):  # re-ingest: unchanged articles skipped, then all re-extracted
            ingest([str(corpus)], store, force=force)
            assert people(store) == expected
        (row,) = store.read("MATCH (p:Person {key: $k}) RETURN p.aliases AS aliases, p.identity AS notes",
                            {"k": "nguyễn văn hùng|nghệ an"})
        assert row["aliases"] == ["Nguyễn Hùng"] and any("merged by resolutions.yaml" in n for n in row["notes"])
        assert suggest(store) == []
        career = timeline.career(store, "Le Van Tam (Ha Tinh)")
        assert [(r["person_place"], r["body"]) for r in career] == [("Hà Tĩnh", "UBND tỉnh Hà Tĩnh")]
        assert {r["place"] for r in explain(store, "Lê Văn Tâm")} == {"Nghệ An", "Hà Tĩnh"}
        with pytest.raises(Ambiguous, match="Lê Văn Tâm \\(Hà Tĩnh\\); Lê Văn Tâm \\(Nghệ An\\)"):
            person_profile(store, "Lê Văn Tâm")
        profile = person_profile(store, "Phạm Văn Hải (Nghệ An)")
        assert [r["body"] for r in profile["positions"]] == ["Sở Xây dựng tỉnh Nghệ An"]


def test_cli_why_and_resolve(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from typer.testing import CliRunner

    from cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GRAPH_RESOLUTIONS", raising=False)
    run = lambda *args: CliRunner().invoke(app, [*args, "--db", str(tmp_path / "db")])  # noqa: E731
    assert run("ingest", str(corpus)).exit_code == 0
    result = run("resolve", "--suggest", "--format", "yaml")
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.stdout)["split"][0]["name"] == "Lê Văn Tâm"
    why = run("person", "Le Van Tam", "--why", "--format", "json")
    assert why.exit_code == 0, why.output
    assert "suggested split: posts in" in why.stdout
    homonyms = run("person", "Pham Van Hai")  # two people of one name: the candidates, exit 2
    assert homonyms.exit_code == 2 and "Phạm Văn Hải (Hà Tĩnh)" in homonyms.output and "Phạm Văn Hải (Nghệ An)" in homonyms.output
    one = run("person", "Phạm Văn Hải (Hà Tĩnh)", "--format", "json")
    assert one.exit_code == 0 and "Sở Xây dựng tỉnh Hà Tĩnh" in one.stdout and "Nghệ An" not in one.stdout
    why = json.loads(run("person", "Pham Van Hai", "--why", "--format", "json").stdout)
    assert {r["place"] for r in why} == {"Nghệ An", "Hà Tĩnh"} and all("told apart by place" in r["why"][0] for r in why)
    assert run("query", "person-positions", "-p", "name=Phạm Văn Hải (Nghệ An)").exit_code == 0
    assert run("resolve").exit_code == 1  # no decisions file yet
    (tmp_path / "resolutions.yaml").write_text(result.stdout, encoding="utf-8")
    listed = run("resolve", "--format", "json")
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["decision"] in ("merge", "split")
    (tmp_path / "resolutions.yaml").write_text("merge:\n  - names: [Nguyễn Văn Hùng]\n", encoding="utf-8")
    bad = run("ingest", str(corpus))
    assert bad.exit_code == 2 and "resolutions.yaml: merge entry 1" in bad.output


HOMONYMS = [  # invented: officials of other provinces who share the card's names, and a post at the centre
    "Giám đốc Sở Tài chính tỉnh Nghệ An Chu Ngọc Anh báo cáo dự toán ngân sách năm 2021.",
    "Phó Chủ tịch UBND tỉnh Lào Cai Nguyễn Thế Thảo kiểm tra công trình giao thông.",
    "Giám đốc Công an tỉnh Thanh Hóa Đinh Tiến Dũng chủ trì hội nghị tổng kết công tác năm.",
    "Ủy viên Trung ương Đảng, Bộ trưởng Bộ Tài chính Đinh Tiến Dũng dự phiên họp Chính phủ.",
]


def test_the_card_s_officials_are_one_node_each_beside_their_namesakes_of_other_provinces(examples_graph):
    g = Graph()
    g.update(examples_graph)
    g.update(article_graphs(*HOMONYMS))
    people = [n for n in g.nodes.values() if n.label == "Person"]
    keys = [n.key for n in people]
    assert len(keys) == len(set(keys))
    posts = {(e.source, g.nodes[e.target].props.get("name")) for e in g.edges.values() if e.type in ("CHAIRED", "HOLDS")}
    for name, body in [("Nguyễn Thế Thảo", "UBND TP Hà Nội"), ("Chu Ngọc Anh", "UBND TP Hà Nội"),
                       ("Đinh Tiến Dũng", "Thành ủy Hà Nội"), ("Đinh Tiến Dũng", "Bộ Tài chính")]:
        assert (node_id("Person", name.lower()), body) in posts, (name, body)  # one node, keyed by the name alone
    namesakes = {(n.props["name"], n.props.get("place")) for n in people if n.key.split("|")[0] in
                 ("chu ngọc anh", "nguyễn thế thảo", "đinh tiến dũng") and "|" in n.key}
    assert namesakes == {("Chu Ngọc Anh", "Nghệ An"), ("Nguyễn Thế Thảo", "Lào Cai"), ("Đinh Tiến Dũng", "Thanh Hóa")}


def test_a_batch_reads_the_decisions_once_and_a_bad_file_stays_each_article_s_error(tmp_path: Path,
                                                                                     monkeypatch: pytest.MonkeyPatch):
    from ingest import api
    from ingest.sources import RawArticle, SourceError

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GRAPH_RESOLUTIONS", raising=False)
    reads: list[int] = []
    read = api.current_decisions
    monkeypatch.setattr(api, "current_decisions", lambda: reads.append(1) or read())
    batch = [RawArticle(text=f"Ông Nguyễn Văn Hùng dự họp lần {i}.", source=f"a{i}") for i in range(3)]
    assert all(isinstance(r, api.ArticleResult) for r in api.extract_batch(batch)) and reads == [1]
    monkeypatch.setenv("GRAPH_RESOLUTIONS", str(tmp_path / "missing.yaml"))
    failed = api.extract_batch(batch)
    assert all(isinstance(r, SourceError) and "missing.yaml: decisions file not found" in r.problem for r in failed)
