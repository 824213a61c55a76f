"""The grammar of Chinese government unit names, for telling a name from running text.

A unit name is a jurisdiction (市, 县, 区, 各乡镇 …, optional), a body and an
ending (局 委 办 部 政府 管委会 街道办事处 中心 支队 公司 …). Labels tell the
parser where a list of names is; where nothing does (a table cell, a bracket
with role words, two names run together) these functions decide.

>>> looks_like_unit("区财政局"), looks_like_unit("新建2座人行天桥"), looks_like_unit("各街道")
(True, False, True)
>>> split_joined("区财政局区税务局")
[('区财政局', 0), ('区税务局', 4)]
>>> split_and_joined("各乡镇党委和政府")
[('各乡镇党委', 0), ('各乡镇政府', 6)]
>>> split_and_joined("市人力资源和社会保障局")
[('市人力资源和社会保障局', 0)]
"""

from __future__ import annotations

import re

from .vocabulary import CLOSERS, HEADLESS_BODIES, OPENERS, UNIT_FINAL

# Parties to a lease or a works contract (房屋产权方及出租方应尽到管理责任, r307): they hold
# duties as bodies do, and end with 方, which no body's name does.
# 业主 and 所有人 (the owner, r803) and a project's 管理人 (the department managing it, r656) are
# parties of the same kind.
# A house's owner and its user (房屋所有权人, 房屋使用人, r1022, r1023) too.
PARTY_ENDINGS = ("产权方", "出租方", "承租方", "建设方", "施工方", "使用方", "经营方", "经营者", "业主",
                 "所有人", "管理人", "所有权人", "使用人", "使用权人",
                 "设置者", "所有者", "管理者", "使用者",  # parties by what they do to a thing (r1042)
                 "服务人",  # 物业服务人 (the Civil Code's party serving a property; r1300, r1302)
                 "市场主体")  # the parties of a market (enterprises, traders): the business-environment laws
# Endings a unit name may have beyond UNIT_FINAL's single characters: places
# that stand for their government (各街道, 各乡镇, 崇川经济开发区) and companies.
UNIT_ENDINGS = ("街道", "乡镇", "镇", "乡", "社区", "村", "开发区", "园区", "新区", "片区", "景区", "区政府",
                "工业区", "新城",  # zones with an administration of their own (嘉定工业区, 嘉定新城, r1043)
                "经开区", "综保区", "保税区", "自贸区", "交警",
                "集团", "公司", "医院", "学校", "银行", "支行", "分行", "大队", "中队", "派出所", "法院",
                "检察院", "专班", "各区", "各县", "县（市、区）", "县（市）", "县〔市、区〕", "县区", "市区",
                "办公会议",  # 由政府办公会议负责审议 (r702): the meeting stands for the body
                "联席会议",  # 联席会议应负责工作协调 (r1141): a standing joint conference, a body
                "团中央",  # 共青团中央, the Youth League's central committee (r963)
                # organisations named by their kind (各级政府组织、团体等, r1004; 社会团体, 基层党组织);
                # 组织 alone is a verb as often (区教育局组织开展…), so only after a word for whose
                "团体", "党组织", "社会组织", "政府组织", "群团组织", "群众组织", "基层组织",
                # 居民（村民）委员会、社区组织协助… (r1321); 基层群众性自治组织、…和其他组织 (r1323)
                "社区组织", "自治组织", "其他组织",
                "行业组织",  # 物业服务行业组织应当…，协助… (r1361): an industry's body, as 行业协会
                # organisations named by their purpose (动物保护组织, r1804; 慈善组织, 志愿服务组织)
                "保护组织", "公益组织", "慈善组织", "服务组织", "志愿者组织",
                # teams named by the work they do (市容和环境卫生监察队伍, r1763): bodies, not a workforce
                # (人才队伍, 干部队伍 name persons)
                "执法队伍", "监察队伍", "救援队伍", "巡查队伍", "监督队伍",
                *PARTY_ENDINGS)
