"""Units (actors): search with aliases and the unit a name resolves to. A unit's duties,
load, structure and members are built from their declarations (``declared.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ...queries import answers
from ...queries.flow import adrive
from ..deps import PageDep, StoreDep
from ..models import Page, listing_page
from ..problems import problem_responses

router = APIRouter(prefix="/units", tags=["units"], responses=problem_responses(503))

UnitArg = Annotated[str, Path(description="a unit's name, full name or alias (市住建局 works)",
                              examples=["市住房城乡建设局", "市住建局", "环物委"])]


@router.get("", response_model=Page[answers.UnitRef], responses=problem_responses(422),
            summary="Search units")
async def search(request: Request, store: StoreDep, page: PageDep,
                 q: Annotated[str, Query(min_length=1, max_length=100,
                                         description="text in a name, English name or alias")]):
    """Units whose name, English name or any alias contains `q`, shortest names first."""
    found = await adrive(store, answers.search_units_page_flow(q, page.offset, page.limit))
    return listing_page(request, found)


@router.get("/{unit}", response_model=answers.GraphNode, responses=problem_responses(404),
            summary="A unit")
async def unit(store: StoreDep, unit: UnitArg):
    """The unit a name or alias resolves to, with all it is known as."""
    found = await adrive(store, answers.find_unit_flow(unit))
    return await adrive(store, answers.resolve_node_flow(found.id))
