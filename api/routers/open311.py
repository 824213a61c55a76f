"""Open311 GeoReport v2 over the same data (docs/cases.md#open311): the issue types
as services, cases as service requests, and a posted request becomes an open case
routed to the first body of its chain.

GeoReport v2: http://wiki.open311.org/GeoReport_v2. Only the JSON format is
served. Errors are RFC 9457 problems like every other route of this API (not
GeoReport's error arrays). A request names its place by ``address_id``, a compound
id (no geocoding: ``lat``/``long``/``address_string`` are accepted and not used);
the requester's own fields (names, email, phone, device and account ids) and the
free-text ``description`` are accepted and never stored: cases never name residents.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from ...queries import answers, cases, routing
from ...queries.compounds import CompoundEscalation, compound_escalation_flow
from ...queries.flow import adrive
from ..deps import AuthDep, StoreDep
from ..problems import ProblemException, problem_responses

router = APIRouter(prefix="/open311/v2", tags=["open311"], responses=problem_responses(503))

DUE_DAYS = 15  # a posted request is a hotline case: due in 15 days, as synth's 12345 cases
MAX_REQUESTS = 1000
DEFAULT_DAYS = 90  # without dates or ids, the last 90 days (GeoReport's suggestion)

Jurisdiction = Annotated[str | None, Query(max_length=100, description=(
    "accepted for GeoReport clients; this server serves one jurisdiction"))]


class Service(BaseModel):
    service_code: str
    service_name: str
    description: str | None = None
    metadata: bool = False
    type: str = "realtime"
    keywords: str | None = None
    group: str | None = None


class ServiceDefinition(BaseModel):
    service_code: str
    attributes: list[dict[str, Any]] = Field(default_factory=list)


class ServiceRequest(BaseModel):
    service_request_id: str
    status: str = Field(description="open or closed")
    status_notes: str | None = None
    service_name: str | None = None
    service_code: str | None = None
    description: str | None = None
    agency_responsible: str | None = Field(default=None, description="the body that took its last step")
    service_notice: str | None = None
    requested_datetime: str
    updated_datetime: str | None = None
    expected_datetime: str | None = None
    address: str | None = None
    address_id: str | None = None
    zipcode: str | None = None
    lat: float | None = None
    long: float | None = None
    media_url: str | None = None


class FirstBody(BaseModel):
    id: str
    name: str
    kind: str | None = None
    role: str
    level: str | None = None


class PostedRequest(BaseModel):
    service_request_id: str
    service_notice: str | None = None
    account_id: str | None = None
    first_body: FirstBody | None = Field(default=None, description=(
        "the body the request was routed to: the first body of its chain at the compound"))


class ServiceRequestIn(BaseModel):
    """GeoReport v2's POST fields. ``address_id`` is required here: a compound id."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    service_code: str = Field(min_length=1, max_length=100, examples=["fire-lane"])
    address_id: str = Field(min_length=1, max_length=200, description="a compound id",
                            examples=["syn:compound:12"])
    jurisdiction_id: str | None = Field(default=None, max_length=100)
    description: str | None = Field(default=None, max_length=routing.MAX_TEXT,
                                    description="not stored")
    lat: float | None = Field(default=None, ge=-90, le=90, description="not used")
    long: float | None = Field(default=None, ge=-180, le=180, description="not used")
    address_string: str | None = Field(default=None, max_length=500, description="not used")
    email: str | None = Field(default=None, max_length=200, description="not stored")
    device_id: str | None = Field(default=None, max_length=200, description="not stored")
    account_id: str | None = Field(default=None, max_length=200, description="not stored")
    first_name: str | None = Field(default=None, max_length=200, description="not stored")
    last_name: str | None = Field(default=None, max_length=200, description="not stored")
    phone: str | None = Field(default=None, max_length=50, description="not stored")
    media_url: str | None = Field(default=None, max_length=2000, description="not stored")


_BODY_SCHEMA = ServiceRequestIn.model_json_schema()  # flat: no $defs to resolve


def _services(types: list[answers.IssueTypeRef]) -> list[Service]:
    words = {t.key: t for t in routing.taxonomy().types}
    out = []
    for t in types:
        w = words.get(t.key)
        out.append(Service(service_code=t.key, service_name=t.name, description=t.name_en or None,
                           keywords=",".join((w.strong + w.words)[:8]) if w else None))
    return out


