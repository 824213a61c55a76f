"""Parse a policy notice into its document, sections, measures and attributions.

Works on the text exactly as given: every span is an offset into the original
string, so a quoted clause can always be found again where it came from.

The layouts it reads (see tests/corpus/ for one document of each):

- numbering ``(一)`` ``（一）`` ``一、`` ``1.`` ``1．`` ``1、`` ``（1）``, at the start
  of a line or, when everything sits on one line, inline after a sentence end;
  the level that carries the attributions is the measure level, the level
  above it (if any) gives the sections;
- attributions in brackets at the end of a measure, or unbracketed on their
  own lines after it (``牵头单位：…`` / ``责任单位：…``), half- or full-width;
- unit lists split by ``、，,；;``, brackets (``〔区〕``) kept inside names, names
  broken by line breaks, blank lines or page footers (``— 3 —``), a trailing
  ``等``/``等部门``, elided shared prefixes, ``县司法局（县普法办）`` aliases and a
  ``（牵头）`` marker inside a list of responsible units.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field

from ..graph.names import CN_DIGITS, cn_numeral_to_int, int_to_cn_numeral

MAX_DOCUMENT_CHARS = 2_000_000
# Wall-clock budget for reading one document: the passes are linear, so a real
# notice takes milliseconds; this stops a pathological one from holding a
# loader or an API worker.
MAX_PARSE_SECONDS = 20.0


class NoticeError(ValueError):
    """A document that cannot be read as a notice; says what and where."""


class Span(BaseModel):
    start: int
    end: int


class UnitMention(BaseModel):
    """One unit named in an attribution, as written and as cleaned."""

    name: str  # whitespace and page footers removed, elided prefix restored, alias split off
    as_written: str  # the exact characters in the document
    start: int
    end: int
    prefix_restored: bool = False
    alias: str | None = None  # 县普法办 in 县司法局（县普法办）


class Attribution(BaseModel):
    role: str  # lead | responsible | support
    label: str  # the label as written, e.g. 牵头单位
    clause: str  # label plus its list, exactly as written
    start: int
    end: int
    units: list[UnitMention]


class Measure(BaseModel):
    number: int
    numeral: str
    section: int | None
    title: str
    text: str
    start: int
    end: int
    marker: str = ""  # the numbering as written: (一), 1．, （1） …
    attributions: list[Attribution] = Field(default_factory=list)

    def units(self, role: str) -> list[str]:
        return [u.name for a in self.attributions if a.role == role for u in a.units]


class Section(BaseModel):
    number: int
    title: str
    start: int
    end: int


class Notice(BaseModel):
    id: str
    title: str
    issuer: list[str]
    date: str | None
    text: str
    sha256: str
    source: str
    sections: list[Section]
    measures: list[Measure]
    notes: list[str] = Field(default_factory=list)  # what the parser had to decide, for the reader

    def measure(self, number: int) -> Measure:
        for m in self.measures:
            if m.number == number:
                return m
        raise KeyError(number)


# ---------------------------------------------------------------------------
# vocabulary

_CN_NUM = "一二三四五六七八九十百"
OPENERS = "(（〔[【"
CLOSERS = ")）〕]】"
LIST_SEPARATORS = "、，,；;"
# Whitespace within a line: spaces of every width (U+2002 …), tabs, but not the line break.
_SPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) != "\n")
# Attribution labels, longest first so 主要责任单位 wins over 责任单位.
LABELS = {
    "主要牵头单位": "lead",
    "牵头单位": "lead",
    "牵头部门": "lead",
    "主办单位": "lead",
    "牵头": "lead",
    "主要责任单位": "responsible",
    "主体责任单位": "responsible",
    "责任单位": "responsible",
    "责任部门": "responsible",
    "主责单位": "responsible",
    "主责部门": "responsible",
    "配合单位": "support",
    "配合部门": "support",
    "协办单位": "support",
    "协办部门": "support",
    "参与单位": "support",
    "参与部门": "support",
    "协同单位": "support",
    "协同部门": "support",
    "协助单位": "support",
    "协作单位": "support",
}
# A label may be spaced out or cut by a line break ("牵头\n单位：" in PDF text).
LABEL_RE = re.compile(
    "(" + "|".join(r"\s*".join(label) for label in sorted(LABELS, key=len, reverse=True))
    + r")\s*[:：]"
)

# A list item marked as the lead among the responsible units: 市住建局（牵头）.
LEAD_MARKERS = ("牵头", "牵头单位", "牵头部门", "主牵头")
DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE_RE = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                        r"\s*([一二三四五六七八九十]{1,3})\s*日")
# Page footers left by PDF-to-text: "— 3 —", "- 12 -", "－3－", "第 3 页 共 9 页".
FOOTER_RE = re.compile(r"[—–\-－―─]{1,2}[^\S\n]*\d{1,4}[^\S\n]*[—–\-－―─]{1,2}"
                       r"|第[^\S\n]*\d{1,4}[^\S\n]*页(?:[^\S\n]*共[^\S\n]*\d{1,4}[^\S\n]*页)?")
# Words that name a kind of body but no jurisdiction; a list item that starts
# with one borrows the jurisdiction prefix of the item before it
# ("各县〔区〕党委〔工委〕、人民政府〔管委会〕").
HEADLESS_BODIES = ("人民政府", "政府", "党委", "党工委", "工委", "管委会", "纪委", "人大", "政协")
# Grassroots bodies that a "各…" collective names as one pair
# (各乡（镇）人民政府、街道办事处): kept as one collective name, not split.
GRASSROOTS = frozenset({"街道办事处", "街道", "乡〔镇〕人民政府", "乡镇人民政府", "乡〔镇〕", "乡镇",
                        "镇人民政府", "乡人民政府", "社区", "村", "社区〔村〕", "村〔社区〕"})
# Characters a complete unit name ends with (局, 委员会, 办公室, 中心 …). A name cut
# by a line break elsewhere ("市市场监" / "管局") is incomplete.
UNIT_FINAL = frozenset("局委办部府会队院室所心站司处厅团社行馆署门位组科庭校台关构联协业" + CLOSERS)
# Words after a list that are not part of the last name.
TRAILING_WORDS = ("等有关部门", "等相关部门", "等有关单位", "等相关单位", "等部门", "等单位", "等",
                  "按职责分工负责", "按职责分工落实", "按职责负责", "分别负责", "负责", "配合")
# Words a document title ends with.
TITLE_END_RE = re.compile(r"(通知|意见|方案|措施|办法|规定|细则|要点|清单|计划|决定|规划|分工|纲要|条例)$")
ISSUER_END_RE = re.compile(r"(办公室|办公厅|委员会|人民政府|政府|党委|党组|委|局|厅|部|办|院|会|队|中心)$")

_CANON_BRACKETS = str.maketrans({"(": "〔", ")": "〕", "（": "〔", "）": "〕"})


def _label_role(label: str) -> tuple[str, str]:
    """(role, label without whitespace) for a label as matched."""
    label = re.sub(r"\s+", "", label)
    return LABELS[label], label


def _canon(name: str) -> str:
    """Bracket shapes made alike, for comparing names (the registry does the same)."""
    return re.sub(r"\s+", "", name).translate(_CANON_BRACKETS)


def where(text: str, offset: int) -> str:
    """'line 12, column 5' for an offset, so errors point into the file."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {col}"


