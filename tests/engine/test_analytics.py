"""The analyst's bench on the shared store of each engine (the seed notice, its
standing structure and the hand-made registry of tests/data/registry): the
documents' hierarchy, a compound's brokers, the seed's carriers and blocs as
docs/analytics.md reports them, and the place-level analyses (a compound's,
street's or county's hierarchy and brokers) checked by hand. The hand-made
notices of tests/data/analytics are in test_analytics_fixture.py."""

from __future__ import annotations

import pytest
from govgraph.loaders.pipeline import DEFAULT_DOC_ID
from govgraph.queries import analytics
from govgraph.queries.answers import InvalidArgument, NotFound


def _by_id(items):
    return {x.unit.id: x for x in items}


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
