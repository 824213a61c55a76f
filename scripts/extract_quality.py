#!/usr/bin/env python
"""Precision and recall of the notice extractor, per field, over the labelled corpora and the seed.

Two corpora are scored. tests/corpus/ was written while the extractor was
built (its documents are the project's own); tests/corpus_real/ holds real
documents published by government bodies, each labelled by hand before its
layout was worked on (see tests/corpus_real/README.md). The real corpus is the
figure that predicts the next document; it is reported per layout family too.

Each document in tests/corpus/ has a label file of the same stem (``NAME.json``)
giving, per measure number, the expected ``lead``, ``responsible`` and
``support`` unit names (a field left out means "no unit"). ``seed.json`` labels
the bundled Anshun notice. A label file with ``expect_error`` names a document
the extractor must refuse, with a fragment of the message it must give.

Units are compared by name exactly as the extractor cleans them (whitespace
and page footers removed, elided prefixes restored, brackets as written), as
multisets per measure: a unit named twice must be found twice.

    .venv/bin/python scripts/extract_quality.py            # the table
    .venv/bin/python scripts/extract_quality.py -v         # and every miss / false unit
    .venv/bin/python scripts/extract_quality.py --strict   # exit 1 below 1.0 (written corpus and seed)
    .venv/bin/python scripts/extract_quality.py --real -v  # the real corpus, every miss listed
    .venv/bin/python scripts/extract_quality.py --real --aligned  # and measures aligned by text

With ``--aligned`` the real corpus is also scored with measures aligned by
their text (scripts/measure_alignment.py), so a measure missed, split or merged
costs only its own units: segmentation (measures found, missed, extra) and
attribution (units and roles of the measures found) are reported apart. The
in-order figures above it are unchanged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_alignment as ma  # noqa: E402  (a sibling script module)

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus"
REAL = REPO / "tests" / "corpus_real"
FIELDS = ("lead", "responsible", "support")


# Micro counts of (measure, role, unit) triples: the aligned scorer's, one class for both scores.
Score = ma.Counts


@dataclass
class DocResult:
    name: str
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    measures_expected: int = 0
    measures_found: int = 0
    problems: list[str] = field(default_factory=list)
    error_expected: bool = False
    error_ok: bool = True
    names: list[str] = field(default_factory=list)  # every unit name extracted, for resolution


def label_files(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p for p in corpus.glob("*.json") if p.name != "labels.schema.json")


def document_path(label_file: Path, label: dict) -> Path:
    return (label_file.parent / label.get("path", label_file.stem + ".txt")).resolve()


def _compare(doc: DocResult, number: str, fld: str, gold: list[str], got: list[str]) -> None:
    g, p = Counter(gold), Counter(got)
    s = doc.scores[fld]
    s.gold += sum(g.values())
    s.predicted += sum(p.values())
    s.correct += sum((g & p).values())
    for name in (g - p).elements():
        doc.problems.append(f"measure {number} {fld}: missed {name}")
    for name in (p - g).elements():
        doc.problems.append(f"measure {number} {fld}: false unit {name}")


def evaluate_document(label_file: Path) -> DocResult:
    from govgraph.loaders.notice import NoticeError, read_notice

    label = json.loads(label_file.read_text("utf-8"))
    doc = DocResult(name=label_file.stem)
    path = document_path(label_file, label)
    if "expect_error" in label:
        doc.error_expected = True
        try:
            read_notice(path)
        except NoticeError as e:
            doc.error_ok = label["expect_error"] in str(e)
            if not doc.error_ok:
                doc.problems.append(f"refused, but with {e}")
        else:
            doc.error_ok = False
            doc.problems.append("accepted a document that should be refused")
        return doc
    try:
        notice = read_notice(path)
    except NoticeError as e:
        notice = None
        doc.problems.append(f"refused: {e}")
    expected = label["measures"]
    doc.measures_expected = len(expected)
    found = {str(m.number): m for m in notice.measures} if notice else {}
    doc.measures_found = len(set(found) & set(expected))
    doc.names = [u.name for m in found.values() for a in m.attributions for u in a.units]
    for number in sorted(set(expected) | set(found), key=int):
        gold = expected.get(number, {})
        m = found.get(number)
        if number not in expected:
            doc.problems.append(f"measure {number}: not in the labels")
        elif m is None:
            doc.problems.append(f"measure {number}: not found")
        for fld in FIELDS:
            _compare(doc, number, fld, gold.get(fld, []), m.units(fld) if m else [])
    return doc


def evaluate(corpus: Path = CORPUS) -> list[DocResult]:
    return [evaluate_document(p) for p in label_files(corpus)]


def _totals(docs: list[DocResult]) -> dict[str, Score]:
    out = {f: Score() for f in FIELDS}
    for d in docs:
        for f in FIELDS:
            out[f].add(d.scores[f])
    return out


def report(docs: list[DocResult]) -> tuple[str, bool]:
    """The markdown table and whether everything is perfect."""
    seed = [d for d in docs if d.name == "seed"]
    corpus = [d for d in docs if d.name != "seed" and not d.error_expected]
    refused = [d for d in docs if d.error_expected]
    lines = ["| set | field | gold units | extracted | correct | precision | recall |",
             "|---|---|---:|---:|---:|---:|---:|"]
    perfect = True
    for set_name, group in (("corpus", corpus), ("seed", seed), ("all", corpus + seed)):
        for f, s in _totals(group).items():
            lines.append(f"| {set_name} | {f} | {s.gold} | {s.predicted} | {s.correct} | "
                         f"{s.precision:.3f} | {s.recall:.3f} |")
            perfect &= s.precision == 1.0 and s.recall == 1.0
    measures_exp = sum(d.measures_expected for d in corpus + seed)
    measures_got = sum(d.measures_found for d in corpus + seed)
    ok_refusals = sum(d.error_ok for d in refused)
    perfect &= measures_got == measures_exp and ok_refusals == len(refused)
    lines.append("")
    lines.append(f"{len(corpus)} corpus documents and the seed: {measures_got}/{measures_exp} measures "
                 f"found; {ok_refusals}/{len(refused)} documents without attributions refused "
                 f"with a clear message.")
    lines.append(_resolution_line(corpus + seed))
    return "\n".join(lines), perfect


def _resolution_line(docs: list[DocResult]) -> str:
    """How many extracted names the registry resolves: bundled, and with the corpus's own file."""
    from govgraph.loaders.units import load_registry

    names = [n for d in docs for n in d.names]
    bundled = load_registry()
    extended = load_registry(CORPUS / "units.toml")
    n_bundled = sum(bundled.resolve(n).resolved for n in names)
    n_extended = sum(extended.resolve(n).resolved for n in names)
    return (f"Unit mentions resolved to a registry unit: {n_bundled}/{len(names)} with the bundled "
            f"registry, {n_extended}/{len(names)} with tests/corpus/units.toml added; the rest are "
            f"kept as written and reported as unresolved.")