# ---------------------------------------------------------------------------
# layout: is the text hard-wrapped at a fixed width (PDF-to-text)?


def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


# A line that ends like this was ended by its author, not by the page width.
_ENDS_A_SENTENCE = ("。", "；", ";", "：", ":")
# Lines of a list that all end like this are no evidence of a page width.
_ENDS_A_LINE = (*_ENDS_A_SENTENCE, *CLOSERS)


@dataclass(frozen=True)
class _Layout:
    wrap_width: int | None  # a line at least this wide was broken by the page, not the author

    def wrapped_line_ends_at(self, text: str, nl: int) -> bool:
        """True when the line ending at newline `nl` was cut by the page width."""
        if self.wrap_width is None:
            return False
        line = text[text.rfind("\n", 0, nl) + 1 : nl].rstrip(_SPACE)
        return _display_width(line) >= self.wrap_width and not line.endswith(_ENDS_A_SENTENCE)



def _layout(text: str) -> _Layout:
    """Is the text cut at a page width? Then many distinct lines share (nearly)
    the widest width, hardly any line is wider, and those lines stop anywhere,
    not mostly at a full stop or a closing bracket (a list of equal lines)."""
    lines = {ln.rstrip(_SPACE) for ln in text.split("\n")}
    measured = sorted(((w, ln) for ln in lines if (w := _display_width(ln)) >= 24), reverse=True)
    widths = [w for w, _ln in measured]
    for page in dict.fromkeys(widths):
        wider = sum(1 for w in widths if w > page + 1)
        if wider > 0.1 * len(widths):
            break
        full = [ln for w, ln in measured if page - 3 <= w <= page + 1]
        cut_anywhere = sum(1 for ln in full if not ln.endswith(_ENDS_A_LINE))
        # A page is at least 40 columns (20 Chinese characters) wide.
        if page >= 40 and len(full) >= 3 and len(full) >= 0.3 * len(widths) and cut_anywhere * 2 > len(full):
            return _Layout(page - 3)
    return _Layout(None)


