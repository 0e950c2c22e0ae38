"""Query packs: every header is sound, every query answers on every store, and nothing a user
types can change the graph or the query.

The store tests run each pack query on the examples graph (plus the small, clearly fictional
supplement in conftest's query section that gives references, co-signers and data-quality
problems something to find) on the embedded store and over Bolt.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.store import StoreError, decode_evidence
from queries import lookup
from queries.packs import (
    PackError,
    Param,
    ParamError,
    UnknownQuery,
    get_query,
    load_packs,
    pack_files,
    parse_assignments,
    parse_pack,
    run_query,
)

README = Path(__file__).resolve().parents[1] / "README.md"
QUERIES = load_packs()


# -- headers -----------------------------------------------------------------------------------
def test_the_five_themes_and_search_are_packs():
    assert {p.stem for p in pack_files()} == {"documents", "people", "bodies", "network", "quality", "search"}


@pytest.mark.parametrize("path", pack_files(), ids=lambda p: p.name)
def test_every_header_parses_and_declares_what_the_query_uses(path: Path):
    text = path.read_text(encoding="utf-8")
    queries = parse_pack(text, pack=path.stem, source=path.name)
    assert queries, f"{path.name} holds no query"
    assert len(queries) == text.count("// name:")
    for q in queries:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", q.name), q.name
        assert len(q.description) > 20, q.name
        declared = {p.name for p in q.params}
        assert declared == q.used_params(), q.name
        assert {name for name, _ in q.browser} == declared, f"{q.name}: a ':param' line is missing"
        for p in q.params:
            assert f"// :param {p.name} => " in q.text
        assert q.problems() == []


def test_query_names_are_unique_across_packs():
    names = [q.name for path in pack_files() for q in parse_pack(path.read_text(encoding="utf-8"), path.stem)]
    assert len(names) == len(set(names)) == len(QUERIES)


@pytest.mark.parametrize("query", QUERIES.values(), ids=lambda q: q.name)
def test_queries_take_values_only_as_parameters_and_start_from_a_match(query):
    # no string literal that looks like data (names, numbers) pasted into the text
    literals = re.findall(r"'([^']*)'|\"([^\"]*)\"", query.cypher)
    allowed = {"", " ", "đ", "d", "co-signed", "same article", "references", "SIGNED", "CHAIRED",
               "Person", "Body", "Document", "former", "dismissed", "stated", "term", "seen"}
    assert {a or b for a, b in literals} <= allowed, query.name
    assert query.cypher.lstrip().startswith(("MATCH", "CALL {")), query.name  # never OPTIONAL MATCH first


HEADER = """// name: demo
// description: A demonstration query for the parser tests.
// param: number = "143-KL/TU"
// :param number => "143-KL/TU"
MATCH (d:Document {number: $number}) RETURN d.number AS number;
"""


@pytest.mark.parametrize(
    "broken, problem",
    [
        (HEADER.replace("// description: A demonstration query for the parser tests.\n", ""), "no description"),
        (HEADER.replace("{number: $number}", "{number: $num}"), "$num used but not declared"),
        (HEADER.replace("{number: $number}", "{number: '1'}"), "$number declared but not used"),
        (HEADER.replace('// :param number => "143-KL/TU"\n', ""), "no ':param number"),
        (HEADER.replace('=> "143-KL/TU"', '=> "84/KH-UBND"'), "differs from the declared example"),
        (HEADER.replace('=> "143-KL/TU"', "=> 143-KL/TU"), "not a JSON/Cypher literal"),
        (HEADER.replace('// param: number = "143-KL/TU"', "// param: number"), "cannot read param line"),
        ("MATCH (n) RETURN n;\n" + HEADER, "Cypher before the first"),
        (HEADER + '// :param other => 1\n', "undeclared parameter"),
    ],
)
def test_a_broken_header_is_refused_with_its_reason(broken: str, problem: str):
    with pytest.raises(PackError, match=re.escape(problem)):
        parse_pack(broken, source="broken.cypher")


def test_a_duplicate_name_across_packs_is_refused(tmp_path: Path):
    (tmp_path / "a.cypher").write_text(HEADER, encoding="utf-8")
    (tmp_path / "b.cypher").write_text(HEADER, encoding="utf-8")
    with pytest.raises(PackError, match="already used"):
        load_packs(tmp_path)


def test_parameters_take_the_type_of_their_example():
    q = get_query("documents-by-body")
    assert q.bind({"body": "UBND TP Hà Nội", "year": "2021"}) == {"body": "UBND TP Hà Nội", "type": None, "year": 2021}
    assert get_query("who-issued").bind({"number": "84"}) == {"number": "84"}  # stays text
    assert get_query("most-connected-officials").bind({}) == {"limit": 10}  # (default)
    assert get_query("most-connected-officials").bind({"limit": "3"}) == {"limit": 3}
    assert Param("flag", True).coerce("false") is False
    assert Param("names", ["a"]).coerce('["x", "y"]') == ["x", "y"]


@pytest.mark.parametrize(
    "name, given, message",
    [
        ("who-issued", {}, "needs --param number="),
        ("who-issued", {"number": "1", "year": "2"}, "takes no parameter year"),
        ("most-connected-bodies", {"limit": "ten"}, "expects a value like 10"),
        ("documents-by-body", {"body": "x", "year": "2021; DROP"}, "expects a value like 2020"),
    ],
)
def test_bad_parameters_are_refused_before_reaching_the_store(name, given, message):
    with pytest.raises(ParamError, match=re.escape(message)):
        get_query(name).bind(given)


def test_param_assignments_split_on_the_first_equals_sign():
    assert parse_assignments(["number=143-KL/TU", "text=a=b", "empty="]) == {
        "number": "143-KL/TU",
        "text": "a=b",
        "empty": "",
    }
    with pytest.raises(ParamError):
        parse_assignments(["no-equals-sign"])


def test_an_unknown_query_suggests_close_names():
    with pytest.raises(UnknownQuery) as exc:
        get_query("who-isued")
    assert exc.value.suggestions[0] == "who-issued"
    assert "did you mean who-issued" in str(exc.value)


def test_the_readme_lists_every_pack_query():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Query packs", 1)[1].split("\n## ", 1)[0]
    missing = [q.name for q in QUERIES.values() if f"`{q.name}`" not in section]
    assert not missing, f"README 'Query packs' does not list: {', '.join(missing)}"
    for path in pack_files():
        assert f"queries/{path.name}" in section, path.name


# -- every query on every store ----------------------------------------------------------------
def _col(rows: list[dict], column: str) -> list:
    return [r[column] for r in rows]


def _who_issued(run):
    rows = run("who-issued", number="143-KL/TU")
    assert [(r["issued_by"], r["type"]) for r in rows] == [("Thành ủy Hà Nội", "Kết luận")]
    assert "Nguyễn Thị Tuyến" in rows[0]["signed_by"]
    assert any("143-KL/TU" in e["sentence"] for e in decode_evidence(rows[0]["evidence"]))
    assert rows[0]["basis"] and set(rows[0]["basis"]) <= {"stated", "issuer code"}
    stated = run("who-issued", number="01/NQ-CP")
    assert [(r["issued_by"], r["basis"]) for r in stated] == [("Chính phủ", ["stated"])]


def _who_signed(run):
    rows = run("who-signed", number="143-KL/TU")
    assert _col(rows, "signer") == ["Nguyễn Thị Tuyến"]
    assert any("ký" in e["sentence"] for e in decode_evidence(rows[0]["evidence"]))
    assert _col(run("who-signed", number="991/QĐ-UBND"), "signer") == ["Nguyễn Văn Mầu", "Nguyễn Văn Mẫu"]


def _document_cites(run):
    rows = run("document-cites", number="84/KH-UBND")
    assert [(r["number"], r["depth"]) for r in rows] == [("990-CTr/TU", 1), ("01/NQ-CP", 2)]
    assert rows[0]["via"] == ["84/KH-UBND thực hiện"]


def _document_cited_by(run):
    rows = run("document-cited-by", number="01/NQ-CP")
    assert [(r["number"], r["depth"]) for r in rows] == [("990-CTr/TU", 1), ("84/KH-UBND", 2)]
    assert rows[0]["via"] == ["cụ thể hóa 01/NQ-CP"]


def _document_assignments(run):
    rows = run("document-assignments", number="991/QĐ-UBND")
    assert [(r["assigned_to"], r["tasks"]) for r in rows] == [("UBND TP Hà Nội", ["rà soát dữ liệu kiểm thử"])]


def _documents_signed_by(run):
    rows = run("documents-signed-by", name="Chu Ngọc Anh")
    assert "84/KH-UBND" in _col(rows, "number")
    assert ["UBND TP Hà Nội"] in _col(rows, "issued_by")


def _person_positions(run):
    rows = run("person-positions", name="Chu Ngọc Anh")
    held = {(r["role"], r["body"]) for r in rows}
    assert {("CHAIRED", "UBND TP Hà Nội"), ("HOLDS", "Thành ủy Hà Nội")} <= held
    thanh_uy = next(r for r in rows if r["body"] == "Thành ủy Hà Nội")
    assert any("Phó Bí thư" in t for t in thanh_uy["titles"])


def _person_timeline(run):
    rows = run("person-timeline", name="Chu Ngọc Anh")
    assert ("SIGNED", "Kế hoạch 84/KH-UBND") in {(r["what"], r["detail"]) for r in rows}
    assert any(r["what"] == "CHAIRED" and "UBND TP Hà Nội" in r["detail"] for r in rows)
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and rows[: len(dated)] == [r for r in rows if r["date"]]


def _body_heads(run):
    assert "Đinh Tiến Dũng" in _col(run("body-heads", body="Thành ủy Hà Nội"), "name")
    assert "Chu Ngọc Anh" in _col(run("body-heads", body="UBND TP Hà Nội"), "name")


def _heads_as_of(run):
    (row,) = run("heads-as-of", body="UBND TP Hà Nội", date="2021-03")
    assert (row["name"], row["basis"]) == ("Chu Ngọc Anh", "seen")
    assert _col(run("heads-as-of", body="Thành ủy Hà Nội", date="2023-12"), "name") == ["Đinh Tiến Dũng"]
    assert run("heads-as-of", body="UBND TP Hà Nội", date="1990") == []


def _successions(run):
    # the sample articles state no succession ("thay ông ..."): tests/test_timeline.py has one
    assert run("successions", body="UBND TP Hà Nội") == []


def _body_people(run):
    rows = {(r["name"], r["role"]) for r in run("body-people", body="Thành ủy Hà Nội")}
    assert {("Đinh Tiến Dũng", "CHAIRED"), ("Nguyễn Thị Tuyến", "HOLDS"), ("Chu Ngọc Anh", "HOLDS")} <= rows


def _documents_by_body(run):
    every = _col(run("documents-by-body", body="UBND TP Hà Nội"), "number")
    assert {"84/KH-UBND", "991/QĐ-UBND"} <= set(every)
    plans = _col(run("documents-by-body", body="UBND TP Hà Nội", type="KH"), "number")
    assert "84/KH-UBND" in plans and "991/QĐ-UBND" not in plans
    assert _col(run("documents-by-body", body="UBND TP Hà Nội", type="Quyết định", year=2024), "number") == [
        "991/QĐ-UBND"
    ]
    assert run("documents-by-body", body="UBND TP Hà Nội", year=1990) == []
    programs = run("documents-by-body", body="Ban Cán sự đảng UBND TP Hà Nội", type="CTr", year=2020)
    assert [(r["number"], r["date"]) for r in programs] == [("780-CTr/BCS", "2020-12-08")]


def _body_tasks(run):
    rows = [r for r in run("body-tasks", body="UBND TP Hà Nội") if r["assigned_by"] == "991/QĐ-UBND"]
    assert [(r["by_kind"], r["tasks"]) for r in rows] == [("Document", ["rà soát dữ liệu kiểm thử"])]
    standing = run("body-tasks", body="Ban Thường vụ Thành ủy Hà Nội")
    assert [(r["by_kind"], r["assigned_by"]) for r in standing] == [("Body", "Thành ủy Hà Nội")]
    assert standing[0]["tasks"] and all(isinstance(t, str) for t in standing[0]["tasks"])


def _shortest_path(run):
    (row,) = run("shortest-path", **{"from": "Nguyễn Thị Tuyến", "to": "Chu Ngọc Anh"})
    assert row["length"] == 2
    assert row["nodes"] == ["Nguyễn Thị Tuyến", "Thành ủy Hà Nội", "Chu Ngọc Anh"]
    assert row["relationships"] == ["HOLDS", "HOLDS"]


def _officials_together(run):
    rows = run("officials-together", name="Nguyễn Văn Mẫu")
    (other,) = [r for r in rows if r["official"] == "Nguyễn Văn Mầu"]
    assert sorted(other["how"]) == ["co-signed", "same article"]
    assert "991/QĐ-UBND" in other["places"]


def _most_connected_officials(run):
    rows = run("most-connected-officials", limit=3)
    assert len(rows) == 3
    assert _col(rows, "connections") == sorted(_col(rows, "connections"), reverse=True)
    everyone = {r["name"]: r for r in run("most-connected-officials", limit=1000)}
    assert everyone["Chu Ngọc Anh"]["connections"] >= 3
    assert {"CHAIRED", "HOLDS", "SIGNED"} <= set(everyone["Chu Ngọc Anh"]["via"])


def _most_connected_bodies(run):
    rows = run("most-connected-bodies", limit=2)
    assert len(rows) == 2
    assert set(_col(rows, "name")) & {"Thành ủy Hà Nội", "UBND TP Hà Nội"}


def _articles_mentioning(run):
    rows = run("articles-mentioning", entity="143-KL/TU")
    assert _col(rows, "kind") == ["Document"]
    assert any(str(r["path"] or "").endswith("001_c872be74d7b7b5f5.txt") for r in rows)
    assert len(run("articles-mentioning", entity="Chu Ngọc Anh")) >= 2


def _documents_without_issuer(run):
    numbers = _col(run("documents-without-issuer"), "number")
    assert "990-CTr/TU" in numbers
    assert "143-KL/TU" not in numbers and "84/KH-UBND" not in numbers


def _people_without_position(run):
    names = _col(run("people-without-position"), "name")
    assert {"Nguyễn Văn Mẫu", "Nguyễn Văn Mầu"} <= set(names)
    assert "Chu Ngọc Anh" not in names


def _single_evidence_facts(run):
    rows = run("single-evidence-facts")
    assert ("SIGNED", "Nguyễn Văn Mẫu", "991/QĐ-UBND") in {(r["type"], r["source"], r["target"]) for r in rows}
    assert all(len(decode_evidence([r["evidence"]])) == 1 for r in rows)


def _near_duplicate_names(run):
    rows = run("near-duplicate-names")
    (dup,) = [r for r in rows if r["search"] == "nguyen van mau"]
    assert (dup["kind"], sorted(dup["names"]), dup["nodes"]) == ("Person", ["Nguyễn Văn Mầu", "Nguyễn Văn Mẫu"], 2)


def _search(run):
    rows = run("search", text="chu ngoc anh")
    assert ("Person", "Chu Ngọc Anh") in {(r["kind"], r["name"]) for r in rows}
    assert ("Document", "991/QĐ-UBND") in {(r["kind"], r["name"]) for r in run("search", text="991/qd")}


EXPECTATIONS = {
    "who-issued": _who_issued,
    "who-signed": _who_signed,
    "document-cites": _document_cites,
    "document-cited-by": _document_cited_by,
    "document-assignments": _document_assignments,
    "documents-signed-by": _documents_signed_by,
    "person-positions": _person_positions,
    "person-timeline": _person_timeline,
    "body-heads": _body_heads,
    "body-people": _body_people,
    "heads-as-of": _heads_as_of,
    "successions": _successions,
    "documents-by-body": _documents_by_body,
    "body-tasks": _body_tasks,
    "shortest-path": _shortest_path,
    "officials-together": _officials_together,
    "most-connected-officials": _most_connected_officials,
    "most-connected-bodies": _most_connected_bodies,
    "articles-mentioning": _articles_mentioning,
    "documents-without-issuer": _documents_without_issuer,
    "people-without-position": _people_without_position,
    "single-evidence-facts": _single_evidence_facts,
    "near-duplicate-names": _near_duplicate_names,
    "search": _search,
}


def test_every_pack_query_has_asserted_results():
    assert set(EXPECTATIONS) == set(QUERIES)


@pytest.mark.parametrize("name", list(QUERIES))
def test_query_answers_on_the_examples_graph(query_store, name):
    def run(query_name: str, **params) -> list[dict]:
        return run_query(query_store, query_name, params)

    EXPECTATIONS[name](run)


@pytest.mark.parametrize("name", list(QUERIES))
def test_every_header_example_runs(query_store, name):
    query = QUERIES[name]
    rows = query_store.read(query.cypher, query.bind({p.name: p.example for p in query.params}))
    assert isinstance(rows, list)


# -- read-only and injection -------------------------------------------------------------------
HOSTILE = [
    '143-KL/TU"}) DETACH DELETE d //',
    "143-KL/TU'}) MATCH (n) DETACH DELETE n //",
    "x} RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 AS {",
    "$number",
    "`Document`",
    "' OR 1=1 OR '",
]


def test_a_read_cannot_write(query_store):
    before = query_store.counts()
    for statement in (
        "CREATE (p:Person {key: 'intruder', name: 'Intruder'}) RETURN p.name AS name",
        "MATCH (d:Document {number: '143-KL/TU'}) DETACH DELETE d",
        "MATCH (p:Person) SET p.name = 'x' RETURN count(p) AS c",
    ):
        with pytest.raises(StoreError):
            query_store.read(statement)
    assert query_store.counts() == before
    assert query_store.read("MATCH (p:Person {key: 'intruder'}) RETURN p") == []


@pytest.mark.parametrize("text", HOSTILE)
def test_arguments_are_data_never_cypher(query_store, text):
    before = query_store.counts()
    for name, query in QUERIES.items():
        params = {p.name: text for p in query.params if isinstance(p.example, str)}
        if params:
            run_query(query_store, name, params)  # matches nothing, or matches text as text
    for question in (lookup.who_issued, lookup.who_signed, lookup.person_profile, lookup.body_profile):
        with pytest.raises(lookup.NotFound):
            question(query_store, text)
    assert query_store.counts() == before
    assert run_query(query_store, "who-issued", {"number": "143-KL/TU"})


# -- the library questions ---------------------------------------------------------------------
def test_who_issued_gives_body_signer_and_evidence_with_its_article(query_store):
    rows = lookup.who_issued(query_store, "143-kl/tu")
    assert {(r["number"], r["issued_by"]) for r in rows} == {("143-KL/TU", "Thành ủy Hà Nội")}
    assert all(r["signed_by"] == ["Nguyễn Thị Tuyến"] for r in rows)
    signing = [r for r in rows if "ký ban hành" in (r["sentence"] or "")]
    assert signing and signing[0]["source"].endswith("001_c872be74d7b7b5f5.txt")
    assert signing[0]["article"]


def test_document_numbers_are_normalised_and_near_misses_suggested(query_store):
    assert lookup.resolve(query_store, "document", "01/ nq-cp") == "01/NQ-CP"
    with pytest.raises(lookup.NotFound) as exc:
        lookup.who_issued(query_store, "143-KL/TX")
    assert "143-KL/TU" in exc.value.suggestions
    assert "did you mean 143-KL/TU" in str(exc.value)


def test_person_profile_from_an_unaccented_name(query_store):
    profile = lookup.person_profile(query_store, "Chu Ngoc Anh")
    assert profile["person"][0]["name"] == "Chu Ngọc Anh"
    titles = [t for r in profile["positions"] for t in r["titles"]] + profile["person"][0]["titles"]
    assert any(t.startswith("Chủ tịch") for t in titles) and any("Phó Bí thư" in t for t in titles)
    assert {"UBND TP Hà Nội", "Thành ủy Hà Nội"} <= {r["body"] for r in profile["positions"]}
    assert "84/KH-UBND" in [r["number"] for r in profile["documents"]]
    assert profile["timeline"]


def test_body_profile_by_unaccented_name(query_store):
    profile = lookup.body_profile(query_store, "thanh uy ha noi")
    assert profile["body"][0]["name"] == "Thành ủy Hà Nội"
    assert "Đinh Tiến Dũng" in [r["name"] for r in profile["heads"]]
    assert "143-KL/TU" in [r["number"] for r in profile["documents"]]


def test_path_steps_show_direction(query_store):
    steps = lookup.path(query_store, "Nguyen Thi Tuyen", "Chu Ngọc Anh")
    assert steps == [
        {"step": 1, "from": "Nguyễn Thị Tuyến", "relationship": "-[HOLDS]->", "to": "Thành ủy Hà Nội"},
        {"step": 2, "from": "Thành ủy Hà Nội", "relationship": "<-[HOLDS]-", "to": "Chu Ngọc Anh"},
    ]
    with pytest.raises(lookup.BadQuestion):
        lookup.path(query_store, "Chu Ngọc Anh", "chu ngoc anh")


def test_search_is_accent_insensitive(query_store):
    assert ("Person", "Chu Ngọc Anh") in {(r["kind"], r["name"]) for r in lookup.search(query_store, "Chu Ngoc Anh")}
    with pytest.raises(lookup.NotFound):
        lookup.search(query_store, "zzqx")


def test_an_ambiguous_unaccented_name_lists_the_candidates(query_store):
    with pytest.raises(lookup.Ambiguous) as exc:  # a BadQuestion: the CLI exits 2
        lookup.person_profile(query_store, "Nguyen Van Mau")
    assert sorted(exc.value.candidates) == ["Nguyễn Văn Mầu", "Nguyễn Văn Mẫu"]


def test_ask_normalises_parameters_and_hints_at_stored_spellings(query_store):
    assert lookup.ask(query_store, "who-issued", {"number": "143-kl/tu"})[0]["issued_by"] == "Thành ủy Hà Nội"
    assert lookup.ask(query_store, "body-heads", {"body": "Thành uỷ Hà Nội"})  # old tone placement
    # every named parameter goes through the question commands' resolver (issue 9, point 6)
    assert lookup.ask(query_store, "person-positions", {"name": "Chu Ngoc Anh"})
    assert lookup.ask(query_store, "body-people", {"body": "thanh uy ha noi"})
    with pytest.raises(lookup.NotFound) as exc:
        lookup.ask(query_store, "person-positions", {"name": "Chu Ngoc Ang"})
    assert exc.value.suggestions == ["name=Chu Ngọc Anh"]


def test_ad_hoc_reads_show_labels_ids_and_relationship_types(query_store):
    """`graph cypher` shows what Neo4j Browser's table does (issue 9, point 7), on both stores."""
    rows = query_store.read(
        "MATCH (p:Person {name: $name})-[s:SIGNED]->(d:Document {number: $number}) RETURN p, s, d",
        {"name": "Nguyễn Thị Tuyến", "number": "143-KL/TU"}, entities=True)
    person, signed, document = rows[0]["p"], rows[0]["s"], rows[0]["d"]
    assert person["labels"] == ["Person"] and person["id"] == "Person:nguyễn thị tuyến"
    assert person["properties"]["name"] == "Nguyễn Thị Tuyến"
    assert document["labels"] == ["Document"] and document["id"].startswith("Document:143-kl/tu")
    assert signed["type"] == "SIGNED" and signed["end"] == document["id"]
    assert signed["start"] == person["id"]
    plain = query_store.read("MATCH (p:Person {name: $name}) RETURN p", {"name": "Nguyễn Thị Tuyến"})
    assert plain[0]["p"]["name"] == "Nguyễn Thị Tuyến"  # the packs' shape is unchanged
