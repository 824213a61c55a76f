"""Duties given by 由-clauses in running text: 由X负责…, 由A牵头，联合B、C…, and bodies set up or
placed and given a duty in the same sentence (成立X，负责…; X设在Y，具体负责…).

Split from running_text, which reads clauses that open with who does the work and
uses this module's list readers (holders, leading_units, joined_lead). Read only where
a document has no labels and no role brackets (see parse).
"""

from __future__ import annotations

import bisect
import re

from .clause_cues import CLAUSE_CUE_RE, clause_role
from .duty_words import ROLE_IN_NAME_RE, unit_list
from .lexicon_lists import sector_list
from .model import Attribution, UnitMention
from .names import PHRASE_RE, TASK_VERBS, are_holders, looks_like_unit
from .roles import MANNER, ROLE_WORDS, SPACE_CHARS
from .unit_lists import list_mentions

# Bare kinds of body, which a clause before them must name (负责公共消防设施维护管理的单位, r701).
GENERIC_HEADS = ("单位", "部门", "机构", "机关", "组织")

# 由县环卫站负责清除…, 由包片单位县气象局负责…: a duty given in running text; 交由 / 移交 hand
# it over the same way (村级工程项目移交各行政村负责归档, r601). A list never runs across
# another 由 (由各村属地化管理，由村委会负责 gives 村委会); an alias in brackets may sit in it
# (由街道内部审计部门(集体资产办)负责, r602). An adverb of how often or how may stand before the
# role word (由项目办定期牵头). A role word followed by 的 qualifies a noun (牵头的工程项目):
# it gives no duty.
_ITEM = r"(?:[^。；;：:！？\n（(由)）]|[(（][^()（）。\n]{1,15}[)）])"
ADVERBS = r"(?:依法)?(?:定期|统一|及时|主动|全面|共同|具体)?"  # 由本级…机构依法负责实施 (r1544)
_BY_RE = re.compile(r"(?:交由|移交给?|交给|由)(?P<list>" + _ITEM + r"{2,80}?)" + MANNER + ADVERBS
                    + r"(?P<word>负责(?!人(?!才|力|口|防|事)|同志)|牵头|落实|配合|协同|协助)(?!的)")
# 由市人民政府和区人民政府根据职责安排 (r1882): the `按照职责` cue in a 由-clause, whatever its verb (README,
# `按照职责` wordings): the units act on duties of their own, responsible, or the role word after it decides.
_BY_DUTY_RE = re.compile(r"由(?P<list>" + _ITEM + r"{2,80}?)"
                         r"(?:(?:按照?|依照|依据|根据)(?:各自的?)?(?:职责|职能)(?:分工|权限)?|在(?:各自)?的?职责范围内)[，,]?(?:分别|共同|具体)?"
                         r"(?P<word>负责(?!人(?!才|力|口|防|事)|同志)|牵头|落实|配合|协同|协助)?(?=[\u4e00-\u9fff])")
# 由建管中心牵头，营商办、城运中心等部门参与…: the clauses after the 由 clause go on, with a
# manner of their own between the list and the word (根据安排参加).
_CHAIN_ITEM = r"(?:[^。；;：:！？\n（(，,由)）]|[(（][^()（）。\n]{1,15}[)）])"
_CHAIN_RE = re.compile(r"[，,](?P<list>" + _CHAIN_ITEM + r"{2,60}?)" + MANNER
                       + r"(?:根据安排|按照?要求|按照?安排)?(?P<word>配合|参与|参加|协助|协同|协办|负责|落实"
                       r"|为成员单位|为成员)(?!的)")
# The units a lead joins or leads, after its 牵头: 由平安办牵头，联合信访办、城运中心等部门核查…,
# 由平安办牵头信访办、城运中心核查…, and a later 牵头交警核实… in the same sentence (r654).
_JOINED_RE = re.compile(r"[，,]?\s*(?:联合|会同|协调|组织){0,2}")  # 牵头组织协调排水、公安等部门 (r1043)
# 由所在街道牵头，及时协助组织相关业主筹集… (r1141): an adverb and the lead's own 协助 before the 组织
# (adding nothing, r920), the parties organised still support
_JOINED_AFTER_RE = re.compile(r"[，,]\s*(?:及时|积极|主动)?协助(?=组织|联合|会同|协调)")
_LEADS_AGAIN_RE = re.compile(r"[，,]\s*(?:并|同时)?牵头(?:联合|会同)?")
_DESCRIPTOR_RE = re.compile(r"[^、，,]{0,12}?(?:单位|部门)(?=.)")
_VERB_PHRASE_RE = re.compile(r"[^。；;：:，,！？\n、]{1,30}(?=[，,])")
# A list closed by 等单位 / 等部门 says its items are bodies, whatever they are called
# (项目管理人、居委、物业、代建、设计、监理、施工等单位, r656).
_TYPED_END_RE = re.compile(r"等(?:有关|相关)?(?:职能)?(?:单位|部门)\s*$")
_MAX_OBJECT = 60


