"""Round AI (batches AY–BA, 总则 chapters of local regulations): rules stated over the grammar of these
chapters, not over one document's words. A clause whose verb is 主管 names the subject a later clause
opening with a role word carries on, and 组织 run straight into a verb of carrying out is one verb, no
pivot; a duty stated by 履行 / 承担 names its field at any length (职能 a duties word), also carried to a
clause of its own; 落实 in a run of verbs is the subject's; the `按照职责` cue beside another ground
(职责或者章程, 章程和职责) lets the role word after it decide; the work of the units' own duties
(组织、管理本部门职责范围内的…) is the cue; a body's staff joined by 和 are no party; a kind closing a list
right after 等 (等组织) closes it; organisations named by their purpose are bodies and 组织 ending a name is
no verb; a paragraph a stored copy broke over a blank line inside a word is read joined; two zones
joined by 和 share their 管委会; the level a list's first sector carries may be qualified (有关县（区）); a
body set up after a clause naming who makes it up is named without it. Each rule is pinned on the real
documents it fixed (tests/corpus_real/, see its README) and on constructed variants: sentences written
for these tests, marked *constructed*, with sectors, verbs and places the corpus never uses. Constructed
variants are not real documents and count in no score."""

from __future__ import annotations

import pytest
from govgraph.loaders.notice.duty_words import unit_list
from govgraph.loaders.notice.pages import join_broken_paragraphs
from real_corpus import assert_exact, clause_roles, measure_roles, real_notice


def _names(text: str) -> list[str] | None:
    got = unit_list(text, 0, len(text), 100)
    return None if got is None else [u.name for u in got]


# --- 1. 主管 names the subject a later role word carries; 组织 + verb is no pivot ----------------------


@pytest.mark.parametrize("between", ["", "组织推进侨务信息平台建设，", "组织实施年度规划，",
                                     "将侨务工作纳入发展规划，对归侨侨眷实施统一登记，"])
@pytest.mark.parametrize("adverb", ["", "具体"])
def test_a_later_role_word_after_zhuguan_is_the_subjects(between, adverb):
    # constructed: a sector and work the corpus never names
    text = f"侨务行政部门主管本行政区域的侨务工作，{between}{adverb}负责归侨侨眷权益保护的指导和监督。"
    assert clause_roles(text) == [("responsible", ["侨务行政部门"])]


def test_zhuguan_inside_a_name_is_no_verb():
    # constructed
    assert clause_roles("侨务主管部门负责归侨侨眷权益保护。") == [("responsible", ["侨务主管部门"])]


def test_zhuguan_with_no_role_word_later_gives_nothing():
    # constructed: 主管 is no role word (README, lead departments with no role word)
    assert clause_roles("侨务行政部门主管本行政区域的侨务工作，组织推进侨务信息平台建设。") == []


def test_zhuguan_then_fuze_on_the_real_documents():
    # r1782 第三条 (绍兴): 民政部门主管…，组织推进…，负责…; r1822 第五条 (济南): 主管…，将…纳入…，对…实施…，负责…;
    # r1802 第七条 (山东): 主管…，具体负责…
    for stem in ("r1782_shaoxing_jjyl_2021", "r1822_jinan_yqjj_2020", "r1802_shandong_xqjy_2021"):
        assert_exact(stem)


# --- 2. a duty stated at any length, carried to a clause of its own; 落实 in a run of verbs -----------


@pytest.mark.parametrize("duty", ["依法履行辖区防汛抗旱、地质灾害防治、森林防火等综合应急职能",
                                  "依法履行本辖区侨务联络、侨资服务等管理职责"])
def test_a_stated_duty_in_a_clause_of_its_own_is_carried(duty):
    # constructed
    text = f"乡镇人民政府是县人民政府的派出机关，在县人民政府领导下，{duty}，统筹协调辖区相关工作。"
    assert clause_roles(text)[0] == ("responsible", ["乡镇人民政府"])


@pytest.mark.parametrize("verbs", ["细化、落实", "完善、落实、提升", "梳理、落实"])
def test_luoshi_in_a_run_of_verbs_is_the_subjects(verbs):
    # constructed
    text = f"社区居民委员会应当按照便民利民的要求，{verbs}邻里互助机制，及时回应居民诉求。"
    assert clause_roles(text) == [("responsible", ["社区居民委员会"])]


@pytest.mark.parametrize("duty", ["履行本行政区域侨务联络与侨资服务的主体责任",
                                  "依法承担本辖区内归侨侨眷权益保护和服务的相关责任"])
