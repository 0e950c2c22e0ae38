"""Positions in ad hoc bodies (Ban Chỉ đạo, Tổ công tác, Đoàn công tác...), which the text
sets up and then staffs with a verb rather than a title before a name:

* ``ad_hoc.lead_role``  "thành lập Ban Chỉ đạo X do <person> làm Trưởng ban" (CHAIRED), "<person>
                        làm Phó Trưởng ban" (HOLDS), "Đoàn công tác do <person> dẫn đầu" (CHAIRED):
                        the body is the last ad hoc body named before the person in the paragraph.

The deciding document's ASSIGNS is a task (``tasks.establishes``).
"""

from __future__ import annotations

import bisect
import re

from ...mentions import BodyMention, Fact, PersonMention
from ..bodies import is_ad_hoc
from .context import Context

#: after a person (and the titles written after the name): the role taken in the body
_ROLE = re.compile(
    r"(?<!\w)(?:làm\s+(?P<title>(?P<deputy>Phó\s+)?(?:Trưởng\s+ban|Trưởng\s+đoàn|Tổ\s+trưởng|Chủ\s+tịch(?:\s+Hội\s+đồng)?)"
    r"(?:\s+[Tt]hường\s+trực)?)|(?P<lead>dẫn\s+đầu))(?!\w)",
    re.I,
)


def _role_after(ctx: Context, p: PersonMention, starts: list[int]) -> re.Match[str] | None:
    """"làm Trưởng ban" / "dẫn đầu" after ``p``, before the next person (``starts``: every
    person's start, sorted), a ";" or the sentence end (the titles written after the name may
    stand in between)."""
    _, end = ctx.sentence(p.start)
    i = bisect.bisect_right(starts, p.end)
    limit = min(end, starts[i]) if i < len(starts) else end
    semi = ctx.text.find(";", p.end, limit)
    return _ROLE.search(ctx.text, p.end, semi if semi >= 0 else limit)


def _body_before(ctx: Context, pos: int) -> BodyMention | None:
    paragraph = ctx.text.rfind("\n\n", 0, pos)
    named = [b for b in ctx.bodies if paragraph <= b.start and b.end <= pos and is_ad_hoc(b) and not b.generic]
    return named[-1] if named else None


def lead_role(ctx: Context) -> list[Fact]:
    facts = []
    starts = sorted(q.start for q in ctx.persons)
    for p in ctx.persons:
        m = _role_after(ctx, p, starts)
        if not m:
            continue
        body = _body_before(ctx, p.start)
        if body is None:
            continue
        title = " ".join(m.group("title").split()) if m.group("title") else "Trưởng đoàn"
        rel = "HOLDS" if m.group("deputy") else "CHAIRED"
        facts.append(Fact(rel, p, body, ctx.sentence(p.start), {"title": title}, "ad_hoc.lead_role"))
    return facts
