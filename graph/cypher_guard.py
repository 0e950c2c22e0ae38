"""What `graph cypher` lets a statement touch beyond the graph: nothing, unless asked.

A read-only statement cannot change the graph (the stores refuse writes), but Cypher can also
read the machine: ``LOAD CSV FROM 'file:///etc/passwd'`` returned the file's lines, on the
embedded store and over Bolt alike, and APOC procedures read and write files and URLs. So a
statement that loads CSV or calls such a procedure is refused unless ``--allow-files DIR`` is
given, and then only ``LOAD CSV`` from a literal ``file:`` URL inside DIR is let through.

The check reads the statement's tokens with string literals and comments taken out, so a
name that merely contains the words ("... WHERE n.note = 'load csv'") is not refused.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

#: procedure name prefixes that read or write files or URLs (APOC's loaders and exporters...)
FILE_PROCEDURES = ("apoc.load.", "apoc.import.", "apoc.export.", "apoc.cypher.runfile", "apoc.cypher.runschemafile",
                   "apoc.log.")

_TOKENS = re.compile(
    r"""(?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    r"|(?P<comment>//[^\n]*|/\*.*?\*/)"
    r"|(?P<name>`[^`]*`|[A-Za-z_][\w$]*)"
    r"|(?P<other>\S)",
    re.S,
)


class FileAccessRefused(ValueError):
    """The statement would read or write files or URLs (CLI exit code 2)."""


def _tokens(statement: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKENS.finditer(statement) if m.lastgroup != "comment"]


def check_file_access(statement: str, allow_dir: str | os.PathLike[str] | None = None) -> None:
    """Refuse a statement that loads CSV or calls a file procedure (``FileAccessRefused``),
    unless ``allow_dir`` is given and every ``LOAD CSV`` reads a literal file URL inside it."""
    tokens = _tokens(statement)
    words = [(kind, value.strip("`").lower() if kind == "name" else value) for kind, value in tokens]
    for i, (kind, word) in enumerate(words):
        if kind != "name":
            continue
        if word == "load" and i + 1 < len(words) and words[i + 1] == ("name", "csv"):
            _check_load_csv(words[i + 2 :], allow_dir)
        elif i == 0 or words[i - 1] != ("other", "."):  # a name's first part: CALL x.y() or RETURN x.y()
            name = _dotted(words[i:])
            if name.startswith(FILE_PROCEDURES):
                raise FileAccessRefused(f"refused: procedure {name} reads or writes files or URLs")


def _dotted(words: list[tuple[str, str]]) -> str:
    """The procedure name after CALL ("apoc.load.json")."""
    parts = []
    for kind, word in words:
        if kind == "name" or word == ".":
            parts.append(word)
        else:
            break
    return "".join(parts)


def _check_load_csv(rest: list[tuple[str, str]], allow_dir: str | os.PathLike[str] | None) -> None:
    if allow_dir is None:
        raise FileAccessRefused("refused: LOAD CSV reads files or URLs (give --allow-files DIR to read CSV files in DIR)")
    # LOAD CSV [WITH HEADERS] FROM <url>
    i = 0
    while i < len(rest) and rest[i] != ("name", "from"):
        i += 1
    url = rest[i + 1] if i + 1 < len(rest) else ("other", "")
    if url[0] != "string":
        raise FileAccessRefused("refused: with --allow-files, LOAD CSV must read a literal 'file:///...' URL")
    parsed = urlparse(url[1][1:-1])
    if parsed.scheme != "file":
        raise FileAccessRefused(f"refused: LOAD CSV from {url[1]}: only file: URLs inside --allow-files are allowed")
    root = Path(allow_dir).resolve()
    target = Path(unquote(parsed.path)).resolve()
    if not target.is_relative_to(root):
        raise FileAccessRefused(f"refused: LOAD CSV from {url[1]}: outside the --allow-files folder {root}")
