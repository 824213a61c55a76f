"""The real corpus (tests/corpus_real/) as the tests read it: the scoring script
loaded once, a document's text parsed, a document held to its labels.

A helper module, not a test module (see helpers.py)."""

from __future__ import annotations

import importlib.util
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from types import ModuleType
from typing import Any

from govgraph.loaders.notice import Notice, parse_notice
from govgraph.loaders.notice.unit_lists import list_mentions
from helpers import REPO

REAL = REPO / "tests" / "corpus_real"


@cache
def script(name: str) -> ModuleType:
    """scripts/NAME.py, loaded once per test session (registered in sys.modules:
    the scripts' dataclasses look their module up, and they import each other)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def quality() -> ModuleType:
    """scripts/extract_quality.py."""
    return script("extract_quality")


def renderings() -> ModuleType:
    """scripts/renderings.py (the same document in other renderings)."""
    return script("renderings")


def unit_names(text: str) -> list[str]:
    """The unit names a list reads as, heads first (list_mentions over the whole text)."""
    leads, mentions = list_mentions(text, 0, len(text))
    return [u.name for u in leads + mentions]


# Parses and scores made ahead for the whole corpus (parse_all), read by real_notice and evaluated.
_PARSED: dict[str, Notice] = {}
_EVALUATED: dict[str, Any] = {}


def _parse_and_score(stem: str) -> tuple[Notice | None, Any]:
    try:
        notice = real_notice(stem)
    except Exception:  # refused documents are parsed (and refused) again in the session itself
        return None, None
    return notice, evaluated(stem)


def parse_all(stems: list[str]) -> None:
    """Parse and score the documents ``stems`` on every core at once, ahead of real_notice
    and evaluated: the corpus score reads all of them, and one core's parse of the corpus
    is most of the fast tier's time."""
    todo = [s for s in stems if s not in _PARSED]
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or len(todo) < 20:
        return
    with ProcessPoolExecutor(workers) as pool:
        for stem, (notice, result) in zip(todo, pool.map(_parse_and_score, todo, chunksize=8), strict=True):
            if notice is not None:
                _PARSED[stem], _EVALUATED[stem] = notice, result


@cache
def real_notice(stem: str) -> Notice:
    """The real document ``stem`` parsed, its header stripped: parsed once per test
    session (the corpus score and a document's own tests read the same parse), so
    treat it as read-only."""
    if stem in _PARSED:
        return _PARSED[stem]
    _header, text = quality().read_real(REAL / f"{stem}.txt")
    return parse_notice(text, source=f"{stem}.txt")


def _parse_real(text: str, source: str) -> Notice:
    """``parse_notice`` for ``evaluate_real_document``: the session's parse of that
    document (the same text: its file with the header stripped)."""
    stem = source.removesuffix(".txt")
    assert quality().read_real(REAL / source)[1] == text, source
    return real_notice(stem)


@cache
def evaluated(stem: str) -> Any:
    """The real document ``stem`` scored against its labels, once per session."""
    if stem in _EVALUATED:
        return _EVALUATED[stem]
    return quality().evaluate_real_document(REAL / f"{stem}.json", parse=_parse_real)


def evaluate_real() -> list[Any]:
    """Every labelled real document scored, as ``extract_quality.evaluate_real``."""
    stems = [p.stem for p in sorted(REAL.glob("r*.json"))]
    parse_all(stems)
    return [evaluated(stem) for stem in stems]


def assert_exact(stem: str) -> None:
    """The real document ``stem`` is read exactly as labelled."""
    res = evaluated(stem)
    assert res.exact, res.problems


def measure_roles(text: str) -> list[list[tuple[str, list[str]]]]:
    """Each measure the reader finds in ``text``: its attributions as (role, unit names)."""
    return [[(a.role, [u.name for u in a.units]) for a in m.attributions] for m in parse_notice(text).measures]


def clause_roles(text: str) -> list[tuple[str, list[str]]]:
    """The attributions running text gives, read over the whole of ``text``."""
    from govgraph.loaders.notice.running_text import subject_clauses

    return [(a.role, [u.name for u in a.units]) for a in subject_clauses(text, 0, len(text))[0]]
