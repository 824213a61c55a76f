"""Round AB (batches AD and AE, more 总则 chapters of local regulations, and what round AA left on AA–AC):
grammar, not vocabulary. Each rule is stated as a shape of names, lists, clauses or paragraphs and pinned
here on the real documents it fixed (tests/corpus_real/, see its README) and on constructed variants:
sentences written for these tests, marked *constructed*, with other words, so the shape rather than the
words is what is read. Constructed variants are not real documents and count in no score."""

from __future__ import annotations

from govgraph.loaders.notice.duty_scope import later_subjects
from govgraph.loaders.notice.given_by import holders
from real_corpus import assert_exact, clause_roles, measure_roles


def names(text: str) -> list[str]:
    """The bodies a list at a clause's head reads as (given_by.holders)."""
    return [u.name for u in holders(text, 0, len(text)) or []]


def later(text: str, heads: list[str]) -> list[tuple[str, list[str]]]:
    """The later subjects of a duty item headed by ``heads`` (its duty starting right after them)."""
    duty_start = len(heads[0])
    return [(a.role, [u.name for u in a.units]) for a in later_subjects(text, duty_start, len(text), heads)]


# --- 1. a bare level before a level written with its alternatives shares its government ------------


def test_a_bare_level_shares_the_government_of_a_bracketed_level():
    # r1360 第四条: 市、县（区）人民政府负责… was read 市 (no body) and 县（区）人民政府
    assert names("市、县（区）人民政府") == ["市人民政府", "县（区）人民政府"]
    assert_exact("r1360_rizhao_wygl_2017")
    # constructed: other levels, other brackets
    assert names("区、乡（镇）人民政府") == ["区人民政府", "乡（镇）人民政府"]
    assert names("区、县（市）政府") == ["区政府", "县（市）政府"]


# --- 2. an article's paragraphs are its own, however few articles head items ----------------------


def test_an_article_with_unit_paragraphs_is_one_measure_when_it_stands_alone():
    # r1363 第四条 (seven paragraphs), r1384 第四条 (three): the only article with units in its chapter
    # was split into one item per paragraph opening with a unit
    assert_exact("r1384_zhejiang_wygl_2009")
    # constructed
    text = ("第一章 总则\n\n第一条 为了保护森林，制定本条例。\n\n第二条 县林业局负责全县护林工作。\n\n"
            "县交通、气象等部门按照各自职责，协助做好护林工作。\n\n乡镇人民政府负责本辖区巡山。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("support", ["县交通", "县气象"]),
                                    ("responsible", ["乡镇人民政府"])]]


def test_yixia_cheng_introduces_a_short_name_as_yixia_jiancheng_does():
    # r1384, r1381: 县级以上人民政府房产行政主管部门（以下称物业主管部门）负责… kept the bracket in the name
    assert_exact("r1384_zhejiang_wygl_2009")
    assert_exact("r1381_huzhou_wygl_2021")
    # constructed
    assert clause_roles("县林业局（以下称护林部门）负责护林防火。") == [("responsible", ["县林业局"])]


# --- 3. a subject set off from its predicate by its warrant or its place ----------------------------


def test_a_body_acting_by_a_warrant_set_off_by_a_comma_keeps_its_duty():
    # r1381 第四条: 南太湖新区管理委员会根据授权、委托，在所辖区域内履行区县人民政府职责
    assert clause_roles("南太湖新区管理委员会根据授权、委托，在所辖区域内履行区县人民政府职责。") == [
        ("responsible", ["南太湖新区管理委员会"])]
    assert_exact("r1381_huzhou_wygl_2021")
    # constructed: the warrant names no one the work is handed to; a verb with an object does
    assert clause_roles("县林业局依照县政府授权，在林区范围内负责护林防火。") == [("responsible", ["县林业局"])]
    assert clause_roles("县林业局委托县林场，在林区范围内负责护林防火。") == []
    assert clause_roles("县林业局依照县政府授权，加强巡查，负责护林防火。") == []


def test_a_later_subject_set_off_by_its_place_or_warrant_keeps_its_duty():
    # r1360 第四条, 第五条: …派出机构，在本辖区内承担…职责 / …其他有关行政主管部门在各自的职责范围内，负责… /
    # …派出机构，根据授权负责…
    assert_exact("r1360_rizhao_wygl_2017")
    # constructed
    assert later("县林业局负责护林。县林业站，在林区范围内承担防火职责。", ["县林业局"]) == [
        ("responsible", ["县林业站"])]
    assert later("县林业局负责护林。县气象局在各自的职责范围内，负责火险预报。", ["县林业局"]) == [
        ("responsible", ["县气象局"])]


