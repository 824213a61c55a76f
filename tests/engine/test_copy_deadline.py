"""The embedded engine's snapshot (GRAPH.COPY) never hangs a load: a server that
stops answering during it is killed and started again from its data, the load
stops with a clear error, and the graph is as it was (docs/engines.md).

FalkorDB's own freeze (bench/results/copy-hang.md) comes from a race, so these
tests freeze the server with SIGSTOP right before the copy is asked for: the
copy then meets a server that answers nothing, as the frozen one does."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
import redis
from govgraph.graph import embedded_server
from govgraph.graph import falkordb_store as fstore
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.graph.model import GraphBatch, Node, NodeKind
from govgraph.graph.store import StoreError
from govgraph.loaders.pipeline import execute
from helpers import graph_checksum

DEADLINE_S = 3.0
GHOST = GraphBatch(nodes=[Node(id="test:ghost", kind=NodeKind.COMMITTEE, name="幽灵委员会")])


@pytest.fixture
def loaded(tmp_path, default_plan):
    """A store of its own holding the default graph, whose copies may take
    ``DEADLINE_S``; its server is stopped (or killed, if frozen) after."""
    store = FalkorDBStore(tmp_path, copy_timeout_s=DEADLINE_S)
    execute(store, default_plan)
    pids = [embedded_server._read_pid(tmp_path)]
    yield store, pids
    store.close()
    for pid in pids:  # a server a test froze and recovery left behind
        if pid is not None and embedded_server._read_pid(tmp_path) == pid:
            os.kill(pid, signal.SIGCONT)
    embedded_server.stop(tmp_path, timeout=5)


def _gone(pid: int) -> bool:
    """Dead: no such process, or one that has exited and waits to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def _freeze_before_the_copy(monkeypatch, data_dir, frozen: list[int]) -> None:
    real = fstore.wait_for_quiet

    def then_freeze(conn, graph, timeout_s):
        real(conn, graph, timeout_s)
        pid = embedded_server._read_pid(data_dir)
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)
        frozen.append(pid)

    monkeypatch.setattr(fstore, "wait_for_quiet", then_freeze)


def test_a_snapshot_that_gets_no_answer_stops_the_load_and_the_server_comes_back(
        loaded, tmp_path, monkeypatch, default_plan):
    store, pids = loaded
    before = graph_checksum(store)
    frozen: list[int] = []
    _freeze_before_the_copy(monkeypatch, tmp_path, frozen)
    pids.extend(frozen)

    started = time.monotonic()
    with pytest.raises(StoreError) as err:
        store.write_batch(GHOST)
    took = time.monotonic() - started
    monkeypatch.undo()

    msg = str(err.value)
    assert "stopped answering while taking the load's snapshot" in msg
    assert "nothing was written" in msg
    assert f"pid {frozen[0]}, which answered nothing" in msg
    assert "killed and started again from its data" in msg
    # The deadline, then the kill and the restart of a small store's server.
    assert DEADLINE_S <= took < DEADLINE_S + 20
    assert _gone(frozen[0])
    assert embedded_server._read_pid(tmp_path) not in (None, frozen[0])

    # The graph is as it was, and the store works again, through the same object.
    assert graph_checksum(store) == before
    assert store.read("MATCH (n:Entity {id: 'test:ghost'}) RETURN n.id").rows == []
    store.write_batch(GHOST)
    assert store.read("MATCH (n:Entity {id: 'test:ghost'}) RETURN n.id").rows == [["test:ghost"]]
    execute(store, default_plan)
    assert store.read("RETURN 1").rows == [[1]]


