"""What a duty item starts with: the units (or groups of persons) heading it, and where its duty
starts. The shapes: ``街道消委办。牵头…`` / ``镇规划建设办：负责…``; ``（一）区建管委`` or
``<unit>职责`` on a heading line of its own; ``房管所、规建生态办负责…`` (the units, then a word a
duty opens with); an article's title naming a unit and its duties (``第六条（街道办事处监督检查职责）``);
a party named by a clause (``负责公共消防设施维护管理的单位应当…``). Used by duties.duty_items.
"""

from __future__ import annotations

import re

from .clause_bodies import body_end, clause_bodies
from .dash_pairs import dash_pairs
from .duty_words import (
    HEAD_CUE_RE,
    MAX_HEADING,
    MAX_LIST_HEADING,
    ROLE_IN_NAME_RE,
    ROLE_VERB_RE,
    SENTENCE_END,
    unit_list,
)
from .given_by import set_up_clauses
from .lexicon_lists import lexicon_sectors
from .model import Official, UnitMention
from .names import jurisdiction_of, looks_like_unit
from .persons import is_person_group
from .vocabulary import LABEL_RE, SPACE, label_role

# A heading naming the unit and its duties: 消防安全管理办公室职责, 区民政局主要职责,
# or what it checks or does: 镇农发办和经发中心审核内容 (r655).
DUTIES_OF = r"(?:及其)?(?:主要|工作)?职责|(?:审核|审查|核查|检查|工作)内容"
# A heading naming the unit, the field of its duties and 职责 / 责任: 各街镇（经开区）消防工作责任,
# 区委、区政府各部委办局消防安全职责 (r701).
_FIELD_DUTIES_RE = re.compile(r"(?P<field>[\u4e00-\u9fff]{2,8}?)(?:工作)?(?:职责|责任)$")
# A line naming a document (某街道实施方案, 关于…的通知): no punctuation, a document's kind at its end.
_TITLE_RE = re.compile(r"[^。，,；;：:！？\n]{2,60}?"
                       r"(?:方案|办法|意见|细则|规定|计划|通知|决定|规则|制度)[\s\u3000]*")
# The paragraph after a notice's addressees (各科室、各基层单位：) says what is sent to them,
# or why the rules below were made (为了进一步加强…，特制定以下实施办法, r754).
_SENDING_RE = re.compile(r"印发|转发|通知|发给|制定")
# 设置 as 设立 (依法设置风景名胜区管理机构，具体负责…, r1942 第七条; 设置河长制办公室，具体负责…)
SETS_UP_VERB_RE = re.compile(r"成立|建立|设立|组建|设置")
# A heading naming a body and the office it sets up (各乡镇消防安全委员会下设办公室, r604):
# the office is that body's office.
_SETS_UP_RE = re.compile(r"(.{2,30}?)下设(办公室|工作组|专班)$")


def _person_list(text: str, s: int, e: int) -> list[Official] | None:
    """text[s:e] read as a list of groups of persons (各包村干部、村干部), or None."""
    while e > s and text[e - 1] in SPACE + "，,":
        e -= 1
    raw = text[s:e]
    if not raw or e - s > MAX_HEADING or re.search(r"[。，,；;：:！？\n]", raw):
        return None
    out = []
    for m in re.finditer(r"[^、]+", raw):
        name = m.group(0).strip(SPACE)
        if not is_person_group(name):
            return None
        out.append(Official(name=name, role="", as_written=m.group(0), start=s + m.start(), end=s + m.end()))
    return out or None


def _addressees(text: str, colon: int) -> bool:
    """A list of units ending its line with a colon, followed by a paragraph that
    sends them something (现印发给你们…): the notice's addressees (主送), not a duty."""
    nl = text.find("\n", colon)
    if text[colon + 1 : nl if nl != -1 else len(text)].strip(SPACE):
        return False
    if nl == -1:
        return False
    while nl < len(text) and text[nl].isspace():
        nl += 1
    end = text.find("\n", nl)
    return _SENDING_RE.search(text, nl, end if end != -1 else len(text)) is not None


# Parties named by what they do, on a heading line of their own: 区中标的道路运输单位和作业服务单位
# (r704); a qualifier ending in 的 shared across 和 / 及 / 与.
_QUALIFIED_RE = re.compile(r"(?P<q>[\u4e00-\u9fff]{1,10}的)(?P<a>[\u4e00-\u9fff]{2,10}?(?:单位|企业|机构))"
                           r"(?:[和及与](?P<b>[\u4e00-\u9fff]{2,10}?(?:单位|企业|机构)))?")


