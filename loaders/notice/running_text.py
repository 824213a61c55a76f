"""Duties in running text: 由X负责…, and clauses that open with who does the work.

Township and street documents give most duties this way, in procedure text
rather than in labels or brackets: ``由平安办牵头，联合信访办、城运中心等部门核查…``,
``项目办负责收集…``, ``项目管理人在街道项目办指导、协助下负责…``. These readers
are used only where a document has no labels and no role brackets (see parse):
running text is where a list of names is least sure to be one.
"""

from __future__ import annotations

import re

from .clause_cues import CARRIED_RE, CLAUSE_CUE_RE, MODAL_RULE_RE, MODAL_STARTS, clause_role
from .duty_heads import NAMED_BY_CLAUSE_RE
from .duty_words import CUE_RE, MAX_HEADING, PIVOT_RE, unit_list
from .model import Attribution, Official, UnitMention
from .names import PHRASE_RE, TASK_VERBS, are_holders, looks_like_unit
from .numbering import LINE_HEADER_RE
from .persons import PERSON_GROUP_RE
from .posts import NAMED_POST_RE, post_label, served_posts
from .roles import MANNER, ROLE_RE, ROLE_WORDS, SPACE_CHARS, titles_article
from .unit_lists import list_mentions

# 由县环卫站负责清除…, 由包片单位县气象局负责…: a duty given in running text; 交由 / 移交 hand
# it over the same way (村级工程项目移交各行政村负责归档, r601). A list never runs across
# another 由 (由各村属地化管理，由村委会负责 gives 村委会); an alias in brackets may sit in it
# (由街道内部审计部门(集体资产办)负责, r602). An adverb of how often or how may stand before the
# role word (由项目办定期牵头). A role word followed by 的 qualifies a noun (牵头的工程项目):
# it gives no duty.
_ITEM = r"(?:[^。；;：:！？\n（(由)）]|[(（][^()（）。\n]{1,15}[)）])"
ADVERBS = r"(?:定期|统一|及时|主动|全面|共同|具体)?"
_BY_RE = re.compile(r"(?:交由|移交给?|交给|由)(?P<list>" + _ITEM + r"{2,80}?)" + MANNER + ADVERBS
                    + r"(?P<word>负责(?!人)|牵头|落实|配合|协同|协助)(?!的)")
# 由建管中心牵头，营商办、城运中心等部门参与…: the clauses after the 由 clause go on, with a
# manner of their own between the list and the word (根据安排参加).
_CHAIN_ITEM = r"(?:[^。；;：:！？\n（(，,由)）]|[(（][^()（）。\n]{1,15}[)）])"
_CHAIN_RE = re.compile(r"[，,](?P<list>" + _CHAIN_ITEM + r"{2,60}?)" + MANNER
                       + r"(?:根据安排|按照?要求|按照?安排)?(?P<word>配合|参与|参加|协助|协同|协办|负责|落实"
                       r"|为成员单位|为成员)(?!的)")
# The units a lead joins or leads, after its 牵头: 由平安办牵头，联合信访办、城运中心等部门核查…,
# 由平安办牵头信访办、城运中心核查…, and a later 牵头交警核实… in the same sentence (r654).
_JOINED_RE = re.compile(r"[，,]?\s*(?:联合|会同|协调|组织){0,2}")  # 牵头组织协调排水、公安等部门 (r1043)
_LEADS_AGAIN_RE = re.compile(r"[，,]\s*(?:并|同时)?牵头(?:联合|会同)?")
_DESCRIPTOR_RE = re.compile(r"[^、，,]{0,12}?(?:单位|部门)(?=.)")
_VERB_PHRASE_RE = re.compile(r"[^。；;：:，,！？\n、]{1,30}(?=[，,])")
# A list closed by 等单位 / 等部门 says its items are bodies, whatever they are called
# (项目管理人、居委、物业、代建、设计、监理、施工等单位, r656).
_TYPED_END_RE = re.compile(r"等(?:有关|相关)?(?:职能)?(?:单位|部门)\s*$")
_MAX_OBJECT = 60


