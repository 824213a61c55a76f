"""Flows take no store: their logic is driven here with canned query results and a
plain dict for the generation cache, no database (queries/flow.py ``drive_canned``).
The rows are made up for these tests (SYNTHETIC), shaped as the catalogue returns them."""

from __future__ import annotations

import pytest
from govgraph.graph.store import QueryResult
from govgraph.queries import compounds
from govgraph.queries.answers import NotFound
from govgraph.queries.flow import Keep, Read, Recall, cached, drive_canned, read

DAY = "2024-06-30"


def _result(rows: list[dict]) -> QueryResult:
    columns = sorted({k for r in rows for k in r})
    return QueryResult(columns, [[r.get(c) for c in columns] for r in rows])


PLACE = {
    "compound_id": "syn:cpd:1", "compound_name": "SYNTHETIC 小区", "category": "commercial",
    "households": 120, "synthetic": True,
    "community_id": "syn:comm:1", "community_name": "SYNTHETIC 社区",
    "street_id": "syn:street:1", "street_name": "SYNTHETIC 街道", "street_kind": "street",
    "county_id": "syn:county:1", "county_name": "SYNTHETIC 区",
    "bodies": [{"body_id": "syn:org:oc1", "body_name": "SYNTHETIC 业委会", "body_kind": "Committee",
                "body_type": "committee:owners", "area_id": "syn:cpd:1", "heads": []}],
    "managers": [],
    "generation": "gen-1",
}
OVERSEER = {"type_id": "committee:owners", "relation": "GUIDES", "unit_id": "gov:street-office",
            "unit_name": "街道办事处", "source_doc": "doc", "source_measure": 11, "clause": "指导"}


class Canned:
    """Answers reads from a table by query name and records what was asked."""

    def __init__(self, **by_name: list[dict]) -> None:
        self.by_name = by_name
        self.asked: list[Read] = []

    def __call__(self, r: Read) -> QueryResult:
        self.asked.append(r)
        return _result(self.by_name.get(r.name, []))

    def names(self) -> list[str]:
        return [r.name for r in self.asked]


def test_a_compounds_answer_from_canned_rows():
    reads = Canned(compound_place=[PLACE], type_overseers=[OVERSEER])
    answer = drive_canned(compounds.compound_responsibility_flow("syn:cpd:1", DAY), reads, {})
    assert reads.asked[0] == Read("compound_place", {"compound_id": "syn:cpd:1", "as_of": DAY})
    assert [b.id for b in answer.governing_bodies] == ["syn:org:oc1"]
    assert [o.unit.id for o in answer.oversight] == ["gov:street-office"]
    assert answer.gaps == [f"no company or service centre manages this compound on {DAY}",
                           "the community has no 环境和物业管理委员会 (环物委)"]


def test_what_a_notice_says_about_types_is_read_once_per_generation():
    memory: dict = {}
    first = Canned(compound_place=[PLACE], type_overseers=[OVERSEER])
    drive_canned(compounds.compound_responsibility_flow("syn:cpd:1", DAY), first, memory)
    assert first.names() == ["compound_place", "type_overseers"]  # one body type: owners
    again = Canned(compound_place=[PLACE], type_overseers=[OVERSEER])
    drive_canned(compounds.compound_responsibility_flow("syn:cpd:1", DAY), again, memory)
    assert again.names() == ["compound_place"]
    newer = Canned(compound_place=[{**PLACE, "generation": "gen-2"}], type_overseers=[OVERSEER])
    drive_canned(compounds.compound_responsibility_flow("syn:cpd:1", DAY), newer, memory)
    assert newer.names() == ["compound_place", "type_overseers"]  # a load: read again


def test_an_unknown_compound_names_similar_ones():
    reads = Canned(compounds=[{"compound_id": "syn:cpd:10"}])
    with pytest.raises(NotFound, match="similar: syn:cpd:10"):
        drive_canned(compounds.compound_escalation_flow("syn:cpd:1", None, DAY), reads)
    assert reads.names() == ["compound_place", "compounds"]


def test_cached_yields_effects_a_driver_resolves():
    flow = cached("g", "k", lambda: read("type_mediation"))
    assert next(flow) == Recall("g", "k")
    assert flow.send((False, None)) == Read("type_mediation", {})
    result = QueryResult(["n"], [[1]])
    assert flow.send(result) == Keep("g", "k", result)
    with pytest.raises(StopIteration) as done:
        flow.send(None)
    assert done.value.value is result


def test_without_a_generation_cached_only_reads():
    flow = cached(None, "k", lambda: read("type_mediation"))
    assert next(flow) == Read("type_mediation", {})
