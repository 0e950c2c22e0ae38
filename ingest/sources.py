"""Where articles come from: .txt, .html, .jsonl files, directories (recursive) and stdin.

A reader yields ``RawArticle`` records, or ``SourceError`` for input it cannot use, so one bad
file never stops a run: the caller reports the error (naming the file and the problem) and goes
on with the rest.
"""

from __future__ import annotations

import datetime
import errno
import itertools
import json
import os
import stat
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
    #: what was changed or left out on the way in (a bad date, a cut): warnings, not errors
    notes: list[str] = field(default_factory=list)


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
        kind = _kind(path)
        if kind == "directory":
            yield from _read_directory(path)
        elif kind == "file":
            yield from _guarded(path)
        else:
            yield SourceError(str(path), kind)


def _kind(path: Path) -> str:
    """"file", "directory", or what else the path is, in words for a message: a named pipe,
    a device or a symbolic-link loop is no "no such file" (reading a pipe would block)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back at itself)"
        if path.is_symlink():
            return f"dangling symbolic link (to {os.readlink(path)})"
        if exc.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file: pipe its content to '-' (stdin) instead"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def _read_directory(root: Path) -> Iterator[Item]:
    """Every article file under ``root`` in sorted order; what is neither file nor directory
    (a dangling link, a FIFO, a device) is reported, never skipped in silence. Files of other
    types are left alone: a corpus folder may hold notes and images."""
    for entry in sorted(root.rglob("*")):
        kind = _kind(entry)
        if kind == "file":
            if entry.suffix.lower() in SUFFIXES:
                yield from _guarded(entry)
        elif kind != "directory":
            yield SourceError(str(entry), kind)


def _guarded(path: Path) -> Iterator[Item]:
    """``read_file``, with any failure of a reader (a parser's surprise on a hostile page) kept
    as this file's error: the files after it are still read."""
    try:
        yield from read_file(path)
    except Exception as exc:  # noqa: BLE001 (one file's surprise must not end the run)
        yield SourceError(str(path), f"cannot read ({type(exc).__name__}: {exc}); please report it")


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
    text = _utf8(data, str(path))
    if isinstance(text, SourceError):
        yield text
        return
    if fmt == "html":
        yield _from_html(text, str(path), path=str(path))
    else:
        yield _checked(RawArticle(text=text, source=str(path), path=str(path)))


#: byte-order marks of the encodings a file may be in instead of UTF-8 (longest first)
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"), (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
         (b"\xff\xfe", "UTF-16 (little-endian)"), (b"\xfe\xff", "UTF-16 (big-endian)"))


def _utf8(data: bytes, source: str) -> str | SourceError:
    """The text of a UTF-8 file (a leading BOM dropped), or an error naming the encoding its
    byte-order mark shows, so the user knows what to convert from."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return SourceError(source, f"not UTF-8 text: {name}, by its byte-order mark (convert it to UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return SourceError(source, f"not UTF-8 text (byte {exc.start})")


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
        if n == 1:
            found = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
            if found:
                yield SourceError(source, f"not UTF-8 text: {found}, by its byte-order mark (convert it to UTF-8)")
                return
            if raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield SourceError(f"{source}:{n}", f"not UTF-8 text (byte {exc.start} of the line)")


def _read_stdin() -> Iterator[Item]:
    """stdin: JSON Lines when the first non-blank character opens an object (streamed line by
    line), else one text or HTML page. Read as bytes where it can be, so that a UTF-16 stream
    is named as such instead of failing somewhere in the middle."""
    raw = getattr(sys.stdin, "buffer", None)
    lines = _decoded_lines(raw, "<stdin>") if raw is not None else iter(sys.stdin)
    head: list[str] = []
    for line in lines:
        if isinstance(line, SourceError):
            yield line
            return
        head.append(line)
        if line.strip():
            break
    start = "".join(head).lstrip()
    if start.startswith("{"):
        yield from _read_jsonl(itertools.chain(head, lines), "<stdin>")
        return
    rest = list(lines)
    bad = next((line for line in rest if isinstance(line, SourceError)), None)
    if bad is not None:
        yield SourceError("<stdin>", f"not UTF-8 text ({bad.problem.split('(', 1)[-1].rstrip(')')} at {bad.source})")
        return
    text = "".join(head) + "".join(rest)
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
        except RecursionError:
            yield SourceError(where, "invalid JSON (nested too deep)")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield SourceError(where, "a JSON Lines article needs a string field 'text'")
            continue
        try:
            yield _checked(_record(rec, where))
        except ValueError as exc:
            yield SourceError(where, str(exc))


def _record(rec: dict, where: str) -> RawArticle:
    """A JSON Lines record as a ``RawArticle``. Feeds carry numbers and lists where text is
    expected: a date is taken when unambiguous (``published_date``), else the article is kept
    without one and a note says why; the other optional fields must be strings, or the record
    is refused (a ValueError naming the field, for this record only)."""
    authors = rec.get("authors") or []
    fields = {name: _text_field(rec, name) for name in ("path", "url", "title", "outlet")}
    notes = []
    published = rec.get("published")
    if published in (None, ""):
        published = rec.get("date")
    try:
        published = published_date(published)
    except ValueError as exc:
        notes.append(f"{exc}: stored without a publication date")
        published = None
    return RawArticle(
        text=rec["text"],
        source=where,
        path=fields["path"] or where,
        url=fields["url"],
        title=fields["title"],
        published=published,
        outlet=fields["outlet"],
        authors=[a for a in authors if isinstance(a, str)] if isinstance(authors, list) else [],
        fmt="jsonl",
        notes=notes,
    )


def _text_field(rec: dict, name: str) -> str | None:
    value = rec.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise ValueError(f"field {name!r} must be text, not {type(value).__name__} {json.dumps(value)[:40]}")


#: epoch seconds in this range are dates between 1970-01-01 and 2100-01-01
_EPOCH_RANGE = (0, 4_102_444_800)


def published_date(value: object) -> str | None:
    """A record's publication date as text: ISO strings (and any string) as given; an integer
    ``YYYYMMDD`` (20200101); epoch seconds (1577836800, or a float). Anything else (a list, a
    bool, an integer that is neither) is a ValueError: reported for its record, never a guess."""
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"field 'published' is not a date: {json.dumps(value)[:40]} (use an ISO date text)")
    if isinstance(value, int) and 19000101 <= value <= 21001231:
        text = str(value)
        try:
            return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        except ValueError:
            raise ValueError(f"field 'published' is not a date: {value} (YYYYMMDD with no such day)") from None
    if _EPOCH_RANGE[0] <= value < _EPOCH_RANGE[1] and value >= 100_000_000:
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc).isoformat(timespec="seconds")
    raise ValueError(f"field 'published' is not a date: {value} (use YYYYMMDD, epoch seconds or an ISO date text)")


def _from_html(html: str, source: str, path: str | None = None) -> Item:
    from .html import html_to_article

    try:
        fields = html_to_article(html)
    except ValueError as exc:
        return SourceError(source, str(exc))
    return _checked(RawArticle(source=source, path=path or source, fmt="html", **fields))
