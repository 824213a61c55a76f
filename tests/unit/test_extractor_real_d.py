"""Readings added for held-out batch D (r500–r511).

Each reading is pinned on a small written case and on the real document that
showed it; a document read exactly is held there (evaluate_real_document).
"""

from __future__ import annotations

import pytest
from govgraph.loaders.notice import NoticeError, parse_notice
from helpers import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from real_corpus import assert_exact, quality

Q = quality()


def test_items_numbered_with_nothing_after_the_number():
    text = ("某市方案\n二、主要任务\n（一）实施攻关行动\n1突破关键技术。加强研究。（责任单位：市科技局）\n"
            "2强化硬件攻关。发展2个平台。（责任单位：市工信局，崂山区政府）\n"
            "（二）实施整合行动\n3强化算力保障。（责任单位：市大数据局）\n")
    notice = parse_notice(text)
    assert [m.title for m in notice.measures] == ["突破关键技术", "强化硬件攻关", "强化算力保障"]
    assert [m.units("responsible") for m in notice.measures] == [
        ["市科技局"], ["市工信局", "崂山区政府"], ["市大数据局"]]
    # a private-use character between the number and the words (a glyph of the
    # source's font that shows as nothing) is read the same way
    notice = parse_notice(text.replace("1突", "1\ue010突").replace("2强", "2\ue010强"))
    assert [m.marker for m in notice.measures][:2] == ["1\ue010", "2\ue010"]
    assert [m.title for m in notice.measures][:2] == ["突破关键技术", "强化硬件攻关"]
    assert_exact("r502_qingdao_hyrgzn_2024")


def test_a_quantity_or_a_number_out_of_sequence_at_a_line_start_heads_no_item():
    text = ("某市方案\n1.建设平台。\n2个平台年内建成。\n（责任单位：市科技局）\n"
            "2.培育企业。\n5家企业入选，7家在建。（责任单位：市工信局）\n")
    notice = parse_notice(text)
    assert [m.title for m in notice.measures] == ["建设平台", "培育企业"]


def test_collectives_with_a_dun_inside_stay_whole():
    text = ("某市方案\n1.推进建设。\n牵头责任单位:市发展改革委。\n"
            "协同责任单位:市经信局、滁州经开区管委会等,各县、市、区政府。\n"
            "2.完善机制。（责任单位：市工信局，有关区、市政府）\n"
            "3.出台文件。（牵头单位：区消防救援支队；配合单位：各街道、\n相关委、办、局）\n")
    notice = parse_notice(text)
    m1, m2, m3 = notice.measures
    assert m1.units("support") == ["市经信局", "滁州经开区管委会", "各县、市、区政府"]
    assert m2.units("responsible") == ["市工信局", "有关区、市政府"]
    assert m3.units("support") == ["各街道", "相关委、办、局"]
    collective = m3.attributions[-1].units[-1]
    assert collective.reading == "collective" and text[collective.start : collective.end] == "相关委、办、局"
    # bare jurisdictions with no body they share are two collectives
    notice = parse_notice("某市方案\n1.引进人才。（牵头单位：市人社局，配合单位：各区、县级市）\n")
    assert notice.measure(1).units("support") == ["各区", "各县级市"]
    assert_exact("r504_chuzhou_zdgz_2020")
    assert_exact("r100_qingdao_rgzn_2024")


def test_a_cell_per_paragraph_table_keyed_by_numbered_item_cells():
    text = ("附件：\n\n某区重点任务清单\n\n类别\n\n项目\n\n主要任务\n\n牵头单位\n\n配合单位\n\n"
            "一、做好政策保障\n\n1.做好规划配套\n\n同步规划、同步实施。\n\n区消防救援支队\n\n区应急局、各街道\n\n"
            "2.完善规章\n标准\n\n细化职责任务。\n\n区消防救援支队\n\n各街道\n\n"
            "贯彻执行检查指引。\n\n区考核办\n\n区消防救援支队、\n各街道\n\n"
            "二、加强队伍建设\n\n3.加强队伍建设\n\n指导各街道按照地方标准建设专职消防队、微型消防站。\n\n"
            "区消防救援支队\n\n各街道\n\n健全配套规章制度。\n")
    notice = parse_notice(text)
    assert notice.layout == "table"
    assert [m.title for m in notice.measures] == ["做好规划配套", "完善规章标准", "加强队伍建设"]
    assert [(m.units("lead"), m.units("support")) for m in notice.measures] == [
        (["区消防救援支队"], ["区应急局", "各街道"]),
        # a sub-row's own unit cells, after its task, fill the unit columns afresh
        (["区消防救援支队", "区考核办"], ["各街道", "区消防救援支队", "各街道"]),
        # a task naming bodies in running text is no unit cell; sub-rows with no
        # unit cells (merged) take the cells shown once
        (["区消防救援支队"], ["各街道"])]
    assert_exact("r509_yangpu_jcxf_2022")


