"""Cases (issue 28): registry files `cases` and `case_steps`, their validation, and
the measure of measure 13 on a fixture whose figures are worked out by hand here,
on both engines; and on a synthetic city, the patterns `govgraph synth` planted.

The fixture is tests/data/registry/cases.csv and case_steps.csv. As of 2024-06-30
(t:case:8 opens 2024-07-05 and is not counted):

case  compound      governing               outcome            days  skips  off-chain
1     t:cpd:1 (st1) 业委会 + Party branch    resolved compound   5     0      0
2     t:cpd:1 (st1) 业委会 + Party branch    resolved community 20     0      0
3     t:cpd:2 (st1) 院委会                   open, due 03-31     -     1 (compound->street)
4     t:cpd:3 (st2) 业委会 without branch    resolved street    30     0      0
5     t:cpd:4 (st2) none                     open, due 05-31     -     0      1 (测试街道办事处
                                                                               is not 测试镇's)
6     t:cpd:4 (st2) none                     open, due 07-25     -     0      0
7     t:cpd:5 (st1) joint committee          withdrawn           -     0      0
9     t:cpd:3 (st2) 业委会 without branch    resolved county    41     1 (compound->county)
"""

from __future__ import annotations

import shutil

import pytest
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.loaders.registry import RegistryError
from govgraph.queries import answers, cases
from helpers import REGISTRY

DAY = "2024-06-30"


def test_the_measure_in_total_by_hand(store):
    m = cases.case_measure(store, "street", None, DAY)
    t = m.total
    # 8 cases: resolved 1, 2, 4, 9; withdrawn 7; open 3, 5, 6 of which 3 and 5 are past due.
    assert (t.cases, t.resolved, t.withdrawn, t.open, t.overdue) == (8, 4, 1, 3, 2)
    # one resolved at each of compound, community, street, county: a quarter each
    assert t.resolved_at == {"compound": 1, "community": 1, "street": 1, "county": 1, "city": 0}
    assert (t.within_compound, t.within_community, t.within_street) == (0.25, 0.5, 0.75)
    assert t.median_days == 25.0  # median of 5, 20, 30, 41
    assert (t.skipped_steps, t.cases_with_skips) == (2, 2)  # cases 3 and 9
    assert (t.off_chain_steps, t.off_chain_cases) == (1, 1)  # case 5, step 2
    assert t.synthetic is False


def test_the_measure_per_street_and_county(store):
    rows = {r.key: r for r in cases.case_measure(store, "street", None, DAY).rows}
    s1, s2 = rows["t:street:1"], rows["t:street:2"]
    # street 1: cases 1, 2, 3, 7 — resolved in the compound (5 d) and the community (20 d)
    assert (s1.cases, s1.resolved, s1.withdrawn, s1.open, s1.overdue) == (4, 2, 1, 1, 1)
    assert (s1.within_compound, s1.within_community, s1.median_days) == (0.5, 1.0, 12.5)
    assert (s1.skipped_steps, s1.off_chain_steps) == (1, 0)
    # street 2: cases 4, 5, 6, 9 — resolved at the street (30 d) and the county (41 d)
    assert (s2.cases, s2.resolved, s2.open, s2.overdue) == (4, 2, 2, 1)
    assert (s2.within_compound, s2.within_street, s2.median_days) == (0.0, 0.5, 35.5)
    assert (s2.skipped_steps, s2.off_chain_steps) == (1, 1)
    counties = {r.name: r.cases for r in cases.case_measure(store, "county", None, DAY).rows}
    assert counties == {"西秀区": 4, "普定县": 4}


def test_the_measure_by_governing_body_type(store):
    rows = {r.key: r for r in cases.case_measure(store, "body-type", None, DAY).rows}
    assert {k: r.cases for k, r in rows.items()} == {
        "owners-committee-party": 2, "owners-committee": 2, "none": 2, "courtyard": 1, "joint": 1}
    party = rows["owners-committee-party"]
    assert (party.within_compound, party.within_community, party.median_days) == (0.5, 1.0, 12.5)
    plain = rows["owners-committee"]
    assert (plain.within_compound, plain.within_street, plain.median_days) == (0.0, 0.5, 35.5)
    assert rows["none"].off_chain_steps == 1 and rows["none"].resolved == 0
    assert rows["courtyard"].skipped_steps == 1 and rows["courtyard"].overdue == 1
    assert rows["joint"].withdrawn == 1


def test_the_measure_per_compound_and_within_an_area(store):
    m = cases.case_measure(store, "compound", "t:street:2", DAY)
    assert m.total.cases == 4
    assert {(r.key, r.body_type, r.cases) for r in m.rows} == {
        ("t:cpd:3", "owners-committee", 2), ("t:cpd:4", "none", 2)}
    assert cases.case_measure(store, "compound", "t:comm:2", DAY).total.cases == 4
    assert cases.case_measure(store, "compound", "nowhere", DAY).total.cases == 0


