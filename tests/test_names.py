"""Names are found one way everywhere (issue 9, point 6), and documents that share a number are
answered one by one (point 3). Invented articles: two provinces' 143-KL/TU, their issuers,
signers and sentences."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from graph.model import Edge, Evidence, Graph, Node
from graph.names import AmbiguousName, Candidate, NameNotFound, find, fold, suggest
from ingest.normalize import key, strip_accents

HN_SENTENCE = "Phó Bí thư Thường trực Thành ủy Hà Nội Nguyễn Thị Tuyến đã ký ban hành kết luận số 143-KL/TU."
BN_SENTENCE = "Phó Bí thư Tỉnh ủy Bắc Ninh Lê Quang Chính đã ký ban hành kết luận số 143-KL/TU."


def two_documents_one_number() -> Graph:
    """143-KL/TU of Thành ủy Hà Nội (2022) and of Tỉnh ủy Bắc Ninh (2021), each with its
    issuer, its signer and its own article; plus the bodies and people the name tests use."""
    g = Graph()

    def person(name: str) -> str:
        return g.add_node(Node("Person", key(name), {"name": name, "aliases": [], "titles": [],
                                                     "search": strip_accents(name)}))

    def body(node_key: str, name: str, *aliases: str) -> str:
        return g.add_node(Node("Body", node_key, {"name": name, "aliases": list(aliases),
                                                  "search": strip_accents(name)}))

    def article(node_key: str, title: str) -> str:
        g.add_node(Node("Article", node_key, {"name": title, "title": title, "url": f"https://bao.vn/{node_key}",
                                              "published": "2022-01-01", "authors": []}))
        return node_key

    def fact(rel: str, src: str, dst: str, art: str, sentence: str) -> None:
        g.add_edge(Edge(rel, src, dst, {}, [Evidence(art, sentence, 0, len(sentence))]))

    tuyen, chinh = person("Nguyễn Thị Tuyến"), person("Lê Quang Chính")
    person("Nguyễn Văn Mầu")
    person("Nguyễn Văn Mẫu")
    hn = body("thành ủy|thành phố|hà nội", "Thành ủy Hà Nội")
    bn = body("tỉnh ủy|tỉnh|bắc ninh", "Tỉnh ủy Bắc Ninh")
    body("ubnd|thành phố|hà nội", "UBND TP Hà Nội", "Ủy ban nhân dân thành phố Hà Nội")
    kl_hn = g.add_node(Node("Document", "143-kl/tu|hà nội|2022", {"number": "143-KL/TU", "type": "Kết luận",
                                                                  "year": 2022, "search": "143-kl/tu", "aliases": []}))
    kl_bn = g.add_node(Node("Document", "143-kl/tu|bắc ninh|2021", {"number": "143-KL/TU", "type": "Kết luận",
                                                                    "year": 2021, "search": "143-kl/tu", "aliases": []}))
    a_hn, a_bn = article("hn", "Hà Nội ban hành Kết luận 143"), article("bn", "Bắc Ninh ban hành Kết luận 143")
    fact("ISSUED", hn, kl_hn, a_hn, HN_SENTENCE)
    fact("SIGNED", tuyen, kl_hn, a_hn, HN_SENTENCE)
    fact("ISSUED", bn, kl_bn, a_bn, BN_SENTENCE)
    fact("SIGNED", chinh, kl_bn, a_bn, BN_SENTENCE)
    return g


@pytest.fixture(scope="module")
def shared_number_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from helpers import stored_db

    return stored_db(tmp_path_factory, "shared-number", two_documents_one_number())


@pytest.fixture(scope="module")
def graph(shared_number_db: str):
    runner = CliRunner(env={"COLUMNS": "400"})
    return lambda *args: runner.invoke(app, [*args, "--db", shared_number_db])


# -- point 3: one answer per document ----------------------------------------------------------
def test_who_issued_answers_each_document_with_its_own_evidence(graph):
    result = graph("who-issued", "143-KL/TU", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    by_document = {}
    for r in rows:
        by_document.setdefault(r["document"], []).append(r)
    assert set(by_document) == {"143-kl/tu|hà nội|2022", "143-kl/tu|bắc ninh|2021"}
    hn, bn = by_document["143-kl/tu|hà nội|2022"], by_document["143-kl/tu|bắc ninh|2021"]
    assert {(r["issued_by"], tuple(r["signed_by"]), r["year"]) for r in hn} == {("Thành ủy Hà Nội", ("Nguyễn Thị Tuyến",), 2022)}
    assert {(r["issued_by"], tuple(r["signed_by"]), r["year"]) for r in bn} == {("Tỉnh ủy Bắc Ninh", ("Lê Quang Chính",), 2021)}
    assert {r["sentence"] for r in hn} == {HN_SENTENCE}  # never the other province's sentence
    assert {r["sentence"] for r in bn} == {BN_SENTENCE}
    assert [r["year"] for r in rows] == sorted(r["year"] for r in rows)  # grouped by year


def test_who_issued_table_and_csv_label_each_document_by_issuer_and_year(graph):
    table = graph("who-issued", "143-KL/TU")
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    bn = next(i for i, ln in enumerate(lines) if ln.startswith("143-KL/TU (Kết luận, 2021): issued by Tỉnh ủy Bắc Ninh"))
    hn = next(i for i, ln in enumerate(lines) if ln.startswith("143-KL/TU (Kết luận, 2022): issued by Thành ủy Hà Nội"))
    assert "signed by Lê Quang Chính" in lines[bn] and "signed by Nguyễn Thị Tuyến" in lines[hn]
    between = "\n".join(lines[bn:hn])
    assert "Lê Quang Chính đã ký" in between and "Nguyễn Thị Tuyến đã ký" not in between
    assert "2 documents are numbered 143-KL/TU" in table.stderr
    rows = list(csv.DictReader(io.StringIO(graph("who-issued", "143-KL/TU", "-f", "csv").stdout)))
    pairs = {(r["issued_by"], r["signed_by"], r["sentence"]) for r in rows}
    assert pairs == {("Thành ủy Hà Nội", "Nguyễn Thị Tuyến", HN_SENTENCE), ("Tỉnh ủy Bắc Ninh", "Lê Quang Chính", BN_SENTENCE)}


def test_who_signed_answers_each_document(graph):
    rows = json.loads(graph("who-signed", "143-kl/tu", "-f", "json").stdout)
    assert {(r["document"], r["signer"], r["sentence"]) for r in rows} == {
        ("143-kl/tu|bắc ninh|2021", "Lê Quang Chính", BN_SENTENCE),
        ("143-kl/tu|hà nội|2022", "Nguyễn Thị Tuyến", HN_SENTENCE),
    }


# -- point 6: one resolver ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["person", "Tuyến"],  # a unique part of a name
        ["person", "tuyen"],
        ["body", "UBND thành phố Hà Nội"],  # abbreviation half written out
        ["body", "uy ban nhan dan tp ha noi"],
        ["body", "thanh uy ha noi"],
        ["query", "documents-by-body", "--param", "body=thanh uy ha noi"],
        ["query", "documents-signed-by", "--param", "name=tuyến"],
    ],
)
def test_every_command_finds_names_the_same_way(graph, args):
    result = graph(*args)
    assert result.exit_code == 0, result.output


def test_ambiguity_lists_candidates_and_exits_2(graph):
    result = graph("person", "Nguyễn")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "Nguyễn Thị Tuyến" in message and "Nguyễn Văn Mầu" in message and "Nguyễn Văn Mẫu" in message
    assert graph("query", "documents-signed-by", "--param", "name=nguyen van mau").exit_code == 2


def test_a_single_unknown_word_gets_suggestions(graph):
    result = graph("person", "Tuyen2")
    assert result.exit_code == 1
    assert "did you mean Nguyễn Thị Tuyến" in " ".join(result.stderr.split())


def test_view_focus_uses_the_same_resolver(graph, tmp_path: Path):
    out = tmp_path / "v.html"
    assert graph("view", "--focus", "Tuyến", "-o", str(out)).exit_code == 0
    both = graph("view", "--focus", "143-KL/TU", "-o", str(out))
    assert both.exit_code == 2 and "Document:143-kl/tu|bắc ninh|2021" in " ".join(both.stderr.split())


def _c(name: str, *aliases: str) -> Candidate:
    return Candidate(name, "Body", name, (name,), aliases)


def test_fold_writes_out_short_forms_and_drops_accents_and_case():
    assert fold("UBND TP. Hà Nội") == fold("Ủy ban nhân dân thành phố Ha Noi") == "uy ban nhan dan thanh pho ha noi"
    assert fold("HĐND tỉnh") == fold("hội đồng nhân dân Tỉnh")


def test_find_tiers_exact_before_partial_and_own_names_before_aliases():
    pool = [_c("Thành ủy Hà Nội"), _c("Ban Thường vụ Thành ủy Hà Nội"), _c("UBND TP Hà Nội", "Thành ủy")]
    assert find("thành ủy hà nội", pool).id == "Thành ủy Hà Nội"  # exact beats the longer name
    assert find("Thành ủy", pool).id == "UBND TP Hà Nội"  # an exact alias beats partial own names
    with pytest.raises(AmbiguousName) as exc:
        find("Hà Nội", pool)
    assert len(exc.value.candidates) == 3
    with pytest.raises(NameNotFound) as missing:
        find("Thanh uy Ha Noii", pool)
    assert "Thành ủy Hà Nội" in missing.value.suggestions


def test_suggest_compares_a_single_word_with_every_word():
    pool = [_c("Nguyễn Thị Tuyến"), _c("Chu Ngọc Anh")]
    assert suggest("Nguyen", pool) == ["Nguyễn Thị Tuyến"]
