"""Typed answers to the catalogue's questions; every fact carries its citation.

This is the one place where questions are answered: the CLI and the HTTP API
both call these functions and only format what they return.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, Field

from ..errors import InvalidArgument, NotFound
from ..graph.names import cn_numeral_to_int, normalize_name
from ..graph.store import GraphStore
from .flow import Flow, drive, read
from .listing import Listing, page_flow


class Citation(BaseModel):
    doc: str | None
    measure: int | None
    clause: str | None
    start: int | None
    end: int | None
    basis: str = "text"


class UnitRef(BaseModel):
    id: str
    name: str
    kind: str | None = None
    name_en: str | None = None


class MeasureRef(BaseModel):
    id: str
    doc: str
    number: int
    title: str


class Duty(BaseModel):
    unit: UnitRef
    measure: MeasureRef
    role: str = Field(description="lead | responsible | support")
    as_written: str | None = None
    citation: Citation


class MeasureAnswer(BaseModel):
    measure: MeasureRef
    question: str
    duties: list[Duty]


class UnitDuties(BaseModel):
    unit: UnitRef
    duties: list[Duty]


class UnitLoad(BaseModel):
    unit: UnitRef
    lead: int
    responsible: int
    support: int
    total: int


class DiffuseMeasure(BaseModel):
    measure: MeasureRef
    leads: int
    responsible: int


class LevelBody(BaseModel):
    body: UnitRef
    role: str
    citation: Citation


class EscalationLevel(BaseModel):
    order: int
    id: str
    name: str
    name_en: str | None
    motto: str | None
    bodies: list[LevelBody]


class Handler(BaseModel):
    stage: int
    action: str
    action_en: str | None
    unit: UnitRef
    citation: Citation


class IssueRef(BaseModel):
    id: str
    key: str
    name: str
    name_en: str | None


class EscalationAnswer(BaseModel):
    levels: list[EscalationLevel]
    issue: IssueRef | None = None
    handlers: list[Handler] = Field(default_factory=list)


# ---------------------------------------------------------------------------

_MEASURE_RE = re.compile(r"^[\s(（〔]*([一二三四五六七八九十百]+|\d+)[\s)）〕]*$")


def parse_measure_number(text: str | int) -> int:
    """'11', '十一', '(十一)', '（十一）' -> 11."""
    if isinstance(text, int):
        return text
    m = _MEASURE_RE.match(str(text))
    if not m:
        raise NotFound(f"not a measure number: {text!r} (try 11, 十一 or (十一))")
    return cn_numeral_to_int(m.group(1))


def _cite(r: dict[str, Any]) -> Citation:
    return Citation(doc=r.get("source_doc"), measure=r.get("source_measure"), clause=r.get("clause"),
                    start=r.get("start"), end=r.get("end"), basis=r.get("basis") or "text")


def _unit(r: dict[str, Any], prefix: str = "unit") -> UnitRef:
    return UnitRef(id=r[f"{prefix}_id"], name=r[f"{prefix}_name"], kind=r.get(f"{prefix}_kind"),
                   name_en=r.get(f"{prefix}_name_en"))


def _measure(r: dict[str, Any]) -> MeasureRef:
    return MeasureRef(id=r["measure_id"], doc=r["doc"], number=r["number"], title=r["title"])


def _duty(r: dict[str, Any]) -> Duty:
    return Duty(unit=_unit(r), measure=_measure(r), role=r["role"], as_written=r.get("as_written"),
                citation=_cite(r))


def measure_info(store: GraphStore, measure: str | int, doc: str | None = None) -> list[dict]:
    return drive(store, _measure_info(measure, doc))


def _measure_info(measure: str | int, doc: str | None) -> Flow[list[dict]]:
    number = parse_measure_number(measure)
    rows = (yield from read("measure_info", number=number, doc=doc)).records()
    if not rows:
        where = f" in document {doc}" if doc else ""
        raise NotFound(f"no measure {number}{where}; load a document first (govgraph load)")
    return rows


def _measure_question(query: str, question: str, measure: str | int,
                      doc: str | None) -> Flow[list[MeasureAnswer]]:
    number = parse_measure_number(measure)
    rows = (yield from read(query, number=number, doc=doc)).records()
    if not rows:
        where = f" in document {doc}" if doc else ""
        raise NotFound(f"no measure {number}{where}; load a document first (govgraph load)")
    answers: dict[str, MeasureAnswer] = {}
    for r in rows:
        a = answers.get(r["doc"])
        if a is None:
            a = answers[r["doc"]] = MeasureAnswer(measure=_measure(r), question=question, duties=[])
        if r["unit_id"] is not None:
            a.duties.append(_duty(r))
    return list(answers.values())


def who_leads_flow(measure: str | int, doc: str | None = None) -> Flow[list[MeasureAnswer]]:
    return _measure_question("who_leads", "who leads", measure, doc)


def who_is_responsible_flow(measure: str | int,
                            doc: str | None = None) -> Flow[list[MeasureAnswer]]:
    return _measure_question("who_is_responsible", "who is responsible", measure, doc)


def who_leads(store: GraphStore, measure: str | int, doc: str | None = None) -> list[MeasureAnswer]:
    return drive(store, who_leads_flow(measure, doc))


def who_is_responsible(store: GraphStore, measure: str | int,
                       doc: str | None = None) -> list[MeasureAnswer]:
    return drive(store, who_is_responsible_flow(measure, doc))


def _spellings(name: str) -> list[str]:
    s = re.sub(r"\s+", "", name)
    out = [s, normalize_name(s), normalize_name(s).replace("〔", "(").replace("〕", ")"),
           normalize_name(s).replace("〔", "（").replace("〕", "）")]
    return list(dict.fromkeys(out))


def find_unit(store: GraphStore, name: str) -> UnitRef:
    """Resolve a unit by its name, full name or alias; unknown names are an error."""
    return drive(store, find_unit_flow(name))


def find_unit_flow(name: str) -> Flow[UnitRef]:
    if not name or not name.strip():
        raise NotFound("no unit name given")
    rows = (yield from read("find_unit", names=_spellings(name))).records()
    if not rows:
        rows = (yield from read("search_units", text=name.strip(), skip=0, limit=5)).records()
        hint = f"; did you mean {', '.join(r['unit_name'] for r in rows)}?" if rows else ""
        raise NotFound(f"unknown unit {name!r}{hint}")
    if len(rows) > 1:
        names = ", ".join(f"{r['unit_name']} ({r['unit_id']})" for r in rows)
        raise NotFound(f"{name!r} names several units: {names}")
    return _unit(rows[0])


def unit_measures(store: GraphStore, name: str) -> UnitDuties:
    return drive(store, unit_measures_flow(name))


def unit_measures_flow(unit: str, role: str | None = None) -> Flow[UnitDuties]:
    """The measures a unit leads, shares or supports (only those in ``role``, if given)."""
    found = yield from find_unit_flow(unit)
    rows = (yield from read("unit_measures", unit_id=found.id)).records()
    return UnitDuties(unit=found, duties=[_duty(r) for r in rows
                                          if role is None or r["role"] == role])


def unit_load(store: GraphStore, doc: str | None = None) -> list[UnitLoad]:
    return drive(store, unit_load_flow(doc))


def unit_load_flow(doc: str | None = None) -> Flow[list[UnitLoad]]:
    rows = (yield from read("unit_load", doc=doc)).records()
    return [UnitLoad(unit=_unit(r), lead=r["lead"], responsible=r["responsible"],
                     support=r["support"], total=r["total"]) for r in rows]


def diffuse_accountability(store: GraphStore, min_responsible: int = 10,
                           doc: str | None = None) -> list[DiffuseMeasure]:
    return drive(store, diffuse_accountability_flow(min_responsible, doc))


def diffuse_accountability_flow(min_responsible: int = 10,
                                doc: str | None = None) -> Flow[list[DiffuseMeasure]]:
    rows = (yield from read("diffuse_accountability", min_responsible=min_responsible,
                            doc=doc)).records()
    return [DiffuseMeasure(measure=_measure(r), leads=r["leads"], responsible=r["responsible"])
            for r in rows]


def escalation(store: GraphStore, issue: str | None = None) -> EscalationAnswer:
    return drive(store, escalation_flow(issue))


def escalation_flow(issue: str | None = None) -> Flow[EscalationAnswer]:
    levels: dict[str, EscalationLevel] = {}
    for r in (yield from read("escalation_levels")).records():
        lv = levels.setdefault(r["level_id"], EscalationLevel(
            order=r["level_order"], id=r["level_id"], name=r["level_name"],
            name_en=r.get("level_name_en"), motto=r.get("motto"), bodies=[]))
        if r.get("body_id"):
            lv.bodies.append(LevelBody(body=_unit(r, "body"), role=r["role"], citation=_cite(r)))
    if not levels:
        raise NotFound("the graph has no escalation levels; run `govgraph load` first")
    answer = EscalationAnswer(levels=sorted(levels.values(), key=lambda lv: lv.order))
    if issue is not None:
        rows = (yield from read("issue_handlers", issue=issue)).records()
        if not rows:
            types = (yield from read("issue_types")).records()
            known = ", ".join(f"{t['issue_key']} ({t['issue_name']})" for t in types)
            raise NotFound(f"unknown issue type {issue!r}; known types: {known}")
        r0 = rows[0]
        answer.issue = IssueRef(id=r0["issue_id"], key=r0["issue_key"], name=r0["issue_name"],
                                name_en=r0.get("issue_name_en"))
        answer.handlers = [Handler(stage=r["stage"], action=r["action"], action_en=r.get("action_en"),
                                   unit=_unit(r), citation=_cite(r)) for r in rows]
    return answer


def load_report(store: GraphStore) -> dict[str, dict[str, int]]:
    return drive(store, load_report_flow())


def load_report_flow() -> Flow[dict[str, dict[str, int]]]:
    nodes = (yield from read("count_nodes")).rows
    edges = (yield from read("count_edges")).rows
    return {"nodes": dict(nodes), "edges": dict(edges)}


def documents(store: GraphStore) -> list[dict]:
    return drive(store, documents_flow())


def documents_flow() -> Flow[list[dict]]:
    return (yield from read("documents")).records()


class DocumentInfo(BaseModel):
    doc: str
    title: str | None = None
    date: str | None = None
    issuer: list[str] | str | None = None
    measures: int


def duty_rows(items: list[MeasureAnswer]) -> list[dict[str, Any]]:
    """Measure answers as rows: one per duty (its unit, measure, role, clause), with the
    question asked."""
    return [{"question": a.question, **d.model_dump(mode="json")} for a in items for d in a.duties]


M = TypeVar("M", bound=BaseModel)


def from_row(model: type[M], row: dict[str, Any]) -> M:
    """A catalogue row as ``model``: a column fills the field of its name; a nested
    model field ``x`` is filled from the columns ``x_…`` (``unit_id``, ``unit_name`` ->
    ``unit``); a ``Citation`` field from the citation columns (``source_doc``,
    ``source_measure``, ``clause``, ``start``, ``end``, ``basis``).

    >>> from_row(Duty, {"unit_id": "u1", "unit_name": "市住建局", "measure_id": "m", "role": "lead",
    ...                 "measure_doc": "d", "measure_number": 11, "measure_title": "t",
    ...                 "clause": "市住建局牵头", "source_doc": "d"}).citation.clause
    '市住建局牵头'
    """
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        sub = next((t for t in (field.annotation, *get_args(field.annotation))
                    if isinstance(t, type) and issubclass(t, BaseModel)), None)
        if sub is Citation:
            if any(k in row for k in ("clause", "source_doc")):
                values[name] = _cite(row)
        elif sub is not None:
            prefix = name + "_"
            part = {k[len(prefix):]: v for k, v in row.items() if k.startswith(prefix)}
            if part:
                values[name] = from_row(sub, part)
        elif name in row:
            values[name] = row[name]
    return model(**values)


def rows_flow(query: str, model: type[M], **params: Any) -> Flow[list[M]]:
    """The whole flow of a simple question: the rows of catalogue query ``query``, each
    as ``model`` (``from_row``), cited when the rows carry their citation columns."""
    return [from_row(model, r) for r in (yield from read(query, **params)).records()]


# ---------------------------------------------------------------------------
# Lists, structure and the graph itself: what the HTTP API, the browser view and
# the exports draw on. Every edge carries its citation when its fact has one.


class MeasureSummary(BaseModel):
    measure: MeasureRef
    section: int | None = None
    lead: int
    responsible: int
    support: int


class IssueTypeRef(BaseModel):
    key: str
    name: str
    name_en: str | None = None


class StructureRelation(BaseModel):
    relation: str = Field(description="edge type: LEADS, GUIDES, SUPERVISES, HEADS, NOMINATES, "
                                      "MEMBER_OF, PART_OF, MANAGES or INCLUDES")
    direction: str = Field(description="out: the unit does it to `other`; "
                                       "in: `other` does it to the unit")
    other: UnitRef
    role: str | None = None
    citation: Citation | None = None


class UnitStructure(BaseModel):
    unit: UnitRef
    relations: list[StructureRelation]


class CollectiveMember(BaseModel):
    unit: UnitRef
    area: str | None = None


class CollectiveMembers(BaseModel):
    unit: UnitRef
    members: list[CollectiveMember]


class NodeHit(BaseModel):
    id: str
    kind: str
    name: str
    name_en: str | None = None
    number: int | None = None
    doc: str | None = None
    exact: bool = False
    person: bool = Field(default=False, description=(
        "a resident from registry data (not a generic role group): the browser view never "
        "draws their names"))


class GraphNode(BaseModel):
    id: str
    kind: str
    name: str
    name_en: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict,
                                       description="every other property the node holds")
    citation: Citation | None = Field(default=None, description=(
        "where the node's own text is quoted from (measures, issue types); "
        "null for registry entries"))
    hop: int | None = Field(default=None, description="edges from the focus (0 = a focus node)")


class GraphEdge(BaseModel):
    id: str = Field(description="the edge's stable key")
    type: str
    source: str
    target: str
    properties: dict[str, Any] = Field(default_factory=dict)
    citation: Citation | None = Field(default=None, description="null for facts from the unit "
                                      "registry (INCLUDES, LOCATED_IN, PART_OF)")


class FoldedCount(BaseModel):
    """Nodes drawn as one count instead of one node each: residents (people from
    registry data), how many and never who."""
    id: str = Field(description="an id for drawing the count (not a node of the graph)")
    kind: str = Field(description="the kind of the nodes counted: Resident")
    type: str = Field(description="the edge that ties them to `target` (LIVES_IN, MEMBER_OF …)")
    target: str = Field(description="the node they are tied to")
    count: int


def folded_id(rel_type: str, target: str) -> str:
    return f"residents:{rel_type}:{target}"


def is_person(node: GraphNode) -> bool:
    """A resident from registry data, not one of the structure's generic role groups
    (业主, 网格员 …)."""
    return node.kind == "Resident" and not node.properties.get("generic")


class Subgraph(BaseModel):
    focus: list[str]
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(default=False, description="true when max_nodes cut the neighbourhood")
    folded: list[FoldedCount] = Field(default_factory=list, description=(
        "with fold_residents: the residents next to a node, as one count per node and edge "
        "type (never their names)"))


class NodeDetails(BaseModel):
    node: GraphNode
    edges: list[GraphEdge]
    neighbours: list[GraphNode]


def _node_kinds() -> set[str]:
    from ..graph.model import NodeKind

    return {k.value for k in NodeKind}


def _rel_types() -> set[str]:
    from ..graph.model import RelType

    return {t.value for t in RelType}


def _check_filter(values: list[str] | tuple[str, ...] | None, allowed: set[str],
                  what: str) -> list[str] | None:
    if values is None:
        return None
    out = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
    bad = [v for v in out if v not in allowed]
    if bad:
        raise InvalidArgument(f"unknown {what} {', '.join(map(repr, bad))}; "
                              f"known: {', '.join(sorted(allowed))}")
    return out or None


def check_kinds(kinds: list[str] | tuple[str, ...] | None) -> list[str] | None:
    """Node kinds as given by a user: None for any; an unknown kind is an error."""
    return _check_filter(kinds, _node_kinds(), "node kind")


def check_rel_types(types: list[str] | tuple[str, ...] | None) -> list[str] | None:
    """Edge types as given by a user: None for any; an unknown type is an error."""
    return _check_filter([t.upper() for t in types] if types is not None else None,
                         _rel_types(), "edge type")


def list_measures(store: GraphStore, doc: str | None = None) -> list[MeasureSummary]:
    return drive(store, list_measures_flow(doc))


def list_measures_flow(doc: str | None = None) -> Flow[list[MeasureSummary]]:
    rows = (yield from read("list_measures", doc=doc)).records()
    return [MeasureSummary(measure=_measure(r), section=r.get("section"), lead=r["lead"],
                           responsible=r["responsible"], support=r["support"]) for r in rows]


def issue_types(store: GraphStore) -> list[IssueTypeRef]:
    return drive(store, issue_types_flow())


def issue_types_flow() -> Flow[list[IssueTypeRef]]:
    return [IssueTypeRef(key=r["issue_key"], name=r["issue_name"], name_en=r.get("issue_name_en"))
            for r in (yield from read("issue_types")).records()]


def search_units(store: GraphStore, text: str, limit: int = 20) -> list[UnitRef]:
    """Actors whose name, English name or an alias contains the text (search boxes)."""
    return drive(store, search_units_flow(text, limit))


def search_units_flow(text: str, limit: int = 20) -> Flow[list[UnitRef]]:
    return (yield from search_units_page_flow(text, 0, limit)).items


def search_units_page_flow(text: str, offset: int, limit: int) -> Flow[Listing[UnitRef]]:
    """Units like ``text``, rows ``offset`` to ``offset + limit``, and how many in all:
    the page is read with SKIP/LIMIT (``listing.page_flow``), not cut from a long read."""
    text = (text or "").strip()
    if not text:
        return Listing([], 0, offset, limit)
    found = yield from page_flow("search_units", {"text": text}, offset, limit)
    return Listing([_unit(r) for r in found.items], found.total, offset, limit)


def unit_load_of(store: GraphStore, name: str, doc: str | None = None) -> UnitLoad:
    """One unit's load; a unit with no duties has a load of zero."""
    return drive(store, unit_load_of_flow(name, doc))


