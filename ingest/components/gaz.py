"""The gazetteer pipe and the index over its matches by character position.

``vn_gazetteer`` is spaCy's SpanRuler (its phrase patterns, validation and matching) that
records each match as a plain ``Match`` instead of a span group: building a Span per match,
deduplicating and sorting Spans, and then reading every Span back was a tenth of extraction
time. The composing components ask questions like "which TITLE starts here?" or "what is the
next non-space position after this match?"; ``GazIndex`` answers them in O(1).
"""

from __future__ import annotations

import re
import warnings
import weakref
from collections import defaultdict
from typing import Any, NamedTuple

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc

from ..gazetteer import CAP, surnames, places
from ..normalize import collapse, key


_TEXT = "vn_text"
_MATCHES = "vn_gaz"


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


#: the Span extension holding each span group's mention
_MENTION_ATTR = {"bodies": "body_mention", "documents": "doc_mention", "persons": "person_mention"}
_MENTIONS: "weakref.WeakKeyDictionary[Doc, dict[str, tuple[object, int, list[Any]]]]" = weakref.WeakKeyDictionary()


def mentions_of(doc: Doc, key: str) -> list[Any]:
    """The mentions on the spans of ``doc.spans[key]`` ("bodies", "documents", "persons"),
    read once per span group: each read builds a Span and its extension object per span, and
    the later components all read the same groups. Recomputed when a pipe replaces or grows
    the group; the caller gets a list of its own."""
    group = doc.spans.get(key)
    if group is None:
        return []
    cached = _MENTIONS.setdefault(doc, {}).get(key)
    if cached is None or cached[0] is not group or cached[1] != len(group):
        attr = _MENTION_ATTR[key]
        cached = _MENTIONS[doc][key] = (group, len(group), [getattr(s._, attr) for s in group])
    return list(cached[2])


class Match(NamedTuple):
    label: str
    ident: str
    start: int
    end: int


class GazetteerRuler(SpanRuler):
    """The ``vn_gazetteer`` pipe: the matches of the patterns (``add_patterns``, as for a
    SpanRuler) in ``doc.user_data``, in the order a SpanRuler's span group would hold them
    (by start, end, then the label's and the id's string hashes; duplicates once)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._names: dict[int, tuple[int, str, int, str]] = {}

    def __call__(self, doc: Doc) -> Doc:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")  # a matcher with no patterns
            found = list(self.matcher(doc)) + list(self.phrase_matcher(doc))
        found = [m for m in found if m[1] != m[2]]
        if not found:
            doc.user_data[_MATCHES] = []
            return doc
        m_ids, starts, ends = numpy.array(found, dtype=numpy.uint64).T
        offsets = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
        last = ends.astype(numpy.int64) - 1
        start_chars = offsets[starts.astype(numpy.int64), 0].tolist()
        end_chars = (offsets[last, 0] + offsets[last, 1]).tolist()
        names = [self._name(doc, m_id) for m_id in m_ids.tolist()]
        keys = {(s, e, *name) for s, e, name in zip(start_chars, end_chars, names)}
        doc.user_data[_MATCHES] = [Match(k[3], k[5], k[0], k[1]) for k in sorted(keys)]
        return doc

    def _name(self, doc: Doc, m_id: int) -> tuple[int, str, int, str]:
        """(label hash, label, id hash, id) of a match id, the hashes as a Span stores them
        (the id is a hash of label and id, so an entry never goes stale)."""
        name = self._names.get(m_id)
        if name is None:
            v = self._match_label_id_map[m_id]
            strings = doc.vocab.strings
            name = self._names[m_id] = (strings.add(v["label"]), v["label"], strings.add(v["id"]), v["id"])
        return name


@Language.factory("vn_gazetteer", default_config={"phrase_matcher_attr": "LOWER", "validate": True})
def make_gazetteer(nlp: Language, name: str, phrase_matcher_attr: str, validate: bool) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, spans_key=None, phrase_matcher_attr=phrase_matcher_attr, validate=validate)


# per doc, the gazetteer matches by start position: every component builds a GazIndex. Held
# weakly (a doc's index dies with it) and outside ``doc.user_data`` (which must stay
# serialisable); checked against the match list in case it was replaced.
_INDEXES: "weakref.WeakKeyDictionary[Doc, _Index]" = weakref.WeakKeyDictionary()
#: (the matches, the matches by start (longest first), ``GazIndex.starts`` answers by labels)
_Index = tuple[list[Match], dict[int, list[Match]], dict[tuple[str, ...], tuple[Match, ...]]]


def _index(doc: Doc) -> _Index:
    matches = doc.user_data.get(_MATCHES, [])
    cached = _INDEXES.get(doc)
    if cached is None or cached[0] is not matches:
        by_start: dict[int, list[Match]] = defaultdict(list)
        for m in matches:
            by_start[m.start].append(m)
        for lst in by_start.values():
            lst.sort(key=lambda m: m.end - m.start, reverse=True)
        cached = _INDEXES[doc] = (matches, dict(by_start), {})
    return cached


def gaz_matches(doc: Doc) -> list[Match]:
    """Every gazetteer match of ``doc``, in the order described in ``GazetteerRuler``."""
    return _index(doc)[0]


class GazIndex:
    """Read-only view of a doc's gazetteer matches; indexes built for one doc are shared."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        _, self._by_start, self._starts = _index(doc)

    def at(self, pos: int, *labels: str) -> Match | None:
        """The longest match of one of ``labels`` starting exactly at ``pos``."""
        for m in self._by_start.get(pos, []):
            if m.label in labels:
                return m
        return None

    def starts(self, *labels: str) -> tuple[Match, ...]:
        """The matches of ``labels`` by start, the longest first at each (asked again and again
        by the rules, so each answer is kept with the doc's index)."""
        found = self._starts.get(labels)
        if found is None:
            out = [m for lst in self._by_start.values() for m in lst if m.label in labels]
            found = self._starts[labels] = tuple(sorted(out, key=lambda m: (m.start, -(m.end - m.start))))
        return found

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
