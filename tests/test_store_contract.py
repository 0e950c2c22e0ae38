"""The Store contract, run against every store: embedded ArcadeDB, the Bolt test server (ArcadeDB
with its Bolt plugin, through the official neo4j driver) and real Neo4j when NEO4J_URI is set.

Whatever a command does on one store it must do on the others: same rows, same merges, same
refusals. The hand-made graph follows the extraction conventions (tests/conftest.py, brief).
"""

from __future__ import annotations

import pytest

from graph.model import Evidence, Graph, node_id
from graph.store import READ_ONLY_REFUSAL, StoreError, StoreUnavailable
from helpers import ART1, ART2, KH84, KL143, THANH_UY, TUYEN, body, canonical, document, evidence, fact, handmade, person
from ingest.normalize import key

EXPECTED_NODES = {"Person": 2, "Body": 2, "Document": 2, "Event": 0, "Article": 2}
EXPECTED_RELS = {"ISSUED": 2, "SIGNED": 2, "CHAIRED": 1, "HOLDS": 1, "ASSIGNS": 1, "REFERENCES": 1, "MENTIONS": 7, "SUCCEEDED": 0}


@pytest.fixture
def loaded(store):
    store.setup()
    store.load(handmade(), batch_size=3)
    return store


# -- schema and loading -----------------------------------------------------------------------
def test_setup_is_idempotent_and_creates_the_key_constraints(store):
    store.setup()
    store.setup()
    names = {r["name"] for r in store.read("SHOW CONSTRAINTS")}
    assert {"person_key", "body_key", "document_key", "event_key", "article_key"} <= names


def test_load_counts_every_label_and_type(loaded):
    assert loaded.counts() == {"nodes": EXPECTED_NODES, "relationships": EXPECTED_RELS}


def test_reload_changes_no_count_and_duplicates_no_evidence(loaded):
    before = loaded.counts()
    stats = loaded.load(handmade(), batch_size=2)
    assert loaded.counts() == before
    assert stats.total_rows == sum(EXPECTED_NODES.values()) + sum(EXPECTED_RELS.values())
    rows = loaded.read("MATCH (p:Person {key: $k})-[e:SIGNED]->() RETURN e.evidence AS ev, e.articles AS a",
                       {"k": key("Nguyễn Thị Tuyến")})
    assert [len(rows[0]["ev"]), rows[0]["a"]] == [1, [ART1]]


def test_known_articles_are_the_stored_articles_marked_ingested(loaded):
    assert loaded.known_articles([ART1, ART2]) == set()
    loaded.mark_ingested([ART1, ART2, "not-an-article"])
    assert loaded.known_articles([ART1, "not-an-article", ART2]) == {ART1, ART2}
    assert loaded.known_articles([]) == set()


def test_dump_round_trips_to_the_same_json(loaded):
    assert canonical(loaded.dump().to_dict()) == canonical(handmade().to_dict())


# -- lookups ----------------------------------------------------------------------------------
def test_lookup_from_the_indexed_document_number(loaded):
    rows = loaded.read(
        "MATCH (d:Document {number: $n})<-[:ISSUED]-(b:Body) "
        "OPTIONAL MATCH (d)<-[s:SIGNED]-(p:Person) RETURN b.name AS body, p.name AS signer, s.evidence AS ev",
        {"n": "143-KL/TU"},
    )
    assert [(r["body"], r["signer"]) for r in rows] == [("Thành ủy Hà Nội", "Nguyễn Thị Tuyến")]
    assert "đã ký ban hành" in Evidence.from_json(rows[0]["ev"][0]).sentence


def test_lookup_by_key_and_by_search_form(loaded):
    by_key = loaded.read("MATCH (p:Person {key: $k}) RETURN p.name AS name", {"k": key("NGUYỄN THỊ TUYẾN")})
    by_search = loaded.read("MATCH (b:Body) WHERE b.search CONTAINS $q RETURN b.name AS name ORDER BY name",
                            {"q": "ha noi"})
    assert by_key == [{"name": "Nguyễn Thị Tuyến"}]
    assert [r["name"] for r in by_search] == ["Thành ủy Hà Nội", "UBND TP Hà Nội"]


def test_neo4j5_cypher_features_behave_alike(loaded):
    """The features design.md promises on every store (module docstring of graph/embedded.py)."""
    row = loaded.read(
        "MATCH (a:Person {key: $a}), (b:Person {key: $b}) "
        "MATCH p = shortestPath((a)-[*..6]-(b)) "
        "RETURN length(p) AS hops, [n IN nodes(p) | labels(n)[0]] AS labels, "
        "CASE WHEN length(p) > 2 THEN 'far' ELSE 'near' END AS distance",
        {"a": key("Nguyễn Thị Tuyến"), "b": key("Chu Ngọc Anh")},
    )
    assert len(row) == 1 and row[0]["hops"] == 3 and row[0]["distance"] == "far"
    assert (row[0]["labels"][0], row[0]["labels"][-1]) == ("Person", "Person")
    signers = loaded.read(
        "MATCH (p:Person) WHERE EXISTS { MATCH (p)-[:SIGNED]->(:Document) } "
        "WITH p, [t IN p.titles WHERE t STARTS WITH 'Phó'] AS deputy "
        "RETURN p.name AS name, size(deputy) AS deputy ORDER BY name DESC LIMIT 1"
    )
    assert signers == [{"name": "Nguyễn Thị Tuyến", "deputy": 1}]
    listed = loaded.read("UNWIND $ks AS k MATCH (d:Document {key: k}) RETURN properties(d).number AS n ORDER BY n",
                         {"ks": [KL143.split(":", 1)[1], KH84.split(":", 1)[1], "none"]})
    assert [r["n"] for r in listed] == ["143-KL/TU", "84/KH-UBND"]


