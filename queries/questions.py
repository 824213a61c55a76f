"""Every question govgraph answers, declared once, with where each surface asks it.

A question names its CLI command (``cli``: the path after ``govgraph``, with
``cli_variant`` for the option or argument that picks it, e.g. ``--org ID``) and
its HTTP routes (``routes``: ``"METHOD /path"``). A question on one surface only
says why the other has none (``no_cli`` / ``no_api``).
``tests/unit/test_surfaces.py`` walks the click group and the FastAPI app and
fails when a command or route is missing here, when one declared here does not
exist, or when a question is on one surface without a reason: drift between the
CLI and the API is a failing test, not a surprise. Adding a question starts here
(docs/adding-a-question.md).

>>> by_name()["who_leads"].routes
('GET /measures/{measure}/leads',)
>>> by_name()["health"].no_cli
'the server is up and its store answers: a property of a running server'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QUESTIONS", "Question", "by_name"]


@dataclass(frozen=True)
class Question:
    name: str
    docs: str
    cli: str | None = None
    cli_variant: str = ""
    routes: tuple[str, ...] = ()
    no_cli: str | None = None
    no_api: str | None = None


_Q = Question
_PAGES = "pages for a browser, not questions about the graph"
_OPERATOR = "manages the local machine (server processes, keys, files); no HTTP caller may"

QUESTIONS: tuple[Question, ...] = (
    # loading and reading notices
    _Q("load", "Load the default dataset and notices, all-or-nothing", cli="load",
       routes=("POST /load",)),
    _Q("extract", "What a notice yields, nothing written", cli="extract", routes=("POST /extract",)),
    _Q("synth", "Write a SYNTHETIC city registry", cli="synth",
       no_api="writes registry files to a local directory for `load --registry`"),
    _Q("graph_report", "Nodes per kind and edges per type", cli="load-report",
       routes=("GET /reports/graph",)),
    _Q("documents", "The loaded documents", cli="documents", routes=("GET /documents",)),
    _Q("document_overlap", "Where two documents give duties to the same units", cli="overlap",
       routes=("GET /documents/overlap",)),
    # measures
    _Q("measures", "List measures", routes=("GET /measures",),
       no_cli="`search --kind Measure` and `who-leads`/`responsible` cover it; a list for browsing"),
    _Q("measure", "A measure's text and every duty in it", routes=("GET /measures/{measure}",),
       no_cli="`who-leads` and `responsible` print the duties by role"),
    _Q("who_leads", "Lead units of a measure", cli="who-leads",
       routes=("GET /measures/{measure}/leads",)),
    _Q("org_leaders", "Who leads an organization, and its branches", cli="org-leaders",
       routes=("GET /organizations/{org_id}/leaders",)),
    _Q("who_is_responsible", "Responsible units of a measure", cli="responsible",
       routes=("GET /measures/{measure}/responsible",)),
    _Q("compound_responsible", "Who answers for a compound", cli="responsible",
       cli_variant="--compound ID", routes=("GET /compounds/{compound_id}/responsible",)),
    # units
    _Q("units", "Find units by name or alias", routes=("GET /units",),
       no_cli="`search` finds units among every kind of node"),
    _Q("unit", "The unit a name resolves to", routes=("GET /units/{unit}",),
       no_cli="`search` shows the unit; its details are for the browser view"),
    _Q("unit_measures", "A unit's duties", cli="measures", routes=("GET /units/{unit}/duties",)),
    _Q("unit_load", "Responsibility load per unit", cli="unit-load",
       routes=("GET /reports/unit-load", "GET /units/{unit}/load")),
    _Q("structure", "The standing structure around a body", routes=("GET /units/{unit}/structure",),
       no_cli="read in the browser view; `cypher` with structure_relations answers it locally"),
    _Q("collective_members", "The bodies a collective actor stands for",
       routes=("GET /units/{unit}/members",),
       no_cli="read in the browser view; `extract --json` shows how a notice names them"),
    _Q("diffuse", "Measures with many co-responsible units", cli="diffuse",
       routes=("GET /audits/diffuse-accountability",)),
    # escalation, places, audits
    _Q("escalation", "How a dispute escalates; an issue type's handlers", cli="escalate",
       routes=("GET /escalation",)),
    _Q("compound_escalation", "A compound's concrete escalation chain", cli="escalate",
       cli_variant="--compound ID", routes=("GET /compounds/{compound_id}/escalation",)),
    _Q("issue_types", "The issue types", routes=("GET /issue-types",),
       no_cli="a list for the browser view's picker; `search TEXT --kind IssueType` finds them"),
    _Q("route", "Route a complaint to who handles it", cli="route", routes=("POST /route",)),
    _Q("audit", "Registry audits", cli="audit", routes=("GET /audits/{name}",)),
    _Q("compounds", "Find compounds", cli="compounds", routes=("GET /compounds",)),
    _Q("places", "Find places", cli="places", routes=("GET /places",)),
    _Q("search", "Find any node", cli="search", routes=("GET /search",)),
    # analytics
    *(_Q(f"analyze_{q}", f"Analytics: {q}", cli="analyze", cli_variant=q,
         routes=(f"GET /analytics/{q}" + ("/{compound}" if q == "brokers" else ""),))
      for q in ("degree", "centrality", "communities", "concentration", "unled", "diff",
                "hierarchy", "brokers")),
    _Q("analyze_place_brokers", "Analytics: the brokers of a place's compounds", cli="analyze",
       cli_variant="brokers --place ID", routes=("GET /analytics/brokers",)),
    _Q("analytics_plot", "An analytics chart as SVG or PNG", cli="draw", cli_variant="--chart NAME",
       routes=("GET /analytics/{chart}/plot",)),
    # cases (measure 13)
    _Q("cases", "Cases and their steps", cli="cases list", routes=("GET /cases",)),
    _Q("case", "One case", cli="cases show", routes=("GET /cases/{case_id}",)),
    _Q("cases_measure", "Measure 13's own figures from the cases", cli="cases measure",
       routes=("GET /cases/measure",)),
    # the graph as a graph
    _Q("subgraph", "A focused subgraph", cli="export", routes=("GET /graph/subgraph",)),
    _Q("picture", "A picture of a subgraph (SVG or PNG file)", cli="draw",
       no_api="writes a local file; over HTTP the browser view draws GET /graph/subgraph"),
    _Q("place_graph", "The graph around a place", routes=("GET /graph/place",),
       no_cli="drawn by the browser view; `export --focus` writes the same nodes"),
    _Q("escalation_graph", "The escalation chain as a graph", routes=("GET /graph/escalation",),
       no_cli="drawn by the browser view; `escalate` prints the chain"),
    _Q("node", "A node's details", routes=("GET /graph/nodes/{node_id}",),
       no_cli="the browser view's details panel; `cypher` reads a node locally"),
    _Q("schema", "Node kinds and edge types", routes=("GET /graph/schema",),
       no_cli="the browser view's legend; docs/data-model.md lists them"),
    _Q("cypher", "Read-only Cypher", cli="cypher", routes=("POST /cypher",)),
    # personal data and access
    _Q("person", "A resident's record (admin)", routes=("GET /persons/{person_id}",),
       no_cli="the operator reads the personal store directly; the route exists for remote admins"),
    _Q("audit_log", "Who read personal data", cli="audit-log", routes=("GET /admin/audit-log",)),
    _Q("keys_create", "Issue an API key", cli="keys create", no_api=_OPERATOR),
    _Q("keys_list", "List API keys", cli="keys list", no_api=_OPERATOR),
    _Q("keys_revoke", "Revoke an API key", cli="keys revoke", no_api=_OPERATOR),
    _Q("keys_rotate", "Rotate an API key", cli="keys rotate", no_api=_OPERATOR),
    # the server and the embedded database
    _Q("serve", "Run the HTTP API", cli="serve", no_api="starts the API itself"),
    _Q("db_start", "Start the embedded server", cli="db start", no_api=_OPERATOR),
    _Q("db_status", "Is the embedded server running", cli="db status", no_api=_OPERATOR),
    _Q("db_stop", "Stop the embedded server", cli="db stop", no_api=_OPERATOR),
    _Q("db_schema", "Create the constraints and indexes every load creates (after a bulk import "
       "into a Neo4j you run)", cli="db schema", no_api=_OPERATOR),
    _Q("health", "Is the store answering", routes=("GET /health",),
       no_cli="the server is up and its store answers: a property of a running server"),
    _Q("page", "The browser view", routes=("GET /", "GET /static/…"), no_cli=_PAGES),
    _Q("api_docs", "The API's documentation", routes=("GET /docs", "GET /openapi.json",
                                                      "GET /problems/{slug}"), no_cli=_PAGES),
    # Open311 GeoReport v2
    _Q("open311_services", "Open311: service list and definitions",
       routes=("GET /open311/v2/services.json", "GET /open311/v2/services/{service_code}.json"),
       no_cli="a standard for other systems' HTTP clients; `escalate` lists the issue types"),
    _Q("open311_requests", "Open311: service requests",
       routes=("GET /open311/v2/requests.json", "GET /open311/v2/requests/{service_request_id}.json",
               "POST /open311/v2/requests.json"),
       no_cli="a standard for other systems' HTTP clients; `route` routes a complaint locally"),
)


def by_name() -> dict[str, Question]:
    return {q.name: q for q in QUESTIONS}
