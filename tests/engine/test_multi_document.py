"""Many documents, one graph: each document its own node, measures keyed by
document, units shared; who leads per document and across them; where two
documents overlap; and bad input that leaves the graph as it was.

Runs on a fresh embedded FalkorDB of its own (not the shared seed fixture).
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import FalkorDBStore
from govgraph.loaders.notice import MAX_DOCUMENT_CHARS, NoticeError
from govgraph.loaders.pipeline import DEFAULT_DOC_ID, execute, plan_load
from govgraph.loaders.units import load_registry
from govgraph.queries import answers, catalogue
from helpers import CORPUS

from govgraph.cli import main

DOC_A = CORPUS / "01_bracket_halfwidth.txt"  # fire safety, eight measures
DOC_B = CORPUS / "03_own_lines.txt"  # owners' committees, six measures
DOC_C = CORPUS / "12_aliases_collectives.txt"  # a county document with collectives


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("multi")
    yield d
    embedded_server.stop(d)


@pytest.fixture(scope="module")
def loaded(data_dir):
    """The seed and three corpus documents in one graph, with the corpus's registry."""
    store = FalkorDBStore(data_dir)
    plan = plan_load([DOC_A, DOC_B, DOC_C], registry=load_registry(CORPUS / "units.toml"))
    execute(store, plan)
    yield store, {n.source: n for n in plan.notices}
    store.close()


def _ids(notices) -> tuple[str, str, str]:
    return notices[str(DOC_A)].id, notices[str(DOC_B)].id, notices[str(DOC_C)].id


def test_each_document_is_its_own_node_with_its_measures(loaded):
    store, notices = loaded
    docs = {d["doc"]: d["measures"] for d in answers.documents(store)}
    a, b, c = _ids(notices)
    assert docs == {DEFAULT_DOC_ID: 16, a: 8, b: 6, c: 6}
    rows = store.read("MATCH (m:Measure {number: 1}) RETURN m.id ORDER BY m.id").rows
    assert sorted(r[0] for r in rows) == sorted(f"{d}#m1" for d in docs)


def test_who_leads_per_document_and_across(loaded):
    store, notices = loaded
    a, b, _c = _ids(notices)
    [only_a] = answers.who_leads(store, 1, doc=a)
    assert [d.unit.name for d in only_a.duties] == ["市消防救援支队"]
    assert only_a.duties[0].citation.clause == "牵头单位:市消防救援支队"
    [only_b] = answers.who_leads(store, 2, doc=b)
    assert [d.unit.name for d in only_b.duties] == ["市委组织部"]
    across = {x.measure.doc: [d.unit.name for d in x.duties] for x in answers.who_leads(store, 4)}
    assert across[a] == ["市公安局", "市消防救援支队"]
    assert across[b] == ["市住房城乡建设局"]
    assert across[DEFAULT_DOC_ID] == ["市住房城乡建设局"]


def test_who_is_responsible_per_document_with_citations(loaded):
    store, notices = loaded
    a, b, c = _ids(notices)
    [m] = answers.who_is_responsible(store, 2, doc=b)
    roles = defaultdict(list)
    for d in m.duties:
        roles[d.role].append(d.unit.name)
        text = notices[str(DOC_B)].text
        assert text[d.citation.start : d.citation.end] == d.citation.clause
    assert roles == {"lead": ["市委组织部"], "responsible": ["市民政局", "市住房城乡建设局"],
                     "support": ["市公安局"]}
    [m] = answers.who_is_responsible(store, 1, doc=c)
    names = [d.unit.name for d in m.duties]
    # Aliased names and the township collective resolve to their canonical units.
    assert "县司法局" in names and "各乡（镇）人民政府、街道办事处" in names


def test_units_are_shared_across_documents(loaded):
    store, notices = loaded
    a, b, _c = _ids(notices)
    duties = answers.unit_measures(store, "市住建局").duties
    assert {d.measure.doc for d in duties} >= {DEFAULT_DOC_ID, a, b}
    assert store.read("MATCH (u:Entity {id: 'unit:市住房城乡建设局'}) RETURN count(u)").rows == [[1]]


def test_a_supplied_member_list_links_the_collective(loaded):
    store, _notices = loaded
    rows = catalogue.run(store, "collective_members", unit_id="unit:各乡〔镇〕人民政府、街道办事处").rows
    assert len(rows) == 5
    unknown = store.read("MATCH (u:Entity {id: 'unit:各有关部门'}) RETURN u.collective").rows
    assert unknown == [[True]]  # stays collective, with no members to link


def _expected_overlap(notices, registry, doc_a: str, doc_b: str) -> dict[tuple[int, int], tuple]:
    """The overlap worked out from the parsed documents, independently of Cypher."""
    by_id = {n.id: n for n in notices.values()}

    def duties(doc):
        out = {}
        for m in by_id[doc].measures:
            units = {registry.resolve(u.name).unit.id for a in m.attributions for u in a.units}
            leads = sorted(registry.resolve(n).unit.id for n in m.units("lead"))
            out[m.number] = (units, leads)
        return out

    da, db = duties(doc_a), duties(doc_b)
    return {(x, y): (sorted(ua & ub), la != lb)
            for x, (ua, la) in da.items() for y, (ub, lb) in db.items() if ua & ub}


