"""The store interface both engines implement, and the write plan they share.

Catalogue queries reach a store only through ``read``; loaders only through
``write_batch``, which is all-or-nothing on both engines.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

from .model import ENTITY_LABEL, GraphBatch, NodeKind, RelType


class StoreError(RuntimeError):
    """The store could not be reached or refused an operation; the message says why."""


class ReadOnlyViolation(StoreError):
    """A write was attempted through the read-only path."""


class QueryTimeout(StoreError):
    pass


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


@dataclass
class WriteSummary:
    nodes: int = 0
    edges: int = 0
    statements: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Statement:
    cypher: str
    params: dict[str, Any]


BATCH_ROWS = 5_000


def _node_statement(kind: NodeKind) -> str:
    # Labels cannot be parameters in Cypher; they come from the NodeKind enum,
    # never from input. Both labels sit in the MERGE pattern because adding a
    # label afterwards (SET n:Kind) costs FalkorDB time proportional to the
    # nodes already labelled; a node's kind never changes, and if an id came
    # back as another kind the Entity.id constraint refuses it.
    return (
        f"UNWIND $rows AS r MERGE (n:{ENTITY_LABEL}:{kind.value} {{id: r.id}}) "
        f"SET n += r.props"
    )


def _edge_statement(rel: RelType) -> str:
    return (
        f"UNWIND $rows AS r "
        f"MATCH (a:{ENTITY_LABEL} {{id: r.src}}) MATCH (b:{ENTITY_LABEL} {{id: r.dst}}) "
        f"MERGE (a)-[e:{rel.value} {{key: r.key}}]->(b) SET e += r.props"
    )


def write_plan(batch: GraphBatch, batch_rows: int = BATCH_ROWS) -> list[Statement]:
    """Nodes first (grouped by kind), then edges (grouped by type), in UNWIND batches."""
    batch = batch.deduplicated()
    plan: list[Statement] = []
    by_kind: dict[NodeKind, list[dict]] = {}
    for n in batch.nodes:
        by_kind.setdefault(n.kind, []).append(n.row())
    for kind in sorted(by_kind):
        rows = by_kind[kind]
        for i in range(0, len(rows), batch_rows):
            plan.append(Statement(_node_statement(kind), {"rows": rows[i : i + batch_rows]}))
    by_rel: dict[RelType, list[dict]] = {}
    for e in batch.edges:
        by_rel.setdefault(e.type, []).append(e.row())
    for rel in sorted(by_rel):
        rows = by_rel[rel]
        for i in range(0, len(rows), batch_rows):
            plan.append(Statement(_edge_statement(rel), {"rows": rows[i : i + batch_rows]}))
    return plan


_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|CALL)\b", re.I
)


def looks_like_write(cypher: str) -> bool:
    """A first, cheap refusal for the read-only path; the engine's own read-only
    mode is the real guard (Neo4j READ access mode, FalkorDB GRAPH.RO_QUERY)."""
    stripped = re.sub(r"//[^\n]*|/\*.*?\*/", " ", cypher, flags=re.S)
    stripped = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", stripped)
    return bool(_WRITE_CLAUSES.search(stripped)) or ";" in stripped.strip().rstrip(";")


class GraphStore(ABC):
    """What the rest of govgraph needs from a graph engine."""

    engine: str

    @abstractmethod
    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a catalogue (trusted, read-only) query."""

    @abstractmethod
    def read_only(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_s: float = 10.0,
        row_cap: int = 1000,
    ) -> QueryResult:
        """Run untrusted Cypher in the engine's read-only mode with a timeout and a row cap."""

    @abstractmethod
    def read_engine_guarded(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_s: float = 10.0,
        row_cap: int = 1000,
    ) -> QueryResult:
        """``read_only`` without the keyword pre-check, so tests can show that the
        engine's own read-only mode refuses writes."""

    @abstractmethod
    def write_batch(self, batch: GraphBatch,
                    progress: Callable[[int, int], None] | None = None) -> WriteSummary:
        """Write nodes and edges all-or-nothing: on any error the graph is unchanged.

        ``progress(done_rows, total_rows)`` is called after each UNWIND batch."""

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the uniqueness constraint / index on Entity.id, idempotently."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every node and edge (used by `govgraph load --replace` and tests)."""

    @abstractmethod
    def close(self) -> None: ...

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = self.read(
            f"MATCH (n:{ENTITY_LABEL}) RETURN n.kind AS kind, count(n) AS n ORDER BY kind"
        ).rows
        edges = self.read("MATCH ()-[e]->() RETURN type(e) AS type, count(e) AS n ORDER BY type").rows
        return {"nodes": {k: v for k, v in nodes}, "edges": {k: v for k, v in edges}}

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
