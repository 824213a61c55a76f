"""Round AF (batches AR–AS and AL–AQ, 总则 chapters of local regulations): a subject carried over the
clauses of its own sentence. Each rule is stated as a shape of lists and clauses and pinned here on the
real documents it fixed (tests/corpus_real/, see its README) and on constructed variants: sentences
written for these tests, marked *constructed*, with other words, so the shape rather than the words is
what is read. Constructed variants are not real documents and count in no score."""

from __future__ import annotations

from real_corpus import assert_exact, clause_roles, evaluated, measure_roles

# --- 1. a list set off by a comma keeps its subject over the clauses after it ----------------------------

_ARTICLES = "第一条 县水利局负责防汛工作。\n\n交通、气象、农业等部门，{}防汛工作。\n\n第二条 县农业局负责灌溉工作。\n"


def test_a_set_off_list_whose_duties_cue_runs_on_into_the_work():
    # r1622 第六条 (杭州), a later paragraph of an article: 发展和改革、公安、…、价格等部门，依据各自职责做好…: the
    # comma sets the list off, the cue 依据各自职责 runs straight on into what they do, as in running text
    # (the document's misses left are 第七条's, bodies named by a clause)
    assert not [p for p in evaluated("r1622_hangzhou_gdjt_2018").problems if "measure 3 " not in p]
    # constructed
    for cue in ("依据各自职责做好", "依照职责开展"):
        assert measure_roles(_ARTICLES.format(cue)) == [
            [("responsible", ["县水利局"]), ("responsible", ["交通", "气象", "农业"])],
            [("responsible", ["县农业局"])]]
    # a rule followed is no cue of the subject's own duties
    assert measure_roles(_ARTICLES.format("依据本条例做好")) == [
        [("responsible", ["县水利局"])], [("responsible", ["县农业局"])]]


def test_a_set_off_list_keeps_its_subject_over_a_predicate_opening_with_a_modal():
    # r1641 第六条 (浙江): 人力资源和社会保障、…、卫生计生等有关部门，应当与同级地方总工会就…进行通报、定期会商，按照各自职责
    # 支持…: the modal clause names no subject, so the list is the subject of the cue's clause too
    # (the document's one miss left is 第四条's 产业工会、基层工会的联合会)
    assert not [p for p in evaluated("r1641_zhejiang_ghjd_2016").problems if "measure 1 " not in p]
    # constructed
    assert clause_roles("交通、气象、农业等部门，应当与县水利局就汛情进行会商，按照各自职责配合防汛工作。") == [
        ("support", ["交通", "气象", "农业"])]
    assert clause_roles("交通、气象、农业等部门，应当加强信息共享，依照职责做好防汛工作。") == [
        ("responsible", ["交通", "气象", "农业"])]
    # a clause handing the work on to its object (督促) breaks the subject; so does one with no modal,
    # which may be a sentence of its own
    assert clause_roles("交通、气象、农业等部门，应当督促有关单位，按照各自职责做好防汛工作。") == []
    assert clause_roles("交通、气象、农业等部门，加强信息共享，按照各自职责做好防汛工作。") == []


# --- 2. what a principle names, and a body shared by zones ----------------------------------------------


def test_a_role_word_inside_a_pair_joined_by_xiangjiehe_names_a_principle():
    # r1581 第三条 (济宁): 政府部门监管和基层组织参与管理相结合: one side of a principle, no one's duty
    # constructed
    assert clause_roles("实行企业主导和行业协会参与管理相结合的原则。") == []
    # the clause after it is read as ever
    assert clause_roles("政府监管和企业参与相结合，县水利局参与防汛工作。") == [("support", ["县水利局"])]


def test_zones_named_in_full_share_the_last_ones_body():
    # r1581 第五条: 济宁高新技术产业开发区、太白湖新区、济宁经济技术开发区管委会，负责…: the 管委会 each zone's
    assert_exact("r1581_jining_yqgl_2019")
    # constructed
    assert clause_roles("东湖新区、西山经济开发区管理委员会负责防汛工作。") == [
        ("responsible", ["东湖新区管理委员会", "西山经济开发区管理委员会"])]
    # a list mixing other bodies, or a collective of districts, keeps its names as written
    assert clause_roles("县水利局、西山经济开发区管理委员会负责防汛工作。") == [
        ("responsible", ["县水利局", "西山经济开发区管理委员会"])]
    assert clause_roles("各区、西山新片区管委会负责防汛工作。") == [("responsible", ["各区", "西山新片区管委会"])]


# --- 3. bodies named by their scope, their make-up, or their tie to the matter --------------------------


def test_the_writers_own_place_before_a_collective_is_no_part_of_its_name():
    # r1664 第四条 (南阳): 本市各级人民政府负责… → 各级人民政府, as 我区 (r1041); r941 (黄浦) 本区相关监督管理部门
    assert not [p for p in evaluated("r1664_nanyang_wwbh_2019").problems if "measure 1 " in p]
    # constructed
    assert clause_roles("本县有关部门负责防汛工作。") == [("responsible", ["有关部门"])]
    # a body named with it keeps it
    assert clause_roles("本区人民政府负责防汛工作。") == [("responsible", ["本区人民政府"])]


def test_a_body_for_two_levels_made_up_of_departments():
    # r1664 第五条: 市、县（市、区）文物保护管理委员会由…等行政部门组成，负责…: the shared suffix distributed, the roster
    # no duty holder
    assert not [p for p in evaluated("r1664_nanyang_wwbh_2019").problems if "measure 2 " in p]
    # constructed
    assert clause_roles("市、县防汛指挥部由水利、公安等部门组成，负责协调防汛工作。") == [
        ("responsible", ["市防汛指挥部", "县防汛指挥部"])]


