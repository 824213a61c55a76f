"""Load the curated standing structure and issue-type handling, each fact cited.

Quotes are located in the document text so every fact carries a real span; a
quote that is not in the document (or not in the measure it claims) is an error.
"""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path

from ..errors import GovgraphError
from ..graph.model import Edge, GraphBatch, Node, NodeKind, Provenance, RelType
from .notice import Notice
from .units import UnitRegistry


class StructureError(GovgraphError, ValueError):
    """A standing-structure or issue-type file that cannot be read; says what and where."""

    problem = "invalid-document"


def _read(name: str, override_env: str | None = None) -> tuple[str, dict]:
    if override_env and os.environ.get(override_env):
        path = Path(os.environ[override_env])
        text = path.read_text("utf-8")
        origin = str(path)
    else:
        text = resources.files("govgraph.loaders").joinpath(f"data/{name}").read_text("utf-8")
        origin = name
    try:
        return origin, tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise StructureError(f"{origin}: not valid TOML: {e}") from None


def _cite(notice: Notice, measure: int | None, quote: str, where: str, basis: str = "text") -> Provenance:
    if measure is not None:
        try:
            m = notice.measure(measure)
        except KeyError:
            raise StructureError(f"{where}: measure {measure} is not in {notice.id}") from None
        lo, hi = m.start, m.end
    else:
        lo, hi = 0, len(notice.text)
    i = notice.text.find(quote, lo, hi)
    if i < 0:
        scope = f"measure {measure}" if measure is not None else "the document"
        raise StructureError(f"{where}: quote not found in {scope}: {quote!r}")
    return Provenance(doc=notice.id, measure=measure, clause=quote, start=i, end=i + len(quote), basis=basis)


def structure_graph(notice: Notice, registry: UnitRegistry) -> GraphBatch:
    origin, data = _read("anshun_structure.toml", "GOVGRAPH_STRUCTURE_FILE")
    batch = GraphBatch()
    for i, b in enumerate(data.get("body", []), 1):
        try:
            batch.nodes.append(Node(id=b["id"], kind=NodeKind(b["kind"]), name=b["name"], props={
                "name_en": b.get("name_en", ""), "tier": b.get("tier", ""),
                "aliases": list(b.get("aliases", [])), "generic": True, "collective": False,
                "registry": "structure", "registry_file": origin, "registry_entry": f"[[body]] #{i}"}))
        except (KeyError, ValueError) as e:
            raise StructureError(f"{origin}: [[body]] #{i}: {e}") from None
    for i, f in enumerate(data.get("fact", []), 1):
        where = f"{origin}: [[fact]] #{i} ({f.get('type')} {f.get('src')} -> {f.get('dst')})"
        try:
            rel = RelType(f["type"])
            src = f["src"]
            dst = f["dst"]
            quote = f["quote"]
        except (KeyError, ValueError) as e:
            raise StructureError(f"{where}: {e}") from None
        source = _cite(notice, f.get("measure"), quote, where, f.get("basis", "text"))
        batch.edges.append(Edge(type=rel, src=src, dst=dst, props=f.get("props", {}), source=source))
    levels = sorted(data.get("level", []), key=lambda lv: lv["order"])
    for i, lv in enumerate(levels):
        where = f"{origin}: [[level]] {lv.get('id')}"
        src = _cite(notice, lv.get("measure", 13), lv["quote"], where)
        batch.nodes.append(Node(id=lv["id"], kind=NodeKind.ESCALATION_LEVEL, name=lv["name"], props={
            "order": lv["order"], "name_en": lv.get("name_en", ""), "motto": lv.get("motto", ""),
            **src.as_props()}))
        if i + 1 < len(levels):
            motto = _cite(notice, 13, "小事不出小区、难事不出社区、大事不出街道(乡镇)", where)
            batch.edges.append(Edge(type=RelType.ESCALATES_TO, src=lv["id"], dst=levels[i + 1]["id"],
                                    source=motto))
    for i, md in enumerate(data.get("mediator", []), 1):
        where = f"{origin}: [[mediator]] #{i} ({md.get('body')})"
        source = _cite(notice, md.get("measure", 13), md["quote"], where, md.get("basis", "text"))
        batch.edges.append(Edge(type=RelType.MEDIATES_AT, src=md["body"], dst=md["level"],
                                props={"role": md["role"]}, source=source))
    batch.extend(issue_type_graph(notice, registry))
    known = {u for u in registry.units} | {a.id for a in registry.areas}
    try:
        batch.check(known_ids=known)
    except ValueError as e:
        raise StructureError(f"{origin}: {e}") from None
    return batch


