"""CHAIRED / HOLDS: a person's titles with their bodies (a head title chairs; others hold); a
title with no body written may imply one ("Thủ tướng" -> Chính phủ). ``members_listed``: the
persons a body's member list names hold it ("Đoàn ĐBQH tỉnh X, gồm: <titles> A; <titles> B").
``joined``: a person joins the bodies a ``joining`` trigger names ("tham gia Ban Thường vụ")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from ...gazetteer import load
from ...mentions import BodyMention, Fact, PersonMention, TitleMention
from ...triggers import pattern
from .context import Context, implied_body


_DISTRICT_LEVELS = {"quận", "huyện", "thị xã", "xã", "phường", "thị trấn"}


def positions(ctx: Context) -> list[Fact]:
    facts = []
    for p in ctx.persons:
        for i, t in enumerate(p.titles):
            body = t.body or _placed_by_next(implied_body(t.canon, t.start, t.end, ctx.text), p.titles[i + 1 : i + 2])
            if body is None or body.generic:
                continue
            body = _named_locally(body, ctx)
            rel = "CHAIRED" if t.role == "head" else "HOLDS"
            facts.append(Fact(rel, p, body, ctx.sentence(t.start), {"title": _position_title(t, body)}, p.title_rules.get(t.start, "positions.title_chain")))
    return facts


#: after a body, the colon of its member list ("Đoàn ĐBQH tỉnh X (Đơn vị bầu cử số 2), gồm:")
_MEMBERS = re.compile(r"(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*,?[ \t]*(?:bao gồm|gồm có|gồm)[ \t]*:[ \t]*", re.I)
#: between two items of the list, once the person's titles are taken out
_ITEM_GAP = re.compile(r"[\s;,]*(?:và\s+)?(?:(?:ông|bà|đồng chí|đ/c)\s+)?", re.I)


def members_listed(ctx: Context) -> list[Fact]:
    """"Đoàn đại biểu Quốc hội tỉnh X, gồm: Phó Chủ tịch Hội Y A; Bí thư Huyện ủy Z B, đã ...":
    each person the list names (titles before or after the name) is a member of the body."""
    facts = []
    for b in ctx.bodies:
        m = _MEMBERS.match(ctx.text, b.end) if not b.generic else None
        if m is None:
            continue
        for p in listed_persons(ctx, m.end()):
            facts.append(Fact("HOLDS", p, b, ctx.sentence(p.start), {"title": "thành viên"}, "positions.member_list"))
    return facts


def listed_persons(ctx: Context, pos: int) -> list[PersonMention]:
    """The persons of a list starting at ``pos`` and running to the end of its sentence: one
    after another, only their titles, a separator, "và" or a honorific in between."""
    _, end = ctx.sentence(pos)
    out = []
    for p in sorted((p for p in ctx.persons if pos <= p.start < end), key=lambda p: p.start):
        if p.start < pos or not _ITEM_GAP.fullmatch(_outside_titles(ctx.text, pos, p.start, p)):
            break
        out.append(p)
        pos = max([p.end, *(t.full_end for t in p.titles if t.start >= p.end)])
    return out


def joined(ctx: Context) -> list[Fact]:
    """"Bộ Chính trị chỉ định đồng chí A tham gia Ban Chấp hành Đảng bộ, Ban Thường vụ Thành ủy":
    the person right before the trigger (after the titles written after the name, only adverbs
    such as "đã", "cũng", "được" in between; no other body) holds each body named after it."""
    facts = []
    persons = sorted(ctx.persons, key=lambda p: p.start)
    person_starts = [p.start for p in persons]
    bodies = sorted(ctx.bodies, key=lambda b: b.start)
    body_starts = [b.start for b in bodies]
    for m in pattern("joining", after=r"[ \t]+").finditer(ctx.text):
        s, _ = ctx.sentence(m.start())
        i = bisect_right(person_starts, m.start()) - 1
        while i >= 0 and persons[i].end > m.start():
            i -= 1
        if i < 0 or persons[i].start < s:
            continue
        p = persons[i]
        tail = max([p.end, *(t.full_end for t in p.titles if p.end <= t.start and t.full_end <= m.start())])
        j = bisect_left(body_starts, tail)
        if not _JOIN_GAP.fullmatch(ctx.text, tail, m.start()) or (j < len(bodies) and bodies[j].start < m.start()):
            continue  # "ông A đề nghị các sở tham gia ...": the person is not the one who joins
        listed = _bare_organs(ctx, p, m.end()) or _listed_bodies(ctx, m.end(), bodies[bisect_left(body_starts, m.end()) :])
        if listed and listed[0].parent is not None and _WHOLE_COMMITTEE.fullmatch(ctx.text, m.end(), listed[0].start):
            listed.insert(0, listed[0].parent)  # "tham gia Ban Chấp hành Đảng bộ, Ban Thường vụ Thành ủy"
        for b in listed:
            if not b.generic:
                facts.append(Fact("HOLDS", p, _named_locally(b, ctx), ctx.sentence(m.start()), {"title": "thành viên"}, "positions.joined"))
    return facts


#: what may stand between the person (and the titles after the name) and the joining verb
_JOIN_GAP = re.compile(r"[\s,]*(?:(?:đã|sẽ|cũng|vừa|tiếp tục|từng|được|không|chưa|thôi)\s+)*", re.I)
#: the whole committee written without its place, before one of its organs
_WHOLE_COMMITTEE = re.compile(r"Ban Chấp hành(?:[ \t]+Đảng bộ)?[ \t]*(?:,|và)[ \t]*", re.I)
#: a word of a list of names: "và", a capitalised word, a lower-case one after a capitalised one
_LIST_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")


#: a Party organ written bare in a list after a joining verb ("tham gia Ban Chấp hành, Ban Thường vụ và ...")
_BARE_ORGAN = re.compile(r"(?P<o>Ban Chấp hành(?:[ \t]+Đảng bộ)?|Ban Thường vụ)[ \t]*(?:,[ \t]*)?(?:và[ \t]+)?", re.I)


def _bare_organs(ctx: Context, p: PersonMention, start: int) -> list[BodyMention]:
    """"điều động ông A tham gia Ban Chấp hành, Ban Thường vụ và giữ chức Phó Bí thư Tỉnh ủy Cà Mau":
    organs written bare belong to the Party committee of the post the person takes right after
    them (the committee itself for "Ban Chấp hành": one body, two names)."""
    organs, pos = [], start
    while m := _BARE_ORGAN.match(ctx.text, pos):
        organs.append(m)
        pos = m.end()
    if not organs or ctx.text[organs[-1].end("o") : organs[-1].end()].strip(" \t,") != "và":
        return []  # the list must go on with the post: "... và giữ chức <title> <committee>"
    committees = load("bodies")["party_committees"]
    post = next((t for t in p.titles if pos <= t.start <= pos + 40 and t.body is not None and t.body.kind in committees
                 and not t.body.generic), None)
    if post is None:
        return []
    c = post.body
    return [c if not m.group("o").lower().startswith("ban thường vụ")
            else BodyMention(m.start("o"), m.end("o"), m.group("o"), "Ban Thường vụ", c.level, c.place, parent=c) for m in organs]


def _listed_bodies(ctx: Context, start: int, after: list[BodyMention]) -> list[BodyMention]:
    """The bodies (of ``after``, those from ``start`` on, in order) of a list of names starting at
    ``start`` ("Ban Chấp hành Đảng bộ, Ban Thường vụ Tỉnh ủy, giữ chức ..."): items no gazetteer
    knows may stand between them; the list ends at the first word that is no name's."""
    _, end = ctx.sentence(start)
    starts = {}
    for b in after:
        if b.start >= end:
            break
        starts.setdefault(b.start, b)
    out, capital = [], False
    for m in _LIST_TOKEN.finditer(ctx.text, start, end):
        if m.start() in starts and m.start() >= (out[-1].end if out else start):
            out.append(starts[m.start()])
        if m.start() < (out[-1].end if out else start):
            continue
        tok = m.group(0)
        if not (tok == "," or tok == "và" or tok[0].isupper() or (tok.isalpha() and capital)):
            break
        capital = tok[0].isupper()
    return out


