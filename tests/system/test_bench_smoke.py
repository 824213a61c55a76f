"""The benchmark harness runs end to end at a tiny size on both engines.

Only the shape of the report is checked (every section, positive numbers): no
test asserts a timing; the figures live in bench/results/ only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import REPO

sys.path.insert(0, str(REPO))  # `bench` is a folder of the repository, not an installed package

from bench.harness import Config, run  # noqa: E402
from bench.report import markdown  # noqa: E402

pytestmark = pytest.mark.slow

SECTIONS = ("synth", "load", "baseline", "lookups", "floor", "http")
OPS = {"who_leads_measure", "compound_responsible", "escalation_chain", "audit_ungoverned"}


def _config(tmp_path: Path, engine: str, neo4j_uri: str | None = None,
            profile: bool = False, repeat: int = 1, warmup_rounds: int = 0) -> Config:
    return Config(sizes=[1_000], engines=[engine], calls=20, audit_calls=3, warmup_calls=3,
                  baseline_max=1_000, http_seconds=1, http_concurrency=[2], neo4j_uri=neo4j_uri,
                  workdir=tmp_path / "work", out=tmp_path / "results", warmup_rounds=warmup_rounds,
                  write_results=True, profile=profile, floor_rows=2_000, repeat=repeat)


def _check(res: dict, engine: str, out: Path) -> None:
    assert res["errors"] == [], res["errors"]
    for section in SECTIONS:
        assert res[section], f"section {section!r} is empty"
    (load,) = [r for r in res["load"] if r["engine"] == engine]
    for key in ("entities", "edges", "write_s", "entities_per_s", "edges_per_s",
                "end_to_end_entities_per_s", "python_peak_rss_mb", "db_peak_rss_mb", "reload_s"):
        assert load[key] > 0, key
    assert load["stored_entities"] == load["entities"]
    # The embedded server is restarted after its load (the graph must come back);
    # Neo4j's is not ours to restart.
    if engine == "falkordb":
        assert load["restart_s"] > 0
    else:
        assert load["restart_s"] is None
    (base,) = res["baseline"]
    assert base["entities_per_s"] > 0 and base["stored_entities"] == load["entities"]
    (synth,) = res["synth"]
    assert synth["seconds"] > 0 and synth["python_peak_rss_mb"] > 0 and synth["plan_s"] > 0
    assert {r["op"] for r in res["lookups"]} == OPS
    assert {r["op"] for r in res["floor"]} == OPS
    for r in res["lookups"] + res["floor"]:
        assert r["calls"] > 0 and r["p50_ms"] > 0 and r["p99_ms"] >= r["p50_ms"]
    for h in res["http"]:
        assert h["requests"] > 0 and h["requests_per_s"] > 0 and h["p99_ms"] > 0
        assert h["errors"] >= 0
    # The API is driven as served by default, with every request reading alone,
    # and with the answer cache on.
    assert any(h["endpoint"].startswith("point lookup") for h in res["http"])
    for variant in ("alone", "cached"):
        assert any(h["endpoint"].startswith(variant) and "point lookup" in h["endpoint"]
                   for h in res["http"]), variant
    assert {t["target"].split(" (")[0] for t in res["targets"]} >= {
        "API point lookup", "API point lookup, every request reading alone",
        "API point lookup with --answer-cache 1"}
    assert res["targets"]
    # How fast the machine ran Python at either end of the run, for comparing runs.
    assert res["meta"]["cpu_check_ms"]["start"] > 0 and res["meta"]["cpu_check_ms"]["end"] > 0
    md = markdown(res)
    assert "A fixed Python loop" in md
    for heading in ("## Load", "## Per-row baseline", "## Synth and plan",
                    "## Lookups through the Python API", "## HTTP API"):
        assert heading in md
    assert (out / "latest.json").exists() and (out / "latest.md").exists()


def test_bench_smoke_embedded(tmp_path):
    res = run(_config(tmp_path, "falkordb", repeat=3))
    _check(res, "falkordb", tmp_path / "results")
    # --repeat 3: three timed loads, the median one reported, all three kept.
    (load,) = res["load"]
    assert load["runs"] == 3 and len(load["write_s_runs"]) == 3
    assert load["write_s"] == sorted(load["write_s_runs"])[1]
    assert "(median of 3;" in markdown(res)


@pytest.mark.neo4j
def test_bench_smoke_neo4j(tmp_path, neo4j_uri, request):
    # The harness wipes the database it is given; the session's other Neo4j tests
    # share it, so put their graph back afterwards.
    from govgraph.graph.neo4j_store import Neo4jStore
    from govgraph.loaders.pipeline import execute

    try:
        res = run(_config(tmp_path, "neo4j", neo4j_uri, profile=True, warmup_rounds=1))
    finally:
        # Put the shared Neo4j's test dataset back (its residents' records go to a
        # personal store of this test's own).
        with Neo4jStore(neo4j_uri, personal_dir=tmp_path / "personal") as store:
            store.clear()
            execute(store, request.getfixturevalue("default_plan"))
    _check(res, "neo4j", tmp_path / "results")
    assert res["meta"]["engines"]["neo4j"]["bolt_keep_alive"] in ("STREAMING", "ALL", "OFF")
    assert "Neo4j Bolt keep-alive" in markdown(res)
    # Neo4j's write floor ran after the sizes, gave a ceiling for the load, and left nothing.
    f = res["write_floor"]
    assert f["rows"] == 2_000 and f["node_per_s"] > 0 and f["rel_per_s"] > 0
    assert f["node_cpu_us"] > 0 and f["rel_cpu_us"] > 0
    (load,) = res["load"]
    assert f["ceiling"]["entities"] == load["entities"] and f["ceiling"]["entities_per_s"] > 0
    assert "## Neo4j write floor" in markdown(res)
    # ... and the same rows as loads by the store's writers, bare and with one property.
    assert [ld["shape"] for ld in f["loads"]] == ["bare", "one_property"]
    for ld in f["loads"]:
        assert ld["rows"] == 2_000 and ld["writers"] == 2 and ld["db_cpu_s"] > 0
        assert ld["seconds"] == pytest.approx(ld["node_s"] + ld["index_s"] + ld["rel_s"])
        assert ld["entities_per_s"] == pytest.approx(2_000 / ld["seconds"])
    assert "The same rows as a load" in markdown(res)
    (load_target,) = [t for t in res["targets"] if t["target"].startswith("load into Neo4j")]
    assert load_target["met"] or "the write floor as a load (2,000 rows, 2 writers)" in load_target["gap"]
    with Neo4jStore(neo4j_uri) as store:
        assert store.read("MATCH (n:BenchWriteFloor) RETURN count(n)").rows == [[0]]
        assert not store.read("SHOW INDEXES YIELD name WHERE name = 'bench_write_floor_id' "
                              "RETURN name").rows
    # With --profile, the Neo4j server's JVM is profiled too (Flight Recorder).
    server = {k: p for k, p in res["profiles"].items() if k.endswith("(server)")}
    assert {k.split()[0] for k in server} == {"load", "serve"}
    for p in server.values():
        assert p["samples"] >= 0 and p["gc_count"] >= 0
        if p["samples"]:
            assert abs(sum(x["share"] for x in p["subsystems"]) - 1) < 1e-9
    assert "Java Flight Recorder on the Neo4j JVM" in markdown(res)
    # The JVM's first recording was made in the warm-up, before anything was timed.
    assert res["meta"]["flight_recorder_primed_in_warm_up"] is True
    assert not list((tmp_path / "work").glob("**/*.jfr"))  # summarised, then dropped


