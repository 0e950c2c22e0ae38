"""CHAIRED (event): who presided over a meeting, the meeting named as the text names it.

* ``presiding.chu_tri``   "<person> [đồng] chủ trì <Hội nghị ...>"; co-chairs joined by "và" /
                          commas all preside; "<Hội nghị ...> do <person> chủ trì."
* ``presiding.su_chu_tri`` "dưới sự chủ trì của đồng chí X, Bí thư Tỉnh ủy, Hội nghị ... đã ...", or
                          "..., Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị ..." (the event the clause holds)
* ``presiding.frame``     "Chủ trì hội nghị có các đồng chí: A, ...; B, ..." (every listed name)

A meeting named only by its kind ("chủ trì hội nghị") takes the fuller name the article gave
it earlier ("Hội nghị lần thứ 18 Ban Chấp hành Đảng bộ tỉnh"). The trigger words are data
(``triggers.yaml``: co_presiding, presiding, presiding_frame, event_words, comma_nouns).
"""

from __future__ import annotations

import re

from ...gazetteer import vocabulary_cache
from ...mentions import EventMention, Fact, PersonMention
from ...triggers import alternation, pattern, words
from .context import Context

#: where an event's name stops: a clause that says what happened or where
_EVENT_CUT = re.compile(
    r"\s+(?:về|đã|sẽ|do|dưới sự|với sự|diễn ra|được|tại|vào|nhằm|để|có|là|này)(?!\w)|\s*[,:(]", re.I
)
#: ", " or " và ", then lower-case words: the verbs joined to "chủ trì"
_JOINED = re.compile(r"[ \t]*(?:,|và)[ \t]+")
_LOWER_WORD = re.compile(r"[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+[ \t]+")
_HONOR = r"(?:(?:các\s+)?(?:ông|bà|đồng chí)\s+)?"
_AND_GAP = re.compile(rf"\s*(?:và|cùng|cùng với)\s+{_HONOR}", re.I)
_JOINT_GAP = re.compile(rf"\s*(?:,|;|và|cùng|cùng với)\s*(?:và\s+)?{_HONOR}", re.I)


@vocabulary_cache
def _event_word() -> re.Pattern[str]:
    return pattern("event_words", r"(?:các\s+)?")


@vocabulary_cache
def _comma_noun() -> re.Pattern[str]:
    """A noun written with a comma inside, with the comma and "các" that join it to a list."""
    return pattern("comma_nouns", r"(?:,[ \t]*(?:(?:các|những)[ \t]+)?)?(?<!\w)")


#: "về" right after the kind word: what the meeting is about is its name ("Hội nghị về công tác cán bộ")
_ABOUT = re.compile(r"\s+về(?!\w)", re.I)


def _cut(full: str, start: int) -> int | None:
    """Where an event's name stops (``_EVENT_CUT``), except at a comma inside a noun written with
    one ("cuộc họp với các sở, ngành về ...", "cuộc họp với UBND tỉnh, các sở, ngành") and at a
    "về" right after the kind word (at ``start``)."""
    inside = [(m.start(), m.end()) for m in _comma_noun().finditer(full)]
    for cut in _EVENT_CUT.finditer(full, start):
        if cut.start() == start and _ABOUT.match(full, start):
            continue
        if not any(a <= cut.start() < b for a, b in inside):
            return cut.start()
    return None


@vocabulary_cache
def _verb() -> re.Pattern[str]:
    """"chủ trì" and its kin, lower case: a capital opens the frame ("Chủ trì hội nghị có ...")."""
    return re.compile(rf"(?<!\w)(?:{alternation('co_presiding')})(?:\s+(?:và|,)\s*(?:{alternation('co_presiding')}))?", 0)


@vocabulary_cache
def _under() -> re.Pattern[str]:
    return pattern("presiding", r"", r"\s*(?:(?:các\s+)?(?:ông|bà|đồng chí)\s+)?")


@vocabulary_cache
def _frame() -> re.Pattern[str]:
    """Matched at a sentence's start only."""
    return re.compile(
        rf"\s*(?:{alternation('presiding_frame')})\s+(?P<ev>[^:.;\n]{{0,80}}?)\s*"
        r"(?:có|gồm|là)\s+(?:các\s+)?(?:ông|bà|đồng chí)?\s*:?",
        re.I,
    )


