"""The store of record: Neo4j through the official driver.

One driver per store (and so per process), managed transactions only, every
value a parameter. A write batch is one write transaction, so it lands whole or
not at all; untrusted Cypher runs in a READ access-mode transaction with a
timeout, so Neo4j itself refuses writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import neo4j
from neo4j import GraphDatabase, unit_of_work
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node as NNode
from neo4j.graph import Path as NPath
from neo4j.graph import Relationship as NRel

from .model import ENTITY_LABEL, GraphBatch
from .store import (
    GraphStore,
    QueryResult,
    QueryTimeout,
    ReadOnlyViolation,
    StoreError,
    WriteSummary,
    looks_like_write,
    write_plan,
)

# Constraint DDL is the one place the dialects differ (see FalkorDBStore.ensure_schema).
SCHEMA = (
    f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX measure_number IF NOT EXISTS FOR (m:Measure) ON (m.number)",
    f"CREATE INDEX entity_kind IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.kind)",
)


def to_plain(value: Any) -> Any:
    if isinstance(value, NNode):
        return {"labels": sorted(value.labels), "properties": dict(value)}
    if isinstance(value, NRel):
        return {"type": value.type, "properties": dict(value)}
    if isinstance(value, NPath):
        return {"nodes": [to_plain(n) for n in value.nodes],
                "relationships": [to_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j temporal types
        return value.iso_format()
    return value


class Neo4jStore(GraphStore):
    engine = "neo4j"

    def __init__(self, uri: str, *, user: str = "neo4j", password: str = "",
                 database: str = "neo4j", connection_timeout: float = 10.0) -> None:
        self.uri = uri
        self.database = database
        auth = (user, password) if password else None
        try:
            self._driver = GraphDatabase.driver(
                uri, auth=auth, connection_timeout=connection_timeout,
                max_transaction_retry_time=15.0, connection_acquisition_timeout=30.0)
            self._driver.verify_connectivity()
        except (ServiceUnavailable, DriverError, Neo4jError, OSError, ValueError) as e:
            raise StoreError(f"cannot reach Neo4j at {uri}: {e}") from e

    # -- reads ------------------------------------------------------------
    @staticmethod
    def _collect(result: neo4j.Result, row_cap: int | None) -> QueryResult:
        columns = list(result.keys())
        rows: list[list[Any]] = []
        truncated = False
        for record in result:
            if row_cap is not None and len(rows) >= row_cap:
                truncated = True
                break
            rows.append([to_plain(v) for v in record.values()])
        result.consume()
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            return self._collect(tx.run(cypher, params or {}), None)

        try:
            with self._driver.session(database=self.database,
                                      default_access_mode=neo4j.READ_ACCESS) as s:
                return s.execute_read(work)
        except ClientError as e:
            raise StoreError(f"query failed: {e.message}") from e
        except (ServiceUnavailable, DriverError, Neo4jError) as e:
            raise StoreError(f"Neo4j unavailable: {e}") from e

    def read_only(self, cypher: str, params: dict[str, Any] | None = None, *,
                  timeout_s: float = 10.0, row_cap: int = 1000) -> QueryResult:
        if looks_like_write(cypher):
            raise ReadOnlyViolation("refused: the read-only path does not run writing clauses "
                                    "(CREATE, MERGE, SET, DELETE, REMOVE, CALL, FOREACH, LOAD CSV) "
                                    "or several statements")
        return self.read_engine_guarded(cypher, params, timeout_s=timeout_s, row_cap=row_cap)

    def read_engine_guarded(self, cypher: str, params: dict[str, Any] | None = None, *,
                            timeout_s: float = 10.0, row_cap: int = 1000) -> QueryResult:
        """The read-only path without the keyword pre-check: only Neo4j's READ
        access mode stands between the query and the data (tests prove it holds)."""

        @unit_of_work(timeout=timeout_s)
        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            return self._collect(tx.run(cypher, params or {}), row_cap)

        try:
            with self._driver.session(database=self.database,
                                      default_access_mode=neo4j.READ_ACCESS) as s:
                return s.execute_read(work)
        except ClientError as e:
            code = e.code or ""
            if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
                raise ReadOnlyViolation(f"refused by Neo4j (READ access mode): {e.message}") from e
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise QueryTimeout(f"query exceeded {timeout_s:g}s and was stopped") from e
            raise StoreError(f"query failed: {e.message}") from e
        except (ServiceUnavailable, DriverError, Neo4jError) as e:
            raise StoreError(f"Neo4j unavailable: {e}") from e

    # -- writes -----------------------------------------------------------
    def ensure_schema(self) -> None:
        try:
            with self._driver.session(database=self.database) as s:
                for ddl in SCHEMA:
                    s.run(ddl).consume()  # schema DDL cannot share a transaction with writes
        except Neo4jError as e:
            raise StoreError(f"could not create the schema: {e}") from e

    def write_batch(self, batch: GraphBatch,
                    progress: Callable[[int, int], None] | None = None) -> WriteSummary:
        plan = write_plan(batch)
        self.ensure_schema()

        total = sum(len(st.params.get("rows", ())) for st in plan)

        def work(tx: neo4j.ManagedTransaction) -> None:
            done = 0  # reset on a retry: the transaction starts over
            for st in plan:
                tx.run(st.cypher, st.params).consume()
                done += len(st.params.get("rows", ()))
                if progress:
                    progress(done, total)

        try:
            with self._driver.session(database=self.database) as s:
                s.execute_write(work)
        except (Neo4jError, DriverError) as e:
            raise StoreError(f"write failed and was rolled back: {e}") from e
        d = batch.deduplicated()
        return WriteSummary(nodes=len(d.nodes), edges=len(d.edges), statements=len(plan))

    def clear(self) -> None:
        def work(tx: neo4j.ManagedTransaction) -> int:
            return tx.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n").single()["n"]

        with self._driver.session(database=self.database) as s:
            while s.execute_write(work):
                pass

    def close(self) -> None:
        self._driver.close()
