"""Round AG (batches AF–AU, 总则 chapters of local regulations): sector lists read by a lexicon of
government sector names (loaders/notice/sector_lexicon.py, written from general knowledge of how
people's governments organise their departments, not from the labels) and the grammar of
lexicon_lists: a 、-run mostly of known sectors is a list whatever place stands before its first
sector and whatever closes it. Each rule is pinned on the real documents it fixed
(tests/corpus_real/, see its README) and on constructed variants: sentences written for these tests,
marked *constructed*, with sectors the corpus never uses and places no rule names, so the lexicon and
the shape rather than the words are what is read. Constructed variants are not real documents and
count in no score."""

from __future__ import annotations

import pytest
from govgraph.loaders.notice.lexicon_lists import lexicon_sectors, sector_list
from govgraph.loaders.notice.sector_lexicon import SECTORS, is_sector, longest_sector_suffix
from real_corpus import assert_exact, clause_roles, evaluated, measure_roles


def _names(text: str) -> list[str] | None:
    got = lexicon_sectors(text, 0, len(text))
    return None if got is None else [u.name for u in got]


# --- 0. the lexicon --------------------------------------------------------------------------------------


def test_the_lexicon_holds_the_state_councils_fields_in_current_older_and_short_names():
    # constructed: fields of the 2018 and 2023 reforms, the bodies they replaced, and local short forms
    for name in ("发展改革", "发展和改革", "工业和信息化", "经济和信息化", "人力资源社会保障", "人力资源和社会保障",
                 "自然资源和规划", "国土资源", "生态环境", "环境保护", "住房城乡建设", "住房和城乡建设",
                 "交通运输", "水务", "农业农村", "文化和旅游", "卫生健康", "卫生计生", "应急管理",
                 "安全生产监督管理", "市场监督管理", "市场监管", "工商行政管理", "质量技术监督",
                 "食品药品监督管理", "综合行政执法", "退役军人事务", "医疗保障", "国有资产监督管理",
                 "消防救援", "民族宗教事务", "气象", "测绘", "海洋", "统计", "税务", "审计", "体育"):
        assert is_sector(name), name
    assert len(SECTORS) > 250
    # bodies are no fields
    for name in ("财政局", "公安机关", "人民政府", "街道办事处", "村民委员会"):
        assert not is_sector(name), name


def test_the_longest_sector_a_name_ends_with():
    # constructed
    assert longest_sector_suffix("库区乡镇人民政府住房和城乡建设") == "住房和城乡建设"
    assert longest_sector_suffix("自治州文化和旅游") == "文化和旅游"
    assert longest_sector_suffix("开展调研") == ""


# --- 1. whatever place stands before the first sector ---------------------------------------------------


def test_a_place_named_by_a_clause_before_the_government_is_restored_on_every_sector():
    # r1681 第五条 (山东): 铁路沿线县级以上人民政府发展改革、…、城市管理等部门，应当按照各自职责，做好… (the
    # document's misses left are 第六条's enterprises and 第七条's 单位和部门)
    assert not [p for p in evaluated("r1681_shandong_tlaq_2021").problems if "measure 2 " in p]
    # constructed
    assert clause_roles("沿江县级以上人民政府审计、统计、医疗保障、退役军人事务等部门，应当按照各自职责，做好防汛工作。") == [
        ("responsible", ["沿江县级以上人民政府审计", "沿江县级以上人民政府统计", "沿江县级以上人民政府医疗保障",
                         "沿江县级以上人民政府退役军人事务"])]
    assert clause_roles("山区各县人民政府气象、地震、人防等部门在各自职责范围内负责防灾工作。") == [
        ("responsible", ["山区各县人民政府气象", "山区各县人民政府地震", "山区各县人民政府人防"])]
    assert clause_roles("库区县级人民政府移民、扶贫、水文、排涝等部门，按照各自职责做好相关工作。") == [
        ("responsible", ["库区县级人民政府移民", "库区县级人民政府扶贫", "库区县级人民政府水文",
                         "库区县级人民政府排涝"])]
    assert clause_roles("盟行政公署统计、审计等部门按照各自职责做好相关工作。") == [
        ("responsible", ["盟行政公署统计", "盟行政公署审计"])]


@pytest.mark.parametrize("place", ["各级人民政府", "本级人民政府", "边境地区县级以上人民政府", "设区的市人民政府",
                                   "自治州人民政府", "沿海各县人民政府"])
def test_any_place_or_government_before_the_first_sector(place):
    # constructed: the place written once, restored on each sector; the 等…部门 left out
    assert clause_roles(f"{place}外事、侨务、口岸等部门按照各自职责负责相关工作。") == [
        ("responsible", [f"{place}外事", f"{place}侨务", f"{place}口岸"])]


