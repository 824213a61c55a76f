"""Duty lists known by their structure, not their words.

A heading's words (二、职责分工, 第四条 部门职责) say a section is a duty list in
the documents the rules were written from; the next issuer titles it otherwise
(三、工作机制, （二）推进措施). What carries from one document to the next is the
shape: a section whose paragraphs mostly open with a unit name followed by a duty
(区建管委负责…, 街镇：配合…) lists who does what, whatever its heading says.

``dense_headings`` takes the headings (their starts, in order), the paragraphs
(their starts, in order) and which paragraphs open with a unit (the duty-list
reader's unit grammar decides that), and returns the headings whose own
paragraphs, up to the next heading, are a duty list: two at least opening with a
unit, and they at least two thirds of the paragraphs there. One pass over both
lists: linear in the document.

>>> dense_headings([0, 100, 200], [10, 20, 30, 110, 120, 130, 210], {10, 20, 30, 110})
{0}

Under heading 0 all three paragraphs open with a unit; under 100 one of three
does (a lead-in and prose, not a list); under 200 a single paragraph is no list.
"""

from __future__ import annotations

# At least this many paragraphs under a heading open with a unit…
MIN_ITEMS = 2
# …and they are at least this share (numerator, denominator) of its paragraphs.
SHARE = (2, 3)


def dense_headings(heading_starts: list[int], paragraph_starts: list[int],
                   unit_opened: set[int]) -> set[int]:
    """The headings under which most paragraphs open with a unit (see the module)."""
    out: set[int] = set()
    p = 0
    n = len(paragraph_starts)
    while p < n and heading_starts and paragraph_starts[p] < heading_starts[0]:
        p += 1  # paragraphs before the first heading sit under none
    for i, h in enumerate(heading_starts):
        stop = heading_starts[i + 1] if i + 1 < len(heading_starts) else None
        total = opened = 0
        while p < n and (stop is None or paragraph_starts[p] < stop):
            if paragraph_starts[p] > h:
                total += 1
                opened += paragraph_starts[p] in unit_opened
            p += 1
        if opened >= MIN_ITEMS and SHARE[1] * opened >= SHARE[0] * total:
            out.add(h)
    return out


def dense_groups(groups: dict[int, list[int]], headed: set[int], voiced: set[int]) -> set[int]:
    """The numbered items of sibling groups that are a duty list by their structure: at least two
    thirds of the siblings headed by a unit, and at least half of them (two at least) giving a duty in
    words (a role verb, 履行…职责). An item there giving no role word (区政府办公室按照法定程序…审核)
    is a duty too, as one under a heading naming duties is; steps of a procedure, few of them
    voicing a duty, are not.

    >>> sorted(dense_groups({1: [1, 2, 3], 2: [1, 2, 3], 3: [1, 2, 3]}, {1, 2, 3}, {1, 2}))
    [1, 2, 3]
    >>> sorted(dense_groups({1: [1, 2, 3], 2: [1, 2, 3], 3: [1, 2, 3]}, {1, 2, 3}, {1}))
    []
    """
    out: set[int] = set()
    seen: set[int] = set()
    for siblings in groups.values():
        if id(siblings) in seen:
            continue
        seen.add(id(siblings))
        n = len(siblings)
        opened = sum(s in headed for s in siblings)
        said = sum(s in voiced for s in siblings)
        if opened >= MIN_ITEMS and SHARE[1] * opened >= SHARE[0] * n and said >= MIN_ITEMS and 2 * said >= n:
            out.update(siblings)
    return out


__all__ = ["MIN_ITEMS", "SHARE", "dense_groups", "dense_headings"]
