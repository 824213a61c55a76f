"""Issue 30: residents' names and Party membership reach only those entitled.

A SYNTHETIC city is loaded into a store of this module's own, on each engine
(FalkorDB embedded, and Neo4j: the tests marked neo4j). Every GET
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
from pathlib import Path
from typing import NamedTuple

import pytest
from api_helpers import ADMIN, TOKEN, analyst_key, client, problem
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.graph.store import GraphStore, StoreError
from govgraph.loaders.pipeline import execute, plan_load

AS_OF = "2024-06-30"


class City(NamedTuple):
    store: GraphStore
    people: list[dict[str, str]]
    names: set[str]  # residents' names no public text holds
    data_dir: Path  # where the personal store (and the embedded graph) live
    cli: list[str]  # the CLI's options that open this store


@pytest.fixture(scope="module",
                params=["falkor", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def city(request, city_dir, tmp_path_factory):
    """The synthetic city in a store of its own on each engine (the shared Neo4j is
    emptied for it and gets its usual graph back after), and what identifies its
    residents."""
    d = tmp_path_factory.mktemp(f"personal-city-{request.param}")
    plan = plan_load(registries=[city_dir])
    store: GraphStore
    if request.param == "falkor":
        store = FalkorDBStore(d)
        cli = ["--data-dir", str(d)]
    else:
        from govgraph.graph.neo4j_store import Neo4jStore

        uri = request.getfixturevalue("neo4j_uri")
        shared = request.getfixturevalue("neo4j_store")
        shared.clear()
        store = Neo4jStore(uri, personal_dir=d)
        cli = ["--data-dir", str(d), "--neo4j", uri]
    try:
        execute(store, plan)
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
        every = {p["name"] for p in people}
        names = every - {n for n in every if n in public}
        assert len(names) > 500, "too few distinctive synthetic names to check"
        yield City(store, people, names, d, cli)
    finally:
        if request.param == "falkor":
            store.close()
            embedded_server.stop(d)
        else:
            store.clear()
            store.close()
            execute(shared, request.getfixturevalue("default_plan"))


@pytest.fixture(scope="module")
def api(city, tmp_path_factory):
    with client(city.store, data_dir=tmp_path_factory.mktemp("personal-api")) as c:
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


def _posts(api) -> list[tuple[str, dict]]:
    """(path, body) for the POST routes that read the graph and may name persons:
    a complaint routed at compounds, whose chain holds the bodies' heads."""
    compounds = [r["compound_id"] for r in
                 api.get("/compounds", params={"limit": 500}).json()["items"]][:4]
    return [("/route", {"text": "小区消防通道长期被车辆占用，物业不管", "compound": c, "as_of": AS_OF})
            for c in compounds]


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
    # What one engine has and the other has not (Neo4j 5 / FalkorDB): each either
    # fails on the engine without it or returns nothing personal.
    "MATCH (p:Resident) RETURN elementId(p), id(p) LIMIT 50",
    "MATCH (p:Resident) RETURN p {.*} AS m LIMIT 200",
    "MATCH (p:Resident) RETURN p, COLLECT { MATCH (p)--(x) RETURN x } AS around LIMIT 50",
    "MATCH (p:Resident) WHERE EXISTS { (p)-[:MEMBER_OF]->() } RETURN p LIMIT 50",
    "PROFILE MATCH (p:Resident) RETURN p.name, properties(p) LIMIT 50",
    "EXPLAIN MATCH (p:Resident) RETURN p",
    "CYPHER runtime=slotted MATCH (p:Resident) RETURN p.name LIMIT 50",
    "RETURN apoc.version()",
    "MATCH (p:Resident) WITH p LIMIT 5 RETURN apoc.convert.toJson(p)",
    "MATCH (p:Resident) WITH p LIMIT 5 RETURN valueType(p.name), p.name IS :: STRING",
]

