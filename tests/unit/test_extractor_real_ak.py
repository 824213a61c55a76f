"""Round AK (batches BE–BJ, 总则 chapters of local regulations): how a written unit phrase becomes unit
names, stated as grammar over the settled decisions (tests/corpus_real/README.md, "After batches AY–BG"
and the held-out batches BE–BJ). A bracket after a whole department naming a department of another
sector is the same body's other capacity, an alias dropped (a party's alternative, 建设单位（代建单位）, stays);
a place or a level joined by 和 / 及 to a level (maybe qualified by 所在地, with 各 kept on the name it
heads) before the department both have shares the department, also sector by sector in a sector list.
Each rule is pinned on the real documents it fixed and on constructed variants: sentences written for
these tests, marked *constructed*, with sectors, verbs and places the corpus never uses. Constructed
variants are not real documents and count in no score."""

from __future__ import annotations

import pytest
from real_corpus import assert_exact, clause_roles, measure_roles

# --- 1. X部门（Y部门）: the same department's other capacity, dropped -----------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("林草部门（自然保护地管理部门）负责巡查。", [("responsible", ["林草部门"])]),
    ("气象部门（防雷减灾主管部门）应当协助做好监测。", [("support", ["气象部门"])]),
    ("县文体部门（新闻出版主管部门）负责审核。", [("responsible", ["县文体部门"])]),
    # a party's alternative stays as written (r754), and a bare kind in brackets names no sector
    ("县建设单位（代建单位）负责。", [("responsible", ["县建设单位（代建单位）"])]),
])
def test_a_departments_other_capacity_in_brackets_is_dropped(text, want):
    # constructed
    assert clause_roles(text) == want


# --- 2. A place or level joined by 和 / 及 to a level, before the department both have -----------------


@pytest.mark.parametrize(("text", "want"), [
    ("甲县、乙区和各旗（市）林草主管部门负责巡查。", ["甲县林草主管部门", "乙区林草主管部门", "各旗（市）林草主管部门"]),
    ("丙山区及各县气象主管部门负责监测。", ["丙山区气象主管部门", "各县气象主管部门"]),
    ("市及湿地所在地县（市）林草行政主管部门负责保护。", ["市林草行政主管部门", "湿地所在地县（市）林草行政主管部门"]),
    ("市及水库所在地区文旅、体育行政主管部门负责监督。",
     ["市文旅行政主管部门", "水库所在地区文旅行政主管部门", "市体育行政主管部门", "水库所在地区体育行政主管部门"]),
    ("市和水源所在地县（区）人民政府负责水源保护工作。", ["市人民政府", "水源所在地县（区）人民政府"]),
    # not a place: 城市 of 城市管理, and a level alone before the clause reads as before
    ("城市管理和综合执法部门负责。", ["城市管理和综合执法部门"]),
])
def test_places_joined_by_he_share_the_department(text, want):
    # constructed
    got = clause_roles(text)
    assert len(got) == 1 and got[0][1] == want


@pytest.mark.parametrize("stem", [
                                  "r1403_sanmenxia_stbh_2021", "r1984_lishui_gmyz_2021", "r2001_zhoushan_hybh_2016",
                                  "r2003_chongqing_jtht_2016", "r1902_luohe_srhw_2019", "r1903_beijing_bash_2024",
                                  "r1964_zhumadian_srhw_2019", "r1944_dongying_czrm_2016",
                                  "r1943_zibo_dxgx_2016",
                                  "r1442_zhengluoxin_zzcx_2020"])
def test_names_on_the_real_documents(stem):
    assert_exact(stem)


# --- 3. A local sector joined by 和 to a service of vertical management: two bodies -------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("县文旅、交通运输与海事等部门按照各自职责做好航道保护工作。", ["县文旅", "县交通运输", "县海事"]),
    ("区民政、农业农村和气象等部门按照职责做好防灾工作。", ["区民政", "区农业农村", "区气象"]),
    ("商务、体育和海关等部门按照各自职责做好口岸服务。", ["商务", "体育", "海关"]),
    # two local fields joined are one merged department's
    ("林业和草原、园林、文化和旅游等部门按照各自职责做好保护工作。", ["林业和草原", "园林", "文化和旅游"]),
])
def test_a_sector_and_a_vertical_service_joined_are_two_bodies(text, want):
    # constructed
    got = clause_roles(text)
    assert len(got) == 1 and got[0][1] == want


# --- 4. A thing written once before parties named by their place in it -----------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("古树所有人、管理人应当配合养护工作。", ["古树所有人", "古树管理人"]),
    ("古桥权属单位、承包人和使用人等应当配合保护工作。", ["古桥权属单位", "古桥承包人", "古桥使用人"]),
    ("县水利局、管理人应当配合。", ["县水利局", "管理人"]),  # a body lends no thing
    ("渡口管理单位、养护单位应当配合。", ["渡口管理单位", "养护单位"]),  # kinds of 单位 alone are bodies
])
def test_a_thing_restored_on_its_parties(text, want):
    # constructed
    got = clause_roles(text)
    assert len(got) == 1 and got[0][1] == want


