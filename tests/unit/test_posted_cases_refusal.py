"""A replacing load and the cases posted through Open311 (docs/cases.md#open311):
the refusal's message, the one query it costs, and the flag on both surfaces,
without a store (stand-ins answer the query). The engines' half, a posted request
and a real replace on each engine, is tests/engine/test_posted_cases.py."""

from __future__ import annotations

import pytest
from api_helpers import ADMIN, client, problem
from click.testing import CliRunner
from govgraph.graph.store import QueryResult
from govgraph.loaders.pipeline import replace_check
from govgraph.loaders.registry import (
    OPEN311_FILE,
    OPEN311_REGISTRY,
    POSTED_CASES_QUERY,
    PostedCasesHeld,
    keep_posted_cases,
    posted_cases_message,
)

from govgraph.cli import main
from govgraph.usecases import write_bulk_files


def test_the_message_names_how_many_would_be_lost_and_both_ways_out():
    msg = posted_cases_message(3, 2, "2024-05-01")
    assert msg.startswith("the graph holds 3 cases posted through Open311 (2 still open), which "
                          "replacing it would delete; nothing was written.")
    assert "--drop-posted-cases" in msg and '"drop_posted_cases": true' in msg
    assert "GET /open311/v2/requests.json?start_date=2024-05-01" in msg
    assert "their ids start with o311:" in msg
    one = posted_cases_message(1, 0, None)
    assert "holds 1 case posted" in one and "(0 still open)" in one
    assert "(GET /open311/v2/requests.json;" in one  # no date to start from: no start_date


def test_the_check_is_one_query_and_refuses_only_when_posted_cases_are_held():
    asked = []

    def lookup(answer):
        def run(cypher, params):
            asked.append((cypher, params))
            return answer
        return run

    keep_posted_cases(lookup([[0, 0, None]]))
    with pytest.raises(PostedCasesHeld) as err:
        keep_posted_cases(lookup([[4, 3, "2024-06-01"]]))
    assert asked == [(POSTED_CASES_QUERY, {"registry": OPEN311_REGISTRY, "file": OPEN311_FILE})] * 2
    assert "holds 4 cases posted through Open311 (3 still open)" in str(err.value)
    assert (err.value.problem, err.value.exit_code) == ("replace-refused", 1)
    assert not isinstance(err.value, ValueError)  # POST /load reports ValueErrors as bad documents
    # Cases are found by their indexed registry (Case.registry on both engines).
    assert POSTED_CASES_QUERY.startswith("MATCH (c:Case {registry: $registry})")


def test_dropping_posted_cases_skips_the_check():
    assert replace_check(False) is keep_posted_cases
    assert replace_check(True) is None


def test_cli_drop_posted_cases_goes_with_replace(tmp_path):
    res = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "load", "--drop-posted-cases"])
    assert res.exit_code == 2
    assert "--drop-posted-cases goes with --replace" in res.output
    res = CliRunner().invoke(main, ["load", "--help"])
    assert "--drop-posted-cases" in res.output


class _PostedStore:
    """A stand-in store holding two posted cases, one open: it answers the check's
    query and records what was asked of it."""

    engine = "falkordb"

    def __init__(self) -> None:
        self.cleared = 0
        self.asked: list[str] = []

    def read(self, cypher, params=None) -> QueryResult:
        self.asked.append(cypher)
        return QueryResult(columns=["cases", "open", "first"], rows=[[2, 1, "2024-06-01"]])

    async def aread(self, cypher, params=None) -> QueryResult:
        return self.read(cypher, params)

    def clear(self, check=None) -> None:
        if check is not None:
            check(lambda cypher, params: self.read(cypher, params).rows)
        self.cleared += 1

    def close(self) -> None: ...

    async def aclose(self) -> None: ...


def test_post_load_with_replace_is_409_and_clears_nothing():
    store = _PostedStore()
    with client(store) as api:
        body = problem(api.post("/load", json={"replace": True}, headers=ADMIN), 409,
                       "replace-refused", "2 cases posted through Open311 (1 still open)")
        assert "drop_posted_cases" in body["detail"]
        assert store.cleared == 0 and store.asked == [POSTED_CASES_QUERY]
        problem(api.post("/load", json={"drop_posted_cases": True}, headers=ADMIN), 422,
                "validation-error", "drop_posted_cases goes with replace")
        assert api.get("/problems/replace-refused").json()["status"] == 409


def test_bulk_files_check_the_database_they_will_replace(tmp_path):
    """`--bulk-files` with the settings naming a Neo4j: the files replace that
    database when imported, so it is looked at first (one query), unless told not to."""
    store = _PostedStore()
    out = tmp_path / "import"
    with pytest.raises(PostedCasesHeld, match="2 cases posted"):
        write_bulk_files(out, [], data_dir=tmp_path / "data", database="neo4j", replacing=store)
    assert store.asked == [POSTED_CASES_QUERY] and not out.exists()
    res = write_bulk_files(out, [], data_dir=tmp_path / "data", database="neo4j", replacing=store,
                           drop_posted_cases=True)
    assert res.nodes > 0 and store.asked == [POSTED_CASES_QUERY]
    assert "cases posted through Open311 included" in res.steps[0]