def _end_of(p: PersonMention) -> int:
    return max([p.end, *(t.full_end for t in p.titles)])


def _event(ctx: Context, start: int, limit: int) -> EventMention | None:
    """The event whose kind word stands at ``start`` (within ``limit``), named as written."""
    m = _event_word().match(ctx.text, start, limit)
    if not m:
        return None
    stop = re.search(r"[.;\n]", ctx.text[m.start("w") : limit])
    end = m.start("w") + (stop.start() if stop else limit - m.start("w"))
    full = " ".join(ctx.text[m.start("w") : end].split()).rstrip(" ,")
    cut = _cut(full, len(m.group("w")))
    name = full[:cut].strip() if cut is not None else full
    if len(name.split()) <= len(m.group("w").split()):
        name = _earlier_name(ctx, m.group("w"), m.start()) or name
    aliases = [full] if full != name else []
    return EventMention(m.start("w"), end, name, aliases)


def _earlier_name(ctx: Context, word: str, before: int) -> str | None:
    """"chủ trì hội nghị": the name the article gave the meeting where it first named it."""
    kind = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.I)
    for m in kind.finditer(ctx.text, 0, before):
        line_end = re.search(r"[.;\n]", ctx.text[m.start() :])
        full = " ".join(ctx.text[m.start() : m.start() + (line_end.start() if line_end else 200)].split())
        cut = _cut(full, len(word))
        name = full[:cut].strip() if cut is not None else full
        if len(name.split()) > len(word.split()) + 1:
            return name
    return None


def _event_in(ctx: Context, s: int, e: int, skip: list[tuple[int, int]]) -> EventMention | None:
    """The first event named in the sentence outside the persons' spans (a capital first)."""
    for m in _event_word().finditer(ctx.text, s, e):
        if ctx.text[m.start("w")].isupper() and not any(a <= m.start() < b for a, b in skip):
            return _event(ctx, m.start(), e)
    return None


def _event_held(ctx: Context, start: int, end: int) -> EventMention | None:
    """"dưới sự chủ trì của X, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị sơ kết ...": the event the
    main clause holds, in lower case after its verb (``holding``: "tổ chức", "có", "khai mạc")."""
    verb = _holding().search(ctx.text, start, end)
    return _event(ctx, verb.end(), end) if verb else None


def _event_subject(ctx: Context, pos: int, end: int) -> EventMention | None:
    """"dưới sự chủ trì của X, cuộc họp đã thống nhất ...": the event, in lower case, is the
    subject right after the comma that closes the chairs."""
    comma = re.compile(r"[ \t]*,[ \t]*").match(ctx.text, pos, end)
    return _event(ctx, comma.end(), end) if comma else None


@vocabulary_cache
def _holding() -> re.Pattern[str]:
    return pattern("holding", r"", r"[ \t]+")


def _start_of(p: PersonMention) -> int:
    return min([p.start, *(t.start for t in p.titles)])


def _cochairs(ctx: Context, last: PersonMention, s: int, joint: bool) -> list[PersonMention]:
    """``last`` and the persons joined to it before it: "A và B chủ trì"; for a joint verb
    ("đồng chủ trì") a list too ("A, ...; B, ... đồng chủ trì")."""
    gap = _JOINT_GAP if joint else _AND_GAP
    out = [last]
    earlier = sorted((p for p in ctx.persons if s <= p.start < last.start), key=lambda p: p.start)
    for p in reversed(earlier):
        if not gap.fullmatch(ctx.text[_end_of(p) : _start_of(out[-1])]):
            break
        out.append(p)
    return out[::-1]


def _fact(p: PersonMention, ev: EventMention, span: tuple[int, int], rule: str) -> Fact:
    return Fact("CHAIRED", p, ev, span, {"title": "chủ trì"}, rule)