def holders(text: str, s: int, e: int, before=None) -> list[UnitMention] | None:
    """text[s:e] as a list of bodies, or None. A list typed by 等单位 takes short
    names without sentence words as bodies."""
    leads, mentions = list_mentions(text, s, e, before)
    units = leads + mentions
    if not units:
        return None
    if are_holders([u.name for u in units]):
        return units
    # a run of known sectors in a shape the readers above do not know (lexicon_lists)
    return sector_list(text, s, e) or _alike_before_deng(text, s, e, units)


def _alike_before_deng(text: str, s: int, e: int, units: list[UnitMention]) -> list[UnitMention] | None:
    """A list closed by a bare 等 whose items are bodies but one: that one is a party of the same kind,
    as a list's items are alike (国家机关、人民团体、企业事业单位、新闻媒体等应当按照各自职责…, r1323). Three
    items at least, the odd one a plain noun (no verb, no phrase), or None."""
    if len(units) < 3 or not text[s:e].rstrip().endswith("等"):
        return None
    odd = [u for u in units if not looks_like_unit(u.name)]
    if len(odd) != 1 or not are_holders([u.name for u in units if u is not odd[0]]):
        return None
    name = odd[0].name
    if (not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", name) or name.startswith(TASK_VERBS)
            or PHRASE_RE.search(name) or CLAUSE_CUE_RE.search(name)):
        return None
    return units


def leading_units(text: str, s: int, end: int) -> list[UnitMention] | None:
    """The list of bodies text[s:…] starts with, up to where the sentence goes on
    with a verb: 信访办、城运中心核查有无… gives 信访办, 城运中心. Every item but the
    last is a whole body; the last is the longest start of its item that is one."""
    stop = s
    limit = min(end, s + _MAX_OBJECT)
    while stop < limit and text[stop] not in "，,。；;：:！？!?\n（(":
        stop += 1
    typed = _TYPED_END_RE.search(text, s, stop)
    if typed is None:
        typed = re.compile(r"等(?:有关|相关)?(?:职能)?(?:单位|部门)").search(text, s, stop)
    if typed is not None:
        return holders(text, s, typed.end())
    # the list runs while its items are whole bodies; the first item that is not one is
    # the last. A 、 after it belongs to the duty only where the duty opens with a verb
    # (各职能部门加强对本区域、本领域内…, r804; not 核查所涉场地权属、是否…, r654).
    tail = s
    while (sep := text.find("、", tail, stop)) != -1 and holders(text, tail, sep) is not None:
        tail = sep + 1
    if tail > s and holders(text, s, tail - 1) is None:
        return None
    in_duty = text.find("、", tail, stop) != -1
    # the item that ends where a task verb starts (相关部门开展联合整治, r901: not 相关部门开展联), else
    # the longest start of it that is a body's name
    ends = range(min(stop, tail + 20), tail + 1, -1)
    for e in ends:
        if text.startswith(TASK_VERBS, e) and looks_like_unit(text[tail:e]):
            return holders(text, s, e)
    for e in ends:
        if not in_duty and looks_like_unit(text[tail:e]):
            return holders(text, s, e)
    return None


def _roster(text: str, pos: int, end: int) -> bool:
    """The clauses after a lead end with its members (由A牵头，B、C为成员单位):
    a task force's roster, not a duty (r658)."""
    c = _CHAIN_RE.match(text, pos, end)
    while c is not None:
        if c.group("word").startswith("为成员"):
            return True
        c = _CHAIN_RE.match(text, c.end(), end)
    return False


