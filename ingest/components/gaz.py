"""Index over the gazetteer matches (``doc.spans["gaz"]``) by character position.

The composing components ask questions like "which TITLE starts here?" or "what is the next
non-space position after this match?"; this answers them in O(1).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from ..gazetteer import CAP, surnames, places
from ..normalize import collapse, key


_TEXT = "vn_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc. spaCy rebuilds the property from a fresh Token
    object per token on every access; each component reads it, and that was most of the time
    spent per article (bench/run.py profile)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record ``text`` as the doc's text (the tokenizer knows it and has checked it)."""
    doc.user_data[_TEXT] = text
    return doc


@dataclass(frozen=True)
class Match:
    label: str
    ident: str
    start: int
    end: int


_MATCHES = "vn_gaz"


def gaz_matches(doc: Doc) -> list[tuple[str, str, int, int]]:
    """The gazetteer matches as (label, id, start_char, end_char), read once per doc: every
    component indexes them, and reading a spaCy span builds a Span object each time. Plain
    tuples keep ``doc.user_data`` serialisable."""
    group = doc.spans.get("gaz", [])
    cached = doc.user_data.get(_MATCHES)
    if cached is None or cached[0] != len(group):
        cached = doc.user_data[_MATCHES] = (len(group), [(s.label_, s.id_, s.start_char, s.end_char) for s in group])
    return cached[1]


class GazIndex:
    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self._by_start: dict[int, list[Match]] = defaultdict(list)
        for label, ident, start, end in gaz_matches(doc):
            self._by_start[start].append(Match(label, ident, start, end))
        for lst in self._by_start.values():
            lst.sort(key=lambda m: m.end - m.start, reverse=True)

    def at(self, pos: int, *labels: str) -> Match | None:
        """The longest match of one of ``labels`` starting exactly at ``pos``."""
        for m in self._by_start.get(pos, []):
            if m.label in labels:
                return m
        return None

    def starts(self, *labels: str) -> list[Match]:
        out = [m for lst in self._by_start.values() for m in lst if m.label in labels]
        return sorted(out, key=lambda m: (m.start, -(m.end - m.start)))

    def skip(self, pos: int, spaces: str = " \t") -> int:
        """Next position at or after ``pos`` that is not a space (newlines stop it)."""
        while pos < len(self.text) and self.text[pos] in spaces:
            pos += 1
        return pos

    def word_at(self, pos: int, word: str) -> int | None:
        """End of ``word`` (case-insensitive, whole word) at ``pos``, or None."""
        m = re.compile(rf"{re.escape(word)}(?!\w)", re.I).match(self.text, pos)
        return m.end() if m else None


_NAME = re.compile(rf"({CAP})((?:[ \t]+{CAP}){{1,3}})")


def name_at(text: str, pos: int) -> tuple[int, int, str] | None:
    """A person name (family name + one to three capitalised syllables) starting at ``pos``.

    Only asked at positions where a name is expected (after a title chain, an honorific...),
    so the check here is shape, not meaning: a known place ("Hà Nội", "Thái Bình") is no name.
    """
    m = _NAME.match(text, pos)
    if not m or m.group(1) not in surnames():
        return None
    words = collapse(m.group(0)).split()
    if key(" ".join(words[:2])) in places() or key(" ".join(words)) in places():
        return None  # "Hà Nội", "Chủ tịch Hồ Chí Minh" (the city's namesake, not an official)
    return (m.start(), m.end(), " ".join(words))
