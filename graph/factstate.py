"""What the record writer remembers of a stored fact, so that updating a busy one needs no read.

A fact seen again is merged with its stored record (``loadplan.merged_edge``). Reading that
record (its JSON, with up to ``list_cap`` evidence sentences) cost more than the rest of the
update (issue 13), and busy facts are updated in every window. Yet once a capped list
(schema.yaml ``capped_lists``) is full, no merge changes it, and what the merge needs of the
rest is a count, two dates, the first values and a few short lists. So the writer keeps, for a
fact whose capped lists are each full or empty, its stored properties with every full capped
list replaced by ``full``: ``list_cap`` sentinels, which ``merged_edge`` keeps as they are (a
full list is left alone) and which no article id equals. ``merged_edge`` over that state gives
exactly what it gives over the record, provided no article of the row is in the stored sample:
the writer asks that of each article (``reusable``), and an article created by the same write
never is.

A node has no capped list, so the same states serve for the nodes named in every window
(people, bodies): the state of a node is its stored properties, and ``merged_node`` over it
gives what it gives over the record.

The states are bounded (``limit``): past it, further records are simply read as before.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

from .model import schema

_SENTINEL = object()  # not JSON: a state that leaked into a write would fail loudly


class FactStates:
    """Record id (packed) -> its stored properties, capped lists full (``full``) or absent."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self._cap = int(schema()["list_cap"])
        self._capped = tuple(schema()["capped_lists"])
        self.full: list[Any] = [_SENTINEL] * self._cap
        self.states: dict[int, dict[str, Any]] = {}

    def get(self, rid: int) -> dict[str, Any] | None:
        """The state of a record with no capped list (a node: its properties), or None."""
        return self.states.get(rid)

    def reusable(self, rid: int, row: dict[str, Any], new_article: Callable[[str], bool]) -> dict[str, Any] | None:
        """The state to merge ``row`` into instead of the record, or None (read the record):
        with a full article sample, every article the row counts must be ``new_article``."""
        state = self.get(rid)
        if state is None or ("articles" in state and not all(new_article(a) for a in row["fresh"])):
            return None
        return state

    def state_of(self, props: dict[str, Any]) -> dict[str, Any] | None:
        """The state of a fact whose properties (as stored, or as just written) are ``props``;
        None when a capped list is partly filled (a merge would need its items). Strings are
        interned: titles, rules and dates repeat across facts."""
        out: dict[str, Any] = {}
        for k, v in props.items():
            if k.startswith("@"):  # the engine's own fields in a record's JSON
                continue
            if k in self._capped:
                if not v:
                    continue
                if len(v) < self._cap:
                    return None
                out[k] = self.full
            elif isinstance(v, str):
                out[k] = sys.intern(v)
            elif isinstance(v, list):
                out[k] = [sys.intern(x) if isinstance(x, str) else x for x in v]
            else:
                out[k] = v
        return out

    def learn(self, learned: dict[int, dict[str, Any] | None]) -> None:
        """Take what a committed write learned (None: forget that fact), within ``limit``."""
        for rid, state in learned.items():
            if state is None:
                self.states.pop(rid, None)
            elif rid in self.states or len(self.states) < self.limit:
                self.states[rid] = state

    def size_bytes(self) -> int:
        """What the states hold in memory (interned strings, shared by many, left out)."""
        total = sys.getsizeof(self.states)
        for state in self.states.values():
            total += sys.getsizeof(state) + sum(sys.getsizeof(v) for v in state.values() if v is not self.full)
        return total

    def __len__(self) -> int:
        return len(self.states)


__all__ = ["FactStates"]
