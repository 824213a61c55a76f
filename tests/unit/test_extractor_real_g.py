"""Readings added for held-out batch G (r800–r804) and the township and street
running text still missed after batch F: clause structure (subject, adverbial
phrase, role verb, object), copular cues (X为…责任单位), 负有…责任, 在Y指导下.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice.given_by import by_clauses, leading_units
from govgraph.loaders.notice.names import looks_like_unit
from govgraph.loaders.notice.running_text import subject_clauses
from real_corpus import assert_exact, measure_roles


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


def test_an_article_s_later_paragraph_with_a_subject_and_role_verb_of_its_own():
    text = ("第四条 镇人民政府负责本行政区域内的文物保护工作。\n\n镇党群中心具体负责文物保护的监督管理。\n\n"
            "相关行政管理部门，按照各自职责共同做好文物保护工作。\n\n"
            "第五条 镇文物管理委员会负责协调解决重大问题，其日常办事机构设在镇党群中心。\n")
    assert measure_roles(text) == [[("responsible", ["镇人民政府"]), ("responsible", ["镇党群中心"])],
                            [("responsible", ["镇文物管理委员会"])]]


def test_by_its_owner_names_the_owner():
    # 其 refers back to the thing owned; 所有人 is a party as 业主 is
    assert _by("非国有不可移动文物由其所有人负责修缮、保养。") == [("responsible", ["所有人"])]
    assert not looks_like_unit("非国有不可移动文物由其所有人")
    assert looks_like_unit("中国（上海）自由贸易试验区管委会")


def test_r803_reads_exactly():
    assert_exact("r803_zhelin_wwbh_2023")


def test_r602_reads_exactly():
    assert_exact("r602_fengpu_xxgc_2025")


def _clauses(text: str) -> tuple[list[tuple[str, list[str]]], list[tuple[str, str]]]:
    found, persons = subject_clauses(text, 0, len(text))
    return [(a.role, [u.name for u in a.units]) for a in found], [(o.name, o.role) for o in persons]


def test_a_body_made_a_post_of_responsibility_by_a_copula():
    assert _clauses("建设单位是施工管理的第一责任单位，负责对项目施工过程进行管理。") == (
        [("responsible", ["建设单位"])], [])
    assert _clauses("规建办、城建中心为审核的责任部门。") == ([("responsible", ["规建办", "城建中心"])], [])
    assert _clauses("镇规建办为牵头部门，负责组织审核。") == ([("lead", ["镇规建办"])], [])


def test_bearing_responsibility_for_something():
    # a body bearing it is responsible; persons bearing it are officials, the kind of responsibility their role
    assert _clauses("镇小型建设工程领导小组对工程项目负有直接和领导责任，依法加强管理。") == (
        [("responsible", ["镇小型建设工程领导小组"])], [])
    assert _clauses("建设单位负责人对建设工程项目负有直接管理责任，应加强管理。") == (
        [], [("建设单位负责人", "直接管理责任")])


def test_guided_and_assisted_by_a_body():
    # the verbs of 在Y指导、协助下 are Y's: 协助 makes Y support; the subject takes the verb after 下
    text = ("二、职责分工\n项目管理人在街道项目办指导、协助下负责各项目的具体实施。\n"
            "项目办负责收集工程项目的有关资料。\n")
    assert measure_roles(text) == [[("responsible", ["项目管理人"]), ("support", ["街道项目办"])],
                            [("responsible", ["项目办"])]]
    # 指导 alone is no role word: the guide is named but given no role
    text = "二、职责分工\n项目管理人在项目办指导下负责具体实施。\n项目办负责收集资料。\n"
    assert measure_roles(text) == [[("responsible", ["项目管理人"])], [("responsible", ["项目办"])]]
