"""Reading and cleaning articles: formats, furniture, credits, dates, and bad input."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.api import articles
from ingest.clean import Article, clean
from ingest.normalize import collapse, key, match_text, nfc
from ingest.sources import RawArticle, SourceError, read_sources

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def one(paths: list[str]) -> Article:
    items = list(articles(paths))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_txt_title_furniture_and_byline() -> None:
    a = one([str(EXAMPLES / "001_c872be74d7b7b5f5.txt")])
    assert a.title == "Hà Nội quyết liệt đổi mới công tác chỉ đạo, điều hành"
    assert "Dòng sự kiện" not in a.text and "Tăng tương phản" not in a.text
    assert "Bài viết liên quan" not in a.text and "Click để đánh giá" not in a.text
    assert a.published == "2023-11-24"  # "ngày 23 và 24/11/2023"


def test_outlet_and_trailing_byline() -> None:
    a = one([str(EXAMPLES / "000_f19c0833ede52544.txt")])
    assert a.outlet == "Chinhphu.vn"
    assert a.authors == ["Việt Hà"] and not a.text.rstrip().endswith("Việt Hà")


def test_timestamp_line_and_top_byline() -> None:
    a = one([str(EXAMPLES / "002_6a2e0ee8ea23870a.txt")])
    assert a.published == "2021-03-31" and a.outlet == "Kinhtedothi" and a.authors == ["Trần Long"]


def test_same_text_twice_is_one_article_id(tmp_path: Path) -> None:
    text = (EXAMPLES / "000_f19c0833ede52544.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    import unicodedata

    (tmp_path / "b.txt").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    ids = {a.id for a in articles([str(tmp_path)])}
    assert len(ids) == 1


def test_html_visible_text_only(tmp_path: Path) -> None:
    page = """<html><head><title>Trang</title><meta property="og:title" content="Tin nhân sự">
    <link rel="canonical" href="https://example.org/tin-1"><meta property="article:published_time" content="2024-05-02T08:00:00+07:00">
    <script>var x = "Nguyễn Văn Script";</script></head><body><nav>Trang chủ | Thời sự</nav>
    <article><h1>Bổ nhiệm Giám đốc Sở Y tế</h1><p>Chủ tịch UBND tỉnh Nghệ An <b>Nguyễn Đức Trung</b> đã ký
    Quyết định số 12/QĐ-UBND.</p><aside>Tin khác: quảng cáo</aside></article><footer>© Báo</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    a = one([str(tmp_path / "p.html")])
    assert a.title == "Bổ nhiệm Giám đốc Sở Y tế" and a.url == "https://example.org/tin-1"
    assert a.published == "2024-05-02"
    assert "Nguyễn Đức Trung đã ký" in " ".join(a.text.split())
    assert "Script" not in a.text and "Trang chủ" not in a.text and "quảng cáo" not in a.text


def test_jsonl_metadata_and_bad_lines(tmp_path: Path) -> None:
    good = {"text": "Bí thư Tỉnh ủy Nghệ An Nguyễn Đắc Vinh chủ trì hội nghị.", "url": "https://x/1", "published": "2019-05-01", "outlet": "VOV"}
    lines = [json.dumps(good, ensure_ascii=False), "{not json", json.dumps({"title": "no text"}), ""]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(articles([str(tmp_path / "a.jsonl")]))
    assert isinstance(items[0], Article) and items[0].url == "https://x/1" and items[0].published == "2019-05-01"
    errors = [i for i in items if isinstance(i, SourceError)]
    assert [e.source for e in errors] == [f"{tmp_path / 'a.jsonl'}:2", f"{tmp_path / 'a.jsonl'}:3"]
    assert "invalid JSON" in errors[0].problem and "'text'" in errors[1].problem


