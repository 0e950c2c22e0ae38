"""Helpers shared by several test modules (a test module never imports another one: each
stays runnable and editable on its own).

* the rule tables' view of an article: ``positions(text)``, ``posts(text)``, ``tenures(text)``, ``persons(text)``,
  ``presided(text)``, ``facts(text, kind)``;
* the Store contract's hand-made graph (``handmade()``, its ids) and ``canonical`` ordering;
* the view page's parts: ``parse(html)``, ``data(page, script_id)``, ``page_nodes(path)``;
* ``stored_db``: an embedded store directory holding a graph, closed, for CLI runs with ``--db``.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

from graph.model import Edge, Evidence, Graph, Node, node_id
from ingest.api import extract_article
from ingest.clean import Article
from ingest.normalize import key, match_text, strip_accents
from ingest.pipeline import get_nlp


# -- rule tables --------------------------------------------------------------------------------
def positions(text: str) -> set[tuple[str, str, str, str]]:
    """(rule, CHAIRED|HOLDS, person, body) of the article's graph."""
    g = extract_article(Article(id="t", text=text, source="t")).graph
    name = lambda nid: g.nodes[nid].props.get("name")  # noqa: E731
    return {
        (e.props.get("rule", ""), e.type, name(e.source), name(e.target))
        for e in g.edges.values()
        if e.type in ("CHAIRED", "HOLDS") and g.nodes[e.target].label == "Body"
    }


def posts(text: str) -> set[tuple[str, str, str]]:
    """(CHAIRED|HOLDS, person, body) of the article's graph: ``positions`` without the rule,
    what most rule tables compare."""
    return {p[1:] for p in positions(text)}


def tenures(text: str) -> dict[tuple[str, str, str], dict[str, str]]:
    """(CHAIRED|HOLDS, person, body) -> what the article's graph says of the post in time
    (``status``, ``start``, ``end``, ``term``: the keys the edge carries)."""
    g = extract_article(Article(id="t", text=text, source="t")).graph
    name = lambda nid: g.nodes[nid].props.get("name")  # noqa: E731
    return {
        (e.type, name(e.source), name(e.target)): {k: e.props[k] for k in ("status", "start", "end", "term") if k in e.props}
        for e in g.edges.values()
        if e.type in ("CHAIRED", "HOLDS") and g.nodes[e.target].label == "Body"
    }


def facts(text: str, kind: str) -> set[tuple[str, str]]:
    """(source, target) of the article's ``kind`` edges: names, and numbers for documents."""
    g = extract_article(Article(id="t", text=text, source="t")).graph
    name = lambda nid: g.nodes[nid].props.get("name") or g.nodes[nid].props["number"]  # noqa: E731
    return {(name(e.source), name(e.target)) for e in g.edges.values() if e.type == kind}


def persons(text: str) -> set[str]:
    g = extract_article(Article(id="t", text=text, source="t")).graph
    return {n.props["name"] for n in g.nodes.values() if n.label == "Person"}


def presided(text: str) -> set[tuple[str, str, str]]:
    """(rule, person, event name) of the CHAIRED facts whose target is a meeting."""
    doc = get_nlp()(match_text(text))
    return {(f.rule, f.source.name, f.target.name) for f in doc._.facts if f.type == "CHAIRED" and f.rule.startswith("presiding.")}


# -- the Store contract's graph -----------------------------------------------------------------
ART1, ART2 = "f19c0833ede52544", "c872be74d7b7b5f5"
TUYEN = node_id("Person", key("Nguyễn Thị Tuyến"))
ANH = node_id("Person", key("Chu Ngọc Anh"))
THANH_UY = node_id("Body", "thành ủy|thành phố|hà nội")
UBND = node_id("Body", "ubnd|thành phố|hà nội")
KL143 = node_id("Document", "143-kl/tu|hà nội|")
KH84 = node_id("Document", "84/kh-ubnd|hà nội|2021")


def person(name: str, titles: list[str], aliases: list[str] | None = None) -> Node:
    return Node("Person", key(name), {"name": name, "aliases": aliases or [], "titles": titles, "identity": [],
                                      "search": strip_accents(name).lower()})


def body(k: str, name: str, aliases: list[str]) -> Node:
    kind, level, jurisdiction = k.split("|")
    return Node("Body", k, {"name": name, "aliases": aliases, "kind": kind, "level": level,
                            "jurisdiction": jurisdiction, "search": strip_accents(name).lower()})


def document(k: str, number: str, type_: str, codes: tuple[str, str], year: int | None = None) -> Node:
    props = {"number": number, "type": type_, "type_code": codes[0], "issuer_code": codes[1],
             "search": number.lower(), "aliases": []}
    if year:
        props["year"] = year
    return Node("Document", k, props)


def article(k: str, title: str, published: str) -> Node:
    return Node("Article", k, {"name": title, "title": title, "url": f"https://kinhtedothi.vn/{k}.html",
                               "published": published, "outlet": "Kinhtedothi", "path": f"examples/{k}.txt",
                               "authors": ["Hoàng Lâm"]})


