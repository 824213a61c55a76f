"""The HTTP API and the browser view: ``create_app`` builds the FastAPI app.

One store per app: opened at startup (lifespan) unless one is handed in, given
to endpoints through ``Depends(get_store)``, closed at shutdown. Endpoints only
format what ``govgraph.queries.answers`` returns.
"""

from __future__ import annotations

import gc
import logging
import threading
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from ..access import AuditLog, KeyStore, RateLimiter
from ..graph.shared_reads import share_reads
from ..graph.store import GraphStore
from ..settings import Settings
from . import problems
from .answer_cache import AnswerCache
from .deps import open_app_store
from .routers import ROUTERS
from .security import AccessGuard

log = logging.getLogger("govgraph.api")

DESCRIPTION = """\
Who leads and who is responsible for each measure of a policy notice, the standing
structure of the bodies it names, and how a dispute escalates — every fact with the
clause it comes from (`citation`: document, measure, quoted clause, character span).

Lists are paginated (`offset`, `limit`; `next` / `prev` links). Errors are RFC 9457
problem details (`application/problem+json`). Without a key you are `public`: answers
name bodies and roles, never persons. `Authorization: Bearer <key>` with an `analyst`
key adds read-only Cypher and the Party-share audit; with an `admin` key, loads, the
audit log and persons' names (each such read is logged). See docs/security.md. The
browser view is at `/`.
"""

TAGS = [
    {"name": "measures", "description": "Measures and who leads / is responsible for them."},
    {"name": "units", "description": "Units (actors): search with aliases, duties, load, "
                                     "standing structure, members of collective actors."},
    {"name": "audits", "description": "Reports and audits over all units and measures."},
    {"name": "escalation", "description": "Mediation levels and who handles each issue type."},
    {"name": "graph", "description": "Search any node, focused subgraphs, node details — "
                                     "what the browser view draws."},
    {"name": "cypher", "description": "Read-only Cypher with parameters, a row cap and a timeout."},
    {"name": "data", "description": "Documents, loading (admin key), health."},
    {"name": "admin", "description": "Persons and the audit log of personal reads (admin key)."},
]

# The page and its scripts come from this server only; the browser enforces it too.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")


def static_dir():
    return resources.files("govgraph.api") / "static"


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The app on `store` (kept open: the caller owns it) or, without one, on the store
    the settings describe, opened at startup and closed at shutdown."""
    settings = settings or Settings()
    owns_store = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.store is None:
            try:
                await run_in_threadpool(open_app_store, app.state)
            except Exception as e:  # /health says so; each request tries again
                log.warning("graph store not available at startup: %s", e)
        # What exists now (modules, the app, the driver) lives as long as the process:
        # kept out of the collector's passes, they stop adding pauses to requests.
        gc.collect()
        gc.freeze()
        yield
        if app.state.store is not None:
            # What async reads opened belongs to this loop, which ends here, even
            # when the store is the caller's.
            await app.state.store.aclose()
            if owns_store:
                app.state.store.close()
                app.state.store = None

    app = FastAPI(title="govgraph", version=_version(), description=DESCRIPTION,
                  openapi_tags=TAGS, lifespan=lifespan, docs_url=None, redoc_url=None,
                  swagger_ui_oauth2_redirect_url=None)
    app.state.settings = settings
    app.state.store = store
    if store is not None:
        share_reads(store, settings.share_reads)
    app.state.store_lock = threading.Lock()
    app.state.keys = KeyStore(settings.keys_path, settings.api_token.get_secret_value()
                              if settings.api_token else None)
    app.state.audit = AuditLog(settings.audit_path)

    problems.install(app)
    for router in ROUTERS:
        app.include_router(router)
    _document_problems(app)

    if settings.answer_cache_s > 0:
        app.add_middleware(AnswerCache, ttl_s=settings.answer_cache_s)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"],
                           expose_headers=["Content-Type"], max_age=600)

    # Added last, so outermost: every request is identified, rate-limited and
    # size-checked before anything else (the answer cache included) sees it.
    app.add_middleware(AccessGuard, settings=settings, keys=app.state.keys, limiter=RateLimiter())

    static = static_dir()
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static / "index.html"), media_type="text/html",
                            headers={"Content-Security-Policy": PAGE_CSP,
                                     "X-Content-Type-Options": "nosniff",
                                     "Referrer-Policy": "no-referrer",
                                     "Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI from the vendored copy, not a CDN: the docs work offline too.
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="govgraph API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": True,
                                   "defaultModelsExpandDepth": 0})

    @app.get("/problems/{slug}", include_in_schema=False)
    def problem_type(slug: str) -> dict[str, Any]:
        if slug not in problems.PROBLEM_TYPES:
            raise problems.ProblemException("not-found", f"no problem type {slug!r}")
        title, status, description = problems.PROBLEM_TYPES[slug]
        return problems.ProblemType(type=problems.problem_uri(slug), title=title, status=status,
                                    description=description).model_dump()

    return app


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("govgraph")
    except Exception:
        return "0"


def app_from_env() -> FastAPI:
    """The app on the settings in the environment: what `govgraph serve --workers N`
    starts in each worker process."""
    return create_app(Settings())


def _document_problems(app: FastAPI) -> None:
    """Say in the OpenAPI document what the app really sends on errors: FastAPI
    documents its 422 as application/json, but every error here is an RFC 9457
    problem detail (application/problem+json)."""
    base_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = base_openapi()
        problem_ref = {"$ref": "#/components/schemas/Problem"}
        for path in schema.get("paths", {}).values():
            for op in path.values():
                for status, resp in op.get("responses", {}).items():
                    if status.startswith(("4", "5")):
                        content = resp.setdefault("content", {})
                        body = content.pop("application/json", None) or {"schema": problem_ref}
                        if status == "422":
                            body = {"schema": problem_ref}
                        content["application/problem+json"] = body
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