def test_bad_inputs_name_the_file_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Chủ tịch".encode("utf-16"))
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung phát biểu.", encoding="utf-8")
    items = list(read_sources([str(tmp_path), str(tmp_path / "missing.txt")]))
    problems = {Path(i.source).name: i.problem for i in items if isinstance(i, SourceError)}
    assert "not UTF-8" in problems["latin1.txt"]
    assert "empty" in problems["empty.txt"]
    assert "no such file" in problems["missing.txt"]
    assert [Path(i.path).name for i in items if isinstance(i, RawArticle)] == ["ok.txt"]


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Giám đốc Sở Y tế Hà Nội Trần Thị Nhị Hà phát biểu."))
    a = one(["-"])
    assert a.source == "<stdin>"


def test_related_news_tail_removed() -> None:
    a = clean(RawArticle(text="Đoạn một về Thành ủy.\n\nTin khác\n\nChủ tịch UBND TP Hà Nội Vũ Đại Thắng ...", source="t"))
    assert a.text == "Đoạn một về Thành ủy."


def test_a_page_of_furniture_and_bylines_only_is_an_error_not_an_empty_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Dòng sự kiện\nChia sẻ Zalo\n\nViệt Hà\n", encoding="utf-8")
    (item,) = list(articles([str(tmp_path / "a.txt")]))
    assert isinstance(item, SourceError) and "no article text left" in item.problem


def test_cleaning_keeps_nothing_of_an_article_once_it_is_dropped() -> None:
    """A loading process cleans every article of the corpus: what cleaning remembers must not
    grow with it (issue 13: each body was kept in a name cache, ~20 MB per 1,000 articles)."""
    import gc
    import tracemalloc

    body = "Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch số {i}/KH-UBND về chuyển đổi số. " * 40
    clean(RawArticle(text=body.format(i=0), source="warm"))  # the vocabulary and caches of a first call
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(1, 101):
        clean(RawArticle(text=body.format(i=i), source=f"a{i}"))
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert kept < 100 * len(body) // 10, f"{kept} bytes kept after cleaning 100 articles of {len(body)} characters"


# -- cleaning's shortcuts against the plain definitions ------------------------------------------
# Cleaning normalises each line once (``_LineForms``) and tests single characters before scans;
# the text below mixes what its rules look for (furniture, tail markers, stamps, credits, bylines,
# outlets) with the characters that normalisation rewrites.
ODD = "\u00a0\u2009\u3000\t\u1680\u2028\x0b\x85\u200b\u00ad\u2013\u0301\u0309\x1b\x07"
WORDS = ["Dòng sự kiện", "Chia sẻ Zalo", "A- A A+ | Tăng tương phản", "Tin liên quan", "Xem thêm:", "Việt Hà",
         "(Ngọc Hải ghi)", "Ảnh: Thanh Hải", "(Ảnh: TTXVN)", "TTXVN", "24/11/2023 08:30", "Kinhtedothi -", "ngày 23/11/2023,",
         "ngày 5 tháng 3 năm 2020", "Chủ tịch", "Uỷ ban", "hoà", "quả", "Thuỷ", "ông", "Nguyễn Văn An", "  ", "(", ")", ".", "\n"]
LINES = st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet="aàhoỷuýqAĐH ()/:0" + ODD, max_size=4)), max_size=8).map(" ".join)
ARTICLES = st.lists(st.one_of(LINES, st.just("")), min_size=1, max_size=14).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(ARTICLES, st.data())
def test_line_forms_equal_normalising_each_text(text: str, data: st.DataObject) -> None:
    from ingest.clean import _UNUSUAL, _folded, _LineForms

    forms = _LineForms(text)
    for line, matching, low in zip(forms.lines, forms.matchings, forms.foldings):
        assert (matching, low) == (match_text(line), _folded(match_text(line)))
    composed = nfc(text)
    if not _UNUSUAL.search(composed):  # what ``clean`` finds in most texts: the short way
        usual = _LineForms(composed, usual=True)
        matchings = match_text(composed).split("\n")
        assert (usual.matchings, usual.foldings) == (matchings, [_folded(m) for m in matchings])
    lines = text.split("\n")
    body = "\n".join(data.draw(st.lists(st.sampled_from(lines))))
    cut = data.draw(st.integers(0, len(body)))
    for part in (text, body, body[:cut], body[:cut].rstrip()):  # a body of its lines, cut anywhere
        assert forms.matching_text(part) == match_text(part)
        assert forms.folded_text(part.split("\n")) == collapse(match_text(part)).casefold()
        assert "".join(c.casefold() for c in part) == part.casefold()  # folding goes character by character


