"""The anchored reads the analyses use give the rows of the scanning ones.

``structure_around`` and ``edges_among`` start from the given ids (the Entity.id
index) where ``structure_edges`` and ``subgraph`` with ids filter every edge of the
graph; on the shared store (seed and hand-made registry) they must answer alike.
"""

from __future__ import annotations

import pytest
from govgraph.queries import analytics, catalogue

AS_OF = "2024-06-30"


def _frame_ids(store, compound: str) -> tuple[list[str], list[str]]:
    place = catalogue.run(store, "compound_place", compound_id=compound, as_of=AS_OF).records()[0]
    bodies = [b for b in place["bodies"] if b]
    types = sorted({b["body_type"] for b in bodies if b.get("body_type")} | {"company:property"})
    types += [g for g, ts in analytics.STANDS_FOR.items() if any(t in types for t in ts)]
    return types, [b["body_id"] for b in bodies] + [compound]


@pytest.mark.parametrize("compound", ["t:cpd:1", "t:cpd:3"])
def test_structure_around_is_structure_edges_from_the_ids(falkor_store, compound):
    types, _ = _frame_ids(falkor_store, compound)
    assert types
    for docs in (None, ["anshun-2021-property-16"]):
        anchored = catalogue.run(falkor_store, "structure_around", ids=types, docs=docs)
        scanned = catalogue.run(falkor_store, "structure_edges", ids=types, docs=docs)
        assert anchored.columns == scanned.columns
        assert anchored.rows == scanned.rows
    assert anchored.rows  # the notice ties these kinds of body to something


@pytest.mark.parametrize("compound", ["t:cpd:1", "t:cpd:3"])
def test_edges_among_is_subgraph_from_the_ids(falkor_store, compound):
    _, ids = _frame_ids(falkor_store, compound)
    for types in (None, ["PART_OF"], ["PART_OF", "LOCATED_IN"]):
        anchored = catalogue.run(falkor_store, "edges_among", ids=ids, types=types)
        scanned = catalogue.run(falkor_store, "subgraph", ids=ids, types=types)
        assert anchored.columns == scanned.columns
        assert anchored.rows == scanned.rows
    assert catalogue.run(falkor_store, "edges_among", ids=ids, types=None).rows


def test_structure_facts_is_structure_edges_found_from_the_bodies(falkor_store):
    """The documents' hierarchy reads structure_facts (each branch from a body label)
    instead of structure_edges with ids null (a scan of every node): same rows."""
    for docs in (None, ["anshun-2021-property-16"], ["no-such-doc"]):
        anchored = catalogue.run(falkor_store, "structure_facts", docs=docs)
        scanned = catalogue.run(falkor_store, "structure_edges", ids=None, docs=docs)
        assert anchored.columns == scanned.columns
        assert anchored.rows == scanned.rows
    assert anchored.rows == [] and scanned.rows == []
    assert len(catalogue.run(falkor_store, "structure_facts", docs=None).rows) >= 20


def test_unknown_ids_read_nothing(falkor_store):
    assert catalogue.run(falkor_store, "structure_around", ids=["nobody"], docs=None).rows == []
    assert catalogue.run(falkor_store, "edges_among", ids=["nobody", "t:cpd:1"], types=None).rows == []


@pytest.mark.parametrize("place", ["t:cpd:1", "t:street:1", "area:普定县"])
def test_place_frame_gives_the_part_of_ties_edges_among_gives(falkor_store, place):
    """A place's brokers take the PART_OF ties among its organizations from
    place_frame (each body's `part_of`), where a compound's brokers used to read
    edges_among: the ties among the place's bodies are the same."""
    from govgraph.queries.flow import drive

    frames, _, _ = drive(falkor_store, analytics.place_flow(place, AS_OF))
    ids = sorted({b["body_id"] for a in frames.areas.values() for b in a["bodies"] if b})
    among = {(r["src"], r["dst"]) for r in
             catalogue.run(falkor_store, "edges_among", ids=ids, types=["PART_OF"]).records()}
    mine = {(r["src"], r["dst"]) for r in frames.part_of() if r["dst"] in ids}
    assert mine == among
    assert among  # e.g. a community Party committee PART_OF its street's
