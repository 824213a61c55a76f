"""Round AJ (batches BB–BD, 总则 chapters of local regulations): when an article gives a unit a duty and
when it does not, stated over the grammar of these chapters. A copula naming a work a unit's duty (A是B的
…职责) designates B as its bearer; a unit's duties announced over a list (X的职责是：) name X anew; the
`按照职责` cue in a 由-clause gives its units their duty whatever the verb; a body owned through 的 by
governments of a range of levels written once (县级以上人民政府的…机构) is one name, also set off by a comma
before 依法 and its role word; 设区的市 is a level in a list of levels; 负责 before 人才 / 人力 / 人口 / 人防
/ 人事 is the role word, not the post 负责人; two verbs joined by 和 / 并 into 落实 are the subject's own;
what gives no duty: a phrase opening with a conjunction (以及) continues the clause before it, society as
a whole (全社会) names no body, a designating verb before 的 is a relative clause's, a unit owning the work a
paragraph names (X在…中的…工作由Y承担) is no duty item. Each rule is pinned on the real documents it fixed
(tests/corpus_real/, see its README) and on constructed variants: sentences written for these tests,
marked *constructed*, with sectors, verbs and places the corpus never uses. Constructed variants are not
real documents and count in no score."""

from __future__ import annotations

import pytest
from govgraph.loaders.notice.given_by import by_clauses
from govgraph.loaders.notice.unit_lists import list_mentions
from real_corpus import assert_exact, clause_roles, measure_roles


def _by(text: str) -> list[tuple[str, list[str]]]:
    return [(a.role, [u.name for u in a.units]) for a in by_clauses(text, 0, len(text))]


# --- 1. A是B的…职责: the unit after 是 bears the work before it ------------------------------------------


@pytest.mark.parametrize(("work", "owner", "noun"), [
    ("保护侨胞合法权益", "各级人民政府", "重要职责"),
    ("古籍保护", "县级以上人民政府", "法定职责"),
    ("防沙治沙", "甲旗人民政府和甲旗林草主管部门", "共同责任"),
])
def test_a_work_named_a_units_duty_by_a_copula(work, owner, noun):
    # constructed: works and sectors the corpus never names
    got = clause_roles(f"{work}是{owner}的{noun}。")
    assert len(got) == 1 and got[0][0] == "responsible" and "".join(got[0][1]).startswith(owner[:3])


@pytest.mark.parametrize("text", [
    "防沙治沙是全社会的共同责任。",  # everyone, no body
    "古籍保护不是文化馆的职责。",  # a negation
    "应当把侨务工作作为政府领导任期工作的一项重要职责。",  # 作为: a complement counting the work
    "乡镇人民政府是县人民政府的派出机关。",  # a body the subject, no work; no duties word
])
def test_no_bearer_by_a_copula(text):
    # constructed
    assert clause_roles(text) == []


def test_bearer_by_a_copula_on_the_real_document():
    # r1841 第二条 (河南): 促进就业是各级人民政府的重要职责
    assert_exact("r1841_henan_jycj_2009")


# --- 2. X的职责是：over a list names X anew ---------------------------------------------------------------


@pytest.mark.parametrize("head", ["防沙治沙委员会的主要职责是：", "甲旗林草站的职责是：",
                                  "侨务委员会在归侨安置工作中的主要职责为："])
def test_a_units_duties_announced_over_a_list(head):
    # constructed
    unit = head.split("的")[0].split("在")[0]
    assert clause_roles(head + "\n（一）组织调查；\n（二）编制规划。") == [("responsible", [unit])]


def test_qi_announcing_duties_names_no_unit():
    # constructed (r1484 第七条's 其主要职责是：)
    assert clause_roles("其主要职责是：\n（一）组织调查。") == []


