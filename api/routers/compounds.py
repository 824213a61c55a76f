"""Compounds, from registry data (``queries/compounds.py``): find a compound, its
responsibility, its escalation chain, who leads an organization, and the registry
audits. Places by name or code are ``places.py``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from ...queries import compounds
from ...queries.flow import adrive
from ...queries.persons import Role
from ..deps import PageDep, StoreDep
from ..models import Page, answer_response, listing_page, paginate
from ..problems import ProblemException, problem_responses
from ..security import PrincipalDep, disclosed

router = APIRouter(tags=["compounds"], responses=problem_responses(503))

AsOf = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description=(
    "answer for this date (memberships and contracts); default today"), examples=["2024-06-30"])]
CompoundId = Annotated[str, Path(max_length=200, description="compound id, e.g. syn:compound:12")]
Issue = Annotated[str | None, Query(max_length=100, description=(
    "issue type key or Chinese name, e.g. fire-lane"), examples=["fire-lane"])]


@router.get("/compounds/{compound_id}/responsible", response_model=compounds.CompoundResponsibility,
            responses=problem_responses(404, 422), summary="Who is responsible for a compound")
async def responsible(request: Request, principal: PrincipalDep, store: StoreDep,
                      compound_id: CompoundId, as_of: AsOf = None):
    """Who manages it, which committee governs it, its community, street and county
    bodies, and the supervising departments with the clauses that make them so.
    Each body's heads are posts: role and whether filled for everyone, the opaque
    person id for analysts, name and Party membership for admins (logged)."""
    answer = await adrive(store, compounds.compound_responsibility_flow(compound_id, as_of))
    return answer_response(disclosed(request, principal, answer, store),
                           compounds.CompoundResponsibility)


@router.get("/compounds/{compound_id}/escalation", response_model=compounds.CompoundEscalation,
            responses=problem_responses(404, 422), summary="Escalation chain for a compound")
async def escalation(request: Request, principal: PrincipalDep, store: StoreDep,
                     compound_id: CompoundId, issue: Issue = None, as_of: AsOf = None):
    """The ordered chain for a dispute in this compound; a level with no body is a gap.
    Heads of bodies are shown as on `/compounds/{compound_id}/responsible`."""
    answer = await adrive(store, compounds.compound_escalation_flow(compound_id, issue, as_of))
    return answer_response(disclosed(request, principal, answer, store),
                           compounds.CompoundEscalation)


@router.get("/organizations/{org_id}/leaders", response_model=compounds.OrgLeadership,
            responses=problem_responses(404, 422), summary="Who leads an organization")
async def leaders(request: Request, principal: PrincipalDep, store: StoreDep,
                  org_id: Annotated[str, Path(max_length=200)], as_of: AsOf = None):
    """Chair and Party secretary on a date, who nominated them, and the rule that applies.
    Each post says its role and whether it is filled; the holder's opaque id is shown
    to analysts, their name and Party membership to admins (logged)."""
    answer = await adrive(store, compounds.org_leaders_flow(org_id, as_of))
    return answer_response(disclosed(request, principal, answer, store), compounds.OrgLeadership)


@router.get("/audits/{name}", response_model=Page[dict[str, Any]],
            responses=problem_responses(401, 403, 404, 422), summary="Registry audits")
async def audit(request: Request, principal: PrincipalDep, store: StoreDep, page: PageDep,
                name: Annotated[str, Path(pattern="^(ungoverned|party-share|blacklisted)$",
                                          description="ungoverned | party-share | blacklisted")],
                as_of: AsOf = None):
    """Compounds with no governing body; 业委会 without a Party majority (counts only;
    an `analyst` or `admin` key); black-listed companies still managing compounds."""
    if name == "party-share" and not principal.role.at_least(Role.ANALYST):
        slug = "unauthorized" if principal.key_id is None else "forbidden"
        raise ProblemException(slug, "the party-share audit needs a key with the analyst role",
                               headers={"WWW-Authenticate": 'Bearer realm="govgraph"'}
                               if principal.key_id is None else None)
    if name == "party-share":
        # Party membership is counted in the personal store, not the graph: every
        # committee is read, the counts filter them, and the page is cut here.
        rows = await adrive(store, compounds.audit_flow(name, as_of))
        return paginate(request, compounds.party_share(rows, store.personal),
                        page.offset, page.limit)
    return listing_page(request, await adrive(store, compounds.audit_page_flow(
        name, as_of, page.offset, page.limit)))
