"""Who is asking, how often and how much: the outermost layer of the app.

``AccessGuard`` (pure ASGI middleware) runs before routing, the answer cache and
validation, on every request:

1. a URL longer than ``max_url_bytes`` is 413;
2. ``Authorization: Bearer <key>`` is checked against the key file (and
   ``GOVGRAPH_API_TOKEN``, an admin key); a key that is not valid — unknown,
   wrong, revoked, replaced by a rotation — is 401; no header is the public;
3. the key's (or the client address's) token bucket: 429 with ``Retry-After``;
4. a body larger than the route's limit (``max_load_body_bytes`` for
   ``POST /load``, ``max_body_bytes`` elsewhere), by ``Content-Length`` or as
   it streams in, is 413 before the app reads any of it.

Every refusal is a problem detail. The principal goes on to the app in
``scope["state"]["principal"]``; ``require(role)`` guards routes with it, and
``disclosed`` shapes answers about persons for it and logs what it revealed.
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..access import AuditLog, KeyError_, KeyStore, Principal, RateLimiter
from ..queries.persons import Role, disclose
from ..settings import Settings
from .problems import PROBLEM_JSON, PROBLEM_TYPES, ProblemException, problem_uri


def _problem_bytes(slug: str, detail: str, path: str) -> bytes:
    title, status, _ = PROBLEM_TYPES[slug]
    return json.dumps({"type": problem_uri(slug), "title": title, "status": status,
                       "detail": detail, "instance": path}, ensure_ascii=False).encode("utf-8")


class AccessGuard:
    def __init__(self, app: ASGIApp, settings: Settings, keys: KeyStore,
                 limiter: RateLimiter) -> None:
        self.app = app
        self.settings = settings
        self.keys = keys
        self.limiter = limiter

    async def _refuse(self, send: Send, scope: Scope, slug: str, detail: str,
                      headers: list[tuple[bytes, bytes]] | None = None) -> None:
        body = _problem_bytes(slug, detail, scope.get("path", ""))
        await send({"type": "http.response.start", "status": PROBLEM_TYPES[slug][1],
                    "headers": [(b"content-type", PROBLEM_JSON.encode()),
                                (b"content-length", str(len(body)).encode()),
                                *(headers or [])]})
        await send({"type": "http.response.body", "body": body})

    def _principal(self, scope: Scope) -> Principal | None:
        """The caller, or None for credentials that are not valid."""
        auth = b""
        for k, v in scope.get("headers", []):
            if k == b"authorization":
                auth = v
                break
        client = scope.get("client") or ("unknown", 0)
        if not auth:
            return Principal.public(str(client[0]))
        scheme, _, token = auth.decode("latin-1").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            found = self.keys.verify(token)
        except KeyError_:
            return None
        if found is None:
            return None
        key_id, role = found
        return Principal(key_id=key_id, role=role, identity=f"key:{key_id}")

    def _rate(self, role: Role) -> int:
        s = self.settings
        return {Role.PUBLIC: s.rate_public_per_min, Role.ANALYST: s.rate_analyst_per_min,
                Role.ADMIN: s.rate_admin_per_min}[role]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        s = self.settings
        url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(
            scope.get("query_string", b""))
        if url_bytes > s.max_url_bytes:
            await self._refuse(send, scope, "request-too-large",
                               f"the URL is {url_bytes} bytes; at most {s.max_url_bytes} are accepted")
            return
        principal = self._principal(scope)
        if principal is None:
            await self._refuse(send, scope, "unauthorized",
                               "the key given is not valid (unknown, revoked or rotated)",
                               [(b"www-authenticate", b'Bearer realm="govgraph"')])
            return
        wait = self.limiter.take(principal.identity, self._rate(principal.role))
        if wait > 0:
            await self._refuse(send, scope, "rate-limited",
                               f"too many requests for this {'key' if principal.key_id else 'address'}"
                               f"; try again in {math.ceil(wait)} s",
                               [(b"retry-after", str(math.ceil(wait)).encode())])
            return
        limit = s.max_load_body_bytes if scope["path"] == "/load" else s.max_body_bytes
        length = None
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    length = int(v)
                except ValueError:
                    length = None
        if length is not None and length > limit:
            await self._refuse(send, scope, "request-too-large",
                               f"the body is {length} bytes; at most {limit} are accepted here")
            return
        scope.setdefault("state", {})["principal"] = principal
        if scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE") and length in (None, 0):
            await self.app(scope, receive, send)
            return
        # Read the body here, up to the limit, so an oversized one (chunked, or
        # longer than it said) is refused before the app sees any of it.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refuse(send, scope, "request-too-large",
                                   f"the body is more than {limit} bytes, the most accepted here")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def get_principal(request: Request) -> Principal:
    principal = request.scope.get("state", {}).get("principal")
    if principal is None:  # an app without the guard (never served so)
        return Principal.public("unknown")
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def require(role: Role):
    """A dependency refusing callers below ``role``: 401 without a key (403 for
    loads on a server with no admin key at all), 403 with a key of a lesser role."""

    def check(request: Request, principal: PrincipalDep) -> Principal:
        if principal.role.at_least(role):
            return principal
        if principal.key_id is None:
            keys: KeyStore = request.app.state.keys
            if role == Role.ADMIN and not keys.has_admin():
                raise ProblemException("writes-disabled",
                                       "this server has no admin key (GOVGRAPH_API_TOKEN or "
                                       "`govgraph keys create --role admin`), so no request may "
                                       "do this")
            raise ProblemException("unauthorized", f"this needs a key with the {role} role",
                                   headers={"WWW-Authenticate": 'Bearer realm="govgraph"'})
        raise ProblemException("forbidden", f"this needs a key with the {role} role; "
                                            f"the key given has the {principal.role} role")

    return check


def disclosed(request: Request, principal: Principal, answer: Any, store: Any) -> Any:
    """``answer`` with its posts shaped for the caller; what it revealed is logged."""
    ids = disclose(answer, principal.role, getattr(store, "personal", None))
    if ids:
        audit: AuditLog = request.app.state.audit
        query = request.url.query
        audit.record(key_id=principal.key_id, role=principal.role,
                     what=f"{request.method} {request.url.path}" + (f"?{query}" if query else ""),
                     person_ids=ids)
    return answer
