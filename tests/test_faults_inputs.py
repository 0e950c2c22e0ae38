"""The fault matrix, inputs (issue 11): what a hostile feed or a strange file does to a run.

Each case runs the extraction path only (`graph extract`, no store: the store side is in
test_faults_store.py) and asserts the exit code, the message naming the input and the problem,
and that every good article around the bad one still comes out whole.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from cli import app
from ingest import limits as limits_module
from ingest.api import ArticleResult, extract
from ingest.sources import SourceError, published_date

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "000_f19c0833ede52544.txt"
SENTENCE = "Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung đã ký Quyết định số {n}/QĐ-UBND về công tác cán bộ."


def graph(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def lines(result) -> list[dict]:  # noqa: ANN001 (a click Result)
    return [json.loads(line) for line in result.stdout.splitlines()]


def article(n: int) -> str:
    return f"Tin số {n}\n\n" + SENTENCE.format(n=n)


def jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Limits small enough for a small invented article to reach them (set through the
    environment, as a user would)."""
    for name, value in {"MAX_SENTENCE_CHARS": "300", "EVIDENCE_WINDOW": "120", "MAX_FACTS_PER_SENTENCE": "5",
                        "MAX_ARTICLE_CHARS": "20000", "WARN_MIN_CHARS": "5000"}.items():
        monkeypatch.setenv(f"GRAPH_LIMIT_{name}", value)
    limits_module.limits.cache_clear()
    yield
    limits_module.limits.cache_clear()


# -- JSON Lines ---------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    (20200101, "2020-01-01"), (1577836800, "2020-01-01T00:00:00+00:00"), (1577836800.5, "2020-01-01T00:00:00+00:00"),
    ("2020-01-01T07:00:00+07:00", "2020-01-01T07:00:00+07:00"), (None, None), ("", None),
])
def test_unambiguous_dates_are_taken(value: object, expected: str | None) -> None:
    assert published_date(value) == expected


@pytest.mark.parametrize("value", [["2020"], 2021, 20201399, True, {"y": 2020}, 1577836800000, -5])
def test_ambiguous_dates_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="'published' is not a date"):
        published_date(value)


def test_one_record_with_a_strange_date_never_stops_the_feed(tmp_path: Path) -> None:
    feed = jsonl(tmp_path / "feed.jsonl", [
        {"text": article(1), "published": 20200101},
        {"text": article(2), "published": ["2020"]},
        {"text": article(3), "date": 2021},
        {"text": article(4), "date": 1577836800},
        {"text": article(5), "published": "2020-03-04"},
    ])
    result = graph("extract", str(feed))
    assert result.exit_code == 0, result.output
    got = [(r["article"]["source"].rsplit(":", 1)[1], r["article"]["published"]) for r in lines(result)]
    assert got == [("1", "2020-01-01"), ("2", None), ("3", None), ("4", "2020-01-01"), ("5", "2020-03-04")]
    assert f"{feed}:2: field 'published' is not a date: [\"2020\"]" in result.output
    assert f"{feed}:3: field 'published' is not a date: 2021" in result.output
    assert all(any(e["type"] == "SIGNED" for e in r["edges"]) for r in lines(result))  # every article whole


@pytest.mark.parametrize("record, problem", [
    ('{"text": "x"', "invalid JSON"),
    ("[1, 2]", "needs a string field 'text'"),
    ('{"text": 5}', "needs a string field 'text'"),
    ('{"body": "no text field"}', "needs a string field 'text'"),
    ('{"text": "Một bài.", "title": 42}', "field 'title' must be text, not int 42"),
    ('{"text": "Một bài.", "url": ["a"]}', "field 'url' must be text"),
    ('{"text": "   "}', "empty article"),
    ("[" * 100_000 + "]" * 100_000, "invalid JSON (nested too deep)"),
])
def test_a_bad_record_is_named_by_line_and_the_rest_load(tmp_path: Path, record: str, problem: str) -> None:
    feed = jsonl(tmp_path / "feed.jsonl", [{"text": article(1)}, record, {"text": article(3)}])
    result = graph("extract", str(feed))
    assert result.exit_code == 2  # an input failed: scripts see it
    assert f"{feed}:2: " in result.output and problem in result.output
    assert [r["article"]["source"] for r in lines(result)] == [f"{feed}:1", f"{feed}:3"]


