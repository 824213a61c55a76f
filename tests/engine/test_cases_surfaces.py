"""Cases on the command line and over HTTP (`govgraph cases`, /cases, Open311
GeoReport v2), on the hand-made fixture of tests/data/registry (figures worked
out in tests/engine/test_cases.py)."""

from __future__ import annotations

from datetime import date

import pytest
from api_helpers import ADMIN, client, problem
from click.testing import CliRunner
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.queries import cases
from helpers import REGISTRY

from govgraph.cli import main

DAY = "2024-06-30"


def test_cli_measure_list_and_show(falkor_dir, falkor_store):
    def run(*args: str):
        return CliRunner().invoke(main, ["--data-dir", str(falkor_dir), *args], catch_exceptions=False)

    res = run("cases", "measure", "--by", "street", "--as-of", DAY)
    assert res.exit_code == 0, res.output
    assert "t:street:1" in res.output and "25%" in res.output  # the total's 小事不出小区 rate
    res = run("cases", "measure", "--by", "body-type", "--as-of", DAY, "--json")
    import json

    body = json.loads(res.output)
    assert body["total"]["cases"] == 8 and body["total"]["median_days"] == 25.0
    assert {r["key"] for r in body["rows"]} == {"owners-committee-party", "owners-committee", "none",
                                                 "courtyard", "joint"}
    res = run("cases", "list", "--overdue", "--as-of", DAY, "--json")
    assert [c["id"] for c in json.loads(res.output)] == ["t:case:3", "t:case:5"]
    res = run("cases", "show", "t:case:5", "--as-of", DAY)
    assert res.exit_code == 0 and "测试街道办事处" in res.output and "case_steps.csv:12" in res.output
    res = run("cases", "show", "t:case:nope", "--as-of", DAY)
    assert res.exit_code == 2 and "no case" in res.output
    res = run("cases", "measure", "--as-of", "2024-13-01")
    assert res.exit_code == 2 and "not a date" in res.output


def test_http_cases_and_measure(store):
    api = client(store)
    m = api.get("/cases/measure", params={"by": "street", "as_of": DAY})
    assert m.status_code == 200, m.text
    assert m.json()["total"]["within_street"] == 0.75
    rows = {r["key"]: r for r in m.json()["rows"]}
    assert rows["t:street:2"]["off_chain_steps"] == 1
    page = api.get("/cases", params={"as_of": DAY, "outcome": "open"}).json()
    assert [c["id"] for c in page["items"]] == ["t:case:3", "t:case:5", "t:case:6"]
    one = api.get("/cases/t:case:9", params={"as_of": DAY}).json()
    assert [s["level"] for s in one["steps"]] == ["compound", "county", "city"]
    assert one["skipped_steps"] == 1 and one["days_to_resolve"] == 41
    problem(api.get("/cases/t:case:nope"), 404, "not-found")
    problem(api.get("/cases/measure", params={"by": "planet"}), 422)
    problem(api.get("/cases", params={"as_of": "2024-13-01"}), 404)


def test_open311_services_and_requests(store):
    api = client(store)
    services = api.get("/open311/v2/services.json").json()
    codes = {s["service_code"] for s in services}
    assert {"fire-lane", "elevator", "fee-arrears"} <= codes
    assert all(s["metadata"] is False and s["type"] == "realtime" for s in services)
    assert api.get("/open311/v2/services/elevator.json").json() == {"service_code": "elevator",
                                                                     "attributes": []}
    problem(api.get("/open311/v2/services/teleport.json"), 404, "not-found")
    reqs = api.get("/open311/v2/requests.json", params={"start_date": "2024-01-01",
                                                        "end_date": DAY}).json()
    # opened in 2024 up to 06-30, newest first (t:case:7 opened in 2023, t:case:8 in July)
    assert [r["service_request_id"] for r in reqs] == ["t:case:6", "t:case:9", "t:case:5",
                                                       "t:case:4", "t:case:3", "t:case:2", "t:case:1"]
    one = api.get("/open311/v2/requests/t:case:4.json").json()
    assert one[0]["status"] == "closed" and one[0]["agency_responsible"] == "测试镇人民政府"
    assert one[0]["address_id"] == "t:cpd:3" and one[0]["service_code"] == "fee-arrears"
    only_open = api.get("/open311/v2/requests.json", params={"start_date": "2024-01-01",
                                                             "status": "open"}).json()
    assert {r["service_request_id"] for r in only_open} == {"t:case:3", "t:case:5", "t:case:6"}
    problem(api.get("/open311/v2/requests/nope.json"), 404, "not-found")
    problem(api.get("/open311/v2/requests.json", params={"start_date": "2024-02-31"}), 400)