def unit_load_of_flow(unit: str, doc: str | None = None) -> Flow[UnitLoad]:
    found = yield from find_unit_flow(unit)
    for row in (yield from unit_load_flow(doc)):
        if row.unit.id == found.id:
            return row
    return UnitLoad(unit=found, lead=0, responsible=0, support=0, total=0)


def structure(store: GraphStore, name: str) -> UnitStructure:
    """The standing structure around a body: who leads, guides, supervises, heads,
    nominates or sits on it, and what it does to others — each with its clause."""
    return drive(store, structure_flow(name))


def structure_flow(unit: str) -> Flow[UnitStructure]:
    found = yield from find_unit_flow(unit)
    rows = (yield from read("structure_relations", unit_id=found.id)).records()
    rels = [StructureRelation(relation=r["relation"], direction="out" if r["outgoing"] else "in",
                              other=_unit(r, "other"), role=r.get("role"),
                              citation=_cite(r) if r.get("clause") else None) for r in rows]
    return UnitStructure(unit=found, relations=rels)


def collective_members(store: GraphStore, name: str) -> CollectiveMembers:
    """The bodies a collective actor (各县〔区〕人民政府〔管委会〕 …) stands for."""
    return drive(store, collective_members_flow(name))


def collective_members_flow(unit: str) -> Flow[CollectiveMembers]:
    found = yield from find_unit_flow(unit)
    rows = (yield from read("collective_members", unit_id=found.id)).records()
    return CollectiveMembers(unit=found, members=[CollectiveMember(unit=_unit(r), area=r.get("area"))
                                                 for r in rows])