def test_nodes_relationships_and_paths_come_back_as_plain_values(loaded):
    rows = loaded.read(
        "MATCH p = (a:Body {key: $k})-[e:ISSUED]->(d:Document) RETURN a, e, p", {"k": THANH_UY.split(":", 1)[1]}
    )
    a, e, p = rows[0]["a"], rows[0]["e"], rows[0]["p"]
    assert a["name"] == "Thành ủy Hà Nội" and a["aliases"] == ["Thành ủy", "Ban Chấp hành Đảng bộ thành phố"]
    assert e["first_seen"] == "2021-03-31"
    assert [x.get("name") or x.get("number") or "edge" for x in p] == ["Thành ủy Hà Nội", "edge", "143-KL/TU"]


# -- provenance -------------------------------------------------------------------------------
def test_the_same_fact_from_two_articles_is_one_edge_with_merged_provenance(store):
    store.setup()
    later, earlier = Graph(), Graph()
    for g in (later, earlier):
        g.add_node(person("Nguyễn Thị Tuyến", ["Phó Bí thư Thường trực Thành ủy"]))
        g.add_node(document("143-kl/tu|hà nội|", "143-KL/TU", "Kết luận", ("KL", "TU")))
    shared = "Nguyễn Thị Tuyến ký Kết luận 143-KL/TU."
    later_fact = fact("SIGNED", TUYEN, KL143, ART2, "Bà Tuyến đã ký.", "2021-04-02")
    later_fact.evidence.append(evidence(ART1, shared))
    later.add_edge(later_fact)
    earlier.add_edge(fact("SIGNED", TUYEN, KL143, ART1, shared, "2021-03-31"))
    store.load(later)
    store.load(earlier)
    rows = store.read("MATCH (:Person)-[e:SIGNED]->(:Document) RETURN properties(e) AS p")
    assert len(rows) == 1
    p = rows[0]["p"]
    assert [Evidence.from_json(x).article for x in p["evidence"]] == [ART2, ART1]
    assert sorted(p["articles"]) == sorted([ART1, ART2])
    assert (p["first_seen"], p["last_seen"]) == ("2021-03-31", "2021-04-02")


def test_provenance_stops_at_the_cap_and_counts_every_article(store):
    """A fact reported by many articles keeps its first ``list_cap`` evidence sentences and
    article ids and counts all its articles (schema 2), loaded one article at a time, in one
    merged window, or again with ``--force`` (articles already counted add nothing)."""
    from graph.model import schema

    cap = schema()["list_cap"]
    store.setup()
    arts = [f"{i:016x}" for i in range(cap + 5)]

    def one(art: str) -> Graph:
        g = Graph()
        g.add_node(person("Nguyễn Thị Tuyến", []))
        g.add_node(document("143-kl/tu|hà nội|", "143-KL/TU", "Kết luận", ("KL", "TU")))
        g.add_edge(fact("SIGNED", TUYEN, KL143, art, f"Câu số {art}.", "2023-11-24"))
        return g

    for art in arts:
        store.load(one(art))
    p = store.read("MATCH (:Person)-[e:SIGNED]->(:Document) RETURN properties(e) AS p")[0]["p"]
    assert [Evidence.from_json(x).article for x in p["evidence"]] == arts[:cap]
    assert p["articles"] == arts[:cap] and p["article_count"] == cap + 5
    again = Graph()
    for art in arts[-3:]:
        again.update(one(art))
    store.store_window(again, arts[-3:], counted=frozenset(arts))
    merged = store.dump().edges[("SIGNED", TUYEN, KL143)]
    assert len(merged.evidence) == cap and merged.articles == arts[:cap] and merged.article_count == cap + 5
    window = Graph()
    for art in arts:
        window.update(one(art))
    assert window.edges[("SIGNED", TUYEN, KL143)].to_dict()["article_count"] == cap + 5


