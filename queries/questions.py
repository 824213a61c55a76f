"""Every question govgraph answers, declared once, with where each surface asks it.

A question names its CLI command (``cli``: the path after ``govgraph``, with
``cli_variant`` for the option or argument that picks it, e.g. ``--org ID``) and
its HTTP routes (``routes``: ``"METHOD /path"``). A question on one surface only
says why the other has none (``no_cli`` / ``no_api``).

A question that also declares what it takes and how it is answered (``params``,
``flow`` or ``query``, ``answer``, ``table``) is *built*: its click command
(``govgraph/cli_declared.py``) and its route (``api/routers/declared.py``) are
made from this declaration, so the two surfaces ask the same parameters, run the
same flow and document it with the same words. The rest are written by hand and
checked against their declaration.

``tests/unit/test_surfaces.py`` walks the click group and the FastAPI app and
fails when a command or route is missing here, when one declared here does not
exist, or when a question is on one surface without a reason: drift between the
CLI and the API is a failing test, not a surprise. Adding a question starts here
(docs/adding-a-question.md).

>>> by_name()["who_leads"].routes
('GET /measures/{measure}/leads',)
>>> by_name()["health"].no_cli
'the server is up and its store answers: a property of a running server'
>>> [p.name for p in by_name()["diffuse"].params]
['min_responsible', 'doc']
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from . import answers, places
from .flow import Flow
from .listing import Listing, page_flow

__all__ = ["QUESTIONS", "REQUIRED", "Param", "Question", "Table", "built", "by_name", "cell",
           "item_model"]


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()
"""The default of a parameter that must be given."""


@dataclass(frozen=True)
class Param:
    """One parameter of a question: the flow's keyword, and how each surface asks it.

    On the CLI an ``argument`` (``who-leads 11``) or an ``option``
    (``--min-responsible 12``, or ``flag``); over HTTP a path parameter when the
    route's path names it (``/measures/{measure}/leads``), a query parameter
    otherwise (``?doc=…``, or ``?{api}=…``). ``type`` is ``str``, ``int`` or
    ``list[str]`` (a repeatable option; over HTTP repeated or comma-separated).
    """

    name: str
    type: Any = str
    help: str = ""
    default: Any = REQUIRED
    cli: Literal["argument", "option"] = "option"
    flag: str | None = None
    api: str | None = None
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    ge: int | None = None
    le: int | None = None
    min_length: int | None = None
    max_length: int | None = None
    examples: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    @property
    def many(self) -> bool:
        return typing.get_origin(self.type) is list

    @property
    def api_name(self) -> str:
        return self.api or self.name

    @property
    def cli_flag(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")


Cell = str | Callable[[Any], Any]


def cell(value: Any, how: Cell) -> Any:
    """A table cell: a dotted path into the value (``unit.name``) or a function of it.

    >>> cell({"unit": {"name": "市住建局"}}, "unit.name"), cell(3, lambda n: n + 1)
    ('市住建局', 4)
    """
    if callable(how):
        return how(value)
    for part in how.split("."):
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
    return value


@dataclass(frozen=True)
class Table:
    """How the CLI prints an answer: ``columns`` (header, cell) of ``rows`` (a cell
    giving the list in the answer; None: the answer is the list), after ``heading``
    (a line about the whole answer). With ``blocks`` the answer is a list of parts,
    each printed as its heading and its rows' table."""

    columns: tuple[tuple[str, Cell], ...]
    rows: Cell | None = None
    heading: Callable[[Any], str] | None = None
    blocks: bool = False
    max_col: int = 60


