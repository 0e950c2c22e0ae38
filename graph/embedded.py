"""The default store: ArcadeDB embedded in this process (``arcadedb-embedded``, its own JRE).

Nothing to install and no server to run: the database is a directory (``--db`` / GRAPH_DB). The
engine runs in a JVM started once per process with a capped heap; ArcadeDB's console logging and
the JVM's start-up warnings are kept off the user's terminal (see ``start_jvm``).

Cypher as verified on arcadedb-embedded 26.10.2.post1 (tests/test_store_contract.py pins it):
MERGE, uniqueness constraints and indexes with ``IF NOT EXISTS``, UNWIND, list comprehensions,
CASE, ``shortestPath``, ``EXISTS { }``, ``properties()``, ``labels(n)[0]``, ORDER BY / LIMIT and
OPTIONAL MATCH all behave as in Neo4j 5. Quirks:

- ``CREATE FULLTEXT INDEX`` is refused ("Only standard, RANGE and TEXT index types are supported"):
  ``Store.setup`` treats the full-text index as optional.
- A duplicate key under a uniqueness constraint fails at commit (DuplicatedKeyException), not
  at the statement, so a batch is rejected as a whole.
- ``db.query`` refuses any statement that is not idempotent (QueryNotIdempotentException), which
  is what makes ``read()`` read-only; a read may still LOAD CSV (it reads files, writes nothing).
- Temporal functions (``date()``) return engine objects: rows carry them as ISO strings, and the
  graph stores its dates as ISO strings in the first place.
- Nodes, relationships and paths in a RETURN come back as engine objects: rows carry a node or
  relationship as its property map and a path as the alternating list of them (the Bolt store
  does the same, so both stores return identical rows).
- Opening a directory that is not a database silently writes engine files into it, so the store
  checks first and refuses.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .model import Graph, labels, relationship_types
from .store import (
    READ_ONLY_REFUSAL,
    LoadStats,
    Store,
    StoreError,
    StoreUnavailable,
    node_entity,
    relationship_entity,
)

LOG_CONFIG = Path(__file__).with_name("arcadedb-log.properties")


@contextmanager
def _stderr_captured() -> Iterator[Any]:
    """Point file descriptor 2 at a temporary file for the duration of the block.

    The JVM writes "WARNING: Using incubator modules" straight to fd 2 while it boots, below
    Python's ``sys.stderr``; only redirecting the descriptor keeps it off the terminal. Python
    exceptions are unaffected (they propagate and print after the descriptor is restored), and
    the captured text is handed to the caller so a failed start can still say why.
    """
    sink = tempfile.TemporaryFile()
    saved = os.dup(2)
    try:
        os.dup2(sink.fileno(), 2)
        yield sink
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        sink.close()


#: JVM options for a process that only reads: compiling with C1 alone and the serial collector
#: start answering sooner (measured, first who-issued on the demo store: 1.3 s -> 0.5 s for the
#: first query); a load keeps the default JIT and collector, which win on long runs (the same
#: 30k articles written window by window: 70.6 CPU-s on the writing thread with C1 alone,
#: 50.4 with C2; C1 came out ahead only up to about 10k, by the C2 compiler's own CPU time).
QUICK_JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"]


def start_jvm(heap: str = "512m", quick: bool = False) -> None:
    """Start this process's JVM once, quietly, with ``heap`` as its maximum heap.

    A process has one JVM: the first call fixes the heap (and ``quick``: ``QUICK_JVM`` for a
    process that only reads) and later calls (another store, the test Bolt server) join it.
    Its classes come from a class-data sharing archive made on first use (``graph.jvmcache``),
    which halves the cold start of every command. ArcadeDB logging goes to ``LOG_CONFIG``'s file
    instead of the console and ``./log/``; a JVM crash report goes to the temp directory, not
    ``./log/``.
    """
    import jpype

    if jpype.isJVMStarted():
        return
    from arcadedb_embedded import jvm

    from .config import heap_problem

    problem = heap_problem(heap)
    if problem:
        raise StoreUnavailable(f"cannot start the Java runtime of the embedded store: {problem} (set GRAPH_HEAP)")

    os.environ.setdefault(
        "ARCADEDB_JVM_ERROR_FILE", str(Path(tempfile.gettempdir()) / "vn-officials-graph-hs_err_pid%p.log")
    )
    from .jvmcache import archive_options

    # -Xrs: SIGINT and SIGTERM stay with Python (ingest.stopping), never the JVM's handlers.
    # -XX:+DisableExplicitGC: JPype ends many of Python's garbage collections with a call to
    # System.gc(), a full collection of the JVM heap; during a load that doubled the time spent
    # outside the engine (graph/collector.py)
    args = ["-Xrs", "-XX:+DisableExplicitGC", f"-Djava.util.logging.config.file={LOG_CONFIG}", *(QUICK_JVM if quick else [])]
    with _stderr_captured() as captured:
        try:
            jvm.start_jvm(heap_size=heap, jvm_args=args + archive_options(args))
        except Exception as exc:
            captured.seek(0)
            said = [ln for ln in captured.read().decode(errors="replace").splitlines() if ln.strip()]
            detail = said[-1] if said else str(exc)
            raise StoreUnavailable(f"cannot start the Java runtime of the embedded store (heap {heap}): {detail}") from None


def _java_reason(exc: BaseException) -> tuple[str, str]:
    """The innermost Java exception that has something to say: (simple class name, message).

    The bindings wrap the engine's exception in ``ArcadeDBError("Command failed: ...")`` and the
    engine often wraps the real reason (a LockException, a DuplicatedKeyException) in turn.
    """
    found = ("", str(exc))
    java = exc.__cause__
    for _ in range(32):
        if java is None or not hasattr(java, "getMessage"):
            break
        message = java.getMessage()
        if message:
            found = (str(java.getClass().getSimpleName()), str(message))
        java = java.getCause()
    name, message = found
    return name, message.strip().splitlines()[0] if message.strip() else name


class EmbeddedStore(Store):
    """ArcadeDB embedded at ``path`` (created on first use), in this process's JVM."""

    def __init__(self, path: str | os.PathLike[str], heap: str = "512m", create: bool = True) -> None:
        self.path = Path(path).expanduser().absolute()
        self.name = f"embedded:{self.path}"
        self._db: Any = None
        self._writer: Any = None
        self._create = create
        start_jvm(heap, quick=not create)  # a store that may not be created is only read
        self._db = self._open()

    def _open(self) -> Any:
        import arcadedb_embedded as adb

        where = str(self.path)
        if self.path.exists() and not self.path.is_dir():
            raise StoreUnavailable(f"{where} is a file, not a graph store directory (choose another --db)")
        try:
            exists = adb.database_exists(where)
            if self.path.is_dir() and not exists and any(self.path.iterdir()) and not _clear_half_created(self.path):
                raise StoreUnavailable(
                    f"{where} is not a graph store: the directory holds other files (choose a new or empty --db)"
                )
            if exists:
                return adb.open_database(where)
            if not self._create:
                # a question asked of a store that was never filled: say so, create nothing
                raise StoreUnavailable(f"no graph store at {where} (run `graph ingest` first, or pass --db)")
            return self._create_atomically()
        except OSError as exc:
            raise StoreUnavailable(f"cannot create the graph store at {where}: {exc.strerror}") from None
        except adb.ArcadeDBError as exc:
            kind, message = _java_reason(exc)
            if kind == "LockException" or "locked by another process" in message:
                raise StoreUnavailable(
                    f"the graph store at {where} is in use by another process (wait for it, or use another --db)"
                ) from None
            if "already in use" in message:
                raise StoreUnavailable(f"the graph store at {where} is already open in this process") from None
            raise StoreUnavailable(f"cannot open the graph store at {where}: {message}") from None

    def _create_atomically(self) -> Any:
        """A new store is made in a hidden sibling directory, given its schema, and renamed
        into place: a process killed while creating it leaves no half-made store at the path
        (only the sibling, which the next creation removes)."""
        import arcadedb_embedded as adb

        self.path.parent.mkdir(parents=True, exist_ok=True)
        for left in self.path.parent.glob(f".{self.path.name}.creating-*"):
            if not _alive(left.name.rpartition("-")[2]):
                shutil.rmtree(left, ignore_errors=True)
        building = self.path.with_name(f".{self.path.name}.creating-{os.getpid()}")
        shutil.rmtree(building, ignore_errors=True)
        self._db = adb.create_database(str(building))
        try:
            self.setup()
        finally:
            self._db.close()
            self._db, self._writer = None, None
        os.rename(building, self.path)  # onto nothing or an empty directory: atomic
        return adb.open_database(str(self.path))

    # -- the four primitives ------------------------------------------------------------------
    def read(self, cypher: str, params: dict[str, Any] | None = None, entities: bool = False) -> list[dict[str, Any]]:
        """Run a read-only query: the engine refuses anything that would write."""
        db = self._live()
        try:
            return [_row(r, entities) for r in db.query("opencypher", cypher, params or {}).to_list()]
        except Exception as exc:
            raise self._error(exc) from None

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        db = self._live()
        self._writer = None  # a Cypher write may delete what the record writer remembers
        try:
            with db.transaction():
                result = db.command("opencypher", cypher, params or {})
                return [_row(r.to_dict()) for r in result] if result is not None else []
        except Exception as exc:
            raise self._error(exc) from None

    def write_batch(self, statements: list[tuple[str, dict[str, Any]]]) -> None:
        db = self._live()
        self._writer = None
        try:
            with db.transaction():
                for cypher, params in statements:
                    db.command("opencypher", cypher, params or {})
        except Exception as exc:
            raise self._error(exc) from None

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type, from the engine's record counts: the
        Cypher count of a relationship type walks every vertex (0.47 s a type on the 100k
        graph, even for a type with no relationships), ``countType`` costs microseconds."""
        db = self._live()
        try:
            return {"nodes": {label: int(db.count_type(label)) for label in labels()},
                    "relationships": {t: int(db.count_type(t)) for t in relationship_types()}}
        except Exception as exc:
            raise self._error(exc) from None

    # -- loading: the record writer instead of Cypher MERGE (graph/recordload.py) ----------
    def setup(self) -> None:
        super().setup()
        self._record_writer().declare_types()

    def load(self, graph: Graph, batch_size: int = 1000, progress: Callable[[int], None] | None = None) -> LoadStats:
        """The whole graph in one transaction, merged record by record (``batch_size`` is the
        Cypher stores' concern: here a transaction costs the same whatever its size)."""
        stats = self.store_window(graph)
        if progress:
            progress(stats.total_rows)
        return stats

    def store_window(
        self, graph: Graph, ingested: Iterable[str] = (), counted: frozenset[str] = frozenset(), batch_size: int = 1000
    ) -> LoadStats:
        writer = self._record_writer()
        try:
            rows, seconds = writer.write(graph, ingested, counted)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:
            raise self._error(exc) from None
        return LoadStats(rows=rows, batches=1, seconds=seconds)

    def _record_writer(self) -> Any:
        from .recordload import RecordWriter

        if self._writer is None:
            self._writer = RecordWriter(self._live())
        return self._writer

    def close(self) -> None:
        self._writer = None
        if self._db is not None:
            db, self._db = self._db, None
            db.close()

    # -- helpers ------------------------------------------------------------------------------
    def _live(self) -> Any:
        if self._db is None:
            raise StoreError(f"{self.name}: the store is closed")
        return self._db

    def _error(self, exc: Exception) -> StoreError:
        """One line that says what went wrong, in the words both stores use."""
        from arcadedb_embedded import ArcadeDBError

        if not isinstance(exc, ArcadeDBError):
            return StoreError(f"{self.name}: {type(exc).__name__}: {exc}")
        kind, message = _java_reason(exc)
        if kind == "QueryNotIdempotentException":
            return StoreError(f"{self.name}: {READ_ONLY_REFUSAL}")
        if kind == "DuplicatedKeyException":
            return StoreError(f"{self.name}: constraint violation: {message}")
        if kind == "CommandParsingException":
            return StoreError(f"{self.name}: Cypher syntax error: {message}")
        return StoreError(f"{self.name}: {message}")


#: what ArcadeDB writes before a new database holds anything (issue 11: a store killed while
#: being created kept these, and was then refused as "a directory with other files")
_CREATION_FILES = re.compile(r"database\.lck|txlog_\d+\.wal|configuration\.json|schema(\.prev)?\.json|dictionary\..*\.dict")


def _clear_half_created(path: Path) -> bool:
    """Remove the files of a store whose creation never finished (only engine files, no
    data in any of them); False, touching nothing, when the directory holds anything else."""
    entries = list(path.iterdir())
    if not entries or not all(e.is_file() and _CREATION_FILES.fullmatch(e.name) for e in entries):
        return False
    for e in entries:
        e.unlink()
    return True


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


_SIMPLE = (str, bool, int, float)


def _row(row: dict[str, Any], entities: bool = False) -> dict[str, Any]:
    return {str(k): _value(v, entities) for k, v in row.items()}


def _value(value: Any, entities: bool = False) -> Any:
    """Engine values to plain Python: see the module docstring for nodes, paths and dates
    (``entities``: nodes and relationships as ``node_entity``/``relationship_entity``)."""
    if value is None or isinstance(value, _SIMPLE):
        return value
    if isinstance(value, dict):
        return {str(k): _value(v, entities) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_value(v, entities) for v in value]
    import jpype

    if isinstance(value, jpype.JClass("com.arcadedb.database.Document")):
        from arcadedb_embedded.type_conversion import convert_java_to_python

        props = _value(convert_java_to_python(value.propertiesAsMap()))
        if not entities:
            return props
        if isinstance(value, jpype.JClass("com.arcadedb.graph.Edge")):
            ends = [f"{v.getTypeName()}:{v.get('key')}" for v in (value.getOutVertex(), value.getInVertex())]
            return relationship_entity(str(value.getTypeName()), *ends, props)
        return node_entity(str(value.getTypeName()), props)
    if isinstance(value, jpype.JClass("com.arcadedb.query.opencypher.traversal.TraversalPath")):
        return [_value(x, entities) for x in value.toAlternatingList()]
    return str(value)


__all__ = ["EmbeddedStore", "LOG_CONFIG", "start_jvm"]
