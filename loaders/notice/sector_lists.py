"""Lists of sectors standing for their bodies, typed by what closes them: ``等单位`` / ``等有关部门``.

District duty rules name the departments that share a duty by their sectors, behind one
place prefix, and close the list with the kind of body they are, sometimes qualified:
``区交通、生态环境、绿化市容、…、农业农村等市政交通设施、公共服务设施相关部门`` (r1120),
``区发展改革、财政、税务、国资等有关部门``, ``排水、公安等部门`` (r1043),
``项目管理人、居委、物业、代建、设计、监理、施工等单位`` (r656). Each sector is a body, written
as it stands; the place prefix the first one carries is restored on the others (``区财政``);
the closing ``等…部门`` (qualifier and all) is left out, its ``部门`` not distributed.

>>> [u.name for u in typed_sectors("区发展改革、财政、税务等有关部门", 0, 16)]
['区发展改革', '区财政', '区税务']
>>> [u.name for u in typed_sectors("排水、公安等部门", 0, 8)]
['排水', '公安']
>>> typed_sectors("加强领导、落实责任等工作", 0, 12) is None
True
"""

from __future__ import annotations

import re

from .model import UnitMention
from .names import PHRASE_RE
from .unit_lists import list_mentions

# 等单位, 等有关部门, 等职能部门, and a qualifier before them (等市政交通设施、
# 公共服务设施相关部门), and 等各有关管理部门 (r1140).
TYPED_END_RE = re.compile(r"等各?(?:[\u4e00-\u9fff、]{2,30}?(?:有关|相关))?(?:有关|相关)?(?:职能|管理)?"
                          r"(?:单位|部门)\s*$")
_SECTOR_RE = re.compile(r"[\u4e00-\u9fff]{2,8}")
_PLACE_PREFIXES = ("区", "市", "县", "镇", "省")


def typed_sectors(text: str, s: int, e: int) -> list[UnitMention] | None:
    """text[s:e] as a list of sectors closed by 等…单位 / 等…部门, or None."""
    typed = TYPED_END_RE.search(text, s, e)
    if typed is None or typed.start() - s < 2:
        return None
    leads, mentions = list_mentions(text, s, typed.start())
    units = leads + mentions
    if not units or not all(_SECTOR_RE.fullmatch(u.name) and not PHRASE_RE.search(u.name) for u in units):
        return None
    first = units[0].name
    prefix = first[0] if first.startswith(_PLACE_PREFIXES) and len(first) >= 3 else ""
    if not prefix or len(units) < 2 or any(u.name.startswith(prefix) for u in units[1:]):
        return units
    return [units[0]] + [u.model_copy(update={"name": prefix + u.name, "prefix_restored": True,
                                              "reading": "elided prefix restored"}) for u in units[1:]]


__all__ = ["TYPED_END_RE", "typed_sectors"]
