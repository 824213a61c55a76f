"""Lists of sectors standing for their bodies: a shared place prefix, sectors, a shared kind of body.

District and city rules name the departments that share a duty by their sectors, behind one
place prefix, and close the list with the kind of body they are. Two closings:

- ``等<kind>`` (``等单位``, ``等有关部门``, ``等行政管理部门``, ``等配套服务公司``), sometimes qualified:
  ``区交通、生态环境、绿化市容、…、农业农村等市政交通设施、公共服务设施相关部门`` (r1120),
  ``区发展改革、财政、税务、国资等有关部门``, ``排水、公安等部门`` (r1043),
  ``项目管理人、居委、物业、代建、设计、监理、施工等单位`` (r656),
  ``区水务、市场监督、信息化、规划资源等行政管理部门`` (r1160), ``水、电、气、通信等配套服务公司`` (r1142).
  Each sector is a body, written as it stands; the closing ``等…`` (qualifier and all) is left out,
  its kind not distributed;
- the kind written once on the last sector, with no ``等``: ``市人力资源和社会保障、民政部门`` (r1203).
  The kind is distributed: each sector is that kind of body (``市人力资源和社会保障部门``, ``市民政部门``).

The place prefix is written once, on the first sector, and restored on the others (``区财政``):
one level (``区``), a level with its alternative in brackets (``市（区）财政、民政…``, r1221), or
several levels each written bare before the first (``市、区发展改革、工业和信息化…等单位``, r1203),
which are distributed over every sector as ``市、区残联`` is over one name, sector by sector
(``市发展改革``, ``区发展改革``, ``市工业和信息化``, …). A sector that writes a level of its own keeps it.

>>> [u.name for u in typed_sectors("区发展改革、财政、税务等有关部门", 0, 16)]
['区发展改革', '区财政', '区税务']
>>> [u.name for u in typed_sectors("排水、公安等部门", 0, 8)]
['排水', '公安']
>>> typed_sectors("加强领导、落实责任等工作", 0, 12) is None
True

The grammar, not the words (constructed lists, no document's):

>>> [u.name for u in typed_sectors("县、镇水利、交通等单位", 0, 11)]
['县水利', '镇水利', '县交通', '镇交通']
>>> [u.name for u in typed_sectors("省（市）交通、水利等部门", 0, 12)]
['省（市）交通', '省（市）水利']
>>> t = "县教育和体育、卫生部门"
>>> [(u.name, u.reading) for u in typed_sectors(t, 0, len(t))]
[('县教育和体育部门', 'shared suffix'), ('县卫生部门', 'elided prefix restored')]
>>> t = "路、灯、气等养护公司"
>>> [u.name for u in typed_sectors(t, 0, len(t))]
['路', '灯', '气']
>>> typed_sectors("县财政局、卫生部门", 0, 9) is None  # a body and a department: no sector list
True
"""

from __future__ import annotations

import re

from .model import UnitMention
from .names import PHRASE_RE, TASK_VERBS, are_holders, is_holder, jurisdiction_of, looks_like_unit
from .unit_lists import list_mentions

# 等单位, 等有关部门, 等职能部门, and a qualifier before them (等市政交通设施、
# 公共服务设施相关部门), and 等各有关管理部门 (r1140); 等行政管理部门 (r1160), 等配套服务公司 (r1142):
# a few words of what the bodies do before the kind.
# Two kinds may close it, joined by 、 or 和 (等有关部门、单位, r1302; 等部门和机构, r1342).
# A bracket may widen the kind (等部门（机构）, r1502), naming no unit.
_TYPED = (r"等各?(?:[\u4e00-\u9fff、]{2,30}?(?:有关|相关))?(?:有关|相关)?"
          r"(?:[\u4e00-\u9fff]{1,4}?)?(?:职能|管理)?(?:单位|部门|公司)(?:[、和及](?:有关|相关)?(?:单位|部门|机构))?"
          r"(?:[（(](?:单位|部门|机构)[)）])?")
