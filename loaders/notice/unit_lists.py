"""Unit lists: items split, names cleaned, aliases, lead marks, elided prefixes."""

from __future__ import annotations

import functools
import re

from .model import UnitMention
from .names import (
    NOT_A_JURISDICTION,
    PARTY_ENDINGS,
    PREPOSITIONS_RE,
    TASK_VERBS,
    has_unit_ending,
    jurisdiction_of,
    looks_like_unit,
    restore_elided,
    split_and_joined,
    split_joined,
)
from .vocabulary import (
    CLOSERS,
    FOOTER_RE,
    GRASSROOTS,
    HEADLESS_BODIES,
    LEAD_MARKERS,
    LIST_SEPARATORS,
    OPENERS,
    TRAILING_WORDS,
    UNIT_FINAL,
    canon,
)

# 区房管局等建设主管部门: a trailing 等 and the kind of body the list is, left out as 等部门 is.
# The last 等: 普通高等学校等事业单位 closes its group at 等事业单位, 高等 being part of a name (r1041).
# Organisations close a list as departments do (工会、共青团、妇联、残联等群团组织).
# The kind may say whose bodies they are and give an alternative kind in brackets: …管理机构等人民政府的
# 派出机关（机构） (r1423), as the 的 of 承担…职能的部门 names a kind.
# The kind may stand right after 等 (工会、共青团、…、红十字会等组织根据职责…, r1784), as 等部门 does.
KIND_AFTER_RE = re.compile(r"等(?:(?:(?!等)[\u4e00-\u9fff]){2,8}的)?(?:(?!等)[\u4e00-\u9fff]){0,6}?"
                            r"(?:部门|单位|机构|机关|组织|团体)(?:[（(](?:部门|单位|机构|机关)[）)])?"
                            # the short name the group is given after it (…等企业代表组织（以下称…）,
                            # r2003), dropped with the kind as an alias is (r601)
                            r"(?:[（(]以下(?:简称|统称|称)[^()（）]{1,20}[)）])?$")
# …、区国资委等产业、招商部门 (r1064): the kinds after the last 等 may be a list of their own, which
# names what the bodies do; the whole tail is the kind, not further bodies.
_KINDS_AFTER_RE = re.compile(r"等(?:(?:(?!等)[\u4e00-\u9fff]){1,6}、)+(?:(?!等)[\u4e00-\u9fff]){1,6}?"
                             r"(?:部门|单位|机构)\s*$")


# 我区, 我镇, 我街道 (our district): the writer pointing at itself, never part of a body's name
# (成立我区停车共享专项工作领导小组, r1041, as r804's sentence subject 我街道).
# 本市, 本区 before a collective (本市各级人民政府, 本区相关监督管理部门): the writer's own place naming the
# scope of the bodies meant, as 我区 does (r1664, r941); a body named with it (本区人民政府) keeps it.
_DEICTIC_RE = re.compile(r"^(?:我(?:国|省|市|区|县|镇|乡|街道)(?=[\u4e00-\u9fff]{3})"
                         r"|本(?:省|市|区|县|镇|乡|街道)(?=(?:各|有关|相关|其他)[\u4e00-\u9fff]{2}))")

_SPACE_RUN_RE = re.compile(r"\s+")
_NAME_AND_BRACKET_RE = re.compile(r"(.+?)[(（]([^()（）]+)[)）]")
_CJK_ONLY_RE = re.compile(r"[\u4e00-\u9fff]+")


def clean_name(raw: str) -> str:
    s = FOOTER_RE.sub("", raw)
    s = _SPACE_RUN_RE.sub("", s)
    s = s.strip("。.:：")
    s = _DEICTIC_RE.sub("", s)
    if (k := KIND_AFTER_RE.search(s)) is not None and k.start() >= 2:
        s = s[: k.start()]
    changed = True
    while changed:  # "市民政局等按职责分工负责" loses both words
        changed = False
        for word in TRAILING_WORDS:
            if s.endswith(word) and len(s) > len(word):
                s = s[: -len(word)]
                changed = True
                break
    return s


def _trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Narrow [s, e) past whitespace and page footers at either edge."""
    while True:
        before = (s, e)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        fm = FOOTER_RE.match(text, s, e)
        if fm:
            s = fm.end()
        tail = [m for m in FOOTER_RE.finditer(text, s, e) if m.end() == e]
        if tail:
            e = tail[-1].start()
        if (s, e) == before:
            return s, e


_BARE_KINDS = ("单位", "部门", "机构", "组织", "企业")


def _closes_group(text: str, item_start: int, i: int) -> bool:
    """Does the item text[item_start:i] end with a 等 closing a group (等, 等相关部门, 等单位),
    the 和/及 at i joining a body after it? Not when a bare kind follows: 等有关部门和单位
    is one closing group (r961)."""
    return (any(w.startswith("等") and text.endswith(w, item_start, i) for w in TRAILING_WORDS)
            and (text[i - 1] == "等" or not text.startswith(_BARE_KINDS, i + 1)))


def split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of a unit list, split on separators outside brackets.

    >>> [text[s:e] for text in ["商务部等和各有关省级人民政府"] for s, e in split_list(text, 0, len(text))]
    ['商务部等', '各有关省级人民政府']
    """
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = start
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in LIST_SEPARATORS or (ch in "和及" and _closes_group(text, item_start, i))):
            # 等和 ends a group as 等， does (…全国总工会等和各省级人民政府负责, r963), and so does
            # 等相关部门及 (…国家卫生健康委等相关部门及各地区, r1080); the 等… is left out
            items.append((item_start, i))
            item_start = i + 1
    items.append((item_start, end))
    spans = [_trim_span(text, s, e) for s, e in items]
    return [(s, e) for s, e in spans if clean_name(text[s:e])]


