"""Task-division tables flattened to text (任务分解表, 责任分工表).

A header names the columns (序号 / 主要任务 / 牵头单位 / 责任单位 / 配合单位 /
责任领导 / 完成时限 …); each row starts with its number. Two shapes are read:

- a row per line, cells split by ``|``, tabs or spaces, a cell's overflow on
  the lines below (continuation lines);
- a cell per line (``序号`` / ``民生实事`` / ``责任单位`` … each on its own line,
  then ``1`` / the task / the units …), blank lines and ``|`` ignored.

Cells are read by what they hold, not only by where they stand, because
merged and empty cells shift positions: after the row's number the first cell
is the task; a cell whose every item names a body is a unit list, given to the
header's unit columns in order; a short personal name or a post is an
official when the header has a 责任领导 column; anything else (dates, progress,
targets) is left alone.

>>> text = '''序号 | 重点工作 | 责任领导 | 牵头单位 | 配合单位 |
... 1 | 推进项目建设。 | 张三 | 区发改局 | 区财政局、区住建局 |
... 2 | 优化营商环境。 | 李四 | 区政务服务局 | 区市场监管局 |'''
>>> table = read_table(text)
>>> for r in table_rows(text, table):
...     print(r.number, [(a.role, [u.name for u in a.units]) for a in r.attributions],
...           [o.name for o in r.officials])
1 [('lead', ['区发改局']), ('support', ['区财政局', '区住建局'])] ['张三']
2 [('lead', ['区政务服务局']), ('support', ['区市场监管局'])] ['李四']
"""

from __future__ import annotations

import re

from .model import Attribution, Official
from .table_cells import official, typed_cells, unit_cell
from .table_model import Cell, Row, Table, body_column, column_role
from .table_paragraphs import (
    CN_GROUP_RE,
    ITEM_CELL_RE,
    NUMBER_RE,
    PAREN_ROW_RE,
    PART_CELL_RE,
    item_rows,
    paragraph_cells,
    paragraph_rows,
    row_value,
)


def _line_cells(text: str, start: int, end: int, split_spaces: bool) -> list[Cell]:
    """The cells of one line: split on | (or tabs and space runs when asked)."""
    line = text[start:end]
    if "|" in line:
        pieces = [(m.start(), m.end()) for m in re.finditer(r"[^|]+", line)]
    elif split_spaces or "\t" in line:
        pieces = [(m.start(), m.end()) for m in re.finditer(r"[^\s]+", line)]
    else:
        pieces = [(0, len(line))]
    cells = []
    for s, e in pieces:
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if s < e:
            cells.append(Cell(start + s, start + e, line[s:e]))
    return cells


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = nl if nl != -1 else len(text)
        out.append((pos, end))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _is_number_header(cell: str) -> bool:
    return cell in ("序号", "编号") or (cell.endswith("序号") and len(cell) <= 4)  # 项目序号


def _unnumbered_header(cells: list[Cell]) -> list[str] | None:
    """A header line with no 序号 (专项整治行业名称 | 时间安排 | 责任单位 |): its
    columns, when one holds units and the first does not."""
    columns = [re.sub(r"\s+", "", c.text) for c in cells]
    if (len(columns) >= 2 and column_role(columns[0]) is None and not _is_number_header(columns[0])
            and all(len(c) <= 12 and not re.search(r"[:：、，,。；;]", c) for c in columns)
            and any(column_role(c) in ("lead", "responsible", "support") for c in columns[1:])):
        return columns
    return None


# A column header broken over two cells, a role word then the kind of holder (责任 / 领导, r652).
_HEADER_HEADS = ("责任", "牵头", "配合", "协同", "协办", "主责", "落实", "参与")
_HEADER_TAILS = ("单位", "部门", "科室", "处室", "领导", "人", "主体")


def _column_name(cell: str) -> bool:
    """Could a paragraph be a column's name (类别, 主要任务, 牵头单位)? Short, no
    marks, no digits."""
    return 0 < len(cell) <= 8 and not re.search(r"[\d:：、，,。；;()（）]", cell)


def _item_paragraph_header(text: str, start: int) -> Table | None:
    """A cell-per-paragraph header with no 序号 (类别 / 项目 / 主要任务 / 牵头单位 /
    配合单位), whose rows are keyed by numbered item cells (1.做好规划配套),
    maybe under group cells (一、做好政策保障). r509."""
    columns: list[str] = []
    end = start
    for pc in paragraph_cells(text, start):
        name = re.sub(r"\s+", "", pc.text)
        if CN_GROUP_RE.match(name) or ITEM_CELL_RE.match(name):
            item = ITEM_CELL_RE.match(name)
            first_row = item is None or item.group(1) == "1"
            if (len(columns) >= 3 and first_row and column_role(columns[0]) is None
                    and any(column_role(c) in ("lead", "responsible", "support") for c in columns)):
                return Table(start, end, columns, one_cell_per_line=True, paragraphs=True, numbered=False,
                             items=True)
            return None
        if not _column_name(name) or len(columns) >= 12 or _is_number_header(name):
            return None  # a 序号 column: the numbered header's reading (r400)
        columns.append(name)
        end = pc.end
    return None