# Refused (403) on both engines before they run: procedures, LOAD CSV, the
# server's commands (another database, its transactions, settings and users),
# and the same disguised by a quote or comment marker the engine reads otherwise.
REFUSED = [
    "CALL db.labels()",
    "CALL db.schema.nodeTypeProperties()",
    "CALL db.schema.visualization()",
    "CALL apoc.meta.schema()",
    "CALL dbms.listConfig() YIELD name, value RETURN name, value",
    "MATCH (p:Resident) WITH p LIMIT 1 CALL { WITH p RETURN p.name AS n } RETURN n",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "SHOW TRANSACTIONS YIELD *",
    "SHOW SETTINGS YIELD name, value",
    "SHOW DATABASES",
    "SHOW PROCEDURES YIELD name",
    "SHOW INDEXES",
    "USE system SHOW USERS",
    "USE neo4j MATCH (p:Resident) RETURN p LIMIT 5",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "WITH '/*' AS x CALL db.labels() YIELD label RETURN label, x //*/",
    "WITH 'http://x' AS u CALL db.labels() YIELD label RETURN label, u",
    "WITH 1 AS `it's` CALL db.labels() YIELD label RETURN label, 'x'",
    "MATCH (p:Resident) WITH count(p) AS n //x\rCALL db.labels() YIELD label RETURN label, n",
    "WITH 1 AS x LOAD/**/CSV FROM 'file:///etc/passwd' AS row RETURN row",
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
    store, people, names = city.store, city.people, city.names
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
    # Nothing in a Resident node tells a Party member from another resident: the
    # same labels and the same property keys, with no value a membership sets.
    shape = {r[0]: (tuple(sorted(r[1])), tuple(sorted(r[2]))) for r in store.read(
        "MATCH (p:Resident) RETURN p.id, labels(p), keys(p)").rows}
    members = {p["id"] for p in people if p["party_member"] == "true"}
    assert members and len(members) < len(people)
    assert ({shape[i] for i in members} == {shape[p["id"]] for p in people
                                            if p["id"] not in members})


def test_no_cypher_reads_the_personal_store_file(city):
    """Past the keyword check, the engine itself cannot read a file of the host:
    Neo4j (the launcher) does not allow file URLs, and the embedded FalkorDB
    resolves them inside a folder that does not exist."""
    store = city.store
    path = store.personal.path
    for url in (f"file://{path}", f"file:///{path.name}", f"file://../{path.name}",
                f"file:///../../{path.parent.name}/{path.name}"):
        with pytest.raises(StoreError):
            store.read_engine_guarded(f"LOAD CSV FROM '{url}' AS row RETURN row")
    if store.engine == "falkordb":
        _, folder = store._db.connection.execute_command("GRAPH.CONFIG", "GET", "IMPORT_FOLDER")
        assert Path(folder) == city.data_dir.resolve() / embedded_server.NO_IMPORT_DIR
        assert not Path(folder).exists()


@pytest.mark.parametrize("role", ["public", "analyst"])
def test_no_get_route_and_no_cypher_shows_a_name_or_party_membership(api, city, city_dir, role):
    people, names = city.people, city.names
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
        if role == "public" and path.startswith(("/compounds/", "/organizations/")) \
                and res.status_code == 200:
            # Place answers give the public a post's role and whether it is filled.
            assert not [v for v in _values(res.json(), "person_id") if v], (path, query)
    leaders = [p for p in statuses if p.startswith("/organizations/")]
    assert leaders and all(statuses[p] == 200 for p in leaders)
    assert statuses[reqs[0][0]] == 200
    for path, body in _posts(api):
        res = api.post(path, json=body, headers=headers)
        assert res.status_code == 200, (path, body, res.text[:300])
        assert not _leaks(res, names), (role, path, body, _leaks(res, names)[:5])
        heads = list(_values(res.json(), "person_id"))
        assert heads, "the chain names no post"
        # The public sees a post's role and whether it is filled; analysts its holder's id.
        assert all(v is None for v in heads) if role == "public" else any(heads)
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
    personal = city.store.personal.path
    for q in [*REFUSED, f"LOAD CSV FROM 'file://{personal}' AS row RETURN row",
              f"LOAD CSV FROM 'file://{personal.name}' AS row RETURN row"]:
        res = api.post("/cypher", json={"query": q}, headers=headers)
        if role == "public":
            problem(res, 401, "unauthorized")
        else:
            assert res.status_code == 403, (q, res.text[:300])
            problem(res, 403, "read-only")
        assert not _leaks(res, names), (role, q)


def test_public_sees_posts_analyst_ids_admin_names(api, city, city_dir):
    people = city.people
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
    people, names = city.people, city.names
    audit = api.app.state.audit
    seen_before = len(list(audit.entries()))
    ids_of: dict[str, set[str]] = {}
    for p in people:
        ids_of.setdefault(p["name"], set()).add(p["id"])
    reqs = [("GET", path, {"params": query}) for path, query in _requests(api, city_dir, people)]
    reqs += [("POST", path, {"json": body}) for path, body in _posts(api)]
    revealed = set()
    for method, path, kw in reqs:
        before = len(list(audit.entries()))
        res = api.request(method, path, headers=ADMIN, **kw)
        assert res.status_code < 500, (path, kw, res.text[:300])
        new = list(audit.entries())[before:]
        if _leaks(res, names):
            # This very read is in the log, once, naming every person it showed
            # (a post's person_name, a record's name: the only places names are).
            revealed.add(path.split("/")[1])
            doc = res.json()
            shown = {v for k in ("person_name", "name") for v in _values(doc, k) if v in ids_of}
            assert all(any(n in m for m in shown) for n in names if n in res.text), (path, kw)
            assert len(new) == 1, (path, kw, new)
            assert new[0]["what"].split("?")[0] == f"{method} {path}"
            assert all(ids_of[n] & set(new[0]["person_ids"]) for n in shown), (path, kw)
    assert {"organizations", "compounds", "persons", "route"} <= revealed
    entries = list(audit.entries())[seen_before:]
    assert all(e["key_id"] == "env-token" and e["role"] == "admin" and e["channel"] == "api"
               and e["persons"] == len(e["person_ids"]) >= 1 for e in entries)
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

    people = city.people
    org = _chaired_orgs(city_dir)[0]
    log = tmp_path / "audit.jsonl"
    # The CLI opens the city's store (on Neo4j: the server, and the personal store
    # in the data directory), and nothing the environment names instead.
    env = {"GOVGRAPH_AUDIT_LOG": str(log), "GOVGRAPH_NEO4J_URI": None}
    res = CliRunner().invoke(main, [*city.cli, "who-leads", "--org", org,
                                    "--as-of", AS_OF, "--json"], env=env)
    assert res.exit_code == 0, res.output
    shown = {x["person_name"] for x in json.loads(res.output)["leaders"]}
    assert shown and shown <= {p["name"] for p in people}
    [entry] = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert entry["channel"] == "cli" and entry["key_id"].startswith("cli:")
    assert entry["persons"] >= 1 and org in entry["what"]
    res = CliRunner().invoke(main, [*city.cli, "audit-log", "--json"], env=env)
    assert json.loads(res.output)[0]["what"] == entry["what"]
    # A complaint routed at a compound: the chain's heads are named, and logged.
    with open(city_dir / "compounds.csv", encoding="utf-8") as fh:
        compound_ids = [r["id"] for r in csv.DictReader(fh)][:4]
    named = 0
    for cid in compound_ids:
        res = CliRunner().invoke(main, [*city.cli, "route", "小区消防通道长期被车辆占用", "--compound",
                                        cid, "--as-of", AS_OF, "--json"], env=env)
        assert res.exit_code == 0, res.output
        shown = {v for v in _values(json.loads(res.output), "person_name") if v}
        assert shown <= {p["name"] for p in people}
        named += bool(shown)
        last = [json.loads(line) for line in log.read_text("utf-8").splitlines()][-1]
        assert (cid in last["what"] and last["channel"] == "cli") == bool(shown)
    assert named


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
    # Revoked from the CLI, as an operator would (another key store on the same
    # file, as in another process): the running server refuses the key, which it
    # had already checked and remembered, on its very next request.
    from click.testing import CliRunner

    from govgraph.cli import main

    key_id, key = keys.create("analyst", "revoked from the CLI")
    auth = {"Authorization": f"Bearer {key}"}
    assert api.post("/cypher", json=query, headers=auth).status_code == 200
    assert api.post("/cypher", json=query, headers=auth).status_code == 200
    res = CliRunner().invoke(main, ["keys", "revoke", key_id],
                             env={"GOVGRAPH_KEYS_FILE": str(keys.path)})
    assert res.exit_code == 0, res.output
    problem(api.post("/cypher", json=query, headers=auth), 401, "unauthorized")
    problem(api.get("/measures", headers=auth), 401, "unauthorized")


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
    with client(city.store, data_dir=tmp_path, rate_public_per_min=3, rate_analyst_per_min=2) as c:
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
