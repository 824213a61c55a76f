"""Round AE (batches AL–AQ, 总则 chapters of local regulations): grammar, not vocabulary. Each rule
is stated as a shape of names, lists, clauses or paragraphs and pinned here on the real documents it
fixed (tests/corpus_real/, see its README) and on constructed variants: sentences written for these
tests, marked *constructed*, with other words, so the shape rather than the words is what is read.
Constructed variants are not real documents and count in no score."""

from __future__ import annotations

from real_corpus import assert_exact, clause_roles, measure_roles

# --- 1. what a sector may be written as ---------------------------------------------------------------


def test_a_merged_sector_may_join_a_longer_field():
    # r1541 第五条: 城市管理和综合行政执法 (4 + 6 characters), one merged department's field among
    # sectors closed by 等有关部门
    assert_exact("r1541_shanwei_ncjf_2022")
    # constructed
    assert clause_roles("水利、城乡建设和综合行政执法、气象等部门应当按照各自职责做好防汛工作。") == [
        ("responsible", ["水利", "城乡建设和综合行政执法", "气象"])]


def test_a_sector_may_hold_a_narrower_field_in_brackets():
    # r1583 第五条: 文化（文物）旅游, the department that holds relics too, one sector kept as written
    # constructed
    assert clause_roles("农业、文化（体育）旅游、财政等有关部门按照各自职责，做好保护工作。") == [
        ("responsible", ["农业", "文化（体育）旅游", "财政"])]
    # a bracket around a task is no field: 加强（落实）… is no list of sectors
    assert clause_roles("加强（落实）监督、财政等有关部门按照各自职责，做好保护工作。") != [
        ("responsible", ["加强（落实）监督", "财政"])]


# --- 2. a short name given to a list of sectors -------------------------------------------------------


def test_a_sector_list_given_a_short_name_keeps_its_sectors():
    # r1564 第六条: 林业、水务、…、城市管理等部门（以下统称湿地保护管理部门）应当按照各自职责，负责…: the short name
    # closes the list, dropped as an alias is (r601)
    assert_exact("r1564_zhengzhou_sdbh_2020")
    # constructed
    assert clause_roles("交通、水利、气象等部门（以下简称防汛部门）应当按照各自职责，配合做好防汛工作。") == [
        ("support", ["交通", "水利", "气象"])]


def test_sectors_joined_by_yiji_to_bodies_and_sectors_closed_by_their_own_kind():
    # r1540 第四条: 市文化广电旅游、…、市场监督等部门以及消防救援、宋都古城文化产业园区管理委员会等机构: 以及 joins
    # as 和 does, and the list after it may mix sectors and bodies named in full; the place prefix of
    # the first list is not carried over onto the second
    assert_exact("r1540_kaifeng_gcbh_2020")
    # constructed
    assert clause_roles("县水利、交通等部门以及气象、县防汛抗旱指挥部办公室等机构应当按照各自职责，做好防汛工作。") == [
        ("responsible", ["县水利", "县交通", "气象", "县防汛抗旱指挥部办公室"])]


# --- 3. the clause around a subject --------------------------------------------------------------------


def test_the_body_worked_with_holds_no_duty():
    # r1540 第四条: 市资源规划主管部门会同市文物行政主管部门负责…: 会同 names whom the subject works with (r701)
    assert_exact("r1540_kaifeng_gcbh_2020")
    # constructed
    assert clause_roles("县水利局会同县农业局负责灌区管理工作。") == [("responsible", ["县水利局"])]


def test_duties_named_after_the_law_they_act_by_are_the_cue():
    # r1545 第四条: …等有关部门应当按照相关法律、法规和各自职责，做好…: the subject's own duties, named
    # beside the law, as 按照各自职责 alone
    # constructed
    assert clause_roles("县水利、交通等有关部门应当按照有关法律、法规和各自职责，做好防汛工作。") == [
        ("responsible", ["县水利", "县交通"])]
    # the law alone is no cue (按照规定, r1342)
    assert clause_roles("县水利、交通等有关部门应当按照有关法律、法规，做好防汛工作。") == []


