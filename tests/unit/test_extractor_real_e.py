"""Readings added for held-out batch E (r600–r658): township and street
documents, duty lists and duties in running text.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

import pytest
from govgraph.loaders.notice import parse_notice
from govgraph.loaders.notice.names import is_holder, looks_like_unit
from real_corpus import assert_exact


def _duties(text: str) -> list[tuple[str, list[str]]]:
    return [(a.role, [u.name for u in a.units]) for m in parse_notice(text).measures for a in m.attributions]


@pytest.mark.parametrize("phrase", [
    "招标人认定的其它不履约行为",      # a relative clause (的)
    "相关信息公示程序是否履行到位",    # a question, and 到位 is no 单位
    "房屋结构",                       # 结构 is no 机构
    "各乡镇设立消防安全委员会",        # setting a body up is a sentence
    "本办法适用于本街道",
    "除新区审计部门",
    "城建中心报小型建设工程领导小组选择社会中介机构",  # a body's name, then a procedure verb
    "组织机构",                       # a section's heading
])
def test_phrases_that_end_as_names_end_are_not_names(phrase):
    assert not looks_like_unit(phrase) and not is_holder(phrase)


@pytest.mark.parametrize("name", ["合肥海关", "市直机关", "区城管执法部门", "社会中介机构", "项目管理人", "业主"])
def test_names_ending_in_a_word_for_bodies_or_a_party_still_are(name):
    assert is_holder(name)


def test_the_addressees_of_a_notice_are_not_a_duty_item():
    text = ("各科室（部门）、各基层单位：\n\n现将《办法》印发给各科室，望遵照执行。\n\n某某办法\n\n三、职责分工\n\n"
            "管理办：负责项目受理。\n\n营商办：负责预算管理。\n")
    assert _duties(text) == [("responsible", ["管理办"]), ("responsible", ["营商办"])]


def test_a_gloss_in_brackets_naming_kinds_in_alternatives_is_dropped():
    text = "三、职责分工\n\n业主（街道部门或下属单位）：负责提交备案。\n\n管理办：负责项目受理。\n"
    assert _duties(text)[0] == ("responsible", ["业主"])


def test_a_heading_naming_units_and_what_they_check_is_a_duty_heading():
    text = ("二、审批流程\n1.镇农发办和经发中心审核内容\n(1)审核申请资格。\n(2)其他需要审核的内容。\n"
            "2.城建中心审核内容\n(1)申请用地是否符合条件。\n")
    assert _duties(text) == [("responsible", ["镇农发办", "镇经发中心"]), ("responsible", ["城建中心"])]


def test_a_heading_naming_the_office_a_body_sets_up_names_that_office():
    text = ("二、工作措施\n1.各乡镇消防安全委员会下设办公室。办公室具体负责统筹工作。\n"
            "2.村居委职责\n（1）宣传消防法律法规。\n")
    assert _duties(text)[0] == ("responsible", ["各乡镇消防安全委员会办公室"])


def test_places_before_a_place_body_share_the_body():
    text = "二、职责分工\n（一）城运中心：负责监督管理。\n（二）吴泾、塘湾派出所：负责查处违规运输。\n"
    assert _duties(text)[1] == ("responsible", ["吴泾派出所", "塘湾派出所"])
    assert_exact("r600_wujing_jzlj_2021")


def test_a_task_force_roster_is_not_a_duty_and_a_trailing_kind_of_body_is_left_out():
    text = ("三、组织领导\n成立工作专班，由区绿化市容局牵头，区建管委、区公安分局（交管）及各街镇、经开区为成员单位，"
            "统筹推进工作。\n（一）区绿化市容局\n开展行业部署。\n（二）区建管委、区水务局等建设主管部门\n压实主体责任。\n"
            "（三）各街镇、经开区\n落实属地管理责任。\n")
    assert _duties(text) == [("responsible", ["区绿化市容局"]), ("responsible", ["区建管委", "区水务局"]),
                             ("responsible", ["各街镇", "经开区"])]
    assert_exact("r658_songjiang_qsxd_2026")


def test_running_text_lead_then_parties_of_a_list_typed_by_its_kind():
    text = ("一、管理\n（一）例会。由项目办定期牵头召开工程例会，项目管理人、居委、物业、监理等单位根据安排参加会议。\n"
            "（二）审计。30万元以下的项目由街道内部审计部门(集体资产办)负责审计。\n"
            "（三）归档。镇级工程由城建公司负责归档，村级工程移交各行政村负责归档。\n")
    assert _duties(text) == [("lead", ["项目办"]), ("support", ["项目管理人", "居委", "物业", "监理"]),
                             ("responsible", ["街道内部审计部门"]), ("responsible", ["城建公司"]),
                             ("responsible", ["各行政村"])]


def test_a_role_word_qualifying_a_noun_gives_no_duty():
    text = "一、管理\n（一）评审。区各委办局牵头的工程项目按要求做好评审。\n（二）归档。由项目办负责归档。\n"
    assert _duties(text) == [("responsible", ["项目办"])]


def test_a_lead_heading_an_item_and_the_units_it_joins_or_leads():
    text = ("二、核查\n1.由平安办牵头，联合洋泾街道信访办、城运中心、交警等部门实地检查。\n"
            "2.由平安办牵头派出所核实警情，牵头交警核实违章停车。\n")
    assert _duties(text) == [("lead", ["平安办"]), ("support", ["洋泾街道信访办", "城运中心", "交警"]),
                             ("lead", ["平安办"]), ("support", ["派出所"]), ("support", ["交警"])]
    assert_exact("r654_yangjing_tcc_2024")


@pytest.mark.parametrize(("name", "unit"), [("区公安分局（交管）", True), ("各县（市、区）", True),
                                            ("经营条件评估（征询意见座谈会会议记录）", False)])
def test_a_closing_bracket_ends_a_name_as_what_stands_before_it(name, unit):
    assert looks_like_unit(name) is unit
