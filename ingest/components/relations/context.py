"""The sentence context every relation rule reads: the doc's mentions and where they stand."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ...gazetteer import load
from ...mentions import BodyMention, DocMention, PersonMention, TitleMention
from ..gaz import GazIndex
from ..sentences import sentence_at

_COORD = re.compile(r"\s*(?:,|và|;)\s*", re.I)


@dataclass
class Context:
    doc: Doc
    text: str
    gaz: GazIndex
    sentences: list[tuple[int, int]]
    persons: list[PersonMention]
    bodies: list[BodyMention]
    docs: list[DocMention]
    loose_titles: list[TitleMention]

    def sentence(self, pos: int) -> tuple[int, int]:
        return sentence_at(self.sentences, pos) or (0, len(self.text))

    def body_at(self, pos: int) -> BodyMention | None:
        pos = self.gaz.skip(pos)
        return next((b for b in self.bodies if b.start == pos), None)

    def bodies_from(self, pos: int) -> list[BodyMention]:
        """A body at ``pos`` and those coordinated with it ("Bộ Chính trị, Ban Bí thư")."""
        out, b = [], self.body_at(pos)
        while b:
            out.append(b)
            sep = _COORD.match(self.text, b.end)
            b = self.body_at(sep.end()) if sep else None
        return out

    def title_body_at(self, pos: int) -> BodyMention | None:
        """A body, or a title standing for its body ("của Chủ tịch UBND tỉnh", "của Bộ trưởng Bộ Nội vụ")."""
        pos = self.gaz.skip(pos)
        body = self.body_at(pos)
        if body:
            return body
        t = self.gaz.at(pos, "TITLE")
        if t:
            return self.body_at(t.end) or implied_body(t.ident, t.start, t.end, self.text)
        return None


def implied_body(canon: str, start: int, end: int, text: str) -> BodyMention | None:
    """The body a title implies when none is written ("Thủ tướng" -> Chính phủ)."""
    spec = load("titles")["titles"].get(canon, {})
    name = spec.get("body")
    if not name:
        return None
    committees = load("bodies")["party_committees"]
    if name in committees:
        return BodyMention(start, end, text[start:end], name, committees[name]["level"], implied=True)
    return BodyMention(start, end, text[start:end], name, central=True, implied=True)