# ---------------------------------------------------------------------------
# the real corpus: published documents, a header of "# key: value" lines on top


HEADER_RE = re.compile(r"# ([a-z]+): ?(.*)")


def read_real(path: Path) -> tuple[dict[str, str], str]:
    """(header, text): the "# key: value" lines and the blank line after them are
    not the document; the text keeps every character the page gave."""
    raw = path.read_text("utf-8")
    header: dict[str, str] = {}
    pos = 0
    while True:
        end = raw.find("\n", pos)
        line = raw[pos:end if end != -1 else len(raw)]
        m = HEADER_RE.fullmatch(line)
        if m is None:
            break
        header[m.group(1)] = m.group(2).strip()
        pos = end + 1
    if raw[pos:pos + 1] == "\n":
        pos += 1
    return header, raw[pos:]


@dataclass
class RealResult:
    name: str
    families: list[str]
    level: str
    issuer: str
    triples: Score = field(default_factory=Score)
    officials: Score = field(default_factory=Score)
    measures_expected: int = 0
    measures_found: int = 0
    problems: list[str] = field(default_factory=list)
    # measures aligned by text (measure_alignment), beside the in-order figures above
    aligned: ma.Aligned = field(default_factory=ma.Aligned)

    @property
    def exact(self) -> bool:
        t = self.triples
        return (t.correct == t.gold == t.predicted and self.measures_found == self.measures_expected
                and self.officials.correct == self.officials.gold == self.officials.predicted)