# The short name the list is given for later (…等部门（以下统称湿地保护管理部门）) closes it too, dropped as
# an alias is (r601).
TYPED_END_RE = re.compile(_TYPED + r"(?:[（(]以下(?:简称|统称|称)[^()（）\n]{1,20}[)）])?\s*$")
# The bodies after 和 may be a list of their own, closed by 等机构 or 等组织: …等部门和党史史志研究、
# 档案等机构 (r1440), …等部门和工会、共青团、妇联等组织.
_INSTITUTIONS_END_RE = re.compile(r"等(?:有关|相关)?(?:机构|组织|团体|单位)\s*$")
# A sector's newer name in brackets after it (工商行政管理（市场监管）, r1401): the same body, the
# bracket dropped.
_RENAMED_RE = re.compile(r"(?P<sector>[\u4e00-\u9fff]{2,8})[（(](?P<newer>[\u4e00-\u9fff]{2,8})[)）]")
# A typed list joined to bodies named in full: 发展和改革、公安、…等部门和消防救援机构 (r1322): the sectors,
# then the bodies after 和 / 及 / 与.
# 以及 joins them as 和 does (…等部门以及消防救援、…管理委员会等机构, r1540).
_TYPED_JOINED_RE = re.compile(_TYPED + r"(?=以及|[和及与])")
# A sector: a few characters naming a field of work (水, 通信, 工业和信息化); a one-character one
# only beside others (水、电、气). Two fields a merged department joins by 和 may be longer
# (人力资源和社会保障).
_SECTOR_RE = re.compile(r"[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{2,5}和[\u4e00-\u9fff]{2,6}")
_LEVELS = "省市区县镇乡"
# The place prefix on the first sector: a level, or a level and its alternatives in brackets (市（区）,
# 县（市、区）), and the level's government when the sectors are named as its departments
# (市、县（市、区）人民政府公安、住房城乡建设…部门, r1303, r1343: the bare 市 shares 人民政府 too).
# An autonomous level is a level too: 自治县发展改革、经济信息…等部门 (r1402), 区县（自治县） (r1404).
_LEVEL = rf"(?:区县|自治[区州县旗]|[{_LEVELS}])"  # 区县: one level (r1603)
# Levels named by their rank are levels too, with their government: 县级以上人民政府发展改革、财政…等部门,
# 设区的市人民政府交通、水利等部门 (provincial regulations).
_RANKED_RE = re.compile(r"(?:县级以上(?:地方)?(?:各级)?|设区的市)(?P<gov>人民政府|政府)")
# A place named in full, with its government written (浚县人民政府住房城乡建设、规划…等主管部门, r1542).
_PREFIX_RE = re.compile(rf"{_RANKED_RE.pattern}|{_LEVEL}(?:[（(〔](?:{_LEVEL}|、){{1,7}}[)）〕])?"
                        r"(?P<gov2>人民政府|政府)?|(?P<place>[\u4e00-\u9fff]{1,8}?[省市区县旗])(?P<gov3>人民政府)")
# A bare level joined by 和 to the level the first sector is written with (市和区（县）发展改革、…).
# 及 joins them as 和 does, and the second may be qualified by where its places are (市及保护区所在地县（区）
# 海洋、渔业行政主管部门, r2001: 市 and the counties where the reserve lies, each level's two departments).
_WHERE = r"(?:(?:(?![和及与、])[\u4e00-\u9fff]){1,8}?所在地)"
_TWO_LEVELS_RE = re.compile(rf"(?P<level>[{_LEVELS}])[和及]"
                            rf"(?={_WHERE}?{_LEVEL}(?:[（(〔][{_LEVELS}、]{{1,7}}[)）〕])?"
                            r"(?:人民政府)?[\u4e00-\u9fff])")
_BARE_TWO_RE = re.compile(rf"([{_LEVELS}])和([{_LEVELS}])")
# A department of one level joined by 和 to a bare level opening the list (市人民政府生态环境和市、县（区）…).
_JOINED_LEVEL_RE = re.compile(r"(?P<own>[\u4e00-\u9fff（）()]{2,20})和(?P<level>[省市区县镇乡])")
# The kind written once on the last sector and shared by all (民政部门): a generic kind, which no
# sector's name ends with.
_SHARED_KIND_RE = re.compile(r"(?:行政)?(?:主管|职能)?(?:部门|单位|机构)$")


