"""Where a duty item's heading units reach, and what else an item gives: items
that introduce a list rather than give a duty, items among siblings that are a duty
list (or steps of a procedure), and later sentences whose subject is another unit
with a role verb of its own."""

from __future__ import annotations

import bisect
import re

from .clause_bodies import body_end, clause_bodies
from .clause_cues import CARRIED_RE, clause_role
from .duty_heads import located_list, named_by_clause, owned_bodies
from .duty_words import (
    ACTS_BY_DUTY_RE,
    CUE_RE,
    MAX_HEADING,
    MAX_LIST_HEADING,
    PARTIES_RE,
    ROLE_VERB_RE,
    SENTENCE_END,
    STATED_AT_RE,
    duty_role,
    opening_list,
    unit_list,
)
from .given_by import designated
from .model import Attribution, UnitMention
from .numbering import Header
from .vocabulary import at_line_start

# Generic holders that stand for the units a list below names (各单位按以下职能分工…, r310).
_GENERIC_RE = re.compile(r"(?:各|有关|相关|各有关|各相关)(?:单位|部门)")
_POINTS_AHEAD_RE = re.compile(r"以下|如下|下列")


# A collective of some level's departments (市、县级人民政府有关行政管理部门): the members a list below names.
_COLLECTIVE_RE = re.compile(r"[^、，,]{0,12}?(?:各|有关|相关|其他)[\u4e00-\u9fff]{0,6}?(?:单位|部门)")


def introduces(text: str, units: list, duty_start: int, end: int) -> bool:
    """Does an item introduce a list rather than give a duty: generic holders
    (各单位) and a first sentence pointing ahead to the items below? Or a collective whose only
    sentence ends in a colon right before them (…有关行政管理部门按照各自职责，在…开展…工作： / （一）市场监督
    管理部门负责…, r1341, the r940 lead-in)?"""
    if not units or not all(isinstance(u, UnitMention) for u in units):
        return False
    stop = duty_start
    while stop < end and text[stop] not in SENTENCE_END:
        stop += 1
    if all(_GENERIC_RE.fullmatch(u.name) for u in units):
        return _POINTS_AHEAD_RE.search(text, duty_start, stop) is not None
    colon = text.rfind("：", duty_start, end)
    return (all(_COLLECTIVE_RE.fullmatch(u.name) for u in units) and colon != -1
            and not any(c in SENTENCE_END for c in text[duty_start:colon])
            and not text[colon + 1 : end].strip())


# What may stand between a later clause's subject and its role verb: adverbs (依法, 具体, 在各自职责
# 范围内), or a phrase saying by what rule (公安派出所根据…有关规定，负责…).
# 区公安分局予以配合, 区民政局应当积极配合: a modal, and 予以 before the verb
_ADVERB_RE = re.compile(r"(?:(?:应当|应|要)?(?:具体|共同|分别|主要|依法|积极|在各自(?:的)?职责范围内"
                        r"|按照?各自(?:的)?职责(?:分工)?)|(?:应当|应|要)?(?:予以|给予))+$")
_BARE_MODAL_RE = re.compile(r"(?:应当|应该|必须|应|须)$")
_BY_RULE_RE = re.compile(r"(?:根据|按照|依据|依照|参照)[^。；;\n]{1,40}[，,]$")
# How far a later clause's subject and what stands before its role verb may reach.
_MAX_LATER_HEAD = 180
# a dozen sectors or bodies (区公安分局、…等部门, r941; 发展和改革、公安、…等部门和消防救援机构, r1322)
_MAX_LATER_SUBJECT = 160


def abbreviates(short: str, full: str) -> bool:
    """Is ``short`` the full name shortened, its characters kept in order (区绿化市容局 of
    虹口区绿化和市容管理局, 消委办 of 街道消委办)?"""
    k = 0
    for ch in full:
        if k < len(short) and ch == short[k]:
            k += 1
    return k == len(short)


def restates(name: str, head: str) -> bool:
    """Is a later subject the heading unit again, maybe by a shorter name (消委办 for 街道消委办)?"""
    return name == head or head.endswith(name) or name.endswith(head)


