"""python -m bench analytics: what each analysis costs against the size of the city.

For each size a synthetic city (SYNTHETIC: made-up residents, compounds and
companies in Anshun's real communities, with the seed notice) is synthesized and
loaded into the embedded engine (FalkorDB); then every analysis of
``queries/analytics.py`` is run through the Python API as the CLI runs it. Per
analysis and size the report gives:

- the time of a call (median and slowest of ``--calls`` warm calls; a compound's
  brokers rotate through that many random compounds);
- the rows it read from the store, and the reads (what left the store);
- the peak of Python memory the call allocated (tracemalloc, one extra call);
- the peak resident memory of the Python process and of the database over the
  timed calls (Linux's high-water mark, reset first where allowed);
- the size of the projection it computed on (nodes, edges).

A document analysis reads the documents' duties and pairs, which do not grow with
the residents; the documents' hierarchy reads the standing structure from the
bodies' labels (``structure_facts``); a compound's, street's or county's brokers
and a street's or county's hierarchy read that place's own subgraph from its id
(``place_frame``, ``structure_around``): streets and counties rotate through
random ones holding compounds. For comparison the report also times the reads
these made before, which scan every node: ``structure_edges`` without ids (the
documents' hierarchy) and ``structure_edges`` and ``subgraph`` with ids (a
compound's brokers). No test asserts a timing: the figures live here only.
"""

from __future__ import annotations

import gc
import json
import random
import shutil
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from govgraph.graph.store import GraphStore
from govgraph.loaders.pipeline import DEFAULT_DOC_ID, execute, plan_load
from govgraph.loaders.synth import synthesize
from govgraph.queries import analytics as an
from govgraph.queries import catalogue
from govgraph.queries.flow import Flow

from .engines import FalkorEngine
from .harness import size_label
from .sysinfo import PeakRSS, cpu_check_ms, machine, timed

RESULTS = Path(__file__).parent / "results"
AS_OF = "2024-06-30"


class Counted:
    """Runs a flow against a store as ``flow.drive`` does, counting the reads and
    the rows that came back."""

    def __init__(self) -> None:
        self.reads = 0
        self.rows = 0
        self.names: list[str] = []

    def drive(self, store: GraphStore, flow: Flow[Any]) -> Any:
        try:
            step = next(flow)
            while True:
                res = catalogue.run(store, step.name, **step.params)
                self.reads += 1
                self.rows += len(res.rows)
                self.names.append(step.name)
                step = flow.send(res)
        except StopIteration as done:
            return done.value


def _scan_reads(compound: str) -> Flow[tuple[int, int]]:
    """The two reads a compound's brokers made before they were anchored: the same
    rows, found by filtering every edge of the graph."""
    from govgraph.queries.flow import read

    place = (yield from read("compound_place", compound_id=compound, as_of=AS_OF)).records()
    bodies = [b for b in (place[0]["bodies"] if place else []) if b]
    types = sorted({b["body_type"] for b in bodies if b.get("body_type")} | {"company:property"})
    types += [g for g, ts in an.STANDS_FOR.items() if any(t in types for t in ts)]
    s = (yield from read("structure_edges", ids=types, docs=None)).rows
    c = (yield from read("subgraph", ids=[b["body_id"] for b in bodies], types=["PART_OF"])).rows
    return len(s), len(c)


def _scan_hierarchy() -> Flow[int]:
    """The read the documents' hierarchy made before structure_facts: a scan."""
    from govgraph.queries.flow import read

    return len((yield from read("structure_edges", ids=None, docs=None)).rows)


