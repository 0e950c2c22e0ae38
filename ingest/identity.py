"""Who a person mention is: the one place where a Person's key is made.

A key is made from one article alone, so the same corpus gives the same nodes whether it is
ingested in one go or in several runs, in any order (a key that depended on the articles seen
so far would change as more arrive). Within the article:

* **Rank** (``ingest/data/identity.yaml``): a person with a national-rank post in the article
  (a central body; a head or deputy of a province's UBND, HĐND, Party committee) is the name
  alone: names are few at the top, and such people move between provinces and the centre.
* **Anchor**: a person whose posts in the article all lie below that (a Sở, a district, the
  provincial police) is told apart by the province of their strongest post, the first head
  post, else the first post (``nguyễn văn hùng|nghệ an``): two Giám đốc Sở of one name in two
  provinces are two nodes, and one of them seen in many articles is one node.
* A person with no post in the article is the name alone.
* **Variants**: two spellings in one article holding one post (same body and title), one the
  other with a middle name left out or the same letters but for accents, are one person under
  the fuller spelling (``build.py``); across articles the stored nodes stay apart (a key made
  from more than one article would depend on their arrival order) and the identity layer
  (``ingest/sameas.py``), recomputed from the whole store, joins them when the evidence is
  strong, leaving the rest as suggestions (``graph resolve --suggest``).

A user's decisions file (``resolutions.yaml`` in the working directory, or the file named by
``GRAPH_RESOLUTIONS`` or by ``resolutions`` in graph.toml) overrides all of this, in the spirit of
nomenklatura's judgements: decisions are data, kept apart from extraction and applied to every
article on every ingest::

    merge:                         # these spellings are one person, stored under the first
      - names: [Nguyễn Văn Hùng, Nguyễn Hùng]
        why: both Giám đốc Sở Y tế tỉnh Nghệ An
    split:                         # this name is several people, one per place of their posts
      - name: Nguyễn Văn Hùng
        why: a Nghệ An official and a Hà Tĩnh official
    same:                          # this name is one person wherever their posts are
      - name: Trần Văn Nam
        why: Giám đốc Sở Tài chính of Hà Tĩnh, then of Nghệ An

A split person is keyed by name and place (``nguyễn văn hùng|nghệ an``): the place of the
bodies of their posts in the article, else the article's own place, whatever their rank. Every
decision, and every automatic anchor, leaves a note on the node (``identity``), which ``graph
person NAME --why`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from .gazetteer import load, vocabulary_cache
from .normalize import clean_name, key, strip_accents

DEFAULT_FILE = "resolutions.yaml"


class DecisionsError(ValueError):
    """The decisions file is malformed: the message names the file and the entry."""


@dataclass(frozen=True)
class Decisions:
    """Merges (name key -> canonical name, why), splits and sames (canonical name key -> why);
    ``written`` keeps each name as the file spells it, for listing the decisions."""

    source: str = ""
    merge: dict[str, tuple[str, str]] = field(default_factory=dict)
    split: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)
    same: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Post:
    """A post a person is written with in one article, as identity needs it: the province it
    lies in ("" when unknown), whether it is of national rank, whether it heads its body, where
    it stands in the text, and how to name it in a note."""

    place: str
    national: bool
    head: bool
    start: int
    post: str = ""


@dataclass(frozen=True)
class Identity:
    key: str
    name: str
    place: str | None = None
    notes: tuple[str, ...] = ()


def decisions_path() -> Path | None:
    """The decisions file in force: GRAPH_RESOLUTIONS, else graph.toml's ``resolutions``, else
    ``resolutions.yaml`` in the working directory when there is one."""
    from graph.config import setting

    named = setting("resolutions")
    if named:
        return Path(named)
    return Path(DEFAULT_FILE) if Path(DEFAULT_FILE).is_file() else None


def current_decisions() -> Decisions:
    """The decisions of the file in force (re-read when it changes; none when there is none)."""
    path = decisions_path()
    if path is None:
        return Decisions()
    if not path.is_file():
        raise DecisionsError(f"{path}: decisions file not found")
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: str, _mtime: int) -> Decisions:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DecisionsError(f"{path}: cannot read decisions ({exc})") from None
    return parse_decisions(data, path)


def parse_decisions(data: Any, source: str) -> Decisions:
    """Validate and index a decisions document; errors name the file and the entry."""
    if not isinstance(data, dict) or set(data) - {"merge", "split", "same"}:
        raise DecisionsError(f"{source}: expected a mapping with 'merge', 'split' and/or 'same' lists")
    merge: dict[str, tuple[str, str]] = {}
    written: dict[str, str] = {}
    for i, entry in enumerate(_entries(data, "merge", source), 1):
        names = entry.get("names")
        if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) and n.strip() for n in names):
            raise DecisionsError(f"{source}: merge entry {i}: 'names' needs a list of two names or more")
        canonical = clean_name(names[0])
        for n in names:
            if key(n) in merge and merge[key(n)][0] != canonical:
                raise DecisionsError(f"{source}: merge entry {i}: {n!r} is already merged into {merge[key(n)][0]!r}")
            merge[key(n)] = (canonical, str(entry.get("why") or ""))
            written[key(n)] = clean_name(n)
    split = _named(data, "split", source, written, {})
    same = _named(data, "same", source, written, split)
    return Decisions(source, merge, split, written, same)


def _named(data: dict, section: str, source: str, written: dict[str, str], split: dict[str, str]) -> dict[str, str]:
    """A section of one-name entries (``split``, ``same``): name key -> why; a name ``split``
    already holds cannot also be one person wherever."""
    out: dict[str, str] = {}
    for i, entry in enumerate(_entries(data, section, source), 1):
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DecisionsError(f"{source}: {section} entry {i}: 'name' is missing")
        if key(name) in split:
            raise DecisionsError(f"{source}: {section} entry {i}: {name!r} is split too")
        out[key(name)] = str(entry.get("why") or "")
        written[key(name)] = clean_name(name)
    return out


def _entries(data: dict, section: str, source: str) -> list[dict]:
    entries = data.get(section) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DecisionsError(f"{source}: '{section}' must be a list of entries")
    return entries


@vocabulary_cache
def _national_rank() -> tuple[frozenset[str], frozenset[str]]:
    """(body kinds, titles) whose posts in a province are of national rank (identity.yaml)."""
    rank = load("identity")["national_rank"]
    return frozenset(key(b) for b in rank["province_bodies"]), frozenset(key(t) for t in rank["titles"])


def national_rank(kind: str, level: str, jurisdiction: str, title: str) -> bool:
    """Whether a post (title ``title`` in a body of ``kind`` at ``level`` of ``jurisdiction``)
    makes its holder one person by name alone: a central body, or a province's leadership."""
    if not level and not jurisdiction:
        return True
    kinds, titles = _national_rank()
    return level in ("tỉnh", "thành phố") and key(kind) in kinds and key(title) in titles


