"""Readings added for the township documents of batch H (r900-r922) and those still
missed before them: posts given by a copula (是…总牵头单位, 为牵头受理部门, 是…实施主体,
以X为责任主体), a body bearing a standing duty (对…承担主体责任, 肩负…职责), the units a
lead organises, bodies joined by 或 / 及 in town lists, paragraphs of a section that open
with a unit, bracketed duty lists inside an article and rosters of members.

Each reading is pinned on a small written case and, once a real document that
showed it reads exactly, on that document (assert_exact).
"""

from __future__ import annotations

from govgraph.loaders.notice.duty_words import duty_role
from govgraph.loaders.notice.names import are_holders
from real_corpus import assert_exact, clause_roles, measure_roles, unit_names


def test_posts_given_by_a_copula():
    # 总牵头单位 and 牵头受理部门 are lead posts; 实施主体 is responsible as 责任主体 is
    assert clause_roles("建设单位或经营者是小型工程的总牵头单位，对工程承担全面责任。") == [
        ("lead", ["建设单位或经营者"])]
    assert clause_roles("镇规建办为牵头受理部门，集中受理申请材料，并负责流转。") == [("lead", ["镇规建办"])]
    assert clause_roles("镇集体经济联合社是农村集体资产租赁的实施主体。") == [("responsible", ["镇集体经济联合社"])]
    # 以X为责任主体: the units taken as the post, not the area before 以
    assert clause_roles("农村地区以各村为责任主体；工业园区以经济总公司为责任主体。") == [
        ("responsible", ["各村"]), ("responsible", ["经济总公司"])]


def test_a_body_bearing_a_standing_duty_and_a_liability_that_is_none():
    assert clause_roles("施工单位对小型工程的工程质量承担主体责任，应严格开展施工活动。") == [
        ("responsible", ["施工单位"])]
    # carried to a later clause of the sentence
    assert clause_roles("实行监理的小型工程，监理单位应当代表建设单位实行监督管理，对小型工程承担监理责任。") == [
        ("responsible", ["监理单位"])]
    assert clause_roles("管理办公室作为镇监督管理部门，对小型工程项目肩负监管职责，监督、检查执行情况。") == [
        ("responsible", ["管理办公室"])]
    # a liability for a breach is no duty
    assert clause_roles("未备案私自施工的，建设单位和经营者负主要责任。") == []
    assert clause_roles("施工单位对造成的损失承担赔偿责任。") == []


def test_an_adverb_before_the_role_word_and_the_units_a_lead_organises():
    assert clause_roles("领导小组下设管理办公室，办公室主要负责窗口受理。") == [("responsible", ["办公室"])]
    assert clause_roles("对拒不整改的，城建中心应根据违法事项，牵头组织综合行政执法队等相关职能部门及时处置。") == [
        ("lead", ["城建中心"]), ("support", ["综合行政执法队"])]
    # the units a 由-lead leads end where a task verb starts
    text = "一、整治\n1、快速处置。拒不配合的项目，由平安建设办牵头相关部门开展联合整治。\n2、由城运中心负责巡查。\n"
    assert measure_roles(text) == [[("lead", ["平安建设办"]), ("support", ["相关部门"])], [("responsible", ["城运中心"])]]


def test_bodies_joined_by_or_and_grassroots_kinds_beside_bodies():
    assert unit_names("建设单位或经营者") == ["建设单位或经营者"]
    assert unit_names("城建中心、属地村、居及镇属企业") == ["城建中心", "属地村", "居", "镇属企业"]
    assert unit_names("村、居及公司") == ["村", "居", "公司"]
    assert are_holders(["村", "居", "公司"])
    assert not are_holders(["村", "居民区"])  # grassroots kinds alone are no list of bodies
    # what a body owns, its attributes joined by 、 inside the one collective
    assert unit_names("镇集体经济联合社、村集体经济合作社及其所属全资、控股集体企业") == [
        "镇集体经济联合社", "村集体经济合作社", "其所属全资、控股集体企业"]


def test_section_paragraphs_that_open_with_a_unit():
    # under a heading naming duties each unit-opened paragraph is an item, with or without a role
    # word; under a task heading one with no role word is the section's text and no measure; a unit
    # placed in another body heads its item, and an office placed later in a paragraph is labelled
    # by the name its clause uses
    text = ("一、管理责任\n\n镇资产委是农村集体资产租赁管理的责任主体，委员会下设租赁管理办公室，"
            "办公室设在镇经济发展服务中心，具体负责日常审核。\n\n"
            "镇资产管理部门设在镇经济发展服务中心，具体负责日常监督。\n\n"
            "二、监督管理\n\n镇资产委对农村集体资产租赁全过程监管，严格执行管理制度。\n\n"
            "三、其他事项\n\n（一）本方案由镇资产委负责解释。\n")
    assert measure_roles(text) == [[("responsible", ["镇资产委"]), ("responsible", ["办公室"])],
                            [("responsible", ["镇资产管理部门"])], [("responsible", ["镇资产委"])]]


def test_r901_reads_exactly():
    assert_exact("r901_pujiang_xegc_2021")


def test_r921_reads_exactly():
    assert_exact("r921_shuxin_jtzc_2025")


def test_r922_reads_exactly():
    assert_exact("r922_xianghua_jtzc_2024")


