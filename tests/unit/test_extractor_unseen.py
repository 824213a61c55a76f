"""Readings made general for documents the extractor has not seen (issue 25).

Each reading is pinned on a small written case and, where a real document
showed it, on that document (held to its labels by assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice import parse_notice
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
