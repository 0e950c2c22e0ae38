"""Positions in ad hoc bodies (Ban Chỉ đạo, Tổ công tác, Đoàn công tác...), which the text
sets up and then staffs with a verb rather than a title before a name:

* ``ad_hoc.lead_role``  "thành lập Ban Chỉ đạo X do <person> làm / là Trưởng ban" (CHAIRED), "<person>
                        làm Phó Trưởng ban" (HOLDS), "Đoàn công tác do <person> dẫn đầu" (CHAIRED):
                        the body is the one written right before "do <person>" (any body, an organ
                        read as written too: "Ban Pháp chế do ông A làm Trưởng ban", and those
                        coordinated with it: "Đoàn công tác X và Đoàn giám sát Y do ..."), else the
                        last ad hoc body named before the person in the paragraph.
* ``ad_hoc.member_list`` "các phó trưởng ban gồm: ông A- Chủ tịch UBND tỉnh; ông B- ...", "Tổ trưởng là
                        ông C": a role with no body written, before a list of persons, is held in
                        the last ad hoc body of that kind named before it in the paragraph or
                        the one before (heads CHAIRED, the others HOLDS).

The deciding document's ASSIGNS is a task (``tasks.establishes``).
"""

from __future__ import annotations

import bisect
import re

from ...mentions import BodyMention, Fact, PersonMention
from ..bodies import is_ad_hoc
from ..people import organ_before
from .context import Context
from .positions import listed_persons

#: after a person (and the titles written after the name): the role taken in the body
_ROLE = re.compile(
    r"(?<!\w)(?:(?P<verb>làm|là)\s+(?P<title>(?P<deputy>Phó\s+)?(?:Trưởng\s+ban|Trưởng\s+đoàn|Tổ\s+trưởng|Chủ\s+tịch(?:\s+Hội\s+đồng)?)"
    r"(?:\s+[Tt]hường\s+trực)?)|(?P<lead>dẫn\s+đầu))(?!\w)",
    re.I,
)
#: after "là" + the role, the end of its clause ("do ông A, Phó Chủ tịch UBND thành phố là Trưởng
#: ban."): "ông A là Trưởng ban Tổ chức Tỉnh ủy" names another organ's head
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)]|$)")


def _role_after(ctx: Context, p: PersonMention, starts: list[int]) -> re.Match[str] | None:
    """"làm Trưởng ban" / "dẫn đầu" after ``p``, before the next person (``starts``: every
    person's start, sorted), a ";" or the sentence end (the titles written after the name may
    stand in between)."""
    _, end = ctx.sentence(p.start)
    i = bisect.bisect_right(starts, p.end)
    limit = min(end, starts[i]) if i < len(starts) else end
    semi = ctx.text.find(";", p.end, limit)
    for m in _ROLE.finditer(ctx.text, p.end, semi if semi >= 0 else limit):
        if (m.group("verb") or "").casefold() != "là" or _CLAUSE_END.match(ctx.text, m.end()):
            return m
    return None


def _body_before(ctx: Context, pos: int, paragraphs: int = 1) -> BodyMention | None:
    """The last ad hoc body named before ``pos`` in its paragraph (or the ``paragraphs`` last)."""
    paragraph = pos
    for _ in range(paragraphs):
        paragraph = max(0, ctx.text.rfind("\n\n", 0, paragraph))
    named = [b for b in ctx.bodies if paragraph <= b.start and b.end <= pos and is_ad_hoc(b) and not b.generic]
    return named[-1] if named else None


#: "do" before the person who leads ("Ban Pháp chế do ông A làm Trưởng ban")
_BY = re.compile(r"(?<!\w)do[ \t]+", re.I)
#: what may stand between "do" and the name besides the person's titles: a honorific
_BY_GAP = re.compile(r"[\s,]*(?:(?:ông|bà|đồng chí|đ/c)\s+)?", re.I)
#: between two coordinated bodies, and between an ad hoc body and its owner
_AND = re.compile(r"[ \t]*(?:,|và)[ \t]*$")
_OF = re.compile(r"[ \t]+của[ \t]+$")