# Words a task starts with; a unit name never does.
TASK_VERBS = ("新建", "建成", "启动", "完成", "加快", "推进", "推动", "实施", "开展", "开工", "落实",
              "加强", "提升", "优化", "完善", "健全", "建立", "深化", "持续", "全面", "积极", "强化",
              "确保", "力争", "实现", "做好", "支持", "鼓励", "引导", "规范", "坚持", "扩大",
              "新增", "改造", "提高", "降低", "增加", "争取", "打造", "培育", "促进",
              "实行", "部署",  # 实行挂牌督办 (r1002): a task ending as an office's name may
              "增强", "营造", "树立")  # verbs of raising (增强全社会…的意识, r1884), as 提高, 加强
# Verbs that govern a body (组织居委会…, 督促物业公司…, 指派专人…, 监督指导各街道办事处落实…, r704;
# 请区直相关部门及各街道…落实, r801): a phrase opening with one is a
# sentence about the body, not its name. Not 组织部 or 指导组/指导站, which are names.
# A verb right before a bare kind of body (工作组, 小组, 办公室) names what the body does, not what a
# sentence does to a body: 监督工作组, 督促检查组, 指导小组 are names (r1261's (一)监督工作组).
_KIND_OF_BODY = r"(?:工作|检查|专项)?(?:小?组|站|科|处|中心|委|办公室)"
_GOVERNING_RE = re.compile(rf"组织(?!部|{_KIND_OF_BODY})|督促(?!{_KIND_OF_BODY})|指导(?!{_KIND_OF_BODY})"
                           rf"|监督(?!{_KIND_OF_BODY})|要求|委托|指派|请")
# Governing verbs joined by 并 or led by 统筹 (统筹指导并监督居民委员会、村民委员会参与…, r1501): the
# phrase is a sentence about the bodies after them, as with one verb.
_GOVERNS = r"(?:指导|监督|督促|组织|协调)"
_JOINED_GOVERNING_RE = re.compile(rf"统筹{_GOVERNS}|{_GOVERNS}并{_GOVERNS}")
# Prepositions that open a phrase inside running text; no body's name holds one
# (根据区消防安全委员会要求, 指导各街道按照国家标准…建设政府专职消防队).
PREPOSITIONS_RE = re.compile(r"按照|根据|依据|依照")
# A conjunction has a left conjunct: a phrase opening with one continues the clause before it (督促…编制…，
# 以及下级政府落实…, r1880), its names that clause's objects, never a subject of its own.
_CONJUNCTIONS = ("以及", "并且", "而且")
# Society as a whole names everyone, no body (增强全社会履行…义务的意识, r1884; as 单位和个人, README).
_EVERYONE = ("社会", "公众")
# Endings of groups of persons and posts, which end as a body's name may (部, 任 …) but name people.
PERSON_ENDINGS = ("干部", "主任", "书记", "负责人", "村长", "镇长", "乡长", "所长", "站长", "组长")
# Words inside a phrase that no body's name holds: a relative clause (招标人认定的…行为,
# 户口暂时迁出的现役军人), a question (…程序是否履行到位), setting a body up or placing it
# (各乡镇设立消防安全委员会, 项目办设在镇规建办), what a rule applies to (本办法适用于本街道…),
# and an exception (除新区审计部门). A heading that says one of these is a sentence, not a name.
# A quantity (新(改、扩)建一批中小学校, 创建首批…美丽城镇, r652) counts what a task makes; no name
# counts. A 由-phrase says who does something (非国有不可移动文物由其所有人, r803); no name holds one
# (自由贸易区 aside), nor a
# hand-over (村级工程项目移交各行政村负责…, r601: the 由-clause reads 各行政村).
# 设区的市 is a kind of city (a city divided into districts), its 的 no clause.
PHRASE_RE = re.compile(r"(?<!设区)的|是否|邀请|设立|成立|下设|设在|组建|适用|移交|^除|召开"
                       r"|^本(?:办法|方案|意见|规定|细则)|[一两几数首](?:批|系列)|若干|(?<![自理缘])由")
