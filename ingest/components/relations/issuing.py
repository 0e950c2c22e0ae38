"""ISSUED: "<number> [ngày ...] của <body>", coordinated numbers sharing it, "<type word> của
<body> ... (<type word> số <number>)", "<body> vừa ban hành/có <type> số <number>", "tại <number>,
<body> phê chuẩn", the legal text's own number with its enacting body; otherwise the number's
issuer code with the article's jurisdiction (marked ``implied``), resolved later."""

from __future__ import annotations

import re

from ...gazetteer import load
from ...mentions import BodyMention, DocMention, Fact
from ...numbers import same_type
from ...triggers import pattern
from .context import _COORD, Context

_CUA = re.compile(r"\s*(?:,\s*)?(?:ngày\s+[^,;.()]{1,40}?\s*,?\s*)?(?:do\s+|của\s+)", re.I)


def _subj_verb() -> re.Pattern[str]:
    return pattern("issuing", r"\s*(?:\([^()]{1,30}\)\s*)?(?:đã\s+|vừa\s+|mới\s+)*(?:ký\s+)?", r"\s+")


def _enact() -> re.Pattern[str]:
    return pattern("enacting", r"\s*(?:đã\s+|vừa\s+)?")


_AT_DOC = re.compile(r"\s*(?:ngày\s+[^,;.()]{1,40}?)?\s*,\s*", re.I)


def _at_verb() -> re.Pattern[str]:
    return pattern("at_number", r"\s*(?:đã\s+|vừa\s+)?")


