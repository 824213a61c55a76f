"""Parse a policy notice into its document, sections, measures and attributions.

Works on the text exactly as given: every span is an offset into the original
string, so a quoted clause can always be found again where it came from.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pydantic import BaseModel, Field

MAX_DOCUMENT_CHARS = 2_000_000

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


class NoticeError(ValueError):
    """A document that cannot be read as a notice; says what and where."""


def cn_numeral_to_int(s: str) -> int:
    """'十一' -> 11, '二十' -> 20, '三' -> 3, '12' -> 12."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s or any(ch not in CN_DIGITS and ch not in "十百" for ch in s):
        raise ValueError(f"not a numeral: {s!r}")
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CN_DIGITS[ch]
    return total + current


def int_to_cn_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


class Span(BaseModel):
    start: int
    end: int


class UnitMention(BaseModel):
    """One unit named in an attribution, as written and as cleaned."""

    name: str  # whitespace and page footers removed, elided prefix restored
    as_written: str  # the exact characters in the document
    start: int
    end: int
    prefix_restored: bool = False


class Attribution(BaseModel):
    role: str  # lead | responsible | support
    label: str  # the label as written, e.g. 牵头单位
    clause: str  # label plus its list, exactly as written
    start: int
    end: int
    units: list[UnitMention]


class Measure(BaseModel):
    number: int
    numeral: str
    section: int | None
    title: str
    text: str
    start: int
    end: int
    attributions: list[Attribution] = Field(default_factory=list)

    def units(self, role: str) -> list[str]:
        return [u.name for a in self.attributions if a.role == role for u in a.units]


class Section(BaseModel):
    number: int
    title: str
    start: int
    end: int


class Notice(BaseModel):
    id: str
    title: str
    issuer: list[str]
    date: str | None
    text: str
    sha256: str
    source: str
    sections: list[Section]
    measures: list[Measure]

    def measure(self, number: int) -> Measure:
        for m in self.measures:
            if m.number == number:
                return m
        raise KeyError(number)


# ---------------------------------------------------------------------------
# patterns

_CN_NUM = "[一二三四五六七八九十百]+"
_OPEN = "(（"
_CLOSE = ")）"
# A section header: "一、..." on its own line.
SECTION_RE = re.compile(rf"^[^\S\n]*({_CN_NUM})、(.+?)[^\S\n]*$", re.M)
# A measure header at the start of a line: (一) （一） 1. 1． （1） (1)
MEASURE_RE = re.compile(
    rf"^[^\S\n]*(?:[{_OPEN}]({_CN_NUM}|\d{{1,3}})[{_CLOSE}]|(\d{{1,3}})[.．、](?!\d))",
    re.M,
)
# Attribution labels, longest first so 主要责任单位 wins over 责任单位.
LABELS = {
    "主要牵头单位": "lead",
    "牵头单位": "lead",
    "牵头部门": "lead",
    "牵头": "lead",
    "主要责任单位": "responsible",
    "责任单位": "responsible",
    "责任部门": "responsible",
    "配合单位": "support",
    "配合部门": "support",
    "协办单位": "support",
    "参与单位": "support",
    "协同单位": "support",
}
LABEL_RE = re.compile(
    "(" + "|".join(sorted(LABELS, key=len, reverse=True)) + r")[ \t\u3000]*[:：]"
)
DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# Page footers left by PDF-to-text: "— 3 —", "- 12 -", "第 3 页".
FOOTER_RE = re.compile(r"[—–\-]{1,2}\s*\d{1,4}\s*[—–\-]{1,2}|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?")
LIST_SEPARATORS = "、，,；;"
BRACKET_PAIRS = {"(": ")", "（": "）", "〔": "〕", "[": "]", "【": "】"}
# Words that name a kind of body but no jurisdiction; a list item that starts
# with one borrows the jurisdiction prefix of the item before it
# ("各县〔区〕党委〔工委〕、人民政府〔管委会〕").
HEADLESS_BODIES = ("人民政府", "政府", "党委", "党工委", "工委", "管委会", "纪委", "人大", "政协")


def _clean_name(raw: str) -> str:
    s = FOOTER_RE.sub("", raw)
    s = re.sub(r"\s+", "", s)
    s = s.strip("。.:：")
    for suffix in ("等有关部门", "等相关部门", "等部门", "等单位", "等"):
        if s.endswith(suffix) and len(s) > len(suffix):
            s = s[: -len(suffix)]
            break
    return s


