"""Faults of the engines (a Neo4j of the test's own killed, restarted, frozen) and
libFuzzer-guided fuzzing of the input readers (atheris).

Each test is a real attack on a real engine: nothing is mocked. The read-only
path is attacked in tests/engine/test_read_only_guard.py, input is fuzzed
in-process in tests/unit/test_bad_input.py.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from govgraph.graph.store import StoreError
from govgraph.queries import answers
from helpers import REPO
from neo4j import GraphDatabase
from serving import free_port

pytestmark = pytest.mark.slow


# --- faults of a real Neo4j ----------------------------------------------------------------

class OwnNeo4j:
    """A Neo4j of the test's own, to kill and restart (the shared one must live on)."""

    def __init__(self, home: Path, **env: str) -> None:
        self.home = home
        port = free_port()
        self.uri = f"bolt://127.0.0.1:{port}"
        self._env = {**os.environ, "GOVGRAPH_NEO4J_HOME": str(home),
                     "GOVGRAPH_NEO4J_PORT": str(port), "GOVGRAPH_NEO4J_AUTH": "none", **env}

    def run_script(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", str(REPO / "scripts" / "neo4j-server.sh"), *args],
                              env=self._env, capture_output=True, text=True, timeout=timeout)

    def _script(self, *args: str, timeout: float = 600) -> int:
        return self.run_script(*args, timeout=timeout).returncode

    def start(self, *args: str) -> None:
        assert self._script("start", *args) == 0

    def stop(self) -> None:
        assert self._script("stop", timeout=120) == 0

    def kill(self) -> None:
        os.kill(int((self.home / "neo4j.pid").read_text()), signal.SIGKILL)


@pytest.fixture
def own_neo4j(tmp_path, neo4j_uri):
    server = OwnNeo4j(tmp_path / "neo4j")
    server.start("--fresh")
    try:
        yield server
    finally:
        server._script("stop", timeout=120)


@pytest.mark.neo4j
def test_the_local_neo4j_takes_any_setting_and_refuses_a_bad_one(tmp_path, neo4j_uri):
    """GOVGRAPH_NEO4J_CONFIG hands neo4j.conf settings to the local server; a pair that is
    not name=value, or a name Neo4j does not know, stops the start and says which."""
    server = OwnNeo4j(tmp_path / "neo4j", GOVGRAPH_NEO4J_CONFIG=(
        "db.relationship_grouping_threshold=77; db.logs.query.enabled=OFF\n"))
    server.start("--fresh")
    try:
        with GraphDatabase.driver(server.uri, auth=None) as driver:
            records = driver.execute_query(
                "SHOW SETTINGS YIELD name, value WHERE name STARTS WITH $p OR name = $q "
                "RETURN name, value ORDER BY name",
                p="db.relationship_grouping", q="db.logs.query.enabled").records
        assert [tuple(r) for r in records] == [("db.logs.query.enabled", "OFF"),
                                               ("db.relationship_grouping_threshold", "77")]
    finally:
        server.stop()
    for bad, said in (("db.logs.query.enabled=OFF;nonsense", "'nonsense' is not name=value"),
                      ("db.no_such_setting=1", "db.no_such_setting")):
        run = OwnNeo4j(tmp_path / "neo4j", GOVGRAPH_NEO4J_CONFIG=bad).run_script("start")
        assert run.returncode != 0 and said in run.stderr, run.stderr[-2000:]


