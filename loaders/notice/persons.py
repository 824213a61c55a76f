"""Persons named as responsible in running text: officials, never units.

Three shapes:

- a leader label and a colon, then a name or a post: ``责任领导：张三``,
  ``牵头负责领导：李四副市长``;
- a 责任人 label run into the names, without a colon: ``宝山湖，行政责任人江海彬；``,
  ``虎腿水库，行政责任人谢奕武、谢创鹏；`` (the names end the clause);
- ``由各所在村的村委会主任担任防汛责任人``: the persons before 担任, the post after.

Each person is an Official whose role is the label as written; a name written
twice is listed twice. Groups of persons (各包村干部, 村委会主任) are officials too.

>>> text = "宝山湖，行政责任人江海彬；虎腿水库，行政责任人谢奕武、谢创鹏；涝溪由村委会主任担任防汛责任人。"
>>> [(o.name, o.role) for o in person_mentions(text, 0, len(text))]  # doctest: +NORMALIZE_WHITESPACE
[('江海彬', '行政责任人'), ('谢奕武', '行政责任人'), ('谢创鹏', '行政责任人'),
 ('村委会主任', '防汛责任人')]
>>> person_mentions("落实分类投放管理责任人责任；", 0, 14)
[]
"""

from __future__ import annotations

import re

from .model import Official
from .names import TASK_VERBS, looks_like_unit

_QUALIFIER = r"(?:行政|防汛|技术|巡查|安全|第一|直接|主要|具体|包保|包村|包片)?"
_LEADER = r"(?:牵头负责领导|责任领导|分管领导|包保领导|联系领导|责任人|负责人)"
_NAME = r"[\u4e00-\u9fff]{2,3}"
# 行政责任人江海彬； — no colon: names of two or three characters ending the clause,
# after a 责任人 that says what for (行政, 防汛 …): a bare 主要负责人亲自抓； is prose.
_RUN_ON_RE = re.compile(r"(?P<label>(?:行政|防汛|技术|巡查|安全|包保|包村|包片)责任人)[^\S\n]*[，,]?[^\S\n]*"
                        r"(?P<names>" + _NAME + r"(?:[、，,]" + _NAME + r")*)(?=[；;。\n]|$)")
# 责任领导：张三 / 牵头负责领导：李四副市长 — a colon: a name or a post, up to the clause's end.
_COLON_RE = re.compile(r"(?P<label>" + _QUALIFIER + _LEADER + r")[^\S\n]*[:：][^\S\n]*"
                       r"(?P<names>[\u4e00-\u9fff]{2,12}(?:[、，,][\u4e00-\u9fff]{2,12})*)(?=[；;。\n)）]|$)")
# 由各所在村的村委会主任担任防汛责任人
_SERVES_RE = re.compile(r"由(?P<names>[^，,。；;：:由\n]{2,20}?)担任(?P<label>[\u4e00-\u9fff]{0,4}?责任人)")
# Groups of persons and posts: cadres and heads, not staff (督查队员, 保洁员 are neither).
# 法定代表人, 实际控制人: the persons answering for a body (r1002).
# A head of something (河长, 副团长, 副秘书长: r1422, r1441) is a leadership post too; not a word that
# merely ends in 长 (增长, 延长, 家长, 成长, 擅长).
PERSON_GROUP_RE = re.compile(r"(干部|主任|书记|村长|镇长|乡长|组长|所长|站长|负责人|领导|代表人|控制人"
                             r"|(?<![增延成擅专家助生年兄学])长)$")


def is_person_group(name: str) -> bool:
    """A group of persons named by their post (各包村干部, 村主要负责人), not a task ending in one
    (加强领导, 落实责任…的领导: a verb first)."""
    return 2 <= len(name) <= 12 and bool(PERSON_GROUP_RE.search(name)) and not name.startswith(TASK_VERBS)
# Words that are no one's name: 责任人责任, 负责人负责
_NOT_A_NAME_RE = re.compile(r"责任|负责|管理|工作|单位|部门|制度|机制")


def _names(text: str, m: re.Match[str], label: str, group_only: bool) -> list[Official]:
    out = []
    for n in re.finditer(r"[^、，,]+", m.group("names")):
        name = n.group(0).strip()
        if not name or _NOT_A_NAME_RE.search(name):
            return []
        if looks_like_unit(name) and not PERSON_GROUP_RE.search(name):
            return []  # 责任领导：县政府督查室 names a body, not a person
        if group_only and not (PERSON_GROUP_RE.search(name) or re.fullmatch(_NAME, name)):
            return []
        s = m.start("names") + n.start()
        out.append(Official(name=name, role=label, as_written=text[s : s + len(n.group(0))], start=s,
                            end=s + len(n.group(0))))
    return out


def person_mentions(text: str, start: int, end: int) -> list[Official]:
    """Every person named as responsible in text[start:end], in order."""
    found: list[Official] = []
    taken: list[tuple[int, int]] = []
    for rx, group_only in ((_COLON_RE, False), (_RUN_ON_RE, False), (_SERVES_RE, True)):
        for m in rx.finditer(text, start, end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            got = _names(text, m, re.sub(r"\s+", "", m.group("label")), group_only)
            if got:
                found += got
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda o: o.start)


def person_label_starts(text: str) -> list[int]:
    """Where persons are named, for finding the measures that carry them."""
    return [o.start for o in person_mentions(text, 0, len(text))]
