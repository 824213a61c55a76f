"""Neo4j's offline bulk importer for an empty database (`govgraph load --bulk`).

A load into an empty Neo4j does not need transactions: Neo4j's importer
(``neo4j-admin database import full``) builds the store files directly from CSV,
far faster than any driver can write. This module writes a load's plan (the
statements ``write_plan`` makes, so the graph is the one a driver load gives) as
the importer's CSV files, and, for the local server ``scripts/neo4j-server.sh``
runs, stops it, runs the importer from the same Maven jars (the class
``org.neo4j.cli.AdminTool`` is ``neo4j-admin``), and starts it again as it was
started. The store then creates its constraints and indexes as any load does.

For a Neo4j run elsewhere (Docker, Desktop) ``write_import_files`` writes the
files and the command to run there (docs/engines.md).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
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
    multiline: bool = False
    # Empty lists the importer cannot write: (node id, property) and (edge type,
    # src, dst, key, property), set by ``empty_list_statements`` after the import.
    empty_node_lists: list[tuple[str, str]] = field(default_factory=list)
    empty_edge_lists: list[tuple[str, str, str, str, str]] = field(default_factory=list)
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

    def empty_list_statements(self) -> list[tuple[str, dict[str, Any]]]:
        """Cypher (and parameters) that give the imported graph its empty lists."""
        out: list[tuple[str, dict[str, Any]]] = []
        by_name: dict[str, list[str]] = {}
        for id_, name in self.empty_node_lists:
            by_name.setdefault(name, []).append(id_)
        for name, ids in sorted(by_name.items()):
            out.append((f"UNWIND $ids AS id MATCH (n:{ENTITY_LABEL} {{id: id}}) SET n.`{name}` = []",
                        {"ids": ids}))
        by_edge: dict[tuple[str, str], list[list[str]]] = {}
        for rel, src, dst, key, name in self.empty_edge_lists:
            by_edge.setdefault((rel, name), []).append([src, dst, key])
        for (rel, name), rows in sorted(by_edge.items()):
            out.append((f"UNWIND $rows AS r MATCH (:{ENTITY_LABEL} {{id: r[0]}})-[e:`{rel}` "
                        f"{{key: r[2]}}]->(:{ENTITY_LABEL} {{id: r[1]}}) SET e.`{name}` = []",
                        {"rows": rows}))
        return out

    def arguments(self, database: str, root: Path | None = None) -> list[str]:
        """The importer's arguments; file paths relative to ``root`` when given
        (a container that sees the directory elsewhere)."""

        def path(p: Path) -> str:
            return str(root / p.name) if root is not None else str(p)

        # The database first: --nodes and --relationships take every word after them.
        args = ["database", "import", "full", database, "--overwrite-destination=true", "--id-type=string",
                f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--bad-tolerance=0",
                "--skip-duplicate-nodes=false", "--skip-bad-relationships=false"]
        if self.multiline:
            args.append("--multiline-fields=true")
        args += [f"--nodes={path(p)}" for p in self.nodes]
        args += [f"--relationships={path(p)}" for p in self.relationships]
        return args


class _Group:
    """One CSV file of the importer: rows of one label (or type) and one set of
    property names and types (the header types each column once)."""

    __slots__ = ("fh", "rows")

    def __init__(self, path: Path, header: list[str]) -> None:
        self.fh = path.open("w", newline="", encoding="utf-8")
        csv.writer(self.fh, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(header)
        self.rows: list[list[Any]] = []


class _Files:
    """The groups of one kind of file (nodes or relationships), by signature."""

    def __init__(self, directory: Path, prefix: str) -> None:
        self.directory = directory
        self.prefix = prefix
        self.groups: dict[tuple, _Group] = {}
        self.paths: list[Path] = []
        self.multiline = False

    def group(self, signature: tuple, header: Callable[[], list[str]]) -> _Group:
        g = self.groups.get(signature)
        if g is None:
            path = self.directory / f"{self.prefix}-{len(self.paths) + 1:04d}.csv"
            g = self.groups[signature] = _Group(path, header())
            self.paths.append(path)
        return g

    def flush(self) -> None:
        """Write the rows the groups gathered: each group's as one block of CSV
        (a field with a line break in it makes the importer read every file in
        its slower multi-line mode: the block's line count tells)."""
        buf = io.StringIO()
        writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for g in self.groups.values():
            if not g.rows:
                continue
            buf.seek(0)
            buf.truncate()
            writer.writerows(g.rows)
            text = buf.getvalue()
            if not self.multiline and (text.count("\n") != len(g.rows) or "\r" in text):
                self.multiline = True
            g.fh.write(text)
            g.rows = []

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


class ImportWriter:
    """Writes a load as the importer's CSV files while it is read: ``chunk`` (a
    streamed load's ``RowChunk``) or ``statements`` (``write_plan``'s), then
    ``generation`` and ``close``. Nothing is held but the rows of the chunk being
    written, the files' signatures and what the importer cannot write itself:
    the empty lists, and the edges a later chunk merges onto an earlier one's
    (``merged``: spilled to a file, replayed after the import by ``merged_batches``).

    Nodes carry the labels ``Entity`` and their kind and the property ``id``;
    edges their type and ``key``; the generation node its label and token. A
    property that is null is left out, as ``SET n += r.props`` leaves it out of a
    new node. Every field is quoted, so an empty string stays an empty string."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.files = ImportFiles(directory)
        self._nodes = _Files(directory, "nodes")
        self._edges = _Files(directory, "relationships")
        # (label, property names, their types) -> (group, getter, positions of booleans),
        # or None: such rows take the slow path (lists, or values to refuse).
        self._specs: dict[tuple, tuple[_Group, Callable, tuple[int, ...]] | None] = {}
        self._merged_path = directory / "merged-edges.jsonl"
        self._merged: Any = None
        self.merged_edges = 0

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
        if self._merged is None:
            self._merged = self._merged_path.open("w", encoding="utf-8")
        for rel, row in rows:
            self._merged.write(json.dumps([str(rel), row], ensure_ascii=False) + "\n")
            self.merged_edges += 1

    def generation(self, token: str) -> None:
        # The generation token: the one node outside Entity (its own id space).
        g = self._nodes.group(("state",), lambda: ["id:ID(graph-state)", ":LABEL", "generation:string"])
        g.rows.append(["state", GRAPH_STATE_LABEL, token])
        self._nodes.flush()

    def close(self) -> ImportFiles:
        self._nodes.close()
        self._edges.close()
        if self._merged is not None:
            self._merged.close()
        files = self.files
        files.nodes, files.relationships = self._nodes.paths, self._edges.paths
        files.multiline = self._nodes.multiline or self._edges.multiline
        files.merged = self._merged_path if self._merged is not None else None
        return files

    # -- the rows ---------------------------------------------------------------
    def _spec(self, kind: str, label: str, names: tuple[str, ...], types: tuple[type, ...],
              fixed: list[str], skip: str) -> tuple[_Group, Callable, tuple[int, ...]] | None:
        if any(t not in _SIMPLE and t is not _NONE for t in types):
            return None
        cols = sorted((n, _SIMPLE[t]) for n, t in zip(names, types, strict=True)
                      if t is not _NONE and n != skip)
        props = [(n, t, "") for n, t in cols]
        files = self._nodes if kind == "node" else self._edges
        group = files.group((kind, label, tuple(cols)), partial(_header, fixed, props))
        first = len(fixed)
        bools = tuple(first + i for i, (_, t) in enumerate(cols) if t == "boolean")
        return group, _getter([n for n, _ in cols]), bools

    def _write_nodes(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        specs = self._specs
        files = self.files
        fixed = ["id:ID", ":LABEL"]
        n = 0
        for kind, r in rows:
            props = r["props"]
            key = (kind, tuple(props), tuple(map(type, props.values())))
            try:
                spec = specs[key]
            except KeyError:
                spec = specs[key] = self._spec("node", kind, key[1], key[2], fixed, "id")
            label = f"{ENTITY_LABEL}{ARRAY_DELIMITER}{kind}"
            if spec is not None:
                group, get, bools = spec
                row = [r["id"], label, *get(props)]
                for i in bools:
                    row[i] = _BOOL[row[i]]
            else:
                empty: list[str] = []
                slow = [p for p in _props(props, f"node {r['id']!r}", empty) if p[0] != "id"]
                files.empty_node_lists.extend((r["id"], name) for name in empty)
                group = self._nodes.group(("node", kind, tuple((n_, t) for n_, t, _ in slow)),
                                          partial(_header, fixed, slow))
                row = [r["id"], label, *(v for _, _, v in slow)]
            group.rows.append(row)
            n += 1
        files.node_count += n
        self._nodes.flush()

    def _write_edges(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        specs = self._specs
        files = self.files
        fixed = [":START_ID", ":END_ID", ":TYPE", "key:string"]
        n = 0
        for rel, r in rows:
            props = r["props"]
            key = (rel, tuple(props), tuple(map(type, props.values())))
            try:
                spec = specs[key]
            except KeyError:
                spec = specs[key] = self._spec("edge", rel, key[1], key[2], fixed, "key")
            if spec is not None:
                group, get, bools = spec
                row = [r["src"], r["dst"], rel, r["key"], *get(props)]
                for i in bools:
                    row[i] = _BOOL[row[i]]
            else:
                empty: list[str] = []
                slow = [p for p in _props(props, f"edge {r['key']!r}", empty) if p[0] != "key"]
                files.empty_edge_lists.extend((rel, r["src"], r["dst"], r["key"], name)
                                              for name in empty)
                group = self._edges.group(("edge", rel, tuple((n_, t) for n_, t, _ in slow)),
                                          partial(_header, fixed, slow))
                row = [r["src"], r["dst"], rel, r["key"], *(v for _, _, v in slow)]
            group.rows.append(row)
            n += 1
        files.edge_count += n
        self._edges.flush()


def _props(props: dict[str, Any], where: str, empty: list[str]) -> list[tuple[str, str, str]]:
    """(name, type, field) for each property that is set; refuses what the importer
    cannot carry exactly (a value holding the array delimiter). The importer drops
    an empty array: the names of empty lists go to ``empty``, set after the import."""
    out = []
    for name, value in sorted(props.items()):
        if value is None:
            continue  # SET n += {x: null} sets nothing on a new node
        if isinstance(value, list) and not value:
            empty.append(_header_name(name))
            continue
        kind = _type_of(value)
        if kind is None:
            raise BulkRefused(f"{where}: property {name!r} = {value!r} cannot be bulk-imported "
                              "exactly; load without --bulk")
        text = _field(value)
        if isinstance(value, list) and any(ARRAY_DELIMITER in _field(v) for v in value):
            raise BulkRefused(f"{where}: property {name!r} holds the array delimiter U+001F; "
                              "load without --bulk")
        out.append((name, kind, text))
    return out


def _header_name(name: str) -> str:
    if ":" in name or "`" in name:
        raise BulkRefused(f"property name {name!r} cannot be a CSV header of the importer")
    return name


def _header(fixed: list[str], props: list[tuple[str, str, str]]) -> list[str]:
    return [*fixed, *(f"{_header_name(n)}:{t}" for n, t, _ in props)]


def write_import_files(plan: Iterable[Statement], directory: Path) -> ImportFiles:
    """Write ``plan`` (``write_plan``'s statements: nodes, edges, the generation
    stamp) as the importer's CSV files in ``directory`` (see ``ImportWriter``)."""
    writer = ImportWriter(directory)
    try:
        writer.statements(plan)
    finally:
        files = writer.close()
    return files


def plan_files(batch: GraphBatch, directory: Path) -> ImportFiles:
    """The batch's write plan as import files."""
    return write_import_files([*node_plan(batch), *edge_plan(batch)], directory)


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