def _outside_titles(text: str, start: int, end: int, p: PersonMention) -> str:
    """``text[start:end]`` with the titles of ``p`` written there taken out."""
    out, pos = [], start
    for t in sorted(p.titles, key=lambda t: t.start):
        if start <= t.start < end and t.start >= pos:
            out.append(text[pos : t.start])
            pos = t.full_end
    out.append(text[pos:end])
    return "".join(out)


def _placed_by_next(body: BodyMention | None, after: list[TitleMention]) -> BodyMention | None:
    """"Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Hải Dương": the committee a title implies is that
    of the place the next post of the chain names at the same level."""
    nxt = after[0].body if after else None
    if body is None or body.place or nxt is None or not nxt.place or nxt.level != body.level:
        return body
    return replace(body, place=nxt.place)


def _named_locally(body: BodyMention, ctx: Context) -> BodyMention:
    """"Phó Bí thư Đảng ủy, Chủ tịch UBND xã" in an article about one commune: a local body
    written without its place is the one place the article names at that level (or, for a
    bare "Đảng ủy", at the one commune or ward level it names). With two or more, it stays
    as written. An organ of such a body is of that one too ("Ủy viên Ban Thường vụ Đảng ủy,
    Phó Chủ tịch UBND xã")."""
    if body.parent is not None and not body.place and not body.central:
        parent = _named_locally(body.parent, ctx)
        return body if parent is body.parent else replace(body, level=parent.level, place=parent.place, parent=parent)
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

