"""Writing merged windows into the embedded store through ArcadeDB's record API.

Cypher ``UNWIND … MERGE`` costs the engine a query plan, an index lookup per end and a scan
of the stored lists for every row; on the embedded store the same graph written record by
record costs half the CPU or less (measured: README "Benchmarks"; issue 13 saw ×3 in wall time). Here the merge happens in Python
(``loadplan.merged_node`` / ``merged_edge``, the same rules the Cypher statements state) and
the engine only stores records:

- a key map (node id -> record id) remembers every node this writer has written, so a node
  seen again costs one read by record id; a key it has not seen is looked up once through the
  unique-key index (a store filled by an earlier run), unless the store was empty when the
  writer started;
- a fact (not MENTIONS) this writer has written is remembered the same way, so a fact with
  an end this writer created (the key map flags those nodes) and not remembered is new, as is
  a MENTIONS of an article created by the same write; any other relationship is looked for
  among the edges of its smaller end (a Document, an Article, else the source);
- a busy fact (its capped lists full) is updated from what the writer remembers of it
  (``factstate.FactStates``) instead of reading its record, when every article the update
  counts was created by the same write; so are people and bodies (``REMEMBERED_NODES``),
  named in nearly every window; a new article is created already flagged stored;
- every write is one transaction (``write``): all of it commits, or none of it, and the
  maps only learn what committed.

Python's cyclic garbage collector is paused while a window is written (``graph.collector``).
"""

from __future__ import annotations

import json
import time
from typing import AbstractSet, Any, Iterable

from .collector import gc_paused
from .factstate import FactStates
from .loadplan import edge_row, fresh_edge, merged_edge, merged_node, node_row
from .model import Edge, Graph, labels, relationship_types, split_id

#: the end of a relationship whose edges are few (looked through to find an existing fact)
SMALL_ENDS = ("Article", "Document")
_BUCKET_SHIFT = 40
#: flag in the key map: the node was created by this writer, so all its edges are known to it
_BORN = 1 << 62
_RID_BITS = _BORN - 1
_ABSENT = object()
#: nodes whose stored properties the writer remembers: named again in nearly every window
REMEMBERED_NODES = ("Person", "Body")


