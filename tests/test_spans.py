"""The coverage mask answers exactly what a scan over every span answers (it replaced such
scans, which made an article listing thousands of names quadratic)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ingest.spans import Covered

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@given(spans, st.integers(-5, 90))
def test_covered_is_the_scan_over_spans(found: list[tuple[int, int]], pos: int) -> None:
    mask = Covered(80, found)
    inside = any(s <= pos < e for s, e in found) and 0 <= pos < 80
    assert (pos in mask) == inside


def test_spans_added_later_count() -> None:
    mask = Covered(10, [(0, 2)])
    assert 5 not in mask
    mask.add(4, 6)
    assert 5 in mask and 6 not in mask
