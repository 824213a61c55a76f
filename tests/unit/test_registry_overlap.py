"""Two registries of one load that share an id are refused before any store is
touched, naming both rows; so are two registries of one name (issue 31). The
same refusal for a registry and the stored graph is in
tests/engine/test_overlapping_registries.py."""

from __future__ import annotations

import shutil

import pytest
from govgraph.loaders.pipeline import plan_load
from govgraph.loaders.registry import RegistryError
from govgraph.loaders.synth import synthesize
from helpers import REGISTRY


def test_two_registries_of_one_load_sharing_an_id(tmp_path):
    other = tmp_path / "other"
    shutil.copytree(REGISTRY, other)
    with pytest.raises(ValueError) as err:
        plan_load(registries=[REGISTRY, other], include_default=False)
    msg = str(err.value)
    assert ("id 't:street:1' is in an earlier part of this load as Area, registry 'registry' "
            "(streets.csv, line 2); this load gives it as Area, registry 'other' (streets.csv, line 2)"
            ) in msg
    assert "--replace" in msg and "prefix" in msg


def test_two_registries_of_one_name(tmp_path):
    (tmp_path / "a").mkdir()
    copy = tmp_path / "a" / "registry"
    shutil.copytree(REGISTRY, copy)
    with pytest.raises(RegistryError, match="has the same name 'registry'"):
        plan_load(registries=[REGISTRY, copy], include_default=False)
    # The same directory twice is one registry (with the default structure: the test
    # registry's cases point at the notice's issue types).
    plan_load(registries=[REGISTRY, REGISTRY])


def test_synthetic_cities_with_their_own_prefixes_load_together(tmp_path):
    synthesize(200, 1, tmp_path / "city")
    synthesize(200, 2, tmp_path / "city2", id_prefix="syn2")
    plan = plan_load(registries=[tmp_path / "city", tmp_path / "city2"])  # cases need the issue types
    ids = {n.id for n in plan.batch.nodes if n.props.get("registry") == "city2"}
    assert ids and all(i.startswith("syn2:") for i in ids)
    with pytest.raises(ValueError, match="letters, digits"):
        synthesize(10, 1, tmp_path / "bad", id_prefix="a b")
