"""Readings added for held-out batches B (r400–r411) and C (r450–r454).

Each reading is pinned on a small written case and on the real document that
showed it; a document read exactly is held there (evaluate_real_document).
"""

from __future__ import annotations

import pytest
from govgraph.loaders.notice import NoticeError, parse_notice
from govgraph.loaders.notice.names import looks_like_unit
from helpers import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from real_corpus import assert_exact, quality, real_notice

Q = quality()


def test_bare_name_brackets_alone_in_a_document_are_responsible():
    text = ("某区方案\n1.防治河流垃圾入海。做好闸口漂浮垃圾打捞。（区水务局、相关沿海街镇）\n"
            "2.加强上岸后的监管。规范垃圾暂存。(区绿化市容局、各岸段使用或管理单位)\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [
        ["区水务局", "相关沿海街镇"], ["区绿化市容局", "各岸段使用或管理单位"]]
    # one bracket of names is a note, not an attribution: still refused
    with pytest.raises(NoticeError, match="no attributions found"):
        parse_notice("某区方案\n1.加强监管。规范暂存。（区水务局）\n2.做好宣传。\n")
    notice = real_notice("r404_baoshan_hyljql_2025")
    assert notice.measure(2).units("responsible") == ["区水务局", "相关沿海街镇", "各岸段使用或管理单位"]
    assert len(notice.measures) == 8


