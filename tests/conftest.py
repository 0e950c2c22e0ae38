"""Shared fixtures: the sample corpus, the stores (embedded, a real Bolt server, real Neo4j).

Each owner keeps fixtures in their own marked section; add a new section rather than editing
someone else's.
"""

from __future__ import annotations

import os
import secrets
import socket
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

REPO = Path(__file__).resolve().parents[1]


# -- process exit -------------------------------------------------------------------------------
# The stores run in this process's JVM (JPype). Once pytest has reported, the interpreter's own
# teardown can still crash on a Java object finalised after the JVM (seen once in CI: every
# test passed, then SIGSEGV). Everything is closed by the fixtures by then, so the session
# leaves at once, with pytest's own exit status, instead of tearing the JVM down.
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    import sys

    try:
        import jpype
    except ImportError:
        return
    if _EXIT_STATUS and jpype.isJVMStarted():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])


# -- corpus -----------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The five sample articles shipped in the repository."""
    return REPO / "examples"


@pytest.fixture(scope="session")
def examples_graph(examples_dir: Path):
    """The graph the pipeline builds from ``examples/`` (once per session: spaCy is slow)."""
    from ingest.api import build_graph

    return build_graph([examples_dir])


# -- stores: embedded, the Bolt test server, real Neo4j ---------------------------------------
# One JVM per process serves the embedded stores and the Bolt test server alike; it is started
# by graph.embedded.start_jvm with the heap cap below, and the server joins it.
TEST_HEAP = "512m"
BOLT_DATABASE = "graph"


@dataclass(frozen=True)
class BoltServer:
    """Where the session's Bolt server listens, and how to log in (the password is random)."""

    uri: str
    user: str
    password: str
    database: str
    http_port: int


def free_ports(n: int) -> list[int]:
    """``n`` distinct ports that were free a moment ago on 127.0.0.1."""
    with ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(n)]
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator:
    """A fresh embedded store in this test's temporary directory."""
    from graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "db", heap=TEST_HEAP)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    """ArcadeDB's server with its Bolt plugin on 127.0.0.1 (free ports, random root password).

    It reports itself as Neo4j 5.26 and speaks Bolt 5 to the official driver. Every driver
    connected to it must be closed before it stops, or the JVM cannot exit at the end.
    """
    import arcadedb_embedded as adb

    from graph.embedded import start_jvm

    start_jvm(TEST_HEAP)  # the server joins this JVM (jvm_kwargs would have to match it exactly)
    http_port, bolt_port = free_ports(2)
    password = secrets.token_urlsafe(18)
    server = adb.ArcadeDBServer(
        root_path=str(tmp_path_factory.mktemp("arcadedb-server")),
        root_password=password,
        config={
            "host": "127.0.0.1",
            "http_port": http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
            "bolt_defaultDatabase": BOLT_DATABASE,
        },
    )
    server.start()
    try:
        server.create_database(BOLT_DATABASE)
        yield BoltServer(f"bolt://127.0.0.1:{bolt_port}", "root", password, BOLT_DATABASE, http_port)
    finally:
        server.stop()


def _emptied(store):
    store.write("MATCH (n) DETACH DELETE n")
    return store


@pytest.fixture
def bolt_store(bolt_server: BoltServer) -> Iterator:
    """A BoltStore on the session's server, its database emptied for this test."""
    from graph.bolt import BoltStore

    store = BoltStore(
        bolt_server.uri, bolt_server.user, bolt_server.password, bolt_server.database, retry_seconds=2.0
    )
    try:
        yield _emptied(store)
    finally:
        store.close()


@pytest.fixture(scope="session")
def neo4j_settings() -> dict[str, str | None]:
    """The real Neo4j named by NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).

    The suite deletes everything in that database around each test, so it refuses to run on a
    database that holds anything when the session starts: use the compose file's fresh
    database or a scratch one (README, "Neo4j").
    """
    from graph.bolt import BoltStore

    settings = {
        "uri": os.environ["NEO4J_URI"],
        "user": os.environ.get("NEO4J_USER", "neo4j"),
        "password": os.environ.get("NEO4J_PASSWORD"),
        "database": os.environ.get("NEO4J_DATABASE") or None,
    }
    with BoltStore(**settings) as store:
        if store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]:
            pytest.skip(f"{store.name} is not empty and the suite would erase it: use an empty database")
    return settings


@pytest.fixture
def neo4j_store(neo4j_settings: dict) -> Iterator:
    """A BoltStore on the real Neo4j of NEO4J_URI, emptied before and after this test."""
    from graph.bolt import BoltStore

    store = BoltStore(**neo4j_settings)
    try:
        yield _emptied(store)
        _emptied(store)
    finally:
        store.close()


