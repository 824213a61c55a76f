"""Duties in running text: clauses that open with who does the work (由-clauses are in given_by).

Township and street documents give most duties this way, in procedure text
rather than in labels or brackets: ``由平安办牵头，联合信访办、城运中心等部门核查…``,
``项目办负责收集…``, ``项目管理人在街道项目办指导、协助下负责…``. These readers
are used only where a document has no labels and no role brackets (see parse):
running text is where a list of names is least sure to be one.
"""

from __future__ import annotations

import re

from .clause_bodies import body_end, clause_bodies
from .clause_cues import CARRIED_RE, CLAUSE_CUE_RE, MODAL_RULE_RE, MODAL_STARTS, WORK_FRAME_RE, clause_role
from .duty_heads import NAMED_BY_CLAUSE_RE, clause_named_list, located_list, owned_bodies
from .duty_words import (
    CUE_RE,
    MAX_HEADING,
    MAX_LIST_HEADING,
    OWN_STAFF_RE,
    PARTIES_RE,
    PIVOT_RE,
    opening_list,
    unit_list,
)
from .given_by import GENERIC_HEADS, alternatives, designated, holders, joined_lead
from .lexicon_lists import lexicon_sectors
from .model import Attribution, Official, UnitMention
from .names import TASK_VERBS, jurisdiction_of, looks_like_unit
from .numbering import LINE_HEADER_RE
from .persons import is_person_group
from .posts import NAMED_POST_RE, post_label, served_posts
from .roles import ROLE_RE, SPACE_CHARS, titles_article
from .vocabulary import at_line_start

# A bracket opens a clause too: …成员组成（镇监察办公室参与过程监管） (r802).
_CLAUSE_STARTS = "，,；;。：:！？!?\n（("
_CLAUSE_END = "。；;！？!?\n"
# a list of a dozen district bodies (区发展改革委、区经委、…、区城管执法局等部门, r1042)
_MAX_SUBJECT = 160
# 各村党支书记为网格长，包村负责: a group of persons made something, then 负责 for a scope.
_APPOINTED_RE = re.compile(r"为[^，,；;。\n]{1,8}[，,][^，,；;。\n]{0,4}负责(?!人(?!才|力|口|防|事)|同志)")


# 各村主要负责人是减量化工作的第一责任人: a group of persons named to a post (posts.NAMED_POST_RE).
# Not after a verb: 明确政府主要领导为消防工作第一责任人 states a rule (r507), it names no one.
_STATING_VERBS = ("明确", "确定", "规定", "要求", *TASK_VERBS)


# 受X委托 right before the role word: the subject acts on X's behalf (r603).
# 文化市场综合行政执法机构根据文化和旅游主管部门的委托负责… (r2022): the warrant, 受…委托 or 根据…的委托
# (授权) right before the role word, is the same adverbial: the subject is the one entrusted.
_ENTRUSTED_RE = re.compile(r"受[^，,。；;：:\n受]{2,20}?委托"
                           r"|(?:根据|依据|依照|按照)(?:[^，,。；;：:\n受]{2,20}?的)?(?:委托|授权)")


# Prepositions an adverbial clause opens with; a subject never does.
# 经营…的企业 (a clause naming a party by what it runs), 经济技术开发区, 自然资源…: words, no preposition
_NOT_ADVERBIAL = ("经营", "经济", "自然", "自治", "对外")
_ADVERBIAL_OPENERS = ("在", "对", "向", "经", "将", "把", "被", "从", "自", "按", "根据", "依据", "依照",
                      "为了", "通过", "结合")




# A frame saying on what ground or when: 各部门要在明确各自责任的基础上，牵头… (r1043). A verb inside it
# (明确) governs no doer of what follows.
_FRAME_RE = re.compile(r"在[^，,。；;\n]{1,30}?(?:基础上|前提下|过程中|情况下)")


# A unit coordinating others (区卫生部门协调区属医院配合提供…, r1062): 协调 with no 牵头 gives no role
# (r1020), and the others' 配合 sits under it (as r941's 督促…配合); not 协调 inside a name (协调小组).
_COORDINATES_RE = re.compile(r"(?<!牵头)协调(?!小组|办公室|委员会|机制|推进办|中心)")


def _coordinates(text: str, s: int, e: int) -> bool:
    """Does text[s:e], before a role word, hold a unit coordinating others (A协调B…)?"""
    return any(unit_list(text, s, m.start()) for m in _COORDINATES_RE.finditer(text, s + 2, e))


def _pivots(text: str, s: int, e: int) -> bool:
    """Does the clause text[s:e] hand the work on to the object of a verb (指定专人…), outside a
    frame 在…的基础上?"""
    frames = [(f.start(), f.end()) for f in _FRAME_RE.finditer(text, s, e)]
    return any(not any(a <= p.start() < b for a, b in frames) for p in PIVOT_RE.finditer(text, s, e))


