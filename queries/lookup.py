"""The everyday questions as library functions, on any ``Store``.

``graph who-issued``, ``graph person`` and the other question commands are thin wrappers over
these functions, and these functions run the pack queries (``queries/*.cypher``), so the CLI,
library users and Neo4j Browser all get answers from the same tested Cypher.

Every argument that names something goes through one resolver (``resolve``, over
``graph.names``), whichever command or pack parameter it arrives by: "143-kl/tu" finds
143-KL/TU, "Chu Ngoc Anh" and "Tuyến" find the people so named, "UBND thành phố Ha Noi" finds
UBND TP Hà Nội. When nothing matches, ``NotFound`` carries close stored values to suggest; when
several things match, ``Ambiguous`` lists them. New lookups (a body as of a date, a person's
identity) take the resolved name and add their own pack query.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from graph.fold import joined_keys
from graph.model import node_id
from graph.names import AmbiguousName, Candidate, NameNotFound, find, suggest
from graph.store import Store, decode_evidence
from ingest.normalize import clean_name, key, strip_accents
from ingest.numbers import canonical_number

from .packs import get_query, run_query

MAX_SUGGESTIONS = 3


class NotFound(LookupError):
    """Nothing matched (CLI exit code 1); ``suggestions`` are close stored values."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions or []

    def __str__(self) -> str:
        if not self.suggestions:
            return self.message
        return f"{self.message}; did you mean {' or '.join(self.suggestions)}?"


class BadQuestion(ValueError):
    """The question cannot be asked as given (CLI exit code 2)."""


class Ambiguous(BadQuestion):
    """A name that means several stored things (CLI exit code 2); ``candidates`` lists them."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


# -- normalising arguments ---------------------------------------------------------------------
def document_number(text: str) -> str:
    """A document number as stored: canonical when it parses ("01/ nq-cp" -> "01/NQ-CP"),
    else the cleaned text, so an unparseable argument still reaches the not-found path."""
    return canonical_number(text) or clean_name(text)


# -- resolving an argument to the stored spelling ----------------------------------------------
# One resolver for every command and pack parameter (graph.names): an indexed exact lookup
# first, so a name typed as stored costs one query; else every stored name of the kind is
# matched by graph.names.find (accents, case, short forms, unique partial names).
#: kind -> the labels it may name
KINDS = {"document": ("Document",), "person": ("Person",), "body": ("Body",),
         "entity": ("Person", "Body", "Document", "Event"), "node": ("Person", "Body", "Document", "Event")}
_OWN_NAME = {"Document": "number"}  # the property a label's nodes are named by (else name)
_KIND_WORDS = {"document": "document numbered", "person": "person named", "body": "body named",
               "entity": "person, body, document or event matches", "node": "person, body, document or event matches"}


def _exact(label: str, text: str) -> tuple[str, str]:
    """The indexed lookup of ``text`` as a ``label`` spells it: (Cypher, value). A person by
    the accent-free form of the name, so that every node of one name (told apart by place)
    is a candidate."""
    if label == "Document":
        return "MATCH (n:Document {number: $value})", document_number(text)
    if label == "Person":
        return "MATCH (n:Person {search: $value})", strip_accents(person_ref(text)[0])
    return f"MATCH (n:{label} {{name: $value}})", clean_name(text)


# -- people of one name told apart by place (ingest.identity) ----------------------------------
#: how a node of a name that other nodes hold with a place is written when it has none
NO_PLACE = "no place"
_QUALIFIED = re.compile(r"^(.*\S)\s*\(([^()]+)\)\s*$")


def qualified(name: str, place: str | None) -> str:
    """How a person is written when the name alone may be several people: "Lê Văn Tâm (Nghệ An)"."""
    return f"{name} ({place})" if place else name


def person_ref(text: str) -> tuple[str, str | None]:
    """A person as typed, split into name and place: "Lê Văn Tâm (Nghệ An)" -> ("Lê Văn Tâm",
    "Nghệ An"); "(no place)" is the node without one (""); a bare name has no place (None)."""
    m = _QUALIFIED.match(text or "")
    if not m:
        return clean_name(text), None
    place = clean_name(m.group(2))
    return clean_name(m.group(1)), "" if key(place) == NO_PLACE else place


def _people(rows: list[dict[str, Any]], kind: str) -> list[Candidate]:
    """Person candidates: a name several nodes hold is shown with each node's place (a name one
    node holds, by the name alone); either way "Name (Place)" or "Name (no place)" finds it."""
    held = Counter(r["name"] for r in rows)
    found = []
    for r in rows:
        if not r["name"]:
            continue
        full = qualified(r["name"], r["place"] or NO_PLACE)
        shown = full if held[r["name"]] > 1 else r["name"]
        answer = node_id("Person", r["key"]) if kind == "node" else shown
        found.append(Candidate(answer, "Person", shown, (r["name"], full), tuple(r["aliases"] or ())))
    return found


def _candidates(store: Store, kind: str, text: str | None = None) -> list[Candidate]:
    """Stored things of ``kind``: those named exactly ``text`` (indexed), or all of them."""
    found: list[Candidate] = []
    for label in KINDS[kind]:
        own = _OWN_NAME.get(label, "name")
        if text is None:
            match, params = f"MATCH (n:{label})", {}
        else:
            match, value = _exact(label, text)
            params = {"value": value}
        if label == "Person":
            found += _people(store.read(f"{match} RETURN n.key AS key, n.name AS name, n.place AS place, "
                                        "n.aliases AS aliases", params), kind)
            continue
        rows = store.read(f"{match} RETURN n.key AS key, n.{own} AS name, n.aliases AS aliases", params)
        for r in rows:
            if not r["name"]:
                continue
            nid = node_id(label, r["key"])
            # person and body answers are names, documents answer with their number (several
            # documents may share it), a view's focus with the node id
            answer = nid if kind == "node" else r["name"]
            found.append(Candidate(answer, label, r["name"], (r["name"],), tuple(r["aliases"] or ())))
    return found


def resolve(store: Store, kind: str, text: str) -> str:
    """What ``text`` names: the stored name (person, body), number (document) or node id
    (``node``). ``NotFound`` with suggestions when nothing matches; ``Ambiguous`` (a
    ``BadQuestion``) naming the candidates when several do."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not text or not text.strip():
        raise BadQuestion(f"empty {kind}")
    if kind == "node" and (by_id := _node_by_id(store, text)):
        return by_id
    try:
        exact = {c.id: c for c in _candidates(store, kind, text)}
        if len(exact) == 1:
            return next(iter(exact))
        return find(text, list(exact.values()) or _candidates(store, kind)).id
    except AmbiguousName as exc:
        raise Ambiguous(str(exc), [c.id for c in exc.candidates]) from None
    except NameNotFound as exc:
        raise NotFound(f"no {_KIND_WORDS[kind]} {text!r}", exc.suggestions[:MAX_SUGGESTIONS]) from None


