"""Creating the embedded store is atomic (issue 11.4): `kill -9` while it is being created
leaves nothing the next run refuses, and a store left half-made by an older version (engine
lock and empty WAL files, no data) is recognised and finished."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GRAPH = str(Path(sys.executable).with_name("graph"))


def test_a_half_created_store_is_finished_not_refused(tmp_path: Path) -> None:
    from graph.embedded import EmbeddedStore

    db = tmp_path / "db"
    db.mkdir()
    (db / "database.lck").write_bytes(b"")
    for name in ("txlog_0.wal", "txlog_1.wal"):
        (db / name).write_bytes(b"")
    with EmbeddedStore(db, heap="512m") as store:
        store.setup()
        assert store.counts()["nodes"]["Person"] == 0


def test_other_files_are_still_refused_untouched(tmp_path: Path) -> None:
    from graph.embedded import EmbeddedStore
    from graph.store import StoreUnavailable

    db = tmp_path / "db"
    db.mkdir()
    (db / "database.lck").write_bytes(b"")
    (db / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreUnavailable, match="holds other files"):
        EmbeddedStore(db, heap="512m")
    assert sorted(p.name for p in db.iterdir()) == ["database.lck", "notes.txt"]


def test_kill_9_while_creating_the_store_never_blocks_the_next_run(tmp_path: Path, examples_dir: Path) -> None:
    db = tmp_path / "db"
    for attempt in range(2):
        proc = subprocess.Popen([GRAPH, "ingest", str(examples_dir), "--db", str(db), "--quiet"], cwd=REPO,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        # kill as soon as the creation has begun (the hidden sibling exists), or at the end
        while time.monotonic() < deadline and proc.poll() is None and not any(tmp_path.glob(".db.creating-*")):
            time.sleep(0.01)
        time.sleep(0.05 * attempt)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert not db.exists() or (db / "schema.json").exists()  # never a half-made store at the path
    again = subprocess.run([GRAPH, "ingest", str(examples_dir), "--db", str(db), "--quiet"], cwd=REPO,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "5 article(s) read" in again.stderr
    assert not list(tmp_path.glob(".db.creating-*"))  # the abandoned attempts were cleared
