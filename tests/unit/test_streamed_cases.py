"""A streamed read of cases and their steps (issue 31): a bad step row is refused
with the file, line, field and reason a whole-plan read gives, and the HANDLED_BY
edges (one per case and body, its steps and actions in the order read) are the
whole-plan load's. No store: the stream's chunks are read and dropped."""

from __future__ import annotations

import shutil

import pytest
from govgraph.graph.model import RelType
from govgraph.loaders.pipeline import plan_load, plan_stream
from govgraph.loaders.registry import RegistryError
from helpers import REGISTRY


def _broken(tmp_path, old: str, new: str):
    d = tmp_path / "registry"
    shutil.copytree(REGISTRY, d)
    p = d / "case_steps.csv"
    text = p.read_text("utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), "utf-8")
    return d


@pytest.mark.parametrize("old,new,line,field,reason", [
    ("t:case:4,3,street,t:org:town2,resolved,2024-04-20",
     "t:case:4,3,street,t:org:town2,resolved,2024-04-02", 10, "start", "before step 2 (2024-04-05)"),
    ("t:case:4,1,compound,t:org:oc3,received,2024-04-01",
     "t:case:4,1,compound,t:org:oc3,received,2024-03-01", 8, "start", "before case 't:case:4' was opened"),
    ("t:case:4,2,community", "t:case:4,1,community", 9, "order", "has a step 1 already (line 8)"),
    ("t:case:4,2,community", "t:case:44,2,community", 9, "case_id", "no case"),
])
def test_a_bad_step_row_is_refused_as_a_whole_plan_read_refuses_it(tmp_path, old, new, line, field,
                                                                     reason):
    bad = _broken(tmp_path, old, new)
    with pytest.raises(RegistryError) as whole:
        plan_load(registries=[bad])
    with pytest.raises(RegistryError) as streamed:
        for _ in plan_stream(registries=[bad]).chunks():
            pass
    for err in (whole.value, streamed.value):
        assert (err.file, err.line, err.field) == ("case_steps.csv", line, field), str(err)
        assert reason in err.reason


@pytest.mark.parametrize("chunk_rows", [1, 10_000])
def test_streamed_handled_by_edges_are_the_whole_plan_loads(chunk_rows):
    whole = sorted((e.src, e.dst, e.props["steps"], e.props["actions"], e.props["registry_line"])
                   for e in plan_load(registries=[REGISTRY]).batch.edges if e.type == RelType.HANDLED_BY)
    streamed = sorted((r["src"], r["dst"], r["props"]["steps"], r["props"]["actions"],
                       r["props"]["registry_line"])
                      for chunk in plan_stream(registries=[REGISTRY], chunk_rows=chunk_rows).chunks()
                      for type_, r in chunk.edges + chunk.merged if type_ == RelType.HANDLED_BY)
    assert whole and streamed == whole
