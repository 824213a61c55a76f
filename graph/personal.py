"""Residents' personal data, held apart from the graph.

The graph that analysts' Cypher reaches holds each person as a ``Resident`` node
with an opaque id and nothing that identifies them: no name, no Party
membership. What identifies a person lives here, in a SQLite file beside the
engine's data (``personal-<graph>.sqlite3`` in the data directory), which no Cypher can
reach: only code that has checked the caller is entitled (``queries.persons``)
reads it. See docs/security.md.

A load writes its people here in a transaction that is committed only when the
graph write has succeeded (``staged``), so the two stay all-or-nothing together;
each row keeps the registry file and line it came from.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .model import PersonRecord, PersonRow


def personal_file(graph: str) -> str:
    """The personal store's file name for one graph (an embedded graph's name, or
    ``neo4j-<database>``): each graph has its own, so clearing one leaves the others."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in graph)
    return f"personal-{safe}.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS persons (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    party_member INTEGER,
    synthetic INTEGER NOT NULL DEFAULT 0,
    registry TEXT,
    registry_file TEXT,
    registry_line INTEGER
)
"""


class PersonalStore:
    """A file-backed table of persons keyed by the opaque id their graph node carries."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            # Created readable by its owner alone, before anything is written to it.
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        with self._connect() as con:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30.0, isolation_level=None)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._connect()
            self._local.con = con
        return con

    @contextmanager
    def staged(self, persons: Iterable[PersonRecord]) -> Iterator[int]:
        """Write ``persons`` in a transaction kept open while the caller writes the
        graph: committed if the block ends normally, rolled back if it raises."""
        with self.staging() as add:
            yield add(persons)

    @contextmanager
    def staging(self, replace: bool = False
                ) -> Iterator[Callable[[Iterable[PersonRecord | PersonRow]], int]]:
        """``staged`` for a load that meets its persons as it goes (a streamed load):
        the block adds them with the function it is given, all in one transaction,
        committed if the block ends normally. ``replace`` empties the store first,
        in the same transaction."""
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            if replace:
                con.execute("DELETE FROM persons")

            def add(persons: Iterable[PersonRecord | PersonRow]) -> int:
                n = 0
                for chunk in _chunks(persons, 5000):
                    con.executemany(
                        "INSERT INTO persons (id, name, party_member, synthetic, registry, "
                        "registry_file, registry_line) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                        "party_member=excluded.party_member, synthetic=excluded.synthetic, "
                        "registry=excluded.registry, registry_file=excluded.registry_file, "
                        "registry_line=excluded.registry_line",
                        [p if type(p) is PersonRow else
                         (p.id, p.name, None if p.party_member is None else int(p.party_member),
                          int(p.synthetic), p.registry, p.registry_file, p.registry_line)
                         for p in chunk])
                    n += len(chunk)
                return n

            try:
                yield add
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    def lookup(self, ids: Iterable[str]) -> dict[str, PersonRecord]:
        """The records of the ids given that the store holds."""
        wanted = sorted(set(ids))
        out: dict[str, PersonRecord] = {}
        con = self._con()
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            marks = ",".join("?" * len(part))
            for row in con.execute(
                    "SELECT id, name, party_member, synthetic, registry, registry_file, "
                    f"registry_line FROM persons WHERE id IN ({marks})", part):
                out[row[0]] = PersonRecord(
                    id=row[0], name=row[1], party_member=None if row[2] is None else bool(row[2]),
                    synthetic=bool(row[3]), registry=row[4], registry_file=row[5],
                    registry_line=row[6])
        return out

    def party_members(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are Party members (for aggregate counts only)."""
        return {p.id for p in self.lookup(ids).values() if p.party_member}

    def count(self) -> int:
        return int(self._con().execute("SELECT count(*) FROM persons").fetchone()[0])

    def clear(self) -> None:
        with self._lock:
            self._con().execute("DELETE FROM persons")

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None


def _chunks(items: Iterable[PersonRecord | PersonRow], size: int
            ) -> Iterator[list[PersonRecord | PersonRow]]:
    chunk: list[PersonRecord | PersonRow] = []
    for p in items:
        chunk.append(p)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
