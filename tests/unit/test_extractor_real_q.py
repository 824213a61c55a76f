"""Readings added for district and township duty rules (the paragraph fallback, duty sections).

A document the structured readers refuse (no numbered measure, no attribution inside one)
is read paragraph by paragraph (loaders/notice/fallback.py) when its sentences give units
duties; one with no such sentence is still refused with the structured readers' message.
"""

from __future__ import annotations

import pytest
from govgraph.loaders.notice import NoticeError, parse_notice
from govgraph.loaders.notice.given_by import placed_clauses
from real_corpus import assert_exact, clause_roles, measure_roles, real_notice, renderings


def _roles(notice) -> list[list[tuple[str, list[str]]]]:
    return [[(a.role, [u.name for u in a.units]) for a in m.attributions] for m in notice.measures]


def test_duty_sentences_outside_any_numbered_item_are_read_not_refused():
    text = ("某区关于做好困难群众救助工作的通知\n"
            "为做好救助工作，区财政局负责保障经费，区民政局负责核对救助对象。\n各街道要加强宣传。\n")
    notice = parse_notice(text)
    assert notice.layout == "paragraphs"
    assert "paragraph by paragraph" in notice.notes[0] and "no numbered measures found" in notice.notes[0]
    assert _roles(notice) == [[("responsible", ["区财政局"]), ("responsible", ["区民政局"])]]
    m = notice.measure(1)
    assert notice.text[m.start : m.end] == m.text and m.text.startswith("为做好救助工作")
    for a in m.attributions:
        assert notice.text[a.start : a.end] == a.clause
        for u in a.units:
            assert notice.text[u.start : u.end] == u.as_written


def test_the_fallback_reads_heading_lines_and_by_clauses_and_lists_what_it_did_not_read():
    text = ("某街道实施意见\n为加强管理，制定本意见。\n街道城建中心\n负责组织排查，牵头做好整改。\n"
            "由城运中心牵头，派出所、市场所配合做好巡查。\n负责做好资金保障。\n牵头单位：街道平安办\n")
    notice = parse_notice(text)
    assert notice.layout == "paragraphs"
    # a unit on a heading line of its own takes the duty of the paragraph under it (first role verb)
    assert _roles(notice) == [[("responsible", ["街道城建中心"])],
                              [("lead", ["城运中心"]), ("support", ["派出所", "市场所"])]]
    assert notice.measure(1).text == "街道城建中心\n负责组织排查，牵头做好整改。"
    # a partial read: the duty with no doer and the label outside any measure are listed as unread
    assert [(u.line, u.text) for u in notice.unread] == [(6, "负责做好资金保障。"), (7, "牵头单位：街道平安办")]
    assert [u.reason.split(":")[0] for u in notice.unread] == [
        "a paragraph with a role word whose doer was not read as a unit", "a label on a line of its own"]


@pytest.mark.parametrize("text, message", [
    ("某镇通知\n加强领导，落实责任。\n做好宣传引导。\n", "no numbered measures found"),
    # one duty sentence in prose is no duty list
    ("某镇通知\n一、总体要求\n区财政局负责保障经费。\n二、工作要求\n加强宣传引导。\n", "no attributions found"),
    # labels with no numbered measure to belong to: refused, and the message says where
    ("某市通知\n请做好排查。\n牵头单位：市市场监管局\n责任单位：市住房城乡建设局\n",
     "attributions start at line 3, column 1"),
])
def test_a_document_with_no_duty_sentence_is_still_refused(text, message):
    with pytest.raises(NoticeError, match=message):
        parse_notice(text)


def test_a_real_reply_whose_duties_stand_in_unnumbered_paragraphs_is_read():
    # r1085: 二、成员单位 / 联席会议由A、B…组成，教育部为牵头单位。 — refused before the fallback
    notice = real_notice("r1085_guowuyuan_zyjylxhy_2018")
    # read by the numbered reader since 各成员单位要按照职责分工，… gives a duty (r1123); paragraph by paragraph before
    assert notice.layout in ("numbered", "paragraphs")
    assert ["教育部"] in [m.units("lead") for m in notice.measures]


