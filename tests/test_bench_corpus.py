"""The benchmark's synthetic corpus: deterministic, in the genre of examples/, and readable by
the pipeline (cleaning removes its furniture; extraction finds its facts)."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path

import pytest

from bench import corpus
from ingest.api import ArticleResult, extract
from ingest.clean import clean
from ingest.gazetteer import load, places, surnames
from ingest.normalize import key, match_text
from ingest.numbers import find_numbers
from ingest.sources import RawArticle, read_sources


@pytest.fixture(scope="module")
def sample() -> list[dict]:
    return list(corpus.articles(120, seed=7))


def _raw(rec: dict) -> RawArticle:
    return RawArticle(text=rec["text"], source=rec["url"], url=rec["url"], published=rec["published"])


def test_same_seed_same_corpus_and_prefixes_agree(sample: list[dict]) -> None:
    assert list(corpus.articles(120, seed=7)) == sample
    assert list(corpus.articles(10, seed=7)) == sample[:10]
    assert list(corpus.articles(10, seed=8)) != sample[:10]


def test_places_are_the_34_units_of_the_gazetteer() -> None:
    world = corpus.World(0)
    assert len(world.provinces) == 34
    assert {key(p.name) for p in world.provinces} <= set(places())


def test_officials_have_gazetteer_surnames_and_distinct_names() -> None:
    world = corpus.World(0)
    officials = [o for p in world.provinces for cast in p.cast for o in cast.values()]
    officials += [o for cast in world.central for o in cast.values()]
    assert {o.name.split()[0] for o in officials} <= surnames()
    # distinct, but for the same-name pairs made on purpose (one name, two provinces, each term)
    assert len(world.homonyms) == 2 * corpus.vocab()["homonym_pairs"] > 0
    assert len({o.name for o in officials}) == len(officials) - len(world.homonyms)
    twins = [o for p in world.provinces for cast in p.cast for o in cast.values() if o.name in world.homonyms]
    assert len(twins) == 2 * len(world.homonyms)
    assert all(len({o.chain for o in twins if o.name == n}) == 2 for n in world.homonyms)  # two provinces' posts


def test_records_say_which_people_they_name(sample: list[dict], tmp_path: Path) -> None:
    assert all(rec["people"] and rec["people"] == sorted(set(rec["people"])) for rec in sample)
    path = tmp_path / "c.jsonl"
    corpus.write_jsonl(sample, path)
    assert corpus.people_meant(path) == len({p for rec in sample for p in rec["people"]})
    corpus.write_jsonl(corpus.replay(1), path)
    assert corpus.people_meant(path) is None


def test_passing_officials_are_meant_one_per_name_and_province_never_with_a_cast_name(sample: list[dict]) -> None:
    world = corpus.World(7)
    passing = [p.split("|") for rec in sample for p in rec["people"] if p.startswith("passing|")]
    assert passing and all(len(p) == 3 and p[1] in {q.name for q in world.provinces} for p in passing)
    assert not {name for _, _, name in passing} & world.cast_names


def test_every_document_number_shape_appears(sample: list[dict]) -> None:
    families = Counter()
    text = "\n".join(r["text"] for r in sample)
    for _, _, number in find_numbers(match_text(text)):
        families[number.family] += 1
    assert set(families) == {"party", "state", "normative", "letter"}
    assert "/ " in text or "- " in text  # loosely written numbers ("01/ NQ-CP")
    assert " từ Chương trình số " in text and " đến Chương trình số " in text  # ranges
    assert any(p in text for p in corpus.vocab()["partial_references"])


def test_cleaning_removes_the_furniture_it_was_given(sample: list[dict]) -> None:
    markers = {m.casefold() for m in load("boilerplate")["tail_markers"]}
    seen_tail = seen_outlet = seen_byline = 0
    for rec in sample:
        article = clean(_raw(rec))
        lines = {ln.strip().casefold() for ln in article.text.split("\n")}
        assert not lines & markers, rec["url"]
        assert "dòng sự kiện" not in lines
        seen_tail += any(ln.casefold() in markers for ln in rec["text"].split("\n"))
        seen_outlet += article.outlet is not None
        seen_byline += bool(article.authors)
        assert article.title and article.published == rec["published"]
    assert seen_tail and seen_outlet and seen_byline


def test_articles_are_distinct_and_extraction_finds_their_facts(sample: list[dict], tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    assert corpus.write_jsonl(sample[:40], path) == 40
    results = [r for r in extract([str(path)]) if isinstance(r, ArticleResult)]
    assert len({r.article.id for r in results}) == 40
    types = Counter(e.type for r in results for e in r.graph.edges.values())
    assert {"ISSUED", "SIGNED", "CHAIRED", "HOLDS", "ASSIGNS", "MENTIONS"} <= set(types)
    reporters = {a for r in results for a in r.article.authors}
    people = {n.props["name"] for r in results for n in r.graph.nodes.values() if n.label == "Person"}
    assert reporters and not reporters & people  # bylines are metadata, never officials


def test_written_jsonl_reads_back_as_articles(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    corpus.write_jsonl(corpus.articles(3, seed=1), path)
    raws = list(read_sources([path]))
    assert [r.url for r in raws] == [json.loads(line)["url"] for line in path.read_text(encoding="utf-8").splitlines()]


def _facts(result: ArticleResult) -> tuple[set, set]:
    nodes = {nid for nid, n in result.graph.nodes.items() if n.label != "Article"}
    edges = {e.id for e in result.graph.edges.values() if e.type != "MENTIONS"}
    return nodes, edges


def test_replay_gives_distinct_articles_with_the_facts_of_the_originals(tmp_path: Path, examples_dir: Path) -> None:
    path = tmp_path / "replay.jsonl"
    assert corpus.write_jsonl(corpus.replay(2, examples_dir), path) == 10
    replayed = [r for r in extract([str(path)]) if isinstance(r, ArticleResult)]
    originals = [r for r in extract([str(examples_dir)]) if isinstance(r, ArticleResult)]
    assert len({r.article.id for r in replayed} | {r.article.id for r in originals}) == 15
    for copy, original in zip(replayed, itertools.cycle(originals)):
        assert _facts(copy) == _facts(original)
        assert copy.article.title == original.article.title


def test_command_line_writes_the_corpus(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    assert corpus.main(["--n", "5", "--seed", "3", "-o", str(out)]) == 0
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == list(corpus.articles(5, seed=3))
