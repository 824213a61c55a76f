"""Round AA (batches AA–AC, the 总则 chapters of local regulations): grammar, not vocabulary. Each rule
is stated as a shape of names, lists, clauses or paragraphs and pinned here on the real documents it
fixed (tests/corpus_real/, see its README) and on constructed variants: sentences written for these
tests, marked *constructed*, with other words, so the shape rather than the words is what is read.
Constructed variants are not real documents and count in no score."""

from __future__ import annotations

from govgraph.loaders.notice.given_by import holders
from govgraph.loaders.notice.layout import detect_layout
from govgraph.loaders.notice.numbering import accept_headers, article_item_ends
from real_corpus import assert_exact, clause_roles, evaluated, measure_roles


def names(text: str) -> list[str]:
    """The bodies a list at a clause's head reads as (given_by.holders)."""
    return [u.name for u in holders(text, 0, len(text)) or []]


# --- 1. a level with its alternatives in brackets, after bare levels ------------------------------


def test_the_bracket_after_a_level_stays_with_that_level():
    # r1321, r1322: 市、县（市、区）物业主管部门 was read 市（市、区）物业主管部门
    assert names("市、县（市、区）物业主管部门") == ["市物业主管部门", "县（市、区）物业主管部门"]
    assert_exact("r1321_wenzhou_wygl_2017")
    # constructed
    assert names("省、市（州）林业局") == ["省林业局", "市（州）林业局"]


# --- 2. sector lists: levels with their government as the prefix, two kinds after 等 ---------------


def test_levels_and_their_government_are_restored_on_every_sector():
    # r1303, r1343: 市、县（市、区）人民政府公安、住房城乡建设…部门 / …等部门
    assert names("市、县（市、区）人民政府公安、自然资源和规划部门") == [
        "市人民政府公安部门", "县（市、区）人民政府公安部门",
        "市人民政府自然资源和规划部门", "县（市、区）人民政府自然资源和规划部门"]
    assert_exact("r1303_nanyang_zzxf_2021")
    assert_exact("r1343_xinxiang_zzxf_2020")
    # constructed: other levels, other sectors
    assert names("省、市人民政府交通、水利等部门") == [
        "省人民政府交通", "市人民政府交通", "省人民政府水利", "市人民政府水利"]
    assert names("县人民政府林草、文旅等部门") == ["县人民政府林草", "县人民政府文旅"]


def test_two_kinds_may_close_a_sector_list_and_bodies_may_be_joined_after_it():
    # r1302 (等有关部门、单位), r1342 (等部门和机构), r1322 (等部门和消防救援机构)
    assert names("发展改革、公安、民政等有关部门、单位") == ["发展改革", "公安", "民政"]
    assert names("发展改革、公安、消防救援等部门和机构") == ["发展改革", "公安", "消防救援"]
    assert names("发展和改革、公安、综合行政执法等部门和消防救援机构") == [
        "发展和改革", "公安", "综合行政执法", "消防救援机构"]
    for stem in ("r1302_zibo_wygl_2021", "r1342_weifang_wygl_2022"):
        assert_exact(stem)
    # constructed
    assert names("交通、林草等单位、部门") == ["交通", "林草"]
    assert names("县交通、林草等部门和县气象台") == ["县交通", "县林草", "县气象台"]


def test_a_list_closed_by_a_bare_deng_takes_one_plain_odd_item_as_alike():
    # r1323 第六条: 国家机关、人民团体、企业事业单位、新闻媒体等应当按照各自职责…
    assert names("国家机关、人民团体、企业事业单位、新闻媒体等") == ["国家机关", "人民团体", "企业事业单位", "新闻媒体"]
    assert_exact("r1323_shenzhen_mdjf_2022")
    # constructed: an odd item that is a phrase, or two odd items, make no list
    assert names("县财政局、县教育局、加强管理等") == []
    assert names("县财政局、志愿队伍、行业媒体等") == []


# --- 3. acting by duties: named by who gives them, within their bounds, by the division ------------


def test_duties_named_by_who_gives_them_or_their_bounds_are_acting_by_duty():
    # r1302 第四条 (按照本条例规定的职责), r1322 第三条 (依照市人民政府赋予的职责), r1343 第五条
    # (按照分工做好职责范围内的…, 在各自职责范围内依法做好…)
    assert clause_roles("街道办事处、镇人民政府、居民委员会按照本条例规定的职责，做好辖区内相关工作。") == [
        ("responsible", ["街道办事处", "镇人民政府", "居民委员会"])]
    assert clause_roles("台州湾新区管理机构依照市人民政府赋予的职责，做好辖区内监督管理工作。") == [
        ("responsible", ["台州湾新区管理机构"])]
    # constructed
    assert clause_roles("县林业局按照县人民政府确定的职责，做好护林工作。") == [("responsible", ["县林业局"])]
    assert clause_roles("县水利局在各自职责范围内做好河道巡查。") == [("responsible", ["县水利局"])]
    assert clause_roles("县交通局、县公安局按照分工做好道路安全工作。") == [
        ("responsible", ["县交通局", "县公安局"])]


def test_the_rule_followed_is_no_pivot():
    # r1343: …等部门按照管行业必须管安全…的要求，在各自职责范围内… (要求 a noun, not 要求X做)
    # constructed
    assert clause_roles("县教育、卫生等部门按照上级部署的要求，在各自职责范围内做好防疫工作。") == [
        ("responsible", ["县教育", "县卫生"])]


# --- 4. a listed subject set off by commas from its role word -------------------------------------


