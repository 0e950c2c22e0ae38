"""`graph push` and `graph export` through Typer's CliRunner, and exit code 3 when Neo4j is out
of reach."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from conftest import BoltServer, free_ports
from graph.embedded import EmbeddedStore
from graph.export import import_command
from test_store_contract import canonical, handmade


@pytest.fixture
def filled_db(tmp_path: Path) -> str:
    """An embedded store on disk holding the hand-made graph, closed so the CLI can open it."""
    path = tmp_path / "db"
    with EmbeddedStore(path) as store:
        store.setup()
        store.load(handmade())
    return str(path)


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env={"GRAPH_CONFIG": "/nonexistent", "COLUMNS": "200", **(env or {})}).invoke(app, list(args))


@pytest.mark.parametrize("command", [["stats"], ["export", "--format", "json"], ["push"]])
def test_an_unreachable_neo4j_exits_3_naming_the_uri(command: list[str], tmp_path: Path):
    (port,) = free_ports(1)
    uri = f"bolt://127.0.0.1:{port}"
    result = run(*command, "--uri", uri, "--db", str(tmp_path / "db"), env={"NEO4J_PASSWORD": "pw-never-shown"})
    assert result.exit_code == 3, result.output
    assert uri in result.stderr and "pw-never-shown" not in result.output + result.stderr


def test_export_json_is_the_design_shape(filled_db: str, tmp_path: Path):
    out = tmp_path / "graph.json"
    result = run("export", "--format", "json", "-o", str(out), "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert canonical(json.loads(out.read_text(encoding="utf-8"))) == canonical(handmade().to_dict())
    to_stdout = run("export", "--db", filled_db)
    assert json.loads(to_stdout.stdout)["schema_version"] == 3


def test_export_neo4j_admin_writes_the_csvs_and_prints_the_import_command(filled_db: str, tmp_path: Path):
    out = tmp_path / "admin"
    result = run("export", "--format", "neo4j-admin", "-o", str(out), "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == import_command("/import")  # the path docker-compose.yml mounts
    assert "/import" in result.stderr and str(out.resolve()) in " ".join(result.stderr.split())
    assert (out / "nodes_Person.csv").read_text(encoding="utf-8").count("\n") == 3  # header + 2 people


@pytest.mark.parametrize("args", [["--format", "neo4j-admin"], ["--format", "graphviz", "-o", "x"]])
def test_export_usage_errors_exit_2(args: list[str], tmp_path: Path):
    assert run("export", *args, "--db", str(tmp_path / "db")).exit_code == 2


@pytest.mark.bolt
def test_push_copies_the_embedded_store_into_neo4j_and_again_changes_nothing(
    filled_db: str, bolt_server: BoltServer, bolt_store
):
    env = {"NEO4J_USER": bolt_server.user, "NEO4J_PASSWORD": bolt_server.password,
           "NEO4J_DATABASE": bolt_server.database}
    first = run("push", "--db", filled_db, "--uri", bolt_server.uri, "--batch-size", "4", env=env)
    assert first.exit_code == 0, first.output
    assert "rows/s" in first.stderr and bolt_server.uri in first.stderr
    assert canonical(bolt_store.dump().to_dict()) == canonical(handmade().to_dict())
    counts = bolt_store.counts()
    again = run("push", "--db", filled_db, "--uri", bolt_server.uri, env=env)
    assert again.exit_code == 0, again.output
    assert bolt_store.counts() == counts
