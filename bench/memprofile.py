"""python -m bench.memprofile CITY URI [--tracemalloc] [--at 20,80] [--data DIR]:
where a streamed Neo4j load's Python memory goes (issue 31).

One streamed load (``plan_stream`` + ``execute_stream``, as ``govgraph load
--registry`` and ``bench load``) of CITY into the Neo4j at URI, emptied first.
A thread samples the process's RSS every second; at every chunk the load's
reader gives, the RSS, the objects the (paused) garbage collector tracks in each
generation and the size of the load's id arrays are recorded. With
``--tracemalloc``, Python's allocations are traced (one frame) and snapshots are
taken at the chunks given by ``--at`` (percent of the registry's lines read);
their difference, the top allocations by file:line, is printed. Prints a JSON
summary last.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import sys
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any


def _status_mb(field: str) -> float:
    """A memory figure of this process (``VmRSS``, ``VmHWM``) from /proc, in MB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def _hwm_mb() -> float:
    return _status_mb("VmHWM")


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                              "fsmblks", "uordblks", "fordblks", "keepcost")]


def _malloc_mb() -> dict[str, float]:
    """glibc's heap: bytes in its arenas (sbrk and per-thread heaps), in use, free
    inside them, and in mmapped blocks; and the process's anonymous and file RSS."""
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _Mallinfo2
    m = libc.mallinfo2()
    out = {"arena": m.arena / 2**20, "in_use": m.uordblks / 2**20, "free": m.fordblks / 2**20,
           "mmapped": m.hblkhd / 2**20}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("RssAnon:", "RssFile:", "RssShmem:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return {k: round(v, 1) for k, v in out.items()}


def _print_holders(obj: Any, garbage: list[Any], title: str, depth: int = 14) -> None:
    """Print the chain of what holds ``obj`` among the unreachable ``garbage``, up to
    what holds the cycle (the first referrer at each step)."""
    ids_g = {id(o) for o in garbage}
    seen = {id(obj)}
    print(title)
    for _ in range(depth):
        refs = [r for r in gc.get_referrers(obj) if id(r) in ids_g and id(r) not in seen]
        if not refs:
            break
        obj = refs[0]
        seen.add(id(obj))
        desc = type(obj).__qualname__
        if isinstance(obj, dict):
            desc += " keys=" + ",".join(map(str, list(obj)[:8]))
        elif hasattr(obj, "__dict__"):
            desc += " attrs=" + ",".join(list(vars(obj))[:12])
        elif type(obj).__name__ == "frame":
            desc += f" {obj.f_code.co_filename}:{obj.f_code.co_name}:{obj.f_lineno}"
        elif type(obj).__name__ == "cell":
            desc += " (closure cell)"
        print("   <-", desc[:220], flush=True)


def _probe() -> None:
    from collections import Counter

    sys.stderr.flush()
    sys._debugmallocstats()  # Python's small-object allocator: arenas, pools, free blocks

    gen1 = Counter(type(o).__qualname__ for o in gc.get_objects(1))
    print("PROBE generation 1 by type:", gen1.most_common(10), flush=True)
    gc.set_debug(gc.DEBUG_SAVEALL)
    n = gc.collect(1)
    gc.set_debug(0)
    garbage = list(gc.garbage)
    gc.garbage.clear()
    print(f"PROBE gc.collect(1) found {n} unreachable:",
          Counter(type(o).__qualname__ for o in garbage).most_common(12), flush=True)
    rows = [x for x in garbage if type(x) is list and x and type(x[0]) is str]
    if rows:
        _print_holders(rows[0], garbage, "PROBE a leaked row is held by:")
    del garbage, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("city", type=Path)
    ap.add_argument("uri")
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--at", default="20,80", help="snapshot points, percent of lines read")
    ap.add_argument("--data", type=Path, default=Path("/tmp/govgraph-memprofile"))
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--probe", type=float, default=0,
                    help="at this percent of the lines read, collect generations 0-1 and show "
                         "what was unreachable, and what holds it")
    ap.add_argument("--chunk-rows", type=int, default=0, help="registry rows a chunk (default: the loader's)")
    ap.add_argument("--trim", action="store_true", help="malloc_trim(0) at every chunk")
    a = ap.parse_args(argv)

    from govgraph.graph.neo4j_store import Neo4jStore
    from govgraph.loaders.pipeline import execute_stream, plan_stream

    store = Neo4jStore(a.uri, personal_dir=a.data / "personal")
    store.clear()
    store.clear_personal()
    gc.collect()
    load = plan_stream(registries=[a.city], **({"chunk_rows": a.chunk_rows} if a.chunk_rows else {}))
    lines = load.lines()
    at = sorted(int(x) for x in a.at.split(",") if x.strip())
    if a.tracemalloc:
        tracemalloc.start(1)
    timeline: list[dict[str, Any]] = []
    chunks_seen: list[dict[str, Any]] = []
    snaps: list[tuple[int, tracemalloc.Snapshot]] = []
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    stop = threading.Event()
    libc = None
    if a.trim:
        import ctypes
        libc = ctypes.CDLL("libc.so.6")

    def sample() -> None:
        while not stop.wait(1.0):
            timeline.append({"t": round(time.perf_counter() - t0, 1), "rss_mb": round(_rss_mb(), 1)})

    threading.Thread(target=sample, daemon=True).start()
    inner = load.chunks
    rows_read = 0

    def chunks():  # type: ignore[no-untyped-def]
        nonlocal rows_read
        gen = inner()
        ids = None
        for chunk in gen:
            rows_read += load.chunk_rows
            frame = gen.gi_frame
            if ids is None and frame is not None:
                ids = frame.f_locals.get("ids")
            pct = 100 * rows_read / max(lines, 1)
            if libc is not None:
                libc.malloc_trim(0)
            rec = {"chunk": len(chunks_seen), "t": round(time.perf_counter() - t0, 1), "pct": round(pct, 1),
                   "rss_mb": round(_rss_mb(), 1), "malloc": _malloc_mb(),
                   "gc_gen": ([len(gc.get_objects(g)) for g in range(3)]
                              if len(chunks_seen) % 10 == 0 else None),
                   "ids_sealed": ids._n if ids is not None else None,
                   "ids_buf_mb": round((ids._key_buf.nbytes + ids._word_buf.nbytes) / 2**20, 1)
                   if ids is not None else None}
            if a.tracemalloc:
                rec["traced_mb"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
                if at and pct >= at[0]:
                    snaps.append((at.pop(0), tracemalloc.take_snapshot()))
            chunks_seen.append(rec)
            if a.probe and pct >= a.probe:
                a.probe = 0
                _probe()
            yield chunk

    load.chunks = chunks  # type: ignore[method-assign]
    summary = execute_stream(store, load)
    stop.set()
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    # What the paused collector holds at the end, by type, and what a full pass frees.
    from collections import Counter

    held = Counter(type(o).__qualname__ for g in (1, 2) for o in gc.get_objects(g))
    print("\n== tracked objects in generations 1-2 after the load, by type (top 20) ==")
    for name, n in held.most_common(20):
        print(f"{n:10d}  {name}")
    rss_before = _rss_mb()
    gc.set_debug(gc.DEBUG_SAVEALL)
    freed = gc.collect()
    gc.set_debug(0)
    garbage = Counter(type(o).__qualname__ for o in gc.garbage)
    print("\n== unreachable (cyclic garbage) after the load, by type (top 15) ==")
    for name, n in garbage.most_common(15):
        print(f"{n:10d}  {name}")
    lists = [o for o in gc.garbage if type(o) is list]
    shapes = Counter((len(x), type(x[0]).__qualname__ if x else None) for x in lists)
    print("lists by (length, first item's type):", shapes.most_common(8))
    dicts = Counter(tuple(sorted(map(str, o))[:6]) for o in gc.garbage if type(o) is dict)
    print("dicts by keys:", dicts.most_common(8))
    if a.tracemalloc:
        where = Counter()
        for o in gc.garbage:
            tb = tracemalloc.get_object_traceback(o)
            if tb is not None:
                where[str(tb[0])] += 1
        print("unreachable objects by where they were allocated:", where.most_common(12))
    rows = [x for x in lists if x and type(x[0]) is str]
    if rows:
        _print_holders(rows[0], gc.garbage, "a leaked row is held by:")
    del lists, garbage, rows
    gc.garbage.clear()
    print(f"\na full collection after the load found {freed} unreachable objects; "
          f"RSS {rss_before:.0f} -> {_rss_mb():.0f} MB")
    store.close()
    out: dict[str, Any] = {"city": str(a.city), "lines": lines, "nodes": summary.nodes,
                           "edges": summary.edges, "wall_s": round(wall, 1), "python_cpu_s": round(cpu, 1),
                           "chunk_rows": load.chunk_rows, "peak_rss_mb": round(_hwm_mb(), 1),
                           "loadavg": os.getloadavg(), "tracemalloc": a.tracemalloc, "trim": a.trim,
                           "malloc_arena_max": os.environ.get("MALLOC_ARENA_MAX")}
    if len(snaps) >= 2:
        (p0, s0), (p1, s1) = snaps[0], snaps[-1]
        diff = s1.compare_to(s0, "lineno")
        print(f"\n== tracemalloc: growth from {p0}% to {p1}% of the lines read (top {a.top}) ==")
        for d in diff[:a.top]:
            print(f"{d.size_diff / 2**20:+9.1f} MB {d.count_diff:+10d} blocks  "
                  f"(now {d.size / 2**20:8.1f} MB)  {d.traceback[0]}")
        print(f"\n== tracemalloc: largest at {p1}% (top {a.top}) ==")
        for st in s1.statistics("lineno")[:a.top]:
            print(f"{st.size / 2**20:9.1f} MB {st.count:10d} blocks  {st.traceback[0]}")
        out["top_growth"] = [{"mb": round(d.size_diff / 2**20, 2), "where": str(d.traceback[0])}
                             for d in diff[:a.top]]
    step = max(1, len(chunks_seen) // 40)
    print(f"\n== per chunk (every {step}-th) ==")
    for r in chunks_seen[::step]:
        print(json.dumps(r))
    step_t = max(1, len(timeline) // 40)
    out["timeline"] = timeline[::step_t]
    out["chunks"] = chunks_seen[::step]
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
