"""One page of a long list, read as a page: the catalogue query takes ``skip`` and
``limit`` (``SKIP $skip LIMIT $limit``), and its ``<name>_count`` twin gives the
total, so a page of 50 compounds of a city reads 50 rows, never the city.

The count is read only when the page cannot tell it: a first page shorter than
its limit is the whole list, and a later non-empty page shorter than its limit
ends it.

>>> from govgraph.graph.store import QueryResult
>>> from govgraph.queries.flow import drive_canned
>>> rows = lambda r: QueryResult(["id"], [["a"], ["b"]]) if r.name == "compounds" else None
>>> drive_canned(page_flow("compounds", {"text": ""}, 0, 50), rows)  # no count needed
Listing(items=[{'id': 'a'}, {'id': 'b'}], total=2, offset=0, limit=50)
>>> full = lambda r: (QueryResult(["id"], [["a"], ["b"]]) if r.name == "compounds"
...                   else QueryResult(["total"], [[7]]))
>>> drive_canned(page_flow("compounds", {"text": ""}, 2, 2), full).total
7
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .flow import Flow, read

__all__ = ["Listing", "page_flow"]

T = TypeVar("T")


@dataclass(frozen=True)
class Listing(Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int


def page_flow(name: str, params: dict[str, Any], offset: int, limit: int,
              count: str | None = None) -> Flow[Listing[dict[str, Any]]]:
    """Rows ``offset`` to ``offset + limit`` of catalogue query ``name`` and how many
    it has in all (from ``count``, default ``<name>_count``, which takes the same
    ``params``)."""
    rows = (yield from read(name, **params, skip=offset, limit=limit)).records()
    if len(rows) < limit and (offset == 0 or rows):
        total = offset + len(rows)
    else:
        total = (yield from read(count or f"{name}_count", **params)).rows[0][0]
    return Listing(rows, total, offset, limit)
