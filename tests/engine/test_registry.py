"""Registry data: formats, validation with file/line/field, all-or-nothing loads,
and the place-level answers — on both engines."""

from __future__ import annotations

import shutil

import pytest
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.loaders.registry import RegistryError
from govgraph.queries import answers, compounds
from govgraph.queries.persons import Role, disclose
from helpers import REGISTRY

DAY = "2024-06-30"


def test_ungoverned_compounds(store):
    rows = compounds.audit(store, "ungoverned")
    assert [r["compound_id"] for r in rows] == ["t:cpd:4"]


def test_party_share_audit_uses_membership_dates(store):
    assert [r["org_id"] for r in compounds.audit(store, "party-share", DAY)] == ["t:org:oc3"]
    # In 2020 阳光花园's committee had only its former, non-Party chair.
    assert [r["org_id"] for r in compounds.audit(store, "party-share", "2020-06-30")] == [
        "t:org:oc1", "t:org:oc3"]


def test_blacklisted_manager(store):
    rows = compounds.audit(store, "blacklisted", DAY)
    assert [(r["company_id"], r["compound_id"]) for r in rows] == [("t:co:B", "t:cpd:3")]
    assert compounds.audit(store, "blacklisted", "2022-06-30") == []


def test_who_leads_an_owners_committee(store):
    # The graph answers with opaque person ids; names come from the personal store,
    # for an admin only (issue 30: this test used to read names off the answer).
    res = compounds.org_leaders(store, "t:org:oc1", DAY)
    [chair] = res.leaders
    assert chair.person_name is None and chair.person_id
    assert disclose(res, Role.ADMIN, store.personal) == sorted(
        {chair.person_id, *(b.person_id for b in res.party_branch)})
    assert (chair.role, chair.person_name, chair.nominated_by.name) == ("chair", "张建国", "测试街道党工委")
    assert [b.person_name for b in res.party_branch] == ["张建国"]
    assert any(r.citation.measure == 2 and "推荐" in r.citation.clause for r in res.rules)
    before = compounds.org_leaders(store, "t:org:oc1", "2020-06-30")
    disclose(before, Role.ADMIN, store.personal)
    assert [x.person_name for x in before.leaders] == ["刘洋"]


def test_courtyard_chaired_by_first_secretary(store):
    res = compounds.org_leaders(store, "t:org:cy2", DAY)
    assert sorted(x.role for x in res.leaders) == ["chair", "first_secretary"]
    assert {x.nominated_by.name for x in res.leaders} == {"和平社区党委"}


def test_responsible_for_a_compound(store):
    res = compounds.compound_responsibility(store, "t:cpd:3", DAY)
    assert res.frame.community.name == "河边村" and res.frame.county.name == "普定县"
    assert [m.name for m in res.managers] == ["马虎物业管理有限公司"]
    assert res.managers[0].credit_list == "black"
    assert [b.name for b in res.governing_bodies] == ["河景苑业主委员会"]
    assert {b.name for b in res.street_bodies} == {"测试镇人民政府", "测试镇党委"}
    assert "普定县人民政府" in {b.name for b in res.county_bodies}
    overseers = {(o.over, o.unit.name) for o in res.oversight}
    assert ("committee:owners", "乡(镇)人民政府") in overseers
    assert ("company:property", "市住房城乡建设局") in overseers
    assert any("环物委" in g for g in res.gaps)
    # Before 2019-05 the compound was managed by another company.
    assert [m.name for m in compounds.compound_responsibility(store, "t:cpd:3", "2018-01-01").managers] \
        == ["安心物业服务有限公司"]


def test_escalation_for_a_governed_compound(store):
    chain = compounds.compound_escalation(store, "t:cpd:1", "fire-lane", DAY)
    levels = {lv.order: lv for lv in chain.levels}
    assert {b.body.name for b in levels[1].bodies} == {"阳光花园业主委员会", "阳光花园业主委员会党支部"}
    assert [b.body.name for b in levels[2].bodies if b.role == "convenes"] == ["和平社区环境和物业管理委员会"]
    assert [b.body.name for b in levels[3].bodies] == ["测试街道办事处", "西秀区人民政府"]
    discover = levels[4]
    assert {(b.body or b.manager).name for b in discover.bodies} == {
        "和平社区环境和物业管理委员会", "安心物业服务有限公司"}
    assert "市消防救援支队" in {b.unit.name for b in levels[6].bodies}
    assert chain.gaps == []
    for lv in chain.levels:
        for b in lv.bodies:
            assert b.citation.clause and b.citation.measure in (8, 13, 14)


def test_escalation_reports_gaps_not_skips(store):
    chain = compounds.compound_escalation(store, "t:cpd:4", "fire-lane", DAY)
    levels = {lv.order: lv for lv in chain.levels}
    assert levels[1].gap and not levels[1].bodies
    assert levels[2].gap  # 河边村 has no 环物委
    assert levels[3].gap is None
    assert levels[4].gap  # nobody manages it and there is no 环物委 to discover
    assert len(chain.gaps) == 3


