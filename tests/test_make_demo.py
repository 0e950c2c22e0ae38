"""`make demo` is one of the README's two commands: its `graph` lines, read from the Makefile
itself, run through the CLI in order and each exits 0 (a view that crashed after the ingest
once broke the demo while every other test passed)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from cli import app

REPO = Path(__file__).resolve().parents[1]


def demo_lines() -> list[list[str]]:
    """The `$(GRAPH) ...` lines of the Makefile's demo recipe, as argument lists."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no demo recipe"
    return [shlex.split(line.strip())[1:] for line in recipe.group(1).splitlines() if "$(GRAPH)" in line]


def test_every_graph_line_of_make_demo_runs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    lines = demo_lines()
    assert [line[0] for line in lines] == ["ingest", "stats", "who-issued", "view"]
    runner = CliRunner()
    for args in lines:
        args = [str(tmp_path / "demo-db") if a == "$(DEMO_DB)" else a for a in args]
        args = [str(tmp_path / "demo.html") if a == "out/demo.html" else a for a in args]
        result = runner.invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 0, f"graph {' '.join(args)}: {result.output}"
    page = (tmp_path / "demo.html").read_text(encoding="utf-8")
    assert "143-KL/TU" in page  # the document asked about is drawn
