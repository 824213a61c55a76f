"""The write plan both engines share: a load's nodes and edges as batched
``UNWIND`` statements (nodes before edges, a generation stamp last), rewritten as
plain ``CREATE`` where the store is known not to hold a row, and summarised.

Pure functions of a ``GraphBatch`` or ``RowChunk``: no store, so they are
unit-tested without a database (``tests/unit/test_batches.py``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from .model import ENTITY_LABEL, GraphBatch, NodeKind, RelType, RowChunk


@dataclass
class WriteSummary:
    nodes: int = 0
    edges: int = 0
    statements: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    # Seconds of each step of a load that reports them (a bulk import's).
    phases: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Statement:
    cypher: str
    params: dict[str, Any]
    # "node", "edge" or "state" (the generation stamp, last) for the statements
    # write_plan makes ("" for anything else):
    # sized loads write every node statement before any edge statement.
    phase: str = ""
    # The NodeKind ("node") or RelType ("edge") the statement writes, so that
    # creating_plan can rewrite it for a store whose contents it knows.
    label: str = ""
    # Whether the statement only CREATEs (creating_plan's rows the store cannot
    # hold): its rows touch nothing but themselves, so an engine may run them
    # together with another such statement's (FalkorDB's stream writer does).
    create: bool = False

    @property
    def rows(self) -> int:
        return len(self.params.get("rows", ()))


BATCH_ROWS = 5_000

# One node outside the Entity label holds the graph's generation: a fresh random
# token written by every load, in the load's own transaction (or last, for a
# sized Neo4j load). Answers that reuse what a document says (levels, handlers,
# oversight rules) cache it per generation and read the token in the same query
# as the place they are asked about, so a load by any process is seen at once.
GRAPH_STATE_LABEL = "GraphState"
GENERATION_QUERY = (f"MERGE (g:{GRAPH_STATE_LABEL} {{id: 'state'}}) "
                    "SET g.generation = $generation")


def generation_statement() -> Statement:
    return Statement(GENERATION_QUERY, {"generation": uuid.uuid4().hex}, "state")


def _node_statement(kind: NodeKind | str, create: bool = False) -> str:
    # Labels cannot be parameters in Cypher; they come from the NodeKind enum,
    # never from input. Both labels sit in the MERGE pattern because adding a
    # label afterwards (SET n:Kind) costs FalkorDB time proportional to the
    # nodes already labelled; a node's kind never changes, and if an id came
    # back as another kind the Entity.id constraint refuses it.
    # CREATE skips MERGE's lookup and lock, and is only used for ids the store
    # was seen not to hold (creating_plan); on such a node both give the same result.
    kind = NodeKind(kind)
    verb = "CREATE" if create else "MERGE"
    return (
        f"UNWIND $rows AS r {verb} (n:{ENTITY_LABEL}:{kind.value} {{id: r.id}}) "
        f"SET n += r.props"
    )


def _edge_statement(rel: RelType | str, create: bool = False) -> str:
    rel = RelType(rel)
    verb = "CREATE" if create else "MERGE"
    return (
        f"UNWIND $rows AS r "
        f"MATCH (a:{ENTITY_LABEL} {{id: r.src}}) MATCH (b:{ENTITY_LABEL} {{id: r.dst}}) "
        f"{verb} (a)-[e:{rel.value} {{key: r.key}}]->(b) SET e += r.props"
    )


def write_plan(batch: GraphBatch, batch_rows: int = BATCH_ROWS) -> list[Statement]:
    """Nodes first (grouped by kind), then edges (grouped by type), in UNWIND batches.

    Duplicates are merged as ``GraphBatch.deduplicated`` does (first position, last
    value), computing each edge's key once. Edges of a type are ordered by their
    target, so one UNWIND batch touches few high-degree targets (a compound and its
    residents) and parallel writers rarely lock the same node.
    """
    return node_plan(batch, batch_rows) + edge_plan(batch, batch_rows)


def node_plan(batch: GraphBatch, batch_rows: int = BATCH_ROWS) -> list[Statement]:
    """``write_plan``'s node statements (a store may write them while ``edge_plan`` runs)."""
    return _node_statements(((n.kind, n.row()) for n in batch.nodes), batch_rows)


