"""Real places: Anshun's statistical divisions in the default graph, and any region's
from the national files (``load --divisions``)."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources

import pytest
from govgraph.loaders.divisions import (
    DivisionError,
    bundled_files,
    community_kind,
    read_bundled,
    street_kind,
)
from govgraph.loaders.pipeline import execute, plan_load

ZONES = ("安顺经济技术开发区", "黄果树旅游区")


@pytest.fixture(scope="module")
def plan():
    return plan_load()


@pytest.fixture(scope="module")
def nodes(plan):
    return {n.id: n for n in plan.batch.deduplicated().nodes}


def test_bundled_slice_holds_anshun():
    div = read_bundled()
    assert [div.count(lv) for lv in ("cities", "areas", "streets", "villages")] == [1, 6, 92, 1231]
    assert {r.code[:4] for lv in div.rows.values() for r in lv} == {"5204"}


def test_bundled_files_are_package_data():
    root = resources.files("govgraph.loaders").joinpath("data")
    for name in ("anshun_cities.csv", "anshun_areas.csv", "anshun_streets.csv",
                 "anshun_villages.csv", "anshun_divisions.md"):
        assert root.joinpath(name).is_file(), name


def test_names_tell_the_body_apart():
    assert street_kind("南街街道") == ("南街街道", "street", "南街街道办事处", "gov:street-office")
    assert street_kind("宋旗镇") == ("宋旗镇", "township", "宋旗镇人民政府", "gov:township")
    assert street_kind("东屯乡")[2] == "东屯乡人民政府"
    assert street_kind("漓东街道办事处") == ("漓东街道", "street", "漓东街道办事处", "gov:street-office")
    assert street_kind("某某经济开发区")[1:] == ("other", None, None)
    assert community_kind("塔东社区居民委员会") == ("塔东社区", "community", True)
    assert community_kind("麻郎居委会") == ("麻郎", "community", True)
    assert community_kind("新寨村村民委员会") == ("新寨村", "village", True)
    assert community_kind("大乐歌村委会") == ("大乐歌", "village", True)
    assert community_kind("某某社区") == ("某某社区", "community", False)


def test_default_plan_has_every_street_and_committee(nodes):
    by = Counter((n.kind, n.props.get("level") or n.props.get("tier")) for n in nodes.values()
                 if n.props.get("adcode"))
    assert by[("Area", "street")] == 92
    assert by[("Area", "community")] == 1231
    assert by[("Department", "street")] == 92
    assert by[("Committee", "community")] == 1231
    kinds = Counter(n.props["street_kind"] for n in nodes.values()
                    if n.kind == "Area" and n.props.get("level") == "street")
    assert kinds == {"township": 66, "street": 26}
    bodies = Counter(n.props["body_type"] for n in nodes.values()
                     if n.kind == "Department" and n.props.get("adcode"))
    assert bodies == {"gov:township": 66, "gov:street-office": 26}
    assert not any(n.props.get("synthetic") for n in nodes.values() if n.props.get("adcode"))


def test_counties_are_the_unit_registrys_not_copies(nodes):
    counties = [n for n in nodes.values() if n.kind == "Area" and n.props.get("level") == "county"]
    assert len(counties) == 8  # six from the codes, two zones from the notice
    coded = {n.name: n.props.get("adcode") for n in counties}
    assert coded["西秀区"] == "520402" and coded["紫云苗族布依族自治县"] == "520425"
    xixiu = nodes["area:西秀区"]
    assert xixiu.props["registry_file"] == "units.toml"  # the unit registry states it …
    assert (xixiu.props["division_file"], xixiu.props["division_line"]) == ("anshun_areas.csv", 2)
    assert nodes["area:安顺市"].props["adcode"] == "5204"
    assert not any(i.startswith("area:5204") and len(i) == len("area:520402") for i in nodes)


def test_the_two_zones_get_no_invented_code(nodes):
    for zone in ZONES:
        assert "adcode" not in nodes[f"area:{zone}"].props
    assert not any(n.props.get("adcode", "").startswith("5204") and n.props.get("adcode") not in
                   {r.code for lv in read_bundled().rows.values() for r in lv}
                   for n in nodes.values())


def test_every_fact_cites_its_file_and_row(plan):
    files = bundled_files()
    lines = {p.name: list(csv.reader(p.open(encoding="utf-8"))) for p in files.values()}
    batch = plan.batch.deduplicated()
    checked = 0
    for n in batch.nodes:
        p = n.props
        if p.get("registry_file") in lines:
            row = lines[p["registry_file"]][p["registry_line"] - 1]
            assert row[0] == p["adcode"]
            checked += 1
    for e in batch.edges:
        p = e.props
        if p.get("registry_file") in lines:
            row = lines[p["registry_file"]][p["registry_line"] - 1]
            assert e.src.endswith(row[0])
            checked += 1
    assert checked > 2 * (92 + 1231) * 2 - 10


def test_parents_and_locations(plan):
    edges = {(e.type, e.src): e.dst for e in plan.batch.edges}
    assert edges[("PART_OF", "area:520402001001")] == "area:520402001"
    assert edges[("PART_OF", "area:520402001")] == "area:西秀区"
    assert edges[("PART_OF", "area:520425203")] == "area:紫云苗族布依族自治县"
    assert edges[("LOCATED_IN", "committee:520402001001")] == "area:520402001001"
    assert edges[("LOCATED_IN", "gov:520402001")] == "area:520402001"


COUNT = """
MATCH (a:Area) WHERE a.adcode IS NOT NULL
RETURN a.level AS level, count(*) AS n ORDER BY level
"""

CHAIN = """
MATCH (k:Committee {adcode: '520402001001'})-[:LOCATED_IN]->(c:Area)-[:PART_OF]->(s:Area)
      -[:PART_OF]->(y:Area)-[:PART_OF]->(city:Area)