# A field of work ending as a body's name may (农业, 林业, 工业: 业 as in 企业), named here as a sector.
_FIELD_RE = re.compile(r"(?<![企事行物])[农林渔牧工商]业$")


# A field written with a narrower or older field in brackets inside it (文化（文物）旅游, the culture and
# tourism department that also holds cultural relics): one sector, kept as written.
_INNER_BRACKET_RE = re.compile(r"(?P<head>[\u4e00-\u9fff]{2,6})[（(〔](?P<inner>[\u4e00-\u9fff]{2,6})[)）〕]"
                               r"(?P<tail>[\u4e00-\u9fff]{2,6})")


_JOINED_COLLECTIVE_RE = re.compile(r"(?:以及|[和及与])(?:其他|其它|有关|相关)")


def _sector(name: str) -> bool:
    if (m := _INNER_BRACKET_RE.fullmatch(name)) is not None:
        return all(_sector(m.group(g)) for g in ("head", "inner", "tail"))
    # a task (加强领导, 落实责任) names no field of work, nor a collective joined on (档案以及其他有关部门)
    return (bool(_SECTOR_RE.fullmatch(name)) and not PHRASE_RE.search(name)
            and not name.startswith(TASK_VERBS) and _JOINED_COLLECTIVE_RE.search(name) is None)


def _levels(units: list[UnitMention]) -> tuple[list[str], int]:
    """The bare levels a list opens with (市、区…), and how many items they take: the levels written
    as items of their own, then the one the first sector carries (``市``, ``区发展改革`` → [市, 区], 1)."""
    k = 0
    # 县、镇农业: list_mentions may have given the bare 县 the next name's body (县农业), as for 市、区残联
    while k < len(units) and len(units[k].as_written.strip()) == 1 and units[k].as_written.strip() in _LEVELS:
        k += 1
    if k == 0 or k >= len(units):
        return [], 0
    # 市、有关县（区）发展改革、规划…等部门 (r1800): the level the first sector carries may be qualified
    # (有关, 相关, 各), the qualifier kept with the level it heads
    qualified = re.match(rf"有关|相关|各|{_WHERE}", units[k].name)
    qual = qualified.group(0) if qualified is not None else ""
    first = units[k].name[len(qual) :]
    if _PREFIX_RE.match(first) is None or jurisdiction_of(first) is None:
        return [], 0
    own = _prefix(first) or first[0]
    m = _PREFIX_RE.match(own)
    gov = (m.group("gov") or m.group("gov2") or m.group("gov3") or "") if m is not None else ""
    return [u.as_written.strip() + gov for u in units[:k]] + [qual + own], k


def _prefix(name: str) -> str:
    """The place prefix the first sector is written with (区 of 区发展改革, 市（区） of 市（区）财政),
    or ''."""
    m = _PREFIX_RE.match(name)
    if m is None or m.end() >= len(name):
        return ""
    if _RANKED_RE.match(name) is not None or m.group("gov3"):
        return m.group(0)  # 县级以上人民政府: a place by its rank (or by its name), its government written
    level = re.match(_LEVEL, name)
    if level is None or jurisdiction_of(level.group(0) + name[m.end() :]) is None:  # 市场监管: no place
        return ""
    return m.group(0)


def _renamed(u: UnitMention) -> UnitMention:
    """A sector with its newer name bracketed after it (工商行政管理（市场监管）) as the sector alone."""
    m = _RENAMED_RE.fullmatch(u.name)
    if m is None or not _sector(m.group("sector")) or not _sector(m.group("newer")):
        return u
    return u.model_copy(update={"name": m.group("sector")})


