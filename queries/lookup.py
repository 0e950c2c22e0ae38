"""The everyday questions as library functions, on any ``Store``.

``graph who-issued``, ``graph person`` and the other question commands are thin wrappers over
these functions, and these functions run the pack queries (``queries/*.cypher``), so the CLI,
library users and Neo4j Browser all get answers from the same tested Cypher.

Arguments are normalised the way stored keys are (document numbers through
``canonical_number``, names through ``clean_name`` / ``key`` / ``strip_accents``) and then
resolved to the stored spelling: "143-kl/tu" finds 143-KL/TU, "Chu Ngoc Anh" finds Chu Ngọc
Anh. When nothing matches, ``NotFound`` carries close stored values to suggest.
"""

from __future__ import annotations

import difflib
from typing import Any, Callable

from graph.store import Store, decode_evidence
from ingest.normalize import clean_name, key, strip_accents
from ingest.numbers import canonical_number

from .packs import run_query

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


# -- normalising arguments ---------------------------------------------------------------------
def document_number(text: str) -> str:
    """A document number as stored: canonical when it parses ("01/ nq-cp" -> "01/NQ-CP"),
    else the cleaned text, so an unparseable argument still reaches the not-found path."""
    return canonical_number(text) or clean_name(text)


def _number_search(text: str) -> str:
    """The Document ``search`` form: lower-case, no spaces."""
    return "".join(clean_name(text).split()).lower()


# -- resolving an argument to the stored spelling ----------------------------------------------
_DOCUMENT_BY_NUMBER = "MATCH (d:Document {number: $value}) RETURN DISTINCT d.number AS value"
_DOCUMENT_BY_SEARCH = "MATCH (d:Document {search: $value}) RETURN DISTINCT d.number AS value"
_PERSON_BY_KEY = "MATCH (p:Person {key: $value}) RETURN p.name AS value"
_PERSON_BY_SEARCH = "MATCH (p:Person {search: $value}) RETURN p.name AS value ORDER BY value"
_PERSON_BY_ALIAS = "MATCH (p:Person) WHERE $value IN p.aliases RETURN p.name AS value ORDER BY value"
_BODY_BY_NAME = "MATCH (b:Body {name: $value}) RETURN b.name AS value"
_BODY_BY_SEARCH = "MATCH (b:Body {search: $value}) RETURN b.name AS value ORDER BY value"
_BODY_BY_ALIAS = "MATCH (b:Body) WHERE $value IN b.aliases RETURN b.name AS value ORDER BY value"
_ALL_VALUES = {
    "document": "MATCH (d:Document) RETURN DISTINCT d.number AS value",
    "person": "MATCH (p:Person) RETURN p.name AS value",
    "body": "MATCH (b:Body) RETURN b.name AS value",
}
_KIND_WORDS = {"document": "document numbered", "person": "person named", "body": "body named"}


def _first_match(store: Store, steps: list[tuple[str, str]], what: str) -> str | None:
    """Run lookups in order of strictness; the first that finds exactly one value wins, one
    that finds several is ambiguous (the user has to pick)."""
    for cypher, value in steps:
        found = sorted({r["value"] for r in store.read(cypher, {"value": value}) if r["value"]})
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise NotFound(f"{what} is ambiguous", found[:10])
    return None


def resolve(store: Store, kind: str, text: str) -> str:
    """The stored number or name that ``text`` means, or ``NotFound`` with suggestions."""
    if not text or not text.strip():
        raise BadQuestion(f"empty {kind}")
    if kind == "document":
        steps = [(_DOCUMENT_BY_NUMBER, document_number(text)), (_DOCUMENT_BY_SEARCH, _number_search(text))]
    elif kind == "person":
        steps = [
            (_PERSON_BY_KEY, key(text)),
            (_PERSON_BY_SEARCH, strip_accents(text)),
            (_PERSON_BY_ALIAS, clean_name(text)),
        ]
    elif kind == "body":
        steps = [
            (_BODY_BY_NAME, clean_name(text)),
            (_BODY_BY_SEARCH, strip_accents(text)),
            (_BODY_BY_ALIAS, clean_name(text)),
        ]
    else:
        raise ValueError(f"unknown kind {kind!r}")
    found = _first_match(store, steps, f"{kind} {text!r}")
    if found is None:
        raise NotFound(f"no {_KIND_WORDS[kind]} {text!r}", suggestions(store, text, kind))
    return found


