"""Text from the corpus made safe to show on a terminal.

An article may carry control characters: ``ESC[2J`` clears the screen, ``ESC[31m`` recolours
it, ``ESC]8;;`` makes a link, NUL and backspace hide what is printed. Shown raw by `graph
who-issued`, they let a news page drive the reader's terminal. Every corpus value the CLI
shows goes through ``printable`` (tables, headlines, messages) or ``json_safe`` (JSON text).
"""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, and the C1 controls (0x9B is a one-byte CSI)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: JSON already escapes C0; DEL and C1 pass through ``json.dumps(ensure_ascii=False)``
_JSON_UNESCAPED = re.compile(r"[\x7f-\x9f]")


def _escape(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group()):02x}"


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline shown as ``\\xNN``."""
    return _CONTROL.sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text with DEL and the C1 controls written as ``\\u00NN`` (still the same JSON)."""
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
