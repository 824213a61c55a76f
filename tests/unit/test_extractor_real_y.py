"""Round Y (issue 25): grammar, not vocabulary. Each rule is stated as a shape of names, lists,
clauses or labels and pinned here on the real documents it fixed (tests/corpus_real/, see its
README) and on constructed variants: lists and sentences written for these tests, marked
*constructed*, with words no document in the corpus uses, so the shape rather than the words is
what is read. Constructed variants are not real documents and count in no score."""

from __future__ import annotations

from govgraph.loaders.notice.given_by import holders
from real_corpus import assert_exact, clause_roles, evaluated, measure_roles, real_notice


def sector_names(text: str) -> list[str]:
    """The bodies a list at a clause's head reads as (given_by.holders, which running text and duty
    headings use)."""
    return [u.name for u in holders(text, 0, len(text)) or []]

# --- 1. sector lists: a shared place prefix, sectors, a shared kind of body -------------------


def test_a_kind_written_once_on_the_last_sector_is_distributed_and_the_place_prefix_restored():
    # r1203 第六条: 市人力资源和社会保障、民政部门负责… (the 和 inside the first department's name kept)
    assert sector_names("市人力资源和社会保障、民政部门") == ["市人力资源和社会保障部门", "市民政部门"]
    # constructed: other levels, other sectors, a qualified kind
    assert sector_names("县文化和旅游、体育行政部门") == ["县文化和旅游行政部门", "县体育行政部门"]
    assert sector_names("省交通、水利、林草主管部门") == ["省交通主管部门", "省水利主管部门", "省林草主管部门"]


def test_without_a_place_prefix_a_kind_written_once_makes_no_sector_list():
    # constructed (as r1000's 依法指导、督促本行业、本系统相关单位): verbs and objects before a kind are
    # no sectors unless a place prefix says they are departments
    assert sector_names("指导、督促本系统相关单位") != ["指导单位", "督促本系统相关单位"]


def test_bare_levels_before_the_first_sector_are_distributed_over_every_sector():
    # r1203: 市、区发展改革、工业和信息化、市场监管、残联等单位…协同实施 (等单位 not distributed)
    assert sector_names("市、区发展改革、工业和信息化、市场监管、残联等单位") == [
        "市发展改革", "区发展改革", "市工业和信息化", "区工业和信息化", "市市场监管", "区市场监管",
        "市残联", "区残联"]
    # constructed: three levels, other sectors
    assert sector_names("省、市、县交通、水利等部门") == [
        "省交通", "市交通", "县交通", "省水利", "市水利", "县水利"]


def test_a_level_with_its_alternative_in_brackets_is_restored_as_written():
    # r1221 第三条: 市（区）财政、民政、卫生健康、人力资源社会保障等部门
    assert sector_names("市（区）财政、民政、卫生健康、人力资源社会保障等部门") == [
        "市（区）财政", "市（区）民政", "市（区）卫生健康", "市（区）人力资源社会保障"]
    # constructed
    assert sector_names("县（市）交通、水利等单位") == ["县（市）交通", "县（市）水利"]


def test_a_qualified_kind_after_deng_closes_a_sector_list():
    # r1160: 区水务、市场监督、信息化、规划资源等行政管理部门按照各自职责，协同实施本办法
    # r1142: 水、电、气、通信等配套服务公司应保障… (one-character sectors, in a list of them)
    assert sector_names("区水务、市场监督、信息化、规划资源等行政管理部门") == [
        "区水务", "区市场监督", "区信息化", "区规划资源"]
    assert sector_names("水、电、气、通信等配套服务公司") == ["水", "电", "气", "通信"]
    # constructed
    assert sector_names("县交通、林草等综合执法部门") == ["县交通", "县林草"]
    assert sector_names("路、灯、桥等养护公司") == ["路", "灯", "桥"]


def test_sector_lists_in_the_real_documents():
    assert_exact("r1142_jinshan_zdgc_2023")  # 水、电、气、通信等配套服务公司 (support, 配合职责)
    r1160 = evaluated("r1160_baoshan_jzlj_2024")
    assert not [p for p in r1160.problems if "measure 8" in p], r1160.problems
    r1203 = evaluated("r1203_guangzhou_jjyl_2022")
    assert not [p for p in r1203.problems if "missed 市发展改革" in p or "missed 市民政部门" in p
                and "measure 2" in p], r1203.problems


# --- 2. names joined by 和 after a word for bodies (部门, 机构, 机关) ---------------------------


def test_a_name_ending_in_a_word_for_bodies_ends_before_he():
    # r1203 第八条: 市、区民政部门和镇人民政府、街道办事处应当…落实… was read 市民政部门和镇人民政府; the
    # 和 after 部门 joins two bodies, and the bare 市 then shares 民政部门 (r1104's 市、区残联)
    assert sector_names("市、区民政部门和镇人民政府、街道办事处") == [
        "市民政部门", "区民政部门", "镇人民政府", "街道办事处"]
    r1203 = evaluated("r1203_guangzhou_jjyl_2022")
    assert not [p for p in r1203.problems if "measure 4" in p], r1203.problems
    # constructed: other kinds of body word and other joiners
    assert sector_names("县税务机关和乡镇财政所") == ["县税务机关", "乡镇财政所"]
    assert sector_names("县、镇卫生部门及镇卫生院") == ["县卫生部门", "镇卫生部门", "镇卫生院"]
    # one department's own name keeps its 和 (市文化和旅游部门), as before
    assert sector_names("市文化和旅游部门") == ["市文化和旅游部门"]


