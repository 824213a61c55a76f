"""Brackets without labels, where role words say who does what.

``（市发展改革委牵头，市财政局、市商务局配合）``: each role word (牵头, 负责,
配合 …) gives its role to the list of names before it, back to the previous
role word or the opening bracket. A bracket is read as an attribution only
when all of it reads so: every list names bodies and the bracket ends with a
role word. ``（不含本数）``, ``（含）`` or ``（即……）`` do not, and name no unit.

>>> text = "完善机制。（市发展改革委牵头，市财政局、市商务局配合）"
>>> [(a.role, [u.name for u in a.units]) for a in role_brackets(text, 0, len(text))]
[('lead', ['市发展改革委']), ('support', ['市财政局', '市商务局'])]
>>> role_brackets("范围内6亩以下（不含6亩）的土地", 0, 16)
[]
"""

from __future__ import annotations

import re

from .model import Attribution
from .names import PHRASE_RE, is_holder, looks_like_unit
from .unit_lists import list_mentions
from .vocabulary import SPACE

# Role words; what they make of the list before them. A manner may stand in
# front (按职责分工负责, 按职能分别负责, 分头落实, 共同参与): it keeps the role.
ROLE_WORDS = {
    "牵头负责": "lead", "牵头落实": "lead", "牵头抓总": "lead", "牵头": "lead",
    "负责落实": "responsible", "组织实施": "responsible", "抓好落实": "responsible",
    "负责": "responsible", "落实": "responsible", "实施": "responsible",
    "配合落实": "support", "配合": "support", "参与": "support", "参加": "support", "协同": "support",
    "协办": "support", "协助": "support",
    # as the labels 主办单位 / 承办单位 / 协作单位 read (（县委宣传部主办，县文旅局承办）)
    "主办": "lead", "承办": "responsible", "协作": "support",
}
MANNER = r"(?:按(?:职责|职能|职能职责|职责分工|职能分工|各自职责)(?:分工)?)?(?:分别|共同|具体|分头|分工)?"
# Not inside a noun: the 牵头 of 牵头单位 names a unit (工作专班牵头单位牵头).
ROLE_RE = re.compile(MANNER + "(?P<word>" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
                     + r")(?!\s*单位|\s*部门)")
_OPEN = "(（"
_CLOSE = ")）"
_SEPARATORS = "，,；;、 \u3000\t\n"
SPACE_CHARS = " \u3000\t\r"
# What may follow the last role word: a note, as a clause (，排在第一位的部门为牵头部门，
# 下同, r80) or, inside a bracket, a sentence of its own (。列第一位者为牵头单位，下同, r960,
# r961). A note is no role word of its bracket; what it says is read by first_listed_leads.
_NOTE_OPENERS = "，,；;"
_BRACKET_NOTE_OPENERS = _NOTE_OPENERS + "。"
# The note that makes the first unit of each bracket from here on the lead (下同: the same below).
FIRST_LEAD_NOTE_RE = re.compile(r"(?:排在|列)第一位(?:者|的(?:部门|单位))?为牵头(?:部门|单位)")


def read_role_bracket(text: str, open_at: int, close_at: int) -> list[Attribution] | None:
    """The attributions of the bracket text[open_at:close_at + 1], or None when
    it is not an attribution."""
    return read_role_span(text, open_at + 1, close_at, _BRACKET_NOTE_OPENERS)


def read_role_span(text: str, start: int, end: int, notes: str = _NOTE_OPENERS) -> list[Attribution] | None:
    """text[start:end] read whole as role clauses (A牵头，B、C配合), or None. A
    note may follow the last clause after one of `notes`."""
    while end > start and text[end - 1] in _SEPARATORS + "。":
        end -= 1
    cues = list(ROLE_RE.finditer(text, start, end))
    out: list[Attribution] = []
    seg_start = start
    for cue in cues:
        s = seg_start
        while s < cue.start() and text[s] in _SEPARATORS:
            s += 1
        if s == cue.start():
            if cue.group("word") in ("负责", "落实", "实施") and out:
                seg_start = cue.end()  # "牵头负责" written apart: 牵头，负责
                continue
            return None
        before = out[-1].units[-1] if out and out[-1].units else None
        leads, mentions = list_mentions(text, s, cue.start(), before)
        units = leads + mentions
        if not units or not all(is_holder(u.name) for u in units):
            if out and text[seg_start] in notes and "。" not in text[seg_start:end]:
                break  # a note after the attribution: ，排在第一位的部门为牵头部门，下同
            # not a sentence after it (A牵头，B配合，共同做好…。C负责…): the line is running text
            return None
        out.append(Attribution(role=ROLE_WORDS[cue.group("word")], label=cue.group(0),
                               clause=text[s : cue.end()], start=s, end=cue.end(), units=units))
        seg_start = cue.end()
    if not out or (seg_start != end and text[seg_start] not in notes):
        return None
    return out


