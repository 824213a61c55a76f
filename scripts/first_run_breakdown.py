#!/usr/bin/env python
"""Where the real corpus's first-run errors come from: segmentation or attribution.

tests/corpus_real/first_runs.json keeps, for each real document, the in-order
score of the extractor that first read it and that extractor's commit. For
each commit recorded this script checks that commit out in a temporary
worktree (``git worktree add --detach /tmp/fr-<commit>``), runs ITS extractor
(in a subprocess importing ``govgraph`` from that tree) on the documents it
first read, taken with their labels from the CURRENT tree, and scores what it
found with the current scorer: in order (checked against the recorded figure,
so a label changed since shows) and aligned by text (scripts/measure_alignment.py).
The worktree is removed afterwards. Commits run one after another.

    .venv/bin/python scripts/first_run_breakdown.py                 # the tables
    .venv/bin/python scripts/first_run_breakdown.py --json out.json # and every document's figures
    .venv/bin/python scripts/first_run_breakdown.py --commits 6b4328c 22afbc2

first_runs.json is only read, never written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Hashable
from difflib import SequenceMatcher
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_quality as eq  # noqa: E402  (sibling script modules)
import measure_alignment as ma  # noqa: E402

REPO = eq.REPO
PY = Path(sys.executable)

# Run inside the old tree: govgraph and its sub-packages mapped to that tree's
# folders as its pyproject.toml maps them (the editable install of the current
# tree would otherwise answer for govgraph.loaders), every document parsed,
# what was found printed as JSON.
WORKER = r'''
import importlib.abc, importlib.util, json, os, sys, tomllib
root = sys.argv[1]
with open(os.path.join(root, "pyproject.toml"), "rb") as f:
    dirs = tomllib.load(f)["tool"]["setuptools"]["package-dir"]

class OldTree(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in dirs:
            return None
        d = os.path.join(root, dirs[name])
        return importlib.util.spec_from_file_location(name, os.path.join(d, "__init__.py"),
                                                      submodule_search_locations=[d])

sys.meta_path.insert(0, OldTree())
import govgraph.loaders.notice as notice_pkg
from govgraph.loaders.notice import NoticeError, parse_notice
assert os.path.realpath(notice_pkg.__file__).startswith(os.path.realpath(root)), notice_pkg.__file__
out = {}
for name, (text, source) in json.load(sys.stdin).items():
    try:
        n = parse_notice(text, source=source)
    except NoticeError as e:
        out[name] = {"error": str(e)}
        continue
    out[name] = {"measures": [
        {"text": m.text, "end": m.end,
         "attributions": [{"role": a.role, "units": [u.name for u in a.units]} for a in m.attributions],
         "officials": [o.name for o in (getattr(m, "officials", None) or [])]}
        for m in n.measures]}
json.dump(out, sys.stdout, ensure_ascii=False)
'''


class _Measure:
    """A measure an old extractor found, as the current scorer reads one."""

    def __init__(self, d: dict[str, Any]) -> None:
        self.text: str = d["text"]
        self.end: int = d["end"]
        self.attributions = [
            SimpleNamespace(role=a["role"], units=[SimpleNamespace(name=u) for u in a["units"]])
            for a in d["attributions"]]
        self.officials = [SimpleNamespace(name=o) for o in d["officials"]]

    def units(self, role: str) -> list[str]:
        return [u.name for a in self.attributions if a.role == role for u in a.units]


def _parser(found: dict[str, Any]) -> Any:
    """``parse(text, source)`` for evaluate_real_document: what the old extractor found."""
    from govgraph.loaders.notice import NoticeError

    def parse(text: str, source: str) -> Any:
        d = found[source.removesuffix(".txt")]
        if "error" in d:
            raise NoticeError(d["error"])
        return SimpleNamespace(measures=[_Measure(m) for m in d["measures"]])
    return parse


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()


def resolve(commit: str) -> str:
    """A recorded commit as git knows it. ``f29c521+merge-places`` names the
    extractor at f29c521 while branch places was being merged: the recorded
    figures are those of f29c521 itself (r221 refused, "no numbered measures
    found"), not of the merge 9e1a486, whose extractor changes read r221 whole,
    so the commit before the ``+`` is the one run."""
    return commit.partition("+")[0]


def run_commit(commit: str, names: list[str]) -> dict[str, Any]:
    """What the extractor at ``commit`` finds in the documents ``names``."""
    rev = resolve(commit)
    tree = Path(tempfile.gettempdir()) / f"fr-{re.sub(r'[^0-9A-Za-z_-]', '-', commit)}"
    docs = {}
    for name in names:
        _header, text = eq.read_real(eq.REAL / f"{name}.txt")
        docs[name] = (text, f"{name}.txt")
    _git("worktree", "add", "--detach", str(tree), rev)
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONSAFEPATH": "1"}
        res = subprocess.run([str(PY), "-c", WORKER, str(tree)], input=json.dumps(docs, ensure_ascii=False),
                             capture_output=True, text=True, env=env, cwd=tree)
        if res.returncode != 0:
            return {"failed": res.stderr.strip().splitlines()[-1] if res.stderr.strip() else "no output"}
        return {"found": json.loads(res.stdout)}
    finally:
        _git("worktree", "remove", "--force", str(tree))


# ---------------------------------------------------------------------------
# what kind of attribution error a matched measure shows


def kinds(missed: Counter[Hashable], false: Counter[Hashable]) -> list[tuple[str, str]]:
    """Each missed or false (role, unit) of a matched measure with its kind:
    ``wrong role`` (the unit is there under another role), ``name read
    differently`` (a unit of the same role whose name contains the other or
    shares most of its characters), ``missed`` (no counterpart) or ``false``
    (a unit the labels do not give the measure: an object of the duty, a unit
    of another sentence, a fragment …)."""
    miss = [cast(tuple[str, str], t) for t in missed.elements()]
    fals = [cast(tuple[str, str], t) for t in false.elements()]
    out = []
    for m in list(miss):
        f = next((f for f in fals if f[1] == m[1]), None)
        if f is not None:
            out.append(("wrong role", f"{m[1]}: found {f[0]}, labelled {m[0]}"))
            miss.remove(m)
            fals.remove(f)
    for m in list(miss):
        f = next((f for f in fals if f[0] == m[0] and (m[1] in f[1] or f[1] in m[1]
                  or SequenceMatcher(None, m[1], f[1]).ratio() >= 0.6)), None)
        if f is not None:
            out.append(("name read differently", f"found {f[1]}, labelled {m[1]}"))
            miss.remove(m)
            fals.remove(f)
    out += [("missed", f"{r} {u}") for r, u in miss]
    out += [("false", f"{r} {u}") for r, u in fals]
    return out


# ---------------------------------------------------------------------------


def row(name: str, docs: list[dict[str, Any]]) -> str:
    rec, a = eq.Score(), ma.Aligned()
    for d in docs:
        rec.gold += d["recorded"]["gold"]
        rec.predicted += d["recorded"]["predicted"]
        rec.correct += d["recorded"]["correct"]
        a.add(d["aligned"])
    blank = [d for d in docs if d["aligned"].measures.predicted == 0]
    blank_units = sum(d["aligned"].overall.gold for d in blank)
    missed = a.overall.gold - a.overall.correct
    false = a.overall.predicted - a.overall.correct
    share = (f"{a.segmentation_missed / missed:.0%} / {a.attribution_missed / missed:.0%}" if missed else "–")
    fshare = (f"{a.segmentation_false / false:.0%} / {a.attribution_false / false:.0%}" if false else "–")
    return (f"| {name} | {len(docs)} | {eq.f1(rec):.3f} | {a.overall.f1:.3f} | {a.measures.f1:.3f} | "
            f"{a.attribution.f1:.3f} | {a.missed} ({a.merged}, {a.rebounded}) | {a.extra} ({a.split}) | "
            f"{rec.gold - rec.correct} | {missed}: {share} | {len(blank)} ({blank_units}) | "
            f"{false}: {fshare} |")


HEAD = ("| documents | in-order F1 (recorded) | aligned F1 | segmentation F1 | attribution F1 (matched) "
        "| measures missed (merged, same units) | extra (split) | units missed in order "
        "| units missed aligned: segmentation / attribution | documents with nothing found (their units) "
        "| units false aligned: segmentation / attribution |")


def table(title: str, groups: dict[str, list[dict[str, Any]]]) -> str:
    lines = [f"| {title} " + HEAD, "|---|" + "---:|" * (HEAD.count("|") - 1)]
    lines += [row(k, v) for k, v in groups.items() if v]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commits", nargs="*",
                    help="only these recorded commits (as first_runs.json writes them)")
    ap.add_argument("--json", type=Path, help="write every document's figures here")
    ap.add_argument("--examples", type=int, default=12,
                    help="attribution errors to show (worst documents first)")
    args = ap.parse_args(argv)
    runs = json.loads(eq.FIRST_RUNS.read_text("utf-8"))
    by_commit: dict[str, list[str]] = defaultdict(list)
    for name, r in runs.items():
        by_commit[r["commit"]].append(name)
    order = [c for c in dict.fromkeys(r["commit"] for r in runs.values())]
    if args.commits:
        order = [c for c in order if c in args.commits]
    results: list[dict[str, Any]] = []
    skipped: list[str] = []
    differ: list[str] = []
    for commit in order:
        names = sorted(n for n in by_commit[commit] if (eq.REAL / f"{n}.json").exists())
        print(f"{commit}: {len(names)} documents …", file=sys.stderr, flush=True)
        got = run_commit(commit, names)
        if "failed" in got:
            skipped.append(f"{commit} ({len(names)} documents): {got['failed']}")
            continue
        parse = _parser(got["found"])
        for name in names:
            r = eq.evaluate_real_document(eq.REAL / f"{name}.json", parse=parse)
            rec = runs[name]
            now = (r.triples.gold, r.triples.predicted, r.triples.correct)
            if now != (rec["gold"], rec["predicted"], rec["correct"]):
                differ.append(f"{name} ({commit}): recorded gold/predicted/correct "
                              f"{rec['gold']}/{rec['predicted']}/{rec['correct']}, "
                              f"now {'/'.join(map(str, now))}")
            results.append({"name": name, "commit": commit, "level": r.level, "recorded": rec,
                            "inorder": r.triples, "aligned": r.aligned})

    print("## Where first-run errors come from\n")
    print(table("batch (extractor)", {c: [d for d in results if d["commit"] == c] for c in order}))
    print()
    print(table("level", {lv: [d for d in results if d["level"] == lv] for lv in eq.LEVELS}
                | {"all": results}))
    print()
    print("In-order F1 is first_runs.json's figure; aligned F1 counts every unit with measures paired by "
          "text; units missed in order = gold − correct in order; the aligned misses (and false units) are "
          "split into those of unmatched measures (segmentation) and of matched ones (attribution).")
    if differ:
        print(f"\nIn-order figures that differ from the recorded ones ({len(differ)}):")
        print("\n".join(f"  - {d}" for d in differ))
    else:
        print("\nEvery in-order figure equals the recorded one.")
    if skipped:
        print("\nCommits that could not run (skipped):")
        print("\n".join(f"  - {s}" for s in skipped))

    def f1_of(s: Any) -> float:
        return eq.f1(s) if isinstance(s, eq.Score) else float(s.f1)

    print("\nThe 10 documents with the biggest gap between in-order and aligned F1:")
    gaps = sorted(results, key=lambda d: f1_of(d["aligned"].overall) - eq.f1(d["inorder"]), reverse=True)
    for d in gaps[:10]:
        a = d["aligned"]
        print(f"  - {d['name']} ({d['level']}, {d['commit']}): in order {eq.f1(d['inorder']):.3f}, aligned "
              f"{a.overall.f1:.3f}; measures {a.measures.gold} labelled, {a.measures.predicted} found, "
              f"{a.missed} missed, {a.extra} extra; attribution F1 {a.attribution.f1:.3f}")

    counts: Counter[str] = Counter()
    examples: list[str] = []
    worst = sorted((d for d in results if d["aligned"].mismatches),
                   key=lambda d: (d["aligned"].attribution.f1, d["name"]))
    for d in worst:
        shown = 0
        for gi, pj, missed, false in d["aligned"].mismatches:
            for kind, what in kinds(missed, false):
                counts[kind] += 1
                if len(examples) < args.examples and shown < 2:
                    examples.append(f"  - {d['name']} gold {gi + 1} ~ found {pj + 1}: {kind}: {what}")
                    shown += 1
    print("\nAttribution errors on matched measures, by kind: "
          + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
    print("Examples (documents with the lowest attribution F1 first):")
    print("\n".join(examples))

    if args.json:
        args.json.write_text(json.dumps([{
            "name": d["name"], "commit": d["commit"], "level": d["level"],
            "recorded": {k: d["recorded"][k] for k in ("gold", "predicted", "correct")},
            "measures": {"gold": d["aligned"].measures.gold, "found": d["aligned"].measures.predicted,
                         "matched": d["aligned"].measures.correct, "merged": d["aligned"].merged,
                         "split": d["aligned"].split, "same_units": d["aligned"].rebounded},
            "attribution": vars(d["aligned"].attribution), "aligned": vars(d["aligned"].overall),
            "problems": d["aligned"].problems} for d in results], ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
