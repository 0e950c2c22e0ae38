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
from typing import TYPE_CHECKING, Callable, Iterator, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from graph.config import DEFAULT_DB, SettingError, check_settings, positive_int, setting

if TYPE_CHECKING:  # annotations only: the store layer is imported when a command opens one
    from graph.model import Graph
    from graph.store import Store


def _conventional_help() -> None:
    """Help that reads like a CLI's: typer 0.29 prints Python types as placeholders
    (``<bool>`` after a flag, ``<list[str]>``, ``{paths}``); a CLI prints nothing after a flag and
    an upper-case placeholder (``--db DIR``, ``PATH...``). ``tests/test_cli_help.py`` fails when
    a typer upgrade changes what this relies on."""
    from typer import core

    def option_type(self: core.TyperOption, ctx: object) -> str | None:
        if self.is_flag or self.count:
            return None
        return self.metavar or self.name.upper()

    def argument_usage(self: core.TyperArgument) -> str:
        name = self.display_name_raw + ("..." if self.nargs != 1 else "")
        return name if self.required else f"[{name}]"

    core.TyperOption.display_type_rich = option_type
    core.TyperArgument.display_type_rich = lambda self, ctx: None
    core.TyperArgument._rich_display_name = argument_usage
    core.TyperArgument._usage_display_name = argument_usage


_conventional_help()
app = typer.Typer(
    name="graph",
    help="Who in the Vietnamese state and Party apparatus issued, signed, chaired and assigned what.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"graph (vn-officials-graph) {version('vn-officials-graph')}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_version, help="Print the version and exit"),
) -> None:
    """Who in the Vietnamese state and Party apparatus issued, signed, chaired and assigned what.

    Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 nothing found, 2 bad input or
    usage, 3 store unreachable, 130 interrupted."""
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # messages hold paths: never wrap them

EXIT_NOT_FOUND, EXIT_BAD_INPUT, EXIT_UNREACHABLE = 1, 2, 3

# -- shared options ---------------------------------------------------------------------------
DbOption = typer.Option(
    None, "--db", metavar="DIR", envvar="GRAPH_DB", help=f"Embedded store directory (default: {DEFAULT_DB})", show_envvar=True
)
Neo4jOption = typer.Option(
    False,
    "--neo4j",
    help="Use Neo4j instead of the embedded store: a plain flag, the server comes from NEO4J_URI or "
    "the config file (or give --uri); login from NEO4J_USER / NEO4J_PASSWORD or the config file.",
)
UriOption = typer.Option(
    None,
    "--uri",
    metavar="URI",
    help="Bolt URI of the Neo4j server (implies --neo4j) [default: NEO4J_URI, then config file]",
)
FormatOption = typer.Option("table", "--format", "-f", metavar="FORMAT", help="table | json | csv")
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress bar (there is none when stderr is not a terminal)")


def bolt_uri(neo4j: bool, uri: Optional[str]) -> Optional[str]:
    """What ``open_store`` takes: None for the embedded store, else the URI (``"env"``: from
    NEO4J_URI or the config file)."""
    if uri:
        return uri
    return "env" if neo4j else None


def fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {_message(message)}", highlight=False)
    return typer.Exit(code)


def _message(text: object) -> str:
    """A message that may quote the corpus or a file name, safe as Rich markup on a terminal."""
    from rich.markup import escape

    from graph.terminal import printable

    return escape(printable(str(text)))


def _count(value: Optional[int], flag: str) -> Optional[int]:
    """A numeric option checked once: 1 or more, else exit 2 with one line."""
    try:
        return None if value is None else positive_int(value)
    except ValueError as exc:
        raise fail(f"{flag}={value} {exc}", EXIT_BAD_INPUT) from None


@contextmanager
def _writing(path: object) -> Iterator[None]:
    """An output file that cannot be written is one line: a full disk is exit 3 with the free
    space, any other failure (no such folder, no permission) exit 2."""
    from graph.diskspace import disk_full_message

    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        full = disk_full_message(exc, str(path))
        if full:
            raise fail(full, EXIT_UNREACHABLE) from None
        raise fail(f"cannot write {path}: {exc.strerror or exc}", EXIT_BAD_INPUT) from None


@contextmanager
def _pipe_closed_ok() -> Iterator[None]:
    """A reader that stops early (``| head -1``) ends the output normally: exit 0, no
    traceback, and nothing more written to the closed pipe."""
    import os

    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None


@contextmanager
def store_for(db: Optional[str], neo4j: Optional[str], create: bool = False) -> Iterator[Store]:
    """Open the requested store, turning connection failures into exit code 3. Only commands
    that load (``create=True``) may create a new embedded store."""
    from graph.connect import open_store
    from graph.diskspace import disk_full_message
    from graph.store import StoreError, StoreUnavailable

    def failure(exc: Exception, path: object) -> typer.Exit:
        if isinstance(exc, SettingError):
            return fail(str(exc), EXIT_BAD_INPUT)
        full = disk_full_message(exc, path)
        code = EXIT_UNREACHABLE if full or isinstance(exc, StoreUnavailable) else EXIT_BAD_INPUT
        return fail(full or str(exc), code)

    try:
        check_settings()
        store = open_store(db=db, neo4j=neo4j, create=create)
    except (SettingError, StoreError) as exc:  # creating a store on a full disk fails here
        raise failure(exc, db) from None
    try:
        try:
            yield store
        finally:
            store.close()  # closing flushes: a full disk may be found only now
    except (SettingError, StoreError) as exc:
        raise failure(exc, getattr(store, "path", None)) from None


