"""The analyst's command line on a loaded store: JSON and tables, clear errors.
Help and the commands that need no store are in tests/unit/test_cli_offline.py."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govgraph.cli import main


@pytest.fixture(scope="module")
def run(falkor_dir, falkor_store):
    runner = CliRunner()

    def _run(*args: str):
        return runner.invoke(main, ["--data-dir", str(falkor_dir), *args], catch_exceptions=False)

    return _run


def test_load_is_idempotent_from_the_cli(run):
    first = json.loads(run("load", "--json").output)
    second = json.loads(run("load", "--json").output)
    assert first["graph"] == second["graph"]
    assert first["documents"][0]["measures"] == 16


def test_who_leads_json(run):
    res = run("who-leads", "11", "--json")
    assert res.exit_code == 0
    [answer] = json.loads(res.output)
    names = [d["unit"]["name"] for d in answer["duties"]]
    assert names == ["市住房城乡建设局", "市发展改革委"]
    assert answer["duties"][0]["citation"]["clause"] == "牵头单位:市住房城乡建设局、市发展改革委"


def test_measures_table(run):
    res = run("measures", "市委组织部")
    assert res.exit_code == 0
    assert "建立健全社区党组织机构" in res.output and "lead" in res.output


def test_responsible_thirteen(run):
    res = run("responsible", "13")
    assert res.exit_code == 0 and "市市场监管局" in res.output


def test_escalate_and_reports(run):
    assert "环境和物业管理委员会" in run("escalate", "--issue", "fire-lane").output
    assert json.loads(run("load-report", "--json").output)["nodes"]["Measure"] == 16
    assert "市住房城乡建设局" in run("unit-load").output
    assert json.loads(run("diffuse", "--json", "--min-responsible", "13").output)[0]["measure"]["number"] == 4


def test_unknown_measure_and_unit_exit_non_zero(run):
    res = run("who-leads", "99")
    assert res.exit_code == 2 and "no measure 99" in res.output
    res = run("measures", "市不存在局")
    assert res.exit_code == 2 and "unknown unit" in res.output
    assert "Traceback" not in res.output


def test_cypher_reads_and_refuses_writes(run):
    res = run("cypher", "MATCH (m:Measure {number: $n}) RETURN m.title AS title", "-p", "n=11", "--json")
    assert json.loads(res.output)["rows"] == [["建立完善物业服务企业市场信用体系"]]
    res = run("cypher", "MATCH (n) DETACH DELETE n")
    assert res.exit_code == 3 and "refused" in res.output
    assert json.loads(run("load-report", "--json").output)["nodes"]["Measure"] == 16


@pytest.mark.neo4j
def test_cli_on_neo4j(neo4j_uri, neo4j_store):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--neo4j", neo4j_uri, *args], catch_exceptions=False)

    loaded = json.loads(run("load", "--json").output)
    assert loaded["engine"] == "neo4j" and loaded["graph"]["nodes"]["Measure"] == 16
    [answer] = json.loads(run("who-leads", "十一", "--json").output)
    assert [d["unit"]["name"] for d in answer["duties"]] == ["市住房城乡建设局", "市发展改革委"]
    assert "市市场监管局" in run("responsible", "13").output
    assert "建立健全社区党组织机构" in run("measures", "市委组织部").output
    assert "市消防救援支队" in run("escalate", "--issue", "fire-lane").output
    assert "市住房城乡建设局" in run("unit-load").output
    res = run("cypher", "CREATE (n:Entity {id: 'x'})")
    assert res.exit_code == 3
    assert run("who-leads", "99").exit_code == 2


@pytest.mark.neo4j
def test_neo4j_refuses_cli_write_even_past_the_keyword_check(neo4j_store):
    """The READ access-mode session is what refuses; the keyword check is only a first line."""
    from govgraph.graph.store import ReadOnlyViolation

    with pytest.raises(ReadOnlyViolation, match="READ access mode"):
        neo4j_store.read_engine_guarded("MATCH (m:Measure {number: 1}) SET m.title = 'x'")
    assert neo4j_store.read("MATCH (m:Measure {number: 1}) RETURN m.title").rows[0][0] != "x"


def test_org_leaders_is_its_own_command(run):
    """Who leads an organization is `govgraph org-leaders` (one name with the question
    org_leaders and GET /organizations/{org_id}/leaders); `who-leads --org`, kept for
    scripts, gives the same answer."""
    res = run("org-leaders", "t:org:oc1", "--as-of", "2024-06-30", "--json")
    assert res.exit_code == 0, res.output
    body = json.loads(res.output)
    assert body["org"]["id"] == "t:org:oc1" and body["leaders"]
    old = run("who-leads", "--org", "t:org:oc1", "--as-of", "2024-06-30", "--json")
    assert old.exit_code == 0 and json.loads(old.output) == body
    assert run("org-leaders", "t:org:none").exit_code == 2
