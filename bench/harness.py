"""One run of the benchmark: every section, every size, every engine, one report.

Order per size: synthesize the city (time, peak RSS), plan the load (parse +
validate), then per engine: load (timed, entities/s, edges/s, peak RSS of
Python and of the database, CPU of each), reload (idempotent), warm lookups
through the Python API, `govgraph serve` under wrk, and the per-row baseline on
the sizes up to ``baseline_max``; then the same lookups on networkx (floor).
"""

from __future__ import annotations

import gc
import json
import random
import shutil
import tempfile
import time
import traceback
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from govgraph.graph import plan as plan_mod
from govgraph.loaders.pipeline import LoadPlan, execute, plan_load
from govgraph.loaders.synth import synthesize
from govgraph.queries import answers, compounds

from . import baseline, http, jfr, report, write_floor
from .engines import Engine, FalkorEngine, Neo4jEngine, neo4j_server
from .floor import Floor
from .sysinfo import PeakRSS, cpu_check_ms, cpu_seconds, machine, timed

AS_OF = "2024-06-30"
ISSUE = "fire-lane"
MEASURE = 11
# Lookups per warm-up round and kind (who leads, escalation), after its load.
WARMUP_LOOKUPS = 500
# Compounds the spread HTTP run walks through (distinct ones of the lookup picks).
SPREAD_PATHS = 1000
RESULTS = Path(__file__).parent / "results"


def parse_size(text: str) -> int:
    t = text.strip().lower().replace("_", "")
    mult = 1
    if t.endswith("k"):
        t, mult = t[:-1], 1_000
    elif t.endswith("m"):
        t, mult = t[:-1], 1_000_000
    return int(float(t) * mult)