def read_table(text: str) -> Table | None:
    """The task table's header, if the text has one: a 序号 cell followed by
    columns of which at least one holds units (or, in a ``|`` table, a header
    line with no 序号 whose columns include one holding units)."""
    lines = _lines(text)
    for i, (s, e) in enumerate(lines):
        cells = _line_cells(text, s, e, split_spaces=True)
        if cells and "|" in text[s:e] and (columns := _unnumbered_header(cells)) is not None:
            return Table(s, e, columns, one_cell_per_line=False, numbered=False)
        if (len(cells) == 1 and _column_name(cells[0].text) and column_role(cells[0].text) is None
                and i + 1 < len(lines) and not text[lines[i + 1][0] : lines[i + 1][1]].strip()
                and (table := _item_paragraph_header(text, cells[0].start)) is not None):
            return table
        if not cells or not _is_number_header(re.sub(r"\s+", "", cells[0].text)):
            continue
        if len(cells) >= 3:
            columns = [re.sub(r"\s+", "", c.text) for c in cells]
            if any(column_role(c) in ("lead", "responsible", "support") for c in columns):
                return Table(s, e, columns, one_cell_per_line=False)
            continue
        if i + 1 < len(lines) and not text[lines[i + 1][0] : lines[i + 1][1]].strip():
            # A cell per paragraph: the header's cells are split by blank lines.
            columns = ["序号"]
            end = e
            for pc in paragraph_cells(text, e):
                name = re.sub(r"\s+", "", pc.text)
                if (NUMBER_RE.fullmatch(name) or re.match(r"\d{1,2}[.．、]", name) or len(name) > 12
                        or PAREN_ROW_RE.fullmatch(name) or PART_CELL_RE.fullmatch(name)):
                    break  # the first row (or a group or part cell before it: 1.分类投放, 一 / —)
                if columns[-1] in _HEADER_HEADS and name in _HEADER_TAILS:
                    columns[-1] += name  # 责任 / 领导, 责任 / 科室: a header broken over two cells (r652)
                else:
                    columns.append(name)
                end = pc.end
            if any(column_role(c) in ("lead", "responsible", "support") for c in columns):
                return Table(s, end, columns, one_cell_per_line=True, paragraphs=True)
            continue
        # A cell per line: the header runs until the first row number.
        columns = ["序号"]
        end = e
        top: int | None = None
        for s2, e2 in lines[i + 1 :]:
            row = _line_cells(text, s2, e2, split_spaces=False)
            if not row:
                if top is None and len(columns) > 1 and text.count("|", s2, e2) >= 2:
                    top = len(columns)  # "|||": a second header row follows (merged cells above)
                continue
            cell = re.sub(r"\s+", "", row[0].text)
            if NUMBER_RE.fullmatch(cell) or len(columns) > 16 or len(cell) > 12:
                break  # a row number, or a line too long to be a column's name (a group heading)
            columns.append(cell)
            end = e2
        if any(column_role(c) in ("lead", "responsible", "support") for c in columns):
            return Table(s, end, columns, one_cell_per_line=True,
                         top_columns=top if top is not None and top < len(columns) else None)
    return None


def table_rows(text: str, table: Table) -> list[Row]:
    """The rows under the header, each with its task, attributions and officials."""
    rows: list[tuple[Cell, list[Cell]]] = []
    last_number = None
    if table.items:
        return _rows_out(text, table, item_rows(text, table))
    if table.paragraphs:
        return _rows_out(text, table, paragraph_rows(text, table))
    if not table.numbered:
        for s, e in _lines(text):
            if s <= table.header_end:
                continue
            if not text[s:e].strip():
                continue
            if "|" not in text[s:e]:
                break  # the table ends where lines stop having cells
            cells = _line_cells(text, s, e, split_spaces=False)
            if len(cells) >= 2:
                rows.append((Cell(cells[0].start, cells[0].start, str(len(rows) + 1)), cells))
        return _rows_out(text, table, rows)
    for s, e in _lines(text[: len(text)]):
        if s <= table.header_end:
            continue
        cells = _line_cells(text, s, e, split_spaces=not table.one_cell_per_line)
        if not cells:
            continue
        first = re.sub(r"\s+", "", cells[0].text)
        if NUMBER_RE.fullmatch(first) and (last_number is None or int(first) == last_number + 1):
            last_number = int(first)
            rows.append((cells[0], cells[1:]))
        elif rows and not table.one_cell_per_line and "|" in text[s:e] and len(cells) >= 2 and any(
                unit_cell(text, c) is not None for c in cells[1:]):
            # A sub-row under a merged 序号 cell: its own task and its own units.
            rows.append((rows[-1][0], cells))
        elif rows and rows[-1][1] and rows[-1][1][-1].text.rstrip().endswith(("、", "，", ",")):
            # A unit list cut after its separator ("区绿化市容局、" / "区农业农村委"): one cell.
            last = rows[-1][1][-1]
            rows[-1][1][-1] = Cell(last.start, cells[0].end, text[last.start : cells[0].end])
            rows[-1][1].extend(cells[1:])
        elif rows:
            rows[-1][1].extend(cells)
    return _rows_out(text, table, rows)


