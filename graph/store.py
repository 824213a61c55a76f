"""The store interface both engines implement, and the write plan they share.

Catalogue queries reach a store only through ``read``; loaders only through
``write_batch``, which is all-or-nothing on both engines.
"""

from __future__ import annotations

import asyncio
import functools
import re
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import GovgraphError
from .model import ENTITY_LABEL, GraphBatch, NodeKind, RelType, RowChunk, overlap_message
from .personal import PersonalStore
from .read_only import REFUSAL as READ_ONLY_REFUSAL
from .read_only import looks_like_write


class StoreError(GovgraphError, RuntimeError):
    """The store could not be reached or refused an operation; the message says why."""

    problem = "store-unavailable"


class ReadOnlyViolation(StoreError):
    """A write was attempted through the read-only path."""

    exit_code = 3
    problem = "read-only"


class QueryTimeout(StoreError):
    exit_code = 4
    problem = "query-timeout"


class QueryError(StoreError):
    """The engine could not run a query as sent: its syntax, or its parameters.
    The caller is at fault, not the store."""

    problem = "invalid-query"


_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def check_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """Refuse parameters an engine cannot carry safely, before they are sent.

    FalkorDB ships parameters inside the query text, where a NUL character ends
    the text early and map keys cannot be empty or hold a backtick; the same
    rule on both engines keeps their answers identical."""

    def walk(value: Any, where: str) -> None:
        if isinstance(value, str):
            if "\x00" in value:
                raise QueryError(f"parameter {where} contains a NUL character")
        elif isinstance(value, dict):
            for k, v in value.items():
                if not isinstance(k, str) or not k or "`" in k or "\x00" in k:
                    raise QueryError(f"parameter {where} has a map key that cannot be sent: {k!r}")
                walk(v, f"{where}.{k}")
        elif isinstance(value, list | tuple):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")

    params = params or {}
    for name, value in params.items():
        if not isinstance(name, str) or not _PARAM_NAME.match(name):
            raise QueryError(f"parameter name {name!r} is not a Cypher identifier")
        walk(value, f"${name}")
    return params


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
    # "node", "edge" or "state" (the generation stamp, last) for the statements
    # write_plan makes ("" for anything else):
    # sized loads write every node statement before any edge statement.
    phase: str = ""
    # The NodeKind ("node") or RelType ("edge") the statement writes, so that
    # creating_plan can rewrite it for a store whose contents it knows.
    label: str = ""

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
    edges = _edge_statements(chunk.edges, batch_rows)
    for st in _edge_statements(chunk.merged, batch_rows):
        edges.append(Statement(st.cypher, st.params, "edge", ""))
    return _node_statements(chunk.nodes, batch_rows), edges


# Ids per existence query: one UNWIND over the Entity.id index.
EXISTS_CHUNK = 50_000
ANY_ENTITY_QUERY = f"MATCH (n:{ENTITY_LABEL}) RETURN n.id LIMIT 1"
# Each stored id of the plan, and whether the plan's node may merge onto it: the
# same kind from the same registry (or both from no registry). Nulls compare as ''.
EXISTING_IDS_QUERY = (f"UNWIND $rows AS r MATCH (n:{ENTITY_LABEL} {{id: r[0]}}) "
                      "RETURN n.id, coalesce(n.kind, '') = r[1] "
                      "AND coalesce(n.registry, '') = r[2]")
HELD_QUERY = (f"UNWIND $ids AS id MATCH (n:{ENTITY_LABEL} {{id: id}}) "
              "RETURN n.id, n.kind, n.registry, n.registry_file, n.registry_line")


class IdConflict(StoreError):
    """A load gives an id the store holds from another registry (or as another
    kind). Raised before anything is written; the message names the id, both
    rows and the way out."""


def plan_node_ids(plan: list[Statement]) -> list[str]:
    return [r["id"] for st in plan if st.phase == "node" and st.label for r in st.params["rows"]]


def _plan_node_rows(plan: list[Statement]) -> Iterator[dict[str, Any]]:
    for st in plan:
        if st.phase == "node" and st.label:
            yield from st.params["rows"]


