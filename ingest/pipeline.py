"""The spaCy pipeline: a blank Vietnamese-syllable pipeline, gazetteer SpanRuler, and the
registered components that turn matches into mentions and facts.

No model is downloaded: the tokenizer splits on syllables (pyvi's word segmentation splits
names unpredictably), the vocabulary comes from the YAML gazetteers in ``ingest/data`` as
SpanRuler phrase patterns, and the components are rules (see ``ingest/components``).

    nlp = build_nlp()
    doc = nlp(match_text(article.text))
    doc.spans["documents"], doc.spans["bodies"], doc.spans["persons"], doc._.facts
"""

from __future__ import annotations

import re
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .components.gaz import remember_text
from .gazetteer import load, validate_all, vocabulary_cache
from .normalize import clean_name

#: syllables, numbers (with their inner separators), code-like words ("TT&TT"), punctuation
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:&[^\W_]+)*|\S")
#: a token with the single space that may follow it, or a run of other whitespace: one
#: ``findall`` does the splitting (a Python loop over matches was a sixth of extraction time)
_PIECES = re.compile(rf"((?:{_TOKEN.pattern}))( ?)|(\s+)")


class SyllableTokenizer:
    """Whitespace-and-punctuation tokenizer: one token per Vietnamese syllable."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        # one pass that is exact by construction (news text is full of double spaces and line
        # breaks, so a quick split-then-verify fell back to this on nearly every article)
        return remember_text(_exact(self.vocab, text), text)

    # spaCy serialises tokenizers; this one has no state beyond its vocab
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> "SyllableTokenizer":
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> "SyllableTokenizer":
        return self


def _exact(vocab: Vocab, text: str) -> Doc:
    """Tokens that reproduce the text exactly: one space after a token is its trailing space,
    any other run of whitespace is a space token (a trailing run stays whole)."""
    body = text.rstrip()
    pieces = _PIECES.findall(body)  # (token, " " or "", "") or ("", "", whitespace run)
    words = [word or gap for word, _, gap in pieces]
    spaces = [space == " " for _, space, _ in pieces]
    if len(body) < len(text):
        words.append(text[len(body) :])
        spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


@spacy.registry.tokenizers("vn_syllables.v1")
def create_syllable_tokenizer():
    def make(nlp: Language) -> SyllableTokenizer:
        return SyllableTokenizer(nlp.vocab)

    return make


def gazetteer_patterns() -> list[dict]:
    """SpanRuler phrase patterns from the YAML gazetteers, labelled by what they name."""
    pats: list[dict] = []

    def add(label: str, phrase: str, ident: str) -> None:
        pats.append({"label": label, "pattern": clean_name(phrase), "id": ident})

    titles = load("titles")
    for t in titles["titles"]:
        add("TITLE", t, t)
    for q in titles["qualifiers"]:
        add("QUALIFIER", q, q)
    for kind, words in titles["prefixes"].items():
        for w in words:
            add("PREFIX", w, kind)
    for h in titles["honorifics"]:
        add("HONORIFIC", h, h)
    bodies = load("bodies")
    # sections written as "canonical name: [other spellings]"
    for label, section in (("CENTRAL", "central"), ("SECTOR", "sectors"), ("SUB", "sub_organs")):
        for name, aliases in bodies[section].items():
            for s in [name, *aliases]:
                add(label, s, name)
                if label == "SECTOR" and " và " in s:  # "Văn hóa, Thể thao & Du lịch"
                    add(label, s.replace(" và ", " & "), name)
    for kind, forms in bodies["local_heads"].items():
        for s in forms:
            add("LOCAL", s, kind)
    for kind, spec in bodies["party_committees"].items():
        add("PARTY", kind, kind)
        for s in spec["also"]:
            add("PARTY_BCH", s, kind)
    for head in bodies["ad_hoc"]["heads"]:
        add("ADHOC", head, head)
    for level, forms in bodies["levels"].items():
        for s in forms:
            add("LEVEL", s, level)
    places = load("places")
    for p in places["cities"] + places["provinces"]:
        add("PLACE", p, clean_name(p))
    for alias, canon in places["aliases"].items():
        add("PLACE", alias, clean_name(canon))
    for word, code in load("doc_types")["words"].items():
        add("DOCTYPE", word, code or "")
    for w in ("Bộ", "Sở"):
        add("ORG_WORD", w, w)
    return pats


#: The pipes in order, each with its factory's config (the one place the order lives). Each
#: reads what the earlier ones left in ``doc.spans`` and adds its own; ``build_nlp`` takes
#: overrides of these configs by pipe name.
PIPELINE: list[tuple[str, str, dict[str, Any]]] = [
    ("vn_sentences", "vn_sentences", {}),
    ("gazetteer", "span_ruler", {"spans_key": "gaz", "phrase_matcher_attr": "LOWER", "validate": True}),
    ("vn_documents", "vn_documents", {}),
    ("vn_bodies", "vn_bodies", {}),
    ("vn_people", "vn_people", {}),
    ("vn_coref", "vn_coref", {}),
    ("vn_relations", "vn_relations", {}),
    ("vn_tenure", "vn_tenure", {}),
]


def build_nlp(config: dict[str, dict[str, Any]] | None = None) -> Language:
    """A fresh pipeline (a few ms per article; build once and reuse: see ``get_nlp``);
    ``config`` overrides pipes' settings by name (``{"vn_bodies": {"ad_hoc_words": 12}}``)."""
    from . import components  # noqa: F401  (registers the factories)

    validate_all()  # a broken vocabulary file stops here, named, before any article is read
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vn_syllables.v1"}}})
    for name, factory, settings in PIPELINE:
        nlp.add_pipe(factory, name=name, config={**settings, **(config or {}).get(name, {})})
    nlp.get_pipe("gazetteer").add_patterns(gazetteer_patterns())
    return nlp


@vocabulary_cache
def get_nlp() -> Language:
    """The process-wide pipeline (building it compiles the gazetteer patterns once)."""
    return build_nlp()
