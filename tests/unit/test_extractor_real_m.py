"""Readings added for the district documents of batch K (r1040–r1043): duty items listing their
duties one clause each (the first to its `；` decides the role), duties stated with an adverb
(`率先落实…责任`), groups closed by `等<kind>单位`, `以及`, the deictic `我区`, zones and a place's alias,
parties qualified by `的` or named by a clause, requests (`请…落实`), frames that hand no work on,
`协同` in 由-clauses, long subject lists, alternatives (`A、B或C`) and parties such as `设置者`.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from real_corpus import assert_exact, measure_roles


def test_a_duty_items_first_duty_ends_at_its_semicolon():
    # 区商务委…。按照…继续做好…；配合做好…: the first duty has no role verb (responsible); the 配合 of
    # the next duty adds nothing, as under a <unit>职责 heading (r511)
    text = ("三、职责分工\n\n（一）区建管委。负责制定区实施方案；配合市财政局做好绩效分析工作。\n\n"
            "（二）区商务委、外滩投资集团。按照现有养护合同继续做好养护工作；配合做好移交工作。\n\n"
            "（三）区财政局。配合市财政局研究制定经费标准；负责审核。\n")
    assert measure_roles(text) == [[("responsible", ["区建管委"])], [("responsible", ["区商务委", "外滩投资集团"])],
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
    assert measure_roles(text) == [[("responsible", ["有关政府机关", "医院", "普通高等学校", "国有企业"])],
                            [("responsible", ["区交通委"])]]


def test_the_units_a_lead_coordinates_split_at_yiji():
    # 由街镇牵头协调A、B以及C、D等有关部门和单位，落实…: the lead, then the units it coordinates (r804)
    from govgraph.loaders.notice.given_by import by_clauses
    text = ("由街镇牵头协调公安、居委会、小区业主委员会以及物业服务企业、道路停车管理单位等有关部门和单位，"
            "落实停放管理制度。")
    got = by_clauses(text, 0, len(text))
    assert [(a.role, [u.name for u in a.units]) for a in got] == [
        ("lead", ["街镇"]), ("support", ["公安", "居委会", "小区业主委员会", "物业服务企业", "道路停车管理单位"])]


def test_our_district_is_not_part_of_a_name():
    # 成立我区…领导小组，负责…: 我区 points at the writer (as 我街道, r804)
    from govgraph.loaders.notice.given_by import by_clauses
    text = "成立我区停车共享专项工作领导小组，负责组织、协调全区停车共享工作。"
    got = by_clauses(text, 0, len(text))
    assert [(a.role, [u.name for u in a.units]) for a in got] == [("responsible", ["停车共享专项工作领导小组"])]


def test_r1041_reads_exactly():
    assert_exact("r1041_songjiang_tczy_2017")


def _clauses(text: str) -> list[tuple[str, list[str]]]:
    from govgraph.loaders.notice.given_by import by_clauses
    from govgraph.loaders.notice.running_text import subject_clauses
    got = sorted(by_clauses(text, 0, len(text)) + subject_clauses(text, 0, len(text))[0], key=lambda a: a.start)
    return [(a.role, [u.name for u in a.units]) for a in got]


def test_a_party_qualified_by_a_noun_is_written_as_it_stands():
    # 由设施的原产权单位负责, 由主体工程的行业监督管理部门牵头 (r701: named as the clause names it)
    assert _clauses("下立交的排水由设施的原产权单位负责。") == [("responsible", ["设施的原产权单位"])]
    assert _clauses("由主体工程的行业监督管理部门牵头发起竣工验收。") == [("lead", ["主体工程的行业监督管理部门"])]
    assert _clauses("由其他的时候负责。") == []


def test_zones_and_a_town_sharing_their_administration():
    # 嘉定新城（马陆镇）: the bracket names the town the new town shares its administration with, an
    # alias dropped (r1000); 工业区 and 新城 are zones with administrations, as 新区 and 开发区 are
    from govgraph.loaders.notice.duty_words import unit_list
    text = "各镇、街道、嘉定新城（马陆镇）、嘉定工业区、菊园新区"
    assert [u.name for u in unit_list(text, 0, len(text)) or []] == [
        "各镇", "各街道", "嘉定新城", "嘉定工业区", "菊园新区"]


def test_a_request_to_units_to_carry_out():
    # 请A、B尽快落实… (r655): the units asked are responsible; 请…开展 names no role word
    assert _clauses("请下立交管理单位、产权单位、养护单位尽快落实应急处置人员信息。") == [
        ("responsible", ["下立交管理单位", "产权单位", "养护单位"])]
    assert _clauses("请各镇联合排水管理部门开展一次实地普查。") == []


def test_a_lead_after_a_frame_of_ground_coordinates_sectors():
    # 各部门要在明确各自责任的基础上，牵头组织协调排水、公安等部门: 明确 inside the frame hands nothing on;
    # the sectors it coordinates, typed by 等部门, support (r804, r656)
    text = "各部门要在明确各自责任的基础上，牵头组织协调排水、公安等部门，完善组织架构。"
    assert _clauses(text) == [("lead", ["各部门"]), ("support", ["排水", "公安"])]


def test_by_units_xietong():
    # 由道路、排水、水利等单位协同解决: 协同 in a 由-clause gives support
    assert _clauses("采取设置驼峰等工程型措施，由道路、排水、水利等单位协同解决。") == [
        ("support", ["道路", "排水", "水利"])]


def test_leadership_is_no_pivot_and_bixu_is_a_modal():
    # 各下立交管理单位必须高度重视，切实加强组织领导，并落实专人负责…: 组织领导 is a noun (no one
    # organised to do it), so the subject carries to 落实 (r754)
    text = "各下立交管理单位必须高度重视，切实加强组织领导，并落实专人负责预案的制定工作。"
    assert _clauses(text) == [("responsible", ["各下立交管理单位"])]


def test_urging_the_document_carried_out_is_no_duty():
    # 各单位要认真落实本通知要求 (r961): no unit's duty
    assert _clauses("各单位要认真落实本通知要求，进一步增强忧患意识。") == []


def test_r1043_reads_exactly():
    assert_exact("r1043_jiading_xlj_2014")


def test_a_long_list_of_district_bodies_acting_by_their_duties_with_a_role_word():
    # thirteen bodies …等部门按照各自职责，协同实施本意见: the list is the subject however long, and the role
    # word after 按照各自职责 decides (support; responsible only when there is none)
    names = ["区发展改革委", "区经委", "区公安分局", "区财政局", "区规划资源局", "区生态环境局", "区建设管理委",
             "区水务局", "区文化旅游局", "区应急局", "区市场监管局", "区房管局", "区城管执法局"]
    assert _clauses("、".join(names) + "等部门按照各自职责，协同实施本意见。") == [("support", names)]


def test_alternatives_are_one_party():
    # 由所有权人、使用权人或经营管理单位负责: whichever of them it is (r900)
    assert _clauses("既有建筑的景观照明新建的，由所有权人、使用权人或经营管理单位负责。") == [
        ("responsible", ["所有权人、使用权人或经营管理单位"])]


def test_parties_by_what_they_do_to_a_thing():
    # 设置者 (defined by the document as the 设置主体) is a party; 予以配合 after a modal is 配合;
    # 履行…责任 states a standing duty (r900); 相关部门履行下列职责时 is a condition (r803)
    assert _clauses("管理部门认为确需改建的，设置者应当予以配合。") == [("support", ["设置者"])]
    assert _clauses("景观照明设施由设置者负责日常运行。设置者应当按照相关法律、规范等履行维护管理责任。") == [
        ("responsible", ["设置者"]), ("responsible", ["设置者"])]
    assert _clauses("相关部门履行下列职责时，应当征询文物行政管理部门的意见。") == []


def test_a_party_named_by_a_clause_made_the_responsible_body():
    # 负责景观灯光设施的维护单位作为责任主体 (r508): the party written as it stands (r701)
    assert _clauses("以“谁维护，谁负责”为原则，负责景观灯光设施的维护单位作为责任主体。") == [
        ("responsible", ["负责景观灯光设施的维护单位"])]
