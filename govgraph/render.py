"""Plain-text tables that line up with Chinese text, and stable JSON.

>>> print(table(["单位", "n"], [["市住建局", 3], ["市委组织部", 12]]))
单位        n
----------  --
市住建局    3
市委组织部  12
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel


def display_width(s: str) -> int:
    """The columns a terminal gives the text: two for each wide (Chinese) character.

    >>> display_width("市住建局"), display_width("unit 11")
    (8, 7)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - display_width(s))


def _cell(v: Any, limit: int) -> str:
    s = "" if v is None else str(v)
    s = " ".join(s.split())
    if display_width(s) > limit:
        out, w = "", 0
        for ch in s:
            cw = display_width(ch)
            if w + cw > limit - 1:
                break
            out += ch
            w += cw
        s = out + "…"
    return s


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], max_col: int = 60) -> str:
    cells = [[_cell(v, max_col) for v in r] for r in rows]
    widths = [display_width(h) for h in headers]
    for r in cells:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], display_width(c))
    line = "  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()
    sep = "  ".join("-" * w for w in widths)
    body = ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join([line, sep, *body]) if body else line + "\n" + sep + "\n(no rows)"


def to_json(value: Any) -> str:
    def default(o: Any) -> Any:
        if isinstance(o, BaseModel):
            return o.model_dump(mode="json")
        raise TypeError(f"not JSON-serialisable: {type(o).__name__}")

    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    elif isinstance(value, list):
        value = [v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]
    return json.dumps(value, ensure_ascii=False, indent=2, default=default)
