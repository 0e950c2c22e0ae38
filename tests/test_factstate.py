"""The record writer's remembered fact states (graph/factstate.py): merging a row into a state
must change exactly what merging it into the stored record changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.factstate import FactStates
from graph.loadplan import edge_row, merged_edge
from graph.model import Edge, Evidence, schema

CAP = schema()["list_cap"]
DATES = st.sampled_from([None, "2021-03-31", "2022-01-05", "2024-11-24"])
STORED_ARTICLES = [f"s{i:03d}" for i in range(CAP + 5)]


def changes(stored: dict, row: dict) -> dict:
    """What the record writer writes: the merged properties that differ from the stored ones."""
    return {k: v for k, v in merged_edge(stored, row).items() if v != stored.get(k, [] if v == [] else None)}


@st.composite
def stored_fact(draw) -> dict:
    """A stored fact whose capped lists are each full or empty (the facts a state stands for)."""
    full = draw(st.booleans())
    n = CAP if full else draw(st.integers(1, CAP - 1))
    props: dict = {"@rid": "#12:3", "article_count": draw(st.integers(n, n + 40))}
    if full:
        props["articles"] = STORED_ARTICLES[:CAP]
        props["evidence"] = [Evidence(a, f"câu {a}", 0, 4).to_json() for a in STORED_ARTICLES[:CAP]]
    if draw(st.booleans()):
        props["tasks"] = [f"việc {i}" for i in range(CAP)]
    for p in ("titles", "relations", "basis"):
        if draw(st.booleans()):
            props[p] = draw(st.lists(st.sampled_from(["Bí thư", "Chủ tịch", "stated", "căn cứ"]), max_size=2, unique=True))
    for p in ("title", "rule", "task"):
        if draw(st.booleans()):
            props[p] = draw(st.sampled_from(["Bí thư", "positions.title_chain"]))
    for p in ("first_seen", "last_seen", "start", "end", "status_seen"):
        if (value := draw(DATES)) is not None:
            props[p] = value
    if draw(st.booleans()):
        props["status"] = draw(st.sampled_from(["current", "former"]))
    return props


@st.composite
def window_edge(draw) -> Edge:
    """A fact as a window brings it: new articles, maybe new titles, dates and tenure."""
    arts = draw(st.lists(st.sampled_from([f"n{i:03d}" for i in range(40)]), min_size=1, max_size=CAP + 3, unique=True))
    props: dict = {"rule": "positions.title_chain"}
    if draw(st.booleans()):
        props["titles"] = draw(st.lists(st.sampled_from(["Bí thư", "Phó Bí thư"]), max_size=2, unique=True))
        props["title"] = props["titles"][0] if props["titles"] else None
    if draw(st.booleans()):
        props["tasks"] = ["việc mới"]
    for p in ("first_seen", "last_seen", "start", "end", "status_seen"):
        props[p] = draw(DATES)
    props["status"] = draw(st.sampled_from([None, "current", "former"]))
    evidence = [Evidence(a, f"câu {a}", 0, 4) for a in arts]
    edge = Edge("CHAIRED", "Person:a", "Body:b", props, [])
    edge.evidence = evidence
    edge.cap()
    return edge


@settings(max_examples=300, deadline=None)
@given(stored=stored_fact(), edge=window_edge())
def test_a_state_merges_as_the_record_does(stored, edge):
    states = FactStates()
    state = states.state_of(stored)
    row = edge_row(edge)
    if len(stored.get("articles", [])) not in (0, CAP):
        assert state is None  # a partly filled sample is not remembered
        return
    assert state is not None
    states.learn({1: state})
    assert states.reusable(1, row, lambda a: a.startswith("n")) is state
    assert changes(state, row) == changes(stored, row)
    # and the state after the write is the state of the record after the write
    after = {**stored, **changes(stored, row)}
    assert states.state_of({**state, **changes(state, row)}) == states.state_of(after)


def test_an_article_the_sample_may_hold_sends_the_writer_to_the_record():
    states = FactStates()
    stored = {"article_count": CAP, "articles": STORED_ARTICLES[:CAP], "evidence": ["x"] * CAP}
    states.learn({7: states.state_of(stored)})
    row = edge_row(Edge("SIGNED", "Person:a", "Document:d", {}, [Evidence("s001", "câu", 0, 3)]))
    assert states.reusable(7, row, lambda a: False) is None
    assert states.reusable(7, row, lambda a: True) is not None
    assert changes(stored, row) == {}  # the article was counted already: nothing moves


def test_states_stay_within_their_limit_and_forget_on_request():
    states = FactStates(limit=2)
    full = {"article_count": CAP, "articles": ["a"] * CAP}
    states.learn({1: states.state_of(full), 2: states.state_of(full), 3: states.state_of(full)})
    assert len(states) == 2 and states.reusable(3, {"fresh": []}, bool) is None
    two = states.size_bytes()
    states.learn({1: None})
    assert len(states) == 1 and states.reusable(1, {"fresh": []}, bool) is None
    assert 0 < states.size_bytes() < two
