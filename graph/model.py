"""Nodes, relationships and the in-memory graph that extraction produces and stores load.

The schema itself (labels, keys, relationship types) lives in ``schema.yaml``; this module is
generic over it. A ``Graph`` merges as it grows: adding a node or a fact that is already there
unions its aliases, titles and evidence instead of duplicating it, which is what makes a
re-ingest idempotent before the store's own MERGE is even reached.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

SCHEMA_PATH = Path(__file__).with_name("schema.yaml")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The parsed ``schema.yaml`` (cached: it is read once per process)."""
    return yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))


def labels() -> list[str]:
    return list(schema()["nodes"])


def relationship_types() -> list[str]:
    return list(schema()["relationships"])


def node_id(label: str, key: str) -> str:
    """Global id of a node: its label and its per-label key ("Person:nguyễn thị tuyến")."""
    return f"{label}:{key}"


def split_id(nid: str) -> tuple[str, str]:
    label, _, key = nid.partition(":")
    return label, key


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact comes from: the article, the sentence as written, and its offsets."""

    article: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence, "start": self.start, "end": self.end}

    def to_json(self) -> str:
        """Canonical JSON (sorted keys): equal evidence gives equal strings, so stores can
        merge evidence lists with plain list membership."""
        return self._json

    @cached_property
    def _json(self) -> str:
        # computed once: a busy fact's capped evidence is sent again with every window
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | dict) -> "Evidence":
        d = json.loads(text) if isinstance(text, str) else text
        return cls(d["article"], d["sentence"], int(d["start"]), int(d["end"]))


def distinct_evidence(items: Iterable[Evidence]) -> list[Evidence]:
    """One entry per distinct sentence of an article: a caption printed twice is one piece
    of evidence (the first place it stands), not two."""
    seen: set[tuple[str, str]] = set()
    out = []
    for ev in items:
        if (ev.article, ev.sentence) not in seen:
            seen.add((ev.article, ev.sentence))
            out.append(ev)
    return out


def _union(old: list, new: Iterable, limit: int | None = None) -> list:
    """``old`` and then the items of ``new`` it lacks, in order seen, at most ``limit`` of
    them. Membership by a set: merging a window's graphs calls this for every fact, and a
    list scan per item made the merge a fifth of a 10k load (issue 13)."""
    out = list(old)
    if limit is not None and len(out) >= limit:
        return out[:limit]
    try:
        seen: set | None = set(out)
    except TypeError:  # a list of unhashable values: compare by equality
        seen = None
    for x in new:
        if seen is not None:
            try:
                if x in seen:
                    continue
                seen.add(x)
            except TypeError:  # this one item is unhashable
                if x in out:
                    continue
        elif x in out:
            continue
        out.append(x)
        if limit is not None and len(out) >= limit:
            break
    return out


@lru_cache(maxsize=1)
def _list_cap() -> int:
    return int(schema()["list_cap"])


@lru_cache(maxsize=1)
def _edge_merge_lists() -> frozenset[str]:
    return frozenset(schema()["edge_merge_lists"])


@lru_cache(maxsize=1)
def _tenure_set() -> frozenset[str]:
    return frozenset(tenure_props())


@lru_cache(maxsize=1)
def tenure_props() -> tuple[str, ...]:
    """The dated-position properties of schema.yaml's ``tenure`` section, with their date."""
    t = schema()["tenure"]
    return (*t["earliest"], *t["latest"], *t["newest"], t["newest_by"])


def merge_tenure(mine: dict[str, Any], other: dict[str, Any]) -> None:
    """Fold another sighting's dated-position properties into ``mine`` (schema.yaml ``tenure``):
    earliest start, latest end, status and term from the newest article that states them."""
    t = schema()["tenure"]
    for k in t["earliest"]:
        mine[k] = min(filter(None, [mine.get(k), other.get(k)]), default=None)
    for k in t["latest"]:
        mine[k] = max(filter(None, [mine.get(k), other.get(k)]), default=None)
    by = t["newest_by"]
    newer = mine.get(by) is None or (other.get(by) is not None and other[by] >= mine[by])
    for k in t["newest"]:
        if other.get(k) is not None and (mine.get(k) is None or newer):
            mine[k] = other[k]
    mine[by] = max(filter(None, [mine.get(by), other.get(by)]), default=None)
    for k in tenure_props():
        if mine.get(k) is None:
            mine.pop(k, None)


@dataclass
class Node:
    label: str
    key: str
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return node_id(self.label, self.key)

    def merge(self, other: "Node") -> None:
        """Fold another sighting of the same node in: list properties union, scalars fill gaps."""
        lists = set(schema()["nodes"][self.label].get("merge_lists", []))
        for k, v in other.props.items():
            if k in lists:
                self.props[k] = _union(self.props.get(k, []), v or [])
            elif self.props.get(k) in (None, "", []):
                self.props[k] = v

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, **self.props}


