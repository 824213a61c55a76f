"""The analyst's bench on the embedded engine: every analysis on a hand-checked
fixture and on the seed notice.

The fixture (tests/data/analytics/barbell.txt, made by hand, not a real notice)
names six units A..F: A 市住房城乡建设局, B 市民政局, C 市财政局, D 市公安局,
E 市消防救援支队, F 市应急局. Measures 1-3 make the triangle A-B-C (each a lead
and one responsible unit: tie weight 2 x 1 = 2), measures 4-6 the triangle D-E-F,
and measure 7, which has no lead, names C and D as responsible (tie weight 1 x 1):
two triangles joined by one bridge. By hand:

- degree: C and D 3 partners, the others 2; strength A, B, E, F 2+2 = 4, C and D
  2+2+1 = 5.
- betweenness (unweighted, normalised by (n-1)(n-2)/2 = 10): every path from {A, B}
  to {D, E, F} passes C (6 pairs) -> 0.6; likewise D; the others 0.
- eigenvector (weighted): by symmetry A=B=E=F=x, C=D=y; lambda x = 2x + 2y and
  lambda y = 4x + y give lambda^2 - 3 lambda - 6 = 0, lambda = (3 + sqrt 33) / 2,
  y / x = (lambda - 2) / 2; with 4x^2 + 2y^2 = 1: x = 0.38310, y = 0.45441.
- communities: {A, B, C} and {D, E, F}; modularity with m = 13 and each side's
  degree sum 13: 2 (6/13 - (13/26)^2) = 11/26.
- concentration: duties per unit 2, 2, 3, 3, 2, 2 (14 in all): Gini = sum |xi - xj|
  / (2 n^2 mean) = 16 / 168 = 2/21; HHI = 4 (2/14)^2 + 2 (3/14)^2 = 17/98; every
  unit leads one measure: lead Gini 0, lead HHI 1/6.
- unled: measure 7 spans both communities and has no lead.

The second fixture (pair.txt) has A lead with B and G (市发展改革委) responsible, and
B lead with C responsible: ties A-B 2, A-G 2, B-G 1, B-C 2; B lies on the paths
A-C and G-C: betweenness 2/3.
"""

from __future__ import annotations

import math

import pytest
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.pipeline import DEFAULT_DOC_ID, execute, plan_load
from govgraph.queries import analytics
from govgraph.queries.answers import InvalidArgument, NotFound
from helpers import ANALYTICS

A, B, C = "unit:市住房城乡建设局", "unit:市民政局", "unit:市财政局"
D, E, F = "unit:市公安局", "unit:市消防救援支队", "unit:市应急局"
G = "unit:市发展改革委"


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    d = tmp_path_factory.mktemp("analytics")
    store = FalkorDBStore(d)
    plan = plan_load([ANALYTICS / "barbell.txt", ANALYTICS / "pair.txt"], include_default=False)
    execute(store, plan)
    ids = {n.source.rsplit("/", 1)[-1]: n.id for n in plan.notices}
    yield store, ids["barbell.txt"], ids["pair.txt"]
    store.close()
    embedded_server.stop(d)


def _by_id(items):
    return {x.unit.id: x for x in items}


def test_degree_by_role_on_the_fixture(fixture):
    store, barbell, _ = fixture
    res = analytics.degree(store, [barbell])
    got = {u: (x.lead, x.responsible, x.support, x.duties, x.partners, x.strength)
           for u, x in _by_id(res.items).items()}
    assert got == {A: (1, 1, 0, 2, 2, 4.0), B: (1, 1, 0, 2, 2, 4.0), C: (1, 2, 0, 3, 3, 5.0),
                   D: (1, 2, 0, 3, 3, 5.0), E: (1, 1, 0, 2, 2, 4.0), F: (1, 1, 0, 2, 2, 4.0)}
    assert res.basis.documents[0].doc == barbell and res.basis.generation
    assert (res.basis.nodes, res.basis.edges) == (6, 7)


