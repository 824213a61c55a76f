"""Round AC (batches AF and AG, 总则 chapters of local regulations on other subjects than property
management): grammar, not vocabulary. Each rule is stated as a shape of names, lists, clauses or
paragraphs and pinned here on the real documents it fixed (tests/corpus_real/, see its README) and on
constructed variants: sentences written for these tests, marked *constructed*, with other words, so the
shape rather than the words is what is read. Constructed variants are not real documents and count in
no score."""

from __future__ import annotations

from govgraph.loaders.notice.duty_scope import later_subjects
from govgraph.loaders.notice.given_by import holders, placed_clauses
from govgraph.loaders.notice.sector_lists import typed_sectors
from real_corpus import assert_exact, clause_roles, evaluated, measure_roles, real_notice


def names(text: str) -> list[str]:
    """The bodies a list at a clause's head reads as (given_by.holders)."""
    return [u.name for u in holders(text, 0, len(text)) or []]


def r1422_units() -> list[str]:
    """The units the extractor reads in r1422 (its 第四条, a measure of officials only, is still missed,
    so its measures are compared as a set here, not in order)."""
    return [u.name for m in real_notice("r1422_xuchang_hhsx_2018").measures for a in m.attributions for u in a.units]


def later(text: str, heads: list[str]) -> list[tuple[str, list[str]]]:
    """The later subjects of a duty item headed by ``heads`` (its duty starting right after them)."""
    duty_start = len(heads[0])
    return [(a.role, [u.name for u in a.units]) for a in later_subjects(text, duty_start, len(text), heads)]


# --- 1. a later list set off by a comma from the duties it acts by ---------------------------------


def test_a_later_list_set_off_from_acting_by_its_duties_keeps_them():
    # r1422 第五条: 市、区人民政府发展改革、…、畜牧等行政主管部门，应当按照各自的职责，对水系实施监督管理，…
    assert {"市人民政府发展改革", "区人民政府畜牧"} <= set(r1422_units())
    # constructed
    assert later("县林业局负责护林。县交通、气象等部门，应当按照各自的职责，对林区实施监督，共同做好巡查。",
                 ["县林业局"]) == [("responsible", ["县交通", "县气象"])]
    assert later("县林业局负责护林。县交通局、县水利局，按照各自职责，开展巡查。", ["县林业局"]) == [
        ("responsible", ["县交通局", "县水利局"])]
    # one body set off by a comma is no list: the comma may end a clause
    assert later("县林业局负责护林。县交通局，按照各自职责，开展巡查。", ["县林业局"]) == []


# --- 2. causative verbs and nouns of a mechanism ---------------------------------------------------


