"""Measures and who leads / is responsible for them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ...queries import answers
from ...queries.flow import adrive
from ..deps import PageDep, StoreDep
from ..models import Page, answer_response, paginate
from ..problems import problem_responses

router = APIRouter(prefix="/measures", tags=["measures"], responses=problem_responses(503))

MeasureArg = Annotated[str, Path(description="measure number: 11, 十一 or (十一)",
                                 examples=["11", "十一"])]
DocArg = Annotated[str | None, Query(description="only this document (default: every loaded one)")]


@router.get("", response_model=Page[answers.MeasureSummary], summary="List measures")
async def list_measures(request: Request, store: StoreDep, page: PageDep, doc: DocArg = None):
    """Every loaded measure with how many units lead, share and support it."""
    items = await adrive(store, answers.list_measures_flow(doc))
    return paginate(request, items, page.offset, page.limit)


@router.get("/{measure}", response_model=list[answers.MeasureDetail],
            responses=problem_responses(404), summary="A measure, its text and every duty")
async def measure(store: StoreDep, measure: MeasureArg, doc: DocArg = None):
    """The measure's heading and full text (its citation) and every unit answerable for
    it — one entry per document that has a measure with this number."""
    return answer_response(await adrive(store, answers.measure_details_flow(measure, doc)),
                           list[answers.MeasureDetail])
