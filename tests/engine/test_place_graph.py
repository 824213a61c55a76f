"""What the browser view draws of a place: GET /graph/place (a place's governance,
its chain with adcodes, residents as counts), /graph/subgraph?fold_residents and
each escalation level's area with its adcode."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest
from api_helpers import client, problem
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.pipeline import execute, plan_load
from helpers import (
    REGISTRY,
    RESIDENT_NAME,
    TADONG,
    TADONG_COMPOUND,
    TADONG_COMPOUND_NAME,
    TADONG_PMC,
    write_tadong_registry,
)

PEOPLE = list(csv.DictReader((REGISTRY / "people.csv").open(encoding="utf-8")))
LIVES_IN = Counter(p["compound_id"] for p in PEOPLE if p["compound_id"])


@pytest.fixture
def api(store):
    with client(store) as c:
        yield c


def edge(sub: dict, type_: str, source: str, target: str) -> bool:
    return any((e["type"], e["source"], e["target"]) == (type_, source, target) for e in sub["edges"])


def by_name(sub: dict) -> dict[str, str]:
    return {n["name"]: n["id"] for n in sub["nodes"]}


def no_people(sub: dict) -> None:
    """Residents are counts: no person node, no person's name anywhere in the answer."""
    assert not [n for n in sub["nodes"] if n["kind"] == "Resident"
                and not n["properties"].get("generic")]
    text = json.dumps(sub, ensure_ascii=False)
    for p in PEOPLE:
        assert p["name"] not in text and p["id"] not in text
    assert RESIDENT_NAME not in text


# ---------------------------------------------------------------------------
# both engines: the default graph


def test_a_real_community_drawn_with_its_committee_and_chain(api):
    sub = api.get("/graph/place", params={"place": "塔东社区"}).json()
    assert sub["focus"] == [TADONG] and sub["place"]["adcode"] == "520402001001"
    ids = by_name(sub)
    # Its residents' committee, linked to it.
    assert edge(sub, "LOCATED_IN", ids["塔东社区居民委员会"], TADONG)
    # The chain up to the city, each level with its adcode and linked to the next.
    assert [(c["name"], c["adcode"]) for c in sub["place"]["chain"]] == [
        ("南街街道", "520402001"), ("西秀区", "520402"), ("安顺市", "5204")]
    assert edge(sub, "PART_OF", TADONG, ids["南街街道"])
    assert edge(sub, "PART_OF", ids["南街街道"], ids["西秀区"])
    assert edge(sub, "PART_OF", ids["西秀区"], ids["安顺市"])
    # The street office and the county government, each where it sits.
    assert edge(sub, "LOCATED_IN", ids["南街街道办事处"], ids["南街街道"])
    assert edge(sub, "LOCATED_IN", ids["西秀区人民政府"], ids["西秀区"])
    nodes = {n["id"]: n for n in sub["nodes"]}
    assert nodes[TADONG]["hop"] == 0 and nodes[TADONG]["properties"]["adcode"] == "520402001001"
    assert sub["residents"] == 0 and sub["folded"] == []
    assert all(e["source"] in nodes and e["target"] in nodes for e in sub["edges"])
    # Not every city department: only governing bodies are drawn at the parents.
    assert "市住房城乡建设局" not in ids
    # Its adcode and its id find the same place.
    for spelling in ("520402001001", TADONG, "塔东社区居民委员会"):
        assert api.get("/graph/place", params={"place": spelling}).json()["focus"] == [TADONG]


def test_a_compound_drawn_with_its_bodies_manager_and_residents_as_a_count(api):
    sub = api.get("/graph/place", params={"place": "阳光花园"}).json()
    ids = by_name(sub)
    assert edge(sub, "LOCATED_IN", ids["阳光花园业主委员会"], "t:cpd:1")
    assert edge(sub, "MANAGES", ids["安心物业服务有限公司"], "t:cpd:1")
    assert edge(sub, "LOCATED_IN", ids["和平社区环境和物业管理委员会"], "t:comm:1")
    assert edge(sub, "LOCATED_IN", ids["测试街道办事处"], "t:street:1")
    assert [c["name"] for c in sub["place"]["chain"]] == ["和平社区", "测试街道", "西秀区", "安顺市"]
    assert sub["residents"] == LIVES_IN["t:cpd:1"] > 0
    assert sub["folded"] == [{"id": "residents:LIVES_IN:t:cpd:1", "kind": "Resident",
                              "type": "LIVES_IN", "target": "t:cpd:1", "count": LIVES_IN["t:cpd:1"]}]
    no_people(sub)


def test_places_inside_are_drawn_and_counted(api):
    sub = api.get("/graph/place", params={"place": "t:comm:1"}).json()
    inside = sorted(r["id"] for r in csv.DictReader((REGISTRY / "compounds.csv").open(encoding="utf-8"))
                    if r["community_id"] == "t:comm:1")
    assert sub["children_total"] == len(inside) and not sub["truncated"]
    assert all(edge(sub, "PART_OF", c, "t:comm:1") for c in inside)
    counts = {f["target"]: f["count"] for f in sub["folded"]}
    assert counts["t:comm:1"] == sub["residents"] == sum(LIVES_IN[c] for c in inside)
    assert {c: counts.get(c, 0) for c in inside} == {c: LIVES_IN[c] for c in inside}
    no_people(sub)
    cut = api.get("/graph/place", params={"place": "t:comm:1", "max_children": 1}).json()
    assert cut["truncated"] and cut["children_total"] == len(inside)
    assert len([n for n in cut["nodes"] if n["id"] in inside]) == 1


