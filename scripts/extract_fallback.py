#!/usr/bin/env python
"""What the paragraph reader (loaders/notice/fallback.py) reads of the real documents.

The paragraph reader is the extractor's last resort: it reads a document the
structured readers refuse (no numbered measures, no attributions inside them).
The real corpus is read by the structured readers, so two figures say what the
fallback is worth on a document it is left with:

- ``alone``: every real document (tests/corpus_real/) read by the paragraph
  reader alone, as published, scored against its labels (in order and aligned
  by text, scripts/measure_alignment.py);
- ``numbering lost``: every document with its items' numbering markers taken
  out (scripts/renderings.py ``numbering_lost``, as copying an HTML list leaves
  it), read by the whole extractor, which falls back where it finds no
  numbered measure; beside it the same documents read as published.

Per level and per family, and the documents it refuses.

    .venv/bin/python scripts/extract_fallback.py
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_quality as eq  # noqa: E402  (sibling script modules)
import measure_alignment as ma  # noqa: E402
from renderings import numbering_lost  # noqa: E402


def fallback_alone(text: str, source: str) -> object:
    """The paragraph reader on its own, as parse uses it when the structured readers refuse."""
    from govgraph.loaders.notice.layout import detect_layout
    from govgraph.loaders.notice.parse import _fallback_notice  # the reader measured, not an API

    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _fallback_notice(text, f"{source}: the paragraph reader found no duty", source=source,
                            doc_id=None, sha=sha, layout=detect_layout(text))


class Tally:
    def __init__(self) -> None:
        self.documents = 0
        self.exact = 0
        self.refused = 0
        self.triples = eq.Score()
        self.aligned = ma.Aligned()

    def add(self, r: eq.RealResult) -> None:
        self.documents += 1
        self.exact += r.exact
        self.refused += any(p.startswith("refused") for p in r.problems)
        self.triples.add(r.triples)
        self.aligned.add(r.aligned)

    def row(self, name: str) -> str:
        t = self.triples
        return (f"| {name} | {self.documents} | {self.refused} | {self.exact} | {t.precision:.3f} | "
                f"{t.recall:.3f} | {eq.f1(t):.3f} | {self.aligned.overall.f1:.3f} |")


HEAD = ("| {what} | documents | refused | read exactly | precision | recall | in-order F1 | aligned F1 |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|")


def _table(title: str, results: list[eq.RealResult]) -> str:
    groups: dict[str, Tally] = defaultdict(Tally)
    for r in results:
        groups["all"].add(r)
        groups[f"level: {r.level}"].add(r)
        for f in r.families:
            groups[f"family: {f}"].add(r)
    order = ["all"] + sorted(k for k in groups if k != "all")
    return "\n".join([f"**{title}**", "", HEAD.format(what=title)] + [groups[k].row(k) for k in order])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the documents refused")
    args = ap.parse_args(argv)
    files = sorted(eq.REAL.glob("r*.json"))
    alone = [eq.evaluate_real_document(f, parse=fallback_alone) for f in files]
    lost = [eq.evaluate_real_document(f, render=numbering_lost) for f in files]
    lost_alone = [eq.evaluate_real_document(f, parse=fallback_alone, render=numbering_lost) for f in files]
    published = [eq.evaluate_real_document(f) for f in files]
    print(_table("fallback alone, as published", alone))
    print()
    print(_table("fallback alone, numbering lost", lost_alone))
    print()
    print(_table("whole extractor, numbering lost", lost))
    print()
    print(_table("whole extractor, as published", published))
    if args.verbose:
        for title, results in (("alone", alone), ("numbering lost", lost)):
            print(f"\nrefused ({title}): " + ", ".join(r.name.split("_")[0] for r in results
                                                     if any(p.startswith("refused") for p in r.problems)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