# ---------------------------------------------------------------------------
# numbering: which markers head measures and sections

# Ranks follow the usual hierarchy of Chinese official documents.
_STYLE_RANK = {"cn_dun": 0, "cn_paren": 1, "ar_dot": 2, "ar_paren": 3}
_HEADER_RE = re.compile(
    rf"(?P<cn_paren>[(（][^\S\n]*(?P<n_cp>[{_CN_NUM}]+)[^\S\n]*[)）])"
    rf"|(?P<ar_paren>[(（][^\S\n]*(?P<n_ap>\d{{1,3}})[^\S\n]*[)）])"
    rf"|(?P<cn_dun>(?<![{_CN_NUM}])(?P<n_cd>[{_CN_NUM}]+)[^\S\n]*、)"
    rf"|(?P<ar_dot>(?<![\d.．])(?P<n_ad>\d{{1,3}})[^\S\n]*[.．、](?!\d))"
)
_LINE_HEADER_RE = re.compile(rf"[^\S\n]*(?:{_HEADER_RE.pattern})")
# What may stand right before an inline marker: a sentence end, a colon, a
# closing bracket or a space ("…作用。（二）", "如下：一、").
_INLINE_BEFORE = set("。；;！？!?：:" + CLOSERS + _SPACE)


@dataclass(frozen=True)
class _Header:
    start: int
    end: int
    style: str
    number: int

    @property
    def rank(self) -> int:
        return _STYLE_RANK[self.style]


def _header_candidates(text: str) -> list[tuple[_Header, bool]]:
    """Every numbering marker, with whether it starts its line."""
    out = []
    for m in _HEADER_RE.finditer(text):
        style = next(s for s in _STYLE_RANK if m.group(s) is not None)
        num = m.group({"cn_paren": "n_cp", "ar_paren": "n_ap", "cn_dun": "n_cd", "ar_dot": "n_ad"}[style])
        try:
            number = cn_numeral_to_int(num)
        except ValueError:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        at_line_start = not text[line_start : m.start()].strip(_SPACE)
        out.append((_Header(m.start(), m.end(), style, number), at_line_start))
    return out


def _accept_headers(text: str, layout: _Layout, labels: list[int]) -> list[_Header]:
    """Markers that head an item: those starting a line, and inline ones that
    continue their numbering where a new item can begin.

    An inline ``(二)`` is only taken when it is the next number of its style, so
    ``按第（二）项`` inside a sentence never splits a measure.
    """
    accepted: list[_Header] = []
    last: dict[str, int] = {}
    restart: dict[str, bool] = {}
    for h, at_line_start in _header_candidates(text):
        if at_line_start and layout.wrap_width is not None:
            nl = text.rfind("\n", 0, h.start)
            # A marker at the start of a wrapped line continues the sentence above.
            at_line_start = not (nl > 0 and layout.wrapped_line_ends_at(text, nl))
        if not at_line_start and not _inline_header_ok(text, h, accepted, last, restart, labels):
            continue
        accepted.append(h)
        last[h.style] = h.number
        restart[h.style] = False
        for style, rank in _STYLE_RANK.items():
            if rank > h.rank:
                restart[style] = True
    return accepted


def _inline_header_ok(text: str, h: _Header, accepted: list[_Header], last: dict[str, int],
                      restart: dict[str, bool], labels: list[int]) -> bool:
    expected = h.number == last.get(h.style, 0) + 1 or (h.number == 1 and restart.get(h.style, True))
    if not expected:
        return False
    j = h.start - 1
    while j >= 0 and text[j] in _SPACE:
        j -= 1
    if j < 0 or text[j] in _INLINE_BEFORE or j < h.start - 1:
        return True
    prev = accepted[-1] if accepted else None
    if prev is None:
        return False
    # Right after a section heading with no full stop: "二、主要措施（一）…".
    if prev.rank < h.rank and "。" not in text[prev.end : h.start]:
        return True
    # Right after the previous measure's attribution: "…责任单位：市民政局（二）…".
    i = bisect.bisect_left(labels, prev.end)
    return i < len(labels) and labels[i] < h.start


def _block_ends(headers: list[_Header], rank: int, text_len: int) -> list[tuple[_Header, int]]:
    """Each header of `rank` with the offset where its block ends: the next
    header of the same or a higher level (deeper numbering stays inside)."""
    out = []
    end = text_len
    for h in reversed(headers):  # one pass from the end: linear even for huge inputs
        if h.rank == rank:
            out.append((h, end))
        if h.rank <= rank:
            end = h.start
    return out[::-1]


