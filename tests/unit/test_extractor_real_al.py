"""Round AL (batches BE–BJ, 总则 chapters of local regulations): which sentences give a unit a duty,
stated over the grammar of these chapters. A frame naming the work or time a subject acts in (X在…中 /
X在…期间), with or without a comma after it, stands between the subject and its cue as an adverbial; a
share of a standing duty fixed by an agreement (按照…约定承担相应责任) is borne, unlike a liability; a
responsibility for a field made a sentence's subject and then borne (…责任由X承担) gives X its duty; a
class of parties over a list (X应当履行下列义务：) is its bearer; 按照规定职责 / 依照法定职责 is the `按照职责`
cue; in a lead-in over unit-headed items a later clause's own subject owns its role word, 主管 heads a
sub-item, and the paragraph after the items is a measure of its own; 履职尽责 is 履行职责 written short; a
sentence with a modal closed by 。 is no unit heading; the `按照职责` cue set off in a later clause carries
the sentence's subject, a role word after it deciding. Each
rule is pinned on the real documents it fixed (tests/corpus_real/, see its README) and on constructed
variants: sentences written for these tests, marked *constructed*, with sectors, verbs and places the
corpus never uses. Constructed variants are not real documents and count in no score."""

from __future__ import annotations

import pytest
from govgraph.loaders.notice.given_by import by_clauses
from real_corpus import assert_exact, clause_roles, measure_roles


def _by(text: str) -> list[tuple[str, list[str]]]:
    return [(a.role, [u.name for u in a.units]) for a in by_clauses(text, 0, len(text))]


# --- 1. X在…中 / X在…期间: a frame between the subject and its cue ------------------------------------


@pytest.mark.parametrize(("text", "unit"), [
    ("渔业主管部门在禁渔期间负责巡航检查。", "渔业主管部门"),
    ("港口经营单位在装卸作业中，应当承担货物堆存安全的责任。", "港口经营单位"),
    ("盐业主管部门在食盐专营、碘盐供应等工作中落实质量安全要求。", "盐业主管部门"),
    ("甲旗气象主管机构应当在人工影响天气作业中负责空域申请。", "甲旗气象主管机构"),
    ("养蜂企业在转地放蜂期间，负责蜂群检疫。", "养蜂企业"),
])
def test_a_frame_of_work_or_time_between_subject_and_cue(text, unit):
    # constructed: sectors the corpus never names
    assert clause_roles(text) == [("responsible", [unit])]


@pytest.mark.parametrize("text", [
    "防沙委员会在治沙工作中的具体工作由甲旗人民政府承担。",  # a noun phrase 在…中的, no frame
    "渔业主管部门在禁渔期间组织巡航检查。",  # 组织: no role word
])
def test_no_duty_through_a_frame_without_a_cue(text):
    # constructed
    assert clause_roles(text) == []


# --- 2. 按照…约定承担相应责任: a share of a standing duty, not a liability ----------------------------


@pytest.mark.parametrize(("text", "units"), [
    ("勘测、测绘等单位按照合同约定承担相应的责任。", ["勘测", "测绘"]),
    ("物业服务企业依照服务合同约定承担相应责任。", ["物业服务企业"]),
    ("受托运营单位按照规定和约定承担相应责任。", ["受托运营单位"]),
])
def test_a_share_fixed_by_an_agreement_is_borne(text, units):
    # constructed
    assert clause_roles(text) == [("responsible", units)]


@pytest.mark.parametrize("text", [
    "养护单位承担相应责任。",  # no agreement fixing the share
    "养护单位按照规定承担相应责任。",  # a rule, as in a penalty article
    "养护单位按照约定承担相应的法律责任。",  # a liability
])
def test_a_liability_is_no_duty(text):
    # constructed
    assert clause_roles(text) == []


# --- 3. …责任由X承担: a responsibility for a field borne by X -----------------------------------------


@pytest.mark.parametrize(("text", "unit"), [
    ("古树名木的日常养护责任由养护单位承担。", "养护单位"),
    ("防汛设施的维修责任由水利工程管理单位承担，所需经费由财政安排。", "水利工程管理单位"),
    ("第九条 湿地的巡护责任由湿地管理机构承担。", "湿地管理机构"),
])
def test_a_responsibility_borne_by_a_unit(text, unit):
    # constructed
    assert _by(text) == [("responsible", [unit])]


