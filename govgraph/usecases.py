"""Use cases both surfaces run: `govgraph load` and `POST /load` call :func:`load`;
`govgraph load --bulk-files` calls :func:`write_bulk_files`.

A use case plans, acts and returns one result model; the CLI prints it (a table
or ``--json``) and the API returns it, so the two cannot report a load
differently. It sits above ``queries`` and ``loaders`` (it needs both: the
pipeline to write, the catalogue to count what is stored).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from .graph.plan import WriteSummary
from .graph.store import GraphStore, StoreError
from .loaders.divisions import Divisions
from .loaders.pipeline import (
    LoadPlan,
    execute,
    execute_stream,
    plan_load,
    plan_stream,
    replace_check,
    replace_store,
)
from .loaders.registry_stream import CHUNK_ROWS
from .queries import answers

__all__ = ["BulkFiles", "LoadedDivisions", "LoadedDocument", "LoadResult", "load", "write_bulk_files"]


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
         say: Callable[[str], None] | None = None,
         drop_posted_cases: bool = False) -> LoadResult:
    """Plan everything (parse, resolve, check; raises on the first bad input and
    the store is untouched), then empty the store if ``replace``, write the plan
    all-or-nothing, and count what the graph holds. ``divisions`` are
    (code, divisions read for it) pairs. With ``bulk`` the load is streamed
    through Neo4j's offline importer into the local server
    (``Neo4jStore.bulk_load_stream``), which refuses a database holding data
    unless ``replace``. A load with ``replace`` is refused (``PostedCasesHeld``)
    before anything is written when the store holds cases posted through Open311,
    which it would delete, unless ``drop_posted_cases``."""
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
                                                say=say or (lambda m: None),
                                                check=replace_check(drop_posted_cases))
        else:
            summary = execute_stream(store, load, replace=replace, progress=write_progress,
                                     drop_posted_cases=drop_posted_cases)
        return _result(store, load.head, summary, registries, divisions, partial, bulk)
    plan = plan_load(list(documents), include_default=include_default, registries=registries,
                     divisions=[d for _, d in divisions], progress=progress, partial=partial)
    if replace:
        replace_store(store, drop_posted_cases=drop_posted_cases)
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


class BulkFiles(BaseModel):
    """`load --bulk-files`: the importer's files, and the steps that finish the
    import where that Neo4j runs."""

    directory: str
    nodes: int
    edges: int
    files: list[str] = Field(description="the importer's CSV files, in the order the command names them")
    persons: int = Field(description="residents whose names went to this data directory's personal "
                                     "store (never to the files)")
    steps: list[str]
    not_imported: dict[str, Any] | None = Field(
        default=None, description="empty lists, which the importer drops: the file listing them "
                                  "beside the CSV files and how many (not set by the steps)")


def write_bulk_files(directory: Path, documents: list[Path], *, include_default: bool = True,
                     registries: list[Path] | None = None, divisions: list[Divisions] | None = None,
                     partial: bool = False, progress: Callable[[str], None] | None = None,
                     data_dir: Path, database: str, chunk_rows: int = CHUNK_ROWS,
                     replacing: GraphStore | None = None,
                     drop_posted_cases: bool = False) -> BulkFiles:
    """Write a load as Neo4j importer files in ``directory`` (empty or new) for a
    Neo4j run elsewhere, streamed as ``load --bulk`` is: the registries are read,
    checked and written to the files chunk by chunk, so memory does not grow with
    their rows. Residents' names go to ``data_dir``'s personal store for
    ``database``, in a transaction committed only once every file is written. The
    first bad input raises (naming file, line, field and reason) and leaves the
    directory as it was (made by this load: removed; else emptied again) and the
    personal store without any of the load's persons. Text with line breaks stays
    in the files (nothing is set after an import run elsewhere); empty lists,
    which the importer drops, are listed beside them (``not_imported``).

    The import replaces the database. ``replacing`` is the store it will replace,
    when known (the settings' Neo4j): one that holds cases posted through Open311
    is refused (``PostedCasesHeld``) before anything is written, unless
    ``drop_posted_cases``."""
    from .graph import neo4j_bulk
    from .graph.personal import PersonalStore, personal_file
    from .graph.plan import generation_statement

    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ValueError(f"--bulk-files {directory}: the directory is not empty")
    check = replace_check(drop_posted_cases)
    if replacing is not None and check is not None:
        def lookup(cypher: str, params: dict[str, Any]) -> list[list[Any]]:
            try:
                return replacing.read(cypher, params).rows
            except StoreError as e:
                raise StoreError(f"{e}; the import replaces that database, so --bulk-files first "
                                 "looks for cases posted through Open311 in it: start it, or give "
                                 "--drop-posted-cases to write the files without looking") from e

        check(lookup)
    load = plan_stream(list(documents), include_default=include_default,
                       registries=list(registries or []), divisions=list(divisions or []),
                       progress=progress, partial=partial, chunk_rows=chunk_rows)
    persons = 0
    with neo4j_bulk.restored_on_failure(directory), contextlib.ExitStack() as stack:
        stage: Callable[[Any], int] | None = None

        def add(rows: list[Any]) -> None:
            # The store is opened at the load's first person; its transaction is
            # committed as the block ends, after the files (rolled back if it raises).
            nonlocal stage, persons
            if stage is None:
                people = PersonalStore(Path(data_dir) / personal_file(f"neo4j-{database}"))
                stage = stack.enter_context(people.staging())
            persons += stage(rows)

        files = neo4j_bulk.write_files_stream(load.chunks(), directory,
                                              generation_statement().params["generation"],
                                              persons=add, defer_breaks=False)
    steps = ["stop Neo4j (the database must not be in use; the import replaces what it holds, "
             "cases posted through Open311 included: docs/cases.md#open311)",
             neo4j_bulk.command_for(files, database, "/import") + "   # files mounted at /import",
             "start Neo4j",
             "govgraph db schema   # the constraints and indexes every load creates"]
    return BulkFiles(directory=str(directory), nodes=files.node_count, edges=files.edge_count,
                     files=[p.name for p in files.nodes + files.relationships], persons=persons,
                     steps=steps,
                     not_imported=None if files.later is None else {
                         "file": files.later.name, "values": files.later_values})