@dataclass(frozen=True)
class Question:
    name: str
    docs: str
    cli: str | None = None
    cli_variant: str = ""
    routes: tuple[str, ...] = ()
    no_cli: str | None = None
    no_api: str | None = None
    # What a built question adds: both surfaces are made from these.
    params: tuple[Param, ...] = ()
    flow: Callable[..., Flow[Any]] | None = None
    query: str | None = None
    answer: Any = None
    about: str = ""
    examples: tuple[str, ...] = ()
    table: Table | None = None
    csv: str = ""
    csv_rows: Cell | None = None
    page: str | None = None
    page_with: tuple[str, ...] = ()
    count: str | None = None
    cli_limit: tuple[int, int] = (20, 10_000)
    problems: tuple[int, ...] = (404, 422)
    cached: bool = True

    @property
    def built(self) -> bool:
        """Are its command and route made from this declaration?"""
        return self.table is not None

    def run(self, values: dict[str, Any]) -> Flow[Any]:
        """The flow that answers it for these parameter values: its own ``flow``, or
        the rows of its catalogue ``query`` as its ``answer``'s items."""
        if self.flow is not None:
            return self.flow(**values)
        assert self.query is not None, f"{self.name}: a built question needs a flow or a query"
        return answers.rows_flow(self.query, item_model(self.answer), **values)

    @property
    def paged(self) -> bool:
        """Is it paged in the query (``SKIP $skip LIMIT $limit``, its total from the
        ``count`` twin) rather than read whole and cut?"""
        return self.count is not None

    def run_page(self, values: dict[str, Any], offset: int, limit: int) -> Flow[Listing[Any]]:
        """The flow reading one page of a question paged in the query: its own ``flow``
        (called with ``offset`` and ``limit``), or its catalogue ``query`` and ``count``
        twin through ``listing.page_flow``."""
        assert self.count is not None, f"{self.name}: not paged in the query"
        if self.flow is not None:
            return self.flow(**values, offset=offset, limit=limit)
        assert self.query is not None, f"{self.name}: a built question needs a flow or a query"
        return page_flow(self.query, values, offset, limit, count=self.count)

    def rows(self, answer: Any) -> Any:
        """The rows of an answer, for CSV (and the table, when it has no blocks)."""
        how = self.csv_rows if self.csv_rows is not None else (self.table.rows if self.table else None)
        return answer if how is None else cell(answer, how)


def item_model(answer: Any) -> Any:
    """``list[X]`` -> ``X``; any other answer type is itself."""
    return typing.get_args(answer)[0] if typing.get_origin(answer) is list else answer


def built() -> list[Question]:
    return [q for q in QUESTIONS if q.built]


_Q = Question
_MEASURE = Param("measure", cli="argument", help="a measure number: 11, 十一 or (十一)",
                 examples=("11", "十一"))
_UNIT = Param("unit", cli="argument", help="a unit's name, full name or alias (市住建局 works)",
              examples=("市住房城乡建设局", "市住建局", "环物委"))
_DOC = Param("doc", default=None, metavar="DOC_ID",
             help="Only this document (default: every loaded document).")


def _doc_id(name: str) -> Param:
    return Param(name, cli="argument", min_length=1, max_length=200,
                 help="a loaded document's id (`govgraph documents`, GET /documents)",
                 examples=("anshun-2021-property-16",))


_DUTY_BLOCKS = Table((("role", "role"), ("unit", "unit.name"), ("kind", "unit.kind"),
                      ("clause", "citation.clause")), rows="duties", blocks=True, max_col=50,
                     heading=lambda a: f"Measure {a.measure.number} ({a.measure.doc}): "
                                       f"{a.measure.title}")
