"""The cue words of duties in running text: role words after a clause's subject, posts
given by a copula (是…责任主体, 为牵头部门), a standing duty borne (对…承担主体责任), what
may stand between a subject and its role word, and the role word of a clause that
leaves its subject out. Used by running_text's readers.
"""

from __future__ import annotations

import re

from .roles import ROLE_WORDS

# A post given to a body by a copula: 各村为…的责任主体, 建设单位是施工管理的第一责任单位 (r703),
# X为…的责任单位 (r702), A、B和C是…的责任部门 (r754), X是…的实施主体 (r921) → responsible;
# A body made 第一责任人 with 作为 (医疗机构作为药款结算第一责任人, r1083, as r603) → responsible too;
# with 是 / 为 the subject is mostly a group of persons (各村主要负责人是…第一责任人: officials, posts.py).
# 镇规建办为牵头部门 (r655), X是…的总牵头单位 (r900), X为牵头受理部门 (r920) → lead.
COPULAR_POSTS = (r"(?:(?:第一|主要|直接)?(?:责任主体|实施主体|责任单位|责任部门)"
                 r"|总?牵头[\u4e00-\u9fff]{0,2}?(?:部门|单位))")
_COPULAR_LEAD_RE = re.compile(r"牵头[\u4e00-\u9fff]{0,2}?(?:部门|单位)$")

# X对…负有直接和领导责任 (r702), X对…负主体责任 (r1084: 负 alone only before 主体责任, a body's),
# X对…承担主体责任 (r900), X对…肩负监管职责 (r901): a body bearing
# responsibility for something as its standing duty is responsible; persons bearing it
# (建设单位负责人对…负有直接管理责任, r703) are officials, the kind of responsibility their role.
# A liability for a breach (承担赔偿责任, 承担相应责任, r802, r656) is no duty.
BEARS = (r"对[^，,；;。\n]{1,30}?(?:负有|承担|肩负|负(?=主体责任))(?!赔偿|法律|相应|连带|经济|刑事|违约)"
         r"(?P<borne>[^，,；;。\n]{0,8}?(?:责任|职责))")


# 对…负责 over an object of up to 60 characters, a list inside it
# (对本行政区域的食品小作坊、小餐饮和食品摊点的…工作负责)
ANSWERS_FOR = r"对[^，,；;。\n]{2,60}?负总?责(?![^，,；;。\n])"


# Units acting by their duties (镇财政所、镇经管中心按照职责加强…监督管理, r601) state one (README); not a
# clause naming what they do as a noun's qualifier (各行业主管部门按职责开展的…项目可参照…, r1024).
# 依据各自的法定职责对…进行检查 names the law they act under and is no role word (r941).
# 按照职责分工， too, its comma closing the phrase (其他成员单位按照职责分工，协调做好…, r1123, r1085, r1140),
# but not in a duty list's lead-in (区有关部门及相关单位按照职责分工，共同做好… before its items, r940;
# parse).
# The duties may be named by who gives them (按照本条例规定的职责, r1302; 依照市人民政府赋予的职责, r1322: a
# relative clause before 职责), acted on within their bounds (在各自职责范围内, r1063, r1224, r1343), or be
# the division itself (按照分工做好…, r1343, as 按照职责分工), or named after the law they act by, joined
# to it by 和 (按照相关法律、法规和各自职责，做好…, r1545): their own duties named all the same; or name
# the work done by them (依法做好各自职责范围内的消防工作, r1544, as 在各自职责范围内做好…).
# 遵循政府推动、全民参与、城乡统筹…的原则 (r1501): a role word closing one of a list of short noun
# phrases names a principle, no one's duty (a lookahead after the role word).
NOT_IN_PRINCIPLE_LIST = r"(?!、[\u4e00-\u9fff]{2,6}(?:、|的))"
ACTS_BY_DUTY = (r"(?:(?:按照?|依照?|依据|根据)(?:各自)?职责(?:分工(?=[，,]))?|按照责任分工"
                # 按照规定职责，做好… (r1942, r1401), 依照法定职责 (r1582): the duties the law gives
                # the units, their own (not 依据各自的法定职责对…进行检查, r941: a law acted under
                # before a verb of its own)
                r"|(?:按照|依照|依据|根据)(?:规定|法定)职责(?=[，,])"
                # 按照森林防火责任，做好… (r1523): the bodies' own responsibility in a field, as 职责
                r"|(?:按照|依照)[\u4e00-\u9fff]{2,8}?责任(?=[，,])"
                r"|(?:按照|依照|依据|根据)[^，,。；;《》\n]{1,16}?(?:以及|[和及与])(?:各自的?)?职责(?:权限)?"
                r"|(?:按照|依照)[^，,。；;、《》\n]{1,12}?的职责|做好各自职责范围内的"
                # 依法组织、管理本部门职责范围内的统计工作 (r1783): the work of the subject's own
                # duties named as the object of its verbs, as 做好各自职责范围内的…
                r"|(?:[\u4e00-\u9fff]{2}、)?(?!做好)[\u4e00-\u9fff]{2}(?:本部门|本单位|本机关|各自)的?职责范围内的"
                # 在区（市）人民政府确定的职责范围内做好… (r1521): the bounds named by who sets them
                r"|在[^，,。；;、《》\n]{2,16}?确定的职责范围内|在(?:各自)?的?职责范围内|按照?分工(?=[\u4e00-\u9fff]))(?![\u4e00-\u9fff]{1,3}的)")