def test_centrality_on_the_fixture(fixture):
    store, barbell, _ = fixture
    res = analytics.centrality(store, [barbell])
    c = _by_id(res.items)
    for u in (A, B, E, F):
        assert c[u].betweenness == 0
    assert c[C].betweenness == pytest.approx(0.6) and c[D].betweenness == pytest.approx(0.6)
    lam = (3 + math.sqrt(33)) / 2
    ratio = (lam - 2) / 2
    x = 1 / math.sqrt(4 + 2 * ratio ** 2)
    for u in (A, B, E, F):
        assert c[u].eigenvector == pytest.approx(x, abs=1e-6)
    for u in (C, D):
        assert c[u].eigenvector == pytest.approx(x * ratio, abs=1e-6)
    assert {res.items[0].unit.id, res.items[1].unit.id} == {C, D}


def test_communities_on_the_fixture(fixture):
    store, barbell, _ = fixture
    res = analytics.communities(store, [barbell])
    assert [sorted(u.id for u in c.units) for c in res.items] == [sorted([A, B, C]), sorted([D, E, F])]
    assert res.modularity == pytest.approx(11 / 26)
    assert res.basis.seed == analytics.LOUVAIN_SEED
    assert res.items[0].internal_weight == 6.0
    assert [m.rsplit("#m", 1)[1] for m in res.items[0].measures] == ["1", "2", "3"]


def test_concentration_on_the_fixture(fixture):
    store, barbell, _ = fixture
    [c] = analytics.concentration(store, [barbell]).items
    assert (c.units, c.duties) == (6, 14)
    assert c.gini == pytest.approx(2 / 21) and c.hhi == pytest.approx(17 / 98)
    assert c.effective_units == pytest.approx(98 / 17)
    assert c.lead_gini == 0 and c.lead_hhi == pytest.approx(1 / 6)
    assert {s.unit.id for s in c.top[:2]} == {C, D} and c.top[0].share == pytest.approx(3 / 14)


def test_unled_cross_community_measure_on_the_fixture(fixture):
    store, barbell, _ = fixture
    res = analytics.unled(store, [barbell])
    [m] = res.items
    assert m.number == 7 and m.leaderless and m.communities == [1, 2] and m.leads == []
    assert {u.id for u in m.units} == {C, D}
    with pytest.raises(InvalidArgument):
        analytics.unled(store, [barbell], min_communities=0)


def test_diff_between_the_two_fixtures(fixture):
    store, barbell, pair = fixture
    res = analytics.diff(store, barbell, pair)
    assert [u.id for u in res.gained] == [G]
    assert sorted(u.id for u in res.lost) == sorted([D, E, F])
    moved = {m.unit.id: m for m in res.moved}
    assert set(moved) == {A, B, C}
    assert moved[B].betweenness_a == 0 and moved[B].betweenness_b == pytest.approx(2 / 3)
    assert moved[C].betweenness_a == pytest.approx(0.6) and moved[C].betweenness_b == 0
    assert (moved[A].strength_b, moved[B].strength_b, moved[C].strength_b) == (4.0, 5.0, 2.0)
    assert moved[B].rank_b == 1 and moved[C].rank_b == 4
    assert res.moved[0].unit.id == B  # the biggest move: from a corner of a triangle to the hub
    assert [d.doc for d in res.basis.documents] == [barbell, pair]


def test_unknown_documents_are_named(fixture):
    store, barbell, _ = fixture
    with pytest.raises(NotFound, match="no document 'nope'"):
        analytics.degree(store, ["nope"])
    with pytest.raises(InvalidArgument):
        analytics.degree(store, [" "])


# ---------------------------------------------------------------------------
# the hierarchy and brokers on the shared store (the seed's structure and the
# hand-made registry in tests/data/registry)