# --- 4. an article of a 总则 is one measure --------------------------------------------------------------


def test_an_article_whose_first_paragraph_gives_no_duty_keeps_its_later_paragraphs():
    # r1545 第四条: 自治县、乡（镇）人民政府领导… (no role word), then three paragraphs each opening with
    # departments given a duty: the article's own paragraphs (款), one measure, not three items
    assert_exact("r1545_jingning_mjwh_2010")
    # constructed: however many of its paragraphs open with a unit
    text = ("第一章 总则\n\n第四条 县人民政府领导本县的防汛工作。\n\n县水利局负责河道巡查。\n\n"
            "县气象局负责气象监测。\n\n县交通、电力等部门应当按照各自职责，做好防汛工作。\n\n"
            "第五条 县人民政府应当加强防汛宣传。\n")
    assert measure_roles(text) == [[("responsible", ["县水利局"]), ("responsible", ["县气象局"]),
                                    ("responsible", ["县交通", "县电力"])]]


# --- 5. levels and the bodies named after them ----------------------------------------------------------


def test_two_bare_levels_joined_by_he_are_two_levels():
    # r1562 第五条: 市和区、县信息化主管部门负责… → 市…, 区…, 县信息化主管部门, as 市、区、县 would be (r1104)
    # constructed
    assert clause_roles("省和市、县水行政主管部门负责河道管理工作。") == [
        ("responsible", ["省水行政主管部门", "市水行政主管部门", "县水行政主管部门"])]


def test_a_city_divided_into_districts_is_a_level():
    # r1602 第五条: 设区的市、县（市、区）人民政府确定的部门 → one per government
    # constructed
    assert clause_roles("设区的市、县人民政府应当负责防汛工作。") == [
        ("responsible", ["设区的市人民政府", "县人民政府"])]


def test_a_kind_of_body_is_named_by_the_bodies_it_belongs_to():
    # r1561 第三条: 市和区、县（市）交通运输主管部门所属的公路管理机构具体负责… → three bodies, each by its owner;
    # r1602 第五条: 其所属的公共信用工作机构（以下简称…）, 县级以上人民政府确定的公共数据工作机构 (a designated
    # kind of body, two issuers, one shape); r1222's 县（市）人民政府确定的数据资源主管部门
    for stem in ("r1561_hangzhou_gl_2015", "r1222_aba_zwsj_2021"):
        assert_exact(stem)
    # constructed
    assert clause_roles("市、县林业主管部门所属的森林公安机构负责林区治安工作。") == [
        ("responsible", ["市林业主管部门所属的森林公安机构", "县林业主管部门所属的森林公安机构"])]
    assert clause_roles("县水利局负责灌区工作，其所属的水利工程管理站（以下简称管理站）具体负责渠道养护。") == [
        ("responsible", ["县水利局"]), ("responsible", ["其所属的水利工程管理站"])]
    # a body with a name of its own after the clause is that body (其所属的宝山区水利管理所, r1162)
    assert clause_roles("县水利局所属的甲县水利管理所负责河道养护。") != [
        ("responsible", ["县水利局所属的甲县水利管理所"])]


def test_a_body_joined_by_he_to_a_bare_level_is_that_body():
    # r1543 第四条: 街道办事处和乡、镇人民政府按照职责分工负责… → 街道办事处, 乡人民政府, 镇人民政府
    # constructed
    assert clause_roles("县林业局和乡、镇人民政府负责护林工作。") == [
        ("responsible", ["县林业局", "乡人民政府", "镇人民政府"])]


# --- 6. an adverb before the role verb --------------------------------------------------------------------


def test_yifa_with_no_modal_before_a_role_verb():
    # r1620 第五条: 村民委员会、居民委员会依法协助人民政府管理宗教事务 → support, as after 应当依法
    assert_exact("r1620_shandong_zjsw_2019")
    # constructed
    assert clause_roles("县水利局、县农业局依法负责灌区管理工作。") == [
        ("responsible", ["县水利局", "县农业局"])]
    # a definition's clause (…机构依法履行职责、提供…的记录, r1244) gives no body a duty
    assert clause_roles("公共数据，是指公共服务机构依法履行职责过程中获取的记录。") == []


