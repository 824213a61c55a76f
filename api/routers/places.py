"""Places by name or code (``queries/places.py``, docs/places.md): areas with their
adcode, level and kind, the bodies located in them and their chain of parents.
Compounds from registry data are ``compounds.py``; a place drawn is
``GET /graph/place`` (``graph.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ...queries import places
from ...queries.flow import adrive
from ..deps import PageDep, StoreDep
from ..models import Page, listing_page
from ..problems import problem_responses

router = APIRouter(tags=["places"], responses=problem_responses(503))


@router.get("/places", response_model=Page[places.Place], summary="Find places")
async def find_places(request: Request, store: StoreDep, page: PageDep,
                      q: Annotated[str, Query(min_length=1, max_length=100, description=(
                          "text in the name, adcode or id of an area, or in the name of a body "
                          "located in it"), examples=["塔东社区"])]):
    """Areas matching `q` (real ones with their `adcode`), each with its level and
    kind, the bodies located in it and its chain of parents up to the city."""
    return listing_page(request, await adrive(store, places.places_page_flow(
        q, page.offset, page.limit)))
