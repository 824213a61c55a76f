"""The bulk importer's files and refusals, without a server (issue 31). That an
import equals a driver load is shown on a real Neo4j in tests/engine/test_neo4j_bulk.py."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest
from click.testing import CliRunner
from govgraph.graph.model import Edge, GraphBatch, Node, NodeKind, PersonRecord, RelType
from govgraph.graph.neo4j_bulk import (
    ARRAY_DELIMITER,
    BulkRefused,
    ImportFiles,
    ImportWriter,
    command_for,
    local_server,
    plan_files,
    quoted_block,
)
from govgraph.graph.personal import PersonalStore, personal_file
from govgraph.loaders.pipeline import plan_load, plan_stream
from govgraph.loaders.registry import RegistryError
from helpers import REGISTRY, city_across_chunks, city_with_a_late_bad_row, examples
from hypothesis import given, settings
from hypothesis import strategies as st

from govgraph.cli import main
from govgraph.usecases import write_bulk_files


def _rows(path):
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _batch():
    return GraphBatch(
        nodes=[Node(id="a", kind=NodeKind.COMMITTEE, name="甲,\"乙\"", props={
                   "n": 3, "f": 0.1, "t": True, "s": "", "l": ["x;y", "z"], "e": [], "z": None}),
               Node(id="b", kind=NodeKind.COMMITTEE, name="丙", props={"n": "three"}),
               Node(id="c", kind=NodeKind.COMMITTEE, name="丁", props={"n": "一\r\n二"})],
        edges=[Edge(type=RelType.LEADS, src="a", dst="b", props={"since": "2020", "w": ["1\n2"]})])


def test_files_type_each_column_and_keep_values_exact(tmp_path):
    files = plan_files(_batch(), tmp_path)
    assert (files.node_count, files.edge_count) == (3, 1)
    # One file per kind and property types: "n" is a long on one node, a string on the other.
    headers = {tuple(_rows(p)[0]): _rows(p)[1:] for p in files.nodes}
    a = headers[("id:ID", ":LABEL", "f:double", "kind:string", "l:string[]", "n:long", "name:string",
                 "s:string", "t:boolean")]
    assert a == [["a", f"Entity{ARRAY_DELIMITER}Committee", "0.1", "Committee",
                  f"x;y{ARRAY_DELIMITER}z", "3", "甲,\"乙\"", "", "true"]]
    assert headers[("id:ID", ":LABEL", "kind:string", "n:string", "name:string")] == [
        ["b", f"Entity{ARRAY_DELIMITER}Committee", "Committee", "three", "丙"]]
    assert ("id:ID(graph-state)", ":LABEL", "generation:string") in headers
    # Text with line breaks would put the importer in its slower multi-line mode for
    # every file: it is set after the import, as are empty lists (the importer drops them).
    assert not files.multiline
    assert headers[("id:ID", ":LABEL", "kind:string", "name:string")] == [
        ["c", f"Entity{ARRAY_DELIMITER}Committee", "Committee", "丁"]]
    [rels] = files.relationships
    assert _rows(rels) == [[":START_ID", ":END_ID", ":TYPE", "key:string", "since:string"],
                           ["a", "b", "LEADS", "LEADS|a|b|since=2020", "2020"]]
    later = [json.loads(line) for line in files.later.read_text("utf-8").splitlines()]
    assert sorted(later) == sorted([["n", "a", "e", []], ["n", "c", "n", "一\r\n二"],
                                    ["e", "LEADS", "a", "b", "LEADS|a|b|since=2020", "w", ["1\n2"]]])
    statements = list(files.later_statements())
    assert len(statements) == 3 and all(st[1]["rows"] for st in statements)
    args = files.arguments("neo4j")
    assert args[:4] == ["database", "import", "full", "neo4j"]
    assert "--bad-tolerance=0" in args and "--multiline-fields=true" not in args
    assert "--array-delimiter=U+001F" in args


def test_files_for_an_import_elsewhere_keep_line_breaks(tmp_path):
    """`--bulk-files`: nothing can be set after an import run elsewhere, so the text
    keeps its line breaks (the importer reads the files in multi-line mode)."""
    files = plan_files(_batch(), tmp_path, defer_breaks=False)
    assert files.multiline and "--multiline-fields=true" in files.arguments("neo4j")
    [rels] = files.relationships
    assert _rows(rels)[1] == ["a", "b", "LEADS", "LEADS|a|b|since=2020", "2020", "1\n2"]
    nodes = [r for p in files.nodes for r in _rows(p)[1:]]
    assert ["c", f"Entity{ARRAY_DELIMITER}Committee", "Committee", "一\r\n二", "丁"] in nodes
    assert [json.loads(line) for line in files.later.read_text("utf-8").splitlines()] == [
        ["n", "a", "e", []]]


def _graph(files):
    """What import files say: nodes by id, edges by key, each a dict of the
    columns (header: text) of its row."""
    nodes, edges = {}, {}
    for p in files.nodes:
        header, *rows = _rows(p)
        for r in rows:
            nodes[r[0]] = dict(zip(header[1:], r[1:], strict=True))
    for p in files.relationships:
        header, *rows = _rows(p)
        at = header.index("key:string")
        for r in rows:
            edges[r[at]] = dict(zip(header, r, strict=True))
    return nodes, edges


def _text(value):
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def test_files_written_from_the_stream_hold_the_whole_plan_files_graph(tmp_path, city_dir):
    """`load --bulk` writes the files chunk by chunk as the registry is read: they
    hold the graph the whole plan's files hold. An edge a later chunk gives again
    is written once, as first given, and spilled to be merged after the import."""
    chunk_rows = 150
    city = city_across_chunks(city_dir, tmp_path / "city", chunk_rows)
    whole = plan_files(plan_load(registries=[REGISTRY, city]).batch, tmp_path / "whole")
    writer = ImportWriter(tmp_path / "stream")
    chunks = 0
    for chunk in plan_stream(registries=[REGISTRY, city], chunk_rows=chunk_rows).chunks():
        writer.chunk(chunk)
        chunks += 1
    writer.generation("0" * 32)
    streamed = writer.close()
    assert chunks >= 20
    assert (streamed.node_count, streamed.edge_count) == (whole.node_count, whole.edge_count)
    w_nodes, w_edges = _graph(whole)
    s_nodes, s_edges = _graph(streamed)
    assert s_nodes.pop("state") == {":LABEL": "GraphState", "generation:string": "0" * 32}
    w_nodes.pop("state")
    assert s_nodes == w_nodes and len(s_nodes) > 6000
    merged = [json.loads(line) for line in streamed.merged.read_text("utf-8").splitlines()]
    assert [(rel, row["props"]["end"]) for rel, row in merged] == [("MEMBER_OF", "2030-01-01")]
    for rel, row in merged:
        first, last = s_edges.pop(row["key"]), w_edges.pop(row["key"])
        assert first.get("end:string") != "2030-01-01"
        assert last == {":START_ID": row["src"], ":END_ID": row["dst"], ":TYPE": rel,
                        "key:string": row["key"],
                        **{f"{k}:{t}": _text(row["props"][k]) for k, t in
                           (h.split(":") for h in last if not h.startswith((":", "key:")))}}
        assert {h.split(":")[0] for h in last if not h.startswith((":", "key:"))} == {
            k for k, v in row["props"].items() if v is not None}
    assert s_edges == w_edges and len(s_edges) > 6000
    statements = list(streamed.merged_statements())
    assert [st.rows for st in statements] == [1] and "MERGE (a)-[e:MEMBER_OF" in statements[0].cypher


def _rows_by_header(files):
    """What a set of import files holds, up to the order of files and rows: each
    header's rows, as a multiset (the generation stamp's token left out)."""
    out: dict[tuple[str, ...], Counter] = {}
    for p in [*files.nodes, *files.relationships]:
        header, *rows = _rows(p)
        if header[0] == "id:ID(graph-state)":
            rows = [r[:2] for r in rows]
        out.setdefault(tuple(header), Counter()).update(map(tuple, rows))
    return out


def _later(files):
    if files.later is None:
        return Counter()
    return Counter(line for line in files.later.read_text("utf-8").splitlines())


def test_bulk_files_are_streamed_and_equal_the_whole_plan_files(tmp_path, city_dir):
    """`load --bulk-files` reads, checks and writes the registry chunk by chunk,
    and its files hold what the whole plan's files hold, row for row: an edge a
    later chunk gives again is folded into the files with its last value (nothing
    is merged after an import run elsewhere), and text keeps its line breaks."""
    chunk_rows = 150
    city = city_across_chunks(city_dir, tmp_path / "city", chunk_rows)
    batch = plan_load(registries=[REGISTRY, city]).batch
    whole = plan_files(batch, tmp_path / "whole", defer_breaks=False)
    chunks = sum(1 for _ in plan_stream(registries=[REGISTRY, city], chunk_rows=chunk_rows).chunks())
    assert chunks >= 20
    data = tmp_path / "data"
    res = write_bulk_files(tmp_path / "stream", [], registries=[REGISTRY, city], data_dir=data,
                           database="neo4j", chunk_rows=chunk_rows)
    d = tmp_path / "stream"
    streamed = ImportFiles(d, nodes=[d / n for n in res.files if n.startswith("nodes-")],
                           relationships=[d / n for n in res.files if n.startswith("relationships-")],
                           later=d / res.not_imported["file"])
    assert (res.nodes, res.edges) == (whole.node_count, whole.edge_count)
    assert len(res.files) == len(whole.nodes) + len(whole.relationships)
    assert _rows_by_header(streamed) == _rows_by_header(whole)
    assert sum(len(c) for c in _rows_by_header(streamed).values()) > 12000
    assert _later(streamed) == _later(whole) and res.not_imported["values"] == whole.later_values
    assert whole.multiline and "--multiline-fields=true" in res.steps[1]
    # The edge given again: once, with its last value.
    again = [r for rows in _rows_by_header(streamed).values() for r in rows
             if r[2:3] == ("MEMBER_OF",) and "2030-01-01" in r]
    assert len(again) == 1
    assert sorted(p.name for p in (tmp_path / "stream").iterdir()) == sorted(
        [*res.files, "later.jsonl"])  # nothing left to merge
    people = PersonalStore(data / personal_file("neo4j-neo4j"))
    assert res.persons == len(batch.persons) == people.count() > 3000
    people.close()


@pytest.mark.parametrize("made", [True, False])
def test_a_late_bad_row_leaves_the_bulk_files_directory_and_personal_store_as_they_were(
        tmp_path, city_dir, made):
    """The first bad row, many chunks in, stops `--bulk-files` naming file, line,
    field and reason: the directory is as it was (made by the load: gone; else
    empty again) and the personal store holds none of the load's persons."""
    chunk_rows = 150
    bad, line = city_with_a_late_bad_row(city_dir, tmp_path / "late", chunk_rows)
    data = tmp_path / "data"
    people = PersonalStore(data / personal_file("neo4j-neo4j"))
    with people.staged([PersonRecord(id="p:kept", name="(synthetic) kept")]):
        pass
    out = tmp_path / "new" / "import" if made else tmp_path / "empty"
    if not made:
        out.mkdir()
    with pytest.raises(RegistryError) as err:
        write_bulk_files(out, [], registries=[REGISTRY, bad], data_dir=data, database="neo4j",
                         chunk_rows=chunk_rows)
    e = err.value
    assert (e.file, e.line, e.field) == ("people.csv", line, "compound_id")
    assert "no compound with id 'syn:compound:nowhere'" in e.reason
    if made:
        assert not (tmp_path / "new").exists()
    else:
        assert list(out.iterdir()) == []
    assert people.count() == 1 and set(people.lookup(["p:kept"])) == {"p:kept"}
    people.close()