@pytest.mark.neo4j
def test_neo4j_killed_mid_load_then_reload_converges(tmp_path, own_neo4j):
    """SIGKILL Neo4j during a registry load: the command fails clearly; after a
    restart the same load completes and the graph equals a clean load."""
    from govgraph.graph.neo4j_store import Neo4jStore
    from govgraph.loaders.pipeline import plan_load
    from govgraph.loaders.synth import synthesize

    city = tmp_path / "city"
    synthesize(40_000, 8, city)
    uri = own_neo4j.uri
    cmd = [sys.executable, "-m", "govgraph.cli", "--neo4j", uri, "load", "--registry", str(city)]
    load = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Kill Neo4j once the load has committed part of its work (a load this size
    # is written in sized transactions), however fast or slow this machine is.
    with Neo4jStore(uri) as watcher:
        deadline = time.monotonic() + 300
        while load.poll() is None and time.monotonic() < deadline:
            if watcher.read("MATCH (n:Entity) RETURN count(n) AS n").rows[0][0] > 0:
                break
            time.sleep(0.05)
    assert load.poll() is None, "the load finished before Neo4j could be killed"
    own_neo4j.kill()
    out, err = load.communicate(timeout=180)
    assert load.returncode != 0
    assert "error:" in err and "Traceback" not in err
    assert "Neo4j" in err or "write failed" in err

    own_neo4j.start()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr

    plan = plan_load(registries=[city]).batch.deduplicated()
    with Neo4jStore(uri) as store:
        report = answers.load_report(store)
        assert sum(report["nodes"].values()) == len(plan.nodes)
        assert sum(report["edges"].values()) == len(plan.edges)
        distinct = store.read("MATCH (n:Entity) RETURN count(DISTINCT n.id) AS d").rows[0][0]
        assert distinct == len(plan.nodes)

        # A dropped connection during a query gives a clear error, not a hang.
        outcome: dict = {}

        def long_query() -> None:
            try:
                store.read_only("MATCH (a:Resident), (b:Resident) WHERE a.id <> b.id "
                                "RETURN count(*)", timeout_s=120)
                outcome["result"] = "finished"
            except StoreError as e:
                outcome["error"] = e

        t = threading.Thread(target=long_query)
        t.start()
        time.sleep(2)
        own_neo4j.kill()
        t.join(timeout=90)
        assert not t.is_alive(), "the query hung after Neo4j died"
        assert "error" in outcome


@pytest.mark.neo4j
def test_a_read_waits_out_a_neo4j_restart(own_neo4j):
    """A read issued while Neo4j is down keeps retrying and is answered once the
    server is back; a store with a short retry budget fails clearly instead."""
    from govgraph.graph.neo4j_store import Neo4jStore
    from govgraph.loaders.pipeline import execute, plan_load

    uri = own_neo4j.uri
    count = "MATCH (n:Entity) RETURN count(n) AS n"
    with Neo4jStore(uri, retry_s=600) as patient, Neo4jStore(uri, retry_s=1) as hasty:
        execute(patient, plan_load())
        before = patient.read(count).rows[0][0]
        assert before > 0
        own_neo4j.stop()

        async def aread(store: Neo4jStore) -> list:
            try:
                return (await store.aread(count)).rows
            finally:
                await store.aclose()

        started = time.monotonic()
        with pytest.raises(StoreError, match="Neo4j unavailable"):
            hasty.read(count)
        with pytest.raises(StoreError, match="Neo4j unavailable"):
            asyncio.run(aread(hasty))  # the HTTP API's read path
        assert time.monotonic() - started < 30

        outcomes: dict[str, dict] = {"sync": {}, "async": {}}

        def read(how: str) -> None:
            try:
                outcomes[how]["rows"] = (patient.read(count).rows if how == "sync"
                                         else asyncio.run(aread(patient)))
            except Exception as e:  # noqa: BLE001 - reported by the assertion below
                outcomes[how]["error"] = e

        threads = [threading.Thread(target=read, args=(how,)) for how in outcomes]
        for t in threads:
            t.start()
        time.sleep(2)
        assert all(t.is_alive() for t in threads) and not any(outcomes.values()), \
            f"a read gave up while Neo4j was down: {outcomes}"
        own_neo4j.start()
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads), "a read did not notice Neo4j was back"
        assert outcomes == {"sync": {"rows": [[before]]}, "async": {"rows": [[before]]}}


@pytest.mark.neo4j
def test_an_api_read_of_a_frozen_neo4j_fails_in_time_then_recovers(own_neo4j):
    """The local server sends no receive-timeout hint (Bolt keep-alive STREAMING), so
    the async reads bound themselves: with Neo4j frozen (SIGSTOP: the socket stays
    open, nothing answers) a read fails with a clear error after ``read_timeout_s``,
    not never; once the server runs again the next read is answered."""
    from govgraph.graph.neo4j_store import Neo4jStore
    from neo4j import GraphDatabase

    with GraphDatabase.driver(own_neo4j.uri, auth=None) as driver:
        driver.verify_connectivity()
        hints = [c.connection_hints for cs in driver._pool.connections.values() for c in cs]
    assert hints and all("connection.recv_timeout_seconds" not in h for h in hints), hints

    pid = int((own_neo4j.home / "neo4j.pid").read_text())
    count = "MATCH (n) RETURN count(n) AS n"

    async def scenario(store: Neo4jStore) -> dict:
        out: dict = {"before": (await store.aread(count)).rows}
        os.kill(pid, signal.SIGSTOP)
        try:
            for name, read in (("aread", lambda: store.aread(count)),
                               ("aread_only", lambda: store.aread_only(count, timeout_s=1))):
                started = time.monotonic()
                try:
                    await read()
                    out[name] = "answered by a frozen server"
                except StoreError as e:
                    out[name] = (str(e), time.monotonic() - started)
        finally:
            os.kill(pid, signal.SIGCONT)
        out["after"] = (await store.aread(count)).rows
        await store.aclose()
        return out

    with Neo4jStore(own_neo4j.uri, read_timeout_s=2) as store:
        out = asyncio.run(scenario(store))
    assert out["after"] == out["before"] == [[0]]
    for name, bound in (("aread", 2), ("aread_only", 3)):
        message, waited = out[name]
        assert f"did not answer a read within {bound}s" in message and own_neo4j.uri in message
        assert bound <= waited < bound + 5


@pytest.mark.parametrize("harness", ["fuzz_notice.py", "fuzz_registry.py"])
def test_atheris_finds_nothing(tmp_path, harness):
    """libFuzzer-guided fuzzing (atheris) of the parser and the registry loader;
    GOVGRAPH_ATHERIS_SECONDS for a longer run."""
    pytest.importorskip("atheris")
    seconds = os.environ.get("GOVGRAPH_ATHERIS_SECONDS", "8")
    res = subprocess.run([sys.executable, str(REPO / "tests" / "fuzz" / harness),
                          f"-max_total_time={seconds}", f"-artifact_prefix={tmp_path}/"],
                         capture_output=True, text=True, timeout=int(seconds) + 120, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Done" in res.stderr


