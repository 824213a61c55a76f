"""`python -m bench analytics` runs end to end at a tiny size on the embedded engine.

Only the shape of the report is checked, and what does not depend on the
machine: every analysis measured, the rows each read, and a compound's brokers
reading only that compound's frame. No test asserts a timing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import REPO

sys.path.insert(0, str(REPO))  # `bench` is a folder of the repository, not an installed package

from bench import analytics as bench_analytics  # noqa: E402
from bench.__main__ import main  # noqa: E402

pytestmark = pytest.mark.slow

ANALYSES = {"degree", "centrality", "communities", "concentration", "unled", "diff", "hierarchy",
            "hierarchy, scanning read (before)", "hierarchy of a street", "hierarchy of a county",
            "brokers", "brokers, scanning reads (before)", "brokers of a street",
            "brokers of a county"}


def test_bench_analytics_smoke(tmp_path: Path):
    out = tmp_path / "results"
    res = bench_analytics.run([300, 600], seed=3, calls=2, workdir=tmp_path / "work", out=out,
                              log=lambda msg: None)
    assert res["errors"] == []
    assert [s["size"] for s in res["sizes"]] == [300, 600]
    for s in res["sizes"]:
        assert s["graph_nodes"] > s["residents"] and s["graph_edges"] > 0 and s["load_s"] > 0
        by = {r["analysis"]: r for r in s["analyses"]}
        assert set(by) == ANALYSES
        for r in by.values():
            assert r["calls"] == 2 and 0 < r["median_ms"] <= r["max_ms"]
            assert r["reads"] > 0 and r["python_alloc_peak_mb"] > 0 and r["python_rss_peak_mb"] > 0
        # The seed notice's networks whatever the city: 21 units, 155 co-responsible pairs.
        assert (by["centrality"]["projection_nodes"], by["centrality"]["projection_edges"]) == (21, 155)
        # Brokers and the place analyses read the place's own subgraph through the anchored
        # reads; the documents' hierarchy reads structure_facts, not a scan.
        assert by["brokers"]["read_names"] == ["place_frame", "structure_around"]
        for name in ("brokers of a street", "brokers of a county"):
            assert by[name]["read_names"] == ["place_frame", "structure_around"]
        for name in ("hierarchy of a street", "hierarchy of a county"):
            assert by[name]["read_names"] == ["documents", "place_frame", "structure_around"]
        assert by["hierarchy"]["read_names"] == ["documents", "structure_facts"]
    # The document analyses read the same rows in both cities: nothing about residents.
    small, large = ({r["analysis"]: r["rows_read"] for r in s["analyses"]} for s in res["sizes"])
    for name in ("degree", "centrality", "communities", "concentration", "unled", "diff", "hierarchy"):
        assert small[name] == large[name], name
    md = (out / "analytics.md").read_text()
    assert "| brokers | 300 |" in md and "SYNTHETIC" in md
    assert (out / "analytics.json").exists()


def test_bench_analytics_refuses_zero_calls(capsys):
    with pytest.raises(SystemExit):
        main(["analytics", "--calls", "0", "--no-write"])
    assert "--calls must be at least 1" in capsys.readouterr().err
