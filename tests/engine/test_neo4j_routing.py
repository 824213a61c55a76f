"""The Neo4j store through a routing URI (neo4j://), as against a cluster or Aura,
here against the local single server (issue 31): the catalogue answers as through
bolt://, reads go out as READ (so a cluster's secondaries serve them), writes to
the leader, and the store's sessions share bookmarks, so a reader after its own
load sees it, on the sync and the async path."""

from __future__ import annotations

import asyncio

import pytest
from catalogue_cases import ALL
from govgraph.graph.model import Edge, GraphBatch, Node, NodeKind, RelType
from govgraph.graph.store import ReadOnlyViolation
from govgraph.queries import catalogue

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def routed(neo4j_uri, neo4j_store, tmp_path_factory):
    from govgraph.graph.neo4j_store import Neo4jStore

    scheme, rest = neo4j_uri.split("://", 1)
    uri = f"neo4j://{rest}" if scheme == "bolt" else neo4j_uri
    with Neo4jStore(uri, personal_dir=tmp_path_factory.mktemp("routed-personal")) as store:
        yield store


def test_a_routing_uri_shares_bookmarks_and_bolt_needs_none(routed, neo4j_store):
    assert routed.routing and routed.uri.startswith("neo4j")
    assert not neo4j_store.routing and neo4j_store._bookmarks is None


@pytest.mark.parametrize("name,params", [(n, p) for n, _i, p in ALL],
                         ids=[f"{n}-{i}" for n, i, _p in ALL])
def test_catalogue_answers_as_through_bolt(routed, neo4j_store, name, params):
    assert catalogue.run(routed, name, **params).records() == \
        catalogue.run(neo4j_store, name, **params).records()


def test_a_reader_after_its_own_load_sees_it(routed):
    q = "MATCH (n:Entity) WHERE n.id STARTS WITH 'route:' RETURN n.id ORDER BY n.id"
    batch = GraphBatch(nodes=[Node(id=f"route:{i}", kind=NodeKind.COMMITTEE, name="委员会")
                              for i in range(3)],
                       edges=[Edge(type=RelType.LEADS, src="route:0", dst="route:1")])
    try:
        routed.write_batch(batch)
        assert routed._bookmarks.get_bookmarks()  # the write's bookmark, sent with each read
        assert routed.read(q).rows == [["route:0"], ["route:1"], ["route:2"]]

        async def read_async():
            try:
                return (await routed.aread(q)).rows
            finally:
                await routed.aclose()

        assert asyncio.run(read_async()) == [["route:0"], ["route:1"], ["route:2"]]
    finally:
        with routed._session() as s:
            s.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'route:' DETACH DELETE n").consume()
    assert routed.read(q).rows == []


def test_reads_go_out_as_read(routed):
    with pytest.raises(ReadOnlyViolation, match="READ access mode"):
        routed.read_engine_guarded("CREATE (:Entity {id: 'route:x'})")


@pytest.mark.parametrize("which", ["routed", "neo4j_store"])
def test_a_kept_read_session_sees_a_load_after_its_last_read(request, which):
    # Async reads keep their sessions for the next read on the loop: a load
    # between two reads of one session is seen by the second (routing: the
    # store's bookmarks; bolt://: the single server has committed it).
    store = request.getfixturevalue(which)
    q = "MATCH (n:Entity) WHERE n.id STARTS WITH 'kept:' RETURN n.id ORDER BY n.id"
    batch = GraphBatch(nodes=[Node(id=f"kept:{i}", kind=NodeKind.COMMITTEE, name="委员会")
                              for i in range(2)], edges=[])

    async def around_a_load():
        try:
            before = (await store.aread(q)).rows
            kept = store._async_drivers[asyncio.get_running_loop()].idle
            assert len(kept) == 1
            store.write_batch(batch)
            after = (await store.aread(q)).rows
            assert store._async_drivers[asyncio.get_running_loop()].idle == kept
            return before, after
        finally:
            await store.aclose()

    try:
        assert asyncio.run(around_a_load()) == ([], [["kept:0"], ["kept:1"]])
    finally:
        with store._session() as s:
            s.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'kept:' DETACH DELETE n").consume()
