"""ASSIGNS: a task handed to a body, from whoever the sentence makes the giver.

Rules (each fact names its rule):

* ``tasks.subject_gives``  "<giver> [đã|vừa|cũng...] giao / yêu cầu / phân công / chỉ đạo / đề nghị
                           [cho] <body>[, <body>...] <task>": the giver is the grammatical subject
                           written right before the verb: a body ("UBND tỉnh giao Văn phòng UBND
                           tỉnh ...", "UBND tỉnh vừa có văn bản yêu cầu ..."), a document ("Kế hoạch
                           số 12/KH-UBND giao Sở Y tế ...", or a type word standing for the last one
                           named: "Kế hoạch giao ..."), or a title with its body ("Chủ tịch UBND tỉnh
                           yêu cầu Công an tỉnh ..."), or a head named without a title ("Ông An
                           cũng giao ...": the one office the article gives the person).
* ``tasks.task_first``     "<giver> giao nhiệm vụ <task> cho <body>": the task written before the
                           bodies it is given to (``task_first`` verbs: the object is the task).
* ``tasks.given_by``       the passive: "<body>[ và <body>] được <giver> giao / phân công / yêu cầu
                           <task>" (the giver as in ``tasks.subject_gives``).
* ``tasks.document_gives`` a verb with no subject, opening a sentence or clause ("Giao Sở Nội vụ
                           chủ trì ...", "- Yêu cầu Công an tỉnh ...", "; giao ...", ", trong đó
                           giao ..."): the giver is the
                           document the text is (a legal text's own number), else the document named
                           earlier in the same sentence.
* ``tasks.body_in_charge`` "<body> chủ trì, phối hợp ... / có trách nhiệm ... / là cơ quan thường
                           trực ..." where a document is in force: opening a sentence of a legal
                           text (its own document), or after "Theo kế hoạch / quyết định / đó," (the
                           article's main document).

* ``tasks.establishes``   "Quyết định số 12/QĐ-UBND thành lập / kiện toàn Ban Chỉ đạo X": the document
                           named before the verb in the sentence (else the text's own), else the body
                           the sentence opens with (or the head title it opens with: "Chủ tịch UBND
                           tỉnh đã có quyết định thành lập ..." is the UBND's), gives the new ad hoc
                           body its task.
* ``tasks.standing_agency`` "Thường trực Ban Điều hành đặt tại Sở X", "Sở X là cơ quan thường trực của
                           Ban Chỉ đạo": whoever set the ad hoc body up (``tasks.establishes`` in the
                           same article) gives the body hosting it its task; nobody named, no fact.

The recipients are bodies, or head titles standing for the body written after them ("yêu cầu
Giám đốc Sở Y tế ..."). The task is the clause after the last one, up to the sentence's first
";". Generic recipients ("các sở, ngành") are no body, so they give no fact.
"""

from __future__ import annotations

import re

from ...gazetteer import load, vocabulary_cache
from ...numbers import same_type
from ...triggers import pattern, words
from ...mentions import BodyMention, DocMention, Fact, PersonMention, TitleMention
from ..bodies import is_ad_hoc
from .context import Context, implied_body

_ADVERBS = r"(?:(?:đã|vừa|cũng|còn|tiếp\s+tục|đồng\s+thời|sẽ)\s+)*"
#: what may open a sentence before a body in charge: a list marker, "Theo đó," or "Theo <type
#: word> [its number, date],", or "<type word> [its number] nêu rõ / quy định:"; the document
#: named there is the one in force
_DOC_WORDS = r"(?:kế\s+hoạch|quyết\s+định|nghị\s+quyết|chỉ\s+thị|kết\s+luận|chương\s+trình|đề\s+án)"
_LEAD = re.compile(
    rf"\s*(?:[-–+•*]\s*|[a-zđ0-9]{{1,2}}[.)]\s+)?(?:(theo\s+(?:đó|{_DOC_WORDS})(?:\s+(?:số\s+)?[^\s,;]*\d[^,;]{{0,40}})?"
    rf"|{_DOC_WORDS}(?:\s+(?:số\s+)?[^\s,;]*\d[^,;]{{0,40}}?)?\s+(?:cũng\s+)?(?:nêu\s+rõ|quy\s+định|xác\s+định))\s*[,:]\s*)?",
    re.I,
)
#: what stands before a verb with no subject: the start of a sentence or clause, a list marker,
#: a linking word ("Giao ...", "; giao ...", "- Yêu cầu ...", ", trong đó giao ...")
_CLAUSE_OPEN = re.compile(
    r"(?:^|[;:]|,\s*(?=trong\s+đó|theo\s+đó|đồng\s+thời|ngoài\s+ra))\s*(?:[-–+•*]\s*|[a-zđ0-9]{1,2}[.)]\s+)?"
    r"(?:(?:(?P<link>theo\s+đó|đồng\s+thời|ngoài\s+ra)|trong\s+đó)\s*,?\s*)?$",
    re.I,
)


