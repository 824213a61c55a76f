"""The commands of the built questions, made from their declarations
(``govgraph.queries.questions``): one click command per ``cli`` name, its
arguments and options from the declared ``params``, its answer from the declared
flow driven with ``drive``, printed as ``--json``, ``--csv`` (``render.emit``) or
the declared table (a question paged in the query takes ``--skip`` and ``--limit``
and prints the rows of that page); its help is the declaration's ``about``, arguments and
examples, so docs/cli.md (generated) documents it.

Several questions may share a command (``unit-load`` and ``unit-load UNIT``): the
command takes the parameters of all of them and answers the one whose required
parameters were given. A hand-written question may join a built command as a
``Variant`` (``responsible --compound ID``), with its own options and printing.
Registered on the main group by govgraph/cli.py, which passes its error handling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import click

from .queries.flow import drive
from .queries.questions import Param, Question, built, cell
from .render import csv_help, emit, table

__all__ = ["Variant", "add_commands", "build_command", "print_table"]


@dataclass(frozen=True)
class Variant:
    """A hand-written question asked through a built command: its click parameters,
    the ones that pick it (``selectors``: given, this variant answers) and how it
    answers (``run(obj, values, as_json, as_csv)``). ``hidden`` keeps it out of the
    command's usage line (an old spelling kept for scripts)."""

    question: str
    params: tuple[click.Parameter, ...]
    selectors: tuple[str, ...]
    run: Callable[[Any, dict[str, Any], bool, bool], None]
    help: str = ""
    examples: tuple[str, ...] = ()
    csv: str = ""
    show: str = ""
    hidden: bool = False


def _click_type(p: Param) -> Any:
    if p.choices:
        return click.Choice(p.choices)
    if p.type is int:
        return click.IntRange(p.ge, p.le) if p.ge is not None or p.le is not None else int
    return str


def _click_param(p: Param, optional: bool) -> click.Parameter:
    required = p.required and not optional
    if p.cli == "argument":
        metavar = p.metavar or p.name.upper()
        return click.Argument([p.name], required=required, type=_click_type(p),
                              default=None if p.required else p.default,
                              metavar=metavar if required else f"[{metavar}]")
    default = None if p.required or p.many else p.default
    return click.Option([p.cli_flag, p.name], type=_click_type(p), required=required,
                        default=default, multiple=p.many, metavar=p.metavar, help=p.help,
                        show_default=default is not None)


def _show(p: Param) -> str:
    return p.name.upper() if p.cli == "argument" else f"{p.cli_flag} {p.metavar or 'VALUE'}"


def print_table(q: Question, answer: Any) -> None:
    """The declared table of an answer (its heading line, then its rows)."""
    t = q.table
    assert t is not None
    headers = [h for h, _ in t.columns]
    for part in (answer if t.blocks else [answer]):
        if t.heading is not None:
            click.echo(t.heading(part))
        rows = part if t.rows is None else cell(part, t.rows)
        click.echo(table(headers, [[cell(r, how) for _, how in t.columns] for r in rows],
                         max_col=t.max_col))
        if t.blocks:
            click.echo()


def _answer(q: Question) -> Callable[[Any, dict[str, Any], bool, bool], None]:
    def run(obj: Any, values: dict[str, Any], as_json: bool, as_csv: bool) -> None:
        given = {p.name: (list(values[p.name]) or None) if p.many else values[p.name]
                 for p in q.params}
        if q.paged:
            answer = drive(obj.store, q.run_page(given, values["skip"], values["limit"])).items
        else:
            answer = drive(obj.store, q.run(given))
        if emit(answer, as_json, as_csv, q.rows):
            return
        print_table(q, answer)

    return run


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _help(questions: list[Question], variants: list[Variant]) -> str:
    first, *others = questions
    text = [first.about or first.docs]
    args = [p for q in questions for p in q.params if p.cli == "argument" and p.help]
    for p in dict((p.name, p) for p in args).values():
        text.append(f"{p.name.upper()}: {p.help}" + ("" if p.help[-1] in ".…)" else "."))
    text += [f"With {q.cli_variant}: {_lower(q.about or q.docs)}" for q in others]
    text += [f"With {v.show}: {_lower(v.help)}" for v in variants if v.help and not v.hidden]
    examples = [e for q in questions for e in q.examples]
    examples += [e for v in variants for e in v.examples]
    if examples:
        text.append("\b\nExample:\n" + "\n".join(f"  {e}" for e in examples))
    return "\n\n".join(text)


