#!/usr/bin/env python
"""The real documents read exactly, read again in other renderings of the same text.

A government publishes one document as a web page, a Word file and a PDF; the
text differs (hard-wrapped lines, indented paragraphs, blank lines, CRLF,
page footers, half- or full-width punctuation, ``1.`` / ``1．`` / ``1、``) but its
measures and units do not, so its labels still hold. For each rendering of
scripts/renderings.py, every real document (tests/corpus_real/) the extractor
reads exactly as published is rendered and scored against its unchanged labels,
in order and with measures aligned by text (scripts/measure_alignment.py).

    .venv/bin/python scripts/extract_robustness.py              # the table and the documents that break
    .venv/bin/python scripts/extract_robustness.py -v           # and every miss / false unit
    .venv/bin/python scripts/extract_robustness.py --only wrap --docs r01_dazhu_msss_2016
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_quality as eq  # noqa: E402  (sibling script modules)
import measure_alignment as ma  # noqa: E402
from renderings import RENDERINGS  # noqa: E402


@dataclass
class RenderingResult:
    name: str
    documents: int = 0
    changed: int = 0  # documents whose text the rendering changes at all
    exact: int = 0
    triples: eq.Score = field(default_factory=eq.Score)
    aligned: ma.Aligned = field(default_factory=ma.Aligned)
    broken: list[eq.RealResult] = field(default_factory=list)

    def row(self) -> str:
        return (f"| {self.name} | {self.documents} | {self.changed} | {self.exact} | "
                f"{eq.f1(self.triples):.3f} | {self.aligned.overall.f1:.3f} | "
                f"{', '.join(r.name.split('_')[0] for r in self.broken) or '—'} |")


HEAD = ("| rendering | documents | changed by it | still exact | in-order F1 | aligned F1 | broken |\n"
        "|---|---:|---:|---:|---:|---:|---|")


def _guarded(render: Callable[[str], str]) -> Callable[[str, str], object]:
    """parse_notice, with an unexpected exception turned into a refusal that names it."""
    from govgraph.loaders.notice import NoticeError, parse_notice

    def parse(text: str, source: str) -> object:
        try:
            return parse_notice(text, source=source)
        except NoticeError:
            raise
        except Exception as e:  # a crash on a rendering is a finding, not a stop
            raise NoticeError(f"{source}: crashed on the {render.__name__} rendering: {e!r}") from None
    return parse


def score_rendering(name: str, render: Callable[[str], str], label_files: list[Path]) -> RenderingResult:
    out = RenderingResult(name)
    for lf in label_files:
        out.documents += 1
        text = eq.read_real(lf.with_suffix(".txt"))[1]
        out.changed += render(text) != text
        r = eq.evaluate_real_document(lf, parse=_guarded(render), render=render)
        out.triples.add(r.triples)
        out.aligned.add(r.aligned)
        if r.exact:
            out.exact += 1
        else:
            out.broken.append(r)
    return out


def exact_documents(names: list[str] | None = None) -> list[Path]:
    """The label files of the real documents read exactly as published."""
    files = sorted(eq.REAL.glob("r*.json"))
    if names:
        files = [f for f in files if f.stem in names or f.stem.split("_")[0] in names]
    return [f for f in files if eq.evaluate_real_document(f).exact]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false unit")
    ap.add_argument("--only", help="the renderings whose name contains this")
    ap.add_argument("--docs", help="comma-separated documents (r01 or r01_dazhu_msss_2016)")
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    files = exact_documents(args.docs.split(",") if args.docs else None)
    print(f"{len(files)} real documents read exactly as published, each read in every rendering:\n")
    print(HEAD)
    results = []
    for name, render in RENDERINGS.items():
        if args.only and args.only.lower() not in name.lower() and args.only != render.__name__:
            continue
        res = score_rendering(name, render, files)
        results.append(res)
        print(res.row(), flush=True)
    print()
    for res in results:
        for r in res.broken:
            problems = r.problems if args.verbose else r.problems[:2]
            more = f" (+{len(r.problems) - len(problems)} more)" if len(problems) < len(r.problems) else ""
            print(f"{res.name} — {r.name}: {'; '.join(problems)}{more}")
    print(f"\n({time.monotonic() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
