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


def test_place_analytics_on_a_synthetic_street_and_county(city_store):
    """A street's brokers are its compounds' own brokers gathered by body (nothing
    more, nothing less), its county's include them; the place's hierarchy holds every
    body located in it; each answer says what it read."""
    from govgraph.queries import analytics
    from govgraph.queries.flow import drive

    row = compounds.find_compounds(city_store, "", 0, 1)[0]
    frame = compounds.compound_responsibility(city_store, row["compound_id"], DAY).frame
    street, county = frame.street.id, frame.county.id
    place, _, _ = drive(city_store, analytics.place_flow(street, DAY))
    assert row["compound_id"] in place.compounds and len(place.compounds) >= 2
    res = analytics.place_brokers(city_store, street, DAY)
    assert res.compounds == len(place.compounds) and res.level == "street"
    assert res.items, "a synthetic street's compounds depend on someone"
    expected: dict[str, set[str]] = {}
    cut_off = set()
    for k in place.compounds:
        one = analytics.brokers(city_store, k, DAY)
        for b in one.items:
            expected.setdefault(b.body.id, set()).add(k)
        if not one.reached:
            cut_off.add(k)
    assert {b.body.id: {c.id for c in b.compounds} for b in res.items} == expected
    assert {c.id for c in res.cut_off} == cut_off
    wide = analytics.place_brokers(city_store, county, DAY)
    assert wide.compounds >= res.compounds and wide.level == "county"
    by_body = {b.body.id: {c.id for c in b.compounds} for b in wide.items}
    for body, ks in expected.items():
        assert ks <= by_body[body]
    h = analytics.hierarchy(city_store, place=street, as_of=DAY)
    located = {b["body_id"] for a in place.inside for b in place.areas[a]["bodies"] if b}
    assert located <= {x.unit.id for x in h.items}
    assert any(x.supervises for x in h.items if x.level == "street")
    for ans in (res, wide, h):
        assert ans.basis.generation and ans.basis.documents and ans.basis.as_of == DAY
    assert h.basis.place == street and wide.basis.place == county
