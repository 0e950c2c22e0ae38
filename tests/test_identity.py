"""People told apart and brought together: short references within an article, the user's
decisions file (merge, split) applied on every ingest, suggestions with their evidence, and
the sample articles' officials one node each. Invented officials and articles throughout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ingest.identity import DecisionsError, Decisions, identify, parse_decisions
from ingest.normalize import match_text
from ingest.pipeline import get_nlp
from queries import timeline
from queries.identity import explain, suggest, suggestions_document, variants


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


# -- decisions -------------------------------------------------------------------------------------
DECISIONS = {
    "merge": [{"names": ["Nguyễn Văn Hùng", "Nguyễn Hùng"], "why": "both Giám đốc Sở Y tế tỉnh Nghệ An"}],
    "split": [{"name": "Lê Văn Tâm", "why": "a Nghệ An and a Hà Tĩnh official"}],
}


def test_identify_applies_merge_then_split_and_says_why():
    d = parse_decisions(DECISIONS, "resolutions.yaml")
    merged = identify("Nguyễn  Hùng", [], "", d)
    assert (merged.key, merged.name) == ("nguyễn văn hùng", "Nguyễn Văn Hùng")
    assert "merged by resolutions.yaml (both Giám đốc Sở Y tế tỉnh Nghệ An)" in merged.notes[0]
    split = identify("Lê Văn Tâm", ["Hà Tĩnh"], "Nghệ An", d)
    assert (split.key, split.place) == ("lê văn tâm|hà tĩnh", "Hà Tĩnh")
    assert identify("Lê Văn Tâm", [], "Nghệ An", d).key == "lê văn tâm|nghệ an"
    assert identify("Chu Ngọc Anh", ["Hà Nội"], "Hà Nội", Decisions()).key == "chu ngọc anh"


@pytest.mark.parametrize("bad, problem", [
    ({"merge": [{"names": ["Nguyễn Văn Hùng"]}]}, "merge entry 1: 'names' needs a list of two names or more"),
    ({"split": [{"why": "x"}]}, "split entry 1: 'name' is missing"),
    ({"merge": [{"names": ["A B", "C D"]}, {"names": ["E F", "C D"]}]}, "merge entry 2: 'C D' is already merged"),
    ({"same": []}, "expected a mapping with 'merge' and/or 'split'"),
    (["merge"], "expected a mapping"),
])
def test_a_bad_decisions_file_names_the_file_and_the_entry(bad, problem: str):
    with pytest.raises(DecisionsError, match=f"^x.yaml: .*{problem}"):
        parse_decisions(bad, "x.yaml")


def test_name_variants():
    assert variants("Nguyễn Văn Hùng", "Nguyễn Hùng") and variants("Nguyễn Văn Hùng", "Nguyễn Văn Hưng")
    assert not variants("Nguyễn Văn Hùng", "Nguyễn Văn Hùng")
    assert not variants("Nguyễn Văn Hùng", "Trần Văn Hùng") and not variants("Nguyễn Văn Hùng", "Nguyễn Thị Hùng")


# -- on a corpus, through the store --------------------------------------------------------------
ARTICLES = [  # (published, text): a homonym pair in two provinces, and one official written two ways
    ("2021-03-10", "Nghệ An: hội nghị\n\nChủ tịch UBND tỉnh Nghệ An Lê Văn Tâm chủ trì hội nghị về y tế."),
    ("2021-05-12", "Hà Tĩnh: làm việc\n\nGiám đốc Sở Y tế tỉnh Hà Tĩnh Lê Văn Tâm báo cáo tình hình."),
    ("2021-06-01", "Nghệ An: y tế\n\nGiám đốc Sở Y tế tỉnh Nghệ An Nguyễn Văn Hùng kiểm tra bệnh viện."),
    ("2021-07-01", "Nghệ An: tiêm chủng\n\nGiám đốc Sở Y tế tỉnh Nghệ An Nguyễn Hùng báo cáo tiến độ tiêm chủng."),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"text": text, "title": text.split("\n")[0], "published": day, "url": f"https://example.test/{i}"},
                        ensure_ascii=False) for i, (day, text) in enumerate(ARTICLES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def people(store) -> dict[str, str | None]:
    return {r["key"]: r["place"] for r in store.read("MATCH (p:Person) RETURN p.key AS key, p.place AS place")}


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
        assert set(people(store)) == {"lê văn tâm", "nguyễn văn hùng", "nguyễn hùng"}
        found = suggest(store)
    assert {(s["decision"], tuple(s["names"])) for s in found} == {
        ("merge", ("Nguyễn Văn Hùng", "Nguyễn Hùng")), ("split", ("Lê Văn Tâm",))
    }
    assert all(s["evidence"] and s["why"] for s in found)
    # the user accepts both suggestions: they become the decisions file, as --format yaml prints it
    (tmp_path / "resolutions.yaml").write_text(yaml.safe_dump(suggestions_document(found), allow_unicode=True),
                                               encoding="utf-8")
    with EmbeddedStore(tmp_path / "after", heap=TEST_HEAP) as store:
        ingest([str(corpus)], store)
        expected = {"lê văn tâm|nghệ an": "Nghệ An", "lê văn tâm|hà tĩnh": "Hà Tĩnh", "nguyễn văn hùng": None}
        assert people(store) == expected
        for force in (False, True):  # re-ingest: unchanged articles skipped, then all re-extracted
            ingest([str(corpus)], store, force=force)
            assert people(store) == expected
        (row,) = store.read("MATCH (p:Person {key: $k}) RETURN p.aliases AS aliases, p.identity AS notes",
                            {"k": "nguyễn văn hùng"})
        assert row["aliases"] == ["Nguyễn Hùng"] and "merged by resolutions.yaml" in row["notes"][0]
        assert suggest(store) == []
        career = timeline.career(store, "Le Van Tam")  # one name, two people: each post says whose
        assert {(r["person_place"], r["body"]) for r in career} == {
            ("Nghệ An", "UBND tỉnh Nghệ An"), ("Hà Tĩnh", "Sở Y tế tỉnh Hà Tĩnh")}
        assert {r["place"] for r in explain(store, "Lê Văn Tâm")} == {"Nghệ An", "Hà Tĩnh"}


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
    assert run("resolve").exit_code == 1  # no decisions file yet
    (tmp_path / "resolutions.yaml").write_text(result.stdout, encoding="utf-8")
    listed = run("resolve", "--format", "json")
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["decision"] in ("merge", "split")
    (tmp_path / "resolutions.yaml").write_text("merge:\n  - names: [Nguyễn Văn Hùng]\n", encoding="utf-8")
    bad = run("ingest", str(corpus))
    assert bad.exit_code == 2 and "resolutions.yaml: merge entry 1" in bad.output


def test_the_card_s_officials_are_one_node_each(examples_graph):
    keys = [n.key for n in examples_graph.nodes.values() if n.label == "Person"]
    for name in ("nguyễn thế thảo", "chu ngọc anh", "đinh tiến dũng", "nguyễn thị tuyến"):
        assert keys.count(name) == 1, name
    assert len(keys) == len(set(keys))


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