def test_a_window_is_stored_and_marked_in_one_transaction(store, monkeypatch):
    """``store_window`` writes the facts and flags the articles together; a window that fails
    half-way leaves neither (so a re-run loads it again)."""
    import graph.loadplan
    import graph.recordload

    store.setup()
    store.store_window(handmade(), [ART1])
    assert store.known_articles([ART1, ART2]) == {ART1}
    assert store.counts() == {"nodes": EXPECTED_NODES, "relationships": EXPECTED_RELS}
    bad = Graph()
    bad.add_node(person("Người Mới", []))
    bad.add_edge(fact("SIGNED", node_id("Person", key("Người Mới")), KL143, ART2, "Câu.", "2024-01-01"))

    def broken(edge, counted=frozenset()):  # noqa: ANN001, ANN202
        raise RuntimeError("the process dies here")

    monkeypatch.setattr(graph.loadplan, "edge_row", broken)
    monkeypatch.setattr(graph.recordload, "edge_row", broken)
    monkeypatch.setattr(graph.recordload, "fresh_edge", broken)
    with pytest.raises((StoreError, RuntimeError)):
        store.store_window(bad, [ART2])
    assert store.known_articles([ART1, ART2]) == {ART1}
    assert store.counts()["nodes"]["Person"] == 2


def test_list_properties_of_nodes_are_unioned_across_loads(store):
    store.setup()
    for aliases in (["UBND Thành phố"], ["UBND TP", "UBND Thành phố"]):
        g = Graph()
        g.add_node(body("ubnd|thành phố|hà nội", "UBND TP Hà Nội", aliases))
        store.load(g)
    rows = store.read("MATCH (b:Body) RETURN b.aliases AS aliases")
    assert rows == [{"aliases": ["UBND Thành phố", "UBND TP"]}]


# -- refusals ---------------------------------------------------------------------------------
def test_a_duplicate_key_is_a_constraint_violation(loaded):
    with pytest.raises(StoreError, match="constraint violation") as info:
        loaded.write("CREATE (:Person {key: $k, name: 'again'})", {"k": key("Nguyễn Thị Tuyến")})
    assert not isinstance(info.value, StoreUnavailable)
    assert loaded.counts()["nodes"]["Person"] == 2


@pytest.mark.parametrize("bad", ["CREATE (:Person {key: $dup})", "CREAT (nonsense"])
def test_a_failing_batch_leaves_nothing_behind(loaded, bad):
    before = loaded.counts()
    with pytest.raises(StoreError):
        loaded.write_batch([
            ("CREATE (:Person {key: $k, name: $k})", {"k": "người mới"}),
            ("MATCH (b:Body) SET b.touched = true", {}),
            (bad, {"dup": key("Chu Ngọc Anh")}),
        ])
    assert loaded.counts() == before
    assert loaded.read("MATCH (b:Body) WHERE b.touched RETURN count(b) AS c") == [{"c": 0}]


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE (:Person {key: 'kẻ lạ'})",
        "MERGE (:Person {key: 'kẻ lạ'})",
        "MATCH (p:Person) SET p.name = 'kẻ lạ'",
        "MATCH (p:Person) DETACH DELETE p",
    ],
)
def test_read_refuses_a_write_and_writes_nothing(loaded, statement):
    with pytest.raises(StoreError, match=READ_ONLY_REFUSAL.split(":")[0]) as info:
        loaded.read(statement)
    assert loaded.name in str(info.value)
    assert loaded.counts()["nodes"]["Person"] == 2
    assert sorted(r["n"] for r in loaded.read("MATCH (p:Person) RETURN p.name AS n")) == ["Chu Ngọc Anh", "Nguyễn Thị Tuyến"]


def test_a_syntax_error_is_a_store_error_naming_the_store(store):
    with pytest.raises(StoreError, match="Cypher syntax error") as info:
        store.read("MATCH (n RETURN n")
    assert store.name in str(info.value)


# -- the sample corpus ------------------------------------------------------------------------
def stored_form(data: dict) -> dict:
    """What a store can give back of a graph: null properties are not stored, and a list property
    that is empty is not told apart from an absent one (the loader writes every merged list)."""
    nodes = [{k: v for k, v in n.items() if v not in (None, [])} for n in data["nodes"]]
    edges = [{k: v for k, v in e.items() if v not in (None, [])} for e in data["edges"]]
    return canonical({"schema_version": data["schema_version"], "nodes": nodes, "edges": edges})


def test_the_examples_graph_round_trips_and_answers_the_key_facts(store, examples_graph):
    store.setup()
    store.load(examples_graph)
    assert stored_form(store.dump().to_dict()) == stored_form(examples_graph.to_dict())
    issued = store.read("MATCH (d:Document {number: $n})<-[:ISSUED]-(b:Body) RETURN b.name AS body", {"n": "143-KL/TU"})
    signed = store.read("MATCH (d:Document {number: $n})<-[:SIGNED]-(p:Person) RETURN p.name AS who", {"n": "143-KL/TU"})
    chaired = store.read("MATCH (p:Person {key: $k})-[:CHAIRED]->(b:Body) RETURN b.name AS body", {"k": key("Chu Ngọc Anh")})
    assert issued == [{"body": "Thành ủy Hà Nội"}] and signed == [{"who": "Nguyễn Thị Tuyến"}]
    assert {"body": "UBND TP Hà Nội"} in chaired
