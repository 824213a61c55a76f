"""The store of record: Neo4j through the official driver.

One driver per store (and so per process), every value a parameter. Writes are
managed transactions; a read is one auto-commit query, retried here as the
driver would retry managed work. A write batch up to ``SINGLE_TRANSACTION_ROWS`` rows is one
write transaction, so it lands whole or not at all; a larger one is written in
sized transactions by parallel sessions (see ``Neo4jStore.write_batch``).
Untrusted Cypher runs in a READ access-mode transaction with a timeout, so
Neo4j itself refuses writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import random
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import neo4j
import neo4j.api
from neo4j import AsyncGraphDatabase, GraphDatabase
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node as NNode
from neo4j.graph import Path as NPath
from neo4j.graph import Relationship as NRel

from .model import ENTITY_LABEL, GraphBatch, RowChunk
from .personal import PersonalStore, personal_file
from .plan import (
    GRAPH_STATE_LABEL,
    Statement,
    WriteSummary,
    creating_plan,
    generation_statement,
    plan_node_ids,
)
from .store import (
    ANY_ENTITY_QUERY,
    GraphStore,
    QueryError,
    QueryResult,
    QueryTimeout,
    ReadOnlyViolation,
    ReplaceCheck,
    StoreError,
    StreamWriter,
    check_params,
    new_node_ids,
)

# Constraint DDL is the one place the dialects differ (see FalkorDBStore.ensure_schema).
ID_CONSTRAINT = (f"CREATE CONSTRAINT entity_id IF NOT EXISTS "
                 f"FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE")
SCHEMA = (
    ID_CONSTRAINT,
    "CREATE INDEX measure_number IF NOT EXISTS FOR (m:Measure) ON (m.number)",
    f"CREATE INDEX entity_kind IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.kind)",
    # Compound lookups name the place as (k:Area {id: …}); without this index that is
    # a scan of every Area (buildings included: ~30k at 1M residents).
    "CREATE INDEX area_id IF NOT EXISTS FOR (n:Area) ON (n.id)",
    # A replacing load counts the cases posted through Open311 (Case {registry:
    # 'open311'}): an index seek, not a scan of every case (loaders/registry.py).
    "CREATE INDEX case_registry IF NOT EXISTS FOR (n:Case) ON (n.registry)",
    # The load lock below MERGEs on it: unique, so two MERGEs of one id serialise.
    f"CREATE CONSTRAINT graph_state_id IF NOT EXISTS FOR (n:{GRAPH_STATE_LABEL}) REQUIRE n.id IS UNIQUE",
)

# One load at a time per database. The lock is a write lock held by an open
# transaction that MERGEs one GraphState node and is rolled back when the load
# ends, so nothing of it is ever stored, and a loader that dies (process killed,
# connection lost) releases it with its transaction. A second load waits on it.
LOAD_LOCK_QUERY = (f"MERGE (l:{GRAPH_STATE_LABEL} {{id: 'load-lock'}}) "
                   "SET l.holder = $holder, l.since = datetime()")

# A load of at most this many rows (distinct nodes + edges) is ONE write
# transaction: all-or-nothing. The default dataset, a hand-made registry or a
# synthetic town of ~20k residents fit; bigger loads are written in sized
# transactions (see Neo4jStore.write_batch).
SINGLE_TRANSACTION_ROWS = 50_000

# Above it: transactions of about this many rows, in UNWIND batches of
# BATCH_ROWS, run by WRITERS sessions in parallel. Small transactions are
# cheaper for the server, not dearer: a transaction's changes sit in the heap
# until it commits, and big ones are what the collector then chases (measured in
# docs/performance.md).
TRANSACTION_ROWS = 5_000
BATCH_ROWS = 5_000
WRITERS = 2
# A sized load of at least this many nodes into a store without entities writes
# them with the Entity.id constraint dropped and builds it again before the
# edges: one sorted build of the index instead of an insert, a uniqueness check
# and an index-entry lock per node (measured in docs/performance.md).
DEFER_CONSTRAINT_NODES = 50_000
# A streamed load's chunks being written at once (``_Pipeline``): one chunk's
# nodes while the edges of the one before are written.
STREAM_CHUNKS_WRITING = 2
DROP_ID_CONSTRAINT = "DROP CONSTRAINT entity_id IF EXISTS"
HOME_QUERY = ("SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.neo4j_home' "
              "RETURN value")
AWAIT_INDEXES = "CALL db.awaitIndexes($timeout_s)"
INDEX_BUILD_TIMEOUT_S = 600
DUPLICATE_IDS_QUERY = (f"MATCH (n:{ENTITY_LABEL}) WITH n.id AS id, count(*) AS c WHERE c > 1 "
                       "RETURN id LIMIT 5")
# clear() empties the graph in transactions of this many deletions.
CLEAR_RELATIONSHIPS = "MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n"
CLEAR_NODES = "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n"
# Reads retry transient failures for as long as the driver retries managed work
# (a store's ``retry_s`` changes both: a service may choose to ride out a restart).
READ_RETRY_TIME_S = 15.0
READ_RETRY_FIRST_DELAY_S = 0.05
# Backoff doubles up to this: a server back from a restart is found within it.
READ_RETRY_MAX_DELAY_S = 2.0
# How long one async read attempt may wait on Neo4j before it is given up. The
# local server sends no receive-timeout hint (its Bolt keep-alive is STREAMING, see
# neo4j-server/), so without this bound a frozen server would hold a request forever.
READ_TIMEOUT_S = 120.0
# Async read sessions kept per event loop between reads (one per read in flight
# up to this; the driver's own pool bounds connections at 100 by default).
MAX_IDLE_READ_SESSIONS = 128
# What Neo4j answers when a CREATE meets an Entity.id that exists (or any other
# constraint refuses a write).
CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed"


def _stages(plan: list[Statement]) -> list[list[Statement]]:
    """Runs of consecutive statements of one phase."""
    stages: list[list[Statement]] = []
    for st in plan:
        if stages and stages[-1][0].phase == st.phase:
            stages[-1].append(st)
        else:
            stages.append([st])
    return stages


def _sized_failure(state: dict[str, int], e: BaseException | None) -> StoreError:
    """What a failed transaction of a sized load tells the user."""
    return StoreError(
        f"write failed after {state['committed']} committed transactions "
        f"({state['done']} of {state['total']} rows); the failing transaction was "
        f"rolled back. Run the same load again: it merges onto what was "
        f"written and completes it. Cause: {e}")


ROUTING_SCHEMES = {"neo4j", "neo4j+s", "neo4j+ssc"}


class _Bookmarks:
    """The bookmarks of a store's sessions: the last ones each session ended with."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bookmarks: set[str] = set()

    def update(self, previous: Iterable[str], new: Iterable[str]) -> None:
        with self._lock:
            self._bookmarks.difference_update(previous)
            self._bookmarks.update(new)

    def get(self) -> set[str]:
        with self._lock:
            return set(self._bookmarks)


