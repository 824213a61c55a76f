"""The store interface both engines implement (the write plan they share is
``graph.plan``).

Catalogue queries reach a store only through ``read``; loaders only through
``write_batch``, which is all-or-nothing on both engines.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import GovgraphError
from .model import ENTITY_LABEL, GraphBatch, RowChunk, overlap_message
from .personal import PersonalStore
from .plan import (
    BATCH_ROWS,
    Statement,
    WriteSummary,
    _plan_node_rows,
    chunk_plan,
    edge_plan,
    generation_statement,
    node_plan,
    plan_node_ids,
    plan_summary,
)
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


# A replacing load's check, run before anything is emptied or written with the
# engine's load lock held (so no other write lands between it and the emptying):
# given a read of the store (``lookup(cypher, params)`` -> rows), it raises to
# refuse the load. ``write_stream``, ``clear`` and Neo4j's ``bulk_load_stream``
# take one; the loaders give the check (``loaders.registry.keep_posted_cases``).
Lookup = Callable[[str, dict[str, Any]], list[list[Any]]]
ReplaceCheck = Callable[[Lookup], None]


class StreamWriter(ABC):
    """What a streamed load needs from an engine while it holds the store
    (``GraphStore._stream_writer``): schema made, the engine's load lock held."""

    # A streamed load runs with the garbage collector off (``_collector_paused``);
    # a writer whose client leaves reference cycles at each write (Neo4j's driver:
    # its sessions, transactions and results) sets this, and collector passes run
    # after each chunk (``_collect_after_chunk``).
    collect_after_write: bool = False

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
        """Empty the graph: a load with ``replace``, once the input has been checked,
        or a failed load into a store that held nothing."""


# A streamed load's collector passes, for a writer that asks (``collect_after_write``):
# the two younger generations after every chunk, all three every FULL_COLLECT_CHUNKS.
# A pass of the youngest alone is not enough: a cycle still in use when it runs
# (a transaction a writer thread is running: the Neo4j driver's Result holds the
# query's parameters, 5,000 of the chunk's rows, in a cycle with its connection's
# error handler) survives into the next generation, which a paused collector never
# walked again, so every write in flight at a pass was kept to the end of the load
# (bench/results/profile-load-memory-neo4j.md). Now
# such a cycle waits for the next full pass: what a load holds is bounded by the
# writes in flight at FULL_COLLECT_CHUNKS passes, whatever the city's size. A full
# pass walks what the load holds (a few chunks' objects; its ids are arrays).
FULL_COLLECT_CHUNKS = 16


