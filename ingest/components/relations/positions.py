"""CHAIRED / HOLDS: a person's titles with their bodies (a head title chairs; others hold); a
title with no body written may imply one ("Thủ tướng" -> Chính phủ)."""

from __future__ import annotations

from dataclasses import replace

from ...gazetteer import load
from ...mentions import BodyMention, Fact, TitleMention
from .context import Context, implied_body


_DISTRICT_LEVELS = {"quận", "huyện", "thị xã", "xã", "phường", "thị trấn"}


def positions(ctx: Context) -> list[Fact]:
    facts = []
    for p in ctx.persons:
        for t in p.titles:
            body = t.body or implied_body(t.canon, t.start, t.end, ctx.text)
            if body is None or body.generic:
                continue
            body = _named_locally(body, ctx)
            rel = "CHAIRED" if t.role == "head" else "HOLDS"
            facts.append(Fact(rel, p, body, ctx.sentence(t.start), {"title": _position_title(t, body)}, p.title_rules.get(t.start, "positions.title_chain")))
    return facts


def _named_locally(body: BodyMention, ctx: Context) -> BodyMention:
    """"Phó Bí thư Đảng ủy, Chủ tịch UBND xã" in an article about one commune: a local body
    written without its place is the one place the article names at that level (or, for a
    bare "Đảng ủy", at the one commune or ward level it names). With two or more, it stays
    as written."""
    if body.place or body.parent is not None or body.central or body.implied:
        return body
    if body.level not in _DISTRICT_LEVELS and not (body.kind == "Đảng ủy" and not body.level):
        return body
    named = {(b.level, b.place) for b in ctx.bodies if b.place and b.level in _DISTRICT_LEVELS}
    if body.level:
        named = {n for n in named if n[0] == body.level}
    if len(named) != 1:
        return body
    level, place = next(iter(named))
    return replace(body, level=level, place=place)


def _position_title(t: TitleMention, body: BodyMention) -> str:
    """"Chánh" of "Văn phòng UBND tỉnh" is the "Chánh Văn phòng": a title that needs its body
    takes the organ's name ("Trưởng Ban Tuyên giáo", "Trưởng Đoàn đại biểu Quốc hội")."""
    if load("titles")["titles"].get(t.canon, {}).get("needs_body") and not body.implied:
        return f"{t.surface} {body.kind}"
    return t.surface