def _qualified_parties(text: str, s: int, e: int) -> list[UnitMention] | None:
    m = _QUALIFIED_RE.fullmatch(text, s, e)
    if m is None or ROLE_IN_NAME_RE.search(m.group(0)):
        return None
    out = [UnitMention(name=m.group("q") + m.group("a"), as_written=text[m.start() : m.end("a")], start=s,
                       end=m.end("a"))]
    if m.group("b"):
        out.append(UnitMention(name=m.group("q") + m.group("b"), as_written=text[m.start("b") : e],
                               start=m.start("b"), end=e, reading="和-joined"))
    return out


# A party named by what it does, a bare kind of body after a clause ending in 的:
# 负责公共消防设施维护管理的单位应当保持… (r701, r1000, r1001). The role word inside the clause
# is the party's description, not its duty; the name is written as it stands. A kind of work may
# stand before the kind of body (负责景观灯光设施的维护单位, r1042).
# Or by what it holds, before a body's own name of that kind: 具有行政管理职能的市人民政府派出机构 (r1360).
# A collective of bodies so named (承担优化营商环境工作的有关部门, r1424), and the organisations a law
# empowers (法律法规授权的具有管理公共事务职能的组织, r1424), are named by their clause too.
NAMED_BY_CLAUSE_RE = re.compile(r"(?:法律、?法规授权的)?(?:负责|承担|从事|管理|使用|经营|持有|具有|具备)"
                                r"[^，,。；;：:、！？\n]{2,30}?的(?:有关|相关)?"
                                r"(?:维护|管理|建设|运营|养护|[^的，,。；;：:、！？\n]{2,8}?(?:派出|直属|所属|内设))?"
                                r"(?:单位|部门|机构|机关|组织)")


def named_by_clause(text: str, s: int, e: int) -> list[UnitMention] | None:
    if NAMED_BY_CLAUSE_RE.fullmatch(text, s, e) is None:
        return None
    return [UnitMention(name=text[s:e], as_written=text[s:e], start=s, end=e, reading="named by a clause")]


# A kind of body named by the bodies it belongs to: 县交通运输主管部门所属的公路管理机构 (r1561). The kind
# alone (公路管理机构, no place of its own) says not which body, so the clause is part of its name, and
# several owners name one such body each (市和区、县（市）交通运输主管部门所属的… → three). Before a name
# that stands alone (其所属的宝山区水利管理所, r1162) the clause is left out, by the reader of that name.
# So is a kind of body a government designates: 县级以上人民政府确定的公共数据工作机构, 设区的市、县（市、区）
# 人民政府确定的部门 (r1602: two, one per government). Owned by 其, the subject before it, the name is kept
# as written (其所属的公共信用工作机构, r1602). A short name after it (（以下简称…）) is an alias, dropped.
# A body a government sets up is named so too where its kind alone says not which (市人民政府设立的各类
# 开发区管理机构, r1964: README, held-out batch BH), the clause dropped before names standing alone
# (r1902, r1422).
_OWNED_RE = re.compile(r"(?P<owners>其|[^，,。；;：:！？\n]{2,40}?)(?P<rel>所属|确定|指定|设立)的"
                       r"(?P<kind>[^，,。；;：:、！？\n的（(]{0,12}?(?:机构|单位|中心|站|所|队|部门))"
                       r"(?:[（(]以下(?:简称|统称|称)[^()（）\n]{1,20}[)）])?")


def owned_bodies(text: str, s: int, e: int) -> list[UnitMention] | None:
    """text[s:e] as a kind of body named by its owners (see _OWNED_RE), one mention per owner."""
    m = _OWNED_RE.fullmatch(text, s, e)
    kind = m.group("kind") if m is not None else ""
    if m is None or jurisdiction_of(kind) is not None or not (kind == "部门" or looks_like_unit(kind)):
        return None
    tail = m.group("rel") + "的" + kind
    if m.group("owners") == "其":
        return [UnitMention(name="其" + tail, as_written=text[s : m.end("kind")], start=s, end=m.end("kind"),
                            reading="named by a clause")]
    owners = unit_list(text, m.start("owners"), m.end("owners"))
    if not owners:
        return None
    # 市城乡规划部门、有关县人民政府确定的部门 (r1921): a body written in full before the last owner is a unit
    # of its own, listed as written; only levels sharing the last owner's body own the kind too (设区的市、
    # 县（市、区）人民政府确定的部门, r1602)
    k = 0
    while (k < len(owners) - 1 and owners[k].name == owners[k].as_written.strip()
           and looks_like_unit(owners[k].name)):
        k += 1
    return owners[:k] + [u.model_copy(update={"name": u.name + tail, "end": m.end("kind"),
                                              "reading": "named by a clause"}) for u in owners[k:]]


