"""Attacks on the read-only path, fuzzed input, and faults of the engines.

Each test is a real attack on a real engine: nothing is mocked.
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
from govgraph.graph.store import QueryTimeout, ReadOnlyViolation, StoreError
from govgraph.loaders.notice import NoticeError, parse_notice
from govgraph.loaders.registry import KINDS, RegistryError, read_registry
from govgraph.queries import answers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j import GraphDatabase
from serving import free_port

REPO = Path(__file__).resolve().parents[1]
FUZZ_EXAMPLES = int(os.environ.get("GOVGRAPH_FUZZ_EXAMPLES", "150"))

WRITES = [
    "CREATE (n:Entity {id: 'evil'})",
    "MERGE (n:Entity {id: 'evil'})",
    "MATCH (n:Measure) SET n.title = 'evil'",
    "MATCH (n:Measure) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Measure) REMOVE n.title",
    "FOREACH (x IN [1] | CREATE (:Evil))",
    "MATCH (m:Measure {number: 1}) CALL { WITH m SET m.x = 1 } RETURN m.number",
    "CREATE INDEX FOR (n:Evil) ON (n.a)",
    "MATCH (n) RETURN n LIMIT 1; CREATE (:Evil)",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
]

DISGUISED = [
    "MATCH (n) /* just reading */ DETACH DELETE n",
    "MATCH (n) // a comment\nDETACH DELETE n",
    "match (n:Measure) set n.title = 'x'",
    "MATCH (n) WITH n LIMIT 1 cReAtE (:Evil)",
    "RETURN 1; MATCH (n) DELETE n",
    "CALL db.labels() YIELD label RETURN label",
    "CALL dbms.listConfig() YIELD name RETURN name",
    "load csv from 'http://127.0.0.1:1/x' as r return r",
    "UNWIND [1] AS x FOREACH (y IN [x] | MERGE (:Evil {id: y}))",
]


@pytest.mark.parametrize("query", WRITES)
def test_engine_read_only_mode_refuses_writes(store, query):
    """Past the keyword check, the engine's own read-only mode refuses every write."""
    before = answers.load_report(store)
    with pytest.raises(StoreError):
        store.read_engine_guarded(query)
    assert answers.load_report(store) == before


@pytest.mark.parametrize("query", WRITES + DISGUISED)
def test_read_only_path_refuses_writes_and_procedures(store, query):
    before = answers.load_report(store)
    with pytest.raises(ReadOnlyViolation):
        store.read_only(query)
    assert answers.load_report(store) == before


def test_strings_and_comments_do_not_confuse_the_guard(store):
    res = store.read_only("MATCH (m:Measure) WHERE m.title CONTAINS 'CREATE' RETURN count(m) AS n")
    assert res.rows == [[0]]
    res = store.read_only("// DELETE everything\nMATCH (m:Measure) RETURN count(m) AS n")
    assert res.rows == [[16]]


def test_huge_results_are_capped_and_long_queries_stopped(store):
    # Entity x Measure, not Entity x Entity: with Anshun's 2,600 real places and bodies
    # in the default graph the square is ~10M rows, which FalkorDB sends whole before
    # the cap applies (several GB in the test process).
    res = store.read_only("MATCH (a:Entity), (b:Measure) RETURN a.id, b.id", row_cap=100)
    assert len(res.rows) == 100 and res.truncated
    with pytest.raises(QueryTimeout):
        store.read_only("MATCH (a), (b), (c), (d) WHERE a.id <> d.id RETURN count(*)", timeout_s=0.3)


# --- fuzzing: only clear errors, never a crash or a hang ------------------------------------

notice_like = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(["(一)", "（二）", "三、", "1.", "（1）", "牵头单位:", "责任单位：", "配合单位",
                         "、", "；", ";", ")", "（", "〔区〕", "\n", "\n\n", "— 3 —", "等部门", "市住建局",
                         "各县〔区〕党委〔工委〕、人民政府〔管委会〕", "\x00", "《", "》", "2021年2月3日"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=FUZZ_EXAMPLES, deadline=2000,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=notice_like)
def test_fuzz_notice_parser(text):
    try:
        notice = parse_notice(text, source="fuzz.txt")
    except NoticeError as e:
        assert "fuzz.txt" in str(e)
        return
    for m in notice.measures:
        for a in m.attributions:
            assert text[a.start : a.end] == a.clause


def test_enormous_document_is_refused_quickly():
    t0 = time.monotonic()
    with pytest.raises(NoticeError, match="limit"):
        parse_notice("牵头单位:市住建局。" * 400_000, source="big.txt")
    assert time.monotonic() - t0 < 5


csv_cell = st.one_of(st.text(max_size=12), st.sampled_from(["", "t:x", "true", "2024-01-01", "-1",
                                                             "9999999999", '"', ",", "\n", "西秀区"]))


@settings(max_examples=FUZZ_EXAMPLES, deadline=3000,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(kind_index=st.integers(0, len(KINDS) - 1),
       rows=st.lists(st.lists(csv_cell, min_size=0, max_size=9), max_size=6))
def test_fuzz_registry_loader(tmp_path_factory, kind_index, rows):
    import csv

    d = tmp_path_factory.mktemp("fuzzreg")
    kind, model = KINDS[kind_index]
    with (d / f"{kind}.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(list(model.model_fields))
        w.writerows(rows)
    try:
        read_registry(d, counties={"西秀区"})
    except RegistryError as e:
        assert e.file.endswith(".csv")


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


def test_secrets_stay_out_of_errors(tmp_path):
    from govgraph.graph.neo4j_store import Neo4jStore

    with pytest.raises(StoreError) as err:
        Neo4jStore(f"bolt://127.0.0.1:{free_port()}", password="hunter2-secret", connection_timeout=2)
    assert "hunter2-secret" not in str(err.value)
    from govgraph.settings import Settings

    s = Settings(api_token="tok-abcdef-123456", neo4j_password="pw-abcdef-123456")
    assert "tok-abcdef" not in repr(s) and "pw-abcdef" not in repr(s)
    assert s.host == "127.0.0.1"


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


def test_a_document_that_takes_too_long_is_refused():
    from govgraph.loaders.pipeline import default_notice

    text = default_notice().text
    with pytest.raises(NoticeError, match="longer than"):
        parse_notice(text, source="slow.txt", max_seconds=0)


def test_registry_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    """Found by the atheris harness: a non-UTF-8 byte used to escape as UnicodeDecodeError."""
    (tmp_path / "streets.csv").write_bytes(b"id,name,county\nt:s:1,\xff\xfe,\xe8\xa5\xbf\n")
    with pytest.raises(RegistryError, match="not UTF-8") as err:
        read_registry(tmp_path, counties={"西秀区"})
    assert err.value.file == "streets.csv"
    (tmp_path / "streets.csv").unlink()
    (tmp_path / "streets.json").write_bytes(b'[{"id": "\xff"}]')
    with pytest.raises(RegistryError, match="not UTF-8"):
        read_registry(tmp_path, counties={"西秀区"})