def _bodies_by(ctx: Context, p: PersonMention) -> list[BodyMention]:
    """The bodies written right before "do <person>", with those coordinated with them."""
    s, _ = ctx.sentence(p.start)
    by = None
    for by in _BY.finditer(ctx.text, max(s, p.start - 200), p.start):
        pass
    if by is None or not _BY_GAP.fullmatch(_without_titles(ctx.text, by.end(), p)):
        return []
    end = by.start()
    while end > s and ctx.text[end - 1] in " \t":
        end -= 1
    by_end: dict[int, BodyMention] = {}
    for b in ctx.bodies:  # an ad hoc body named by its owner ends where the owner does: it wins
        if s <= b.start and not b.generic and (b.end not in by_end or is_ad_hoc(b)):
            by_end[b.end] = b
    body = _ending_at(ctx, by_end, s, end) or organ_before(ctx.text, s, end)
    out = []
    while body is not None:
        out.append(body)
        sep = _AND.search(ctx.text, max(s, body.start - 6), body.start) if is_ad_hoc(body) else None
        body = _ending_at(ctx, by_end, s, sep.start()) if sep else None
        if body is not None and not is_ad_hoc(body):
            break
    return out


def _ending_at(ctx: Context, by_end: dict[int, BodyMention], s: int, end: int) -> BodyMention | None:
    """The body ending at ``end``; for "Đoàn công tác số 3 của Ban Thường vụ Tỉnh ủy", the ad
    hoc body its owner follows."""
    body = by_end.get(end)
    if body is not None and not is_ad_hoc(body):
        of = _OF.search(ctx.text, max(s, body.start - 8), body.start)
        owned = by_end.get(of.start()) if of else None
        if owned is not None and is_ad_hoc(owned):
            return owned
    return body


def _heads(role: re.Match[str], body: BodyMention) -> bool:
    """Whether the role names the body's kind of organ: a "Trưởng ban" heads a "Ban ...", a
    "Trưởng đoàn" a "Đoàn ...", a "Tổ trưởng" a "Tổ ..." ("Sở Y tế do ông A làm Trưởng đoàn
    kiểm tra": the delegation is not the department)."""
    if not role.group("title"):
        return is_ad_hoc(body)  # "dẫn đầu"
    title = re.sub(r"^phó |\s*thường trực$", "", " ".join(role.group("title").casefold().split()))
    organ = {"tổ trưởng": "tổ", "chủ tịch": ""}.get(title, re.sub(r"^(?:trưởng|chủ tịch) ", "", title))
    return body.kind.casefold().startswith(organ)


def _without_titles(text: str, start: int, p: PersonMention) -> str:
    """``text[start:p.start]`` with the person's titles written there taken out."""
    out, pos = [], start
    for t in sorted(p.titles, key=lambda t: t.start):
        if start <= t.start < p.start and t.start >= pos:
            out.append(text[pos : t.start])
            pos = t.full_end
    out.append(text[pos : p.start])
    return "".join(out)


#: a role with no body written, then the list of its holders
_LISTED_ROLE = re.compile(
    r"(?<!\w)(?:các\s+)?(?P<title>(?P<deputy>Phó\s+)?(?:Trưởng\s+ban|Trưởng\s+đoàn)|Tổ\s+trưởng|(?P<member>Tổ\s+phó|Ủy\s+viên|"
    r"Thành\s+viên))(?:\s+thường\s+trực)?\s*(?:gồm\s+có|bao\s+gồm|gồm|là)\s*:?\s*",
    re.I,
)


def member_list(ctx: Context) -> list[Fact]:
    facts = []
    for m in _LISTED_ROLE.finditer(ctx.text):
        body = _body_before(ctx, m.start(), paragraphs=2)  # (news breaks the list into a paragraph of its own)
        if body is None or not (m.group("member") or _heads(m, body)):
            continue
        title = " ".join(m.group("title").split())
        rel = "HOLDS" if m.group("deputy") or m.group("member") else "CHAIRED"
        for p in listed_persons(ctx, m.end()):
            facts.append(Fact(rel, p, body, ctx.sentence(p.start), {"title": title}, "ad_hoc.member_list"))
    return facts


def lead_role(ctx: Context) -> list[Fact]:
    facts = []
    starts = sorted(q.start for q in ctx.persons)
    for p in ctx.persons:
        m = _role_after(ctx, p, starts)
        if not m:
            continue
        title = " ".join(m.group("title").split()) if m.group("title") else "Trưởng đoàn"
        before = _body_before(ctx, p.start)
        bodies = [b for b in _bodies_by(ctx, p) if _heads(m, b)] or ([before] if before else [])
        rel = "HOLDS" if m.group("deputy") else "CHAIRED"
        for body in bodies:
            facts.append(Fact(rel, p, body, ctx.sentence(p.start), {"title": title}, "ad_hoc.lead_role"))
    return facts