def later_subjects(text: str, duty_start: int, end: int, heads: list[str]) -> list[Attribution]:
    """Later clauses of a duty item whose subject is another unit with a role verb
    of its own (3.区经委负责…。区粮食物资储备局负责…, r701; 区消防救援局负责…；区防汛指挥部负责…，
    区国动办和相关监督管理部门依法负责…, r941): that unit, with that role.
    A clause whose subject has no role word (区科协应将…), whose subject is the
    heading unit again (消委办负责…) or which opens with a verb (督促小区物业公司负责…:
    the unit is its object) gives nothing."""
    out: list[Attribution] = []
    s = duty_start
    stop = _sentence_stop(text, s, end)
    first = True  # the item's first clause is the heading unit's own
    new_sentence = False
    while s < end:
        if not first:
            verb = ROLE_VERB_RE.search(text, s, min(stop, s + _MAX_LATER_HEAD))
            while verb is not None and (inner := body_end(text, verb.start(), stop)) is not None:
                # 区人民政府负责金融工作的部门依照…: 负责 inside the body's name (clause_bodies)
                verb = ROLE_VERB_RE.search(text, inner, min(stop, s + _MAX_LATER_HEAD))
            got = None
            if verb is not None and verb.start() - s >= 2:
                got = _later_clause(text, s, verb, stop, heads)
            if got is None and verb is not None:
                got = _carried_on(text, s, verb, stop, heads)
            if got is None:
                got = (_party_post(text, s, stop, heads) or _stated_clause(text, s, stop, heads)
                       or _by_duties_clause(text, s, stop, heads))
            if got is None and verb is not None and new_sentence:
                got = _named_again(text, s, verb, stop, heads)
            if got is None and new_sentence:
                got = _carried_sentence(text, s, stop, heads)
            if got is not None:
                out.append(got)
        first = False
        new_sentence = False
        k = s
        while k < stop and text[k] not in "，,；;":
            k += 1
        if k < stop:
            s = k + 1  # the next clause of the sentence
            continue
        if stop >= end or text[stop] not in "。\n":
            break
        s = stop + 1
        new_sentence = True
        while s < end and text[s].isspace():
            s += 1  # a later paragraph of the item too (第四条 镇人民政府负责…。\n镇党群中心具体负责…, r803)
        stop = _sentence_stop(text, s, end)
    return out


def _sentence_stop(text: str, s: int, end: int) -> int:
    while s < end and text[s] not in SENTENCE_END:
        s += 1
    return s


# An adverbial a subject may be set off by before its predicate, the comma after it dropped: by
# what warrant (根据授权、委托, 依照…规定) or where (在本辖区内, 在所辖区域内, 在各自的职责范围内):
# 南太湖新区管理委员会根据授权、委托，在所辖区域内履行…职责 (r1381), …派出机构，在本辖区内承担…职责,
# …其他有关行政主管部门在各自的职责范围内，负责… (r1360).
_SET_OFF_RE = re.compile(r"(?:(?:根据|按照|依据|依照|参照)[^。；;：:\n，,的]{1,16}"
                         r"|在[^。；;：:\n，,]{1,16}?(?:内|中))$")


def _subject_end(text: str, s: int, verb: re.Match[str] | int) -> int:
    """Where a later clause's subject ends: before the rule, adverbs or adverbials (each maybe set off
    by a comma) in front of its role verb."""
    e = verb if isinstance(verb, int) else verb.start()
    if (with_ := text.find("会同", s + 2, e)) != -1 and not re.search(r"[，,：:由]", text[s:with_]):
        e = with_  # A会同B负责…: B is what A works with, no holder of the duty (r701, r940)
    if (modal := _BARE_MODAL_RE.search(text, s, e)) is not None and modal.start() > s:
        e = modal.start()  # 村民委员会应当协助…: a bare modal right before the role verb
    while True:
        last = e
        head = text[s:e]
        if (rule := _BY_RULE_RE.search(head)) is not None:
            e = s + rule.start()
        elif (adv := _ADVERB_RE.search(head)) is not None:
            e = s + adv.start()
        while e > s and text[e - 1] in "，,":
            e -= 1  # A、B等部门和机构，按照各自职责，负责… (r1342): a list set off by a comma (running_text)
        if (set_off := _SET_OFF_RE.search(text, s, e)) is not None and set_off.start() > s:
            e = set_off.start()
        if e == last:
            return e


