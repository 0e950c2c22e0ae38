"""``vn_relations``: facts between mentions, each with the sentence that states it and the
rule that made it (``Fact.rule``, e.g. "positions.title_chain").

One module per relation family, each a set of functions from the sentence ``Context`` to facts:
``positions`` (CHAIRED / HOLDS of bodies), ``presiding`` (CHAIRED of events), ``issuing``
(ISSUED), ``signing`` (SIGNED), ``references`` (REFERENCES), ``tasks`` (ASSIGNS), ``ad_hoc``
(positions taken in ad hoc bodies: "do X làm Trưởng ban").
"""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ...mentions import Fact
from ..gaz import GazIndex, doc_text, mentions_of
from ..sentences import sentence_spans
from .ad_hoc import lead_role, member_list
from .context import Context, implied_body
from .issuing import issued
from .positions import joined, members_listed, positions
from .presiding import presided
from .references import references
from .signing import signature_block, signed
from .tasks import assigns


if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)

Rule = Callable[[Context], list[Fact]]

#: the rule sets by name, in the order their facts are listed (the factory's default)
RULES: dict[str, Rule] = {
    "positions": positions,
    "issued": issued,
    "signed": signed,
    "signature_block": signature_block,
    "references": references,
    "assigns": assigns,
    "presided": presided,
    "lead_role": lead_role,
    "member_list": member_list,
    "members_listed": members_listed,
    "joined": joined,
}


__all__ = ["RULES", "Context", "find_facts", "implied_body", "make_relations"]


@Language.factory("vn_relations", default_config={"rules": list(RULES)})
def make_relations(nlp: Language, name: str, rules: list[str]):  # noqa: ANN201 (a pipe)
    """The ``vn_relations`` pipe, running the rule sets named in ``rules`` (of ``RULES``) in
    that order: a rule writer can switch one off to see what it alone contributes."""
    unknown = [r for r in rules if r not in RULES]
    if unknown:
        raise ValueError(f"{name}: unknown rule set(s) {', '.join(map(repr, unknown))}; known: {', '.join(RULES)}")
    chosen = [RULES[r] for r in rules]

    def vn_relations(doc: Doc) -> Doc:
        return find_facts(doc, chosen)

    return vn_relations


def find_facts(doc: Doc, rules: list[Rule] | None = None) -> Doc:
    """``doc._.facts``: what each rule set finds in the doc's mentions."""
    ctx = Context(
        doc=doc,
        text=doc_text(doc),
        gaz=GazIndex(doc),
        sentences=sentence_spans(doc),
        persons=list(doc._.persons or []),
        bodies=mentions_of(doc, "bodies"),
        docs=mentions_of(doc, "documents"),
        loose_titles=list(doc._.title_mentions or []),
    )
    doc._.facts = [fact for rule in (RULES.values() if rules is None else rules) for fact in rule(ctx)]
    return doc
