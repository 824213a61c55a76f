"""The errors govgraph expects, each carrying how both surfaces report it.

Every expected failure is a :class:`GovgraphError`: its ``exit_code`` is what
the CLI exits with (one ``error:`` line on stderr) and its ``problem`` is the
slug of the HTTP problem type (``/problems/<slug>``, RFC 9457) the API answers
with, at that type's status. Each layer keeps its own subclasses (the store's
``StoreError``, the catalogue's ``CatalogueError``, the loaders' ``NoticeError``
…) and says there how it is reported; the CLI's ``handle_errors`` and the API's
problem handler read the two attributes and map nothing by hand, so a surface
cannot report an error differently from the other.

This module is the bottom layer: every other one may import it.

>>> e = NotFound("unknown measure 99")
>>> (e.exit_code, e.problem, str(e))
(2, 'not-found', 'unknown measure 99')
>>> InvalidArgument("depth must be 1 to 3").problem
'invalid-argument'
"""

from __future__ import annotations

__all__ = ["GovgraphError", "InvalidArgument", "NotFound", "reported"]


class GovgraphError(Exception):
    """An expected failure; its message says what and where, in one sentence.

    Subclasses set ``exit_code`` (CLI) and ``problem`` (HTTP problem type slug).
    It is a mixin as much as a base: a subclass may also derive from the builtin
    it has always been (``ValueError``, ``LookupError``, ``RuntimeError`` …), so
    callers that catch those still do.
    """

    exit_code: int = 1
    problem: str = "internal-error"

    def __str__(self) -> str:
        # The message as written, also for KeyError subclasses (whose str() quotes it).
        if len(self.args) == 1 and isinstance(self.args[0], str):
            return self.args[0]
        return super().__str__()


class NotFound(GovgraphError, LookupError):
    """An unknown measure, unit or issue type; the message names what was asked."""

    exit_code = 2
    problem = "not-found"


class InvalidArgument(GovgraphError, ValueError):
    """A question asked with an argument that cannot be right (an unknown node kind,
    a depth out of range); the message says what is allowed."""

    exit_code = 1
    problem = "invalid-argument"


def reported(e: BaseException) -> tuple[int, str]:
    """(exit code, problem slug) for any exception: a :class:`GovgraphError` says its
    own; anything else is an internal error (exit 1, ``internal-error``).

    >>> reported(NotFound("x"))
    (2, 'not-found')
    >>> reported(ZeroDivisionError())
    (1, 'internal-error')
    """
    if isinstance(e, GovgraphError):
        return e.exit_code, e.problem
    return 1, "internal-error"