# A body set up, then what it does in the same sentence: 下设常设机构X（以下简称Y），主任由…兼任，
# 办公地点设在…，具体负责… (r603), 建立X（以下简称Y），负责… (r755), 成立X（…），按照有关规定负责… (r653);
# 设置 as 设立 (依法设置风景名胜区管理机构，具体负责…, r1942 第七条; the pool's 设置河长制办公室，具体负责…).
# The body is the subject of the clauses after it; the first clause that is only a role word (with
# an adverb or the rule it follows) gives its role. Other clauses have subjects of their own
# (主任由…兼任) or say where it sits.
# The body may be named after a relative clause saying who makes it up (设立由市人民政府有关部门、
# 司法机关和…组织组成的市社会信用体系建设议事协调机构，负责…, r1824): the clause a roster, no part of
# the name (r1523, r1644).
_SET_UP_RE = re.compile(r"(?:成立|建立|设立|下设|组建|设置)(?:常设机构|办事机构|常设办事机构)?"
                        r"(?:由[^，,。；;：:\n]{2,80}?组成的)?"
                        r"(?P<body>[^，,。；;：:（(、\n]{2,40}?)"
                        r"(?:[（(]以下(?:简称|统称)[“\"]?(?P<short>[^）)”\"\n]{1,20})[”\"]?[）)])?[，,]")
_ROLE_CLAUSE_RE = re.compile(r"(?:(?:按照|根据|依据|依照)[^，,。；;\n]{0,20}?)?(?:具体|主要|统一|全面)?"
                             r"(?P<word>负责牵头|牵头负责|负责(?!人(?!才|力|口|防|事)|同志)|牵头)")


def set_up_clauses(text: str, start: int, end: int) -> list[Attribution]:
    """Bodies set up and given a duty in the same sentence (see _SET_UP_RE)."""
    out: list[Attribution] = []
    for m in _SET_UP_RE.finditer(text, start, end):
        units = holders(text, m.start("body"), m.end("body"))
        if not units and (de := text.rfind("的", m.start("body"), m.end("body"))) != -1:
            # 设立由行政首长担任总指挥的森林防火指挥机构，负责… (r1523): a relative clause (who heads it),
            # the body its head (as 小型建设工程的建设单位, r702)
            units = holders(text, de + 1, m.end("body"))
        if not units or len(units) != 1:
            continue
        stop = m.end()
        while stop < end and text[stop] not in "。！？!?\n":
            stop += 1
        k = m.end()
        short = m.group("short")
        while k < stop:
            placed = _PLACED_SUBJECT_RE.match(text, k, stop)
            if placed is not None and unit_list(text, k, placed.end()):
                break  # 办公室设在…，具体负责…: the clause names the body itself (placed_clauses)
            if short and text.startswith(short, k):
                # 项目办设在镇规建办，负责…: the clauses go on with the short name as subject (r601)
                units = [UnitMention(name=short, as_written=short, start=k, end=k + len(short))]
                short = None
            c = _ROLE_CLAUSE_RE.match(text, k, stop)
            if c is not None:
                word = c.group("word")
                out.append(Attribution(role=clause_role(word), label=word, clause=text[m.start() : c.end()],
                                       start=units[0].start, end=c.end(), units=units))
                break
            while k < stop and text[k] not in "，,；;":
                k += 1
            k += 1
    return out


# A body placed in another, then its duty in the next clause: 办公室设在镇经济发展服务中心，具体负责… (r922).
# The body placed holds the duty, named as the clause names it (r901); the body it sits in does not (r605).
# Only the very next clause: 办公室设在镇房管所，房管所所长兼…主任，同时落实2人… gives nothing (r452).
# A clause with no subject of its own may come between, saying whom it works with (会同有关单位制定
# 落实具体实施细则，具体负责…, r605): the body placed is still its subject. So may a clause saying who
# staffs it (由A、B…选派人员参加，具体负责…, r1083): a roster, its 参加 no role.
_PLACED_RE = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?P<body>[^，,。；;：:、\n]{2,20}?)"
                        r"设在[^，,。；;\n]{2,30}[，,](?:会同[^，,。；;\n]{2,40}[，,])?"
                        r"(?:由[^，,。；;\n]{2,60}?(?:参加|组成)[，,])?"
                        r"(?:具体|主要|统一|全面)?(?P<word>负责牵头|牵头负责|负责(?!人(?!才|力|口|防|事)|同志)|牵头)(?!的)")


_PLACED_SUBJECT_RE = re.compile(r"[^，,。；;：:、\n]{2,20}?(?=设在)")