def test_a_body_named_by_what_it_holds_is_written_as_the_clause_names_it():
    # r1360: 具有行政管理职能的市人民政府派出机构
    # constructed
    assert later("县林业局负责护林。具有林政职能的县人民政府派出机构，根据授权负责巡山。", ["县林业局"]) == [
        ("responsible", ["具有林政职能的县人民政府派出机构"])]


# --- 4. later subjects: carried over a comma or a ；, acting by duties with no comma ----------------


def test_a_later_sentence_subject_carries_to_a_role_word_opening_a_later_clause():
    # r1381 第六条: 居（村）民委员会应当对业主自治进行指导和监督，协助街道办事处… → support
    assert_exact("r1381_huzhou_wygl_2021")
    # constructed
    assert later("县林业局负责护林。\n\n各村民委员会应当对护林员进行指导，协助县林业局巡山。", ["县林业局"]) == [
        ("support", ["各村民委员会"])]
    # a first clause with a role word of its own is read as before (the later one adds nothing)
    assert later("县林业局负责护林。县林业站负责育苗，协助县林业局巡山。", ["县林业局"]) == [
        ("responsible", ["县林业站"])]


def test_a_later_list_acting_by_its_duties_may_go_straight_on():
    # r1382 第五条: 发展和改革、公安、…等其他部门按照各自职责依法开展相关监督管理工作
    # constructed
    assert later("县林业局负责护林。县交通、气象等其他部门按照各自职责依法开展巡查。", ["县林业局"]) == [
        ("responsible", ["县交通", "县气象"])]


def test_a_subject_carries_over_semicolons_to_a_clause_opening_with_a_role_word():
    # r1300 第八条: 街道办事处、乡镇人民政府组织、协调…；指导、监督…；参加物业承接查验 → support
    assert_exact("r1300_beijing_wygl_2024")
    # constructed
    assert clause_roles("县林业站组织、指导护林员培训；检查防火设施；参与火灾调查。") == [
        ("support", ["县林业站"])]
    # a full stop ends it
    assert clause_roles("县林业站组织、指导护林员培训。参与火灾调查。") == []


def test_the_rule_followed_and_an_adverb_before_the_carried_role_word():
    # r1362 第七条: 物业服务人应当按照要求执行…，积极配合开展相关工作 → support
    assert_exact("r1362_liaocheng_wygl_2021")
    # constructed
    assert clause_roles("县林业站应当按照要求执行防火措施，积极配合开展巡山。") == [("support", ["县林业站"])]
    assert clause_roles("县林业站应当执行防火措施，主动协助开展巡山。") == [("support", ["县林业站"])]


def test_a_carried_clause_acting_by_its_duties_states_one():
    # r1383 第七条: 物业管理行政主管部门和其他相关行政管理部门应当…公布…，按照职能分工履行职责，… → both responsible
    assert clause_roles("物业管理行政主管部门和其他相关行政管理部门应当在物业管理区域内显著位置公布投诉、举报受理方式，"
                        "按照职能分工履行职责，及时受理投诉。") == [
        ("responsible", ["物业管理行政主管部门", "其他相关行政管理部门"])]
    assert_exact("r1383_zhoushan_wygl_2021")
    # constructed
    assert clause_roles("县林业局应当公布举报电话，按照职责分工履行护林职责。") == [("responsible", ["县林业局"])]
    # a duty with no rule it acts by is not carried by this shape
    assert clause_roles("县林业局应当公布举报电话，按照规定受理举报。") == []


def test_a_list_closed_by_huozhe_acting_by_its_duties_is_one_party():
    # r1382 第九条: 业主大会筹备组、业主大会、业主委员会、物业服务人或者建设单位应当根据职责和规定…予以发布
    assert_exact("r1382_shaoxing_wygl_2020")
    # constructed: 根据职责 acts by duty as 按照职责 does; the alternatives stay whole (r1042, r900)
    assert clause_roles("县林业局、县林业站或者乡镇人民政府应当根据职责做好巡山。") == [
        ("responsible", ["县林业局、县林业站或者乡镇人民政府"])]
    assert clause_roles("县林业局根据职责在林区开展巡查。") == [("responsible", ["县林业局"])]


# --- 5. lead-ins and noun phrases ----------------------------------------------------------------


