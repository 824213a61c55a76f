"""Search any node, focused subgraphs and node details: what the browser view draws."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ...graph.styles import KIND_STYLE, REL_STYLE
from ...queries import answers, places
from ...queries.flow import adrive
from ..deps import StoreDep
from ..models import GraphSchema
from ..problems import problem_responses

router = APIRouter(tags=["graph"], responses=problem_responses(503))


def _split(values: list[str] | None) -> list[str] | None:
    """Repeated (?kinds=A&kinds=B) or comma-separated (?kinds=A,B) values."""
    if not values:
        return None
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


KindsArg = Annotated[list[str] | None, Query(description=(
    "node kinds to include (repeat or comma-separate); default: any. "
    "See GET /graph/schema"), examples=["Measure,Department"])]
TypesArg = Annotated[list[str] | None, Query(description=(
    "edge types to follow (repeat or comma-separate); default: any"),
    examples=["LEADS_MEASURE,RESPONSIBLE_FOR"])]


@router.get("/graph/subgraph", response_model=answers.Subgraph,
            responses=problem_responses(400, 404, 422), summary="A focused subgraph")
async def subgraph(store: StoreDep,
             focus: Annotated[list[str], Query(min_length=1, max_length=20, description=(
                 "node id, unit name or alias, or measure number; repeat for several"),
                 examples=["市住房城乡建设局"])],
             depth: Annotated[int, Query(ge=0, le=answers.MAX_DEPTH,
                                         description="edges out from the focus")] = 1,
             kinds: KindsArg = None, types: TypesArg = None,
             max_nodes: Annotated[int, Query(ge=1, le=2000, description=(
                 "most nodes returned; rings beyond are cut and `truncated` is true"))] = 300,
             fold_residents: Annotated[bool, Query(description=(
                 "residents (people from registry data) as counts in `folded`, never as nodes "
                 "or names; they neither fill max_nodes nor lead further out"))] = False):
    """The neighbourhood of the focus, `depth` edges out through edges of `types` to nodes
    of `kinds`, with every edge among the nodes found and each edge's citation."""
    return await adrive(store, answers.subgraph_flow(focus, depth, _split(kinds), _split(types),
                                                     max_nodes, fold_residents))


@router.get("/graph/place", response_model=places.PlaceGraph,
            responses=problem_responses(400, 404, 422), summary="A place's governance, drawn")
async def place_graph(store: StoreDep,
                      place: Annotated[str, Query(min_length=1, max_length=200, description=(
                          "an area's id, adcode or exact name (or the exact name of a body "
                          "located in it)"), examples=["塔东社区", "520402001001"])],
                      max_children: Annotated[int, Query(ge=0, le=500, description=(
                          "most places inside it drawn; `truncated` when more"))] = places.MAX_CHILDREN):
    """The place, the bodies located in it (linked to it by LOCATED_IN), the companies
    managing it, its parents up to the city (PART_OF) with their governing bodies,
    the places directly in it, and its residents as counts (`folded`), never as
    nodes or names. A name several places share is a 404 listing them with their
    adcodes."""
    return await adrive(store, places.place_graph_flow(place, max_children))


@router.get("/graph/escalation", response_model=answers.Subgraph,
            responses=problem_responses(404), summary="The escalation chain as a subgraph")
async def escalation_graph(store: StoreDep,
                     issue: Annotated[str | None, Query(max_length=100, description=(
                         "issue type key or name: add who handles it"))] = None,
                     compound: Annotated[str | None, Query(max_length=200, description=(
                         "a compound id: its own chain, from registry data"))] = None,
                     as_of: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None):
    """Mediation levels (ESCALATES_TO), the bodies at each (MEDIATES_AT) and, for an
    issue type, who handles it (HANDLES): what the page highlights. With `compound`,
    the actual bodies, managers and offices of that compound's chain."""
    if compound:
        from ...queries import compounds

        return await adrive(store, compounds.compound_escalation_subgraph_flow(
            compound, issue, as_of))
    return await adrive(store, answers.escalation_subgraph_flow(issue))


@router.get("/graph/nodes/{node_id:path}", response_model=answers.NodeDetails,
            responses=problem_responses(404), summary="A node with its edges")
async def node(store: StoreDep,
         node_id: Annotated[str, Path(description="the node's id (URL-encode # as %23)",
                                      examples=["unit:市住房城乡建设局"])]):
    """Every property of the node, every edge touching it with its citation, and the
    nodes at their other ends."""
    return await adrive(store, answers.node_details_flow(node_id))


@router.get("/graph/schema", response_model=GraphSchema, summary="Node kinds and edge types")
def schema():
    """The node kinds and edge types, with Chinese and English labels, colours and shapes."""
    return GraphSchema(kinds=KIND_STYLE, types=REL_STYLE)