# Where the bodies are, before them: 历史文化街区所在地的乡（镇）人民政府或者街道办事处、村（居）民委员会
# (r1461).
# The clause says which township, as 所在街道 does (r1141), and is kept, written with the first name.
# 所在地 runs on into the name with no 的 too (传统村落所在地乡（镇）人民政府、街道办事处, r1583), and a line
# the bodies lie along says where they are as well (城市轨道交通沿线的区、县（市）人民政府, r1622).
# A level joined by 和 / 及 before the clause (市及保护区所在地县（区）…, r2001) opens a list of levels, the
# clause qualifying the second only: unit_lists reads it (split_joined_levels).
_LOCATED_RE = re.compile(r"(?![省市区县乡镇][和及])[\u4e00-\u9fff]{2,16}?(?:所在地?的|所在地|沿线的)")
_MODAL_END_RE = re.compile(r"(?:应当|应该|应|要|须|必须)$")


def located_list(text: str, s: int, e: int) -> list[UnitMention] | None:
    """A list after a clause saying where its bodies are, the clause kept on the first name."""
    if (modal := _MODAL_END_RE.search(text, s, e)) is not None:
        e = modal.start()
    m = _LOCATED_RE.match(text, s, e)
    if m is None or (units := unit_list(text, m.end(), e, 100)) is None:
        return None
    if (sectors := lexicon_sectors(text, s, e)) is not None:
        return sectors  # 市和…所在地县（区）水行政、农业…等部门: a known-sector list's place, on each
    first = units[0]
    return [first.model_copy(update={"name": m.group(0) + first.name, "start": s,
                                     "as_written": text[s : first.end]}), *units[1:]]


def clause_named_list(text: str, s: int, e: int) -> list[UnitMention] | None:
    """A list some of whose items are named by a clause (承担优化营商环境工作的有关部门、法律法规授权的
    具有管理公共事务职能的组织、司法机关、人民团体和社会组织, r1424): each such item written as it stands,
    the others read as bodies; None unless one item at least is named by a clause and every item is
    read."""
    if "的" not in text[s:e] or "、" not in text[s:e]:
        return None
    out: list[UnitMention] = []
    named = False
    depth, a = 0, s
    for k in range(s, e + 1):
        ch = text[k] if k < e else "、"
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        elif ch == "、" and depth == 0:
            if (by_clause := named_by_clause(text, a, k)) is not None:
                out += by_clause
                named = True
            elif (bodies := unit_list(text, a, k)) is not None:
                out += bodies
            else:
                return None
            a = k + 1
    return out if named else None


def _set_up_office(text: str, s: int, e: int) -> list[UnitMention] | None:
    """各乡镇消防安全委员会下设办公室: the office of the body named, as one unit."""
    m = _SETS_UP_RE.fullmatch(text, s, e)
    if m is None:
        return None
    body = unit_list(text, m.start(1), m.end(1))
    if body is None or len(body) != 1:
        return None
    return [UnitMention(name=body[0].name + m.group(2), as_written=text[s:e], start=s, end=e,
                        reading="office set up by " + body[0].name)]


# A unit, a gloss of what it includes (（含…）, running to the first closing bracket followed by a
# role verb), then its duty.
_GLOSSED_RE = re.compile(r"(?P<unit>[^（(，,。；;：:、\n]{2,20}?)[（(]含[^。\n]{1,120}?[)）]"
                         r"(?=(?:具体|主要)?(?:负责|牵头|配合|协助|参与|承担|应))")


_GLOSS_THEN_COLON_RE = re.compile(r"(?P<unit>[^（(，,。；;：:、\n]{2,20}?)"
                                  r"[（(]即[：:]?[^()（）。\n]{1,120}?[)）][：:]")


# A modal makes a sentence of what precedes 。 or ：, no heading naming a unit (not 应 alone: 应急管理局).
_MODAL_IN_HEADING_RE = re.compile(r"应当|应该|必须")


