"""Settings with one precedence everywhere: flag > environment variable > config file > default.

The config file is TOML (``graph.toml`` in the working directory, or the file named by
``GRAPH_CONFIG``, or ``~/.config/vn-officials-graph/config.toml``). Secrets (the Neo4j
password) may come from the environment or that file, never from code, and are never printed.

Every setting has a type and is checked where it is resolved: a bad value (``--batch-size 0``,
``GRAPH_BATCH_SIZE=abc``, ``GRAPH_HEAP=lots``) raises ``SettingError`` with one line naming
where the value came from, which the CLI turns into exit code 2. A value that only fails
later is not left to fail later: a batch size of -1 once loaded nothing and reported success.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

DEFAULT_DB = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "vn-officials-graph" / "db"


class SettingError(ValueError):
    """A setting or option with a value the program cannot use (CLI exit code 2)."""


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value


def positive_int(value: Any) -> int:
    """An integer of 1 or more, from a flag, an environment string or a TOML number."""
    if isinstance(value, bool):
        raise ValueError("must be a whole number of 1 or more")
    try:
        number = int(value) if isinstance(value, int) else int(str(value).strip())
    except ValueError:
        raise ValueError("must be a whole number of 1 or more") from None
    if number < 1:
        raise ValueError("must be a whole number of 1 or more")
    return number


_HEAP = re.compile(r"^(\d+)([kmg])$", re.I)
_HEAP_UNITS = {"k": 1024, "m": 1024**2, "g": 1024**3}


def heap_size(value: Any) -> str:
    """A JVM heap size as the JVM takes it ("512m", "2g")."""
    if not isinstance(value, str) or not _HEAP.match(value.strip()):
        raise ValueError("must be a size such as 512m or 2g")
    return value.strip().lower()


def heap_bytes(value: str) -> int:
    number, unit = _HEAP.match(value).groups()
    return int(number) * _HEAP_UNITS[unit.lower()]


#: below this the embedded engine cannot even open a store ("Java heap space" at 8m)
MIN_HEAP = 64 * 1024**2


def heap_problem(value: str) -> str | None:
    """Why the JVM could not start with this heap, said before it tries: a JVM that cannot
    reserve its heap prints raw text and ends the whole process (seen with 1m and 999999g)."""
    if not _HEAP.match(value):
        return None  # not a size at all: the settings check refuses it, and the JVM says so too
    wanted = heap_bytes(value)
    if wanted < MIN_HEAP:
        return f"heap {value} is too small (at least 64m)"
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
    if wanted > memory:
        return f"heap {value} is more than this machine's memory ({memory / 1024**3:.1f} GB)"
    return None


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, default and type (a checker that converts)."""

    env: str
    default: Any
    kind: Callable[[Any], Any] = text


#: setting name -> where it comes from and what it must be
SETTINGS: dict[str, Setting] = {
    "db": Setting("GRAPH_DB", str(DEFAULT_DB)),
    "heap": Setting("GRAPH_HEAP", "512m", heap_size),
    "batch_size": Setting("GRAPH_BATCH_SIZE", 1000, positive_int),  # rows per load transaction: larger showed no gain (measured)
    "neo4j_uri": Setting("NEO4J_URI", None),
    "neo4j_user": Setting("NEO4J_USER", "neo4j"),
    "neo4j_password": Setting("NEO4J_PASSWORD", None),
    "neo4j_database": Setting("NEO4J_DATABASE", None),
    "resolutions": Setting("GRAPH_RESOLUTIONS", None),  # the identity decisions file (ingest/identity.py)
}


def config_paths() -> list[Path]:
    explicit = os.environ.get("GRAPH_CONFIG")
    if explicit:
        return [Path(explicit)]
    return [Path("graph.toml"), Path.home() / ".config" / "vn-officials-graph" / "config.toml"]


@lru_cache(maxsize=4)
def _file_settings(paths: tuple[Path, ...]) -> tuple[dict[str, Any], str]:
    """The first config file's settings, and its name for messages."""
    for path in paths:
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    return tomllib.load(fh), str(path)
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise SettingError(f"config file {path}: {exc}") from None
    return {}, ""


def file_settings() -> tuple[dict[str, Any], str]:
    """The config file in force: (its settings, its path or "")."""
    return _file_settings(tuple(config_paths()))


def resolve(env: str, default: Any, kind: Callable[[Any], Any], flag: Any = None, flag_name: str = "",
            file_key: tuple[str, ...] = ()) -> Any:
    """One value by the documented precedence, checked by ``kind``; a bad one is a
    ``SettingError`` naming its source (the flag, the variable or the config file)."""
    if flag not in (None, ""):
        value, source = flag, flag_name or "option"
    elif os.environ.get(env):
        value, source = os.environ[env], env
    else:
        data, path = file_settings()
        for part in file_key[:-1]:
            data = data.get(part) if isinstance(data, dict) else None
        if isinstance(data, dict) and file_key and file_key[-1] in data:
            value, source = data[file_key[-1]], f"{'.'.join(file_key)} in {path}"
        else:
            return default
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError as exc:
        raise SettingError(f"{source}={value!r} {exc}") from None


def setting(name: str, flag: Any = None, flag_name: str = "") -> Any:
    """Resolve and check one setting by the documented precedence."""
    s = SETTINGS[name]
    return resolve(s.env, s.default, s.kind, flag, flag_name or f"--{name.replace('_', '-')}", (name,))


def check_settings() -> None:
    """Check every setting from the environment and the config file once, so a bad one
    stops a command before it starts work (``SettingError``)."""
    for name in SETTINGS:
        setting(name)
