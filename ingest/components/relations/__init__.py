"""``vn_relations``: facts between mentions, each with the sentence that states it and the
rule that made it (``Fact.rule``, e.g. "positions.title_chain").

One module per relation family, each a set of functions from the sentence ``Context`` to facts:
``positions`` (CHAIRED / HOLDS of bodies), ``presiding`` (CHAIRED of events), ``issuing``
(ISSUED), ``signing`` (SIGNED), ``references`` (REFERENCES), ``tasks`` (ASSIGNS), ``ad_hoc``
(positions taken in ad hoc bodies: "do X làm Trưởng ban").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..gaz import GazIndex, doc_text
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


__all__ = ["Context", "implied_body", "vn_relations"]


@Language.component("vn_relations")
def vn_relations(doc: Doc) -> Doc:
    ctx = Context(
        doc=doc,
        text=doc_text(doc),
        gaz=GazIndex(doc),
        sentences=sentence_spans(doc),
        persons=list(doc._.persons or []),
        bodies=[s._.body_mention for s in doc.spans.get("bodies", [])],
        docs=[s._.doc_mention for s in doc.spans.get("documents", [])],
        loose_titles=list(doc._.title_mentions or []),
    )
    doc._.facts = (
        positions(ctx) + issued(ctx) + signed(ctx) + signature_block(ctx) + references(ctx) + assigns(ctx) + presided(ctx)
        + lead_role(ctx) + member_list(ctx) + members_listed(ctx) + joined(ctx)
    )
    return doc
