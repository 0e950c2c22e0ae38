"""Query packs: the ``.cypher`` files in this directory, their headers, and running them.

A pack file holds several queries. Each query starts with a header of ``//`` comments, so the
file stays plain Cypher that can be pasted into Neo4j Browser as it is::

    // name: who-issued
    // description: Who issued a document: the body, the signers, type and date, with evidence.
    // param: number = "143-KL/TU"
    // :param number => "143-KL/TU"
    MATCH (d:Document {number: $number}) ...;

``param`` lines declare every ``$parameter`` with an example value (a JSON literal, which is
also a Cypher literal). A trailing ``(optional)`` means the parameter is ``null`` when not
given; ``(default)`` means the example is used when not given. The ``:param`` lines repeat the
examples in Neo4j Browser's syntax. The same header is what ``graph query --list`` prints and
what the README lists, so a query is written, documented and tested in one place.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

PACK_DIR = Path(__file__).parent
MODES = ("required", "optional", "default")

_FIELD = re.compile(r"^//\s*(name|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s*=\s*(.+?)(?:\s+\((optional|default)\))?$")
_BROWSER = re.compile(r"^//\s*:param\s+(\w+)\s*=>\s*(.+?)\s*$")
_USED = re.compile(r"\$(\w+)")
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


class PackError(Exception):
    """A pack file is malformed: the message names the file, line and problem."""


class ParamError(ValueError):
    """Parameters given for a query do not fit its header (CLI exit code 2)."""


class UnknownQuery(KeyError):
    """No query of that name; ``suggestions`` holds close names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.suggestions = suggestions

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"no query named {self.name!r}{hint} (graph query --list)"


@dataclass(frozen=True)
class Param:
    """One declared parameter: its name, example value and whether it must be given."""

    name: str
    example: Any
    mode: str = "required"

    def coerce(self, value: Any) -> Any:
        """A value given as text (``--param year=2021``) converted to the example's type, so
        ``number=84`` stays a string while ``year=2021`` and ``limit=5`` become integers."""
        if not isinstance(value, str) or isinstance(self.example, str):
            return value
        try:
            if isinstance(self.example, bool):
                if value.lower() not in ("true", "false"):
                    raise ValueError(value)
                return value.lower() == "true"
            if isinstance(self.example, int):
                return int(value)
            if isinstance(self.example, float):
                return float(value)
            return json.loads(value)
        except ValueError:
            raise ParamError(
                f"parameter {self.name!r} expects a value like {json.dumps(self.example, ensure_ascii=False)}, "
                f"got {value!r}"
            ) from None


