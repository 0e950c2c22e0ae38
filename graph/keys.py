"""Vietnamese text normalisation: one spelling for every way a word reaches us. It sits below
both sides: the extractor matches and makes keys with it, the graph and the queries look keys up
with it, so both always agree (``ingest.normalize`` is its face on the ingest side).

The same word arrives composed (NFC) or decomposed (NFD), with the old tone placement
("hoà", "uỷ", "thuý") or the new one ("hòa", "ủy", "thúy"), with non-breaking, zero-width or
doubled spaces. Everything that is *compared* (keys, lookups, gazetteer matching) goes through
these functions; the text shown as evidence keeps its original spelling.

Two layers, on purpose:

* ``match_text`` is length-preserving against NFC text (same characters count), so an offset
  found in the matching text is valid in the stored text too.
* ``key`` is lossy (case-folded, spaces collapsed) and only ever used for identity.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = set("aăâeêioôơuưy")
# open-syllable glides whose tone the old style puts on the second vowel ("hoà", "uỷ")
_GLIDES = ("oa", "oe", "uy")
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# exotic spaces and dashes, as bodies of regex character classes
_SPACE_CLASS = "\u00a0\u2000-\u200a\u202f\u205f\u3000\t"
_DASH_CLASS = "\u2010-\u2015\u2212"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_SPACES = re.compile(f"[{_SPACE_CLASS}]")
_DASHES = re.compile(f"[{_DASH_CLASS}]")
# any character ``_SPACES`` or ``_DASHES`` replaces: one search that finds none (most texts)
# spares the two substitutions, each a scan of the whole text
_SPACE_OR_DASH = re.compile(f"[{_SPACE_CLASS}{_DASH_CLASS}]")
#: every character ``match_text`` drops or replaces, as the body of a regex character class: a
#: text already composed (``nfc``) without any of them has ``retone(text)`` as its matching form,
#: which a caller that searches for them anyway (``ingest.clean``) takes without more scans
REWRITTEN = _ZERO_WIDTH_CHARS + _SPACE_CLASS + _DASH_CLASS
_LETTER = re.compile(r"[^\W\d_]")
# the only syllables ``_retone_syllable`` can change end in o/u + a toned a/e/y (NFC): finding
# those ends, instead of calling it on every word, made ``match_text`` ~10x faster
_OLD_TONE_TAIL = re.compile(r"[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![^\W\d_])")


def nfc(text: str) -> str:
    """Drop zero-width characters, compose: the form every stored string takes. In that
    order: a zero-width character between a letter and its accent ("A\u200b\u0300") would
    otherwise leave the two apart once it is dropped, a text not composed after all."""
    text = text or ""
    # six substring tests (each a C scan) cost a tenth of one regex scan of an article,
    # and most texts have no zero-width character to drop
    if any(c in text for c in _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def _retone_syllable(syllable: str) -> str:
    """Move the tone of an open oa/oe/uy syllable to the first vowel ("uỷ" -> "ủy").

    Only syllables ending in the glide are ambiguous; with a final consonant ("hoàn") or after
    "q"/"gi" (where u/i belong to the consonant: "quý", "giá") both styles agree already.
    """
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return syllable
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    low = bare.lower()
    if not low.endswith(_GLIDES) or low.startswith(("q", "gi")):
        return syllable
    first = len(bare) - 2
    if first > 0 and low[first - 1] in _VOWELS:  # "ươi", "uya"... not a plain glide
        return syllable
    toned = unicodedata.normalize("NFC", bare[first] + tones[0])
    return bare[:first] + toned + bare[first + 1 :]


def retone(text: str) -> str:
    """Apply one tone placement (first-vowel form) to every syllable; length-preserving on NFC."""
    out, last = [], 0
    for m in _OLD_TONE_TAIL.finditer(text):
        start = m.start()
        while start > 0 and _LETTER.match(text, start - 1):
            start -= 1
        out += [text[last:start], _retone_syllable(text[start : m.end()])]
        last = m.end()
    return "".join(out) + text[last:] if out else text


def match_text(text: str) -> str:
    """Text for matching: NFC, one tone placement, exotic spaces and dashes made plain.

    Same length as ``nfc(text)``, so offsets found in it point into the stored text.
    """
    out = retone(nfc(text))
    if _SPACE_OR_DASH.search(out) is None:
        return out
    out = _SPACES.sub(" ", out)
    return _DASHES.sub("-", out)


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """Display form of a name or title: matching spelling, single spaces (cached: the graph
    builder asks for the same few hundred names and titles tens of thousands of times)."""
    return collapse(match_text(text))


def key(text: str) -> str:
    """Identity key of a name: normalised, case-folded, single spaces."""
    return clean_name(text).casefold()


def strip_accents(text: str) -> str:
    """Accent-free, lower-case form for fuzzy search ("Chu Ngoc Anh" finds "Chu Ngọc Anh")."""
    decomposed = unicodedata.normalize("NFD", clean_name(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").casefold()
