"""Turn a ``Graph`` into batched, parameterised MERGE statements that any store can run.

Both stores (ArcadeDB embedded, Neo4j over Bolt) execute exactly these statements, so a load
means the same thing everywhere. Labels and relationship types come from ``schema.yaml`` (they
cannot be Cypher parameters); every value travels in ``$rows``.

Merging happens in the database, not only in Python: list properties (aliases, evidence,
articles...) are unioned with what is already stored, so loading the same facts twice, or the
same fact from two articles, never duplicates anything. The rules exist twice, in one place:
as Cypher (``node_cypher``/``edge_cypher``, what the Bolt store runs) and as Python over a
stored record (``merged_node``/``merged_edge``, what the embedded store's record writer runs);
the store contract tests load through both and compare full dumps.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

from .model import Edge, Graph, Node, merge_tenure, schema, split_id, tenure_props

SEEN_DATES = ("first_seen", "last_seen")


@dataclass(frozen=True)
class Statement:
    """One Cypher statement and the rows it UNWINDs; ``kind`` says what it loads."""

    cypher: str
    rows: list[dict[str, Any]]
    kind: str

    def batches(self, size: int) -> Iterator["Statement"]:
        for i in range(0, len(self.rows), size):
            yield Statement(self.cypher, self.rows[i : i + size], self.kind)


def _union_clause(var: str, prop: str) -> str:
    union = f"coalesce({var}.{prop}, []) + [x IN coalesce(r.{prop}, []) WHERE NOT x IN coalesce({var}.{prop}, [])]"
    if var == "e" and prop in schema()["capped_lists"]:
        # a full list is left as it is: no scan of the stored list, no rewrite (see schema.yaml)
        cap = int(schema()["list_cap"])
        return (
            f"{var}.{prop} = CASE WHEN size(coalesce({var}.{prop}, [])) >= {cap} THEN {var}.{prop} "
            f"ELSE ({union})[0..{cap}] END"
        )
    return f"{var}.{prop} = {union}"


def node_cypher(label: str) -> str:
    lists = schema()["nodes"][label].get("merge_lists", [])
    sets = ["n += r.props"] + [_union_clause("n", p) for p in lists]
    return f"UNWIND $rows AS r MERGE (n:{label} {{key: r.key}}) SET " + ", ".join(sets)


def edge_cypher(rel: str, src_label: str, dst_label: str) -> str:
    # the count first: it reads the stored sample before the sample is extended
    sets = [
        "e.article_count = coalesce(e.article_count, 0) + r.article_count"
        " - size([x IN r.fresh WHERE x IN coalesce(e.articles, [])])"
    ]
    sets += [_union_clause("e", p) for p in schema()["edge_merge_lists"]]
    sets += [f"e.{p} = coalesce(e.{p}, r.{p})" for p in schema()["edge_first_value"]]
    sets += [
        "e.first_seen = CASE WHEN r.first_seen IS NOT NULL AND (e.first_seen IS NULL OR r.first_seen < e.first_seen)"
        " THEN r.first_seen ELSE e.first_seen END",
        "e.last_seen = CASE WHEN r.last_seen IS NOT NULL AND (e.last_seen IS NULL OR r.last_seen > e.last_seen)"
        " THEN r.last_seen ELSE e.last_seen END",
    ]
    sets += tenure_clauses()
    return (
        f"UNWIND $rows AS r MATCH (a:{src_label} {{key: r.source}}) MATCH (b:{dst_label} {{key: r.target}}) "
        f"MERGE (a)-[e:{rel}]->(b) SET " + ", ".join(sets)
    )


_SCALARS = (str, int, float)


def tenure_clauses() -> list[str]:
    """The SET items that merge dated positions as ``model.merge_tenure`` does; the newest
    values are set before their date moves (SET items apply in order)."""
    t = schema()["tenure"]
    by = t["newest_by"]
    out = [
        f"e.{k} = CASE WHEN r.{k} IS NOT NULL AND (e.{k} IS NULL OR r.{k} {op} e.{k}) THEN r.{k} ELSE e.{k} END"
        for keys, op in ((t["earliest"], "<"), (t["latest"], ">"))
        for k in keys
    ]
    newer = f"(e.{by} IS NULL OR (r.{by} IS NOT NULL AND r.{by} >= e.{by}))"
    out += [f"e.{k} = CASE WHEN r.{k} IS NOT NULL AND (e.{k} IS NULL OR {newer}) THEN r.{k} ELSE e.{k} END" for k in t["newest"]]
    out.append(f"e.{by} = CASE WHEN r.{by} IS NOT NULL AND (e.{by} IS NULL OR r.{by} > e.{by}) THEN r.{by} ELSE e.{by} END")
    return out


def _clean(value: Any) -> Any:
    """Drop values a property cannot hold (None, empty lists, nested maps)."""
    if value is None or isinstance(value, _SCALARS):  # the common case first: loading calls this per property
        return value
    if isinstance(value, dict):
        return None
    if isinstance(value, (list, tuple)):
        items = [v for v in value if v is not None and not isinstance(v, (dict, list))]
        return items or None
    return value


def node_row(node: Node) -> dict[str, Any]:
    lists = set(schema()["nodes"][node.label].get("merge_lists", []))
    props = {k: _clean(v) for k, v in node.props.items() if k not in lists}
    row: dict[str, Any] = {"key": node.key, "props": {k: v for k, v in props.items() if v is not None}}
    for p in lists:
        row[p] = _clean(node.props.get(p)) or []
    return row


def edge_row(edge: Edge, counted: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The row of one fact. ``counted`` names articles the store has already counted (an
    article loaded again with ``--force``): they join the sample but add nothing to the count.
    ``fresh`` is the part of the sample that counts, so a store subtracts what it already has."""
    props = edge.props
    row: dict[str, Any] = {"source": split_id(edge.source)[1], "target": split_id(edge.target)[1]}
    for p in schema()["edge_merge_lists"]:
        if p not in _FROM_EDGE:
            row[p] = (_clean(props[p]) or []) if props.get(p) else []
    row["evidence"] = [e.to_json() for e in edge.evidence]
    row["articles"] = articles = edge.articles
    row["fresh"] = fresh = [a for a in articles if a not in counted] if counted else articles
    row["article_count"] = edge.article_count - (len(articles) - len(fresh))
    for p in (*schema()["edge_first_value"], *SEEN_DATES, *tenure_props()):
        row[p] = _clean(props.get(p))
    return row


