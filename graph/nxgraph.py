"""The stored graph as networkx, and the slice of it that one view or export shows.

Views, analytics and the GraphML export all start here: ``to_networkx`` turns a ``Graph``
(``Store.dump()``, or ``ingest.api.build_graph``) into a ``MultiDiGraph`` whose node ids are the
graph's ids ("Person:chu ngọc anh") and whose edge keys are relationship types, so two facts
between the same pair (CHAIRED and HOLDS) stay two edges. ``select`` then applies what a user
asked for on the command line (types, a period, a focus and its depth, Article nodes or not, a
node cap) and says what the cap left out, so a page never silently shows part of the graph.
"""

from __future__ import annotations

import datetime
import heapq
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Mapping

import networkx as nx

from .model import Graph, relationship_types, schema, split_id
from .names import AmbiguousName, Candidate, NameNotFound, find

PROVENANCE = "MENTIONS"  # Article -> node: provenance, hidden with the Article nodes
DEFAULT_MAX_NODES = 300
_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class NodeNotFound(LookupError):
    """No node matches a ``--focus`` query (CLI exit code 1)."""


class AmbiguousNode(ValueError):
    """Several nodes match a ``--focus`` query; the message lists them (CLI exit code 2)."""


# -- conversion ---------------------------------------------------------------------------------
def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Every node and relationship of ``graph``. Node attributes: ``label`` (Person, Body...),
    ``key`` and the stored properties; edge attributes: ``type``, the properties, ``articles``
    and ``evidence`` as ``{article, sentence, start, end}`` dicts."""
    g = nx.MultiDiGraph()
    for node in graph.nodes.values():
        g.add_node(node.id, **{**node.props, "label": node.label, "key": node.key})
    for edge in graph.edges.values():
        for end in (edge.source, edge.target):
            if end not in g:  # a dangling edge still shows, with its endpoint's bare id
                label, key = split_id(end)
                g.add_node(end, label=label, key=key)
        attrs = {**edge.props, "type": edge.type, "articles": edge.articles}
        attrs["evidence"] = [e.to_dict() for e in edge.evidence]
        g.add_edge(edge.source, edge.target, key=edge.type, **attrs)
    return g


def display(attrs: dict[str, Any]) -> str:
    """What a person reads for a node: the schema's display property (Document: number)."""
    prop = schema()["nodes"].get(attrs.get("label"), {}).get("display", "name")
    return str(attrs.get(prop) or attrs.get("name") or attrs.get("title") or attrs.get("key") or "")


