"""Answers to GET lookups kept in the serving process, per graph generation.

Off unless ``answer_cache_s`` (``GOVGRAPH_ANSWER_CACHE_S``, ``serve
--answer-cache``) is above zero. A Neo4j point lookup costs the database
about as much CPU as the whole rest of the request; on a small machine that,
not govgraph, bounds requests per second. With the cache on, an answer is
computed once per graph generation (every load writes a new one) and served
from memory after that. The generation is read again at most every
``answer_cache_s`` seconds, so an answer may be that much out of date after a
load by another process; a load through this app (``POST /load``) is seen by
the next request. Responses say which generation they answer for
(``X-Graph-Generation``) and whether they came from the cache (``X-Answer-Cache``).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from datetime import date

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..graph.store import StoreError
from ..queries.generation_cache import agraph_generation
from ..queries.questions import Question, built

# Lookups whose answers depend only on the graph, the URL and the day (a
# date-less compound question is asked "as of today"). Not /health (it reports
# the store's state), not the page, docs or static files. A built question's GET
# route is kept under its first path segment unless it declares cached=False.
_HAND_WRITTEN = ("/measures", "/units", "/compounds", "/organizations", "/audits",
                 "/escalation", "/issue-types", "/reports", "/documents", "/search",
                 "/graph", "/analytics", "/cases")


def declared_prefixes(questions: list[Question]) -> tuple[str, ...]:
    """The first path segment of each cached GET route of the built ``questions``."""
    return tuple(dict.fromkeys(
        "/" + r.split(" ", 1)[1].strip("/").split("/")[0]
        for q in questions if q.cached for r in q.routes if r.startswith("GET ")))


CACHED_PREFIXES = tuple(dict.fromkeys(_HAND_WRITTEN + declared_prefixes(built())))
MAX_ENTRIES = 4096
# Bigger answers (whole-graph exports, large subgraphs) are not worth the memory.
MAX_BODY_BYTES = 256 * 1024


class AnswerCache:
    """Pure ASGI middleware: a cached answer skips routing, validation and the store."""

    def __init__(self, app: ASGIApp, ttl_s: float, max_entries: int = MAX_ENTRIES) -> None:
        self.app = app
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self.generation: str | None = None
        self.checked_at = float("-inf")
        self.entries: OrderedDict[tuple, tuple[int, list[tuple[bytes, bytes]], bytes]] = \
            OrderedDict()
        # One generation read per interval, however many requests arrive meanwhile.
        self._checking = asyncio.Lock()

    def invalidate(self) -> None:
        self.checked_at = float("-inf")
        self.entries.clear()

    async def _current_generation(self, scope: Scope) -> str | None:
        if time.monotonic() - self.checked_at < self.ttl_s:
            return self.generation
        async with self._checking:
            if time.monotonic() - self.checked_at < self.ttl_s:
                return self.generation
            store = scope["app"].state.store
            try:
                gen = await agraph_generation(store) if store else None
            except StoreError:
                gen = None  # the request itself will meet the error and report it
            if gen != self.generation:
                self.entries.clear()
                self.generation = gen
            self.checked_at = time.monotonic()
            return gen

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and scope["path"] != "/cypher":
            # A write (POST /load) may change the graph: look again after it.
            # (/cypher runs read-only, so it changes nothing.)
            try:
                await self.app(scope, receive, send)
            finally:
                self.invalidate()
            return
        path: str = scope["path"]
        if scope["method"] != "GET" or not path.startswith(CACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        principal = scope.get("state", {}).get("principal")
        role = str(getattr(principal, "role", "public"))
        if role == "admin":
            # An admin's answers may name persons, and every such read is logged.
            await self.app(scope, receive, send)
            return
        generation = await self._current_generation(scope)
        if generation is None:  # nothing to key on: every request reads the store
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        key = (role, path, scope["query_string"], headers.get(b"accept", b""),
               headers.get(b"origin", b""), date.today())
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            status, response_headers, body = hit
            await send({"type": "http.response.start", "status": status,
                        "headers": [*response_headers, (b"x-answer-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return

        started: Message | None = None
        chunks: list[bytes] = []
        cacheable = True

        async def capture(message: Message) -> None:
            nonlocal started, cacheable
            if message["type"] == "http.response.start":
                started = message
                cacheable = message["status"] == 200
                message = {**message, "headers": [
                    *message.get("headers", []),
                    (b"x-graph-generation", generation.encode()),
                    (b"x-answer-cache", b"miss")]}
            elif message["type"] == "http.response.body" and cacheable:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > MAX_BODY_BYTES:
                    cacheable = False
                    chunks.clear()
            await send(message)

        await self.app(scope, receive, capture)
        # Kept only if the graph did not change while the answer was made.
        if cacheable and started is not None and generation == self.generation:
            response_headers = [(k, v) for k, v in started.get("headers", [])
                                if k.lower() not in (b"date", b"server")]
            response_headers.append((b"x-graph-generation", generation.encode()))
            self.entries[key] = (started["status"], response_headers, b"".join(chunks))
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)