def test_as_of_counts_what_had_happened_by_then(store):
    # On 2024-02-10: cases 7 (withdrawn), 1 (resolved) and 2, opened 02-01 and closed
    # 02-21, so still open (due 03-02: not overdue); its second step (02-05) had happened.
    m = cases.case_measure(store, "street", None, "2024-02-10").total
    assert (m.cases, m.resolved, m.withdrawn, m.open, m.overdue) == (3, 1, 1, 1, 0)
    c2 = cases.case(store, "t:case:2", "2024-02-10")
    assert (c2.outcome, c2.closed, c2.resolved_level, len(c2.steps)) == ("open", None, None, 2)
    # On 2024-07-10 case 8 has opened and closed (1 day); case 6 is due 07-25.
    later = cases.case_measure(store, "street", None, "2024-07-10").total
    assert (later.cases, later.resolved, later.overdue, later.median_days) == (9, 5, 2, 20.0)
    # A shorter due period makes case 6 overdue too.
    assert cases.case_measure(store, "street", None, "2024-07-10", due_days=10).total.overdue == 3


def test_a_case_and_its_steps_cite_their_rows(store):
    c = cases.case(store, "t:case:5", DAY)
    assert (c.compound.id, c.street.id, c.governing, c.issue) == ("t:cpd:4", "t:street:2", "none",
                                                                 "illegal-construction")
    assert (c.citation.file, c.citation.line) == ("cases.csv", 6)
    first, second = c.steps
    assert first.body is None and first.off_chain is None and first.level == "community"
    assert (second.body.id, second.off_chain, second.citation.file, second.citation.line) == (
        "t:org:street1", True, "case_steps.csv", 12)
    # free text is judged against the chain of the type routing finds in it
    c3 = cases.case(store, "t:case:3", DAY)
    assert c3.issue is None and c3.issue_text == "楼道堆放杂物"
    assert [s.skipped_levels for s in c3.steps] == [0, 1]
    with pytest.raises(answers.NotFound):
        cases.case(store, "t:case:8", DAY)  # not yet opened
    with pytest.raises(answers.NotFound):
        cases.case(store, "t:case:nope", DAY)


def test_cases_are_linked_to_their_compound_and_bodies(store):
    rows = store.read("MATCH (k:Case {id: 't:case:9'})-[:OPENED_IN]->(p:Area) RETURN p.id").rows
    assert rows == [["t:cpd:3"]]
    rows = store.read("MATCH (k:Case {id: 't:case:9'})-[h:HANDLED_BY]->(b) "
                      "RETURN b.id, h.steps ORDER BY b.id").rows
    assert rows == [["t:org:oc3", [1]], ["unit:市水务局", [3]], ["unit:普定县人民政府", [2]]]
    rows = store.read("MATCH (k:Case {id: 't:case:1'})-[:HAS_STEP]->(s:CaseStep)-[:TAKEN_BY]->(b) "
                      "RETURN s.order, b.id, s.registry_file, s.registry_line ORDER BY s.order").rows
    assert rows == [[1, "t:org:oc1", "case_steps.csv", 2], [2, "t:org:oc1", "case_steps.csv", 3]]
    rows = store.read("MATCH (k:Case {id: 't:case:1'})-[:ABOUT]->(i:IssueType) RETURN i.key").rows
    assert rows == [["fire-lane"]]
    # no case carries anything about who complained
    keys = store.read("MATCH (k:Case) RETURN DISTINCT keys(k) AS k").rows
    assert not any({"name_of", "complainant", "person_id", "phone"} & set(k[0]) for k in keys)


# --- bad input: file, line, field; nothing written ------------------------------------------

