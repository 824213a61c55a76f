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

from govgraph.graph.model import ENTITY_LABEL, GraphBatch


def rows_of(batch: GraphBatch) -> list[tuple[str, dict[str, Any]]]:
    """One statement per node and per edge, built from the validated batch (not from
    govgraph's batched statements, whose form may change): the same distinct nodes
    and edges, the same properties and edge keys."""
    batch = batch.deduplicated()
    out: list[tuple[str, dict[str, Any]]] = []
    for n in batch.nodes:
        out.append((f"MERGE (n:{ENTITY_LABEL}:{n.kind.value} {{id: $id}}) SET n += $props", n.row()))
    for e in batch.edges:
        out.append((f"MATCH (a:{ENTITY_LABEL} {{id: $src}}) MATCH (b:{ENTITY_LABEL} {{id: $dst}}) "
                    f"MERGE (a)-[e:{e.type.value} {{key: $key}}]->(b) SET e += $props", e.row()))
    return out


def load_neo4j(driver: Any, database: str, rows: list[tuple[str, dict[str, Any]]]) -> None:
    with driver.session(database=database) as session:
        for cypher, row in rows:
            session.execute_write(lambda tx, c=cypher, r=row: tx.run(c, r).consume())


def load_falkordb(graph: Any, rows: list[tuple[str, dict[str, Any]]]) -> None:
    # FalkorDB has no multi-statement transactions: each query is its own.
    for cypher, row in rows:
        graph.query(cypher, row)