def test_levels_written_before_the_first_sector_are_distributed_level_by_level():
    # constructed (as r1700's 市、区县（自治县）…, read before this round by sector_lists)
    assert _names("市、县统计、审计、林草等部门") == ["市统计", "县统计", "市审计", "县审计", "市林草", "县林草"]
    assert clause_roles("省、设区的市人民政府统计、审计等部门按照各自职责负责相关工作。") == [
        ("responsible", ["省人民政府统计", "设区的市人民政府统计", "省人民政府审计", "设区的市人民政府审计"])]


def test_what_reads_as_no_place_makes_no_lexicon_list():
    # constructed: a body or a thing before the first sector is no place
    assert _names("城区学校审计、统计等部门") is None
    assert _names("县财政局审计、统计等部门") is None


# --- 2. whatever closes it ------------------------------------------------------------------------------


def test_a_sector_with_its_other_name_in_brackets_is_the_sector():
    # r1682 第六条 (东营): 林业、水务（利）、海洋、城市管理（综合执法）等湿地保护管理部门，按照各自职责分别负责…
    assert_exact("r1682_dongying_sdbh_2020")
    # constructed
    assert clause_roles("水务（水利）、园林绿化（林业）、气象等主管部门，按照各自职责分别负责有关工作。") == [
        ("responsible", ["水务", "园林绿化", "气象"])]
    assert _names("气象（地震）、体育、退役军人事务等主管部门") == ["气象", "体育", "退役军人事务"]


def test_a_list_with_no_deng_ending_in_a_body_and_other_departments():
    # r1680 第六条 (宁波): 自然资源和规划、…、综合行政执法、消防救援机构和其他有关部门，按照各自职责做好…
    assert_exact("r1680_ningbo_csc_2021")
    # constructed: an unknown field among known ones (排涝) does not break the list
    assert clause_roles("统计、审计、档案、排涝、消防救援机构和其他有关部门，按照各自职责做好相关工作。") == [
        ("responsible", ["统计", "审计", "档案", "排涝", "消防救援机构", "其他有关部门"])]
    assert clause_roles("本级人民政府审计、统计、信访和其他有关部门应当在各自职责范围内配合做好相关工作。") == [
        ("support", ["本级人民政府审计", "本级人民政府统计", "本级人民政府信访", "其他有关部门"])]
    assert clause_roles("县级以上人民政府审计、统计、信访、档案以及其他有关部门按照各自职责负责相关工作。") == [
        ("responsible", ["县级以上人民政府审计", "县级以上人民政府统计", "县级以上人民政府信访",
                         "县级以上人民政府档案", "其他有关部门"])]


def test_a_collective_after_ji_takes_the_rest_of_the_list_whole():
    # r1140 (嘉定): 区商务、教育、…、城管及其他有关行业、专业主管部门或综合监管部门按照职责分工，… (the document
    # stays inexact: its second sentence and other measures)
    problems = evaluated("r1140_jiading_xxfj_2026").problems
    assert not [p for p in problems if "measure 4 " in p and ("区商务" in p or "其他有关行业" in p)]
    # constructed
    assert _names("县统计、审计、档案及其他有关行业、专业主管部门") == [
        "县统计", "县审计", "县档案", "其他有关行业、专业主管部门"]


def test_a_kind_on_the_last_sector_is_distributed_and_bodies_after_deng_bumen_are_listed():
    # constructed
    assert clause_roles("侨务、外事、台湾事务、港澳事务部门按照各自职责做好相关工作。") == [
        ("responsible", ["侨务部门", "外事部门", "台湾事务部门", "港澳事务部门"])]
    assert clause_roles("发展改革、财政、审计等部门和乡镇人民政府、街道办事处，按照各自职责做好相关工作。") == [
        ("responsible", ["发展改革", "财政", "审计", "乡镇人民政府", "街道办事处"])]
    assert _names("公安、民政等部门和消防救援机构") == ["公安", "民政", "消防救援机构"]


def test_nothing_closing_a_list_of_known_sectors_before_its_role_phrase():
    # constructed
    assert clause_roles("统计、审计、信访按照各自职责做好相关工作。") == [("responsible", ["统计", "审计", "信访"])]
    assert _names("州人民政府商务、粮食、烟草专卖") == ["州人民政府商务", "州人民政府粮食", "州人民政府烟草专卖"]
    # with nothing closing it, an unknown word leaves the list to the other readers
    assert _names("统计、审计、排涝") is None


# --- 3. the role is the clause's, and what is no sector list --------------------------------------------


def test_the_role_comes_from_the_clause_as_before():
    # constructed
    assert clause_roles("自治州人民政府粮食、供销、烟草专卖、盐务等部门应当按照各自职责，协助做好相关工作。") == [
        ("support", ["自治州人民政府粮食", "自治州人民政府供销", "自治州人民政府烟草专卖", "自治州人民政府盐务"])]
    doc = "第一条 县水利局负责防汛工作。\n\n第二条 由审计、统计、信访等部门按照各自职责负责监督检查。\n"
    assert measure_roles(doc) == [[("responsible", ["县水利局"])], [("responsible", ["审计", "统计", "信访"])]]


