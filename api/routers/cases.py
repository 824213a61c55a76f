"""Cases and measure 13's own measure (docs/cases.md): the cases, one case, and the
figures per place or governing-body type."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request

from ...queries import cases
from ...queries.flow import adrive
from ..deps import PageDep, StoreDep
from ..models import Page, answer_response, paginate
from ..problems import problem_responses

router = APIRouter(tags=["cases"], responses=problem_responses(503))

AsOf = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description=(
    "count what had happened by this date; default today"), examples=["2024-06-30"])]
Within = Annotated[str | None, Query(min_length=1, max_length=200, description=(
    "only cases in this compound, community, street or county (its id)"),
    examples=["t:street:2"])]
DueDays = Annotated[int, Query(ge=0, le=3650, description=(
    "a case without a due date is overdue this many days after it was opened"))]


@router.get("/cases", response_model=Page[cases.CaseOut], responses=problem_responses(422),
            summary="Cases")
async def list_cases(request: Request, store: StoreDep, page: PageDep, as_of: AsOf = None,
                     within: Within = None,
                     outcome: Annotated[Literal["open", "resolved", "withdrawn"] | None, Query(
                         description="only cases with this outcome (as of the date)")] = None,
                     overdue: Annotated[bool, Query(description="only open cases past due")] = False,
                     due_days: DueDays = cases.DUE_DAYS):
    """Cases opened by the date, oldest first: compound and its places, governing-body
    type, outcome as of the date, due date, steps (level, body, action, dates,
    skipped levels, off-chain, the registry row each cites). Residents are never named."""
    found = await adrive(store, cases.cases_flow(as_of, within, None, due_days))
    found = [c for c in found if (outcome is None or c.outcome == outcome) and (not overdue or c.overdue)]
    return paginate(request, found, page.offset, page.limit)


@router.get("/cases/measure", response_model=cases.CaseMeasure, responses=problem_responses(422),
            summary="Measure 13's own measure")
async def measure(store: StoreDep, as_of: AsOf = None, within: Within = None,
                  by: Annotated[Literal["compound", "community", "street", "county", "body-type"],
                                Query(description="one row per …")] = "community",
                  due_days: DueDays = cases.DUE_DAYS):
    """小事不出小区、难事不出社区、大事不出街道, per compound, community, street, county or
    governing-body type (业委会 with a Party branch, without, 物管委, 院委会, joint, none):
    cases opened, the share of resolved cases resolved at each level and within the
    compound / community / street, median days to resolve, open and overdue cases,
    steps that skipped a level, and steps taken by a body not on the case's chain."""
    answer = await adrive(store, cases.case_measure_flow(by, within, as_of, due_days))
    return answer_response(answer, cases.CaseMeasure)


@router.get("/cases/{case_id}", response_model=cases.CaseOut, responses=problem_responses(404, 422),
            summary="One case")
async def one(store: StoreDep, case_id: Annotated[str, Path(max_length=200)], as_of: AsOf = None,
              due_days: DueDays = cases.DUE_DAYS):
    """A case and its steps as of the date; 404 when there is none (or it opened later)."""
    answer = await adrive(store, cases.case_flow(case_id, as_of, due_days))
    return answer_response(answer, cases.CaseOut)