@router.get("/services.json", response_model=list[Service], summary="Open311: service list")
async def services(store: StoreDep, jurisdiction_id: Jurisdiction = None):
    """The issue types as GeoReport services (`service_code` is the issue-type key)."""
    return _services(await adrive(store, answers.issue_types_flow()))


@router.get("/services/{service_code}.json", response_model=ServiceDefinition,
            responses=problem_responses(404), summary="Open311: service definition")
async def service(store: StoreDep, service_code: Annotated[str, Path(max_length=100)],
                  jurisdiction_id: Jurisdiction = None):
    """A service's definition: it asks no extra attributes (`metadata` is false)."""
    known = {t.key for t in await adrive(store, answers.issue_types_flow())}
    if service_code not in known:
        raise ProblemException("not-found", f"no service {service_code!r}; GET "
                               "/open311/v2/services.json lists them")
    return ServiceDefinition(service_code=service_code)


def _request(c: cases.CaseOut, names: dict[str, str]) -> ServiceRequest:
    last = c.steps[-1] if c.steps else None
    notes = c.outcome + (f" at the {c.resolved_level} level" if c.resolved_level else "")
    if c.overdue:
        notes += f"; overdue (due {c.due})"
    updated = c.closed or (last.start if last else c.opened)
    return ServiceRequest(
        service_request_id=c.id, status="open" if c.outcome == "open" else "closed",
        status_notes=notes, service_name=names.get(c.issue or "") if c.issue else None,
        service_code=c.issue, description=c.issue_text or names.get(c.issue or ""),
        agency_responsible=(last.body.name if last and last.body else
                            f"the {last.level} level" if last else None),
        requested_datetime=f"{c.opened}T00:00:00+08:00",
        updated_datetime=f"{updated}T00:00:00+08:00",
        expected_datetime=f"{c.due}T00:00:00+08:00",
        address=" / ".join(str(p.name) for p in (c.compound, c.community, c.street, c.county) if p.name),
        address_id=c.compound.id)


def _day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise answers.InvalidArgument(f"{name} is not a date: {value!r} (ISO 8601)") from None


def _split(value: str | None) -> set[str] | None:
    return {v.strip() for v in value.split(",") if v.strip()} if value else None


DateTime = Annotated[str | None, Query(max_length=40, pattern=r"^\d{4}-\d{2}-\d{2}", description=(
    "ISO 8601 date or date-time"), examples=["2024-01-01T00:00:00+08:00"])]


@router.get("/requests.json", response_model=list[ServiceRequest], responses=problem_responses(400),
            summary="Open311: service requests")
async def requests(store: StoreDep, jurisdiction_id: Jurisdiction = None,
                   service_request_id: Annotated[str | None, Query(max_length=2000, description=(
                       "comma-separated ids; when given, the other filters are ignored"))] = None,
                   service_code: Annotated[str | None, Query(max_length=1000, description=(
                       "comma-separated service codes"))] = None,
                   start_date: DateTime = None, end_date: DateTime = None,
                   status: Annotated[str | None, Query(
                       max_length=20, pattern=r"^(open|closed)(,(open|closed))?$",
                       description="open, closed or both")] = None):
    """Cases as GeoReport service requests, newest first, at most 1000. Without ids
    or dates, those opened in the last 90 days."""
    today = date.today()
    start, end = _day(start_date, "start_date"), _day(end_date, "end_date")
    ids, codes, states = _split(service_request_id), _split(service_code), _split(status)
    if ids is None and start is None and end is None:
        start = (today - timedelta(days=DEFAULT_DAYS)).isoformat()
    found = await adrive(store, cases.cases_flow(today, None, None, DUE_DAYS, judge_chains=False))
    names = {t.key: t.name for t in await adrive(store, answers.issue_types_flow())}
    out = []
    for c in sorted(found, key=lambda c: (c.opened, c.id), reverse=True):
        r = _request(c, names)
        if ids is not None:
            if c.id not in ids:
                continue
        elif ((codes is not None and c.issue not in codes) or (start and c.opened < start)
              or (end and c.opened > end) or (states is not None and r.status not in states)):
            continue
        out.append(r)
        if len(out) >= MAX_REQUESTS:
            break
    return out