def test_what_cleaning_rewrites_is_all_unusual() -> None:
    """A text in which ``_UNUSUAL`` finds nothing skips the control, carriage-return and
    whitespace steps and ``match_text``'s rewriting: each character they act on must be in it."""
    from graph.keys import _DASHES, _SPACES, _ZERO_WIDTH
    from ingest.clean import _CONTROLS, _UNUSUAL

    for c in map(chr, range(sys.maxunicode + 1)):
        acted_on = (c.isspace() and c not in " \n") or c in "\r\x1b" or any(
            p.match(c) for p in (_CONTROLS, _ZERO_WIDTH, _SPACES, _DASHES))
        if acted_on:
            assert _UNUSUAL.match(c), repr(c)


def test_odd_whitespace_is_either_tested_or_made_a_space() -> None:
    """``_LineForms`` collapses lines by stripping them unless it finds one of
    ``_KEPT_ODD_SPACES``: every other whitespace character must be one ``match_text`` rewrites."""
    from ingest.clean import _KEPT_ODD_SPACES

    for c in map(chr, range(sys.maxunicode + 1)):
        if c.isspace() and c not in " \n" and c not in _KEPT_ODD_SPACES:
            assert match_text(c) == " ", repr(c)


def _byline_as_it_was(line: str) -> bool:
    """``_is_byline`` before it read the line's known matching form: the stripped line, normalised."""
    from ingest.clean import _BYLINE, _not_byline_words, places

    s = collapse(match_text(line)).strip("()")
    if not _BYLINE.match(s) or key(s) in places():
        return False
    first = s.split()[0]
    honorifics, title_words = _not_byline_words()
    return first.casefold() not in honorifics and first not in title_words


GAPS = st.sampled_from([" ", "  ", "\u00a0", "\u200b ", "\t"])
NAME_WORDS = st.lists(st.sampled_from(["Việt", "Hà", "Thuỷ", "Ngọc", "Nội", "PV", "ông", "Chủ", "(", ")", "(Hà", "Hà)"]), max_size=6)
#: two to four names (a byline) or not, in parentheses or not, between all kinds of spaces
NAMES = NAME_WORDS.flatmap(lambda words: st.lists(GAPS, min_size=len(words) + 1, max_size=len(words) + 1).map(
    lambda gaps: "".join(g + w for g, w in zip(gaps, words + [""]))))


@settings(max_examples=300, deadline=None)
@given(st.one_of(NAMES, LINES))
@example(" Việt\u00a0Hà Thuỷ  Ngọc ")
@example("(Việt Hà Thuỷ Ngọc)")
@example("Việt Hà Thuỷ Ngọc Hà")
@example("( Việt Hà)")
def test_byline_check_on_the_matching_form_as_on_the_line(line: str) -> None:
    from ingest.clean import _is_byline

    assert _is_byline(match_text(line)) == _byline_as_it_was(line.strip())


def _credits_as_they_were(line: str) -> tuple[str, list[str]]:
    """``_strip_credits`` before it reused the line's matching form: normalised for each search."""
    from ingest.clean import _CREDIT_GHI, _CREDIT_PHOTO

    if "ghi)" not in line and "Ảnh" not in line:
        return line, []
    names: list[str] = []
    for pattern in (_CREDIT_GHI, _CREDIT_PHOTO):
        out, last = [], 0
        for m in pattern.finditer(match_text(line)):
            names.append(collapse(line[m.start(1) : m.end(1)]))
            out.append(line[last : m.start()])
            last = m.end()
        out.append(line[last:])
        line = "".join(out).rstrip() if last else line
    return line, names


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_credits_cut_as_before(line: str) -> None:
    from ingest.clean import _LineForms, _strip_credits

    line = nfc(line)  # as cleaning's lines are
    assert _strip_credits(line, _LineForms(line)) == _credits_as_they_were(line)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\x1b[]0;m\x07\\c\x00\x9f", max_size=30))
