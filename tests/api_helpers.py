"""Helpers for the HTTP API's tests: an app on a given store behind FastAPI's
TestClient, and the check every error response must pass (an RFC 9457 problem)."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

from pydantic import SecretStr

with warnings.catch_warnings():  # starlette's note about its httpx-based test client
    warnings.filterwarnings("ignore", message=".*starlette.testclient")
    from fastapi.testclient import TestClient

from govgraph.api import create_app
from govgraph.graph.store import GraphStore
from govgraph.queries.persons import Role

from govgraph.settings import Settings

TOKEN = "test-token-s3cr3t-4f9a"


def client(store: GraphStore, **settings) -> TestClient:
    """The app on ``store``; its key file and audit log in a directory of its own
    (the data directory unless ``settings`` names one)."""
    if "data_dir" not in settings:
        settings["data_dir"] = Path(tempfile.mkdtemp(prefix="govgraph-api-"))
    s = Settings(**{"api_token": SecretStr(TOKEN), **settings})
    return TestClient(create_app(s, store=store))


def analyst_key(api: TestClient) -> dict[str, str]:
    """The headers of a fresh analyst key in ``api``'s key file."""
    _, key = api.app.state.keys.create(Role.ANALYST, "test analyst")
    return {"Authorization": f"Bearer {key}"}


ADMIN = {"Authorization": f"Bearer {TOKEN}"}


def problem(res, status: int, slug: str | None = None, detail: str | None = None) -> dict:
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith("application/problem+json")
    body = res.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status and body["detail"] and body["title"]
    if slug:
        assert body["type"] == f"/problems/{slug}"
    if detail:
        assert detail in body["detail"], body["detail"]
    return body
