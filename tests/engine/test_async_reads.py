"""The HTTP API reads through ``aread`` (each engine's async client) and drives the
same answer flows the Python API drives with ``read``: both give the same answers
and the same errors, on both engines."""

from __future__ import annotations

import asyncio

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
