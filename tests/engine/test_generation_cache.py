"""Answers about places keep what the notice says between calls, per graph
generation: a load by any process is seen by the very next answer."""

from __future__ import annotations

from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.graph.model import GraphBatch, RelType
from govgraph.graph.plan import GRAPH_STATE_LABEL
from govgraph.graph.store import GraphStore
from govgraph.queries import compounds, flow, generation_cache

DAY = "2024-06-30"


def _another_process(store: GraphStore) -> GraphStore:
    """A second store on the same data: it shares nothing in memory with ``store``."""
    if isinstance(store, FalkorDBStore):
        return FalkorDBStore(store.data_dir)
    from govgraph.graph.neo4j_store import Neo4jStore

    return Neo4jStore(store.uri)


def _generation(store: GraphStore) -> str | None:
    rows = store.read(f"MATCH (g:{GRAPH_STATE_LABEL}) RETURN g.generation AS g").rows
    return rows[0][0] if rows else None


def _roles(chain: compounds.CompoundEscalation) -> set[str]:
    return {b.role for lv in chain.levels for b in lv.bodies}


def test_every_load_writes_a_new_generation(store, default_plan):
    first = _generation(store)
    assert first
    handles = next(e for e in default_plan.batch.edges if e.type == RelType.HANDLES)
    store.write_batch(GraphBatch(edges=[handles]))  # the same fact: the graph is unchanged
    assert _generation(store) not in (None, first)


def test_a_load_by_another_process_is_seen_by_the_next_answer(store, default_plan):
    before = compounds.compound_escalation(store, "t:cpd:1", "fire-lane", DAY)
    assert compounds.compound_escalation(store, "t:cpd:1", "fire-lane", DAY) == before
    edge = next(e for e in default_plan.batch.edges
                if e.type == RelType.HANDLES and e.dst == "issue:fire-lane"
                and e.src == "company:property")
    renamed = edge.model_copy(update={"props": {**edge.props, "action": "先行劝阻(测试)"}})
    other = _another_process(store)
    try:
        other.write_batch(GraphBatch(edges=[renamed]))
        after = compounds.compound_escalation(store, "t:cpd:1", "fire-lane", DAY)
        assert "先行劝阻(测试)" in _roles(after)
    finally:
        other.write_batch(GraphBatch(edges=[edge]))
        if not isinstance(other, FalkorDBStore):  # the embedded one shares the server
            other.close()
    assert compounds.compound_escalation(store, "t:cpd:1", "fire-lane", DAY) == before


def test_without_a_generation_nothing_is_kept(falkor_store):
    calls = []

    def fetch():
        calls.append(1)
        return len(calls)
        yield  # a flow that reads nothing

    def value(generation):
        return flow.drive(falkor_store, flow.cached(generation, "k", fetch))

    assert value(None) == 1
    assert value(None) == 2
    assert value("g1") == 3
    assert value("g1") == 3
    assert value("g2") == 4
    generation_cache.forget(falkor_store)
