"""The catalogue's contract cases: the parameters each named query is run with.

Every query in queries/ needs at least one case here (tests/unit/test_catalogue_cases.py
fails otherwise); tests/engine/test_catalogue_contract.py runs each case on both
engines and compares the answers, tests/engine/test_async_reads.py runs them
sync and async.
"""

from __future__ import annotations

from govgraph.loaders.pipeline import DEFAULT_DOC_ID

CASES: dict[str, list[dict]] = {
    "case_rows": [{"as_of": "2024-06-30", "within": None, "case_id": None},
                  {"as_of": "2024-06-30", "within": "t:street:2", "case_id": None},
                  {"as_of": "2024-02-10", "within": None, "case_id": "t:case:2"},
                  {"as_of": "2020-01-01", "within": None, "case_id": None}],
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
    "graph_generation": [{}],
    "documents": [{}],
    "compound_place": [{"compound_id": "t:cpd:1", "as_of": "2024-06-30"},
                       {"compound_id": "t:cpd:1", "as_of": "2020-06-30"},
                       {"compound_id": "t:cpd:3", "as_of": "2018-06-30"},
                       {"compound_id": "t:cpd:4", "as_of": "2024-06-30"},
                       {"compound_id": "nowhere", "as_of": "2024-06-30"}],
    "type_overseers": [{"type_ids": ["committee:owners", "company:property", "gov:street-office"]}],
    "type_mediation": [{}],
    "org_leaders": [{"org_id": "t:org:oc1", "as_of": "2024-06-30"},
                    {"org_id": "t:org:oc1", "as_of": "2020-06-30"}, {"org_id": "t:org:cy2", "as_of": "2024-06-30"}],
    "org_branch_leaders": [{"org_id": "t:org:oc1", "as_of": "2024-06-30"}],
    "entity_names": [{"ids": ["t:org:street1p", "unit:市委组织部", "missing"]}],
    "audit_ungoverned_compounds": [{"skip": 0, "limit": 10}, {"skip": 1, "limit": 10}],
    "audit_owners_committee_party_share": [{"as_of": "2024-06-30"}, {"as_of": "2020-06-30"}],
    "audit_blacklisted_managers": [{"as_of": "2024-06-30", "skip": 0, "limit": 10},
                                   {"as_of": "2022-06-30", "skip": 0, "limit": 10}],
    "compounds": [{"text": "", "skip": 0, "limit": 100}, {"text": "小巷", "skip": 1, "limit": 1}],
    "places": [{"text": "塔东社区", "skip": 0, "limit": 20}, {"text": "520402", "skip": 3, "limit": 30},
               {"text": "和平", "skip": 0, "limit": 50}, {"text": "测试街道办事处", "skip": 0, "limit": 5},
               {"text": "nowhere", "skip": 0, "limit": 5}],
    "place_around": [{"area_id": "area:520402001001",
                      "parent_ids": ["area:520402001", "area:西秀区", "area:安顺市"]},
                     {"area_id": "t:comm:1", "parent_ids": ["t:street:1", "area:西秀区", "area:安顺市"]},
                     {"area_id": "t:cpd:1", "parent_ids": ["t:comm:1"]},
                     {"area_id": "area:nowhere", "parent_ids": []}],
    "place_residents": [{"ids": ["t:cpd:1", "t:comm:1", "area:西秀区", "area:520402001001", "area:nowhere"]}],
    "structure_relations": [{"unit_id": "committee:env-property"},
                            {"unit_id": "committee:owners"}, {"unit_id": "gov:street-office"}],
    "neighbourhood": [{"ids": ["unit:市住房城乡建设局"], "kinds": None, "types": None},
                      {"ids": ["committee:env-property", "level:community"],
                       "kinds": ["Committee", "PartyOrganization", "EscalationLevel"],
                       "types": ["HEADS", "SUPERVISES", "MEDIATES_AT", "ESCALATES_TO"]},
                      {"ids": ["nobody"], "kinds": None, "types": None}],
    "subgraph": [{"ids": None, "types": None},
                 {"ids": ["unit:市住房城乡建设局", f"{DEFAULT_DOC_ID}#m11", f"{DEFAULT_DOC_ID}#m13",
                          "unit:市发展改革委"], "types": None},
                 {"ids": None, "types": ["ESCALATES_TO", "MEDIATES_AT"]}],
    "node_properties": [{"ids": None, "kinds": None},
                        {"ids": [f"{DEFAULT_DOC_ID}#m11", "issue:fire-lane"], "kinds": None},
                        {"ids": None, "kinds": ["Area", "EscalationLevel"]}],
    "search_nodes": [{"texts": ["住建"], "number": None, "kinds": None, "limit": 20},
                     {"texts": ["11"], "number": 11, "kinds": None, "limit": 20},
                     {"texts": ["委员会"], "number": None, "kinds": ["Committee"], "limit": 50},
                     {"texts": ["committee"], "number": None, "kinds": None, "limit": 3}],
    "list_measures": [{"doc": None}, {"doc": DEFAULT_DOC_ID}, {"doc": "no-such-doc"}],
    # The shared fixture holds only the seed: compared with itself every pair of
    # measures sharing a unit is a row; a second document is in test_multi_document.py.
    "document_overlap": [{"doc_a": DEFAULT_DOC_ID, "doc_b": DEFAULT_DOC_ID},
                         {"doc_a": DEFAULT_DOC_ID, "doc_b": "doc-000000000000"}],
    "duty_edges": [{"docs": None}, {"docs": [DEFAULT_DOC_ID]}, {"docs": ["no-such-doc"]}],
    "co_responsibility": [{"docs": None}, {"docs": [DEFAULT_DOC_ID]}, {"docs": ["no-such-doc"]}],
    "structure_edges": [{"ids": None, "docs": None}, {"ids": None, "docs": [DEFAULT_DOC_ID]},
                        {"ids": ["committee:owners", "company:property"], "docs": None},
                        {"ids": ["nobody"], "docs": None}],
}

ALL = [(name, i, params) for name, cases in CASES.items() for i, params in enumerate(cases)]
