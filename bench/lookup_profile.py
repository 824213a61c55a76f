"""python -m bench.lookup_profile URI [--rounds 5] [--calls 2000]: where a Neo4j
point lookup's tail goes, on the graph a load left (issue 31).

Prints the plan of the point lookup (``who_leads``, measure 11, as ``bench load
--lookups`` asks it) and of the escalation chain under EXPLAIN and PROFILE (each
operator's rows, db hits and page-cache hits and misses), then times, round after
round, the lookups as the bench calls them (``answers.who_leads``,
``compounds.compound_escalation``) beside the driver's floor (``RETURN 1`` through
the same store read: a session, one auto-commit round trip), with the server
JVM's collections (``jstat``) counted in each round. Prints a JSON summary last.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import time
from typing import Any


def _jstat(pid: int | None) -> dict[str, float]:
    """The server JVM's young and full collections so far, and their seconds."""
    if pid is None:
        return {}
    out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True, check=False).stdout
    lines = out.split("\n")
    if len(lines) < 2:
        return {}
    row = dict(zip(lines[0].split(), lines[1].split(), strict=False))
    return {k: float(row[k]) for k in ("YGC", "YGCT", "FGC", "FGCT") if k in row}


def _plan(node: Any, depth: int = 0) -> list[str]:
    args = node.get("args", {}) if isinstance(node, dict) else {}
    name = node.get("operatorType", "?")
    keep = {k: args[k] for k in ("Details", "EstimatedRows", "Rows", "DbHits", "PageCacheHits",
                                 "PageCacheMisses", "Time") if k in args}
    row = {k: node[k] for k in ("rows", "dbHits", "pageCacheHits", "pageCacheMisses", "time")
           if k in node}
    lines = [f"{'  ' * depth}{name} {json.dumps({**keep, **row}, ensure_ascii=False, default=str)}"]
    for child in node.get("children", []):
        lines += _plan(child, depth + 1)
    return lines


def _pcts(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    n = len(ms)
    return {"calls": n, "p50_ms": round(ms[n // 2], 3), "p99_ms": round(ms[min(n - 1, int(n * 0.99))], 3),
            "max_ms": round(ms[-1], 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("uri")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--calls", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)

    from govgraph.graph.neo4j_store import Neo4jStore
    from govgraph.queries import answers, catalogue, compounds

    from .harness import AS_OF, ISSUE, MEASURE
    from .sysinfo import pid_listening_on

    store = Neo4jStore(a.uri)
    pid = pid_listening_on(int(a.uri.rsplit(":", 1)[1]))
    total = int(store.read("MATCH (c:Area {level: 'compound'}) RETURN count(c)").rows[0][0])
    out: dict[str, Any] = {"uri": a.uri, "compounds": total, "loadavg_start": os.getloadavg(),
                           "entities": store.read("MATCH (n:Entity) RETURN count(n)").rows[0][0]}
    cases = {"who_leads": ("who_leads", {"number": MEASURE, "doc": None})}
    driver = store._driver
    for label, (name, params) in cases.items():
        cypher = catalogue._checked(name, params).cypher
        for mode in ("EXPLAIN", "PROFILE"):
            with driver.session(database=store.database) as s:
                summary = s.run(f"{mode} {cypher}", params).consume()
            plan = summary.profile if mode == "PROFILE" else summary.plan
            print(f"\n== {mode} {label} ==")
            print("\n".join(_plan(plan)))
            out[f"{mode.lower()}_{label}"] = _plan(plan)

    rng = random.Random(a.seed)
    picks = [f"syn:compound:{rng.randint(1, total)}" for _ in range(a.calls)]
    ops = {"return_1": lambda _i: store.read("RETURN 1"),
           "who_leads_measure": lambda _i: answers.who_leads(store, MEASURE),
           "escalation_chain": lambda i: compounds.compound_escalation(store, picks[i], ISSUE, AS_OF)}
    for i in range(200):  # warm-up, as the bench's
        for fn in ops.values():
            fn(i)
    gc.collect()
    gc.freeze()
    rounds = []
    for r in range(a.rounds):
        for op, fn in ops.items():
            before = _jstat(pid)
            la = os.getloadavg()
            ms = []
            for i in range(a.calls):
                t = time.perf_counter_ns()
                fn(i)
                ms.append((time.perf_counter_ns() - t) / 1e6)
            after = _jstat(pid)
            rec = {"round": r + 1, "op": op, **_pcts(ms), "loadavg": [round(x, 2) for x in la],
                   "server_young_gcs": (after.get("YGC", 0) - before.get("YGC", 0)) if before else None,
                   "server_young_gc_ms": (round(1000 * (after.get("YGCT", 0) - before.get("YGCT", 0)), 1)
                                          if before else None),
                   "over_2ms": sum(1 for x in ms if x > 2.0)}
            print(json.dumps(rec), flush=True)
            rounds.append(rec)
    out["rounds"] = rounds
    out["loadavg_end"] = os.getloadavg()
    store.close()
    print(json.dumps(out, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