def test_units_and_persons_tied_to_the_matter_are_one_party():
    # r1662 第七条 (青岛): 普查涉及的单位和个人应当予以配合 → one party, support
    assert_exact("r1662_qingdao_dxkj_2020")
    # constructed
    assert clause_roles("有关单位和个人应当配合。") == [("support", ["有关单位和个人"])]
    assert clause_roles("防汛涉及的单位和个人应当予以配合。") == [("support", ["防汛涉及的单位和个人"])]
    # everyone is no party
    assert clause_roles("任何单位和个人应当配合。") == []
    assert clause_roles("单位和个人应当积极参与防汛工作。") == []


def test_parties_bearing_a_fields_responsibility_within_their_own_bounds():
    # r1523 第五条 (烟台): 森林资源经营单位和个人在其经营范围内承担森林防火责任; r1603 第七条 (重庆): 从事…、…经营的单位和
    # 个人，在其经营区域及业务范围内承担…安全责任: 承担 a field's 责任 is a standing duty (as 对…承担主体责任), the
    # bounds 在其…范围内 an adverbial, the subject set off by a comma when its clause is long
    assert_exact("r1523_yantai_slfh_2016")
    assert not [p for p in evaluated("r1603_chongqing_dwfy_2013").problems if "measure 1 " not in p]
    # constructed
    assert clause_roles("河道经营单位和个人在其经营范围内承担防汛责任。") == [
        ("responsible", ["河道经营单位和个人"])]
    assert clause_roles("从事采砂、运砂的单位和个人，在其作业区域内承担河道安全责任。") == [
        ("responsible", ["从事采砂、运砂的单位和个人"])]
    # a liability for a breach is no duty
    assert clause_roles("河道经营单位和个人在其经营范围内承担赔偿责任。") == []


# --- 4. two levels joined in one name, and a role word describing an object ------------------------------


def test_two_levels_joined_by_ji_in_one_name_share_its_body():
    # r1640 第五条 (济南): 市及相关区（县）行政审批服务部门负责… → both levels' departments (及 where a list has 、)
    assert_exact("r1640_jinan_hwgg_2019")
    # constructed
    assert clause_roles("市和区水务部门负责防汛工作。") == [("responsible", ["市水务部门", "区水务部门"])]
    assert clause_roles("市及有关县（区）水务部门负责防汛工作。") == [
        ("responsible", ["市水务部门", "有关县（区）水务部门"])]


def test_a_role_word_inside_the_object_of_dui_is_no_duty():
    # r1600 第十四条 (北京): 市和区人民政府对在…、参加抢险救护、…取得显著成绩的单位和个人，给予表彰和奖励: 参加 describes
    # those rewarded
    assert not [p for p in evaluated("r1600_beijing_aqsc_2004").problems if "false unit 市" in p]
    # constructed: the role word an item's heading unit takes (none here; 参加 of its own where no 对 governs it)
    from govgraph.loaders.notice.duty_words import duty_role

    rewards = "县人民政府对在参加抢险中表现突出的单位，给予奖励。"
    assert duty_role(rewards, 0, len(rewards)) == ("responsible", "")
    joins = "县人民政府参加抢险，对表现突出的单位给予奖励。"
    assert duty_role(joins, 0, len(joins))[0] == "support"


# --- 5. the subject's verbs run together, and a principle adopted ----------------------------------------


def test_a_verb_run_straight_into_luoshi_carries_the_subject():
    # r1643 第四条 (山东): 县级以上人民政府应当加强…领导，将…纳入…，制定落实有利于…的政策措施: 制定落实 one compound verb,
    # the subject carried over the clauses before it (as 组织落实, r1322; 督促落实, r1444)
    assert_exact("r1643_shandong_trwr_2019")
    # constructed
    assert clause_roles("县人民政府应当加强对防汛工作的领导，研究落实防汛资金。") == [("responsible", ["县人民政府"])]
    # 落实 in a noun is no verb, and a pivot hands the work on
    assert clause_roles("县人民政府应当加强对防汛工作的领导，整改落实情况及时报送。") == []
    assert clause_roles("县人民政府应当加强对防汛工作的领导，要求落实防汛资金。") == []


def test_a_role_word_in_a_principle_adopted_is_no_duty():
    # r1663 第五条 (菏泽): 市、县区人民政府应当加强…领导，实行属地管理、分级负责，将…纳入…: 分级负责 names a principle
    assert_exact("r1663_heze_cfqw_2020")
    # constructed: the role word an item's heading unit takes
    from govgraph.loaders.notice.duty_words import duty_role

    adopts = "县人民政府应当加强领导，坚持统一指挥、分级负责，保障防汛资金。"
    assert duty_role(adopts, 0, len(adopts)) == ("responsible", "")
    own = "县人民政府应当加强领导，负责保障防汛资金。"
    assert duty_role(own, 0, len(own)) == ("responsible", "负责")


def test_a_later_clause_of_an_item_whose_subject_is_a_party():
    # r1664 第八条: 文物行政主管部门实施监督检查可以采取下列措施，有关单位和个人应当配合: 配合 is the parties', the
    # department's 可以 a permission
    assert_exact("r1664_nanyang_wwbh_2019")
    from govgraph.loaders.notice.duty_words import duty_role

    # constructed: the heading unit takes no role from the party's clause
    inspects = "县水利局实施检查可以采取下列措施，有关单位和个人应当配合："
    assert duty_role(inspects, 0, len(inspects)) == ("responsible", "")
