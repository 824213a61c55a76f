"""The order in which Neo4j's streamed writer runs its transactions (``_Pipeline``),
without a server: a stand-in store records when each transaction starts and ends.

A chunk's nodes may be written while earlier chunks' edges are; no edge (and no
generation stamp) is written before every earlier chunk and its own nodes are
committed; a failed transaction stops the load and nothing starts after it."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from govgraph.graph.neo4j_store import _Pipeline
from govgraph.graph.plan import Statement
from govgraph.graph.store import StoreError


def _st(phase: str, tag: str, rows: int = 10) -> Statement:
    return Statement(f"// {tag}", {"rows": [tag] * rows}, phase, "x")


class FakeStore:
    """``_transactions`` and ``_run_tx`` as the pipeline calls them, recording events."""

    transaction_rows = 10

    def __init__(self, fail: str | None = None, pause_s: float = 0.02) -> None:
        self.events: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.fail = fail
        self.pause_s = pause_s

    def _transactions(self, stage: list[Statement]) -> list[list[Statement]]:
        return [[st] for st in stage]

    def _run_tx(self, statements, fresh, created, lock, state, progress) -> None:
        tag = statements[0].cypher[3:]
        with self.lock:
            self.events.append(("start", tag))
        time.sleep(self.pause_s)
        if tag == self.fail:
            raise RuntimeError(f"{tag} refused")
        with self.lock:
            self.events.append(("end", tag))
            state["done"] += statements[0].rows
            state["committed"] += 1


def _pipeline(store: FakeStore, pool: ThreadPoolExecutor) -> _Pipeline:
    state = {"done": 0, "committed": 0, "transactions": 0, "total": 0}
    return _Pipeline(store, pool, state, threading.Lock(), depth=2)  # type: ignore[arg-type]


def _chunk(k: int) -> list[Statement]:
    return [_st("node", f"n{k}a"), _st("node", f"n{k}b"), _st("edge", f"e{k}a"), _st("edge", f"e{k}b")]


def test_edges_wait_for_every_earlier_chunk_and_nodes_overlap_them():
    store = FakeStore()
    done: list[int] = []
    with ThreadPoolExecutor(max_workers=3) as pool:
        p = _pipeline(store, pool)
        for k in range(6):
            p.add(_chunk(k), set(), done.append)
        p.add([_st("state", "stamp", 1)], set(), done.append)
        p.drain()
    at = {(what, tag): i for i, (what, tag) in enumerate(store.events)}
    assert len(store.events) == 2 * (6 * 4 + 1)
    assert sum(done) == 6 * 4 * 10 + 1
    for k in range(6):
        first_edge = min(at[("start", f"e{k}a")], at[("start", f"e{k}b")])
        # its own nodes, and everything of the chunks before it, committed first
        for j in range(k + 1):
            for tag in ("n{}a", "n{}b"):
                assert at[("end", tag.format(j))] < first_edge
        for j in range(k):
            for tag in ("e{}a", "e{}b"):
                assert at[("end", tag.format(j))] < first_edge
    stamp = at[("start", "stamp")]
    assert all(i < stamp for (what, tag), i in at.items() if what == "end" and tag != "stamp")
    # Some chunk's nodes were written while the edges before them were.
    assert any(at[("start", f"n{k + 1}a")] < at[("end", f"e{k}b")] for k in range(5))


def test_a_failed_transaction_stops_the_load_and_is_raised():
    store = FakeStore(fail="e1a")
    with ThreadPoolExecutor(max_workers=2) as pool:
        p = _pipeline(store, pool)
        with pytest.raises(StoreError, match="e1a refused") as err:
            for k in range(8):
                p.add(_chunk(k), set(), lambda rows: None)
            p.drain()
        assert "committed transactions" in str(err.value)
        p.stop()
        running = [tag for what, tag in store.events if what == "start"]
        ended = [tag for what, tag in store.events if what == "end"]
        after = len(store.events)
        time.sleep(0.1)
        assert len(store.events) == after  # nothing started after stop() returned
    # No edge after the failed chunk's was started; every other one started ended.
    assert not any(t.startswith("e") and int(t[1]) > 1 for t in running)
    assert set(running) - set(ended) == {"e1a"}
    with pytest.raises(StoreError):
        p.add(_chunk(9), set(), lambda rows: None)


def test_stop_before_anything_was_added_leaves_the_pipeline_usable():
    store = FakeStore(pause_s=0)
    with ThreadPoolExecutor(max_workers=2) as pool:
        p = _pipeline(store, pool)
        p.stop()  # a load with replace empties the store first
        p.add(_chunk(0), set(), lambda rows: None)
        p.drain()
    assert len(store.events) == 8
