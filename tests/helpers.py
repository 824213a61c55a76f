"""Paths shared by the test tiers (tests/unit, tests/engine, tests/system).

A helper module, not a test module: tests import it (``from helpers import ...``;
pyproject.toml puts tests/ on the path), never each other.
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
# The small hand-made registry every test store is loaded with.
REGISTRY = TESTS / "data" / "registry"
# One notice of each layout the extractor reads, with the answers expected of it.
CORPUS = TESTS / "corpus"
# Hand-made notices whose networks the analytics tests computed by hand (not real).
ANALYTICS = TESTS / "data" / "analytics"
