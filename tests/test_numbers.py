"""The document-number parser: shapes from domain.md, loose writing, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.numbers import canonical_number, find_numbers, number_key, parse_number

TYPES = ["NQ", "QĐ", "CT", "KL", "KH", "CTr", "TB", "HD", "BC", "TTr", "QyĐ", "NĐ", "TT"]
STATE_ISSUERS = ["UBND", "CP", "TTg", "HĐND", "BNV", "VPCP", "SNNPTNT"]
PARTY_ISSUERS = ["TU", "TW", "BCS", "HU", "ĐU", "BTCTW"]


@pytest.mark.parametrize(
    "text, number, family, type_code, issuer, year",
    [
        ("143-KL/TU", "143-KL/TU", "party", "KL", "TU", None),
        ("45- NQ/TW", "45-NQ/TW", "party", "NQ", "TW", None),
        ("780-CTr/BCS", "780-CTr/BCS", "party", "CTr", "BCS", None),
        ("84/KH-UBND", "84/KH-UBND", "state", "KH", "UBND", None),
        ("01/ NQ-CP", "01/NQ-CP", "state", "NQ", "CP", None),
        ("30c/NQ-CP", "30c/NQ-CP", "state", "NQ", "CP", None),
        ("77/2025/NQ-HĐND", "77/2025/NQ-HĐND", "normative", "NQ", "HĐND", 2025),
        ("60/2010/QH12", "60/2010/QH12", "normative", None, "QH12", 2010),
        ("6686/UBND-NC", "6686/UBND-NC", "letter", None, "UBND", None),
        ("2291/BNV-CQĐP", "2291/BNV-CQĐP", "letter", None, "BNV", None),
        ("101/QĐ-TTG", "101/QĐ-TTg", "state", "QĐ", "TTg", None),
    ],
)
def test_shapes(text: str, number: str, family: str, type_code: str | None, issuer: str, year: int | None) -> None:
    (start, end, parsed), = find_numbers(f"theo văn bản số {text} của cơ quan")
    assert parsed.number == number
    assert (parsed.family, parsed.type_code, parsed.issuer_code, parsed.year) == (family, type_code, issuer, year)


@pytest.mark.parametrize(
    "text",
    ["ngày 17/11", "18/23 chỉ tiêu", "trước ngày 25/1/2014", "8/10 chương trình", "26.750 đồng/USD", "USD/VNĐ",
     "giai đoạn 2021-2025", "COVID-19", "tỷ lệ 21,5 - 23%"],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    "typed, canonical",
    [("143-kl/tu", "143-KL/TU"), ("01/ NQ-CP", "01/NQ-CP"), ("số 84/kh-ubnd", "84/KH-UBND"),
     ("02-ctr/tu", "02-CTr/TU"), (" 77/2025/nq-hđnd ", "77/2025/NQ-HĐND"), ("hello", None), ("18/23", None)],
)
def test_canonical_number_from_user_input(typed: str, canonical: str | None) -> None:
    assert canonical_number(typed) == canonical


def test_range_endpoints_are_both_found() -> None:
    text = "(từ Chương trình số 02-CTr/TU đến Chương trình số 09-CTr/TU)"
    assert [p.number for _, _, p in find_numbers(text)] == ["02-CTr/TU", "09-CTr/TU"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_crashes(text: str) -> None:
    for start, end, parsed in find_numbers(text):
        assert 0 <= start < end <= len(text)
        assert parsed.number


numbers = st.one_of(
    st.builds(lambda n, t, i: f"{n}-{t}/{i}", st.integers(1, 9999), st.sampled_from(TYPES), st.sampled_from(PARTY_ISSUERS)),
    st.builds(lambda n, t, i: f"{n}/{t}-{i}", st.integers(1, 9999), st.sampled_from(TYPES), st.sampled_from(STATE_ISSUERS)),
    st.builds(
        lambda n, y, t, i: f"{n}/{y}/{t}-{i}", st.integers(1, 999), st.integers(1990, 2030),
        st.sampled_from(TYPES), st.sampled_from(STATE_ISSUERS),
    ),
)


@settings(max_examples=300, deadline=None)
@given(numbers, st.sampled_from(["", " "]), st.booleans(), st.sampled_from(" ,.;"), st.text(alphabet=" ,.;abcđê", max_size=8))
def test_valid_numbers_round_trip(number: str, space: str, lower: bool, sep: str, context: str) -> None:
    written = number.replace("/", "/" + space, 1)
    if lower:
        written = written.lower()
    parsed = parse_number(written)
    assert parsed is not None and parsed.number == number
    # the canonical form parses to itself, and keys ignore case and spacing
    assert canonical_number(parsed.number) == parsed.number
    assert number_key(written) == number_key(number)
    found = find_numbers(f"số {number}{sep}{context}")
    assert [p.number for _, _, p in found] == [number]


@pytest.mark.parametrize("text, found", [
    ("143-KL/TU", ["143-KL/TU"]),                       # at the very start of the text
    ("số 143-KL/TU ngày", ["143-KL/TU"]),
    ("(143-KL/TU)", ["143-KL/TU"]),
    ("x143-KL/TU", []), ("/143-KL/TU", []), (".143-KL/TU", []), ("-143-KL/TU", []),  # inside a word or code
    ("12/2021/QH15 và 5/QĐ-UBND", ["12/2021/QH15", "5/QĐ-UBND"]),
    ("1234567/QĐ-UBND", []),                              # seven digits are no serial
])
def test_a_serial_starts_where_no_word_number_or_code_goes_on(text: str, found: list[str]) -> None:
    assert [n.number for _, _, n in find_numbers(text)] == found


@pytest.mark.parametrize("text, found", [
    ("các Quyết định số 1, 2 và 3/QĐ-UBND về giao đất", ["1/QĐ-UBND", "2/QĐ-UBND", "3/QĐ-UBND"]),
    ("các Kết luận số 140, 141-KL/TU", ["140-KL/TU", "141-KL/TU"]),
    ("Nghị quyết số 5 và 6/2025/NQ-HĐND", ["5/2025/NQ-HĐND", "6/2025/NQ-HĐND"]),
    # no "số" before the list: a count, not serials
    ("đạt 5, 6 và 7/KH-UBND", ["7/KH-UBND"]),
    ("Luật số 5, Nghị định số 12/2024/NĐ-CP", ["12/2024/NĐ-CP"]),
])
def test_serials_listed_before_a_number_share_its_codes(text: str, found: list[str]) -> None:
    got = find_numbers(text)
    assert [p.number for _, _, p in got] == found
    assert all(text[s:e] == p.serial or text[s:e].startswith(p.serial) for s, e, p in got)


@given(st.lists(st.integers(1, 99999), min_size=1, max_size=4), st.sampled_from(["/QĐ-UBND", "-KL/TU", "/2025/NQ-HĐND"]))
@settings(max_examples=50, deadline=None)
def test_any_serial_list_gives_one_number_per_serial(serials: list[int], codes: str) -> None:
    *listed, last = map(str, serials)
    text = "các văn bản số " + (", ".join(listed) + " và " if listed else "") + last + codes
    assert [p.number for _, _, p in find_numbers(text)] == [s + codes for s in map(str, serials)]