# A subject set off by a comma is a list (a long one, the usual reason for the comma): items joined by
# 、 or a list closed by 等…, with no word of a predicate (是, 为, 作为, 的) that would make the clause
# a sentence of its own (各镇、街道…是其辖区…责任主体, r1043; 村（居）作为建设单位, r702).
# Nor a modal or a verb designating a body (…街道办事处应当确定…机构，落实…): a clause of its own.
_SET_OFF_LIST_RE = re.compile(r"(?=[^，,]*(?:、|等))(?![^，,]*(?:是|为|的|由|将|把|建立|成立|设立|及时"
                              r"|应当|确定|指定|设置))"
                              r"[\u4e00-\u9fff（）()、]{2,100}")
# Longer than that only where its items are known sectors (_set_off_list).
_LONG_LIST_RE = re.compile(_SET_OFF_LIST_RE.pattern.replace("{2,100}", f"{{101,{_MAX_SUBJECT}}}"))
# A clause that only says how or by what the subject acts: 依照相关法律法规，按照各自职责做好… (r1341).
_ADVERBIAL_CLAUSE_RE = re.compile(r"\s*(?:应当|应|要|须|必须)?"
                                  r"(?:(?:按照|依照|依据|根据|参照|依法|在)[^，,：:由]*)?$")


_WARRANTS = ("根据", "依据", "依照")
# Places listed and closed by the kind they are (商场、机场、车站、码头等公共场所), before 的 and a party.
# The kind is no kind of body (等部门的负责人 names persons of bodies, no party).
_PLACES_QUALIFY_RE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+等"
                                r"(?![\u4e00-\u9fff]{0,4}(?:部门|单位|机构|机关|组织|企业|团体)$)[\u4e00-\u9fff]{2,6}")
_COLLECTIVE_END_RE = re.compile(r"(?:其他|有关|相关)[\u4e00-\u9fff]{0,6}(?:部门|单位|机构)$")
_RULES = (*_WARRANTS, "参照")
_WARRANTED_RE = re.compile(r"(?:应当|应|要|必须|须)?(?:" + "|".join(_WARRANTS) + ")")


def _set_off_list(text: str, s: int, e: int) -> bool:
    """Is text[s:e] a list set off by a comma: as long as _SET_OFF_LIST_RE allows, or longer where its
    items are known sectors (a provincial regulation's two dozen departments, lexicon_lists)?"""
    if _SET_OFF_LIST_RE.fullmatch(text, s, e) is not None:
        return True
    return _LONG_LIST_RE.fullmatch(text, s, e) is not None and lexicon_sectors(text, s, e) is not None


def _set_off_subject(text: str, s: int, cue: int) -> int:
    """Where a clause's subject ends when commas set it off from its role word, or -1: A、B等部门，
    按照各自职责，负责… (r1300, r1342), …等其他行政管理部门，依照相关法律法规，按照各自职责做好… (r1341). Each
    clause between the subject and the role word is an adverbial (按照…, 依照…, 在…下); any other clause
    is a duty of its own, with its own reading."""
    comma = _clause_stop(text, s, cue)
    if comma >= cue:
        return -1
    # …等部门按照…的要求，在各自职责范围内… (r1343): the list, then the rule it follows
    listed = k if (k := _modal_split(text, s, comma)) != -1 else comma
    # one body with the warrant it acts by before the comma (南太湖新区管理委员会根据授权、委托，在所辖区域内
    # 履行…职责, r1381): the adverbial shows the clause goes on, as a list's length does; with a modal
    # before the warrant too (其他相关部门应当依照法律、法规，在各自职责范围内做好…, r1743)
    warranted = listed < comma and _WARRANTED_RE.match(text, listed, comma) is not None \
        and unit_list(text, s, listed) is not None
    # one body, then the work or time it acts in, set off by a comma
    # (建设单位在新建、改建、扩建建筑工程中，承担…的责任, r1980): the frame shows the clause goes on,
    # as a warrant does
    warranted = warranted or (listed < comma and WORK_FRAME_RE.fullmatch(text, listed, comma) is not None
                              and unit_list(text, s, listed) is not None)
    # so are alternatives closed by the short name they are given (…或者…确定的物业主管部门（以下统称物业主管
    # 部门），负责…, r1363): the alias shows where the name ends
    aliased = listed == comma and designated(text, s, listed) is not None
    # two bodies joined by 和, then the rule they act by in a clause of its own (…管理委员会和…管理委员会，
    # 参照本条例关于…的规定，履行…职责, r1443): the rule shows the clause goes on
    ruled = (listed == comma and "和" in text[s:comma] and text.startswith(_RULES, comma + 1)
             and unit_list(text, s, comma) is not None)
    # a collective of bodies, then the requirement it acts by (各级人民政府其他有关行政管理部门，按照管行业
    # 必须管安全…的要求，依法做好…, r1544): the requirement shows the clause goes on
    ruled = ruled or (listed == comma and text.startswith("按照", comma + 1)
                      and _COLLECTIVE_END_RE.search(text, s, comma) is not None
                      and unit_list(text, s, comma) is not None)
    # bodies set off by a comma, then a clause opening with a modal (环境保护主管部门和其他有关部门
    # 及其工作人员，应当依法履行职责, r1724): the modal needs a subject and the clause names none, so
    # the bodies are it
    ruled = ruled or (listed == comma and _OWN_PREDICATE_RE.match(text, comma + 1, cue) is not None
                      and unit_list(text, s, comma) is not None)
    # one body owned by a government and set off by a comma, then the adverb of how it acts
    # (县级以上人民政府的动物卫生监督机构，依法负责…, r1843): the adverb, as a modal, needs a subject
    # and the clause names none
    ruled = ruled or (listed == comma and _ADVERB_OF_HOW_RE.match(text, comma + 1, cue) is not None
                      and (unit_list(text, s, comma) is not None
                           or ((d := text.rfind("的", s, comma)) != -1
                               and _owned_by_levels(text, s, d, comma) is not None)))
    # a body named by a clause, set off by a comma (…，其依法设立的派出机构，负责…, r1721): the clause shows
    # where the name ends
    ruled = ruled or (listed == comma and (d := text.rfind("的", s, comma)) != -1
                      and _clause_before_kind(text, s, d + 1, comma) is not None)
    # one body, then whom it works with (市…主管部门应当会同…部门，根据…以及职责权限，制定…, r1562): the
    # bodies after 会同 hold no duty (r701), the subject ends before its modal
    subject_end = comma
    if (listed == comma and (w := text.find("会同", s + 2, comma)) != -1
            and unit_list(text, s, e := (k if (k := _modal_split(text, s, w)) != -1 else w)) is not None):
        subject_end = e
    elif (not warranted and not aliased and not ruled and not _set_off_list(text, s, listed)
          and not PARTIES_RE.fullmatch(text, s, listed)):
        # (or parties named by a long clause: 从事…、…经营的单位和个人，在其…范围内承担…, r1603)
        return -1
    listing = _set_off_list(text, s, listed)
    k = comma + 1
    while k < cue:
        nxt = _clause_stop(text, k, cue)
        if nxt >= cue:  # the clause the role word stands in: what precedes the cue is an adverbial
            return subject_end if (k == cue or _ADVERBIAL_CLAUSE_RE.match(text[k:cue])
                                   or not text[k:cue].strip()) else -1
        if not _ADVERBIAL_CLAUSE_RE.match(text[k:nxt]) and not (listing and _own_predicate(text, k, nxt)):
            return -1
        k = nxt + 1
    return subject_end


