"""`govgraph synth` then `govgraph load --registry`: a synthetic city answers every
place-level question, on both engines."""

from __future__ import annotations

import csv
import filecmp

import pytest
from click.testing import CliRunner
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.loaders.synth import synthesize
from govgraph.queries import answers, compounds

from govgraph.cli import main

DAY = "2024-06-30"


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


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    d = tmp_path_factory.mktemp("synth")
    res = CliRunner().invoke(main, ["synth", "--residents", "8000", "--seed", "21", "--out", str(d)])
    assert res.exit_code == 0, res.output
    assert "SYNTHETIC" in res.output
    return d


@pytest.fixture(params=["falkor", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def city_store(request, city, tmp_path_factory, default_plan):
    plan = plan_load(registries=[city])
    if request.param == "falkor":
        d = tmp_path_factory.mktemp("synth-falkor")
        store = FalkorDBStore(d)
        execute(store, plan)
        yield store
        store.close()
        embedded_server.stop(d)
    else:
        store = request.getfixturevalue("neo4j_store")
        store.clear()
        execute(store, plan)
        yield store
        store.clear()  # give the shared Neo4j its usual graph back
        execute(store, default_plan)


def test_every_place_question_answers_for_a_synthetic_compound(city_store):
    picked = compounds.find_compounds(city_store, "", 0, 1000)
    assert picked and all(r["synthetic"] for r in picked)
    governed = None
    for row in picked:
        res = compounds.compound_responsibility(city_store, row["compound_id"], DAY)
        assert res.frame.street.id and res.frame.county.id
        chain = compounds.compound_escalation(city_store, row["compound_id"], "fire-lane", DAY)
        assert [lv.order for lv in chain.levels] == [1, 2, 3, 4, 5, 6]
        for lv in chain.levels:
            assert lv.gap or lv.bodies  # a level is either staffed or reported as a gap
        if res.governing_bodies and governed is None:
            governed = res.governing_bodies[0]
    assert governed is not None
    leaders = compounds.org_leaders(city_store, governed.id, DAY)
    assert leaders.leaders
    for name in ("ungoverned", "party-share", "blacklisted"):
        compounds.audit(city_store, name, DAY, limit=10)
    assert answers.load_report(city_store)["nodes"]["Resident"] >= 8000


def test_reloading_a_synthetic_city_changes_nothing(city_store, city):
    before = answers.load_report(city_store)
    execute(city_store, plan_load(registries=[city]))
    assert answers.load_report(city_store) == before