def search_nodes(store: GraphStore, text: str, kinds: list[str] | None = None,
                 limit: int = 20) -> list[NodeHit]:
    """Any node — unit, measure, committee, place, issue type — by name, English name,
    alias, id, or a measure by its number (11, 十一, (十一)); exact matches first."""
    return drive(store, search_nodes_flow(text, kinds, limit))


def search_nodes_flow(text: str, kinds: list[str] | None = None,
                      limit: int = 20) -> Flow[list[NodeHit]]:
    return (yield from search_nodes_page_flow(text, kinds, 0, max(1, limit))).items


def search_nodes_page_flow(text: str, kinds: list[str] | None, offset: int,
                           limit: int) -> Flow[Listing[NodeHit]]:
    """Nodes like ``text``, rows ``offset`` to ``offset + limit`` (exact matches first),
    and how many in all, read as a page (``listing.page_flow``)."""
    text = (text or "").strip()
    if not text:
        return Listing([], 0, offset, limit)
    kinds = check_kinds(kinds)
    try:
        number: int | None = parse_measure_number(text)
    except (NotFound, ValueError):
        number = None
    found = yield from page_flow("search_nodes", {"texts": _spellings(text), "number": number,
                                                  "kinds": kinds}, offset, limit)
    return Listing([NodeHit(id=r["id"], kind=r["kind"], name=r["name"], name_en=r.get("name_en"),
                            number=r.get("number"), doc=r.get("doc"), exact=r["rank"] == 0,
                            person=bool(r.get("person"))) for r in found.items],
                   found.total, offset, limit)


