"""Answers written once for both kinds of caller.

An answer that reads the graph is a generator: it yields a ``Read`` (a catalogue
query and its parameters) and is sent the query's result. ``drive`` runs it
with ``store.read`` (the CLI, the Python API, the benchmark), ``adrive`` with
``await store.aread`` (the HTTP API, whose requests then hold no thread while
they wait on the database). The logic between the reads is the same code for
both, so the two can never give different answers.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..graph.store import GraphStore, QueryResult
from . import catalogue
from .generation_cache import keep, kept

T = TypeVar("T")


@dataclass(frozen=True)
class Read:
    name: str
    params: dict[str, Any]


Flow = Generator[Read, QueryResult, T]


def read(name: str, **params: Any) -> Flow[QueryResult]:
    """``rows = (yield from read("who_leads", number=11)).records()`` inside a flow."""
    return (yield Read(name, params))


def drive(store: GraphStore, flow: Flow[T]) -> T:
    try:
        step = next(flow)
        while True:
            step = flow.send(catalogue.run(store, step.name, **step.params))
    except StopIteration as done:
        return done.value


async def adrive(store: GraphStore, flow: Flow[T]) -> T:
    try:
        step = next(flow)
        while True:
            step = flow.send(await catalogue.arun(store, step.name, **step.params))
    except StopIteration as done:
        return done.value


def cached(store: GraphStore, generation: str | None, key: Hashable,
           fetch: Callable[[], Flow[T]]) -> Flow[T]:
    """``fetch()``'s value for ``key`` as of ``generation``: read once per generation
    (see ``generation_cache``), then kept. Values are shared between callers: treat
    them as read-only."""
    hit, value = kept(store, generation, key)
    if hit:
        return value
    value = yield from fetch()  # outside the cache's lock: a slow read holds up no other answer
    keep(store, generation, key, value)
    return value
