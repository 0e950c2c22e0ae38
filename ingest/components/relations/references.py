"""REFERENCES: "<number A> ... thực hiện / triển khai / cụ thể hóa / căn cứ ... <number B>"."""

from __future__ import annotations

import re

from ...mentions import Fact
from ...triggers import pattern
from .context import Context


def _ref_words() -> re.Pattern[str]:
    return pattern("referencing")


_CAN_CU = re.compile(r"^\s*[-–]?\s*căn cứ\b", re.I)


def references(ctx: Context) -> list[Fact]:
    facts = []
    own = ctx.doc._.own_document
    for s, e in ctx.sentences:
        in_sent = [d for d in ctx.docs if s <= d.start < e]
        if own is not None and _CAN_CU.match(ctx.text[s:e]):
            for d in in_sent:
                if d.number != own.number:
                    facts.append(Fact("REFERENCES", own, d, (s, e), {"relation": "căn cứ"}, "references.can_cu"))
            continue
        for i, a in enumerate(in_sent):
            for b in in_sent[i + 1 :]:
                between = ctx.text[a.end : b.start]
                w = _ref_words().search(between)
                if w and a.number != b.number and not re.search(r"[;]", between):
                    facts.append(Fact("REFERENCES", a, b, (s, e), {"relation": " ".join(w.group("w").lower().split())}, "references.verb"))
                    break
    return facts

