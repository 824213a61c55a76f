"""Duty lists: duties stated unit by unit (职责分工), not attached to a task.

Township and street documents, and many district ones, say who does what as a
list of units, each followed by its duty, instead of a list of tasks each
followed by its units. An item of such a list starts with the unit:

- ``1.街道消委办。牵头开展…`` / ``镇规划建设办：负责…`` (the unit, then 。 or ：);
- ``（一）区建管委`` on a line of its own, its duty in the paragraph below;
- ``房管所、规建生态办负责牵头组织…`` / ``城运中心结合…，协同做好…`` (a paragraph
  that starts with the units and goes straight on with the duty).

Each such item is a measure; its heading units take the role of the first role
verb in the item's first sentence: 牵头 → lead (负责牵头, 牵头负责, 总牵头 too),
配合 / 协助 / 协同 / 参与 / 参加 / 协办 → support (负责配合 too), 负责 or no role
verb → responsible. Units named later in the duty are what the duty is about
(``协同建管中心推动…``) and are not read as holders.

>>> text = '''二、职责分工
... 1.街道消委办。牵头开展独居老人消防安全关爱工作。
... 2.派出所。配合开展独居老人消防安全关爱工作。
... 3.城运中心负责预警，协同做好排查。'''
>>> [(d.attribution.role, [u.name for u in d.attribution.units]) for d in duty_items(text, headers_of(text))]
[('lead', ['街道消委办']), ('support', ['派出所']), ('responsible', ['城运中心'])]

A paragraph that starts with a unit and a verb is a duty only among others
like it: the parser reads duty lists where a document has no labels and no
role brackets, and only when at least two items read so (see parse).
"""

from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass

from .duty_brackets import bracket_duties
from .duty_density import dense_groups, dense_headings
from .duty_heads import (
    ARTICLE_TITLE_RE,
    SETS_UP_VERB_RE,
    article_opening,
    governing_heading,
    inline_item_starts,
    item_heading,
    set_up_item,
    titled_heading,
)
from .duty_scope import (
    KIND_RE,
    PARTY_POST_RE,
    SectionHeadings,
    abbreviates,
    in_duty_list,
    introduces,
    later_subjects,
    names_duties,
    restates,
    sibling_groups,
    under_duties_heading,
)
from .duty_words import (
    ACTS_BY_DUTY_RE,
    MAX_LIST_HEADING,
    ROLE_VERB_RE,
    STATED_DUTY_RE,
    duty_role,
    guided,
    unit_list,
)
from .given_by import joined_lead, placed_clauses
from .layout import detect_layout
from .model import Attribution, NoticeError, Official, UnitMention
from .numbering import Header, accept_headers, article_item_ends
from .vocabulary import SPACE, where


@dataclass(frozen=True)
class Duty:
    start: int  # the item: its numbering marker, or its first character
    end: int
    marker: str  # the numbering as written, "" for an unnumbered paragraph
    attribution: Attribution
    duty_start: int  # where the duty's own text begins (after the unit heading)
    # Groups of persons heading the item (各包村干部、村干部，负责…): officials, not units;
    # the attribution then names no unit.
    officials: tuple[Official, ...] = ()
    # The units a 由-heading's lead joins or leads (由平安办牵头，联合信访办…核查): support.
    joined: tuple[Attribution, ...] = ()


# A unit followed by 的 (after a frame 在…中) modifies the noun after it: 委员会在…中的具体工作由…承担 (r1882)
# names the work the unit owns, the paragraph's subject being the work.
_POSSESSIVE_RE = re.compile(r"(?:在[^，,。；;：:\n]{1,30}?中)?的")


def headers_of(text: str) -> list[Header]:
    """Every numbering marker that heads an item, for the doctest above."""
    return accept_headers(text, detect_layout(text), [])



