"""Benchmarks: a synthetic corpus (``bench.corpus``) and the figures run over it (``bench.run``)."""
