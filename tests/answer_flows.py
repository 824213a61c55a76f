"""Answer flows by name, each made for a store: the flows
tests/engine/test_async_reads.py drives sync and async and
tests/engine/test_shared_reads_on_engines.py asks three times at once.

On the test dataset FLOWS answer and FAILING raise ``answers.NotFound``.
"""

from __future__ import annotations

from govgraph.queries import answers, compounds

DAY = "2024-06-30"

FLOWS = {
    "who leads 11": lambda s: answers.who_leads_flow(11),
    "who leads 十一 in the seed": lambda s: answers.who_leads_flow("十一", None),
    "who is responsible 13": lambda s: answers.who_is_responsible_flow(13),
    "escalation": lambda s: answers.escalation_flow(None),
    "escalation fire-lane": lambda s: answers.escalation_flow("fire-lane"),
    "compound 1": lambda s: compounds.compound_responsibility_flow("t:cpd:1", DAY),
    "compound 3 in 2018": lambda s: compounds.compound_responsibility_flow("t:cpd:3", "2018-06-30"),
    "chain 1 fire-lane": lambda s: compounds.compound_escalation_flow("t:cpd:1", "fire-lane", DAY),
    "chain 4": lambda s: compounds.compound_escalation_flow("t:cpd:4", None, DAY),
    "duties of 市住建局": lambda s: answers.unit_measures_flow("市住建局"),
    "measure 4 in full": lambda s: answers.measure_details_flow("四"),
    "leaders of an owners committee": lambda s: compounds.org_leaders_flow("t:org:oc1", DAY),
    "leaders in 2020": lambda s: compounds.org_leaders_flow("t:org:oc1", "2020-06-30"),
    "unit load": lambda s: answers.unit_load_flow(None),
    "load of 市委组织部": lambda s: answers.unit_load_of_flow("市委组织部"),
    "measures": lambda s: answers.list_measures_flow(None),
    "units like 市": lambda s: answers.search_units_flow("市", 50),
    "no text, no units": lambda s: answers.search_units_flow("  "),
    "structure of 环物委": lambda s: answers.structure_flow("环物委"),
    "members of the county governments": lambda s: answers.collective_members_flow(
        "各县〔区〕人民政府〔管委会〕"),
    "nodes like 住建": lambda s: answers.search_nodes_flow("住建"),
    "committees like 委员会": lambda s: answers.search_nodes_flow("委员会", ["Committee"], 50),
    "diffuse accountability": lambda s: answers.diffuse_accountability_flow(1, None),
    "graph report": lambda s: answers.load_report_flow(),
    "documents": lambda s: answers.documents_flow(),
    "issue types": lambda s: answers.issue_types_flow(),
    "compounds": lambda s: compounds.find_compounds_flow("", 0, 100),
    "audit ungoverned": lambda s: compounds.audit_flow("ungoverned"),
    "audit party share": lambda s: compounds.audit_flow("party-share", DAY),
    "audit blacklisted": lambda s: compounds.audit_flow("blacklisted", "2022-06-30"),
    "node by unit alias": lambda s: answers.resolve_node_flow("市住建局"),
    "node by measure number": lambda s: answers.resolve_node_flow("十一"),
    "subgraph depth 2": lambda s: answers.subgraph_flow(["市住建局", "11"], 2),
    "subgraph cut at 10 nodes": lambda s: answers.subgraph_flow("市住建局", 2, max_nodes=10),
    "node details": lambda s: answers.node_details_flow("committee:env-property"),
    "escalation graph": lambda s: answers.escalation_subgraph_flow("fire-lane"),
    "compound chain graph": lambda s: compounds.compound_escalation_subgraph_flow("t:cpd:1", "fire-lane", DAY),
    "whole graph of committees": lambda s: answers.whole_graph_flow(["Committee"], None),
}
FAILING = {
    "no measure 99": lambda s: answers.who_leads_flow(99),
    "no such issue": lambda s: answers.escalation_flow("no-such-issue"),
    "no such compound": lambda s: compounds.compound_responsibility_flow("t:cpd:999", DAY),
    "no such unit": lambda s: answers.unit_measures_flow("市不存在局"),
    "no measure 40 in full": lambda s: answers.measure_details_flow(40),
    "no such organization": lambda s: compounds.org_leaders_flow("t:org:none", DAY),
    "structure of no unit": lambda s: answers.structure_flow("市不存在局"),
    "no such audit": lambda s: compounds.audit_flow("no-such-audit"),
    "no such node": lambda s: answers.resolve_node_flow("没有这个节点xyz"),
    "no such node's details": lambda s: answers.node_details_flow("nobody"),
}
