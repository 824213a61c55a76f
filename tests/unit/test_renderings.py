"""scripts/renderings.py: the same document in other renderings (wrapped, indented,
blank lines, CRLF, footers, punctuation widths, numbering marks), the text
changed only in the way each rendering says."""

from __future__ import annotations

import doctest
import re

from real_corpus import renderings

rd = renderings()

DOC = ("某区关于加强物业管理的实施方案\n"
       "一、主要任务\n"
       "（一）加强物业管理，建立健全协调机制，按1.5倍标准于8:30前完成，共1,000户。"
       "（牵头单位：区住房和城乡建设管理委员会；责任单位：区民政局、区财政局）\n"
       "1.完善制度。\n"
       "2．规范服务。\n"
       "3、强化考核。")


def test_docstring_examples_run():
    result = doctest.testmod(rd, verbose=False)
    assert result.attempted > 0 and result.failed == 0


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_hard_wrap_keeps_every_character_and_the_width():
    out = rd.hard_wrap(DOC, width=30)
    assert _squeeze(out) == _squeeze(DOC)
    assert all(rd.display_width(line) <= 30 for line in out.split("\n"))
    assert out.count("\n") > DOC.count("\n")


def test_hard_wrap_never_starts_a_line_like_a_numbered_item_or_inside_a_number():
    text = "（二）按照本方案第（三）项和第2.项的要求，于2023年完成1.5亿元投资，一是保障二是落实"
    for width in range(8, 40):
        for line in rd.hard_wrap(text, width=width).split("\n")[1:]:
            assert not re.match(r"[(（][一二三\d]|\d|[一二三]是", line), (width, line)


def test_hard_wrap_leaves_table_rows():
    row = "1 | 加强物业管理，建立健全协调机制，完善制度 | 区住建局 | 区民政局、区财政局、各街道办事处"
    assert rd.hard_wrap(row, width=20) == row


def test_indent_blank_crlf_footers_change_only_the_layout():
    for render in (rd.indent_fullwidth, rd.indent_spaces, rd.blank_lines, rd.crlf, rd.page_footers):
        out = render(DOC)
        assert _squeeze(re.sub(r"^[-—－ ]*\d+[-—－ ]*$", "", out, flags=re.M)) == _squeeze(DOC), render
    assert rd.crlf(DOC).count("\r\n") == DOC.count("\n")
    assert rd.blank_lines(DOC).count("\n\n") == DOC.count("\n")
    assert rd.page_footers(DOC, every=3).split("\n")[3] == "— 1 —"


def test_punctuation_widths():
    half = rd.halfwidth_punctuation(DOC)
    assert not set("（），：；") & set(half)
    full = rd.fullwidth_punctuation(half)
    assert "8:30" in full and "1,000" in full  # numbers stay numbers
    assert full == DOC


def test_numbering_marks_change_at_line_starts_only():
    out = rd.numbering_dun(DOC)
    assert "\n1、完善制度" in out and "\n2、规范服务" in out and "\n3、强化考核" in out
    assert "1.5倍" in out
    assert rd.numbering_dot(out).count("\n1.完善") == 1
    assert rd.numbering_fullwidth_dot(out).count("\n3．强化") == 1
