"""Round AM (batches BK–BM, 总则 chapters of local regulations): how a written unit phrase becomes unit
names, stated over the grammar of these chapters and checked for frequency and precision on an
unlabelled pool of other regulations' first chapters. In a list of sectors closed by 等…部门, 以及 joins two
sectors as 、 does. A government's body named by what it is in charge of (…人民政府负责…的部门 /
…的机构, …人民政府确定的负责…的部门) is one name, its inner 负责 no role word, distributed over levels
written once, kept whole over a range of levels, its alias dropped. In a list of bare levels
sharing the body written on the last, 和 / 及 / 以及 between two levels stand where 、 does, and 民族乡 is a
level as 乡 is. Each rule is pinned on constructed variants: sentences written for these tests,
marked *constructed*, with sectors, verbs and places the corpus never uses (and on the real documents it
makes exact, tests/corpus_real/, see its README). Constructed variants are not real documents and count
in no score."""

from __future__ import annotations

import pytest
from real_corpus import assert_exact, clause_roles, measure_roles

# --- 1. 以及 inside a typed list of sectors ------------------------------------------------------------


@pytest.mark.parametrize(("text", "units"), [
    ("林业、畜牧以及人民防空等部门负责本县护林工作。", ["林业", "畜牧", "人民防空"]),
    ("县林业、畜牧以及人民防空等部门负责本县护林工作。", ["县林业", "县畜牧", "县人民防空"]),
    # set off by a comma, the `按照职责` cue after it (r2044 第五条's shape)
    ("统计、审计以及粮食和物资储备、地震等有关部门，在各自职责范围内做好防震减灾的相关工作。",
     ["统计", "审计", "粮食和物资储备", "地震"]),
    ("邮政管理、气象以及海事等部门依据各自职责，做好航道保护相关工作。", ["邮政管理", "气象", "海事"]),
])
def test_two_sectors_joined_by_yiji_in_a_typed_list(text, units):
    # constructed: sectors the corpus never lists this way
    assert clause_roles(text) == [("responsible", units)]


@pytest.mark.parametrize("text", [
    "林业、档案以及其他有关部门负责本县护林工作。",  # a collective joined on: no sector pair
    "林业、档案以及有关单位等部门负责本县护林工作。",
])
def test_yiji_before_a_collective_is_no_sector_pair(text):
    # constructed
    names = [n for _r, us in clause_roles(text) for n in us]
    assert "档案" not in names


# --- 2. …人民政府负责…的部门: a body named by what it is in charge of -------------------------------------


@pytest.mark.parametrize(("text", "units"), [
    ("甲县人民政府负责殡葬管理的部门负责本县殡葬监督管理工作。", ["甲县人民政府负责殡葬管理的部门"]),
    ("县、乡人民政府负责防沙治沙的机构（以下简称治沙机构）负责本辖区治沙工作。",
     ["县人民政府负责防沙治沙的机构", "乡人民政府负责防沙治沙的机构"]),
    # set off by a comma, a range of levels written once
    ("设区的市级以上人民政府负责海岛保护工作的机构，负责海岛保护的监督管理。",
     ["设区的市级以上人民政府负责海岛保护工作的机构"]),
    # a frame between the name and its cue
    ("旗人民政府负责草原监理的部门在盟草原主管部门的指导下，负责本旗草原监理工作。",
     ["旗人民政府负责草原监理的部门"]),
    # after a body written in full, designated by the government
    ("甲旗林草局和乙旗人民政府确定的负责治沙工作的部门负责本旗治沙工作。",
     ["甲旗林草局", "乙旗人民政府确定的负责治沙工作的部门"]),
])
def test_a_governments_body_named_by_what_it_is_in_charge_of(text, units):
    # constructed: fields, levels and places the corpus never names this way
    assert clause_roles(text) == [("responsible", units)]


@pytest.mark.parametrize(("text", "units"), [
    ("区人民政府负责本行政区域内的殡葬管理工作。", ["区人民政府"]),  # the government's own work, then its object
    ("县人民政府负责组织编制治沙规划。", ["县人民政府"]),  # no 的…部门: the government's role word
])
def test_a_governments_own_duty_stays_the_governments(text, units):
    # constructed
    assert clause_roles(text) == [("responsible", units)]


def test_a_governments_body_heading_an_article_and_a_later_paragraph():
    # constructed: the article's head and a later paragraph, both read as one name
    text = ("## 第一章 总则\n\n第五条 甲旗林草站负责本旗治沙工作。\n\n"
            "第六条 旗人民政府负责气象工作的机构（以下简称气象机构），负责本旗气象监测。\n\n"
            "苏木人民政府负责畜牧工作的部门依照有关规定做好畜牧相关工作。\n\n## 第二章 规划\n")
    got = measure_roles(text)
    names = [n for m in got for _r, us in m for n in us]
    assert "旗人民政府负责气象工作的机构" in names
    assert "旗人民政府" not in names and "苏木人民政府" not in names


@pytest.mark.parametrize("stem", ["r2002_qingdao_yysy_2021", "r2023_zibo_dtaq_2021"])
def test_governments_bodies_named_by_a_clause_on_the_real_documents(stem):
    # r2002 第六条 (青岛), r2023 第四条 (淄博)
    assert_exact(stem)


# --- 3. Levels joined by 和 / 以及 in a list of levels; 民族乡 a level ---------------------------------------


@pytest.mark.parametrize(("text", "units"), [
    ("县和乡、镇林业工作站负责护林防火。", ["县林业工作站", "乡林业工作站", "镇林业工作站"]),
    ("省和市、县以及乡、镇气象灾害防御机构负责气象灾害防御。",
     ["省气象灾害防御机构", "市气象灾害防御机构", "县气象灾害防御机构", "乡气象灾害防御机构", "镇气象灾害防御机构"]),
    ("市和县（市）、区人民政府其他有关部门按照各自职责做好地名管理工作。",
     ["市人民政府其他有关部门", "县（市）人民政府其他有关部门", "区人民政府其他有关部门"]),
    ("乡、民族乡、镇人民政府负责本行政区域内村道的养护。", ["乡人民政府", "民族乡人民政府", "镇人民政府"]),
    ("县和乡、民族乡、镇人民政府负责地名普查的具体实施。",
     ["县人民政府", "乡人民政府", "民族乡人民政府", "镇人民政府"]),
])
def test_bare_levels_joined_by_he_or_yiji_share_the_body(text, units):
    # constructed: bodies and fields the corpus never distributes this way
    assert clause_roles(text) == [("responsible", units)]
