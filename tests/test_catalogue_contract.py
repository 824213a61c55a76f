"""One catalogue, two engines: every named query answers identically on both.

A query added to queries/ without a case here fails test_every_query_has_a_case.
"""

from __future__ import annotations

import pytest

from govgraph.loaders.pipeline import DEFAULT_DOC_ID
from govgraph.queries import catalogue

CASES: dict[str, list[dict]] = {
    "who_leads": [{"number": 11, "doc": None}, {"number": 1, "doc": DEFAULT_DOC_ID},
                  {"number": 99, "doc": None}],
    "who_is_responsible": [{"number": 13, "doc": None}, {"number": 7, "doc": DEFAULT_DOC_ID}],
    "unit_measures": [{"unit_id": "unit:市委组织部"}, {"unit_id": "unit:各县〔区〕人民政府〔管委会〕"},
                      {"unit_id": "unit:nobody"}],
    "unit_load": [{"doc": None}, {"doc": DEFAULT_DOC_ID}],
    "diffuse_accountability": [{"min_responsible": 10, "doc": None},
                               {"min_responsible": 1, "doc": DEFAULT_DOC_ID}],
    "measure_info": [{"number": 4, "doc": None}, {"number": 16, "doc": DEFAULT_DOC_ID}],
    "find_unit": [{"names": ["市住建局"]}, {"names": ["各县(区)人民政府(管委会)", "各县〔区〕人民政府〔管委会〕"]},
                  {"names": ["环物委"]}],
    "search_units": [{"text": "市", "limit": 50}, {"text": "bureau", "limit": 5}],
    "collective_members": [{"unit_id": "unit:各县〔区〕人民政府〔管委会〕"},
                           {"unit_id": "unit:各县〔区〕党委〔工委〕"}],
    "escalation_levels": [{}],
    "issue_handlers": [{"issue": "fire-lane"}, {"issue": "私搭乱建"}, {"issue": "unknown"}],
    "issue_types": [{}],
    "count_nodes": [{}],
    "count_edges": [{}],
    "documents": [{}],
    "structure_relations": [{"unit_id": "committee:env-property"},
                            {"unit_id": "committee:owners"}, {"unit_id": "gov:street-office"}],
}

ALL = [(name, i, params) for name, cases in CASES.items() for i, params in enumerate(cases)]


def test_every_query_has_a_case():
    assert set(catalogue.catalogue()) == set(CASES), (
        "each catalogue query needs contract cases in tests/test_catalogue_contract.py")


@pytest.mark.parametrize("name,params", [(n, p) for n, _i, p in ALL],
                         ids=[f"{n}-{i}" for n, i, _p in ALL])
def test_query_runs_on_embedded(falkor_store, name, params):
    res = catalogue.run(falkor_store, name, **params)
    assert res.columns  # every query names its columns


@pytest.mark.neo4j
@pytest.mark.parametrize("name,params", [(n, p) for n, _i, p in ALL],
                         ids=[f"{n}-{i}" for n, i, _p in ALL])
def test_same_answer_on_both_engines(falkor_store, neo4j_store, name, params):
    f = catalogue.run(falkor_store, name, **params)
    n = catalogue.run(neo4j_store, name, **params)
    assert f.columns == n.columns
    assert f.rows == n.rows


def test_catalogue_refuses_undeclared_parameters(falkor_store):
    with pytest.raises(catalogue.CatalogueError, match="unknown"):
        catalogue.run(falkor_store, "who_leads", number=1, doc=None, evil="x")
    with pytest.raises(catalogue.CatalogueError, match="missing"):
        catalogue.run(falkor_store, "who_leads", number=1)
