"""Merging in memory (graph/model.py): the fast paths of ``Graph.update`` and ``_union`` must
give what adding every fact one by one through ``add_edge`` gives, busy facts included (their
capped lists overflow), whatever the order the graphs come in."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.model import Edge, Evidence, Graph, Node, _union, schema

CAP = schema()["list_cap"]
ARTICLES = [f"a{i:02d}" for i in range(CAP + 8)]


def reference_union(old: list, new: list, limit: int | None) -> list:
    """The plain definition: a list scan per item."""
    out = list(old)
    for x in new:
        if x not in out:
            out.append(x)
    return out if limit is None else out[:limit]


ITEMS = st.one_of(st.integers(0, 6), st.sampled_from(["x", "y"]), st.lists(st.integers(0, 2), max_size=2))


@given(st.lists(ITEMS, max_size=8), st.lists(ITEMS, max_size=12), st.one_of(st.none(), st.integers(0, 10)))
def test_union_is_the_plain_definition_hashable_or_not(old: list, new: list, limit: int | None) -> None:
    assert _union(old, new, limit) == reference_union(old, new, limit)


@st.composite
def sighting(draw) -> Graph:
    """One article's graph: a person, a body, and facts between them with evidence."""
    g = Graph()
    article = draw(st.sampled_from(ARTICLES))
    p = g.add_node(Node("Person", "nguyễn văn a", {"name": "Nguyễn Văn A", "titles": draw(st.lists(st.sampled_from(["Bí thư", "Chủ tịch"]), max_size=2))}))
    b = g.add_node(Node("Body", "tu|province|hà nội", {"name": "Thành ủy Hà Nội"}))
    date = draw(st.sampled_from(["2021-03-31", "2022-01-05", "2024-11-24"]))
    for rel in draw(st.lists(st.sampled_from(["CHAIRED", "HOLDS"]), min_size=1, max_size=2, unique=True)):
        props = {"title": "Bí thư", "first_seen": date, "last_seen": date,
                 "titles": draw(st.lists(st.sampled_from(["Bí thư", "Phó Bí thư"]), max_size=2))}
        if draw(st.booleans()):
            props["start"] = draw(st.sampled_from(["2020", "2021-05"]))
        sentences = draw(st.lists(st.sampled_from(["câu một", "câu hai", "câu ba"]), min_size=1, max_size=3))
        g.add_edge(Edge(rel, p, b, props, [Evidence(article, s, 0, len(s)) for s in sentences]))
    return g


def canonical(g: Graph) -> str:
    return json.dumps(g.to_dict(), sort_keys=True, ensure_ascii=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(sighting(), min_size=1, max_size=6), min_size=1, max_size=8))
def test_merging_batch_graphs_equals_adding_every_fact_in_order(batches: list[list[Graph]]) -> None:
    """A worker merges its batch, the writer merges the batches of a window: the result is
    the graph built fact by fact from the same sightings in the same order."""
    merged = Graph()
    for batch in batches:
        part = Graph()
        for g in batch:
            part.update(g)
        merged.update(part)
    reference = Graph()
    for g in (g for batch in batches for g in batch):
        for n in g.nodes.values():
            reference.add_node(n)
        for e in g.edges.values():
            reference.add_edge(e)
    assert canonical(merged) == canonical(reference)


def test_a_busy_fact_keeps_its_first_sightings_and_counts_every_article() -> None:
    merged = Graph()
    for i, article in enumerate(ARTICLES):
        part = Graph()
        part.add_edge(Edge("HOLDS", "Person:a", "Body:b", {"title": "Bí thư"}, [Evidence(article, f"câu {i}", 0, 5)]))
        merged.update(part)
    edge = merged.edges[("HOLDS", "Person:a", "Body:b")]
    assert edge.articles == ARTICLES[:CAP]
    assert [e.article for e in edge.evidence] == ARTICLES[:CAP]
    assert edge.article_count == len(ARTICLES)
