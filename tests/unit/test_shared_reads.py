"""Identical reads asked at once share one trip to the store, and no caller gets
an answer from a read that started before it asked (graph/shared_reads.py).

The rules are checked on a reader the test holds open and lets go of, so that
"in flight" is exact; tests/engine/test_shared_reads_on_engines.py checks them
on both real engines, through every answer flow and through the HTTP API."""

from __future__ import annotations

import asyncio

import pytest
from govgraph.graph.shared_reads import SharedReads
from govgraph.graph.store import QueryResult, StoreError

from govgraph.settings import Settings


class HeldReader:
    """A reader whose reads wait until the test releases them; each read's answer
    says which read it was."""

    def __init__(self) -> None:
        self.started: list[tuple[str, dict]] = []
        self.gates: list[asyncio.Event] = []
        self.fail_next: Exception | None = None

    async def __call__(self, cypher: str, params: dict) -> QueryResult:
        n = len(self.started)
        self.started.append((cypher, params))
        gate = asyncio.Event()
        self.gates.append(gate)
        await gate.wait()
        if self.fail_next is not None:
            e, self.fail_next = self.fail_next, None
            raise e
        return QueryResult(columns=["read"], rows=[[n]])

    async def release(self, n: int) -> None:
        while len(self.gates) <= n:
            await asyncio.sleep(0)
        self.gates[n].set()


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_callers_of_one_query_share_a_read_and_none_joins_a_read_already_at_the_store():
    async def main():
        shared, reader = SharedReads(), HeldReader()
        first = asyncio.create_task(shared.read(reader, "Q", {"n": 1}))
        await settle()  # the first read is now at the store
        later = [asyncio.create_task(shared.read(reader, "Q", {"n": 1})) for _ in range(5)]
        await settle()
        assert len(reader.started) == 1, "nothing starts while the first read is in flight"
        await reader.release(0)
        assert (await first).rows == [[0]]
        await reader.release(1)  # the one read that answers everyone who came later
        answers = [await t for t in later]
        assert [a.rows for a in answers] == [[[1]]] * 5
        assert len(reader.started) == 2
        assert (shared.asked, shared.reads) == (6, 2)
        # Each caller has its own rows: one changing them changes no other answer.
        answers[0].rows[0][0] = "changed"
        assert answers[1].rows == [[1]]
        # Nothing in flight: the next caller starts a read of its own.
        again = asyncio.create_task(shared.read(reader, "Q", {"n": 1}))
        await reader.release(2)
        assert (await again).rows == [[2]]

    asyncio.run(main())


def test_different_queries_or_parameters_are_read_apart():
    async def main():
        shared, reader = SharedReads(), HeldReader()
        asks = [("Q", {"n": 1}), ("Q", {"n": 2}), ("Q", {"n": True}), ("R", {"n": 1}),
                ("Q", {"n": 1.5}), ("Q", {"n": [1, 2]}), ("Q", {"n": [2, 1]})]
        tasks = [asyncio.create_task(shared.read(reader, c, p)) for c, p in asks]
        await settle()
        assert reader.started == asks  # True is not 1, [1, 2] is not [2, 1]
        for i in range(len(asks)):
            await reader.release(i)
        assert sorted(r.rows[0][0] for r in await asyncio.gather(*tasks)) == list(range(len(asks)))

    asyncio.run(main())


def test_a_failed_read_fails_every_caller_that_waited_on_it_and_the_next_read_is_fresh():
    async def main():
        shared, reader = SharedReads(), HeldReader()
        first = asyncio.create_task(shared.read(reader, "Q", {}))
        await settle()
        waiting = [asyncio.create_task(shared.read(reader, "Q", {})) for _ in range(3)]
        await reader.release(0)
        assert (await first).rows == [[0]]
        reader.fail_next = StoreError("Neo4j at bolt://x did not answer a read within 1s")
        await reader.release(1)
        for t in waiting:
            with pytest.raises(StoreError, match="did not answer"):
                await t
        after = asyncio.create_task(shared.read(reader, "Q", {}))
        await reader.release(2)
        assert (await after).rows == [[2]]

    asyncio.run(main())


def test_a_caller_that_goes_away_does_not_cancel_the_read_others_wait_on():
    async def main():
        shared, reader = SharedReads(), HeldReader()
        leaver = asyncio.create_task(shared.read(reader, "Q", {}))
        stayer = asyncio.create_task(shared.read(reader, "Q", {}))
        await settle()
        leaver.cancel()
        await settle()
        await reader.release(0)
        assert (await stayer).rows == [[0]]
        assert leaver.cancelled()
        assert shared.reads == 1

    asyncio.run(main())


def test_parameters_that_cannot_be_compared_are_read_on_their_own():
    async def main():
        shared, reader = SharedReads(), HeldReader()
        tasks = [asyncio.create_task(shared.read(reader, "Q", {"s": {1, 2}})) for _ in range(2)]
        await settle()
        assert len(reader.started) == 2
        await reader.release(0)
        await reader.release(1)
        assert sorted(r.rows[0][0] for r in await asyncio.gather(*tasks)) == [0, 1]
        assert shared.asked == 0

    asyncio.run(main())


def test_sharing_is_on_unless_the_environment_turns_it_off(monkeypatch):
    """`serve --workers N --no-share-reads` hands the choice to its workers this way."""
    monkeypatch.delenv("GOVGRAPH_SHARE_READS", raising=False)
    assert Settings().share_reads is True
    monkeypatch.setenv("GOVGRAPH_SHARE_READS", "0")
    assert Settings().share_reads is False
