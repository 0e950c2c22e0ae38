"""The library API: articles in, graph out. The CLI is a thin shell over these functions.

    from ingest.api import extract, build_graph, ingest
    for item in extract(["examples/"]):            # per article, no store touched
        ...
    graph = build_graph(["examples/"])              # everything merged in memory
    report = ingest(["examples/"], store)           # into a store, idempotent
    report = ingest(["news.jsonl"], store, jobs=2)  # extraction in 2 processes, same result

``extract_batch`` is the pure unit of work (raw articles in, graphs out) that a process pool
here, or a distributed executor elsewhere, maps over.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol, TypeVar, Union

from graph.collector import Collections, gc_paused
from graph.model import Graph
from graph.store import Store

from .build import article_graph
from .clean import Article, clean
from .identity import Decisions, DecisionsError, current_decisions
from .components.gaz import gaz_matches, mentions_of
from .components.sentences import sentence_spans
from .limits import capped_facts, long_sentences_note
from .normalize import match_text
from .pipeline import get_nlp
from .resolve import Jurisdiction
from .spans import Covered
from .sources import SUFFIXES, RawArticle, SourceError, read_sources


@dataclass
class ArticleResult:
    """One article and the graph extracted from it."""

    article: Article
    graph: Graph

    def to_dict(self) -> dict:
        """The ``graph extract --format jsonl`` line (design.md)."""
        g = self.graph.to_dict()
        return {"article": self.article.to_dict(), "nodes": g["nodes"], "edges": g["edges"]}


Item = Union[ArticleResult, SourceError]
A = TypeVar("A")  # a batch function's argument
R = TypeVar("R")  # its result
C = TypeVar("C")  # what the caller keeps alongside


def extract_article(article: Article, decisions: Decisions | None = None) -> ArticleResult:
    """Run the pipeline on one cleaned article and build its graph (``decisions``: see
    ``batch_decisions``)."""
    doc = get_nlp()(match_text(article.text))
    return ArticleResult(article, graph_of(article, doc, decisions))


def batch_decisions() -> Decisions | None:
    """The identity decisions, read once for a batch of articles (resolving the setting and
    checking the file per article was a few per cent of extraction on short news); None when
    they cannot be read, so that each article reports the error itself, as it always did."""
    try:
        return current_decisions()
    except DecisionsError:
        return None


def graph_of(article: Article, doc, decisions: Decisions | None = None) -> Graph:  # noqa: ANN001 (a spaCy Doc)
    persons = list(doc._.persons or [])
    # a place inside a person's name ("Nguyễn Hòa Bình") says nothing about where the article is
    named = Covered(len(article.text), ((p.start, p.end) for p in persons))
    places = [(m.start, m.end, m.ident) for m in gaz_matches(doc) if m.label == "PLACE" and m.start not in named]
    where = Jurisdiction(article.text, places, article.title)
    mentions: list[object] = []
    mentions += persons
    mentions += mentions_of(doc, "bodies")
    mentions += mentions_of(doc, "documents")
    sentences = sentence_spans(doc)
    facts, notes = capped_facts(list(doc._.facts or []), lambda f: f.sentence)
    article.notes += long_sentences_note(sentences) + notes
    return article_graph(article, where, mentions, facts, sentences, decisions)


def clean_one(raw: RawArticle) -> Union[Article, SourceError]:
    """Clean one article; whatever goes wrong stays this article's error, never the run's."""
    try:
        return clean(raw)
    except ValueError as exc:  # e.g. a page that is all furniture and bylines
        return SourceError(raw.source, str(exc))
    except Exception as exc:  # noqa: BLE001 (one record's surprise must not end the run)
        return SourceError(raw.source, f"cannot clean ({type(exc).__name__}: {exc}); please report it")


def articles(paths: Iterable[str]) -> Iterator[Union[Article, SourceError]]:
    """Read and clean: one ``Article`` per readable input, ``SourceError`` for the rest."""
    for raw in read_sources(paths):
        yield raw if isinstance(raw, SourceError) else clean_one(raw)


# -- pure functions over batches: what worker processes (or a cluster) run ---------------------
def clean_batch(batch: list[Union[RawArticle, SourceError]]) -> list[Union[Article, SourceError]]:
    """Clean a batch (read errors pass through in place). Pure: a batch in, values out."""
    return [item if isinstance(item, SourceError) else clean_one(item) for item in batch]


def extract_one(article: Article, decisions: Decisions | None = None) -> Item:
    """``extract_article``, but a rule that breaks on one article becomes that article's error
    (named, with the reason) instead of ending the run for all the others."""
    try:
        return extract_article(article, decisions)
    except Exception as exc:  # noqa: BLE001 (any failure of the rules is reported, never fatal)
        return SourceError(article.source, f"extraction failed ({type(exc).__name__}: {exc}); please report it")


def extract_articles(batch: list[Article]) -> list[Item]:
    """Extract a batch of cleaned articles. Pure: same batch, same graphs, on any process."""
    decisions = batch_decisions()
    return [extract_one(a, decisions) for a in batch]


@dataclass
class Extracted:
    """A batch's extraction as the loading process needs it: one graph for all its articles
    (merged where it was extracted) and, per article in order, its error or its notes. Sending
    this instead of each article's graph and text back from a worker spares the one writing
    process most of the unpickling and merging (issue 13: that process is the bottleneck)."""

    graph: Graph
    outcomes: list[Union[SourceError, list[str]]]


def extract_merged(batch: list[Article]) -> Extracted:
    """``extract_articles``, merged: what ``ingest`` maps over its workers."""
    graph = Graph()
    outcomes: list[Union[SourceError, list[str]]] = []
    for item in extract_articles(batch):
        if isinstance(item, SourceError):
            outcomes.append(item)
        else:
            graph.update(item.graph)
            outcomes.append(item.article.notes)
    for edge in graph.edges.values():
        for evidence in edge.evidence:
            evidence.to_json()  # its stored form, made here on a worker's core and not in the one writer
    return Extracted(graph, outcomes)


def extract_batch(batch: list[Union[RawArticle, SourceError]]) -> list[Item]:
    """Clean and extract a batch of raw articles: the unit of work a distributed executor
    maps over (``bench/dask_extract.py``); inputs and outputs are plain picklable values."""
    decisions = batch_decisions()
    return [item if isinstance(item, SourceError) else extract_one(item, decisions) for item in clean_batch(batch)]


def raw_batches(paths: Iterable[str], size: int) -> Iterator[list[Union[RawArticle, SourceError]]]:
    """The inputs under ``paths`` in order, in batches of ``size`` articles (read errors ride
    along where they occurred and do not count towards the size)."""
    batch: list[Union[RawArticle, SourceError]] = []
    count = 0
    for raw in read_sources(paths):
        batch.append(raw)
        if isinstance(raw, RawArticle):
            count += 1
            if count >= size:
                yield batch
                batch, count = [], 0
    if batch:
        yield batch


def estimate_articles(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, counted cheaply for a progress bar (a JSON Lines file
    by its lines, any other file as one); None when stdin is among them."""
    total = 0
    for p in paths:
        if str(p) == "-":
            return None
        path = Path(p)
        files = [f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES] if path.is_dir() else [path]
        for f in files:
            if SUFFIXES.get(f.suffix.lower()) != "jsonl":
                total += 1
                continue
            try:
                with f.open("rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                continue
    return total


class Executor(Protocol):
    """What runs the extraction of article batches: ``Workers`` here, or a cluster's client
    behind the same method (``bench/dask_extract.py``)."""

    def map(self, fn: Callable[[A], R], inputs: Iterable[tuple[A, C]], ahead: int | None = None) -> Iterator[tuple[C, R]]:
        """``(context, fn(arg))`` for each ``(arg, context)``, in input order, pulling the
        inputs lazily with at most ``ahead`` batches in flight."""


def windowed(submit: Callable[[A], "Future[R]"], inputs: Iterable[tuple[A, C]], limit: int) -> Iterator[tuple[C, R]]:
    """Submit lazily, keep at most ``limit`` tasks in flight, yield ``(context, result)`` in
    input order: bounded memory whatever the input size. ``submit`` returns anything with
    ``.result()`` (a concurrent.futures or a Dask future)."""
    window: deque[tuple[C, Future[R]]] = deque()
    for arg, ctx in inputs:
        window.append((ctx, submit(arg)))
        if len(window) >= limit:
            ctx0, fut = window.popleft()
            yield ctx0, fut.result()
    while window:
        ctx0, fut = window.popleft()
        yield ctx0, fut.result()


def _worker_start(parent: int) -> None:
    """In each worker process: signals are the parent's business (it stops the run at a safe
    point and then ends its workers), a worker whose parent died (``kill -9``) leaves
    within a second instead of idling on as an orphan, and the collector runs less often."""
    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, signal.SIG_IGN)
    # extraction makes many short-lived objects: collecting the young ones every 10,000
    # allocations instead of Python's 700 took a worker's CPU per article down 6% (1,150 bench
    # articles: 6.1 -> 5.7 CPU-s), for a few MB more between collections
    gc.set_threshold(10_000, *gc.get_threshold()[1:])

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


