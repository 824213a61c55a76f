"""A registry whose ids overlap what the store holds (issue 31), on both engines.

An id names one entity of one registry: the same registry loaded again updates
its rows; another registry giving one of its ids (a city synthesized with
another seed, loaded without --replace), or a row that changes an entity's
kind, is refused before anything is written, naming the id, both rows (registry,
file, line) and the way out."""

from __future__ import annotations

import shutil

import pytest
from govgraph.graph.store import IdConflict
from govgraph.loaders.pipeline import execute, plan_load
from govgraph.loaders.synth import synthesize
from govgraph.queries import answers
from helpers import REGISTRY


def _node(store, id_: str) -> list:
    return store.read("MATCH (n:Entity {id: $id}) RETURN labels(n), properties(n)", {"id": id_}).rows


def _copy(tmp_path, name: str, file: str | None = None, old: str = "", new: str = ""):
    d = tmp_path / name
    shutil.copytree(REGISTRY, d)
    if file:
        p = d / file
        text = p.read_text("utf-8")
        assert old in text
        p.write_text(text.replace(old, new, 1), "utf-8")
    return d


def test_another_registry_with_the_same_ids_is_refused(store, tmp_path):
    before = answers.load_report(store)
    street = _node(store, "t:street:1")
    people = store.personal.count()
    other = _copy(tmp_path, "other")
    with pytest.raises(IdConflict) as err:
        execute(store, plan_load(registries=[other]))
    msg = str(err.value)
    # The first id of the load's plan that the store holds from the other registry.
    assert "id 't:street:1' is in the stored graph as Area, registry 'registry' (streets.csv, line 2)" in msg
    assert "registry 'other' (streets.csv, line 2)" in msg
    assert "more id(s) of this load cannot be merged either" in msg
    assert "--replace" in msg and "prefix" in msg and "Nothing was written" in msg
    assert answers.load_report(store) == before
    assert _node(store, "t:street:1") == street
    assert store.personal.count() == people


def test_the_same_registry_loaded_again_updates_its_rows(store, tmp_path, default_plan):
    edited = _copy(tmp_path, "registry", "compounds.csv", "t:cpd:3,河景苑,", "t:cpd:3,河景新苑,")
    try:
        execute(store, plan_load(registries=[edited]))
        [[_, props]] = _node(store, "t:cpd:3")
        assert (props["name"], props["registry"], props["registry_line"]) == ("河景新苑", "registry", 4)
    finally:
        execute(store, default_plan)
    assert _node(store, "t:cpd:3")[0][1]["name"] == "河景苑"


def test_a_row_that_changes_an_entitys_kind_is_refused(store, tmp_path):
    before = answers.load_report(store)
    edited = _copy(tmp_path, "registry", "organizations.csv", "t:org:oc3,owners_committee",
                   "t:org:oc3,owners_committee_party_branch")
    with pytest.raises(IdConflict) as err:
        execute(store, plan_load(registries=[edited]))
    msg = str(err.value)
    assert ("id 't:org:oc3' is in the stored graph as Committee, registry 'registry' "
            "(organizations.csv, line 14)") in msg
    assert "as PartyOrganization, registry 'registry' (organizations.csv, line 14)" in msg
    assert "its kind cannot change" in msg and "--replace" in msg and "prefix" not in msg
    assert answers.load_report(store) == before


def test_a_city_synthesized_with_another_seed(empty_store, tmp_path):
    """The issue's case: it used to fail with 'unique constraint violation on node of
    type Entity', naming neither the id nor the registries."""
    store = empty_store
    synthesize(300, 1, tmp_path / "city")
    synthesize(300, 2, tmp_path / "city2")
    synthesize(300, 2, tmp_path / "city3", id_prefix="syn3")
    execute(store, plan_load(registries=[tmp_path / "city"]))
    before = answers.load_report(store)
    people = store.personal.count()
    with pytest.raises(IdConflict) as err:
        execute(store, plan_load(registries=[tmp_path / "city2"]))
    msg = str(err.value)
    assert "id 'syn:compound:1' is in the stored graph as Area, registry 'city' (compounds.csv, line 2)" in msg
    assert "registry 'city2' (compounds.csv, line 2)" in msg
    assert "--replace" in msg and "--id-prefix" in msg
    assert answers.load_report(store) == before and store.personal.count() == people

    # With ids of its own it loads beside the first.
    execute(store, plan_load(registries=[tmp_path / "city3"]))
    assert store.personal.count() == 2 * people
    assert store.read("MATCH (n:Entity) WHERE n.registry = 'city3' RETURN count(n)").rows[0][0] > 300
    # And with --replace's clear, the second seed replaces the first.
    store.clear()
    execute(store, plan_load(registries=[tmp_path / "city2"]))
    assert store.read("MATCH (n:Entity) WHERE n.registry = 'city' RETURN count(n)").rows[0][0] == 0