def test_a_field_of_duty_at_any_length(duty):
    # constructed: 履行 / 承担 a standing duty for a field, not a liability
    assert clause_roles(f"甲县人民政府应当{duty}。") == [("responsible", ["甲县人民政府"])]
    assert clause_roles(f"甲县人民政府{duty}。") == [("responsible", ["甲县人民政府"])]
    assert clause_roles(f"乡镇人民政府、街道办事处{duty}。") == [("responsible", ["乡镇人民政府", "街道办事处"])]


def test_a_liability_stays_no_cue():
    # constructed
    assert clause_roles("违法者应当对其行为造成的侨资损失依法承担赔偿责任。") == []


def test_stated_duties_on_the_real_documents():
    # r1780 第三条, 第六条 (北京): 是…派出机关，…，依法履行…综合管理职能; 细化、落实、创新…;
    # r1802 第六条 (山东): 履行…主体责任, 依法承担…相关责任
    assert_exact("r1780_beijing_jdbsc_2019")


# --- 3. the duties cue beside another ground; the work of the units' own duties; staff ---------------


@pytest.mark.parametrize("ground", ["根据职责或者章程", "依照章程和职责", "按照各自职责或者章程，"])
@pytest.mark.parametrize(("word", "role"), [("参与", "support"), ("协助", "support"), ("负责", "responsible")])
def test_a_role_word_after_the_duties_cue_beside_another_ground(ground, word, role):
    # constructed: bodies the corpus never names
    text = f"侨联、科协、台联等组织{ground}{word}侨资服务工作。"
    assert clause_roles(text) == [(role, ["侨联", "科协", "台联"])]


@pytest.mark.parametrize("verbs", ["组织、管理", "统筹、实施", "开展"])
def test_the_work_of_the_units_own_duties_is_the_cue(verbs):
    # constructed
    text = f"省、县人民政府有关部门依法{verbs}本部门职责范围内的档案工作，接受档案机构的指导。"
    assert clause_roles(text) == [("responsible", ["省人民政府有关部门", "县人民政府有关部门"])]


@pytest.mark.parametrize("staff", ["档案人员", "工作人员", "执法人员"])
def test_a_bodys_staff_joined_by_he_are_no_party(staff):
    # constructed: staff are persons a body assigns (README, staff posts)
    assert clause_roles(f"档案机构和{staff}应当依法履行职责，如实提供资料。") == [("responsible", ["档案机构"])]


def test_grounds_work_and_staff_on_the_real_documents():
    # r1783 第五条, 第六条 (重庆); r1784 第七条 (浙江): …等组织根据职责或者章程参与…
    assert_exact("r1783_chongqing_tjgl_2016")


# --- 4. names: 等组织, organisations by purpose, zones joined by 和, qualified levels -------------------


def test_a_kind_right_after_deng_closes_the_list():
    # constructed
    assert _names("侨联、科协、台联等组织") == ["侨联", "科协", "台联"]
    assert _names("侨联、台联等团体") == ["侨联", "台联"]


@pytest.mark.parametrize("name", ["野生植物保护组织", "慈善组织", "志愿服务组织", "养老服务组织"])
def test_organisations_named_by_their_purpose_are_bodies(name):
    # constructed
    assert clause_roles(f"侨商协会、{name}应当积极倡导守法经营，协助做好宣传工作。") == [
        ("support", ["侨商协会", name])]


def test_zu_zhi_ending_a_name_is_no_verb():
    # constructed: …行业组织根据章程…, the name ends before the warrant
    assert clause_roles("茶叶协会和其他茶叶行业组织根据章程开展行业自律，协助政府做好茶产业服务。") == [
        ("support", ["茶叶协会", "其他茶叶行业组织"])]


@pytest.mark.parametrize("alias", ["", "（以下简称管理机构）"])
def test_two_zones_joined_by_he_share_their_body(alias):
    # constructed: places the corpus never names
    text = f"甲湖经济开发区、乙山生态园区和丙江现代物流示范区管委会{alias}"
    assert _names(text) == ["甲湖经济开发区管委会", "乙山生态园区管委会", "丙江现代物流示范区管委会"]


def test_a_short_name_on_a_name_split_off_at_ji_is_an_alias():
    # constructed
    text = "甲县、乙区人民政府（以下简称有关县区人民政府）及其所属乡（镇）人民政府"
    assert _names(text) == ["甲县人民政府", "乙区人民政府", "其所属乡（镇）人民政府"]


@pytest.mark.parametrize("qual", ["有关", "相关"])
def test_the_level_of_the_first_sector_may_be_qualified(qual):
    # constructed
    assert _names(f"省、{qual}市气象、地震、侨务等部门") == [
        "省气象", f"{qual}市气象", "省地震", f"{qual}市地震", "省侨务", f"{qual}市侨务"]


