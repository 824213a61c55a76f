"""The words of a duty: what a duty may open with, its role verbs and the role
they give, the holders at its head, and an adverbial 在Y指导、协助下 before its verb."""

from __future__ import annotations

import re

from .clause_cues import ACTS_BY_DUTY, CLAUSE_CUE_RE, NOT_IN_PRINCIPLE_LIST
from .lexicon_lists import sector_list
from .model import Attribution, UnitMention
from .names import TASK_VERBS, are_holders
from .numbering import LINE_HEADER_RE
from .posts import NAMED_POST_RE
from .unit_lists import KIND_AFTER_RE, list_mentions
from .vocabulary import OPENERS, SPACE

# Words a duty may start with right after its unit: a role verb, or the verbs
# and frames duties open with (区城管执法局依法…, 镇规建办为…主管部门, 各街道、镇作为…,
# 区财政局按规定…), or an adverb of how (城建中心集中受理…，并负责…, r655). A unit after
# 会同 is what the duty is done with, not a holder (区人力资源社会保障局会同区消防救援支队开展…, r701).
# A duty may also open with any verb a task opens with (开展, 推进, 加强 …).
CUE_RE = re.compile(
    r"负责|牵头|配合|协助|协同|参与|参加|协办|具体|承担|为|作为|是|应当|应|要|必须|依法|依据|根据|结合|指导|"
    r"统筹|在|积极|做好|对|加强|督促|组织|协调|落实|主要|按照|按|会同|集中|定期|及时|" + "|".join(TASK_VERBS)
)
# A duty item may open with where its unit sits, then its duty (镇农村集体资产管理部门设在镇经济发展服务中心，
# 具体负责…, r921): the unit heads the item. Not in running text, where the clause after
# 设在 may have another subject (办公室设在镇房管所，…同时落实2人…, r452).
# It may also open with the duties it has beside these (区政府工作部门除履行《办法》…规定的职责外，还应当…
# 履行下列职责, r1001): an exception frame 除…外， before the verb.
# 区司法局将消防法律法规纳入… (r1004): the unit, then 将 and the thing it does something with.
HEAD_CUE_RE = re.compile(CUE_RE.pattern + r"|设在|除(?=[^。；;！？\n]{1,60}?外[，,])|将")


# The first role verb of a duty's first sentence decides the heading units' role.
# An adverb of how may stand between 负责 and the verb: 负责依法配合 is 负责配合 (r1001).
ROLE_VERB_RE = re.compile(r"(?:(负责(?:依法|积极|主动|全力|共同)?)?(牵头|配合|协助|协同|参与|参加|协办)"
                          # 公众参与制度, 协同机制: the role word qualifies a noun of the mechanism (r1401)
                          r"(?!\s*单位|\s*部门|制度|机制|体系)|负责(?!人(?!才|力|口|防|事)|同志))"
                          + NOT_IN_PRINCIPLE_LIST)
# A duty stated without a role verb: 在各自职责范围内履行下列共同职责 (r701, as 履行相应职责, r510),
# 按照职责分工依法履行消防工作责任 (r1000, as 履行…责任, r900).
STATED_DUTY_RE = re.compile(r"履行[^。；;！？\n]{0,30}?(?:职责|责任)(?!过程|中|时|的)")
# Units acting by their duties right after their names: 镇财政所、镇经管中心按照职责加强… (r601),
# 按职责, 依职责, 按照各自职责. Not 按照各自工作职责，拟定… (a step, r702) nor 按照《…》职责分工执行 (r604).
ACTS_BY_DUTY_RE = re.compile(r"(?:应当|应)?" + ACTS_BY_DUTY)
# A duty stated as a clause of its own, opening with the duty borne: 应履行行业管理义务,
# 落实属地安全责任, 承担以下监督检查职责 (r941), as 履行相应职责 / 落实主体责任 (r510) and
# 肩负…职责 (r901). Only at a clause's start: 指导…单位落实安全责任 is what the duty is about.
# 具体承担以下职能 (r1022): 职能 as 职责, a duties word in headings too.
STATED_AT_RE = re.compile(r"(?:应当|应|要|须|必须)?(?:依法|切实|认真|具体|主要|严格|全面|率先|带头)?"
                           r"(?P<word>(?:履行|承担|肩负)[^。；;，,！？\n]{0,20}?(?:职责|义务|职能)"
                           r"|落实[^。；;，,！？\n]{0,12}?责任)")
