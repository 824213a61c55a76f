"""The questions issue 26 found on one surface only, now on both: the CLI and the HTTP
API give the same answer from the same function (embedded engine)."""

from __future__ import annotations

import json

import pytest
from api_helpers import TOKEN, problem
from api_helpers import client as _client
from click.testing import CliRunner
from govgraph.loaders.pipeline import DEFAULT_DOC_ID
from helpers import CORPUS

from govgraph.cli import main
from govgraph.usecases import LoadResult

NOTICE = CORPUS / "01_bracket_halfwidth.txt"


@pytest.fixture(scope="module")
def run(falkor_dir, falkor_store):
    runner = CliRunner()

    def _run(*args: str):
        return runner.invoke(main, ["--data-dir", str(falkor_dir), *args], catch_exceptions=False)

    return _run


@pytest.fixture
def fapi(falkor_store):
    with _client(falkor_store) as c:
        yield c


def test_documents_on_both_surfaces(run, fapi):
    res = run("documents", "--json")
    assert res.exit_code == 0, res.output
    cli = json.loads(res.output)
    assert [d["doc"] for d in cli] == [DEFAULT_DOC_ID] and cli[0]["measures"] == 16
    api = fapi.get("/documents").json()["items"]
    assert [(d["doc"], d["measures"]) for d in api] == [(d["doc"], d["measures"]) for d in cli]
    table = run("documents").output
    assert DEFAULT_DOC_ID in table and "16" in table


def test_search_on_both_surfaces(run, fapi):
    res = run("search", "市住房城乡建设局", "--json")
    assert res.exit_code == 0, res.output
    cli = json.loads(res.output)
    assert cli[0]["name"] == "市住房城乡建设局" and cli[0]["exact"]
    api = fapi.get("/search", params={"q": "市住房城乡建设局", "limit": 20}).json()["items"]
    assert [h["id"] for h in api] == [h["id"] for h in cli]
    measures = json.loads(run("search", "11", "--kind", "Measure", "--json").output)
    assert measures and {h["kind"] for h in measures} == {"Measure"} and measures[0]["number"] == 11
    assert json.loads(run("search", "无此单位之名", "--json").output) == []


def test_overlap_on_both_surfaces(run, fapi):
    res = run("overlap", DEFAULT_DOC_ID, DEFAULT_DOC_ID, "--json")
    assert res.exit_code == 0, res.output
    cli = json.loads(res.output)
    assert cli["pairs"] and cli["shared_units"]
    api = fapi.get("/documents/overlap", params={"doc_a": DEFAULT_DOC_ID, "doc_b": DEFAULT_DOC_ID})
    assert api.status_code == 200, api.text
    assert api.json() == cli


def test_overlap_of_an_unknown_document(run, fapi):
    problem(fapi.get("/documents/overlap", params={"doc_a": DEFAULT_DOC_ID, "doc_b": "no-such-doc"}),
            404, "not-found", "no-such-doc")
    res = run("overlap", DEFAULT_DOC_ID, "no-such-doc")
    assert res.exit_code == 2 and "no-such-doc" in res.output


def test_extract_on_both_surfaces_writes_nothing(run, fapi):
    before = fapi.get("/health").json()
    res = run("extract", str(NOTICE), "--json")
    assert res.exit_code == 0, res.output
    cli = json.loads(res.output)
    api = fapi.post("/extract", json={"name": NOTICE.name, "text": NOTICE.read_text("utf-8")})
    assert api.status_code == 200, api.text
    assert api.json() == cli
    assert cli["measures"] and cli["document"]["sha256"]
    assert fapi.get("/health").json() == before  # nothing written


def test_extract_refuses_a_text_that_is_not_a_notice(fapi):
    body = problem(fapi.post("/extract", json={"name": "letter.txt", "text": "尊敬的居民:您好。"}),
                   422, "invalid-document")
    assert "letter.txt" in body["detail"] and "no numbered measures" in body["detail"]
    problem(fapi.post("/extract", json={"name": "empty.txt"}), 422)


def test_load_gives_one_result_on_both_surfaces(run, fresh_store):
    cli = json.loads(run("load", "--json").output)
    assert set(cli) == set(LoadResult.model_fields)
    with _client(fresh_store) as c:
        res = c.post("/load", json={}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert res.status_code == 200, res.text
        api = res.json()
    assert set(api) == set(cli)
    assert api["documents"] == cli["documents"] and api["graph"]["nodes"]["Measure"] == 16
    assert api["registries"] == [] and api["divisions"] == [] and api["partial"] is False


def test_structure_members_and_issue_types_on_both_surfaces(run, fapi):
    """Once API-only (the browser view's reads), now built from their declarations."""
    from urllib.parse import quote

    cli = json.loads(run("structure", "环物委", "--json").output)
    api = fapi.get(f"/units/{quote('环物委')}/structure", params={"limit": 500}).json()
    assert cli["unit"] == api["unit"] and cli["unit"]["id"] == "committee:env-property"
    assert cli["relations"] == api["items"] and api["total"] == len(cli["relations"])
    table = run("structure", "环物委").output
    assert "HEADS" in table and "主任由社区(村)“两委”有关负责人担任" in table
    name = "各县(区)人民政府(管委会)"
    cli = json.loads(run("members", name, "--json").output)
    api = fapi.get(f"/units/{quote(name)}/members").json()
    assert cli["members"] == api["items"] and len(cli["members"]) == 8
    assert "各县〔区〕人民政府〔管委会〕" in run("members", name).output
    cli = json.loads(run("issue-types", "--json").output)
    assert cli == fapi.get("/issue-types").json()["items"] and "fire-lane" in run("issue-types").output
    assert run("structure", "无此单位之名").exit_code != 0


def test_paged_lists_skip_and_limit_on_the_cli_as_over_http(run, fapi):
    """compounds, places and search read a page in the query on both surfaces."""
    cli = json.loads(run("compounds", "--skip", "1", "--limit", "2", "--json").output)
    api = fapi.get("/compounds", params={"offset": 1, "limit": 2}).json()
    assert cli == api["items"] and len(cli) == 2 and api["total"] > 3
    cli = json.loads(run("places", "西秀区", "--limit", "3", "--json").output)
    assert cli == fapi.get("/places", params={"q": "西秀区", "limit": 3}).json()["items"]
    cli = json.loads(run("search", "委员会", "--skip", "2", "--limit", "2", "--json").output)
    assert cli == fapi.get("/search", params={"q": "委员会", "offset": 2, "limit": 2}).json()["items"]