def item_heading(text: str, s: int, line_end: int, next_start: int
             ) -> tuple[list[UnitMention], int, int, int] | tuple[list[Official], int, int, int] | None:
    """The units an item starts with: (units, start and end of the heading, where
    the duty starts). Groups of persons (各包村干部、村干部，负责…) come as officials."""
    while s < line_end and text[s] in SPACE:
        s += 1
    if s >= line_end:
        return None
    if (pairs := dash_pairs(text, s, line_end)) is not None:
        return pairs[0], s, pairs[1], pairs[1]  # 甲类项目——A；乙类项目——B，负责… (r1062)
    if text[s] == "由" and s + 1 < line_end:
        s += 1  # 1.由保洁公司负责组织…: the 由-clause's units head the item
    # 项目主管部门（含各职能科室及纳入管理的公司、村）负责…: a gloss of what the unit includes,
    # with brackets, commas and short names of its own (r802), dropped as an alias is (r653)
    g = _GLOSSED_RE.match(text, s, line_end)
    if g is not None and (glossed := unit_list(text, s, g.end("unit"))):
        return glossed, s, g.end("unit"), g.end()
    # 企业集团（即：永业集团、南房集团、金外滩集团）：落实… (r1021): a （即……） gloss names what the unit is,
    # no units of its own; the heading is the unit before it
    g = _GLOSS_THEN_COLON_RE.match(text, s, line_end)
    if g is not None and (glossed := unit_list(text, s, g.end("unit"))):
        return glossed, s, g.end("unit"), g.end()
    # 街道消委办。牵头… / 镇规划建设办：负责…
    for k in range(s + 1, min(line_end, s + MAX_HEADING + 1)):
        if (text[k] == "。" and k - s <= 6 and text.endswith(("单位", "部门", "主体"), s, k)
                and label_role(text[s:k])[0]):
            # 1、责任单位。建设单位为…第一责任人 (r603): an inline item label, the sentence after it
            # names the unit
            return item_heading(text, k + 1, line_end, next_start)
        if text[k] in "。：:":
            if _MODAL_IN_HEADING_RE.search(text, s, k) is not None:
                break  # 市、县（市）人民政府应当建立城乡规划委员会。 (r2004): a sentence, no heading
            units = unit_list(text, s, k) or _set_up_office(text, s, k)
            if units and text[k] in "：:" and _addressees(text, k):
                return None
            if units:
                return units, s, k, k + 1
            break
        if text[k] in "，,；;！？":
            break
    # （一）区建管委 on a line of its own: the duty is the next paragraph;
    # （一）街镇（园区）消防安全委员会职责 too, the unit without 职责 (r511).
    whole = text[s:line_end].rstrip(SPACE)
    rest = re.sub("(?:" + DUTIES_OF + ")$", "", whole) or whole
    if len(rest) <= MAX_HEADING:
        units = unit_list(text, s, s + len(rest))
        if not units and (field := _FIELD_DUTIES_RE.search(whole)) is not None:
            # 各街镇（经开区）消防工作责任: the unit, then the field its duties are in
            for cut in range(field.end("field"), field.start("field") - 1, -1):
                units = unit_list(text, s, s + cut)
                if units:
                    rest = rest[:cut]
                    break
        if not units:
            units = _qualified_parties(text, s, s + len(rest))
        if units:
            j = line_end
            while j < next_start and text[j].isspace():
                j += 1
            return (units, s, s + len(rest), j) if j < next_start else None
    if _TITLE_RE.fullmatch(text, s, line_end):
        return None  # 某街道实施方案: a document's title, not a unit and its duty
    # 房管所、规建生态办负责牵头组织… : the units, then a word a duty starts with.
    # a list of a dozen bodies, three 、 at least, may run past a heading's length (r1120)
    listed = text.count("、", s, min(line_end, s + MAX_HEADING + 1)) >= 3
    longest = MAX_LIST_HEADING if listed else MAX_HEADING
    cues = list(HEAD_CUE_RE.finditer(text, s + 2, min(line_end, s + longest + 1)))
    inner = -1
    for n, cue in enumerate(cues):
        # 县级以上人民政府负责管道保护的部门（…），负责… : 负责 inside a government's body named by what it is
        # in charge of is part of the name, and so is any cue word before the body ends (clause_bodies)
        if cue.start() < inner or (inner := body_end(text, cue.start(), line_end) or -1) != -1:
            continue
        if (bodies := clause_bodies(text, s, cue.start())) is not None:
            return bodies, s, cue.start(), cue.start()
        if SETS_UP_VERB_RE.match(text, cue.start()) or _sets_up_first(text, cue.start(), line_end):
            return None  # 杨行镇建立…领导小组，负责…: the body set up holds the duty (set_up_clauses)
        if (text.startswith("组织", cue.start()) and n + 1 < len(cues)
                and (named := unit_list(text, s, cue.end(), longest)) is not None
                and named[-1].name.endswith("组织") and cues[n + 1].start() == cue.end()):
            continue  # 物业服务行业组织应当… (r1361): 组织 ends the name, a cue comes right after it
        if text.startswith("在", cue.start()) and text[cue.start() - 1] == "所":
            # 传统村落所在地乡（镇）人民政府、街道办事处应当… (r1583): 所在 is one word, the 所 no body, where
            # the bodies after it are located by it
            for later in cues[n + 1 :]:
                if (located := located_list(text, s, later.start())) is not None:
                    return located, s, later.start(), later.start()
        units = unit_list(text, s, cue.start(), longest) or named_by_clause(text, s, cue.start())
        if units and text.startswith("、", cue.end()):
            # 各级政府组织、团体等根据…: the cue word ends a name in a list (r1004), where a longer
            # list of more units reaches a later cue; 组织、协调… joins verbs, and no such list does
            for later in cues[n + 1 :]:
                longer = unit_list(text, s, later.start())
                if longer is not None:
                    if len(longer) > len(units):
                        return longer, s, later.start(), later.start()
                    break
        if units:
            return units, s, cue.start(), cue.start()
        persons = _person_list(text, s, cue.start())
        if persons:
            return persons, s, cue.start(), cue.start()
    return None


