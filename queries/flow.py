"""Answers written once for both kinds of caller.

An answer that reads the graph is a generator, a *flow*: it yields *effects* and
is sent what each resolves to. The effects are

- ``Read(name, params)``: a catalogue query; sent its ``QueryResult``;
- ``Recall(generation, key)``: is a value kept for ``key`` while the graph is
  ``generation``? sent ``(hit, value)``;
- ``Keep(generation, key, value)``: keep it; sent ``None``.

A flow takes no store and touches no cache: the driver resolves every effect.
``drive`` runs it with ``store.read`` (the CLI, the Python API, the benchmark),
``adrive`` with ``await store.aread`` (the HTTP API, whose requests then hold no
thread while they wait on the database); both keep values in the store's
generation cache (``generation_cache``). The logic between the effects is the
same code for both, so the two can never give different answers, and a test can
drive a flow with canned results and no database at all (``drive_canned``):

>>> def count_flow():
...     rows = (yield from read("count_nodes")).records()
...     return sum(r["count"] for r in rows)
>>> drive_canned(count_flow(), lambda r: QueryResult(["kind", "count"], [["Unit", 3], ["Measure", 2]]))
5
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..graph.store import GraphStore, QueryResult
from . import catalogue
from .generation_cache import keep, kept

__all__ = ["Effect", "Flow", "Keep", "Read", "Recall", "adrive", "cached", "drive",
           "drive_canned", "read"]

T = TypeVar("T")


@dataclass(frozen=True)
class Read:
    name: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Recall:
    generation: str
    key: Hashable


@dataclass(frozen=True)
class Keep:
    generation: str
    key: Hashable
    value: Any


Effect = Read | Recall | Keep
Flow = Generator[Effect, Any, T]


def read(name: str, **params: Any) -> Flow[QueryResult]:
    """``rows = (yield from read("who_leads", number=11)).records()`` inside a flow."""
    return (yield Read(name, params))


def cached(generation: str | None, key: Hashable, fetch: Callable[[], Flow[T]]) -> Flow[T]:
    """``fetch()``'s value for ``key`` as of ``generation``: read once per generation
    (see ``generation_cache``), then kept. A graph without a generation (loaded
    before generations existed) is never cached. Values are shared between
    callers: treat them as read-only.

    >>> memory = {}
    >>> fetch = lambda: read("type_mediation")
    >>> canned = lambda r: QueryResult(["n"], [[len(memory)]])
    >>> drive_canned(cached("g1", "k", fetch), canned, memory).rows, memory
    ([[0]], {('g1', 'k'): QueryResult(columns=['n'], rows=[[0]], truncated=False)})
    >>> drive_canned(cached("g1", "k", fetch), canned, memory).rows  # kept: not read again
    [[0]]
    """
    if not generation:
        return (yield from fetch())
    hit, value = yield Recall(generation, key)
    if hit:
        return value
    value = yield from fetch()  # outside the cache's lock: a slow read holds up no other answer
    yield Keep(generation, key, value)
    return value


def _resolve_kept(store: GraphStore, step: Recall | Keep) -> Any:
    if isinstance(step, Recall):
        return kept(store, step.generation, step.key)
    keep(store, step.generation, step.key, step.value)
    return None


def drive(store: GraphStore, flow: Flow[T]) -> T:
    try:
        step = next(flow)
        while True:
            if isinstance(step, Read):
                step = flow.send(catalogue.run(store, step.name, **step.params))
            else:
                step = flow.send(_resolve_kept(store, step))
    except StopIteration as done:
        return done.value


async def adrive(store: GraphStore, flow: Flow[T]) -> T:
    try:
        step = next(flow)
        while True:
            if isinstance(step, Read):
                step = flow.send(await catalogue.arun(store, step.name, **step.params))
            else:
                step = flow.send(_resolve_kept(store, step))
    except StopIteration as done:
        return done.value


def drive_canned(flow: Flow[T], results: Callable[[Read], QueryResult],
                 memory: dict[tuple[str, Hashable], Any] | None = None) -> T:
    """Run ``flow`` without a store: each ``Read`` is answered by ``results(read)``
    (canned rows, or an exception it raises), and values are kept in ``memory``
    keyed by (generation, key) (nothing is kept without it). For unit tests of a
    flow's logic; no parameter is checked against the catalogue here."""
    try:
        step = next(flow)
        while True:
            if isinstance(step, Read):
                step = flow.send(results(step))
            elif isinstance(step, Recall):
                k = (step.generation, step.key)
                step = flow.send((True, memory[k]) if memory is not None and k in memory
                                 else (False, None))
            else:
                if memory is not None:
                    memory[(step.generation, step.key)] = step.value
                step = flow.send(None)
    except StopIteration as done:
        return done.value