@router.get("/requests/{service_request_id}.json", response_model=list[ServiceRequest],
            responses=problem_responses(404), summary="Open311: one service request")
async def request_one(store: StoreDep, service_request_id: Annotated[str, Path(max_length=200)],
                      jurisdiction_id: Jurisdiction = None):
    """One case as a GeoReport service request (an array of one, as GeoReport has it)."""
    found = await adrive(store, cases.cases_flow(date.today(), None, service_request_id,
                                                 DUE_DAYS, judge_chains=False))
    if not found:
        raise ProblemException("not-found", f"no service request {service_request_id!r}")
    names = {t.key: t.name for t in await adrive(store, answers.issue_types_flow())}
    return [_request(found[0], names)]


async def _read_body(request: Request) -> ServiceRequestIn:
    raw = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProblemException("invalid-argument", "the request body is not UTF-8 text") from None
    data: Any
    if kind == "application/json":
        try:
            data = json.loads(text or "null")
        except json.JSONDecodeError as e:
            raise ProblemException("invalid-argument", f"the request body is not JSON: {e.msg}") from None
        if not isinstance(data, dict):
            raise ProblemException("validation-error", "the request body must be a JSON object")
    elif kind in ("application/x-www-form-urlencoded", ""):
        data = {k: v[0] for k, v in parse_qs(text, keep_blank_values=False).items()}
    else:
        raise ProblemException("validation-error", f"send the request as "
                               f"application/x-www-form-urlencoded or application/json, not {kind!r}")
    try:
        return ServiceRequestIn.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "body"
        raise ProblemException("validation-error", f"{where}: {err['msg']}") from None


def _level(chain: CompoundEscalation, area_id: str | None) -> str | None:
    fr = chain.frame
    return {fr.compound.id: "compound", fr.community.id: "community", fr.street.id: "street",
            fr.county.id: "county"}.get(area_id)


@router.post("/requests.json", response_model=list[PostedRequest], status_code=201,
             dependencies=[AuthDep], responses=problem_responses(400, 401, 403, 404, 422),
             summary="Open311: post a service request (admin key)",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/x-www-form-urlencoded": {"schema": _BODY_SCHEMA},
                 "application/json": {"schema": _BODY_SCHEMA}}}})
async def post_request(request: Request, store: StoreDep):
    """A request about a compound (`address_id`) and an issue type (`service_code`)
    becomes an open case (channel 12345, due in 15 days) whose first step is
    `received` by the first body of the type's chain at that compound — the body
    `govgraph route --compound` names first. Needs an admin key (`Authorization:
    Bearer …`). Personal fields and `description` are accepted and not stored."""
    from ...loaders.registry import POSTED_ID_PREFIX, posted_case

    body = await _read_body(request)
    known = {t.key for t in await adrive(store, answers.issue_types_flow())}
    if body.service_code not in known:
        raise ProblemException("invalid-argument", f"unknown service_code {body.service_code!r}; "
                               "GET /open311/v2/services.json lists them")
    today = date.today()
    chain = await adrive(store, compound_escalation_flow(body.address_id, body.service_code,
                                                         today))
    first = routing.first_contact(chain)
    first_body = None
    if first is not None:
        who = first.actor()
        level = ("compound" if first.manager is not None else
                 _level(chain, first.body.area_id) if first.body is not None else "city")
        first_body = FirstBody(id=who.id, name=who.name, kind=getattr(who, "kind", None),
                               role=first.role, level=level)
    case_id = f"{POSTED_ID_PREFIX}{uuid.uuid4().hex[:16]}"
    batch = posted_case(case_id, body.address_id, body.service_code, today,
                        today + timedelta(days=DUE_DAYS), first_body.id if first_body else None,
                        first_body.level if first_body else None)
    await run_in_threadpool(store.write_all, batch)
    notice = (f"routed to {first_body.name} ({first_body.role})" if first_body else
              "no body on this compound's chain for the type: the case is open and unassigned")
    return [PostedRequest(service_request_id=case_id, service_notice=notice, first_body=first_body)]
