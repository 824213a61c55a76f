"""Errors as RFC 9457 problem details (``application/problem+json``).

Every error the API returns has ``type``, ``title``, ``status``, ``detail`` and
``instance``; ``detail`` says in one sentence what was wrong with *this*
request. Each ``type`` is a relative URI, ``/problems/<slug>``, that the app
itself documents (GET it for the description).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import GovgraphError

log = logging.getLogger("govgraph.api")

PROBLEM_JSON = "application/problem+json"


class ProblemType(BaseModel):
    type: str
    title: str
    status: int
    description: str


# slug -> (title, usual status, what it means)
PROBLEM_TYPES: dict[str, tuple[str, int, str]] = {
    "not-found": ("Not found", 404,
                  "The measure, unit, node, document or issue type asked for is not in the graph. "
                  "The detail names what was asked and, where it can, what exists instead."),
    "invalid-argument": ("Invalid argument", 400,
                         "An argument cannot be right: an unknown node kind or edge type, a depth "
                         "out of range, a parameter a query does not declare."),
    "validation-error": ("Request not valid", 422,
                         "The request does not match the endpoint's schema; `errors` lists each "
                         "field that is wrong and why."),
    "invalid-document": ("Not a notice", 422,
                         "A document sent to POST /load cannot be read as a policy notice."),
    "invalid-query": ("Query failed", 400,
                      "The engine could not run the Cypher sent to POST /cypher (syntax or "
                      "semantics); the detail carries the engine's message."),
    "read-only": ("Writes are refused", 403,
                  "POST /cypher runs read-only Cypher only: writing clauses are refused, both by a "
                  "keyword check and by the engine's own read-only mode."),
    "query-timeout": ("Query timed out", 504,
                      "The query ran longer than its timeout and was stopped by the engine. Narrow "
                      "it, add a LIMIT, or ask for a longer timeout (up to the server's maximum)."),
    "store-unavailable": ("Graph store unavailable", 503,
                          "The graph store (embedded FalkorDB or Neo4j) cannot be reached or "
                          "refused the operation. Try again; see GET /health."),
    "unauthorized": ("Authentication required", 401,
                     "This endpoint needs `Authorization: Bearer <key>` with a key of a high enough "
                     "role (docs/security.md), or the key sent is not valid: unknown, revoked or "
                     "replaced by a rotation."),
    "forbidden": ("Role not entitled", 403,
                  "The key sent is valid but its role may not do this: Cypher and the Party-share "
                  "audit need `analyst`, loads and the audit log `admin`."),
    "rate-limited": ("Too many requests", 429,
                     "This key (or, without a key, this address) sent more requests than its rate "
                     "limit allows; `Retry-After` says when to try again."),
    "request-too-large": ("Request too large", 413,
                          "The request's URL or body is larger than the server accepts."),
    "writes-disabled": ("Changing data over HTTP is disabled", 403,
                        "The server has no admin key (GOVGRAPH_API_TOKEN or a key made with "
                        "`govgraph keys create --role admin`), so no request may load or change "
                        "data."),
    "replace-refused": ("Replace refused", 409,
                        "A load with `replace` was refused before anything was written: the graph "
                        "holds cases posted through Open311, which replacing it would delete. The "
                        "detail says how many and the ways out: `\"drop_posted_cases\": true`, or "
                        "list them first (GET /open311/v2/requests.json) to post them again."),
    "http-error": ("HTTP error", 400, "A generic HTTP error: no route, wrong method, …"),
    "internal-error": ("Internal error", 500,
                       "Something failed that should not have; the server log has the details."),
}


class Problem(BaseModel):
    """An RFC 9457 problem detail."""

    type: str = Field(description="a URI naming the kind of problem; GET it for a description")
    title: str
    status: int
    detail: str = Field(description="what was wrong with this request, in one sentence")
    instance: str | None = Field(default=None, description="the request path")
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="for validation errors: each field that is wrong")


def problem_uri(slug: str) -> str:
    return f"/problems/{slug}"


class ProblemException(GovgraphError):
    """Raise from an endpoint or dependency to answer with a problem detail that no
    error of the layers below names (an HTTP-only condition: a role, a rate)."""

    def __init__(self, slug: str, detail: str, status: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.slug = self.problem = slug
        self.detail = detail
        self.status = status or PROBLEM_TYPES[slug][1]
        self.headers = headers


def problem_response(request: Request, slug: str, detail: str, status: int | None = None,
                     headers: dict[str, str] | None = None, title: str | None = None,
                     **extensions: Any) -> JSONResponse:
    known = PROBLEM_TYPES.get(slug)
    status = status or (known[1] if known else 500)
    body: dict[str, Any] = {
        "type": problem_uri(slug) if known else "about:blank",
        "title": title or (known[0] if known else "Error"),
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    body.update({k: v for k, v in extensions.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def _message(e: BaseException) -> str:
    msg = e.args[0] if e.args and isinstance(e.args[0], str) else str(e)
    # Never echo credentials a URI might carry (bolt://user:secret@host).
    return re.sub(r"(//)[^/@\s:]+:[^/@\s]+@", r"\1***@", msg)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for the problem statuses an endpoint may answer with."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        slugs = [s for s, (_t, st, _d) in PROBLEM_TYPES.items() if st == status]
        out[status] = {"model": Problem, "content": {PROBLEM_JSON: {}},
                       "description": ", ".join(PROBLEM_TYPES[s][0] for s in slugs) or "Error"}
    return out


def install(app: FastAPI) -> None:
    """Map every expected failure to its problem detail."""

    # Every expected failure is a GovgraphError naming its own problem type
    # (govgraph/errors.py), the same error the CLI reports with its exit code.
    @app.exception_handler(GovgraphError)
    async def _expected(request: Request, e: GovgraphError) -> JSONResponse:
        if isinstance(e, ProblemException):
            return problem_response(request, e.slug, e.detail, e.status, e.headers)
        if e.problem == "store-unavailable":
            log.warning("store error on %s: %s", request.url.path, e)
        return problem_response(request, e.problem, _message(e))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, e: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(err.get("loc", ())), "msg": err.get("msg", ""),
                   "type": err.get("type", "")} for err in e.errors()]
        detail = "; ".join(_describe(err) for err in errors) or "the request is not valid"
        return problem_response(request, "validation-error", detail, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, e: StarletteHTTPException) -> JSONResponse:
        if e.status_code == 404:
            detail = (e.detail if e.detail and e.detail != "Not Found"
                      else f"no such endpoint: {request.method} {request.url.path} (see /docs)")
            return problem_response(request, "not-found", detail, 404, getattr(e, "headers", None))
        if e.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        else:
            detail = str(e.detail)
        return problem_response(request, "http-error", detail, e.status_code,
                                getattr(e, "headers", None), title=_reason(e.status_code))

    @app.exception_handler(Exception)
    async def _internal(request: Request, e: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(request, "internal-error",
                                "the server failed to answer; the error is in its log")


def _describe(err: dict[str, Any]) -> str:
    """('query', 'depth') + msg -> "query parameter 'depth': msg"."""
    loc = list(err["loc"])
    places = ("body", "query", "path", "header", "cookie")
    where = str(loc.pop(0)) if loc and loc[0] in places else ""
    if err["type"] == "json_invalid":
        return f"the request body is not valid JSON ({err['msg']})"
    field = ".".join(str(p) for p in loc)
    if not field:
        return f"{where or 'request'}: {err['msg']}"
    what = {"body": "body field", "": "field"}.get(where, f"{where} parameter")
    return f"{what} '{field}': {err['msg']}"


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "HTTP error"
