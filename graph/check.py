"""`graph check`: is what the store says it holds what it really holds?

A damaged store can look healthy: after one relationship bucket file was truncated, `stats`
still reported the old count (the engine keeps counts apart from the records), `export` left 4
of 81 edges out with exit 0, and a re-ingest skipped the articles as already stored. The check
reads everything the slow way and compares:

- counts: per label and type, the store's own count against the records actually read;
- relationships: each one read once (no duplicate of a fact), both endpoints with their key,
  and for facts, provenance that decodes and names a stored article;
- articles: every stored article mentions the nodes of every fact it is evidence for (a lost
  MENTIONS bucket shows here even where the counts agree).

``rebuild`` repairs an embedded store: what is still readable is copied into a fresh store
beside it, which then takes its place (the damaged one is kept, renamed), and no article is
flagged as stored any more, so the next `graph ingest` re-extracts everything and restores
what was lost. Works over Bolt too (the check only reads); rebuilding is for the embedded store.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Graph, labels, relationship_types
from .store import Store

PROVENANCE = "MENTIONS"
#: problems listed one by one; past this many of one kind, the rest are counted
SHOWN_PER_KIND = 20


@dataclass
class CheckReport:
    """Counts (label or type -> (the store's, read)) and the problems found, by kind."""

    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @property
    def ok(self) -> bool:
        return not any(self.problems.values())

    def add(self, kind: str, problem: str) -> None:
        self.problems[kind].append(problem)

    def lines(self) -> list[str]:
        """The problems as lines for people, at most ``SHOWN_PER_KIND`` of each kind."""
        out = []
        for kind, found in self.problems.items():
            out += [f"{kind}: {p}" for p in found[:SHOWN_PER_KIND]]
            if len(found) > SHOWN_PER_KIND:
                out.append(f"{kind}: ... and {len(found) - SHOWN_PER_KIND} more")
        return out

    def rows(self) -> list[dict[str, Any]]:
        return [{"what": name, "stored count": stored, "read": read, "ok": "yes" if stored == read else "NO"}
                for name, (stored, read) in self.counts.items()]

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "counts": self.rows(), "problems": {k: v for k, v in self.problems.items() if v}}


def check(store: Store) -> CheckReport:
    """Read the whole store record by record and report what does not add up."""
    report = CheckReport()
    stored = store.counts()
    nodes = store.read("MATCH (n) RETURN labels(n)[0] AS label, n.key AS key, n.ingested AS ingested")
    edges = store.read(
        "MATCH (a)-[e]->(b) RETURN type(e) AS type, labels(a)[0] AS la, a.key AS ka, labels(b)[0] AS lb, "
        "b.key AS kb, e.evidence AS evidence"
    )
    read_nodes = Counter(n["label"] for n in nodes)
    read_edges = Counter(e["type"] for e in edges)
    for label in labels():
        report.counts[label] = (stored["nodes"].get(label, 0), read_nodes.get(label, 0))
    for rel in relationship_types():
        report.counts[rel] = (stored["relationships"].get(rel, 0), read_edges.get(rel, 0))
    for name, (said, found) in report.counts.items():
        if said != found:
            report.add("count", f"{name}: the store counts {said}, {found} can be read")
    for n in nodes:
        if n["key"] is None:
            report.add("node", f"a {n['label']} node without its key")
    articles = {n["key"]: n for n in nodes if n["label"] == "Article" and n["key"] is not None}
    _check_edges(edges, articles, report)
    return report


def _check_edges(edges: list[dict[str, Any]], articles: dict[str, dict[str, Any]], report: CheckReport) -> None:
    seen: Counter[tuple[str, str, str, str, str]] = Counter()
    mentioned: dict[str, set[tuple[str, str]]] = defaultdict(set)
    evidenced: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in edges:
        ident = (e["type"], e["la"], e["ka"], e["lb"], e["kb"])
        seen[ident] += 1
        where = f"{e['type']} {e['la']}:{e['ka']} -> {e['lb']}:{e['kb']}"
        if e["ka"] is None or e["kb"] is None:
            report.add("relationship", f"{where}: an endpoint cannot be read")
            continue
        if e["type"] == PROVENANCE:
            mentioned[e["ka"]].add((e["lb"], e["kb"]))
            continue
        for article in _evidence_articles(e.get("evidence"), where, report):
            if article not in articles:
                report.add("provenance", f"{where}: its evidence names article {article}, which is not stored")
            evidenced[article] |= {(e["la"], e["ka"]), (e["lb"], e["kb"])}
    for ident, n in seen.items():
        if n > 1:
            report.add("relationship", f"{ident[0]} {ident[1]}:{ident[2]} -> {ident[3]}:{ident[4]} is stored {n} times")
    for key in articles:
        missing = evidenced.get(key, set()) - mentioned.get(key, set())
        if missing:
            report.add("article", f"{key}: {len(missing)} node(s) of its facts are not among its MENTIONS")


def _evidence_articles(evidence: Any, where: str, report: CheckReport) -> list[str]:
    """The articles a fact's evidence names; unreadable or missing evidence is a problem."""
    if not evidence:
        report.add("provenance", f"{where}: no evidence")
        return []
    found = []
    for item in evidence if isinstance(evidence, list) else [evidence]:
        try:
            d = json.loads(item) if isinstance(item, str) else item
            found.append(str(d["article"]))
            int(d["start"]), int(d["end"]), str(d["sentence"])
        except (ValueError, TypeError, KeyError):
            report.add("provenance", f"{where}: unreadable evidence {str(item)[:60]!r}")
    return found


def rebuild(path: str | Path, heap: str = "512m") -> tuple[Path, Graph]:
    """Replace the embedded store at ``path`` by a fresh copy of what can still be read from
    it, with no article flagged as stored (the next ingest re-extracts and restores them).
    The damaged store is kept beside it; returns its new path and the graph copied."""
    from .embedded import EmbeddedStore

    path = Path(path).expanduser().absolute()
    with EmbeddedStore(path, heap=heap, create=False) as old:
        graph = old.dump()
    for nid, node in graph.nodes.items():
        if node.label == "Article":
            node.props.pop("ingested", None)
    fresh = path.with_name(f"{path.name}.rebuilding")
    if fresh.exists():
        raise FileExistsError(f"{fresh} exists (left by an earlier repair?): move it away first")
    with EmbeddedStore(fresh, heap=heap, create=True) as new:
        new.setup()
        new.load(graph)
    kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    path.rename(kept)
    fresh.rename(path)
    return kept, graph


def repair_if_damaged(path: str | Path, heap: str = "512m") -> tuple[CheckReport, Path] | None:
    """Check the embedded store at ``path`` and rebuild it when damaged (what `ingest --force`
    does first); None when there is no store there yet or it is consistent, else the report
    and where the damaged copy was kept."""
    from .embedded import EmbeddedStore
    from .store import StoreUnavailable

    try:
        store = EmbeddedStore(path, heap=heap, create=False)
    except StoreUnavailable:
        return None  # no store yet (or one that cannot be opened: the ingest itself will say why)
    with store:
        report = check(store)
    if report.ok:
        return None
    kept, _ = rebuild(path, heap=heap)
    return report, kept