_CLAUSE_OPENS_RE = re.compile(r"[，,；;]\s*")


def stated_duty(text: str, start: int, stop: int) -> str | None:
    """The first clause of text[start:stop] that opens with a stated duty (see STATED_AT_RE), as
    written, or None."""
    pos = start
    if (mk := LINE_HEADER_RE.match(text, pos, stop)) is not None:
        pos = mk.end()  # （一）落实属地安全责任，协助… (r941): the item's first sub-item
    while pos < stop:
        m = STATED_AT_RE.match(text, pos, stop)
        if m is not None:
            return m.group("word")
        nxt = _CLAUSE_OPENS_RE.search(text, pos, stop)
        if nxt is None:
            return None
        pos = nxt.end()
    return None


ROLE_IN_NAME_RE = re.compile(r"负责|牵头|配合|协助|协同|参与|参加")
_SUPPORT_VERBS = frozenset({"配合", "协助", "协同", "参与", "参加", "协办"})
# A unit heading is short: a few names at most.
MAX_HEADING = 40
SENTENCE_END = "。！？!?\n"


# Verbs that make their object the doer of what follows (指定专人…，负责…; 委托代建机构…，负责…).
# Not 组织领导 (leadership, a noun: 切实加强组织领导，并落实专人负责…, r1043).
# Not 要求 as a noun (按照管行业必须管安全…的要求，在各自职责范围内…, r1343: the rule followed).
# Not 组织 ending a name in a list (基层群众性自治组织、企业事业单位和其他组织, r1323): a body, no verb.
# Nor 要求 as the noun a rule phrase names (物业服务人应当按照要求执行…，积极配合…, r1362; 按照要求 is
# no 按照职责).
PIVOT_RE = re.compile(r"指定|指派|委托|安排|明确|(?<!的)(?<!按照)(?<!按)(?<!根据)(?<!依照)要求|督促"
                      # 组织推进…体系建设 (r1782): 组织 run straight into a verb of carrying out is one
                      # compound verb, the subject's own, with no object to hand the work to
                      # Not 组织 closing a list's kind or a name (工会、共青团…等组织根据职责…参与…, r1784;
                      # 其他组织, 社会组织): a body, no verb
                      r"|(?<![党团等他])(?<!社会)组织(?!部|领导|[、和及与等]|$|推进|实施|开展|编制|制定|起草"
                      # …志愿服务组织应当… : 组织 before a modal or a warrant ends a name; the verb takes
                      # an object
                      r"|应当|必须|依法|根据|按照|依照)"
                      # 引导公众参与…, 支持单位和个人参与… (r1422, r1400; r751): a causative verb, its
                      # object the one that takes part
                      r"|(?:引导|鼓励|支持|动员)(?![、和及与]|配合|参与|协助|协同|参加|$)"
                      # …，并指导村（居）民委员会配合做好… (r1621): those guided do the work, the subject
                      # gives none; not a body's name (指导中心) nor a guiding frame (在…指导下)
                      r"|并指导(?!中心|站|组|办|处|科|下|[、和及与]|$)")


# A list of a dozen bodies heading a duty (区交通、生态环境、…、农业农村等…相关部门负责…, r1120): longer
# than a heading, it is read only where it has three 、 at least.
MAX_LIST_HEADING = 100


def opening_list(text: str, s: int, e: int) -> list[UnitMention] | None:
    """text[s:e], a clause's subject before its first verb, read as a list of holders: as long as a
    heading, or a list whose 等 and kind of body close it (…、开发区（园区）管理机构等人民政府的派出机关
    （机构）应当…, r1423), the closing showing where the list ends however long it is."""
    if e - s > MAX_HEADING and not KIND_AFTER_RE.search(text[s:e].rstrip(SPACE)):
        return None
    return unit_list(text, s, e, MAX_LIST_HEADING)