#: between the giver and the verb (searched backwards from the verb: a forward pattern that
#: starts with optional spaces is tried at every position of the text, a tenth of a rule's time)
#: ("UBND tỉnh vừa có văn bản yêu cầu ...", "Chủ tịch UBND tỉnh đã ký công văn giao ...": the
#: letter has no number, so its sender gives the task)
_BEFORE_VERB = re.compile(
    rf"\s*,?\s+{_ADVERBS}(?:(?:ký\s+(?:ban\s+hành\s+)?|ban\s+hành\s+|có\s+)(?:văn\s+bản|công\s+văn|công\s+điện)\s+)?$", re.I
)


def _verb_at() -> re.Pattern[str]:
    return pattern("assigning", after=r"\s+")


def _in_charge() -> re.Pattern[str]:
    """After a body (and an aside in brackets): "chủ trì, phối hợp", "có trách nhiệm"..."""
    return pattern("in_charge", before=r"\s*(?:\([^()]{1,80}\)\s*)?(?:sẽ\s+)?")


_HEADING = re.compile(r"\s*(?:\([^()]{1,80}\)\s*)?:\s*$", re.M)  # "1. Sở Nội vụ:" heads its tasks
_THEO_CHU_TRI = re.compile(r"\s+(?:sẽ\s+)?chủ\s+trì\b", re.I)


def _task(ctx: Context, pos: int, end: int) -> str:
    return " ".join(ctx.text[pos:end].split(";")[0].split())[:300].strip(" ,.:")


#: between two recipients
_AND = re.compile(r"\s*(?:,|và|;)\s*", re.I)


def _recipient_at(ctx: Context, pos: int) -> BodyMention | None:
    """A body at ``pos``, or a head title standing for the body written after it ("yêu cầu
    Giám đốc Sở Y tế ...": the department is given the task; a deputy's portfolio is no task)."""
    body = ctx.body_at(pos)
    if body is not None:
        return body
    t = ctx.gaz.at(ctx.gaz.skip(pos), "TITLE")
    if t is None or not ctx.text[t.start].isupper() or load("titles")["titles"][t.ident]["role"] != "head":
        return None  # "giao quyền Giám đốc Sở X" appoints an acting head: no task
    return ctx.body_at(t.end)


def _recipients(ctx: Context, pos: int) -> list[BodyMention]:
    """The bodies (or head titles with their bodies) listed from ``pos`` on."""
    out, b = [], _recipient_at(ctx, pos)
    while b is not None:
        out.append(b)
        sep = _AND.match(ctx.text, b.end)
        b = _recipient_at(ctx, sep.end()) if sep else None
    return [b for b in out if not b.generic]


def _facts(ctx: Context, giver: object, pos: int, rule: str) -> list[Fact]:
    """ASSIGNS from ``giver`` to the bodies listed at ``pos``."""
    targets = _recipients(ctx, pos)
    if not targets:
        return []
    s, e = ctx.sentence(pos)
    task = _task(ctx, targets[-1].end, e)
    return [Fact("ASSIGNS", giver, b, (s, e), {"task": task}, rule) for b in targets if b is not giver]


def _held_elsewhere(ctx: Context, p: PersonMention) -> list[BodyMention]:
    """"Ông An cũng giao Sở Y tế ...": a person named without a title gives the task as the head
    of the one office the article gives that person elsewhere (none, or two: no office)."""
    if p.titles:
        return []
    offices = [o for q in ctx.persons if q.name == p.name for o in (_office(t, ctx) for t in q.titles) if o is not None]
    if len({o.kind for o in offices}) != 1:
        return []
    return [max(offices, key=lambda o: bool(o.place))]


