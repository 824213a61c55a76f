#!/usr/bin/env python
"""Precision and recall of the notice extractor, per field, over the labelled corpus and the seed.

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
    .venv/bin/python scripts/extract_quality.py --strict   # exit 1 below 1.0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus"
FIELDS = ("lead", "responsible", "support")


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.txt documents and *.json labels")
    ap.add_argument("--strict", action="store_true", help="exit 1 unless every figure is 1.0")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false unit")
    args = ap.parse_args(argv)
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
