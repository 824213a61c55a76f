"""Round AH (batches AV–AX, 总则 chapters of local regulations): rules stated over the grammar of these
chapters, not over one document's words. A role word after any wording of the `按照职责` cue decides the
role; bodies set off by a comma before a clause opening with a modal (or with a modal and the warrant they
act by) are its subject; a list closed by the bodies' own staff (及其工作人员) is read without them; a level
written with its alternatives in brackets shares the body of a list of levels; a clause before a bare kind
of body stays on it, also before the first name of a list and after `其`. Each rule is pinned on the real
documents it fixed (tests/corpus_real/, see its README) and on constructed variants: sentences written for
these tests, marked *constructed*, with sectors, verbs and places the corpus never uses. Constructed
variants are not real documents and count in no score."""

from __future__ import annotations

import pytest
from govgraph.loaders.notice.duty_words import unit_list
from real_corpus import assert_exact, clause_roles


def _names(text: str) -> list[str] | None:
    got = unit_list(text, 0, len(text))
    return None if got is None else [u.name for u in got]


# --- 1. a role word after any wording of the 按照职责 cue decides ---------------------------------------


@pytest.mark.parametrize("cue", ["按照各自的职责", "依照各自的职责", "根据各自的职责", "按照本条例规定的职责",
                                 "依据各自职责", "在各自职责范围内"])
@pytest.mark.parametrize(("word", "role"), [("协同", "support"), ("配合", "support"), ("协助", "support"),
                                            ("负责", "responsible")])
def test_a_role_word_after_the_duties_cue_decides_whatever_the_wording(cue, word, role):
    # constructed: sectors and work the corpus never names
    assert clause_roles(f"气象、地震、侨务等部门要{cue}，{word}做好防雷减灾工作。") == [
        (role, ["气象", "地震", "侨务"])]


def test_no_role_word_after_the_cue_leaves_responsible():
    # constructed
    assert clause_roles("审计、统计等部门应当按照各自的职责，共同做好档案工作。") == [("responsible", ["审计", "统计"])]


def test_the_role_word_decides_on_the_real_documents():
    # r1742 第七条 (南阳): 市、县（区）人民政府发展和改革、…等主管部门，应当按照各自的职责，协同…实施监督管理;
    # r1763 第三条 (淄博): …等有关部门要按照各自的职责，协同做好… → support
    assert_exact("r1742_nanyang_bhsx_2019")


# --- 2. bodies set off by a comma before a modal; their staff ----------------------------------------


@pytest.mark.parametrize("subject", ["海事管理机构和其他有关部门", "口岸管理部门", "甲县林草局和乙县林草局"])
def test_bodies_set_off_by_a_comma_before_a_modal_are_its_subject(subject):
    # constructed
    assert clause_roles(f"{subject}，应当依法履行职责，公正文明执法。")[0][0] == "responsible"
    assert clause_roles(f"{subject}，应当负责辖区内的口岸监管。")[0][0] == "responsible"


def test_a_list_closed_by_its_own_staff_is_read_without_them():
    # constructed
    assert _names("海事管理机构和其他有关部门及其工作人员") == ["海事管理机构", "其他有关部门"]
    assert _names("甲县林草局及其执法人员") == ["甲县林草局"]
    assert clause_roles("海事管理机构和边防检查机关及其工作人员，应当依法履行职责。") == [
        ("responsible", ["海事管理机构", "边防检查机关"])]
    assert clause_roles("甲县林草局及其工作人员应当负责护林。") == [("responsible", ["甲县林草局"])]


def test_a_modal_and_a_warrant_before_the_comma():
    # constructed (r1743 第五条's 其他相关部门应当依照法律、法规，在各自职责范围内做好…)
    assert clause_roles("港口管理部门应当依据有关规定，在各自职责范围内做好引航工作。") == [
        ("responsible", ["港口管理部门"])]
    assert clause_roles("其他相关部门应当依照法律、法规，在各自职责范围内配合做好引航工作。") == [
        ("support", ["其他相关部门"])]


def test_staff_and_a_set_off_subject_on_the_real_documents():
    # r1724 第七条 (开封): 环境保护主管部门和其他有关部门及其工作人员，应当依法履行职责; r1602 第六条 (浙江):
    # 国家机关及其工作人员应当依法履行职责
    assert_exact("r1724_kaifeng_yysy_2019")
    assert_exact("r1602_zhejiang_ggxy_2017")


