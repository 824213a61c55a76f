"""Typed answers to the catalogue's questions; every fact carries its citation.

This is the one place where questions are answered: the CLI and the HTTP API
both call these functions and only format what they return.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from ..graph.store import GraphStore
from . import catalogue


class NotFound(LookupError):
    """An unknown measure, unit or issue type; the message names what was asked."""


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
    from ..loaders.notice import cn_numeral_to_int

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
    number = parse_measure_number(measure)
    rows = catalogue.run(store, "measure_info", number=number, doc=doc).records()
    if not rows:
        where = f" in document {doc}" if doc else ""
        raise NotFound(f"no measure {number}{where}; load a document first (govgraph load)")
    return rows


def _measure_question(store: GraphStore, query: str, question: str, measure: str | int,
                      doc: str | None) -> list[MeasureAnswer]:
    info = measure_info(store, measure, doc)
    rows = catalogue.run(store, query, number=info[0]["number"], doc=doc).records()
    answers = []
    for m in info:
        duties = [_duty(r) for r in rows if r["doc"] == m["doc"]]
        answers.append(MeasureAnswer(measure=_measure(m), question=question, duties=duties))
    return answers


def who_leads(store: GraphStore, measure: str | int, doc: str | None = None) -> list[MeasureAnswer]:
    return _measure_question(store, "who_leads", "who leads", measure, doc)


def who_is_responsible(store: GraphStore, measure: str | int,
                       doc: str | None = None) -> list[MeasureAnswer]:
    return _measure_question(store, "who_is_responsible", "who is responsible", measure, doc)


def _spellings(name: str) -> list[str]:
    from ..loaders.units import normalize_name

    s = re.sub(r"\s+", "", name)
    out = [s, normalize_name(s), normalize_name(s).replace("〔", "(").replace("〕", ")"),
           normalize_name(s).replace("〔", "（").replace("〕", "）")]
    return list(dict.fromkeys(out))


def find_unit(store: GraphStore, name: str) -> UnitRef:
    """Resolve a unit by its name, full name or alias; unknown names are an error."""
    if not name or not name.strip():
        raise NotFound("no unit name given")
    rows = catalogue.run(store, "find_unit", names=_spellings(name)).records()
    if not rows:
        rows = catalogue.run(store, "search_units", text=name.strip(), limit=5).records()
        hint = f"; did you mean {', '.join(r['unit_name'] for r in rows)}?" if rows else ""
        raise NotFound(f"unknown unit {name!r}{hint}")
    if len(rows) > 1:
        names = ", ".join(f"{r['unit_name']} ({r['unit_id']})" for r in rows)
        raise NotFound(f"{name!r} names several units: {names}")
    return _unit(rows[0])


def unit_measures(store: GraphStore, name: str) -> UnitDuties:
    unit = find_unit(store, name)
    rows = catalogue.run(store, "unit_measures", unit_id=unit.id).records()
    return UnitDuties(unit=unit, duties=[_duty(r) for r in rows])


def unit_load(store: GraphStore, doc: str | None = None) -> list[UnitLoad]:
    rows = catalogue.run(store, "unit_load", doc=doc).records()
    return [UnitLoad(unit=_unit(r), lead=r["lead"], responsible=r["responsible"],
                     support=r["support"], total=r["total"]) for r in rows]


def diffuse_accountability(store: GraphStore, min_responsible: int = 10,
                           doc: str | None = None) -> list[DiffuseMeasure]:
    rows = catalogue.run(store, "diffuse_accountability", min_responsible=min_responsible,
                         doc=doc).records()
    return [DiffuseMeasure(measure=_measure(r), leads=r["leads"], responsible=r["responsible"])
            for r in rows]


def escalation(store: GraphStore, issue: str | None = None) -> EscalationAnswer:
    levels: dict[str, EscalationLevel] = {}
    for r in catalogue.run(store, "escalation_levels").records():
        lv = levels.setdefault(r["level_id"], EscalationLevel(
            order=r["level_order"], id=r["level_id"], name=r["level_name"],
            name_en=r.get("level_name_en"), motto=r.get("motto"), bodies=[]))
        if r.get("body_id"):
            lv.bodies.append(LevelBody(body=_unit(r, "body"), role=r["role"], citation=_cite(r)))
    if not levels:
        raise NotFound("the graph has no escalation levels; run `govgraph load` first")
    answer = EscalationAnswer(levels=sorted(levels.values(), key=lambda lv: lv.order))
    if issue is not None:
        rows = catalogue.run(store, "issue_handlers", issue=issue).records()
        if not rows:
            known = ", ".join(f"{t['issue_key']} ({t['issue_name']})"
                              for t in catalogue.run(store, "issue_types").records())
            raise NotFound(f"unknown issue type {issue!r}; known types: {known}")
        r0 = rows[0]
        answer.issue = IssueRef(id=r0["issue_id"], key=r0["issue_key"], name=r0["issue_name"],
                                name_en=r0.get("issue_name_en"))
        answer.handlers = [Handler(stage=r["stage"], action=r["action"], action_en=r.get("action_en"),
                                   unit=_unit(r), citation=_cite(r)) for r in rows]
    return answer


def load_report(store: GraphStore) -> dict[str, dict[str, int]]:
    nodes = catalogue.run(store, "count_nodes").rows
    edges = catalogue.run(store, "count_edges").rows
    return {"nodes": dict(nodes), "edges": dict(edges)}


def documents(store: GraphStore) -> list[dict]:
    return catalogue.run(store, "documents").records()
