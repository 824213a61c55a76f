"""The reader gives the same measures and units whatever the rendering of a
document (scripts/renderings.py, scripts/extract_robustness.py): each test is a
small written text of a shape a rendering broke, with the rendering named."""

from __future__ import annotations

from govgraph.loaders.notice import parse_notice
from real_corpus import measure_roles, renderings

IND = "\u3000\u3000"


def _indented(text: str) -> str:
    return "\n".join(IND + line if line else line for line in text.split("\n"))


# Rendering b (paragraphs indented, every line alike, as a page margin): a name cut by a
# line break whose next line is indented as deep as its own is one name, not a new paragraph.
def test_indented_margin_does_not_end_a_cut_name():
    text = ("某区工作方案\n（一）加强组织领导。\n牵头单位：区委组织部\n"
            "协办单位：区委编办、区民政局、园区党工\n委、各街道党工委\n（二）完善工作机制。\n牵头单位：区民政局")
    want = [[("lead", ["区委组织部"]), ("support", ["区委编办", "区民政局", "园区党工委", "各街道党工委"])],
            [("lead", ["区民政局"])]]
    assert measure_roles(text) == want
    assert measure_roles(_indented(text)) == want


# Rendering b: an indented heading (\u3000\u3000五、监督管理) still starts its line, so it still
# closes the duty section (四、管理责任) above it.
def test_indented_heading_closes_a_duty_section():
    text = ("某镇工作方案\n四、管理责任\n镇集体资产监督管理委员会是农村集体资产租赁管理的责任主体，做好监管工作。\n"
            "镇经济发展服务中心具体负责日常审核和监督管理。\n五、监督管理\n"
            "镇集体资产监督管理委员会对农村集体资产租赁全过程监管，严格执行管理制度。")
    want = [[("responsible", ["镇集体资产监督管理委员会"])], [("responsible", ["镇经济发展服务中心"])]]
    assert measure_roles(text) == want
    assert measure_roles(_indented(text)) == want


# Rendering b: an indented item's marker (\u3000\u30001.镇财政所…) is skipped before its
# clause is read, as at the very start of a line.
def test_indented_item_marker_before_a_clause_opening_with_its_units():
    text = ("某镇小型工程管理办法\n五、项目结算\n1.项目竣工验收后，由城建公司督促施工单位做好工程结算。\n"
            "2.审价结束后，村级工程项目移交各行政村负责归档。\n六、监督管理\n"
            "1.镇财政所、镇经管中心按照职责加强建设工程资金的监督管理。")
    want = parse_notice(text).measures
    assert [[(a.role, [u.name for u in a.units]) for a in m.attributions] for m in want][-1] == [
        ("responsible", ["镇财政所", "镇经管中心"])]
    assert measure_roles(_indented(text)) == measure_roles(text)


# Rendering d (CRLF line ends): a line of role clauses (A牵头，B、C配合。) ends before its
# \r, so it is still read as one (it was not, and the notice fell to a duty list).
def test_role_line_read_with_crlf_line_ends():
    text = ("交通强国建设试点任务要点\n一、城市公共交通智能化技术研究\n（一）试点单位。\n北京工业大学。\n"
            "（二）试点指导单位。\n交通运输部运输服务司牵头，科技司、人事教育司配合。\n"
            "二、城市综合交通数字化协同运行技术研究\n（一）试点单位。\n北京工业大学。\n"
            "（二）试点指导单位。\n交通运输部运输服务司牵头，科技司配合。\n")
    want = measure_roles(text)
    assert want[0] == [("lead", ["交通运输部运输服务司"]),
                       ("support", ["交通运输部科技司", "交通运输部人事教育司"])]
    assert measure_roles(text.replace("\n", "\r\n")) == want
    assert measure_roles(text.replace("\n", "  \n")) == want  # trailing spaces alike


# Rendering e (page footers between lines): a footer line is no measure's first sentence
# (its duty's role word is read from the sentence after it), and no cell of a table.
def test_footer_line_is_not_a_measure_title_nor_a_table_cell():
    text = ("某区停车共享工作职责分工\n（一）区卫计委\n全面梳理医院停车需求状况，推动医院内部挖潜。\n"
            "（二）区财政局\n— 3 —\n配合制订相关资金保障政策。\n")
    notice = parse_notice(text)
    assert [m.title for m in notice.measures] == ["全面梳理医院停车需求状况，推动医院内部挖潜", "配合制订相关资金保障政策"]
    assert measure_roles(text) == [[("responsible", ["区卫计委"])], [("support", ["区财政局"])]]
    assert notice.measures[1].text.count("— 3 —") == 1  # quotes are the text as given
    table = ("序号\n主要任务\n责任单位\n1\n建成县残疾人综合服务中心\n县民政局\n-2-\n2\n"
             "新建农贸市场\n县商务局\n")
    assert measure_roles(table) == [[("responsible", ["县民政局"])], [("responsible", ["县商务局"])]]