def render_rows(rows: list[dict], fmt: str, title: str | None = None) -> None:
    """Rows as a Rich table, JSON or CSV on stdout (control characters from the corpus
    escaped: ``graph.terminal``)."""
    from graph.terminal import json_safe

    if fmt == "json":
        sys.stdout.write(json_safe(json.dumps(rows, ensure_ascii=False, indent=2, default=str)) + "\n")
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
    # cells are data (evidence may hold "[/]"): Text, never Rich markup
    table = Table(title=Text(title) if title else None, show_lines=False)
    for c in columns:
        table.add_column(Text(c), overflow="fold")
    for r in rows:
        table.add_row(*(Text(_cell(r.get(c))) for c in columns))
    out.print(table)


def _cell(value: object) -> str:
    """A value as a table cell, control characters escaped."""
    from graph.terminal import printable

    return printable(_raw_cell(value))


def _raw_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_raw_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# -- ingest, extract, stats -------------------------------------------------------------------
PathsArgument = typer.Argument(..., metavar="PATH", help="Files (.txt, .html, .jsonl) or directories, '-' for stdin")


@app.command("ingest")
def ingest_command(
    paths: list[str] = PathsArgument,
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    batch_size: Optional[int] = typer.Option(
        None, "--batch-size", metavar="N", help="Rows per MERGE transaction (default: GRAPH_BATCH_SIZE, config, 1000)"
    ),
    force: bool = typer.Option(False, "--force", help="Re-extract articles already stored (and repair what `graph check` found)"),
    jobs: int = typer.Option(
        1, "--jobs", "-j", metavar="N", help="Extraction processes (loading stays in one; same result for any N)"
    ),
    quiet: bool = QuietOption,
) -> None:
    """Extract articles and load them into the store (re-running changes nothing). Exit 2
    when any input could not be read (the others are loaded all the same). Ctrl-C or SIGTERM
    stops at the next window: what is stored stays, and re-running resumes."""
    from ingest.api import ingest
    from ingest.stopping import stop_on_signals

    jobs = _count(jobs, "--jobs")
    _check_settings()
    decisions = _decisions()
    if force and not (neo4j or uri):
        _repair_before_force(db)
    try:
        with stop_on_signals() as stop:
            with store_for(db, bolt_uri(neo4j, uri), create=True) as store, _ingest_progress(paths, quiet) as on_window:
                size = setting("batch_size", _count(batch_size, "--batch-size"))
                report = ingest(
                    paths, store, batch_size=size, force=force, on_error=_skipped, jobs=jobs, on_note=_warned,
                    stop=stop, on_window=on_window,
                )
                if not report.interrupted:
                    _same_as(store, decisions, always=False)
                err.print(
                    f"{report.read} article(s) read, {report.loaded} loaded, {report.skipped} unchanged, "
                    f"{len(report.errors)} error(s) -> {_message(store.name)}",
                    highlight=False,
                )
    except KeyboardInterrupt:  # a second Ctrl-C: the user insists
        err.print("interrupted: the window being written was rolled back; re-run the same command to resume", highlight=False)
        raise typer.Exit(130) from None
    if report.interrupted:
        err.print(
            f"interrupted: {report.loaded} article(s) stored in this run; re-run the same command to resume "
            "(stored articles are skipped)",
            highlight=False,
        )
        raise typer.Exit(stop.exit_code)
    if report.errors:
        raise typer.Exit(EXIT_BAD_INPUT)


def _repair_before_force(db: Optional[str]) -> None:
    """`ingest --force` on a damaged embedded store rebuilds it first (`graph check`), so the
    forced re-extraction restores what was lost instead of merging onto broken records."""
    from graph.check import repair_if_damaged

    repaired = repair_if_damaged(setting("db", db), heap=setting("heap"))
    if repaired:
        report, kept = repaired
        for line in report.lines():
            err.print(f"[red]problem[/red] {_message(line)}", highlight=False)
        err.print(f"rebuilt the damaged store from what was readable (damaged copy kept in {_message(kept)})",
                  highlight=False)


def _check_settings() -> None:
    """Every setting, extraction limit and vocabulary file checked once, before any work: exit
    2, one line (a broken ``ingest/data`` file is named with its key)."""
    from ingest.datacheck import DataError
    from ingest.gazetteer import validate_all
    from ingest.limits import limits

    try:
        check_settings()
        limits()
        validate_all()
    except (SettingError, DataError) as exc:
        raise fail(str(exc), EXIT_BAD_INPUT) from None


def _skipped(problem: object) -> None:
    err.print(f"[yellow]skipped[/yellow] {_message(problem)}", highlight=False)


