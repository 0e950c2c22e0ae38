"""The gazetteers in ``ingest/data/*.yaml``, loaded once and indexed for matching.

Every entry is normalised (``ingest.normalize``) on load, so the YAML can be written the way
people write Vietnamese and still match "Uỷ", "ủy" and "ỦY" alike.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .normalize import clean_name, key

DATA = Path(__file__).with_name("data")

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
#: one capitalised syllable ("Nguyễn", "Đà")
CAP = f"[{UPPER}][{LOWER}]*"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """A data file by stem ("titles" -> ingest/data/titles.yaml)."""
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    return frozenset(clean_name(s) for s in load("surnames")["surnames"])


@lru_cache(maxsize=None)
def places() -> dict[str, str]:
    """Normalised place spelling -> canonical place name (provinces, cities, aliases)."""
    data = load("places")
    out = {key(p): clean_name(p) for p in data["cities"] + data["provinces"]}
    out.update({key(a): clean_name(c) for a, c in data["aliases"].items()})
    return out


@lru_cache(maxsize=None)
def cities() -> frozenset[str]:
    return frozenset(clean_name(c) for c in load("places")["cities"])