def _measure_rank(headers: list[_Header], labels: list[int], text_len: int) -> int | None:
    """The numbering level whose blocks carry the attributions; on a tie the
    higher level wins (sub-points inside a measure are not measures)."""
    best: tuple[int, int] | None = None
    for rank in sorted({h.rank for h in headers}):
        score = 0
        for h, end in _block_ends(headers, rank, text_len):
            i = bisect.bisect_left(labels, h.end)
            score += i < len(labels) and labels[i] < end
        if score and (best is None or score > best[1]):
            best = (rank, score)
    return best[0] if best else None


# ---------------------------------------------------------------------------
# attribution regions: where the labels and their lists are


@dataclass(frozen=True)
class _Region:
    start: int  # including an opening bracket
    labels_start: int
    end: int  # including a closing bracket
    inner_end: int  # end of the last list


def _skip_blank_and_footers(text: str, k: int, end: int) -> int:
    """First offset at or after k that is neither whitespace nor a page footer."""
    while k < end:
        if text[k].isspace():
            k += 1
            continue
        fm = FOOTER_RE.match(text, k, end)
        if fm is None:
            break
        k = fm.end()
    return k


def _first_segment(line: str) -> str:
    """The start of a line up to the first separator, full stop or unbalanced closer."""
    depth = 0
    for i, ch in enumerate(line):
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            if depth == 0:
                return line[:i]
            depth -= 1
        elif depth == 0 and (ch in LIST_SEPARATORS or ch == "。"):
            return line[:i]
    return line


def _fragment_complete(fragment: str) -> bool:
    """Does the text before a line break end a unit name (or the list)?"""
    raw = re.sub(r"\s+", "", FOOTER_RE.sub("", fragment))
    if raw.endswith(("。", "等", "部门", "单位")):
        return True
    name = _clean_name(raw)
    return bool(name) and name[-1] in UNIT_FINAL


def _continues(text: str, nl: int, frag_start: int, end: int, layout: _Layout) -> bool:
    """At a line break inside an unbracketed list: does the list go on?

    Yes after a separator or a label, before another label, a separator or a
    closing bracket, before a bare 人民政府 or an opening bracket, across a line
    the page width cut, before the lone tail of a cut name, and when the name
    before the break is unfinished ("市自然" / "资源局"). No before a numbered
    item, an indented paragraph, or after a finished name.
    """
    if not text[frag_start:nl].strip():
        return True  # the line ended right after a label or a separator
    label = LABEL_RE.match(text, _skip_blank_and_footers(text, frag_start, nl + 1))
    if label is not None and label.end() > nl:
        return True  # a label cut by the break: "配合单位" / ":市住建局"
    j = _skip_blank_and_footers(text, nl, end)
    if j >= end:
        return False
    line_end = text.find("\n", j, end)
    nxt = text[j : line_end if line_end != -1 else end]
    if _LINE_HEADER_RE.match(nxt):
        return False
    behind_bracket = nxt[1:] if nxt[0] in OPENERS else nxt
    if LABEL_RE.match(behind_bracket.lstrip(_SPACE)) or nxt[0] in LIST_SEPARATORS + CLOSERS:
        return True
    indent = text[text.rfind("\n", 0, j) + 1 : j]
    if len(indent) >= 2 or "\u3000" in indent:
        return False  # an indented line starts a new paragraph
    if nxt.startswith((*HEADLESS_BODIES, "等")) or nxt[0] in OPENERS:
        # "各县〔区〕" / "人民政府〔管委会〕", "人民政府" / "（管委会）", "…局" / "等":
        # no paragraph starts with a bare 人民政府, a trailing 等 or a bracket
        # that is not a label.
        return True
    if layout.wrapped_line_ends_at(text, nl):
        return True
    if len(_first_segment(nxt).strip()) <= 3 and len(nxt.strip()) <= 4:
        return True  # the tail of a cut name alone on its line: "市委办" / "公室"
    if _fragment_complete(text[frag_start:nl]):
        return False
    return 0 < len(_first_segment(nxt).strip()) <= 20


