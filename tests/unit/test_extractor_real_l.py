"""Readings added for the district residential property and housing-safety documents of batch J
(r1020–r1024): duty paragraphs under article titles naming duties (`第五条（管理职责）`,
`第四条 街镇与居委会职责`, `…责任主体`), items with no role word outside them, a subject's
modal and adverb before 落实 (`应严格落实`), `由A和B按…进行…，配合C…`, glosses and aliases
after a heading unit, and parties made `…责任人`.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice.given_by import by_clauses
from govgraph.loaders.notice.running_text import subject_clauses
from real_corpus import assert_exact, measure_roles


def test_a_paragraph_under_a_duties_title_with_no_role_word_is_a_duty():
    # under 第五条（管理职责）each paragraph opening with a unit is a duty item, a role verb or not
    # (区房管局、各街道应当加强…: responsible); only a lead-in before the article's own sub-items
    # (吴泾镇…做好…。具体分工如下： / 1.镇规建生态办负责…, r305) is not one
    text = ("第五条（管理职责）\n\n区房管局牵头组织开展本区危险房屋应急处置工作。\n\n"
            "区国资委、区商务委等部门应当按照各自职责，督促落实房屋使用安全责任人配合做好工作。\n\n"
            "区房管局、各街道应当加强对区域内危险房屋应急处置工作的管理。\n\n"
            "第六条（工作原则）\n\n坚持安全第一。\n")
    assert measure_roles(text) == [[("lead", ["区房管局"])], [("responsible", ["区国资委", "区商务委"])],
                            [("responsible", ["区房管局", "各街道"])]]
    lead_in = ("第五条 职责分工\n吴泾镇对储备地块进行严格管护，做好日常巡查记录。具体分工如下：\n"
               "1.镇规建生态办负责储备地块临时借地手续相关工作；\n2.镇信访办负责相关来信来访等处置；\n")
    assert measure_roles(lead_in) == [[("responsible", ["镇规建生态办"])], [("responsible", ["镇信访办"])]]


def test_numbered_items_with_no_role_word_under_a_task_heading_are_steps():
    # （一）日常巡查 names no duties: 1. (no role word) and 2. (督促 others to 落实) are steps; 3. states
    # a duty (落实属地责任) and is a measure
    text = ("第六条（隐患发现）\n\n（一）日常巡查\n\n"
            "1.物业服务企业应结合住宅小区实际情况，定期对房屋进行日常巡查。\n\n"
            "2.各行业主管部门、区属集团应督促职责范围内房屋产权人落实日常巡查机制。\n\n"
            "3.街道应落实属地责任，做好常规房屋安全巡查。\n\n"
            "第七条（资金）\n\n由区房管局负责年度预算管理。\n")
    assert measure_roles(text) == [[("responsible", ["街道"])], [("responsible", ["区房管局"])]]


def test_an_adverb_after_the_modal_before_luoshi():
    # 应严格落实 is 应落实 (r655): the units are responsible
    text = "区房管局、属地街道应严格落实应急处置项目的认定管理，不得擅自放宽认定条件。"
    got = subject_clauses(text, 0, len(text))[0]
    assert [(a.role, [u.name for u in a.units]) for a in got] == [("responsible", ["区房管局", "属地街道"])]


def test_a_by_clause_acting_by_its_duties_then_peihe():
    # 由A和B按职责分工及时进行…，配合C做好…: A and B take 配合 (support), C nothing (r754)
    text = "项目实施后，应由区房管局和属地街道按职责分工及时进行项目资料备案，配合区财政局做好项目绩效跟踪工作。"
    got = by_clauses(text, 0, len(text))
    assert [(a.role, [u.name for u in a.units]) for a in got] == [("support", ["区房管局", "属地街道"])]


def test_r1024_reads_exactly():
    assert_exact("r1024_hongkou_wfyj_2024")


def test_a_ji_gloss_after_a_heading_unit_names_no_units():
    # 企业集团（即：A、B）：the gloss says what the unit is (a （即……） bracket, no units); the heading is
    # the unit before it
    text = ("二、明晰各方职责\n\n（五）明确各方工作职责。各相关部门依据自身职责，落实管理职能。\n\n"
            "区财政局：落实资金保障。\n\n企业集团（即：永业集团、南房集团）：落实主体责任，具体实施物业服务。\n")
    assert measure_roles(text)[1:] == [[("responsible", ["区财政局"])], [("responsible", ["企业集团"])]]


def test_other_bodies_of_two_kinds_joined_share_their_head():
    # 其他相关职能部门与单位: 其他相关 shared, 职能 qualifying 部门 only (as 各有关部门和单位, r961)
    from govgraph.loaders.notice.names import split_and_joined
    assert [n for n, _o in split_and_joined("其他相关职能部门与单位")] == ["其他相关职能部门", "其他相关单位"]
    assert [n for n, _o in split_and_joined("其他部门和单位")] == ["其他部门", "其他单位"]
    assert [n for n, _o in split_and_joined("市人力资源和社会保障局")] == ["市人力资源和社会保障局"]


def test_r1021_reads_exactly():
    assert_exact("r1021_huangpu_ljwy_2019")


def test_a_short_name_introduced_after_the_heading_unit_is_dropped():
    # 浦东新区建设和交通委员会(以下简称“区建交委”)负责…: labelled by its full name (r601)
    text = ("第三条 部门职责\n\n浦东新区建设和交通委员会(以下简称“区建交委”)负责统筹协调治理工作。\n\n"
            "浦东新区物业管理事务中心负责指导维修资金使用。\n")
    assert measure_roles(text) == [[("responsible", ["浦东新区建设和交通委员会"])],
                            [("responsible", ["浦东新区物业管理事务中心"])]]


def test_a_paragraph_after_an_articles_list_of_duties_is_under_its_title():
    # (一)…(二)… are sentences of a list, not headings: the paragraph after them is under 第四条's title
    # (街镇与居委会职责), a duty item of its own (协助 → support)
    text = ("第四条  街镇与居委会职责\n\n街道办事处、镇人民政府负责综合协调本辖区治理工作，履行下列职责：\n\n"
            "(一)建立应急处置工作机制，处理紧急维修相关事务;\n\n(二)加强相关法律法规宣传。\n\n"
            "居民委员会依法协助街道办事处、镇人民政府开展治理工作。\n\n"
            "第五条  治理原则\n\n治理应当遵循预防为主的原则。\n")
    assert measure_roles(text) == [[("responsible", ["街道办事处", "镇人民政府"])], [("support", ["居民委员会"])]]


def test_parties_made_the_post_bearing_the_duty():
    # 第五条 …责任主体 names duties; 房屋所有权人为…责任人 and, in a later clause, 房屋使用人为…责任人 are
    # both responsible (parties, not persons); 物业服务企业应当… under the title is a duty item
    text = ("第五条  脱落隐患治理责任主体\n\n房屋所有权人为脱落隐患治理责任人。房屋所有权人下落不明的，"
            "房屋使用人为脱落隐患治理责任人。\n\n物业服务企业应当按照规定开展脱落隐患治理工作。\n\n"
            "第六条 房屋质量保修责任主体\n\n房屋建设单位应当依法全面承担房屋质量保修责任。\n")
    assert measure_roles(text) == [[("responsible", ["房屋所有权人"]), ("responsible", ["房屋使用人"])],
                            [("responsible", ["物业服务企业"])], [("responsible", ["房屋建设单位"])]]
    # in running text too (a party, where 各村主要负责人是…第一责任人 names persons, r604)
    running = "住宅小区房屋所有权人为房屋维修责任人。"
    got = subject_clauses(running, 0, len(running))[0]
    assert [(a.role, [u.name for u in a.units]) for a in got] == [("responsible", ["住宅小区房屋所有权人"])]


def test_r1023_reads_exactly():
    assert_exact("r1023_pudong_wqtl_2022")


def test_an_article_under_a_title_naming_no_duties_is_one_measure():
    # 第四条  (行业管理): the title names no duties, so the article is one item headed by its first
    # paragraph's unit (r803), and the later paragraphs' subjects are later clauses of it: 设立…，并负责 (the
    # subject carries past 并), 具体承担以下职能 (承担…职能 read as 承担…职责, r941); the sub-items' role verbs
    # ((三)协同…) label nothing. Under 第五条  (属地责任) each paragraph is a duty item of its own.
    text = ("第四条  (行业管理)\n\n区建交委负责建立健全本区房屋应急维修服务体系。\n\n"
            "区物业管理事务中心设立区应急维修平台，并负责对区应急维修平台进行指导、监督。\n\n"
            "区应急维修平台具体承担以下职能：\n\n(一)对街镇服务站进行业务指导;\n\n(二)协同街镇服务站提供服务。\n\n"
            "第五条  (属地责任)\n\n街道办事处、镇人民政府负责辖区内房屋应急维修服务管理工作。\n\n"
            "街镇服务站具体承担以下职能：\n\n(一)受理处置辖区内诉求;\n\n(二)承担交办的其他任务。\n\n"
            "第六条  (分级处置机制)\n\n区应急维修平台、街镇服务站应当在30分钟内响应。\n")
    assert measure_roles(text) == [
        [("responsible", ["区建交委"]), ("responsible", ["区物业管理事务中心"]),
         ("responsible", ["区应急维修平台"])],
        [("responsible", ["街道办事处", "镇人民政府"])], [("responsible", ["街镇服务站"])]]


def test_a_platform_running_operations_is_a_body():
    from govgraph.loaders.notice.names import looks_like_unit
    assert looks_like_unit("区房屋应急维修指挥平台") and looks_like_unit("区应急维修平台")
    assert not looks_like_unit("微信平台") and not looks_like_unit("工业互联网平台")


def test_r1022_reads_exactly():
    assert_exact("r1022_pudong_yjwx_2023")


def test_units_acting_by_their_duties_state_one_wherever_the_item_stands():
    # 七、监督管理 names no duties, and the item's sibling names no unit; 按照职责加强… still states a duty
    # (README, from r601): responsible. 按照各自工作职责，拟定… (r702), 依据各自的法定职责对…进行检查 (r941)
    # and 按职责开展的…项目 (a qualifier, r1024) do not.
    text = ("七、监督管理\n\n1.镇财政所、镇经管中心按照职责加强建设工程资金的监督管理。\n\n"
            "2.在建设项目实施过程中，严禁随意扩大项目工程量。\n")
    got = subject_clauses(text, 0, len(text))[0]
    assert [(a.role, [u.name for u in a.units]) for a in got] == [("responsible", ["镇财政所", "镇经管中心"])]
    for prose in ("区国动办、区应急局等相关监督管理部门依据各自的法定职责对地下空间进行检查。",
                  "各行业主管部门按职责开展的本行业房屋应急处置项目可参照本办法执行。"):
        assert subject_clauses(prose, 0, len(prose))[0] == []
    duty_list = ("一、职责分工\n\n1.区房管局负责牵头推进。\n\n2.区财政局负责资金保障。\n\n"
                 "三、监督管理\n\n1.镇财政所、镇经管中心按照职责加强资金的监督管理。\n\n2.严禁随意扩大工程量。\n")
    assert measure_roles(duty_list)[-1] == [("responsible", ["镇财政所", "镇经管中心"])]


def test_r601_reads_exactly():
    assert_exact("r601_zhujiajiao_xegc_2025")