def test_a_county_counts_everyone_living_in_it(api):
    sub = api.get("/graph/place", params={"place": "520402"}).json()
    assert sub["place"]["name"] == "西秀区"
    xixiu = {r["id"] for r in csv.DictReader((REGISTRY / "compounds.csv").open(encoding="utf-8"))
             if r["community_id"] == "t:comm:1"}  # 和平社区 lies in 测试街道, 西秀区
    assert sub["residents"] == sum(LIVES_IN[c] for c in xixiu)
    assert sub["children_total"] >= 26  # its real streets and townships, and 测试街道


def test_place_errors_are_problems(api):
    problem(api.get("/graph/place", params={"place": "和平社区"}), 404,
            detail="several places are called '和平社区'")
    assert "520422105003" in api.get("/graph/place", params={"place": "和平社区"}).json()["detail"]
    problem(api.get("/graph/place", params={"place": "塔东"}), 404, detail="did you mean 塔东社区")
    problem(api.get("/graph/place", params={"place": "没有这个地方"}), 404, detail="no place")
    problem(api.get("/graph/place", params={"place": "塔东社区", "max_children": -1}), 422)
    problem(api.get("/graph/place"), 422)


def test_subgraph_folds_residents_into_counts(api):
    plain = api.get("/graph/subgraph", params={"focus": "t:cpd:1"}).json()
    assert any(n["kind"] == "Resident" and n["id"].startswith("t:p:") for n in plain["nodes"])
    sub = api.get("/graph/subgraph", params={"focus": "t:cpd:1", "fold_residents": "true"}).json()
    assert {f["target"]: f["count"] for f in sub["folded"] if f["type"] == "LIVES_IN"} == {
        "t:cpd:1": LIVES_IN["t:cpd:1"]}
    no_people(sub)
    ids = {n["id"] for n in sub["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in sub["edges"])
    # A committee's members are a count too; the role groups (业主 …) stay nodes.
    members = api.get("/graph/subgraph", params={"focus": "t:org:oc1", "fold_residents": "true"}).json()
    assert [(f["type"], f["target"]) for f in members["folded"]] == [("MEMBER_OF", "t:org:oc1")]
    no_people(members)
    roles = api.get("/graph/subgraph", params={"focus": "committee:owners", "fold_residents": "true"}).json()
    assert any(n["id"].startswith("role:") for n in roles["nodes"])


def test_search_says_who_is_a_person(api):
    # Names are not in the graph (the personal store holds them): a person is found by its id.
    [hit] = [h for h in api.get("/search", params={"q": PEOPLE[0]["id"]}).json()["items"]
             if h["id"] == PEOPLE[0]["id"]]
    assert hit["person"] is True
    owners = [h for h in api.get("/search", params={"q": "业主"}).json()["items"]
              if h["id"] == "role:owners"]
    assert owners and owners[0]["person"] is False


def test_escalation_levels_name_their_places(api):
    chain = api.get("/compounds/t:cpd:1/escalation").json()
    assert [(lv["level"], lv["area"]["id"]) for lv in chain["levels"]] == [
        ("level:compound", "t:cpd:1"), ("level:community", "t:comm:1"), ("level:street", "t:street:1")]
    assert chain["frame"]["county"]["adcode"] == "520402"


# ---------------------------------------------------------------------------
# the embedded engine: a compound in a real community


@pytest.fixture(scope="module")
def tadong_store(tmp_path_factory):
    reg = write_tadong_registry(tmp_path_factory.mktemp("tadong-registry"), residents=150)
    d = tmp_path_factory.mktemp("tadong-falkor")
    store = FalkorDBStore(d)
    execute(store, plan_load(registries=[REGISTRY, reg]))
    yield store
    store.close()
    embedded_server.stop(d)


def test_a_compound_in_a_real_community(tadong_store):
    with client(tadong_store) as api:
        sub = api.get("/graph/place", params={"place": TADONG_COMPOUND_NAME}).json()
        ids = by_name(sub)
        # Its 物管委 is linked to it (not floating), the community's real 居委会 to the community.
        assert edge(sub, "LOCATED_IN", ids[TADONG_PMC], TADONG_COMPOUND)
        assert edge(sub, "LOCATED_IN", ids["塔东社区居民委员会"], TADONG)
        assert edge(sub, "PART_OF", TADONG_COMPOUND, TADONG)
        assert sub["residents"] == 150 and len(sub["nodes"]) < 30
        assert RESIDENT_NAME not in json.dumps(sub, ensure_ascii=False)
        community = api.get("/graph/place", params={"place": "塔东社区"}).json()
        assert community["residents"] == 150
        assert {f["target"]: f["count"] for f in community["folded"]} == {TADONG: 150, TADONG_COMPOUND: 150}
        assert RESIDENT_NAME not in json.dumps(community, ensure_ascii=False)
        # Each mediation level with its place and code.
        chain = api.get(f"/compounds/{TADONG_COMPOUND}/escalation").json()
        assert [(lv["area"]["name"], lv["area"]["adcode"]) for lv in chain["levels"]] == [
            (TADONG_COMPOUND_NAME, None), ("塔东社区", "520402001001"), ("南街街道", "520402001")]
        assert chain["levels"][1]["bodies"][0]["body"]["adcode"] == "520402001001"
        resp = api.get(f"/compounds/{TADONG_COMPOUND}/responsible").json()
        assert (resp["frame"]["street"]["adcode"], resp["frame"]["county"]["adcode"]) == ("520402001", "520402")
