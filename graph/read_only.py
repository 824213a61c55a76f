"""The first guard of the read-only path (``GraphStore.read_only``, ``POST /cypher``,
``govgraph cypher``): a cheap refusal of writing clauses before anything reaches
the engine. The engine's own read-only mode is the real guard (Neo4j's READ access
mode, FalkorDB's GRAPH.RO_QUERY); ``tests/engine/test_read_only_guard.py`` shows it
refuses writes this check lets through.

Comments and string literals are blanked first, so a word in them is no write:

>>> looks_like_write("MATCH (n) WHERE n.name = 'CREATE' RETURN n // no SET here")
False
>>> looks_like_write("MATCH (n) DETACH DELETE n")
True
>>> looks_like_write("MATCH (n) RETURN n; MATCH (m) RETURN m")  # several statements
True

``called_function`` finds a call to one of some functions, however it is spelt
(case, spaces or a comment before the bracket, a quoted name), so an engine can
refuse the functions it cannot run safely:

>>> called_function("RETURN SubString /* x */ (n.name, 1)", {"substring", "left"})
'substring'
>>> called_function("RETURN right(n.name, 1), 'left(' AS s, n.left", {"substring", "left"}) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

__all__ = ["REFUSAL", "called_function", "cypher_code", "looks_like_write"]

_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|INSERT|LOAD\s+CSV|CALL"
    # Commands outside a read of this graph: other databases (USE), the server's
    # transactions, settings and users (SHOW), stopping others' work (TERMINATE).
    r"|USE|SHOW|TERMINATE)\b", re.I
)

REFUSAL = ("refused: the read-only path does not run writing clauses "
           "(CREATE, MERGE, SET, DELETE, REMOVE, CALL, FOREACH, LOAD CSV), "
           "commands (SHOW, USE, TERMINATE) or several statements")

_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")


def cypher_code(cypher: str) -> str:
    """``cypher`` with its comments blanked and its string literals and quoted
    names reduced to empty ones, read in one pass from left to right as the
    engine reads it: a quote inside a comment, a comment marker inside a string
    (``'http://…'``) or a quote inside a `quoted name` cannot hide the code that
    follows. An unterminated string or comment hides nothing: the rest is kept."""
    out: list[str] = []
    i, n = 0, len(cypher)
    while i < n:
        c = cypher[i]
        if c in "'\"`":
            j = i + 1
            while j < n:
                if cypher[j] == "\\" and c != "`":
                    j += 2
                    continue
                if cypher[j] == c:
                    if c == "`" and j + 1 < n and cypher[j + 1] == "`":  # `a``b`
                        j += 2
                        continue
                    break
                j += 1
            if j >= n:  # unterminated: keep it all, the engine will refuse it
                out.append(cypher[i:])
                break
            out.append(c + c)
            i = j + 1
        elif cypher.startswith("//", i):
            # Ends at any line break an engine might take for one (Neo4j: \r too):
            # seeing more code than the engine does is safe, less is not.
            m = _LINE_BREAK.search(cypher, i)
            out.append(" ")
            i = n if m is None else m.start()
        elif cypher.startswith("/*", i):
            j = cypher.find("*/", i + 2)
            if j < 0:
                out.append(cypher[i:])
                break
            out.append(" ")
            i = j + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def looks_like_write(cypher: str) -> bool:
    """A first, cheap refusal for the read-only path; the engine's own read-only
    mode is the real guard (Neo4j READ access mode, FalkorDB GRAPH.RO_QUERY)."""
    code = cypher_code(cypher)
    return bool(_WRITE_CLAUSES.search(code)) or ";" in code.strip().rstrip(";")


# A name called as a function: not a property (n.left), a parameter ($left) or
# part of a longer name; a quoted name (`left`) is blanked to `` by cypher_code.
_CALL = re.compile(r"(?<![\w.$])([A-Za-z_]\w*|``)\s*\(")


def called_function(cypher: str, names: AbstractSet[str]) -> str | None:
    """The first function in ``names`` (lower case) that ``cypher`` calls, or None.
    A call through a quoted name counts as a call to one of them, since which
    function it names is not read back: it is returned as ``'`…`'``."""
    for m in _CALL.finditer(cypher_code(cypher)):
        name = m.group(1).lower()
        if name in names:
            return name
        if name == "``":
            return "`…`"
    return None
