"""``vn_relations``: facts between mentions, each with the sentence that states it.

* CHAIRED / HOLDS  a person's titles with their bodies (a head title chairs; others hold);
                   a title with no body written may imply one ("Thủ tướng" -> Chính phủ).
* CHAIRED (event)  "<person> ... chủ trì <Hội nghị ...>".
* ISSUED           "<number> [ngày ...] của <body>", coordinated numbers sharing it, "<type word> của
                   <body> ... (<type word> số <number>)", "<body> vừa ban hành/có <type> số <number>",
                   "tại <number>, <body> phê chuẩn", the legal text's own number with its enacting
                   body; otherwise the number's issuer code with the article's jurisdiction
                   (marked ``implied``), resolved later.
* SIGNED           "<person> (vừa|đã) ký [ban hành] ... <number>", also when the numbers come in the
                   following paragraphs ("ký các Quyết định ..."), and a title standing for the
                   article's only holder of it ("Phó Thủ tướng đã ký").
* REFERENCES       "<number A> ... thực hiện / triển khai / cụ thể hóa / căn cứ ... <number B>".
* ASSIGNS          "<body A> giao / yêu cầu / chỉ đạo <body B> ...", "Theo kế hoạch, <body> chủ trì".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import load
from ..numbers import same_type
from ..mentions import BodyMention, DocMention, EventMention, Fact, PersonMention, TitleMention
from .gaz import GazIndex, doc_text, name_at
from .sentences import sentence_at, sentence_spans

if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)

# lower-case only: "Ký" with a capital is a name syllable ("Nguyễn Xuân Ký")
_KY = re.compile(r"(?<!đăng )(?<!chữ )\bký\b(?:\s+ban\s+hành)?")
_CUA = re.compile(r"\s*(?:,\s*)?(?:ngày\s+[^,;.()]{1,40}?\s*,?\s*)?(?:do\s+|của\s+)", re.I)
_COORD = re.compile(r"\s*(?:,|và|;)\s*", re.I)
_SUBJ_VERB = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?(?:đã\s+|vừa\s+|mới\s+)*(?:ký\s+)?(?:ban hành|có|ra|phát hành|công bố)\s+", re.I
)
_ENACT = re.compile(r"\s*(?:đã\s+|vừa\s+)?(?:ban hành|quy định|quyết định|quyết nghị|kết luận)\b", re.I)
_AT_DOC = re.compile(r"\s*(?:ngày\s+[^,;.()]{1,40}?)?\s*,\s*", re.I)
_AT_VERB = re.compile(r"\s*(?:đã\s+|vừa\s+)?(?:phê chuẩn|quyết định|ban hành|kết luận|chỉ thị|quy định|giao)\b", re.I)
_REF_WORDS = re.compile(
    r"\b(thực hiện|triển khai|cụ thể hóa|căn cứ|sửa đổi|bổ sung|thay thế|hướng dẫn|quán triệt|thi hành)\b", re.I
)
_CAN_CU = re.compile(r"^\s*[-–]?\s*căn cứ\b", re.I)
_ASSIGN_VERB = re.compile(r"\s+(giao|yêu cầu|phân công|chỉ đạo|đề nghị|giao cho)\s+", re.I)
_THEO = re.compile(r"\btheo\s+(kế hoạch|quyết định|nghị quyết|chỉ thị|kết luận|chương trình|đề án)\s*,\s*", re.I)
_CHU_TRI = re.compile(r"\s+(?:sẽ\s+)?chủ trì\b", re.I)
_PRESIDE = re.compile(
    r"\bchủ trì\s+((?:các\s+)?(?:hội nghị|buổi làm việc|buổi tiếp|phiên họp|cuộc họp|kỳ họp|buổi lễ|lễ|hội thảo|tọa đàm|"
    r"buổi gặp|cuộc gặp|đoàn)\b[^.;\n]*)",
    re.I,
)


@dataclass
class Context:
    doc: Doc
    text: str
    gaz: GazIndex
    sentences: list[tuple[int, int]]
    persons: list[PersonMention]
    bodies: list[BodyMention]
    docs: list[DocMention]
    loose_titles: list[TitleMention]

    def sentence(self, pos: int) -> tuple[int, int]:
        return sentence_at(self.sentences, pos) or (0, len(self.text))

    def body_at(self, pos: int) -> BodyMention | None:
        pos = self.gaz.skip(pos)
        return next((b for b in self.bodies if b.start == pos), None)

    def bodies_from(self, pos: int) -> list[BodyMention]:
        """A body at ``pos`` and those coordinated with it ("Bộ Chính trị, Ban Bí thư")."""
        out, b = [], self.body_at(pos)
        while b:
            out.append(b)
            sep = _COORD.match(self.text, b.end)
            b = self.body_at(sep.end()) if sep else None
        return out

    def title_body_at(self, pos: int) -> BodyMention | None:
        """A body, or a title standing for its body ("của Chủ tịch UBND tỉnh", "của Bộ trưởng Bộ Nội vụ")."""
        pos = self.gaz.skip(pos)
        body = self.body_at(pos)
        if body:
            return body
        t = self.gaz.at(pos, "TITLE")
        if t:
            return self.body_at(t.end) or implied_body(t.ident, t.start, t.end, self.text)
        return None


def implied_body(canon: str, start: int, end: int, text: str) -> BodyMention | None:
    """The body a title implies when none is written ("Thủ tướng" -> Chính phủ)."""
    spec = load("titles")["titles"].get(canon, {})
    name = spec.get("body")
    if not name:
        return None
    committees = load("bodies")["party_committees"]
    if name in committees:
        return BodyMention(start, end, text[start:end], name, committees[name]["level"], implied=True)
    return BodyMention(start, end, text[start:end], name, central=True, implied=True)


def positions(ctx: Context) -> list[Fact]:
    facts = []
    for p in ctx.persons:
        for t in p.titles:
            if t.former:
                continue
            body = t.body or implied_body(t.canon, t.start, t.end, ctx.text)
            if body is None or body.generic:
                continue
            rel = "CHAIRED" if t.role == "head" else "HOLDS"
            facts.append(Fact(rel, p, body, ctx.sentence(t.start), {"title": _position_title(t, body)}))
    return facts


def _position_title(t: TitleMention, body: BodyMention) -> str:
    """"Chánh" of "Văn phòng UBND tỉnh" is the "Chánh Văn phòng": a title that needs its body
    takes the organ's name ("Trưởng Ban Tuyên giáo", "Trưởng Đoàn đại biểu Quốc hội")."""
    if load("titles")["titles"].get(t.canon, {}).get("needs_body") and not body.implied:
        return f"{t.surface} {body.kind}"
    return t.surface