def _rows_out(text: str, table: Table, rows: list[tuple[Cell, list[Cell]]]) -> list[Row]:
    unit_roles = table.unit_roles
    official_role = table.official_role
    out = []
    for number_cell, cells in rows:
        if not cells:
            continue
        task, rest = cells[0], cells[1:]
        number, marker = (row_value(re.sub(r"\s+", "", number_cell.text)) or 0) if not table.items else 0, ""
        if table.items:  # 1.做好规划配套: the item cell is the number and the title
            m = ITEM_CELL_RE.match(number_cell.text)
            assert m is not None
            number, marker = int(m.group(1)), number_cell.text[: m.end(1) + 1]
            # a title cut by a line break (5.实化运行消防\n安全委员会) reads on
            task, rest = Cell(number_cell.start + len(marker), number_cell.end,
                              re.sub(r"\s+", "", number_cell.text[len(marker) :])), cells
        elif table.numbered:
            marker = number_cell.text.strip()
        officials: list[Official] = []
        if 1 + len(cells) == len(table.columns) and not table.items and not _shifted(text, table, cells):
            # A full row: every column has its cell, so the header says what each holds.
            unit_cells, roles = [], []
            for cell, column in zip(cells, table.columns[1:], strict=True):
                role = column_role(column)
                if role == "official":
                    o = official(cell, column)
                    if o is not None:
                        officials.append(o)
                elif role is not None and (read := unit_cell(text, cell)) is not None:
                    unit_cells.append((cell, *read))
                    roles.append(role)
        else:
            unit_cells, roles = typed_cells(text, _in_unit_columns(text, table, rest), unit_roles,
                                             official_role, officials, table.paragraphs)
        attributions = []
        for (cell, leads, mentions), role in zip(unit_cells, roles, strict=True):
            if not leads and not mentions:
                continue
            if leads and role != "lead":
                attributions.append(Attribution(role="lead", label="（牵头）", clause=cell.text,
                                                start=cell.start, end=cell.end, units=leads))
            else:
                mentions = leads + mentions
            attributions.append(Attribution(role=role, label=table.columns[_column_index(table, role)],
                                            clause=cell.text, start=cell.start, end=cell.end, units=mentions))
        end = max([c.end for c in cells])
        out.append(Row(number=number, start=number_cell.start, end=end, marker=marker, task=task.text,
                       attributions=attributions, officials=officials, cells=len(cells)))
    return _merged_from_above(table, out)


def _shifted(text: str, table: Table, cells: list[Cell]) -> bool:
    """Has a row as many cells as the header columns only by chance? A merged
    cell left out (事项分类, shown in its group's first row only) and a unit cell
    split over paragraphs (团区委 / 各乡镇(街道) / 区教体局) add up to a full row,
    but then a unit list stands under a column of text (r752 row 9)."""
    return any(column_role(col) is None and not body_column(col) and unit_cell(text, cell) is not None
               for cell, col in zip(cells[1:], table.columns[2:], strict=False))


def _in_unit_columns(text: str, table: Table, rest: list[Cell]) -> list[Cell]:
    """A row's cells without the unit lists that stand in a body column with no
    role (公开主体 before 责任科室, r453). Told apart by place only where that is
    certain: when the table's one unit column is its last, a list with a cell
    after it is not in that column."""
    if not (table.has_body_column and table.last_is_unit_column and len(table.unit_roles) == 1):
        return rest
    return [c for i, c in enumerate(rest) if i == len(rest) - 1 or unit_cell(text, c) is None]


def _merged_from_above(table: Table, rows: list[Row]) -> list[Row]:
    """A row that names no unit and is short of cells had its unit cell merged
    with the row above (a rowspan leaves no cell in the flattened text, r453 rows
    2 and 4): it takes that row's units, their spans where they were written."""
    width = table.top_columns or len(table.columns)
    for k in range(1, len(rows)):
        row, above = rows[k], rows[k - 1]
        if (row.attributions or row.officials or not above.attributions
                or row.cells + 1 >= width or table.items or not table.numbered):
            continue
        merged = {"reading": "merged cell above"}
        row.attributions = [a.model_copy(update={"units": [u.model_copy(update=merged) for u in a.units]})
                            for a in above.attributions]
    return rows


def _column_index(table: Table, role: str) -> int:
    return next((i for i, c in enumerate(table.columns) if column_role(c) == role), 0)


__all__ = ["Cell", "Row", "Table", "body_column", "column_role", "read_table", "table_rows"]