#: list properties an edge row takes from the ``Edge`` itself, not from its props
_FROM_EDGE = ("evidence", "articles")


def fresh_edge(edge: Edge, counted: frozenset[str] = frozenset()) -> dict[str, Any]:
    """``merged_edge({}, edge_row(edge, counted))`` without building the row, and without
    its empty lists: the properties of a fact the store does not hold yet. Most rows of a load
    are new facts and MENTIONS; the generic merge over an empty record cost more than writing
    the record, and every empty list cost the engine a property (issue 13). A store's reader
    takes a missing list as an empty one (``Store.dump``, ``coalesce`` in the queries)."""
    props = edge.props
    cap = int(schema()["list_cap"])
    articles = edge.articles
    stale = sum(1 for a in articles if a in counted) if counted else 0
    out: dict[str, Any] = {"article_count": edge.article_count - stale}
    for p in schema()["edge_merge_lists"]:
        if p == "evidence":
            values = [e.to_json() for e in edge.evidence]
        elif p == "articles":
            values = list(articles)
        else:
            values = (_clean(props[p]) or []) if props.get(p) else []
        if values:
            out[p] = values[:cap] if p in schema()["capped_lists"] else values
    for p in schema()["edge_first_value"]:
        value = _clean(props.get(p))
        if value is not None:
            out[p] = value
    for p in SEEN_DATES:
        value = _clean(props.get(p))
        if value:
            out[p] = value
    if any(props.get(k) is not None for k in tenure_props()):
        tenure: dict[str, Any] = {}
        merge_tenure(tenure, {k: _clean(props.get(k)) for k in tenure_props()})
        out.update(tenure)
    return out


# -- the same rules over a stored record (the embedded store's record writer) ----------------
def _union_list(old: list, new: list, capped: bool) -> list:
    if capped and len(old) >= int(schema()["list_cap"]):
        return old
    out = old + [x for x in new if x not in old]
    return out[: int(schema()["list_cap"])] if capped else out


def merged_node(label: str, stored: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """The properties to write on a node: ``node_cypher``'s rules (scalars from the newest
    sighting, list properties unioned), given the stored ones (empty for a new node)."""
    out = dict(row["props"])
    for p in schema()["nodes"][label].get("merge_lists", []):
        out[p] = _union_list(list(stored.get(p) or []), row[p], capped=False)
    return out


def merged_edge(stored: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """The properties to write on a fact: ``edge_cypher``'s rules, given the stored ones."""
    capped = set(schema()["capped_lists"])
    old_articles = list(stored.get("articles") or [])
    out: dict[str, Any] = {
        "article_count": int(stored.get("article_count") or 0)
        + row["article_count"]
        - sum(1 for x in row["fresh"] if x in old_articles)
    }
    for p in schema()["edge_merge_lists"]:
        out[p] = _union_list(list(stored.get(p) or []), row[p], capped=p in capped)
    for p in schema()["edge_first_value"]:
        value = stored.get(p) if stored.get(p) is not None else row[p]
        if value is not None:
            out[p] = value
    seen = [stored.get("first_seen"), row["first_seen"]]
    if any(seen):
        out["first_seen"] = min(filter(None, seen))
    seen = [stored.get("last_seen"), row["last_seen"]]
    if any(seen):
        out["last_seen"] = max(filter(None, seen))
    tenure = {k: stored.get(k) for k in tenure_props()}
    merge_tenure(tenure, {k: row.get(k) for k in tenure_props()})
    out.update(tenure)
    return out


def plan(graph: Graph, counted: frozenset[str] = frozenset()) -> list[Statement]:
    """All statements to load ``graph``: nodes first (edges MATCH their ends), then edges."""
    node_rows: dict[str, list] = defaultdict(list)
    for n in graph.nodes.values():
        node_rows[n.label].append(node_row(n))
    edge_rows: dict[tuple[str, str, str], list] = defaultdict(list)
    for e in graph.edges.values():
        edge_rows[(e.type, split_id(e.source)[0], split_id(e.target)[0])].append(edge_row(e, counted))
    out = [Statement(node_cypher(label), rows, f"node:{label}") for label, rows in sorted(node_rows.items())]
    out += [
        Statement(edge_cypher(*k), rows, f"edge:{k[0]}:{k[1]}->{k[2]}") for k, rows in sorted(edge_rows.items())
    ]
    return out