def _without_rosters(text: str, found: list, headers: list[Header], group: dict[int, list[int]]) -> list:
    """Numbered lines naming only a unit, with no text of their own before the next one
    ((一)镇规划建设和生态环境办公室 / (二)镇经济发展服务中心 / (三)…, r920): the members of a
    body listed one per line, not duty items. Text after the last of them is its parent's."""
    next_rank = {h.start: headers[i + 1].rank for i, h in enumerate(headers[:-1])}
    rank_at = {h.start: h.rank for h in headers}
    bare: set[int] = set()
    for start, _body, h, _units, head_end, duty_start in found:
        # the next thing after the heading line is a sibling's (or a higher item's) marker: no
        # paragraph and no sub-items of its own
        if (h is not None and "\n" in text[head_end:duty_start] and duty_start in rank_at
                and rank_at[duty_start] <= h.rank and next_rank.get(h.start) == rank_at[duty_start]):
            bare.add(start)
    rosters: set[int] = set()
    for start in bare:
        siblings = group.get(start, [start])
        if start in rosters or sum(s in bare for s in siblings) < 2:
            continue
        listed = [s for s in siblings if s in bare or s == siblings[-1]]
        if len(listed) == len(siblings):  # every line bare but maybe the last
            rosters.update(siblings)
    return [f for f in found if f[0] not in rosters]


def _paragraphs_in_duty_items(text: str, found: list, headers: list[Header],
                              block_end: dict[int, int]) -> set[int]:
    """Unnumbered paragraphs opening with a unit inside a numbered item that is itself headed by
    another unit ((一)区应急局负责… / 区消防救援支队承担…日常工作。…, r1001): the list of duties goes on
    with the next unit's. Not inside an article (第四条 镇人民政府负责… / 镇党群中心具体负责…: one
    article, one measure, r803), nor a paragraph restating the item's unit."""
    # the parent's unit opens its own paragraph: under a unit on a heading line of its own
    # ((一)虹口区绿化和市容管理局 / 区绿化市容局负责…, r704) the paragraphs are that unit's duty
    # a heading line naming a category of members, not a body ((三)成员单位 / 区规划资源局负责… /
    # 区建设管理委负责…, r1120): each paragraph under it opening with a unit is an item
    # So is a heading line whose first paragraph opens with another body, not the heading's by a
    # shorter name (1.行业主管部门 / 区房管局负责… / 区建管委负责…): the heading names a kind of member
    opened_by = {f[0]: f[3] for f in found if f[2] is None}
    heads = {f[2].start: f[3] for f in found
             if f[2] is not None and f[2].style != "article"
             and (f[4] == f[5] or _category(f[3]) or _another_body(f[3], opened_by.get(f[5])))}
    # under a body on a heading line of its own, the paragraph restating it opens its duty; a
    # later paragraph opening with another body ((二)区更新办 / 区更新办由…负责… / “两旧一村”改造工作专班
    # 负责…, r1120) is that other body's duty item (as r1001 inside a unit-headed item)
    lines = {f[2].start: f[3] for f in found
             if f[2] is not None and f[2].style != "article" and "\n" in text[f[4] : f[5]]}
    restated = {f[2].start for f in found if f[2] is not None and f[2].start in lines  # its first paragraph
                and any(isinstance(u, UnitMention) and text.startswith(u.name, f[5]) for u in f[3])}
    starts = [h.start for h in headers]
    out: set[int] = set()
    for start, _b, h, units, _he, _d in found:
        if h is not None:
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or start >= block_end.get(starts[i], 0):
            continue
        if starts[i] in heads:
            parent = [u.name for u in heads[starts[i]] if isinstance(u, UnitMention)]
            if any(isinstance(u, UnitMention) and restates(u.name, p) for u in units for p in parent):
                continue
            out.add(start)
        elif starts[i] in lines:
            parent = [u.name for u in lines[starts[i]] if isinstance(u, UnitMention)]
            if starts[i] in restated and not any(
                    isinstance(u, UnitMention) and restates(u.name, p) for u in units for p in parent):
                out.add(start)
    return out


# A chapter line of a regulation (第一章 总则, ## 第一章  总  则 in Markdown copies).
_CHAPTER_LINE_RE = re.compile(r"^[#\s\u3000]*第[一二三四五六七八九十百零〇]+章[ \t\u3000]*(?P<title>[^\n]*)$",
                              re.M)
