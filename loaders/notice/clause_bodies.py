"""Bodies a government is said to have by what they do: ``X人民政府负责Y的部门`` (README, After batches
BH–BM, 的-clauses: a clause before a kind of body, the kind alone not saying which, is kept).

A regulation that does not name the department in charge of a field writes it as the department
of a government that is in charge of it: ``区人民政府负责旅游管理的部门`` (r2022),
``市、区县人民政府负责特种设备安全监督管理的部门`` (r2023), ``县级以上人民政府负责残疾人工作的机构``
(r2043), ``区（市）人民政府确定的负责水务管理工作的部门`` (r2002). The 负责 inside is part of the name
(After batches P–W, a role word inside a unit's name), not the government's role word; the whole
phrase is one body, distributed over the levels of governments written once (r2023's two, as
r1602's ``设区的市、县（市、区）人民政府确定的部门``), kept whole over a range of levels (县级以上, as
r1843's ``县级以上人民政府的…机构``). An alias after it is dropped (r601).

>>> t = "县、乡人民政府负责殡葬管理的部门（以下简称殡葬管理部门）"
>>> [u.name for u in clause_bodies(t, 0, len(t))]
['县人民政府负责殡葬管理的部门', '乡人民政府负责殡葬管理的部门']
>>> t = "设区的市级以上人民政府负责海岛保护工作的机构"
>>> [u.name for u in clause_bodies(t, 0, len(t))]
['设区的市级以上人民政府负责海岛保护工作的机构']
>>> t = "甲旗林草局和乙旗人民政府确定的负责治沙工作的部门"
>>> [u.name for u in clause_bodies(t, 0, len(t))]
['甲旗林草局', '乙旗人民政府确定的负责治沙工作的部门']
>>> body_end("区人民政府负责旅游管理的部门负责…", 5, 17)
14
>>> body_end("区人民政府负责本行政区域内的旅游工作", 5, 19) is None
True
"""

from __future__ import annotations

import re

from .duty_words import unit_list
from .model import UnitMention

_GOVERNMENT = ("人民政府", "政府")
# 负责, what it is in charge of (a field of work, no 的, no list), 的, the kind of body. Not 本行政区域内的…
# or 其…的 (the government's own work, then its object), nor the post 负责人 after it.
_CLAUSE_RE = re.compile(r"(?P<designated>确定的)?负责(?!人)"
                        r"(?P<work>(?![本其该各])[^，,。；;：:、！？\n的（）()〔〕]{2,20}?)"
                        r"的(?:部门|机构|单位)(?!负责人|[\u4e00-\u9fff]{0,4}(?:人员|负责人))")
_ALIAS_RE = re.compile(r"\s*[（(]以下(?:简称|统称|称)[^()（）\n]{1,20}[)）]\s*$")


def body_end(text: str, i: int, stop: int) -> int | None:
    """Where a government's body named by the clause at text[i:] (负责…的部门, or 确定的负责…的部门)
    ends, when a government's name stands right before it; else None."""
    if text.startswith("负责", i) and text.endswith("确定的", 0, i):
        i -= 3
    m = _CLAUSE_RE.match(text, i, stop)
    if m is None or not text.endswith(_GOVERNMENT, 0, i):
        return None
    return m.end()


def clause_bodies(text: str, s: int, e: int) -> list[UnitMention] | None:
    """text[s:e] as governments' bodies named by what they are in charge of (…人民政府负责…的部门),
    after bodies named in full joined to them (A及…人民政府确定的负责…的部门, r2002), or None."""
    while e > s and text[e - 1] in "，, \t":
        e -= 1  # …的部门（以下简称…），负责…: the comma setting the name off
    if (alias := _ALIAS_RE.search(text, s, e)) is not None:
        e = alias.start()
    raw = text[s:e]
    if raw.count("（") + raw.count("(") != raw.count("）") + raw.count(")"):
        return None  # 市）人民政府…: a clause read from inside a bracket of levels, no name
    m = None
    for k in (raw.find("人民政府"), raw.find("政府")):
        while k != -1:
            gov_end = k + (4 if raw.startswith("人民政府", k) else 2)
            m = _CLAUSE_RE.fullmatch(text, s + gov_end, e)
            if m is not None:
                break
            k = raw.find(raw[k:gov_end], k + 1)
        if m is not None:
            break
    if m is None:
        return None
    owners = unit_list(text, s, m.start())
    if not owners or owners[-1].end != m.start() or not owners[-1].name.endswith(_GOVERNMENT):
        return None
    clause = m.group(0)
    first = len(owners)
    while first > 0 and owners[first - 1].name.endswith(_GOVERNMENT):
        first -= 1
    out = list(owners[:first])
    for u in owners[first:]:
        out.append(u.model_copy(update={"name": u.name + clause, "end": e, "as_written": text[u.start : e],
                                        "reading": "named by a clause"}))
    return out


__all__ = ["body_end", "clause_bodies"]
