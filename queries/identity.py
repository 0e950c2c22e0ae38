"""Identity questions: why a person node is who it is (``graph person NAME --why``), and which
people the graph probably holds twice or mixes up (``graph resolve --suggest``).

Suggestions are evidence for a person to judge, never applied by themselves: a user copies the
ones they accept into the decisions file (ingest.identity), which every ingest applies.

* merge: two names that are variants of one another (same family and given name, one with a
  middle name the other leaves out, or the same letters but for accents) holding the same post
  in the same body;
* split: one name holding posts in bodies of two provinces at overlapping times.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from graph.store import Store, decode_evidence
from graph.tenure import Span, post_of, span_of
from ingest.normalize import key, strip_accents

from .lookup import NotFound, resolve

_WHO = (
    "MATCH (p:Person {name: $name}) RETURN p.key AS key, p.name AS name, p.place AS place, "
    "p.aliases AS aliases, p.identity AS identity ORDER BY key"
)
_POSITIONS = (
    "MATCH (p:Person)-[r:CHAIRED|HOLDS]->(b:Body) "
    "RETURN p.key AS person, p.name AS name, b.key AS body, b.name AS body_name, b.jurisdiction AS place, "
    "type(r) AS role, r.title AS title, r.start AS start, r.end AS end, r.status AS status, "
    "r.status_seen AS status_seen, r.term AS term, r.first_seen AS first_seen, r.last_seen AS last_seen, "
    "coalesce(r.evidence, []) AS evidence"
)


def explain(store: Store, name: str) -> list[dict[str, Any]]:
    """Every node stored under the name ``name`` means, with its key and the notes of how it
    came to be (decisions applied, short references resolved), and the suggestions that
    concern it."""
    name = resolve(store, "person", name)
    rows = []
    for r in store.read(_WHO, {"name": name}):
        notes = list(r["identity"] or []) or ["keyed by the normalised full name; no decision applies"]
        rows.append({"key": r["key"], "name": r["name"], "place": r["place"], "aliases": r["aliases"] or [],
                     "why": notes})
    for s in suggest(store):
        if name in s["names"]:
            rows.append({"key": None, "name": name, "place": None, "aliases": [],
                         "why": [f"suggested {s['decision']}: {s['why']}"]})
    return rows


def suggest(store: Store) -> list[dict[str, Any]]:
    """Likely duplicates (merge) and homonyms (split), each with its reason and evidence."""
    positions = store.read(_POSITIONS)
    return merges(positions) + splits(positions)


def merges(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = {r["person"]: r["name"] for r in positions}
    posts: dict[str, dict[tuple[str, str], dict]] = {}
    for r in positions:
        posts.setdefault(r["person"], {}).setdefault((r["body"], post_of(r)), r)
    out = []
    for a, b in combinations(sorted(posts), 2):
        if not variants(names[a], names[b]):
            continue
        shared = sorted(set(posts[a]) & set(posts[b]))
        if shared:
            ra, rb = posts[a][shared[0]], posts[b][shared[0]]
            fuller = sorted((names[a], names[b]), key=lambda n: (-len(n.split()), n))  # the full name first: it is kept
            out.append({
                "decision": "merge", "names": fuller,
                "why": f"name variants, both {post_of(ra)} of {ra['body_name']}",
                "evidence": _sentences(ra) + _sentences(rb),
            })
    return out


def variants(a: str, b: str) -> bool:
    """Whether two different names may be one person's: the same letters but for accents, or
    the same family and given name with a middle name only one of them writes."""
    if key(a) == key(b):
        return False
    if strip_accents(a) == strip_accents(b):
        return True
    wa, wb = key(a).split(), key(b).split()
    short, long = sorted((wa, wb), key=len)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1] or len(short) == len(long):
        return False
    rest = iter(long)
    return all(w in rest for w in short)  # a subsequence: middle names left out, none changed


def splits(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_person: dict[str, list[tuple[dict, Span]]] = {}
    for r in positions:
        if r["place"]:
            by_person.setdefault(r["person"], []).append((r, span_of(r)))
    out = []
    for person, held in sorted(by_person.items()):
        if len({r["body"] for r, _ in held}) < 2:
            continue
        clash = next(((x, y) for (x, sx), (y, sy) in combinations(held, 2)
                      if x["place"] != y["place"] and _overlap(_extent(x, sx), _extent(y, sy))), None)
        if clash:
            x, y = clash
            out.append({
                "decision": "split", "names": [x["name"]],
                "why": f"posts in {x['place']} ({post_of(x)} of {x['body_name']}) and {y['place']} "
                       f"({post_of(y)} of {y['body_name']}) at overlapping times, no body in common",
                "evidence": _sentences(x) + _sentences(y),
            })
    return out


def _extent(row: dict[str, Any], span: Span) -> tuple[str | None, str | None]:
    """When a position may have been held: a head's open post goes on until a successor is
    seen (``graph.tenure``), so it reaches past its last sighting."""
    if span.open and row["role"] == "CHAIRED":
        return span.since, "9999"
    return span.since, span.until


def _overlap(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    if not all((*a, *b)):
        return False
    n = min(len(x) for x in (*a, *b))
    return a[0][:n] <= b[1][:n] and b[0][:n] <= a[1][:n]


def _sentences(row: dict[str, Any]) -> list[str]:
    return [e["sentence"] for e in decode_evidence(row["evidence"])[:1]]


def suggestions_document(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Suggestions in the decisions file's shape, to paste into resolutions.yaml."""
    if not rows:
        raise NotFound("no likely duplicate or homonym in the graph")
    doc: dict[str, list[dict[str, Any]]] = {}
    for s in rows:
        entry = {"names": s["names"]} if s["decision"] == "merge" else {"name": s["names"][0]}
        doc.setdefault(s["decision"], []).append({**entry, "why": s["why"]})
    return doc
