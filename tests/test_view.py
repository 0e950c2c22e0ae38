"""The networkx graph a view is built from (nodes, edges, attributes, filters, cap), the page
pyvis writes from it (self-contained, escaped, styled), and the GraphML export. The same page
in a real browser is tests/test_view_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest

from graph.model import Edge, Evidence, Graph, Node
from graph.nxgraph import (
    AmbiguousNode,
    Filters,
    NodeNotFound,
    find_node,
    select,
    to_networkx,
    write_graphml,
)
from graph.view import EDGE_COLOR, NODE_STYLE, PHYSICS_MAX_NODES, page_title, render
from helpers import data, page_nodes, parse

ANH, TUYEN, DUNG, THAO = "Person:chu ngọc anh", "Person:nguyễn thị tuyến", "Person:đinh tiến dũng", "Person:nguyễn thế thảo"
UBND, TU, CP, SYT = (
    "Body:ubnd|thành phố|hà nội",
    "Body:thành ủy|thành phố|hà nội",
    "Body:chính phủ||",
    "Body:sở y tế|thành phố|hà nội",
)
KL, KH, NQ = "Document:143-kl/tu|hà nội|", "Document:84/kh-ubnd|hà nội|2021", "Document:01/nq-cp||2014"
EVENT = "Event:hội nghị lần thứ mười bốn|2021-05-10"
FACT_NODES = {ANH, TUYEN, DUNG, THAO, UBND, TU, CP, SYT, KL, KH, NQ, EVENT}


@pytest.fixture
def full(handmade_graph: Graph) -> nx.MultiDiGraph:
    return to_networkx(handmade_graph)


def chain(n: int) -> Graph:
    """People and bodies alternating on one long path: a graph of any size, one component."""
    g = Graph()
    ids = [
        g.add_node(Node("Person", f"p{i}", {"name": f"Người {i}"}) if i % 2 == 0 else Node("Body", f"b{i}", {"name": f"Sở {i}"}))
        for i in range(n)
    ]
    for a, b in zip(ids, ids[1:]):
        person, body = (a, b) if a.startswith("Person") else (b, a)
        g.add_edge(Edge("HOLDS", person, body, {}, [Evidence("x", "Giữ chức.", 0, 9)]))
    return g


# -- the networkx graph -------------------------------------------------------------------------
def test_to_networkx_keeps_every_node_and_fact_with_attributes(full):
    assert full.number_of_nodes() == 16 and full.number_of_edges() == 30
    assert full.nodes[ANH]["label"] == "Person" and full.nodes[ANH]["name"] == "Chu Ngọc Anh"
    assert full.nodes[KL]["number"] == "143-KL/TU"
    chaired = full.edges[ANH, UBND, "CHAIRED"]
    assert chaired["type"] == "CHAIRED" and chaired["title"] == "Chủ tịch"
    assert chaired["articles"] == ["a2"]
    assert chaired["evidence"][0]["sentence"].startswith("Chủ tịch UBND TP Chu Ngọc Anh")


def test_two_facts_between_the_same_nodes_stay_two_edges():
    g = Graph()
    p = g.add_node(Node("Person", "a", {"name": "A"}))
    b = g.add_node(Node("Body", "b", {"name": "B"}))
    g.add_edge(Edge("CHAIRED", p, b, {"title": "Chủ tịch"}))
    g.add_edge(Edge("HOLDS", p, b, {"title": "Ủy viên"}))
    full = to_networkx(g)
    assert sorted(k for _, _, k in full.edges(keys=True)) == ["CHAIRED", "HOLDS"]


def test_default_view_hides_articles_and_mentions(full):
    sel = select(full)
    assert set(sel.graph) == FACT_NODES
    assert "MENTIONS" not in {a["type"] for _, _, a in sel.graph.edges(data=True)}
    assert sel.graph.number_of_edges() == 13
    assert not sel.cut and sel.cut_message() is None


def test_articles_flag_shows_articles_and_their_mentions(full):
    sel = select(full, Filters(articles=True))
    assert sel.graph.number_of_nodes() == 16
    assert sum(1 for _, _, k in sel.graph.edges(keys=True) if k == "MENTIONS") == 17


def test_evidence_articles_travel_with_the_selection_even_when_hidden(full):
    sel = select(full)
    assert sel.articles["a2"]["url"] == "https://kinhtedothi.vn/a2"
    assert set(sel.articles) == {"a1", "a2", "a3", "a4"}


def test_types_filter_keeps_those_relationships_and_drops_nodes_left_alone(full):
    sel = select(full, Filters(types=frozenset({"ISSUED", "SIGNED"})))
    assert {a["type"] for _, _, a in sel.graph.edges(data=True)} == {"ISSUED", "SIGNED"}
    assert set(sel.graph) == {TU, KL, TUYEN, ANH, KH, UBND, CP, NQ}


def test_period_uses_first_and_last_seen(full):
    sel = select(full, Filters(since="2021", until="2021"))
    assert NQ not in sel.graph and THAO not in sel.graph  # seen in 2013
    assert sel.graph.has_edge(ANH, UBND, "CHAIRED")
    assert not sel.graph.has_edge(TUYEN, TU, "HOLDS")  # undated: never in a period


def test_period_falls_back_to_article_dates(full):
    sel = select(full, Filters(since="2013", until="2013-12"))
    assert set(sel.graph.edges(keys=True)) == {(CP, NQ, "ISSUED"), (THAO, UBND, "CHAIRED")}


def test_period_bounds_compare_at_their_own_precision(full):
    sel = select(full, Filters(until="2021-03"))
    assert sel.graph.has_edge(UBND, KH, "ISSUED")  # 2021-03-31
    assert not sel.graph.has_edge(TU, KL, "ISSUED")  # 2021-05-10
    assert not select(full, Filters(since="2021-04")).graph.has_edge(UBND, KH, "ISSUED")


@pytest.mark.parametrize(
    "depth, expected",
    [
        (0, {ANH}),
        (1, {ANH, UBND, TU, KH}),
        (2, {ANH, UBND, TU, KH, THAO, TUYEN, DUNG, KL, SYT}),
    ],
)
def test_focus_takes_the_neighbourhood_to_depth(full, depth, expected):
    sel = select(full, Filters(focus="Chu Ngọc Anh", depth=depth))
    assert sel.focus == ANH and set(sel.graph) == expected


def test_focus_on_a_document_with_types(full):
    sel = select(full, Filters(focus="143-KL/TU", types=frozenset({"ISSUED", "SIGNED", "REFERENCES"})))
    assert set(sel.graph) == {KL, TU, TUYEN, KH}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Chu Ngọc Anh", ANH),
        ("chu ngoc anh", ANH),
        ("CHU  NGỌC ANH", ANH),
        ("Anh", ANH),  # a whole word of one name only
        ("143-kl/tu", KL),
        ("143", KL),
        ("UBND TP Hà Nội", UBND),
        ("Tuyến", TUYEN),
        (UBND, UBND),  # an id
    ],
)
def test_find_node(full, query, expected):
    assert find_node(full, query) == expected


def test_find_node_prefers_own_names_to_aliases(full):
    full.nodes[TU]["aliases"] = ["143-KL/TU"]  # a body whose aliases picked up a number
    assert find_node(full, "143-KL/TU") == KL


def test_find_node_names_every_candidate_when_ambiguous(full):
    with pytest.raises(AmbiguousNode) as exc:
        find_node(full, "Nguyễn")
    assert "Nguyễn Thị Tuyến" in str(exc.value) and "Nguyễn Thế Thảo" in str(exc.value)


def test_find_node_not_found(full):
    with pytest.raises(NodeNotFound):
        find_node(full, "Không Có Ai")


def test_cap_keeps_a_connected_core_and_says_what_it_cut(full):
    sel = select(full, Filters(max_nodes=5))
    assert sel.graph.number_of_nodes() == 5 and sel.total_nodes == 12 and sel.cut
    assert TU in sel.graph  # the most connected node
    assert nx.is_connected(sel.graph.to_undirected())
    message = sel.cut_message()
    assert "5 of 12" in message and "7 left out" in message and "--focus" in message and "--max-nodes" in message


def test_cap_with_a_focus_keeps_the_focus_and_its_nearest(full):
    sel = select(full, Filters(focus="Chu Ngọc Anh", depth=2, max_nodes=4))
    assert set(sel.graph) == {ANH, UBND, TU, KH}
    assert "nearest to the focus" in sel.cut_message()


def test_default_cap_is_300_and_none_lifts_it():
    big = to_networkx(chain(400))
    assert select(big, Filters(max_nodes=None)).graph.number_of_nodes() == 400
    assert select(big).graph.number_of_nodes() == 300


@pytest.mark.parametrize(
    "kwargs",
    [{"types": frozenset({"KNOWS"})}, {"since": "2020-1"}, {"until": "last year"}, {"depth": -1}, {"max_nodes": 0}],
)
def test_bad_filters_are_refused(kwargs):
    with pytest.raises(ValueError):
        Filters(**kwargs)


# -- the page -----------------------------------------------------------------------------------
def test_page_is_self_contained_utf8_and_locked_down(full):
    html_text = render(select(full))
    page = parse(html_text)
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert not [t for t, a in page.tags if "src" in a or t == "link"]  # nothing loaded from anywhere
    assert not re.search(r"cdnjs|jsdelivr|unpkg|bootstrap", html_text)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-eval" not in csp
    assert "vis.Network" in html_text  # vis-network itself is inlined


def test_csp_allows_exactly_the_inline_scripts(full):
    page = parse(render(select(full)))
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    executable = [text for attrs, text in page.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 2
    assert {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in executable} == allowed


def test_nodes_carry_style_per_label_and_edges_their_type(full):
    page = parse(render(select(full)))
    nodes, edges = data(page, "graph-nodes"), data(page, "graph-edges")
    assert len(nodes) == 12 and len(edges) == 13
    by_id = {n["id"]: n for n in nodes}
    for nid, label in ((ANH, "Person"), (UBND, "Body"), (KL, "Document"), (EVENT, "Event")):
        assert (by_id[nid]["shape"], by_id[nid]["color"]) == (NODE_STYLE[label]["shape"], NODE_STYLE[label]["color"])
    assert len({(s["shape"], s["color"]) for s in NODE_STYLE.values()}) == len(NODE_STYLE)
    assert by_id[TUYEN]["label"] == "Nguyễn Thị Tuyến"
    assert "\n" in by_id[EVENT]["label"]  # long names wrap on the canvas
    assert {e["label"] for e in edges} == {"ISSUED", "SIGNED", "CHAIRED", "HOLDS", "ASSIGNS", "REFERENCES"}
    assert all(e["color"] == EDGE_COLOR[e["label"]] and e["arrows"] == "to" for e in edges)


def test_legend_lists_labels_and_types_present(full):
    page = parse(render(select(full, Filters(types=frozenset({"ISSUED"}))))).tags
    legend_labels = {a["data-label"] for t, a in page if "data-label" in a}
    legend_types = {a["data-type"] for t, a in page if "data-type" in a}
    assert legend_labels == {"Body", "Document"} and legend_types == {"ISSUED"}


def test_tooltips_show_titles_dates_and_evidence_with_article_link(full):
    edges = {e["id"]: e for e in data(parse(render(select(full))), "graph-edges")}
    tip = edges[f"{ANH}|CHAIRED|{UBND}"]["title"]
    assert "Chủ tịch" in tip and "2021-03-31" in tip
    assert "Chủ tịch UBND TP Chu Ngọc Anh ký ban hành Kế hoạch 84/KH-UBND." in tip
    assert '<a href="https://kinhtedothi.vn/a2" target="_blank" rel="noopener noreferrer">UBND TP ban hành' in tip
    article_dated = edges[f"{CP}|ISSUED|{NQ}"]["title"]
    assert "Seen 2013-11-17" in article_dated


def test_untrusted_text_is_escaped_and_unsafe_links_dropped(full):
    html_text = render(select(full))
    assert "<script>alert" not in html_text and "<img src=x" not in html_text
    edges = {e["id"]: e for e in data(parse(html_text), "graph-edges")}
    assigns = edges[f"{KH}|ASSIGNS|{SYT}"]["title"]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in assigns and "<script" not in assigns
    hostile = edges[f"{TUYEN}|HOLDS|{TU}"]["title"]
    assert "&lt;Phó Bí thư&gt; &amp; &quot;Thường trực&quot;" in hostile
    assert "&lt;img src=x onerror=alert(1)&gt;Tin nóng" in hostile and "javascript:" not in hostile
    assert "&lt;b&gt;outlet&lt;/b&gt;" in hostile


def test_cut_message_and_title_are_on_the_page(full):
    html_text = render(select(full, Filters(max_nodes=5)), "Around <b>")
    assert "View cut: showing 5 of 12 nodes" in html_text
    assert "<title>Around &lt;b&gt;</title>" in html_text


def test_small_views_lay_themselves_out_large_ones_come_positioned(full):
    small = parse(render(select(full)))
    assert data(small, "graph-options")["physics"]["enabled"] is True
    assert not any("x" in n for n in data(small, "graph-nodes"))
    big = parse(render(select(to_networkx(chain(PHYSICS_MAX_NODES + 30)))))
    assert data(big, "graph-options")["physics"]["enabled"] is False
    nodes = data(big, "graph-nodes")
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert len({(round(n["x"]), round(n["y"])) for n in nodes}) == len(nodes)


def test_page_title_says_what_is_shown(full):
    f = Filters(focus="chu ngoc anh", depth=2, types=frozenset({"SIGNED", "ISSUED"}), since="2020", until="2022")
    assert page_title(select(full, f), f) == "Around Chu Ngọc Anh, 2 steps · ISSUED, SIGNED · 2020 – 2022"
    assert page_title(select(full), Filters()) == "Vietnamese officials graph"


# -- GraphML ------------------------------------------------------------------------------------
def test_graphml_round_trips_for_gephi(handmade_graph, tmp_path):
    write_graphml(handmade_graph, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.number_of_nodes() == 16 and back.number_of_edges() == 30
    assert back.nodes[ANH]["label"] == "Chu Ngọc Anh" and back.nodes[ANH]["labels"] == ":Person"
    assert back.nodes[KL]["label"] == "143-KL/TU"
    assert json.loads(back.nodes[ANH]["titles"]) == ["Chủ tịch UBND TP", "Phó Bí thư Thành ủy"]
    edge = back.edges[ANH, UBND, "CHAIRED"]
    assert edge["type"] == edge["label"] == "CHAIRED"
    assert json.loads(edge["evidence"])[0]["article"] == "a2"


def test_graphml_gives_a_mixed_type_attribute_one_type(tmp_path):
    g = Graph()
    g.add_node(Node("Document", "a", {"number": "1/QĐ", "year": 2021}))
    g.add_node(Node("Document", "b", {"number": "2/QĐ", "year": "2021?"}))
    write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.nodes["Document:a"]["year"] == "2021" and back.nodes["Document:b"]["year"] == "2021?"


# -- `graph view` -------------------------------------------------------------------------------
def test_view_command_writes_the_page_and_prints_its_path(graph_cli, tmp_path):
    out = tmp_path / "sub" / "hanoi.html"
    result = graph_cli("view", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}\n"
    assert "12 nodes, 13 relationships" in result.stderr
    assert page_nodes(out) == FACT_NODES


def test_view_command_filters(graph_cli, tmp_path):
    out = tmp_path / "v.html"
    result = graph_cli("view", "--focus", "Chu Ngọc Anh", "--depth", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert page_nodes(out) == {ANH, UBND, TU, KH}
    assert "<title>Around Chu Ngọc Anh</title>" in out.read_text(encoding="utf-8")
    assert graph_cli("view", "--focus", "143-KL/TU", "--types", "issued,SIGNED,REFERENCES", "-o", str(out)).exit_code == 0
    assert page_nodes(out) == {KL, TU, TUYEN, KH}
    assert graph_cli("view", "--since", "2013", "--until", "2013", "-o", str(out)).exit_code == 0
    assert page_nodes(out) == {CP, NQ, THAO, UBND}
    assert graph_cli("view", "--articles", "-o", str(out)).exit_code == 0
    assert len(page_nodes(out)) == 16


def test_view_command_default_cap_is_the_library_default():
    from typer.main import get_command

    from cli import app
    from graph.nxgraph import DEFAULT_MAX_NODES

    params = {p.name: p for p in get_command(app).commands["view"].params}
    assert params["max_nodes"].default == DEFAULT_MAX_NODES


def test_view_command_reports_a_cut_on_stderr(graph_cli, tmp_path):
    result = graph_cli("view", "--max-nodes", "5", "-o", str(tmp_path / "v.html"))
    assert result.exit_code == 0
    assert "View cut: showing 5 of 12 nodes" in result.stderr and "--focus" in result.stderr


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--focus", "Không Có Ai"], 1, "no person, body, document or event matches"),
        (["--focus", "Nguyễn"], 2, "matches 2: "),
        (["--since", "1990", "--until", "1991"], 1, "no facts match these filters"),
        (["--types", "KNOWS"], 2, "unknown relationship type"),
        (["--since", "20-1"], 2, "is not a date"),
    ],
)
def test_view_command_errors(graph_cli, tmp_path, args, code, message):
    out = tmp_path / "v.html"
    result = graph_cli("view", *args, "-o", str(out))
    assert result.exit_code == code and message in result.stderr
    assert not out.exists()


def test_view_command_on_an_empty_store(graph_cli, tmp_path):
    graph_cli.store_graph = Graph()
    result = graph_cli("view", "-o", str(tmp_path / "v.html"))
    assert result.exit_code == 1 and "store is empty" in result.stderr


def test_export_graphml_command(graph_cli, tmp_path):
    out = tmp_path / "graph.graphml"
    result = graph_cli("export", "--format", "graphml", "-o", str(out))
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out, force_multigraph=True)
    assert back.number_of_nodes() == 16 and back.nodes[TUYEN]["label"] == "Nguyễn Thị Tuyến"
    to_stdout = graph_cli("export", "--format", "graphml")
    assert to_stdout.exit_code == 0 and to_stdout.stdout.startswith("<?xml")


# -- from a real store, and on the sample corpus ----------------------------------------------
def test_view_of_a_stored_graph_is_the_view_of_the_graph(store, handmade_graph):
    store.setup()
    store.load(handmade_graph)
    stored, direct = select(to_networkx(store.dump())), select(to_networkx(handmade_graph))
    assert set(stored.graph) == set(direct.graph)
    assert set(stored.graph.edges(keys=True)) == set(direct.graph.edges(keys=True))
    edge = stored.graph.edges[ANH, UBND, "CHAIRED"]
    assert edge["evidence"] == direct.graph.edges[ANH, UBND, "CHAIRED"]["evidence"]
    assert stored.articles["a2"]["url"] == "https://kinhtedothi.vn/a2"
    assert set(select(to_networkx(store.dump()), Filters(since="2013", until="2013")).graph) == {CP, NQ, THAO, UBND}


def test_view_command_on_an_embedded_store(handmade_graph, tmp_path):
    from typer.testing import CliRunner

    from cli import app
    from conftest import TEST_HEAP
    from graph.embedded import EmbeddedStore

    db = tmp_path / "db"
    with EmbeddedStore(db, heap=TEST_HEAP) as store:
        store.setup()
        store.load(handmade_graph)
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["view", "--db", str(db), "--focus", "143-KL/TU", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert page_nodes(out) == {KL, TU, TUYEN, KH}


def test_focus_on_the_sample_corpus(examples_graph):
    full = to_networkx(examples_graph)
    names = {a.get("name") or a.get("number") for _, a in select(full, Filters(focus="Chu Ngọc Anh")).graph.nodes(data=True)}
    assert {"Chu Ngọc Anh", "UBND TP Hà Nội", "Thành ủy Hà Nội", "84/KH-UBND"} <= names
    doc = select(full, Filters(focus="143-KL/TU", types=frozenset({"ISSUED", "SIGNED"})))
    assert {a.get("name") or a.get("number") for _, a in doc.graph.nodes(data=True)} == {
        "143-KL/TU",
        "Thành ủy Hà Nội",
        "Nguyễn Thị Tuyến",
    }


def test_view_and_analyze_show_progress_on_a_terminal_only(graph_cli, tmp_path, monkeypatch):
    import io

    from rich.console import Console

    import cli

    def run(*args: str) -> str:
        screen = io.StringIO()
        monkeypatch.setattr(cli, "err", Console(file=screen, force_terminal=True, width=120))
        assert graph_cli(*args).exit_code == 0
        return screen.getvalue()

    out = str(tmp_path / "v.html")
    assert "view: reading its neighbourhood" in run("view", "--focus", "Chu Ngọc Anh", "-o", out)
    assert "analyze: centrality" in run("analyze")
    assert "view:" not in run("view", "--quiet", "-o", out)
    assert "analyze:" not in run("analyze", "-q")
    assert "view:" not in graph_cli("view", "-o", out).stderr  # not a terminal: no bar


@pytest.mark.parametrize("period", [[], ["--since", "2000"]])
def test_a_focused_cut_says_what_the_whole_graph_would(graph_cli, handmade_graph, tmp_path, period):
    """With --focus the cap is applied as the neighbourhood is read (a period needs every fact
    first, so then it is applied after): either way the page and the message are those of the
    cut made on the whole graph."""
    from collections import Counter

    degree = Counter(end for e in handmade_graph.edges.values() if e.type != "MENTIONS" for end in (e.source, e.target))
    focus = max(sorted(degree), key=degree.__getitem__)
    since = period[1] if period else None
    whole = select(to_networkx(handmade_graph), Filters(focus=focus, depth=2, since=since, max_nodes=3))
    assert whole.cut
    out = tmp_path / "v.html"
    name = handmade_graph.nodes[focus].props.get("name") or handmade_graph.nodes[focus].props["number"]
    result = graph_cli("view", "--focus", name, "--depth", "2", "--max-nodes", "3", *period, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert whole.cut_message() in " ".join(result.stderr.split())
    assert page_nodes(out) == set(whole.graph.nodes)


def test_focus_takes_a_node_id_as_the_readme_says(graph_cli, handmade_graph, tmp_path):
    """`--focus Person:chu ngọc anh` (a node id, as JSON output and the page write it) centres
    the view on that node, whatever its key holds (a body's `kind|level|jurisdiction`)."""
    for nid in (ANH, next(n for n in handmade_graph.nodes if n.startswith("Body:"))):
        out = tmp_path / "v.html"
        result = graph_cli("view", "--focus", nid, "--depth", "1", "-o", str(out))
        assert result.exit_code == 0, result.output
        assert nid in page_nodes(out)
    missing = graph_cli("view", "--focus", "Person:không có ai", "-o", str(tmp_path / "none.html"))
    assert missing.exit_code == 1