def _scan_region(text: str, label_start: int, opener: int | None, end: int,
                 layout: _Layout) -> _Region:
    """Find where an attribution that starts at `label_start` ends.

    A bracketed one ends at its closing bracket, wherever the lines break. An
    unbracketed one ends at a full stop, a closing bracket with no opening one
    (measure 1 of the seed lost its opening bracket), a line break after which
    the list does not go on, or the end of the measure.
    """
    depth = 0
    frag_start = label_start
    for k in range(label_start, end):
        ch = text[k]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            if depth == 0:
                return _Region(opener if opener is not None else label_start, label_start, k + 1, k)
            depth -= 1
        elif depth == 0 and opener is None:
            if ch == "。":
                return _trimmed(text, label_start, label_start, k)
            if ch in LIST_SEPARATORS or ch in ":：":
                frag_start = k + 1
            elif ch == "\n" and not _continues(text, k, frag_start, end, layout):
                return _trimmed(text, label_start, label_start, k)
    if opener is not None:
        # Never closed: read it as an unbracketed list instead.
        r = _scan_region(text, label_start, None, end, layout)
        return _Region(opener, r.labels_start, r.end, r.inner_end)
    return _trimmed(text, label_start, label_start, end)


def _trimmed(text: str, start: int, labels_start: int, end: int) -> _Region:
    while end > labels_start and (text[end - 1].isspace() or text[end - 1] in "。;；,，、"):
        end -= 1
    return _Region(start, labels_start, end, end)


def _label_at(text: str, k: int, end: int) -> tuple[re.Match, int | None] | None:
    """A label at k, possibly behind an opening bracket: (match, opener offset)."""
    opener = None
    if k < end and text[k] in OPENERS:
        opener = k
        k += 1
        while k < end and text[k] in _SPACE:
            k += 1
    m = LABEL_RE.match(text, k, end)
    return (m, opener) if m else None


def _find_regions(text: str, start: int, end: int, layout: _Layout) -> list[_Region]:
    """Every attribution of a measure block: the first label found, and any
    label groups that follow it directly ("（牵头单位：…）\\n（责任单位：…）")."""
    first = LABEL_RE.search(text, start, end)
    if first is None:
        return []
    j = first.start() - 1
    while j >= start and text[j].isspace():
        j -= 1
    opener = j if j >= start and text[j] in OPENERS else None
    regions = [_scan_region(text, first.start(), opener, end, layout)]
    while True:
        k = _skip_blank_and_footers(text, regions[-1].end, end)
        while k < end and text[k] in "。;；,，、":
            k = _skip_blank_and_footers(text, k + 1, end)
        nxt = _label_at(text, k, end)
        if nxt is None:
            return regions
        m, opener = nxt
        regions.append(_scan_region(text, m.start(), opener, end, layout))


# ---------------------------------------------------------------------------
# unit lists


def _clean_name(raw: str) -> str:
    s = FOOTER_RE.sub("", raw)
    s = re.sub(r"\s+", "", s)
    s = s.strip("。.:：")
    changed = True
    while changed:  # "市民政局等按职责分工负责" loses both words
        changed = False
        for word in TRAILING_WORDS:
            if s.endswith(word) and len(s) > len(word):
                s = s[: -len(word)]
                changed = True
                break
    return s


def _trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Narrow [s, e) past whitespace and page footers at either edge."""
    while True:
        before = (s, e)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        fm = FOOTER_RE.match(text, s, e)
        if fm:
            s = fm.end()
        tail = [m for m in FOOTER_RE.finditer(text, s, e) if m.end() == e]
        if tail:
            e = tail[-1].start()
        if (s, e) == before:
            return s, e


def _split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of a unit list, split on separators outside brackets."""
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = start
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif ch in LIST_SEPARATORS and depth == 0:
            items.append((item_start, i))
            item_start = i + 1
    items.append((item_start, end))
    spans = [_trim_span(text, s, e) for s, e in items]
    return [(s, e) for s, e in spans if _clean_name(text[s:e])]


def _looks_like_alias(base: str, inner: str) -> bool:
    """县司法局（县普法办）: a full name in brackets after a full name. Not
    人民政府（管委会）, 社区（村） or 街道办事处（新型社区）, which are one name."""
    return (len(inner) >= 2 and not base.startswith("各") and base[-1] in UNIT_FINAL
            and inner[-1] in UNIT_FINAL
            and not inner.startswith((*HEADLESS_BODIES, "党总支", "党支部", "党组")))


def _mention(text: str, s: int, e: int) -> tuple[UnitMention, bool]:
    """A list item as a mention, and whether it carries a （牵头） marker."""
    name = _clean_name(text[s:e])
    alias = None
    lead = False
    m = re.fullmatch(r"(.+?)[(（]([^()（）]+)[)）]", name)
    if m:
        base, inner = m.group(1), m.group(2)
        if inner in LEAD_MARKERS:
            name, lead = _clean_name(base), True
        elif _looks_like_alias(base, inner):
            name, alias = base, inner
    return UnitMention(name=name, as_written=text[s:e], start=s, end=e, alias=alias), lead