def _distribute(units: list[UnitMention], kind: str) -> list[UnitMention] | None:
    """The sectors with their place prefix restored (and the shared `kind` added), or None when
    an item is not a sector."""
    levels, k = _levels(units)
    sectors = [_renamed(u) for u in units[k:]]
    if levels:
        prefixes, bare0 = levels, sectors[0].name[len(levels[-1]) :]
    else:
        p = _prefix(sectors[0].name)
        prefixes, bare0 = [p], sectors[0].name[len(p):]
    bare = [bare0] + [u.name for u in sectors[1:]]
    if (len(bare) + len(levels) < 2 or all(looks_like_unit(b) for b in bare)
            or not all(_sector(b) or (i > 0 and jurisdiction_of(b)) for i, b in enumerate(bare))):
        return None  # a list of bodies (残联 is one) is list_mentions', not a list of sectors
    if kind and prefixes == [""]:
        return None  # 指导、督促本行业、本系统相关单位: with no 等, only a place prefix makes sectors
    if any(len(b) == 1 for b in bare) and (levels or prefixes != [""] or len(bare) < 3 or kind):
        return None  # 市、区残联 is shared_suffixes'; one-character sectors stand only in a list of them
    out: list[UnitMention] = []
    for i, (u, b) in enumerate(zip(sectors, bare, strict=True)):
        own = i > 0 and jurisdiction_of(b) is not None  # a sector writing its own level keeps it
        for j, p in enumerate([""] if own else prefixes):
            # 市、区发展改革: the bare 市 is written as an item of its own, the first sector's span
            src = units[j] if i == 0 and j < len(levels) - 1 else u
            name = p + b + kind
            if name == src.name:
                out.append(src)
                continue
            reading = "elided prefix restored" if i > 0 and p else "shared suffix"
            out.append(src.model_copy(update={"name": name, "reading": reading,
                                              "prefix_restored": reading == "elided prefix restored"}))
    return out


def typed_sectors(text: str, s: int, e: int) -> list[UnitMention] | None:
    """text[s:e] as a list of sectors closed by 等…单位 / 等…部门, or by a kind written once on the
    last sector (…、民政部门); None when it is not one."""
    typed = TYPED_END_RE.search(text, s, e)
    if typed is None and (joined := _TYPED_JOINED_RE.search(text, s, e)) is not None:
        sectors = typed_sectors(text, s, joined.end())
        if not sectors:
            return None
        after = joined.end() + (2 if text.startswith("以及", joined.end()) else 1)
        leads, bodies = list_mentions(text, after, e)
        if not leads and bodies and are_holders([u.name for u in bodies]):
            return sectors + bodies
        if (more := _INSTITUTIONS_END_RE.search(text, after, e)) is not None:
            leads, bodies = list_mentions(text, after, more.start())
            bare = [u.name for u in bodies]
            # sectors (党史史志研究、档案等机构, r1440) or bodies (工会、共青团、妇联等组织), or both, each
            # item one or the other (消防救援、…管理委员会等机构, r1540)
            if not leads and bodies and (all(map(_sector, bare)) and not any(map(looks_like_unit, bare))
                                         or are_holders(bare)
                                         or all(is_holder(b) or (_sector(b) and not looks_like_unit(b))
                                                for b in bare)):
                return sectors + bodies
        return None
    if typed is not None:
        if typed.start() - s < 1:
            return None
        leads, mentions = list_mentions(text, s, typed.start())
        units = _joined_sectors(leads + mentions)
        if not units:
            return None
        if len(units) == 1:  # one sector before 等…部门 (排水等部门): as written
            return units if _sector(units[0].name) and len(units[0].name) >= 2 else None
        if (pair := _BARE_TWO_RE.fullmatch(units[0].name)) is not None and len(units) > 2:
            # 市和区、县（市）建设、城市管理等部门 (r1622): two bare levels joined by 和 before the level the
            # first sector is written with, 和 read as 、
            first = units[0]
            a = first.model_copy(update={"name": pair.group(1), "as_written": pair.group(1),
                                         "end": first.start + 1})
            b = first.model_copy(update={"name": pair.group(2), "as_written": pair.group(2),
                                         "start": first.start + 2})
            return _distribute([a, b, *units[1:]], "")
        if (two_levels := _two_levels(units)) is not None:
            return _distribute(two_levels, "")
        if (joined := _JOINED_LEVEL_RE.fullmatch(units[0].name)) is not None and len(units) > 2:
            # 市人民政府生态环境和市、县（区）人民政府发展改革、农业农村…等部门 (r1480): one level's
            # department as written, joined by 和 to the levels the sectors after it are distributed over
            first, mine, lvl = units[0], joined.group("own"), joined.group("level")
            own = first.model_copy(update={"name": mine, "as_written": mine, "end": first.start + len(mine)})
            level = first.model_copy(update={"name": lvl, "as_written": lvl,
                                             "start": first.start + joined.start("level")})
            rest = _distribute([level, *units[1:]], "")
            return [own, *rest] if rest is not None and _PREFIX_RE.match(own.name) else None
        return _distribute(units, "")
    leads, mentions = list_mentions(text, s, e)
    units = leads + mentions
    if len(units) < 2 or leads:
        return None
    kind = _SHARED_KIND_RE.search(units[-1].name)
    if (kind is None or kind.start() < 2 or not _sector(units[-1].name[: kind.start()])
            or any(looks_like_unit(u.name) and not _FIELD_RE.search(u.name) for u in units[:-1])
            or looks_like_unit(stem0 := units[-1].name[: kind.start()]) and not _FIELD_RE.search(stem0)):
        return None
    last = units[-1]
    stem = last.model_copy(update={"name": last.name[: kind.start()]})
    return _distribute(_two_levels([*units[:-1], stem]) or [*units[:-1], stem], kind.group(0))


