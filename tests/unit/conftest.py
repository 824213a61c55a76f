"""The unit tier: no database, no server. `pytest tests/unit` is the loop to run
after every change (seconds, on a machine with no database running).

A test here that asks for a store fixture, or opens the embedded FalkorDB, fails
and says where it belongs: tests/engine (or tests/system for whole servers).
"""

from __future__ import annotations

import pytest

ENGINE_FIXTURES = frozenset({"store", "falkor_store", "falkor_dir", "fresh_store", "neo4j_store",
                             "neo4j_uri", "city_store"})


def pytest_runtest_setup(item: pytest.Item) -> None:
    asked = sorted(ENGINE_FIXTURES & set(getattr(item, "fixturenames", ())))
    if asked:
        pytest.fail(f"{item.nodeid} is in tests/unit but needs {', '.join(asked)}: "
                    "tests that need a store go in tests/engine", pytrace=False)


@pytest.fixture(autouse=True)
def _no_embedded_server(monkeypatch: pytest.MonkeyPatch) -> None:
    from govgraph.graph import embedded_server

    def refuse(data_dir, *args, **kwargs):
        raise AssertionError(f"a unit test opened the embedded FalkorDB at {data_dir}: "
                             "tests that need a store go in tests/engine")

    monkeypatch.setattr(embedded_server, "ensure_running", refuse)