def test_joint_committee_governs_both_compounds(store):
    for cid in ("t:cpd:5", "t:cpd:6"):
        res = compounds.compound_responsibility(store, cid, DAY)
        assert [b.name for b in res.governing_bodies] == ["小巷联合物管委院委会"]
        chain = compounds.compound_escalation(store, cid, None, DAY)
        assert chain.levels[0].gap is None


def test_unknown_compound_and_org(store):
    with pytest.raises(answers.NotFound, match="unknown compound"):
        compounds.compound_responsibility(store, "t:cpd:999")
    with pytest.raises(answers.NotFound, match="unknown organization"):
        compounds.org_leaders(store, "t:org:none")
    with pytest.raises(answers.NotFound, match="not a date"):
        compounds.compound_escalation(store, "t:cpd:1", None, "yesterday")


# --- validation: file, line, field; the stored graph unchanged ------------------------------

def _broken(tmp_path, file: str, old: str, new: str):
    d = tmp_path / "registry"
    shutil.copytree(REGISTRY, d)
    p = d / file
    text = p.read_text("utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), "utf-8")
    return d


@pytest.mark.parametrize("file,old,new,line,field,reason", [
    ("compounds.csv", "t:cpd:3,河景苑,t:comm:2,2015,300", "t:cpd:3,河景苑,t:comm:2,2015,-300", 4,
     "households", "greater than or equal to 0"),
    ("memberships.csv", "t:p:7,t:org:oc3,chair,2020-01-01", "t:p:7,t:org:oc3,chair,2020-13-01", 12,
     "start", "date"),
    ("memberships.csv", "t:p:8,t:org:oc3,member", "t:p:8,t:org:oc3,boss", 13, "role", "Input should be"),
    ("organizations.csv", "t:org:oc3,owners_committee", "t:org:oc3,owner_committee", 14, "kind",
     "unknown organization kind"),
    ("people.csv", "t:p:9,吴磊,true,t:cpd:3", "t:p:9,吴磊,true,t:cpd:33", 10, "compound_id",
     "no compound with id 't:cpd:33'"),
    ("streets.csv", "t:street:2,测试镇,普定县", "t:street:2,测试镇,火星县", 3, "county", "unknown county"),
    ("contracts.csv", "t:co:B,t:cpd:3,2019-05-01,", "t:co:B,t:cpd:3,2019-05-01,,extra", 4, None,
     "more values than header"),
])
def test_bad_row_names_file_line_and_field(tmp_path, store, file, old, new, line, field, reason):
    before = answers.load_report(store)
    bad = _broken(tmp_path, file, old, new)
    with pytest.raises(RegistryError) as err:
        execute(store, plan_load(registries=[bad]))
    e = err.value
    assert (e.file, e.line, e.field) == (file, line, field)
    assert reason in e.reason
    assert answers.load_report(store) == before


def test_bad_json_row(tmp_path, store):
    bad = _broken(tmp_path, "companies.json", '"kind": "service_center"', '"kind": "charity"')
    with pytest.raises(RegistryError) as err:
        plan_load(registries=[bad])
    # A JSON row is named by the line its object starts on (t:co:C, the third, on line 4).
    assert (err.value.file, err.value.line, err.value.field) == ("companies.json", 4, "kind")


def test_reloading_the_same_registry_changes_nothing(store, default_plan):
    before = answers.load_report(store)
    execute(store, default_plan)
    assert answers.load_report(store) == before
    assert before["nodes"]["Resident"] >= 12


def test_cli_names_the_bad_row(tmp_path, falkor_dir, falkor_store):
    from click.testing import CliRunner

    from govgraph.cli import main

    before = answers.load_report(falkor_store)
    bad = _broken(tmp_path, "people.csv", "t:p:9,吴磊,true,t:cpd:3", "t:p:9,吴磊,maybe,t:cpd:3")
    res = CliRunner().invoke(main, ["--data-dir", str(falkor_dir), "load", "--registry", str(bad)])
    assert res.exit_code == 1
    assert "people.csv, line 10, field 'party_member'" in res.output
    assert answers.load_report(falkor_store) == before


def test_registry_facts_cite_file_and_line(store):
    rows = store.read("MATCH (p:Resident)-[m:MEMBER_OF {role: 'chair'}]->(o:Entity {id: 't:org:oc3'}) "
                      "RETURN m.registry_file, m.registry_line").rows
    assert rows == [["memberships.csv", 12]]
    rows = store.read("MATCH (c:Company {id: 't:co:B'}) RETURN c.registry_file, c.registry_line").rows
    assert rows == [["companies.json", 3]]
