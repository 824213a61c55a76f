"""Loads are idempotent and all-or-nothing; row caps and timeouts hold — on both engines.
(The read-only path is attacked in test_read_only_guard.py.)"""

from __future__ import annotations

import pytest
from govgraph.graph import plan as plan_mod
from govgraph.graph import store as store_mod
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.graph.model import Edge, GraphBatch, Node, NodeKind, RelType
from govgraph.graph.store import StoreError
from govgraph.loaders.notice import NoticeError
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.queries import answers


def test_loading_twice_changes_nothing(store, default_plan):
    before = answers.load_report(store)
    execute(store, default_plan)
    assert answers.load_report(store) == before


def test_failed_write_leaves_graph_unchanged(store, monkeypatch):
    before = answers.load_report(store)
    batch = GraphBatch(nodes=[Node(id="test:ghost", kind=NodeKind.COMMITTEE, name="幽灵委员会")])
    real_plan = plan_mod.edge_plan

    def plan_with_a_bad_statement(b, *a, **k):
        # The real statements run first, then one the engine rejects.
        return [*real_plan(b, *a, **k), plan_mod.Statement("THIS IS NOT CYPHER", {})]

    monkeypatch.setattr(store_mod, "edge_plan", plan_with_a_bad_statement)
    with pytest.raises(StoreError, match="rolled back"):
        store.write_batch(batch)
    assert answers.load_report(store) == before
    assert store.read("MATCH (n:Entity {id: 'test:ghost'}) RETURN n.id").rows == []


def test_failure_while_making_the_next_statements_leaves_graph_unchanged(store, monkeypatch):
    """The statements a load runs are made while the ones before them run (in
    another thread on FalkorDB): a failure there is the load's failure too."""
    before = answers.load_report(store)
    batch = GraphBatch(nodes=[Node(id=f"test:ghost{i}", kind=NodeKind.COMMITTEE, name="幽灵委员会")
                              for i in range(3)])
    real = plan_mod.creating_plan
    made: list[str] = []

    def breaks_at_the_last_node(plan, created):
        ids = [r["id"] for st in plan if st.phase == "node" for r in st.params["rows"]]
        if "test:ghost2" in ids:
            raise RuntimeError("the plan broke")
        made.extend(ids)
        return real(plan, created)

    real_nodes = plan_mod.node_plan
    monkeypatch.setattr(store_mod, "node_plan",
                        lambda b, *a, **k: real_nodes(b, 1))  # a statement per node
    monkeypatch.setattr(type(store).__module__ + ".creating_plan", breaks_at_the_last_node)
    with pytest.raises(RuntimeError, match="the plan broke"):
        store.write_batch(batch)
    # FalkorDB makes (and runs) each statement in turn; Neo4j makes its one transaction at once.
    assert made == (["test:ghost0", "test:ghost1"] if isinstance(store, FalkorDBStore) else [])
    assert answers.load_report(store) == before
    assert store.read("MATCH (n:Entity) WHERE n.id STARTS WITH 'test:ghost' RETURN n.id").rows == []


def test_bad_document_is_refused_before_the_store_is_touched(store, tmp_path):
    before = answers.load_report(store)
    bad = tmp_path / "bad.txt"
    bad.write_text("这不是一份通知。", "utf-8")
    with pytest.raises(NoticeError, match="bad.txt"):
        plan_load([bad])
    assert answers.load_report(store) == before


def test_row_cap(store):
    res = store.read_only("MATCH (n:Entity) RETURN n.id ORDER BY n.id", row_cap=5)
    assert len(res.rows) == 5 and res.truncated


def test_long_query_is_stopped_by_the_timeout(store):
    from govgraph.graph.store import QueryTimeout

    with pytest.raises(QueryTimeout):
        store.read_only("MATCH (a), (b), (c), (d) WHERE a.id <> d.id RETURN count(*)", timeout_s=0.5)


# --- CREATE where nothing can exist yet, MERGE elsewhere: the same graph either way ---

