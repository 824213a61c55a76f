"""Fixtures for every tier: a real embedded FalkorDB and a real Neo4j, each loaded
with the default dataset (used by tests/engine and tests/system; tests/unit may
not ask for them, see tests/unit/conftest.py), and the plan of that dataset.

Neo4j is the one GOVGRAPH_TEST_NEO4J_URI names; without it, the one
scripts/neo4j-server.sh starts (the same entry point developers and CI use), on
a fresh data directory and its own port. Under CI a Neo4j that cannot start
fails the Neo4j tests; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.pipeline import execute, plan_load
from helpers import REGISTRY, REPO
from hypothesis import settings
from serving import free_port

# In CI the property tests run a fixed set of examples, so a run's result depends
# on the code alone; locally they explore new examples every time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

NEO4J_SCRIPT = REPO / "scripts" / "neo4j-server.sh"


CITY_RESIDENTS = 3000
CITY_SEED = 11
AS_OF = "2024-06-30"


@pytest.fixture(scope="session")
def city_dir(tmp_path_factory):
    """A small SYNTHETIC registry, loaded beside the notice into every test store."""
    from govgraph.loaders.synth import synthesize

    d = tmp_path_factory.mktemp("city")
    synthesize(CITY_RESIDENTS, CITY_SEED, d)
    return d


@pytest.fixture(scope="session")
def default_plan():
    """The notice, its structure, and the small hand-made registry in tests/data."""
    return plan_load(registries=[REGISTRY])


@pytest.fixture(scope="session")
def falkor_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("falkor")
    yield d
    embedded_server.stop(d)


@pytest.fixture(scope="session")
def falkor_store(falkor_dir, default_plan):
    store = FalkorDBStore(falkor_dir)
    execute(store, default_plan)
    yield store
    store.close()


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory):
    uri = os.environ.get("GOVGRAPH_TEST_NEO4J_URI")
    if uri:
        yield uri
        return
    home = tmp_path_factory.mktemp("neo4j")
    port = free_port()
    env = {**os.environ, "GOVGRAPH_NEO4J_HOME": str(home), "GOVGRAPH_NEO4J_PORT": str(port),
           "GOVGRAPH_NEO4J_AUTH": "none"}
    res = subprocess.run(["bash", str(NEO4J_SCRIPT), "start", "--fresh"], env=env,
                         capture_output=True, text=True, timeout=900)
    if res.returncode != 0:
        msg = f"Neo4j could not start:\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    yield f"bolt://127.0.0.1:{port}"
    subprocess.run(["bash", str(NEO4J_SCRIPT), "stop"], env=env, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def neo4j_store(neo4j_uri, default_plan, tmp_path_factory):
    from govgraph.graph.neo4j_store import Neo4jStore

    # Residents' names and Party membership live beside the graph, in a personal
    # store of their own (graph/personal.py), on the Neo4j engine too.
    store = Neo4jStore(neo4j_uri, personal_dir=tmp_path_factory.mktemp("neo4j-personal"))
    store.clear()
    execute(store, default_plan)
    yield store
    store.close()


@pytest.fixture
def fresh_store(tmp_path):
    """An empty embedded store of the test's own."""
    s = FalkorDBStore(tmp_path)
    yield s
    s.close()
    embedded_server.stop(tmp_path)


@pytest.fixture
def bulk_store(neo4j_uri, neo4j_store, default_plan, tmp_path):
    """The suite's Neo4j, when the local launcher runs it (so `--bulk` can stop and
    start it), opened with a personal store of the test's own; it gets its usual
    graph back after."""
    from govgraph.graph.neo4j_bulk import BulkRefused, local_server
    from govgraph.graph.neo4j_store import Neo4jStore

    try:
        local_server(neo4j_uri, neo4j_store.server_home())
    except BulkRefused as e:
        pytest.skip(f"not a Neo4j the local launcher runs: {e}")
    with Neo4jStore(neo4j_uri, personal_dir=tmp_path / "personal") as store:
        try:
            yield store
        finally:
            neo4j_store.clear()
            execute(neo4j_store, default_plan)


@pytest.fixture(params=["falkor", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def empty_store(request, tmp_path):
    """An empty store of each engine; the shared Neo4j gets its usual graph back after."""
    if request.param == "falkor":
        yield request.getfixturevalue("fresh_store")
        return
    from govgraph.graph.neo4j_store import Neo4jStore

    shared = request.getfixturevalue("neo4j_store")
    shared.clear()
    with Neo4jStore(request.getfixturevalue("neo4j_uri"), personal_dir=tmp_path / "personal") as s:
        try:
            yield s
        finally:
            s.clear()
            execute(shared, request.getfixturevalue("default_plan"))


@pytest.fixture(params=["falkor", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request):
    """The same loaded graph on each engine; tests using it run on both."""
    return request.getfixturevalue(f"{request.param}_store")
