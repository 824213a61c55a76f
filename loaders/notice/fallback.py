"""The last reader: a document the structured readers refuse, read paragraph by paragraph.

The structured readers need numbered measures (``（一）``, ``1.``, ``第一条``) that carry the
attributions, a task table, or a duty list of two items or more. A document whose numbering
they do not find (unnumbered paragraphs, a numbering of its own, headings stripped by a
copy) or whose attributions stand outside every numbered item was refused outright, though
its sentences say who does what. This reader takes each paragraph (a line) on its own: the
labels and role brackets in it (``…做好排查。（牵头单位：A；责任单位：B）``, ``（A牵头，B配合）``),
or, where it has none, the units heading it with a duty (``街道消委办。牵头…``, a unit on a heading
line and the paragraph under it) or the duties in its running text whose clause opens with the
doer (``区房管局负责…``, ``由建管中心牵头，营商办…参与``, read as running_text and given_by read
them). A paragraph that names a unit with a role so is a measure. A label opening a line of its
own (``牵头单位：…``) is not read but listed as unread: which text it belongs to is not said,
and such a label outside any numbered measure is what the structured readers refuse, saying where.

Two such attributions at least, as for running text in parse: one sentence of prose
(``区财政局负责保障经费``) is not a duty list. A document with fewer is still refused, with
the structured readers' own message. A paragraph with a role word whose doer is not read
(``负责…`` after a heading line, a subject that is not a unit name) is listed as unread.

>>> text = "某镇工作方案\\n城建中心负责组织排查。\\n由城运中心牵头，派出所配合做好巡查。\\n"
>>> duties, _unread = paragraph_duties(text)
>>> [(d.start, [(a.role, [u.name for u in a.units]) for a in d.attributions]) for d in duties]
[(7, [('responsible', ['城建中心'])]), (19, [('lead', ['城运中心']), ('support', ['派出所'])])]

Linear: each paragraph is read once by readers that are linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .duties import roster_line
from .duty_heads import ARTICLE_TITLE_RE, DUTIES_OF, inline_item_starts, item_heading
from .duty_scope import abbreviates, later_subjects
from .duty_words import MAX_HEADING, STATED_DUTY_RE, duty_role, unit_list
from .given_by import by_clauses, with_clauses
from .layout import detect_layout
from .model import Attribution, Official, UnitMention
from .numbering import LINE_HEADER_RE
from .persons import person_mentions
from .regions import find_regions, parse_attributions
from .roles import role_brackets, role_lines
from .running_text import subject_clauses
from .vocabulary import LABEL_RE, SPACE, label_role

# Two attributions at least in the whole document (parse reads running text so too).
MIN_ATTRIBUTIONS = 2
# A word that gives a role, for listing a paragraph that has one and yielded no unit.
_ROLE_WORD_RE = re.compile(r"负责(?!人(?!才|力|口|防|事)|同志)|牵头|配合|协助|协同|参与|协办"
                           r"|责任单位|牵头单位")


LABEL_ALONE = "a label on a line of its own: which paragraph it belongs to is not said"
NO_DOER = "a paragraph with a role word whose doer was not read as a unit"


@dataclass(frozen=True)
class ParagraphDuty:
    start: int  # the paragraph's first character (its numbering marker, if any)
    end: int  # its last character that is not whitespace, plus one
    marker: str  # a numbering marker at its start, as written, or ""
    body: int  # where its text begins, after the marker
    attributions: list[Attribution]
    officials: list[Official]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line with text, spaces at either end left out, and of each item run on
    inside one."""
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = nl if nl != -1 else n
        s, e = pos, end
        while s < e and (text[s] in SPACE or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in SPACE or text[e - 1].isspace()):
            e -= 1
        if s < e:
            # 城建中心：负责…；平安办：配合…: each unit run on with its colon is a paragraph of its own
            for c in inline_item_starts(text, s, e):
                out.append((s, c))
                s = c
            out.append((s, e))
        pos = end + 1
    return out


def _headed(text: str, body: int, e: int, duty_start: int, units: list[UnitMention],
            explicit: bool) -> list[Attribution]:
    """A paragraph headed by its units (街道消委办。牵头… / 房管所负责… / a heading line and the
    paragraph after it): the units take the role of the first role verb of the first sentence
    (duty-list rule; none → responsible where the heading is set off by 。 or ： or a line of its
    own), and later sentences with a subject and a role verb of their own add their units."""
    role, verb = duty_role(text, duty_start, e, True)
    if not verb and not explicit and not STATED_DUTY_RE.search(text, duty_start, e):
        return []
    clause_end = duty_start + len(verb) if verb and text.startswith(verb, duty_start) else duty_start
    head = Attribution(role=role, label=verb or "职责分工", clause=text[body:clause_end], start=body,
                       end=clause_end, units=units)
    return [head] + later_subjects(text, duty_start, e, [u.name for u in units])


