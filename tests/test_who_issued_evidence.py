"""`graph who-issued` gives each document a bounded sample of its evidence and says what it left
out (issue 13: on 100,000 articles a number that 34 documents share answered with 850 rows).
Invented articles: one plan, 05/KH-UBND, reported by six articles, signed in two of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from graph.model import Edge, Evidence, Graph, Node
from ingest.normalize import strip_accents
from graph.store import decode_evidence
from queries import lookup
from queries.packs import run_query

ISSUED = [f"UBND tỉnh Quảng Trị ban hành Kế hoạch số 05/KH-UBND về chuyển đổi số (bài {i})." for i in range(5)]
SIGNED = "Phó Chủ tịch UBND tỉnh Hà Sỹ Đồng đã ký Kế hoạch số 05/KH-UBND."
BODY, PERSON, DOC = "Body:ubnd|tỉnh|quảng trị", "Person:hà sỹ đồng", "Document:05/kh-ubnd|quảng trị|2024"


def busy_plan() -> Graph:
    """05/KH-UBND: five articles state its issuer, one of them and a sixth its signer."""
    g = Graph()
    g.add_node(Node("Body", "ubnd|tỉnh|quảng trị", {"name": "UBND tỉnh Quảng Trị", "aliases": [],
                                                     "search": strip_accents("UBND tỉnh Quảng Trị")}))
    g.add_node(Node("Person", "hà sỹ đồng", {"name": "Hà Sỹ Đồng", "aliases": [], "titles": [],
                                             "search": strip_accents("Hà Sỹ Đồng")}))
    g.add_node(Node("Document", "05/kh-ubnd|quảng trị|2024", {"number": "05/KH-UBND", "type": "Kế hoạch",
                                                               "year": 2024, "search": "05/kh-ubnd", "aliases": []}))
    for i in range(6):
        g.add_node(Node("Article", f"a{i}", {"name": f"Bài {i}", "title": f"Bài {i}", "url": f"https://bao.vn/a{i}",
                                              "published": "2024-01-0{}".format(i + 1), "authors": []}))
    g.add_edge(Edge("ISSUED", BODY, DOC, {"basis": ["stated"]},
                    [Evidence(f"a{i}", s, 0, len(s)) for i, s in enumerate(ISSUED)]))
    g.add_edge(Edge("SIGNED", PERSON, DOC, {}, [Evidence("a0", ISSUED[0], 0, len(ISSUED[0])),  # one sentence, two facts
                                                 Evidence("a5", SIGNED, 0, len(SIGNED))]))
    return g


@pytest.fixture(scope="module")
def busy_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from helpers import stored_db

    return stored_db(tmp_path_factory, "busy-plan", busy_plan())


@pytest.fixture
def store(busy_db: str):
    from graph.embedded import EmbeddedStore

    with EmbeddedStore(busy_db, create=False) as opened:
        yield opened


def test_the_pack_gives_the_issued_and_the_signed_evidence(store):
    rows = run_query(store, "who-issued", {"number": "05/KH-UBND"})
    sentences = [e["sentence"] for r in rows for e in decode_evidence(r["evidence"])]
    assert set(sentences) == {*ISSUED, SIGNED}


def test_each_document_gets_its_first_sentences_and_counts_them_all(store):
    rows = lookup.who_issued(store, "05/ kh-ubnd")
    assert [r["sentence"] for r in rows] == ISSUED[:lookup.EVIDENCE_PER_DOCUMENT]
    assert {r["sentences"] for r in rows} == {6}  # five stated, one more signed: the shared one once
    assert lookup.evidence_cut(rows) == (lookup.EVIDENCE_PER_DOCUMENT, 6)
    every = lookup.who_issued(store, "05/KH-UBND", evidence=None)
    assert [r["sentence"] for r in every] == [*ISSUED, SIGNED]
    assert lookup.evidence_cut(every) == (6, 6)
    assert every[0]["article"] == "Bài 0" and every[0]["source"] == "https://bao.vn/a0"


def test_a_number_not_stored_still_suggests_the_close_one(store):
    with pytest.raises(lookup.NotFound) as info:
        lookup.who_issued(store, "05/KH-UBNN")
    assert "05/KH-UBND" in info.value.suggestions


def test_the_command_says_what_it_left_out_and_shows_all_on_request(busy_db: str):
    runner = CliRunner(env={"COLUMNS": "300"})
    table = runner.invoke(app, ["who-issued", "05/KH-UBND", "--db", busy_db])
    assert table.exit_code == 0, table.output
    assert "and 3 more evidence sentences (--all-evidence shows them)" in table.stdout
    assert "evidence cut: 3 of 6 sentences shown" in " ".join(table.stderr.split())
    every = runner.invoke(app, ["who-issued", "05/KH-UBND", "--all-evidence", "-f", "json", "--db", busy_db])
    assert every.exit_code == 0 and "evidence cut" not in every.stderr
    assert [r["sentence"] for r in json.loads(every.stdout)] == [*ISSUED, SIGNED]


def test_who_signed_is_bounded_the_same_way(store):
    rows = lookup.who_signed(store, "05/KH-UBND", evidence=1)
    assert [(r["signer"], r["sentence"], r["sentences"]) for r in rows] == [("Hà Sỹ Đồng", ISSUED[0], 2)]
    assert lookup.evidence_cut(rows) == (1, 2)
    every = lookup.who_signed(store, "05/KH-UBND", evidence=None)
    assert [r["sentence"] for r in every] == [ISSUED[0], SIGNED]