def test_fields_of_work_are_no_departments():
    # constructed: 等 closing no kind of body, a task before the list, a run of no known sector
    assert clause_roles("教育、卫生、文化等事业发展应当按照各自职责统筹推进。") == []
    assert clause_roles("加强教育、卫生、文化等工作，按照各自职责负责推进。") == []
    assert _names("财政、宣讲、走访、调研等工作") is None
    assert _names("甲乙、丙丁、戊己等部门") is None
    # known sectors must be more than half of the items
    assert _names("统计、宣讲、走访、审计等部门") is None


def test_two_fields_joined_by_he_are_one_merged_department():
    # constructed: 和 between fields names one department (as 工业和信息化), a body after 和 ends the list
    assert _names("县统计、林业和绿化等部门") == ["县统计", "县林业和绿化"]
    assert _names("县统计、审计和档案馆") == ["县统计", "县审计", "档案馆"]


def test_the_lexicon_reading_is_preferred_where_it_restores_the_place_on_more_sectors():
    # constructed: sector_lists reads 各级人民政府 on the first sector only; the lexicon on each
    got = sector_list("各级人民政府审计、统计、信访等部门", 0, 17)
    assert [u.name for u in got or []] == ["各级人民政府审计", "各级人民政府统计", "各级人民政府信访"]
    # where sector_lists reads the items otherwise (two levels joined by 和), its reading stands
    t = "市人民政府生态环境和市、县（区）人民政府发展改革、财政等部门"
    assert [u.name for u in sector_list(t, 0, len(t)) or []] == [
        "市人民政府生态环境", "市人民政府发展改革", "县（区）人民政府发展改革", "市人民政府财政", "县（区）人民政府财政"]


def test_a_span_cut_inside_a_bracket_is_no_list():
    # constructed: a reader may hand over a span that starts inside 县（市、区）
    assert _names("区）人民政府统计、审计等部门") is None


# --- 4. a list longer than a set-off subject may be -----------------------------------------------------

_TWO_DOZEN = ("发展改革、教育、科技、工业和信息化、民族宗教事务、公安、民政、司法行政、财政、人力资源社会保障、自然资源、"
              "生态环境、住房城乡建设、交通运输、水利、农业农村、商务、文化和旅游、卫生健康、应急管理、审计、市场监督管理、"
              "统计、医疗保障")


def test_a_set_off_list_of_two_dozen_known_sectors_is_read_whatever_its_length():
    # constructed: 125 characters before the comma, longer than a set-off subject is read (100), the
    # lexicon the evidence that it is one list
    got = clause_roles(f"县级以上人民政府{_TWO_DOZEN}等部门，应当按照各自职责，做好相关工作。")
    assert got == [("responsible", [f"县级以上人民政府{n}" for n in _TWO_DOZEN.split("、")])]
    # as long a run of unknown words is not
    unknown = "、".join(["甲乙丙丁"] * 24)
    assert clause_roles(f"{unknown}等部门，应当按照各自职责，做好相关工作。") == []


# --- 5. two places joined by 和, a kind before a body after 和 -------------------------------------------


def test_two_places_joined_by_he_before_the_first_sector_are_two_levels():
    # r1482 第三条 (商丘) writes 市和市区饮用水水源所在地县（区）水行政、农业、国土资源等部门 (README, After batches
    # AA–AK: 和 joins the levels); the document stays inexact (its line break inside 职责, its ASCII comma)
    # constructed
    assert clause_roles("市和库区所在地县（区）审计、统计、档案等部门应当在各自职责范围内，做好相关工作。") == [
        ("responsible", ["市审计", "库区所在地县（区）审计", "市统计", "库区所在地县（区）统计", "市档案",
                         "库区所在地县（区）档案"])]
    assert clause_roles("市和县人民政府审计、统计等部门应当按照各自职责做好相关工作。") == [
        ("responsible", ["市人民政府审计", "县人民政府审计", "市人民政府统计", "县人民政府统计"])]
    # a located clause before bodies stays on the first name (r1583, README After batches AL–AS)
    assert clause_roles("库区所在地乡（镇）人民政府、街道办事处应当按照职责做好工作。") == [
        ("responsible", ["库区所在地乡（镇）人民政府", "街道办事处"])]


def test_a_kind_on_the_last_sector_before_a_body_after_he():
    # constructed
    assert _names("审计、统计、档案、税务部门及乡镇人民政府") == [
        "审计部门", "统计部门", "档案部门", "税务部门", "乡镇人民政府"]
    assert _names("公安、民政部门和其他有关部门") == ["公安部门", "民政部门", "其他有关部门"]
