"""Attribution regions: where the labels and their lists are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Layout, display_width
from .model import Attribution
from .numbering import LINE_HEADER_RE
from .unit_lists import clean_name, list_mentions
from .vocabulary import (
    CLOSERS,
    FOOTER_RE,
    HEADLESS_BODIES,
    LABEL_RE,
    LIST_SEPARATORS,
    OPENERS,
    SPACE,
    UNIT_FINAL,
    label_role,
)


@dataclass(frozen=True)
class Region:
    start: int  # including an opening bracket
    labels_start: int
    end: int  # including a closing bracket
    inner_end: int  # end of the last list


def skip_blank_and_footers(text: str, k: int, end: int) -> int:
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
    if re.search(r"等(有关|相关)?[部单]$", raw):
        return False  # "等部" / "门": a trailing 等部门 cut by the break
    name = clean_name(raw)
    return bool(name) and name[-1] in UNIT_FINAL


def _continues(text: str, nl: int, frag_start: int, end: int, layout: Layout) -> bool:
    """At a line break inside an unbracketed list: does the list go on?

    Yes after a separator or a label, before another label, a separator or a
    closing bracket, before a bare 人民政府 or an opening bracket, across a line
    the page width cut, before the lone tail of a cut name, and when the name
    before the break is unfinished ("市自然" / "资源局"). No before a numbered
    item, an indented paragraph, or after a finished name.
    """
    if not text[frag_start:nl].strip():
        return True  # the line ended right after a label or a separator
    label = LABEL_RE.match(text, skip_blank_and_footers(text, frag_start, nl + 1))
    if label is not None and label.end() > nl:
        return True  # a label cut by the break: "配合单位" / ":市住建局"
    j = skip_blank_and_footers(text, nl, end)
    if j >= end:
        return False
    line_end = text.find("\n", j, end)
    nxt = text[j : line_end if line_end != -1 else end]
    if LINE_HEADER_RE.match(nxt):
        return False
    behind_bracket = nxt[1:] if nxt[0] in OPENERS else nxt
    if LABEL_RE.match(behind_bracket.lstrip(SPACE)) or nxt[0] in LIST_SEPARATORS + CLOSERS:
        return True
    indent = text[text.rfind("\n", 0, j) + 1 : j]
    own = text[text.rfind("\n", 0, nl) + 1 : nl]
    own_indent = own[: len(own) - len(own.lstrip(SPACE))]
    if (len(indent) >= 2 or "\u3000" in indent) and display_width(indent) > display_width(own_indent):
        # an indented line starts a new paragraph; indented as deep as the line it
        # follows, the indent is the page's margin (every line indented), not a paragraph's
        return False
    if nxt.startswith((*HEADLESS_BODIES, "等")) or nxt[0] in OPENERS:
        # "各县〔区〕" / "人民政府〔管委会〕", "人民政府" / "（管委会）", "…局" / "等":
        # no paragraph starts with a bare 人民政府, a trailing 等 or a bracket
        # that is not a label.
        return True
    if layout.wrapped_line_ends_at(text, nl):
        return True
    if len(_first_segment(nxt).strip()) <= 3 and len(nxt.strip()) <= 4:
        return True  # the tail of a cut name alone on its line: "市委办" / "公室"
    if nxt.strip() == _first_segment(nxt).strip() and 0 < len(clean_name(nxt.strip())) <= 3:
        return True  # the same, with the list's trailing words: "街道办" / "事处等部门"
    if text[frag_start:nl].rstrip(SPACE).endswith("办") and nxt.lstrip(SPACE).startswith(("事处", "公室")):
        return True  # 街道办 / 事处: 办 ends a name (街道办), but no line starts with 事处 or 公室
    if _fragment_complete(text[frag_start:nl]):
        return False
    return 0 < len(_first_segment(nxt).strip()) <= 20


def _scan_region(text: str, label_start: int, opener: int | None, end: int,
                 layout: Layout) -> Region:
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
                return Region(opener if opener is not None else label_start, label_start, k + 1, k)
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
        return Region(opener, r.labels_start, r.end, r.inner_end)
    return _trimmed(text, label_start, label_start, end)


def _trimmed(text: str, start: int, labels_start: int, end: int) -> Region:
    while end > labels_start and (text[end - 1].isspace() or text[end - 1] in "。;；,，、"):
        end -= 1
    return Region(start, labels_start, end, end)


def _label_at(text: str, k: int, end: int) -> tuple[re.Match, int | None] | None:
    """A label at k, possibly behind an opening bracket: (match, opener offset)."""
    opener = None
    if k < end and text[k] in OPENERS:
        opener = k
        k += 1
        while k < end and text[k] in SPACE:
            k += 1
    m = LABEL_RE.match(text, k, end)
    return (m, opener) if m else None


def find_regions(text: str, start: int, end: int, layout: Layout) -> list[Region]:
    """Every attribution of a measure block: each label found, with the label
    groups that follow it directly ("（牵头单位：…）\\n（责任单位：…）"); a
    measure may carry several, one per sentence it assigns."""
    regions: list[Region] = []
    pos = start
    while True:
        first = LABEL_RE.search(text, pos, end)
        if first is None:
            return regions
        if not label_role(first.group(1))[0]:
            pos = first.end()  # 督办单位：…, 责任领导：… on their own: no unit is read there
            continue
        j = first.start() - 1
        while j >= start and text[j].isspace():
            j -= 1
        opener = j if j >= start and text[j] in OPENERS else None
        regions.append(_scan_region(text, first.start(), opener, end, layout))
        while True:
            k = skip_blank_and_footers(text, regions[-1].end, end)
            while k < end and text[k] in "。;；,，、":
                k = skip_blank_and_footers(text, k + 1, end)
            nxt = _label_at(text, k, end)
            if nxt is None:
                break
            m, opener = nxt
            regions.append(_scan_region(text, m.start(), opener, end, layout))
        pos = max(regions[-1].end, first.end())


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


# Another field after the list, in the same bracket or line (；完成时限：2024年底,
# 时间：长期坚持, 联系人：…): no unit name holds a colon, so the list ends there.
_FIELD_RE = re.compile(r"(?<=[；;，,。\s])[\u4e00-\u9fff]{2,8}[^\S\n]*[:：]")


def parse_attributions(text: str, region: Region) -> list[Attribution]:
    labels = list(LABEL_RE.finditer(text, region.labels_start, region.inner_end))
    out: list[Attribution] = []
    for i, lm in enumerate(labels):
        seg_end = labels[i + 1].start() if i + 1 < len(labels) else region.inner_end
        list_start = lm.end()
        field = _FIELD_RE.search(text, list_start, seg_end)
        if field is not None:
            seg_end = field.start()
        # Trailing separators (and an opening bracket of the next group) are not part of a name.
        clause_end = _trim_clause_end(text, list_start, seg_end)
        leads, mentions = list_mentions(text, list_start, clause_end)
        clause = text[lm.start() : clause_end]
        role, label = label_role(lm.group(1))
        if not role:
            continue  # 督办单位：…, 责任领导：… end the list before them and read no unit
        if leads and role != "lead":
            out.append(Attribution(role="lead", label="（牵头）", clause=clause, start=lm.start(),
                                   end=clause_end, units=leads))
        else:
            mentions = leads + mentions
        out.append(Attribution(role=role, label=label, clause=clause, start=lm.start(),
                               end=clause_end, units=mentions))
    return out


