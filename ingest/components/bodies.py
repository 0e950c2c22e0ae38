"""``vn_bodies``: bodies composed from gazetteer matches.

Grammar (case-insensitive words, first letter capitalised in the text):

    body    := CENTRAL                               Bộ Chính trị, Chính phủ, Quốc hội ...
             | "Bộ" SECTOR                            Bộ Nội vụ, Bộ GD&ĐT
             | "Sở" SECTOR [LEVEL] [PLACE]            Sở GTVT Hà Nội, Sở Tài chính tỉnh Đồng Nai
             | LOCAL ["(" ABBR ")"] [LEVEL [PLACE]]   UBND TP Hà Nội, Ủy ban nhân dân (UBND) thành phố Hà Nội
             | PARTY [PLACE]                          Thành ủy Hà Nội, Huyện ủy Nam Đàn
             | PARTY_BCH [PLACE]                      Ban Chấp hành Đảng bộ thành phố (= Thành ủy)
             | SUB ["của"] body                       Ban Thường vụ Thành ủy, Văn phòng UBND tỉnh
             | ADHOC name [LEVEL PLACE]               Ban Chỉ đạo phòng, chống thiên tai tỉnh Nghệ An

An ad hoc body (``ad_hoc`` in bodies.yaml) is named as written: its name runs from the head word
to a stop (punctuation, a place, which it keeps, a title, a person's name, another body, a stop
word such as "do", "đã", "tại", "của"); a number right after the head word is its name ("Tổ
công tác số 9", "Ban Chỉ đạo 389 quốc gia"), and the words after it are the sentence's. A head
word alone ("Trưởng Ban Chỉ đạo đã kết luận") is the last ad hoc body of that head named before
it, or nothing.

A body is not mentioned where it is a venue ("tại trụ sở HĐND-UBND quận X"), part of a law's
name ("Luật Tổ chức HĐND và UBND") or a role ("Cơ quan Thường trực của Ban Chỉ đạo"); "UBND tỉnh
(thành phố)" is a class of bodies. A parent named only inside its organ's name gets no node.

A place after "tỉnh" must be a known province (so "UBND tỉnh Thái Thanh Quý" keeps the name
out); after "thành phố" a known city, or a city under a province written as one or two
capitalised syllables that start no person's name ("TP Hạ Long"); after "quận", "huyện",
"xã"... one or two capitalised syllables (district names are open-ended). "UBND các quận,
huyện" and "UBND 5 tỉnh" are generic: not one body. A district-level body with no name ("Ban
Thường vụ Huyện ủy") is the district named in the same sentence, else the last one of its kind
named before it, else generic. "Đảng ủy Chính phủ" is the Party committee of a central body.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import CAP, load, surnames, vocabulary_cache
from ..mentions import BodyMention
from ..normalize import key
from ..triggers import alternation
from .gaz import GazIndex, Match, doc_text, name_at
from .sentences import sentence_at, sentence_spans

if not Span.has_extension("body_mention"):
    Span.set_extension("body_mention", default=None)

_CORES = ("CENTRAL", "LOCAL", "PARTY", "PARTY_BCH", "SUB", "ORG_WORD", "ADHOC")
_DISTRICT_LEVELS = {"quận", "huyện", "thị xã", "xã", "phường", "thị trấn"}
_CAP_RUN = re.compile(rf"({CAP})(?:[ \t]+({CAP}))?")
_ABBR = re.compile(r"\s*\([A-ZĐ&]{2,8}\)")
#: a third capitalised syllable ending a run ("Hai Bà Trưng", not "Hai Bà Trưng Chu ...")
_THIRD = re.compile(rf"[ \t]+({CAP})(?!\w)(?![ \t]+{CAP})")
#: a body's term written before its place ("khóa XV của tỉnh X")
_TERM = re.compile(r"[ \t]+(?:khóa|khoá)[ \t]+[IVXLC]+(?!\w)(?:[ \t]+của)?", re.I)
_AND_BODY = re.compile(r"[ \t]*[-–][ \t]*|[ \t]+và[ \t]+")
_NUMBERED = re.compile(r"\d{1,2}\b")
_PLURAL = re.compile(r"(?:^|\s)(?:các|những)\s+$", re.I)
#: "UBND các quận", "UBND 5 tỉnh": a class of bodies
_MANY = re.compile(
    r"\s+(?:các|những|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường)\b", re.I
)
#: one word of an ad hoc body's name ("phòng", "Covid-19", "TTHC", "06")
_NAME_WORD = re.compile(r"[^\W_]+(?:[-&][^\W_]+)*")
_RANGE = re.compile(r"[ \t]*[-–][ \t]*(?=\d)")
_PAIRED = re.compile(rf"[-–][ \t]*(?={CAP})")
#: two capitalised syllables in a row that are not acronyms: a person's name, not a name's word
_PROPER_RUN = re.compile(rf"{CAP}[ \t]+{CAP}(?![\w&-])")
_NOT_AFTER_COMMA = re.compile(r"(?:các|những|lãnh đạo|đại diện|thành viên|trong đó)\b", re.I)
_AD_HOC_LIMIT = 20  # words: a longer run is no name we can delimit
#: a level word and its alternative, written in rules for every province: "UBND tỉnh (thành phố)"
_ALT_LEVEL = re.compile(
    r"[ \t]*(?:\([ \t]*(?:tỉnh|thành phố|TP)[ \t]*\)|/[ \t]*(?:tỉnh|thành phố|TP)(?!\w)|,[ \t]*(?:thành phố|TP)(?!\w)(?![ \t]+(?-i:[A-ZĐ])))", re.I
)
#: two people's bodies sharing the qualifier written after the second: "HĐND-UBND quận X"
_SHARED = re.compile(r"[ \t]*(?:[-–,]|và)[ \t]*")
#: between a body that is no mention and one joined to it ("trụ sở HĐND-UBND", "HĐND và UBND")
_JOINED = re.compile(r"[ \t]*(?:[-–]|và)[ \t]*")
#: between a national body and the national body it belongs to
_OF_CENTRAL = re.compile(r"[ \t]+của[ \t]+")
#: between sectors sharing one "Bộ" or "Sở"
_SECTORS_SEP = re.compile(r"[ \t]*(?:,|và)[ \t]*")
#: between a body's place and another place of the same level: "UBND thành phố Hải Phòng (cũ) và tỉnh Hải Dương"
#: (only "và": "Đảng bộ xã Hậu Nghĩa, tỉnh Tây Ninh" names where the commune is)
_ALSO = re.compile(r"[ \t]*(?:\((?:cũ|mới)\)[ \t]*)?và[ \t]+", re.I)
#: after a national body: its branch ("Ngân hàng Nhà nước chi nhánh tỉnh X") or its numbered region
#: ("Kiểm toán Nhà nước khu vực II", "Ngân hàng Nhà nước Chi nhánh Khu vực 9")
_BRANCH = re.compile(r"[ \t]+chi nhánh(?!\w)", re.I)
_REGION = re.compile(r"[ \t]+khu vực[ \t]+(?:[IVXLC]{1,6}|\d{1,2})(?![\w/.-])", re.I)
#: the words before a body searched for a venue, a law's name or a role
_LOOK_BACK = 40


def _alternation(words: list[str]) -> str:
    """Phrases as a regex alternation, longest first, any run of spaces between their words."""
    return "(?:" + "|".join(r"[ \t]+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)) + ")"


def _phrases(section: str) -> re.Pattern[str]:
    """One ``ad_hoc`` section of bodies.yaml as a case-insensitive alternation of whole phrases."""
    return re.compile(_alternation(load("bodies")["ad_hoc"][section]) + r"(?!\w)", re.I)


@vocabulary_cache
def _ad_hoc_stop() -> re.Pattern[str]:
    return _phrases("stops")


@vocabulary_cache
def _ad_hoc_name_word() -> re.Pattern[str]:
    return _phrases("name_words")


@vocabulary_cache
def _ad_hoc_generic() -> re.Pattern[str]:
    return _phrases("generic")


@vocabulary_cache
def _standing_council() -> re.Pattern[str]:
    return _phrases("standing_not_of")


@vocabulary_cache
def _after_number() -> re.Pattern[str]:
    return _phrases("after_number")


def _ending(words: list[str]) -> re.Pattern[str]:
    """Text that ends with one of the phrases (whole words) and a space: searched just before a body."""
    return re.compile(r"(?<!\w)" + _alternation(words) + r"[ \t]+$", re.I)


@vocabulary_cache
def _spellings() -> tuple[str, ...]:
    """Keys of the names of the bodies the gazetteer knows, each followed by a space."""
    data = load("bodies")
    names = [n for section in ("central", "local_heads", "sub_organs") for c, alts in data[section].items() for n in (c, *alts)]
    return tuple(key(n) + " " for n in names)


def _cut_spelling(surface: str) -> bool:
    """Whether ``surface`` is the start of a known body's name cut short (a line broke inside it)."""
    k = key(surface) + " "
    return any(n.startswith(k) for n in _spellings())