# Procedure verbs right after a finished body's name: the name ended and a sentence went on
# (城建中心报小型建设工程领导小组选择社会中介机构, r602), also after a modal, with a verb governing
# another body (区房管局应指导街道督促物业管理单位…, r941; not 市委组织部).
# A government, a department or an agency before a modal too (市、县（市）人民政府应当建立城乡规划委员会,
# r2004); not before 确定 or 指定 (…人民政府确定的部门 names a body).
_BODY_THEN_VERB_RE = re.compile(r"(?:局|委|办|中心|所|站|组|室)(?:报|选择|确定|委托|审核|提出|通过"
                                r"|(?:应当|应|要|须|必须)(?!急)|指导(?!组|站|中心|委)|督促)"
                                r"|(?:政府|部门|机构)(?:应当|应|须|必须)(?!急)")
# Final characters that end a body's name only as the last character of a word for bodies:
# 单位, 机构, 部门, 机关, 海关, 银行 (not 到位, 结构, 热门, 相关, 进行).
_WORD_FINALS = {"位": ("单位",), "构": ("机构",), "门": ("部门",), "关": ("机关", "海关"),
                "行": ("银行", "支行", "分行")}
# Words for a section of a notice, which a numbered heading may be and no body is named.
SECTION_WORDS = ("组织机构", "工作机构", "组织领导", "职责分工", "责任分工", "工作职责", "保障措施",
                 "工作要求")
# Channels that end as a body's name may (站, 台, 栏) but are no body.
CHANNEL_ENDINGS = ("网站", "平台", "公示栏", "宣传栏", "公众号")
# A platform named for the operations it runs (区房屋应急维修指挥平台, 区应急维修平台, r1022) is staffed
# and given duties: a body, not a channel.
_OPERATING_PLATFORM_RE = re.compile(r"(?:指挥|调度|维修|抢修)平台$")
# Jurisdictions that head a name: 市, 县, 区 … or a place name ending in one (官渡区).
JURISDICTION_RE = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?(?:省|市|县|区|州|旗|镇|乡))(?:委)?")
# 市场监管局 and 市政局 start with 市 but 市 is no jurisdiction there.
NOT_A_JURISDICTION = ("城市", "市场", "市政", "市容", "市民", "区域", "县域", "市域", "乡村", "镇村", "区级",
                      "县级",
                      "市级", "市直", "县直", "区直", "市属", "县属", "区属",
                      # a kind of area with no proper name says not which place (风景名胜区主管部门, r1942;
                      # 各类开发区管理机构, r1964): no jurisdiction
                      "风景名胜区", "自然保护区", "保护区", "开发区", "示范区", "园区", "景区")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_BRACKETS_RE = re.compile(r"[（(〔][^（(〔）)〕]*[）)〕]")
_NOT_IN_A_NAME_RE = re.compile(r"[0-9０-９%％。！？：:；;，,\"《》]")
# Endings that finish a body's name for certain (局, 委, 政府 …); UNIT_FINAL also
# has 业, 门 and 位, which end words inside names (市工业和信息化局).
BODY_FINAL = UNIT_FINAL - set("业门位关构联协")


def has_unit_ending(name: str) -> bool:
    if not name:
        return False
    if name.endswith(UNIT_ENDINGS):
        return True
    if name[-1] in CLOSERS:
        # A closing bracket ends a name as what stands before the bracket does: 区公安分局（交管）
        # and 各县（市、区） do, 会议记录表（征询意见稿） does not (r654's annex list).
        k = max(name.rfind(o) for o in OPENERS)
        base = name[:k] if k > 0 else ""
        return has_unit_ending(base) or base.endswith(("县", "区", "市", "乡", "镇", "省"))
    if name[-1] in _WORD_FINALS and not name.endswith(_WORD_FINALS[name[-1]]):
        return False
    return name[-1] in UNIT_FINAL


