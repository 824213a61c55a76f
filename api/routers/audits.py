"""Reports and audits over every unit and measure."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...queries import answers
from ...queries.flow import adrive
from ..deps import StoreDep
from ..models import GraphReport
from ..problems import problem_responses

router = APIRouter(tags=["audits"], responses=problem_responses(503))

DocArg = Annotated[str | None, Query(description="only this document (default: every loaded one)")]


@router.get("/reports/graph", response_model=GraphReport,
            summary="Counts per node kind and edge type")
async def graph_report(store: StoreDep):
    """What the graph holds: how many nodes of each kind and edges of each type."""
    return GraphReport(engine=store.engine, **await adrive(store, answers.load_report_flow()))
