"""Readings added for the district land-use documents of batch L (r1060–r1064): items closed
by a bracket of units with no role word, in a document that closes every item so.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice.unit_lists import list_mentions
from real_corpus import assert_exact, measure_roles


def test_a_closing_bracket_of_a_name_of_no_known_kind_where_the_items_close_so():
    # the document closes its items with brackets naming bodies; a bracket in the same place
    # whose name is a single word of no known kind of body (区属国企) names a body too (r1060)
    text = ("1.开展收储出让。各街镇负责谈判。（各街镇、区规划资源局）\n\n"
            "2.加强资金支持。加大投入。（区财政局、区土储中心）\n\n"
            "3.发挥国企领军作用。提升国企自有土地的价值。（区属国企）\n\n"
            "4.开展资源收购。鼓励整体收购。（各街镇、区属国企）\n")
    assert measure_roles(text) == [[("responsible", ["各街镇", "区规划资源局"])],
                                   [("responsible", ["区财政局", "区土储中心"])],
                                   [("responsible", ["区属国企"])],
                                   [("responsible", ["各街镇", "区属国企"])]]


def test_a_lone_closing_bracket_of_such_names_is_no_attribution():
    # without two brackets of known bodies in that place, a bracket of plain words is a note
    text = ("1.开展收储出让。条件适宜的地块可收储。（试行办法）\n\n"
            "2.加强资金支持。由区财政局负责资金。\n\n"
            "3.加强监管。由区经委负责监管。\n")
    assert all(("responsible", ["试行办法"]) not in m for m in measure_roles(text))


def test_batch_l_jiading_reads_exactly():
    assert_exact("r1060_jiading_dxyd_2022")


def test_a_duty_list_beside_labelled_measures_is_read_too():
    # a section whose heading names duties (（二）职责分工) holds paragraphs headed by units and
    # no label; the measures after it carry labelled brackets: both are measures, in order (r1063)
    text = ("（一）职责分工\n\n"
            "区规划资源局负责组织、协调低效产业用地处置工作。\n\n"
            "区经委牵头负责制定认定评价标准。\n\n"
            "（二）工作安排\n\n"
            "1.制定评价办法。细化标准。（牵头部门：区经委，配合部门：区统计局）\n\n"
            "2.开展评价。编制绩效图。（牵头部门：区规划资源局，配合部门：各镇）\n")
    assert measure_roles(text) == [[("responsible", ["区规划资源局"])], [("lead", ["区经委"])],
                                   [("lead", ["区经委"]), ("support", ["区统计局"])],
                                   [("lead", ["区规划资源局"]), ("support", ["各镇"])]]


def test_items_of_a_duties_heading_naming_bodies_by_their_short_names():
    # `<body>：` items under 三、…职能分工 beside labelled items elsewhere: a duty item each, 配合
    # giving support (r1061)
    text = ("一、试点工作职能分工\n\n"
            "（一）工作领导小组：指导协调监管机构开展工作。\n\n"
            "（二）工作推进专班：配合区协调监管机构研究并拟定管理办法。\n\n"
            "二、试点主要内容\n\n"
            "1.《管理办法》（责任单位：区规划资源局）\n\n"
            "2.《实施细则》（责任单位：区财政局）\n")
    assert measure_roles(text) == [[("responsible", ["工作领导小组"])], [("support", ["工作推进专班"])],
                                   [("responsible", ["区规划资源局"])], [("responsible", ["区财政局"])]]


def test_paragraphs_headed_by_units_outside_a_duties_heading_are_a_duty_list_by_structure_beside_labels():
    # the same paragraphs under a heading that names no duties: every paragraph there opens with a unit
    # and its role verb, a duty list by its structure whatever the heading says (duty_density; README:
    # a paragraph of its own giving a unit its duty is a measure, r1085). Until duty_density they were
    # left unread here, the heading's words deciding.
    text = ("（一）保障措施\n\n"
            "区财政局负责保障经费。\n\n"
            "区经委负责督促检查。\n\n"
            "（二）工作安排\n\n"
            "1.制定评价办法。（牵头部门：区经委，配合部门：区统计局）\n\n"
            "2.开展评价。（牵头部门：区规划资源局，配合部门：各镇）\n")
    assert measure_roles(text) == [[("responsible", ["区财政局"])], [("responsible", ["区经委"])],
                                   [("lead", ["区经委"]), ("support", ["区统计局"])],
                                   [("lead", ["区规划资源局"]), ("support", ["各镇"])]]


def test_batch_l_baoshan_reads_exactly():
    assert_exact("r1063_baoshan_dxyd_2021")


def test_a_list_closed_by_a_list_of_kinds_after_its_last_etc():
    # 等产业、招商部门: the kinds after 等 are a list themselves; the whole tail names what the
    # bodies are (r1064), as 等建设主管部门 does
    text = "区科委、区投促办、区国资委等产业、招商部门"
    _leads, mentions = list_mentions(text, 0, len(text))
    assert [m.name for m in mentions] == ["区科委", "区投促办", "区国资委"]
    text = "区科委、区投促办等部门"
    assert [m.name for m in list_mentions(text, 0, len(text))[1]] == ["区科委", "区投促办"]


def test_batch_l_xuhui_reads_exactly():
    assert_exact("r1064_xuhui_lydc_2025")