def _merge_grassroots(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Keep 各乡（镇）人民政府、街道办事处 as one collective, not two names."""
    out: list[UnitMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.name.startswith("各") and prev.alias is None
                and all(p in GRASSROOTS for p in _canon(prev.name[1:]).split("、"))
                and _canon(m.name) in GRASSROOTS):
            out[-1] = UnitMention(name=f"{prev.name}、{m.name}", as_written=text[prev.start : m.end],
                                  start=prev.start, end=m.end, prefix_restored=prev.prefix_restored)
            continue
        out.append(m)
    return out


def _jurisdiction_prefix(name: str) -> str | None:
    for body in HEADLESS_BODIES:
        i = name.find(body)
        if i > 0:
            return name[:i]
    return None


def _restore_prefixes(mentions: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in mentions:
        if out and m.name.startswith(HEADLESS_BODIES):
            prefix = _jurisdiction_prefix(out[-1].name)
            if prefix:
                m = m.model_copy(update={"name": prefix + m.name, "prefix_restored": True})
        out.append(m)
    return out


def _trim_clause_end(text: str, start: int, end: int) -> int:
    """Drop what trails a list: separators, a full stop, the opening bracket of
    the next group, or the closing bracket of this one."""
    while end > start:
        ch = text[end - 1]
        segment = text[start:end]
        unbalanced_close = ch in CLOSERS and (sum(segment.count(c) for c in CLOSERS)
                                              > sum(segment.count(c) for c in OPENERS))
        if not (ch.isspace() or ch in ";；,，、。" + OPENERS or unbalanced_close):
            return end
        end -= 1
    return end


def _parse_attributions(text: str, region: _Region) -> list[Attribution]:
    labels = list(LABEL_RE.finditer(text, region.labels_start, region.inner_end))
    out: list[Attribution] = []
    for i, lm in enumerate(labels):
        seg_end = labels[i + 1].start() if i + 1 < len(labels) else region.inner_end
        list_start = lm.end()
        # Trailing separators (and an opening bracket of the next group) are not part of a name.
        clause_end = _trim_clause_end(text, list_start, seg_end)
        mentions: list[UnitMention] = []
        leads: list[UnitMention] = []
        for s, e in _split_list(text, list_start, clause_end):
            mention, marked = _mention(text, s, e)
            (leads if marked else mentions).append(mention)
        mentions = _merge_grassroots(text, _restore_prefixes(mentions))
        clause = text[lm.start() : clause_end]
        role, label = _label_role(lm.group(1))
        if leads and role != "lead":
            out.append(Attribution(role="lead", label="（牵头）", clause=clause, start=lm.start(),
                                   end=clause_end, units=leads))
        else:
            mentions = leads + mentions
        out.append(Attribution(role=role, label=label, clause=clause, start=lm.start(),
                               end=clause_end, units=mentions))
    return out


# ---------------------------------------------------------------------------
# document metadata


def _logical_lines(head: str, layout: _Layout) -> list[str]:
    """Lines as the author wrote them: a line the page width cut is joined to the next."""
    out: list[str] = []
    carry = ""
    for raw in head.split("\n"):
        line = carry + raw.strip(_SPACE)
        carry = ""
        if layout.wrap_width is not None and _display_width(raw.rstrip(_SPACE)) >= layout.wrap_width:
            carry = line
            continue
        out.append(line)
    return out + ([carry] if carry else [])


def _document_title(text: str, first_measure: int, layout: _Layout) -> str:
    head = text[:first_measure]
    m = re.search(r"关于印发[“\"]?《([^》]{2,120})》|《([^》]{2,120})》的通知", head)
    if m:
        return re.sub(r"\s+", "", m.group(1) or m.group(2))
    lines = _logical_lines(head, layout)
    for line in lines:
        # On a one-line document the title is the first words, before a space or full stop.
        for candidate in dict.fromkeys([line, re.split(r"\s+|。", line, maxsplit=1)[0]]):
            if 4 <= len(candidate) <= 120 and TITLE_END_RE.search(candidate):
                return re.sub(r"\s+", "", candidate)
    m = re.search(r"《([^》]{2,120})》", head)
    if m:
        return re.sub(r"\s+", "", m.group(1))
    for line in lines:
        if 4 <= len(line) <= 120 and not line.startswith(("今日", "发布时间")):
            return line
    # Everything on one line: the words before the first full stop or space run.
    first = re.split(r"[。！？\n]|[^\S\n]{2,}", text.strip(), maxsplit=1)[0].strip(_SPACE)
    return first[:60] + ("…" if len(first) > 60 else "")


def _date_value(m: re.Match) -> str:
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if not y.isdigit():
        y = "".join(str(CN_DIGITS[ch]) for ch in y)
        mo, d = str(cn_numeral_to_int(mo)), str(cn_numeral_to_int(d))
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def _issuer_names(chunk: str) -> list[str] | None:
    if re.search(r"[:：，,、]", chunk):
        return None  # running text or a list, not a signature
    parts = chunk.split()
    if len(parts) > 1 and all(4 <= len(p) <= 30 and ISSUER_END_RE.search(p) for p in parts):
        return parts  # "中共某县委办公室 某县人民政府办公室"
    joined = "".join(parts)  # also "中 共 安 顺 市 委 办 公 室"
    if 4 <= len(joined) <= 30 and ISSUER_END_RE.search(joined):
        return [joined]
    return None


def _issuers_before(text: str, pos: int, floor: int) -> list[str]:
    """Issuing offices: the short chunks just before a date (not before `floor`), nearest last."""
    chunks = re.split(r"[\n。；;！？]", text[max(floor, pos - 400) : pos])
    found: list[str] = []
    for chunk in reversed(chunks):
        if not chunk.strip():
            continue
        names = _issuer_names(chunk)
        if names is None:
            break
        found[:0] = names
    return found


def _letterhead_issuers(text: str, first: int) -> list[str]:
    """Issuers named on the first lines, above the title, when no date sits under them."""
    found: list[str] = []
    for line in text[:first].split("\n"):
        if not line.strip():
            continue
        names = _issuer_names(line.strip())
        if names is None:
            break
        found.extend(names)
    return found


def _date_and_issuers(text: str, first: int, last: int) -> tuple[str | None, list[str]]:
    """The date and issuers the text gives: a cover note's before the first
    measure, or a signature's after the last; a date in running text
    ("2022年9月1日起施行") is no date."""
    dates = sorted([*DATE_RE.finditer(text), *CN_DATE_RE.finditer(text)], key=lambda m: m.start())
    front = [d for d in dates if d.end() <= first]
    back = [d for d in reversed(dates) if d.start() >= last]
    for d, floor in [(d, 0) for d in front] + [(d, last) for d in back]:
        issuers = _issuers_before(text, d.start(), floor)
        if issuers:
            return _date_value(d), issuers
    date = None
    for d in front + back:
        line_start = text.rfind("\n", 0, d.start()) + 1
        line_end = text.find("\n", d.end())
        rest = text[line_start : line_end if line_end != -1 else len(text)]
        if re.fullmatch(r"\s*" + re.escape(d.group(0)) + r"\s*(印发|印|发布)?\s*", rest):
            date = _date_value(d)  # a date on a line of its own
            break
    if date is None and front:
        date = _date_value(front[0])  # the first date of the cover note
    return date, _letterhead_issuers(text, first)


# ---------------------------------------------------------------------------
# the parser


# Control characters other than whitespace, and the replacement character a bad decode leaves.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _check_text(text: object, source: str) -> str:
    if not isinstance(text, str):
        raise NoticeError(f"{source}: expected text, got {type(text).__name__}")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise NoticeError(
            f"{source}: document is {len(text):,} characters; the limit is {MAX_DOCUMENT_CHARS:,}"
        )
    if "\x00" in text:
        raise NoticeError(f"{source}: contains NUL bytes; this looks like a binary file")
    if not text.strip():
        raise NoticeError(f"{source}: the document is empty")
    control = _CONTROL_RE.findall(text)
    if len(control) > max(8, len(text) // 100):
        first = next(_CONTROL_RE.finditer(text)).start()
        raise NoticeError(f"{source}: {len(control)} control characters (first at "
                          f"{where(text, first)}); this looks like a binary file, not a notice")
    return text


def _measure_title(body: str, wrapped: bool) -> str:
    if wrapped:  # a heading cut by the page width reads on over the break
        body = re.sub(r"[^\S\n]*\n[^\S\n]*", "", body)
    # The heading is the first sentence; a half-width "." ends it too, but not in "1.5".
    first = re.split(r"[。！？!?\n]|\.(?!\d)", body, maxsplit=1)[0]
    return (first[:120] if first.strip() else body[:60]).strip(_SPACE)


def _sections(text: str, headers: list[_Header], rank: int) -> list[tuple[_Header, str]]:
    """Headers of the level just above the measures, with their titles."""
    above = [h.rank for h in headers if h.rank < rank]
    if not above:
        return []
    srank = max(above)
    out = []
    for i, h in enumerate(headers):
        if h.rank != srank:
            continue
        line_end = text.find("\n", h.end)
        stop = min(line_end if line_end != -1 else len(text),
                   headers[i + 1].start if i + 1 < len(headers) else len(text))
        out.append((h, text[h.end : stop].strip(_SPACE)[:120]))
    return out


def parse_notice(text: str, *, source: str = "<text>", doc_id: str | None = None,
                 max_seconds: float = MAX_PARSE_SECONDS) -> Notice:
    deadline = time.monotonic() + max_seconds
    text = _check_text(text, source)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    layout = _layout(text)
    labels = [m.start() for m in LABEL_RE.finditer(text)]
    headers = _accept_headers(text, layout, labels)
    if not headers:
        hint = (f"; attributions start at {where(text, labels[0])} but no numbered measure precedes them"
                if labels else "")
        raise NoticeError(
            f"{source}: no numbered measures found (expected (一), 一、, 1., 1． or （1）){hint}")
    rank = _measure_rank(headers, labels, len(text))
    if rank is None:
        hint = f"; the label at {where(text, labels[0])} sits outside any numbered measure" if labels else ""
        raise NoticeError(
            f"{source}: no attributions found — no measure names a 牵头单位/责任单位/配合单位{hint}")

    notes: list[str] = []
    found: list[tuple[_Header, list[_Region], list[Attribution]]] = []
    for h, block_end in _block_ends(headers, rank, len(text)):
        if time.monotonic() > deadline:
            raise NoticeError(f"{source}: reading took longer than {max_seconds:g}s "
                              f"(stopped at {where(text, h.start)}); the document is refused")
        regions = _find_regions(text, h.end, block_end, layout)
        if not regions:
            continue  # a numbered paragraph with no attribution is not a measure
        attributions = [a for r in regions for a in _parse_attributions(text, r)]
        if not any(a.units for a in attributions):
            notes.append(f"the attribution at {where(text, regions[0].labels_start)} names no unit; skipped")
            continue
        found.append((h, regions, attributions))
    if not found:
        raise NoticeError(f"{source}: no attributions found — every label names no unit")

    numbers = [h.number for h, _r, _a in found]
    renumber = len(set(numbers)) != len(numbers)
    if renumber:
        notes.append("measure numbering restarts within the document; measures are numbered 1… in order")
    sections = _sections(text, headers, rank)
    measures: list[Measure] = []
    for i, (h, regions, attributions) in enumerate(found):
        number = i + 1 if renumber else h.number
        section_no = None
        for sh, _t in sections:
            if sh.start < h.start:
                section_no = sh.number
        measures.append(Measure(
            number=number, numeral=int_to_cn_numeral(number), section=section_no,
            title=_measure_title(text[h.end : regions[0].start].strip(), layout.wrap_width is not None),
            text=text[h.start : regions[-1].end], start=h.start, end=regions[-1].end,
            marker=text[h.start : h.end], attributions=attributions))

    section_models: list[Section] = []
    for i, (sh, title) in enumerate(sections):
        s_end = sections[i + 1][0].start if i + 1 < len(sections) else max(m.end for m in measures)
        if any(sh.start < m.start < s_end for m in measures):
            section_models.append(Section(number=sh.number, title=title, start=sh.start, end=s_end))

    date, issuer = _date_and_issuers(text, measures[0].start, measures[-1].end)
    return Notice(
        id=doc_id or f"doc-{sha[:12]}",
        title=_document_title(text, measures[0].start, layout),
        issuer=issuer,
        date=date,
        text=text,
        sha256=sha,
        source=source,
        sections=section_models,
        measures=sorted(measures, key=lambda m: m.number),
        notes=notes,
    )


def read_notice(path: str | Path, *, doc_id: str | None = None) -> Notice:
    p = Path(path)
    if not p.is_file():
        raise NoticeError(f"{p}: no such file")
    size = p.stat().st_size
    if size > MAX_DOCUMENT_CHARS * 4:
        raise NoticeError(f"{p}: {size:,} bytes is larger than a notice can be "
                          f"(limit {MAX_DOCUMENT_CHARS:,} characters)")
    raw = p.read_bytes()
    if b"\x00" in raw:
        nul = raw.index(b"\x00")
        raise NoticeError(f"{p}: binary file (NUL byte at offset {nul}), not a text notice")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise NoticeError(f"{p}: not UTF-8 or GB18030 text (byte {utf8_error.start})") from None
    return parse_notice(text, source=str(p), doc_id=doc_id)
