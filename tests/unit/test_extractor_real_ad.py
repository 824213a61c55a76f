"""Round AD (batches AF–AK, 总则 chapters of local regulations): grammar, not vocabulary. Each rule
is stated as a shape of names, lists, clauses or paragraphs and pinned here on the real documents it
fixed (tests/corpus_real/, see its README) and on constructed variants: sentences written for these
tests, marked *constructed*, with other words, so the shape rather than the words is what is read.
Constructed variants are not real documents and count in no score."""

from __future__ import annotations

from govgraph.loaders.notice.given_by import holders, placed_clauses
from govgraph.loaders.notice.parse import parse_notice
from govgraph.loaders.notice.sector_lists import typed_sectors
from real_corpus import assert_exact, clause_roles, measure_roles, real_notice

# A chapter of one article giving duties, then an article giving none: the reader's unit of a 总则.
_OPEN = "第一章 总则\n\n第三条 县林业局负责全县护林工作。\n\n"
_CLOSE = "\n\n第四条 县人民政府应当加强护林宣传。\n"


def article(*paragraphs: str) -> list[list[tuple[str, list[str]]]]:
    """The measures read from a constructed 总则 whose 第三条 goes on with ``paragraphs``."""
    return measure_roles(_OPEN + "\n\n".join(paragraphs) + _CLOSE)


# --- 1. a sector list is as long as the sectors it names -------------------------------------------


def test_a_list_of_twenty_sectors_is_one_subject():
    # r1500 第四条: eighteen sectors, then 等有关行政管理部门和单位应当在各自职责范围内负责… (a subject of 107
    # characters); the length of a list says nothing about whether it is one
    assert_exact("r1500_guangzhou_shjjyl_2023")
    # constructed
    sectors = ["交通", "水利", "农业", "卫生", "教育", "民政", "财政", "公安", "商务", "文化旅游", "体育", "气象",
               "海事", "电力", "水文", "人力资源和社会保障", "工业和信息化", "市场监督管理"]
    text = "、".join(sectors) + "等有关行政管理部门和单位应当在各自职责范围内负责防汛相关工作。"
    assert clause_roles(text) == [("responsible", sectors)]
    assert article(text) == [[("responsible", ["县林业局"]), ("responsible", sectors)]]


# --- 2. a paragraph's subject carries over its semicolons ------------------------------------------


def test_a_subject_carries_over_semicolons_to_its_first_role_verb():
    # r1504 第五条: 自然资源主管部门组织编制…；负责…；协助… (responsible), 水行政主管部门组织编制…；组织…；
    # 协助转移… and 交通运输主管部门督促、指导…；协助… (support): the clauses after 、 and ； have no subject
    # of their own, so the paragraph's subject holds the first role verb among them
    assert_exact("r1504_heyuan_byzh_2022")
    # constructed
    assert article("县水利局组织编制防洪规划；组织河道巡查；协助转移受灾群众。",
                   "县交通局督促、指导养护单位开展巡查；协助公安机关实施交通管制。",
                   "县农业局组织编制农业防灾规划，组织排查；负责农业救灾物资的储备。") == [[
        ("responsible", ["县林业局"]), ("support", ["县水利局"]), ("support", ["县交通局"]),
        ("responsible", ["县农业局"])]]
    # a paragraph with no role verb in any clause gives nothing (统筹, 组织, 协调 are none)
    assert article("县应急局统筹组织、协调抢险工作；组织核查灾情。", "县水利局负责河道巡查。") == [[
        ("responsible", ["县林业局"]), ("responsible", ["县水利局"])]]
    # a clause after ； with a subject of its own is that subject's, not the paragraph's
    assert article("县水利局组织编制防洪规划；县气象局协助做好监测。") == [[
        ("responsible", ["县林业局"]), ("support", ["县气象局"])]]


# --- 3. a list set off by a comma, acting within its duties ----------------------------------------