# Or in the next sentence, the body named again by the end of its name: 联席会议办公室设在区建设管理委。
# 办公室统筹负责指导… (r1123): the body placed, by the name the placing sentence gives it.
_PLACED_THEN_RE = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?P<body>[^，,。；;：:、\n]{2,20}?)"
                             r"设在[^，,。；;\n]{2,30}。(?P<again>[^，,。；;：:、\n]{2,8}?)"
                             r"(?:统筹|具体|主要|统一|全面)?(?P<word>负责牵头|牵头负责|负责(?!人(?!才|力|口|防|事)|同志)|牵头)(?!的)")


# Or designated by a verb whose object it is, the next clause giving it the duty through 其: 市、区人民政府
# 应当明确水系管理机构，由其负责… (r1422), …应当健全优化营商环境工作机构，由其负责… (r1424). 由其 is a clause
# of its own whose 其 is the body just named (as …确定的…主管部门负责…, r1222, r1301); with no 由其 the
# body stays the object of one pivot phrase (确定牵头部门负责…, r1243), read by no rule here.
_NAMED_THEN_ITS_RE = re.compile(r"(?:明确|健全|确定|指定|设立|建立|成立|组建|设置)"
                                r"(?!的)(?P<body>[^，,。；;：:、（(\n]{2,30}?)[，,]由其"
                                r"(?:统筹|具体|主要|统一|全面)?(?P<word>负责牵头|牵头负责|负责(?!人(?!才|力|口|防|事)|同志)|牵头)")


# Or designated with no 其, the next clause opening with the role word: …应当根据本辖区实际情况明确
# 历史文化街区的管理机构，负责日常保护和管理工作 (r1461), …应当建立健全…机制，明确相应工作机构，负责
# 统筹协调… (r1442). The body
# designated does it, as the body set up does (设立森林防火指挥所，负责…, r1241); the body still to be
# designated by a relative clause (明确负责组织…的主管部门, r1444) is a noun phrase, no clause.
# A designating verb before 的 is a relative clause's (区县（市）人民政府确定的排水主管部门，负责…, r1861):
# the body is named by it, designated by no clause of this sentence (running_text reads the subject).
_DESIGNATED_THEN_RE = re.compile(r"(?:明确|确定|指定)(?!的)(?P<body>[^，,。；;：:、（(\n]{2,30}?)[，,]"
                                 r"(?:统筹|具体|主要|统一|全面)?(?P<word>负责牵头|牵头负责|负责(?!人(?!才|力|口|防|事)|同志)|牵头)")


# The staff designated beside a body (…机构和工作人员): persons a body assigns, labelled nothing (staff posts,
# After batches AA–AK).
_STAFF_TAIL_RE = re.compile(r"(?:和|及|以及)(?:专职|兼职)?(?:工作)?人员$")
_BY_KIND_RE = re.compile(r"[\u4e00-\u9fff]{2,16}(?:机构|部门|单位|机关)")


def _named_by_kind(text: str, s: int, e: int) -> list[UnitMention] | None:
    if _BY_KIND_RE.fullmatch(text, s, e) is None or ROLE_IN_NAME_RE.search(text, s, e):
        return None
    return [UnitMention(name=text[s:e], as_written=text[s:e], start=s, end=e, reading="named by its kind")]


def placed_clauses(text: str, start: int, end: int) -> list[Attribution]:
    """Bodies placed in another and given a duty in the next clause (see _PLACED_RE), or in the
    next sentence that names them again (_PLACED_THEN_RE), or named and then given it through 其
    (_NAMED_THEN_ITS_RE)."""
    out: list[Attribution] = []
    for rx in (_PLACED_RE, _PLACED_THEN_RE, _NAMED_THEN_ITS_RE, _DESIGNATED_THEN_RE):
        for m in rx.finditer(text, start, end):
            if "again" in m.groupdict() and not m.group("body").endswith(m.group("again")):
                continue
            b_end = m.end("body")
            if rx is _DESIGNATED_THEN_RE and (staff := _STAFF_TAIL_RE.search(text, m.start("body"), b_end)):
                b_end = staff.start()  # 明确相应的工作机构和工作人员，具体负责… (r1521): the staff no party
            units = unit_list(text, m.start("body"), b_end)
            if not units and rx in (_DESIGNATED_THEN_RE, _NAMED_THEN_ITS_RE):
                # the object of the designating verb is a noun phrase: 历史文化街区的管理机构 (r1461), a body
                # named by the work it does, 优化营商环境工作机构 (r1424)
                units = (_qualified_party(text, m.start("body"), b_end)
                         or _named_by_kind(text, m.start("body"), b_end))
            if units and len(units) == 1:
                word = m.group("word")
                out.append(Attribution(role=clause_role(word), label=word, clause=m.group(0),
                                       start=m.start("body"), end=m.end(), units=units))
    return sorted(out, key=lambda a: a.start)