_NODE_CORE = ("id", "kind", "name", "name_en")
_SOURCE_KEYS = ("source_doc", "source_measure", "source_clause", "source_start", "source_end",
                "source_basis")


def _props_citation(props: dict[str, Any]) -> Citation | None:
    """The citation flattened onto a node's or edge's source_* properties, if any."""
    if not props.get("source_clause"):
        return None
    return Citation(doc=props.get("source_doc"), measure=props.get("source_measure"),
                    clause=props.get("source_clause"), start=props.get("source_start"),
                    end=props.get("source_end"), basis=props.get("source_basis") or "text")


def _graph_node(row: dict[str, Any], hop: int | None = None) -> GraphNode:
    props = dict(row["props"])
    citation = _props_citation(props)
    if citation is None and row["kind"] == "Measure" and props.get("text"):
        citation = Citation(doc=props.get("doc"), measure=props.get("number"), clause=props["text"],
                            start=props.get("start"), end=props.get("end"))
    return GraphNode(id=row["id"], kind=row["kind"], name=props.get("name") or row["id"],
                     name_en=props.get("name_en"),
                     properties={k: v for k, v in sorted(props.items())
                                 if k not in _NODE_CORE and k not in _SOURCE_KEYS},
                     citation=citation, hop=hop)


def _graph_edge(row: dict[str, Any]) -> GraphEdge:
    props = dict(row["props"])
    citation = _props_citation(props)
    return GraphEdge(id=row["key"] or f"{row['type']}|{row['src']}|{row['dst']}", type=row["type"],
                     source=row["src"], target=row["dst"], citation=citation,
                     properties={k: v for k, v in sorted(props.items())
                                 if k != "key" and k not in _SOURCE_KEYS})


