"""The analyst's bench on a hand-checked fixture, on both engines (the seed, the
hierarchy and brokers are in test_analytics.py).

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
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.queries import analytics
from govgraph.queries.answers import InvalidArgument, NotFound
from helpers import ANALYTICS

A, B, C = "unit:市住房城乡建设局", "unit:市民政局", "unit:市财政局"
D, E, F = "unit:市公安局", "unit:市消防救援支队", "unit:市应急局"
G = "unit:市发展改革委"


@pytest.fixture(scope="module", params=["falkor", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def fixture(request, tmp_path_factory, default_plan):
    """The two hand-made notices alone, on each engine (its own module: the shared
    Neo4j holds them only while these tests run, then gets its usual graph back)."""
    plan = plan_load([ANALYTICS / "barbell.txt", ANALYTICS / "pair.txt"], include_default=False)
    ids = {n.source.rsplit("/", 1)[-1]: n.id for n in plan.notices}
    if request.param == "falkor":
        d = tmp_path_factory.mktemp("analytics")
        store = FalkorDBStore(d)
        execute(store, plan)
        yield store, ids["barbell.txt"], ids["pair.txt"]
        store.close()
        embedded_server.stop(d)
    else:
        store = request.getfixturevalue("neo4j_store")
        store.clear()
        execute(store, plan)
        yield store, ids["barbell.txt"], ids["pair.txt"]
        store.clear()
        execute(store, default_plan)


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
