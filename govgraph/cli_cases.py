"""`govgraph cases ...`: cases and measure 13's own measure on the command line
(docs/cases.md).

Registered on the main group by govgraph/cli.py, which wraps each command in its
error handling; it formats what ``govgraph.queries.cases`` returns and nothing more.
"""

from __future__ import annotations

from typing import Any

import click

from .queries import cases as q
from .render import csv_option, emit, table

_as_of = click.option("--as-of", default=None, metavar="YYYY-MM-DD",
                      help="Count what had happened by this date (default today).")
_due = click.option("--due-days", type=click.IntRange(0, 3650), default=q.DUE_DAYS, show_default=True,
                    help="A case without a due date is overdue this many days after it was opened.")
_within = click.option("--within", default=None, metavar="AREA_ID",
                       help="Only cases in this compound, community, street or county (its id).")
_json = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.0f}%"


@click.group("cases")
def cases() -> None:
    """Cases that climbed (or did not climb) the chain, and measure 13's own measure:
    小事不出小区、难事不出社区、大事不出街道 (docs/cases.md)."""


@cases.command("measure")
@click.option("--by", type=click.Choice(q.BY), default="community", show_default=True,
              help="One row per compound, community, street, county or governing-body type.")
@_within
@_as_of
@_due
@_json
@csv_option("place or body type (as --by says), then the total (key: all); shares and "
            "counts by level as JSON text")
@click.pass_obj
def measure(obj: Any, by: str, within: str | None, as_of: str | None, due_days: int,
            as_json: bool, as_csv: bool) -> None:
    """Per place or governing-body type: cases opened, the share of resolved cases
    resolved in the compound / community / street (小事不出小区 …), median days to
    resolve, open and overdue cases, steps that skipped a level, and steps taken
    off the case's chain.

    \b
    Example:
      govgraph cases measure --by street
      govgraph cases measure --by body-type --within area:520402001 --as-of 2024-06-30
      govgraph cases measure --by county --json
    """
    m = q.case_measure(obj.store, by, within, as_of, due_days)
    if emit(m, as_json, as_csv, lambda a: [*a.rows, a.total], by=by, as_of=m.as_of):
        return
    head = [by, "name", "cases", "resolved", "in compound", "in community", "in street",
            "median days", "open", "overdue", "withdrawn", "skips", "off-chain"]
    if by == "compound":
        head.insert(2, "body type")
    rows = []
    for r in [*m.rows, m.total]:
        row: list[Any] = [r.key, r.name or "", r.cases, r.resolved, _pct(r.within_compound),
                          _pct(r.within_community), _pct(r.within_street),
                          "-" if r.median_days is None else f"{r.median_days:g}", r.open,
                          r.overdue, r.withdrawn, r.skipped_steps, r.off_chain_steps]
        if by == "compound":
            row.insert(2, r.body_type or "")
        rows.append(row)
    click.echo(table(head, rows))
    click.echo(m.note)


@cases.command("list")
@_within
@click.option("--outcome", type=click.Choice(["open", "resolved", "withdrawn"]), default=None,
              help="Only cases with this outcome (as of the date).")
@click.option("--overdue", is_flag=True, help="Only open cases past their due date.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@_as_of
@_due
@_json
@csv_option("case (its steps as JSON text)")
@click.pass_obj
def list_cases(obj: Any, within: str | None, outcome: str | None, overdue: bool, limit: int,
               as_of: str | None, due_days: int, as_json: bool, as_csv: bool) -> None:
    """Cases opened by the date, oldest first, with outcome, level reached, skips and
    off-chain steps.

    \b
    Example:
      govgraph cases list --within syn:compound:12
      govgraph cases list --overdue --as-of 2024-06-30 --json
    """
    found = [c for c in q.list_cases(obj.store, as_of, within, due_days)
             if (outcome is None or c.outcome == outcome) and (not overdue or c.overdue)][:limit]
    if emit(found, as_json, as_csv):
        return
    click.echo(table(["case", "compound", "issue", "channel", "opened", "outcome", "level", "due",
                      "steps", "skips", "off-chain"],
                     [(c.id, c.compound.name, c.issue or c.issue_text, c.channel, c.opened,
                       c.outcome + (" (overdue)" if c.overdue else ""), c.resolved_level or
                       (c.steps[-1].level if c.steps else ""), c.due, len(c.steps), c.skipped_steps,
                       c.off_chain_steps) for c in found]))


@cases.command("show")
@click.argument("case_id")
@_as_of
@_due
@_json
@csv_option("step, with the case's id and compound (the registry row each cites as "
            "citation.* columns)")
@click.pass_obj
def show(obj: Any, case_id: str, as_of: str | None, due_days: int, as_json: bool,
         as_csv: bool) -> None:
    """One case and its steps: who took each, at what level, whether it skipped a
    level or left the case's chain, and the registry row it cites.

    \b
    Example:
      govgraph cases show syn:case:12 --as-of 2024-06-30
    """
    c = q.case(obj.store, case_id, as_of, due_days)
    if emit(c, as_json, as_csv, lambda a: [{"case": a.id, "compound": a.compound, **s.model_dump(
            mode="json")} for s in a.steps]):
        return
    click.echo(f"{c.id}: {c.issue or c.issue_text} at {c.compound.name} ({c.compound.id}), "
               f"{c.community.name} / {c.street.name} / {c.county.name}")
    click.echo(f"governing body: {q.BODY_TYPES[c.governing]}; channel {c.channel}; opened {c.opened}; "
               f"{c.outcome}" + (f" at the {c.resolved_level} level" if c.resolved_level else "")
               + (f" on {c.closed} ({c.days_to_resolve} days)" if c.days_to_resolve is not None else "")
               + (f"; OVERDUE (due {c.due})" if c.overdue else "")
               + ("; SYNTHETIC" if c.synthetic else ""))
    click.echo(table(["step", "level", "body", "action", "start", "end", "skipped", "off-chain",
                      "cites"],
                     [(s.order, s.level, s.body.name if s.body else "(level only)", s.action, s.start,
                       s.end or "", s.skipped_levels or "", {True: "yes", False: "", None: "?"}[
                           s.off_chain], f"{s.citation.file}:{s.citation.line}") for s in c.steps]))


def wrapped(handle_errors: Any) -> click.Group:
    """The group with each command's callback wrapped in the main command line's
    error handling (one ``error:`` line and its exit code)."""
    for name, cmd in cases.commands.items():
        if cmd.callback is not None and name not in _WRAPPED:
            cmd.callback = handle_errors(cmd.callback)
            _WRAPPED.add(name)  # once per process
    return cases


_WRAPPED: set[str] = set()
