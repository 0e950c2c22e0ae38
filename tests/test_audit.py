"""`graph audit`: what looks extractable and was not, grouped by shape, on invented sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from ingest.audit import KINDS, audit, report_dict
from ingest.clean import Article
from ingest.datacheck import DataError
from ingest.gazetteer import DATA, use_data


def _report(*texts: str):
    return audit([Article(id=f"a{i}", text=t, source=f"a{i}") for i, t in enumerate(texts)], keep=5)


def _found(kind: str, *texts: str) -> list[str]:
    return [f.text for g in _report(*texts).ranked(kind) for f in g.examples]


# (kind, sentence, what must be found: None for nothing of that kind)
CASES = [
    ("name", "Chủ tịch UBND tỉnh Nghệ An cảm ơn Nguyễn Văn An đã đến dự.", "Nguyễn Văn An"),
    ("name", "Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An phát biểu.", None),  # extracted: not a miss
    ("name", "Chủ tịch UBND tỉnh làm việc tại Hà Nội Mới.", None),  # a place, not a name
    ("name", "Nguyễn Văn An trồng lúa ở xã bên.", None),  # no title near it
    ("number", "Năng suất đạt 12/KM trên toàn tuyến.", "12/KM"),
    ("number", "UBND tỉnh ban hành Kế hoạch số 84/KH-UBND ngày 2/3/2024.", None),
    ("trigger", "UBND tỉnh Nghệ An giao các sở, ngành khẩn trương triển khai.", "giao"),
    ("trigger", "Hai bên đã bàn giao mặt bằng và tăng cường giao lưu, ngoại giao.", None),
    ("trigger", "Tuyến đường giao thông được nâng cấp.", None),
]


@pytest.mark.parametrize("kind, text, expected", CASES)
def test_findings(kind: str, text: str, expected: str | None):
    found = _found(kind, text)
    assert (expected in found) if expected else not found, found


def test_one_shape_is_one_group_with_its_count():
    report = _report(
        "Chủ tịch UBND tỉnh Nghệ An cảm ơn Nguyễn Văn An.",
        "Chủ tịch UBND tỉnh Hà Tĩnh cảm ơn Trần Thị Bình.",
    )
    (group,) = report.ranked("name")
    assert group.count == 2 and group.shape == "<TITLE> cảm ơn NAME"
    assert {f.text for f in group.examples} == {"Nguyễn Văn An", "Trần Thị Bình"}
    assert report_dict(report, 10)["totals"]["name"] == 2


def test_cli_audit_json(examples_dir: Path):
    result = CliRunner().invoke(app, ["audit", str(examples_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 5 and set(data["totals"]) == set(KINDS)
    assert all(g["examples"][0]["sentence"] for g in data["groups"])


def test_cli_audit_with_nothing_to_read_is_bad_input(tmp_path: Path):
    assert CliRunner().invoke(app, ["audit", str(tmp_path)]).exit_code == 2


def test_cli_stops_at_start_up_on_a_broken_vocabulary(tmp_path: Path, examples_dir: Path):
    bad = tmp_path / "data"
    bad.mkdir()
    for f in DATA.glob("*.yaml"):
        (bad / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    titles = bad / "titles.yaml"
    titles.write_text(titles.read_text(encoding="utf-8").replace("Chủ tịch: {role: head}", "Chủ tịch: {role: hed}"), encoding="utf-8")
    with use_data(bad):
        for command in ("extract", "audit"):
            result = CliRunner().invoke(app, [command, str(examples_dir)])
            assert result.exit_code == 2, result.output
            assert "titles.yaml: titles.Chủ tịch.role: 'hed' is not one of head, member" in result.stderr
        with pytest.raises(DataError):
            from ingest.pipeline import build_nlp

            build_nlp()