def nodes_by_id(store: GraphStore, ids: list[str]) -> list[GraphNode]:
    return drive(store, nodes_by_id_flow(ids))


def nodes_by_id_flow(ids: list[str]) -> Flow[list[GraphNode]]:
    return [_graph_node(r) for r in (yield from read("node_properties", ids=list(ids),
                                                     kinds=None)).records()]


def resolve_node(store: GraphStore, text: str) -> GraphNode:
    """A node named by a user: its id, a unit's name or alias, or a measure number."""
    return drive(store, resolve_node_flow(text))


def resolve_node_flow(text: str) -> Flow[GraphNode]:
    text = (text or "").strip()
    if not text:
        raise NotFound("no node given")
    found = yield from nodes_by_id_flow([text])
    if found:
        return found[0]
    try:
        unit = yield from find_unit_flow(text)
        return (yield from nodes_by_id_flow([unit.id]))[0]
    except NotFound as e:
        unit_error = e
    try:
        info = yield from _measure_info(text, None)
    except NotFound:
        info = []
    if len(info) == 1:
        return (yield from nodes_by_id_flow([info[0]["measure_id"]]))[0]
    if len(info) > 1:
        raise NotFound(f"measure {text!r} is in several documents: "
                       f"{', '.join(r['measure_id'] for r in info)}; give the measure id")
    hits = yield from search_nodes_flow(text, limit=5)
    if len(hits) == 1 and hits[0].exact:
        return (yield from nodes_by_id_flow([hits[0].id]))[0]
    if hits:
        raise NotFound(f"no node {text!r}; did you mean "
                       f"{', '.join(f'{h.name} ({h.id})' for h in hits)}?")
    raise NotFound(str(unit_error.args[0]) if unit_error.args else f"no node {text!r}")


