"""A recall audit that needs no gold: what in a corpus looks like it should have been extracted
and was not, grouped by the shape of the text around it and counted.

A rule writer points this at real text nobody annotated and reads the biggest groups first:
each group is one grammatical shape the rules miss, with sentences to write a rule (and its
test) from. Four kinds of finding:

* ``name``     a capitalised run opening with a known family name next to a title word
               ("Phó Chủ tịch UBND tỉnh <X> Nguyễn Văn A") that yielded no Person;
* ``title``    a capitalised title word that went to no person and implied no body;
* ``number``   a number-like string (``12/QĐ-``, ``-KL/``, ``\\d+/[A-ZĐ]``) inside no Document;
* ``trigger``  a sentence with "giao" or "chủ trì" that yielded no fact at all.

Shapes abstract the text: mentions the pipeline found become ``<BODY>``, ``<PERSON>``,
``<TITLE>``, ``<DOC>``; other capitalised runs ``Xx``, digits ``9``; function words stay. So
"Giám đốc Sở Y tế Trần Văn A" and "Giám đốc Sở Nội vụ Lê Thị B" fall in one group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc

from .api import articles
from .clean import Article
from .components.gaz import GazIndex, doc_text, name_at
from .components.sentences import sentence_at, sentence_spans
from .gazetteer import CAP, LOWER, UPPER, surnames
from .normalize import match_text
from .pipeline import get_nlp
from .sources import SourceError

KINDS = ("name", "title", "number", "trigger")

_SYLLABLE = re.compile(rf"(?<![\w&]){CAP}(?![\w&])")
_NUMBER = re.compile(rf"\b\d+(?:/\d{{4}})?\s?(?:/\s?[{UPPER}][\w&]*|-\s?[{UPPER}][\w&]*/)[\w&/.-]*")
#: "giao" as handing a task: not "ngoại giao", "bàn giao", "được giao", "giao thông", "giao lưu"...
_TRIGGER = re.compile(
    r"(?<![\w])(?<!ngoại )(?<!bàn )(?<!được )(?<!chuyển )(?<!trao )(?:giao|chủ trì)(?![\w])"
    r"(?!\s+(?:thông|lưu|dịch|đất|nhận|ban|hữu|tiếp|thương|hàng|ước|thoa|kết))",
    re.I,
)
_WORD = re.compile(rf"[{UPPER}][{LOWER}\w]*(?:[ \t]+[{UPPER}][{LOWER}\w]*)*|\d+(?:[.,/-]\d+)*|[^\W\d_]+|\S")
_NEAR = 60  # characters between a title and a name for them to be "next to" each other


@dataclass
class Finding:
    kind: str
    shape: str
    article: str
    sentence: str
    text: str


@dataclass
class Group:
    kind: str
    shape: str
    count: int = 0
    examples: list[Finding] = field(default_factory=list)


@dataclass
class AuditReport:
    articles: int = 0
    groups: dict[tuple[str, str], Group] = field(default_factory=dict)

    def add(self, f: Finding, keep: int) -> None:
        g = self.groups.setdefault((f.kind, f.shape), Group(f.kind, f.shape))
        g.count += 1
        if len(g.examples) < keep:
            g.examples.append(f)

    def totals(self) -> dict[str, int]:
        out = {k: 0 for k in KINDS}
        for g in self.groups.values():
            out[g.kind] += g.count
        return out

    def ranked(self, kind: str | None = None) -> list[Group]:
        """Groups, biggest first (ties by shape, so the order is stable)."""
        gs = [g for g in self.groups.values() if kind is None or g.kind == kind]
        return sorted(gs, key=lambda g: (KINDS.index(g.kind), -g.count, g.shape))


class _Marks:
    """The mentions of one doc by character span, for shapes and coverage tests."""

    def __init__(self, doc: Doc) -> None:
        self.spans: list[tuple[int, int, str]] = []
        for label, key in (("BODY", "bodies"), ("DOC", "documents"), ("PERSON", "persons"), ("TITLE", "titles")):
            self.spans += [(s.start_char, s.end_char, label) for s in doc.spans.get(key, [])]
        self.spans.sort()

    def covered(self, start: int, end: int, label: str) -> bool:
        return any(s < end and start < e for s, e, lab in self.spans if lab == label)

    def shape(self, text: str, start: int, end: int) -> str:
        """``text[start:end]`` with mentions and capitalised runs abstracted."""
        out, pos = [], start
        for s, e, label in self.spans:
            if e <= pos or s >= end:
                continue
            if s > pos:
                out += _abstract(text[pos:s])
            out.append(f"<{label}>")
            pos = max(pos, e)
        out += _abstract(text[pos:end])
        squeezed = [w for i, w in enumerate(out) if i == 0 or w != out[i - 1]]
        return " ".join(squeezed)


def _abstract(chunk: str) -> list[str]:
    words = []
    for w in _WORD.findall(chunk):
        if w[0].isdigit():
            words.append("9")
        elif w[0].isupper():
            words.append("Xx")
        else:
            words.append(w.lower())
    return words


def _window(marks: _Marks, text: str, sent: tuple[int, int], start: int, end: int, before: int, after: int) -> str:
    """The shape from ``before`` characters before ``start`` to ``after`` after ``end``,
    clipped to the sentence and to whole mentions."""
    s, e = sent
    lo, hi = max(s, start - before), min(e, end + after)
    while lo > s and not text[lo - 1].isspace():  # whole words only
        lo -= 1
    while hi < e and not text[hi].isspace():
        hi += 1
    for ms, me, _ in marks.spans:
        if ms < lo < me:
            lo = ms
        if ms < hi < me:
            hi = me
    return marks.shape(text, lo, hi)


def audit_doc(doc: Doc, article_id: str) -> Iterator[Finding]:
    """Every finding of one processed doc."""
    text, sents, marks = doc_text(doc), sentence_spans(doc), _Marks(doc)
    gaz = GazIndex(doc)

    def sentence(pos: int) -> tuple[int, int]:
        return sentence_at(sents, pos) or (0, len(text))

    def finding(kind: str, shape: str, pos: int, snippet: str) -> Finding:
        s, e = sentence(pos)
        return Finding(kind, shape, article_id, " ".join(text[s:e].split()), snippet)

    titles = [t for t in gaz.starts("TITLE") if text[t.start].isupper()]
    family, taken = surnames(), 0
    for m in _SYLLABLE.finditer(text):
        hit = name_at(text, m.start()) if m.start() >= taken and m.group(0) in family else None
        if hit is None or any(t.start < hit[1] and hit[0] < t.end for t in titles):
            continue  # no name shape, a place ("Hà Nội"), or a title inside ("Đoàn Chủ tịch")
        start, end, name = hit
        if marks.covered(start, end, "PERSON") or marks.covered(start, end, "BODY"):
            continue
        s, e = sentence(start)
        before = [t for t in titles if s <= t.start and t.end <= start and start - t.end <= _NEAR]
        after = [t for t in titles if end <= t.start < min(e, end + 4)]
        if before:
            shape = marks.shape(text, before[-1].start, start) + " NAME"
        elif after:
            shape = "NAME " + _window(marks, text, (s, e), after[0].start, after[0].start, 0, 30)
        else:
            continue
        taken = end
        yield finding("name", shape, start, name)

    for t in doc._.title_mentions or []:
        if not text[t.start].isupper() or any(s < t.start < e for s, e, lab in marks.spans if lab == "BODY"):
            continue  # "Ban Bí thư": a body's words, not a title
        shape = _window(marks, text, sentence(t.start), t.start, t.full_end, 0, 20)
        yield finding("title", f"{t.canon}: {shape}", t.start, text[t.start : t.full_end])

    for m in _NUMBER.finditer(text):
        if marks.covered(m.start(), m.end(), "DOC"):
            continue
        number = re.sub(r"\d+", "9", re.sub(r"\s+", "", m.group(0)))
        yield finding("number", number, m.start(), m.group(0))

    with_fact = {f.sentence for f in doc._.facts or []}
    seen: set[tuple[int, int]] = set()
    for m in _TRIGGER.finditer(text):
        sent = sentence(m.start())
        if sent in with_fact or sent in seen:
            continue
        seen.add(sent)
        shape = _window(marks, text, sent, m.start(), m.end(), 30, 30)
        yield finding("trigger", shape, m.start(), m.group(0))


def audit(articles: Iterable[Article], keep: int = 3) -> AuditReport:
    """Run the pipeline on ``articles`` and collect what it missed, ``keep`` examples a group."""
    nlp = get_nlp()
    report = AuditReport()
    for a in articles:
        doc = nlp(match_text(a.text))
        report.articles += 1
        for f in audit_doc(doc, a.path or a.id):
            report.add(f, keep)
    return report


def audit_paths(paths: Iterable[str], keep: int = 3, on_error: Callable[[SourceError], None] | None = None) -> AuditReport:
    """``audit`` over files and directories (as ``graph extract`` reads them); unreadable
    inputs go to ``on_error`` and the run goes on."""

    def readable() -> Iterator[Article]:
        for item in articles(paths):
            if isinstance(item, SourceError):
                if on_error:
                    on_error(item)
            else:
                yield item

    return audit(readable(), keep)


def report_dict(report: AuditReport, top: int) -> dict:
    """The report as data (``graph audit --format json``): totals, then the ``top`` biggest
    groups of each kind with their examples."""
    groups = []
    for kind in KINDS:
        for g in report.ranked(kind)[:top]:
            groups.append({
                "kind": g.kind, "shape": g.shape, "count": g.count,
                "examples": [{"article": f.article, "text": f.text, "sentence": f.sentence} for f in g.examples],
            })
    return {"articles": report.articles, "totals": report.totals(), "groups": groups}
