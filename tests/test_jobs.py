"""Parallel extraction (``ingest --jobs N``, ``extract(jobs=N)``, a Dask executor) gives exactly
what the serial run gives, streams with bounded look-ahead, and loads from one writer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from ingest.api import ArticleResult, Workers, extract, ingest

HEAP = "512m"


@pytest.fixture
def corpus_dir(tmp_path: Path, examples_dir: Path) -> Path:
    """examples/, one of them twice (in another group), and a file that cannot be read."""
    d = tmp_path / "in"
    shutil.copytree(examples_dir, d)
    first = sorted(d.glob("*.txt"))[0]
    shutil.copy(first, d / "zz_copy.txt")
    (d / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    return d


def _store(path: Path):
    from graph.embedded import EmbeddedStore

    return EmbeddedStore(path, heap=HEAP)


def _run(paths: list[str], db: Path, jobs: int) -> tuple[tuple, dict, str, list[tuple[str, bool]]]:
    seen: list[tuple[str, bool]] = []
    with _store(db) as store:
        report = ingest(paths, store, jobs=jobs, batch_articles=2, on_article=lambda a, known: seen.append((a.id, known)))
        summary = (report.read, report.loaded, report.skipped, report.rows, [str(e) for e in report.errors])
        dump = json.dumps(store.dump().to_dict(), sort_keys=True, ensure_ascii=False)
        return summary, store.counts(), dump, seen


def test_ingest_with_two_jobs_matches_one_job(corpus_dir: Path, tmp_path: Path) -> None:
    serial = _run([str(corpus_dir)], tmp_path / "one", jobs=1)
    parallel = _run([str(corpus_dir)], tmp_path / "two", jobs=2)
    assert parallel == serial
    summary, counts, _, seen = serial
    assert summary[:3] == (6, 5, 1)  # the copy, in a later group, is skipped as already stored
    assert len(summary[4]) == 1 and "bad.jsonl" in summary[4][0]
    assert counts["nodes"]["Article"] == 5 and sum(known for _, known in seen) == 1


def test_reingest_with_jobs_skips_everything_without_starting_workers(examples_dir: Path, tmp_path: Path) -> None:
    with _store(tmp_path / "db") as store:
        ingest([str(examples_dir)], store)
        started: list[int] = []
        original = Workers._submit

        def submit(self, fn, arg):  # noqa: ANN001 (spy)
            if arg:
                started.append(len(arg))
            return original(self, fn, arg)

        Workers._submit = submit
        try:
            report = ingest([str(examples_dir)], store, jobs=2)
        finally:
            Workers._submit = original
    assert (report.read, report.loaded, report.skipped) == (5, 0, 5)
    assert started == []


def test_extract_with_two_jobs_gives_the_same_items_in_order(corpus_dir: Path) -> None:
    def lines(jobs: int) -> list[str]:
        return [
            json.dumps(item.to_dict() if isinstance(item, ArticleResult) else str(item), sort_keys=True, ensure_ascii=False)
            for item in extract([str(corpus_dir)], jobs=jobs, batch_articles=2)
        ]

    serial = lines(1)
    assert lines(2) == serial and len(serial) == 7


def test_workers_keep_order_and_pull_input_lazily() -> None:
    pulled: list[int] = []

    def inputs() -> Iterator[tuple[list[int], int]]:
        for i in range(6):
            pulled.append(i)
            yield list(range(i + 1)), i

    with Workers(2) as workers:
        results = workers.map(len, inputs(), ahead=2)
        first = next(results)
        assert first == (0, 1) and pulled == [0, 1]  # two in flight, no more
        assert list(results) == [(i, i + 1) for i in range(1, 6)]


def test_workers_collect_young_objects_less_often_than_python_does() -> None:
    """The worker processes raise the young generation's threshold (ingest.api._worker_start)."""
    with Workers(2) as workers:
        [(_, threshold)] = list(workers.map(eval, [("__import__('gc').get_threshold()", None)]))
    assert threshold[0] == 10_000


def test_empty_batches_never_start_the_pool() -> None:
    with Workers(2) as workers:
        assert list(workers.map(len, [([], "a"), ([], "b")])) == [("a", 0), ("b", 0)]
        assert workers.pool is None


def test_cli_ingest_jobs_option(examples_dir: Path, tmp_path: Path) -> None:
    from cli import app

    one = tmp_path / "one.txt"
    shutil.copy(sorted(examples_dir.glob("*.txt"))[0], one)
    db = tmp_path / "db"
    result = CliRunner().invoke(app, ["ingest", str(one), "--db", str(db), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) read, 1 loaded" in result.output
    bad = CliRunner().invoke(app, ["ingest", str(one), "--db", str(db), "--jobs", "0"])
    assert bad.exit_code == 2


def test_dask_executor_matches_serial_ingest(examples_dir: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed", reason="the optional 'dist' extra (dask) is not installed")
    from bench.dask_extract import DaskExecutor

    serial = _run([str(examples_dir)], tmp_path / "one", jobs=1)
    # threads in this process: the executor contract (ordered, pure batches) without spawning
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as client:
        with _store(tmp_path / "dask") as store:
            report = ingest([str(examples_dir)], store, batch_articles=2, executor=DaskExecutor(client))
            dump = json.dumps(store.dump().to_dict(), sort_keys=True, ensure_ascii=False)
    assert (report.read, report.loaded) == (5, 5)
    assert dump == serial[2]


def test_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    """A corpus file is streamed, not read whole: a line appended after the first article was
    handed out is still read, and a line that is not UTF-8 costs only that line."""
    from ingest.sources import RawArticle, SourceError, read_sources

    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": f"Bài số {i}."}, ensure_ascii=False).encode() for i in range(3)]
    path.write_bytes(lines[0] + b"\n" + b'{"text": "\xff"}\n' + lines[1] + b"\n")
    items = read_sources([path])
    first = next(items)
    with path.open("ab") as f:
        f.write(lines[2] + b"\n")
    rest = list(items)
    assert isinstance(first, RawArticle) and first.text == "Bài số 0."
    assert isinstance(rest[0], SourceError) and rest[0].source.endswith("feed.jsonl:2") and "UTF-8" in rest[0].problem
    assert [r.text for r in rest[1:]] == ["Bài số 1.", "Bài số 2."]


def test_a_batch_comes_back_from_a_worker_with_its_evidence_encoded(examples_dir: Path) -> None:
    """The stored form of each evidence (its JSON) is made where the batch was extracted and
    travels with it, so the one writing process does not encode it."""
    import pickle

    from ingest.api import articles, extract_merged

    batch = [a for a in articles([str(examples_dir)])][:2]
    back = pickle.loads(pickle.dumps(extract_merged(batch)))
    evidence = [ev for edge in back.graph.edges.values() for ev in edge.evidence]
    assert evidence and all("_json" in vars(ev) for ev in evidence)
