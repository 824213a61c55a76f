"""Readings added for the district documents of batch K (r1040–r1043): duty items listing their
duties one clause each (the first to its `；` decides the role), …

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice import parse_notice
from real_corpus import assert_exact


def _roles(text: str) -> list[list[tuple[str, list[str]]]]:
    return [[(a.role, [u.name for u in a.units]) for a in m.attributions] for m in parse_notice(text).measures]


def test_a_duty_items_first_duty_ends_at_its_semicolon():
    # 区商务委…。按照…继续做好…；配合做好…: the first duty has no role verb (responsible); the 配合 of
    # the next duty adds nothing, as under a <unit>职责 heading (r511)
    text = ("三、职责分工\n\n（一）区建管委。负责制定区实施方案；配合市财政局做好绩效分析工作。\n\n"
            "（二）区商务委、外滩投资集团。按照现有养护合同继续做好养护工作；配合做好移交工作。\n\n"
            "（三）区财政局。配合市财政局研究制定经费标准；负责审核。\n")
    assert _roles(text) == [[("responsible", ["区建管委"])], [("responsible", ["区商务委", "外滩投资集团"])],
                            [("support", ["区财政局"])]]


def test_r1040_reads_exactly():
    assert_exact("r1040_huangpu_psgl_2025")


def test_an_item_whose_units_take_up_a_duty_first_is_a_duty():
    # 率先落实…责任 is 落实…责任 (r510) with an adverb of how, under a heading naming no duties; a
    # group closed by 等事业单位 leaves the kind out (as 等单位), 高等 being part of a name
    text = ("（二）管理要求\n\n1．在停车矛盾突出的区域，周边公共停车场原则上应全天开放。\n\n"
            "2．有关政府机关、医院和普通高等学校等事业单位、国有企业等在保障内部安全的前提下，"
            "应将内部停车设施错时对外开放，率先落实停车共享责任。\n\n"
            "3．区交通委负责制定操作流程。\n")
    assert _roles(text) == [[("responsible", ["有关政府机关", "医院", "普通高等学校", "国有企业"])],
                            [("responsible", ["区交通委"])]]


def test_the_units_a_lead_coordinates_split_at_yiji():
    # 由街镇牵头协调A、B以及C、D等有关部门和单位，落实…: the lead, then the units it coordinates (r804)
    from govgraph.loaders.notice.running_text import by_clauses
    text = ("由街镇牵头协调公安、居委会、小区业主委员会以及物业服务企业、道路停车管理单位等有关部门和单位，"
            "落实停放管理制度。")
    got = by_clauses(text, 0, len(text))
    assert [(a.role, [u.name for u in a.units]) for a in got] == [
        ("lead", ["街镇"]), ("support", ["公安", "居委会", "小区业主委员会", "物业服务企业", "道路停车管理单位"])]


def test_our_district_is_not_part_of_a_name():
    # 成立我区…领导小组，负责…: 我区 points at the writer (as 我街道, r804)
    from govgraph.loaders.notice.running_text import by_clauses
    text = "成立我区停车共享专项工作领导小组，负责组织、协调全区停车共享工作。"
    got = by_clauses(text, 0, len(text))
    assert [(a.role, [u.name for u in a.units]) for a in got] == [("responsible", ["停车共享专项工作领导小组"])]


def test_r1041_reads_exactly():
    assert_exact("r1041_songjiang_tczy_2017")
