"""A bounded load test over loopback: a few hundred concurrent clients hold
lookups against `govgraph serve` with zero errors; p99 is reported, not asserted.

CI runs a short mode; GOVGRAPH_LOAD_SECONDS=60 GOVGRAPH_LOAD_CLIENTS=300 is the
on-demand run. Only 127.0.0.1 is ever addressed, and the loop stops by itself.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import time

import httpx
import pytest
from govgraph.graph import embedded_server
from helpers import REGISTRY, REPO
from serving import CLI, serve

pytestmark = pytest.mark.slow

ARTIFACTS = REPO / "artifacts"
SECONDS = float(os.environ.get("GOVGRAPH_LOAD_SECONDS", "8"))
CLIENTS = int(os.environ.get("GOVGRAPH_LOAD_CLIENTS", "200"))
PATHS = ["/measures/11/leads", "/units/市住建局/duties", "/compounds/t:cpd:1/responsible",
         "/escalation?issue=fire-lane", "/organizations/t:org:oc1/leaders"]


@pytest.fixture(scope="module", params=["falkor", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def base(request, tmp_path_factory):
    data = tmp_path_factory.mktemp("load")
    env = {**os.environ, "GOVGRAPH_DATA_DIR": str(data)}
    env.pop("GOVGRAPH_NEO4J_URI", None)

    if request.param == "neo4j":
        request.getfixturevalue("neo4j_store")  # the shared Neo4j holds the test dataset
        env["GOVGRAPH_NEO4J_URI"] = request.getfixturevalue("neo4j_uri")
    else:
        subprocess.run([*CLI, "load", "--registry", str(REGISTRY)], env=env, check=True,
                       capture_output=True, timeout=300)
    with serve(env, data / "serve.log", "--log-level", "warning") as url:
        yield url, request.param
    embedded_server.stop(data)


async def _client(http: httpx.AsyncClient, stop_at: float, i: int, lat: list[float],
                  errors: list[str]) -> None:
    n = i
    while time.monotonic() < stop_at:
        path = PATHS[n % len(PATHS)]
        n += 1
        t0 = time.perf_counter()
        try:
            res = await http.get(path)
            if res.status_code != 200:
                errors.append(f"{path}: {res.status_code}")
        except httpx.HTTPError as e:
            errors.append(f"{path}: {type(e).__name__}")
        lat.append(time.perf_counter() - t0)


async def _run(url: str) -> tuple[list[float], list[str]]:
    lat: list[float] = []
    errors: list[str] = []
    # Expire idle connections before the server does (it keeps them 30 s), so a
    # request never races the server closing its connection.
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS,
                          keepalive_expiry=10)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:
        stop_at = time.monotonic() + SECONDS
        await asyncio.gather(*(_client(http, stop_at, i, lat, errors) for i in range(CLIENTS)))
    return lat, errors


def test_hundreds_of_concurrent_clients_get_no_errors(base):
    url, engine = base
    assert url.startswith("http://127.0.0.1:")
    lat, errors = asyncio.run(_run(url))
    assert lat, "no request completed"
    assert errors == [], errors[:10]
    lat.sort()
    report = {"engine": engine, "clients": CLIENTS, "seconds": SECONDS, "requests": len(lat),
              "req_per_s": round(len(lat) / SECONDS, 1),
              "p50_ms": round(lat[len(lat) // 2] * 1000, 1),
              "p99_ms": round(lat[int(len(lat) * 0.99) - 1] * 1000, 1), "errors": len(errors)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"load-{engine}.json").write_text(json.dumps(report, indent=2))
    print("load:", report)