# --- 3. levels with their alternatives in brackets ---------------------------------------------------


@pytest.mark.parametrize(("written", "expected"), [
    ("市、县（区）、乡（镇）人民政府", ["市人民政府", "县（区）人民政府", "乡（镇）人民政府"]),
    ("市、县（市）、镇（乡）人民政府", ["市人民政府", "县（市）人民政府", "镇（乡）人民政府"]),
    ("市、区县（自治县）、乡（镇）人民政府", ["市人民政府", "区县（自治县）人民政府", "乡（镇）人民政府"]),
    ("市、县（市、区）、乡（镇）人民政府林草主管部门",
     ["市人民政府林草主管部门", "县（市、区）人民政府林草主管部门", "乡（镇）人民政府林草主管部门"]),
])
def test_a_level_with_bracketed_alternatives_shares_the_body(written, expected):
    # constructed
    assert _names(written) == expected


def test_three_levels_carry_a_later_clause_of_the_sentence():
    # constructed (r1742 第六条's 市、县（区）、乡（镇）人民政府应当…设立河长，…，逐级落实…责任)
    assert clause_roles("市、县（市）、镇（乡）人民政府应当按照规定设立湖长，层层落实湖泊保护责任。") == [
        ("responsible", ["市人民政府", "县（市）人民政府", "镇（乡）人民政府"])]


def test_two_levels_joined_by_he_the_second_written_as_two():
    # constructed (r1721's 市和区县（市）人民政府其他有关部门)
    assert clause_roles("市和区县（自治县）人民政府其他有关部门应当按照各自职责做好口岸管理工作。") == [
        ("responsible", ["市人民政府其他有关部门", "区县（自治县）人民政府其他有关部门"])]


def test_levels_on_the_real_documents():
    # r1743 (菏泽) and r1721 (宁波), beside r1742 above
    assert_exact("r1743_heze_swrfz_2019")
    assert_exact("r1721_ningbo_gtkj_2021")


# --- 4. a clause before a bare kind of body ----------------------------------------------------------


def test_a_clause_stays_on_the_first_name_when_it_is_a_bare_kind():
    # constructed
    assert clause_roles("向海洋倾倒废弃物的企业事业单位和其他生产经营者应当承担海洋污染防治主体责任。") == [
        ("responsible", ["向海洋倾倒废弃物的企业事业单位", "其他生产经营者"])]
    assert clause_roles("经营冷链物流的企业和其他经营单位应当履行食品安全义务。")[0][1][0] != "企业"


def test_a_name_that_stands_alone_drops_its_clause():
    # constructed (as r1700's 其直属的市水文机构)
    assert clause_roles("甲县林草局负责护林工作，其直属的甲县林业工作站负责监测。") == [
        ("responsible", ["甲县林草局"]), ("responsible", ["甲县林业工作站"])]


def test_a_kind_named_through_qi_set_off_by_a_comma():
    # constructed (r1721 第四条's …，其依法设立的派出机构，负责…)
    assert clause_roles("州林草主管部门负责林草工作，其依法设立的派出机构，负责保护区内的林草工作。") == [
        ("responsible", ["州林草主管部门"]), ("responsible", ["其依法设立的派出机构"])]


# --- 5. governments of several levels owning a body through 的 ---------------------------------------


def test_a_body_owned_by_governments_of_several_levels_is_distributed_with_de():
    # constructed (r1763 第四条's 市、区县人民政府的市容和环境卫生行政管理部门, README: 的 kept)
    assert clause_roles("市、县人民政府的林业和草原主管部门负责护林防火工作。") == [
        ("responsible", ["市人民政府的林业和草原主管部门", "县人民政府的林业和草原主管部门"])]
    assert clause_roles("市、区县人民政府的口岸管理部门应当协助做好通关工作。") == [
        ("support", ["市人民政府的口岸管理部门", "区县人民政府的口岸管理部门"])]


def test_one_government_before_de_is_a_clause_left_out():
    # constructed: a name that stands alone after one owner keeps today's reading
    assert clause_roles("市人民政府的林业主管部门负责护林防火工作。") == [("responsible", ["林业主管部门"])]