def test_a_collective_lead_in_closed_by_a_colon_gives_no_duty():
    # r1341 第七条: 市、县级人民政府有关行政管理部门按照各自职责，在…开展…工作： / （一）市场监督管理部门负责…
    assert_exact("r1341_qingyuan_wygl_2022")
    # constructed
    text = ("第一章 总则\n\n第三条 县人民政府有关部门按照各自职责，在林区开展护林工作：\n\n"
            "（一）县林业局负责巡山；\n\n（二）县气象局负责火险预报。\n\n第四条 乡镇人民政府负责本辖区巡山。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"])], [("responsible", ["县气象局"])],
                                   [("responsible", ["乡镇人民政府"])]]


def test_a_role_word_among_the_nouns_closing_a_de_phrase_is_no_role_verb():
    # r1341 第八条, 第九条: …应当加强对…活动的指导、协助和监督，履行下列职责： → responsible, not support
    assert_exact("r1341_qingyuan_wygl_2022")
    # constructed
    text = ("第一章 总则\n\n第三条 乡镇人民政府应当加强对护林工作的指导、协助和监督，履行下列职责：\n\n"
            "（一）组织巡山；\n\n（二）上报火情。\n\n第四条 县林业站应当加强巡查，协助乡镇人民政府开展巡山。\n")
    assert measure_roles(text) == [[("responsible", ["乡镇人民政府"])], [("support", ["县林业站"])]]


def test_zuzhi_run_into_a_role_word_is_one_verb():
    # r1322 第八条: 街道办事处、乡(镇)人民政府应当组织落实…各项应急措施 → responsible
    assert_exact("r1322_taizhou_wygl_2021")
    # constructed; 组织 with an object still hands the work on
    assert clause_roles("县林业站应当组织落实防火措施。") == [("responsible", ["县林业站"])]
    assert clause_roles("县林业局组织各村负责巡山。") == []


def test_hangye_zuzhi_is_a_kind_of_body():
    # r1361 第七条: 物业服务行业组织应当加强行业自律，协助有关部门调解物业纠纷 → support (read 物业服务行业)
    # constructed
    assert clause_roles("县旅游行业组织协助县文旅局开展培训。") == [("support", ["县旅游行业组织"])]
    text = ("第一章 总则\n\n第三条 县林业局负责护林。\n\n第四条 县旅游行业组织应当加强行业自律，协助县林业局宣传护林。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"])], [("support", ["县旅游行业组织"])]]


# --- 6. alternatives whose second a body designates --------------------------------------------------


def test_a_body_or_one_a_government_designates_is_one_party():
    # r1363 第四条: 县（区）人民政府住房城乡建设主管部门或者县（区）人民政府确定的物业主管部门（以下统称物业主管部门），负责…
    assert_exact("r1363_heze_wygl_2022")
    # constructed: in running text and as a later subject of a duty item
    alt = "县（区）人民政府林业主管部门或者县（区）人民政府确定的护林主管部门"
    assert clause_roles(f"{alt}（以下统称护林部门），负责巡山。") == [("responsible", [alt])]
    assert later(f"县林业局负责护林。{alt}（以下统称护林部门），负责巡山。", ["县林业局"]) == [
        ("responsible", [alt])]
    # a list before the alternatives is no such party
    assert clause_roles(f"县林业局、{alt}（以下统称护林部门），负责巡山。") == []


def test_alternatives_written_for_two_levels_are_one_party_per_level():
    # r1301 第五条: 设区的市、县（市、区）人民政府住房城乡建设主管部门或者设区的市、县（市、区）人民政府确定的物业主管部门
    assert_exact("r1301_shandong_wygl_2021")
    # constructed
    text = ("县林业局负责护林。市、县（区）人民政府林业主管部门或者市、县（区）人民政府确定的护林主管部门"
            "（以下统称护林部门），负责巡山。")
    assert later(text, ["县林业局"]) == [("responsible", [
        "市人民政府林业主管部门或者市人民政府确定的护林主管部门",
        "县（区）人民政府林业主管部门或者县（区）人民政府确定的护林主管部门"])]


def test_the_batches_read_exactly():
    for stem in ("r1300_beijing_wygl_2024", "r1301_shandong_wygl_2021", "r1322_taizhou_wygl_2021", "r1341_qingyuan_wygl_2022",
                 "r1360_rizhao_wygl_2017", "r1361_binzhou_wygl_2019", "r1362_liaocheng_wygl_2021",
                 "r1363_heze_wygl_2022", "r1382_shaoxing_wygl_2020", "r1383_zhoushan_wygl_2021",
                 "r1364_lishui_wygl_2019", "r1380_jiaxing_wygl_2021", "r1381_huzhou_wygl_2021",
                 "r1384_zhejiang_wygl_2009"):
        assert_exact(stem)