class Workers:
    """Runs batch functions in this process (``jobs=1``) or in a pool of ``jobs`` processes.

    ``map`` keeps results in input order and at most ``ahead`` batches in flight, pulling its
    input lazily: memory stays bounded whatever the corpus size, and with ``jobs=1`` every step
    happens in exactly the serial order. The pool starts on the first non-empty batch (an
    empty one is answered here), so a run with nothing to extract never pays for it. Workers
    are spawned, not forked: the parent may already run the embedded store's JVM, which does
    not survive a fork; as with any spawning pool, a script using it needs the
    ``if __name__ == "__main__":`` guard.
    """

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)
        self.pool: ProcessPoolExecutor | None = None

    def _submit(self, fn: Callable[[A], R], arg: A) -> Future[R]:
        if not arg:
            done: Future[R] = Future()
            done.set_result(fn(arg))
            return done
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_start,
                initargs=(os.getpid(),),
            )
        return self.pool.submit(fn, arg)

    def map(self, fn: Callable[[A], R], inputs: Iterable[tuple[A, C]], ahead: int | None = None) -> Iterator[tuple[C, R]]:
        """``(context, fn(arg))`` for each ``(arg, context)``; contexts stay in this process."""
        if self.jobs == 1:
            for arg, ctx in inputs:
                yield ctx, fn(arg)
            return
        yield from windowed(lambda arg: self._submit(fn, arg), inputs, ahead or 2 * self.jobs)

    def close(self) -> None:
        """End the workers: batches not started are cancelled, running ones finish (a batch is
        a fraction of a second; an interrupted run drops their results). Never killed: a worker
        killed while sending a result leaves half a message in the result pipe, and the pool's
        manager thread waits for the rest forever (seen: one SIGTERM in twelve hung
        ``graph ingest --jobs 2``)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def extract(paths: Iterable[str], jobs: int = 1, batch_articles: int = 50) -> Iterator[Item]:
    """Every article under ``paths`` with its graph (errors passed through, never raised),
    in input order; ``jobs`` > 1 extracts in that many processes."""
    if jobs <= 1:
        decisions = None
        for n, item in enumerate(articles(paths)):
            if n % batch_articles == 0:
                decisions = batch_decisions()  # read again for each batch's worth of articles
            yield item if isinstance(item, SourceError) else extract_one(item, decisions)
        return
    with Workers(jobs) as workers:
        for _, results in workers.map(extract_batch, ((b, None) for b in raw_batches(paths, batch_articles))):
            yield from results


def build_graph(paths: Iterable[str], jobs: int = 1) -> Graph:
    """All articles under ``paths`` merged into one in-memory graph."""
    g = Graph()
    for item in extract([str(p) for p in paths], jobs=jobs):
        if isinstance(item, ArticleResult):
            g.update(item.graph)
    return g


@dataclass
class IngestReport:
    """What a run did: articles read, skipped (already stored), loaded; rows written by kind
    (``node:Person``, ``edge:SIGNED:Person->Document``...) and the seconds spent writing;
    errors by source; whether ``stop`` ended it early (``interrupted``)."""

    read: int = 0
    skipped: int = 0
    loaded: int = 0
    done: int = 0  # articles whose window is finished (stored, skipped or failed)
    rows_by_kind: dict[str, int] = field(default_factory=dict)
    load_seconds: float = 0.0
    load_cpu_seconds: float = 0.0  # CPU time of this process while writing (the JVM's threads included)
    load_seconds_by_part: dict[str, float] = field(default_factory=dict)  # nodes, relationships, mentions
    errors: list[SourceError] = field(default_factory=list)
    interrupted: bool = False

    @property
    def rows(self) -> int:
        return sum(self.rows_by_kind.values())

    @property
    def relationship_rows(self) -> int:
        return sum(n for kind, n in self.rows_by_kind.items() if kind.startswith("edge:"))

    @property
    def facts(self) -> int:
        """Fact rows written (relationships other than MENTIONS)."""
        return sum(n for kind, n in self.rows_by_kind.items() if kind.startswith("edge:") and ":MENTIONS:" not in kind)


def ingest(
    paths: Iterable[str],
    store: Store,
    batch_articles: int = 50,
    batch_size: int = 500,
    force: bool = False,
    on_error: Callable[[SourceError], None] | None = None,
    on_article: Callable[[Article, bool], None] | None = None,
    jobs: int = 1,
    executor: Executor | None = None,
    on_note: Callable[[str], None] | None = None,
    stop: Callable[[], bool] | None = None,
    on_window: Callable[[IngestReport], None] | None = None,
    window_articles: int = 1000,
) -> IngestReport:
    """Extract and load, streaming: batches of ``batch_articles`` articles are extracted, and
    stored in windows of about ``window_articles``.

    Unchanged articles (same content hash, fully stored) are skipped unless ``force``. Each
    window is merged in Python (a fact repeated within it is written once: the bigger the
    window, the fewer rewrites of busy facts; the smaller, the sooner a stop) and stored in one
    transaction together with the flag that marks its articles stored (``Store.store_window``):
    a run cut short loses at most the window being written, and the next run loads it again
    without duplicates.

    With ``jobs`` > 1, extraction and loading overlap: the workers extract the next window
    (a window's batches and 2 × ``jobs`` more in flight) while this process stores window n. This process is the
    one writer (concurrent MERGEs of one key fail on ArcadeDB) and stores windows in input
    order, so the store ends up exactly as with ``jobs=1``. Writing happens here and not in a
    thread of its own: a writer thread makes a JPype call per property, gives the GIL back at
    each one, and waited up to 5 ms to get it back from the busy main thread (measured: three
    times slower). ``executor`` replaces the pool with any other ``Executor`` (a Dask
    cluster: ``bench/dask_extract.py``).

    ``stop`` is asked after each batch (``ingest.stopping``): when it says yes, a window being
    written commits, the batches extracted for the next one are dropped (the next run does
    them), and the report says ``interrupted``.
    ``on_article(article, known)`` is called once per article read, in input order, after its
    window is stored (``known``: skipped as already stored); ``on_window(report)`` after each
    window, with the running counts. ``on_note`` hears, per article, what was cut or dropped
    on the way in (``Article.notes``: limits, a date that was no date).
    """
    store.setup()
    report = IngestReport()
    stopping = stop or (lambda: False)
    handed: set[str] = set()  # article ids handed to extraction in this run

    def staged(batches: Iterator[list[Union[RawArticle, SourceError]]]) -> Iterator[tuple[list[Article], tuple]]:
        """Clean, report errors and drop known articles, group by group, as extraction asks
        for more (cleaning stays here: re-ingesting unchanged articles needs no workers, and
        cleaning on the workers, tried with a 10k corpus, stalled the pipeline: 148 s instead
        of 96 s end to end)."""
        for batch in batches:
            if stopping():
                return
            group: list[Article] = []
            for item in clean_batch(batch):
                if isinstance(item, SourceError):
                    report.errors.append(item)
                    if on_error:
                        on_error(item)
                else:
                    group.append(item)
            report.read += len(group)
            stored = store.known_articles(a.id for a in group)
            known = set() if force else stored | {a.id for a in group if a.id in handed}
            todo = [a for a in group if a.id not in known]
            handed.update(a.id for a in todo)
            yield todo, (group, known, todo, frozenset(a.id for a in todo if a.id in stored))

    # the open window: its batches (their articles and outcomes) and their graphs merged as
    # they come back, so that a window holds one graph, not one per batch, while it fills
    pending: list[tuple[list[Article], set[str], list[Article], frozenset[str], list[Union[SourceError, list[str]]]]] = []
    window = Graph()

    def extracted(group: list[Article], known: set[str], todo: list[Article], counted: frozenset[str], result: Extracted) -> None:
        """A batch back from extraction: its errors are reported now, its graph joins the window."""
        for a, outcome in zip(todo, result.outcomes):
            if isinstance(outcome, SourceError):
                report.errors.append(outcome)
                if on_error:
                    on_error(outcome)
            elif on_note:
                for note in outcome:  # what the limits cut (ingest.limits)
                    on_note(f"{a.source}: {note}")
        window.update(result.graph)
        pending.append((group, known, todo, counted, result.outcomes))

    def write_window() -> None:
        nonlocal window
        ingested, counted = [], set()
        for _, _, todo, batch_counted, outcomes in pending:
            ingested += [a.id for a, outcome in zip(todo, outcomes) if not isinstance(outcome, SourceError)]
            counted |= batch_counted
        if any(todo for _, _, todo, _, _ in pending):
            started, cpu = time.perf_counter(), time.process_time()
            stats = store.store_window(window, ingested, frozenset(counted), batch_size)
            report.load_seconds += time.perf_counter() - started
            report.load_cpu_seconds += time.process_time() - cpu
            for kind, n in stats.rows.items():
                report.rows_by_kind[kind] = report.rows_by_kind.get(kind, 0) + n
            for part, t in stats.seconds.items():
                report.load_seconds_by_part[part] = report.load_seconds_by_part.get(part, 0.0) + t
        report.loaded += len(ingested)
        for group, known, todo, _, _ in pending:
            report.skipped += len(group) - len(todo)
            report.done += len(group)
            if on_article:
                for a in group:
                    on_article(a, a.id in known)
        pending.clear()
        window = Graph()
        collections.window_done()
        if on_window:
            on_window(report)

    # Python's cyclic collector stays paused for the run and collects every few windows: with
    # the JVM up, its automatic passes cost more than merging the windows (graph.collector)
    collections = Collections()
    with Workers(jobs) as pool, gc_paused():
        workers = executor or pool
        try:
            ahead = -(-window_articles // batch_articles) + 2 * jobs
            batches = staged(raw_batches(paths, batch_articles))
            for (group, known, todo, counted), result in workers.map(extract_merged, batches, ahead=ahead):
                extracted(group, known, todo, counted, result)
                if sum(len(p[0]) for p in pending) >= window_articles:
                    write_window()
                if stopping():
                    break
            if pending and not stopping():
                write_window()
        finally:
            report.interrupted = stopping()
    return report


__all__ = [
    "ArticleResult",
    "Executor",
    "Extracted",
    "IngestReport",
    "RawArticle",
    "SourceError",
    "Workers",
    "build_graph",
    "estimate_articles",
    "clean_batch",
    "extract",
    "extract_article",
    "extract_articles",
    "extract_batch",
    "extract_merged",
    "extract_one",
    "ingest",
    "raw_batches",
]
