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
from collections.abc import Iterator
from dataclasses import dataclass, field

from .model import Attribution, Official, UnitMention
from .names import is_holder, looks_like_unit, split_offices
from .numerals import cn_numeral_to_int
from .unit_lists import list_mentions
from .vocabulary import LABEL_NOUNS, OPENERS, grammar_role

# Cells that say "none" and keep their column's place: 配合单位 "/".
_EMPTY_CELLS = frozenset({"/", "／", "—", "——", "-", "无", "\\"})
_NUMBER_RE = re.compile(r"\d{1,3}")
# A row's number in a cell of its own when rows are numbered within parts: （一）, (二).
_PAREN_ROW_RE = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]")
# A part's number in a cell of its own, its title in the next cell: 二 (一 may show as a dash, —).
_PART_CELL_RE = re.compile(r"[一二三四五六七八九十]{1,3}|[—－-]")
# A group's cell before its rows: 1.分类投放 / 二、分类运输 (a 类别 column, merged down its rows).
_GROUP_RE = re.compile(r"(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)\D")
# A personal name (2–4 characters) or a post (分管副区长, 区委副书记).
_PERSON_RE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:同志)?")
_POST_RE = re.compile(r"[\u4e00-\u9fff]{0,12}(?:市长|县长|区长|镇长|乡长|书记|主任|局长|部长|主席|委员|领导)")


def column_role(header: str) -> str | None:
    """What a column's cells are: lead / responsible / support / official, or None."""
    h = re.sub(r"\s+", "", header)
    if "领导" in h or h in ("责任人", "负责人", "牵头人", "分管负责人"):
        return "official"
    if "牵头" in h:
        return "lead"
    if any(w in h for w in ("配合", "协同", "协办", "参与", "协助")):
        return "support"
    if any(w in h for w in ("责任单位", "责任部门", "主责", "落实单位", "责任主体", "承办单位", "实施单位",
                            "责任科室", "主体单位", "推进单位", "实施主体", "承担单位", "负责单位",
                            "落实主体")):
        return "responsible"
    # other headers of the labels' grammar: 主办单位, 执行部门, 协作科室, 承担处室 …
    return (grammar_role(h) or None) if h.endswith(LABEL_NOUNS) else None


# A column of bodies that is given no role (公开主体 in a 主动公开事项目录: the body
# that publishes, beside a 责任科室 column that does the work, r453).
_BODY_COLUMN_RE = re.compile(r"(主体|机关|单位|部门|科室|机构)$")


def body_column(header: str) -> bool:
    """Does a column hold bodies without saying their role?"""
    return column_role(header) is None and bool(_BODY_COLUMN_RE.search(re.sub(r"\s+", "", header)))


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Table:
    header_start: int
    header_end: int
    columns: list[str]  # header cells, whitespace removed
    one_cell_per_line: bool
    # A cell per paragraph (cells split by blank lines, a cell's lines kept together:
    # "区文明办\n区绿化市容局"), when the header's cells are split so.
    paragraphs: bool = False
    # Rows with no 序号 column: every line of cells under the header is a row.
    numbered: bool = True
    # Rows keyed by a numbered item cell (1.做好规划配套) under a cell-per-paragraph
    # header with no 序号 (类别 / 项目 / 主要任务 / 牵头单位 / 配合单位).
    items: bool = False
    # Header cells before a second header row (公开事项 / … / 责任科室, then 一级事项 /
    # 二级事项 under them): the top-level columns; None when there is one row.
    top_columns: int | None = None

    @property
    def last_is_unit_column(self) -> bool:
        """Is the last top-level column a unit column (the last cell of a full row)?"""
        top = self.columns[: self.top_columns] if self.top_columns else self.columns
        return column_role(top[-1]) in ("lead", "responsible", "support")

    @property
    def has_body_column(self) -> bool:
        return any(body_column(c) for c in self.columns)

    @property
    def unit_roles(self) -> list[str]:
        return [r for c in self.columns if (r := column_role(c)) in ("lead", "responsible", "support")]

    @property
    def official_role(self) -> str | None:
        return next((c for c in self.columns if column_role(c) == "official"), None)


