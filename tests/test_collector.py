"""Python's cyclic collector during a load (graph/collector.py): paused for the run and
restored after, collected by hand every few windows; and the JVM ignores the ``System.gc()``
calls JPype makes at the end of Python's collections."""

from __future__ import annotations

import gc
from pathlib import Path

from graph.collector import Collections, gc_paused


def test_the_collector_is_paused_inside_and_left_as_found() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner pause does not switch it back on early
    assert gc.isenabled()


def test_a_cycle_left_during_a_paused_load_is_collected_by_hand(monkeypatch) -> None:
    collected: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *a: collected.append(1) or 0)
    collections = Collections(every=3)
    for _ in range(7):
        collections.window_done()
    assert len(collected) == 2


def test_ingest_runs_with_the_collector_paused_and_gives_it_back(examples_dir: Path, embedded_store) -> None:
    from ingest.api import ingest

    seen: list[bool] = []
    report = ingest([str(examples_dir)], embedded_store, on_window=lambda _r: seen.append(gc.isenabled()))
    assert report.loaded == 5 and seen and not any(seen)
    assert gc.isenabled()


def test_the_jvm_ignores_explicit_collections(embedded_store) -> None:
    import jpype

    args = list(jpype.java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
    assert "-XX:+DisableExplicitGC" in [str(a) for a in args]
