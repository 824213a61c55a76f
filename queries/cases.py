"""Cases: what happened to disputes, and the policy's own measure of success.

Measure 13 of the notice sets a goal — 小事不出小区、难事不出社区、大事不出街道 —
and this module measures it on registry cases (``cases`` and ``case_steps``
files, docs/cases.md): per compound, community, street or county, or per type of
governing body, how many cases were opened, where the resolved ones were
resolved, how long that took, how many are open and overdue, which steps skipped
a level, and which were taken by a body the standing structure does not place on
that case's chain (the chain is the escalation answer, ``compound_escalation``,
for the case's compound and issue type on the day it was opened).

Everything is read as of a date: a case opened later is not counted, one closed
later is still open, a step taken later has not happened.
"""

from __future__ import annotations

import statistics
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from ..graph.store import GraphStore
from .answers import InvalidArgument, NotFound
from .compounds import PlaceRef, _as_of, compound_escalation_flow
from .flow import Flow, drive, read

LEVELS = ("compound", "community", "street", "county", "city")
LEVEL_ORDER = {lv: i for i, lv in enumerate(LEVELS, 1)}
DUE_DAYS = 30  # a case without a due date is overdue this many days after it was opened

# The governing body a compound has (measures 1, 2 and 8), as the measure breaks it down.
BODY_TYPES: dict[str, str] = {
    "owners-committee-party": "业委会 with a Party branch (业委会，有党支部)",
    "owners-committee": "业委会 without a Party branch (业委会，无党支部)",
    "property-management": "物管委",
    "courtyard": "院委会",
    "joint": "联合物管委院委会",
    "none": "no governing body (无)",
}
_BRANCHES = {"party:owners-committee-branch", "party:temporary-branch", "party:joint-branch"}

By = Literal["compound", "community", "street", "county", "body-type"]
BY: tuple[str, ...] = ("compound", "community", "street", "county", "body-type")


def governing_type(body_types: list[str] | None) -> str:
    """The compound's governing-body type from the body types located in it.

    >>> governing_type(["committee:owners", "party:owners-committee-branch"])
    'owners-committee-party'
    >>> governing_type(["committee:env-property"])
    'none'
    """
    types = set(body_types or [])
    if "committee:owners" in types:
        return "owners-committee-party" if types & _BRANCHES else "owners-committee"
    for t, key in (("committee:property-management", "property-management"),
                   ("committee:courtyard", "courtyard"), ("committee:joint", "joint")):
        if t in types:
            return key
    return "none"


class RegistryRow(BaseModel):
    registry: str | None = None
    file: str | None = None
    line: int | None = None
    entry: str | None = Field(default=None, description="for a case posted through Open311: its id")


class StepBody(BaseModel):
    id: str
    name: str | None = None
    kind: str | None = None


class CaseStepOut(BaseModel):
    order: int
    level: str
    action: str
    start: str
    end: str | None = None
    body: StepBody | None = Field(default=None, description="the body that took it; null when "
                                  "the registry gives only the level")
    skipped_levels: int = Field(description="levels passed over since the previous step "
                                "(compound -> street skips the community: 1)")
    off_chain: bool | None = Field(description="the body is not on the case's chain; null when "
                                   "the step names no body")
    citation: RegistryRow


class CaseOut(BaseModel):
    id: str
    compound: PlaceRef
    community: PlaceRef
    street: PlaceRef
    county: PlaceRef
    governing: str = Field(description="governing-body type of the compound: " + ", ".join(BODY_TYPES))
    issue: str | None = Field(description="the taxonomy key the case names")
    issue_text: str | None = Field(description="the case's issue as free text, when it names no key")
    chain_issue: str | None = Field(description="the issue type whose chain the case is judged "
                                    "against: its key, or the best routing match of its text")
    channel: str
    opened: str
    outcome: str = Field(description="as of the date: resolved, withdrawn or open")
    resolved_level: str | None
    closed: str | None = Field(description="as of the date (null when it closed later)")
    due: str = Field(description="its due date, or opened + due_days")
    overdue: bool
    days_to_resolve: int | None
    skipped_steps: int
    off_chain_steps: int
    steps: list[CaseStepOut]
    synthetic: bool | None = None
    citation: RegistryRow


class MeasureRow(BaseModel):
    key: str
    name: str | None
    body_type: str | None = Field(default=None, description="for a compound: its governing-body type")
    cases: int = Field(description="cases opened (on or before the date)")
    resolved: int
    withdrawn: int
    open: int
    overdue: int = Field(description="open cases past their due date")
    resolved_at: dict[str, int] = Field(description="resolved cases by the level that resolved them")
    share_at: dict[str, float | None] = Field(description="share of the resolved cases resolved at "
                                              "each level")
    within_compound: float | None = Field(description="小事不出小区: share of resolved cases "
                                          "resolved in the compound")
    within_community: float | None = Field(description="难事不出社区: … in the compound or community")
    within_street: float | None = Field(description="大事不出街道: … at the street or below")
    median_days: float | None = Field(description="median days from opening to resolution")
    skipped_steps: int = Field(description="steps that passed over a level")
    cases_with_skips: int
    off_chain_steps: int = Field(description="steps taken by a body not on the case's chain")
    off_chain_cases: int
    synthetic: bool | None = None


