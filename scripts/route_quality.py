"""How well `govgraph route` finds the issue type of real complaints.

Reads the hand-labelled corpus (tests/complaints/complaints.csv) and reports, per
part (dev: tuned on; heldout and fresh: never tuned on; all): top-1 accuracy on in-scope messages (the
best type is one of the message's labels; an empty answer is a miss), the share
of out-of-scope messages that get an empty answer, and the confusion between
types (first label -> best type). Markdown on stdout.

    .venv/bin/python scripts/route_quality.py [--split dev|heldout|fresh|all] [--errors]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from govgraph.queries.routing import match

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "complaints" / "complaints.csv"
OUT = "out-of-scope"
SPLITS = ("dev", "heldout", "fresh")  # dev: the words were tuned on it; heldout, fresh: never


@dataclass
class Row:
    id: str
    split: str
    labels: list[str]
    text: str


def read_corpus(path: Path = CORPUS) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return [Row(id=r["id"], split=r["split"], labels=r["labels"].split(";"), text=r["text"])
            for r in csv.DictReader(lines)]


@dataclass
class Quality:
    split: str
    in_scope: int
    top1: int
    out_scope: int
    empty: int
    confusion: Counter[tuple[str, str]]
    errors: list[tuple[Row, str]]

    @property
    def accuracy(self) -> float:
        return self.top1 / self.in_scope if self.in_scope else 0.0

    @property
    def empty_share(self) -> float:
        return self.empty / self.out_scope if self.out_scope else 0.0


def measure(rows: list[Row], split: str) -> Quality:
    q = Quality(split, 0, 0, 0, 0, Counter(), [])
    for r in rows:
        if split != "all" and r.split != split:
            continue
        found = match(r.text)
        best = found[0].key if found else "(none)"
        if r.labels == [OUT]:
            q.out_scope += 1
            q.empty += not found
            if found:
                q.errors.append((r, best))
            q.confusion[(OUT, best)] += 1
            continue
        q.in_scope += 1
        ok = best in r.labels
        q.top1 += ok
        q.confusion[(r.labels[0], best if not ok else r.labels[0])] += 1
        if not ok:
            q.errors.append((r, best))
    return q


def report(qs: list[Quality]) -> str:
    out = ["| part | in-scope | top-1 accuracy | out-of-scope | empty answers |",
           "|---|---:|---:|---:|---:|"]
    for q in qs:
        out.append(f"| {q.split} | {q.in_scope} | {q.accuracy:.3f} ({q.top1}/{q.in_scope}) | "
                   f"{q.out_scope} | {q.empty_share:.3f} ({q.empty}/{q.out_scope}) |")
    return "\n".join(out)


def confusion(q: Quality) -> str:
    wrong = sorted(((t, p, n) for (t, p), n in q.confusion.items() if t != p),
                   key=lambda x: (-x[2], x[0], x[1]))
    right = Counter({t: n for (t, p), n in q.confusion.items() if t == p})
    lines = [f"Confusion ({q.split}): labelled type -> best type returned, where they differ",
             "", "| labelled | returned | count |", "|---|---|---:|"]
    lines += [f"| {t} | {p} | {n} |" for t, p, n in wrong]
    lines += ["", "Correct per labelled type: " + ", ".join(f"{t} {n}" for t, n in sorted(right.items()))]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=[*SPLITS, "all"], default=None,
                    help="one part only (default: each part, then all)")
    ap.add_argument("--errors", action="store_true", help="list the misses of the part(s)")
    a = ap.parse_args()
    rows = read_corpus()
    parts = [a.split] if a.split else [*SPLITS, "all"]
    qs = [measure(rows, p) for p in parts]
    print(report(qs))
    print()
    print(confusion(qs[-1]))
    if a.errors:
        for q in qs:
            for r, best in q.errors:
                print(f"{q.split}\t{';'.join(r.labels)}\t-> {best}\t{r.text[:90]}")


if __name__ == "__main__":
    main()
