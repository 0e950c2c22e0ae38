"""One-way dependencies: extraction uses the graph, never the reverse. Importing any ``graph``
module loads neither spaCy nor the extractor (a store, a view or a query is usable without them)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import graph

REPO = Path(__file__).resolve().parents[1]


def test_graph_modules_load_neither_spacy_nor_ingest():
    modules = [f"graph.{m.name}" for m in pkgutil.iter_modules(graph.__path__)]
    code = (
        f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith(('spacy.', 'ingest'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
