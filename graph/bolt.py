"""Neo4j (or any Bolt server) through the official ``neo4j`` driver.

Every call runs in a managed transaction (``execute_read`` / ``execute_write``), so the driver
retries transient failures (leader switches, deadlocks, a dropped connection) for up to
``retry_seconds``; ``write_batch`` is one such transaction, so a batch commits whole or not at
all, and because every load statement is a MERGE a load that failed half-way completes without
duplicates when run again.

Connection problems are found when the store is opened, not at the first query: an unreachable
server, a wrong password or a missing database each give one ``StoreUnavailable`` line that
names the URI (without any user-info part) and never the password.

``read()`` runs in READ access mode. Neo4j then refuses writes itself; ArcadeDB's Bolt plugin,
which the tests use as the server, does not enforce access modes, so ``read()`` also looks at the
result summary's query type and rolls back anything that wrote.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Callable
from urllib.parse import urlsplit, urlunsplit

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    ConstraintError,
    CypherSyntaxError,
    DatabaseUnavailable,
    DriverError,
    IncompleteCommit,
    Neo4jError,
    ServiceUnavailable,
    TransientError,
)
from neo4j.graph import Node, Path, Relationship

from .store import READ_ONLY_REFUSAL, Store, StoreError, StoreUnavailable, node_entity, relationship_entity

# The driver logs every retry as a multi-line WARNING; without a handler of the application's
# own, Python would print those on the user's terminal. The final error says what matters.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

WRITE_QUERY_TYPES = {"w", "rw", "s"}
BOLT_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


class _WouldWrite(Exception):
    """Raised inside a read transaction that wrote, so the driver rolls it back."""


def public_uri(uri: str) -> str:
    """The URI as it may be printed: any ``user:password@`` part removed."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


