"""Readings added for the district documents of batch K (r1040–r1043): duty items listing their
duties one clause each (the first to its `；` decides the role), …

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice import parse_notice
from real_corpus import assert_exact


def _roles(text: str) -> list[list[tuple[str, list[str]]]]:
    return [[(a.role, [u.name for u in a.units]) for a in m.attributions] for m in parse_notice(text).measures]


def test_a_duty_items_first_duty_ends_at_its_semicolon():
    # 区商务委…。按照…继续做好…；配合做好…: the first duty has no role verb (responsible); the 配合 of
    # the next duty adds nothing, as under a <unit>职责 heading (r511)
    text = ("三、职责分工\n\n（一）区建管委。负责制定区实施方案；配合市财政局做好绩效分析工作。\n\n"
            "（二）区商务委、外滩投资集团。按照现有养护合同继续做好养护工作；配合做好移交工作。\n\n"
            "（三）区财政局。配合市财政局研究制定经费标准；负责审核。\n")
    assert _roles(text) == [[("responsible", ["区建管委"])], [("responsible", ["区商务委", "外滩投资集团"])],
                            [("support", ["区财政局"])]]


def test_r1040_reads_exactly():
    assert_exact("r1040_huangpu_psgl_2025")