def test_a_real_duty_list_with_its_numbering_lost_is_still_read():
    # r940 第六条's items (（一）区应急局：… ) copied from an HTML list: the numbers are gone
    text = ("某区应急避难场所管理办法\n"
            "第六条 在区政府统一领导下，区有关部门及相关单位按照职责分工，共同做好应急避难场所建设、管理和使用工作。\n"
            "（一）区应急局：负责统筹协调全区应急避难场所规划、建设和管理工作。\n"
            "（二）区发展改革委：负责将应急避难场所建设纳入国民经济和社会发展规划。\n"
            "（八）区商务委：指导商场、超市等做好应急物资储备。配合落实应急期间生活必需品供应。\n")
    lost = renderings().numbering_lost(text)
    assert "（一）" not in lost and "第六条" not in lost
    for t in (text, lost):
        assert [m.units("responsible") for m in parse_notice(t).measures][-3:] == [
            ["区应急局"], ["区发展改革委"], ["区商务委"]]


def test_a_role_verb_after_a_by_clause_is_not_the_heading_units():
    # r1120 五（二）: 区更新办由A、B…三家副主任单位协同开展工作，负责… — 协同 is the units' after 由
    # (the office's make-up), so the office's role is its own first role verb, 负责
    text = ("某区意见\n五、主要职责\n"
            "1.区更新办。由区建设管理委、区住房保障房屋管理局协同开展工作，负责城市更新工作的统筹实施。\n"
            "2.区财政局。负责资金保障。\n")
    notice = parse_notice(text)
    assert _roles(notice) == [[("responsible", ["区更新办"])], [("responsible", ["区财政局"])]]


def test_a_later_clause_whose_units_act_by_their_duties_is_responsible():
    # r1123 第四条: …共同牵头推进…，其他成员单位按照职责分工，协调做好… (协调 is no role word, r1020)
    text = ("某区办法\n二、部门职责\n1.区建设管理委。负责统筹协调。\n"
            "2.区财政局。负责资金保障。区发展改革委牵头推进管控工作，其他成员单位按照职责分工，协调做好推进工作。"
            "开发建设主体单位按照相关标准和要求，编制专业规划。\n")
    notice = parse_notice(text)
    assert _roles(notice)[1] == [("responsible", ["区财政局"]), ("lead", ["区发展改革委"]),
                                 ("responsible", ["其他成员单位"])]


def test_a_body_on_a_heading_line_restated_by_its_paragraph_is_a_measure_beside_the_next_body():
    # r1120 五、主要职责: （二）区更新办 / 区更新办由A、B、C三家副主任单位协同开展工作，负责… / “两旧一村”…专班负责…
    text = ("某区意见\n五、主要职责\n（一）区城市更新领导小组\n区城市更新领导小组负责统筹、协调全区城市更新工作。\n"
            "（二）区更新办\n区更新办由区建设管理委、区住房保障房屋管理局、区规划资源局三家副主任单位协同开展工作，"
            "负责城市更新工作的统筹实施。\n“两旧一村”改造工作专班负责统筹、推进“两旧一村”改造工作。\n"
            "（三）成员单位\n区规划资源局负责本区城市更新规划土地管理工作。\n区经委负责贯彻落实产业配套政策。\n")
    assert [m.units("responsible") for m in parse_notice(text).measures] == [
        ["区城市更新领导小组"], ["区更新办"], ["“两旧一村”改造工作专班"], ["区规划资源局"], ["区经委"]]
    assert [m.units("support") for m in real_notice("r1120_jiading_csgx_2023").measures][:3] == [[], [], []]


def test_a_long_list_of_sectors_heading_a_duty_gives_each_sector_with_its_place_prefix():
    # r1120: 区交通、生态环境、…、农业农村等市政交通设施、公共服务设施相关部门负责… (past a heading's 40 characters)
    line = ("区交通、生态环境、绿化市容、水务、文化旅游、应急管理、国防、科技、民政、农业农村等市政交通设施、"
            "公共服务设施相关部门负责落实城市更新项目中相关设施的建设要求。")
    text = f"某区意见\n五、主要职责\n（三）成员单位\n区规划资源局负责规划土地管理工作。\n{line}\n"
    assert parse_notice(text).measures[-1].units("responsible") == [
        "区交通", "区生态环境", "区绿化市容", "区水务", "区文化旅游", "区应急管理", "区国防", "区科技", "区民政",
        "区农业农村"]
    notice = real_notice("r1120_jiading_csgx_2023")
    assert notice.measure(9).units("responsible")[:2] == ["区交通", "区生态环境"]
    assert len(notice.measures) == 12