# name -> flow for one call (the argument is the call's index, for rotating picks)
def analyses(compounds: list[str], streets: list[str] | None = None,
             counties: list[str] | None = None) -> dict[str, Callable[[int], Flow[Any]]]:
    def pick(i: int) -> str:
        return compounds[i % len(compounds)]

    def street(i: int) -> str:
        return (streets or compounds)[i % len(streets or compounds)]

    def county(i: int) -> str:
        return (counties or compounds)[i % len(counties or compounds)]

    return {
        "degree": lambda i: an.degree_flow(None),
        "centrality": lambda i: an.centrality_flow(None),
        "communities": lambda i: an.communities_flow(None),
        "concentration": lambda i: an.concentration_flow(None),
        "unled": lambda i: an.unled_flow(None, include_led=True),
        "diff": lambda i: an.diff_flow(DEFAULT_DOC_ID, DEFAULT_DOC_ID),
        "hierarchy": lambda i: an.hierarchy_flow(None),
        "hierarchy, scanning read (before)": lambda i: _scan_hierarchy(),
        "hierarchy of a street": lambda i: an.hierarchy_flow(None, street(i), AS_OF),
        "hierarchy of a county": lambda i: an.hierarchy_flow(None, county(i), AS_OF),
        "brokers": lambda i: an.brokers_flow(pick(i), AS_OF),
        "brokers, scanning reads (before)": lambda i: _scan_reads(pick(i)),
        "brokers of a street": lambda i: an.place_brokers_flow(street(i), AS_OF),
        "brokers of a county": lambda i: an.place_brokers_flow(county(i), AS_OF),
    }


def _places(store: GraphStore) -> tuple[list[str], list[str]]:
    """The streets and counties holding at least one compound (setup, not timed)."""
    rows = store.read("MATCH (k:Area {level: 'compound'})-[:PART_OF]->(:Area)-[:PART_OF]->"
                      "(s:Area)-[:PART_OF]->(y:Area) RETURN DISTINCT s.id AS s, y.id AS y").rows
    return sorted({r[0] for r in rows}), sorted({r[1] for r in rows})


def _projection(ans: Any) -> tuple[int | None, int | None]:
    basis = getattr(ans, "basis", None)
    return (basis.nodes, basis.edges) if basis is not None else (None, None)


def measure(store: GraphStore, db_pid: int | None, name: str, make: Callable[[int], Flow[Any]],
            calls: int) -> dict[str, Any]:
    make(0)  # a flow that cannot even start fails here, before anything is timed
    counted = Counted()
    first = counted.drive(store, make(0))  # warm: the engine's plan cache, imports
    nodes, edges = _projection(first)
    gc.collect()
    tracemalloc.start()
    Counted().drive(store, make(0))
    _, alloc_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    ms: list[float] = []
    with PeakRSS({"python": "self", "db": db_pid}) as mem:
        for i in range(calls):
            t = time.perf_counter_ns()
            Counted().drive(store, make(i))
            ms.append((time.perf_counter_ns() - t) / 1e6)
    ms.sort()
    return {"analysis": name, "calls": calls, "median_ms": statistics.median(ms), "max_ms": ms[-1],
            "reads": counted.reads, "rows_read": counted.rows, "read_names": counted.names,
            "python_alloc_peak_mb": alloc_peak / 1024**2,
            "python_rss_peak_mb": mem.peak.get("python"), "db_rss_peak_mb": mem.peak.get("db"),
            "projection_nodes": nodes, "projection_edges": edges}


def run_size(engine: FalkorEngine, n: int, seed: int, calls: int, work: Path,
             log: Callable[[str], None]) -> dict[str, Any]:
    label = size_label(n)
    city = work / f"city-{label}"
    log(f"synth {label}")
    stats = synthesize(n, seed, city)
    plan = plan_load(registries=[city])
    compounds = sorted(x.id for x in plan.batch.nodes
                       if x.kind == "Area" and x.props.get("level") == "compound")
    engine.store.clear()
    gc.collect()
    log(f"load {label} into the embedded engine")
    with timed() as t:
        execute(engine.store, plan)
    del plan
    gc.collect()
    shutil.rmtree(city, ignore_errors=True)
    engine.settle()
    nodes = engine.count_entities()
    edges = int(engine.store.read("MATCH ()-[e]->() RETURN count(e) AS n").rows[0][0])
    rng = random.Random(seed)
    picks = rng.sample(compounds, min(calls, len(compounds)))
    streets, counties = _places(engine.store)
    streets = rng.sample(streets, min(calls, len(streets)))
    counties = rng.sample(counties, min(calls, len(counties)))
    rows = []
    for name, make in analyses(picks, streets, counties).items():
        log(f"  {name} ({label})")
        r = measure(engine.store, engine.db_pid(), name, make, calls)
        rows.append({"size": n, "label": label, **r})
    return {"size": n, "label": label, "residents": stats.residents, "compounds": len(compounds),
            "graph_nodes": nodes, "graph_edges": edges, "load_s": t.seconds, "analyses": rows}


