"""The embedded engine keeps answering whatever an analyst sends: the calls
FalkorDB 4.16 cannot run safely on non-ASCII strings are refused before they
reach it, and a server that stops under a read is started again for the next
one (docs/engines.md)."""

from __future__ import annotations

import os
import signal
import time

import pytest
from govgraph.graph import embedded_server
from govgraph.graph.store import QueryError, StoreError

NAMES = ["王五", "欧阳娜娜", "李", "ab"]


@pytest.fixture
def named(fresh_store):
    for i, name in enumerate(NAMES):
        fresh_store._graph.query("CREATE (:Probe {i: $i, name: $n})", {"i": i, "n": name})
    return fresh_store


@pytest.mark.parametrize("cypher", [
    "MATCH (p:Probe) RETURN substring(p.name, 1)",
    "MATCH (p:Probe) RETURN substring(p.name, 0, 1) + substring(p.name, 1)",
    "MATCH (p:Probe) RETURN Left /* x */ (p.name, 3)",
    "MATCH (p:Probe) RETURN `substring`(p.name, 1)",
])
def test_unsafe_string_calls_are_refused_and_the_server_stays_up(named, cypher):
    pid = embedded_server._read_pid(named.data_dir)
    with pytest.raises(QueryError, match=r"is not run on the embedded engine"):
        named.read_only(cypher)
    assert embedded_server._read_pid(named.data_dir) == pid
    # What analysts can use instead reads characters, not bytes.
    res = named.read_only("MATCH (p:Probe) RETURN p.i, right(p.name, 1), size(p.name) ORDER BY p.i")
    assert res.rows == [[i, n[-1], len(n)] for i, n in enumerate(NAMES)]


def test_a_server_lost_under_a_read_is_started_again_for_the_next(named):
    before = embedded_server._read_pid(named.data_dir)
    os.kill(before, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while embedded_server.is_running(named.data_dir) and time.monotonic() < deadline:
        time.sleep(0.05)
    with pytest.raises(StoreError, match="started again"):
        named.read_only("MATCH (p:Probe) RETURN count(p)")
    after = embedded_server._read_pid(named.data_dir)
    assert after is not None and after != before
    # The probes were written before the kill; what the server's files kept is read.
    assert named.read("MATCH (p:Probe) RETURN count(p)").rows[0][0] in (0, len(NAMES))
    assert named.read_only("RETURN 1").rows == [[1]]