def test_a_body_whose_make_up_opens_the_sentence_holds_the_duty_its_later_clause_gives():
    # r1083 五（二）: 联合采购办公室由试点城市各派1名代表组成，主任人选由…推举确定，…，负责代表…实施集中采购
    text = ("联合采购办公室由试点城市各派1名代表组成，主任人选由试点地区推举确定，各试点地区代表作为副主任，"
            "负责代表试点地区公立医疗机构实施集中采购。")
    assert clause_roles(text) == [("responsible", ["联合采购办公室"])]
    assert_exact("r1083_guobanting_ypjc_2019")


def test_a_subject_opening_with_a_negated_verb_holds_the_duty_its_later_clause_gives():
    # r1084 第四条: 培训和评价机构不改变原有隶属关系，实行…，对…负主体责任 (the suffix distributed across 和)
    text = ("培训和评价机构不改变原有隶属关系，实行人财物相对独立的管理机制，对本单位开展的培训和评价活动负主体责任，"
            "并主动接受相应人力资源社会保障部门的指导和监督。")
    assert clause_roles(text) == [("responsible", ["培训机构", "评价机构"])]
    # a prohibition is no subject handing on a duty: …不得参与… labels nothing
    assert clause_roles("培训机构不得参与开展本职业评价活动，对评价结果负主体责任。") == []
    notice = real_notice("r1084_renshebu_szjsgcs_2024")
    assert [m.units("responsible") for m in notice.measures][1] == ["培训机构", "评价机构"]


def test_kinds_of_work_paired_with_their_bodies_by_a_dash_give_each_body_the_closing_duty():
    # r1062 三（三）项目实施主体: A类项目——B；C类项目——D和E；…——F或G；…——H，负责项目前期手续办理工作
    text = ("某区办法\n三、责任分工\n（一）组织管理主体\n区规划资源局负责组织实施。\n（三）项目实施主体\n"
            "市区重大市政项目——区相关职能部门；区域性建设项目——区级集团公司和区土地储备中心；"
            "“城中村”改造项目——乡镇人民政府或委托的开发企业；其他公益性项目——乡镇人民政府，负责项目前期手续办理工作。\n")
    assert parse_notice(text).measures[-1].units("responsible") == [
        "区相关职能部门", "区级集团公司", "区土地储备中心", "乡镇人民政府或委托的开发企业", "乡镇人民政府"]
    assert real_notice("r1062_chongming_zdbc_2025").measure(3).units("responsible")[0] == "区相关职能部门"


def test_a_unit_coordinating_others_and_a_bracket_naming_its_acting_parts():
    # r1062 四（三）: 区公安部门（各相关派出所）配合提供… (the parts kept, r658); 区卫生部门协调区属医院配合提供… (neither)
    text = ("区相关部门（单位）协同做好调查核查工作。区公安部门（各相关派出所）配合提供相关户籍信息；"
            "区卫生部门协调区属医院配合提供大病证明信息；区民政部门配合提供相关婚姻登记信息。")
    assert clause_roles(text) == [("support", ["区相关部门（单位）"]), ("support", ["区公安部门（各相关派出所）"]),
                                  ("support", ["区民政部门"])]
    # a list of members in the bracket glosses what the name covers and is dropped (r307)
    assert clause_roles("项目户管单位（各村、合作社、镇属公司）负责配合做好手续办理。") == [("support", ["项目户管单位"])]


def test_a_closing_paragraph_after_an_articles_last_sub_item_is_the_articles():
    # r1042 第七条: (一)…由建设单位负责 / (二)…由…负责 / (三)…投资建设 / 除上述情形外，…由区绿化市容局负责
    text = ("某区办法\n第六条 规划\n区绿化市容局负责编制专项规划。\n第七条 建设主体\n景观照明设施可以由下列单位进行设置：\n"
            "(一)新建的建筑物配套建设景观照明设施的，由建设单位负责。\n(二)既有建筑物的景观照明改建的，由所有权人负责。\n"
            "(三)在各街镇范围内建设景观灯光项目的，由属地政府投资建设。\n除上述情形外，确需设置景观照明的，由区绿化市容局负责。\n"
            "第八条 建设要求\n设置者应当予以配合。\n")
    notice = parse_notice(text)
    assert [(m.title, m.units("responsible")) for m in notice.measures][1:4] == [
        ("建设主体", ["区绿化市容局"]), ("新建的建筑物配套建设景观照明设施的，由建设单位负责", ["建设单位"]),
        ("既有建筑物的景观照明改建的，由所有权人负责", ["所有权人"])]
    assert_exact("r1042_fengxian_jgzm_2024")


