"""One person written two ways in two articles: the resolution layer over the stored nodes.

A Person's key is made from one article alone (``ingest.identity``), so "Nguyễn Văn Hùng" in
one article and "Nguyễn Hùng" in another are two nodes. Merging the stored nodes as articles
arrive would make the graph depend on their order, and could not be undone when a later
article makes the merge doubtful. So the nodes stay as stored, and this module computes, as a
pure function of the store's content (nomenklatura's resolver, apart from extraction), which
nodes are one person: a node that is another's variant gets ``same_as`` (the key of the node
that stands for them all) and ``same_as_why``. It is recomputed after every ingest and by
``graph resolve --apply``; a merge the new content no longer supports is undone.

The rule (strong evidence only; weaker cases stay suggestions, ``queries.identity``):

* two names are **variants** (``ingest.identity.variants``: a middle name left out, or the same
  letters with the accents left out: "Nguyen Van Hung"; two accented spellings that differ in
  a mark, "Hùng" and "Hưng", are two names) and hold **the same post** (same body, same title);
* the less full name fits **one person only**: every fuller variant sharing a post with it is,
  after this rule, the same node. A short name two different full names fit ("Nguyễn Hùng"
  beside "Nguyễn Văn Hùng" and "Nguyễn Mạnh Hùng", both Giám đốc of the same Sở) joins
  neither;
* a user's ``split`` of either name keeps them apart.

The user's ``merge`` and ``same`` decisions are applied when articles are extracted (the nodes
are keyed as one); here they also join the nodes stored under older decisions (a merged
spelling's node to the canonical name's, a ``same`` name's placed nodes to the one keyed by
the name alone), so that such a decision takes effect with ``graph resolve --apply``, without
re-ingesting.

Pairs are looked for within blocks (``variant_block``: first and last word, accents dropped),
never over all pairs of names, so the pass stays cheap on a large graph.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Iterable, Iterator

from graph.store import Store
from graph.tenure import post_of

from .identity import Decisions, fuller, variant_block, variants
from .normalize import key, strip_accents

#: every position, as the pass needs it (no evidence: the pass reads the whole graph's posts)
POSITIONS = (
    "MATCH (p:Person)-[r:CHAIRED|HOLDS]->(b:Body) "
    "RETURN p.key AS person, p.name AS name, b.key AS body, b.name AS body_name, type(r) AS role, r.title AS title"
)
#: the nodes the decisions may concern, by the accent-free form of their names (indexed)
_NAMED = "UNWIND $forms AS s MATCH (p:Person {search: s}) RETURN p.key AS person, p.name AS name"
_LINKED = "MATCH (p:Person) WHERE p.same_as IS NOT NULL RETURN p.key AS key, p.same_as AS same_as, p.same_as_why AS why"
_SET = "UNWIND $rows AS r MATCH (p:Person {key: r.key}) SET p.same_as = r.same_as, p.same_as_why = r.why"
_CLEAR = "UNWIND $keys AS k MATCH (p:Person {key: k}) REMOVE p.same_as, p.same_as_why"


@dataclass(frozen=True)
class Pair:
    """Two variant names holding one post: ``short`` (the less full, by ``fuller``) and
    ``long``, with the position rows of each that show the shared post."""

    short: str
    long: str
    short_row: dict[str, Any]
    long_row: dict[str, Any]


@dataclass(frozen=True)
class Link:
    """A node that is another's variant: the key standing for them (``same_as``) and why."""

    same_as: str
    why: str


@dataclass
class Report:
    """What a pass found and changed: people with a post it looked at, nodes linked to
    another, links written (new or changed) and undone, and its CPU seconds."""

    people: int = 0
    linked: int = 0
    written: int = 0
    undone: int = 0
    cpu_seconds: float = 0.0


def name_of(person_key: str) -> str:
    """The name part of a Person key (``nguyễn hùng|nghệ an`` -> ``nguyễn hùng``): the pass
    compares keys, never display spellings, so its answer cannot depend on which article's
    spelling a node kept."""
    return person_key.split("|", 1)[0]


def variant_pairs(positions: Iterable[dict[str, Any]]) -> Iterator[Pair]:
    """Every pair of variant names holding one post, from position rows (``person`` key,
    ``body`` key, ``title``, ``role``), in a stable order. Only names of one block (first and
    last word, accents dropped) holding one post are compared: a few pairs per post, never
    every pair of a large graph's names."""
    posts: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    for r in positions:
        posts.setdefault(r["person"], {}).setdefault((r["body"], post_of(r)), r)
    holders: dict[tuple, set[str]] = {}
    for person, held in posts.items():
        block = variant_block(name_of(person))
        for p in held:
            holders.setdefault((block, p), set()).add(person)
    pairs = {pair for members in holders.values() if len(members) > 1 for pair in combinations(sorted(members), 2)}
    for a, b in sorted(pairs):
        na, nb = name_of(a), name_of(b)
        if variants(na, nb):
            shared = min(set(posts[a]) & set(posts[b]))
            long, short = (a, b) if fuller(na, nb) == na else (b, a)
            yield Pair(short, long, posts[short][shared], posts[long][shared])


