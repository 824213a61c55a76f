"""Readings added for held-out batch P (r1140–r1145): a 权力和责任清单's 行使主体 column, an alternative
grassroots body in brackets (镇人民政府（街道）), article titles naming a role, duty items under a
chapter naming duties.

Excerpts are short pieces of the real documents in tests/corpus_real/ (see its README)."""

from __future__ import annotations

from govgraph.loaders.notice import parse_notice
from govgraph.loaders.notice.names import is_holder
from real_corpus import assert_exact, clause_roles, measure_roles, unit_names

_LIST = ("青浦区农村公路管理养护权力和责任清单\n序号\n权力责任名称\n行使主体\n权力责任类别\n设定依据\n行使层级\n权力责任事项\n\n"
         "1\n公路的管理\n区交通行政管理部门\n管理\n1.《中华人民共和国公路法》第八条\n区级\n"
         "区交通行政管理部门按照其职责权限，负责所辖区域内县道的具体管理。\n\n"
         "2\n乡道、村道的相关工作\n镇人民政府（街道）\n管理\n1.《中华人民共和国公路法》第八条\n镇级\n"
         "镇人民政府（街道）负责本行政区域内乡道、村道的相关工作。\n\n"
         "3\n农村公路专管员制度\n区、镇人民政府（街道）\n管理\n1.《上海市公路管理条例》第五条\n区级、镇级\n"
         "区、镇人民政府（街道）应当按照规定，建立农村公路专管员制度，市交通行政管理部门应当负责协调。\n")


def test_a_power_list_reads_its_exercising_body_column_as_responsible_not_the_units_in_its_matter_cell():
    # r1144: 行使主体 names the bodies that exercise the power (no role word): responsible; the
    # units and role words of the 权力责任事项 cell are not labelled; the header row is no measure
    assert measure_roles(_LIST) == [[("responsible", ["区交通行政管理部门"])],
                                    [("responsible", ["镇人民政府（街道）"])],
                                    [("responsible", ["区人民政府", "镇人民政府（街道）"])]]


def test_a_grassroots_body_in_brackets_is_an_alternative_body_kept_with_the_name_it_is_written_on():
    assert unit_names("镇人民政府（街道）") == ["镇人民政府（街道）"]
    # the shared suffix is distributed, the bracket stays with 镇 (r505)
    assert unit_names("区、镇人民政府（街道）") == ["区人民政府", "镇人民政府（街道）"]
    # another name of the same body in brackets is still dropped as an alias
    assert unit_names("县司法局（县普法办）") == ["县司法局"]


def test_a_place_lends_no_level_to_a_department_written_after_it():
    # r1145: the 市 of 市北园区 is part of the zone's name, not the city level
    assert unit_names("发展改革委、市北园区、科技经济委等") == ["发展改革委", "市北园区", "科技经济委"]
    assert unit_names("县教育局、卫健局") == ["县教育局", "县卫健局"]


_ARTICLES = ("第二章 管理机构与职能\n\n第四条 牵头职责\n\n区发改委负责编制和调整本区重大工程年度投资计划。\n\n"
             "区重大办负责区重大工程建设阶段的综合协调和统筹管理。\n\n第五条 协同职责\n\n"
             "区农业农村委、区房管局等行业主管部门应当根据各自职责协调推进本行业领域的重大工程建设。\n\n"
             "第六条 配合职责\n\n各镇人民政府（高新区管委会）负责辖区内重大工程建设所涉及的配套建设等工作。"
             "区规划资源局、区房管局应当指导属地政府做好房屋征收与补偿工作。\n\n"
             "第七条  主体职责\n\n项目责任单位是重大工程建设的责任主体，对项目实行全过程负责。\n")


def test_an_article_title_naming_a_role_gives_it_to_the_units_of_the_article_whatever_their_verb():
    # r1142: 牵头职责 → lead, 协同职责 / 配合职责 → support, though the paragraphs say 负责; the later
    # sentence with no role word still labels nothing; 主体职责 names no role word and changes nothing
    assert measure_roles(_ARTICLES) == [[("lead", ["区发改委"])], [("lead", ["区重大办"])],
                                        [("support", ["区农业农村委", "区房管局"])],
                                        [("support", ["各镇人民政府（高新区管委会）"])],
                                        [("responsible", ["项目责任单位"])]]


_CHAPTER = ("第二章市政消火栓管理职责\n"
            "第六条  区水务局负责督促本区相关供水企业落实市政消火栓的维护保养。\n"
            "区水资源管理中心具体负责市政消火栓维护保养日常协调、指导及监管。\n"
            "第七条  供水企业是市政消火栓维护的实施主体，负责各自供水范围内的市政消火栓维护工作。\n"
            "各供水企业检查发现市政消火栓损坏的，应在1个工作日内以书面形式告知区水资源管理中心。\n"
            "第八条  保养单位是市政消火栓保养的实施主体。保养单位每月应对辖区市政消火栓至少进行1次巡查。\n"
            "第九条  区财政局按规定做好市政消火栓的维护保养资金年度预算安排工作。\n"
            "第十条  区交通委配合做好道路红线范围内市政消火栓维护时的掘路和修复工作。\n")