# 由X承担…工作并负责… (r1083): the units, a verb and its object, then 并 and the role word the same
# units go on to; the verb (承担, 组织, 做好 …) opens what they do first.
_FIRST_VERB_RE = re.compile(r"承担|组织|做好|开展|制定|研究|提出|" + "|".join(TASK_VERBS))


def _carried_by(text: str, s: int, e: int) -> list[UnitMention] | None:
    """The units of a 由-clause whose role word follows 并 after a first verb of theirs."""
    if not text.endswith("并", s, e):
        return None
    for v in _FIRST_VERB_RE.finditer(text, s + 2, e - 1):
        return holders(text, s, v.start())
    return None


# 其 before a kind of body is part of its name as written (其主管部门, r703; 由其管理单位或者
# 产权单位负责, r940); before a party (其所有人) it refers back to the thing and is left out (r803).
_KIND_OF_BODY_RE = re.compile(r"[^，,。；;]{0,8}?(?:单位|部门|机构|机关)")


# A party named by the thing it stands to, a noun before 的: 由设施的原产权单位负责 (r1043),
# 由主体工程的行业监督管理部门牵头 (r1042). Written as it stands, as a party named by a clause (r701).
_QUALIFIER_RE = re.compile(r"[\u4e00-\u9fff]{2,8}的")


def _qualified_party(text: str, s: int, e: int) -> list[UnitMention] | None:
    q = _QUALIFIER_RE.match(text, s, e)
    if q is None or text.startswith(TASK_VERBS, s) or PHRASE_RE.search(text, s, q.end() - 1):
        return None
    head = text[q.end() : e]
    if not looks_like_unit(head) or head in GENERIC_HEADS or PHRASE_RE.search(head):
        return None
    return [UnitMention(name=text[s:e], as_written=text[s:e], start=s, end=e, reading="qualified by 的")]


def alternatives(text: str, units: list[UnitMention]) -> list[UnitMention]:
    """A list whose last item offers an alternative (由所有权人、使用权人或经营管理单位负责, r1042): whichever
    of them it is, one party written as it stands (r900), not each of them."""
    if len(units) < 2 or not re.search(r"或", units[-1].as_written):
        return units
    s, e = units[0].start, units[-1].end
    name = text[s:e].strip()
    return [UnitMention(name=name, as_written=text[s:e], start=s, end=e, reading="alternatives")]


# A body, or another a government designates: 县（区）人民政府住房城乡建设主管部门或者县（区）人民政府确定的
# 物业主管部门（以下统称物业主管部门） (r1363). Whichever it is, one party written as it stands (r900,
# r1042), its alias dropped (r601).
# a level's bracket is kept in a name (县（区）), an alias bracket is not
_NAME_CHAR = r"(?:[^，,。；;：:（(\n]|[（(](?!以下)[^()（）\n]{1,6}[)）])"  # 、 only in a level list (below)
_DESIGNATED_RE = re.compile(rf"(?P<a>{_NAME_CHAR}{{2,30}}?)(?:或者|或)(?P<b>{_NAME_CHAR}{{2,20}}?)"
                            r"(?:确定|指定)的(?P<c>[^，,。；;：:、（(的\n]{2,12}?)"
                            r"(?:[（(]以下(?:简称|统称|称)[^()（）\n]{1,20}[)）])?")


# Two levels or more written before a government, each maybe with its alternatives: 设区的市、县（市、区）.
_LEVEL = r"(?:设区的)?[省市县区乡镇](?:[（(][省市县区乡镇、]{1,7}[)）])?"
_LEVEL_LIST_RE = re.compile(rf"{_LEVEL}(?:、{_LEVEL})+(?=人民政府|政府)")


