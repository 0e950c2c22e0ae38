"""Trigger words of the relation rules (``ingest/data/triggers.yaml``) as regular expressions.

The rules read their verbs from data so that a new phrasing ("được luân chuyển làm") is a YAML
edit, not a code change. Each key becomes one alternation, longest phrase first (so "giữ chức
vụ" wins over "giữ chức"), whole words, case-insensitive, a space matching any run of spaces.
"""

from __future__ import annotations

import re
from re import _casefix  # type: ignore[attr-defined]  (what re.I pairs beyond str.lower)
from typing import Any, Iterator

from .gazetteer import load, vocabulary_cache
from .normalize import clean_name


def words(name: str) -> list[str]:
    """The phrases of one trigger key, normalised as the text is."""
    return [clean_name(w) for w in load("triggers")[name]]


@vocabulary_cache
def alternation(name: str) -> str:
    """A regex alternation (no group) matching any phrase of ``name`` as whole words."""
    phrases = sorted(set(words(name)), key=len, reverse=True)
    return "(?:" + "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in phrases) + r")(?!\w)"


@vocabulary_cache
def pattern(name: str, before: str = "", after: str = "", flags: int = re.I) -> "re.Pattern[str] | Trigger":
    """``before`` + the alternation of ``name`` (in group ``w``) + ``after``, compiled once.
    Without ``before``, a match starts with a phrase's first word, and the pattern comes as a
    ``Trigger``: the same matches, found by looking only where a first word stands."""
    regex = rf"{before}(?<!\w)(?P<w>{alternation(name)}){after}"
    return re.compile(regex, flags) if before else scanner(regex, words(name), flags)


def scanner(regex: str, phrases: list[str], flags: int = re.I) -> "re.Pattern[str] | Trigger":
    """``regex`` compiled, as a ``Trigger`` when it can be: every match of ``regex`` must start
    with one of ``phrases`` (zero-width assertions before it are fine: "(?<!đăng )ký")."""
    rx = re.compile(regex, flags)
    fold = bool(flags & re.I)
    firsts = {p.split()[0].lower() if fold else p.split()[0] for p in phrases}
    if any(len(w) != len(w.lower()) or _UNSAFE.intersection(w) for w in firsts):
        return rx
    return Trigger(rx, tuple(sorted(firsts)), fold)


#: characters that case-insensitive matching pairs with another one that ``str.lower`` does not
#: map them to ("ſ" matches "s", "ı" matches "i", "Σ" lowers to "ς" or "σ"; the ASCII partners
#: are safe), and those that ``str.lower`` lengthens ("İ"): a text holding one is scanned by
#: the regex itself, and a trigger whose first word holds one is a plain regex
_UNSAFE = frozenset(
    chr(c) for k, extra in _casefix._EXTRA_CASES.items() for c in (k, *extra) if c > 0x7F
) | {"\u0130", "\u03a3"}
_UNSAFE_CHAR = re.compile("[" + "".join(sorted(map(re.escape, _UNSAFE))) + "]")
#: below this many characters a scan is as cheap as looking for the first words
_SHORT = 64
_LOWERED: list[tuple[str, str | None]] = [("", None)]


def _lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset and agrees with case-insensitive matching
    (else None), kept for the text asked last: the rules scan the same article text."""
    last, low = _LOWERED[0]
    if text is not last:
        low = text.lower()
        if len(low) != len(text) or _UNSAFE_CHAR.search(text):
            low = None
        _LOWERED[0] = (text, low)
    return low


class Trigger:
    """A trigger pattern whose ``finditer`` and ``search`` try the regex only where one of its
    first words stands (found with ``str.find``, in the lower-cased text when the pattern
    ignores case), instead of at every
    position: the same matches, in the same order (each a match of the regex itself), for a
    fraction of the time. Everything else is the compiled pattern's own."""

    def __init__(self, rx: re.Pattern[str], firsts: tuple[str, ...], fold: bool = True) -> None:
        self.rx = rx
        self.firsts = firsts
        self.fold = fold

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rx, name)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(string) if endpos is None else max(0, min(endpos, len(string)))
        pos = max(0, pos)
        low = None if end - pos <= _SHORT else _lowered(string) if self.fold else string
        if low is None:
            yield from self.rx.finditer(string, pos, end)
            return
        starts: set[int] = set()
        for w in self.firsts:
            at = low.find(w, pos, end)
            while at >= 0:
                starts.add(at)
                at = low.find(w, at + 1, end)
        done = pos  # matches do not overlap: the next one starts where the last one ended
        for at in sorted(starts):
            if at >= done:
                m = self.rx.match(string, at, end)
                if m:
                    yield m
                    done = m.end()

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(string, pos, endpos), None)
