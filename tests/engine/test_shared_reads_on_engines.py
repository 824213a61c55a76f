"""Identical reads asked at once share one trip to the store (graph/shared_reads.py),
on both real engines: through every answer flow and through the HTTP API.
The rules themselves are checked without a store in tests/unit/test_shared_reads.py."""

from __future__ import annotations

import asyncio

import httpx
from answer_flows import FLOWS
from govgraph.api.app import create_app
from govgraph.graph.shared_reads import share_reads, shared_reads
from govgraph.queries.flow import adrive, drive

from govgraph.settings import Settings


def _with_sharing(store, work):
    async def main():
        share_reads(store)
        try:
            return await work()
        finally:
            share_reads(store, False)
            await store.aclose()

    return asyncio.run(main())


def test_every_flow_asked_three_times_at_once_answers_as_it_does_alone(store):
    """Flows post-process shared query results: none may change what another
    caller of the same read is given."""
    names = list(FLOWS)

    async def every():
        got = await asyncio.gather(*[adrive(store, FLOWS[name](store))
                                     for name in names for _ in range(3)])
        return got, shared_reads(store)

    got, shared = _with_sharing(store, every)
    for i, name in enumerate(names):
        want = drive(store, FLOWS[name](store))
        for copy in got[3 * i:3 * i + 3]:
            assert copy == want, name
    assert shared.reads < shared.asked  # the copies did share


def test_the_api_shares_reads_by_default_and_not_when_told(store):
    async def ask(settings):
        app = create_app(settings, store=store)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            responses = await asyncio.gather(
                *[client.get("/measures/11/leads") for _ in range(20)])
        return responses, shared_reads(store)

    async def both():
        try:
            on = await ask(Settings())
            off = await ask(Settings(share_reads=False))
            return on, off
        finally:
            share_reads(store, False)
            await store.aclose()

    (on, shared), (off, none) = asyncio.run(both())
    assert all(r.status_code == 200 for r in on + off)
    assert len({r.content for r in on + off}) == 1
    assert shared is not None and shared.asked >= 20 and shared.reads < shared.asked
    assert none is None
