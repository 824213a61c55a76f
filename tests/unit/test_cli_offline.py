"""The analyst's command line where it needs no store: help with examples, and
`extract`, which reads a notice and touches no database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govgraph.cli import main

COMMANDS = ["load", "synth", "audit", "compounds", "overlap", "load-report", "who-leads", "responsible", "measures", "unit-load", "diffuse",
            "escalate", "cypher", "extract", "db start", "db stop", "db status",
            "serve", "export", "draw"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_says_what_and_gives_an_example(command):
    res = CliRunner().invoke(main, [*command.split(), "--help"])
    assert res.exit_code == 0
    assert "Example" in res.output


def test_extract_does_not_need_a_store(tmp_path):
    from govgraph.loaders.pipeline import default_notice

    p = tmp_path / "n.txt"
    p.write_text(default_notice().text, "utf-8")
    res = CliRunner().invoke(main, ["extract", str(p), "--json"])
    out = json.loads(res.output)
    assert len(out["measures"]) == 16 and out["unresolved"] == []
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    res = CliRunner().invoke(main, ["extract", str(empty)])
    assert res.exit_code == 1 and "empty" in res.output

