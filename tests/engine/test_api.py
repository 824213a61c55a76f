"""The HTTP API through httpx (FastAPI's TestClient), on the real engines.

Tests on the `store` fixture run on the embedded engine and on Neo4j; the rest
on the embedded engine only. Every error is checked to be an RFC 9457 problem
detail with a clear `detail`.
"""

from __future__ import annotations

import warnings
from urllib.parse import quote

import pytest
from api_helpers import ADMIN, TOKEN, analyst_key, problem
from api_helpers import client as _client

with warnings.catch_warnings():  # starlette's note about its httpx-based test client
    warnings.filterwarnings("ignore", message=".*starlette.testclient")
    from fastapi.testclient import TestClient

from govgraph.api import create_app
from govgraph.loaders.pipeline import DEFAULT_DOC_ID

from govgraph.settings import Settings

M11 = f"{DEFAULT_DOC_ID}#m11"


@pytest.fixture
def api(store):
    with _client(store) as c:
        yield c


@pytest.fixture
def fapi(falkor_store):
    with _client(falkor_store) as c:
        yield c


def cited(c: dict) -> None:
    """A citation that quotes its clause at a span of a loaded document."""
    assert c["doc"] == DEFAULT_DOC_ID and c["clause"]
    assert isinstance(c["start"], int) and c["end"] > c["start"]


# ---------------------------------------------------------------------------
# both engines


def test_health(api, store):
    res = api.get("/health")
    assert res.status_code == 200
    body = res.json()
    assert body == {"status": "ok", "engine": store.engine, "nodes": body["nodes"],
                    "edges": body["edges"], "documents": 1}
    assert body["nodes"] > 100 and body["edges"] > 300


@pytest.mark.parametrize("spelling", ["11", "十一", "(十一)"])
def test_who_leads(api, spelling):
    res = api.get(f"/measures/{quote(spelling)}/leads")
    assert res.status_code == 200
    [answer] = res.json()
    assert answer["measure"]["number"] == 11
    assert [d["unit"]["name"] for d in answer["duties"]] == ["市住房城乡建设局", "市发展改革委"]
    for d in answer["duties"]:
        cited(d["citation"])
        assert d["citation"]["clause"] == "牵头单位:市住房城乡建设局、市发展改革委"


def test_who_is_responsible(api):
    [answer] = api.get("/measures/13/responsible").json()
    roles = [d["role"] for d in answer["duties"]]
    assert roles.count("lead") == 1 and len(roles) == 14
    assert "市市场监管局" in [d["unit"]["name"] for d in answer["duties"]]
    for d in answer["duties"]:
        cited(d["citation"])


def test_measure_detail_and_list(api):
    [m] = api.get("/measures/4").json()
    assert m["measure"]["title"] == "加强物业服务管理的领导"
    assert m["citation"]["clause"].startswith("(四)") and len(m["duties"]) == 16
    page = api.get("/measures", params={"limit": 5}).json()
    assert page["total"] == 16 and len(page["items"]) == 5
    assert [i["measure"]["number"] for i in page["items"]] == [1, 2, 3, 4, 5]
    assert page["items"][3]["responsible"] == 15


def test_unknown_measure_is_a_404_problem(api):
    problem(api.get("/measures/99/leads"), 404, "not-found", "no measure 99")
    problem(api.get("/measures/eleven/responsible"), 404, "not-found", "not a measure number")


def test_unit_duties_by_alias_with_pagination(api):
    res = api.get(f"/units/{quote('市住建局')}/duties", params={"limit": 10})
    assert res.status_code == 200
    page = res.json()
    assert page["unit"]["name"] == "市住房城乡建设局"
    assert page["total"] == 16 and len(page["items"]) == 10
    assert page["next"].endswith("offset=10&limit=10") and page["prev"] is None
    rest = api.get(page["next"]).json()
    assert len(rest["items"]) == 6 and rest["next"] is None and rest["prev"]
    numbers = [d["measure"]["number"] for d in page["items"] + rest["items"]]
    assert len(set(numbers)) == 16
    for d in page["items"] + rest["items"]:
        cited(d["citation"])
    leads = api.get(f"/units/{quote('市住建局')}/duties", params={"role": "lead"}).json()
    assert leads["total"] == 12


def test_unit_load(api):
    body = api.get(f"/units/{quote('市住房城乡建设局')}/load").json()
    assert (body["lead"], body["responsible"], body["total"]) == (12, 4, 16)
    page = api.get("/reports/unit-load", params={"limit": 3}).json()
    assert page["items"][0]["unit"]["name"] == "市住房城乡建设局" and page["total"] > 20


