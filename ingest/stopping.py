"""Ctrl-C and SIGTERM end a long run at its next safe point instead of in the middle of a write.

``stop_on_signals`` replaces the handlers of SIGINT and SIGTERM for the duration of a block
with one that only records the signal: the run looks at ``Stop.requested`` between windows,
lets the window being written commit, and returns what it stored. A second signal means the
user insists: it raises ``KeyboardInterrupt`` at once. The exit status of an interrupted run is
128 + the signal number (130 for Ctrl-C, 143 for SIGTERM), as a shell reports it.

The JVM of the embedded store is started with ``-Xrs`` (graph/embedded.py), so these Python
handlers, not the JVM's, receive the signals.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Any, Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stop:
    """Whether a stop was asked for, and by which signal."""

    def __init__(self) -> None:
        self.signum: int | None = None

    @property
    def requested(self) -> bool:
        return self.signum is not None

    def __call__(self) -> bool:
        return self.requested

    @property
    def exit_code(self) -> int:
        return 128 + int(self.signum or signal.SIGINT)


@contextmanager
def stop_on_signals() -> Iterator[Stop]:
    """Within the block, SIGINT and SIGTERM set ``Stop`` (a second one raises
    KeyboardInterrupt). Outside the main thread signals cannot be handled: nothing changes."""
    stop = Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, _frame: Any) -> None:
        if stop.requested:
            raise KeyboardInterrupt
        stop.signum = signum

    previous = {s: signal.signal(s, handler) for s in SIGNALS}
    try:
        yield stop
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


__all__ = ["Stop", "stop_on_signals"]
