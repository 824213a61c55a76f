"""python -m bench load: a registry load end to end, whole-plan against streamed.

For each size a synthetic city is made once; then, per engine, each load runs
in a process of its own (so that its peak RSS, the kernel's high-water mark of
the process, is that load's alone) into an emptied store:

* ``whole``: ``plan_load`` (parse, validate, plan everything) then ``execute``;
  the write phase is ``execute`` alone, the rate the main benchmark reports.
* ``stream``: ``plan_stream`` + ``execute_stream`` (``govgraph load --registry``):
  registries read, checked and written in bounded chunks.

Reported per load: seconds (plan, write, end to end), entities (nodes + edges
written) per second end to end and in the write phase, Python and database CPU
seconds, Python's peak RSS. The issue-31 targets: Python peak RSS <= 500 MB at
1M residents; a streamed load's end-to-end rate >= 0.9 of the whole-plan load's
write-phase rate. Results: bench/results/load.{json,md}.
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
    t0 = time.perf_counter()
    if mode == "whole":
        plan = plan_load(registries=[Path(city)])
        t1 = time.perf_counter()
        summary = execute(store, plan)
        del plan
    else:
        load = plan_stream(registries=[Path(city)])
        t1 = time.perf_counter()
        summary = execute_stream(store, load)
    t2 = time.perf_counter()
    py1, db1 = cpu_seconds("self"), cpu_seconds(db_pid) if db_pid else None
    stored = store.read("MATCH (n:Entity) RETURN count(n)").rows[0][0]
    store.close()
    entities = summary.nodes + summary.edges
    return {"engine": engine, "mode": mode, "nodes": summary.nodes, "edges": summary.edges,
            "entities": entities, "stored_nodes": stored,
            "plan_s": t1 - t0, "write_s": t2 - t1, "end_to_end_s": t2 - t0,
            "write_entities_per_s": entities / (t2 - t1) if mode == "whole" else None,
            "end_to_end_entities_per_s": entities / (t2 - t0),
            "python_cpu_s": (py1 - py0) if py0 is not None and py1 is not None else None,
            "db_cpu_s": (db1 - db0) if db0 is not None and db1 is not None else None,
            "python_start_rss_mb": base_mb,
            "python_peak_rss_mb": (_status_kb("self", "VmHWM") or 0) / 1024}


def run(sizes: list[int], engines: list[str], seed: int, repeat: int, workdir: Path | None,
        neo4j_uri: str | None, out: Path | None, warmup: bool = True) -> dict[str, Any]:
    from govgraph.graph import embedded_server
    from govgraph.loaders.synth import synthesize

    work = Path(workdir or tempfile.mkdtemp(prefix="govgraph-bench-load-"))
    work.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"meta": {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                                    "seed": seed, "repeat": repeat, "warmup": warmup,
                                    "loadavg_start": os.getloadavg()},
                           "loads": [], "summary": []}
    falkor_dir = work / "falkordb"
    server = None
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
                for mode in MODES:
                    print(f"warm-up {engine} {mode}", file=sys.stderr)
                    _spawn(engine, mode, city, falkor_dir, neo4j_uri)
        for n in sizes:
            label = size_label(n)
            city = work / f"city-{label}"
            if not city.exists():
                print(f"synth {label}", file=sys.stderr)
                synthesize(n, seed, city)
            for engine in engines:
                runs: dict[str, list[dict[str, Any]]] = {m: [] for m in MODES}
                for i in range(repeat):
                    for mode in MODES if i % 2 == 0 else MODES[::-1]:
                        print(f"load {engine} {label} {mode} ({i + 1} of {repeat})", file=sys.stderr)
                        r = _spawn(engine, mode, city, falkor_dir, neo4j_uri)
                        r.update(size=n, label=label, run=i + 1)
                        print(f"  {r['end_to_end_s']:.2f} s end to end (plan {r['plan_s']:.2f}, write "
                              f"{r['write_s']:.2f}), peak RSS {r['python_peak_rss_mb']:.0f} MB",
                              file=sys.stderr)
                        res["loads"].append(r)
                        runs[mode].append(r)
                res["summary"].append(_summary(engine, n, label, runs))
                if out:
                    _write(res, out)
    finally:
        if server is not None:
            server.__exit__(None, None, None)
        embedded_server.stop(falkor_dir)
    res["meta"]["loadavg_end"] = os.getloadavg()
    if out:
        _write(res, out)
    return res


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
    whole = _median(runs["whole"], "write_s")
    stream = _median(runs["stream"], "end_to_end_s")
    write_rate = whole["write_entities_per_s"]
    return {"engine": engine, "size": n, "label": label, "entities": whole["entities"],
            "whole_plan_s": whole["plan_s"], "whole_write_s": whole["write_s"],
            "whole_end_to_end_s": whole["end_to_end_s"],
            "whole_write_entities_per_s": write_rate,
            "whole_end_to_end_entities_per_s": whole["end_to_end_entities_per_s"],
            "whole_python_peak_rss_mb": whole["python_peak_rss_mb"],
            "stream_end_to_end_s": stream["end_to_end_s"],
            "stream_end_to_end_entities_per_s": stream["end_to_end_entities_per_s"],
            "stream_python_peak_rss_mb": stream["python_peak_rss_mb"],
            "stream_python_cpu_s": stream["python_cpu_s"], "stream_db_cpu_s": stream["db_cpu_s"],
            "whole_python_cpu_s": whole["python_cpu_s"], "whole_db_cpu_s": whole["db_cpu_s"],
            "ratio_stream_end_to_end_to_write_phase": stream["end_to_end_entities_per_s"] / write_rate,
            "ratio_whole_end_to_end_to_write_phase": whole["end_to_end_entities_per_s"] / write_rate,
            "same_entities": whole["entities"] == stream["entities"]
                             and whole["stored_nodes"] == stream["stored_nodes"],
            "whole_runs_s": [r["write_s"] for r in runs["whole"]],
            "stream_runs_s": [r["end_to_end_s"] for r in runs["stream"]]}


def markdown(res: dict[str, Any]) -> str:
    m = res["meta"]["machine"]
    lines = ["# Registry loads end to end: whole-plan against streamed", "",
             f"Run {res['meta']['started']}, commit {m.get('git_commit')}, {m.get('cores')} cores "
             f"({m.get('cpu')}), {m.get('memory_gb')} GB RAM; load average at start "
             f"{', '.join(f'{x:.2f}' for x in res['meta']['loadavg_start'])}; "
             f"{res['meta']['repeat']} load(s) of each kind, the median shown. "
             "Entities are nodes + edges written. Python peak RSS is the loading process's "
             "high-water mark (interpreter and imports included).", "",
             "| engine | residents | entities | whole: plan s | whole: write s | write-phase entities/s "
             "| whole: end-to-end entities/s (ratio) | whole: Python peak RSS MB | stream: end-to-end s "
             "| stream: end-to-end entities/s (ratio) | stream: Python peak RSS MB "
             "| stream: Python / DB CPU s |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in res["summary"]:
        lines.append(
            f"| {s['engine']} | {s['label']} | {s['entities']:,} | {s['whole_plan_s']:.2f} | "
            f"{s['whole_write_s']:.2f} | {s['whole_write_entities_per_s']:,.0f} | "
            f"{s['whole_end_to_end_entities_per_s']:,.0f} "
            f"({s['ratio_whole_end_to_end_to_write_phase']:.2f}) | "
            f"{s['whole_python_peak_rss_mb']:,.0f} | {s['stream_end_to_end_s']:.2f} | "
            f"{s['stream_end_to_end_entities_per_s']:,.0f} "
            f"({s['ratio_stream_end_to_end_to_write_phase']:.2f}) | "
            f"{s['stream_python_peak_rss_mb']:,.0f} | "
            f"{(s['stream_python_cpu_s'] or 0):.1f} / {(s['stream_db_cpu_s'] or 0):.1f} |")
    lines += ["", "Ratios are end-to-end entities/s over the whole-plan load's write-phase "
              "entities/s (target for streamed loads: >= 0.9).", ""]
    lines += ["Every load:", "", "| engine | residents | mode | run | plan s | write s | end-to-end s "
              "| Python CPU s | DB CPU s | Python peak RSS MB |", "|---|---|---|---|---|---|---|---|---|---|"]
    for r in res["loads"]:
        lines.append(f"| {r['engine']} | {r['label']} | {r['mode']} | {r['run']} | {r['plan_s']:.2f} | "
                     f"{r['write_s']:.2f} | {r['end_to_end_s']:.2f} | {(r['python_cpu_s'] or 0):.1f} | "
                     f"{(r['db_cpu_s'] or 0):.1f} | {r['python_peak_rss_mb']:,.0f} |")
    return "\n".join(lines) + "\n"


def _write(res: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "load.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    (out / "load.md").write_text(markdown(res))