def bracket_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of the outermost round brackets in text[start:end]."""
    spans = []
    depth = 0
    open_at = -1
    for k in range(start, end):
        ch = text[k]
        if ch in _OPEN:
            if depth == 0:
                open_at = k
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, k))
        elif ch == "\n" and depth and not _closed_on_next_line(text, open_at, k, end):
            depth = 0  # a bracket never closed on its line is no attribution
    return spans


def _closed_on_next_line(text: str, open_at: int, nl: int, end: int) -> bool:
    """A bracket opened on the line ending at nl and broken there by the page, its
    closer on the next line before any other bracket opens (…(青岛市绿色低碳高 / 质量发展…
    办公室负责)(十七)…, r1081): one bracket read over the break. Only one break, and only a
    bracket opened on that line."""
    if "\n" in text[open_at:nl] or text.count("(", open_at + 1, nl) + text.count("（", open_at + 1, nl):
        return False
    stop = text.find("\n", nl + 1, end)
    line = text[nl + 1 : stop if stop != -1 else end]
    closer = min((i for i in (line.find(")"), line.find("）")) if i != -1), default=-1)
    return closer > 0 and not any(o in line[:closer] for o in _OPEN)


# 第十条（社会参与）: an article's title in brackets on its heading line names its subject,
# not who does it (r941).
_ARTICLE_TITLE_RE = re.compile(r"(?:^|\n)[^\S\n]*第[一二三四五六七八九十百零〇]+条[^\S\n]*$")


def article_title(text: str, open_at: int, close_at: int) -> bool:
    """Is the bracket text[open_at:close_at + 1] an article's title (第三条（职责分工） on its own line)?"""
    line_start = text.rfind("\n", 0, open_at) + 1
    nl = text.find("\n", close_at)
    rest = text[close_at + 1 : nl if nl != -1 else len(text)]
    return (not rest.strip(SPACE_CHARS)
            and _ARTICLE_TITLE_RE.search(text, max(0, line_start - 1), open_at) is not None)


def titles_article(text: str, open_at: int) -> bool:
    """Is the bracket opening at open_at an article's title (see article_title)?"""
    nl = text.find("\n", open_at)
    line_end = nl if nl != -1 else len(text)
    close = max(text.rfind("）", open_at, line_end), text.rfind(")", open_at, line_end))
    return close != -1 and article_title(text, open_at, close)


def role_brackets(text: str, start: int, end: int,
                  near_misses: list[tuple[int, int]] | None = None) -> list[Attribution]:
    """Every attribution in the unlabelled brackets of text[start:end].

    Brackets that end with a role word and name a body but do not read as a
    whole (`（各县区、有关企业按要求负责）`) are added to `near_misses` as
    (open, close) offsets: they look like attributions and were not read.

    Once a bracket carries the note 列第一位者为牵头单位 (or 排在第一位的部门为牵头部门),
    the first unit listed in it and in every later bracket is the lead (see
    first_listed_lead)."""
    out: list[Attribution] = []
    note = FIRST_LEAD_NOTE_RE.search(text, start, end)
    note_at = note.start() if note else None
    for o, c in bracket_spans(text, start, end):
        if article_title(text, o, c):
            continue
        found = read_role_bracket(text, o, c)
        if found:
            if note_at is not None and c >= note_at:
                found = first_listed_lead(found)
            out.extend(found)
        elif near_misses is not None and _looks_attributed(text, o, c):
            near_misses.append((o, c))
    return out


def first_listed_lead(found: list[Attribution]) -> list[Attribution]:
    """One bracket's attributions under the note 列第一位者为牵头单位: the first unit
    listed is the lead, the others keep their role.

    Read only where the bracket names no lead itself, opens with the units that
    are responsible and lists two units or more (one unit alone leads no one).
    A collective listed first (各有关部门和单位, 各省级人民政府) names many bodies,
    not one lead: the bracket is left as written.

    >>> text = "（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）"
    >>> [(a.role, [u.name for u in a.units]) for a in role_brackets(text, 0, len(text))]
    [('lead', ['人力资源社会保障部']), ('responsible', ['财政部'])]
    """
    if not found or any(a.role == "lead" for a in found) or found[0].role != "responsible":
        return found
    first = found[0]
    if sum(len(a.units) for a in found) < 2 or first.units[0].name.startswith("各") \
            or first.units[0].reading == "和-joined":
        return found
    lead = first.model_copy(update={"role": "lead", "units": first.units[:1]})
    rest = [first.model_copy(update={"units": first.units[1:]})] if len(first.units) > 1 else []
    return [lead, *rest, *found[1:]]