STORE_KINDS = ["embedded", pytest.param("bolt", marks=pytest.mark.bolt)]
if os.environ.get("NEO4J_URI"):
    STORE_KINDS.append(pytest.param("neo4j", marks=pytest.mark.bolt))


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest):
    """Each store in turn: embedded, the Bolt test server, and real Neo4j when NEO4J_URI is set."""
    return request.getfixturevalue(f"{request.param}_store")


# -- queries (issue 4): the examples graph plus a fictional supplement ------------------------
QUERY_FIXTURE_ARTICLE = "query-fixture"


def query_supplement(base):
    """Fictional facts, for the query tests only, that give the queries the five sample
    articles cannot exercise something to find: a citation chain 84/KH-UBND -> 990-CTr/TU ->
    01/NQ-CP, and a 2024 decision 991/QĐ-UBND of UBND TP Hà Nội that assigns it a task and is
    co-signed by two near-namesakes without any position ("Nguyễn Văn Mẫu", "Nguyễn Văn Mầu"),
    all from one fixture article. Real nodes are found in ``base`` by number or name, so the
    supplement attaches to whatever keys extraction gives them."""
    from graph.model import Edge, Evidence, Graph, Node
    from ingest.normalize import key, strip_accents

    def real(label: str, field: str, value: str) -> str:
        (found,) = [n.id for n in base.nodes.values() if n.label == label and n.props.get(field) == value]
        return found

    g = Graph()
    article = g.add_node(Node("Article", QUERY_FIXTURE_ARTICLE, {
        "name": "Bài kiểm thử truy vấn (fixture)", "title": "Bài kiểm thử truy vấn (fixture)",
        "path": "tests/query-fixture.txt", "published": "2024-05-02",
    }))
    plan, resolution = real("Document", "number", "84/KH-UBND"), real("Document", "number", "01/NQ-CP")
    body = real("Body", "name", "UBND TP Hà Nội")
    program = g.add_node(Node("Document", "990-ctr/tu|kiểm thử|", {
        "number": "990-CTr/TU", "type": "Chương trình", "type_code": "CTr", "search": "990-ctr/tu"}))
    decision = g.add_node(Node("Document", "991/qđ-ubnd|kiểm thử|2024", {
        "number": "991/QĐ-UBND", "type": "Quyết định", "type_code": "QĐ", "year": 2024, "date": "2024-05-02",
        "search": "991/qđ-ubnd"}))
    signers = [
        g.add_node(Node("Person", key(name), {"name": name, "titles": ["Chánh Văn phòng"], "aliases": [],
                                              "search": strip_accents(name)}))
        for name in ("Nguyễn Văn Mẫu", "Nguyễn Văn Mầu")
    ]

    def fact(kind: str, source: str, target: str, sentence: str, **props: object) -> None:
        evidence = [Evidence(QUERY_FIXTURE_ARTICLE, sentence, 0, len(sentence))]
        g.add_edge(Edge(kind, source, target, dict(props), evidence))

    fact("REFERENCES", plan, program, "Kế hoạch 84/KH-UBND thực hiện Chương trình 990-CTr/TU.",
         relation="thực hiện", relations=["thực hiện"])
    fact("REFERENCES", program, resolution, "Chương trình 990-CTr/TU cụ thể hóa Nghị quyết 01/NQ-CP.",
         relation="cụ thể hóa", relations=["cụ thể hóa"])
    fact("ISSUED", body, decision, "UBND TP Hà Nội ban hành Quyết định 991/QĐ-UBND.", basis=["stated"])
    fact("ASSIGNS", decision, body, "Quyết định 991/QĐ-UBND giao UBND TP rà soát dữ liệu kiểm thử.",
         task="rà soát dữ liệu kiểm thử", tasks=["rà soát dữ liệu kiểm thử"])
    for signer in signers:
        fact("SIGNED", signer, decision, "Nguyễn Văn Mẫu và Nguyễn Văn Mầu ký Quyết định 991/QĐ-UBND.")
    for nid in (program, decision, body, *signers):
        g.add_edge(Edge("MENTIONS", article, nid))
    return g


@pytest.fixture(scope="session")
def query_graph(examples_graph):
    """The examples graph with the query supplement merged in (a copy: examples_graph is shared)."""
    from graph.model import Graph

    graph = Graph()
    graph.update(examples_graph)
    graph.update(query_supplement(examples_graph))
    return graph


