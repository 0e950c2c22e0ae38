"""When a position was held, and who held a post at a date: the one rule behind `graph body
--as-of`, `graph person` (career) and `graph view --as-of` (the ``heads-as-of`` pack query
writes the same rule in Cypher for Neo4j Browser users).

A position (CHAIRED / HOLDS) knows some of: a stated ``start`` / ``end`` ("kể từ ngày ..."),
a ``term`` ("nhiệm kỳ 2021-2026"), a ``status`` as of its newest article (``status_seen``), and
the dates of the articles that named it (``first_seen`` / ``last_seen``). Its span takes, for
each end, the best that is known, and says which (``basis``):

* from: stated start, else the term's first year, else first seen;
* to:   stated end, else (status former / dismissed) the date an article called it ended,
        else the term's last year, else open: last seen, and the post may go on.

Dates compare at the precision of the question: ``"2021-03"`` against ``"2021-03-15"`` looks
at ``"2021-03"`` only. A head's post (CHAIRED) has one seat: at a date, of the heads whose span
has begun and not closed, the one who came last holds it; other posts list everyone whose
span covers the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from .model import Graph

ENDED = ("former", "dismissed")
POSITION_TYPES = ("CHAIRED", "HOLDS")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TERM = re.compile(r"^(\d{4})-(\d{4})$")


def check_date(value: str) -> str:
    """An ``--as-of`` date as typed: YYYY, YYYY-MM or YYYY-MM-DD (ValueError otherwise)."""
    value = value.strip()
    if not _DATE.match(value):
        raise ValueError(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


@dataclass(frozen=True)
class Span:
    """When a position was held, as far as the graph knows, and on what basis."""

    since: str | None
    until: str | None
    since_basis: str  # stated | term | seen | unknown
    until_basis: str  # stated | status | term | seen
    open: bool  # nothing says it ended: ``until`` is only the last sighting

    @property
    def basis(self) -> str:
        """"stated", or "stated start, seen end"-style when the two ends differ."""
        if self.since_basis == self.until_basis:
            return self.since_basis
        return f"{self.since_basis} start, {self.until_basis} end"

    def holds(self, date: str, one_seat: bool) -> bool:
        """Whether the position stood at ``date``: begun, and not ended before it. An open span
        of a one-seat post goes on after its last sighting (until a successor is seen); any
        other open span counts only up to its last sighting."""
        if self.since is None or self.since[: len(date)] > date:
            return False
        if self.open and one_seat:
            return True
        return self.until is not None and self.until[: len(date)] >= date


def span_of(props: dict[str, Any]) -> Span:
    """The span of a position from its stored properties (see the module docstring)."""
    term = _TERM.match(str(props.get("term") or ""))
    status = props.get("status")
    first, last = _day(props.get("first_seen")), _day(props.get("last_seen"))
    if props.get("start"):
        since, since_basis = props["start"], "stated"
    elif term:
        since, since_basis = term.group(1), "term"
    elif status in ENDED and first and first == _day(props.get("status_seen")):
        since, since_basis = None, "unknown"  # only ever seen as ended ("nguyên Chủ tịch")
    else:
        since, since_basis = first, "seen" if first else "unknown"
    if props.get("end"):
        return Span(since, props["end"], since_basis, "stated", False)
    if status in ENDED:
        return Span(since, _day(props.get("status_seen")) or last, since_basis, "status", False)
    if term:
        return Span(since, term.group(2), since_basis, "term", False)
    return Span(since, last, since_basis, "seen", True)


def _day(value: Any) -> str | None:
    """An article date as a day ("2021-05-10T08:00:00+07:00" -> "2021-05-10")."""
    return str(value)[:10] if value else None


def post_of(row: dict[str, Any]) -> str:
    """The post a position fills: its title without "Quyền" (an acting head sits in the
    head's seat), "tân" (newly appointed) or "nguyên" (former: the post is the same)."""
    title = str(row.get("title") or "")
    return re.sub(r"^(?:quyền|tân|nguyên|cựu)\s+", "", title, flags=re.I) or row.get("role", "")


def holders_at(rows: Iterable[dict[str, Any]], date: str) -> list[dict[str, Any]]:
    """Who held each post at ``date``. ``rows`` are positions of one body: ``name``, ``role``
    (CHAIRED / HOLDS), ``title`` and the stored dated properties. Each answer row says the
    post, the holder, the span and its basis."""
    by_post: dict[tuple[str, str], list[tuple[Span, dict[str, Any]]]] = {}
    for r in rows:
        span = span_of(r)
        if span.holds(date, one_seat=r["role"] == "CHAIRED"):
            by_post.setdefault((r["role"], post_of(r)), []).append((span, r))
    out = []
    for (role, post), found in sorted(by_post.items()):
        found.sort(key=lambda sr: (sr[0].since or "", sr[0].since_basis == "stated"), reverse=True)
        if role == "CHAIRED":
            found = found[:1]  # one seat: the head who came last
        out += [_answer(post, span, r) for span, r in found]
    return out


def _answer(post: str, span: Span, r: dict[str, Any]) -> dict[str, Any]:
    return {
        "post": post, "role": r["role"], "name": r["name"], "from": span.since,
        "to": None if span.open else span.until, "last_seen": _day(r.get("last_seen")),
        "basis": span.basis, "status": r.get("status"),
    }


def as_of(graph: Graph, date: str) -> Graph:
    """The graph as it stood at ``date``: articles published after it and the facts first seen
    after it left out, positions only while held (a head's post goes to the head who came
    last), and the nodes that no longer take part in anything."""
    out = Graph()
    later_articles = {
        nid for nid, n in graph.nodes.items() if n.label == "Article" and str(n.props.get("published") or "")[: len(date)] > date
    }
    heads = _heads_at(graph, date)
    kept = []
    for e in graph.edges.values():
        if e.source in later_articles:
            continue
        if e.type in POSITION_TYPES and graph.nodes[e.target].label == "Body":
            stood = e.id in heads[e.target] if e.type == "CHAIRED" else span_of(e.props).holds(date, one_seat=False)
        else:
            since = e.props.get("start") or e.props.get("first_seen")  # a succession from its stated start
            stood = str(since or "")[: len(date)] <= date
        if stood:
            kept.append(e)
    used = {n for e in kept for n in (e.source, e.target)}
    for nid in used:
        out.add_node(graph.nodes[nid])
    for e in kept:
        out.add_edge(e)
    return out


def _heads_at(graph: Graph, date: str) -> dict[str, set[tuple[str, str, str]]]:
    """Per body, the CHAIRED edges that hold its head posts at ``date`` (``holders_at``)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for e in graph.edges.values():
        if e.type == "CHAIRED" and graph.nodes[e.target].label == "Body":
            rows.setdefault(e.target, []).append({**e.props, "role": "CHAIRED", "name": e.source, "edge": e.id})
    out: dict[str, set[tuple[str, str, str]]] = {}
    for body, positions in rows.items():
        held = {a["name"] + "\x00" + a["post"] for a in holders_at(positions, date)}
        out[body] = {r["edge"] for r in positions if r["name"] + "\x00" + post_of(r) in held}
    return out
