"""Extraction on a Dask cluster, loading from one writer: the path past one machine, shown on one.

``ingest.api.extract_merged`` is a pure function over a batch of cleaned articles (plain
picklable values in, graphs out), so any executor can run it. This module is the adapter:
``DaskExecutor`` offers ``Workers.map`` on a ``dask.distributed.Client``, and
``ingest.api.ingest`` takes it as its ``executor``. Everything else is the ordinary ingest:
reading, cleaning and skipping unchanged articles here, loading group by group from this one
process (concurrent MERGEs of one key fail on ArcadeDB and conflict on Neo4j).

    pip install -e '.[dist]'
    python -m bench.dask_extract news.jsonl --db out/db                  # local cluster, 2 workers
    python -m bench.dask_extract news.jsonl --neo4j                      # into Neo4j / Aura (NEO4J_URI...)
    python -m bench.dask_extract news.jsonl --scheduler tcp://host:8786  # an existing cluster

On a real cluster the workers need this package installed (same version) so that the
function and its spaCy pipeline resolve there; the articles travel to them as values.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Callable, Iterable, Iterator, TypeVar

from ingest.api import windowed

A = TypeVar("A")
R = TypeVar("R")
C = TypeVar("C")


class DaskExecutor:
    """``ingest.api.Executor`` on a Dask client: ordered results, at most ``ahead`` batches
    submitted and not yet collected (the corpus streams through, never all in memory)."""

    def __init__(self, client: Any, ahead: int | None = None) -> None:
        self.client = client
        workers = len(client.scheduler_info().get("workers", {})) or 1
        self.ahead = ahead or 2 * workers

    def map(self, fn: Callable[[A], R], inputs: Iterable[tuple[A, C]], ahead: int | None = None) -> Iterator[tuple[C, R]]:
        # pure=False: two equal batches are still two tasks (a batch is not a cache key)
        yield from windowed(lambda arg: self.client.submit(fn, arg, pure=False), inputs, ahead or self.ahead)


def main(argv: list[str] | None = None) -> int:
    from dask.distributed import Client, LocalCluster

    from graph.connect import open_store
    from ingest.api import ingest

    parser = argparse.ArgumentParser(prog="python -m bench.dask_extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="files (.txt, .html, .jsonl) or directories")
    parser.add_argument("--db", help="embedded store directory (GRAPH_DB)")
    parser.add_argument("--neo4j", action="store_true", help="load into Neo4j (NEO4J_URI or --uri) instead")
    parser.add_argument("--uri", help="Bolt URI of the Neo4j server (implies --neo4j)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="local cluster: worker processes (default 2)")
    args = parser.parse_args(argv)

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True))
    try:
        with open_store(db=args.db, neo4j=args.uri or ("env" if args.neo4j else None)) as store:
            report = ingest(args.paths, store, executor=DaskExecutor(client))
            print(
                f"{report.read} article(s) read, {report.loaded} loaded, {report.skipped} unchanged, "
                f"{len(report.errors)} error(s) -> {store.name} (extraction on {client.dashboard_link or 'dask'})",
                file=sys.stderr,
            )
    finally:
        client.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
