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


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """One flat row of a model or mapping: nested keys joined by dots, lists kept.

    >>> flatten({"unit": {"id": "u1", "name": "市住建局"}, "lead": 2, "ids": [1, 2]})
    {'unit.id': 'u1', 'unit.name': '市住建局', 'lead': 2, 'ids': [1, 2]}
    """
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    out: dict[str, Any] = {}
    for k, v in value.items():
        key = f"{prefix}{k}"
        if isinstance(v, BaseModel):
            v = v.model_dump(mode="json")
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out


def csv_cell(v: Any) -> str:
    """A JSON value as CSV text: strings as they are, null empty, numbers and true /
    false as JSON writes them, lists and maps as JSON text.

    >>> [csv_cell(x) for x in ("市住建局", None, 3, 0.5, True, [1, "a"])]
    ['市住建局', '', '3', '0.5', 'true', '[1, "a"]']
    """
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, BaseModel):
        v = v.model_dump(mode="json")
    return json.dumps(v, ensure_ascii=False)


def csv_rows(items: Iterable[Any], **extra: Any) -> list[dict[str, str]]:
    """The rows ``to_csv`` writes: each item flattened, ``extra`` columns added, every
    cell as ``csv_cell`` gives it. Reading the CSV back with ``csv.DictReader`` gives
    exactly these rows. A field that is null in some rows and nested in others is only
    its dotted columns (empty where it was null), not also a column of its own.

    >>> csv_rows([{"manager": None, "role": "x"}, {"manager": {"id": "m1"}, "role": "y"}])
    [{'role': 'x', 'manager.id': ''}, {'role': 'y', 'manager.id': 'm1'}]
    """
    rows = []
    for it in items:
        flat = flatten(it) if isinstance(it, BaseModel | dict) else {"value": it}
        flat.update(extra)
        rows.append({k: csv_cell(v) for k, v in flat.items()})
    cols: dict[str, None] = {}
    for r in rows:
        cols.update(dict.fromkeys(r))
    nested = {c[:i] for c in cols for i, ch in enumerate(c) if ch == "."}
    keep = [c for c in cols if c not in nested or any(r.get(c, "") for r in rows)]
    return [{c: r.get(c, "") for c in keep} for r in rows]


def to_csv(items: Iterable[Any], **extra: Any) -> str:
    """CSV of a list of answers (one row each, nested fields as dotted columns), for
    Excel and pandas; the columns are the union of the rows' keys in first-seen order.

    >>> print(to_csv([{"unit": {"name": "市住建局"}, "lead": 12}]), end="")
    unit.name,lead
    市住建局,12
    """
    import csv
    import io

    rows = csv_rows(items, **extra)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def csv_option(row: str) -> Any:
    """The `--csv` flag of a list command, saying what one row is. Every command that
    has it prints through ``emit``, so its CSV is ``to_csv`` of the rows of its JSON."""
    import click

    return click.option("--csv", "as_csv", is_flag=True, help=csv_help(row))


def csv_help(row: str) -> str:
    """The help of `--csv`, saying what one row is."""
    return (f"Print CSV: one row per {row}; nested fields as dotted columns, "
            "lists as JSON text (the rows of --json).")


def emit(answer: Any, as_json: bool, as_csv: bool, rows: Any = None, **extra: Any) -> bool:
    """Print ``answer`` as JSON, or its rows as CSV (``rows(answer)``, or the answer
    itself when it is already a list; ``extra`` columns on every row), and say whether
    it did; the caller prints its table otherwise. Call it after the answer went
    through the same disclosure and audit as the table."""
    import click

    if as_json and as_csv:
        raise click.UsageError("give --json or --csv, not both")
    if as_json:
        click.echo(to_json(answer))
        return True
    if as_csv:
        click.echo(to_csv(answer if rows is None else rows(answer), **extra), nl=False)
        return True
    return False
