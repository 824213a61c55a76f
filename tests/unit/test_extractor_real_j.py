"""Readings added for the district rules still missed after batch H (r940, r941) and the
township documents left from earlier batches: articles whose bracketed titles name their
subject (第三条（职责分工）), duty paragraphs under such an article, a duty stated by the
duty borne (应履行行业管理义务, 承担以下…职责, 落实属地安全责任), later clauses of a duty
with a subject of their own, and an article's title naming the unit its sub-items serve.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice.duty_words import duty_role
from govgraph.loaders.notice.given_by import by_clauses
from govgraph.loaders.notice.names import is_holder, looks_like_unit
from govgraph.loaders.notice.roles import role_brackets
from govgraph.loaders.notice.running_text import subject_clauses
from real_corpus import assert_exact, measure_roles


def test_an_article_title_in_brackets_is_no_role_bracket():
    # 第十条（社会参与） names what the article is about; a bracket after the article's text is read
    text = "第十条（社会参与）\n\n监督管理部门根据需要可以邀请市民代表参加。\n"
    assert role_brackets(text, 0, len(text)) == []
    text = "第十条 加强检查。（区应急局牵头，区公安分局配合）\n"
    assert [(a.role, [u.name for u in a.units]) for a in role_brackets(text, 0, len(text))] == [
        ("lead", ["区应急局"]), ("support", ["区公安分局"])]


def test_duty_paragraphs_under_an_article_titled_for_duties():
    # each paragraph of 第三条（职责分工） that opens with a unit and gives a duty is an item, though
    # numbered items stand elsewhere in the rules; a later article's numbered steps with no role
    # word are no duty list
    text = ("第三条（职责分工）\n\n区国动办是本区的综合协调部门，负责牵头组织联合检查。\n\n"
            "区教育局、区民政局等部门应履行行业管理义务，并配合有关部门开展检查。\n\n"
            "各街道办事处应当协助有关部门做好检查工作。\n\n"
            "第四条（检查要求）\n\n（一）相关监督管理部门应于每年年初编制检查计划。\n\n"
            "（二）区国动办应加强联合检查综合统筹。\n")
    assert measure_roles(text) == [[("lead", ["区国动办"])], [("responsible", ["区教育局", "区民政局"])],
                            [("support", ["各街道办事处"])]]


def test_a_lead_in_paragraph_under_a_duties_heading_is_no_item():
    # 吴泾镇依据…，做好…。具体分工如下： introduces the numbered items and gives no duty in words
    text = ("第五条 职责分工\n吴泾镇依据储备协议约定，对储备地块进行严格管护，做好日常巡查记录。具体分工如下：\n"
            "1.镇规建生态办负责储备地块临时借地手续相关工作；\n2.镇信访办负责相关来信来访等处置。\n")
    assert measure_roles(text) == [[("responsible", ["镇规建生态办"])], [("responsible", ["镇信访办"])]]


def test_a_duty_stated_by_the_duty_borne_decides_the_role_when_it_comes_first():
    text = "应履行行业管理义务，指导本行业单位落实安全责任，并配合有关部门开展检查。"
    assert duty_role(text, 0, len(text)) == ("responsible", "履行行业管理义务")
    text = "（一）落实属地安全责任，协助相关监督管理部门开展检查；"
    assert duty_role(text, 0, len(text)) == ("responsible", "落实属地安全责任")
    text = "承担以下监督检查职责："
    assert duty_role(text, 0, len(text)) == ("responsible", "承担以下监督检查职责")
    # inside the object of another verb it is what the duty is about: the role verb decides
    text = "指导本行业单位落实安全责任，并配合有关部门开展检查。"
    assert duty_role(text, 0, len(text)) == ("support", "配合")


def test_later_clauses_of_a_duty_with_a_subject_of_their_own():
    # after ； or ， a clause opening with other units and a role verb adds them, an adverb of how
    # (依法, 在各自职责范围内) between; 和 splits two bodies
    text = ("第三条（职责分工）\n\n区消防救援局负责消防监督检查；区防汛指挥部负责指导防汛安全，"
            "区国动办和相关监督管理部门依法负责防汛安全监督检查。区公安分局、区规划资源局、区卫生健康委、"
            "区生态环境局、区应急局、区市场监管局等部门依法在各自职责范围内负责监督检查。\n\n"
            "各街道办事处应当协助有关部门做好检查工作。区房管局应指导街道督促物业管理单位配合有关部门开展检查。\n")
    assert measure_roles(text) == [
        [("responsible", ["区消防救援局"]), ("responsible", ["区防汛指挥部"]),
         ("responsible", ["区国动办", "相关监督管理部门"]),
         ("responsible", ["区公安分局", "区规划资源局", "区卫生健康委", "区生态环境局", "区应急局", "区市场监管局"])],
        [("support", ["各街道办事处"])]]
    # a body, a modal and a verb governing another body is a sentence, not a name: the later
    # sentence's 配合 is the 物业管理单位's, the object of 督促
    assert not looks_like_unit("区房管局应指导街道督促物业管理单位")
    assert looks_like_unit("市委组织部")


def test_an_article_title_naming_a_unit_and_its_duties():
    # 第六条（街道办事处监督检查职责）: its sub-items name no unit, so the title's unit holds them; in
    # 第四条 a paragraph names the unit itself and the title adds nothing
    text = ("第四条（综合协调部门职责）\n\n区国动办承担以下监督检查职责：\n\n（一）牵头组织联合检查；\n\n"
            "（二）协调、督促相关监督管理部门依法履行监督检查职责。\n\n"
            "第五条（其他监督管理部门监督检查职责）\n\n区公安分局、区市场监管局及其他监督管理部门承担以下监督检查职责：\n\n"
            "（一）按照统一部署，参加联合检查；\n\n（二）依法办理本部门职责范围内的案件。\n\n"
            "第六条（街道办事处监督检查职责）\n\n（一）落实属地安全责任，协助相关监督管理部门开展监督检查；\n\n"
            "（二）按照统一部署，参加联合检查。\n")
    assert measure_roles(text) == [[("responsible", ["区国动办"])],
                            [("responsible", ["区公安分局", "区市场监管局", "其他监督管理部门"])],
                            [("responsible", ["街道办事处"])]]


def _by(text: str) -> list[tuple[str, list[str]]]:
    return [(a.role, [u.name for u in a.units]) for a in by_clauses(text, 0, len(text))]


def test_a_by_clause_ends_where_those_it_works_with_start():
    # 会同 is no role word: the bodies the holder works with hold no duty (r701)
    assert _by("本办法由区应急局会同相关部门负责具体解释。") == [("responsible", ["区应急局"])]
    # a clause is no collective, though it ends in 相关部门
    assert not is_holder("本办法由区应急局会同相关部门")
    assert is_holder("区政府有关部门") and is_holder("各相关单位")


def test_alternatives_after_its_and_a_verb_joined_to_the_role_word():
    # 其 before a kind of body is written as it stands, the alternatives one unit; before a party
    # (其所有人) it refers back to the thing and is left out
    assert _by("应急避难场所的日常管理与维护由其管理单位或者产权单位负责。") == [
        ("responsible", ["其管理单位或者产权单位"])]
    assert _by("非国有不可移动文物由其所有人负责修缮。") == [("responsible", ["所有人"])]
    # a verb joined by 并 between the modal and the role word
    text = "应急避难场所管理单位或者产权单位应当制定并落实管理与维护制度，安排专人负责日常巡查。"
    assert subject_clauses(text, 0, len(text))[0][0].units[0].name == "应急避难场所管理单位或者产权单位"
    assert [a.role for a in subject_clauses(text, 0, len(text))[0]] == ["responsible"]


def _persons(text: str) -> list[tuple[str, str]]:
    return [(o.name, o.role) for o in subject_clauses(text, 0, len(text))[1]]


def test_persons_named_to_a_post_in_running_text():
    # 由X担任主任，并作为…主要责任人: the persons, with the post after the last 的
    assert _persons("由行政主要领导担任主任，并作为乡镇基层消防安全综合治理的主要责任人，成员由各办组成。") == [
        ("行政主要领导", "主要责任人")]
    # a group made the post by a copula, its scope word left out of the post
    assert _persons("村居委主要负责人为本辖区消防安全工作负责人，明确专兼职人员工作职责。") == [
        ("村居委主要负责人", "消防安全工作负责人")]
    # a rule stating who is to be what names no one, in any clause it governs (r507)
    assert _persons("根据办法，明确政府主要领导为消防工作第一责任人，分管领导为主要责任人。") == []
    # a chair alone is no post of responsibility
    assert _persons("办公室主任由消防安全工作分管领导担任，具体负责日常工作。") == []


def test_r604_reads_exactly():
    assert_exact("r604_chongming_jcxf_2023")


def test_an_office_placed_in_a_body_in_an_item_with_no_label():
    # in a labelled document an item with no label of its own still gives the office placed in a
    # body and given 具体负责, a clause saying whom it works with (会同…) between; other items keep
    # their labels only, and a leading group's roster labels nothing
    text = ("1．支持平台建设。对平台给予奖补。（责任单位：市经济和信息化委）\n"
            "2．加强组织领导。成立发展领导小组，由市政府主要领导任组长，市有关部门负责人为成员。"
            "领导小组办公室设在市经济和信息化委，会同有关单位制定实施细则，具体负责推进政策落实等工作。\n"
            "3．做好宣传。各区县要加强宣传，市财政局负责保障经费。\n")
    assert measure_roles(text) == [[("responsible", ["市经济和信息化委"])], [("responsible", ["领导小组办公室"])]]


def test_r605_reads_exactly():
    assert_exact("r605_jinan_xjzz_2019")


def test_a_subject_carried_past_an_adverb_of_how():
    # 城建中心集中受理…，并负责…: the adverb ends the subject, which the later 负责 carries
    text = "镇规建办为牵头部门，城建中心集中受理村民委员会报送的书面申请等材料，并负责将材料在审核部门间流转。"
    assert [(a.role, [u.name for u in a.units]) for a in subject_clauses(text, 0, len(text))[0]] == [
        ("lead", ["镇规建办"]), ("responsible", ["城建中心"])]
    # the same subject's later 负责 adds nothing after its first role cue (r920)
    text = "镇规建办为牵头受理部门，集中受理申请材料，并负责流转。"
    assert [(a.role, [u.name for u in a.units]) for a in subject_clauses(text, 0, len(text))[0]] == [
        ("lead", ["镇规建办"])]


def test_r655_reads_exactly():
    assert_exact("r655_shuyuan_nfjs_2025")


def test_a_duty_item_headed_by_a_unit_with_a_gloss_of_what_it_includes():
    # the gloss may hold 、, commas and short names with brackets left open, as published
    text = ("第四条  各部门职能分工\n\n（一）镇财政所是主管部门，主要负责监理单位的委派。\n\n"
            "（二）项目主管部门（含各职能科室及纳入管理的公司、村）负责协调、解决监理单位报告的问题。\n\n"
            "（三）建设管理单位（含镇规划建设和环境保护办公室（以下简称“规保办”、代建单位，下同）"
            "负责配合监理单位开展相关工作。\n")
    assert measure_roles(text) == [[("responsible", ["镇财政所"])], [("responsible", ["项目主管部门"])],
                            [("support", ["建设管理单位"])]]


def test_a_bracket_with_a_role_word_after_a_roster():
    # 评审小组由A、B组成 is a roster; the bracket after it opens a clause of its own, once per
    # bracket; an article's title in brackets opens none
    text = ("第一条（评审）\n\n评审小组由镇规保办、镇财政所成员组成（镇监察办公室参与过程监管）；"
            "服务类项目评审小组由镇办公室成员组成（镇监察办公室参与过程监管）。\n\n"
            "第二条（社会参与）\n\n本办法由镇财政所负责解释。\n")
    assert measure_roles(text) == [[("support", ["镇监察办公室"]), ("support", ["镇监察办公室"])],
                            [("responsible", ["镇财政所"])]]


def test_r802_reads_exactly():
    assert_exact("r802_luodian_cwjl_2020")
