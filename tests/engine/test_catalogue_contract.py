"""One catalogue, two engines: every named query answers identically on both.

The cases are in tests/catalogue_cases.py; a query added to queries/ without one
fails tests/unit/test_catalogue_cases.py.
"""

from __future__ import annotations

import pytest
from catalogue_cases import ALL
from govgraph.queries import catalogue


@pytest.mark.parametrize("name,params", [(n, p) for n, _i, p in ALL],
                         ids=[f"{n}-{i}" for n, i, _p in ALL])
def test_query_runs_on_embedded(falkor_store, name, params):
    res = catalogue.run(falkor_store, name, **params)
    assert res.columns  # every query names its columns


@pytest.mark.neo4j
@pytest.mark.parametrize("name,params", [(n, p) for n, _i, p in ALL],
                         ids=[f"{n}-{i}" for n, i, _p in ALL])
def test_same_answer_on_both_engines(falkor_store, neo4j_store, name, params):
    f = catalogue.run(falkor_store, name, **params)
    n = catalogue.run(neo4j_store, name, **params)
    assert f.columns == n.columns
    assert _comparable(f) == _comparable(n)


def _comparable(res) -> list[list]:
    # The generation is a random token per load: two stores loaded alike differ in it.
    if "generation" not in res.columns:
        return res.rows
    i = res.columns.index("generation")
    assert all(r[i] for r in res.rows), "a loaded graph has a generation"
    return [r[:i] + r[i + 1:] for r in res.rows]


def test_catalogue_refuses_undeclared_parameters(falkor_store):
    with pytest.raises(catalogue.CatalogueError, match="unknown"):
        catalogue.run(falkor_store, "who_leads", number=1, doc=None, evil="x")
    with pytest.raises(catalogue.CatalogueError, match="missing"):
        catalogue.run(falkor_store, "who_leads", number=1)