def test_any_exception_while_cleaning_stays_with_its_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.api

    real = ingest.api.clean

    def brittle(raw):  # noqa: ANN001, ANN202
        if "Tin số 2" in raw.text:
            raise TypeError("an unforeseen field type")
        return real(raw)

    monkeypatch.setattr(ingest.api, "clean", brittle)
    feed = jsonl(tmp_path / "feed.jsonl", [{"text": article(n)} for n in (1, 2, 3)])
    items = list(extract([str(feed)]))
    assert [type(i).__name__ for i in items] == ["ArticleResult", "SourceError", "ArticleResult"]
    assert "cannot clean (TypeError: an unforeseen field type)" in str(items[1])


# -- files: encodings, kinds, directories -------------------------------------------------------
@pytest.mark.parametrize("data, problem", [
    ("Tin số 1".encode("utf-16"), "not UTF-8 text: UTF-16 (little-endian), by its byte-order mark"),
    (b"\xfe\xff" + "Tin".encode("utf-16-be"), "not UTF-8 text: UTF-16 (big-endian), by its byte-order mark"),
    ("Tin số 1".encode("utf-32"), "not UTF-8 text: UTF-32 (little-endian), by its byte-order mark"),
    ("Tin số 1".encode("cp1258", errors="replace") + b"\xe0\xe1", "not UTF-8 text (byte"),
    (b"", "empty article"),
    (b"\n \n\t\n", "empty article"),
])
def test_undecodable_or_empty_files_are_named(tmp_path: Path, data: bytes, problem: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    result = graph("extract", str(bad), str(EXAMPLE))
    assert result.exit_code == 2
    assert f"{bad}: {problem}" in result.output
    assert len(lines(result)) == 1  # the good file after it


def test_a_utf16_jsonl_file_names_its_encoding(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(json.dumps({"text": article(1)}).encode("utf-16"))
    result = graph("extract", str(feed))
    assert result.exit_code == 2 and "UTF-16 (little-endian), by its byte-order mark" in result.output


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + article(1).encode("utf-8"))
    result = graph("extract", str(f))
    assert result.exit_code == 0 and lines(result)[0]["article"]["title"] == "Tin số 1"


def test_special_files_given_by_name_say_what_they_are(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    result = graph("extract", str(fifo), "/dev/null", str(loop), str(dangling), str(tmp_path / "missing.txt"), str(EXAMPLE))
    assert result.exit_code == 2
    out = result.output
    assert f"{fifo}: a named pipe (FIFO), not a file" in out
    assert "/dev/null: a device, not a file" in out
    assert f"{loop}: symbolic link loop" in out
    assert f"{dangling}: dangling symbolic link (to {tmp_path / 'nowhere.txt'})" in out
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in out
    assert len(lines(result)) == 1


def test_inside_a_directory_dangling_links_and_fifos_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article(1), encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # another kind of file: left alone, as before
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").symlink_to(tmp_path / "deleted.txt")
    result = graph("extract", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'b.txt'}: a named pipe (FIFO)" in result.output
    assert f"{tmp_path / 'c.txt'}: dangling symbolic link" in result.output
    assert "notes.pdf" not in result.output
    assert [r["article"]["title"] for r in lines(result)] == ["Tin số 1"]


def test_unsupported_file_type_given_by_name(tmp_path: Path) -> None:
    f = tmp_path / "a.pdf"
    f.write_bytes(b"%PDF-1.4")
    result = graph("extract", str(f))
    assert result.exit_code == 2 and "unsupported file type '.pdf'" in result.output


# -- HTML ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("page, problem", [
    ("<html><body><script>var a = 1;</script><nav>Trang chủ</nav></body></html>", "no visible text"),
    ("<html><head><title>Chỉ có tiêu đề</title></head></html>", ""),
    ("", "no visible text"),
])
def test_html_without_a_story(tmp_path: Path, page: str, problem: str) -> None:
    f = tmp_path / "p.html"
    f.write_text(page, encoding="utf-8")
    result = graph("extract", str(f), str(EXAMPLE))
    assert result.exit_code == 2 and f"{f}: {problem}" in result.output
    assert len(lines(result)) == 1


