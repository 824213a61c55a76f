"""Generated notices in every layout the extractor reads: whatever the layout, the
same units come back, and every span quotes the text.

A document is drawn as measures (each with lead, responsible and supporting
units) and a layout: numbering style, sections or none (numbering continuous
or restarting), bracketed or own-line attributions, half- or full-width
punctuation, list separators, label variants, trailing 等, names cut by line
breaks, blank lines and page footers, elided prefixes, bracketed aliases,
everything on one line, or hard-wrapped at a page width like PDF text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govgraph.loaders.notice import UNIT_FINAL, int_to_cn_numeral, parse_notice
from helpers import examples
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

CITY = ["市住房城乡建设局", "市民政局", "市财政局", "市公安局", "市自然资源局", "市生态环境局", "市应急局",
        "市市场监管局", "市卫生健康局", "市教育局", "市发展改革委", "市委组织部", "市委政法委",
        "市人力资源社会保障局", "市工业和信息化局", "市水务局", "市消防救援支队", "市城市管理局",
        "市委宣传部", "市大数据局", "市政务服务中心", "市总工会", "团市委", "市妇联", "人民银行安顺市中心支行",
        "国家税务总局安顺市税务局", "市住房公积金管理中心"]
# Collectives, written with the document's bracket width ({o} {c}).
COLLECTIVE = ["各县〔区〕人民政府〔管委会〕", "各县{o}区{c}党委{o}工委{c}", "各乡{o}镇{c}人民政府、街道办事处",
              "各有关部门"]
ALIASED = [("县司法局", "县普法办"), ("县委宣传部", "县新闻办"), ("市人防办", "市民防局")]
# An elided pair: written "各县（区）党委（工委）、人民政府（管委会）", read as two names.
ELIDED = ("各县{o}区{c}党委{o}工委{c}", "人民政府{o}管委会{c}", "各县{o}区{c}人民政府{o}管委会{c}")
TITLES = ["完善工作机制", "加强队伍建设", "强化资金保障", "推进信息化建设", "规范服务行为", "开展专项整治",
          "健全考核评价", "加强宣传引导", "优化审批服务", "落实属地责任"]
SENTENCES = ["要加强组织领导，明确工作职责，形成工作合力", "建立健全长效工作机制，定期研究解决重点难点问题",
             "加大资金投入力度，保障各项工作顺利开展", "强化督促检查，确保各项任务落到实处",
             "及时排查化解矛盾纠纷，维护社会和谐稳定", "完善配套政策措施，推动工作提质增效"]
SECTION_TITLES = ["加强组织领导", "突出工作重点", "强化保障措施", "注重宣传引导"]
LABELS = {"lead": ["牵头单位", "牵头部门", "主要牵头单位"],
          "responsible": ["责任单位", "主要责任单位", "责任部门"],
          "support": ["配合单位", "协办单位", "参与单位", "配合部门"]}
STYLES = ["(一)", "（一）", "一、", "1.", "1．", "1、", "（1）", "(1)"]
BREAKS = ["\n", "\n\n", "\n\n— 3 —\n\n", "\n第 2 页\n"]


@dataclass
class Item:
    """One list item: how it is written, and the names it must be read as."""

    written: str
    names: list[str]
    alias: str | None = None


@dataclass
class Layout:
    style: str
    sections: bool
    restart: bool
    brackets: str  # "end" | "own-lines" | "own-lines-bracketed"
    full: bool
    one_line: bool
    wrap: int | None
    closing_indent: bool

    @property
    def o(self) -> str:
        return "（" if self.full else "("

    @property
    def c(self) -> str:
        return "）" if self.full else ")"

    @property
    def colon(self) -> str:
        return "：" if self.full else ":"

    @property
    def semi(self) -> str:
        return "；" if self.full else ";"


@dataclass
class Drawn:
    text: str
    expected: list[dict[str, list[str]]] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)


def marker(style: str, n: int) -> str:
    cn = int_to_cn_numeral(n)
    return {"(一)": f"({cn})", "（一）": f"（{cn}）", "一、": f"{cn}、", "1.": f"{n}.", "1．": f"{n}．",
            "1、": f"{n}、", "（1）": f"（{n}）", "(1)": f"({n})"}[style]


@st.composite
def layouts(draw) -> Layout:
    style = draw(st.sampled_from(STYLES))
    one_line = draw(st.booleans()) and draw(st.booleans())
    brackets = "end" if one_line else draw(st.sampled_from(["end", "own-lines", "own-lines-bracketed"]))
    return Layout(style=style, sections=style != "一、" and draw(st.booleans()),
                  restart=draw(st.booleans()), brackets=brackets, full=draw(st.booleans()),
                  one_line=one_line, wrap=None if one_line or not draw(st.booleans()) else draw(
                      st.integers(40, 64)), closing_indent=draw(st.booleans()))


@st.composite
def items(draw, lay: Layout, used: set[str]) -> Item:
    kind = draw(st.sampled_from(["city", "city", "city", "collective", "alias", "elided"]))
    o, c = lay.o, lay.c
    if kind == "collective":
        name = draw(st.sampled_from(COLLECTIVE)).format(o=o, c=c)
        item = Item(name, [name])
    elif kind == "alias":
        name, alias = draw(st.sampled_from(ALIASED))
        item = Item(f"{name}{o}{alias}{c}", [name], alias)
    elif kind == "elided":
        first, second, restored = (s.format(o=o, c=c) for s in ELIDED)
        item = Item(f"{first}、{second}", [first, restored])
    else:
        name = draw(st.sampled_from(CITY))
        item = Item(name, [name])
    if used & set(item.names):
        name = draw(st.sampled_from([n for n in CITY if n not in used] or ["市档案馆"]))
        item = Item(name, [name])
    used.update(item.names)
    return item


def break_positions(written: str, lay: Layout) -> list[int]:
    """Where a name may be cut. In brackets anywhere; in an unbracketed list only
    where the words before the cut cannot end a name (市市场监 / 管局) — a cut
    after 局、委、办… reads as the end of the list, which is the documented rule."""
    if lay.brackets == "own-lines-bracketed" or lay.brackets == "end":
        return list(range(1, len(written)))
    return [i for i in range(1, len(written)) if written[i - 1] not in UNIT_FINAL
            and written[i - 1] not in "、，,；;" and written[i] not in "、，,；;"]


@st.composite
def unit_list(draw, lay: Layout, role: str, used: set[str], drawn: Drawn) -> tuple[str, list[str]]:
    n = draw(st.integers(1, 5 if role == "responsible" else 3))
    chosen = [draw(items(lay, used)) for _ in range(n)]
    seps = ["、", "，", "；"] if lay.full else ["、", ",", ";"]
    parts = []
    for i, it in enumerate(chosen):
        written = it.written
        if not lay.one_line and draw(st.integers(0, 5)) == 0:
            positions = break_positions(written, lay)
            if positions:
                cut = draw(st.sampled_from(positions))
                written = written[:cut] + draw(st.sampled_from(BREAKS)) + written[cut:]
        if it.alias:
            drawn.aliases[it.names[0]] = it.alias
        parts.append(written)
        if i + 1 < len(chosen):
            parts.append(draw(st.sampled_from(seps)))
            if lay.brackets != "end" and not lay.one_line and draw(st.integers(0, 6)) == 0:
                parts.append("\n")  # the list goes on on the next line, after its separator
    last = chosen[-1].names[-1]
    if draw(st.integers(0, 4)) == 0 and not last.endswith("部门"):
        parts.append(draw(st.sampled_from(["等", "等部门", "等单位"])))
    return "".join(parts), [name for it in chosen for name in it.names]


@st.composite
def attribution(draw, lay: Layout, drawn: Drawn) -> tuple[str, dict[str, list[str]]]:
    roles = draw(st.sampled_from([["lead"], ["lead", "responsible"], ["lead", "responsible", "support"],
                                  ["responsible"], ["lead", "support"], ["responsible", "support"]]))
    used: set[str] = set()
    clauses, expected = [], {}
    for role in roles:
        text, names = draw(unit_list(lay, role, used, drawn))
        clauses.append(f"{draw(st.sampled_from(LABELS[role]))}{lay.colon}{text}")
        expected[role] = names
    o, c = lay.o, lay.c
    if lay.brackets == "end":
        return f"{o}{lay.semi.join(clauses)}{c}", expected
    if lay.brackets == "own-lines-bracketed":
        return "\n" + "\n".join(f"{o}{cl}{c}" for cl in clauses), expected
    joiner = lay.semi if draw(st.integers(0, 4)) == 0 else "\n"
    return "\n" + joiner.join(clauses), expected


@st.composite
def documents(draw) -> Drawn:
    lay = draw(layouts())
    drawn = Drawn(text="")
    # Hard wrapping is only recognised with a few full lines to go by.
    n_measures = draw(st.integers(3 if lay.wrap else 1, 7))
    n_sections = min(draw(st.integers(1, 3)), n_measures) if lay.sections else 0
    paragraphs = ["安顺市关于加强物业管理工作的若干措施",
                  "为进一步加强物业管理工作，结合我市实际，制定以下措施。"]
    for i in range(n_measures):
        section = i * n_sections // n_measures if n_sections else None
        if n_sections and i * n_sections % n_measures < n_sections and (
                i == 0 or (i - 1) * n_sections // n_measures != section):
            paragraphs.append(f"{int_to_cn_numeral(section + 1)}、{SECTION_TITLES[section]}")
            first_in_section = i
        number = i + 1 - (first_in_section if n_sections and lay.restart else 0)
        title = draw(st.sampled_from(TITLES))
        body = "。".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=2 if lay.wrap else 1,
                                       max_size=3))) + "。"
        attr, expected = draw(attribution(lay, drawn))
        paragraphs.append(f"{marker(lay.style, number)}{title}。{body}{attr}")
        drawn.expected.append(expected)
    paragraphs.append(("　　" if lay.closing_indent else "") + "各县（区）要结合实际，认真抓好贯彻落实。")
    if lay.one_line:
        text = "".join(p.replace("\n", "") for p in paragraphs)
    else:
        text = "\n\n".join(paragraphs) + "\n"
        if lay.wrap:
            text = hard_wrap(text, lay.wrap)
    drawn.text = text
    return drawn


def hard_wrap(text: str, width: int) -> str:
    """Cut every line at a display width, as PDF-to-text does."""
    out = []
    for line in text.split("\n"):
        cur, w = "", 0
        for ch in line:
            cw = 2 if ord(ch) > 0x2E7F else 1
            if w + cw > width:
                out.append(cur)
                cur, w = "", 0
            cur += ch
            w += cw
        out.append(cur)
    return "\n".join(out)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_every_layout_yields_the_same_units(doc: Drawn):
    note(doc.text)
    notice = parse_notice(doc.text, source="generated.txt")
    assert [m.number for m in notice.measures] == list(range(1, len(doc.expected) + 1))
    for m, expected in zip(notice.measures, doc.expected, strict=True):
        for role in ("lead", "responsible", "support"):
            assert m.units(role) == expected.get(role, []), (m.number, role)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_spans_quote_the_text_and_aliases_are_kept(doc: Drawn):
    notice = parse_notice(doc.text, source="generated.txt")
    for m in notice.measures:
        assert doc.text[m.start : m.end] == m.text
        for a in m.attributions:
            assert doc.text[a.start : a.end] == a.clause
            for u in a.units:
                assert doc.text[u.start : u.end] == u.as_written
                if u.name in doc.aliases:
                    assert u.alias == doc.aliases[u.name]


# Text made of the characters the parser looks at, to shake out crashes.
NOTICE_ALPHABET = "（）()〔〕一二三十1２3.．、：:；;，,。牵头单位责任配合市县局委人民政府各等—- \n\u3000第页"


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(st.text(max_size=400), st.text(alphabet=NOTICE_ALPHABET, max_size=600)))
def test_any_text_is_parsed_or_refused_with_a_notice_error(text: str):
    from govgraph.loaders.notice import NoticeError

    try:
        notice = parse_notice(text, source="random.txt")
    except NoticeError as e:
        assert str(e).startswith("random.txt: ")
        return
    for m in notice.measures:
        assert any(a.units for a in m.attributions)
        assert text[m.start : m.end] == m.text
        for a in m.attributions:
            assert text[a.start : a.end] == a.clause
            for u in a.units:
                assert text[u.start : u.end] == u.as_written and u.name


# Duty lists (职责分工): items headed by a unit, the role from the duty's first role verb.
# One document's units come from one level; a heading of two names takes them from
# the named ones (an unprefixed second name would take the first one's prefix).
DUTY_POOLS = [["镇规建办", "镇财政所", "镇城运中心", "镇安监所", "镇经发办", "镇社区办", "各村", "各居委会"],
              ["街道消委办", "街道城运中心", "街道管理办", "街道服务办", "各居民区", "各居委会"],
              ["区建管委", "区财政局", "区房管局", "区民政局", "各街道", "各镇"]]
DUTY_BARE = ["派出所", "居委会", "综合行政执法队", "房管所", "建管中心", "服务办"]
DUTY_VERBS = [("牵头", "lead"), ("负责牵头", "lead"), ("负责", "responsible"), ("配合", "support"),
              ("协助", "support"), ("负责配合", "support"), ("", "responsible")]
DUTIES = ["做好日常巡查工作", "加强安全宣传教育", "开展隐患排查整治", "督促落实整改措施", "统筹协调相关工作"]


@st.composite
def duty_lists(draw) -> Drawn:
    numbered = draw(st.booleans())
    style = draw(st.sampled_from(["1.", "1、", "（一）", "(一)"]))
    shapes = ["。", "："] + (["own-line", "run-on"] if numbered else ["run-on"])
    n = draw(st.integers(2, 7))
    pools = draw(st.sampled_from(DUTY_POOLS))
    lines = ["某镇关于印发工作方案的通知", "二、职责分工" if style[0] in "(（" else "三、职责分工"]
    if style[0] in "(（":
        lines[-1] = "一、职责分工"
    expected = []
    for i in range(n):
        shape = draw(st.sampled_from(shapes))
        k = draw(st.integers(1, 2 if shape == "run-on" else 1))
        pool = pools if k > 1 else pools + DUTY_BARE
        units = draw(st.lists(st.sampled_from(pool), min_size=k, max_size=k, unique=True))
        verb, role = draw(st.sampled_from(DUTY_VERBS))
        duty = draw(st.sampled_from(DUTIES))
        m = marker(style, i + 1) if numbered else ""
        head = "、".join(units)
        if shape == "own-line":
            lines += [f"{m}{head}", f"{verb}{duty}，{draw(st.sampled_from(SENTENCES))}。"]
        elif shape == "run-on":
            lines.append(f"{m}{head}{verb}{duty}，{draw(st.sampled_from(SENTENCES))}。")
        else:
            lines.append(f"{m}{head}{shape}{verb}{duty}。{draw(st.sampled_from(SENTENCES))}。")
        expected.append({role: units})
    return Drawn(text="\n".join(lines) + "\n", expected=expected)


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(duty_lists())
def test_a_duty_list_yields_each_items_units_with_their_role(doc: Drawn):
    note(doc.text)
    notice = parse_notice(doc.text, source="generated.txt")
    assert len(notice.measures) == len(doc.expected)
    for m, expected in zip(notice.measures, doc.expected, strict=True):
        for role in ("lead", "responsible", "support"):
            assert m.units(role) == expected.get(role, []), (m.number, role)
        assert doc.text[m.start : m.end] == m.text
        for a in m.attributions:
            assert doc.text[a.start : a.end] == a.clause
            for u in a.units:
                assert doc.text[u.start : u.end] == u.as_written
