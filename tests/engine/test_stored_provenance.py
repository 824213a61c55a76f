"""Every fact in the stored graph knows where it came from, on both engines (the
facts the loader plans are checked without a store in tests/unit/test_provenance.py)."""

from __future__ import annotations

UNCITED_EDGES = """
MATCH ()-[e]->()
WHERE e.source_doc IS NULL AND e.registry_file IS NULL
RETURN count(e) AS n
"""

UNCITED_NODES = """
MATCH (n:Entity)
WHERE n.source_doc IS NULL AND n.registry_file IS NULL AND n.source_path IS NULL
  AND (n.doc IS NULL OR n.start IS NULL)
RETURN count(n) AS n
"""


def test_the_stored_graph_has_no_uncited_fact(store):
    assert store.read(UNCITED_EDGES).records()[0]["n"] == 0
    assert store.read(UNCITED_NODES).records()[0]["n"] == 0
    assert store.read("MATCH ()-[e:LIVES_IN]->() RETURN count(e) AS n").records()[0]["n"] > 0

