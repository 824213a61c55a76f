"""Reading a JSON registry file: the whole file at once (``json.loads``) against
one object at a time (``loaders/json_rows.py``), time and peak RSS against the
number of rows. Each reading runs in a fresh process, so its peak is its own.
The rows are synthetic compounds (``id``, ``name``, ``community_id``, numbers)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .sysinfo import machine

_READ = r"""
import json, resource, sys, time
from govgraph.loaders.json_rows import json_array_items
path, how = sys.argv[1], sys.argv[2]
t = time.perf_counter()
n = 0
if how == "whole":
    with open(path, encoding="utf-8") as fh:
        for rec in json.loads(fh.read()):
            n += isinstance(rec, dict)
else:
    with open(path, "rb") as fh:
        for _, rec in json_array_items(fh):
            n += isinstance(rec, dict)
print(json.dumps({"rows": n, "s": time.perf_counter() - t,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _write(path: Path, rows: int) -> int:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[\n")
        for i in range(rows):
            rec = {"id": f"x:cpd:{i}", "name": f"合成小区{i}", "community_id": f"x:com:{i // 40}",
                   "built_year": 1990 + i % 30, "households": 100 + i % 900, "synthetic": True}
            fh.write(json.dumps(rec, ensure_ascii=False) + (",\n" if i < rows - 1 else "\n"))
        fh.write("]\n")
    return path.stat().st_size


def run(sizes: list[int]) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            path = Path(tmp) / "compounds.json"
            size = _write(path, rows)
            for how in ("whole", "stream"):
                res = subprocess.run([sys.executable, "-c", _READ, str(path), how],
                                     capture_output=True, text=True, check=True)
                r = json.loads(res.stdout)
                assert r["rows"] == rows
                out.append({"rows": rows, "file_mb": size / 1e6, "reader": how, **r})
    return {"run": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(), "results": out}


def markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = ["# Reading a JSON registry file: whole against one object at a time", "",
             f"Run {res['run']}, commit {m['git_commit']}, {m['cores']} cores ({m['cpu']}), "
             f"{m['memory_gb']} GB RAM, load average at start {m['load_average_at_start']}. "
             "Peak RSS is the reading process's high-water mark (interpreter and imports included).", "",
             "| rows | file MB | reader | s | rows/s | peak RSS MB |", "|---|---|---|---|---|---|"]
    for r in res["results"]:
        lines.append(f"| {r['rows']:,} | {r['file_mb']:.0f} | {r['reader']} | {r['s']:.2f} | "
                     f"{r['rows'] / r['s']:,.0f} | {r['peak_mb']:,.0f} |")
    return "\n".join(lines) + "\n"
