"""Health, documents, and loading data (bearer token)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Request

from ...queries import answers
from ...queries.flow import adrive
from ..deps import AuthDep, PageDep, StoreDep
from ..models import DocumentInfo, Health, LoadedDocument, LoadRequest, LoadResult, Page, paginate
from ..problems import ProblemException, problem_responses

router = APIRouter(tags=["data"])


@router.get("/health", response_model=Health, responses=problem_responses(503),
            summary="Is the store answering?")
async def health(store: StoreDep):
    """`ok` when the store answers a query; 503 (problem details) when it does not."""
    report = await adrive(store, answers.load_report_flow())
    docs = await adrive(store, answers.documents_flow())
    return Health(status="ok", engine=store.engine, nodes=sum(report["nodes"].values()),
                  edges=sum(report["edges"].values()), documents=len(docs))


@router.get("/documents", response_model=Page[DocumentInfo], responses=problem_responses(503),
            summary="Loaded documents")
async def documents(request: Request, store: StoreDep, page: PageDep):
    """The policy documents in the graph, with how many measures each has."""
    docs = await adrive(store, answers.documents_flow())
    return paginate(request, [DocumentInfo(**d) for d in docs], page.offset, page.limit)


@router.post("/load", response_model=LoadResult, dependencies=[AuthDep],
             responses=problem_responses(401, 403, 422, 503), summary="Load data (admin key)")
def load(body: LoadRequest, store: StoreDep):
    """Load the default dataset and/or the notices sent, as `govgraph load` does:
    everything is parsed and checked first, then written all-or-nothing; loading the
    same input again changes nothing. Needs an admin key (`Authorization: Bearer …`)."""
    from ...loaders.pipeline import execute, plan_load

    if not body.default and not body.documents:
        raise ProblemException("validation-error",
                               "nothing to load: default is false and no documents were sent")
    with tempfile.TemporaryDirectory(prefix="govgraph-load-") as tmp:
        paths = []
        for i, doc in enumerate(body.documents):
            p = Path(tmp) / f"document-{i + 1}.txt"
            p.write_text(doc.text, "utf-8")
            paths.append(p)
        try:
            plan = plan_load(paths, include_default=body.default, partial=body.partial)
        except Exception as e:
            # Messages name the temporary file; say which document it was instead.
            msg = str(e)
            for i, doc in enumerate(body.documents):
                msg = msg.replace(str(paths[i]), doc.name)
            if isinstance(e, ValueError):
                raise ProblemException("invalid-document", msg) from e
            raise
    if body.replace:
        store.clear()
    summary = execute(store, plan)
    return LoadResult(
        engine=store.engine,
        documents=[LoadedDocument(id=n.id, title=n.title, measures=len(n.measures))
                   for n in plan.notices],
        written={"nodes": summary.nodes, "edges": summary.edges},
        unresolved=plan.unresolved, unread=plan.unread, partial=body.partial,
        graph=answers.load_report(store))
