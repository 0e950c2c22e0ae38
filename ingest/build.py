"""Facts of one article -> nodes and relationships with their provenance: extraction's last
step (``graph`` knows nothing of mentions, facts or spaCy; it stores what this builds).

Every relationship carries the evidence sentence (as written in the stored article text, with
its offsets) and the article id; the ``Graph`` merges repeated sightings, so a caption printed
twice is one fact with one evidence entry, and the same fact from two articles is one fact
with two.
"""

from __future__ import annotations

from typing import Any

from graph.keys import clean_name, collapse, key
from graph.model import Edge, Evidence, Graph, Node, tenure_props

from .clean import Article
from .components.sentences import sentence_at
from .identity import Identity, current_decisions, identify
from .limits import snippet
from .mentions import BodyMention, DocMention, EventMention, Fact, PersonMention
from .resolve import Jurisdiction, resolve_body, resolve_document, search_form


class ArticleGraphBuilder:
    """Builds the graph of one article; ``where`` resolves places for unqualified bodies."""

    def __init__(self, article: Article, where: Jurisdiction, sentences: list[tuple[int, int]] | None = None) -> None:
        self.article = article
        self.where = where
        self.sentences = sentences or []
        self.graph = Graph()
        self.article_id = self.graph.add_node(self._article_node())
        self._mentioned: set[str] = set()
        self.decisions = current_decisions()
        self.people: dict[str, list[PersonMention]] = {}  # every mention of each name, for its identity
        self._identities: dict[str, Identity] = {}

    def _article_node(self) -> Node:
        a = self.article
        name = a.title or collapse(a.text[:80])
        props: dict[str, Any] = {
            "name": name, "title": a.title, "url": a.url, "published": a.published,
            "outlet": a.outlet, "path": a.path, "authors": a.authors,
        }
        return Node("Article", a.id, {k: v for k, v in props.items() if v not in (None, [])})

    def evidence(self, span: tuple[int, int], focus: tuple[int, int]) -> Evidence:
        """The sentence ``span`` as evidence, or a window of it around ``focus`` (the mentions)
        when the sentence is over the limit (``ingest.limits.snippet``)."""
        s, e = snippet(span, focus, self.article.text)
        raw = self.article.text[s:e]
        lead = len(raw) - len(raw.lstrip())
        sentence = raw.strip()
        return Evidence(self.article.id, sentence, s + lead, s + lead + len(sentence))

    # -- nodes ----------------------------------------------------------------------------------
    def person(self, p: PersonMention) -> str:
        ident = self.identity(p)
        titles = [collapse(self.article.text[t.start : t.full_end]) for t in p.titles]
        notes = list(ident.notes)
        surface = collapse(self.article.text[p.start : p.end])
        if key(surface) != key(p.name):  # "ông Hùng", "đồng chí Bí thư" (ingest/components/coref.py)
            notes.append(f"'{surface}' in an article that names one such person: {p.name}")
        props = {
            "name": ident.name, "aliases": [p.name] if p.name != ident.name else [], "titles": titles,
            "search": search_form(ident.name), "identity": notes, "place": ident.place,
        }
        node = Node("Person", ident.key, {k: v for k, v in props.items() if v is not None})
        return self._add(node, p.start, p.end)

    def identity(self, p: PersonMention) -> Identity:
        """Who the mention is (ingest.identity): the same for every mention of a name in the
        article, from the places of all the posts it is written with."""
        if p.name not in self._identities:
            # lazy: places are resolved only for a name that a decision splits by place
            places = (self._place(t.body) for q in self.people.get(p.name, [p]) for t in q.titles if t.body)
            self._identities[p.name] = identify(p.name, places, self.where.dominant, self.decisions)
        return self._identities[p.name]

    def _place(self, b: BodyMention) -> str:
        ident = resolve_body(b, self.where)
        return ident.jurisdiction if ident else ""

    def body(self, b: BodyMention) -> str | None:
        ident = resolve_body(b, self.where)
        if ident is None:
            return None
        surface = collapse(self.article.text[b.start : b.end])
        aliases = [surface] if surface != ident.name and not b.implied else []
        props = {
            "name": ident.name, "aliases": aliases, "kind": ident.kind, "level": ident.level,
            "jurisdiction": ident.jurisdiction, "parent": ident.parent, "search": search_form(ident.name),
        }
        node = Node("Body", ident.key, {k: v for k, v in props.items() if v not in (None, "")})
        node.props.setdefault("aliases", [])
        return self._add(node, b.start, b.end)

    def document(self, d: DocMention) -> str:
        ident = resolve_document(d, self.where)
        surface = collapse(self.article.text[d.start : d.end])
        props = {
            "number": ident.number, "type": d.type_name, "type_code": d.type_code, "issuer_code": d.issuer_code,
            "year": d.year, "date": d.date, "search": search_form(ident.number).replace(" ", ""),
            "aliases": [surface] if surface != ident.number else [],
        }
        node = Node("Document", ident.key, {k: v for k, v in props.items() if v is not None})
        return self._add(node, d.start, d.end)

    def event(self, ev: EventMention) -> str:
        date = ev.date or self.article.published
        node = Node("Event", f"{key(ev.name)}|{date or ''}", {"name": clean_name(ev.name), "aliases": ev.aliases, "date": date})
        node.props = {k: v for k, v in node.props.items() if v not in (None, [])}
        return self._add(node, ev.start, ev.end)

    def _add(self, node: Node, start: int, end: int) -> str:
        nid = self.graph.add_node(node)
        if nid not in self._mentioned:
            self._mentioned.add(nid)
            ev = self.evidence(self._sentence_of(start, end), (start, end))
            self.graph.add_edge(Edge("MENTIONS", self.article_id, nid, self._seen(), [ev]))
        return nid

    def _sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding a mention (its line when sentences are unknown)."""
        found = sentence_at(self.sentences, start)
        if found:
            return found
        text = self.article.text
        line_end = text.find("\n", end)
        return (text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text))

    def _seen(self) -> dict[str, Any]:
        date = self.article.published
        return {"first_seen": date, "last_seen": date} if date else {}

    def node_for(self, m: object) -> str | None:
        if isinstance(m, PersonMention):
            return self.person(m)
        if isinstance(m, BodyMention):
            return self.body(m)
        if isinstance(m, DocMention):
            return self.document(m)
        if isinstance(m, EventMention):
            return self.event(m)
        return None

    # -- facts ----------------------------------------------------------------------------------
    def fact(self, f: Fact) -> None:
        src, dst = self.node_for(f.source), self.node_for(f.target)
        if src is None or dst is None or src == dst:
            return
        props = self._seen()
        if f.rule:
            props["rule"] = f.rule
        if "title" in f.props:
            props.update(title=f.props["title"], titles=[f.props["title"]])
        if "task" in f.props:
            props.update(task=f.props["task"], tasks=[f.props["task"]])
        if "relation" in f.props:
            props.update(relation=f.props["relation"], relations=[f.props["relation"]])
        if f.type == "ISSUED":
            props["basis"] = ["issuer code"] if f.props.get("implied") else ["stated"]
        props.update(self._tenure(f))
        focus = (min(f.source.start, f.target.start), max(f.source.end, f.target.end))
        self.graph.add_edge(Edge(f.type, src, dst, props, [self.evidence(f.sentence, focus)]))


    def _tenure(self, f: Fact) -> dict[str, Any]:
        """Dated-position properties (ingest/components/tenure.py): stated start, end, term and
        the status as of this article's date; a succession names its body as stored."""
        out = {k: f.props[k] for k in tenure_props() if f.props.get(k) is not None}
        if "status" in out and self.article.published:
            out["status_seen"] = self.article.published
        body = f.props.get("body")
        if isinstance(body, BodyMention):
            nid = self.body(body)
            if nid is not None:
                out["body"] = self.graph.nodes[nid].props["name"]
        return out


def article_graph(
    article: Article,
    where: Jurisdiction,
    mentions: list[object],
    facts: list[Fact],
    sentences: list[tuple[int, int]] | None = None,
) -> Graph:
    """The graph of one article: every mention as a node (MENTIONS evidence is the sentence
    it stands in), every fact as a relationship."""
    builder = ArticleGraphBuilder(article, where, sentences)
    for m in [*mentions, *(x for f in facts for x in (f.source, f.target))]:
        if isinstance(m, PersonMention):
            builder.people.setdefault(m.name, []).append(m)
    for m in mentions:
        builder.node_for(m)
    for f in facts:
        builder.fact(f)
    return builder.graph
