"""Unit / duty tables: a duty list (职责分工) laid out as a table of two columns.

A 成员单位职责分工 annex often puts each unit in a cell of its own and its duty in
the cell beside it, under a header ``单位`` / ``职责分工`` (``部门`` / ``工作职责``,
``成员单位`` / ``主要职责`` …), with no role column. Flattened to text, one cell per
paragraph (or per line), it reads::

    单位
    职责分工
    区财政局
    负责保障经费。
    区市场监管局
    配合做好市场监管领域有关工作。

Each row is a duty item: its unit cell is the holder, the role that of the first
role verb of the duty cell's first clause (to the first ``；`` or ``。``), as in a
duty list (see duties): 牵头 → lead, 配合 / 协助 / 参与 … → support, 负责 or no
role verb → responsible. A cell naming bodies and nothing else starts a row; the
cells after it, up to the next such cell, are its duty.
"""

from __future__ import annotations

import re
from itertools import islice

from .duties import Duty
from .duty_words import duty_role
from .model import Attribution, UnitMention
from .table_cells import unit_cell
from .table_model import Cell, body_column, column_role
from .table_paragraphs import paragraph_cells

# The duty column's header: 职责, 职责分工, 工作职责, 主要职责, 职责任务.
_DUTY_COLUMN_RE = re.compile(r"(?:工作|主要|部门|单位)?职责(?:分工|任务|内容)?")
# The unit column's header: a body column (单位, 部门, 成员单位) or its name (单位名称).
_NAME_COLUMN_RE = re.compile(r"(?:成员)?(?:单位|部门)名称")
# A unit cell: a short list of names, no sentence in it.
_SENTENCE_MARK_RE = re.compile(r"[。；;：:，,]")


def _squeezed(cell: Cell) -> str:
    return re.sub(r"\s+", "", cell.text)


def _unit_column(name: str) -> bool:
    return (body_column(name) or bool(_NAME_COLUMN_RE.fullmatch(name))) and column_role(name) is None


def _line_cells(text: str, start: int) -> list[Cell]:
    """Each non-blank line from text[start:] a cell (a table flattened one cell per line)."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = start + m.start(), start + m.end()
        while s < e and text[s] in " \t\r\u3000|":
            s += 1
        while e > s and text[e - 1] in " \t\r\u3000|":
            e -= 1
        if s < e:
            out.append(Cell(s, e, text[s:e]))
    return out


def _units_of(text: str, cell: Cell) -> list[UnitMention] | None:
    """The bodies a cell names, when it names bodies and nothing else."""
    name = _squeezed(cell)
    if not 2 <= len(name) <= 40 or _SENTENCE_MARK_RE.search(name) or _DUTY_COLUMN_RE.fullmatch(name):
        return None
    read = unit_cell(text, cell)
    if read is None:
        return None
    units = [u for u in read[0] + read[1] if isinstance(u, UnitMention)]
    return units or None


def _cells_after_header(text: str) -> tuple[list[Cell], tuple[str, str]] | None:
    """The cells under the first ``单位`` / ``职责`` header, and the header's names."""
    for m in re.finditer(r"[^\n]+", text):
        name = re.sub(r"\s+", "", m.group(0))
        if not _unit_column(name):
            continue
        paragraphs = list(islice(paragraph_cells(text, m.start()), 2))
        lines = _line_cells(text, m.start())[:2]
        for cells in (paragraphs, lines):
            if (len(cells) == 2 and _squeezed(cells[0]) == name
                    and _DUTY_COLUMN_RE.fullmatch(_squeezed(cells[1]))):
                header = (name, _squeezed(cells[1]))
                rest = (list(paragraph_cells(text, cells[1].end)) if cells is paragraphs
                        else _line_cells(text, cells[1].end))
                return rest, header
    return None


def duty_table(text: str) -> list[Duty]:
    """The rows of a unit / duty table (r1122), each a duty item; [] when the document
    has no such table, or fewer than two rows read."""
    found = _cells_after_header(text)
    if found is None:
        return []
    cells, header = found
    rows: list[tuple[Cell, list[UnitMention], list[Cell]]] = []
    for cell in cells:
        name = _squeezed(cell)
        if rows and name == header[0]:
            continue  # the header again, after a page break
        if rows and name == header[1] and not rows[-1][2]:
            continue
        units = _units_of(text, cell)
        if units is not None and (not rows or rows[-1][2]):
            rows.append((cell, units, []))
        elif rows:
            rows[-1][2].append(cell)
        else:
            return []  # the first cell under the header names no body: not such a table
    out = []
    for unit, units, duty in rows:
        if not duty:
            continue
        start, end = duty[0].start, duty[-1].end
        role, verb = duty_role(text, start, end, clause_ends=True)
        attribution = Attribution(role=role, label=verb or "职责分工", clause=text[unit.start : unit.end],
                                  start=unit.start, end=unit.end, units=units)
        out.append(Duty(start=unit.start, end=end, marker="", attribution=attribution, duty_start=start))
    return out if len(out) >= 2 else []


__all__ = ["duty_table"]
