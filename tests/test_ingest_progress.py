"""`graph ingest` shows a progress bar on a terminal and nothing when piped or with --quiet
(issue 9.4)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GRAPH = str(Path(sys.executable).with_name("graph"))


def test_a_terminal_gets_a_progress_bar(examples_dir: Path, tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    proc = subprocess.Popen([GRAPH, "ingest", str(examples_dir), "--db", str(tmp_path / "db")], cwd=REPO,
                            stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    text = seen.decode(errors="replace")
    assert "articles/s" in text and "facts" in text and "5/5" in text
    assert "5 article(s) read, 5 loaded" in text


def test_piped_or_quiet_prints_only_the_summary(examples_dir: Path, tmp_path: Path) -> None:
    for extra in ([], ["--quiet"]):
        done = subprocess.run([GRAPH, "ingest", str(examples_dir), "--db", str(tmp_path / "db"), *extra], cwd=REPO,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "articles/s" not in done.stderr
        assert done.stderr.strip().splitlines()[-1].startswith("5 article(s) read")
