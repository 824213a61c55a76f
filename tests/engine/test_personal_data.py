"""Issue 30: residents' names and Party membership reach only those entitled.

A SYNTHETIC city is loaded into an embedded store of this module's own. Every GET
route the OpenAPI document lists is asked, with parameters drawn from the data,
and a set of hostile Cypher queries is sent, as `public` (no key) and as
`analyst`; no response body or header holds a resident's name or a Party
membership. The same requests as `admin` do see names, and each such read is in
the audit log. Keys are hashed on disk, a revoked key is refused at once, and the
rate and size limits answer 429 and 413 as problem details."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
from importlib import resources
from itertools import islice

import pytest
from api_helpers import ADMIN, TOKEN, analyst_key, client, problem
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.pipeline import execute, plan_load

AS_OF = "2024-06-30"


@pytest.fixture(scope="module")
def city(city_dir, tmp_path_factory):
    """The synthetic city in a store of its own, and what identifies its residents."""
    d = tmp_path_factory.mktemp("personal-city")
    store = FalkorDBStore(d)
    execute(store, plan_load(registries=[city_dir]))
    with open(city_dir / "people.csv", encoding="utf-8") as fh:
        people = list(csv.DictReader(fh))
    # Public text a name could be a substring of (a two-character name inside a
    # compound's or company's name, the notice, the real divisions): such names
    # cannot tell a leak from a place, so the check uses the others.
    public = "".join(p.read_text("utf-8") for p in city_dir.iterdir()
                     if p.suffix == ".csv" and p.name != "people.csv")
    data = resources.files("govgraph.loaders") / "data"
    public += "".join(f.read_text("utf-8") for f in data.iterdir()
                      if f.name.endswith((".txt", ".toml", ".csv")))
    names = {p["name"] for p in people} - {n for n in {p["name"] for p in people} if n in public}
    assert len(names) > 500, "too few distinctive synthetic names to check"
    yield store, people, names, d
    store.close()
    embedded_server.stop(d)


@pytest.fixture(scope="module")
def api(city, tmp_path_factory):
    store, *_ = city
    with client(store, data_dir=tmp_path_factory.mktemp("personal-api")) as c:
        yield c


def _chaired_orgs(city_dir, n: int = 6) -> list[str]:
    with open(city_dir / "memberships.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["role"] in ("chair", "secretary")
                and (not r["start"] or r["start"] <= AS_OF) and (not r["end"] or r["end"] >= AS_OF)]
    return list(dict.fromkeys(r["org_id"] for r in rows))[:n]


def _requests(api, city_dir, people) -> list[tuple[str, dict]]:
    """(path, query) for every GET route of the OpenAPI document, its path
    parameters filled from the data, its query parameters set to values that
    reach persons (a person's id, a resident's name as search text)."""
    spec = api.get("/openapi.json").json()
    orgs = _chaired_orgs(city_dir)
    compounds = [r["compound_id"] for r in
                 api.get("/compounds", params={"limit": 500}).json()["items"]][:6]
    person_ids = [p["id"] for p in people[:3]]
    with open(city_dir / "cases.csv", encoding="utf-8") as fh:
        case_ids = [r["id"] for r in csv.DictReader(fh)][:3]
    values = {
        "compound_id": compounds, "org_id": orgs, "measure": ["11", "8"],
        "unit": ["市住建局", "业主委员会"], "name": ["ungoverned", "party-share", "blacklisted"],
        "node_id": [*person_ids, *orgs[:2], *compounds[:2]], "person_id": person_ids,
        "compound": compounds, "chart": ["load", "concentration", "centrality", "communities"],
        "case_id": case_ids, "service_request_id": case_ids, "service_code": ["fire-lane"],
    }
    query_values = {
        "q": [people[0]["name"], people[1]["name"][:1], "syn:person", "业主"],
        "focus": [person_ids[0], orgs[0], compounds[0]], "as_of": [AS_OF],
        "issue": ["fire-lane"], "kinds": ["Resident"], "depth": ["2"], "limit": ["500"],
        "compound": [compounds[0]], "role": ["lead"], "direction": ["in"],
        "max_nodes": ["500"], "min_responsible": ["1"], "place": [compounds[0], "塔东社区"],
        "within": [compounds[0]], "start_date": ["2023-01-01"],
    }
    out: list[tuple[str, dict]] = []
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if op is None:
            continue
        params = op.get("parameters", [])
        path_names = [p["name"] for p in params if p["in"] == "path"]
        query_names = [p["name"] for p in params if p["in"] == "query"]
        fills = [{}] if not path_names else [
            {n: values[n][i % len(values[n])] for n in path_names}
            for i in range(max(len(values[n]) for n in path_names))]
        for fill in fills:
            url = path
            for k, v in fill.items():
                url = url.replace("{" + k + "}", v.replace("#", "%23"))
            variants = max([1] + [len(query_values.get(n, [])) for n in query_names])
            for i in range(variants):
                q = {n: query_values[n][i % len(query_values[n])] for n in query_names
                     if n in query_values}
                out.append((url, q))
    return out


HOSTILE = [
    "MATCH (p:Resident) RETURN p",
    "MATCH (p:Resident) RETURN properties(p)",
    "MATCH (p:Resident) RETURN collect(p.name) AS names",
    "MATCH (p:Resident) RETURN p.name, p.party_member, p.person_name",
    "MATCH (p:Resident) WHERE p.party_member = true RETURN p.name",
    "MATCH (p:Resident) RETURN substring(p.name, 0, 1) + substring(p.name, 1)",
    "MATCH (p:Resident) RETURN 'x' + p.name + 'x', toString(p.party_member)",
    "MATCH (p:Resident) RETURN keys(p), [k IN keys(p) | k]",
    "MATCH (p:Resident) RETURN {n: p.name, all: properties(p)} AS m",
    "MATCH path = (p:Resident)-[:MEMBER_OF]->(o) RETURN path",
    "MATCH path = (p:Resident)-[*1..2]-(x) RETURN nodes(path), relationships(path) LIMIT 200",
    "MATCH (p:Resident)-[m]-(o) RETURN properties(m), properties(o) LIMIT 500",
    "MATCH (n) UNWIND keys(n) AS k WITH n, k WHERE k CONTAINS 'name' OR k CONTAINS 'party' "
    "RETURN k, n[k] LIMIT 500",
    "MATCH (p:Resident) RETURN toInteger(p.name)",
    "MATCH (p:Resident) WITH p LIMIT 1 RETURN p.name + 1",
    "MATCH (p:Resident) WITH p LIMIT 1 RETURN date(p.name)",
    "MATCH (p:Resident) WITH p LIMIT 1 RETURN p.id + $x",
    "MATCH (p:Resident {party_member: true}) RETURN count(p)",
    "MATCH (n) RETURN DISTINCT labels(n), keys(n)",
]


def _leaks(res, names: set[str]) -> list[str]:
    text = res.text + json.dumps(dict(res.headers), ensure_ascii=False)
    found = [n for n in names if n in text]
    if res.headers.get("content-type", "").startswith("application/json"):
        found += [f"party_member={v}" for v in _values(res.json(), "party_member") if v is not None]
    return found


def _values(doc, key):
    if isinstance(doc, dict):
        for k, v in doc.items():
            if k == key:
                yield v
            yield from _values(v, key)
    elif isinstance(doc, list):
        for v in doc:
            yield from _values(v, key)


def test_the_graph_holds_no_personal_field(city):
    """By construction: no property of any node or edge is a resident's name or a
    Party membership (analysts' Cypher can reach only the graph)."""
    store, people, names, _ = city
    keys = {k for row in store.read("MATCH (n) UNWIND keys(n) AS k RETURN DISTINCT k").rows
            for k in row}
    keys |= {k for row in store.read("MATCH ()-[e]->() UNWIND keys(e) AS k RETURN DISTINCT k").rows
             for k in row}
    assert not keys & {"party_member", "person_name"}
    values: set[str] = set()
    for q in ("MATCH (n) RETURN properties(n)", "MATCH ()-[e]->() RETURN properties(e)"):
        for (props,) in store.read(q).rows:
            values |= {str(v) for v in props.values()}
            values |= {str(x) for v in props.values() if isinstance(v, list) for x in v}
    assert not names & values
    assert [r[0] for r in store.read("MATCH (p:Resident {id: $id}) RETURN p.name",
                                     {"id": people[0]["id"]}).rows] == [people[0]["id"]]
    assert store.personal.count() == len(people)


@pytest.mark.parametrize("role", ["public", "analyst"])
def test_no_get_route_and_no_cypher_shows_a_name_or_party_membership(api, city, city_dir, role):
    _, people, names, _ = city
    headers = analyst_key(api) if role == "analyst" else {}
    reqs = _requests(api, city_dir, people)
    paths = {p.split("/")[1] for p, _ in reqs}
    assert {"compounds", "organizations", "graph", "search", "persons", "admin"} <= paths
    statuses = {}
    for path, query in reqs:
        res = api.get(path, params=query, headers=headers)
        assert res.status_code < 500, (path, query, res.text[:300])
        statuses[path] = res.status_code
        assert not _leaks(res, names), (role, path, query, _leaks(res, names)[:5])
    leaders = [p for p in statuses if p.startswith("/organizations/")]
    assert leaders and all(statuses[p] == 200 for p in leaders)
    assert statuses[reqs[0][0]] == 200
    # Admin routes are refused, without saying anything about the person.
    pid = people[0]["id"]
    assert api.get(f"/persons/{pid}", headers=headers).status_code in (401, 403)
    for q in HOSTILE:
        res = api.post("/cypher", json={"query": q, "params": {"x": 1}, "limit": 1000},
                       headers=headers)
        assert res.status_code in ((401,) if role == "public" else (200, 400)), (q, res.text[:300])
        assert not _leaks(res, names), (role, q, _leaks(res, names)[:5])
        if role == "analyst" and res.status_code == 200 and "party_member" in q:
            assert all(v in (None, 0) for row in res.json()["rows"] for v in row
                       if not isinstance(v, str | dict | list))


def test_public_sees_posts_analyst_ids_admin_names(api, city, city_dir):
    store, people, names, _ = city
    by_id = {p["id"]: p for p in people}
    org = _chaired_orgs(city_dir)[0]
    url = f"/organizations/{org}/leaders"
    pub = api.get(url, params={"as_of": AS_OF}).json()["leaders"]
    assert pub and all(x["filled"] and x["person_id"] is None and x["person_name"] is None
                       for x in pub)
    ana = api.get(url, params={"as_of": AS_OF}, headers=analyst_key(api)).json()["leaders"]
    assert all(x["person_id"] in by_id and x["person_name"] is None for x in ana)
    adm = api.get(url, params={"as_of": AS_OF}, headers=ADMIN).json()["leaders"]
    assert [(x["person_name"], x["party_member"]) for x in adm] == [
        (by_id[x["person_id"]]["name"], by_id[x["person_id"]]["party_member"] == "true")
        for x in ana]


def test_admin_sees_names_and_each_personal_read_is_logged(api, city, city_dir):
    _, people, names, _ = city
    seen_before = len(list(api.app.state.audit.entries()))
    reqs = _requests(api, city_dir, people)
    revealed = 0
    logged_paths = set()
    for path, query in reqs:
        res = api.get(path, params=query, headers=ADMIN)
        assert res.status_code < 500, (path, query, res.text[:300])
        if _leaks(res, names):
            revealed += 1
            logged_paths.add(path)
    assert revealed >= 6  # leaders, compound answers and /persons
    entries = list(api.app.state.audit.entries())[seen_before:]
    assert {e["what"].split("?")[0].split(" ")[1] for e in entries} >= logged_paths
    assert all(e["key_id"] == "env-token" and e["role"] == "admin" and e["persons"] >= 1
               and e["channel"] == "api" for e in entries)
    # The log holds opaque ids, never a name or a membership.
    log_text = api.app.state.audit.path.read_text("utf-8")
    assert not [n for n in names if n in log_text] and "party_member" not in log_text
    assert stat.S_IMODE(os.stat(api.app.state.audit.path).st_mode) == 0o600
    # The admin can read the log over HTTP; nobody else can.
    page = api.get("/admin/audit-log", params={"key_id": "env-token", "limit": 500},
                   headers=ADMIN).json()
    assert page["total"] >= len(entries)
    problem(api.get("/admin/audit-log"), 401, "unauthorized")
    problem(api.get("/admin/audit-log", headers=analyst_key(api)), 403, "forbidden")
    # A person's record, for the admin, is logged too.
    p = people[0]
    rec = api.get(f"/persons/{p['id']}", headers=ADMIN).json()
    assert (rec["name"], rec["party_member"], rec["registry_file"]) == (
        p["name"], p["party_member"] == "true", "people.csv")
    last = list(api.app.state.audit.entries())[-1]
    assert last["what"] == f"GET /persons/{p['id']}" and last["person_ids"] == [p["id"]]


def test_party_share_gives_counts_to_analysts_only(api, city):
    problem(api.get("/audits/party-share", params={"as_of": AS_OF}), 401, "unauthorized")
    body = api.get("/audits/party-share", params={"as_of": AS_OF, "limit": 500},
                   headers=analyst_key(api)).json()
    assert body["items"] and all(set(r) == {"org_id", "org_name", "members", "party_members",
                                            "synthetic"} for r in body["items"])
    assert all(r["party_members"] * 2 <= r["members"] for r in body["items"])


def test_the_cli_is_admin_and_is_logged(city, city_dir, tmp_path):
    from click.testing import CliRunner

    from govgraph.cli import main

    store, people, names, data_dir = city
    org = _chaired_orgs(city_dir)[0]
    log = tmp_path / "audit.jsonl"
    res = CliRunner().invoke(main, ["--data-dir", str(data_dir), "who-leads", "--org", org,
                                    "--as-of", AS_OF, "--json"],
                             env={"GOVGRAPH_AUDIT_LOG": str(log)})
    assert res.exit_code == 0, res.output
    shown = {x["person_name"] for x in json.loads(res.output)["leaders"]}
    assert shown and shown <= {p["name"] for p in people}
    [entry] = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert entry["channel"] == "cli" and entry["key_id"].startswith("cli:")
    assert entry["persons"] >= 1 and org in entry["what"]
    res = CliRunner().invoke(main, ["--data-dir", str(data_dir), "audit-log", "--json"],
                             env={"GOVGRAPH_AUDIT_LOG": str(log)})
    assert json.loads(res.output)[0]["what"] == entry["what"]


def test_keys_are_hashed_on_disk_and_a_revoked_key_is_refused_at_once(api):
    keys = api.app.state.keys
    key_id, key = keys.create("analyst", "hash check")
    on_disk = keys.path.read_text("utf-8")
    assert key not in on_disk and key.split("_", 2)[2] not in on_disk
    rec = next(r for r in json.loads(on_disk)["keys"] if r["id"] == key_id)
    assert rec["hash"].startswith("scrypt$") and rec["role"] == "analyst"
    assert stat.S_IMODE(os.stat(keys.path).st_mode) == 0o600
    auth = {"Authorization": f"Bearer {key}"}
    query = {"query": "RETURN 1 AS one"}
    assert api.post("/cypher", json=query, headers=auth).status_code == 200
    new = keys.rotate(key_id)
    problem(api.post("/cypher", json=query, headers=auth), 401, "unauthorized")
    assert api.post("/cypher", json=query,
                    headers={"Authorization": f"Bearer {new}"}).status_code == 200
    keys.revoke(key_id)
    for k in (key, new):
        problem(api.post("/cypher", json=query, headers={"Authorization": f"Bearer {k}"}),
                401, "unauthorized")
        problem(api.get("/measures", headers={"Authorization": f"Bearer {k}"}), 401, "unauthorized")
    # A key with the right id and a wrong secret, or a wrong role, never passes.
    problem(api.post("/cypher", json=query,
                     headers={"Authorization": f"Bearer ggk_{key_id}_{'x' * 43}"}), 401)
    assert TOKEN not in on_disk


def test_keys_through_the_cli(tmp_path):
    from click.testing import CliRunner

    from govgraph.cli import main

    run = CliRunner()
    env = {"GOVGRAPH_KEYS_FILE": str(tmp_path / "keys.json")}
    res = run.invoke(main, ["keys", "create", "--role", "analyst", "--name", "office", "--json"],
                     env=env)
    made = json.loads(res.output)
    assert made["key"].startswith(f"ggk_{made['id']}_")
    listed = json.loads(run.invoke(main, ["keys", "list", "--json"], env=env).output)
    assert [(k["id"], k["role"], k["name"]) for k in listed] == [(made["id"], "analyst", "office")]
    assert "hash" not in listed[0] and made["key"] not in (tmp_path / "keys.json").read_text()
    res = run.invoke(main, ["keys", "rotate", made["id"]], env=env)
    assert res.exit_code == 0 and made["key"] not in res.output
    assert run.invoke(main, ["keys", "revoke", made["id"]], env=env).exit_code == 0
    assert json.loads(run.invoke(main, ["keys", "list", "--json"], env=env).output)[0]["revoked"]
    res = run.invoke(main, ["keys", "revoke", "nosuchkey"], env=env)
    assert res.exit_code == 2 and "nosuchkey" in res.output


def test_rate_limits_answer_429_per_key(city, tmp_path):
    store, *_ = city
    with client(store, data_dir=tmp_path, rate_public_per_min=3, rate_analyst_per_min=2) as c:
        for _ in range(3):
            assert c.get("/measures").status_code == 200
        body = problem(c.get("/measures"), 429, "rate-limited")
        res = c.get("/issue-types")
        assert res.status_code == 429 and int(res.headers["retry-after"]) >= 1
        assert "address" in body["detail"]
        # Another key has a bucket of its own.
        key = analyst_key(c)
        assert c.get("/measures", headers=key).status_code == 200
        assert c.get("/measures", headers=key).status_code == 200
        problem(c.get("/measures", headers=key), 429, "rate-limited", "key")


def test_size_limits_answer_413(api):
    key = analyst_key(api)
    big = {"query": "RETURN 1", "params": {"x": "a" * (300 * 1024)}}
    problem(api.post("/cypher", json=big, headers=key), 413, "request-too-large", "bytes")

    def chunks():  # no Content-Length: counted as it streams in
        yield b'{"query": "RETURN 1", "params": {"x": "'
        for _ in range(40):
            yield b"a" * 8192
        yield b'"}}'

    problem(api.post("/cypher", content=chunks(),
                     headers={**key, "content-type": "application/json"}), 413,
            "request-too-large")
    problem(api.get("/units", params={"q": "x" * 9000}), 413, "request-too-large", "URL")
    problem(api.post("/load", content=b"x" * (300 * 1024),
                     headers={**ADMIN, "content-type": "application/json"}), 422)  # /load's limit is larger
    assert api.post("/cypher", json={"query": "RETURN 1"}, headers=key).status_code == 200


def test_a_person_id_that_identifies_is_refused(tmp_path):
    import shutil

    from govgraph.loaders.registry import RegistryError
    from helpers import REGISTRY

    d = tmp_path / "reg"
    shutil.copytree(REGISTRY, d)
    text = (d / "people.csv").read_text("utf-8")
    first = next(islice(csv.DictReader(text.splitlines()), 0, None))
    (d / "people.csv").write_text(re.sub(re.escape(first["id"]) + ",",
                                         "520402198001011234,", text, count=1), "utf-8")
    with pytest.raises(RegistryError) as err:
        plan_load(registries=[d])
    assert (err.value.file, err.value.field) == ("people.csv", "id")
    assert "opaque" in err.value.reason
