"""What only the embedded store has: a directory on disk, a JVM in the process, and a terminal
and working directory that must not see the engine's chatter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.store import StoreError, StoreUnavailable

HOLDER = """
import sys
from graph.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
store.setup()
store.write("CREATE (:Person {key: 'x', name: 'x'})")
print(store.read("MATCH (p:Person) RETURN p.name AS name"), flush=True)
sys.stdin.readline()
store.close()
"""


def test_another_process_holding_the_store_and_a_quiet_jvm(tmp_path: Path) -> None:
    """One subprocess (one JVM start) checks both: the lock is reported, and the process that
    started a JVM, created a store, wrote and read printed nothing on stderr and left no ./log."""
    db = tmp_path / "db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], cwd=tmp_path, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == "[{'name': 'x'}]"
        with pytest.raises(StoreUnavailable, match="in use by another process") as info:
            EmbeddedStore(db)
        assert str(db) in str(info.value)
    finally:
        _, stderr = holder.communicate("\n", timeout=60)
    assert holder.returncode == 0
    assert stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db"]


def test_a_store_already_open_in_this_process(embedded_store) -> None:
    with pytest.raises(StoreUnavailable, match="already open in this process"):
        EmbeddedStore(embedded_store.path)


def test_a_directory_with_other_files_is_refused_untouched(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreUnavailable, match="not a graph store") as info:
        EmbeddedStore(tmp_path)
    assert str(tmp_path) in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "db").write_text("", encoding="utf-8")
    with pytest.raises(StoreUnavailable, match="is a file"):
        EmbeddedStore(tmp_path / "db")


def test_a_new_path_is_created_with_its_parents_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "db"
    with EmbeddedStore(path) as store:
        store.setup()
        store.write("CREATE (:Person {key: 'x'})")
    with EmbeddedStore(path) as store:
        assert store.counts()["nodes"]["Person"] == 1
        assert store.name == f"embedded:{path}"


def test_the_jvm_heap_is_capped(embedded_store) -> None:
    import jpype

    assert jpype.java.lang.Runtime.getRuntime().maxMemory() <= 512 * 1024 * 1024


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "db")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.read("RETURN 1 AS x")


def test_a_jvm_that_cannot_start_says_why_in_one_line(tmp_path: Path) -> None:
    code = (
        "from graph.embedded import EmbeddedStore\n"
        "from graph.store import StoreUnavailable\n"
        "try:\n    EmbeddedStore('db', heap='lots')\n"
        "except StoreUnavailable as exc:\n    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == (
        "cannot start the Java runtime of the embedded store (heap lots): Invalid maximum heap size: -Xmxlots"
    )
    assert done.stderr == ""


def test_engine_counts_agree_with_cypher_counts(embedded_store) -> None:
    """``graph stats`` reads the engine's record counts (a Cypher count of a relationship type
    walks the whole graph); they must say what Cypher says, after a delete too."""
    from graph.store import Store
    from helpers import handmade

    embedded_store.setup()
    embedded_store.load(handmade())
    assert embedded_store.counts() == Store.counts(embedded_store)
    embedded_store.write("MATCH ()-[e:SIGNED]->() DELETE e")
    embedded_store.write("MATCH (n:Person) DETACH DELETE n")
    assert embedded_store.counts() == Store.counts(embedded_store)
    assert embedded_store.counts()["relationships"]["SIGNED"] == 0


def test_remembered_fact_states_write_what_reading_the_records_writes(tmp_path: Path) -> None:
    """The record writer updates a busy fact, a person and a body from what it remembers
    (graph/factstate.py) instead of reading the record: windows past the cap, a --force window, a new title and articles
    loaded again give the same store as a writer that reads every record."""
    from graph.model import Edge, Evidence, Graph, Node, schema

    cap = schema()["list_cap"]

    def window(arts: list[str], title: str) -> Graph:
        g = Graph()
        g.add_node(Node("Person", "tuyến", {"name": "Tuyến", "aliases": [f"Bà Tuyến {len(arts)}"], "titles": [title], "identity": []}))
        g.add_node(Node("Body", "tu|hà nội", {"name": "Thành ủy", "aliases": []}))
        for a in arts:
            g.add_node(Node("Article", a, {"name": a, "authors": [], "published": f"2024-01-{len(a):02d}"}))
            ev = [Evidence(a, f"Bí thư Tuyến ({a}).", 0, 9)]
            g.add_edge(Edge("CHAIRED", "Person:tuyến", "Body:tu|hà nội", {"title": title, "titles": [title],
                            "rule": "r", "first_seen": f"2024-{len(arts):02d}-01", "last_seen": f"2024-{len(a):02d}-09",
                            "status": "current", "status_seen": f"2024-{len(a):02d}-09"}, ev))
            g.add_edge(Edge("MENTIONS", f"Article:{a}", "Person:tuyến", {}, ev))
        return g

    arts = [f"bài{i}" for i in range(cap + 12)]
    steps = [(arts[:10], "Bí thư", ()), (arts[10 : cap + 2], "Bí thư", ()), (arts[cap + 2 : cap + 6], "Bí thư", ()),
             (arts[cap + 2 : cap + 6], "Bí thư", arts), (arts[cap + 6 :], "Bí thư Thành ủy", ()),
             (arts[:5], "Bí thư", ())]  # loaded again without --force: already in the sample, not counted again
    dumps, used = [], []
    for limit in (0, 1000):
        store = EmbeddedStore(tmp_path / f"db{limit}")
        try:
            store.setup()
            writer = store._record_writer()
            writer.states.limit = writer.node_states.limit = limit
            for chunk, title, counted in steps:
                store.store_window(window(chunk, title), chunk, frozenset(counted))
            used.append((len(writer.states), len(writer.node_states)))
            dumps.append(store.dump().to_dict())
        finally:
            store.close()
    assert used == [(0, 0), (1, 2)]
    assert dumps[0] == dumps[1]
    chaired = [e for e in dumps[1]["edges"] if e["type"] == "CHAIRED"][0]
    assert chaired["article_count"] == cap + 12 and chaired["titles"] == ["Bí thư", "Bí thư Thành ủy"]