def test_a_name_never_holds_a_preposition():
    from govgraph.loaders.notice.names import looks_like_unit
    assert not looks_like_unit("根据区消防安全委员会")
    assert not looks_like_unit("指导各街道按照国家和本市地方标准大力发展建设政府专职消防队")
    assert looks_like_unit("区消防安全委员会")


def test_clauses_opening_with_who_does_the_work_in_a_duty_list():
    text = ("五、职责分工\n\n按照属地负责的原则，区民防办、应急管理局牵头，区发展改革委、绿化市容局、体育局、"
            "经委(商务委)等部门履行相应职责，各镇政府、街道(开发区)办事处和头桥集团落实主体责任。\n\n"
            "区民防办：负责制定专业规划。\n\n区应急管理局：参与制定专业规划。\n")
    notice = parse_notice(text)
    first = notice.measure(1)
    assert first.units("lead") == ["区民防办", "区应急管理局"]
    # 市容 names no place: 绿化市容局 takes the 区 and passes it on; an alias does not stop it
    assert first.units("responsible") == ["区发展改革委", "区绿化市容局", "区体育局", "区经委",
                                          "各镇政府", "街道(开发区)办事处", "头桥集团"]
    assert [m.units("responsible") or m.units("support") for m in notice.measures[1:]] == [
        ["区民防办"], ["区应急管理局"]]
    assert_exact("r510_fengxian_yjbn_2022")


def test_clauses_in_unnumbered_paragraphs_of_a_task_section():
    text = ("某街道实施方案\n三、组织领导\n成立联席会议。联席会议下设办公室，由社区管理办公室具体承担，"
            "城建中心负责人兼任副主任。联席办负责组织召开联席会议。各村为减量化工作的责任主体，"
            "各村主要负责人是减量化工作的第一责任人。\n四、工作步骤\n（一）前期准备\n开展摸底。\n"
            "（二）全面实施\n各职能部门按照职责，分别牵头完成协议签订等工作。\n")
    notice = parse_notice(text)
    m1, m2 = notice.measures
    assert m1.units("responsible") == ["联席办", "各村"]  # 负责人 is a post, 具体承担 no role word
    assert [(o.name, o.role) for o in m1.officials] == [("各村主要负责人", "第一责任人")]
    assert m2.units("lead") == ["各职能部门"]
    # one such sentence in prose is no duty list
    with pytest.raises(NoticeError, match="no attributions found"):
        parse_notice("某镇通知\n一、总体要求\n区财政局负责保障经费。\n二、工作要求\n加强宣传引导。\n")
    # a rule stated about posts names no one (r507)
    notice = parse_notice("某区意见\n1.加强领导。明确政府主要领导为消防工作第一责任人。\n"
                          "2.建设站点。由属地政府负责站点建设，区消防救援支队配合。\n"
                          "3.推进水源。由区交通委牵头，区水务局配合。\n")
    assert [o for m in notice.measures for o in m.officials] == []
    assert [(m.units("lead"), m.units("responsible"), m.units("support")) for m in notice.measures] == [
        ([], ["属地政府"], ["区消防救援支队"]), (["区交通委"], [], ["区水务局"])]  # 由…牵头，…配合 in a task
    assert_exact("r508_touqiao_jlh_2024")
    assert_exact("r507_jinshan_xfaq_2019")


def test_groups_of_persons_given_a_duty_are_officials():
    text = ("某乡通知\n一、关于摸排工作\n(一)工作职责。负责外出返乡人员的信息摸排。\n"
            "(二)责任分工。包片党政领导、驻村干部负责各村摸排工作的指导,各村党支书记为网格长,包村负责;"
            "村民小组组长为网格员,包组负责;\n")
    notice = parse_notice(text)
    [m] = notice.measures
    assert [(o.name, o.role) for o in m.officials] == [
        ("包片党政领导", "负责"), ("驻村干部", "负责"), ("各村党支书记", "负责"), ("村民小组组长", "负责")]
    assert m.attributions == [] or not any(a.units for a in m.attributions)  # 包村 is their scope, no unit
    assert_exact("r503_changzhuyuan_yqbb_2021")


def test_a_duty_list_headed_unit_and_its_duties():
    text = ("（一）街镇（园区）消防安全委员会职责\n\n1.组织领导本地区消防工作；\n\n2.部署并牵头开展综合治理；\n\n"
            "（二）消防安全管理办公室职责\n\n1.协助开展火灾事故调查；\n\n2.根据本级消防安全委员会要求，做好其他工作。\n\n"
            "（三）居（村）委职责\n\n1.宣传消防法律法规；\n")
    notice = parse_notice(text)
    assert [(m.units("responsible"), m.units("support")) for m in notice.measures] == [
        (["街镇（园区）消防安全委员会"], []),  # the first clause has no role verb; 牵头 is in the second
        ([], ["消防安全管理办公室"]),
        (["居（村）委"], [])]
    assert notice.measure(1).title.startswith("组织领导本地区消防工作")
    assert_exact("r511_baoshan_jcxf_2022")


