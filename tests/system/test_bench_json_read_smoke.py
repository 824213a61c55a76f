"""`python -m bench json-read` runs end to end at a tiny size. Only the report's
shape is checked: both readers, every row read. No test asserts a timing."""

from __future__ import annotations

import sys

import pytest
from helpers import REPO

sys.path.insert(0, str(REPO))  # `bench` is a folder of the repository, not an installed package

from bench.__main__ import main  # noqa: E402

pytestmark = pytest.mark.slow


def test_json_read_reports_both_readers(capsys):
    assert main(["json-read", "--sizes", "300", "--no-write"]) == 0
    out = capsys.readouterr().out
    assert "| 300 | 0 | whole |" in out and "| 300 | 0 | stream |" in out
