"""From a raw page to the article text we keep: furniture out, credits out, metadata found.

The stored text is NFC with page furniture, trailing related-news blocks and credits removed;
its spelling is otherwise the original. Extraction runs on ``normalize.match_text`` of it,
which has the same length, so every evidence offset points into the stored text.

Credits ("Việt Hà" byline, "(Ngọc Hải ghi)", "Ảnh: Thanh Hải") become ``Article.authors``:
reporters are article metadata, never officials.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .gazetteer import CAP, load, places, vocabulary_cache
from .limits import cut_article, dropped_note
from .normalize import REWRITTEN, clean_name, collapse, key, match_text, nfc, retone
from .sources import RawArticle, published_date


@dataclass
class Article:
    """An article ready for extraction. ``id`` is the hash of its normalised text, so the
    same story read twice (from a file and from a feed) is one article."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    path: str | None = None
    authors: list[str] = field(default_factory=list)
    #: warnings for the user (a bad date dropped, text cut at a limit), never stored
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("text")
        d.pop("notes")
        return d


_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+")
_STAMP = re.compile(r"^\s*(\d{1,2})[-/](\d{1,2})[-/](\d{4})(?:\s*[-,|]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:AM|PM|GMT\+?\d*))?)?\s*$")
_INLINE_STAMP = re.compile(r"\s(\d{1,2})/(\d{1,2})/(\d{4})\s+\d{1,2}:\d{2}\s*$")
_LEGAL_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
# a meeting date opening a clause ("Kết luận nêu rõ, ngày 23 và 24/11/2023, ..."), not an
# effective date ("từ ngày") or a document's date ("ngày 14/6/2024 của Bộ Chính trị")
# (the pattern opens with its word, so that a search tries it only where an "n" stands: what
# precedes the word, "từ " or the clause opening that ``_clause_opens`` checks, is looked at
# behind it; as the pattern's first part it made the search try the whole pattern everywhere)
_DAY_RANGE = re.compile(
    r"ngày(?<!từ ngày)\s+(?:\d{1,2}\s*(?:và|,|-)\s*)?(\d{1,2})/(\d{1,2})/(\d{4})(?!\s*(?:của|,\s*của))", re.I
)
_BLANK_RUN = re.compile(r"\n{3,}")
_BYLINE = re.compile(rf"^(?:{CAP})(?:\s+{CAP}){{1,3}}$|^[A-ZĐ]{{2,3}}$")
_CREDIT_GHI = re.compile(rf"\s*\((?:Ảnh:\s*)?((?:{CAP})(?:\s+{CAP}){{0,3}})\s+ghi\)\s*")
_CREDIT_PHOTO = re.compile(rf"\s*\(?\bẢnh(?: minh họa)?:\s*((?:{CAP}|[A-ZĐ]+)(?:\s+(?:{CAP}|[A-ZĐ]+)){{0,3}})\)?\.?\s*$")


#: terminal escape sequences (CSI "ESC[2J", OSC "ESC]8;;url BEL", two-byte "ESC c"): page junk
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
#: other control characters but tab and newline (NUL, backspace, C1)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: what cleaning rewrites (controls, carriage returns, escape sequences, whitespace other than
#: the space and the line break) and what ``match_text`` rewrites: one search finds whether a
#: text has any, and most have none, which spares a scan for each
_UNUSUAL = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f\u1680\u2028\u2029{REWRITTEN}]")


def without_controls(text: str) -> str:
    """Text with terminal escape sequences removed and other control characters turned into
    spaces: junk that would split a name from its title ("ESC[31mChủ tịch") and, stored, could
    drive a reader's terminal."""
    if "\x1b" in text:  # every escape sequence opens with ESC: most texts have none
        text = _ANSI.sub("", text)
    return _CONTROLS.sub(" ", text)


def _iso(d: str | int, m: str | int, y: str | int) -> str | None:
    d, m, y = int(d), int(m), int(y)
    if 1 <= d <= 31 and 1 <= m <= 12 and 1900 < y < 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


