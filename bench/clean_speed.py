"""Cleaning speed alone, in CPU time: ``clean_ms_per_article`` in `make bench`.

The loading process cleans every article itself (an article's id is the hash of its cleaned
text, and it decides which articles are already stored before any extraction), so cleaning
bounds how fast ``graph ingest`` feeds its workers and how fast a re-ingest skips (issue 13).
The clock is ``time.process_time``, as in ``bench/extract_speed.py``; the unit of work is
``ingest.api.clean_batch``, as ``graph ingest`` runs it.

    python -m bench.clean_speed --n 10000                      # the bench's synthetic corpus
    python -m bench.clean_speed ../shared/raw ../shared/dev examples --repeat 5
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from . import corpus
from .extract_speed import load_batches


def measure(batches: list[list], articles: int, repeat: int = 1) -> float:
    """CPU milliseconds per article of the best of ``repeat`` passes of ``clean_batch`` over
    ``batches`` (the vocabulary is loaded before the clock starts)."""
    from ingest.api import clean_batch

    clean_batch(batches[0][:1])
    passes = []
    for _ in range(max(1, repeat)):
        cpu = time.process_time()
        for batch in batches:
            clean_batch(batch)
        passes.append(time.process_time() - cpu)
    return round(min(passes) * 1000 / max(1, articles), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clean_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="sources to clean (default: the synthetic corpus)")
    parser.add_argument("--n", type=int, default=10000, help="synthetic articles when no path is given (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="passes; the fastest is reported")
    args = parser.parse_args(argv)
    if args.paths:
        batches, articles, _ = load_batches(args.paths, 250)
    else:
        with tempfile.TemporaryDirectory(prefix="vn-graph-clean-") as work:
            sample = Path(work) / "corpus.jsonl"
            corpus.write_jsonl(corpus.articles(args.n, args.seed), sample)
            batches, articles, _ = load_batches([str(sample)], 250)
    print(f"{articles} articles: {measure(batches, articles, args.repeat)} ms per article (CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
