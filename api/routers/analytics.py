"""The analyst's bench over HTTP (docs/analytics.md): structural questions about
accountability, each answer with its basis (documents, graph generation), lists
paginated; and the charts as PNG or SVG."""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ...charts import CHARTS, FORMATS, analysis_flow, draw_chart
from ...queries import analytics as an
from ...queries.answers import UnitRef
from ...queries.flow import adrive
from ..deps import PageDep, StoreDep
from ..models import Page, paginate
from ..problems import problem_responses

router = APIRouter(prefix="/analytics", tags=["analytics"], responses=problem_responses(503))

T = TypeVar("T")

DocsArg = Annotated[list[str] | None, Query(description=(
    "only these documents (repeat: ?doc=A&doc=B); default: every loaded one"),
    alias="doc", max_length=50)]
SeedArg = Annotated[int, Query(ge=0, le=2**31 - 1, description="the Louvain seed")]


class AnalysisPage(Page[T], Generic[T]):
    """A page of an analysis's items, with what the analysis was computed from."""

    basis: an.Basis


class CommunitiesPage(AnalysisPage[T], Generic[T]):
    modularity: float


def _page(request: Request, page, ans, **extra):
    return paginate(request, ans.items, page.offset, page.limit, basis=ans.basis, **extra)


@router.get("/degree", response_model=AnalysisPage[an.UnitDegree],
            responses=problem_responses(400, 404, 422), summary="Degree by role")
async def degree(request: Request, store: StoreDep, page: PageDep, docs: DocsArg = None):
    """Measures each unit leads, shares and supports; its partners (degree) and the weight
    of its ties (strength) in the co-responsibility network; strongest first."""
    return _page(request, page, await adrive(store, an.degree_flow(docs)))


@router.get("/centrality", response_model=AnalysisPage[an.UnitCentrality],
            responses=problem_responses(400, 404, 422), summary="Centrality ranking")
async def centrality(request: Request, store: StoreDep, page: PageDep, docs: DocsArg = None):
    """Betweenness and eigenvector centrality in the co-responsibility network, ranked by
    eigenvector centrality."""
    return _page(request, page, await adrive(store, an.centrality_flow(docs)))


@router.get("/communities", response_model=CommunitiesPage[an.Community],
            responses=problem_responses(400, 404, 422), summary="Communities (blocs)")
async def communities(request: Request, store: StoreDep, page: PageDep, docs: DocsArg = None,
                      seed: SeedArg = an.LOUVAIN_SEED):
    """Blocs of units that share duties (Louvain on the weighted co-responsibility
    network, seeded), largest first, with the modularity of the split."""
    ans = await adrive(store, an.communities_flow(docs, seed))
    return _page(request, page, ans, modularity=ans.modularity)


@router.get("/concentration", response_model=AnalysisPage[an.Concentration],
            responses=problem_responses(400, 404, 422), summary="Concentration of the load")
async def concentration(request: Request, store: StoreDep, page: PageDep, docs: DocsArg = None,
                        top: Annotated[int, Query(ge=1, le=100)] = 3):
    """Per document: Gini and HHI over units' duties and leads, the top carriers, the
    Lorenz curve."""
    return _page(request, page, await adrive(store, an.concentration_flow(docs, top)))


@router.get("/unled", response_model=AnalysisPage[an.UnledMeasure],
            responses=problem_responses(400, 404, 422),
            summary="Cross-community measures without a lead")
async def unled(request: Request, store: StoreDep, page: PageDep, docs: DocsArg = None,
                min_communities: Annotated[int, Query(ge=1, le=1000)] = 2,
                include_led: bool = False, seed: SeedArg = an.LOUVAIN_SEED):
    """Measures whose units span at least `min_communities` communities and have no lead
    (with `include_led`, those with a lead too, leaderless first)."""
    return _page(request, page, await adrive(store, an.unled_flow(docs, min_communities,
                                                                  include_led, seed)))