def designated(text: str, s: int, e: int) -> list[UnitMention] | None:
    """text[s:e] as one party offered in alternatives, the second designated by a body (…或者…确定的…),
    or None."""
    m = _DESIGNATED_RE.fullmatch(text, s, e)
    if m is None:
        return None
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    # 设区的市、县（市、区）人民政府…或者设区的市、县（市、区）人民政府确定的… (r1301): both alternatives
    # written for the same levels, one party per level, as 市、区财政部门 is distributed (r1104, r1203)
    la, lb = _LEVEL_LIST_RE.match(a), _LEVEL_LIST_RE.match(b)
    if la is not None and lb is not None and la.group(0) == lb.group(0):
        levels = re.findall(_LEVEL, la.group(0))  # not split at the 、 inside 县（市、区）
        a_rest, b_rest = a[la.end() :], b[lb.end() :]
        bare = [lv.removeprefix("设区的") for lv in levels]
        named = [lv + r for lv in bare for r in (a_rest, b_rest)] + [c]
        if not all(looks_like_unit(n) for n in named):
            return None
        return [UnitMention(name=f"{lv}{a_rest}或者{lv}{b_rest}确定的{c}", as_written=text[s:e], start=s,
                            end=e, reading="alternatives, levels distributed") for lv in levels]
    # 市政工程管理部门或者区、县人民政府确定的部门 (r1943): levels before the designating government, the 、
    # inside the second alternative, nothing distributed (README, After batches AY–BG)
    if "、" in a or ("、" in b and (lb is None or "、" in b[lb.end() :])) \
            or not all(looks_like_unit(g) for g in (a, b, c)):
        return None
    name = text[s : m.end("c")]
    return [UnitMention(name=name, as_written=text[s:e], start=s, end=e, reading="alternatives")]


# A responsibility for a field named as the sentence's subject, then 由X承担
# (既有建筑的绿色运行、维护管理和节能绿色化改造责任由建筑所有权人承担, r1980): X bears it, a standing
# duty, as 承担…责任 is (README, `承担…责任`); 由X承担 of a work is none (r1760, r1882), nor of a
# liability (法律责任, 赔偿责任, 相应责任), nor under a condition before it in the sentence
# (…造成损失的，…责任由X承担): the clause opens the sentence.
_BORNE_BY_RE = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?:第[一二三四五六七八九十百零〇]+条\s*)?"
                          r"(?P<field>[^，,。；;：:！？\n由]{2,40}?)"
                          r"(?<!法律|赔偿|连带|刑事|相应|经济|违约|行政|民事|损害|全部|部分)责任"
                          r"由(?P<list>" + _ITEM + r"{2,40}?)(?:依法)?承担(?=[。；;，,\n]|$)")


# An adverbial between a 由-clause's units and its role word: 由建设单位向项管办报备后自行负责 (r703).
# Or the rule it acts by: 应由区房管局和属地街道按职责分工及时进行…，配合区财政局做好… (r1024).
_ADVERBIAL_AFTER_RE = re.compile(r"向|在|经|对|按照?|根据|依照|依据")