# 主管 as the verb of a numbered sub-item (（一）城市管理部门主管…监督管理工作。 under a lead-in,
# r1941): the unit heads the item, whose role the list decides (README, a lead-in introducing
# unit-headed items); not 主管 inside a name (城乡规划主管部门, 行业主管机关). Not an article's:
# 市水行政主管部门主管全市水文工作 (r1700) names no role (README, 主管 no role word, r1561), the article
# read by its own words.
_GOVERNS_RE = re.compile(r"主管(?![\u4e00-\u9fff]{0,2}(?:部门|机关|机构|单位|领导|人员|局))")


def governing_heading(text: str, s: int, line_end: int
                      ) -> tuple[list[UnitMention], int, int, int] | None:
    """A sub-item opening with its units and 主管 as the verb (see _GOVERNS_RE), or None."""
    m = _GOVERNS_RE.search(text, s + 2, min(line_end, s + MAX_HEADING + 1))
    if m is None or re.search(r"[，,。；;：:]", text[s : m.start()]):
        return None
    units = unit_list(text, s, m.start())
    return (units, s, m.start(), m.start()) if units else None


def _sets_up_first(text: str, pos: int, line_end: int) -> bool:
    """Does the sentence from pos set a body up before its first role verb, in an earlier clause
    (省级人民政府应根据需要，…成立相应的应急工作指挥部，负责领导…, r1082)? The role verb is then the
    body's set up, not the subject's (r653), as when the set-up verb follows the subject at once."""
    stop = pos
    while stop < line_end and text[stop] not in SENTENCE_END + "；;":
        stop += 1
    role = ROLE_VERB_RE.search(text, pos, stop)
    if role is None:
        return False
    setup = SETS_UP_VERB_RE.search(text, pos, role.start())
    return setup is not None and re.search("[，,]", text[setup.end() : role.start()]) is not None


# An article's title in brackets right after its marker: 第五条（发展改革部门职责）区发展改革委负责….
ARTICLE_TITLE_RE = re.compile(r"[^\S\n]*[（(【〔][^()（）【】〔〕\n，,。；;]{2,30}[)）】〕][^\S\n]*")
# An article's title in brackets on its heading line: 第六条（街道办事处监督检查职责） (r941).
_BRACKET_TITLE_RE = re.compile(r"[^\S\n]*[（(【〔](?P<title>[^()（）【】〔〕\n]{2,30}?(?:职责|责任))"
                               r"[)）】〕][^\S\n]*")