# A clause that is a set-off list's own predicate: it opens with a modal (the modal needs a subject, and
# the clause names none), so the list stays the subject of the clauses after it (A、B等部门，应当与…进行
# 通报、定期会商，按照各自职责支持…). Not one handing the work on to its object (应当督促…): those pivot.
_OWN_PREDICATE_RE = re.compile(r"\s*(?:应当|应该|必须|应|须)(?![\u4e00-\u9fff]{0,2}(?:是|为))")


# An adverb of how right before the role word, opening the clause after a subject set off by a comma.
_ADVERB_OF_HOW_RE = re.compile(r"\s*(?:依法|依规|依照规定|按规定)$")


def _own_predicate(text: str, s: int, e: int) -> bool:
    return _OWN_PREDICATE_RE.match(text, s, e) is not None and not _pivots(text, s, e)


def _clause_stop(text: str, s: int, stop: int) -> int:
    """Where the clause at s ends: its comma, or stop."""
    while s < stop and text[s] not in "，,":
        s += 1
    return s


# A negated verb after a clause's subject: 培训和评价机构不改变… (r1084), 镇财政所未…
_NEGATED_RE = re.compile(r"(?:不|未|没有)(?!得|宜|能|可|应)")
# A clause saying what a body is made up of: 联合采购办公室由…代表组成 (its roster, no duty of its own).
# The body may be one written for two levels (市、县（市、区）文物保护管理委员会由…组成, r1664): a list.
_MADE_UP_RE = re.compile(r"(?P<body>[^，,。；;：:由\n]{2,30}?)由[^，,。；;\n]{1,40}?组成$")


# 主管 as a verb (民政部门主管…工作，组织推进…，负责…, r1782; 教育行政部门主管…，具体负责…,
# r1802): no role word, but its clause names the subject a later clause opening with one carries on.
# Not 主管 inside a body's name (城乡规划主管部门, 行业主管机关).
_OPENING_CUE_RE = re.compile(CUE_RE.pattern
                             + r"|主管(?![\u4e00-\u9fff]{0,2}(?:部门|机关|机构|单位|领导|人员|局))")


# Verbs designating or setting up a body (明确社会救助经办机构): a pivot whose object takes a later 负责 only.
_DESIGNATES_RE = re.compile(r"明确|确定|指定|设立|设置|建立")
_NAME_GOES_ON = ("应当", "必须", "依法", "根据", "按照", "依照", "等")