@dataclass
class Row:
    number: int
    start: int
    end: int
    marker: str
    task: str
    attributions: list[Attribution] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    cells: int = 0  # how many cells the row has after its number


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


def _paragraph_cells(text: str, start: int) -> Iterator[Cell]:
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


def _unnumbered_header(cells: list[Cell]) -> list[str] | None:
    """A header line with no 序号 (专项整治行业名称 | 时间安排 | 责任单位 |): its
    columns, when one holds units and the first does not."""
    columns = [re.sub(r"\s+", "", c.text) for c in cells]
    if (len(columns) >= 2 and column_role(columns[0]) is None and not _is_number_header(columns[0])
            and all(len(c) <= 12 and not re.search(r"[:：、，,。；;]", c) for c in columns)
            and any(column_role(c) in ("lead", "responsible", "support") for c in columns[1:])):
        return columns
    return None


# A numbered item's cell in a table with no 序号 column: 1.做好规划配套.
_ITEM_CELL_RE = re.compile(r"(\d{1,3})[.．、]\s*\D")
_CN_GROUP_RE = re.compile(r"[一二三四五六七八九十]{1,3}、\S")


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
    for pc in _paragraph_cells(text, start):
        name = re.sub(r"\s+", "", pc.text)
        if _CN_GROUP_RE.match(name) or _ITEM_CELL_RE.match(name):
            item = _ITEM_CELL_RE.match(name)
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
            for pc in _paragraph_cells(text, e):
                name = re.sub(r"\s+", "", pc.text)
                if (_NUMBER_RE.fullmatch(name) or re.match(r"\d{1,2}[.．、]", name) or len(name) > 12
                        or _PAREN_ROW_RE.fullmatch(name) or _PART_CELL_RE.fullmatch(name)):
                    break  # the first row (or a group or part cell before it: 1.分类投放, 一 / —)
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
            if _NUMBER_RE.fullmatch(cell) or len(columns) > 16 or len(cell) > 12:
                break  # a row number, or a line too long to be a column's name (a group heading)
            columns.append(cell)
            end = e2
        if any(column_role(c) in ("lead", "responsible", "support") for c in columns):
            return Table(s, end, columns, one_cell_per_line=True,
                         top_columns=top if top is not None and top < len(columns) else None)
    return None


def _official(cell: Cell, role: str) -> Official | None:
    name = re.sub(r"\s+", "", cell.text)
    if looks_like_unit(name):
        return None
    if re.search("[年月日期季底]|持续|常态|长期|立即", name):
        return None  # a deadline (全年, 年底前, 长期坚持), not a person
    if _PERSON_RE.fullmatch(name) or _POST_RE.fullmatch(name):
        return Official(name=name, role=role, as_written=cell.text, start=cell.start, end=cell.end)
    return None


