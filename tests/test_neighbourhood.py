"""`view --focus` reads only the neighbourhood from the store (issue 13), and shows what a cut of
the whole graph would: same nodes, same relationships, same evidence articles, on both stores."""

from __future__ import annotations

import pytest

from graph.neighbourhood import nearest, neighbourhood
from graph.nxgraph import Filters, select, to_networkx

FOCI = ["Person:nguyễn thị tuyến", "Person:chu ngọc anh"]


def _shown(graph, focus: str, depth: int, **filters):
    sel = select(to_networkx(graph), Filters(focus=focus, depth=depth, max_nodes=None, **filters))
    return set(sel.graph.nodes), set(sel.graph.edges(keys=True)), set(sel.articles)


@pytest.mark.parametrize("depth", [0, 1, 2])
@pytest.mark.parametrize("focus", FOCI)
def test_the_neighbourhood_shows_what_the_whole_graph_would(query_store, focus: str, depth: int):
    whole = query_store.dump()
    part = neighbourhood(query_store, focus, depth)
    assert _shown(part, focus, depth) == _shown(whole, focus, depth)
    assert len(part.nodes) < len(whole.nodes)  # and it did not read everything


def test_types_and_articles_narrow_what_is_read(query_store):
    focus = "Document:" + query_store.read("MATCH (d:Document {number: '143-KL/TU'}) RETURN d.key AS k")[0]["k"]
    whole = query_store.dump()
    types = frozenset({"ISSUED", "SIGNED"})
    part = neighbourhood(query_store, focus, 2, types)
    assert {e.type for e in part.edges.values()} <= types
    assert _shown(part, focus, 2, types=types) == _shown(whole, focus, 2, types=types)
    with_articles = neighbourhood(query_store, focus, 1, articles=True)
    assert "MENTIONS" in {e.type for e in with_articles.edges.values()}
    assert _shown(with_articles, focus, 1, articles=True) == _shown(whole, focus, 1, articles=True)


@pytest.mark.parametrize("articles", [False, True])
def test_ties_within_the_outer_ring_are_read_once_from_either_end(store, articles: bool):
    """At depth 1 around UBND TP Hà Nội, the ring holds Chu Ngọc Anh (CHAIRED) and 84/KH-UBND
    (ISSUED): his SIGNED between them is a tie of the ring, read from the document's end, and
    with --articles the article's MENTIONS of both, read from the article's end."""
    from helpers import ANH, ART2, KH84, UBND, handmade

    store.setup()
    store.load(handmade())
    part = neighbourhood(store, UBND, 1, articles=articles)
    assert ("SIGNED", ANH, KH84) in part.edges
    if articles:
        article = f"Article:{ART2}"
        assert {("MENTIONS", article, ANH), ("MENTIONS", article, KH84)} <= set(part.edges)
    assert _shown(part, UBND, 1, articles=articles) == _shown(store.dump(), UBND, 1, articles=articles)


@pytest.mark.parametrize("articles", [False, True])
@pytest.mark.parametrize("focus", FOCI)
def test_a_cap_applied_while_reading_keeps_what_the_view_would_and_counts_the_rest(query_store, focus: str, articles: bool):
    """`view --focus` reads the properties, facts and articles of only the nodes its cap keeps
    (the nearest, the most connected first), and still says how many it left out."""
    cap = 4
    whole = select(to_networkx(neighbourhood(query_store, focus, 2, articles=articles)),
                   Filters(focus=focus, depth=2, articles=articles, max_nodes=cap))
    near = nearest(query_store, focus, 2, articles=articles, max_nodes=cap)
    cut = select(to_networkx(near.graph), Filters(focus=focus, depth=2, articles=articles, max_nodes=cap),
                 (near.nodes, near.edges))
    assert whole.cut and cut.cut_message() == whole.cut_message()
    assert set(cut.graph.nodes) == set(whole.graph.nodes)
    assert set(cut.graph.edges(keys=True)) == set(whole.graph.edges(keys=True))
    assert cut.articles == whole.articles
    # nothing read for the nodes the cap leaves out (articles: those the kept facts cite)
    assert len([n for n in near.graph.nodes if not n.startswith("Article:")]) <= cap
    assert len(near.graph.nodes) < len(neighbourhood(query_store, focus, 2, articles=articles).nodes)


def test_no_cut_while_reading_when_a_joined_spelling_is_within_reach(store):
    """A view folds the spellings the identity layer joined (graph.fold), which changes what is
    nearest: with one within reach the neighbourhood is read whole and the view cuts it."""
    from graph.model import Edge, Node
    from helpers import ANH, UBND, evidence, handmade

    g = handmade()
    g.add_node(Node("Person", "chu n. anh", {"name": "Chu N. Anh", "aliases": [], "titles": []}))
    g.add_edge(Edge("HOLDS", "Person:chu n. anh", UBND, {}, [evidence("f19c0833ede52544", "Chu N. Anh, UBND TP.")]))
    store.setup()
    store.load(g)
    assert nearest(store, UBND, 1, max_nodes=2).cut
    store.write("MATCH (p:Person {key: 'chu n. anh'}) SET p.same_as = $root", {"root": ANH.split(":", 1)[1]})
    near = nearest(store, UBND, 1, max_nodes=2)
    assert not near.cut and {ANH, "Person:chu n. anh"} <= set(near.graph.nodes)