def _holders(text: str, s: int, e: int, before=None) -> list[UnitMention] | None:
    """text[s:e] as a list of bodies, or None. A list typed by 等单位 takes short
    names without sentence words as bodies."""
    leads, mentions = list_mentions(text, s, e, before)
    units = leads + mentions
    if not units:
        return None
    if are_holders([u.name for u in units]):
        return units
    if _TYPED_END_RE.search(text, s, e) and all(
            2 <= len(u.name) <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", u.name)
            and not PHRASE_RE.search(u.name) for u in units):
        return units
    return None


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
        return _holders(text, s, typed.end())
    # the list runs while its items are whole bodies; the first item that is not one is
    # the last. A 、 after it belongs to the duty only where the duty opens with a verb
    # (各职能部门加强对本区域、本领域内…, r804; not 核查所涉场地权属、是否…, r654).
    tail = s
    while (sep := text.find("、", tail, stop)) != -1 and _holders(text, tail, sep) is not None:
        tail = sep + 1
    if tail > s and _holders(text, s, tail - 1) is None:
        return None
    in_duty = text.find("、", tail, stop) != -1
    # the item that ends where a task verb starts (相关部门开展联合整治, r901: not 相关部门开展联), else
    # the longest start of it that is a body's name
    ends = range(min(stop, tail + 20), tail + 1, -1)
    for e in ends:
        if text.startswith(TASK_VERBS, e) and looks_like_unit(text[tail:e]):
            return _holders(text, s, e)
    for e in ends:
        if not in_duty and looks_like_unit(text[tail:e]):
            return _holders(text, s, e)
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
# 办公地点设在…，具体负责… (r603), 建立X（以下简称Y），负责… (r755), 成立X（…），按照有关规定负责… (r653).
# The body is the subject of the clauses after it; the first clause that is only a role word (with
# an adverb or the rule it follows) gives its role. Other clauses have subjects of their own
# (主任由…兼任) or say where it sits.
_SET_UP_RE = re.compile(r"(?:成立|建立|设立|下设|组建)(?:常设机构|办事机构|常设办事机构)?"
                        r"(?P<body>[^，,。；;：:（(、\n]{2,40}?)"
                        r"(?:[（(]以下(?:简称|统称)[“\"]?(?P<short>[^）)”\"\n]{1,20})[”\"]?[）)])?[，,]")
_ROLE_CLAUSE_RE = re.compile(r"(?:(?:按照|根据|依据|依照)[^，,。；;\n]{0,20}?)?(?:具体|主要|统一|全面)?"
                             r"(?P<word>负责牵头|牵头负责|负责(?!人)|牵头)")


def set_up_clauses(text: str, start: int, end: int) -> list[Attribution]:
    """Bodies set up and given a duty in the same sentence (see _SET_UP_RE)."""
    out: list[Attribution] = []
    for m in _SET_UP_RE.finditer(text, start, end):
        units = _holders(text, m.start("body"), m.end("body"))
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
# 落实具体实施细则，具体负责…, r605): the body placed is still its subject.
_PLACED_RE = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?P<body>[^，,。；;：:、\n]{2,20}?)"
                        r"设在[^，,。；;\n]{2,30}[，,](?:会同[^，,。；;\n]{2,40}[，,])?"
                        r"(?:具体|主要|统一|全面)?(?P<word>负责牵头|牵头负责|负责(?!人)|牵头)(?!的)")


_PLACED_SUBJECT_RE = re.compile(r"[^，,。；;：:、\n]{2,20}?(?=设在)")


def placed_clauses(text: str, start: int, end: int) -> list[Attribution]:
    """Bodies placed in another and given a duty in the next clause (see _PLACED_RE)."""
    out: list[Attribution] = []
    for m in _PLACED_RE.finditer(text, start, end):
        units = unit_list(text, m.start("body"), m.end("body"))
        if units and len(units) == 1:
            word = m.group("word")
            out.append(Attribution(role=clause_role(word), label=word, clause=m.group(0),
                                   start=m.start("body"), end=m.end(), units=units))
    return out


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
    if not looks_like_unit(head) or head in _GENERIC_HEADS or PHRASE_RE.search(head):
        return None
    return [UnitMention(name=text[s:e], as_written=text[s:e], start=s, end=e, reading="qualified by 的")]