def evaluate_real_document(label_file: Path, parse: Any = None, render: Any = None) -> RealResult:
    """Measures are matched in order: the n-th measure the extractor found that
    names a unit or an official against the n-th labelled one, so a measure
    missed or split shifts everything after it and is counted so. ``parse(text,
    source)`` reads the text (default ``parse_notice``; the tests pass one that
    parses each document once per session). ``render(text)``, when given, is
    another rendering of the same document (scripts/renderings.py): the text is
    read as rendered, scored against the same labels (their text prefixes,
    quotes of the document, rendered alike for the alignment)."""
    from govgraph.graph.names import normalize_name
    from govgraph.loaders.notice import NoticeError, parse_notice

    label = json.loads(label_file.read_text("utf-8"))
    header, text = read_real(label_file.with_suffix(".txt"))
    if render is not None:
        text = render(text)
    res = RealResult(name=label_file.stem, families=list(label.get("families", [])),
                     level=label.get("level", header.get("level", "?")),
                     issuer=label.get("issuer", header.get("issuer", "?")))
    gold = [label["measures"][k] for k in sorted(label["measures"], key=int)]
    res.measures_expected = len(gold)
    try:
        notice = (parse or parse_notice)(text, source=label_file.with_suffix(".txt").name)
        found = [m for m in notice.measures if any(a.units for a in m.attributions)
                 or getattr(m, "officials", None)]
    except NoticeError as e:
        found = []
        res.problems.append(f"refused: {e}")
    res.measures_found = min(len(found), len(gold))
    if len(found) != len(gold):
        res.problems.append(f"{len(found)} measures found, {len(gold)} labelled")
    for i in range(max(len(gold), len(found))):
        g = gold[i] if i < len(gold) else {}
        m = found[i] if i < len(found) else None
        gt = Counter((f, normalize_name(u)) for f in FIELDS for u in g.get(f, []))
        pt = Counter((f, normalize_name(u)) for f in FIELDS for u in (m.units(f) if m else []))
        res.triples.gold += sum(gt.values())
        res.triples.predicted += sum(pt.values())
        res.triples.correct += sum((gt & pt).values())
        for f, u in (gt - pt).elements():
            res.problems.append(f"measure {i + 1} {f}: missed {u}")
        for f, u in (pt - gt).elements():
            res.problems.append(f"measure {i + 1} {f}: false unit {u}")
        go = Counter(normalize_name(o["name"]) for o in g.get("officials", []))
        po = Counter(normalize_name(o.name) for o in (getattr(m, "officials", None) or []))
        res.officials.gold += sum(go.values())
        res.officials.predicted += sum(po.values())
        res.officials.correct += sum((go & po).values())
        for o in (go - po).elements():
            res.problems.append(f"measure {i + 1} official: missed {o}")
        for o in (po - go).elements():
            res.problems.append(f"measure {i + 1} official: false {o}")
    res.aligned = ma.score_aligned(
        [ma.Measure(render(g.get("text", "")) if render else g.get("text", ""),
                    Counter((f, normalize_name(u)) for f in FIELDS for u in g.get(f, [])))
         for g in gold],
        [ma.Measure(getattr(m, "text", ""),
                    Counter((f, normalize_name(u)) for f in FIELDS for u in m.units(f)),
                    after=text[m.end:m.end + 60] if isinstance(getattr(m, "end", None), int) else "")
         for m in found])
    return res


def evaluate_real(corpus: Path = REAL) -> list[RealResult]:
    return [evaluate_real_document(p) for p in sorted(corpus.glob("r*.json"))]


def f1(s: Score) -> float:
    p, r = s.precision, s.recall
    return 2 * p * r / (p + r) if p + r else 0.0


FIRST_RUNS = REAL / "first_runs.json"


