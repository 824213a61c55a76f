"""One load at a time on a Neo4j database: a second load waits for the first.

Each load decides what to CREATE from what the store held when it looked, so
two overlapping loads at once could both create an edge. The load lock is a
write lock held by an open transaction, released when the load ends (or its
connection drops), and never stored."""

from __future__ import annotations

import threading

import pytest
from govgraph.graph.model import Edge, GraphBatch, Node, NodeKind, RelType

pytestmark = pytest.mark.neo4j

PREFIX = "lock-test:"


def _batch(n: int) -> GraphBatch:
    hub = Node(id=f"{PREFIX}compound", kind=NodeKind.AREA, name="锁测试小区",
               props={"level": "compound"})
    people = [Node(id=f"{PREFIX}p{i}", kind=NodeKind.RESIDENT, name=f"居民{i}",
                   props={"registry_line": i + 2}) for i in range(n)]
    lives = [Edge(type=RelType.LIVES_IN, src=p.id, dst=hub.id, props={"registry_line": i + 2})
             for i, p in enumerate(people)]
    return GraphBatch(nodes=[hub, *people], edges=lives)


def _count(store, what: str) -> int:
    q = {"nodes": "MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS n",
         "edges": "MATCH (a:Entity)-[e:LIVES_IN]->() WHERE a.id STARTS WITH $p RETURN count(e) AS n",
         "lock": "MATCH (l:GraphState {id: 'load-lock'}) RETURN count(l) AS n"}[what]
    return store.read(q, {"p": PREFIX}).records()[0]["n"]


@pytest.fixture
def stores(neo4j_uri):
    from govgraph.graph.neo4j_store import Neo4jStore

    # Small sized transactions, so these loads take the path big loads take.
    made = [Neo4jStore(neo4j_uri, single_transaction_rows=50, transaction_rows=40, batch_rows=20)
            for _ in range(2)]
    yield made
    with made[0]._driver.session(database=made[0].database) as s:
        s.run("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n", p=PREFIX).consume()
    for s in made:
        s.close()


def test_a_load_waits_while_another_holds_the_lock(stores):
    first, second = stores
    batch = _batch(300)
    finished = threading.Event()
    errors: list[BaseException] = []

    def load() -> None:
        try:
            second.write_batch(batch)
        except BaseException as e:  # reported by the test thread
            errors.append(e)
        finished.set()

    with first.load_lock():
        worker = threading.Thread(target=load)
        worker.start()
        assert not finished.wait(2.0), "the second load ran while the lock was held"
        assert _count(first, "nodes") == 0
    assert finished.wait(120), "the second load never took the released lock"
    worker.join()
    assert errors == []
    assert (_count(first, "nodes"), _count(first, "edges")) == (301, 300)
    assert _count(first, "lock") == 0  # the lock leaves nothing behind


def test_overlapping_sized_loads_at_once_write_each_edge_once(stores):
    batch = _batch(400)
    errors: list[BaseException] = []

    def load(store) -> None:
        try:
            store.write_batch(batch)
        except BaseException as e:
            errors.append(e)

    workers = [threading.Thread(target=load, args=(s,)) for s in stores]
    for w in workers:
        w.start()
    for w in workers:
        w.join(180)
    assert errors == []
    assert (_count(stores[0], "nodes"), _count(stores[0], "edges")) == (401, 400)
