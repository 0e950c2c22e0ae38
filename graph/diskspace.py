"""A full disk, said as such: which path, and how much room is left there.

The engine reports a full disk as a store error among others ("No space left on device",
somewhere inside a Java exception), which the CLI used to show as bad input (exit 2). It is
the machine, not the input: exit 3, naming the store's path and the free space, so the user
knows what to clear. Re-running once there is room completes the load (every write is a MERGE).
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

_MARKERS = ("no space left on device", "disk full", "not enough space", "enospc")


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it wraps) says the disk is full."""
    seen = 0
    while exc is not None and seen < 16:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        if any(m in str(exc).lower() for m in _MARKERS):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def free_space(path: str | os.PathLike[str]) -> str:
    """Free space on the file system holding ``path`` (its nearest existing parent), in words."""
    where = Path(path).absolute()
    while not where.exists() and where != where.parent:
        where = where.parent
    try:
        free = shutil.disk_usage(where).free
    except OSError:
        return "free space unknown"
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if free < 1024 or unit == "TB":
            return f"{free:,.0f} {unit} free" if unit == "bytes" else f"{free:,.1f} {unit} free"
        free /= 1024
    return ""


def disk_full_message(exc: BaseException, path: str | os.PathLike[str] | None) -> str | None:
    """The one-line message for a full disk at ``path`` (the store or output), or None when
    ``exc`` is something else."""
    if not is_disk_full(exc):
        return None
    if path is None:
        from .config import setting

        path = setting("db")
    return (f"disk full: no space left for {path} ({free_space(path)}); free some space and run the "
            "command again (what was stored stays; re-running completes it)")