def size_label(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


@dataclass
class Config:
    sizes: list[int] = field(default_factory=lambda: [10_000, 100_000])
    engines: list[str] = field(default_factory=lambda: ["falkordb", "neo4j"])
    seed: int = 7
    calls: int = 2000  # per lookup kind, after warm-up
    audit_calls: int = 100
    warmup_calls: int = 1000
    lookup_budget_s: float = 60.0  # per lookup kind, engine and size: fewer calls if slower
    baseline_max: int = 10_000  # the per-row baseline runs on sizes up to this
    http_seconds: float = 5.0
    http_concurrency: list[int] = field(default_factory=lambda: [1, 16, 64])
    http_workers: int = 2
    neo4j_uri: str | None = None  # a server the benchmark may wipe; default: start our own
    workdir: Path | None = None
    out: Path = RESULTS
    warmup_rounds: int = 2  # loads of the smallest city before timing (JIT, caches)
    floor_rows: int = 200_000  # nodes and relationships of Neo4j's write floor (0: skip it)
    repeat: int = 1  # timed loads per engine and size; the median one is reported
    profile: bool = False  # py-spy on the server under load, pyinstrument on the largest load
    write_results: bool = True


def _pct(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return 0.0
    k = min(len(sorted_ms) - 1, max(0, int(round(p / 100 * len(sorted_ms) + 0.5)) - 1))
    return sorted_ms[k]


def time_calls(fn, args_list: list[tuple], warmup: int, budget_s: float | None = None
               ) -> dict[str, float]:
    """Warm up, then time each call; stop early (at >= 100 calls) when the time budget
    is spent, so a slow lookup at a large size keeps the run bounded."""
    for a in args_list[:warmup]:
        fn(*a)
    ms = []
    stop = time.perf_counter() + budget_s if budget_s else None
    for a in args_list:
        t = time.perf_counter_ns()
        fn(*a)
        ms.append((time.perf_counter_ns() - t) / 1e6)
        if stop is not None and len(ms) >= 100 and time.perf_counter() > stop:
            break
    ms.sort()
    return {"calls": len(ms), "p50_ms": _pct(ms, 50), "p99_ms": _pct(ms, 99),
            "mean_ms": sum(ms) / len(ms), "max_ms": ms[-1]}


class Run:
    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.result: dict[str, Any] = {
            "meta": {"started": datetime.now(UTC).isoformat(timespec="seconds"),
                     "machine": machine(), "config": _jsonable(asdict(cfg)),
                     "cpu_check_ms": {"start": cpu_check_ms()}},
            "synth": [], "load": [], "baseline": [], "lookups": [], "floor": [], "http": [],
            "profiles": {}, "targets": [], "errors": [],
        }
        self._t0 = time.perf_counter()

    # -- helpers ------------------------------------------------------------
    def log(self, msg: str) -> None:
        print(f"[bench {time.perf_counter() - self._t0:7.1f}s] {msg}", flush=True)

    def step(self, what: str, fn, *a, **k):
        try:
            return fn(*a, **k)
        except Exception as e:  # recorded; the rest of the run goes on
            self.log(f"FAILED {what}: {e}")
            self.result["errors"].append({"step": what, "error": f"{type(e).__name__}: {e}",
                                          "trace": traceback.format_exc()[-2000:]})
            return None

    # -- the run --------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        cfg = self.cfg
        with ExitStack() as stack:
            work = cfg.workdir or Path(stack.enter_context(tempfile.TemporaryDirectory(
                prefix="govgraph-bench-")))
            work.mkdir(parents=True, exist_ok=True)
            self.work = work
            engines: list[Engine] = []
            if "falkordb" in cfg.engines:
                fe = FalkorEngine(work / "falkordb")
                stack.callback(fe.close)
                engines.append(fe)
            if "neo4j" in cfg.engines:
                uri = stack.enter_context(neo4j_server(cfg.neo4j_uri, work))
                ne = Neo4jEngine(uri)
                stack.callback(ne.close)
                engines.append(ne)
            self.result["meta"]["engines"] = {e.name: self._engine_info(e) for e in engines}
            sizes = sorted(cfg.sizes)
            self._warm_up(engines, sizes[0])
            for n in sizes:
                self._size(n, engines)
            for e in engines:
                if isinstance(e, Neo4jEngine) and cfg.floor_rows > 0:
                    self.step("write floor neo4j", self._write_floor, e)
        self.result["meta"]["cpu_check_ms"]["end"] = cpu_check_ms()
        self._write(final=True)
        return self.result

    def _write(self, final: bool = False) -> None:
        """Write the report; also after each size, so a long run that dies keeps its figures."""
        cfg = self.cfg
        self.result["meta"]["seconds"] = round(time.perf_counter() - self._t0, 1)
        self.result["meta"]["complete"] = final
        self.result["targets"] = report.targets(report.normalize(self.result))
        if cfg.write_results:
            cfg.out.mkdir(parents=True, exist_ok=True)
            (cfg.out / "latest.json").write_text(json.dumps(self.result, indent=2,
                                                            ensure_ascii=False) + "\n")
            (cfg.out / "latest.md").write_text(report.markdown(self.result))
            if final:
                self.log(f"wrote {cfg.out / 'latest.json'} and {cfg.out / 'latest.md'}")

    def _engine_info(self, e: Engine) -> dict:
        info: dict[str, Any] = {"db_pid": e.db_pid()}
        if e.name == "neo4j":
            from govgraph.graph import neo4j_store as ns

            try:
                v = e.store.read("CALL dbms.components() YIELD name, versions, edition "
                                 "RETURN versions[0] AS v, edition AS e").rows
                info["version"] = f"{v[0][0]} {v[0][1]}" if v else None
            except Exception:
                info["version"] = None
            info["jvm"] = _jvm_options(info["db_pid"])
            try:  # ALL makes the async driver time every socket read (see neo4j-server/)
                v = e.store.read("SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value",
                                 {"name": "server.bolt.connection_keep_alive_for_requests"}).rows
                info["bolt_keep_alive"] = v[0][0] if v else None
            except Exception:
                info["bolt_keep_alive"] = None
            info["write_path"] = {"single_transaction_rows": e.store.single_transaction_rows,
                                  "transaction_rows": e.store.transaction_rows,
                                  "batch_rows": e.store.batch_rows, "writers": e.store.writers,
                                  "defer_constraint_nodes": e.store.defer_constraint_nodes,
                                  "module_defaults": {"SINGLE_TRANSACTION_ROWS": ns.SINGLE_TRANSACTION_ROWS,
                                                      "TRANSACTION_ROWS": ns.TRANSACTION_ROWS}}
        else:
            info["write_path"] = {"batch_rows": plan_mod.BATCH_ROWS,
                                  "atomicity": "GRAPH.COPY snapshot, restored on failure"}
        return info

    def _warm_up(self, engines: list[Engine], n: int) -> None:
        if self.cfg.warmup_rounds <= 0:
            return
        d = self.work / f"city-warmup-{n}"
        synthesize(n, self.cfg.seed + 1, d)
        plan = plan_load(registries=[d])
        for e in engines:
            pid = e.db_pid()
            # The first Flight Recorder recording a JVM makes slows what it runs next
            # for seconds (code is recompiled), and a second recording does not
            # (bench/results/HISTORY.md). A --profile run records later, so it makes its first one here,
            # where nothing is timed, and the rounds after it warm the server again.
            primed = bool(self.cfg.profile and e.name == "neo4j" and pid and jfr.start(pid))
            if primed:
                self.result["meta"]["flight_recorder_primed_in_warm_up"] = True
            for i in range(self.cfg.warmup_rounds):
                self.log(f"warm-up {e.name} round {i + 1} ({size_label(n)} residents)"
                         + (" with Flight Recorder on" if primed and i == 0 else ""))
                e.store.clear()
                execute(e.store, plan)
                for _ in range(WARMUP_LOOKUPS):
                    answers.who_leads(e.store, MEASURE)
                    compounds.compound_escalation(e.store, "syn:compound:1", ISSUE, AS_OF)
                if primed and i == 0:
                    recording = self.work / "jfr-warm-up.jfr"
                    jfr.stop(pid, recording)
                    recording.unlink(missing_ok=True)
            e.store.clear()
        shutil.rmtree(d, ignore_errors=True)

    def _size(self, n: int, engines: list[Engine]) -> None:
        cfg = self.cfg
        label = size_label(n)
        city = self.work / f"city-{label}"
        self.log(f"synth {label}")
        gc.collect()
        with PeakRSS({"python": "self"}) as mem, timed() as t:
            stats = synthesize(n, cfg.seed, city)
        disk = sum(p.stat().st_size for p in city.iterdir())
        self.result["synth"].append({"size": n, "label": label, "seconds": t.seconds,
                                     "residents_per_s": n / t.seconds,
                                     "python_peak_rss_mb": mem.peak["python"],
                                     "csv_mb": disk / 1024**2, **asdict(stats)})

        self.log(f"plan {label} (parse + validate)")
        gc.collect()
        with PeakRSS({"python": "self"}) as mem, timed() as t:
            plan = plan_load(registries=[city])
        d = plan.batch.deduplicated()
        entities, edges = len(d.nodes), len(d.edges)
        del d
        plan_info = {"plan_s": t.seconds, "plan_python_peak_rss_mb": mem.peak["python"],
                     "entities": entities, "edges": edges}
        self.result["synth"][-1].update(plan_info)

        compound_ids = [x.id for x in plan.batch.nodes
                        if x.kind == "Area" and x.props.get("level") == "compound"]
        rng = random.Random(cfg.seed)
        picks = [rng.choice(compound_ids) for _ in range(cfg.calls)]

        for e in engines:
            self.step(f"load {e.name} {label}", self._load, e, n, plan, plan_info)
            self.step(f"lookups {e.name} {label}", self._lookups, e, n, picks)
            self.step(f"http {e.name} {label}", self._http, e, n, picks)
            if n <= cfg.baseline_max:
                self.step(f"baseline {e.name} {label}", self._baseline, e, n, plan)
            self.step(f"clear {e.name}", e.store.clear)

        self.log(f"floor (networkx) {label}")
        self.step(f"floor {label}", self._floor, n, plan, picks)
        del plan
        gc.collect()
        shutil.rmtree(city, ignore_errors=True)
        self._write()

    # -- sections ---------------------------------------------------------------
    def _write_floor(self, e: Neo4jEngine) -> None:
        """Neo4j's cheapest writes, after the sizes (the store is empty by then)."""
        self.log("write floor neo4j")
        load = max((r for r in self.result["load"] if r["engine"] == "neo4j"),
                   key=lambda r: r["size"], default=None)
        self.result["write_floor"] = write_floor.measure(
            e.uri, e.db_pid(), rows=self.cfg.floor_rows,
            entities=load["entities"] if load else None, edges=load["edges"] if load else None,
            cores=self.result["meta"]["machine"]["cores"] or 1, writers=e.store.writers)
        f = self.result["write_floor"]
        self.log(f"  {f['node_per_s']:.0f} nodes/s, {f['rel_per_s']:.0f} relationships/s, "
                 f"server CPU {f.get('node_cpu_us', 0):.1f} / {f.get('rel_cpu_us', 0):.1f} us each")
        for ld in f["loads"]:
            self.log(f"  as a load ({ld['shape']}, {ld['writers']} writers): "
                     f"{ld['entities_per_s']:.0f} entities/s")

    def _timed_load(self, e: Engine, plan: LoadPlan) -> dict[str, Any]:
        """One load into an emptied store: its write time, CPU and peak RSS."""
        e.store.clear()
        gc.collect()
        pid = e.db_pid()
        py0, db0 = cpu_seconds("self"), cpu_seconds(pid) if pid else None
        with PeakRSS({"python": "self", "db": pid}) as mem, timed() as t:
            summary = execute(e.store, plan)
        py1, db1 = cpu_seconds("self"), cpu_seconds(pid) if pid else None
        return {"summary": summary, "write_s": t.seconds, "peak": mem.peak,
                "python_cpu_s": py1 - py0 if py0 is not None else None,
                "db_cpu_s": (db1 - db0) if db0 is not None and db1 is not None else None}

    def _load(self, e: Engine, n: int, plan: LoadPlan, plan_info: dict) -> None:
        label = size_label(n)
        runs = []
        for i in range(max(1, self.cfg.repeat)):
            self.log(f"load {e.name} {label}" + (f" ({i + 1} of {self.cfg.repeat})"
                                                 if self.cfg.repeat > 1 else ""))
            runs.append(self._timed_load(e, plan))
        # The median load by write time stands for all (of an even count, the slower
        # middle one), with its own CPU and RSS, so one row's figures come from one
        # load; the others' times are kept beside it.
        chosen = sorted(runs, key=lambda r: r["write_s"])[len(runs) // 2]
        summary, write_s, peak = chosen["summary"], chosen["write_s"], chosen["peak"]
        stored = e.count_entities()
        self.log(f"  reload {e.name} {label} (idempotent)")
        with timed() as rt:
            execute(e.store, plan)
        # Stopped straight after the load, before the append-only file is rewritten:
        # the restart replays everything the load wrote.
        restart_s = e.restart()
        if restart_s is not None:
            back = e.count_entities()
            if back != stored:
                raise RuntimeError(f"{e.name} came back from a restart with {back} of "
                                   f"{stored} entities")
            self.log(f"  restart {e.name} {label}: back in {restart_s:.1f}s")
        row = {
            "engine": e.name, "size": n, "label": label,
            "entities": summary.nodes, "edges": summary.edges, "stored_entities": stored,
            "write_s": write_s,
            "entities_per_s": summary.nodes / write_s,
            "edges_per_s": summary.edges / write_s,
            "rows_per_s": (summary.nodes + summary.edges) / write_s,
            "plan_s": plan_info["plan_s"],
            "end_to_end_entities_per_s": summary.nodes / (write_s + plan_info["plan_s"]),
            "python_peak_rss_mb": max(peak["python"], plan_info["plan_python_peak_rss_mb"]),
            "python_write_peak_rss_mb": peak["python"],
            "db_peak_rss_mb": peak.get("db"),
            "python_cpu_s": chosen["python_cpu_s"],
            "db_cpu_s": chosen["db_cpu_s"],
            "runs": len(runs),
            "write_s_runs": [r["write_s"] for r in runs],
            "reload_s": rt.seconds,
            "restart_s": restart_s,
        }
        if e.name == "neo4j":
            rows = summary.nodes + summary.edges
            row["transactions"] = ("one" if rows <= e.store.single_transaction_rows else
                                   f"sized ({e.store.transaction_rows} rows, "
                                   f"{e.store.writers} writers)")
        else:
            row["transactions"] = "one (snapshot)"
        self.result["load"].append(row)
        spread = (f" (median of {len(runs)}: " + ", ".join(f"{x:.1f}" for x in row["write_s_runs"])
                  + " s)" if len(runs) > 1 else "")
        self.log(f"  {e.name} {label}: {row['entities_per_s']:.0f} entities/s, "
                 f"{row['edges_per_s']:.0f} edges/s in {write_s:.1f}s{spread}")
        if self.cfg.profile and n == max(self.cfg.sizes):
            self._profiled_load(e, label, plan, e.db_pid())  # restarted: a new pid

    def _profiled_load(self, e: Engine, label: str, plan: LoadPlan, pid: int | None) -> None:
        """Load once more with the profilers on, untimed: Flight Recorder on the
        Neo4j JVM doubled the server CPU of the 1M load it watched, so profiles
        never share a pass with the timings. The graph ends as loaded."""
        self.log(f"  profiled load {e.name} {label} (untimed)")
        e.store.clear()
        gc.collect()
        try:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.005)
        except ImportError:
            profiler = None
        server_profile = bool(pid and e.name == "neo4j" and jfr.start(pid))
        if profiler:
            profiler.start()
        execute(e.store, plan)
        if profiler:
            profiler.stop()
            path = self.cfg.out / f"profile-load-{e.name}-{label}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(profiler.output_text(unicode=False, color=False))
            self.result["profiles"][f"load {e.name} {label}"] = {"file": path.name}
        if server_profile:
            self._server_profile(pid, f"load {e.name} {label} (server)",
                                 f"jfr-load-{e.name}-{label}")

    def _lookups(self, e: Engine, n: int, picks: list[str]) -> None:
        label = size_label(n)
        self.log(f"settle {e.name} {label}")
        e.settle()
        self.log(f"lookups {e.name} {label}")
        s = e.store
        w = self.cfg.warmup_calls
        ops = {
            "who_leads_measure": (lambda: answers.who_leads(s, MEASURE), [()] * self.cfg.calls),
            "compound_responsible": (lambda c: compounds.compound_responsibility(s, c, AS_OF),
                                     [(c,) for c in picks]),
            "escalation_chain": (lambda c: compounds.compound_escalation(s, c, ISSUE, AS_OF),
                                 [(c,) for c in picks]),
            "audit_ungoverned": (lambda: compounds.audit(s, "ungoverned", limit=100),
                                 [()] * self.cfg.audit_calls),
        }
        # This process still holds the load plan (millions of objects at 1M); a
        # service would not. Frozen, the collector stops walking them on its full
        # passes, which otherwise land inside timed calls as multi-millisecond pauses.
        gc.collect()
        gc.freeze()
        try:
            for op, (fn, args) in ops.items():
                r = time_calls(fn, args, min(w, len(args)), self.cfg.lookup_budget_s)
                self.result["lookups"].append({"engine": e.name, "size": n, "label": label,
                                               "op": op, **r})
                self.log(f"  {op}: p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms")
        finally:
            gc.unfreeze()
        if self.cfg.profile and n == max(self.cfg.sizes):
            try:
                from pyinstrument import Profiler
            except ImportError:
                return
            fn, args = ops["escalation_chain"]
            prof = Profiler(interval=0.0005)
            prof.start()
            stop = time.perf_counter() + 20
            for a in args[:300]:
                fn(*a)
                if time.perf_counter() > stop:
                    break
            prof.stop()
            path = self.cfg.out / f"profile-escalation-{e.name}-{label}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(prof.output_text(unicode=False, color=False))
            self.result["profiles"][f"escalation chain {e.name} {label}"] = {"file": path.name}

    def _floor(self, n: int, plan: LoadPlan, picks: list[str]) -> None:
        with timed() as t:
            f = Floor(plan.batch)
        ops = {
            "who_leads_measure": (lambda: f.who_leads(MEASURE), [()] * self.cfg.calls),
            "compound_responsible": (lambda c: f.compound_responsibility(c, AS_OF),
                                     [(c,) for c in picks]),
            "escalation_chain": (lambda c: f.compound_escalation(c, ISSUE, AS_OF),
                                 [(c,) for c in picks]),
            "audit_ungoverned": (lambda: f.audit_ungoverned(100), [()] * self.cfg.audit_calls),
        }
        gc.collect()
        gc.freeze()  # as for the engines' lookups (see _lookups)
        try:
            for op, (fn, args) in ops.items():
                r = time_calls(fn, args, min(self.cfg.warmup_calls, len(args)),
                               self.cfg.lookup_budget_s)
                self.result["floor"].append({"engine": "networkx", "size": n,
                                             "label": size_label(n), "op": op,
                                             "build_s": t.seconds, **r})
        finally:
            gc.unfreeze()

    def _http(self, e: Engine, n: int, picks: list[str]) -> None:
        # Three times, reported apart: as served by default (requests asking the
        # same query at once share a read that started after they arrived), with
        # every request reading the store on its own (`--no-share-reads`: what one
        # request costs), and with the answer cache on (`serve --answer-cache 1`).
        self._http_serve(e, n, picks, "", {}, "")
        self._http_serve(e, n, picks, "alone (--no-share-reads) ",
                         {"GOVGRAPH_SHARE_READS": "0"}, "-alone")
        self._http_serve(e, n, picks, "cached (--answer-cache 1) ",
                         {"GOVGRAPH_ANSWER_CACHE_S": "1"}, "-cached")

    def _http_serve(self, e: Engine, n: int, picks: list[str], prefix: str,
                    env: dict[str, str], suffix: str) -> None:
        compound = picks[0]
        label = size_label(n)
        e.settle()
        path = f"/measures/{MEASURE}/leads"
        log = self.work / f"serve-{e.name}-{label}{suffix}.log"
        with http.serve({**e.serve_env(), **env}, ready_path=path, log=log,
                        workers=self.cfg.http_workers) as (base, pid):
            endpoints = [(prefix + "point lookup: GET " + path, base + path,
                          self.cfg.http_concurrency, None)]

            def cpath(c: str) -> str:
                return f"/compounds/{urllib.parse.quote(c, safe=':')}/responsible?as_of={AS_OF}"

            try:
                with urllib.request.urlopen(base + cpath(compound), timeout=10) as r:
                    if r.status == 200:
                        top = [max(self.cfg.http_concurrency)]
                        endpoints.append((prefix + "compound: GET /compounds/{id}/responsible",
                                          base + cpath(compound), top, None))
                        # The same lookup spread over many compounds: what a service
                        # answering many places sees, where few requests coincide.
                        spread = [cpath(c) for c in dict.fromkeys(picks)][:SPREAD_PATHS]
                        endpoints.append((prefix + f"compounds in turn ({len(spread):,}): "
                                          "GET /compounds/{id}/responsible",
                                          base, top, spread))
            except OSError:
                pass  # the endpoint is not there (yet): only the point lookup is driven
            for name, url, levels, paths in endpoints:
                for c in levels:
                    # warm: one short burst before the measured one
                    http.drive(url, c, 1, paths)
                    r = http.drive(url, c, self.cfg.http_seconds, paths)
                    if self.cfg.profile and c == max(levels) and n == max(self.cfg.sizes) \
                            and name.startswith("point") and not env:
                        self._profiled_serve(e, label, url, c, pid)
                    self.result["http"].append({"engine": e.name, "size": n, "label": label,
                                                "endpoint": name, "concurrency": c,
                                                "seconds": self.cfg.http_seconds, **r})
                    self.log(f"  http {e.name} {name} c={c}: {r['requests_per_s']:.0f} req/s, "
                             f"p99 {r['p99_ms']} ms, errors {r['errors']}")

    def _profiled_serve(self, e: Engine, label: str, url: str, c: int, pid: int) -> None:
        """Drive the server once more, untimed, with py-spy on it and Flight
        Recorder on Neo4j (a profiler slows what it watches: not in the table)."""
        import threading

        box: dict = {}

        def sample() -> None:
            box["p"] = http.py_spy_top(pid, max(1, self.cfg.http_seconds - 1),
                                       self.cfg.out, f"serve-{e.name}-{label}")

        th = threading.Thread(target=sample)
        db = e.db_pid()
        server_profile = bool(db and e.name == "neo4j" and jfr.start(db))
        th.start()
        http.drive(url, c, self.cfg.http_seconds)
        th.join()
        if box.get("p"):
            self.result["profiles"][f"serve {e.name} {label} c={c}"] = box["p"]
        if server_profile:
            self._server_profile(db, f"serve {e.name} {label} c={c} (server)",
                                 f"jfr-serve-{e.name}-{label}")

    def _server_profile(self, pid: int, name: str, stem: str) -> None:
        # The recording is summarised here and then dropped: it is tens of MB.
        work = self.work / f"{stem}.jfr"
        if jfr.stop(pid, work):
            self.result["profiles"][name] = jfr.summarize(work)
            work.unlink(missing_ok=True)

    def _baseline(self, e: Engine, n: int, plan: LoadPlan) -> None:
        label = size_label(n)
        self.log(f"baseline {e.name} {label} (one transaction per row)")
        rows = baseline.rows_of(plan.batch)
        nodes = sum(1 for c, _ in rows if c.startswith("MERGE (n:"))
        e.store.clear()
        e.store.ensure_schema()
        with timed() as t:
            e.baseline_load(rows)
        stored = e.count_entities()
        self.result["baseline"].append({
            "engine": e.name, "size": n, "label": label, "entities": nodes,
            "edges": len(rows) - nodes, "stored_entities": stored, "seconds": t.seconds,
            "entities_per_s": nodes / t.seconds, "rows_per_s": len(rows) / t.seconds})
        self.log(f"  baseline {e.name} {label}: {nodes / t.seconds:.0f} entities/s")
        e.store.clear()


def _jsonable(v: Any) -> Any:
    if isinstance(v, Path):
        return str(v)
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    return v


def run(cfg: Config) -> dict[str, Any]:
    return Run(cfg).run()


def _jvm_options(pid: int | None) -> str | None:
    """The server JVM's heap and collector, as it was started (they move the figures)."""
    if pid is None:
        return None
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return None
    keep = [a for a in args if a.startswith(("-Xmx", "-Xms")) or
            (a.startswith("-XX:+Use") and a.endswith("GC"))]
    return " ".join(keep) or None