MAX_DEPTH = 4


def subgraph(store: GraphStore, focus: str | list[str], depth: int = 1,
             kinds: list[str] | None = None, rel_types: list[str] | None = None,
             max_nodes: int = 300, fold_residents: bool = False) -> Subgraph:
    return drive(store, subgraph_flow(focus, depth, kinds, rel_types, max_nodes, fold_residents))


def subgraph_flow(focus: str | list[str], depth: int = 1, kinds: list[str] | None = None,
                  rel_types: list[str] | None = None, max_nodes: int = 300,
                  fold_residents: bool = False) -> Flow[Subgraph]:
    """The neighbourhood of one or more focus nodes, `depth` edges out, through edges of
    `rel_types` to nodes of `kinds` (None = any), with every edge among the nodes found.

    Focus nodes may be given by id, unit name or alias, or measure number. Rings are
    added whole while they fit in `max_nodes`; a ring that does not fit is cut (its
    nodes in id order) and the answer says `truncated`.
    """
    if not 0 <= depth <= MAX_DEPTH:
        raise InvalidArgument(f"depth must be between 0 and {MAX_DEPTH}, not {depth}")
    if max_nodes < 1:
        raise InvalidArgument("max_nodes must be at least 1")
    kinds = check_kinds(kinds)
    rel_types = check_rel_types(rel_types)
    wanted = [focus] if isinstance(focus, str) else list(focus)
    if not wanted:
        raise InvalidArgument("no focus given")
    roots: list[str] = []
    for f in wanted:
        root = (yield from resolve_node_flow(f)).id
        if root not in roots:
            roots.append(root)
    hops: dict[str, int] = {r: 0 for r in roots}
    people: set[str] = set()  # residents met on the way, when folded: counted, not drawn
    frontier = list(roots)
    truncated = False
    for hop in range(1, depth + 1):
        if not frontier:
            break
        rows = (yield from read("neighbourhood", ids=list(hops), kinds=kinds,
                                types=rel_types)).rows
        ring = [r[0] for r in rows if r[0] not in hops]
        if fold_residents:
            met = [r[0] for r in rows if r[1] == "Resident" and r[0] not in hops
                   and r[0] not in people]
            if met:
                people |= {n.id for n in (yield from nodes_by_id_flow(met)) if is_person(n)}
            ring = [i for i in ring if i not in people]
        # Only what the last ring reaches is new; asking from every node found so far
        # (rather than the frontier) keeps the query one round trip per ring.
        room = max_nodes - len(hops)
        if len(ring) > room:
            ring, truncated = ring[:max(room, 0)], True
        for nid in ring:
            hops[nid] = hop
        frontier = ring
        if truncated:
            break
    node_rows = (yield from read("node_properties", ids=list(hops), kinds=None)).records()
    nodes = [_graph_node(r, hops.get(r["id"])) for r in node_rows]
    edge_rows = (yield from read("subgraph", ids=[*hops, *sorted(people)],
                                 types=rel_types)).records()
    edges = [_graph_edge(r) for r in edge_rows]
    folded: dict[tuple[str, str], set[str]] = {}
    if people:
        kept = []
        for e in edges:
            person = e.source if e.source in people else e.target if e.target in people else None
            if person is None:
                kept.append(e)
                continue
            other = e.target if person == e.source else e.source
            # Only people within `depth` of the focus: the edge that reached them.
            if other in hops and hops[other] < depth:
                folded.setdefault((e.type, other), set()).add(person)
        edges = kept
    return Subgraph(focus=roots, depth=depth, nodes=nodes, edges=edges, truncated=truncated,
                    folded=[FoldedCount(id=folded_id(t, target), kind="Resident", type=t,
                                        target=target, count=len(ids))
                            for (t, target), ids in sorted(folded.items())])


