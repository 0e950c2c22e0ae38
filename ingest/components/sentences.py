"""``vn_sentences``: sentence boundaries for news and legal text.

A new line always starts a sentence (headlines, captions and legal lines carry no full stop);
so does a token after ``.``, ``!``, ``?`` or ``…`` when an upper-case letter, digit or quote
follows, unless the full stop ends an abbreviation ("TP.", "KT.", "TM.").
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = {".", "!", "?", "…"}
_ABBREVIATIONS = {"tp", "tm", "kt", "q", "tl", "tuq", "ths", "ts", "gs", "pgs", "st", "p", "tt", "đ/c", "ông", "bà"}


def sentence_starts(doc: Doc) -> list[bool]:
    starts = [False] * len(doc)
    text = doc.text  # a property that joins every token: read it once
    last = -1  # index of the last non-space token
    for i, tok in enumerate(doc):
        if tok.is_space:
            continue
        if last < 0:
            starts[i] = True
        else:
            prev = doc[last]
            gap = text[prev.idx + len(prev) : tok.idx]
            if "\n" in gap:
                starts[i] = True
            elif prev.text in _ENDERS and (tok.text[0].isupper() or tok.text[0].isdigit() or tok.text[0] in "\"“'("):
                before = doc[last - 1].lower_ if last > 0 else ""
                starts[i] = not (prev.text == "." and before in _ABBREVIATIONS)
        last = i
    if starts:
        starts[0] = True
    return starts


@Language.component("vn_sentences")
def vn_sentences(doc: Doc) -> Doc:
    if len(doc):
        values = numpy.array([[1 if s else -1] for s in sentence_starts(doc)], dtype="int32").astype("uint64")
        doc.from_array([SENT_START], values)
    return doc