@dataclass
class Edge:
    type: str
    source: str  # node id
    target: str  # node id
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def id(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)

    @property
    def articles(self) -> list[str]:
        """A sample of the articles that state the fact: the first ``list_cap`` seen (the
        whole list can grow with the corpus; ``article_count`` says how many there are)."""
        return _union(self.props.get("articles") or [], (e.article for e in self.evidence), _list_cap())

    @property
    def article_count(self) -> int:
        """How many distinct articles state the fact (the sample holds all of them until full)."""
        return self._count(self.articles)

    def _count(self, sample: list[str]) -> int:
        """``article_count`` for this fact's sample (``articles``), computed once by the caller."""
        return max(int(self.props.get("article_count") or 0), len(sample))

    def merge(self, other: "Edge") -> None:
        limit = _list_cap()
        mine, theirs = self.articles, other.articles
        # an article in both samples is one article; the others are distinct sightings
        self.props["article_count"] = self._count(mine) + other._count(theirs) - len(set(mine) & set(theirs))
        # both samples hold their own evidence's articles (or are full): no need to look again
        self.props["articles"] = _union(mine, theirs, limit)
        merge_tenure(self.props, other.props)
        lists, dated = _edge_merge_lists(), _tenure_set()
        for k, v in other.props.items():
            if k in dated or k in ("articles", "article_count"):
                continue
            if k in lists:
                self.props[k] = _union(self.props.get(k, []), v or [])
            elif k == "first_seen":
                self.props[k] = min(filter(None, [self.props.get(k), v]), default=None)
            elif k == "last_seen":
                self.props[k] = max(filter(None, [self.props.get(k), v]), default=None)
            elif self.props.get(k) in (None, "", []):
                self.props[k] = v
        if len(self.evidence) < limit:  # a full sample keeps its first sightings
            self.evidence = distinct_evidence(self.evidence + other.evidence)[:limit]
        self._cap_lists(limit)

    def cap(self) -> None:
        """Bound the capped lists (``list_cap`` in schema.yaml): the first sightings stay,
        and ``article_count`` keeps the number of articles the capped sample stands for."""
        limit = _list_cap()
        sample = self.articles
        self.props["article_count"] = self._count(sample)
        self.props["articles"] = sample
        self.evidence = self.evidence[:limit]
        self._cap_lists(limit)

    def _cap_lists(self, limit: int) -> None:
        for k in schema()["capped_lists"]:
            value = self.props.get(k)
            if isinstance(value, list) and len(value) > limit:
                self.props[k] = value[:limit]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "type": self.type,
            **{k: v for k, v in self.props.items() if k not in ("articles", "article_count")},
            "articles": self.articles,
            "article_count": self.article_count,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class Graph:
    """Nodes by id and edges by (type, source, target), each merged on insert."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def add_node(self, node: Node) -> str:
        if node.label not in schema()["nodes"]:
            raise ValueError(f"unknown node label {node.label!r}")
        if node.id in self.nodes:
            self.nodes[node.id].merge(node)
        else:
            self.nodes[node.id] = Node(node.label, node.key, dict(node.props))
        return node.id

    def add_edge(self, edge: Edge) -> None:
        spec = schema()["relationships"].get(edge.type)
        if spec is None:
            raise ValueError(f"unknown relationship type {edge.type!r}")
        for end, allowed in ((edge.source, spec["from"]), (edge.target, spec["to"])):
            if split_id(end)[0] not in allowed:
                raise ValueError(f"{edge.type} cannot connect {end!r}")
        if edge.id in self.edges:
            self.edges[edge.id].merge(edge)
        else:
            new = Edge(edge.type, edge.source, edge.target, dict(edge.props), distinct_evidence(edge.evidence))
            new.cap()
            self.edges[edge.id] = new

    def update(self, other: "Graph") -> None:
        """Merge another graph in. Its facts were checked and capped when they entered it,
        so a fact new here is copied as it is (the path most facts of a window take)."""
        for n in other.nodes.values():
            self.add_node(n)
        for eid, e in other.edges.items():
            mine = self.edges.get(eid)
            if mine is None:
                self.edges[eid] = Edge(e.type, e.source, e.target, dict(e.props), list(e.evidence))
            else:
                mine.merge(e)

    def to_dict(self) -> dict[str, Any]:
        """The JSON export shape of design.md."""
        return {
            "schema_version": schema()["schema_version"],
            "nodes": [n.to_dict() for n in self.nodes.values()],
            "edges": [e.to_dict() for e in self.edges.values()],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Graph":
        g = cls()
        for n in data.get("nodes", []):
            props = {k: v for k, v in n.items() if k not in ("id", "label")}
            label, key = split_id(n["id"])
            g.add_node(Node(label, key, props))
        for e in data.get("edges", []):
            props = {k: v for k, v in e.items() if k not in ("source", "target", "type", "evidence")}
            ev = [Evidence.from_json(x) for x in e.get("evidence", [])]
            g.add_edge(Edge(e["type"], e["source"], e["target"], props, ev))
        return g
