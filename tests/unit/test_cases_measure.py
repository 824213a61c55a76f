"""The measure of measure 13 over cases, without a store: figures on canned cases
worked out by hand, and synth's cases (deterministic, synthetic, valid)."""

from __future__ import annotations

import csv

import pytest
from govgraph.loaders.pipeline import plan_load
from govgraph.loaders.synth import synthesize
from govgraph.queries.answers import InvalidArgument
from govgraph.queries.cases import CaseOut, measure_rows
from govgraph.queries.compounds import PlaceRef


def _case(i: int, compound: str, governing: str, outcome: str, level: str | None = None,
          days: int | None = None, skips: int = 0, off: int = 0, overdue: bool = False) -> CaseOut:
    p = PlaceRef(id=compound, name=compound)
    return CaseOut(id=f"c{i}", compound=p, community=PlaceRef(id="comm", name="社区"),
                   street=PlaceRef(id="st", name="街道"), county=PlaceRef(id="cy", name="县"),
                   governing=governing, issue="fire-lane", issue_text=None, chain_issue="fire-lane",
                   channel="owner", opened="2024-01-01", outcome=outcome, resolved_level=level,
                   closed=None, due="2024-02-01", overdue=overdue, days_to_resolve=days,
                   skipped_steps=skips, off_chain_steps=off, steps=[], synthetic=True,
                   citation={"file": "cases.csv", "line": i + 1})


CASES = [
    _case(1, "a", "owners-committee-party", "resolved", "compound", 2),
    _case(2, "a", "owners-committee-party", "resolved", "compound", 4),
    _case(3, "a", "owners-committee-party", "resolved", "street", 9, skips=1),
    _case(4, "b", "none", "resolved", "community", 6),
    _case(5, "b", "none", "resolved", "city", 40, off=2),
    _case(6, "b", "none", "open", overdue=True),
    _case(7, "b", "none", "withdrawn"),
]


def test_figures_by_hand():
    total, rows = measure_rows(CASES, "compound")
    # 5 resolved: compound 2, community 1, street 1, city 1
    assert (total.cases, total.resolved, total.open, total.withdrawn, total.overdue) == (7, 5, 1, 1, 1)
    assert (total.within_compound, total.within_community, total.within_street) == (0.4, 0.6, 0.8)
    assert total.share_at["city"] == 0.2 and total.median_days == 6.0  # 2, 4, 6, 9, 40
    assert (total.skipped_steps, total.off_chain_steps, total.off_chain_cases) == (1, 2, 1)
    a, b = sorted(rows, key=lambda r: r.key)
    assert (a.key, a.body_type, a.within_compound, a.median_days) == ("a", "owners-committee-party",
                                                                       0.6667, 4.0)
    assert (b.key, b.body_type, b.within_compound, b.within_community, b.median_days) == (
        "b", "none", 0.0, 0.5, 23.0)
    assert [r.key for r in rows] == ["b", "a"]  # most cases first
    by_type = {r.key: r.cases for r in measure_rows(CASES, "body-type")[1]}
    assert by_type == {"none": 4, "owners-committee-party": 3}
    assert total.synthetic is True


def test_no_resolved_case_gives_no_share():
    total, _ = measure_rows([_case(1, "a", "none", "open")], "street")
    assert total.within_compound is None and total.median_days is None
    with pytest.raises(InvalidArgument):
        measure_rows(CASES, "planet")


def test_synth_writes_the_same_valid_synthetic_cases_per_seed(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    synthesize(3000, 11, a)
    synthesize(3000, 11, b)
    for f in ("cases.csv", "case_steps.csv"):
        assert (a / f).read_text("utf-8") == (b / f).read_text("utf-8")
    rows = list(csv.DictReader((a / "cases.csv").open(encoding="utf-8")))
    assert rows and all(r["synthetic"] == "true" for r in rows)
    assert set(rows[0]) >= {"id", "compound_id", "issue", "channel", "opened", "outcome"} and not (
        set(rows[0]) & {"name", "person_id", "complainant"})
    batch = plan_load(registries=[a]).batch  # every row passes the loader's checks
    assert sum(1 for n in batch.nodes if n.kind == "Case") == len(rows)
