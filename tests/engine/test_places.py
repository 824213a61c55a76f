"""`govgraph places` and `GET /places`: real places by name or code, with their
committees and their chain up to the city."""

from __future__ import annotations

import json
import warnings

import pytest
from click.testing import CliRunner
from govgraph.queries.places import find_places

from govgraph.cli import main

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*starlette.testclient")
    from fastapi.testclient import TestClient

from govgraph.api import create_app

from govgraph.settings import Settings


def test_tadong_community_on_each_engine(store):
    [p] = find_places(store, "塔东社区")
    assert (p.id, p.name, p.level, p.kind, p.adcode, p.synthetic) == (
        "area:520402001001", "塔东社区", "community", "community", "520402001001", False)
    assert [b.name for b in p.bodies] == ["塔东社区居民委员会"]
    assert p.bodies[0].body_type == "committee:residents"
    assert [(c.name, c.level, c.adcode) for c in p.chain] == [
        ("南街街道", "street", "520402001"), ("西秀区", "county", "520402"), ("安顺市", "city", "5204")]


def test_a_body_name_or_a_code_finds_its_place(store):
    [street] = find_places(store, "南街街道办事处")
    assert (street.name, street.kind, [b.name for b in street.bodies]) == (
        "南街街道", "street", ["南街街道办事处"])
    township = find_places(store, "520402100")[0]
    assert (township.name, township.kind, township.bodies[0].name) == ("宋旗镇", "township", "宋旗镇人民政府")
    county = find_places(store, "520402")
    assert county[0].name == "西秀区"  # the exact code first, then what lies in it
    assert {p.chain[-1].name for p in county} == {"安顺市"}
    assert len(find_places(store, "5204", limit=10_000)) == 1 + 6 + 92 + 1231


def test_villages_are_villages(store):
    rows = find_places(store, "新寨村", limit=100)
    assert len([p for p in rows if p.name == "新寨村"]) == 10  # one name, ten codes
    assert all(p.kind == "village" for p in rows if p.name == "新寨村")


def test_registry_places_keep_their_chain(store):
    [p] = find_places(store, "t:street:1")
    assert p.adcode is None and p.level == "street"
    assert [c.name for c in p.chain] == ["西秀区", "安顺市"]


def test_cli_places_json_and_table(falkor_dir, falkor_store):
    run = CliRunner()
    res = run.invoke(main, ["--data-dir", str(falkor_dir), "places", "塔东社区", "--json"],
                     catch_exceptions=False)
    assert res.exit_code == 0, res.output
    [p] = json.loads(res.output)
    assert p["adcode"] == "520402001001"
    assert p["bodies"][0]["name"] == "塔东社区居民委员会"
    assert [c["name"] for c in p["chain"]] == ["南街街道", "西秀区", "安顺市"]
    table = run.invoke(main, ["--data-dir", str(falkor_dir), "places", "塔东社区"]).output
    assert "520402001001" in table and "塔东社区居民委员会" in table and "南街街道 < 西秀区" in table
    assert "Example" in run.invoke(main, ["places", "--help"]).output


@pytest.fixture
def api(store):
    with TestClient(create_app(Settings(), store=store)) as c:
        yield c


def test_api_places_is_paginated(api):
    page = api.get("/places", params={"q": "塔东社区"}).json()
    assert page["total"] == 1
    assert page["items"][0]["chain"][0]["name"] == "南街街道"
    first = api.get("/places", params={"q": "街道", "limit": 2}).json()
    assert first["total"] > 2 and len(first["items"]) == 2 and first["prev"] is None
    second = api.get(first["next"]).json()
    assert second["offset"] == 2 and second["items"][0]["id"] != first["items"][0]["id"]
    res = api.get("/places", params={"q": ""})
    assert res.status_code == 422


def _write(d, name: str, text: str) -> None:
    (d / name).write_text(text, "utf-8")


