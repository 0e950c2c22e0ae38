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
from bisect import bisect_left
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import CAP, LOWER, UPPER, load, places, surnames, vocabulary_cache
from ..mentions import BodyMention, PersonMention, TitleMention
from ..normalize import collapse, key
from ..spans import Covered
from ..triggers import alternation, pattern, scanner, words
from .bodies import BodyParser
from .gaz import GazIndex, doc_text, mentions_of, name_at
from .sentences import sentence_at, sentence_spans

if not Span.has_extension("person_mention"):
    Span.set_extension("person_mention", default=None)
for _ext in ("title_mentions", "persons"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

#: a title's head word written again in lower case before its organ ("Trưởng ban Ban Chỉ đạo")
_DOUBLED_HEAD = re.compile(r"(ban|đoàn|tổ)[ \t]+(?=[BĐT])")
_PAREN = re.compile(r"\s*\([^()\n]{1,60}\)")
#: ", ", " - ", and a dash written against the name ("ông Lê Văn A- Phó Chủ tịch UBND tỉnh")
_APPOS_SEP = re.compile(r"\s*(?:,|\s[-–—]|[-–—](?=[ \t]))\s*")
_CHAIN_SEP = re.compile(r"\s*(?:,|\bkiêm\b|(?<=\s)[-–](?=\s))\s*")
#: a short aside in lower case after a body ("xã Tân Lập (mới)", "quận Hai Bà Trưng (cũ)")
_LOWER_ASIDE = re.compile(r"[ \t]*\([^()\n]{1,20}\)")
_OPEN_PAREN = re.compile(r"[ \t]*\([ \t]*")
_CLOSE_PAREN = re.compile(r"[ \t]*\)?")
_AND = re.compile(r"\s*(?:và|,)\s+", re.I)
_LIST_SEP = re.compile(r"\s*(?:[;,]\s*(?:và\s+)?|và\s+)", re.I)
#: "chức vụ <title> ... đối với ông X", "bổ nhiệm <title> ... đối với ông X", "giao quyền <title> cho ông X"
_POST_WORD = scanner(r"(?:chức vụ|chức danh|bổ nhiệm|giao)\s+", ["chức vụ", "chức danh", "bổ nhiệm", "giao"])
_TOWARDS = re.compile(r"đối với\s+(?:(?:ông|bà|đồng chí)\s+)?|\bcho\s+(?:ông|bà|đồng chí)\s+", re.I)
_AGE = re.compile(r"\s*,\s*\d{2}\s*tuổi")
#: the asides of a career note between a name and its titles: ", sinh năm 1975", ", quê Nghệ An"
_BIRTH = re.compile(r"\s*,\s*(?:sinh năm|SN)\s*\d{4}(?=\s*,)", re.I)
_HOMETOWN = re.compile(rf"\s*,\s*quê(?:[ \t]+quán)?[ \t]+(?:ở[ \t]+)?(?:(?:xã|huyện|tỉnh|thành phố|TP)[ \t]+)?{CAP}(?:[ \t]+{CAP}){{0,3}}(?=\s*,)")
_CITIZEN = re.compile(r"\s*[,(]\s*(?:\d+\s*tuổi|SN\s*\d|trú|ngụ|sinh sống|người dân|quê)", re.I)
#: a name in a list or an apposition where the list itself licenses it: two to four
#: capitalised syllables even when the family name is not in surnames.yaml ("Ma Thế Hồng")
_LOOSE_NAME = re.compile(rf"{CAP}(?:[ \t]+{CAP}){{1,3}}(?![ \t]*[{UPPER}])")
_DISTRICT_LEVELS = {"quận", "huyện", "thị xã", "xã", "phường", "thị trấn"}
_UPPER_LEVELS = {"tỉnh", "thành phố"}
_SYLLABLE_AT = re.compile(r"[^\W\d_]+")
_NEXT_CAP = re.compile(rf"[ \t]*({CAP})(?![^\W\d_])")
_MID_SENTENCE = re.compile(r"[^\W\d_][ \t]+$")
#: what stands before a title written after a name: ", ", " - ", "("
_APPOSITION_LEAD = re.compile(r"(?:,|[ \t][-–]|(?<=\w)[-–](?=[ \t])|\()[ \t]*$")
#: where an organ named as written may end: punctuation, a line's end, its term ("khóa X")
_ORGAN_END = re.compile(r"[ \t]*(?:[;.()\n]|$|(?:khóa|khoá|nhiệm kỳ)(?!\w))", re.I)
#: a number ending an organ's name whose words are all capitalised ("Quân khu 9", "Sư đoàn 5")
_ORGAN_NUMBER = re.compile(r"[ \t]+\d{1,3}(?![\w/.-])")
#: a region after an organ's name ends it: the agencies of 2025 serve regions, numbered or named
#: ("Bảo hiểm xã hội khu vực XII", "Kho bạc Nhà nước khu vực 3", "Trung tâm Y tế khu vực Nam Đàn")
_ORGAN_REGION = re.compile(
    rf"[ \t]+khu vực[ \t]+(?:[IVXLC]{{1,6}}|\d{{1,2}}|{CAP}(?:[ \t]+{CAP}){{0,2}}(?![ \t]*[{UPPER}]))(?![\w/.-])"
)
#: a subordinate clause with a subject of its own between a person and an appointment verb
_OWN_CLAUSE = re.compile(r"(?<!\w)(?:khi|nếu)(?!\w)", re.I)
#: words that put a place after an organ's name instead of in it
_PREPOSITION = re.compile(r"(?<!\w)(?:ở|tại|trên|về|với|cho|đến|từ)(?!\w)")
#: lower-case words an organ's name may hold ("Tòa án nhân dân", "Kho bạc Nhà nước", "và")
_ORGAN_LOWER = frozenset({"và", "của", "nhân", "dân", "nhà", "nước", "tỉnh", "thành", "phố", "trung", "ương", "quận", "huyện",
                          "thị", "xã", "phường", "trấn"})
_WORD = re.compile(r"[^\W\d_]+")
#: lower-case syllables a bounded organ's name may hold after a capitalised one ("Quản lý thị trường",
#: "Trung tâm Phục vụ hành chính công tỉnh X")
_LOOSE_LOWER_RUN = 4
#: "ông Thắng": a honorific and one capitalised syllable, the last of a known name
_SHORT_REFERENCE = re.compile(rf"({CAP})(?![ \t]*[{UPPER}])(?!\w)")
#: "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A": a comma between a title chain and a honorific
_TO_HONORIFIC = re.compile(r"[ \t]*,[ \t]*(?=(?:ông|bà|đồng chí)[ \t])", re.I)
#: ", Nguyễn Văn A cho biết": a comma, then a bare name and a lower-case word (a verb, not more titles)
_TO_BARE_NAME = re.compile(rf"[ \t]*,[ \t]*(?={CAP}(?:[ \t]+{CAP}){{1,3}}[ \t]+[{LOWER}])")
#: what may stand before a chain that opens a sentence: quotes, a time ("Sáng 5/3,")
_SENTENCE_LEAD = re.compile(r"[\s\"“'(]*(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Hôm qua)[ \t]+[\d/.-]+[ \t]*,[ \t]*)?")
#: "(" opening the national body an organ belongs to: "Cục Cảnh sát giao thông (Bộ Công an)"
_TO_PAREN = re.compile(r"[ \t]*\([ \t]*")
_DASH = re.compile(r"[ \t]*[–—-][ \t]*")
_SEMICOLON = re.compile(r"[ \t]*;[ \t]*")
#: a committee's term written after a title's body: "khóa XIX", "(,) nhiệm kỳ 2020 - 2025"
_TERM = re.compile(r"(?:[ \t]*,?[ \t]*(?:(?:khóa|khoá)[ \t]+[IVXLCDM]+|nhiệm kỳ[ \t]+\d{4}[ \t]*[-–][ \t]*\d{4})(?!\w)){1,2}", re.I)
#: between two persons who share a verb: "và", a comma, a honorific; past the first's titles (")")
_COORDINATED = re.compile(r"[ \t]*\)?[ \t]*(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)(?:(?:ông|bà|đồng chí)[ \t]+)?", re.I)
#: the rest of a list item up to the next one: a short run of capitalised words (a name) and ";"
_NEXT_ITEM = re.compile(rf"[ \t]+{CAP}(?:[ \t]+{CAP}){{1,5}}[ \t]*;[ \t]*")
#: a committee's term after the last title of a list item, before the next item ("Trưởng Đoàn
#: đại biểu Quốc hội khóa XV của tỉnh; B, ...", "Chủ tịch HĐND tỉnh nhiệm kỳ 2021 - 2026; B")
#: "Đoàn đại biểu Quốc hội khóa XIII của tỉnh": the level an organ belongs to, written after its term
_OF_LEVEL = re.compile(rf"(?:{_TERM.pattern})?[ \t]+của[ \t]+(tỉnh|thành phố)(?!\w)(?![ \t]+(?-i:[{UPPER}]))", re.I)
_TERM_TAIL = re.compile(_TERM.pattern + r"(?:[ \t]+của[ \t]+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)(?!\w))?(?=[ \t]*;)", re.I)
_COUNT = r"(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
#: what may stand before a title written in lower case: a plural that a list follows ("các phó
#: bí thư gồm", "hai phó chủ tịch:"), or the word for a post ("chức danh bí thư Tỉnh ủy")
_LOWER_TITLE_LEAD = re.compile(rf"(?:\bcác|\b{_COUNT}|\bchức danh|\bchức vụ|\bchức)\s+$", re.I)
#: "bầu 5 Phó Chủ tịch", "bầu bổ sung các Phó Chủ tịch": an election naming its post
_ELECTION = re.compile(rf"(?<!\w)bầu(?:[ \t]+(?:ra|bổ sung|thêm))?[ \t]+(?:(?:các|{_COUNT})[ \t]+)?", re.I)
#: "miễn nhiệm năm Phó Chủ tịch UBND TP": a counted post whose holders the next sentence names
_DISMISSED = re.compile(rf"(?<!\w)(?:miễn nhiệm|bãi nhiệm|cho thôi giữ chức|thôi giữ chức)[ \t]+(?P<n>{_COUNT})[ \t]+", re.I)
_COUNTS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
#: the next sentence elects the persons it names ("Kết quả, ông A ...", "... trúng cử")
_ELECTED = re.compile(r"\s*Kết quả\b|.*?\b(?:trúng cử|đắc cử)\b", re.I | re.S)
#: "Bộ Y tế hiện có Bộ trưởng A và 6 Thứ trưởng: ...", "Công an tỉnh Đồng Nai ngoài Giám đốc A có
#: tất cả 7 Phó Giám đốc gồm ...": a body, then the verb of a clause listing its staff
_STAFF_VERB = re.compile(r"(?<!\w)(?:(?:hiện nay|hiện|vẫn)[ \t]+)?(?:có|ngoài|gồm có|gồm)(?!\w)", re.I)
#: the lower-case words such a list holds besides its titles and names
_STAFF_WORDS = frozenset(
    "và có ngoài gồm các ông bà đồng chí tất cả thêm hai ba bốn năm sáu bảy tám chín mười".split()
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
#: where a name may start with no honorific: after a list separator or at a line's start
_NAME_BOUNDARY = re.compile(r"(?:^|[;:(\n]|[,;]\s*và|\bvà|\bgồm|\blà)\s*$")
#: ... or, when titles of the name's own follow it, after a word that opens a noun phrase ("Cùng dự
#: có A, Phó Chủ tịch ...", "Theo A, Giám đốc ...") or a date's comma ("Sáng 5/3, A, Phó Chủ tịch ...")
_PHRASE_OPENER = re.compile(r"(?:(?<!\w)(?:có|theo|của|với)|\d[ \t]*,)[ \t]*$", re.I)
_SYLLABLE = re.compile(r"[ \t,]*(?:[-–&][ \t]*)?([^\W\d_]+)")
#: a line of a career timeline, up to its titles: "- Từ tháng 3/2015 đến tháng 9/2020: ", "+ 2015 - 2020: ",
#: "- Tháng 10/2020 đến nay: " (the dates are read again by the tenure pass: ingest/components/tenure.py)
_DATE_WORD = r"(?:(?:ngày|tháng|năm)[ \t]+)?\d{1,4}(?:[/.]\d{1,4}){0,2}"
_CAREER_LINE = re.compile(
    rf"^[ \t]*[-–+•*]?[ \t]*(?:từ[ \t]+)?{_DATE_WORD}(?:[ \t]*(?:[-–]|đến)[ \t]*(?:{_DATE_WORD}|nay))?[ \t]*:[ \t]*",
    re.I | re.M,
)
_CAREER_HEADING = re.compile(r"(?<!\w)(?:tiểu sử|quá trình công tác|sơ lược)(?!\w)", re.I)
#: between two degrees: "Thạc sĩ, bác sĩ"
_QUALIFIER_COMMA = re.compile(r"[ \t]*,[ \t]*")
#: "A và B lần lượt được bầu giữ chức X và Y": each takes one post, in order
_RESPECTIVELY = re.compile(r"(?<!\w)lần lượt(?!\w)", re.I)
#: "Chủ tịch và Phó Chủ tịch HĐND tỉnh": a title joined to the next by "và"
_AND_TITLE = re.compile(r"[ \t]+và[ \t]+")
#: "Sở" alone, the sentence going on after it
_BARE_SO = re.compile(rf"Sở(?=[ \t]*(?:[,.;:)\n]|[{LOWER}]|$))")
#: an abbreviation that opens an organ's name ("UBTƯ", "MTTQ")
_ABBREVIATION = re.compile(rf"[{UPPER}]{{2,}}(?![^\W\d_])")


@vocabulary_cache
@vocabulary_cache
def _highland_name() -> re.Pattern[str]:
    """"Y Thanh Hà Niê Kđăm", "H'Hen Niê": an opener of surnames.yaml, then two to four
    capitalised syllables and no more (the opener "H'" is written against the next one)."""
    openers = "|".join(re.escape(w) + (r"[ \t]*" if w[-1] in "'’" else r"[ \t]+") for w in load("surnames")["given_name_openers"])
    return re.compile(rf"(?:{openers})({CAP}(?:[ \t]+{CAP}){{1,3}})(?![ \t]*[{UPPER}])(?!\w)")


def highland_name_at(text: str, pos: int) -> tuple[int, int, str] | None:
    """A Central Highlands name starting at ``pos`` whose syllables after the opener are no place."""
    m = _highland_name().match(text, pos)
    if not m:
        return None
    words = m.group(1).split()
    if any(key(" ".join(words[i:j])) in places() for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
        return None
    return (m.start(), m.end(), collapse(m.group(0)))


def _list_intro() -> re.Pattern[str]:
    """What joins a title or a frame to the names it applies to: ":", "gồm", "là", "gồm các ông:",
    "gồm các ông, bà:"."""
    honor = r"(?:(?:các\s+)?(?:ông|bà|đồng chí|đ/c)(?:\s*,\s*bà)?\s*)?"
    return re.compile(rf"\s*(?::\s*{honor}|(?<!\w){alternation('list_intro')}(?:\s*,\s*bà)?\s*:?\s*{honor}:?\s*)", re.I)


@vocabulary_cache
def _list_word() -> re.Pattern[str]:
    """A word that opens a list (``list_intro``: "gồm", "là")."""
    return re.compile(rf"(?:{alternation('list_intro')})(?!\w)", re.I)


@vocabulary_cache
def _title_suffix() -> re.Pattern[str]:
    """A lower-case word that ends a title (titles.yaml ``suffixes``: "điều hành", "phụ trách")."""
    words = "|".join(re.escape(w) for w in load("titles")["suffixes"])
    return re.compile(rf"(?:{words})(?!\w)")


@vocabulary_cache
def _appointment_phrases() -> tuple[frozenset[str], int]:
    """The appointment phrases (lower case) and the longest one's length in words."""
    phrases = frozenset(w.lower() for w in words("appointment"))
    return phrases, max(len(p.split()) for p in phrases)


@vocabulary_cache
def _post_words() -> tuple[frozenset[str], int]:
    """The words for a post (titles.yaml ``post_words``: "chức vụ", "các chức vụ như") and the
    longest one's length in words."""
    phrases = frozenset(" ".join(w.lower().split()) for w in load("titles")["post_words"])
    return phrases, max(len(p.split()) for p in phrases)


@vocabulary_cache
def _title_lead_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that may stand between a verb and its title: prefixes ("tân", "nguyên") and the
    words for a post ("chức danh", "các chức vụ"); and the last words of those (most titles
    have none of them before, and are done with one look)."""
    leads = frozenset(w.lower() for ws in load("titles")["prefixes"].values() for w in ws) | _post_words()[0]
    return leads, frozenset(w.split()[-1] for w in leads)


@vocabulary_cache
def _holding_post() -> frozenset[str]:
    """Verbs that give a post only before the words for one (triggers.yaml ``holding_post``)."""
    return frozenset(w.lower() for w in words("holding_post"))


@vocabulary_cache
def _dismissal() -> re.Pattern[str]:
    return pattern("dismissal")


@vocabulary_cache
def _replacement() -> re.Pattern[str]:
    return pattern("replacement", r"", r"[ \t]+")


@vocabulary_cache
def _rank() -> re.Pattern[str]:
    return pattern("ranks", r"", r"[ \t]+")


@vocabulary_cache
def _organ_word() -> re.Pattern[str]:
    return pattern("organ_words")


@vocabulary_cache
def _organ_end() -> re.Pattern[str]:
    """A word that ends an organ read as written (triggers.yaml ``organ_end``)."""
    return pattern("organ_end")


@vocabulary_cache
def _speech() -> re.Pattern[str]:
    """A verb of speech (triggers.yaml ``speech_verbs``): it ends an organ read as written, and
    closes it firmly enough that a few lower-case words may stand in its name ("Phó Cục trưởng
    Cục Cảnh sát giao thông cho biết")."""
    return pattern("speech_verbs")


@vocabulary_cache
def _prefix_before(kind: str) -> re.Pattern[str]:
    """A title prefix of ``kind`` (titles.yaml ``prefixes``) ending where the title starts."""
    words = "|".join(re.escape(w) for w in load("titles")["prefixes"][kind])
    return re.compile(rf"(?<!\w)(?:{words})\s+$", re.I)


def _office(title: str) -> str:
    """The office a title belongs to: "Phó Chủ tịch Thường trực" and "Chủ tịch" are one office,
    "Thứ trưởng" and "Bộ trưởng" too."""
    office = re.sub(r"^(?:Phó|Quyền)\s+|\s+Thường trực$", "", title)
    return "Bộ trưởng" if office == "Thứ trưởng" else office


@vocabulary_cache
def _keys(name: str) -> frozenset[str]:
    """The phrases of a trigger list as matching keys (titles compared with ``key``)."""
    return frozenset(key(w) for w in words(name))


def _proper_organ(text: str, start: int, end: int, loose: bool = False) -> bool:
    """An organ's name that ends at punctuation must look like a name, so that a clause
    never passes for one: its words are capitalised ("Quy hoạch", "Kinh tế": a lower-case
    syllable only after a capitalised one) or name-making words ("và", "nhân dân"). Where
    something name-like bounds it (its place, ", Bộ X") a clause cannot run on, and a name may
    hold a few lower-case syllables after a capitalised one ("Cục Quản lý thị trường",
    "Vụ Tổ chức cán bộ")."""
    head = _organ_word().match(text, start)
    abbreviation = head is None
    head = head or _ABBREVIATION.match(text, start)
    rest = _SYLLABLE_AT.findall(text, head.end(), end)
    # an abbreviation, or a head of several words, is a name by itself: a level word may follow it
    # ("LĐLĐ tỉnh", "Đoàn Thanh niên xã X"), and where the organ is bounded, the lower-case words
    # of a name ("Ban Quản lý dự án tỉnh X")
    named_head = abbreviation or len(head.group(0).split()) >= 2
    if not rest or not (rest[0][0].isupper() or (named_head and (rest[0] in _ORGAN_LOWER or loose))):
        return False
    since_capital = 0 if rest[0][0].isupper() or rest[0] in _ORGAN_LOWER else 1  # lower-case syllables since the last capitalised one
    for w in rest[1:]:
        since_capital = 0 if w[0].isupper() else since_capital + 1
        if since_capital > (_LOOSE_LOWER_RUN if loose else 1) and w not in _ORGAN_LOWER:
            return False
    return True


def _spoken_organ(text: str, start: int, end: int) -> bool:
    """An organ's name closed by a verb of speech: a few lower-case syllables may follow a
    capitalised one ("Cục Quản lý thị trường cho biết"), but none follows a run of two
    capitalised ones, a proper name that the clause goes on after ("Công ty Minh Long sau khi
    kiểm tra cho biết")."""
    if not _proper_organ(text, start, end, loose=True):
        return False
    head = _organ_word().match(text, start) or _ABBREVIATION.match(text, start)
    capitals = 0
    for w in _SYLLABLE_AT.findall(text, head.end(), end):
        if w[0].isupper():
            capitals += 1
        elif capitals >= 2 and w not in _ORGAN_LOWER:
            return False
        else:
            capitals = 0
    return True


#: what follows an organ's name ending a clause's subject: a lower-case word or punctuation
_CLAUSE_GOES_ON = re.compile(rf"[ \t]*(?:[,.;:)\n]|[{LOWER}])")


def _named_after(text: str, head_end: int, start: int, hit: tuple[int, int, str]) -> bool:
    """"Giám đốc Bệnh viện Bạch Mai cho biết": two capitalised syllables right after an organ's
    head word, the sentence going on after them, name the organ (a place, a person it is named
    after), not its head: an official's name has three syllables or more, or more titles after it."""
    return (
        not _WORD.search(text, head_end, start)
        and len(hit[2].split()) == 2
        and _CLAUSE_GOES_ON.match(text, hit[1]) is not None
    )


def _organ_mention(text: str, start: int, end: int) -> BodyMention | None:
    surface = collapse(text[start:end])
    if len(surface.split()) < 2:
        return None
    return BodyMention(start, end, surface, surface[0].upper() + surface[1:], central=True)  # "phòng Văn hóa ..."


def organ_before(text: str, start: int, end: int) -> BodyMention | None:
    """An organ no gazetteer knows, written as a name that ends at ``end`` and starts after
    ``start`` ("Ủy ban Dân tộc hiện có ...", "Ban Kinh tế Ngân sách do ông A làm Trưởng ban")."""
    words = list(_WORD.finditer(text, max(start, end - 80), end))[-8:]
    for i, w in enumerate(words):
        if w.group(0)[0].isupper() and _organ_word().match(text, w.start()) and _proper_organ(text, w.start(), end):
            if any(name_at(text, v.start()) for v in words[i + 1 :]):
                return None  # "... Chủ nhiệm Ủy ban Lê Văn A có": a name ends the run
            return _organ_mention(text, w.start(), end)
    return None


class PeopleParser:
    def __init__(self, doc: Doc, short_references: bool = True) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.gaz = GazIndex(doc)
        self.specs = load("titles")["titles"]
        self.bodies = {b.start: b for b in mentions_of(doc, "bodies")}
        self.bodies_by_end = {b.end: b for b in self.bodies.values()}
        self.sentences = sentence_spans(doc)
        self._relaxed: BodyParser | None = None  # the body grammar for lower-case bodies, on demand
        self._body_starts = sorted(self.bodies)
        self._in_title: Covered | None = None  # the characters of every TITLE match, on demand
        self.titles = self._titles()
        self.title_at = {t.start: t for t in self.titles}
        self.persons: list[PersonMention] = []
        self.used_titles: set[int] = set()
        self._searched: set[str] = set()  # names known_names has looked for
        self._short_done = not short_references  # short references ("ông Thắng") are looked for once

    # -- titles ---------------------------------------------------------------------------
    def _titles(self) -> list[TitleMention]:
        out, pos = [], 0
        for m in self.gaz.starts("TITLE"):
            if m.start < pos:
                continue
            former = self._prefixed(m.start, "former")
            # "Phó Giám đốc điều hành Sở X": a lower-case word of the title after it
            suffix = _title_suffix().match(self.text, self.gaz.skip(m.end))
            end = suffix.end() if suffix else m.end
            # "các phó bí thư gồm ...", "chức danh bí thư Tỉnh ủy": a title written in lower case
            lead = _LOWER_TITLE_LEAD.search(self.text, max(0, m.start - 12), m.start)
            capital = self.text[m.start].isupper()
            if not (capital or former is not None or self._prefixed(m.start, "current") is not None or lead):
                # some outlets write every title in lower case: "ông A, phó chủ tịch UBND tỉnh",
                # "bí thư Thành ủy Nguyễn Văn B": an apposition, or a body the gazetteer knows after it
                after = self.bodies.get(self.gaz.skip(end))
                implied_then_name = self.specs[m.ident].get("body") and name_at(self.text, self.gaz.skip(end))
                if not (_APPOSITION_LEAD.search(self.text, max(0, m.start - 4), m.start) or (after and not after.generic)
                        or implied_then_name):  # "đại biểu Quốc hội Nguyễn Văn A"
                    continue
            spec = self.specs[m.ident]
            body = None if spec.get("absorbs_body") else self.body_after(self.gaz.skip(end), m.ident)
            if body is None and not spec.get("needs_body") and not spec.get("body"):  # an implied body is its own
                body = self._subject_body(m.start)
            elif body is not None and body.central and _organ_word().fullmatch(body.surface):
                # "Ủy ban Dân tộc có Bộ trưởng, Chủ nhiệm Ủy ban A": a head word alone is the
                # clause's body when that body's name opens with it
                subject = self._subject_body(m.start)
                if subject is not None and key(subject.surface).startswith(key(body.surface)):
                    body = replace(subject, start=body.start, end=body.end, surface=body.surface)
            if spec.get("organ"):  # "UVBTV Tỉnh ủy": a member of that committee's Ban Thường vụ
                body = self._named_organ(spec["organ"], m.start, end, body)
            if spec.get("needs_body") and body is None:
                continue
            if body and body.generic:
                body = None
            if body is not None and not (body.level or body.place or body.central or body.parent is not None):
                of = _OF_LEVEL.match(self.text, body.end)  # no place named: it stays generic, as "UBND tỉnh"
                body = replace(body, level=of.group(1).lower()) if of else body
            # a former post keeps its edge with the title as written ("nguyên Thứ trưởng")
            surface = " ".join(self.text[m.start if former is None else former : end].split())
            out.append(TitleMention(m.start, end, surface, m.ident, spec["role"], body, former is not None))
            pos = max(body.end, end) if body else end
        for a, b in zip(out, out[1:]):  # "Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ": one title, two words
            if a.body is None and b.body is not None and not self.specs[a.canon].get("body"):
                if re.fullmatch(r"[ \t]+[-–][ \t]+", self.text[a.end : b.start]):
                    a.body = b.body
        self._same_office(out)
        self._standing_committee(out)
        return out

    def _named_organ(self, organ: str, start: int, end: int, body: BodyMention | None) -> BodyMention:
        """The organ a title names of the body written after it, or, with none written, the organ
        alone (``_standing_committee`` then finds whose it is, as for "Ủy viên Ban Thường vụ")."""
        if body is None or body.generic:
            return BodyMention(start, end, self.text[start:end], organ, implied=True)
        return BodyMention(body.start, body.end, body.surface, organ, body.level, body.place, central=body.central, parent=body)

    def _standing_committee(self, titles: list[TitleMention]) -> None:
        """"Ủy viên Ban Thường vụ, Phó Chủ tịch HĐND tỉnh": a standing committee written without
        its Party committee is that of the level the next post in the chain names (the province's
        when the text says no more; resolution names it by the article's place)."""
        committees = load("bodies")["party_committees"]
        by_level = {spec["level"]: kind for kind, spec in committees.items() if spec["level"]}
        for i, t in enumerate(titles):
            b = t.body
            if b is None or b.parent is not None or " ".join(b.kind.split()).casefold() != "ban thường vụ":
                continue
            nxt = titles[i + 1].body if i + 1 < len(titles) else None
            if nxt is not None and nxt.parent is not None:
                nxt = nxt.parent
            if nxt is not None and nxt.kind in committees:
                parent = nxt
            elif nxt is not None and not nxt.central and (nxt.level or nxt.place):  # the place the next post names
                kind = by_level.get(nxt.level, "Đảng ủy" if nxt.level in _DISTRICT_LEVELS else "Tỉnh ủy")
                parent = BodyMention(b.end, b.end, "", kind, nxt.level, nxt.place, implied=True)
            else:
                parent = BodyMention(b.end, b.end, "", "Tỉnh ủy", implied=True)
            t.body = BodyMention(b.start, b.end, b.surface, "Ban Thường vụ", parent.level, parent.place, parent=parent)

    def _same_office(self, titles: list[TitleMention]) -> None:
        """"Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn A và Phó Chủ tịch Thường trực Lê Văn B": a title
        written without its body right after the name of one of the same office ("Phó Chủ tịch"
        after "Chủ tịch", "Thứ trưởng" after "Bộ trưởng") sits in that body; so do the deputies
        listed right after the head's post ("bí thư Tỉnh ủy, các phó bí thư gồm A, B")."""
        for i, t in enumerate(titles):
            if t.body is not None or self.specs[t.canon].get("body") or self.specs[t.canon].get("needs_body"):
                continue
            earlier = titles[i - 1] if i else None
            if earlier is None or earlier.body is None or earlier.body.implied or _office(earlier.canon) != _office(t.canon):
                continue
            name = name_at(self.text, self.gaz.skip(earlier.full_end))  # "<title> <body> <name> và <title> <name>"
            if name and re.fullmatch(r"[ \t]*(?:,|và)[ \t]+(?:các[ \t]+)?", self.text[name[1] : t.start]):
                t.body = earlier.body
            elif re.fullmatch(r"[ \t]*[,;][ \t]*các[ \t]+", self.text[earlier.full_end : t.start]):
                t.body = earlier.body  # "tái đắc cử Bí thư Tỉnh ủy, các Phó Bí thư gồm ...": the office's deputies

    def _prefixed(self, start: int, kind: str) -> int | None:
        """Where a prefix of ``kind`` ("nguyên", "tân") stands right before ``start``, if one does."""
        m = _prefix_before(kind).search(self.text, max(0, start - 12), start)
        return m.start() if m else None

    def body_after(self, pos: int, title: str = "") -> BodyMention | None:
        """The body a title names: a gazetteer body, one written in lower case after the title
        ("Trưởng ban Tuyên giáo Thành ủy"), a place standing for its committee ("Bí thư quận
        Hồng Bàng", "Chủ tịch xã Tân Lập"), or an organ no gazetteer knows, read as written from
        its head word to the name that follows ("Chủ nhiệm Ủy ban Xã hội Nguyễn Văn A")."""
        doubled = _DOUBLED_HEAD.match(self.text, pos)
        if doubled and self.text.startswith(doubled.group(1).capitalize(), doubled.end()):
            pos = doubled.end()  # "Trưởng ban Ban Chỉ đạo ...": the head word written twice
        body = self.bodies.get(pos)
        if body is not None or pos >= len(self.text):
            return body
        if self.text[pos].islower():
            body = self._lower_case_body(pos) or self._place_body(pos, title)
            if body is not None:
                return body
        elif self.gaz.at(pos, "PLACE"):
            return self._place_body(pos, title)
        return self._ministry(pos, title) or self._bare_department(pos) or self._organ(pos, key(title) in _keys("lower_organ_titles"))

    def _bare_department(self, pos: int) -> BodyMention | None:
        """"Phó Giám đốc Sở cho biết", "Giám đốc Sở Lê Văn A": "Sở" with no sector after it is
        the one department the article named before it (none or two named, none)."""
        nxt = self.gaz.skip(pos + 3)
        if not self.text.startswith("Sở", pos) or self.gaz.at(nxt, "SECTOR"):
            return None
        if not (_BARE_SO.match(self.text, pos) or name_at(self.text, nxt)):  # "Giám đốc Sở Lê Văn A"
            return None
        named = [b for b in self.bodies.values() if b.end <= pos and b.kind.startswith("Sở ") and not b.generic]
        if len({b.kind for b in named}) != 1:
            return None  # none, or two departments: which one is not written
        last = max(named, key=lambda b: b.start)
        return replace(last, start=pos, end=pos + 3, surface=self.text[pos : pos + 3])

    def _ministry(self, pos: int, title: str) -> BodyMention | None:
        """"Bộ trưởng Nội vụ X": a minister's title may drop the word "Bộ" (``ministers``)."""
        sector = self.gaz.at(pos, "SECTOR")
        if sector is None or key(title) not in _keys("ministers") or not self.text[pos].isupper():
            return None
        return BodyMention(pos, sector.end, self.text[pos : sector.end], f"Bộ {sector.ident}", central=True)

    def _place_body(self, pos: int, title: str) -> BodyMention | None:
        """"Bí thư quận Hồng Bàng" sits in the Quận ủy, "Chủ tịch xã Tân Lập" in the UBND of the
        place (the titles are ``party_secretaries`` and ``committee_chairs`` of triggers.yaml)."""
        if key(title) in _keys("party_secretaries"):
            by_level = {spec["level"]: kind for kind, spec in load("bodies")["party_committees"].items()}
            kind_of = lambda level: by_level.get(level, "Đảng ủy")  # noqa: E731  (xã, phường: Đảng ủy)
        elif key(title) in _keys("committee_chairs"):
            kind_of = lambda level: "UBND"  # noqa: E731
        else:
            return None
        if self._relaxed is None:
            self._relaxed = BodyParser(self.doc)
        level, place, end = self._relaxed.level_place(pos, allow_bare_place=False)
        if not place:
            return None
        if not level:  # "Bí thư Đà Nẵng": a province or city; resolution picks Tỉnh ủy or Thành ủy
            kind = "UBND" if kind_of("tỉnh") == "UBND" else "Tỉnh ủy"
            return BodyMention(pos, end, self.text[pos:end], kind, "", place)
        return BodyMention(pos, end, self.text[pos:end], kind_of(level), level, place)

    def _subject_body(self, start: int) -> BodyMention | None:
        """"Bộ Y tế hiện có Bộ trưởng A và 6 Thứ trưởng: B, C": a title written without its body
        in a clause listing the staff of the body that opens it ("<body> (hiện) có|ngoài ...";
        the body a gazetteer's or an organ read as written, "Ủy ban Dân tộc hiện có ...").
        Between the verb and the title stand only names, titles, counts and list words."""
        s, _ = self._sentence(start)
        for verb in reversed(list(_STAFF_VERB.finditer(self.text, max(s, start - 300), start))):
            first = bisect_left(self._body_starts, verb.end())  # another body in between: not the subject's
            if not self._staff_list(verb.end(), start) or (first < len(self._body_starts) and self._body_starts[first] < start):
                return None
            end = verb.start()
            while end > s and self.text[end - 1] in " \t":
                end -= 1
            body = self.bodies_by_end.get(end) or organ_before(self.text, s, end)
            if body is not None:
                return None if body.generic else body
        return None

    def _staff_list(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds only titles, capitalised names (a lower-case word
        may follow a capitalised one: "Ủy ban"), counts and list words."""
        if self._in_title is None:
            self._in_title = Covered(len(self.text), ((m.start, m.end) for m in self.gaz.starts("TITLE")))
        capital = False
        for m in _TOKEN.finditer(self.text, start, end):
            tok = m.group(0)
            ok = tok in ",:" or tok.isdigit() or tok[0].isupper() or tok.lower() in _STAFF_WORDS or (tok.isalpha() and capital)
            if not ok and m.start() not in self._in_title:
                return False
            capital = tok[0].isupper()
        return True

    def _lower_case_body(self, pos: int) -> BodyMention | None:
        """The body grammar read with the first letter at ``pos`` taken as a capital."""
        if self._relaxed is None:
            self._relaxed = BodyParser(self.doc)
        original = self._relaxed.text
        self._relaxed.text = original[:pos] + original[pos].upper() + original[pos + 1 :]
        try:
            return self._relaxed.parse(pos)
        finally:
            self._relaxed.text = original

    def _organ(self, pos: int, lower_head: bool = False) -> BodyMention | None:
        """An organ named between a title and a name (or a list, or the next title of a chain):
        it opens with a head word of ``organ_words`` or an abbreviation ("UBTƯ MTTQ Việt Nam"),
        and may hold commas between capitalised words ("Ủy ban Văn hóa, Giáo dục"). With
        ``lower_head`` the head word may be in lower case ("Trưởng phòng Văn hóa - Xã hội xã X")."""
        text = self.text
        if not (text[pos].isupper() or lower_head) or not (_organ_word().match(text, pos) or _ABBREVIATION.match(text, pos)):
            return None
        end, q, limit = pos, pos, min(len(text), pos + 160)
        head_end = (_organ_word().match(text, pos) or _ABBREVIATION.match(text, pos)).end()
        for _ in range(16):
            region = _ORGAN_REGION.match(text, q, limit) if q > pos else None
            if region and (q == head_end or _proper_organ(text, pos, q)):
                return _organ_mention(text, pos, region.end())  # "Kho bạc Nhà nước khu vực X": the region ends it
            m = _SYLLABLE.match(text, q, limit)
            if not m:
                break
            word, start = m.group(1), m.start(1)
            if start > pos and self.gaz.at(start, "LEVEL", "PLACE"):
                placed = self._organ_ending_with_place(pos, start)
                if placed is not None:
                    return placed
            if start > pos and word[0].islower() and _list_word().match(text, start):
                # "Phó Trưởng Ban Chỉ đạo gồm: A, B": the list's word is not the organ's
                return _organ_mention(text, pos, end) if _proper_organ(text, pos, end) else None
            spoken = start > pos and word[0].islower() and _speech().match(text, start) is not None
            if spoken or (start > pos and word[0].islower() and _organ_end().match(text, start)):
                # "Sở Quy hoạch Kiến trúc tới công tác": a verb goes on with the sentence (but a
                # place after a preposition is where the organ is: "Công ty A ở tỉnh X cho biết")
                named = _spoken_organ(text, pos, end) if spoken else _proper_organ(text, pos, end)
                proper = named and not _PREPOSITION.search(text, pos, end)
                return _organ_mention(text, pos, end) if proper else None
            nxt_cap = _NEXT_CAP.match(text, m.end()) if len(word) == 1 else None
            if nxt_cap and not self.gaz.at(nxt_cap.start(1), "PLACE"):  # "Trường Đại học Y Hà Nội": a place is no name
                return None  # "Y Thanh Hà Niê Kđăm": an initial belongs to a name we cannot bound ("Y tế" is a word)
            if start > pos and word[0].isupper():
                title = self.gaz.at(start, "TITLE")
                if title and not text[title.start : title.end].isupper():
                    return None  # a chain of titles, not an organ (but "Công ty TUV Việt Nam": a short form is a name's word)
                # a word of the head itself opens no name ("Tỉnh Đoàn Nghệ An": not "Đoàn Nghệ An")
                hit = name_at(text, start) if start >= head_end else None
                if hit and not self._name_later_in_run(pos, start) and not _named_after(text, head_end, start, hit):
                    return _organ_mention(self.text, pos, end)
            end = q = m.end()
            number = _ORGAN_NUMBER.match(text, q, limit)
            head = _organ_word().match(text, pos)
            if number and head and all(w[0].isupper() for w in _WORD.findall(text, head.end(), q)):
                # "Tư lệnh Quân khu 9 dự", "Giám đốc Bệnh viện 115": a number ends the name
                return _organ_mention(text, pos, number.end())
            paren = _TO_PAREN.match(text, q, limit) if text.find("(", q, q + 3) >= 0 else None
            owner = self.bodies.get(paren.end()) if paren else None
            if owner is not None and owner.central and _proper_organ(self.text, pos, end, loose=True):
                return _organ_mention(self.text, pos, end)  # "Cục Cảnh sát giao thông (Bộ Công an)": the ministry bounds it
            comma = re.match(r",[ \t]*(?=[^\W\d_])", text[q:limit])
            if comma:
                nxt = q + comma.end()
                owner = self.bodies.get(nxt)
                if owner is not None and owner.central and _proper_organ(self.text, pos, end, loose=True):
                    return _organ_mention(self.text, pos, end)  # "Vụ Tổ chức cán bộ, Bộ Nội vụ": of the ministry after it
                if text[nxt].isupper() and not self.gaz.at(self._skip_prefix(nxt), "TITLE"):
                    q = nxt - 1  # "Ủy ban Khoa học, Công nghệ và Môi trường"
                    continue
                if text[nxt].isupper():  # "Trưởng Ban Công tác đại biểu, Phó Trưởng Ban ..."
                    return _organ_mention(self.text, pos, end)
                return _organ_mention(self.text, pos, end) if _proper_organ(self.text, pos, end) else None
            if re.match(r"[ \t]*:", text[q:limit]):  # "các Phó Chủ tịch UBTƯ MTTQ Việt Nam: A, B"
                return _organ_mention(self.text, pos, end)
            if _ORGAN_END.match(text, q, limit) and _proper_organ(self.text, pos, end):
                return _organ_mention(self.text, pos, end)  # "A, Chủ tịch UBTƯ MTTQ Việt Nam; B, ..."
        return None

    def _name_later_in_run(self, pos: int, start: int) -> bool:
        """"Bệnh viện Bạch Mai Đào Xuân Cơ", "Trường THPT Phan Đình Phùng Lê Văn An": in a run of
        five or more capitalised syllables after an organ's head word (at ``pos``), longer than
        any name, the organ is named after someone and the person's name is the three syllables
        that end the run; a name read at ``start`` before those is the organ's."""
        words = list(_SYLLABLE_AT.finditer(self.text, pos, min(len(self.text), start + 60)))
        run: list[re.Match[str]] = []
        for w in words:  # the capitalised syllables, space-separated, around ``start``
            if w.group(0)[0].isupper() and (not run or not self.text[run[-1].end() : w.start()].strip(" \t")):
                run.append(w)
            elif w.start() > start:
                break
            else:
                run = []
        if len(run) < 5:
            return False
        last3 = run[-3].start()
        hit = name_at(self.text, last3)
        return bool(hit and hit[1] == run[-1].end() and start < last3)

    def _organ_ending_with_place(self, pos: int, at: int) -> BodyMention | None:
        """"Chủ tịch Ủy ban Bầu cử TP Hà Nội làm Trưởng đoàn": an organ's name ends with its place
        when a clause goes on after it (a lower-case word) or punctuation closes it ("Cục Quản lý
        thị trường tỉnh X, ...")."""
        if self._relaxed is None:
            self._relaxed = BodyParser(self.doc)
        _, place, end = self._relaxed.level_place(at, allow_bare_place=True)
        nxt = self.gaz.skip(end)
        closed = nxt >= len(self.text) or self.text[nxt].islower() or self.text[nxt] in ",.;:)"
        if not place or not closed or not _proper_organ(self.text, pos, end, loose=True):
            return None
        if _PREPOSITION.search(self.text, pos, at):
            return None  # "Công ty Minh Long ở tỉnh X": the place is where, not the organ's
        return _organ_mention(self.text, pos, end)

    def _qualifier_end(self, pos: int) -> int | None:
        q = self.gaz.at(pos, "QUALIFIER")
        return self._dot_after(q.end) if q else None

    def chain_at(self, pos: int, semicolon: bool = False) -> tuple[list[TitleMention], int]:
        """Titles (and rank qualifiers) separated by commas, starting at ``pos``. With
        ``semicolon`` (titles written after a name), a semicolon may stand between them when the
        titles after it introduce no name of their own ("A, Ủy viên Bộ Chính trị; Bí thư Trung
        ương Đảng, Trưởng Ban Kinh tế Trung ương, ..." but not "A, Bí thư Tỉnh ủy; Phó Bí thư B")."""
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
            tail = _TERM.match(self.text, end)  # "Bí thư Tỉnh ủy khóa XIX, nhiệm kỳ 2020-2025 Lê Văn A"
            if tail:
                end = tail.end()
            end = self._owner_in_brackets(end)
            sep = _CHAIN_SEP.match(self.text, end)
            if sep and self._starts_title(self._skip_prefix(sep.end())):
                p = sep.end()
                continue
            semi = _SEMICOLON.match(self.text, end) if semicolon and chain else None
            if semi and self.title_at.get(self._skip_prefix(semi.end())):
                rest, rest_end = self.chain_at(semi.end())
                if rest and not self._introduces_names(rest_end):
                    return chain + rest, rest_end
            return chain, end
        return chain, p

    def _owner_in_brackets(self, end: int) -> int:
        """Past "(Bộ Công an)" after a title's organ: the national body it belongs to, in
        brackets, is part of the title ("Cục trưởng Cục Cảnh sát giao thông (Bộ Công an) Nguyễn Văn A")."""
        paren = _TO_PAREN.match(self.text, end) if self.text.find("(", end, end + 3) >= 0 else None
        owner = self.bodies.get(paren.end()) if paren else None
        close = re.match(r"[ \t]*\)", self.text[owner.end : owner.end + 4]) if owner is not None and owner.central else None
        return owner.end + close.end() if close else end

    def _introduces_names(self, end: int) -> bool:
        """Whether titles ending at ``end`` introduce names: a name (after a honorific, a comma
        and a honorific, a dash) or a list ("Phó Bí thư: A, B") follows."""
        lead = _TO_HONORIFIC.match(self.text, end) or _DASH.match(self.text, end)
        pos = self._skip_honorific(self.gaz.skip(lead.end() if lead else end))
        return bool(name_at(self.text, pos) or _list_intro().match(self.text, end))

    def _starts_title(self, pos: int) -> bool:
        return pos in self.title_at or self._qualifier_end(pos) is not None

    def _skip_prefix(self, pos: int) -> int:
        m = self.gaz.at(pos, "PREFIX")
        return self.gaz.skip(m.end) if m else pos

    # -- persons ----------------------------------------------------------------------------
    def add(self, start: int, end: int, name: str, titles: list[TitleMention], rule: str = "title_chain") -> PersonMention:
        p = PersonMention(start, end, name)
        self.give(p, titles, rule)
        self.persons.append(p)
        self.give(p, self.appositive(end), "apposition")
        return p

    def give(self, person: PersonMention, titles: list[TitleMention], rule: str) -> None:
        """Titles to a person, each remembering the rule that gave it ("positions.<rule>")."""
        for t in titles:
            self.used_titles.add(t.start)
            if t not in person.titles:
                person.titles.append(t)
                person.title_rules[t.start] = f"positions.{rule}"

    def appositive(self, end: int) -> list[TitleMention]:
        """Titles written after a name: ", Chủ tịch ...", " - tân Giám đốc ...", "(Chủ tịch ...)"."""
        pos = end
        for aside in (_PAREN, _AGE, _BIRTH, _HOMETOWN):  # "(sinh năm 1976)", ", 57 tuổi", ", quê Nghệ An"
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
        chain, chain_end = self.chain_at(self._skip_prefix(sep.end()), semicolon=True)
        if not chain or name_at(self.text, self.gaz.skip(chain_end)):
            return []  # "A, Chủ tịch X Nguyễn B": the chain introduces the next name
        return self._claim(chain)

    def _claim(self, chain: list[TitleMention]) -> list[TitleMention]:
        for t in chain:
            self.used_titles.add(t.start)
        return chain

    def names_after(self, pos: int, titles: list[TitleMention]) -> None:
        """One name, or several joined by "và" / listed after a colon or "gồm", each with ``titles``
        ("các Phó Thủ tướng: A, B, C"; "3 Ủy viên Trung ương Đảng là A, B và C"; "có các đồng chí:
        A, <titles>; B, <titles>")."""
        intro = _list_intro().match(self.text, pos)
        listed = intro is not None
        if intro:
            pos = intro.end()
        elif titles and (dash := _DASH.match(self.text, pos)):  # "Giám đốc Công an TP – Trung tướng A"
            pos = dash.end()
        elif titles and (comma := _TO_HONORIFIC.match(self.text, pos)) and self._fronted(titles[0].start):
            pos = comma.end()  # "Phó Chủ tịch UBND tỉnh, ông A cho biết" (not "... làm Chủ tịch X, ông B làm ...")
        elif titles and (comma := _TO_BARE_NAME.match(self.text, pos)) and self._opens_sentence(titles):
            pos = comma.end()  # "Bí thư Tỉnh ủy Nghệ An, Nguyễn Văn A cho biết": the subject, its titles first
        elif titles and (aside := _LOWER_ASIDE.match(self.text, pos)) and aside.group(0).islower():
            pos = aside.end()  # "Chủ tịch UBND xã Tân Lập (mới) Lê Văn A": the place's aside
        elif titles and (paren := _OPEN_PAREN.match(self.text, pos)) and self._skip_honorific(paren.end()) != paren.end():
            pos = paren.end()  # "Chủ tịch UBND tỉnh (ông Lê Văn A)"
        elif titles and titles[-1].body is not None and titles[-1].body.level in _DISTRICT_LEVELS and (up := self._upper_place(pos)):
            pos = up  # "Chủ tịch UBND xã Tân Lập, tỉnh Nghệ An Lê Văn A": the commune's province first
        pos = self._skip_honorific(self.gaz.skip(pos))
        if titles and titles[-1].body is not None and titles[-1].body.end >= pos - 1:
            pos = self._resplit_place(titles[-1].body, pos) or pos
        while True:
            # a name no list knows: in a list, or after a honorific when titles follow it
            # ("đồng chí Tất Văn A, Ủy viên Trung ương Đảng")
            hit = name_at(self.text, pos) or highland_name_at(self.text, pos) or (
                self._listed_name(pos, bool(titles)) if listed or not titles else None)
            organ = _organ_word().match(self.text, pos) if hit and len(hit[2].split()) == 2 else None
            if organ and organ.end() > hit[1]:
                return  # "Bí thư Đoàn Thanh niên xã X": the organ's head word, no "Đoàn Thanh"
            own: list[TitleMention] = []
            if not hit and listed and titles:
                own, hit = self._item_chain(pos)
                if own and not hit:  # "...; Chủ tịch Hội đồng Dân tộc Y Thanh Hà Niê Kđăm; ...": a name we
                    nxt_item = _NEXT_ITEM.match(self.text, own[-1].full_end)  # cannot bound ends no list
                    if nxt_item:
                        pos = self._skip_honorific(nxt_item.end())
                        continue
            if not hit:
                return
            if not titles and not self.appositive(hit[1]) and _CITIZEN.match(self.text, hit[1]) and not self._appointed_after(hit[1]):
                return  # "ông Nguyễn Văn B (60 tuổi, trú tại ...)": a citizen, not an official
            p = self.add(hit[0], hit[1], hit[2], [*titles, *self._claim(own)], "title_list" if listed else "title_chain")
            nxt = max([hit[1], *(t.full_end for t in p.titles if t.start >= hit[1])])
            nxt = _CLOSE_PAREN.match(self.text, nxt).end()  # past "(Chủ tịch UBND tỉnh)"
            aside = _PAREN.match(self.text, nxt)  # "A, Bộ trưởng Bộ Tài chính (Thường trực); B, ..."
            nxt = aside.end() if aside else nxt
            term = _TERM_TAIL.match(self.text, nxt) if listed else None  # "..., Trưởng Đoàn ĐBQH khóa XV của tỉnh; B"
            nxt = term.end() if term else nxt
            sep = (_LIST_SEP if listed else _AND).match(self.text, nxt)
            if not sep:
                return
            pos = self._skip_honorific(sep.end())

    def _appointed_after(self, end: int) -> bool:
        """"Ông Nguyễn Văn A (SN 1975) được bổ nhiệm giữ chức ...": an aside in brackets, then an
        appointment verb and its title, are an official's, not a citizen's."""
        aside = _PAREN.match(self.text, end)
        if aside is None:
            return False
        after = [t for t in self.titles if aside.end() < t.start <= aside.end() + 60]
        verb = self._verb_before(after[0].start) if after else None
        return verb is not None and len(self.text[aside.end() : verb].split()) <= 3  # ("đã", "vừa", "chính thức")

    def _item_chain(self, pos: int) -> tuple[list[TitleMention], tuple[int, int, str] | None]:
        """A list item under a shared title written as its own titles, then the name: "các Ủy viên
        Trung ương Đảng: Phó Chủ tịch Quốc hội A; Chủ nhiệm Ủy ban Xã hội B" (the item's titles,
        not yet given to anyone, and the name; or no name)."""
        chain, end = self.chain_at(pos)
        if not chain or any(t.start in self.used_titles for t in chain):
            return [], None
        at = self._skip_honorific(self.gaz.skip(end))
        return chain, name_at(self.text, at) or highland_name_at(self.text, at)

    def _opens_sentence(self, titles: list[TitleMention]) -> bool:
        """Whether a chain naming a body opens its sentence (a date or a quote may come first),
        so that a bare name after its comma is the sentence's subject."""
        s, _ = self._sentence(titles[0].start)
        return any(t.body for t in titles) and _SENTENCE_LEAD.fullmatch(self.text, s, titles[0].start) is not None

    def _fronted(self, start: int) -> bool:
        """Whether the titles at ``start`` belong to the name after their comma: no appointment
        verb before them ("Phó Chủ tịch UBND tỉnh, ông A cho biết"), or one that opens a clause
        fronted before its subject, no name written before the verb in the sentence ("Sau 10
        tháng làm Phó Bí thư Thành ủy, ông A được bầu ..."; not "ông B làm Chủ tịch X, ông A ...")."""
        verb = self._verb_before(start)
        if verb is None:
            return True
        s, _ = self._sentence(verb)  # persons are not all found yet: read the honorifics
        return not any(s <= h.start < verb for h in self.gaz.starts("HONORIFIC")) and name_at(self.text, s) is None

    def _resplit_place(self, body: BodyMention, pos: int) -> int | None:
        """"Phó Chủ tịch UBND phường Phạm Thu Hà", "UBND phường Hai Bà Trưng Chu Văn An": the
        district's name and the person's run together as one capitalised run. The person's name
        ends the run and starts with a family name; of the splits that allow, a three-syllable
        name is likeliest, then two, then four. The body gives up what it took of the name and
        returns where the name starts (None when the split stays as it was)."""
        if not body.place or body.level not in _DISTRICT_LEVELS or body.parent is not None:
            return None
        syllables = list(_SYLLABLE_AT.finditer(self.text, body.start, body.end))
        place_start = syllables[-len(body.place.split())].start() if len(syllables) >= len(body.place.split()) else None
        if place_start is None:
            return None
        run = [place_start]
        for m in _NEXT_CAP.finditer(self.text, place_start):
            if m.start() != run[-1] and m.start() > run[-1]:
                break
            run.append(m.end())
        starts = [m.start() for m in re.finditer(rf"{CAP}", self.text[place_start : run[-1]])]
        run_end = run[-1]
        if run_end <= body.end and not self._person_not_place(body, place_start, run_end):
            return None  # the run is the district's name alone ("Huyện ủy Đồng Hỷ.", "phường Trần Hưng Đạo")
        best = None
        for i, off in enumerate(starts):
            hit = name_at(self.text, place_start + off)
            if hit and hit[1] == run_end and 2 <= len(starts) - i <= 4:
                rank = {3: 0, 2: 1, 4: 2}[len(starts) - i]
                if best is None or rank < best[0]:
                    best = (rank, i, place_start + off)
        if best is None:
            return None
        _, i, name_start = best
        place = collapse(self.text[place_start:name_start])
        if i == 0:  # no district name left: the one this article names at that level, if one
            named = {b.place for b in self.bodies.values() if b.level == body.level and b.place and b is not body}
            place = named.pop() if len(named) == 1 else ""
            end = place_start
        else:
            end = place_start + len(self.text[place_start:name_start].rstrip())
        body.place, body.end = place, end
        body.surface = self.text[body.start : end].rstrip()
        return name_start

    def _person_not_place(self, body: BodyMention, start: int, end: int) -> bool:
        """"Chủ tịch UBND phường Trần Văn Nam phát biểu": the ward's name left out, the whole run
        after the level word is a name. Wards are often named after people ("phường Trần Hưng
        Đạo"), so the run is a person only when the article says so elsewhere: the same name (or
        its last syllable) after a honorific, or, for a three-syllable name, another place named at
        that level."""
        hit = name_at(self.text, start)
        if not hit or hit[1] != end:
            return False
        if len(hit[2].split()) >= 3 and any(b.level == body.level and b.place and b.place != body.place for b in self.bodies.values()):
            return True  # two syllables are a district's name far more often ("Huyện ủy Đồng Hỷ")
        last = re.escape(hit[2].split()[-1])
        honorific = re.compile(rf"(?<!\w)(?:ông|bà|đồng chí)[ \t]+(?:{re.escape(hit[2])}|{last})(?!\w)", re.I)
        return any(not (start <= m.start() < end) for m in honorific.finditer(self.text))

    def _listed_name(self, pos: int, shared: bool) -> tuple[int, int, str] | None:
        """In a list, a name whose family name no list knows, when titles follow it ("Ma Thế Hồng,
        Ủy viên Ban Thường vụ Tỉnh ủy"), or, under a title shared by the list, when the list goes
        on after it ("7 Phó Giám đốc gồm ..., Văn Quyết Thắng, Trần Tuấn Triệu và ...")."""
        m = _LOOSE_NAME.match(self.text, pos)
        if not m or self.gaz.at(pos, "TITLE", "PLACE", "LOCAL", "CENTRAL", "PARTY", "SUB", "ORG_WORD"):
            return None
        if shared and re.match(r"\s*(?:[,;.]|và\s|$)", self.text[m.end() :]):
            return (m.start(), m.end(), collapse(m.group(0)))
        sep = _APPOS_SEP.match(self.text, m.end()) or _PAREN.match(self.text, m.end())
        if not sep or not self._starts_title(self._skip_prefix(self.gaz.skip(self.text.index("(", m.end()) + 1 if sep.re is _PAREN else sep.end()))):
            return None
        return (m.start(), m.end(), collapse(m.group(0)))

    def _upper_place(self, pos: int) -> int | None:
        """Past ", tỉnh Nghệ An" / ", TP Hà Nội" after a commune's or district's organ (two-tier
        local government since 2025 names a commune with its province), when a name follows."""
        comma = _QUALIFIER_COMMA.match(self.text, pos)
        level = self.gaz.at(comma.end(), "LEVEL") if comma and "," in comma.group(0) else None
        place = self.gaz.at(self.gaz.skip(level.end), "PLACE") if level and level.ident in _UPPER_LEVELS else None
        if place is None:
            return None
        after = self.gaz.skip(place.end)
        honorific = _TO_HONORIFIC.match(self.text, after)  # "..., tỉnh Nghệ An, ông Lê Văn A"
        after = self._skip_honorific(honorific.end() if honorific else after)
        return after if name_at(self.text, after) else None

    def _skip_honorific(self, pos: int) -> int:
        """Past a honorific or a rank, written in any case ("đồng chí", "đại tá")."""
        h = self.gaz.at(pos, "HONORIFIC") or self.gaz.at(pos, "QUALIFIER")
        if h and self._family_name_as_honorific(h.start, h.end):
            return pos
        if h:
            return self._past_qualifier(h.end)
        r = _rank().match(self.text, pos)
        return self.gaz.skip(r.end()) if r else pos

    def _family_name_as_honorific(self, start: int, end: int) -> bool:
        """Whether a honorific is the family name of the name it opens ("Giám đốc Sở Nội vụ Ông
        Văn Tùng"): a capitalised "Ông" inside a sentence (the honorific is written lower case
        there), followed by no family name of its own ("Ông Nguyễn Văn A" keeps the honorific)."""
        word = self.text[start:end]
        if not word[:1].isupper() or " " in word or collapse(word) not in surnames():
            return False
        before = self.text[:start].rstrip(" \t")
        if not before or before[-1] in ".!?:\n\"“(…":
            return False  # a sentence, line, quotation or list opens with it: the honorific
        nxt = re.match(rf"[ \t]+({CAP})", self.text[end:])
        return bool(nxt) and nxt.group(1) not in surnames() and name_at(self.text, start) is not None

    def _dot_after(self, end: int) -> int:
        """Past the full stop of an abbreviation ending at ``end`` ("TS.", "ThS."; not "Đại tá."
        ending a sentence)."""
        word = self.text[max(0, end - 10) : end].split()[-1:] or [""]
        abbreviated = sum(c.isupper() for c in word[0]) >= 2
        return end + 1 if abbreviated and self.text.startswith(".", end) else end

    def _past_qualifier(self, end: int) -> int:
        """Past the full stop of an abbreviated degree and any degree after it ("TS. Lê Văn A",
        "PGS. TS. Lê Văn A", "Thạc sĩ, bác sĩ Lê Văn A"): the name starts after them."""
        for _ in range(3):
            pos = self._dot_after(end)
            comma = _QUALIFIER_COMMA.match(self.text, pos)
            nxt = self.gaz.at(self.gaz.skip(comma.end() if comma else pos), "QUALIFIER")
            if nxt is None:
                return self.gaz.skip(pos)
            end = nxt.end
        return self.gaz.skip(end)

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
        # honorifics, and ranks used as one ("Trung tướng Nguyễn Văn Long, Thứ trưởng ...",
        # "đại tá Nguyễn Văn A, Giám đốc Công an tỉnh")
        for h in self.gaz.starts("HONORIFIC", "QUALIFIER"):
            if h.label == "QUALIFIER" and not self.text[h.start].isupper() and not _rank().match(self.text, h.start):
                continue
            if h.label == "HONORIFIC" and self.text[h.start].isupper() and _MID_SENTENCE.search(self.text, max(0, h.start - 3), h.start):
                continue  # "phường Hai Bà Trưng": a capital honorific inside a run is part of a name
            pos = self._past_qualifier(h.end)
            if any(p.start <= pos < p.end for p in self.persons):
                continue
            self.names_after(pos, [])
        self.appositive_names()
        self.known_names()  # "Ông Thắng được bầu giữ chức ...": a short name may hold a late title
        self.late_titles()
        self.career()
        self.known_names()

    def career(self) -> None:
        """A career timeline under a heading that names one person ("Tóm tắt quá trình công tác
        của đồng chí A:" then "- Từ tháng 3/2015 đến tháng 9/2020: Bí thư Huyện ủy X."): each
        line's titles are that person's (``positions.career``; the tenure pass dates them)."""
        if ":" not in self.text:
            return
        for m in _CAREER_LINE.finditer(self.text):
            t = self.title_at.get(self._skip_prefix(m.end()))
            if t is None or t.start in self.used_titles:
                continue
            chain, end = self.chain_at(t.start)
            line_end = self.text.find("\n", end)
            if self.text[end : line_end if line_end >= 0 else len(self.text)].strip(" \t.;,"):
                continue  # the line goes on after its titles: a clause, no career ("2024: Giám đốc Sở báo cáo ...")
            subject = self._career_subject(m.start())
            if chain and subject is not None:
                self.give(subject, self._claim(chain), "career")

    def _career_subject(self, line: int) -> PersonMention | None:
        """The person a timeline line at ``line`` is about: named on a heading line ending with
        ":" (or naming the career: "Tiểu sử", "quá trình công tác"), with only timeline lines
        between."""
        before = [p for p in self.persons if p.end <= line]
        if not before:
            return None
        p = max(before, key=lambda p: p.start)
        head_start = self.text.rfind("\n", 0, p.start) + 1
        head_end = self.text.find("\n", p.end)
        if head_end < 0 or head_end >= line:
            return None
        heading = self.text[head_start:head_end].strip()
        if not (heading.endswith(":") or _CAREER_HEADING.search(heading)):
            return None
        between = [ln for ln in self.text[head_end:line].split("\n") if ln.strip()]
        return p if all(_CAREER_LINE.match(ln) for ln in between) else None

    def appositive_names(self) -> None:
        """A name with no honorific, licensed by the titles written after it, where a list item
        or a sentence starts ("...; Ngô Văn B, Phó Trưởng Ban Kinh tế Trung ương")."""
        taken = [(p.start, p.end) for p in self.persons]
        for t in self.titles:
            if t.start in self.used_titles:
                continue
            lead = re.search(r"\s*(?:,|\s[-–—]|\()\s*$", self.text[max(0, t.start - 6) : t.start])
            if not lead:
                continue
            sep_start = t.start - len(lead.group(0))
            hit = self._name_ending_at(sep_start)
            if hit is None or any(s <= hit[0] < e for s, e in taken):
                continue
            before = self.text[max(0, hit[0] - 12) : hit[0]]
            if not (_NAME_BOUNDARY.search(before) or (_PHRASE_OPENER.search(before) and self.appositive(hit[1]))):
                continue
            self.add(*hit, [])
            taken.append(hit[:2])

    def _name_ending_at(self, end: int) -> tuple[int, int, str] | None:
        """The longest name (two to four syllables, a known family name first) ending at ``end``."""
        words = list(re.finditer(rf"{CAP}", self.text[max(0, end - 40) : end]))
        base = max(0, end - 40)
        for w in words[-4:-1] if len(words) >= 2 else []:
            hit = name_at(self.text, base + w.start())
            if hit and hit[1] == end:
                return hit
        return None

    def _sentence(self, pos: int) -> tuple[int, int]:
        return sentence_at(self.sentences, pos) or (0, len(self.text))

    def _verb_before(self, start: int) -> int | None:
        """Where the appointment verbs ending right before ``start`` begin ("được bầu giữ chức
        [tân] <title>"), or None. Read word by word backwards: a regex anchored at the title
        would be tried at every position of the window."""
        found = [(m.start(), m.group(0)) for m in _WORD.finditer(self.text, max(0, start - 60), start)]
        gap = self.text[found[-1][0] + len(found[-1][1]) : start].strip() if found else None
        if gap is None or (gap and not (gap == ":" and self._post_words_end(found))):
            return None  # ("từng giữ các chức vụ: <titles>": a colon after the words for a post)
        phrases, longest = _appointment_phrases()

        def verbs_ending(i: int) -> int | None:
            verb = None
            while i > 0:
                for n in range(min(longest, i), 0, -1):
                    if " ".join(w for _, w in found[i - n : i]).lower() in phrases:
                        i, verb = i - n, found[i - n][0]
                        break
                else:
                    break
            return verb

        verb = verbs_ending(len(found)) if not gap else None  # "giữ chức vụ <title>"
        leads, last_words = _title_lead_words()
        if verb is not None or found[-1][1].lower() not in last_words:
            return verb
        post_words, most = _post_words()
        for n in range(min(most, len(found)), 0, -1):  # "tái đắc cử chức danh <title>", "làm nguyên <title>", "giữ các chức vụ <titles>"
            lead = " ".join(w for _, w in found[-n:]).lower()
            if lead in leads:
                verb = verbs_ending(len(found) - n)
                if verb is None and lead in post_words and len(found) > n and found[-n - 1][1].lower() in _holding_post():
                    verb = found[-n - 1][0]
                if verb is not None:
                    return verb
        return None

    @staticmethod
    def _post_words_end(found: list[tuple[int, str]]) -> bool:
        """Whether the words ``found`` end with the words for a post ("các chức vụ")."""
        post_words, most = _post_words()
        return any(" ".join(w for _, w in found[-n:]).lower() in post_words for n in range(most, 0, -1))

    def _coordinated(self, last: PersonMention, before: list[PersonMention]) -> list[PersonMention]:
        """``last`` and the persons joined to it by "và" or a comma before it, each with its own
        titles written after its name: "Bà A (Phó Bí thư) và ông B (Chủ tịch UBND tỉnh) ..."."""
        out = [last]
        for p in sorted(before, key=lambda p: p.start, reverse=True):
            if p.start >= out[-1].start:
                continue
            aside = _PAREN.match(self.text, p.end)  # "(Phó Bí thư nhiệm kỳ trước)"
            written = [t.full_end for t in p.titles if t.start >= p.end and p.title_rules.get(t.start) == "positions.apposition"]
            end = max([aside.end() if aside else p.end, *written])  # not past a post a verb gave ("A làm X, B làm Y")
            if not _COORDINATED.fullmatch(self.text, end, out[-1].start):
                break
            out.append(p)
        return out

    def _same_subject(self, start: int, verb: int) -> bool:
        """Whether the person ending at ``start`` is the subject of the verb at ``verb``: no list
        item ends between them, unless each item after it opens with a verb again ("kỷ luật ông
        A bằng hình thức cách chức <post>; cách chức <post>; cách chức <post>")."""
        semis = [i for i in range(start, verb) if self.text[i] == ";"]
        if not semis:
            return True
        first = self.text[start : semis[0]]
        if not (pattern("appointment").search(first) or _dismissal().search(first)):
            return False  # the first item gives no post: the list is of other things
        return all(self._verb_opens(self.text[i + 1 : i + 60]) for i in semis)

    def _verb_opens(self, item: str) -> bool:
        """Whether ``item`` opens with an appointment or dismissal phrase."""
        words = _WORD.findall(item.lower())
        phrases, longest = _appointment_phrases()
        return any(" ".join(words[:n]) in phrases for n in range(1, longest + 1)) or bool(_dismissal().match(item.strip()))

    def late_titles(self) -> None:
        """Titles a sentence gives after the name: "<person> được bầu giữ chức <titles>",
        "... làm <titles>", "thôi giữ chức <titles>", "thay ông <name>" (the replaced person held
        the same post), and "chức vụ <title> ... đối với ông <name>"."""
        text = self.text
        given: list[tuple[int, list[TitleMention]]] = []  # (verb position, titles given)
        for t in self.titles:  # few titles, many verbs: look back from each title for its verb
            verb = self._verb_before(t.start)
            if verb is None:
                continue
            chain, end = self.chain_at(t.start)
            if not chain or chain[0] is not t or name_at(text, self.gaz.skip(end)):
                continue  # a title introducing another name
            s, _ = self._sentence(verb)
            before = [p for p in self.persons if s <= p.start < verb]
            holder = max(before, key=lambda p: p.start) if before else None  # the nearest name
            # not across list items, nor into a clause of its own ("cho đến khi có nhân sự giữ chức")
            if holder and self._same_subject(holder.end, verb) and not _OWN_CLAUSE.search(text, holder.end, verb):
                persons = self._coordinated(holder, before)
                if len(persons) > 1 and _RESPECTIVELY.search(text, holder.end, verb):
                    self._respectively(sorted(persons, key=lambda p: p.start), chain, end)
                    continue
                for p in persons:  # "A và B được bầu làm Phó Bí thư Tỉnh ủy"
                    self.give(p, self._claim(chain), "appointment")
                given.append((verb, chain))
        self.elected(given)
        self.dismissed()
        for m in _replacement().finditer(text) if "thay" in text else ():
            hit = name_at(text, m.end())
            s, _ = self._sentence(m.start())
            posts = [chain for pos, chain in given if s <= pos < m.start()]
            if hit and posts:
                same = [p for p in self.persons if p.start == hit[0]]
                person = same[0] if same else self.add(*hit, [])
                self.give(person, posts[-1], "replacement")
        for m in _POST_WORD.finditer(text):
            t = self.title_at.get(m.end())
            if not t:
                continue
            s, e = self._sentence(m.start())
            if _dismissal().search(text[s : m.start()]):
                continue
            towards = _TOWARDS.search(text, t.full_end, e)
            if not towards:
                continue
            hit = name_at(text, towards.end())
            if hit:
                same = [p for p in self.persons if p.start == hit[0]]
                person = same[0] if same else self.add(hit[0], hit[1], hit[2], [])
                for p in [person, *self._listed_after(person, e)]:
                    self.give(p, [t], "post_towards")
                self.used_titles.add(t.start)

    def _respectively(self, persons: list[PersonMention], chain: list[TitleMention], end: int) -> None:
        """"A và B lần lượt được bầu giữ chức Chủ tịch và Phó Chủ tịch HĐND tỉnh": the n-th person
        takes the n-th title (a title with no body shares the one of the title "và" joins it to);
        when the counts differ, which post is whose is not written: none."""
        titles = list(chain)
        joined = _AND_TITLE.match(self.text, end)
        if joined and joined.end() in self.title_at:
            more, _ = self.chain_at(joined.end())
            titles += more
        if len(titles) != len(persons):
            self._claim(titles)
            return
        bodies = [t.body for t in titles]
        for i, t in enumerate(titles):
            body = t.body or next((b for b in bodies[i + 1 :] if b is not None), None)
            self.give(persons[i], self._claim([t if body is t.body else replace(t, body=body)]), "appointment")

    def elected(self, given: list[tuple[int, list[TitleMention]]]) -> None:
        """"HĐND thành phố đã bầu 5 Phó Chủ tịch UBND thành phố. Kết quả, ông A, ...; ông B, ...
        trúng cử.": the post an election names goes to the persons the next sentence elects
        (it opens with "Kết quả" or says "trúng cử", "đắc cử")."""
        if "bầu" not in self.text and "Bầu" not in self.text:
            return
        for m in _ELECTION.finditer(self.text):
            chain, _ = self.chain_at(self._skip_prefix(m.end()))
            if not chain or not any(t.body for t in chain):
                continue
            s, e = self._sentence(m.start())
            nxt = self._sentence(e + 1) if e < len(self.text) else None
            if nxt is None or nxt[0] <= s or not _ELECTED.match(self.text, nxt[0], nxt[1]):
                continue
            for p in self.persons:
                if nxt[0] <= p.start < nxt[1]:
                    self.give(p, chain, "election")
            given.append((m.start(), chain))

    def dismissed(self) -> None:
        """"HĐND đã miễn nhiệm năm Phó Chủ tịch UBND TP. Trong đó ông A ..., bốn người khác gồm
        các ông B, C, D, E.": the post dismissed from is held (the edge stays) by the persons the
        next sentence names, when they are as many as the count says."""
        if "nhiệm" not in self.text and "thôi" not in self.text:
            return
        for m in _DISMISSED.finditer(self.text):
            chain, _ = self.chain_at(self._skip_prefix(m.end()))
            if not chain or not any(t.body for t in chain):
                continue
            s, e = self._sentence(m.start())
            nxt = self._sentence(e + 1) if e < len(self.text) else None
            if nxt is None or nxt[0] <= s:
                continue
            named = [p for p in self.persons if nxt[0] <= p.start < nxt[1]]
            n = m.group("n").lower()
            if len({p.name for p in named}) == (int(n) if n.isdigit() else _COUNTS.get(n, 0)):
                for p in named:
                    self.give(p, chain, "dismissal_list")

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
        """Later mentions of a licensed name, by the name alone, or by its last syllable after a
        honorific when one licensed person has it ("ông Thắng", "bà Hoài")."""
        names = {p.name for p in self.persons} - self._searched
        self._searched |= names
        text = self.text
        taken = Covered(len(text), ((p.start, p.end) for p in self.persons))
        for name in sorted(names, key=len, reverse=True):  # str.find: a regex per name cost a tenth of the time
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                whole = not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum())
                if whole and at not in taken:
                    self.persons.append(PersonMention(at, end, name, []))
                    taken.add(at, end)
                at = text.find(name, end)
        if self._short_done:
            self.persons.sort(key=lambda p: p.start)
            return
        self._short_done = True
        given: dict[str, set[str]] = {}
        for n in self._searched:
            given.setdefault(n.split()[-1], set()).add(n)
        for h in self.gaz.starts("HONORIFIC"):
            m = _SHORT_REFERENCE.match(self.text, self.gaz.skip(h.end))
            if not m:
                continue
            full = given.get(m.group(1), set())
            if len(full) == 1 and not any(p.start <= m.start(1) < p.end for p in self.persons):
                self.persons.append(PersonMention(m.start(1), m.end(1), next(iter(full)), []))
        self.persons.sort(key=lambda p: p.start)


@Language.factory("vn_people", default_config={"short_references": True})
def make_people(nlp: Language, name: str, short_references: bool):  # noqa: ANN201 (a pipe)
    """The ``vn_people`` pipe; ``short_references``: a honorific and the last syllable of a
    name licensed in the article ("ông Thắng") is that person."""

    def vn_people(doc: Doc) -> Doc:
        return find_people(doc, short_references)

    return vn_people


def find_people(doc: Doc, short_references: bool = True) -> Doc:
    parser = PeopleParser(doc, short_references)
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


__all__ = ["BodyMention", "PeopleParser", "find_people", "make_people"]