def test_a_causative_verb_hands_the_role_word_to_its_object():
    # r1422 第十条 (…应当组织开展…宣传教育，…引导公众参与保护活动), r1400 第六条 (…支持单位和个人参与…): the 参与 is
    # the objects' (r751), the subject no party to it
    assert_exact("r1400_qingdao_hyhb_2018")
    # constructed
    text = ("第一章 总则\n\n第三条 县林业局负责护林。\n\n县交通局应当按照各自职责做好巡查。\n\n"
            "第四条 县人民政府应当开展宣传，鼓励村民参与护林。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("responsible", ["县交通局"])]]
    # 支持、配合 is two verbs of the subject's own
    assert clause_roles("县林业站应当支持、配合县林业局开展巡查。") == [("support", ["县林业站"])]


def test_a_role_word_qualifying_a_noun_of_a_mechanism_is_none():
    # r1401 第七条: …应当建立健全城乡规划工作的公众参与制度
    r1401 = evaluated("r1401_dongying_cxgh_2017")
    assert not [p for p in r1401.problems if "measures found" in p], r1401.problems
    # constructed
    text = ("第一章 总则\n\n第三条 县林业局负责护林。\n\n县交通局应当按照各自职责做好巡查。\n\n"
            "第四条 县人民政府和县林业局应当建立护林工作的村民协同机制。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("responsible", ["县交通局"])]]


# --- 3. one article giving duties, read as an article ----------------------------------------------


def test_one_article_with_unit_paragraphs_is_read_as_an_article():
    # r1400 第四条: the only article with units; its 海洋与渔业 paragraph (…对…实施监督管理，…，组织…，负责…) was
    # lost when the chapter was read as loose running text
    assert_exact("r1400_qingdao_hyhb_2018")
    # constructed
    text = ("第一章 总则\n\n第一条 为了保护森林，制定本条例。\n\n第二条 县林业局负责全县护林工作。\n\n"
            "县水利局对河道实施监督管理，组织河道巡查，负责水土保持工作。\n\n县交通、气象等部门按照各自职责做好相关工作。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("responsible", ["县水利局"]),
                                    ("responsible", ["县交通", "县气象"])]]


# --- 4. a list closed by 等 and a kind of whose bodies, with its alternative ------------------------


def test_a_list_closed_by_whose_kind_of_body_ends_there():
    # r1423 第三条: 乡（镇）人民政府以及街道办事处、开发区（园区）管理机构等人民政府的派出机关（机构）应当…，协助…
    assert names("乡（镇）人民政府以及街道办事处、开发区（园区）管理机构等人民政府的派出机关（机构）") == [
        "乡（镇）人民政府", "街道办事处", "开发区（园区）管理机构"]
    assert_exact("r1423_jinhua_dtaq_2017")
    # constructed: the long closed list opens a clause, its role word carried over a comma
    assert clause_roles("乡（镇）人民政府以及街道办事处、森林公园管理处等县人民政府的派出机关（机构）应当加强巡查，"
                        "协助做好护林工作。") == [
        ("support", ["乡（镇）人民政府", "街道办事处", "森林公园管理处"])]
    assert names("县交通局、县水利局等县政府的职能部门") == ["县交通局", "县水利局"]


# --- 5. levels: autonomous ones, two written as one ------------------------------------------------


def test_an_autonomous_level_is_restored_on_every_sector():
    # r1402 第五条: 自治县发展改革、经济信息、…、气象等部门 (read 自治县发展改革, 经济信息, …)
    assert_exact("r1402_xiushan_mjh_2021")
    # constructed
    t = "自治州交通、水利、林业等部门"
    assert [u.name for u in typed_sectors(t, 0, len(t)) or []] == ["自治州交通", "自治州水利", "自治州林业"]
    t = "市、自治县交通、水利等部门"
    assert [u.name for u in typed_sectors(t, 0, len(t)) or []] == ["市交通", "自治县交通", "市水利", "自治县水利"]
    # a sector whose name opens with a level character names no place
    t = "市场监管、水利等部门"
    assert [u.name for u in typed_sectors(t, 0, len(t)) or []] == ["市场监管", "水利"]


def test_a_level_written_as_two_with_alternatives_shares_only_the_body():
    # r1404 第六条: 市、区县（自治县）人民政府文化主管部门 was read 市县（自治县）人民政府文化主管部门
    assert_exact("r1404_chongqing_fwzwhyc_2012")
    # constructed
    assert names("省、区县（自治县）人民政府林业主管部门") == ["省人民政府林业主管部门", "区县（自治县）人民政府林业主管部门"]
    assert names("市、区残联") == ["市残联", "区残联"]


# --- 6. 对…负责 and 履行…义务 as role cues -----------------------------------------------------------


def test_answering_for_something_is_the_role_word_fuze():
    # r1402 第四条: 自治县人民政府应当对梅江河流域水环境质量负责，… → responsible
    assert_exact("r1402_xiushan_mjh_2021")
    # constructed
    assert clause_roles("县林业局对全县林地保护负责。") == [("responsible", ["县林业局"])]
    assert clause_roles("县林业局应当对林区防火负责，定期开展巡查。") == [("responsible", ["县林业局"])]
    # 负责人 is a post, 负责任 an adverb: no role word
    assert clause_roles("县林业局对全县林地保护负责人进行考核。") == []


def test_fulfilling_an_obligation_is_a_duty_stated():
    # the shape of r1403 第七条 (…等应当履行保护山体的义务) and r1424 第五条 (…，维护市场秩序，履行法定义务，…)
    # constructed
    assert clause_roles("县林业站应当履行护林义务。") == [("responsible", ["县林业站"])]
    assert clause_roles("县林业站应当加强巡查，履行护林义务，做好防火工作。") == [("responsible", ["县林业站"])]
    # an obligation named as a noun's qualifier is none
    assert clause_roles("县林业站应当加强巡查，履行护林义务的情况。") == []


# --- 7. bodies named by who names them -------------------------------------------------------------


def test_a_body_named_then_given_its_duty_through_qi_holds_it():
    # r1422 第五条 (应当明确水系管理机构，由其负责…), r1424 第四条 (应当健全优化营商环境工作机构，由其负责…)
    assert "水系管理机构" in r1422_units()
    # constructed
    t = "县人民政府应当设立护林工作站，由其负责日常巡护。"
    assert [(a.role, [u.name for u in a.units]) for a in placed_clauses(t, 0, len(t))] == [
        ("responsible", ["护林工作站"])]
    # the body as the object of one pivot phrase is not read by this shape (r1243)
    t = "县人民政府确定牵头部门负责护林。"
    assert placed_clauses(t, 0, len(t)) == []


def test_bodies_named_after_who_set_them_up_are_a_later_subject():
    # r1422 第五条: 市人民政府设立的城乡一体化示范区管委会、经济技术开发区管委会、东城区管委会（以下简称管委会），按照职责分工，负责…
    assert {"城乡一体化示范区管委会", "经济技术开发区管委会", "东城区管委会"} <= set(r1422_units())
    # constructed
    assert later("县林业局负责护林。县人民政府设立的护林站、育苗站按照职责分工负责巡山。", ["县林业局"]) == [
        ("responsible", ["护林站", "育苗站"])]
    # set up by no body named: no subject read
    assert later("县林业局负责护林。根据需要设立的护林站按照职责分工负责巡山。", ["县林业局"]) == []


def test_the_batches_read_exactly():
    for stem in ("r1400_qingdao_hyhb_2018", "r1402_xiushan_mjh_2021", "r1404_chongqing_fwzwhyc_2012",
                 "r1421_luohe_cslh_2020", "r1423_jinhua_dtaq_2017"):
        assert_exact(stem)
