"""The test tree's own rules, checked in the fast loop.

The tiers (tests/unit, tests/engine, tests/system) have no ``__init__.py``, so
pytest imports each module by its file name: two modules of one name in two
tiers pass alone and break the whole run's collection.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent


def test_no_two_test_modules_share_a_name():
    names = Counter(p.name for p in TESTS.rglob("test_*.py"))
    assert [n for n, c in names.items() if c > 1] == []
