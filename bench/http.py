"""`govgraph serve` over loopback, driven by a real load generator for a bounded time.

The generator is wrk (Debian package ``wrk``; ``scripts/install-bench-deps.sh``).
Without it a small closed-loop Python generator (keep-alive connections, one
thread each) stands in and the report says so: on 2 cores it competes with the
server for CPU, so its figures are a lower bound.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(env_overrides: dict[str, str], *, ready_path: str, log: Path, timeout: float = 60.0,
          workers: int = 1):
    """Run `govgraph serve` on 127.0.0.1:<free port>; yield (base_url, pid)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if k not in ("GOVGRAPH_NEO4J_URI", "GOVGRAPH_DATA_DIR", "GOVGRAPH_API_TOKEN")}
    # A load generator is one client sending as fast as it can: the per-address
    # rate limit (docs/security.md) would measure itself, so it is off here.
    env.setdefault("GOVGRAPH_RATE_PUBLIC_PER_MIN", "0")
    env.update(env_overrides)
    cmd = [sys.executable, "-m", "govgraph.cli", "serve", "--host", "127.0.0.1",
           "--port", str(port), "--log-level", "warning", "--workers", str(workers)]
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"govgraph serve exited ({proc.returncode}); see {log}")
            try:
                with urllib.request.urlopen(base + ready_path, timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"govgraph serve not ready after {timeout:.0f}s; see {log}")
            time.sleep(0.2)
        yield base, proc.pid
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text.strip())
    if not m:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def parse_wrk(out: str) -> dict:
    res: dict = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    res["requests_per_s"] = float(m.group(1)) if m else 0.0
    m = re.search(r"(\d+) requests in ([\d.]+\w+)", out)
    res["requests"] = int(m.group(1)) if m else 0
    for pct in ("50", "90", "99"):
        m = re.search(rf"^\s+{pct}(?:\.0+)?%\s+([\d.]+\w+)", out, re.M)
        res[f"p{pct}_ms"] = _ms(m.group(1)) if m else None
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    non2xx = int(m.group(1)) if m else 0
    res["errors"] = errors + non2xx
    res["non_2xx"] = non2xx
    if res["requests"] == 0:
        # Nothing answered within the run: wrk reports no latencies and may not count
        # the pending requests as timeouts. That is a failure, not "0 errors".
        res["errors"] = max(res["errors"], 1)
        res["note"] = "no request completed within the run"
        for pct in ("50", "90", "99"):
            res[f"p{pct}_ms"] = None
    return res


# Each wrk thread walks the paths from its own offset, so that the threads do not
# ask for the same path at the same moment (which shared reads would answer once).
_PATHS_LUA = """
local paths = {%s}
local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end
local i = nil
request = function()
  if i == nil then i = offset end
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def _lua_string(text: str) -> str:
    return '"' + "".join(c if c.isalnum() or c in "/?=&:-_.%" else f"\\{ord(c)}"
                         for c in text) + '"'


def run_wrk(url: str, concurrency: int, seconds: float,
            paths: list[str] | None = None) -> dict:
    threads = max(1, min(2, concurrency))
    cmd = ["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{max(1, round(seconds))}s",
           "--timeout", "5s", "--latency"]
    script = None
    if paths:
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        with script:
            script.write(_PATHS_LUA % ", ".join(_lua_string(p) for p in paths))
        cmd += ["-s", script.name]
    cmd.append(url)
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    finally:
        if script is not None:
            os.unlink(script.name)
    if out.returncode != 0:
        raise RuntimeError(f"wrk failed: {out.stderr or out.stdout}")
    res = parse_wrk(out.stdout)
    res["generator"] = "wrk"
    return res


def run_python_generator(url: str, concurrency: int, seconds: float,
                         paths: list[str] | None = None) -> dict:
    """Closed loop: `concurrency` keep-alive connections, each sending as fast as answered."""
    m = re.match(r"http://([^/:]+):(\d+)(/.*)?", url)
    host, port = m.group(1), int(m.group(2))
    walk = paths or [m.group(3) or "/"]
    stop = time.monotonic() + seconds
    lat: list[list[float]] = [[] for _ in range(concurrency)]
    errs = Counter()

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=5)
        k = i * 7919
        while time.monotonic() < stop:
            k += 1
            path = walk[k % len(walk)]
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                if r.status >= 400:
                    errs["non_2xx"] += 1
                lat[i].append((time.perf_counter() - t) * 1000)
            except (OSError, http.client.HTTPException):
                errs["socket"] += 1
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=5)
        conn.close()

    start = time.perf_counter()
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.perf_counter() - start
    all_lat = sorted(x for ls in lat for x in ls)
    n = len(all_lat)

    def pct(p: float) -> float | None:
        return all_lat[min(n - 1, int(p / 100 * n))] if n else None

    return {"requests": n, "requests_per_s": n / elapsed if elapsed else 0.0,
            "p50_ms": pct(50), "p90_ms": pct(90), "p99_ms": pct(99),
            "errors": errs["non_2xx"] + errs["socket"], "non_2xx": errs["non_2xx"],
            "generator": "python-fallback"}


def drive(url: str, concurrency: int, seconds: float, paths: list[str] | None = None) -> dict:
    """Drive ``url``, or with ``paths`` the server at ``url`` over those paths in turn."""
    if have_wrk():
        return run_wrk(url, concurrency, seconds, paths)
    return run_python_generator(url, concurrency, seconds, paths)


def py_spy_top(pid: int, seconds: float, out_dir: Path, label: str, top: int = 15) -> dict | None:
    """Sample the server with py-spy while it is under load; the functions with the most
    samples (own time) and the files the time is spent in. None without py-spy.

    Only the thread holding the GIL is sampled (``--gil``): what Python computes. A
    thread waiting on a socket or an idle pool worker would otherwise fill the top
    of the list (``Condition.wait``, ``_wait_for_io``) and hide it."""
    exe = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(exe).exists():
        return None
    raw = out_dir / f"py-spy-{label}.txt"
    res = subprocess.run([exe, "record", "--pid", str(pid), "--duration", str(max(1, round(seconds))),
                          "--rate", "250", "--format", "raw", "--output", str(raw), "--nonblocking", "--gil",
                          "--subprocesses"],  # the worker processes under the supervisor
                         capture_output=True, text=True, timeout=seconds + 60)
    if res.returncode != 0 or not raw.exists():
        return {"error": (res.stderr or res.stdout)[-500:]}
    own: Counter = Counter()
    incl: Counter = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        n_ = int(n)
        total += n_
        frames = stack.split(";")
        own[_frame(frames[-1])] += n_
        for f in {_frame(x) for x in frames}:
            incl[_frame(f)] += n_
    return {"samples": total, "file": raw.name,
            "own": [{"frame": f, "share": round(c / total, 3)} for f, c in own.most_common(top)],
            "inclusive": [{"frame": f, "share": round(c / total, 3)}
                          for f, c in incl.most_common(top * 3)
                          if "threading.py" not in f and "<module>" not in f][:top]}


def _frame(f: str) -> str:
    # "func (path/to/file.py:123)" -> "func (file.py)"
    m = re.match(r"(.*) \((.*?):?\d*\)$", f)
    if not m:
        return f
    return f"{m.group(1)} ({Path(m.group(2)).name.split(':')[0]})"
