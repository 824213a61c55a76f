"""A replacing load refuses a graph that holds cases posted through Open311
(docs/cases.md#open311), on both engines: requests are posted over HTTP as a
resident's client would, then `load --replace` — the whole-plan path, the streamed
path (a registry), POST /load and the command line — is refused before anything
is written, the graph and the personal store as they were, and replaces it with
--drop-posted-cases. The check is one index seek. Server-free halves (the message,
the flags): tests/unit/test_posted_cases.py."""

from __future__ import annotations

import json
import shutil

import pytest
from api_helpers import ADMIN, client, problem
from click.testing import CliRunner
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.loaders.registry import (
    OPEN311_FILE,
    OPEN311_REGISTRY,
    POSTED_CASES_QUERY,
    PostedCasesHeld,
)
from helpers import REGISTRY, graph_checksum

from govgraph.cli import main
from govgraph.usecases import load

POSTED = "MATCH (c:Case) WHERE c.registry_file = $file RETURN c.id ORDER BY c.id"


def _post(store, *requests: tuple[str, str]) -> list[str]:
    api = client(store)
    ids = []
    for code, compound in requests:
        res = api.post("/open311/v2/requests.json", data={"service_code": code,
                                                          "address_id": compound}, headers=ADMIN)
        assert res.status_code == 201, res.text
        ids.append(res.json()[0]["service_request_id"])
    return sorted(ids)


@pytest.fixture
def posted(empty_store):
    """The hand-made registry, and two requests posted about its compounds."""
    execute(empty_store, plan_load(registries=[REGISTRY]))
    ids = _post(empty_store, ("fire-lane", "t:cpd:1"), ("elevator", "t:cpd:4"))
    assert [r[0] for r in empty_store.read(POSTED, {"file": OPEN311_FILE}).rows] == ids
    return empty_store, ids


def _state(store):
    return graph_checksum(store), store.personal.count()


def _posted_ids(store) -> list[str]:
    return [r[0] for r in store.read(POSTED, {"file": OPEN311_FILE}).rows]


@pytest.mark.parametrize("path", ["whole-plan", "streamed"])
def test_a_replace_is_refused_while_posted_cases_are_held_and_drops_them_when_told(posted, path):
    store, ids = posted
    registries = [] if path == "whole-plan" else [REGISTRY]
    before = _state(store)
    with pytest.raises(PostedCasesHeld) as err:
        load(store, [], registries=registries, replace=True)
    msg = str(err.value)
    assert "holds 2 cases posted through Open311 (2 still open)" in msg
    assert "--drop-posted-cases" in msg and "GET /open311/v2/requests.json?start_date=" in msg
    assert _state(store) == before  # nothing written, nothing emptied

    res = load(store, [], registries=registries, replace=True, drop_posted_cases=True)
    assert _posted_ids(store) == []
    assert res.graph["nodes"]["Measure"] == 16
    if path == "streamed":
        assert res.graph["nodes"]["Case"] == 9  # the registry's cases, back; the posted ones gone
    # Nothing posted any more: a plain replace goes through.
    load(store, [], registries=registries, replace=True)


def test_a_load_without_replace_keeps_posted_cases(posted):
    store, ids = posted
    load(store, [], registries=[REGISTRY])
    assert _posted_ids(store) == ids


def test_post_load_with_replace_is_409_until_drop_posted_cases(posted):
    store, ids = posted
    api = client(store)
    before = _state(store)
    body = problem(api.post("/load", json={"replace": True}, headers=ADMIN), 409, "replace-refused",
                   "2 cases posted through Open311 (2 still open)")
    assert '"drop_posted_cases": true' in body["detail"]
    assert _state(store) == before
    # The way out the message names: list them (all of them open, ids o311:…) to post again.
    listed = api.get("/open311/v2/requests.json", params={"status": "open"}).json()
    assert ids == sorted(r["service_request_id"] for r in listed if r["service_request_id"]
                         .startswith("o311:"))
    res = api.post("/load", json={"replace": True, "drop_posted_cases": True}, headers=ADMIN)
    assert res.status_code == 200, res.text
    assert _posted_ids(store) == []


def test_the_check_is_one_index_seek(posted):
    """Case.registry is indexed on both engines: the count reads the posted cases'
    index entries, not every case (cheap at 10M residents)."""
    store, _ = posted
    params = {"registry": OPEN311_REGISTRY, "file": OPEN311_FILE}
    assert store.read(POSTED_CASES_QUERY, params).rows[0][:2] == [2, 2]
    if store.engine == "falkordb":
        plan = "\n".join(store._graph.explain(POSTED_CASES_QUERY, params).plan)
        assert "Node By Index Scan | (c:Case)" in plan and "Label Scan" not in plan
    else:
        with store._driver.session(database=store.database) as s:
            s.run("CALL db.awaitIndexes(60)").consume()
            plan = s.run("EXPLAIN " + POSTED_CASES_QUERY, params).consume().plan

        def operators(p):
            yield p["operatorType"]
            for child in p.get("children", []):
                yield from operators(child)

        ops = list(operators(plan))
        assert any(o.startswith("NodeIndexSeek") for o in ops), ops
        assert not any("LabelScan" in o or "AllNodesScan" in o for o in ops), ops


def test_a_registry_named_open311_is_not_taken_for_posted_cases(empty_store, tmp_path):
    """A registry directory of that name gives its cases registry 'open311' too; they
    cite its files, not the Open311 endpoint, and a replace goes through."""
    named = tmp_path / OPEN311_REGISTRY
    shutil.copytree(REGISTRY, named)
    execute(empty_store, plan_load(registries=[named]))
    assert empty_store.read("MATCH (c:Case {registry: 'open311'}) RETURN count(c)").rows == [[9]]
    load(empty_store, [], registries=[named], replace=True)


def test_cli_load_replace_is_refused_naming_the_ways_out(fresh_store, tmp_path):
    store = fresh_store
    execute(store, plan_load(registries=[REGISTRY]))
    _post(store, ("fire-lane", "t:cpd:1"))
    before = _state(store)

    def run(*args: str):
        return CliRunner().invoke(main, ["--data-dir", str(store.data_dir), "load", *args])

    res = run("--registry", str(REGISTRY), "--replace")
    assert res.exit_code == 1, res.output
    assert ("error: the graph holds 1 case posted through Open311 (1 still open), which replacing "
            "it would delete; nothing was written.") in res.stderr
    assert "--drop-posted-cases" in res.stderr
    assert _state(store) == before
    res = run("--registry", str(REGISTRY), "--replace", "--drop-posted-cases", "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["graph"]["nodes"]["Case"] == 9
    assert _posted_ids(store) == []


@pytest.mark.neo4j
def test_bulk_replace_is_refused_before_the_server_is_touched(bulk_store, tmp_path):
    """`load --bulk --replace` looks under the load lock, before it writes a file or
    stops the server."""
    from govgraph.graph.neo4j_bulk import local_server

    store = bulk_store
    store.clear()
    execute(store, plan_load(registries=[REGISTRY]))
    _post(store, ("fire-lane", "t:cpd:1"))
    before = _state(store)
    pid = local_server(store.uri, store.server_home()).pid
    with pytest.raises(PostedCasesHeld, match="1 case posted"):
        load(store, [], registries=[REGISTRY], replace=True, bulk=True,
             bulk_work_dir=tmp_path)
    assert _state(store) == before
    assert local_server(store.uri, store.server_home()).pid == pid
    assert list(tmp_path.glob("govgraph-bulk-*")) == []
