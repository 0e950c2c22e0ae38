"""Identity questions: why a person node is who it is (``graph person NAME --why``), and which
people the graph probably holds twice or mixes up (``graph resolve --suggest``).

Suggestions are evidence for a person to judge, never applied by themselves: a user copies the
ones they accept into the decisions file (ingest.identity), which every ingest applies.

* merge: two names that are variants of one another (same family and given name, one with a
  middle name the other leaves out, or the same letters but for accents) holding the same post
  in the same body, which the identity layer did not join itself (``ingest.sameas`` joins a
  short name that only one fuller name sharing a post fits; one that several fit, or a pair a
  ``split`` keeps apart, is left to a decision);
* split: one name holding posts in bodies of two provinces at overlapping times (below the
  provincial leadership ingest tells them apart itself, ``ingest.identity``);
* same: one name held by one node with a place and one without (a person written without a
  post, or promoted from a Sở to the provincial leadership, is keyed by the name alone).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, Iterable

from graph.fold import joined_keys
from graph.store import Store, decode_evidence
from graph.tenure import Span, post_of, span_of
from ingest.identity import variant_block
from ingest.sameas import variant_pairs

from .lookup import Ambiguous, NotFound, person_ref, resolve

_FIELDS = ("p.key AS key, p.name AS name, p.place AS place, p.aliases AS aliases, p.identity AS identity, "
           "p.same_as AS same_as, p.same_as_why AS same_as_why")
_WHO = "MATCH (p:Person {name: $name}) RETURN p.key AS key, p.place AS place ORDER BY key"
_NODES = f"UNWIND $keys AS k MATCH (p:Person {{key: k}}) RETURN {_FIELDS}"
_RETURN_POSITIONS = (
    "RETURN p.key AS person, p.name AS name, p.same_as AS same_as, b.key AS body, b.name AS body_name, "
    "b.jurisdiction AS place, type(r) AS role, r.title AS title, r.start AS start, r.end AS end, r.status AS status, "
    "r.status_seen AS status_seen, r.term AS term, r.first_seen AS first_seen, r.last_seen AS last_seen, "
    "coalesce(r.evidence, []) AS evidence"
)
_POSITIONS = f"MATCH (p:Person)-[r:CHAIRED|HOLDS]->(b:Body) {_RETURN_POSITIONS}"
#: the positions of one block's people (first and last word of the accent-free name)
_BLOCK = ("MATCH (p:Person) WHERE p.search STARTS WITH $first AND p.search ENDS WITH $last "
          f"MATCH (p)-[r:CHAIRED|HOLDS]->(b:Body) {_RETURN_POSITIONS}")


def explain(store: Store, name: str) -> list[dict[str, Any]]:
    """Every node stored under the name ``name`` means, and every node the identity layer
    joined to it (``ingest.sameas``), with its key and the notes of how it came to be
    (decisions applied, short references resolved, spellings joined), and the suggestions that
    concern them."""
    try:
        name, place = person_ref(resolve(store, "person", name))
    except Ambiguous as exc:  # the people of one name told apart by place: explain them all
        names = {person_ref(c)[0] for c in exc.candidates}
        if len(names) > 1:
            raise
        name, place = names.pop(), None
    keys: list[str] = []
    for r in store.read(_WHO, {"name": name}):
        if place is None or (r["place"] or "") == place:
            keys += [k for k in joined_keys(store, r["key"]) if k not in keys]
    nodes = {r["key"]: r for r in store.read(_NODES, {"keys": keys})}
    rows = [_why(nodes[k]) for k in keys if k in nodes]
    return rows + [{"key": None, "name": name, "place": None, "aliases": [], "why": [f"suggested {s['decision']}: {s['why']}"]}
                   for s in suggest(store, {r["name"] for r in rows})]


def _why(node: dict[str, Any]) -> dict[str, Any]:
    """A node as ``explain`` shows it: the notes of its key, then how it was joined."""
    notes = list(node["identity"] or []) or [
        "keyed by the name alone: a post of national rank (the centre, a province's head), or no post"]
    if node["same_as_why"]:
        notes.append(f"{node['same_as_why']}; stored as {node['same_as']}")
    return {"key": node["key"], "name": node["name"], "place": node["place"], "aliases": node["aliases"] or [],
            "why": notes}


def suggest(store: Store, names: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Likely duplicates (merge) and homonyms (split), each with its reason and evidence; with
    ``names``, only those about these names, read from their blocks instead of the whole graph
    (``graph person --why``: seconds less on a large store)."""
    if names is None:
        positions = store.read(_POSITIONS)
    else:
        names = set(names)
        blocks = {variant_block(n) for n in names}
        positions = [r for first, last in sorted(blocks) for r in store.read(_BLOCK, {"first": first, "last": last})
                     if variant_block(r["name"]) == (first, last)]
    found = merges(positions) + splits(positions) + sames(store, positions, names)
    return found if names is None else [s for s in found if names & set(s["names"])]