def _conv_batch(stale: bool = False) -> GraphBatch:
    """Nodes and edges under ids of their own, with the value shapes a load carries:
    nulls, lists, booleans, numbers, provenance, and keys derived or not."""
    from govgraph.graph.model import Provenance

    src = Provenance(doc="conv-doc", measure=3, clause="条款", start=1, end=4)
    v = "old" if stale else "new"
    nodes = [Node(id=f"conv:p{i}", kind=NodeKind.RESIDENT, name=f"居民{i}",
                  props={"party_member": i % 2 == 0, "registry_line": i, "note": v if i else None,
                         "aliases": [f"a{i}"] if i % 3 else [], "score": 1.5 if stale else 2})
             for i in range(7)]
    nodes.append(Node(id="conv:org", kind=NodeKind.COMMITTEE, name="委员会",
                      props={"body_type": "committee:owners", "credit": None if not stale else "x"}))
    edges = [Edge(type=RelType.MEMBER_OF, src=f"conv:p{i}", dst="conv:org",
                  props={"role": "member", "start": "2020", "end": None if i else v}, source=src)
             for i in range(7)]
    edges += [Edge(type=RelType.LIVES_IN, src=f"conv:p{i}", dst="conv:org") for i in range(7)]
    edges.append(Edge(type=RelType.LEADS, src="conv:p0", dst="conv:p1", props={"nature": v}))
    return GraphBatch(nodes=nodes, edges=edges)


def _conv_dump(store) -> tuple:
    nodes = store.read("MATCH (n:Entity) WHERE n.id STARTS WITH 'conv:' "
                       "RETURN n.id, labels(n), properties(n) ORDER BY n.id").rows
    edges = store.read("MATCH (a:Entity)-[e]->(b:Entity) WHERE a.id STARTS WITH 'conv:' "
                       "RETURN a.id, type(e), b.id, properties(e) ORDER BY e.key").rows
    for n in nodes:
        n[1] = sorted(n[1])
    return nodes, edges


def _conv_delete(store) -> None:
    q = "MATCH (n:Entity) WHERE n.id STARTS WITH 'conv:' DETACH DELETE n"
    if store.engine == "neo4j":
        with store._driver.session(database=store.database) as s:
            s.run(q).consume()
    else:
        store._graph.query(q)


def _merge_only(store, monkeypatch):
    monkeypatch.setattr(type(store).__module__ + ".creating_plan", lambda plan, created: plan)


@pytest.fixture
def conv_store(store):
    _conv_delete(store)
    yield store
    _conv_delete(store)


def test_load_over_a_partial_graph_equals_a_load_into_nothing(conv_store, monkeypatch):
    store = conv_store
    full = _conv_batch()
    store.write_batch(full)
    fresh = _conv_dump(store)
    assert len(fresh[0]) == 8 and len(fresh[1]) == 15

    # Reloading changes nothing.
    store.write_batch(full)
    assert _conv_dump(store) == fresh

    # Over a graph holding part of the load, some of it with other values: the
    # new nodes and their edges are created, the rest merged, and the result is
    # the same graph.
    _conv_delete(store)
    stale = _conv_batch(stale=True)
    store.write_batch(GraphBatch(nodes=stale.nodes[:4] + stale.nodes[7:],
                                 edges=[e for e in stale.edges if e.src in {"conv:p0", "conv:p1"}]))
    store.write_batch(full)
    assert _conv_dump(store) == fresh

    # And it is the graph the plain MERGE statements give.
    _conv_delete(store)
    _merge_only(store, monkeypatch)
    store.write_batch(full)
    assert _conv_dump(store) == fresh


def _loaded_then_partly_stale(store, part):
    """Load the whole batch and keep what it gave, then leave only ``part(stale
    batch)`` in the store; returns (whole batch, its graph)."""
    full = _conv_batch()
    store.write_batch(full)
    fresh = _conv_dump(store)
    _conv_delete(store)
    store.write_batch(part(_conv_batch(stale=True)))
    return full, fresh


@pytest.mark.neo4j
@pytest.mark.parametrize("sized", [False, True], ids=["one-transaction", "sized"])
def test_neo4j_create_that_meets_an_existing_id_falls_back_to_merge(neo4j_uri, sized, monkeypatch):
    """As if another writer committed some of the ids after the load looked: the
    CREATE is refused by the constraint, and the load merges instead."""
    from govgraph.graph import neo4j_store
    from govgraph.graph.neo4j_store import Neo4jStore

    kw = {"single_transaction_rows": 1, "transaction_rows": 4, "batch_rows": 2} if sized else {}
    with Neo4jStore(neo4j_uri, **kw) as store:
        _conv_delete(store)
        try:
            full, fresh = _loaded_then_partly_stale(store, lambda st: GraphBatch(
                nodes=st.nodes[2:5], edges=[]))
            monkeypatch.setattr(neo4j_store, "new_node_ids",
                                lambda plan, run: set(neo4j_store.plan_node_ids(plan)))
            store.write_batch(full)
            assert _conv_dump(store) == fresh
        finally:
            _conv_delete(store)


