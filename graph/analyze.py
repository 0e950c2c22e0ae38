"""Network analytics with networkx: who is central, how the graph falls apart, who links bodies.

Computed on the graph of facts only: Article nodes and MENTIONS edges are provenance, and an
article that names forty officials would otherwise outrank all of them. Relationships count as
undirected ties and parallel facts between two nodes (CHAIRED and HOLDS) as one tie, because
centrality asks who is connected to whom, not how often it was written down.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from .model import Edge, Graph, Node, labels, node_id, relationship_types, schema
from .nxgraph import PROVENANCE, display, to_networkx
from .store import Store

CENTRAL_LABELS = ("Person", "Body")  # "most central officials and bodies"
POSITION_TYPES = ("CHAIRED", "HOLDS")  # ties that put a person inside a body
BETWEENNESS_EXACT_MAX = 1000  # above this many nodes, betweenness is estimated from samples
BETWEENNESS_SAMPLES = 300  # at most, and at least BETWEENNESS_MIN_SAMPLES
BETWEENNESS_MIN_SAMPLES = 10
#: nodes plus ties all the samples may visit: each sample is a breadth-first search of the
#: whole graph (1.5 s of CPU on the 100k store's 183k nodes, where 300 took over 7 minutes),
#: so a bigger graph gets fewer samples and the analysis a bounded cost
BETWEENNESS_WORK = 6_000_000


@dataclass
class Analysis:
    """What ``graph analyze`` reports; every list is ranked, best first."""

    nodes: int
    edges: int
    components: int
    isolated: int
    betweenness_sampled: bool
    central: list[dict[str, Any]] = field(default_factory=list)
    largest_components: list[dict[str, Any]] = field(default_factory=list)
    bridges: list[dict[str, Any]] = field(default_factory=list)
    betweenness_samples: int = 0  # 0: exact

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> list[dict[str, Any]]:
        """One row of counts, for the table output."""
        return [
            {
                "nodes": self.nodes,
                "relationships": self.edges,
                "components": self.components,
                "isolated nodes": self.isolated,
                "betweenness": f"estimated from {self.betweenness_samples} samples" if self.betweenness_sampled else "exact",
            }
        ]


#: what analyze reads of a relationship: the titles a bridge lists (evidence is not ranked)
_FACT_PROPS = ("title", "titles")


def read_facts(store: Store) -> Graph:
    """The graph ``analyze`` ranks, read lean: every node but Article nodes, with the property
    it is shown by (people also their aliases and ``same_as``, so that joined spellings fold:
    ``graph.fold``), and every relationship but MENTIONS, with its titles and without its
    evidence. ``Store.dump`` reads all of it with the provenance: on the 100k store 1.4M
    MENTIONS and 100k articles, which analysis leaves out anyway."""
    g = Graph()
    for label in labels():
        if label == "Article":
            continue
        shown = schema()["nodes"][label].get("display", "name")
        extra = ", n.aliases AS aliases, n.same_as AS same_as" if label == "Person" else ""
        for r in store.read(f"MATCH (n:{label}) RETURN n.key AS key, n.{shown} AS {shown}{extra}"):
            props = {k: v for k, v in r.items() if k != "key" and v is not None}
            g.nodes[node_id(label, r["key"])] = Node(label, r["key"], props)
    wanted = ", ".join(f"e.{p} AS {p}" for p in _FACT_PROPS)
    for t in relationship_types():
        if t == PROVENANCE:
            continue
        rows = store.read(f"MATCH (a)-[e:{t}]->(b) RETURN labels(a)[0] AS la, a.key AS ka, labels(b)[0] AS lb, "
                          f"b.key AS kb, {wanted}")
        for r in rows:
            props = {p: r[p] for p in _FACT_PROPS if r[p] not in (None, [])}
            edge = Edge(t, node_id(r["la"], r["ka"]), node_id(r["lb"], r["kb"]), props, [])
            g.edges[edge.id] = edge
    return g


def fact_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph of the facts (no Article nodes, one tie per pair of nodes)."""
    simple = nx.Graph()
    simple.add_nodes_from((n, a) for n, a in g.nodes(data=True) if a.get("label") != "Article")
    simple.add_edges_from((u, v) for u, v in g.edges() if u in simple and v in simple and u != v)
    return simple