class _SyncBookmarks(neo4j.api.BookmarkManager):
    def __init__(self, shared: _Bookmarks) -> None:
        self.shared = shared

    def update_bookmarks(self, previous_bookmarks: Collection[str],
                         new_bookmarks: Collection[str]) -> None:
        self.shared.update(previous_bookmarks, new_bookmarks)

    def get_bookmarks(self) -> Collection[str]:
        return self.shared.get()


class _AsyncBookmarks(neo4j.api.AsyncBookmarkManager):
    def __init__(self, shared: _Bookmarks) -> None:
        self.shared = shared

    async def update_bookmarks(self, previous_bookmarks: Collection[str],
                               new_bookmarks: Collection[str]) -> None:
        self.shared.update(previous_bookmarks, new_bookmarks)

    async def get_bookmarks(self) -> Collection[str]:
        return self.shared.get()


class _LoopReads:
    """What one event loop's async reads use: its driver and the sessions idle in it.

    A session per read costs the driver's Python a tenth of a point lookup's
    calls (a session config built and merged, the database pinned, the
    bookmarks set up; bench/results/api-cost.md): a session is kept and serves the next read
    instead, one read at a time. Between reads it holds no connection (an
    auto-commit result, consumed, gives its connection back to the driver's
    pool), so a kept session costs a few objects. One that failed or was
    cancelled mid-read is closed, never kept. With a bookmark manager (a routing
    URI) a session takes the store's bookmarks at every read as a new one would;
    without one it sends the bookmark its last read ended with, which a single
    server has always reached."""

    def __init__(self, driver: neo4j.AsyncDriver, session_kw: dict[str, Any],
                 max_idle: int) -> None:
        self.driver = driver
        self.session_kw = session_kw
        self.max_idle = max_idle
        self.idle: list[neo4j.AsyncSession] = []

    def take(self) -> neo4j.AsyncSession:
        if self.idle:
            return self.idle.pop()
        return self.driver.session(**self.session_kw)

    async def give_back(self, session: neo4j.AsyncSession) -> None:
        if len(self.idle) < self.max_idle:
            self.idle.append(session)
        else:
            await session.close()

    async def close(self) -> None:
        idle, self.idle = self.idle, []
        try:
            for s in idle:
                await s.close()
        finally:
            await self.driver.close()


def _run_consumed(tx: neo4j.ManagedTransaction, cypher: str, params: dict[str, Any]) -> None:
    tx.run(cypher, params).consume()


def _run_all(tx: neo4j.ManagedTransaction, statements: list[tuple[str, dict[str, Any]]]) -> None:
    for cypher, params in statements:
        tx.run(cypher, params).consume()


def _client_error(e: ClientError, timeout_s: float | None) -> StoreError:
    """What a read's ClientError means to the caller."""
    code = e.code or ""
    if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
        return ReadOnlyViolation(f"refused by Neo4j (READ access mode): {e.message}")
    if timeout_s is not None and ("TransactionTimedOut" in code or "Terminated" in code):
        return QueryTimeout(f"query exceeded {timeout_s:g}s and was stopped")
    return QueryError(f"query failed: {e.message}")


def _timed_query(cypher: str, timeout_s: float) -> neo4j.Query:
    # A timeout that rounds to 0 ms would mean "no timeout" to Neo4j.
    return neo4j.Query(cypher, timeout=max(timeout_s, 0.001))


class _Backoff:
    """How long a read waits before it tries again, until ``budget_s`` is spent."""

    def __init__(self, budget_s: float) -> None:
        self.budget_s = budget_s
        self.delay = READ_RETRY_FIRST_DELAY_S
        self.deadline: float | None = None

    def next_delay(self, e: Neo4jError | DriverError) -> float:
        """The pause before the next try; raises StoreError if ``e`` is not worth one."""
        now = time.monotonic()
        if self.deadline is None:
            self.deadline = now + self.budget_s
        if not e.is_retryable() or now + self.delay > self.deadline:
            raise StoreError(f"Neo4j unavailable: {e}") from e
        pause = self.delay * random.uniform(0.8, 1.2)
        self.delay = min(self.delay * 2, READ_RETRY_MAX_DELAY_S)
        return pause


