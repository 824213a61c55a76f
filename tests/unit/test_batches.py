"""A batch of graph facts is checked before any store sees it."""

from __future__ import annotations

import pytest
from govgraph.graph.model import Edge, GraphBatch, RelType


def test_dangling_edge_is_refused():
    batch = GraphBatch(edges=[Edge(type=RelType.LEADS, src="a", dst="b")])
    with pytest.raises(ValueError, match="no node 'a'"):
        batch.check()