def test_a_sector_list_behind_a_place_named_in_full_and_its_government():
    # r1542 第七条: 浚县人民政府住房城乡建设、规划、文物、城市管理等主管部门 → 浚县人民政府规划, … (the prefix
    # restored on each sector, as 县人民政府… is, r1303)
    assert_exact("r1542_hebi_xxgc_2020")
    # constructed
    assert clause_roles("甲山县人民政府水利、交通等部门按照各自职责，做好防汛工作。") == [
        ("responsible", ["甲山县人民政府水利", "甲山县人民政府交通"])]


def test_zeren_fengong_reads_as_zhize_fengong():
    # r1560 第四条: 区县（自治县）人民政府应当按照责任分工加强对…的组织领导 (the README's decision: 责任 names
    # the body's own duties, as 职责 does)
    assert_exact("r1560_chongqing_kczy_2020")
    # constructed
    assert clause_roles("县水利局应当按照责任分工加强河道管理。") == [("responsible", ["县水利局"])]


# --- 7. where the bodies are --------------------------------------------------------------------------


def test_bodies_located_by_suozaidi_or_along_a_line():
    # r1583 第六条: 传统村落所在地乡（镇）人民政府、街道办事处应当…，履行下列职责 (所在地 with no 的, 所在 one word);
    # r1622 第五条: 城市轨道交通沿线的区、县（市）人民政府…配合… (the line they lie along); the clause kept on
    # the first name only (r1424, r1461)
    assert_exact("r1583_lishui_ctcl_2019")
    # constructed
    assert clause_roles("水库所在地镇人民政府、街道办事处负责库区巡查。") == [
        ("responsible", ["水库所在地镇人民政府", "街道办事处"])]
    assert clause_roles("高速公路沿线的镇人民政府、街道办事处应当协助做好护路工作。") == [
        ("support", ["高速公路沿线的镇人民政府", "街道办事处"])]


# --- 8. what the units do by their own duties ------------------------------------------------------------


def test_the_work_within_their_own_duties_and_yifa_in_a_you_clause():
    # r1544 第五条: 并由本级人民政府消防救援机构依法负责实施 (依法 before the 由-clause's role word), and
    # 各级人民政府其他有关行政管理部门，按照…的要求，依法做好各自职责范围内的消防工作 (the README's decision: the work
    # named by the units' own duties, the cue of 在各自职责范围内做好…; a collective set off by the requirement)
    assert_exact("r1544_shantou_xf_2022")
    # constructed
    assert clause_roles("县其他有关部门依法做好各自职责范围内的防汛工作。") == [("responsible", ["县其他有关部门"])]
    assert clause_roles("县其他有关部门，按照防汛工作的要求，做好各自职责范围内的防汛工作。") == [
        ("responsible", ["县其他有关部门"])]
    # the requirement alone is no cue (r1300)
    assert clause_roles("县其他有关部门，按照防汛工作的要求，做好防汛工作。") == []


def test_quxian_is_one_level_before_a_sector_list():
    # r1603 第五条: 市、区县（自治县）人民政府发展改革、财政、…等部门依据各自职责，负责… (区县, the districts and
    # counties of a municipality, one level, as in r1404's 区县（自治县）人民政府)
    # constructed
    assert clause_roles("市、区县人民政府水利、交通等部门依据各自职责，负责防汛工作。") == [
        ("responsible", ["市人民政府水利", "区县人民政府水利", "市人民政府交通", "区县人民政府交通"])]