@pytest.mark.parametrize("text", [
    "造成损失的，赔偿责任由施工单位承担。",  # a liability, under a condition
    "其法律责任由建设单位承担。",  # a liability
    "因管理不善造成事故的责任由经营单位承担。",  # an act and its consequence
    "具体工作由林业局承担。",  # a work, no 责任 (r1882)
])
def test_no_duty_borne_through_a_liability(text):
    # constructed
    assert _by(text) == []


def test_frames_shares_and_borne_responsibilities_on_the_real_document():
    # r1980 第六条 (发展改革部门在…等工作中落实…) and 第七条 (北京)
    assert_exact("r1980_beijing_jzls_2023")


# --- 4. X应当履行下列义务：a class of parties given the duties listed ---------------------------------


@pytest.mark.parametrize("party", ["养犬人", "会员", "志愿者", "业主", "渔船船东"])
def test_a_class_of_parties_obliged_over_a_list(party):
    # constructed: parties the corpus never names
    assert clause_roles(f"{party}应当履行下列义务：\n（一）遵守章程；\n（二）按时缴费。") == [("responsible", [party])]


@pytest.mark.parametrize("text", [
    "公民应当履行下列义务：",  # everyone
    "本市应当履行下列职责：",  # a scope, no unit
    "其应当履行下列义务：",  # 其 is no unit
    "会员享有下列权利：",  # rights, no duty
])
def test_no_party_obliged(text):
    # constructed
    assert clause_roles(text) == []


def test_a_class_of_parties_obliged_on_the_real_document():
    # r1962 第五条 (浙江): 代表应当履行下列义务：
    assert_exact("r1962_zhejiang_dbf_2016")


# --- 5. 按照规定职责 / 依照法定职责: the duties the law gives the units, the `按照职责` cue -------------


@pytest.mark.parametrize(("text", "expected"), [
    ("甲旗林草、气象、盐业等部门，按照规定职责，做好草原防火工作。",
     [("responsible", ["甲旗林草", "甲旗气象", "甲旗盐业"])]),
    ("苏木人民政府、嘎查村民委员会应当按照规定职责，协助旗人民政府做好禁牧工作。",
     [("support", ["苏木人民政府", "嘎查村民委员会"])]),
    ("甲旗林草站依照法定职责配合巡护。", [("support", ["甲旗林草站"])]),
])
def test_acting_by_the_duties_the_law_gives(text, expected):
    # constructed: the role word after the cue decides, none gives responsible
    got = clause_roles(text)
    assert [r for r, _u in got] == [r for r, _u in expected] and len(got[0][1]) == len(expected[0][1])


def test_a_law_acted_under_before_a_verb_of_its_own_is_no_cue():
    # constructed (r941's 依据各自的法定职责对…进行检查)
    assert clause_roles("甲旗林草站依据各自的法定职责对草场进行检查。") == []


# --- 6. A lead-in over unit-headed items: a later clause's own subject, and 主管 heading a sub-item ------


_LEAD_IN = ("## 第一章 总则\n\n第三条 甲旗人民政府应当加强对草原防火工作的领导，{later}对草原防火工作实施监督管理：\n\n"
            "（一）甲旗林草主管部门{first}草原防火的监督管理工作。\n\n（二）甲旗气象主管机构负责火险预报。\n\n"
            "（三）苏木人民政府负责巡护。\n\n第四条 鼓励牧民参与防火。\n\n## 第二章 预防\n")


@pytest.mark.parametrize("later", ["各有关部门根据职责分工具体负责", "有关部门按照各自职责分别负责",
                                   "旗直有关部门依法负责"])
@pytest.mark.parametrize("first", ["主管", "负责"])
def test_a_lead_in_over_unit_headed_items(later, first):
    # constructed: the governments' clause has no role word; the later clause's subject has its own, and
    # each sub-item is a measure (主管 heading a sub-item as 负责 does)
    got = measure_roles(_LEAD_IN.format(later=later, first=first))
    assert [m[0][1] for m in got][1:] == [["甲旗林草主管部门"], ["甲旗气象主管机构"], ["苏木人民政府"]]
    assert "甲旗人民政府" not in got[0][0][1] and len(got[0]) == 1


def test_zhuguan_heading_an_article_names_no_role():
    # constructed (r1700 第四条's 市水行政主管部门主管…: an article, read by its own words)
    text = "## 第一章 总则\n\n第四条 甲旗林草主管部门主管全旗草原防火工作。\n\n第五条 甲旗气象主管机构负责火险预报。\n\n## 第二章 预防\n"
    assert measure_roles(text) == [[("responsible", ["甲旗气象主管机构"])]]


