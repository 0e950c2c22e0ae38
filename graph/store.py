"""The Store interface: what every backend offers to the layers above it.

Nothing above this module knows which database it talks to. A backend only has to run Cypher
(read or write) and run a list of statements in one transaction; loading, counting and dumping
the graph are written once here, in standard Neo4j 5 Cypher with parameters, so the embedded
store and Neo4j behave the same.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .loadplan import Statement, plan
from .model import Edge, Evidence, Graph, Node, labels, node_id, relationship_types, schema

SCHEMA_CYPHER = Path(__file__).with_name("schema.cypher")
FULLTEXT_CYPHER = Path(__file__).with_name("schema-fulltext.cypher")


class StoreError(Exception):
    """A store refused an operation (bad query, constraint violation...)."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or opened (CLI exit code 3)."""


#: what every store says when ``read()`` is handed a statement that would write
READ_ONLY_REFUSAL = "read-only query refused: the statement would modify the graph (use a write to change it)"


MARK_INGESTED = "UNWIND $keys AS k MATCH (a:Article {key: k}) SET a.ingested = true"


@dataclass
class LoadStats:
    """What one load did: statements and rows sent, per kind of statement."""

    rows: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    #: seconds by part ("nodes", "relationships", "mentions") where a store measures them
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def schema_statements(path: Path = SCHEMA_CYPHER) -> list[str]:
    """The DDL statements of ``schema.cypher`` (one per ``;``, comments dropped)."""
    text = re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8"))
    return [s.strip() for s in text.split(";") if s.strip()]


