"""The fault matrix, store side (issue 11): failed inputs, bad settings, corruption, a full
disk, hostile values on the terminal, Cypher that reaches for files, Bolt faults.

Every case asserts the exit code, the message, and the store afterwards: its counts, or its
whole export compared with a clean run of the same inputs. The clean run is made once (the
five sample articles, ingested through the CLI); cases that change a store work on a copy.
(Ctrl-C, SIGTERM and kill -9 are in test_faults_signals.py.)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

REPO = Path(__file__).resolve().parents[1]
ENV = {"GRAPH_CONFIG": "/nonexistent", "COLUMNS": "200"}


def graph(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env={**ENV, **(env or {})}).invoke(app, list(args))


def canonical(export_json: str) -> tuple[list[str], list[str]]:
    """An export with its order taken out (stores list records in storage order)."""
    data = json.loads(export_json)
    return (sorted(json.dumps(n, sort_keys=True, ensure_ascii=False) for n in data["nodes"]),
            sorted(json.dumps(e, sort_keys=True, ensure_ascii=False) for e in data["edges"]))


def export(db: Path) -> tuple[list[str], list[str]]:
    result = graph("export", "--db", str(db))
    assert result.exit_code == 0, result.output
    return canonical(result.stdout)


def files(db: Path) -> dict[str, bytes]:
    """The store's files byte for byte: for cases that must not even open it."""
    return {p.name: p.read_bytes() for p in sorted(db.iterdir())}