def test_cli_bulk_files_prints_the_steps_of_the_whole_plan_files(tmp_path):
    """The printed summary and steps are what the whole plan's files give."""
    batch = plan_load(registries=[REGISTRY]).batch
    whole = plan_files(batch, tmp_path / "whole", defer_breaks=False)
    out = tmp_path / "import"
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "load", "--registry",
                                    str(REGISTRY), "--bulk-files", str(out)])
    assert res.exit_code == 0, res.output
    files = len(whole.nodes) + len(whole.relationships)
    command = command_for(whole, "neo4j", "/import")
    assert res.stdout.splitlines() == [
        f"wrote {whole.node_count} nodes and {whole.edge_count} edges as Neo4j import files in "
        f"{out} ({files} files)",
        f"{len(batch.persons)} residents' names went to this data directory's personal store, not "
        "to the files",
        f"{whole.later_values} empty lists the importer drops are listed in later.jsonl (not set by "
        "the steps below)",
        "then, where that Neo4j keeps its files (see docs/engines.md):",
        "  1. stop Neo4j (the database must not be in use; the import replaces what it holds, "
        "cases posted through Open311 included: docs/cases.md#open311)",
        f"  2. {command}   # files mounted at /import",
        "  3. start Neo4j",
        "  4. govgraph db schema   # the constraints and indexes every load creates"]


