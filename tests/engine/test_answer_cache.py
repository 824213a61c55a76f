"""`serve --answer-cache`: GET answers kept per graph generation.

A cached answer is the answer the store gives; a load through the app is seen
by the next request, a load by another process within the configured interval;
errors, /health and the default configuration are never cached."""

from __future__ import annotations

import time
import warnings

from pydantic import SecretStr

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*starlette.testclient")
    from fastapi.testclient import TestClient

from govgraph.api import create_app
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.graph.model import GraphBatch, RelType
from govgraph.queries import generation_cache

from govgraph.settings import Settings

TOKEN = "cache-test-token-7e1d"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LEADS = "/measures/11/leads"


def _client(store, ttl: float) -> TestClient:
    return TestClient(create_app(Settings(api_token=SecretStr(TOKEN), answer_cache_s=ttl),
                                 store=store))


def _other_process(store):
    if isinstance(store, FalkorDBStore):
        return FalkorDBStore(store.data_dir)
    from govgraph.graph.neo4j_store import Neo4jStore

    return Neo4jStore(store.uri)


def test_a_cached_answer_is_the_stored_answer(store):
    with _client(store, 60) as cached, TestClient(create_app(Settings(), store=store)) as plain:
        first = cached.get(LEADS)
        second = cached.get(LEADS)
        direct = plain.get(LEADS)
    assert first.status_code == second.status_code == direct.status_code == 200
    assert first.headers["x-answer-cache"] == "miss"
    assert second.headers["x-answer-cache"] == "hit"
    assert first.headers["x-graph-generation"] == second.headers["x-graph-generation"] \
        == generation_cache.graph_generation(store)
    assert second.content == first.content == direct.content
    assert second.headers["content-type"] == direct.headers["content-type"]
    assert "x-answer-cache" not in direct.headers  # off by default


def test_errors_and_health_are_not_kept(falkor_store):
    with _client(falkor_store, 60) as c:
        for _ in range(2):
            res = c.get("/measures/99/leads")
            assert res.status_code == 404 and res.headers["x-answer-cache"] == "miss"
            assert "x-answer-cache" not in c.get("/health").headers
        # Distinct URLs are distinct answers.
        assert c.get("/measures/11/leads").json() != c.get("/measures/12/leads").json()


def _rename_a_handler(default_plan, action: str):
    edge = next(e for e in default_plan.batch.edges
                if e.type == RelType.HANDLES and e.dst == "issue:fire-lane"
                and e.src == "company:property")
    return edge, edge.model_copy(update={"props": {**edge.props, "action": action}})


def test_a_load_by_another_process_is_seen_after_the_interval(store, default_plan):
    url = "/escalation?issue=fire-lane"
    edge, renamed = _rename_a_handler(default_plan, "先行劝阻(缓存测试)")
    other = _other_process(store)
    try:
        with _client(store, 3600) as slow, _client(store, 0.2) as quick:
            before = slow.get(url)
            assert before.status_code == 200, before.text
            assert quick.get(url).content == before.content
            other.write_batch(GraphBatch(edges=[renamed]))
            # Within its interval an app answers as before (the documented lag) ...
            kept = slow.get(url)
            assert kept.headers["x-answer-cache"] == "hit" and kept.content == before.content
            # ... and once the interval has passed it reads the new graph.
            time.sleep(0.25)
            after = quick.get(url)
            assert after.headers["x-answer-cache"] == "miss"
            assert after.headers["x-graph-generation"] != before.headers["x-graph-generation"]
            assert "先行劝阻(缓存测试)" in after.text
    finally:
        other.write_batch(GraphBatch(edges=[edge]))
        if not isinstance(other, FalkorDBStore):
            other.close()


def test_a_load_through_the_app_is_seen_by_the_next_request(fresh_store):
    with _client(fresh_store, 3600) as c:
        assert c.get(LEADS).status_code == 404  # empty graph: no generation, nothing kept
        assert c.post("/load", json={}, headers=AUTH).status_code == 200
        first = c.get(LEADS)
        assert first.status_code == 200 and first.headers["x-answer-cache"] == "miss"
        assert c.get(LEADS).headers["x-answer-cache"] == "hit"
        assert c.post("/load", json={}, headers=AUTH).status_code == 200
        again = c.get(LEADS)
        assert again.headers["x-answer-cache"] == "miss"
        assert again.headers["x-graph-generation"] != first.headers["x-graph-generation"]
        assert again.content == first.content  # the same load: the same answer