def _warned(note: object) -> None:
    err.print(f"[yellow]warning[/yellow] {_message(note)}", highlight=False)


@contextmanager
def _ingest_progress(paths: list[str], quiet: bool) -> Iterator[Optional[Callable[[object], None]]]:
    """A Rich progress bar on a terminal (articles/s, facts stored, ETA); nothing when stderr is
    piped or with ``--quiet``. Yields the ``on_window`` callback for ``ingest``."""
    if quiet or not err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ingest.api import estimate_articles

    columns = (
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s, {task.fields[facts]:,} facts"), TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=estimate_articles(paths), rate="…", facts=0)

        def on_window(report: object) -> None:
            elapsed = progress.tasks[0].elapsed or 0
            rate = f"{report.done / elapsed:,.0f}" if elapsed else "…"  # type: ignore[attr-defined]
            progress.update(task, completed=report.done, rate=rate, facts=report.facts)  # type: ignore[attr-defined]

        yield on_window


@app.command("extract")
def extract_command(
    paths: list[str] = PathsArgument,
    fmt: str = typer.Option("jsonl", "--format", "-f", metavar="FORMAT", help="jsonl (one article per line) | json (one merged graph)"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write here instead of stdout"),
) -> None:
    """Extract nodes and edges per article without touching any store."""
    from graph.model import Graph
    from ingest.api import ArticleResult, extract

    if fmt not in ("jsonl", "json"):
        raise fail(f"unknown format {fmt!r} (jsonl, json)", EXIT_BAD_INPUT)
    _check_settings()
    _decisions()
    with _writing(output):
        sink = output.open("w", encoding="utf-8") if output else sys.stdout
    merged, bad = Graph(), 0
    try:
        with _pipe_closed_ok(), _writing(output or "stdout"):
            for item in extract(paths):
                if not isinstance(item, ArticleResult):
                    bad += 1
                    _skipped(item)
                    continue
                for note in item.article.notes:
                    _warned(f"{item.article.source}: {note}")
                if fmt == "jsonl":
                    sink.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                else:
                    merged.update(item.graph)
            if fmt == "json":
                sink.write(json.dumps(merged.to_dict(), ensure_ascii=False, indent=2) + "\n")
    finally:
        if output:
            with _writing(output):
                sink.close()
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command("audit")
def audit_command(
    paths: list[str] = PathsArgument,
    fmt: str = typer.Option("table", "--format", "-f", metavar="FORMAT", help="table | json"),
    top: int = typer.Option(10, "--top", min=1, metavar="N", help="Groups shown per kind, biggest first"),
    examples: int = typer.Option(1, "--examples", min=1, metavar="N", help="Example sentences kept per group"),
) -> None:
    """Recall audit, no gold needed: names, titles, numbers and 'giao'/'chủ trì' sentences that
    yielded nothing, grouped by the shape of the text around them and counted."""
    from ingest.audit import audit_paths, report_dict

    if fmt not in ("table", "json"):
        raise fail(f"unknown format {fmt!r} (table, json)", EXIT_BAD_INPUT)
    _check_settings()
    report = audit_paths(paths, keep=examples, on_error=_skipped)
    data = report_dict(report, top)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        totals = ", ".join(f"{kind} {n}" for kind, n in data["totals"].items())
        out.print(f"{data['articles']} article(s); missed: {totals}", highlight=False)
        rows = [
            {"kind": g["kind"], "count": g["count"], "shape": g["shape"], "example": g["examples"][0]["sentence"][:200]}
            for g in data["groups"]
        ]
        render_rows(rows, "table")
    if report.articles == 0:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command("stats")
def stats_command(
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
) -> None:
    """Count nodes by label and relationships by type."""
    with store_for(db, bolt_uri(neo4j, uri)) as store:
        counts = store.counts()
    if fmt == "json":
        sys.stdout.write(json.dumps(counts, ensure_ascii=False, indent=2) + "\n")
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in counts["nodes"].items()]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in counts["relationships"].items()]
    render_rows(rows, fmt, title="Graph contents")


@app.command("check")
def check_command(
    repair: bool = typer.Option(
        False, "--repair", help="Embedded store: rebuild it from what is readable (the damaged copy is kept beside it)"
    ),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
) -> None:
    """Check the store after a crash: counts re-read, every fact's endpoints and provenance,
    every article's facts. Exit 1 when something is wrong (then: --repair, and ingest again)."""
    from graph.check import check, rebuild

    with store_for(db, bolt_uri(neo4j, uri)) as store:
        report = check(store)
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render_rows(report.rows(), fmt, "Counts: the store's own, and records read")
    for line in report.lines():
        err.print(f"[red]problem[/red] {_message(line)}", highlight=False)
    if report.ok:
        err.print(f"ok: {_message(store.name)} is consistent", highlight=False)
        return
    if not repair:
        raise fail("the store is damaged: run `graph check --repair`, then `graph ingest SOURCES` to restore what "
                   "was lost", EXIT_NOT_FOUND)
    if neo4j or uri:
        raise fail("--repair rebuilds the embedded store only: on Neo4j, run `graph ingest SOURCES --force`", EXIT_BAD_INPUT)
    kept, graph = rebuild(setting("db", db), heap=setting("heap"))
    err.print(f"rebuilt {_message(store.name)} from {len(graph.nodes)} nodes and {len(graph.edges)} relationships "
              f"still readable (damaged copy kept in {_message(kept)}); now run `graph ingest SOURCES` to "
              "re-extract every article and restore what was lost", highlight=False)