# The rules below read a line in its matching form (``match_text``, computed once per text in
# ``clean``) and their data compiled once: per-line regex compilation and re-normalisation were
# most of the cleaning time (bench/run.py profile).
@vocabulary_cache
def _drop_lines() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The drop-line rules as two patterns: those anchored at the start, tried there only, and
    the rest, searched (one alternation searched at every position was slow)."""
    rules = load("boilerplate")["drop_lines"]
    anchored = "|".join(f"(?:{p[1:]})" for p in rules if p.startswith("^")) or "(?!)"
    floating = "|".join(f"(?:{p})" for p in rules if not p.startswith("^")) or "(?!)"
    return re.compile(anchored), re.compile(floating)


@vocabulary_cache
def _tail_markers() -> frozenset[str]:
    return frozenset(m.casefold() for m in load("boilerplate")["tail_markers"])


@vocabulary_cache
def _outlets() -> tuple[re.Pattern[str], list[str]]:
    """One pattern for every outlet name, longest first; group ``o<i>`` is ``names[i]``."""
    names = sorted(load("boilerplate")["outlets"], key=len, reverse=True)
    alternatives = "|".join(f"(?P<o{i}>{re.escape(name)})" for i, name in enumerate(names))
    return re.compile(rf"\s*\(?(?:{alternatives})\)?\s*[-–—:]", re.I), names


@vocabulary_cache
def _not_byline_words() -> tuple[frozenset[str], frozenset[str]]:
    """Honorifics (case-folded) and first words of titles: a line opening with one is no byline."""
    honorifics = frozenset(h.casefold() for h in load("titles")["honorifics"])
    return honorifics, frozenset(clean_name(t).split()[0] for t in load("titles")["titles"])


def _furniture(low: str) -> bool:
    """Whether a line (``_folded``) is page furniture."""
    anchored, floating = _drop_lines()
    return bool(anchored.match(low) or floating.search(low))


def _tail_marker(low: str) -> bool:
    """Whether a line (``_folded``) opens the related-news tail."""
    return low.rstrip(":").strip() in _tail_markers()


def _folded(matching: str) -> str:
    """A line's matching form with single spaces, case-folded: what the line rules compare."""
    return collapse(matching).casefold()


#: whitespace (``str.isspace``) that ``match_text`` leaves as it is, besides the space and the
#: line break: a matching form without any has nothing for ``collapse`` to do but strip ends
#: and close double spaces. Tested a character at a time: eleven C scans of a text cost less
#: than one regex scan.
_KEPT_ODD_SPACES = "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029"


class _LineForms:
    """The matching form (``match_text``) and the folded form (``_folded``) of an article's
    lines, each made once.

    Cleaning asks for them several times: the line rules, the byline check, the outlet and the
    date near the top of the body, and the id over the whole body. Normalising the text again
    for each was two thirds of the cleaning time. Both forms work line by line (a line break is
    never inside a syllable or a run of spaces, and Unicode composition never crosses it:
    tests/test_normalize.py and tests/test_sources.py check it), so the form of a text made of these lines is the join
    of its lines' forms; only a line changed since (a credit cut out, the body cut at its
    limit) is normalised again.
    """

    def __init__(self, text: str, usual: bool = False) -> None:
        """``usual``: the caller found no ``_UNUSUAL`` character in ``text``, composed: then
        its matching form is its tone placement made one (``REWRITTEN``), and its only
        whitespace is the space and the line break."""
        self.lines = text.split("\n")
        matching = retone(text) if usual else match_text(text)
        self.matchings = matching.split("\n")
        self._matching = dict(zip(self.lines, self.matchings))
        # the whole text folded at once: ``casefold`` works character by character and never
        # makes or removes whitespace (tests/test_normalize.py checks every character), so its
        # lines and words are those of the matching form
        low = matching.casefold().split("\n")
        if usual or not any(c in matching for c in _KEPT_ODD_SPACES):  # then ``collapse`` strips, mostly
            low = [ln.strip() if "  " not in ln else collapse(ln) for ln in low]
        else:
            low = [collapse(ln) for ln in low]
        self.foldings = low
        self._folded = dict(zip(self.lines, low))

    def matching(self, line: str) -> str:
        """``match_text(line)``."""
        form = self._matching.get(line)
        if form is None:
            form = self._matching[line] = match_text(line)
        return form

    def folded(self, line: str) -> str:
        """``_folded(match_text(line))``."""
        form = self._folded.get(line)
        if form is None:
            form = self._folded[line] = _folded(self.matching(line))
        return form

    def matching_text(self, text: str) -> str:
        """``match_text(text)`` for a text made of lines seen (the body, its head)."""
        return "\n".join(map(self.matching, text.split("\n")))

    def folded_text(self, lines: list[str]) -> str:
        """``_folded(match_text("\\n".join(lines)))``: the folded lines' words, single-spaced."""
        known = self._folded.get
        return " ".join(filter(None, (known(ln) or self.folded(ln) for ln in lines)))


