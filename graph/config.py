"""Settings with one precedence everywhere: flag > environment variable > config file > default.

The config file is TOML (``graph.toml`` in the working directory, or the file named by
``GRAPH_CONFIG``, or ``~/.config/vn-officials-graph/config.toml``). Secrets (the Neo4j
password) may come from the environment or that file, never from code, and are never printed.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_DB = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "vn-officials-graph" / "db"

#: setting name -> (environment variable, default)
SETTINGS: dict[str, tuple[str, Any]] = {
    "db": ("GRAPH_DB", str(DEFAULT_DB)),
    "heap": ("GRAPH_HEAP", "512m"),
    "batch_size": ("GRAPH_BATCH_SIZE", 1000),  # rows per load transaction: larger showed no gain (measured)
    "neo4j_uri": ("NEO4J_URI", None),
    "neo4j_user": ("NEO4J_USER", "neo4j"),
    "neo4j_password": ("NEO4J_PASSWORD", None),
    "neo4j_database": ("NEO4J_DATABASE", None),
}


def config_paths() -> list[Path]:
    explicit = os.environ.get("GRAPH_CONFIG")
    if explicit:
        return [Path(explicit)]
    return [Path("graph.toml"), Path.home() / ".config" / "vn-officials-graph" / "config.toml"]


@lru_cache(maxsize=4)
def _file_settings(paths: tuple[Path, ...]) -> dict[str, Any]:
    for path in paths:
        if path.is_file():
            with path.open("rb") as fh:
                return tomllib.load(fh)
    return {}


def config_file_value(name: str) -> Any:
    """A value of the config file alone (for settings that have no flag of their own)."""
    return _file_settings(tuple(config_paths())).get(name)


def setting(name: str, flag: Any = None) -> Any:
    """Resolve one setting by the documented precedence."""
    if flag not in (None, ""):
        return flag
    env, default = SETTINGS[name]
    if os.environ.get(env):
        return os.environ[env]
    return _file_settings(tuple(config_paths())).get(name, default)