def test_controls_removed_as_before(text: str) -> None:
    from ingest.clean import _ANSI, _CONTROLS, without_controls

    assert without_controls(text) == _CONTROLS.sub(" ", _ANSI.sub("", text))


@pytest.mark.parametrize("limit", [None, "80"])
def test_article_id_is_the_key_of_its_text(limit: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The id is the hash of the body's key (``collapse(match_text(body)).casefold()``), which
    cleaning makes from the lines' folded forms: of the lines kept, or of the body's lines when
    ``max_article_chars`` cut it (``limit``)."""
    from ingest import limits

    if limit:
        monkeypatch.setenv("GRAPH_LIMIT_MAX_ARTICLE_CHARS", limit)
    limits.limits.cache_clear()

    @settings(max_examples=150, deadline=None)
    @given(ARTICLES)
    def check(text: str) -> None:
        try:
            a = clean(RawArticle(text=text, source="t"))
        except ValueError:  # nothing left once furniture is out
            return
        assert a.id == hashlib.sha1(collapse(match_text(a.text)).casefold().encode("utf-8")).hexdigest()[:16]

    try:
        check()
    finally:
        limits.limits.cache_clear()


#: ``_DAY_RANGE`` as it was, one pattern with what must precede the date
DAY_RANGE_AS_IT_WAS = re.compile(
    r"(?:^|[.,:]\s*)(?<!từ )ngày\s+(?:\d{1,2}\s*(?:và|,|-)\s*)?(\d{1,2})/(\d{1,2})/(\d{4})(?!\s*(?:của|,\s*của))",
    re.I | re.M,
)
DATE_CLAUSE = st.tuples(
    st.sampled_from(["", "x", ".", ",", ":", ";", "từ", "TỪ", "nêu rõ,"]), st.sampled_from(["", " ", "\n", " \n ", "\t", "  "]),
    st.sampled_from(["ngày", "Ngày", "NGÀY", "tháng"]), st.sampled_from([" ", "  ", "\n", ""]),
    st.sampled_from(["", "23 và ", "23, ", "23-", "5 - "]), st.sampled_from(["24/11/2023", "1/2/2024", "24/11", "3 tháng 4 năm 2020"]),
    st.sampled_from(["", " của", ", của", ",", "."]),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(DATE_CLAUSE, min_size=1, max_size=4).map(" ".join))
@example("Kết luận nêu rõ, ngày 23 và 24/11/2023, Bộ Chính trị")
@example("từ ngày 1/1/2024.\nngày 2/2/2024 của Bộ. Ngày 3/3/2023, họp")
def test_day_range_found_as_before(head: str) -> None:
    from ingest.clean import _day_range

    found, before = _day_range(head), DAY_RANGE_AS_IT_WAS.search(head)
    assert (found and found.groups()) == (before and before.groups())


OUTLET_LINES = st.lists(st.one_of(st.sampled_from(["Kinhtedothi - Sáng nay", "(Chinhphu.vn) – Chiều", "VOV: Hôm qua", "TTXVN —",
                                                    "Thanh tra", "Dân trí", " (PLO) -", "VTV\u2013 tin", ""]), LINES), max_size=12)


@settings(max_examples=300, deadline=None)
@given(OUTLET_LINES.map("\n".join))
def test_outlet_found_as_before(text: str) -> None:
    from ingest.clean import _LineForms, _outlet, _outlets

    pattern, names = _outlets()
    before = next((m for m in map(pattern.match, match_text(text[:1500]).split("\n")[:10]) if m), None)
    assert _outlet(text, _LineForms(text)) == (names[int(before.lastgroup[1:])] if before else None)