def new_node_ids(plan: list[Statement], run: Callable[[str, dict[str, Any]], list[list[Any]]]
                 ) -> set[str]:
    """The plan's node ids the store does not hold yet; raises ``IdConflict`` if the
    store holds one of them from another registry or as another kind.

    ``run(cypher, params)`` returns the answer's rows. An empty store (the usual
    `load --replace`) answers with one lookup instead of one per id."""
    ids = plan_node_ids(plan)
    if not ids or not run(ANY_ENTITY_QUERY, {}):
        return set(ids)
    existing: set[str] = set()
    conflicts: list[str] = []
    keyed = [[r["id"], r["props"].get("kind") or "", r["props"].get("registry") or ""]
             for r in _plan_node_rows(plan)]
    for i in range(0, len(keyed), EXISTS_CHUNK):
        for id_, mergeable in run(EXISTING_IDS_QUERY, {"rows": keyed[i : i + EXISTS_CHUNK]}):
            existing.add(id_)
            if not mergeable:
                conflicts.append(id_)
    if conflicts:
        raise _conflict(plan, conflicts, run)
    return set(ids) - existing


def _conflict(plan: list[Statement], conflicts: list[str],
              run: Callable[[str, dict[str, Any]], list[list[Any]]]) -> IdConflict:
    """The error for the first of ``conflicts`` in the plan's order."""
    wanted = set(conflicts)
    ordered: list[str] = []
    new: dict[str, dict[str, Any]] = {}
    for r in _plan_node_rows(plan):
        if r["id"] in wanted and r["id"] not in new:
            ordered.append(r["id"])
        if r["id"] in wanted:
            new[r["id"]] = r["props"]
    first = ordered[0]
    held = {"kind": "?"}
    for _, kind, registry, file, line in run(HELD_QUERY, {"ids": [first]}):
        held = {"kind": kind, "registry": registry, "registry_file": file, "registry_line": line}
    return IdConflict(overlap_message(first, (held["kind"], held), (new[first].get("kind"), new[first]),
                                      "the stored graph", more=ordered[1:]))


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
            out.append(Statement(maker(label, create=create), {"rows": grp}, kind, label))
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
        out.append(Statement(cypher, params, kind, label))
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