def titled_heading(text: str, body: int, line_end: int, next_start: int
            ) -> tuple[list[UnitMention], int, int, int] | None:
    """The unit an article's title names with its duties (第六条（街道办事处监督检查职责）), its
    duties in the text below, as a heading line naming the unit is read (r511). Whether a
    paragraph of the article names the unit itself is decided later, as for any heading line."""
    m = _BRACKET_TITLE_RE.fullmatch(text, body, line_end)
    if m is None:
        return None
    got = item_heading(text, m.start("title"), m.end("title"), next_start)
    if got is None or got[3] != m.end("title") or not all(isinstance(u, UnitMention) for u in got[0]):
        return None  # only a title naming a unit and its duties, not one giving a duty itself
    j = line_end
    while j < next_start and text[j].isspace():
        j += 1
    return ([u for u in got[0] if isinstance(u, UnitMention)], got[1], got[2], j) if j < next_start else None


# An article's title alone on its heading line: 第四条  (行业管理), 第八条（认定要求）, 第二条 治理原则.
_TITLE_ONLY_RE = re.compile(r"[^\S\n]*[（(]?[^，,。；;：:！？()（）\n]{2,20}[)）]?[^\S\n]*")


def article_opening(text: str, body: int, line_end: int, para: int
                    ) -> tuple[list[UnitMention], int, int, int] | None:
    """The units the first paragraph of an article opens with, where the article's heading line is
    only its title (第四条  (行业管理) / 区建交委负责…。/ 区物业管理事务中心…，并负责…): the article is one
    item headed by them, as an article whose first paragraph stands on its heading line is (r803);
    its later paragraphs' subjects are later clauses of it (r1022). None when the line is not a title
    or the paragraph opens with no unit."""
    if _TITLE_ONLY_RE.fullmatch(text, body, line_end) is None:
        return None
    nl = text.find("\n", para)
    got = item_heading(text, para, nl if nl != -1 else len(text), len(text))
    if got is None or not all(isinstance(u, UnitMention) for u in got[0]):
        return None
    return [u for u in got[0] if isinstance(u, UnitMention)], got[1], got[2], got[3]


__all__ = ["DUTIES_OF", "NAMED_BY_CLAUSE_RE", "SETS_UP_VERB_RE", "article_opening", "item_heading",
           "named_by_clause", "titled_heading"]


# A paragraph setting up a body and naming it for what follows (r1121): 黄浦区成立…保护委员会
# （以下简称“区历保委”），由…组成，协调解决…; 区历保委下设办公室（以下简称“区历保办”），…，负责….
_SET_UP_NAMED_RE = re.compile(r"[^，,。；;：:\n]{0,20}?(?:成立|设立|组建|下设)"
                              r"(?P<body>[^，,。；;：:（(\n]{2,30}?)[（(]以下(?:简称|统称)[^()（）\n]{1,20}[)）]")


def set_up_item(text: str, s: int, line_end: int) -> tuple[list[UnitMention], int, int, int] | None:
    """Under a heading naming duties, a paragraph setting up a body it names for later (以下简称…): the
    body set up heads the item (its full name, r601, r1121; not the one setting it up, r653), its duty
    the rest of the paragraph. (units, start and end of the heading, where the duty starts) or None."""
    m = _SET_UP_NAMED_RE.match(text, s, line_end)
    if m is None:
        return None
    units = unit_list(text, m.start("body"), m.end("body"))
    if not units or len(units) != 1:
        return None
    if any(u.name != units[0].name for a in set_up_clauses(text, s, line_end) for u in a.units):
        return None  # 成立…领导小组（以下简称…），组长由…，…下设…项目办…具体负责…: the office's (r603)
    return units, m.start("body"), m.end("body"), m.end()


# A duty item run on after another in one paragraph (城建中心：负责排查；平安办：配合宣传；派出所：协助…):
# the unit, then its colon, right after a ； or 。 (as r900's items in one bracket, unbracketed).
_INLINE_ITEM_RE = re.compile(r"[^\S\n]*(?P<unit>[^；;。，,：:、\n（(]{2,20}?)[：:]"
                             r"(?=[^\S\n]*[\u4e00-\u9fff])")


def inline_item_starts(text: str, s: int, e: int) -> list[int]:
    """Where duty items headed by ``unit：`` start inside the line text[s:e], after the first item: not
    inside a bracket (（城建中心：…。城运中心：…）, duty_brackets) and not a label (；责任单位：…)."""
    out = []
    depth = 0
    for k in range(s, e):
        ch = text[k]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "；;。" and (m := _INLINE_ITEM_RE.match(text, k + 1, e)) is not None:
            if not label_role(m.group("unit"))[0] and not LABEL_RE.match(text, m.start("unit"), e) \
                    and unit_list(text, m.start("unit"), m.end("unit")):
                out.append(m.start("unit"))
    return out

