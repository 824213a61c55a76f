"""Work out the next items of a sequence in a thread while the caller uses this one.

A load is Python turning the plan into commands and a database running them, one
after the other. The database runs a command with Python's lock released (the
client waits on its socket), so a thread can build the next commands meanwhile.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterable
from typing import TypeVar

T = TypeVar("T")

# How often a producer blocked on a full queue looks whether the consumer quit.
_POLL_S = 0.05


def prefetched(items: Iterable[T], depth: int = 4,
               name: str = "govgraph-prefetch") -> Generator[T, None, None]:
    """``items`` in order, produced by a thread up to ``depth`` items ahead.

    An exception raised while producing is raised here, where its item would have
    come. When the caller stops early (an error of its own, ``break``, ``close``)
    the thread stops at its next item and is waited for, so nothing it computes
    outlives the call."""
    slots: queue.Queue[tuple[bool, object]] = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()

    def put(entry: tuple[bool, object]) -> bool:
        while not stop.is_set():
            try:
                slots.put(entry, timeout=_POLL_S)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((True, item)):
                    return
        except BaseException as e:  # handed to the consumer, which raises it
            put((False, e))
            return
        put((False, None))

    thread = threading.Thread(target=produce, name=name, daemon=True)
    thread.start()
    try:
        while True:
            ok, item = slots.get()
            if ok:
                yield item  # type: ignore[misc]
            elif item is None:
                return
            else:
                raise item  # type: ignore[misc]
    finally:
        stop.set()
        thread.join()
