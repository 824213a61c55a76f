"""Every fact in the graph knows where it came from.

A fact stated by a document cites the document, the measure and the quoted
clause (``source_*``, the span checkable against the stored text). A fact from
a registry cites its file and the line (CSV registries) or entry (the TOML unit
and structure registries) that states it."""

from __future__ import annotations

import csv
import tomllib
from importlib import resources

import pytest
from govgraph.loaders.pipeline import plan_load
from helpers import REGISTRY


def _cites(props: dict) -> bool:
    if props.get("source_doc") and props.get("source_clause") is not None:
        return True
    if props.get("registry_file") and (props.get("registry_line") or props.get("registry_entry")):
        return True
    if props.get("kind") == "PolicyDocument":
        return bool(props.get("source_path") and props.get("sha256"))
    # Sections and measures are spans of their document.
    return bool(props.get("doc")) and props.get("start") is not None and props.get("end") is not None


@pytest.fixture(scope="module")
def plan(city_dir):
    return plan_load(registries=[REGISTRY, city_dir])


def test_every_planned_node_and_edge_cites_its_source(plan):
    batch = plan.batch.deduplicated()
    uncited = [n.id for n in batch.nodes if not _cites(n.row()["props"])]
    uncited += [e.key for e in batch.edges if not _cites(e.row()["props"])]
    assert uncited == []


def test_document_citations_quote_the_stored_text(plan):
    texts = {n.id: n.props["text"] for n in plan.batch.nodes if n.kind == "PolicyDocument"}
    spans = [e.row()["props"] for e in plan.batch.edges if e.source is not None]
    spans += [n.props for n in plan.batch.nodes if "source_clause" in n.props]
    assert len(spans) > 200
    for p in spans:
        assert texts[p["source_doc"]][p["source_start"]:p["source_end"]] == p["source_clause"]


def test_structural_edges_cite_the_registry_line_that_states_them(plan):
    people = list(csv.reader((REGISTRY / "people.csv").open(encoding="utf-8")))
    lives = [e.row() for e in plan.batch.edges if e.type == "LIVES_IN" and e.src.startswith("t:")]
    assert lives
    for e in lives:
        p = e["props"]
        assert (p["registry_file"], p["registry"]) == ("people.csv", "registry")
        row = people[p["registry_line"] - 1]  # lines count from 1, the header included
        assert (row[0], row[3]) == (e["src"], e["dst"])


def test_unit_registry_facts_cite_their_toml_entry(plan):
    units = tomllib.loads(resources.files("govgraph.loaders").joinpath("data/units.toml")
                          .read_text("utf-8"))
    nodes = {n.id: n.props for n in plan.batch.nodes}
    bureau = nodes["unit:市住房城乡建设局"]
    assert bureau["registry_file"] == "units.toml"
    number = int(bureau["registry_entry"].removeprefix("[[unit]] #"))
    assert units["unit"][number - 1]["name"] == "市住房城乡建设局"

    includes = [e.row()["props"] for e in plan.batch.edges if e.type == "INCLUDES"]
    assert includes and all(p["registry_entry"].startswith(("[[collective]]", "[[members]]"))
                            for p in includes)
    county = next(n for n in plan.batch.nodes if n.props.get("level") == "county")
    part_of = next(e.row()["props"] for e in plan.batch.edges
                   if e.type == "PART_OF" and e.src == county.id)
    assert part_of["registry_entry"] == county.props["registry_entry"]
    assert part_of["registry_entry"].startswith("[[county]] #")
