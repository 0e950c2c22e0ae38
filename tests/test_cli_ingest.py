"""The user's first session, end to end through the CLI (Typer's CliRunner): ingest the
sample articles, ask who issued a document, ingest again and see nothing change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

runner = CliRunner()


def run(*args: str) -> "object":
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> str:
    path = str(tmp_path_factory.mktemp("cli-ingest") / "db")
    result = run("ingest", str(examples_dir), "--db", path)
    assert result.exit_code == 0, result.output
    assert "5 article(s) read, 5 loaded" in result.output
    return path


def counts(db: str) -> dict:
    result = run("stats", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_twice_changes_nothing(db: str, examples_dir: Path) -> None:
    before = counts(db)
    assert before["nodes"]["Person"] == 11 and before["nodes"]["Article"] == 5
    again = run("ingest", str(examples_dir), "--db", db)
    assert again.exit_code == 0 and "0 loaded, 5 unchanged" in again.output
    forced = run("ingest", str(examples_dir), "--db", db, "--force")
    assert forced.exit_code == 0 and "5 loaded" in forced.output
    assert counts(db) == before  # a forced re-extraction MERGEs onto the same nodes and facts


@pytest.mark.parametrize(
    "number, body, signer",
    [("143-KL/TU", "Thành ủy Hà Nội", "Nguyễn Thị Tuyến"), ("01/ NQ-CP", "Chính phủ", None), ("143-kl/tu", "Thành ủy Hà Nội", None)],
)
def test_who_issued(db: str, number: str, body: str, signer: str | None) -> None:
    result = run("who-issued", number, "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert body in text
    if signer:
        assert signer in text
        assert "đã ký ban hành kết luận số 143-KL/TU" in text  # the evidence sentence


def test_who_issued_unknown_number_exits_1_with_a_suggestion(db: str) -> None:
    result = run("who-issued", "143-KL/TW", "--db", db)
    assert result.exit_code == 1
    assert "143-KL/TU" in result.output


def test_extract_prints_one_line_per_article_and_touches_no_store(examples_dir: Path, tmp_path: Path) -> None:
    result = run("extract", str(examples_dir), "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 5
    for rec in lines:
        assert set(rec) == {"article", "nodes", "edges"}
        ids = {n["id"] for n in rec["nodes"]}
        assert all(e["source"] in ids and e["target"] in ids for e in rec["edges"])
        assert all(e["evidence"] for e in rec["edges"])
    assert not any(tmp_path.iterdir())


def test_a_bad_file_is_named_and_the_run_goes_on(tmp_path: Path, examples_dir: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text((examples_dir / "000_f19c0833ede52544.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\xff\xfe\x00garbage")
    result = run("ingest", str(src), "--db", str(tmp_path / "db"))
    assert result.exit_code == 2  # an input failed: scripts must see it, after the rest is loaded
    assert "bad.txt" in result.output and "not UTF-8" in result.output
    assert "1 article(s) read, 1 loaded" in result.output


def test_questions_to_a_store_that_does_not_exist_exit_3_and_create_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = run("stats", "--db", str(missing))
    assert result.exit_code == 3
    assert "no graph store" in result.output
    assert not missing.exists()


def test_every_command_has_help() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "extract", "stats", "who-issued", "export", "view", "query", "push"):
        assert command in result.output


def test_an_article_that_breaks_a_rule_is_reported_and_the_others_go_on(
    tmp_path: Path, examples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.api

    real = ingest.api.extract_article

    def fragile(article, decisions=None):  # noqa: ANN001, ANN202
        if article.path and article.path.endswith("000_f19c0833ede52544.txt"):
            raise IndexError("a rule fell off the end of a sentence")
        return real(article, decisions)

    monkeypatch.setattr(ingest.api, "extract_article", fragile)
    extracted = run("extract", str(examples_dir))
    assert extracted.exit_code == 2 and len(extracted.stdout.splitlines()) == 4  # one input failed
    assert "000_f19c0833ede52544.txt: extraction failed (IndexError" in extracted.output
    db = str(tmp_path / "db")
    loaded = run("ingest", str(examples_dir), "--db", db)
    assert loaded.exit_code == 2 and "5 article(s) read, 4 loaded" in loaded.output
    monkeypatch.setattr(ingest.api, "extract_article", real)
    again = run("ingest", str(examples_dir), "--db", db)  # the failed one was not marked stored
    assert "1 loaded, 4 unchanged" in again.output
