"""The fault matrix, pure parts (issue 11): the Cypher file guard's reading of a statement,
and what the terminal is shown of corpus text."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.cypher_guard import FileAccessRefused, check_file_access
from graph.terminal import json_safe, printable


@pytest.mark.parametrize("statement", [
    "MATCH (n) WHERE n.note = 'LOAD CSV FROM file' RETURN n",
    'MATCH (n) WHERE n.note = "CALL apoc.load.json(x)" RETURN n',
    "RETURN 1 // LOAD CSV FROM 'file:///etc/passwd'",
    "RETURN 1 /* CALL apoc.export.csv.all('/tmp/x', {}) */",
    "MATCH (apoc) RETURN apoc.load",
    "MATCH (n:Person) RETURN n.name AS load, n.key AS csv",
])
def test_what_only_looks_like_file_access_passes(statement: str) -> None:
    check_file_access(statement)


@pytest.mark.parametrize("statement", [
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "load\ncsv with headers from $u as r return r",
    "CALL `apoc`.load.csv('x')",
    "RETURN apoc.cypher.runFile('x.cypher')",
    "MATCH (n) CALL apoc.export.json.all('/tmp/out.json', {}) YIELD file RETURN file",
    "CALL apoc.import.graphml('x.graphml', {})",
])
def test_file_access_is_refused(statement: str) -> None:
    with pytest.raises(FileAccessRefused, match="refused"):
        check_file_access(statement)


def test_allow_files_admits_literal_urls_inside_the_folder_only(tmp_path: Path) -> None:
    check_file_access(f"LOAD CSV FROM 'file://{tmp_path}/a.csv' AS l RETURN l", tmp_path)
    for url, said in [(f"file://{tmp_path}/../x.csv", "outside"), ("http://example.org/a.csv", "only file: URLs")]:
        with pytest.raises(FileAccessRefused, match=said):
            check_file_access(f"LOAD CSV FROM '{url}' AS l RETURN l", tmp_path)
    with pytest.raises(FileAccessRefused, match="literal"):
        check_file_access("LOAD CSV FROM $url AS l RETURN l", tmp_path)
    with pytest.raises(FileAccessRefused, match="procedure apoc.load.csv"):
        check_file_access(f"CALL apoc.load.csv('file://{tmp_path}/a.csv')", tmp_path)


def test_printable_escapes_controls_but_keeps_text() -> None:
    assert printable("a\x1b[2Jb\x00c\x9bd\x7f\te\nf Nguyễn") == "a\\x1b[2Jb\\x00c\\x9bd\\x7f\te\nf Nguyễn"
    assert json_safe('"a\x9bb\x7f"') == '"a\\u009bb\\u007f"'
