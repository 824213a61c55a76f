"""`govgraph analyze QUESTION`: the analyst's bench on the command line (docs/analytics.md).

Registered on the main group by govgraph/cli.py, which wraps it in its error
handling; it formats what ``govgraph.queries.analytics`` returns and nothing more.
"""

from __future__ import annotations

from typing import Any

import click

from .queries import analytics
from .render import csv_option, emit, table


def _f(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x)


def _names(units: list[Any]) -> str:
    return "、".join(u.name for u in units)


def answer_items(ans: Any) -> list[Any]:
    """The rows of an answer, as `--csv` writes them: its items, or for a diff one row
    per unit with its change (gained, lost, moved)."""
    if isinstance(ans, analytics.DiffAnswer):
        return ([{"change": "gained", "unit": u} for u in ans.gained]
                + [{"change": "lost", "unit": u} for u in ans.lost]
                + [{"change": "moved", **m.model_dump(mode="json")} for m in ans.moved])
    return list(ans.items)


def basis_columns(basis: analytics.Basis) -> dict[str, Any]:
    """What every CSV row carries of the answer's basis, so a file cites its source."""
    return {"basis.documents": [d.doc for d in basis.documents], "basis.generation": basis.generation}


def _basis_line(b: analytics.Basis) -> str:
    docs = ", ".join(d.doc for d in b.documents) or "no document"
    extra = f"; compound {b.compound} on {b.as_of}" if b.compound else ""
    if b.place:
        extra = f"; {b.place_level} {b.place} on {b.as_of}"
        if b.compounds is not None:
            extra += f" ({b.compounds} compounds, each its own network; the union counted)"
    seed = f"; Louvain seed {b.seed}" if b.seed is not None else ""
    return (f"computed from {docs}{extra}; generation {b.generation or 'none'}; {b.projection} "
            f"network of {b.nodes} nodes and {b.edges} edges{seed}")


def _table(ans: Any) -> str:
    if isinstance(ans, analytics.DegreeAnswer):
        return table(["unit", "lead", "responsible", "support", "duties", "partners", "strength"],
                     [(x.unit.name, x.lead, x.responsible, x.support, x.duties, x.partners,
                       _f(x.strength)) for x in ans.items])
    if isinstance(ans, analytics.CentralityAnswer):
        return table(["rank", "unit", "eigenvector", "betweenness", "strength"],
                     [(x.rank, x.unit.name, _f(x.eigenvector), _f(x.betweenness), _f(x.strength))
                      for x in ans.items])
    if isinstance(ans, analytics.CommunitiesAnswer):
        return (f"modularity {_f(ans.modularity)}\n"
                + table(["community", "size", "internal weight", "units"],
                        [(c.community, c.size, _f(c.internal_weight), _names(c.units))
                         for c in ans.items], max_col=90))
    if isinstance(ans, analytics.ConcentrationAnswer):
        return table(["doc", "units", "duties", "gini", "hhi", "effective units", "lead gini",
                      "lead hhi", "top carriers"],
                     [(c.doc, c.units, c.duties, _f(c.gini), _f(c.hhi), _f(c.effective_units),
                       _f(c.lead_gini), _f(c.lead_hhi),
                       "、".join(f"{s.unit.name} {s.share:.0%}" for s in c.top)) for c in ans.items],
                     max_col=70)
    if isinstance(ans, analytics.UnledAnswer):
        return table(["measure", "doc", "communities", "leads", "units", "title"],
                     [(m.number, m.doc, ",".join(map(str, m.communities)),
                       _names(m.leads) or "NONE", len(m.units), m.title) for m in ans.items])
    if isinstance(ans, analytics.HierarchyAnswer) and ans.basis.place:
        return table(["body", "id", "level", "leads", "guides", "supervises", "heads", "nominates",
                      "answers to", "reach"],
                     [(x.unit.name, x.unit.id, x.level, x.leads, x.guides, x.supervises, x.heads,
                       x.nominates, x.answers_to, x.reach) for x in ans.items])
    if isinstance(ans, analytics.PlaceBrokersAnswer):
        return "\n".join([
            f"{ans.place.name} ({ans.place.id}, {ans.level}): {ans.compounds} compounds",
            f"reach no county or city body: {_names(ans.cut_off) or '(none)'}",
            table(["broker", "level", "compounds", "cuts them off from", "those compounds"],
                  [(b.body.name, b.level, len(b.compounds), _names(b.cuts_off),
                    _names(b.compounds)) for b in ans.items], max_col=70),
            "",
            table(["bridge", "relation", "measure", "compounds", "cuts them off from"],
                  [(f"{x.a.name} — {x.b.name}", x.relation, x.measure, len(x.compounds),
                    _names(x.cuts_off)) for x in ans.bridges], max_col=70)])
    if isinstance(ans, analytics.HierarchyAnswer):
        return table(["body", "id", "leads", "guides", "supervises", "heads", "nominates",
                      "answers to", "reach"],
                     [(x.unit.name, x.unit.id, x.leads, x.guides, x.supervises, x.heads, x.nominates,
                       x.answers_to, x.reach) for x in ans.items])
    if isinstance(ans, analytics.DiffAnswer):
        head = (f"{ans.doc_a} -> {ans.doc_b}\ngained: {_names(ans.gained) or '(none)'}\n"
                f"lost: {_names(ans.lost) or '(none)'}\n")
        return head + table(["unit", "rank A", "rank B", "eigenvector A", "eigenvector B",
                             "betweenness A", "betweenness B"],
                            [(m.unit.name, m.rank_a, m.rank_b, _f(m.eigenvector_a),
                              _f(m.eigenvector_b), _f(m.betweenness_a), _f(m.betweenness_b))
                             for m in ans.moved])
    assert isinstance(ans, analytics.BrokersAnswer)
    lines = [f"{ans.compound.name} ({ans.compound.id})",
             f"reaches: {_names(ans.reached) or '(nothing above the street)'}",
             f"never reaches: {_names(ans.unreached) or '(none)'}",
             table(["broker", "level", "cuts the compound off from"],
                   [(b.body.name, b.level, _names(b.cuts_off)) for b in ans.items]),
             "",
             table(["bridge", "relation", "measure", "cuts the compound off from"],
                   [(f"{x.a.name} — {x.b.name}", x.relation, x.measure, _names(x.cuts_off))
                    for x in ans.bridges])]
    return "\n".join(lines)