def test_a_body_set_up_and_named_for_later_under_a_duties_title_is_a_duty_item():
    # r1121 第五条（历保委职责）: the committee set up (full name, r601), then its office (办公室, r901)
    text = ("某区办法\n第五条（历保委职责）\n黄浦区成立历史风貌区和优秀历史建筑保护委员会（以下简称“区历保委”），"
            "由区房管局、区规划资源局等组成，协调解决保护工作中的重大问题。\n"
            "区历保委下设办公室（以下简称“区历保办”），由区房管局的相关工作人员组成，负责日常管理工作。\n"
            "第六条（部门职责）\n区房管局负责优秀历史建筑的保护管理。\n区规划资源局负责历史风貌区的规划管理。\n")
    assert [m.units("responsible") for m in parse_notice(text).measures] == [
        ["历史风貌区和优秀历史建筑保护委员会"], ["办公室"], ["区房管局"], ["区规划资源局"]]
    assert_exact("r1121_huangpu_lsfm_2023")
    # a group set up with only its roster, the duty given to an office it sets up, is no item (r603)
    assert_exact("r603_jinhui_xxgc_2019")


def test_the_fallback_reads_a_paragraphs_own_labels_but_not_a_label_line_of_its_own():
    # a plan copied from an HTML list: the numbers gone, each paragraph closed by its labelled bracket
    text = ("某区工作方案\n加强物业管理。建立协调机制。（牵头单位：区房管局；责任单位：区民政局、区财政局）\n"
            "完善垃圾分类。（牵头单位：区绿化市容局）\n督办单位：区政府督查室\n牵头单位：区城管执法局\n")
    notice = parse_notice(text)
    assert notice.layout == "paragraphs"
    assert _roles(notice) == [[("lead", ["区房管局"]), ("responsible", ["区民政局", "区财政局"])],
                              [("lead", ["区绿化市容局"])]]
    assert [u.text for u in notice.unread] == ["牵头单位：区城管执法局"]


def test_a_document_with_no_numbering_is_read_by_paragraph_where_that_names_more_units():
    # duties opening paragraphs and duties inside one: with no numbering to say what an item is, the
    # paragraphs read one by one name four units, the duty-list items two
    text = ("某街道方案\n城建中心负责组织排查。\n平安办负责宣传引导。\n"
            "为做好救助工作，区财政局负责保障经费，区民政局负责核对救助对象。\n")
    notice = parse_notice(text)
    assert notice.layout == "paragraphs" and "no numbering" in notice.notes[0]
    assert [m.units("responsible") for m in notice.measures] == [["城建中心"], ["平安办"], ["区财政局", "区民政局"]]
    # numbered, the duty-list reader keeps the document
    assert parse_notice(text.replace("城建中心", "1.城建中心").replace("平安办", "2.平安办")).layout == "numbered"


def test_an_office_placed_in_a_body_with_its_duty_in_the_next_sentence():
    # r1123 第四条: 联席会议办公室设在区建设管理委。办公室统筹负责指导… (labelled by the placing sentence's name)
    text = "联席会议办公室设在区建设管理委。办公室统筹负责指导开发建设主体编制建设导则。"
    assert [(a.role, [u.name for u in a.units]) for a in placed_clauses(text, 0, len(text))] == [
        ("responsible", ["联席会议办公室"])]
    # another subject in the next sentence is not the office (r452)
    other = "办公室设在镇房管所。房管所所长负责日常工作。"
    assert placed_clauses(other, 0, len(other)) == []
    notice = real_notice("r1123_fengxian_lsst_2025")
    assert "联席会议办公室" in notice.measures[0].units("responsible")


@pytest.mark.parametrize("roster", [
    "（三）成员单位：区民政局、区教育局、区卫生健康委。\n",  # a category, then only the members
    "（三）成员单位\n区民政局、区教育局、区卫生健康委。\n",  # the category on a heading line, the members under it
    "四、组织保障\n成立领导小组，由分管副区长任组长，区民政局、区教育局为成员单位。\n",
    "四、组织保障\n领导小组成员单位包括区民政局、区教育局、区卫生健康委等部门。\n",
])
def test_a_member_roster_in_a_duty_section_is_no_measure_and_its_units_no_support(roster):
    text = "某区实施意见\n三、职责分工\n（一）区发展改革委负责统筹协调。\n（二）区财政局负责资金保障。\n" + roster
    assert [m.units("responsible") for m in parse_notice(text).measures] == [["区发展改革委"], ["区财政局"]]


