"""README, "Adding a gazetteer entry": a title and a trigger added through YAML only (no code)
give the new facts, and the shipped vocabulary does not already give them."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ingest.gazetteer import DATA, use_data
from ingest.normalize import match_text
from ingest.pipeline import get_nlp

TEXT = "Tổng Điều phối viên Bộ Y tế Nguyễn Văn An phát biểu. UBND tỉnh Nghệ An ủy thác cho Sở Y tế kiểm tra."


def _facts() -> set[tuple[str, str, str]]:
    doc = get_nlp()(match_text(TEXT))
    return {
        (f.type, getattr(f.source, "name", None) or f.source.surface, f.target.surface)
        for f in doc._.facts
        if f.type in ("CHAIRED", "ASSIGNS")
    }


def test_a_title_and_a_trigger_added_in_yaml_give_new_facts(tmp_path: Path):
    new = {("CHAIRED", "Nguyễn Văn An", "Bộ Y tế"), ("ASSIGNS", "UBND tỉnh Nghệ An", "Sở Y tế")}
    assert not new & _facts()
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for name, change in (
        ("titles", lambda d: d["titles"].update({"Tổng Điều phối viên": {"role": "head"}})),
        ("triggers", lambda d: d["assigning"].append("ủy thác cho")),
    ):
        path = data / f"{name}.yaml"
        parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(parsed)
        path.write_text(yaml.safe_dump(parsed, allow_unicode=True), encoding="utf-8")
    with use_data(data):
        assert new <= _facts()
    assert not new & _facts()  # and the shipped vocabulary is back
