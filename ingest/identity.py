"""Who a person mention is: the one place where a Person's key is made.

By default a person is their normalised full name. A user's decisions file (``resolutions.yaml``
in the working directory, or the file named by ``GRAPH_RESOLUTIONS`` or by ``resolutions`` in
graph.toml) overrides that, in the spirit of nomenklatura's judgements: decisions are data,
kept apart from extraction and applied to every article on every ingest::

    merge:                         # these spellings are one person, stored under the first
      - names: [Nguyễn Văn Hùng, Nguyễn Hùng]
        why: both Giám đốc Sở Y tế tỉnh Nghệ An
    split:                         # this name is several people, one per place of their posts
      - name: Nguyễn Văn Hùng
        why: a Nghệ An official and a Hà Tĩnh official

A split person is keyed by name and place (``nguyễn văn hùng|nghệ an``): the place of the
bodies of their posts in the article, else the article's own place. Every decision leaves a
note on the node (``identity``), which ``graph person NAME --why`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from .normalize import clean_name, key

DEFAULT_FILE = "resolutions.yaml"


class DecisionsError(ValueError):
    """The decisions file is malformed: the message names the file and the entry."""


@dataclass(frozen=True)
class Decisions:
    """Merges (name key -> canonical name, why) and splits (canonical name key -> why); ``written``
    keeps each name as the file spells it, for listing the decisions."""

    source: str = ""
    merge: dict[str, tuple[str, str]] = field(default_factory=dict)
    split: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)


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
    if not isinstance(data, dict) or set(data) - {"merge", "split"}:
        raise DecisionsError(f"{source}: expected a mapping with 'merge' and/or 'split' lists")
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
    split: dict[str, str] = {}
    for i, entry in enumerate(_entries(data, "split", source), 1):
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DecisionsError(f"{source}: split entry {i}: 'name' is missing")
        split[key(name)] = str(entry.get("why") or "")
        written[key(name)] = clean_name(name)
    return Decisions(source, merge, split, written)


def _entries(data: dict, section: str, source: str) -> list[dict]:
    entries = data.get(section) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DecisionsError(f"{source}: '{section}' must be a list of entries")
    return entries


def identify(name: str, places: Iterable[str], fallback_place: str, decisions: Decisions) -> Identity:
    """The identity of a person written ``name`` whose posts in the article lie in ``places``
    (jurisdictions; the article's own place ``fallback_place`` when they have none)."""
    notes = []
    canonical, why = decisions.merge.get(key(name), (clean_name(name), ""))
    if key(canonical) != key(name):
        notes.append(f"'{clean_name(name)}' is {canonical}: merged by {decisions.source}" + (f" ({why})" if why else ""))
    if key(canonical) not in decisions.split:
        return Identity(key(canonical), canonical, None, tuple(notes))
    place = sorted(p for p in places if p)[:1] or [fallback_place or ""]
    why = decisions.split[key(canonical)]
    notes.append(
        f"told apart by place ({place[0] or 'no place'}): split by {decisions.source}" + (f" ({why})" if why else "")
    )
    return Identity(f"{key(canonical)}|{key(place[0])}", canonical, place[0] or None, tuple(notes))
