"""Which characters of a text lie inside mentions already found.

Several passes ask "is this position inside a person?" once per candidate; scanning every
mention per question made an article that lists thousands of names quadratic (tens of seconds
for one list). A byte mask over the text answers in constant time.
"""

from __future__ import annotations

from typing import Iterable


class Covered:
    """A mask of the characters covered by spans ``(start, end)`` of a text of ``length``."""

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray(length)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def __contains__(self, pos: int) -> bool:
        return 0 <= pos < len(self._mask) and self._mask[pos] == 1
