"""Mentions to canonical identities, with the article as context.

* Jurisdiction: "UBND TP", "Thành ủy", "Ban Chấp hành Đảng bộ thành phố", a document coded
  ``/TU`` or ``/KH-UBND`` take the place of the article: the nearest province or city named
  before them in the same paragraph, else the place the article names most (a legal text's
  "Vĩnh Long, ngày ..." header counts most). A place of the wrong level is no answer ("Công an
  tỉnh" in a Hà Nội story stays "Công an tỉnh"), and "Đảng ủy" alone is no body: generic forms
  stay generic rather than guessed.
* Bodies: one key per real body, ``kind|level|place`` ("ubnd|thành phố|hà nội"); the
  canonical display name is short ("UBND TP Hà Nội", "Thành ủy Hà Nội", "Sở Y tế tỉnh Nghệ
  An"); every way the text wrote it becomes an alias.
* Documents: ``number|scope|year`` where scope is the jurisdiction for local issuer codes
  (84/KH-UBND of Hà Nội is not 84/KH-UBND of Nghệ An) and empty for national ones.
* Persons: the normalised full name, with the province below the provincial leadership
  (``ingest/identity.py``); spellings of one person in different articles are joined after
  loading, over the whole store (``ingest/sameas.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import cities, load
from .mentions import BodyMention, DocMention
from .normalize import clean_name, collapse, key, strip_accents
from .numbers import number_key

_DISTRICT_LEVELS = {"quận", "huyện", "thị xã", "xã", "phường", "thị trấn"}
_PARTY_CODES_LOCAL = {"TU", "HU", "QU", "ThU", "ĐU", "BCS", "ĐĐ"}
_HEADER_PLACE = re.compile(r"^\s*([^\n,|]{2,30}),\s*ngày\s+\d{1,2}\s+tháng", re.M)


@dataclass(frozen=True)
class BodyIdentity:
    key: str
    name: str
    kind: str
    level: str
    jurisdiction: str
    parent: str | None = None  # key of the parent body


class Jurisdiction:
    """Where an article is: place mentions with offsets, and the article's dominant place."""

    def __init__(self, text: str, place_spans: list[tuple[int, int, str]], title: str | None = None) -> None:
        self.text = text
        self.mentions = sorted(place_spans)
        weights: Counter[str] = Counter()
        for _, _, place in place_spans:
            weights[place] += 1
        header = _HEADER_PLACE.search(text[:600])
        if header:
            h = clean_name(header.group(1))
            canon = _canonical_place(h)
            if canon:
                weights[canon] += 5
        if title:
            lead = re.match(r"\s*([^:]{2,20}):", title)
            if lead and _canonical_place(clean_name(lead.group(1))):
                weights[_canonical_place(clean_name(lead.group(1)))] += 3
        self.dominant = weights.most_common(1)[0][0] if weights else ""

    def at(self, pos: int) -> str:
        """The place in force at ``pos``: nearest before it in the paragraph, else dominant."""
        para_start = self.text.rfind("\n\n", 0, pos)
        before = [p for s, _, p in self.mentions if para_start <= s < pos]
        return before[-1] if before else self.dominant


def _canonical_place(name: str) -> str:
    from .gazetteer import places

    return places().get(key(name), "")


def place_level(place: str) -> str:
    if not place:
        return ""
    return "thành phố" if place in cities() else "tỉnh"


def _display_level(level: str) -> str:
    return load("bodies")["display"]["level"].get(level, level)


def _place_phrase(place: str, level: str) -> str:
    """"Hà Nội" for a city or district, "tỉnh Nghệ An" for a province (as Sở are named)."""
    if not place:
        return ""
    if place in cities() or level in _DISTRICT_LEVELS:
        return place
    return f"tỉnh {place}"


def resolve_body(b: BodyMention, where: Jurisdiction) -> BodyIdentity | None:
    """The canonical identity of a body mention; None for generic mentions."""
    if b.generic:
        return None
    if b.parent is not None:  # before ``central``: "Văn phòng Bộ Công an" is not "Văn phòng"
        parent = resolve_body(b.parent, where)
        if parent is None:
            return None
        name = f"{b.kind} {parent.name}"
        return BodyIdentity(f"{key(b.kind)}|{parent.key}", name, b.kind, parent.level, parent.jurisdiction, parent.key)
    if b.central:
        k = f"{key(b.kind)}||"
        return BodyIdentity(k, b.kind, b.kind, "", "")
    committees = load("bodies")["party_committees"]
    level, place = b.level, b.place
    district = level in _DISTRICT_LEVELS
    if not place and not district:
        if not level and b.kind in committees and not committees[b.kind]["level"]:
            return None  # "Đảng ủy" alone: of which commune or agency cannot be known
        place = where.at(b.start)
        if level and place_level(place) != level:
            place = ""  # "Công an tỉnh", "Thành ủy" where only a province is named stay generic
    level = level or place_level(place)
    if b.kind in committees:
        if not place:
            return BodyIdentity(f"{key(b.kind)}|{level}|", b.kind, b.kind, level, "")
        kind = b.kind
        # "Thành ủy Bắc Ninh" as written is the committee of the province's city of that name;
        # an implied or misnamed one takes the place's own ("Tỉnh ủy Đà Nẵng" is the Thành ủy)
        city_of_province = kind == "Thành ủy" and b.place and not b.implied and place not in cities()
        if kind in ("Thành ủy", "Tỉnh ủy") and not district and not city_of_province and _canonical_place(place):
            kind = "Thành ủy" if place in cities() else "Tỉnh ủy"
            level = place_level(place)
        # "Đảng ủy" carries no level of its own: its name says it ("Đảng ủy xã Tân Lập")
        name = f"{kind} {level} {place}" if not committees[kind]["level"] and level else f"{kind} {place}"
        return BodyIdentity(f"{key(kind)}|{level}|{key(place)}", name, kind, level, place)
    if b.kind.startswith("Sở "):
        name = collapse(f"{b.kind} {_place_phrase(place, level)}")
        return BodyIdentity(f"{key(b.kind)}|{level}|{key(place)}", name, b.kind, level, place)
    if (district or not level) and not place:
        return None  # "UBND quận" with no name, "UBND" where no place is named: which one cannot be known
    display = load("bodies")["display"].get(b.kind, b.kind)
    name = collapse(f"{display} {_display_level(level)} {place}")
    return BodyIdentity(f"{key(b.kind)}|{level}|{key(place)}", name, b.kind, level, place)


@dataclass(frozen=True)
class DocumentIdentity:
    key: str
    number: str
    scope: str


def resolve_document(d: DocMention, where: Jurisdiction) -> DocumentIdentity:
    code = re.sub(r"\d+$", "", d.issuer_code or "")
    local = code in load("issuers")["local"] or code in _PARTY_CODES_LOCAL
    scope = key(where.at(d.start)) if local else ""
    number = d.number
    nk = number_key(number) if d.parsed else f"{(d.type_code or d.type_name or '').casefold()}:{number_key(number)}"
    return DocumentIdentity(f"{nk}|{scope}|{d.year or ''}", number, scope)


@lru_cache(maxsize=65536)
def search_form(text: str) -> str:
    """The accent-free form stored for search ("chu ngoc anh"); cached, since every mention of
    a name asks again (a twentieth of extraction time before)."""
    return strip_accents(text)