def _read(text: str, s: int, e: int, body: int) -> tuple[list[Attribution], list[Official]]:
    """The attributions of a paragraph holding no label: its role brackets (（A牵头，B配合）), or the
    units heading it with a duty, or else the duties of its running text."""
    bracketed = role_brackets(text, s, e, []) + role_lines(text, s, e)
    if bracketed:
        return bracketed, []
    if text[body] != "由" and (got := item_heading(text, body, e, e)) is not None:
        units, _hs, head_end, duty_start = got
        if (duty_start < e and all(isinstance(u, UnitMention) for u in units)
                and not roster_line(text, units, head_end, duty_start, e)):  # 成员单位：A、B、C。
            headed = _headed(text, body, e, duty_start, [u for u in units if isinstance(u, UnitMention)],
                             head_end < duty_start)
            if headed:
                return headed, []
    clauses, persons = subject_clauses(text, s, e)
    return with_clauses(by_clauses(text, s, e), clauses), persons


def _heading_units(text: str, body: int, e: int) -> list[UnitMention] | None:
    """A line naming only a unit (（一）区建管委, 区民政局主要职责): its duty is the next paragraph."""
    rest = re.sub("(?:" + DUTIES_OF + ")$", "", text[body:e]) or text[body:e]
    if len(rest) > MAX_HEADING:
        return None
    return unit_list(text, body, body + len(rest))


def paragraph_duties(text: str) -> tuple[list[ParagraphDuty], list[tuple[int, int, str]]]:
    """Every paragraph that names a unit (or a person) with a role: (duties, and the paragraphs
    not read, as (start, end, why): a label on a line of its own, or a role word whose doer is
    not read). Empty when the document holds fewer than
    MIN_ATTRIBUTIONS such attributions: it is then no duty list."""
    found: list[ParagraphDuty] = []
    missed: list[tuple[int, int, str]] = []
    count = 0
    layout = detect_layout(text)
    heading: tuple[int, list[UnitMention]] | None = None  # a unit heading line waiting for its duty
    for s, e in _paragraphs(text):
        body = _body(text, s)
        if body >= e:
            continue
        opening = LABEL_RE.match(text, body, e)
        if opening is not None and not label_role(opening.group(1))[0]:
            heading = None
            continue  # 督办单位：…, 责任领导：…: a label of no role, nothing to read
        label = _role_label(text, s, e)
        if label is not None and _opens(text, body, label):
            missed.append((s, e, LABEL_ALONE))  # 牵头单位：… on a line of its own: whose measure, not said
            heading = None
            continue
        if label is not None:  # …做好排查。（牵头单位：A；责任单位：B）: the paragraph's own labels
            regions = find_regions(text, body, e, layout)
            attributions = [a for r in regions for a in parse_attributions(text, r)]
            officials = person_mentions(text, body, e)
        else:
            attributions, officials = _read(text, s, e, body)
        attributions = [a for a in attributions if a.units]
        start = s
        if not attributions and not officials and heading is not None:
            # （一）区建管委 / 负责…: the heading line's unit, with the duty of this paragraph
            start, heads = heading
            attributions = _headed(text, _body(text, start), e, body, heads, True)
        elif heading is not None and attributions and _restates(attributions[0], heads := heading[1], body):
            # （一）虹口区绿化和市容管理局 / 区绿化市容局负责…: labelled as the heading names it (r704)
            start = heading[0]
            attributions = [attributions[0].model_copy(update={"units": heads})] + attributions[1:]
        heading = None
        if attributions or officials:
            b = _body(text, start)
            found.append(ParagraphDuty(start=start, end=e, marker=text[start:b].strip(SPACE), body=b,
                                       attributions=attributions, officials=officials))
            count += len(attributions) + len(officials)
        elif (named := _heading_units(text, body, e)) is not None:
            heading = (s, named)
        elif _ROLE_WORD_RE.search(text, s, e):
            missed.append((s, e, NO_DOER))
    if count < MIN_ATTRIBUTIONS:
        return [], []
    return found, missed


def _restates(first: Attribution, heads: list[UnitMention], body: int) -> bool:
    """Does the paragraph open with the heading line's units again, maybe by a shorter name?"""
    return (first.start == body and len(first.units) == len(heads)
            and all(abbreviates(u.name, h.name) and u.name[-1] == h.name[-1]
                    for u, h in zip(first.units, heads, strict=True)))


def _body(text: str, s: int) -> int:
    """Where a paragraph's text begins, after its numbering marker (and an article's title in brackets
    with text after it: 第五条（财政部门职责）区财政局负责…)."""
    mk = LINE_HEADER_RE.match(text, s)
    k = mk.end() if mk else s
    while k < len(text) and text[k] in SPACE:
        k += 1
    if mk is not None and (t := ARTICLE_TITLE_RE.match(text, k)) is not None and text[t.end() : t.end() + 1] \
            not in ("", "\n", "\r"):
        k = t.end()
    return k


def _role_label(text: str, s: int, e: int) -> int | None:
    """Where the line's first label that gives a role (牵头单位：…, not 督办单位：…) starts, or None."""
    return next((m.start() for m in LABEL_RE.finditer(text, s, e) if label_role(m.group(1))[0]), None)


def _opens(text: str, body: int, label: int) -> bool:
    """Does the label open the paragraph (behind an opening bracket at most)?"""
    return not text[body:label].strip(SPACE + "（(【[〔")


__all__ = ["LABEL_ALONE", "MIN_ATTRIBUTIONS", "NO_DOER", "ParagraphDuty", "paragraph_duties"]