def _split_list(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Split a unit list on separators outside brackets; spans are absolute."""
    items: list[tuple[str, int, int]] = []
    depth = 0
    start = 0
    closers = set(BRACKET_PAIRS.values())
    for i, ch in enumerate(text):
        if ch in BRACKET_PAIRS:
            depth += 1
        elif ch in closers:
            depth = max(0, depth - 1)
        elif ch in LIST_SEPARATORS and depth == 0:
            items.append((text[start:i], offset + start, offset + i))
            start = i + 1
    items.append((text[start:], offset + start, offset + len(text)))
    out = []
    for raw, s, e in items:
        # Trim whitespace at the edges but keep the span on the written characters.
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        raw2 = raw[lead : len(raw) - trail] if trail else raw[lead:]
        if _clean_name(raw2):
            out.append((raw2, s + lead, e - trail))
    return out


def _jurisdiction_prefix(name: str) -> str | None:
    for body in HEADLESS_BODIES:
        i = name.find(body)
        if i > 0:
            return name[:i]
    return None


def _restore_prefixes(mentions: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in mentions:
        if out and m.name.startswith(HEADLESS_BODIES):
            prefix = _jurisdiction_prefix(out[-1].name)
            if prefix:
                m = m.model_copy(update={"name": prefix + m.name, "prefix_restored": True})
        out.append(m)
    return out


def _find_attribution_region(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """Locate the attribution inside a measure block.

    Returns (region_start, labels_start, region_end): region_start includes an
    opening bracket when there is one (measure 1 of the seed has none).
    """
    block = text[start:end]
    first = LABEL_RE.search(block)
    if first is None:
        return None
    labels_start = start + first.start()
    # The opening bracket, if any, sits just before the first label.
    j = labels_start - 1
    while j >= start and text[j] in " \t\u3000\n":
        j -= 1
    has_open = j >= start and text[j] in _OPEN + "〔【["
    region_start = j if has_open else labels_start
    # The attribution ends at the bracket closing it (depth 0), else at the end
    # of the block, trimmed.
    depth = 0
    k = labels_start
    region_end = None
    closers = _CLOSE + "〕】]"
    while k < end:
        ch = text[k]
        if ch in BRACKET_PAIRS:
            depth += 1
        elif ch in closers:
            if depth == 0:
                region_end = k + 1
                break
            depth -= 1
        k += 1
    if region_end is None:
        region_end = end
        while region_end > labels_start and text[region_end - 1] in " \t\u3000\n。":
            region_end -= 1
    return region_start, labels_start, region_end


def _parse_attributions(text: str, labels_start: int, region_end: int) -> list[Attribution]:
    inner_end = region_end
    if text[region_end - 1] in _CLOSE + "〕】]":
        inner_end = region_end - 1
    labels = list(LABEL_RE.finditer(text, labels_start, inner_end))
    out: list[Attribution] = []
    for i, lm in enumerate(labels):
        seg_end = labels[i + 1].start() if i + 1 < len(labels) else inner_end
        list_start = lm.end()
        list_text = text[list_start:seg_end]
        # Trailing separators between two labels are not part of a name.
        stripped = list_text.rstrip(" \t\u3000\n;；,，。")
        clause_end = list_start + len(stripped)
        mentions = [
            UnitMention(name=_clean_name(raw), as_written=raw, start=s, end=e)
            for raw, s, e in _split_list(stripped, list_start)
        ]
        mentions = _restore_prefixes(mentions)
        out.append(
            Attribution(
                role=LABELS[lm.group(1)],
                label=lm.group(1),
                clause=text[lm.start() : clause_end],
                start=lm.start(),
                end=clause_end,
                units=mentions,
            )
        )
    return out


def _document_title(text: str) -> str:
    m = re.search(r"《([^》]{2,120})》", text)
    if m:
        return re.sub(r"\s+", "", m.group(1))
    for line in text.splitlines():
        line = line.strip()
        if 4 <= len(line) <= 120 and not line.startswith(("今日", "发布时间")):
            return line
    raise NoticeError("no title: the document has no 《…》 title and no non-empty line")


def _issuers(text: str, first_measure: int) -> list[str]:
    """Issuing offices: the short lines just before the first date."""
    dm = DATE_RE.search(text, 0, first_measure)
    if not dm:
        return []
    lines = text[: dm.start()].splitlines()
    found: list[str] = []
    for line in reversed(lines):
        s = line.strip()
        if not s:
            continue
        if len(s) <= 30 and re.search(r"(办公室|委员会|人民政府|党委|委|局|厅|部)$", s):
            found.append(re.sub(r"\s+", "", s))
        else:
            break
    return list(reversed(found))


def parse_notice(text: str, *, source: str = "<text>", doc_id: str | None = None) -> Notice:
    if not isinstance(text, str):
        raise NoticeError(f"{source}: expected text, got {type(text).__name__}")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise NoticeError(
            f"{source}: document is {len(text):,} characters; the limit is {MAX_DOCUMENT_CHARS:,}"
        )
    if "\x00" in text:
        raise NoticeError(f"{source}: contains NUL bytes; this looks like a binary file")
    if not text.strip():
        raise NoticeError(f"{source}: the document is empty")

    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    sections = [
        (m.start(), cn_numeral_to_int(m.group(1)), m.group(2).strip(), m.end())
        for m in SECTION_RE.finditer(text)
    ]
    headers = []
    for m in MEASURE_RE.finditer(text):
        num = m.group(1) or m.group(2)
        try:
            headers.append((m.start(), m.end(), cn_numeral_to_int(num), num))
        except ValueError:
            continue
    if not headers:
        raise NoticeError(f"{source}: no numbered measures found (expected (一), 一、, 1. …)")

    boundaries = sorted([h[0] for h in headers] + [s[0] for s in sections])
    measures: list[Measure] = []
    seen_numbers: set[int] = set()
    for h_start, h_end, number, numeral in headers:
        block_end = next((b for b in boundaries if b > h_start), len(text))
        region = _find_attribution_region(text, h_end, block_end)
        if region is None:
            continue  # a numbered paragraph with no attribution is not a measure
        region_start, labels_start, region_end = region
        attributions = _parse_attributions(text, labels_start, region_end)
        if not any(a.units for a in attributions):
            continue
        if number in seen_numbers:
            raise NoticeError(f"{source}: measure {number} appears twice (offset {h_start})")
        seen_numbers.add(number)
        body = text[h_end:region_start].strip()
        title_m = re.match(r"[^。！？!?\n]{1,120}[。！？!?]?", body)
        title = (title_m.group(0) if title_m else body[:60]).rstrip("。")
        section_no = None
        for s_start, s_no, _t, _e in sections:
            if s_start < h_start:
                section_no = s_no
        text_start = h_start + (len(text[h_start:h_end]) - len(text[h_start:h_end].lstrip()))
        measures.append(
            Measure(
                number=number,
                numeral=int_to_cn_numeral(number),
                section=section_no,
                title=title,
                text=text[text_start:region_end],
                start=text_start,
                end=region_end,
                attributions=attributions,
            )
        )
    if not measures:
        raise NoticeError(
            f"{source}: no attributions found — no measure names a 牵头单位/责任单位/配合单位"
        )

    section_models: list[Section] = []
    for i, (s_start, s_no, s_title, _e) in enumerate(sections):
        s_end = sections[i + 1][0] if i + 1 < len(sections) else max(m.end for m in measures)
        if any(s_start < m.start < s_end for m in measures):
            section_models.append(Section(number=s_no, title=s_title, start=s_start, end=s_end))

    dm = DATE_RE.search(text, 0, measures[0].start)
    date = f"{int(dm.group(1)):04d}-{int(dm.group(2)):02d}-{int(dm.group(3)):02d}" if dm else None
    return Notice(
        id=doc_id or f"doc-{sha[:12]}",
        title=_document_title(text),
        issuer=_issuers(text, measures[0].start),
        date=date,
        text=text,
        sha256=sha,
        source=source,
        sections=section_models,
        measures=sorted(measures, key=lambda m: m.number),
    )


def read_notice(path: str | Path, *, doc_id: str | None = None) -> Notice:
    p = Path(path)
    if not p.is_file():
        raise NoticeError(f"{p}: no such file")
    size = p.stat().st_size
    if size > MAX_DOCUMENT_CHARS * 4:
        raise NoticeError(f"{p}: {size:,} bytes is larger than a notice can be")
    raw = p.read_bytes()
    if b"\x00" in raw[:8192]:
        raise NoticeError(f"{p}: binary file (NUL bytes), not a text notice")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError as e:
            raise NoticeError(f"{p}: not UTF-8 or GB18030 text (byte {e.start})") from None
    return parse_notice(text, source=str(p), doc_id=doc_id)
