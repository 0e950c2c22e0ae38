"""Interactive HTML views of the graph: pyvis builds the page from the networkx selection.

The page is one self-contained file meant to be passed around: the vis-network script and
stylesheet shipped inside pyvis are inlined, and our own template (``assets/view.html``)
replaces pyvis's, which links Bootstrap from a CDN whatever ``cdn_resources`` says. A
Content-Security-Policy that allows only the page's own scripts (by hash) and no network
fetch at all makes "works offline" and "evidence text cannot run" properties the browser
enforces, not just habits of this module: evidence sentences and article titles are untrusted
text, and every one of them is HTML-escaped here before it reaches a tooltip.

Small views lay themselves out with vis physics; above ``PHYSICS_MAX_NODES`` positions are
computed with networkx beforehand and physics is off, so a large page is usable at once.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network

from .model import labels, relationship_types, schema
from .nxgraph import Filters, Selection, display, fact_dates

ASSETS = Path(__file__).with_name("assets")
VIS_DIR = Path(pyvis.__file__).with_name("templates") / "lib" / "vis-9.1.2"
PHYSICS_MAX_NODES = 120
MAX_EVIDENCE = 5
NODE_SPACING = 110  # pixels a node wants around it in a precomputed layout
LABEL_WIDTH = 26  # characters per line of a node label on the canvas

# Fonts with Vietnamese glyphs on every common system (Windows, macOS, Android, Linux).
FONT_STACK = '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", sans-serif'

# Okabe-Ito colours: told apart with the common colour-vision deficiencies.
NODE_STYLE: dict[str, dict[str, str]] = {
    "Person": {"color": "#D55E00", "shape": "dot"},
    "Body": {"color": "#0072B2", "shape": "square"},
    "Document": {"color": "#009E73", "shape": "diamond"},
    "Event": {"color": "#CC79A7", "shape": "triangle"},
    "Article": {"color": "#8C8C8C", "shape": "hexagon"},
}
EDGE_COLOR: dict[str, str] = {
    "ISSUED": "#0072B2",
    "SIGNED": "#D55E00",
    "CHAIRED": "#B8860B",
    "HOLDS": "#E69F00",
    "ASSIGNS": "#009E73",
    "REFERENCES": "#6A3D9A",
    "MENTIONS": "#BBBBBB",
}
NODE_FIELDS: dict[str, list[tuple[str, str]]] = {
    "Person": [("titles", "Titles"), ("aliases", "Also written")],
    "Body": [("aliases", "Also written"), ("kind", "Kind"), ("level", "Level"), ("jurisdiction", "Jurisdiction"), ("parent", "Parent")],
    "Document": [("type", "Type"), ("title", "Title"), ("date", "Date"), ("year", "Year"), ("aliases", "Also written")],
    "Event": [("date", "Date")],
    "Article": [("outlet", "Outlet"), ("published", "Published"), ("authors", "Authors"), ("path", "File")],
}
EDGE_FIELDS: list[tuple[str, str]] = [
    ("titles", "Titles"),
    ("tasks", "Tasks"),
    ("relations", "Relations"),
    ("as_of", "As of"),
    ("basis", "Basis"),
]
# the first value of a merged list, shown only when the fact has no list
SINGULAR = {"titles": ("title", "Title"), "tasks": ("task", "Task"), "relations": ("relation", "Relation")}


# -- tooltips (HTML, every value escaped) -----------------------------------------------------
def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value if v not in (None, ""))
    return html.escape(str(value), quote=True)


def _link(url: Any, text: str) -> str:
    """``text`` (already escaped) as a link when ``url`` is a web address, else plain: a
    ``javascript:`` or ``data:`` URL from an untrusted article never becomes clickable."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{_text(url)}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return text


def _fields(attrs: dict[str, Any], fields: list[tuple[str, str]]) -> str:
    rows = [
        f"<dt>{name}</dt><dd>{_text(attrs[prop])}</dd>"
        for prop, name in fields
        if attrs.get(prop) not in (None, "", [])
    ]
    return f"<dl>{''.join(rows)}</dl>" if rows else ""


def _badge(label: str) -> str:
    colour = NODE_STYLE.get(label, {}).get("color", "#666")
    return f'<span class="badge" style="background:{colour}">{_text(label)}</span>'


def node_tooltip(attrs: dict[str, Any], degree: int) -> str:
    label = attrs.get("label", "")
    name = _text(display(attrs))
    if label == "Article":
        name = _link(attrs.get("url"), name)
    fields = _fields(attrs, NODE_FIELDS.get(label, []))
    rels = f'<p class="muted">{degree} relationship{"s" if degree != 1 else ""} in this view</p>'
    return f'<div class="tip">{_badge(label)} <b>{name}</b>{fields}{rels}</div>'