# A list closed by the bodies' own staff (…部门及其工作人员): persons the bodies assign, labelled nothing
# (README, staff posts), so the list is read without them.
# A body's staff joined to it by 和 (统计机构和统计人员应当依法履行职责, r1783) are persons too.
OWN_STAFF_RE = re.compile(r"(?:及其(?:工作人员|执法人员|从业人员|职工)"
                          r"|[和及与][\u4e00-\u9fff]{0,6}(?:工作人员|执法人员|从业人员|人员))[\s\u3000]*$")


def unit_list(text: str, s: int, e: int, longest: int = MAX_HEADING) -> list[UnitMention] | None:
    """text[s:e] read as a list of holders, or None when it is not one (or longer than `longest`)."""
    if (staff := OWN_STAFF_RE.search(text, s, e)) is not None and staff.start() - s >= 2:
        e = staff.start()  # A和B及其工作人员，应当依法履行职责 (r1724): the bodies; their staff no party
    raw = text[s:e].strip(SPACE)
    if (not raw or e - s > longest or raw[0] in OPENERS
            or re.search(r"[。，,；;：:！？\n]", raw)):
        return None  # （职责分工） is a heading's note, not a unit
    leads, mentions = list_mentions(text, s, e)
    units = leads + mentions
    if units and not are_holders([u.name for u in units]):
        # 区交通、生态环境…等相关部门 (r1120); a run of known sectors (lexicon_lists)
        units = sector_list(text, s, e) or []
    if not units or any(ROLE_IN_NAME_RE.search(u.name) for u in units):
        return None  # 市容办负责业务指导…（附件三）: a duty, not a name
    return units


def _made_up_by(text: str, start: int, verb: int) -> bool:
    """Does the clause of the role verb at ``verb`` give it to the units after a 由 (X由A、B协同…)?"""
    clause = max(start, max(text.rfind(c, start, verb) for c in "，,；;") + 1)
    return text.find("由", clause, verb) != -1


# Nouns after 的, joined by 、 / 和: 加强对…活动的指导、协助和监督 (r1341). A role word among them names a
# kind of work, the noun phrase the object of another verb, and gives no role.
_NOUN_AFTER_DE_RE = re.compile(r"的(?:[\u4e00-\u9fff]{2}[、和及与])*$")


# A mechanism set up, named by what goes into it: 建立政府补助、…社会资金参与、村民自愿付费相结合的
# 资金投入机制 (r1480). A role word inside the name of the mechanism is no one's duty (r961).
_SETS_UP_RE = re.compile(r"建立|健全|完善|构建|形成")
_MECHANISM_RE = re.compile(r"[^，,；;。\n]*?(?:机制|制度|体系|格局)")


def _in_mechanism(text: str, start: int, verb: re.Match[str]) -> bool:
    clause = max(start, max(text.rfind(c, start, verb.start()) for c in "，,；;") + 1)
    return (_SETS_UP_RE.search(text, clause, verb.start()) is not None
            and _MECHANISM_RE.match(text, verb.end()) is not None)


# 单位和个人 qualified by what ties them to the matter: 有关 / 相关, a clause closed by 的 (普查涉及的,
# 从事…的), or a field of activity (森林资源经营). Bare 单位和个人 and 任何 / 一切 / 所有 / 其他 … name
# everyone: no party.
PARTIES_RE = re.compile(r"(?:有关|相关|(?!任何|一切|所有|其他|各|全体|广大)[^，,。；;：:\n]{1,40}?的"
                         r"|(?!任何|一切|所有|其他|各|全体|广大|鼓励|支持|引导|动员|对|向|与|和)[\u4e00-\u9fff]{2,8}?)"
                         r"单位和个人")


# A role word in a later clause whose subject is such a party (…可以采取下列措施，有关单位和个人应当
# 配合, r1664) is the party's, not the item's heading unit's.
_PARTY_CLAUSE_RE = re.compile(PARTIES_RE.pattern + r"(?:应当|应|须|必须)?(?:予以)?$")