def _node_by_id(store: Store, text: str) -> str | None:
    """The node ``text`` names by its id, as views and JSON output write it ("Person:chu ngọc
    anh", "Body:thành ủy|thành phố|hà nội"), when one is stored; None for anything else."""
    label, colon, rest = text.strip().partition(":")
    if not colon or label not in KINDS["node"]:
        return None
    rows = store.read(f"MATCH (n:{label} {{key: $key}}) RETURN n.key AS key", {"key": key(rest)})
    return node_id(label, rows[0]["key"]) if rows else None


def suggestions(store: Store, text: str, kind: str, n: int = MAX_SUGGESTIONS) -> list[str]:
    """Stored numbers or names close to ``text`` (graph.names.suggest)."""
    return suggest(text, _candidates(store, kind), n)


# -- evidence ----------------------------------------------------------------------------------
_ARTICLES = (
    "UNWIND $keys AS k MATCH (a:Article {key: k}) RETURN a.key AS key, a.title AS title, a.url AS url, a.path AS path"
)


def _distinct(evidence: list[str]) -> list[dict[str, Any]]:
    """Stored evidence strings decoded, a sentence an article states twice kept once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for e in decode_evidence(evidence):
        if (e["article"], e["sentence"]) not in seen:
            seen.add((e["article"], e["sentence"]))
            out.append(e)
    return out


def evidence_groups(store: Store, groups: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Each fact's evidence (``_distinct``) as ``{sentence, article, source}``: the sentence as
    written, the article's title, and where to read it (url, else file path). One article
    lookup serves all the facts: a number that dozens of documents share costs one query, not
    one per document."""
    keys = sorted({e["article"] for items in groups for e in items})
    articles = {r["key"]: r for r in store.read(_ARTICLES, {"keys": keys})} if keys else {}
    out = []
    for items in groups:
        cited = [(e, articles.get(e["article"], {})) for e in items]
        out.append([{"sentence": e["sentence"], "article": a.get("title"), "source": a.get("url") or a.get("path")} for e, a in cited])
    return out