def merges(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Name variants holding one post that the automatic layer (``ingest.sameas``) has not
    joined: a short name that several full names fit, or a pair a ``split`` keeps apart."""
    joined = {r["person"]: r.get("same_as") or r["person"] for r in positions}
    out = []
    for pair in sorted(variant_pairs(positions), key=lambda p: sorted((p.short, p.long))):
        if joined[pair.short] == joined[pair.long]:
            continue
        long, short = pair.long_row, pair.short_row
        out.append({
            "decision": "merge", "names": [long["name"], short["name"]],  # first: the spelling a merge keeps
            "why": f"name variants, both {post_of(long)} of {long['body_name']}",
            "evidence": _sentences(short) + _sentences(long),
        })
    return out


def splits(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One node holding posts in two provinces at overlapping times; the pair named is the
    first in order of body and post, whatever order the store returns the rows in."""
    by_person: dict[str, list[tuple[dict, Span]]] = {}
    for r in sorted(positions, key=lambda r: (r["body"], post_of(r), r["role"])):
        if r["place"]:
            by_person.setdefault(r["person"], []).append((r, span_of(r)))
    out = []
    for person, held in sorted(by_person.items()):
        if len({r["body"] for r, _ in held}) < 2:
            continue
        clash = _clash(held)
        if clash:
            x, y = clash
            out.append({
                "decision": "split", "names": [x["name"]],
                "why": f"posts in {x['place']} ({post_of(x)} of {x['body_name']}) and {y['place']} "
                       f"({post_of(y)} of {y['body_name']}) at overlapping times, no body in common",
                "evidence": _sentences(x) + _sentences(y),
            })
    return out


def _clash(held: list[tuple[dict, Span]]) -> tuple[dict, dict] | None:
    """Two posts in different places at overlapping times: not one person's."""
    return next(((x, y) for (x, sx), (y, sy) in combinations(held, 2)
                 if x["place"] != y["place"] and _overlap(_extent(x, sx), _extent(y, sy))), None)


_PLACED = "MATCH (p:Person) WHERE p.place IS NOT NULL RETURN p.name AS name, p.place AS place ORDER BY name, place"
_PLACED_OF = ("UNWIND $names AS n MATCH (p:Person {name: n}) WHERE p.place IS NOT NULL "
              "RETURN p.name AS name, p.place AS place ORDER BY name, place")
_UNPLACED = (
    "UNWIND $names AS n MATCH (p:Person {name: n}) WHERE p.place IS NULL "
    "MATCH (a:Article)-[m:MENTIONS]->(p) RETURN p.name AS name, coalesce(m.evidence, []) AS evidence"
)


def sames(store: Store, positions: list[dict[str, Any]], names: set[str] | None = None) -> list[dict[str, Any]]:
    """Names held by exactly one node with a place and one without: likely one person keyed
    two ways (written without a post somewhere, or a career that crossed into the provincial
    leadership), unless their posts clash (two places at overlapping times). Two placed nodes
    leave the unplaced one undecided, and make no suggestion. ``names``: only these."""
    placed: dict[str, list[str]] = {}
    for r in store.read(_PLACED) if names is None else store.read(_PLACED_OF, {"names": sorted(names)}):
        placed.setdefault(r["name"], []).append(r["place"])
    single = sorted(n for n, places in placed.items() if len(places) == 1)
    evidence: dict[str, list[str]] = {}
    for r in store.read(_UNPLACED, {"names": single}) if single else []:
        evidence.setdefault(r["name"], []).extend(e["sentence"] for e in decode_evidence(r["evidence"])[:1])
    held: dict[str, list[tuple[dict, Span]]] = {}
    for r in positions:
        if r["name"] in evidence and r["place"]:
            held.setdefault(r["name"], []).append((r, span_of(r)))
    return [{
        "decision": "same", "names": [name],
        "why": f"one node told apart by place ({placed[name][0]}) and one keyed by the name alone "
               "(written without a post, or with a post of national rank)",
        "evidence": evidence[name][:2],
    } for name in single if name in evidence and not _clash(held.get(name, []))]


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
