"""Sector lists read by their words: a 、-run whose items are mostly sectors of the lexicon
(sector_lexicon), whatever place stands before its first sector and whatever closes it.

sector_lists reads a list of sectors by its shape: a level it knows before the first sector, a
closing 等…部门 or a kind on the last sector. A regulation names its departments in shapes no rule
foresaw (a place named by a clause before the government, a sector with its other name in brackets,
a list ending in a body and 其他有关部门 with no 等), and each is read here because its items are
known sectors: the lexicon is the evidence, the shape only says where the list starts and ends.
Used where the shape readers (list_mentions' bodies, sector_lists) find no list, and over sector_lists'
reading where both read the same items and the lexicon restores the place on more of them
(sector_list).

The grammar (``S`` a sector of the lexicon, ``X`` an item that is not one)::

    list    := levels? first ( "、" item )* tail? closing?
    levels  := ( level "、" )*               市、 / 市、区县（自治县）、: bare levels, each an item
    first   := place? item                  the first sector, the place written once before it
                                            (two places joined by 和 are two levels)
    place   := … ( 人民政府 | 政府 | 行政公署 | level | 级 | 以上 )   a place or its government
    item    := S work? bracket? | X         S管理, S执法 are S; a bracket after S (its other name) dropped
    tail    := ( 和 | 及 | 以及 | 与 ) body   a body or a collective (其他有关部门), kept as written;
                                            a collective takes the rest whole, 、 and all
    closing := 等 kind ( 和 bodies )?       等部门, 等有关部门, 等…管理部门, 等主管部门: left out
             | kind on the last item        …、民政部门: 部门 (主管部门, 行政部门) distributed

It is a sector list when two items at least are sectors of the lexicon and more than half of the
items are (an unknown sector among known ones does not break it), every other item a short field of
work or a body, and, when nothing closes it, every item a sector or a place written before them.
The place is restored on every item that writes none (``县级以上人民政府公安``), levels distributed
level by level, sector by sector; a body headed by 其他, 有关, 相关 or 各 keeps its own name.
Two sectors joined by 和 (林业和绿化) are one merged department's field, as 工业和信息化 is: only a body
after 和 ends the list. A run with no sector of the lexicon is not read here.

Constructed lists (no document's words):

>>> names = lambda t: [u.name for u in lexicon_sectors(t, 0, len(t)) or []]
>>> names("沿江各县人民政府审计、统计、医疗保障等部门")
['沿江各县人民政府审计', '沿江各县人民政府统计', '沿江各县人民政府医疗保障']
>>> names("气象（地震）、体育、退役军人事务等主管部门")
['气象', '体育', '退役军人事务']
>>> names("税务、信访、档案馆和其他相关单位")
['税务', '信访', '档案馆', '其他相关单位']
>>> names("州人民政府商务、粮食、烟草专卖")
['州人民政府商务', '州人民政府粮食', '州人民政府烟草专卖']
>>> names("人防、民政、统计部门")
['人防部门', '民政部门', '统计部门']
>>> names("市、县统计、审计、林草等部门")
['市统计', '县统计', '市审计', '县审计', '市林草', '县林草']

A known sector among words of another kind makes no list, nor a run of no known sector:

>>> names("财政、宣讲、走访、调研等工作"), names("甲乙、丙丁、戊己等部门"), names("审计、统计")
([], [], ['审计', '统计'])
>>> names("城区学校审计、统计等部门")  # 城区学校 reads as no place
[]
"""

from __future__ import annotations

import re

from .model import UnitMention
from .names import PHRASE_RE, TASK_VERBS, is_holder, jurisdiction_of, looks_like_unit
from .sector_lexicon import is_sector, longest_sector_suffix, two_bodies
from .sector_lists import typed_sectors
from .vocabulary import CLOSERS, OPENERS, SPACE

_LEVEL = r"(?:区县|自治[区州县旗]|[省市区县镇乡旗州])"
_BRACKETED = r"(?:[（(〔][\u4e00-\u9fff、]{1,8}[）)〕])"
# A bare level written as an item of its own before the first sector (市、县（市、区）…).
_LEVEL_ITEM_RE = re.compile(rf"{_LEVEL}{_BRACKETED}?(?:人民政府|政府)?")
# A place or its government before the first sector: whatever ends in 人民政府 or 政府 (铁路沿线县级以上
# 人民政府), in a level and its alternatives (…所在地县（区）), or in a rank (县级, 县级以上).
_PLACE_RE = re.compile(rf"[^、]*?(?:人民政府|政府|行政公署|{_LEVEL}{_BRACKETED}?|[省市区县镇乡]级(?:以上)?)")
_LEVEL_END_RE = re.compile(rf"{_LEVEL}{_BRACKETED}?$")
_GOV_RE = re.compile(r"(?:人民政府|政府|行政公署)$")
# What closes the list: 等 and the kind of body (a few words of what they do before it), or 等 alone.
_CLOSING_RE = re.compile(r"等(?:各|其他)?(?:(?:(?![和及与])[\u4e00-\u9fff]){0,12}?(?:部门|单位|机构|机关)"
                         r"(?:[、和及](?:有关|相关)?(?:单位|部门|机构))?)?"
                         r"(?:[（(](?:单位|部门|机构)[)）])?(?:[（(]以下(?:简称|统称|称)[^（）()\n]{1,20}[)）])?")