def _collect_after_chunk(chunk: int) -> None:
    gc.collect(2 if chunk % FULL_COLLECT_CHUNKS == FULL_COLLECT_CHUNKS - 1 else 1)


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
                     total: int = 0, check: ReplaceCheck | None = None) -> WriteSummary:
        """Write a load that comes as chunks (``RowChunk``), planning the next while
        one is written: the write sequence both engines share.

        ``chunks()`` gives the load's chunks in order, each of them checked as it is
        made (it raises on the first bad row). A store that cannot undo a write
        (``undoable_writes``) calls it twice, so that nothing is written unless
        every chunk passed, except into a store that holds no entity (and is not
        being replaced): that load is read once and, if it fails, undone by
        emptying the store again. Either way the first bad row, an id another
        registry holds (``IdConflict``) or a failed write leaves the graph and the
        personal store as they were (a Neo4j write that fails after its first
        transactions excepted, as for ``write_batch``'s sized loads). ``replace``
        empties both first, as part of the load, once ``check`` (if given) has
        passed: it runs as the store is held, before a chunk is read. ``total`` is
        what ``progress`` reports as the load's size until the load has been read
        (an estimate)."""
        with self._stream_writer(replace, check if replace else None) as w:
            held_nothing = not replace and not w.lookup(ANY_ENTITY_QUERY, {})
            empty = replace or held_nothing
            # Into a store that held nothing, emptying it again undoes a failed load,
            # so the input need not be read twice.
            undo_by_emptying = held_nothing and not self.undoable_writes
            if self.undoable_writes or undo_by_emptying:
                if replace:
                    w.clear()
            else:
                has_persons = False
                rows = 0
                for i, chunk in enumerate(chunks()):  # the first pass: read, check, look up; no write
                    has_persons = has_persons or bool(chunk.persons)
                    nodes, edges = chunk_plan(chunk, self.batch_rows)
                    rows += sum(st.rows for st in nodes + edges)
                    if not empty:
                        new_node_ids(nodes, w.lookup)
                        if w.collect_after_write:
                            _collect_after_chunk(i)
                if has_persons:
                    self._personal_or_refuse()
                w.checked(rows)
                if replace:
                    w.clear()
            try:
                return self._write_chunks(w, chunks, empty=empty, replace=replace,
                                          progress=progress, total=total)
            except BaseException as e:
                if undo_by_emptying:
                    try:
                        w.clear()
                    except Exception as c:
                        raise StoreError(f"{e} And what was written could not be removed "
                                         f"({c}): empty the store before loading again "
                                         "(govgraph load --replace)") from e
                raise

    def _write_chunks(self, w: StreamWriter, chunks: Callable[[], Iterable[RowChunk]], *,
                      empty: bool, replace: bool, progress: Callable[[int, int], None] | None,
                      total: int) -> WriteSummary:
        """``write_stream``'s writing pass: each chunk planned (the next while one is
        written), its persons staged, then the generation stamp."""
        summary = WriteSummary()
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
                    item = (w.prepare(nodes + edges, created), chunk.persons,
                            len(ids), sum(st.rows for st in edges if st.label),
                            len(nodes) + len(edges))
                    # The chunk's rows are in its statements now: its nodes and edges
                    # go before the item waits for the writer (STREAM_AHEAD).
                    del chunk, nodes, edges, ids, created
                    yield item
                    del item

            from .prefetch import prefetched

            items = prefetched(planned(), depth=STREAM_AHEAD, name="govgraph-stream-plan")
            with closing(items):
                for i, (prepared, persons, n_nodes, n_edges, n_statements) in enumerate(items):
                    if persons:
                        stage(persons)
                    w.write(prepared, tick)
                    if w.collect_after_write:
                        del prepared, persons
                        _collect_after_chunk(i)
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

    def _stream_writer(self, replace: bool, check: ReplaceCheck | None = None
                       ) -> AbstractContextManager[StreamWriter]:
        """Hold the store for a streamed load (``write_stream``): the engine's schema,
        its load lock, ``check`` run (if given) once the lock is held and before
        anything is copied or written, and, if it can, what undoes the load when it
        fails."""
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

    def write_batch(self, batch: GraphBatch,
                    progress: Callable[[int, int], None] | None = None) -> WriteSummary:
        """Write nodes and edges all-or-nothing: on any error the graph is unchanged
        (Neo4j's sized loads excepted, see ``Neo4jStore._write_planned``).

        The write sequence both engines share: the nodes are planned, the edges
        are planned in a thread while the engine readies itself and writes the
        nodes (``_write_planned``), so the server does not wait on Python.
        ``progress(done_rows, total_rows)`` is called after each UNWIND batch;
        until the edges are planned, the total counts the batch's edges as given
        (before duplicates merge)."""
        nodes = node_plan(batch, self.batch_rows)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="govgraph-plan") as planner:
            edges = planner.submit(edge_plan, batch, self.batch_rows)
            later = self._write_planned(nodes, edges.result, len(batch.edges), progress)
        return plan_summary(nodes + later)

    @abstractmethod
    def _write_planned(self, nodes: list[Statement], edges: Callable[[], list[Statement]],
                       edges_given: int, progress: Callable[[int, int], None] | None
                       ) -> list[Statement]:
        """Write ``nodes``, then the statements ``edges()`` gives (the edges and the
        generation stamp, which may still be in the making while the nodes are
        written), as ``write_batch`` promises; return the latter."""

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the uniqueness constraint / index on Entity.id, idempotently."""

    @abstractmethod
    def clear(self, check: ReplaceCheck | None = None) -> None:
        """Remove every node and edge (used by `govgraph load --replace` and tests).
        With ``check``, it runs first with the engine's load lock held until the
        store is empty; if it raises, nothing is removed."""

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
