"""Document metadata: title, date and issuers."""

from __future__ import annotations

import re

from .layout import Layout, display_width
from .numerals import CN_DIGITS, cn_numeral_to_int
from .vocabulary import CN_DATE_RE, DATE_RE, ISSUER_END_RE, SPACE, TITLE_END_RE


def _logical_lines(head: str, layout: Layout) -> list[str]:
    """Lines as the author wrote them: a line the page width cut is joined to the next."""
    out: list[str] = []
    carry = ""
    for raw in head.split("\n"):
        line = carry + raw.strip(SPACE)
        carry = ""
        if layout.wrap_width is not None and display_width(raw.rstrip(SPACE)) >= layout.wrap_width:
            carry = line
            continue
        out.append(line)
    return out + ([carry] if carry else [])


def document_title(text: str, first_measure: int, layout: Layout) -> str:
    head = text[:first_measure]
    m = re.search(r"关于印发[“\"]?《([^》]{2,120})》|《([^》]{2,120})》的通知", head)
    if m:
        return re.sub(r"\s+", "", m.group(1) or m.group(2))
    lines = _logical_lines(head, layout)
    for line in lines:
        # On a one-line document the title is the first words, before a space or full stop.
        for candidate in dict.fromkeys([line, re.split(r"\s+|。", line, maxsplit=1)[0]]):
            if 4 <= len(candidate) <= 120 and TITLE_END_RE.search(candidate):
                return re.sub(r"\s+", "", candidate)
    m = re.search(r"《([^》]{2,120})》", head)
    if m:
        return re.sub(r"\s+", "", m.group(1))
    for line in lines:
        if 4 <= len(line) <= 120 and not line.startswith(("今日", "发布时间")):
            return line
    # Everything on one line: the words before the first full stop or space run.
    first = re.split(r"[。！？\n]|[^\S\n]{2,}", text.strip(), maxsplit=1)[0].strip(SPACE)
    return first[:60] + ("…" if len(first) > 60 else "")


def _date_value(m: re.Match) -> str:
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if not y.isdigit():
        y = "".join(str(CN_DIGITS[ch]) for ch in y)
        mo, d = str(cn_numeral_to_int(mo)), str(cn_numeral_to_int(d))
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def _issuer_names(chunk: str) -> list[str] | None:
    if re.search(r"[:：，,、]", chunk):
        return None  # running text or a list, not a signature
    parts = chunk.split()
    if len(parts) > 1 and all(4 <= len(p) <= 30 and ISSUER_END_RE.search(p) for p in parts):
        return parts  # "中共某县委办公室 某县人民政府办公室"
    joined = "".join(parts)  # also "中 共 安 顺 市 委 办 公 室"
    if 4 <= len(joined) <= 30 and ISSUER_END_RE.search(joined):
        return [joined]
    return None


def _issuers_before(text: str, pos: int, floor: int) -> list[str]:
    """Issuing offices: the short chunks just before a date (not before `floor`), nearest last."""
    chunks = re.split(r"[\n。；;！？]", text[max(floor, pos - 400) : pos])
    found: list[str] = []
    for chunk in reversed(chunks):
        if not chunk.strip():
            continue
        names = _issuer_names(chunk)
        if names is None:
            break
        found[:0] = names
    return found


def _letterhead_issuers(text: str, first: int) -> list[str]:
    """Issuers named on the first lines, above the title, when no date sits under them."""
    found: list[str] = []
    for line in text[:first].split("\n"):
        if not line.strip():
            continue
        names = _issuer_names(line.strip())
        if names is None:
            break
        found.extend(names)
    return found


def date_and_issuers(text: str, first: int, last: int) -> tuple[str | None, list[str]]:
    """The date and issuers the text gives: a cover note's before the first
    measure, or a signature's after the last; a date in running text
    ("2022年9月1日起施行") is no date."""
    dates = sorted([*DATE_RE.finditer(text), *CN_DATE_RE.finditer(text)], key=lambda m: m.start())
    front = [d for d in dates if d.end() <= first]
    back = [d for d in reversed(dates) if d.start() >= last]
    for d, floor in [(d, 0) for d in front] + [(d, last) for d in back]:
        issuers = _issuers_before(text, d.start(), floor)
        if issuers:
            return _date_value(d), issuers
    date = None
    for d in front + back:
        line_start = text.rfind("\n", 0, d.start()) + 1
        line_end = text.find("\n", d.end())
        rest = text[line_start : line_end if line_end != -1 else len(text)]
        if re.fullmatch(r"\s*" + re.escape(d.group(0)) + r"\s*(印发|印|发布)?\s*", rest):
            date = _date_value(d)  # a date on a line of its own
            break
    if date is None and front:
        date = _date_value(front[0])  # the first date of the cover note
    return date, _letterhead_issuers(text, first)