def _evidence(items: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> str:
    if not items:
        return '<p class="muted">No evidence sentence stored.</p>'
    quotes = []
    for ev in items[:MAX_EVIDENCE]:
        art = articles.get(ev.get("article", ""), {})
        source = _link(art.get("url"), _text(art.get("title") or art.get("name") or "article"))
        meta = " · ".join(_text(str(art[k])[:10] if k == "published" else art[k]) for k in ("outlet", "published") if art.get(k))
        cite = source + (f" · {meta}" if meta else "")
        quotes.append(f"<blockquote>“{_text(ev.get('sentence', ''))}”<cite>{cite}</cite></blockquote>")
    more = len(items) - MAX_EVIDENCE
    tail = f'<p class="muted">and {more} more (graph export --format json has them all)</p>' if more > 0 else ""
    return f"<h3>Evidence ({len(items)})</h3>{''.join(quotes)}{tail}"


def edge_tooltip(g: nx.MultiDiGraph, u: str, v: str, attrs: dict[str, Any], articles: dict[str, dict[str, Any]]) -> str:
    head = (
        f"<b>{_text(display(g.nodes[u]))}</b> <span class=\"rel\">{_text(attrs['type'])}</span> "
        f"<b>{_text(display(g.nodes[v]))}</b>"
    )
    dates = fact_dates(attrs, articles.get)
    seen = ""
    if dates:
        first, last = min(dates), max(dates)
        seen = f'<p class="muted">Seen {_text(first)}{" – " + _text(last) if last != first else ""}</p>'
    fields = [SINGULAR[p] if p in SINGULAR and not attrs.get(p) else (p, name) for p, name in EDGE_FIELDS]
    return f'<div class="tip">{head}{_fields(attrs, fields)}{seen}{_evidence(attrs.get("evidence") or [], articles)}</div>'


# -- canvas labels and layout ------------------------------------------------------------------
def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = 3) -> str:
    """A node caption on at most ``lines`` lines (vis draws ``\\n``); the full name is in the
    tooltip, so a long event name does not cover its neighbours."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return "\n".join(out)


def positions(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Canvas coordinates in pixels: each connected component laid out on its own (spring
    layout, seeded, so the same graph always looks the same), then the components packed in
    rows, largest first. Laid out together, small components would be flung to a ring far
    from the main network."""
    simple = nx.Graph(g.to_undirected(as_view=True))
    comps = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    boxes: list[tuple[dict[str, tuple[float, float]], float, float]] = []
    for comp in comps:
        sub = simple.subgraph(comp)
        if len(comp) == 1:
            local = {next(iter(comp)): (0.0, 0.0)}
        else:
            iterations = 100 if len(comp) < 500 else 40  # the sparse solver above 500 is slow
            raw = nx.spring_layout(sub, seed=7, iterations=iterations, scale=NODE_SPACING * math.sqrt(len(comp)))
            local = {n: (float(x), float(y)) for n, (x, y) in raw.items()}
        xs, ys = [p[0] for p in local.values()], [p[1] for p in local.values()]
        shifted = {n: (x - min(xs), y - min(ys)) for n, (x, y) in local.items()}
        boxes.append((shifted, max(xs) - min(xs) + NODE_SPACING, max(ys) - min(ys) + NODE_SPACING))
    row_width = max([b[1] for b in boxes] + [math.sqrt(sum(b[1] * b[2] for b in boxes)) * 1.4])
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for local, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out.update({n: (x + px, y + py) for n, (px, py) in local.items()})
        x, row_height = x + w, max(row_height, h)
    return out


def _options(physics: bool) -> dict[str, Any]:
    font = {"face": FONT_STACK, "size": 14, "strokeWidth": 4, "strokeColor": "#ffffff", "color": "#1a1a1a"}
    return {
        # size and caption grow with degree, so the hubs stay named when the whole view is in sight
        "nodes": {
            "font": font,
            "borderWidth": 1,
            "scaling": {"min": 10, "max": 28, "label": {"enabled": True, "min": 12, "max": 20, "drawThreshold": 5, "maxVisible": 22}},
        },
        "edges": {
            "font": {"face": FONT_STACK, "size": 10, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff", "color": "#444444"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": {"enabled": True, "type": "dynamic" if physics else "continuous"},
            "width": 1.4,
            "selectionWidth": 2,
        },
        "layout": {"randomSeed": 7},  # the same page lays out the same way every time it opens
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 130, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        },
    }


