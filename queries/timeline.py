"""Questions about time: who held a body's posts at a date, a person's dated career, and who
succeeded whom. The rule that dates a position is ``graph.tenure``; this module reads the
positions from a store and shapes the answers (``graph body --as-of``, ``graph person``).
"""

from __future__ import annotations

from typing import Any

from graph.store import Store, decode_evidence
from graph.tenure import check_date, holders_at, post_of, span_of

from .lookup import PERSON_MATCH, BadQuestion, NotFound, joined_names, person_group, resolve
from .packs import run_query

_FIELDS = (
    "r.title AS title, r.start AS start, r.end AS end, r.status AS status, r.status_seen AS status_seen, "
    "r.term AS term, r.first_seen AS first_seen, r.last_seen AS last_seen, coalesce(r.evidence, []) AS evidence"
)
_BODY_POSITIONS = (
    f"MATCH (b:Body {{name: $name}})<-[r:CHAIRED|HOLDS]-(p:Person) "
    f"RETURN p.name AS name, p.same_as AS same_as, type(r) AS role, {_FIELDS}"
)
_PERSON_POSITIONS = (
    f"{PERSON_MATCH} MATCH (p)-[r:CHAIRED|HOLDS]->(b:Body) "
    f"RETURN p.place AS person_place, b.name AS body, type(r) AS role, {_FIELDS}"
)


def _date(text: str) -> str:
    try:
        return check_date(text)
    except ValueError as exc:
        raise BadQuestion(str(exc)) from None


def body_as_of(store: Store, body: str, date: str) -> list[dict[str, Any]]:
    """Who held each post of ``body`` at ``date`` (YYYY, YYYY-MM or YYYY-MM-DD): post, holder,
    from, to, the basis of those dates (stated, term, seen) and the evidence sentence."""
    date = _date(date)
    name = resolve(store, "body", body)
    rows = joined_names(store, store.read(_BODY_POSITIONS, {"name": name}))  # one person, however written
    held: list[dict[str, Any]] = []
    for h in holders_at(rows, date):  # a person written two ways holds a post once: the latest span
        if all((h["post"], h["name"]) != (x["post"], x["name"]) for x in held):
            held.append(h)
    if not held:
        raise NotFound(f"no position of {name} is known to have stood at {date}")
    evidence = {(r["name"], r["role"], post_of(r)): _first_sentence(r["evidence"]) for r in rows}
    return [{**h, "evidence": evidence.get((h["name"], h["role"], h["post"]))} for h in held]


def career(store: Store, person: str) -> list[dict[str, Any]]:
    """A person's positions in date order: post, body, from, to, basis, status, evidence (and,
    for a person told apart by place, which place: ``person_place``; for a person written
    several ways, joined by ``ingest.sameas``, which spelling: ``as``)."""
    group = person_group(store, person)
    rows = [({"as": m["name"]} if len(group) > 1 else {}, r)
            for m in group for r in store.read(_PERSON_POSITIONS, m["params"])]
    out = []
    for spelling, r in rows:
        span = span_of(r)
        out.append({
            **({"person_place": r["person_place"]} if r["person_place"] else {}), **spelling,
            "post": r["title"] or r["role"], "body": r["body"], "from": span.since,
            "to": None if span.open else span.until, "last_seen": (r["last_seen"] or "")[:10] or None,
            "basis": span.basis, "status": r["status"], "term": r["term"], "evidence": _first_sentence(r["evidence"]),
        })
    return sorted(out, key=lambda r: (r["from"] is None, r["from"] or "", r["body"]))


def successions(store: Store, body: str) -> list[dict[str, Any]]:
    """Who succeeded whom in ``body``'s posts (the ``successions`` pack query)."""
    name = resolve(store, "body", body)
    rows = run_query(store, "successions", {"body": name})
    if not rows:
        raise NotFound(f"no succession in {name} is known")
    return rows


def _first_sentence(evidence: list[str]) -> str | None:
    items = decode_evidence(evidence)
    return items[0]["sentence"] if items else None