def whole_graph(store: GraphStore, kinds: list[str] | None = None,
                rel_types: list[str] | None = None) -> Subgraph:
    """Every node (of `kinds`) and every edge (of `rel_types`) among them, for exports."""
    return drive(store, whole_graph_flow(kinds, rel_types))


def whole_graph_flow(kinds: list[str] | None = None,
                     rel_types: list[str] | None = None) -> Flow[Subgraph]:
    kinds = check_kinds(kinds)
    rel_types = check_rel_types(rel_types)
    node_rows = (yield from read("node_properties", ids=None, kinds=kinds)).records()
    ids = None if kinds is None else [r["id"] for r in node_rows]
    edge_rows = (yield from read("subgraph", ids=ids, types=rel_types)).records()
    return Subgraph(focus=[], depth=0, nodes=[_graph_node(r) for r in node_rows],
                    edges=[_graph_edge(r) for r in edge_rows])


def node_details(store: GraphStore, node_id: str) -> NodeDetails:
    """A node with every property, every edge touching it (with citations) and the
    nodes at their other ends."""
    return drive(store, node_details_flow(node_id))


def node_details_flow(node_id: str) -> Flow[NodeDetails]:
    found = yield from nodes_by_id_flow([node_id])
    if not found:
        raise NotFound(f"no node with id {node_id!r}")
    node = found[0]
    node.hop = 0
    ring = [r[0] for r in (yield from read("neighbourhood", ids=[node_id], kinds=None,
                                           types=None)).rows]
    neighbours = ([n.model_copy(update={"hop": 1}) for n in (yield from nodes_by_id_flow(ring))]
                  if ring else [])
    edges = [_graph_edge(r) for r in (yield from read("subgraph", ids=[node_id, *ring],
                                                      types=None)).records()
             if node_id in (r["src"], r["dst"])]
    return NodeDetails(node=node, edges=edges, neighbours=neighbours)


ESCALATION_TYPES = ["ESCALATES_TO", "MEDIATES_AT", "HANDLES"]


def escalation_subgraph(store: GraphStore, issue: str | None = None) -> Subgraph:
    """The escalation chain as a graph: the mediation levels in order, the bodies at each
    and, for an issue type, the units that handle it."""
    return drive(store, escalation_subgraph_flow(issue))