_ARTICLE_RE = re.compile(r"第[一二三四五六七八九十百零〇]+条")


def general_articles(text: str, headers: list[Header]) -> set[int]:
    """The articles (第X条) under a chapter whose title names no duties (第一章 总则): each article is
    read by its own words, so one opening with a unit but giving no role word is no duty, however
    many of its siblings open with units (AE, AK: the duty-list default is applied under a duties
    heading only)."""
    chapters = [(m.start(), not names_duties(re.sub(r"\s+", "", m.group("title"))))
                for m in _CHAPTER_LINE_RE.finditer(text)]
    if not chapters:
        return set()
    starts = [c[0] for c in chapters]
    out: set[int] = set()
    for h in headers:
        i = bisect.bisect_right(starts, h.start) - 1
        if i >= 0 and chapters[i][1] and _ARTICLE_RE.fullmatch(text, h.start, h.end):
            out.add(h.start)
    return out


# A kind of member named with no body's own name: 成员单位, 各成员单位, 其他部门, 相关单位.
_CATEGORY_RE = re.compile(r"(?:各|其他|其余)?(?:成员|相关|有关|职能|责任|配合)?(?:单位|部门)")


def _names_again(paragraph: list, heading: list | None) -> bool:
    """Does a paragraph open with the units of the heading line above it, maybe by shorter names?"""
    names = [u.name for u in heading or [] if isinstance(u, UnitMention)]
    return bool(names) and all(isinstance(u, UnitMention) and any(
        abbreviates(u.name, n) or abbreviates(n, u.name) for n in names) for u in paragraph)


def _another_body(heading: list, paragraph: list | None) -> bool:
    """Does a heading line naming a kind of member (1.行业主管部门) have a paragraph under it opening with
    bodies of that kind (区房管局负责…), not with the heading's own name?"""
    names = [u.name for u in heading if isinstance(u, UnitMention)]
    if not names or not all(KIND_RE.fullmatch(n) for n in names):
        return False
    return bool(paragraph) and not any(
        isinstance(u, UnitMention) and any(abbreviates(u.name, n) or abbreviates(n, u.name) for n in names)
        for u in paragraph or [])


def _category(units: list) -> bool:
    """Does a heading name only a category of members (成员单位), no body of its own?"""
    return bool(units) and all(isinstance(u, UnitMention) and _CATEGORY_RE.fullmatch(u.name) for u in units)


def _spaced_out(pattern: str) -> str:
    """A pattern of plain characters and groups whose characters may stand apart by spaces, as a
    page aligns its labels (组 长:, 成 员:, r1261)."""
    return re.sub(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff(|)?])", r"\1[^\\S\\n]*", pattern)


_ROSTER_LABEL_RE = re.compile(
    _spaced_out(r"(?:(?:常务)?(?:副)?(?:组长|召集人|总指挥|指挥长|主任)|成员(?:单位)?)") + r"[^\S\n]*[:：]")
# The group's duties labelled after its make-up: (一)监督工作组 / 组 长:… / 成员单位:… / 工作职责:… (r1261).
_DUTIES_LABEL_RE = re.compile(r"[^\S\n]*(?:工作|主要)?(?:职责|任务)[^\S\n]*[:：]")


def _duties_after_roster(text: str, pos: int) -> bool:
    """Past the roster lines starting at pos (组长：…, 成员单位：…), does a line label the group's duties?"""
    while (m := _ROSTER_LABEL_RE.match(text, pos)) is not None:
        nl = text.find("\n", m.end())
        if nl == -1:
            return False
        pos = nl + 1
        while pos < len(text) and text[pos] in SPACE:
            pos += 1
    return _DUTIES_LABEL_RE.match(text, pos) is not None


