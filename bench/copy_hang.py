"""How often GRAPH.COPY hangs the embedded FalkorDB, and what makes it hang.

python -m bench.copy_hang [--scenarios unguarded,solo,writers,indexes,busy,copies,rewrite]
                          [--seconds 60] [--nodes 20000] [--deadline 10]

Each scenario starts a server of its own, configured as govgraph starts it
(graph/embedded_server.py), in a fresh folder, and fills a source graph and three
other graphs with SYNTHETIC nodes. Then for ``--seconds`` it copies the source
graph (GRAPH.COPY src -> copy, then deletes the copy), one copy at a time, each
with a deadline (a socket timeout, no retry), while the scenario's background
work runs:

- ``unguarded``: nothing else, and the server's automatic rewrites of its
  append-only file left on (Redis's default; each copy appends the whole graph
  to that file, so they come often).
- ``solo``: nothing else, automatic rewrites off, as govgraph turns them off
  while a load holds its snapshot (``FalkorDBStore._no_rewrites``). Every
  scenario below has them off too.
- ``writers``: two threads writing batches of nodes into the other graphs.
- ``indexes``: a thread creating and dropping a range index on the other,
  populated graphs (FalkorDB builds it in the background) and on the source.
- ``busy``: ``writers`` and ``indexes`` together.
- ``gc``: a thread updating an indexed property of another graph's nodes:
  each update leaves a deleted entry in the index, which the index's garbage
  collector (RediSearch's fork GC, FalkorDB's setting) cleans in a forked
  child every 30 s or so.
- ``copies``: a second client copying another graph at the same time.
- ``rewrite``: BGREWRITEAOF asked for every 0.2 s (an append-only file rewrite
  is a fork, as a BGSAVE or another copy is).

A copy that misses its deadline is a hang when the server then does not answer
PING on a new connection either; the run notes it with the server's log lines
about forks, kills the server (SIGKILL), restarts it from its append-only file
and carries on. Prints one line per scenario and, with ``--json PATH``, writes
them there. ``--quiet-wait`` waits before each copy as govgraph does
(``falkordb_store.wait_for_quiet``: no forked child, no index being built).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import redis
from govgraph.graph import embedded_server
from govgraph.graph.falkordb_store import wait_for_quiet
from govgraph.graph.store import StoreError
from redis.backoff import NoBackoff
from redis.retry import Retry

OTHERS = ("other_a", "other_b", "other_c")
SCENARIOS = ("unguarded", "solo", "writers", "indexes", "busy", "gc", "copies", "rewrite")


def _conn(sock: Path, timeout: float | None = None) -> redis.Redis:
    return redis.Redis(unix_socket_path=str(sock), socket_timeout=timeout,
                       socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0))


def _fill(conn: redis.Redis, graph: str, nodes: int) -> None:
    conn.delete(graph)
    step = 10_000
    for start in range(0, nodes, step):
        conn.execute_command(
            "GRAPH.QUERY", graph,
            f"UNWIND range({start}, {min(nodes, start + step) - 1}) AS i "
            "CREATE (:N {id: i, name: 'synthetic-' + toString(i), k: i % 97})")
    conn.execute_command("GRAPH.QUERY", graph,
                         "MATCH (a:N), (b:N) WHERE b.id = a.id + 1 AND a.id % 10 = 0 "
                         "CREATE (a)-[:R]->(b)")


class _Background:
    """The scenario's other work, in threads, until ``stop``."""

    def __init__(self, sock: Path, kinds: set[str], nodes: int) -> None:
        self.sock, self.kinds, self.nodes = sock, kinds, nodes
        self.stop_flag = threading.Event()
        self.threads: list[threading.Thread] = []
        self.ops = 0
        self.errors: list[str] = []

    def start(self) -> None:
        if "writers" in self.kinds:
            for g in OTHERS[:2]:
                self.threads.append(threading.Thread(target=self._writer, args=(g,), daemon=True))
        if "indexes" in self.kinds:
            self.threads.append(threading.Thread(target=self._indexer, daemon=True))
        if "gc" in self.kinds:
            self.threads.append(threading.Thread(target=self._updater, daemon=True))
        if "copies" in self.kinds:
            self.threads.append(threading.Thread(target=self._copier, daemon=True))
        if "rewrite" in self.kinds:
            self.threads.append(threading.Thread(target=self._rewriter, daemon=True))
        for t in self.threads:
            t.start()

    def stop(self) -> None:
        self.stop_flag.set()
        for t in self.threads:
            t.join(timeout=5)

    def _loop(self, step) -> None:
        conn = _conn(self.sock, 5)
        while not self.stop_flag.is_set():
            try:
                step(conn)
                self.ops += 1
            except redis.ResponseError as e:
                self.errors.append(str(e)[:80])
            except redis.RedisError:
                # the server is stuck or being restarted: wait for the main loop
                time.sleep(0.5)
                conn = _conn(self.sock, 5)

    def _writer(self, graph: str) -> None:
        n = [0]

        def step(conn: redis.Redis) -> None:
            n[0] += 1
            conn.execute_command("GRAPH.QUERY", graph,
                                 f"UNWIND range(1, 500) AS i CREATE (:W {{b: {n[0]}, i: i}})")
        self._loop(step)

    def _indexer(self) -> None:
        graphs = [*OTHERS, "src"]
        n = [0]

        def step(conn: redis.Redis) -> None:
            g = graphs[n[0] % len(graphs)]
            n[0] += 1
            try:
                conn.execute_command("GRAPH.QUERY", g, "CREATE INDEX FOR (n:N) ON (n.k)")
            except redis.ResponseError:
                pass
            time.sleep(0.05)
            try:
                conn.execute_command("GRAPH.QUERY", g, "DROP INDEX ON :N(k)")
            except redis.ResponseError:
                pass
        self._loop(step)

    def _updater(self) -> None:
        graph, n = OTHERS[0], [0]
        conn = _conn(self.sock, 30)
        try:
            conn.execute_command("GRAPH.QUERY", graph, "CREATE INDEX FOR (n:N) ON (n.k)")
        except redis.ResponseError:
            pass

        def step(conn: redis.Redis) -> None:
            n[0] += 1
            conn.execute_command("GRAPH.QUERY", graph,
                                 f"MATCH (n:N) WHERE n.id % 50 = {n[0] % 50} SET n.k = n.k + 1")
            time.sleep(0.02)
        self._loop(step)

    def _copier(self) -> None:
        def step(conn: redis.Redis) -> None:
            conn.delete("other_c_copy")
            conn.execute_command("GRAPH.COPY", "other_c", "other_c_copy")
        self._loop(step)

    def _rewriter(self) -> None:
        def step(conn: redis.Redis) -> None:
            try:
                conn.execute_command("BGREWRITEAOF")
            except redis.ResponseError:
                pass
            time.sleep(0.2)
        self._loop(step)


