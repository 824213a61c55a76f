"""The API on the graph a registry load left: ``python -m bench load --api``.

``python -m bench run`` measures the API only on the cities it loads itself
(whole-plan, up to 1M residents). This serves the graph ``bench load`` left (a
streamed 10M load, say) with ``govgraph serve --workers N`` and drives it with
wrk as ``bench run`` does (``harness.Run._http_serve``): the point lookup
``GET /measures/11/leads`` at each concurrency level, one compound's
``/responsible`` asked over and over and the same over up to 1,000 compounds in
turn at the highest level. Two ways, reported apart: as served by default
(identical requests at once share a read) and with every request reading alone
(``GOVGRAPH_SHARE_READS=0``, what ``serve --no-share-reads`` sets: what one
request costs). Each run records the machine's load average before and after
it and the CPU seconds the server's processes and the database used; with
``profile`` an untimed pass of the point lookup, every request reading alone,
is sampled with py-spy (``bench/results/py-spy-serve-ENGINE-SIZE-alone.txt``).
"""

from __future__ import annotations

import os
import random
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from . import http
from .harness import AS_OF, MEASURE, SPREAD_PATHS
from .sysinfo import cpu_seconds

WAYS = (("shared", {}), ("alone", {"GOVGRAPH_SHARE_READS": "0"}))
TARGET_ALONE_REQ_S = 2000


def _tree_cpu(pid: int) -> float:
    """CPU seconds of ``pid`` and its children (the server's workers)."""
    total = cpu_seconds(pid) or 0.0
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        kids = []
    return total + sum(_tree_cpu(int(k)) for k in kids)


def measure(engine: Any, size: int, label: str, *, seed: int, seconds: float,
            concurrency: list[int], workers: int, work: Path, out: Path | None,
            profile: bool = False) -> list[dict[str, Any]]:
    """Serve ``engine``'s graph and drive it; one row per (way, endpoint, level).

    ``engine`` is a ``bench.engines`` engine on the loaded store; it is settled
    first (the database idle, FalkorDB's log rewrite done) and before each way."""
    total = int(engine.store.read("MATCH (c:Area {level: 'compound'}) RETURN count(c)").rows[0][0])
    rng = random.Random(seed)
    picks = list(dict.fromkeys(f"syn:compound:{rng.randint(1, total)}"
                               for _ in range(SPREAD_PATHS * 2)))[:SPREAD_PATHS] if total else []
    rows: list[dict[str, Any]] = []
    top = max(concurrency)
    path = f"/measures/{MEASURE}/leads"

    def cpath(c: str) -> str:
        return f"/compounds/{urllib.parse.quote(c, safe=':')}/responsible?as_of={AS_OF}"

    for way, env in WAYS:
        engine.settle(timeout_s=600)
        log = work / f"serve-{engine.name}-{label}-{way}.log"
        with http.serve({**engine.serve_env(), **env}, ready_path=path, log=log,
                        workers=workers) as (base, pid):
            endpoints: list[tuple[str, str, list[int], list[str] | None]] = [
                ("point lookup: GET " + path, base + path, concurrency, None)]
            if picks:
                with urllib.request.urlopen(base + cpath(picks[0]), timeout=30) as r:
                    ok = r.status == 200
                if ok:
                    endpoints += [
                        ("compound: GET /compounds/{id}/responsible", base + cpath(picks[0]), [top], None),
                        (f"compounds in turn ({len(picks):,}): GET /compounds/{{id}}/responsible",
                         base, [top], [cpath(c) for c in picks])]
            for name, url, levels, paths in endpoints:
                for c in levels:
                    http.drive(url, c, 1, paths)  # warm: one short burst before the measured one
                    db = engine.db_pid()
                    la0, api0 = os.getloadavg(), _tree_cpu(pid)
                    db0 = cpu_seconds(db) if db else None
                    r = http.drive(url, c, seconds, paths)
                    api1, db1 = _tree_cpu(pid), cpu_seconds(db) if db else None
                    row = {"engine": engine.name, "size": size, "label": label, "way": way,
                           "endpoint": name, "concurrency": c, "seconds": seconds,
                           "workers": workers, **r, "loadavg_start": la0,
                           "loadavg_end": os.getloadavg(), "api_cpu_s": api1 - api0,
                           "db_cpu_s": (db1 - db0) if db0 is not None and db1 is not None else None}
                    rows.append(row)
                    print(f"  api {engine.name} {label} {way} {name} c={c}: "
                          f"{r['requests_per_s']:,.0f} req/s, p99 {r['p99_ms']} ms, "
                          f"errors {r['errors']}", flush=True)
            if profile and way == "alone" and out is not None:
                # Untimed: a profiler slows what it watches.
                import threading

                box: dict[str, Any] = {}

                def sample(box: dict[str, Any] = box, pid: int = pid) -> None:
                    box["p"] = http.py_spy_top(pid, max(1, seconds - 1), out,
                                               f"serve-{engine.name}-{label}-alone")

                th = threading.Thread(target=sample)
                th.start()
                http.drive(base + path, top, seconds)
                th.join()
                if box.get("p"):
                    rows.append({"engine": engine.name, "size": size, "label": label, "way": way,
                                 "profile": box["p"]})
    return rows