def test_the_paragraph_reader_skips_a_member_roster_too():
    text = ("某镇方案\n为做好排查，城建中心负责组织排查，平安办负责宣传。\n成员单位：区民政局、区教育局、区卫生健康委。\n"
            "由城运中心牵头，派出所配合做好巡查。\n")
    notice = parse_notice(text)
    assert notice.layout == "paragraphs"
    assert _roles(notice) == [[("responsible", ["城建中心"]), ("responsible", ["平安办"])],
                              [("lead", ["城运中心"]), ("support", ["派出所"])]]


def test_a_heading_line_naming_a_kind_of_member_holds_the_bodies_of_that_kind():
    # 1.行业主管部门 / 区房管局负责… / 区建管委负责… (as r1062's 组织管理主体, r1120's 成员单位): the paragraphs
    # are the items, labelled by the unit opening each; a body's own name on the heading line stays (r704)
    text = ("某区工作方案\n三、工作职责\n1.行业主管部门\n区房管局负责住宅小区管理。\n区建管委负责建设工程管理。\n"
            "2.属地街镇\n各街镇负责辖区内日常巡查，配合行业主管部门做好整改。\n")
    assert [m.units("responsible") for m in parse_notice(text).measures] == [["区房管局"], ["区建管委"], ["各街镇"]]
    assert_exact("r704_hongkou_jzlj_2022")
    assert_exact("r1041_songjiang_tczy_2017")


def test_a_task_ending_in_a_post_is_no_group_of_persons():
    # 三、工作要求 / 加强领导，落实责任。: 加强领导 is a task, not the persons 领导
    text = ("某街道工作方案\n二、责任分工\n城建中心：牵头开展排查整治。\n平安办：配合开展宣传。\n"
            "三、工作要求\n加强领导，落实责任。\n")
    notice = parse_notice(text)
    assert [o for m in notice.measures for o in m.officials] == []
    assert len(notice.measures) == 2


def test_a_duties_section_beside_labelled_measures_with_kinds_of_member_as_subheadings():
    text = ("某区实施方案\n一、主要任务\n（一）推进项目建设。加快建设。（牵头单位：区发展改革委；责任单位：区财政局）\n"
            "（二）完善配套设施。（牵头单位：区建管委）\n二、职责分工\n（一）综合协调部门\n区发展改革委：负责统筹协调。\n"
            "区财政局：负责资金保障。\n（二）属地政府\n各街镇：负责辖区内项目推进。\n")
    assert measure_roles(text) == [
        [("lead", ["区发展改革委"]), ("responsible", ["区财政局"])], [("lead", ["区建管委"])],
        [("responsible", ["区发展改革委"])], [("responsible", ["区财政局"])], [("responsible", ["各街镇"])]]


def test_a_roster_under_a_bodys_heading_line_is_no_measure():
    # （一）领导小组 / 组长：… / 成员：… (r1082's command roster); its office with a duty is one (r605)
    text = ("某区方案\n一、组织领导\n（一）领导小组\n组长：张三（区长）\n副组长：李四（副区长）\n"
            "成员：区发展改革委、区财政局、区民政局主要负责人。\n（二）领导小组办公室\n"
            "领导小组下设办公室，设在区发展改革委，负责日常工作。\n二、职责分工\n（一）区发展改革委：负责统筹协调。\n"
            "（二）区财政局：负责资金保障。\n")
    assert [m.units("responsible") for m in parse_notice(text).measures] == [
        ["领导小组办公室"], ["区发展改革委"], ["区财政局"]]


