"""The embedded store spells parameters into the query text itself
(``graph/falkordb_store.py`` ``_literal``, faster for a load's rows): the same
text as the FalkorDB client's ``stringify_param_value``."""

from __future__ import annotations

import pytest
from falkordb.helpers import stringify_param_value
from govgraph.graph.falkordb_store import _literal


@pytest.mark.parametrize("value", [
    "", "plain", 'quo"te', "back\\slash", "行\n二\r\n\x1f", None, True, False, 0, -7, 2**40, 1.5,
    [], [1, "a", None, True, 2.0, ["x", 'y"']], [[1, "2"], []], {"a": 1, "b": ["c"]},
    ("t", 1),
])
def test_literal_is_the_clients_text(value):
    assert _literal(value) == stringify_param_value(value)