# 履行…责任 states a standing duty (设置者应当…履行维护管理责任, r1042, as r900), as 承担…职责 does
# (国家医保局承担制定试点方案…的职责, r1083, as r941; 承担…工作 does not, r1001); not 履行下列职责时
# (a condition, r803).
# 各单位要认真落实本通知要求: urging the document itself be carried out, no duty of a unit (r961, r1043).
_NOT_THE_DOCUMENT = r"(?!本(?:通知|意见|方案|办法|规定|决定|细则|文件)|上述(?:要求|意见))"
# A clause that opens with the units that do the work, then the role word:
# 联席办负责组织召开…, 区民防办、应急管理局牵头, 各职能部门按照职责，分别牵头完成…,
# 区发展改革委…等部门履行相应职责, 各镇政府…和头桥集团落实主体责任, 各村为…的责任主体.
# 负责人 is a post, not the role word 负责.
CLAUSE_CUE_RE = re.compile(
    # A role word after the duties the subject acts by decides its role (按照各自职责，配合做好…, r1503),
    # also within them (在各自职责范围内配合…) and after a verb it is joined to (按照各自职责，协调配合、
    # 共同做好…, r1501: 协调 is none)
    # 按照各自的职责，协同做好… (r1763), 要按照各自的职责，协同…实施监督管理 (r1742): any wording of the
    # duties cue (ACTS_BY_DUTY) before the role word, not only the bare 按照职责
    r"(?:(?:(?:按照?|依照|依据|根据)(?:职责|职能|各自的?职责|规定职责|法定职责)(?:分工)?|在(?:各自)?的?职责范围内"
    r"|(?:按照|依照|依据|根据)[^，,。；;、《》\n]{1,12}?的职责"
    # 依照章程和职责协助… : the duties named after another ground, as ACTS_BY_DUTY's 按照…和各自职责
    r"|(?:按照|依照|依据|根据)[^，,。；;《》\n]{1,16}?(?:以及|[和及与])(?:各自的?)?职责)"
    # 根据职责或者章程参与… (r1784), 按照各自职责和本条例规定负责…: the duties beside another ground
    r"(?:(?:或者|或|和|以及)[\u4e00-\u9fff]{0,6}?(?:规定|章程))?[，,]?"
    r"(?:分别|共同|具体|分头|主要|统一)?(?:[\u4e00-\u9fff]{2}、?(?=负责|牵头|配合|参与|参加|协助|协同|协办))?"
    r"|(?:分别|共同|具体|分头|主要|统一)?"
    # 各部门要根据职责分工，指导、配合各街镇做好… (r1140): a verb joined to the role word by 、, the
    # role word deciding (指导 is none)
    r"(?:[\u4e00-\u9fff]{2}、(?=负责|牵头|配合|参与|参加|协助|协同|协办))?)"
    r"(?P<word>负责牵头|牵头负责|负责配合|牵头|负责(?!人(?!才|力|口|防|事)|同志)|配合|参与|参加|协助|协同|协办"
    # 履行…义务 as r941's 应履行行业管理义务 (山体权属单位…等应当履行保护山体的义务, r1403)
    # 依法履行辖区公共服务、…等综合管理职能 (r1780: 职能 a duties word, as r1022's 承担以下职能),
    # 履行本行政区域学前教育发展的主体责任 (r1802): the field of duty named at any length within its clause
    r"|履行[^，,；;。\n]{0,24}?(?:职责|职能|责任|义务)(?!的|时)|承担[^，,；;。\n]{0,20}?职责(?!的|时)"
    # …部门及其工作人员，应当履职尽责，依法行政 (r1941): 履行职责 written short, closing its clause
    r"|(?:依法)?履职(?:尽责)?(?=[，,。；;\n])"
    # 在其经营范围内承担森林防火责任 (r1523, r1603): a responsibility for a field borne as a standing duty,
    # as 对…承担主体责任; not a liability for a breach (承担赔偿责任, 承担相应的法律责任)
    # (依法承担本辖区内学前教育发展和管理的相关责任, r1802: the field named at any length within its clause)
    r"|承担(?!相应|赔偿|法律|连带|经济|刑事|违约|损害|责任)[\u4e00-\u9fff]{2,20}?(?<!法律|赔偿)责任"
    r"(?![的时\u4e00-\u9fff])"
    # 设计、施工、监理等单位按照规定和约定承担相应责任 (r1980): a share of a standing duty fixed by
    # an agreement, 约定 right before it; no act and no consequence named (unlike
    # 造成后果的由X承担相应责任, r656, or 承担相应的法律责任, r1442, r1604: a liability)
    r"|(?<=约定)承担相应的?责任(?![\u4e00-\u9fff])"
    r"|作为[^，,；;。\n]{0,20}?第一责任人|落实主体责任|落实" + _NOT_THE_DOCUMENT
    + r"|" + ACTS_BY_DUTY
    + r"|(?:作为|为|是)[^，,；;。\n]{0,20}?" + COPULAR_POSTS
    + r"|" + BEARS
    # 自治县人民政府应当对…水环境质量负责，… (r1402): 负责 closing its clause after what it answers for, the
    # verb as in 对…负总责 (r1204)
    + r"|" + ANSWERS_FOR + r")(?!的|率|情况)"  # 家庭参与率≥50%, 资金落实情况: no duty (r801, r702)
    + NOT_IN_PRINCIPLE_LIST
    # …监管和基层组织参与管理相结合 (r1581): a role word inside a pair that a clause closes with 相结合 names
    # one side of a principle (A和B相结合), no one's duty
    + r"(?![^，,。；;：:\n]{0,12}相结合)")
