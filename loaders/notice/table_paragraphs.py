"""Tables flattened one cell per paragraph: cells split by blank lines, rows keyed
by a number cell (12, （三）) or a numbered item cell (1.做好规划配套), with group and
part cells and repeated headers between them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .numerals import cn_numeral_to_int
from .table_model import Cell, Table

NUMBER_RE = re.compile(r"\d{1,3}")
# A row's number in a cell of its own when rows are numbered within parts: （一）, (二).
PAREN_ROW_RE = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]")
# A part's number in a cell of its own, its title in the next cell: 二 (一 may show as a dash, —).
PART_CELL_RE = re.compile(r"[一二三四五六七八九十]{1,3}|[—－-]")
# A group's cell before its rows: 1.分类投放 / 二、分类运输 (a 类别 column, merged down its rows).
_GROUP_RE = re.compile(r"(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)\D")
# A numbered item's cell in a table with no 序号 column: 1.做好规划配套.
ITEM_CELL_RE = re.compile(r"(\d{1,3})[.．、]\s*\D")
CN_GROUP_RE = re.compile(r"[一二三四五六七八九十]{1,3}、\S")


def paragraph_cells(text: str, start: int) -> Iterator[Cell]:
    """Cells split by blank lines from text[start:], each cell's lines kept together;
    a lone ``|`` or ``||`` line is no cell. A generator: a caller that stops
    early (a header ends at its first row) reads no further."""
    cur: tuple[int, int] | None = None
    pos = start
    while pos <= len(text):
        nl = text.find("\n", pos)
        e = nl if nl != -1 else len(text)
        line = text[pos:e]
        if not line.strip(" |\t\r\u3000"):
            if cur is not None:
                yield Cell(cur[0], cur[1], text[cur[0] : cur[1]])
                cur = None
        else:
            ls = pos + (len(line) - len(line.lstrip()))
            le = pos + len(line.rstrip())
            cur = (cur[0], le) if cur is not None else (ls, le)
        if nl == -1:
            break
        pos = nl + 1
    if cur is not None:
        yield Cell(cur[0], cur[1], text[cur[0] : cur[1]])


def row_value(name: str) -> int | None:
    """A row's number as its own cell writes it (12, （三）), or None."""
    if NUMBER_RE.fullmatch(name):
        return int(name)
    m = PAREN_ROW_RE.fullmatch(name)
    return cn_numeral_to_int(m.group(1)) if m else None


def paragraph_rows(text: str, table: Table) -> list[tuple[Cell, list[Cell]]]:
    """Rows of a table flattened one cell per paragraph. A number cell (12, or
    （三） where rows are numbered within parts) that continues the numbering
    starts a row; numbering may restart at 1 right after a group's cell
    (1.分类投放) or a part's two cells (二 / 构建全链条…, the number alone, then the
    title), which belong to no row; the header row repeated where the page broke
    (序号 / 工作任务 / … again) is skipped; every other cell belongs to the row above."""
    cells = list(paragraph_cells(text, table.header_end))
    names = [re.sub(r"\s+", "", c.text) for c in cells]
    width = len(table.columns)
    rows: list[tuple[Cell, list[Cell]]] = []
    last_number: int | None = None
    after_group = False
    k = 0
    while k < len(cells):
        cell, name = cells[k], names[k]
        if name == table.columns[0] and names[k : k + width] == table.columns:
            k += width  # the header again, after a page break
            continue
        value = row_value(name)
        if value is not None and (last_number is None or value == last_number + 1
                                  or (value == 1 and after_group)):
            last_number = value
            rows.append((cell, []))
            after_group = False
            k += 1
            continue
        if (PART_CELL_RE.fullmatch(name) and k + 2 < len(names) and row_value(names[k + 2]) == 1
                and row_value(names[k + 1]) is None):
            after_group = True  # 二 / 构建全链条全过程闭环管理体系 / （一）…
            k += 2
            continue
        after_group = bool(_GROUP_RE.match(name))
        if rows and rows[-1][1] and rows[-1][1][-1].text.rstrip().endswith(("、", "，", ",")):
            # A unit list cut after its separator ("区绿化市容局、" / "区农业农村委"): one cell.
            last = rows[-1][1][-1]
            rows[-1][1][-1] = Cell(last.start, cell.end, text[last.start : cell.end])
        elif rows:
            rows[-1][1].append(cell)
        k += 1
    return rows


def item_rows(text: str, table: Table) -> list[tuple[Cell, list[Cell]]]:
    """Rows of a table keyed by numbered item cells (1.做好规划配套): an item cell
    that continues the numbering (or restarts it at 1 right after a group cell)
    starts a row; group cells (一、做好政策保障) belong to no row; every other cell
    belongs to the row above, its sub-rows included."""
    rows: list[tuple[Cell, list[Cell]]] = []
    last_number = None
    after_group = False
    for cell in paragraph_cells(text, table.header_end):
        name = re.sub(r"\s+", "", cell.text)
        m = ITEM_CELL_RE.match(name)
        if m and (last_number is None or int(m.group(1)) == last_number + 1
                  or (int(m.group(1)) == 1 and after_group)):
            last_number = int(m.group(1))
            rows.append((cell, []))
            after_group = False
            continue
        if CN_GROUP_RE.match(name):
            after_group = True
            continue
        after_group = False
        if rows:
            rows[-1][1].append(cell)
    return rows