def suggestions(store: Store, text: str, kind: str, n: int = MAX_SUGGESTIONS) -> list[str]:
    """Stored numbers or names close to ``text`` (difflib), compared accent- and case-free."""
    candidates = [r["value"] for r in store.read(_ALL_VALUES[kind]) if r["value"]]
    fold: Callable[[str], str] = _number_search if kind == "document" else strip_accents
    by_form: dict[str, str] = {}
    for c in sorted(candidates):
        by_form.setdefault(fold(c), c)
    close = difflib.get_close_matches(fold(text), list(by_form), n=n, cutoff=0.6)
    return [by_form[c] for c in close]


# -- evidence ----------------------------------------------------------------------------------
_ARTICLES = (
    "UNWIND $keys AS k MATCH (a:Article {key: k}) "
    "RETURN a.key AS key, a.title AS title, a.url AS url, a.path AS path, a.published AS published"
)


def evidence_rows(store: Store, evidence: list[str]) -> list[dict[str, Any]]:
    """Stored evidence strings as ``{sentence, article, source}``: the sentence as written, the
    article's title, and where to read it (url, else file path). Duplicates dropped."""
    items = decode_evidence(evidence)
    keys = sorted({e["article"] for e in items})
    articles = {r["key"]: r for r in store.read(_ARTICLES, {"keys": keys})} if keys else {}
    out, seen = [], set()
    for e in items:
        if (e["article"], e["sentence"]) in seen:
            continue
        seen.add((e["article"], e["sentence"]))
        a = articles.get(e["article"], {})
        out.append({"sentence": e["sentence"], "article": a.get("title"), "source": a.get("url") or a.get("path")})
    return out


