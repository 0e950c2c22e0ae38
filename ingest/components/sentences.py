"""``vn_sentences``: sentence boundaries for news and legal text.

A new line always starts a sentence (headlines, captions and legal lines carry no full stop);
so does a token after ``.``, ``!``, ``?`` or ``…`` when an upper-case letter, digit or quote
follows, unless the full stop ends an abbreviation ("TP.", "KT.", "TM.").
"""

from __future__ import annotations

import math
from bisect import bisect_right

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .gaz import doc_text

_ENDERS = {".", "!", "?", "…"}
_ENDER_CODES = [ord(c) for c in _ENDERS]
#: words whose full stop ends no sentence ("TP. Hà Nội", "KT. CHỦ TỊCH", "UVT.Ư Đảng", "T.Ư"): the
#: factory's default
ABBREVIATIONS = ["tp", "tm", "kt", "q", "tl", "tuq", "ths", "ts", "gs", "pgs", "st", "p", "tt", "đ/c", "ông", "bà", "uvt", "t"]


def _starts(doc: Doc, abbreviations: frozenset[str]) -> numpy.ndarray:
    # vectorised over token offsets: a Python loop over spaCy tokens (one object built per
    # access) made this the costliest step of the pipeline; only tokens after an ender are
    # looked at one by one
    if not len(doc):
        return numpy.zeros(0, dtype=bool)
    text = doc_text(doc)
    idx, length, space = doc.to_array([IDX, LENGTH, IS_SPACE]).astype(numpy.int64).T
    starts = numpy.zeros(len(doc), dtype=bool)
    starts[0] = True
    words = numpy.flatnonzero(space == 0)
    if words.size:
        starts[words[0]] = True
    prev, cur = words[:-1], words[1:]
    codes = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
    newlines = numpy.concatenate(([0], numpy.cumsum(codes == 10)))  # newlines before offset k
    broken = newlines[idx[cur]] > newlines[idx[prev] + length[prev]]
    starts[cur[broken]] = True
    ended = ~broken & (length[prev] == 1) & numpy.isin(codes[idx[prev]], _ENDER_CODES)
    for k in numpy.flatnonzero(ended).tolist():
        first = text[idx[cur[k]]]
        if first.isupper() or first.isdigit() or first in "\"“'(":
            last = prev[k]
            before = text[idx[last - 1] : idx[last - 1] + length[last - 1]].lower() if last > 0 else ""
            starts[cur[k]] = not (text[idx[last]] == "." and before in abbreviations)
    return starts


_SPANS = "vn_sents"


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The sentence (of ``sentence_spans``, in text order) holding character ``pos``."""
    i = bisect_right(spans, (pos, math.inf)) - 1
    return spans[i] if i >= 0 and pos < spans[i][1] else None


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Each sentence's (start_char, end_char), as ``doc.sents`` gives them but computed once:
    the later components all need them, and ``doc.sents`` builds a Span per sentence and
    looks up its tokens on every pass."""
    spans = doc.user_data.get(_SPANS)
    if spans is None:
        spans = doc.user_data[_SPANS] = [(s.start_char, s.end_char) for s in doc.sents]
    return spans


class SentenceSplitter:
    """The ``vn_sentences`` pipe: marks sentence starts and records each sentence's offsets."""

    def __init__(self, abbreviations: list[str]) -> None:
        self.abbreviations = frozenset(a.casefold() for a in abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            starts = _starts(doc, self.abbreviations)
            doc.from_array([SENT_START], numpy.where(starts, 1, -1).astype("int32").astype("uint64").reshape(-1, 1))
            first = numpy.flatnonzero(starts)
            last = numpy.append(first[1:], len(doc)) - 1
            idx, length = doc.to_array([IDX, LENGTH]).astype(numpy.int64).T
            doc.user_data[_SPANS] = list(zip(idx[first].tolist(), (idx[last] + length[last]).tolist()))
        return doc


@Language.factory("vn_sentences", default_config={"abbreviations": ABBREVIATIONS})
def make_sentences(nlp: Language, name: str, abbreviations: list[str]) -> SentenceSplitter:
    return SentenceSplitter(abbreviations)
