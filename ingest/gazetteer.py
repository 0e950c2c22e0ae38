"""The gazetteers in ``ingest/data/*.yaml``, loaded once, validated and indexed for matching.

Every entry is normalised (``ingest.normalize``) on load, so the YAML can be written the way
people write Vietnamese and still match "Uỷ", "ủy" and "ỦY" alike. Every file is checked
against its schema (``ingest.datacheck``) as it is loaded, so a typo stops the run at start-up
with the file and key named, instead of silently changing what is extracted.

``use_data(directory)`` points the loaders at another copy of the vocabulary (a test adding a
title through YAML only); everything derived from the files is cached with ``vocabulary_cache``
so that switching forgets it all.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import yaml

from .datacheck import MODELS, DataError, check, check_references, shown
from .normalize import clean_name, key

DATA = Path(__file__).with_name("data")
_active = [DATA]
_caches: list[Any] = []
F = TypeVar("F", bound=Callable[..., Any])

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
#: one capitalised syllable ("Nguyễn", "Đà")
CAP = f"[{UPPER}][{LOWER}]*"


def vocabulary_cache(fn: F) -> F:
    """``lru_cache`` for anything computed from the data files: forgotten by ``use_data``."""
    cached = lru_cache(maxsize=None)(fn)
    _caches.append(cached)
    return cached  # type: ignore[return-value]


def data_dir() -> Path:
    """The vocabulary directory in use (``ingest/data`` unless ``use_data`` says otherwise)."""
    return _active[-1]


@contextmanager
def use_data(directory: Path) -> Iterator[None]:
    """Load the vocabulary from ``directory`` inside the block (a copy of ``ingest/data`` with
    an entry added or broken); every cache derived from the files is dropped on the way in
    and out."""
    _active.append(Path(directory))
    _forget()
    try:
        yield
    finally:
        _active.pop()
        _forget()


def _forget() -> None:
    for cached in _caches:
        cached.cache_clear()


def validate_all() -> None:
    """Load and check every vocabulary file now (start-up), raising ``DataError`` on the first
    bad one; files are cached, so the run pays this once."""
    for name in MODELS:
        load(name)
    check_references(load, data_dir())


@vocabulary_cache
def load(name: str) -> dict[str, Any]:
    """A data file by stem ("titles" -> ingest/data/titles.yaml), checked against its schema."""
    path = data_dir() / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(f"{shown(path)}: cannot be read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{shown(path)}: not valid YAML ({exc})") from None
    check(name, data, path)
    return data


@vocabulary_cache
def surnames() -> frozenset[str]:
    return frozenset(clean_name(s) for s in load("surnames")["surnames"])


@vocabulary_cache
def places() -> dict[str, str]:
    """Normalised place spelling -> canonical place name (provinces, cities, aliases)."""
    data = load("places")
    out = {key(p): clean_name(p) for p in data["cities"] + data["provinces"]}
    out.update({key(a): clean_name(c) for a, c in data["aliases"].items()})
    return out


@vocabulary_cache
def cities() -> frozenset[str]:
    return frozenset(clean_name(c) for c in load("places")["cities"])
