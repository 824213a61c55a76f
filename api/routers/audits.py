"""Reports and audits over every unit and measure."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ...queries import answers
from ...queries.flow import adrive
from ..deps import PageDep, StoreDep
from ..models import GraphReport, Page, paginate
from ..problems import problem_responses

router = APIRouter(tags=["audits"], responses=problem_responses(503))

DocArg = Annotated[str | None, Query(description="only this document (default: every loaded one)")]


@router.get("/reports/unit-load", response_model=Page[answers.UnitLoad],
            summary="Responsibility load per unit")
async def unit_load(request: Request, store: StoreDep, page: PageDep, doc: DocArg = None):
    """Measures each unit leads, co-owns and supports, heaviest first."""
    return paginate(request, await adrive(store, answers.unit_load_flow(doc)),
                    page.offset, page.limit)


@router.get("/reports/graph", response_model=GraphReport,
            summary="Counts per node kind and edge type")
async def graph_report(store: StoreDep):
    """What the graph holds: how many nodes of each kind and edges of each type."""
    return GraphReport(engine=store.engine, **await adrive(store, answers.load_report_flow()))


@router.get("/audits/diffuse-accountability", response_model=Page[answers.DiffuseMeasure],
            responses=problem_responses(422), summary="Audit: diffuse accountability")
async def diffuse(request: Request, store: StoreDep, page: PageDep,
                  min_responsible: Annotated[int, Query(ge=0, le=1000, description=(
                      "how many co-responsible units count as diffuse"))] = 10,
                  doc: DocArg = None):
    """Measures with at least `min_responsible` co-responsible units and one lead or none."""
    found = await adrive(store, answers.diffuse_accountability_flow(min_responsible, doc))
    return paginate(request, found, page.offset, page.limit)
