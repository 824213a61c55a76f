"""The query catalogue: one named, parameterised .cypher file per question.

The same text runs on both engines; a query's header declares its name, a
one-line summary and its parameters, which ``run`` checks before anything is
sent, so no caller can pass a parameter a query does not declare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import GovgraphError
from ..graph.shared_reads import shared_reads
from ..graph.store import GraphStore, QueryResult


class CatalogueError(GovgraphError, KeyError):
    """An unknown query, or a parameter the query does not declare."""

    problem = "invalid-argument"


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    params: tuple[str, ...]
    cypher: str


_HEADER = re.compile(r"^//\s*(name|summary|params):\s*(.*)$")


def parse(filename: str, text: str) -> NamedQuery:
    """A query file's text as a ``NamedQuery``, its header checked."""
    meta: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if m:
            meta[m.group(1)] = m.group(2).strip()
    if "name" not in meta or meta["name"] + ".cypher" != filename:
        raise CatalogueError(f"{filename}: header '// name:' must match the file name")
    params: tuple[str, ...] = ()
    spec = meta.get("params", "")
    if spec and not spec.startswith("("):
        params = tuple(p.split(":")[0].strip() for p in re.split(r",\s*(?![^()]*\))", spec))
    return NamedQuery(meta["name"], meta.get("summary", ""), params, text)


@cache
def catalogue() -> dict[str, NamedQuery]:
    root = resources.files("govgraph.queries")
    out = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            q = parse(entry.name, entry.read_text("utf-8"))
            out[q.name] = q
    return out


def _checked(name: str, params: dict[str, Any]) -> NamedQuery:
    try:
        q = catalogue()[name]
    except KeyError:
        raise CatalogueError(f"no catalogue query named {name!r}") from None
    unknown = set(params) - set(q.params)
    missing = set(q.params) - set(params)
    if unknown or missing:
        raise CatalogueError(
            f"{name}: parameters {sorted(q.params)} expected; "
            f"missing {sorted(missing)}, unknown {sorted(unknown)}"
        )
    return q


def run(store: GraphStore, name: str, **params: Any) -> QueryResult:
    return store.read(_checked(name, params).cypher, params)


async def arun(store: GraphStore, name: str, **params: Any) -> QueryResult:
    cypher = _checked(name, params).cypher
    shared = shared_reads(store)
    if shared is None:
        return await store.aread(cypher, params)
    return await shared.read(store.aread, cypher, params)