class StreamWriter(ABC):
    """What a streamed load needs from an engine while it holds the store
    (``GraphStore._stream_writer``): schema made, the engine's load lock held."""

    @abstractmethod
    def lookup(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        """Run a read of the ids the store holds; any thread."""

    @abstractmethod
    def prepare(self, statements: list[Statement], created: frozenset[str]) -> Any:
        """Make what ``write`` sends; runs in the planning thread, ahead of the writes."""

    @abstractmethod
    def write(self, prepared: Any, progress: Callable[[int], None]) -> None:
        """Write one chunk's statements (nodes before edges); ``progress(rows)`` per part."""

    def checked(self, rows: int) -> None:  # noqa: B027 - a hook
        """Told, on a store that reads a load twice, how many rows the first reading
        found, before anything is written."""

    def finish(self, prepared: Any, progress: Callable[[int], None]) -> None:
        """Write the last statements of the load (its generation stamp)."""
        self.write(prepared, progress)

    def clear(self) -> None:  # noqa: B027 - a hook
        """Empty the graph (a load with ``replace``) once the input has been checked."""


# Chunks planned ahead of the one being written: what a streamed load holds in
# memory is about this many chunks and the one being written.
STREAM_AHEAD = 1


class GraphStore(ABC):
    """What the rest of govgraph needs from a graph engine."""

    engine: str
    # Where residents' identifying fields live, apart from the graph (graph/personal.py).
    personal: PersonalStore | None = None
    # Whether any failure of a write leaves the graph as it was before it (the
    # embedded engine restores a snapshot). A streamed load into a store that
    # cannot undo reads its input twice: once to check all of it before the
    # first write, once to write it.
    undoable_writes: bool = False
    batch_rows: int = BATCH_ROWS

    def write_stream(self, chunks: Callable[[], Iterable[RowChunk]], *, replace: bool = False,
                     progress: Callable[[int, int], None] | None = None,
                     total: int = 0) -> WriteSummary:
        """Write a load that comes as chunks (``RowChunk``), planning the next while
        one is written: the write sequence both engines share.

        ``chunks()`` gives the load's chunks in order, each of them checked as it is
        made (it raises on the first bad row); it is called twice on a store that
        cannot undo a write (``undoable_writes``), so that nothing is written unless
        every chunk passed. Either way the first bad row, an id another registry
        holds (``IdConflict``) or a failed write leaves the graph and the personal
        store as they were (a Neo4j write that fails after its first transactions
        excepted, as for ``write_batch``'s sized loads). ``replace`` empties both
        first, as part of the load. ``total`` is what ``progress`` reports as the
        load's size until the load has been read (an estimate)."""
        summary = WriteSummary()
        with self._stream_writer(replace) as w:
            empty = replace or not w.lookup(ANY_ENTITY_QUERY, {})
            if self.undoable_writes:
                if replace:
                    w.clear()
            else:
                has_persons = False
                rows = 0
                for chunk in chunks():  # the first pass: read, check, look up; no write
                    has_persons = has_persons or bool(chunk.persons)
                    nodes, edges = chunk_plan(chunk, self.batch_rows)
                    rows += sum(st.rows for st in nodes + edges)
                    if not empty:
                        new_node_ids(nodes, w.lookup)
                if has_persons:
                    self._personal_or_refuse()
                w.checked(rows)
                if replace:
                    w.clear()
            personal = (self.personal.staging(replace=replace) if self.personal is not None
                        else _no_personal(self))
            with personal as stage:
                done = 0

                def tick(rows: int) -> None:
                    nonlocal done
                    done += rows
                    if progress:
                        progress(done, max(total, done))

                def planned() -> Iterator[tuple[Any, list[Any], int, int, int]]:
                    for chunk in chunks():
                        nodes, edges = chunk_plan(chunk, self.batch_rows)
                        ids = plan_node_ids(nodes)
                        created = frozenset(ids if empty else new_node_ids(nodes, w.lookup))
                        yield (w.prepare(nodes + edges, created), chunk.persons,
                               len(ids), sum(st.rows for st in edges if st.label),
                               len(nodes) + len(edges))

                from .prefetch import prefetched

                items = prefetched(planned(), depth=STREAM_AHEAD, name="govgraph-stream-plan")
                with closing(items):
                    for prepared, persons, n_nodes, n_edges, n_statements in items:
                        if persons:
                            stage(persons)
                        w.write(prepared, tick)
                        summary.nodes += n_nodes
                        summary.edges += n_edges
                        summary.statements += n_statements
                w.finish(w.prepare([generation_statement()], frozenset()), tick)
                summary.statements += 1
        return summary

    def _personal_or_refuse(self) -> PersonalStore:
        if self.personal is None:
            raise StoreError("this store has no personal-data store to hold the registry's "
                             "people: open it with a data directory (GOVGRAPH_DATA_DIR)")
        return self.personal

    def _stream_writer(self, replace: bool) -> AbstractContextManager[StreamWriter]:
        """Hold the store for a streamed load (``write_stream``): the engine's schema,
        its load lock and, if it can, what undoes the load when it fails."""
        raise StoreError(f"the {self.engine} store does not take streamed loads")

    def write_all(self, batch: GraphBatch,
                  progress: Callable[[int, int], None] | None = None) -> WriteSummary:
        """``write_batch``, with the batch's persons written to the personal store in
        a transaction committed only when the graph write succeeded: both or neither."""
        if not batch.persons:
            return self.write_batch(batch, progress=progress)
        if self.personal is None:
            raise StoreError("this store has no personal-data store to hold the registry's "
                             "people: open it with a data directory (GOVGRAPH_DATA_DIR)")
        with self.personal.staged(batch.persons):
            return self.write_batch(batch, progress=progress)

    def clear_personal(self) -> None:
        if self.personal is not None:
            self.personal.clear()

    @abstractmethod
    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a catalogue (trusted, read-only) query."""

    async def aread(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """``read`` for code on an event loop. An engine without an async client
        runs ``read`` on a worker thread, so the loop never blocks on it."""
        return await asyncio.get_running_loop().run_in_executor(None, self.read, cypher, params)

    async def aclose(self) -> None:  # noqa: B027 - a hook: only engines with async clients need it
        """Release what ``aread`` opened on the running event loop (before it ends)."""

    def read_only(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_s: float = 10.0,
        row_cap: int = 1000,
    ) -> QueryResult:
        """Run untrusted Cypher in the engine's read-only mode with a timeout and a row cap."""
        self._refuse_writes(cypher)
        return self.read_engine_guarded(cypher, params, timeout_s=timeout_s, row_cap=row_cap)

    async def aread_only(self, cypher: str, params: dict[str, Any] | None = None, *,
                         timeout_s: float = 10.0, row_cap: int = 1000) -> QueryResult:
        """``read_only`` for code on an event loop (on a worker thread unless the
        engine has an async path of its own)."""
        return await asyncio.get_running_loop().run_in_executor(
            None, functools.partial(self.read_only, cypher, params,
                                    timeout_s=timeout_s, row_cap=row_cap))

    @staticmethod
    def _refuse_writes(cypher: str) -> None:
        if looks_like_write(cypher):
            raise ReadOnlyViolation(READ_ONLY_REFUSAL)

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

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _no_personal(store: GraphStore) -> Iterator[Callable[[Iterable[Any]], int]]:
    """A store without a personal store: a load with persons is refused at its first."""

    def refuse(persons: Iterable[Any]) -> int:
        store._personal_or_refuse()
        return 0

    yield refuse
