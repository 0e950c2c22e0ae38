"""``vn_coref``: later short references to an official of the same article, resolved to the
full name, so that what they do ("Ông Hùng đã ký ...", "đồng chí Bí thư chủ trì ...") is a fact
about the right person. Runs after ``vn_people`` and before ``vn_relations``.

* honorific + given name: "ông Hùng", "bà Tuyến", "đồng chí Anh" -> the one person of the article
  whose full name ends with that name (none or several: left alone);
* honorific + title: "đồng chí Bí thư", "ông Chủ tịch" -> the one person of the article named with
  that title (several holders: left alone).

Each resolved reference becomes a ``PersonMention`` of the full name (without titles: the
reference states no position) and is listed in ``doc._.short_references`` as
``(surface, full name)`` for the graph's identity notes (``graph person NAME --why``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import CAP
from ..mentions import PersonMention
from ..spans import Covered
from .gaz import GazIndex, doc_text

if not Doc.has_extension("short_references"):
    Doc.set_extension("short_references", default=None)

_GIVEN = re.compile(rf"({CAP})(?![\w])")


def short_references(doc: Doc) -> list[tuple[PersonMention, str]]:
    """The short references of ``doc`` with the surface each was written as."""
    text = doc_text(doc)
    gaz = GazIndex(doc)
    persons: list[PersonMention] = list(doc._.persons or [])
    taken = Covered(len(text), ((p.start, p.end) for p in persons))
    by_given: dict[str, set[str]] = {}
    by_title: dict[str, set[tuple[str, str]]] = {}  # title -> {(name, kind of its body)}
    for p in persons:
        by_given.setdefault(p.name.split()[-1], set()).add(p.name)
        for t in p.titles:
            by_title.setdefault(t.canon, set()).add((p.name, t.body.kind if t.body else ""))
    loose = {t.start: t for t in doc._.title_mentions or []}
    out = []
    for h in gaz.starts("HONORIFIC"):
        pos = gaz.skip(h.end)
        if pos in taken:
            continue
        t = loose.get(pos)
        if t is not None:
            holders = by_title.get(t.canon, set())
            names = {n for n, kind in holders if t.body is None or kind == t.body.kind}
            end = t.full_end
        else:
            m = _GIVEN.match(text, pos)
            if not m or gaz.at(pos, "TITLE", "PLACE"):
                continue
            names, end = by_given.get(m.group(1), set()), m.end()
        if len(names) == 1:
            out.append((PersonMention(pos, end, next(iter(names)), []), text[h.start : end]))
    return out


@Language.component("vn_coref")
def vn_coref(doc: Doc) -> Doc:
    found = short_references(doc)
    if found:
        doc._.persons = sorted(list(doc._.persons or []) + [p for p, _ in found], key=lambda p: p.start)
    doc._.short_references = [(surface, p.name) for p, surface in found]
    return doc
