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