def test_unknown_unit_is_a_404_problem(api):
    body = problem(api.get(f"/units/{quote('市不存在局')}/duties"), 404, "not-found", "unknown unit")
    assert body["instance"].startswith("/units/")


def test_unit_search_understands_aliases(api):
    page = api.get("/units", params={"q": "住建"}).json()
    assert [u["name"] for u in page["items"]] == ["市住房城乡建设局"]
    assert api.get(f"/units/{quote('环物委')}").json()["name"] == "环境和物业管理委员会"


@pytest.mark.parametrize("path", ["/units", "/search"])
def test_search_pages_are_read_as_pages(api, path):
    """/units and /search read a page with SKIP/LIMIT and count the rest: the pages
    of 3 are the whole list cut in threes, and each page says the whole list's total."""
    whole = api.get(path, params={"q": "市", "limit": 500}).json()
    assert whole["total"] == len(whole["items"]) > 6
    second = api.get(path, params={"q": "市", "offset": 3, "limit": 3}).json()
    assert second["items"] == whole["items"][3:6] and second["total"] == whole["total"]
    assert second["next"] and second["prev"]
    last = api.get(path, params={"q": "市", "offset": whole["total"], "limit": 3}).json()
    assert last["items"] == [] and last["total"] == whole["total"] and last["next"] is None


def test_diffuse_accountability(api):
    page = api.get("/audits/diffuse-accountability", params={"min_responsible": 13}).json()
    assert [r["measure"]["number"] for r in page["items"]] == [4, 13, 14]


def test_escalation_with_issue(api):
    body = api.get("/escalation", params={"issue": "fire-lane"}).json()
    assert [lv["name"] for lv in body["levels"]] == ["住宅小区", "社区(村)", "街道(乡镇)"]
    assert body["issue"]["name"] == "占用堵塞消防通道"
    assert all(b["citation"]["clause"] for lv in body["levels"] for b in lv["bodies"])
    stage3 = {h["unit"]["name"] for h in body["handlers"] if h["stage"] == 3}
    assert len(stage3) == 8 and "市消防救援支队" in stage3
    for h in body["handlers"]:
        cited(h["citation"])
    body = problem(api.get("/escalation", params={"issue": "noise"}), 404, "not-found")
    assert "fire-lane" in body["detail"]


def test_subgraph_of_the_housing_bureau(api):
    res = api.get("/graph/subgraph", params={"focus": "市住房城乡建设局", "depth": 1})
    assert res.status_code == 200
    sub = res.json()
    assert sub["focus"] == ["unit:市住房城乡建设局"] and not sub["truncated"]
    ids = {n["id"] for n in sub["nodes"]}
    measures = {n["properties"]["number"] for n in sub["nodes"] if n["kind"] == "Measure"}
    assert measures == set(range(1, 17))
    assert all(e["source"] in ids and e["target"] in ids for e in sub["edges"])
    lead = next(e for e in sub["edges"] if e["type"] == "LEADS_MEASURE" and e["target"] == M11)
    assert lead["citation"]["clause"] == "牵头单位:市住房城乡建设局、市发展改革委"
    focus = next(n for n in sub["nodes"] if n["id"] == "unit:市住房城乡建设局")
    assert focus["hop"] == 0 and "市住建局" in focus["properties"]["aliases"]


def test_subgraph_filters(api):
    sub = api.get("/graph/subgraph", params=[("focus", "13"), ("depth", "1"),
                                             ("kinds", "Department,Measure"),
                                             ("types", "LEADS_MEASURE")]).json()
    assert {n["name"] for n in sub["nodes"]} == {"建立物业服务管理矛盾纠纷调解机制", "市住房城乡建设局"}
    assert [e["type"] for e in sub["edges"]] == ["LEADS_MEASURE"]


def test_subgraph_bad_input_is_a_problem(api):
    problem(api.get("/graph/subgraph", params={"focus": "市住建局", "kinds": "Spaceship"}), 400,
            "invalid-argument", "unknown node kind 'Spaceship'")
    problem(api.get("/graph/subgraph", params={"focus": "市住建局", "types": "LOVES"}), 400,
            "invalid-argument", "unknown edge type 'LOVES'")
    body = problem(api.get("/graph/subgraph", params={"focus": "市住建局", "depth": 9}), 422,
                   "validation-error", "depth")
    assert body["errors"][0]["loc"] == ["query", "depth"]
    problem(api.get("/graph/subgraph"), 422, "validation-error", "focus")
    problem(api.get("/graph/subgraph", params={"focus": "市不存在局"}), 404, "not-found")


