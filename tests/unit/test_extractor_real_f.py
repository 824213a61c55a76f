"""Readings added for held-out batch F (r700–r755): a task table flattened one
cell per paragraph with rows numbered within parts, duty lists whose later
sentences have subjects of their own, town rules in running text.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

import pytest
from govgraph.loaders.notice.names import looks_like_unit, restore_elided
from real_corpus import assert_exact, measure_roles


def test_a_paragraph_table_with_rows_numbered_within_parts_and_its_header_repeated():
    text = ("序号\n\n工作任务\n\n牵头单位\n\n配合单位\n\n—\n\n构建体系\n\n（一）\n\n推动源头减量\n\n区规划资源局\n\n"
            "区水务局、区房管局\n\n（二）\n\n落实码头建设\n\n区建设管理委\n\n——\n\n开展码头备案\n\n区绿化市容局\n\n——\n\n"
            "序号\n\n工作任务\n\n牵头单位\n\n配合单位\n\n二\n\n加强监管\n\n（一）\n\n加强源头监管\n\n区城运中心\n\n"
            "区数据局\n")
    assert measure_roles(text) == [
        [("lead", ["区规划资源局"]), ("support", ["区水务局", "区房管局"])],
        [("lead", ["区建设管理委"]), ("lead", ["区绿化市容局"])],
        [("lead", ["区城运中心"]), ("support", ["区数据局"])],
    ]


def test_a_branch_named_by_its_own_place_takes_no_elided_prefix():
    assert restore_elided("区城管执法局", "公安青浦分局") is None
    assert restore_elided("区城管执法局", "公安分局") == "区公安分局"


def test_r700_reads_exactly():
    assert_exact("r700_qingpu_jzlj_2025")


def test_units_one_per_paragraph_fill_the_last_unit_column():
    # a merged 事项分类 cell shows in its group's first row only; the 协同 cell's units stand
    # one per paragraph, which also makes a row as long as the header by chance
    text = ("序号\n\n事项分类\n\n事项名称\n\n项目内容\n\n牵头单位\n\n协同单位\n\n1\n\n打造教育高地\n\n"
            "新(改、扩)建一批中小学校\n\n实施新建中小学校5家。\n\n区教体局\n\n东孝街道\n\n区发改局\n\n2\n\n"
            "家门口青少年宫\n\n新建1个青少年宫。\n\n团区委\n\n各乡镇(街道)\n\n区教体局\n")
    assert measure_roles(text) == [
        [("lead", ["区教体局"]), ("support", ["东孝街道"]), ("support", ["区发改局"])],
        [("lead", ["团区委"]), ("support", ["各乡镇(街道)"]), ("support", ["区教体局"])],
    ]


@pytest.mark.parametrize("phrase", ["新(改、扩)建一批中小学校", "新(改)建村卫生室", "建设一批社区食堂"])
def test_a_task_with_alternatives_in_brackets_or_a_quantity_is_no_name(phrase):
    assert not looks_like_unit(phrase)


def test_r752_reads_exactly():
    assert_exact("r752_jindong_msss_2024")


def test_duty_list_items_that_open_with_a_manner_or_a_partner():
    text = ("二、职责分工\n1.区政府办公室按照法定程序对重大决策进行合法性审核。\n2.区财政局按规定对消防资金进行预算管理。\n"
            "3.区人力资源社会保障局会同区消防救援支队开展职业技能培训。\n")
    assert measure_roles(text) == [[("responsible", ["区政府办公室"])], [("responsible", ["区财政局"])],
                            [("responsible", ["区人力资源社会保障局"])]]


def test_a_step_of_a_procedure_opening_with_a_party_is_no_duty():
    # most items of the list do not open with a unit: an item that does and gives no role word is a step
    text = ("一、立项管理\n1.立项前应当编制预算。\n2.建设单位按照各自工作职责，拟定工程议题。\n3.严禁拆分项目。\n"
            "4.各村还须落实规定程序。\n二、施工管理\n1.由项目建设单位负责质量监督管理。\n2.由镇领导小组负责审议。\n")
    assert measure_roles(text) == [[("responsible", ["项目建设单位"])], [("responsible", ["镇领导小组"])]]


def test_a_heading_naming_a_unit_and_the_field_of_its_duties():
    text = ("三、各街镇（经开区）消防工作责任\n（一）建立消防安全组织，明确专人负责消防工作。\n（二）保障消防工作经费。\n"
            "四、区委、区政府各部委办局消防安全职责\n（一）区委、区政府各部委办局在各自职责范围内履行下列共同职责\n"
            "1.将消防安全内容纳入行业安全监管范围。\n（二）区委、区政府各部委办局按照职责分工依法履行下列分工职责\n"
            "1.区经委负责督促商贸行业的消防安全管理工作。\n2.区教育局负责学校的行业消防安全。\n")
    # 四 names a collective over items that name their own units: the items are the measures
    assert measure_roles(text) == [[("responsible", ["各街镇（经开区）"])], [("responsible", ["区委、区政府各部委办局"])],
                            [("responsible", ["区委、区政府各部委办局"])], [("responsible", ["区经委"])],
                            [("responsible", ["区教育局"])]]


def test_generic_holders_pointing_to_the_list_below_introduce_it():
    text = ("四、各单位按以下职能分工牵头开展风险排查工作：\n（一）区房管局。负责召开工作例会。\n"
            "（二）公安消防支队。负责消防隐患排查。\n")
    assert measure_roles(text) == [[("responsible", ["区房管局"])], [("responsible", ["公安消防支队"])]]


def test_a_documents_title_line_is_no_duty_item():
    text = "某街道实施方案\n\n各职能部门按照职责，分别牵头完成协议签订。\n\n城建中心负责现场核查。\n"
    assert measure_roles(text) == [[("lead", ["各职能部门"])], [("responsible", ["城建中心"])]]


def test_a_later_sentence_whose_subject_is_another_unit_with_a_role_verb():
    text = ("二、职责分工\n1.区经委负责督促商贸行业的消防安全管理。区粮食物资储备局负责指导物资储存行业消防安全管理。\n"
            "2.区公安分局负责开展防火工作。公安派出所根据本市有关规定，负责日常消防监督检查。\n"
            "3.区科委负责组织实施。区科协应将消防知识纳入科普教育内容。\n"
            "4.街道消委办。牵头开展关爱工作。消委办负责加强微型消防站建设。\n"
            "5.房管办：负责协调物业公司。督促小区物业公司负责设置临时堆放点。\n")
    assert measure_roles(text) == [
        [("responsible", ["区经委"]), ("responsible", ["区粮食物资储备局"])],
        [("responsible", ["区公安分局"]), ("responsible", ["公安派出所"])],
        [("responsible", ["区科委"])],   # 区科协 has no role word
        [("lead", ["街道消委办"])],       # 消委办 is the heading unit again
        [("responsible", ["房管办"])],    # 督促…: the company is the object
    ]


@pytest.mark.parametrize("phrase", ["组织居委会", "督促小区物业公司", "指派专人", "委托招标代理公司"])
def test_a_verb_then_the_body_it_governs_is_no_name(phrase):
    assert not looks_like_unit(phrase)


@pytest.mark.parametrize("name", ["区委组织部", "组织部", "督导组"])
def test_names_that_start_as_a_governing_verb_does_still_are(name):
    assert looks_like_unit(name)


def test_a_heading_line_naming_parties_by_what_they_do():
    text = ("四、职责分工\n（一）各街道办事处\n各街道办事处负责辖区管理，主要履行以下职责：\n1.加强宣传督促；\n"
            "2.组织居委会配合物业服务企业做好装修垃圾的处置管理；\n（二）区中标的道路运输单位和作业服务单位\n"
            "区中标的道路运输单位和作业服务单位，主要履行以下职责：\n1.及时提供收运服务；\n")
    assert measure_roles(text) == [[("responsible", ["各街道办事处"])],
                            [("responsible", ["区中标的道路运输单位", "区中标的作业服务单位"])]]


def test_r704_reads_exactly():
    assert_exact("r704_hongkou_jzlj_2022")


def test_a_body_set_up_and_given_a_duty_in_the_same_sentence():
    text = ("二、组织机构及其职责\n成立某镇项目管理领导小组(以下简称“领导小组”)，领导小组组长由镇长担任，成员包含相关部门负责人。"
            "领导小组下设常设机构某镇小型建设项目管理办公室(以下简称项目办)，主任由分管副镇长兼任，办公地点设在镇规划科，"
            "具体负责建设项目的初审。\n三、过程管理\n1、由建设单位负责办理前期手续。\n"
            "第四条  某镇建立村级工程建设领导小组（以下简称村级领导小组），负责村级工程的监管工作。\n"
            "第五条  工作专班下设建设项目办（以下简称项目办），项目办设在镇规建办，负责项目实施的建设管理。\n")
    assert measure_roles(text) == [[("responsible", ["某镇小型建设项目管理办公室"])], [("responsible", ["建设单位"])],
                            [("responsible", ["村级工程建设领导小组"])], [("responsible", ["项目办"])]]