def _strip_evidence(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for a profile section: the evidence list replaced by its size."""
    return [
        {**{k: v for k, v in r.items() if k != "evidence"}, **({"sentences": len(r["evidence"])} if "evidence" in r else {})}
        for r in rows
    ]


# -- the questions -----------------------------------------------------------------------------
def who_issued(store: Store, number: str) -> list[dict[str, Any]]:
    """Who issued document ``number``: one row per (document, issuer, evidence sentence) with
    its type, date, issuing body, signers, the sentence and the article it comes from.

    The sentences are those supporting the ISSUED fact and the signatures, so a document whose
    issuer is implied by its number still shows where it was named.
    """
    number = resolve(store, "document", number)
    issued = run_query(store, "who-issued", {"number": number})
    signed = run_query(store, "who-signed", {"number": number})
    signer_evidence = [e for r in signed for e in r["evidence"]]
    rows = []
    for r in issued:
        head = {k: r[k] for k in ("number", "type", "date", "issued_by", "basis", "signed_by")}
        evidence = evidence_rows(store, list(r["evidence"]) + signer_evidence)
        rows += [{**head, **e} for e in evidence] or [{**head, "sentence": None, "article": None, "source": None}]
    return rows


def who_signed(store: Store, number: str) -> list[dict[str, Any]]:
    """Who signed document ``number``: one row per (signer, evidence sentence)."""
    number = resolve(store, "document", number)
    rows = []
    for r in run_query(store, "who-signed", {"number": number}):
        head = {k: r[k] for k in ("number", "type", "date", "signer", "titles")}
        rows += [{**head, **e} for e in evidence_rows(store, r["evidence"])] or [head]
    if not rows:
        raise NotFound(f"no signer is known for {number}")
    return rows


def _document(row: dict[str, Any]) -> str:
    kind = ", ".join(str(x) for x in (row.get("type"), row.get("date")) if x)
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
    return f"{_document(row)}: signed by {row['signer']}" + (f" ({titles})" if titles else "")


_PERSON = "MATCH (p:Person {name: $name}) RETURN p.name AS name, p.titles AS titles, p.aliases AS aliases"
_BODY = (
    "MATCH (b:Body {name: $name}) RETURN b.name AS name, b.kind AS kind, b.level AS level, "
    "b.jurisdiction AS jurisdiction, b.aliases AS aliases"
)


def person_profile(store: Store, name: str) -> dict[str, list[dict[str, Any]]]:
    """A person's profile in sections: who (name, titles, aliases), positions (bodies and
    titles over time), documents signed, and the dated timeline."""
    name = resolve(store, "person", name)
    return {
        "person": store.read(_PERSON, {"name": name})[:1],
        "positions": run_query(store, "person-positions", {"name": name}),
        "documents": _strip_evidence(run_query(store, "documents-signed-by", {"name": name})),
        "timeline": run_query(store, "person-timeline", {"name": name}),
    }


def body_profile(store: Store, name: str) -> dict[str, list[dict[str, Any]]]:
    """A body's profile in sections: what it is, its heads over time, everyone with a
    position, the documents it issued, and the tasks assigned to it."""
    name = resolve(store, "body", name)
    return {
        "body": store.read(_BODY, {"name": name})[:1],
        "heads": run_query(store, "body-heads", {"body": name}),
        "people": run_query(store, "body-people", {"body": name}),
        "documents": run_query(store, "documents-by-body", {"body": name}),
        "tasks": _strip_evidence(run_query(store, "body-tasks", {"body": name})),
    }


def path(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    """The shortest chain of facts between two officials, one row per step:
    ``{step, from, relationship, to}`` where ``relationship`` shows the edge's direction
    ("-[SIGNED]->" or "<-[ISSUED]-")."""
    a, b = resolve(store, "person", a), resolve(store, "person", b)
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
#: parameter name -> what kind of stored value it names (for normalising and suggesting)
PARAM_KINDS = {"number": "document", "name": "person", "from": "person", "to": "person", "body": "body"}


def normalise_params(params: dict[str, Any]) -> dict[str, Any]:
    """Text parameters spelled as stored: numbers canonical, everything else NFC with one
    tone placement and single spaces."""
    out = {}
    for k, v in params.items():
        if isinstance(v, str):
            v = document_number(v) if PARAM_KINDS.get(k) == "document" else clean_name(v)
        out[k] = v
    return out


def ask(store: Store, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Run pack query ``name`` with normalised parameters. No rows raises ``NotFound``; when a
    parameter names something not stored as given, the closest stored values are suggested."""
    bound = normalise_params(params)
    rows = run_query(store, name, bound)
    if rows:
        return rows
    hints: list[str] = []
    for k, v in bound.items():
        kind = PARAM_KINDS.get(k)
        if kind is None or not isinstance(v, str) or not v:
            continue
        try:
            stored = resolve(store, kind, v)
        except NotFound as exc:
            hints += [f"{k}={s}" for s in exc.suggestions]
            continue
        if stored != v:
            hints.append(f"{k}={stored}")
    given = ", ".join(f"{k}={v}" for k, v in bound.items() if v is not None)
    raise NotFound(f"{name}: no rows" + (f" for {given}" if given else ""), hints[:MAX_SUGGESTIONS])


def expand_evidence(rows: list[dict[str, Any]], sentences_only: bool = False) -> list[dict[str, Any]]:
    """Pack rows with their ``evidence`` columns (stored JSON strings) decoded: full dicts for
    JSON output, or only the sentences for a table or CSV that a person reads."""

    def expand(value: Any) -> Any:
        items = decode_evidence([value] if isinstance(value, str) else value)
        return [e["sentence"] for e in items] if sentences_only else items

    return [{k: expand(v) if k == "evidence" and v else v for k, v in r.items()} for r in rows]
