"""The loader a user writes without govgraph: one transaction per row, MERGE per entity.

This is the pattern py2neo-era tutorials teach (``for row in rows:
graph.merge(...)``): every node and every edge is its own statement in its own
transaction, so each row pays a round trip and a commit. It writes the same
rows as govgraph's loader (``write_plan``), with the same uniqueness constraint,
so the two rates compare like for like. It lives here only: nothing in govgraph
uses it.
"""

from __future__ import annotations

from typing import Any

from govgraph.graph.model import ENTITY_LABEL
from govgraph.graph.store import Statement


def _row_cypher(st: Statement) -> str:
    """The per-row twin of a batched statement: parameters instead of UNWIND rows."""
    label = st.cypher.split("MERGE (n:", 1)[1].split(" ", 1)[0] if st.phase == "node" else None
    if label is not None:
        return f"MERGE (n:{label} {{id: $id}}) SET n += $props"
    rel = st.cypher.split("MERGE (a)-[e:", 1)[1].split(" ", 1)[0]
    return (f"MATCH (a:{ENTITY_LABEL} {{id: $src}}) MATCH (b:{ENTITY_LABEL} {{id: $dst}}) "
            f"MERGE (a)-[e:{rel} {{key: $key}}]->(b) SET e += $props")


def rows_of(plan: list[Statement]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for st in plan:
        cypher = _row_cypher(st)
        out.extend((cypher, row) for row in st.params["rows"])
    return out


def load_neo4j(driver: Any, database: str, rows: list[tuple[str, dict[str, Any]]]) -> None:
    with driver.session(database=database) as session:
        for cypher, row in rows:
            session.execute_write(lambda tx, c=cypher, r=row: tx.run(c, r).consume())


def load_falkordb(graph: Any, rows: list[tuple[str, dict[str, Any]]]) -> None:
    # FalkorDB has no multi-statement transactions: each query is its own.
    for cypher, row in rows:
        graph.query(cypher, row)