MATCH (o:Department)-[:LOCATED_IN]->(s)
RETURN k.name AS committee, c.name AS community, c.adcode AS code, s.name AS street,
       o.name AS office, y.name AS county, city.name AS city
"""


def test_stored_on_each_engine(store):
    counts = {r["level"]: r["n"] for r in store.read(COUNT).records()}
    assert counts == {"city": 1, "county": 6, "street": 92, "community": 1231}
    rows = store.read(CHAIN).records()
    assert rows == [{"committee": "塔东社区居民委员会", "community": "塔东社区", "code": "520402001001",
                     "street": "南街街道", "office": "南街街道办事处", "county": "西秀区", "city": "安顺市"}]
    bodies = store.read("MATCH (o)-[:LOCATED_IN]->(a:Area {level: 'community'}) "
                        "WHERE a.adcode IS NOT NULL RETURN o.kind AS kind, count(*) AS n").records()
    assert bodies == [{"kind": "Committee", "n": 1231}]


def test_loading_twice_changes_nothing(fresh_store):
    plan = plan_load()
    execute(fresh_store, plan)
    q = "MATCH (n) OPTIONAL MATCH (n)-[e]->() RETURN count(DISTINCT n) AS n, count(e) AS e"
    first = fresh_store.read(q).records()
    props = fresh_store.read("MATCH (a:Area {adcode: '520402001'}) RETURN properties(a) AS p").records()
    execute(fresh_store, plan_load())
    assert fresh_store.read(q).records() == first
    assert fresh_store.read("MATCH (a:Area {adcode: '520402001'}) RETURN properties(a) AS p"
                            ).records() == props


def test_division_error_names_file_line_and_field(tmp_path):
    from govgraph.loaders.divisions import read_divisions

    (tmp_path / "streets.csv").write_text("code,name,areaCode,provinceCode\n", "utf-8")
    with pytest.raises(DivisionError) as e:
        read_divisions({"streets": tmp_path / "streets.csv"})
    assert str(e.value) == ("streets.csv, line 1, field 'cityCode': missing column "
                            "(expected code, name, areaCode, provinceCode, cityCode)")
