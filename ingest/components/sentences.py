"""``vn_sentences``: sentence boundaries for news and legal text.

A new line always starts a sentence (headlines, captions and legal lines carry no full stop);
so does a token after ``.``, ``!``, ``?`` or ``…`` when an upper-case letter, digit or quote
follows, unless the full stop ends an abbreviation ("TP.", "KT.", "TM.").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = {".", "!", "?", "…"}
_ABBREVIATIONS = {"tp", "tm", "kt", "q", "tl", "tuq", "ths", "ts", "gs", "pgs", "st", "p", "tt", "đ/c", "ông", "bà"}


@Language.component("vn_sentences")
def vn_sentences(doc: Doc) -> Doc:
    starts = [True] + [False] * (len(doc) - 1) if len(doc) else []
    for i in range(1, len(doc)):
        prev, tok = doc[i - 1], doc[i]
        if tok.is_space:
            continue
        j = i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        gap = doc.text[doc[j].idx + len(doc[j]) : tok.idx] if j >= 0 else ""
        if "\n" in gap:
            starts[i] = True
        elif j >= 0 and doc[j].text in _ENDERS and (tok.text[0].isupper() or tok.text[0].isdigit() or tok.text in "\"“'("):
            before = doc[j - 1].lower_ if j > 0 else ""
            starts[i] = not (doc[j].text == "." and before in _ABBREVIATIONS)
        del prev
    for tok, start in zip(doc, starts):
        tok.is_sent_start = start
    return doc
