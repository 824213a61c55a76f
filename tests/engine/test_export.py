"""Exports load back with what went in; pictures are drawn; the CLI wraps both."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner
from govgraph.loaders.pipeline import DEFAULT_DOC_ID
from govgraph.queries import answers

from govgraph import export
from govgraph.cli import main

M11 = f"{DEFAULT_DOC_ID}#m11"


@pytest.fixture(scope="module")
def whole(falkor_store):
    return answers.whole_graph(falkor_store)


@pytest.fixture(scope="module")
def housing(falkor_store):
    return answers.subgraph(falkor_store, "市住房城乡建设局", depth=1)


def test_whole_graph_is_every_node_and_edge(falkor_store, whole):
    report = answers.load_report(falkor_store)
    assert len(whole.nodes) == sum(report["nodes"].values())
    assert len(whole.edges) == sum(report["edges"].values())


@pytest.mark.parametrize("which", ["whole", "housing"])
def test_graphml_loads_back_with_the_same_counts(which, whole, housing, tmp_path):
    sub = {"whole": whole, "housing": housing}[which]
    path = tmp_path / "g.graphml"
    path.write_text(export.export_text(sub, "graphml"), "utf-8")
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == len(sub.nodes)
    assert g.number_of_edges() == len(sub.edges)
    assert g.is_directed()
    node = g.nodes["unit:市住房城乡建设局"]
    assert node["kind"] == "Department" and "市住建局" in json.loads(node["aliases"])
    leads = [d for _u, v, d in g.edges(data=True) if d["relation"] == "LEADS_MEASURE" and v == M11]
    assert {d["source_clause"] for d in leads} == {"牵头单位:市住房城乡建设局、市发展改革委"}


def test_gexf_loads_back_and_is_static(whole, tmp_path):
    text = export.export_text(whole, "gexf")
    assert 'mode="static"' in text  # a measure's start/end are offsets, not times
    path = tmp_path / "g.gexf"
    path.write_text(text, "utf-8")
    g = nx.read_gexf(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(whole.nodes), len(whole.edges))
    assert g.nodes[M11]["span_start"] < g.nodes[M11]["span_end"]


def test_json_is_node_link_data(housing):
    data = json.loads(export.export_text(housing, "json"))
    g = nx.node_link_graph(data, edges="edges")
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(housing.nodes), len(housing.edges))
    assert g.nodes["unit:市住房城乡建设局"]["aliases"][0]  # lists stay lists in JSON


def test_cypher_script_rebuilds_the_graph(falkor_dir, whole):
    from govgraph.graph.falkordb_store import FalkorDBStore

    target = FalkorDBStore(falkor_dir, graph="govgraph_export_test")
    try:
        target.clear()
        target.ensure_schema()
        script = export.export_text(whole, "cypher")
        statements = [s for s in script.splitlines() if s and not s.startswith("//")]
        assert len(statements) == len(whole.nodes) + len(whole.edges)
        for st in statements:
            target._graph.query(st.rstrip(";"))
        rebuilt = answers.whole_graph(target)
        assert len(rebuilt.nodes) == len(whole.nodes)
        assert len(rebuilt.edges) == len(whole.edges)
        again = {e.id: e for e in rebuilt.edges}
        for e in whole.edges:
            assert again[e.id].citation == e.citation and again[e.id].properties == e.properties
        m = next(n for n in rebuilt.nodes if n.id == M11)
        assert m.properties["text"] == next(n for n in whole.nodes if n.id == M11).properties["text"]
    finally:
        target.clear()
        target.close()


def test_unknown_format_is_refused(housing):
    with pytest.raises(ValueError, match="unknown format"):
        export.export_text(housing, "dot")


@pytest.mark.parametrize("suffix,magic", [(".svg", b"<svg"), (".png", b"\x89PNG")])
def test_draw(housing, tmp_path, suffix, magic):
    out = tmp_path / f"housing{suffix}"
    warnings = export.draw(housing, out, lang="zh", title="市住房城乡建设局")
    data = out.read_bytes()
    assert magic in data[:400] and len(data) > 5000
    if suffix == ".svg":
        assert "市住房城乡建设局" in data.decode("utf-8")  # text stays text
    if export.cjk_font() is None and suffix == ".png":
        assert warnings and "English" in warnings[0]


def test_draw_refuses_other_formats(housing, tmp_path):
    with pytest.raises(ValueError, match="svg or .png"):
        export.draw(housing, tmp_path / "x.jpg")


@pytest.fixture(scope="module")
def cli(falkor_dir, falkor_store):
    runner = CliRunner()

    def _run(*args: str):
        return runner.invoke(main, ["--data-dir", str(falkor_dir), *args], catch_exceptions=False)

    return _run


def test_cli_export_graphml_round_trip(cli, falkor_store, tmp_path):
    out = tmp_path / "all.graphml"
    res = cli("export", "--format", "graphml", "--out", str(out))
    assert res.exit_code == 0, res.output
    g = nx.read_graphml(out)
    report = answers.load_report(falkor_store)
    assert g.number_of_nodes() == sum(report["nodes"].values())
    assert g.number_of_edges() == sum(report["edges"].values())


def test_cli_export_focus_and_filters_to_stdout(cli):
    res = cli("export", "--format", "json", "--focus", "13", "--type", "LEADS_MEASURE",
              "--type", "RESPONSIBLE_FOR")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["graph"]["focus"] == f"{DEFAULT_DOC_ID}#m13"
    assert len(data["nodes"]) == 15 and {e["relation"] for e in data["edges"]} <= {
        "LEADS_MEASURE", "RESPONSIBLE_FOR"}


def test_cli_export_errors(cli):
    res = cli("export", "--focus", "市不存在局")
    assert res.exit_code == 2 and "unknown unit" in res.output
    res = cli("export", "--kind", "Spaceship")
    assert res.exit_code == 1 and "unknown node kind" in res.output


def test_cli_draw(cli, tmp_path):
    out = tmp_path / "env.svg"
    res = cli("draw", "--focus", "环物委", "--lang", "en", "--out", str(out))
    assert res.exit_code == 0, res.output
    assert "environment and property" in out.read_text("utf-8")
    res = cli("draw", "--out", str(tmp_path / "x.svg"))
    assert res.exit_code == 2 and "--focus" in res.output
