"""Python's cyclic garbage collector in a process that runs the embedded store's JVM.

Two costs meet there (issue 13). JPype hooks the collector: when a collection ends with the
process grown, it calls Java's ``System.gc()``, a full collection of the JVM heap (the JVM
runs with ``-XX:+DisableExplicitGC``, which makes that call a no-op: ``graph.embedded``). And
each collection of the young objects took milliseconds once the JVM was up, against
microseconds without it. Measured writing 3,000 articles window by window (merge in Python,
then the record writer): 32 s with both costs, 15 s without the first, 9 s with the collector
paused as well.

So a load pauses the collector: the writer while it writes a window, ``ingest`` for its
whole run, collecting by hand once every ``Collections.every`` windows. Reference counting
frees the loader's own data (a window's graph holds no cycles); what extraction leaves in
cycles when it runs in the same process (``jobs=1``: about 11 objects an article) waits for
the next collection by hand.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection inside the block (reference counting goes on,
    and ``gc.collect()`` still works); the collector is left as it was found."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class Collections:
    """Collect by hand every ``every`` windows of a load that runs with the collector paused."""

    def __init__(self, every: int = 20) -> None:
        self.every = every
        self.windows = 0

    def window_done(self) -> None:
        self.windows += 1
        if self.windows % self.every == 0:
            gc.collect()


__all__ = ["Collections", "gc_paused"]
