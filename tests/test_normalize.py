"""Normalisation: composed/decomposed input, old/new tone placement, spaces; offsets kept."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from graph import keys
from ingest.normalize import TONE_MARKS, key, match_text, nfc, retone, strip_accents

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


def test_old_and_new_tone_placement_give_one_key() -> None:
    assert key("Thành uỷ Hà Nội") == key("Thành ủy Hà Nội") == "thành ủy hà nội"
    assert key("hoà bình") == key("hòa bình")
    assert key("Nguyễn Thị Thuỷ") == key("Nguyễn Thị Thủy")
    assert retone("quý") == "quý" and retone("hoàn") == "hoàn" and retone("Huế") == "Huế"


def test_nfd_nbsp_and_double_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "Chủ  tịch\u00a0UBND TP Hà Nội")
    assert key(decomposed) == key("Chủ tịch UBND TP Hà Nội")


def test_accent_free_search_form() -> None:
    assert strip_accents("Chu Ngọc Anh") == strip_accents("chu ngoc anh") == "chu ngoc anh"
    assert strip_accents("Đinh Tiến Dũng") == "dinh tien dung"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " \u00a0\u2009-–.,", max_size=60))
def test_match_text_keeps_offsets(text: str) -> None:
    stored = nfc(text)
    assert len(match_text(text)) == len(stored)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ", max_size=40))
def test_key_is_stable_under_nfd_and_retone(text: str) -> None:
    assert key(unicodedata.normalize("NFD", text)) == key(text)
    assert key(retone(nfc(text))) == key(text)
    assert key(key(text)) == key(text)


# -- the fast paths against their plain definitions ----------------------------------------------
# ``nfc`` and ``match_text`` skip substitutions that would find nothing, and cleaning normalises a
# text line by line (ingest/clean.py ``_LineForms``): text below stresses what those shortcuts
# rest on: both tone placements, bare tone marks, every whitespace character, zero-width
# characters, dashes, controls, line breaks, and syllables after "q"/"gi".
WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
UNUSUAL = WHITESPACE + "\u200b\u200c\u200d\u2060\ufeff\u00ad\u2010\u2013\u2014\u2212\x00\x1b\x7f\x9f" + "".join(TONE_MARKS)
SYLLABLES = ["hoà", "Hoà", "HOÀ", "uỷ", "Uỷ", "thuý", "khoẻ", "quả", "Quý", "giá", "xquý", "ươi", "hòa", "Thuỷ"]
TEXTS = st.lists(
    st.one_of(st.sampled_from(SYLLABLES), st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + UNUSUAL + "q()/:.-0", max_size=6)),
    max_size=25,
).map("".join)


def plain_nfc(text: str) -> str:
    return keys._ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text))


def plain_match_text(text: str) -> str:
    return keys._DASHES.sub("-", keys._SPACES.sub(" ", retone(plain_nfc(text))))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_nfc_and_match_text_equal_their_plain_definitions(text: str) -> None:
    assert nfc(text) == plain_nfc(text)
    assert match_text(text) == plain_match_text(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, max_size=6))
def test_match_text_works_line_by_line(lines: list[str]) -> None:
    """No syllable, whitespace run or composition spans a line break: the matching form of
    a text is its lines' matching forms joined (what cleaning relies on)."""
    assert match_text("\n".join(lines)) == "\n".join(map(match_text, lines))


def test_casefold_neither_makes_nor_removes_whitespace() -> None:
    """Folding a whole text keeps its lines and words where they were (cleaning folds a text
    at once, then splits it): every character folds on its own, whitespace to itself, and
    nothing else to anything holding whitespace."""
    for c in map(chr, range(sys.maxunicode + 1)):
        folded = c.casefold()
        if c.isspace():
            assert folded == c, repr(c)
        elif folded != c:
            assert not any(f.isspace() for f in folded), repr(c)


def test_a_zero_width_character_between_a_letter_and_its_accent_leaves_a_composed_text() -> None:
    assert nfc("A\u200b\u0300") == "À" == match_text("A\u200b\u0300")


@settings(max_examples=300, deadline=None)
@example("A\u200b\u0300", 0)
@given(TEXTS, st.integers(0, 40))
def test_a_composed_text_without_rewritten_characters_only_needs_retone(text: str, cut: int) -> None:
    """What ``REWRITTEN`` promises, for a composed text and for its ends (cleaning cuts a
    "date ..." prefix off a composed text)."""
    composed = nfc(text)
    for part in (composed, composed[cut:]):
        if not re.search(f"[{keys.REWRITTEN}]", part):
            assert match_text(part) == retone(part)