def test_later_sentences_of_a_duty_paragraph_and_of_an_article():
    # A牵头，B、C配合，共同做好…。D负责…: a line of role clauses with a sentence after it is running text
    text = ("某区方案\n二、职责分工\n区发展改革委牵头，区财政局、区民政局配合，共同做好项目推进工作。"
            "各街镇负责辖区内的具体实施。\n三、工作要求\n加强宣传引导。\n")
    assert measure_roles(text) == [[("lead", ["区发展改革委"]), ("support", ["区财政局", "区民政局"]),
                                    ("responsible", ["各街镇"])]]
    # 第七条 A负责…，B予以配合 (r803's articles: each unit with its own role word)
    text = ("某区办法\n第二章 职责分工\n第五条 区绿化市容局负责建筑垃圾运输管理。\n"
            "第六条 区城管执法局负责查处违法行为，区公安分局予以配合。\n第三章 附则\n第七条 本办法自发布之日起施行。\n")
    assert measure_roles(text)[-1] == [("responsible", ["区城管执法局"]), ("support", ["区公安分局"])]


def test_duty_items_run_on_in_one_paragraph_are_items_of_their_own():
    # A：负责…；B：配合…；C：协助… (r900's bracketed items, unbracketed): each unit with its colon is an item
    text = ("某街道方案\n三、职责分工\n城建中心：负责排查整治；平安办：配合开展宣传；派出所：协助维护秩序。\n"
            "四、工作要求\n加强宣传。\n")
    assert measure_roles(text) == [[("responsible", ["城建中心"])], [("support", ["平安办"])],
                                   [("support", ["派出所"])]]
    # a field after a 。 (时间：…) names no unit and starts nothing
    text = "某街道方案\n三、职责分工\n城建中心：负责排查整治。时间：2024年底前。\n平安办：配合开展宣传。\n"
    assert measure_roles(text) == [[("responsible", ["城建中心"])], [("support", ["平安办"])]]


def test_labelled_paragraphs_before_the_first_numbered_item_are_read_not_dropped():
    # r1063 with its numbering lost but its 一是/二是: the paragraphs before them carry their own brackets
    text = ("某区方案\n明确低效用地标准。（牵头部门：区经委，配合部门：区规划资源局、各镇）\n"
            "开展资源利用效率评价。（牵头部门：区经委、区规划资源局，配合部门：区统计局）\n"
            "实施严格的管控措施。\n一是严控低效产业用地转让。（牵头部门：区规划资源局，配合部门：各镇）\n"
            "二是严格全生命周期管理。（牵头部门：区国资委）\n")
    notice = parse_notice(text)
    assert [m.units("lead") for m in notice.measures] == [
        ["区经委"], ["区经委", "区规划资源局"], ["区规划资源局"], ["区国资委"]]
    assert any("before the first numbered measure" in n for n in notice.notes)


def test_an_articles_text_after_its_title_and_a_category_heading_its_own_paragraph():
    # 第五条（…职责）区发展改革委负责…: the article's text runs on after its bracketed title
    text = ("某区办法\n第二章 部门职责\n第五条（发展改革部门职责）区发展改革委负责项目审批。\n"
            "第六条（财政部门职责）区财政局负责资金保障。\n")
    assert measure_roles(text) == [[("responsible", ["区发展改革委"])], [("responsible", ["区财政局"])]]
    # （三）成员单位。A负责…；B负责…: the category names no body; the clauses do
    text = ("某区意见\n五、主要职责\n（一）区更新办。负责日常工作。\n"
            "（二）成员单位。区规划资源局负责规划管理；区建设管理委负责建设管理。\n")
    assert measure_roles(text)[1] == [("responsible", ["区规划资源局"]), ("responsible", ["区建设管理委"])]


def test_a_lead_mark_after_a_duty_items_unit_makes_it_the_lead():
    text = ("某区方案\n四、职责分工\n1.区发展改革委（牵头）：负责统筹协调。\n2.区民政局（区老龄办）：负责养老服务。\n"
            "3.区财政局：配合做好资金保障。\n")
    assert measure_roles(text) == [[("lead", ["区发展改革委"])], [("responsible", ["区民政局"])],
                                   [("support", ["区财政局"])]]


@pytest.mark.parametrize("title", ["（部门职责）", "【部门职责】", " 部门职责"])
def test_an_article_titled_with_duties_in_any_bracket_is_a_duty_list(title):
    text = (f"某区办法\n第一条 为加强管理，制定本办法。\n第五条{title}\n区发展改革委负责统筹协调。\n"
            "区财政局负责资金保障。\n区民政局配合做好核对。\n第六条 本办法自发布之日起施行。\n")
    assert measure_roles(text) == [[("responsible", ["区发展改革委"])], [("responsible", ["区财政局"])],
                                   [("support", ["区民政局"])]]
