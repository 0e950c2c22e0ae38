"""The one writer of an ingest: stores window after window in a thread of its own.

While it stores window n, the caller (and its worker processes) extract window n+1, so
extraction and loading overlap. There is still exactly one writer, as the stores need
(concurrent MERGEs of one key fail on ArcadeDB), and windows are stored in the order they
were put, so a run with any number of workers stores exactly what a serial run stores.

Each window is one ``Store.store_window`` call: its facts and the flag that marks its
articles stored commit together. ``close(drop=True)`` (an interrupt) lets the window being
written commit and drops those still waiting; their articles are not flagged, so the next
run extracts and stores them.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from graph.model import Graph
from graph.store import LoadStats, Store


@dataclass
class Window:
    """One group of articles: their merged graph, the ids to flag stored (extracted without
    error), the ids the store had counted before (``--force``), and what the caller wants
    back when it is stored (``context``)."""

    graph: Graph
    ingested: list[str]
    counted: frozenset[str] = frozenset()
    context: Any = None
    empty: bool = field(default=False)


class WindowWriter:
    """``put`` windows; ``on_stored(window, stats, seconds)`` runs (in the writer thread) after
    each commit. An exception in the writer is raised again by the next ``put`` or ``close``."""

    def __init__(
        self,
        store: Store,
        batch_size: int,
        on_stored: Callable[[Window, LoadStats, float], None],
        depth: int = 1,
    ) -> None:
        self.store, self.batch_size, self.on_stored = store, batch_size, on_stored
        self._queue: queue.Queue[Window | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="graph-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            window = self._queue.get()
            if window is None:
                return
            if self._error is not None:
                continue
            try:
                started = time.perf_counter()
                stats = LoadStats()
                if not window.empty:
                    stats = self.store.store_window(window.graph, window.ingested, window.counted, self.batch_size)
                self.on_stored(window, stats, time.perf_counter() - started)
            except BaseException as exc:  # noqa: BLE001 (handed to the caller's thread)
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def put(self, window: Window) -> None:
        self._raise()
        self._queue.put(window)

    def close(self, drop: bool = False) -> None:
        """Wait for the windows put so far (``drop``: only the one being written), then stop."""
        if drop:
            while True:
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    break
        self._queue.put(None)
        self._thread.join()
        self._raise()


__all__ = ["Window", "WindowWriter"]