def _betweenness(simple: nx.Graph) -> tuple[dict[str, float], int]:
    """Betweenness of every node and the number of samples it was estimated from (0: exact)."""
    n = simple.number_of_nodes()
    if n <= BETWEENNESS_EXACT_MAX:
        return nx.betweenness_centrality(simple, normalized=True), 0
    affordable = BETWEENNESS_WORK // (n + simple.number_of_edges())
    k = min(n, BETWEENNESS_SAMPLES, max(BETWEENNESS_MIN_SAMPLES, affordable))
    return nx.betweenness_centrality(simple, k=k, normalized=True, seed=7), k


def _central(simple: nx.Graph, betweenness: dict[str, float], top: int) -> list[dict[str, Any]]:
    degree = nx.degree_centrality(simple) if simple.number_of_nodes() > 1 else {n: 0.0 for n in simple}
    ranked = sorted(
        (n for n, a in simple.nodes(data=True) if a.get("label") in CENTRAL_LABELS),
        key=lambda n: (-simple.degree(n), -betweenness[n], display(simple.nodes[n])),
    )
    return [
        {
            "rank": i,
            "name": display(simple.nodes[n]),
            "label": simple.nodes[n]["label"],
            "degree": simple.degree(n),
            "degree_centrality": round(degree[n], 4),
            "betweenness": round(betweenness[n], 4),
            "id": n,
        }
        for i, n in enumerate(ranked[:top], 1)
    ]


def _components(simple: nx.Graph, top: int) -> list[dict[str, Any]]:
    comps = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    rows = []
    for i, comp in enumerate(comps[:top], 1):
        counts = Counter(simple.nodes[n].get("label") for n in comp)
        hubs = sorted(comp, key=lambda n: (-simple.degree(n), n))[:3]
        row: dict[str, Any] = {"rank": i, "size": len(comp)}
        row.update({label: counts[label] for label in labels() if label != "Article"})
        row["main_nodes"] = [display(simple.nodes[n]) for n in hubs]
        rows.append(row)
    return rows


def _bridges(g: nx.MultiDiGraph, betweenness: dict[str, float], top: int) -> list[dict[str, Any]]:
    """People who hold positions (CHAIRED, HOLDS) in two bodies or more: the officials through
    whom bodies are tied together, the interlocks a reader asks about first."""
    positions: dict[str, dict[str, list[str]]] = {}
    for u, v, a in g.edges(data=True):
        if a.get("type") in POSITION_TYPES and g.nodes[v].get("label") == "Body":
            titles = [t for t in [a.get("title"), *(a.get("titles") or [])] if t]
            held = positions.setdefault(u, {}).setdefault(v, [])
            held.extend(t for t in titles if t not in held)
    ranked = sorted(
        (p for p, bodies in positions.items() if len(bodies) >= 2),
        key=lambda p: (-len(positions[p]), -betweenness.get(p, 0.0), display(g.nodes[p])),
    )
    rows = []
    for i, p in enumerate(ranked[:top], 1):
        bodies = sorted(positions[p], key=lambda b: display(g.nodes[b]))
        rows.append(
            {
                "rank": i,
                "person": display(g.nodes[p]),
                "bodies": len(bodies),
                "positions": [
                    display(g.nodes[b]) + (f" ({', '.join(positions[p][b])})" if positions[p][b] else "") for b in bodies
                ],
                "betweenness": round(betweenness.get(p, 0.0), 4),
                "id": p,
            }
        )
    return rows


def analyze(graph: Graph | nx.MultiDiGraph, top: int = 10) -> Analysis:
    """Degree and betweenness centrality of officials and bodies, connected components, and
    the people who bridge bodies, on ``graph`` (a ``Graph`` from a store, or its networkx
    form). ``top`` bounds every ranked list."""
    g = to_networkx(graph) if isinstance(graph, Graph) else graph
    simple = fact_graph(g)
    betweenness, samples = _betweenness(simple)
    comps = nx.number_connected_components(simple) if simple.number_of_nodes() else 0
    return Analysis(
        nodes=simple.number_of_nodes(),
        edges=sum(1 for u, v, a in g.edges(data=True) if u in simple and v in simple),
        components=comps,
        isolated=sum(1 for n in simple if simple.degree(n) == 0),
        betweenness_sampled=samples > 0,
        central=_central(simple, betweenness, top),
        largest_components=_components(simple, top),
        bridges=_bridges(g, betweenness, top),
        betweenness_samples=samples,
    )