@pytest.mark.parametrize("uri,home,why", [
    ("bolt://db.example.org:7687", "/srv/neo4j", "not on this machine"),
    ("neo4j+s://abc.databases.neo4j.io", None, "not on this machine"),
    ("bolt://127.0.0.1:7687", None, "did not say where its files are"),
])
def test_bulk_refuses_a_neo4j_it_cannot_reach_the_files_of(uri, home, why):
    with pytest.raises(BulkRefused, match=why) as err:
        local_server(uri, home)
    assert "--bulk-files" in str(err.value)


def test_bulk_refuses_a_local_neo4j_the_launcher_did_not_start(tmp_path):
    with pytest.raises(BulkRefused, match="not started by scripts/neo4j-server.sh"):
        local_server("bolt://127.0.0.1:7687", str(tmp_path))
    (tmp_path / "neo4j.pid").write_text("1")  # init, not the launcher
    with pytest.raises(BulkRefused, match="not the govgraph Neo4j launcher"):
        local_server("bolt://localhost:7687", str(tmp_path))


def test_cli_bulk_needs_neo4j(tmp_path):
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "load", "--bulk"],
                             env={"GOVGRAPH_NEO4J_URI": ""})
    assert res.exit_code == 2 and "--bulk is Neo4j's importer" in res.output