def test_a_list_set_off_from_within_its_duties_keeps_them():
    # r1504 第五条: 发展改革、…、水文等主管部门，应当在各自职责范围内做好… (`在各自职责范围内` read as `按照职责`,
    # r701, r1364), in an article whose other paragraphs each open with a department
    assert_exact("r1504_heyuan_byzh_2022")
    # constructed
    assert article("县水利局负责河道巡查。", "交通、气象、电力等主管部门，应当在各自职责范围内做好防汛相关工作。") == [[
        ("responsible", ["县林业局"]), ("responsible", ["县水利局"]),
        ("responsible", ["交通", "气象", "电力"])]]
    # a role verb after it decides the role
    assert article("县水利局负责河道巡查。", "交通、气象等部门，应当在各自职责范围内配合做好防汛工作。") == [[
        ("responsible", ["县林业局"]), ("responsible", ["县水利局"]), ("support", ["交通", "气象"])]]


# --- 4. the role word after the duties acted by decides ---------------------------------------------


def test_a_role_word_after_the_duties_acted_by_decides_the_role():
    # r1501 第五条: 生态环境、…、市场监督管理等部门应当按照各自职责，协调配合、共同做好… → support (r1042,
    # r1160: 协调 is none, 配合 is), as r1503's 按照各自职责，配合做好…
    assert_exact("r1501_taian_ljfl_2020")
    assert_exact("r1503_taishan_stbh_2018")
    # constructed
    assert clause_roles("交通、气象等部门应当按照各自职责，协调配合、共同做好防汛工作。") == [("support", ["交通", "气象"])]
    assert clause_roles("交通、气象等部门应当在各自职责范围内配合做好防汛工作。") == [("support", ["交通", "气象"])]
    # with no role word after them the duties acted by are the cue: responsible
    assert clause_roles("交通、气象等部门应当在各自职责范围内做好防汛工作。") == [("responsible", ["交通", "气象"])]


# --- 5. governing verbs joined, and principles named by a role word ---------------------------------


def test_governing_verbs_joined_by_bing_govern_the_bodies_after_them():
    # r1501 第四条: 乡镇人民政府、街道办事处负责…，统筹指导并监督居民委员会、村民委员会参与相关活动: the 参与 is
    # the committees' as objects of 指导并监督 (r751), they take no role
    assert_exact("r1501_taian_ljfl_2020")
    # constructed
    assert clause_roles("县林业局负责护林，指导并督促村民委员会参与巡山。") == [("responsible", ["县林业局"])]
    assert clause_roles("县林业局负责护林，统筹组织护林员参与巡山。") == [("responsible", ["县林业局"])]