def test_a_snapshot_the_server_refuses_stops_the_load_before_anything_is_written(
        loaded, monkeypatch):
    """GRAPH.COPY answering with an error (here: its target taken) stops the load
    with the graph untouched; it used to be deleted, to restore a snapshot that
    had not been made."""
    store, _ = loaded
    before = graph_checksum(store)
    real = fstore.wait_for_quiet

    def then_take_the_target(conn, graph, timeout_s):
        real(conn, graph, timeout_s)
        conn.set(f"{graph}__rollback", "in the way")

    monkeypatch.setattr(fstore, "wait_for_quiet", then_take_the_target)
    with pytest.raises(StoreError, match=r"could not take the load's snapshot .*"
                                         r"destination key already exists.*nothing was written"):
        store.write_batch(GHOST)
    monkeypatch.undo()
    assert graph_checksum(store) == before
    store.write_batch(GHOST)
    assert store.read("MATCH (n:Entity {id: 'test:ghost'}) RETURN n.id").rows == [["test:ghost"]]


def test_a_failed_write_is_undone_without_a_second_copy(loaded, monkeypatch):
    """The snapshot goes back by RENAME, which does not fork: a load that fails
    copies once, not twice."""
    store, _ = loaded
    before = graph_checksum(store)
    copies: list[str] = []
    real = FalkorDBStore._copy

    def counted(self, source, target):
        copies.append(source)
        return real(self, source, target)

    monkeypatch.setattr(FalkorDBStore, "_copy", counted)
    monkeypatch.setattr(fstore, "creating_plan",
                        lambda plan, created: (_ for _ in ()).throw(RuntimeError("the plan broke")))
    with pytest.raises(RuntimeError, match="the plan broke"):
        store.write_batch(GHOST)
    assert copies == [store.graph_name]
    assert graph_checksum(store) == before
    graphs = store._db.connection.execute_command("GRAPH.LIST")
    assert [g.decode() if isinstance(g, bytes) else g for g in graphs] == [store.graph_name]


def test_the_copy_waits_for_an_index_being_built(loaded):
    """An index FalkorDB is still building on the graph holds the lock GRAPH.COPY
    takes first: the copy waits for it (``wait_for_quiet``)."""
    store, _ = loaded
    conn = store._db.connection
    store._graph.query("UNWIND range(1, 20000) AS i CREATE (:Probe {v: i})")
    store._graph.query("CREATE INDEX FOR (p:Probe) ON (p.v)")
    fstore.wait_for_quiet(conn, store.graph_name, 60)
    statuses = store.read("CALL db.indexes() YIELD label, status "
                          "WHERE label = 'Probe' RETURN status").rows
    assert statuses == [["OPERATIONAL"]]


def test_the_wait_before_a_copy_gives_up_with_a_clear_error(loaded, monkeypatch):
    store, _ = loaded

    def forking(self, section=None, *a, **k):
        return {"module_fork_in_progress": 1}

    monkeypatch.setattr(redis.Redis, "info", forking)
    with pytest.raises(StoreError, match=r"still busy \(module_fork_in_progress\) after 0 s.*"
                                         r"nothing was written"):
        fstore.wait_for_quiet(store._db.connection, store.graph_name, 0.2)


def test_a_schema_command_a_frozen_server_misses_restarts_it_and_is_sent_again(tmp_path, monkeypatch):
    """FalkorDB 4.16.3 can also freeze on a fresh server's first CREATE INDEX (its
    main thread waits on its graph list's lock): frozen here with SIGSTOP."""
    monkeypatch.setattr(fstore, "SCHEMA_TIMEOUT_S", 2.0)
    store = FalkorDBStore(tmp_path)
    try:
        before = embedded_server._read_pid(tmp_path)
        os.kill(before, signal.SIGSTOP)
        store.ensure_schema()
        after = embedded_server._read_pid(tmp_path)
        assert after not in (None, before) and _gone(before)
        indexed = store._db.connection.execute_command("GRAPH.RO_QUERY", store.graph_name,
                                                       "CALL db.indexes() YIELD label RETURN label")
        assert {row[0] for row in indexed[1]} >= {"Entity", "Area", "Case"}
    finally:
        store.close()
        embedded_server.stop(tmp_path, timeout=5)