PlaceArg = Annotated[str, Query(min_length=1, max_length=200, description=(
    "a county, street, community or compound id (GET /places finds them); only its subgraph "
    "is read"), examples=["area:520402001"])]
AsOfArg = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$",
                                      description="managers on this date (default today)")]


@router.get("/hierarchy", response_model=AnalysisPage[an.HierarchyNode],
            responses=problem_responses(400, 404, 422), summary="The leadership hierarchy")
async def hierarchy(request: Request, store: StoreDep, page: PageDep, docs: DocsArg = None,
                    place: Annotated[str | None, Query(
                        min_length=1, max_length=200,
                        description="a county, street, community or compound id: the hierarchy "
                                    "among its own bodies, read from the place alone (default: "
                                    "the documents' standing structure)")] = None,
                    as_of: AsOfArg = None):
    """Per body: how many it leads, guides, supervises, heads and nominates, how many it
    answers to, and its reach below; widest reach first."""
    return _page(request, page, await adrive(store, an.hierarchy_flow(docs, place, as_of)))


@router.get("/diff", response_model=an.DiffAnswer, responses=problem_responses(400, 404, 422),
            summary="Two documents' networks compared")
async def diff(store: StoreDep,
               doc_a: Annotated[str, Query(min_length=1, max_length=200)],
               doc_b: Annotated[str, Query(min_length=1, max_length=200)]):
    """Units gained and lost from A to B, and how the units in both moved in centrality."""
    return await adrive(store, an.diff_flow(doc_a, doc_b))


@router.get("/brokers/{compound}", response_model=an.BrokersAnswer,
            responses=problem_responses(404, 422), summary="A compound's brokers")
async def brokers(store: StoreDep,
                  compound: Annotated[str, Path(description="a compound id",
                                                examples=["syn:compound:12"])],
                  as_of: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None):
    """The bodies and ties whose absence cuts the compound off from the county and city
    bodies above it (articulation points and bridges of its governance network)."""
    return await adrive(store, an.brokers_flow(compound, as_of))


class PlaceBrokersPage(AnalysisPage[T], Generic[T]):
    place: UnitRef
    level: str
    compounds: int
    cut_off: list[UnitRef]
    bridges: list[an.PlaceBridge]


@router.get("/brokers", response_model=PlaceBrokersPage[an.PlaceBroker],
            responses=problem_responses(400, 404, 422), summary="A place's brokers")
async def place_brokers(request: Request, store: StoreDep, page: PageDep, place: PlaceArg,
                        as_of: AsOfArg = None):
    """The bodies (a page of them, most compounds first) and ties whose absence cuts
    compounds of a county, street, community or compound off from the county and city
    bodies above them; the compounds that reach none at all."""
    ans = await adrive(store, an.place_brokers_flow(place, as_of))
    return _page(request, page, ans, place=ans.place, level=ans.level, compounds=ans.compounds,
                 cut_off=ans.cut_off, bridges=ans.bridges)


@router.get("/{chart}/plot", responses={**problem_responses(400, 404, 422), 200: {
    "content": {"image/png": {}, "image/svg+xml": {}},
    "description": "the chart"}}, response_class=Response, summary="A chart")
async def plot(store: StoreDep,
               chart: Annotated[Literal["load", "concentration", "centrality", "communities"],
                                Path(description=", ".join(f"{k}: {v}" for k, v in CHARTS.items()))],
               format: Annotated[Literal["png", "svg"], Query()] = "png",
               docs: DocsArg = None, seed: SeedArg = an.LOUVAIN_SEED):
    """The chart as PNG or SVG: load per unit, concentration (Lorenz curves), centrality
    ranking, or the community map."""
    data = await adrive(store, analysis_flow(chart, docs, seed))
    picture = await run_in_threadpool(draw_chart, chart, data, format)
    return Response(picture, media_type=FORMATS[format])