def looks_like_unit(name: str) -> bool:
    """Could this be the name of a body? Short, no digits or sentence marks, not
    a task, and ending as body names end."""
    name = name.strip()
    # a bracket inside a name may list what the body also stands for (省级以上经济开发区（高新技术产业示范区、
    # 高新技术产业开发区）管委会, r1944): the name's length is counted outside brackets
    if not 2 <= len(name) <= 48 or len(_BRACKETS_RE.sub("", name)) > 30 or not _CJK_RE.search(name):
        return False
    if _NOT_IN_A_NAME_RE.search(name):
        return False
    if _GOVERNING_RE.match(name) or _JOINED_GOVERNING_RE.match(name):
        return False  # 组织居委会配合…, 督促小区物业公司负责…: a verb, then the body it governs
    if name.startswith(TASK_VERBS) or _BRACKETS_RE.sub("", name).startswith(TASK_VERBS):
        return False  # 新(改、扩)建…: a task verb with its alternatives in brackets
    if PREPOSITIONS_RE.search(name):
        return False
    if PHRASE_RE.search(name) or _BODY_THEN_VERB_RE.search(name) or name in SECTION_WORDS:
        return False
    if name.startswith(_CONJUNCTIONS) or name.endswith(_EVERYONE):
        return False  # …，以及下级政府落实… (r1880): a clause joined to the one before
    if name.endswith(PERSON_ENDINGS):
        return False  # 各包村干部, 村委会主任: persons (officials), not bodies
    if name.endswith(CHANNEL_ENDINGS) and not _OPERATING_PLATFORM_RE.search(name):
        return False  # 政府网站, 微信平台: where something is published, not who does it
    depth = 0
    for ch in name:
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and has_unit_ending(name)


def jurisdiction_of(name: str) -> str | None:
    """The jurisdiction a name starts with: 区 of 区财政局, 区委 of 区委组织部, 官渡区 of 官渡区发改局."""
    if name.startswith(NOT_A_JURISDICTION) or name.startswith("各"):
        return None
    m = JURISDICTION_RE.match(name)
    if m is None or m.end() >= len(name):
        return None
    prefix = m.group(0)
    if name[len(prefix.rstrip("委")) :].startswith(NOT_A_JURISDICTION):
        return None
    if len(prefix.rstrip("委")) > 1 and name[len(prefix.rstrip("委")) - 1 :].startswith(NOT_A_JURISDICTION):
        return None  # 绿化市容局: the 市 of 市容, not a place 绿化市
    if prefix.rstrip("委").endswith("城乡"):
        return None  # 住房城乡建设部: the 乡 of 城乡 (town and country), not a place 住房城乡 (r963)
    return prefix


def split_joined(name: str) -> list[tuple[str, int]]:
    """Two names written with no separator (区财政局区税务局): split where a
    finished name is followed by the same jurisdiction again. (name, offset) pairs."""
    j = jurisdiction_of(name)
    if not j:
        return [(name, 0)]
    head = j.rstrip("委")
    out: list[tuple[str, int]] = []
    start = 0
    i = len(j) + 1
    while i < len(name):
        if (name.startswith(head, i) and name[i - 1] in BODY_FINAL
                and looks_like_unit(name[start:i]) and looks_like_unit(name[i:])):
            out.append((name[start:i], start))
            start = i
            i += len(head) + 1
        else:
            i += 1
    out.append((name[start:], start))
    return out


def split_offices(name: str) -> list[tuple[str, int]]:
    """Township offices written with no separator (派出所工商质监所): split after
    a 所 or 站 when both sides are unit names of three characters or more and the
    name names no jurisdiction. (name, offset) pairs.

    >>> split_offices("派出所工商质监所"), split_offices("区公安分局")
    ([('派出所', 0), ('工商质监所', 3)], [('区公安分局', 0)])
    """
    if jurisdiction_of(name) or name.startswith("各"):
        return [(name, 0)]
    out: list[tuple[str, int]] = []
    start = 0
    for i in range(3, len(name) - 2):
        if (name[i - 1] in "所站" and i - start >= 3 and looks_like_unit(name[start:i])
                and looks_like_unit(name[i:])):
            out.append((name[start:i], start))
            start = i
    out.append((name[start:], start))
    return out


# Two kinds of body a collective names, joined (各有关部门和单位, r961): each kind takes the
# collective's head (各有关部门, 各有关单位), as 各乡镇党委和政府 shares its 各乡镇.
# 其他相关职能部门与单位 (r1021): 其他相关 shared the same way, 职能 qualifying 部门 only.
_KINDS_JOINED_RE = re.compile(r"((?:[\u4e00-\u9fff]{0,4}?(?:省|市|县|区|镇|乡|街道)直?)?"
                              r"(?:其他(?:相关|有关)?|各有关|各相关|有关|相关|各))"
                              r"((?:职能)?(?:部门|单位|机构|企业))[和及与](部门|单位|机构|企业)")


