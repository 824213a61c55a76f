"""The two engines as the harness drives them: a store, the database process, the
per-row baseline, and the environment `govgraph serve` needs to reach the same data."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from govgraph.graph import embedded_server
from govgraph.graph.store import GraphStore

from . import baseline
from .http import free_port
from .sysinfo import cpu_seconds, pid_listening_on

REPO = Path(__file__).resolve().parents[1]
NEO4J_SCRIPT = REPO / "scripts" / "neo4j-server.sh"


class Engine:
    name: str
    store: GraphStore

    def db_pid(self) -> int | None: ...

    def serve_env(self) -> dict[str, str]: ...

    def baseline_load(self, rows) -> None: ...

    def settle(self, timeout_s: float = 120.0) -> None:
        """Wait until the database has finished what a big load leaves it doing in
        the background (Neo4j flushes its page cache, collects its heap), so warm
        lookups are not timed against it: until its process uses under 5% of a
        core over a second."""
        pid = self.db_pid()
        if not pid:
            return
        deadline = time.monotonic() + timeout_s
        before = cpu_seconds(pid)
        while before is not None and time.monotonic() < deadline:
            time.sleep(1.0)
            after = cpu_seconds(pid)
            if after is None or after - before < 0.05:
                return
            before = after

    def restart(self) -> float | None:
        """Stop the database and time until it answers again with the graph back
        (None: this engine's server is not ours to restart)."""
        return None

    def count_entities(self) -> int:
        rows = self.store.read("MATCH (n:Entity) RETURN count(n) AS n").rows
        return int(rows[0][0]) if rows else 0

    def close(self) -> None:
        self.store.close()


class FalkorEngine(Engine):
    name = "falkordb"

    def __init__(self, data_dir: Path) -> None:
        from govgraph.graph.falkordb_store import FalkorDBStore

        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.store = FalkorDBStore(data_dir)

    def db_pid(self) -> int | None:
        try:
            return int((self.data_dir / embedded_server.PID_NAME).read_text().strip())
        except (OSError, ValueError):
            return None

    def serve_env(self) -> dict[str, str]:
        return {"GOVGRAPH_DATA_DIR": str(self.data_dir)}

    def baseline_load(self, rows) -> None:
        baseline.load_falkordb(self.store._graph, rows)

    def settle(self, timeout_s: float = 120.0) -> None:
        # A load grows the append-only file past its rewrite threshold: the server
        # then forks and rewrites it (the whole graph, on the other core).
        conn = self.store._db.connection
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            info = conn.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                break
            time.sleep(0.2)
        super().settle(timeout_s)

    def restart(self) -> float:
        from govgraph.graph.falkordb_store import FalkorDBStore

        self.store.close()
        if not embedded_server.stop(self.data_dir, timeout=600):
            raise RuntimeError("the embedded FalkorDB did not stop")
        t = time.perf_counter()
        # The start timeout a user's command would give it: past it, the graph
        # did not come back as far as a user can tell.
        self.store = FalkorDBStore(self.data_dir)
        self.count_entities()
        return time.perf_counter() - t

    def close(self) -> None:
        super().close()
        embedded_server.stop(self.data_dir)


class Neo4jEngine(Engine):
    name = "neo4j"

    def __init__(self, uri: str) -> None:
        from govgraph.graph.neo4j_store import Neo4jStore

        self.uri = uri
        # Residents' personal records go to a personal store beside the run, never the graph.
        self.store = Neo4jStore(uri, personal_dir=Path(tempfile.mkdtemp(prefix="govgraph-bench-personal-")))
        self._pid = pid_listening_on(urlparse(uri).port or 7687)

    def db_pid(self) -> int | None:
        return self._pid

    def serve_env(self) -> dict[str, str]:
        return {"GOVGRAPH_NEO4J_URI": self.uri}

    def baseline_load(self, rows) -> None:
        baseline.load_neo4j(self.store._driver, self.store.database, rows)


@contextmanager
def neo4j_server(uri: str | None, workdir: Path):
    """Yield a Bolt URI: the one given, or a fresh server of our own on a free port."""
    if uri:
        yield uri
        return
    home = workdir / "neo4j"
    port = free_port()
    env = dict(os.environ)
    env.update({"GOVGRAPH_NEO4J_HOME": str(home), "GOVGRAPH_NEO4J_PORT": str(port),
                "GOVGRAPH_NEO4J_AUTH": "none"})
    env.setdefault("GOVGRAPH_NEO4J_HEAP", "4g")
    env.setdefault("GOVGRAPH_NEO4J_PAGECACHE", "2g")
    env.setdefault("GOVGRAPH_NEO4J_TX_MAX", "8g")
    res = subprocess.run(["bash", str(NEO4J_SCRIPT), "start", "--fresh"], env=env,
                         capture_output=True, text=True, timeout=900)
    if res.returncode != 0:
        raise RuntimeError(f"Neo4j could not start:\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    try:
        yield f"bolt://127.0.0.1:{port}"
    finally:
        subprocess.run(["bash", str(NEO4J_SCRIPT), "stop"], env=env, capture_output=True,
                       timeout=120)