def test_node_details(api):
    res = api.get(f"/graph/nodes/{quote(M11, safe='')}")
    assert res.status_code == 200
    d = res.json()
    assert d["node"]["kind"] == "Measure" and d["node"]["citation"]["clause"].startswith("(十一)")
    types = {e["type"] for e in d["edges"]}
    assert {"LEADS_MEASURE", "RESPONSIBLE_FOR", "PART_OF"} <= types
    assert {n["id"] for n in d["neighbours"]} >= {"unit:市住房城乡建设局", "unit:市发展改革委"}
    problem(api.get("/graph/nodes/nobody"), 404, "not-found", "no node with id 'nobody'")


def test_search_any_kind(api):
    hits = api.get("/search", params={"q": "十一"}).json()["items"]
    assert hits[0]["id"] == M11 and hits[0]["exact"]
    hits = api.get("/search", params={"q": "环物委"}).json()["items"]
    assert hits[0]["id"] == "committee:env-property"
    problem(api.get("/search", params={"q": ""}), 422, "validation-error")


def test_cypher_reads_with_parameters(api, store):
    res = api.post("/cypher", headers=analyst_key(api), json={"query": "MATCH (m:Measure {number: $n}) RETURN m.title AS t",
                                    "params": {"n": 11}})
    assert res.status_code == 200
    body = res.json()
    assert body["engine"] == store.engine and body["columns"] == ["t"]
    assert body["rows"] == [["建立完善物业服务企业市场信用体系"]] and not body["truncated"]


def test_cypher_row_cap(api):
    body = api.post("/cypher", headers=analyst_key(api), json={"query": "MATCH (n:Entity) RETURN n.id ORDER BY n.id",
                                     "limit": 7}).json()
    assert len(body["rows"]) == 7 and body["truncated"] and body["row_cap"] == 7
    body = api.post("/cypher", headers=analyst_key(api), json={"query": "MATCH (n:Entity) RETURN n.id", "limit": 10**6}).json()
    assert body["row_cap"] == 1000  # never above the server's cap


@pytest.mark.parametrize("query", [
    "MATCH (n) DETACH DELETE n",
    "CREATE (n:Entity {id: 'x'})",
    "MATCH (m:Measure) SET m.title = 'x'",
    "MERGE (n:Entity {id: 'x'})",
    "MATCH (n) RETURN n; MATCH (m) DELETE m",
])
def test_cypher_refuses_writes(api, query):
    before = api.get("/reports/graph").json()
    problem(api.post("/cypher", headers=analyst_key(api), json={"query": query}), 403, "read-only", "refused")
    assert api.get("/reports/graph").json() == before


def test_cypher_timeout(api):
    body = problem(api.post("/cypher", headers=analyst_key(api), json={
        "query": "MATCH (a), (b), (c), (d) WHERE a.id <> d.id RETURN count(*)", "timeout_s": 0.5}),
        504, "query-timeout", "stopped")
    assert "0.5s" in body["detail"]


def test_cypher_bad_input(api):
    problem(api.post("/cypher", headers=analyst_key(api), json={"query": "MATCH (n RETURN n"}), 400, "invalid-query",
            "query failed")
    problem(api.post("/cypher", headers=analyst_key(api), json={}), 422, "validation-error", "query")
    problem(api.post("/cypher", content=b"not json",
                     headers={**analyst_key(api), "content-type": "application/json"}),
            422, "validation-error")
    problem(api.post("/cypher", headers=analyst_key(api), json={"query": "RETURN 1", "timeout_s": -1}), 422,
            "validation-error", "timeout_s")


# ---------------------------------------------------------------------------
# the embedded engine


def test_documents_and_reports(fapi):
    page = fapi.get("/documents").json()
    assert page["total"] == 1 and page["items"][0]["doc"] == DEFAULT_DOC_ID
    assert page["items"][0]["measures"] == 16
    rep = fapi.get("/reports/graph").json()
    assert rep["nodes"]["Measure"] == 16 and rep["edges"]["LEADS_MEASURE"] == 18


