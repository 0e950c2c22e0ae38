"""Help that reads like a CLI's, and a cold start that pays only for what a command uses
(issue 9, points 7 and 8)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from cli import app

REPO = Path(__file__).resolve().parents[1]
COMMANDS = sorted(get_command(app).commands)


def _help(*args: str) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [*args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_placeholders_not_python_types(command: str):
    text = _help(command, "-h")
    assert text == _help(command, "--help")
    for python in ("<bool>", "<str>", "<int>", "<list[", "<path>", "<int range>", "{"):
        assert python not in text, f"graph {command} --help shows {python}"
    usage = next(line for line in text.splitlines() if "Usage:" in line)
    assert re.search(r"Usage: graph \S+ \[OPTIONS\]( \[?[A-Z_]+(\.\.\.)?\]?)*$", usage.strip()), usage


def test_flags_show_no_placeholder_and_values_do():
    text = _help("view", "-h")
    assert re.search(r"--articles\s+Show Article nodes", text)
    assert re.search(r"--db\s+DIR\s", text) and re.search(r"--focus\s+NAME\s", text)
    assert re.search(r"--neo4j\s+Use Neo4j instead of the embedded store: a plain flag", text)


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and re.fullmatch(r"graph \(vn-officials-graph\) \d+\.\d+\.\d+\S*\n", result.stdout)


def test_export_help_names_no_missing_file():
    text = _help("export", "-h")
    assert "design.md" not in text and "README" in text


def _modules_after(*args: str) -> dict[str, bool]:
    """Which heavy modules a fresh interpreter has loaded after running ``graph ARGS``."""
    code = (
        "import sys, json; from typer.testing import CliRunner; from cli import app; "
        f"r = CliRunner().invoke(app, {list(args)!r}); "
        "print(json.dumps({'exit': r.exit_code, **{m: m in sys.modules for m in "
        "('jpype', 'arcadedb_embedded', 'spacy', 'networkx', 'graph.store')}}))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_loads_neither_the_jvm_nor_spacy():
    loaded = _modules_after("who-issued", "--help")
    assert loaded == {"exit": 0, "jpype": False, "arcadedb_embedded": False, "spacy": False, "networkx": False,
                      "graph.store": False}


def test_extract_never_starts_a_jvm():
    loaded = _modules_after("extract", str(REPO / "examples" / "001_c872be74d7b7b5f5.txt"))
    assert loaded["exit"] == 0 and not loaded["jpype"] and not loaded["arcadedb_embedded"]


def test_the_class_data_archive_is_made_on_first_use_and_used_after(tmp_path: Path, query_db: str):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "GRAPH_JVM_CDS": "1"}
    graph = [sys.executable, "-c", "from cli import app; app()"]
    first = subprocess.run([*graph, "stats", "--db", query_db], cwd=REPO, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "cds" not in first.stderr and "warning" not in first.stdout  # the JVM's CDS logging stays quiet
    cache = tmp_path / "cache" / "vn-officials-graph"
    for _ in range(300):  # the detached helper dumps after the first process has ended
        if list(cache.glob("cds-*.jsa")) and not list(cache.glob("classes-*.lst")):
            break
        time.sleep(0.2)
    archives = list(cache.glob("cds-*.jsa"))
    assert len(archives) == 1 and archives[0].stat().st_size > 1_000_000, (cache / "cds.log").read_text()
    second = subprocess.run([*graph, "stats", "--db", query_db, "-f", "json"], cwd=REPO, env=env, capture_output=True,
                            text=True)
    assert second.returncode == 0 and json.loads(second.stdout) == json.loads(
        subprocess.run([*graph, "stats", "--db", query_db, "-f", "json"], cwd=REPO, capture_output=True, text=True,
                       env={**env, "GRAPH_JVM_CDS": "0"}).stdout)
    assert list(cache.glob("classes-*.lst")) == []
