"""The same document as governments publish it in other renderings.

Each function takes a document's text and gives it back as another page, a PDF
converter or another editor would have rendered it; the measures, their units
and roles are the same, so a document's labels still hold for every rendering
(``scripts/extract_robustness.py`` scores them). Pure functions on text.

>>> hard_wrap("一二三四五六七八九十" * 5, width=20).split("\\n")[1]
'一二三四五六七八九十'
>>> indent_fullwidth("（一）加强管理。\\n牵头单位：市住建局")
'\\u3000\\u3000（一）加强管理。\\n\\u3000\\u3000牵头单位：市住建局'
>>> crlf("a\\nb")
'a\\r\\nb'
>>> page_footers("\\n".join("abc"), every=2)
'a\\nb\\n— 1 —\\nc'
>>> halfwidth_punctuation("（牵头单位：市住建局；责任单位：市民政局，市财政局）")
'(牵头单位:市住建局;责任单位:市民政局,市财政局)'
>>> fullwidth_punctuation("(牵头单位:市住建局)，于8:30前")
'（牵头单位：市住建局），于8:30前'
>>> numbering_dun("1.加强管理\\n  2．完善制度，按1.5倍计")
'1、加强管理\\n  2、完善制度，按1.5倍计'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_CN = "一二三四五六七八九十"
# What a line may start with that a reader takes for an item's numbering (or a
# quantity read as a bare number, "5家"): a page break never leaves one at a
# line start here, since a wrapped "…按第\n2.项…" cannot be told from a new item
# by any reader (see ``hard_wrap``).
_MARKER_START = re.compile(
    rf"[(（][^\S\n]*(?:[{_CN}]+|\d{{1,3}})[^\S\n]*[)）]"
    rf"|\d|[{_CN}]+[^\S\n]*[、.．]|第[{_CN}零〇]+条|[{_CN}]{{1,3}}是"
    r"|[\u2460-\u249b]"
)
# A page footer line as PDF-to-text leaves it, in turn.
_FOOTERS = ("— {n} —", "-{n}-", "－ {n} －", "- {n} -")


def display_width(s: str) -> int:
    """Columns on a page: a Chinese character (or a full-width mark) takes two.

    >>> display_width("市住建局"), display_width("1.5亿")
    (8, 5)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _breakable(line: str, k: int) -> bool:
    """May a page break fall before line[k]? Not inside a run of Latin letters
    or digits (PDF converters keep "2023" and "1.5" whole), not before a closing
    mark, and not where the next line would start like a numbered item."""
    before, after = line[k - 1], line[k]
    if (before.isascii() and before.isalnum() or before in ".．") and (after.isascii() and after.isalnum()):
        return False
    if after in "。，、；：,;:）)〕】》”’" or before in "（(〔【《“‘":
        return False  # no line starts with a closing mark or ends with an opening one
    if before in "。；;：:":
        return False  # a full line ending a sentence cannot be told from a line its author ended
    return _MARKER_START.match(line, k) is None


def _wrap_line(line: str, width: int) -> list[str]:
    if display_width(line) <= width:
        return [line]
    out: list[str] = []
    start = 0
    while display_width(line[start:]) > width:
        cols, k = 0, start
        while k < len(line) and cols + display_width(line[k]) <= width:
            cols += display_width(line[k])
            k += 1
        cut = k
        while cut > start + 1 and not _breakable(line, cut):
            cut -= 1  # the break moves back to where a page could cut
        if cut == start + 1:
            cut = k
        out.append(line[start:cut])
        start = cut
    out.append(line[start:])
    return out


def _table_line(line: str) -> bool:
    """A row of a flattened table (cells split by | or tabs): a page width does
    not cut those the way it cuts running text, so they are left whole."""
    return "|" in line or "\t" in line


def hard_wrap(text: str, width: int = 68) -> str:
    """Every line cut at ``width`` columns (68: 34 Chinese characters, a PDF page
    with its margins) as PDF-to-text leaves it: line breaks inside sentences,
    names and labels. A break is never placed where the next line would start
    like a numbered item or a digit (``…按第\\n2.项``), nor inside a number, nor
    right after a sentence's end (a full line ending in 。 reads as one its author
    ended): those are ambiguous by nature, not a reader's fault. Table rows are kept.

    >>> hard_wrap("（一）加强物业管理。（牵头单位：市住房和城乡建设局）", width=24)
    '（一）加强物业管理。（牵\\n头单位：市住房和城乡建设\\n局）'
    """
    return "\n".join(part for line in text.split("\n")
                     for part in ([line] if _table_line(line) else _wrap_line(line, width)))


def _indent(text: str, indent: str) -> str:
    return "\n".join(indent + line if line.strip() and not line[:1].isspace() else line
                     for line in text.split("\n"))


def indent_fullwidth(text: str) -> str:
    """Every paragraph (every line not already indented) opened with two
    full-width spaces, as most government pages and Word files do."""
    return _indent(text, "\u3000\u3000")


def indent_spaces(text: str) -> str:
    """Every paragraph opened with two ordinary spaces.

    >>> indent_spaces("一、总则\\n\\n  已缩进")
    '  一、总则\\n\\n  已缩进'
    """
    return _indent(text, "  ")


# A line that ends like this ends its paragraph as its author wrote it.
_ENDS_A_PARAGRAPH = tuple("。！？!?；;：:）)")