# -- periods ------------------------------------------------------------------------------------
def check_period(value: str | None) -> str | None:
    """A ``--since``/``--until`` bound as typed: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None:
        return None
    value = value.strip()
    if not _PERIOD.match(value):
        raise ValueError(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(x) for x in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise ValueError(f"{value!r} is not a date: no such {'day' if value.count('-') == 2 else 'month'}") from None
    return value


def article_attrs(g: nx.MultiDiGraph, article: str) -> dict[str, Any] | None:
    """The Article node an evidence item points at (by node id or by bare key)."""
    for nid in (article, f"Article:{article}"):
        if nid in g and g.nodes[nid].get("label") == "Article":
            return g.nodes[nid]
    return None


def fact_dates(attrs: dict[str, Any], article: Callable[[str], dict[str, Any] | None]) -> list[str]:
    """ISO dates a fact was seen: its first_seen/last_seen/as_of, else the publication dates of
    its articles (``article`` looks one up by the id the evidence uses)."""
    dates = [str(attrs[k])[:10] for k in ("first_seen", "last_seen", "as_of") if attrs.get(k)]
    if not dates:
        for a in attrs.get("articles") or []:
            art = article(a)
            if art and art.get("published"):
                dates.append(str(art["published"])[:10])
    return sorted(dates)


def in_period(dates: list[str], since: str | None, until: str | None) -> bool:
    """Whether a fact seen over ``dates`` overlaps [since, until]. Bounds compare at their own
    precision, so ``until="2022"`` takes in all of 2022. An undated fact is never in a period."""
    if since is None and until is None:
        return True
    if not dates:
        return False
    first, last = dates[0], dates[-1]
    if since and last[: len(since)] < since:
        return False
    if until and first[: len(until)] > until:
        return False
    return True


# -- focus --------------------------------------------------------------------------------------
def candidates(g: nx.MultiDiGraph) -> list[Candidate]:
    """The nodes a ``--focus`` may name (never an Article: a title is not what a focus means),
    with their own names (display, name, number) and aliases, for ``graph.names.find``."""
    found = []
    for nid, attrs in g.nodes(data=True):
        if attrs.get("label") == "Article":
            continue
        own = [display(attrs), attrs.get("name"), attrs.get("number")]
        aliases = [a for a in attrs.get("aliases") or [] if a]
        found.append(Candidate(nid, str(attrs.get("label")), display(attrs),
                               tuple(dict.fromkeys(str(n) for n in own if n)), tuple(str(a) for a in aliases)))
    return found


def find_node(g: nx.MultiDiGraph, query: str) -> str:
    """The node a user means by ``query``: a node id, else what ``graph.names.find`` makes of
    it (the resolver every command uses). Several equally good matches raise ``AmbiguousNode``
    naming them all; none raises ``NodeNotFound``."""
    if query in g:
        return query
    try:
        return find(query, candidates(g)).id
    except AmbiguousName as exc:
        listed = "; ".join(c.listed() for c in exc.candidates[:10])
        more = f" and {len(exc.candidates) - 10} more" if len(exc.candidates) > 10 else ""
        raise AmbiguousNode(
            f"{query!r} matches {len(exc.candidates)} nodes: {listed}{more}; pass one id to --focus"
        ) from None
    except NameNotFound as exc:
        hint = f"; did you mean {' or '.join(exc.suggestions)}?" if exc.suggestions else ""
        raise NodeNotFound(f"no person, body, document or event matches {query!r}{hint}") from None


# -- selection ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Filters:
    """What a view shows. ``types=None`` means every relationship type."""

    focus: str | None = None
    depth: int = 1
    types: frozenset[str] | None = None
    since: str | None = None
    until: str | None = None
    articles: bool = False
    max_nodes: int | None = DEFAULT_MAX_NODES

    def __post_init__(self) -> None:
        if self.types is not None:
            unknown = sorted(set(self.types) - set(relationship_types()))
            if unknown:
                raise ValueError(f"unknown relationship type(s) {', '.join(unknown)} ({', '.join(relationship_types())})")
        if self.depth < 0:
            raise ValueError("--depth must be 0 or more")
        if self.max_nodes is not None and self.max_nodes < 1:
            raise ValueError("--max-nodes must be 1 or more")
        since, until = check_period(self.since), check_period(self.until)
        if since and until and since[: len(until)] > until[: len(since)]:
            raise ValueError(f"--since {since} is after --until {until}")

    @property
    def shows_articles(self) -> bool:
        return self.articles or (self.types is not None and PROVENANCE in self.types)

    @property
    def filters_edges(self) -> bool:
        return self.types is not None or self.since is not None or self.until is not None


@dataclass
class Selection:
    """The graph one view shows, and what the node cap left out of it."""

    graph: nx.MultiDiGraph
    total_nodes: int  # nodes matching the filters, before the cap
    total_edges: int
    focus: str | None = None
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)  # evidence article -> attrs

    @property
    def cut(self) -> bool:
        return self.graph.number_of_nodes() < self.total_nodes

    def cut_message(self) -> str | None:
        """Why the view is partial and how to narrow it, or None when nothing was left out."""
        if not self.cut:
            return None
        shown, left = self.graph.number_of_nodes(), self.total_nodes - self.graph.number_of_nodes()
        which = "the nearest to the focus" if self.focus else "grown from the most connected"
        hint = (
            "lower --depth, pick --types"
            if self.focus
            else 'focus it with --focus "NAME or NUMBER" --depth 1, pick --types ISSUED,SIGNED, or a period --since/--until'
        )
        return (
            f"View cut: showing {shown} of {self.total_nodes} nodes ({which}), {left} left out. "
            f"To see them, {hint}, or raise --max-nodes."
        )


def _keep_edge(g: nx.MultiDiGraph, attrs: dict[str, Any], f: Filters) -> bool:
    if f.types is not None and attrs["type"] not in f.types:
        return False
    if f.since is None and f.until is None:
        return True
    return in_period(fact_dates(attrs, lambda a: article_attrs(g, a)), f.since, f.until)


def nearest_first(nodes: Iterable[str], focus: str, distance: dict[str, int], degree: Mapping[str, int]) -> list[str]:
    """The order a focused view's cap keeps nodes in: the focus, then nearest first, most
    connected first within a distance (``graph.neighbourhood`` cuts by it before reading)."""
    return sorted(nodes, key=lambda n: (n != focus, distance.get(n, 0), -degree[n], n))


def _rank(g: nx.MultiDiGraph, focus: str | None, distance: dict[str, int]) -> list[str]:
    """Nodes in the order the cap keeps them. With a focus: the focus, then nearest first,
    most connected first within a distance. Without: grown from the most connected node,
    always to the most connected neighbour of what is kept so far, so a capped view is one
    readable network rather than a scatter of hubs whose neighbours were all cut."""
    degree = dict(g.degree())
    if focus:
        return nearest_first(g.nodes, focus, distance, degree)
    order: list[str] = []
    seen: set[str] = set()
    for seed in sorted(g.nodes, key=lambda n: (-degree[n], n)):
        frontier = [(-degree[seed], seed)]
        while frontier:
            _, n = heapq.heappop(frontier)
            if n in seen:
                continue
            seen.add(n)
            order.append(n)
            for nb in nx.all_neighbors(g, n):
                if nb not in seen:
                    heapq.heappush(frontier, (-degree[nb], nb))
    return order


def select(full: nx.MultiDiGraph, filters: Filters = Filters(), reached: tuple[int, int] | None = None) -> Selection:
    """Apply ``filters`` to ``full`` (the ``to_networkx`` graph): Article nodes out unless asked
    for, relationships by type and period, the focus's neighbourhood, then the node cap.
    ``reached``: (nodes, relationships) within reach when ``full`` was already cut to the cap
    as it was read (``graph.neighbourhood.nearest``), so the view still says what it left out."""
    g = nx.MultiDiGraph()
    for nid, attrs in full.nodes(data=True):
        if filters.shows_articles or attrs.get("label") != "Article":
            g.add_node(nid, **attrs)
    for u, v, k, attrs in full.edges(keys=True, data=True):
        if u in g and v in g and _keep_edge(full, attrs, filters):
            g.add_edge(u, v, key=k, **attrs)

    focus = find_node(g, filters.focus) if filters.focus else None
    if filters.filters_edges:
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0 and n != focus])
    distance: dict[str, int] = {}
    if focus:
        distance = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), focus, cutoff=filters.depth)
        g = g.subgraph(distance).copy()
    total_nodes, total_edges = reached or (g.number_of_nodes(), g.number_of_edges())
    if filters.max_nodes is not None and total_nodes > filters.max_nodes:
        g = g.subgraph(_rank(g, focus, distance)[: filters.max_nodes]).copy()

    articles: dict[str, dict[str, Any]] = {}
    for _, _, attrs in g.edges(data=True):
        for ev in attrs.get("evidence") or []:
            art = article_attrs(full, ev["article"])
            if art is not None:
                articles[ev["article"]] = dict(art)
    return Selection(g, total_nodes, total_edges, focus, articles)


# -- GraphML ------------------------------------------------------------------------------------
def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _typed(items: Iterable[dict[str, Any]]) -> None:
    """One GraphML type per attribute: a key whose values mix types becomes text everywhere
    (Gephi and Cytoscape reject a key declared twice with two types)."""
    items = list(items)
    kinds: dict[str, set[type]] = {}
    for attrs in items:
        for k, v in attrs.items():
            kinds.setdefault(k, set()).add(bool if isinstance(v, bool) else type(v))
    mixed = {k for k, ts in kinds.items() if len(ts) > 1}
    for attrs in items:
        for k in mixed & attrs.keys():
            attrs[k] = str(attrs[k])


def graphml_graph(graph: Graph) -> nx.MultiDiGraph:
    """``graph`` with GraphML-ready attributes: lists and evidence as JSON text, nulls dropped;
    ``label`` is the display name (Gephi's node label) and ``labels`` the node label in the
    ``:Person`` form Neo4j's own GraphML export uses; edges carry ``type`` and ``label``."""
    g = to_networkx(graph)
    out = nx.MultiDiGraph()
    for nid, attrs in g.nodes(data=True):
        props = {k: _scalar(v) for k, v in attrs.items() if v is not None and k != "label"}
        out.add_node(nid, **props, labels=f":{attrs['label']}", label=display(attrs))
    for u, v, k, attrs in g.edges(keys=True, data=True):
        props = {a: _scalar(x) for a, x in attrs.items() if x is not None}
        out.add_edge(u, v, key=k, **props, label=attrs["type"])
    _typed(a for _, a in out.nodes(data=True))
    _typed(a for _, _, a in out.edges(data=True))
    return out


def write_graphml(graph: Graph, target: str | Path | BinaryIO) -> None:
    """Write ``graph`` as GraphML (for Gephi, Cytoscape, yEd), UTF-8, to a path or a binary
    file (``sys.stdout.buffer``)."""
    nx.write_graphml(graphml_graph(graph), target, encoding="utf-8")