def test_under_a_chapter_naming_duties_each_paragraph_opening_with_a_unit_is_a_duty_item():
    # r1143: an article's second paragraph is an item of its own (also naming the article's unit again,
    # 各供水企业), and an article with no role word (区财政局按规定做好…) is one, responsible
    assert measure_roles(_CHAPTER) == [[("responsible", ["区水务局"])], [("responsible", ["区水资源管理中心"])],
                                       [("responsible", ["供水企业"])], [("responsible", ["各供水企业"])],
                                       [("responsible", ["保养单位"])], [("responsible", ["区财政局"])],
                                       [("support", ["区交通委"])]]


def test_outside_such_a_chapter_an_articles_later_paragraph_stays_its_own_text():
    text = _CHAPTER.replace("第二章市政消火栓管理职责", "第二章市政消火栓管理")
    assert [m.text[:4] for m in parse_notice(text).measures][:2] == ["第六条 ", "第七条 "]


def test_an_article_titled_by_a_kind_of_body_takes_the_unit_of_the_paragraph_under_it():
    # r1142: 第三条 协调推进机构 names a body by its kind; the 由-clause names it in full (r601)
    text = ("第二章 管理机构与职能\n\n第三条 协调推进机构\n\n由金山区推进重大工程实事项目建设领导小组（以下简称“领导小组”），"
            "负责本区重大工程建设的协调推进和管理。\n\n第四条 牵头职责\n\n区发改委负责编制和调整本区重大工程年度投资计划。\n")
    assert measure_roles(text) == [[("responsible", ["金山区推进重大工程实事项目建设领导小组"])], [("lead", ["区发改委"])]]


def test_a_lead_that_helps_organise_parties_makes_them_support_and_a_joint_conference_is_a_body():
    # r1141: the lead's own 协助 before 组织 adds nothing (r920); the parties it organises support
    text = ("三、常态管理\n\n（一）充分发挥区保障住宅电梯安全联席会议制度的作用，协调解决电梯安全问题。"
            "联席会议应负责工作协调，信息交流，指导专项工作组开展工作。\n\n"
            "（二）维修基金筹集。没有约定或约定不明确的，由所在街道牵头，及时协助组织相关业主筹集落实。\n")
    assert measure_roles(text) == [[("responsible", ["联席会议"])],
                                   [("lead", ["所在街道"]), ("support", ["相关业主"])]]
    # a phrase holding 召开 is no body's name, though it ends as one (r703)
    assert not is_holder("召集成员单位召开联席会议") and is_holder("联席会议")


def test_a_verb_joined_to_the_role_word_by_a_comma_of_enumeration_leaves_the_role_word_to_decide():
    # r1140: 根据职责分工 read as 按照职责; 指导 is no role word, 配合 decides (r1042)
    assert clause_roles("各部门要根据职责分工，指导、配合各街镇做好小型房建工程监管和违法违规行为处置工作。") == [
        ("support", ["各部门"])]
    assert clause_roles("区建管委指导、督促各街镇做好排查。") == []


def test_units_acting_by_their_division_of_duties_state_one_but_not_in_a_lead_in_to_a_duty_list():
    # r1123, r1085: 其他成员单位按照职责分工，协调做好… → responsible (按照职责…, r1042)
    assert clause_roles("其他成员单位按照职责分工，协调做好绿色生态城区管控措施和推进工作。") == [
        ("responsible", ["其他成员单位"])]
    # r940: the same words in an article whose sub-items follow at once lead in to the list
    text = ("第六条 在区政府统一领导下，区有关部门及相关单位按照职责分工，共同做好应急避难场所建设工作。\n"
            "（一）区应急局：按照市规划要求，统筹协调全区应急避难场所建设。\n"
            "（二）区规划资源局：配合做好全区应急避难场所规划。\n")
    assert measure_roles(text) == [[("responsible", ["区应急局"])], [("support", ["区规划资源局"])]]


def test_sectors_closed_by_each_concerned_management_department_are_bodies():
    # r1140: 等各有关管理部门 closes a list of sectors behind one place prefix, left out (r961, r1120)
    assert clause_roles("区建管、绿容、消防、城管等各有关管理部门按照职责分工，指导街镇依法查处。") == [
        ("responsible", ["区建管", "区绿容", "区消防", "区城管"])]


def test_batch_p_documents_read_exactly():
    assert_exact("r1144_qingpu_ncgl_2021")
    assert_exact("r1145_jingan_tdf_2026")
    assert_exact("r1143_minhang_xhs_2016")
    assert_exact("r1085_guowuyuan_zyjylxhy_2018")
    assert_exact("r1123_fengxian_lsst_2025")
