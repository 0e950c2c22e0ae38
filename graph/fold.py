"""One node per person in what a reader draws or ranks: the stored spellings the identity layer
joined (``same_as``, set by ``ingest/sameas.py``) folded into the node that stands for them.

The store keeps each spelling's node as extracted (so the layer can be recomputed and undone);
views and analytics should not show one official twice, nor count their posts as two
people's. The export keeps the stored nodes with their ``same_as``, so programs can fold them
the same way.
"""

from __future__ import annotations

from .model import Edge, Graph, Node, node_id, split_id
from .store import Store

#: the layer's own properties: a folded node's are not the node it is folded into
_LAYER = ("same_as", "same_as_why")


_ROOT = "MATCH (p:Person {key: $key}) RETURN coalesce(p.same_as, p.key) AS root"
_JOINED = "MATCH (p:Person {same_as: $root}) RETURN p.key AS key ORDER BY key"


def joined_keys(store: Store, person_key: str, root: str | None = None) -> list[str]:
    """The keys of the stored Person nodes that are one person with ``person_key``: the node
    standing for them first (``root``, when the caller has read it), then the spellings joined
    to it (indexed reads)."""
    if root is None:
        found = store.read(_ROOT, {"key": person_key})
        root = found[0]["root"] if found else person_key
    return [root, *(r["key"] for r in store.read(_JOINED, {"root": root}))]


def joined_ids(store: Store, nid: str) -> list[str]:
    """``joined_keys`` for a node id: a Person's whole group, any other node alone."""
    label, key = split_id(nid)
    return [node_id(label, k) for k in joined_keys(store, key)] if label == "Person" else [nid]


def folded_id(graph: Graph, nid: str) -> str:
    """The id a node has once ``graph`` is folded: the node it is joined to, when that is in
    the graph, else its own."""
    node = graph.nodes.get(nid)
    target = node_id("Person", node.props["same_as"]) if node and node.props.get("same_as") else nid
    return target if target in graph.nodes else nid


def fold_people(graph: Graph) -> Graph:
    """``graph`` with every joined Person node folded into the one it is joined to: its
    spelling becomes an alias there, its lists join that node's, and its relationships move
    to it (merged with that node's own when they are the same fact). The graph unchanged when
    nothing is joined."""
    joined = [nid for nid, n in graph.nodes.items() if n.label == "Person" and n.props.get("same_as")]
    into = {nid: folded_id(graph, nid) for nid in joined if folded_id(graph, nid) != nid}
    if not into:
        return graph
    out = Graph()
    for nid, n in graph.nodes.items():
        if nid not in into:
            out.add_node(n)
    for nid, n in sorted(graph.nodes.items()):
        if nid in into:
            props = {k: v for k, v in n.props.items() if k not in _LAYER}
            props["aliases"] = [n.props.get("name"), *(n.props.get("aliases") or [])]
            out.add_node(Node("Person", out.nodes[into[nid]].key, props))
    for e in graph.edges.values():
        source, target = into.get(e.source, e.source), into.get(e.target, e.target)
        if source != target:  # a fact between two spellings of one person says nothing
            out.add_edge(Edge(e.type, source, target, dict(e.props), list(e.evidence)))
    return out
