"""Answers about a concrete place: who governs, manages and supervises a compound,
how its disputes escalate, who leads an organization, and the registry audits.

Concrete bodies (from registry data) are tied to the generic bodies of the
standing structure by ``body_type``, so every answer can cite the clause of
the notice that gives that kind of body its duty.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from pydantic import BaseModel, Field

from ..graph.personal import PersonalStore
from ..graph.store import GraphStore, StoreError
from .answers import Citation, NotFound, UnitRef, _cite, _unit, escalation_flow
from .flow import Flow, cached, drive, read
from .listing import Listing, page_flow

COMPANY_TYPES = {"property_company": "company:property", "service_center": "company:service-center",
                 "developer": "company:developer"}
# A generic body that stands for concrete ones of other types: the community
# "两委" are its Party committee and its residents' (villagers') committee.
STANDS_FOR = {"committee:two-committees": ("party:community", "committee:residents")}
GOVERNING_TYPES = ("committee:owners", "committee:property-management", "committee:courtyard",
                   "committee:joint")


def _as_of(as_of: str | date | None) -> str:
    if as_of is None:
        return date.today().isoformat()
    if isinstance(as_of, date):
        return as_of.isoformat()
    try:
        return date.fromisoformat(as_of).isoformat()
    except ValueError:
        raise NotFound(f"not a date: {as_of!r} (use YYYY-MM-DD)") from None


class PersonSlot(BaseModel):
    """A post held by a person. Who may see what of them (docs/security.md):
    everyone the role and whether it is filled; analysts also the opaque
    ``person_id``; admins also the name and Party membership, from the personal
    store (``queries/persons.py``). The graph holds neither name nor membership."""

    role: str
    filled: bool = True
    person_id: str | None = None
    person_name: str | None = None
    party_member: bool | None = None


class Head(PersonSlot):
    nominated_by: str | None = None


class Body(BaseModel):
    id: str
    name: str
    kind: str | None
    body_type: str | None
    area_id: str
    heads: list[Head] = Field(default_factory=list)
    synthetic: bool | None = None
    adcode: str | None = None  # a real street office's or committee's division code


class Manager(BaseModel):
    id: str
    name: str
    kind: str | None
    credit_list: str | None
    credit_date: str | None
    start: str | None
    end: str | None
    synthetic: bool | None = None


class Oversight(BaseModel):
    over: str  # generic body type overseen
    relation: str
    unit: UnitRef
    citation: Citation


class PlaceRef(BaseModel):
    id: str | None
    name: str | None
    adcode: str | None = None  # statistical division code, for a real place


class Frame(BaseModel):
    compound: PlaceRef
    category: str | None = None
    households: int | None = None
    synthetic: bool | None = None
    community: PlaceRef
    street: PlaceRef
    street_kind: str | None = None
    county: PlaceRef


class CompoundResponsibility(BaseModel):
    as_of: str
    frame: Frame
    managers: list[Manager]
    governing_bodies: list[Body]
    compound_bodies: list[Body]
    community_bodies: list[Body]
    street_bodies: list[Body]
    county_bodies: list[Body]
    oversight: list[Oversight]
    gaps: list[str]


class ChainBody(BaseModel):
    body: Body | None = None
    manager: Manager | None = None
    unit: UnitRef | None = None
    role: str
    citation: Citation

    def actor(self) -> Body | Manager | UnitRef:
        """Who acts at this level: the body, the manager or the unit (each names one)."""
        who = self.body or self.manager or self.unit
        if who is None:
            raise ValueError(f"a {self.role} at a level of the chain names no body, manager or unit")
        return who


class ChainLevel(BaseModel):
    order: int
    level: str
    name: str
    motto: str | None
    bodies: list[ChainBody]
    gap: str | None = None
    area: PlaceRef | None = Field(default=None, description=(
        "the place of this level (the compound, its community, its street or township) with "
        "its adcode when it is a real division; null for an issue type's stages"))


class CompoundEscalation(BaseModel):
    as_of: str
    frame: Frame
    managers: list[Manager] = Field(description="who manages the compound on the date")
    issue: str | None
    levels: list[ChainLevel]
    gaps: list[str]


def _place(compound_id: str,
           as_of: str) -> Flow[tuple[Frame, list[Body], list[Manager], str | None]]:
    """The compound, its areas, their bodies and its managers in one read, and the
    graph generation that read saw."""
    rows = (yield from read("compound_place", compound_id=compound_id, as_of=as_of)).records()
    if not rows:
        hint = (yield from read("compounds", text=compound_id, skip=0, limit=5)).records()
        more = f"; similar: {', '.join(r['compound_id'] for r in hint)}" if hint else \
            "; load a registry first (govgraph load --registry DIR)"
        raise NotFound(f"unknown compound {compound_id!r}{more}")
    r = rows[0]
    frame = Frame(compound=PlaceRef(id=r["compound_id"], name=r["compound_name"]),
                  category=r.get("category"), households=r.get("households"),
                  synthetic=r.get("synthetic"),
                  community=PlaceRef(id=r["community_id"], name=r["community_name"],
                                     adcode=r.get("community_adcode")),
                  street=PlaceRef(id=r["street_id"], name=r["street_name"],
                                  adcode=r.get("street_adcode")),
                  street_kind=r.get("street_kind"),
                  county=PlaceRef(id=r["county_id"], name=r["county_name"],
                                  adcode=r.get("county_adcode")))
    bodies = [Body(id=b["body_id"], name=b["body_name"], kind=b.get("body_kind"),
                   body_type=b.get("body_type"), area_id=b["area_id"], synthetic=b.get("synthetic"),
                   adcode=b.get("adcode"),
                   heads=[Head(**h) for h in b.get("heads") or [] if h])
              for b in r.get("bodies") or [] if b]
    managers = [Manager(id=m["company_id"], name=m["company_name"], kind=m.get("company_kind"),
                        credit_list=m.get("credit_list"), credit_date=m.get("credit_date"),
                        start=m.get("start"), end=m.get("end"), synthetic=m.get("synthetic"))
                for m in r.get("managers") or [] if m]
    return frame, bodies, managers, r.get("generation")


def _overseers(types: list[str]) -> Flow[list[Oversight]]:
    rows = (yield from read("type_overseers", type_ids=types)).records()
    return [Oversight(over=r["type_id"], relation=r["relation"], unit=_unit(r), citation=_cite(r))
            for r in rows]


def compound_responsibility(store: GraphStore, compound_id: str,
                            as_of: str | date | None = None) -> CompoundResponsibility:
    return drive(store, compound_responsibility_flow(compound_id, as_of))


def compound_responsibility_flow(compound_id: str,
                                 as_of: str | date | None = None) -> Flow[CompoundResponsibility]:
    return (yield from _responsibility(compound_id, _as_of(as_of)))[0]


def _responsibility(compound_id: str,
                    day: str) -> Flow[tuple[CompoundResponsibility, str | None]]:
    fr, bodies, managers, generation = yield from _place(compound_id, day)
    by_area = {a: [b for b in bodies if b.area_id == a]
               for a in (fr.compound.id, fr.community.id, fr.street.id, fr.county.id)}
    compound_bodies = by_area[fr.compound.id]
    governing = [b for b in compound_bodies if b.body_type in GOVERNING_TYPES]
    types = sorted({b.body_type for b in bodies if b.body_type}
                   | {COMPANY_TYPES.get(m.kind or "", "company:property") for m in managers})
    # Kept per type, not per set of types: a city has a handful of body types but
    # many combinations of them, and each new combination would be a miss.
    oversight: list[Oversight] = []
    for t in types:
        oversight += yield from cached(generation, ("type_overseers", t),
                                       partial(_overseers, [t]))
    gaps = []
    if not governing:
        gaps.append("no governing body (业委会, 物管委, 院委会 or joint committee) serves this compound")
    if not managers:
        gaps.append(f"no company or service centre manages this compound on {day}")
    if not any(b.body_type == "committee:env-property" for b in by_area[fr.community.id]):
        gaps.append("the community has no 环境和物业管理委员会 (环物委)")
    return CompoundResponsibility(
        as_of=day, frame=fr, managers=managers, governing_bodies=governing,
        compound_bodies=compound_bodies, community_bodies=by_area[fr.community.id],
        street_bodies=by_area[fr.street.id], county_bodies=by_area[fr.county.id],
        oversight=oversight, gaps=gaps), generation


def compound_escalation(store: GraphStore, compound_id: str, issue: str | None = None,
                        as_of: str | date | None = None) -> CompoundEscalation:
    """The ordered chain for a dispute in one compound: compound, community,
    street/township (measure 13), then who handles the issue type (measure 14).
    A level with no body is reported as a gap, never skipped."""
    return drive(store, compound_escalation_flow(compound_id, issue, as_of))


def _mediation() -> Flow[list[dict[str, Any]]]:
    return (yield from read("type_mediation")).records()


def compound_escalation_flow(compound_id: str, issue: str | None = None,
                             as_of: str | date | None = None) -> Flow[CompoundEscalation]:
    day = _as_of(as_of)
    resp, generation = yield from _responsibility(compound_id, day)
    fr = resp.frame
    generic = yield from cached(generation, ("escalation", issue),
                                lambda: escalation_flow(issue))
    mediation = yield from cached(generation, ("type_mediation",), _mediation)
    level_areas = {1: resp.compound_bodies, 2: resp.community_bodies,
                   3: resp.street_bodies + resp.county_bodies}
    level_places = {1: fr.compound, 2: fr.community, 3: fr.street}
    levels: list[ChainLevel] = []
    gaps: list[str] = []
    for lv in generic.levels:
        found: list[ChainBody] = []
        for m in (x for x in mediation if x["level_order"] == lv.order):
            types = (m["type_id"], *STANDS_FOR.get(m["type_id"], ()))
            for b in level_areas.get(lv.order, []):
                if b.body_type in types:
                    found.append(ChainBody(body=b, role=m["role"], citation=_cite(m)))
            if m["type_id"].startswith("unit:"):  # a collective: the compound's own county body
                for b in resp.county_bodies:
                    if b.kind == "Department":
                        found.append(ChainBody(body=b, role=m["role"], citation=_cite(m)))
        gap = None
        if not any(c.role in ("mediates", "convenes", "coordinates") for c in found):
            gap = f"no body to mediate at the {lv.name} level ({lv.name_en})"
            gaps.append(gap)
        levels.append(ChainLevel(order=lv.order, level=lv.id, name=lv.name, motto=lv.motto,
                                 bodies=found, gap=gap, area=level_places.get(lv.order)))
    if generic.issue is not None:
        order = len(levels)
        for stage in sorted({h.stage for h in generic.handlers}):
            order += 1
            handlers = [h for h in generic.handlers if h.stage == stage]
            found = []
            for h in handlers:
                if h.unit.id == "company:property" or h.unit.id == "company:service-center":
                    found += [ChainBody(manager=m, role=h.action, citation=h.citation)
                              for m in resp.managers]
                elif h.unit.id.startswith(("committee:", "gov:", "party:")):
                    found += [ChainBody(body=b, role=h.action, citation=h.citation)
                              for b in resp.community_bodies + resp.street_bodies
                              if b.body_type == h.unit.id]
                else:
                    found.append(ChainBody(unit=h.unit, role=h.action, citation=h.citation))
            gap = None if found else f"nobody to {handlers[0].action_en} for {generic.issue.name}"
            if gap:
                gaps.append(gap)
            levels.append(ChainLevel(order=order, level=f"issue-stage-{stage}",
                                     name=f"{generic.issue.name}: {handlers[0].action}",
                                     motto=handlers[0].action_en, bodies=found, gap=gap))
    return CompoundEscalation(as_of=day, frame=fr, managers=resp.managers,
                              issue=generic.issue.key if generic.issue else None,
                              levels=levels, gaps=gaps)


class Leader(PersonSlot):
    start: str | None
    end: str | None
    nominated_by: UnitRef | None


class OrgLeadership(BaseModel):
    as_of: str
    org: UnitRef
    body_type: str | None
    leaders: list[Leader]
    party_branch: list[Leader]
    rules: list[Oversight]


def org_leaders(store: GraphStore, org_id: str, as_of: str | date | None = None) -> OrgLeadership:
    """Chair and Party secretary of an organization, who nominated them, and the
    rule of the notice that says how its head is chosen."""
    return drive(store, org_leaders_flow(org_id, as_of))


def org_leaders_flow(org_id: str, as_of: str | date | None = None) -> Flow[OrgLeadership]:
    day = _as_of(as_of)
    rows = (yield from read("org_leaders", org_id=org_id, as_of=day)).records()
    if not rows:
        raise NotFound(f"unknown organization {org_id!r}")
    r0 = rows[0]

    branch_rows = [r for r in (yield from read("org_branch_leaders", org_id=org_id,
                                               as_of=day)).records() if r.get("person_id")]
    ids = sorted({r["nominated_by_id"] for r in rows + branch_rows if r.get("nominated_by_id")})
    named = (yield from read("entity_names", ids=ids)).records() if ids else []
    names = {r["id"]: UnitRef(id=r["id"], name=r["name"], kind=r.get("kind"), name_en=r.get("name_en"))
             for r in named}

    def leader(r: dict, role: str | None = None) -> Leader:
        return Leader(role=role or r.get("role") or "", person_id=r["person_id"],
                      start=r.get("start"), end=r.get("end"),
                      nominated_by=names.get(r.get("nominated_by_id") or ""))

    leaders = [leader(r) for r in rows if r.get("person_id")]
    branch = [leader(r, "branch secretary") for r in branch_rows]
    rules = []
    if r0.get("body_type"):
        for r in (yield from read("structure_relations", unit_id=r0["body_type"])).records():
            if r["relation"] in ("HEADS", "NOMINATES") and not r["outgoing"]:
                rules.append(Oversight(over=r0["body_type"], relation=r["relation"],
                                       unit=_unit(r, "other"), citation=_cite(r)))
    return OrgLeadership(as_of=day, org=UnitRef(id=r0["org_id"], name=r0["org_name"],
                                                kind=r0.get("org_kind")),
                         body_type=r0.get("body_type"), leaders=leaders, party_branch=branch,
                         rules=rules)


AUDITS = {
    "ungoverned": "audit_ungoverned_compounds",
    "party-share": "audit_owners_committee_party_share",
    "blacklisted": "audit_blacklisted_managers",
}


def audit(store: GraphStore, name: str, as_of: str | date | None = None, skip: int = 0,
          limit: int = 100) -> list[dict]:
    """Registry audits; rows are plain records (each audit has its own columns)."""
    rows = drive(store, audit_flow(name, as_of, skip, limit))
    if name == "party-share":
        return party_share(rows, store.personal)[skip:skip + limit]
    return rows


def party_share(rows: list[dict], personal: PersonalStore | None) -> list[dict]:
    """The Party-share audit from its graph rows (``audit_flow``): 业委会 whose current
    members are not more than half Party members, with the two counts and no ids.
    Party membership is read from the personal store and leaves it as counts only."""
    if personal is None:
        raise StoreError("this store has no personal-data store: Party membership cannot be counted")
    out = []
    for r in rows:
        ids = r.get("member_ids") or []
        party = len(personal.party_members(ids))
        if party * 2 <= r["members"]:
            out.append({"org_id": r["org_id"], "org_name": r["org_name"], "members": r["members"],
                        "party_members": party, "synthetic": r.get("synthetic")})
    return out


def audit_flow(name: str, as_of: str | date | None = None, skip: int = 0,
               limit: int = 100) -> Flow[list[dict]]:
    if name not in AUDITS:
        raise NotFound(f"unknown audit {name!r}; one of {', '.join(AUDITS)} (and `govgraph diffuse`)")
    params: dict = {"skip": skip, "limit": limit}
    if name != "ungoverned":
        params["as_of"] = _as_of(as_of)
    if name == "party-share":
        # Party membership is not in the graph: the rows carry each committee's
        # member ids, for ``party_share`` to count against the personal store
        # (which filters, so every row is read and the caller pages).
        return (yield from read(AUDITS[name], as_of=params["as_of"])).records()
    return (yield from read(AUDITS[name], **params)).records()


def audit_page_flow(name: str, as_of: str | date | None, offset: int,
                    limit: int) -> Flow[Listing[dict]]:
    """One page of an audit the graph can answer alone (not party-share, which counts
    Party members in the personal store: ``audit`` reads it whole) and its total."""
    if name not in AUDITS or name == "party-share":
        raise NotFound(f"unknown audit {name!r} for paging; one of ungoverned, blacklisted")
    params = {} if name == "ungoverned" else {"as_of": _as_of(as_of)}
    return (yield from page_flow(AUDITS[name], params, offset, limit))


def find_compounds(store: GraphStore, text: str = "", skip: int = 0, limit: int = 20) -> list[dict]:
    return drive(store, find_compounds_flow(text, skip, limit))


def find_compounds_flow(text: str = "", skip: int = 0, limit: int = 20) -> Flow[list[dict]]:
    return (yield from read("compounds", text=text, skip=skip, limit=limit)).records()


def compounds_page_flow(text: str, offset: int, limit: int) -> Flow[Listing[dict]]:
    """One page of ``find_compounds`` and how many there are in all."""
    return (yield from page_flow("compounds", {"text": text}, offset, limit))


CHAIN_TYPES = ["LOCATED_IN", "PART_OF", "MANAGES", "HANDLES", "INCLUDES", "ESCALATES_TO"]


def compound_escalation_subgraph(store: GraphStore, compound_id: str, issue: str | None = None,
                                 as_of: str | date | None = None):
    """A compound's escalation chain as a graph for drawing: the compound, its
    community and street, the bodies at each level, its managers and, for an
    issue type, who handles it — the nodes of ``compound_escalation``."""
    return drive(store, compound_escalation_subgraph_flow(compound_id, issue, as_of))


def compound_escalation_subgraph_flow(compound_id: str,
                                      issue: str | None = None,
                                      as_of: str | date | None = None) -> Flow[Any]:
    from .answers import ESCALATION_TYPES, Subgraph, _graph_edge, _graph_node

    chain = yield from compound_escalation_flow(compound_id, issue, as_of)
    fr = chain.frame
    ids = [i for i in (fr.compound.id, fr.community.id, fr.street.id, fr.county.id) if i]
    ids += [m.id for m in chain.managers]
    for lv in chain.levels:
        for b in lv.bodies:
            ids.append(b.actor().id)
    if issue is not None:
        ids += [r["issue_id"] for r in (yield from read("issue_handlers", issue=issue)).records()[:1]]
    ids = list(dict.fromkeys(ids))
    focus = fr.compound.id
    assert focus is not None, "the flow above found the compound"
    hop = {focus: 0}
    nodes = [_graph_node(r, hop.get(r["id"], 1)) for r in
             (yield from read("node_properties", ids=ids, kinds=None)).records()]
    edges = [_graph_edge(r) for r in (yield from read(
        "subgraph", ids=ids, types=sorted(set(CHAIN_TYPES + ESCALATION_TYPES)))).records()]
    return Subgraph(focus=[focus], depth=1, nodes=nodes, edges=edges)
