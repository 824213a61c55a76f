"""Places by name or code: an area with its adcode, level and kind, the bodies
located in it, and its chain of parents up to the city (``govgraph places``,
``GET /places``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..graph.store import GraphStore
from .answers import (
    FoldedCount,
    GraphEdge,
    GraphNode,
    InvalidArgument,
    NotFound,
    _graph_edge,
    _graph_node,
    folded_id,
)
from .flow import Flow, drive, read
from .listing import Listing, page_flow


class PlaceBody(BaseModel):
    id: str
    name: str
    kind: str | None = None
    body_type: str | None = None
    adcode: str | None = None
    synthetic: bool | None = None


class PlaceLevel(BaseModel):
    id: str
    name: str
    level: str | None = None
    adcode: str | None = None


class Place(BaseModel):
    id: str
    name: str
    level: str | None = Field(description="city, county, street, community, compound or building")
    kind: str | None = Field(description="street | township, community | village, a compound's "
                                         "category, or the level")
    adcode: str | None = Field(description="statistical division code (real places only)")
    synthetic: bool | None = None
    bodies: list[PlaceBody] = Field(description="bodies located in it: its street office or township "
                                                "government, residents' or villagers' committee …")
    chain: list[PlaceLevel] = Field(description="its parents, nearest first, up to the city")


def find_places(store: GraphStore, text: str, skip: int = 0, limit: int = 20) -> list[Place]:
    return drive(store, find_places_flow(text, skip, limit))


def find_places_flow(text: str, skip: int = 0, limit: int = 20) -> Flow[list[Place]]:
    rows = (yield from read("places", text=text.strip(), skip=skip, limit=limit)).records()
    return [_place(r) for r in rows]


def places_page_flow(text: str, offset: int, limit: int) -> Flow[Listing[Place]]:
    """One page of ``find_places`` and how many there are in all."""
    found = yield from page_flow("places", {"text": text.strip()}, offset, limit)
    return Listing([_place(r) for r in found.items], found.total, found.offset, found.limit)


def _place(r: dict) -> Place:
    return Place(id=r["area_id"], name=r["name"], level=r.get("level"), kind=r.get("kind"),
                 adcode=r.get("adcode"), synthetic=r.get("synthetic"),
                 bodies=[PlaceBody(**b) for b in r.get("bodies") or [] if b],
                 chain=[PlaceLevel(**c) for c in r.get("chain") or [] if c])


# ---------------------------------------------------------------- a place drawn

MAX_CHILDREN = 60


class PlaceGraph(BaseModel):
    """A place's governance for drawing: the place, the bodies located in it, who
    manages it, its parents up to the city with their governing bodies, the places
    directly in it, and its residents as counts."""
    place: Place
    focus: list[str]
    nodes: list[GraphNode] = Field(description="as in GET /graph/subgraph; never a resident")
    edges: list[GraphEdge] = Field(description="every edge among the nodes")
    residents: int = Field(description="people living in the place and the places inside it")
    folded: list[FoldedCount] = Field(description="the residents of the place and of each place "
                                                   "drawn inside it, as counts")
    children_total: int = Field(description="how many places lie directly in it")
    truncated: bool = Field(description="true when more than max_children places lie in it and "
                                        "only the first are drawn")


def resolve_place_flow(text: str) -> Flow[Place]:
    """A place named by a user: its id, adcode or exact name (or the exact name of a
    body located in it); one that is only similar is refused with suggestions."""
    text = (text or "").strip()
    if not text:
        raise NotFound("no place given")
    hits = yield from find_places_flow(text, 0, 20)
    exact = [p for p in hits if text in (p.id, p.adcode, p.name)]
    if not exact:
        exact = [p for p in hits if any(b.name == text or b.id == text for b in p.bodies)]
    if len(exact) == 1 or (exact and exact[0].id == text):
        return exact[0]
    if len(exact) > 1:
        raise NotFound(f"several places are called {text!r}: "
                       f"{', '.join(_place_ref(p) for p in exact[:10])}; give the adcode or id")
    if hits:
        raise NotFound(f"no place {text!r}; did you mean "
                       f"{', '.join(_place_ref(p) for p in hits[:5])}?")
    raise NotFound(f"no place {text!r} (search a name, an adcode such as 520402001001, or an id)")


def _place_ref(p: Place) -> str:
    where = " < ".join(c.name for c in p.chain[:2])
    return f"{p.name} ({p.adcode or p.id}{', ' + where if where else ''})"


def place_graph(store: GraphStore, text: str, max_children: int = MAX_CHILDREN) -> PlaceGraph:
    return drive(store, place_graph_flow(text, max_children))


def place_graph_flow(text: str, max_children: int = MAX_CHILDREN) -> Flow[PlaceGraph]:
    if max_children < 0:
        raise InvalidArgument("max_children must be at least 0")
    place = yield from resolve_place_flow(text)
    parents = [c.id for c in place.chain]
    [around] = (yield from read("place_around", area_id=place.id, parent_ids=parents)).records()
    children = [c for c in around.get("children") or [] if c]
    shown = [c["id"] for c in children[:max_children]]
    ids = list(dict.fromkeys([place.id, *parents, *(around.get("located") or []),
                              *(around.get("managers") or []), *(around.get("parent_bodies") or []),
                              *shown]))
    hop = {place.id: 0, **{i: 2 for i in parents}, **{i: 2 for i in around.get("parent_bodies") or []}}
    nodes = [_graph_node(r, hop.get(r["id"], 1)) for r in
             (yield from read("node_properties", ids=ids, kinds=None)).records()]
    edges = [_graph_edge(r) for r in (yield from read("subgraph", ids=ids, types=None)).records()]
    counts = {r["area_id"]: r["residents"] for r in
              (yield from read("place_residents", ids=[place.id, *shown])).records()}
    folded = [FoldedCount(id=folded_id("LIVES_IN", a), kind="Resident", type="LIVES_IN", target=a,
                          count=counts[a])
              for a in [place.id, *shown] if counts.get(a)]
    return PlaceGraph(place=place, focus=[place.id], nodes=nodes, edges=edges,
                      residents=counts.get(place.id, 0), folded=folded,
                      children_total=len(children), truncated=len(children) > len(shown))
