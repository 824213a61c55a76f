"""Draw held-out batches, and build the unlabelled pool, from a LawRefBook/Laws snapshot.

The real corpus's regulation batches (AF on) are first chapters (第一章 总则) of local regulations
from the public repository LawRefBook/Laws (`fetch github:LawRefBook/Laws` gives a bare mirror):

    python scripts/lawrefbook.py draw SEED [N] --repo MIRROR [--even]   # the next batch's paths
    python scripts/lawrefbook.py pool OUT_DIR --repo MIRROR             # the unlabelled pool

``draw`` lists the repository's Markdown local regulations outside Shanghai, sorts and shuffles
them with ``random.Random(SEED)``, and keeps the first N not yet in the corpus, one a city (the file
name's first two characters), with both a ``## 第一章`` and a ``## 第二章`` line, a first chapter of
800–4,000 characters and a role word (负责, 按照各自职责, 协助, 配合): the draw rule of
tests/corpus_real/README.md. From batch BQ on, draws take only paths whose SHA-1 is even (``--even``);
the odd ones, never drawn, are the pool: ``pool`` writes their first chapters (400–6,000 characters)
as ``pNNNN.txt`` with a ``# source:`` header, for ``scripts/pool_diff.py``. Nothing here is a test; it
reads the mirror with ``git``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT / "tests" / "corpus_real"
_SOURCE_RE = re.compile(r"# source: github LawRefBook/Laws (\S+)")
_ROLE_WORD_RE = re.compile("负责|按照各自职责|协助|配合")


def used_paths(corpus: Path = CORPUS) -> set[str]:
    """The repository paths the corpus already holds (each document's ``# source:`` line)."""
    used = set()
    for f in corpus.glob("*.txt"):
        with f.open(encoding="utf-8") as fh:
            m = _SOURCE_RE.match(fh.readline())
        if m:
            used.add(m.group(1))
    return used


def regulations(repo: str) -> list[str]:
    """The snapshot's Markdown local regulations outside Shanghai, sorted."""
    out = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "-z", "--name-only", "HEAD", "DLC"],
                         capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    return sorted(p for p in out if p.endswith(".md") and "/地方性法规/" in p and "上海" not in p
                  and not p.endswith("_index.md"))


def first_chapter(repo: str, path: str) -> str | None:
    """The regulation's whole first chapter (its ``## 第一章`` line up to the ``## 第二章`` line)."""
    try:
        text = subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], capture_output=True,
                              check=True).stdout.decode("utf-8")
    except (subprocess.CalledProcessError, UnicodeDecodeError):
        return None
    lines = text.split("\n")
    s = next((i for i, line in enumerate(lines) if re.match(r"##\s*第一章", line)), None)
    e = next((i for i, line in enumerate(lines) if re.match(r"##\s*第二章", line)), None)
    if s is None or e is None or e <= s:
        return None
    return "\n".join(lines[s:e])


def odd(path: str) -> bool:
    return int(hashlib.sha1(path.encode()).hexdigest(), 16) % 2 == 1


def draw(repo: str, seed: int, n: int, even: bool = False) -> list[tuple[str, int]]:
    used = used_paths()
    # shuffled before the corpus's paths are skipped, so a seed gives the batch it gave when drawn
    paths = [p for p in regulations(repo) if not (even and odd(p))]
    random.Random(seed).shuffle(paths)
    out: list[tuple[str, int]] = []
    cities: set[str] = set()  # one regulation a city in a batch (the file name's first two characters)
    for p in paths:
        city = p.rsplit("/", 1)[1][:2]
        if p in used or city in cities:
            continue
        body = first_chapter(repo, p)
        if body is None or not 800 <= len(body) <= 4000 or not _ROLE_WORD_RE.search(body):
            continue
        cities.add(city)
        out.append((p, len(body)))
        if len(out) == n:
            break
    return out


def pool(repo: str, out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    used = used_paths()
    n = 0
    for p in regulations(repo):
        if p in used or not odd(p):
            continue
        body = first_chapter(repo, p)
        if body is None or not 400 <= len(body) <= 6000:
            continue
        n += 1
        title = p.rsplit("/", 1)[1][:-3]
        (out_dir / f"p{n:04d}.txt").write_text(
            f"# source: github LawRefBook/Laws {p}\n# title: {title}\n\n{body}\n", "utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="the next held-out batch's paths")
    d.add_argument("seed", type=int)
    d.add_argument("n", type=int, nargs="?", default=15)
    d.add_argument("--even", action="store_true", help="only paths whose SHA-1 is even (batch BQ on)")
    p = sub.add_parser("pool", help="write the unlabelled pool (paths whose SHA-1 is odd)")
    p.add_argument("out_dir", type=Path)
    for s in (d, p):
        s.add_argument("--repo", required=True, help="a LawRefBook/Laws git mirror")
    args = ap.parse_args(argv)
    if args.command == "draw":
        for path, length in draw(args.repo, args.seed, args.n, args.even):
            print(length, path)
    else:
        print(pool(args.repo, args.out_dir), "documents written to", args.out_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
