#!/usr/bin/env python
"""Score the real corpus split into a development set and held-out batches, the held-out ones as totals only.

A round of work on the extractor is judged by documents it was not developed on. The held-out
batches are named by their file-name prefixes (``--held-out r116 r118``: batch Q, r1160–r1163, and
batch R, r1180–r1185); their documents are scored, and only each batch's totals are printed (in-order
and aligned micro F1, documents read exactly), never a document's name, figure or miss, so that
the scores can steer a round without the documents being read. Every other real document is the
development set, printed as the exact count and micro F1 (with ``-v`` each inexact document's
figures).

    .venv/bin/python scripts/heldout_scores.py                     # dev totals and Q, R totals
    .venv/bin/python scripts/heldout_scores.py -v                  # and the dev documents not exact
    .venv/bin/python scripts/heldout_scores.py --json out.json     # the totals as JSON, to compare
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_quality as eq  # noqa: E402  (a sibling script module)
import measure_alignment as ma  # noqa: E402

DEFAULT_HELD_OUT = ("r116", "r118")


def _totals(results: list[eq.RealResult]) -> dict[str, float | int]:
    s, a = eq.Score(), ma.Aligned()
    for r in results:
        s.add(r.triples)
        a.add(r.aligned)
    return {"documents": len(results), "exact": sum(r.exact for r in results),
            "gold": s.gold, "in_order_f1": round(eq.f1(s), 4), "aligned_f1": round(a.overall.f1, 4)}


def scores(held_out: tuple[str, ...] = DEFAULT_HELD_OUT, corpus: Path = eq.REAL,
           parse=None) -> tuple[dict, list[eq.RealResult]]:
    """({"dev": totals, "<prefix>": totals, "held_out": totals}, the dev documents' results)."""
    files = sorted(corpus.glob("r*.json"))
    dev, groups = [], {p: [] for p in held_out}
    for f in files:
        prefix = next((p for p in held_out if f.name.startswith(p)), None)
        r = eq.evaluate_real_document(f, parse=parse)
        (groups[prefix] if prefix else dev).append(r)
    out = {"dev": _totals(dev)}
    for p, rs in groups.items():
        out[p] = _totals(rs)
    out["held_out"] = _totals([r for rs in groups.values() for r in rs])
    return out, dev


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--held-out", nargs="+", default=list(DEFAULT_HELD_OUT), metavar="PREFIX")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the dev documents not read exactly")
    ap.add_argument("--json", type=Path, help="write the totals to this file")
    args = ap.parse_args(argv)
    out, dev = scores(tuple(args.held_out))
    for name, t in out.items():
        print(f"{name:9} {t['exact']:>3}/{t['documents']:<3} exact  gold {t['gold']:>5}  "
              f"in-order F1 {t['in_order_f1']:.4f}  aligned F1 {t['aligned_f1']:.4f}")
    if args.verbose:
        for r in dev:
            if not r.exact:
                print(f"  {r.name}: in order {eq.f1(r.triples):.3f}, aligned {r.aligned.overall.f1:.3f}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