def fullness(person_key: str) -> tuple[int, bool, str, str]:
    """Sort key, fullest name first (``ingest.identity.fuller``'s order), then the key."""
    n = name_of(person_key)
    return (-len(n.split()), strip_accents(n) == n, n, person_key)


def _strong(pair: Pair) -> bool:
    """Whether a pair's spellings can only be one name: a middle name left out, or one of them
    written without any accent. Two accented spellings that differ in a mark ("Hùng", "Hưng")
    are two names, however alike: a suggestion, never joined by itself."""
    short, long = name_of(pair.short), name_of(pair.long)
    return len(short.split()) != len(long.split()) or strip_accents(short) == short


def same_as(positions: Iterable[dict[str, Any]], decisions: Decisions | None = None,
            named: Iterable[dict[str, Any]] = ()) -> dict[str, Link]:
    """Which stored Person nodes are another's: node key -> ``Link`` to the node that stands
    for them. A pure function of the positions, the nodes the decisions name (``named``: rows
    of ``person`` key and ``name``) and the decisions: the same store content gives the same
    answer, whatever order its articles arrived in. Decisions come first."""
    decisions = decisions or Decisions()
    positions = list(positions)
    links = decided([*positions, *named], decisions)
    for k, link in automatic(positions, decisions).items():
        links.setdefault(k, link)
    return _rooted(links)


def decided(people: Iterable[dict[str, Any]], decisions: Decisions) -> dict[str, Link]:
    """The links the user's decisions make between nodes an ingest under older decisions left
    apart (an ingest under these decisions keys them as one already): a merged spelling's node
    joins the canonical name's node of the same place, else the one keyed by the name alone;
    a ``same`` name's placed nodes join the one keyed by the name alone."""
    names = {r["person"]: r["name"] for r in people}
    links: dict[str, Link] = {}
    for k in sorted(names):
        n, _, place = k.partition("|")
        canonical, why = decisions.merge.get(n, (n, ""))
        if key(canonical) != n:
            c = key(canonical)
            target = next((t for t in (f"{c}|{place}" if place else c, c) if t in names), None)
            note = f"merged by {decisions.source}"
        elif place and n in decisions.same:
            target, why = (n if n in names else None), decisions.same[n]
            note = f"one person: decided by {decisions.source}"
        else:
            continue
        if target:
            links[k] = Link(target, f"'{names[k]}' is {names[target]}: {note}" + (f" ({why})" if why else ""))
    return links


def automatic(positions: Iterable[dict[str, Any]], decisions: Decisions) -> dict[str, Link]:
    """The links the rule of the module's docstring makes: variants sharing a post, the short
    name fitting one person only, no decision about either name against it."""
    def undecided(person: str) -> bool:
        n = name_of(person)
        return n not in decisions.split and key(decisions.merge.get(n, (n, ""))[0]) == n

    candidates: dict[str, list[Pair]] = {}
    for pair in variant_pairs(positions):
        if _strong(pair) and undecided(pair.short) and undecided(pair.long):
            candidates.setdefault(pair.short, []).append(pair)
    root: dict[str, str] = {}
    links: dict[str, Link] = {}
    # fullest first: a short name's candidates are fuller, so theirs are settled before it
    for short in sorted(candidates, key=fullness):
        pairs = candidates[short]
        roots = {root.get(p.long, p.long) for p in pairs}
        if len(roots) != 1:
            continue  # fits several people: left as a suggestion
        pair = min(pairs, key=lambda p: fullness(p.long))
        root[short] = roots.pop()
        row = pair.long_row
        links[short] = Link(root[short], f"'{pair.short_row['name']}' is {row['name']}: name variants, both "
                                         f"{post_of(row)} of {row['body_name']} (automatic; a 'split' decision "
                                         "for either name keeps them apart)")
    return links


def _rooted(links: dict[str, Link]) -> dict[str, Link]:
    """Each link pointed at the end of its chain (a spelling joined to a name a decision
    merged into another), so that one node stands for the whole person."""
    out = {}
    for k, link in links.items():
        target, seen = link.same_as, {k}
        while target in links and target not in seen:
            seen.add(target)
            target = links[target].same_as
        out[k] = Link(target, link.why)
    return out


def apply(store: Store, decisions: Decisions | None = None) -> Report:
    """Recompute the layer from the store and write what changed, in one transaction (a
    failure leaves the previous layer whole): links made or changed are set, links the
    content no longer supports are removed."""
    cpu = time.process_time()
    positions = store.read(POSITIONS)
    forms = sorted({strip_accents(n) for n in (decisions.written.values() if decisions else ())})
    named = store.read(_NAMED, {"forms": forms}) if forms else []
    links = same_as(positions, decisions, named)
    before = {r["key"]: Link(r["same_as"], r["why"] or "") for r in store.read(_LINKED)}
    changed = [{"key": k, "same_as": v.same_as, "why": v.why} for k, v in sorted(links.items()) if before.get(k) != v]
    gone = sorted(set(before) - set(links))
    statements = ([(_SET, {"rows": changed})] if changed else []) + ([(_CLEAR, {"keys": gone})] if gone else [])
    if statements:
        store.write_batch(statements)
    people = len({r["person"] for r in positions})
    return Report(people, len(links), len(changed), len(gone), time.process_time() - cpu)