def run_question(store: Any, question: str, docs: list[str] | None, compound: str | None,
                 as_of: str | None, seed: int, min_communities: int, include_led: bool,
                 top: int, place: str | None = None) -> Any:
    if question == "brokers":
        if bool(compound) == bool(place):
            raise click.UsageError("brokers needs --compound ID (govgraph compounds lists them) "
                                   "or --place ID (a county, street or community: govgraph places)")
        if place:
            return analytics.place_brokers(store, place, as_of)
        assert compound is not None
        return analytics.brokers(store, compound, as_of)
    if compound:
        raise click.UsageError(f"--compound is for brokers, not {question}")
    if place and question != "hierarchy":
        raise click.UsageError(f"--place is for hierarchy and brokers, not {question}")
    if question == "hierarchy":
        return analytics.hierarchy(store, docs, place, as_of)
    if question == "diff":
        if not docs or len(docs) != 2:
            raise click.UsageError("diff needs two documents: --doc A --doc B")
        return analytics.diff(store, docs[0], docs[1])
    if question == "degree":
        return analytics.degree(store, docs)
    if question == "centrality":
        return analytics.centrality(store, docs)
    if question == "communities":
        return analytics.communities(store, docs, seed)
    if question == "concentration":
        return analytics.concentration(store, docs, top)
    if question == "unled":
        return analytics.unled(store, docs, min_communities, include_led, seed)
    raise click.UsageError(f"unknown question {question!r}")  # pragma: no cover - Choice


_HELP = "\n".join(f"  {q:<14}{what}" for q, what in analytics.QUESTIONS.items())


@click.command("analyze", help=f"""Answer a structural question about accountability
(docs/analytics.md). Every answer says what it was computed from: the documents,
the graph generation and the network.

\b
QUESTION is one of:
{_HELP}

\b
Example:
  govgraph analyze centrality
  govgraph analyze communities --doc anshun-2021-property-16 --csv > blocs.csv
  govgraph analyze diff --doc DOC_A --doc DOC_B --json
  govgraph analyze brokers --compound syn:compound:12 --as-of 2024-06-30
  govgraph analyze brokers --place area:520402001 --as-of 2024-06-30
  govgraph analyze hierarchy --place area:西秀区
""")
@click.argument("question", type=click.Choice(list(analytics.QUESTIONS)))
@click.option("--doc", "docs", multiple=True, metavar="DOC_ID",
              help="Only this document (repeatable; default: every loaded document). diff takes two.")
@click.option("--compound", default=None, metavar="ID", help="The compound (brokers).")
@click.option("--place", default=None, metavar="ID",
              help="A county, street, community or compound (hierarchy, brokers): only its "
                   "subgraph is read.")
@click.option("--as-of", default=None, metavar="YYYY-MM-DD",
              help="Managers on this date (brokers, hierarchy --place; default today).")
@click.option("--seed", type=int, default=analytics.LOUVAIN_SEED, show_default=True,
              help="Louvain seed (communities, unled).")
@click.option("--min-communities", type=click.IntRange(1), default=2, show_default=True,
              help="How many communities a measure must span (unled).")
@click.option("--include-led", is_flag=True, help="Also list measures with a lead (unled).")
@click.option("--top", type=click.IntRange(1), default=3, show_default=True,
              help="Top carriers listed per document (concentration).")
@click.option("--json", "as_json", is_flag=True, help="Print the whole answer as JSON.")
@csv_option("item of the answer (for diff, one per unit gained, lost or moved); every row "
            "carries basis.documents and basis.generation")
@click.pass_obj
def analyze(obj: Any, question: str, docs: tuple[str, ...], compound: str | None,
            place: str | None, as_of: str | None, seed: int, min_communities: int,
            include_led: bool, top: int, as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise click.UsageError("give --json or --csv, not both")
    ans = run_question(obj.store, question, list(docs) or None, compound, as_of, seed,
                       min_communities, include_led, top, place)
    if emit(ans, as_json, as_csv, answer_items, **basis_columns(ans.basis)):
        return
    click.echo(_table(ans))
    click.echo(_basis_line(ans.basis))
