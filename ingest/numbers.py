"""Document numbers ("số ký hiệu"): find them in text, parse them, write them one way.

Shapes (domain.md):

* Party          ``143-KL/TU``, ``45- NQ/TW``, ``520-BC/BTCTW``  (serial-TYPE/ISSUER)
* State          ``84/KH-UBND``, ``01/ NQ-CP``, ``30c/NQ-CP``      (serial/TYPE-ISSUER[-UNIT])
* Normative      ``77/2025/NQ-HĐND``, ``60/2010/QH12``             (serial/YEAR/TYPE-ISSUER)
* Letter         ``6686/UBND-NC``, ``2291/BNV-CQĐP``               (serial/ISSUER-UNIT)

In running text codes are upper case (that is what separates ``18/23 chỉ tiêu`` from
``18/NQ-CP``); a user typing at the CLI may write ``143-kl/tu``, so ``canonical_number``
parses case-insensitively and restores each known code's own spelling ("ctr" -> "CTr").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .gazetteer import LOWER, UPPER, load, vocabulary_cache
from .normalize import match_text

_CODE = f"[{UPPER}][{UPPER}{LOWER}&]*\\d*"
#: a serial: its first digit, which nothing of a word, a number or a code may precede, then up to
#: five more and a letter. The digit comes before the check so that the patterns start with a
#: digit, and the regex engine jumps from digit to digit instead of trying every position.
_SERIAL = r"\d(?<![\w/.-]\d)\d{0,5}[a-z]?"
_PARTY = re.compile(
    rf"(?P<serial>{_SERIAL})\s?-\s?(?P<type>{_CODE})\s?/\s?(?P<issuer>{_CODE}(?:-{_CODE})?)(?![\w/])"
)
_STATE = re.compile(
    rf"(?P<serial>{_SERIAL})\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?)?"
    rf"(?P<codes>{_CODE}(?:\s?-\s?{_CODE})*)(?![\w/])"
)


@dataclass(frozen=True)
class DocNumber:
    """A parsed document number. ``number`` is the canonical display form."""

    number: str
    serial: str
    family: str  # party | state | normative | letter
    type_code: str | None
    issuer_code: str | None
    year: int | None = None

    @property
    def key(self) -> str:
        return number_key(self.number)

    @property
    def type_name(self) -> str | None:
        return type_name(self.type_code, party=self.family == "party")


@vocabulary_cache
def _codes() -> dict[str, str]:
    """casefolded code -> canonical spelling, for every type and issuer code we know."""
    issuers = load("issuers")
    names = [*load("doc_types")["codes"], *issuers["central"], *issuers["local"]]
    return {c.casefold(): c for c in names}


def _issuer_base(code: str) -> str:
    """``QH12`` -> ``QH``, ``UBTVQH15`` -> ``UBTVQH``: legislature codes carry the term."""
    return re.sub(r"\d+$", "", code)


def _canon_code(code: str) -> str:
    return _codes().get(code.casefold(), code.upper())


def is_type_code(code: str) -> bool:
    return code in load("doc_types")["codes"]


def is_issuer_code(code: str) -> bool:
    issuers = load("issuers")
    base = _issuer_base(code)
    return base in issuers["central"] or base in issuers["local"] or bool(re.fullmatch(r"[BS][A-ZĐ&]{2,}", base))


def type_name(code: str | None, party: bool = False) -> str | None:
    if not code:
        return None
    types = load("doc_types")
    if party and code in types["party_overrides"]:
        return types["party_overrides"][code]
    return types["codes"].get(code)


# Party practice writes both Quyết định and Quy định as "QĐ" ("66-QĐ/TW" is a Quy định)
_SAME_TYPE = ({"QĐ", "QyĐ", "QĐi"},)


def same_type(word_code: str | None, number_code: str | None) -> bool:
    """Does a type word ("Quy định" -> QyĐ) agree with the type code inside a number?"""
    if not word_code or not number_code:
        return False
    return word_code == number_code or any({word_code, number_code} <= group for group in _SAME_TYPE)


def number_key(number: str) -> str:
    """The comparison key of a number: no spaces, unified dashes, case-folded."""
    return re.sub(r"\s+", "", match_text(number)).casefold()


def _not_code(code: str) -> bool:
    return _issuer_base(code).upper() in {c.upper() for c in load("issuers")["not_codes"]}


def _from_party(m: re.Match[str]) -> DocNumber | None:
    tcode, issuer = _canon_code(m["type"]), m["issuer"]
    parts = [_canon_code(p) for p in issuer.split("-")]
    if not is_type_code(tcode) or any(_not_code(p) for p in parts):
        return None
    number = f"{m['serial']}-{tcode}/{'-'.join(parts)}"
    return DocNumber(number, m["serial"], "party", tcode, parts[0], None)


def _from_state(m: re.Match[str]) -> DocNumber | None:
    parts = [_canon_code(p) for p in re.split(r"\s?-\s?", m["codes"])]
    if any(_not_code(p) for p in parts):
        return None
    year = int(m["year"]) if m["year"] else None
    head = parts[0]
    if is_type_code(head) and len(parts) >= 2:
        tcode, issuer = head, parts[1]
        family = "normative" if year else "state"
    elif is_issuer_code(head):
        # "60/2010/QH12" is a law of the National Assembly; "6686/UBND-NC" a letter
        tcode, issuer = (None, head)
        family = "normative" if year else "letter"
    else:
        return None
    serial = m["serial"]
    number = f"{serial}/{year}/{'-'.join(parts)}" if year else f"{serial}/{'-'.join(parts)}"
    return DocNumber(number, serial, family, tcode, issuer, year)


def find_numbers(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every document number in ``text`` as (start, end, parsed), in order, never overlapping.

    ``text`` should be matching text (``normalize.match_text``), whose offsets equal the
    stored text's.
    """
    found: list[tuple[int, int, DocNumber]] = []
    taken: list[tuple[int, int]] = []
    for pattern, build in ((_PARTY, _from_party), (_STATE, _from_state)):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            parsed = build(m)
            if parsed:
                found.append((m.start(), m.end(), parsed))
                taken.append((m.start(), m.end()))
    found += [item for start, _, parsed in list(found) for item in _shared_serials(text, start, parsed)]
    return sorted(found, key=lambda t: t[0])


