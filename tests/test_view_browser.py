"""The generated page in a real browser: Debian's headless Chromium, driven by Playwright,
opens the file from disk with the network off and must draw every node, log no error, send
no request anywhere, and keep hostile evidence as text. Screenshots go to tests/artifacts/.

Nothing here downloads a browser: without Chromium on the machine these tests are skipped
with the command that installs it (`make browser`)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest

from graph.model import Edge, Evidence, Graph, Node
from graph.nxgraph import Filters, select, to_networkx
from graph.view import write_view

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ANH, TUYEN, TU = "Person:chu ngọc anh", "Person:nguyễn thị tuyến", "Body:thành ủy|thành phố|hà nội"
KH, SYT = "Document:84/kh-ubnd|hà nội|2021", "Body:sở y tế|thành phố|hà nội"


def chromium_path() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium on this machine: install Debian's with `make browser` (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A page opened from disk and what it did while loading."""

    page: Any
    url: str
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def eval(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def rendered_nodes(self) -> int:
        """Nodes vis-network actually placed on the canvas (hidden ones excluded)."""
        return self.eval("() => window.graphView.network.body.nodeIndices.length")

    def labels(self) -> list[str]:
        return self.eval("() => window.graphView.nodes.get().map(n => n.search)")

    def details(self) -> str:
        return self.page.inner_text("#details")


@pytest.fixture
def open_view(browser) -> Iterator[Any]:
    contexts = []

    def opener(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.resolve().as_uri())
        page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.console_errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(opened.url)
        # set by view.js once the network is laid out and drawn
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


def screenshot(opened: Opened, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / name))


def assert_clean(opened: Opened) -> None:
    assert opened.console_errors == []
    assert opened.dialogs == []
    assert opened.requests == [opened.url]  # the file itself, nothing else


def click_node(opened: Opened, node_id: str) -> None:
    """A real mouse click where vis drew the node."""
    pos = opened.eval(
        "id => window.graphView.network.canvasToDOM(window.graphView.network.getPositions([id])[id])", node_id
    )
    box = opened.page.locator("#mynetwork").bounding_box()
    opened.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def test_view_draws_every_node_offline(handmade_graph, tmp_path, open_view):
    sel = select(to_networkx(handmade_graph))
    opened = open_view(write_view(sel, tmp_path / "view.html"))
    screenshot(opened, "view-handmade.png")
    assert_clean(opened)
    assert opened.rendered_nodes() == sel.graph.number_of_nodes() == 12
    assert opened.eval("() => window.graphView.edges.length") == 13
    assert {"Nguyễn Thị Tuyến", "Thành ủy Hà Nội", "143-KL/TU"} <= set(opened.labels())
    assert opened.page.title() == "Vietnamese officials graph"


def test_clicks_show_evidence_and_hostile_text_stays_text(handmade_graph, tmp_path, open_view):
    opened = open_view(write_view(select(to_networkx(handmade_graph)), tmp_path / "view.html"))
    click_node(opened, ANH)
    assert opened.page.wait_for_selector("#details .badge").inner_text() == "Person"
    assert "Chu Ngọc Anh" in opened.details()

    def click_edge(edge_id: str) -> None:
        opened.eval("id => window.graphView.network.body.emitter.emit('click', {nodes: [], edges: [id]})", edge_id)

    click_edge(f"{KH}|ASSIGNS|{SYT}")
    assert "<script>alert('x')</script>" in opened.details()  # shown, as text
    assert opened.page.locator("#details a").get_attribute("href") == "https://kinhtedothi.vn/a2"
    click_edge(f"{TUYEN}|HOLDS|{TU}")
    assert '<Phó Bí thư> & "Thường trực"' in opened.details()
    assert "<img src=x onerror=alert(1)>Tin nóng" in opened.details()
    assert opened.page.locator("#details img, #details script, #details a").count() == 0
    screenshot(opened, "view-evidence.png")
    assert_clean(opened)


def test_search_and_legend_filters(handmade_graph, tmp_path, open_view):
    opened = open_view(write_view(select(to_networkx(handmade_graph)), tmp_path / "view.html"))
    opened.page.fill("#search", "nguyen thi tuyen")
    opened.page.press("#search", "Enter")
    assert opened.eval("() => window.graphView.network.getSelectedNodes()") == [TUYEN]
    assert "Nguyễn Thị Tuyến" in opened.details()
    opened.page.uncheck("input[data-label=Person]")
    assert opened.rendered_nodes() == 12 - 4
    opened.page.check("input[data-label=Person]")
    assert opened.rendered_nodes() == 12
    assert_clean(opened)


def star_of_chains(n: int) -> Graph:
    """A body at the centre of people, each holding a second post: ``n`` nodes, one component."""
    g = Graph()
    hub = g.add_node(Node("Body", "hub", {"name": "UBND tỉnh Quảng Trị"}))
    for i in range((n - 1) // 2):
        p = g.add_node(Node("Person", f"p{i}", {"name": f"Nguyễn Văn {i}"}))
        b = g.add_node(Node("Body", f"b{i}", {"name": f"Sở số {i}"}))
        g.add_edge(Edge("HOLDS", p, hub, {"title": "Ủy viên"}, [Evidence("x", "Ủy viên UBND tỉnh.", 0, 18)]))
        g.add_edge(Edge("CHAIRED", p, b, {"title": "Giám đốc"}, [Evidence("x", "Giám đốc Sở.", 0, 12)]))
    return g


def test_large_view_is_cut_positioned_and_still(tmp_path, open_view):
    sel = select(to_networkx(star_of_chains(501)))
    assert sel.cut
    opened = open_view(write_view(sel, tmp_path / "large.html"))
    screenshot(opened, "view-large.png")
    assert_clean(opened)
    assert opened.rendered_nodes() == 300
    assert "showing 300 of 501 nodes" in opened.page.inner_text("#cut")
    assert opened.eval("() => window.graphView.network.physics.physicsEnabled") is False
    drawn = opened.eval(
        "() => { const n = window.graphView.nodes.get()[5];"
        " const p = window.graphView.network.getPositions([n.id])[n.id]; return [n.x, n.y, p.x, p.y]; }"
    )
    assert drawn[:2] == pytest.approx(drawn[2:], abs=1)  # where networkx put it (vis rounds)


def test_sample_corpus_focus_view(examples_graph, tmp_path, open_view):
    sel = select(to_networkx(examples_graph), Filters(focus="Chu Ngọc Anh", depth=1))
    opened = open_view(write_view(sel, tmp_path / "chu.html"))
    screenshot(opened, "view-chu-ngoc-anh.png")
    assert_clean(opened)
    assert opened.rendered_nodes() == sel.graph.number_of_nodes()
    assert {"Chu Ngọc Anh", "UBND TP Hà Nội", "84/KH-UBND", "Thành ủy Hà Nội"} <= set(opened.labels())
