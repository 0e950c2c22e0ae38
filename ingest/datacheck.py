"""The shape of every vocabulary file in ``ingest/data``, checked when the file is loaded.

A typo in a data file used to pass silently (``role: hed`` turned heads into members) or to
break most articles with an error that named neither file nor key. Each file now has a
pydantic model; ``check`` turns the first problems into one message that names the file, the
key path and what is wrong:

    ingest/data/titles.yaml: titles.Chủ tịch.role: 'hed' is not one of head, member

Besides shapes, a few cross-file references are checked (the body a title implies must be a
body of ``bodies.yaml``; a place alias must name a listed place), since a dangling name there
fails only on the articles that happen to use it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, ValidationError, field_validator


class DataError(ValueError):
    """A vocabulary file that cannot be used: the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


Words = list[str]
Spellings = dict[str, Words]  # canonical name -> other spellings


class TitleSpec(_Strict):
    role: Literal["head", "member"]
    body: Optional[str] = None
    absorbs_body: bool = False
    needs_body: bool = False
    #: the title names an organ of the body after it ("UVBTV Tỉnh ủy": of the Ban Thường vụ)
    organ: Optional[str] = None


class Prefixes(_Strict):
    current: Words
    former: Words


class Titles(_Strict):
    titles: dict[str, TitleSpec]
    qualifiers: Words
    suffixes: Words
    prefixes: Prefixes
    post_words: Words
    honorifics: Words


class Committee(_Strict):
    level: str
    also: Words


class AdHoc(_Strict):
    heads: Words
    stops: Words
    name_words: Words
    generic: Words
    after_number: Words
    standing: Words
    standing_not_of: Words


class Bodies(_Strict):
    central: Spellings
    sectors: Spellings
    local_heads: Spellings
    local_needs_level: Words
    party_committees: dict[str, Committee]
    party_blocs: Words
    sub_organs: Spellings
    ad_hoc: AdHoc
    not_mentioned_after: Words
    roles: Words
    levels: Spellings
    display: dict[str, Union[str, dict[str, str]]]


class Places(_Strict):
    cities: Words
    provinces: Words
    aliases: dict[str, str]


class Surnames(_Strict):
    surnames: Words
    given_name_openers: Words


class DocTypes(_Strict):
    codes: dict[str, str]
    party_overrides: dict[str, str]
    words: dict[str, Optional[str]]


class Issuers(_Strict):
    central: dict[str, str]
    local: dict[str, str]
    party_bodies: dict[str, str]
    not_codes: Words


class Boilerplate(_Strict):
    drop_lines: Words
    tail_markers: Words
    outlets: Words

    @field_validator("drop_lines")
    @classmethod
    def _regexes(cls, rules: Words) -> Words:
        for rule in rules:
            try:
                re.compile(rule)
            except re.error as exc:
                raise ValueError(f"{rule!r} is not a regular expression ({exc})") from None
        return rules


class Triggers(BaseModel):
    """Every key the rules read must be there; a new key must be a list of phrases too."""

    model_config = ConfigDict(extra="allow", strict=True)
    __pydantic_extra__: dict[str, Words]

    appointment: Words
    holding_post: Words
    dismissal: Words
    replacement: Words
    list_intro: Words
    presiding: Words
    co_presiding: Words
    presiding_frame: Words
    event_words: Words
    comma_nouns: Words
    signing: Words
    not_signing: Words
    issuing: Words
    enacting: Words
    at_number: Words
    referencing: Words
    assigning: Words
    task_first: Words
    in_charge: Words
    establishing: Words
    clause_subject: Words
    joining: Words
    organ_end: Words
    speech_verbs: Words


class Limits(_Strict):
    """Defaults of ``ingest.limits`` (which checks the values in force, overrides included)."""

    max_article_chars: PositiveInt
    max_sentence_chars: PositiveInt
    evidence_window: PositiveInt
    max_facts_per_sentence: PositiveInt
    warn_kept_share: Annotated[float, Field(ge=0, le=1)]
    warn_min_chars: PositiveInt


