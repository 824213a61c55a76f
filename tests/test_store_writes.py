"""Loads are idempotent and all-or-nothing; row caps and timeouts hold — on both engines.
(The read-only path is attacked in test_reliability.py.)"""

from __future__ import annotations

import pytest
from govgraph.graph import store as store_mod
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
    real_plan = store_mod.write_plan

    def plan_with_a_bad_statement(b, *a, **k):
        # The real statements run first, then one the engine rejects.
        return [*real_plan(b, *a, **k), store_mod.Statement("THIS IS NOT CYPHER", {})]

    monkeypatch.setattr(type(store).__module__ + ".write_plan", plan_with_a_bad_statement)
    with pytest.raises(StoreError, match="rolled back"):
        store.write_batch(batch)
    assert answers.load_report(store) == before
    assert store.read("MATCH (n:Entity {id: 'test:ghost'}) RETURN n.id").rows == []


def test_bad_document_is_refused_before_the_store_is_touched(store, tmp_path):
    before = answers.load_report(store)
    bad = tmp_path / "bad.txt"
    bad.write_text("这不是一份通知。", "utf-8")
    with pytest.raises(NoticeError, match="bad.txt"):
        plan_load([bad])
    assert answers.load_report(store) == before


def test_dangling_edge_is_refused():
    batch = GraphBatch(edges=[Edge(type=RelType.LEADS, src="a", dst="b")])
    with pytest.raises(ValueError, match="no node 'a'"):
        batch.check()


def test_row_cap(store):
    res = store.read_only("MATCH (n:Entity) RETURN n.id ORDER BY n.id", row_cap=5)
    assert len(res.rows) == 5 and res.truncated


def test_long_query_is_stopped_by_the_timeout(store):
    from govgraph.graph.store import QueryTimeout

    with pytest.raises(QueryTimeout):
        store.read_only("MATCH (a), (b), (c), (d) WHERE a.id <> d.id RETURN count(*)", timeout_s=0.5)
