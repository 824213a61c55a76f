"""Readings made general for documents the extractor has not seen (issue 25).

Each reading is pinned on a small written case and, where a real document
showed it, on that document (held to its labels by assert_exact).
"""

from __future__ import annotations

import pytest
from govgraph.loaders.notice import NoticeError, parse_notice
from real_corpus import assert_exact


def test_a_jurisdiction_written_again_later_in_the_list_means_nothing_was_elided():
    text = "某区方案\n1.加强宣传。（责任单位：区教育局、上海站管委办、团区委、区绿化市容局）\n"
    assert parse_notice(text).measure(1).units("responsible") == [
        "区教育局", "上海站管委办", "团区委", "区绿化市容局"]
    text = "某区方案\n1.防治船舶垃圾。（区交通委、宝山海事局、吴淞海事局、区绿化市容局）\n2.清理岸滩。（区水务局、区海洋局）\n"
    assert parse_notice(text).measure(1).units("responsible") == [
        "区交通委", "宝山海事局", "吴淞海事局", "区绿化市容局"]
    # a writer who elides writes the jurisdiction once: the later names take it
    text = "某县方案\n1.加强宣传。（责任单位：县教育局、卫健局、民政局）\n"
    assert parse_notice(text).measure(1).units("responsible") == ["县教育局", "县卫健局", "县民政局"]
    # and after the last name that writes it, too
    text = "某区方案\n1.加强宣传。（责任单位：区教育局、区民防办、应急管理局）\n"
    assert parse_notice(text).measure(1).units("responsible") == ["区教育局", "区民防办", "区应急管理局"]
    assert_exact("r401_jingan_ljfl_2024")
    assert_exact("r404_baoshan_hyljql_2025")


def test_a_body_column_with_no_role_is_not_a_unit_column_and_merged_unit_cells_read_from_above():
    # a cell per line, ending in " |"; a second header row after "|||"; 公开主体 names
    # the publishing body, 责任科室 the unit that does the work
    text = ("序号 |\n公开事项 |\n公开时限 |\n公开主体 |\n公开渠道 |\n责任科室 |\n|||\n一级事项 |\n二级事项 |\n"
            "1 |\n机构职能 |\n实时公开 |\n某街道办事处 |\n政府网站 |\n党政办公室 |\n"
            "2 |\n规范性文件 |\n实时公开 |\n政府网站 |\n||||\n"
            "3 |\n公开目录 |\n实时公开 |\n某街道办事处 |\n政府网站 |\n|||\n"
            "4 |\n年度报告 |\n每年公开 |\n|\n政府网站 |\n平安办 |\n")
    notice = parse_notice(text)
    assert notice.layout == "table"
    assert [m.units("responsible") for m in notice.measures] == [
        ["党政办公室"], ["党政办公室"], ["党政办公室"], ["平安办"]]
    merged = notice.measure(2).attributions[0].units[0]
    assert merged.reading == "merged cell above" and text[merged.start : merged.end] == "党政办公室"
    # a row per line: a row short of cells whose unit cell is merged with the row above
    text = "序号 | 任务 | 时限 | 责任单位 |\n1 | 修路 | 年底 | 区交通委 |\n2 | 建桥 |\n3 | 治水 | 年底 | 区水务局 |\n"
    assert [m.units("responsible") for m in parse_notice(text).measures] == [
        ["区交通委"], ["区交通委"], ["区水务局"]]
    assert_exact("r453_fuxing_gkml_2025")


