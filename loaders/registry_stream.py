"""A registry directory read as a stream of bounded chunks (issue 31).

``read_registry`` + ``registry_graph`` hold every row of a registry, validated,
and then every node and edge made from them: at 1M residents that was 2.9 GB
before the first write. Here each row is validated, checked against what the
rows before it gave, and turned into write-plan rows as it is read; a chunk of
them goes to the store while the next is read. What is kept grows with the
registry's ids (the references a later row may make), not with its rows.

The checks are ``read_registry``'s, the graph is ``registry_graph``'s (a
streamed load and a whole-plan load give the same stored graph; the engine
tests compare checksums). The first bad row stops the stream with its file,
line, field and reason (``RegistryError``); which row that is when a registry
has several bad ones may differ: the stream meets rows in file order, the
whole-plan reader checks every row's fields before any reference.

What cannot be made at its row waits for the row that completes it, within
one file or the next few (all small): an organization's parent given later in
its file; companies, whose credit-list standing comes two files later (and the
contracts that point at them); a case's HANDLED_BY edges, which gather all its
steps.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import ValidationError

from ..graph.model import NodeKind, PersonRow, RelType, RowChunk, edge_row, node_row, overlap_message
from .registry import (
    KINDS,
    LEVEL_ORDER,
    LEVELS,
    MAX_FILE_BYTES,
    ORG_KINDS,
    Building,
    Case,
    CaseStep,
    Community,
    Company,
    Compound,
    Contract,
    CreditEntry,
    Facility,
    KnownPlaces,
    Membership,
    Organization,
    Person,
    RegistryError,
    Row,
    Street,
    _rows,
)
from .units import UnitRegistry

# Registry rows per chunk: about two entities (a node, an edge) each. What a
# streamed load holds beyond its ids is a few chunks (the one read, the one planned
# ahead, those being written), so smaller chunks hold less for the same Python CPU
# (measured in bench/results/profile-load-memory-neo4j.md).
CHUNK_ROWS = 5_000

_KIND_INDEX = {k: i for i, (k, _) in enumerate(KINDS)}
_NODE_KINDS = list(NodeKind)
_NODE_KIND_INDEX = {k: i for i, k in enumerate(_NODE_KINDS)}


def _d(v: date | None) -> str | None:
    return v.isoformat() if v else None


# Ids given since the last seal are kept exactly (a dict); then they are sealed
# into one sorted pair of numpy arrays, 16 bytes an id (its hash; a second hash's
# top bits packed with where it was given) against about 150 in a dict of
# strings. The arrays are allocated once for the ids the load's files can give
# (their lines; pages never touched cost no memory) and each seal merges into
# them in place, so sealing makes no copy of what is sealed.
SEAL_AT = 1 << 17
# Old entries moved per step of a seal's in-place merge (its only scratch memory).
_MERGE_BLOCK = 1 << 19

_hash1 = hash  # (a name of its own, so that tests can make ids collide)


def _hash2(id_: str) -> int:
    # A second hash, independent of ``hash(id_)``: an id is taken as one sealed
    # when its first hash and this one's top ``_H2_BITS`` match (78 bits in all:
    # a false match among 10M ids is about one in 10^10 loads' worth).
    return hash(id_ + "\x00")


# A sealed word: [second hash: 14 bits][line: 32][file: 5][registry: 8][kind: 5].
_ORIGIN_BITS = 50
_H2_BITS = 64 - _ORIGIN_BITS
_ORIGIN_MASK = (1 << _ORIGIN_BITS) - 1
_U64 = (1 << 64) - 1


def _h2_tags(ids: list[str]) -> np.ndarray:
    """The second hashes' top bits, in place for a sealed word."""
    h2 = np.fromiter(map(_hash2, ids), np.int64, len(ids)).view(np.uint64)
    return (h2 >> np.uint64(_ORIGIN_BITS)) << np.uint64(_ORIGIN_BITS)