def test_hierarchy_on_the_seed(store):
    res = analytics.hierarchy(store)
    h = _by_id(res.items)
    # 各县〔区〕人民政府〔管委会〕 GUIDES street offices and townships, which supervise
    # owners' committees and assemblies and property companies and guide service centres.
    assert h["unit:各县〔区〕人民政府〔管委会〕"].guides == 2
    assert h["unit:各县〔区〕人民政府〔管委会〕"].reach == 6
    assert h["unit:市住房城乡建设局"].supervises == 2
    assert h["committee:owners"].answers_to == 8
    assert res.basis.projection == "hierarchy" and res.basis.documents[0].doc == DEFAULT_DOC_ID


def test_brokers_of_a_compound(store):
    """阳光花园 (t:cpd:1) on 2024-06-30, by hand: its 业委会 and Party branch serve it,
    安心物业 manages it. The city's housing bureau supervises property companies
    (measure 4) and nothing else here, so 安心物业 is the compound's only link to it;
    the county government guides street offices (measure 4), so 测试街道办事处 is the
    only link to 西秀区人民政府. 中共西秀区委 has no tie in the notice's structure to
    anything in this frame: never reached."""
    res = analytics.brokers(store, "t:cpd:1", "2024-06-30")
    assert [(b.body.id, [t.id for t in b.cuts_off]) for b in res.items] == [
        ("t:co:A", ["unit:市住房城乡建设局"]), ("t:org:street1", ["unit:西秀区人民政府"])]
    assert [(x.a.id, x.b.id, x.relation, x.measure) for x in res.bridges] == [
        ("t:co:A", "unit:市住房城乡建设局", "SUPERVISES", 4),
        ("t:org:street1", "unit:西秀区人民政府", "GUIDES", 4)]
    assert [u.id for u in res.reached] == ["unit:市住房城乡建设局", "unit:西秀区人民政府"]
    assert [u.id for u in res.unreached] == ["unit:中共西秀区委"]
    assert res.basis.compound == "t:cpd:1" and res.basis.as_of == "2024-06-30"
    assert (res.basis.nodes, res.basis.edges) == (12, 17)


def test_a_compound_with_no_body_reaches_nothing(store):
    res = analytics.brokers(store, "t:cpd:4", "2024-06-30")
    assert res.reached == [] and res.items == [] and res.bridges == []
    assert res.unreached  # the county's bodies are in its frame, none tied to it


def test_unknown_compound(store):
    with pytest.raises(NotFound, match="unknown compound"):
        analytics.brokers(store, "nowhere")


# ---------------------------------------------------------------------------
# the seed: what docs/analytics.md reports


def test_the_seed_carriers_and_blocs(store):
    deg = _by_id(analytics.degree(store, [DEFAULT_DOC_ID]).items)
    housing = deg["unit:市住房城乡建设局"]
    assert (housing.lead, housing.duties, housing.partners) == (12, 16, 20)
    cen = analytics.centrality(store, [DEFAULT_DOC_ID])
    assert [x.unit.id for x in cen.items[:2]] == ["unit:市住房城乡建设局",
                                                  "unit:各县〔区〕人民政府〔管委会〕"]
    com = analytics.communities(store, [DEFAULT_DOC_ID])
    assert len(com.items) == 2
    enforcement = {u.name for u in com.items[0].units}
    # measure 14's enforcement agencies form one bloc; the housing bureau sits in the other
    assert {"市公安局", "市自然资源局", "市生态环境局", "市应急局", "市消防救援支队",
            "市市场监管局"} <= enforcement
    assert "市住房城乡建设局" not in enforcement
    assert {"市住房城乡建设局", "市委组织部", "市民政局"} <= {u.name for u in com.items[1].units}
    [conc] = analytics.concentration(store, [DEFAULT_DOC_ID]).items
    assert (conc.units, conc.duties) == (21, 118)
    assert conc.top[0].unit.name == "市住房城乡建设局" and conc.top[0].duties == 16
    assert conc.lead_hhi > 0.5  # three units lead everything
    assert analytics.unled(store, [DEFAULT_DOC_ID]).items == []  # every measure has a lead
    spans = analytics.unled(store, [DEFAULT_DOC_ID], include_led=True).items
    assert 14 in {m.number for m in spans}


