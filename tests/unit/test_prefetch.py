"""prefetched: a thread works out the next items while the caller uses this one."""

import threading

import pytest
from govgraph.graph.prefetch import prefetched


def test_items_come_in_order_from_another_thread():
    made_in: set[str] = set()

    def items():
        for i in range(100):
            made_in.add(threading.current_thread().name)
            yield i

    assert list(prefetched(items(), depth=3, name="maker")) == list(range(100))
    assert made_in == {"maker"}


def test_the_producer_runs_ahead_of_the_caller_at_most_depth_items():
    made: list[int] = []
    at_most = threading.Semaphore(0)

    def items():
        for i in range(10):
            made.append(i)
            at_most.release()
            yield i

    it = prefetched(items(), depth=2)
    assert next(it) == 0
    # With one item taken, the queue holds at most 2 more and the producer a third.
    for _ in range(4):
        assert at_most.acquire(timeout=5)
    assert not at_most.acquire(timeout=0.3)
    assert made == [0, 1, 2, 3]
    assert list(it) == list(range(1, 10))


def test_an_error_while_producing_is_raised_where_its_item_would_come():
    def items():
        yield 1
        yield 2
        raise ValueError("row 3 is broken")

    got = []
    with pytest.raises(ValueError, match="row 3 is broken"):
        for x in prefetched(items()):
            got.append(x)
    assert got == [1, 2]


def test_a_caller_that_stops_early_stops_the_producer():
    produced: list[int] = []

    def items():
        for i in range(10_000):
            produced.append(i)
            yield i

    before = {t.name for t in threading.enumerate()}
    with pytest.raises(RuntimeError):
        for x in prefetched(items(), depth=2, name="stopped-early"):
            if x == 5:
                raise RuntimeError("the store went away")
    assert "stopped-early" not in {t.name for t in threading.enumerate()} - before
    assert len(produced) <= 5 + 1 + 2 + 1  # taken, the one in hand, the queue, one more