@pytest.fixture(scope="module", params=STORE_KINDS)
def query_store(request: pytest.FixtureRequest, query_graph, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """``query_graph`` loaded once per test module in each store: embedded (its own directory),
    the Bolt test server, and real Neo4j when NEO4J_URI is set. Module scope keeps the Bolt
    database to this module while it runs (other modules' Bolt fixtures empty it per test)."""
    from graph.bolt import BoltStore
    from graph.embedded import EmbeddedStore

    if request.param == "embedded":
        store = EmbeddedStore(tmp_path_factory.mktemp("query-store") / "db", heap=TEST_HEAP)
    elif request.param == "bolt":
        server = request.getfixturevalue("bolt_server")
        store = _emptied(BoltStore(server.uri, server.user, server.password, server.database, retry_seconds=2.0))
    else:
        store = _emptied(BoltStore(**request.getfixturevalue("neo4j_settings")))
    try:
        store.setup()
        store.load(query_graph)
        yield store
        if request.param != "embedded":
            _emptied(store)
    finally:
        store.close()


@pytest.fixture(scope="session")
def query_db(query_graph, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An embedded store directory holding ``query_graph``, closed, for CLI runs with ``--db``."""
    from helpers import stored_db

    return stored_db(tmp_path_factory, "query-cli", query_graph)


# -- views and analytics (issue 5): a hand-built graph, and the CLI over a store that dumps it --
from graph.model import Edge, Evidence, Graph, Node  # noqa: E402  (light: schema and dataclasses)


def build_handmade_graph() -> Graph:
    """Twelve fact nodes in two components and four articles (one hostile: markup in its title,
    outlet and evidence, a ``javascript:`` URL), with dated, article-dated and undated facts;
    keys, properties and evidence shaped the way extraction shapes them."""
    from ingest.normalize import key, strip_accents

    g = Graph()

    def person(name: str, *titles: str) -> str:
        props = {"name": name, "aliases": [], "titles": list(titles), "search": strip_accents(name)}
        return g.add_node(Node("Person", key(name), props))

    def body(node_key: str, name: str, kind: str, level: str, jurisdiction: str) -> str:
        props = {"name": name, "aliases": [], "kind": kind, "level": level, "jurisdiction": jurisdiction,
                 "search": strip_accents(name)}
        return g.add_node(Node("Body", node_key, props))

    def document(node_key: str, number: str, kind: str, **props: object) -> str:
        return g.add_node(Node("Document", node_key, {"number": number, "type": kind, "search": number.lower(),
                                                       "aliases": [], **props}))

    def article(node_key: str, title: str, url: str | None, published: str | None, outlet: str) -> str:
        g.add_node(Node("Article", node_key, {"name": title, "title": title, "url": url, "published": published,
                                              "outlet": outlet, "path": f"examples/{node_key}.txt", "authors": []}))
        return node_key

    def fact(rel: str, src: str, dst: str, art: str, sentence: str, **props: object) -> None:
        g.add_edge(Edge(rel, src, dst, dict(props), [Evidence(art, sentence, 0, len(sentence))]))

    anh = person("Chu Ngọc Anh", "Chủ tịch UBND TP", "Phó Bí thư Thành ủy")
    tuyen = person("Nguyễn Thị Tuyến", "Phó Bí thư Thường trực Thành ủy")
    dung = person("Đinh Tiến Dũng", "Bí thư Thành ủy")
    thao = person("Nguyễn Thế Thảo", "Chủ tịch UBND TP")
    ubnd = body("ubnd|thành phố|hà nội", "UBND TP Hà Nội", "UBND", "thành phố", "Hà Nội")
    tu = body("thành ủy|thành phố|hà nội", "Thành ủy Hà Nội", "Thành ủy", "thành phố", "Hà Nội")
    cp = body("chính phủ||", "Chính phủ", "Chính phủ", "", "")
    syt = body("sở y tế|thành phố|hà nội", "Sở Y tế Hà Nội", "Sở Y tế", "thành phố", "Hà Nội")
    kl = document("143-kl/tu|hà nội|", "143-KL/TU", "Kết luận")
    kh = document("84/kh-ubnd|hà nội|2021", "84/KH-UBND", "Kế hoạch", year=2021, date="2021-03-31")
    nq = document("01/nq-cp||2014", "01/NQ-CP", "Nghị quyết", year=2014)
    ev = g.add_node(Node("Event", "hội nghị lần thứ mười bốn|2021-05-10", {
        "name": "Hội nghị lần thứ mười bốn Ban Chấp hành Đảng bộ thành phố khóa XVII", "date": "2021-05-10"}))
    a1 = article("a1", "Hà Nội triển khai Kết luận 143-KL/TU", "https://hanoimoi.vn/a1", "2021-05-10T08:00:00+07:00",
                 "hanoimoi.vn")
    a2 = article("a2", "UBND TP ban hành Kế hoạch 84/KH-UBND", "https://kinhtedothi.vn/a2", "2021-03-31",
                 "kinhtedothi.vn")
    a3 = article("a3", "Hội nghị triển khai Nghị quyết 01/NQ-CP", "https://chinhphu.vn/a3", "2013-11-17", "chinhphu.vn")
    a4 = article("a4", "<img src=x onerror=alert(1)>Tin nóng", "javascript:alert(1)", None, "<b>outlet</b>")
    seen_a1 = {"first_seen": "2021-05-10", "last_seen": "2021-05-10"}
    seen_a2 = {"first_seen": "2021-03-31", "last_seen": "2021-03-31"}
    fact("ISSUED", tu, kl, a1, "Thành ủy Hà Nội ban hành Kết luận số 143-KL/TU.", **seen_a1)
    fact("SIGNED", tuyen, kl, a1, "Phó Bí thư Thường trực Thành ủy Nguyễn Thị Tuyến ký Kết luận.", **seen_a1)
    fact("HOLDS", anh, tu, a1, "Phó Bí thư Thành ủy, Chủ tịch UBND TP Chu Ngọc Anh phát biểu.",
         title="Phó Bí thư", titles=["Phó Bí thư"], **seen_a1)
    fact("CHAIRED", dung, tu, a1, "Bí thư Thành ủy Đinh Tiến Dũng chủ trì hội nghị.", title="Bí thư", titles=["Bí thư"],
         **seen_a1)
    fact("CHAIRED", dung, ev, a1, "Bí thư Thành ủy Đinh Tiến Dũng chủ trì hội nghị.", **seen_a1)
    fact("CHAIRED", anh, ubnd, a2, "Chủ tịch UBND TP Chu Ngọc Anh ký ban hành Kế hoạch 84/KH-UBND.",
         title="Chủ tịch", titles=["Chủ tịch"], **seen_a2)
    fact("SIGNED", anh, kh, a2, "Chủ tịch UBND TP Chu Ngọc Anh ký ban hành Kế hoạch 84/KH-UBND.", **seen_a2)
    fact("ISSUED", ubnd, kh, a2, "UBND TP Hà Nội ban hành Kế hoạch 84/KH-UBND.", **seen_a2)
    fact("REFERENCES", kh, kl, a2, "Kế hoạch thực hiện Kết luận 143-KL/TU.", relation="thực hiện",
         relations=["thực hiện"], **seen_a2)
    fact("ASSIGNS", kh, syt, a2, "Giao Sở Y tế <script>alert('x')</script> chủ trì tiêm chủng.", task="tiêm chủng",
         tasks=["tiêm chủng"], **seen_a2)
    fact("ISSUED", cp, nq, a3, "Nghị quyết 01/NQ-CP của Chính phủ.")  # dated by its article only
    fact("CHAIRED", thao, ubnd, a3, "Theo Chủ tịch UBND TP Nguyễn Thế Thảo, Hà Nội đặt mục tiêu đột phá.",
         title="Chủ tịch", titles=["Chủ tịch"])
    fact("HOLDS", tuyen, tu, a4, 'Nguyễn Thị Tuyến <Phó Bí thư> & "Thường trực"', title="Phó Bí thư Thường trực")
    mentions = {a1: [tu, kl, tuyen, anh, dung, ev], a2: [ubnd, kh, anh, syt, kl], a3: [cp, nq, thao, ubnd],
                a4: [tuyen, tu]}
    for art, nodes in mentions.items():
        for nid in nodes:
            g.add_edge(Edge("MENTIONS", f"Article:{art}", nid, {}, []))
    return g


@pytest.fixture
def handmade_graph() -> Graph:
    """A fresh ``build_handmade_graph()`` for each test."""
    return build_handmade_graph()


class GraphCli:
    """`graph ARGS... --db DIR` through Typer's CliRunner, DIR an embedded store holding
    ``store_graph`` (loaded once per distinct graph in the session)."""

    _stores: dict[str, str] = {}

    def __init__(self, store_graph: Graph, directory: Path) -> None:
        self.store_graph = store_graph
        self.directory = directory

    def _db(self) -> str:
        import hashlib
        import json

        from graph.embedded import EmbeddedStore

        digest = hashlib.sha256(json.dumps(self.store_graph.to_dict(), sort_keys=True, default=str).encode()).hexdigest()
        if digest not in self._stores:
            path = self.directory / digest[:16]
            with EmbeddedStore(path, heap=TEST_HEAP) as store:
                store.setup()
                store.load(self.store_graph)
            self._stores[digest] = str(path)
        return self._stores[digest]

    def __call__(self, *args: str):
        from typer.testing import CliRunner

        from cli import app

        return CliRunner().invoke(app, [*args, "--db", self._db()])


@pytest.fixture
def graph_cli(handmade_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> GraphCli:
    """Runs the CLI against an embedded store holding ``handmade_graph`` (set ``.store_graph``
    to change it)."""
    return GraphCli(handmade_graph, tmp_path_factory.getbasetemp())