def by_clauses(text: str, start: int, end: int) -> list[Attribution]:
    """Duties written in running text, 由 + units + role word, and bodies set up and
    given a duty (set_up_clauses). Read only where a document has no labels and no
    role brackets (see parse), since running text is where a list of names is
    least sure to be one."""
    out: list[Attribution] = set_up_clauses(text, start, end) + placed_clauses(text, start, end)
    for m in _BY_RE.finditer(text, start, end):
        s, e = m.start("list"), m.end("list")
        if text.startswith("其", s) and e - s > 2 and not _KIND_OF_BODY_RE.match(text, s + 1, e):
            s += 1  # 由其所有人负责修缮: 其 refers back to the thing; the party is 所有人 (r803)
        with_ = text.find("会同", s + 2, e)
        if with_ != -1 and holders(text, s, with_) is not None:
            e = with_  # 本办法由区应急局会同相关部门负责解释 (r940): those it works with hold no duty (r701)
        cut = _ADVERBIAL_AFTER_RE.search(text, s + 2, e)
        if cut is not None and holders(text, s, e) is None and holders(text, s, cut.start()) is not None:
            e = cut.start()  # 由建设单位向项管办报备后自行负责… (r703): the units end at the adverbial
        d = _DESCRIPTOR_RE.match(text, s, e)
        # not 项目建设单位及其主管部门, nor the alternatives 管理单位或者产权单位 (r940)
        if d is not None and d.end() < e and text[d.end()] not in "(（及和与或":
            s = d.end()  # 包片单位县气象局: the kind of unit, then the unit (not an alias after it)
        units = holders(text, s, e) or _qualified_party(text, s, e) or _carried_by(text, s, e)
        if not units or _roster(text, m.end(), end):
            continue
        units = alternatives(text, units)
        word = m.group("word")
        out.append(Attribution(role=ROLE_WORDS[word], label="由…" + word,
                               clause=text[m.start() : m.end()], start=s, end=m.end(), units=units))
        pos = m.end()
        if word == "牵头":
            pos = joined_lead(text, pos, end, out)
        # what the lead does may come before the parties do theirs: 由项目办牵头召开例会，A、B参加
        if (word == "牵头" and _CHAIN_RE.match(text, pos, end) is None
                and (v := _VERB_PHRASE_RE.match(text, pos, end))):
            pos = v.end()
        while (c := _CHAIN_RE.match(text, pos, end)) is not None:
            if c.group("word").startswith("为成员"):
                break
            units = holders(text, c.start("list"), c.end("list"), out[-1].units[-1])
            if not units:
                break
            out.append(Attribution(role=ROLE_WORDS[c.group("word")], label=c.group("word"),
                                   clause=text[c.start("list") : c.end()], start=c.start("list"),
                                   end=c.end(), units=units))
            pos = c.end()
    for m in _BORNE_BY_RE.finditer(text, start, end):
        s, e = m.start("list"), m.end("list")
        if text.startswith(("因", "如", "若"), m.start("field")):
            continue  # 因…造成…的责任由…承担: a liability for an act
        units = holders(text, s, e) or _qualified_party(text, s, e)
        if units:
            out.append(Attribution(role="responsible", label="由…承担…责任",
                                   clause=text[m.start("field") : m.end()], start=s, end=m.end(),
                                   units=alternatives(text, units)))
    taken = {a.start for a in out}
    for m in _BY_DUTY_RE.finditer(text, start, end):
        s, e = m.start("list"), m.end("list")
        if s in taken or (units := holders(text, s, e)) is None or not units or _roster(text, m.end(), end):
            continue
        word = m.group("word")
        out.append(Attribution(role=ROLE_WORDS[word] if word else "responsible",
                               label="由…" + (word or "按照职责"), clause=text[m.start() : m.end()],
                               start=s, end=m.end(), units=alternatives(text, units)))
    return out


def joined_lead(text: str, pos: int, end: int, out: list[Attribution]) -> int:
    """The units a lead joins (联合B、C等部门核查) or leads (牵头B、C核查) right after its
    牵头, and after a later 牵头 of the same sentence: support. Where reading stopped."""
    helped = _JOINED_AFTER_RE.match(text, pos, end)
    j = _JOINED_RE.match(text, helped.end() if helped else pos, end)
    at = j.end() if j else pos
    if text[pos:at].strip(SPACE_CHARS) in ("，", ","):
        return pos  # 由项目办牵头，对施工单位进行考评: after a comma only 联合 / 会同 name parties
    while True:
        units = leading_units(text, at, end) if at < end and "\u4e00" <= text[at] <= "\u9fff" else None
        if not units or CLAUSE_CUE_RE.match(text, units[-1].end):
            return pos
        out.append(Attribution(role="support", label="牵头" if text[pos:at].strip("，, ") == "" else
                               text[pos:at].strip("，, "), clause=text[at : units[-1].end],
                               start=at, end=units[-1].end, units=units))
        pos = units[-1].end
        nxt = text.find("。", pos, end)
        again = _LEADS_AGAIN_RE.search(text, pos, nxt if nxt != -1 else end)
        if again is None:
            return pos
        at = again.end()


def with_clauses(by: list[Attribution], clauses: list[Attribution]) -> list[Attribution]:
    """由-clauses and the clauses that open with their units, in order; a clause
    a 由-clause's chain has read already (由A牵头，B配合) is not read twice."""
    spans = sorted((a.start, a.end) for a in by)
    starts = [sp[0] for sp in spans]
    kept = []
    for c in clauses:
        i = bisect.bisect_right(starts, c.start) - 1
        if i >= 0 and spans[i][0] <= c.start < spans[i][1]:
            continue
        kept.append(c)
    # one role word read twice, the clause's subject the longer reading (其依法设立的派出机构，负责…, r1721:
    # the body named by its clause, not the body a set-up clause finds inside it)
    ends = {c.end: c.start for c in kept}
    by = [b for b in by if not (b.end in ends and ends[b.end] < b.start)]
    return sorted(by + kept, key=lambda a: a.start)