def issued(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    stated: dict[int, list[BodyMention]] = {}
    rule: dict[int, str] = {}  # which rule stated a number's issuer
    ordered = sorted(ctx.docs, key=lambda d: d.start)
    # "<number> [ngày ...] của <body>" and coordinated numbers sharing it (right to left)
    for i in range(len(ordered) - 1, -1, -1):
        d = ordered[i]
        m = _CUA.match(ctx.text, d.end)
        bodies = []
        if m:
            b = ctx.title_body_at(m.end())
            if b:
                bodies = [b] + _co_issuers(ctx, b)
        how = "issuing.number_of_body"
        if not bodies and i + 1 < len(ordered):
            nxt = ordered[i + 1]
            if _joined(ctx.text, d, nxt) and nxt.start in stated:
                bodies = stated[nxt.start]
                how = "issuing.coordinated_numbers"
        if bodies:
            stated[d.start], rule[d.start] = bodies, how
    # "<type word> của <body> ... (<type word> số <number>)"
    for t in ctx.gaz.starts("DOCTYPE"):
        m = re.compile(r"\s+của\s+", re.I).match(ctx.text, t.end)
        if not m or any(d.type_start == t.start for d in ordered):
            continue
        bodies = ctx.bodies_from(m.end())
        if not bodies:
            continue
        s, e = ctx.sentence(t.start)
        for d in ordered:
            if t.end < d.start < e and same_type(t.ident, d.type_code) and d.start not in stated:
                stated[d.start] = bodies
                rule[d.start] = "issuing.type_of_body"
    # "<body> vừa ban hành / có <type> số <number>" and "tại <number>, <body> phê chuẩn"
    for b in ctx.bodies:
        m = _subj_verb().match(ctx.text, b.end)
        if m:
            s, e = ctx.sentence(b.start)
            for i, d in enumerate(ordered):
                if m.end() <= d.start < min(e, m.end() + 120) and d.start not in stated:
                    # "ban hành các Kết luận số 140, 141-KL/TU": the numbers listed with it too
                    listed = [d]
                    for nxt in ordered[i + 1 :]:
                        if not _joined(ctx.text, listed[-1], nxt):
                            break
                        listed.append(nxt)
                    for x in listed:
                        stated.setdefault(x.start, [b])
                        rule.setdefault(x.start, "issuing.body_issues")
                    break
    for d in ordered:
        m = _AT_DOC.match(ctx.text, d.end)
        if m and d.start not in stated:
            b = ctx.body_at(m.end())
            if b and _at_verb().match(ctx.text, b.end):
                stated[d.start] = [b]
                rule[d.start] = "issuing.at_number"
    for d in ordered:
        for b in stated.get(d.start, []):
            _complete_party_number(d, b)
            facts.append(Fact("ISSUED", b, d, ctx.sentence(d.start), {}, rule[d.start]))
    facts += own_document_issuers(ctx)
    facts += implied_issuers(ctx, {d.number for d in ordered if d.start in stated})
    return facts


_NUMBER_GAP = re.compile(r"\s*(?:,|và)\s*(?:số\s*)?", re.I)


def _joined(text: str, d: DocMention, nxt: DocMention) -> bool:
    """Is ``nxt`` listed right after ``d`` ("1/QĐ-UBND, 2/QĐ-UBND và Quyết định số 3/QĐ-UBND")?"""
    gap = text[d.end : nxt.type_start if nxt.type_start and nxt.type_start > d.end else nxt.start]
    return bool(_NUMBER_GAP.fullmatch(gap))


def _co_issuers(ctx: Context, issuer: BodyMention) -> list[BodyMention]:
    """The bodies coordinated with a number's issuer ("của Bộ Chính trị, Ban Bí thư"), unless a
    comma joins them and a predicate follows: then they open the next clause ("Theo Quyết định
    ... của UBND tỉnh, Sở Y tế được giao chủ trì") and issued nothing."""
    sep = _COORD.match(ctx.text, issuer.end)
    if not sep:
        return []
    co = ctx.bodies_from(sep.end())[:3]
    if co and "," in sep.group() and _clause_subject().match(ctx.text, co[-1].end):
        return []
    return co


def _clause_subject() -> re.Pattern[str]:
    return pattern("clause_subject", r"\s*")


def _complete_party_number(d: DocMention, body: BodyMention) -> None:
    """"Nghị quyết số 15 của Bộ Chính trị" is 15-NQ/TW: a Party number is serial-TYPE/ISSUER,
    so a bare serial with its type and a central Party issuer completes it. (State numbers
    also carry a year-restarting serial and unit codes; they stay as written.)"""
    code = load("issuers")["party_bodies"].get(body.kind) if body.central else None
    if d.parsed is None and code and d.type_code and "/" not in d.number:
        d.number = f"{d.number}-{d.type_code}/{code}"
        d.issuer_code = code


def own_document_issuers(ctx: Context) -> list[Fact]:
    """In a legal text: "Ban Bí thư quy định ...", "Ủy ban nhân dân tỉnh ban hành Kế hoạch ..."."""
    own = ctx.doc._.own_document
    if own is None:
        return []
    facts = []
    for s, e in ctx.sentences:
        b = ctx.body_at(s)
        if b and _enact().match(ctx.text, b.end) and not any(s <= d.start < e for d in ctx.docs):
            facts.append(Fact("ISSUED", b, own, (s, e), {}, "issuing.own_document"))
    return facts


def implied_issuers(ctx: Context, stated_numbers: set[str]) -> list[Fact]:
    """A number whose issuer the text does not state: its issuer code says who (resolved with
    the article's jurisdiction later). One fact per document, on its first mention."""
    issuers = load("issuers")
    facts, seen = [], set()
    for d in sorted(ctx.docs, key=lambda d: d.start):
        if d.number in stated_numbers or d.number in seen or not d.issuer_code:
            continue
        seen.add(d.number)
        base = re.sub(r"\d+$", "", d.issuer_code)
        if base in issuers["central"]:
            body = BodyMention(d.start, d.end, d.surface, issuers["central"][base], central=True, implied=True)
        elif base in issuers["local"]:
            kind = issuers["local"][base]
            committees = load("bodies")["party_committees"]
            level = committees[kind]["level"] if kind in committees else ""
            body = BodyMention(d.start, d.end, d.surface, kind, level, implied=True)
        else:
            continue
        s, e = ctx.sentence(d.start)
        named = [b for b in ctx.bodies if s <= b.start < e and _same_body_kind(b, body)]
        if named:  # "kết luận số 143-KL/TU, kết luận Hội nghị ..., Ban Chấp hành Đảng bộ thành phố"
            facts.append(Fact("ISSUED", named[0], d, (s, e), {}, "issuing.code_named_body"))
        else:
            facts.append(Fact("ISSUED", body, d, (s, e), {"implied": True}, "issuing.issuer_code"))
    return facts


_COMMITTEES = {"Thành ủy", "Tỉnh ủy"}


def _same_body_kind(mention: BodyMention, implied: BodyMention) -> bool:
    """A body named in the sentence is the one the issuer code points to."""
    if mention.generic or mention.level in ("quận", "huyện", "thị xã", "xã", "phường") and not implied.level:
        return False
    if mention.parent is not None:
        return f"{mention.kind} {mention.parent.kind}" == implied.kind
    return mention.kind == implied.kind or {mention.kind, implied.kind} <= _COMMITTEES