# ---------------------------------------------------------------------------
# place-level analyses: a street's, county's or compound's own subgraph (the
# hand-made registry in tests/data/registry, on 2024-06-30)


def test_hierarchy_of_a_compound_by_hand(store):
    """河景苑 (t:cpd:3) and its frame: its 业委会 t:org:oc3, its manager 马虎物业 t:co:B,
    河边村's Party committee c2p and villagers' committee c2r, 测试镇's government
    town2 and Party committee town2p, 普定县's government and Party committee. The
    notice's facts joined between them: c2p LEADS c2r (m3), c2r GUIDES oc3 (m3),
    the county governments GUIDE townships (m4: 普定县人民政府 -> town2), town2p
    NOMINATES oc3's chair (m2), town2 SUPERVISES oc3 and t:co:B (m4), 住建局
    SUPERVISES t:co:B (m4): 9 nodes, 7 edges."""
    res = analytics.hierarchy(store, place="t:cpd:3", as_of="2024-06-30")
    h = {x.unit.id: (x.level, x.leads, x.guides, x.supervises, x.nominates, x.answers_to, x.reach)
         for x in res.items}
    assert h == {
        "unit:普定县人民政府": ("county", 0, 1, 0, 0, 0, 3),
        "t:org:town2": ("street", 0, 0, 2, 0, 1, 2),
        "t:org:c2p": ("community", 1, 0, 0, 0, 0, 2),
        "unit:市住房城乡建设局": ("city", 0, 0, 1, 0, 0, 1),
        "t:org:c2r": ("community", 0, 1, 0, 0, 1, 1),
        "t:org:town2p": ("street", 0, 0, 0, 1, 0, 1),
        "t:co:B": ("manager", 0, 0, 0, 0, 2, 0),
        "t:org:oc3": ("compound", 0, 0, 0, 0, 3, 0),
        "unit:中共普定县委": ("county", 0, 0, 0, 0, 0, 0)}
    assert [x.unit.id for x in res.items[:2]] == ["unit:普定县人民政府", "t:org:town2"]
    b = res.basis
    assert (b.nodes, b.edges, b.place, b.place_level, b.as_of) == (9, 7, "t:cpd:3", "compound",
                                                                    "2024-06-30")
    assert [d.doc for d in b.documents] == [DEFAULT_DOC_ID] and b.generation


def test_hierarchy_of_a_street(store):
    """测试街道 (t:street:1): 阳光花园's 业委会 oc1 answers to five bodies — 和平社区's
    居委会 (guides, m3) and 环物委 (supervises, m5), the street office (supervises, m4),
    the street's Party working committee (nominates its chair, m2) and its own Party
    branch (leads and heads it, m1, m2); the community's Party committee reaches the
    居委会, the 环物委 it heads with the 居委会 (the 两委, m5), oc1 and 安心物业."""
    res = analytics.hierarchy(store, place="t:street:1", as_of="2024-06-30")
    h = _by_id(res.items)
    assert h["t:org:oc1"].answers_to == 5
    assert (h["t:org:street1"].supervises, h["t:org:street1"].guides) == (2, 1)  # oc1, 安心; 服务中心
    assert h["t:org:c1p"].reach == 4
    assert h["unit:西秀区人民政府"].reach == 4
    # bodies in the street with no tie in the notice's structure are listed, untied
    assert (h["t:org:j56"].answers_to, h["t:org:j56"].reach) == (0, 0)
    assert "t:org:oc3" not in h  # another street's
    assert res.basis.place_level == "street"