def roster_line(text: str, units: list, head_end: int, duty_start: int, line_end: int) -> bool:
    """A line that only lists members: 成员单位：A、B、C。 (a category, then nothing but units) or
    A、B、C。 (two units or more closed by 。 with nothing after them on the line)."""
    if "\n" in text[head_end:duty_start] and _ROSTER_LABEL_RE.match(text, duty_start):
        # （一）领导小组 / 组长：… / 成员：…: the body's make-up under its name (r1082); with its duties
        # labelled after the make-up (工作职责：…) the group is a duty item (r1261)
        return not _duties_after_roster(text, duty_start)
    if "\n" in text[head_end:duty_start]:
        # （三）成员单位 / A、B、C。: a category on a heading line, the members under it (r1120's category
        # heading holds duty paragraphs instead)
        nl = text.find("\n", duty_start)
        line_end = nl if nl != -1 else len(text)
        head_end = duty_start
        if not _category(units):
            return False
    rest_end = line_end
    while rest_end > duty_start and text[rest_end - 1] in SPACE + "。；;":
        rest_end -= 1
    if rest_end <= duty_start:
        return len(units) >= 2 and text.startswith("。", head_end)
    return ((_category(units) and (head_end == duty_start or text.startswith(("：", ":"), head_end)))
            and unit_list(text, duty_start, rest_end, MAX_LIST_HEADING) is not None)


def _children_all_items(h: Header, headers: list[Header], starts: list[int], block_end: dict[int, int],
                        items: set[int]) -> bool:
    """Is every sub-item of the first level under h an item of the duty list (naming its own unit)?"""
    lo = bisect.bisect_right(starts, h.start)
    inner = headers[lo : bisect.bisect_left(starts, block_end.get(h.start, 0), lo)]
    if not inner:
        return True
    top = min(x.rank for x in inner)
    return all(x.start in items for x in inner if x.rank == top)


_LEAD_MARK_RE = re.compile(r"[（(]牵头(?:单位|部门)?[)）]")


def _lead_marked(text: str, head: Attribution, head_end: int) -> Attribution | None:
    """A duty item's head unit followed by a （牵头） mark (区发展改革委（牵头）：负责…): the unit is the lead
    whatever the duty's first verb, as a marked name in a list is (README)."""
    if len(head.units) != 1 or head.role == "lead":
        return None
    u = head.units[0]
    mark = _LEAD_MARK_RE.match(text, u.end, head_end + 1)
    if mark is None and not _LEAD_MARK_RE.search(u.as_written):
        return None
    return head.model_copy(update={"role": "lead", "label": "（牵头）"})


def _line_end(text: str, s: int) -> int:
    nl = text.find("\n", s)
    return nl if nl != -1 else len(text)


def _sentence_end(text: str, start: int, end: int) -> int:
    k = start
    while k < end and text[k] not in "。！？\n":
        k += 1
    return k


def _first_clause_end(text: str, start: int, end: int) -> int:
    k = start
    while k < end and text[k] not in "，,。；;！？\n":
        k += 1
    return k


def _line_starts(text: str) -> list[int]:
    """The first non-space character of each line that has one, in order."""
    out = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        line_end = nl if nl != -1 else len(text)
        s = pos
        while s < line_end and text[s] in SPACE:
            s += 1
        if s < line_end:
            out.append(s)
        pos = line_end + 1
    return out


def _gives_duty(text: str, head_end: int, duty_start: int) -> bool:
    """Does a unit heading go on with a duty: a colon or 。 after the name (街镇：…), or a role verb
    or a duty stated in words in the first clause (区建管委负责…, 区民政局履行…职责)?"""
    if text.startswith(("：", ":", "。"), head_end):
        return True
    stop = _sentence_end(text, duty_start, len(text))
    return bool(ROLE_VERB_RE.search(text, duty_start, stop) or STATED_DUTY_RE.search(text, duty_start, stop)
                or PARTY_POST_RE.search(text, duty_start, stop))


