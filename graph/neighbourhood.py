"""Read one node's neighbourhood from a store, not the whole graph.

``graph view --focus X --depth N`` shows what lies within N relationships of X. Reading the whole
graph to cut that out of it cost 19 s on a 6k-node graph and grows with the corpus; here the
store is asked level by level, from the nodes found so far, through its ``key`` indexes:
``depth`` rounds of two anchored queries per label (outgoing, incoming), then the relationships
among the outermost ring (so the view draws them, as a cut of the whole graph would), all read
without their properties; then, for the nodes a view keeps (``nearest``: all of them, or the
``max_nodes`` its cap would keep), the nodes' properties, the relationships' (evidence and all)
and the Article nodes the facts cite (their titles and dates label the evidence and date the
facts). Only the relationship types asked for are followed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .model import Graph, Node, labels, node_id, relationship_types, split_id
from .nxgraph import nearest_first
from .store import Store, stored_edge

PROVENANCE = "MENTIONS"


def _by_label(ids: Iterable[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for nid in ids:
        label, key = split_id(nid)
        out.setdefault(label, []).append(key)
    return out


#: relationships as first read, without their properties: (type, source id, target id)
Found = set[tuple[str, str, str]]


def _expand(store: Store, frontier: Iterable[str], types: list[str], within: set[str] | None, found: Found,
            directions: tuple[bool, ...] = (True, False)) -> dict[str, bool]:
    """Add the relationships of ``frontier`` (of ``types``; outgoing, incoming or both, as
    ``directions`` says) to ``found``; return the nodes at their other end, each with whether
    it is a spelling the identity layer joined to another (``same_as``: views fold it). With
    ``within``, only relationships to those nodes."""
    pattern = "|".join(types)  # identifiers from the schema, never user text
    # a map, not a list: `key IN $list` is a scan of the list for every relationship the ring's
    # busy nodes have (43k of them, 2.9 s, for a busy official's depth-2 ring on 100k articles)
    only = " WHERE $within[b.key] IS NOT NULL" if within is not None else ""
    reached: dict[str, bool] = {}
    for label, keys in _by_label(frontier).items():
        if label not in labels():
            continue
        for out in directions:
            arrow = f"-[e:{pattern}]->" if out else f"<-[e:{pattern}]-"
            rows = store.read(
                f"UNWIND $keys AS k MATCH (a:{label} {{key: k}}){arrow}(b){only} "
                "RETURN a.key AS ka, labels(b)[0] AS lb, b.key AS kb, type(e) AS t, b.same_as IS NOT NULL AS joined",
                {"keys": keys, "within": {split_id(n)[1]: True for n in within or ()}},
            )
            for r in rows:
                a, b = node_id(label, r["ka"]), node_id(r["lb"], r["kb"])
                if within is not None and b not in within:
                    continue  # a key shared by two labels
                found.add((r["t"], a, b) if out else (r["t"], b, a))
                reached[b] = bool(r["joined"])
    return reached


def _ring_ties(store: Store, ring: set[str], types: list[str], found: Found) -> None:
    """Add the relationships between two nodes of the outermost ring (those to nearer nodes
    were read when the nearer end was expanded). Each such relationship is read from one end
    only: a fact from the end it points at, since the busy ends are sources (an official who
    signed thousands of documents, a body that issued them: 43k relationships for a busy
    official's depth-2 ring on 100k articles, against 1k pointing into it); MENTIONS from the
    article, the end with a handful of them."""
    facts = [t for t in types if t != PROVENANCE]
    if facts:
        _expand(store, ring, facts, ring, found, directions=(False,))
    if PROVENANCE in types:
        _expand(store, ring, [PROVENANCE], ring, found, directions=(True,))


def _add_edges(store: Store, found: Iterable[tuple[str, str, str]], g: Graph) -> None:
    """Read the properties (evidence and all) of the relationships ``found`` names, each from
    both its ends' indexes: the costly part of a relationship, read only for those kept (a
    busy official's 300-node view keeps 299 of the 1,449 relationships within depth 2)."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for t, a, b in found:
        (la, ka), (lb, kb) = split_id(a), split_id(b)
        groups.setdefault((t, la, lb), []).append({"a": ka, "b": kb})
    for (t, la, lb), pairs in groups.items():
        if t not in relationship_types() or la not in labels() or lb not in labels():
            continue  # identifiers from the schema only, never from the data
        rows = store.read(
            f"UNWIND $pairs AS p MATCH (a:{la} {{key: p.a}}) MATCH (b:{lb} {{key: p.b}}) MATCH (a)-[e:{t}]->(b) "
            "RETURN a.key AS ka, b.key AS kb, properties(e) AS p",
            {"pairs": pairs},
        )
        for r in rows:
            edge = stored_edge(t, node_id(la, r["ka"]), node_id(lb, r["kb"]), r["p"])
            g.edges[edge.id] = edge


def _add_nodes(store: Store, ids: Iterable[str], g: Graph) -> None:
    for label, keys in _by_label(ids).items():
        if label not in labels():
            continue
        for r in store.read(f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) RETURN properties(n) AS p", {"keys": keys}):
            props = dict(r["p"])
            g.add_node(Node(label, props.pop("key"), props))


@dataclass
class Reached:
    """A neighbourhood as read, and how big it was before ``max_nodes`` cut it."""

    graph: Graph
    nodes: int  # nodes within reach, before the cap
    edges: int  # relationships among them that were read, before the cap
    cut: bool  # whether the cap left nodes out


def neighbourhood(store: Store, focus: str, depth: int, types: Iterable[str] | None = None,
                  articles: bool = False) -> Graph:
    """The nodes within ``depth`` relationships of node id ``focus`` and every relationship
    among them (of ``types``, default all facts; MENTIONS too with ``articles``), plus the
    Article nodes their evidence cites."""
    return nearest(store, focus, depth, types, articles).graph


def nearest(store: Store, focus: str, depth: int, types: Iterable[str] | None = None, articles: bool = False,
            max_nodes: int | None = None) -> Reached:
    """``neighbourhood``, of which only the ``max_nodes`` nodes a capped view keeps (the
    focus, then nearest first, most connected first within a distance: ``nxgraph.nearest_first``)
    get their properties, relationships and cited articles read; the counts before the cap
    say what the view leaves out. A busy official's depth-2 neighbourhood on 100k articles is
    965 nodes whose 1,449 facts cite 3,015 articles; a 300-node view of it needs 299 facts and
    318 articles. The ties within the outer ring are read only when the cap keeps some of it
    (``edges`` then leaves them out: the view's count of nodes, its cut message, needs none).
    Nothing is cut when the neighbourhood holds a spelling the identity layer joined to
    another (a view folds them, which changes what is nearest); the focus's own spellings are
    the caller's to look up (``graph.fold.joined_ids``)."""
    wanted = [t for t in (types or relationship_types()) if t != PROVENANCE or articles]
    if articles and PROVENANCE not in wanted:
        wanted.append(PROVENANCE)
    found: Found = set()
    distance, frontier, joined = {focus: 0}, {focus}, False
    for step in range(1, depth + 1):
        if not frontier:
            break
        reached = _expand(store, frontier, wanted, None, found)
        joined = joined or any(reached.values())
        frontier = reached.keys() - distance.keys()
        distance.update(dict.fromkeys(frontier, step))
    if frontier and depth > 0 and (max_nodes is None or joined or len(distance) - len(frontier) < max_nodes):
        _ring_ties(store, frontier, wanted, found)
    kept = set(distance)
    cut = max_nodes is not None and len(distance) > max_nodes and not joined
    if cut:
        degree = Counter(end for k in found for end in k[1:])
        kept = set(nearest_first(distance, focus, distance, degree)[:max_nodes])
    g = Graph()
    _add_edges(store, [k for k in found if k[1] in kept and k[2] in kept], g)
    cited = {f"Article:{a}" for e in g.edges.values() for a in e.articles}
    _add_nodes(store, kept | cited, g)
    return Reached(g, len(distance), len(found), cut)
