"""The library API: articles in, graph out. The CLI is a thin shell over these functions.

    from ingest.api import extract, build_graph, ingest
    for item in extract(["examples/"]):            # per article, no store touched
        ...
    graph = build_graph(["examples/"])              # everything merged in memory
    report = ingest(["examples/"], store)           # into a store, idempotent
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Union

from graph.build import article_graph
from graph.model import Graph
from graph.store import Store

from .clean import Article, clean
from .normalize import match_text
from .pipeline import get_nlp
from .resolve import Jurisdiction
from .sources import RawArticle, SourceError, read_sources


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


def extract_article(article: Article) -> ArticleResult:
    """Run the pipeline on one cleaned article and build its graph."""
    doc = get_nlp()(match_text(article.text))
    return ArticleResult(article, graph_of(article, doc))


def graph_of(article: Article, doc) -> Graph:  # noqa: ANN001 (a spaCy Doc)
    places = [(s.start_char, s.end_char, s.id_) for s in doc.spans.get("gaz", []) if s.label_ == "PLACE"]
    where = Jurisdiction(article.text, places, article.title)
    mentions: list[object] = []
    mentions += list(doc._.persons or [])
    mentions += [s._.body_mention for s in doc.spans.get("bodies", [])]
    mentions += [s._.doc_mention for s in doc.spans.get("documents", [])]
    return article_graph(article, where, mentions, list(doc._.facts or []))


def articles(paths: Iterable[str]) -> Iterator[Union[Article, SourceError]]:
    """Read and clean: one ``Article`` per readable input, ``SourceError`` for the rest."""
    for raw in read_sources(paths):
        if isinstance(raw, SourceError):
            yield raw
            continue
        try:
            yield clean(raw)
        except ValueError as exc:  # defensive: a cleaner rule rejecting odd input
            yield SourceError(raw.source, f"cannot clean: {exc}")


def extract(paths: Iterable[str]) -> Iterator[Item]:
    """Every article under ``paths`` with its graph (errors passed through, never raised)."""
    for item in articles(paths):
        yield item if isinstance(item, SourceError) else extract_article(item)


def build_graph(paths: Iterable[str]) -> Graph:
    """All articles under ``paths`` merged into one in-memory graph."""
    g = Graph()
    for item in extract([str(p) for p in paths]):
        if isinstance(item, ArticleResult):
            g.update(item.graph)
    return g


@dataclass
class IngestReport:
    """What a run did: articles read, skipped (already stored), loaded; errors by source."""

    read: int = 0
    skipped: int = 0
    loaded: int = 0
    rows: int = 0
    errors: list[SourceError] = field(default_factory=list)


def ingest(
    paths: Iterable[str],
    store: Store,
    batch_articles: int = 50,
    batch_size: int = 500,
    force: bool = False,
    on_error: Callable[[SourceError], None] | None = None,
    on_article: Callable[[Article, bool], None] | None = None,
) -> IngestReport:
    """Extract and load, streaming: articles are loaded in groups of ``batch_articles``.

    Unchanged articles (same content hash, fully stored) are skipped unless ``force``. An
    article is flagged as stored only after all its facts are, so a run cut short loads it
    again next time; every write is a MERGE, so that repeat never duplicates anything.
    """
    store.setup()
    report = IngestReport()
    pending: list[Article] = []

    def flush() -> None:
        if not pending:
            return
        known = set() if force else store.known_articles(a.id for a in pending)
        todo = [a for a in pending if a.id not in known]
        report.skipped += len(pending) - len(todo)
        merged = Graph()
        for a in todo:
            merged.update(extract_article(a).graph)
        if todo:
            report.rows += store.load(merged, batch_size=batch_size).total_rows
            store.mark_ingested(a.id for a in todo)
        report.loaded += len(todo)
        for a in pending:
            if on_article:
                on_article(a, a.id in known)
        pending.clear()

    for item in articles(paths):
        if isinstance(item, SourceError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        report.read += 1
        pending.append(item)
        if len(pending) >= batch_articles:
            flush()
    flush()
    return report


__all__ = ["ArticleResult", "IngestReport", "RawArticle", "SourceError", "build_graph", "extract", "extract_article", "ingest"]
