"""How a dispute escalates, and who handles each issue type (the issue types listed
are built from their declaration: ``declared.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...queries import answers
from ...queries.flow import adrive
from ..deps import StoreDep
from ..problems import problem_responses

router = APIRouter(tags=["escalation"], responses=problem_responses(503))

IssueArg = Annotated[str | None, Query(max_length=100, description=(
    "issue type key or Chinese name, e.g. fire-lane or 占用堵塞消防通道"), examples=["fire-lane"])]


@router.get("/escalation", response_model=answers.EscalationAnswer,
            responses=problem_responses(404), summary="The escalation chain")
async def escalation(store: StoreDep, issue: IssueArg = None):
    """The mediation levels in order (住宅小区 → 社区 → 街道) with the bodies at each, and,
    for an issue type, who discovers, receives and enforces — every fact with its clause."""
    return await adrive(store, answers.escalation_flow(issue))