def _opening_subject(text: str, s: int, stop: int) -> list[UnitMention] | None:
    """The units a clause opens with before a verb of another kind (项目提出部门为…,
    各公司、村、居民区根据…), or None."""
    if text.startswith(_ADVERBIAL_OPENERS, s) and not text.startswith(_NOT_ADVERBIAL, s):
        return None  # 在项目办指导下: an adverbial; the sentence's subject stays
    comma = _clause_stop(text, s, stop)
    inner = -1
    for cue in _OPENING_CUE_RE.finditer(text, s + 2, min(comma, s + MAX_LIST_HEADING + 1)):
        if cue.group(0) == "组织" and text.startswith(_NAME_GOES_ON, cue.end()):
            continue  # …和其他中小企业行业组织根据章程… (r1703): 组织 ends a name, no verb
        if cue.start() < inner or (inner := _inner_body_end(text, s, cue.start(), comma) or -1) != -1:
            continue  # 区人民政府负责旅游管理的部门在…指导下，负责… (r2022): 负责 inside the name
        if (bodies := clause_bodies(text, s, cue.start())) is not None:
            return bodies
        units = opening_list(text, s, cue.start())
        if units:
            return units
    neg = _NEGATED_RE.search(text, s + 2, min(comma, s + MAX_HEADING + 1))
    if neg is not None and (units := unit_list(text, s, neg.start())):
        return units  # 培训和评价机构不改变原有隶属关系，…，对…负主体责任 (r1084): the units before 不
    made = _MADE_UP_RE.match(text, s, comma)
    if made is not None:  # 联合采购办公室由试点城市各派1名代表组成，…，负责… (r1083): the body made up
        return unit_list(text, s, made.end("body"))
    if comma < stop and _OWN_PREDICATE_RE.match(text, comma + 1, stop) is not None:
        # …的企业事业单位和其他生产经营者，应当采取措施，…，并依法承担…责任 (r1702): a subject set off by a
        # comma before a clause opening with a modal, which needs one (as _set_off_subject reads it)
        d = text.rfind("的", s, comma)
        named = _clause_before_kind(text, s, d + 1, comma) if d != -1 else None
        return named or (unit_list(text, s, comma) if d == -1 else None)
    return _named_body_first(text, s, comma)


# The kinds a body's name ends with, for a body named at a sentence's start before a verb of its own.
_BODY_END_RE = re.compile(r"(?:政府|部门|机构|机关|单位|委员会|联合会|联合社|协会|学会|商会"
                          r"|工商联|办事处|办公室|中心|局|厅|组织|团体|企业|公司|[侨文妇残]联|科协)$")
# What makes a clause read by its own words or by none: a modal, a copula, 对…负责, an alias, everyone,
# a permission, a post set up or engaged (设, 聘), a list closed by 等, persons a body designates
# (…确定的气象工作协理员).
_OWN_CUE_RE = re.compile(r"应当|应|必须|须|要|是|为|负|对|以下|任何|一切|所有|由|将|把|有权|不得"
                         r"|可|设|聘|等[^，,]{0,6}(?:部门|单位|机构|团体|组织)"
                         r"|的[^，,的]{0,12}(?:员|人|者|机构|部门|单位|组织)$")
# Words a clause opening with a verb or an adverb begins with, and prepositions before a body named
# as the object (向…报告, 会同…): the body named is no subject.
_NOT_A_NAME_START = ("及时", "向", "在", "按照", "根据", "依照", "依据", "经", "并", "同时", "积极",
                     "主动", "加强", "做好", "开展", "组织", "协调", "督促", "指导", "支持", "鼓励",
                     "引导", "会同", "通过")
_PREPOSITION_RE = re.compile(r"向|会同|受|被")
_ARTICLE_END_RE = re.compile(r"第[一二三四五六七八九十百零〇0-9]+条$")
# What continues a name rather than opening its verb: a joiner, 的, a bracket.
# An adverbial after the name (依照…授权，加强…，负责…): the clause names no verb of its own, the subject
# set off from its later role word by a clause that is none (test_extractor_real_ab).
_NO_VERB_AFTER = ("依照", "依据", "根据", "按照", "参照", "依法", "在", "受", "经")
_NAME_CONTINUES = ("、", "和", "及", "与", "或", "等", "的", "（", "(", "其", "所", "在")


def _named_body_first(text: str, s: int, comma: int) -> list[UnitMention] | None:
    """A body named at a clause's start, then a verb of its own with no cue (残疾人联合会代表…利益，
    …，协助人民政府…, r2043 第七条): the subject a later clause opening with a role word carries on
    (README, After batches BH–BM: a role word later in a single sentence is the subject's cue with or
    without 应当). The name must end with a kind of body, the longest such list before the verb, and
    open the sentence (an article's or a paragraph's first words, or after 。): a clause later in a
    sentence or after ； is a verb's (及时制止并报告镇有关部门), not a subject."""
    j = s
    while j > 0 and text[j - 1] in SPACE_CHARS:
        j -= 1
    if j > 0 and text[j - 1] not in "。\n" and _ARTICLE_END_RE.search(text, max(0, j - 12), j) is None:
        return None
    if text.startswith(_NOT_A_NAME_START, s) or _PREPOSITION_RE.search(text, s, comma) is not None:
        return None  # 及时向…办公室报告: an adverb or a preposition, no body the subject
    if _BODY_END_RE.search(text, s, comma) is not None:
        return None  # 县级以上人民政府调处林权争议机构，负责…: the clause is one name, set off by its comma
    if _OWN_CUE_RE.search(text, s, comma) is not None or CLAUSE_CUE_RE.search(text, s, comma) is not None:
        return None  # a clause with a cue, modal or copula of its own is read by it
    for k in range(min(comma - 1, s + MAX_HEADING), s + 1, -1):  # a verb of its own after the name
        if (text.startswith(_NAME_CONTINUES, k) or text.startswith(_NO_VERB_AFTER, k)
                or _BODY_END_RE.search(text, s, k) is None):
            continue
        span = text[s:k]
        if "以下" in span or span.count("（") + span.count("(") != span.count("）") + span.count(")"):
            continue  # （以下简称…部门）: an alias, not where the name ends
        units = unit_list(text, s, k)
        if units and units[0].start == s and units[-1].end == k:
            return units
    return None