def counts(db: Path) -> dict:
    result = graph("stats", "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def clean_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """The five sample articles, ingested once: the reference every case compares with."""
    db = tmp_path_factory.mktemp("faults-clean") / "db"
    result = graph("ingest", str(examples_dir), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def clean(clean_db: Path) -> tuple[list[str], list[str]]:
    return export(clean_db)


@pytest.fixture
def db(clean_db: Path, tmp_path: Path) -> Path:
    """A copy of the clean store for a case to change (the store is a closed directory)."""
    copy = tmp_path / "db"
    shutil.copytree(clean_db, copy)
    return copy


# -- inputs that fail ---------------------------------------------------------------------------
def test_a_missing_input_is_exit_2_after_loading_the_rest(tmp_path: Path, examples_dir: Path, clean) -> None:
    fresh = tmp_path / "fresh"
    result = graph("ingest", str(examples_dir), str(tmp_path / "missing.txt"), "--db", str(fresh))
    assert result.exit_code == 2
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in result.output
    assert "5 article(s) read, 5 loaded, 0 unchanged, 1 error(s)" in result.output
    assert export(fresh) == clean


def test_a_feed_with_bad_records_loads_every_good_one(db: Path, tmp_path: Path) -> None:
    sentence = "Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung đã ký Quyết định số {n}/QĐ-UBND."
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        json.dumps({"text": sentence.format(n=1), "published": 20200101}),
        json.dumps({"text": sentence.format(n=2), "published": ["2020"]}),
        "{broken",
        json.dumps({"text": sentence.format(n=3), "date": 1577836800}),
    ]) + "\n", encoding="utf-8")
    before = counts(db)
    result = graph("ingest", str(feed), "--db", str(db))
    assert result.exit_code == 2  # the broken line
    assert f"{feed}:3: invalid JSON" in result.output and f"{feed}:2: field 'published' is not a date" in result.output
    after = counts(db)
    assert after["nodes"]["Article"] == before["nodes"]["Article"] + 3
    assert after["relationships"]["SIGNED"] == before["relationships"]["SIGNED"] + 3
    check = graph("check", "--db", str(db))
    assert check.exit_code == 0, check.output


def test_an_oversized_article_leaves_the_others_whole(db: Path, tmp_path: Path, examples_dir: Path, clean,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest import limits

    monkeypatch.setenv("GRAPH_LIMIT_MAX_FACTS_PER_SENTENCE", "10")  # the sample articles stay under it
    limits.limits.cache_clear()
    people = [f"{s} {m} {g}" for s in ("Lò", "Vi", "Hà") for m in ("Văn", "Thị", "Đức")
              for g in ("Pao", "Sinh", "Tới", "Nọi")]
    listing = "Danh sách gồm: " + ", ".join(f"Phó Chủ tịch UBND tỉnh Lai Châu {p}" for p in people) + "."
    big = tmp_path / "big.txt"
    big.write_text("Danh sách cán bộ\n\n" + listing, encoding="utf-8")
    try:
        result = graph("ingest", str(examples_dir), str(big), "--db", str(db), "--force")  # one run, as in the report
    finally:
        limits.limits.cache_clear()
    assert result.exit_code == 0, result.output
    assert re.search(rf"{re.escape(str(big))}: sentence at characters [\d,-]+ states 3\d facts: kept the first 10",
                     result.output)
    assert f"{big}: 1 sentence(s) over 1,000 characters" in result.output
    nodes, edges = export(db)
    assert set(clean[0]) <= set(nodes) and set(clean[1]) <= set(edges)  # every other fact exactly as in a clean run
    grown = [json.loads(e) for e in edges if e not in set(clean[1])]
    assert sum(e["type"] == "HOLDS" for e in grown) == 10
    assert max(len(ev["sentence"]) for e in grown for ev in e.get("evidence", [])) < 400 < len(listing)


# -- settings and options: checked once, one line, nothing touched -----------------------------
@pytest.mark.parametrize("args, env, message", [
    (["--batch-size", "0"], {}, "--batch-size=0 must be a whole number of 1 or more"),
    (["--batch-size", "-3"], {}, "--batch-size=-3 must be a whole number of 1 or more"),
    (["--jobs", "0"], {}, "--jobs=0 must be a whole number of 1 or more"),
    ([], {"GRAPH_BATCH_SIZE": "abc"}, "GRAPH_BATCH_SIZE='abc' must be a whole number of 1 or more"),
    ([], {"GRAPH_BATCH_SIZE": "-1"}, "GRAPH_BATCH_SIZE='-1' must be a whole number of 1 or more"),
    ([], {"GRAPH_HEAP": "lots"}, "GRAPH_HEAP='lots' must be a size such as 512m or 2g"),
    ([], {"GRAPH_LIMIT_MAX_FACTS_PER_SENTENCE": "many"}, "GRAPH_LIMIT_MAX_FACTS_PER_SENTENCE='many' must be"),
])
def test_bad_settings_stop_ingest_before_it_starts(db: Path, examples_dir: Path, args: list[str],
                                                    env: dict[str, str], message: str) -> None:
    from ingest import limits

    before = files(db)
    limits.limits.cache_clear()
    try:
        result = graph("ingest", str(examples_dir), "--db", str(db), "--force", *args, env=env)
    finally:
        limits.limits.cache_clear()
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {message}" or message in result.output.strip()
    assert len(result.output.strip().splitlines()) == 1
    assert files(db) == before  # not even opened


@pytest.mark.parametrize("env", [{"GRAPH_BATCH_SIZE": "abc"}, {"GRAPH_BATCH_SIZE": "0"}])
def test_push_with_a_bad_batch_size_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    result = graph("push", "--db", str(tmp_path / "db"), "--uri", "bolt://127.0.0.1:1", env=env)
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "GRAPH_BATCH_SIZE=" in result.output and not (tmp_path / "db").exists()


def test_a_bad_config_file_is_one_line(tmp_path: Path, clean_db: Path) -> None:
    bad = tmp_path / "graph.toml"
    bad.write_text("batch_size = [\n", encoding="utf-8")
    result = graph("stats", "--db", str(clean_db), env={"GRAPH_CONFIG": str(bad)})
    assert result.exit_code == 2 and f"config file {bad}" in result.output
    wrong = tmp_path / "wrong.toml"
    wrong.write_text("batch_size = 0\n", encoding="utf-8")
    from graph.config import _file_settings

    _file_settings.cache_clear()
    result = graph("stats", "--db", str(clean_db), env={"GRAPH_CONFIG": str(wrong)})
    assert result.exit_code == 2 and f"batch_size in {wrong}=0 must be a whole number" in result.output


@pytest.mark.parametrize("heap, said", [("1m", "heap 1m is too small"), ("999999g", "is more than this machine's memory")])
def test_an_unusable_heap_is_exit_3_in_one_line(heap: str, said: str, clean_db: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "cli", "stats", "--db", str(clean_db)], capture_output=True, text=True,
                         cwd=REPO, timeout=60, env={**os.environ, **ENV, "GRAPH_HEAP": heap})
    assert run.returncode == 3
    assert said in run.stderr and len(run.stderr.strip().splitlines()) == 1 and not run.stdout


@pytest.mark.parametrize("args, message", [
    (["analyze", "--top", "-1"], "--top=-1 must be a whole number of 1 or more"),
    (["view", "-o", "v.html", "--depth", "-1"], "--depth must be 0 or more"),
    (["view", "-o", "v.html", "--max-nodes", "0"], "--max-nodes must be 1 or more"),
])
def test_other_numeric_options_are_one_line(args: list[str], message: str, clean_db: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = graph(*args, "--db", str(clean_db))
    assert result.exit_code == 2 and result.output.strip() == f"error: {message}"


@pytest.mark.parametrize("args, message", [
    (["--since", "2020-13"], "'2020-13' is not a date: no such month"),
    (["--since", "2020-02-31"], "'2020-02-31' is not a date: no such day"),
    (["--since", "2021", "--until", "2020-05"], "--since 2021 is after --until 2020-05"),
    (["--since", "yesterday"], "is not a date"),
])
def test_view_refuses_impossible_periods(args: list[str], message: str, tmp_path: Path) -> None:
    result = graph("view", "-o", str(tmp_path / "v.html"), "--db", str(tmp_path / "none"), *args)
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "v.html").exists() and not (tmp_path / "none").exists()


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("x"), "is a file, not a graph store directory"),
    (lambda p: (p.mkdir(), (p / "holiday.jpg").write_bytes(b"x")), "is not a graph store: the directory holds other files"),
])
def test_a_store_path_that_is_no_store_is_refused_untouched(tmp_path: Path, make, message: str) -> None:  # noqa: ANN001
    target = tmp_path / "target"
    make(target)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = graph("ingest", str(REPO / "examples" / "000_f19c0833ede52544.txt"), "--db", str(target))
    assert result.exit_code == 3 and message in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


# -- corruption -----------------------------------------------------------------------------------
def truncate_holds(db: Path) -> int:
    """Empty the HOLDS bucket file; returns how many HOLDS the store held."""
    held = counts(db)["relationships"]["HOLDS"]
    assert held > 0
    (bucket,) = db.glob("HOLDS_0.*.bucket")
    bucket.write_bytes(b"")
    return held


def test_a_truncated_relationship_file_is_found_and_repaired(db: Path, examples_dir: Path, clean) -> None:
    held = truncate_holds(db)
    assert counts(db)["relationships"]["HOLDS"] == held  # the store's own count does not see it: that is the trap
    found = graph("check", "--db", str(db))
    assert found.exit_code == 1
    assert f"HOLDS: the store counts {held}, 0 can be read" in found.output and "graph check --repair" in found.output
    repaired = graph("check", "--db", str(db), "--repair")
    assert repaired.exit_code == 0 and "damaged copy kept in" in repaired.output
    assert len(list(db.parent.glob("db.damaged-*"))) == 1
    again = graph("ingest", str(examples_dir), "--db", str(db))
    assert again.exit_code == 0 and "5 loaded" in again.output  # nothing was taken as already stored
    assert graph("check", "--db", str(db)).exit_code == 0
    assert export(db) == clean


def test_ingest_force_repairs_a_damaged_store(db: Path, examples_dir: Path, clean) -> None:
    held = truncate_holds(db)
    forced = graph("ingest", str(examples_dir), "--db", str(db), "--force")
    assert forced.exit_code == 0, forced.output
    assert f"HOLDS: the store counts {held}, 0 can be read" in forced.output and "rebuilt the damaged store" in forced.output
    assert graph("check", "--db", str(db)).exit_code == 0
    assert export(db) == clean


def test_check_finds_unreadable_provenance_and_missing_mentions(db: Path) -> None:
    from graph.embedded import EmbeddedStore

    with EmbeddedStore(db) as store:
        store.write("MATCH ()-[e:SIGNED]->() SET e.evidence = ['not json']")
        store.write("MATCH (a:Article)-[m:MENTIONS]->(:Document) DELETE m")
    result = graph("check", "--db", str(db), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert not report["ok"]
    assert any("unreadable evidence 'not json'" in p for p in report["problems"]["provenance"])
    assert any("not among its MENTIONS" in p for p in report["problems"]["article"])


def test_check_on_a_clean_store(clean_db: Path) -> None:
    result = graph("check", "--db", str(clean_db))
    assert result.exit_code == 0 and "is consistent" in result.output


# -- a full disk ----------------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path):
    """A 16 MB tmpfs (root only: mounting needs it)."""
    if os.geteuid() != 0:
        pytest.skip("disk-full case needs root to mount a small tmpfs; not running as root")
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True, text=True)
    if made.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_exit_3_with_path_and_free_space_and_a_rerun_completes(small_disk: Path, examples_dir: Path,
                                                                             clean) -> None:
    db = small_disk / "db"
    first = graph("ingest", str(examples_dir / "000_f19c0833ede52544.txt"), "--db", str(db))
    assert first.exit_code == 0, first.output
    filler = small_disk / "filler"
    filler.write_bytes(bytes(shutil.disk_usage(small_disk).free - 64 * 1024))  # 64 KB left
    full = graph("ingest", str(examples_dir), "--db", str(db))
    assert full.exit_code == 3
    assert f"disk full: no space left for {db} (" in full.output and " free)" in full.output
    assert len(full.output.strip().splitlines()) == 1
    assert graph("check", "--db", str(db)).exit_code == 0  # what was stored is whole
    filler.unlink()
    again = graph("ingest", str(examples_dir), "--db", str(db))
    assert again.exit_code == 0 and "1 unchanged" in again.output, again.output
    assert graph("check", "--db", str(db)).exit_code == 0
    assert export(db) == clean


def test_a_full_disk_while_the_store_is_created_is_exit_3(small_disk: Path, examples_dir: Path) -> None:
    (small_disk / "filler").write_bytes(bytes(shutil.disk_usage(small_disk).free - 256 * 1024))
    result = graph("ingest", str(examples_dir), "--db", str(small_disk / "db"))
    assert result.exit_code == 3 and f"disk full: no space left for {small_disk / 'db'}" in result.output
    assert not (small_disk / "db").exists()


# -- what the terminal shows ---------------------------------------------------------------------
def test_escape_sequences_from_the_corpus_never_reach_the_terminal(tmp_path: Path) -> None:
    from graph.embedded import EmbeddedStore
    from graph.model import Edge, Evidence, Graph, Node

    hostile = "Ông \x1b[2J\x1b[31mNguyễn Văn Độc\x00 ký Quyết định 7/QĐ-UBND.\x9b"
    g = Graph()
    a = g.add_node(Node("Article", "evil", {"name": "\x1b]8;;http://x\x07tin\x1b]8;;\x07", "title": "tin"}))
    p = g.add_node(Node("Person", "nguyễn văn độc", {"name": "Nguyễn Văn \x1b[5mĐộc", "aliases": [], "titles": []}))
    d = g.add_node(Node("Document", "7/qđ-ubnd||", {"number": "7/QĐ-UBND", "search": "7/qđ-ubnd", "aliases": []}))
    g.add_edge(Edge("SIGNED", p, d, {}, [Evidence("evil", hostile, 0, len(hostile))]))
    b = g.add_node(Node("Body", "ubnd||", {"name": "UBND \x1b[8m", "aliases": [], "kind": "UBND"}))
    g.add_edge(Edge("ISSUED", b, d, {}, [Evidence("evil", hostile, 0, len(hostile))]))
    g.add_edge(Edge("MENTIONS", a, p, {}, []))
    db = tmp_path / "db"
    with EmbeddedStore(db) as store:
        store.setup()
        store.load(g)
    for command in ("who-signed", "who-issued"):
        for fmt in ("table", "json", "csv"):
            result = graph(command, "7/QĐ-UBND", "--db", str(db), "--format", fmt)
            assert result.exit_code == 0, result.output
            assert not any(c in result.output for c in "\x1b\x00\x9b\x07"), (command, fmt, result.output)
    table = graph("who-signed", "7/QĐ-UBND", "--db", str(db)).output
    assert "\\x1b[2J\\x1b[31m" in table  # shown, escaped: the reader sees what the text holds


# -- Cypher: read-only means no file or network access either ------------------------------------
@pytest.mark.parametrize("statement, refused", [
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV reads files or URLs"),
    ("load csv with headers from $url as row return row", "LOAD CSV reads files or URLs"),
    ("CALL apoc.load.json('http://example.org/x') YIELD value RETURN value", "procedure apoc.load.json"),
    ("CALL apoc.export.csv.all('/tmp/x.csv', {})", "procedure apoc.export.csv.all"),
])
@pytest.mark.parametrize("write", [False, True])
def test_cypher_refuses_file_access(clean_db: Path, clean, statement: str, refused: str, write: bool) -> None:
    result = graph("cypher", statement, "--db", str(clean_db), *(["--write"] if write else []))
    assert result.exit_code == 2 and refused in result.output
    assert "root:" not in result.output


def test_cypher_reads_csv_only_inside_allow_files(clean_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "names.csv").write_text("name\nNguyễn Thị Tuyến\n", encoding="utf-8")
    inside = graph("cypher", f"LOAD CSV WITH HEADERS FROM 'file://{folder}/names.csv' AS row RETURN row.name AS name",
                   "--db", str(clean_db), "--allow-files", str(folder), "--format", "json")
    assert inside.exit_code == 0, inside.output
    assert json.loads(inside.stdout) == [{"name": "Nguyễn Thị Tuyến"}]
    outside = graph("cypher", f"LOAD CSV FROM 'file://{folder}/../../../../etc/passwd' AS l RETURN l",
                    "--db", str(clean_db), "--allow-files", str(folder))
    assert outside.exit_code == 2 and "outside the --allow-files folder" in outside.output
    remote = graph("cypher", "LOAD CSV FROM 'https://example.org/a.csv' AS l RETURN l", "--db", str(clean_db),
                   "--allow-files", str(folder))
    assert remote.exit_code == 2 and "only file: URLs" in remote.output


def test_words_inside_strings_are_not_refused(clean_db: Path) -> None:
    result = graph("cypher", "MATCH (p:Person) WHERE p.name <> 'load csv from file' RETURN count(p) AS n",
                   "--db", str(clean_db), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == [{"n": counts(clean_db)["nodes"]["Person"]}]


def test_cypher_parameters_hold_against_injection(db: Path, clean) -> None:
    for value in ["x' OR 1=1 //", "') MATCH (n) DETACH DELETE n //", '"}) RETURN 1 //']:
        result = graph("cypher", "MATCH (p:Person) WHERE p.name = $n RETURN p.name AS name", "-p", f"n={value}",
                       "--db", str(db))
        assert result.exit_code == 1 and "no rows" in result.output, value
    assert export(db) == clean


def test_read_only_cypher_changes_nothing(db: Path, clean) -> None:
    for statement in ["MATCH (n) DETACH DELETE n", "CREATE (:Person {key: 'x', name: 'x'})",
                      "MATCH (p:Person) SET p.name = 'x'"]:
        result = graph("cypher", statement, "--db", str(db))
        assert result.exit_code == 2 and "add --write" in result.output, statement
    assert export(db) == clean


# -- Bolt faults --------------------------------------------------------------------------------
@pytest.mark.bolt
def test_bolt_refuses_load_csv_and_bad_logins_in_one_line(bolt_server) -> None:  # noqa: ANN001
    env = {"NEO4J_USER": bolt_server.user, "NEO4J_PASSWORD": bolt_server.password, "NEO4J_DATABASE": bolt_server.database}
    refused = graph("cypher", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "--uri", bolt_server.uri, env=env)
    assert refused.exit_code == 2 and "LOAD CSV reads files or URLs" in refused.output and "root:" not in refused.output
    fine = graph("cypher", "RETURN 1 AS one", "--uri", bolt_server.uri, "--format", "json", env=env)
    assert fine.exit_code == 0 and json.loads(fine.stdout) == [{"one": 1}]
    wrong = graph("stats", "--uri", bolt_server.uri, env={**env, "NEO4J_PASSWORD": "wrong-pw-never-shown"})
    assert wrong.exit_code == 3 and "wrong-pw-never-shown" not in wrong.output
    assert len(wrong.output.strip().splitlines()) == 1


@pytest.mark.bolt
def test_check_over_bolt(bolt_store, bolt_server, examples_graph) -> None:  # noqa: ANN001
    bolt_store.setup()
    bolt_store.load(examples_graph)
    env = {"NEO4J_USER": bolt_server.user, "NEO4J_PASSWORD": bolt_server.password, "NEO4J_DATABASE": bolt_server.database}
    fine = graph("check", "--uri", bolt_server.uri, "--format", "json", env=env)
    assert fine.exit_code == 0, fine.output
    assert json.loads(fine.stdout)["ok"]
    bolt_store.write("MATCH ()-[e:SIGNED]->() SET e.evidence = ['{\"article\": \"nowhere\", \"sentence\": \"x\", "
                     "\"start\": 0, \"end\": 1}']")
    found = graph("check", "--uri", bolt_server.uri, "--repair", env=env)
    assert found.exit_code == 2 and "names article nowhere, which is not stored" in found.output
    assert "--repair rebuilds the embedded store only" in found.output