@dataclass(frozen=True)
class Query:
    """One query of a pack, as its header describes it."""

    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    pack: str  # file stem: documents, people, bodies, network, quality, search
    browser: tuple[tuple[str, str], ...]  # the ``:param name => value`` lines, as (name, value text)
    line: int  # where the header starts, for error messages
    text: str = ""  # header and Cypher as written in the file (``graph query NAME --show``)

    def used_params(self) -> set[str]:
        """Parameter names the Cypher text refers to (string literals ignored)."""
        return set(_USED.findall(_STRING_LITERAL.sub("''", self.cypher)))

    def problems(self) -> list[str]:
        """What is wrong with this query's header, as sentences (empty when it is sound)."""
        found = []
        if not self.description:
            found.append("no description")
        if not self.cypher:
            found.append("no Cypher after the header")
        declared = [p.name for p in self.params]
        if len(set(declared)) != len(declared):
            found.append("a parameter is declared twice")
        for name in sorted(set(declared) - self.used_params()):
            found.append(f"parameter ${name} declared but not used")
        for name in sorted(self.used_params() - set(declared)):
            found.append(f"parameter ${name} used but not declared")
        browser = dict(self.browser)
        for p in self.params:
            text = browser.get(p.name)
            if text is None:
                found.append(f"no ':param {p.name} => ...' line")
            elif _literal(text) != p.example:
                found.append(f"':param {p.name}' value differs from the declared example")
        for name in sorted(set(browser) - set(declared)):
            found.append(f"':param {name}' line for an undeclared parameter")
        return found

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """The parameter map to send: given values coerced, omitted ones filled by their mode.

        Values travel only as parameters, never spliced into the text, which is what makes an
        argument like ``"}) DETACH DELETE n //`` harmless data.
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise ParamError(
                f"{self.name} takes no parameter {', '.join(unknown)} "
                f"(it takes: {', '.join(known) or 'none'})"
            )
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                bound[p.name] = p.coerce(given[p.name])
            elif p.mode == "optional":
                bound[p.name] = None
            elif p.mode == "default":
                bound[p.name] = p.example
            else:
                raise ParamError(
                    f"{self.name} needs --param {p.name}=... "
                    f"(e.g. {p.name}={_plain(p.example)})"
                )
        return bound

    def summary(self) -> str:
        """The one line ``graph query --list`` prints."""
        return self.description.split(". ")[0].rstrip(".")


def _literal(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise PackError(f"not a JSON/Cypher literal: {text}") from None


def _plain(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def parse_pack(text: str, pack: str = "pack", source: str = "<text>") -> list[Query]:
    """Split one pack file into queries. Raises ``PackError`` on a line that cannot be read,
    a query without a name, or a query whose header has ``problems()``."""
    blocks: list[dict[str, Any]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        field = _FIELD.match(line)
        if field and field.group(1) == "name":
            blocks.append({"name": field.group(2), "line": number, "description": [], "params": [],
                           "browser": [], "body": [], "lines": [raw.rstrip()]})
            continue
        if not blocks:
            if line and not line.startswith("//"):
                raise PackError(f"{source}:{number}: Cypher before the first '// name:' header")
            continue
        block = blocks[-1]
        block["lines"].append(raw.rstrip())
        browser = _BROWSER.match(line)
        if field and field.group(1) == "description":
            block["description"].append(field.group(2))
        elif field and field.group(1) == "param":
            m = _PARAM.match(field.group(2))
            if not m:
                raise PackError(f"{source}:{number}: cannot read param line {line!r}")
            try:
                block["params"].append(Param(m.group(1), _literal(m.group(2)), m.group(3) or "required"))
            except PackError as exc:
                raise PackError(f"{source}:{number}: {exc}") from None
        elif browser:
            block["browser"].append((browser.group(1), browser.group(2)))
        elif line.startswith("//") and not block["body"]:
            block["description"].append(line.lstrip("/ ").strip())  # description continued
        elif line and not line.startswith("//"):
            block["body"].append(raw.rstrip())
    queries = []
    for b in blocks:
        cypher = "\n".join(b["body"]).strip().rstrip(";").strip()
        q = Query(
            name=b["name"],
            description=" ".join(d for d in b["description"] if d).strip(),
            params=tuple(b["params"]),
            cypher=cypher,
            pack=pack,
            browser=tuple(b["browser"]),
            line=b["line"],
            text="\n".join(b["lines"]).strip(),
        )
        try:
            problems = q.problems()
        except PackError as exc:
            problems = [str(exc)]
        if problems:
            raise PackError(f"{source}:{q.line}: query {q.name!r}: {'; '.join(problems)}")
        queries.append(q)
    return queries


#: the order ``graph query --list`` and the README present the packs in (others follow, by name)
PACK_ORDER = ("documents", "people", "bodies", "network", "quality", "search")


def pack_files(directory: Path = PACK_DIR) -> list[Path]:
    rank = {name: i for i, name in enumerate(PACK_ORDER)}
    return sorted(directory.glob("*.cypher"), key=lambda p: (rank.get(p.stem, len(rank)), p.stem))


@lru_cache(maxsize=4)
def load_packs(directory: Path = PACK_DIR) -> dict[str, Query]:
    """Every query of every pack in ``directory``, by name, in file then file order.
    Names are unique across packs (a duplicate raises ``PackError``)."""
    queries: dict[str, Query] = {}
    for path in pack_files(directory):
        for q in parse_pack(path.read_text(encoding="utf-8"), pack=path.stem, source=path.name):
            if q.name in queries:
                raise PackError(f"{path.name}:{q.line}: query name {q.name!r} already used in {queries[q.name].pack}")
            queries[q.name] = q
    return queries


def get_query(name: str, directory: Path = PACK_DIR) -> Query:
    """The query called ``name``, or ``UnknownQuery`` carrying the closest names."""
    queries = load_packs(directory)
    try:
        return queries[name]
    except KeyError:
        raise UnknownQuery(name, difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)) from None


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``["key=value", ...]`` (the repeated ``--param`` option) to a dict; values stay text
    until ``Query.bind`` gives them the declared type."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ParamError(f"--param expects key=value, got {pair!r}")
        out[key.strip()] = value
    return out


def literal_or_text(value: str) -> Any:
    """An ad-hoc ``--param`` value: a JSON literal when it is one (``2021``, ``null``,
    ``["a"]``, ``"quoted"``), else the text as given."""
    try:
        return json.loads(value)
    except ValueError:
        return value


def run_query(store: Any, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run a pack query read-only (``Store.read``): a pack can never modify the graph."""
    query = get_query(name)
    return store.read(query.cypher, query.bind(params or {}))
