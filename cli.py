"""`graph`: the command-line shell over the library. Options in, calls out, output rendered.

No logic lives here: every command parses its options, calls one library function
(ingest.api, graph.*, queries.*) and renders the result. Data goes to stdout, messages to
stderr. Exit codes: 0 ok, 1 nothing found, 2 bad input or usage, 3 store unreachable.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.table import Table

from graph.config import DEFAULT_DB
from graph.store import Store, StoreError, StoreUnavailable

app = typer.Typer(
    name="graph",
    help="Who in the Vietnamese state and Party apparatus issued, signed, chaired and assigned what.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)

EXIT_NOT_FOUND, EXIT_BAD_INPUT, EXIT_UNREACHABLE = 1, 2, 3

# -- shared options ---------------------------------------------------------------------------
DbOption = typer.Option(
    None, "--db", envvar="GRAPH_DB", help=f"Embedded store directory [default: {DEFAULT_DB}]", show_envvar=True
)
Neo4jOption = typer.Option(
    None,
    "--neo4j",
    help="Use Neo4j over Bolt instead of the embedded store: a URI, or 'env' for NEO4J_URI "
    "(credentials from NEO4J_USER / NEO4J_PASSWORD or the config file).",
    flag_value="env",
)
FormatOption = typer.Option("table", "--format", "-f", help="table | json | csv")


def fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def store_for(db: Optional[str], neo4j: Optional[str]) -> Iterator[Store]:
    """Open the requested store, turning connection failures into exit code 3."""
    from graph.connect import open_store

    try:
        store = open_store(db=db, neo4j=neo4j)
    except StoreUnavailable as exc:
        raise fail(str(exc), EXIT_UNREACHABLE) from None
    try:
        yield store
    except StoreUnavailable as exc:
        raise fail(str(exc), EXIT_UNREACHABLE) from None
    except StoreError as exc:
        raise fail(str(exc), EXIT_BAD_INPUT) from None
    finally:
        store.close()


def render_rows(rows: list[dict], fmt: str, title: str | None = None) -> None:
    """Rows as a Rich table, JSON or CSV on stdout."""
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    columns = list(dict.fromkeys(k for r in rows for k in r))
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _cell(v) for k, v in r.items()})
        return
    if fmt != "table":
        raise fail(f"unknown format {fmt!r} (table, json, csv)", EXIT_BAD_INPUT)
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in columns))
    out.print(table)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


if __name__ == "__main__":
    app()