def record_first_runs(results: list[RealResult], commit: str, path: Path = FIRST_RUNS) -> list[str]:
    """Keep each document's score from the first time the extractor read it.

    A document is labelled before the extractor is worked on for its layout,
    so its first run is the figure that predicts the next unseen document.
    Entries are only ever added, never rewritten."""
    runs = json.loads(path.read_text("utf-8")) if path.exists() else {}
    added = []
    for r in results:
        if r.name in runs:
            continue
        runs[r.name] = {"commit": commit, "exact": r.exact, "gold": r.triples.gold,
                        "predicted": r.triples.predicted, "correct": r.triples.correct}
        added.append(r.name)
    path.write_text(json.dumps(runs, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    return added


def first_run_line(path: Path = FIRST_RUNS, levels: dict[str, str] | None = None) -> str:
    """The first-run score overall, per extractor version that did the reading
    and, given each document's level, per level of government."""
    runs = json.loads(path.read_text("utf-8")) if path.exists() else {}
    by_commit: dict[str, list[dict]] = {}
    for r in runs.values():
        by_commit.setdefault(r["commit"], []).append(r)

    def line(group: list[dict]) -> str:
        s = Score()
        for r in group:
            s.gold += r["gold"]
            s.predicted += r["predicted"]
            s.correct += r["correct"]
        return (f"{sum(r['exact'] for r in group)} of {len(group)} read exactly, micro F1 {f1(s):.3f} "
                f"(precision {s.precision:.3f}, recall {s.recall:.3f})")

    parts = [f"On their first run (before any work on their layouts): {line(list(runs.values()))}."]
    for commit, group in by_commit.items():
        parts.append(f"  - first read by the extractor at {commit}: {line(group)}")
    if levels:
        by_level: dict[str, list[dict]] = {}
        for name, r in runs.items():
            if name in levels:
                by_level.setdefault(levels[name], []).append(r)
        parts.append("First runs by level of the issuer:")
        for level in ("national", "province", "city", "county", "township", "street"):
            if level in by_level:
                parts.append(f"  - {level}: {line(by_level[level])}")
    return "\n".join(parts)


def real_report(results: list[RealResult]) -> str:
    """Micro precision, recall and F1 of (measure, role, unit) over the real
    corpus, overall and per layout family; documents read exactly."""
    lines = ["| real corpus | documents | read exactly | gold triples | precision | recall | F1 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    groups: dict[str, list[RealResult]] = {"all": results}
    for r in results:
        for fam in r.families:
            groups.setdefault(f"family: {fam}", []).append(r)
        groups.setdefault(f"level: {r.level}", []).append(r)
    for name, group in groups.items():
        s = Score()
        for r in group:
            s.add(r.triples)
        exact = sum(r.exact for r in group)
        lines.append(f"| {name} | {len(group)} | {exact} | {s.gold} | {s.precision:.3f} | {s.recall:.3f} | "
                     f"{f1(s):.3f} |")
    off = Score()
    for r in results:
        off.add(r.officials)
    issuers = len({r.issuer for r in results})
    lines.append("")
    lines.append(f"{len(results)} real documents from {issuers} issuers; "
                 f"{sum(r.measures_found for r in results)}/{sum(r.measures_expected for r in results)} "
                 f"measures found; officials (persons and posts) {off.correct}/{off.gold} found, "
                 f"{off.predicted - off.correct} false.")
    lines.append(first_run_line(levels={r.name: r.level for r in results}))
    return "\n".join(lines)


LEVELS = ("national", "province", "city", "county", "township", "street")
ALIGNED_HEAD = ("| documents | gold measures | found | matched | missed (merged, same units) | extra (split) "
                "| measure F1 | attribution P / R / F1 (matched) | aligned F1 | in-order F1 |")


def aligned_row(name: str, results: list[RealResult]) -> str:
    """One row of the aligned table: ``results`` summed."""
    a, s = ma.Aligned(), Score()
    for r in results:
        a.add(r.aligned)
        s.add(r.triples)
    t = a.attribution
    m = a.measures
    return (f"| {name} | {len(results)} | {m.gold} | {m.predicted} | {m.correct} | "
            f"{a.missed} ({a.merged}, {a.rebounded}) | {a.extra} ({a.split}) | {m.f1:.3f} | "
            f"{t.precision:.3f} / {t.recall:.3f} / {t.f1:.3f} | {a.overall.f1:.3f} | {f1(s):.3f} |")


def aligned_report(results: list[RealResult]) -> str:
    """Measures aligned by text, per level and per document: segmentation
    (measure F1, missed, extra) apart from attribution (micro P/R/F1 of (role,
    unit) on matched measures); aligned F1 counts every unit, unmatched ones as
    missed or false; in-order F1 is the figure of ``real_report``."""
    head = "| real corpus, aligned " + ALIGNED_HEAD
    sep = "|---|" + "---:|" * (ALIGNED_HEAD.count("|") - 1)
    lines = [head, sep, aligned_row("all", results)]
    for level in LEVELS + tuple(sorted({r.level for r in results} - set(LEVELS))):
        group = [r for r in results if r.level == level]
        if group:
            lines.append(aligned_row(f"level: {level}", group))
    lines += ["", "| document " + ALIGNED_HEAD, sep]
    lines += [aligned_row(f"{r.name} ({r.level})", [r]) for r in results]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.txt documents and *.json labels")
    ap.add_argument("--strict", action="store_true", help="exit 1 unless every figure is 1.0")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false unit")
    ap.add_argument("--real", action="store_true", help="score the real corpus (tests/corpus_real/) instead")
    ap.add_argument("--record-first-runs", metavar="COMMIT",
                    help="with --real: add the documents read for the first time to first_runs.json")
    ap.add_argument("--aligned", action="store_true",
                    help="with --real: also score measures aligned by text "
                    "(segmentation apart from attribution)")
    args = ap.parse_args(argv)
    if args.real:
        results = evaluate_real(REAL if args.corpus == CORPUS else args.corpus)
        if args.record_first_runs:
            added = record_first_runs(results, args.record_first_runs)
            print(f"first runs recorded: {', '.join(added) or 'none new'}")
        print(real_report(results))
        if args.verbose:
            for r in results:
                for p in r.problems:
                    print(f"{r.name}: {p}")
        if args.aligned:
            print()
            print(aligned_report(results))
            if args.verbose:
                for r in results:
                    for p in r.aligned.problems:
                        print(f"{r.name} (aligned): {p}")
        return 0
    docs = evaluate(args.corpus)
    table, perfect = report(docs)
    print(table)
    if args.verbose or not perfect:
        for d in docs:
            for p in d.problems:
                print(f"{d.name}: {p}")
    return 1 if args.strict and not perfect else 0


if __name__ == "__main__":
    sys.exit(main())