def _event_after_verbs(ctx: Context, pos: int, end: int) -> EventMention | None:
    """"chủ trì và phát biểu khai mạc Hội nghị ...", "chủ trì, điều hành phiên họp", "chủ trì và
    phát biểu tại hội nghị": the event after up to five more lower-case words joined to "chủ trì"
    (no other punctuation)."""
    join = _JOINED.match(ctx.text, pos, end)
    q = join.end() if join else end
    for _ in range(5 if join else 0):  # the event after the fewest words ("và phát biểu tại hội nghị")
        word = _LOWER_WORD.match(ctx.text, q, end)
        if word is None:
            return None
        q = word.end()
        ev = _event(ctx, q, end)
        if ev is not None:
            return ev
    return None


def after_person(ctx: Context) -> list[Fact]:
    """"<person> chủ trì <event>", co-chairs, and "<event> do <person> chủ trì."."""
    facts = []
    for m in _verb().finditer(ctx.text):
        s, e = ctx.sentence(m.start())
        before = [p for p in ctx.persons if s <= p.start < m.start()]
        if not before:
            continue
        last = max(before, key=lambda p: p.start)
        ev = _event(ctx, ctx.gaz.skip(m.end()), e) or _event_after_verbs(ctx, m.end(), e)
        if ev is None:
            # "Hội nghị ... do X, Giám đốc Công an tỉnh[,] chủ trì.": the person right before the verb
            if ctx.text[_end_of(last) : m.start()].strip(" \t,") or not re.match(r"\s*(?:[.;,]|$)", ctx.text[m.end() : e]):
                continue
            ev = _event_in(ctx, s, last.start, [])
            if ev is None:
                continue
        for p in _cochairs(ctx, last, s, joint=m.group(0).lower() != "chủ trì"):
            facts.append(_fact(p, ev, (s, e), "presiding.chu_tri"))
    return facts


def under(ctx: Context) -> list[Fact]:
    """"dưới sự chủ trì của đồng chí X, <titles>, Hội nghị ... đã ..." (the event before or after)."""
    facts = []
    if "sự chủ trì" not in ctx.text and "sự đồng chủ trì" not in ctx.text:
        return facts
    for m in _under().finditer(ctx.text):
        s, e = ctx.sentence(m.start())
        chairs = sorted((p for p in ctx.persons if m.end() <= p.start < e), key=lambda p: p.start)
        chairs = [p for p in chairs if p.start - m.end() < 120]
        if not chairs:
            continue
        first = [chairs[0]]
        for p in chairs[1:]:  # "của đồng chí A, ... và đồng chí B, ..."
            if not _JOINT_GAP.fullmatch(ctx.text[_end_of(first[-1]) : _start_of(p)]):
                break
            first.append(p)
        spans = [(p.start, _end_of(p)) for p in first]
        ev = (_event_in(ctx, _end_of(first[-1]), e, spans) or _event_in(ctx, s, m.start(), spans)
              or _event_subject(ctx, _end_of(first[-1]), e) or _event_held(ctx, _end_of(first[-1]), e))
        if ev is None:
            continue
        for p in first:
            facts.append(_fact(p, ev, (s, e), "presiding.su_chu_tri"))
    return facts


def frame(ctx: Context) -> list[Fact]:
    """"Chủ trì hội nghị có các đồng chí: A, ...; B, ...": every person listed presides."""
    facts = []
    for s, e in ctx.sentences:
        m = _frame().match(ctx.text, s, e)
        if not m:
            continue
        listed = [p for p in ctx.persons if m.end() <= p.start < e]
        if not listed:
            continue
        ev = _event(ctx, m.start("ev"), m.end("ev")) if m.group("ev") else None
        if ev is None:
            name = _earlier_name(ctx, "hội nghị", m.start())
            if name is None:
                continue
            ev = EventMention(m.start(), m.end(), name)
        for p in listed:
            facts.append(_fact(p, ev, (s, e), "presiding.frame"))
    return facts


def presided(ctx: Context) -> list[Fact]:
    lowered = ctx.text.lower()
    if not any(w in lowered for w in _verb_words()):
        return []  # most articles preside over nothing: skip the scans
    return after_person(ctx) + under(ctx) + frame(ctx)


@vocabulary_cache
def _verb_words() -> tuple[str, ...]:
    """Every presiding phrase holds one of these (lower case), so an article without them has none."""
    return tuple({w.lower() for key in ("co_presiding", "presiding", "presiding_frame") for w in words(key)})