def test_a_bracketed_duty_list_inside_an_article():
    # each 单位： item of the bracket is a measure of its own (a role verb gives its role, none gives
    # responsible; a body's part named by its field is written as it stands); the article's own
    # sentences with role cues stay one measure, and an article with none gives no measure
    text = ("第一条 日常检查\n\n施工单位应当建立检查制度，确定检查人员。\n\n"
            "第二条 督促整改\n\n对拒不整改的，城建中心应根据违法事项，牵头组织执法队等相关职能部门及时处置。"
            "（城建中心：负责推进安全纳管全覆盖。城运中心安全生产：加强安全监管。公安派出所：协助依法处置）\n")
    assert measure_roles(text) == [[("lead", ["城建中心"]), ("support", ["执法队"])], [("responsible", ["城建中心"])],
                            [("responsible", ["城运中心安全生产"])], [("support", ["公安派出所"])]]
    # one 单位： item alone in brackets may be a note, and is not read as a list
    text = ("第一条 巡查\n\n城建中心负责巡查。（城运中心：另行通知）\n\n第二条 处置\n\n执法队负责处置。\n")
    assert measure_roles(text) == [[("responsible", ["城建中心"])], [("responsible", ["执法队"])]]


def test_r900_reads_exactly():
    assert_exact("r900_yuepu_xegc_2025")


def test_members_listed_one_per_numbered_line_are_a_roster():
    # (一)(二)(三) name only units with no text of their own: a joint meeting's members, not duty
    # items; the paragraph after the last is the section's, read for its role cues (为牵头受理部门)
    text = ("一、审批制度\n\n联席会议由三方部门组成：\n\n(一)镇规建办\n\n(二)镇经发中心\n\n(三)镇管理所\n\n"
            "其中：镇规建办为牵头受理部门，集中受理申请，并负责流转材料。\n\n二、审核\n\n"
            "1、镇经发中心审核内容\n\n(1)审核申请人资格;\n\n(2)其他内容。\n\n"
            "2、镇管理所审核内容\n\n(1)审核用地;\n\n(2)其他内容。\n")
    assert measure_roles(text) == [[("lead", ["镇规建办"])], [("responsible", ["镇经发中心"])],
                            [("responsible", ["镇管理所"])]]
    # unit heading lines over their own sub-items are duty items still
    text = ("（一）街镇消防安全委员会职责\n\n1.组织领导本地区消防工作；\n\n2.督促整改隐患。\n\n"
            "（二）消防安全管理办公室职责\n\n1.具体负责日常工作；\n\n2.汇总情况。\n")
    assert measure_roles(text) == [[("responsible", ["街镇消防安全委员会"])], [("responsible", ["消防安全管理办公室"])]]


def test_r920_reads_exactly():
    assert_exact("r920_zhoupu_cmjf_2022")


def test_a_body_given_the_role_word_as_the_object_of_a_pivot_verb():
    # the body 委托-ed (or 指定-ed, 组织-ed) does the work and is a kind of body, not a named holder
    assert clause_roles("建设单位应委托招标代理公司负责编制招标文件。") == []
    assert clause_roles("评标工作由评标委员会负责完成。建设单位负责编制预算。") == [("responsible", ["建设单位"])]


def test_r755_reads_exactly():
    assert_exact("r755_yanghang_cjgc_2020")


def test_sub_items_opening_with_an_amount_and_an_adverbial_after_a_by_clause():
    # 1、5万(不含5万)以下: a marker at a line's start followed by digits heads its item when it goes on
    # with the numbering; 由X向Y报备后自行负责: the units end where the adverbial starts
    text = ("（二）审核\n\n项管办对上报项目进行审核。\n\n1、5万(不含5万)以下的项目，由建设单位向项管办报备后自行负责把关。\n\n"
            "2、5万(含5万)以上的项目，由项管办负责把关。\n")
    assert measure_roles(text) == [[("responsible", ["建设单位"])], [("responsible", ["项管办"])]]


def test_a_role_verb_after_a_pivot_verb_is_the_appointed_persons():
    # 建设单位应指派专人负责…: the staff appointed do it; among siblings none of which gives a
    # role word, an item opening with a unit is a step, not a duty
    text = ("五、施工管理\n\n建设单位是施工管理的第一责任单位。\n\n(一)开工管理\n\n1、项目开工前由施工单位提交开工报告。\n\n"
            "2、施工单位应具有相应专业施工资质。\n\n3、建设单位应指派专人负责工程的安全质量监管工作。\n\n"
            "六、档案管理\n\n由建设单位负责收集归档。\n")
    assert measure_roles(text) == [[("responsible", ["建设单位"])], [("responsible", ["建设单位"])]]
    # a Party organisation (党组织) is no pivot verb: its 牵头 stays the item's role verb
    text = "居委党组织承担社区总牵头的责任，协同推进分类投放工作。"
    assert duty_role(text, 0, len(text)) == ("lead", "牵头")
    text = "建设单位应指派专人负责工程的安全质量监管工作。"
    assert duty_role(text, 0, len(text)) == ("responsible", "")


def test_r703_reads_exactly():
    assert_exact("r703_nanqiao_xxgc_2025")


def test_a_party_qualified_by_what_it_builds_a_meeting_and_a_by_clause_of_a_party_and_its_own():
    # 小型建设工程的建设单位: the party, its project qualifying it (a bare kind, 负责…的单位, stays whole);
    # the clause after an item's marker is read; 政府办公会议 stands for the body it is a meeting of;
    # 项目建设单位及其主管部门 splits at 及; 落实情况 is a state, no role word
    text = ("（三）施工管理\n\n1.小型建设工程的建设单位为施工管理的责任单位。\n\n"
            "2.总投资额大于3万元的，由政府办公会议负责审议。\n\n"
            "3.由本镇立项的小型建设工程，由项目建设单位及其主管部门负责安全质量监督管理。\n\n"
            "4.领导小组依据资金落实情况，统筹安排小型项目。\n")
    assert measure_roles(text) == [[("responsible", ["建设单位"])], [("responsible", ["政府办公会议"])],
                            [("responsible", ["项目建设单位", "其主管部门"])]]


def test_r702_reads_exactly():
    assert_exact("r702_gangyan_xxgc_2025")
