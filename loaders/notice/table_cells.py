"""A table's cells read by what they hold: unit lists (split by 、, spaces, line
breaks or nothing), persons and posts, "none" cells that keep their column's place."""

from __future__ import annotations

import re

from .model import Official, UnitMention
from .names import is_holder, looks_like_unit, split_offices
from .table_model import Cell
from .unit_lists import list_mentions
from .vocabulary import OPENERS

# Cells that say "none" and keep their column's place: 配合单位 "/".
_EMPTY_CELLS = frozenset({"/", "／", "—", "——", "-", "无", "\\"})
# A personal name (2–4 characters) or a post (分管副区长, 区委副书记).
_PERSON_RE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:同志)?")
_POST_RE = re.compile(r"[\u4e00-\u9fff]{0,12}(?:市长|县长|区长|镇长|乡长|书记|主任|局长|部长|主席|委员|领导)")


def official(cell: Cell, role: str) -> Official | None:
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


def unit_cell(text: str, cell: Cell) -> tuple[list, list] | None:
    if re.search(r"\d", cell.text):
        return None
    read = _pieces(text, cell)
    leads, mentions = read if read is not None else list_mentions(text, cell.start, cell.end)
    leads, mentions = _split_offices(leads), _split_offices(mentions)
    units = leads + mentions
    if units and all(is_holder(u.name) for u in units):
        return leads, mentions
    return None


def typed_cells(text: str, rest: list[Cell], unit_roles: list[str], official_role: str | None,
                 officials: list[Official], paragraphs: bool = False
                 ) -> tuple[list[tuple[Cell, list, list]], list[str]]:
    """A row with merged or missing cells, read by what each cell holds: unit
    lists go to the header's unit columns in order, persons to its leader column."""
    unit_cells: list[tuple[Cell, list, list]] = []
    groups: list[int] = []  # how many unit cells stand together, run by run
    together = False
    for cell in rest:
        read = unit_cell(text, cell)
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
            o = official(cell, official_role)
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
