"""govgraph's HTTP API and browser view (FastAPI): ``create_app(settings, store)``."""

from __future__ import annotations


def create_app(settings=None, store=None):
    from .app import create_app as _create

    return _create(settings, store)


__all__ = ["create_app"]
