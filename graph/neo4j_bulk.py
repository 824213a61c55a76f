"""Neo4j's offline bulk importer for an empty database (`govgraph load --bulk`).

A load into an empty Neo4j does not need transactions: Neo4j's importer
(``neo4j-admin database import full``) builds the store files directly from CSV,
far faster than any driver can write. This module writes a load's plan (the
statements ``write_plan`` makes, so the graph is the one a driver load gives) as
the importer's CSV files, and, for the local server ``scripts/neo4j-server.sh``
runs, stops it, runs the importer from the same Maven jars (the class
``org.neo4j.cli.AdminTool`` is ``neo4j-admin``), and starts it again as it was
started. The store then creates its constraints and indexes as any load does.

For a Neo4j run elsewhere (Docker, Desktop) ``write_files_stream`` writes the
files as a streamed load is read, and ``command_for`` the command to run there
(docs/engines.md).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shlex
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .model import ENTITY_LABEL, GraphBatch, RelType, RowChunk
from .plan import GRAPH_STATE_LABEL, Statement, edge_plan, merge_edge_statements, node_plan
from .store import StoreError

LAUNCHER_CLASS = "govgraph.Neo4jLauncher"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
# Array elements are joined with a character no value holds (checked), not ';'.
ARRAY_DELIMITER = "\x1f"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
IMPORT_TIMEOUT_S = 6 * 3600
RESTART_TIMEOUT_S = 600


class BulkRefused(StoreError):
    """``--bulk`` cannot be used here (the database holds data, or is not a local
    server whose files the launcher manages); the message says what to do."""


# -- the import files ----------------------------------------------------------


def _type_of(value: Any) -> str | None:
    """The importer's type for a value (None: the value cannot be a CSV field)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list) and value:
        inner = {_type_of(v) for v in value}
        if len(inner) == 1 and (t := inner.pop()) in {"string", "long", "double", "boolean"}:
            return f"{t}[]"
    return None


def _field(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_field(v) for v in value)
    return str(value)


@dataclass
class ImportFiles:
    """CSV files for the importer: ``--nodes`` and ``--relationships`` groups."""

    directory: Path
    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)
    node_count: int = 0
    edge_count: int = 0
    # Whether an id or an edge key holds a line break: then the importer reads every
    # file in its multi-line mode, which cannot parse in parallel (twice as slow).
    multiline: bool = False
    # Values the importer cannot write, set after the import by ``later_statements``:
    # empty lists (it drops them) and text with line breaks (see ``multiline``), one
    # JSON record a line: ["n", id, property, value] or ["e", type, src, dst, key,
    # property, value].
    later: Path | None = None
    later_values: int = 0
    # Edges a later part of a streamed load gave again (their key), one JSON
    # [type, row] a line, merged onto the imported ones by ``merged_statements``.
    merged: Path | None = None

    def merged_statements(self, batch_rows: int = 5_000) -> Iterator[Statement]:
        """MERGE statements for the spilled edges, in the order they were given
        (so the last value of an edge given several times is the one kept)."""
        if self.merged is None:
            return
        rows: list[tuple[RelType, dict[str, Any]]] = []
        with self.merged.open(encoding="utf-8") as fh:
            for line in fh:
                rel, row = json.loads(line)
                rows.append((RelType(rel), row))
                if len(rows) >= batch_rows:
                    yield from merge_edge_statements(rows, batch_rows)
                    rows = []
        if rows:
            yield from merge_edge_statements(rows, batch_rows)

    def later_statements(self, batch_rows: int = 5_000) -> Iterator[tuple[str, dict[str, Any]]]:
        """Cypher (and parameters) that set the values the importer could not write,
        in batches, in the order they were given."""
        if self.later is None:
            return
        batch: list[list[Any]] = []
        with self.later.open(encoding="utf-8") as fh:
            for line in fh:
                batch.append(json.loads(line))
                if len(batch) >= batch_rows:
                    yield from _later_batch(batch)
                    batch = []
        if batch:
            yield from _later_batch(batch)

    def arguments(self, database: str, root: Path | None = None) -> list[str]:
        """The importer's arguments; file paths relative to ``root`` when given
        (a container that sees the directory elsewhere)."""

        def path(p: Path) -> str:
            return str(root / p.name) if root is not None else str(p)

        # The database first: --nodes and --relationships take every word after them.
        # The report of bad entries goes beside the files (by default: the working directory).
        args = ["database", "import", "full", database, "--overwrite-destination=true", "--id-type=string",
                f"--report-file={path(self.directory / 'import.report')}",
                f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--bad-tolerance=0",
                "--skip-duplicate-nodes=false", "--skip-bad-relationships=false"]
        if self.multiline:
            args.append("--multiline-fields=true")
        args += [f"--nodes={path(p)}" for p in self.nodes]
        args += [f"--relationships={path(p)}" for p in self.relationships]
        return args