def _is_byline(matching: str) -> bool:
    """Whether a line (its matching form) is a reporter's name alone."""
    if len(matching.split(None, 4)) > 4:
        # ``_BYLINE`` takes two to four names with nothing around them, and stripping
        # parentheses leaves a space where it drops a word: a paragraph (most candidates) is
        # refused without collapsing it
        return False
    s = collapse(matching).strip("()")
    if not _BYLINE.match(s) or key(s) in places():
        return False
    first = s.split()[0]
    honorifics, title_words = _not_byline_words()
    return first.casefold() not in honorifics and first not in title_words


def _outlet(text: str, forms: _LineForms) -> str | None:
    """An outlet that opens one of the first paragraphs ("Kinhtedothi - ", "(Chinhphu.vn) –")."""
    pattern, names = _outlets()
    for line in text[:1500].split("\n")[:10]:
        matching = forms.matching(line)
        # the pattern ends in a separator: most lines have none, and trying the outlets'
        # alternation on them was a tenth of cleaning a short news item
        if not any(c in matching for c in "-:–—"):
            continue
        m = pattern.match(matching)
        if m:
            return names[int(m.lastgroup[1:])]
    return None


def clean(raw: RawArticle) -> Article:
    """Clean a raw article into the stored ``Article`` (furniture, tail blocks and credits out)."""
    text = nfc(raw.text)
    usual = _UNUSUAL.search(text) is None
    if not usual:
        text = without_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    published, authors = raw.published, list(raw.authors)
    m = _DATE_PREFIX.match(text)
    if m:
        published = published or m.group(1)
        text = text[m.end() :]
    kept: list[str] = []
    forms = _LineForms(text, usual)
    for line, matching, low in zip(forms.lines, forms.matchings, forms.foldings):
        if kept and _tail_marker(low):
            break
        if not low:  # a blank line: none of the rules below takes it
            kept.append(line)
            continue
        if _furniture(low):
            continue
        stripped = matching.strip()
        stamp = _STAMP.match(stripped)
        if stamp:
            published = published or _iso(stamp[1], stamp[2], stamp[3])
            continue
        inline = _INLINE_STAMP.search(matching) if "/" in matching and ":" in matching else None
        if inline:
            published = published or _iso(inline[1], inline[2], inline[3])
            line = line[: inline.start()]
        line, credits = _strip_credits(line, forms)
        authors += credits
        kept.append(line)
    kept = _strip_bylines(kept, authors, forms)
    body = "\n".join(kept).strip("\n")
    if "\n\n\n" in body:
        body = _BLANK_RUN.sub("\n\n", body)
    if not body or body.isspace():
        raise ValueError("no article text left once page furniture and credits are removed")
    notes = list(raw.notes) + dropped_note(len(raw.text), len(body))
    body, cut = cut_article(body)
    notes += cut
    title = without_controls(raw.title) if raw.title else _title(kept)
    published = _normal_date(published) or _text_date(forms.matching_text(body[:3000]))
    # ``key(body)`` from the lines' forms (``key`` caches what it is asked, names: every article
    # body kept in its cache grew the loading process by ~20 MB per 1,000 articles, issue 13).
    # The body's lines are ``kept`` unless it was cut: the blank lines dropped since fold to nothing.
    folded = forms.folded_text(body.split("\n") if cut else kept)
    ident = hashlib.sha1(folded.encode("utf-8")).hexdigest()[:16]
    return Article(
        id=ident,
        text=body,
        source=raw.source,
        title=title,
        url=raw.url,
        published=published,
        outlet=without_controls(raw.outlet) if raw.outlet else _outlet(body, forms),
        path=raw.path,
        authors=list(dict.fromkeys(a for a in authors if a)),
        notes=notes,
    )


