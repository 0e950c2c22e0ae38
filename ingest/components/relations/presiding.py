"""CHAIRED (event): "<person> ... chủ trì <Hội nghị ...>"."""

from __future__ import annotations

import re

from ...mentions import EventMention, Fact
from .context import Context

_PRESIDE = re.compile(
    r"\bchủ trì\s+((?:các\s+)?(?:hội nghị|buổi làm việc|buổi tiếp|phiên họp|cuộc họp|kỳ họp|buổi lễ|lễ|hội thảo|tọa đàm|"
    r"buổi gặp|cuộc gặp|đoàn)\b[^.;\n]*)",
    re.I,
)


def presided(ctx: Context) -> list[Fact]:
    facts = []
    for m in _PRESIDE.finditer(ctx.text):
        s, e = ctx.sentence(m.start())
        before = [p for p in ctx.persons if s <= p.start < m.start()]
        if not before:
            continue
        full = " ".join(m.group(1).split()).rstrip(" ,")
        short = re.split(r"\s+về\s+|,", full)[0].strip()
        name = short if len(short.split()) >= 2 else full
        aliases = [full] if full != name else []
        ev = EventMention(m.start(1), m.start(1) + len(m.group(1)), name, aliases)
        facts.append(Fact("CHAIRED", before[-1], ev, (s, e), {"title": "chủ trì"}, "presiding.chu_tri"))
    return facts

