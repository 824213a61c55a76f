"""How far two people labelling the same real documents alone agree.

The real corpus's gold files (tests/corpus_real/) were each made by one labeller.
A second labeller, given the same written rules (the corpus README up to the
batch, not the first labeller's decisions on it) and the same texts, labels the
documents again into a directory of their own; this script scores the second
labelling against the first with the scorer the extractor is measured by: micro
F1 of (measure, role, unit), measures paired in order and aligned by text, and
the documents labelled alike. Agreement between two careful people is the
ceiling a reader of these documents can be measured against.

    .venv/bin/python scripts/label_agreement.py tests/corpus_real/agreement/bh [...] [-v]
    .venv/bin/python scripts/label_agreement.py DIR --extractor   # the extractor against each labelling

F1 is symmetric: which labelling is called gold does not change it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_alignment as ma  # noqa: E402  (a sibling script module)
from extract_quality import FIELDS, REAL, read_real  # noqa: E402

Triples = Counter[tuple[str, str]]


@dataclass
class Labelled:
    """One labelling of one document: its measures' text prefixes and units, in order."""

    texts: list[str]
    triples: list[Triples]
    after: list[str] = field(default_factory=list)  # the document's text after each prefix


def _norm(name: str) -> str:
    from govgraph.graph.names import normalize_name
    return normalize_name(name)


def from_label(path: Path, text: str) -> Labelled:
    label = json.loads(path.read_text("utf-8"))
    measures = [label["measures"][k] for k in sorted(label["measures"], key=int)]
    texts = [m.get("text", "") for m in measures]
    after = []
    for t in texts:
        pos = text.find(t)
        after.append(text[pos + len(t): pos + len(t) + 60] if pos != -1 and t else "")
    return Labelled(texts, [Counter((f, _norm(u)) for f in FIELDS for u in m.get(f, [])) for m in measures],
                    after)


def from_extractor(text: str, name: str) -> Labelled:
    from govgraph.loaders.notice import NoticeError, parse_notice
    try:
        found = [m for m in parse_notice(text, source=name).measures
                 if any(a.units for a in m.attributions) or m.officials]
    except NoticeError:
        found = []
    return Labelled([m.text for m in found],
                    [Counter((f, _norm(u)) for f in FIELDS for u in m.units(f)) for m in found],
                    [text[m.end:m.end + 60] for m in found])


@dataclass
class Agreement:
    name: str
    in_order: ma.Counts = field(default_factory=ma.Counts)
    aligned: ma.Aligned = field(default_factory=ma.Aligned)
    measures: tuple[int, int] = (0, 0)
    problems: list[str] = field(default_factory=list)

    @property
    def alike(self) -> bool:
        c = self.in_order
        return c.correct == c.gold == c.predicted and self.measures[0] == self.measures[1]


def agree(name: str, a: Labelled, b: Labelled) -> Agreement:
    """``b`` scored against ``a``: in order (the n-th measure against the n-th) and aligned by text."""
    out = Agreement(name, measures=(len(a.texts), len(b.texts)))
    for i in range(max(len(a.triples), len(b.triples))):
        ga = a.triples[i] if i < len(a.triples) else Counter()
        gb = b.triples[i] if i < len(b.triples) else Counter()
        out.in_order.gold += sum(ga.values())
        out.in_order.predicted += sum(gb.values())
        out.in_order.correct += sum((ga & gb).values())
    after = b.after or [""] * len(b.texts)
    out.aligned = ma.score_aligned(
        [ma.Measure(t, c) for t, c in zip(a.texts, a.triples, strict=True)],
        [ma.Measure(t, c, after=x) for t, c, x in zip(b.texts, b.triples, after, strict=True)])
    out.problems = out.aligned.problems
    return out


def row(title: str, results: list[Agreement]) -> str:
    order, aligned = ma.Counts(), ma.Aligned()
    for r in results:
        order.add(r.in_order)
        aligned.add(r.aligned)
    alike = sum(r.alike for r in results)
    return (f"| {title} | {len(results)} | {alike} | {order.f1:.3f} | {aligned.overall.f1:.3f} "
            f"| {aligned.attribution.f1:.3f} | {aligned.measures.f1:.3f} |")


HEAD = ("| documents | n | labelled alike | micro F1 in order | aligned F1 | attribution F1 (matched) "
        "| measure F1 |\n|---|---:|---:|---:|---:|---:|---:|")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="directories of second labellings (r*.json)")
    ap.add_argument("--corpus", type=Path, default=REAL, help="the first labellings and the texts")
    ap.add_argument("--extractor", action="store_true",
                    help="also score today's extractor against each labelling")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    pairs: list[Agreement] = []
    vs_first: list[Agreement] = []
    vs_second: list[Agreement] = []
    for d in args.dirs:
        for second in sorted(d.glob("r*.json")):
            first = args.corpus / second.name
            if not first.exists():
                print(f"{second}: no labelling of that name in {args.corpus}", file=sys.stderr)
                return 2
            _, text = read_real(first.with_suffix(".txt"))
            a, b = from_label(first, text), from_label(second, text)
            pairs.append(agree(second.stem, a, b))
            if args.extractor:
                x = from_extractor(text, first.with_suffix(".txt").name)
                vs_first.append(agree(second.stem, a, x))
                vs_second.append(agree(second.stem, b, x))
    print(HEAD)
    print(row("second labelling against the first", pairs))
    if args.extractor:
        print(row("extractor against the first labelling", vs_first))
        print(row("extractor against the second labelling", vs_second))
    print()
    print("| document | measures (first / second) | alike | in order | aligned |\n|---|---|---|---:|---:|")
    for r in pairs:
        print(f"| {r.name} | {r.measures[0]} / {r.measures[1]} | {'yes' if r.alike else 'no'} "
              f"| {r.in_order.f1:.3f} | {r.aligned.overall.f1:.3f} |")
    if args.verbose:
        for r in pairs:
            for p in r.problems:
                print(f"{r.name}: " + p.replace("not found", "not in the second").replace("gold", "first")
                      .replace("found", "second"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