# A work named as a unit's duty by a copula: 促进就业是各级人民政府的重要职责 (r1841). The sentence designates
# the unit after 是 as the bearer of the work before it (X的职责是…, r1700, read the other way round; README,
# which wordings are cues), the subject being the work, no body; not 作为…职责 (a complement counting a work
# among others), nor a negation (不是), nor a subject naming everyone (…是全社会的共同责任: no body).
_BEARER_RE = re.compile(r"[^，,；;。：:\n是]{2,30}?(?<!不|也|就|只|才)是(?P<unit>[^，,；;。：:\n是的]{2,40})"
                        r"的[\u4e00-\u9fff]{0,4}?(?:职责|职能|责任)(?=[，,；;。\n]|$)")


def _bearer(text: str, s: int, stop: int) -> Attribution | None:
    """The units a clause text[s:stop] names as bearers of the work it opens with (A是B的职责), or None."""
    m = _BEARER_RE.match(text, s, stop)
    if m is None or unit_list(text, s, m.start("unit") - 1) is not None:
        return None  # 乡镇人民政府是…: a body the subject, no work
    units = unit_list(text, m.start("unit"), m.end("unit"))
    if not units or units[0].start != m.start("unit") or units[-1].end != m.end("unit"):
        return None
    return Attribution(role="responsible", label="职责", clause=text[s : m.end()], start=s, end=m.end(),
                       units=units)


# A unit's duties announced over a list: 禁毒委员会的主要职责是： (r1880), 市水文机构的职责是： (r1700),
# read as 履行下列职责 (README, which wordings are cues); the unit is named anew, so it is listed again (a
# unit named twice). 其主要职责是： writes no name (r1484) and 其 is no unit.
_DUTIES_OF_RE = re.compile(r"(?P<unit>[^，,；;。：:\n的]{2,40}?)(?:在[^，,；;。：:\n]{1,30}?中)?"
                           r"的(?:主要|具体)?(?:职责|职能)(?:是|为)[：:]")


def _duties_of(text: str, s: int, stop: int) -> Attribution | None:
    """The unit a clause text[s:stop] names as bearer of the duties listed after it (X的职责是：), or None."""
    m = _DUTIES_OF_RE.match(text, s, min(len(text), stop + 1))
    if m is None:
        return None
    units = unit_list(text, s, m.end("unit"))
    if not units or units[0].start != s or units[-1].end != m.end("unit"):
        return None
    return Attribution(role="responsible", label="职责", clause=text[s : m.end()], start=s, end=m.end(),
                       units=units)


# A class of parties given duties over a list: 代表应当履行下列义务： (r1962), as 业主应当履行下列义务：;
# the lead-in designates its subject the bearer of the duties listed (README, 履行…义务 of a class of
# parties named by its place in the matter regulated), whatever the class is called; not everyone
# (公民, 个人, 任何单位和个人), nor a scope (本市).
_OBLIGED_RE = re.compile(r"(?P<unit>(?!公民|个人|人人|任何|一切|所有|全体|公众|社会|其|本|该)"
                         r"[\u4e00-\u9fff]{2,8}?)"
                         r"(?:应当|必须|应)履行(?:下列|以下)(?:义务|职责)[：:]")


def _obliged(text: str, s: int, stop: int) -> Attribution | None:
    """The class of parties a lead-in text[s:stop] gives the duties listed after it (X应当履行下列义务：)."""
    m = _OBLIGED_RE.match(text, s, min(len(text), stop + 1))
    if m is None or unit_list(text, s, m.end("unit")) is not None:
        return None  # a body's own name is read by its cue already
    unit = UnitMention(name=m.group("unit"), as_written=m.group("unit"), start=s, end=m.end("unit"),
                       reading="party obliged")
    return Attribution(role="responsible", label="义务", clause=text[s : m.end()], start=s, end=m.end(),
                       units=[unit])


def _modal_split(text: str, s: int, e: int) -> int:
    """Where a clause's subject ends when a modal or a rule stands before its role word
    (text[s:e] is 代建机构必须按照…的授权内容), or -1."""
    for k in range(s + 2, e):
        if text.startswith(MODAL_STARTS, k) and MODAL_RULE_RE.fullmatch(text, k, e):
            if text.startswith("依法", k) and not text.startswith(_ROLE_VERBS, e) \
                    and _OWN_WORK_RE.match(text, e) is None:
                continue  # …机构依法履行职责、提供…的 (r1244): a definition's clause, no body's duty
            return k
    return -1


