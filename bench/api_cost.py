"""What one API request costs: code trees compared in paired, alternating runs.

    python -m bench.api_cost --neo4j-uri bolt://127.0.0.1:7822 --neo4j-pid PID \\
        --variant before=/tmp/base/pkg --variant after= --rounds 4

Each round starts `govgraph serve --workers 2` once per variant, in turn (A, B,
A, B, ...), with every request reading alone (`GOVGRAPH_SHARE_READS=0` unless
``--share-reads``), warms it with wrk, then drives the point lookup with wrk
and records req/s and its latencies, the load average at the start, and the
CPU seconds the server's processes (and Neo4j's, given ``--neo4j-pid``) spent
per request. On a machine shared with other work the req/s of one run moves
with what else runs; the CPU per request moves much less, and the pairs are
what to compare.

A variant is ``NAME=PYTHONPATH``: the tree whose ``govgraph`` package the server
imports first (empty: the installed one). A tree of another commit is made with
``git archive COMMIT | tar -x -C DIR/src`` and ``DIR/pkg/govgraph`` = a copy
of ``src/govgraph`` with ``graph``, ``loaders``, ``queries`` and ``api`` linked
into it (the package layout of pyproject.toml's ``package-dir``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import http

RESULTS = Path(__file__).parent / "results"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """utime + stime of a process, in seconds (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def _descendants(pid: int) -> list[int]:
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        for k in kids:
            out.append(int(k))
            todo.append(int(k))
    return out


def _loadavg() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def one_run(name: str, pythonpath: str, args: argparse.Namespace, log_dir: Path) -> dict:
    env = {"GOVGRAPH_NEO4J_URI": args.neo4j_uri, "GOVGRAPH_ENGINE": "neo4j",
           "GOVGRAPH_SHARE_READS": "1" if args.share_reads else "0",
           "GOVGRAPH_DATA_DIR": str(args.data_dir)}
    # -m puts the working directory first on sys.path, and the repo's own
    # govgraph/ there would win over PYTHONPATH: PYTHONSAFEPATH leaves it out.
    env["PYTHONPATH"] = pythonpath
    env["PYTHONSAFEPATH"] = "1"
    code = "import govgraph.graph.neo4j_store as m; print(m.__file__)"
    found = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env},
                           capture_output=True, text=True, check=True).stdout.strip()
    with http.serve(env, ready_path=args.path, log=log_dir / f"serve-{name}.log",
                    workers=args.workers) as (base, pid):
        url = base + args.path
        http.run_wrk(url, args.concurrency, args.warmup_seconds)
        procs = [pid, *_descendants(pid)]
        load = _loadavg()
        py0 = sum(_cpu_s(p) for p in procs)
        db0 = _cpu_s(args.neo4j_pid) if args.neo4j_pid else 0.0
        t0 = time.monotonic()
        r = http.run_wrk(url, args.concurrency, args.seconds)
        wall = time.monotonic() - t0
        py1 = sum(_cpu_s(p) for p in procs)
        db1 = _cpu_s(args.neo4j_pid) if args.neo4j_pid else 0.0
    n = max(1, r["requests"])
    return {"variant": name, "imports": found, "loadavg_1_5_15": load, "wall_s": round(wall, 2), **r,
            "python_cpu_s": round(py1 - py0, 2),
            "python_cpu_ms_per_request": round(1000 * (py1 - py0) / n, 4),
            "neo4j_cpu_s": round(db1 - db0, 2) if args.neo4j_pid else None,
            "neo4j_cpu_ms_per_request": (round(1000 * (db1 - db0) / n, 4)
                                         if args.neo4j_pid else None)}


def summarize(runs: list[dict], names: list[str]) -> dict:
    out: dict = {}
    for name in names:
        mine = [r for r in runs if r["variant"] == name]
        out[name] = {
            "req_s": [r["requests_per_s"] for r in mine],
            "median_req_s": statistics.median(r["requests_per_s"] for r in mine),
            "median_python_cpu_ms_per_request":
                statistics.median(r["python_cpu_ms_per_request"] for r in mine),
            "median_neo4j_cpu_ms_per_request":
                (statistics.median(r["neo4j_cpu_ms_per_request"] for r in mine)
                 if mine and mine[0]["neo4j_cpu_ms_per_request"] is not None else None),
        }
    if len(names) == 2:
        a, b = names
        pairs = [(x, y) for x, y in zip([r for r in runs if r["variant"] == a],
                                        [r for r in runs if r["variant"] == b], strict=False)]
        out["ratios_b_over_a"] = [round(y["requests_per_s"] / x["requests_per_s"], 3)
                                  for x, y in pairs if x["requests_per_s"]]
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.api_cost", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--variant", action="append", required=True, metavar="NAME=PYTHONPATH")
    p.add_argument("--neo4j-uri", required=True)
    p.add_argument("--neo4j-pid", type=int, default=None, help="to count the server's CPU")
    p.add_argument("--data-dir", type=Path, default=Path(".govgraph"))
    p.add_argument("--path", default="/measures/11/leads")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--warmup-seconds", type=float, default=5.0)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--share-reads", action="store_true", help="as served (default: alone)")
    p.add_argument("--out", type=Path, default=None, help="JSON file for the runs")
    args = p.parse_args(argv)
    variants = [v.split("=", 1) for v in args.variant]
    names = [v[0] for v in variants]
    log_dir = Path(os.environ.get("TMPDIR", "/tmp"))
    runs: list[dict] = []
    for i in range(args.rounds):
        for name, path in variants:
            r = one_run(name, path, args, log_dir)
            r["round"] = i + 1
            runs.append(r)
            print(f"round {i + 1} {name} ({r['imports']}): {r['requests_per_s']:.0f} req/s, "
                  f"p99 {r['p99_ms']} ms, "
                  f"python {r['python_cpu_ms_per_request']} ms/req, neo4j "
                  f"{r['neo4j_cpu_ms_per_request']} ms/req, load {r['loadavg_1_5_15'][0]}, "
                  f"errors {r['errors']}", file=sys.stderr, flush=True)
    result = {"when": time.strftime("%Y-%m-%d %H:%M"), "path": args.path,
              "concurrency": args.concurrency, "seconds": args.seconds,
              "workers": args.workers, "share_reads": args.share_reads,
              "variants": dict(variants), "runs": runs, "summary": summarize(runs, names)}
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n")
    print(json.dumps(result["summary"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