def _later_clause(text: str, s: int, verb: re.Match[str], stop: int, heads: list[str]) -> Attribution | None:
    e = _subject_end(text, s, verb)
    # not a clause opening with a verb: 督促小区物业公司负责…; a party named by what it holds or does may
    # (具有行政管理职能的市人民政府派出机构，根据授权负责…, r1360)
    # (r1360), or alternatives a body designates (…或者…确定的…主管部门（以下统称…），负责…, r1301)
    units = ((clause_bodies(text, s, e) or unit_list(text, s, e, _MAX_LATER_SUBJECT)
              or named_by_clause(text, s, e) or _party(text, s, e)
              or designated(text, s, e) or _set_up_by(text, s, e) or located_list(text, s, e)
              or owned_bodies(text, s, e))
             if not CUE_RE.match(text, s) else None)
    if not units or any(restates(u.name, h) for u in units for h in heads):
        return None
    role, word = duty_role(text, verb.start(), stop)
    return Attribution(role=role, label=word, clause=text[s : verb.end()], start=s, end=verb.end(),
                       units=units)


def _party(text: str, s: int, e: int) -> list[UnitMention] | None:
    """有关单位和个人 (r1664): parties tied to the matter, one unit as written (running_text)."""
    if PARTIES_RE.fullmatch(text, s, e) is None:
        return None
    return [UnitMention(name=text[s:e], as_written=text[s:e], start=s, end=e, reading="named by a clause")]


# Bodies named after who set them up: 市人民政府设立的城乡一体化示范区管委会、…管委会（以下简称管委会），按照
# 职责分工，负责… (r1422). The relative clause is left out before names that stand alone, as 其所属的 is
# (r1162).
_SET_UP_BY_RE = re.compile(r"[^，,。；;：:、\n的]{2,12}?(?:设立|成立|组建|设置)的")


def _set_up_by(text: str, s: int, e: int) -> list[UnitMention] | None:
    m = _SET_UP_BY_RE.match(text, s, e)
    if m is None or unit_list(text, s, m.end() - 3) is None:
        return None  # who set them up must be a body (市人民政府), not a task (根据需要设立的)
    return unit_list(text, m.end(), e, _MAX_LATER_SUBJECT)


def _named_again(text: str, s: int, verb: re.Match[str], stop: int, heads: list[str]) -> Attribution | None:
    """A later sentence opening with a heading unit's full name and a role verb of its own
    (（1）A及B负责…。A负责加强…, r1082): the unit given a second duty, listed again (r900). A
    shorter name for it (消委办负责… under 街道消委办) restates the heading and gives nothing."""
    # 市、县（市、区）…主管部门应当予以协助 (r1321): the heading units again, after a modal
    e = _subject_end(text, s, verb)
    units = unit_list(text, s, e, _MAX_LATER_SUBJECT) if not CUE_RE.match(text, s) else None
    if not units or not all(u.name in heads for u in units):
        return None
    role, word = duty_role(text, verb.start(), stop)
    return Attribution(role=role, label=word, clause=text[s : verb.end()], start=s, end=verb.end(),
                       units=units)


# The clauses a sentence's subject carries over: those after a comma, and those after a semicolon
# that open with no subject of their own (…组织编制…规划；负责…监测工作；协助转移…, r1504).
_CARRY_STOPS = "，,；;"


def _carried_sentence(text: str, s: int, stop: int, heads: list[str]) -> Attribution | None:
    """A later sentence whose subject's first clause gives it no role word and a later clause opens
    with one (居（村）民委员会应当对业主自治进行指导和监督，协助街道办事处…, r1381): the subject carries
    over the comma, as in running text (CARRIED_RE), and the first role verb decides (r1120)."""
    k = s
    while k < stop and text[k] not in _CARRY_STOPS:
        k += 1
    if k >= stop or CUE_RE.match(text, s) or ROLE_VERB_RE.search(text, s, k):
        return None
    units = None
    for cue in CUE_RE.finditer(text, s + 2, min(k, s + MAX_LIST_HEADING + 1)):
        if (units := opening_list(text, s, cue.start())) is not None:
            break
    if not units or any(restates(u.name, h) for u in units for h in heads):
        return None
    while k < stop:
        c = k + 1
        if (m := CARRIED_RE.match(text, c, stop)) is not None:
            word = m.group("word") or m.group(0)
            return Attribution(role=clause_role(word), label=word, clause=text[s : m.end()], start=s,
                               end=m.end(), units=units)
        k = c
        while k < stop and text[k] not in _CARRY_STOPS:
            k += 1
    return None