# The role verbs an adverb standing alone (依法) may come before, and the work done by the units' own
# duties (依法做好各自职责范围内的…, r1544): a duty stated (履行职责) needs a modal.
# 依法组织、管理本部门职责范围内的…工作 (r1783): the work of the units' own duties, after the verbs
# doing it, and a standing duty borne for a field (依法承担本辖区内…的相关责任, r1802), no definition's
_OWN_WORK_RE = re.compile(r"(?:[\u4e00-\u9fff]{2}、)?[\u4e00-\u9fff]{2}"
                          r"(?:本部门|本单位|本机关|各自)的?职责范围内的"
                          r"|承担(?!相应|赔偿|法律|连带|经济|刑事|违约|损害)[^，,；;。\n]{2,20}?(?<!法律|赔偿)责任"
                          r"(?![的时\u4e00-\u9fff])")
_ROLE_VERBS = ("负责", "牵头", "协助", "配合", "参与", "参加", "协同", "做好各自职责范围内的")


def _inner_body_end(text: str, s: int, c: int, stop: int) -> int | None:
    """The end of a government's body named by a clause (…人民政府负责…的部门) in which the cue found at
    text[c:] stands, or None."""
    for i in range(c, min(c + 8, stop)):
        if text.startswith(("负责", "确定的负责"), i):
            k = body_end(text, i, stop)
            head = text[s:i]
            if k is not None and head.count("（") + head.count("(") != head.count("）") + head.count(")"):
                return stop  # 市）人民政府确定的负责…: read from inside a bracket of levels, no subject
            return k
    return None


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
    # the clause of a sentence that designates a body (明确…机构), whose subject a later 落实 carries on
    designator: tuple[int, int] | None = None
    # the carriers a pivot set aside, restored after the ； that ends its reach
    before_pivot: list[tuple[int, int]] = []
    # each clause's opening subject read once, however many later clauses look back to it (linear time)
    seen: dict[tuple[int, int], list[UnitMention] | None] = {}

    def opening(k: int, k_stop: int) -> list[UnitMention] | None:
        if (k, k_stop) not in seen:
            seen[(k, k_stop)] = _opening_subject(text, k, k_stop)
        return seen[(k, k_stop)]

    sentence_end = start
    stating = False
    s = start
    while s < end:
        while s < end and (text[s] in _CLAUSE_STARTS or text[s] in SPACE_CHARS):
            s += 1
        if s >= end:
            break
        if at_line_start(text, s) and (mk := LINE_HEADER_RE.match(text, s, end)) is not None:
            s = mk.end()  # 1.小型建设工程的建设单位为…的责任单位 (r702): the clause after the item's marker
            while s < end and text[s] in SPACE_CHARS:
                s += 1  # 第三条 X负责… (r1084): the space after an article's marker
            if s >= end:
                break
        if s >= sentence_end:
            # a subject's duties listed clause by clause up to ；, the later ones opening with their verb
            # (街道办事处…组织、协调…；指导、监督…；参加物业承接查验, r1300 第八条): it carries over the ；
            # to a clause opening with a role word; a full stop ends it
            if not (s > start and text[s - 1] in "；;"):
                carriers = []
                designator = None
                before_pivot = []
            elif before_pivot:
                # …，广泛动员社会力量，为残疾人服务；承担…，协助… (r2043 第七条): a pivot's object reaches no
                # further than its ；, the clauses after it the sentence subject's again
                carriers = before_pivot + carriers
            before_pivot = []
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
        # 区人民政府负责旅游管理的部门…，负责… (r2022): the 负责 inside a government's body named by what
        # it is in charge of is part of the name (clause_bodies); the cue comes after it
        while cue is not None and (inner := _inner_body_end(text, s, cue.start(), stop)) is not None:
            cue = CLAUSE_CUE_RE.search(text, inner, stop)
        got = None
        # 镇招投标工作小组受镇领导小组委托负责… (r603): the subject is the one entrusted, the passive
        # phrase an adverbial before its role word, not a pivot handing the work on
        head_end = s
        set_off = -1
        if cue is not None:
            passive = _ENTRUSTED_RE.search(text, s, cue.start())
            entrusted = passive is not None and passive.end() == cue.start()
            head_end = passive.start() if passive is not None and entrusted else cue.start()
            before = text[s : cue.start()]
            if re.search(r"[，,]", before) and not re.search(r"[：:由]", before):
                set_off = head_end = _set_off_subject(text, s, cue.start())
            # A会同B负责…: the subject is A, B only what it works with (r701, r940)
            if (with_ := text.find("会同", s + 2, head_end)) != -1 and not re.search(r"[，,：:由]", before):
                head_end = with_
        # the warrant a subject acts by names no one it hands the work to (根据授权、委托，…, r1381)
        pivot_end = head_end
        if set_off != -1 and (w := _modal_split(text, s, head_end)) != -1 and text.startswith(_WARRANTS, w):
            pivot_end = w
        if (cue is not None and head_end - s >= 2
                and (set_off != -1 or not re.search(r"[，,：:由]", text[s : cue.start()]))
                and not PIVOT_RE.search(text, s, pivot_end)  # 建设单位应委托招标代理公司负责… (r755)
                and not _coordinates(text, s, head_end)):
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
        bearer = (_bearer(text, s, stop) or _duties_of(text, s, stop) or _obliged(text, s, stop)
                  if got is None and opens else None)
        if bearer is not None:
            got = bearer
            out.append(bearer)
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
                                if (u := opening(k, k_stop))), None)
                if carried is None and designator is not None and c.group("word") == "落实":
                    # …应当明确社会救助经办机构，落实经办人员，… (r1784): the body designated is given no
                    # duty but a 负责 (README, a body set up or named, then 负责); 落实 stays the subject's
                    carried = _opening_subject(text, *designator)
                if carried is not None:
                    word = (c.group("word") or c.group("borne") or c.group("stated") or c.group("borne_duty")
                            or c.group("by_duty"))
                    out.append(Attribution(role=clause_role(word), label=word, clause=text[s : c.end()],
                                           start=s, end=c.end(), units=carried))
                    if word == "牵头":
                        joined_lead(text, c.end(), stop, out)
                carriers = []
                designator = None
            elif _pivots(text, s, _clause_stop(text, s, stop)):
                before_pivot = before_pivot or carriers
                carriers = []  # 项目管理人应该指定专人…，负责…: the person appointed does it (r656)
                designates = _DESIGNATES_RE.search(text, s, _clause_stop(text, s, stop)) is not None
                designator = (s, stop) if designates else None
            else:
                carriers.append((s, stop))
        # on to the next clause
        while s < end and text[s] not in _CLAUSE_STARTS:
            s += 1
    persons += served_posts(text, start, end)  # 由行政主要领导担任主任，并作为…主要责任人 (r604)
    return out, sorted(persons, key=lambda o: o.start)




