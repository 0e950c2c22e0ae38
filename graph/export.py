"""Whole-graph exports: the JSON of design.md, and CSV files for ``neo4j-admin database import``.

The neo4j-admin files are for graphs too big for transactional loading (``graph push``): one
node file per label and one relationship file per type, every file written even when empty so
that the import command is always the same (``import_command``, quoted in the README). Nodes
carry one global ``:ID``, their graph id "Label:key", which is not stored as a property; ``key``
and the other properties are stored exactly as a load would store them (evidence as canonical
JSON strings), so every query works the same on an imported database.

Arrays use U+001F (the ASCII unit separator) as their delimiter: names, titles and evidence
sentences can contain the default ";". An empty cell means "no property", so a node with no
aliases has no ``aliases`` property after an import rather than an empty list.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Iterable

from .model import Graph, labels, relationship_types

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_FLAG = "U+001F"


def to_json(graph: Graph) -> dict[str, Any]:
    """The JSON export shape of design.md (``schema_version``, ``nodes``, ``edges``)."""
    return graph.to_dict()


def node_file(label: str) -> str:
    return f"nodes_{label}.csv"


def relationship_file(rel_type: str) -> str:
    return f"relationships_{rel_type}.csv"


IMPORT_DIR = "/import"  # where docker/docker-compose.yml mounts out/neo4j-admin in the container


def import_command(directory: str = IMPORT_DIR, database: str = "neo4j") -> str:
    """The exact ``neo4j-admin`` command that imports the files of ``write_neo4j_admin``.

    ``directory`` is where the server sees the files (the compose file mounts them at /import).
    The database must be stopped; ``--overwrite-destination`` replaces its contents, and
    ``--multiline-fields`` lets an evidence sentence or a title span lines.
    """
    files = [f"--nodes={directory}/{node_file(label)}" for label in labels()]
    files += [f"--relationships={directory}/{relationship_file(t)}" for t in relationship_types()]
    options = ["--overwrite-destination", f"--array-delimiter={ARRAY_DELIMITER_FLAG}", "--multiline-fields=true"]
    return " ".join(["neo4j-admin", "database", "import", "full", database, *options, *files])


def write_neo4j_admin(graph: Graph, outdir: str | Path) -> list[Path]:
    """Write the node and relationship CSVs for ``neo4j-admin database import full``."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for label in labels():
        rows = [{":ID": n.id, "key": n.key, **n.props, ":LABEL": label} for n in graph.nodes.values() if n.label == label]
        written.append(_write(out / node_file(label), [":ID", "key"], rows, [":LABEL"]))
    for rel_type in relationship_types():
        rows = [
            {
                ":START_ID": e.source,
                ":END_ID": e.target,
                ":TYPE": rel_type,
                **e.props,
                "evidence": [ev.to_json() for ev in e.evidence],
                "articles": e.articles,
            }
            for e in graph.edges.values()
            if e.type == rel_type
        ]
        written.append(_write(out / relationship_file(rel_type), [":START_ID", ":END_ID", ":TYPE"], rows, []))
    return written


def _write(path: Path, first: list[str], rows: list[dict[str, Any]], last: list[str]) -> Path:
    """One CSV: the fixed columns, then every property seen, typed in its header."""
    fixed = set(first) | set(last)
    props = sorted({k for r in rows for k, v in r.items() if k not in fixed and v is not None})
    headers = {p: _header(p, [r.get(p) for r in rows]) for p in props}
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([*first, *(headers[p] for p in props), *last])
        for r in rows:
            writer.writerow([r[c] for c in first] + [_cell(r.get(p), headers[p]) for p in props] + [r[c] for c in last])
    return path


_SCALAR_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


def _kind(value: Any) -> str:
    for py, name in _SCALAR_TYPES:
        if isinstance(value, py):
            return name
    return "string"


def _header(prop: str, values: Iterable[Any]) -> str:
    """``name``, ``year:long``, ``aliases:string[]``...: one type per column, string when mixed."""
    present = [v for v in values if v is not None]
    is_list = any(isinstance(v, (list, tuple)) for v in present)
    items = [x for v in present for x in (v if isinstance(v, (list, tuple)) else [v])]
    kinds = {_kind(x) for x in items}
    kind = kinds.pop() if len(kinds) == 1 else "string"
    if is_list:
        return f"{prop}:{kind}[]"
    return prop if kind == "string" else f"{prop}:{kind}"


def _cell(value: Any, header: str) -> str:
    if value is None:
        return ""
    if header.endswith("[]"):
        items = value if isinstance(value, (list, tuple)) else [value]
        return ARRAY_DELIMITER.join(_scalar(x).replace(ARRAY_DELIMITER, " ") for x in items)
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


__all__ = ["ARRAY_DELIMITER", "import_command", "to_json", "write_neo4j_admin"]