@pytest.mark.parametrize(("label", "role"), [
    ("实施单位", "responsible"), ("责任主体", "responsible"), ("责任科室", "responsible"),
    ("主要责任部门", "responsible"), ("承担单位", "responsible"), ("执行部门", "responsible"),
    ("牵头科室", "lead"), ("牵头责任部门", "lead"), ("牵头落实单位", "lead"), ("主办单位", "lead"),
    ("协助部门", "support"), ("配合科室", "support"), ("协同推进单位", "support"), ("协作部门", "support"),
    ("配合责任单位", "support"), ("参与处室", "support"),
])
def test_labels_are_read_by_their_grammar_not_only_from_a_list(label, role):
    # a label real documents vary (role words, qualifiers, a noun for bodies), alone
    # and after a known one; the first role word gives the role
    text = (f"某县方案\n1.加强宣传。开展活动。（{label}：县教育局、县卫健局）\n"
            f"2.加强管理。开展检查。（牵头单位：县民政局；{label}：县财政局）\n")
    m1, m2 = parse_notice(text).measures
    assert m1.units(role) == ["县教育局", "县卫健局"]
    assert m2.units("lead") + m2.units(role) == ["县民政局", "县财政局"] if role != "lead" else True
    assert m2.units("lead") == (["县民政局", "县财政局"] if role == "lead" else ["县民政局"])
    # the same words head a table's column
    table = (f"序号 | 主要任务 | 牵头单位 | {label} | 完成时限 |\n"
             "1 | 推进项目建设。 | 区发改局 | 区财政局、区住建局 | 年底 |\n")
    m = parse_notice(table).measure(1)
    assert m.units(role)[-2:] == ["区财政局", "区住建局"]


@pytest.mark.parametrize("label", ["督办单位", "指导单位", "监管部门", "责任领导", "牵头领导", "分管领导"])
def test_a_label_of_no_role_ends_the_list_before_it_and_reads_no_unit(label):
    text = f"某县方案\n1.加强管理。开展检查。（牵头单位：县民政局；{label}：县政府督查室）\n"
    m = parse_notice(text).measure(1)
    assert [(a.role, [u.name for u in a.units]) for a in m.attributions] == [("lead", ["县民政局"])]
    # alone, it makes no measure: a document of nothing else is refused
    with pytest.raises(NoticeError, match="no attributions found"):
        parse_notice(f"某县方案\n1.加强管理。（{label}：县政府督查室）\n2.加强宣传。（{label}：县委宣传部）\n")


@pytest.mark.parametrize("markers", [
    ("①", "②"), ("⑴", "⑵"), ("1)", "2)"), ("1）", "2）"), ("一是", "二是"), ("一．", "二．"), ("1 ", "2 "),
    ("1.1", "1.2"), ("⒈", "⒉"),
])
def test_numbering_styles_real_documents_use(markers):
    a, b = markers
    text = f"某县方案\n{a}加强管理。开展检查。（责任单位：县民政局）\n{b}强化保障。（责任单位：县财政局）\n"
    notice = parse_notice(text)
    assert [(m.title, m.units("responsible")) for m in notice.measures] == [
        ("加强管理", ["县民政局"]), ("强化保障", ["县财政局"])]
    # inline, after a sentence end, as running text numbers its points
    if a in ("①", "一是"):
        text = f"某县方案\n一、重点任务\n{a}加强管理（责任单位：县民政局）；{b}强化保障（责任单位：县财政局）。\n"
        assert [m.units("responsible") for m in parse_notice(text).measures] == [["县民政局"], ["县财政局"]]


def test_decimal_points_sit_under_their_item_and_quantities_head_nothing():
    text = ("某县方案\n1.总体要求\n1.1加强管理。（责任单位：县民政局）\n1.2强化保障。（责任单位：县财政局）\n"
            "2.保障措施\n2.1落实经费。投入3.5亿元。（责任单位：县财政局）\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [["县民政局"], ["县财政局"], ["县财政局"]]
    assert [m.section for m in notice.measures] == [1, 1, 2]


def test_another_field_after_the_list_ends_it():
    text = ("某县方案\n1.加强管理。（责任单位：县民政局、县财政局；完成时限：2024年12月底前）\n"
            "2.开展检查。（牵头单位：县财政局，时间：长期坚持）\n3.强化保障。\n责任单位：县人社局  联系人：王五\n")
    notice = parse_notice(text)
    assert [m.units("responsible") + m.units("lead") for m in notice.measures] == [
        ["县民政局", "县财政局"], ["县财政局"], ["县人社局"]]


def test_bracket_role_words_of_the_labels_grammar():
    text = "某县方案\n1.举办活动。（县委宣传部主办，县文旅局承办）\n2.加强管理。（县民政局牵头，县财政局协作）\n"
    m1, m2 = parse_notice(text).measures
    assert (m1.units("lead"), m1.units("responsible")) == (["县委宣传部"], ["县文旅局"])
    assert (m2.units("lead"), m2.units("support")) == (["县民政局"], ["县财政局"])
