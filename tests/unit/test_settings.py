"""Settings that are refused before anything starts (`serve --answer-cache`)."""

from __future__ import annotations

import pytest

from govgraph.settings import Settings


def test_serve_refuses_a_negative_interval():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Settings(answer_cache_s=-1)



# ---------------------------------------------------------------- the engine, chosen

def test_the_engine_is_inferred_when_not_chosen(monkeypatch):
    monkeypatch.delenv("GOVGRAPH_ENGINE", raising=False)
    monkeypatch.delenv("GOVGRAPH_NEO4J_URI", raising=False)
    assert Settings().engine == "falkordb"
    assert Settings(neo4j_uri="bolt://127.0.0.1:7687").engine == "neo4j"


def test_the_engine_chosen_explicitly_wins(monkeypatch):
    monkeypatch.setenv("GOVGRAPH_ENGINE", "FalkorDB")
    assert Settings(neo4j_uri="bolt://127.0.0.1:7687").engine == "falkordb"
    monkeypatch.setenv("GOVGRAPH_ENGINE", "neo4j")
    assert Settings(neo4j_uri="bolt://127.0.0.1:7687").engine == "neo4j"


def test_an_unknown_engine_is_refused_by_name(monkeypatch):
    from pydantic import ValidationError

    monkeypatch.setenv("GOVGRAPH_ENGINE", "sqlite")
    with pytest.raises(ValidationError, match="GOVGRAPH_ENGINE must be one of falkordb, neo4j, not 'sqlite'"):
        Settings()
    monkeypatch.setenv("GOVGRAPH_ENGINE", "neo4j")
    monkeypatch.delenv("GOVGRAPH_NEO4J_URI", raising=False)
    with pytest.raises(ValidationError, match="GOVGRAPH_ENGINE=neo4j needs a server"):
        Settings()


def test_the_cli_says_what_is_wrong_with_the_engine(monkeypatch):
    from click.testing import CliRunner

    from govgraph.cli import main

    monkeypatch.delenv("GOVGRAPH_NEO4J_URI", raising=False)
    result = CliRunner().invoke(main, ["documents"], env={"GOVGRAPH_ENGINE": "sqlite"})
    assert result.exit_code == 1
    assert "GOVGRAPH_ENGINE must be one of falkordb, neo4j, not 'sqlite'" in result.output
    assert "Traceback" not in result.output


def test_open_store_refuses_what_it_cannot_open():
    from types import SimpleNamespace

    from govgraph.graph.connect import open_store
    from govgraph.graph.store import StoreError

    with pytest.raises(StoreError, match="unknown engine 'sqlite'"):
        open_store(SimpleNamespace(engine="sqlite", neo4j_uri=None))
    with pytest.raises(StoreError, match="needs a server"):
        open_store(SimpleNamespace(engine="neo4j", neo4j_uri=None))
