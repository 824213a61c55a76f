"""Readings added for held-out batch G (r800–r804) and the township and street
running text still missed after batch F: clause structure (subject, adverbial
phrase, role verb, object), copular cues (X为…责任单位), 负有…责任, 在Y指导下.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice import parse_notice
from govgraph.loaders.notice.running_text import by_clauses, leading_units
from real_corpus import assert_exact


def _roles(text: str) -> list[list[tuple[str, list[str]]]]:
    return [[(a.role, [u.name for u in a.units]) for a in m.attributions] for m in parse_notice(text).measures]


def _by(text: str) -> list[tuple[str, list[str]]]:
    return [(a.role, [u.name for u in a.units]) for a in by_clauses(text, 0, len(text))]


def test_persons_signing_after_by_are_no_duty():
    # 负责人 is a post: 由项目申请部门负责人…签字 gives no unit the role 负责
    assert _by("由项目申请部门负责人及申请部门分管领导签字确认通过。") == []
    assert _by("由项目申请部门负责组织验收。") == [("responsible", ["项目申请部门"])]


def test_the_units_a_lead_coordinates_end_where_the_duty_begins():
    # the 、 inside the duty (本区域、本领域) does not make the duty part of the list
    text = "我街道由发展办牵头，协调各职能部门加强对本区域、本领域内工程项目的现场监管。"
    assert _by(text) == [("lead", ["发展办"]), ("support", ["各职能部门"])]
    # a 、 after a verb phrase that only starts like a body (核查所…) ends no list
    text = "由平安办牵头核查所涉场地权属、是否具有经营范围。"
    assert leading_units(text, text.index("核查"), len(text)) is None


def test_r804_reads_exactly():
    assert_exact("r804_gumeilu_xegc_2021")