_CLAUSE_ROLES = {"负责牵头": "lead", "牵头负责": "lead", "牵头": "lead", "负责配合": "support"}


# A frame saying under whose guidance the subject acts, and how: 在街道办事处、镇人民政府指导下积极…
# (r1300, r1302, r1322). Who guides gets no role from it (指导 is none); the subject's role word follows.
GUIDED_FRAME = r"在[^，,。；;：:\n]{1,30}?(?:指导|领导|统一指挥)下[，,]?(?:积极|主动)?"
# What may stand between a clause's subject and its role word: a modal, and the rule the
# subject follows (代建机构必须按照街道办事处的授权内容负责做好…, r656; 镇人民政府应当落实…, r655).
# 依法 too: 村民委员会、居民委员会依法协助… (r1620), an adverb of how with no modal before it; and
# 在其…范围内, the bounds of the subject's own work (r1523).
MODAL_STARTS = ("必须", "应当", "应该", "应", "要", "须", "按照", "根据", "依据", "依照", "尽快", "及时",
                "依法", "在")
# A frame saying in which work or when the subject acts, between it and its role word
# (建设单位在新建、改建建筑工程中，承担…的责任, 发展改革部门在…审批等工作中落实…要求, r1980): an
# adverbial, as the bounds 在其…范围内 are; not 所在地 (a place in a name), and no 的 inside
# (在…中的具体工作: a noun phrase, r1882).
WORK_FRAME = r"在(?![地于])[^，,。；;：:\n在的]{1,40}?(?:中|期间)"
WORK_FRAME_RE = re.compile(WORK_FRAME)
# A verb joined to the role word by 并 may stand between too (X应当制定并落实…制度, r940), and 组织 run
# straight into it (应当组织落实…, r1322: one compound verb).
# An adverb of how may follow the modal (区房管局、属地街道应严格落实…, r1024), or stand alone
# (请下立交管理单位、产权单位、养护单位尽快落实…, r1043).
MODAL_RULE_RE = re.compile(r"(?:" + WORK_FRAME + r")?"
                            r"(?:必须|应当|应该|应|要|须)?(?:严格|切实|认真|依法|积极|全面|尽快|及时)?"
                            r"(?:(?:按照|根据|依据|依照)[^，,。；;：:\n]{1,40})?(?:[\u4e00-\u9fff]{2}并|组织)?"
                            r"(?:" + GUIDED_FRAME + r")?"
                            # …单位和个人在其经营范围内承担… (r1523): the bounds of the subject's own
                            # work, an adverbial before its cue
                            r"(?:在其[^，,。；;：:\n]{1,16}?(?:范围|区域)内|" + WORK_FRAME + r")?"
                            r"(?:予以|给予)?")  # 设置者应当予以配合 (r1042)
