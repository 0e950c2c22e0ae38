"""``vn_tenure``: positions in time, from the appointment language of their sentence.

Runs after ``vn_relations`` and reads its position facts (CHAIRED / HOLDS to a body); it makes
no position of its own except where the sentence says one ended and the rules before it do
not keep ended posts (so that "when did it end" has an answer):

* ``start`` / ``end``  the date a cue states for the post ("được bổ nhiệm giữ chức ... kể từ ngày
                       01/3/2021" starts it; "thôi giữ chức", "miễn nhiệm", "nghỉ hưu ... từ ngày"
                       end it), ISO ("2021-03-01", or "2021-03" for a month);
* ``status``           as of the article: current, former ("nguyên", "thôi giữ chức"), acting
                       ("Quyền Giám đốc"), elected ("được bầu"), nominated ("được giới thiệu để
                       bầu": the vote is still to come), dismissed ("miễn nhiệm");
* ``term``             "nhiệm kỳ 2021-2026" or "giai đoạn 2015-2020" written after the post;
* SUCCEEDED            "X ... thay ông Y": X took the post X is given in that sentence from Y
                       (props ``title``, ``body`` (a mention, resolved by the builder), ``start``);
                       Y gets that post too, ended (status former, ``end`` = X's start).

Cues and their meaning are data (``ingest/data/tenure.yaml``). A cue governs the titles written
after it in the sentence up to the next cue; a cue with none after it governs the titles
before it that no cue governs ("ông A, Giám đốc Sở, nghỉ hưu").
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import load
from ..mentions import BodyMention, Fact, PersonMention, TitleMention
from .gaz import doc_text, name_at
from .sentences import sentence_at, sentence_spans

POSITION_TYPES = ("CHAIRED", "HOLDS")

_DMY = r"(?:ngày\s+)?(\d{1,2})\s*(?:[/.-]|\s+tháng\s+)(\d{1,2})\s*(?:[/.-]|\s+năm\s+)(\d{4})"
_MY = r"tháng\s+(\d{1,2})\s*(?:[/.-]|\s+năm\s+)(\d{4})"
_APPOSITION = re.compile(r"[\s,;()\-–—]*(?:(?:nguyên|cựu|tân|đương nhiệm)\s+)?", re.I)


@dataclass(frozen=True)
class Cue:
    """A cue phrase found in a sentence, with what it says about the posts it governs."""

    start: int
    end: int
    marks: str  # start | end | none
    status: str | None


@dataclass
class Position:
    """A position fact of the sentence and where its title stands."""

    anchor: int
    fact: Fact
    title: TitleMention | None


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The compiled cues of tenure.yaml (checked on load: ingest/datacheck.py, ``Tenure``)."""
    data = load("tenure")
    cues = data["cues"]
    by_length = sorted(cues, key=len, reverse=True)
    words = lambda items: "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(items, key=len, reverse=True))  # noqa: E731
    lead = words(data["date_lead"])
    return {
        "cues": cues,
        "cue": re.compile(rf"(?<!\w)({words(by_length)})(?!\w)", re.I),
        "date": re.compile(rf"(?<!\w)(?:{lead})\s+(?:{_DMY}|{_MY})", re.I),
        "term": re.compile(rf"[\s,(]*(?:{words(data['term_words'])})\s+(\d{{4}})\s*[-–]\s*(\d{{4}})", re.I),
        "former": re.compile(rf"(?<!\w)(?:{words(data['title_prefixes']['former'])})\s+$", re.I),
        "former_title": re.compile(rf"^(?:{words(data['title_prefixes']['former'])})\s", re.I),
        "acting": re.compile(rf"^(?:{words(data['title_prefixes']['acting'])})\s", re.I),
        "negation": re.compile(rf"(?<!\w)(?:{words(data['succession']['negations'])})(?!\w)", re.I),
        "succession": re.compile(
            rf"(?<!\w)(?:{words(data['succession']['verbs'])})\s+(?:cho\s+)?"
            rf"(?:{words(data['succession']['honorifics'])})\s+",
            re.I,
        ),
    }


def cues_in(text: str, start: int, end: int) -> list[Cue]:
    """The cue phrases of ``text[start:end]`` in text order."""
    rules = _rules()
    out = []
    for m in rules["cue"].finditer(text, start, end):
        spec = rules["cues"][_phrase(m.group(1))]
        out.append(Cue(m.start(), m.end(), spec["marks"], spec.get("status")))
    return out


