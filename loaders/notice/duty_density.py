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


__all__ = ["MIN_ITEMS", "SHARE", "dense_headings"]