# Two kinds of work sharing one kind of party (培训和评价机构, 设计和施工单位, r1084): the kind is
# distributed. Two characters each side, and never 部门: a merged department keeps its 和
# (文化和旅游部门, 住房和城乡建设部门).
_JOINING_WORD_RE = re.compile(r"会同|以及|[和及与]")
_SHARED_KIND_RE = re.compile(r"([\u4e00-\u9fff]{2})[和及与]([\u4e00-\u9fff]{2})(机构|单位|企业)")


_BODY_WORDS = ("单位", "部门", "机构", "机关")


def split_and_joined(name: str) -> list[tuple[str, int]]:
    """Names joined by 和 / 及 / 以及 / 与 / 会同 (各乡镇党委和政府, 县委宣传部及各乡镇), split
    when each side names a body; a headless right side takes the left's
    jurisdiction. One body's own name (市人力资源和社会保障局) stays whole.

    >>> split_and_joined("各有关部门和单位")
    [('各有关部门', 0), ('各有关单位', 6)]
    """
    shared = _SHARED_KIND_RE.fullmatch(name)
    if shared is not None and not looks_like_unit(shared.group(1)):
        kind = shared.group(3)
        return [(shared.group(1) + kind, 0), (shared.group(2) + kind, shared.start(2))]
    kinds = _KINDS_JOINED_RE.fullmatch(name)
    if kinds is not None and not kinds.group(2).endswith(kinds.group(3)):
        return [(kinds.group(1) + kinds.group(2), 0), (kinds.group(1) + kinds.group(3), kinds.start(3))]
    for m in _JOINING_WORD_RE.finditer(name):  # 小区业主委员会以及物业服务企业 (r1041)
        left, right = name[: m.start()], name[m.end() :]
        grassroots = left in GRASSROOTS_KINDS  # 属地村、居及镇属企业 (r900): 居, 镇属企业
        # a word for bodies ends a name as 局 does: 市、区民政部门和镇人民政府 (r1203)
        # and for organisations (人民团体和社会组织, r1424)
        # and for enterprises by their trade (物业服务企业和群众自治组织, r1863), 企业 a word for bodies
        if not (left[-1:] in BODY_FINAL or left.endswith(("镇", "乡", "街道", "团体", "组织", "企业",
                                                           *_BODY_WORDS, *PARTY_ENDINGS))
                or grassroots or _COLLECTIVE_RE.search(left)):
            continue
        if right.startswith(HEADLESS_BODIES):
            base = left
            for body in sorted(HEADLESS_BODIES, key=len, reverse=True):
                k = left.rfind(body)
                if k > 0 and k + len(body) == len(left):
                    base = left[:k]
                    break
            else:
                base = ""
            if base:
                rest = split_and_joined(base + right)
                return [(left, 0)] + [(n, m.end() + max(0, off - len(base))) for n, off in rest]
        # a collective on either side (相关部门及各地区, 交通运输部及各地区, r1080) is a holder too
        if ((looks_like_unit(right) or _COLLECTIVE_RE.search(right))
                and (grassroots or looks_like_unit(left) or _COLLECTIVE_RE.search(left))):
            return [(left, 0)] + [(n, m.end() + off) for n, off in split_and_joined(right)]
    return [(name, 0)]


# A city bureau's branch named by the place it serves: 公安青浦分局, 税务浦东分局.
_PLACE_BRANCH_RE = re.compile(r"(?:公安|税务|消防)[\u4e00-\u9fff]{2,3}分局")


# Names of places rather than of departments: the 市 of 市北园区 is part of the zone's name.
_PLACE_RE = re.compile(r"(园区|开发区|工业区|新区|街道|镇|乡|村|社区)$")
_MINISTRY_DEPARTMENT_RE = re.compile(r"(.{2,10}?(?:部|厅|委|总局|署))(.{2,8}(?:司|处))")
_DEPARTMENT_OF_MINISTRY_RE = re.compile(r"[^省市县区]{2,8}(?:司|处)")
_NOT_A_JURISDICTION_RE = re.compile("|".join(NOT_A_JURISDICTION))
_PLACE_CHARACTER_RE = re.compile("[省市县区州镇乡]")
_DEPARTMENT_ENDING_RE = re.compile(r"(局|委|办|部|厅|署|队|所|站|处|科|室|中心|办公室)$")