class LoadIds:
    """Every node id a streamed load has given so far, and where from: the ones
    outside any registry (``head``: the bundled data, divisions, documents) with
    their properties, each registry's packed as (registry, file, line, kind), so
    that an id given twice is refused naming both rows, as ``GraphBatch.check``
    refuses it in a whole-plan load.

    The latest ids are held exactly (``recent``); every ``SEAL_AT`` of them are
    sealed into the sorted arrays of their hashes (Python's per-process string
    hash, and a second one's top bits in the word that packs the origin: both
    must match). An id is checked against the recent ones as it is added, and
    against the sealed ones in bulk at each chunk's end (``check``), before the
    chunk is written. ``expect`` is about how many ids the load may give (the
    arrays' first size; they grow past it if need be)."""

    def __init__(self, head: dict[str, tuple[NodeKind, dict[str, Any]]], expect: int = 0) -> None:
        self.head = head
        self.registries: list[str] = []
        self.files: dict[tuple[int, int], str] = {}
        self.recent: dict[str, int] = {}
        self.unchecked: list[str] = []  # recent ids not yet checked against the sealed ones
        self._n = 0
        self._key_buf = np.empty(max(expect, 0), np.int64)
        self._word_buf = np.empty(max(expect, 0), np.uint64)

    def __len__(self) -> int:
        return len(self.recent) + self._n

    def __contains__(self, id_: str) -> bool:
        return id_ in self.recent or id_ in self.head or self._sealed(id_) is not None

    @property
    def _keys(self) -> np.ndarray:
        return self._key_buf[:self._n]

    @property
    def _words(self) -> np.ndarray:
        return self._word_buf[:self._n]

    @staticmethod
    def pack(kind: NodeKind, registry: int, file: int, line: int) -> int:
        return ((line * 32 + file) * 256 + registry) * 32 + _NODE_KIND_INDEX[kind]

    def add(self, id_: str, kind: NodeKind, registry: int, file: int, line: int,
            props: dict[str, Any]) -> None:
        prev = self.head.get(id_)
        if prev is None:
            packed = self.recent.get(id_)
            prev = self.where(packed) if packed is not None else None
        if prev is not None:
            raise ValueError(overlap_message(id_, prev, (kind, props), "an earlier part of this load"))
        self.recent[id_] = self.pack(kind, registry, file, line)
        self.unchecked.append(id_)

    def of_registry(self, id_: str, registry: int) -> NodeKind | None:
        """The kind of the node ``registry`` gave with this id (None if it gave none)."""
        packed = self.recent.get(id_)
        if packed is None:
            packed = self._sealed(id_)
        if packed is None or (packed // 32) % 256 != registry:
            return None
        return _NODE_KINDS[packed % 32]

    def where(self, packed: int) -> tuple[NodeKind, dict[str, Any]]:
        """The kind and provenance of a packed origin."""
        packed, kind = divmod(packed, 32)
        packed, registry = divmod(packed, 256)
        line, file = divmod(packed, 32)
        return _NODE_KINDS[kind], {"registry": self.registries[registry],
                                   "registry_file": self.files.get((registry, file), KINDS[file][0]),
                                   "registry_line": line}

    def _sealed(self, id_: str) -> int | None:
        keys = self._keys
        n = len(keys)
        if not n:
            return None
        h = _hash1(id_)
        i = int(np.searchsorted(keys, h))
        tag = (_hash2(id_) & _U64) >> _ORIGIN_BITS << _ORIGIN_BITS
        words = self._words
        while i < n and keys[i] == h:
            word = int(words[i])
            if word & ~_ORIGIN_MASK == tag:
                return word & _ORIGIN_MASK
            i += 1
        return None

    def check(self) -> tuple[str, int, int] | None:
        """The first id added since the last check that a sealed id matches, as
        (id, where it was given now, where before), or None; then, if the recent
        ids are many, seals them."""
        ids, self.unchecked = self.unchecked, []
        keys = self._keys
        if ids and len(keys):
            hashes = np.fromiter(map(_hash1, ids), np.int64, len(ids))
            at = np.minimum(np.searchsorted(keys, hashes), len(keys) - 1)
            for j in np.flatnonzero(keys[at] == hashes):  # rare: a duplicate or a collision
                prev = self._sealed(ids[j])
                if prev is not None:
                    return ids[j], self.recent[ids[j]], prev
        if len(self.recent) >= SEAL_AT:
            self._seal()
        return None

    def missing(self, ends: list[str]) -> str | None:
        """The first of ``ends`` that no node of the load has, or None."""
        need = [e for e in ends if e not in self.recent and e not in self.head]
        if not need:
            return None
        keys = self._keys
        if not len(keys):
            return need[0]
        hashes = np.fromiter(map(_hash1, need), np.int64, len(need))
        at = np.minimum(np.searchsorted(keys, hashes), len(keys) - 1)
        found = keys[at] == hashes
        found &= (self._words[at] >> np.uint64(_ORIGIN_BITS)) == (_h2_tags(need) >> np.uint64(_ORIGIN_BITS))
        for j in np.flatnonzero(~found):  # not at the first match: look along equal hashes
            if self._sealed(need[j]) is None:
                return need[j]
        return None

    def _seal(self) -> None:
        k = len(self.recent)
        ids = list(self.recent)
        hashes = np.fromiter(map(_hash1, ids), np.int64, k)
        order = np.argsort(hashes, kind="stable")
        hashes = hashes[order]
        words = (np.fromiter(self.recent.values(), np.int64, k).view(np.uint64) | _h2_tags(ids))[order]
        del ids, order
        self.recent = {}
        n = self._n
        if n + k > len(self._key_buf):  # more ids than expected: grow (a copy, once in a while)
            cap = max(n + k, len(self._key_buf) * 3 // 2)
            self._key_buf = np.concatenate([self._key_buf[:n], np.empty(cap - n, np.int64)])
            self._word_buf = np.concatenate([self._word_buf[:n], np.empty(cap - n, np.uint64)])
        _merge_in_place(self._key_buf, self._word_buf, n, hashes, words)
        self._n = n + k


def _merge_in_place(keys: np.ndarray, words: np.ndarray, n: int,
                    new_keys: np.ndarray, new_words: np.ndarray) -> None:
    """Merge sorted ``new_keys`` (and their words) into the sorted ``keys[:n]``,
    in place: ``keys[:n + len(new_keys)]`` ends sorted. Old entries move right,
    a block at a time from the end, each block with the new entries that go
    among it, so no block overwrites entries not yet moved."""
    k = len(new_keys)
    at = np.searchsorted(keys[:n], new_keys, side="right")  # a new entry goes after equal old ones
    end = n
    while end > 0 or k > 0:
        start = max(0, end - _MERGE_BLOCK)
        first = int(np.searchsorted(at, start, side="right")) if start else 0
        # old entries [start, end) and new entries [first, k) land at [start + first, end + k)
        lo, hi = start + first, end + k
        slot = np.zeros(hi - lo, bool)
        slot[at[first:k] + np.arange(first, k) - lo] = True
        block_keys = np.empty(hi - lo, np.int64)
        block_keys[slot] = new_keys[first:k]
        block_keys[~slot] = keys[start:end]
        block_words = np.empty(hi - lo, np.uint64)
        block_words[slot] = new_words[first:k]
        block_words[~slot] = words[start:end]
        keys[lo:hi] = block_keys
        words[lo:hi] = block_words
        end, k = start, first


class _Steps:
    """A registry's case steps as read, in arrays by step number (``RegistryStream``)."""

    def __init__(self) -> None:
        self.order = array("i")
        self.start = array("i")  # the day's ordinal
        self.line = array("q")
        self.body = array("i")  # a number in the stream's names, or -1
        self.action = array("i")
        self.prev = array("i")  # the step of the same case read before it, or -1

    def add(self, order: int, start: int, line: int, body: int, action: int, prev: int) -> int:
        self.order.append(order)
        self.start.append(start)
        self.line.append(line)
        self.body.append(body)
        self.action.append(action)
        self.prev.append(prev)
        return len(self.prev) - 1

    def of_case(self, last: int) -> list[int]:
        """A case's steps, given its latest: the latest first."""
        out = []
        while last >= 0:
            out.append(last)
            last = self.prev[last]
        return out


class RegistryStream:
    """One registry directory, read once, as chunks of write-plan rows.

    ``known`` holds the real places and bodies the load has (divisions, the
    unit registry) and what earlier registries of the load gave; this registry's
    areas and bodies are added to it as they are read, for later registries' cases.
    ``issue_keys`` are the taxonomy's keys; ``issue_nodes`` whether the load
    holds their IssueType nodes (the bundled notice brings them)."""

    def __init__(self, directory: Path, units: UnitRegistry, known: KnownPlaces, ids: LoadIds,
                 *, counties: set[str], issue_keys: dict[str, str], issue_nodes: bool,
                 chunk_rows: int = CHUNK_ROWS,
                 progress: Callable[[str], None] | None = None) -> None:
        self.directory = Path(directory)
        self.source = self.directory.name
        self.units = units
        self.known = known
        self.ids = ids
        self.counties = counties
        self.county_ids = {a.name: a.id for a in units.areas if a.props.get("level") == "county"}
        self.issue_keys = issue_keys
        self.issue_nodes = issue_nodes
        self.chunk_rows = max(1, chunk_rows)
        self.progress = progress

    def files(self) -> list[tuple[str, type[Row], Path]]:
        """The registry's files in load order; raises before any is read if there are none."""
        directory = self.directory
        if not directory.is_dir():
            raise RegistryError(str(directory), None, None, "not a directory")
        found: list[tuple[str, type[Row], Path]] = []
        for kind, model in KINDS:
            csv_p, json_p = directory / f"{kind}.csv", directory / f"{kind}.json"
            if csv_p.exists() or json_p.exists():
                found.append((kind, model, csv_p if csv_p.exists() else json_p))
        if not found:
            names = ", ".join(k for k, _ in KINDS)
            raise RegistryError(str(directory), None, None,
                                f"no registry files (expected some of: {names}, as .csv or .json)")
        return found

    # -- the stream -------------------------------------------------------------
    def chunks(self) -> Iterator[RowChunk]:
        files = self.files()
        self.reg_index = len(self.ids.registries)
        self.ids.registries.append(self.source)
        self._state()
        self.chunk = RowChunk()
        self.rows_in_chunk = 0
        present = {kind for kind, _, _ in files}
        for kind, model, path in self._checked(files):
            self.kind = kind
            self.file_index = _KIND_INDEX[kind]
            self.file_name = path.name
            self.ids.files[(self.reg_index, self.file_index)] = path.name
            if self.progress:
                self.progress(path.name)
            handle = getattr(self, f"_{kind}")
            for line, row in self._validated(path, model):
                handle(line, row)
                self.rows_in_chunk += 1
                if self.rows_in_chunk >= self.chunk_rows:
                    yield from self._flush()
            yield from self._end_of(kind, present)
        # Files that are absent still end where they would have been read.
        yield from self._flush(final=True)

    def _checked(self, files: list[tuple[str, type[Row], Path]]
                 ) -> Iterator[tuple[str, type[Row], Path]]:
        given = {kind for kind, _, _ in files}
        for kind, model in KINDS:
            if kind not in given:
                if kind == "credit_list" and "companies" in given:
                    self._companies_done()  # no credit list: the companies stand as given
                if kind == "organizations":
                    self._organizations_done()
                continue  # (no case steps: no HANDLED_BY edges to make)
            path = next(p for k, _, p in files if k == kind)
            if (self.directory / f"{kind}.csv").exists() and (self.directory / f"{kind}.json").exists():
                raise RegistryError(kind, None, None, f"both {kind}.csv and {kind}.json given; keep one")
            if path.stat().st_size > MAX_FILE_BYTES:
                raise RegistryError(path.name, None, None, "file larger than 2 GiB")
            yield kind, model, path

    def _end_of(self, kind: str, present: set[str]) -> Iterator[RowChunk]:
        if kind == "organizations":
            self._organizations_done()
        elif kind == "credit_list":
            self._companies_done()
        elif kind == "case_steps":
            yield from self._case_steps_done()

    def _flush(self, final: bool = False) -> Iterator[RowChunk]:
        if final:
            if self.pending_companies is not None:
                self._companies_done()
        self._verify()
        if len(self.chunk) or self.chunk.persons:
            yield self._hand_over()

    def _hand_over(self) -> RowChunk:
        # (a method, so that no local of the suspended stream keeps the chunk once
        # the caller has let it go: the planner drops it when it is planned)
        out, self.chunk = self.chunk, RowChunk()
        self.rows_in_chunk = 0
        self.chunk_serial += 1
        return out

    @staticmethod
    def _validated(path: Path, model: type[Row]) -> Iterator[tuple[int, Any]]:
        for line, rec in _rows(path):
            try:
                yield line, model.model_validate(rec)
            except ValidationError as e:
                err = e.errors()[0]
                field = ".".join(str(p) for p in err["loc"]) or None
                raise RegistryError(path.name, line, field, err["msg"]) from None

    # -- state ------------------------------------------------------------------
    def _state(self) -> None:
        known = self.known
        self.streets: set[str] = set()
        self.communities: set[str] = set()
        self.compounds: set[str] = set()
        self.orgs: set[str] = set()
        self.companies: set[str] = set()
        # each area of this registry's level, and known streets' and communities'
        self.area_level: dict[str, str] = {}
        # where each body sits, for case steps (check_cases' ``levels``)
        self.levels = dict(known.levels)
        self.known_compounds = set(known.compounds)
        self.pending_parents: list[tuple[int, str, dict[str, Any]]] = []
        self.pending_companies: list[tuple[int, Company]] | None = None
        self.pending_contracts: list[tuple[int, Contract]] = []
        self.credit: dict[str, CreditEntry] = {}
        # Each case of the registry, by its number (``cases``: id -> number): its dates
        # packed in an int, its latest step; and its steps as read, in arrays by step
        # number (order, start's ordinal, line, body, action, the case's step before):
        # less than half of a dict of lists of tuples (bench/results/
        # profile-load-memory-neo4j.md). Body ids and actions are numbers in ``names``.
        self.cases: dict[str, int] = {}
        self.case_dates = array("q")
        self.case_last = array("i")
        self.steps = _Steps()
        self.name_ids: dict[str, int] = {}
        self.names: list[str] = []
        # Each membership's (person, body, role, start), as its hash, with the chunk
        # that first gave it (a hash that matches another's makes a row a MERGE, which
        # writes what its CREATE would).
        self.membership_chunks: dict[int, int] = {}
        self.chunk_serial = 0
        self.ends: list[tuple[RelType, str, str, str]] = []

    def _verify(self) -> None:
        """What is checked in bulk at a chunk's end, before it is written: its ids
        against the sealed ones of the load, its edges' ends against every node."""
        ids = self.ids
        twice = ids.check()
        if twice is not None:
            id_, now, before = twice
            kind, props = ids.where(now)
            held = ids.where(before)
            if held[1]["registry"] == props["registry"]:
                raise RegistryError(props["registry_file"], props["registry_line"], "id",
                                    f"id {id_!r} is used twice")
            raise ValueError(overlap_message(id_, held, (kind, props), "an earlier part of this load"))
        ends, self.ends = self.ends, []
        if ends:
            end = ids.missing([e for _, _, _, e in ends])
            if end is not None:
                type_, src, dst, _ = next(x for x in ends if x[3] == end)
                if end.startswith("issue:") and not self.issue_nodes:
                    raise ValueError(f"cases name issue types ({end[6:]}) that come with the bundled "
                                     "notice, which --no-default leaves out: load without --no-default")
                raise ValueError(f"{type_} edge {src!r} -> {dst!r}: no node {end!r}")

    def _where(self, line: int | None) -> tuple[str, int | None]:
        return self.file_name, line

    def _prov(self, line: int) -> dict[str, Any]:
        return {"registry": self.source, "registry_file": self.file_name, "registry_line": line}

    def _id(self, line: int, id_: str) -> None:
        # Every id of this registry is in ``ids`` (what the load gave), but for its
        # companies, given once their credit standing is known.
        # (against the recent ids here; the sealed ones in bulk, ``_verify``)
        packed = self.ids.recent.get(id_)
        if id_ in self.companies or (packed is not None and (packed // 32) % 256 == self.reg_index):
            raise RegistryError(self.file_name, line, "id", f"id {id_!r} is used twice")

    def _node(self, kind: NodeKind, id_: str, name: str, props: dict[str, Any], line: int) -> None:
        self.ids.add(id_, kind, self.reg_index, self.file_index, line, props)
        self.chunk.nodes.append((kind, node_row(kind, id_, name, props)))

    def _edge(self, type_: RelType, src: str, dst: str, props: dict[str, Any],
              merge: bool = False) -> None:
        # Its ends are checked at the chunk's end (``_verify``), but for the latest ids'.
        recent, head = self.ids.recent, self.ids.head
        if src not in recent and src not in head:
            self.ends.append((type_, src, dst, src))
        if dst not in recent and dst not in head:
            self.ends.append((type_, src, dst, dst))
        (self.chunk.merged if merge else self.chunk.edges).append((type_, edge_row(type_, src, dst, props)))

    def _need(self, line: int, field: str, value: str | None, pool: set[str] | dict[str, str],
              what: str, key: str = "id", also: set[str] | dict[str, str] | None = None) -> None:
        if value is not None and value not in pool and (also is None or value not in also):
            raise RegistryError(self.file_name, line, field, f"no {what} with {key} {value!r}")

    def _area(self, kind_level: str, row: Any, line: int, **props: Any) -> None:
        self._node(NodeKind.AREA, row.id, row.name, {"level": kind_level, "synthetic": row.synthetic,
                                                      **self._prov(line), **props}, line)
        if kind_level == "building":
            return  # (levels are looked up for the areas a body sits in, never a building)
        self.area_level[row.id] = kind_level
        self.known.area_levels[row.id] = kind_level
        if kind_level == "compound":
            self.known.compounds.add(row.id)

    # -- one handler per file, in load order -------------------------------------
    def _streets(self, line: int, s: Street) -> None:
        self._id(line, s.id)
        if s.county not in self.counties or s.county not in self.county_ids:
            raise RegistryError(self.file_name, line, "county",
                                f"unknown county {s.county!r}; known: {', '.join(sorted(self.counties))}")
        self.streets.add(s.id)
        self._area("street", s, line, street_kind=s.kind)
        self._edge(RelType.PART_OF, s.id, self.county_ids[s.county], self._prov(line))

    def _communities(self, line: int, c: Community) -> None:
        self._id(line, c.id)
        self._need(line, "street_id", c.street_id, self.streets, "street", "id or adcode",
                   self.known.streets)
        self.communities.add(c.id)
        self._area("community", c, line)
        self._edge(RelType.PART_OF, c.id, self.known.area(c.street_id), self._prov(line))

    def _compounds(self, line: int, cp: Compound) -> None:
        self._id(line, cp.id)
        self._need(line, "community_id", cp.community_id, self.communities, "community",
                   "id or adcode", self.known.communities)
        self.compounds.add(cp.id)
        self._area("compound", cp, line, built_year=cp.built_year, households=cp.households,
                   category=cp.category)
        self._edge(RelType.PART_OF, cp.id, self.known.area(cp.community_id), self._prov(line))

    def _buildings(self, line: int, x: Building) -> None:
        self._id(line, x.id)
        self._need(line, "compound_id", x.compound_id, self.compounds, "compound")
        self._area("building", x, line, units=x.units, floors=x.floors)
        self._edge(RelType.PART_OF, x.id, x.compound_id, self._prov(line))

    def _area_level_of(self, ref: str) -> str | None:
        if ref in self.area_level:
            return self.area_level[ref]
        if ref in self.known.streets:
            return "street"
        if ref in self.known.communities:
            return "community"
        return None

    def _organizations(self, line: int, o: Organization) -> None:
        self._id(line, o.id)
        self.orgs.add(o.id)
        areas = o.areas()
        for a in areas:
            if a not in self.streets and a not in self.communities and a not in self.compounds \
                    and a not in self.known.streets and a not in self.known.communities:
                raise RegistryError(self.file_name, line, "area_ids",
                                    f"no street, community or compound with id or adcode {a!r}")
        body_type, kind = ORG_KINDS[o.kind]
        prov = self._prov(line)
        self._node(kind, o.id, o.name, {"body_type": body_type, "org_kind": o.kind,
                                        "synthetic": o.synthetic, **prov}, line)
        found = [lv for a in areas if (lv := self._area_level_of(a)) is not None]
        if found:
            self.levels[o.id] = min(found, key=lambda lv: LEVEL_ORDER.get(lv, 9))
        for a in areas:
            dst = self.known.area(a)
            self._edge(RelType.LOCATED_IN, o.id, dst, prov)
            level = self.known.area_levels.get(dst)
            if level is not None:
                self.known.levels.setdefault(o.id, level)
        if o.parent_id:
            if o.parent_id in self.orgs or o.parent_id in self.known.bodies:
                self._edge(RelType.PART_OF, o.id, o.parent_id, prov)
            else:  # perhaps a later row of this file
                self.pending_parents.append((line, o.id, {**prov, "_parent": o.parent_id}))

    def _organizations_done(self) -> None:
        for line, org, prov in self.pending_parents:
            parent = prov.pop("_parent")
            if parent not in self.orgs and parent not in self.known.bodies:
                raise RegistryError(self.file_name, line, "parent_id",
                                    f"no organization with id {parent!r}")
            self._edge(RelType.PART_OF, org, parent, prov)
        self.pending_parents = []

    def _people(self, line: int, p: Person) -> None:
        self._id(line, p.id)
        self._need(line, "compound_id", p.compound_id, self.compounds, "compound")
        # The graph knows a person by their opaque id alone; what identifies them
        # (name, Party membership) goes to the personal store, citing the same row.
        prov = self._prov(line)
        self._node(NodeKind.RESIDENT, p.id, p.id, {"person": True, "synthetic": p.synthetic, **prov},
                   line)
        # Its fields were validated as the row's: made without validating them again.
        self.chunk.persons.append(PersonRow(p.id, p.name, int(p.party_member), int(p.synthetic),
                                            self.source, self.file_name, line))
        if p.compound_id:
            self._edge(RelType.LIVES_IN, p.id, p.compound_id, prov)

    def _memberships(self, line: int, m: Membership) -> None:
        if self.ids.of_registry(m.person_id, self.reg_index) != NodeKind.RESIDENT:
            raise RegistryError(self.file_name, line, "person_id", f"no person with id {m.person_id!r}")
        self._need(line, "org_id", m.org_id, self.orgs, "organization", also=self.known.bodies)
        self._need(line, "nominated_by", m.nominated_by, self.orgs, "organization",
                   also=self.known.bodies)
        if m.start and m.end and m.end < m.start:
            raise RegistryError(self.file_name, line, "end", "ends before it starts")
        props = {"role": m.role, "since": _d(m.start), "start": _d(m.start), "end": _d(m.end),
                 "nominated_by": m.nominated_by, "synthetic": m.synthetic, **self._prov(line)}
        # The one kind of row that may give an edge an earlier row gave (the same
        # person, body, role and start twice): merged onto it, as a whole-plan load
        # merges duplicates, even when the first came in an earlier chunk.
        key = hash((m.person_id, m.org_id, m.role, props["since"]))
        first = self.membership_chunks.setdefault(key, self.chunk_serial)
        self._edge(RelType.MEMBER_OF, m.person_id, m.org_id, props, merge=first != self.chunk_serial)

    def _companies(self, line: int, co: Company) -> None:
        self._id(line, co.id)
        self.companies.add(co.id)
        self.levels[co.id] = "compound"
        self.known.levels[co.id] = "compound"
        if self.pending_companies is None:
            self.pending_companies = []
        self.pending_companies.append((line, co))  # their credit-list standing comes later

    def _contracts(self, line: int, k: Contract) -> None:
        if k.start and k.end and k.end < k.start:
            raise RegistryError(self.file_name, line, "end", "ends before it starts")
        self._need(line, "company_id", k.company_id, self.companies, "company")
        self._need(line, "compound_id", k.compound_id, self.compounds, "compound")
        if self.pending_companies is not None:
            self.pending_contracts.append((line, k))
        else:
            self._contract(line, self.file_name, k)

    def _contract(self, line: int, file: str, k: Contract) -> None:
        self._edge(RelType.MANAGES, k.company_id, k.compound_id, {
            "since": _d(k.start), "start": _d(k.start), "end": _d(k.end), "synthetic": k.synthetic,
            "registry": self.source, "registry_file": file, "registry_line": line})

    def _facilities(self, line: int, f: Facility) -> None:
        self._id(line, f.id)
        self._need(line, "compound_id", f.compound_id, self.compounds, "compound")
        prov = self._prov(line)
        self._node(NodeKind.FACILITY, f.id, f.name, {"facility_kind": f.kind, "synthetic": f.synthetic,
                                                     **prov}, line)
        self._edge(RelType.LOCATED_IN, f.id, f.compound_id, prov)
        self.known.levels.setdefault(f.id, "compound")

    def _credit_list(self, line: int, e: CreditEntry) -> None:
        self._need(line, "company_id", e.company_id, self.companies, "company")
        prev = self.credit.get(e.company_id)
        # The latest entry decides the company's standing (a stable sort by date:
        # of entries of one date, the last given).
        if prev is None or e.date >= prev.date:
            self.credit[e.company_id] = e

    def _companies_done(self) -> None:
        if self.pending_companies is None:
            return
        file_name, file_index = self.file_name, self.file_index
        companies_file = self.ids.files.get((self.reg_index, _KIND_INDEX["companies"]), "companies")
        contracts_file = self.ids.files.get((self.reg_index, _KIND_INDEX["contracts"]), "contracts")
        self.file_name, self.file_index = companies_file, _KIND_INDEX["companies"]
        for line, co in self.pending_companies:
            entry = self.credit.get(co.id)
            self._node(NodeKind.COMPANY, co.id, co.name, {
                "company_kind": co.kind, "synthetic": co.synthetic, **self._prov(line),
                "credit_list": entry.list if entry else None,
                "credit_date": _d(entry.date) if entry else None,
                "credit_reason": entry.reason if entry else None}, line)
        for line, k in self.pending_contracts:
            self._contract(line, contracts_file, k)
        self.file_name, self.file_index = file_name, file_index
        self.pending_companies = None
        self.pending_contracts = []

    def _cases(self, line: int, k: Case) -> None:
        keys = self.issue_keys
        if k.id in self.cases:
            raise RegistryError(self.file_name, line, "id", f"id {k.id!r} is used twice")
        self._id(line, k.id)
        self.cases[k.id] = len(self.case_dates)
        self.case_dates.append(k.opened.toordinal() << 21 | (k.closed.toordinal() if k.closed else 0))
        self.case_last.append(-1)
        if k.compound_id not in self.compounds and k.compound_id not in self.known_compounds:
            raise RegistryError(self.file_name, line, "compound_id", f"no compound with id {k.compound_id!r}")
        if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", k.issue) and k.issue not in keys:
            raise RegistryError(self.file_name, line, "issue", f"unknown issue type {k.issue!r}; known: "
                                f"{', '.join(sorted(keys))} (or write the issue as free text)")
        if k.outcome == "resolved" and k.resolved_level is None:
            raise RegistryError(self.file_name, line, "resolved_level",
                                "a resolved case needs the level that resolved it "
                                f"({', '.join(LEVELS)})")
        if k.outcome != "resolved" and k.resolved_level is not None:
            raise RegistryError(self.file_name, line, "resolved_level",
                                f"the case is {k.outcome}, not resolved")
        if k.outcome == "resolved" and k.closed is None:
            raise RegistryError(self.file_name, line, "closed",
                                "a resolved case needs the date it was closed")
        if k.outcome == "open" and k.closed is not None:
            raise RegistryError(self.file_name, line, "closed", "an open case has no closing date")
        if k.closed is not None and k.closed < k.opened:
            raise RegistryError(self.file_name, line, "closed",
                                f"closed {k.closed} before it was opened {k.opened}")
        if k.due is not None and k.due < k.opened:
            raise RegistryError(self.file_name, line, "due", f"due {k.due} before it was opened {k.opened}")
        key = k.issue if k.issue in keys else None
        prov = self._prov(line)
        self._node(NodeKind.CASE, k.id, k.id, {
            "compound_id": k.compound_id, "issue": key, "issue_text": None if key else k.issue,
            "channel": k.channel, "opened": _d(k.opened), "outcome": k.outcome,
            "resolved_level": k.resolved_level, "closed": _d(k.closed), "due": _d(k.due),
            "synthetic": k.synthetic, **prov}, line)
        self._edge(RelType.OPENED_IN, k.id, k.compound_id, prov)
        if key:
            self._edge(RelType.ABOUT, k.id, f"issue:{key}", prov)

    def _case_steps(self, line: int, st: CaseStep) -> None:
        where = (self.file_name, line)
        case = self.cases.get(st.case_id)
        if case is None:
            raise RegistryError(*where, "case_id", f"no case with id {st.case_id!r}")
        steps = self.steps
        for i in steps.of_case(self.case_last[case]):  # (a case has a few steps)
            if steps.order[i] == st.order:
                raise RegistryError(*where, "order", f"case {st.case_id!r} has a step {st.order} "
                                    f"already (line {steps.line[i]})")
        if st.level is None and st.body_id is None:
            raise RegistryError(*where, "level", "give the level or the body that took the step")
        if st.body_id is not None:
            if self.ids.of_registry(st.body_id, self.reg_index) == NodeKind.RESIDENT:
                raise RegistryError(*where, "body_id", "a step is taken by a body, not a person "
                                    "(cases never name residents)")
            body_level = self.levels.get(st.body_id)
            if body_level is None:
                raise RegistryError(*where, "body_id", f"no body with id {st.body_id!r} "
                                    "(an organization or company of the registry, or a unit or real "
                                    "body the graph holds)")
            if body_level not in LEVEL_ORDER:
                raise RegistryError(*where, "body_id", f"body {st.body_id!r} sits at {body_level} "
                                    "level; a case step is taken at a compound, community, street, "
                                    "county or city")
            if st.level is not None and st.level != body_level:
                raise RegistryError(*where, "level", f"body {st.body_id!r} sits at {body_level} "
                                    f"level, not {st.level}")
        dates = self.case_dates[case]
        opened = date.fromordinal(dates >> 21)
        closed = date.fromordinal(dates & 0x1FFFFF) if dates & 0x1FFFFF else None
        if st.start < opened:
            raise RegistryError(*where, "start", f"step starts {st.start}, before case "
                                f"{st.case_id!r} was opened ({opened})")
        if closed is not None and st.start > closed:
            raise RegistryError(*where, "start", f"step starts {st.start}, after case "
                                f"{st.case_id!r} was closed ({closed})")
        if st.end is not None and st.end < st.start:
            raise RegistryError(*where, "end", f"step ends {st.end}, before it starts {st.start}")
        if closed is not None and st.end is not None and st.end > closed:
            raise RegistryError(*where, "end", f"step ends {st.end}, after case "
                                f"{st.case_id!r} was closed ({closed})")
        body = -1 if st.body_id is None else self._name(st.body_id)
        self.case_last[case] = steps.add(st.order, st.start.toordinal(), line, body, self._name(st.action),
                                         self.case_last[case])
        level = st.level or self.levels[st.body_id or ""]
        prov = self._prov(line)
        node_id = st.node_id
        self._node(NodeKind.CASE_STEP, node_id, f"{st.case_id} step {st.order}", {
            "case_id": st.case_id, "order": st.order, "level": level,
            "level_given": st.level is not None, "body_id": st.body_id, "action": st.action,
            "start": _d(st.start), "end": _d(st.end), "synthetic": st.synthetic, **prov}, line)
        self._edge(RelType.HAS_STEP, st.case_id, node_id, {"step": st.order, **prov})
        if st.body_id:
            self._edge(RelType.TAKEN_BY, node_id, st.body_id, prov)

    def _name(self, name: str) -> int:
        n = self.name_ids.get(name)
        if n is None:
            n = self.name_ids[name] = len(self.names)
            self.names.append(name)
        return n

    def _case_steps_done(self) -> Iterator[RowChunk]:
        steps, names = self.steps, self.names
        for case_id, case in self.cases.items():
            ordered = sorted((steps.order[i], steps.start[i], steps.line[i])
                             for i in steps.of_case(self.case_last[case]))
            for (oa, sa, _), (ob, sb, line_b) in zip(ordered, ordered[1:], strict=False):
                if sb < sa:
                    raise RegistryError(self.file_name, line_b, "start",
                                        f"step {ob} of case {case_id!r} starts {date.fromordinal(sb)}, "
                                        f"before step {oa} ({date.fromordinal(sa)})")
        # One edge per case and body (its steps and actions in the order read, its
        # line the first step's), made once every step is known; in chunks, not one
        # chunk of every case's.
        cases, last = self.cases, self.case_last
        self.cases, self.case_dates, self.case_last, self.steps = {}, array("q"), array("i"), _Steps()
        made = 0
        for case_id, case in cases.items():
            handled: dict[str, tuple[int, list[int], list[str]]] = {}
            for i in reversed(steps.of_case(last[case])):  # in the order read
                by = steps.body[i]
                if by >= 0:
                    _, orders, actions = handled.setdefault(names[by], (steps.line[i], [], []))
                    orders.append(steps.order[i])
                    actions.append(names[steps.action[i]])
            for body, (line, orders, actions) in handled.items():
                self._edge(RelType.HANDLED_BY, case_id, body, {
                    "steps": orders, "actions": actions, **self._prov(line)})
                made += 1
                if made % self.chunk_rows == 0:
                    yield from self._flush()
