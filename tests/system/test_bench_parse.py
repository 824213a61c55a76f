"""The parsing benchmark runs and reports every layout family (its figures are
for bench/results, never asserted here)."""

from __future__ import annotations

import json
import sys

from helpers import REPO

sys.path.insert(0, str(REPO))  # `bench` is a folder of the repository, not an installed package

from bench import parse as parse_bench  # noqa: E402


def test_the_parse_benchmark_grows_each_family_and_reports_the_ratio(tmp_path):
    assert parse_bench.main([3_000, 30_000], 1, tmp_path) == 0
    results = (tmp_path / "parse.json").read_text("utf-8")
    for family in ("numbered", "brackets", "table", "duties"):
        assert f'"{family}"' in results
    res = json.loads(results)  # what run() returned, as main() wrote it (one run, not two)
    for fam in res["families"].values():
        small, large = fam["rows"]
        assert large["chars"] > small["chars"] and large["measures"] > small["measures"] > 0
        assert fam["cost_per_char_largest_vs_smallest"] is not None