class Store(ABC):
    """A graph store. Subclasses implement the four primitives at the top."""

    #: printable description, never containing a password ("embedded:/path", "bolt://host:7687")
    name: str = "store"

    @abstractmethod
    def read(self, cypher: str, params: dict[str, Any] | None = None, entities: bool = False) -> list[dict[str, Any]]:
        """Run a query that must not write; rows as dicts. Nodes and relationships in a row are
        their property maps, or with ``entities`` the ``node_entity``/``relationship_entity``
        shapes (labels, id, type, ends), as Neo4j Browser's table shows them."""

    @abstractmethod
    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one statement in its own write transaction; rows as dicts."""

    @abstractmethod
    def write_batch(self, statements: list[tuple[str, dict[str, Any]]]) -> None:
        """Run several statements in one transaction: all of them commit, or none."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection or the database files."""

    # -- schema -------------------------------------------------------------------------------
    def setup(self) -> None:
        """Create constraints and indexes (idempotent: ``IF NOT EXISTS``), then the full-text
        index where the server has one: ArcadeDB refuses ``CREATE FULLTEXT INDEX``, and there
        the name lookups use the range indexes on ``search`` instead."""
        for stmt in schema_statements():
            self.write(stmt)
        for stmt in schema_statements(FULLTEXT_CYPHER):
            try:
                self.write(stmt)
            except StoreUnavailable:
                raise
            except StoreError:
                continue

    # -- loading ------------------------------------------------------------------------------
    def load(
        self,
        graph: Graph,
        batch_size: int = 1000,
        progress: Callable[[int], None] | None = None,
    ) -> LoadStats:
        """MERGE ``graph`` into the store, each batch its own transaction.

        Every statement is a MERGE, so a batch that failed can simply be run again: a re-run
        after a crash completes the load without duplicates.
        """
        stats = LoadStats()
        for statement in plan(graph):
            for batch in statement.batches(batch_size):
                self.write_batch([(batch.cypher, {"rows": batch.rows})])
                stats.rows[batch.kind] = stats.rows.get(batch.kind, 0) + len(batch.rows)
                stats.batches += 1
                if progress:
                    progress(len(batch.rows))
        return stats

    def store_window(
        self, graph: Graph, ingested: Iterable[str] = (), counted: frozenset[str] = frozenset(), batch_size: int = 1000
    ) -> LoadStats:
        """MERGE one window of articles (``graph``, merged in Python so each fact is sent once)
        and flag the ``ingested`` articles as stored, all in ONE transaction: a crash loses at
        most this window, and a re-run loads it again without duplicates. ``counted``: articles
        the store has counted before (re-ingested with ``--force``; see ``loadplan.edge_row``)."""
        stats = LoadStats()
        statements: list[tuple[str, dict[str, Any]]] = []
        for statement in plan(graph, counted):
            for batch in statement.batches(batch_size):
                statements.append((batch.cypher, {"rows": batch.rows}))
                stats.rows[batch.kind] = stats.rows.get(batch.kind, 0) + len(batch.rows)
                stats.batches += 1
        keys = list(ingested)
        if keys:
            statements.append((MARK_INGESTED, {"keys": keys}))
        if statements:
            self.write_batch(statements)
        return stats

    def known_articles(self, keys: Iterable[str]) -> set[str]:
        """Which of these article keys are already stored (to skip unchanged articles)."""
        keys = list(keys)
        if not keys:
            return set()
        rows = self.read(
            "UNWIND $keys AS k MATCH (a:Article {key: k}) WHERE a.ingested = true RETURN a.key AS key", {"keys": keys}
        )
        return {r["key"] for r in rows}

    def mark_ingested(self, keys: Iterable[str]) -> None:
        """Flag articles whose facts are all stored. Written after the facts, so an article
        cut off by a crash is not taken as done and is loaded again on the next run."""
        keys = list(keys)
        if keys:
            self.write(MARK_INGESTED, {"keys": keys})

    # -- reading the whole graph -------------------------------------------------------------
    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type (zeros included, so output is stable)."""
        nodes = {label: 0 for label in labels()}
        for label in labels():
            nodes[label] = int(self.read(f"MATCH (n:{label}) RETURN count(n) AS c")[0]["c"])
        rels = {t: 0 for t in relationship_types()}
        for t in relationship_types():
            rels[t] = int(self.read(f"MATCH ()-[e:{t}]->() RETURN count(e) AS c")[0]["c"])
        return {"nodes": nodes, "relationships": rels}

    def dump(self) -> Graph:
        """The whole graph as a ``Graph`` (for export, views and analytics).

        Node list properties come back as stored (the loader writes every ``merge_lists``
        property, empty or not); relationship properties that are empty lists or null are left
        out, since the loader writes the generic ones (``titles``, ``tasks``...) on every type.
        """
        g = Graph()
        for label in labels():
            for row in self.read(f"MATCH (n:{label}) RETURN properties(n) AS p"):
                props = dict(row["p"])
                key = props.pop("key")
                g.nodes[node_id(label, key)] = Node(label, key, props)
        for t in relationship_types():
            q = (
                f"MATCH (a)-[e:{t}]->(b) RETURN labels(a)[0] AS la, a.key AS ka, "
                "labels(b)[0] AS lb, b.key AS kb, properties(e) AS p"
            )
            for row in self.read(q):
                edge = stored_edge(t, node_id(row["la"], row["ka"]), node_id(row["lb"], row["kb"]), row["p"])
                g.edges[edge.id] = edge
        return g

    # -- context manager ----------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def node_entity(label: str, props: dict[str, Any]) -> dict[str, Any]:
    """A node as ``graph cypher`` shows it: its id (``Person:chu ngọc anh``), labels, properties."""
    return {"id": node_id(label, props.get("key", "")), "labels": [label], "properties": props}


def relationship_entity(rel_type: str, start: str, end: str, props: dict[str, Any]) -> dict[str, Any]:
    """A relationship as ``graph cypher`` shows it: type, the ids of its ends, properties."""
    return {"type": rel_type, "start": start, "end": end, "properties": props}


def stored_edge(rel_type: str, source: str, target: str, props: dict[str, Any]) -> Edge:
    """A relationship as read back from a store: empty or null properties dropped (the loader
    writes the generic ones on every type), evidence decoded."""
    props = {k: v for k, v in props.items() if v not in (None, [])}
    evidence = [Evidence.from_json(x) for x in props.pop("evidence", None) or []]
    return Edge(rel_type, source, target, props, evidence)


def decode_evidence(values: Iterable[str] | None) -> list[dict[str, Any]]:
    """Stored evidence strings back to ``{article, sentence, start, end}`` dicts."""
    return [json.loads(v) for v in values or []]


__all__ = [
    "LoadStats",
    "READ_ONLY_REFUSAL",
    "Statement",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "decode_evidence",
    "node_entity",
    "relationship_entity",
    "schema",
    "stored_edge",
    "schema_statements",
]