def best_alone(rows: list[dict[str, Any]], engine: str, size: int) -> dict[str, Any] | None:
    """The point lookup's best level with every request reading alone (the target's row)."""
    cands = [r for r in rows if r.get("engine") == engine and r.get("size") == size
             and r.get("way") == "alone" and str(r.get("endpoint", "")).startswith("point")
             and not r.get("errors")]
    return max(cands, key=lambda r: r["requests_per_s"], default=None)


def markdown(rows: list[dict[str, Any]]) -> list[str]:
    timed = [r for r in rows if "requests_per_s" in r]
    if not timed:
        return []
    lines = ["", "The API on the graph the loads left (`govgraph serve --workers "
             f"{timed[0]['workers']}`, wrk {timed[0]['seconds']:g} s a level after a 1 s warm-up; "
             "shared: as served by default; alone: every request reading alone, "
             "`--no-share-reads`):", "",
             "| engine | residents | way | endpoint | c | req/s | p50 ms | p99 ms | errors "
             "| API / DB CPU s | load average before → after |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]

    def ms(v: Any) -> str:
        return "–" if v is None else f"{v:.2f}"

    for r in timed:
        la0, la1 = r["loadavg_start"], r["loadavg_end"]
        db = "–" if r.get("db_cpu_s") is None else f"{r['db_cpu_s']:.1f}"
        lines.append(f"| {r['engine']} | {r['label']} | {r['way']} | {r['endpoint']} | "
                     f"{r['concurrency']} | {r['requests_per_s']:,.0f} | {ms(r.get('p50_ms'))} | "
                     f"{ms(r.get('p99_ms'))} | {r['errors']} | {r['api_cpu_s']:.1f} / {db} | "
                     f"{la0[0]:.2f} → {la1[0]:.2f} |")
    lines.append("")
    for engine, size, label in sorted({(r["engine"], r["size"], r["label"]) for r in timed}):
        b = best_alone(timed, engine, size)
        if b is None:
            lines.append(f"- {engine} {label}: no error-free point-lookup run reading alone.")
            continue
        met = b["requests_per_s"] >= TARGET_ALONE_REQ_S
        lines.append(f"- {engine} {label}: point lookup, every request reading alone, best "
                     f"{b['requests_per_s']:,.0f} req/s (c={b['concurrency']}; target >= "
                     f"{TARGET_ALONE_REQ_S:,}: {'met' if met else 'missed, '}"
                     + ("" if met else f"{TARGET_ALONE_REQ_S / b['requests_per_s']:.2f}x short")
                     + ").")
    for r in rows:
        p = r.get("profile")
        if p and not p.get("error"):
            own = ", ".join(f"{x['frame']} {x['share']:.0%}" for x in p["own"][:6])
            lines.append(f"- py-spy, {r['engine']} {r['label']}, point lookup reading alone "
                         f"({p['samples']} samples, `{p['file']}`): own time {own}.")
    return lines