def duty_items(text: str, headers: list[Header], deadline: float | None = None) -> list[Duty]:
    """The items of the document's duty lists, in order.

    Candidates are the items after each numbering marker and every paragraph
    that starts a line; where some items are numbered, unnumbered paragraphs
    are the parents' own text (具体分工如下：) and not items.
    """
    starts: list[tuple[int, int, Header | None]] = []  # (item start, text start, header)
    header_at = {h.start: h for h in headers}
    for s in _line_starts(text):
        h = header_at.get(s)
        starts.append((s, h.end if h else s, h))
    # inline headers (not at a line start) head items too
    line_starts = {s for s, _t, _h in starts}
    starts += [(h.start, h.end, h) for h in headers if h.start not in line_starts]
    # and units run on after an item in its paragraph (A：负责…；B：配合…)
    run_on = {k for s0 in line_starts for k in inline_item_starts(text, s0, _line_end(text, s0))}
    starts += [(k, k, None) for k in sorted(run_on - {s0 for s0, _t, _h in starts})]
    starts.sort(key=lambda x: x[0])

    found: list[tuple[int, int, Header | None, list, int, int]] = []
    names_duties_at = SectionHeadings(text, headers)
    articles: list[int] = []  # articles headed by their first paragraph's units (article_opening)
    for i, (start, body, h) in enumerate(starts):
        if deadline is not None and i % 256 == 0 and time.monotonic() > deadline:
            raise NoticeError(f"reading the duty list took too long (stopped at {where(text, start)})")
        next_start = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        nl = text.find("\n", body)
        line_end = min(nl if nl != -1 else len(text), next_start)
        got = item_heading(text, body, line_end, len(text) if h else next_start)
        if got is None and h is not None and h.style == "article" and (
                t := ARTICLE_TITLE_RE.match(text, body, line_end)) is not None and t.end() < line_end:
            # 第五条（发展改革部门职责）区发展改革委负责…: the article's text runs on after its title
            got = item_heading(text, t.end(), line_end, len(text))
        if (got is not None and _category(got[0]) and got[3] < line_end
                and text[got[2] : got[2] + 1] in "。：:"):
            # （三）成员单位。区规划资源局负责…；区建设管理委负责…: the clause names the body
            got = item_heading(text, got[3], line_end, len(text)) or got
        if got is None and h is not None and h.style == "article":
            got = titled_heading(text, body, line_end, len(text))
            if (got is None and i + 1 < len(starts) and starts[i + 1][2] is None
                    and not names_duties(text[body:line_end])):
                # 第四条  (行业管理) / 区建交委负责…: the article is one item (r803, r1022); under a title
                # naming duties (第五条（属地责任）) each paragraph is one (r941)
                got = article_opening(text, body, line_end, starts[i + 1][0])
                if got is not None:
                    articles.append(start)
        if got is None and h is not None and h.style != "article":
            got = governing_heading(text, body, line_end)  # （一）城市管理部门主管… (r1941)
        if got is None and h is None and names_duties_at is not None and names_duties_at.names_duties(start):
            got = set_up_item(text, body, line_end)  # 黄浦区成立…委员会（以下简称…），… (r1121)
        if got is None:
            continue
        units, head_start, head_end, duty_start = got
        if roster_line(text, units, head_end, duty_start, line_end):
            continue  # 成员单位：A、B、C。 / A、B、C。 on a line of their own: members listed, no duty (r508)
        found.append((start, head_start, h, units, head_end, duty_start))
    sections = SectionHeadings(text, headers)
    # a section whose paragraphs mostly open with a unit is a duty list whatever its heading says
    # (a unit followed by its duty: a colon or 。 after the name, or a role verb in its first clause, so
    # a regulation's rules with the parties as subjects are not, 建设单位应委托…, r755). A heading of the
    # level of the document's unit-headed items is an item itself, its paragraphs its own text
    # (（一）加强日常监管 / 区绿化市容局…负责… beside （一）虹口区绿化和市容管理局, r704)
    item_ranks = {f[2].rank for f in found if f[2] is not None}
    # but not an article of a chapter naming no duties (总则), read by its own words (general_articles)
    general = general_articles(text, headers)
    sections.mark_dense(dense_headings(
        [s for s in sections.starts if header_at[s].rank not in item_ranks and s not in general],
        sorted(line_starts - header_at.keys()),
        {f[0] for f in found if f[2] is None and _gives_duty(text, f[4], f[5])}))
    # where each numbered item's block ends: the next marker of the same or a higher level
    block_end: dict[int, int] = {}
    nearest = [len(text)] * (max((h.rank for h in headers), default=0) + 1)
    for h in reversed(headers):
        block_end[h.start] = nearest[h.rank]
        for r in range(h.rank, len(nearest)):
            nearest[r] = h.start
    if articles:  # the paragraphs of such an article are its own text, not items beside it
        spans = [(a, block_end.get(a, len(text))) for a in articles]
        found = [f for f in found if f[2] is not None
                 or not (0 <= (k := bisect.bisect_right(articles, f[0]) - 1) and f[0] < spans[k][1])]
    if sum(h is not None for _s, _b, h, _u, _he, _d in found) >= 2:
        # unnumbered paragraphs are the parents' own text (具体分工如下：), but under a heading
        # naming duties (第三条（职责分工）) each paragraph opening with a unit is an item (r941),
        # and so is one inside a numbered item headed by another unit (r1001)
        in_item = _paragraphs_in_duty_items(text, found, headers, block_end)
        # the first paragraph under a body's heading line, naming it again, is that body's duty, not an item
        # beside it ((九)拆除施工单位 / 拆除施工单位在…指导下，负责…, r704)
        under_line = {f[5]: f[3] for f in found
                      if f[2] is not None and f[2].style != "article" and "\n" in text[f[4] : f[5]]}
        found = [f for f in found if f[2] is not None or f[0] in in_item
                 or (sections.names_duties(f[0]) and not _names_again(f[3], under_line.get(f[0])))]
        # such a paragraph gives a duty in words; a lead-in does not (吴泾镇…做好…。具体分工如下：, r305)
        by_heading = {f[0] for f in found if f[2] is None and f[0] not in in_item}
    else:
        in_item, by_heading = set(), set()
        # an unnumbered paragraph inside an article is the article's next paragraph (款), not an item
        # beside it, however few articles head an item (第四条 A负责… / B按照各自职责，协助… / C负责…: one
        # article, one measure, r803; r1363, r1384), unless the article's title names duties (r941)
        # In a chapter naming no duties (总则) every article is so, whether or not its first paragraph
        # gives a duty (第四条 自治县…人民政府领导… / A负责… / B负责…: one article, one measure, r1545)
        numbered = sorted({f[0] for f in found if f[2] is not None and f[2].style == "article"}
                          | general_articles(text, headers))
        spans = [(a, block_end.get(a, len(text))) for a in numbered]
        found = [f for f in found if f[2] is not None or sections.names_duties(f[0])
                 or not (0 <= (k := bisect.bisect_right([a for a, _e in spans], f[0]) - 1)
                         and f[0] < spans[k][1])]
    group = sibling_groups(headers)
    found = _without_rosters(text, found, headers, group)
    headed = {f[2].start for f in found if f[2] is not None}
    item_starts = [f[0] for f in found]
    item_set, header_starts = set(item_starts), [x.start for x in headers]
    boxed, boxes = bracket_duties(text)  # （城建中心：负责…。城运中心：…）: items of their own (r900)
    box_opens = [o for o, _c in boxes]
    read: list[tuple[int, Attribution | None, str, str]] = []  # (end, guide, role, verb) per item
    # an article's sub-item is a paragraph: one with no marker after it is the article's (款), not the item's
    # (（六）…等部门按照各自职责，负责… / 城市管理…部门…，应当履职尽责, r1941)
    paragraph_ends = article_item_ends(text, headers)
    for i, (start, _body, h, _units, _head_end, duty_start) in enumerate(found):
        nxt = item_starts[i + 1] if i + 1 < len(found) else len(text)
        if h is not None:
            end = min(nxt, block_end.get(h.start, len(text)), paragraph_ends.get(h.start, len(text)))
        else:
            nl = text.find("\n", duty_start)
            end = min(nl if nl != -1 else len(text), nxt)
        b = bisect.bisect_left(box_opens, duty_start)
        if b < len(box_opens) and box_opens[b] < end:
            end = box_opens[b]  # the item's own text ends where a bracketed duty list starts
        while end > start and text[end - 1].isspace():
            end -= 1
        after_guide, guide = guided(text, duty_start, end)
        # a duty item lists its duties one clause each, so its first ends at the first ；as under
        # a <unit>职责 heading (r511): 区商务委…。按照…继续做好…；配合做好… is responsible (r1040)
        read.append((end, guide, *duty_role(text, after_guide, end, True)))
    # items that give a duty in words: a role verb, or 履行…职责
    stated = {f[2].start for f, r in zip(found, read, strict=True)
              if f[2] is not None and STATED_DUTY_RE.search(text, f[5], r[0])}
    voiced = stated | {f[2].start for f, r in zip(found, read, strict=True) if f[2] is not None and r[3]}
    # 1.镇财政所、镇经管中心按照职责加强…监督管理: units acting by their duties state one, wherever the item
    # stands (README, from r601 beside r508/r754/r802/r921/r922)
    acting = {f[2].start for f in found if f[2] is not None and ACTS_BY_DUTY_RE.match(text, f[5])}
    # under a heading naming duties (二、职责分工), or among siblings that are a duty list by their
    # structure whatever the heading says (duty_density)
    titled = under_duties_heading(text, headers) | (dense_groups(group, headed, voiced)
                                                    - general_articles(text, headers))
    voiced |= titled
    out: list[Duty] = []
    for i, ((start, body, h, units, head_end, duty_start), (end, guide, role, verb)) in enumerate(
            zip(found, read, strict=True)):
        if (not verb and h is not None and duty_start == head_end and h.start not in acting
                and not ((h.start in titled or h.start in stated)
                         and in_duty_list(h, group, headed, voiced))):
            # 2.建设单位按照各自工作职责，拟定…: a step of a procedure, no duty given; with no role word
            # an item is a duty only under a heading naming duties or in words of its own (履行…职责):
            # 1.物业服务企业…应结合…定期…巡查 under （一）日常巡查 is a step (r1024, r754)
            continue
        if not verb and start in by_heading and sections.leads_in(start):
            # 吴泾镇…做好…。具体分工如下： before the items (r305); a paragraph among paragraphs
            # each opening with a unit under a duties title gives that unit its duty
            # (区房管局、各街道应当加强…, r1024)
            continue
        if (not verb and h is not None and duty_start > head_end and "\n" not in text[head_end:duty_start]
                and sections.names_duties(start) is not True
                and SETS_UP_VERB_RE.search(text, duty_start, _sentence_end(text, duty_start, end))):
            # 三、组织机构 / (一)街道消防安全委员会。各街道设立…，由…担任主任，…成员…组成: the body set up
            # and its roster, no duty given in words (r1003, as r702's leading group, r920)
            continue
        if (not verb and h is None and duty_start == head_end and start not in in_item
                and sections.names_duties(start) is False
                and not STATED_DUTY_RE.search(text, duty_start, _first_clause_end(text, duty_start, end))):
            continue  # 九、监督管理 / 镇集体资产监督管理委员会对…全过程监管: the section's text (r508)
        if not verb and h is None and _POSSESSIVE_RE.match(text, head_end) is not None:
            continue  # X在…中的具体工作由Y承担 (r1882): X owns the work named, no subject of a duty
        heading_line = h is not None and "\n" in text[head_end:duty_start]
        # （二）区更新办 / 区更新办由…负责… / “两旧一村”改造工作专班负责… (r1120): a body on a heading line
        # whose first paragraph restates it has a duty of its own, beside the other body's item after it
        restated = heading_line and any(isinstance(u, UnitMention) and text.startswith(u.name, duty_start)
                                        for u in units)
        if (heading_line and not restated and i + 1 < len(found)
                and item_starts[i + 1] < (block_end.get(h.start, end) if h is not None else end)
                and (h is None or found[i + 1][2] is None
                     or _children_all_items(h, headers, header_starts, block_end, item_set))):
            # 四、区委、区政府各部委办局消防安全职责 over items that name their own units (r701); but
            # 三、各街道消防工作责任 over (一)…(六) naming none holds them, beside (七)新天地办…负责… (r1002);
            # a paragraph of its own naming the unit (第四条（…部门职责） / 区国动办承担…, r941) stands for it
            continue
        if introduces(text, units, duty_start, end):
            continue  # 四、各单位按以下职能分工…：the items below say which unit does what
        clause_end = duty_start + len(verb) if verb and text.startswith(verb, duty_start) else head_end
        persons = tuple(o.model_copy(update={"role": verb or "职责分工"}) for o in units
                        if isinstance(o, Official))
        attribution = Attribution(role=role, label=verb or "职责分工", clause=text[body:clause_end],
                                  start=body, end=clause_end,
                                  units=[u for u in units if isinstance(u, UnitMention)])
        joined: list[Attribution] = [guide] if guide is not None and attribution.units else []
        # 1.区发展改革委（牵头）：负责统筹协调: the mark makes it the lead
        attribution = _lead_marked(text, attribution, head_end) or attribution
        led = verb == "牵头" and text.startswith(verb, duty_start)
        if led and body > 0 and text[body - 1] == "由":
            joined_from = [attribution]
            joined_lead(text, clause_end, end, joined_from)
            joined = joined_from[1:]
        if not heading_line and attribution.units:
            heads = [u.name for u in attribution.units]
            joined += later_subjects(text, duty_start, end, heads)
            # 委员会下设…办公室，办公室设在…，具体负责… (r922)
            joined += [a for a in placed_clauses(text, duty_start, end)
                       if not any(restates(u.name, h) for u in a.units for h in heads)]
        out.append(Duty(start=start, end=end, marker=text[start : h.end] if h else "",
                        attribution=attribution, duty_start=duty_start, officials=persons,
                        joined=tuple(joined)))
    out += [Duty(start=s, end=e, marker="", attribution=a, duty_start=d) for s, e, _verb, a, d in boxed]
    return sorted(out, key=lambda d: d.start)


