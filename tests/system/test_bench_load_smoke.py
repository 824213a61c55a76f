"""`python -m bench load` runs end to end at a tiny size on the embedded engine.

Only the shape of the report is checked, and what does not depend on the
machine: both loads write the same graph, each reports its peak RSS. No test
asserts a timing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import REPO

sys.path.insert(0, str(REPO))  # `bench` is a folder of the repository, not an installed package

from bench import load as bench_load  # noqa: E402

pytestmark = pytest.mark.slow


def test_bench_load_smoke(tmp_path: Path):
    out = tmp_path / "results"
    res = bench_load.run([300], ["falkordb"], seed=3, repeat=1, workdir=tmp_path / "work",
                         neo4j_uri=None, out=out, warmup=False)
    [s] = res["summary"]
    assert s["same_entities"] and s["entities"] > 600
    assert {r["mode"] for r in res["loads"]} == {"whole", "stream"}
    for r in res["loads"]:
        assert r["python_peak_rss_mb"] > 0 and r["end_to_end_s"] > 0 and r["stored_nodes"] > 300
    assert (out / "load.md").read_text().startswith("# Registry loads end to end")


def test_bench_load_smoke_streamed_only_with_lookups(tmp_path: Path):
    """A size above --whole-max is loaded streamed only; --lookups asks the graph it left."""
    out = tmp_path / "results"
    res = bench_load.run([300, 600], ["falkordb"], seed=3, repeat=1, workdir=tmp_path / "work",
                         neo4j_uri=None, out=out, warmup=False, whole_max=300, lookups=True,
                         calls=50, name="load-smoke")
    small, big = res["summary"]
    assert small["same_entities"] and "whole_write_entities_per_s" not in big
    assert [r["mode"] for r in res["loads"] if r["size"] == 600] == ["stream"]
    assert all(len(r["loadavg_start"]) == 3 for r in res["loads"])
    ops = {(r["size"], r["op"]) for r in res["lookups"]}
    assert ops == {(n, op) for n in (300, 600)
                   for op in ("round_trip_floor", "who_leads_measure", "escalation_chain")}
    assert all(r["calls"] == 50 and r["p99_ms"] >= r["p50_ms"] > 0 for r in res["lookups"])
    assert (out / "load-smoke.md").exists() and (out / "load-smoke.json").exists()


def test_bench_load_smoke_api_on_the_loaded_graph(tmp_path: Path):
    """--api serves the graph the load left and drives it both ways; --no-load then
    measures the same store again without loading it."""
    out = tmp_path / "results"
    kw = dict(seed=3, repeat=1, workdir=tmp_path / "work", neo4j_uri=None, out=out, warmup=False,
              whole_max=0, api=True, api_seconds=1.0, api_concurrency=[1, 4], name="load-api")
    res = bench_load.run([300], ["falkordb"], **kw)
    api = res["api"]
    assert {(r["way"], r["concurrency"]) for r in api if r["endpoint"].startswith("point")} == {
        (w, c) for w in ("shared", "alone") for c in (1, 4)}
    assert {r["way"] for r in api if "in turn" in r["endpoint"]} == {"shared", "alone"}
    assert all(r["requests"] > 0 and r["errors"] == 0 and len(r["loadavg_start"]) == 3
               and r["api_cpu_s"] > 0 for r in api)
    assert "every request reading alone, best" in (out / "load-api.md").read_text()
    again = bench_load.run([300], ["falkordb"], **{**kw, "no_load": True})
    assert not again["loads"] and not again["summary"]
    assert {r["way"] for r in again["api"]} == {"shared", "alone"}