# A party made the post bearing the duty, in a clause of its own: …下落不明的，房屋使用人为房屋维修责任人
# (r1022, r1023), as 为…责任主体 (r508) and a unit 为…第一责任人 (r603).
PARTY_POST_RE = re.compile(r"(?:为|是)[^，,；;。\n]{0,20}?(?:第一|主要|直接)?责任(?:人|主体|单位|部门)"
                            r"(?![\u4e00-\u9fff])")


def _party_post(text: str, s: int, stop: int, heads: list[str]) -> Attribution | None:
    k = s
    while k < stop and text[k] not in "，,；;":
        k += 1
    post = PARTY_POST_RE.search(text, s, k)
    if post is None or post.start() - s < 2 or CUE_RE.match(text, s):
        return None
    units = unit_list(text, s, post.start(), _MAX_LATER_SUBJECT)
    if not units or any(restates(u.name, h) for u in units for h in heads):
        return None
    return Attribution(role="responsible", label=post.group(0), clause=text[s : post.end()], start=s,
                       end=post.end(), units=units)


# A sentence whose subject first does something else, then goes on to its role verb after 并:
# 区物业管理事务中心设立区应急维修平台，并负责对…进行指导 (r1022): the subject of the first clause holds it.
_CARRIED_ON_RE = re.compile(r"[，,](?:并且|并|同时|还)(?:具体|主要|依法)?$")
_OPENING_VERB_RE = re.compile(CUE_RE.pattern + r"|设立|成立|组建")


def _carried_on(text: str, s: int, verb: re.Match[str], stop: int, heads: list[str]) -> Attribution | None:
    c = _CARRIED_ON_RE.search(text, s, verb.start())
    if c is None or any(ch in "，,；;" for ch in text[s : c.start()]) or CUE_RE.match(text, s):
        return None
    for cue in _OPENING_VERB_RE.finditer(text, s + 2, min(c.start(), s + MAX_HEADING + 1)):
        units = unit_list(text, s, cue.start())
        if units:
            if any(restates(u.name, h) for u in units for h in heads):
                return None
            role, word = duty_role(text, verb.start(), stop)
            return Attribution(role=role, label=word, clause=text[s : verb.end()], start=s, end=verb.end(),
                               units=units)
    return None


_STATED_VERB_RE = re.compile(r"履行|承担|肩负|落实")


def _stated_clause(text: str, s: int, stop: int, heads: list[str]) -> Attribution | None:
    """A later clause whose subject states its duty with no role verb: 区应急维修平台具体承担以下职能：
    (r1022), as 承担…职责 (r941)."""
    k = s
    while k < stop and text[k] not in "；;":
        k += 1
    v = _STATED_VERB_RE.search(text, s + 2, min(k, s + _MAX_LATER_HEAD))
    if v is None or CUE_RE.match(text, s):
        return None
    for j in range(max(s + 2, v.start() - 6), v.start() + 1):
        m = STATED_AT_RE.match(text, j, k)
        if m is None or m.start("word") != v.start():
            continue
        # the subject may be set off from it by an adverbial (…派出机构，在本辖区内承担…职责, r1360); a
        # subject with a predicate of its own before the comma is no list of units and gives nothing
        e = _subject_end(text, s, j)
        units = unit_list(text, s, e, _MAX_LATER_SUBJECT) or named_by_clause(text, s, e)
        if units and not any(restates(u.name, h) for u in units for h in heads):
            return Attribution(role="responsible", label=m.group("word"), clause=text[s : m.end()], start=s,
                               end=m.end(), units=units)
        return None
    return None


# A later clause whose subject acts by its duties, the clause ending there (其他成员单位按照职责分工，
# 协调做好…, r1123; 其他部门按照各自职责，…): a duty stated, as an item acting by its duties is (r601, r1042).
_BY_DUTIES_RE = re.compile(r"(?:应当|应|要)?(?:按照?|依照?|依据|根据)(?:各自)?(?:的)?职责(?:分工)?"
                           r"[^\S\n]*[，,]")
# or within them, the clause going on with what they do (…、水文等主管部门，应当在各自职责范围内做好…, r1504)
_WITHIN_DUTIES_RE = re.compile(r"(?:应当|应|要)?(?:依法)?在(?:各自)?的?职责范围内[，,]?")
# A subject set off by a comma is a list: items joined by 、 or closed by 等, no predicate (的, 是, 为) in it.
_SET_OFF_LIST_RE = re.compile(r"(?=[^，,]*(?:、|等))(?![^，,]*(?:是|为|的|由|将|把))"
                              r"[\u4e00-\u9fff（）()、]{2,100}")