def test_issue_types(fapi):
    page = fapi.get("/issue-types").json()
    assert "fire-lane" in [i["key"] for i in page["items"]] and page["total"] == 15  # measure 14's five + ten service types


def test_structure_of_a_body(fapi):
    page = fapi.get(f"/units/{quote('环物委')}/structure").json()
    assert page["unit"]["id"] == "committee:env-property"
    heads = [r for r in page["items"] if r["relation"] == "HEADS" and r["direction"] == "in"]
    assert heads and heads[0]["other"]["id"] == "committee:two-committees"
    assert heads[0]["citation"]["clause"] == "主任由社区(村)“两委”有关负责人担任"
    supervises = [r for r in page["items"] if r["relation"] == "SUPERVISES" and r["direction"] == "out"]
    assert {r["other"]["id"] for r in supervises} >= {"committee:owners"}


def test_collective_members(fapi):
    page = fapi.get(f"/units/{quote('各县(区)人民政府(管委会)')}/members").json()
    assert page["unit"]["name"] == "各县〔区〕人民政府〔管委会〕"
    assert page["total"] == 8 and all(m["area"] for m in page["items"])


def test_escalation_subgraph(fapi):
    sub = fapi.get("/graph/escalation", params={"issue": "fire-lane"}).json()
    kinds = {n["kind"] for n in sub["nodes"]}
    assert {"EscalationLevel", "IssueType", "Committee"} <= kinds
    chain = [(e["source"], e["target"]) for e in sub["edges"] if e["type"] == "ESCALATES_TO"]
    assert sorted(chain) == [("level:community", "level:street"),
                             ("level:compound", "level:community")]
    assert all(e["citation"] for e in sub["edges"])
    assert all(e["target"] == "issue:fire-lane" for e in sub["edges"] if e["type"] == "HANDLES")


def test_schema_has_every_kind_and_type(fapi):
    from govgraph.graph.model import NodeKind, RelType

    body = fapi.get("/graph/schema").json()
    assert set(body["kinds"]) == {k.value for k in NodeKind}
    assert set(body["types"]) == {t.value for t in RelType}
    assert all({"zh", "en", "color"} <= set(v) for v in body["kinds"].values())


def test_pagination_bounds(fapi):
    problem(fapi.get("/measures", params={"limit": 0}), 422, "validation-error", "limit")
    problem(fapi.get("/measures", params={"offset": -1}), 422, "validation-error", "offset")
    page = fapi.get("/measures", params={"offset": 100}).json()
    assert page["items"] == [] and page["total"] == 16 and page["next"] is None


def test_unknown_route_and_method(fapi):
    problem(fapi.get("/no/such/thing"), 404, "not-found", "no such endpoint")
    problem(fapi.delete("/measures"), 405, None, "DELETE is not allowed")
    doc = fapi.get("/problems/read-only").json()
    assert doc["status"] == 403 and "read-only" in doc["description"]


def test_openapi_and_offline_docs(fapi):
    spec = fapi.get("/openapi.json").json()
    for path in ["/health", "/measures/{measure}/leads", "/measures/{measure}/responsible",
                 "/units", "/units/{unit}/duties", "/units/{unit}/load", "/units/{unit}/structure",
                 "/units/{unit}/members", "/reports/unit-load", "/audits/diffuse-accountability",
                 "/escalation", "/issue-types", "/documents", "/search", "/graph/subgraph",
                 "/graph/nodes/{node_id}", "/cypher", "/load"]:
        assert path in spec["paths"], path
    assert "application/problem+json" in spec["paths"]["/cypher"]["post"]["responses"]["403"]["content"]
    html = fapi.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "https://" not in html.replace("https://fastapi", "")
    assert fapi.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert fapi.get("/redoc").status_code == 404


def test_page_and_vendored_graph_library(fapi):
    res = fapi.get("/")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    csp = res.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    html = res.text
    assert "/static/vendor/cytoscape.min.js" in html and "http" not in html
    js = fapi.get("/static/vendor/cytoscape.min.js")
    assert js.status_code == 200 and "cytoscape" in js.text[:2000].lower()
    assert fapi.get("/static/app.js").status_code == 200


def test_cors_is_off_by_default_and_configurable(falkor_store):
    origin = {"Origin": "http://example.test"}
    with _client(falkor_store) as c:
        assert "access-control-allow-origin" not in c.get("/health", headers=origin).headers
    with _client(falkor_store, cors_origins=["http://example.test"]) as c:
        res = c.get("/health", headers=origin)
        assert res.headers["access-control-allow-origin"] == "http://example.test"
        pre = c.options("/cypher", headers={**origin, "Access-Control-Request-Method": "POST"})
        assert pre.status_code == 200
        other = c.get("/health", headers={"Origin": "http://elsewhere.test"})
        assert "access-control-allow-origin" not in other.headers


