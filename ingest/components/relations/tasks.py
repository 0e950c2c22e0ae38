"""ASSIGNS: "<body A> giao / yêu cầu / chỉ đạo <body B> ...", "Theo kế hoạch, <body> chủ trì"."""

from __future__ import annotations

import re

from ...mentions import Fact
from .context import Context

_ASSIGN_VERB = re.compile(r"\s+(giao|yêu cầu|phân công|chỉ đạo|đề nghị|giao cho)\s+", re.I)
_THEO = re.compile(r"\btheo\s+(kế hoạch|quyết định|nghị quyết|chỉ thị|kết luận|chương trình|đề án)\s*,\s*", re.I)
_CHU_TRI = re.compile(r"\s+(?:sẽ\s+)?chủ trì\b", re.I)
def _task(ctx: Context, pos: int, end: int) -> str:
    return " ".join(ctx.text[pos:end].split(";")[0].split())[:300]


def assigns(ctx: Context) -> list[Fact]:
    facts = []
    for a in ctx.bodies:
        m = _ASSIGN_VERB.match(ctx.text, a.end)
        if not m:
            continue
        s, e = ctx.sentence(a.start)
        targets = ctx.bodies_from(m.end())
        for b in targets:
            facts.append(Fact("ASSIGNS", a, b, (s, e), {"task": _task(ctx, targets[-1].end, e)}, "tasks.body_gives"))
    main = ctx.doc._.own_document or next(iter(sorted(ctx.docs, key=lambda d: d.start)), None)
    if main is not None:
        for m in _THEO.finditer(ctx.text):
            b = ctx.body_at(m.end())
            if b and _CHU_TRI.match(ctx.text, b.end):
                s, e = ctx.sentence(m.start())
                facts.append(Fact("ASSIGNS", main, b, (s, e), {"task": _task(ctx, b.end, e)}, "tasks.theo_chu_tri"))
    return facts