def _alternatives(text: str, units: list[UnitMention]) -> list[UnitMention]:
    """A list whose last item offers an alternative (由所有权人、使用权人或经营管理单位负责, r1042): whichever
    of them it is, one party written as it stands (r900), not each of them."""
    if len(units) < 2 or not re.search(r"或", units[-1].as_written):
        return units
    s, e = units[0].start, units[-1].end
    name = text[s:e].strip()
    return [UnitMention(name=name, as_written=text[s:e], start=s, end=e, reading="alternatives")]


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
        if with_ != -1 and _holders(text, s, with_) is not None:
            e = with_  # 本办法由区应急局会同相关部门负责解释 (r940): those it works with hold no duty (r701)
        cut = _ADVERBIAL_AFTER_RE.search(text, s + 2, e)
        if cut is not None and _holders(text, s, e) is None and _holders(text, s, cut.start()) is not None:
            e = cut.start()  # 由建设单位向项管办报备后自行负责… (r703): the units end at the adverbial
        d = _DESCRIPTOR_RE.match(text, s, e)
        # not 项目建设单位及其主管部门, nor the alternatives 管理单位或者产权单位 (r940)
        if d is not None and d.end() < e and text[d.end()] not in "(（及和与或":
            s = d.end()  # 包片单位县气象局: the kind of unit, then the unit (not an alias after it)
        units = _holders(text, s, e) or _qualified_party(text, s, e)
        if not units or _roster(text, m.end(), end):
            continue
        units = _alternatives(text, units)
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
            units = _holders(text, c.start("list"), c.end("list"), out[-1].units[-1])
            if not units:
                break
            out.append(Attribution(role=ROLE_WORDS[c.group("word")], label=c.group("word"),
                                   clause=text[c.start("list") : c.end()], start=c.start("list"),
                                   end=c.end(), units=units))
            pos = c.end()
    return out


def joined_lead(text: str, pos: int, end: int, out: list[Attribution]) -> int:
    """The units a lead joins (联合B、C等部门核查) or leads (牵头B、C核查) right after its
    牵头, and after a later 牵头 of the same sentence: support. Where reading stopped."""
    j = _JOINED_RE.match(text, pos, end)
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


# A bracket opens a clause too: …成员组成（镇监察办公室参与过程监管） (r802).
_CLAUSE_STARTS = "，,；;。：:！？!?\n（("
_CLAUSE_END = "。；;！？!?\n"
# a list of a dozen district bodies (区发展改革委、区经委、…、区城管执法局等部门, r1042)
_MAX_SUBJECT = 100
# 各村党支书记为网格长，包村负责: a group of persons made something, then 负责 for a scope.
_APPOINTED_RE = re.compile(r"为[^，,；;。\n]{1,8}[，,][^，,；;。\n]{0,4}负责(?!人)")


# 各村主要负责人是减量化工作的第一责任人: a group of persons named to a post (posts.NAMED_POST_RE).
# Not after a verb: 明确政府主要领导为消防工作第一责任人 states a rule (r507), it names no one.
_STATING_VERBS = ("明确", "确定", "规定", "要求", *TASK_VERBS)


# 受X委托 right before the role word: the subject acts on X's behalf (r603).
_ENTRUSTED_RE = re.compile(r"受[^，,。；;：:\n受]{2,20}?委托")


# Prepositions an adverbial clause opens with; a subject never does.
_ADVERBIAL_OPENERS = ("在", "对", "向", "经", "将", "把", "被", "从", "自", "按", "根据", "依据", "依照",
                      "为了", "通过", "结合")




# A frame saying on what ground or when: 各部门要在明确各自责任的基础上，牵头… (r1043). A verb inside it
# (明确) governs no doer of what follows.
_FRAME_RE = re.compile(r"在[^，,。；;\n]{1,30}?(?:基础上|前提下|过程中|情况下)")


def _pivots(text: str, s: int, e: int) -> bool:
    """Does the clause text[s:e] hand the work on to the object of a verb (指定专人…), outside a
    frame 在…的基础上?"""
    frames = [(f.start(), f.end()) for f in _FRAME_RE.finditer(text, s, e)]
    return any(not any(a <= p.start() < b for a, b in frames) for p in PIVOT_RE.finditer(text, s, e))


def _clause_stop(text: str, s: int, stop: int) -> int:
    """Where the clause at s ends: its comma, or stop."""
    while s < stop and text[s] not in "，,":
        s += 1
    return s


def _opening_subject(text: str, s: int, stop: int) -> list[UnitMention] | None:
    """The units a clause opens with before a verb of another kind (项目提出部门为…,
    各公司、村、居民区根据…), or None."""
    if text.startswith(_ADVERBIAL_OPENERS, s):
        return None  # 在项目办指导下: an adverbial; the sentence's subject stays
    comma = _clause_stop(text, s, stop)
    for cue in CUE_RE.finditer(text, s + 2, min(comma, s + MAX_HEADING + 1)):
        units = unit_list(text, s, cue.start())
        if units:
            return units
    return None


