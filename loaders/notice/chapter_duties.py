"""Duty items under a chapter title naming duties (第二章市政消火栓管理职责, 第二章 管理机构与职能).

A regulation's chapter whose title names duties is a duty list however its articles are written
(r941, r1123, r1143): each paragraph in it that opens with a unit is a duty item, the first paragraph
of an article as any later one (第七条  供水企业是…实施主体，负责… / 各供水企业检查发现…，应在…告知…: two
items, the second ``responsible`` by the duty-list rule, no role verb), and an article opening with a
unit but no role word (第九条  区财政局按规定做好…) is one too. An article whose title line was read as
its unit (第三条 协调推进机构, a body named by its kind) takes the unit of the paragraph under it
(由金山区…领导小组（以下简称“领导小组”），负责…, r1142). Outside such a chapter an article's later
paragraphs stay its own text (r803).

>>> from govgraph.loaders.notice.duties import duty_items, headers_of
>>> text = ("第二章 管理职责\\n第一条  区水务局负责督促供水企业做好维护。\\n区水资源中心具体负责日常协调。\\n"
...         "第二条  区财政局按规定做好资金安排。\\n")
>>> headers = headers_of(text)
>>> duties = chapter_duties(text, headers, duty_items(text, headers))
>>> [(d.attribution.role, d.attribution.units[0].name) for d in duties]
[('responsible', '区水务局'), ('responsible', '区水资源中心'), ('responsible', '区财政局')]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import TYPE_CHECKING

from .duty_heads import item_heading
from .duty_scope import names_duties
from .duty_words import duty_role, unit_list
from .model import Attribution, UnitMention
from .numbering import Header
from .vocabulary import SPACE

if TYPE_CHECKING:
    from .duties import Duty

_CHAPTER_RE = re.compile(r"^[ \t\u3000]*第[一二三四五六七八九十百零〇]+章[ \t\u3000]*([^\n]*)$", re.M)


def _chapters(text: str) -> list[tuple[int, int]]:
    """The spans (after the title line, to the next chapter) of the chapters whose title names duties."""
    found = list(_CHAPTER_RE.finditer(text))
    return [(m.end(), found[k + 1].start() if k + 1 < len(found) else len(text))
            for k, m in enumerate(found) if names_duties(m.group(1))]


# 由金山区…领导小组（以下简称“领导小组”），负责… (r1142): a 由-clause naming a body and its short name,
# then its duty; the body is labelled by its full name (r601)
_BY_NAMED_RE = re.compile(r"由(?P<unit>[^，,。；;（(\n]{2,40})[（(]以下(?:简称|统称)[^）)\n]{1,20}[)）]"
                          r"[，,]?(?=负责)")


def _opening(text: str, body: int, line_end: int, again: list[str]
             ) -> tuple[list, int, int, int] | None:
    """The units a paragraph opens with, as item_heading gives them; a 由-clause naming a body by its
    short name too, and the article's unit named again (供水企业… / 各供水企业检查发现…, r1143)."""
    got = item_heading(text, body, line_end, line_end)
    if got is not None:
        return got
    m = _BY_NAMED_RE.match(text, body, line_end)
    if m is not None and (units := unit_list(text, m.start("unit"), m.end("unit"), 40)):
        return units, m.start("unit"), m.end("unit"), m.end()
    for name in again:
        for written in ("各" + name, name):
            if text.startswith(written, body) and (units := unit_list(text, body, body + len(written))):
                return units, body, body + len(written), body + len(written)
    return None


def _paragraph_duty(text: str, start: int, body: int, line_end: int, marker: str, end: int,
                    again: list[str] | None = None) -> Duty | None:
    """The paragraph at ``body`` (its item starting at ``start``) as a duty item, if it opens with a unit."""
    from .duties import Duty  # duties imports nothing of this module; the import is deferred all the same

    while body < line_end and text[body].isspace():
        body += 1
    nl = text.find("\n", body)
    line_end = min(line_end, nl) if nl != -1 else line_end
    got = _opening(text, body, line_end, again or [])
    if got is None:
        return None
    units, head_start, head_end, duty_start = got
    mentions = [u for u in units if isinstance(u, UnitMention)]
    if not mentions or len(mentions) != len(units) or "\n" in text[head_end:duty_start]:
        return None  # persons, or a unit on a line of its own
    role, verb = duty_role(text, duty_start, line_end, True)
    clause_end = duty_start + len(verb) if verb and text.startswith(verb, duty_start) else head_end
    attribution = Attribution(role=role, label=verb or "职责分工", clause=text[head_start:clause_end],
                              start=head_start, end=clause_end, units=mentions)
    return Duty(start=start, end=end, marker=marker, attribution=attribution, duty_start=duty_start)


