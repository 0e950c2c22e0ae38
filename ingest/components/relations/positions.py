"""CHAIRED / HOLDS: a person's titles with their bodies (a head title chairs; others hold); a
title with no body written may imply one ("Thủ tướng" -> Chính phủ)."""

from __future__ import annotations

from ...gazetteer import load
from ...mentions import BodyMention, Fact, TitleMention
from .context import Context, implied_body


def positions(ctx: Context) -> list[Fact]:
    facts = []
    for p in ctx.persons:
        for t in p.titles:
            body = t.body or implied_body(t.canon, t.start, t.end, ctx.text)
            if body is None or body.generic:
                continue
            rel = "CHAIRED" if t.role == "head" else "HOLDS"
            facts.append(Fact(rel, p, body, ctx.sentence(t.start), {"title": _position_title(t, body)}, p.title_rules.get(t.start, "positions.title_chain")))
    return facts


def _position_title(t: TitleMention, body: BodyMention) -> str:
    """"Chánh" of "Văn phòng UBND tỉnh" is the "Chánh Văn phòng": a title that needs its body
    takes the organ's name ("Trưởng Ban Tuyên giáo", "Trưởng Đoàn đại biểu Quốc hội")."""
    if load("titles")["titles"].get(t.canon, {}).get("needs_body") and not body.implied:
        return f"{t.surface} {body.kind}"
    return t.surface

