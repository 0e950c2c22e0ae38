"""Cold start: the wall time of one `graph` process, as a user at a terminal pays it.

    python -m bench.coldstart              # both figures, about half a minute
    make bench                             # the same figures, in the table and results.json

``who_issued_cold_s``: `graph who-issued 143-KL/TU` on the demo store (`graph ingest
examples/`), a fresh process each time: interpreter, imports, the embedded store's JVM,
opening the database, the first query. ``help_cold_s``: `graph --help`. Each is the median of
``RUNS`` runs after one untimed run (which makes the JVM's class-data sharing archive when
there is none yet: ``graph.jvmcache``; the timed runs are what every later command costs).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RUNS = 5
TARGETS = {"who_issued_cold_s": ("<=", 1.2), "help_cold_s": ("<=", 0.3)}
GRAPH = [sys.executable, "-c", "from cli import app; app()"]  # what the `graph` script runs


def _wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([*GRAPH, *args], cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _median(args: list[str]) -> float:
    _wall(args)
    time.sleep(5)  # the first run hands the class-data archive to a helper: let it finish
    return round(statistics.median(_wall(args) for _ in range(RUNS)), 3)


def stage_cold_start(figures: dict[str, Any]) -> None:
    """Add ``who_issued_cold_s`` and ``help_cold_s`` to ``figures``."""
    with tempfile.TemporaryDirectory(prefix="vn-graph-cold-") as work:
        db = str(Path(work) / "demo-db")
        subprocess.run([*GRAPH, "ingest", "examples/", "--db", db], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        figures["who_issued_cold_s"] = _median(["who-issued", "143-KL/TU", "--db", db])
    figures["help_cold_s"] = _median(["--help"])


if __name__ == "__main__":
    found: dict[str, Any] = {}
    stage_cold_start(found)
    for name, value in found.items():
        op, limit = TARGETS[name]
        met = value <= limit
        print(f"{name:<20} {value:>6.3f} s  {'ok' if met else 'MISSED'} ({op} {limit:g} s)")