def test_load_needs_the_bearer_token(fapi):
    # Issue 30: the token is an admin key, and a key that is not valid is refused on
    # every route with the same detail (it used to say "a valid bearer token is required").
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        res = fapi.post("/load", json={}, headers=headers)
        body = problem(res, 401, "unauthorized", "key")
        assert res.headers["www-authenticate"].startswith("Bearer")
        assert TOKEN not in res.text and "wrong" not in body["detail"]


def test_load_is_disabled_without_a_configured_token(falkor_store, tmp_path):
    with TestClient(create_app(Settings(api_token=None, data_dir=tmp_path),
                               store=falkor_store)) as c:
        problem(c.post("/load", json={}), 403, "writes-disabled", "GOVGRAPH_API_TOKEN")
        # A key that is not one of the server's is refused as such (issue 30).
        problem(c.post("/load", json={}, headers={"Authorization": "Bearer anything"}), 401,
                "unauthorized")


NOTICE = ("安顺市物业小区消防通道专项整治工作措施\n\n2022 年 3 月 1 日\n\n"
          "(一)开展消防通道清理。各住宅小区要清理占用消防通道的车辆和杂物。"
          "(牵头单位:市消防救援支队;责任单位:市住房城乡建设局、市公安局)\n\n"
          "(二)建立巡查制度。物业服务企业要每日巡查。"
          "(牵头单位:市住房城乡建设局;责任单位:各县〔区〕人民政府〔管委会〕)\n")


def test_load_default_and_a_document(fresh_store):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with _client(fresh_store) as c:
        assert c.get("/health").json()["nodes"] == 0
        problem(c.get("/measures/11/leads"), 404, "not-found", "load a document first")
        res = c.post("/load", json={}, headers=auth)
        assert res.status_code == 200, res.text
        body = res.json()
        assert body["documents"][0]["id"] == DEFAULT_DOC_ID and body["graph"]["nodes"]["Measure"] == 16
        again = c.post("/load", json={}, headers=auth).json()
        assert again["graph"] == body["graph"]  # idempotent
        res = c.post("/load", json={"default": False,
                                    "documents": [{"name": "fire-lanes.txt", "text": NOTICE}]},
                     headers=auth)
        assert res.status_code == 200, res.text
        assert res.json()["documents"][0]["measures"] == 2
        assert c.get("/documents").json()["total"] == 2
        answers = c.get("/measures/1/leads").json()
        assert {a["measure"]["doc"] for a in answers} == {DEFAULT_DOC_ID, res.json()["documents"][0]["id"]}
        bad = c.post("/load", json={"default": False,
                                    "documents": [{"name": "bad.txt", "text": "这不是一份通知。"}]},
                     headers=auth)
        body = problem(bad, 422, "invalid-document", "bad.txt")
        assert "/tmp" not in body["detail"]
        problem(c.post("/load", json={"default": False}, headers=auth), 422, "validation-error",
                "nothing to load")
        assert c.get("/documents").json()["total"] == 2


def test_app_opens_and_closes_its_own_store(falkor_dir, falkor_store):
    app = create_app(Settings(data_dir=falkor_dir))
    with TestClient(app) as c:
        assert app.state.store is not None and app.state.store is not falkor_store
        assert c.get("/health").json()["nodes"] > 100
    assert app.state.store is None  # closed at shutdown


# ---------------------------------------------------------------------------
# places (the hand-made registry in tests/data/registry)

def test_compound_responsible(api):
    body = api.get("/compounds/t:cpd:3/responsible", params={"as_of": "2024-06-30"}).json()
    assert body["frame"]["county"]["name"] == "普定县"
    assert [m["name"] for m in body["managers"]] == ["马虎物业管理有限公司"]
    assert body["managers"][0]["credit_list"] == "black"
    assert any("环物委" in g for g in body["gaps"])
    assert all(o["citation"]["clause"] for o in body["oversight"])


