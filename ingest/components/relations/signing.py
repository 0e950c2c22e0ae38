"""SIGNED: "<person> (vừa|đã) ký [ban hành] ... <number>", also when the numbers come in the
following paragraphs ("ký các Quyết định ..."), a title standing for the article's only holder
of it ("Phó Thủ tướng đã ký"), and a legal text's signature block, which also states the
signer's post (``positions.signature_block``)."""

from __future__ import annotations

import re
from dataclasses import replace

from ...mentions import DocMention, Fact, PersonMention
from ...numbers import same_type
from ...gazetteer import vocabulary_cache
from ...triggers import alternation, scanner, words
from ..gaz import name_at
from .context import Context, implied_body


@vocabulary_cache
def _ky() -> re.Pattern[str]:
    """The signing verb, lower case only ("Ký" with a capital is a name syllable), not after
    the words that make it something else ("đăng ký", "chữ ký")."""
    not_after = "".join(f"(?<!{re.escape(w)} )" for w in words("not_signing"))
    return scanner(rf"{not_after}(?<!\w){alternation('signing')}", words("signing"), 0)


def _signer(ctx: Context, s: int, pos: int) -> PersonMention | None:
    before = [p for p in ctx.persons if s <= p.start < pos]
    if before:
        return before[-1]
    titles = [t for t in ctx.loose_titles if s <= t.start < pos]
    if not titles:
        return None
    t = titles[-1]
    holders = {p.name: p for p in ctx.persons if any(x.canon.startswith(t.canon) for x in p.titles)}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _coordinated(docs: list[DocMention], text: str) -> list[DocMention]:
    """The first document and those joined to it by "và" / commas ("Quyết định 1666 và 1668")."""
    out = docs[:1]
    for d in docs[1:]:
        if not re.fullmatch(r"\s*(?:,|và)\s*(?:[^\W\d_]+\s+){0,3}(?:số\s*)?", text[out[-1].end : d.start], re.I):
            break
        out.append(d)
    return out


#: between a number and its signer: an optional date, then "do" or "được", then titles only
_BY = re.compile(r"\s*,?\s*(?:ngày\s+[\d/\-]+(?:\s*năm\s*\d{4})?\s*,?\s*)?(?:do|được)\s+[^,;.]*", re.I)


def _names(word_code: str | None, d: DocMention) -> bool:
    """Does the type word after "ký" name this number? "văn bản" names any; "Công văn" also a
    letter, whose number carries no type code ("ký Công văn số 1234/BYT-KCB")."""
    if not word_code:
        return True
    return same_type(word_code, d.type_code) or (d.type_code is None and word_code == "CV")


def signed(ctx: Context) -> list[Fact]:
    facts = []
    for m in _ky().finditer(ctx.text):
        s, e = ctx.sentence(m.start())
        signer = _signer(ctx, s, m.start())
        if signer is None:
            continue
        t = re.compile(r"\s+(các\s+)?").match(ctx.text, m.end())
        dt = ctx.gaz.at(t.end(), "DOCTYPE") if t else None
        docs = [d for d in ctx.docs if m.end() <= d.start < e]
        if dt:
            # "ký quyết định ban hành kế hoạch ... Nghị quyết 248/2025": what is signed is
            # the named type; later numbers of other types are only cited
            docs = _coordinated([d for d in docs if _names(dt.ident, d)], ctx.text)
            if not docs:
                later = [d for d in ctx.docs if d.start >= e and _names(dt.ident, d)]
                docs = later if t.group(1) else later[:1]
        if not docs:
            # "Quyết định số 12/QĐ-UBND (ngày 5/3) do / được Phó Chủ tịch UBND tỉnh Nguyễn Văn A ký"
            before = [d for d in ctx.docs if s <= d.start and d.end <= signer.start]
            if before and _BY.fullmatch(ctx.text, before[-1].end, signer.start):
                docs = [before[-1]]
        for d in docs:
            facts.append(Fact("SIGNED", signer, d, (s, e), {}, "signing.ky"))
    return facts


#: the mark of a copy's signature written before the name on its line
_SIGNED_MARK = re.compile(r"(?:\(?\s*đã\s+ký\s*\)?\s*:?\s*)?", re.I)
_SIGN_MARK = re.compile(r"^\s*(?:T/M|(?:TM|KT|Q|TL|TUQ)\s*\.)\s*\S", re.M)  # "T/M" needs no dot


def signature_block(ctx: Context) -> list[Fact]:
    """A legal text's signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH /
    Nguyễn Văn A" signs the text's own document. The name stands alone on its line."""
    own = ctx.doc._.own_document
    if own is None:
        return []
    for mark in _SIGN_MARK.finditer(ctx.text):
        lines = ctx.text[mark.start() :].split("\n")[:8]
        pos = mark.start()
        for line in lines:
            start = pos + len(line) - len(line.lstrip())
            start = _SIGNED_MARK.match(ctx.text, start).end()  # "Đã ký: Nguyễn Văn A"
            hit = name_at(ctx.text, start)
            if hit and not ctx.text[hit[1] : pos + len(line)].strip(" |"):
                signer = PersonMention(hit[0], hit[1], hit[2], [])
                ctx.persons.append(signer)
                post = _signers_post(ctx, signer, own, mark.start())
                return [Fact("SIGNED", signer, own, ctx.sentence(hit[0]), {}, "signing.signature_block"), *post]
            pos += len(line) + 1
    return []


#: the marks of a signature block before a title ("KT. CHỦ TỊCH"); "Q." stays with it, it says acting
_BLOCK_MARK = re.compile(r"(?:T/M|(?:TM|KT|TL|TUQ)\s*\.)\s*", re.I)
#: signing by order of the head ("TL. BỘ TRƯỞNG / VỤ TRƯỞNG ..."): the signer heads an organ the
#: block does not name, never the body of the heading
_BY_ORDER = re.compile(r"^\s*(?:TL|TUQ)\s*\.", re.M)


def _signers_post(ctx: Context, signer: PersonMention, own: DocMention, block: int) -> list[Fact]:
    """"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Nguyễn Văn A": the title written alone on the
    last title line above the name is the signer's post in the body the text's heading names
    above its number ("ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN / Số: ..."), or in the body the title itself
    implies ("PHÓ THỦ TƯỚNG": Chính phủ). No heading body, a title with more words on its line
    ("VỤ TRƯỞNG VỤ PHÁP CHẾ") or a block signed by order ("TL.", "TUQ."): no post."""
    titles = [t for t in ctx.loose_titles if block <= t.start < signer.start]
    if not titles or _BY_ORDER.search(ctx.text, block, signer.start):
        return []
    t = titles[-1]
    line_start = ctx.text.rfind("\n", 0, t.start) + 1
    line_end = ctx.text.find("\n", t.end)
    if ctx.text[t.end : line_end if line_end >= 0 else len(ctx.text)].strip():
        return []
    lead = _BLOCK_MARK.match(ctx.text, line_start)
    written = ctx.text[lead.end() if lead else line_start : t.end].strip()
    heading = [b for b in ctx.bodies if b.end <= own.start and not b.generic]
    body = implied_body(t.canon, t.start, t.end, ctx.text) or (heading[-1] if heading else None)
    if body is None:
        return []
    signer.titles.append(replace(t, surface=written, body=body))
    rel = "CHAIRED" if t.role == "head" else "HOLDS"
    # the evidence runs from the title's line to the name's
    return [Fact(rel, signer, body, (line_start, ctx.sentence(signer.start)[1]), {"title": written}, "positions.signature_block")]

