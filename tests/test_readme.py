"""Every `graph ...` line of the README's code blocks runs, as written (issue 9, "Done when").

Like sqlite-utils testing its documentation: the lines are read from README.md, not copied
here, so a README edit is tested as it is made. Each line runs through the CLI in README order,
in a scratch working directory, against an embedded store (``GRAPH_DB``); the lines of the
"Neo4j" section run with ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` naming the Bolt test
server (tests/conftest.py, ``bolt_server``), as `set -a; . docker/.env` would.

Nothing is skipped. What a fresh machine would have and a test directory has not is provided,
openly: input files the README names as examples (``FILES``), the sample articles
(``examples/`` is linked into the scratch directory), the store `make demo` leaves (the README
opens with an answer from it, so the scratch store starts with `graph ingest examples/`), and
the exit code of the lines that show an error on purpose (``EXIT_CODES``). Lines that are not `graph` commands (docker,
make, python) are not run here: they need Docker or are the test suite itself.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"

#: input files the README's lines name, created in the scratch directory before any line runs
ARTICLE = ("Ngày 12/3/2024, Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Văn Thử đã ký ban hành Kế hoạch số "
           "77/KH-UBND về chuyển đổi số.")
FILES = {
    "feed.jsonl": json.dumps({"text": ARTICLE, "url": "https://bao.vn/feed-1", "title": "Bắc Ninh chuyển đổi số",
                              "published": "2024-03-12", "outlet": "bao.vn"}, ensure_ascii=False) + "\n",
    "news/tin-1.txt": "Bắc Ninh triển khai kế hoạch\n\n" + ARTICLE.replace("77/KH", "78/KH") + "\n",
    "page.html": f"<html><head><title>Tin Bắc Ninh</title></head><body><article><h1>Tin Bắc Ninh</h1>"
                 f"<p>{ARTICLE.replace('77/KH', '79/KH')}</p></article></body></html>",
    "news.jsonl": json.dumps({"text": ARTICLE.replace("77/KH", "80/KH"), "title": "Tin 80"}, ensure_ascii=False) + "\n",
}
#: lines that show a failure on purpose, and the exit code they document
EXIT_CODES = {"graph who-issued 143-KL/TX": 1}


@dataclass(frozen=True)
class Line:
    text: str  # as written, without the prompt and the trailing comment
    section: str  # the "## " heading it is under
    number: int  # line number in README.md

    @property
    def neo4j(self) -> bool:
        return self.section == "Neo4j"


def readme_lines() -> list[Line]:
    """The `graph ...` lines of the README's fenced code blocks, in order."""
    found, section, fenced = [], "", False
    for number, raw in enumerate(README.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            if raw.startswith("## "):
                section = raw[3:].strip()
            continue
        text = re.sub(r"^\s*\$ ", "", raw).strip()
        if not text.startswith("graph "):
            continue
        text = re.sub(r"\s{2,}#.*$", "", text).strip()  # the comment that explains the line
        found.append(Line(text, section, number))
    return found


LINES = readme_lines()


def test_the_readme_has_lines_to_run_in_both_stores():
    assert sum(not ln.neo4j for ln in LINES) >= 20 and sum(ln.neo4j for ln in LINES) >= 4
    written = {ln.text for ln in LINES}
    assert set(EXIT_CODES) <= written, "EXIT_CODES names a line the README no longer has"
    used = " ".join(written)
    assert all(name.split("/")[0] in used for name in FILES), "FILES provides an input no README line names"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working directory the lines run in: the sample articles and ``FILES``."""
    cwd = tmp_path_factory.mktemp("readme")
    (cwd / "examples").symlink_to(REPO / "examples")
    for name, text in FILES.items():
        (cwd / name).parent.mkdir(parents=True, exist_ok=True)
        (cwd / name).write_text(text, encoding="utf-8")
    return cwd


@pytest.fixture(scope="module")
def environment(scratch: Path, request: pytest.FixtureRequest) -> dict[str, str]:
    env = {"GRAPH_DB": str(scratch / "db"), "COLUMNS": "200", "GRAPH_CONFIG": str(scratch / "none.toml")}
    demo = CliRunner(env=env).invoke(app, ["ingest", str(scratch / "examples")])  # what `make demo` leaves
    assert demo.exit_code == 0, demo.output
    if any(ln.neo4j for ln in LINES):
        server = request.getfixturevalue("bolt_server")
        from graph.bolt import BoltStore

        with BoltStore(server.uri, server.user, server.password, server.database) as store:
            store.write("MATCH (n) DETACH DELETE n")  # this module's lines fill it from empty
        env.update(NEO4J_URI=server.uri, NEO4J_USER=server.user, NEO4J_PASSWORD=server.password,
                   NEO4J_DATABASE=server.database)
    return env


@pytest.mark.parametrize("line", LINES, ids=[f"L{ln.number}:{ln.text[:60]}" for ln in LINES])
def test_readme_line_runs(line: Line, scratch: Path, environment: dict[str, str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(scratch)
    env = dict(environment)
    if not line.neo4j:  # the embedded lines never see a Neo4j: --neo4j must be asked for
        for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
            env[name] = ""
    result = CliRunner(env=env).invoke(app, shlex.split(line.text)[1:])
    expected = EXIT_CODES.get(line.text, 0)
    assert result.exit_code == expected, (
        f"README.md:{line.number} ({line.section}) `{line.text}` exited {result.exit_code}, not {expected}:\n"
        f"{result.stderr}\n{result.stdout[-2000:]}"
    )
    words = shlex.split(line.text)
    if expected == 0 and "-o" in words:
        assert (scratch / words[words.index("-o") + 1]).exists(), "the output it names was not written"
