"""The read-only path's first guard (graph/read_only.py), without a server: what it
refuses, what it lets through, and that GraphStore.read_only refuses before the engine
is asked. The engine's own read-only mode is tested on both engines in
tests/engine/test_read_only_guard.py."""

from __future__ import annotations

import pytest
from govgraph.graph.read_only import REFUSAL, looks_like_write
from govgraph.graph.store import GraphStore, QueryResult, ReadOnlyViolation

WRITES = [
    "CREATE (n:Entity {id: 'x'})",
    "MATCH (n) SET n.name = 'x'",
    "merge (n:Entity {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) REMOVE n.name",
    "DROP INDEX i",
    "UNWIND [1] AS x FOREACH (y IN [x] | CREATE ())",
    "LOAD  CSV FROM 'file:///x' AS row RETURN row",
    "CALL db.labels()",
    "MATCH (n) RETURN n; MATCH (m) RETURN m",
    "MATCH (n) RETURN n /* a comment */ ; CREATE ()",
]
READS = [
    "MATCH (n:Entity) RETURN n.name LIMIT 5",
    "MATCH (n) WHERE n.name = 'CREATE' RETURN n",
    'MATCH (n) WHERE n.name = "DELETE me" RETURN n',
    "MATCH (n) RETURN n // SET is only a word here",
    "MATCH (n) /* MERGE\n later */ RETURN n",
    "MATCH (n) RETURN n.created AS created;",
    "MATCH (n) WHERE n.name = 'a;b' RETURN n",
]


@pytest.mark.parametrize("cypher", WRITES)
def test_writes_are_refused(cypher):
    assert looks_like_write(cypher)


@pytest.mark.parametrize("cypher", READS)
def test_reads_pass(cypher):
    assert not looks_like_write(cypher)


class _NoEngine(GraphStore):
    """A store whose engine must never be reached."""

    engine = "none"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def read(self, cypher, params=None):
        raise AssertionError("not here")

    def read_engine_guarded(self, cypher, params=None, *, timeout_s=10.0, row_cap=1000):
        self.asked.append(cypher)
        return QueryResult(["n"], [[1]])

    def write_batch(self, batch, progress=None):
        raise AssertionError("not here")

    def ensure_schema(self):
        raise AssertionError("not here")

    def clear(self):
        raise AssertionError("not here")

    def close(self):
        pass


def test_the_store_refuses_before_the_engine_is_asked():
    store = _NoEngine()
    with pytest.raises(ReadOnlyViolation) as refused:
        store.read_only("MATCH (n) DETACH DELETE n")
    assert str(refused.value) == REFUSAL and store.asked == []
    assert store.read_only("MATCH (n) RETURN 1 AS n").rows == [[1]]
    assert store.asked == ["MATCH (n) RETURN 1 AS n"]
