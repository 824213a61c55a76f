"""A document read only in part is never half-loaded silently: `extract` lists
what it could not read, `load` refuses it unless told --partial, and says so.

Runs on a fresh embedded FalkorDB of its own.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.notice import NoticeError, parse_notice
from govgraph.loaders.pipeline import plan_load

from govgraph.cli import main

HALF_READ = ("某县工作方案\n"
             "1.加强管理。建立机制。（县教育局牵头，卫健局、民政局配合）\n"
             "2.开展检查。定期督查。（各县区、有关企业按要求落实）\n")


@pytest.fixture
def half_read(tmp_path):
    p = tmp_path / "half.txt"
    p.write_text(HALF_READ, "utf-8")
    return p


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("partial")
    yield d
    embedded_server.stop(d)


def test_the_part_not_read_is_named_with_line_and_column():
    notice = parse_notice(HALF_READ)
    assert [m.number for m in notice.measures] == [1]
    [u] = notice.unread
    assert (u.line, u.column) == (3, 13)
    assert u.text == "（各县区、有关企业按要求落实）"


def test_extract_lists_it(half_read):
    res = CliRunner().invoke(main, ["extract", str(half_read), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert [(u["line"], u["column"]) for u in out["unread"]] == [(3, 13)]
    res = CliRunner().invoke(main, ["extract", str(half_read)])
    assert "not read: line 3, column 13" in res.output


def test_load_refuses_it_and_the_graph_is_unchanged(half_read, data_dir):
    with pytest.raises(NoticeError, match=r"line 3, column 13.*--partial"):
        plan_load([half_read], include_default=False)
    store = FalkorDBStore(data_dir)
    try:
        before = store.read("MATCH (n) RETURN count(n)").rows
        res = CliRunner().invoke(main, ["--data-dir", str(data_dir), "load", "--no-default",
                                        "--document", str(half_read)])
        assert res.exit_code == 1
        assert "--partial" in res.output and "line 3, column 13" in res.output
        assert store.read("MATCH (n) RETURN count(n)").rows == before
    finally:
        store.close()


def test_load_partial_keeps_what_was_read_and_says_so(half_read, data_dir):
    res = CliRunner().invoke(main, ["--data-dir", str(data_dir), "load", "--no-default", "--partial",
                                    "--json", "--document", str(half_read)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["partial"] is True
    assert [(u["line"], u["column"]) for u in out["unread"]] == [(3, 13)]
    assert out["documents"][0]["measures"] == 1
    store = FalkorDBStore(data_dir)
    try:
        rows = store.read("MATCH (u)-[:SUPPORTS_MEASURE]->(m:Measure) RETURN u.name ORDER BY u.name").rows
        assert sorted(r[0] for r in rows) == sorted(["县卫健局", "县民政局"])
    finally:
        store.close()


def test_the_api_refuses_it_unless_partial(data_dir):
    from fastapi.testclient import TestClient
    from govgraph.api.app import create_app

    from govgraph.settings import Settings

    store = FalkorDBStore(data_dir)
    auth = {"Authorization": "Bearer partial-test-token"}
    body = {"default": False, "documents": [{"name": "half.txt", "text": HALF_READ}]}
    try:
        with TestClient(create_app(Settings(api_token="partial-test-token"), store=store)) as c:
            bad = c.post("/load", json=body, headers=auth)
            assert bad.status_code == 422, bad.text
            assert bad.json()["type"].endswith("invalid-document")
            assert "half.txt" in bad.json()["detail"] and "line 3, column 13" in bad.json()["detail"]
            ok = c.post("/load", json={**body, "partial": True}, headers=auth)
            assert ok.status_code == 200, ok.text
            assert ok.json()["partial"] is True
            assert [(u["line"], u["column"]) for u in ok.json()["unread"]] == [(3, 13)]
    finally:
        store.close()
