"""What a change to the extractor changes on documents nobody labelled.

A rule fitted on labelled documents is checked on them; what it does to the
documents no one has labelled is the question the next unseen batch answers.
This script reads every ``*.txt`` of a directory (``# key: value`` header lines
and the blank line after them skipped, as in the real corpus), keeps what the
extractor read of each (measures' first characters and their (role, unit) pairs,
or the refusal), and, given the readings of an earlier extractor, lists every
document whose reading changed: each change to look at by eye before keeping a
rule.

    .venv/bin/python scripts/pool_diff.py DIR --save /tmp/before.json   # before the change
    .venv/bin/python scripts/pool_diff.py DIR --against /tmp/before.json  # after it
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_quality import FIELDS, read_real  # noqa: E402

Reading = dict[str, object]


def read_document(path: Path) -> Reading:
    """What the extractor reads of one document: ``{"measures": [[text, [[role, unit], …]], …]}``
    or ``{"refused": message}``."""
    from govgraph.loaders.notice import NoticeError, parse_notice
    _, text = read_real(path)
    try:
        notice = parse_notice(text, source=path.name)
    except NoticeError as e:
        return {"refused": str(e).split(": ", 1)[-1]}
    return {"measures": [[m.text[:24], [[f, u] for f in FIELDS for u in m.units(f)]]
                         for m in notice.measures if any(a.units for a in m.attributions)]}


def read_directory(directory: Path) -> dict[str, Reading]:
    return {p.name: read_document(p) for p in sorted(directory.glob("*.txt"))}


def changes(before: dict[str, Reading], after: dict[str, Reading]) -> list[str]:
    """One line per measure added, dropped or read differently, per document, in name order."""
    out: list[str] = []
    for name in sorted(set(before) | set(after)):
        b, a = before.get(name, {}), after.get(name, {})
        if a == b:
            continue
        if "refused" in a or "refused" in b:
            out.append(f"{name}: {_summary(b)} → {_summary(a)}")
            continue
        bm = {t: {tuple(x) for x in units} for t, units in b.get("measures", [])}  # type: ignore[union-attr]
        am = {t: {tuple(x) for x in units} for t, units in a.get("measures", [])}  # type: ignore[union-attr]
        for t in sorted(set(bm) | set(am)):
            if t not in am:
                out.append(f"{name}: measure {t!r} no longer read ({len(bm[t])} units)")
            elif t not in bm:
                out.append(f"{name}: measure {t!r} read anew: {_units(am[t])}")
            elif am[t] != bm[t]:
                gone, new = bm[t] - am[t], am[t] - bm[t]
                out.append(f"{name}: measure {t!r}: " + "; ".join(
                    part for part in (f"- {_units(gone)}" if gone else "", f"+ {_units(new)}" if new else "")
                    if part))
    return out


def _units(units: set[tuple[str, ...]]) -> str:
    return ", ".join(f"{role} {unit}" for role, unit in sorted(units))


def _summary(r: Reading) -> str:
    if "refused" in r:
        return f"refused ({r['refused']})"
    return f"{len(r.get('measures', []))} measures"  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", type=Path, help="a directory of *.txt documents")
    ap.add_argument("--save", type=Path, help="write the readings here")
    ap.add_argument("--against", type=Path, help="readings saved earlier: list what changed")
    args = ap.parse_args(argv)
    readings = read_directory(args.directory)
    if args.save:
        args.save.write_text(json.dumps(readings, ensure_ascii=False, indent=0), "utf-8")
    refused = sum("refused" in r for r in readings.values())
    print(f"{len(readings)} documents read, {refused} refused, "
          f"{sum(len(r.get('measures', [])) for r in readings.values())} measures with units")  # type: ignore[arg-type]
    if args.against:
        before = json.loads(args.against.read_text("utf-8"))
        lines = changes(before, readings)
        print(f"{len({line.split(':', 1)[0] for line in lines})} documents read differently")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