# --- 3. a bracket-opening label's colon typed as a semicolon ---------------------------------


def test_a_label_opening_a_bracket_reads_its_semicolon_as_its_colon():
    # r1240 item 5: (责任单位;住建局、畜牧局、各乡镇场) shifted the units of the items after it
    assert_exact("r1240_fuyu_rjhjdc_nd")
    notice = real_notice("r1240_fuyu_rjhjdc_nd")
    a = notice.measure(5).attributions[0]
    assert a.clause == notice.text[a.start : a.end] == "责任单位;住建局、畜牧局、各乡镇场"  # quoted as written


def test_the_semicolon_slip_is_read_for_any_label_and_either_width():
    # constructed: other labels, full-width ；, a notice of another kind
    text = ("某县河道整治工作安排\n1.清理河道两岸垃圾。（牵头单位；县水利站）\n"
            "2.修复堤坝护坡。(配合部门;县财政所、县交通站)\n3.巡查河道。（责任单位：各村委会）\n")
    assert measure_roles(text) == [[("lead", ["县水利站"])], [("support", ["县财政所", "县交通站"])],
                                   [("responsible", ["各村委会"])]]


def test_a_semicolon_between_two_labelled_lists_is_no_slip():
    # constructed: ； after a list, before the next label, separates the lists as it always did
    text = "某县工作安排\n1.清理河道两岸垃圾。（牵头单位：县水利站；配合单位：县财政所）\n2.巡查河道。（责任单位：各村委会）\n"
    assert measure_roles(text) == [[("lead", ["县水利站"]), ("support", ["县财政所"])],
                                   [("responsible", ["各村委会"])]]


# --- 4. a body handing a duty to another: the delegate is the doer ---------------------------


def test_a_body_authorising_another_is_no_part_of_its_name():
    # r1222 第六条: 州人民政府授权州数据资源主管部门负责… was read as one unit
    first = real_notice("r1222_aba_zwsj_2021").measure(1).attributions[0]
    assert [(u.name, u.reading) for u in first.units] == [("州数据资源主管部门", "delegated by 州人民政府 (授权)")]
    r1222 = evaluated("r1222_aba_zwsj_2021")
    assert not [p for p in r1222.problems if "州人民政府授权" in p], r1222.problems


def test_the_delegate_is_read_whatever_the_bodies_and_the_verb():
    # constructed: other bodies, other delegating verbs, in running text, a duty list and a label
    assert clause_roles("县人民政府责成县林业局牵头开展清查，县公安局配合。") == [
        ("lead", ["县林业局"]), ("support", ["县公安局"])]
    assert measure_roles("某县护林工作安排\n1.加强巡山护林。（责任单位：县人民政府委托县林业站）\n"
                         "2.开展防火宣传。（责任单位：各乡镇）\n") == [
        [("responsible", ["县林业站"])], [("responsible", ["各乡镇"])]]


def test_a_duty_to_entrust_with_a_modal_stays_unread():
    # r755 (建设单位应委托招标代理公司负责…): a modal makes it the first party's duty to hand the work on,
    # and nothing is labelled, as before
    assert_exact("r755_yanghang_cjgc_2020")
    assert clause_roles("建设单位应委托监理公司负责现场管理。") == []


# --- 5. a group's make-up and its duties: rosters with spaced labels, verbs naming what a group does


def test_work_groups_with_their_make_up_and_labelled_duties_are_each_a_measure():
    # r1261: 一、领导小组 / 组 长:… / 成 员:… is a roster (no measure); (一)监督工作组 / 组 长:… /
    # 成员单位:… / 工作职责:… is the group's duty item (it was lost, and each group took the next one's place)
    assert_exact("r1261_gaowan_cwzz_nd")


# constructed: a township notice of the same shape, other groups and other offices (persons as 某某)
_GROUPS = ("某镇关于调整卫生创建工作组的通知\n一、领导小组\n组  长:某某\n副 组 长:某某\n成  员:党政办、财政所、规划办\n"
           "二、工作机构\n(一)督促检查组\n组 长:某某\n成员单位:党政办、纪检办\n工作职责:对各村创建工作进行检查;"
           "负责通报检查结果。\n(二)环境整治组\n组 长:某某\n成员单位:规划办、各村委会\n工作职责:负责集镇环境卫生整治。\n")


def test_a_verb_before_a_bare_kind_of_body_names_the_group():
    from govgraph.loaders.notice.names import looks_like_unit

    assert looks_like_unit("监督工作组") and looks_like_unit("督促检查组") and looks_like_unit("指导小组")
    assert not looks_like_unit("监督各街道办事处") and not looks_like_unit("督促物业公司")


def test_a_roster_with_spaced_labels_is_no_measure_and_a_group_with_duties_after_its_roster_is_one():
    assert measure_roles(_GROUPS) == [[("responsible", ["督促检查组"])], [("responsible", ["环境整治组"])]]