# -- queries -----------------------------------------------------------------------------------
# Pack queries (queries/*.cypher), ad-hoc Cypher, and the everyday questions (queries.lookup).
AllEvidenceOption = typer.Option(
    False, "--all-evidence", help="Every stored evidence sentence of each fact, not only the first few"
)
ParamOption = typer.Option(None, "--param", "-p", metavar="KEY=VALUE", help="Query parameter as key=value (repeatable)")


@contextmanager
def _answering() -> Iterator[None]:
    """Question errors to exit codes: nothing found is 1, a malformed question is 2."""
    from queries.lookup import BadQuestion, NotFound
    from queries.packs import ParamError, UnknownQuery

    try:
        yield
    except NotFound as exc:
        raise fail(str(exc), EXIT_NOT_FOUND) from None
    except (BadQuestion, ParamError, UnknownQuery) as exc:
        raise fail(str(exc), EXIT_BAD_INPUT) from None


def _render_answer(rows: list[dict], fmt: str, title: str | None = None) -> None:
    """Pack rows on stdout, evidence decoded (whole for JSON, sentences for people)."""
    from queries.lookup import expand_evidence

    render_rows(expand_evidence(rows, sentences_only=fmt != "json"), fmt, title)


def _render_sections(sections: dict[str, list[dict]], fmt: str, title: str) -> None:
    """A profile: one table per section, one JSON object, or one CSV with a section column."""
    if fmt == "json":
        sys.stdout.write(json.dumps(sections, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        render_rows([{"section": name, **r} for name, rows in sections.items() for r in rows], fmt)
    else:
        for name, rows in sections.items():
            if rows:
                render_rows(rows, fmt, f"{title}: {name}")


def _render_evidenced(rows: list[dict], fmt: str, headline: Callable[[dict], str]) -> None:
    """Rows that repeat a fact once per evidence sentence: flat for JSON and CSV; for people,
    each fact once as a sentence (``headline``), then a table of its evidence and articles."""
    if fmt != "table":
        render_rows(rows, fmt)
        return
    facts: dict[tuple, list[dict]] = {}
    for r in rows:  # one group per document (numbers repeat across provinces) and fact
        facts.setdefault((r.get("document"), headline(r)), []).append(r)
    for (_, line), members in facts.items():
        out.print(_cell(line), markup=False, highlight=False)
        evidence = [{"evidence": r["sentence"], "article": r["article"], "source": r["source"]}
                    for r in members if r.get("sentence")]
        if evidence:
            render_rows(evidence, fmt)
        more = members[0].get("sentences", 0) - len(evidence)
        if more > 0:
            out.print(f"and {more} more evidence sentence{'s' if more > 1 else ''} (--all-evidence shows them)", markup=False, highlight=False)


@app.command("query")
def query_command(
    name: Optional[str] = typer.Argument(None, metavar="NAME", help="Pack query to run (see --list)"),
    list_queries: bool = typer.Option(False, "--list", "-l", help="List the pack queries, one line each"),
    show: bool = typer.Option(False, "--show", help="Print the query with its header instead of running it"),
    param: Optional[list[str]] = ParamOption,
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
) -> None:
    """Run a query from the packs (queries/*.cypher), read-only."""
    from queries.lookup import ask
    from queries.packs import get_query, load_packs, parse_assignments

    if list_queries:
        render_rows(
            [{"name": q.name, "pack": q.pack, "params": ", ".join(p.name for p in q.params), "answers": q.summary()}
             for q in load_packs().values()],
            fmt,
        )
        return
    if not name:
        raise fail("give a query name, or --list", EXIT_BAD_INPUT)
    with _answering():
        query = get_query(name)
        if show:
            sys.stdout.write(query.text + "\n")
            return
        params = parse_assignments(param or [])
        with store_for(db, bolt_uri(neo4j, uri)) as store:
            _render_answer(ask(store, name, params), fmt, name)


@app.command("cypher")
def cypher_command(
    statement: str = typer.Argument(..., metavar="STATEMENT", help="A Cypher statement; values belong in --param, not in the text"),
    param: Optional[list[str]] = ParamOption,
    write: bool = typer.Option(False, "--write", help="Allow the statement to modify the graph"),
    allow_files: Optional[Path] = typer.Option(
        None, "--allow-files", metavar="DIR",
        help="Allow LOAD CSV from file: URLs inside DIR (without it, no statement reads files or URLs)",
    ),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
) -> None:
    """Run ad-hoc Cypher: read-only unless --write, no file or network access unless
    --allow-files (parameter values are JSON, else text).

    A node comes back as its id, labels and properties, a relationship as its type, the ids of
    its ends and its properties, as Neo4j Browser's table shows them."""
    from graph.cypher_guard import FileAccessRefused, check_file_access
    from graph.store import READ_ONLY_REFUSAL, StoreError
    from queries.packs import literal_or_text, parse_assignments

    try:
        check_file_access(statement, allow_files)
    except FileAccessRefused as exc:
        raise fail(str(exc), EXIT_BAD_INPUT) from None
    with _answering():
        params = {k: literal_or_text(v) for k, v in parse_assignments(param or []).items()}
    with store_for(db, bolt_uri(neo4j, uri)) as store:
        try:
            rows = store.write(statement, params) if write else store.read(statement, params, entities=True)
        except StoreError as exc:
            if not write and READ_ONLY_REFUSAL in str(exc):
                raise fail(f"{exc}; add --write to allow it", EXIT_BAD_INPUT) from None
            raise
    if rows:
        _render_answer(rows, fmt)
    elif write:
        err.print("done (no rows returned)")
    else:
        raise fail("no rows", EXIT_NOT_FOUND)


@app.command("who-issued")
def who_issued_command(
    number: str = typer.Argument(..., metavar="NUMBER", help='Document number, any case or spacing ("143-kl/tu")'),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
    all_evidence: bool = AllEvidenceOption,
) -> None:
    """Who issued a document: body, signers, type and date, with the evidence sentence and article."""
    from queries.lookup import EVIDENCE_PER_DOCUMENT, describe_issue, who_issued

    with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
        rows = who_issued(store, number, None if all_evidence else EVIDENCE_PER_DOCUMENT)
    _note_shared_number(rows)
    _note_evidence_cut(rows)
    _render_evidenced(rows, fmt, describe_issue)


def _note_evidence_cut(rows: list[dict]) -> None:
    """Say on stderr when some facts had more evidence sentences than the answer shows."""
    from queries.lookup import EVIDENCE_PER_DOCUMENT, evidence_cut

    given, known = evidence_cut(rows)
    if given < known:
        err.print(f"evidence cut: {given} of {known} sentences shown, at most {EVIDENCE_PER_DOCUMENT} a fact "
                  "(`sentences` counts them all); --all-evidence shows every one", highlight=False)


def _note_shared_number(rows: list[dict]) -> None:
    """Say on stderr when the answer covers several documents with one number."""
    documents = {r.get("document") for r in rows}
    if len(documents) > 1:
        err.print(f"{len(documents)} documents are numbered {rows[0]['number']}: each is answered on its own",
                  highlight=False)


@app.command("who-signed")
def who_signed_command(
    number: str = typer.Argument(..., metavar="NUMBER", help="Document number, any case or spacing"),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
    all_evidence: bool = AllEvidenceOption,
) -> None:
    """Who signed a document, with their titles and the evidence sentence and article."""
    from queries.lookup import EVIDENCE_PER_DOCUMENT, describe_signature, who_signed

    with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
        rows = who_signed(store, number, None if all_evidence else EVIDENCE_PER_DOCUMENT)
    _note_shared_number(rows)
    _note_evidence_cut(rows)
    _render_evidenced(rows, fmt, describe_signature)


@app.command("person")
def person_command(
    name: str = typer.Argument(..., metavar="NAME", help='A person\'s name, accents optional ("Chu Ngoc Anh")'),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
    why: bool = typer.Option(False, "--why", help="Why the graph holds this person as it does: key, decisions, suggestions"),
) -> None:
    """A person's profile: titles, dated career, positions in bodies over time, documents signed, timeline."""
    from queries.identity import explain
    from queries.lookup import person_profile
    from queries.timeline import career

    if why:
        with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
            rows = explain(store, name)
        render_rows(rows, fmt, f"Who is {rows[0]['name']}")
        return
    with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
        profile = person_profile(store, name)
        profile = {"person": profile["person"], "career": career(store, name), **profile}
    _render_sections(profile, fmt, profile["person"][0]["name"])


@app.command("body")
def body_command(
    name: str = typer.Argument(..., metavar="NAME", help='A body\'s name or alias, accents optional ("UBND TP Ha Noi")'),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
    as_of: Optional[str] = typer.Option(
        None, "--as-of", metavar="DATE", help="Only who held each post at this date (YYYY, YYYY-MM or YYYY-MM-DD), and on what basis"
    ),
) -> None:
    """A body's profile: heads over time, people with positions, documents issued, tasks assigned."""
    from queries.lookup import body_profile
    from queries.timeline import body_as_of

    if as_of is not None:
        with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
            rows = body_as_of(store, name, as_of)
        render_rows(rows, fmt, f"{name} as of {as_of}")
        return
    with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
        profile = body_profile(store, name)
    _render_sections(profile, fmt, profile["body"][0]["name"])


@app.command("resolve")
def resolve_command(
    suggest: bool = typer.Option(False, "--suggest", help="List likely duplicates and homonyms in the store, with evidence"),
    apply: bool = typer.Option(
        False, "--apply", help="Recompute which stored people are one person written two ways (done after every ingest)"
    ),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = typer.Option(
        "table", "--format", "-f", metavar="FORMAT", help="table | json | csv | yaml (suggestions as decisions to paste)"
    ),
) -> None:
    """Identity decisions: those in force (resolutions.yaml here, GRAPH_RESOLUTIONS, or `resolutions`
    in graph.toml), or --suggest new ones from the store, or --apply: join name variants anew."""
    from ingest.identity import decisions_path
    from queries.identity import suggest as suggested, suggestions_document

    if apply:
        decisions = _decisions()
        with store_for(db, bolt_uri(neo4j, uri)) as store:
            _same_as(store, decisions, always=True)
        return
    if not suggest:
        decisions = _decisions()
        rows = [{"decision": "merge", "name": decisions.written[n], "is": c, "why": w} for n, (c, w) in decisions.merge.items()]
        rows += [{"decision": "split", "name": decisions.written[n], "is": "one person per place", "why": w}
                 for n, w in decisions.split.items()]
        rows += [{"decision": "same", "name": decisions.written[n], "is": "one person wherever", "why": w}
                 for n, w in decisions.same.items()]
        if not rows:
            raise fail(f"no decisions ({decisions_path() or 'no resolutions.yaml here, GRAPH_RESOLUTIONS unset'})", EXIT_NOT_FOUND)
        render_rows(rows, "table" if fmt == "yaml" else fmt, f"Decisions in {decisions.source}")
        return
    with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
        rows = suggested(store)
        document = suggestions_document(rows)
    if fmt == "yaml":
        import yaml

        sys.stdout.write(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    else:
        render_rows(rows, fmt, "Suggested identity decisions (copy the ones you accept into the decisions file)")


def _same_as(store: Store, decisions: object, always: bool) -> None:
    """Recompute which stored people are one person written two ways (ingest.sameas) and say
    so: ``always``, or when a link was made, changed or undone."""
    from ingest.sameas import apply

    done = apply(store, decisions)
    if always or done.written or done.undone:
        err.print(
            f"identity: {done.linked} stored node(s) joined to another spelling of the same person "
            f"({done.written} new or changed, {done.undone} undone; {done.cpu_seconds:.2f} s CPU)",
            highlight=False,
        )


def _decisions():  # noqa: ANN202 (ingest.identity.Decisions, imported when used)
    """The decisions file in force; a malformed one is bad input (exit 2), named with its problem,
    before anything is read or stored."""
    from ingest.identity import DecisionsError, current_decisions

    try:
        return current_decisions()
    except DecisionsError as exc:
        raise fail(str(exc), EXIT_BAD_INPUT) from None


@app.command("path")
def path_command(
    a: str = typer.Argument(..., metavar="NAME_A", help="First official's name"),
    b: str = typer.Argument(..., metavar="NAME_B", help="Second official's name"),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
) -> None:
    """The shortest chain of facts (signed, issued, chaired, holds...) linking two officials."""
    from queries.lookup import path

    with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
        steps = path(store, a, b)
    render_rows(steps, fmt, f"{steps[0]['from']} … {steps[-1]['to']}: {len(steps)} steps")


@app.command("search")
def search_command(
    text: str = typer.Argument(..., metavar="TEXT", help='Part of a name or number, accents optional ("ngoc anh", "143-kl")'),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
    fmt: str = FormatOption,
) -> None:
    """Find people, bodies and documents by part of their name or number, accent-insensitive."""
    from queries.lookup import search

    with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
        rows = search(store, text)
    render_rows(rows, fmt)


# -- views and analytics ----------------------------------------------------------------------
# Interactive pyvis pages and networkx analytics, on the graph read from either store.
@contextmanager
def _stages(total: int, label: str, quiet: bool) -> Iterator[Callable[[str], None]]:
    """A Rich progress bar on stderr over the stages of a long command, shown only on a
    terminal and without ``--quiet``; yields ``step(description)``, called as each stage starts."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TimeElapsedColumn

    if quiet or not err.is_terminal:
        yield lambda description: None
        return
    columns = (SpinnerColumn(), "[progress.description]{task.description}", BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(label, total=total)
        started = [False]

        def step(description: str) -> None:
            if started[0]:
                progress.advance(task)
            started[0] = True
            progress.update(task, description=f"{label}: {description}")
            progress.refresh()  # a stage may be over before the next timed refresh

        yield step


def _dump(store: Store, read: Optional[Callable[[Store], Graph]] = None) -> Graph:
    """The whole stored graph (or what ``read`` reads of it), one node per person
    (graph.fold); an empty store is "nothing found" (exit 1)."""
    from graph.fold import fold_people

    graph = read(store) if read else store.dump()
    if not graph.nodes:
        raise fail(f"the store is empty ({store.name}): run `graph ingest PATH` first", EXIT_NOT_FOUND)
    return fold_people(graph)


@app.command("view")
def view_command(
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE", help="HTML file to write (self-contained, opens offline)"),
    focus: Optional[str] = typer.Option(
        None, "--focus", metavar="NAME", help="Centre on a person, body, document or event: name, number or id"
    ),
    depth: int = typer.Option(1, "--depth", metavar="N", help="With --focus: how many relationships away to go"),
    types: Optional[str] = typer.Option(
        None, "--types", metavar="TYPES", help="Only these relationship types, comma-separated (ISSUED,SIGNED,REFERENCES)"
    ),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="Only facts seen on or after: YYYY, YYYY-MM or YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE", help="Only facts seen on or before: YYYY, YYYY-MM or YYYY-MM-DD"),
    max_nodes: int = typer.Option(300, "--max-nodes", metavar="N", help="Node cap; a cut view says what it left out"),  # = nxgraph.DEFAULT_MAX_NODES
    articles: bool = typer.Option(False, "--articles", help="Show Article nodes and their MENTIONS links"),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="Page title (default: what the filters show)"),
    as_of: Optional[str] = typer.Option(
        None, "--as-of", metavar="DATE", help="The graph as it stood at this date: positions then held, facts seen by then"
    ),
    quiet: bool = QuietOption,
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
) -> None:
    """Write an interactive HTML view of the graph and print its path.

    With --focus only the neighbourhood is read from the store (--depth relationships out)."""
    from dataclasses import replace

    from graph.fold import fold_people, joined_ids
    from graph.model import Graph
    from graph.neighbourhood import nearest
    from graph.nxgraph import AmbiguousNode, Filters, NodeNotFound, select, to_networkx
    from graph.tenure import as_of as graph_as_of, check_date
    from graph.view import page_title, write_view
    from queries.lookup import resolve

    try:
        type_set = frozenset(t.strip().upper() for t in types.split(",") if t.strip()) if types else None
        filters = Filters(focus, depth, type_set, since, until, articles, max_nodes)
        as_of = check_date(as_of) if as_of is not None else None
    except ValueError as exc:
        raise fail(str(exc), EXIT_BAD_INPUT) from None
    reached = None  # what a cut made while reading left out (the selection counts it otherwise)
    with _stages(4, "view", quiet) as step:
        with store_for(db, bolt_uri(neo4j, uri)) as store, _answering():
            if focus:
                step(f"finding {focus}")
                focus_ids = joined_ids(store, resolve(store, "node", focus))  # a person: every spelling joined
                step("reading its neighbourhood")
                # cut as it is read, unless dates decide which facts count (they need every fact)
                # or several spellings are one person (folding them changes what is nearest)
                cap = None if as_of or since or until or len(focus_ids) > 1 else max_nodes
                graph = Graph()
                for focus_id in focus_ids:
                    near = nearest(store, focus_id, depth, type_set, articles, cap)
                    graph.update(near.graph)
                reached = (near.nodes, near.edges) if near.cut else None
                graph = fold_people(graph)
                filters = replace(filters, focus=focus_ids[0])
            else:
                step("reading the graph")
                graph = _dump(store)
        if as_of:
            graph = graph_as_of(graph, as_of)
        step("selecting")
        try:
            selection = select(to_networkx(graph), filters, reached)
        except NodeNotFound as exc:
            raise fail(str(exc), EXIT_NOT_FOUND) from None
        except AmbiguousNode as exc:
            raise fail(str(exc), EXIT_BAD_INPUT) from None
        if selection.graph.number_of_nodes() == 0:
            raise fail("no facts match these filters", EXIT_NOT_FOUND)
        step("writing the page")
        path = write_view(selection, output, title or page_title(selection, filters) + (f" as of {as_of}" if as_of else ""))
    cut = selection.cut_message()
    if cut:
        err.print(cut, style="yellow", markup=False, highlight=False)
    err.print(
        f"{selection.graph.number_of_nodes()} nodes, {selection.graph.number_of_edges()} relationships",
        highlight=False,
    )
    sys.stdout.write(f"{path}\n")


def _without_ids(rows: list[dict]) -> list[dict]:
    """Rows for people: node ids are for programs (JSON), names are enough in a table."""
    return [{k: v for k, v in r.items() if k != "id"} for r in rows]


@app.command("analyze")
def analyze_command(
    top: int = typer.Option(10, "--top", "-n", metavar="N", help="Rows in each ranking"),
    fmt: str = typer.Option("table", "--format", "-f", metavar="FORMAT", help="table | json"),
    quiet: bool = QuietOption,
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
) -> None:
    """Most central officials and bodies, components, and the people who bridge bodies (networkx)."""
    from graph.analyze import analyze, read_facts

    if fmt not in ("table", "json"):
        raise fail(f"unknown format {fmt!r} (table, json)", EXIT_BAD_INPUT)
    with _stages(2, "analyze", quiet) as step:
        step("reading the graph")
        with store_for(db, bolt_uri(neo4j, uri)) as store:
            graph = _dump(store, read_facts)
        step(f"centrality, components and bridges of {len(graph.nodes):,} nodes")
        result = analyze(graph, top=_count(top, "--top"))
    if fmt == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    render_rows(result.summary(), fmt, "Graph (facts only: articles and MENTIONS left out)")
    render_rows(_without_ids(result.central), fmt, "Most central officials and bodies (degree, then betweenness)")
    render_rows(result.largest_components, fmt, "Largest connected components")
    if result.bridges:
        render_rows(_without_ids(result.bridges), fmt, "Bridges between bodies: people with positions in two or more")
    else:
        err.print("no person holds positions in two bodies or more", highlight=False)


# -- stores (push, export) --------------------------------------------------------------------
BatchSizeOption = typer.Option(
    None, "--batch-size", metavar="N", help="Rows per MERGE transaction (default: GRAPH_BATCH_SIZE, else 1000)"
)


@contextmanager
def _rows_progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on stderr, counting rows with their rate; yields ``advance(n)``."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TimeElapsedColumn
    from rich.text import Text

    class RowsPerSecond(ProgressColumn):
        def render(self, task) -> Text:  # noqa: ANN001 (a rich Task)
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} rows/s" if speed else "… rows/s", style="progress.data.speed")

    columns = ("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), RowsPerSecond(),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


@app.command("push")
def push_command(
    db: Optional[str] = DbOption,
    uri: Optional[str] = UriOption,
    batch_size: Optional[int] = BatchSizeOption,
) -> None:
    """Copy the whole embedded store into Neo4j (MERGE: re-running after a failure completes it)."""
    from graph.config import setting
    from graph.loadplan import plan

    try:
        size = setting("batch_size", _count(batch_size, "--batch-size"))
    except SettingError as exc:
        raise fail(str(exc), EXIT_BAD_INPUT) from None
    with store_for(None, bolt_uri(True, uri)) as target, store_for(db, None) as source:  # Neo4j first: fail fast
        graph = source.dump()
        target.setup()
        total = sum(len(s.rows) for s in plan(graph))
        with _rows_progress(total, f"push -> {target.name}") as advance:
            stats = target.load(graph, batch_size=size, progress=advance)
        err.print(
            f"{len(graph.nodes)} nodes and {len(graph.edges)} relationships from {source.name} -> {target.name} "
            f"({stats.total_rows} rows in {stats.batches} transactions of up to {size})",
            highlight=False,
        )


@app.command("export")
def export_command(
    fmt: str = typer.Option(
        "json",
        "--format",
        "-f",
        metavar="FORMAT",
        help="json (README 'Data model': schema_version, nodes, edges) | neo4j-admin (CSV directory) | graphml (Gephi, Cytoscape)",
    ),
    output: Optional[str] = typer.Option(
        None,
        "--output",
        "-o",
        metavar="PATH",
        help="json, graphml: a file, or '-' for stdout [default: -]; neo4j-admin: a directory (required)",
    ),
    db: Optional[str] = DbOption,
    neo4j: bool = Neo4jOption,
    uri: Optional[str] = UriOption,
) -> None:
    """Export the whole graph: JSON, CSVs for `neo4j-admin database import full`, or GraphML."""
    from graph.export import IMPORT_DIR, import_command, to_json, write_neo4j_admin

    if fmt not in ("json", "neo4j-admin", "graphml"):
        raise fail(f"unknown format {fmt!r} (json, neo4j-admin, graphml)", EXIT_BAD_INPUT)
    if fmt == "neo4j-admin" and output in (None, "-"):
        raise fail("--format neo4j-admin writes a directory of CSV files: give it with -o DIR", EXIT_BAD_INPUT)
    with store_for(db, bolt_uri(neo4j, uri)) as store:
        graph = store.dump()
    if fmt == "graphml":  # -- views and analytics: GraphML comes from graph.nxgraph
        from graph.nxgraph import write_graphml

        write_graphml(graph, sys.stdout.buffer if output in (None, "-") else output)
        err.print(f"{len(graph.nodes)} nodes, {len(graph.edges)} relationships -> {output or 'stdout'}", highlight=False)
        return
    if fmt == "json":
        text = json.dumps(to_json(graph), ensure_ascii=False, indent=2) + "\n"
        if output in (None, "-"):
            sys.stdout.write(text)
        else:
            Path(output).write_text(text, encoding="utf-8")
        err.print(f"{len(graph.nodes)} nodes, {len(graph.edges)} relationships -> {output or 'stdout'}", highlight=False)
        return
    files = write_neo4j_admin(graph, output)
    err.print(
        f"{len(graph.nodes)} nodes, {len(graph.edges)} relationships -> {len(files)} CSV files in {output}\n"
        f"import them into a stopped Neo4j (its database is replaced) with the command below, which reads "
        f"{IMPORT_DIR}: docker/docker-compose.yml mounts out/neo4j-admin there; for another directory, mount "
        f"{Path(output).resolve()} at {IMPORT_DIR}:",
        highlight=False,
    )
    sys.stdout.write(import_command(IMPORT_DIR) + "\n")


def main() -> None:
    """The ``graph`` entry point: Ctrl-C or SIGTERM at any moment ends the command with exit
    130 / 143 and no traceback (``ingest`` narrows this to "stop after the open window")."""
    import signal

    def interrupted(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, interrupted)
    app()


if __name__ == "__main__":
    main()
