"""Readings added for the district documents of batches N and O (r1104, r1120–r1123).

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice.duty_table import duty_table
from real_corpus import assert_exact, measure_roles, unit_names


def test_a_unit_duty_table_with_no_role_column_is_a_duty_list():
    # r1122: a 单位 / 职责分工 table flattened one cell per paragraph: each row a duty item, the unit
    # cell's role that of the duty cell's first role verb (to the first ；or 。): 负责 or none →
    # responsible, 配合 → support, 牵头 → lead; a unit named inside a duty is no holder
    text = ("附件\n\n某区成员单位职责分工\n\n单位\n\n职责分工\n\n区财政局\n\n负责保障经费；配合区民政局做好救助。\n\n"
            "区市场监管局\n\n按照有关部门意见，配合做好市场监管领域有关工作。\n\n区民政局\n\n牵头做好救助工作。\n\n"
            "各街镇\n\n各街镇是整治工作的责任主体，负总责。\n")
    assert measure_roles(text) == [[("responsible", ["区财政局"])], [("support", ["区市场监管局"])],
                                   [("lead", ["区民政局"])], [("responsible", ["各街镇"])]]
    # one cell per line, the header 部门 / 工作职责, a duty cell running over two paragraphs
    lines = "部门\n工作职责\n区财政局\n负责保障经费。\n区水务局\n依法实施水行政执法。\n查处违法行为。\n"
    assert measure_roles(lines) == [[("responsible", ["区财政局"])], [("responsible", ["区水务局"])]]


def test_a_table_under_a_unit_duty_header_must_open_with_a_body():
    # the first cell under the header names no body: not a unit / duty table (the document is
    # refused as before, nothing in it numbered or labelled)
    text = "单位\n\n职责分工\n\n加强宣传\n\n做好宣传工作。\n\n区财政局\n\n负责保障经费。\n"
    assert duty_table(text) == []


def test_r1122_reads_exactly():
    assert_exact("r1122_fengxian_wfyd_2024")


def test_a_bare_level_before_a_body_named_with_its_own_level_shares_the_body():
    # r1104: 市、区残联要加强… / 市、区财政部门负责…: the bare level (市) shares the body of the name after
    # it, written with its own level (区残联 → 市残联, 区残联), as 经开区、综保区党工委 shares 党工委
    assert unit_names("市、区残联") == ["市残联", "区残联"]
    assert unit_names("省、市、县财政部门") == ["省财政部门", "市财政部门", "县财政部门"]
    assert unit_names("区、镇") == ["区", "镇"]  # no body to share
    text = ("五、责任分工\n市民政部门负责拟订制度。\n市、区残联要加强证件管理工作。\n"
            "市、区财政部门负责资金保障。\n")
    assert measure_roles(text) == [[("responsible", ["市民政部门"])], [("responsible", ["市残联", "区残联"])],
                                   [("responsible", ["市财政部门", "区财政部门"])]]


def test_r1104_reads_exactly():
    assert_exact("r1104_guangzhou_cjrbt_2022")


def test_a_heading_naming_a_category_of_members_holds_no_duty_its_paragraphs_do():
    # r1120: （三）成员单位 on a line of its own names a category, not a body: each paragraph under it
    # opening with a unit is a duty item (区规划资源局负责… / 区建设管理委负责…), the heading no measure
    text = ("五、主要职责\n\n（一）区领导小组\n\n区领导小组负责统筹全区工作。\n\n（二）成员单位\n\n"
            "区规划资源局负责规划土地管理工作。\n\n区建设管理委负责推动城市管理。\n")
    assert measure_roles(text) == [[("responsible", ["区领导小组"])], [("responsible", ["区规划资源局"])],
                                   [("responsible", ["区建设管理委"])]]


def test_under_a_body_heading_a_later_paragraph_opening_with_another_body_is_its_item():
    # r1120: （二）区更新办 / 区更新办负责… / “两旧一村”改造工作专班负责…: the paragraph restating the heading
    # opens its duty; a later one opening with another body is that body's duty item (as r1001)
    text = ("五、主要职责\n\n（一）区领导小组\n\n区领导小组负责统筹全区工作。\n\n（二）区更新办\n\n"
            "区更新办负责综合协调。\n\n区住房保障局负责推进改造工作。\n")
    assert measure_roles(text) == [[("responsible", ["区领导小组"])], [("responsible", ["区更新办"])],
                                   [("responsible", ["区住房保障局"])]]
    # a heading whose paragraph does not open by restating it keeps its paragraphs (r704)
    kept = ("五、主要职责\n\n（一）区领导小组\n\n负责统筹全区工作。\n\n（二）区更新办\n\n"
            "负责综合协调。\n\n区财政局负责保障经费。\n")
    assert measure_roles(kept)[1] == [("responsible", ["区更新办"])]