def _fork_lines(log: Path, since: int) -> list[str]:
    try:
        text = log.read_text(errors="replace")[since:]
    except OSError:
        return []
    return [ln.strip() for ln in text.splitlines()
            if re.search(r"fork|Fork", ln) and "preparation time" not in ln][-4:]


def _zombies(pid: int) -> list[str]:
    names = []
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            stat = (p / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] == "Z" and int(fields[1]) == pid:
            names.append(stat.split("(", 1)[1].rsplit(")", 1)[0])
    return names


def _stacks(pid: int, out: Path) -> None:
    """Every thread's backtrace of the stuck server (gdb, where it is installed)."""
    import subprocess

    if shutil.which("gdb") is None:
        return
    res = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "thread apply all bt"],
                         capture_output=True, text=True, timeout=120)
    out.write_text(res.stdout)


def _settled(sock: Path) -> None:
    """Automatic rewrites off, and none running (as ``FalkorDBStore._no_rewrites``)."""
    c = _conn(sock)
    c.config_set("auto-aof-rewrite-percentage", 0)
    while True:
        info = c.info("persistence")
        if not info["aof_rewrite_in_progress"] and not info["aof_rewrite_scheduled"]:
            break
        time.sleep(0.05)
    c.close()


def _kill(data_dir: Path) -> None:
    pid = embedded_server._read_pid(data_dir)
    if pid is not None:
        os.kill(pid, signal.SIGKILL)
        while embedded_server._pid_alive(pid):
            time.sleep(0.05)