__all__ = ["Duty", "duty_items", "headers_of"]


def unlabelled_duty_list(text: str, headers: list[Header], labels: list[int],
                         deadline: float | None = None) -> list[Duty]:
    """The duty list (职责分工) of a document whose measures carry labels or role brackets: the
    items of a section whose heading names duties (（二）职责分工, 三、试点工作职能分工) holding no
    label or bracket of their own (r1061, r1063). Each unit-headed item there says who does
    what as a duty list does (see duty_items); two at least, so one paragraph is not read."""
    sections = SectionHeadings(text, headers)
    items = duty_items(text, headers, deadline)
    # or whose paragraphs mostly open with a unit giving its duty in words (duty_density)
    header_starts = {h.start for h in headers}
    paragraphs = [s for s in _line_starts(text) if s not in header_starts]
    sections.mark_dense(dense_headings(sections.starts, paragraphs,
                                       {d.start for d in items if not d.marker and d.attribution.units
                                        and d.attribution.label != "职责分工"}))
    # and numbered siblings that are a duty list by their structure (a role verb, or a colon after the unit)
    numbered = [d for d in items if d.marker]
    listed = dense_groups(sibling_groups(headers), {d.start for d in numbered},
                          {d.start for d in numbered if d.attribution.label != "职责分工"
                           or text.startswith(("：", ":"), d.attribution.end)})
    if not any(sections.duties) and not listed:
        return []
    ordered = sorted(labels)
    out = []
    for d in items:
        i = bisect.bisect_left(ordered, d.start)
        if ((i < len(ordered) and ordered[i] < d.end)
                or not (sections.names_duties(d.start) or d.start in listed)):
            continue
        out.append(d)
    return out if len(out) >= 2 else []