def _office(t: TitleMention, ctx: Context) -> BodyMention | None:
    """The body a head title acts for: its written body ("Chủ tịch UBND tỉnh"), else the office
    the title names when that is a central body ("Thủ tướng" -> Thủ tướng Chính phủ)."""
    if t.role != "head":
        return None
    if t.body is not None:
        return None if t.body.generic else t.body
    implied = implied_body(t.canon, t.start, t.end, ctx.text)
    central = load("bodies")["central"]
    for name in (t.canon, f"{t.canon} {implied.kind}" if implied else ""):
        if name in central:
            return BodyMention(t.start, t.end, t.surface, name, central=True, implied=True)
    return None


def _giver_before(ctx: Context, pos: int) -> BodyMention | DocMention | None:
    """The body, document or head title (alone or before its holder's name) that ends right
    before ``pos``: the subject of the verb there; a document the giver is written as the issuer
    of is the subject ("Kế hoạch số 84/KH-UBND của UBND tỉnh giao ...")."""
    for b in ctx.bodies:
        if b.end == pos:  # (a title may stand before it: "của Chủ tịch UBND tỉnh")
            titled = [t.start for t in ctx.loose_titles if t.start < b.start and t.full_end == b.end]
            return _document_of(ctx, min([b.start, *titled])) or b
    for d in ctx.docs:
        if d.end == pos:
            return d
    for p in ctx.persons:
        if p.end == pos or (p.titles and p.titles[-1].full_end == pos):
            offices = [o for o in (_office(t, ctx) for t in p.titles) if o is not None] or _held_elsewhere(ctx, p)
            return (_document_of(ctx, min([p.start, *(t.start for t in p.titles)])) or offices[0]) if offices else None
    for t in ctx.loose_titles:
        if t.full_end == pos:
            office = _office(t, ctx)
            return (_document_of(ctx, t.start) or office) if office is not None else None
    return _document_named_by_type(ctx, pos)


#: between a document and its issuer: its date, then "của" ("Kế hoạch số 84/KH-UBND ngày 2/3/2024 của")
_ISSUED_BY = re.compile(r"[ \t]*,?[ \t]*(?:ngày[ \t]+[\d/.\-]+(?:[ \t]+tháng[ \t]+\d+[ \t]+năm[ \t]+\d+)?[ \t]*)?của[ \t]+", re.I)


def _document_of(ctx: Context, start: int) -> DocMention | None:
    """The document written right before "[ngày ...] của" and ``start``."""
    for d in ctx.docs:
        if d.end < start and start - d.end <= 40 and _ISSUED_BY.fullmatch(ctx.text, d.end, start):
            return d
    return None


def _document_named_by_type(ctx: Context, pos: int) -> DocMention | None:
    """"Kế hoạch giao Sở Y tế ...": a type word standing for the last document of that type
    named before it."""
    for t in ctx.gaz.starts("DOCTYPE"):
        if t.end == pos:
            named = [d for d in ctx.docs if d.end <= t.start and same_type(t.ident, d.type_code)]
            return named[-1] if named else None
    return None


def subject_gives(ctx: Context) -> list[Fact]:
    facts = []
    for m in _verb_at().finditer(ctx.text):
        lead = _BEFORE_VERB.search(ctx.text, max(0, m.start() - 60), m.start())
        if lead is None:
            continue
        giver = _giver_before(ctx, lead.start())
        if giver is not None and ctx.sentence(lead.start()) == ctx.sentence(m.end()):
            facts += _facts(ctx, giver, m.end(), "tasks.subject_gives") or _passive(ctx, giver, m.end()) or _task_first(ctx, giver, m)
    return facts


#: "cho" before the bodies a task written first is given to ("giao nhiệm vụ <task> cho Sở Y tế")
_FOR = re.compile(r"\s+cho\s+", re.I)
_TASK_FIRST_REACH = 160  # characters: a task longer than this is no clause we can bound