# A read's values are mostly these, returned as they are: checked first, by exact
# type. The graph types below are Mappings, so isinstance against them goes through
# the ABC machinery; five checks and a hasattr a value were a quarter of the Python
# calls of a read (the who-leads lookup's 2 rows of 15 values: 1,220 -> 920).
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def to_plain(value: Any) -> Any:
    if type(value) in _PLAIN_TYPES:
        return value
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


class _Pipeline:
    """A streamed load's chunks as sized transactions on the writers' pool, the
    stages of several chunks at once (``_Writer``).

    A stage is a run of one phase of a chunk (``_stages``: its nodes, then its
    edges). A chunk's stages run in order. A chunk's first stage, if it writes
    nodes, starts at once: it needs nothing that earlier chunks write, and the
    ids of a load are distinct. Any other stage starts only once every earlier
    chunk is committed: its edges match nodes of earlier chunks, and its merged
    edges (and the generation stamp) must come after what they merge onto. So
    one chunk's nodes are written while the edges before them are, and the
    server has work queued while Python makes the next transaction, instead of
    the two taking turns at every stage. ``add`` waits while ``depth`` chunks
    are unfinished, which bounds what the load holds."""

    def __init__(self, store: Neo4jStore, pool: ThreadPoolExecutor, state: dict[str, int],
                 lock: threading.Lock, depth: int) -> None:
        self.store = store
        self.pool = pool
        self.state = state
        self.lock = lock  # the progress lock, shared with the writer
        self.depth = max(1, depth)
        self.cv = threading.Condition()
        # Unfinished chunks, oldest first: [stages, created, next stage, live transactions, progress]
        self.chunks: deque[list[Any]] = deque()
        self.futures: set[Future[None]] = set()
        self.failed: BaseException | None = None

    def add(self, statements: list[Statement], created: set[str],
            progress: Callable[[int], None]) -> None:
        with self.cv:
            self._raise_if_failed()
            self.chunks.append([_stages(statements), created, 0, 0, progress])
            self._launch()
            while len(self.chunks) > self.depth and self.failed is None:
                self.cv.wait()
            self._raise_if_failed()

    def drain(self) -> None:
        """Wait until every chunk added is committed (raise the first failure)."""
        with self.cv:
            while self.chunks and self.failed is None:
                self.cv.wait()
            self._raise_if_failed()

    def stop(self) -> None:
        """Start nothing more, and wait for what is running: after a failure,
        before the store is emptied or given back."""
        with self.cv:
            if self.chunks and self.failed is None:
                self.failed = StoreError("the load was stopped")
            self._cancel_all()

    def _raise_if_failed(self) -> None:
        if self.failed is not None:
            self._cancel_all()
            raise _sized_failure(self.state, self.failed) from self.failed

    def _cancel_all(self) -> None:
        """Cancel what is queued and wait for what runs (called holding ``cv``)."""
        for f in self.futures:
            f.cancel()
        while any(not f.done() for f in self.futures):
            self.cv.wait(0.05)

    def _launch(self) -> None:
        """Start every stage that may start (the condition held)."""
        if self.failed is not None:
            return
        for i, chunk in enumerate(self.chunks):
            stages, created, nxt, live, progress = chunk
            if live or nxt == len(stages):
                continue
            stage = stages[nxt]
            if i and (nxt or stage[0].phase != "node"):
                continue  # waits for the chunks before it
            # Taken as the stage starts: the edges see which node transactions fell back.
            fresh = frozenset(created)
            txs = self.store._transactions(stage)
            chunk[3] = len(txs)
            self.state["transactions"] += len(txs)
            for t in txs:
                f = self.pool.submit(self._run, chunk, t, fresh)
                self.futures.add(f)

    def _run(self, chunk: list[Any], statements: list[Statement], fresh: frozenset[str]) -> None:
        error: BaseException | None = None
        try:
            self.store._run_tx(statements, fresh, chunk[1], self.lock, self.state, None)
            with self.lock:
                chunk[4](sum(st.rows for st in statements))
        except BaseException as e:  # handed to the thread that adds or drains
            error = e
        with self.cv:
            self.futures = {f for f in self.futures if not f.done()}
            if error is not None:
                if self.failed is None:
                    self.failed = error
            else:
                chunk[3] -= 1
                if not chunk[3]:
                    chunk[2] += 1
                    while self.chunks and self.chunks[0][2] == len(self.chunks[0][0]):
                        self.chunks.popleft()
                    self._launch()
            self.cv.notify_all()