def test_overlap_of_two_documents(loaded):
    store, notices = loaded
    a, b, _c = _ids(notices)
    registry = load_registry(CORPUS / "units.toml")
    res = answers.document_overlap(store, a, b)
    expected = _expected_overlap(notices, registry, a, b)
    got = {(p.measure_a.number, p.measure_b.number): ([u.id for u in p.shared_units], p.leads_differ)
           for p in res.pairs}
    assert got == expected
    assert res.lead_conflicts == sum(differ for _u, differ in expected.values()) > 0
    pair = next(p for p in res.pairs if (p.measure_a.number, p.measure_b.number) == (3, 4))
    assert pair.leads_a == pair.leads_b == ["市住房城乡建设局"] and not pair.leads_differ
    assert "市住房城乡建设局" in {u.name for u in res.shared_units}


def test_overlap_refuses_an_unknown_document(loaded):
    store, notices = loaded
    with pytest.raises(answers.NotFound, match="no document 'doc-000000000000'"):
        answers.document_overlap(store, _ids(notices)[0], "doc-000000000000")


# ---------------------------------------------------------------------------
# bad input leaves the graph as it was


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    tmp.mkdir(exist_ok=True)
    files = {
        "empty": (b"", "empty"),
        "blank": ("\n \u3000\n".encode(), "empty"),
        "binary": (bytes(range(256)) * 8, "binary file"),
        "binary-no-nul": (bytes(range(1, 32)) * 64 + "通知".encode(), "control characters"),
        "garbage": ("这是一段没有编号也没有分工的文字，不是一份通知。".encode(), "no numbered measures"),
        "html": (b"<html><body><p>hello</p></body></html>", "no numbered measures"),
        "no-attributions": ((CORPUS / "90_no_attributions.txt").read_bytes(), "no attributions"),
        "too-many-chars": (b"a" * (MAX_DOCUMENT_CHARS + 1), "the limit is"),
        "enormous": (b"(1)" * (MAX_DOCUMENT_CHARS * 4 // 3 + 1), "larger than a notice can be"),
    }
    out = {}
    for name, (data, message) in files.items():
        p = tmp / f"{name}.txt"
        p.write_bytes(data)
        out[name] = (p, message)
    return out


def test_bad_documents_are_refused_and_the_graph_is_unchanged(loaded, tmp_path):
    store, _notices = loaded
    before = answers.load_report(store)
    for name, (path, message) in _bad_inputs(tmp_path).items():
        with pytest.raises(NoticeError, match=message) as e:
            plan_load([DOC_A, path], include_default=False)
        assert str(path) in str(e.value), name
    assert answers.load_report(store) == before


def test_the_cli_refuses_them_with_one_line_and_exit_1(loaded, data_dir, tmp_path):
    store, _notices = loaded
    before = answers.load_report(store)
    runner = CliRunner()
    for name, (path, message) in _bad_inputs(tmp_path).items():
        for args in (["extract", str(path)],
                     ["--data-dir", str(data_dir), "load", "--no-default", "--document", str(DOC_B),
                      "--document", str(path)]):
            res = runner.invoke(main, args)
            assert res.exit_code == 1, (name, args[0], res.output)
            assert res.output.startswith("error: ") and message in res.output, (name, res.output)
            assert "Traceback" not in res.output
    assert answers.load_report(store) == before


def test_loading_the_documents_again_changes_nothing(loaded, data_dir):
    store, _notices = loaded
    before = answers.load_report(store)
    env = {"GOVGRAPH_UNITS_FILE": str(CORPUS / "units.toml")}
    res = CliRunner().invoke(main, ["--data-dir", str(data_dir), "load", "--json", "--document", str(DOC_A),
                                    "--document", str(DOC_B), "--document", str(DOC_C)], env=env)
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert [d["measures"] for d in out["documents"]] == [16, 8, 6, 6]
    assert out["unresolved"] == []
    assert answers.load_report(store) == before
    assert os.environ.get("GOVGRAPH_UNITS_FILE") is None  # the runner's env did not leak


@pytest.mark.neo4j
def test_overlap_is_the_same_on_neo4j(loaded, neo4j_store, default_plan):
    """The same two-document graph on Neo4j gives the same rows; the shared
    Neo4j store is put back to the seed alone afterwards."""
    store, notices = loaded
    a, b, _c = _ids(notices)
    plan = plan_load([DOC_A, DOC_B, DOC_C], registry=load_registry(CORPUS / "units.toml"))
    try:
        neo4j_store.clear()
        execute(neo4j_store, plan)
        for x, y in ((a, b), (b, a), (a, DEFAULT_DOC_ID)):
            f = catalogue.run(store, "document_overlap", doc_a=x, doc_b=y)
            n = catalogue.run(neo4j_store, "document_overlap", doc_a=x, doc_b=y)
            assert f.columns == n.columns and f.rows == n.rows and f.rows
        assert answers.document_overlap(neo4j_store, a, b) == answers.document_overlap(store, a, b)
    finally:
        neo4j_store.clear()
        execute(neo4j_store, default_plan)


def test_overlap_command(loaded, data_dir):
    store, notices = loaded
    a, b, _c = _ids(notices)
    res = CliRunner().invoke(main, ["--data-dir", str(data_dir), "overlap", a, b, "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["lead_conflicts"] == answers.document_overlap(store, a, b).lead_conflicts
    res = CliRunner().invoke(main, ["--data-dir", str(data_dir), "overlap", a, "doc-nope"])
    assert res.exit_code == 2 and "no document" in res.output