#: "số 1, 2 và " before a full number: serials that share its codes ("các Quyết định số 1, 2 và
#: 3/QĐ-UBND", "Kết luận số 140, 141-KL/TU")
_SERIAL_LIST = re.compile(r"(?<!\w)số\s+((?:\d{1,5}[a-z]?\s*(?:,|và)\s*)+)$", re.I)
_LISTED = re.compile(r"\d{1,5}[a-z]?")


def _shared_serials(text: str, start: int, parsed: DocNumber) -> list[tuple[int, int, DocNumber]]:
    """The bare serials listed right before the full number at ``start``, each completed with
    its codes ("1" before "3/QĐ-UBND" is "1/QĐ-UBND")."""
    if not text[max(0, start - 4) : start].rstrip().endswith((",", "và")):
        return []  # the common case, looked at cheaply: no list before the number
    m = _SERIAL_LIST.search(text, max(0, start - 60), start)
    if not m:
        return []
    tail = parsed.number[len(parsed.serial) :]
    return [
        (s.start(), s.end(), replace(parsed, number=s.group() + tail, serial=s.group()))
        for s in _LISTED.finditer(text, m.start(1), m.end(1))
    ]


def parse_number(text: str) -> DocNumber | None:
    """Parse one number as a user may type it: any case, stray spaces, a leading "số"."""
    t = re.sub(r"^\s*(số|so)\s*[:.]?\s*", "", match_text(text), flags=re.I).strip()
    t = re.sub(r"\s+", " ", t)
    for pattern, build in ((_PARTY, _from_party), (_STATE, _from_state)):
        m = pattern.fullmatch(_upper_codes(t))
        if m:
            return build(m)
    return None


def _upper_codes(text: str) -> str:
    """Upper-case the letters of a typed number so the strict patterns accept it."""
    return re.sub(r"(?<=[/\-\s])([^\W\d_][\w&]*)", lambda m: _canon_code(m.group(1)), text)


def canonical_number(text: str) -> str | None:
    """"143-kl/tu" -> "143-KL/TU", "01/ NQ-CP" -> "01/NQ-CP"; None when it is not a number."""
    parsed = parse_number(text)
    return parsed.number if parsed else None