def run_scenario(name: str, seconds: float, nodes: int, deadline: float,
                 stacks: Path | None = None, quiet_wait: bool = False) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix=f"copyhang-{name}-"))
    sock = embedded_server.ensure_running(data_dir)
    conn = _conn(sock)
    if name != "unguarded":
        _settled(sock)
    _fill(conn, "src", nodes)
    for g in OTHERS:
        _fill(conn, g, nodes // 2)
    kinds = {"writers", "indexes"} if name == "busy" else {name}
    bg = _Background(sock, kinds, nodes)
    bg.start()
    log = data_dir / embedded_server.LOG_NAME
    copies, failures, hangs, durations = 0, [], [], []
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            c = _conn(sock, deadline)
            log_at = log.stat().st_size
            t0 = time.monotonic()
            try:
                c.delete("src_copy")
                if quiet_wait:
                    try:
                        wait_for_quiet(c, "src", deadline)
                    except StoreError as e:
                        failures.append(str(e)[:80])
                        continue
                c.execute_command("GRAPH.COPY", "src", "src_copy")
                durations.append(time.monotonic() - t0)
                copies += 1
            except redis.ResponseError as e:
                failures.append(str(e)[:80])
            except redis.TimeoutError:
                pid = embedded_server._read_pid(data_dir) or -1
                answers = embedded_server._ping(sock, timeout=2.0)
                if stacks is not None:
                    stacks.mkdir(parents=True, exist_ok=True)
                    _stacks(pid, stacks / f"{name}-{len(hangs) + 1}.txt")
                hangs.append({"after_s": round(time.monotonic() - (end - seconds), 1),
                              "copies_before": copies, "ping_after": answers,
                              "zombie_children": _zombies(pid),
                              "log": _fork_lines(log, log_at)})
                _kill(data_dir)
                sock = embedded_server.ensure_running(data_dir)
                if name != "unguarded":
                    _settled(sock)
            finally:
                c.close()
    finally:
        bg.stop()
        embedded_server.stop(data_dir, timeout=10)
        shutil.rmtree(data_dir, ignore_errors=True)
    durations.sort()
    return {"scenario": name, "quiet_wait": quiet_wait, "seconds": seconds, "nodes": nodes, "copies": copies,
            "copy_p50_ms": round(1000 * durations[len(durations) // 2], 1) if durations else None,
            "copy_max_ms": round(1000 * durations[-1], 1) if durations else None,
            "failures": len(failures), "failure_kinds": sorted(set(failures))[:5],
            "hangs": len(hangs), "hang_details": hangs[:5], "background_ops": bg.ops,
            "background_errors": sorted(set(bg.errors))[:5]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.copy_hang", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scenarios", default=",".join(SCENARIOS))
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--nodes", type=int, default=20_000)
    p.add_argument("--deadline", type=float, default=10)
    p.add_argument("--json")
    p.add_argument("--stacks", help="a folder for each hung server's thread backtraces (gdb)")
    p.add_argument("--quiet-wait", action="store_true",
                   help="before each copy, wait as govgraph does (wait_for_quiet)")
    a = p.parse_args(argv)
    out = []
    for name in a.scenarios.split(","):
        res = run_scenario(name.strip(), a.seconds, a.nodes, a.deadline,
                           Path(a.stacks) if a.stacks else None, a.quiet_wait)
        out.append(res)
        print(json.dumps(res, ensure_ascii=False), flush=True)
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
