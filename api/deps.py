"""What endpoints are given through FastAPI's ``Depends``: the settings, the one
store of the app, pagination, and the bearer-token guard for endpoints that
change data."""

from __future__ import annotations

import hmac
import threading
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from ..graph.shared_reads import share_reads
from ..graph.store import GraphStore, StoreError
from ..settings import Settings
from .problems import ProblemException


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


class PageParams:
    def __init__(self,
                 offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
                 limit: Annotated[int, Query(ge=1, le=500, description="items per page")] = 50):
        self.offset = offset
        self.limit = limit


PageDep = Annotated[PageParams, Depends()]

_bearer = HTTPBearer(auto_error=False, scheme_name="bearer",
                     description="The server's GOVGRAPH_API_TOKEN, as `Authorization: Bearer …`.")


def require_token(request: Request,
                  creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Endpoints that load or change data: a bearer token equal to the configured one.

    The answer is the same whether the token is missing or wrong, and never
    says anything about the expected token.
    """
    settings: Settings = request.app.state.settings
    expected = settings.api_token.get_secret_value() if settings.api_token else ""
    if not expected:
        raise ProblemException("writes-disabled",
                               "this server does not load or change data over HTTP: "
                               "it was started without GOVGRAPH_API_TOKEN")
    given = creds.credentials if creds is not None else ""
    if not given or not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise ProblemException("unauthorized", "a valid bearer token is required",
                               headers={"WWW-Authenticate": 'Bearer realm="govgraph"'})


AuthDep = Depends(require_token)
