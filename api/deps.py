"""What endpoints are given through FastAPI's ``Depends``: the settings, the one
store of the app, pagination, and the bearer-token guard for endpoints that
change data."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from ..access import Principal
from ..graph.shared_reads import share_reads
from ..graph.store import GraphStore, StoreError
from ..queries.persons import Role
from ..settings import Settings
from .security import PrincipalDep, require


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def open_app_store(state) -> GraphStore:
    """The app's store, opened on first need if it could not be opened at startup."""
    if state.store is None:
        lock: threading.Lock = state.store_lock
        with lock:
            if state.store is None:
                from ..graph.connect import open_store

                try:
                    store = open_store(state.settings)
                    share_reads(store, state.settings.share_reads)
                    state.store = store
                except StoreError:
                    raise
                except Exception as e:  # the embedded server could not start, …
                    raise StoreError(f"cannot open the graph store: {e}") from e
    return state.store


async def get_store(request: Request) -> GraphStore:
    # A sync dependency costs every request a hop to the thread pool and back;
    # the store is open on all but the first request, so only opening it is sent there.
    store = request.app.state.store
    if store is not None:
        return store
    return await run_in_threadpool(open_app_store, request.app.state)


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


# Pages are read with SKIP in the query, whose integer is 64-bit: a bound far past any
# list keeps an absurd offset a 422, not an engine error.
MAX_OFFSET = 1_000_000_000


class PageParams:
    def __init__(self,
                 offset: Annotated[int, Query(ge=0, le=MAX_OFFSET,
                                              description="items to skip")] = 0,
                 limit: Annotated[int, Query(ge=1, le=500, description="items per page")] = 50):
        self.offset = offset
        self.limit = limit


PageDep = Annotated[PageParams, Depends()]

_bearer = HTTPBearer(auto_error=False, scheme_name="bearer",
                     description="An API key (`govgraph keys create`), or the server's "
                                 "GOVGRAPH_API_TOKEN, as `Authorization: Bearer …`.")


def _documented_bearer(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Puts the bearer scheme in the OpenAPI document; the key itself is checked by
    the access guard (api/security.py) before the request reaches any route."""


def require_role(role: Role):
    check = require(role)

    def dep(request: Request, _doc: Annotated[None, Depends(_documented_bearer)],
            principal: PrincipalDep) -> Principal:
        return check(request, principal)

    return dep


AnalystDep = Annotated[Principal, Depends(require_role(Role.ANALYST))]
AdminDep = Annotated[Principal, Depends(require_role(Role.ADMIN))]
AuthDep = Depends(require_role(Role.ADMIN))
