"""The schema is data (graph/schema.yaml); the DDL (graph/schema.cypher) and the load plan
must agree with it, so a label added in one place cannot be forgotten in another."""

from __future__ import annotations

import re

from graph.loadplan import edge_cypher, node_cypher, plan
from graph.model import Edge, Evidence, Graph, Node, labels, relationship_types, schema
from graph.store import schema_statements


def test_every_label_has_a_key_constraint_and_its_lookup_indexes() -> None:
    ddl = " ".join(schema_statements())
    for label, spec in schema()["nodes"].items():
        assert re.search(rf"FOR \(n:{label}\) REQUIRE n\.key IS UNIQUE", ddl), label
        for prop in spec.get("index", []):
            assert re.search(rf"FOR \(n:{label}\) ON \(n\.{prop}\)", ddl), (label, prop)


def test_load_statements_take_every_value_as_a_parameter() -> None:
    g = Graph()
    p = g.add_node(Node("Person", "a'b", {"name": "A'} DETACH DELETE n //", "titles": ["x"]}))
    b = g.add_node(Node("Body", "k|l|m", {"name": "Thành ủy", "aliases": []}))
    g.add_edge(Edge("CHAIRED", p, b, {"title": "Bí thư"}, [Evidence("art", "câu", 0, 3)]))
    for st in plan(g):
        assert "DETACH" not in st.cypher and "a'b" not in st.cypher and "Bí thư" not in st.cypher
        assert st.cypher.startswith("UNWIND $rows AS r ")
    for label in labels():
        assert f":{label} " in node_cypher(label)
    for rel in relationship_types():
        spec = schema()["relationships"][rel]
        assert f"[e:{rel}]" in edge_cypher(rel, spec["from"][0], spec["to"][0])


def test_capped_lists_stop_at_the_cap_in_the_statement_too() -> None:
    cap = schema()["list_cap"]
    cypher = edge_cypher("SIGNED", "Person", "Document")
    for prop in schema()["capped_lists"]:
        assert f"size(coalesce(e.{prop}, [])) >= {cap}" in cypher


def test_a_new_fact_gets_what_the_generic_merge_gives_it_without_empty_lists() -> None:
    """``fresh_edge`` is the record writer's shortcut for facts the store does not hold: the
    same properties as merging the row into an empty record (minus empty lists)."""
    from graph.loadplan import edge_row, fresh_edge, merged_edge

    cap = schema()["list_cap"]
    p, b, d = "Person:a", "Body:k|l|m", "Document:1|x|"
    many = [Evidence(f"art{i}", f"câu {i}", 0, 5) for i in range(cap + 3)]
    edges = [
        Edge("MENTIONS", "Article:art0", p, {"first_seen": "2024-01-02", "last_seen": "2024-01-02"}, many[:1]),
        Edge("CHAIRED", p, b, {"title": "Bí thư", "titles": ["Bí thư", "Bí thư"], "rule": "r", "start": "2020",
                               "status": "current", "status_seen": "2024-01-02", "term": "2020-2025"}, many[:2]),
        Edge("ASSIGNS", d, b, {"task": "t", "tasks": [f"t{i}" for i in range(cap + 2)], "end": "2023"}, many),
        Edge("ISSUED", b, d, {"basis": ["stated"], "article_count": cap + 9, "status": ""}, many),
        Edge("SIGNED", p, d, {}, []),
    ]
    for edge in edges:
        for counted in (frozenset(), frozenset({"art0", "art1"})):
            expected = {k: v for k, v in merged_edge({}, edge_row(edge, counted)).items() if v != []}
            assert fresh_edge(edge, counted) == expected, (edge.type, counted)