def test_compound_escalation(api):
    body = api.get("/compounds/t:cpd:1/escalation",
                   params={"issue": "fire-lane", "as_of": "2024-06-30"}).json()
    assert [lv["order"] for lv in body["levels"]] == [1, 2, 3, 4, 5, 6]
    assert body["gaps"] == []
    gaps = api.get("/compounds/t:cpd:4/escalation", params={"as_of": "2024-06-30"}).json()["gaps"]
    assert len(gaps) == 2  # no governing body, no 环物委 (no issue type asked)


def test_org_leaders_and_as_of(api):
    # Issue 30: the public sees the post and that it is filled, not who holds it (this
    # test used to read the chair's name without a key); an admin key sees the name.
    now = api.get("/organizations/t:org:oc1/leaders", params={"as_of": "2024-06-30"}).json()
    assert [(x["role"], x["filled"], x["person_id"], x["person_name"], x["party_member"])
            for x in now["leaders"]] == [("chair", True, None, None, None)]
    assert now["leaders"][0]["nominated_by"]["name"] == "测试街道党工委"
    now = api.get("/organizations/t:org:oc1/leaders", params={"as_of": "2024-06-30"},
                  headers=ADMIN).json()
    assert [x["person_name"] for x in now["leaders"]] == ["张建国"]
    then = api.get("/organizations/t:org:oc1/leaders", params={"as_of": "2020-06-30"},
                   headers=ADMIN).json()
    assert [x["person_name"] for x in then["leaders"]] == ["刘洋"]


def test_registry_audits_and_compound_search(api):
    rows = api.get("/audits/ungoverned").json()["items"]
    assert [r["compound_id"] for r in rows] == ["t:cpd:4"]
    rows = api.get("/audits/blacklisted", params={"as_of": "2024-06-30"}).json()["items"]
    assert [r["company_id"] for r in rows] == ["t:co:B"]
    page = api.get("/compounds", params={"q": "t:cpd", "limit": 2}).json()
    assert page["total"] == 6 and len(page["items"]) == 2 and page["next"]


def test_place_errors_are_problems(api):
    problem(api.get("/compounds/t:cpd:999/responsible"), 404, detail="unknown compound")
    problem(api.get("/organizations/nobody/leaders"), 404, detail="unknown organization")
    problem(api.get("/compounds/t:cpd:1/escalation", params={"as_of": "someday"}), 422)
    problem(api.get("/audits/everything"), 422)


def test_escalation_graph_of_a_compound(api):
    sub = api.get("/graph/escalation", params={"compound": "t:cpd:1", "issue": "fire-lane",
                                               "as_of": "2024-06-30"}).json()
    names = {n["name"] for n in sub["nodes"]}
    assert {"阳光花园", "阳光花园业主委员会", "和平社区环境和物业管理委员会", "测试街道办事处",
            "安心物业服务有限公司", "市消防救援支队", "占用堵塞消防通道"} <= names
    assert sub["focus"] == ["t:cpd:1"]
    ids = {n["id"] for n in sub["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in sub["edges"])
    problem(api.get("/graph/escalation", params={"compound": "t:cpd:999"}), 404)


@pytest.mark.parametrize("path,params", [
    ("/compounds", {"q": ""}), ("/places", {"q": "区"}), ("/audits/ungoverned", {}),
    ("/audits/blacklisted", {"as_of": "2024-06-30"}), ("/compounds", {"q": "nowhere"})])
def test_lists_read_as_pages_add_up_to_the_whole(api, path, params):
    """/compounds, /places and the graph's audits push the page into the query
    (SKIP/LIMIT, and a count query for the total): pages of two, walked by their
    next links, are the whole list read in one page, and each says the same total."""
    whole = api.get(path, params={**params, "limit": 500}).json()
    walked, totals, url = [], set(), None
    page = api.get(path, params={**params, "limit": 2}).json()
    while True:
        walked += page["items"]
        totals.add(page["total"])
        url = page["next"]
        if url is None:
            break
        page = api.get(url).json()
    assert walked == whole["items"]
    assert totals == {whole["total"]} == {len(whole["items"])}
    beyond = api.get(path, params={**params, "offset": whole["total"] + 5, "limit": 2}).json()
    assert beyond["items"] == [] and beyond["total"] == whole["total"]
    far = api.get(path, params={**params, "offset": 1_000_000_000, "limit": 2}).json()
    assert far["items"] == [] and far["total"] == whole["total"]
    # Past the bound (SKIP takes a 64-bit integer): a 422 problem, not an engine error.
    problem(api.get(path, params={**params, "offset": 24521609182420873265818172982820864}), 422)