def build_command(name: str, questions: list[Question], variants: Iterable[Variant] = (),
                  wrap: Callable[[Callable[..., Any]], Callable[..., Any]] = lambda f: f
                  ) -> click.Command:
    """The command ``name`` answering ``questions`` (built) and ``variants`` (hand-written)."""
    variants = list(variants)
    shared = len(questions) + len(variants) > 1
    params: dict[str, click.Parameter] = {}
    for q in questions:
        for p in q.params:
            params.setdefault(p.name, _click_param(p, optional=shared))
    for q in questions:
        if q.paged:
            default, most = q.cli_limit
            params.setdefault("limit", click.Option(
                ["--limit"], type=click.IntRange(1, most), default=default, show_default=True,
                help="Most rows returned."))
            params.setdefault("skip", click.Option(["--skip"], type=click.IntRange(0), default=0,
                                                   help="Rows skipped first."))
    for v in variants:
        for cp in v.params:
            params.setdefault(cp.name or "", cp)
    csv_rows = "; ".join(dict.fromkeys([q.csv for q in questions if q.csv]
                                       + [f"with {v.show}, one per {v.csv}" for v in variants
                                          if v.csv and not v.hidden])) or "row"
    # (the parameters that pick it, how the usage error names them, how it answers)
    choices: list[tuple[frozenset[str], str, Callable[..., None]]] = [
        (frozenset(p.name for p in q.params if p.required),
         " ".join(_show(p) for p in q.params if p.required), _answer(q)) for q in questions]
    choices += [(frozenset(v.selectors), "" if v.hidden else v.show, v.run) for v in variants]
    selectors = frozenset().union(*(c[0] for c in choices))
    shown = [c[1] for c in choices if c[1]]

    @click.pass_obj
    @wrap
    def callback(obj: Any, as_json: bool, as_csv: bool, **values: Any) -> None:
        given = frozenset(k for k in selectors if values.get(k) not in (None, ()))
        for picks, _show_as, run in choices:
            if picks == given:
                run(obj, values, as_json, as_csv)
                return
        raise click.UsageError(f"give {' or '.join(shown)}")

    json_opt = click.Option(["--json", "as_json"], is_flag=True,
                            help="Print machine-readable JSON.")
    csv_opt = click.Option(["--csv", "as_csv"], is_flag=True, help=csv_help(csv_rows))
    return click.Command(name, params=[*params.values(), json_opt, csv_opt], callback=callback,
                         help=_help(questions, variants), short_help=questions[0].docs)


def add_commands(group: click.Group, wrap: Callable[[Callable[..., Any]], Callable[..., Any]],
                 variants: dict[str, list[Variant]] | None = None,
                 questions: Iterable[Question] | None = None) -> list[click.Command]:
    """Add a command to ``group`` for each ``cli`` name of the built questions
    (``questions``, default every built one), with the hand-written ``variants`` of
    each name; ``wrap`` is the group's error handling."""
    by_cli: dict[str, list[Question]] = {}
    for q in (built() if questions is None else questions):
        if q.cli:
            by_cli.setdefault(q.cli, []).append(q)
    out = []
    for name, qs in by_cli.items():
        cmd = build_command(name, qs, (variants or {}).get(name, ()), wrap)
        group.add_command(cmd)
        out.append(cmd)
    return out
