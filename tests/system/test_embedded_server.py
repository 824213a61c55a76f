"""The embedded engine: persists, is reused, shuts down cleanly, recovers from a crash,
and tolerates two commands at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.graph.model import GraphBatch, Node, NodeKind
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.loaders.synth import synthesize

pytestmark = pytest.mark.slow


def _one_node(id_: str) -> GraphBatch:
    return GraphBatch(nodes=[Node(id=id_, kind=NodeKind.COMMITTEE, name=id_)])


def test_data_survives_stop_and_restart(tmp_path):
    s = FalkorDBStore(tmp_path)
    s.write_batch(_one_node("c:1"))
    s.close()
    assert embedded_server.stop(tmp_path)
    assert not embedded_server.is_running(tmp_path)
    s = FalkorDBStore(tmp_path)  # starts it again
    assert s.read("MATCH (n:Entity) RETURN n.id").rows == [["c:1"]]
    s.close()
    embedded_server.stop(tmp_path)


def test_successful_write_survives_kill_9_and_stale_files(tmp_path):
    s = FalkorDBStore(tmp_path)
    s.write_batch(_one_node("c:2"))
    s.close()
    pid = embedded_server.status(tmp_path)["pid"]
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and embedded_server._pid_alive(pid):
        time.sleep(0.05)
    # The pid file and socket are left behind, as after a crash.
    assert (tmp_path / embedded_server.PID_NAME).exists()
    s = FalkorDBStore(tmp_path)
    assert s.read("MATCH (n:Entity) RETURN n.id").rows == [["c:2"]]
    assert embedded_server.status(tmp_path)["pid"] != pid
    s.close()
    embedded_server.stop(tmp_path)


def test_server_is_reused(tmp_path):
    a = FalkorDBStore(tmp_path)
    pid = embedded_server.status(tmp_path)["pid"]
    b = FalkorDBStore(tmp_path)
    assert embedded_server.status(tmp_path)["pid"] == pid
    a.close()
    b.close()
    embedded_server.stop(tmp_path)


def test_two_cli_invocations_in_parallel(tmp_path):
    env = {**os.environ, "GOVGRAPH_DATA_DIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "govgraph.cli"]
    procs = [subprocess.Popen([*cmd, "load", "--json"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    try:
        for p, (_out, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0, err
        res = subprocess.run([*cmd, "load-report", "--json"], env=env, capture_output=True,
                             text=True, timeout=60)
        assert '"Measure": 16' in res.stdout
        # One server only.
        ps = subprocess.run(["pgrep", "-f", str(tmp_path)], capture_output=True, text=True)
        assert len(ps.stdout.split()) == 1
    finally:
        embedded_server.stop(tmp_path)


def test_a_loaded_city_comes_back_after_a_restart(tmp_path):
    # A restart replays the append-only file. Replayed as the queries that wrote
    # it, each edge's MATCH by id scanned the nodes (the indexes are not in use
    # while the file loads): a 10k-resident city took a minute to come back, past
    # the start timeout, and a 1M one would not have come back at all.
    city = tmp_path / "city"
    synthesize(10_000, 5, city)
    data = tmp_path / "db"
    s = FalkorDBStore(data)
    execute(s, plan_load(registries=[city]))
    counts = "MATCH (n:Entity) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r)"
    before = s.read(counts).rows
    s.close()
    assert embedded_server.stop(data)
    try:
        s = FalkorDBStore(data)  # with the default start timeout
        assert s.read(counts).rows == before
        assert before[0][0] > 10_000 and before[0][1] > 10_000
        s.close()
    finally:
        embedded_server.stop(data)


def test_a_stale_pid_file_naming_another_process_is_left_alone(tmp_path):
    """After a crash the pid file stays, and the system may give its pid to another
    process: stop must not signal that process, and a start must not wait on it."""
    other = subprocess.Popen(["sleep", "120"])
    try:
        (tmp_path / embedded_server.PID_NAME).write_text(f"{other.pid}\n")
        assert embedded_server.stop(tmp_path) is False
        assert other.poll() is None  # not signalled
        assert not (tmp_path / embedded_server.PID_NAME).exists()
        (tmp_path / embedded_server.PID_NAME).write_text(f"{other.pid}\n")
        started = time.monotonic()
        s = FalkorDBStore(tmp_path)  # starts a server of its own, without waiting on sleep
        assert time.monotonic() - started < 20
        pid = embedded_server.status(tmp_path)["pid"]
        assert pid not in (None, other.pid) and other.poll() is None
        s.close()
        assert embedded_server.stop(tmp_path)
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()


def _served_buffer(data_dir) -> int:
    store = FalkorDBStore(data_dir)
    try:
        config = store._db.connection.execute_command("GRAPH.CONFIG", "GET", "NODE_CREATION_BUFFER")
        return int(config[1])
    finally:
        store.close()
        embedded_server.stop(data_dir)


def test_a_graph_is_served_with_the_node_buffer_it_was_written_with(tmp_path):
    """A new data directory gets govgraph's NODE_CREATION_BUFFER and records it; one
    that holds a graph and no record (an older govgraph's) keeps FalkorDB's default;
    a recorded value is what the server starts with."""
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    assert _served_buffer(fresh) == embedded_server.NODE_CREATION_BUFFER == 1 << 20
    assert (fresh / embedded_server.NODE_BUFFER_NAME).read_text().strip() == str(1 << 20)

    older = tmp_path / "older"
    older.mkdir()
    store = FalkorDBStore(older)
    store.write_batch(_one_node("c:9"))
    store.close()
    embedded_server.stop(older)
    (older / embedded_server.NODE_BUFFER_NAME).unlink()  # as a govgraph before the record left it
    assert _served_buffer(older) == embedded_server.FALKORDB_NODE_CREATION_BUFFER
    assert FalkorDBStore(older).read("MATCH (n:Entity) RETURN n.id").rows == [["c:9"]]
    embedded_server.stop(older)

    (older / embedded_server.NODE_BUFFER_NAME).write_text("65536\n")
    assert _served_buffer(older) == 65536
