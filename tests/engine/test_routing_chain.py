"""POST /route and `govgraph route` with a compound: the best issue type's chain
at that compound, first body first, every body with its citation."""

from __future__ import annotations

import pytest
from api_helpers import client as _client
from api_helpers import problem
from govgraph.queries import routing


@pytest.fixture
def api(store):
    with _client(store) as c:
        yield c


def test_route_gives_the_chain_of_the_best_type_at_the_compound(api):
    body = api.post("/route", json={"text": "小区消防通道长期被车辆堵塞，多次反映没人管",
                                    "compound": "t:cpd:1", "as_of": "2024-06-30"}).json()
    assert body["issues"][0]["key"] == "fire-lane"
    chain = body["chain"]
    assert chain["issue"] == "fire-lane"
    assert [lv["order"] for lv in chain["levels"]] == [1, 2, 3, 4, 5, 6]
    assert body["first_contact"]["citation"]["measure"] == 14
    assert all(b["citation"]["clause"] for lv in chain["levels"] for b in lv["bodies"])


def test_route_a_service_type_cites_its_own_clause(store):
    res = routing.route(store, "电梯经常困人，物业维保不到位", "t:cpd:1", "2024-06-30")
    assert res.issues[0].key == "elevator"
    assert res.chain is not None
    last = [lv for lv in res.chain.levels if lv.level.startswith("issue-stage-")][-1]
    curated = [b for b in last.bodies if b.citation.basis == "curated"]
    assert curated and curated[0].citation.measure == 16  # 电梯设备巡查维护
    assert res.first_contact is not None and res.first_contact.citation.measure == 5


def test_route_out_of_scope_text_gets_no_chain_and_an_unknown_compound_is_404(api):
    body = api.post("/route", json={"text": "希望增开公交线路", "compound": "t:cpd:1"}).json()
    assert body["issues"] == [] and body["chain"] is None
    problem(api.post("/route", json={"text": "小区停水三天", "compound": "t:cpd:999"}), 404,
            detail="unknown compound")