_JOINERS = ("以及", "和", "及", "与")
# The kind written once on the last sector and distributed: a department (机构 is a body's own name:
# 消防救援机构).
_KIND_RE = re.compile(r"(?:行政)?(?:主管)?部门$")
# A body named by the kind it is, after a sector: its stem is the sector (消防救援机构).
_BODY_KIND_RE = re.compile(r"(?:机构|部门|单位|机关|队伍|支队|大队)$")
# Parties no department: persons, everyone.
_NOT_A_FIELD_RE = re.compile(r"个人|人员|群众|公民|居民|村民|组织$")
_COLLECTIVE_HEADS = ("其他", "有关", "相关", "各", "本")
_NOT_CLOSING = ("高等", "平等", "同等", "中等", "初等")
_COLLECTIVE_TAIL_RE = re.compile(r"(?:以及|和|及|与)(?P<body>(?:其他|其它)?(?:有关|相关)?(?<=[他它关])[^、]*"
                                 r"(?:、[^、]+)*(?:部门|单位|机构|机关))$")
_STOPS = "，,。；;：:！？!?\n"


def _balanced(raw: str) -> bool:
    depth = 0
    for ch in raw:
        depth += (ch in OPENERS) - (ch in CLOSERS)
        if depth < 0:
            return False
    return depth == 0


