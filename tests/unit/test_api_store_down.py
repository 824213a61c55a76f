"""The HTTP API when the store is down or cannot be opened: a 503 problem, not a
crash. No database: a stand-in store that fails as a lost server does, and a
Neo4j address where nothing listens."""

from __future__ import annotations

import warnings

from api_helpers import client as _client
from api_helpers import problem
from govgraph.api import create_app
from govgraph.graph.store import QueryResult, StoreError

with warnings.catch_warnings():  # starlette's note about its httpx-based test client
    warnings.filterwarnings("ignore", message=".*starlette.testclient")
    from fastapi.testclient import TestClient

from govgraph.settings import Settings


class _DownStore:
    """Answers every query as a store whose server went away does."""

    engine = "falkordb"

    def read(self, cypher, params=None) -> QueryResult:
        raise StoreError("embedded FalkorDB unavailable: Connection refused")

    async def aread(self, cypher, params=None) -> QueryResult:
        return self.read(cypher, params)

    def read_only(self, cypher, params=None, **_kw) -> QueryResult:
        return self.read(cypher, params)

    def close(self) -> None: ...

    async def aclose(self) -> None: ...


def test_health_reports_a_store_that_is_down():
    with _client(_DownStore()) as c:
        problem(c.get("/health"), 503, "store-unavailable", "Connection refused")
        problem(c.get("/measures/11/leads"), 503, "store-unavailable")


def test_store_that_cannot_be_opened_is_a_503():
    app = create_app(Settings(neo4j_uri="bolt://127.0.0.1:9"))
    with TestClient(app) as c:
        body = problem(c.get("/health"), 503, "store-unavailable")
        assert "Neo4j" in body["detail"]