def _later_batch(batch: list[list[Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[list[Any]]] = {}
    for rec in batch:
        if rec[0] == "n":
            groups.setdefault(("n", rec[2]), []).append([rec[1], rec[3]])
        else:
            groups.setdefault(("e", rec[1], rec[5]), []).append([rec[2], rec[3], rec[4], rec[6]])
    for key, rows in groups.items():
        if key[0] == "n":
            yield (f"UNWIND $rows AS r MATCH (n:{ENTITY_LABEL} {{id: r[0]}}) SET n.`{key[1]}` = r[1]",
                   {"rows": rows})
        else:
            yield (f"UNWIND $rows AS r MATCH (:{ENTITY_LABEL} {{id: r[0]}})-[e:`{key[1]}` "
                   f"{{key: r[2]}}]->(:{ENTITY_LABEL} {{id: r[1]}}) SET e.`{key[2]}` = r[3]",
                   {"rows": rows})


def _breaks(text: str) -> bool:
    return "\n" in text or "\r" in text


class _Group:
    """One CSV file of the importer: rows of one label (or type) and one set of
    property names and types (the header types each column once)."""

    __slots__ = ("path", "fh", "rows", "header", "signature")

    def __init__(self, path: Path, header: list[str], signature: tuple) -> None:
        self.path = path
        self.fh = path.open("w", newline="", encoding="utf-8")
        csv.writer(self.fh, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(header)
        self.rows: list[list[Any]] = []
        self.header = header
        self.signature = signature


def quoted_block(rows: list[list[Any]], columns: int) -> str | None:
    """``rows`` (of ``columns`` fields each: text, numbers) as the lines
    ``csv.writer(quoting=QUOTE_ALL, lineterminator="\\n")`` writes, every field
    quoted and its quotes doubled, made a block at a time (the csv module spends
    most of its time on each field's quoting). None when a field holds a line
    break or a NUL, which the block cannot tell from its separators."""
    body = "\n".join(["\x00".join(map(str, r)) for r in rows])
    if (body.count("\n") != len(rows) - 1 or "\r" in body
            or body.count("\x00") != len(rows) * (columns - 1)):
        return None
    return '"' + body.replace('"', '""').replace("\x00", '","').replace("\n", '"\n"') + '"\n'


class _Files:
    """The groups of one kind of file (nodes or relationships), by signature."""

    def __init__(self, directory: Path, prefix: str, fixed: list[str]) -> None:
        self.directory = directory
        self.prefix = prefix
        self.fixed = fixed
        self.groups: dict[tuple, _Group] = {}
        self.paths: list[Path] = []
        self.multiline = False

    def group(self, signature: tuple, props: list[tuple[str, str]],
              header: list[str] | None = None) -> _Group:
        """The group of ``signature`` (kind, label, its (property, type) pairs)."""
        g = self.groups.get(signature)
        if g is None:
            path = self.directory / f"{self.prefix}-{len(self.paths) + 1:04d}.csv"
            header = header or [*self.fixed, *(f"{_header_name(n)}:{t}" for n, t in props)]
            g = self.groups[signature] = _Group(path, header, signature)
            self.paths.append(path)
        return g

    def flush(self, later: Callable[[_Group, list[Any], list[int]], None] | None) -> None:
        """Write the rows the groups gathered, each group's as one block of CSV.
        A property with a line break in it would make the importer read every file
        in its slower multi-line mode (the block's line count tells): such a row
        goes to the group without that property, and the value to ``later``
        (None: it stays, and the files are read in multi-line mode)."""
        buf = io.StringIO()
        writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
        fixed = len(self.fixed)
        pending = [g for g in self.groups.values() if g.rows]
        while pending:
            for g in pending:
                rows, g.rows = g.rows, []
                text = quoted_block(rows, len(g.header))
                if text is None:  # a field with a line break (or a NUL): row by row
                    buf.seek(0)
                    buf.truncate()
                    writer.writerows(rows)
                    text = buf.getvalue()
                    keep = []
                    for row in rows:
                        bad = [i for i in range(fixed, len(row))
                               if isinstance(row[i], str) and _breaks(row[i])]
                        if bad and later is not None:
                            later(g, row, bad)
                        else:
                            keep.append(row)
                            if bad or any(isinstance(v, str) and _breaks(v) for v in row[:fixed]):
                                self.multiline = True  # (an id or key: no way around it)
                    buf.seek(0)
                    buf.truncate()
                    writer.writerows(keep)
                    text = buf.getvalue()
                g.fh.write(text)
            pending = [g for g in self.groups.values() if g.rows]

    def close(self) -> None:
        for g in self.groups.values():
            g.fh.close()


_BOOL = {True: "true", False: "false"}
# The importer's type of each value a column of the quick path holds; the csv
# module writes ints as str() does and floats as repr() does, which the importer
# reads back exactly. A list or any other value takes the path of ``_props``.
_SIMPLE: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean"}
_NONE = type(None)


def _getter(names: list[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    if len(names) > 1:
        return itemgetter(*names)
    if names:
        name = names[0]
        return lambda p: (p[name],)
    return lambda p: ()


NODE_COLUMNS = ["id:ID", ":LABEL"]
EDGE_COLUMNS = [":START_ID", ":END_ID", ":TYPE", "key:string"]


class ImportWriter:
    """Writes a load as the importer's CSV files while it is read: ``chunk`` (a
    streamed load's ``RowChunk``) or ``statements`` (``write_plan``'s), then
    ``generation`` and ``close``. Nothing is held but the rows of the chunk being
    written and the files' signatures; what the importer cannot write is spilled
    to files of its own and written after the import: the edges a later chunk
    merges onto an earlier one's (``ImportFiles.merged_statements``), empty lists
    and text with line breaks (``ImportFiles.later_statements``).

    Nodes carry the labels ``Entity`` and their kind and the property ``id``;
    edges their type and ``key``; the generation node its label and token. A
    property that is null is left out, as ``SET n += r.props`` leaves it out of a
    new node. Every field is quoted, so an empty string stays an empty string."""

    def __init__(self, directory: Path, *, defer_breaks: bool = True) -> None:
        """``defer_breaks``: text with line breaks is set after the import (False:
        it stays in the files, which the importer then reads in multi-line mode)."""
        directory.mkdir(parents=True, exist_ok=True)
        self.defer_breaks = defer_breaks
        self.files = ImportFiles(directory)
        self._nodes = _Files(directory, "nodes", NODE_COLUMNS)
        self._edges = _Files(directory, "relationships", EDGE_COLUMNS)
        # (label, property names, their types) -> (group, getter, positions of booleans),
        # or None: such rows take the slow path (lists, or values to refuse).
        self._specs: dict[tuple, tuple[_Group, Callable, tuple[int, ...]] | None] = {}
        self._labels: dict[str, str] = {}
        self._spill: dict[str, Any] = {}

    # -- what a load gives -------------------------------------------------------
    def chunk(self, chunk: RowChunk) -> tuple[int, int]:
        """Write a chunk's nodes and edges (duplicates within it merged as
        ``chunk_plan`` merges them: the first position, the last value); returns
        how many distinct nodes and edges it wrote (merged edges not counted)."""
        nodes: dict[str, tuple[str, dict[str, Any]]] = {}
        for kind, row in chunk.nodes:
            nodes[row["id"]] = (kind, row)
        edges: dict[str, tuple[str, dict[str, Any]]] = {}
        for rel, row in chunk.edges:
            edges[row["key"]] = (rel, row)
        self._write_nodes(nodes.values())
        self._write_edges(edges.values())
        if chunk.merged:
            self.merged(chunk.merged)
        return len(nodes), len(edges)

    def statements(self, plan: Iterable[Statement]) -> None:
        """Write ``write_plan``'s statements (nodes, edges, the generation stamp)."""
        for st in plan:
            if st.phase == "node":
                self._write_nodes((st.label, r) for r in st.params["rows"])
            elif st.phase == "edge" and st.label:
                self._write_edges((st.label, r) for r in st.params["rows"])
            elif st.phase == "edge":
                self.merged((st.label, r) for r in st.params["rows"])
            elif st.phase == "state":
                self.generation(st.params["generation"])
            else:
                raise StoreError(f"bulk import: a statement of no known phase: {st.cypher[:60]}")

    def merged(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Edges an earlier part of the load gave too (their key): merged onto it
        after the import, as a driver load merges them."""
        for rel, row in rows:
            self._write("merged", [str(rel), row])

    def generation(self, token: str) -> None:
        # The generation token: the one node outside Entity (its own id space).
        g = self._nodes.group(("state",), [], ["id:ID(graph-state)", ":LABEL", "generation:string"])
        g.rows.append(["state", GRAPH_STATE_LABEL, token])
        self._nodes.flush(self._later if self.defer_breaks else None)

    def fold_merged(self) -> int:
        """For an import run elsewhere, after which nothing is merged: the edges a
        later chunk gave again (spilled by ``merged``) are written into the files
        with their last value, in place of the row first written for each (and of
        its values spilled to ``later``), as a whole plan merges duplicates. Holds
        the merged edges (their last rows) and one file's row at a time; rewrites
        the files of their types only. Returns how many edges were folded."""
        fh = self._spill.pop("merged", None)
        if fh is None:
            return 0
        fh.close()
        path = self._spill_path("merged")
        last: dict[str, tuple[str, dict[str, Any]]] = {}
        with path.open(encoding="utf-8") as src:
            for line in src:
                rel, row = json.loads(line)
                last[row["key"]] = (rel, row)
        path.unlink()
        types = {rel for rel, _ in last.values()}
        at = EDGE_COLUMNS.index("key:string")
        for g in self._edges.groups.values():
            if g.signature[1] in types:
                g.fh.close()
                _drop_rows(g.path, lambda r: r[at] in last, header=True)
                g.fh = g.path.open("a", newline="", encoding="utf-8")
        later = self._spill.pop("later", None)
        if later is not None:
            later.close()
            self.files.later_values -= _drop_lines(
                self._spill_path("later"), lambda rec: rec[0] == "e" and rec[4] in last)
            self._spill["later"] = self._spill_path("later").open("a", encoding="utf-8")
        edges = self.files.edge_count
        self._write_edges(last.values())
        self.files.edge_count = edges  # each was counted when first written
        return len(last)

    def close(self) -> ImportFiles:
        self._nodes.close()
        self._edges.close()
        for fh in self._spill.values():
            fh.close()
        files = self.files
        files.nodes, files.relationships = self._nodes.paths, self._edges.paths
        files.multiline = self._nodes.multiline or self._edges.multiline
        if "merged" in self._spill:
            files.merged = self._spill_path("merged")
        if "later" in self._spill:
            files.later = self._spill_path("later")
        return files

    # -- what waits for the import -------------------------------------------------
    def _spill_path(self, what: str) -> Path:
        return self.files.directory / f"{what}.jsonl"

    def _write(self, what: str, record: list[Any]) -> None:
        fh = self._spill.get(what)
        if fh is None:
            fh = self._spill[what] = self._spill_path(what).open("w", encoding="utf-8")
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        if what == "later":
            self.files.later_values += 1

    def _later(self, group: _Group, row: list[Any], bad: list[int]) -> None:
        """A row with text that holds a line break: the text is set after the
        import, the row goes to the group without those properties."""
        kind, label, props = group.signature
        for i in bad:
            name, type_ = group.header[i].rsplit(":", 1)
            value = row[i].split(ARRAY_DELIMITER) if type_ == "string[]" else row[i]
            self._later_value(kind, row, name, value)
        skip = {i - len(group.header) + len(props) for i in bad}
        rest = [p for j, p in enumerate(props) if j not in skip]
        files = self._nodes if kind == "node" else self._edges
        files.group((kind, label, tuple(rest)), rest).rows.append(
            [v for i, v in enumerate(row) if i not in bad])

    def _later_value(self, kind: str, row: list[Any], name: str, value: Any) -> None:
        if kind == "node":
            self._write("later", ["n", row[0], name, value])
        else:
            self._write("later", ["e", row[2], row[0], row[1], row[3], name, value])

    # -- the rows ---------------------------------------------------------------
    def _spec(self, kind: str, label: str, names: tuple[str, ...], types: tuple[type, ...],
              skip: str) -> tuple[_Group, Callable, tuple[int, ...]] | None:
        if any(t not in _SIMPLE and t is not _NONE for t in types):
            return None
        cols = sorted((n, _SIMPLE[t]) for n, t in zip(names, types, strict=True)
                      if t is not _NONE and n != skip)
        files = self._nodes if kind == "node" else self._edges
        group = files.group((kind, label, tuple(cols)), cols)
        first = len(files.fixed)
        bools = tuple(first + i for i, (_, t) in enumerate(cols) if t == "boolean")
        return group, _getter([n for n, _ in cols]), bools

    def _slow(self, kind: str, label: str, props: dict[str, Any], fixed: list[Any]) -> None:
        """A row with lists (or values to refuse): typed one value at a time."""
        where = f"node {fixed[0]!r}" if kind == "node" else f"edge {fixed[3]!r}"
        later: list[tuple[str, Any]] = []
        skip = "id" if kind == "node" else "key"
        cols = [p for p in _props(props, where, later, self.defer_breaks) if p[0] != skip]
        files = self._nodes if kind == "node" else self._edges
        group = files.group((kind, label, tuple((n, t) for n, t, _ in cols)),
                            [(n, t) for n, t, _ in cols])
        group.rows.append([*fixed, *(v for _, _, v in cols)])
        for name, value in later:
            self._later_value(kind, fixed, name, value)

    def _write_nodes(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        specs = self._specs
        labels = self._labels
        n = 0
        for kind, r in rows:
            props = r["props"]
            key = (kind, tuple(props), tuple(map(type, props.values())))
            try:
                spec = specs[key]
            except KeyError:
                spec = specs[key] = self._spec("node", kind, key[1], key[2], "id")
            try:
                label = labels[kind]
            except KeyError:
                label = labels[kind] = f"{ENTITY_LABEL}{ARRAY_DELIMITER}{kind}"
            if spec is not None:
                group, get, bools = spec
                row = [r["id"], label, *get(props)]
                for i in bools:
                    row[i] = _BOOL[row[i]]
                group.rows.append(row)
            else:
                self._slow("node", kind, props, [r["id"], label])
            n += 1
        self.files.node_count += n
        self._nodes.flush(self._later if self.defer_breaks else None)

    def _write_edges(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        specs = self._specs
        n = 0
        for rel, r in rows:
            props = r["props"]
            key = (rel, tuple(props), tuple(map(type, props.values())))
            try:
                spec = specs[key]
            except KeyError:
                spec = specs[key] = self._spec("edge", rel, key[1], key[2], "key")
            if spec is not None:
                group, get, bools = spec
                row = [r["src"], r["dst"], rel, r["key"], *get(props)]
                for i in bools:
                    row[i] = _BOOL[row[i]]
                group.rows.append(row)
            else:
                self._slow("edge", rel, props, [r["src"], r["dst"], rel, r["key"]])
            n += 1
        self.files.edge_count += n
        self._edges.flush(self._later if self.defer_breaks else None)


def _drop_rows(path: Path, drop: Callable[[list[str]], bool], header: bool) -> int:
    """Rewrite a CSV file of ours without the rows ``drop`` picks (the header kept);
    returns how many were dropped. Every field was written quoted, as text: read
    back and written again the same way, a kept row is the same text."""
    tmp = path.with_name(path.name + ".tmp")
    dropped = 0
    with path.open(newline="", encoding="utf-8") as src, \
            tmp.open("w", newline="", encoding="utf-8") as dst:
        reader = csv.reader(src)
        writer = csv.writer(dst, quoting=csv.QUOTE_ALL, lineterminator="\n")
        if header:
            writer.writerow(next(reader))
        for row in reader:
            if drop(row):
                dropped += 1
            else:
                writer.writerow(row)
    tmp.replace(path)
    return dropped


def _drop_lines(path: Path, drop: Callable[[list[Any]], bool]) -> int:
    """Rewrite a JSON-lines spill file without the records ``drop`` picks."""
    tmp = path.with_name(path.name + ".tmp")
    dropped = 0
    with path.open(encoding="utf-8") as src, tmp.open("w", encoding="utf-8") as dst:
        for line in src:
            if drop(json.loads(line)):
                dropped += 1
            else:
                dst.write(line)
    tmp.replace(path)
    return dropped


def _props(props: dict[str, Any], where: str, later: list[tuple[str, Any]],
           defer_breaks: bool = True) -> list[tuple[str, str, str]]:
    """(name, type, field) for each property that is set; refuses what the importer
    cannot carry exactly (a value holding the array delimiter). The importer drops
    an empty array, and text with a line break would slow every file down: those
    go to ``later`` as (name, value), set after the import."""
    out = []
    for name, value in sorted(props.items()):
        if value is None:
            continue  # SET n += {x: null} sets nothing on a new node
        if isinstance(value, list) and not value:
            later.append((_header_name(name), value))
            continue
        kind = _type_of(value)
        if kind is None:
            raise BulkRefused(f"{where}: property {name!r} = {value!r} cannot be bulk-imported "
                              "exactly; load without --bulk")
        text = _field(value)
        if isinstance(value, list) and any(ARRAY_DELIMITER in _field(v) for v in value):
            raise BulkRefused(f"{where}: property {name!r} holds the array delimiter U+001F; "
                              "load without --bulk")
        if defer_breaks and kind.startswith("string") and _breaks(text):
            later.append((_header_name(name), value))
            continue
        out.append((name, kind, text))
    return out


def _header_name(name: str) -> str:
    if ":" in name or "`" in name or _breaks(name):
        raise BulkRefused(f"property name {name!r} cannot be a CSV header of the importer")
    return name


def write_import_files(plan: Iterable[Statement], directory: Path, *,
                       defer_breaks: bool = True) -> ImportFiles:
    """Write ``plan`` (``write_plan``'s statements: nodes, edges, the generation
    stamp) as the importer's CSV files in ``directory`` (see ``ImportWriter``)."""
    writer = ImportWriter(directory, defer_breaks=defer_breaks)
    try:
        writer.statements(plan)
    finally:
        files = writer.close()
    return files


def write_files_stream(chunks: Iterable[RowChunk], directory: Path, generation: str, *,
                       persons: Callable[[list[Any]], Any] | None = None,
                       defer_breaks: bool = False, fold_merged: bool = True) -> ImportFiles:
    """A streamed load's chunks (each checked as it is made) as the importer's
    files: each chunk is written as it comes, so what is held does not grow with
    the load; its persons go to ``persons`` (never to the files). For an import
    run elsewhere (``load --bulk-files``) the edges a later chunk gave again are
    folded into the files (``ImportWriter.fold_merged``): nothing is merged after
    such an import; ``load --bulk`` merges them after its import instead
    (``fold_merged=False``, ``ImportFiles.merged_statements``). Then the
    generation stamp. The files equal ``plan_files`` of the whole load's batch,
    up to the order of their rows and groups; their counts are the distinct
    nodes and edges written. A failure leaves the files written so far: see
    ``restored_on_failure``."""
    writer = ImportWriter(directory, defer_breaks=defer_breaks)
    try:
        for chunk in chunks:
            if chunk.persons and persons is not None:
                persons(chunk.persons)
            writer.chunk(chunk)
            del chunk  # (not held while the next is made)
        if fold_merged:
            writer.fold_merged()
        writer.generation(generation)
    finally:
        files = writer.close()
    return files


@contextlib.contextmanager
def restored_on_failure(directory: Path) -> Iterator[None]:
    """The directory as it was when the block raises: removed if the block made
    it (with the parents it made), else rid of the entries the block added."""
    directory = Path(directory).absolute()
    made: Path | None = None
    at = directory
    while not at.exists():
        made, at = at, at.parent
    before = set() if made is not None else {p.name for p in directory.iterdir()}
    try:
        yield
    except BaseException:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)
        elif directory.is_dir():
            for p in directory.iterdir():
                if p.name not in before:
                    if p.is_dir() and not p.is_symlink():
                        shutil.rmtree(p, ignore_errors=True)
                    else:
                        p.unlink(missing_ok=True)
        raise


def plan_files(batch: GraphBatch, directory: Path, *, defer_breaks: bool = True) -> ImportFiles:
    """The batch's write plan as import files."""
    return write_import_files([*node_plan(batch), *edge_plan(batch)], directory,
                              defer_breaks=defer_breaks)


# -- the local server -------------------------------------------------------------


@dataclass
class LocalServer:
    """A Neo4j that ``scripts/neo4j-server.sh`` started on this machine: what it
    takes to stop it, run the importer on its files and start it as it was."""

    home: Path
    pid: int
    java: str
    jvm_options: list[str]
    classpath: str
    environ: dict[str, str]
    script: Path

    def admin(self, args: list[str], log: Path) -> None:
        env = {**self.environ, "NEO4J_HOME": str(self.home)}
        extra = self.home / "govgraph-extra.conf"
        if extra.exists() and args[:3] == ["database", "import", "full"]:
            args = [*args[:3], f"--additional-config={extra}", *args[3:]]
        with log.open("w") as out:
            res = subprocess.run([self.java, *self.jvm_options, "-cp", self.classpath, ADMIN_CLASS,
                                  *args], env=env, stdout=out, stderr=subprocess.STDOUT,
                                 timeout=IMPORT_TIMEOUT_S, check=False)
        if res.returncode != 0:
            tail = log.read_text("utf-8", "replace")[-3000:]
            raise StoreError(f"Neo4j's importer failed (exit {res.returncode}); its output "
                             f"ends:\n{tail}")

    def _script(self, command: str) -> None:
        env = {**self.environ, "GOVGRAPH_NEO4J_HOME": str(self.home)}
        res = subprocess.run(["bash", str(self.script), command], env=env, capture_output=True,
                             text=True, timeout=RESTART_TIMEOUT_S, check=False)
        if res.returncode != 0:
            raise StoreError(f"{self.script} {command} failed: {res.stderr[-2000:] or res.stdout[-2000:]}")

    def stop(self) -> None:
        self._script("stop")

    def start(self) -> None:
        self._script("start")


def _proc(pid: int, what: str) -> list[str]:
    try:
        return Path(f"/proc/{pid}/{what}").read_bytes().decode("utf-8", "replace").split("\0")
    except OSError:
        return []


def local_server(uri: str, home: str | None) -> LocalServer:
    """The launcher-run server behind ``uri``, whose home the server reported as
    ``home``; refuses (``BulkRefused``) anything else, saying why."""
    host = urlsplit(uri).hostname or ""
    elsewhere = ("write the import files with `govgraph load --bulk-files DIR` and run the "
                 "importer where that Neo4j keeps its files (docs/engines.md)")
    if host not in LOCAL_HOSTS:
        raise BulkRefused(f"--bulk runs Neo4j's importer on the server's own files, and {uri} is "
                          f"not on this machine: {elsewhere}")
    if not home:
        raise BulkRefused(f"the Neo4j at {uri} did not say where its files are: {elsewhere}")
    home_dir = Path(home)
    pid_file = home_dir / "neo4j.pid"
    try:
        pid = int(pid_file.read_text().strip())
    except (OSError, ValueError):
        raise BulkRefused(f"the Neo4j at {uri} (home {home_dir}) was not started by "
                          f"scripts/neo4j-server.sh (no {pid_file}): {elsewhere}") from None
    argv = [a for a in _proc(pid, "cmdline") if a]
    if LAUNCHER_CLASS not in argv or "-cp" not in argv:
        raise BulkRefused(f"the process in {pid_file} ({pid}) is not the govgraph Neo4j launcher "
                          f"(not running, or another user's): {elsewhere}")
    at = argv.index("-cp")
    classpath = argv[at + 1]
    jar = Path(classpath.split(":")[0])
    script = jar.parent.parent.parent / "scripts" / "neo4j-server.sh"
    if not script.exists():
        raise BulkRefused(f"cannot find scripts/neo4j-server.sh beside the launcher's jar {jar}")
    environ = dict(kv.split("=", 1) for kv in _proc(pid, "environ") if "=" in kv)
    return LocalServer(home=home_dir, pid=pid, java=argv[0], jvm_options=argv[1:at],
                       classpath=classpath, environ=environ or dict(os.environ), script=script)


def import_into_local(server: LocalServer, files: ImportFiles, database: str,
                      log: Callable[[str], None] | None = None) -> dict[str, float]:
    """Stop the server, run the importer on ``files``, start the server again
    (also when the import fails); returns the seconds of each step (stop,
    import, start)."""
    say = log or (lambda m: None)
    say(f"stopping Neo4j (pid {server.pid}, home {server.home})")
    took: dict[str, float] = {}
    t0 = time.perf_counter()
    server.stop()
    took["stop"] = time.perf_counter() - t0
    try:
        say(f"importing {files.node_count} nodes and {files.edge_count} relationships "
            "(neo4j-admin database import full)")
        t0 = time.perf_counter()
        server.admin(files.arguments(database), files.directory / "import.log")
        took["import"] = time.perf_counter() - t0
    finally:
        say("starting Neo4j")
        t0 = time.perf_counter()
        server.start()
        took["start"] = time.perf_counter() - t0
    return took


def command_for(files: ImportFiles, database: str, root: str | None = None) -> str:
    """The importer command a user runs elsewhere (``root``: where that machine or
    container sees the files' directory)."""
    args = files.arguments(database, Path(root) if root else None)
    return "neo4j-admin " + " ".join(shlex.quote(a) for a in args)


def temporary_directory(base: Path | None) -> tempfile.TemporaryDirectory[str]:
    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(prefix="govgraph-bulk-", dir=base)