def test_brokers_of_a_street_by_hand(store):
    """测试街道's four compounds on 2024-06-30. 阳光花园 (t:cpd:1): 安心物业 is its only link
    to 住建局 and the street office its only link to 西秀区人民政府 (see
    test_brokers_of_a_compound). 老街小区 (t:cpd:2): its 院委会 has no tie in the
    notice's structure; its manager, the street's service centre t:co:C, is guided by
    the street office (m10), which the county government guides (m4): both are its
    only link to 西秀区人民政府. 小巷一号院 and 二号院 (t:cpd:5, 6) share a joint committee
    with no tie and have no manager: cut off from everything above."""
    res = analytics.place_brokers(store, "t:street:1", "2024-06-30")
    assert res.compounds == 4 and res.level == "street"
    assert [(b.body.id, [c.id for c in b.compounds], [t.id for t in b.cuts_off]) for b in res.items] == [
        ("t:org:street1", ["t:cpd:1", "t:cpd:2"], ["unit:西秀区人民政府"]),
        ("t:co:A", ["t:cpd:1"], ["unit:市住房城乡建设局"]),
        ("t:co:C", ["t:cpd:2"], ["unit:西秀区人民政府"])]
    assert [c.id for c in res.cut_off] == ["t:cpd:5", "t:cpd:6"]
    assert [(x.a.id, x.b.id, x.relation, x.measure, [c.id for c in x.compounds])
            for x in res.bridges] == [
        ("t:org:street1", "unit:西秀区人民政府", "GUIDES", 4, ["t:cpd:1", "t:cpd:2"]),
        ("t:co:A", "unit:市住房城乡建设局", "SUPERVISES", 4, ["t:cpd:1"]),
        ("t:co:C", "t:cpd:2", "MANAGES", None, ["t:cpd:2"]),
        ("t:co:C", "t:org:street1", "GUIDES", 10, ["t:cpd:2"])]
    assert (res.basis.place, res.basis.compounds, res.basis.as_of) == ("t:street:1", 4, "2024-06-30")
    assert [d.doc for d in res.basis.documents] == [DEFAULT_DOC_ID] and res.basis.generation
    # the community holds the same four compounds; the county (西秀区) only these too
    for place in ("t:comm:1", "area:西秀区"):
        other = analytics.place_brokers(store, place, "2024-06-30")
        assert other.items == res.items and other.bridges == res.bridges
    # a compound as a place: its own brokers, gathered
    one = analytics.place_brokers(store, "t:cpd:1", "2024-06-30")
    assert [b.body.id for b in one.items] == [b.body.id for b in
                                              analytics.brokers(store, "t:cpd:1", "2024-06-30").items]


def test_brokers_of_a_county_on_another_date(store):
    """普定县 holds 测试镇's two compounds: 河景苑 (t:cpd:3) is managed by 马虎物业 since
    2019-05 (before: 安心物业); 旧仓库宿舍 (t:cpd:4) has no body and no manager."""
    now = analytics.place_brokers(store, "area:普定县", "2024-06-30")
    assert [(b.body.id, [c.id for c in b.compounds]) for b in now.items] == [
        ("t:co:B", ["t:cpd:3"]), ("t:org:town2", ["t:cpd:3"])]
    assert [c.id for c in now.cut_off] == ["t:cpd:4"] and now.level == "county"
    then = analytics.place_brokers(store, "area:普定县", "2018-06-30")
    assert "t:co:A" in {b.body.id for b in then.items}


def test_places_refused_or_unknown(store):
    with pytest.raises(InvalidArgument, match="never the whole city"):
        analytics.hierarchy(store, place="area:安顺市")
    with pytest.raises(InvalidArgument, match="never the whole city"):
        analytics.place_brokers(store, "area:安顺市")
    with pytest.raises(NotFound, match="unknown place"):
        analytics.place_brokers(store, "nowhere")
    with pytest.raises(NotFound, match="not a compound"):
        analytics.brokers(store, "t:street:1")
