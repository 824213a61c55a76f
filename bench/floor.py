"""The in-process floor: the same lookups on a networkx graph held in memory.

The graph is built from the very batch the engines load. Lookups do the work
the catalogue queries do (the same hops, filters and ordering) and return plain
rows, with the few lookup tables a database would have as indexes (measure
number, issue key, node kind); no network, no query planning, no serialization.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from govgraph.graph.model import GraphBatch

GOVERNING = ("committee:owners", "committee:property-management", "committee:courtyard",
             "committee:joint")
COMPANY_TYPES = {"property_company": "company:property", "service_center": "company:service-center",
                 "developer": "company:developer"}


class Floor:
    def __init__(self, batch: GraphBatch) -> None:
        g = nx.MultiDiGraph()
        d = batch.deduplicated()
        for n in d.nodes:
            g.add_node(n.id, id=n.id, kind=str(n.kind), name=n.name, **n.props)
        for e in d.edges:
            row = e.row()
            g.add_edge(e.src, e.dst, key=row["key"], type=str(e.type), **row["props"])
        self.g = g
        self.by_kind: dict[str, list[str]] = defaultdict(list)
        self.measures: dict[int, list[str]] = defaultdict(list)
        self.issues: dict[str, str] = {}
        for nid, a in g.nodes(data=True):
            self.by_kind[a["kind"]].append(nid)
            if a["kind"] == "Measure":
                self.measures[a.get("number")].append(nid)
            if a["kind"] == "IssueType":
                self.issues[a.get("key")] = nid
                self.issues[a.get("name")] = nid
        self.compounds = sorted(n for n in self.by_kind["Area"] if g.nodes[n].get("level") == "compound")

    def _in(self, node: str, rel: str):
        for src, _dst, a in self.g.in_edges(node, data=True):
            if a["type"] == rel:
                yield src, a

    def _out(self, node: str, rel: str):
        for _src, dst, a in self.g.out_edges(node, data=True):
            if a["type"] == rel:
                yield dst, a

    # who leads a measure ------------------------------------------------
    def who_leads(self, number: int) -> list[dict[str, Any]]:
        rows = []
        for m in self.measures.get(number, []):
            ma = self.g.nodes[m]
            for u, e in self._in(m, "LEADS_MEASURE"):
                ua = self.g.nodes[u]
                rows.append({"measure_id": m, "doc": ma.get("doc"), "number": ma.get("number"),
                             "title": ma.get("title"), "unit_id": u, "unit_name": ua.get("name"),
                             "unit_kind": ua.get("kind"), "role": "lead",
                             "clause": e.get("source_clause"), "start": e.get("source_start"),
                             "end": e.get("source_end"), "_order": e.get("name_start") or 0})
        rows.sort(key=lambda r: (r["doc"] or "", r["number"] or 0, r["_order"]))
        return rows

    # who is responsible for a compound ------------------------------------
    def _up(self, area: str, level: str) -> str | None:
        for dst, _ in self._out(area, "PART_OF"):
            if self.g.nodes[dst].get("level") == level:
                return dst
        return None

    def _bodies(self, area: str, as_of: str) -> list[dict[str, Any]]:
        out = []
        for o, _ in self._in(area, "LOCATED_IN"):
            oa = self.g.nodes[o]
            if oa.get("body_type") is None and not (oa.get("tier") == "county"
                                                    and oa.get("collective") is False):
                continue
            heads = []
            for p, m in self._in(o, "MEMBER_OF"):
                if m.get("role") in ("chair", "secretary") \
                        and (m.get("start") is None or m["start"] <= as_of) \
                        and (m.get("end") is None or m["end"] >= as_of):
                    heads.append({"role": m["role"], "person_id": p,
                                  "person_name": self.g.nodes[p].get("name"),
                                  "nominated_by": m.get("nominated_by")})
            heads.sort(key=lambda h: (h["role"], h["person_id"]))
            out.append({"area_id": area, "body_id": o, "body_name": oa.get("name"),
                        "body_type": oa.get("body_type"), "kind": oa.get("kind"), "heads": heads})
        out.sort(key=lambda b: (b["body_type"] or "", b["body_id"]))
        return out

    def compound_responsibility(self, compound: str, as_of: str) -> dict[str, Any]:
        community = self._up(compound, "community")
        street = self._up(community, "street") if community else None
        county = self._up(street, "county") if street else None
        areas = [a for a in (compound, community, street, county) if a]
        bodies = {a: self._bodies(a, as_of) for a in areas}
        managers = []
        for co, e in self._in(compound, "MANAGES"):
            if (e.get("start") is None or e["start"] <= as_of) and (e.get("end") is None
                                                                  or e["end"] >= as_of):
                ca = self.g.nodes[co]
                managers.append({"company_id": co, "name": ca.get("name"),
                                 "kind": ca.get("company_kind"), "credit_list": ca.get("credit_list")})
        managers.sort(key=lambda m: m["company_id"])
        types = sorted({b["body_type"] for bs in bodies.values() for b in bs if b["body_type"]}
                       | {COMPANY_TYPES.get(m["kind"] or "", "company:property") for m in managers})
        oversight = []
        for t in types:
            if t in self.g:
                for s, _d, e in self.g.in_edges(t, data=True):
                    if e["type"] in ("LEADS", "GUIDES", "SUPERVISES"):
                        oversight.append({"type_id": t, "relation": e["type"], "unit_id": s,
                                          "clause": e.get("source_clause")})
        oversight.sort(key=lambda r: (r["type_id"], r["relation"], r["unit_id"]))
        governing = [b for b in bodies.get(compound, []) if b["body_type"] in GOVERNING]
        return {"frame": areas, "bodies": bodies, "managers": managers, "governing": governing,
                "oversight": oversight}

    # escalation chain ----------------------------------------------------
    def compound_escalation(self, compound: str, issue: str, as_of: str) -> dict[str, Any]:
        resp = self.compound_responsibility(compound, as_of)
        levels = []
        for lv in self.by_kind["EscalationLevel"]:
            la = self.g.nodes[lv]
            mediators = [{"type_id": t, "role": e.get("role"), "clause": e.get("source_clause")}
                         for t, e in self._in(lv, "MEDIATES_AT")]
            levels.append({"order": la.get("order"), "id": lv, "mediators": mediators})
        levels.sort(key=lambda lv: lv["order"] or 0)
        areas = resp["frame"]
        by_order = {1: areas[:1], 2: areas[1:2], 3: areas[2:]}
        for lv in levels:
            found = []
            for m in lv["mediators"]:
                for a in by_order.get(lv["order"], []):
                    found += [b for b in resp["bodies"].get(a, []) if b["body_type"] == m["type_id"]]
            lv["bodies"] = found
            lv["gap"] = not found
        handlers = []
        iid = self.issues.get(issue)
        if iid is not None:
            for h, e in self._in(iid, "HANDLES"):
                handlers.append({"stage": e.get("stage"), "action": e.get("action"), "unit_id": h})
            handlers.sort(key=lambda r: (r["stage"] or 0, r["unit_id"]))
        return {"levels": levels, "handlers": handlers, "responsibility": resp}

    # one audit -----------------------------------------------------------
    def audit_ungoverned(self, limit: int = 100) -> list[dict[str, Any]]:
        out = []
        for k in self.compounds:  # already in id order, as the query's ORDER BY
            governed = any(self.g.nodes[o].get("kind") == "Committee"
                           and self.g.nodes[o].get("body_type") in GOVERNING
                           for o, _ in self._in(k, "LOCATED_IN"))
            if not governed:
                ka = self.g.nodes[k]
                out.append({"compound_id": k, "compound_name": ka.get("name"),
                            "category": ka.get("category"), "households": ka.get("households")})
                if len(out) >= limit:
                    break
        return out
