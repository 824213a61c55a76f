"""The compact id store of a streamed load (issue 31): ids held exactly while
recent, then sealed into sorted hash arrays; every answer the same either way,
and two ids whose first hashes collide still told apart."""

from __future__ import annotations

import numpy as np
import pytest
from govgraph.graph.model import NodeKind
from govgraph.loaders import registry_stream
from govgraph.loaders.registry_stream import LoadIds, _merge_in_place


def _ids() -> LoadIds:
    ids = LoadIds(head={"u:1": (NodeKind.AREA, {"level": "county"})})
    ids.registries += ["a", "b"]
    ids.files[(0, 6)] = "people.csv"
    return ids


@pytest.mark.parametrize("collide", [False, True], ids=["hashes", "colliding-hashes"])
def test_sealed_ids_answer_as_recent_ones(monkeypatch, collide):
    monkeypatch.setattr(registry_stream, "SEAL_AT", 50)
    if collide:  # every id's first hash one of three: only the second tells them apart
        monkeypatch.setattr(registry_stream, "_hash1", lambda s: len(s) % 3)
        # (whose top bits, all a sealed id keeps of it, differ for each id here)
        monkeypatch.setattr(registry_stream, "_hash2", lambda s: int(s.split(":")[1]) << 50)
    ids = _ids()
    for i in range(1, 201):
        ids.add(f"p:{i}", NodeKind.RESIDENT, 0, 6, i + 1, {})
        if i % 20 == 0:
            assert ids.check() is None
    assert len(ids) == 200 and len(ids.recent) < 50  # sealed
    for i in (1, 77, 200):
        assert f"p:{i}" in ids
        assert ids.of_registry(f"p:{i}", 0) == NodeKind.RESIDENT
        assert ids.of_registry(f"p:{i}", 1) is None
    assert "u:1" in ids and "p:0" not in ids and "p:201" not in ids
    assert ids.missing(["p:3", "u:1", "p:150"]) is None
    assert ids.missing(["p:3", "p:999", "p:0"]) == "p:999"
    kind, props = ids.where(ids.pack(NodeKind.RESIDENT, 0, 6, 12))
    assert (kind, props) == (NodeKind.RESIDENT, {"registry": "a", "registry_file": "people.csv",
                                                  "registry_line": 12})


def test_an_id_given_again_after_sealing_is_found_with_both_origins(monkeypatch):
    monkeypatch.setattr(registry_stream, "SEAL_AT", 10)
    ids = _ids()
    for i in range(30):
        ids.add(f"p:{i}", NodeKind.RESIDENT, 0, 6, i + 2, {})
    assert ids.check() is None and not ids.recent
    ids.add("p:new", NodeKind.RESIDENT, 1, 6, 2, {})
    ids.add("p:7", NodeKind.RESIDENT, 1, 6, 3, {})  # sealed: found in bulk, not here
    twice = ids.check()
    assert twice is not None
    id_, now, before = twice
    assert id_ == "p:7"
    assert ids.where(now)[1]["registry"] == "b"
    assert ids.where(before)[1] == {"registry": "a", "registry_file": "people.csv", "registry_line": 9}
    # Recent ids and the head are refused as they are added.
    with pytest.raises(ValueError, match="'p:new' is in an earlier part of this load"):
        ids.add("p:new", NodeKind.RESIDENT, 0, 6, 40, {"registry": "a"})
    with pytest.raises(ValueError, match="'u:1' is in an earlier part of this load"):
        ids.add("u:1", NodeKind.AREA, 0, 6, 41, {"registry": "a"})


@pytest.mark.parametrize("block", [1, 7, 1 << 19])
def test_a_seal_merges_in_place_as_a_sort_would(monkeypatch, block):
    monkeypatch.setattr(registry_stream, "_MERGE_BLOCK", block)
    rng = np.random.default_rng(5)
    keys, words = np.empty(300, np.int64), np.empty(300, np.uint64)
    n = 0
    every: list[int] = []
    for k in (0, 40, 1, 100, 59):  # duplicates among and across the batches
        new = np.sort(rng.integers(-50, 50, k))
        _merge_in_place(keys, words, n, new, (new + 1000).astype(np.uint64))
        n += k
        every += new.tolist()
        assert keys[:n].tolist() == sorted(every)
        assert (words[:n] == (keys[:n] + 1000).astype(np.uint64)).all()


def test_more_ids_than_expected_grow_the_arrays(monkeypatch):
    monkeypatch.setattr(registry_stream, "SEAL_AT", 10)
    ids = LoadIds(head={}, expect=15)
    ids.registries.append("a")
    for i in range(100):
        ids.add(f"p:{i}", NodeKind.RESIDENT, 0, 6, i + 2, {})
        assert ids.check() is None
    assert len(ids) == 100 and all(f"p:{i}" in ids for i in range(100))
    assert ids.missing([f"p:{i}" for i in range(100)]) is None