# Bare kinds of body and of party: the kind alone does not say which body, so a clause before it is part
# of the name (README, units named by a clause; parties named by their place in the matter).
# 派出机构 and the like say whose only with what stands before them (其依法设立的派出机构, r1721).
_BARE_KINDS = frozenset({*GENERIC_HEADS, "企业", "企业事业单位", "生产经营单位", "生产经营者", "经营者",
                         "经营单位", "派出机构", "派出机关", "工作机构", "管理机构", "内设机构"})
# 是 makes a sentence of its own (乡镇人民政府是县人民政府的派出机关，…，依法履行…职责): a predicate,
# no clause naming a body
_NOT_A_CLAUSE_RE = re.compile(r"[，,。；;：:、\s是]|^(?:各|本|该)")


_GOVERNMENT_END = ("人民政府", "政府")
# Governments named by a range of levels: several levels written once (县级以上, 设区的市级以上, 各级).
_LEVEL_RANGE_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,4}级以上|各级)(?:地方)?(?:人民)?政府$")


def _owned_by_levels(text: str, s: int, d: int, e: int) -> list[UnitMention] | None:
    """Governments of two levels or more, then 的 and the body they each own (市、区县人民政府的市容和环境卫生
    行政管理部门, r1763): 的 joins owner and body, no relative clause, so the body is distributed level by
    level with 的 kept as written (README, held-out batch AX), or None."""
    owners = unit_list(text, s, d)
    body = text[d + 1 : e].strip()
    if (owners and len(owners) == 1 and owners[0].start == s and owners[0].end == d
            and owners[0].name.endswith(_GOVERNMENT_END) and _LEVEL_RANGE_RE.match(owners[0].name)
            and looks_like_unit(body)
            and not re.search(r"[、，,和及]", body) and len(unit_list(text, d + 1, e) or []) == 1):
        # governments of a range of levels, written once, and the body each owns (县级以上人民政府的动物卫生
        # 监督机构, r1843): several levels as in r1763, no level written to distribute, one name as written
        return [owners[0].model_copy(update={"name": owners[0].name + "的" + body, "end": e,
                                             "as_written": text[s:e]})]
    if (not owners or len(owners) < 2 or not all(u.name.endswith(_GOVERNMENT_END) for u in owners)
            or not looks_like_unit(body) or re.search(r"[、，,]", body)
            or len(unit_list(text, d + 1, e) or []) != 1):
        return None
    return [u.model_copy(update={"name": u.name + "的" + body, "end": e, "reading": "shared suffix"})
            for u in owners]


_VERB_RUN_RE = re.compile(r"(?:[\u4e00-\u9fff]{2}、){2,}"
                          r"(?=[\u4e00-\u9fff]{2}(?:[^、\u4e00-\u9fff]|[\u4e00-\u9fff]{2,}))")


def _clause_before_kind(text: str, s: int, de: int, e: int) -> list[UnitMention] | None:
    """text[s:de], a clause closed by 的, before a list text[de:e] whose first name is a bare kind:
    the clause stays on that name, the later names read as written (直接或者间接排放水污染物的
    企业事业单位和其他生产经营者应当承担…主体责任, r1743: README, a clause before a list stays on the
    first name), or None."""
    # 产生、收集、贮存…固体废物的企业事业单位 (r1702): verbs in a run joined by 、 before their object open
    # the clause, their 、 no list of names
    run = _VERB_RUN_RE.match(text, s, de)
    if _NOT_A_CLAUSE_RE.search(text, run.end() if run else s, de - 1) or de - s < 4:
        return None
    units = holders(text, de, e)
    if not units or units[0].name not in _BARE_KINDS or units[0].start != de:
        return None
    first = units[0].model_copy(update={"name": text[s:de] + units[0].name, "start": s,
                                        "as_written": text[s : units[0].end], "reading": "named by a clause"})
    return [first, *units[1:]]