def test_a_unit_owning_the_work_named_is_no_duty_item():
    # constructed (r1882 第六条's closing paragraph, README: 由X承担 of another body's work is no cue)
    text = ("## 第一章 总则\n\n第五条 甲旗林草主管部门负责本旗治沙工作。\n\n"
            "第六条 甲旗防沙委员会在治沙工作中的主要职责为：\n\n（一）研究重大政策；\n\n（二）检查督促成员单位工作。\n\n"
            "甲旗防沙委员会在治沙工作中的具体工作由甲旗人民政府承担。\n\n## 第二章 规划\n")
    assert measure_roles(text) == [[("responsible", ["甲旗林草主管部门"])], [("responsible", ["甲旗防沙委员会"])]]


def test_duties_announced_on_the_real_documents():
    # r1700 第五条 (重庆): 市水文机构的职责是：; r1880 第五条 (浙江): 禁毒委员会的主要职责是： after its 负责;
    # r1882 第六条 (绍兴): …在…工作中的主要职责为：, its closing paragraph no item
    for stem in ("r1700_chongqing_sw_2018", "r1880_zhejiang_jd_2001", "r1882_shaoxing_gcbh_2018"):
        assert_exact(stem)


# --- 3. the `按照职责` cue in a 由-clause --------------------------------------------------------------


@pytest.mark.parametrize(("verb", "role"), [("安排", "responsible"), ("组织实施", "responsible"),
                                            ("配合实施", "support"), ("，协助开展", "support")])
def test_the_duties_cue_in_a_by_clause(verb, role):
    # constructed
    assert _by(f"治沙所需经费由甲旗人民政府和乙旗人民政府根据职责{verb}。") == [
        (role, ["甲旗人民政府", "乙旗人民政府"])]


def test_a_by_clause_with_no_duties_cue_stays_unread():
    # constructed: 根据规划 names no 职责
    assert _by("治沙所需经费由甲旗人民政府根据规划安排。") == []


# --- 4. a body owned through 的 by a range of levels; set off before 依法 -----------------------------


@pytest.mark.parametrize("owner", ["县级以上人民政府", "各级人民政府", "设区的市级以上人民政府"])
@pytest.mark.parametrize("comma", ["", "，依法"])
def test_a_body_owned_by_a_range_of_levels(owner, comma):
    # constructed
    assert clause_roles(f"{owner}的沙化土地监测机构{comma}负责沙化监测工作。") == [
        ("responsible", [f"{owner}的沙化土地监测机构"])]


def test_one_government_before_de_keeps_its_reading():
    # constructed: one level, no range (round AH's reading stays)
    assert clause_roles("甲旗人民政府的沙化土地监测机构负责沙化监测工作。") == [
        ("responsible", ["沙化土地监测机构"])]


def test_a_body_set_off_before_yifa_and_a_support_word():
    # constructed
    assert clause_roles("县级以上人民政府的侨务机构，依法配合做好归侨安置工作。") == [
        ("support", ["县级以上人民政府的侨务机构"])]


# --- 5. levels, 负责 before 人…, verbs joined into 落实 --------------------------------------------------


@pytest.mark.parametrize("body", ["地方志工作机构", "沙化土地监测机构"])
def test_shequ_de_shi_in_a_list_of_levels(body):
    # constructed
    text = f"省、设区的市、县（市、区）{body}"
    leads, mentions = list_mentions(text, 0, len(text))
    assert [u.name for u in leads + mentions] == [f"省{body}", f"设区的市{body}", f"县（市、区）{body}"]


@pytest.mark.parametrize("work", ["人才引进", "人力资源市场建设", "人口监测", "人防工程维护", "人事档案管理"])
def test_fuze_before_ren_words_is_the_role_word(work):
    # constructed
    assert clause_roles(f"甲旗林草主管部门负责{work}工作。") == [("responsible", ["甲旗林草主管部门"])]


@pytest.mark.parametrize("verbs", ["保障和落实", "制定并落实", "细化和落实"])
def test_verbs_joined_into_luoshi_are_the_subjects(verbs):
    # constructed
    text = f"甲旗人民政府应当加快沙区改造，{verbs}牧民补助政策。"
    assert clause_roles(text) == [("responsible", ["甲旗人民政府"])]


