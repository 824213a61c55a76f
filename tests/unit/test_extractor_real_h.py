"""Readings added for the township and street documents still missed after batch G:
unnumbered sections that give duties beside numbered items, a subject carried
across the clauses of its sentence, a modal or a rule between a subject and its
role verb, lists of grassroots bodies after a 各-item, and the notice's addressees.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice.names import are_holders, looks_like_unit
from govgraph.loaders.notice.unit_lists import list_mentions
from real_corpus import assert_exact, clause_roles, measure_roles


def test_an_unnumbered_section_paragraph_is_a_measure_beside_numbered_items():
    # 一、's own paragraph gives a duty, 二、's duties sit in its numbered items: all three are measures
    # (the numbered level is chosen counting the sections' own paragraphs too); the addressees line
    # (各基层单位、相关部门：) is no label, and one 由-clause with one subject clause is running text enough
    text = ("各基层单位、相关部门：\n\n为加强管理，特制定以下办法。\n\n一、组织机构\n\n"
            "镇规建办、安全管理事务所是镇域内建设工程管理的责任部门。\n\n二、管理机制\n\n"
            "1.在区名录中的工程项目，由镇监管组配合区建设交通委开展巡查工作。\n\n"
            "2.镇财政投资的小型项目，由建设单位负责日常巡查。\n")
    assert measure_roles(text) == [[("responsible", ["镇规建办", "镇安全管理事务所"])], [("support", ["镇监管组"])],
                            [("responsible", ["建设单位"])]]


def test_grassroots_kinds_after_an_each_item_are_holders():
    # 各 is not restored on 村 after 各公司 (a company is no jurisdiction), but stays across jurisdictions
    text = "各公司、村、居民区"
    leads, mentions = list_mentions(text, 0, len(text))
    assert [u.name for u in leads + mentions] == ["各公司", "村", "居民区"]
    text = "各区、县级市"
    leads, mentions = list_mentions(text, 0, len(text))
    assert [u.name for u in leads + mentions] == ["各区", "各县级市"]
    assert are_holders(["各公司", "村", "居民区"])
    assert not are_holders(["村", "居民区"])


def test_sibling_items_giving_no_role_word_under_a_heading_of_another_kind_are_no_duties():
    # （三）考评制度: its items open with units but none gives a role word — a procedure, not a duty list
    text = ("一、职责\n（一）日常管理\n各公司、村、居民区负责日常管理工作。\n（二）考评制度\n"
            "1.各公司、村、居民区要加强对专管员的教育和管理。\n2.镇监管组对各公司开展监管工作进行年度考评。\n"
            "（三）信息报送\n镇监管组负责汇总信息。\n")
    assert measure_roles(text) == [[("responsible", ["各公司", "村", "居民区"])], [("responsible", ["镇监管组"])]]


def test_a_subject_carried_to_a_later_clause_that_opens_with_the_role_word():
    # the first clause gives the subject another verb (为, 根据…, 集中受理); a later clause of the same
    # sentence opens with the role word; an adverbial (在Y指导下) between them keeps the subject
    assert clause_roles("项目提出部门为该项目的管理人，在项目办指导下，负责该项目的具体组织实施。") == [
        ("responsible", ["项目提出部门"])]
    assert clause_roles("各公司、村、居民区根据本辖区内建设工程的规模，落实分管领导。") == [
        ("responsible", ["各公司", "村", "居民区"])]
    # not across a sentence end, and not where the first clause appoints someone else to do it
    assert clause_roles("项目提出部门为该项目的管理人。负责该项目的具体组织实施。") == []
    assert clause_roles("项目管理人应该指定专人作为联系人，负责项目的具体对接。") == []


def test_a_modal_or_the_rule_followed_between_the_subject_and_its_role_word():
    assert clause_roles("代建机构必须按照街道办事处的授权内容负责做好项目建设管理工作。") == [
        ("responsible", ["代建机构"])]
    assert clause_roles("农户应当签订建房协议。镇人民政府应当落实质量安全专管人员。") == [
        ("responsible", ["镇人民政府"])]


def test_verbs_governing_bodies_and_rates_are_no_names_or_duties():
    assert not looks_like_unit("监督指导各街道办事处")
    assert not looks_like_unit("请区直相关部门及各街道")
    assert looks_like_unit("区市场监督管理局")
    assert clause_roles("开展家庭美德教育活动，家庭参与率≥50%。") == []


def test_r656_reads_exactly():
    assert_exact("r656_tangqiao_gcxm_2023")


def test_a_town_s_offices_named_at_length_take_its_prefix():
    text = "月浦镇规划建设和环境保护办公室、安全管理事务所和城市管理行政执法中队"
    leads, mentions = list_mentions(text, 0, len(text))
    assert [u.name for u in leads + mentions] == ["月浦镇规划建设和环境保护办公室", "月浦镇安全管理事务所",
                                                  "月浦镇城市管理行政执法中队"]
    # a city's list keeps the short limit: a longer name there is a body named by its own place
    text = "市科技局、青岛海洋科技中心"
    leads, mentions = list_mentions(text, 0, len(text))
    assert [u.name for u in leads + mentions] == ["市科技局", "青岛海洋科技中心"]


def test_a_party_with_another_that_may_stand_in_for_it_is_written_as_it_stands():
    text = "建设单位（代建单位）"
    leads, mentions = list_mentions(text, 0, len(text))
    assert [u.name for u in leads + mentions] == ["建设单位（代建单位）"]
    text = "县司法局（县普法办）"
    leads, mentions = list_mentions(text, 0, len(text))
    assert [u.name for u in leads + mentions] == ["县司法局"]


def test_r754_reads_exactly():
    assert_exact("r754_yuepu_aqwm_2017")
