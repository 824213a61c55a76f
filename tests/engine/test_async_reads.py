"""The HTTP API reads through ``aread`` (each engine's async client) and drives the
same answer flows the Python API drives with ``read``: both give the same answers
and the same errors, on both engines."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from answer_flows import FAILING, FLOWS
from catalogue_cases import ALL
from fastapi.testclient import TestClient
from govgraph.api.app import create_app
from govgraph.graph.store import QueryError
from govgraph.queries import answers, catalogue
from govgraph.queries.flow import adrive, drive

from govgraph.settings import Settings


def _run_async(store, work):
    async def main():
        try:
            return await work()
        finally:
            await store.aclose()

    return asyncio.run(main())


def test_every_catalogue_query_reads_alike_sync_and_async(store):
    async def every():
        return [await catalogue.arun(store, name, **params) for name, _i, params in ALL]

    for (name, i, params), got in zip(ALL, _run_async(store, every), strict=True):
        want = catalogue.run(store, name, **params)
        assert got.columns == want.columns, f"{name}-{i}"
        assert got.rows == want.rows, f"{name}-{i}"


@pytest.mark.parametrize("name", FLOWS)
def test_an_answer_is_the_same_driven_sync_or_async(store, name):
    make = FLOWS[name]
    want = drive(store, make(store))
    got = _run_async(store, lambda: adrive(store, make(store)))
    assert got == want
    # Twice: the second time the generation cache answers part of it.
    assert _run_async(store, lambda: adrive(store, make(store))) == want


@pytest.mark.parametrize("name", FAILING)
def test_an_unknown_thing_fails_alike_sync_or_async(store, name):
    make = FAILING[name]
    with pytest.raises(answers.NotFound) as sync_error:
        drive(store, make(store))
    with pytest.raises(answers.NotFound) as async_error:
        _run_async(store, lambda: adrive(store, make(store)))
    assert str(async_error.value) == str(sync_error.value)


def test_a_bad_query_is_a_query_error_async(store):
    with pytest.raises(QueryError, match="query failed"):
        _run_async(store, lambda: store.aread("MATCH (n) RETURN m", {}))


def test_each_app_closes_what_its_loop_opened(store):
    # A store handed to several apps in turn (each TestClient runs its own event
    # loop) answers in each: nothing opened on an ended loop is used again.
    for _ in range(2):
        with TestClient(create_app(Settings(), store=store)) as c:
            res = c.get("/measures/11/leads")
            assert res.status_code == 200, res.text
            assert res.json()[0]["duties"]
    opened = getattr(store, "_async_drivers", None) or getattr(store, "_async_graphs", None)
    assert not opened


def test_a_failed_or_cancelled_read_does_not_spoil_the_next(store):
    # Neo4j keeps a read's session for the next read on its loop: one that failed
    # or was cancelled mid-read is closed instead, and the reads after it answer.
    want = catalogue.run(store, "who_leads", number=11, doc=None)

    async def work():
        got = []
        for _ in range(2):
            with pytest.raises(QueryError, match="query failed"):
                await store.aread("MATCH (n) RETURN m", {})
            got.append(await catalogue.arun(store, "who_leads", number=11, doc=None))
            task = asyncio.create_task(catalogue.arun(store, "who_leads", number=11, doc=None))
            await asyncio.sleep(0)  # started, then cancelled (while it waits on the engine
            task.cancel()           # unless it has answered already)
            with contextlib.suppress(asyncio.CancelledError):
                await task
            many = await asyncio.gather(*[catalogue.arun(store, "who_leads", number=11, doc=None)
                                          for _ in range(8)])
            got.extend(many)
        return got

    for got in _run_async(store, work):
        assert (got.columns, got.rows) == (want.columns, want.rows)