def blank_lines(text: str) -> str:
    """A blank line between every two paragraphs (each <p> of a web page on its
    own line). A paragraph ends at a line ending a sentence (。；： or a closing
    bracket) or before a numbered line; a line cut inside a sentence, a name or a
    table cell is not a paragraph's end (a blank line there would be a break no
    publisher makes, and in a table of one cell per line an empty cell). Lines
    blank already stay as they are, and a text whose lines are mostly apart
    already is left as it is: there a blank line may be the boundary of a table's
    cell, and one more would cut a cell in two.

    >>> blank_lines("一、总则\\n（一）加强管理，\\n完善制度。\\n区住建局")
    '一、总则\\n\\n（一）加强管理，\\n完善制度。\\n\\n区住建局'
    """
    lines = text.split("\n")
    apart = len(re.findall(r"\S[^\S\n]*\n[^\S\n]*\n\s*\S", text))
    if apart >= len(re.findall(r"\S[^\S\n]*\n[^\S\n]*\S", text)):
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and nxt.strip() and (line.rstrip().endswith(_ENDS_A_PARAGRAPH)
                                             or _MARKER_START.match(nxt.lstrip(" \u3000\t"))):
            out.append("")
    return "\n".join(out)


def crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def page_footers(text: str, every: int = 20) -> str:
    """A page footer line (``— 3 —``, ``-4-``, ``－ 5 －``) after every ``every``
    lines, the page number counting up, as PDF-to-text leaves them between the
    last line of one page and the first of the next."""
    lines = text.split("\n")
    out: list[str] = []
    page = 0
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % every == 0 and i < len(lines):
            page += 1
            out.append(_FOOTERS[(page - 1) % len(_FOOTERS)].format(n=page))
    return "\n".join(out)


def pdf(text: str) -> str:
    """What a PDF converter gives: paragraphs indented, lines cut at the page
    width, a footer every 22 lines (a page)."""
    return page_footers(hard_wrap(indent_fullwidth(text)), every=22)


_TO_HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";"})
_TO_FULL = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"}


def halfwidth_punctuation(text: str) -> str:
    """Brackets, colons, commas and semicolons half-width: （）：，； → ():,;"""
    return text.translate(_TO_HALF)


def fullwidth_punctuation(text: str) -> str:
    """Brackets, colons, commas and semicolons full-width: ():,; → （）：，；
    except a colon or comma between digits (8:30, 1,000), which stays a number."""
    return re.sub(r"[():,;]", lambda m: m.group() if m.group() in ":," and _between_digits(m) else
                  _TO_FULL[m.group()], text)


def _between_digits(m: re.Match[str]) -> bool:
    s, i = m.string, m.start()
    return 0 < i < len(s) - 1 and s[i - 1].isdigit() and s[i + 1].isdigit()


# An Arabic item number at a line's start, its mark any of . ． 、 (not 1.5, not 1.1).
_ARABIC_MARKER = re.compile(r"(?m)^([^\S\n]*\d{1,3})[.．、](?![\d.．])")


def _numbering(mark: str) -> Callable[[str], str]:
    def render(text: str) -> str:
        return _ARABIC_MARKER.sub(lambda m: m.group(1) + mark, text)
    render.__name__ = f"numbering_{mark}"
    render.__doc__ = f"Every Arabic item number at a line's start marked with {mark!r} (1. / 1． / 1、)."
    return render


numbering_dot = _numbering(".")
numbering_fullwidth_dot = _numbering("．")
numbering_dun = _numbering("、")

# name -> rendering, in the order of the report; the letters are the brief's.
RENDERINGS: dict[str, Callable[[str], str]] = {
    "a. hard-wrapped (34 chars)": hard_wrap,
    "b. indented \\u3000\\u3000": indent_fullwidth,
    "b. indented two spaces": indent_spaces,
    "c. blank lines between paragraphs": blank_lines,
    "d. CRLF line ends": crlf,
    "e. page footers every 20 lines": page_footers,
    "f. punctuation half-width": halfwidth_punctuation,
    "f. punctuation full-width": fullwidth_punctuation,
    "g. numbering 1.": numbering_dot,
    "g. numbering 1．": numbering_fullwidth_dot,
    "g. numbering 1、": numbering_dun,
    "a+b+e. PDF (indented, wrapped, footers)": pdf,
}


# An item's numbering marker at a line's start: 一、 （一） (一) 1. 1． 1、 （1） 第一条 (the marker only).
_LINE_MARKER = re.compile(r"(?m)^([^\S\n]*)(?:[（(][一二三四五六七八九十\d]{1,3}[)）]"
                          r"|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、](?![\d.．])"
                          r"|第[一二三四五六七八九十百零\d]{1,5}条[^\S\n]*)")


def numbering_lost(text: str) -> str:
    r"""Every item's numbering marker at a line's start taken out, as copying a page whose items are
    an HTML list (the numbers drawn by the browser) leaves it. Not a rendering the extractor is held
    to read alike (the items lose what says they are items): scripts/extract_fallback.py measures
    what the paragraph reader (loaders/notice/fallback.py) gets back from it.

    >>> numbering_lost("一、职责分工\n（一）区建管委负责…\n  2．区房管局配合…\n第三条 区财政局负责…")
    '职责分工\n区建管委负责…\n  区房管局配合…\n区财政局负责…'
    """
    return _LINE_MARKER.sub(lambda m: m.group(1), text)