def _node_statements(rows: Iterable[tuple[NodeKind, dict[str, Any]]],
                     batch_rows: int) -> list[Statement]:
    nodes: dict[str, tuple[NodeKind, dict[str, Any]]] = {}
    for kind, row in rows:
        nodes[row["id"]] = (kind, row)  # the first position, the last value
    by_kind: dict[NodeKind, list[dict]] = {}
    for kind, row in nodes.values():
        by_kind.setdefault(kind, []).append(row)
    plan: list[Statement] = []
    for kind in sorted(by_kind):
        rows_ = by_kind[kind]
        for i in range(0, len(rows_), batch_rows):
            plan.append(Statement(_node_statement(kind), {"rows": rows_[i : i + batch_rows]},
                                  "node", kind.value))
    return plan


def edge_plan(batch: GraphBatch, batch_rows: int = BATCH_ROWS) -> list[Statement]:
    """``write_plan``'s edge statements, then the generation stamp."""
    plan = _edge_statements(((e.type, e.row()) for e in batch.edges), batch_rows)
    plan.append(generation_statement())
    return plan


def _edge_statements(rows: Iterable[tuple[RelType, dict[str, Any]]],
                     batch_rows: int) -> list[Statement]:
    edges: dict[str, tuple[RelType, dict]] = {}
    for rel, row in rows:
        edges[row["key"]] = (rel, row)
    by_rel: dict[RelType, list[dict]] = {}
    for rel, row in edges.values():
        by_rel.setdefault(rel, []).append(row)
    plan: list[Statement] = []
    for rel in sorted(by_rel):
        rows_ = sorted(by_rel[rel], key=lambda r: (r["dst"], r["src"]))
        for i in range(0, len(rows_), batch_rows):
            plan.append(Statement(_edge_statement(rel), {"rows": rows_[i : i + batch_rows]},
                                  "edge", rel.value))
    return plan


def chunk_plan(chunk: RowChunk, batch_rows: int = BATCH_ROWS) -> tuple[list[Statement], list[Statement]]:
    """A streamed chunk's node statements and edge statements, as ``write_plan``
    makes them for a batch (without the generation stamp, written once, last).
    The chunk's ``merged`` edges come last, as MERGE statements that
    ``creating_plan`` passes through (no label): an earlier chunk created them."""
    edges = _edge_statements(chunk.edges, batch_rows) + merge_edge_statements(chunk.merged, batch_rows)
    return _node_statements(chunk.nodes, batch_rows), edges


def merge_edge_statements(rows: Iterable[tuple[RelType, dict[str, Any]]],
                          batch_rows: int = BATCH_ROWS) -> list[Statement]:
    """Edges merged on their key onto what the store holds, as ``chunk_plan``
    writes a chunk's ``merged`` edges (duplicates within ``rows``: the last value)."""
    return [Statement(st.cypher, st.params, "edge", "") for st in _edge_statements(rows, batch_rows)]


def plan_node_ids(plan: list[Statement]) -> list[str]:
    return [r["id"] for st in plan if st.phase == "node" and st.label for r in st.params["rows"]]


def _plan_node_rows(plan: list[Statement]) -> Iterator[dict[str, Any]]:
    for st in plan:
        if st.phase == "node" and st.label:
            yield from st.params["rows"]


_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _constant(values: list[Any]) -> bool:
    first = values[0]
    # 1 == 1.0 == True in Python, but not once stored; lists stay per row.
    return (isinstance(first, str | int | float | bool) and values.count(first) == len(values)
            and set(map(type, values)) == {type(first)})