class TenureCue(_Strict):
    marks: Literal["start", "end", "none"]
    status: Optional[Literal["current", "former", "acting", "elected", "nominated", "dismissed"]] = None


class TenurePrefixes(_Strict):
    former: Words
    acting: Words


class Succession(_Strict):
    verbs: Words
    honorifics: Words
    negations: Words


class Tenure(_Strict):
    """Appointment language that dates a position (ingest/components/tenure.py)."""

    cues: dict[str, TenureCue]
    title_prefixes: TenurePrefixes
    date_lead: Words
    term_words: Words
    succession: Succession


class NationalRank(_Strict):
    province_bodies: Words
    titles: Words


class Identity(_Strict):
    """Which posts make a person one node per name, and which per province (ingest/identity.py)."""

    national_rank: NationalRank


#: file stem -> its model; a file without a model here is refused (so a new file gets one)
MODELS: dict[str, type[BaseModel]] = {
    "titles": Titles,
    "bodies": Bodies,
    "places": Places,
    "surnames": Surnames,
    "doc_types": DocTypes,
    "issuers": Issuers,
    "boilerplate": Boilerplate,
    "triggers": Triggers,
    "limits": Limits,
    "tenure": Tenure,
    "identity": Identity,
}


def _where(loc: tuple[Union[str, int], ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


def _problem(error: dict[str, Any]) -> str:
    """One pydantic error as a sentence a data editor understands."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "literal_error":
        allowed = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return f"{value!r} is not one of {allowed}"
    if kind == "missing":
        return "missing"
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{value!r}: {error['msg'].lower()}"


def shown(path: Path) -> str:
    """The path as a user finds it: relative to the repository when the file is in it."""
    try:
        return str(path.resolve().relative_to(Path(__file__).resolve().parents[1]))
    except ValueError:
        return str(path)


def check(name: str, data: Any, path: Path) -> None:
    """Raise ``DataError`` naming ``path`` and the keys at fault when ``data`` (the parsed file
    ``name``) does not have its model's shape."""
    model = MODELS.get(name)
    if model is None:
        raise DataError(f"{shown(path)}: no schema for this file (add one to ingest/datacheck.py)")
    try:
        model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        lines = [f"{_where(e['loc'])}: {_problem(e)}" for e in exc.errors()[:5]]
        more = exc.error_count() - len(lines)
        tail = f" (and {more} more)" if more > 0 else ""
        raise DataError(f"{shown(path)}: " + "; ".join(lines) + tail) from None


def check_references(load: Any, data_dir: Path) -> None:
    """Names one file uses that another must define (``load`` is ``gazetteer.load``)."""
    bodies = load("bodies")
    known = set(bodies["central"]) | set(bodies["party_committees"])
    for title, spec in load("titles")["titles"].items():
        if spec.get("organ") and spec["organ"] not in bodies["sub_organs"]:
            raise DataError(f"{shown(data_dir / 'titles.yaml')}: titles.{title}.organ: {spec['organ']!r} is not a sub_organ of bodies.yaml")
        if spec.get("body") and spec["body"] not in known:
            raise DataError(
                f"{shown(data_dir / 'titles.yaml')}: titles.{title}.body: {spec['body']!r} is not a central body "
                "or Party committee of bodies.yaml"
            )
    titles, rank = load("titles")["titles"], load("identity")["national_rank"]
    for title in rank["titles"]:
        if title not in titles:
            raise DataError(f"{shown(data_dir / 'identity.yaml')}: national_rank.titles: {title!r} is not a title of titles.yaml")
    kinds = set(bodies["local_heads"]) | set(bodies["party_committees"])
    for kind in rank["province_bodies"]:
        if kind not in kinds:
            raise DataError(f"{shown(data_dir / 'identity.yaml')}: national_rank.province_bodies: {kind!r} is not a "
                            "local organ or Party committee of bodies.yaml")
    places = load("places")
    listed = set(places["cities"]) | set(places["provinces"])
    for alias, canon in places["aliases"].items():
        if canon not in listed:
            raise DataError(f"{shown(data_dir / 'places.yaml')}: aliases.{alias}: {canon!r} is not a listed city or province")