# A later clause opening with a subject of its own, then how it acts by its duties, then the role
# word (市、县人民政府应当加强…领导，各相关职能部门根据职责分工具体负责…, r1941): the role word is that
# subject's, not the item's head's, where the head's own clauses hold no cue (README, the subject's
# first role cue; a unit named in a clause of its own). With one (建设单位为…第一责任人，项目办负责…,
# r603) the head has a duty of its own either way.
_OWN_SUBJECTS_ADVERBIAL_RE = re.compile(r"(?:应当|应|要|必须)?(?:依法)?(?:(?:按照?|根据|依照|依据)"
                                        r"(?:各自的?)?(?:职责|职能)(?:分工)?[，,]?)?"
                                        r"(?:具体|分别|共同|主要)?$")


def _later_subjects_own(text: str, start: int, verb: re.Match[str]) -> bool:
    clause = max(text.rfind(c, start, verb.start()) for c in "，,；;")
    if clause <= start or CLAUSE_CUE_RE.search(text, start, clause) is not None \
            or NAMED_POST_RE.search(text, start, clause) is not None:
        return False
    adverbial = _OWN_SUBJECTS_ADVERBIAL_RE.search(text, clause + 1, verb.start())
    cut = adverbial.start() if adverbial is not None else verb.start()
    return cut - clause > 2 and unit_list(text, clause + 1, cut) is not None


def _partys_own(text: str, start: int, verb: re.Match[str]) -> bool:
    clause = max(start, max(text.rfind(c, start, verb.start()) for c in "，,；;") + 1)
    if _EVERYONE_BEFORE_RE.search(text, max(clause, verb.start() - 8), verb.start()) is not None:
        return True  # 提高公众参与…的意识 (r1704): the role word's subject is everyone, written before it
    return clause > start and _PARTY_CLAUSE_RE.match(text, clause, verb.start()) is not None


# Everyone written right before a role word is its subject (提高公众参与饮用水水源地保护的意识, r1704;
# 引导社会力量参与…): the role word is theirs, no body's (README, role words inside noun phrases; everyone
# and named parties).
_EVERYONE_BEFORE_RE = re.compile(r"(?:公众|群众|全社会|社会力量|社会各界|全民|市民|公民)"
                                 r"(?:广泛|积极|主动|依法|有序|共同)?$")


# 对在…、参加抢险救护、…方面取得显著成绩的单位和个人，给予表彰 (r1600): a role word inside the relative clause
# of 对's object (对 … 的 + noun, no comma between) describes those the subject acts on, no duty of its own.
_OBJECT_CLAUSE_RE = re.compile(r"[^，,；;。：:\n]*?的[\u4e00-\u9fff]")


def _in_object_of_dui(text: str, start: int, verb: re.Match[str]) -> bool:
    clause = max(start, max(text.rfind(c, start, verb.start()) for c in "，,；;") + 1)
    dui = text.find("对", clause, verb.start())
    return dui != -1 and _OBJECT_CLAUSE_RE.match(text, verb.end()) is not None


# 实行属地管理、分级负责 (r1663), 遵循属地管理、分级负责的原则: a role word closing one of a list of short
# phrases a clause adopts (实行, 坚持, 遵循, 按照) names a principle, no duty of the subject's.
_PRINCIPLE_RE = re.compile(r"(?:实行|坚持|遵循|按照|贯彻)[“\"]?"
                           r"(?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{0,4}")


def _in_principle(text: str, start: int, verb: re.Match[str]) -> bool:
    clause = max(start, max(text.rfind(c, start, verb.start()) for c in "，,；;") + 1)
    return _PRINCIPLE_RE.fullmatch(text, clause, verb.start()) is not None


def _a_noun(text: str, start: int, verb: int) -> bool:
    """Is the role word at ``verb`` one of the nouns a 的 phrase closes with (…的指导、协助和监督)?"""
    return _NOUN_AFTER_DE_RE.search(text, max(start, verb - 16), verb) is not None