def restore_elided(prev: str, name: str) -> str | None:
    """县教育局、卫健局: the second name left out the first's jurisdiction. The
    restored name, or None when nothing was left out.

    >>> restore_elided("县教育局", "卫健局"), restore_elided("交通运输部运输服务司", "科技司")
    ('县卫健局', '交通运输部科技司')
    """
    parent = _MINISTRY_DEPARTMENT_RE.fullmatch(prev)
    if parent and _DEPARTMENT_OF_MINISTRY_RE.fullmatch(name):
        return parent.group(1) + name  # a ministry's department: 交通运输部运输服务司、科技司
    if _PLACE_BRANCH_RE.fullmatch(name):
        return None  # 公安青浦分局: a branch named by its own place
    bare = name[:1] + _NOT_A_JURISDICTION_RE.sub("", name[1:])  # 绿化市容局's 市 is no place
    if name.startswith("城市"):
        bare = bare[2:]  # nor 城市管理行政执法中队's (r754)
    if jurisdiction_of(name) or name.startswith(("各", "街道")) or _PLACE_CHARACTER_RE.search(bare):
        return None  # 街道消委办 names its own jurisdiction, as 区 or 镇 would
    if not _DEPARTMENT_ENDING_RE.search(name):
        return None  # only departments drop their jurisdiction (not 集团, 公司 or 学校)
    j = jurisdiction_of(prev)
    if not j or _PLACE_RE.search(prev):
        return None  # 市北园区、科技经济委 (r1145): a place (a zone, a town) lends no level
    # A short name drops it; a longer one is a body named by its own place (青岛海洋科技中心,
    # 山东金融监管局) unless a town's offices are listed, whose names say what they do at length
    # (月浦镇规划建设和环境保护办公室、安全管理事务所和城市管理行政执法中队, r754).
    if len(name) > (10 if j.endswith(("镇", "乡")) else 6):
        return None
    if j.endswith("委") and not name.endswith("部"):
        j = j[:-1]  # 区委组织部、财政局: the 区 of 区委, not 区委
    if not j.endswith("委") and name.endswith("部") and prev.startswith(j + "委"):
        j = j + "委"
    return j + name


# Collectives that name no single body but are duties' holders all the same.
# 各村居 / 各居村: villages and residents' committees, the grassroots of Shanghai's towns.
_COLLECTIVE_RE = re.compile(r"^各.{0,12}(区|县|市|州|盟|旗|镇|乡|街道|社区|村|居|地区|部门|单位|政府|党委"
                            r"|机关|企业)$"
                            r"|^[\u4e00-\u9fff]{0,5}(有关|相关)(部门|单位)$")


def is_holder(name: str) -> bool:
    """A body, or a collective that stands for bodies (各街镇, 各有关部门)."""
    # a few words of a jurisdiction before 有关部门 (区政府有关部门), never a clause: 本办法由区应急局会同
    # 相关部门 (r940) says who does something
    return looks_like_unit(name) or (bool(_COLLECTIVE_RE.search(name)) and not PHRASE_RE.search(name)
                                     and "会同" not in name)


# Kinds of grassroots body named bare in a list after a 各-item, the 各 standing for the whole
# list (各公司、村、居民区负责…, r754: each village and each residents' district).
GRASSROOTS_KINDS = frozenset({"村", "居", "居委", "居委会", "村委", "村委会", "居民区", "社区", "村居",
                              "居村"})


def are_holders(names: list[str]) -> bool:
    """Every name of a list a holder (is_holder), or a grassroots kind in a list that names
    other holders too: after a 各-item (各公司、村、居民区, r754), or beside bodies
    (城建中心、属地村、居及镇属企业; 村、居及公司, r900). Grassroots kinds alone (村、居民区)
    are not read as a list of bodies."""
    bodies = [n for n in names if n not in GRASSROOTS_KINDS]
    if not bodies:
        return bool(names) and all(is_holder(n) for n in names)  # 社区、村居委会: each a body's name
    return all(is_holder(n) for n in bodies)