def test_a_related_departments_line_is_responsible():
    text = ("某区方案\n（一）全面排查\n排查全区道路。\n相关部门：区建设管理委、属地街道等。\n"
            "（二）制定方案\n制定方案。\n相关部门：区绿容局。\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [["区建设管理委", "属地街道"], ["区绿容局"]]


def test_sub_items_each_with_their_own_attribution_are_the_measures():
    text = ("某区方案\n（一）全面排查\n排查。\n相关部门：区建设管理委。\n"
            "（二）整治提升\n分类整治。\n1.移交接管类\n接管。\n相关部门：区公安分局。\n"
            "2.自治管理类\n自治。\n相关部门：属地街道。\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [["区建设管理委"], ["区公安分局"], ["属地街道"]]
    assert_exact("r406_yangpu_nbdl_2025")


def test_a_pipe_table_with_no_number_column_and_township_offices_in_one_cell():
    text = ("一、专项整治安排表\n专项整治行业名称 | 时间安排 | 责任单位 |\n烟花爆竹 | 1月份 | 安监站 安监所 |\n"
            "网吧、KTV | 8月份 | 文化站 派出所工商质监所 |\n交通运输 | 12月份 | 超限站 公路站 交警六中队 |\n"
            "二、工作要求\n各单位要高度重视。\n")
    notice = parse_notice(text)
    assert notice.layout == "table"
    assert [m.units("responsible") for m in notice.measures] == [
        ["安监站", "安监所"], ["文化站", "派出所", "工商质监所"], ["超限站", "公路站", "交警六中队"]]
    split = notice.measures[1].attributions[0].units[1]
    assert split.reading == "joined without separator" and notice.text[split.start : split.end] == "派出所"
    assert_exact("r450_xuzhuang_aqzz_2017")


def test_a_table_with_a_cell_per_paragraph_sub_rows_and_restarting_numbers():
    text = ("类别\n\n序号\n\n主要任务\n\n节点\n\n责任单位\n\n配合单位\n\n1.\n分\n类\n\n1\n\n创建达标小区\n\n2018年\n\n"
            "各街道办事处\n\n区文明办\n区房管局\n\n2019年\n\n2\n\n各条线强制分类\n\n2018年\n\n区机管局\n\n"
            "区文明办\n区城管执法局\n\n2018年\n\n区教育局\n\n2.\n运\n输\n\n1\n\n干垃圾车标识更新\n\n2018年\n\n"
            "欧阳、曲阳街道\n")
    notice = parse_notice(text)
    assert notice.layout == "table"
    got = [(m.units("responsible"), m.units("support")) for m in notice.measures]
    assert got == [(["各街道办事处"], ["区文明办", "区房管局"]),
                   (["区机管局", "区教育局"], ["区文明办", "区城管执法局"]),  # the sub-row's own 责任单位
                   (["欧阳街道", "曲阳街道"], [])]  # numbering restarted; a shared 街道
    assert_exact("r400_hongkou_ljfl_2018")


def test_a_project_number_header_and_an_alias_on_its_own_line():
    text = ("项目序号\n\n任务\n类型\n\n改革任务\n\n责任单位\n\n配合单位\n\n1\n\n推进移交\n\n方案编制\n\n"
            "区建设管理委\n（区水务局）\n上海城投集团\n\n各成员单位\n\n2\n\n人员征询\n\n上海城投集团\n杨浦城投集团\n")
    notice = parse_notice(text)
    assert [(m.units("responsible"), m.units("support")) for m in notice.measures] == [
        (["区建设管理委", "上海城投集团"], ["各成员单位"]), (["上海城投集团", "杨浦城投集团"], [])]
    assert notice.measures[0].attributions[0].units[0].alias == "区水务局"
    assert_exact("r405_yangpu_psgl_2025")


def test_persons_named_after_an_inline_label_are_officials_never_units():
    text = ("某镇防汛通知\n一、加强领导。\n二、全镇水利工程实行分级负责，宝山湖，行政责任人江海彬；古山水库，行政责任人，杨松辉；"
            "虎腿水库，行政责任人谢奕武、谢创鹏；涝溪由各所在村的村委会主任担任防汛责任人。\n三、做好检查。\n")
    notice = parse_notice(text)
    [m] = notice.measures
    assert [(o.name, o.role) for o in m.officials] == [
        ("江海彬", "行政责任人"), ("杨松辉", "行政责任人"), ("谢奕武", "行政责任人"), ("谢创鹏", "行政责任人"),
        ("各所在村的村委会主任", "防汛责任人")]
    assert not any(a.units for a in m.attributions)
    assert notice.text[m.officials[0].start : m.officials[0].end] == "江海彬"
    # a leader label with a colon names a person or a post
    notice = parse_notice("某区方案\n1.推进建设。责任领导：张三副区长\n2.完善制度。\n")
    assert [(o.name, o.role) for o in notice.measure(1).officials] == [("张三副区长", "责任领导")]
    # 责任人责任 is no one's name
    with pytest.raises(NoticeError):
        parse_notice("某区方案\n1.落实分类投放管理责任人责任；加强培训。\n")
    assert_exact("r454_yunlu_fangxun")


def test_a_duty_list_item_headed_by_groups_of_persons_or_a_by_clause():
    text = ("四、责任分工:\n1.由保洁公司负责组织各村保洁人员,开展整治工作;\n"
            "2.各包村干部、村干部,负责组织协调处理村内乱堆乱放;\n3.乡村振兴办公室做好组织协调工作。\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [["保洁公司"], [], ["乡村振兴办公室"]]
    assert [(o.name, o.role) for o in notice.measure(2).officials] == [("各包村干部", "负责"), ("村干部", "负责")]
    assert_exact("r451_gaozhuang_hjzz_2021")


def test_channels_and_persons_are_not_unit_names():
    assert not any(looks_like_unit(n) for n in ("政府网站", "微信平台", "各包村干部", "村委会主任", "办公室主任"))
    assert all(looks_like_unit(n) for n in ("水务站", "安监站", "区财政局", "党政综合办公室", "区委组织部"))


# Tables with a cell per paragraph, generated: groups whose numbering restarts,
# unit cells with a name per line, sub-rows (a year, a target, perhaps their own
# 责任单位) under a merged 序号.

_POOL = ["区绿化市容局", "区房管局", "各街道办事处", "区商务委", "区文明办", "上海城投集团", "区教育局", "区卫健委"]
_units = st.lists(st.sampled_from(_POOL), min_size=1, max_size=3, unique=True)
_sub_row = st.tuples(st.integers(2019, 2025), st.one_of(st.none(), _units))
_row = st.tuples(_units, st.one_of(st.none(), _units), st.lists(_sub_row, max_size=2))


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.lists(_row, min_size=1, max_size=4), min_size=1, max_size=3))
def test_generated_paragraph_tables_give_each_rows_units(groups):
    cells = ["类别", "序号", "主要任务", "节点", "指标数", "责任单位", "配合单位"]
    expected = []
    for g, rows in enumerate(groups):
        cells.append(f"{g + 1}.\n分\n类")
        for n, (resp, supp, subs) in enumerate(rows):
            cells += [str(n + 1), f"完成第{g}{n}项任务", "2018年", "24个", "\n".join(resp)]
            if supp:
                cells.append("\n".join(supp))
            got_resp = list(resp)
            for year, own in subs:
                cells += [f"{year}年", "30个"]
                if own:
                    cells.append("\n".join(own))
                    got_resp += own
            expected.append((got_resp, supp or []))
    notice = parse_notice("\n\n".join(cells) + "\n")
    assert notice.layout == "table"
    assert [(m.units("responsible"), m.units("support")) for m in notice.measures] == expected
    for m in notice.measures:
        for a in m.attributions:
            for u in a.units:
                assert notice.text[u.start : u.end] == u.as_written


def test_a_value_of_1_in_a_paragraph_table_starts_no_row_and_prose_names_no_person():
    text = ("序号\n\n主要任务\n\n指标数\n\n责任单位\n\n1\n\n配置有害垃圾车\n\n1\n\n区绿化市容局\n\n"
            "2\n\n改造中转站\n\n5\n\n区商务委\n")
    notice = parse_notice(text)
    assert [m.units("responsible") for m in notice.measures] == [["区绿化市容局"], ["区商务委"]]
    notice = parse_notice("某区方案\n1.加强领导，主要负责人亲自抓；（区财政局负责）\n2.完善制度。（区税务局负责）\n")
    assert [m.officials for m in notice.measures] == [[], []]


def test_a_name_cut_by_a_line_in_a_paragraph_cell_is_read_whole():
    text = "序号\n\n主要任务\n\n责任单位\n\n1\n\n推进改造\n\n区住房和城乡\n建设局\n"
    assert parse_notice(text).measure(1).units("responsible") == ["区住房和城乡建设局"]
