"""Open the store a command asked for: the embedded default, or Neo4j over Bolt.

Backends are imported lazily, so a command that only extracts never starts a JVM and one that
only talks to Neo4j never touches the embedded files.
"""

from __future__ import annotations

from .config import setting
from .store import Store, StoreError, StoreUnavailable


def open_store(
    db: str | None = None, neo4j: str | None = None, database: str | None = None, create: bool = True
) -> Store:
    """The embedded store at ``db`` (or GRAPH_DB, or the default path), or, when ``neo4j`` is
    given (a URI, or ``"env"`` for NEO4J_URI), the Bolt store. Connection problems raise
    ``StoreUnavailable`` with a message that names the store but never the password. With
    ``create=False`` a missing embedded store is an error instead of a new empty store."""
    if neo4j:
        from .bolt import BoltStore

        uri = setting("neo4j_uri") if neo4j == "env" else neo4j
        store = BoltStore(
            uri=uri,
            user=setting("neo4j_user"),
            password=setting("neo4j_password"),
            database=setting("neo4j_database", database),
        )
        _ensure_schema(store)
        return store
    from .embedded import EmbeddedStore

    return EmbeddedStore(setting("db", db), heap=setting("heap"), create=create)


def _ensure_schema(store: Store) -> None:
    """Schema setup on first connect, so that a Neo4j filled by ``neo4j-admin database import``
    or by hand gets its constraints and indexes too (idempotent: ``IF NOT EXISTS``). A user
    who may read but not change the schema still gets a working store."""
    try:
        store.setup()
    except StoreUnavailable:
        store.close()
        raise
    except StoreError:
        pass
