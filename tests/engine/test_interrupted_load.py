"""A load whose process dies half-way (killed, or the machine stopped) leaves no
half-written graph behind on the embedded engine: the next store opened, or the
next load, puts the graph back as it was before that load (docs/reliability.md).

The load runs in a process of its own, which kills itself with SIGKILL after its
first batch of writes: nothing of it runs after that, no ``finally`` included, as
when a machine stops."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.pipeline import execute
from helpers import graph_checksum

CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from govgraph.graph.falkordb_store import FalkorDBStore
    from govgraph.loaders.pipeline import execute, plan_load

    data_dir, city, replace = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "replace"
    plan = plan_load(registries=[city])
    store = FalkorDBStore(data_dir)
    def die(done, total):
        if done > 0:
            os.kill(os.getpid(), signal.SIGKILL)
    if replace:  # the graph renamed as the snapshot, a new one written in its place
        from govgraph.loaders.pipeline import execute_stream, plan_stream
        execute_stream(store, plan_stream(registries=[city], chunk_rows=200), replace=True,
                       progress=die)
    else:
        execute(store, plan, progress=die)
    print("not killed")
""")


def _killed_load(data_dir, city_dir, how: str) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, str(data_dir), str(city_dir), how],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == -9, (done.returncode, done.stdout, done.stderr[-2000:])


@pytest.fixture
def data_dir(tmp_path):
    yield tmp_path
    embedded_server.stop(tmp_path)


@pytest.mark.parametrize("how", ["add", "replace"])
def test_a_load_killed_half_way_is_undone_when_the_store_is_next_opened(
        data_dir, default_plan, city_dir, how):
    with FalkorDBStore(data_dir) as store:
        execute(store, default_plan)
        before = graph_checksum(store)
    _killed_load(data_dir, city_dir, how)
    with FalkorDBStore(data_dir) as store:
        assert graph_checksum(store) == before
        assert not store._db.connection.exists(store._load_mark)


def test_a_first_load_killed_half_way_leaves_no_graph(data_dir, city_dir):
    _killed_load(data_dir, city_dir, "add")
    with FalkorDBStore(data_dir) as store:
        assert not store._exists()


def test_the_next_load_undoes_it_when_no_store_was_opened_between(data_dir, default_plan, city_dir):
    with FalkorDBStore(data_dir) as store:
        execute(store, default_plan)
        before = graph_checksum(store)
        _killed_load(data_dir, city_dir, "add")
        # This store was opened before the kill; its next load finds the mark.
        assert store._db.connection.exists(store._load_mark)
        execute(store, default_plan)  # a reload of the same plan changes nothing
        assert graph_checksum(store) == before


def test_indexes_asked_for_wait_for_a_running_load(data_dir):
    """``govgraph db schema`` builds indexes; one built while a load's snapshot is
    copied can freeze the server (docs/engines.md), so it waits for the lock."""
    import threading

    with FalkorDBStore(data_dir) as store, FalkorDBStore(data_dir) as other:
        done = threading.Event()
        with store._write_lock():
            t = threading.Thread(target=lambda: (other.ensure_schema(), done.set()))
            t.start()
            assert not done.wait(0.5)
        t.join(10)
        assert done.is_set()


def test_a_write_that_fails_in_the_writing_thread_restores_the_graph(data_dir, default_plan, city_dir):
    """A streamed load's batches are written by a thread of their own while the
    next are planned: a batch the server refuses stops the load with its error,
    after the batch in flight, and the snapshot is restored."""
    import redis
    from govgraph.loaders.pipeline import execute_stream, plan_stream

    with FalkorDBStore(data_dir) as store:
        execute(store, default_plan)
        before = graph_checksum(store)
        real = store._graph.query
        sent = []

        def refuse_the_third_batch(q, *a, **k):
            if q.startswith("CYPHER "):
                sent.append(q)
                if len(sent) == 3:
                    raise redis.ResponseError("refused by the test")
            return real(q, *a, **k)

        store._graph.query = refuse_the_third_batch
        with pytest.raises(Exception, match="refused by the test"):
            execute_stream(store, plan_stream(registries=[city_dir], chunk_rows=150))
        store._graph.query = real
        assert graph_checksum(store) == before
        assert not store._db.connection.exists(store._load_mark)
