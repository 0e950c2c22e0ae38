"""The Bolt store when things go wrong: unreachable server, wrong password, missing database, a
server that dies in the middle of a load. Each is one line naming the URI, never the password,
and the graph is left with whole batches only.

The server is the session's ArcadeDB with its Bolt plugin (tests/conftest.py); a small TCP relay
in front of it plays the server dying, so no real process has to be killed.
"""

from __future__ import annotations

import os
import socket
import threading
from typing import Iterator

import pytest
from neo4j import GraphDatabase

from graph.bolt import BoltStore, public_uri
from graph.model import Graph, Node
from graph.store import StoreUnavailable

from conftest import BoltServer, free_ports

pytestmark = pytest.mark.bolt


def test_the_test_server_presents_itself_as_neo4j_5_26(bolt_server: BoltServer) -> None:
    with GraphDatabase.driver(bolt_server.uri, auth=(bolt_server.user, bolt_server.password)) as driver:
        info = driver.get_server_info()
    assert info.agent.startswith("Neo4j/5.26")
    assert info.protocol_version >= (5, 0)


def _refusal(**kwargs: object) -> str:
    with pytest.raises(StoreUnavailable) as info:
        BoltStore(**kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    return message


def test_wrong_password(bolt_server: BoltServer) -> None:
    wrong = "not-" + bolt_server.password
    message = _refusal(uri=bolt_server.uri, user=bolt_server.user, password=wrong, database=bolt_server.database)
    assert bolt_server.uri in message and "authentication failed" in message
    assert wrong not in message and bolt_server.password not in message


def test_unreachable_server() -> None:
    (port,) = free_ports(1)
    uri = f"bolt://127.0.0.1:{port}"
    message = _refusal(uri=uri, user="neo4j", password="s3cret-pw")
    assert message == f"cannot reach the Neo4j server at {uri}: Connection refused"


@pytest.fixture(params=["bolt", "neo4j"] if os.environ.get("NEO4J_URI") else ["bolt"])
def login(request: pytest.FixtureRequest) -> dict:
    """Credentials that work: the test server's, and real Neo4j's when NEO4J_URI is set."""
    if request.param == "bolt":
        server = request.getfixturevalue("bolt_server")
        return {"uri": server.uri, "user": server.user, "password": server.password}
    settings = request.getfixturevalue("neo4j_settings")
    return {k: settings[k] for k in ("uri", "user", "password")}


def test_missing_database(login: dict) -> None:
    message = _refusal(**login, database="nowhere")
    assert message == f"{public_uri(login['uri'])}: database 'nowhere' does not exist"


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="full-text indexes: real Neo4j only")
def test_setup_creates_the_full_text_index_on_neo4j(neo4j_store) -> None:
    neo4j_store.setup()
    rows = neo4j_store.read("SHOW FULLTEXT INDEXES YIELD name RETURN name")
    assert {"name": "entity_names"} in rows


def test_credentials_in_the_uri_are_never_repeated() -> None:
    (port,) = free_ports(1)
    message = _refusal(uri=f"bolt://neo4j:hunter2-pw@127.0.0.1:{port}", user="neo4j", password="hunter2-pw")
    assert "hunter2" not in message and f"bolt://127.0.0.1:{port}" in message
    assert public_uri("neo4j://u:p@db.example:7687/x") == "neo4j://db.example:7687/x"


@pytest.mark.parametrize("uri", [None, "", "http://127.0.0.1:7474"])
def test_no_uri_or_not_a_bolt_uri(uri: str | None) -> None:
    message = _refusal(uri=uri, user="neo4j", password="pw")
    assert "NEO4J_URI" in message or "not a Bolt URI" in message


# -- a server dying mid-load ------------------------------------------------------------------
class Relay:
    """A TCP relay to the Bolt server that can play the server dying in the middle of a load.

    ``die_at_commit(n)``: when the n-th COMMIT message from now reaches the relay, it is not
    passed on; every connection is dropped and the port stops listening. For the client this
    is a server gone while a transaction was open, and the server rolls that transaction back.
    """

    COMMIT = b"\x00\x02\xb0\x12\x00\x00"  # chunk of 2 bytes: struct of 0 fields, signature 0x12

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.uri = f"bolt://127.0.0.1:{self.listener.getsockname()[1]}"
        self.commits_left: int | None = None
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def die_at_commit(self, n: int) -> None:
        self.commits_left = n

    def kill(self) -> None:
        with self.lock:
            for s in [self.listener, *self.sockets]:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            with self.lock:
                self.sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, from_client: bool) -> None:
        try:
            while data := src.recv(65536):
                if from_client and self.commits_left is not None and self.COMMIT in data:
                    self.commits_left -= 1
                    if self.commits_left == 0:
                        self.kill()
                        return
                dst.sendall(data)
        except OSError:
            pass


@pytest.fixture
def relay(bolt_server: BoltServer) -> Iterator[Relay]:
    r = Relay(int(bolt_server.uri.rsplit(":", 1)[1]))
    yield r
    r.kill()


def people(n: int) -> Graph:
    g = Graph()
    for i in range(n):
        g.add_node(Node("Person", f"người {i}", {"name": f"Người {i}", "aliases": [], "titles": []}))
    return g


def test_a_server_dying_mid_load_leaves_whole_batches_and_a_rerun_completes(bolt_server, bolt_store, relay):
    bolt_store.setup()
    store = BoltStore(relay.uri, bolt_server.user, bolt_server.password, bolt_server.database, retry_seconds=0.5)
    relay.die_at_commit(3)
    try:
        with pytest.raises(StoreUnavailable) as info:
            store.load(people(10), batch_size=3)
    finally:
        store.close()
    message = str(info.value)
    assert relay.uri in message and bolt_server.password not in message and "\n" not in message
    assert bolt_store.counts()["nodes"]["Person"] == 6  # two whole batches; the third rolled back
    bolt_store.load(people(10), batch_size=3)
    assert bolt_store.counts()["nodes"]["Person"] == 10