def _task_first(ctx: Context, giver: BodyMention | DocMention, m: re.Match[str]) -> list[Fact]:
    """"UBND tỉnh giao nhiệm vụ xây dựng đề án cho Sở Y tế": after a verb whose object is the
    task (``task_first``: "giao nhiệm vụ", "giao trách nhiệm"), the bodies after "cho" in the same
    clause are given it."""
    if " ".join(m.group("w").lower().split()) not in _task_first_verbs():
        return []
    s, e = ctx.sentence(m.end())
    semicolon = ctx.text.find(";", m.end(), e)
    to = _FOR.search(ctx.text, m.end(), min(e if semicolon < 0 else semicolon, m.end() + _TASK_FIRST_REACH))
    targets = _recipients(ctx, to.end()) if to else []
    task = " ".join(ctx.text[m.end() : to.start()].split()) if to else ""
    return [Fact("ASSIGNS", giver, b, (s, e), {"task": task}, "tasks.task_first") for b in targets if b is not giver]


@vocabulary_cache
def _task_first_verbs() -> frozenset[str]:
    return frozenset(" ".join(w.lower().split()) for w in words("task_first"))


#: between the bodies given a task and their giver: "Sở Y tế được (Chủ tịch) UBND tỉnh giao ..."
_BY_GIVER = re.compile(r"\s+được\s+(?:\w+\s+){0,3}", re.I)


def _passive(ctx: Context, giver: BodyMention | DocMention, verb_end: int) -> list[Fact]:
    """"Sở Y tế (và Sở Tài chính) được UBND tỉnh giao chủ trì ...": the bodies before "được"
    are given the task the giver after it hands out."""
    ends = {b.end: b for b in ctx.bodies}
    gap_start = next((e for e in ends if e < giver.start and _BY_GIVER.fullmatch(ctx.text, e, giver.start)), None)
    if gap_start is None:
        return []
    targets = [ends[gap_start]]
    while True:  # the bodies listed before it ("Sở Y tế và Sở Tài chính được ...")
        before = next((b for b in ctx.bodies if b.end < targets[-1].start and _AND.fullmatch(ctx.text, b.end, targets[-1].start)), None)
        if before is None:
            break
        targets.append(before)
    s, e = ctx.sentence(verb_end)
    task = _task(ctx, verb_end, e)
    return [Fact("ASSIGNS", giver, b, (s, e), {"task": task}, "tasks.given_by") for b in reversed(targets)
            if b is not giver and not b.generic and b.start >= s]


def _document_in_force(ctx: Context, s: int, pos: int) -> DocMention | None:
    own = ctx.doc._.own_document
    if own is not None:
        return own
    named = [d for d in ctx.docs if s <= d.start and d.end <= pos]
    return named[-1] if named else None


def document_gives(ctx: Context) -> list[Fact]:
    facts = []
    for i, (s, e) in enumerate(ctx.sentences):
        for m in _verb_at().finditer(ctx.text, s, e):
            opening = _CLAUSE_OPEN.search(ctx.text[s : m.start()])
            if not opening:
                continue
            doc = _document_in_force(ctx, s, m.start())
            if doc is None and i and opening.start() == 0 and opening.group("link"):
                # "... ban hành Kế hoạch số 84/KH-UBND. Theo đó, giao Sở Y tế ...": the linking
                # word points back at the document the sentence before named
                doc = _document_in_force(ctx, *ctx.sentences[i - 1])
            if doc is not None:
                facts += _facts(ctx, doc, m.end(), "tasks.document_gives")
    return facts


def _main_document(ctx: Context) -> DocMention | None:
    return ctx.doc._.own_document or next(iter(sorted(ctx.docs, key=lambda d: d.start)), None)


def body_in_charge(ctx: Context) -> list[Fact]:
    facts = []
    main = _main_document(ctx)
    if main is None:
        return facts
    legal = ctx.doc._.own_document is not None
    for s, e in ctx.sentences:
        lead = _LEAD.match(ctx.text, s)
        if not (legal or lead.group(1)):
            continue
        b = ctx.body_at(lead.end())
        if b is None or b.generic:
            continue
        theo_plan = lead.group(1) and not lead.group(1).lower().endswith("đó")
        if _in_charge().match(ctx.text, b.end) or _HEADING.match(ctx.text, b.end) or (theo_plan and _THEO_CHU_TRI.match(ctx.text, b.end)):
            named = [d for d in ctx.docs if s <= d.start < lead.end()]
            giver = named[-1] if named else main
            facts.append(Fact("ASSIGNS", giver, b, (s, e), {"task": _task(ctx, b.end, e)}, "tasks.body_in_charge"))
    return facts




