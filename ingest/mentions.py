"""What extraction finds in one article: mentions (spans with meaning) and facts between them.

Offsets are character offsets into the article's stored text (equal to its matching text).
These objects are the hand-off from the spaCy components to ``resolve`` and ``ingest.build``:
plain dataclasses, no spaCy types, so the later stages can be tested without a pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from .numbers import DocNumber


@dataclass
class BodyMention:
    """A body as written: ``kind`` is the canonical kind ("UBND", "Thành ủy", "Sở Y tế",
    "Bộ Chính trị"); ``central`` marks national bodies; ``parent`` is set for organs inside
    another body ("Ban Thường vụ" of "Thành ủy Hà Nội")."""

    start: int
    end: int
    surface: str
    kind: str
    level: str = ""
    place: str = ""
    central: bool = False
    parent: Optional["BodyMention"] = None
    generic: bool = False  # "UBND các quận, huyện": a class of bodies, not one body
    implied: bool = False  # not written: implied by a title or a number's issuer code

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class DocMention:
    start: int
    end: int
    surface: str
    number: str  # canonical display form ("143-KL/TU", or "131" for a bare reference)
    type_name: str | None
    type_code: str | None
    issuer_code: str | None
    year: int | None = None
    date: str | None = None
    parsed: DocNumber | None = None
    #: where the type word stands when the text names it ("Kế hoạch số 84/KH-UBND")
    type_start: int | None = None


@dataclass
class TitleMention:
    start: int
    end: int
    surface: str  # the title as written, without its body ("Phó Bí thư Thường trực")
    canon: str  # the titles.yaml entry it matched
    role: str  # head | member
    body: BodyMention | None = None
    former: bool = False

    @property
    def full_end(self) -> int:
        # a body may stand before its title ("Công an tỉnh X có 7 Phó Giám đốc"): never before the title's end
        return max(self.end, self.body.end) if self.body else self.end


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    titles: list[TitleMention] = field(default_factory=list)
    #: title start -> the rule that gave the person that title ("positions.appointment")
    title_rules: dict[int, str] = field(default_factory=dict)


@dataclass
class EventMention:
    start: int
    end: int
    name: str
    aliases: list[str] = field(default_factory=list)
    date: str | None = None


Mention = Union[BodyMention, DocMention, PersonMention, EventMention, TitleMention]


@dataclass
class Fact:
    """A relation between two mentions, with the sentence that states it."""

    type: str
    source: Mention
    target: Mention
    sentence: tuple[int, int]
    props: dict[str, Any] = field(default_factory=dict)
    #: the id of the rule that made it ("positions.title_chain"), so a wrong edge is traced fast
    rule: str = ""