def evidence(art: str, sentence: str) -> Evidence:
    return Evidence(art, sentence, 10, 10 + len(sentence))


def fact(type_: str, source: str, target: str, art: str, sentence: str, seen: str, **props) -> Edge:
    return Edge(type_, source, target, {"first_seen": seen, "last_seen": seen, **props}, [evidence(art, sentence)])


def handmade() -> Graph:
    """Two articles' worth of the sample corpus's facts."""
    g = Graph()
    g.add_node(person("Nguyễn Thị Tuyến", ["Phó Bí thư Thường trực Thành ủy"]))
    g.add_node(person("Chu Ngọc Anh", ["Chủ tịch UBND TP Hà Nội", "Phó Bí thư Thành ủy"], ["Chu Ngọc Anh"]))
    g.add_node(body("thành ủy|thành phố|hà nội", "Thành ủy Hà Nội", ["Thành ủy", "Ban Chấp hành Đảng bộ thành phố"]))
    g.add_node(body("ubnd|thành phố|hà nội", "UBND TP Hà Nội", ["UBND Thành phố", "Ủy ban nhân dân thành phố Hà Nội"]))
    g.add_node(document("143-kl/tu|hà nội|", "143-KL/TU", "Kết luận", ("KL", "TU")))
    g.add_node(document("84/kh-ubnd|hà nội|2021", "84/KH-UBND", "Kế hoạch", ("KH", "UBND"), 2021))
    g.add_node(article(ART1, "Hà Nội ban hành Kết luận 143-KL/TU", "2021-03-31"))
    g.add_node(article(ART2, "UBND TP ban hành Kế hoạch 84", "2021-04-02"))
    s1 = "Phó Bí thư Thường trực Thành ủy Nguyễn Thị Tuyến đã ký ban hành Kết luận số 143-KL/TU."
    s2 = "Chủ tịch UBND TP Chu Ngọc Anh ký Kế hoạch 84/KH-UBND."
    g.add_edge(fact("ISSUED", THANH_UY, KL143, ART1, s1, "2021-03-31"))
    g.add_edge(fact("SIGNED", TUYEN, KL143, ART1, s1, "2021-03-31"))
    g.add_edge(fact("SIGNED", ANH, KH84, ART2, s2, "2021-04-02"))
    g.add_edge(fact("ISSUED", UBND, KH84, ART2, s2, "2021-04-02"))
    g.add_edge(fact("CHAIRED", ANH, UBND, ART2, s2, "2021-04-02", title="Chủ tịch UBND TP", titles=["Chủ tịch UBND TP"]))
    g.add_edge(fact("HOLDS", ANH, THANH_UY, ART2, s2, "2021-04-02", title="Phó Bí thư", titles=["Phó Bí thư"]))
    g.add_edge(fact("ASSIGNS", KH84, UBND, ART2, s2, "2021-04-02", task="triển khai", tasks=["triển khai"]))
    g.add_edge(fact("REFERENCES", KH84, KL143, ART2, s2, "2021-04-02", relation="thực hiện", relations=["thực hiện"]))
    for art, ends in ((ART1, (TUYEN, THANH_UY, KL143)), (ART2, (ANH, UBND, KH84, KL143))):
        for end in ends:
            g.add_edge(Edge("MENTIONS", node_id("Article", art), end, {}, [evidence(art, "…")]))
    return g


def canonical(data: dict) -> dict:
    """A graph's JSON shape with nodes and edges in a fixed order (stores do not keep one)."""
    return {
        "schema_version": data["schema_version"],
        "nodes": sorted(data["nodes"], key=lambda n: n["id"]),
        "edges": sorted(data["edges"], key=lambda e: (e["type"], e["source"], e["target"])),
    }


# -- the view page ------------------------------------------------------------------------------
class _Page(HTMLParser):
    """Tags, attributes and script bodies of a page, for structural assertions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def parse(html_text: str) -> _Page:
    page = _Page()
    page.feed(html_text)
    return page


def data(page: _Page, name: str):
    return json.loads(next(text for attrs, text in page.scripts if attrs.get("id") == name))


def page_nodes(path) -> set[str]:
    return {n["id"] for n in data(parse(path.read_text(encoding="utf-8")), "graph-nodes")}


def stored_db(tmp_path_factory, name: str, graph: Graph) -> str:
    """An embedded store directory (under a fresh ``name`` folder) holding ``graph``, closed,
    for CLI runs with ``--db``; the heap is the suite's (``conftest.TEST_HEAP``)."""
    from conftest import TEST_HEAP
    from graph.embedded import EmbeddedStore

    path = tmp_path_factory.mktemp(name) / "db"
    with EmbeddedStore(path, heap=TEST_HEAP) as store:
        store.setup()
        store.load(graph)
    return str(path)