def _looks_like_alias(base: str, inner: str) -> bool:
    """县司法局（县普法办）: a full name in brackets after a full name, a place's too (嘉定新城（马陆镇）:
    the town sharing the new town's administration, r1043). Not
    人民政府（管委会）, 社区（村） or 街道办事处（新型社区）, which are one name, nor a
    party of one kind with another in brackets that may stand in for it (建设单位（代建单位）,
    r754), which is written as it stands as an alternative body is (r505)."""
    generic = ("单位", "部门", "机构")
    # 区公安部门（各相关派出所） (r1062): the parts of the body that act, not its other name; a list of them
    # (项目户管单位（各村、合作社、…）, r307) glosses what the name covers and is dropped as an alias is
    parts = inner.startswith("各") and "、" not in inner
    # 镇人民政府（街道） (r1144): a grassroots body of another kind in brackets is the alternative body
    # where there is no town government, written as it stands (r505), not another name of the same one
    alternative = canon(inner) in GRASSROOTS
    return (len(inner) >= 2 and not base.startswith("各") and not parts and not alternative
            and (base[-1] in UNIT_FINAL or has_unit_ending(base))
            and (inner[-1] in UNIT_FINAL or has_unit_ending(inner))
            and not inner.startswith((*HEADLESS_BODIES, "党总支", "党支部", "党组"))
            and not (base.endswith(generic) and inner.endswith(generic) and not jurisdiction_of(inner)
                     and not _other_capacity(base, inner)))


def _other_capacity(base: str, inner: str) -> bool:
    """海洋发展部门（渔业主管部门） (r2002), 工商行政管理部门（市场监管部门） (r1981): a department named in
    full, then in brackets a department of another sector — the same body's other capacity or newer name, an
    alias (README, After batches AY–BG, brackets in names). A party's alternative (建设单位（代建单位）, r754)
    is no department and stays; a bare kind in brackets (有关部门（单位）) names no sector.

    >>> _other_capacity("海洋发展部门", "渔业主管部门"), _other_capacity("建设单位", "代建单位")
    (True, False)
    """
    collective = ("各", "有关", "相关", "其他")
    return (base.endswith("部门") and inner.endswith("部门") and len(inner) >= 4 and len(base) >= 4
            and not base.startswith(collective) and not inner.startswith(collective))


# A bracket saying what kind of body a name stands for, in alternatives: 业主（街道部门或下属单位）
# (r653). It glosses the name as an alias does, and is dropped as one.
_GLOSS_RE = re.compile(r"或")
# A short name the text goes on to use: 浦东新区建设和交通委员会(以下简称“区建交委”)负责… (r1023). The
# subject is labelled by its full name (r601), the short name dropped as an alias is.
_SHORT_NAME_RE = re.compile(r"以下(?:简称|统称|称)")  # 以下称… too (r1381, r1384)


def mention(text: str, s: int, e: int) -> tuple[UnitMention, bool]:
    """A list item as a mention, and whether it carries a （牵头） marker."""
    name = clean_name(text[s:e])
    alias = None
    lead = False
    m = _NAME_AND_BRACKET_RE.fullmatch(name)
    if m:
        base, inner = m.group(1), m.group(2)
        if inner in LEAD_MARKERS:
            name, lead = clean_name(base), True
        elif _looks_like_alias(base, inner) or _GLOSS_RE.search(inner) or _SHORT_NAME_RE.match(inner):
            name, alias = base, inner
    return UnitMention(name=name, as_written=text[s:e], start=s, end=e, alias=alias), lead


