"""The question commands end to end: `graph query/cypher/who-issued/who-signed/person/body/
path/search` through Typer's CliRunner against an embedded store on disk (``query_db``: the
examples graph plus the query supplement), and the README kept in step with the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from cli import app
from queries.packs import load_packs

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def graph(query_db: str):
    """Invoke ``graph ARGS... --db query_db``; returns the Click result."""
    runner = CliRunner(env={"COLUMNS": "400"})  # tables as wide as their rows, nothing folded

    def invoke(*args: str):
        return runner.invoke(app, [*args, "--db", query_db])

    return invoke


def _json(result) -> object:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# -- query and cypher --------------------------------------------------------------------------
def test_query_list_names_every_pack_query_with_one_line(graph):
    result = graph("query", "--list", "--format", "json")
    listed = _json(result)
    assert [q["name"] for q in listed] == list(load_packs())
    assert all(q["answers"] and "\n" not in q["answers"] for q in listed)


def test_query_runs_a_pack_query_with_typed_params(graph):
    rows = _json(graph("query", "documents-by-body", "--param", "body=UBND TP Hà Nội", "--param", "year=2024",
                       "--format", "json"))
    assert [r["number"] for r in rows] == ["991/QĐ-UBND"]


def test_query_decodes_evidence_for_json_and_shows_sentences_in_tables(graph):
    rows = _json(graph("query", "who-issued", "-p", "number=143-kl/tu", "-f", "json"))
    assert rows[0]["issued_by"] == "Thành ủy Hà Nội"
    assert {"article", "sentence", "start", "end"} <= set(rows[0]["evidence"][0])
    table = graph("query", "who-issued", "-p", "number=143-KL/TU")
    assert table.exit_code == 0 and "143-KL/TU" in table.stdout and '"article"' not in table.stdout


def test_query_show_prints_the_header_and_cypher(graph):
    result = graph("query", "who-issued", "--show")
    assert result.exit_code == 0
    assert '// :param number => "143-KL/TU"' in result.stdout
    assert "MATCH (d:Document {number: $number})" in result.stdout


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["query", "who-isued"], 2, "did you mean who-issued"),
        (["query", "who-issued"], 2, "needs --param number="),
        (["query", "who-issued", "-p", "nmber=1"], 2, "takes no parameter nmber"),
        (["query", "who-issued", "-p", "143-KL/TU"], 2, "expects key=value"),
        (["query", "person-positions", "-p", "name=Chu Ngoc Ang"], 1, "did you mean name=Chu Ngọc Anh"),
        (["query"], 2, "--list"),
    ],
)
def test_query_errors_are_clear(graph, args, code, message):
    result = graph(*args)
    assert result.exit_code == code
    assert message in " ".join(result.stderr.split())


def test_cypher_reads_with_parameters(graph):
    rows = _json(graph("cypher", "MATCH (d:Document {number: $n})<-[:SIGNED]-(p) RETURN p.name AS name",
                       "--param", "n=143-KL/TU", "--format", "json"))
    assert rows == [{"name": "Nguyễn Thị Tuyến"}]


def test_cypher_refuses_to_write_without_write_flag(graph):
    before = _json(graph("cypher", "MATCH (n) RETURN count(n) AS n", "-f", "json"))
    result = graph("cypher", "CREATE (p:Person {key: 'intruder', name: 'Intruder'}) RETURN p.name AS name")
    assert result.exit_code == 2
    assert "error" in result.stderr
    assert _json(graph("cypher", "MATCH (n) RETURN count(n) AS n", "-f", "json")) == before
    assert graph("cypher", "MATCH (p:Person {key: 'intruder'}) RETURN p.name AS name").exit_code == 1


def test_cypher_writes_with_write_flag(tmp_path):
    from graph.embedded import EmbeddedStore

    db = str(tmp_path / "db")
    EmbeddedStore(db).close()
    runner = CliRunner()
    made = runner.invoke(app, ["cypher", "CREATE (e:Event {key: $k, name: $k}) RETURN e.name AS name",
                               "-p", "k=họp thử", "--write", "--db", db, "-f", "json"])
    assert made.exit_code == 0, made.output
    assert json.loads(made.stdout) == [{"name": "họp thử"}]
    found = runner.invoke(app, ["cypher", "MATCH (e:Event) RETURN e.name AS name", "--db", db, "-f", "json"])
    assert json.loads(found.stdout) == [{"name": "họp thử"}]


def test_cypher_shows_node_labels_ids_and_relationship_types(graph):
    rows = _json(graph("cypher", "MATCH (p:Person {name: $n})-[s:SIGNED]->(d:Document) RETURN p, s LIMIT 1",
                       "-p", "n=Nguyễn Thị Tuyến", "-f", "json"))
    assert rows[0]["p"]["labels"] == ["Person"] and rows[0]["p"]["id"] == "Person:nguyễn thị tuyến"
    assert rows[0]["s"]["type"] == "SIGNED" and rows[0]["s"]["start"] == "Person:nguyễn thị tuyến"
    table = graph("cypher", "MATCH (p:Person {name: $n}) RETURN p", "-p", "n=Nguyễn Thị Tuyến")
    assert '"labels": ["Person"]' in table.stdout


def test_a_cypher_syntax_error_is_bad_input(graph):
    result = graph("cypher", "MATCH (n RETURN n")
    assert result.exit_code == 2 and "error" in result.stderr


# -- the question commands ---------------------------------------------------------------------
def test_who_issued_shows_body_signer_type_date_evidence_and_article(graph):
    result = graph("who-issued", "143-kl/tu")
    assert result.exit_code == 0, result.output
    for expected in ("143-KL/TU", "Kết luận", "Thành ủy Hà Nội", "Nguyễn Thị Tuyến", "ký ban hành",
                     "001_c872be74d7b7b5f5.txt"):
        assert expected in result.stdout
    rows = _json(graph("who-issued", "143-KL/TU", "--format", "json"))
    assert {"number", "type", "date", "issued_by", "signed_by", "sentence", "article", "source"} <= set(rows[0])


def test_who_issued_as_csv(graph):
    result = graph("who-issued", "143-KL/TU", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["issued_by"] == "Thành ủy Hà Nội"
    assert rows[0]["signed_by"] == "Nguyễn Thị Tuyến"


def test_who_issued_unknown_number_exits_1_with_a_suggestion(graph):
    result = graph("who-issued", "143-KL/TX")
    assert result.exit_code == 1
    assert "did you mean 143-KL/TU?" in " ".join(result.stderr.split())
    assert result.stdout == ""


def test_who_signed(graph):
    rows = _json(graph("who-signed", "84/kh-ubnd", "-f", "json"))
    assert {r["signer"] for r in rows} == {"Chu Ngọc Anh"}
    assert any("84/KH-UBND" in r["sentence"] for r in rows)


def test_person_profile_from_unaccented_name(graph):
    result = graph("person", "Chu Ngoc Anh")
    assert result.exit_code == 0, result.output
    for expected in ("Chu Ngọc Anh", "UBND TP Hà Nội", "Thành ủy Hà Nội", "Phó Bí thư", "84/KH-UBND"):
        assert expected in result.stdout
    profile = _json(graph("person", "chu ngọc anh", "-f", "json"))
    assert set(profile) == {"person", "career", "positions", "documents", "timeline"}


def test_person_profile_as_csv_has_a_section_column(graph):
    result = graph("person", "Chu Ngọc Anh", "-f", "csv")
    sections = {r["section"] for r in csv.DictReader(io.StringIO(result.stdout))}
    assert {"person", "positions", "documents"} <= sections


def test_body_profile(graph):
    profile = _json(graph("body", "UBND TP Ha Noi", "-f", "json"))
    assert profile["body"][0]["name"] == "UBND TP Hà Nội"
    assert "Chu Ngọc Anh" in [r["name"] for r in profile["heads"]]
    assert "84/KH-UBND" in [r["number"] for r in profile["documents"]]
    assert "991/QĐ-UBND" in [r["assigned_by"] for r in profile["tasks"]]


def test_path(graph):
    steps = _json(graph("path", "Nguyễn Thị Tuyến", "Chu Ngoc Anh", "-f", "json"))
    assert [s["to"] for s in steps] == ["Thành ủy Hà Nội", "Chu Ngọc Anh"]
    assert graph("path", "Chu Ngọc Anh", "Chu Ngọc Anh").exit_code == 2


def test_search_accent_insensitive(graph):
    rows = _json(graph("search", "Chu Ngoc Anh", "-f", "json"))
    assert {"kind": "Person", "name": "Chu Ngọc Anh"}.items() <= rows[0].items()
    result = graph("search", "zzqx")
    assert result.exit_code == 1 and "nothing matches" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["who-issued", '143-KL/TU"}) DETACH DELETE d //'],
        ["person", "x'}) MATCH (n) DETACH DELETE n //"],
        ["body", "{name: $body}"],
        ["search", "' OR 1=1 OR '"],
        ["query", "who-signed", "-p", 'number=143-KL/TU"}) DETACH DELETE d RETURN 1 AS x //'],
    ],
)
def test_hostile_arguments_are_only_data(graph, args):
    before = _json(graph("cypher", "MATCH (n) RETURN count(n) AS n", "-f", "json"))
    result = graph(*args)
    assert result.exit_code == 1, result.output
    assert _json(graph("cypher", "MATCH (n) RETURN count(n) AS n", "-f", "json")) == before


def test_unknown_format_is_bad_input(graph):
    result = graph("search", "ngoc", "--format", "xml")
    assert result.exit_code == 2


# -- the README follows the CLI ----------------------------------------------------------------
def _commands() -> list[str]:
    return sorted(get_command(app).commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented_in_the_readme(command: str):
    # inline (`graph who-issued ...`) or as a line of an example block (graph ingest ..., $ graph ...)
    pattern = rf"(`|^\$ |^)graph {re.escape(command)}(\s|`|$)"
    documented = re.search(pattern, README.read_text(encoding="utf-8"), re.MULTILINE) is not None
    assert documented, f"`graph {command}` is not documented in README.md"
