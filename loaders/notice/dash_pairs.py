"""Duty paragraphs that pair kinds of work with the bodies that carry them out, by a dash.

``市区重大市政项目、区级以上公益性项目——区相关职能部门；区域性建设项目…——区级集团公司和区土地储备中心；
“城中村”改造项目——乡镇人民政府或委托的开发企业；…——乡镇人民政府，负责项目前期手续办理工作。`` (r1062):
each body after a dash is a holder of the duty the sentence closes with, with that duty's role
(duties.duty_items reads the role from the text after the last body). Bodies joined by 和 are
split; alternatives joined by 或 stay one party (r900).

>>> text = "甲类项目——区相关职能部门；乙类项目——区级集团公司和区土地储备中心，负责前期手续办理。"
>>> units, duty_start = dash_pairs(text, 0, len(text))
>>> [u.name for u in units], text[duty_start:]
(['区相关职能部门', '区级集团公司', '区土地储备中心'], '，负责前期手续办理。')
"""

from __future__ import annotations

import re

from .duty_words import unit_list
from .model import UnitMention

_DASH_RE = re.compile(r"——|--|—")
_MAX_PART = 40


def _party(text: str, s: int, e: int) -> list[UnitMention] | None:
    units = unit_list(text, s, e)
    if units:
        return units
    k = text.find("或", s, e)  # 乡镇人民政府或委托的开发企业: whichever of them, one party
    if k != -1 and unit_list(text, s, k):
        raw = text[s:e]
        return [UnitMention(name=raw, as_written=raw, start=s, end=e, reading="alternatives")]
    return None


def dash_pairs(text: str, s: int, e: int) -> tuple[list[UnitMention], int] | None:
    """The bodies after the dashes of the sentence at s (two pairs at least, every part a pair),
    and where the duty's own text starts (after the last body), or None."""
    stop = s
    while stop < e and text[stop] not in "。\n":
        stop += 1
    units: list[UnitMention] = []
    pos, pairs, last = s, 0, s
    while pos < stop:
        part_end = pos
        while part_end < stop and text[part_end] not in "；;":
            part_end += 1
        dash = _DASH_RE.search(text, pos, part_end)
        if dash is None or dash.start() - pos > _MAX_PART:
            return None
        body_end = dash.end()
        while body_end < part_end and text[body_end] not in "，,":
            body_end += 1
        got = _party(text, dash.end(), body_end)
        if got is None:
            return None
        units += got
        pairs += 1
        last = body_end
        if body_end < part_end:
            break  # the duty the pairs share: …——乡镇人民政府，负责…
        pos = part_end + 1
    return (units, last) if pairs >= 2 else None


__all__ = ["dash_pairs"]