_LOAD = Table((("unit", "unit.name"), ("lead", "lead"), ("responsible", "responsible"),
               ("support", "support"), ("total", "total")))
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
    _Q("documents", "Loaded documents", cli="documents", routes=("GET /documents",),
       query="documents", answer=list[answers.DocumentInfo], page=".",
       about="The policy documents in the graph, with how many measures each has.",
       examples=("govgraph documents --json",),
       table=Table((("doc", "doc"), ("date", "date"), ("measures", "measures"), ("title", "title"))),
       csv="document"),
    _Q("document_overlap", "Where two documents overlap", cli="overlap",
       routes=("GET /documents/overlap",),
       params=(_doc_id("doc_a"), _doc_id("doc_b")), flow=answers.document_overlap_flow,
       answer=answers.DocumentOverlap,
       about="Where two loaded documents give duties to the same units, and where their lead "
             "units differ (the `document_overlap` query). An unknown document is an error "
             "naming the loaded ones.",
       examples=("govgraph load --document other.txt",
                 "govgraph overlap anshun-2021-property-16 doc-05ca081182ff"),
       table=Table((("measure A", "measure_a.number"), ("measure B", "measure_b.number"),
                    ("shared units", lambda p: "、".join(u.name for u in p.shared_units)),
                    ("leads A", lambda p: "、".join(p.leads_a)),
                    ("leads B", lambda p: "、".join(p.leads_b)),
                    ("differ", lambda p: "yes" if p.leads_differ else "")),
                   rows="pairs", max_col=40,
                   heading=lambda r: f"{len(r.shared_units)} units have duties in both; "
                                     f"{len(r.pairs)} measure pairs overlap, {r.lead_conflicts} "
                                     "with different leads"),
       csv="pair of overlapping measures"),
    # measures
    _Q("measures", "List measures", routes=("GET /measures",),
       no_cli="`search --kind Measure` and `who-leads`/`responsible` cover it; a list for browsing"),
    _Q("measure", "A measure's text and every duty in it", routes=("GET /measures/{measure}",),
       no_cli="`who-leads` and `responsible` print the duties by role"),
    _Q("who_leads", "Who leads a measure", cli="who-leads",
       routes=("GET /measures/{measure}/leads",),
       params=(_MEASURE, _DOC), flow=answers.who_leads_flow, answer=list[answers.MeasureAnswer],
       about="The lead units (牵头单位) of MEASURE, each with the clause that names it. Who "
             "leads an organization is `govgraph org-leaders`.",
       examples=("govgraph who-leads 11 --json",), table=_DUTY_BLOCKS,
       csv="duty (unit, measure, role, clause)", csv_rows=answers.duty_rows),
    _Q("org_leaders", "Who leads an organization, and its branches", cli="org-leaders",
       routes=("GET /organizations/{org_id}/leaders",)),
    _Q("who_is_responsible", "Who is responsible for a measure", cli="responsible",
       routes=("GET /measures/{measure}/responsible",),
       params=(_MEASURE, _DOC), flow=answers.who_is_responsible_flow,
       answer=list[answers.MeasureAnswer],
       about="Every unit answerable for MEASURE: lead, responsible and supporting, each with "
             "its clause.",
       examples=("govgraph responsible 13",), table=_DUTY_BLOCKS,
       csv="duty (unit, measure, role, clause)", csv_rows=answers.duty_rows),
    _Q("compound_responsible", "Who answers for a compound", cli="responsible",
       cli_variant="--compound ID", routes=("GET /compounds/{compound_id}/responsible",)),
    # units
    _Q("units", "Find units by name or alias", routes=("GET /units",),
       no_cli="`search` finds units among every kind of node"),
    _Q("unit", "The unit a name resolves to", routes=("GET /units/{unit}",),
       no_cli="`search` shows the unit; its details are for the browser view"),
    _Q("unit_measures", "A unit's duties", cli="measures", routes=("GET /units/{unit}/duties",),
       params=(_UNIT, Param("role", default=None, choices=("lead", "responsible", "support"),
                            help="Only duties in this role.")),
       flow=answers.unit_measures_flow, answer=answers.UnitDuties, page="duties",
       page_with=("unit",),
       about="The measures UNIT leads, shares or supports, each with the clause naming it.",
       examples=("govgraph measures 市委组织部", "govgraph measures 市住建局 --role lead"),
       table=Table((("measure", "measure.number"), ("role", "role"), ("title", "measure.title"),
                    ("doc", "measure.doc")), rows="duties",
                   heading=lambda r: f"{r.unit.name} ({r.unit.name_en or r.unit.kind})"),
       csv="duty of the unit"),
    _Q("unit_load", "Responsibility load per unit", cli="unit-load",
       routes=("GET /reports/unit-load",), params=(_DOC,), flow=answers.unit_load_flow,
       answer=list[answers.UnitLoad], page=".",
       about="Measures each unit leads, co-owns and supports, heaviest first.",
       examples=("govgraph unit-load",), table=_LOAD, csv="unit"),
    _Q("unit_load_of", "A unit's responsibility load", cli="unit-load", cli_variant="UNIT",
       routes=("GET /units/{unit}/load",), params=(_UNIT, _DOC), flow=answers.unit_load_of_flow,
       answer=answers.UnitLoad,
       about="How many measures UNIT leads, co-owns and supports (a unit with no duties has "
             "a load of zero).",
       examples=("govgraph unit-load 市住建局",), table=Table(_LOAD.columns, rows=lambda r: [r]),
       csv="unit", csv_rows=lambda r: [r]),
    _Q("structure", "The standing structure around a body", cli="structure",
       routes=("GET /units/{unit}/structure",),
       params=(_UNIT,), flow=answers.structure_flow, answer=answers.UnitStructure,
       page="relations", page_with=("unit",),
       about="Who leads, guides, supervises, heads, nominates or sits on the body UNIT, and "
             "what it does to others (`direction`: out / in), each with its clause.",
       examples=("govgraph structure 环物委", "govgraph structure 市住建局 --json"),
       table=Table((("relation", "relation"), ("direction", "direction"),
                    ("other", "other.name"), ("role", "role"), ("clause", "citation.clause")),
                   rows="relations", heading=lambda r: f"{r.unit.name} ({r.unit.kind})"),
       csv="relation of the body"),
    _Q("collective_members", "The bodies a collective actor stands for", cli="members",
       routes=("GET /units/{unit}/members",),
       params=(_UNIT,), flow=answers.collective_members_flow, answer=answers.CollectiveMembers,
       page="members", page_with=("unit",),
       about="The bodies a collective actor UNIT (各县〔区〕人民政府〔管委会〕 …) stands for, with "
             "their areas.",
       examples=("govgraph members 各县(区)人民政府(管委会)",),
       table=Table((("member", "unit.name"), ("kind", "unit.kind"), ("area", "area")),
                   rows="members", heading=lambda r: f"{r.unit.name} ({r.unit.kind})"),
       csv="member"),
    _Q("diffuse", "Audit: diffuse accountability", cli="diffuse",
       routes=("GET /audits/diffuse-accountability",),
       params=(Param("min_responsible", int, default=10, ge=0, le=1000,
                     help="How many co-responsible units count as diffuse."), _DOC),
       flow=answers.diffuse_accountability_flow, answer=list[answers.DiffuseMeasure], page=".",
       about="Measures with at least MIN_RESPONSIBLE co-responsible units and one lead or none.",
       examples=("govgraph diffuse --min-responsible 12",),
       table=Table((("measure", "measure.number"), ("leads", "leads"),
                    ("responsible", "responsible"), ("title", "measure.title"))),
       csv="measure"),
    # escalation, places, audits
    _Q("escalation", "How a dispute escalates; an issue type's handlers", cli="escalate",
       routes=("GET /escalation",)),
    _Q("compound_escalation", "A compound's concrete escalation chain", cli="escalate",
       cli_variant="--compound ID", routes=("GET /compounds/{compound_id}/escalation",)),
    _Q("issue_types", "The issue types", cli="issue-types", routes=("GET /issue-types",),
       flow=answers.issue_types_flow, answer=list[answers.IssueTypeRef], page=".",
       about="The issue types the graph knows how to route (keys for `escalate --issue` and "
             "`?issue=`).",
       examples=("govgraph issue-types", "govgraph issue-types --json"),
       table=Table((("key", "key"), ("name", "name"), ("name_en", "name_en"))),
       csv="issue type", problems=()),
    _Q("route", "Route a complaint to who handles it", cli="route", routes=("POST /route",)),
    _Q("audit", "Registry audits", cli="audit", routes=("GET /audits/{name}",)),
    _Q("compounds", "Find compounds", cli="compounds", routes=("GET /compounds",),
       params=(Param("text", cli="argument", api="q", default="", max_length=100,
                     help="text in the id or name"),),
       query="compounds", count="compounds_count", answer=list[dict[str, Any]],
       about="Compounds whose id or name contains TEXT (synthetic ones say so), to pick one "
             "for --compound.",
       examples=("govgraph compounds 花园",),
       table=Table((("id", "compound_id"), ("name", "compound_name"), ("category", "category"),
                    ("households", "households"), ("synthetic", "synthetic"))),
       csv="compound", problems=(422,)),
    _Q("places", "Find places", cli="places", routes=("GET /places",),
       params=(Param("text", cli="argument", api="q", min_length=1, max_length=100,
                     help="text in the name, adcode or id of an area, or in the name of a body "
                          "located in it", examples=("塔东社区",)),),
       flow=places.places_page_flow, count="places_count", answer=list[places.Place],
       about="Places whose name or adcode (or a body located in them) contains TEXT: each "
             "area with its adcode, level and kind, the bodies located in it, and its chain "
             "of parents up to the city.",
       examples=("govgraph places 塔东社区", "govgraph places 520402001 --json"),
       table=Table((("adcode", lambda p: p.adcode or p.id), ("name", "name"), ("level", "level"),
                    ("kind", "kind"),
                    ("bodies", lambda p: "、".join(b.name for b in p.bodies[:3])
                     + ("…" if len(p.bodies) > 3 else "")),
                    ("in", lambda p: " < ".join(c.name for c in p.chain))), max_col=80),
       csv="place (its bodies and chain as JSON text)", problems=(422,)),
    _Q("search", "Find any node", cli="search", routes=("GET /search",),
       params=(Param("text", cli="argument", api="q", min_length=1, max_length=100,
                     help="a unit, committee, measure (title or number: 11, 十一), place, issue "
                          "type …"),
               Param("kinds", list[str], default=None, flag="--kind", metavar="KIND",
                     help="Only nodes of this kind (repeatable), e.g. Measure, Department; "
                          "default: any (see GET /graph/schema).", examples=("Measure,Department",))),
       flow=answers.search_nodes_page_flow, count="search_nodes_count",
       answer=list[answers.NodeHit], cli_limit=(20, 200),
       about="Find any node (unit, committee, measure by title or number: 11, 十一; place, "
             "issue type) by name, English name, full name, alias or id; exact matches first "
             "(`exact`).",
       examples=("govgraph search 住建", "govgraph search 11 --kind Measure --json"),
       table=Table((("kind", "kind"), ("name", "name"), ("id", "id"),
                    ("exact", lambda h: "yes" if h.exact else ""))),
       csv="hit", problems=(400, 422)),
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
