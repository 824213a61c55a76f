"""The read-only path's first guard (graph/read_only.py), without a server: what it
refuses, what it lets through, and that GraphStore.read_only refuses before the engine
is asked. The check reads Cypher as the engines do: one pass, left to right, so a
quote, a comment marker or a quoted name cannot hide a clause from it. The engine's own read-only mode is tested on both engines in
tests/engine/test_read_only_guard.py."""

from __future__ import annotations

import pytest
from govgraph.graph.read_only import REFUSAL, called_function, cypher_code, looks_like_write
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


HIDDEN = [
    # a comment marker inside a string: stripping comments first hid the rest
    "WITH '/*' AS x CALL db.labels() YIELD label RETURN label, x //*/",
    "WITH 'http://x' AS u LOAD CSV FROM u AS row RETURN row",
    'WITH "//" AS u MATCH (n) DETACH DELETE n',
    # a quote inside a quoted name: taken for a string, it hid what followed
    "WITH 1 AS `it's` CALL db.labels() YIELD label RETURN label, 'x'",
    "MATCH (n:`a'b`) SET n.x = 1 RETURN '",
    # a line comment ends at \r for Neo4j
    "MATCH (n) WITH count(n) AS c //x\rCALL db.labels() YIELD label RETURN label, c",
    "WITH 1 AS x LOAD/**/CSV FROM 'file:///etc/passwd' AS row RETURN row",
    # the server's commands, not reads of the graph
    "SHOW TRANSACTIONS YIELD *",
    "show settings yield name, value",
    "USE system SHOW USERS",
    "USE neo4j MATCH (n) RETURN n",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "INSERT (:Evil)",
    "RETURN 1 /* a */ ; /* b */ MATCH (n) RETURN n",
]

QUOTED_READS = [
    "MATCH (m:Measure) WHERE m.title CONTAINS 'CREATE' RETURN count(m)",
    "MATCH (m:Measure) WHERE m.title = 'it\\'s // not /* a comment' RETURN m",
    'MATCH (m) WHERE m.id = "a\\"CALL" RETURN m',
    "// DELETE everything\nMATCH (m:Measure) RETURN count(m)",
    "MATCH (m) /* SET */ RETURN m.`weird``CALL name`",
    "MATCH (m:Measure) RETURN m;",
]


@pytest.mark.parametrize("cypher", WRITES + HIDDEN)
def test_writes_and_hidden_clauses_or_commands_are_refused(cypher):
    assert looks_like_write(cypher)


@pytest.mark.parametrize("cypher", READS + QUOTED_READS)
def test_reads_strings_comments_and_quoted_names_pass(cypher):
    assert not looks_like_write(cypher)


def test_the_code_keeps_everything_outside_strings_and_comments():
    assert cypher_code("MATCH (n) // x\nRETURN 'a//b', `c'd` /* e */") == \
        "MATCH (n)  \nRETURN '', ``  "
    # Unterminated: nothing is hidden (the engine refuses it anyway).
    assert cypher_code("RETURN 'abc CREATE") == "RETURN 'abc CREATE"
    assert cypher_code("RETURN 1 /* CREATE") == "RETURN 1 /* CREATE"


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

    def _write_planned(self, nodes, edges, edges_given, progress):
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


UNSAFE = {"substring", "left"}


@pytest.mark.parametrize("cypher,called", [
    ("MATCH (p) RETURN substring(p.name, 1)", "substring"),
    ("MATCH (p) RETURN SUBSTRING (p.name, 0, 2)", "substring"),
    ("MATCH (p) RETURN left\n(p.name, 3)", "left"),
    ("MATCH (p) RETURN substring/* hidden */(p.name, 1)", "substring"),
    ("MATCH (p) RETURN toUpper(left(p.name, 1))", "left"),
    ("MATCH (p) RETURN `substring`(p.name, 1)", "`…`"),
    ("MATCH (p) RETURN `left` (p.name, 1)", "`…`"),
    ("MATCH (p) WITH '(' AS x RETURN substring(p.name, 1), x", "substring"),
])
def test_a_call_is_found_however_it_is_spelt(cypher, called):
    assert called_function(cypher, UNSAFE) == called


@pytest.mark.parametrize("cypher", [
    "MATCH (p) RETURN right(p.name, 1), size(p.name)",
    "MATCH (p) WHERE p.name = 'substring(x, 1)' RETURN p.left",
    "MATCH (p) RETURN p // left(p.name, 1)",
    "MATCH (p) RETURN $left, p.substring AS s",
    "MATCH (left)-[:R]->(right) RETURN left, right",
    "MATCH (p:`left`) RETURN mysubstring(p)",
])
def test_names_that_are_not_those_calls_pass(cypher):
    assert called_function(cypher, UNSAFE) is None
