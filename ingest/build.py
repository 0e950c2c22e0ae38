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
from .identity import Identity, Post, current_decisions, fuller, identify, national_rank, variants
from .limits import snippet
from .mentions import BodyMention, DocMention, EventMention, Fact, PersonMention
from .resolve import BodyIdentity, Jurisdiction, resolve_body, resolve_document, search_form


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
        self._variants: dict[str, str] | None = None
        self._post_cache: dict[str, list[Post]] = {}
        # id(mention) -> (the mention, kept alive so its id is not reused; its identity)
        self._body_cache: dict[int, tuple[BodyMention, BodyIdentity | None]] = {}

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
        article, from all the posts it is written with (and those of its variants)."""
        if self._variants is None:  # once, when every name of the article is known
            self._variants = self._one_post_variants()
        name = self._variants.get(p.name, p.name)
        if name not in self._identities:
            written = [n for n in self.people if self._variants.get(n, n) == name] or [name]
            posts = [post for n in written for post in self._posts(n)]
            ident = identify(name, posts, self.where.dominant, self.decisions)
            others = sorted(n for n in written if n != name)
            if others:
                shared = self._shared_post(name, others[0])
                note = f"'{others[0]}' is {name}: name variants holding one post in this article ({shared})"
                ident = Identity(ident.key, ident.name, ident.place, (*ident.notes, note))
            self._identities[name] = ident
        return self._identities[name]

    def _posts(self, name: str) -> list[Post]:
        """The posts ``name`` is written with in the article, resolved once per name."""
        if name not in self._post_cache:
            out = []
            for q in self.people.get(name, []):
                for t in q.titles:
                    ident = self._resolved(t.body) if t.body is not None else None
                    if ident is None:
                        continue
                    national = national_rank(ident.kind, ident.level, ident.jurisdiction, t.canon)
                    place = self._province(t.body, ident)
                    out.append(Post(place, national, t.role == "head", t.start, f"{t.canon} {ident.name}"))
            self._post_cache[name] = out
        return self._post_cache[name]

    def _province(self, b: BodyMention, ident: BodyIdentity) -> str:
        """The province a body lies in: its own for a province's body, the one in force where
        it is written for a district's ("UBND huyện X" in a story about tỉnh Y)."""
        if ident.level in ("tỉnh", "thành phố"):
            return ident.jurisdiction
        return self.where.at(b.start) if ident.jurisdiction else ""

    def _one_post_variants(self) -> dict[str, str]:
        """Spelling -> the fuller spelling, for names of this article that are variants of one
        another (ingest.identity.variants) and hold one post: same body, same title."""
        out: dict[str, str] = {}
        # variants share their first and last word, accents aside: only those pairs are compared
        groups: dict[tuple[str, str], list[str]] = {}
        for n in sorted(self.people):
            words = search_form(n).split()
            if len(words) >= 2:
                groups.setdefault((words[0], words[-1]), []).append(n)
        for names in groups.values():
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    if variants(a, b) and self._shared_post(a, b):
                        keep = fuller(a, b)
                        out[b if keep == a else a] = keep
        return {n: _final(out, n) for n in out}

    def _shared_post(self, a: str, b: str) -> str:
        """A post (title and body) both names hold in the article, "" when none."""
        held = {p.post for p in self._posts(a)}
        return next((p.post for p in self._posts(b) if p.post in held), "")

    def _resolved(self, b: BodyMention) -> BodyIdentity | None:
        """``resolve_body``, once per mention (identity and the facts ask for the same bodies)."""
        if id(b) not in self._body_cache:
            self._body_cache[id(b)] = (b, resolve_body(b, self.where))
        return self._body_cache[id(b)][1]

    def body(self, b: BodyMention) -> str | None:
        ident = self._resolved(b)
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


def _final(alias: dict[str, str], name: str) -> str:
    """Follow spelling -> fuller spelling to the end (a chain of three variants)."""
    seen = {name}
    while name in alias and alias[name] not in seen:
        name = alias[name]
        seen.add(name)
    return name


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
