"""Layout: is the text hard-wrapped at a fixed width (PDF-to-text)?"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .vocabulary import CLOSERS, SPACE


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


# A line that ends like this was ended by its author, not by the page width.
_ENDS_A_SENTENCE = ("。", "；", ";", "：", ":")
# Lines of a list that all end like this are no evidence of a page width.
_ENDS_A_LINE = (*_ENDS_A_SENTENCE, *CLOSERS)


@dataclass(frozen=True)
class Layout:
    wrap_width: int | None  # a line at least this wide was broken by the page, not the author

    def wrapped_line_ends_at(self, text: str, nl: int) -> bool:
        """True when the line ending at newline `nl` was cut by the page width."""
        if self.wrap_width is None:
            return False
        line = text[text.rfind("\n", 0, nl) + 1 : nl].rstrip(SPACE)
        return display_width(line) >= self.wrap_width and not line.endswith(_ENDS_A_SENTENCE)



def detect_layout(text: str) -> Layout:
    """Is the text cut at a page width? Then many distinct lines share (nearly)
    the widest width, hardly any line is wider, and those lines stop anywhere,
    not mostly at a full stop or a closing bracket (a list of equal lines)."""
    lines = {ln.rstrip(SPACE) for ln in text.split("\n")}
    measured = sorted(((w, ln) for ln in lines if (w := display_width(ln)) >= 24), reverse=True)
    widths = [w for w, _ln in measured]
    for page in dict.fromkeys(widths):
        wider = sum(1 for w in widths if w > page + 1)
        if wider > 0.1 * len(widths):
            break
        full = [ln for w, ln in measured if page - 3 <= w <= page + 1]
        cut_anywhere = sum(1 for ln in full if not ln.endswith(_ENDS_A_LINE))
        # A page is at least 40 columns (20 Chinese characters) wide.
        if page >= 40 and len(full) >= 3 and len(full) >= 0.3 * len(widths) and cut_anywhere * 2 > len(full):
            # A line the page cut may stop two characters short of it: a closing
            # bracket and a full stop (配合）。) may not start the next line, so the
            # character before them moves down with them.
            return Layout(page - 5)
    return Layout(None)