def _depth_split(raw: str, seps: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of raw split at any of seps outside brackets."""
    out: list[tuple[int, int]] = []
    depth, start, i = 0, 0, 0
    while i < len(raw):
        ch = raw[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (sep := next((x for x in seps if raw.startswith(x, i)), None)):
            out.append((start, i))
            start = i + len(sep)
            i = start
            continue
        i += 1
    out.append((start, len(raw)))
    return out


def _unbracketed(item: str) -> tuple[str, str | None]:
    """A sector with its other name in brackets after it (水务（水利）, 城市管理（综合执法）) as the
    sector alone, and the bracket; a bracket inside a name (文化（文物）旅游) stays."""
    m = re.fullmatch(r"(.+?)[（(〔]([^（()）〔〕]{1,8})[)）〕]", item)
    if m is None or not longest_sector_suffix(m.group(1)):
        return item, None
    return m.group(1), m.group(2)


def _place(prefix: str) -> bool:
    """Does prefix read as a place or its government (not a body, not a clause with a verb)?"""
    if not prefix:
        return True
    if _PLACE_RE.fullmatch(prefix) is None or PHRASE_RE.search(prefix.replace("设区的", "")):
        return False
    if prefix.startswith(TASK_VERBS) or (looks_like_unit(prefix) and not _GOV_RE.search(prefix)
                                         and not _LEVEL_END_RE.search(prefix)):
        return False  # 县财政局: a body, no place
    # a level ending a word that is no place (城市, 城乡): the level must head a jurisdiction
    return bool(_GOV_RE.search(prefix) or prefix.endswith(("级", "以上"))
                or jurisdiction_of(prefix + "财政") is not None)


def _field(bare: str) -> bool:
    """A short field of work the lexicon does not know (排水), not a task, a phrase, persons or two
    names joined (生态环境和市)."""
    return (bool(re.fullmatch(r"[\u4e00-\u9fff]{2,8}", bare)) and not PHRASE_RE.search(bare)
            and not re.search(r"[和及与]", bare)
            and not bare.startswith(TASK_VERBS) and not _NOT_A_FIELD_RE.search(bare))


# A sector with the work it does on it (大数据管理, 港口行政管理, 海洋执法): still that sector.
_WORK_RE = re.compile(r"(?:行政)?(?:管理|监管|监督管理|执法|行政)$")


def _known(item: str) -> bool:
    """A sector of the lexicon, written alone, with the work done on it (数据管理), joined to another
    (林业和绿化, a merged department), or as a body named by its sector and kind (消防救援机构)."""
    if is_sector(item) or ((w := _WORK_RE.search(item)) is not None and is_sector(item[: w.start()])):
        return True
    if (j := re.search(r"[和与]", item)) is not None and is_sector(item[: j.start()]) \
            and is_sector(item[j.end() :]):
        return True  # 林业和绿化: two fields one merged department holds
    k = _BODY_KIND_RE.search(item)
    return k is not None and is_sector(item[: k.start()])


def lexicon_sectors(text: str, s: int, e: int) -> list[UnitMention] | None:
    """text[s:e] as a sector list read by the lexicon (see the module's grammar), or None."""
    while s < e and text[s] in SPACE:
        s += 1
    while e > s and text[e - 1] in SPACE:
        e -= 1
    raw = text[s:e]
    if "、" not in raw or any(c in raw for c in _STOPS):
        return None
    if not _balanced(raw):
        return None  # a span cut inside a bracket (区）人民政府公安…) is no list
    run_end, tail = len(raw), []
    closed = deng = False  # closed: the list's end shown; deng: by 等…
    # a collective after 和 / 及 closes the list whole, 、 and all (…、城管及其他有关行业、专业主管部门)
    if (c := _COLLECTIVE_TAIL_RE.search(raw)) is not None and _balanced(raw[: c.start()]):
        run_end, tail, closed = c.start(), [(c.start("body"), len(raw))], True
    k = raw.rfind("等", 0, run_end)
    if raw[k - 1 : k + 1] in _NOT_CLOSING:
        k = -1  # 高等教育: 等 inside a field's name
    if k > 0:
        if _CLOSING_RE.fullmatch(raw, k, run_end) is not None:
            run_end, closed, deng = k, True, True
        else:
            # …等部门和消防救援机构: bodies after the closing, each a holder
            after = _CLOSING_RE.match(raw, k).end()  # type: ignore[union-attr]  # 等 always matches
            joiner = next((j for j in _JOINERS if raw.startswith(j, after)), None)
            rest = raw[after + len(joiner) :] if joiner is not None else ""
            if tail or not rest or not all(is_holder(p.strip()) for p in rest.split("、")):
                return None  # 财政、民政等工作: a 等 closing no list of bodies
            pos = after + len(rest and joiner or "")
            for p in rest.split("、"):
                tail.append((pos, pos + len(p)))
                pos += len(p) + 1
            run_end, closed, deng = k, True, True
    items = _depth_split(raw[:run_end], ("、",))
    if len(items) < 2 or any(a >= b for a, b in items):
        return None
    # the last item may name a body after 和 (…、消防救援机构和其他有关部门)
    a, b = items[-1]
    parts = _depth_split(raw[a:b], _JOINERS)
    whole = raw[a:b]
    for (_la, lb), (ja, jb) in zip(parts, parts[1:], strict=False):
        # two fields joined (工业和信息化, 林业和绿化) are one merged department's field: only a body after
        # 和 ends the list
        right = raw[a + ja : a + jb]
        if not closed and is_holder(right) and not is_sector(whole):
            items[-1], tail, closed = (a, a + lb), [(a + ja, a + jb)], True
            break
    # bare levels before the first sector (市、县（市、区）…)
    n_levels = 0
    while n_levels < len(items) - 1 and _LEVEL_ITEM_RE.fullmatch(raw[slice(*items[n_levels])]):
        n_levels += 1
    sectors = items[n_levels:]
    if len(sectors) < 2 and not (n_levels and sectors):
        return None
    # the kind written once on the last sector (…、民政部门), when no 等 closes the list (a body after
    # 和 may: …、税务部门及乡镇人民政府)
    kind = ""
    last = raw[slice(*sectors[-1])]
    if not deng and (km := _KIND_RE.search(last)) is not None and km.start() >= 2:
        stem = _unbracketed(last[: km.start()])[0]
        if is_sector(stem) or _field(stem):
            kind, closed = km.group(0), True
            sectors[-1] = (sectors[-1][0], sectors[-1][0] + km.start())
    # the first sector and the place written before it
    first, alias0 = _unbracketed(raw[slice(*sectors[0])])
    sector0 = first if is_sector(first) else longest_sector_suffix(first)
    place = first[: len(first) - len(sector0)] if sector0 else ""
    if not sector0:
        gov = re.match(r".*?(?:人民政府|政府|行政公署)", first)
        place = gov.group(0) if gov is not None and gov.end() < len(first) else ""
    if not _place(place):
        return None
    prefixes = [place]
    # two places joined by 和 (市和…所在地县（区）): levels, distributed as 市、县… are; a bare level shares
    # the government the other writes
    if (j := place.find("和")) > 0 and _balanced(place[:j]) and _place(place[:j]) and _place(place[j + 1 :]):
        gov = _GOV_RE.search(place)
        own = gov.group(0) if gov is not None and _LEVEL_ITEM_RE.fullmatch(place[:j]) else ""
        prefixes = [place[:j] + own, place[j + 1 :]]
    if n_levels and len(prefixes) == 1:
        if not place:
            return None
        gov = _GOV_RE.search(place)
        own = gov.group(0) if gov is not None and _LEVEL_ITEM_RE.fullmatch(place) else ""
        prefixes = [raw[slice(*items[j])] + ("" if _GOV_RE.search(raw[slice(*items[j])]) else own)
                    for j in range(n_levels)] + [place]
    # each item: a known sector, a field of work, or a body
    known = 0
    readings: list[tuple[int, int, str, str | None, bool]] = []  # span, bare name, bracket, place restored
    for i, (ia, ib) in enumerate(sectors):
        item, alias = (first, alias0) if i == 0 else _unbracketed(raw[ia:ib])
        bare = item[len(place):] if i == 0 else item
        restore = True
        if _known(bare):
            known += 1
        elif i > 0 and (own := longest_sector_suffix(bare)) and _place(bare[: len(bare) - len(own)]) \
                and jurisdiction_of(bare) is not None:
            known += 1  # a sector writing its own place (区财政): kept as written
            restore = False
        elif looks_like_unit(bare) and not kind:
            restore = not bare.startswith(_COLLECTIVE_HEADS) and jurisdiction_of(bare) is None
        elif not _field(bare):
            return None
        readings.append((ia, ib, bare, alias, restore))
    if known < 2 or 2 * known <= len(sectors):
        return None
    if not closed and not place and known < len(sectors):
        return None  # nothing shows where an open list of unknown words ends
    out: list[UnitMention] = []
    for i, (ia, ib, bare, alias, restore) in enumerate(readings):
        if kind and alias is not None:
            # 城市管理（综合行政执法）、行政审批服务部门 (r1941): the kind written once is distributed, so the
            # bracket stands inside the name, more of it after it, and is kept as written (README, After
            # batches AY–BG, brackets in names), unlike 城市管理（综合执法）等…部门 (r1682), dropped
            written = raw[ia:ib]
            bare, alias = (written[len(place) :] if i == 0 else written), None
        for p in prefixes if restore else [""]:
            name = p + bare + kind
            as_written = raw[ia:ib]
            reading = ("elided prefix restored" if (i > 0 or n_levels) and p
                       else "shared suffix" if kind else None)
            out.append(UnitMention(name=name, as_written=as_written, start=s + ia, end=s + ib, alias=alias,
                                   reading=reading if name != as_written else None,
                                   prefix_restored=reading == "elided prefix restored"))
    for ta, tb in tail:
        body = raw[ta:tb].strip()
        out.append(UnitMention(name=body, as_written=raw[ta:tb], start=s + ta, end=s + tb))
    return out


def sector_list(text: str, s: int, e: int) -> list[UnitMention] | None:
    """text[s:e] as a list of sectors: sector_lists' reading by shape, else this module's by the lexicon;
    the lexicon's where both read the same items and it restores the place the shape reader left on the
    first only (各级人民政府审计、统计、信访等部门: 各 heads no place sector_lists knows).

    >>> [u.name for u in sector_list("各级人民政府审计、统计等部门", 0, 14) or []]
    ['各级人民政府审计', '各级人民政府统计']
    >>> [u.name for u in sector_list("县、镇水利、交通等单位", 0, 11) or []]
    ['县水利', '镇水利', '县交通', '镇交通']
    """
    return _split_two_bodies(_either(text, s, e))


def _either(text: str, s: int, e: int) -> list[UnitMention] | None:
    typed = typed_sectors(text, s, e)
    lexicon = lexicon_sectors(text, s, e)
    if typed and lexicon and len(typed) == len(lexicon) and all(
            b.name.endswith(a.name) for a, b in zip(typed, lexicon, strict=True)):
        return lexicon
    if typed and lexicon and len(lexicon) > len(typed) and "和" in _place_of(typed[0].name) \
            and not any("和" in _place_of(u.name) for u in lexicon):
        return lexicon  # 市和…县（区）水行政: two places joined by 和 the shape reader kept as one
    return typed or lexicon


def _split_two_bodies(units: list[UnitMention] | None) -> list[UnitMention] | None:
    """Each sector naming two bodies (sector_lexicon.two_bodies: 应急管理和消防救援, r1984) as the two."""
    if not units:
        return units
    out: list[UnitMention] = []
    for u in units:
        pair = two_bodies(u.name) if u.alias is None else None
        if pair is None:
            out.append(u)
            continue
        out += [u.model_copy(update={"name": n, "reading": "和-joined"}) for n in pair]
    return out


def _place_of(name: str) -> str:
    sector = longest_sector_suffix(name)
    return name[: len(name) - len(sector)] if sector else ""


__all__ = ["lexicon_sectors", "sector_list"]
