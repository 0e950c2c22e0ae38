"""Limits as data (``ingest/data/limits.yaml``): how much of one article the pipeline takes.

One oversized article once took a whole run down: a 192 KB list of 10,000 names made every
fact carry the whole 154,000-character sentence as evidence (966 MB of JSON) and the store ran
out of heap; an article over spaCy's 1,000,000 characters failed with E088. The limits cut such
an article down to size, and every cut becomes a note that the CLI prints with the file name,
so nothing is left out silently and the other articles of the run are not touched.

Defaults come from the YAML file; the config file's ``[limits]`` table and the environment
(``GRAPH_LIMIT_<NAME>``) override them, checked once like every setting.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Callable, Iterable, TypeVar

from graph.config import SettingError, positive_int, resolve

from .gazetteer import load

#: the longest text spaCy's default ``nlp.max_length`` takes (beyond it: error E088)
SPACY_MAX_CHARS = 1_000_000

F = TypeVar("F")


def share(value: Any) -> float:
    """A fraction between 0 and 1."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError("must be a number between 0 and 1") from None
    if not 0 <= number <= 1:
        raise ValueError("must be a number between 0 and 1")
    return number


@dataclass(frozen=True)
class Limits:
    """The limits in force (see ``ingest/data/limits.yaml`` for what each one does)."""

    max_article_chars: int
    max_sentence_chars: int
    evidence_window: int
    max_facts_per_sentence: int
    warn_kept_share: float
    warn_min_chars: int

    def __post_init__(self) -> None:
        if self.max_article_chars > SPACY_MAX_CHARS:
            raise SettingError(f"limits: max_article_chars={self.max_article_chars} is over {SPACY_MAX_CHARS:,}, "
                               "the longest text the pipeline takes")


@lru_cache(maxsize=1)
def limits() -> Limits:
    """The limits in force: YAML defaults, then the config file, then the environment."""
    defaults = load("limits")
    values = {}
    for f in fields(Limits):
        kind: Callable[[Any], Any] = share if f.type == "float" else positive_int
        values[f.name] = resolve(f"GRAPH_LIMIT_{f.name.upper()}", kind(defaults[f.name]), kind,
                                 file_key=("limits", f.name))
    return Limits(**values)


def cut_article(text: str) -> tuple[str, list[str]]:
    """``text`` at most ``max_article_chars`` long, cut at the last paragraph end before the
    limit (else the last sentence end, else the limit itself), with a note when it was cut."""
    limit = limits().max_article_chars
    if len(text) <= limit:
        return text, []
    head = text[:limit]
    end = head.rfind("\n")
    if end < limit // 2:
        end = max(head.rfind(". "), head.rfind(".\n")) + 1
    if end < limit // 2:
        end = limit
    kept = text[:end].rstrip()
    return kept, [f"article of {len(text):,} characters cut to its first {len(kept):,} "
                  f"(limit max_article_chars={limit:,}): the rest is not extracted"]


def dropped_note(raw_chars: int, kept_chars: int) -> list[str]:
    """A warning when cleaning kept only a sliver of a long text: a file holding thousands of
    articles, taken as one, loses all but its first to the related-news cut."""
    lim = limits()
    if raw_chars >= lim.warn_min_chars and kept_chars < lim.warn_kept_share * raw_chars:
        return [f"cleaning kept {kept_chars:,} of {raw_chars:,} characters ({kept_chars / raw_chars:.2%}): "
                "is this one article? (put one article per file, or one per line in a .jsonl file)"]
    return []


def snippet(sentence: tuple[int, int], focus: tuple[int, int], text: str) -> tuple[int, int]:
    """The evidence span for a mention at ``focus`` in ``sentence``: the sentence itself when
    it is at most ``max_sentence_chars`` long, else a window of about ``evidence_window``
    characters around the mention, widened to whole words, never beyond the sentence."""
    lim = limits()
    s, e = sentence
    if e - s <= lim.max_sentence_chars:
        return sentence
    fs, fe = max(s, min(focus[0], e)), min(e, max(focus[1], s))
    pad = max(0, lim.evidence_window - (fe - fs)) // 2
    start, end = max(s, fs - pad), min(e, fe + pad, max(fs, fs - pad) + lim.max_sentence_chars)
    while start > s and not text[start - 1].isspace():
        start -= 1
    while end < e and not text[end].isspace():
        end += 1
    return start, end


def long_sentences_note(sentences: Iterable[tuple[int, int]]) -> list[str]:
    """A note when some sentences are quoted as windows (``snippet``), saying how many."""
    lim = limits()
    long = [(s, e) for s, e in sentences if e - s > lim.max_sentence_chars]
    if not long:
        return []
    longest = max(e - s for s, e in long)
    return [f"{len(long)} sentence(s) over {lim.max_sentence_chars:,} characters (longest {longest:,}, limit "
            f"max_sentence_chars): evidence quoted as {lim.evidence_window}-character windows around each mention"]


def capped_facts(facts: list[F], sentence_of: Callable[[F], tuple[int, int]]) -> tuple[list[F], list[str]]:
    """At most ``max_facts_per_sentence`` facts per sentence (the first ones, in order), with a
    note for each sentence that had more."""
    cap = limits().max_facts_per_sentence
    seen: dict[tuple[int, int], int] = {}
    kept: list[F] = []
    for f in facts:
        sent = sentence_of(f)
        seen[sent] = seen.get(sent, 0) + 1
        if seen[sent] <= cap:
            kept.append(f)
    notes = [f"sentence at characters {s:,}-{e:,} states {n:,} facts: kept the first {cap} "
             "(limit max_facts_per_sentence)" for (s, e), n in seen.items() if n > cap]
    return kept, notes