def test_dudu_and_luoshi_is_not_the_subjects():
    # constructed: 督促 governs the others (README, 督促 and 落实)
    assert clause_roles("甲旗人民政府应当加快沙区改造，督促和落实牧民补助政策。") == []


def test_levels_and_verbs_on_the_real_document():
    # r1840 第五条, 第八条 (山东)
    assert_exact("r1840_shandong_rcfz_2020")


# --- 6. what gives no duty: 以及, 全社会, a designating verb before 的 ------------------------------------


def test_a_phrase_opening_with_yiji_names_no_subject():
    # constructed
    text = "（三）检查、督促成员单位编制治沙计划，以及下级政府落实治沙规定情况；"
    assert clause_roles(text) == []


@pytest.mark.parametrize("verb", ["增强", "提高", "营造", "树立"])
def test_society_as_a_whole_is_no_body(verb):
    # constructed
    text = f"林草主管部门应当会同有关部门组织开展治沙知识普及，{verb}全社会履行治沙义务的意识。"
    assert clause_roles(text) == []


@pytest.mark.parametrize("verb", ["确定", "指定", "明确"])
def test_a_designating_verb_before_de_is_a_relative_clause(verb):
    # constructed
    text = f"甲旗人民政府{verb}的治沙主管部门，负责本行政区域内的治沙工作。"
    assert not any("的治沙主管部门" == n for _r, names in _by(text) for n in names)


def test_enterprises_by_their_trade_split_at_he():
    # constructed
    assert clause_roles("供热企业和社区组织应当协助做好供暖保障。") == [("support", ["供热企业", "社区组织"])]


def test_no_duty_readings_on_the_real_documents():
    # r1884 (新乡): 增强全社会…; r1843 第五条 (广东): 县级以上人民政府的动物卫生监督机构，依法负责…;
    # r1861 第五条 (宁波): …确定的排水主管部门，负责…; r1863 第六条 (重庆): …物业服务企业和群众自治组织等单位…配合
    for stem in ("r1884_xinxiang_lh_2019", "r1843_guangdong_dwfy_2021", "r1861_ningbo_psys_2021",
                 "r1863_chongqing_trq_2019"):
        assert_exact(stem)


# --- 7. everyone written right before a role word is its subject ---------------------------------------


@pytest.mark.parametrize("everyone", ["公众", "群众", "社会力量", "全民"])
@pytest.mark.parametrize("word", ["参与", "配合"])
def test_a_role_word_after_everyone_is_theirs(everyone, word):
    # constructed: an article opening with bodies whose only role word is everyone's
    from govgraph.loaders.notice.duty_words import duty_role
    text = f"应当组织开展防沙治沙宣传教育，提高{everyone}{word}防沙治沙的意识和能力。"
    assert duty_role(text, 0, len(text)) == ("responsible", "")
    assert duty_role("应当协助开展防沙治沙宣传。", 0, 13)[0] == "support"


def test_everyone_before_a_role_word_on_the_real_document():
    # r1704 第十二条 (临沂): 各级人民政府和有关部门应当组织开展…，提高公众参与…的意识和能力
    assert_exact("r1704_linyi_ysysy_2019")


# --- 8. teams named by the work they do are bodies ---------------------------------------------------


@pytest.mark.parametrize("team", ["甲旗林草执法队伍", "沙区巡查队伍", "甲旗矿山救援队伍"])
def test_a_team_named_by_its_work_is_a_body(team):
    # constructed
    assert clause_roles(f"{team}负责沙区的日常巡护。") == [("responsible", [team])]


def test_a_workforce_is_no_body():
    # constructed: 人才队伍 names persons, no body
    assert clause_roles("人才队伍负责沙区的日常巡护。") == []


def test_a_team_on_the_real_document():
    # r1763 第六条 (淄博): 市容和环境卫生监察队伍负责…
    assert_exact("r1763_zibo_srhw_2018")