class _Writer(StreamWriter):
    """A streamed load's writes into Neo4j (``Neo4jStore._stream_writer``): each
    chunk in sized transactions run by the store's writers in parallel, its nodes
    committed before its edges, the next chunk's nodes written while they are
    (``_Pipeline``); a load small enough for one transaction (as the
    first reading found, or, in a load read once, as long as what came so far
    fits one) in one transaction at the end, as ``write_batch`` writes it."""

    # The driver's sessions, transactions and results leave reference cycles (a
    # Result holds its query's parameters: our rows), which the paused collector
    # would keep until the load ends, so memory would grow with the city (measured
    # in bench/results/load-scale-neo4j.md and profile-load-memory-neo4j.md).
    collect_after_write = True

    def __init__(self, store: Neo4jStore, pool: ThreadPoolExecutor) -> None:
        self.store = store
        self.pool = pool
        # None until known: a load read once is held back while it fits one transaction.
        self.single: bool | None = None
        self.held: list[tuple[list[Statement], set[str]]] = []
        self.held_rows = 0
        self.lock = threading.Lock()
        self.state = {"done": 0, "committed": 0, "transactions": 0, "total": 0}
        self.pipeline = _Pipeline(store, pool, self.state, self.lock, STREAM_CHUNKS_WRITING)

    def stop(self) -> None:
        """Start no more transactions and wait for those running."""
        self.pipeline.stop()

    def lookup(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        return self.store._run_read(cypher, params, None).rows

    def checked(self, rows: int) -> None:
        self.single = rows <= self.store.single_transaction_rows

    def prepare(self, statements: list[Statement], created: frozenset[str]) -> Any:
        return statements, set(created)

    def write(self, prepared: Any, progress: Callable[[int], None]) -> None:
        if self.single is not False:
            self.held.append(prepared)
            self.held_rows += sum(st.rows for st in prepared[0])
            if self.single or self.held_rows <= self.store.single_transaction_rows:
                return
            self.single = False  # outgrew one transaction: what was held goes out sized
            held, self.held = self.held, []
            for one in held:
                self._write_sized(one, progress)
            return
        self._write_sized(prepared, progress)

    def _write_sized(self, prepared: tuple[list[Statement], set[str]],
                     progress: Callable[[int], None]) -> None:
        statements, created = prepared
        self.pipeline.add(statements, created, progress)

    def finish(self, prepared: Any, progress: Callable[[int], None]) -> None:
        if self.single is False:
            self._write_sized(prepared, progress)
            self.pipeline.drain()
            return
        plan = [st for statements, _ in [*self.held, prepared] for st in statements]
        total = sum(st.rows for st in plan)
        self.store._write_one_transaction(plan, total, lambda done, _total: None)
        progress(total)

    def clear(self) -> None:
        self.pipeline.stop()  # nothing of the load may commit after the store is emptied
        self.store._clear_graph()


class Neo4jStore(GraphStore):
    engine = "neo4j"

    def __init__(self, uri: str, *, user: str = "neo4j", password: str = "",
                 database: str = "neo4j", connection_timeout: float = 10.0,
                 single_transaction_rows: int = SINGLE_TRANSACTION_ROWS,
                 transaction_rows: int = TRANSACTION_ROWS, batch_rows: int = BATCH_ROWS,
                 writers: int = WRITERS, retry_s: float = READ_RETRY_TIME_S,
                 read_timeout_s: float = READ_TIMEOUT_S,
                 defer_constraint_nodes: int = DEFER_CONSTRAINT_NODES,
                 personal_dir: Path | None = None) -> None:
        self.uri = uri
        # Residents' identifying fields are not in Neo4j at all: they live in the
        # personal store on this host's data directory (graph/personal.py).
        self.personal = (PersonalStore(Path(personal_dir) / personal_file(f"neo4j-{database}"))
                         if personal_dir else None)
        self.retry_s = retry_s
        self.read_timeout_s = read_timeout_s
        self.database = database
        self.single_transaction_rows = single_transaction_rows
        self.transaction_rows = max(1, transaction_rows)
        self.batch_rows = max(1, batch_rows)
        self.writers = max(1, writers)
        self.defer_constraint_nodes = defer_constraint_nodes
        auth = (user, password) if password else None
        self._driver_options: dict[str, Any] = dict(
            auth=auth, connection_timeout=connection_timeout,
            max_transaction_retry_time=retry_s, connection_acquisition_timeout=30.0,
            # Catalogue queries name labels a graph may not have yet (GraphState
            # before the first load): the server's warnings are noise to log on
            # every call, and cost time to make and send.
            notifications_min_severity="OFF")
        # Through a routing URI (neo4j://, a cluster or Aura) reads go to secondaries,
        # which may lag the leader: every session of this store, sync and async,
        # shares one set of bookmarks, so a read waits for what this store wrote
        # (a reader after its own load sees it). A single server (bolt://) needs none.
        self.routing = uri.split("://", 1)[0].lower() in ROUTING_SCHEMES
        shared = _Bookmarks() if self.routing else None
        self._bookmarks = _SyncBookmarks(shared) if shared else None
        self._async_bookmarks = _AsyncBookmarks(shared) if shared else None
        # An async driver's connections belong to the event loop that opened them:
        # one per loop, made on the first ``aread`` in it, with the sessions kept there.
        self._async_drivers: dict[asyncio.AbstractEventLoop, _LoopReads] = {}
        try:
            self._driver = GraphDatabase.driver(uri, **self._driver_options)
            self._driver.verify_connectivity()
        except (ServiceUnavailable, DriverError, Neo4jError, OSError, ValueError) as e:
            raise StoreError(f"cannot reach Neo4j at {uri}: {e}") from e

    def _session(self, **kw: Any) -> neo4j.Session:
        return self._driver.session(database=self.database, bookmark_manager=self._bookmarks, **kw)

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

    def _run_read(self, query: str | neo4j.Query, params: dict[str, Any],
                  row_cap: int | None, timeout_s: float | None = None) -> QueryResult:
        """One read as an auto-commit transaction in READ access mode.

        A managed transaction is BEGIN, RUN+PULL, COMMIT: two round trips, and
        the server opens and closes a transaction around a single statement
        anyway. Auto-commit is one round trip (see docs/performance.md). The
        driver does not retry auto-commit work, so this does what
        ``execute_read`` would: a read changes nothing, so a transient failure
        (leader switch, lock timeout, dropped connection) is retried with
        backoff, for up to ``retry_s`` seconds."""
        backoff = _Backoff(self.retry_s)
        while True:
            try:
                with self._session(default_access_mode=neo4j.READ_ACCESS) as s:
                    return self._collect(s.run(query, params), row_cap)
            except ClientError as e:
                raise _client_error(e, timeout_s) from e
            except (Neo4jError, DriverError) as e:
                time.sleep(backoff.next_delay(e))

    async def aread(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """``read`` on the async driver, for the HTTP API: a request that waits on
        Neo4j holds no thread, and no thread hands its answer back to the event
        loop (at 2 workers that hand-off cost as much Python time as the read)."""
        return await self._arun_read(cypher, check_params(params), None)

    async def aread_only(self, cypher: str, params: dict[str, Any] | None = None, *,
                         timeout_s: float = 10.0, row_cap: int = 1000) -> QueryResult:
        self._refuse_writes(cypher)
        return await self._arun_read(_timed_query(cypher, timeout_s), check_params(params),
                                     row_cap, timeout_s)

    async def _arun_read(self, query: str | neo4j.Query, params: dict[str, Any],
                         row_cap: int | None, timeout_s: float | None = None) -> QueryResult:
        """``_run_read`` on the async driver, each attempt bounded by
        ``read_timeout_s`` (plus the query's own timeout): the driver waits on a
        socket for as long as the server's hint says, and this server sends none.
        Cancelling an attempt makes the driver drop that connection."""
        backoff = _Backoff(self.retry_s)
        bound_s = self.read_timeout_s + (timeout_s or 0.0)
        while True:
            try:
                async with asyncio.timeout(bound_s) as deadline:
                    reads = self._loop_reads()
                    s = reads.take()
                    try:
                        got = await self._acollect(await s.run(query, params), row_cap)
                    except BaseException:
                        await s.close()  # its state is the failure's: not kept
                        raise
                    await reads.give_back(s)
                    return got
            except TimeoutError:
                if not deadline.expired():
                    raise  # not this bound's: let it say what it is
                raise StoreError(f"Neo4j at {self.uri} did not answer a read "
                                 f"within {bound_s:g}s") from None
            except ClientError as e:
                raise _client_error(e, timeout_s) from e
            except (Neo4jError, DriverError) as e:
                await asyncio.sleep(backoff.next_delay(e))

    @staticmethod
    async def _acollect(result: neo4j.AsyncResult, row_cap: int | None) -> QueryResult:
        columns = list(result.keys())
        if row_cap is None:
            rows = [[to_plain(v) for v in values] for values in await result.values()]
            return QueryResult(columns=columns, rows=rows)
        rows = []
        truncated = False
        async for record in result:
            if len(rows) >= row_cap:
                truncated = True
                break
            rows.append([to_plain(v) for v in record.values()])
        await result.consume()
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def _loop_reads(self) -> _LoopReads:
        loop = asyncio.get_running_loop()
        reads = self._async_drivers.get(loop)
        if reads is None:
            for old in [k for k in self._async_drivers if k.is_closed()]:
                del self._async_drivers[old]  # its sockets went with the loop
            driver = AsyncGraphDatabase.driver(self.uri, **self._driver_options)
            reads = self._async_drivers[loop] = _LoopReads(
                driver, dict(database=self.database, default_access_mode=neo4j.READ_ACCESS,
                             bookmark_manager=self._async_bookmarks),
                max_idle=MAX_IDLE_READ_SESSIONS)
        return reads

    async def aclose(self) -> None:
        reads = self._async_drivers.pop(asyncio.get_running_loop(), None)
        if reads is not None:
            await reads.close()

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        return self._run_read(cypher, check_params(params), None)

    def read_engine_guarded(self, cypher: str, params: dict[str, Any] | None = None, *,
                            timeout_s: float = 10.0, row_cap: int = 1000) -> QueryResult:
        """The read-only path without the keyword pre-check: only Neo4j's READ
        access mode stands between the query and the data (tests prove it holds)."""
        return self._run_read(_timed_query(cypher, timeout_s), check_params(params),
                              row_cap, timeout_s)

    # -- writes -----------------------------------------------------------
    def ensure_schema(self) -> None:
        try:
            with self._session() as s:
                for ddl in SCHEMA:
                    s.run(ddl).consume()  # schema DDL cannot share a transaction with writes
        except Neo4jError as e:
            raise StoreError(f"could not create the schema: {e}") from e

    def _write_planned(self, nodes: list[Statement], edges: Callable[[], list[Statement]],
                       edges_given: int, progress: Callable[[int, int], None] | None
                       ) -> list[Statement]:
        """``write_batch`` on Neo4j, keyed on ``Entity.id`` (nodes) and the edge ``key``.

        Every input has been validated before this is called, so nothing reaches
        Neo4j from a batch that would fail its checks.

        * Up to ``single_transaction_rows`` rows (distinct nodes + edges, default
          ``SINGLE_TRANSACTION_ROWS`` = 50,000): ONE write transaction. On any error
          it is rolled back and the graph is unchanged.
        * Larger loads: transactions of about ``transaction_rows`` rows (UNWIND
          batches of ``batch_rows``), run by ``writers`` parallel sessions; every
          node transaction commits before the first edge transaction starts (an edge
          matches both ends). One giant transaction would hold the whole load in the
          server's heap and commit it at once; sized ones keep memory flat and let
          both cores work. A failure stops the load and is reported with what was
          committed: the graph then holds a part of the load, never a half-written
          node or edge. A rerun finds what was committed and merges onto it, so
          running the same load again converges to exactly the graph a successful
          load gives (and reloading an unchanged load changes nothing).
          Into a store that holds no entity, a sized load of at least
          ``defer_constraint_nodes`` nodes writes them without the Entity.id
          constraint and builds it before the first edge (see
          ``DEFER_CONSTRAINT_NODES``); it is built again even when the load fails.
          The edges are planned in a thread; when the nodes alone are too many
          for one transaction, that runs while the nodes are written, so the
          server does not stand idle while Python plans (docs/performance.md).

        Ids the store does not hold yet are CREATEd, with the edges that touch them
        (``creating_plan``), which is cheaper than MERGE; the rest is merged. If
        another writer adds one of those ids meanwhile, the constraint refuses the
        CREATE and that transaction is merged instead (a writer outside govgraph;
        govgraph's own loads take turns, see ``load_lock``).
        """
        node_rows = sum(st.rows for st in nodes)
        self.ensure_schema()
        with self.load_lock():
            if node_rows > self.single_transaction_rows:
                return self._write_sized(nodes, edges, edges_given, progress)
            later = edges()
            total = node_rows + sum(st.rows for st in later)
            if total <= self.single_transaction_rows:
                self._write_one_transaction(nodes + later, total, progress)
            else:
                self._write_sized(nodes, lambda: later, total - node_rows, progress)
            return later

    @contextmanager
    def _stream_writer(self, replace: bool, check: ReplaceCheck | None = None
                       ) -> Iterator[StreamWriter]:
        self.ensure_schema()
        with self.load_lock():
            if check is not None:
                check(self._lookup)
            with ThreadPoolExecutor(max_workers=self.writers,
                                    thread_name_prefix="govgraph-writer") as pool:
                writer = _Writer(self, pool)
                try:
                    yield writer
                finally:
                    writer.stop()  # a failed load: what was queued is not written

    def _run_tx(self, statements: list[Statement], fresh: frozenset[str], created: set[str],
                lock: threading.Lock, state: dict[str, int],
                progress: Callable[[int, int], None] | None) -> None:
        """One sized transaction: CREATE what ``fresh`` holds, MERGE the rest; if
        another writer made one of its nodes after the load looked, MERGE it all."""
        def work(tx: neo4j.ManagedTransaction, sts: list[Statement]) -> None:
            for st in sts:
                tx.run(st.cypher, st.params).consume()

        with self._session() as s:
            try:
                s.execute_write(work, creating_plan(statements, fresh))
            except ClientError as e:
                if e.code != CONSTRAINT_FAILED:
                    raise
                # Another writer made one of these nodes after the load looked:
                # MERGE this transaction, and the edges at its nodes.
                s.execute_write(work, creating_plan(statements, frozenset()))
                with lock:
                    created.difference_update(plan_node_ids(statements))
        with lock:
            state["done"] += sum(st.rows for st in statements)
            state["committed"] += 1
            if progress:
                progress(state["done"], state["total"])

    @contextmanager
    def load_lock(self) -> Iterator[None]:
        """Hold the database's load lock; wait while another load holds it.

        Each load decides what to CREATE from what the store held when it looked,
        so two loads of overlapping data at once could both create one edge. Taken
        around every load (one write transaction or sized ones), they run one after
        the other, in any process."""
        with self._session() as session:
            try:
                tx = session.begin_transaction()
                tx.run(LOAD_LOCK_QUERY, holder=f"{socket.gethostname()}:{os.getpid()}").consume()
            except (Neo4jError, DriverError) as e:
                raise StoreError(f"could not take the load lock: {e}") from e
            try:
                yield
            finally:
                try:
                    tx.rollback()
                except (Neo4jError, DriverError):
                    pass  # the transaction is gone (timed out, connection lost): so is the lock

    def _write_one_transaction(self, plan: list[Statement], total: int,
                               progress: Callable[[int, int], None] | None) -> None:
        def work(tx: neo4j.ManagedTransaction, creating: bool) -> None:
            # Looked up inside the writing transaction, so a retry looks again.
            created = (new_node_ids(plan, lambda c, p: tx.run(c, p).values()) if creating
                       else frozenset())
            statements = creating_plan(plan, created)
            done = 0  # reset on a retry: the transaction starts over
            for st in statements:
                tx.run(st.cypher, st.params).consume()
                done += st.rows
                if progress:
                    progress(done, total)

        try:
            with self._session() as s:
                try:
                    s.execute_write(work, True)
                except ClientError as e:
                    if e.code != CONSTRAINT_FAILED:
                        raise
                    # Another writer committed one of the new ids after this
                    # transaction looked: MERGE everything, as if it had seen it.
                    s.execute_write(work, False)
        except (Neo4jError, DriverError) as e:
            raise StoreError(f"write failed and was rolled back: {e}") from e

    def _write_sized(self, nodes: list[Statement], rest: Callable[[], list[Statement]],
                     edges_given: int, progress: Callable[[int, int], None] | None
                     ) -> list[Statement]:
        """Write the node statements, then the ones ``rest()`` gives (edges, then the
        generation stamp), which may still be in the making while the nodes are
        written; returns those. Until they are made, the total that progress reports
        counts ``edges_given``, the batch's edges before duplicates merge."""
        lock = threading.Lock()
        state = {"done": 0, "committed": 0, "transactions": 0,
                 "total": sum(st.rows for st in nodes) + edges_given}

        def look(tx: neo4j.ManagedTransaction) -> tuple[bool, set[str]]:
            empty = not tx.run(ANY_ENTITY_QUERY).value()
            return empty, new_node_ids(nodes, lambda c, p: tx.run(c, p).values())

        try:
            with self._session(default_access_mode=neo4j.READ_ACCESS) as s:
                empty, created = s.execute_read(look)
        except (Neo4jError, DriverError) as e:
            raise StoreError(f"write failed before anything was written: {e}") from e
        # Only where nothing can be found by id anyway: a store that holds entities
        # keeps its constraint, and its readers their index, through the load.
        defer = empty and len(created) >= self.defer_constraint_nodes
        deferred = False

        def run_tx(statements: list[Statement], fresh: frozenset[str]) -> None:
            self._run_tx(statements, fresh, created, lock, state, progress)

        later: list[Statement] = []
        with ThreadPoolExecutor(max_workers=self.writers,
                                thread_name_prefix="govgraph-writer") as pool:
            try:
                if defer:
                    self._drop_id_constraint()
                    deferred = True
                # Stages: runs of consecutive statements of one phase (nodes, then
                # edges); each finishes (every transaction committed) before the next.
                for stage in _stages(nodes):
                    self._run_stage(pool, stage, created, run_tx, state)
                later = rest()
                state["total"] = sum(st.rows for st in nodes + later)
                if deferred:
                    deferred = False
                    self._build_id_constraint()
                for stage in _stages(later):
                    self._run_stage(pool, stage, created, run_tx, state)
            except BaseException as e:
                if deferred:
                    # The load failed among its nodes: the constraint is built over
                    # what was committed, as a rerun expects to find it.
                    try:
                        self._build_id_constraint()
                    except StoreError as b:
                        raise StoreError(f"{e} And then: {b}") from e
                raise
        return later

    def _run_stage(self, pool: ThreadPoolExecutor, stage: list[Statement], created: set[str],
                   run_tx: Callable[[list[Statement], frozenset[str]], None],
                   state: dict[str, int]) -> None:
        # Taken per stage: the edges see which node transactions fell back.
        fresh = frozenset(created)
        txs = self._transactions(stage)
        state["transactions"] += len(txs)
        futures = [pool.submit(run_tx, t, fresh) for t in txs]
        finished, pending = wait(futures, return_when=FIRST_EXCEPTION)
        failed = [f for f in finished if f.exception() is not None]
        if failed:
            for f in pending:
                f.cancel()
            wait(pending)
            e = failed[0].exception()
            raise _sized_failure(state, e) from e

    def _transactions(self, stage: list[Statement]) -> list[list[Statement]]:
        """A stage's statements in transactions of about ``transaction_rows`` rows."""
        txs: list[list[Statement]] = [[]]
        rows = 0
        for st in stage:
            if rows >= self.transaction_rows:
                txs.append([])
                rows = 0
            txs[-1].append(st)
            rows += st.rows
        return txs

    def _drop_id_constraint(self) -> None:
        try:
            with self._session() as s:
                s.run(DROP_ID_CONSTRAINT).consume()
        except (Neo4jError, DriverError) as e:
            raise StoreError(f"write failed before anything was written: could not set "
                             f"the Entity.id constraint aside: {e}") from e

    def _build_id_constraint(self) -> None:
        """Build the Entity.id constraint (and its index) and wait until it serves."""
        try:
            with self._session() as s:
                s.run(ID_CONSTRAINT).consume()
                s.run(AWAIT_INDEXES, timeout_s=INDEX_BUILD_TIMEOUT_S).consume()
        except (Neo4jError, DriverError) as e:
            dupes: list[str] = []
            try:
                with self._session() as s:
                    dupes = s.run(DUPLICATE_IDS_QUERY).value()
            except (Neo4jError, DriverError):
                pass
            why = (f"ids written twice (another writer created them during the load): "
                   f"{', '.join(dupes)}; delete one node of each" if dupes else f"{e}")
            raise StoreError(f"the nodes were written but the Entity.id constraint could not "
                             f"be built over them: {why}. Then run the same load again.") from e

    # -- bulk import (graph/neo4j_bulk.py) ------------------------------------
    def holds_data(self) -> bool:
        """Whether the database holds any node (a graph, or a generation stamp)."""
        return bool(self._run_read("MATCH (n) RETURN 1 LIMIT 1", {}, None).rows)

    def server_home(self) -> str | None:
        """Where the server keeps its files, as it says (None if it will not say)."""
        try:
            rows = self._run_read(HOME_QUERY, {}, None).rows
        except StoreError:
            return None
        return str(rows[0][0]) if rows else None

    def bulk_load(self, batch: GraphBatch, *, replace: bool = False, work_dir: Path | None = None,
                  say: Callable[[str], None] | None = None) -> WriteSummary:
        """``bulk_load_stream`` of a whole batch (one chunk)."""
        return self.bulk_load_stream(lambda: [RowChunk.of(batch)], replace=replace,
                                     work_dir=work_dir, say=say)

    def bulk_load_stream(self, chunks: Callable[[], Iterable[RowChunk]], *, replace: bool = False,
                         work_dir: Path | None = None,
                         say: Callable[[str], None] | None = None,
                         check: ReplaceCheck | None = None) -> WriteSummary:
        """Load the chunks ``chunks()`` gives (a streamed load's, each checked as it
        is made) with Neo4j's offline importer, into an empty database of the local
        server ``scripts/neo4j-server.sh`` runs (``replace``: one that may hold
        data, which is replaced).

        Each chunk is written to the importer's CSV files as it comes, so what is
        held does not grow with the load. The server is stopped only once every
        chunk has been read and written: a bad row anywhere, or a database that
        holds data without ``replace`` (``BulkRefused``), leaves the graph and the
        personal store as they were, the server untouched. The graph is the one
        ``write_stream`` gives into an empty database; then the schema is created
        and its indexes built. The persons go to the personal store only when the
        import succeeded. With ``replace``, ``check`` (if given) runs first, under
        the load lock: if it raises, nothing is written and the server is untouched."""
        from . import neo4j_bulk

        server = neo4j_bulk.local_server(self.uri, self.server_home())
        summary = WriteSummary()
        phases = summary.phases
        t0 = time.perf_counter()
        with contextlib.ExitStack() as stack:
            tmp = Path(stack.enter_context(neo4j_bulk.temporary_directory(work_dir)))
            # The load lock is held while the files are written: a load that starts
            # meanwhile waits, then finds the server gone, instead of being
            # overwritten. Taken before the personal store's transaction, as every
            # load takes them; released before the server stops, the transaction
            # kept until the import is done.
            with self.load_lock():
                if replace and check is not None:
                    check(self._lookup)
                if self.personal is not None:
                    stage = stack.enter_context(self.personal.staging(replace=replace))
                else:
                    def stage(persons: Iterable[Any]) -> int:
                        self._personal_or_refuse()
                        return 0
                if not replace and self.holds_data():
                    raise neo4j_bulk.BulkRefused(
                        f"--bulk imports into an empty database only, and {self.database} at "
                        f"{self.uri} holds data: load without --bulk (it merges onto the graph), "
                        "or add --replace to replace the graph with this load")
                files = neo4j_bulk.write_files_stream(
                    chunks(), tmp, generation_statement().params["generation"], persons=stage,
                    defer_breaks=True, fold_merged=False)
                summary.nodes += files.node_count
                summary.edges += files.edge_count
            phases["files"] = time.perf_counter() - t0
            phases.update(neo4j_bulk.import_into_local(server, files, self.database, say))
            t0 = time.perf_counter()
            self._wait_until_up()
            phases["up"] = time.perf_counter() - t0
            try:
                t0 = time.perf_counter()
                self.ensure_schema()
                with self._session() as s:
                    s.run(AWAIT_INDEXES, timeout_s=INDEX_BUILD_TIMEOUT_S).consume()
                    phases["indexes"] = time.perf_counter() - t0
                    t0 = time.perf_counter()
                    # What the importer cannot write: empty lists and text with line
                    # breaks, then the edges a later chunk gave again (merged onto the
                    # first, their values last); in transactions of about batch_rows.
                    after = itertools.chain(files.later_statements(self.batch_rows),
                                            ((st.cypher, st.params)
                                             for st in files.merged_statements(self.batch_rows)))
                    batch: list[tuple[str, dict[str, Any]]] = []
                    rows = 0
                    for cypher, params in after:
                        batch.append((cypher, params))
                        rows += len(params["rows"])
                        if rows >= self.batch_rows:
                            s.execute_write(_run_all, batch)
                            batch, rows = [], 0
                    if batch:
                        s.execute_write(_run_all, batch)
                    phases["after"] = time.perf_counter() - t0
            except (Neo4jError, DriverError) as e:
                raise StoreError(f"the import is done but its indexes, or the values and merged "
                                 f"edges set after it, were not made: {e}") from e
            t0 = time.perf_counter()
        phases["commit"] = time.perf_counter() - t0  # the personal store's transaction
        return summary

    def _wait_until_up(self, timeout_s: float = 120.0) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                self._driver.verify_connectivity()
                return
            except (Neo4jError, DriverError, OSError) as e:
                if time.monotonic() > deadline:
                    raise StoreError(f"Neo4j at {self.uri} did not come back after the import: "
                                     f"{e}") from e
                time.sleep(0.5)

    def _clear_graph(self) -> None:
        # Relationships go first, in bounded transactions: a DETACH DELETE of a batch
        # of nodes holds every relationship of every node in the transaction, and
        # 20,000 compounds with their residents' edges ran the server out of heap.
        def work(tx: neo4j.ManagedTransaction, query: str) -> int:
            return tx.run(query).single(strict=True)["n"]

        with self._session() as s:
            for query in (CLEAR_RELATIONSHIPS, CLEAR_NODES):
                while s.execute_write(work, query):
                    pass

    def clear(self, check: ReplaceCheck | None = None) -> None:
        if check is None:
            self._clear_graph()
            self.clear_personal()
            return
        with self.load_lock():  # no load or posted case lands between the check and the emptying
            check(self._lookup)
            self._clear_graph()
            self.clear_personal()

    def _lookup(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        return self._run_read(cypher, params, None).rows

    def close(self) -> None:
        self._driver.close()