def issued(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    stated: dict[int, list[BodyMention]] = {}
    ordered = sorted(ctx.docs, key=lambda d: d.start)
    # "<number> [ngày ...] của <body>" and coordinated numbers sharing it (right to left)
    for i in range(len(ordered) - 1, -1, -1):
        d = ordered[i]
        m = _CUA.match(ctx.text, d.end)
        bodies = []
        if m:
            b = ctx.title_body_at(m.end())
            if b:
                sep = _COORD.match(ctx.text, b.end)
                bodies = [b] + (ctx.bodies_from(sep.end())[:3] if sep else [])
        if not bodies and i + 1 < len(ordered):
            nxt = ordered[i + 1]
            gap = ctx.text[d.end : nxt.type_start if nxt.type_start and nxt.type_start > d.end else nxt.start]
            if re.fullmatch(r"\s*(?:,|và)\s*(?:số\s*)?", gap, re.I) and nxt.start in stated:
                bodies = stated[nxt.start]
        if bodies:
            stated[d.start] = bodies
    # "<type word> của <body> ... (<type word> số <number>)"
    for t in ctx.gaz.starts("DOCTYPE"):
        m = re.compile(r"\s+của\s+", re.I).match(ctx.text, t.end)
        if not m or any(d.type_start == t.start for d in ordered):
            continue
        bodies = ctx.bodies_from(m.end())
        if not bodies:
            continue
        s, e = ctx.sentence(t.start)
        for d in ordered:
            if t.end < d.start < e and same_type(t.ident, d.type_code) and d.start not in stated:
                stated[d.start] = bodies
    # "<body> vừa ban hành / có <type> số <number>" and "tại <number>, <body> phê chuẩn"
    for b in ctx.bodies:
        m = _SUBJ_VERB.match(ctx.text, b.end)
        if m:
            s, e = ctx.sentence(b.start)
            for d in ordered:
                if m.end() <= d.start < min(e, m.end() + 120) and d.start not in stated:
                    stated[d.start] = [b]
                    break
    for d in ordered:
        m = _AT_DOC.match(ctx.text, d.end)
        if m and d.start not in stated:
            b = ctx.body_at(m.end())
            if b and _AT_VERB.match(ctx.text, b.end):
                stated[d.start] = [b]
    for d in ordered:
        for b in stated.get(d.start, []):
            _complete_party_number(d, b)
            facts.append(Fact("ISSUED", b, d, ctx.sentence(d.start), {}))
    facts += own_document_issuers(ctx)
    facts += implied_issuers(ctx, {d.number for d in ordered if d.start in stated})
    return facts


def _complete_party_number(d: DocMention, body: BodyMention) -> None:
    """"Nghị quyết số 15 của Bộ Chính trị" is 15-NQ/TW: a Party number is serial-TYPE/ISSUER,
    so a bare serial with its type and a central Party issuer completes it. (State numbers
    also carry a year-restarting serial and unit codes; they stay as written.)"""
    code = load("issuers")["party_bodies"].get(body.kind) if body.central else None
    if d.parsed is None and code and d.type_code and "/" not in d.number:
        d.number = f"{d.number}-{d.type_code}/{code}"
        d.issuer_code = code


def own_document_issuers(ctx: Context) -> list[Fact]:
    """In a legal text: "Ban Bí thư quy định ...", "Ủy ban nhân dân tỉnh ban hành Kế hoạch ..."."""
    own = ctx.doc._.own_document
    if own is None:
        return []
    facts = []
    for s, e in ctx.sentences:
        b = ctx.body_at(s)
        if b and _ENACT.match(ctx.text, b.end) and not any(s <= d.start < e for d in ctx.docs):
            facts.append(Fact("ISSUED", b, own, (s, e), {}))
    return facts


def implied_issuers(ctx: Context, stated_numbers: set[str]) -> list[Fact]:
    """A number whose issuer the text does not state: its issuer code says who (resolved with
    the article's jurisdiction later). One fact per document, on its first mention."""
    issuers = load("issuers")
    facts, seen = [], set()
    for d in sorted(ctx.docs, key=lambda d: d.start):
        if d.number in stated_numbers or d.number in seen or not d.issuer_code:
            continue
        seen.add(d.number)
        base = re.sub(r"\d+$", "", d.issuer_code)
        if base in issuers["central"]:
            body = BodyMention(d.start, d.end, d.surface, issuers["central"][base], central=True, implied=True)
        elif base in issuers["local"]:
            kind = issuers["local"][base]
            committees = load("bodies")["party_committees"]
            level = committees[kind]["level"] if kind in committees else ""
            body = BodyMention(d.start, d.end, d.surface, kind, level, implied=True)
        else:
            continue
        s, e = ctx.sentence(d.start)
        named = [b for b in ctx.bodies if s <= b.start < e and _same_body_kind(b, body)]
        if named:  # "kết luận số 143-KL/TU, kết luận Hội nghị ..., Ban Chấp hành Đảng bộ thành phố"
            facts.append(Fact("ISSUED", named[0], d, (s, e), {}))
        else:
            facts.append(Fact("ISSUED", body, d, (s, e), {"implied": True}))
    return facts


_COMMITTEES = {"Thành ủy", "Tỉnh ủy"}


def _same_body_kind(mention: BodyMention, implied: BodyMention) -> bool:
    """A body named in the sentence is the one the issuer code points to."""
    if mention.generic or mention.level in ("quận", "huyện", "thị xã", "xã", "phường") and not implied.level:
        return False
    if mention.parent is not None:
        return f"{mention.kind} {mention.parent.kind}" == implied.kind
    return mention.kind == implied.kind or {mention.kind, implied.kind} <= _COMMITTEES


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


def signed(ctx: Context) -> list[Fact]:
    facts = []
    for m in _KY.finditer(ctx.text):
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
            docs = _coordinated([d for d in docs if same_type(dt.ident, d.type_code)], ctx.text)
            if not docs:
                later = [d for d in ctx.docs if d.start >= e and same_type(dt.ident, d.type_code)]
                docs = later if t.group(1) else later[:1]
        if not docs:
            # "Quyết định số 12/QĐ-UBND do Phó Chủ tịch UBND tỉnh Nguyễn Văn A ký"
            before = [d for d in ctx.docs if s <= d.start and d.end <= signer.start]
            if before and re.search(r"\bdo\b", ctx.text[before[-1].end : signer.start], re.I):
                docs = [before[-1]]
        for d in docs:
            facts.append(Fact("SIGNED", signer, d, (s, e), {}))
    return facts


_SIGN_MARK = re.compile(r"^\s*(?:T/M|TM|KT|Q|TL|TUQ)\s*\.\s*\S", re.M)


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
            hit = name_at(ctx.text, start)
            if hit and not ctx.text[hit[1] : pos + len(line)].strip(" |"):
                signer = PersonMention(hit[0], hit[1], hit[2], [])
                ctx.persons.append(signer)
                return [Fact("SIGNED", signer, own, ctx.sentence(hit[0]), {})]
            pos += len(line) + 1
    return []


def references(ctx: Context) -> list[Fact]:
    facts = []
    own = ctx.doc._.own_document
    for s, e in ctx.sentences:
        in_sent = [d for d in ctx.docs if s <= d.start < e]
        if own is not None and _CAN_CU.match(ctx.text[s:e]):
            for d in in_sent:
                if d.number != own.number:
                    facts.append(Fact("REFERENCES", own, d, (s, e), {"relation": "căn cứ"}))
            continue
        for i, a in enumerate(in_sent):
            for b in in_sent[i + 1 :]:
                between = ctx.text[a.end : b.start]
                w = _REF_WORDS.search(between)
                if w and a.number != b.number and not re.search(r"[;]", between):
                    facts.append(Fact("REFERENCES", a, b, (s, e), {"relation": w.group(1).lower()}))
                    break
    return facts


def _task(ctx: Context, pos: int, end: int) -> str:
    return " ".join(ctx.text[pos:end].split(";")[0].split())[:300]


def assigns(ctx: Context) -> list[Fact]:
    facts = []
    for a in ctx.bodies:
        m = _ASSIGN_VERB.match(ctx.text, a.end)
        if not m:
            continue
        s, e = ctx.sentence(a.start)
        targets = ctx.bodies_from(m.end())
        for b in targets:
            facts.append(Fact("ASSIGNS", a, b, (s, e), {"task": _task(ctx, targets[-1].end, e)}))
    main = ctx.doc._.own_document or next(iter(sorted(ctx.docs, key=lambda d: d.start)), None)
    if main is not None:
        for m in _THEO.finditer(ctx.text):
            b = ctx.body_at(m.end())
            if b and _CHU_TRI.match(ctx.text, b.end):
                s, e = ctx.sentence(m.start())
                facts.append(Fact("ASSIGNS", main, b, (s, e), {"task": _task(ctx, b.end, e)}))
    return facts


def presided(ctx: Context) -> list[Fact]:
    facts = []
    for m in _PRESIDE.finditer(ctx.text):
        s, e = ctx.sentence(m.start())
        before = [p for p in ctx.persons if s <= p.start < m.start()]
        if not before:
            continue
        full = " ".join(m.group(1).split()).rstrip(" ,")
        short = re.split(r"\s+về\s+|,", full)[0].strip()
        name = short if len(short.split()) >= 2 else full
        aliases = [full] if full != name else []
        ev = EventMention(m.start(1), m.start(1) + len(m.group(1)), name, aliases)
        facts.append(Fact("CHAIRED", before[-1], ev, (s, e), {"title": "chủ trì"}))
    return facts


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
    )
    return doc
