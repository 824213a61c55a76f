"""Duty lists in a bracket inside an article or paragraph.

A town's rules may close an article with who does what, unit by unit, in one
bracket: ``（城建中心：负责推进…。城运中心：及时受理…。公安派出所：协助…）`` (r900).
Each ``单位：`` item in it is a duty item of its own, read as a duty list's item
is (the first role verb of its duty; none gives responsible). A bracket holding
one such item only may be a note, and is not read.
"""

from __future__ import annotations

from .duty_words import MAX_HEADING, ROLE_IN_NAME_RE, duty_role, unit_list
from .model import Attribution, UnitMention
from .names import PHRASE_RE, TASK_VERBS, looks_like_unit
from .roles import bracket_spans

_HEAD_STOPS = "。，,；;！？\n()（）"


def _qualified(text: str, s: int, k: int) -> list[UnitMention] | None:
    """城运中心安全生产: a body's name, then the field its part works in (2–4 characters),
    as written (the part of 城运中心 that deals with 安全生产)."""
    for j in range(k - 2, max(s + 1, k - 4) - 1, -1):
        field = text[j:k]
        if (looks_like_unit(text[s:j]) and not text.startswith(TASK_VERBS, j) and not PHRASE_RE.search(field)
                and not ROLE_IN_NAME_RE.search(field)):
            return [UnitMention(name=text[s:k], as_written=text[s:k], start=s, end=k)]
    return None


def _head(text: str, s: int, close: int) -> tuple[list[UnitMention], int] | None:
    """The units heading an item at s and the colon after them, or None."""
    for k in range(s + 1, min(close, s + MAX_HEADING + 1)):
        if text[k] in "：:":
            units = unit_list(text, s, k) or _qualified(text, s, k)
            return (units, k) if units else None
        if text[k] in _HEAD_STOPS:
            return None
    return None


def _items(text: str, o: int, c: int) -> list[tuple[int, int, list[UnitMention]]]:
    """(start, colon, units) of the 单位： items of the bracket text[o:c + 1]."""
    first = _head(text, o + 1, c)
    if first is None:
        return []
    items = [(o + 1, first[1], first[0])]
    k = text.find("。", first[1], c)
    while k != -1:
        got = _head(text, k + 1, c)
        if got is not None:
            items.append((k + 1, got[1], got[0]))
        k = text.find("。", (got[1] if got else k + 1), c)
    return items


def bracket_duties(text: str) -> tuple[list[tuple[int, int, str, Attribution, int]], list[tuple[int, int]]]:
    """The duty items of the document's bracketed duty lists, as (start, end, role verb,
    attribution, duty start), and the (open, close) offsets of those brackets."""
    items: list[tuple[int, int, str, Attribution, int]] = []
    spans: list[tuple[int, int]] = []
    for o, c in bracket_spans(text, 0, len(text)):
        found = _items(text, o, c)
        if len(found) < 2:
            continue
        spans.append((o, c))
        for i, (s, colon, units) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else c
            role, verb = duty_role(text, colon + 1, end)
            items.append((s, end, verb, Attribution(role=role, label=verb or "职责分工", clause=text[s:colon],
                                                    start=s, end=colon, units=units), colon + 1))
    return items, spans