def merge_grassroots(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Keep 各乡（镇）人民政府、街道办事处 as one collective, not two names."""
    out: list[UnitMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.name.startswith("各") and prev.alias is None
                and all(p in GRASSROOTS for p in canon(prev.name[1:]).split("、"))
                and canon(m.name) in GRASSROOTS):
            out[-1] = UnitMention(name=f"{prev.name}、{m.name}", as_written=text[prev.start : m.end],
                                  start=prev.start, end=m.end, prefix_restored=prev.prefix_restored)
            continue
        out.append(m)
    return out


# Kinds of jurisdiction and kinds of body a collective lists with 、 inside
# (各县、市、区政府, 各省、自治区、直辖市人民政府, 相关委、办、局).
_COLLECTIVE_PLACES = ("省", "自治区", "直辖市", "市", "县", "区", "自治县", "县级市", "旗", "州", "自治州",
                      "盟", "地区", "乡", "镇", "街道")
_COLLECTIVE_KINDS = ("委", "办", "局", "厅", "室", "中心")
_COLLECTIVE_HEAD_RE = re.compile(r"^(各|有关|相关)(.{1,3})$")
_COLLECTIVE_BODY_RE = re.compile(r"^(.{1,3}?)(人民政府|政府|党委|党工委|管委会)(?:〔[^〔〕]{1,8}〕)?$")


# 区委、区政府各部委办局: parent bodies whose members the last item names with 各 (the 部委办局
# of 区委 and of 区政府, r701). One collective, as written.
_PARENT_RE = re.compile(r"^.{1,4}?(?:委|政府|人大|政协)$")
_MEMBERS_OF_RE = re.compile(r"^.{1,4}?(?:委|政府|人大|政协)各.{1,6}$")


def _merge_parents(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in mentions:
        k = len(out)
        while k > 0 and out[k - 1].alias is None and _PARENT_RE.match(out[k - 1].name):
            k -= 1
        if k < len(out) and m.alias is None and _MEMBERS_OF_RE.match(m.name):
            written = text[out[k].start : m.end]
            out[k:] = [UnitMention(name=clean_name(written), as_written=written, start=out[k].start,
                                   end=m.end, reading="collective")]
            continue
        out.append(m)
    return out


def merge_collectives(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """A collective written with 、 inside and no brackets stays one name, as
    written: 各县、市、区政府 (each county's, city's and district's government),
    有关区、市政府, 相关委、办、局. It starts with 各 / 有关 / 相关 and a kind of
    jurisdiction (or of body: 委, 办, 局), goes on with bare kinds, and ends
    with a kind and the body they share (政府, 党委 …), or with a bare kind of
    body. A list of bare jurisdictions with no shared body (各区、县级市) is two
    collectives, and stays two."""
    out: list[UnitMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        head = _COLLECTIVE_HEAD_RE.match(m.name) if m.alias is None else None
        end = None
        if head is not None:
            kinds = (_COLLECTIVE_PLACES if head.group(2) in _COLLECTIVE_PLACES
                     else _COLLECTIVE_KINDS if head.group(2) in _COLLECTIVE_KINDS else ())
            k = i + 1
            while k < len(mentions) and mentions[k].alias is None:
                name = mentions[k].name
                if kinds is _COLLECTIVE_PLACES and (b := _COLLECTIVE_BODY_RE.match(canon(name))):
                    if b.group(1) in kinds:
                        end = k
                    break
                if name not in kinds:
                    break
                if kinds is _COLLECTIVE_KINDS:
                    end = k
                k += 1
        if end is None:
            out.append(m)
            i += 1
            continue
        last = mentions[end]
        written = text[m.start : last.end]
        out.append(UnitMention(name=clean_name(written), as_written=written, start=m.start, end=last.end,
                               reading="collective"))
        i = end + 1
    return out


def _jurisdiction_prefix(name: str) -> str | None:
    for body in HEADLESS_BODIES:
        i = name.find(body)
        if i > 0:
            return name[:i]
    return None


# A people's congress or a political consultative conference and its organs: 各级人民代表大会专门委员会、
# 常务委员会工作机构 (r1903): the owning body written once on the first organ is restored whole on the later
# organs the list names bare (README, held-out batch BE; After batches AY–BG, a prefix naming the owning
# body), as a headless 人民政府 takes its level.
_ORGANS = ("常务委员会", "专门委员会", "主任会议", "主席会议", "办公厅", "秘书处")
_OWNER_RE = re.compile(r"(?P<owner>.{0,8}?(?:人民代表大会|人大|政治协商会议|政协)(?:[^、]{0,8}?委员会)?)"
                       rf"(?={'|'.join(_ORGANS)})")


def restore_owner(mentions: list[UnitMention]) -> list[UnitMention]:
    """Each later organ named bare after an organ written with its owner takes the owner.

    >>> [m.name for m in list_mentions("州人民代表大会专门委员会、常务委员会办事机构", 0, 22)[1]]
    ['州人民代表大会专门委员会', '州人民代表大会常务委员会办事机构']
    """
    out: list[UnitMention] = []
    owner = ""
    for m in mentions:
        if (o := _OWNER_RE.match(m.name)) is not None and m.alias is None:
            owner = o.group("owner")
        elif owner and m.alias is None and m.name.startswith(_ORGANS) and looks_like_unit(m.name):
            m = m.model_copy(update={"name": owner + m.name, "prefix_restored": True,
                                     "reading": "elided prefix restored"})
        else:
            owner = ""
        out.append(m)
    return out


def restore_prefixes(mentions: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in mentions:
        if out and m.name.startswith(HEADLESS_BODIES):
            prefix = _jurisdiction_prefix(out[-1].name)
            if prefix:
                m = m.model_copy(update={"name": prefix + m.name, "prefix_restored": True})
        out.append(m)
    return out


# A body handing a duty to another, both named: 州人民政府授权州数据资源主管部门负责… (r1222). The
# delegate is the one given the role word (as 受市水务局委托 leaves the entrusted one the subject,
# r1162); the delegating body is no holder. With a modal before the verb (建设单位应委托…, r755) the
# clause is a duty of the first to hand it on, and the name is not read as one (running_text's pivots).
_DELEGATES_RE = re.compile(r"(授权|责成|委托)")


def delegate(text: str, m: UnitMention) -> UnitMention:
    """An item naming a body, a verb handing on a duty (授权, 责成, 委托) and another body: the second,
    its span its own, read "delegated by <the first>"; else the item as it was.

    >>> t = "县人民政府授权县农业农村局"
    >>> d = delegate(t, UnitMention(name=t, as_written=t, start=0, end=len(t)))
    >>> d.name, d.as_written, d.reading
    ('县农业农村局', '县农业农村局', 'delegated by 县人民政府 (授权)')
    """
    for v in _DELEGATES_RE.finditer(m.name):
        left, right = m.name[: v.start()], m.name[v.end() :]
        if looks_like_unit(left) and looks_like_unit(right):
            off = text.find(right, m.start, m.end)
            s, e = (off, off + len(right)) if off != -1 else (m.start, m.end)
            return UnitMention(name=right, as_written=text[s:e], start=s, end=e, alias=m.alias,
                               reading=f"delegated by {left} ({v.group(1)})")
    return m


def split_names(text: str, m: UnitMention) -> list[UnitMention]:
    """One written item that names several bodies, split: 和/及/与-joined
    (各乡镇党委和政府) or run together (区财政局区税务局). Each part keeps the
    written span it came from where the item was written without breaks."""
    parts = [(n2, off + off2, reading)
             for n, off in split_and_joined(m.name)
             for (n2, off2), reading in _with_reading(split_joined(n), "joined without separator")]
    if len(parts) == 1:
        return [m]
    exact = text[m.start : m.end] == m.name
    out = []
    for i, (name, off, reading) in enumerate(parts):
        joined = reading or "和-joined"
        alias = None
        short = _NAME_AND_BRACKET_RE.fullmatch(name)
        if short is not None and _SHORT_NAME_RE.match(short.group(2)):
            # 甲县、乙区人民政府（以下简称有关县区人民政府）及其所属… (r1800): the short name the group is
            # given, dropped as an alias is, also on a name split off at 及
            name, alias = short.group(1), short.group(2)
        if exact and m.name.find(name, off) == off:
            s, e = m.start + off, m.start + off + len(name)
        elif exact and i + 1 < len(parts):
            s, e = m.start + off, m.start + parts[i + 1][1]
        else:
            s, e = (m.start + off, m.end) if exact else (m.start, m.end)
        out.append(UnitMention(name=name, as_written=text[s:e], start=s, end=e, reading=joined, alias=alias))
    return out


def _with_reading(parts: list[tuple[str, int]], reading: str) -> list[tuple[tuple[str, int], str | None]]:
    return [(p, reading if len(parts) > 1 else None) for p in parts]


# Kinds of jurisdiction that stand for their governments after a 各 (各区、县级市).
BARE_JURISDICTIONS = frozenset({"区", "县", "市", "县级市", "乡", "镇", "乡镇", "街道", "社区", "村", "旗",
                                # 设区的市: a kind of city, a level (设区的市、县人民政府, r1602)
                                "自治县", "设区的市"})


# A place the document names as the jurisdiction of a government or a Party
# committee: 上海市青浦区人民政府 gives 上海 and 青浦; at a line's or a clause's start.
_PLACE_RE = re.compile(r"(?:^|(?<=[\s，,、。；;：:（(]))(?:(?P<city>[\u4e00-\u9fff]{2})(?:省|市))?"
                       r"(?P<place>[\u4e00-\u9fff]{2})(?:市|区|县)(?:人民政府|政府|党委|委员会|区委|县委|市委)",
                       re.M)


@functools.lru_cache(maxsize=8)
def document_places(text: str) -> frozenset[str]:
    """The places a document names with their 市 / 区 / 县 (上海, 青浦), once per text
    (a str caches its hash, so the cache costs no scan)."""
    found = {p for m in _PLACE_RE.finditer(text) for p in (m.group("city"), m.group("place")) if p}
    # 按照区政府…, 推进县委…: a word of the sentence before the jurisdiction, no place
    return frozenset(p for p in found if not (PREPOSITIONS_RE.search(p) or p in TASK_VERBS
                                              or p[0] in "在由经对各全本向为和及与并"))


def restore_elided_prefixes(mentions: list[UnitMention], before: UnitMention | None = None,
                            places: frozenset[str] = frozenset()) -> list[UnitMention]:
    """县教育局、卫健局、民政局: the later names take the first one's jurisdiction.
    `before` is the name just before this list (县教育局牵头，卫健局配合). A name
    that holds one of the document's `places` names its own (公安青浦分局,
    上海站管委办 in a 上海市青浦区 document) and keeps it."""
    out: list[UnitMention] = [before] if before is not None else []
    # A writer who elides writes the jurisdiction once and drops it after; one who
    # writes it again further on (区教育局、上海站管委办、团区委、区绿化市容局) is
    # not eliding, and a bare name before that is a body named by its own place
    # (上海站管委办, 宝山海事局: r401, r404).
    last_written: dict[str, int] = {}  # a jurisdiction -> the last item that writes it
    for i, item in enumerate(mentions):
        if (j := jurisdiction_of(item.name)) is not None:
            last_written[j.rstrip("委")] = i
    for i, m in enumerate(mentions):
        if (out and m.alias is None and out[-1].name.startswith("各")
                and out[-1].name[1:] in BARE_JURISDICTIONS  # not 各公司、村、居民区 (r754): 村 is no 公司
                and m.name in BARE_JURISDICTIONS):
            m = m.model_copy(update={"name": "各" + m.name, "prefix_restored": True,
                                     "reading": "elided prefix restored"})  # 各区、县级市
        elif out and any(p in m.name for p in places):
            pass
        elif out:  # an alias does not stop it: 区…、经委(商务委) is 区经委
            restored = restore_elided(out[-1].name, m.name)
            j = jurisdiction_of(restored) if restored else None
            if restored and not (j is not None and last_written.get(j.rstrip("委"), -1) > i):
                m = m.model_copy(update={"name": restored, "prefix_restored": True,
                                         "reading": "elided prefix restored"})
        out.append(m)
    return out[1:] if before is not None else out


_LEVELS = frozenset("省市区县乡镇")
# A level's alternatives in brackets right after it: 县（区）, 县（市、区）, 乡（镇）.
_LEVEL_ALTERNATIVES_RE = re.compile(r"(?<=[省市区县乡镇])[（(〔][省市区县乡镇、]{1,7}[)）〕]$")
_B_LEVEL_RE = re.compile(r"(?:设区的市|区县|自治[区州县旗]|民族[乡镇]|[省市区县乡镇])"
                         r"(?:[(（〔][^()（）〔〕]*[)）〕])?")
# A township-level level named with its kind: 民族乡 (乡、民族乡、镇人民政府), a bare level in a list of
# levels as 乡 is.
_NAMED_LEVELS = ("民族乡", "民族镇")
# A level written with its alternatives in brackets, standing bare in a list of levels: the 县（区） of
# 市、县（区）、乡（镇）人民政府 (r1742) is a level as 县 is, sharing the body the last level names.
_BRACKETED_LEVEL_RE = re.compile(r"(?:区县|[省市区县乡镇])[（(〔][省市区县乡镇州盟旗自治、]{1,7}[)）〕]")
_TWO_BARE_LEVELS_RE = re.compile(r"([省市区县乡镇]|[\u4e00-\u9fff（）()]{3,20}?)和([省市区县乡镇])")
_SHARED_BODY_RE = re.compile(r"^(各|有关|相关)?(.{1,4}?)(人民政府|政府|党委|党工委|管委会)$")


# Two levels joined by 和 / 及 in one name, the second maybe with 相关 / 有关 and its alternatives
# in brackets, before the body both have (市及相关区（县）行政审批服务部门, r1640): 及 stands where a
# list has 、.
_JOINED_LEVELS_RE = re.compile(r"([省市区县乡镇])[和及]"
                               # 区县（市）: two levels written as one (市和区县（市）人民政府…, r1721)
                               # or where its places are (市及湿地所在地区人民政府, as r2001's departments)
                               r"((?:相关|有关|(?:(?![和及与、])[\u4e00-\u9fff]){1,8}?所在地)?(?:区县|[省市区县乡镇])"
                               r"(?:[（(][省市区县乡镇州旗自治、]{1,7}[)）])?)"
                               r"(?P<body>[\u4e00-\u9fff]{2,20}(?:部门|机构|人民政府|政府))")


# A qualifier naming which places of a level are meant: 保护区所在地县（区） (r2001), as 有关 / 相关 / 各 do.
_WHERE = r"(?:各|有关|相关|(?:(?![和及与、])[\u4e00-\u9fff]){1,8}?所在地)"
# A place named in full (萧山区, 甲旗) or a bare level, joined by 和 / 及 to a level (maybe qualified, with
# its alternatives in brackets) before the department both have: 萧山区、余杭区和各县（市）建设行政主管部门
# (r1904), 市及保护区所在地县（区）海洋行政主管部门 (r2001). The first place shares the body as a bare level
# before a body does (市、区残联), each its own (README, BE: the shared suffix distributed over the names
# joined by 、 and 和, 各 kept with the name it heads).
_JOINED_PLACES_RE = re.compile(r"(?P<first>(?:(?![和及与、])[\u4e00-\u9fff]){0,10}?[省市区县旗])[和及]"
                               rf"(?P<second>{_WHERE}?(?:区县|[省市区县乡镇旗])"
                               r"(?:[（(〔][省市区县乡镇州旗自治、]{1,7}[)）〕])?)"
                               r"(?P<body>[\u4e00-\u9fff]{2,20}(?:部门|机构))")


# A level (maybe two written as one, with its alternatives in brackets) written once before two bodies
# joined by 和 / 及: 区县（自治县）地方工会和产业工会 (r2003).
_LEVEL_HEAD_RE = re.compile(r"(?P<level>(?:区县|自治[州县旗]|[省市区县旗])"
                            r"(?:[（(〔][省市区县乡镇州旗自治、]{1,7}[)）〕])?)"
                            r"(?P<a>[\u4e00-\u9fff]{2,12}?)[和及](?P<b>[\u4e00-\u9fff]{3,12})")
_NOT_SHARED = ("各", "有关", "相关", "其他", "其", "街道", "乡", "镇", "村", "社区", "居", "属地", "所在")


def _bare_level(name: str) -> bool:
    return name in _LEVELS or _BRACKETED_LEVEL_RE.fullmatch(name) is not None


def share_level_over_he(mentions: list[UnitMention]) -> list[UnitMention]:
    """A written level prefix restored on both names joined by 和, each naming a body, and the bare
    levels before it distributed over both, name by name (市、区县（自治县）地方工会和产业工会 → 市地方工会,
    区县（自治县）地方工会, 市产业工会, 区县（自治县）产业工会: README, held-out batch BJ, r2003; How to
    label's 经开区、综保区党工委和管委会). Not onto a government's, a collective or a grassroots body, which
    name their own level or none.

    >>> [m.name for m in list_mentions("市、旗农技推广站和植保站", 0, 12)[1]]
    ['市农技推广站', '旗农技推广站', '市植保站', '旗植保站']
    """
    for i, m in enumerate(mentions):
        j = _LEVEL_HEAD_RE.fullmatch(m.name) if m.alias is None else None
        if j is None:
            continue
        a, b = j.group("a"), j.group("b")
        k = i
        while k > 0 and mentions[k - 1].alias is None and _bare_level(mentions[k - 1].name):
            k -= 1
        if (not looks_like_unit(a) or not looks_like_unit(b) or jurisdiction_of(b) is not None
                or jurisdiction_of(m.name) is None  # 市场监管部门和…: the 市 of 市场, no level
                or b.startswith(j.group("level")[0])  # …和市市场监管部门 (r1864): writes its own
                or b.startswith(_NOT_SHARED) or a.startswith(_NOT_SHARED)
                or any(x.endswith(HEADLESS_BODIES) or canon(x) in GRASSROOTS for x in (a, b))
                or len(split_and_joined(m.name)) != 2):
            continue
        levels = [u.name for u in mentions[k:i]] + [j.group("level")]
        out = [(u, lv + body) for body in (a, b) for u, lv in zip([*mentions[k:i], m], levels, strict=True)]
        return [*mentions[:k], *[u.model_copy(update={"name": name, "reading": "shared suffix"})
                                 for u, name in out], *share_level_over_he(mentions[i + 1 :])]
    return mentions


# Two bare levels joined by 和 / 及 / 以及 inside a list of levels, the body written once on the last
# (区、县和乡、镇人民政府; 市和区、县以及乡、镇…管理部门; 市和县（市）、区人民政府其他有关部门): the
# conjunction stands where the list has 、, each level sharing the body as a bare level does (市、区残联).
_BARE_JOINED_RE = re.compile(r"(?P<a>(?:区县|[省市区县乡镇])(?:[（(〔][省市区县乡镇州旗自治、]{1,7}[)）〕])?)"
                             r"(?:以及|[和及])"
                             r"(?P<b>(?:区县|[省市区县乡镇])(?:[（(〔][省市区县乡镇州旗自治、]{1,7}[)）〕])?)")


def split_bare_levels(mentions: list[UnitMention]) -> list[UnitMention]:
    """Items of two bare levels joined by 和 / 及 / 以及, followed by more of the list, cut in two.

    >>> [m.name for m in list_mentions("县和乡、镇林业站", 0, 8)[1]]
    ['县林业站', '乡林业站', '镇林业站']
    >>> [m.name for m in list_mentions("旗和苏木、嘎查以及社区", 0, 11)[1]][:1]
    ['旗和苏木']
    """
    out: list[UnitMention] = []
    for i, m in enumerate(mentions):
        j = _BARE_JOINED_RE.fullmatch(m.name) if m.alias is None and i + 1 < len(mentions) else None
        if j is None or m.name != m.as_written.strip():
            out.append(m)
            continue
        off = m.start + m.as_written.index(m.name)
        out.append(m.model_copy(update={"name": j.group("a"), "as_written": j.group("a"),
                                        "start": off + j.start("a"), "end": off + j.end("a")}))
        out.append(m.model_copy(update={"name": j.group("b"), "as_written": j.group("b"),
                                        "start": off + j.start("b"), "end": off + j.end("b")}))
    return out


def split_joined_levels(mentions: list[UnitMention]) -> list[UnitMention]:
    """市及相关区（县）行政审批服务部门 → 市行政审批服务部门, 相关区（县）行政审批服务部门: each level
    the body's.

    >>> [m.name for m in split_joined_levels(list_mentions("市及相关区（县）财政部门", 0, 12)[1])]
    ['市财政部门', '相关区（县）财政部门']
    """
    out: list[UnitMention] = []
    for m in mentions:
        j = _JOINED_LEVELS_RE.fullmatch(m.name) if m.alias is None else None
        if j is None and m.alias is None:
            j = _JOINED_PLACES_RE.fullmatch(m.name)
            if j is not None and (jurisdiction_of(j.group("first") + j.group("body")) is None
                                  or j.group("first").startswith(NOT_A_JURISDICTION)):
                j = None  # 城市 of 城市管理, 市场 of 市场监管: no place
        if j is None or not looks_like_unit(j.group("body")):
            out.append(m)
            continue
        body = j.group("body")
        out.append(m.model_copy(update={"name": j.group(1) + body, "reading": "shared suffix"}))
        out.append(m.model_copy(update={"name": j.group(2) + body, "reading": "shared suffix"}))
    return out


def share_suffixes(mentions: list[UnitMention]) -> list[UnitMention]:
    """有关区、市政府 / 经开区、综保区管委会: a bare jurisdiction before a
    jurisdiction's body shares that body (and the 各 / 有关 in front)."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        mb = _SHARED_BODY_RE.match(b.name)
        if (a.alias is None and (two := _TWO_BARE_LEVELS_RE.fullmatch(a.name)) is not None
                and b.name[:1] in _LEVELS and looks_like_unit(b.name[1:]) and len(b.name) >= 3):
            # 市和区、县信息化主管部门 (r1562): two bare levels joined by 和 are two levels (as 市、区、县);
            # a body joined by 和 to a bare level is that body, and the level shares the next one's
            # (街道办事处和乡、镇人民政府, r1543)
            level = _B_LEVEL_RE.match(b.name)
            body = re.sub(r"[(（][^()（）]*[)）]$", "", b.name[level.end() if level else 1 :])
            k = a.start + two.start(2)
            first = two.group(1) + body if two.group(1) in _LEVELS else two.group(1)
            if first == two.group(1) and not looks_like_unit(first):
                continue
            out[i : i + 1] = [a.model_copy(update={"name": first, "end": a.start + len(two.group(1)),
                                                   "reading": "shared suffix"}),
                              a.model_copy(update={"name": two.group(2) + body, "start": k,
                                                   "reading": "shared suffix"})]
            continue
        if (a.alias is None and mb is None
                and (a.name in _LEVELS or a.name in ("设区的市", *_NAMED_LEVELS)
                     or _BRACKETED_LEVEL_RE.fullmatch(a.name))):
            # 市、区残联 / 省、市、县财政部门: a bare level before a body named with its own level
            # shares that body (市残联, 区残联, r1104)
            # 省、设区的市、县（市、区）…部门 (r1840): 设区的市 is a level before the body, as 市
            if ((b.name[:1] in _LEVELS and looks_like_unit(b.name[1:])
                 or b.name.startswith("设区的市") and looks_like_unit(b.name[4:])
                 or b.name.startswith(_NAMED_LEVELS) and looks_like_unit(b.name[3:])) and len(b.name) >= 3):
                # 区、镇人民政府（街道） (r1144): the bracketed alternative body stays with the name it is
                # written on (区人民政府, 镇人民政府（街道）)
                # 市、县（市、区）物业主管部门 (r1321, r1322): a bracket right after the level holds that
                # level's alternatives (县 or 市、区), not part of the body the bare 市 shares; the level may
                # be two levels written as one (市、区县（自治县）人民政府…, r1404)
                level = _B_LEVEL_RE.match(b.name)
                body = re.sub(r"[(（][^()（）]*[)）]$", "", b.name[level.end() if level else 1 :])
                out[i] = a.model_copy(update={"name": a.name + body, "reading": "shared suffix"})
            continue
        if mb is None or a.alias is not None:
            continue
        ma = re.match(r"^(各|有关|相关)?(.{1,9})$", a.name)
        if ma is None or not (ma.group(2) in BARE_JURISDICTIONS or ma.group(2) in _NAMED_LEVELS
                              or _BRACKETED_LEVEL_RE.fullmatch(ma.group(2))
                              or re.fullmatch(r".{1,3}[区县]", ma.group(2))):
            continue
        # 市、县（区）人民政府 (r1360, r1363): the level written with its alternatives in brackets is a level
        # still, as 县（市、区） is in share_suffixes' first branch
        level_b = _LEVEL_ALTERNATIVES_RE.sub("", mb.group(2))
        if (level_b not in BARE_JURISDICTIONS and level_b not in _NAMED_LEVELS
                and not re.fullmatch(r".{1,3}[区县]", level_b)):
            continue
        prefix = ma.group(1) or mb.group(1) or ""
        out[i] = a.model_copy(update={"name": prefix + ma.group(2) + mb.group(3), "reading": "shared suffix"})
        if not mb.group(1) and prefix:
            out[i + 1] = b.model_copy(update={"name": prefix + b.name, "reading": "shared suffix"})
    return out


# A place: a name ending in a level (石龙区, 太白湖新区, 济宁高新技术产业开发区), maybe with the level's
# alternatives in brackets (县（市、区）, 各县（市）).
_PLACE_NAME_RE = re.compile(r"各?[\u4e00-\u9fff]{0,12}?[省市区县旗州]"
                            r"(?:[（(〔][省市区县乡镇、]{1,7}[)）〕])?")


def share_department(mentions: list[UnitMention]) -> list[UnitMention]:
    """Places before a place's department share the department, as 市、区残联 shares 残联:
    县（市、区）、…、太白湖新区、济宁经济技术开发区城市绿化行政主管部门 (r1464), 各县（市）、石龙区城市绿化
    行政主管部门, 新华区、卫东区、湛河区城市绿化主管部门和…管委会 (r1463). Only a department (…部门) is
    shared, so a list of bodies ending in a place's own body (各区、临港新片区管委会) stays as written.

    >>> [m.name for m in list_mentions("甲县、乙新区林业主管部门", 0, 12)[1]]
    ['甲县林业主管部门', '乙新区林业主管部门']
    """
    out = list(mentions)
    _share_zone_body(out)
    for i in range(len(out) - 1, 0, -1):
        name = out[i].name
        if out[i].alias is not None or not name.endswith("部门"):
            continue
        place = _PLACE_NAME_RE.match(name)  # the shortest: 济宁经济技术开发区 of …开发区城市绿化…部门
        body = name[place.end() :] if place is not None else ""
        if len(body) < 4 or not looks_like_unit(body):
            continue
        k = i - 1
        while k >= 0 and out[k].alias is None and _PLACE_NAME_RE.fullmatch(out[k].name):
            out[k] = out[k].model_copy(update={"name": out[k].name + body, "reading": "shared suffix"})
            k -= 1
    return out


# A zone named in full (太白湖新区, 济宁经济技术开发区): no bare level, no collective (各区).
_NAMED_ZONE_RE = re.compile(r"(?!各)[\u4e00-\u9fff]{2,14}[区县]")
# A zone's administration may be named by its kind (城乡一体化示范区、经济技术开发区、西城区管理机构, r1902:
# README, After batches AY–BG, the suffix distributed over zones named in full).
_ZONE_BODY_RE = re.compile(r"(?!各)[\u4e00-\u9fff]{2,14}[区县](?P<body>管委会|管理委员会|管理机构)")


_TWO_ZONES_RE = re.compile(r"(?P<first>(?!各)(?:(?![和及与])[\u4e00-\u9fff]){2,14}[区县])[和及与]"
                           r"(?P<second>(?!各)(?:(?![和及与])[\u4e00-\u9fff]){2,14}[区县](?:管委会|管理委员会))")


def _share_zone_body(out: list[UnitMention]) -> None:
    """A list made only of zones named in full, the last with its body (…开发区、太白湖新区、…开发区管委会,
    r1581): each zone is one of a kind with the last and shares its 管委会; the body is what the clause
    gives a duty, a zone being a place. A list mixing other items (嘉定新城、…、菊园新区管委会) or
    a collective (各区、…管委会) stays as written."""
    if out and (pair := _TWO_ZONES_RE.fullmatch(out[-1].name)) is not None:
        # …工业园区和…示范区管委会 (r1800): two zones joined by 和 before the body; the first is a zone
        # named in full, the body theirs to share, as over a list joined by 、
        m, k = out[-1], pair.end("first")
        out[-1:] = [m.model_copy(update={"name": pair.group("first"), "alias": None, "end": m.start + k
                                         if m.as_written == m.name else m.end}),
                    m.model_copy(update={"name": pair.group("second"), "start": m.start + k + 1
                                         if m.as_written == m.name else m.start})]
    if len(out) < 2 or any(m.alias is not None for m in out[:-1]):
        return  # a short name after the last names the group (（以下简称管理机构）, r1800) and stays
    last = _ZONE_BODY_RE.fullmatch(out[-1].name)
    if last is None or not all(_NAMED_ZONE_RE.fullmatch(m.name) for m in out[:-1]):
        return
    for k in range(len(out) - 1):
        out[k] = out[k].model_copy(update={"name": out[k].name + last.group("body"),
                                           "reading": "shared suffix"})


_PLACE_SUFFIX_RE = re.compile(r"^.{2,4}?(街道|镇|乡)$")


def share_place_suffix(mentions: list[UnitMention]) -> list[UnitMention]:
    """欧阳、曲阳、凉城、广中街道: bare place names before the last name share its
    街道 / 镇 / 乡 (欧阳街道 …). Only names that end as no body does take it.

    >>> [m.name for m in list_mentions("欧阳、曲阳、江湾镇街道", 0, 11)[1]]
    ['欧阳街道', '曲阳街道', '江湾镇街道']
    >>> [m.name for m in list_mentions("区财政局、广中街道", 0, 9)[1]]
    ['区财政局', '广中街道']
    """
    out = list(mentions)
    for i in range(len(out) - 1, 0, -1):
        m = _PLACE_SUFFIX_RE.match(out[i].name)
        if m is None:
            _share_body(out, i)
            continue
        k = i - 1
        while (k >= 0 and out[k].alias is None and 2 <= len(out[k].name) <= 4
               and _CJK_ONLY_RE.fullmatch(out[k].name) and not has_unit_ending(out[k].name)):
            out[k] = out[k].model_copy(update={"name": out[k].name + m.group(1), "reading": "shared suffix"})
            k -= 1
    return out


def _bare_place(name: str) -> bool:
    return (2 <= len(name) <= 3 and _CJK_ONLY_RE.fullmatch(name) is not None
            and not has_unit_ending(name))


_ZONE_ADMIN_RE = re.compile(r"(?:国家级?)?[\u4e00-\u9fff]{0,10}(?:开发区|园区|新区|示范区|试验区|实验区)"
                            r"(?:管理委员会|管委会)")


def _share_body(out: list[UnitMention], i: int) -> None:
    """吴泾、塘湾派出所: bare places before a place's body (派出所, 中心, 所, 站 …) share
    the body (吴泾派出所, r600); the last name is read as a place as long as the bare
    one before it, then a body's name."""
    prev = out[i - 1]
    if prev.alias is not None or not _bare_place(prev.name):
        return
    place = len(prev.name)
    body = out[i].name[place:]
    # 郑州、洛阳、新乡国家高新技术产业开发区管理委员会 (r1442): bare cities before a zone's administration
    # named with the last city share the zone and its body, as 吴泾、塘湾派出所 share 派出所
    zone = _ZONE_ADMIN_RE.fullmatch(body) is not None
    if not (looks_like_unit(body) and (body[-1] in "所站队院庭心" or zone)) \
            or (jurisdiction_of(out[i].name) and not zone):
        return
    k = i - 1
    while k >= 0 and out[k].alias is None and _bare_place(out[k].name) and len(out[k].name) == place:
        out[k] = out[k].model_copy(update={"name": out[k].name + body, "reading": "shared suffix"})
        k -= 1


# A list's last body named by what it belongs to: A、B及其所属全资、控股集体企业 (r921). The 、 between
# its attributes (全资、控股) is inside the one collective, whose first part ends as no body does.
_ITS_OWN_RE = re.compile(r"(?:及|和|与)其[\u4e00-\u9fff]{1,8}$")


def merge_attributes(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.alias is None and _ITS_OWN_RE.search(prev.name)
                and not has_unit_ending(prev.name) and looks_like_unit(m.name)):
            written = text[prev.start : m.end]
            out[-1] = UnitMention(name=clean_name(written), as_written=written, start=prev.start, end=m.end)
            continue
        out.append(m)
    return out


# Parties by their place in a thing: its owner, user, contractor, the body holding or managing it.
_PARTY_WORDS = (*PARTY_ENDINGS, "承包人", "承包者", "权属人", "产权人", "权属单位", "产权单位", "管理单位",
                "使用单位", "经营单位", "养护单位")
_PARTY_WORDS_RE = "|".join(sorted(_PARTY_WORDS, key=len, reverse=True))
_THING_PARTY_RE = re.compile(rf"(?P<thing>[\u4e00-\u9fff]{{2,8}}?)(?P<party>{_PARTY_WORDS_RE})")
_BARE_PARTIES_RE = re.compile(rf"(?:{_PARTY_WORDS_RE})(?:[和及与](?:{_PARTY_WORDS_RE}))?")


def share_thing(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """革命遗址所有权人、使用权人 (r1984), 山体权属单位、管理单位、承包人和使用人 (r1403): parties named by
    their place in a thing, the thing written once on the first and elided from the later bare party words,
    restored on each, across 、 and 和 (README, held-out batch BI; r1403 第七条). Only where every later
    item is a bare party word, one at least a party's (人, 方, 者), the first item set off by 、, and the
    thing names no place or body.

    >>> [m.name for m in list_mentions("古桥所有人、管理人和使用人", 0, 13)[1]]
    ['古桥所有人', '古桥管理人', '古桥使用人']
    """
    if len(mentions) < 2 or any(m.alias is not None for m in mentions):
        return mentions
    first = _THING_PARTY_RE.fullmatch(mentions[0].name)
    if first is None or not all(_BARE_PARTIES_RE.fullmatch(m.name) for m in mentions[1:]):
        return mentions
    if not any(not m.name.endswith("单位") for m in mentions[1:]):
        return mentions  # 下立交管理单位、产权单位、养护单位 (r1043): kinds of 单位 alone read as bodies
    if any("、" not in text[a.end : b.start] for a, b in zip(mentions, mentions[1:2], strict=False)):
        return mentions  # 房屋产权方及出租方 (r307): a 、 after the first item shows the list, not one 及
    thing = first.group("thing")
    if (jurisdiction_of(thing + "局") is not None or thing.startswith(("各", "有关", "相关", "其他", "本"))
            or has_unit_ending(thing) or not looks_like_unit(mentions[0].name)):
        return mentions
    out = [mentions[0]]
    for m in mentions[1:]:
        exact = text[m.start : m.end] == m.name
        for p in re.finditer(_PARTY_WORDS_RE, m.name):
            s, e = (m.start + p.start(), m.start + p.end()) if exact else (m.start, m.end)
            out.append(m.model_copy(update={"name": thing + p.group(0), "start": s, "end": e,
                                            "as_written": text[s:e], "prefix_restored": True,
                                            "reading": "elided prefix restored"}))
    return out


def list_mentions(text: str, start: int, end: int, before: UnitMention | None = None
                  ) -> tuple[list[UnitMention], list[UnitMention]]:
    """The unit list in text[start:end] read as mentions: (marked lead, the rest).

    Items split on separators outside brackets, each cleaned; a （牵头） mark
    sets an item apart as lead; headless bodies (人民政府 after 各县〔区〕党委)
    and elided jurisdictions (卫健局 after 县教育局) restored; names joined by
    和/及/与 or run together split; 各乡（镇）人民政府、街道办事处 kept as one.
    """
    mentions: list[UnitMention] = []
    leads: list[UnitMention] = []
    if (kinds := _KINDS_AFTER_RE.search(text, start, end)) is not None and kinds.start() - start >= 2:
        end = kinds.start()
    for s, e in split_list(text, start, end):
        item, marked = mention(text, s, e)
        if not item.name:
            continue
        (leads if marked else mentions).append(item)
    mentions = merge_attributes(text, _merge_parents(text, merge_collectives(text, mentions)))
    mentions = share_level_over_he(mentions)
    parts = [part for m in mentions for part in split_names(text, delegate(text, m))]
    parts = split_joined_levels(split_bare_levels(parts))
    mentions = share_department(share_place_suffix(share_suffixes(parts)))
    mentions = restore_owner(restore_prefixes(mentions))
    mentions = merge_grassroots(text, restore_elided_prefixes(mentions, before, document_places(text)))
    mentions = share_thing(text, mentions)
    return leads, mentions