def markdown(res: dict[str, Any]) -> str:
    m = res["meta"]
    mc = m["machine"]
    out = ["# Analytics against the size of the city", "",
           f"`python -m bench analytics --sizes {','.join(s['label'] for s in res['sizes'])}` "
           f"on {m['started']} (commit {mc.get('git_commit')}): {mc['cpu']}, {mc['cores']} cores, "
           f"{mc['memory_gb']} GB; the embedded engine (FalkorDB); networkx "
           f"{mc['packages'].get('networkx')}. A fixed Python loop took "
           f"{m['cpu_check_ms']['start']} ms at the start and {m['cpu_check_ms'].get('end')} ms "
           "at the end (the machine is shared: its speed moves between runs).", "",
           "Cities are SYNTHETIC (`govgraph synth`, seed "
           f"{m['seed']}) with the seed notice. Each analysis: {m['calls']} warm calls "
           "(brokers: that many random compounds; a street's or county's analyses: that many "
           "random streets or counties holding compounds, as many as there are). *Rows read* is "
           "what left the store (of the first call); "
           "*alloc* the Python memory one call allocated at its peak (tracemalloc); *RSS* the "
           "peak resident memory of the Python process and of the database over the calls.", "",
           "| city | residents | graph nodes | graph edges | compounds | load |",
           "|---|---:|---:|---:|---:|---:|"]
    for s in res["sizes"]:
        out.append(f"| {s['label']} | {s['residents']:,} | {s['graph_nodes']:,} | "
                   f"{s['graph_edges']:,} | {s['compounds']:,} | {s['load_s']:.1f} s |")
    out += ["", "| analysis | city | median | slowest | reads | rows read | projection (nodes, edges) "
            "| alloc | Python RSS | DB RSS |", "|---|---|---:|---:|---:|---:|---|---:|---:|---:|"]
    names = list(dict.fromkeys(r["analysis"] for s in res["sizes"] for r in s["analyses"]))
    for name in names:
        for s in res["sizes"]:
            for r in s["analyses"]:
                if r["analysis"] != name:
                    continue
                proj = ("—" if r["projection_nodes"] is None
                        else f"{r['projection_nodes']}, {r['projection_edges']}")
                out.append(f"| {name} | {s['label']} | {r['median_ms']:.1f} ms | {r['max_ms']:.1f} ms | "
                           f"{r['reads']} | {r['rows_read']:,} | {proj} | "
                           f"{r['python_alloc_peak_mb']:.2f} MB | {_mb(r['python_rss_peak_mb'])} | "
                           f"{_mb(r['db_rss_peak_mb'])} |")
    if res["errors"]:
        out += ["", "## Errors", ""] + [f"- {e}" for e in res["errors"]]
    return "\n".join(out) + "\n"


def _mb(v: float | None) -> str:
    return "—" if v is None else f"{v:,.0f} MB"


def run(sizes: list[int], seed: int = 7, calls: int = 20, workdir: Path | None = None,
        out: Path | None = RESULTS, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    t0 = time.perf_counter()
    log = log or (lambda msg: print(f"[bench analytics {time.perf_counter() - t0:7.1f}s] {msg}",
                                    flush=True))
    res: dict[str, Any] = {"meta": {"started": datetime.now(UTC).isoformat(timespec="seconds"),
                                    "machine": machine(), "seed": seed, "calls": calls,
                                    "cpu_check_ms": {"start": cpu_check_ms()}},
                           "sizes": [], "errors": []}
    with tempfile.TemporaryDirectory(prefix="govgraph-bench-analytics-") as tmp:
        work = workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        engine = FalkorEngine(work / "falkordb")
        try:
            for n in sorted(sizes):
                try:
                    res["sizes"].append(run_size(engine, n, seed, calls, work, log))
                except Exception as e:  # recorded; the other sizes still run
                    log(f"FAILED at {size_label(n)}: {type(e).__name__}: {e}")
                    res["errors"].append(f"{size_label(n)}: {type(e).__name__}: {e}")
                engine.store.clear()
        finally:
            engine.close()
    res["meta"]["cpu_check_ms"]["end"] = cpu_check_ms()
    res["meta"]["seconds"] = round(time.perf_counter() - t0, 1)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "analytics.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
        (out / "analytics.md").write_text(markdown(res))
        log(f"wrote {out / 'analytics.md'}")
    return res
