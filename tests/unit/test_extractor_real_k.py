"""Readings added for the district fire-safety responsibility rules of batch I (r1000–r1004):
chapters of department-by-department duties (`（N）区X局负责…`) under articles that open
them (`第十二条 区政府工作部门除履行…职责外，还应当…履行下列职责：`), a paragraph for another
unit inside a numbered item, `负责依法配合`, and a party named by a clause
(`负责公共消防设施维护管理的单位应当…`).

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice import parse_notice
from govgraph.loaders.notice.duty_words import duty_role
from govgraph.loaders.notice.names import looks_like_unit
from govgraph.loaders.notice.running_text import subject_clauses
from real_corpus import assert_exact, measure_roles


def test_an_article_opening_with_the_duties_its_units_have_beside_these():
    # 除履行…职责外，还应当…履行下列职责：an exception frame between the unit and its verb; the
    # article is a measure as 第九条 区政府各工作部门应当…履行下列共同职责 is (r1000, r1001)
    text = ("第十二条  区政府工作部门除履行《办法》第十三条规定的职责外，还应当在各自职责范围内履行下列职责：\n\n"
            "（一）区应急局负责将重点单位报本级人民政府备案。\n\n"
            "（二）区财政局按规定对消防资金进行预算管理。\n")
    assert measure_roles(text) == [[("responsible", ["区政府工作部门"])], [("responsible", ["区应急局"])],
                            [("responsible", ["区财政局"])]]


def test_a_party_named_by_a_clause_heads_its_item():
    # 负责…的单位: the role word is inside the party's name, the item has no role verb of its own
    text = ("第十条　区政府各工作部门按照职责分工依法履行消防工作责任。\n\n"
            "(一)区商务委负责督促商贸行业的消防安全管理工作。\n\n"
            "(二)负责公共消防设施维护管理的单位应当保持消防供水等公共消防设施完好有效。\n\n"
            "(三)区城运中心负责统筹将消防安全隐患线索纳入城市网格化综合管理中。\n")
    assert measure_roles(text) == [[("responsible", ["区政府各工作部门"])], [("responsible", ["区商务委"])],
                            [("responsible", ["负责公共消防设施维护管理的单位"])],
                            [("responsible", ["区城运中心"])]]


def test_a_paragraph_for_another_unit_inside_a_numbered_duty_item():
    # the list of duties goes on with the next unit's paragraph, with or without a role verb of
    # its own (承担…日常工作 is none); the paragraph restating the item's unit adds nothing
    text = ("第十二条  区政府工作部门应当在各自职责范围内履行下列职责：\n\n"
            "（一）区应急局负责将重点单位报本级人民政府备案；协调应急救援工作。\n\n"
            "区消防救援支队承担区消防安全议事协调机构的日常工作。负责监督检查。\n\n"
            "（二）区发展改革委应当将消防工作纳入规划。\n")
    assert measure_roles(text) == [[("responsible", ["区政府工作部门"])], [("responsible", ["区应急局"])],
                            [("responsible", ["区消防救援支队"])], [("responsible", ["区发展改革委"])]]


def test_a_paragraph_under_a_unit_on_a_heading_line_is_its_duty():
    # (一)区绿化市容局 on a line of its own: the paragraphs below are that unit's duty (r704)
    text = ("二、职责分工\n\n（一）虹口区绿化和市容管理局\n\n区绿化市容局负责牵头推进工作。\n\n"
            "区绿化市容局负责督促检查。\n\n（二）各街道办事处\n\n各街道办事处负责辖区内的工作。\n")
    assert measure_roles(text) == [[("lead", ["虹口区绿化和市容管理局"])], [("responsible", ["各街道办事处"])]]


def test_an_adverb_between_fuze_and_the_verb():
    text = "负责依法配合有关部门监管危险化学品的市场经营行为。"
    assert duty_role(text, 0, len(text)) == ("support", "负责依法配合")
    text = "负责积极协助开展宣传。"
    assert duty_role(text, 0, len(text)) == ("support", "负责积极协助")


def test_r1000_reads_exactly():
    assert_exact("r1000_changning_xfzrz_2020")


def test_r1001_reads_exactly():
    assert_exact("r1001_chongming_xfzrz_2020")


def test_r701_reads_exactly():
    assert_exact("r701_songjiang_xfzrz_2020")


def _clauses(text: str) -> tuple[list[tuple[str, list[str]]], list[str]]:
    units, persons = subject_clauses(text, 0, len(text))
    return [(a.role, [u.name for u in a.units]) for a in units], [o.name for o in persons]


def test_kinds_of_body_typed_by_a_list_ending_in_deng_danwei():
    # 机关、团体、企业、事业等单位是…责任主体: the list's 等单位 says its items are bodies; the persons
    # answering for them, alternatives joined by 或, are one official
    text = ("机关、团体、企业、事业等单位是消防安全的责任主体，法定代表人、主要负责人或实际控制人是本单位、"
            "本场所消防安全责任人，对本单位、本场所消防安全全面负责。")
    assert _clauses(text) == ([("responsible", ["机关", "团体", "企业", "事业"])],
                              ["法定代表人、主要负责人或实际控制人"])
    # 等单位 makes parties named by their trade bodies too (as r656's 代建、监理、施工等单位参加); without
    # it they are no list of bodies
    assert _clauses("代建、监理、施工等单位是工程安全的责任主体。") == ([("responsible", ["代建", "监理", "施工"])], [])
    assert _clauses("代建、监理、施工是工程安全的责任主体。") == ([], [])


def test_persons_after_jiang_are_its_object():
    # 将各级党政领导干部落实…情况纳入…: no group of persons given 落实
    assert _clauses("将各级党政领导干部落实消防安全责任情况纳入区政府日常检查重要内容。") == ([], [])
    assert _clauses("各包村干部负责本村的巡查工作，村干部协助做好登记。")[1] == ["各包村干部", "村干部"]


def test_a_task_heading_ending_as_an_office_does_is_no_unit():
    assert not looks_like_unit("实行挂牌督办")
    assert looks_like_unit("区政府督查办")


def test_a_unit_and_its_duties_heading_holds_the_sub_items_naming_no_unit():
    # 三、各街道消防工作责任 (read as <unit>职责): (一)…(二) name no unit and are its duties, (三) names
    # its own units and is a measure of its own; where every sub-item names its own unit the
    # heading is no measure (四、区委、区政府各部委办局消防安全职责, r701)
    text = ("一、工作措施\n\n（一）实施综合监管。区应急局对消防工作实施监督管理，并由区消防救援支队负责实施。\n\n"
            "二、各街道消防工作责任\n\n（一）建立消防安全组织，明确专人负责消防工作。\n\n"
            "（二）保障街道办事处消防工作经费。\n\n"
            "（三）新天地办、豫园办负责管理区域内的消防工作。\n")
    assert measure_roles(text) == [[("responsible", ["区消防救援支队"])], [("responsible", ["各街道"])],
                            [("responsible", ["新天地办", "豫园办"])]]
    text = ("二、各街道消防工作责任\n\n（一）区应急局负责消防工作的综合监管。\n\n"
            "（二）新天地办、豫园办负责管理区域内的消防工作。\n")
    assert measure_roles(text) == [[("responsible", ["区应急局"])], [("responsible", ["新天地办", "豫园办"])]]


def test_r1002_reads_exactly():
    assert_exact("r1002_huangpu_xfzrz_2020")


def test_a_unit_then_jiang_heads_its_item():
    # 区司法局将…纳入…: no role verb → responsible; 区城运中心将…，并积极配合… : the first sentence runs
    # to its 。 and 配合 is its first role verb → support; 配合 in a later sentence changes nothing
    text = ("第十一条　政府工作部门按照职责分工依法履行消防工作责任。\n\n"
            "(一)区司法局将消防法律法规纳入普法教育内容。依法办理行政复议案件。\n\n"
            "(二)区城运中心将公共场所的消防安全隐患纳入网格管理事项，及时接收转派投诉，并积极配合相关消防工作。\n\n"
            "(三)区发展改革委应当将消防工作纳入中长期规划。按照发展规划，配合推进公共消防基础设施建设。\n")
    assert measure_roles(text) == [[("responsible", ["政府工作部门"])], [("responsible", ["区司法局"])],
                            [("support", ["区城运中心"])], [("responsible", ["区发展改革委"])]]


def test_a_cue_word_that_ends_a_name_in_a_list():
    # 各级政府组织、团体等根据…: 组织 is the end of the first name, the list runs on to 根据; 组织、协调
    # after a unit joins two verbs
    text = ("第十一条　政府工作部门按照职责分工依法履行消防工作责任。\n\n"
            "(一)区绿化市容局组织、协调本区护林防火工作。\n\n"
            "(二)各级政府组织、团体等根据职能及任务要求推动相关部门做好消防安全工作。\n")
    assert measure_roles(text) == [[("responsible", ["政府工作部门"])], [("responsible", ["区绿化市容局"])],
                            [("responsible", ["各级政府组织", "团体"])]]
    assert looks_like_unit("社会团体") and looks_like_unit("基层党组织")
    assert not looks_like_unit("区教育局组织")


def test_r1004_reads_exactly():
    assert_exact("r1004_fengxian_xfzrz_2020")


def test_a_body_set_up_with_its_roster_under_a_heading_of_another_kind():
    # 三、组织机构 / (一)X。各街道设立X…，由…担任主任，…成员…组成: no duty given in words; (二) sets up
    # an office and gives it 具体负责: the office; the 职责 headings below give their units
    text = ("三、组织机构\n\n（一）街道消防安全委员会。各街道设立消防安全委员会，由行政主要领导担任主任，"
            "全面统筹协调基层消防综合治理工作，成员由各办组成。\n\n"
            "（二）消防安全管理办公室。各街道在社区平安办设立消防安全管理办公室，具体负责统筹辖区综合监管。\n\n"
            "四、工作职责\n\n（一）街道消防委职责\n\n1.定期研究部署消防工作。\n\n"
            "（二）消防安全管理办公室职责\n\n1.负责街道消防委的日常事务。\n")
    assert measure_roles(text) == [[("responsible", ["消防安全管理办公室"])], [("responsible", ["街道消防委"])],
                            [("responsible", ["消防安全管理办公室"])]]
    # under a heading naming duties the same item is a duty item (no role verb → responsible)
    text = text.replace("三、组织机构", "三、职责分工")
    assert measure_roles(text)[0] == [("responsible", ["街道消防安全委员会"])]


def test_r1003_reads_exactly():
    assert_exact("r1003_huangpu_jcxf_2023")


def test_an_inline_item_label_is_no_unit():
    # 1、责任单位。建设单位为…第一责任人，项目办负责监管: the label names no body; the sentence after it
    # gives the units (README r603)
    text = ("四、施工管理\n\n1、责任单位。建设单位为小型项目施工安全的第一责任人，项目办负责监管。\n\n"
            "2、街道消委办。牵头开展消防安全工作。\n")
    assert measure_roles(text) == [[("responsible", ["建设单位"]), ("responsible", ["项目办"])],
                            [("lead", ["街道消委办"])]]


def test_a_subject_acting_on_anothers_behalf():
    # 受X委托 before the role word: the subject is the one entrusted; 应委托X负责 hands the work on
    assert _clauses("使用镇级资金的小型工程，镇招投标工作小组受镇领导小组委托负责招标投标过程的监管。") == (
        [("responsible", ["镇招投标工作小组"])], [])
    assert _clauses("建设单位应委托招标代理公司负责编制招标文件。") == ([], [])


def test_r603_reads_exactly():
    assert_exact("r603_jinhui_xxgc_2019")


def test_a_table_header_broken_over_two_cells():
    # 责任 / 领导, 责任 / 科室 one cell per paragraph: read joined; a target counting what a task makes
    # (创建首批…美丽城镇) is no unit though it ends in 镇
    text = ("序号\n\n重点工作\n\n责任\n\n领导\n\n责任\n\n科室\n\n工作任务安排\n\n完成情况\n\n"
            "1\n\n水库工程政策处理\n\n张三\n\n水库工程政策处理工作领导小组\n\n推进坟墓迁移工作。\n\n进度达60%。\n\n"
            "2\n\n现代化美丽城镇\n\n李四\n\n乡村振兴办\n\n成功创建首批浙江省美丽城镇。\n\n按照时间节点开展项目建设。\n")
    notice = parse_notice(text)
    assert [[(a.role, [u.name for u in a.units]) for a in m.attributions] for m in notice.measures] == [
        [("responsible", ["水库工程政策处理工作领导小组"])], [("responsible", ["乡村振兴办"])]]
    assert [[(o.name, o.role) for o in m.officials] for m in notice.measures] == [
        [("张三", "责任领导")], [("李四", "责任领导")]]
    assert not looks_like_unit("成功创建首批浙江省美丽城镇")


def test_r652_reads_exactly():
    assert_exact("r652_sizhoutou_zdgz_2024")
