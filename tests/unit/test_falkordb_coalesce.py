"""A streamed load's chunks written together into the embedded engine
(``graph/falkordb_store.py`` ``coalesced``): fewer, larger queries, the same
graph. What runs is checked here as text; the stored graph against a whole-plan
load in tests/engine/test_streamed_load.py."""

from __future__ import annotations

from govgraph.graph.falkordb_store import _params_header, _Part, coalesced
from govgraph.graph.model import NodeKind, RelType, RowChunk
from govgraph.graph.plan import Statement, chunk_plan, creating_plan


def _row_chunk(nodes, edges, merged) -> RowChunk:
    chunk = RowChunk()
    chunk.nodes, chunk.edges, chunk.merged = nodes, edges, merged
    return chunk


def _chunk(i: int, merged: bool = False) -> list[_Part]:
    """Chunk ``i``: two residents, a compound, edges to the compound, and (if ``merged``)
    an edge an earlier chunk created, merged again."""
    p = f"p{i}"
    # Each row's own line: constants within a chunk would be the statement's ($c).
    nodes = [(NodeKind.RESIDENT, {"id": f"{p}a", "props": {"kind": "Resident", "line": 10 * i}}),
             (NodeKind.RESIDENT, {"id": f"{p}b", "props": {"kind": "Resident", "line": 10 * i + 1}}),
             (NodeKind.AREA, {"id": f"c{i}", "props": {"kind": "Area", "line": 10 * i + 2}})]
    edges = [(RelType.LIVES_IN, {"src": f"{p}a", "dst": f"c{i}", "key": f"LIVES_IN|{p}a|c{i}",
                                 "props": {"line": 10 * i}}),
             (RelType.LIVES_IN, {"src": f"{p}b", "dst": f"c{i}", "key": f"LIVES_IN|{p}b|c{i}",
                                 "props": {"line": 10 * i + 1}})]
    again = ([(RelType.LIVES_IN, {"src": "p0a", "dst": "c0", "key": "LIVES_IN|p0a|c0",
                                  "props": {"line": 100 + i}})] if merged else [])
    n, e = chunk_plan(_row_chunk(nodes, edges, again))
    return [_Part(st) for st in creating_plan(n + e, {r[1]["id"] for r in nodes})]


def test_chunks_written_together_create_in_one_query_per_statement():
    parts = coalesced([_chunk(0), _chunk(1, merged=True), _chunk(2, merged=True)])
    texts = [p.command()[1] for p in parts]
    rows = [p.command()[0] for p in parts]
    # Every node statement before every edge statement; each CREATE once, all its rows.
    kinds = ["node" if p.node else "edge" for p in parts]
    assert kinds == sorted(kinds, key=lambda k: k != "node")
    creates = [(p.cypher, n) for p, n in zip(parts, rows, strict=True) if p.create]
    # Residents, areas and LIVES_IN of 3 chunks (one area a chunk: its line is a constant).
    assert sorted(n for _, n in creates) == [1, 1, 1, 6, 6]
    # The MERGEs of the chunks that merge an edge again: after its CREATE, in their order.
    merges = [t for p, t in zip(parts, texts, strict=True) if not p.create]
    assert len(merges) == 2 and "101" in merges[0] and "102" in merges[1]
    assert max(i for i, p in enumerate(parts) if p.create) < texts.index(merges[0])


def test_a_chunk_alone_is_spelled_as_the_client_would():
    """One chunk's commands are its statements' as before: the header and the query."""
    chunk = _chunk(0)
    n, e = chunk_plan(_row_chunk([(NodeKind.RESIDENT, {"id": "x", "props": {"kind": "Resident"}})],
                                 [], []))
    for st in creating_plan(n + e, {"x"}):
        assert _Part(st).command() == (st.rows, _params_header(st.params) + st.cypher)
    assert [p.command() for p in coalesced([chunk])] == [p.command() for p in chunk]


def test_statements_without_rows_pass_through():
    st = Statement("MERGE (g:GraphState {id: 'state'}) SET g.generation = $generation",
                   {"generation": "abc"}, "state")
    [part] = coalesced([[_Part(st)]])
    assert part.command() == (0, _params_header(st.params) + st.cypher)
