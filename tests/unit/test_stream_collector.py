"""A streamed load's collector passes (graph/store.py ``_collect_after_chunk``).

A streamed load runs with the collector paused; a writer whose client leaves
reference cycles asks for passes after each chunk. A cycle still in use at one
pass (a transaction a writer thread is running) must be freed by a later one,
or memory grows with the city: a pass of the youngest generation alone promoted
it to a generation no pass walked again."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest
from govgraph.graph import store as store_mod


class _Held:
    """A stand-in for a driver object in a cycle (a Result and its error handler)."""

    def __init__(self) -> None:
        self.me = self
        self.rows = [[f"syn:person:{i}", i] for i in range(100)]


def _paused() -> bool:
    was = gc.isenabled()
    gc.disable()
    return was


def test_a_cycle_in_use_at_a_pass_is_freed_by_the_next_full_one() -> None:
    was = _paused()
    try:
        held = _Held()
        ref = weakref.ref(held)
        store_mod._collect_after_chunk(0)  # in use: survives, into an older generation
        store_mod._collect_after_chunk(1)  # (still in use)
        del held  # the transaction ends
        for i in range(2, store_mod.FULL_COLLECT_CHUNKS):
            store_mod._collect_after_chunk(i)
        assert ref() is None  # by the full pass at the latest
    finally:
        if was:
            gc.enable()


def test_garbage_made_between_passes_is_freed_by_the_next() -> None:
    was = _paused()
    try:
        held = _Held()
        ref = weakref.ref(held)
        del held
        store_mod._collect_after_chunk(0)
        assert ref() is None
    finally:
        if was:
            gc.enable()


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="3.14's collector is incremental")
def test_a_young_pass_alone_would_keep_it() -> None:
    # What the load did before: the cycle is promoted and never walked again.
    was = _paused()
    try:
        held = _Held()
        ref = weakref.ref(held)
        gc.collect(0)
        del held
        gc.collect(0)
        assert ref() is not None
        gc.collect()
        assert ref() is None
    finally:
        if was:
            gc.enable()