def _broken(tmp_path, file: str, old: str, new: str):
    d = tmp_path / "registry"
    shutil.copytree(REGISTRY, d)
    p = d / file
    text = p.read_text("utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), "utf-8")
    return d


@pytest.mark.parametrize("file,old,new,line,field,reason", [
    ("cases.csv", "t:case:4,t:cpd:3,", "t:case:4,t:cpd:33,", 5, "compound_id", "no compound"),
    ("cases.csv", "t:case:4,t:cpd:3,fee-arrears", "t:case:4,t:cpd:3,fee-arrear", 5, "issue",
     "unknown issue type"),
    ("cases.csv", "property_company,2024-04-01", "courier,2024-04-01", 5, "channel", "Input should be"),
    ("cases.csv", "2024-04-01,resolved,street,2024-05-01", "2024-04-01,resolved,street,2024-03-01", 5,
     "closed", "before it was opened"),
    ("cases.csv", "2024-04-01,resolved,street", "2024-04-01,resolved,", 5, "resolved_level",
     "needs the level"),
    ("cases.csv", "owner,2024-01-10", "owner,2024-01-10,张三", 2, None, "more values than header"),
    ("case_steps.csv", "t:case:4,2,community,t:org:c2r", "t:case:4,2,community,t:org:c9r", 9,
     "body_id", "no body with id 't:org:c9r'"),
    ("case_steps.csv", "t:case:4,2,community,t:org:c2r", "t:case:4,2,province,t:org:c2r", 9,
     "level", "Input should be"),
    ("case_steps.csv", "t:case:4,2,community,t:org:c2r", "t:case:4,2,street,t:org:c2r", 9,
     "level", "sits at community level, not street"),
    ("case_steps.csv", "t:case:4,2,community,t:org:c2r", "t:case:4,2,community,t:p:7", 9,
     "body_id", "not a person"),
    ("case_steps.csv", "t:case:4,3,street,t:org:town2,resolved,2024-04-20",
     "t:case:4,3,street,t:org:town2,resolved,2024-04-02", 10, "start", "before step 2"),
    ("case_steps.csv", "t:case:4,1,compound,t:org:oc3,received,2024-04-01",
     "t:case:4,1,compound,t:org:oc3,received,2024-03-01", 8, "start", "before case"),
    ("case_steps.csv", "mediated,2024-04-05,2024-04-10", "mediated,2024-04-05,2024-04-01", 9, "end",
     "before it starts"),
    ("case_steps.csv", "t:case:4,2,community", "t:case:44,2,community", 9, "case_id", "no case"),
    ("case_steps.csv", "t:case:4,2,community", "t:case:4,1,community", 9, "order", "has a step 1"),
    ("case_steps.csv", "t:case:5,1,community,,received", "t:case:5,1,,,received", 11, "level",
     "give the level or the body"),
])
def test_a_bad_case_row_names_file_line_and_field(tmp_path, store, file, old, new, line, field,
                                                  reason):
    before = answers.load_report(store)
    bad = _broken(tmp_path, file, old, new)
    with pytest.raises(RegistryError) as err:
        execute(store, plan_load(registries=[bad]))
    e = err.value
    assert (e.file, e.line, e.field) == (file, line, field), str(e)
    assert reason in e.reason
    assert answers.load_report(store) == before


def test_a_case_that_would_name_a_resident_is_refused(tmp_path):
    bad = _broken(tmp_path, "cases.csv", "楼道堆放杂物", "楼道堆放杂物 13812345678")
    with pytest.raises(RegistryError) as err:
        plan_load(registries=[bad])
    assert (err.value.line, err.value.field) == (4, "issue")
    assert "13812345678" not in str(err.value)


def test_cases_may_come_in_a_directory_of_their_own(tmp_path, fresh_store):
    d = tmp_path / "cases-only"
    d.mkdir()
    for f in ("cases.csv", "case_steps.csv"):
        shutil.copy(REGISTRY / f, d / f)
    reg = tmp_path / "registry"
    shutil.copytree(REGISTRY, reg)
    (reg / "cases.csv").unlink()
    (reg / "case_steps.csv").unlink()
    with pytest.raises(RegistryError, match="no compound"):
        plan_load(registries=[d])  # alone, its compounds are unknown
    execute(fresh_store, plan_load(registries=[reg, d]))
    assert cases.case_measure(fresh_store, "street", None, DAY).total.cases == 8


# --- a synthetic city: the patterns synth planted show -----------------------------------------

@pytest.fixture(scope="module")
def synth_cases(tmp_path_factory):
    from govgraph.loaders.synth import synthesize

    city = tmp_path_factory.mktemp("case-city")
    synthesize(30_000, 5, city)
    d = tmp_path_factory.mktemp("case-city-falkor")
    store = FalkorDBStore(d)
    execute(store, plan_load(registries=[city]))
    yield store
    store.close()
    embedded_server.stop(d)


def test_synthetic_cases_show_the_planted_patterns(synth_cases):
    m = cases.case_measure(synth_cases, "body-type", None, DAY)
    rows = {r.key: r for r in m.rows}
    assert m.total.synthetic is True and "SYNTHETIC" in m.note
    assert m.total.cases > 300
    # compounds without a governing body escalate more: fewer settled at home
    none = rows["none"]
    governed = [r for k, r in rows.items() if k != "none" and r.resolved >= 10]
    assert governed and all(none.within_compound < r.within_compound - 0.2 for r in governed)
    # a Party-led 业委会 settles more at home than one without a branch
    assert rows["owners-committee-party"].within_compound > rows["owners-committee"].within_compound
    # some steps skip a level; some are taken off the chain (another community's committee)
    assert m.total.skipped_steps > 10 and m.total.off_chain_steps > 5
    off = [s for c in cases.list_cases(synth_cases, DAY) for s in c.steps if s.off_chain]
    assert off and all(s.level == "community" and s.body.id.startswith("committee:") for s in off)
