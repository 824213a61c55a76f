"""Round AN (batches BK–BM, 总则 chapters of local regulations, rules chosen by how often the unlabelled
pool /work/pool shows them): when an article gives a unit a duty, stated over the grammar of these
chapters. A body named at a sentence's start, then verbs of its own with no cue (代表…利益，维护…权益), is
the subject a later clause opening with a role word carries on (README, After batches BH–BM: a role word
later in a single sentence is the subject's cue with or without 应当); a pivot's object reaches no further
than its ；, the clauses after it the sentence subject's again. Each rule is pinned on the real documents
it fixed (tests/corpus_real/, see its README) and on constructed variants: sentences written for these
tests, marked *constructed*, with sectors, verbs and places the corpus never uses. Constructed variants
are not real documents and count in no score."""

from __future__ import annotations

import pytest
from real_corpus import assert_exact, clause_roles, measure_roles

# A chapter of two articles around the sentence tested (a lone article is no document the reader takes).
_ARTICLES = "## 第一章 总则\n\n第四条 甲市林草主管部门负责本市林草工作。\n\n第五条 {}\n\n## 第二章 规划\n"

# --- 1. a body named first, verbs of its own, then a role word later in the sentence ---------------------


@pytest.mark.parametrize(("text", "want"), [
    ("甲县侨联维护归侨侨眷的合法权益，参与侨务政策的制定。", [("support", ["甲县侨联"])]),
    ("乙市科协团结科技工作者，普及科学知识，配合人民政府推进科普工作。", [("support", ["乙市科协"])]),
    ("丙州文联联系文艺工作者，协助人民政府繁荣文艺事业。", [("support", ["丙州文联"])]),
    ("丁旗献血办公室宣传无偿献血，负责献血者的登记。", [("responsible", ["丁旗献血办公室"])]),
    # a pivot (动员社会力量) reaches no further than its ；
    ("丁县红十字会开展人道救助，动员社会力量，为困难群众服务；承担救护培训的日常工作，协助人民政府做好救灾工作。",
     [("support", ["丁县红十字会"])]),
])
def test_a_role_word_later_in_a_sentence_is_its_subjects(text, want):
    # constructed: bodies, sectors and places the corpus never names
    assert clause_roles(text) == want


@pytest.mark.parametrize("text", [
    "丁县红十字会可以聘请志愿者，协助做好救护宣传工作。",  # 可以 and a pivot onto staff
    "丁县人民政府确定的救护联络员，协助开展救护宣传工作。",  # persons a body designates
    "戊市卫生健康委员会聘请义务监督员，协助开展监督工作。",  # a pivot: the persons engaged help
    "及时向戊市卫生健康委员会报告，协助开展监督工作。",  # a preposition's object, no subject
    "己镇人民政府设护林员，负责巡山护林。",  # a post set up (README, staff posts)
    "庚县林草局依照县政府授权，加强巡查，负责护林防火。",  # an adverbial, no verb of its own
])
def test_no_subject_carried_onto_a_later_role_word(text):
    # constructed
    assert clause_roles(text) == []


def test_a_name_set_off_by_its_comma_is_not_cut_at_a_government():
    # constructed (the pool's 县级以上人民政府调处林权争议机构，负责…): the clause is one name
    got = clause_roles("庚县人民政府调处草场争议机构，负责调处的具体工作。")
    assert ("responsible", ["庚县人民政府"]) not in got


def test_a_later_role_word_on_the_real_document():
    # r2043 第七条 (河南): 残疾人联合会代表…，…；承担…，协助人民政府… → support (its names are round AM's)
    from real_corpus import evaluated

    res = evaluated("r2043_henan_cjr_2012")
    assert not any("残疾人联合会" in p for p in res.problems), res.problems


# --- 2. a warrant right before the role word: 根据…的委托负责, as 受…委托负责 -----------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("甲县林业工作站依照甲县林草局的委托负责护林巡查。", [("responsible", ["甲县林业工作站"])]),
    ("乙市海岛管理中心根据委托负责海岛巡查。", [("responsible", ["乙市海岛管理中心"])]),
    ("丙旗草原监理所按照丙旗人民政府的授权负责草原监督检查。", [("responsible", ["丙旗草原监理所"])]),
    ("丁州非遗保护中心受丁州文旅局委托负责名录申报。", [("responsible", ["丁州非遗保护中心"])]),
    # a verb handing the work on to its object: the object's, no subject's
    ("甲县林草局根据规定委托甲县林场负责护林巡查。", []),
    ("甲县林草局委托甲县林场负责护林巡查。", []),
])
def test_the_one_entrusted_keeps_its_role_word(text, want):
    # constructed
    assert clause_roles(text) == want


# --- 3. 设置 sets a body up as 设立 does: the body set up takes the 负责 after it -----------------------


@pytest.mark.parametrize(("text", "body"), [
    ("县级以上人民政府应当设置湿地保护中心，具体负责湿地的日常管护。", "湿地保护中心"),
    ("甲旗人民政府应当依法设置草原监理机构，负责草原的监督检查。", "草原监理机构"),
    ("乙州人民政府设置古树名木保护办公室，具体负责古树名木的普查。", "古树名木保护办公室"),
])
def test_a_body_set_up_by_shezhi_takes_the_later_role_word(text, body):
    # constructed (the pool's 设置河长制办公室，具体负责…; r1942 第七条)
    assert measure_roles(_ARTICLES.format(text)) == [[("responsible", ["甲市林草主管部门"])],
                                                     [("responsible", [body])]]


def test_a_body_set_up_by_shezhi_on_the_real_document():
    # r1942 第七条 (浙江): 县级以上人民政府应当依法设置风景名胜区管理机构，具体负责…
    assert_exact("r1942_zhejiang_fjms_2014")


# --- 4. 对…负责 over a long object with a list inside ------------------------------------------------


@pytest.mark.parametrize(("text", "unit"), [
    ("甲旗人民政府对本行政区域的牧区水利、草原防火和饮水安全的监督管理与服务工作负责。", "甲旗人民政府"),
    ("乙州人民政府对本州的古籍保护、修复和数字化工作负责，将经费列入预算。", "乙州人民政府"),
])
def test_answering_for_a_long_object_is_a_cue(text, unit):
    # constructed (the pool's 县级以上人民政府对本行政区域的食品小作坊、小餐饮和食品摊点的…工作负责, 40 characters
    # with 、 inside; README, After batches AA–AK, 对…负责)
    assert clause_roles(text) == [("responsible", [unit])]