def issue_type_graph(notice: Notice, registry: UnitRegistry) -> GraphBatch:
    """Issue types and who handles each, stage by stage.

    A type cites the clause that gives it its duties (``measure``/``quote``, by
    default its own name in measure 14); its ``group`` picks the [[stage]] rows
    that apply to it (``violation``, the measure-14 chain, by default). A type's
    ``agencies`` join the last stage of its group, cited to the type's clause
    with basis ``curated``."""
    origin, data = _read("issue_types.toml", "GOVGRAPH_ISSUE_TYPES_FILE")
    batch = GraphBatch()
    issues: dict[str, tuple[str, str, Provenance, list[str]]] = {}
    for row in data.get("issue", []):
        where = f"{origin}: [[issue]] {row.get('id')}"
        try:
            key, name = row["id"], row["name"]
        except KeyError as e:
            raise StructureError(f"{where}: missing field {e}") from None
        if key in issues:
            raise StructureError(f"{where}: issue type {key!r} is defined twice")
        measure = row.get("measure", 14)
        group = row.get("group", "violation" if measure == 14 else "service")
        iid = f"issue:{key}"
        source = _cite(notice, measure, row.get("quote", name), where, row.get("basis", "text"))
        issues[key] = (iid, group, source, list(row.get("agencies", [])))
        batch.nodes.append(Node(id=iid, kind=NodeKind.ISSUE_TYPE, name=name, props={
            "key": key, "name_en": row.get("name_en", ""), "group": group,
            "source_clause": source.clause, "source_start": source.start, "source_end": source.end,
            "source_doc": source.doc, "source_measure": measure, "source_basis": source.basis}))
    assignments = {(a["issue"], a["stage"]): a["handlers"] for a in data.get("assign", [])}
    stages = data.get("stage", [])
    last: dict[str, int] = {}
    for st in stages:
        g = st.get("group", "violation")
        last[g] = max(last.get(g, st["stage"]), st["stage"])
    for st in stages:
        group = st.get("group", "violation")
        where = f"{origin}: [[stage]] {group} {st.get('stage')}"
        source = _cite(notice, st.get("measure", 14), st["quote"], where)
        props = {"stage": st["stage"], "action": st["action"], "action_en": st.get("action_en", "")}
        for key, (iid, igroup, isource, agencies) in issues.items():
            if igroup != group:
                continue
            handlers = assignments.get((key, st["stage"]), st["handlers"])
            basis = "curated" if (key, st["stage"]) in assignments else "text"
            for h in handlers:
                hid = h if ":" in h else _resolve(registry, h, where)
                batch.edges.append(Edge(type=RelType.HANDLES, src=hid, dst=iid, props=props,
                                        source=source.model_copy(update={"basis": basis})))
            if st["stage"] == last[group]:
                for a in agencies:
                    aid = a if ":" in a else _resolve(registry, a, f"{origin}: [[issue]] {key} agencies")
                    batch.edges.append(Edge(type=RelType.HANDLES, src=aid, dst=iid, props=props,
                                            source=isource.model_copy(update={"basis": "curated"})))
    return batch


def issue_type_keys() -> dict[str, str]:
    """The taxonomy's issue-type keys and names (issue_types.toml, or the file
    GOVGRAPH_ISSUE_TYPES_FILE names), for registry rows that name a type."""
    origin, data = _read("issue_types.toml", "GOVGRAPH_ISSUE_TYPES_FILE")
    return {str(row["id"]): str(row.get("name", row["id"])) for row in data.get("issue", []) if "id" in row}


def _resolve(registry: UnitRegistry, name: str, where: str) -> str:
    res = registry.resolve(name)
    if res.unit is None:
        raise StructureError(f"{where}: unknown unit {name!r} (add it to the unit registry)")
    return res.unit.id