def _strip_credits(line: str, forms: _LineForms) -> tuple[str, list[str]]:
    """Remove "(X ghi)" and "Ảnh: X" credits from a line, returning the names.

    Each form is searched for only in a line holding its word ("ghi)", "Ảnh"), most lines
    holding neither: the patterns open with optional spaces, so a search tries every position
    of the line. The word is in the matching form exactly when it is in the line:
    ``match_text`` changes neither, and the lines of a cleaned text are composed already
    (``nfc`` dropped the zero-width characters that could hide one).
    """
    names: list[str] = []
    for pattern, word, letter in ((_CREDIT_GHI, "ghi)", ")"), (_CREDIT_PHOTO, "Ảnh", "Ả")):
        if letter in line and word in line:  # one character first: a fraction of a substring test
            found = list(pattern.finditer(forms.matching(line)))
            names += [collapse(line[m.start(1) : m.end(1)]) for m in found]
            line = _cut(line, found)
    return line, names


def _cut(line: str, found: list[re.Match[str]]) -> str:
    """``line`` without the spans matched in its matching form (same offsets)."""
    out, last = [], 0
    for m in found:
        out.append(line[last : m.start()])
        last = m.end()
    out.append(line[last:])
    return "".join(out).rstrip() if last else line


def _strip_bylines(lines: list[str], authors: list[str], forms: _LineForms) -> list[str]:
    """A short all-capitalised name line near the top or at the end is a byline."""
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    candidates = set(content[1:4]) | set(content[-2:])
    out = []
    for i, ln in enumerate(lines):
        if i in candidates and _is_byline(forms.matching(ln)):
            authors.append(collapse(ln))
            continue
        out.append(ln)
    return out


def _title(lines: list[str]) -> str | None:
    for ln in lines:
        s = collapse(ln)
        if s:
            if len(s) <= 200 and not s.endswith((".", ":", ";")):
                return s
            return None
    return None


def _normal_date(value: object) -> str | None:
    """An ISO date from what a source gave (library callers may pass numbers: ``published_date``
    takes the unambiguous ones and refuses the rest with a ValueError)."""
    value = published_date(value)
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if m:
        return value[: m.end()]
    m = re.match(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", value)
    return _iso(m[1], m[2], m[3]) if m else None


def _text_date(head: str) -> str | None:
    """A date the text states near its top (``head``: the matching form of the body's first
    3,000 characters): a legal header's "ngày 05 tháng 3 năm 2020", or a meeting's
    "ngày 23 và 24/11/2023" in the first paragraphs."""
    m = _LEGAL_DATE.search(head) or _day_range(head)
    return _iso(m[1], m[2], m[3]) if m else None


def _day_range(text: str) -> re.Match[str] | None:
    """The first ``_DAY_RANGE`` date that opens a clause."""
    return next((m for m in _DAY_RANGE.finditer(text) if _clause_opens(text, m.start())), None)


def _clause_opens(text: str, start: int) -> bool:
    """Whether ``start`` opens a line, or follows a full stop, comma or colon (and spaces)."""
    if start == 0 or text[start - 1] == "\n":
        return True
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start > 0 and text[start - 1] in ".,:"
