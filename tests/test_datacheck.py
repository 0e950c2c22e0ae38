"""Vocabulary files are checked at start-up: a broken copy of ``ingest/data`` fails with the
file and the key named (never silently, never with a spaCy error)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from ingest.datacheck import DataError
from ingest.gazetteer import DATA, load, use_data, validate_all


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _edit(path: Path, change) -> None:  # noqa: ANN001 (a function over the parsed YAML)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _message(directory: Path) -> str:
    with use_data(directory), pytest.raises(DataError) as info:
        validate_all()
    return str(info.value)


def test_the_shipped_vocabulary_is_valid():
    validate_all()


# (file, change, words the message must hold)
BROKEN = [
    ("titles", lambda d: d["titles"]["Chủ tịch"].update(role="hed"), ["titles.yaml", "titles.Chủ tịch.role", "'hed' is not one of head, member"]),
    ("titles", lambda d: d["titles"]["Bí thư"].pop("role"), ["titles.yaml", "titles.Bí thư.role", "missing"]),
    ("titles", lambda d: d["titles"]["Giám đốc"].update(rol="head"), ["titles.Giám đốc.rol", "unknown key"]),
    ("titles", lambda d: d["titles"]["Thủ tướng"].update(body="Chính phũ"), ["titles.Thủ tướng.body", "'Chính phũ'", "bodies.yaml"]),
    ("bodies", lambda d: d.pop("party_committees"), ["bodies.yaml", "party_committees", "missing"]),
    ("bodies", lambda d: d["party_committees"]["Tỉnh ủy"].update(level=3), ["party_committees.Tỉnh ủy.level"]),
    ("places", lambda d: d["aliases"].update({"TP.HN": "Hà Nôi"}), ["places.yaml", "aliases.TP.HN", "'Hà Nôi'"]),
    ("boilerplate", lambda d: d["drop_lines"].append("^(unclosed"), ["boilerplate.yaml", "drop_lines", "not a regular expression"]),
    ("surnames", lambda d: d.update(surnames="Nguyễn"), ["surnames.yaml", "surnames"]),
    ("limits", lambda d: d.update(warn_kept_share=5), ["limits.yaml", "warn_kept_share"]),
    ("identity", lambda d: d["national_rank"]["titles"].append("Chủ tịc"), ["identity.yaml", "national_rank.titles", "'Chủ tịc'"]),
    ("identity", lambda d: d["national_rank"]["province_bodies"].append("Đoàn ĐBQH"),
     ["identity.yaml", "national_rank.province_bodies", "'Đoàn ĐBQH'", "bodies.yaml"]),
    ("identity", lambda d: d.pop("national_rank"), ["identity.yaml", "national_rank", "missing"]),
]


@pytest.mark.parametrize("name, change, words", BROKEN, ids=[f"{b[0]}-{i}" for i, b in enumerate(BROKEN)])
def test_a_broken_file_is_named_with_its_key(data_copy: Path, name: str, change, words: list[str]):  # noqa: ANN001
    _edit(data_copy / f"{name}.yaml", change)
    message = _message(data_copy)
    for w in words:
        assert w in message, message


def test_unparsable_yaml_and_a_missing_file_are_named(data_copy: Path):
    (data_copy / "titles.yaml").write_text("titles: [unclosed\n", encoding="utf-8")
    assert "titles.yaml: not valid YAML" in _message(data_copy)
    (data_copy / "titles.yaml").unlink()
    assert "titles.yaml: cannot be read" in _message(data_copy)


def test_switching_back_restores_the_shipped_vocabulary(data_copy: Path):
    _edit(data_copy / "titles.yaml", lambda d: d["titles"].update({"Tổ trưởng thử": {"role": "head"}}))
    with use_data(data_copy):
        assert "Tổ trưởng thử" in load("titles")["titles"]
    assert "Tổ trưởng thử" not in load("titles")["titles"]


def test_a_trigger_key_the_rules_read_is_required_and_every_key_is_a_list(data_copy: Path):
    _edit(data_copy / "triggers.yaml", lambda d: d.pop("signing"))
    assert "triggers.yaml: signing: missing" in _message(data_copy)
    _edit(data_copy / "triggers.yaml", lambda d: d.update(signing=["ký"], new_key="ký"))
    assert "triggers.yaml: new_key:" in _message(data_copy)


def test_a_data_file_without_a_schema_is_refused(data_copy: Path):
    (data_copy / "colours.yaml").write_text("red: [đỏ]\n", encoding="utf-8")
    with use_data(data_copy), pytest.raises(DataError, match="colours.yaml: no schema"):
        load("colours")
