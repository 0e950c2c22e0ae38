"""Extraction speed alone, in CPU time: the figure `make bench` reports as
``extract_syllables_per_s_per_core``, measurable on any corpus, with a profile on request.

Other engineers load the machine, so the clock is ``time.process_time`` of this process (what
extraction itself spends), never wall time. The unit of work is ``ingest.api.extract_batch``
(cleaning, the pipeline and the per-article graph), as ``graph ingest`` runs it.

    python -m bench.extract_speed --n 1000                    # the bench's synthetic sample
    python -m bench.extract_speed ../shared/raw ../shared/dev  # real text (any sources)
    python -m bench.extract_speed --n 1000 --profile out/x.prof --repeat 3

``--repeat`` runs the corpus several times and keeps the best pass (least disturbed by other
processes' cache and frequency effects); the first pass also warms what is built lazily.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from . import corpus


@dataclass
class Speed:
    """One measurement: ``syllables`` (whitespace-separated words of the raw text) of
    ``articles`` extracted in ``cpu`` CPU seconds (``wall`` seconds of the clock)."""

    articles: int
    syllables: int
    cpu: float
    wall: float

    @property
    def per_core(self) -> int:
        return round(self.syllables / max(self.cpu, 1e-9))

    @property
    def per_wall(self) -> int:
        return round(self.syllables / max(self.wall, 1e-9))

    @property
    def ms_per_article(self) -> float:
        return round(self.cpu * 1000 / max(1, self.articles), 2)


def load_batches(paths: Iterable[str], size: int = 50) -> tuple[list[list], int, int]:
    """The raw articles under ``paths`` read into memory (reading is not what is measured),
    in batches of ``size``; (batches, articles, syllables)."""
    from ingest.api import raw_batches
    from ingest.sources import RawArticle

    batches = list(raw_batches([str(p) for p in paths], size))
    raws = [r for b in batches for r in b if isinstance(r, RawArticle)]
    return batches, len(raws), sum(len(r.text.split()) for r in raws)


def measure(batches: list[list], articles: int, syllables: int, repeat: int = 1,
            profile: cProfile.Profile | None = None) -> Speed:
    """The best of ``repeat`` passes of ``extract_batch`` over ``batches`` (the pipeline is
    built before the clock starts)."""
    from ingest.api import extract_batch
    from ingest.pipeline import get_nlp

    get_nlp()
    best: Speed | None = None
    for _ in range(max(1, repeat)):
        if profile is not None:
            profile.enable()
        cpu, wall = time.process_time(), time.perf_counter()
        for batch in batches:
            extract_batch(batch)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if profile is not None:
            profile.disable()
        if best is None or cpu < best.cpu:
            best = Speed(articles, syllables, cpu, wall)
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="sources to extract (default: the synthetic sample)")
    parser.add_argument("--n", type=int, default=1000, help="synthetic articles when no path is given (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="passes; the fastest is reported")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the passes here and print its top")
    args = parser.parse_args(argv)
    if args.paths:
        batches, articles, syllables = load_batches(args.paths)
    else:
        with tempfile.TemporaryDirectory(prefix="vn-graph-speed-") as work:
            sample = Path(work) / "sample.jsonl"
            corpus.write_jsonl(corpus.articles(args.n, args.seed), sample)
            batches, articles, syllables = load_batches([str(sample)])
    profiler = cProfile.Profile() if args.profile else None
    speed = measure(batches, articles, syllables, args.repeat, profiler)
    print(f"{articles} articles, {syllables} syllables: {speed.per_core:,} syllables per CPU second "
          f"({speed.ms_per_article} ms per article; {speed.per_wall:,}/s wall)")
    if profiler is not None:
        args.profile.parent.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(args.profile)
        pstats.Stats(str(args.profile), stream=sys.stdout).sort_stats("tottime").print_stats(40)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
