"""Helpers for tests that run `govgraph serve` (or another server) as a real process."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

CLI = [sys.executable, "-m", "govgraph.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(env: dict[str, str], log_path: Path, *extra: str, timeout: float = 60.0) -> Iterator[str]:
    """`govgraph serve` on 127.0.0.1 and a free port; yields its base URL once /health is ok."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Many clients from one address: without a key they share one rate limit
    # (docs/security.md), which is not what these tests measure; tests of the
    # limit set it themselves.
    env = {"GOVGRAPH_RATE_PUBLIC_PER_MIN": "0", **env}
    with open(log_path, "w") as log:
        proc = subprocess.Popen([*CLI, "serve", "--host", "127.0.0.1", "--port", str(port), *extra],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("govgraph serve did not start:\n"
                                         + Path(log_path).read_text()[-3000:])
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