def test_cli_bulk_files_writes_the_files_and_the_steps(tmp_path):
    out = tmp_path / "import"
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "load", "--registry",
                                    str(REGISTRY), "--bulk-files", str(out), "--json"])
    assert res.exit_code == 0, res.output
    body = json.loads(res.output)
    assert body["nodes"] > 2000 and body["edges"] > 2000 and body["persons"] == 12
    # The importer drops empty lists: they are listed beside the files, not lost silently.
    assert body["not_imported"] == {"file": "later.jsonl", "values": 39}
    assert sorted(p.name for p in out.iterdir()) == sorted([*body["files"], "later.jsonl"])
    assert body["steps"][1].startswith("neo4j-admin database import full neo4j ")
    assert "--nodes=/import/nodes-0001.csv" in body["steps"][1]
    assert body["steps"][3].startswith("govgraph db schema")
    # Names stay out of the files (they went to the personal store).
    text = "".join(p.read_text("utf-8") for p in out.iterdir())
    # The notice's text keeps its line breaks in the files: read in multi-line mode.
    assert "--multiline-fields=true" in body["steps"][1]
    assert "张建国" not in text and (tmp_path / "data").exists()
    again = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "load", "--bulk-files",
                                      str(out)])
    assert again.exit_code == 2 and "not empty" in again.output


_FIELD = st.one_of(st.text(), st.text(alphabet=',"\x00\n\r\x1f a一'), st.integers(), st.floats(),
                   st.sampled_from(["true", "false", ""]))


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.lists(st.lists(_FIELD, min_size=n, max_size=n),
                                                     min_size=1, max_size=5)))
def test_a_quoted_block_is_what_the_csv_module_writes(rows):
    """The files are written a block of rows at a time (``quoted_block``): the same
    text as csv.writer's, or None (and then csv.writer writes it) when a field
    holds a line break or a NUL."""
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    block = quoted_block(rows, len(rows[0]))
    tricky = any(isinstance(v, str) and ("\n" in v or "\r" in v or "\x00" in v)
                 for r in rows for v in r)
    assert block == (None if tricky else buf.getvalue())
