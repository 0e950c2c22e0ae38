"""Normalisation: composed/decomposed input, old/new tone placement, spaces; offsets kept."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.normalize import key, match_text, nfc, retone, strip_accents

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