# A causative verb, its object the one that does what follows (鼓励单位和个人…参与…, r751).
_CAUSATIVE_RE = re.compile(r"(?:引导|鼓励|支持|动员|号召)(?![、和及与]|配合|参与|协助|协同|参加)")
# What may open a clause before its role verb when the clause has no subject: modals and adverbs.
_OPENS_CLAUSE_RE = re.compile(r"(?:并且|并|同时|还|也)?(?:应当|应|要|须|必须)?(?:积极|主动|共同|依法)?")


def duty_role(text: str, start: int, end: int, clause_ends: bool = False) -> tuple[str, str]:
    """(role, role verb as written) from the first sentence of text[start:end]
    (with `clause_ends`, a ；ends it too: the duties of a <unit>职责 heading are
    listed one clause each)."""
    stop = start
    ends = SENTENCE_END + "；;" if clause_ends else SENTENCE_END
    while stop < end and text[stop] not in ends:
        stop += 1
    m = ROLE_VERB_RE.search(text, start, stop)
    while m is not None and (_made_up_by(text, start, m.start()) or _a_noun(text, start, m.start())
                             or _in_mechanism(text, start, m) or _in_object_of_dui(text, start, m)
                             or _in_principle(text, start, m) or _partys_own(text, start, m)
                             or _later_subjects_own(text, start, m)):
        # 区更新办由A、B、C三家副主任单位协同开展工作，负责… (r1120): the verb is the units' after 由
        # (who make the body up), not the subject's; its own role verb comes later
        m = ROLE_VERB_RE.search(text, m.end(), stop)
    stated = stated_duty(text, start, m.start() if m is not None else stop)
    if stated is not None:
        return "responsible", stated  # 应履行行业管理义务…，并配合… (r941): the first cue decides
    if m is None:
        return "responsible", ""
    clause = max(text.rfind(c, start, m.start()) for c in "，,；;")
    if PIVOT_RE.search(text, max(start, clause + 1), m.start()):
        return "responsible", ""  # 建设单位应指派专人负责…: the person appointed does it (r703), no role verb
    if clause > start and _OPENS_CLAUSE_RE.fullmatch(text, clause + 1, m.start()):
        # …，鼓励单位和个人以投资、捐资等形式，参与城市绿化工作 (r1464): a clause with no subject of its own
        # goes on from the object of a causative verb in the clause before it, not from the sentence's subject
        before = max(text.rfind(c, start, clause) for c in "，,；;")
        if _CAUSATIVE_RE.search(text, max(start, before + 1), clause):
            return "responsible", ""
    if m.group(2) == "牵头":
        return "lead", m.group(0)
    if m.group(2) in _SUPPORT_VERBS:
        return "support", m.group(0)
    return "responsible", m.group(0)


# 项目管理人在街道项目办指导、协助下负责… (r656): an adverbial phrase naming who guides or assists
# the subject. Its verbs are not the subject's; a role word among them (协助) gives the body
# named in it that role, 指导 alone gives none.
_GUIDED_RE = re.compile(r"在(?P<by>[^，,。；;：:\n]{2,30}?)(?:的)?(?P<verbs>(?:指导|协助|支持|配合|帮助|监督)"
                        r"(?:[、和及与](?:指导|协助|支持|配合|帮助|监督))*)下[，,]?")


def guided(text: str, pos: int, end: int) -> tuple[int, Attribution | None]:
    """An 在Y指导、协助下 phrase at pos: where the clause goes on, and Y's attribution if
    the phrase holds a role word (see _GUIDED_RE). (pos, None) when there is no such phrase."""
    m = _GUIDED_RE.match(text, pos, end)
    if m is None:
        return pos, None
    verb = ROLE_VERB_RE.search(m.group("verbs"))
    units = unit_list(text, m.start("by"), m.end("by")) if verb else None
    if not units or verb is None:
        return m.end(), None
    role, word = duty_role(m.group("verbs"), verb.start(), len(m.group("verbs")))
    return m.end(), Attribution(role=role, label=word, clause=m.group(0), start=m.start("by"),
                                end=m.end("verbs"), units=units)