@pytest.fixture
def posting_store(fresh_store):
    execute(fresh_store, plan_load(registries=[REGISTRY]))
    return fresh_store


def test_a_posted_request_becomes_an_open_case_routed_to_its_first_body(posting_store):
    api = client(posting_store)
    form = {"service_code": "fire-lane", "address_id": "t:cpd:1", "description": "消防通道被占",
            "first_name": "张", "last_name": "三", "phone": "13812345678", "email": "z@example.com"}
    problem(api.post("/open311/v2/requests.json", data=form), 401)  # admin only
    res = api.post("/open311/v2/requests.json", data=form, headers=ADMIN)
    assert res.status_code == 201, res.text
    [posted] = res.json()
    rid = posted["service_request_id"]
    # fire-lane's first stage at 阳光花园: the community's 环物委 (with the company) discovers
    # and dissuades — the body `govgraph route --compound t:cpd:1` names first
    assert posted["first_body"] == {"id": "t:org:c1e", "name": "和平社区环境和物业管理委员会",
                                    "kind": "Committee", "role": "发现、劝阻", "level": "community"}
    case = cases.case(posting_store, rid)
    assert (case.outcome, case.issue, case.channel, case.compound.id) == ("open", "fire-lane", "12345",
                                                                          "t:cpd:1")
    assert case.opened == date.today().isoformat()
    [step] = case.steps
    assert (step.body.id, step.action, step.off_chain, step.citation.entry) == (
        "t:org:c1e", "received", False, rid)
    got = api.get(f"/open311/v2/requests/{rid}.json").json()
    assert got[0]["status"] == "open" and got[0]["agency_responsible"] == "和平社区环境和物业管理委员会"
    assert rid in {r["service_request_id"] for r in api.get("/open311/v2/requests.json").json()}
    # nothing the requester said about themselves is stored
    stored = posting_store.read("MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN properties(n)",
                                {"p": rid}).rows
    text = repr(stored)
    assert stored and not any(x in text for x in ("13812345678", "example.com", "张", "消防通道被占"))
    # JSON too; 河边村 has no 环物委, so an elevator complaint from 旧仓库宿舍 goes to the
    # township government, the service chain's next stage
    res = api.post("/open311/v2/requests.json", json={"service_code": "elevator",
                                                       "address_id": "t:cpd:4"}, headers=ADMIN)
    assert res.status_code == 201, res.text
    assert res.json()[0]["first_body"]["id"] == "t:org:town2"
    assert res.json()[0]["first_body"]["level"] == "street"


@pytest.mark.parametrize("body,status", [
    ({"service_code": "teleport", "address_id": "t:cpd:1"}, 400),
    ({"service_code": "fire-lane", "address_id": "t:cpd:99"}, 404),
    ({"address_id": "t:cpd:1"}, 422),
    ({"service_code": "fire-lane"}, 422),
])
def test_a_bad_posted_request_is_a_problem_and_writes_nothing(posting_store, body, status):
    from govgraph.queries import answers

    api = client(posting_store)
    before = answers.load_report(posting_store)
    problem(api.post("/open311/v2/requests.json", data=body, headers=ADMIN), status)
    assert answers.load_report(posting_store) == before