def _modal_split(text: str, s: int, e: int) -> int:
    """Where a clause's subject ends when a modal or a rule stands before its role word
    (text[s:e] is 代建机构必须按照…的授权内容), or -1."""
    for k in range(s + 2, e):
        if text.startswith(MODAL_STARTS, k) and MODAL_RULE_RE.fullmatch(text, k, e):
            return k
    return -1


def subject_clauses(text: str, start: int, end: int) -> tuple[list[Attribution], list[Official]]:
    """Duties in running text whose clause opens with who does them: the units
    (or groups of persons) at a clause's start, then a role word.

    >>> text = "区民防办、应急管理局牵头，区财政局等部门履行相应职责。"
    >>> [(a.role, [u.name for u in a.units]) for a in subject_clauses(text, 0, len(text))[0]]
    [('lead', ['区民防办', '区应急管理局']), ('responsible', ['区财政局'])]

    Read, like 由-clauses, only where a document has no labels and no role
    brackets (see parse): running text is where a list of names is least sure
    to be one. A clause opening with 由 is a 由-clause's (by_clauses)."""
    out: list[Attribution] = []
    persons: list[Official] = []
    # clauses of the sentence that may name the subject a later clause leaves out, read only when
    # one does (most sentences have none)
    carriers: list[tuple[int, int]] = []
    sentence_end = start
    stating = False
    s = start
    while s < end:
        while s < end and (text[s] in _CLAUSE_STARTS or text[s] in SPACE_CHARS):
            s += 1
        if s >= end:
            break
        if (s == 0 or text[s - 1] == "\n") and (mk := LINE_HEADER_RE.match(text, s, end)) is not None:
            s = mk.end()  # 1.小型建设工程的建设单位为…的责任单位 (r702): the clause after the item's marker
            if s >= end:
                break
        if s >= sentence_end:
            carriers = []
            stating = False  # 明确A为第一责任人，B为主要责任人: the rule governs every clause after it
            sentence_end = s
            while sentence_end < end and text[sentence_end] not in _CLAUSE_END:
                sentence_end += 1
        stop = s
        limit = min(end, s + _MAX_SUBJECT + 16)
        while stop < limit and text[stop] not in _CLAUSE_END:
            stop += 1
        # who does the work is named first: no numbering marker, no 由-clause
        opens = ("\u4e00" <= text[s] <= "\u9fff" and text[s] != "由"
                 and not (text[s - 1] in "（(" and titles_article(text, s - 1)))  # 第十条（社会参与）
        # 负责景观灯光设施的维护单位作为责任主体 (r1042): a party named by a clause, its role word the
        # party's description; the cue comes after it
        named = NAMED_BY_CLAUSE_RE.match(text, s, stop) if opens else None
        cue = CLAUSE_CUE_RE.search(text, named.end() if named else s, stop) if opens else None
        got = None
        # 镇招投标工作小组受镇领导小组委托负责… (r603): the subject is the one entrusted, the passive
        # phrase an adverbial before its role word, not a pivot handing the work on
        head_end = s
        if cue is not None:
            passive = _ENTRUSTED_RE.search(text, s, cue.start())
            entrusted = passive is not None and passive.end() == cue.start()
            head_end = passive.start() if passive is not None and entrusted else cue.start()
        if (cue is not None and head_end - s >= 2 and not re.search(r"[，,：:由]", text[s : cue.start()])
                and not PIVOT_RE.search(text, s, head_end)):  # 建设单位应委托招标代理公司负责… (r755)
            word = cue.group("word")
            taken = text.rfind("以", s, head_end) if word.startswith("为") else -1
            # 请A、B尽快落实… (r1043): a request to the units named, who are its subject
            subj = s + 1 if text.startswith("请", s) and not text.startswith("请示", s) else s
            if taken != -1:  # 农村地区以各村为责任主体 (r901): the units taken as the post follow 以
                got = _subject(text, taken + 1, head_end, cue, clause_role(word))
            else:
                got = _subject(text, subj, head_end, cue, clause_role(word))
            if got is None and taken == -1 and (k := _modal_split(text, subj, head_end)) != -1:
                got = _subject(text, subj, k, cue, clause_role(word))
            if isinstance(got, Attribution):
                out.append(got)
                if word == "牵头":
                    joined_lead(text, cue.end(), stop, out)  # 城建中心牵头组织综合行政执法队等部门… (r900)
            elif got:
                borne = cue.group("borne")  # 负有直接管理责任: the kind of responsibility is their role
                persons.extend(o.model_copy(update={"role": borne}) if borne else o for o in got)
        if got is None and opens:
            appointed = _APPOINTED_RE.search(text, s, min(end, s + _MAX_SUBJECT + 20))
            if appointed is not None and not re.search(r"[，,：:；;。由]", text[s : appointed.start()]):
                people = _subject(text, s, appointed.start(), appointed, "responsible")
                if isinstance(people, list):
                    persons.extend(people)
                    s = appointed.end()  # 包村负责 is their scope, not a clause of its own
            named = NAMED_POST_RE.search(text, s, stop)
            stating = stating or (named is not None and text.startswith(_STATING_VERBS, s))
            if (named is not None and appointed is None and not stating
                    and not re.search(r"[，,：:由]", text[s : named.start()])):
                people = _subject(text, s, named.start(), named, "responsible")
                if isinstance(people, list):
                    persons.extend(o.model_copy(update={"role": post_label(named.group("label"))})
                                   for o in people)
                elif people is not None:
                    # 房屋所有权人为房屋维修责任人: a party made the post, not persons (r1022, r603)
                    out.append(people)
            if (c := CARRIED_RE.match(text, s, stop)) is not None:
                carried = next((u for k, k_stop in reversed(carriers)
                                if (u := _opening_subject(text, k, k_stop))), None)
                if carried is not None:
                    word = c.group("word") or c.group("borne")
                    out.append(Attribution(role=clause_role(word), label=word, clause=text[s : c.end()],
                                           start=s, end=c.end(), units=carried))
                    if word == "牵头":
                        joined_lead(text, c.end(), stop, out)
                carriers = []
            elif _pivots(text, s, _clause_stop(text, s, stop)):
                carriers = []  # 项目管理人应该指定专人…，负责…: the person appointed does it (r656)
            else:
                carriers.append((s, stop))
        # on to the next clause
        while s < end and text[s] not in _CLAUSE_STARTS:
            s += 1
    persons += served_posts(text, start, end)  # 由行政主要领导担任主任，并作为…主要责任人 (r604)
    return out, sorted(persons, key=lambda o: o.start)


