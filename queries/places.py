"""Places by name or code: an area with its adcode, level and kind, the bodies
located in it, and its chain of parents up to the city (``govgraph places``,
``GET /places``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..graph.store import GraphStore
from .flow import Flow, drive, read


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
    return [Place(id=r["area_id"], name=r["name"], level=r.get("level"), kind=r.get("kind"),
                  adcode=r.get("adcode"), synthetic=r.get("synthetic"),
                  bodies=[PlaceBody(**b) for b in r.get("bodies") or [] if b],
                  chain=[PlaceLevel(**c) for c in r.get("chain") or [] if c])
            for r in rows]
