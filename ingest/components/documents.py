"""``vn_documents``: document numbers, with the type word and date the text gives them.

Full numbers of every shape come from ``ingest.numbers``. A bare reference ("Quyết định 131
ngày 19-1 của Thủ tướng", "Nghị quyết 248/2025 của Quốc hội") counts only when the type word
is written and a date or an issuer follows: "Kế hoạch 5 năm" and "Đề án 06)" are not numbers.
The legal header's "Số: 612/QĐ-UBND" (or "Số 612/QĐ-UBND" alone on its line) marks the text's own document (``doc._.own_document``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..mentions import DocMention
from ..numbers import find_numbers, same_type, type_name
from .gaz import GazIndex, doc_text

for _name in ("doc_mention",):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("own_document"):
    Doc.set_extension("own_document", default=None)

_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*(?:[/-]|\s+tháng\s+)(\d{1,2})(?:\s*(?:[/-]|\s+năm\s+)(\d{4}))?", re.I
)
_BARE = re.compile(r"(?:số\s+)?(\d{1,5})(?:/((?:19|20)\d\d))?(?![\w/-])")
_BARE_FOLLOW = re.compile(r"\s*(?:,\s*)?(?:ngày|của)\b", re.I)
_OWN = re.compile(r"(?:^|\n)\s*Số\s*[:.]?\s*$", re.I)
_TYPE_GAP = re.compile(r"^[^,.;:()\n\d]{0,80}$")


def _date_after(text: str, end: int) -> tuple[str | None, int | None]:
    m = _DATE_AFTER.match(text, end)
    if not m:
        return None, None
    d, mo, y = int(m[1]), int(m[2]), m[3]
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None, None
    if y:
        return f"{int(y):04d}-{mo:02d}-{d:02d}", int(y)
    return None, None


def _type_before(gaz: GazIndex, text: str, start: int) -> tuple[str | None, str | None, int | None]:
    """The type word standing before a number ("Kế hoạch số", "Luật Khoáng sản số")."""
    best = None
    for m in gaz.starts("DOCTYPE"):
        if m.end <= start and _TYPE_GAP.match(text[m.end : start]) and len(text[m.end : start].split()) <= 8:
            best = m  # the nearest one wins: starts() is in text order
    if best is None:
        return None, None, None
    word = text[best.start : best.end]
    return " ".join(word.split()), best.ident or None, best.start


@Language.factory("vn_documents", default_config={"header_lines": 15})
def make_documents(nlp: Language, name: str, header_lines: int):  # noqa: ANN201 (a pipe)
    """The ``vn_documents`` pipe; "Số: <number>" within the first ``header_lines`` lines is
    the text's own number."""

    def vn_documents(doc: Doc) -> Doc:
        return find_documents(doc, header_lines)

    return vn_documents


def find_documents(doc: Doc, header_lines: int) -> Doc:
    text, gaz = doc_text(doc), GazIndex(doc)
    mentions: list[DocMention] = []
    for start, end, parsed in find_numbers(text):
        word, code, tstart = _type_before(gaz, text, start)
        date, year = _date_after(text, end)
        written = word and word[0].upper() + word[1:]
        # the word written before the number names the type when it agrees with the code
        # ("Quy định 66-QĐ/TW"); else the code does ("Nghị quyết 01/NQ-CP")
        tname = type_name(code) if same_type(code, parsed.type_code) else parsed.type_name or written
        mentions.append(
            DocMention(
                start, end, text[start:end], parsed.number, tname, parsed.type_code, parsed.issuer_code,
                parsed.year or year, date, parsed, tstart,
            )
        )
    taken = [(m.start, m.end) for m in mentions]
    for t in gaz.starts("DOCTYPE"):
        if not text[t.start].isupper():
            continue
        pos = gaz.skip(t.end)
        b = _BARE.match(text, pos)
        if not b or any(s <= b.start(1) < e for s, e in taken) or not _BARE_FOLLOW.match(text, b.end()):
            continue
        date, year = _date_after(text, b.end())
        number = b.group(1) + (f"/{b.group(2)}" if b.group(2) else "")
        code = t.ident or None
        mentions.append(
            DocMention(
                b.start(1), b.end(), text[b.start(1) : b.end()], number, type_name(code) or text[t.start : t.end],
                code, None, int(b.group(2)) if b.group(2) else year, date, None, t.start,
            )
        )
    spans = []
    for m in sorted(mentions, key=lambda m: m.start):
        span = doc.char_span(m.start, m.end, label="DOCUMENT", alignment_mode="expand")
        if span is None:
            continue
        span._.doc_mention = m
        spans.append(span)
        if doc._.own_document is None and m.parsed and _OWN.search(text[max(0, m.start - 12) : m.start]):
            if text[: m.start].count("\n") < header_lines:
                doc._.own_document = m
    doc.spans["documents"] = spans
    return doc