# Bare kinds of body, which a clause before them must name (负责公共消防设施维护管理的单位, r701).
_GENERIC_HEADS = ("单位", "部门", "机构", "机关", "组织")


def _subject(text: str, s: int, e: int, cue: re.Match[str], role: str) -> Attribution | list[Official] | None:
    """text[s:e] as the units of a clause (an Attribution) or as groups of persons
    (officials whose role is the role word 负责), or None."""
    raw = text[s:e]
    if len(raw) > _MAX_SUBJECT:
        return None
    if NAMED_BY_CLAUSE_RE.fullmatch(text, s, e):
        word = cue.groupdict().get("word") or cue.group(0)
        party = UnitMention(name=raw, as_written=raw, start=s, end=e, reading="named by a clause")
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s, end=cue.end(),
                           units=[party])
    k = raw.rfind("的")
    if k != -1 and looks_like_unit(raw[k + 1 :]) and raw[k + 1 :] not in _GENERIC_HEADS:
        s = s + k + 1  # 小型建设工程的建设单位为…责任单位 (r702): the party, what it builds qualifying it
        raw = text[s:e]
    # a list typed by 等单位 takes kinds of body as bodies (机关、团体、企业、事业等单位是…责任主体, r1002)
    units = _holders(text, s, e)
    if units and not any(ROLE_RE.search(u.name) for u in units):
        word = cue.groupdict().get("word") or cue.group(0)
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s,
                           end=cue.end(), units=units)
    groups = [(m.start(), m.group(0)) for m in re.finditer(r"[^、]+", raw)]
    if raw.startswith(("将", "把")):
        return None  # 将各级党政领导干部落实…情况纳入…: the persons are the object of 将 (r1002)
    if groups and all(2 <= len(g.strip()) <= 12 and PERSON_GROUP_RE.search(g.strip()) for _o, g in groups):
        if "或" in groups[-1][1]:
            # 法定代表人、主要负责人或实际控制人: alternatives, whoever of them it is (r1002, as r900)
            return [Official(name=raw.strip(), role="负责", as_written=raw, start=s, end=e)]
        return [Official(name=g.strip(), role="负责", as_written=g, start=s + o, end=s + o + len(g))
                for o, g in groups]
    return None
