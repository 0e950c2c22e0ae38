"""``vn_bodies``: bodies composed from gazetteer matches.

Grammar (case-insensitive words, first letter capitalised in the text):

    body    := CENTRAL                               Bộ Chính trị, Chính phủ, Quốc hội ...
             | "Bộ" SECTOR                            Bộ Nội vụ, Bộ GD&ĐT
             | "Sở" SECTOR [LEVEL] [PLACE]            Sở GTVT Hà Nội, Sở Tài chính tỉnh Đồng Nai
             | LOCAL ["(" ABBR ")"] [LEVEL [PLACE]]   UBND TP Hà Nội, Ủy ban nhân dân (UBND) thành phố Hà Nội
             | PARTY [PLACE]                          Thành ủy Hà Nội, Huyện ủy Nam Đàn
             | PARTY_BCH [PLACE]                      Ban Chấp hành Đảng bộ thành phố (= Thành ủy)
             | SUB ["của"] body                       Ban Thường vụ Thành ủy, Văn phòng UBND tỉnh

A place after "tỉnh"/"thành phố" must be a known province or city (so "UBND tỉnh Thái Thanh
Quý" keeps the name out); after "quận", "huyện", "xã"... it is one or two capitalised
syllables (district names are open-ended). "UBND các quận, huyện" is generic: not one body.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import CAP, load, surnames
from ..mentions import BodyMention
from .gaz import GazIndex, Match, doc_text

if not Span.has_extension("body_mention"):
    Span.set_extension("body_mention", default=None)

_CORES = ("CENTRAL", "LOCAL", "PARTY", "PARTY_BCH", "SUB", "ORG_WORD")
_DISTRICT_LEVELS = {"quận", "huyện", "thị xã", "xã", "phường", "thị trấn"}
_CAP_RUN = re.compile(rf"({CAP})(?:[ \t]+({CAP}))?")
_ABBR = re.compile(r"\s*\([A-ZĐ&]{2,8}\)")
_NUMBERED = re.compile(r"\d{1,2}\b")


def _capitalised(text: str, m: Match) -> bool:
    return text[m.start].isupper()


class BodyParser:
    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.gaz = GazIndex(doc)
        self.committees = load("bodies")["party_committees"]

    def place_after(self, pos: int, level: str) -> tuple[str, int]:
        """A place starting at ``pos``: a known one, or for district levels a short run."""
        p = self.gaz.at(pos, "PLACE")
        if p:
            return p.ident, p.end
        if level in _DISTRICT_LEVELS:
            n = _NUMBERED.match(self.text, pos)
            if n:
                return n.group(0), n.end()
            m = _CAP_RUN.match(self.text, pos)
            if m:
                # "huyện Lắk Nguyễn Văn A": a second syllable that opens a name is not the place's
                if m.group(2) and m.group(2) in surnames() and re.match(rf"[ \t]+{CAP}", self.text[m.end() :]):
                    return m.group(1), m.start() + len(m.group(1))
                return " ".join(m.group(0).split()), m.end()
        return "", pos

    def level_place(self, pos: int, allow_bare_place: bool, default_level: str = "") -> tuple[str, str, int]:
        q = self.gaz.skip(pos)
        lv = self.gaz.at(q, "LEVEL")
        whole = self.gaz.at(q, "PLACE")
        if whole and (lv is None or whole.end > lv.end):  # "TP.HCM" is a place, not "TP." + "HCM"
            return default_level, whole.ident, whole.end
        if lv:
            place, end = self.place_after(self.gaz.skip(lv.end), lv.ident)
            return lv.ident, place, end if place else lv.end
        if allow_bare_place:
            place, end = self.place_after(q, default_level)
            if place:
                return default_level, place, end
        return default_level, "", pos

    def parse(self, pos: int, depth: int = 0) -> BodyMention | None:
        text, gaz = self.text, self.gaz
        cands = [m for m in (gaz.at(pos, lab) for lab in _CORES) if m and _capitalised(text, m)]
        if not cands:
            return None
        m = max(cands, key=lambda c: (c.end - c.start, c.label != "SUB"))
        if m.label == "CENTRAL":
            return BodyMention(m.start, m.end, text[m.start : m.end], m.ident, central=True)
        if m.label == "ORG_WORD":
            sector = gaz.at(gaz.skip(m.end), "SECTOR")
            if not sector:
                return None
            kind = f"{m.ident} {sector.ident}"
            if m.ident == "Bộ":
                return BodyMention(m.start, sector.end, text[m.start : sector.end], kind, central=True)
            level, place, end = self.level_place(sector.end, allow_bare_place=True)
            return BodyMention(m.start, max(end, sector.end), text[m.start : max(end, sector.end)], kind, level, place)
        if m.label == "LOCAL":
            end = m.end
            abbr = _ABBR.match(text, end)
            if abbr:
                end = abbr.end()
            if re.match(r"\s+các\b", text[end:]):
                return BodyMention(m.start, end, text[m.start : end], m.ident, generic=True)
            level, place, end2 = self.level_place(end, allow_bare_place=True)
            end = max(end, end2)
            return BodyMention(m.start, end, text[m.start : end], m.ident, level, place)
        if m.label in ("PARTY", "PARTY_BCH"):
            spec = self.committees[m.ident]
            level = spec["level"]
            district = level in _DISTRICT_LEVELS or not level
            if m.label == "PARTY_BCH":
                # "Ban Chấp hành Đảng bộ TP Hà Nội": the pattern holds the level word already
                _, place, end = self.level_place(m.end, allow_bare_place=True, default_level=level)
            elif gaz.at(gaz.skip(m.end), "LEVEL"):  # "Đảng ủy xã Tân Lập"
                level, place, end = self.level_place(m.end, allow_bare_place=False)
            else:
                place, end = self.place_after(gaz.skip(m.end), level if district else "")
                if not place:
                    end = m.end
            kind = m.ident
            end = max(end, m.end)
            return BodyMention(m.start, end, text[m.start : end], kind, level, place)
        if m.label == "SUB" and depth < 2:
            q = gaz.skip(m.end)
            cua = gaz.word_at(q, "của")
            if cua:
                q = gaz.skip(cua)
            parent = self.parse(q, depth + 1)
            if parent is None or parent.generic:
                return None
            return BodyMention(
                m.start, parent.end, text[m.start : parent.end], m.ident, parent.level, parent.place,
                central=parent.central, parent=parent,
            )
        return None

    def _inside_titles(self) -> list[tuple[int, int]]:
        """Spans of titles: a body never starts inside one ("Phó Bí thư Thường trực Thành ủy"
        is a title and "Thành ủy", not the body "Thường trực Thành ủy")."""
        spans, pos = [], 0
        for t in self.gaz.starts("TITLE"):
            if t.start >= pos:
                spans.append((t.start, t.end))
                pos = t.end
        return spans

    def scan(self, numbers: list[tuple[int, int]]) -> list[BodyMention]:
        """Bodies left to right; none inside a title or a document number ("84/KH-UBND")."""
        out: list[BodyMention] = []
        pos = 0
        titles = self._inside_titles()
        for m in self.gaz.starts(*_CORES):
            if m.start < pos or any(s < m.start < e for s, e in titles) or any(s <= m.start < e for s, e in numbers):
                continue
            body = self.parse(m.start)
            if body:
                out.append(body)
                pos = body.end
        return out


@Language.component("vn_bodies")
def vn_bodies(doc: Doc) -> Doc:
    spans = []
    numbers = [(s.start_char, s.end_char) for s in doc.spans.get("documents", [])]
    for b in BodyParser(doc).scan(numbers):
        span = doc.char_span(b.start, b.end, label="BODY", alignment_mode="expand")
        if span is not None:
            span._.body_mention = b
            spans.append(span)
    doc.spans["bodies"] = spans
    return doc
