"""`govgraph synth` then `govgraph load --registry`: a synthetic city answers every
place-level question, on both engines."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.queries import answers, compounds

from govgraph.cli import main

DAY = "2024-06-30"


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