def test_a_list_set_off_by_commas_keeps_its_role_word():
    # r1300 第六条, r1342 第五条 (…等部门和机构，按照各自职责，负责…), r1341 (…，依照相关法律法规，按照各自职责做好…),
    # r1321 第六条 and r1323 第四条 (…和其他组织，应当按照各自职责…)
    assert_exact("r1340_zhengzhou_wygl_2007")
    # constructed
    assert clause_roles("县交通、林草等部门，按照各自职责，负责护林防火工作。") == [
        ("responsible", ["县交通", "县林草"])]
    assert clause_roles("县交通局、县林业局，依照有关规定，按照各自职责做好巡查。") == [
        ("responsible", ["县交通局", "县林业局"])]


def test_a_clause_after_the_comma_that_is_a_duty_of_its_own_stops_the_subject():
    # constructed (as r1043's 各镇、街道…是其辖区…, r702's 村（居）作为建设单位): a predicate in the first
    # clause, or a clause between that is no adverbial, leaves the subject unread
    assert clause_roles("县交通局、县林业局，加强巡查，负责护林防火。") == []
    # a list joined by 和 alone, with no 、 or 等, is not taken as set off (the comma may end a clause)
    assert clause_roles("县交通局和县林业局，按照各自职责，负责巡查。") == []


# --- 5. an article's paragraph after a sub-item is the article's ----------------------------------


_ARTICLE = ("第一章 总则\n\n第三条 县林业局负责本县护林工作，履行下列职责：\n\n（一）制定护林规划；\n\n"
            "（二）组织巡山检查。\n\n乡镇林业站负责本乡镇护林工作，履行下列职责：\n\n（一）开展巡查；\n\n"
            "（二）上报火情。\n\n交通、气象等部门按照各自职责，做好护林相关工作。\n\n"
            "第四条 县水利局负责河道管理。\n")


def test_a_paragraph_after_a_sub_item_of_an_article_is_cut_from_it():
    # constructed: the two unnumbered paragraphs of 第三条 (款) are cut from the sub-items before them
    headers = accept_headers(_ARTICLE, detect_layout(_ARTICLE), [])
    cuts = article_item_ends(_ARTICLE, headers)
    cut_texts = sorted(_ARTICLE[c : c + 8].strip()[:6] for c in cuts.values())
    assert cut_texts == ["乡镇林业站负", "交通、气象等"]


def test_an_article_with_duties_after_its_sub_items_is_one_measure():
    # r1340 第六条, r1300 第六条, r1342 第五条, r1322 第四条: the paragraphs after （八） were read as
    # part of （八）, each its own measure
    assert_exact("r1340_zhengzhou_wygl_2007")
    r1300 = evaluated("r1300_beijing_wygl_2024")
    assert not [p for p in r1300.problems if "measure 1" in p], r1300.problems
    r1322 = evaluated("r1322_taizhou_wygl_2021")
    assert not [p for p in r1322.problems if "measure 2" in p], r1322.problems
    # constructed
    assert measure_roles(_ARTICLE) == [
        [("responsible", ["县林业局"]), ("responsible", ["乡镇林业站"]), ("responsible", ["交通", "气象"])],
        [("responsible", ["县水利局"])]]


# --- 6. the heading units again, after a modal; later subjects set off by a comma ------------------


def test_the_heading_units_given_a_second_role_after_a_modal():
    # r1321 第五条: 市、县（市、区）物业管理行政主管部门应当予以协助 → support beside their responsible
    assert_exact("r1321_wenzhou_wygl_2017")
    # constructed: a duty list whose item names its unit again
    text = ("某县护林工作职责\n一、县林业局负责全县护林工作。县林业局应当予以协助。\n"
            "二、县气象局负责火险预报。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("support", ["县林业局"])],
                                   [("responsible", ["县气象局"])]]


# --- 7. a frame 在…指导下 between the subject and its role word ------------------------------------


def test_a_guidance_frame_before_the_role_word_keeps_the_subject():
    # r1300 第十条, r1302 第八条, r1322 第八条: 物业服务人应当（…，）在…指导下（，）积极配合… → support
    assert clause_roles("物业服务人应当在街道办事处、镇人民政府指导下积极配合居民委员会开展工作。") == [
        ("support", ["物业服务人"])]
    # constructed: another party, the frame in a carried clause
    assert clause_roles("县林业站应当执行防火措施，在县林业局指导下，积极配合乡镇开展巡查。") == [
        ("support", ["县林业站"])]
    assert clause_roles("县气象站应当在县政府统一指挥下参与预警发布。") == [("support", ["县气象站"])]


# --- 8. names in lists: 组织 ending a name, a subject inside a verb's object --------------------------


def test_zuzhi_ending_a_listed_name_is_no_pivot():
    # r1323 第四条: …基层群众性自治组织、企业事业单位和其他组织，应当按照各自职责…
    # constructed
    assert clause_roles("县总工会、社区组织、其他组织，应当按照各自职责做好帮扶工作。") == [
        ("responsible", ["县总工会", "社区组织", "其他组织"])]
    # 组织 as a verb before its object still hands the work on
    assert clause_roles("县林业局组织各村负责巡山。") == []


def test_units_inside_the_object_of_an_opening_verb_are_no_subject():
    # r1323 第五条: 形成承担…职能的部门和其他组织协同化解…的工作格局 (协同 inside a noun phrase, r961)
    # constructed
    assert clause_roles("县政府应当统筹，构建承担救助职能的部门和其他组织协同救助的格局。") == []


def test_the_batches_read_exactly():
    for stem in ("r1302_zibo_wygl_2021", "r1303_nanyang_zzxf_2021", "r1320_hangzhou_wygl_2021",
                 "r1321_wenzhou_wygl_2017", "r1323_shenzhen_mdjf_2022", "r1340_zhengzhou_wygl_2007",
                 "r1342_weifang_wygl_2022", "r1343_xinxiang_zzxf_2020"):
        assert_exact(stem)