def test_a_body_set_up_under_a_clause_saying_who_heads_it():
    # r1523 第六条: 市、县（市、区）人民政府应当设立由行政首长担任总指挥的森林防火指挥机构，负责… → the body set up,
    # the relative clause left out (r1422), the governments setting it up nothing (r653)
    from govgraph.loaders.notice.given_by import set_up_clauses

    text = "县人民政府应当设立由分管副县长担任指挥长的防汛抗旱指挥部，负责全县防汛工作。"  # constructed
    assert [(a.role, [u.name for u in a.units]) for a in set_up_clauses(text, 0, len(text))] == [
        ("responsible", ["防汛抗旱指挥部"])]


def test_acting_by_their_responsibility_in_a_field():
    # r1523 第四条: 乡（镇）人民政府、村（居）民委员会应当按照森林防火责任，做好… (the README's decision: the bodies'
    # own responsibility, read as 按照职责)
    # constructed
    assert clause_roles("镇人民政府、村民委员会应当按照防汛责任，做好防汛工作。") == [
        ("responsible", ["镇人民政府", "村民委员会"])]
    # a requirement is none (r1300)
    assert clause_roles("镇人民政府、村民委员会应当按照防汛要求，做好防汛工作。") == []


def test_bounds_of_duty_set_by_another_body_and_a_body_designated_with_its_staff():
    # r1521 第四条: 镇人民政府、街道办事处在区（市）人民政府确定的职责范围内做好…，应当明确相应的工作机构和工作人员，
    # 具体负责… → the two governments (the bounds of their duties, named by who sets them) and the body
    # designated (r1442's 明确相应工作机构，负责…), its staff labelled nothing
    assert_exact("r1521_zaozhuang_ncgl_2020")
    from govgraph.loaders.notice.given_by import placed_clauses

    # constructed
    assert clause_roles("镇人民政府在县人民政府确定的职责范围内做好防汛工作。") == [("responsible", ["镇人民政府"])]
    text = "镇人民政府应当明确相应的管理机构和专职人员，具体负责水库巡查。"
    assert [[u.name for u in a.units] for a in placed_clauses(text, 0, len(text))] == [["相应的管理机构"]]


def test_xietong_carried_and_those_guided_by_the_subject():
    # r1621 第四条: 内陆县（市、区）人民政府应当以…为重点，确保…，协同做好… (协同 carried over the clauses, as 配合)
    # and …应当做好…，并指导村（居）民委员会配合做好… (those guided are the object of 指导, no subject of 配合)
    assert_exact("r1621_weifang_hadb_2019")
    # constructed
    assert clause_roles("县水利局应当加强河道管理，协同做好防汛工作。") == [("support", ["县水利局"])]
    assert clause_roles("县水利局应当做好河道工作，并指导村民委员会配合做好河道保护工作。") == []


def test_a_body_working_with_others_then_its_duties_named_beside_the_law():
    # r1562 第七条: 市质量技术监督行政主管部门应当会同信息化主管部门及其他有关部门，根据…以及职责权限，制定… (the
    # README's decision: 根据…职责权限 names the department's own duties; the bodies after 会同 nothing, r701)
    assert_exact("r1562_beijing_xxh_2007")
    # constructed
    assert clause_roles("县水利局应当会同县气象局，根据防汛形势以及职责权限，制定防汛预案。") == [
        ("responsible", ["县水利局"])]


def test_a_party_named_by_the_places_it_runs():
    # r1543 第六条: 商场、机场、车站、码头等公共场所的经营管理者应当协助… → the party as written (the places say
    # which managers; as r1424's parties named by a clause)
    assert_exact("r1543_xinyang_srhw_2019")
    # constructed
    assert clause_roles("公园、广场等公共场所的管理单位应当配合做好防汛工作。") == [
        ("support", ["公园、广场等公共场所的管理单位"])]


def test_two_bare_levels_joined_by_he_before_a_sector_list():
    # r1622 第六条: 市和区、县（市）建设、城市管理等部门分别负责… → the three levels distributed sector by sector
    # (和 read as 、, r1482, r1562)
    # constructed
    assert clause_roles("省和市、县水利、交通等部门分别负责防汛工作。") == [
        ("responsible", ["省水利", "市水利", "县水利", "省交通", "市交通", "县交通"])]
