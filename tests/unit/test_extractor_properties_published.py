"""Generated documents in the layouts published documents use: role-word brackets
and task tables. Whatever is drawn, the same units come back in the right roles,
and every span quotes the text.

The shapes come from tests/corpus_real/ (brackets like r20 and r138, tables like
r45 and r142); the names are real department names.
"""

from __future__ import annotations

from govgraph.loaders.notice import parse_notice
from helpers import examples
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

UNITS = ["区发改局", "区财政局", "区住建局", "区教育局", "区民政局", "区商务局", "区市场监管局", "区卫健委",
         "区自然资源局", "区生态环境分局", "区城管局", "区公安分局", "区应急局", "区农业农村局", "区文旅局",
         "区政务服务局", "各街道办事处", "各有关部门", "区委宣传部", "区委组织部"]
LEAD_WORDS = ["牵头", "牵头负责"]
RESP_WORDS = ["负责", "按职责分工负责", "落实", "按职责分别负责", "分头落实"]
SUPPORT_WORDS = ["配合", "参与", "参加", "协同", "按职责分工配合"]
TASKS = ["加快项目建设", "优化营商环境", "强化资金保障", "推进信息化建设", "规范服务行为", "开展专项整治"]
# Brackets that are not attributions, placed in the task text.
NOISE = ["（不含本数）", "（含）", "（2021—2025年）", "（以下简称“方案”）", ""]

unit_lists = st.lists(st.sampled_from(UNITS), min_size=1, max_size=4, unique=True)


@st.composite
def measures(draw):
    n = draw(st.integers(1, 6))
    out = []
    for _ in range(n):
        lead = draw(st.one_of(st.just([]), unit_lists))
        resp = draw(st.one_of(st.just([]), unit_lists))
        support = draw(st.one_of(st.just([]), unit_lists))
        if not (lead or resp or support):
            resp = draw(unit_lists)
        out.append({"lead": lead, "responsible": resp, "support": support,
                    "task": draw(st.sampled_from(TASKS)), "noise": draw(st.sampled_from(NOISE))})
    return out


def _same_units_and_spans(notice, ms) -> None:
    """Each measure has the drawn units in each role, and every span quotes the text."""
    for m, want in zip(notice.measures, ms, strict=True):
        for role in ("lead", "responsible", "support"):
            assert m.units(role) == want[role], (m.number, role)
        for a in m.attributions:
            for u in a.units:
                assert notice.text[u.start : u.end] == u.as_written


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ms=measures(), full=st.booleans(), sep=st.sampled_from(["，", ",", "；"]),
       words=st.tuples(st.sampled_from(LEAD_WORDS), st.sampled_from(RESP_WORDS), st.sampled_from(SUPPORT_WORDS)))
def test_role_bracket_documents(ms, full, sep, words):
    o, c = ("（", "）") if full else ("(", ")")
    lines = ["某区工作方案"]
    for i, m in enumerate(ms, 1):
        clauses = [f"{'、'.join(m[role])}{word}" for role, word in zip(("lead", "responsible", "support"),
                                                                          words, strict=True) if m[role]]
        lines.append(f"{i}.{m['task']}{m['noise']}。加强统筹协调。{o}{sep.join(clauses)}{c}")
    text = "\n".join(lines) + "\n"
    note(text)
    notice = parse_notice(text)
    assert [m.number for m in notice.measures] == list(range(1, len(ms) + 1))
    _same_units_and_spans(notice, ms)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ms=measures(), pipes=st.booleans(), first=st.integers(1, 30),
       deadline_col=st.booleans())
def test_task_table_documents(ms, pipes, first, deadline_col):
    columns = ["序号", "主要任务", "牵头单位", "责任单位", "配合单位"] + (["完成时限"] if deadline_col else [])
    sep = " | " if pipes else " "
    lines = ["某区重点任务分工表", sep.join(columns)]
    for i, m in enumerate(ms):
        cells = [str(first + i), m["task"] + "。"]
        cells += ["、".join(m[role]) or "/" for role in ("lead", "responsible", "support")]
        if deadline_col:
            cells.append("12月底前")
        lines.append(sep.join(cells))
    text = "\n".join(lines) + "\n"
    note(text)
    notice = parse_notice(text)
    assert notice.layout == "table"
    assert len(notice.measures) == len(ms)
    _same_units_and_spans(notice, ms)