class CaseMeasure(BaseModel):
    as_of: str
    by: str
    within: str | None
    due_days: int
    total: MeasureRow
    rows: list[MeasureRow]
    note: str


def _share(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def measure_rows(cases: list[CaseOut], by: str) -> tuple[MeasureRow, list[MeasureRow]]:
    """The measure over ``cases`` (already read as of a date), in total and per
    group of ``by``; groups with most cases first."""
    if by not in BY:
        raise InvalidArgument(f"unknown breakdown {by!r}; one of {', '.join(BY)}")
    groups: dict[str, list[CaseOut]] = {}
    names: dict[str, str | None] = {}
    types: dict[str, str] = {}
    for c in cases:
        name: str | None
        if by == "body-type":
            key, name = c.governing, BODY_TYPES[c.governing]
        else:
            place = {"compound": c.compound, "community": c.community, "street": c.street,
                     "county": c.county}[by]
            key, name = place.id or "(unknown)", place.name
        groups.setdefault(key, []).append(c)
        names[key] = name
        if by == "compound":
            types[key] = c.governing
    rows = [_row(k, names[k], v, types.get(k)) for k, v in groups.items()]
    rows.sort(key=lambda r: (-r.cases, r.key))
    return _row("all", "all cases", cases, None), rows


def _row(key: str, name: str | None, cases: list[CaseOut], body_type: str | None) -> MeasureRow:
    resolved = [c for c in cases if c.outcome == "resolved"]
    at = {lv: sum(1 for c in resolved if c.resolved_level == lv) for lv in LEVELS}
    n = len(resolved)
    days = [c.days_to_resolve for c in resolved if c.days_to_resolve is not None]
    synthetic = {c.synthetic for c in cases}
    return MeasureRow(
        key=key, name=name, body_type=body_type, cases=len(cases), resolved=n,
        withdrawn=sum(1 for c in cases if c.outcome == "withdrawn"),
        open=sum(1 for c in cases if c.outcome == "open"),
        overdue=sum(1 for c in cases if c.overdue),
        resolved_at=at, share_at={lv: _share(at[lv], n) for lv in LEVELS},
        within_compound=_share(at["compound"], n),
        within_community=_share(at["compound"] + at["community"], n),
        within_street=_share(at["compound"] + at["community"] + at["street"], n),
        median_days=float(statistics.median(days)) if days else None,
        skipped_steps=sum(c.skipped_steps for c in cases),
        cases_with_skips=sum(1 for c in cases if c.skipped_steps),
        off_chain_steps=sum(c.off_chain_steps for c in cases),
        off_chain_cases=sum(1 for c in cases if c.off_chain_steps),
        synthetic=True if synthetic == {True} else False if True not in synthetic else None)


def _chain_issue(issue: str | None, text: str | None) -> str | None:
    if issue:
        return issue
    if text:
        from .routing import match

        found = match(text)
        return found[0].key if found else None
    return None


def _chain_ids(compound_id: str, issue: str | None,
               day: str) -> Flow[set[str]]:
    """Who the standing structure places on the chain for this compound and issue on
    the day: the escalation answer's bodies at every level and stage, and the
    companies managing the compound."""
    try:
        chain = yield from compound_escalation_flow(compound_id, issue, day)
    except NotFound as e:
        if issue is None or "unknown issue type" not in str(e):
            raise
        chain = yield from compound_escalation_flow(compound_id, None, day)
    ids = {m.id for m in chain.managers}
    for lv in chain.levels:
        ids.update(b.actor().id for b in lv.bodies)
    return ids


def _place(r: dict, level: str) -> PlaceRef:
    return PlaceRef(id=r.get(f"{level}_id"), name=r.get(f"{level}_name"))


def cases_flow(as_of: str | date | None = None, within: str | None = None,
               case_id: str | None = None, due_days: int = DUE_DAYS,
               judge_chains: bool = True) -> Flow[list[CaseOut]]:
    """Every case opened on or before the date (in ``within``, an area id, if given),
    each with its steps as of that date, skipped levels and off-chain steps (with
    ``judge_chains`` false, no chain is read and ``off_chain`` is null)."""
    day = _as_of(as_of)
    if due_days < 0:
        raise InvalidArgument("due_days must be 0 or more")
    rows = (yield from read("case_rows", as_of=day, within=within, case_id=case_id)).records()
    chains: dict[tuple[str, str | None, str], set[str]] = {}
    out = []
    for r in rows:
        issue = _chain_issue(r.get("issue"), r.get("issue_text"))
        key = (r["compound_id"], issue, r["opened"])
        if judge_chains and key not in chains:
            chains[key] = yield from _chain_ids(r["compound_id"], issue, r["opened"])
        out.append(_case(r, issue, chains.get(key), day, due_days))
    return out


def _case(r: dict, issue: str | None, on_chain: set[str] | None, day: str, due_days: int) -> CaseOut:
    steps: list[CaseStepOut] = []
    prev: int | None = None
    for s in sorted((s for s in r.get("steps") or [] if s and s["start"] <= day),
                    key=lambda s: s["order"]):
        lv = LEVEL_ORDER.get(s["level"], 0)
        skipped = max(0, lv - prev - 1) if prev is not None else 0
        prev = lv
        body = StepBody(id=s["body_id"], name=s.get("body_name"), kind=s.get("body_kind")) \
            if s.get("body_id") else None
        steps.append(CaseStepOut(
            order=s["order"], level=s["level"], action=s["action"], start=s["start"],
            end=s["end"] if s.get("end") and s["end"] <= day else None, body=body,
            skipped_levels=skipped,
            off_chain=None if body is None or on_chain is None else body.id not in on_chain,
            citation=RegistryRow(registry=s.get("registry"), file=s.get("registry_file"),
                                 line=s.get("registry_line"), entry=s.get("registry_entry"))))
    closed = r.get("closed") if r.get("closed") and r["closed"] <= day else None
    outcome = r["outcome"] if closed else "open"
    opened = date.fromisoformat(r["opened"])
    due = r.get("due") or (opened + timedelta(days=due_days)).isoformat()
    days = ((date.fromisoformat(closed) - opened).days if closed and outcome == "resolved" else None)
    return CaseOut(
        id=r["case_id"], compound=_place(r, "compound"), community=_place(r, "community"),
        street=_place(r, "street"), county=_place(r, "county"),
        governing=governing_type(r.get("body_types")), issue=r.get("issue"),
        issue_text=r.get("issue_text"), chain_issue=issue, channel=r["channel"], opened=r["opened"],
        outcome=outcome, resolved_level=r.get("resolved_level") if outcome == "resolved" else None,
        closed=closed, due=due, overdue=outcome == "open" and due < day, days_to_resolve=days,
        skipped_steps=sum(1 for s in steps if s.skipped_levels),
        off_chain_steps=sum(1 for s in steps if s.off_chain), steps=steps,
        synthetic=r.get("synthetic"),
        citation=RegistryRow(registry=r.get("registry"), file=r.get("registry_file"),
                             line=r.get("registry_line"), entry=r.get("registry_entry")))


def case_flow(case_id: str, as_of: str | date | None = None,
              due_days: int = DUE_DAYS) -> Flow[CaseOut]:
    found = yield from cases_flow(as_of, None, case_id, due_days)
    if not found:
        raise NotFound(f"no case {case_id!r} opened on or before {_as_of(as_of)}")
    return found[0]


def case_measure_flow(by: str = "community", within: str | None = None,
                      as_of: str | date | None = None, due_days: int = DUE_DAYS) -> Flow[CaseMeasure]:
    if by not in BY:
        raise InvalidArgument(f"unknown breakdown {by!r}; one of {', '.join(BY)}")
    day = _as_of(as_of)
    cases = yield from cases_flow(day, within, None, due_days)
    total, rows = measure_rows(cases, by)
    note = (f"{total.cases} case(s) opened on or before {day}"
            + (f" in {within}" if within else "")
            + "; shares are of the resolved cases; a case without a due date is due "
            f"{due_days} days after it was opened")
    if any(c.synthetic for c in cases):
        note += "; SYNTHETIC cases included"
    return CaseMeasure(as_of=day, by=by, within=within, due_days=due_days, total=total, rows=rows,
                       note=note)


def list_cases(store: GraphStore, as_of: str | date | None = None, within: str | None = None,
               due_days: int = DUE_DAYS) -> list[CaseOut]:
    return drive(store, cases_flow(as_of, within, None, due_days))


def case(store: GraphStore, case_id: str, as_of: str | date | None = None,
         due_days: int = DUE_DAYS) -> CaseOut:
    return drive(store, case_flow(case_id, as_of, due_days))


def case_measure(store: GraphStore, by: str = "community", within: str | None = None,
                 as_of: str | date | None = None, due_days: int = DUE_DAYS) -> CaseMeasure:
    return drive(store, case_measure_flow(by, within, as_of, due_days))