def test_a_registry_points_at_real_places_by_adcode(tmp_path):
    from govgraph.loaders.pipeline import plan_load
    from govgraph.loaders.registry import RegistryError

    _write(tmp_path, "compounds.csv", "id,name,community_id\nmy:k1,塔东小区,520402001001\n")
    _write(tmp_path, "communities.csv", "id,name,street_id\nmy:c1,新社区,520402001\n")
    _write(tmp_path, "organizations.csv",
           "id,kind,name,area_ids,parent_id\n"
           "my:env,env_property_committee,塔东社区环物委,520402001001,committee:520402001001\n")
    edges = {(e.type, e.src): e.dst for e in plan_load(registries=[tmp_path]).batch.edges}
    assert edges[("PART_OF", "my:k1")] == "area:520402001001"
    assert edges[("PART_OF", "my:c1")] == "area:520402001"
    assert edges[("LOCATED_IN", "my:env")] == "area:520402001001"
    assert edges[("PART_OF", "my:env")] == "committee:520402001001"

    _write(tmp_path, "compounds.csv", "id,name,community_id\nmy:k1,塔东小区,520402001999\n")
    with pytest.raises(RegistryError) as e:
        plan_load(registries=[tmp_path])
    assert str(e.value) == ("compounds.csv, line 2, field 'community_id': "
                            "no community with id or adcode '520402001999'")


# ---------------------------------------------------------------------------
# a synthetic city inside Anshun's real communities


def test_a_synthetic_city_lies_in_real_communities(tmp_path):
    import csv

    from govgraph.loaders.synth import anshun_communities, synthesize

    real = {c.code: c for c in anshun_communities()}
    assert len(real) == 284  # the 居民委员会 of the codes; villages get no compounds
    st = synthesize(100_000, 7, tmp_path)
    assert st.residents == 100_000
    with (tmp_path / "compounds.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["community_id"] in real and r["synthetic"] == "true" for r in rows)
    assert len({real[r["community_id"]].county_code for r in rows}) == 6
    for name in ("streets.csv", "communities.csv"):  # the real ones are not written
        assert (tmp_path / name).read_text("utf-8").count("\n") == 1
    with (tmp_path / "organizations.csv").open(encoding="utf-8") as fh:
        orgs = list(csv.DictReader(fh))
    assert all(o["synthetic"] == "true" and o["id"].startswith("syn:") for o in orgs)
    assert not {"street_office", "township_government", "residents_committee"} & {o["kind"] for o in orgs}
    envs = [o for o in orgs if o["kind"] == "env_property_committee"]
    assert envs and all(o["parent_id"] == f"committee:{o['area_ids']}" for o in envs)
    assert "real communities" in (tmp_path / "SYNTHETIC.txt").read_text("utf-8")


def test_escalation_climbs_through_real_committee_and_street_office(fresh_store, tmp_path):
    from govgraph.loaders.pipeline import execute, plan_load
    from govgraph.loaders.synth import synthesize
    from govgraph.queries import compounds

    city = tmp_path / "city"
    synthesize(3000, 11, city)
    execute(fresh_store, plan_load(registries=[city]))
    real = fresh_store.read("MATCH (a:Area) WHERE a.adcode IS NOT NULL AND a.synthetic = true "
                            "RETURN count(a) AS n").records()
    assert real == [{"n": 0}]  # real areas are never marked synthetic
    rows = compounds.find_compounds(fresh_store, "syn:compound:", 0, 1000)
    assert rows and all(r["synthetic"] for r in rows)
    for r in rows:
        chain = compounds.compound_escalation(fresh_store, r["compound_id"], "fire-lane", "2024-06-30")
        fr = chain.frame
        assert fr.community.adcode and len(fr.community.adcode) == 12
        assert fr.street.adcode == fr.community.adcode[:9] and fr.county.adcode == fr.community.adcode[:6]
        community = {b.body.id for b in chain.levels[1].bodies if b.body}
        assert f"committee:{fr.community.adcode}" in community
        street = [b.body for b in chain.levels[2].bodies if b.role == "coordinates"]
        assert [b.id for b in street] == [f"gov:{fr.street.adcode}"]
        assert street[0].synthetic is False and street[0].name.endswith(("街道办事处", "人民政府"))

    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "escalate", "--compound",
                                    rows[0]["compound_id"], "--as-of", "2024-06-30"])
    assert res.exit_code == 0, res.output
    fr = compounds.compound_escalation(fresh_store, rows[0]["compound_id"], None, "2024-06-30").frame
    assert f"{fr.community.name} ({fr.community.adcode})" in res.output
    assert f"居民委员会 [{fr.community.adcode}]" in res.output or f"居委会 [{fr.community.adcode}]" in res.output
    assert f"[{fr.street.adcode}]" in res.output
