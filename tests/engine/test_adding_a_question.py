"""docs/adding-a-question.md's worked example, run from the page itself: its query,
contract case, declaration and test are read from the page's code blocks, added
at run time (nothing is written to queries/), and the question then answers the
same on the CLI and over HTTP, from the one declaration. When the page goes
stale, this fails."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
from api_helpers import client
from click.testing import CliRunner
from govgraph.api.routers.declared import build_router
from govgraph.queries import answers, catalogue, questions
from helpers import REPO

from govgraph.cli import handle_errors, main
from govgraph.cli_declared import add_commands

PAGE = REPO / "docs" / "adding-a-question.md"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", PAGE.read_text("utf-8"), re.S)


@pytest.fixture(scope="module")
def example(falkor_store):
    """The page's query in the catalogue and its question on both surfaces."""
    [cypher] = _blocks("cypher")
    case, model, declaration, test = _blocks("python")[:4]
    name = re.search(r"// name: (\w+)", cypher).group(1)
    cat = catalogue.catalogue()
    cat[name] = catalogue.parse(f"{name}.cypher", cypher)
    ns = dict(vars(answers))
    exec(model, ns)  # the answer model, as it would be in queries/answers.py
    models = SimpleNamespace(**{k: v for k, v in ns.items() if k not in vars(answers)})
    q = eval(declaration.strip().rstrip(","), {**vars(questions), "answers": models})
    cmds = add_commands(main, wrap=handle_errors, questions=[q])
    try:
        yield SimpleNamespace(question=q, cases=eval("{" + case.strip().rstrip(",") + "}"),
                              test=test)
    finally:
        for cmd in cmds:
            main.commands.pop(cmd.name or "")
        cat.pop(name)


@pytest.fixture
def run(falkor_dir, example):
    def _run(*args: str):
        res = CliRunner().invoke(main, ["--data-dir", str(falkor_dir), *args],
                                 catch_exceptions=False)
        assert res.exit_code == 0, res.output
        return res

    return _run


@pytest.fixture
def api(falkor_store, example):
    with client(falkor_store) as c:
        c.app.include_router(build_router([example.question]))
        yield c


def test_the_contract_cases_find_something_and_nothing(falkor_store, example):
    [(name, cases)] = example.cases.items()
    found = [catalogue.run(falkor_store, name, **c).rows for c in cases]
    assert found[0] and not found[-1]


def test_the_pages_test_passes_on_both_surfaces(run, api, example):
    ns: dict = {"json": json}
    exec(example.test, ns)
    [fn] = [v for k, v in ns.items() if k.startswith("test_")]
    fn(run, api)


def test_the_question_is_documented_by_its_declaration(run, example):
    q = example.question
    assert q.about in " ".join(run(q.cli, "--help").output.split())
    res = CliRunner().invoke(main, [q.cli, "--help"])
    assert "SECTION: a section's number" in res.output and "--csv" in res.output
    assert "section-measures 2" in res.output


def test_a_bad_section_is_a_usage_error_and_a_422(falkor_dir, api, example):
    res = CliRunner().invoke(main, ["--data-dir", str(falkor_dir), example.question.cli, "two"])
    assert res.exit_code == 2
    assert api.get("/sections/two/measures").status_code == 422