# A name written bare in a closing bracket that is no known kind of body (区属国企, r1060): one word,
# no sentence in it.
_NAME_WORD_RE = re.compile(r"[\u4e00-\u9fff]{2,12}")


def bare_brackets(text: str, start: int, end: int) -> list[Attribution]:
    """Brackets that name units with no role word, closing a measure after its
    last sentence: ``…建立农药包装废弃物回收机制。(区农业农村委)``. Those units are
    responsible. Read only in a document whose other brackets carry role words
    (see parse): alone, a bracket of names after a full stop could be a note.

    Where two brackets at least in that place name known bodies, the document closes
    its items with who does them, and a bracket in the same place whose names are single
    words of no known kind (（区属国企）, r1060) names bodies too."""
    out: list[Attribution] = []
    loose: list[Attribution] = []
    for o, c in bracket_spans(text, start, end):
        k = o - 1
        while k >= start and text[k] in SPACE_CHARS:
            k -= 1
        if k < start or text[k] not in "。；;！？!?":
            continue  # 县司法局（县普法办）: an alias, not an attribution
        after = text[c + 1 : text.find("\n", c + 1) if "\n" in text[c + 1 : c + 80] else c + 80]
        if after.strip(SPACE_CHARS + "。；;"):
            continue  # the bracket does not close its paragraph
        if ROLE_RE.search(text, o + 1, c):
            continue
        leads, mentions = list_mentions(text, o + 1, c)
        units = leads + mentions
        if not units:
            continue
        a = Attribution(role="responsible", label="", clause=text[o + 1 : c], start=o + 1, end=c, units=units)
        if all(is_holder(u.name) for u in units) and any(looks_like_unit(u.name) or
                                                         u.name.startswith("各") for u in units):
            out.append(a)
        elif all(is_holder(u.name) or (_NAME_WORD_RE.fullmatch(u.name) and not PHRASE_RE.search(u.name))
                 for u in units):
            loose.append(a)
    if len(out) >= 2 and loose:
        out = sorted(out + loose, key=lambda a: a.start)
    return out


def _looks_attributed(text: str, o: int, c: int) -> bool:
    inner = text[o + 1 : c].rstrip(_SEPARATORS + "。")
    cue = ROLE_RE.search(inner[-8:]) if inner else None
    if cue is None or not inner.endswith(cue.group(0)) or len(inner) > 200:
        return False
    _leads, mentions = list_mentions(text, o + 1, o + 1 + len(inner) - len(cue.group(0)))
    return any(looks_like_unit(m.name) for m in mentions)


def role_lines(text: str, start: int, end: int) -> list[Attribution]:
    """Lines that are nothing but role clauses, 交通运输部运输服务司牵头，科技司配合。"""
    out: list[Attribution] = []
    pos = start
    depth = 0  # lines inside an open bracket belong to it, not to themselves
    b = start - 1
    while b >= 0 and text[b].isspace():
        b -= 1
    # The last character before the line that is not whitespace, kept as the lines
    # go by (text[:pos].rstrip() per line would make this quadratic).
    last = text[b] if b >= 0 else ""
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = nl if nl != -1 else end
        s = pos
        while s < line_end and text[s] in _SEPARATORS:
            s += 1
        inside = depth > 0
        for ch in text[pos:line_end]:
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE and depth:
                depth -= 1
        continued = last in "、，,；;：:"  # the list of the line above goes on
        after = text[line_end:line_end + 8].lstrip()
        cut_label = after.startswith(("单位", "部门"))  # 配合\n单位：a label cut by the break
        e = line_end
        while e > s and text[e - 1] in SPACE:
            e -= 1  # trailing spaces and a CRLF's \r are not the line's
        if (not inside and not continued and not cut_label and s < e and text[s] not in _OPEN
                and ROLE_RE.search(text, s, e)):
            found = read_role_span(text, s, e)
            if found:
                out.extend(found)
        stripped = text[pos:line_end].rstrip()
        if stripped:
            last = stripped[-1]
        pos = line_end + 1
    return out
