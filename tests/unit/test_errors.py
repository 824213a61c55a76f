"""One error type for both surfaces: each expected error carries its CLI exit code and
its HTTP problem type, and the CLI and the API report it by those two alone."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient
from govgraph.api import problems
from govgraph.graph.store import QueryError, QueryTimeout, ReadOnlyViolation, StoreError
from govgraph.loaders.notice import NoticeError
from govgraph.loaders.structure import StructureError
from govgraph.queries import answers
from govgraph.queries.catalogue import CatalogueError

from govgraph.cli import handle_errors
from govgraph.errors import GovgraphError, InvalidArgument, NotFound

# error, exit code, problem type, HTTP status: what each surface reported before the
# errors carried it themselves (govgraph/cli.py's handle_errors, api/problems.py).
EXPECTED = [
    (NotFound("unknown measure 99"), 2, "not-found", 404),
    (InvalidArgument("depth must be 1 to 3"), 1, "invalid-argument", 400),
    (CatalogueError("who_leads does not take 'x'"), 1, "invalid-argument", 400),
    (NoticeError("notice.txt: no measures"), 1, "invalid-document", 422),
    (StructureError("structure.toml: bad level"), 1, "invalid-document", 422),
    (StoreError("cannot reach bolt://***@db"), 1, "store-unavailable", 503),
    (ReadOnlyViolation("CREATE is a write"), 3, "read-only", 403),
    (QueryTimeout("stopped after 10 s"), 4, "query-timeout", 504),
    (QueryError("syntax error at 3"), 1, "invalid-query", 400),
]


def test_answers_reexports_the_one_not_found():
    assert answers.NotFound is NotFound and answers.InvalidArgument is InvalidArgument
    assert issubclass(NotFound, LookupError) and issubclass(InvalidArgument, ValueError)
    assert issubclass(CatalogueError, KeyError) and issubclass(StoreError, RuntimeError)


def test_every_error_names_a_documented_problem_type():
    def subclasses(c):
        for s in c.__subclasses__():
            yield s
            yield from subclasses(s)

    for cls in subclasses(GovgraphError):
        if cls is problems.ProblemException:
            continue
        assert cls.problem in problems.PROBLEM_TYPES, f"{cls.__name__}: unknown {cls.problem!r}"


@pytest.mark.parametrize("error,code,slug,status", EXPECTED, ids=lambda v: type(v).__name__)
def test_cli_exits_with_the_errors_code(error, code, slug, status):
    @click.command()
    @handle_errors
    def fails():
        raise error

    result = CliRunner().invoke(fails, [])
    assert result.exit_code == code
    assert result.output.strip() == f"error: {error.args[0]}"  # the message, never quoted


@pytest.mark.parametrize("error,code,slug,status", EXPECTED, ids=lambda v: type(v).__name__)
def test_api_answers_with_the_errors_problem_type(error, code, slug, status):
    app = FastAPI()
    problems.install(app)

    @app.get("/fails")
    def fails():
        raise error

    r = TestClient(app, raise_server_exceptions=False).get("/fails")
    assert r.status_code == status
    assert r.headers["content-type"] == problems.PROBLEM_JSON
    body = r.json()
    assert body["type"] == problems.problem_uri(slug)
    assert body["detail"] == error.args[0]


def test_other_errors_stay_internal():
    app = FastAPI()
    problems.install(app)

    @app.get("/fails")
    def fails():
        raise ZeroDivisionError("boom")

    r = TestClient(app, raise_server_exceptions=False).get("/fails")
    assert r.status_code == 500 and r.json()["type"] == "/problems/internal-error"
