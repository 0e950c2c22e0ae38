"""Reading and cleaning articles: formats, furniture, credits, dates, and bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ingest.api import articles
from ingest.clean import Article, clean
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
