"""The `govgraph` command: load notices, ask who leads and who answers, run read-only Cypher.

Every command formats what ``govgraph.queries.answers`` returns; none of them
answers a question on its own.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .graph.store import GraphStore, QueryTimeout, ReadOnlyViolation, StoreError
from .loaders.notice import NoticeError
from .loaders.structure import StructureError
from .queries import answers
from .queries.catalogue import CatalogueError
from .render import table, to_json
from .settings import Settings

EXPECTED_ERRORS = (answers.NotFound, NoticeError, StructureError, StoreError, CatalogueError,
                   ValueError, OSError)


class Context:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: GraphStore | None = None

    @property
    def store(self) -> GraphStore:
        if self._store is None:
            from .graph.connect import open_store

            self._store = open_store(self.settings)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Expected failures become one clear line on stderr and a non-zero exit."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReadOnlyViolation as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(3)
        except QueryTimeout as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(4)
        except answers.NotFound as e:
            click.echo(f"error: {e.args[0] if e.args else e}", err=True)
            sys.exit(2)
        except EXPECTED_ERRORS as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)

    return wrapper


json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
doc_option = click.option("--doc", default=None, metavar="DOC_ID",
                          help="Only this document (default: every loaded document).")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              help="Embedded engine data directory (env GOVGRAPH_DATA_DIR, default ./.govgraph).")
@click.option("--neo4j", "neo4j_uri", default=None, metavar="URI",
              help="Use Neo4j at URI instead of the embedded engine (env GOVGRAPH_NEO4J_URI).")
@click.version_option(package_name="govgraph")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None, neo4j_uri: str | None) -> None:
    """govgraph: who leads, who is responsible, and how a dispute escalates.

    \b
    Quick start (embedded engine, no server to install):
      govgraph load                 # the Anshun 2021 notice and its standing structure
      govgraph who-leads 11         # lead units of measure 11, with the clause
      govgraph escalate --issue fire-lane
    """
    overrides: dict[str, Any] = {}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    if neo4j_uri is not None:
        overrides["neo4j_uri"] = neo4j_uri
    obj = Context(Settings(**overrides))
    ctx.obj = obj
    ctx.call_on_close(obj.close)


# ---------------------------------------------------------------------------
# loading


@main.command()
@click.option("--document", "documents", multiple=True, type=click.Path(path_type=Path),
              help="Also load this notice (repeatable).")
@click.option("--no-default", is_flag=True, help="Do not load the bundled Anshun notice.")
@click.option("--replace", is_flag=True, help="Empty the graph first (only after all input checked).")
@json_option
@click.pass_obj
@handle_errors
def load(obj: Context, documents: tuple[Path, ...], no_default: bool, replace: bool,
         as_json: bool) -> None:
    """Load the default dataset (and any --document) into the graph. Idempotent.

    \b
    Example:
      govgraph load
      govgraph load --document other_notice.txt
    """
    from .loaders.pipeline import execute, plan_load

    if no_default and not documents:
        raise click.UsageError("nothing to load: --no-default given without --document")
    plan = plan_load(list(documents), include_default=not no_default)
    store = obj.store
    if replace:
        store.clear()
    summary = execute(store, plan)
    report = answers.load_report(store)
    out = {"engine": store.engine, "documents": [{"id": n.id, "title": n.title,
                                                   "measures": len(n.measures)} for n in plan.notices],
           "written": {"nodes": summary.nodes, "edges": summary.edges},
           "unresolved": plan.unresolved, "graph": report}
    if as_json:
        click.echo(to_json(out))
        return
    for d in out["documents"]:
        click.echo(f"loaded {d['id']}: {d['title']} ({d['measures']} measures)")
    click.echo(f"wrote {summary.nodes} nodes and {summary.edges} edges on {store.engine}")
    for u in plan.unresolved:
        click.echo(f"unresolved unit (kept as written): {u['name']} in {u['doc']} measure {u['measure']}")


@main.command("load-report")
@json_option
@click.pass_obj
@handle_errors
def load_report(obj: Context, as_json: bool) -> None:
    """Count nodes per kind and edges per type in the graph.

    \b
    Example:
      govgraph load-report --json
    """
    report = answers.load_report(obj.store)
    if as_json:
        click.echo(to_json({"engine": obj.store.engine, **report}))
        return
    click.echo(table(["node kind", "count"], sorted(report["nodes"].items())))
    click.echo()
    click.echo(table(["edge type", "count"], sorted(report["edges"].items())))


# ---------------------------------------------------------------------------
# questions


def _print_measure_answers(items: list[answers.MeasureAnswer], as_json: bool) -> None:
    if as_json:
        click.echo(to_json(items))
        return
    for a in items:
        m = a.measure
        click.echo(f"Measure {m.number} ({m.doc}): {m.title}")
        click.echo(table(["role", "unit", "kind", "clause"],
                         [(d.role, d.unit.name, d.unit.kind, d.citation.clause) for d in a.duties],
                         max_col=50))
        click.echo()


@main.command("who-leads")
@click.argument("measure")
@doc_option
@json_option
@click.pass_obj
@handle_errors
def who_leads(obj: Context, measure: str, doc: str | None, as_json: bool) -> None:
    """Name the lead units (牵头单位) of MEASURE, quoting the clause.

    MEASURE may be 11, 十一 or (十一).

    \b
    Example:
      govgraph who-leads 11 --json
    """
    _print_measure_answers(answers.who_leads(obj.store, measure, doc), as_json)


@main.command()
@click.argument("measure")
@doc_option
@json_option
@click.pass_obj
@handle_errors
def responsible(obj: Context, measure: str, doc: str | None, as_json: bool) -> None:
    """List every unit answerable for MEASURE: lead, responsible and supporting.

    \b
    Example:
      govgraph responsible 13
    """
    _print_measure_answers(answers.who_is_responsible(obj.store, measure, doc), as_json)


@main.command()
@click.argument("unit")
@json_option
@click.pass_obj
@handle_errors
def measures(obj: Context, unit: str, as_json: bool) -> None:
    """List the measures UNIT leads, shares or supports. UNIT is a name or alias.

    \b
    Example:
      govgraph measures 市委组织部
      govgraph measures 市住建局
    """
    res = answers.unit_measures(obj.store, unit)
    if as_json:
        click.echo(to_json(res))
        return
    click.echo(f"{res.unit.name} ({res.unit.name_en or res.unit.kind})")
    click.echo(table(["measure", "role", "title", "doc"],
                     [(d.measure.number, d.role, d.measure.title, d.measure.doc) for d in res.duties]))


@main.command("unit-load")
@doc_option
@json_option
@click.pass_obj
@handle_errors
def unit_load(obj: Context, doc: str | None, as_json: bool) -> None:
    """Responsibility load per unit: measures led, co-owned and supported.

    \b
    Example:
      govgraph unit-load
    """
    rows = answers.unit_load(obj.store, doc)
    if as_json:
        click.echo(to_json(rows))
        return
    click.echo(table(["unit", "lead", "responsible", "support", "total"],
                     [(r.unit.name, r.lead, r.responsible, r.support, r.total) for r in rows]))


@main.command()
@click.option("--min-responsible", default=10, show_default=True,
              help="How many co-responsible units count as diffuse.")
@doc_option
@json_option
@click.pass_obj
@handle_errors
def diffuse(obj: Context, min_responsible: int, doc: str | None, as_json: bool) -> None:
    """Audit: measures with many co-responsible units and one lead or none.

    \b
    Example:
      govgraph diffuse --min-responsible 12
    """
    rows = answers.diffuse_accountability(obj.store, min_responsible, doc)
    if as_json:
        click.echo(to_json(rows))
        return
    click.echo(table(["measure", "leads", "responsible", "title"],
                     [(r.measure.number, r.leads, r.responsible, r.measure.title) for r in rows]))


@main.command()
@click.option("--issue", default=None, metavar="TYPE",
              help="Issue type key or Chinese name, e.g. fire-lane or 占用堵塞消防通道.")
@json_option
@click.pass_obj
@handle_errors
def escalate(obj: Context, issue: str | None, as_json: bool) -> None:
    """Show how a dispute climbs: compound → community → street (measure 13),
    and, for an issue type, who discovers, receives and enforces (measure 14).

    \b
    Example:
      govgraph escalate
      govgraph escalate --issue fire-lane --json
    """
    res = answers.escalation(obj.store, issue)
    if as_json:
        click.echo(to_json(res))
        return
    for lv in res.levels:
        click.echo(f"Level {lv.order}: {lv.name} ({lv.name_en}) — {lv.motto}")
        click.echo(table(["body", "role", "basis", "clause"],
                         [(b.body.name, b.role, b.citation.basis, b.citation.clause) for b in lv.bodies],
                         max_col=48))
        click.echo()
    if res.issue:
        click.echo(f"Issue: {res.issue.name} ({res.issue.name_en})")
        click.echo(table(["stage", "action", "unit", "basis"],
                         [(h.stage, h.action, h.unit.name, h.citation.basis) for h in res.handlers]))


@main.command()
@click.argument("query")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=JSON",
              help="A query parameter; the value is JSON (strings may be bare).")
@click.option("--timeout", type=float, default=None, help="Seconds before the query is stopped.")
@click.option("--limit", type=int, default=None, help="Most rows returned.")
@json_option
@click.pass_obj
@handle_errors
def cypher(obj: Context, query: str, params: tuple[str, ...], timeout: float | None,
           limit: int | None, as_json: bool) -> None:
    """Run read-only Cypher. Writes are refused by the engine's read-only mode.

    \b
    Example:
      govgraph cypher "MATCH (u)-[:LEADS_MEASURE]->(m:Measure) RETURN u.name, count(m)"
      govgraph cypher "MATCH (m:Measure {number: \\$n}) RETURN m.title" -p n=11
    """
    parsed: dict[str, Any] = {}
    for p in params:
        name, sep, raw = p.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{p!r}: expected NAME=VALUE", param_hint="--param")
        try:
            parsed[name] = json.loads(raw)
        except json.JSONDecodeError:
            parsed[name] = raw
    s = obj.settings
    res = obj.store.read_only(query, parsed, timeout_s=timeout or s.query_timeout_s,
                              row_cap=limit or s.query_row_cap)
    if as_json:
        click.echo(to_json({"columns": res.columns, "rows": res.rows, "truncated": res.truncated}))
        return
    click.echo(table(res.columns, [[json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list)
                                    else v for v in r] for r in res.rows]))
    if res.truncated:
        click.echo(f"(cut at {len(res.rows)} rows)")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@json_option
@handle_errors
def extract(path: Path, as_json: bool) -> None:
    """Print what a notice yields — measures and their units — without touching the store.

    \b
    Example:
      govgraph extract notice.txt --json
    """
    from .loaders.notice import read_notice
    from .loaders.units import load_registry

    notice = read_notice(path)
    registry = load_registry()
    measures_out = []
    unresolved = []
    for m in notice.measures:
        entry: dict[str, Any] = {"number": m.number, "title": m.title, "text": m.text,
                                 "lead": m.units("lead"), "responsible": m.units("responsible"),
                                 "support": m.units("support"),
                                 "attribution": [{"role": a.role, "label": a.label, "clause": a.clause,
                                                  "start": a.start, "end": a.end}
                                                 for a in m.attributions]}
        measures_out.append(entry)
        for a in m.attributions:
            for u in a.units:
                if not registry.resolve(u.name).resolved:
                    unresolved.append({"measure": m.number, "name": u.name})
    out = {"document": {"id": notice.id, "title": notice.title, "issuer": notice.issuer,
                        "date": notice.date, "sha256": notice.sha256},
           "sections": [s.model_dump() for s in notice.sections],
           "measures": measures_out, "unresolved": unresolved}
    if as_json:
        click.echo(to_json(out))
        return
    click.echo(f"{notice.title} ({notice.date or 'no date'}; {', '.join(notice.issuer) or 'no issuer'})")
    click.echo(table(["measure", "lead", "responsible", "support"],
                     [(m["number"], "、".join(m["lead"]), "、".join(m["responsible"]),
                       "、".join(m["support"])) for m in measures_out], max_col=70))
    for u in unresolved:
        click.echo(f"unresolved: {u['name']} (measure {u['measure']})")


# ---------------------------------------------------------------------------
# the embedded engine's server


@main.group()
def db() -> None:
    """Manage the embedded FalkorDB server (started automatically when needed)."""


@db.command("status")
@click.pass_obj
def db_status(obj: Context) -> None:
    """Say whether the embedded server is running, and where.

    \b
    Example:
      govgraph db status
    """
    from .graph import embedded_server

    st = embedded_server.status(obj.settings.data_dir)
    click.echo(to_json(st))
    sys.exit(0 if st["running"] else 3)


@db.command("stop")
@click.pass_obj
def db_stop(obj: Context) -> None:
    """Shut the embedded server down cleanly (its data stays on disk).

    \b
    Example:
      govgraph db stop
    """
    from .graph import embedded_server

    was = embedded_server.stop(obj.settings.data_dir)
    click.echo("stopped" if was else "not running")


@db.command("start")
@click.pass_obj
@handle_errors
def db_start(obj: Context) -> None:
    """Start the embedded server now rather than on first use.

    \b
    Example:
      govgraph db start
    """
    from .graph import embedded_server

    obj.settings.data_dir.mkdir(parents=True, exist_ok=True)
    sock = embedded_server.ensure_running(obj.settings.data_dir)
    click.echo(f"running on {sock}")


if __name__ == "__main__":
    main()
