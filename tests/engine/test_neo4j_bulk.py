"""`govgraph load --bulk`: Neo4j's offline importer gives the graph a driver load
gives (counts and a checksum over ids, labels, properties and edges), refuses a
database that holds data, and leaves the store with its constraints and indexes
(issue 31). Needs the local server scripts/neo4j-server.sh runs: it is stopped
and started again."""

from __future__ import annotations

import pytest
from govgraph.graph.model import GraphBatch, Node, NodeKind
from govgraph.graph.neo4j_bulk import BulkRefused, local_server
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.queries import answers
from helpers import REGISTRY, graph_checksum

pytestmark = pytest.mark.neo4j


def _schema(store) -> list:
    with store._driver.session(database=store.database) as s:
        return sorted(s.run("SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' "
                            "RETURN name, state").values())


@pytest.fixture
def bulk_store(neo4j_uri, neo4j_store, default_plan, tmp_path):
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


def test_bulk_import_equals_a_driver_load(bulk_store, city_dir, tmp_path):
    store = bulk_store
    batch = plan_load(registries=[REGISTRY, city_dir]).batch
    # Values the CSV files must carry exactly: empty strings and lists, separators,
    # quotes and newlines, numbers and booleans of each kind, nulls (left out).
    batch.extend(GraphBatch(nodes=[Node(id="bulk:odd", kind=NodeKind.COMMITTEE, name="名,称\"q\"", props={
        "empty": "", "none": None, "lines": "一\n二\r\n三", "semi": "a;b", "f": 1.5, "i": 2, "big": 2**40,
        "t": True, "no": False, "strs": ["a;b", "", "c,d"], "ints": [1, -2], "floats": [0.1, 2.0],
        "nothing": []})]))
    store.clear()
    store.write_all(batch)
    driver = graph_checksum(store)
    driver_schema = _schema(store)
    people = store.personal.count()
    assert driver[0]["nodes"] > 3000

    # A database that holds data is refused, and left as it was (not even restarted).
    pid = local_server(store.uri, store.server_home()).pid
    with pytest.raises(BulkRefused, match="holds data.*--replace"):
        store.bulk_load(batch, work_dir=tmp_path)
    assert graph_checksum(store) == driver
    assert local_server(store.uri, store.server_home()).pid == pid

    store.clear()
    summary = store.bulk_load(batch, work_dir=tmp_path)
    assert graph_checksum(store) == driver
    assert (summary.nodes, summary.edges) == (driver[0]["nodes"] - 1, driver[0]["edges"])
    assert _schema(store) == driver_schema and all(st == "ONLINE" for _, st in driver_schema)
    assert store.personal.count() == people
    assert list(tmp_path.glob("govgraph-bulk-*")) == []  # the files are gone
    # The store answers as after a driver load, and a driver load onto it changes nothing.
    report = answers.load_report(store)
    store.write_all(batch)
    assert graph_checksum(store) == driver and answers.load_report(store) == report

    # --replace: over a database that holds data.
    store.bulk_load(batch, replace=True, work_dir=tmp_path)
    assert graph_checksum(store) == driver
