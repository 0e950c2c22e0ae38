"""Exports: the design.md JSON, and neo4j-admin CSVs parsed back the way the import tool reads
them (header types, array delimiter, global ids), plus the README's import command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from graph.export import ARRAY_DELIMITER, import_command, to_json, write_neo4j_admin
from graph.model import Edge, Evidence, Graph, Node, labels, relationship_types
from test_store_contract import ART1, KL143, TUYEN, canonical, handmade

REPO = Path(__file__).resolve().parents[1]


def test_json_is_the_design_shape():
    data = to_json(handmade())
    assert data["schema_version"] == 3
    assert {"id", "label", "number"} <= set(next(n for n in data["nodes"] if n["label"] == "Document"))
    signed = next(e for e in data["edges"] if e["type"] == "SIGNED" and e["source"] == TUYEN)
    assert signed["target"] == KL143 and signed["articles"] == [ART1] and signed["article_count"] == 1
    assert set(signed["evidence"][0]) == {"article", "sentence", "start", "end"}
    assert canonical(Graph.from_dict(json.loads(json.dumps(data))).to_dict()) == canonical(data)


def _typed(value: str, header: str):
    """A cell as neo4j-admin reads it: empty is no property, ``:long``/``:boolean``/``[]`` typed."""
    name, _, kind = header.partition(":")
    if value == "":
        return name, None
    if kind.endswith("[]"):
        return name, [_typed(v, f"x:{kind[:-2]}")[1] for v in value.split(ARRAY_DELIMITER)]
    if kind == "long":
        return name, int(value)
    if kind == "boolean":
        return name, value == "true"
    return name, value


def read_back(outdir: Path) -> Graph:
    """Rebuild a Graph from the CSV files alone."""
    g = Graph()
    for path in sorted(outdir.glob("nodes_*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            assert header[0] == ":ID" and header[-1] == ":LABEL"
            for row in reader:
                props = dict(_typed(v, h) for v, h in zip(row[1:-1], header[1:-1]))
                key = props.pop("key")
                assert row[0] == f"{row[-1]}:{key}"
                g.add_node(Node(row[-1], key, {k: v for k, v in props.items() if v is not None}))
    for path in sorted(outdir.glob("relationships_*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
            for row in reader:
                props = {k: v for k, v in (_typed(v, h) for v, h in zip(row[3:], header[3:])) if v is not None}
                ev = [Evidence.from_json(x) for x in props.pop("evidence")]
                props.pop("articles")
                g.add_edge(Edge(row[2], row[0], row[1], props, ev))
    return g


def test_neo4j_admin_csvs_parse_back_to_the_same_graph(tmp_path):
    g = handmade()
    files = write_neo4j_admin(g, tmp_path)
    assert sorted(p.name for p in files) == sorted(
        [f"nodes_{label}.csv" for label in labels()] + [f"relationships_{t}.csv" for t in relationship_types()]
    )
    back = read_back(tmp_path).to_dict()
    expected = g.to_dict()
    for n in expected["nodes"]:  # an empty array cell is no property for neo4j-admin
        for k in [k for k, v in n.items() if v == []]:
            del n[k]
    assert canonical(back) == canonical(expected)


def test_headers_are_typed_and_empty_labels_still_get_a_file(tmp_path):
    write_neo4j_admin(handmade(), tmp_path)
    with (tmp_path / "nodes_Document.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert {"key", "number", "year:long", "aliases:string[]"} <= set(header)
    with (tmp_path / "relationships_SIGNED.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert {"evidence:string[]", "articles:string[]", "first_seen"} <= set(header)
    assert (tmp_path / "nodes_Event.csv").read_text(encoding="utf-8").strip() == ":ID,key,:LABEL"


def test_text_with_commas_quotes_semicolons_and_newlines_survives(tmp_path):
    g = Graph()
    tricky = 'Ủy ban "A"; ban B,\nđoạn hai\x1f'
    g.add_node(Node("Body", "x||", {"name": tricky, "aliases": ["a;b", 'c,"d"']}))
    write_neo4j_admin(g, tmp_path)
    node = read_back(tmp_path).nodes["Body:x||"]
    assert node.props == {"name": tricky, "aliases": ["a;b", 'c,"d"']}


def test_the_readme_quotes_the_exact_import_command():
    command = import_command("/import")
    assert "--array-delimiter=U+001F" in command and "--multiline-fields=true" in command
    assert command in (REPO / "README.md").read_text(encoding="utf-8")