def _pieces(text: str, cell: Cell) -> tuple[list, list] | None:
    """A cell whose names are split by spaces or line breaks (安监站 安监所,
    上海城投集团\n杨浦城投集团): each piece read as a list, when every piece
    names bodies; None otherwise."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\S+", cell.text):
        s, e = cell.start + m.start(), cell.start + m.end()
        if spans and text[s] in OPENERS:
            spans[-1] = (spans[-1][0], e)  # 区建设管理委\n（区水务局）: an alias on its own line
        else:
            spans.append((s, e))
    if len(spans) < 2 or any(text[e - 1] in "和及与" or text[s:e].endswith("城乡") for s, e in spans[:-1]):
        return None  # 区住房和城乡\n建设局: one name cut by the line, read whole
    leads: list[UnitMention] = []
    mentions: list[UnitMention] = []
    for s, e in spans:
        before = mentions[-1] if mentions else None
        pl, pm = list_mentions(text, s, e, before)
        if not pl + pm or not all(is_holder(u.name) for u in pl + pm):
            return None
        leads += pl
        mentions += pm
    return leads, mentions


def _split_offices(mentions: list[UnitMention]) -> list[UnitMention]:
    """派出所工商质监所: township offices written with no separator, split."""
    out: list[UnitMention] = []
    for m in mentions:
        parts = split_offices(m.name)
        if len(parts) == 1:
            out.append(m)
            continue
        for name, off in parts:
            exact = m.as_written == m.name
            s, e = (m.start + off, m.start + off + len(name)) if exact else (m.start, m.end)
            out.append(UnitMention(name=name, as_written=m.as_written[off : off + len(name)] if exact
                                   else m.as_written, start=s, end=e, reading="joined without separator"))
    return out


def _unit_cell(text: str, cell: Cell) -> tuple[list, list] | None:
    if re.search(r"\d", cell.text):
        return None
    read = _pieces(text, cell)
    leads, mentions = read if read is not None else list_mentions(text, cell.start, cell.end)
    leads, mentions = _split_offices(leads), _split_offices(mentions)
    units = leads + mentions
    if units and all(is_holder(u.name) for u in units):
        return leads, mentions
    return None


def table_rows(text: str, table: Table) -> list[Row]:
    """The rows under the header, each with its task, attributions and officials."""
    rows: list[tuple[Cell, list[Cell]]] = []
    last_number = None
    if table.items:
        return _rows_out(text, table, _item_rows(text, table))
    if table.paragraphs:
        return _rows_out(text, table, _paragraph_rows(text, table))
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
        if _NUMBER_RE.fullmatch(first) and (last_number is None or int(first) == last_number + 1):
            last_number = int(first)
            rows.append((cells[0], cells[1:]))
        elif rows and not table.one_cell_per_line and "|" in text[s:e] and len(cells) >= 2 and any(
                _unit_cell(text, c) is not None for c in cells[1:]):
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


def _row_value(name: str) -> int | None:
    """A row's number as its own cell writes it (12, （三）), or None."""
    if _NUMBER_RE.fullmatch(name):
        return int(name)
    m = _PAREN_ROW_RE.fullmatch(name)
    return cn_numeral_to_int(m.group(1)) if m else None


def _paragraph_rows(text: str, table: Table) -> list[tuple[Cell, list[Cell]]]:
    """Rows of a table flattened one cell per paragraph. A number cell (12, or
    （三） where rows are numbered within parts) that continues the numbering
    starts a row; numbering may restart at 1 right after a group's cell
    (1.分类投放) or a part's two cells (二 / 构建全链条…, the number alone, then the
    title), which belong to no row; the header row repeated where the page broke
    (序号 / 工作任务 / … again) is skipped; every other cell belongs to the row above."""
    cells = list(_paragraph_cells(text, table.header_end))
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
        value = _row_value(name)
        if value is not None and (last_number is None or value == last_number + 1
                                  or (value == 1 and after_group)):
            last_number = value
            rows.append((cell, []))
            after_group = False
            k += 1
            continue
        if (_PART_CELL_RE.fullmatch(name) and k + 2 < len(names) and _row_value(names[k + 2]) == 1
                and _row_value(names[k + 1]) is None):
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


def _item_rows(text: str, table: Table) -> list[tuple[Cell, list[Cell]]]:
    """Rows of a table keyed by numbered item cells (1.做好规划配套): an item cell
    that continues the numbering (or restarts it at 1 right after a group cell)
    starts a row; group cells (一、做好政策保障) belong to no row; every other cell
    belongs to the row above, its sub-rows included."""
    rows: list[tuple[Cell, list[Cell]]] = []
    last_number = None
    after_group = False
    for cell in _paragraph_cells(text, table.header_end):
        name = re.sub(r"\s+", "", cell.text)
        m = _ITEM_CELL_RE.match(name)
        if m and (last_number is None or int(m.group(1)) == last_number + 1
                  or (int(m.group(1)) == 1 and after_group)):
            last_number = int(m.group(1))
            rows.append((cell, []))
            after_group = False
            continue
        if _CN_GROUP_RE.match(name):
            after_group = True
            continue
        after_group = False
        if rows:
            rows[-1][1].append(cell)
    return rows


