"""What a task table is made of: its header's columns (and what each holds), cells, rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Attribution, Official
from .vocabulary import LABEL_NOUNS, grammar_role


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
                            "落实主体", "行使主体")):
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
