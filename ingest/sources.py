"""Where articles come from: .txt, .html, .jsonl files, directories (recursive) and stdin.

A reader yields ``RawArticle`` records, or ``SourceError`` for input it cannot use, so one bad
file never stops a run: the caller reports the error (naming the file and the problem) and goes
on with the rest.
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Union

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass
class RawArticle:
    """An article as read, before cleaning. ``source`` names where it came from for messages."""

    text: str
    source: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    fmt: str = "txt"


@dataclass
class SourceError:
    """Input that could not be read; ``source`` names the file (and line), ``problem`` says why."""

    source: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"


Item = Union[RawArticle, SourceError]


def read_sources(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every article under ``paths`` in a stable order (directories sorted, recursive)."""
    for p in paths:
        if str(p) == "-":
            yield from _read_stdin()
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            for f in files:
                yield from read_file(f)
        elif path.is_file():
            yield from read_file(path)
        else:
            yield SourceError(str(path), "no such file or directory")


def read_file(path: Path) -> Iterator[Item]:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        yield SourceError(str(path), f"unsupported file type {path.suffix or '(none)'!r} (use .txt, .html or .jsonl)")
        return
    if fmt == "jsonl":
        yield from _read_jsonl_file(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield SourceError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield SourceError(str(path), f"not UTF-8 text (byte {exc.start})")
        return
    if fmt == "html":
        yield _from_html(text, str(path), path=str(path))
    else:
        yield _checked(RawArticle(text=text, source=str(path), path=str(path)))


def _checked(raw: RawArticle) -> Item:
    if not raw.text.strip():
        return SourceError(raw.source, "empty article (no text)")
    return raw


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    """A JSON Lines file one line at a time: a corpus file may be larger than memory (bench/)."""
    try:
        f = path.open("rb")
    except OSError as exc:
        yield SourceError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with f:
        lines = _decoded_lines(f, str(path))
        yield from _read_jsonl(lines, str(path))


def _decoded_lines(f: Iterable[bytes], source: str) -> Iterator[str | SourceError]:
    """UTF-8 lines (a leading BOM dropped); a line that is not UTF-8 becomes an error."""
    for n, raw in enumerate(f, 1):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield SourceError(f"{source}:{n}", f"not UTF-8 text (byte {exc.start} of the line)")


def _read_stdin() -> Iterator[Item]:
    """stdin: JSON Lines when the first non-blank character opens an object (streamed line by
    line), else one text or HTML page."""
    head: list[str] = []
    for line in sys.stdin:
        head.append(line)
        if line.strip():
            break
    start = "".join(head).lstrip()
    if start.startswith("{"):
        yield from _read_jsonl(itertools.chain(head, sys.stdin), "<stdin>")
        return
    text = "".join(head) + sys.stdin.read()
    if start.startswith("<"):
        yield _from_html(text, "<stdin>")
    else:
        yield _checked(RawArticle(text=text, source="<stdin>"))


def _read_jsonl(lines: Iterable[str | SourceError], source: str) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        if isinstance(line, SourceError):
            yield line
            continue
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield SourceError(where, "a JSON Lines article needs a string field 'text'")
            continue
        authors = rec.get("authors") or []
        yield _checked(
            RawArticle(
                text=rec["text"],
                source=where,
                path=rec.get("path") or where,
                url=rec.get("url"),
                title=rec.get("title"),
                published=rec.get("published") or rec.get("date"),
                outlet=rec.get("outlet"),
                authors=[a for a in authors if isinstance(a, str)] if isinstance(authors, list) else [],
                fmt="jsonl",
            )
        )


def _from_html(html: str, source: str, path: str | None = None) -> Item:
    from .html import html_to_article

    try:
        fields = html_to_article(html)
    except ValueError as exc:
        return SourceError(source, str(exc))
    return _checked(RawArticle(source=source, path=path or source, fmt="html", **fields))
