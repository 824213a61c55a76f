"""`govgraph synth`: a synthetic city, the same for the same seed and plausible
(the city loaded and asked every place question is in tests/engine/test_synthetic_city.py)."""

from __future__ import annotations

import csv
import filecmp

from govgraph.loaders.synth import synthesize


def test_same_seed_same_city_other_seed_other_city(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    synthesize(2000, 5, a)
    synthesize(2000, 5, b)
    synthesize(2000, 6, c)
    names = sorted(p.name for p in a.iterdir())
    assert "SYNTHETIC.txt" in names and "people.csv" in names
    assert all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)
    assert not filecmp.cmp(a / "people.csv", c / "people.csv", shallow=False)


def test_synthetic_city_is_plausible(tmp_path):
    st = synthesize(20_000, 3, tmp_path)
    assert st.residents == 20_000
    with (tmp_path / "people.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["synthetic"] == "true" for r in rows)
    party = sum(r["party_member"] == "true" for r in rows) / len(rows)
    assert 0.04 < party < 0.12
    with (tmp_path / "compounds.csv").open(encoding="utf-8") as fh:
        counties = {r["community_id"][:6] for r in csv.DictReader(fh)}
    # every county of the statistical codes has compounds (in its real communities;
    # the two 管委会 zones have none of their own)
    assert counties == {"520402", "520403", "520422", "520423", "520424", "520425"}
    with (tmp_path / "organizations.csv").open(encoding="utf-8") as fh:
        kinds = {r["kind"] for r in csv.DictReader(fh)}
    assert {"owners_committee", "env_property_committee", "street_party_committee",
            "community_party_committee"} <= kinds