# --- 7. 履职尽责: 履行职责 written short; a paragraph after an article's unit-headed items --------------


@pytest.mark.parametrize(("text", "expected"), [
    ("甲旗林草主管部门及其工作人员，应当履职尽责，依法行政。", [("responsible", ["甲旗林草主管部门"])]),
    ("甲旗气象主管机构应当依法履职，加强监测。", [("responsible", ["甲旗气象主管机构"])]),
    ("实行政府统一领导、部门依法履职、群众参与监督。", []),  # a principle
    ("旗人民政府应当督促有关部门依法履职。", []),  # 督促: the work handed on
])
def test_lvzhi_is_a_duty_stated_short(text, expected):
    # constructed
    assert clause_roles(text) == expected


def test_a_paragraph_after_unit_headed_items_is_a_measure_of_its_own():
    # constructed (r1941 第四条's last paragraph, after its items （一）–（六）)
    text = _LEAD_IN.format(later="各有关部门根据职责分工具体负责", first="负责").replace(
        "（三）苏木人民政府负责巡护。\n\n",
        "（三）苏木人民政府负责巡护。\n\n甲旗林草主管部门和其他有关部门，应当履职尽责，依法行政。\n\n")
    got = measure_roles(text)
    assert len(got) == 5 and got[4] == [("responsible", ["甲旗林草主管部门", "其他有关部门"])]
    assert got[3] == [("responsible", ["苏木人民政府"])]


# --- 8. A sentence closed by 。 is no heading naming a unit -------------------------------------------


@pytest.mark.parametrize("verb", ["应当建立草原防火委员会", "必须设立防沙指挥部", "应该组建巡护队伍"])
def test_a_sentence_with_a_modal_is_no_unit_heading(verb):
    # constructed (r2004 第四条's 市、县（市）人民政府应当建立城乡规划委员会。…): the article names no duty
    text = (f"## 第一章 总则\n\n第四条 旗、苏木人民政府{verb}。该机构作为议事机构，审议重大事项。\n\n"
            "第五条 甲旗林草主管部门负责草原防火工作。\n\n## 第二章 预防\n")
    assert measure_roles(text) == [[("responsible", ["甲旗林草主管部门"])]]


def test_a_unit_heading_closed_by_a_full_stop_stays():
    # constructed (r603's 街道消委办。牵头…, as test_extractor_real_k's)
    text = "四、施工管理\n\n1、应急管理局。牵头开展防火工作。\n\n2、甲旗气象站。配合开展预报工作。\n"
    assert measure_roles(text) == [[("lead", ["应急管理局"])], [("support", ["甲旗气象站"])]]


# --- 9. …，并在其职责范围内，…: the `按照职责` cue in a later clause of the subject's own --------------


@pytest.mark.parametrize(("cue", "role"), [("并在其职责范围内，根据牧民需求，开展", "responsible"),
                                           ("并按照各自职责，开展", "responsible"),
                                           ("并在其职责范围内，协助开展", "support")])
def test_the_duties_cue_in_a_later_clause(cue, role):
    # constructed (r1901 第六条's 村（居）民委员会应当支持…，并在其职责范围内，…开展…)
    text = ("## 第一章 总则\n\n第六条 甲旗林草主管部门负责草原防火工作。\n\n"
            f"嘎查村民委员会应当支持牧民合作社开展防火活动，{cue}防火宣传工作。\n\n## 第二章 预防\n")
    assert measure_roles(text) == [[("responsible", ["甲旗林草主管部门"]), (role, ["嘎查村民委员会"])]]


def test_a_role_word_after_the_duties_cue_of_a_later_sentence_decides():
    # constructed (r1901 第六条's …其他有关主管部门应当按照各自职责，协同做好…)
    text = ("## 第一章 总则\n\n第六条 甲旗林草主管部门负责草原防火工作。\n\n"
            "甲旗气象、应急等部门应当按照各自职责，协同做好防火工作。\n\n"
            "嘎查村民委员会应当支持牧民开展防火活动，并在其职责范围内，开展防火宣传工作。\n\n## 第二章 预防\n")
    got = measure_roles(text)
    assert len(got) == 1 and got[0][1][0] == "support" and got[0][2] == ("responsible", ["嘎查村民委员会"])


def test_the_duties_cue_in_a_later_clause_on_the_real_document():
    # r1901 第六条 (宁波)
    assert_exact("r1901_ningbo_qmyd_2019")