def test_a_role_word_in_a_list_of_principles_is_none():
    # r1501 第三条: …工作遵循政府推动、全民参与、城乡统筹、因地制宜、简便易行的原则 (r961, r1241)
    assert_exact("r1501_taian_ljfl_2020")
    # constructed
    text = ("第一章 总则\n\n第二条 护林工作遵循政府主导、社会参与、分级管理的原则。\n\n"
            "第三条 县林业局负责全县护林工作。\n\n县水利局负责河道巡查。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("responsible", ["县水利局"])]]
    text = ("第一章 总则\n\n第二条 养犬管理实行政府负责、部门协作、基层参与、养犬人自律、公众监督的原则。\n\n"
            "第三条 县林业局负责全县护林工作。\n\n县水利局负责河道巡查。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("responsible", ["县水利局"])]]
    # a role word followed by its own object after 、 is still one
    assert clause_roles("县气象局参与、配合县林业局做好监测。") == [("support", ["县气象局"])]


# --- 6. sector lists: joined to a second list, renamed sectors, a bracketed kind -----------------


def sectors(text: str) -> list[str] | None:
    """The bodies a list of sectors reads as (sector_lists.typed_sectors), or None."""
    got = typed_sectors(text, 0, len(text))
    return None if got is None else [u.name for u in got]


def test_a_list_of_sectors_joined_to_a_list_of_institutions():
    # r1440 第六条: 发展改革、…、市场监督管理等部门和党史史志研究、档案等机构，按照各自职责做好… (r963, r1401)
    assert_exact("r1440_linyi_hswh_2020")
    # constructed
    assert sectors("交通、水利等部门和地方志、档案等机构") == ["交通", "水利", "地方志", "档案"]
    # the second list must be sectors too: bodies named in full after 和 stay as they are read
    assert sectors("交通、水利等部门和镇人民政府、街道办事处") == ["交通", "水利", "镇人民政府", "街道办事处"]
    assert sectors("交通、水利等部门和加强领导、落实责任等机构") is None
    # or a list of bodies closed by 等组织
    assert sectors("教育、民政等部门和工会、共青团、妇联等组织") == ["教育", "民政", "工会", "共青团", "妇联"]


def test_a_sector_with_its_newer_name_bracketed_is_the_sector():
    # r1401 第五条: 发展改革、…、工商行政管理（市场监管）、人民防空等部门和乡（镇）人民政府、街道办事处按照各自职责…
    got = {u.name for m in real_notice("r1401_dongying_cxgh_2017").measures for a in m.attributions
           for u in a.units}
    assert {"工商行政管理", "人民防空", "乡（镇）人民政府", "街道办事处"} <= got
    # constructed
    assert sectors("交通、卫生计生（卫生健康）、水利等部门") == ["交通", "卫生计生", "水利"]
    # a level in brackets is no newer name: the alternatives stay (r505)
    assert sectors("县（市）交通、水利等部门") == ["县（市）交通", "县（市）水利"]


def test_a_kind_widened_by_a_bracket_closes_the_list():
    # r1502 第五条: 市、县（市、区）人民政府发展改革、…、气象等部门（机构）在各自职责范围内… (r1303, r1403)
    assert_exact("r1502_zhoukou_dqwr_2020")
    # constructed
    assert sectors("市、县人民政府交通、气象等部门（机构）") == [
        "市人民政府交通", "县人民政府交通", "市人民政府气象", "县人民政府气象"]
    assert sectors("交通、气象等单位（部门）") == ["交通", "气象"]


# --- 7. places sharing a department --------------------------------------------------------------


def names(text: str) -> list[str]:
    """The bodies a list at a clause's head reads as (given_by.holders)."""
    return [u.name for u in holders(text, 0, len(text)) or []]


def test_places_before_a_places_department_share_it():
    # r1464 第三条: 县（市、区）、济宁高新技术产业开发区、太白湖新区、济宁经济技术开发区城市绿化行政主管部门负责…;
    # r1463 第四条: 各县（市）、石龙区城市绿化行政主管部门…, 新华区、卫东区、湛河区城市绿化主管部门和…管委会…
    assert_exact("r1463_pingdingshan_cslh_2018")
    assert_exact("r1464_jining_cslh_2018")
    # constructed
    assert names("甲县、乙新区、丙经济开发区林业主管部门") == [
        "甲县林业主管部门", "乙新区林业主管部门", "丙经济开发区林业主管部门"]
    assert names("县（市）、甲区水利行政主管部门和乙区管委会") == [
        "县（市）水利行政主管部门", "甲区水利行政主管部门", "乙区管委会"]
    # the shortest place is the one the department belongs to (…开发区城市…: 城市 is the department's)
    assert names("甲县、乙开发区城市管理部门") == ["甲县城市管理部门", "乙开发区城市管理部门"]
    # a place's own body, not a department, is not shared
    assert names("各区、临港新片区管委会") == ["各区", "临港新片区管委会"]


# --- 8. 统一负责, and a causative verb's object across a comma ------------------------------------


def test_an_adverb_before_fuze_leaves_the_role_word():
    # r1464 第三条: 市城市绿化行政主管部门统一负责… (r1001)
    assert_exact("r1464_jining_cslh_2018")
    # constructed
    assert clause_roles("县林业局统一负责全县护林工作。") == [("responsible", ["县林业局"])]


def test_a_causative_verbs_object_holds_the_role_word_after_a_comma():
    # r1464 第六条: 各级人民政府应当组织开展…活动，鼓励单位和个人以投资、捐资…等形式，参与城市绿化工作 (r751)
    assert_exact("r1464_jining_cslh_2018")
    # constructed: the subject has no role word of its own
    text = ("第一章 总则\n\n第三条 县林业局负责全县护林工作。\n\n县水利局负责河道巡查。\n\n"
            "第四条 县人民政府应当组织护林活动，鼓励村民以认养、捐资等形式，参与护林。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("responsible", ["县水利局"])]]


# --- 9. heads of something are leadership posts ------------------------------------------------------


def test_a_head_given_a_role_word_is_an_official():
    # r1422 第四条 (水系保护实行河长制。各级河长负责组织…) and r1441 第九条, 第十八条 (副团长协助团长工作, 副秘书长
    # 协助秘书长工作): a post named as the head (…长) of something, a leadership post as 主任 and 书记 are
    assert_exact("r1422_xuchang_hhsx_2018")
    assert_exact("r1441_henan_rdysgz_2010")
    # constructed
    text = ("第一章 总则\n\n第三条 林区保护实行林长制。各级林长负责组织护林工作。\n\n第四条 县林业局负责全县护林工作。\n\n"
            "县水利局负责河道巡查。\n\n第五条 副站长协助站长工作。\n\n第六条 家长应当配合学校做好护林教育。\n")
    got = [([(a.role, [u.name for u in a.units]) for a in m.attributions], [(o.name, o.role) for o in m.officials])
           for m in parse_notice(text).measures]
    assert got == [([], [("各级林长", "负责")]),
                   ([("responsible", ["县林业局"]), ("responsible", ["县水利局"])], []),
                   ([], [("副站长", "协助")])]  # 家长 (parents) is no post


# --- 10. 对…负总责; a role word naming what goes into a mechanism ------------------------------------


def test_answering_overall_for_something_is_fuze():
    # r1482 第三条: 市人民政府对市区饮用水水源保护工作负总责 (r1204), in a later paragraph of its article
    got = {u.name for m in real_notice("r1482_shangqiu_ysysbh_2018").measures for a in m.attributions
           for u in a.units}
    assert "市人民政府" in got
    # constructed
    assert clause_roles("县人民政府对全县护林工作负总责。") == [("responsible", ["县人民政府"])]
    assert article("县人民政府对全县护林工作负总责。") == [[("responsible", ["县林业局"]),
                                                   ("responsible", ["县人民政府"])]]


def test_a_role_word_inside_the_mechanism_set_up_is_none():
    # r1480 第八条: 县（区）、乡（镇）人民政府应当建立政府补助、村集体资金及社会资金参与、村民自愿付费相结合的资金投入机制
    assert_exact("r1480_puyang_ncljzl_2019")
    # constructed
    text = ("第一章 总则\n\n第三条 县林业局负责全县护林工作。\n\n县水利局负责河道巡查。\n\n"
            "第四条 县人民政府应当建立财政补助、社会资金参与、村民自愿投劳相结合的护林投入机制。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("responsible", ["县水利局"])]]
    # the subject's own role word after the mechanism still counts
    text = text.replace("护林投入机制。", "护林投入机制，配合县林业局做好巡查。")
    assert measure_roles(text)[1] == [("support", ["县人民政府"])]


# --- 11. one level's department joined by 和 to the levels of a sector list -------------------------


def test_a_department_joined_to_the_levels_of_a_sector_list():
    # r1480 第五条: 市人民政府生态环境和市、县（区）人民政府发展改革、…、教育等部门在各自职责范围内做好…
    assert_exact("r1480_puyang_ncljzl_2019")
    # constructed
    assert sectors("县林业和市、县交通、水利等部门") == ["县林业", "市交通", "县交通", "市水利", "县水利"]
    # two bare levels joined by 和 open the list as 市、区（县） does (r1482's 市和…县（区）水行政、农业…)
    assert sectors("市和区（县）交通、水利等部门") == ["市交通", "区（县）交通", "市水利", "区（县）水利"]
    assert sectors("市和县人民政府交通、水利等部门") == [
        "市人民政府交通", "县人民政府交通", "市人民政府水利", "县人民政府水利"]
    # 和 inside a sector's name joins no level
    assert sectors("教育和体育、卫生等部门") == ["教育和体育", "卫生"]


# --- 12. a pair of bodies set off by the rule they act by --------------------------------------------


def test_two_bodies_set_off_by_the_rule_they_follow_state_their_duty():
    # r1443 第五条: 德州经济技术开发区管理委员会和运河经济开发区管理委员会，参照本条例关于县（市、区）人民政府的规定，
    # 履行辖区内文物保护管理职责 (履行…职责, r1381; 参照…规定 an adverbial as 依照…规定)
    assert_exact("r1443_dezhou_wwbh_2018")
    # constructed
    assert clause_roles("甲开发区管理委员会和乙开发区管理委员会，参照本条例关于县人民政府的规定，履行辖区内护林职责。") == [
        ("responsible", ["甲开发区管理委员会", "乙开发区管理委员会"])]
    assert article("甲开发区管理委员会和乙开发区管理委员会，参照本条例关于县人民政府的规定，履行辖区内护林职责。") == [[
        ("responsible", ["县林业局"]), ("responsible", ["甲开发区管理委员会", "乙开发区管理委员会"])]]
    # a clause with a predicate of its own before the comma is no subject set off
    assert clause_roles("加强领导和协调，参照本条例的规定，履行护林职责。") == []


# --- 13. a body designated, then a clause opening with its role word ----------------------------------


def test_a_body_designated_then_given_its_duty_holds_it():
    # r1461 第五条: …应当根据本辖区实际情况明确历史文化街区的管理机构，负责日常保护和管理工作; r1442 第四条: …应当建立
    # 健全…机制，明确相应工作机构，负责统筹协调… (as 设立…，负责…, r1241, and 明确…，由其负责…, r1422)
    got = {u.name for m in real_notice("r1461_quzhou_lswhjq_2021").measures for a in m.attributions
           for u in a.units}
    assert "历史文化街区的管理机构" in got
    got = {u.name for m in real_notice("r1442_zhengluoxin_zzcx_2020").measures for a in m.attributions
           for u in a.units}
    assert "相应工作机构" in got
    # constructed
    t = "县人民政府应当明确护林工作站，负责日常巡护。"
    assert [(a.role, [u.name for u in a.units]) for a in placed_clauses(t, 0, len(t))] == [
        ("responsible", ["护林工作站"])]
    t = "县人民政府应当根据实际情况明确林区的巡护机构，负责日常巡护。"
    assert [(a.role, [u.name for u in a.units]) for a in placed_clauses(t, 0, len(t))] == [
        ("responsible", ["林区的巡护机构"])]
    # a department still to be designated by a relative clause is a noun phrase (r1444); a duty made
    # clear is no body
    for t in ("县人民政府应当明确负责护林的部门。", "县人民政府应当明确护林责任，负责护林。"):
        assert placed_clauses(t, 0, len(t)) == []


# --- 14. lists with items named by a clause; a body named by its kind --------------------------------


def test_a_list_with_items_named_by_a_clause():
    # r1424 第四条: 承担优化营商环境工作的有关部门、法律法规授权的具有管理公共事务职能的组织、司法机关、人民团体和社会组织
    # 按照各自职责，做好… (r701, r1360: the clause is what names the collective; split at 和)
    assert_exact("r1424_jinan_yhyshj_2022")
    # constructed
    assert clause_roles("承担护林工作的有关部门、司法机关和人民团体按照各自职责，做好护林工作。") == [
        ("responsible", ["承担护林工作的有关部门", "司法机关", "人民团体"])]
    assert clause_roles("法律法规授权的具有管理公共事务职能的组织、县林业局应当按照各自职责做好护林工作。") == [
        ("responsible", ["法律法规授权的具有管理公共事务职能的组织", "县林业局"])]
    # an item that is neither a body nor named by a clause leaves the list unread
    assert clause_roles("承担护林工作的有关部门、加强宣传按照各自职责，做好护林工作。") == []


def test_a_body_designated_by_the_work_it_does_is_named_by_its_kind():
    # r1424 第四条: 市、区县人民政府应当健全优化营商环境工作机构，由其负责… (优化 opens a task elsewhere)
    assert_exact("r1424_jinan_yhyshj_2022")
    # constructed
    t = "县人民政府应当健全优化护林服务工作机构，由其负责日常巡护。"
    assert [(a.role, [u.name for u in a.units]) for a in placed_clauses(t, 0, len(t))] == [
        ("responsible", ["优化护林服务工作机构"])]
    # a role word in the body's name is a duty, not a name
    t = "县人民政府应当明确牵头部门，负责日常巡护。"
    assert placed_clauses(t, 0, len(t)) == []


# --- 15. market entities; 督促落实 ------------------------------------------------------------------


def test_market_entities_fulfilling_their_obligations_are_a_party():
    # r1424 第五条, r1444 第四条: 市场主体应当遵守法律法规，…，履行法定义务，… (as 业主, 物业服务人: r656, r1022)
    assert_exact("r1424_jinan_yhyshj_2022")
    assert_exact("r1444_guangdong_yhyshj_2022")
    # constructed
    assert clause_roles("市场主体应当诚实守信，履行法定义务。") == [("responsible", ["市场主体"])]


def test_urging_run_into_carrying_out_is_the_subjects_own_verb():
    # r1444 第五条: 各级人民政府应当加强…组织领导，统筹推进、督促落实优化营商环境工作，… (r1024)
    assert_exact("r1444_guangdong_yhyshj_2022")
    # constructed
    assert clause_roles("县人民政府应当加强领导，统筹推进、督促落实护林工作。") == [("responsible", ["县人民政府"])]
    # 督促 with an object: the object carries it out (r1002, r1323)
    assert clause_roles("县人民政府应当加强领导，督促相关部门落实护林工作。") == []


# --- 16. a list after a clause saying where its bodies are -------------------------------------------


def test_a_clause_saying_where_the_bodies_are_is_kept_on_the_first_name():
    # r1461 第六条: 历史文化街区所在地的乡（镇）人民政府或者街道办事处、村（居）民委员会应当协助… (as 所在街道, r1141;
    # the alternatives joined by 或者 one unit, r900, r1341)
    assert_exact("r1461_quzhou_lswhjq_2021")
    # constructed: in running text and as a later paragraph of an article
    assert clause_roles("林区所在地的镇人民政府、村民委员会应当协助县林业局做好巡护。") == [
        ("support", ["林区所在地的镇人民政府", "村民委员会"])]
    assert article("林区所在的镇人民政府、村民委员会应当协助县林业局做好巡护。") == [[
        ("responsible", ["县林业局"]), ("support", ["林区所在的镇人民政府", "村民委员会"])]]


# --- 17. sector lists of a provincial regulation --------------------------------------------------


def test_a_level_named_by_its_rank_is_restored_on_every_sector():
    # the written prefix restored on each sector (r1120, r1362, r1503), for the levels a province's
    # regulation names by rank (县级以上人民政府…主管部门, r1244, r1384)
    # constructed
    assert clause_roles("县级以上人民政府发展改革、财政、自然资源等有关部门按照各自职责，做好湿地保护相关工作。") == [
        ("responsible", ["县级以上人民政府发展改革", "县级以上人民政府财政", "县级以上人民政府自然资源"])]
    assert sectors("设区的市人民政府交通、水利等部门") == ["设区的市人民政府交通", "设区的市人民政府水利"]
    # a sector opening with a level character is no level (市场监管)
    assert sectors("市场监管、水利等部门") == ["市场监管", "水利"]


def test_fields_ending_as_bodies_do_are_sectors_of_a_shared_kind():
    # the kind written once on the last sector (r1203), with fields ending in 业 (农业, 林业)
    # constructed
    assert sectors("县级以上人民政府林业、水利、生态环境主管部门") == [
        "县级以上人民政府林业主管部门", "县级以上人民政府水利主管部门", "县级以上人民政府生态环境主管部门"]
    assert sectors("县农业、交通部门") == ["县农业部门", "县交通部门"]


def test_organisations_close_a_list_as_departments_do():
    # constructed (as 等部门, r1120: the closing kind left out)
    assert clause_roles("工会、共青团、妇联、残联等群团组织应当协助做好全民健身工作。") == [
        ("support", ["工会", "共青团", "妇联", "残联"])]


# --- 18. articles of a 总则 are read by their own words ---------------------------------------------


def test_an_article_opening_with_a_unit_but_no_role_word_is_no_duty():
    # AE, AK: the duty-list default (no role verb → responsible) is applied under a duties heading
    # only, however many articles of a 总则 open with a unit
    # constructed
    text = ("第一章 总则\n\n第五条 县林业局负责全县护林工作。\n\n县水利局负责河道巡查。\n\n"
            "第六条 镇人民政府、街道办事处负责本辖区护林工作。\n\n第七条 护林协会应当加强行业自律管理。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"]), ("responsible", ["县水利局"])],
                                   [("responsible", ["镇人民政府", "街道办事处"])]]
    # under a chapter whose title names duties the default stands (r941, r1123)
    duties = text.replace("第一章 总则", "第二章 管理职责")
    assert measure_roles(duties)[-1] == [("responsible", ["护林协会"])]


def test_a_duty_done_in_the_course_of_duties_is_no_duty_stated():
    # r1420 第七条: …主管部门应当记录在履行职责过程中获取的…信息 (a noun phrase, r1243), and its 第六条, the
    # chapter's one measure, is read though it is the only one
    assert_exact("r1420_ningbo_gzxs_2014")
    # constructed
    text = ("第一章 总则\n\n第一条 为了保护森林，制定本条例。\n\n第二条 县林业局负责全县护林工作。\n\n"
            "第三条 县评优活动应当将护林情况作为依据。\n\n县水利局应当记录在履行职责过程中获取的信息。\n")
    assert measure_roles(text) == [[("responsible", ["县林业局"])]]


# --- 19. a later paragraph's subject before a bare modal; 设区的市 -----------------------------------


def test_a_later_paragraphs_subject_before_a_bare_modal():
    # r1402 第四条's shape (村（居）民委员会应当协助…) as a later paragraph of an article read as a duty item,
    # its first paragraph set off by 在…指导下 (r1462)
    # constructed
    text = ("第一章 总则\n\n第三条 县林业局负责全县护林工作。\n\n县水利局负责河道巡查。\n\n"
            "第四条 镇人民政府在县林业局的指导下，负责本辖区护林工作。\n\n村民委员会应当协助镇人民政府做好护林工作。\n")
    assert measure_roles(text)[1] == [("responsible", ["镇人民政府"]), ("support", ["村民委员会"])]
    # a modal before a rule phrase swallowing a verb leaves the subject unread (r1461 第五条)
    assert_exact("r1461_quzhou_lswhjq_2021")


def test_a_city_divided_into_districts_is_a_level():
    # 设区的市: a kind of city, its 的 no clause (the levels of r1360)
    # constructed
    assert clause_roles("设区的市、县（市、区）人民政府林业主管部门负责本行政区域内湿地保护工作。") == [
        ("responsible", ["设区的市人民政府林业主管部门", "县（市、区）人民政府林业主管部门"])]
    assert article("设区的市、县人民政府水利主管部门负责河道巡查。") == [[
        ("responsible", ["县林业局"]), ("responsible", ["设区的市人民政府水利主管部门", "县人民政府水利主管部门"])]]


def test_acting_according_to_ones_duties_with_yizhao():
    # 依照各自职责 is 按照各自职责 (r1322's 依照…赋予的职责); 依据各自的法定职责 names the law (r941)
    # constructed
    assert article("发展改革、财政、公安等部门应当依照各自职责，共同做好护林相关工作。") == [[
        ("responsible", ["县林业局"]), ("responsible", ["发展改革", "财政", "公安"])]]
    assert clause_roles("交通、水利等部门依据各自职责做好护林工作。") == [("responsible", ["交通", "水利"])]
    assert clause_roles("交通、水利等部门依据各自的法定职责对林区进行检查。") == []
