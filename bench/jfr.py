"""Where the Neo4j server spends its CPU: Java Flight Recorder on the server's JVM.

Where Neo4j is the limit (the load, and the API without the answer cache), a
Python profile only shows the client waiting on a socket. JFR ships with the
JDK that runs Neo4j (``jcmd`` starts and stops a recording on the running
process, ``jfr`` prints it), so no agent is installed and the server is not
restarted. Each sample is put under the first Neo4j subsystem found walking
its stack from the leaf up; the report gives the share of each subsystem, the
hottest methods and the collector's pauses.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

RECORDING = "govgraph-bench"

# (subsystem, class-name prefixes), matched leaf-first: a hash-map probe inside
# the lock manager counts as locking.
SUBSYSTEMS: list[tuple[str, tuple[str, ...]]] = [
    ("locks", ("org.neo4j.kernel.impl.locking.", "org.neo4j.lock.")),
    ("index trees (seek, insert)", ("org.neo4j.index.internal.gbptree.",
                                    "org.neo4j.kernel.impl.index.schema.",
                                    "org.neo4j.kernel.impl.api.index.")),
    ("transaction log", ("org.neo4j.kernel.impl.transaction.log.", "org.neo4j.io.fs.")),
    ("page cache", ("org.neo4j.io.pagecache.",)),
    ("record store and commit commands", ("org.neo4j.internal.recordstorage.",
                                          "org.neo4j.kernel.impl.store.")),
    ("id allocation", ("org.neo4j.internal.id.",)),
    ("transaction state", ("org.neo4j.kernel.impl.api.", "org.neo4j.kernel.impl.newapi.",
                           "org.neo4j.storageengine.", "org.neo4j.internal.kernel.")),
    ("Cypher planning and runtime", ("org.neo4j.cypher.", "org.neo4j.internal.cypher.")),
    ("Bolt protocol and network", ("org.neo4j.bolt.", "org.neo4j.packstream.", "io.netty.")),
    ("values and memory tracking", ("org.neo4j.values.", "org.neo4j.memory.",
                                    "org.neo4j.collection.")),
]


def available() -> bool:
    return bool(shutil.which("jcmd") and shutil.which("jfr"))


def start(pid: int) -> bool:
    if not available():
        return False
    # "default" samples every 20 ms at ~1% overhead; "profile" (10 ms, more events)
    # visibly slowed the 1M load it was measuring.
    r = subprocess.run(["jcmd", str(pid), "JFR.start", f"name={RECORDING}", "settings=default"],
                       capture_output=True, text=True, timeout=60)
    return r.returncode == 0 and "Started recording" in r.stdout


def stop(pid: int, path: Path) -> Path | None:
    path.parent.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["jcmd", str(pid), "JFR.stop", f"name={RECORDING}", f"filename={path}"],
                       capture_output=True, text=True, timeout=120)
    return path if r.returncode == 0 and path.exists() else None


def _events(path: Path, event: str) -> list[dict]:
    r = subprocess.run(["jfr", "print", "--json", "--events", event, str(path)],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        return []
    return json.loads(r.stdout)["recording"]["events"]


def _frame(f: dict) -> tuple[str, str]:
    cls = f["method"]["type"]["name"].replace("/", ".")
    return cls, f["method"]["name"]


def subsystem(frames: list[tuple[str, str]]) -> str:
    for cls, _ in frames:
        for name, prefixes in SUBSYSTEMS:
            if cls.startswith(prefixes):
                return name
    return "other (JDK, collections)"


def summarize(path: Path, top: int = 8) -> dict[str, Any]:
    """Shares of the sampled server CPU by subsystem and by method, and GC pauses."""
    samples = _events(path, "jdk.ExecutionSample")
    areas: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for e in samples:
        frames = [_frame(f) for f in (e["values"]["stackTrace"] or {}).get("frames", [])]
        if not frames:
            continue
        areas[subsystem(frames)] += 1
        cls, method = frames[0]
        own[f"{cls.rsplit('.', 1)[-1]}.{method}"] += 1
    total = sum(areas.values())
    n = total or 1
    gcs = _events(path, "jdk.GarbageCollection")
    pauses_ms = sum(_ms(g["values"].get("sumOfPauses")) for g in gcs)
    return {
        "jfr": path.name, "samples": total,
        "subsystems": [{"name": k, "share": v / n} for k, v in areas.most_common()],
        "own": [{"frame": k, "share": v / n} for k, v in own.most_common(top)],
        "gc_count": len(gcs), "gc_pause_ms": round(pauses_ms, 1),
    }


def _ms(value: Any) -> float:
    # jfr prints durations as ISO-8601 ("PT0.012345S") in its JSON.
    if isinstance(value, str) and value.startswith("PT") and value.endswith("S"):
        try:
            return float(value[2:-1]) * 1000
        except ValueError:
            return 0.0
    if isinstance(value, int | float):
        return value / 1e6  # nanoseconds
    return 0.0