def _strip_evidence(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for a profile section: the evidence list replaced by its size."""
    return [
        {**{k: v for k, v in r.items() if k != "evidence"}, **({"sentences": len(r["evidence"])} if "evidence" in r else {})}
        for r in rows
    ]


# -- the questions -----------------------------------------------------------------------------
#: evidence sentences ``who_issued`` gives each document (``who_signed`` each signer) unless
#: asked for all: a number that dozens of documents share would otherwise answer with hundreds
#: of rows (25 a fact, the cap)
EVIDENCE_PER_DOCUMENT = 3


def _document_rows(store: Store, pack: str, number: str) -> list[dict[str, Any]]:
    """The rows of pack ``pack`` for ``number``: asked as typed (canonical) first, which is
    what ``resolve`` would answer whenever a document has that number, so a known number costs
    one query; only a miss goes through ``resolve`` (close numbers, suggestions)."""
    found = run_query(store, pack, {"number": document_number(number)}) if number and number.strip() else []
    return found or run_query(store, pack, {"number": resolve(store, "document", number)})


def who_issued(store: Store, number: str, evidence: int | None = EVIDENCE_PER_DOCUMENT) -> list[dict[str, Any]]:
    """Who issued document ``number``: one row per (document, issuer, evidence sentence) with
    the document's key, type, year, date, issuing body, signers, the sentence and its article,
    and ``sentences``, how many distinct sentences support the document's ISSUED and SIGNED
    facts; at most ``evidence`` of them are given a row (None: all).

    Numbers repeat (``143-KL/TU`` of Hà Nội and of Bắc Ninh are two documents), so each
    document is answered on its own: its issuer, its signers, and only the sentences that
    support its ISSUED and SIGNED facts (a document whose issuer is implied by its number
    still shows where it was named). Rows come grouped by document, by year then issuer.
    """
    found = _document_rows(store, "who-issued", number)
    return _evidenced(store, found, ("number", "document", "type", "year", "date", "issued_by", "basis", "signed_by"),
                      evidence)


def who_signed(store: Store, number: str, evidence: int | None = EVIDENCE_PER_DOCUMENT) -> list[dict[str, Any]]:
    """Who signed document ``number``: one row per (document, signer, evidence sentence), at
    most ``evidence`` sentences a signer (None: all; ``sentences`` counts them); the
    ``document`` key tells apart documents that share the number. A signer written in a
    spelling the identity layer joined to a fuller one (``ingest.sameas``) has that name in
    ``signer_same_as``."""
    found = _document_rows(store, "who-signed", number)
    if not found:
        raise NotFound(f"no signer is known for {document_number(number)}")
    pairs = [{"document": r["document"], "signer": r["signer"]} for r in found]
    joined = {(j["document"], j["signer"]): j["name"] for j in store.read(_JOINED_SIGNERS, {"pairs": pairs})}
    for r in found:
        if (r["document"], r["signer"]) in joined:
            r["signer_same_as"] = joined[(r["document"], r["signer"])]
    head = ("number", "document", "type", "year", "date", "signer", "titles")
    return _evidenced(store, found, head, evidence, optional=("signer_same_as",))


_JOINED_SIGNERS = (
    "UNWIND $pairs AS s MATCH (d:Document {key: s.document})<-[:SIGNED]-(p:Person {name: s.signer}) "
    "WHERE p.same_as IS NOT NULL MATCH (q:Person {key: p.same_as}) "
    "RETURN s.document AS document, s.signer AS signer, q.name AS name"
)


def _evidenced(store: Store, found: list[dict[str, Any]], head: tuple[str, ...], evidence: int | None,
               optional: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Pack rows (``head`` columns, ``optional`` ones where present, and ``evidence``) as one
    row per evidence sentence shown, the first ``evidence`` of each (None: all), each row with
    ``sentences``, how many the fact has; a fact without any keeps one row with no sentence."""
    said = [_distinct(r["evidence"]) for r in found]
    cited = evidence_groups(store, [items[:evidence] for items in said])
    rows = []
    for r, items, shown in zip(found, said, cited):
        fact = {**{k: r[k] for k in head}, **{k: r[k] for k in optional if k in r}, "sentences": len(items)}
        rows += [{**fact, **e} for e in shown] or [{**fact, "sentence": None, "article": None, "source": None}]
    return rows


def evidence_cut(rows: list[dict[str, Any]]) -> tuple[int, int]:
    """(sentences given, sentences known) over the facts of ``who_issued`` or ``who_signed``
    rows: the two differ when a fact had more than its share."""
    given = sum(1 for r in rows if r.get("sentence"))
    known = sum({(r["document"], r.get("issued_by"), r.get("signer")): r["sentences"] for r in rows}.values())
    return given, known


def documents_sharing_a_number(rows: list[dict[str, Any]]) -> int:
    """How many distinct documents the rows of ``who_issued``/``who_signed`` are about."""
    return len({r.get("document") for r in rows})


def _document(row: dict[str, Any]) -> str:
    when = row.get("date") or row.get("year")
    kind = ", ".join(str(x) for x in (row.get("type"), when) if x)
    return f"{row['number']} ({kind})" if kind else row["number"]


def describe_issue(row: dict[str, Any]) -> str:
    """A ``who_issued`` row as one sentence: "143-KL/TU (Kết luận): issued by Thành ủy Hà Nội
    (implied by the number's issuer code), signed by Nguyễn Thị Tuyến"."""
    issuer = row.get("issued_by") or "an issuer not known"
    implied = " (implied by the number's issuer code)" if row.get("basis") == ["issuer code"] else ""
    signers = ", ".join(row.get("signed_by") or []) or "a signer not known"
    return f"{_document(row)}: issued by {issuer}{implied}, signed by {signers}"


def describe_signature(row: dict[str, Any]) -> str:
    """A ``who_signed`` row as one sentence: "84/KH-UBND (Kế hoạch): signed by Chu Ngọc Anh
    (Phó Bí thư Thành ủy; Chủ tịch UBND TP Hà Nội)"."""
    titles = "; ".join(row.get("titles") or [])
    same = f", that is {row['signer_same_as']}," if row.get("signer_same_as") else ""
    return f"{_document(row)}: signed by {row['signer']}{same}" + (f" ({titles})" if titles else "")


#: one person as ``person_params`` gives them (the person packs start the same way)
PERSON_MATCH = "MATCH (p:Person {name: $name}) WHERE $place IS NULL OR coalesce(p.place, '') = $place"
_PERSON = f"{PERSON_MATCH} RETURN p.name AS name, p.place AS place, p.titles AS titles, p.aliases AS aliases"
_BODY = (
    "MATCH (b:Body {name: $name}) RETURN b.name AS name, b.kind AS kind, b.level AS level, "
    "b.jurisdiction AS jurisdiction, b.aliases AS aliases"
)


def person_profile(store: Store, name: str) -> dict[str, list[dict[str, Any]]]:
    """A person's profile in sections: who (name, titles, aliases), positions (bodies and
    titles over time), documents signed, and the dated timeline: of one person, even when others
    hold the same name in other places, and of every spelling joined to them (``ingest.sameas``;
    rows then say which spelling, ``as``)."""
    group = person_group(store, name)
    return {
        "person": _joined_person(store, group),
        "positions": _sorted(_of_group(store, "person-positions", group), ("first_seen", "role", "body")),
        "documents": _strip_evidence(_sorted(_sorted(_of_group(store, "documents-signed-by", group), ("number",)),
                                             ("date",), newest_first=True)),
        "timeline": _sorted(_of_group(store, "person-timeline", group), ("date", "what", "detail")),
    }


def person_params(store: Store, text: str) -> dict[str, Any]:
    """The one person ``text`` means, as the person packs take it: ``name`` and ``place``
    ("" for the node without a place, None when the name is one node's alone)."""
    name, place = person_ref(resolve(store, "person", text))
    return {"name": name, "place": place}


_ME = (f"{PERSON_MATCH} RETURN p.key AS key, coalesce(p.same_as, p.key) AS root, p.name AS name, p.place AS place, "
       "p.same_as_why AS why")
_NODES = ("UNWIND $keys AS k MATCH (p:Person {key: k}) "
          "RETURN p.key AS key, p.name AS name, p.place AS place, p.same_as_why AS why")


def joined_names(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows about people (``name``, ``same_as``) with each joined spelling's ``name`` replaced
    by the name of the node it is joined to (``ingest.sameas``), the spelling kept as ``written``."""
    keys = sorted({r["same_as"] for r in rows if r.get("same_as")})
    names = {r["key"]: r["name"] for r in store.read(_NODES, {"keys": keys})} if keys else {}
    out = []
    for r in rows:
        row = {k: v for k, v in r.items() if k != "same_as"}
        out.append({**row, "name": names[r["same_as"]], "written": r["name"]} if names.get(r.get("same_as")) else row)
    return out


def person_group(store: Store, text: str) -> list[dict[str, Any]]:
    """The stored nodes that are the one person ``text`` means: the node standing for them
    first, then the spellings the identity layer joined to it (``ingest.sameas``). Each has
    ``key``, ``name``, ``place``, ``why`` (how it was joined) and ``params`` for the person packs."""
    who = person_params(store, text)
    found = store.read(_ME, who)
    if not found:
        raise NotFound(f"no person named {text!r}")
    me = found[0]
    keys = joined_keys(store, me["key"], me["root"])
    if keys == [me["key"]]:  # alone (most people): exactly as typed, place None when the name is one node's
        return [{k: me[k] for k in ("key", "name", "place", "why")} | {"params": who}]
    nodes = {r["key"]: r for r in store.read(_NODES, {"keys": keys})}
    group = [nodes[k] for k in keys if k in nodes]
    return [{**n, "params": {"name": n["name"], "place": n["place"] or ""}} for n in group]


def _of_group(store: Store, query: str, group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A person pack's rows for every node of ``group``; with several, each row says which
    spelling it is about (``as``)."""
    if len(group) == 1:
        return run_query(store, query, group[0]["params"])
    return [{**r, "as": m["name"]} for m in group for r in run_query(store, query, m["params"])]


def _sorted(rows: list[dict[str, Any]], fields: tuple[str, ...], newest_first: bool = False) -> list[dict[str, Any]]:
    """Rows of several nodes in the packs' order: by ``fields``, empty values last."""
    def order(r: dict[str, Any]) -> tuple:
        return tuple((r.get(f) is None, str(r.get(f) or "")) for f in fields)

    if not newest_first:
        return sorted(rows, key=order)
    dated = sorted((r for r in rows if r.get(fields[0]) is not None), key=order, reverse=True)
    return dated + [r for r in rows if r.get(fields[0]) is None]


def _joined_person(store: Store, group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``person`` section: the node standing for the group, with the titles of all its
    nodes and the other spellings among its aliases."""
    rows = [r for m in group for r in store.read(_PERSON, m["params"])[:1]]
    if len(rows) <= 1:
        return rows
    head = dict(rows[0])
    for field, extra in (("titles", [t for r in rows[1:] for t in r["titles"] or []]),
                         ("aliases", [a for r in rows[1:] for a in [r["name"], *(r["aliases"] or [])]])):
        head[field] = list(dict.fromkeys([*(head[field] or []), *(x for x in extra if x != head["name"])]))
    return [head]


_JOINED_HOLDERS = ("MATCH (b:Body {name: $body})<-[:CHAIRED|HOLDS]-(p:Person) WHERE p.same_as IS NOT NULL "
                   "RETURN DISTINCT p.name AS name, p.same_as AS same_as")


def body_profile(store: Store, name: str) -> dict[str, list[dict[str, Any]]]:
    """A body's profile in sections: what it is, its heads over time, everyone with a
    position (a spelling joined to another under the name of the person: ``written`` keeps
    it), the documents it issued, and the tasks assigned to it."""
    name = resolve(store, "body", name)
    joined = {r["name"]: r["same_as"] for r in store.read(_JOINED_HOLDERS, {"body": name})}

    def one_per_person(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return joined_names(store, [{**r, "same_as": joined.get(r["name"])} for r in rows]) if joined else rows

    return {
        "body": store.read(_BODY, {"name": name})[:1],
        "heads": one_per_person(run_query(store, "body-heads", {"body": name})),
        "people": one_per_person(run_query(store, "body-people", {"body": name})),
        "documents": run_query(store, "documents-by-body", {"body": name}),
        "tasks": _strip_evidence(run_query(store, "body-tasks", {"body": name})),
    }


def path(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    """The shortest chain of facts between two officials, one row per step:
    ``{step, from, relationship, to}`` where ``relationship`` shows the edge's direction
    ("-[SIGNED]->" or "<-[ISSUED]-")."""
    # by name: the pack follows any node of the name (one name, several people: any of them)
    a, b = (person_ref(resolve(store, "person", x))[0] for x in (a, b))
    if a == b:
        raise BadQuestion(f"both ends are {a}")
    found = run_query(store, "shortest-path", {"from": a, "to": b})
    if not found:
        raise NotFound(f"no chain of facts links {a} and {b}")
    p = found[0]
    nodes, rels, starts = p["nodes"], p["relationships"], p["starts"]
    steps = []
    for i, rel in enumerate(rels):
        forward = starts[i] == nodes[i]
        arrow = f"-[{rel}]->" if forward else f"<-[{rel}]-"
        steps.append({"step": i + 1, "from": nodes[i], "relationship": arrow, "to": nodes[i + 1]})
    return steps


def search(store: Store, text: str) -> list[dict[str, Any]]:
    """People, bodies and documents whose accent-free name or number contains ``text``."""
    folded = strip_accents(text)
    if not folded.strip():
        raise BadQuestion("empty search text")
    rows = run_query(store, "search", {"text": folded})
    if not rows:
        close = []
        for kind in ("person", "body", "document"):
            close += suggestions(store, text, kind)
        raise NotFound(f"nothing matches {text!r}", close[:MAX_SUGGESTIONS])
    return rows


# -- pack queries from the CLI -----------------------------------------------------------------
#: parameter name -> what kind of stored thing it names (resolved like the question commands)
PARAM_KINDS = {"number": "document", "name": "person", "from": "person", "to": "person", "body": "body",
               "entity": "entity"}


def normalise_params(store: Store, params: dict[str, Any]) -> dict[str, Any]:
    """Parameters as the packs expect them: a parameter that names something (``PARAM_KINDS``)
    resolved to the stored name or number by ``resolve``, like ``graph person`` or ``graph
    body`` would; other text NFC with one tone placement and single spaces."""
    out = {}
    for k, v in params.items():
        if isinstance(v, str) and v.strip() and k in PARAM_KINDS:
            try:
                v = resolve(store, PARAM_KINDS[k], v)
            except NotFound as exc:
                raise NotFound(f"{exc.message} (--param {k})", [f"{k}={s}" for s in exc.suggestions]) from None
            if PARAM_KINDS[k] == "person":  # "Lê Văn Tâm (Nghệ An)": the name, and the place if the pack takes one
                v, place = person_ref(v)
                if "place" in params and params["place"] is None:
                    out["place"] = place
        elif isinstance(v, str) and k not in out:
            v = clean_name(v)
        out.setdefault(k, v)
    return out


def ask(store: Store, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Run pack query ``name`` with its named parameters resolved (``normalise_params``).
    A name that matches nothing raises ``NotFound`` with close stored values, one that matches
    several ``Ambiguous``; no rows raises ``NotFound``."""
    # an unknown query or parameter is a usage error before any lookup
    bound = normalise_params(store, get_query(name).bind(params))
    rows = run_query(store, name, bound)
    if rows:
        return rows
    given = ", ".join(f"{k}={v}" for k, v in bound.items() if v is not None)
    raise NotFound(f"{name}: no rows" + (f" for {given}" if given else ""))


def expand_evidence(rows: list[dict[str, Any]], sentences_only: bool = False) -> list[dict[str, Any]]:
    """Pack rows with their ``evidence`` columns (stored JSON strings) decoded: full dicts for
    JSON output, or only the sentences for a table or CSV that a person reads."""

    def expand(value: Any) -> Any:
        items = decode_evidence([value] if isinstance(value, str) else value)
        return [e["sentence"] for e in items] if sentences_only else items

    return [{k: expand(v) if k == "evidence" and v else v for k, v in r.items()} for r in rows]