def test_html_scripts_and_comments_never_become_text(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    f.write_text("<html><body><article><p>" + SENTENCE.format(n=7) + "</p><script>Nguyễn Văn Script ký</script>"
                 "<!-- Trần Văn Ẩn --></article></body></html>", encoding="utf-8")
    result = graph("extract", str(f))
    assert result.exit_code == 0
    names = {n.get("name") for n in lines(result)[0]["nodes"]}
    assert "Nguyễn Đức Trung" in names and not {"Nguyễn Văn Script", "Trần Văn Ẩn"} & names


# -- hostile text -------------------------------------------------------------------------------
@pytest.mark.parametrize("junk", ["\x00", "\x1b[2J\x1b[31m", "\u202e", "\ufeff\u200b", "\ud7ff\uffff", "[red]x[/red]"])
def test_control_and_odd_characters_do_not_break_extraction(tmp_path: Path, junk: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"Tin {junk} số 1\n\n{junk}" + SENTENCE.format(n=9), encoding="utf-8")
    result = graph("extract", str(f))
    assert result.exit_code == 0, result.output
    edges = lines(result)[0]["edges"]
    assert any(e["type"] == "SIGNED" for e in edges)
    assert not any(c in json.dumps(lines(result), ensure_ascii=False) for c in "\x00\x1b")  # junk is not kept
    for e in edges:  # offsets still point at the evidence
        for ev in e.get("evidence", []):
            assert ev["end"] - ev["start"] == len(ev["sentence"])


def test_a_line_without_breaks_of_a_megabyte_is_cut_not_fatal(tmp_path: Path, small_limits: None) -> None:
    f = tmp_path / "one-line.txt"
    f.write_text(SENTENCE.format(n=1) + " " + "lorem ipsum " * 100_000, encoding="utf-8")  # 1.2 M characters
    result = graph("extract", str(f))
    assert result.exit_code == 0, result.output
    assert "E088" not in result.output
    assert f"{f}: article of 1,200,0" in result.output and "cut to its first" in result.output
    assert any(e["type"] == "SIGNED" for e in lines(result)[0]["edges"])


# -- limits ---------------------------------------------------------------------------------------
def names(n: int) -> list[str]:
    parts = (["Nguyễn", "Trần", "Lê", "Phạm"], ["Văn", "Đức", "Minh"], ["An", "Bình", "Chung", "Dũng", "Giang", "Hải"])
    return [" ".join(p) for p in itertools.islice(itertools.product(*parts), n)]


def test_a_list_of_names_is_bounded_and_the_cut_reported(tmp_path: Path, small_limits: None) -> None:
    listing = "Danh sách gồm: " + ", ".join(f"Phó Chủ tịch UBND tỉnh Nghệ An {n}" for n in names(40)) + "."
    (tmp_path / "a.txt").write_text("Danh sách\n\n" + listing, encoding="utf-8")
    (tmp_path / "b.txt").write_text(article(2), encoding="utf-8")
    result = graph("extract", str(tmp_path))
    assert result.exit_code == 0, result.output
    big, small = lines(result)
    holds = [e for e in big["edges"] if e["type"] == "HOLDS"]
    assert len(holds) == 5
    assert f"{tmp_path / 'a.txt'}: sentence at characters" in result.output and "states 40 facts: kept the first 5" in result.output
    assert f"{tmp_path / 'a.txt'}: 1 sentence(s) over 300 characters" in result.output
    text_len = len(listing)
    for e in big["edges"]:
        for ev in e["evidence"]:
            assert len(ev["sentence"]) < 200 < text_len  # a window, not the whole sentence
    mentioned = {n["name"] for n in big["nodes"] if n["label"] == "Person"}
    assert len(mentioned) == 40  # names are kept as mentions; only facts are capped
    assert any(e["type"] == "SIGNED" for e in small["edges"]) and "b.txt" not in result.stderr


def test_a_feed_taken_as_one_article_warns_that_cleaning_dropped_most_of_it(tmp_path: Path, small_limits: None) -> None:
    one = article(1) + "\n\nTin liên quan\n\n"
    f = tmp_path / "dump.txt"
    f.write_text(one + "\n\n".join(article(n) for n in range(2, 200)), encoding="utf-8")
    result = graph("extract", str(f))
    assert result.exit_code == 0
    assert f"{f}: cleaning kept" in result.output and "is this one article?" in result.output


@pytest.mark.parametrize("env, message", [
    ({"GRAPH_LIMIT_MAX_ARTICLE_CHARS": "2000000"}, "is over 1,000,000"),
    ({"GRAPH_LIMIT_EVIDENCE_WINDOW": "0"}, "GRAPH_LIMIT_EVIDENCE_WINDOW='0' must be a whole number of 1 or more"),
    ({"GRAPH_LIMIT_WARN_KEPT_SHARE": "2"}, "must be a number between 0 and 1"),
])
def test_bad_limits_are_one_line_exit_2(env: dict[str, str], message: str) -> None:
    limits_module.limits.cache_clear()
    try:
        result = graph("extract", str(EXAMPLE), env=env)
    finally:
        limits_module.limits.cache_clear()
    assert result.exit_code == 2 and message in result.output
    assert len(result.output.strip().splitlines()) == 1 and not result.stdout


# -- exit codes scripts can trust --------------------------------------------------------------
def test_a_closed_pipe_is_a_normal_end(tmp_path: Path) -> None:
    feed = jsonl(tmp_path / "feed.jsonl", [{"text": article(n)} for n in range(300)])
    run = subprocess.run(
        f"set -o pipefail; '{sys.executable}' -m cli extract '{feed}' | head -1", shell=True, capture_output=True,
        text=True, cwd=REPO, timeout=120, executable="/bin/bash",
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["article"]["title"] == "Tin số 0"
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr


def test_an_output_file_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir.jsonl"
    result = graph("extract", str(EXAMPLE), "-o", str(target))
    assert result.exit_code == 2
    assert result.output.strip() == f"error: cannot write {target}: No such file or directory"


def test_a_reader_that_breaks_on_one_file_reports_it_and_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.html

    def fragile(html: str) -> dict:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(ingest.html, "html_to_article", fragile)
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(article(2), encoding="utf-8")
    result = graph("extract", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'a.html'}: cannot read (RecursionError: maximum recursion depth exceeded)" in result.output
    assert [r["article"]["title"] for r in lines(result)] == ["Tin số 2"]


@pytest.mark.parametrize("data, problem", [
    ("Tin số 1".encode("utf-16"), "<stdin>: not UTF-8 text: UTF-16 (little-endian), by its byte-order mark"),
    (b"Tin\n\xff\xfe ok\n", "<stdin>: not UTF-8 text (byte 0 of the line at <stdin>:2)"),
    (json.dumps({"text": article(1)}).encode() + b"\n{broken\n", "<stdin>:2: invalid JSON"),
])
def test_stdin_faults_are_named(data: bytes, problem: str) -> None:
    result = CliRunner().invoke(app, ["extract", "-"], input=data)
    assert result.exit_code == 2 and problem in result.output
