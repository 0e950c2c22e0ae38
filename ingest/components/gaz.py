"""Index over the gazetteer matches (``doc.spans["gaz"]``) by character position.

The composing components ask questions like "which TITLE starts here?" or "what is the next
non-space position after this match?"; this answers them in O(1).
"""

from __future__ import annotations

import re
import weakref
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


# per doc, the gazetteer matches by start position: every component builds a GazIndex, and
# reading spaCy spans (a Span object each) four times per doc was a tenth of extraction time.
# Held weakly (a doc's index dies with it) and outside ``doc.user_data`` (which must stay
# serialisable); checked against the size of the span group in case it changed.
_INDEXES: "weakref.WeakKeyDictionary[Doc, tuple[int, list[Match], dict[int, list[Match]]]]" = weakref.WeakKeyDictionary()


def _index(doc: Doc) -> tuple[int, list[Match], dict[int, list[Match]]]:
    group = doc.spans.get("gaz", [])
    cached = _INDEXES.get(doc)
    if cached is None or cached[0] != len(group):
        matches = [Match(s.label_, s.id_, s.start_char, s.end_char) for s in group]
        by_start: dict[int, list[Match]] = defaultdict(list)
        for m in matches:
            by_start[m.start].append(m)
        for lst in by_start.values():
            lst.sort(key=lambda m: m.end - m.start, reverse=True)
        cached = _INDEXES[doc] = (len(group), matches, dict(by_start))
    return cached


def gaz_matches(doc: Doc) -> list[Match]:
    """Every gazetteer match of ``doc`` in span-group order (no Span objects built)."""
    return _index(doc)[1]


class GazIndex:
    """Read-only view of a doc's gazetteer matches; indexes built for one doc are shared."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self._by_start = _index(doc)[2]

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


#: a family name and one to three capitalised syllables; PDF-wrapped text may break the line
#: right after the family name ("Nguyễn\nVăn A") or after a middle name that never ends a name
#: ("Nguyễn Văn\nA", "Lê Thị\nB"): one line break there is a space
_NAME = re.compile(
    rf"({CAP})((?:[ \t]+|[ \t]*\n[ \t]*(?=[^\s]))(?:{CAP})(?:(?:[ \t]+|(?<=Văn|Thị)[ \t]*\n[ \t]*){CAP}){{0,2}})"
)


def name_at(text: str, pos: int) -> tuple[int, int, str] | None:
    """A person name (family name + one to three capitalised syllables, or any capitalised
    syllable + "Thị" + one or two more: a woman's name) starting at ``pos``.

    Only asked at positions where a name is expected (after a title chain, an honorific...),
    so the check here is shape, not meaning: a known place ("Hà Nội", "Thái Bình") is no name.
    """
    m = _NAME.match(text, pos)
    if not m:
        return None
    words = collapse(m.group(0)).split()
    if m.group(1) not in surnames() and not (len(words) >= 3 and words[1] == "Thị"):
        return None  # a family name no list knows is a name when "Thị" follows it ("Văn Thị Bạch Tuyết")
    if words[-1] == "Thị":
        return None  # "Bà Võ Thị" where a truncated page stops: "Thị" is a middle name, never the last
    if key(" ".join(words[:2])) in places() or key(" ".join(words)) in places():
        return None  # "Hà Nội", "Chủ tịch Hồ Chí Minh" (the city's namesake, not an official)
    return (m.start(), m.end(), " ".join(words))