class BoltStore(Store):
    """A Bolt server (Neo4j 5, or ArcadeDB's Bolt plugin) as a ``Store``."""

    def __init__(
        self,
        uri: str | None,
        user: str | None = "neo4j",
        password: str | None = None,
        database: str | None = None,
        *,
        retry_seconds: float = 15.0,
        timeout: float = 5.0,
    ) -> None:
        if not uri:
            raise StoreUnavailable("no Neo4j URI: pass --neo4j bolt://host:7687 or set NEO4J_URI")
        self.uri = public_uri(uri)
        self.user = user or "neo4j"
        self.database = database or None
        self.name = self.uri if not self.database else f"{self.uri} (database {self.database})"
        self._password = password or ""
        auth = (self.user, self._password) if password else None
        if urlsplit(uri).scheme not in BOLT_SCHEMES:
            raise StoreUnavailable(f"{self.uri}: not a Bolt URI: use bolt://host:7687 or neo4j://host:7687")
        try:
            self._driver = GraphDatabase.driver(
                uri, auth=auth, max_transaction_retry_time=retry_seconds, connection_timeout=timeout
            )
        except (ConfigurationError, ValueError) as exc:
            raise StoreUnavailable(
                self._scrub(f"{self.uri}: not a Bolt URI ({exc}); use bolt://host:7687 or neo4j://host:7687")
            ) from None
        try:
            self._driver.verify_connectivity()
            self.read("RETURN 1 AS ok")  # the database exists and this user may read it
        except StoreError:
            self._driver.close()
            raise
        except Exception as exc:
            self._driver.close()
            raise self._error(exc) from None

    # -- the four primitives ------------------------------------------------------------------
    def read(self, cypher: str, params: dict[str, Any] | None = None, entities: bool = False) -> list[dict[str, Any]]:
        """Run a query in READ mode; a statement that writes is rolled back and refused."""

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(cypher, params or {})
            rows = [_row(record, entities) for record in result]
            if result.consume().query_type in WRITE_QUERY_TYPES:
                raise _WouldWrite
            return rows

        try:
            return self._session(neo4j.READ_ACCESS, lambda s: s.execute_read(work))
        except _WouldWrite:
            raise StoreError(f"{self.name}: {READ_ONLY_REFUSAL}") from None

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [_row(record) for record in tx.run(cypher, params or {})]

        return self._session(neo4j.WRITE_ACCESS, lambda s: s.execute_write(work))

    def write_batch(self, statements: list[tuple[str, dict[str, Any]]]) -> None:
        def work(tx: neo4j.ManagedTransaction) -> None:
            for cypher, params in statements:
                tx.run(cypher, params or {}).consume()

        self._session(neo4j.WRITE_ACCESS, lambda s: s.execute_write(work))

    def close(self) -> None:
        self._driver.close()

    # -- helpers ------------------------------------------------------------------------------
    def _session(self, mode: str, call: Callable[[neo4j.Session], Any]) -> Any:
        """Run ``call`` in a fresh session: driver errors become one-line ``StoreError``s.

        Sessions share the driver's bookmark manager, so a read always sees the writes this
        store made before it, even on a cluster.
        """
        try:
            with self._driver.session(
                database=self.database,
                default_access_mode=mode,
                bookmark_manager=self._driver.execute_query_bookmark_manager,
            ) as session:
                return call(session)
        except _WouldWrite:
            raise
        except Exception as exc:
            raise self._error(exc) from None

    def _error(self, exc: Exception) -> StoreError:
        """The driver's exception as one line in the words both stores use."""
        where = self.name
        if isinstance(exc, AuthError):
            return StoreUnavailable(
                f"{where}: authentication failed for user {self.user!r} (check NEO4J_USER and NEO4J_PASSWORD)"
            )
        if isinstance(exc, IncompleteCommit):
            return StoreUnavailable(
                f"{where}: connection lost while committing, so the last batch may be missing: "
                "run the load again (it changes nothing already stored)"
            )
        if isinstance(exc, ServiceUnavailable):
            return StoreUnavailable(self._scrub(f"cannot reach the Neo4j server at {where}: {_reason(exc)}"))
        if isinstance(exc, Neo4jError):
            code = exc.code or ""
            message = _first_line(exc.message or code)
            if code.endswith("Database.DatabaseNotFound"):
                return StoreUnavailable(f"{self.uri}: database {self.database or '(default)'!r} does not exist")
            if code.endswith("Statement.AccessMode"):
                return StoreError(f"{where}: {READ_ONLY_REFUSAL}")
            if isinstance(exc, ConstraintError):
                return StoreError(self._scrub(f"{where}: constraint violation: {message}"))
            if isinstance(exc, CypherSyntaxError):
                return StoreError(self._scrub(f"{where}: Cypher syntax error: {message}"))
            if isinstance(exc, (DatabaseUnavailable, TransientError)):
                return StoreUnavailable(self._scrub(f"{where}: database unavailable: {message}"))
            return StoreError(self._scrub(f"{where}: {message}"))
        if isinstance(exc, (DriverError, OSError)):
            return StoreUnavailable(self._scrub(f"{where}: connection lost: {_first_line(str(exc))}"))
        return StoreError(self._scrub(f"{where}: {type(exc).__name__}: {_first_line(str(exc))}"))

    def _scrub(self, message: str) -> str:
        """Belt and braces: no message leaves this module with the password in it."""
        return message.replace(self._password, "***") if self._password else message


def _first_line(text: str) -> str:
    text = text.strip()
    return text.splitlines()[0] if text else ""


def _reason(exc: Exception) -> str:
    """"Connection refused" out of the driver's two-line "Couldn't connect ... (reason ...)"."""
    text = str(exc)
    found = re.search(r"\(reason (?:\[Errno -?\d+\] )?([^)]*)\)", text)
    return found.group(1) if found else _first_line(text) or type(exc).__name__


def _row(record: neo4j.Record, entities: bool = False) -> dict[str, Any]:
    return {key: _value(value, entities) for key, value in record.items()}


def _node_id(node: Node | None) -> str | None:
    """Our id of a node (``Label:key``), or the server's element id when the node came back
    without its label or key (a relationship's end that the query did not return)."""
    if node is None:
        return None
    if node.labels and node.get("key") is not None:
        return f"{sorted(node.labels)[0]}:{node['key']}"
    return node.element_id


def _value(value: Any, entities: bool = False) -> Any:
    """Driver values to plain Python, the same shapes the embedded store returns."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (Node, Relationship)):
        props = {k: _value(v) for k, v in value.items()}
        if not entities:
            return props
        if isinstance(value, Relationship):
            return relationship_entity(value.type, _node_id(value.start_node), _node_id(value.end_node), props)
        return node_entity(sorted(value.labels)[0] if value.labels else "", props)
    if isinstance(value, Path):
        out: list[Any] = [_value(value.nodes[0], entities)]
        for rel, node in zip(value.relationships, value.nodes[1:]):
            out += [_value(rel, entities), _value(node, entities)]
        return out
    if isinstance(value, dict):
        return {str(k): _value(v, entities) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_value(v, entities) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


__all__ = ["BoltStore", "public_uri"]
