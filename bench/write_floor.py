"""The least server CPU a Neo4j write costs on this machine: the floor under the load target.

The load target is a wall-clock rate, and the server CPU each node and relationship
costs caps it whatever the client does. This writes the cheapest rows there are
through the driver — nodes with an id and nothing else, no constraint or index to
keep, then relationships without properties between them, their ends found by an
index built after the nodes — in UNWIND batches of 5,000 rows per transaction, and
divides the server's CPU by the rows. With every core given to Neo4j and a client
that costs nothing, a load of E entities and R relationships cannot beat
``cores / (E * node_cpu + R * rel_cpu)`` loads per second.

Then the same rows as a load: written by as many sessions at once as govgraph's
loads use, nodes, index and relationships timed end to end, once bare and once
with one integer on every node and relationship (the least a per-fact provenance
could be: a line number). That is the fastest load the driver and this machine
give, in entities/s, to set the load target against.

Its own label, index and relationship type; everything it writes is deleted after.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
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
# The load rounds: rows are lists, as govgraph's own load statements send them.
LOAD_NODES = {"bare": f"UNWIND $rows AS r CREATE (:{LABEL} {{id: r[0]}})",
              "one_property": f"UNWIND $rows AS r CREATE (:{LABEL} {{id: r[0], line: r[1]}})"}
LOAD_RELS = {"bare": (f"UNWIND $rows AS r MATCH (a:{LABEL} {{id: r[0]}}) "
                      f"MATCH (b:{LABEL} {{id: r[1]}}) CREATE (a)-[:BENCH_FLOOR]->(b)"),
             "one_property": (f"UNWIND $rows AS r MATCH (a:{LABEL} {{id: r[0]}}) "
                              f"MATCH (b:{LABEL} {{id: r[1]}}) "
                              "CREATE (a)-[:BENCH_FLOOR {line: r[2]}]->(b)")}
COUNT_LOAD = (f"MATCH (n:{LABEL}) WITH count(n) AS nodes, count(n.line) AS lined "
              f"OPTIONAL MATCH (:{LABEL})-[r:BENCH_FLOOR]->() "
              "RETURN nodes, lined, count(r), count(r.line)")
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


def _load_round(driver: Driver, pid: int | None, n: int, shape: str,
                writers: int) -> dict[str, Any]:
    ids = [f"floor:{i}" for i in range(n)]
    nodes = [[ids[i], i + 2] for i in range(n)]
    pairs = [[ids[i], ids[i // FAN_IN], i + 2] for i in range(n)]

    def write_all(pool: ThreadPoolExecutor, query: str, rows: list[list[Any]]) -> None:
        batches = [rows[i : i + BATCH] for i in range(0, n, BATCH)]
        list(pool.map(lambda b: _write(driver, query, rows=b), batches))

    c0 = cpu_seconds(pid) if pid else None
    with ThreadPoolExecutor(max_workers=writers) as pool:
        t0 = time.perf_counter()
        write_all(pool, LOAD_NODES[shape], nodes)
        t1 = time.perf_counter()
        _write(driver, CREATE_INDEX)
        _write(driver, AWAIT)
        t2 = time.perf_counter()
        write_all(pool, LOAD_RELS[shape], pairs)
        t3 = time.perf_counter()
    c1 = cpu_seconds(pid) if pid else None
    # Untimed: the round wrote what it is reported to have written.
    counts = driver.execute_query(COUNT_LOAD, routing_="r").records[0]
    lined = n if shape == "one_property" else 0
    expected = (n, lined, n, lined)
    if tuple(counts) != expected:
        raise RuntimeError(f"write floor {shape} round wrote (nodes, with line, relationships, "
                           f"with line) = {tuple(counts)}, not {expected}")
    return {"shape": shape, "writers": writers, "rows": n, "node_s": t1 - t0,
            "index_s": t2 - t1, "rel_s": t3 - t2, "seconds": t3 - t0,
            "entities_per_s": n / (t3 - t0),
            "db_cpu_s": (c1 - c0) if c0 is not None and c1 is not None else None}


def measure(uri: str, pid: int | None, rows: int = 200_000, warmup_rows: int = 20_000,
            entities: int | None = None, edges: int | None = None, cores: int = 1,
            writers: int = 2) -> dict[str, Any]:
    """One warm-up round, then ``rows`` nodes and ``rows`` relationships timed; then
    the same as loads by ``writers`` sessions, bare and with one property each.

    ``entities``/``edges``: a load to give the CPU ceiling of (the largest one run)."""
    # Off: counting a property the bare round never wrote is meant, not worth a warning.
    driver = GraphDatabase.driver(uri, auth=None, notifications_min_severity="OFF")
    try:
        _clean(driver)
        _round(driver, pid, min(warmup_rows, rows))  # the Cypher runtime compiles on first use
        _clean(driver)
        r = _round(driver, pid, rows)
        _clean(driver)
        r["loads"] = []
        for shape in LOAD_NODES:
            _load_round(driver, pid, min(warmup_rows, rows), shape, writers)
            _clean(driver)
            r["loads"].append(_load_round(driver, pid, rows, shape, writers))
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