def _phrase(matched: str) -> str:
    """The tenure.yaml key a match stands for (case and inner spaces as written vary)."""
    folded = " ".join(matched.lower().split())
    return next(k for k in _rules()["cues"] if k.lower() == folded)


def stated_date(text: str, start: int, end: int) -> str | None:
    """The first date introduced by a lead ("kể từ ngày 01/3/2021") in ``text[start:end]``, as
    ISO: "2021-03-01", or "2021-03" when only the month is written. A bare date (a document's
    "ngày 15/2/2021") is not a start or an end."""
    for m in _rules()["date"].finditer(text, start, end):
        d, mo, y, mo2, y2 = m.groups()
        if y and 1 <= int(d) <= 31 and 1 <= int(mo) <= 12:
            return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
        if y2 and 1 <= int(mo2) <= 12:
            return f"{int(y2):04d}-{int(mo2):02d}"
    return None


def _hands_on(cue: Cue, nxt: Cue) -> bool:
    """Whether ``cue``, with no title of its own, gives its status to the generic cue after it:
    one of the same kind ("bầu ông A giữ chức"), or any when it dates nothing itself
    ("giới thiệu để bầu ông A giữ chức")."""
    return cue.status is not None and cue.marks in (nxt.marks, "none")


def term_at(text: str, pos: int) -> str | None:
    """"nhiệm kỳ 2021-2026" ("giai đoạn 2015-2020") written right after a post (at ``pos``, after a comma or an opening
    parenthesis at most) as "2021-2026". Further away it is usually the term of something else
    ("Nghị quyết Đại hội ... (nhiệm kỳ 2020-2025)")."""
    m = _rules()["term"].match(text, pos)
    return f"{m.group(1)}-{m.group(2)}" if m else None


_CAREER_DATE = re.compile(r"(?:(\d{1,2})[/.])?(?:(\d{1,2})[/.])?(\d{4})|(?<!\w)(nay)(?!\w)", re.I)


def career_span(text: str, title_start: int) -> dict[str, str]:
    """The dates a career timeline's line writes before its titles ("- Từ tháng 3/2015 đến tháng
    9/2020: ", "- 2015 - 2020: ", "- Từ 10/2020 đến nay: "): the first starts the post, the second
    ends it (``former``), "nay" leaves it ``current``; one date alone only starts it."""
    line = text[text.rfind("\n", 0, title_start) + 1 : title_start]
    dates = []
    for m in _CAREER_DATE.finditer(line):
        a, b, year, now = m.groups()
        if now:
            dates.append(None)
        elif b:  # day/month/year
            dates.append(f"{int(year):04d}-{int(b):02d}-{int(a):02d}" if 1 <= int(b) <= 12 and 1 <= int(a) <= 31 else year)
        elif a:  # month/year
            dates.append(f"{int(year):04d}-{int(a):02d}" if 1 <= int(a) <= 12 else year)
        else:
            dates.append(year)
    out: dict[str, str] = {}
    if dates and dates[0]:
        out["start"] = dates[0]
    if len(dates) > 1:
        if dates[1]:
            out["end"], out["status"] = dates[1], "former"
        else:
            out["status"] = "current"
    return out


def title_status(text: str, title_start: int, surface: str) -> str | None:
    """What the words of the title itself say: "nguyên Chủ tịch" former, "Quyền Giám đốc" acting."""
    if _rules()["former"].search(text[max(0, title_start - 12) : title_start]) or _rules()["former_title"].match(surface + " "):
        return "former"
    if _rules()["acting"].match(surface + " "):
        return "acting"
    return None


