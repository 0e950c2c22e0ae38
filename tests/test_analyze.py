"""`graph analyze`'s numbers: centrality, components and bridges, on the hand-built graph
(where they can be worked out on paper) and on the sample corpus."""

from __future__ import annotations

import json

import pytest

import graph.analyze as analyze_module
from graph.analyze import analyze, fact_graph
from graph.model import Graph
from graph.nxgraph import to_networkx


def test_articles_and_mentions_are_left_out(handmade_graph):
    result = analyze(handmade_graph)
    assert result.nodes == 12 and result.edges == 13
    assert "Article" not in {a.get("label") for _, a in fact_graph(to_networkx(handmade_graph)).nodes(data=True)}


def test_central_ranks_officials_and_bodies_by_degree_then_betweenness(handmade_graph):
    central = analyze(handmade_graph).central
    assert [r["name"] for r in central[:3]] == ["Thành ủy Hà Nội", "Chu Ngọc Anh", "UBND TP Hà Nội"]
    assert {r["label"] for r in central} == {"Person", "Body"}
    top = central[0]
    # Thành ủy: 4 neighbours of 11 others; between pairs of the 11 others (55 pairs) it carries
    # 16.5: the 14 from Đinh Tiến Dũng and the event out, and half or all of four more
    assert top["degree"] == 4 and top["degree_centrality"] == pytest.approx(4 / 11, abs=1e-4)
    assert top["betweenness"] == pytest.approx(0.3, abs=1e-4)
    chinh_phu = next(r for r in central if r["name"] == "Chính phủ")
    assert chinh_phu["betweenness"] == 0.0


def test_components_largest_first_with_counts(handmade_graph):
    result = analyze(handmade_graph)
    assert result.components == 2 and result.isolated == 0
    first, second = result.largest_components
    assert (first["size"], first["Person"], first["Body"], first["Document"], first["Event"]) == (10, 4, 3, 2, 1)
    assert second["size"] == 2 and set(second["main_nodes"]) == {"Chính phủ", "01/NQ-CP"}


def test_bridges_are_people_with_positions_in_two_bodies(handmade_graph):
    bridges = analyze(handmade_graph).bridges
    assert [b["person"] for b in bridges] == ["Chu Ngọc Anh"]
    assert bridges[0]["positions"] == ["Thành ủy Hà Nội (Phó Bí thư)", "UBND TP Hà Nội (Chủ tịch)"]


def test_top_bounds_every_ranking(handmade_graph):
    result = analyze(handmade_graph, top=1)
    assert len(result.central) == 1 and len(result.largest_components) == 1 and len(result.bridges) == 1


def test_large_graphs_estimate_betweenness_from_samples(handmade_graph, monkeypatch):
    monkeypatch.setattr(analyze_module, "BETWEENNESS_EXACT_MAX", 5)
    result = analyze(handmade_graph)
    assert result.betweenness_sampled and result.summary()[0]["betweenness"] == "estimated from 12 samples"
    assert result.central[0]["name"] == "Thành ủy Hà Nội"  # all 12 nodes sampled: same ranking


def test_a_bigger_graph_gets_fewer_samples_within_bounds(handmade_graph, monkeypatch):
    """Each sample is a search of the whole graph: the samples shrink as the graph grows, so
    the 100k store's analysis ends (300 samples took over 7 minutes), never below the minimum."""
    monkeypatch.setattr(analyze_module, "BETWEENNESS_EXACT_MAX", 5)
    simple = fact_graph(to_networkx(handmade_graph))
    size = simple.number_of_nodes() + simple.number_of_edges()
    monkeypatch.setattr(analyze_module, "BETWEENNESS_WORK", 3 * size)
    monkeypatch.setattr(analyze_module, "BETWEENNESS_MIN_SAMPLES", 2)
    assert analyze(handmade_graph).betweenness_samples == 3
    monkeypatch.setattr(analyze_module, "BETWEENNESS_WORK", 0)
    assert analyze(handmade_graph).summary()[0]["betweenness"] == "estimated from 2 samples"


def test_empty_graph():
    result = analyze(Graph())
    assert (result.nodes, result.components, result.central, result.bridges) == (0, 0, [], [])


# -- `graph analyze` ----------------------------------------------------------------------------
def test_analyze_command_json(graph_cli):
    result = graph_cli("analyze", "--format", "json", "--top", "3")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["nodes"] == 12 and report["components"] == 2
    assert [r["name"] for r in report["central"]] == ["Thành ủy Hà Nội", "Chu Ngọc Anh", "UBND TP Hà Nội"]
    assert report["bridges"][0]["person"] == "Chu Ngọc Anh" and report["bridges"][0]["id"] == "Person:chu ngọc anh"


def test_analyze_command_tables(graph_cli):
    result = graph_cli("analyze")
    assert result.exit_code == 0, result.output
    for heading in ("Most central officials and bodies", "Largest connected components", "Bridges between bodies"):
        assert heading in result.stdout
    assert "Chu Ngọc Anh" in result.stdout and "Person:" not in result.stdout


def test_analyze_command_errors(graph_cli):
    assert graph_cli("analyze", "--format", "xml").exit_code == 2
    graph_cli.store_graph = Graph()
    result = graph_cli("analyze")
    assert result.exit_code == 1 and "store is empty" in result.stderr


def test_sample_corpus(examples_graph):
    result = analyze(examples_graph)
    assert result.central[0]["name"] == "Thành ủy Hà Nội"
    bridges = {b["person"]: b["positions"] for b in result.bridges}
    assert "Thành ủy Hà Nội (Phó Bí thư)" in bridges["Chu Ngọc Anh"]
    assert "UBND TP Hà Nội (Chủ tịch)" in bridges["Chu Ngọc Anh"]


def test_the_lean_read_analyzes_as_the_whole_graph_does(query_store):
    """`graph analyze` reads the facts without their evidence, and no articles or MENTIONS
    (graph.analyze.read_facts): the rankings are those of the whole stored graph."""
    from graph.analyze import read_facts

    lean = read_facts(query_store)
    assert not any(n.label == "Article" for n in lean.nodes.values())
    assert all(e.type != "MENTIONS" and not e.evidence for e in lean.edges.values())
    assert analyze(lean, top=20).to_dict() == analyze(query_store.dump(), top=20).to_dict()