# Tables keyed by numbered item cells, generated: group cells, items with sub-rows
# (a task and its own unit cells), and trailing sub-rows with no unit cells.

_POOL = ["区消防救援支队", "区考核办", "各街道", "区财政局", "区城运中心", "区委编办", "相关委、办、局"]
_units = st.lists(st.sampled_from(_POOL), min_size=1, max_size=3, unique=True)
_sub = st.tuples(_units, _units)
_item = st.tuples(st.lists(_sub, min_size=1, max_size=3), st.integers(0, 2))


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.lists(_item, min_size=1, max_size=3), min_size=1, max_size=3))
def test_generated_item_keyed_tables_give_each_items_units(groups):
    cells = ["类别", "项目", "主要任务", "牵头单位", "配合单位"]
    expected = []
    n = 0
    for g, items in enumerate(groups):
        cells.append(f"{'一二三'[g]}、第{g}类")
        for subs, bare in items:
            n += 1
            cells.append(f"{n}.完成第{n}项")
            lead: list[str] = []
            support: list[str] = []
            for k, (lu, su) in enumerate(subs):
                cells += [f"推进第{n}项第{k}步工作。", "、\n".join(lu), "、".join(su)]
                lead += lu
                support += su
            cells += [f"健全第{n}项配套制度{b}。" for b in range(bare)]
            expected.append((lead, support))
    notice = parse_notice("附件：\n\n" + "\n\n".join(cells) + "\n")
    assert notice.layout == "table"
    assert [(m.units("lead"), m.units("support")) for m in notice.measures] == expected
    for m in notice.measures:
        for a in m.attributions:
            for u in a.units:
                assert notice.text[u.start : u.end] == u.as_written


def test_a_name_holding_a_place_the_document_names_keeps_it():
    text = ("上海市青浦区人民政府办公室关于印发方案的通知\n"
            "（一）完善治理机制。加强监管。（责任单位：区建管委、公安青浦分局、区应急局、卫健委）\n")
    m = parse_notice(text).measure(1)
    # 青浦 is the document's own district: 公安青浦分局 names its jurisdiction; 卫健委 still takes the 区
    assert m.units("responsible") == ["区建管委", "公安青浦分局", "区应急局", "区卫健委"]
    # with no such place in the text it keeps it too: 区应急局 after it writes the 区
    # again, so the writer is not eliding (test_extractor_unseen.py)
    m = parse_notice(text.replace("上海市青浦区人民政府办公室", "某区")).measure(1)
    assert m.units("responsible")[1] == "公安青浦分局"
    assert_exact("r500_qingpu_xfaq_2024")


@pytest.mark.parametrize("stem", ["r501_gangcheng_fgf_2021", "r505_xuchang_zfgzbg_2020", "r506_jinan_kcjn_2021",
                                  "r507_jinshan_xfaq_2019"])
def test_batch_d_documents_read_exactly_on_their_first_run_stay_so(stem):
    assert_exact(stem)


def test_shapes_batch_d_read_on_its_first_run():
    text = ("某区方案\n1.承接下放事项。组织评估。〔牵头单位:区政府办公室;责任单位:区司法局等有关部门〕\n"
            "2.规范备案管理。编制清单。(牵头单位:区政府办公室，责任单位:区政府有关部门)\n"
            "3.做好防控。\n牵头负责领导:金力。\n牵头责任单位:市卫生健康委。\n"
            "协同责任单位:市疫情防控指挥部办公室、市公安局等,各县(市、区)政府(管委会)。\n"
            "4.建设水源。列为实事项目，由区交通委牵头，区发改委、区水务局配合。\n")
    notice = parse_notice(text)
    got = [(m.units("lead"), m.units("responsible"), m.units("support")) for m in notice.measures]
    assert got == [
        (["区政府办公室"], ["区司法局"], []),  # 〔…〕 brackets, 牵头单位 and 责任单位 split by ;
        (["区政府办公室"], ["区政府有关部门"], []),  # … or by ，
        (["市卫生健康委"], [], ["市疫情防控指挥部办公室", "市公安局", "各县(市、区)政府(管委会)"])]  # 等, mid-list
    # (item 4: running text in a labelled document is not read, and an item with no attribution is no measure)
    assert [(o.name, o.role) for o in notice.measures[2].officials] == [("金力", "牵头负责领导")]


def test_parties_to_a_lease_hold_duties_as_bodies_do():
    text = ("五、职责分工\n1.镇规建办为主管部门，负责监管。\n2.镇城运中心负责收集投诉。\n"
            "3.房屋产权方及出租方应尽到管理责任，落实产权方主体责任。\n4.项目户管单位负责配合办理手续。\n")
    notice = parse_notice(text)
    assert [m.units("responsible") or m.units("support") for m in notice.measures] == [
        ["镇规建办"], ["镇城运中心"], ["房屋产权方", "出租方"], ["项目户管单位"]]
    assert_exact("r307_qibao_xegc_2020")
