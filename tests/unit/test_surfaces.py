"""The CLI and the HTTP API agree with the declared questions (govgraph.queries.questions).

Walks the click group and the FastAPI app (no store is opened) and fails on drift:
a command or route that no question declares, a declared one that does not exist,
or a question on one surface with no reason given for the other.
"""

from __future__ import annotations

import click
from govgraph.queries.questions import QUESTIONS, by_name
from helpers import app_routes


def _leaf_commands(group: click.Group, prefix: str = "") -> set[str]:
    ctx = click.Context(group)
    found: set[str] = set()
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        path = f"{prefix}{name}"
        if isinstance(cmd, click.Group):
            found |= _leaf_commands(cmd, f"{path} ")
        else:
            found.add(path)
    return found


def _commands() -> set[str]:
    from govgraph.cli import main

    return _leaf_commands(main)


def _routes() -> set[str]:
    return {r for r in app_routes() if r.split(" ", 1)[0] in ("GET", "POST")}


def test_names_are_unique_and_documented():
    names = [q.name for q in QUESTIONS]
    assert len(names) == len(set(names)), "a question is declared twice"
    assert all(q.docs.strip() for q in QUESTIONS), "every question has its docs line"


def test_every_command_is_declared():
    declared = {q.cli for q in QUESTIONS if q.cli}
    assert {"load", "who-leads", "db start", "documents", "search"} <= _commands()
    missing = sorted(_commands() - declared)
    assert not missing, f"CLI commands no question declares (add them to queries/questions.py): {missing}"


def test_every_declared_command_exists():
    unknown = sorted({q.cli for q in QUESTIONS if q.cli} - _commands())
    assert not unknown, f"declared CLI commands that do not exist: {unknown}"


def test_every_route_is_declared():
    declared = {r for q in QUESTIONS for r in q.routes}
    routes = _routes()
    assert {"GET /documents/overlap", "POST /extract", "POST /load", "GET /health"} <= routes
    missing = sorted(routes - declared)
    assert not missing, f"routes no question declares (add them to queries/questions.py): {missing}"


def test_every_declared_route_exists():
    routes = _routes()
    unknown = sorted(r for q in QUESTIONS for r in q.routes if r not in routes)
    assert not unknown, f"declared routes that do not exist: {unknown}"


def test_a_route_belongs_to_one_question():
    seen: dict[str, str] = {}
    twice = []
    for q in QUESTIONS:
        for r in q.routes:
            if r in seen:
                twice.append((r, seen[r], q.name))
            seen[r] = q.name
    assert not twice, f"routes declared by two questions: {twice}"


def test_one_surface_only_says_why():
    """The drift list: each question on one surface only, with its reason. A question
    on neither surface, or with a reason for a surface it is on, is an error."""
    unexplained = [q.name for q in QUESTIONS
                   if (q.cli is None and not q.no_cli) or (not q.routes and not q.no_api)]
    assert not unexplained, f"questions on one surface with no reason for the other: {unexplained}"
    contradictory = [q.name for q in QUESTIONS
                     if (q.cli and q.no_cli) or (q.routes and q.no_api)]
    assert not contradictory, f"a reason given for a surface the question is on: {contradictory}"
    assert not [q.name for q in QUESTIONS if q.cli is None and not q.routes]


def test_the_drift_of_issue_26_is_closed():
    """overlap and extract were CLI-only, documents and search API-only: now on both."""
    q = by_name()
    for name in ("document_overlap", "extract", "documents", "search", "load"):
        assert q[name].cli and q[name].routes, name
