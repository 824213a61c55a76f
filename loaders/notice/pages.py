r"""Text as a page renders it, read as written: page footers on lines of their
own blanked, lines a page width cut joined, a bracket-opening label's separator typed
as a semicolon read as its colon, and a notice read from that text given back the
offsets and quotes of the text as given.

>>> read, keep = unwrap("一、加强管理（区住建局\n负责）\n", Layout(wrap_width=22))
>>> read
'一、加强管理（区住建局负责）\n'
>>> keep[11], keep[12]  # 负 and 责 stand one further on in the text as given
(12, 13)
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from typing import Any

from .layout import Layout, display_width
from .model import Notice
from .vocabulary import FOOTER_RE, ROLE_LABEL_PATTERN, SPACE

# A page footer on a line of its own (— 3 —, -4-, 第 3 页 共 9 页), left by PDF-to-text between pages.
# With the line break before it: blanked, the footer's line is gone, not left as a blank line.
_FOOTER_LINE_RE = re.compile(rf"(?m)(?:^|\n)[^\S\n]*(?:{FOOTER_RE.pattern})[^\S\n]*(?=\r?$)")


def blank_footer_lines(text: str) -> str:
    """The text with each footer line and the line break before it blanked
    (spaces of the same length, so every offset stays): between two pages a
    footer is no cell of a table, no measure's first sentence, no part of a
    name, and no blank line either (in a table of one cell per line, cells
    apart by blank lines, that would cut a cell in two); the line above it gets
    trailing spaces."""
    return _FOOTER_LINE_RE.sub(lambda m: " " * len(m.group()), text)


# A line opening with a number and a space, or a cell bar: a table's row (1 加快项目建设 区发改局 …),
# whose rows are lines of one width too, each its own; never the rest of a line above. And a
# blank line: the paragraph (or a table's cell) ended there, whatever its width.
_ROW_START_RE = re.compile(r"[^\S\n]*(?:\d{1,3}(?:[^\S\n]|$)|[|｜]|\n)", re.M)


def _indent_width(text: str, line_start: int) -> int:
    k = line_start
    while k < len(text) and text[k] in SPACE:
        k += 1
    return display_width(text[line_start:k])


def _deeper_indent(text: str, nl: int) -> bool:
    """The line after ``nl`` indented deeper than the one before it: a new paragraph
    (\u3000\u30006 加强…), not the rest of a line the page cut."""
    return _indent_width(text, nl + 1) > _indent_width(text, text.rfind("\n", 0, nl) + 1)


def unwrap(text: str, layout: Layout) -> tuple[str, Sequence[int]]:
    """The text with the line breaks a page width made joined (the break, the
    spaces before it and the indent after it taken out), and for each of its
    offsets the offset in ``text`` (one more at the end, for ends)."""
    keep = array("q")  # 8 bytes an offset, not a Python int each
    pieces: list[str] = []
    pos = 0
    nl = text.find("\n")
    while nl != -1:
        if (layout.wrapped_line_ends_at(text, nl) and not _ROW_START_RE.match(text, nl + 1)
                and not _deeper_indent(text, nl)):
            cut = nl
            while cut > pos and text[cut - 1] in SPACE:
                cut -= 1
            keep.extend(range(pos, cut))
            pieces.append(text[pos:cut])
            pos = nl + 1
            while pos < len(text) and text[pos] in SPACE:
                pos += 1
        nl = text.find("\n", nl + 1)
    keep.extend(range(pos, len(text)))
    pieces.append(text[pos:])
    keep.append(len(text))
    return "".join(pieces), keep


def _line_column(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def quoted_from(notice: Notice, read: str, text: str, keep: Sequence[int] | None = None) -> Notice:
    """The notice read from ``read`` (footer lines blanked, page-width breaks
    joined: ``keep`` maps its offsets to ``text``'s), its offsets and quotes
    those of ``text``, the text as given."""
    def at(i: int) -> int:
        return keep[i] if keep is not None else i

    def span(obj: Any, field: str | None) -> None:
        start, end = at(obj.start), (at(obj.end - 1) + 1 if obj.end > obj.start else at(obj.start))
        if field is not None and getattr(obj, field) == read[obj.start : obj.end]:
            setattr(obj, field, text[start:end])
        obj.start, obj.end = start, end

    notice.text = text
    for m in notice.measures:
        span(m, "text")
        for a in m.attributions:
            for u in a.units:
                span(u, "as_written")
            span(a, "clause")
        for o in m.officials:
            span(o, "as_written")
    for sec in notice.sections:
        span(sec, None)
    if keep is not None:
        for un in notice.unread:
            k = at(_line_column(read, un.line, un.column))
            un.line = text.count("\n", 0, k) + 1
            un.column = k - (text.rfind("\n", 0, k) + 1) + 1
    return notice


# A label opening a bracket, its colon typed as a semicolon: (责任单位;住建局、畜牧局) (r1240). Right
# after the bracket a label can only introduce its list, so the separator there is read as the
# colon; a ； after a list (（牵头单位：A；责任单位：B）) is no slip and stays.
_SLIPPED_LABEL_RE = re.compile(r"(?<=[（(])[^\S\n]*(?:" + ROLE_LABEL_PATTERN
                               + r")[^\S\n]*([;；])(?![^\S\n]*[;；:：）)])")


def mend_label_separators(text: str) -> str:
    """The text with each bracket-opening label's separator typed as a semicolon read as its colon,
    one character for one, so every offset stays (the parser quotes the text as given).

    >>> mend_label_separators("加快改造。(责任单位;住建局、畜牧局)")
    '加快改造。(责任单位：住建局、畜牧局)'
    >>> mend_label_separators("（牵头单位：县交通局；配合单位：县财政局）")  # a ； between lists: no slip
    '（牵头单位：县交通局；配合单位：县财政局）'
    """
    if ";" not in text and "；" not in text:
        return text
    return _SLIPPED_LABEL_RE.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + "：", text)