def test_names_on_the_real_documents():
    # r1800 (濮阳): the zones' 管委会, the counties' governments, 市、有关县（区）… sector by sector;
    # r1804 第九条 (舟山): 有关行业协会、动物保护组织等社会团体…，协助…; r1703 (北京): …行业组织根据章程…
    for stem in ("r1800_puyang_mjh_2019", "r1804_zhoushan_yq_2020", "r1703_beijing_zxqy_2020"):
        assert_exact(stem)


# --- 5. a paragraph broken over a blank line; a body set up after a roster clause --------------------


def test_a_paragraph_broken_over_a_blank_line_is_read_joined():
    # constructed: a regulation's article broken inside a name, as a stored copy may
    text = ("## 第一章 总则\n\n第一条 为了保护侨资，制定本条例。\n\n第二条 统计、档案、气象等有关行政主管\n\n"
            "部门，根据各自职责做好侨资保护工作。\n\n第三条 侨务部门负责侨资登记。\n")
    assert measure_roles(text) == [[("responsible", ["统计", "档案", "气象"])], [("responsible", ["侨务部门"])]]
    read, keep = join_broken_paragraphs(text)
    assert "有关行政主管部门" in read and text[keep[read.index("部门，")]] == "部"


def test_a_paragraph_ending_a_sentence_stays_apart():
    # constructed: a blank line after 。 or before an article ends the paragraph
    assert join_broken_paragraphs("第一条 为了保护侨资，制定本条例。\n\n第二条 侨务部门负责侨资保护。\n") is None
    assert join_broken_paragraphs("侨资保护条例\n\n侨务部门负责侨资保护，档案部门配合\n\n做好档案工作。\n") is None


@pytest.mark.parametrize("setter", ["本省", "省人民政府"])
def test_a_body_set_up_after_a_roster_clause(setter):
    # constructed
    text = (f"{setter}设立由省人民政府有关部门、海关和侨联组成的省侨资服务协调机构，"
            "负责统筹协调侨资服务工作。")
    roles = [r for m in measure_roles(f"第一条 {text}\n") for r in m]
    assert roles == [("responsible", ["省侨资服务协调机构"])]


def test_joined_paragraphs_and_set_up_bodies_on_the_real_documents():
    # r1820 (焦作): 有关行政主管 / 部门 over a blank line; r1824 第五条 (深圳): 本市设立由…组成的…机构，负责…
    for stem in ("r1820_jiaozuo_lh_2018", "r1824_shenzhen_shxy_2023"):
        assert_exact(stem)


# --- 6. 落实 after a clause designating a body stays the subject's ------------------------------------


@pytest.mark.parametrize("verb", ["明确", "确定", "设立"])
@pytest.mark.parametrize("subject", ["甲镇人民政府", "乡镇人民政府、街道办事处"])
def test_luoshi_after_a_designating_clause_is_the_subjects(verb, subject):
    # constructed: the body designated takes only a 负责 (README, a body set up or named, then 负责)
    text = f"{subject}应当{verb}侨务联络机构，落实联络人员和经费，在便民服务中心设置侨务窗口。"
    assert clause_roles(text) == [("responsible", subject.split("、"))]


def test_luoshi_after_a_designating_clause_on_the_real_document():
    # r1784 第六条 (浙江): 乡镇人民政府、街道办事处应当明确社会救助经办机构，落实经办人员，…
    assert_exact("r1784_zhejiang_shjz_2020")


# --- 7. a party set off by a comma before a modal; a standing duty carried; verbs run before 的 ------


@pytest.mark.parametrize("party", ["采集、加工、销售野生菌的企业事业单位", "经营侨资业务的企业事业单位"])
def test_a_party_set_off_by_a_comma_carries_a_later_standing_duty(party):
    # constructed: the clause of verbs joined by 、 names the party (README, parties named by their place)
    text = f"{party}和其他生产经营者，应当建立台账，防止侨资流失，并依法承担侨资安全管理责任。"
    assert clause_roles(text) == [("responsible", [party, "其他生产经营者"])]


def test_a_liability_is_not_carried():
    # constructed
    assert clause_roles("经营侨资业务的企业事业单位，应当建立台账，并依法承担相应的赔偿责任。") == []


def test_a_party_set_off_by_a_comma_on_the_real_document():
    # r1702 第五条 (广东): 产生、收集、…、处置固体废物的企业事业单位和其他生产经营者，应当采取措施，…，并依法承担…责任
    assert_exact("r1702_guangdong_gtfw_2022")


def test_a_paragraph_joined_over_a_blank_line_is_said_so_and_no_page_width_is_claimed():
    notice = real_notice("r1820_jiaozuo_lh_2018")
    assert any("broken over a blank line" in n for n in notice.notes)
    assert not any("page width" in n for n in notice.notes)