@pytest.mark.neo4j
def test_neo4j_sized_load_over_a_partial_graph(neo4j_uri):
    from govgraph.graph.neo4j_store import Neo4jStore

    with Neo4jStore(neo4j_uri, single_transaction_rows=1, transaction_rows=4, batch_rows=2) as store:
        _conv_delete(store)
        try:
            full, fresh = _loaded_then_partly_stale(store, lambda st: GraphBatch(
                nodes=st.nodes[3:], edges=st.edges[5:9]))
            store.write_batch(full)
            assert _conv_dump(store) == fresh
            store.write_batch(full)
            assert _conv_dump(store) == fresh
        finally:
            _conv_delete(store)


# --- a sized load into an empty Neo4j builds the Entity.id constraint after its nodes ---

ID_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN count(*)"


def _id_constraints(store) -> int:
    with store._driver.session(database=store.database) as s:
        return s.run(ID_CONSTRAINTS).single()[0]


@pytest.fixture
def empty_neo4j(neo4j_uri, neo4j_store, default_plan):
    """The shared Neo4j emptied for the test and given its usual graph back after."""
    from govgraph.graph.neo4j_store import Neo4jStore

    neo4j_store.clear()
    with Neo4jStore(neo4j_uri, single_transaction_rows=1, transaction_rows=4, batch_rows=2,
                    defer_constraint_nodes=1) as store:
        try:
            yield store
        finally:
            _conv_delete(store)
            store.ensure_schema()
            neo4j_store.clear()
            execute(neo4j_store, default_plan)


@pytest.mark.neo4j
def test_neo4j_sized_load_into_an_empty_store_builds_the_constraint_after_the_nodes(empty_neo4j):
    store = empty_neo4j
    batch = _conv_batch()
    nodes = len(batch.nodes)
    seen: list[tuple[int, int]] = []
    store.write_batch(batch, progress=lambda done, total: seen.append((done, _id_constraints(store))))
    # While the nodes were written there was no constraint; the edges found it built.
    assert [c for done, c in seen if done <= nodes] and all(c == 0 for done, c in seen if done <= nodes)
    assert [c for done, c in seen if done > nodes] and all(c == 1 for done, c in seen if done > nodes)
    assert _id_constraints(store) == 1
    deferred = _conv_dump(store)

    # The graph is the one a load under the constraint gives.
    _conv_delete(store)
    store.defer_constraint_nodes = 10**9
    seen.clear()
    store.write_batch(batch, progress=lambda done, total: seen.append((done, _id_constraints(store))))
    assert {c for _, c in seen} == {1}
    assert _conv_dump(store) == deferred and len(deferred[0]) == nodes


@pytest.mark.neo4j
def test_neo4j_deferred_constraint_is_built_again_when_the_load_fails(empty_neo4j, monkeypatch):
    from govgraph.graph import neo4j_store

    store = empty_neo4j
    real, calls = neo4j_store.creating_plan, []

    def failing(statements, created):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("the connection broke")
        return real(statements, created)

    monkeypatch.setattr(neo4j_store, "creating_plan", failing)
    store.writers = 1  # the first node transaction commits, the second fails
    during: list[int] = []
    with pytest.raises(StoreError, match="the connection broke"):
        store.write_batch(_conv_batch(), progress=lambda *_: during.append(_id_constraints(store)))
    assert during == [0]
    assert _id_constraints(store) == 1


