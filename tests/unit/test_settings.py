"""Settings that are refused before anything starts (`serve --answer-cache`)."""

from __future__ import annotations

import pytest

from govgraph.settings import Settings


def test_serve_refuses_a_negative_interval():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Settings(answer_cache_s=-1)