def _trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def chapter_duties(text: str, headers: list[Header], duties: list[Duty]) -> list[Duty]:
    """``duties`` (sorted by start) with the paragraphs of chapters naming duties read as items."""
    chapters = _chapters(text)
    if not chapters:
        return duties
    header_at = {h.start: h for h in headers if h.style == "article"}
    header_starts = [h.start for h in headers]
    out = list(duties)
    split: dict[int, list[Duty]] = {}  # index in out of the item a paragraph splits -> its new items
    after: dict[int, list[Duty]] = {}  # index in out of the last item before an article of no item (or -1)
    p = -1  # the last item starting at or before the line
    for c_start, c_end in chapters:
        pos = c_start + 1
        while pos < c_end:
            nl = text.find("\n", pos)
            line_end = c_end if nl == -1 or nl > c_end else nl
            s = pos
            while s < line_end and text[s] in SPACE:
                s += 1
            pos = line_end + 1
            if s >= line_end:
                continue
            while p + 1 < len(out) and out[p + 1].start <= s:
                p += 1
            h = header_at.get(s)
            parent = out[p] if p >= 0 and out[p].end > s else None
            if parent is not None and parent.start == s:
                if h is not None and _title_only(text, parent, line_end):
                    # 第三条 协调推进机构 / 由…领导小组…，负责…: the paragraph under the title names the unit
                    got = _paragraph_duty(text, s, line_end + 1, parent.end, parent.marker, parent.end)
                    if got is not None:
                        out[p] = got
                        nl = text.find("\n", got.duty_start)
                        pos = max(pos, len(text) if nl == -1 else nl + 1)  # that paragraph is read
                continue  # already an item
            if h is None and parent is None:
                continue  # a paragraph outside any article: not read here
            if parent is None:
                k = bisect.bisect_right(header_starts, s)
                end = min(header_starts[k], c_end) if k < len(header_starts) else c_end
            else:
                end = parent.end
            again = [u.name for u in parent.attribution.units] if parent is not None else []
            marker = text[h.start : h.end] if h is not None else ""
            got = _paragraph_duty(text, s, h.end if h is not None else s, line_end, marker,
                                  _trimmed(text, s, end), again)
            if got is not None:
                (split if parent is not None else after).setdefault(p, []).append(got)
    if not split and not after:
        return out
    result: list[Duty] = []
    for k in range(-1, len(out)):
        if k >= 0:
            children = split.get(k, [])
            d = out[k]
            if children:  # the item ends before its first split paragraph, each split one before the next
                cut = children[0].start
                d = dataclasses.replace(d, end=_trimmed(text, d.start, cut),
                                        joined=tuple(a for a in d.joined if a.start < cut))
                children = [dataclasses.replace(c, end=_trimmed(text, c.start, children[n + 1].start))
                            if n + 1 < len(children) else c for n, c in enumerate(children)]
            result.append(d)
            result += children
        result += after.get(k, [])  # new items after out[k] (before out[0] for k = -1)
    return result


def _title_only(text: str, d: Duty, line_end: int) -> bool:
    """Is the item's unit its title line alone (第三条 协调推进机构), a paragraph under it?"""
    return (d.attribution.end <= line_end and not text[d.attribution.end : line_end].strip(SPACE)
            and d.end > line_end)



# Units acting by their duties as a whole list (按照职责分工，…): the words of a lead-in to a duty list.
_BY_DIVISION_RE = re.compile(r"(?:按照?|依)(?:各自)?职责分工")


# A lead-in closed by a colon over its items says so itself (第七条 …有关行政管理部门按照各自职责，在…
# 开展…工作： / （一）市场监督管理部门负责…, r1341): acting by their duties at all is the list's words there.
_BY_DUTIES_RE = re.compile(r"(?:按照?|依)(?:各自)?的?职责(?:分工)?")


def by_division(a: Attribution, colon: bool = False) -> bool:
    """Is the attribution's only cue acting 按照职责分工 (or, in a lead-in ending in a colon,
    按照各自职责)?"""
    return (_BY_DIVISION_RE.fullmatch(a.label) is not None
            or (colon and _BY_DUTIES_RE.fullmatch(a.label.rstrip("，, ")) is not None))


def lead_in(rank_at: dict[int, int], h: Header, first_item: int, own_end: int) -> bool:
    """Is the text of heading ``h`` (up to ``own_end``) followed right away by its first sub-item, a duty
    item at ``first_item`` (``rank_at``: each header's rank by its start): a lead-in to the duty list
    (第六条 在区政府统一领导下，区有关部门及相关单位按照职责分工，共同做好… / （一）区应急局：…, r940), whose
    按照职责分工 gives no duty of its own?"""
    return first_item == own_end and rank_at.get(first_item, -1) > h.rank
