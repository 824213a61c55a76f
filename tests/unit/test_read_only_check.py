"""The read-only path's keyword check reads Cypher as the engines do: one pass,
left to right, so a quote, a comment marker or a quoted name cannot hide a clause
from it (the engine's own read-only mode is the second guard; LOAD CSV and the
server's commands have no other in some deployments)."""

from __future__ import annotations

import pytest
from govgraph.graph.read_only import cypher_code, looks_like_write

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

READS = [
    "MATCH (m:Measure) WHERE m.title CONTAINS 'CREATE' RETURN count(m)",
    "MATCH (m:Measure) WHERE m.title = 'it\\'s // not /* a comment' RETURN m",
    'MATCH (m) WHERE m.id = "a\\"CALL" RETURN m',
    "// DELETE everything\nMATCH (m:Measure) RETURN count(m)",
    "MATCH (m) /* SET */ RETURN m.`weird``CALL name`",
    "MATCH (m:Measure) RETURN m;",
]


@pytest.mark.parametrize("query", HIDDEN)
def test_a_hidden_clause_or_command_is_seen(query):
    assert looks_like_write(query)


@pytest.mark.parametrize("query", READS)
def test_strings_comments_and_quoted_names_are_not_clauses(query):
    assert not looks_like_write(query)


def test_the_code_keeps_everything_outside_strings_and_comments():
    assert cypher_code("MATCH (n) // x\nRETURN 'a//b', `c'd` /* e */") == \
        "MATCH (n)  \nRETURN '', ``  "
    # Unterminated: nothing is hidden (the engine refuses it anyway).
    assert cypher_code("RETURN 'abc CREATE") == "RETURN 'abc CREATE"
    assert cypher_code("RETURN 1 /* CREATE") == "RETURN 1 /* CREATE"