def _static(kind: str, label: str, rows: list[dict], create: bool) -> list[Statement]:
    """Statements that name each property (``SET n.name = r[1]``) instead of
    ``SET n += r.props``, for rows grouped by their property names.

    Neo4j plans a map of unknown keys with an Eager step (it might write the id
    the MATCH or MERGE reads), which buffers every row of the batch; named
    properties need none. Rows become lists, so no map key travels once per row,
    and a value the same in every row of a group (the kind, the registry file)
    travels once, as ``$c``. An edge key that is just ``TYPE|src|dst`` is rebuilt
    by the engine. The stored graph is the one ``SET += r.props`` gives: a null
    sets nothing on a new node or edge and removes the property on an old one."""
    end = "id" if kind == "node" else "key"
    groups: dict[tuple[str, ...], list[dict]] = {}
    for r in rows:
        # Rows made by the same code list their properties in the same order.
        groups.setdefault(tuple(r["props"]), []).append(r)
    out: list[Statement] = []
    for names, grp in groups.items():
        if end in names or not all(_PLAIN_NAME.match(k) for k in names):
            maker = _node_statement if kind == "node" else _edge_statement
            out.append(Statement(maker(label, create=create), {"rows": grp}, kind, label, create))
            continue
        first = grp[0]["props"]
        common = [k for k in names if _constant([r["props"][k] for r in grp])]
        varying = [k for k in names if k not in common]
        if kind == "node":
            cols = 1
            ident = "r[0]"
            rows_out = [[r["id"], *(r["props"][k] for k in varying)] for r in grp]
        else:
            derived = all(r["key"] == f"{label}|{r['src']}|{r['dst']}" for r in grp)
            cols = 2 if derived else 3
            ident = f"'{label}|' + r[0] + '|' + r[1]" if derived else "r[2]"
            rows_out = [[r["src"], r["dst"], *(() if derived else (r["key"],)),
                         *(r["props"][k] for k in varying)] for r in grp]
        values = [(k, f"r[{cols + i}]") for i, k in enumerate(varying)]
        values += [(k, f"$c[{i}]") for i, k in enumerate(common)]
        values.sort()
        var = "n" if kind == "node" else "e"
        if create:
            body = "".join(f", {k}: {v}" for k, v in values)
            setter = ""
        else:
            body = ""
            setter = (" SET " + ", ".join(f"{var}.{k} = {v}" for k, v in values)) if values else ""
        if kind == "node":
            verb = "CREATE" if create else "MERGE"
            cypher = (f"UNWIND $rows AS r {verb} (n:{ENTITY_LABEL}:{NodeKind(label).value} "
                      f"{{id: {ident}{body}}}){setter}")
        else:
            verb = "CREATE" if create else "MERGE"
            cypher = (f"UNWIND $rows AS r "
                      f"MATCH (a:{ENTITY_LABEL} {{id: r[0]}}) MATCH (b:{ENTITY_LABEL} {{id: r[1]}}) "
                      f"{verb} (a)-[e:{RelType(label).value} {{key: {ident}{body}}}]->(b){setter}")
        params: dict[str, Any] = {"rows": rows_out}
        if common:
            params["c"] = [first[k] for k in common]
        out.append(Statement(cypher, params, kind, label, create))
    return out


def creating_plan(plan: list[Statement], created: AbstractSet[str]) -> list[Statement]:
    """``plan`` as it is run: CREATE for what cannot exist yet, MERGE for the rest.

    ``created`` holds ids the store does not hold and that this load alone writes
    (``new_node_ids``). Their nodes are created. An edge with an end among them
    cannot exist yet either, so it is created too; an edge between two nodes the
    store already held may exist, and is merged on its key. Over any graph the
    result is the graph the MERGE plan gives. Statements that are not
    write_plan's node or edge statements pass through unchanged."""
    out: list[Statement] = []
    for st in plan:
        if st.phase == "node" and st.label:
            rows = st.params["rows"]
            fresh = [r for r in rows if r["id"] in created]
            old = [r for r in rows if r["id"] not in created] if len(fresh) < len(rows) else []
        elif st.phase == "edge" and st.label:
            rows = st.params["rows"]
            fresh = [r for r in rows if r["src"] in created or r["dst"] in created]
            old = ([r for r in rows if r["src"] not in created and r["dst"] not in created]
                   if len(fresh) < len(rows) else [])
        else:
            out.append(st)
            continue
        if fresh:
            out.extend(_static(st.phase, st.label, fresh, create=True))
        if old:
            out.extend(_static(st.phase, st.label, old, create=False))
    return out


def plan_summary(plan: list[Statement]) -> WriteSummary:
    """What a plan writes: distinct nodes and edges, and how many statements."""
    nodes = sum(st.rows for st in plan if st.phase == "node")
    edges = sum(st.rows for st in plan if st.phase == "edge")
    return WriteSummary(nodes=nodes, edges=edges, statements=len(plan))
