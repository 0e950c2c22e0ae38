"""One way to find what a user means by a name, for every command that takes one.

``graph person``, ``graph body``, ``graph path``, ``graph view --focus`` and every named
parameter of ``graph query`` hand what was typed to ``find`` together with the stored names it
may mean (``Candidate``: own names and aliases). Where the candidates come from differs (a
store query, or a networkx graph already in memory); how a name is matched does not:

1. the same name after normalisation (NFC, one tone placement, case, spaces);
2. the same name with accents ignored and short forms written out (``names.yaml``: "TP" is
   "thành phố", "UBND" is "Ủy ban nhân dân"), so "ubnd thanh pho ha noi" is UBND TP Hà Nội;
3. whole words of one name only ("Tuyến" is Nguyễn Thị Tuyến when no one else is called so),
   with accents, then without.

Each tier tries own names before aliases; the first tier that matches decides. Several
candidates in that tier is ``AmbiguousName`` (the CLI lists them, exit 2); none in any tier is
``NameNotFound`` with close names to suggest (a single word is compared word by word, so
"Nguyen" suggests the Nguyễns).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

import yaml

from .keys import key, strip_accents

NAMES_YAML = Path(__file__).with_name("names.yaml")
MAX_LISTED = 10  # candidates an ambiguity names
_WORD = re.compile(r"[\w.&]+")


@dataclass(frozen=True)
class Candidate:
    """A stored thing a name may mean. ``id`` is what the caller gets back (a node id, a
    stored name or a document number); ``names`` are its own names, ``aliases`` the others."""

    id: str
    label: str
    display: str
    names: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    def listed(self) -> str:
        """How an ambiguity names it: display name, label and id when they differ."""
        return self.display if self.id == self.display else f"{self.display} ({self.label}, id {self.id})"


class NameNotFound(LookupError):
    """Nothing matches; ``suggestions`` are close stored names (display form)."""

    def __init__(self, text: str, suggestions: list[str]) -> None:
        super().__init__(text)
        self.text = text
        self.suggestions = suggestions


class AmbiguousName(ValueError):
    """Several candidates match equally well; ``candidates`` lists them, best known first."""

    def __init__(self, text: str, candidates: list[Candidate]) -> None:
        self.text = text
        self.candidates = candidates
        shown = "; ".join(c.listed() for c in candidates[:MAX_LISTED])
        more = f" and {len(candidates) - MAX_LISTED} more" if len(candidates) > MAX_LISTED else ""
        super().__init__(f"{text!r} matches {len(candidates)}: {shown}{more}; give more of the name (or an id)")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Short form (lower case, as ``key`` spells it) -> the words it stands for."""
    data = yaml.safe_load(NAMES_YAML.read_text(encoding="utf-8")) or {}
    return {key(short): key(long) for short, long in (data.get("abbreviations") or {}).items()}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The comparison form of a name: short forms written out, then accents and case dropped,
    punctuation between words ignored ("UBND TP. Hà Nội" -> "uy ban nhan dan thanh pho ha noi")."""
    short = abbreviations()
    words = [short.get(w, w) for w in _WORD.findall(key(text))]
    return " ".join(_WORD.findall(strip_accents(" ".join(words)).replace(".", " ")))


@lru_cache(maxsize=200_000)
def _accented_words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", key(text))) + " "


def _folded_words(text: str) -> str:
    return f" {fold(text)} "


def _tiers(text: str) -> list[Callable[[str], bool]]:
    exact, folded = key(text), fold(text)
    accented, bare = _accented_words(text), _folded_words(text)
    tiers = [lambda n: key(n) == exact]
    if folded:
        tiers.append(lambda n: fold(n) == folded)
    if accented.strip():
        tiers.append(lambda n: accented in _accented_words(n))
    if bare.strip():
        tiers.append(lambda n: bare in _folded_words(n))
    return tiers


def matches(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates of the first tier that finds any (see the module docstring)."""
    pool = list(candidates)
    for test in _tiers(text):
        for names in (lambda c: c.names, lambda c: c.aliases):
            found = [c for c in pool if any(test(n) for n in names(c) if n)]
            if found:
                return list({c.id: c for c in found}.values())
    return []


def find(text: str, candidates: Sequence[Candidate]) -> Candidate:
    """The one candidate ``text`` means; ``AmbiguousName`` or ``NameNotFound`` otherwise."""
    found = matches(text, candidates)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousName(text, sorted(found, key=lambda c: (c.display, c.id)))
    raise NameNotFound(text, suggest(text, candidates))


def suggest(text: str, candidates: Iterable[Candidate], n: int = 3) -> list[str]:
    """Display names close to ``text``: whole names compared folded; a single word is also
    compared with every word of every name ("Nguyen" -> the Nguyễns, "Anh" -> the Anhs)."""
    by_form: dict[str, str] = {}
    by_word: dict[str, list[str]] = {}
    for c in sorted(candidates, key=lambda c: c.display):
        for name in (*c.names, *c.aliases):
            if not name:
                continue
            by_form.setdefault(fold(name), c.display)
            for w in fold(name).split():
                by_word.setdefault(w, [])
                if c.display not in by_word[w]:
                    by_word[w].append(c.display)
    wanted = fold(text)
    close = [by_form[f] for f in difflib.get_close_matches(wanted, list(by_form), n=n, cutoff=0.6)]
    if len(wanted.split()) == 1:
        for w in difflib.get_close_matches(wanted, list(by_word), n=n, cutoff=0.7):
            close += by_word[w]
    return list(dict.fromkeys(close))[:n]
