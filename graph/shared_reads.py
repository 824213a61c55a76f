"""Identical reads asked at the same time share one trip to the store.

Under load, a service is asked the same question by many clients at once (one
measure, one popular compound). Each request costs the database and the
driver as much CPU as everything else in it, yet the answers at any moment
are the same. ``SharedReads`` lets requests on one event loop that ask the
same query with the same parameters wait on one read.

No answer is older than the request it answers: a request never joins a read
that was already at the store when it arrived (that read may have started
before a write the request has seen). It waits for the next read of the same
query instead, which starts as soon as the one in flight ends and answers
everything that arrived meanwhile (a read asked for but not yet handed to the
store is joined: it is later than the caller anyway). So at most two reads of
one query are pending per loop: one at the store, one gathering.

Each caller gets its own copy of the row lists; values inside rows (lists,
maps) are shared, as they are from any cache: treat them as read-only.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from .store import GraphStore, QueryResult

Reader = Callable[[str, dict[str, Any]], Awaitable[QueryResult]]


def _frozen(value: Any) -> Hashable:
    if isinstance(value, dict):
        return ("{}", tuple(sorted((k, _frozen(v)) for k, v in value.items())))
    if isinstance(value, (list, tuple)):
        return ("[]", tuple(_frozen(v) for v in value))
    # Tagged with its type: True == 1 == 1.0 as keys, but they are different parameters.
    return (type(value).__name__, value)


class _Pending:
    __slots__ = ("at_store", "sent", "gathering")

    def __init__(self) -> None:
        self.at_store: asyncio.Future[QueryResult] | None = None
        self.sent = False  # at_store's read has been handed to the reader
        self.gathering: asyncio.Future[QueryResult] | None = None


class SharedReads:
    """One per event loop: its futures belong to that loop."""

    def __init__(self) -> None:
        self._pending: dict[Hashable, _Pending] = {}
        self._tasks: set[asyncio.Task[None]] = set()  # the loop keeps only weak references
        self.asked = 0  # reads asked for, and trips made to the store (tests, bench)
        self.reads = 0

    async def read(self, reader: Reader, cypher: str, params: dict[str, Any]) -> QueryResult:
        """``await reader(cypher, params)``, or the answer of the next read of it
        that another caller starts (every caller of one key passes the same reader)."""
        try:
            key = (cypher, _frozen(params))
            hash(key)
        except TypeError:  # a parameter that cannot be compared: read on its own
            return await reader(cypher, params)
        self.asked += 1
        pending = self._pending.get(key)
        if pending is None:
            pending = self._pending[key] = _Pending()
        loop = asyncio.get_running_loop()
        if pending.at_store is None:
            future = pending.at_store = loop.create_future()
            task = loop.create_task(self._run(reader, key, pending, cypher, params))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        elif not pending.sent:  # asked for, not started yet: still later than this caller
            future = pending.at_store
        elif pending.gathering is None:
            future = pending.gathering = loop.create_future()
        else:
            future = pending.gathering
        # shield: a caller that goes away (client gone, its own timeout) must not
        # cancel the read the others wait on.
        result = await asyncio.shield(future)
        return QueryResult(columns=result.columns, rows=[list(r) for r in result.rows],
                           truncated=result.truncated)

    async def _run(self, reader: Reader, key: Hashable, pending: _Pending, cypher: str,
                   params: dict[str, Any]) -> None:
        # Runs in a task of its own, so that no single caller owns the read.
        while True:
            future = pending.at_store
            assert future is not None
            self.reads += 1
            pending.sent = True
            try:
                result = await reader(cypher, params)
            except Exception as e:  # every waiter meets what the read met
                future.set_exception(e)
                future.exception()  # retrieved: waiters that went away must not log it
            except BaseException:  # the loop is closing: nobody is left to answer
                for f in (pending.at_store, pending.gathering):
                    if f is not None:
                        f.cancel()
                del self._pending[key]
                raise
            else:
                future.set_result(result)
            if pending.gathering is None:
                del self._pending[key]
                return
            pending.at_store, pending.gathering, pending.sent = pending.gathering, None, False


# Stores whose catalogue reads are shared (the HTTP API's, unless turned off),
# and each one's SharedReads per event loop (uvicorn runs one loop per worker;
# tests open and close many).
_enabled: weakref.WeakKeyDictionary[GraphStore, dict[asyncio.AbstractEventLoop, SharedReads]] = \
    weakref.WeakKeyDictionary()


def share_reads(store: GraphStore, on: bool = True) -> None:
    """Turn sharing of ``store``'s catalogue reads on (or off) for every loop."""
    if on:
        _enabled.setdefault(store, {})
    else:
        _enabled.pop(store, None)


def shared_reads(store: GraphStore) -> SharedReads | None:
    """The running loop's ``SharedReads`` for ``store``, or None if it reads alone."""
    per_loop = _enabled.get(store)
    if per_loop is None:
        return None
    loop = asyncio.get_running_loop()
    shared = per_loop.get(loop)
    if shared is None:
        for old in [k for k in per_loop if k.is_closed()]:
            del per_loop[old]
        shared = per_loop[loop] = SharedReads()
    return shared