def escalation_subgraph_flow(issue: str | None = None) -> Flow[Subgraph]:
    answer = yield from escalation_flow(issue)
    ids = [lv.id for lv in answer.levels]
    ids += [b.body.id for lv in answer.levels for b in lv.bodies]
    if answer.issue is not None:
        ids.append(answer.issue.id)
        ids += [h.unit.id for h in answer.handlers]
    ids = list(dict.fromkeys(ids))
    hop = {lv.id: 0 for lv in answer.levels}
    nodes = [_graph_node(r, hop.get(r["id"], 1)) for r in
             (yield from read("node_properties", ids=ids, kinds=None)).records()]
    edges = [_graph_edge(r) for r in
             (yield from read("subgraph", ids=ids, types=ESCALATION_TYPES)).records()]
    if answer.issue is not None:
        # Only this issue's HANDLES edges: a handler may also handle other issues.
        edges = [e for e in edges if e.type != "HANDLES" or e.target == answer.issue.id]
    return Subgraph(focus=[lv.id for lv in answer.levels], depth=1, nodes=nodes, edges=edges)


class MeasureDetail(BaseModel):
    measure: MeasureRef
    numeral: str | None = None
    section: int | None = None
    doc_title: str | None = None
    citation: Citation = Field(description="the measure's full text and its span in the document")
    duties: list[Duty]


def measure_details(store: GraphStore, measure: str | int,
                    doc: str | None = None) -> list[MeasureDetail]:
    """A measure's heading, full text and every unit answerable for it, per document."""
    return drive(store, measure_details_flow(measure, doc))


def measure_details_flow(measure: str | int, doc: str | None = None) -> Flow[list[MeasureDetail]]:
    info = yield from _measure_info(measure, doc)
    answers = {a.measure.id: a
               for a in (yield from who_is_responsible_flow(info[0]["number"], doc))}
    out = []
    for m in info:
        duties = answers[m["measure_id"]].duties if m["measure_id"] in answers else []
        out.append(MeasureDetail(
            measure=_measure(m), numeral=m.get("numeral"), section=m.get("section"),
            doc_title=m.get("doc_title"),
            citation=Citation(doc=m["doc"], measure=m["number"], clause=m.get("text"),
                              start=m.get("start"), end=m.get("end")),
            duties=duties))
    return out


class OverlapPair(BaseModel):
    """Two measures, one from each document, that give duties to the same units."""

    measure_a: MeasureRef
    measure_b: MeasureRef
    shared_units: list[UnitRef]
    leads_a: list[str]
    leads_b: list[str]
    leads_differ: bool


class DocumentOverlap(BaseModel):
    doc_a: str
    doc_b: str
    shared_units: list[UnitRef] = Field(description="units with duties in both documents")
    pairs: list[OverlapPair]
    lead_conflicts: int = Field(description="pairs whose lead units differ")


def document_overlap(store: GraphStore, doc_a: str, doc_b: str) -> DocumentOverlap:
    """Where two documents assign overlapping duties, and where their leads differ."""
    return drive(store, document_overlap_flow(doc_a, doc_b))


def document_overlap_flow(doc_a: str, doc_b: str) -> Flow[DocumentOverlap]:
    loaded = {d["doc"] for d in (yield from documents_flow())}
    for doc in (doc_a, doc_b):
        if doc not in loaded:
            raise NotFound(f"no document {doc!r}; loaded: {', '.join(sorted(loaded)) or 'none'}")
    pairs: list[OverlapPair] = []
    shared: dict[str, UnitRef] = {}
    for r in (yield from read("document_overlap", doc_a=doc_a, doc_b=doc_b)).records():
        units = [UnitRef(id=i, name=n) for i, n in zip(r["shared_unit_ids"], r["shared_units"], strict=True)]
        shared.update((u.id, u) for u in units)
        pairs.append(OverlapPair(
            measure_a=MeasureRef(id=r["measure_a_id"], doc=doc_a, number=r["measure_a"], title=r["title_a"]),
            measure_b=MeasureRef(id=r["measure_b_id"], doc=doc_b, number=r["measure_b"], title=r["title_b"]),
            shared_units=units, leads_a=r["leads_a"], leads_b=r["leads_b"],
            leads_differ=r["leads_differ"]))
    return DocumentOverlap(doc_a=doc_a, doc_b=doc_b, shared_units=sorted(shared.values(), key=lambda u: u.id),
                           pairs=pairs, lead_conflicts=sum(p.leads_differ for p in pairs))
