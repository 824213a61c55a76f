"""The built questions (queries/questions.py with params, flow or query, table): their
declarations are whole, and the command and route made from each ask the same
parameters. No store: the click group and the FastAPI app are only walked, and
the generic flow is driven with canned rows."""

from __future__ import annotations

import inspect
import re
from functools import cache

import click
import pytest
from click.testing import CliRunner
from govgraph.graph.store import QueryResult
from govgraph.queries import answers
from govgraph.queries.flow import drive_canned
from govgraph.queries.questions import Param, Question, Table, built, by_name

BUILT = built()


@cache
def _openapi() -> dict:
    from govgraph.api import create_app

    from govgraph.settings import Settings

    return create_app(Settings()).openapi()


def test_the_simple_questions_are_built():
    names = {q.name for q in BUILT}
    assert {"who_leads", "who_is_responsible", "unit_measures", "unit_load", "unit_load_of",
            "diffuse", "documents", "document_overlap"} <= names


@pytest.mark.parametrize("q", BUILT, ids=lambda q: q.name)
def test_a_built_declaration_is_whole(q: Question):
    assert q.cli and len(q.routes) == 1 and q.about and q.examples and q.csv
    assert (q.flow is None) != (q.query is None), "a flow or a query, not both"
    assert all(e.startswith(f"govgraph {q.cli}") or e.startswith("govgraph load")
               for e in q.examples)
    path = q.routes[0].split(" ", 1)[1]
    for name in re.findall(r"\{(\w+)\}", path):
        assert any(p.api_name == name and p.required for p in q.params), (q.name, name)
    if q.flow is not None:
        sig = inspect.signature(q.flow)
        assert {p.name for p in q.params} <= set(sig.parameters), q.name


@pytest.mark.parametrize("q", BUILT, ids=lambda q: q.name)
def test_the_command_and_the_route_ask_the_same_parameters(q: Question):
    from govgraph.cli import main

    cmd = main.commands[q.cli]
    flags = {o for p in cmd.params for o in getattr(p, "opts", [])}
    assert {"--json", "--csv"} <= flags
    cli_names = {p.name for p in cmd.params}
    assert {p.name for p in q.params} <= cli_names
    method, path = q.routes[0].split(" ", 1)
    op = _openapi()["paths"][path][method.lower()]
    api_names = {p["name"] for p in op.get("parameters", [])} - {"offset", "limit"}
    assert api_names == {p.api_name for p in q.params}
    assert op["summary"] == q.docs and op["description"] == q.about
    if q.page or q.paged:
        assert {"offset", "limit"} <= {p["name"] for p in op["parameters"]}
    if q.paged:
        assert {"--skip", "--limit"} <= flags


def test_a_shared_command_answers_the_question_whose_parameters_were_given():
    from govgraph.cli import main

    res = CliRunner().invoke(main, ["responsible", "13", "--compound", "x"])
    assert res.exit_code == 2 and "give MEASURE or --compound ID" in res.output
    res = CliRunner().invoke(main, ["who-leads"])
    assert res.exit_code == 2 and "give MEASURE" in res.output and "--org" not in res.output
    assert "With UNIT: how many measures UNIT leads" in CliRunner().invoke(
        main, ["unit-load", "--help"]).output


@pytest.mark.parametrize("q", [q for q in BUILT if q.paged], ids=lambda q: q.name)
def test_a_question_paged_in_the_query_reads_a_page_and_its_count(q: Question):
    """The page is read with skip/limit and its total from the declared ``_count``
    twin, which takes the same parameters and is a catalogue query."""
    from govgraph.queries.catalogue import catalogue

    assert q.count and q.count in catalogue()
    values = {p.name: p.examples[0].split(",") if p.many else (p.examples or ("x",))[0] for p in q.params}
    reads = []

    def canned(r):
        reads.append(r)
        return QueryResult(["total"], [[7]]) if r.name == q.count else QueryResult([], [])

    found = drive_canned(q.run_page(values, 2, 3), canned)
    assert [r.name for r in reads] == [q.query or reads[0].name, q.count]
    assert (reads[0].params["skip"], reads[0].params["limit"]) == (2, 3)
    assert {k: v for k, v in reads[0].params.items() if k not in ("skip", "limit")} \
        == reads[1].params
    assert (found.items, found.total, found.offset, found.limit) == ([], 7, 2, 3)


def test_the_rows_flow_cites_each_row():
    class Hit(answers.BaseModel):
        id: str
        unit: answers.UnitRef
        citation: answers.Citation

    rows = QueryResult(["id", "unit_id", "unit_name", "clause", "source_doc", "start"],
                       [["m1", "u1", "市住建局", "市住建局牵头", "d", 3]])
    [hit] = drive_canned(answers.rows_flow("q", Hit, doc=None),
                         lambda r: rows if r.params == {"doc": None} else None)
    assert (hit.unit.name, hit.citation.clause, hit.citation.start) == ("市住建局", "市住建局牵头", 3)


def test_a_table_prints_blocks_with_their_headings(capsys):
    from govgraph.cli_declared import print_table

    q = Question("x", "x", table=Table((("n", "n"), ("twice", lambda r: r["n"] * 2)), rows="rows",
                                       heading=lambda b: f"block {b['name']}", blocks=True))
    print_table(q, [{"name": "a", "rows": [{"n": 1}]}, {"name": "b", "rows": []}])
    out = capsys.readouterr().out
    assert out.splitlines()[:4] == ["block a", "n  twice", "-  -----", "1  2"]
    assert "block b" in out and "(no rows)" in out


def test_an_option_is_bounded_on_the_cli_as_over_http():
    from govgraph.cli_declared import build_command

    q = by_name()["diffuse"]
    cmd = build_command("diffuse", [q])
    opt = next(p for p in cmd.params if p.name == "min_responsible")
    assert isinstance(opt.type, click.IntRange) and (opt.type.min, opt.type.max) == (0, 1000)
    assert Param("kinds", list[str]).many and not Param("doc", default=None).required