def variants(a: str, b: str) -> bool:
    """Whether two different names may be one person's: the same letters but for accents, or
    the same family and given name with a middle name only one of them writes."""
    if key(a) == key(b):
        return False
    if strip_accents(a) == strip_accents(b):
        return True
    wa, wb = key(a).split(), key(b).split()
    short, long = sorted((wa, wb), key=len)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1] or len(short) == len(long):
        return False
    rest = iter(long)
    return all(w in rest for w in short)  # a subsequence: middle names left out, none changed


def variant_block(name: str) -> tuple[str, ...]:
    """A key two names share whenever ``variants`` may hold for them (first and last word,
    accents and case dropped), so that duplicates are looked for within blocks rather than
    over every pair of a large graph's names."""
    words = strip_accents(name).split()
    return (words[0], words[-1]) if words else ()


def fuller(a: str, b: str) -> str:
    """Of two variants, the one kept: more words, then the accented spelling, then the first
    in alphabetical order (deterministic, whichever the article wrote first)."""
    return min((a, b), key=lambda n: (-len(n.split()), strip_accents(n) == key(n), n))


def identify(name: str, posts: Iterable[Post], fallback_place: str, decisions: Decisions) -> Identity:
    """The identity of a person written ``name`` with ``posts`` in one article (the article's
    own place ``fallback_place`` for a split name with no placed post): see the module's
    docstring for the rules, decisions first."""
    posts = list(posts)
    notes = []
    canonical, why = decisions.merge.get(key(name), (clean_name(name), ""))
    if key(canonical) != key(name):
        notes.append(f"'{clean_name(name)}' is {canonical}: merged by {decisions.source}" + (f" ({why})" if why else ""))
    k = key(canonical)
    if k in decisions.split:
        place = sorted(p.place for p in posts if p.place)[:1] or [fallback_place or ""]
        why = decisions.split[k]
        notes.append(
            f"told apart by place ({place[0] or 'no place'}): split by {decisions.source}" + (f" ({why})" if why else "")
        )
        return Identity(f"{k}|{key(place[0])}", canonical, place[0] or None, tuple(notes))
    if k in decisions.same:
        why = decisions.same[k]
        notes.append(f"one person wherever their posts are: decided by {decisions.source}" + (f" ({why})" if why else ""))
        return Identity(k, canonical, None, tuple(notes))
    local = [p for p in posts if p.place and not p.national]
    if local and not any(p.national for p in posts):
        anchor = min(local, key=lambda p: (not p.head, p.start)).place
        notes.append(f"told apart by place ({anchor}): posts below the provincial leadership, where one name "
                     "may be several people (automatic; a 'same' decision makes the name one person)")
        return Identity(f"{k}|{key(anchor)}", canonical, anchor, tuple(notes))
    return Identity(k, canonical, None, tuple(notes))