# A clause that leaves its subject out and opens with the role word: the subject of the clause
# before it in the sentence does the work (项目提出部门为该项目的管理人，在项目办指导下，负责…, r656;
# 各公司、村、居民区根据…，落实分管领导, r754; 城建中心集中受理…，并负责…, r655).
# 对…承担监理责任 / 对…肩负监管职责 carry it too (监理单位应当代表…实行监督管理，
# 对小型工程承担监理责任, r900).
CARRIED_RE = re.compile(r"(?:并且|并|同时|还|也)?(?:应当|应|要|须|必须)?(?:" + GUIDED_FRAME + r")?"
                        r"(?:具体|主要|统一|全面|分别|共同|积极|主动)?"  # …，积极配合开展… (r1362)
                        # …，统筹推进、督促落实…工作 (r1444): 督促 run straight into 落实 is one compound
                        # verb, the subject's own (as 组织落实, r1322), not 督促 with an object doing
                        # it (督促相关部门落实…)
                        r"(?:(?:[\u4e00-\u9fff]{2,4}、)?督促(?=落实)"
                        # …，制定落实…政策措施 (r1643): a verb run straight into 落实 with no object
                        # between is one compound verb, the subject's own
                        # (整改落实情况: 落实 in a noun, no verb)
                        # (保障和落实用人单位自主权, r1840: two verbs joined by 和 or 并, one object)
                        r"|(?!督促|要求|指导|支持|鼓励|引导)[\u4e00-\u9fff]{2}[和并]?(?=落实(?!情况|率|的))"
                        # …，细化、落实、创新…机制 (r1780): 落实 in a run of verbs joined by 、, the
                        # subject's own
                        r"|(?:(?!督促|要求|指导|支持|鼓励|引导)[\u4e00-\u9fff]{2}、){1,3}(?=落实(?!情况|率|的)))?"
                         r"(?:(?P<word>负责牵头|牵头负责|负责配合|牵头|负责(?!人(?!才|力|口|防|事)|同志)|落实"
                         + _NOT_THE_DOCUMENT
                         + r"|配合|协助|协同|参与|参加)"  # …，协同做好… (r1621), as 配合
                         # …，按照职能分工履行职责 (r1383): acting by its duties, the duty stated
                         r"|(?P<stated>(?:按照?|依照|根据)(?:各自)?的?(?:职责|职能)(?:分工)?履行[^，,；;。\n]{0,8}?职责)"
                         # …，并在其职责范围内，根据居民需求，开展… (r1901): the `按照职责` cue set off in a
                         # clause of its own, whatever the verb after it; a role word right after decides
                         r"|(?P<by_duty>在(?:各自|其)的?职责范围内|(?:按照?|依照|根据)各自的?职责)"
                         r"(?=[，,](?!\s*(?:负责|牵头|配合|协助|协同|参与|参加)))"
                         # …，维护市场秩序，履行法定义务，… (r1424): a duty borne, stated in a clause
                         # of its own
                         r"|(?P<borne_duty>履行[^，,；;。\n]{0,8}?义务(?![^，,；;。\n])"
                         # …派出机关，…，依法履行…综合管理职能，… (r1780): a duty of its own stated in a
                         # clause of its own, closing it
                         r"|依法履行[^，,；;。\n]{0,24}?(?:职责|职能)(?![^，,；;。\n])"
                         # …，并依法承担固体废物污染环境防治责任 (r1702): a standing duty for a field borne
                         # in a clause of its own, closing it; no liability (赔偿, 法律, 相应…)
                         r"|依法承担(?!相应|赔偿|法律|连带|经济|刑事|违约|损害)[^，,；;。\n]{2,20}?"
                         r"(?<!法律|赔偿)责任(?![^，,；;。\n]))"
                         r"|" + BEARS + r")(?!的)")


def clause_role(word: str) -> str:
    if word in _CLAUSE_ROLES:
        return _CLAUSE_ROLES[word]
    if word.startswith(("为", "是")) and _COPULAR_LEAD_RE.search(word):
        return "lead"  # 镇规建办为牵头部门, 是…总牵头单位, 为牵头受理部门
    return ROLE_WORDS.get(word, "responsible")  # 履行相应职责, 落实主体责任, 为…责任主体