def _subject(text: str, s: int, e: int, cue: re.Match[str], role: str) -> Attribution | list[Official] | None:
    """text[s:e] as the units of a clause (an Attribution) or as groups of persons
    (officials whose role is the role word 负责), or None."""
    if (staff := OWN_STAFF_RE.search(text, s, e)) is not None and staff.start() - s >= 2:
        e = staff.start()  # …部门及其工作人员，应当依法履行职责 (r1724): the bodies, their staff no party
    raw = text[s:e]
    if len(raw) > _MAX_SUBJECT:
        return None
    if (bodies := clause_bodies(text, s, e)) is not None:  # …人民政府负责…的部门 (r2022, r2023)
        word = cue.groupdict().get("word") or cue.group(0)
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s, end=cue.end(),
                           units=bodies)
    if NAMED_BY_CLAUSE_RE.fullmatch(text, s, e):
        word = cue.groupdict().get("word") or cue.group(0)
        party = UnitMention(name=raw, as_written=raw, start=s, end=e, reading="named by a clause")
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s, end=cue.end(),
                           units=[party])
    if (offered := designated(text, s, e)) is not None:  # …或者…确定的物业主管部门 (r1363)
        word = cue.groupdict().get("word") or cue.group(0)
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s, end=cue.end(),
                           units=offered)
    if PARTIES_RE.fullmatch(raw.strip()):
        # 有关单位和个人应当配合, 普查涉及的单位和个人应当予以配合 (r1664, r1662): bodies and persons tied to
        # the matter by a qualifier are parties, one unit as written (个人 names no body, so 和 is not split)
        word = cue.groupdict().get("word") or cue.group(0)
        party = UnitMention(name=raw.strip(), as_written=raw, start=s, end=e, reading="named by a clause")
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s, end=cue.end(),
                           units=[party])
    listed = clause_named_list(text, s, e) or located_list(text, s, e) or owned_bodies(text, s, e)
    if listed is not None:
        word = cue.groupdict().get("word") or cue.group(0)
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s, end=cue.end(),
                           units=listed)
    k = raw.rfind("的")
    if k >= 2 and raw[k - 2 : k] == "设区":
        k = -1  # 设区的市: a kind of city, no qualifier (names.PHRASE_RE)
    if k != -1 and raw.startswith((*TASK_VERBS, "形成", "构建")):
        return None  # 形成承担…职能的部门和其他组织协同化解…的工作格局 (r1323): the units are in the object
    if k >= 2 and raw[k - 2 : k] in ("所属", "确定", "指定") and jurisdiction_of(raw[k + 1 :]) is None:
        return None  # …所属的公路管理机构 read from inside its owners' name: not the party (owned_bodies)
    if k != -1 and looks_like_unit(raw[k + 1 :]) and _PLACES_QUALIFY_RE.fullmatch(raw, 0, k):
        # 商场、机场、车站、码头等公共场所的经营管理者应当协助… (r1543): named by the places it runs,
        # a list of places no body, one party written as it stands (as r1424's named by a clause)
        word = cue.groupdict().get("word") or cue.group(0)
        party = UnitMention(name=raw.strip(), as_written=raw, start=s, end=e, reading="named by a clause")
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s, end=cue.end(),
                           units=[party])
    if k != -1 and looks_like_unit(raw[k + 1 :]) and raw[k + 1 :] not in GENERIC_HEADS:
        if (clause := _owned_by_levels(text, s, s + k, e) or _clause_before_kind(text, s, s + k + 1, e)):
            word = cue.groupdict().get("word") or cue.group(0)
            return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s, end=cue.end(),
                               units=clause)
        s = s + k + 1  # 小型建设工程的建设单位为…责任单位 (r702): the party, what it builds qualifying it
        raw = text[s:e]
    # a list typed by 等单位 takes kinds of body as bodies (机关、团体、企业、事业等单位是…责任主体, r1002)
    units = holders(text, s, e)
    if units and not any(ROLE_RE.search(u.name) for u in units):
        # 业主大会筹备组、业主大会、…、物业服务人或者建设单位应当根据职责… (r1382): whichever of them it is,
        # one party written as it stands, as in a 由-clause (r1042, r900)
        units = alternatives(text, units)
        word = cue.groupdict().get("word") or cue.group(0)
        return Attribution(role=role, label=word, clause=text[s : cue.end()], start=s,
                           end=cue.end(), units=units)
    groups = [(m.start(), m.group(0)) for m in re.finditer(r"[^、]+", raw)]
    if raw.startswith(("将", "把")):
        return None  # 将各级党政领导干部落实…情况纳入…: the persons are the object of 将 (r1002)
    if groups and all(is_person_group(g.strip()) for _o, g in groups):
        if "或" in groups[-1][1]:
            # 法定代表人、主要负责人或实际控制人: alternatives, whoever of them it is (r1002, as r900)
            return [Official(name=raw.strip(), role="负责", as_written=raw, start=s, end=e)]
        return [Official(name=g.strip(), role="负责", as_written=g, start=s + o, end=s + o + len(g))
                for o, g in groups]
    return None