# Two sectors joined by 以及 inside a list closed by 等…部门 (…、应急管理以及市场监督管理等部门;
# …、生态环境以及党史史志、档案等部门, r2044): 以及 joins two items as 、 does. Only 以及, which no
# sector's name holds (和 does: 文化和旅游), and only where both sides are sectors, not a collective
# (档案以及其他有关部门).
_AND_ALSO_RE = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,8})以及(?P<b>[\u4e00-\u9fff]{2,8})")


def _joined_sectors(units: list[UnitMention]) -> list[UnitMention]:
    """The items of a typed list with an item of two sectors joined by 以及 cut in two.

    >>> t = "水利、气象以及人民防空等部门"
    >>> [u.name for u in typed_sectors(t, 0, len(t))]
    ['水利', '气象', '人民防空']
    >>> t = "水利、档案以及其他有关部门"
    >>> typed_sectors(t, 0, len(t)) is None
    True
    """
    if len(units) < 2:
        return units
    out: list[UnitMention] = []
    for u in units:
        m = _AND_ALSO_RE.fullmatch(u.name)
        if (m is None or u.name != u.as_written.strip()
                or not _sector(m.group("a")) or not _sector(m.group("b"))
                or looks_like_unit(m.group("a")) or looks_like_unit(m.group("b"))
                or m.group("b").startswith(("其他", "其它", "有关", "相关"))):
            out.append(u)
            continue
        cut = u.start + u.as_written.index("以及")
        out.append(u.model_copy(update={"name": m.group("a"), "as_written": m.group("a"), "end": cut}))
        out.append(u.model_copy(update={"name": m.group("b"), "as_written": m.group("b"), "start": cut + 2}))
    return out


def _two_levels(units: list[UnitMention]) -> list[UnitMention] | None:
    """市和区（县）发展改革、公安…等部门: two levels joined by 和 (or 及), as 市、区（县）…: the first item
    cut into the bare level and the rest; None when the list opens otherwise."""
    if len(units) < 2 or (two := _TWO_LEVELS_RE.match(units[0].name)) is None:
        return None
    first, lvl, cut = units[0], two.group("level"), two.end()
    level = first.model_copy(update={"name": lvl, "as_written": lvl, "end": first.start + len(lvl)})
    second = first.model_copy(update={"name": first.name[cut:], "start": first.start + cut})
    return [level, second, *units[1:]]


__all__ = ["TYPED_END_RE", "typed_sectors"]