@vocabulary_cache
def _not_mentioned_after() -> re.Pattern[str]:
    return _ending(load("bodies")["not_mentioned_after"])


@vocabulary_cache
def _role_before() -> re.Pattern[str]:
    return _ending(load("bodies")["roles"])


@vocabulary_cache
def _established() -> re.Pattern[str]:
    """An ``establishing`` verb ending right before a body ("thành lập Ban Chỉ đạo X")."""
    return re.compile(rf"(?<!\w)(?:{alternation('establishing')})[ \t]+\Z", re.I)


@vocabulary_cache
def _party_bloc() -> re.Pattern[str]:
    """A bloc of agencies right after "Đảng ủy" (bodies.yaml ``party_blocs``)."""
    return re.compile(_alternation(load("bodies")["party_blocs"]) + r"(?!\w)", re.I)


def _capitalised(text: str, m: Match) -> bool:
    return text[m.start].isupper()


class BodyParser:
    def __init__(self, doc: Doc, ad_hoc_words: int = _AD_HOC_LIMIT) -> None:
        self.ad_hoc_words = ad_hoc_words
        self.doc = doc
        self.text = doc_text(doc)
        self.gaz = GazIndex(doc)
        self.committees = load("bodies")["party_committees"]
        self.titles = load("titles")["titles"]
        self.last_ad_hoc: dict[str, BodyMention] = {}  # head word -> last ad hoc body named
        self.owners: list[BodyMention] = []  # bodies named inside an ad hoc body's name
        self.after_titles: set[int] = set()  # where a title's body may start ("Phó trưởng ban Tổ chức")

    def place_after(self, pos: int, level: str) -> tuple[str, int]:
        """A place starting at ``pos``: a known one, or for district levels (and cities under a
        province: "TP Hạ Long", "Thành ủy Vinh") a short run."""
        p = self.gaz.at(pos, "PLACE")
        if p:
            return p.ident, p.end
        if level == "thành phố":
            m = _CAP_RUN.match(self.text, pos)
            if m and not name_at(self.text, pos) and not re.match(rf"[ \t]+{CAP}", self.text[m.end() :]):
                return " ".join(m.group(0).split()), m.end()  # not "Thành ủy Nguyễn Văn A"
            return "", pos
        if level in _DISTRICT_LEVELS:
            n = _NUMBERED.match(self.text, pos)
            if n:
                return n.group(0), n.end()
            m = _CAP_RUN.match(self.text, pos)
            if m:
                # "huyện Lắk Nguyễn Văn A": a second syllable that opens a name is not the place's
                if m.group(2) and m.group(2) in surnames() and re.match(rf"[ \t]+{CAP}", self.text[m.end() :]):
                    if self._third_syllable(m.end()) == m.end():  # "phường Nam Từ Liêm": a one-syllable
                        return m.group(1), m.start() + len(m.group(1))  # place and a two-syllable name: unlikely
                end = self._third_syllable(m.end()) if m.group(2) else m.end()
                return " ".join(self.text[pos:end].split()), end
        return "", pos

    def _third_syllable(self, end: int) -> int:
        """"phường Hai Bà Trưng.": a district's third capitalised syllable belongs to its name
        when the run ends with it (no name follows: "phường Hai Bà Trưng Chu Văn A" is split by
        the name grammar) and it is no word the gazetteer knows."""
        m = _THIRD.match(self.text, end)
        if not m or self.gaz.at(m.start(1), "TITLE", "HONORIFIC", "PLACE", "LEVEL", *_CORES):
            return end
        return m.end()

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
        cands = [m for m in (gaz.at(pos, lab) for lab in _CORES) if m and (_capitalised(text, m) or self._titled(m))]
        if not cands:
            return None
        m = max(cands, key=lambda c: (c.end - c.start, c.label != "SUB"))
        if m.label == "CENTRAL":
            branch = self._branch(m)
            if branch is not None:
                return branch
            # "Ủy ban Pháp luật của Quốc hội": the owner written after is part of the name
            of = _OF_CENTRAL.match(text, m.end)
            owner = gaz.at(of.end(), "CENTRAL") if of else None
            end = owner.end if owner is not None and text[owner.start].isupper() else m.end
            return BodyMention(m.start, end, text[m.start : end], m.ident, central=True)
        if m.label == "ORG_WORD":
            sector = gaz.at(gaz.skip(m.end), "SECTOR")
            if not sector:
                return None
            kind = f"{m.ident} {sector.ident}"
            if m.ident == "Bộ":
                return BodyMention(m.start, sector.end, text[m.start : sector.end], kind, central=True)
            if re.match(r"\s+các\b", text[sector.end :]) or _MANY.match(text, sector.end):  # "Sở Y tế các tỉnh"
                return BodyMention(m.start, sector.end, text[m.start : sector.end], kind, generic=True)
            level, place, end = self.level_place(sector.end, allow_bare_place=True)
            return BodyMention(m.start, max(end, sector.end), text[m.start : max(end, sector.end)], kind, level, place)
        if m.label == "LOCAL":
            end = m.end
            abbr = _ABBR.match(text, end)
            if abbr:
                end = abbr.end()
            if re.match(r"\s+các\b", text[end:]) or _MANY.match(text, end):
                return BodyMention(m.start, end, text[m.start : end], m.ident, generic=True)
            level, place, end2 = self.level_place(end, allow_bare_place=True)
            if level and not place and _ALT_LEVEL.match(text, end2):  # "UBND tỉnh (thành phố)": any one
                return BodyMention(m.start, end2, text[m.start : end2], m.ident, generic=True)
            if not level and depth == 0:  # "HĐND-UBND quận Hoàn Kiếm": the qualifier is both's
                level, place = self._shared_qualifier(end)
            term = _TERM.match(text, end) if not place else None
            if term:  # "Đoàn đại biểu Quốc hội khóa XV của tỉnh Ninh Thuận": the term before the place
                level2, place2, end3 = self.level_place(term.end(), allow_bare_place=False)
                if level2:  # ("... khóa XIII của tỉnh": the level alone, the place is the article's)
                    level, place, end2 = level2, place2, end3
            end = max(end, end2)
            if m.ident in load("bodies")["local_needs_level"] and not level:
                return None  # "Đảng bộ Quân đội": no level word, no place's Party organisation
            return BodyMention(m.start, end, text[m.start : end], m.ident, level, place)
        if m.label in ("PARTY", "PARTY_BCH"):
            spec = self.committees[m.ident]
            level = spec["level"]
            if m.label == "PARTY_BCH":
                # "Ban Chấp hành Đảng bộ TP Hà Nội": the pattern holds the level word already (for
                # "Đảng ủy", which has none of its own: "Ban Chấp hành Đảng bộ xã X" is Đảng ủy xã X)
                level = level or next((lv.ident for lv in gaz.starts("LEVEL") if lv.end == m.end), "")
                _, place, end = self.level_place(m.end, allow_bare_place=True, default_level=level)
            elif gaz.at(gaz.skip(m.end), "LEVEL"):  # "Đảng ủy xã Tân Lập"
                level, place, end = self.level_place(m.end, allow_bare_place=False)
            elif not level and (bloc := _party_bloc().match(text, gaz.skip(m.end))):
                # "Đảng ủy Khối các cơ quan tỉnh X": a bloc's committee, of the place after it
                kind = " ".join(f"{m.ident} {bloc.group(0)}".split())
                level, place, end = self.level_place(bloc.end(), allow_bare_place=False)
                end = max(end, bloc.end())
                return BodyMention(m.start, end, text[m.start : end], kind, level, place)
            elif not level and depth < 2 and (owner := self.parse(gaz.skip(m.end), depth + 1)) and (
                owner.central or (owner.level and not owner.generic and owner.parent is None)
            ):
                # "Đảng ủy Chính phủ", "Đảng ủy Bộ Công an", "Đảng ủy UBND tỉnh X": the Party committee of a body
                return BodyMention(m.start, owner.end, text[m.start : owner.end], m.ident, central=owner.central, parent=owner)
            else:
                place, end = self.place_after(gaz.skip(m.end), level)
                if not place:
                    end = m.end
            kind = m.ident
            end = max(end, m.end)
            return BodyMention(m.start, end, text[m.start : end], kind, level, place)
        if m.label == "ADHOC":
            return self.ad_hoc(m)
        if m.label == "SUB" and depth < 2:
            q = gaz.skip(m.end)
            cua = gaz.word_at(q, "của")
            if cua:
                q = gaz.skip(cua)
            parent = self.parse(q, depth + 1)
            if parent is None or parent.generic:
                return None
            joint = self._joint(m, parent, depth)
            if joint is not None:
                return joint
            return BodyMention(
                m.start, parent.end, text[m.start : parent.end], m.ident, parent.level, parent.place,
                central=parent.central, parent=parent,
            )
        return None

    def _branch(self, m: Match) -> BodyMention | None:
        """"Ngân hàng Nhà nước chi nhánh tỉnh X", "Kiểm toán Nhà nước khu vực II": a national
        body's branch of a place or a numbered region is a body of its own, never the national one."""
        text = self.text
        branch = _BRANCH.match(text, m.end)
        end = branch.end() if branch else m.end
        region = _REGION.match(text, end)
        if region:
            end = region.end()
            surface = text[m.start : end]
            return BodyMention(m.start, end, surface, " ".join(surface.split()), central=True)
        if branch is None:
            return None
        level, place, end = self.level_place(end, allow_bare_place=False)
        if not level:
            return None
        return BodyMention(m.start, end, text[m.start : end], f"{m.ident} chi nhánh", level, place)

    def _shared_qualifier(self, end: int) -> tuple[str, str]:
        """The level and place of a people's body written right after a bare one ("HĐND-UBND
        quận X", "HĐND và UBND huyện Y"), or nothing."""
        sep = _SHARED.match(self.text, end)
        if sep is None or not self.gaz.at(sep.end(), "LOCAL"):
            return "", ""
        second = self.parse(sep.end(), 1)
        if second is None or second.generic or not second.level:
            return "", ""
        return second.level, second.place

    def _titled(self, m: Match) -> bool:
        """"Phó trưởng ban Tổ chức Thành ủy": an organ written lower-case right after its title."""
        return m.label == "SUB" and m.start in self.after_titles

    def _joint(self, m: Match, parent: BodyMention, depth: int) -> BodyMention | None:
        """"Văn phòng Đoàn ĐBQH và HĐND thành phố", "Văn phòng HĐND và UBND huyện X": one organ
        serving two bodies of one place (the place written after the second), a body of its own."""
        sep = _AND_BODY.match(self.text, parent.end)
        if parent.place or not self.gaz.at(parent.start, "LOCAL") or sep is None or not self.gaz.at(sep.end(), "LOCAL"):
            return None  # people's bodies only (HĐND, UBND, Đoàn ĐBQH)
        second = self.parse(sep.end(), depth + 1)
        if second is None or second.generic:
            return None
        kind = f"{m.ident} {parent.kind} và {second.kind}"
        return BodyMention(m.start, second.end, self.text[m.start : second.end], kind, second.level, second.place)

    def ad_hoc(self, m: Match) -> BodyMention | None:
        """An ad hoc body named as written from its head word (see the module docstring)."""
        text, gaz = self.text, self.gaz
        end, words, prev_digit, prev_lower = m.end, 0, False, False
        designated = closed = generic = False  # a number names it; nothing but a place may follow
        while words <= self.ad_hoc_words:
            q = gaz.skip(end)
            if q >= len(text):
                break
            if _ad_hoc_generic().match(text, q):
                generic = True
                break
            if text[q] == ",":  # "phòng, chống dịch": two verbs sharing the name's object
                nxt = gaz.skip(q + 1)
                if not ((prev_lower or words <= 2) and words < self.ad_hoc_words // 2 and nxt < len(text) and text[nxt].islower()):
                    break
                if _ad_hoc_stop().match(text, nxt) or _NOT_AFTER_COMMA.match(text, nxt) or gaz.at(nxt, "HONORIFIC"):
                    break
                q = nxt
            elif prev_digit and not designated and _RANGE.match(text, q):  # "giai đoạn 2021 - 2025"
                q = _RANGE.match(text, q).end()
            elif _PAIRED.match(text, q):  # "Hội đồng Thi đua - Khen thưởng"
                q = _PAIRED.match(text, q).end()
            if gaz.at(q, "PLACE", "LEVEL"):
                _, place, place_end = self.level_place(q, allow_bare_place=True)
                lv = gaz.at(q, "LEVEL")
                end, words = (place_end if place else (lv.end if lv else end)), words + 1
                generic = not place and _ALT_LEVEL.match(text, end) is not None  # "tỉnh (thành phố)"
                break
            if closed:
                break
            if designated:  # "Tổ công tác số 9 chúc mừng ...", "Ban Chỉ đạo 389 quốc gia chịu ..."
                qual = _after_number().match(text, q)
                if qual is None:
                    break
                end, words, closed = qual.end(), words + 1, True
                continue
            if (_ad_hoc_stop().match(text, q) and not _ad_hoc_name_word().match(text, q)) or (
                text[q].isupper() and (gaz.at(q, "TITLE", *_CORES) or name_at(text, q))
            ):
                break
            w = _NAME_WORD.match(text, q)
            if not w or _PROPER_RUN.match(text, q):
                break  # a run of capitalised syllables is a person's name ("Y Thanh Hà Niê Kđăm")
            end, words, prev_digit, prev_lower = w.end(), words + 1, w.group(0).isdigit(), w.group(0).islower()
            # "Ban Chỉ đạo 389", "Tổ công tác số 9": a number right after the head word is its name
            designated = prev_digit and (words == 1 or (words == 2 and key(text[m.end : w.start()]) == "số"))
        if words > self.ad_hoc_words:
            return None
        if words == 0:  # "Đoàn công tác của Bộ Y tế": named by the body it belongs to
            cua = gaz.word_at(gaz.skip(end), "của")
            owner = self.parse(gaz.skip(cua)) if cua else None
            if owner is not None and not owner.generic:
                end, words = owner.end, 1
                self.owners.append(owner)  # the owner is a body of its own too
        if words == 0:
            named = self.last_ad_hoc.get(m.ident) or self._named_later(m)
            if named is None:
                return None
            return BodyMention(m.start, m.end, text[m.start : m.end], named.kind, central=True)
        surface = " ".join(text[m.start : end].split())
        if _cut_spelling(surface):
            return None  # "HỘI ĐỒNG NHÂN" (the line broke inside "Hội đồng nhân dân"): no name of its own
        if generic or _ad_hoc_generic().match(text, gaz.skip(end)) or _PLURAL.search(text[max(0, m.start - 8) : m.start]):
            return BodyMention(m.start, end, surface, surface, generic=True)
        body = BodyMention(m.start, end, surface, surface, central=True)
        self.last_ad_hoc[m.ident] = body
        return body

    def _named_later(self, m: Match) -> BodyMention | None:
        """"Tổ trưởng Tổ công tác tại Phiên họp thứ ba của Tổ Công tác cải cách TTHC": a head word
        alone, none of its head named before, is the one its sentence names in full later on
        (not one the sentence sets up: "đề nghị thành lập Ban Chỉ đạo X")."""
        sent = sentence_at(sentence_spans(self.doc), m.start)
        if sent is None:
            return None
        for n in self.gaz.starts("ADHOC"):
            if n.ident != m.ident or n.start < m.end:
                continue
            if n.start >= sent[1]:
                return None
            if _established().search(self.text, max(sent[0], n.start - 40), n.start):
                continue  # "... đề nghị thành lập Ban Chỉ đạo X": a new body, not the one headed
            last, owners = dict(self.last_ad_hoc), self.owners
            self.owners = []
            body = self.ad_hoc(n)  # read ahead: the scan reads it again, in its turn
            self.last_ad_hoc, self.owners = last, owners
            if body is not None and not body.generic:
                return body
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
        pos = unmentioned = 0  # where the last body that is no mention ended
        titles = self._inside_titles()
        self.after_titles = {self.gaz.skip(e) for _, e in titles}
        for m in self.gaz.starts(*_CORES):
            if m.start < pos or any(s < m.start < e for s, e in titles) or any(s <= m.start < e for s, e in numbers):
                continue
            self.owners = []
            body = self.parse(m.start)
            if body is None or self._is_title(body) or self._role(body):
                continue  # (the body a role is of is read next: "Cơ quan Thường trực của Ban Chỉ đạo X")
            if self._no_mention(body, unmentioned):
                pos = unmentioned = body.end
                continue
            more = self._same_organ_of(body)
            out += [body, *self.owners, *more]
            pos = max([body.end, *(b.end for b in more)])
        return out

    def _same_organ_of(self, body: BodyMention) -> list[BodyMention]:
        """"UBND thành phố Hải Phòng (cũ) và tỉnh Hải Dương": the same organ of the places
        written after it with their level word; "Bộ Quốc phòng, Công an, Ngoại giao", "Sở Tài
        chính, Xây dựng": ministries or departments of the sectors listed after the first."""
        out: list[BodyMention] = []
        org = body.kind.split()[0]
        if not body.generic and body.parent is None and org in ("Bộ", "Sở") and self.gaz.at(body.start, "ORG_WORD"):
            end = body.end
            while (sep := _SECTORS_SEP.match(self.text, end)) and (sector := self.gaz.at(sep.end(), "SECTOR")):
                if not self.text[sector.start].isupper() or (
                    self.gaz.at(sector.start, "LOCAL") and (org == "Sở" or self.gaz.at(self.gaz.skip(sector.end), "LEVEL"))
                ):
                    break  # "Sở Y tế, Công an tỉnh": the police, no "Sở Công an"
                end = sector.end
                out.append(replace(body, start=sector.start, end=end, surface=self.text[sector.start : end],
                                   kind=f"{org} {sector.ident}", implied=True))
            return out
        if body.generic or body.central or body.parent is not None or not body.place:
            return out
        end = body.end
        while (sep := _ALSO.match(self.text, end)) and self.gaz.at(sep.end(), "LEVEL"):
            level, place, end = self.level_place(sep.end(), allow_bare_place=False)
            if not place or (level in _DISTRICT_LEVELS) != (body.level in _DISTRICT_LEVELS):
                break
            out.append(BodyMention(sep.end(), end, self.text[sep.end() : end], body.kind, level, place, implied=True))
        return out

    def _no_mention(self, body: BodyMention, unmentioned: int) -> bool:
        """A body named as a venue or inside a law's name ("tại trụ sở UBND quận", "Luật Tổ
        chức Chính phủ"), or joined to one that is ("HĐND-UBND")."""
        if _not_mentioned_after().search(self.text, max(0, body.start - _LOOK_BACK), body.start):
            return True
        return unmentioned > 0 and _JOINED.fullmatch(self.text, unmentioned, body.start) is not None

    def _role(self, body: BodyMention) -> bool:
        """An organ's word naming a role another body plays ("Cơ quan Thường trực của Ban Chỉ đạo"),
        or the standing members of an ad hoc body ("Thường trực Ban Điều hành đặt tại Sở X")."""
        if body.parent is None or self.gaz.at(body.start, "SUB") is None:
            return False
        if body.kind not in load("bodies")["ad_hoc"]["standing"]:
            return False  # ("các cơ quan Văn phòng UBND tỉnh, Sở Nội vụ": an organ)
        if is_ad_hoc(body.parent) and not _standing_council().match(body.parent.kind):
            return True
        return _role_before().search(self.text, max(0, body.start - _LOOK_BACK), body.start) is not None

    def _is_title(self, body: BodyMention) -> bool:
        """"Chủ tịch nước", "Thường trực Ban Bí thư": the words of a title are not a body, unless
        the title names its body in full ("Thủ tướng Chính phủ" is also the office that issues).
        Nor is the start of a longer title ("Tỉnh ủy viên" holds no body "Tỉnh ủy" of its own)."""
        t = self.gaz.at(body.start, "TITLE")
        if t is None or t.end < body.end:
            return False
        if t.end > body.end:
            return True
        return body.parent is not None or not self.titles[t.ident].get("absorbs_body")


def is_ad_hoc(b: BodyMention) -> bool:
    """Whether ``b`` is an ad hoc body (named from one of the ``ad_hoc`` head words)."""
    return _ad_hoc_head().match(b.kind) is not None


@vocabulary_cache
def _ad_hoc_head() -> re.Pattern[str]:
    return _phrases("heads")


def _words(name: str) -> list[str]:
    return key(name).replace(",", " ").split()


def _within(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is ``long`` with words left out (in order)."""
    it = iter(long)
    return all(w in it for w in short)


def merge_ad_hoc(bodies: list[BodyMention]) -> None:
    """One article's names of one ad hoc body: "Ban Chỉ đạo Quốc gia" and, later, "Ban Chỉ đạo
    Quốc gia phòng, chống dịch Covid-19" (or the reverse) are one body, named by the longest
    name whose words hold the others'."""
    cores = [b.parent if b.parent is not None else b for b in bodies]
    ad_hoc = [b for b in cores if not b.generic and is_ad_hoc(b)]
    for b in ad_hoc:
        fuller = [a for a in ad_hoc if a is not b and len(_words(a.kind)) > len(_words(b.kind)) and _within(_words(b.kind), _words(a.kind))]
        if fuller:
            b.kind = max(fuller, key=lambda a: len(_words(a.kind))).kind


def name_district_bodies(bodies: list[BodyMention], sentences: list[tuple[int, int]]) -> None:
    """"Ban Thường vụ Huyện ủy và ... Huyện ủy Đồng Hỷ": a district-level body written without
    its name is the district named at its level in the same sentence ("tại Đảng bộ quận Hoàn
    Kiếm, ... Ban Thường vụ Quận ủy"), else the last one of its kind named before it."""
    def core(b: BodyMention) -> BodyMention:
        return core(b.parent) if b.parent is not None else b

    named = [core(b) for b in bodies if core(b).place and core(b).level in _DISTRICT_LEVELS]
    for b in map(core, bodies):
        if b.place or b.generic or b.level not in _DISTRICT_LEVELS:
            continue
        sent = sentence_at(sentences, b.start)
        here = [n for n in named if n.level == b.level and sent and sent[0] <= n.start < sent[1]]
        here.sort(key=lambda n: (n.kind != b.kind, abs(n.start - b.start)))
        near = here or [n for n in named if n.kind == b.kind and n.level == b.level and n.start < b.start][-1:]
        if near:
            b.place = near[0].place


@Language.factory("vn_bodies", default_config={"ad_hoc_words": _AD_HOC_LIMIT})
def make_bodies(nlp: Language, name: str, ad_hoc_words: int):  # noqa: ANN201 (a pipe)
    """The ``vn_bodies`` pipe; an ad hoc body's name is at most ``ad_hoc_words`` words."""

    def vn_bodies(doc: Doc) -> Doc:
        return find_bodies(doc, ad_hoc_words)

    return vn_bodies


def find_bodies(doc: Doc, ad_hoc_words: int = _AD_HOC_LIMIT) -> Doc:
    spans = []
    numbers = [(s.start_char, s.end_char) for s in doc.spans.get("documents", [])]
    found = BodyParser(doc, ad_hoc_words).scan(numbers)
    name_district_bodies(found, sentence_spans(doc))
    merge_ad_hoc(found)
    for b in found:
        span = doc.char_span(b.start, b.end, label="BODY", alignment_mode="expand")
        if span is not None:
            span._.body_mention = b
            spans.append(span)
    doc.spans["bodies"] = spans
    return doc
