"""The first guard of the read-only path (``GraphStore.read_only``, ``POST /cypher``,
``govgraph cypher``): a cheap refusal of writing clauses before anything reaches
the engine. The engine's own read-only mode is the real guard (Neo4j's READ access
mode, FalkorDB's GRAPH.RO_QUERY); ``tests/engine/test_read_only_guard.py`` shows it
refuses writes this check lets through.

Comments and string literals are blanked first, so a word in them is no write:

>>> looks_like_write("MATCH (n) WHERE n.name = 'CREATE' RETURN n // no SET here")
False
>>> looks_like_write("MATCH (n) DETACH DELETE n")
True
>>> looks_like_write("MATCH (n) RETURN n; MATCH (m) RETURN m")  # several statements
True
"""

from __future__ import annotations

import re

__all__ = ["REFUSAL", "looks_like_write"]

_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|CALL)\b", re.I
)

REFUSAL = ("refused: the read-only path does not run writing clauses "
           "(CREATE, MERGE, SET, DELETE, REMOVE, CALL, FOREACH, LOAD CSV) or several statements")


def looks_like_write(cypher: str) -> bool:
    """A first, cheap refusal for the read-only path; the engine's own read-only
    mode is the real guard (Neo4j READ access mode, FalkorDB GRAPH.RO_QUERY)."""
    stripped = re.sub(r"//[^\n]*|/\*.*?\*/", " ", cypher, flags=re.S)
    stripped = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", stripped)
    return bool(_WRITE_CLAUSES.search(stripped)) or ";" in stripped.strip().rstrip(";")
