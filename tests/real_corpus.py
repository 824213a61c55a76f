"""The real corpus (tests/corpus_real/) as the tests read it: the scoring script
loaded once, a document's text parsed, a document held to its labels.

A helper module, not a test module (see helpers.py)."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from types import ModuleType

from govgraph.loaders.notice import Notice, parse_notice
from helpers import REPO

REAL = REPO / "tests" / "corpus_real"


@cache
def quality() -> ModuleType:
    """scripts/extract_quality.py, loaded once per test session."""
    spec = importlib.util.spec_from_file_location("extract_quality", REPO / "scripts" / "extract_quality.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def real_notice(stem: str) -> Notice:
    """The real document ``stem`` parsed, its header stripped."""
    _header, text = quality().read_real(REAL / f"{stem}.txt")
    return parse_notice(text, source=f"{stem}.txt")


def assert_exact(stem: str) -> None:
    """The real document ``stem`` is read exactly as labelled."""
    res = quality().evaluate_real_document(REAL / f"{stem}.json")
    assert res.exact, res.problems
