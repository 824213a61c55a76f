"""Coverage-guided fuzzing of the notice parser with atheris (libFuzzer).

    python tests/fuzz/fuzz_notice.py -max_total_time=600      # on demand
    (tests/system/test_reliability.py runs it for a few seconds in CI)

Any exception other than NoticeError is a finding; so is a span that does not
quote the text it claims to.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from govgraph.loaders.notice import NoticeError, parse_notice

SEEDS = ["(一)做好工作。(牵头单位:市住建局;责任单位:市民政局、各县〔区〕人民政府〔管委会〕)",
         "一、总则\n（一）加强领导。\n牵头单位：市委组织部\n责任单位：市财政局\n",
         # duty lists (职责分工) and bare-name brackets
         "二、职责分工\n1.街道消委办。牵头开展工作。\n2.派出所：配合开展工作。\n（三）区建管委\n负责监管。\n",
         "房管所、规建生态办负责牵头组织排查；\n城运中心结合普查，协同做好排查；\n",
         "1.建立清单。(区农业农村委牵头，区规划资源局配合)\n2.加强管控。(区农业农村委)\n",
         # batch B/C: cell-per-paragraph tables, | tables with no 序号, persons, bare brackets alone
         "项目序号\n\n任务\n\n责任单位\n\n配合单位\n\n1\n\n编制\n\n区建设管理委\n（区水务局）\n\n欧阳、曲阳街道\n",
         "行业名称 | 时间安排 | 责任单位 |\n烟花爆竹 | 1月份 | 安监站 派出所工商质监所 |\n",
         "二、宝山湖，行政责任人江海彬；涝溪由村委会主任担任防汛责任人。\n1.各包村干部、村干部,负责协调;\n",
         "1.加强监管。（区水务局、相关沿海街镇）\n2.做好宣传。(区绿化市容局)\n相关部门：属地街道等。\n",
         # batch D: bare-number items, collectives with 、, item-keyed tables, clauses opening with
         # who does the work, <unit>职责 headings
         "（一）攻关\n1\ue010突破技术。（责任单位：市科技局，各县、市、区政府）\n2强化攻关。（责任单位：相关委、办、局）\n",
         "类别\n\n项目\n\n主要任务\n\n牵头单位\n\n配合单位\n\n一、保障\n\n1.做好规划\n\n同步规划。\n\n区消防救援支队\n\n各街道\n",
         "三、组织领导\n联席办负责组织召开会议。各村为减量化工作的责任主体，各村主要负责人是第一责任人。\n"
         "包片党政领导、驻村干部负责指导,各村党支书记为网格长,包村负责;\n",
         "（一）消防安全管理办公室职责\n\n1.具体负责日常工作；\n\n（二）居（村）委职责\n\n1.宣传消防法律法规；\n"]


def test_one(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(4096)
    if fdp.ConsumeBool():
        text = SEEDS[fdp.ConsumeIntInRange(0, len(SEEDS) - 1)] + text
    try:
        notice = parse_notice(text, source="fuzz.txt", max_seconds=5)
    except NoticeError:
        return
    for m in notice.measures:
        for a in m.attributions:
            assert text[a.start : a.end] == a.clause
            for u in a.units:
                assert text[u.start : u.end] == u.as_written


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
