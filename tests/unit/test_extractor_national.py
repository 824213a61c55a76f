"""Readings added for the State Council documents of batch H (r960–r963): items
numbered （一）…（二十） under 一、二、 headings, each closed by an unlabelled
bracket naming ministries (`（农业农村部、工业和信息化部牵头，…按职责分工负责）`).

Each reading is pinned on a small written case shaped as the documents write it
and on the real document that showed it (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice.roles import role_brackets, role_lines
from real_corpus import assert_exact, measure_roles, unit_names


def _bracket(text: str) -> list[tuple[str, list[str]]]:
    return [(a.role, [u.name for u in a.units]) for a in role_brackets(text, 0, len(text))]



# Written for these tests in the shape of r960–r962 (headings 一、二、, items （一）…, a bracket closing
# each item, an unnumbered closing paragraph); not a published document.
_OPINION = ("国务院关于加快推进某产业转型升级的指导意见\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
            "为加快推进某产业转型升级，现提出以下意见。\n"
            "一、总体要求\n"
            "（一）指导思想。认真落实党中央、国务院决策部署，推动产业高质量发展。\n"
            "二、重点任务\n"
            "（二）鼓励创新创业。推进商事制度改革。（市场监管总局、体育总局负责）加大扶持力度。（体育总局、教育部负责）\n"
            "（三）健全组织实施机制。建立由农业农村部、工业和信息化部牵头的协调推进机制。"
            "（农业农村部、工业和信息化部牵头负责）\n"
            "（四）强化地方政府责任。各省级人民政府要落实部门责任，加强经费保障。（各省级人民政府负责）\n"
            "各地区、各有关部门要强化协同配合，共同抓好落实。\n"
            "国务院\n2018年12月21日\n")


def test_items_closed_by_brackets_are_the_measures_and_take_their_units_from_the_brackets_only():
    # （一） holds no bracket and is no measure; （二） holds two brackets and is one measure with the
    # units of both, 体育总局 twice; the role words of the running text (建立由A、B牵头的…机制,
    # 要落实部门责任) add nothing; 牵头负责 gives lead; the closing paragraph urging the document's
    # implementation (强化协同配合, 共同抓好落实: nouns) is no measure
    assert measure_roles(_OPINION) == [
        [("responsible", ["市场监管总局", "体育总局"]), ("responsible", ["体育总局", "教育部"])],
        [("lead", ["农业农村部", "工业和信息化部"])],
        [("responsible", ["各省级人民政府"])],
    ]


def test_a_note_after_a_full_stop_in_the_bracket_is_no_role_word():
    # 列第一位者为牵头单位 is a note, not a role word: the bracket is still read
    text = "（三）完善创新体系。加强顶层设计。（工业和信息化部、发展改革委、科技部等负责。列第一位者为牵头单位，下同）"
    assert _bracket(text) == [("lead", ["工业和信息化部"]), ("responsible", ["发展改革委", "科技部"])]
    # a line of role clauses is not read past a full stop: a sentence goes on there
    text = "区财政局负责。加强资金保障。"
    assert role_lines(text, 0, len(text)) == []


def test_the_first_listed_unit_leads_in_every_bracket_after_the_note():
    # 下同: the note holds for the brackets after it, not for those before it
    text = ("（一）甲。（财政部、商务部负责）\n（二）乙。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）\n"
            "（三）丙。（教育部、科技部，各省级人民政府按职责分工负责）\n")
    assert _bracket(text) == [
        ("responsible", ["财政部", "商务部"]),
        ("lead", ["人力资源社会保障部"]), ("responsible", ["财政部"]),
        ("lead", ["教育部"]), ("responsible", ["科技部", "各省级人民政府"]),
    ]
    # one unit alone leads no one; a collective listed first names many bodies; a bracket
    # that names its lead itself is read as written
    note = "（一）甲。（海关总署、财政部负责，排在第一位的部门为牵头部门，下同）\n"
    assert _bracket(note + "（二）乙。（商务部负责）")[-1] == ("responsible", ["商务部"])
    assert _bracket(note + "（二）乙。（各有关部门和单位，各省级人民政府按职责分工负责）")[-1] == (
        "responsible", ["各有关部门", "各有关单位", "各省级人民政府"])
    assert _bracket(note + "（二）乙。（农业农村部牵头，财政部、商务部负责）")[-2:] == [
        ("lead", ["农业农村部"]), ("responsible", ["财政部", "商务部"])]


def test_r960_reads_exactly():
    assert_exact("r960_guowuyuan_njzb_2018")


def test_kinds_of_body_a_collective_joins_each_take_its_head():
    # 各有关部门和单位 splits at 和 with its shared 各有关, as 各乡镇党委和政府 does; after a list,
    # 等有关部门和单位 is left out as 等有关部门 is; one body's name keeps its 和 (工业和信息化部)
    assert unit_names("各有关部门和单位") == ["各有关部门", "各有关单位"]
    assert unit_names("财政部、民政部等有关部门和单位") == ["财政部", "民政部"]
    assert unit_names("工业和信息化部、中央和国家机关工委") == ["工业和信息化部", "中央和国家机关工委"]
    text = "（十四）切实抓好政策服务。积极开展政策宣传。（各有关部门和单位，各省级人民政府按职责分工负责）"
    assert _bracket(text) == [("responsible", ["各有关部门", "各有关单位", "各省级人民政府"])]


def test_r961_reads_exactly():
    assert_exact("r961_guowuyuan_cjjy_2018")


def test_deng_he_ends_a_group_as_deng_comma_does():
    # …全国妇联等和各省级人民政府负责: the ministries end with 等, the provinces follow (r963), as
    # 等， ends a group (r504); 共青团中央 (the Youth League's central committee) is a body
    assert unit_names("商务部、农业农村部等和各有关省级人民政府") == ["商务部", "农业农村部", "各有关省级人民政府"]
    assert unit_names("全国总工会、共青团中央、全国妇联等和各省级人民政府") == [
        "全国总工会", "共青团中央", "全国妇联", "各省级人民政府"]
    text = "（三）动员社会力量参与。发出倡议。（全国工商联、共青团中央、全国妇联等和各省级人民政府负责）"
    assert _bracket(text) == [("responsible", ["全国工商联", "共青团中央", "全国妇联", "各省级人民政府"])]


def test_cheng_xiang_is_no_place_to_restore():
    # 住房城乡建设部's 乡 ends 城乡 (town and country): the ministries after it are named whole, while a
    # county's list still restores its 县
    assert unit_names("住房城乡建设部、发展改革委、自然资源部") == ["住房城乡建设部", "发展改革委", "自然资源部"]
    assert unit_names("县住房城乡建设局、财政局") == ["县住房城乡建设局", "县财政局"]


def test_r962_reads_exactly():
    assert_exact("r962_guobanting_tyjs_2018")


def test_r963_reads_exactly():
    assert_exact("r963_guobanting_xffp_2018")
