"""Use cases both surfaces run: `govgraph load` and `POST /load` call :func:`load`.

A use case plans, acts and returns one result model; the CLI prints it (a table
or ``--json``) and the API returns it, so the two cannot report a load
differently. It sits above ``queries`` and ``loaders`` (it needs both: the
pipeline to write, the catalogue to count what is stored).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from .graph.plan import WriteSummary
from .graph.store import GraphStore
from .loaders.divisions import Divisions
from .loaders.pipeline import LoadPlan, execute, execute_stream, plan_load, plan_stream
from .queries import answers

__all__ = ["LoadedDivisions", "LoadedDocument", "LoadResult", "load"]


class LoadedDocument(BaseModel):
    id: str
    title: str
    measures: int


class LoadedDivisions(BaseModel):
    code: str
    cities: int
    counties: int
    streets: int
    communities: int


class LoadResult(BaseModel):
    engine: str
    documents: list[LoadedDocument]
    registries: list[str] = Field(default_factory=list, description="registry directories loaded")
    divisions: list[LoadedDivisions] = Field(default_factory=list,
                                             description="real divisions loaded, per code")
    written: dict[str, int]
    unresolved: list[dict[str, Any]] = Field(description="unit names kept as written")
    unread: list[dict[str, Any]] = Field(default_factory=list, description="parts of documents that "
                                         "look like attributions and were not read (partial loads only)")
    partial: bool = False
    bulk: bool = Field(default=False, description="written by Neo4j's offline importer")
    graph: dict[str, dict[str, int]]


def load(store: GraphStore, documents: list[Path], *, include_default: bool = True,
         registries: list[Path] | None = None,
         divisions: list[tuple[str, Divisions]] | None = None,
         replace: bool = False, partial: bool = False,
         progress: Callable[[str], None] | None = None,
         write_progress: Callable[[int, int], None] | None = None,
         bulk: bool = False, bulk_work_dir: Path | None = None,
         say: Callable[[str], None] | None = None) -> LoadResult:
    """Plan everything (parse, resolve, check; raises on the first bad input and
    the store is untouched), then empty the store if ``replace``, write the plan
    all-or-nothing, and count what the graph holds. ``divisions`` are
    (code, divisions read for it) pairs. With ``bulk`` the load is streamed
    through Neo4j's offline importer into the local server
    (``Neo4jStore.bulk_load_stream``), which refuses a database holding data
    unless ``replace``."""
    registries = list(registries or [])
    divisions = list(divisions or [])
    importer = None
    if bulk:
        from .graph.neo4j_store import Neo4jStore

        if not isinstance(store, Neo4jStore):
            raise ValueError("--bulk is Neo4j's importer; the embedded engine loads without it")
        importer = store
    if registries or importer is not None:
        # Registries are streamed: read, checked and written in bounded chunks
        # (loaders/registry_stream.py), all-or-nothing as a whole-plan load is;
        # with ``bulk``, written as the importer's files as they come.
        load = plan_stream(list(documents), include_default=include_default, registries=registries,
                           divisions=[d for _, d in divisions], progress=progress, partial=partial)
        if importer is not None:
            summary = importer.bulk_load_stream(load.chunks, replace=replace,
                                                work_dir=bulk_work_dir or Path("."),
                                                say=say or (lambda m: None))
        else:
            summary = execute_stream(store, load, replace=replace, progress=write_progress)
        return _result(store, load.head, summary, registries, divisions, partial, bulk)
    plan = plan_load(list(documents), include_default=include_default, registries=registries,
                     divisions=[d for _, d in divisions], progress=progress, partial=partial)
    if replace:
        store.clear()
    summary = execute(store, plan, progress=write_progress)
    return _result(store, plan, summary, registries, divisions, partial, bulk)


def _result(store: GraphStore, plan: LoadPlan, summary: WriteSummary, registries: list[Path],
            divisions: list[tuple[str, Divisions]], partial: bool, bulk: bool) -> LoadResult:
    return LoadResult(
        engine=store.engine,
        documents=[LoadedDocument(id=n.id, title=n.title, measures=len(n.measures))
                   for n in plan.notices],
        registries=[str(r) for r in registries],
        divisions=[LoadedDivisions(code=c, cities=d.count("cities"), counties=d.count("areas"),
                                   streets=d.count("streets"), communities=d.count("villages"))
                   for c, d in divisions],
        written={"nodes": summary.nodes, "edges": summary.edges},
        unresolved=plan.unresolved, unread=plan.unread, partial=partial, bulk=bulk,
        graph=answers.load_report(store))