# The duties cue running straight on into the work (…等部门，依据各自职责做好…).
_ACTS_ON_RE = ACTS_BY_DUTY_RE


def _by_duties_clause(text: str, s: int, stop: int, heads: list[str]) -> Attribution | None:
    if CUE_RE.match(text, s):
        return None
    for j in range(s + 2, min(stop, s + _MAX_LATER_SUBJECT)):
        if (text[j] in "，," and _SET_OFF_LIST_RE.fullmatch(text, s, j)
                and (m := _BY_DUTIES_RE.match(text, j + 1, stop)
                     or _WITHIN_DUTIES_RE.match(text, j + 1, stop)
                     or _ACTS_ON_RE.match(text, j + 1, stop))):
            # a list set off by a comma from the duties it acts by (…、畜牧等行政主管部门，应当按照各自的
            # 职责，对…实施监督管理, r1422; …、水文等主管部门，应当在各自职责范围内做好…, r1504), as in
            # running text (A、B等部门，按照各自职责，负责…, r1342); the duties cue may run straight on
            # into what they do (…等部门，依据各自职责做好…): the comma sets off the subject, not the cue
            cut = m.end() - 1 if text[m.end() - 1] in "，," else m.end()
            units = unit_list(text, s, j, _MAX_LATER_SUBJECT)
            if units and not any(restates(u.name, h) for u in units for h in heads):
                return Attribution(role="responsible", label=text[j + 1 : cut], clause=text[s:cut],
                                   start=s, end=cut, units=units)
            return None
        if text[j] in "，,；;。":
            return None
        m = _BY_DUTIES_RE.match(text, j, stop)
        # or going straight on with what they do (…等其他部门按照各自职责依法开展…, r1382), as an item
        # acting by its duties does (ACTS_BY_DUTY_RE)
        acts = ACTS_BY_DUTY_RE.match(text, j, stop) if m is None else None
        if m is None and acts is None:
            continue
        cut = m.end() - 1 if m is not None else acts.end() if acts is not None else j
        units = unit_list(text, s, j, _MAX_LATER_SUBJECT)
        # a role word right after the comma decides (…部门应当按照各自职责，协同做好…, r1901: support;
        # README, a role word inside a `按照职责` sentence)
        then = ROLE_VERB_RE.match(text, m.end()) if m is not None else None
        if units and not any(restates(u.name, h) for u in units for h in heads):
            return Attribution(role=clause_role(then.group(0)) if then else "responsible",
                               label=text[j:cut], clause=text[s:cut], start=s, end=cut, units=units)
        return None
    return None


def sibling_groups(headers: list[Header]) -> dict[int, list[int]]:
    """Each numbered item's siblings: the items of its rank under the same parent
    (by start)."""
    groups: dict[int, list[int]] = {}
    open_groups: dict[int, list[int]] = {}  # rank -> the current group at that rank
    for h in headers:
        for r in [r for r in open_groups if r > h.rank]:
            del open_groups[r]  # a higher item closes the groups below it
        g = open_groups.setdefault(h.rank, [])
        g.append(h.start)
        groups[h.start] = g
    return groups


# A heading that says the items below it give duties: 二、职责分工, 各部门职能分工, 工作职责.
_DUTIES_HEADING_RE = re.compile(r"职责|分工|职能")


def under_duties_heading(text: str, headers: list[Header]) -> set[int]:
    """The starts of the items whose parent's heading line says they give duties (二、职责分工)."""
    out: set[int] = set()
    stack: list[Header] = []  # the open ancestors, by rank
    for h in headers:
        while stack and stack[-1].rank >= h.rank:
            stack.pop()
        if stack:
            p = stack[-1]
            nl = text.find("\n", p.end)
            if _DUTIES_HEADING_RE.search(text, p.end, nl if nl != -1 else len(text)):
                out.add(h.start)
        stack.append(h)
    return out


