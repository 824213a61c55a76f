"""The layer contract (import-linter) and the type check (mypy), on the package as
it is installed.

    .venv/bin/python scripts/check.py            # both
    .venv/bin/python scripts/check.py layers     # lint-imports only
    .venv/bin/python scripts/check.py types      # mypy only

setuptools installs the top-level folders graph/, loaders/, queries/ and api/ as
govgraph.graph, govgraph.loaders, ... (``package-dir`` in pyproject.toml). The
editable install maps them with an import hook, which neither tool can see, and
both find modules by walking folders. So this lays the package out as installed,
in build/layout/govgraph (a tree of symlinks to the source files, rebuilt on every
run, so new and removed files count), and runs both tools there with the settings
in pyproject.toml. mypy's file names are given back as the source files' own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LAYOUT = REPO / "build" / "layout"
BIN = Path(sys.executable).parent


def package_dirs() -> dict[str, Path]:
    """Each installed package and the folder it comes from, as pyproject.toml maps them."""
    setup = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    return {name: REPO / folder for name, folder in setup["package-dir"].items()}


def lay_out() -> dict[str, str]:
    """Build LAYOUT; returns {laid-out folder: source folder}, both relative, for
    giving file names back."""
    shutil.rmtree(LAYOUT, ignore_errors=True)
    back: dict[str, str] = {}
    for name, src in sorted(package_dirs().items()):
        dest = LAYOUT.joinpath(*name.split("."))
        back[dest.relative_to(LAYOUT).as_posix() + "/"] = src.relative_to(REPO).as_posix() + "/"
        mapped_below = {d for d in package_dirs().values() if d != src and d.is_relative_to(src)}
        for py in sorted(src.rglob("*.py")):
            if "__pycache__" in py.parts or any(py.is_relative_to(d) for d in mapped_below):
                continue
            link = dest / py.relative_to(src)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(py)
    # Both tools read their settings from pyproject.toml in the working directory.
    (LAYOUT / "pyproject.toml").symlink_to(REPO / "pyproject.toml")
    return back


def layers() -> int:
    # From inside LAYOUT, so that it is the laid-out govgraph that is found, not
    # the repository's govgraph/ folder (import-linter puts the working directory
    # on the path).
    env = {**os.environ, "PYTHONPATH": str(LAYOUT)}
    return subprocess.run([str(BIN / "lint-imports"), "--no-cache", "--no-logo"], cwd=LAYOUT,
                          env=env).returncode


def types(back: dict[str, str]) -> int:
    res = subprocess.run([str(BIN / "mypy"), "--cache-dir", str(REPO / "build" / "mypy-cache"),
                          "-p", "govgraph"], cwd=LAYOUT, capture_output=True, text=True,
                         env={**os.environ, "MYPYPATH": str(LAYOUT)})
    # Longest first: govgraph/graph/ before govgraph/.
    pattern = re.compile("|".join(re.escape(k) for k in sorted(back, key=len, reverse=True)))
    for line in (res.stdout + res.stderr).splitlines():
        print(pattern.sub(lambda m: back[m.group(0)], line, count=1) if pattern.match(line) else line)
    return res.returncode


def main(argv: list[str]) -> int:
    what = argv or ["layers", "types"]
    unknown = set(what) - {"layers", "types"}
    if unknown:
        print(f"usage: {sys.argv[0]} [layers] [types]; not {' '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    back = lay_out()
    failed = 0
    if "layers" in what:
        failed |= layers()
    if "types" in what:
        failed |= types(back)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
