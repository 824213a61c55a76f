"""Where FalkorDB's write cost goes as the graph grows: ``python -m bench.falkordb_growth``.

A streamed registry load (``govgraph load --registry``) into an emptied embedded
FalkorDB, with each write command timed: its class (node kind or edge type,
CREATE or MERGE), its rows, its wall time and the server's own figure for it
("internal execution time"), and the server process's CPU every few commands.
The report gives, for each tenth of the load's rows, the server's CPU and
internal time a row, overall and by class, so that a cost that grows with the
graph shows as such and names the statements it is in.

    python -m bench.falkordb_growth --city /tmp/perf10m/city-1m --data /tmp/x/falkordb \\
        [--delta-max-pending N] [--node-creation-buffer N] [--chunk-rows N]
        [--coalesce-chunks N] [--name STEM]

``--delta-max-pending`` sets FalkorDB's DELTA_MAX_PENDING_CHANGES for the load
(pending changes a matrix holds before they are merged into it; FalkorDB's
default 10,000); ``--node-creation-buffer`` starts the server with
NODE_CREATION_BUFFER (the nodes its matrices are sized ahead by: FalkorDB's
default 16,384, govgraph's 2^20), which can only be set when it starts;
``--chunk-rows`` the registry rows of a chunk (and of an UNWIND statement);
``--coalesce-chunks`` how many chunks the stream writer writes as one (1: one
at a time, as before 2026-12-07). Results: bench/results/STEM.{json,md} (and
the table printed); the raw log of every command beside the data directory.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
_CLASS = re.compile(r"UNWIND \$rows AS r (?:MATCH .*? )?(CREATE|MERGE) \((?:n:Entity:(\w+)|a\)-\[e:(\w+))")


def classify(command: str) -> str:
    """``CREATE Person`` or ``MERGE RESIDES_IN`` (the statement's verb and what it writes)."""
    at = command.rfind("UNWIND $rows AS r")
    m = _CLASS.match(command, at) if at >= 0 else None
    if not m:
        return "other"
    return f"{m.group(1)} {m.group(2) or m.group(3)}"


def run(city: Path, data: Path, delta: int | None, node_buffer: int | None,
        chunk_rows: int | None = None, coalesce: int | None = None) -> dict[str, Any]:
    from govgraph.graph import embedded_server, falkordb_store
    from govgraph.loaders.pipeline import execute_stream, plan_stream

    from .sysinfo import _status_kb, cpu_seconds, machine

    # A fresh server on an empty directory: one that restarts replays its log first.
    embedded_server.stop(data)
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    if node_buffer:
        real = embedded_server.subprocess.run

        def spawn(args: list[str], *a: Any, **k: Any) -> Any:
            if args and str(args[0]).endswith("redis-server"):
                args = list(args)
                if "NODE_CREATION_BUFFER" in args:
                    args[args.index("NODE_CREATION_BUFFER") + 1] = str(node_buffer)
                else:
                    args += ["NODE_CREATION_BUFFER", str(node_buffer)]
            return real(args, *a, **k)

        embedded_server.subprocess.run = spawn  # type: ignore[assignment]
    store = falkordb_store.FalkorDBStore(data)
    pid = int((data / embedded_server.PID_NAME).read_text().strip())
    conn = store._db.connection
    config = dict(conn.execute_command("GRAPH.CONFIG", "GET", "*"))
    if delta:
        conn.execute_command("GRAPH.CONFIG", "SET", "DELTA_MAX_PENDING_CHANGES", str(delta))
        config["DELTA_MAX_PENDING_CHANGES"] = delta
    store.clear()
    log: list[list[Any]] = []  # [class, rows, wall s, internal ms, server CPU s or None]
    graph = store._graph
    query = graph.query
    spelled = falkordb_store._Part.command
    last = [0]

    def command(part: Any) -> tuple[int, str]:
        rows, text = spelled(part)
        last[0] = rows
        return rows, text

    falkordb_store._Part.command = command  # type: ignore[method-assign]

    def timed(command: str, params: Any = None, *a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        res = query(command, params, *a, **k)
        wall = time.perf_counter() - t
        if params is None:  # a write command (a lookup of ids has parameters)
            cpu = cpu_seconds(pid) if len(log) % 10 == 0 else None
            log.append([classify(command), last[0], wall, res.run_time_ms, cpu])
        return res

    graph.query = timed  # type: ignore[method-assign]
    if coalesce:
        falkordb_store.COALESCE_CHUNKS = coalesce  # type: ignore[attr-defined]
    cpu0, t0, py0 = cpu_seconds(pid), time.perf_counter(), cpu_seconds("self")
    if chunk_rows:
        store.batch_rows = chunk_rows
    load = (plan_stream(registries=[city], chunk_rows=chunk_rows) if chunk_rows
            else plan_stream(registries=[city]))
    summary = execute_stream(store, load)
    seconds, cpu1, py1 = time.perf_counter() - t0, cpu_seconds(pid), cpu_seconds("self")
    store.close()
    return {"meta": {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                     "city": str(city), "config": config, "loadavg_end": os.getloadavg()},
            "nodes": summary.nodes, "edges": summary.edges, "seconds": seconds,
            "server_cpu_s": (cpu1 or 0) - (cpu0 or 0), "chunk_rows": chunk_rows,
            "python_cpu_s": (py1 or 0) - (py0 or 0),
            "coalesce_chunks": falkordb_store.COALESCE_CHUNKS,
            "python_peak_rss_mb": (_status_kb("self", "VmHWM") or 0) / 1024, "log": log}


def buckets(res: dict[str, Any], parts: int = 10) -> list[dict[str, Any]]:
    """Each tenth of the rows written: server CPU and internal ms a row, overall and by class."""
    log = res["log"]
    total = sum(r[1] for r in log)
    out: list[dict[str, Any]] = []
    done, i = 0, 0
    for p in range(1, parts + 1):
        end = total * p / parts
        rows = internal = 0.0
        by: dict[str, list[float]] = {}
        first_cpu = last_cpu = None
        first_rows = last_rows = 0.0
        while i < len(log) and done < end:
            cls, n, _, ms, cpu = log[i]
            if cpu is not None:
                if first_cpu is None:
                    first_cpu, first_rows = cpu, done
                last_cpu, last_rows = cpu, done
            done += n
            rows += n
            internal += ms
            b = by.setdefault(cls, [0, 0.0])
            b[0] += n
            b[1] += ms
            i += 1
        cpu_us = ((last_cpu - first_cpu) * 1e6 / (last_rows - first_rows)
                  if first_cpu is not None and last_cpu is not None and last_rows > first_rows else None)
        out.append({"part": p, "rows_done": done, "rows": rows,
                    "internal_us_per_row": internal * 1000 / rows if rows else None,
                    "server_cpu_us_per_row": cpu_us,
                    "by_class": {k: {"rows": v[0], "internal_us_per_row": v[1] * 1000 / v[0]}
                                 for k, v in sorted(by.items(), key=lambda kv: -kv[1][1]) if v[0]}})
    return out


def markdown(res: dict[str, Any], parts: list[dict[str, Any]]) -> str:
    cfg = res["meta"]["config"]
    lines = [f"FalkorDB load of {res['meta']['city']} ({res['nodes']:,} nodes, {res['edges']:,} edges) "
             f"in {res['seconds']:.1f} s, server CPU {res['server_cpu_s']:.1f} s "
             f"({res['server_cpu_s'] * 1e6 / (res['nodes'] + res['edges']):.1f} us an entity)"
             + (f", Python CPU {res['python_cpu_s']:.1f} s" if res.get("python_cpu_s") else "") + "; "
             f"DELTA_MAX_PENDING_CHANGES {cfg.get('DELTA_MAX_PENDING_CHANGES')}, "
             f"NODE_CREATION_BUFFER {cfg.get('NODE_CREATION_BUFFER')}, chunks of "
             f"{res.get('chunk_rows') or 5000:,} rows written {res.get('coalesce_chunks', 1)} at a "
             "time" + (f"; Python peak RSS {res['python_peak_rss_mb']:,.0f} MB"
                       if res.get("python_peak_rss_mb") else "")
             + f"; commit {res['meta']['machine'].get('git_commit')}, run {res['meta']['started']}, "
             f"load average at end {res['meta']['loadavg_end'][0]:.2f}", "",
             "| tenth | rows written | server CPU us/row | internal us/row | top classes (internal us/row) |",
             "|---|---|---|---|---|"]
    for b in parts:
        top = "; ".join(f"{k} {v['internal_us_per_row']:.1f} ({v['rows']:,})"
                        for k, v in list(b["by_class"].items())[:4])
        cpu = "–" if b["server_cpu_us_per_row"] is None else f"{b['server_cpu_us_per_row']:.1f}"
        lines.append(f"| {b['part']} | {b['rows_done']:,.0f} | {cpu} | "
                     f"{b['internal_us_per_row']:.1f} | {top} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.falkordb_growth", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--city", type=Path, required=True)
    p.add_argument("--data", type=Path, required=True,
                   help="a directory for the embedded FalkorDB (deleted first)")
    p.add_argument("--delta-max-pending", type=int, default=None)
    p.add_argument("--node-creation-buffer", type=int, default=None)
    p.add_argument("--chunk-rows", type=int, default=None,
                   help="registry rows a chunk, and rows an UNWIND statement (default 5,000)")
    p.add_argument("--coalesce-chunks", type=int, default=None,
                   help="chunks the stream writer writes as one (default: the store's)")
    p.add_argument("--name", default=None, help="write bench/results/NAME.json")
    a = p.parse_args(argv)
    res = run(a.city, a.data, a.delta_max_pending, a.node_creation_buffer, a.chunk_rows,
              a.coalesce_chunks)
    if a.name:  # the raw log first (beside the data directory), whatever the summary does
        (a.data.parent / f"{a.name}.log.json").write_text(json.dumps(res) + "\n")
    parts = buckets(res)
    text = markdown(res, parts)
    print(text)
    if a.name:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{a.name}.json").write_text(json.dumps({**{k: v for k, v in res.items() if k != "log"},
                                                            "parts": parts}, indent=1) + "\n")
        (RESULTS / f"{a.name}.md").write_text(f"# {a.name}\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
