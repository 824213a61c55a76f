"""Readings added for the national and provincial documents of batch M (r1080–r1085)
(the file letters run one batch ahead: test_extractor_real_m.py is batch K, _n batch L).

Lists that join a collective with 及 / 和 (`交通运输部及各地区`, `相关部门及各地区`) and groups
closed by `等相关部门` before a 及 (`A、B等相关部门及各地区`).

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from real_corpus import assert_exact, measure_roles, unit_names


def test_a_collective_joined_by_ji_or_he_is_a_unit_of_its_own():
    # r1080: （交通运输部及各地区按职责分工负责）, （A牵头，相关部门及各地区按职责分工负责）: a
    # collective (各地区, 相关部门) stands for bodies on either side of 及 / 和
    assert unit_names("民政部及各地区") == ["民政部", "各地区"]
    assert unit_names("有关部门和各省级人民政府") == ["有关部门", "各省级人民政府"]
    assert unit_names("相关部门及各地区") == ["相关部门", "各地区"]
    # one body's own name and a kind shared across 和 are read as before
    assert unit_names("市人力资源和社会保障局") == ["市人力资源和社会保障局"]
    assert unit_names("各有关部门和单位") == ["各有关部门", "各有关单位"]
    text = ("某方案\n1．做好甲。推进乙。（民政部、财政部牵头，相关部门及各地区按职责分工负责）\n"
            "2．做好丙。推进丁。（住房城乡建设部及各地区按职责分工负责）\n")
    assert measure_roles(text) == [[("lead", ["民政部", "财政部"]), ("responsible", ["相关部门", "各地区"])],
                                   [("responsible", ["住房城乡建设部", "各地区"])]]


def test_a_group_closed_by_deng_xiangguan_bumen_before_ji_ends_there():
    # r1080: A、B、C等相关部门及各地区: 等相关部门 closes the group (left out, as 等， or 等和, r963)
    # and the unit after 及 is listed; 等有关部门和单位 stays one closing group (r961)
    assert unit_names("教育部、民政部等相关部门及各地区") == ["教育部", "民政部", "各地区"]
    assert unit_names("教育部等有关部门和单位") == ["教育部"]


def test_r1080_reads_exactly():
    assert_exact("r1080_guobanting_lnrznjs_2020")


def test_a_bracket_broken_over_a_line_is_read_joined():
    # r1081: …聚集市场主体60家以上。(某市先行区建 / 设办公室负责)(十七)…: the bracket opened at a line's
    # end closes on the next line; read as one, the name joined over the break
    text = ("某方案\n(一)甲基地--打造一流基地\n推进甲。(某市先行区建设办公室负责)\n"
            "(二)乙基地--打造一流基地\n推进乙，形成规模。(某市先行区建\n设办公室负责)(三)丙之都--建设试点城市\n"
            "推进丙。(某市先行区建设办公室负责)\n")
    assert measure_roles(text) == [[("responsible", ["某市先行区建设办公室"])]] * 3
    # a bracket left open with another bracket on the next line is still no attribution
    note = "某方案\n(一)推进甲(见附件\n(二)推进乙。(区财政局负责)\n"
    assert measure_roles(note) == [[("responsible", ["区财政局"])]]


def test_r1081_reads_exactly():
    assert_exact("r1081_shandong_cjcx_2024")


def test_three_level_decimal_numbering_heads_items():
    # r1082: 2.1.1 under 2.1 (emergency plans number so): each 2.1.N heads an item of its own, the
    # third number counting; a <unit>及其职责 heading is read as <unit>职责
    text = ("2　组织机构和职责\n2.1　甲工作指挥部\n成员：区财政局、区民政局。\n"
            "2.1.1　甲工作指挥部职责\n（1）掌握形势，提出建议。\n（2）完成交办的其他事项。\n"
            "2.1.2　甲工作指挥部办公室及其职责\n甲工作指挥部下设办公室，负责日常工作。\n"
            "（1）起草有关文件。\n")
    assert measure_roles(text) == [[("responsible", ["甲工作指挥部"])],
                                   [("responsible", ["甲工作指挥部办公室"])]]


def test_a_body_set_up_in_an_earlier_clause_holds_the_duty_after_it():
    # r1082: 2.2 地方应急机构及其职责 / 省级人民政府应根据需要，…成立相应的指挥部，负责领导…: the 负责
    # is the set-up body's, the heading's, not the subject's (as 杨行镇建立…领导小组，负责…, r653)
    text = ("2.1　甲机构及其职责\n（1）区财政局负责经费。\n（2）区民政局负责救助。\n"
            "2.2　地方应急机构及其职责\n省级人民政府应根据需要，结合本地实际情况成立相应的应急工作指挥部，"
            "负责领导本行政区域内应急工作。\n")
    assert measure_roles(text) == [[("responsible", ["区财政局"])], [("responsible", ["区民政局"])],
                                   [("responsible", ["地方应急机构"])]]


def test_a_later_sentence_naming_the_heading_unit_again_lists_it_again():
    # r1082: （1）A及B负责…。A负责加强…: a second duty of the same unit by its full name (r900); a
    # shorter name (消委办 under 街道消委办) restates the heading and adds nothing
    text = ("三、职责分工\n（1）区发展改革委及区粮食局负责综合协调；做好供应工作。区发展改革委负责加强价格监督检查。\n"
            "（2）街道消委办负责排查。消委办负责汇总。\n")
    assert measure_roles(text) == [
        [("responsible", ["区发展改革委", "区粮食局"]), ("responsible", ["区发展改革委"])],
        [("responsible", ["街道消委办"])]]


def test_r1082_reads_exactly():
    assert_exact("r1082_guobanting_lsyjya_2005")


def test_running_text_cheng_dan_zhize_and_a_body_made_first_responsible():
    # r1083: 国家医保局承担制定试点方案…的职责 states a duty as 履行…职责 does (r941); a body 作为…第一
    # 责任人 is responsible (r603); 承担…工作 alone is no role word (r1001)
    text = ("（四）明确部门职责，做好政策衔接。甲局承担制定试点方案、相关政策和监督实施的职责，指导各地做好工作；"
            "各级卫生健康部门负责对医疗机构进行指导；乙局负责对品种进行认定。\n"
            "（五）保证回款。医疗机构作为药款结算第一责任人，应按合同规定及时结算。\n"
            "（六）做好衔接。丙中心承担日常工作。\n")
    assert measure_roles(text) == [
        [("responsible", ["甲局"]), ("responsible", ["各级卫生健康部门"]), ("responsible", ["乙局"])],
        [("responsible", ["医疗机构"])]]


def test_a_permission_heading_and_a_verb_are_no_units():
    # r1083: （一）参加企业。…均可参加: a heading naming who may take part (a role word in it) is no unit;
    # 研究重大事项，部署落实重点任务: 部署 is a verb, not a body ending in 署
    text = ("二、范围\n（一）参加企业。经批准上市的药品的生产企业，均可参加。\n（二）药品范围。从仿制药中遴选。\n"
            "五、组织形式\n（一）成立工作小组。由甲局、乙局组成工作小组，领导试点工作，研究重大事项，部署落实重点任务。\n"
            "（二）明确职责。丙局负责具体实施；丁局负责监督。\n")
    assert measure_roles(text) == [[("responsible", ["丙局"]), ("responsible", ["丁局"])]]


def test_an_office_placed_in_a_body_and_staffed_by_others_holds_its_duty():
    # r1083: 办公室设在甲局，由甲局、乙委选派人员参加，具体负责…: the staffing clause is a roster (its 参加
    # no role), the office placed holds the duty (r605)
    text = ("（一）成立试点工作小组及办公室。试点工作小组办公室设在甲局，由甲局、乙委选派人员参加，"
            "具体负责组织开展试点。\n（二）做好宣传。丙局负责宣传。\n")
    assert measure_roles(text) == [[("responsible", ["试点工作小组办公室"])], [("responsible", ["丙局"])]]


def test_a_by_clause_with_a_first_verb_before_bing_fuze():
    # r1083: 由X承担…日常工作并负责具体实施: X, the units before the first verb, carry on to 负责
    text = ("（一）成立办公室。由某市集中采购事务管理所承担办公室日常工作并负责具体实施。\n"
            "（二）做好宣传。由丙局负责宣传。\n")
    assert measure_roles(text) == [[("responsible", ["某市集中采购事务管理所"])], [("responsible", ["丙局"])]]


def test_an_articles_first_clause_after_its_marker_and_a_space():
    # r1084: 第三条 X(以下简称Y)负责…: the clause opens after the marker and the space after it
    text = ("第二条 本办法适用于知识更新工程。\n"
            "第三条 甲协调小组(以下简称协调小组)负责制定项目有关政策。\n"
            "第四条 乙中心负责组织实施。\n")
    assert measure_roles(text) == [[("responsible", ["甲协调小组"])], [("responsible", ["乙中心"])]]


def test_two_kinds_of_work_share_one_kind_of_party_and_bear_zhuti_zeren():
    # r1084: 培训和评价机构…对…负主体责任: the kind (机构) distributed across 和 (not for 部门: a merged
    # department keeps its 和, 文化和旅游部门); 负主体责任 as 承担主体责任 (r900), 主体责任 being a body's
    assert unit_names("培训和评价机构") == ["培训机构", "评价机构"]
    assert unit_names("设计和施工单位") == ["设计单位", "施工单位"]
    assert unit_names("文化和旅游部门") == ["文化和旅游部门"]
    text = ("第四条 培训和评价机构对本单位开展的培训和评价活动负主体责任，并主动接受指导和监督。\n"
            "第五条 甲中心负责公布目录。\n")
    assert measure_roles(text) == [[("responsible", ["培训机构", "评价机构"])], [("responsible", ["甲中心"])]]


def test_a_responsible_comrade_and_an_invitation_are_no_duties():
    # r1085: 联络员由各成员单位有关司局负责同志担任: 负责同志 is a person (as 负责人), not 由X负责;
    # 联席会议可邀请其他相关部门和单位参加: 邀请 is a verb, the clause no unit list
    text = ("（一）建立机制。联络员由各成员单位有关司局负责同志担任。联席会议可邀请其他相关部门和单位参加。\n"
            "（二）做好宣传。由甲局负责宣传。\n（三）做好保障。由乙局负责经费。\n")
    assert measure_roles(text) == [[("responsible", ["甲局"])], [("responsible", ["乙局"])]]
