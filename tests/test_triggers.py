"""Trigger patterns (ingest/triggers.py): a ``Trigger`` finds exactly what its regex finds,
on any text, from any position, including texts whose characters case-insensitive matching
pairs differently from ``str.lower`` ("ſ", "ı", "İ", "Σ")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import triggers
from ingest.triggers import Trigger, pattern, words

NAMES = ["assigning", "joining", "establishing", "appointment", "dismissal", "replacement"]


@pytest.fixture(autouse=True)
def _scan_short_texts_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triggers, "_SHORT", 0)


def _pieces() -> st.SearchStrategy[str]:
    phrases = sorted({p for n in NAMES for p in words(n)})
    odd = ["ſ", "ı", "İ", "Σ", "K", "\n", "\t", "  ", ", ", ".", "-", "Đ", "đ", "x", "1", "_", "&"]
    return st.one_of(st.sampled_from(phrases), st.sampled_from(phrases).map(str.upper),
                     st.sampled_from(phrases).map(str.title), st.sampled_from(odd))


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces(), max_size=30).map(" ".join), st.integers(0, 40), st.integers(0, 400),
       st.sampled_from(NAMES), st.sampled_from(["", r"\s+", r"[ \t]+"]))
def test_a_trigger_finds_what_its_regex_finds(text: str, pos: int, endpos: int, name: str, after: str) -> None:
    t = pattern(name, after=after)
    assert isinstance(t, Trigger)
    assert [m.span() for m in t.finditer(text, pos, endpos)] == [m.span() for m in t.rx.finditer(text, pos, endpos)]
    assert [m.span() for m in t.finditer(text)] == [m.span() for m in t.rx.finditer(text)]
    found, expected = t.search(text, pos), t.rx.search(text, pos)
    assert (found and found.span()) == (expected and expected.span())


def test_a_pattern_with_a_lead_is_the_plain_regex() -> None:
    assert not isinstance(pattern("in_charge", before=r"\s*"), Trigger)
    assert pattern("in_charge", before=r"\s*").match("  chủ trì, phối hợp")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ký", "Ký", "KÝ", "đăng", "chữ", "ban hành", " ", "\n", "x", "ký ban hành", "ſ"]),
                max_size=30).map(" ".join))
def test_a_case_sensitive_trigger_with_look_behinds_finds_what_its_regex_finds(text: str) -> None:
    from ingest.components.relations.signing import _ky

    t = _ky()
    assert isinstance(t, Trigger) and not t.fold
    assert [m.span() for m in t.finditer(text)] == [m.span() for m in t.rx.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["chức vụ", "Chức Vụ", "chức danh", "bổ nhiệm", "BỔ NHIỆM", "giao", "Giao", "bàngiao",
                                 "giaoo", " ", "\n", "  ", "x", "ı"]), max_size=30).map(" ".join))
def test_a_scanner_without_look_behind_finds_matches_inside_words_too(text: str) -> None:
    from ingest.components.people import _POST_WORD

    assert isinstance(_POST_WORD, Trigger)
    assert [m.span() for m in _POST_WORD.finditer(text)] == [m.span() for m in _POST_WORD.rx.finditer(text)]
