"""Every named query of the catalogue has contract cases (tests/catalogue_cases.py),
which tests/engine/test_catalogue_contract.py runs on both engines."""

from __future__ import annotations

from catalogue_cases import CASES
from govgraph.queries import catalogue


def test_every_query_has_a_case():
    assert set(catalogue.catalogue()) == set(CASES), (
        "each catalogue query needs contract cases in tests/catalogue_cases.py")
