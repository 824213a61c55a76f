"""Response and request models of the HTTP API that are not answers themselves.

The answers (measures, duties, escalation, subgraphs …) are the models of
``govgraph.queries.answers``, returned as they are; this module adds the page
wrapper for lists and the shapes of /health, /load and /cypher.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Generic, TypeVar

from fastapi import Request, Response
from pydantic import BaseModel, Field, TypeAdapter

from ..queries.answers import UnitRef
from ..queries.listing import Listing

T = TypeVar("T")


@cache
def _adapter(tp: Any) -> TypeAdapter:
    return TypeAdapter(tp)


def answer_response(value: Any, tp: Any) -> Response:
    """``value`` as JSON, serialized by its own model ``tp``.

    FastAPI validates whatever an endpoint returns against its response model
    again before serializing it. Answers are built from validated models already,
    so the lookups skip that second pass, which costs as much as the answer's own
    query on a point lookup. The endpoint keeps ``response_model=tp`` so the
    OpenAPI document names the same shape.
    """
    return Response(_adapter(tp).dump_json(value), media_type="application/json")


class Page(BaseModel, Generic[T]):
    """One page of a list: `items`, how many there are in all, and links to the
    neighbouring pages (null at either end)."""

    items: list[T]
    total: int
    offset: int
    limit: int
    next: str | None = Field(default=None, description="path and query of the next page")
    prev: str | None = Field(default=None, description="path and query of the previous page")


class UnitPage(Page[T], Generic[T]):
    """A page of a list about one unit, with the unit the name resolved to."""

    unit: UnitRef


def _link(request: Request, offset: int, limit: int) -> str:
    url = request.url.include_query_params(offset=offset, limit=limit)
    return f"{url.path}?{url.query}"


def paginate(request: Request, items: list[Any], offset: int, limit: int,
             **extra: Any) -> dict[str, Any]:
    """A page of a list read whole (an answer about one unit, an analysis computed in
    Python). A list the catalogue can page is read as a page: ``listing_page``."""
    return _page(request, items[offset:offset + limit], len(items), offset, limit, **extra)


def listing_page(request: Request, found: Listing[Any], **extra: Any) -> dict[str, Any]:
    """The page a flow read with ``SKIP``/``LIMIT`` (``queries/listing.py``)."""
    return _page(request, found.items, found.total, found.offset, found.limit, **extra)


def _page(request: Request, items: list[Any], total: int, offset: int, limit: int,
          **extra: Any) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "offset": offset,
        "limit": limit,
        "next": _link(request, offset + limit, limit) if offset + limit < total else None,
        "prev": _link(request, max(0, offset - limit), limit) if offset > 0 else None,
        **extra,
    }


class Health(BaseModel):
    status: str = Field(description="ok when the store answered a query")
    engine: str
    nodes: int
    edges: int
    documents: int


class GraphReport(BaseModel):
    engine: str
    nodes: dict[str, int] = Field(description="count per node kind")
    edges: dict[str, int] = Field(description="count per edge type")


class NoticeText(BaseModel):
    name: str = Field(default="notice.txt", max_length=200,
                      description="a name for the document in messages (not a server path)")
    text: str = Field(min_length=1, max_length=2_000_000, description="the notice, as UTF-8 text")


class LoadRequest(BaseModel):
    default: bool = Field(default=True, description="load the bundled Anshun notice and its "
                          "standing structure")
    documents: list[NoticeText] = Field(default_factory=list, max_length=20,
                                        description="further notices to load")
    replace: bool = Field(default=False, description="empty the graph first (only after every "
                          "input has been checked); refused (409 replace-refused) when the graph "
                          "holds cases posted through Open311, unless drop_posted_cases")
    drop_posted_cases: bool = Field(default=False, description="with replace: replace even a graph "
                                    "that holds cases posted through Open311, deleting them")
    partial: bool = Field(default=False, description="keep only what was read of a document whose "
                          "parts could not all be read (they are listed under unread); without it "
                          "such a document is refused")


class CypherRequest(BaseModel):
    query: str = Field(min_length=1, max_length=20_000, description="read-only Cypher")
    params: dict[str, Any] = Field(default_factory=dict, description="query parameters ($name)")
    limit: int | None = Field(default=None, ge=1,
                              description="most rows returned (capped by the server's row cap)")
    # Below a tenth of a second a timeout only measures the server's own overhead.
    timeout_s: float | None = Field(default=None, ge=0.1,
                                    description="seconds before the engine stops the query "
                                                "(at least 0.1; capped by the server's timeout)")


class CypherResult(BaseModel):
    engine: str
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="true when the row cap cut the result")
    row_cap: int
    timeout_s: float


class GraphSchema(BaseModel):
    """Node kinds and edge types, with their labels in Chinese and English and how
    the page and `govgraph draw` draw them."""

    kinds: dict[str, dict[str, str]]
    types: dict[str, dict[str, str]]