class Tenure:
    """Annotates one doc's position facts and adds its successions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.facts: list[Fact] = doc._.facts if doc._.facts is not None else []
        self.persons: list[PersonMention] = doc._.persons if doc._.persons is not None else []
        self.loose: list[TitleMention] = list(doc._.title_mentions or [])

    def run(self) -> None:
        self.ended_posts()
        # the position facts by sentence start, once: a scan of every fact per sentence made
        # this pass grow with the square of an article's length (facts added below belong to
        # the sentence being read, never to a later one)
        facts = sorted(
            (f for f in self.facts if f.type in POSITION_TYPES and isinstance(f.target, BodyMention)),
            key=lambda f: f.sentence[0],
        )
        starts = [f.sentence[0] for f in facts]
        for s, e in sentence_spans(self.doc):
            found = facts[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
            positions = self.positions_in(found, s, e)
            if positions:
                self.annotate(positions, cues_in(self.text, s, e), s, e)
            self.successions(s, e)

    # -- positions of a sentence ----------------------------------------------------------------
    def positions_in(self, facts: list[Fact], s: int, e: int) -> list[Position]:
        """The sentence's position ``facts``, each anchored where its title is written."""
        out = []
        for f in facts:
            title = self._title_of(f, s, e)
            out.append(Position(title.start if title else f.source.start, f, title))
        return sorted(out, key=lambda p: p.anchor)

    @staticmethod
    def _title_of(f: Fact, s: int, e: int) -> TitleMention | None:
        """The title a position fact was made from: in its sentence, sitting where its body is
        written (the rules may hand on a copy of the body), or implying it (an implied body
        stands where its title does)."""
        titles = [t for t in getattr(f.source, "titles", []) if s <= t.start < e]
        return next(
            (t for t in titles if t.body is f.target or (t.body and t.body.start == f.target.start) or t.start == f.target.start),
            None,
        )

    def annotate(self, positions: list[Position], cues: list[Cue], s: int, e: int) -> None:
        governed = self.govern(positions, cues, self.appositive(), [t for t in self.title_starts() if s <= t < e])
        for p in positions:
            cue = governed.get(id(p))
            props = p.fact.props
            surface = p.title.surface if p.title else str(props.get("title", ""))
            status = title_status(self.text, p.anchor, surface) if p.title else None
            status = "former" if p.title and p.title.former else status
            props["status"] = status or (cue.status if cue and cue.status else "current")
            term = term_at(self.text, p.title.full_end) if p.title else None
            if term:
                props["term"] = term
            if cue and cue.marks in ("start", "end") and not (cue.marks == "start" and status == "former"):
                date = self.cue_date(cue, cues, s, e)
                if date:
                    props[cue.marks] = date
            if p.fact.rule == "positions.career":
                props.update(career_span(self.text, p.anchor))

    def appositive(self) -> set[int]:
        """Starts of titles written in apposition after a name ("ông A, Ủy viên Trung ương Đảng,
        nguyên Bí thư Tỉnh ủy, ..."): they describe the person, they are not what a cue before
        the name appoints them to ("Thủ tướng bổ nhiệm ông A, ..., giữ chức Phó Chủ nhiệm")."""
        out: set[int] = set()
        for person in self.persons:
            pos = person.end
            for t in sorted((t for t in person.titles if t.start >= person.end), key=lambda t: t.start):
                if not _APPOSITION.fullmatch(self.text, pos, t.start):
                    break
                out.add(t.start)
                pos = t.full_end
                term = _rules()["term"].match(self.text, pos)
                pos = term.end() if term else pos
        return out

    def title_starts(self) -> list[int]:
        """Where every title of the doc starts, with a fact or not ("giữ chức Phó Chủ nhiệm ..."
        of a body not recognised is still the post the cue speaks of)."""
        return sorted({t.start for p in self.persons for t in p.titles} | {t.start for t in self.loose})

    @staticmethod
    def govern(positions: list[Position], cues: list[Cue], appositive: set[int], titles: list[int]) -> dict[int, Cue]:
        """Which cue speaks for which position (see the module docstring); titles in apposition
        are only governed by a cue after them. ``titles``: where the sentence's titles start."""
        governed: dict[int, Cue] = {}
        pending: Cue | None = None
        for i, cue in enumerate(cues):
            if pending and _hands_on(pending, cue):
                # "bầu ông A giữ chức ...": the specific cue's status, the generic one's clause
                # ("giới thiệu để bầu ông A giữ chức": no date of the nomination starts the post)
                cue = Cue(cue.start, cue.end, pending.marks if pending.marks == "none" else cue.marks, pending.status)
            nxt = cues[i + 1].start if i + 1 < len(cues) else None
            after = [
                p for p in positions
                if p.anchor >= cue.end and (nxt is None or p.anchor < nxt) and p.anchor not in appositive
            ]
            # "phê chuẩn kết quả bầu ông A giữ chức ...": a cue handing its status to the next
            # one (below) speaks for no title before it
            hands_on = nxt is not None and _hands_on(cue, cues[i + 1])
            if not after and not hands_on and not any(cue.end <= t < (math.inf if nxt is None else nxt) for t in titles):
                prev = cues[i - 1].end if i else -1
                after = [p for p in positions if prev <= p.anchor < cue.start and id(p) not in governed]
            for p in after:
                governed.setdefault(id(p), cue)
            pending = None if after else cue
        return governed

    def cue_date(self, cue: Cue, cues: list[Cue], s: int, e: int) -> str | None:
        """The date stated in the cue's clause (up to the next cue), else, when the sentence
        has this one cue, anywhere before it ("Từ ngày 1/3/2021, ông A giữ chức ...")."""
        later = [c.start for c in cues if c.start > cue.start]
        found = stated_date(self.text, cue.end, later[0] if later else e)
        if found is None and len(cues) == 1:
            found = stated_date(self.text, s, cue.start)
        return found

    # -- posts the rules before drop: ended ones --------------------------------------------------
    def ended_posts(self) -> None:
        """"nguyên Chủ tịch UBND tỉnh X": the relations rules keep no fact for a former post;
        its end is a fact here (made only when no rule made it, so a later rule that keeps them
        is not doubled). A post named only by the act that ends it ("miễn nhiệm chức vụ <title>
        đối với ông <name>") gives none: the graph states who holds or held a post where the
        text says so of the person, as the gold annotations do; a dismissal of a post the
        person is given elsewhere is dated by ``status``/``end`` on that fact."""
        for p in self.persons:
            for t in p.titles:
                if t.body is not None and not t.body.generic and t.former:
                    self._position(p, t.body, t.surface, t.role, t.start)

    def _position(self, person: PersonMention, body: BodyMention, title: str, role: str, pos: int) -> Fact:
        """The person's position in ``body``: the rules' fact when they made one, else a new one."""
        rel = "CHAIRED" if role == "head" else "HOLDS"
        for f in self.facts:
            if f.type == rel and f.source.name == person.name and (f.target is body or f.target.start == body.start):
                return f
        fact = Fact(rel, person, body, self._sentence(pos), {"title": title}, rule="tenure.ended")
        self.facts.append(fact)
        return fact

    def _person(self, hit: tuple[int, int, str]) -> PersonMention:
        """The person mention at a name, made when the rules before licensed none there."""
        for p in self.persons:
            if p.start == hit[0]:
                return p
        person = PersonMention(hit[0], hit[1], hit[2], [])
        self.persons.append(person)
        self.persons.sort(key=lambda p: p.start)
        return person

    def _sentence(self, pos: int) -> tuple[int, int]:
        return sentence_at(sentence_spans(self.doc), pos) or (0, len(self.text))

    # -- successions -----------------------------------------------------------------------------
    def successions(self, s: int, e: int) -> None:
        for m in _rules()["succession"].finditer(self.text, s, e):
            hit = name_at(self.text, m.end())
            if not hit or _rules()["negation"].search(self.text, s, m.start()):
                continue  # "chưa tiến hành bầu Chủ tịch thay ông Y": nobody has succeeded Y yet
            predecessor = self._person(hit)
            post = self._post_for(m.start(), predecessor, s, e)
            if post is None:
                continue
            start = post.fact.props.get("start")
            props = {"title": post.fact.props.get("title"), "body": post.fact.target}
            if start:
                props["start"] = start
            self.facts.append(Fact("SUCCEEDED", post.fact.source, predecessor, (s, e), props, rule="tenure.succession"))
            ended = self._position(predecessor, post.fact.target, str(props["title"]), _role(post.fact), m.start())
            ended.props["status"] = "former"
            if ended.sentence == (s, e):
                ended.props.pop("start", None)  # the successor's start, read off the title they share
            if start:
                ended.props["end"] = start

    def _post_for(self, pos: int, predecessor: PersonMention, s: int, e: int) -> Position | None:
        """The post the successor takes: the nearest position before "thay" in the sentence
        held by someone else, else the first one after it."""
        here = [  # read afresh: rare, and a succession earlier in the sentence may have added one
            f for f in self.facts
            if f.type in POSITION_TYPES and isinstance(f.target, BodyMention) and s <= f.sentence[0] < e
        ]
        mine = [p for p in self.positions_in(here, s, e) if p.fact.source.name != predecessor.name]
        before = [p for p in mine if p.anchor < pos]
        return before[-1] if before else next(iter(mine), None)


def _role(f: Fact) -> str:
    return "head" if f.type == "CHAIRED" else "member"


@Language.component("vn_tenure")
def vn_tenure(doc: Doc) -> Doc:
    Tenure(doc).run()
    return doc
