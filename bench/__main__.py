"""python -m bench run --sizes 10k,100k[,1m] [--engines falkordb,neo4j] [--neo4j-uri URI] ...
python -m bench analytics [--sizes 10k,100k[,1m]]: each analysis's time and memory
python -m bench parse: notice parsing against document length
python -m bench json-read [--sizes 100k,1m]: a JSON registry file read whole against one object at a time
python -m bench load [--sizes 100k,1m,2.5m,10m] [--engines falkordb,neo4j] [--bulk] [--lookups] [--api]:
  a registry load end to end, whole-plan against streamed and bulk (time, entities/s, peak RSS);
  --api then serves the loaded graph with `govgraph serve` and drives it with wrk (req/s, shared
  reads and --no-share-reads); --no-load measures a store already loaded

Without --neo4j-uri the harness starts its own Neo4j (scripts/neo4j-server.sh,
fresh home, free port; heap 4g, page cache 2g unless GOVGRAPH_NEO4J_* say
otherwise) and stops it at the end. A server given with --neo4j-uri is WIPED.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .harness import RESULTS, Config, parse_size, run


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def _engines(p: argparse.ArgumentParser, text: str) -> list[str]:
    """``--engines`` as a list, an unknown engine refused before anything runs."""
    engines = [e.strip() for e in text.split(",") if e.strip()]
    unknown = set(engines) - {"falkordb", "neo4j"}
    if unknown:
        p.error(f"unknown engine(s): {', '.join(sorted(unknown))} (falkordb, neo4j)")
    return engines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run the benchmark and write bench/results/latest.{json,md}")
    r.add_argument("--sizes", default="10k,100k", help="residents per city, e.g. 1k,10k,100k,1m")
    r.add_argument("--engines", default="falkordb,neo4j")
    r.add_argument("--seed", type=int, default=7)
    r.add_argument("--calls", type=int, default=2000, help="calls per lookup kind (after warm-up)")
    r.add_argument("--audit-calls", type=int, default=100)
    r.add_argument("--warmup-calls", type=int, default=1000,
                   help="untimed calls per lookup kind first (Neo4j's JIT is still compiling "
                        "the Cypher runtime after a hundred: p50 fell from 1.3 to 0.7 ms by "
                        "call 2,000)")
    r.add_argument("--lookup-budget", type=float, default=60.0,
                   help="seconds per lookup kind, engine and size (fewer calls if slower)")
    r.add_argument("--baseline-max", default="10k",
                   help="run the per-row baseline on sizes up to this (it takes minutes per 100k)")
    r.add_argument("--http-seconds", type=float, default=5.0, help="per concurrency level")
    r.add_argument("--http-concurrency", default="1,16,64")
    r.add_argument("--http-workers", type=int, default=2,
                   help="`govgraph serve --workers`: server processes")
    r.add_argument("--neo4j-uri", default=os.environ.get("GOVGRAPH_BENCH_NEO4J_URI"),
                   help="use this Neo4j (it is WIPED); default: start a fresh one")
    r.add_argument("--warmup-rounds", type=int, default=2,
                   help="loads of the smallest city before timing (JIT and caches warm)")
    r.add_argument("--floor-rows", type=parse_size, default=200_000,
                   help="nodes and relationships of Neo4j's write floor, after the sizes (0: skip)")
    r.add_argument("--repeat", type=int, default=1,
                   help="timed loads per engine and size; the median is reported with the "
                        "spread beside it (this machine's speed moves between runs)")
    r.add_argument("--workdir", type=Path, default=None, help="default: a temporary directory")
    r.add_argument("--out", type=Path, default=RESULTS)
    r.add_argument("--profile", action="store_true",
                   help="py-spy the server under the highest load; pyinstrument the largest load")
    r.add_argument("--no-write", action="store_true", help="print the report, write no files")
    rp = sub.add_parser("report", help="re-render latest.md (and targets) from latest.json")
    rp.add_argument("--out", type=Path, default=RESULTS)
    pp = sub.add_parser("parse", help="time notice parsing against document length "
                                      "(bench/results/parse.{json,md})")
    pp.add_argument("--sizes", default="20k,200k,1800k", help="document lengths in characters")
    pp.add_argument("--repeat", type=int, default=3, help="timed parses per size (median reported)")
    pp.add_argument("--no-write", action="store_true", help="print the report, write no files")
    jp = sub.add_parser("json-read", help="a JSON registry file read whole against one object at "
                                          "a time: time and peak RSS (bench/results/json-read.{json,md})")
    jp.add_argument("--sizes", default="100k,1m", help="rows in the file, e.g. 100k,1m")
    jp.add_argument("--no-write", action="store_true", help="print the report, write no files")
    ap = sub.add_parser("analytics", help="time and peak memory of each analysis against the "
                                          "size of the city (bench/results/analytics.{json,md})")
    ap.add_argument("--sizes", default="10k,100k", help="residents per city, e.g. 10k,100k,1m")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--calls", type=int, default=20,
                    help="warm calls per analysis and size (brokers: as many compounds)")
    ap.add_argument("--workdir", type=Path, default=None, help="default: a temporary directory")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--no-write", action="store_true", help="print the report, write no files")
    lp = sub.add_parser("load", help="a registry load end to end, whole-plan against streamed: "
                                     "time, rates and peak RSS (bench/results/load.{json,md})")
    lp.add_argument("--sizes", default="100k", help="residents per city, e.g. 100k,1m")
    lp.add_argument("--engines", default="falkordb", help="falkordb, neo4j or falkordb,neo4j")
    lp.add_argument("--seed", type=int, default=7)
    lp.add_argument("--repeat", type=int, default=1, help="loads of each kind (median reported)")
    lp.add_argument("--neo4j-uri", default=os.environ.get("GOVGRAPH_BENCH_NEO4J_URI"),
                    help="use this Neo4j (it is WIPED); default: start a fresh one")
    lp.add_argument("--workdir", type=Path, default=None, help="default: a temporary directory")
    lp.add_argument("--out", type=Path, default=RESULTS)
    lp.add_argument("--no-warmup", action="store_true",
                    help="skip the untimed loads of a 10k city that warm each engine up first")
    lp.add_argument("--no-write", action="store_true", help="print the report, write no files")
    lp.add_argument("--whole-max", default="1m",
                    help="largest city also loaded whole-plan (and bulk); larger ones streamed only")
    lp.add_argument("--bulk", action="store_true",
                    help="also time Neo4j's bulk import (load --bulk) up to --whole-max")
    lp.add_argument("--lookups", action="store_true",
                    help="after each size's loads, time point lookups and escalation chains on it")
    lp.add_argument("--calls", type=int, default=2000, help="lookups of each kind (--lookups)")
    lp.add_argument("--name", default="load", help="results file stem (bench/results/NAME.{json,md})")
    lp.add_argument("--modes", default="", help="only these kinds of load (whole, stream, bulk), "
                                                 "e.g. stream,bulk; default: all that apply")
    lp.add_argument("--api", action="store_true",
                    help="after each size's loads, serve the graph they left with `govgraph serve` "
                         "and drive it with wrk as `bench run` does, as served (shared reads) and "
                         "with every request reading alone (--no-share-reads); req/s, p50/p99, "
                         "the server's and the database's CPU, the load average around each run")
    lp.add_argument("--api-seconds", type=float, default=5.0, help="wrk seconds per level (--api)")
    lp.add_argument("--api-concurrency", default="1,16,64",
                    help="wrk connections of the point lookup's levels (--api)")
    lp.add_argument("--api-workers", type=int, default=2, help="`govgraph serve --workers` (--api)")
    lp.add_argument("--profile", action="store_true",
                    help="with --api: py-spy the server in an untimed pass of the point lookup, "
                         "every request reading alone (bench/results/py-spy-serve-*-alone.txt)")
    lp.add_argument("--no-load", action="store_true",
                    help="load nothing: measure (--lookups, --api) the graph the store already "
                         "holds (the workdir's FalkorDB; Neo4j only with --neo4j-uri, not wiped)")
    a = p.parse_args(argv)
    if a.cmd == "load":
        engines = _engines(p, a.engines)
        if a.no_load and "neo4j" in engines and not a.neo4j_uri:
            p.error("--no-load measures a store that holds a city: give Neo4j's with --neo4j-uri")
        from . import load as load_bench

        res = load_bench.run([parse_size(s) for s in a.sizes.split(",") if s.strip()],
                             engines, a.seed,
                             max(1, a.repeat), a.workdir, a.neo4j_uri, None if a.no_write else a.out,
                             warmup=not a.no_warmup, whole_max=parse_size(a.whole_max),
                             bulk=a.bulk, lookups=a.lookups, calls=a.calls, name=a.name,
                             modes=[m.strip() for m in a.modes.split(",") if m.strip()] or None,
                             api=a.api, api_seconds=a.api_seconds,
                             api_concurrency=_ints(a.api_concurrency), api_workers=a.api_workers,
                             profile=a.profile, no_load=a.no_load)
        print(load_bench.markdown(res))
        return 0
    if a.cmd == "json-read":
        import json

        from . import json_read

        res = json_read.run([parse_size(s) for s in a.sizes.split(",") if s.strip()])
        if not a.no_write:
            (RESULTS / "json-read.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
            (RESULTS / "json-read.md").write_text(json_read.markdown(res))
        print(json_read.markdown(res))
        return 0
    if a.cmd == "analytics":
        from . import analytics as analytics_bench

        if a.calls < 1:
            p.error(f"--calls must be at least 1, not {a.calls}")
        res = analytics_bench.run([parse_size(s) for s in a.sizes.split(",") if s.strip()], a.seed,
                                  a.calls, a.workdir, None if a.no_write else a.out)
        if a.no_write:
            print(analytics_bench.markdown(res))
        return 1 if res["errors"] else 0
    if a.cmd == "parse":
        from . import parse as parse_bench

        return parse_bench.main([parse_size(s) for s in a.sizes.split(",") if s.strip()], a.repeat,
                                None if a.no_write else RESULTS)
    if a.cmd == "report":
        import json

        from .report import markdown, normalize, targets

        path = a.out / "latest.json"
        res = normalize(json.loads(path.read_text()))
        res["targets"] = targets(res)
        path.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
        (a.out / "latest.md").write_text(markdown(res))
        print(f"wrote {a.out / 'latest.md'}")
        return 0
    cfg = Config(sizes=[parse_size(s) for s in a.sizes.split(",") if s.strip()],
                 engines=_engines(p, a.engines), seed=a.seed,
                 calls=a.calls, audit_calls=a.audit_calls, warmup_calls=a.warmup_calls,
                 lookup_budget_s=a.lookup_budget,
                 baseline_max=parse_size(a.baseline_max), http_seconds=a.http_seconds,
                 http_concurrency=_ints(a.http_concurrency), http_workers=a.http_workers,
                 neo4j_uri=a.neo4j_uri, floor_rows=a.floor_rows,
                 repeat=a.repeat, workdir=a.workdir, out=a.out,
                 warmup_rounds=a.warmup_rounds, profile=a.profile,
                 write_results=not a.no_write)
    if a.repeat < 1:
        p.error(f"--repeat must be at least 1, not {a.repeat}")
    res = run(cfg)
    if a.no_write:
        from .report import markdown

        print(markdown(res))
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
