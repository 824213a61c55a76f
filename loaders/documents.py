"""Turn a parsed notice into graph facts: document, sections, measures, duties."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..graph.model import Edge, GraphBatch, Node, NodeKind, PropValue, Provenance, RelType
from ..graph.names import normalize_name, unit_id
from .notice import Notice
from .units import UnitRegistry

ROLE_EDGE = {
    "lead": RelType.LEADS_MEASURE,
    "responsible": RelType.RESPONSIBLE_FOR,
    "support": RelType.SUPPORTS_MEASURE,
}


def measure_id(doc_id: str, number: int) -> str:
    return f"{doc_id}#m{number}"


def section_id(doc_id: str, number: int) -> str:
    return f"{doc_id}#s{number}"


@dataclass
class DocumentFacts:
    notice: Notice
    batch: GraphBatch
    unresolved: list[dict] = field(default_factory=list)


def notice_to_graph(notice: Notice, registry: UnitRegistry) -> DocumentFacts:
    doc = notice.id
    batch = GraphBatch()
    batch.nodes.append(
        Node(
            id=doc,
            kind=NodeKind.POLICY_DOCUMENT,
            name=notice.title,
            props={
                "title": notice.title,
                "issuer": notice.issuer,
                "date": notice.date,
                "sha256": notice.sha256,
                "source_path": notice.source,
                "text": notice.text,
            },
        )
    )
    for s in notice.sections:
        batch.nodes.append(Node(id=section_id(doc, s.number), kind=NodeKind.SECTION, name=s.title,
                                props={"number": s.number, "doc": doc, "start": s.start, "end": s.end}))
        batch.edges.append(Edge(type=RelType.PART_OF, src=section_id(doc, s.number), dst=doc,
                                source=_heading(notice, s.start, s.end, s.title, None)))
    unresolved: list[dict] = []
    unit_nodes: dict[str, Node] = {}
    for m in notice.measures:
        mid = measure_id(doc, m.number)
        props: dict[str, PropValue] = {"number": m.number, "numeral": m.numeral, "doc": doc, "title": m.title,
                                       "text": m.text, "start": m.start, "end": m.end,
                                       "section": m.section}
        if m.officials:
            # Persons and posts a measure names (责任领导): recorded on the measure
            # with their role, never as units.
            props["officials"] = [o.name for o in m.officials]
            props["official_roles"] = [o.role for o in m.officials]
        batch.nodes.append(Node(id=mid, kind=NodeKind.MEASURE, name=m.title, props=props))
        parent = section_id(doc, m.section) if m.section is not None else doc
        batch.edges.append(Edge(type=RelType.PART_OF, src=mid, dst=parent,
                                source=_heading(notice, m.start, m.end, m.title, m.number)))
        for a in m.attributions:
            for u in a.units:
                res = registry.resolve(u.name)
                if res.unit is None and u.alias:  # 县司法局（县普法办）: the alias may be the known name
                    res = registry.resolve(u.alias)
                if res.unit is not None:
                    uid = res.unit.id
                else:
                    uid = unit_id(u.name)
                    unresolved.append({"measure": m.number, "name": u.name, "start": u.start, "end": u.end})
                    # Known only from where the notice first names it.
                    unit_nodes.setdefault(uid, Node(
                        id=uid, kind=NodeKind.DEPARTMENT, name=normalize_name(u.name),
                        props={"resolved": False, "collective": False, "tier": "unknown",
                               **Provenance(doc=doc, measure=m.number, clause=notice.text[u.start:u.end],
                                            start=u.start, end=u.end).as_props()}))
                batch.edges.append(Edge(
                    type=ROLE_EDGE[a.role], src=uid, dst=mid,
                    props={"as_written": u.as_written, "label": a.label,
                           "name_start": u.start, "name_end": u.end},
                    source=Provenance(doc=doc, measure=m.number, clause=a.clause,
                                      start=a.start, end=a.end)))
    batch.nodes.extend(unit_nodes.values())
    return DocumentFacts(notice=notice, batch=batch, unresolved=unresolved)


def _heading(notice: Notice, start: int, end: int, title: str, measure: int | None) -> Provenance:
    """The heading of a section or measure (its numeral and title), as the
    clause that places it in the document."""
    at = notice.text.find(title, start, end)
    stop = at + len(title) if at >= 0 else min(end, start + 40)
    return Provenance(doc=notice.id, measure=measure, clause=notice.text[start:stop],
                      start=start, end=stop)
