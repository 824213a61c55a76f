"""The docs name everything a user can call: every CLI command, every HTTP route
and every catalogue query. Runs without any database.

- commands: each is in docs/cli.md, and docs/cli.md is exactly what
  scripts/cli_reference.py writes from the click group;
- routes: each method and path of the FastAPI app is in docs/api.md, as
  `METHOD /path`; the routes of questions built from their declaration are in a
  table the same script writes from the declarations (queries/questions.py), so
  a built question is documented by its declaration;
- queries: each catalogue query's name is somewhere in docs/; docs/queries.md's
  table is what the script writes from the queries' headers.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from helpers import app_routes

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"


def _cli_reference():
    spec = importlib.util.spec_from_file_location("cli_reference", REPO / "scripts" / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _all_docs() -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(DOCS.rglob("*.md")))


def test_the_cli_reference_is_what_the_script_writes():
    ref = _cli_reference()
    assert (DOCS / "cli.md").read_text("utf-8") == ref.render(), (
        "docs/cli.md is out of date: run .venv/bin/python scripts/cli_reference.py")


def test_every_command_is_in_the_cli_reference():
    text = (DOCS / "cli.md").read_text("utf-8")
    commands = _cli_reference().commands()
    assert {"govgraph", "govgraph load", "govgraph who-leads", "govgraph db stop"} <= set(commands)
    missing = [c for c in commands if f"\n## {c}\n" not in text]
    assert not missing, f"commands not in docs/cli.md: {missing}"


def test_the_built_questions_table_is_what_the_script_writes():
    ref = _cli_reference()
    assert (DOCS / "api.md").read_text("utf-8") == ref.api_page(), (
        "docs/api.md's table of built questions is out of date: run "
        ".venv/bin/python scripts/cli_reference.py")
    assert "| `GET /measures/{measure}/leads` | `govgraph who-leads` |" in ref.api_table()


def test_every_route_is_in_the_api_docs():
    text = (DOCS / "api.md").read_text("utf-8")
    routes = app_routes()
    assert "GET /measures/{measure}/leads" in routes and "POST /cypher" in routes
    missing = [r for r in routes if f"`{r}`" not in text]
    assert not missing, f"routes not in docs/api.md: {missing}"


def test_the_queries_table_is_what_the_script_writes():
    assert (DOCS / "queries.md").read_text("utf-8") == _cli_reference().queries_page(), (
        "docs/queries.md's table is out of date: run .venv/bin/python scripts/cli_reference.py")


def test_every_catalogue_query_is_in_the_docs():
    from govgraph.queries.catalogue import catalogue

    text = _all_docs()
    names = sorted(catalogue())
    assert "who_leads" in names
    missing = [n for n in names if not re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text)]
    assert not missing, f"catalogue queries not in docs/: {missing}"


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_links_between_docs_pages_resolve(page):
    """Links from one docs/ page to another (links out of docs/ are not checked)."""
    text = (DOCS / page).read_text("utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    broken = [t for t in targets if "://" not in t and "/" not in t and not (DOCS / t).exists()]
    assert not broken, f"{page} links to pages that do not exist: {broken}"