def _opening_giver(ctx: Context, s: int) -> BodyMention | None:
    """The body a sentence opens with (after "Theo đó," or a list marker), or the office of the
    head title it opens with ("Chủ tịch UBND tỉnh đã có quyết định ...")."""
    pos = ctx.gaz.skip(_LEAD.match(ctx.text, s).end())
    body = ctx.body_at(pos)
    if body is not None:
        return None if body.generic else body
    for p in ctx.persons:
        if p.titles and p.titles[0].start == pos:
            return _office(p.titles[0], ctx)
    return next((_office(t, ctx) for t in ctx.loose_titles if t.start == pos), None)


def establishes(ctx: Context) -> list[Fact]:
    facts = []
    for m in pattern("establishing", after=r"\s+").finditer(ctx.text):
        body = ctx.body_at(m.end())
        if body is None or body.generic or not is_ad_hoc(body):
            continue
        s, e = ctx.sentence(m.start())
        giver: object = _document_in_force(ctx, s, m.start()) or _opening_giver(ctx, s)
        if giver is None or giver is body:
            continue
        task = " ".join(ctx.text[m.start() : m.end()].split())
        facts.append(Fact("ASSIGNS", giver, body, (s, e), {"task": task}, "tasks.establishes"))
    return facts


#: before an ad hoc body: its standing members or agency ("Thường trực Ban Điều hành", "Cơ quan
#: thường trực của Ban Chỉ đạo"); after it, where they sit ("đặt tại Sở X")
_STANDING = re.compile(r"(?:cơ\s+quan\s+|văn\s+phòng\s+)?thường\s+trực(?:\s+của)?\s+$", re.I)
_SEATED = re.compile(r"\s*(?:được\s+|sẽ\s+)?(?:đặt\s+tại|giao\s+cho)\s+", re.I)
#: after a body: it is the standing agency ("Sở X là cơ quan thường trực của Ban Chỉ đạo")
_IS_STANDING = re.compile(r"\s*(?:được\s+giao\s+)?(?:là|làm)\s+cơ\s+quan\s+thường\s+trực(?:\s+của\s+)?", re.I)


def standing_agency(ctx: Context, established: list[Fact]) -> list[Fact]:
    """The body hosting an ad hoc body's standing members or agency is given its task by
    whoever set the ad hoc body up (``established``: the article's ``tasks.establishes``)."""
    setters = {f.target.kind: f.source for f in established}
    if not setters:
        return []
    facts = []
    for b in ctx.bodies:
        if b.generic:
            continue
        host = ad_hoc = None
        if is_ad_hoc(b) and _STANDING.search(ctx.text, max(0, b.start - 30), b.start):
            seated = _SEATED.match(ctx.text, b.end)
            host, ad_hoc = (ctx.body_at(seated.end()), b) if seated else (None, None)
        elif (is_standing := _IS_STANDING.match(ctx.text, b.end)) is not None:
            owner = ctx.body_at(is_standing.end()) if is_standing.group(0).rstrip().endswith("của") else None
            host, ad_hoc = b, owner if owner is not None and is_ad_hoc(owner) else _last_ad_hoc(ctx, b.start)
        giver = setters.get(ad_hoc.kind) if ad_hoc is not None else None
        if host is None or host.generic or giver is None or host is giver:
            continue
        s, e = ctx.sentence(b.start)
        facts.append(Fact("ASSIGNS", giver, host, (s, e), {"task": _task(ctx, s, e)}, "tasks.standing_agency"))
    return facts


def _last_ad_hoc(ctx: Context, pos: int) -> BodyMention | None:
    named = [b for b in ctx.bodies if b.end <= pos and is_ad_hoc(b) and not b.generic]
    return named[-1] if named else None


def assigns(ctx: Context) -> list[Fact]:
    established = establishes(ctx)
    return subject_gives(ctx) + document_gives(ctx) + body_in_charge(ctx) + established + standing_agency(ctx, established)
