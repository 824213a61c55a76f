"""Every command with `--json` has `--csv` too (analysts open CSV in Excel and
pandas), unless it is exempt below with the reason; and `extract`, which needs no
store, round-trips its CSV here. The other commands' round trips are in
tests/engine/test_cli_csv.py."""

from __future__ import annotations

import csv
import io
import json

import click
from click.testing import CliRunner

from govgraph.cli import main
from govgraph.render import csv_rows

# Commands whose --json answer is not a list of rows, and why CSV makes no sense.
EXEMPT = {
    "load": "the report of one write (documents, registries, counts, warnings), read once "
            "by eye or a script; there is nothing to open in a spreadsheet",
    "keys create": "one key whose secret is shown once; a CSV of it would be a file of "
                   "secrets kept by habit",
}


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if isinstance(cmd, click.Group):
            out += _commands(cmd, full + " ")
        else:
            out.append((full, cmd))
    return out


def _flags(cmd: click.Command) -> set[str]:
    return {o for p in cmd.params for o in getattr(p, "opts", [])}


def test_every_command_with_json_has_csv_or_says_why_not():
    commands = _commands(main)
    with_json = {name for name, cmd in commands if "--json" in _flags(cmd)}
    assert {"who-leads", "org-leaders", "keys list", "audit-log", "analyze"} <= with_json
    missing = sorted(n for n in with_json - EXEMPT.keys()
                     if "--csv" not in _flags(dict(commands)[n]))
    assert not missing, f"commands with --json but no --csv (add it, or exempt with why): {missing}"
    stale = sorted(n for n in EXEMPT if n not in with_json or "--csv" in _flags(dict(commands)[n]))
    assert not stale, f"exempt but gone, without --json, or with --csv after all: {stale}"


def test_the_csv_help_says_what_a_row_is():
    for name, cmd in _commands(main):
        for p in cmd.params:
            if "--csv" in getattr(p, "opts", []):
                assert "one row per" in (getattr(p, "help", "") or ""), name


def test_extract_csv_reads_back_as_its_measures(tmp_path):
    from govgraph.loaders.pipeline import default_notice

    p = tmp_path / "n.txt"
    p.write_text(default_notice().text, "utf-8")
    as_json = json.loads(CliRunner().invoke(main, ["extract", str(p), "--json"]).output)
    res = CliRunner().invoke(main, ["extract", str(p), "--csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert len(rows) == 16 and rows == csv_rows(as_json["measures"])
    assert json.loads(rows[10]["lead"]) == as_json["measures"][10]["lead"]