def build_network(sel: Selection) -> Network:
    """The pyvis network for a selection: styled nodes, typed edges, escaped tooltips."""
    g = sel.graph
    physics = g.number_of_nodes() <= PHYSICS_MAX_NODES
    pos = {} if physics else positions(g)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for nid, attrs in g.nodes(data=True):
        label = attrs.get("label", "")
        style = NODE_STYLE.get(label, {"color": "#666666", "shape": "dot"})
        degree = g.degree(nid)
        extra: dict[str, Any] = {}
        if nid in pos:
            extra = {"x": pos[nid][0], "y": pos[nid][1]}
        net.add_node(
            nid,
            label=wrap_label(display(attrs)),
            shape=style["shape"],
            color=style["color"],
            kind=label,
            title=node_tooltip(attrs, degree),
            value=degree,
            borderWidth=3 if nid == sel.focus else 1,
            search=display(attrs),
            **extra,
        )
    parallel = Counter[tuple[str, str]]()
    for u, v, key, attrs in g.edges(keys=True, data=True):
        pair = (min(u, v), max(u, v))
        nth = parallel[pair]
        parallel[pair] += 1
        edge: dict[str, Any] = {}
        if nth:  # CHAIRED and HOLDS between the same two nodes: curve them apart
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW", "roundness": 0.2 * ((nth + 1) // 2)}
        net.add_edge(
            u,
            v,
            id=f"{u}|{key}|{v}",
            label=attrs["type"],
            relType=attrs["type"],
            color=EDGE_COLOR.get(attrs["type"], "#999999"),
            title=edge_tooltip(g, u, v, attrs, sel.articles),
            **edge,
        )
    net.options = _options(physics)
    return net


# -- page ---------------------------------------------------------------------------------------
def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _legend(sel: Selection) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    g = sel.graph
    node_counts = Counter(a.get("label") for _, a in g.nodes(data=True))
    edge_counts = Counter(a["type"] for _, _, a in g.edges(data=True))
    nodes = [{"label": lb, "count": node_counts[lb], **NODE_STYLE[lb]} for lb in labels() if node_counts[lb]]
    edges = [
        {"type": t, "count": edge_counts[t], "color": EDGE_COLOR.get(t, "#999"), "meaning": schema()["relationships"][t]["meaning"]}
        for t in relationship_types()
        if edge_counts[t]
    ]
    return nodes, edges


def render(sel: Selection, title: str = "Vietnamese officials graph") -> str:
    """The page as a string (UTF-8 text, self-contained)."""
    net = build_network(sel)
    vis_js = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    view_js = (ASSETS / "view.js").read_text(encoding="utf-8")
    if "</script" in vis_js.lower() or "</script" in view_js.lower():
        raise RuntimeError("an inlined script contains </script> and would end its own tag")
    legend_nodes, legend_edges = _legend(sel)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ASSETS), autoescape=True, keep_trailing_newline=True)
    env.globals.update(
        page_title=title,
        cut_message=sel.cut_message(),
        n_nodes=sel.graph.number_of_nodes(),
        n_edges=sel.graph.number_of_edges(),
        legend_nodes=legend_nodes,
        legend_edges=legend_edges,
        font_stack=FONT_STACK,
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        view_css=(ASSETS / "view.css").read_text(encoding="utf-8"),
        vis_js=vis_js,
        view_js=view_js,
        csp_scripts=" ".join(_csp_hash(s) for s in (vis_js, view_js)),
        vis_options=net.options,
    )
    net.templateEnv = env
    net.path = "view.html"
    return net.generate_html(name="view.html")


def page_title(sel: Selection, filters: Filters) -> str:
    """A title that says what the page shows: its focus, types and period."""
    parts = ["Vietnamese officials graph"]
    if sel.focus:
        steps = f", {filters.depth} steps" if filters.depth != 1 else ""
        parts = [f"Around {display(sel.graph.nodes[sel.focus])}{steps}"]
    if filters.types:
        parts.append(", ".join(t for t in relationship_types() if t in filters.types))
    if filters.since or filters.until:
        parts.append(f"{filters.since or '…'} – {filters.until or '…'}")
    return " · ".join(parts)


def write_view(sel: Selection, path: str | Path, title: str = "Vietnamese officials graph") -> Path:
    """Write the page for ``sel`` to ``path`` (parents created) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(sel, title), encoding="utf-8")
    return path
