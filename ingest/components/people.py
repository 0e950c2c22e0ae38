"""``vn_people``: officials, their titles, and the bodies those titles sit in.

A name counts as an official only where the text licenses it:

* after a title chain: "Ủy viên Trung ương Đảng, Phó Bí thư Thành ủy, Chủ tịch UBND TP Hà Nội Chu Ngọc Anh"
  (and coordinated: "2 tân Phó Chủ tịch UBND tỉnh Hoàng Nghĩa Hiếu và Bùi Đình Long"; listed after a colon);
* after an honorific: "ông Chu Ngọc Anh", "đồng chí Nguyễn Thị Thủy";
* with an appositive chain: "ông Chu Ngọc Anh, Ủy viên Trung ương Đảng, ...", "Ông Phạm Anh Tuấn - tân Chủ tịch ...";
* and later by name alone, once licensed.

Titles also reach a person through "giữ chức <title>" and "chức vụ <title> ... đối với ông <name>"
(not when the sentence dismisses: "miễn nhiệm"). A title standing alone ("Phó Thủ tướng đã ký")
is kept in ``doc._.title_mentions`` so that relations can resolve it to the article's person.
Credits and bylines never reach this component: ``ingest.clean`` moved them to the authors.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import load
from ..mentions import BodyMention, PersonMention, TitleMention
from .gaz import GazIndex, doc_text, name_at
from .sentences import sentence_at, sentence_spans

if not Span.has_extension("person_mention"):
    Span.set_extension("person_mention", default=None)
for _ext in ("title_mentions", "persons"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

_PAREN = re.compile(r"\s*\([^()\n]{1,60}\)")
_APPOS_SEP = re.compile(r"\s*(?:,|\s[-–—])\s*")
_CHAIN_SEP = re.compile(r"\s*(?:,|\bkiêm\b)\s*")
_AND = re.compile(r"\s*(?:và|,)\s+", re.I)
_LIST_SEP = re.compile(r"\s*[;,]\s*(?:và\s+)?", re.I)
_HOLD_VERB = re.compile(r"giữ chức(?: vụ)?\s+", re.I)
_POST_WORD = re.compile(r"(?:chức vụ|chức danh)\s+", re.I)
_TOWARDS = re.compile(r"đối với\s+(?:(?:ông|bà|đồng chí)\s+)?", re.I)
_AGE = re.compile(r"\s*,\s*\d{2}\s*tuổi")
_CITIZEN = re.compile(r"\s*[,(]\s*(?:\d+\s*tuổi|SN\s*\d|trú|ngụ|sinh sống|người dân|quê)", re.I)
_DISMISS = re.compile(r"miễn nhiệm|thôi giữ|cách chức|nghỉ hưu", re.I)


class PeopleParser:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.gaz = GazIndex(doc)
        self.specs = load("titles")["titles"]
        self.bodies = {b._.body_mention.start: b._.body_mention for b in doc.spans.get("bodies", [])}
        self.sentences = sentence_spans(doc)
        self.titles = self._titles()
        self.title_at = {t.start: t for t in self.titles}
        self.persons: list[PersonMention] = []
        self.used_titles: set[int] = set()

    # -- titles ---------------------------------------------------------------------------
    def _titles(self) -> list[TitleMention]:
        out, pos = [], 0
        for m in self.gaz.starts("TITLE"):
            if m.start < pos:
                continue
            former = self._prefixed(m.start, "former")
            if not (self.text[m.start].isupper() or former or self._prefixed(m.start, "current")):
                continue
            spec = self.specs[m.ident]
            body = None if spec.get("absorbs_body") else self.bodies.get(self.gaz.skip(m.end))
            if spec.get("needs_body") and body is None:
                continue
            if body and body.generic:
                body = None
            surface = " ".join(self.text[m.start : m.end].split())
            out.append(TitleMention(m.start, m.end, surface, m.ident, spec["role"], body, former))
            pos = body.end if body else m.end
        return out

    def _prefixed(self, start: int, kind: str) -> bool:
        before = self.text[max(0, start - 12) : start]
        words = load("titles")["prefixes"][kind]
        return any(re.search(rf"(?:^|\s){re.escape(w)}\s+$", before, re.I) for w in words)

    def _qualifier_end(self, pos: int) -> int | None:
        q = self.gaz.at(pos, "QUALIFIER")
        return q.end if q else None

    def chain_at(self, pos: int) -> tuple[list[TitleMention], int]:
        """Titles (and rank qualifiers) separated by commas, starting at ``pos``."""
        chain: list[TitleMention] = []
        p = pos
        while True:
            p = self._skip_prefix(p)
            t = self.title_at.get(p)
            q_end = None if t else self._qualifier_end(p)
            if t is None and q_end is None:
                break
            if t is not None:
                chain.append(t)
                end = t.full_end
            else:
                end = q_end
            tail = re.match(r"\s*nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}", self.text[end:])
            if tail:
                end += tail.end()
            sep = _CHAIN_SEP.match(self.text, end)
            if sep and self._starts_title(self._skip_prefix(sep.end())):
                p = sep.end()
                continue
            return chain, end
        return chain, p

    def _starts_title(self, pos: int) -> bool:
        return pos in self.title_at or self._qualifier_end(pos) is not None

    def _skip_prefix(self, pos: int) -> int:
        m = self.gaz.at(pos, "PREFIX")
        return self.gaz.skip(m.end) if m else pos

    # -- persons ----------------------------------------------------------------------------
    def add(self, start: int, end: int, name: str, titles: list[TitleMention]) -> PersonMention:
        for t in titles:
            self.used_titles.add(t.start)
        p = PersonMention(start, end, name, list(titles))
        self.persons.append(p)
        appos = self.appositive(end)
        p.titles += appos
        return p

    def appositive(self, end: int) -> list[TitleMention]:
        """Titles written after a name: ", Chủ tịch ...", " - tân Giám đốc ...", "(Chủ tịch ...)"."""
        pos = end
        for aside in (_PAREN, _AGE):  # "(sinh năm 1976)", ", 57 tuổi"
            m = aside.match(self.text, pos)
            if m:
                inside = self.text.index("(", m.start()) + 1 if aside is _PAREN else None
                if inside is not None:
                    chain, _ = self.chain_at(self._skip_prefix(self.gaz.skip(inside)))
                    if chain:  # "ông Nguyễn Văn A (Chủ tịch UBND tỉnh)"
                        return self._claim(chain)
                pos = m.end()
        sep = _APPOS_SEP.match(self.text, pos)
        if not sep:
            return []
        chain, chain_end = self.chain_at(self._skip_prefix(sep.end()))
        if not chain or name_at(self.text, self.gaz.skip(chain_end)):
            return []  # "A, Chủ tịch X Nguyễn B": the chain introduces the next name
        return self._claim(chain)

    def _claim(self, chain: list[TitleMention]) -> list[TitleMention]:
        for t in chain:
            self.used_titles.add(t.start)
        return chain

    def names_after(self, pos: int, titles: list[TitleMention]) -> None:
        """One name, or several joined by "và" / listed after a colon, each with ``titles``."""
        pos = self.gaz.skip(pos)
        listed = self.text.startswith(":", pos)
        if listed:
            pos = self.gaz.skip(pos + 1)
        while True:
            hit = name_at(self.text, pos)
            if not hit:
                return
            if not titles and not self.appositive(hit[1]) and _CITIZEN.match(self.text, hit[1]):
                return  # "ông Nguyễn Văn B (60 tuổi, trú tại ...)": a citizen, not an official
            p = self.add(hit[0], hit[1], hit[2], titles)
            nxt = p.titles[-1].full_end if len(p.titles) > len(titles) else hit[1]
            sep = (_LIST_SEP if listed else _AND).match(self.text, nxt)
            if not sep:
                return
            pos = self._skip_honorific(sep.end())

    def _skip_honorific(self, pos: int) -> int:
        h = self.gaz.at(pos, "HONORIFIC")
        return self.gaz.skip(h.end) if h else pos

    def run(self) -> None:
        # pre-nominal chains
        i = 0
        while i < len(self.titles):
            t = self.titles[i]
            if t.start in self.used_titles:
                i += 1
                continue
            chain, end = self.chain_at(t.start)
            if chain and chain[0].start == t.start:
                self.names_after(end, chain)
            i += 1
        # honorifics, and ranks used as one ("Trung tướng Nguyễn Văn Long, Thứ trưởng ...")
        for h in self.gaz.starts("HONORIFIC", "QUALIFIER"):
            if h.label == "QUALIFIER" and not self.text[h.start].isupper():
                continue
            pos = self.gaz.skip(h.end)
            if any(p.start == pos for p in self.persons):
                continue
            self.names_after(pos, [])
        self.late_titles()
        self.known_names()

    def _sentence(self, pos: int) -> tuple[int, int]:
        return sentence_at(self.sentences, pos) or (0, len(self.text))

    def late_titles(self) -> None:
        """"giữ chức <title>" and "chức vụ <title> ... đối với ông <name>"."""
        text = self.text
        for m in _HOLD_VERB.finditer(text):
            t = self.title_at.get(self._skip_prefix(m.end()))
            if not t:
                continue
            s, _ = self._sentence(m.start())
            before = [p for p in self.persons if s <= p.start < m.start()]
            if before:
                before[-1].titles.append(t)
                self.used_titles.add(t.start)
        for m in _POST_WORD.finditer(text):
            t = self.title_at.get(m.end())
            if not t:
                continue
            s, e = self._sentence(m.start())
            if _DISMISS.search(text[s : m.start()]):
                continue
            towards = _TOWARDS.search(text, t.full_end, e)
            if not towards:
                continue
            hit = name_at(text, towards.end())
            if hit:
                same = [p for p in self.persons if p.start == hit[0]]
                person = same[0] if same else self.add(hit[0], hit[1], hit[2], [])
                for p in [person, *self._listed_after(person, e)]:
                    p.titles.append(t)
                self.used_titles.add(t.start)

    def _listed_after(self, first: PersonMention, end: int) -> list[PersonMention]:
        """Persons listed after ``first`` in the same sentence: "ông A, ...; ông B, ...; và ông C"."""
        out, prev = [], first
        for p in sorted(self.persons, key=lambda p: p.start):
            if not (first.start < p.start < end) or p in out:
                continue
            tail = prev.titles[-1].full_end if prev.titles else prev.end
            gap = self.text[max(tail, prev.end) : p.start]
            if not re.fullmatch(r"[^;]*;\s*(?:và\s+)?(?:ông|bà|đồng chí)\s+|\s*(?:,|và)\s+(?:ông|bà|đồng chí)\s+", gap, re.I):
                break
            out.append(p)
            prev = p
        return out

    def known_names(self) -> None:
        """Later mentions of a licensed name, by the name alone."""
        names = {p.name for p in self.persons}
        taken = {(p.start, p.end) for p in self.persons}
        for name in names:
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)")
            for m in pattern.finditer(self.text):
                if (m.start(), m.end()) not in taken and not any(p.start <= m.start() < p.end for p in self.persons):
                    self.persons.append(PersonMention(m.start(), m.end(), name, []))
        self.persons.sort(key=lambda p: p.start)


@Language.component("vn_people")
def vn_people(doc: Doc) -> Doc:
    parser = PeopleParser(doc)
    parser.run()
    spans = []
    for p in parser.persons:
        span = doc.char_span(p.start, p.end, label="PERSON", alignment_mode="expand")
        if span is not None:
            span._.person_mention = p
            spans.append(span)
    doc.spans["persons"] = spans
    doc.spans["titles"] = [
        s for s in (doc.char_span(t.start, t.full_end, label="TITLE", alignment_mode="expand") for t in parser.titles) if s
    ]
    doc._.persons = parser.persons
    doc._.title_mentions = [t for t in parser.titles if t.start not in parser.used_titles]
    # bodies inside a title that absorbed them ("Thủ tướng Chính phủ") are part of the title
    absorbed = [(t.start, t.end) for t in parser.titles]
    doc.spans["bodies"] = [
        b for b in doc.spans.get("bodies", []) if not any(s < b.start_char < e for s, e in absorbed)
    ]
    return doc


__all__ = ["BodyMention", "PeopleParser", "vn_people"]