class RecordWriter:
    """One writer per open embedded store; ``db`` is the ``arcadedb_embedded`` database."""

    def __init__(self, db: Any) -> None:
        import jpype

        self._db = db
        self._j = db.get_java_database()
        self._RID = jpype.JClass("com.arcadedb.database.RID")
        self._JSONObject = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
        direction = jpype.JClass("com.arcadedb.graph.Vertex$DIRECTION")
        self._OUT, self._IN = direction.OUT, direction.IN
        self.nodes: dict[str, int] = {}  # node id -> packed record id
        # fact (its ends' record ids and type, one int: ``_fact_key``) -> packed record id, not
        # MENTIONS; ints, not the node ids, since this map grows with the corpus (issue 13)
        self.facts: dict[int, int] = {}
        self._types = {rel: i for i, rel in enumerate(relationship_types())}
        self._empty_at_start: bool | None = None
        self._vertices: dict[int, Any] = {}  # record id -> vertex, for one write
        self._rids: dict[int, Any] = {}  # record id -> the engine's RID, for one write
        # what busy facts hold, so that their updates need no read (graph/factstate.py)
        self.states = FactStates()
        self._learned: dict[int, dict[str, Any] | None] = {}  # fact states learned by one write
        # the people and bodies, named in every window, likewise (a node's state is its properties)
        self.node_states = FactStates(limit=20_000)
        self._learned_nodes: dict[int, dict[str, Any] | None] = {}

    # -- schema ---------------------------------------------------------------------------------
    def declare_types(self) -> None:
        """Vertex and edge types exist before the record API uses them (Cypher creates them
        lazily, the record API refuses an unknown type)."""
        sch = self._j.getSchema()
        for label in labels():
            sch.getOrCreateVertexType(label)
        for rel in relationship_types():
            sch.getOrCreateEdgeType(rel)

    # -- one transaction ------------------------------------------------------------------------
    def write(
        self, graph: Graph, ingested: Iterable[str] = (), counted: frozenset[str] = frozenset()
    ) -> tuple[dict[str, int], dict[str, float]]:
        """Merge ``graph`` into the store and flag the ``ingested`` articles, in one
        transaction. Returns rows written per kind ("node:Person", "edge:SIGNED:Person->Document")
        and seconds spent on nodes, facts and MENTIONS (the commit counts with MENTIONS)."""
        if self._empty_at_start is None:
            self._empty_at_start = all(self._j.countType(t, False) == 0 for t in labels())
        rows: dict[str, int] = {}
        marked = set(ingested)  # a new Article among them is created flagged
        nodes: dict[str, int] = {}
        facts: dict[int, int] = {}
        created: set[str] = set()  # nodes created by this write
        self._vertices, self._rids, self._learned, self._learned_nodes = {}, {}, {}, {}
        seconds: dict[str, float] = {}
        with gc_paused():
            self._j.begin()
            try:
                clock = time.perf_counter()
                for node in graph.nodes.values():
                    nodes[node.id] = self._node(node.label, node_row(node), nodes, created, marked)
                    kind = f"node:{node.label}"
                    rows[kind] = rows.get(kind, 0) + 1
                seconds["nodes"], clock = time.perf_counter() - clock, time.perf_counter()
                for phase in ("relationships", "mentions"):
                    for edge in graph.edges.values():
                        if (edge.type == "MENTIONS") != (phase == "mentions"):
                            continue
                        if not self._edge(edge, counted, nodes, facts, created):
                            continue
                        kind = f"edge:{edge.type}:{split_id(edge.source)[0]}->{split_id(edge.target)[0]}"
                        rows[kind] = rows.get(kind, 0) + 1
                    seconds[phase], clock = time.perf_counter() - clock, time.perf_counter()
                for key in marked:
                    nid = f"Article:{key}"
                    if nid in created:
                        continue
                    rid = nodes.get(nid) or self.nodes.get(nid) or self._lookup("Article", key)
                    if rid is not None:
                        self._record(rid & _RID_BITS).asVertex().modify().set("ingested", True).save()
                self._j.commit()
                seconds["mentions"] += time.perf_counter() - clock
            except BaseException:
                if self._j.isTransactionActive():
                    self._j.rollback()
                raise
            finally:
                self._vertices, self._rids = {}, {}
        self.nodes.update(nodes)
        self.facts.update(facts)
        self.states.learn(self._learned)
        self.node_states.learn(self._learned_nodes)
        self._learned, self._learned_nodes = {}, {}
        return rows, seconds

    # -- nodes ----------------------------------------------------------------------------------
    def _node(
        self, label: str, row: dict[str, Any], nodes: dict[str, int], created: set[str], marked: AbstractSet[str] = frozenset()
    ) -> int:
        nid = f"{label}:{row['key']}"
        rid = nodes.get(nid) or self.nodes.get(nid)
        if rid is None and not self._empty_at_start:
            rid = self._lookup(label, row["key"])
        if rid is None:
            vertex = self._j.newVertex(label)
            props = {"key": row["key"], **merged_node(label, {}, row)}
            if label == "Article" and row["key"] in marked:
                props["ingested"] = True  # flagged as it is created: no second write of the record
            self._set(vertex, props)
            vertex.save()
            created.add(nid)
            return self._pack(vertex.getIdentity()) | _BORN
        packed, record = rid & _RID_BITS, None
        remembered = label in REMEMBERED_NODES
        stored = self.node_states.get(packed) if remembered else None
        if stored is None:
            record = self._record(packed)
            stored = self._props(record)
        changed = {k: v for k, v in merged_node(label, stored, row).items() if stored.get(k, _ABSENT) != v}
        if changed:  # a person named again in the same words changes nothing
            vertex = (record or self._record(packed)).asVertex().modify()
            self._set(vertex, changed)
            vertex.save()
        if remembered and (changed or record is not None):
            self._learned_nodes[packed] = self.node_states.state_of({**stored, **changed})
        return rid

    def _end(self, nid: str, nodes: dict[str, int]) -> int | None:
        found = nodes.get(nid) or self.nodes.get(nid)
        if found is None and not self._empty_at_start:
            found = self._lookup(*split_id(nid))
        return found

    def _lookup(self, label: str, key: str) -> int | None:
        cursor = self._j.lookupByKey(label, ["key"], [key])
        return self._pack(cursor.next().getIdentity()) if cursor.hasNext() else None

    # -- relationships --------------------------------------------------------------------------
    def _edge(
        self,
        edge: Edge,
        counted: frozenset[str],
        nodes: dict[str, int],
        facts: dict[int, int],
        created: set[str],
    ) -> bool:
        """Write one relationship; False when an end is missing. A fact's record id goes into
        ``facts`` (a MENTIONS is never looked for again by this writer)."""
        rel, source, target = edge.type, edge.source, edge.target
        src, dst = self._end(source, nodes), self._end(target, nodes)
        if src is None or dst is None:
            return False  # as Cypher's MATCH of a missing end: nothing to connect
        mentions = rel == "MENTIONS"
        fid = (((src & _RID_BITS) << 64 | (dst & _RID_BITS)) << 4) | self._types[rel]
        rid = None if mentions else facts.get(fid) or self.facts.get(fid)
        # new for sure: a fact with an end this writer created (it would be in ``facts``), a
        # MENTIONS of an article created by this write; anything else may be stored already
        new = source in created or target in created or (not mentions and bool((src | dst) & _BORN))
        if rid is None and not new:
            rid = self._find_edge(rel, source, src & _RID_BITS, target, dst & _RID_BITS)
        src, dst = src & _RID_BITS, dst & _RID_BITS
        if rid is None:
            # properties as one map: JPype's varargs overload matching cost three times more
            props = fresh_edge(edge, counted)
            written = self._vertex(src).newEdge(rel, self._target(dst), self._map(props))
            if not mentions:
                rid = facts[fid] = self._pack(written.getIdentity())
                if (state := self.states.state_of(props)) is not None:
                    self._learned[rid] = state
            return True
        if not mentions:
            facts[fid] = rid
        row = edge_row(edge, counted)
        record = None
        stored = self.states.reusable(rid, row, lambda a: f"Article:{a}" in created)
        if stored is None:
            record = self._record(rid)
            stored = self._props(record)
        # an empty list the record never had stays unwritten, as on a new fact (fresh_edge)
        changed = {k: v for k, v in merged_edge(stored, row).items() if v != stored.get(k, [] if v == [] else None)}
        if changed:  # a full sample and a known article: often nothing but the count moves
            record = (record or self._record(rid)).asEdge().modify()
            self._set(record, changed)
            record.save()
            self._learned[rid] = self.states.state_of({**stored, **changed})
        elif record is not None:
            self._learned[rid] = self.states.state_of(stored)
        return True

    def _vertex(self, packed: int) -> Any:
        """The source vertex of new edges, looked up once per write: an article's MENTIONS
        all start from it (the engine hands each new edge to the vertex's current version in
        the transaction, whichever proxy it is called on)."""
        vertex = self._vertices.get(packed)
        if vertex is None:
            vertex = self._vertices[packed] = self._record(packed).asVertex()
        return vertex

    def _target(self, packed: int) -> Any:
        """The record id of a new edge's target, made once per write: a person or a body is
        the target of many MENTIONS in a window, and every Java object handed to Python costs
        the bridge a reference to track and release."""
        rid = self._rids.get(packed)
        if rid is None:
            rid = self._rids[packed] = self._rid(packed)
        return rid

    def _find_edge(self, rel: str, source: str, src: int, target: str, dst: int) -> int | None:
        """An existing ``rel`` from ``src`` to ``dst``, looked for among the edges of the end
        that has few of them."""
        if split_id(target)[0] in SMALL_ENDS and split_id(source)[0] not in SMALL_ENDS:
            edges, other, end = self._record(dst).asVertex().getEdges(self._IN, rel), src, "getOut"
        else:
            edges, other, end = self._record(src).asVertex().getEdges(self._OUT, rel), dst, "getIn"
        for edge in edges:
            if self._pack(getattr(edge, end)()) == other:
                return self._pack(edge.getIdentity())
        return None

    # -- values and record ids ------------------------------------------------------------------
    def _set(self, record: Any, props: dict[str, Any]) -> None:
        if props:
            record.set(self._map(props))

    def _map(self, props: dict[str, Any]) -> Any:
        """The properties as one Java map, built from one JSON string: two bridge calls per
        record instead of one per property (and JPype's list conversion), measured faster than
        a HashMap filled put by put. JSON keeps every type the graph uses (strings, integers,
        booleans, lists of strings)."""
        return self._JSONObject(json.dumps(props, ensure_ascii=False)).toMap()

    @staticmethod
    def _props(record: Any) -> dict[str, Any]:
        """A stored record's properties as Python values, in one bridge call (JSON)."""
        return json.loads(str(record.toJSON()))

    def _pack(self, rid: Any) -> int:
        return (int(rid.getBucketId()) << _BUCKET_SHIFT) | int(rid.getPosition())

    def _rid(self, packed: int) -> Any:
        return self._RID(packed >> _BUCKET_SHIFT, packed & ((1 << _BUCKET_SHIFT) - 1))

    def _record(self, packed: int) -> Any:
        return self._j.lookupByRID(self._rid(packed), True)


__all__ = ["RecordWriter"]
