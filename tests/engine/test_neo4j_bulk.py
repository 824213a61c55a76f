"""`govgraph load --bulk`: Neo4j's offline importer gives the graph a driver load
gives (counts and a checksum over ids, labels, properties and edges), refuses a
database that holds data, and leaves the store with its constraints and indexes
(issue 31). Needs the local server scripts/neo4j-server.sh runs: it is stopped
and started again."""

from __future__ import annotations

import pytest
from govgraph.graph.model import GraphBatch, Node, NodeKind
from govgraph.graph.neo4j_bulk import BulkRefused, local_server
from govgraph.loaders.pipeline import execute_stream, plan_load, plan_stream
from govgraph.loaders.registry import RegistryError
from govgraph.queries import answers
from helpers import REGISTRY, city_across_chunks, city_with_a_late_bad_row, graph_checksum

pytestmark = pytest.mark.neo4j


def _schema(store) -> list:
    with store._driver.session(database=store.database) as s:
        return sorted(s.run("SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' "
                            "RETURN name, state").values())


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


# Small chunks, so that the test city (about 3,400 rows) is many chunks.
CHUNK_ROWS = 150


def _state(store):
    return graph_checksum(store), store.personal.count()


def test_streamed_bulk_import_equals_a_streamed_driver_load(bulk_store, city_dir, tmp_path):
    """`load --bulk` writes the importer's files from the stream, chunk by chunk:
    the graph is the one a streamed driver load gives (an edge a later chunk
    gives again merged onto the first), and a bad row late in a large file
    refuses the import before the server is touched, the graph as it was."""
    store = bulk_store
    city = city_across_chunks(city_dir, tmp_path / "city", CHUNK_ROWS)
    store.clear()
    driver = execute_stream(store, plan_stream(registries=[REGISTRY, city], chunk_rows=CHUNK_ROWS))
    expected = _state(store)
    assert expected[0][0]["nodes"] > 6000

    store.clear()
    work = tmp_path / "work"
    load = plan_stream(registries=[REGISTRY, city], chunk_rows=CHUNK_ROWS)
    summary = store.bulk_load_stream(load.chunks, work_dir=work)
    assert _state(store) == expected
    assert (summary.nodes, summary.edges) == (driver.nodes, driver.edges)
    assert list(work.iterdir()) == []  # the files are gone

    bad, line = city_with_a_late_bad_row(city_dir, tmp_path / "late", CHUNK_ROWS)
    pid = local_server(store.uri, store.server_home()).pid
    for replace in (True, False):
        if not replace:
            store.clear()  # into an empty database: it stays empty
        before = _state(store)
        with pytest.raises(RegistryError) as err:
            store.bulk_load_stream(plan_stream(registries=[bad], chunk_rows=CHUNK_ROWS).chunks,
                                   replace=replace, work_dir=work)
        e = err.value
        assert (e.file, e.line, e.field) == ("people.csv", line, "compound_id")
        assert "no compound with id 'syn:compound:nowhere'" in e.reason
        assert _state(store) == before
        assert local_server(store.uri, store.server_home()).pid == pid  # not stopped
        assert list(work.iterdir()) == []