# Rendering a (hard-wrapped at a page width, as PDF-to-text leaves it): lines the page cut
# are joined before reading, so a label, a descriptor or a name cut by the page reads as
# when whole (由…包片单\n位县职教中心…负责 read 位县职教中心 before), and every offset
# and quote is still into the text as given.
WRAPPED_SOURCE = (
    "县城乡环境综合整治工作问题整改通知\n"
    "1、城乡接合部、城中村及城区省道过境沿线旱厕分布情况不清，旱厕拆除改建工作推进缓慢，群众反映强烈。\n"
    "整改要求：按照国家卫生县城复审的要求，由县卫生计生局牵头，各镇人民政府配合，对城乡接合部旱厕进行调查摸底。\n"
    "2、陈家坝药妇沟口至西大桥入口沿线商户出店占道经营问题较为突出，群众意见较大。\n"
    "整改要求：按照先劝阻、再强制的要求，由陈家坝沿线包片单位县职教中心、县消防大队、县委党校负责对各自片区出店商户"
    "开展经常性劝阻教育。\n")


def test_lines_cut_by_a_page_width_are_joined_before_reading():
    rd = renderings()
    want = measure_roles(WRAPPED_SOURCE)
    assert want[1] == [("responsible", ["县职教中心", "县消防大队", "县委党校"])]
    for width in (56, 60, 64, 68):
        wrapped = rd.hard_wrap(WRAPPED_SOURCE, width=width)
        notice = parse_notice(wrapped)
        assert measure_roles(wrapped) == want, width
        assert any("page width" in n for n in notice.notes)
        for m in notice.measures:
            assert notice.text[m.start : m.end] == m.text
            for a in m.attributions:
                for u in a.units:
                    assert notice.text[u.start : u.end] == u.as_written
                    assert "\n" not in u.name


# Rendering a: a line as wide as the page is not always cut by it. Before a blank line
# (a paragraph's or a one-cell-per-line table's cell end) or before a line indented
# deeper (\u3000\u30006 加强…: a new paragraph, its marker starting the line), it ends
# where its author ended it, and is not joined to what follows.
def test_page_wide_lines_before_a_blank_or_deeper_indented_line_are_not_joined():
    from govgraph.loaders.notice.layout import Layout
    from govgraph.loaders.notice.pages import unwrap

    layout = Layout(20)
    text = ("加强组织领导明确工作职责形成合力\n推进落实\n\n"
            "加强组织领导明确工作职责形成合力\n\n区住建局\n"
            "加强组织领导明确工作职责形成合力\n\u3000\u30006\ue010加强海洋数据支撑\n"
            "1 加快项目建设 区发改局 区财政局\n2 加快项目建设 区发改局 区财政局")
    joined, keep = unwrap(text, layout)
    assert joined.split("\n")[:2] == ["加强组织领导明确工作职责形成合力推进落实", ""]
    assert "形成合力\n\n区住建局" in joined
    assert "形成合力\n\u3000\u30006\ue010" in joined
    assert "区财政局\n2 加快" in joined
    assert all(text[keep[i]] == ch for i, ch in enumerate(joined))


# Found by the layout property test (tests/unit/test_extractor_properties.py, failing on
# main too): a list cut as 街道办 / 事处 where no page width is seen. 办 ends a name
# (街道办), but no line starts with 事处 or 公室, so the name goes on.
def test_a_name_cut_after_ban_goes_on_when_the_next_line_starts_shichu():
    text = ("某市工作措施\n（一）完善工作机制。\n牵头单位:市住房城乡建设局\n"
            "责任单位:各县〔区〕人民政府〔管委会〕、各乡(镇)人民政府、街道办\n事处、市民政局、\n市财政局\n")
    assert measure_roles(text)[0][1] == ("responsible", ["各县〔区〕人民政府〔管委会〕", "各乡(镇)人民政府、街道办事处",
                                                         "市民政局", "市财政局"])


# Rendering a: a line the page cut may stop two characters short of the page (no line may
# start with ）。, so 合 moves down with them: …各市政府配 / 合）。); it is still cut by the page.
def test_a_line_pulled_back_two_characters_is_still_cut_by_the_page():
    from govgraph.loaders.notice.layout import detect_layout

    full = ["加强组织领导明确工作职责形成工作合力推进落实到位见效", "完善工作机制健全协调制度强化督促检查确保任务完成好了",
            "优化营商环境提升服务水平方便群众办事降低企业成本高效"]
    short = "建立产销衔接服务平台（省农业农村厅牵头，各市府配"  # two characters short
    text = "\n".join([*full, short, "合）。", *full])
    layout = detect_layout(text)
    assert layout.wrap_width is not None
    nl = text.index(short) + len(short)
    assert layout.wrapped_line_ends_at(text, nl)
