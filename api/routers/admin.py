"""Admin only: a person's identifying fields, and the audit log of personal reads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from ...access import AuditLog
from ...graph.store import StoreError
from ...queries.answers import NotFound
from ..deps import AdminDep, PageDep, StoreDep
from ..models import Page, paginate
from ..problems import problem_responses

router = APIRouter(tags=["admin"], responses=problem_responses(401, 403, 503))


@router.get("/persons/{person_id}", response_model=dict[str, Any],
            responses=problem_responses(404, 422), summary="A person's identifying fields (admin)")
def person(request: Request, principal: AdminDep, store: StoreDep,
           person_id: Annotated[str, Path(max_length=200)]):
    """Name, Party membership and the registry row of one person, from the personal
    store (never in the graph). Every answer is recorded in the audit log."""
    if store.personal is None:
        raise StoreError("this store has no personal-data store")
    rec = store.personal.lookup([person_id]).get(person_id)
    if rec is None:
        raise NotFound(f"no person with id {person_id!r}")
    audit: AuditLog = request.app.state.audit
    audit.record(key_id=principal.key_id, role=principal.role,
                 what=f"GET {request.url.path}", person_ids=[rec.id])
    return rec.model_dump()


@router.get("/admin/audit-log", response_model=Page[dict[str, Any]],
            responses=problem_responses(422), summary="Audit log of personal reads (admin)")
def audit_log(request: Request, principal: AdminDep, page: PageDep,
              key_id: Annotated[str | None, Query(max_length=100,
                                                  description="only this key's reads")] = None,
              since: Annotated[str | None, Query(max_length=40, description=(
                  "only reads at or after this ISO time, e.g. 2025-01-31"))] = None):
    """Every read that returned personal data: time, key id, role, channel (api or
    cli), what was asked, how many persons and their opaque ids; oldest first."""
    audit: AuditLog = request.app.state.audit
    return paginate(request, list(audit.entries(key_id, since)), page.offset, page.limit)