def _rows_out(text: str, table: Table, rows: list[tuple[Cell, list[Cell]]]) -> list[Row]:
    unit_roles = table.unit_roles
    official_role = table.official_role
    out = []
    for number_cell, cells in rows:
        if not cells:
            continue
        task, rest = cells[0], cells[1:]
        number, marker = (_row_value(re.sub(r"\s+", "", number_cell.text)) or 0) if not table.items else 0, ""
        if table.items:  # 1.做好规划配套: the item cell is the number and the title
            m = _ITEM_CELL_RE.match(number_cell.text)
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
                    o = _official(cell, column)
                    if o is not None:
                        officials.append(o)
                elif role is not None and (read := _unit_cell(text, cell)) is not None:
                    unit_cells.append((cell, *read))
                    roles.append(role)
        else:
            unit_cells, roles = _typed_cells(text, _in_unit_columns(text, table, rest), unit_roles,
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
    return any(column_role(col) is None and not body_column(col) and _unit_cell(text, cell) is not None
               for cell, col in zip(cells[1:], table.columns[2:], strict=False))


def _in_unit_columns(text: str, table: Table, rest: list[Cell]) -> list[Cell]:
    """A row's cells without the unit lists that stand in a body column with no
    role (公开主体 before 责任科室, r453). Told apart by place only where that is
    certain: when the table's one unit column is its last, a list with a cell
    after it is not in that column."""
    if not (table.has_body_column and table.last_is_unit_column and len(table.unit_roles) == 1):
        return rest
    return [c for i, c in enumerate(rest) if i == len(rest) - 1 or _unit_cell(text, c) is None]


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


def _typed_cells(text: str, rest: list[Cell], unit_roles: list[str], official_role: str | None,
                 officials: list[Official], paragraphs: bool = False
                 ) -> tuple[list[tuple[Cell, list, list]], list[str]]:
    """A row with merged or missing cells, read by what each cell holds: unit
    lists go to the header's unit columns in order, persons to its leader column."""
    unit_cells: list[tuple[Cell, list, list]] = []
    groups: list[int] = []  # how many unit cells stand together, run by run
    together = False
    for cell in rest:
        read = _unit_cell(text, cell)
        if read is None and cell.text.strip() in _EMPTY_CELLS and unit_cells:
            read = ([], [])  # "/" holds its column's place
        if read is not None:
            unit_cells.append((cell, *read))
            if together:
                groups[-1] += 1
            else:
                groups.append(1)
            together = True
            continue
        together = False
        if official_role:
            o = _official(cell, official_role)
            if o is not None:
                officials.append(o)
    # Unit cells standing together fill the header's unit columns in order; a
    # cell of anything else between them (a sub-row's year or target) starts
    # them again from the first unit column: a sub-row under a merged 序号 gives
    # its own 责任单位 and no 配合单位 when that cell is merged.
    slots = unit_roles or ["responsible"]
    roles: list[str] = []
    for n in groups:
        if n >= len(slots) and paragraphs:
            # More unit cells than unit columns, a cell per paragraph: a cell's units
            # stand one per paragraph (区教体局 / 东孝街道 / 孝顺镇 …); the first columns
            # take a paragraph each, the last column (配合, 协同) the rest (r752).
            roles += slots[:-1] + [slots[-1]] * (n - len(slots) + 1)
        else:
            # More unit cells than unit columns in a row per line: a cell's names ran
            # over lines, the line's last cell going on below it (区财政局 / 区税务局,
            # r45); the last columns take the last cells, the first column the rest.
            roles += ([slots[0]] * (n - len(slots) + 1) + slots[1:] if n >= len(slots) else slots[:n])
    return unit_cells, roles


def _column_index(table: Table, role: str) -> int:
    return next((i for i, c in enumerate(table.columns) if column_role(c) == role), 0)
