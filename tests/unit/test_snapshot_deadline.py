"""How long the embedded engine's snapshot and start may take before they count
as stuck, and the wait before a snapshot (no server: a stand-in connection)."""

from __future__ import annotations

import pytest
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import (
    COPY_S_PER_ENTITY,
    COPY_TIMEOUT_MIN_S,
    copy_deadline,
    wait_for_quiet,
)
from govgraph.graph.store import StoreError
from pydantic import ValidationError

from govgraph.settings import Settings

# A 1M-resident synthetic city as loaded (1,075,967 nodes, 1,156,384 relationships):
# its GRAPH.COPY took 24-28 s on a busy 2-core machine (bench/results/copy-hang.md).
CITY_1M_ENTITIES = 1_075_967 + 1_156_384


def test_a_small_graph_gets_the_floor():
    assert copy_deadline(0) == COPY_TIMEOUT_MIN_S
    assert copy_deadline(6_000) == COPY_TIMEOUT_MIN_S
    assert copy_deadline(-5) == COPY_TIMEOUT_MIN_S


def test_the_deadline_grows_with_the_graph():
    big = copy_deadline(CITY_1M_ENTITIES)
    assert big == pytest.approx(CITY_1M_ENTITIES * COPY_S_PER_ENTITY)
    # Over four times the slowest copy measured at that size (27.6 s).
    assert big >= 4 * 27.6
    assert copy_deadline(10 * CITY_1M_ENTITIES) == pytest.approx(10 * big)


def test_a_configured_deadline_wins_whatever_the_size():
    assert copy_deadline(CITY_1M_ENTITIES, 5) == 5.0
    assert copy_deadline(0, 600) == 600.0
    for bad in (0, -1.0):
        with pytest.raises(StoreError, match="more than 0 seconds"):
            copy_deadline(10, bad)


def test_the_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("GOVGRAPH_FALKORDB_COPY_TIMEOUT_S", raising=False)
    assert Settings().falkordb_copy_timeout_s is None
    monkeypatch.setenv("GOVGRAPH_FALKORDB_COPY_TIMEOUT_S", "240")
    assert Settings().falkordb_copy_timeout_s == 240.0
    for bad in ("0", "-3", "soon"):
        monkeypatch.setenv("GOVGRAPH_FALKORDB_COPY_TIMEOUT_S", bad)
        with pytest.raises(ValidationError, match="falkordb_copy_timeout_s"):
            Settings()


def test_the_start_timeout_grows_with_the_append_only_file(tmp_path):
    assert embedded_server.startup_timeout(tmp_path) == embedded_server.START_TIMEOUT_S
    aof = tmp_path / embedded_server.AOF_DIR
    aof.mkdir()
    (aof / "appendonly.aof.1.base.rdb").write_bytes(b"\0" * 1_000_000)
    (aof / "appendonly.aof.1.incr.aof").write_bytes(b"\0" * 2_000_000)
    assert embedded_server.startup_timeout(tmp_path) == pytest.approx(
        embedded_server.START_TIMEOUT_S + 3 * embedded_server.START_S_PER_MB)
    # What a 1M-resident city's file held after four loads (2.4 GB): it took 46.7 s.
    per_gb = 1000 * embedded_server.START_S_PER_MB
    assert embedded_server.START_TIMEOUT_S + 2.4 * per_gb > 2 * 46.7


class _Server:
    """A stand-in connection: INFO persistence says a child runs for ``forks``
    calls, and the graph's indexes are being built for ``builds`` calls."""

    def __init__(self, forks: int = 0, builds: int = 0) -> None:
        self.forks, self.builds, self.calls = forks, builds, 0

    def info(self, section: str) -> dict:
        assert section == "persistence"
        self.calls += 1
        busy = 1 if self.forks > 0 else 0
        self.forks -= 1
        return {"aof_rewrite_in_progress": 0, "aof_rewrite_scheduled": 0,
                "rdb_bgsave_in_progress": 0, "module_fork_in_progress": busy}

    def execute_command(self, *args):
        assert args[0] == "GRAPH.RO_QUERY" and args[1] == "g"
        if "db.indexes" in args[2] and self.builds > 0:
            self.builds -= 1
            return [[b"label"], [[b"Case"]], []]
        return [[b"label"], [], []]


def test_the_wait_ends_when_the_child_and_the_index_are_done():
    server = _Server(forks=3, builds=2)
    wait_for_quiet(server, "g", 5)
    assert server.forks < 0 and server.builds == 0
    assert server.calls == 6  # three with a child, two building, one quiet


def test_the_wait_gives_up_naming_what_kept_the_server_busy():
    with pytest.raises(StoreError, match=r"still busy \(module_fork_in_progress\).*"
                                         "nothing was written"):
        wait_for_quiet(_Server(forks=10**6), "g", 0.2)
    with pytest.raises(StoreError, match=r"still busy \(building indexes of Case\)"):
        wait_for_quiet(_Server(builds=10**6), "g", 0.2)