@pytest.mark.neo4j
def test_neo4j_duplicate_written_meanwhile_is_named_when_the_constraint_cannot_be_built(empty_neo4j):
    """Another writer creates one of the load's ids while the constraint is set
    aside: the load says which id is doubled instead of building on it."""

    store = empty_neo4j
    batch = _conv_batch()
    doubled: list[str] = []

    def meddle(done, total):
        if not doubled:
            with store._driver.session(database=store.database) as s:
                doubled.extend(s.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'conv:' "
                                     "WITH n LIMIT 1 CREATE (:Entity:Resident {id: n.id}) "
                                     "RETURN n.id").value())

    with pytest.raises(StoreError, match="could not be built") as err:
        store.write_batch(batch, progress=meddle)
    assert doubled and doubled[0] in str(err.value)
    assert _id_constraints(store) == 0
    # The same load again is refused before it writes: the schema cannot be made.
    with pytest.raises(StoreError, match="schema"):
        store.write_batch(batch)


def _with_repeated_edges() -> GraphBatch:
    batch = _conv_batch()
    return GraphBatch(nodes=batch.nodes, edges=batch.edges + batch.edges[:3])


def _load_holding_the_edge_plan(store, batch, monkeypatch):
    """Load ``batch`` with the edge plan held until the first write has
    reported progress: a load that planned its edges before writing anything
    would wait 30 s there and say "before any write". Returns the summary, the
    thread that planned and when, and every (done, total) reported."""
    import threading

    first_write = threading.Event()
    planned: list[str] = []
    real = store_mod.edge_plan

    def edge_plan(b, *a, **k):
        planned.append(threading.current_thread().name)
        planned.append("after a write" if first_write.wait(30) else "before any write")
        return real(b, *a, **k)

    monkeypatch.setattr(store_mod, "edge_plan", edge_plan)
    seen: list[tuple[int, int]] = []

    def progress(done, total):
        seen.append((done, total))
        first_write.set()

    return store.write_batch(batch, progress=progress), planned, seen


def _check_planned_while_writing(summary, planned, seen, whole, given_edges) -> None:
    nodes, edges = len(whole[0]), len(whole[1])
    assert planned[0].startswith("govgraph-plan") and planned[1] == "after a write"
    assert (summary.nodes, summary.edges) == (nodes, edges)
    assert seen[0][1] == nodes + given_edges  # before the edges were planned: as given
    assert seen[-1] == (nodes + edges, nodes + edges)  # then as merged


@pytest.mark.neo4j
def test_neo4j_sized_load_plans_its_edges_while_its_nodes_are_written(neo4j_uri, monkeypatch):
    """A sized load starts writing nodes before its edges are planned (in a thread),
    and gives the graph a one-transaction load gives; progress counts the edges
    as given until they are planned, then as merged."""
    from govgraph.graph.neo4j_store import Neo4jStore

    batch = _with_repeated_edges()
    with Neo4jStore(neo4j_uri) as store:
        _conv_delete(store)
        store.write_batch(batch)
        whole = _conv_dump(store)
        _conv_delete(store)

    with Neo4jStore(neo4j_uri, single_transaction_rows=1, transaction_rows=4,
                    batch_rows=2) as store:
        try:
            done = _load_holding_the_edge_plan(store, batch, monkeypatch)
            _check_planned_while_writing(*done, whole, len(batch.edges))
            assert _conv_dump(store) == whole
        finally:
            _conv_delete(store)

    # Nodes that fit one transaction but a load that does not: planned whole, then sized.
    nodes, edges = len(whole[0]), len(whole[1])
    with Neo4jStore(neo4j_uri, single_transaction_rows=nodes + 2, transaction_rows=4,
                    batch_rows=2) as store:
        try:
            seen: list[tuple[int, int]] = []
            store.write_batch(batch, progress=lambda d, t: seen.append((d, t)))
            assert _conv_dump(store) == whole
            assert len(seen) > 1 and {t for _, t in seen} == {nodes + edges}
        finally:
            _conv_delete(store)


def test_embedded_load_plans_its_edges_while_its_nodes_are_written(fresh_store, monkeypatch):
    """The embedded store writes its first nodes before its edges are planned (in a
    thread), and the graph is the one a plan made up front gives."""
    batch = _with_repeated_edges()
    fresh_store.write_batch(batch)
    whole = _conv_dump(fresh_store)
    _conv_delete(fresh_store)
    done = _load_holding_the_edge_plan(fresh_store, batch, monkeypatch)
    _check_planned_while_writing(*done, whole, len(batch.edges))
    assert _conv_dump(fresh_store) == whole
