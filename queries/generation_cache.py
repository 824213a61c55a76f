"""Keep what a loaded notice says about kinds of bodies between answers.

Escalation levels, who handles an issue type and who oversees a type of body
change only when something is loaded, yet every answer about a place needs
them. Each load writes a fresh graph generation (``graph.store.GRAPH_STATE_LABEL``)
and the place query reads it in the same round trip as the place, so a value
kept here is used only while the graph is the one it was read from, whichever
process loaded it. A graph without a generation (written before it existed)
is never cached.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable
from typing import Any

from ..graph.store import GraphStore

# Keys come partly from requests (an issue type, a set of body types): bound them.
MAX_ENTRIES = 256


class _Entries:
    def __init__(self) -> None:
        self.generation: str | None = None
        self.values: dict[Hashable, Any] = {}
        self.lock = threading.Lock()


_by_store: weakref.WeakKeyDictionary[GraphStore, _Entries] = weakref.WeakKeyDictionary()
_registry_lock = threading.Lock()


def _entries(store: GraphStore) -> _Entries:
    with _registry_lock:
        entries = _by_store.get(store)
        if entries is None:
            entries = _by_store[store] = _Entries()
        return entries


def kept(store: GraphStore, generation: str | None, key: Hashable) -> tuple[bool, Any]:
    """(True, value) if ``key`` is kept for ``generation``; (False, None) if not."""
    if not generation:
        return False, None
    entries = _entries(store)
    with entries.lock:
        if entries.generation != generation:
            entries.generation = generation
            entries.values = {}
        if key in entries.values:
            return True, entries.values[key]
    return False, None


def keep(store: GraphStore, generation: str | None, key: Hashable, value: Any) -> None:
    """Keep ``value`` for ``key`` while the graph is ``generation``. Values are
    shared between callers: treat them as read-only."""
    if not generation:
        return
    entries = _entries(store)
    with entries.lock:
        if entries.generation == generation:
            if len(entries.values) >= MAX_ENTRIES:
                entries.values.clear()
            entries.values[key] = value


def forget(store: GraphStore) -> None:
    """Drop what is kept for ``store`` (tests; a store that is being closed)."""
    with _registry_lock:
        _by_store.pop(store, None)


def graph_generation(store: GraphStore) -> str | None:
    """The generation the store holds now (None: loaded before generations, or empty)."""
    from . import catalogue

    rows = catalogue.run(store, "graph_generation").rows
    return rows[0][0] if rows else None


async def agraph_generation(store: GraphStore) -> str | None:
    """``graph_generation`` for code on an event loop."""
    from . import catalogue

    rows = (await catalogue.arun(store, "graph_generation")).rows
    return rows[0][0] if rows else None
