"""The least server CPU a Neo4j write costs on this machine: the floor under the load target.

The load target is a wall-clock rate, and the server CPU each node and relationship
costs caps it whatever the client does. This writes the cheapest rows there are
through the driver — nodes with an id and nothing else, no constraint or index to
keep, then relationships without properties between them, their ends found by an
index built after the nodes — in UNWIND batches of 5,000 rows per transaction, and
divides the server's CPU by the rows. With every core given to Neo4j and a client
that costs nothing, a load of E entities and R relationships cannot beat
``cores / (E * node_cpu + R * rel_cpu)`` loads per second.

Its own label, index and relationship type; everything it writes is deleted after.
"""

from __future__ import annotations

import time
from typing import Any

from neo4j import Driver, GraphDatabase

from .sysinfo import cpu_seconds

LABEL = "BenchWriteFloor"
INDEX = "bench_write_floor_id"
BATCH = 5_000
# Targets as dense as a compound's residents: one node of every FAN_IN is an end.
FAN_IN = 500

NODES = f"UNWIND $ids AS i CREATE (:{LABEL} {{id: i}})"
RELS = (f"UNWIND $pairs AS p MATCH (a:{LABEL} {{id: p[0]}}) MATCH (b:{LABEL} {{id: p[1]}}) "
        "CREATE (a)-[:BENCH_FLOOR]->(b)")
CREATE_INDEX = f"CREATE INDEX {INDEX} IF NOT EXISTS FOR (n:{LABEL}) ON (n.id)"
AWAIT = "CALL db.awaitIndexes(600)"
DROP_INDEX = f"DROP INDEX {INDEX} IF EXISTS"
DELETE = f"MATCH (n:{LABEL}) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*)"


def _write(driver: Driver, query: str, **params: Any) -> None:
    driver.execute_query(query, params, routing_="w")


def _clean(driver: Driver) -> None:
    _write(driver, DROP_INDEX)
    while driver.execute_query(DELETE).records[0][0]:
        pass


def _timed(driver: Driver, pid: int | None, query: str, key: str,
           batches: list[list[Any]]) -> tuple[float, float | None]:
    c0 = cpu_seconds(pid) if pid else None
    t0 = time.perf_counter()
    for b in batches:
        _write(driver, query, **{key: b})
    seconds = time.perf_counter() - t0
    c1 = cpu_seconds(pid) if pid else None
    return seconds, (c1 - c0) if c0 is not None and c1 is not None else None


def _round(driver: Driver, pid: int | None, n: int) -> dict[str, Any]:
    ids = [f"floor:{i}" for i in range(n)]
    pairs = [[ids[i], ids[i // FAN_IN]] for i in range(n)]
    node_s, node_cpu = _timed(driver, pid, NODES, "ids",
                              [ids[i : i + BATCH] for i in range(0, n, BATCH)])
    t0 = time.perf_counter()
    _write(driver, CREATE_INDEX)
    _write(driver, AWAIT)
    index_s = time.perf_counter() - t0
    rel_s, rel_cpu = _timed(driver, pid, RELS, "pairs",
                            [pairs[i : i + BATCH] for i in range(0, n, BATCH)])
    return {"rows": n, "node_s": node_s, "node_db_cpu_s": node_cpu, "index_s": index_s,
            "rel_s": rel_s, "rel_db_cpu_s": rel_cpu}


def measure(uri: str, pid: int | None, rows: int = 200_000, warmup_rows: int = 20_000,
            entities: int | None = None, edges: int | None = None, cores: int = 1) -> dict[str, Any]:
    """One warm-up round, then ``rows`` nodes and ``rows`` relationships timed.

    ``entities``/``edges``: a load to give the CPU ceiling of (the largest one run)."""
    driver = GraphDatabase.driver(uri, auth=None)
    try:
        _clean(driver)
        _round(driver, pid, min(warmup_rows, rows))  # the Cypher runtime compiles on first use
        _clean(driver)
        r = _round(driver, pid, rows)
        _clean(driver)
    finally:
        driver.close()
    r["node_per_s"] = rows / r["node_s"]
    r["rel_per_s"] = rows / r["rel_s"]
    r["cores"] = cores
    if r["node_db_cpu_s"] is not None and r["rel_db_cpu_s"] is not None:
        r["node_cpu_us"] = r["node_db_cpu_s"] / rows * 1e6
        r["rel_cpu_us"] = r["rel_db_cpu_s"] / rows * 1e6
        if entities and edges is not None:
            cpu_s = (entities * r["node_cpu_us"] + edges * r["rel_cpu_us"]) / 1e6
            r["ceiling"] = {"entities": entities, "edges": edges,
                            "entities_per_s": entities * cores / cpu_s}
    return r
