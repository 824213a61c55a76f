"""Duty lists known by their structure (duty_density): a section whose paragraphs mostly open with a
unit and its duty is a duty list whatever its heading says.

Excerpts are short pieces of the real documents in tests/corpus_real/ (see its README); where a
heading is changed to show the rule does not depend on its words, the test says so."""

from __future__ import annotations

from real_corpus import assert_exact, measure_roles

# r704's duty items, then its paragraphs of units with their duties under a heading renamed (adapted:
# the document has them under （一）加强日常监管 of 四、具体措施; 二、工作机制 names no duty)
_RENAMED = ("某区建筑垃圾管理工作方案\n一、分工与职责\n（一）虹口区绿化和市容管理局\n"
            "区绿化市容局是本区建筑垃圾处理的主管部门，负责本区域内建筑垃圾管理。\n"
            "（二）虹口区建设和管理委员会\n区建设管理委是本区建设工程项目的主管部门，主要负责工地监管。\n"
            "二、工作机制\n区绿化市容局、区住房保障房屋管理局负责根据居住区装修垃圾申报情况开展巡查。\n"
            "区建设管理委负责建设工程项目建筑垃圾中的废弃混凝土回收利用。\n"
            "各街道办事处负责发挥属地综合管理职能，结合街道城市网格化管理开展巡查。\n")


def test_paragraphs_opening_with_units_and_duties_are_items_whatever_the_heading_says():
    # without the structure rule the three paragraphs were one measure titled 工作机制
    assert measure_roles(_RENAMED) == [
        [("responsible", ["虹口区绿化和市容管理局"])],
        [("responsible", ["虹口区建设和管理委员会"])],
        [("responsible", ["区绿化市容局", "区住房保障房屋管理局"])],
        [("responsible", ["区建设管理委"])],
        [("responsible", ["各街道办事处"])],
    ]


def test_a_heading_at_the_level_of_the_unit_headed_items_keeps_its_paragraphs_as_its_own_text():
    # r704: （一）加强日常监管 is a measure of 四、具体措施 beside the duty items （一）…（十一）; its
    # paragraphs of units with 负责 are its text, one measure
    text = _RENAMED.replace("二、工作机制\n", "二、具体措施\n（一）加强日常监管\n")
    roles = measure_roles(text)
    assert len(roles) == 3
    assert [u for _r, us in roles[2] for u in us] == ["区绿化市容局", "区住房保障房屋管理局", "区建设管理委",
                                                       "各街道办事处"]


def test_a_regulations_paragraphs_with_parties_as_subjects_are_no_duty_list():
    # r755: 建设单位应委托… / 评标委员会… under the articles of a 办法 give no duty; the document stays exact
    assert_exact("r755_yanghang_cjgc_2020")
    assert_exact("r704_hongkou_jzlj_2022")
    assert_exact("r900_yuepu_xegc_2025")
    assert_exact("r1042_fengxian_jgzm_2024")


def test_a_duty_later_in_the_first_sentence_counts_as_the_units_duty():
    # r921's 四、管理责任 paragraphs, the heading renamed (adapted): 设在…，具体负责… gives its duty in the
    # sentence's second clause, …是…的责任主体 names the unit the party bearing it
    text = ("某镇集体资产租赁管理工作方案\n一、组织机构\n（一）镇经济发展服务中心。负责租赁合同的备案。\n"
            "（二）镇财政所。配合做好资金监管。\n二、管理机制\n"
            "镇集体资产监督管理委员会是农村集体资产租赁管理的责任主体。\n"
            "镇农村集体资产管理部门设在镇经济发展服务中心，具体负责日常监督管理工作。\n")
    assert measure_roles(text)[2:] == [[("responsible", ["镇集体资产监督管理委员会"])],
                                       [("responsible", ["镇农村集体资产管理部门"])]]


def test_an_item_with_no_role_word_among_unit_headed_siblings_giving_duties_is_a_duty_whatever_the_heading():
    # r451's 四、责任分工 renamed 四、工作安排 (adapted): 3.乡村振兴办公室做好… names no role word, but its
    # siblings open with their doers and say 负责; the list is a duty list by its structure
    text = ("高庄镇环境卫生整治工作方案\n三、整治任务:\n1.清理整治村庄内外“三堆”;\n2.做好背街小巷的环境卫生工作。\n"
            "四、工作安排:\n1.由保洁公司负责组织各村保洁人员,按区域及分工开展整治工作。\n"
            "2.各包村干部、村干部,负责组织协调处理村内乱堆乱放。\n"
            "3.乡村振兴办公室做好组织协调工作,对各村整治情况进行检查。\n")
    roles = measure_roles(text)
    assert roles[0] == [("responsible", ["保洁公司"])]
    assert roles[-1] == [("responsible", ["乡村振兴办公室"])]


def test_a_labelled_documents_unlabelled_paragraphs_of_units_and_duties_are_its_duty_list_by_structure():
    # r1063's （二）职责分工 renamed （二）推进机制 (adapted), beside a labelled measure: each paragraph
    # opening with a unit and its role verb is a measure, its role the first role verb's
    text = ("宝山区低效产业用地处置工作方案\n五、工作机制\n（一）推进机制\n"
            "区规划资源局负责组织、协调低效产业用地处置工作。\n"
            "区经委牵头负责制定低效产业用地的认定评价标准。\n"
            "区财政局牵头对处置低效产业用地给予一定财政支持。\n"
            "六、工作安排\n（一）明确低效用地标准\n1.制定产业用地资源利用效率评价办法。（责任单位：区经委）\n"
            "2.开展资源利用效率评价。（责任单位：区规划资源局）\n")
    assert measure_roles(text) == [[("responsible", ["区规划资源局"])], [("lead", ["区经委"])],
                                   [("lead", ["区财政局"])], [("responsible", ["区经委"])],
                                   [("responsible", ["区规划资源局"])]]


def test_numbered_units_with_colons_beside_labels_are_a_duty_list_by_structure():
    # r1061's 三、试点工作职能分工 renamed 一、试点工作机制 (adapted): (一)…(三) each open with a body and a colon, two
    # of three with a role verb; beside labelled measures they are read as a duty list
    text = ("一、试点工作机制\n\n"
            "（一）工作领导小组：指导协调监管机构开展工作。\n\n"
            "（二）协调监管机构：负责研究试点中的重大问题。\n\n"
            "（三）工作推进专班：配合区协调监管机构研究并拟定管理办法。\n\n"
            "二、试点主要内容\n\n"
            "1.《管理办法》（责任单位：区规划资源局）\n\n"
            "2.《实施细则》（责任单位：区财政局）\n")
    assert measure_roles(text) == [[("responsible", ["工作领导小组"])], [("responsible", ["协调监管机构"])],
                                   [("support", ["工作推进专班"])],
                                   [("responsible", ["区规划资源局"])], [("responsible", ["区财政局"])]]
