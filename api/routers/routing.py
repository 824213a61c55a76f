"""Complaint routing: which issue types a resident's text is about, and who should take it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from ...queries import routing
from ...queries.flow import adrive
from ..deps import get_store
from ..problems import problem_responses
from ..security import PrincipalDep, disclosed

router = APIRouter(tags=["routing"], responses=problem_responses(503))


class RouteRequest(BaseModel):
    text: Annotated[str, Field(min_length=1, max_length=routing.MAX_TEXT, description=(
        "the complaint as the resident wrote it"), examples=["小区消防通道长期被车辆占用，物业不管"])]
    compound: Annotated[str | None, Field(default=None, max_length=200, description=(
        "a compound id: also give the chain for the best issue type there"),
        examples=["syn:compound:12"])] = None
    as_of: Annotated[str | None, Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description=(
        "answer the chain for this date; default today"))] = None


@router.post("/route", response_model=routing.RouteAnswer,
             responses=problem_responses(400, 404, 422), summary="Route a complaint")
async def route(request: Request, principal: PrincipalDep,
                body: RouteRequest) -> routing.RouteAnswer:
    """The issue types the text is about, best first, each with its score and the
    words that matched (`issues: [{key, name, score, matched}]`); an empty list when
    it is about nothing the taxonomy covers. With `compound`, the first body to
    contact and the escalation chain for the best type there, with citations. Each
    body's heads are posts: role and whether filled for everyone, the opaque person
    id for analysts, name and Party membership for admins (logged)."""
    if body.compound is None:  # words only: no store needed
        return routing.route(None, body.text)
    store = await get_store(request)
    answer = await adrive(store, routing.route_flow(body.text, body.compound, body.as_of))
    # The chain's posts, like every place answer's, shaped for the caller's role
    # (the public sees roles, analysts opaque ids, admins names: logged).
    return disclosed(request, principal, answer, store)
