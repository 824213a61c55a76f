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
from collections.abc import Iterable, Iterator, Sequence
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


def _cut_out(text: str, cuts: Iterable[tuple[int, int]]) -> tuple[str, Sequence[int]]:
    """The text with each ``(start, end)`` of ``cuts`` (in order, not overlapping) taken out, and
    for each of its offsets the offset in ``text`` (one more at the end, for ends).

    >>> read, keep = _cut_out("ab--cd", [(2, 4)])
    >>> read, list(keep)
    ('abcd', [0, 1, 4, 5, 6])
    """
    keep = array("q")  # 8 bytes an offset, not a Python int each
    pieces: list[str] = []
    pos = 0
    for start, end in cuts:
        keep.extend(range(pos, start))
        pieces.append(text[pos:start])
        pos = end
    keep.extend(range(pos, len(text)))
    pieces.append(text[pos:])
    keep.append(len(text))
    return "".join(pieces), keep


def _page_width_breaks(text: str, layout: Layout) -> Iterator[tuple[int, int]]:
    """Each line break a page width made, with the spaces before it and the indent after it."""
    nl = text.find("\n")
    pos = 0
    while nl != -1:
        if (layout.wrapped_line_ends_at(text, nl) and not _ROW_START_RE.match(text, nl + 1)
                and not _deeper_indent(text, nl)):
            cut = nl
            while cut > pos and text[cut - 1] in SPACE:
                cut -= 1
            pos = nl + 1
            while pos < len(text) and text[pos] in SPACE:
                pos += 1
            yield cut, pos
        nl = text.find("\n", nl + 1)


def unwrap(text: str, layout: Layout) -> tuple[str, Sequence[int]]:
    """The text with the line breaks a page width made joined (the break, the
    spaces before it and the indent after it taken out), and for each of its
    offsets the offset in ``text`` (one more at the end, for ends)."""
    return _cut_out(text, _page_width_breaks(text, layout))


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


# An article of a regulation: 第N条 at a line's start (the texts whose paragraphs a stored copy may break).
_ARTICLE_RE = re.compile(r"(?m)^[^\S\n]*第[一二三四五六七八九十百零〇\d]{1,6}条")
# A blank line between two lines of one paragraph: the line before ends inside a word or a name (a
# character of a word, no punctuation closing a clause) and runs as a paragraph does (a comma or a
# 、 in it), and the line after goes on with a word, no marker opening a paragraph of its own
# (第N条, a chapter, an item （一）/ 一、/ 1., a heading #).
_BROKEN_AT_RE = re.compile(r"[\u4e00-\u9fff][^\S\n]*\n[^\S\n]*\n[^\S\n]*"
                           r"(?=[\u4e00-\u9fff])(?!第[一二三四五六七八九十百零〇\d]{1,6}[条章节])"
                           r"(?![一二三四五六七八九十]{1,3}[、.．])")
_PARAGRAPH_LINE_RE = re.compile(r"(?=[^\n]{12})[^\n，,、]*[，,、][^\n]*")


def join_broken_paragraphs(text: str) -> tuple[str, Sequence[int]] | None:
    """A regulation's text with each paragraph a stored copy broke over a blank line inside a word
    or a name (…等有关行政主管 / 部门，根据各自职责…; 制 / 定本条例) joined, and for each of its offsets
    the offset in ``text`` (one more at the end); None where nothing is joined.

    >>> text = "第一条 为了保护和发展林地，制\\n\\n定本条例。\\n\\n第二条 本条例适用于全省。\\n"
    >>> read, keep = join_broken_paragraphs(text)
    >>> read
    '第一条 为了保护和发展林地，制定本条例。\\n\\n第二条 本条例适用于全省。\\n'
    >>> keep[15]  # 定 stands two further on in the text as given
    17
    >>> join_broken_paragraphs(text.replace("制\\n\\n", "制")) is None
    True
    """
    if len(_ARTICLE_RE.findall(text, 0, 20000)) < 2:
        return None
    cuts = [(m.start() + 1, m.end()) for m in _BROKEN_AT_RE.finditer(text)
            if _PARAGRAPH_LINE_RE.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start() + 1)]
    return _cut_out(text, cuts) if cuts else None