# A heading that names duties as a noun: 四、管理责任, 二、责任主体及其职责, （二）细化职责分工. Not a
# sentence telling someone to fulfil them (第五条 履行全面管理职责, r900).
# Also one naming who bears them: 第五条 脱落隐患治理责任主体, 第六条 房屋质量保修责任主体 (r1023).
_NAMES_DUTIES_RE = re.compile(r"分工|职能|(?:职责|责任|责任主体)$")
_FULFILS_RE = re.compile(r"履行|落实|压实|承担|肩负")
_SENTENCE_RE = re.compile(r"[，,；;。]")


def names_duties(line: str) -> bool:
    """Does a heading's own text name duties (四、管理责任, 第十四条（职责分工）, 第五条【部门职责】)?"""
    line = re.sub(r"^[（(【〔\[]([^()（）【】〔〕\[\]]{1,30})[)）】〕\]]$", r"\1", line.strip(" \u3000\t\r"))
    return _NAMES_DUTIES_RE.search(line) is not None and not _FULFILS_RE.match(line)


# A kind of member, not a body's own name: 行业主管部门, 属地街镇, 综合协调部门, 项目实施主体 (no place
# prefix; a kind's ending).
KIND_RE = re.compile(r"(?![区市县镇乡省各])[\u4e00-\u9fff]{2,8}(?:部门|单位|主体|机构|街镇|政府)")


class SectionHeadings:
    """The numbered headings that start a line, and whether each names duties (四、管理责任)."""

    def __init__(self, text: str, headers: list[Header]) -> None:
        self.starts: list[int] = []
        self.duties: list[bool] = []
        self.ranks: list[int] = []
        stack: list[tuple[int, bool]] = []  # the open headings above, by rank
        for h in headers:
            if at_line_start(text, h.start):  # indented too (\u3000\u3000四、管理责任)
                nl = text.find("\n", h.end)
                line = text[h.end : nl if nl != -1 else len(text)]
                names = names_duties(line)  # 第十四条（职责分工）too
                if not names and (_SENTENCE_RE.search(line) or KIND_RE.fullmatch(line.strip())):
                    # or （一）综合协调部门 under 二、职责分工: a kind of member, its bodies' duties below
                    # (一)建立应急处置工作机制，处理…; under 第四条 街镇与居委会职责: an item of a list, not
                    # a heading; a paragraph after the list is under the article's title (r1023)
                    while stack and stack[-1][0] >= h.rank:
                        stack.pop()
                    names = stack[-1][1] if stack else False
                while stack and stack[-1][0] >= h.rank:
                    stack.pop()
                stack.append((h.rank, names))
                self.starts.append(h.start)
                self.ranks.append(h.rank)
                self.duties.append(names)

    def mark_dense(self, dense: set[int]) -> None:
        """Headings whose paragraphs mostly open with a unit (duty_density) name duties by their
        structure, whatever their words."""
        self.duties = [d or s in dense for s, d in zip(self.starts, self.duties, strict=True)]

    def names_duties(self, pos: int) -> bool | None:
        """Does the heading the text at pos sits under name duties? None under no heading."""
        i = bisect.bisect_left(self.starts, pos) - 1
        return self.duties[i] if i >= 0 else None

    def leads_in(self, pos: int) -> bool:
        """Is the text at pos followed by the sub-items of the heading it sits under (第五条 职责分工
        / 吴泾镇…做好…。具体分工如下： / 1.镇规建生态办负责…, r305): a lead-in to them, not an item
        beside them."""
        i = bisect.bisect_left(self.starts, pos) - 1
        return i >= 0 and i + 1 < len(self.starts) and self.ranks[i + 1] > self.ranks[i]


def in_duty_list(h: Header, group: dict[int, list[int]], headed: set[int], voiced: set[int]) -> bool:
    """Is a numbered item that opens with a unit but gives no role word one of a
    duty list, most of whose items open with a unit, under a heading that says so
    (二、职责分工) or with one at least giving a role word (区政府办公室按照法定程序…审核,
    区财政局按规定…, among 区发展改革委应当… / 区经委负责…, r701)? A step of a procedure
    among steps that do not (建设单位按照各自工作职责，拟定…, r702), or among siblings
    none of which gives a role word under a heading of another kind (（三）考评制度 /
    1.各公司、村、居民区要加强… / 2.镇建设工程监管组对…进行年度考评, r754), gives no duty.
    `voiced` holds the items that give a role word and those under a duties heading."""
    siblings = group.get(h.start, [h.start])
    return (3 * sum(s in headed for s in siblings) >= 2 * len(siblings)
            and any(s in voiced for s in siblings))
