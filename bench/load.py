"""python -m bench load: a registry load end to end, whole-plan against streamed.

For each size a synthetic city is made once; then, per engine, each load runs
in a process of its own (so that its peak RSS, the kernel's high-water mark of
the process, is that load's alone) into an emptied store:

* ``whole``: ``plan_load`` (parse, validate, plan everything) then ``execute``;
  the write phase is ``execute`` alone, the rate the main benchmark reports.
* ``stream``: ``plan_stream`` + ``execute_stream`` (``govgraph load --registry``):
  registries read, checked and written in bounded chunks.
* ``bulk`` (Neo4j, ``--bulk``): ``plan_stream`` + ``Neo4jStore.bulk_load_stream``
  (``govgraph load --bulk --replace``: the importer's files written from the
  stream, then the offline importer, then the schema); its steps' seconds are
  recorded (files, stop, import, start, up, indexes, after), and the CPU of the
  processes it waited for (the importer, the server script) as children's CPU.

Cities above ``--whole-max`` residents (default 1M) are loaded streamed only: a
whole-plan load holds ~4.4 GB of Python per million residents. With
``--lookups``, once a size's loads are done the graph they left is asked the
point lookup (who leads a measure) and the escalation chain of compounds, p50
and p99, in a process of its own.

Reported per load: seconds (plan, write, end to end), entities (nodes + edges
written) per second end to end and in the write phase, Python and database CPU
seconds, Python's peak RSS. The issue-31 targets: Python peak RSS <= 500 MB at
1M residents; a streamed load's end-to-end rate >= 0.9 of the whole-plan load's
write-phase rate; entities/s at 10M within 20% of 1M; Neo4j's bulk import >=
250k entities/s end to end at 1M and >= 5x the driver load. Each load records
the machine's load average as it starts (the machine is shared). ``--modes``
runs only some kinds of load. Results: bench/results/load.{json,md}, or
``--name`` for another stem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .harness import size_label
from .sysinfo import machine

RESULTS = Path(__file__).resolve().parent / "results"
MODES = ("whole", "stream")


def _child(engine: str, mode: str, city: str, data_dir: str, uri: str | None) -> dict[str, Any]:
    """One load, in this process; returns its figures."""
    import gc
    import resource

    from govgraph.loaders.pipeline import execute, execute_stream, plan_load, plan_stream

    from .sysinfo import _status_kb, cpu_seconds

    if engine == "falkordb":
        from govgraph.graph import embedded_server
        from govgraph.graph.falkordb_store import FalkorDBStore

        store: Any = FalkorDBStore(Path(data_dir))
        db_pid: int | None = int((Path(data_dir) / embedded_server.PID_NAME).read_text().strip())
    else:
        from govgraph.graph.neo4j_store import Neo4jStore

        from .sysinfo import pid_listening_on

        assert uri
        store = Neo4jStore(uri, personal_dir=Path(data_dir) / "personal")
        db_pid = pid_listening_on(int(uri.rsplit(":", 1)[1]))
    store.clear()
    gc.collect()
    base_mb = (_status_kb("self", "VmRSS") or 0) / 1024
    py0, db0 = cpu_seconds("self"), cpu_seconds(db_pid) if db_pid else None
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    if mode == "whole":
        plan = plan_load(registries=[Path(city)])
        t1 = time.perf_counter()
        summary = execute(store, plan)
        del plan
    elif mode == "bulk":
        load = plan_stream(registries=[Path(city)])
        t1 = time.perf_counter()
        work = Path(data_dir) / "bulk-work"
        work.mkdir(parents=True, exist_ok=True)
        summary = store.bulk_load_stream(load.chunks, replace=True, work_dir=work)
        db_pid = None  # the importer is a process of its own, and the server restarts
    else:
        load = plan_stream(registries=[Path(city)])
        t1 = time.perf_counter()
        summary = execute_stream(store, load)
    t2 = time.perf_counter()
    py1, db1 = cpu_seconds("self"), cpu_seconds(db_pid) if db_pid else None
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    stored = store.read("MATCH (n:Entity) RETURN count(n)").rows[0][0]
    store.close()
    entities = summary.nodes + summary.edges
    return {"engine": engine, "mode": mode, "nodes": summary.nodes, "edges": summary.edges,
            "entities": entities, "stored_nodes": stored,
            "plan_s": t1 - t0, "write_s": t2 - t1, "end_to_end_s": t2 - t0,
            "write_entities_per_s": entities / (t2 - t1) if mode != "stream" else None,
            "end_to_end_entities_per_s": entities / (t2 - t0),
            "python_cpu_s": (py1 - py0) if py0 is not None and py1 is not None else None,
            "db_cpu_s": (db1 - db0) if db0 is not None and db1 is not None else None,
            "children_cpu_s": (kids1.ru_utime + kids1.ru_stime) - (kids.ru_utime + kids.ru_stime),
            "phases": summary.phases,
            "python_start_rss_mb": base_mb,
            "python_peak_rss_mb": (_status_kb("self", "VmHWM") or 0) / 1024}


def run(sizes: list[int], engines: list[str], seed: int, repeat: int, workdir: Path | None,
        neo4j_uri: str | None, out: Path | None, warmup: bool = True, *,
        whole_max: int = 1_000_000, bulk: bool = False, lookups: bool = False,
        calls: int = 2000, name: str = "load", modes: list[str] | None = None,
        api: bool = False, api_seconds: float = 5.0, api_concurrency: list[int] | None = None,
        api_workers: int = 2, profile: bool = False, no_load: bool = False) -> dict[str, Any]:
    from govgraph.graph import embedded_server
    from govgraph.loaders.synth import synthesize

    work = Path(workdir or tempfile.mkdtemp(prefix="govgraph-bench-load-"))
    work.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"meta": {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                                    "seed": seed, "repeat": repeat, "warmup": warmup,
                                    "whole_max": whole_max, "bulk": bulk, "modes": modes,
                                    "loadavg_start": os.getloadavg()},
                           "loads": [], "summary": [], "lookups": [], "api": []}
    falkor_dir = work / "falkordb"
    server = None
    if no_load:
        if "neo4j" in engines and not neo4j_uri:
            raise ValueError("--no-load measures a store that holds a city: give Neo4j's with --neo4j-uri")
        warmup = False
    if "neo4j" in engines and not neo4j_uri:
        from .engines import neo4j_server

        server = neo4j_server(None, work)
        neo4j_uri = server.__enter__()
    try:
        if warmup:
            # Untimed: the first loads into a fresh server run cold (Neo4j's JIT).
            city = work / "city-warmup"
            if not city.exists():
                synthesize(10_000, seed, city)
            for engine in engines:
                for mode in _modes(engine, 10_000, whole_max, bulk):
                    if modes and mode not in modes:
                        continue
                    print(f"warm-up {engine} {mode}", file=sys.stderr)
                    _spawn(engine, mode, city, falkor_dir, neo4j_uri)
        for n in sizes:
            label = size_label(n)
            city = work / f"city-{label}"
            if not no_load and (not (city / "SYNTHETIC.txt").exists()
                                or not (city / "case_steps.csv").exists()):
                print(f"synth {label}", file=sys.stderr)
                synthesize(n, seed, city)  # written as it is made: its memory does not grow with n
            for engine in engines:
                kinds = [] if no_load else [m for m in _modes(engine, n, whole_max, bulk)
                                            if not modes or m in modes]
                runs: dict[str, list[dict[str, Any]]] = {m: [] for m in kinds}
                for i in range(repeat):
                    for mode in kinds if i % 2 == 0 else kinds[::-1]:
                        print(f"load {engine} {label} {mode} ({i + 1} of {repeat})", file=sys.stderr)
                        loadavg = os.getloadavg()
                        r = _spawn(engine, mode, city, falkor_dir, neo4j_uri)
                        r.update(size=n, label=label, run=i + 1, loadavg_start=loadavg,
                                 loadavg_end=os.getloadavg())
                        print(f"  {r['end_to_end_s']:.2f} s end to end (plan {r['plan_s']:.2f}, write "
                              f"{r['write_s']:.2f}), peak RSS {r['python_peak_rss_mb']:.0f} MB",
                              file=sys.stderr)
                        res["loads"].append(r)
                        runs[mode].append(r)
                if kinds:
                    res["summary"].append(_summary(engine, n, label, runs))
                if lookups:
                    print(f"lookups {engine} {label}", file=sys.stderr)
                    look = _spawn_lookups(engine, falkor_dir, neo4j_uri, calls, seed)
                    for r in look:
                        r.update(engine=engine, size=n, label=label)
                    res["lookups"] += look
                if api:
                    print(f"api {engine} {label}", file=sys.stderr)
                    res["api"] += _api(engine, falkor_dir, neo4j_uri, n, label, seed, work, out,
                                       seconds=api_seconds, concurrency=api_concurrency or [1, 16, 64],
                                       workers=api_workers, profile=profile)
                if out:
                    _write(res, out, name)
    finally:
        if server is not None:
            server.__exit__(None, None, None)
        embedded_server.stop(falkor_dir)
    res["meta"]["loadavg_end"] = os.getloadavg()
    if out:
        _write(res, out, name)
    return res


def _modes(engine: str, n: int, whole_max: int, bulk: bool) -> tuple[str, ...]:
    if n > whole_max:
        return ("stream",)
    return MODES + (("bulk",) if bulk and engine == "neo4j" else ())


def _lookups_child(engine: str, data_dir: str, uri: str | None, calls: int, seed: int
                   ) -> list[dict[str, Any]]:
    """Point lookups and escalation chains on the graph the last load left, p50 / p99."""
    import gc
    import random

    from govgraph.queries import answers, compounds

    from .engines import FalkorEngine, Neo4jEngine
    from .harness import AS_OF, ISSUE, MEASURE, time_calls

    e: Any = FalkorEngine(Path(data_dir)) if engine == "falkordb" else Neo4jEngine(uri or "")
    e.settle(timeout_s=600)
    s = e.store
    total = int(s.read("MATCH (c:Area {level: 'compound'}) RETURN count(c)").rows[0][0])
    rng = random.Random(seed)
    picks = [(f"syn:compound:{rng.randint(1, total)}",) for _ in range(calls)]
    # The floor beside them: a read that asks the graph nothing (one session, one
    # round trip), so that a tail the machine or the server gives shows as such.
    ops = {"round_trip_floor": (lambda: s.read("RETURN 1"), [()] * calls),
           "who_leads_measure": (lambda: answers.who_leads(s, MEASURE), [()] * calls),
           "escalation_chain": (lambda c: compounds.compound_escalation(s, c, ISSUE, AS_OF), picks)}
    gc.collect()
    gc.freeze()
    out = []
    for op, (fn, args) in ops.items():
        r = time_calls(fn, args, min(200, len(args)), budget_s=60)
        out.append({"op": op, "compounds": total, **r})
    s.close()  # (not the engine: the embedded server stays up for the next load)
    return out


def _api(engine: str, falkor_dir: Path, uri: str | None, n: int, label: str, seed: int,
         work: Path, out: Path | None, **kw: Any) -> list[dict[str, Any]]:
    """The API served on the graph the last load left (``bench/api_load.py``)."""
    from . import api_load
    from .engines import FalkorEngine, Neo4jEngine

    e: Any = FalkorEngine(falkor_dir) if engine == "falkordb" else Neo4jEngine(uri or "")
    try:
        return api_load.measure(e, n, label, seed=seed, work=work, out=out, **kw)
    finally:
        e.store.close()  # (not the engine: the embedded server stays up for the next load)


def _spawn_lookups(engine: str, falkor_dir: Path, uri: str | None, calls: int, seed: int
                   ) -> list[dict[str, Any]]:
    code = ("import json, sys; from bench.load import _lookups_child; "
            "print(json.dumps(_lookups_child(sys.argv[1], sys.argv[2], sys.argv[3] or None, "
            "int(sys.argv[4]), int(sys.argv[5]))))")
    proc = subprocess.run([sys.executable, "-c", code, engine, str(falkor_dir), uri or "", str(calls),
                           str(seed)], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"lookups {engine} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _spawn(engine: str, mode: str, city: Path, falkor_dir: Path, uri: str | None) -> dict[str, Any]:
    code = ("import json, sys; from bench.load import _child; "
            "print(json.dumps(_child(*sys.argv[1:5], sys.argv[5] or None)))")
    proc = subprocess.run([sys.executable, "-c", code, engine, mode, str(city), str(falkor_dir),
                           uri or ""], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"load {engine} {mode} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _median(rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    ordered = sorted(rows, key=lambda r: r[key])
    return ordered[len(ordered) // 2]


def _summary(engine: str, n: int, label: str, runs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    any_run = next(r for rs in runs.values() for r in rs)
    out: dict[str, Any] = {"engine": engine, "size": n, "label": label,
                           "entities": any_run["entities"], "loadavg_start": any_run.get("loadavg_start")}
    stream = _median(runs["stream"], "end_to_end_s") if runs.get("stream") else None
    if stream is not None:
        out.update({
            "entities": stream["entities"],
            "stream_end_to_end_s": stream["end_to_end_s"],
            "stream_end_to_end_entities_per_s": stream["end_to_end_entities_per_s"],
            "stream_python_peak_rss_mb": stream["python_peak_rss_mb"],
            "stream_python_cpu_s": stream["python_cpu_s"], "stream_db_cpu_s": stream["db_cpu_s"],
            "stream_runs_s": [r["end_to_end_s"] for r in runs["stream"]],
            "loadavg_start": stream.get("loadavg_start")})
    if runs.get("whole"):
        whole = _median(runs["whole"], "write_s")
        write_rate = whole["write_entities_per_s"]
        out.update({
            "whole_plan_s": whole["plan_s"], "whole_write_s": whole["write_s"],
            "whole_end_to_end_s": whole["end_to_end_s"],
            "whole_write_entities_per_s": write_rate,
            "whole_end_to_end_entities_per_s": whole["end_to_end_entities_per_s"],
            "whole_python_peak_rss_mb": whole["python_peak_rss_mb"],
            "whole_python_cpu_s": whole["python_cpu_s"], "whole_db_cpu_s": whole["db_cpu_s"],
            "ratio_stream_end_to_end_to_write_phase": (stream["end_to_end_entities_per_s"] / write_rate
                                                       if stream else None),
            "ratio_whole_end_to_end_to_write_phase": whole["end_to_end_entities_per_s"] / write_rate,
            "same_entities": (whole["entities"] == stream["entities"]
                              and whole["stored_nodes"] == stream["stored_nodes"]) if stream else None,
            "whole_runs_s": [r["write_s"] for r in runs["whole"]]})
    if runs.get("bulk"):
        bulk = _median(runs["bulk"], "end_to_end_s")
        out.update({
            "bulk_plan_s": bulk["plan_s"], "bulk_import_s": bulk["write_s"],
            "bulk_end_to_end_s": bulk["end_to_end_s"],
            "bulk_end_to_end_entities_per_s": bulk["end_to_end_entities_per_s"],
            "bulk_python_peak_rss_mb": bulk["python_peak_rss_mb"],
            "bulk_python_cpu_s": bulk["python_cpu_s"],
            "bulk_children_cpu_s": bulk.get("children_cpu_s"), "bulk_phases": bulk.get("phases"),
            "ratio_bulk_to_stream_end_to_end": (bulk["end_to_end_entities_per_s"]
                                                / stream["end_to_end_entities_per_s"]
                                                if stream else None),
            "ratio_bulk_to_whole_end_to_end": (bulk["end_to_end_entities_per_s"]
                                               / out["whole_end_to_end_entities_per_s"]
                                               if "whole_end_to_end_entities_per_s" in out else None),
            "bulk_same_entities": bulk["stored_nodes"] == stream["stored_nodes"] if stream else None})
    return out


def _f(v: Any, fmt: str = ",.0f") -> str:
    return "–" if v is None else format(v, fmt)


def markdown(res: dict[str, Any]) -> str:
    m = res["meta"]["machine"]
    lines = ["# Registry loads end to end: whole-plan, streamed and (Neo4j) bulk import", "",
             f"Run {res['meta']['started']}, commit {m.get('git_commit')}, {m.get('cores')} cores "
             f"({m.get('cpu')}), {m.get('memory_gb')} GB RAM; load average at start "
             f"{', '.join(f'{x:.2f}' for x in res['meta']['loadavg_start'])}"
             + (f", at end {', '.join(f'{x:.2f}' for x in res['meta']['loadavg_end'])}"
                if res["meta"].get("loadavg_end") else "")
             + f"; {res['meta']['repeat']} load(s) of each kind, the median shown; whole-plan "
             f"(and bulk) loads up to {size_label(res['meta'].get('whole_max', 10**12))} residents. "
             "Entities are nodes + edges written. Python peak RSS is the loading process's "
             "high-water mark (interpreter and imports included).", "",
             "| engine | residents | entities | write-phase entities/s (whole-plan) "
             "| streamed: end-to-end s | streamed: end-to-end entities/s | ratio to write phase "
             "| streamed: Python peak RSS MB | streamed: Python / DB CPU s "
             "| whole-plan: Python peak RSS MB | bulk: end-to-end entities/s (x streamed) "
             "| bulk: Python peak RSS MB | load average at start |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in res["summary"]:
        bulk = (f"{s['bulk_end_to_end_entities_per_s']:,.0f} "
                f"({_f(s.get('ratio_bulk_to_stream_end_to_end'), '.2f')}x)"
                if s.get("bulk_end_to_end_entities_per_s") else "–")
        ratio = s.get("ratio_stream_end_to_end_to_write_phase")
        la = s.get("loadavg_start")
        lines.append(
            f"| {s['engine']} | {s['label']} | {s['entities']:,} | {_f(s.get('whole_write_entities_per_s'))} "
            f"| {_f(s.get('stream_end_to_end_s'), '.1f')} | {_f(s.get('stream_end_to_end_entities_per_s'))} "
            f"| {_f(ratio, '.2f')} | {_f(s.get('stream_python_peak_rss_mb'))} "
            f"| {_f(s.get('stream_python_cpu_s'), '.1f')} / {_f(s.get('stream_db_cpu_s'), '.1f')} "
            f"| {_f(s.get('whole_python_peak_rss_mb'))} | {bulk} | {_f(s.get('bulk_python_peak_rss_mb'))} "
            f"| {', '.join(f'{x:.1f}' for x in la) if la else '–'} |")
    lines += ["", "Ratio: streamed end-to-end entities/s over the whole-plan load's write-phase "
              "entities/s (target >= 0.9 at 1M). Bulk: `plan_stream` + `Neo4jStore.bulk_load_stream` "
              "end to end (target >= 250k entities/s at 1M and >= 5x the streamed driver load).", ""]
    for r in res["loads"]:
        if r.get("phases"):
            steps = ", ".join(f"{k} {v:.1f}" for k, v in r["phases"].items())
            lines.append(f"- bulk {r['engine']} {r['label']} (run {r['run']}), seconds of each step: "
                         f"{steps}; Python {_f(r.get('python_cpu_s'), '.1f')} CPU-s, the importer "
                         f"and scripts {_f(r.get('children_cpu_s'), '.1f')} CPU-s.")
    for engine in sorted({s["engine"] for s in res["summary"]}):
        by = {s["size"]: s for s in res["summary"] if s["engine"] == engine}
        if 1_000_000 in by and max(by) > 1_000_000 and by[1_000_000].get("stream_end_to_end_s"):
            top = by[max(by)]
            r = top["stream_end_to_end_entities_per_s"] / by[1_000_000]["stream_end_to_end_entities_per_s"]
            lines.append(f"- {engine}: streamed entities/s at {top['label']} over 1M: {r:.2f} "
                         "(target within 20%: >= 0.8); peak RSS "
                         f"{by[1_000_000]['stream_python_peak_rss_mb']:,.0f} MB at 1M, "
                         f"{top['stream_python_peak_rss_mb']:,.0f} MB at {top['label']}.")
    if res.get("lookups"):
        lines += ["", "Lookups on the graph the loads left (one process, warm; p50 / p99 ms):", "",
                  "| engine | residents | op | calls | p50 ms | p99 ms |", "|---|---|---|---|---|---|"]
        for r in res["lookups"]:
            lines.append(f"| {r['engine']} | {r['label']} | {r['op']} | {r['calls']} | "
                         f"{r['p50_ms']:.2f} | {r['p99_ms']:.2f} |")
    from .api_load import markdown as api_markdown

    lines += api_markdown(res.get("api") or [])
    lines += ["", "Every load:", "", "| engine | residents | mode | run | plan s | write s | end-to-end s "
              "| Python CPU s | DB CPU s | Python peak RSS MB | load average at start |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in res["loads"]:
        la = r.get("loadavg_start")
        lines.append(f"| {r['engine']} | {r['label']} | {r['mode']} | {r['run']} | {r['plan_s']:.2f} | "
                     f"{r['write_s']:.2f} | {r['end_to_end_s']:.2f} | {(r['python_cpu_s'] or 0):.1f} | "
                     f"{_f(r['db_cpu_s'], '.1f')} | {r['python_peak_rss_mb']:,.0f} | "
                     f"{', '.join(f'{x:.1f}' for x in la) if la else '–'} |")
    return "\n".join(lines) + "\n"


def _write(res: dict[str, Any], out: Path, name: str = "load") -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    (out / f"{name}.md").write_text(markdown(res))
