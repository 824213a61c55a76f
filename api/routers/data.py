"""Health, documents (and where two overlap), reading a notice without storing it, and
loading data (bearer token)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter

from ...queries import answers
from ...queries.flow import adrive
from ...usecases import LoadResult
from ...usecases import load as load_use_case
from ..deps import AuthDep, StoreDep
from ..models import Health, LoadRequest, NoticeText
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


@router.post("/extract", response_model=dict[str, Any], responses=problem_responses(422),
             summary="Read a notice without storing it")
def extract(body: NoticeText):
    """What a notice yields — its measures, their units resolved against the unit
    registry, what was not read — exactly as `govgraph extract --json` prints it.
    Nothing is written. A text that is not a notice is a 422 problem
    (`invalid-document`) naming what is wrong and where."""
    from ...loaders.extract import extraction
    from ...loaders.notice import parse_notice
    from ...loaders.units import load_registry

    return extraction(parse_notice(body.text, source=body.name), load_registry())


@router.post("/load", response_model=LoadResult, dependencies=[AuthDep],
             responses=problem_responses(401, 403, 409, 422, 503), summary="Load data (admin key)")
def load(body: LoadRequest, store: StoreDep):
    """Load the default dataset and/or the notices sent, as `govgraph load` does:
    everything is parsed and checked first, then written all-or-nothing; loading the
    same input again changes nothing. `replace` is refused (409 `replace-refused`)
    when the graph holds cases posted through Open311, unless `drop_posted_cases`.
    Needs an admin key (`Authorization: Bearer …`)."""
    if not body.default and not body.documents:
        raise ProblemException("validation-error",
                               "nothing to load: default is false and no documents were sent")
    if body.drop_posted_cases and not body.replace:
        raise ProblemException("validation-error", "drop_posted_cases goes with replace: only a "
                               "replacing load deletes the cases posted through Open311")
    with tempfile.TemporaryDirectory(prefix="govgraph-load-") as tmp:
        paths = []
        for i, doc in enumerate(body.documents):
            p = Path(tmp) / f"document-{i + 1}.txt"
            p.write_text(doc.text, "utf-8")
            paths.append(p)
        try:
            return load_use_case(store, paths, include_default=body.default,
                                 replace=body.replace, partial=body.partial,
                                 drop_posted_cases=body.drop_posted_cases)
        except Exception as e:
            # Messages name the temporary file; say which document it was instead.
            msg = str(e)
            for i, doc in enumerate(body.documents):
                msg = msg.replace(str(paths[i]), doc.name)
            if isinstance(e, ValueError):
                raise ProblemException("invalid-document", msg) from e
            raise