# --- 5. A level written once before two bodies joined by 和, and the levels before it ------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("市、县农技推广站和植保站应当协助做好监测。", ["市农技推广站", "县农技推广站", "市植保站", "县植保站"]),
    ("市、旗（县）红十字会和慈善总会应当协助做好救助工作。",
     ["市红十字会", "旗（县）红十字会", "市慈善总会", "旗（县）慈善总会"]),
    # a government, a grassroots body or a name writing its own level keeps what it writes
    ("市、县人民政府和公安机关负责。", ["市人民政府", "县人民政府", "公安机关"]),
    ("区民政局和街道办事处负责。", ["区民政局", "街道办事处"]),
    ("县气象局和县水文站负责。", ["县气象局", "县水文站"]),
])
def test_a_level_written_once_over_two_bodies_joined_by_he(text, want):
    # constructed
    got = clause_roles(text)
    assert len(got) == 1 and got[0][1] == want


def test_a_groups_short_name_after_its_kind_is_dropped():
    # constructed: …等<kind>（以下简称…）closes the list, kind and short name left out

    text = ("## 第一章 总则\n\n第六条 红十字会、慈善总会等公益组织（以下简称公益组织）应当协助做好救助工作。\n\n"
            "## 第二章 规划\n")
    assert measure_roles(text) == [[("support", ["红十字会", "慈善总会"])]]


# --- 6. Bodies set up by a government, zones' administrations, a congress's organs --------------------------


@pytest.mark.parametrize(("text", "want"), [
    # a kind alone says not which: the clause kept
    ("县人民政府设立的各类园区管理机构负责本园区的安全生产工作。", ["县人民政府设立的各类园区管理机构"]),
    # a name standing alone: the clause dropped
    ("区人民政府设立的甲乙新区管理委员会负责本辖区的防汛工作。", ["甲乙新区管理委员会"]),
    # zones named in full share the administration the last names
    ("甲湖新区、乙山经济开发区管理机构负责本辖区的防汛工作。", ["甲湖新区管理机构", "乙山经济开发区管理机构"]),
    # bare cities before a zone's administration named with the last city share zone and body
    ("甲城、乙城经济技术开发区管委会负责园区的安全工作。", ["甲城经济技术开发区管委会", "乙城经济技术开发区管委会"]),
    # the owning congress restored whole on its later organs
    ("自治州人民代表大会专门委员会、常务委员会办事机构按照各自职责负责备案审查工作。",
     ["自治州人民代表大会专门委员会", "自治州人民代表大会常务委员会办事机构"]),
])
def test_bodies_set_up_zones_and_organs(text, want):
    # constructed
    got = clause_roles(text)
    assert len(got) == 1 and got[0][1] == want


# --- 7. A body written in full before owners of a kind, and a long bracket inside a name --------------------


@pytest.mark.parametrize(("text", "want"), [
    # a department written in full before a government designating a kind: a unit of its own
    ("市林草部门、有关旗人民政府确定的部门按照职责做好保护工作。", ["市林草部门", "有关旗人民政府确定的部门"]),
    # bare levels sharing the government each designate one
    ("设区的市、县（市、区）人民政府确定的部门负责。", ["设区的市人民政府确定的部门", "县（市、区）人民政府确定的部门"]),
    # a kind of area with no proper name is no place: the designated kind keeps its clause, split at 和
    ("设区的市人民政府林草主管部门和县（市、区）人民政府确定的自然保护区主管部门负责保护工作。",
     ["设区的市人民政府林草主管部门", "县（市、区）人民政府确定的自然保护区主管部门"]),
    # alternatives, the second designated by the governments of levels listed: one party as written
    ("林草主管部门或者市、县人民政府确定的部门负责巡查工作。", ["林草主管部门或者市、县人民政府确定的部门"]),
    # a bracket inside the name, counted outside the name's length
    ("市级以上工业园区（农业科技园区、现代物流园区、电子商务产业园区）管委会负责园区内的安全生产工作。",
     ["市级以上工业园区（农业科技园区、现代物流园区、电子商务产业园区）管委会"]),
])
def test_owners_and_long_names(text, want):
    # constructed
    got = clause_roles(text)
    assert len(got) == 1 and got[0][1] == want


# --- 8. A government or a department before a modal ends its name ------------------------------------------


@pytest.mark.parametrize(("name", "is_unit"), [
    ("县人民政府应当建立防汛抗旱委员会", False),
    ("旗林草部门应当设立巡护站", False),
    ("乙区文旅机构须组建讲解队", False),
    ("县人民政府应急管理办公室", True),  # 应急: no modal
    ("县应急管理部门", True),
])
def test_a_modal_after_a_body_ends_its_name(name, is_unit):
    # constructed
    from govgraph.loaders.notice.names import looks_like_unit
    assert looks_like_unit(name) is is_unit


# --- 9. A sector's bracket kept where the kind written once is distributed after it -------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("林草（自然保护地）、文旅主管部门和其他有关部门", ["林草（自然保护地）主管部门", "文旅主管部门", "其他有关部门"]),
    ("县水务（水利）、农业农村部门", ["县水务（水利）部门", "县农业农村部门"]),
    # a bracket after a sector before 等…部门 stays dropped (r1682)
    ("水务（水利）、林业等部门", ["水务", "林业"]),
])
def test_a_bracket_inside_a_distributed_name_is_kept(text, want):
    # constructed
    from govgraph.loaders.notice.lexicon_lists import lexicon_sectors
    assert [u.name for u in lexicon_sectors(text, 0, len(text)) or []] == want
