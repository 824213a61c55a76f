"""Article titles that name a role (第四条 牵头职责, 第五条 协同职责, 第六条 配合职责): the role of the
units of the duty items under them.

A title naming a role says which role the article's units have, as a column header does: each duty
item of the article takes it whatever verb its paragraph uses (区发改委负责… under 牵头职责 is
``lead``; 各镇人民政府负责…配合等工作 under 配合职责 is ``support``, r1142). The title decides the role
only: which items and units are read is decided as without it. A title naming no role word
(第七条 主体职责) changes nothing.

>>> from govgraph.loaders.notice.duties import duty_items, headers_of
>>> text = "第一条 牵头职责\\n区发改委负责编制计划。\\n第二条 配合职责\\n各镇人民政府负责做好配套。\\n"
>>> headers = headers_of(text)
>>> duties = titled_roles(text, headers, duty_items(text, headers))
>>> [(d.attribution.role, d.attribution.units[0].name) for d in duties]
[('lead', '区发改委'), ('support', '各镇人民政府')]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import TYPE_CHECKING

from .numbering import Header
from .vocabulary import SPACE

if TYPE_CHECKING:
    from .duties import Duty

# The whole title line after the marker: a role word, then what it names (职责, 职能, 责任).
_ROLE_TITLE_RE = re.compile(r"(牵头|协同|配合|协助|协办|参与)(?:职责|职能|责任)")
_TITLE_ROLES = {"牵头": "lead", "协同": "support", "配合": "support", "协助": "support", "协办": "support",
                "参与": "support"}


def _title_role(text: str, h: Header) -> str | None:
    """The role an article's title names (第四条 牵头职责 → lead), or None."""
    if h.style != "article":
        return None
    line_end = text.find("\n", h.end)
    m = _ROLE_TITLE_RE.fullmatch(text[h.end : len(text) if line_end < 0 else line_end].strip(SPACE))
    return _TITLE_ROLES[m.group(1)] if m else None


def titled_roles(text: str, headers: list[Header], duties: list[Duty]) -> list[Duty]:
    """``duties`` (sorted by start), each under an article title naming a role given that role."""
    starts = [d.start for d in duties]
    out = list(duties)
    for k, h in enumerate(headers):
        role = _title_role(text, h)
        if role is None:
            continue
        # the article runs to the next header of its rank or above
        end = next((g.start for g in headers[k + 1 :] if g.rank <= h.rank), len(text))
        for i in range(bisect.bisect_left(starts, h.start), bisect.bisect_left(starts, end)):
            d = out[i]
            if d.attribution.units and d.attribution.role != role:
                out[i] = dataclasses.replace(d, attribution=d.attribution.model_copy(update={"role": role}))
    return out
