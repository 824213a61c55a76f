"""The questions users ask, answered with citations, on both engines."""

from __future__ import annotations

import pytest
from govgraph.queries import answers


def test_who_leads_eleven(store):
    [a] = answers.who_leads(store, "11")
    assert [d.unit.name for d in a.duties] == ["市住房城乡建设局", "市发展改革委"]
    for d in a.duties:
        assert d.citation.clause == "牵头单位:市住房城乡建设局、市发展改革委"
        assert d.citation.measure == 11


@pytest.mark.parametrize("spelling", ["11", "十一", "(十一)", "（十一）", 11])
def test_measure_spellings(store, spelling):
    [a] = answers.who_leads(store, spelling)
    assert a.measure.number == 11


def test_unknown_measure(store):
    with pytest.raises(answers.NotFound, match="no measure 99"):
        answers.who_leads(store, "99")
    with pytest.raises(answers.NotFound, match="not a measure number"):
        answers.who_leads(store, "eleven")


def test_responsible_thirteen_includes_line_broken_name(store):
    [a] = answers.who_is_responsible(store, 13)
    names = [d.unit.name for d in a.duties]
    assert "市市场监管局" in names
    broken = next(d for d in a.duties if d.unit.name == "市市场监管局")
    assert broken.as_written == "市市场监\n\n管局"
    assert [d.role for d in a.duties].count("lead") == 1
    assert len(names) == 14


def test_measures_of_organisation_department(store):
    res = answers.unit_measures(store, "市委组织部")
    led = [d.measure.number for d in res.duties if d.role == "lead"]
    assert led == [1, 2, 3, 7]
    assert [d.measure.number for d in res.duties if d.role == "responsible"] == [8]


def test_unit_by_alias_and_unknown_unit(store):
    assert answers.find_unit(store, "市住建局").name == "市住房城乡建设局"
    assert answers.find_unit(store, "各县(区)人民政府(管委会)").name == "各县〔区〕人民政府〔管委会〕"
    with pytest.raises(answers.NotFound, match="unknown unit"):
        answers.find_unit(store, "市不存在局")


def test_unit_load(store):
    rows = answers.unit_load(store)
    top = rows[0]
    assert top.unit.name == "市住房城乡建设局"
    assert (top.lead, top.responsible) == (12, 4)
    assert sum(r.lead for r in rows) == 18  # 16 measures, two of them with two leads


def test_diffuse_accountability(store):
    rows = answers.diffuse_accountability(store, min_responsible=13)
    assert [r.measure.number for r in rows] == [4, 13, 14]


def test_escalation_chain(store):
    res = answers.escalation(store)
    assert [lv.name for lv in res.levels] == ["住宅小区", "社区(村)", "街道(乡镇)"]
    compound = {b.body.name for b in res.levels[0].bodies}
    assert {"业主委员会党支部", "业主委员会"} <= compound
    community = res.levels[1].bodies
    assert any(b.body.name == "环境和物业管理委员会" and b.role == "convenes" for b in community)
    assert all(b.citation.clause for lv in res.levels for b in lv.bodies)


def test_escalation_for_fire_lane(store):
    res = answers.escalation(store, "fire-lane")
    assert res.issue.name == "占用堵塞消防通道"
    stages = {}
    for h in res.handlers:
        stages.setdefault(h.stage, set()).add(h.unit.name)
    assert stages[1] == {"物业服务企业", "环境和物业管理委员会"}
    assert "市消防救援支队" in stages[3] and "市公安局" in stages[3]
    assert len(stages[3]) == 8


def test_unknown_issue_type_lists_known_ones(store):
    with pytest.raises(answers.NotFound, match="fire-lane"):
        answers.escalation(store, "noise")


def test_load_report_counts(store):
    rep = answers.load_report(store)
    assert rep["nodes"]["Measure"] == 16
    assert rep["nodes"]["Section"] == 6
    assert rep["nodes"]["PolicyDocument"] == 1
    assert rep["edges"]["LEADS_MEASURE"] == 18
    assert rep["edges"]["INCLUDES"] == 16
