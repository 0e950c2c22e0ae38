"""Trigger words of the relation rules (``ingest/data/triggers.yaml``) as regular expressions.

The rules read their verbs from data so that a new phrasing ("được luân chuyển làm") is a YAML
edit, not a code change. Each key becomes one alternation, longest phrase first (so "giữ chức
vụ" wins over "giữ chức"), whole words, case-insensitive, a space matching any run of spaces.
"""

from __future__ import annotations

import re

from .gazetteer import load, vocabulary_cache
from .normalize import clean_name


def words(name: str) -> list[str]:
    """The phrases of one trigger key, normalised as the text is."""
    return [clean_name(w) for w in load("triggers")[name]]


@vocabulary_cache
def alternation(name: str) -> str:
    """A regex alternation (no group) matching any phrase of ``name`` as whole words."""
    phrases = sorted(set(words(name)), key=len, reverse=True)
    return "(?:" + "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in phrases) + r")(?!\w)"


@vocabulary_cache
def pattern(name: str, before: str = "", after: str = "", flags: int = re.I) -> re.Pattern[str]:
    """``before`` + the alternation of ``name`` (in group ``w``) + ``after``, compiled once."""
    return re.compile(rf"{before}(?<!\w)(?P<w>{alternation(name)}){after}", flags)
