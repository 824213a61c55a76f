"""The parser: a document's text in, a Notice out."""

from __future__ import annotations

import bisect
import hashlib
import re
import time
from pathlib import Path

from .chapter_duties import by_division, chapter_duties, lead_in
from .duties import Duty, duty_items, general_articles, unlabelled_duty_list
from .duty_table import duty_table
from .fallback import ParagraphDuty, paragraph_duties
from .given_by import by_clauses, placed_clauses, with_clauses
from .layout import Layout, detect_layout
from .metadata import date_and_issuers, document_title
from .model import Attribution, Measure, Notice, NoticeError, Official, Section, Unread
from .numbering import (
    LINE_HEADER_RE,
    Header,
    accept_headers,
    article_item_ends,
    block_ends,
    closing_tails,
    measure_rank,
)
from .numerals import int_to_cn_numeral
from .pages import blank_footer_lines, join_broken_paragraphs, mend_label_separators, quoted_from, unwrap
from .persons import person_mentions
from .regions import find_regions, parse_attributions
from .roles import bare_brackets, role_brackets, role_lines
from .running_text import subject_clauses
from .tables import Table, column_role, read_table, table_rows
from .titled_roles import titled_roles
from .vocabulary import LABEL_RE, SPACE, label_role, where

MAX_DOCUMENT_CHARS = 2_000_000
# Wall-clock budget for reading one document: the passes are linear, so a real
# notice takes milliseconds; this stops a pathological one from holding a
# loader or an API worker.
MAX_PARSE_SECONDS = 20.0




# Control characters other than whitespace, and the replacement character a bad decode leaves.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _check_text(text: object, source: str) -> str:
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
    control = _CONTROL_RE.findall(text)
    if len(control) > max(8, len(text) // 100):
        first = next(_CONTROL_RE.finditer(text)).start()
        raise NoticeError(f"{source}: {len(control)} control characters (first at "
                          f"{where(text, first)}); this looks like a binary file, not a notice")
    return text


def _measure_title(body: str, wrapped: bool) -> str:
    if wrapped:  # a heading cut by the page width reads on over the break
        body = re.sub(r"[^\S\n]*\n[^\S\n]*", "", body)
    # The heading is the first sentence; a half-width "." ends it too, but not in "1.5".
    first = re.split(r"[。！？!?\n]|\.(?!\d)", body, maxsplit=1)[0]
    return (first[:120] if first.strip() else body[:60]).strip(SPACE)


def _sections(text: str, headers: list[Header], rank: int) -> list[tuple[Header, str]]:
    """Headers of the level just above the measures, with their titles."""
    above = [h.rank for h in headers if h.rank < rank]
    if not above:
        return []
    srank = max(above)
    out = []
    for i, h in enumerate(headers):
        if h.rank != srank:
            continue
        line_end = text.find("\n", h.end)
        stop = min(line_end if line_end != -1 else len(text),
                   headers[i + 1].start if i + 1 < len(headers) else len(text))
        out.append((h, text[h.end : stop].strip(SPACE)[:120]))
    return out


def _unread(text: str, start: int, end: int, reason: str) -> Unread:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Unread(line=line, column=column, text=text[start:end][:120], reason=reason)


def _unread_spans(text: str, spans: list[tuple[int, int, str]]) -> list[Unread]:
    """_unread for many (start, end, reason) in order, lines counted once through the text (linear)."""
    out = []
    line, counted = 1, 0
    for start, end, reason in spans:
        line += text.count("\n", counted, start)
        counted = start
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        out.append(Unread(line=line, column=column, text=text[start:end][:120], reason=reason))
    return out


def _opener_before(text: str, floor: int, pos: int) -> int:
    """The opening bracket of the role bracket whose first list starts at pos."""
    k = pos - 1
    while k > floor and text[k] in SPACE:
        k -= 1
    return k if text[k] in "(（" else pos


def _closer_after(text: str, pos: int, ceiling: int) -> int:
    """Just past the closing bracket of the role bracket whose last role word ends at pos."""
    k = pos
    while k < ceiling and text[k] not in ")）":
        k += 1
    return k + 1 if k < ceiling else pos


def _table_notice(text: str, table: Table, *, source: str, doc_id: str | None, sha: str,
                  layout: Layout) -> Notice:
    """A task table read as measures: a row is a measure, numbered in order."""
    all_rows = table_rows(text, table)
    rows = [r for r in all_rows if any(a.units for a in r.attributions) or r.officials]
    kept = {id(r) for r in rows}  # by identity: `r not in rows` compares rows field by field, quadratic
    unread = [_unread(text, r.start, r.end, "a table row that names no unit in its unit columns")
              for r in all_rows if id(r) not in kept]
    if not rows:
        columns = "、".join(c for c in table.columns if column_role(c))
        raise NoticeError(f"{source}: the table at {where(text, table.header_start)} has unit columns "
                          f"({columns}) but no row names a unit")
    measures = [Measure(number=i + 1, numeral=int_to_cn_numeral(i + 1), section=None,
                        title=_measure_title(r.task, layout.wrap_width is not None),
                        text=text[r.start : r.end],
                        start=r.start, end=r.end, marker=r.marker, attributions=r.attributions,
                        officials=r.officials)
                for i, r in enumerate(rows)]
    notes = [f"read as a table: columns {' / '.join(table.columns)}"]
    if [r.number for r in rows] != list(range(rows[0].number, rows[0].number + len(rows))):
        notes.append("table rows skip numbers; measures are numbered 1… in order")
    elif rows[0].number != 1:
        notes.append(f"the table starts at row {rows[0].number}; measures are numbered 1… in order")
    date, issuer = date_and_issuers(text, table.header_start, measures[-1].end)
    return Notice(id=doc_id or f"doc-{sha[:12]}", title=document_title(text, table.header_start, layout),
                  issuer=issuer, date=date, text=text, sha256=sha, source=source, sections=[],
                  measures=measures, notes=notes, layout="table", unread=unread)


def _unnumbered(body: str) -> str:
    """A duty's text without the marker of its first sub-item (（一）…职责 / 1.组织领导…)."""
    m = LINE_HEADER_RE.match(body)
    return body[m.end() :].strip() if m else body


def _duty_notice(text: str, duties: list[Duty], headers: list[Header], *, source: str,
                 doc_id: str | None, sha: str, layout: Layout) -> Notice:
    """A duty list read as measures: an item headed by a unit is a measure, and
    so is a numbered item outside them whose running text gives a duty (由X负责)."""
    items: list[tuple[int, int, str, list[Attribution], int]] = [
        (d.start, d.end, d.marker, ([d.attribution] if d.attribution.units else []) + list(d.joined),
         d.duty_start)
        for d in duties]
    officials_at = {d.start: list(d.officials) for d in duties}
    starts = [d.start for d in duties]  # duty items are disjoint and in order
    ends = [d.end for d in duties]
    # its own text, up to the next marker; the closing paragraph after an article's last sub-item
    # (除上述情形外，…由B负责) is the article's (r1042)
    own, tails = closing_tails(text, headers, [(h, headers[k + 1].start if k + 1 < len(headers)
                                                else len(text)) for k, h in enumerate(headers)],
                               article_item_ends(text, headers))
    rank_at = {g.start: g.rank for g in headers}
    for k, h in enumerate(headers):
        block_end = own[k][1]
        i = bisect.bisect_left(ends, h.start + 1)
        if i < len(starts) and starts[i] <= h.start:
            continue  # a duty item, or a sub-item inside one
        if i < len(starts):
            block_end = min(block_end, starts[i])  # 五、职责分工 / its opening paragraph / the items
        clauses, persons = subject_clauses(text, h.end, block_end)
        if i < len(starts) and lead_in(rank_at, h, starts[i], own[k][1]):
            # …按照职责分工，共同做好… / （一）… (r940); any 按照各自职责 before a colon (r1341)
            colon = text[h.end : own[k][1]].rstrip().endswith(("：", ":"))
            clauses = [c for c in clauses if not by_division(c, colon)]
        found = with_clauses(by_clauses(text, h.end, block_end), clauses)
        for ts, te in tails.get(h.start, []):
            d = bisect.bisect_right(starts, ts) - 1
            if (d >= 0 and ts < ends[d]) or (d + 1 < len(starts) and starts[d + 1] < te):
                continue  # a paragraph inside a duty item, or holding one, is the item's
            tail_clauses, tail_persons = subject_clauses(text, ts, te)
            tail_found = with_clauses(by_clauses(text, ts, te), tail_clauses)
            if i < len(starts) and starts[i] < ts and (tail_found or tail_persons):
                # after the article's sub-items, themselves measures: a measure of its own (r1941's
                # …部门及其工作人员，应当履职尽责 after （一）–（六）, as r1180's unnumbered paragraph)
                tail_start, tail_end = ts, te
                while tail_start < te and text[tail_start].isspace():
                    tail_start += 1
                while tail_end > tail_start and text[tail_end - 1].isspace():
                    tail_end -= 1
                items.append((tail_start, tail_end, "", tail_found, tail_start))
                officials_at[tail_start] = tail_persons
                continue
            found += tail_found
            persons += tail_persons
            block_end = te
        if found or persons:
            end = block_end
            while end > h.start and text[end - 1].isspace():
                end -= 1
            items.append((h.start, end, text[h.start : h.end], found, h.end))
            officials_at[h.start] = persons
    items.sort(key=lambda i: i[0])
    measures = [Measure(number=i + 1, numeral=int_to_cn_numeral(i + 1), section=None,
                        title=_measure_title(_unnumbered(text[body:end].strip()),
                                             layout.wrap_width is not None),
                        text=text[start:end], start=start, end=end, marker=marker,
                        attributions=attributions, officials=officials_at.get(start, []))
                for i, (start, end, marker, attributions, body) in enumerate(items)]
    notes = ["read as a duty list (职责分工): each item headed by a unit is a measure, the unit's role "
             "taken from the first role word of its duty; measures are numbered 1… in order"]
    date, issuer = date_and_issuers(text, measures[0].start, measures[-1].end)
    return Notice(id=doc_id or f"doc-{sha[:12]}", title=document_title(text, measures[0].start, layout),
                  issuer=issuer, date=date, text=text, sha256=sha, source=source, sections=[],
                  measures=measures, notes=notes)


_ARTICLE_MARK_RE = re.compile(r"第[一二三四五六七八九十百零〇]+条")


def _labelled_paragraphs_before(text: str, first: int, label_starts: list[int], bracket_starts: list[int]
                                ) -> list[ParagraphDuty]:
    """The paragraphs before offset ``first`` (the first numbered item) that carry a label or a role
    bracket of their own, read as the paragraph reader reads them (fallback.py); none when no label
    or bracket stands there."""
    marks = sorted(p for p in label_starts + bracket_starts if p < first)
    if not marks:
        return []
    return [d for d in paragraph_duties(text[:first])[0] if _has_label(marks, d.start, d.end)]


def _item_names_more(text: str, duty: Duty) -> bool:
    """Does one duty item name more units with a role than the running-text reader finds in it?"""
    clauses, _persons = subject_clauses(text, duty.start, duty.end)
    by_item = len(duty.attribution.units) + sum(len(j.units) for j in duty.joined)
    return by_item > sum(len(a.units) for a in clauses)


def _paragraphs_name_more(text: str, duties: list[Duty]) -> bool:
    """Do the paragraphs read one by one (fallback.py) name more units with a role than the duty items?"""
    paragraphs, _missed = paragraph_duties(text)
    by_paragraph = sum(len(a.units) for p in paragraphs for a in p.attributions)
    by_item = sum(len(d.attribution.units) + sum(len(j.units) for j in d.joined) for d in duties)
    return by_paragraph > by_item


def _fallback_notice(text: str, refusal: str, *, source: str, doc_id: str | None, sha: str,
                     layout: Layout, because: str | None = None) -> Notice:
    """What the structured readers refused (``refusal``), read paragraph by paragraph
    (fallback.py): each paragraph naming a unit with a role is a measure. Refused with
    ``refusal`` when the document holds no such duties. ``because``: why the paragraphs are
    read where the structured readers did not refuse."""
    duties, missed = paragraph_duties(text)
    if not duties:
        raise NoticeError(refusal)
    wrapped = layout.wrap_width is not None
    measures = [Measure(number=i + 1, numeral=int_to_cn_numeral(i + 1), section=None,
                        title=_measure_title(text[d.body : d.end], wrapped), text=text[d.start : d.end],
                        start=d.start, end=d.end, marker=d.marker, attributions=d.attributions,
                        officials=d.officials)
                for i, d in enumerate(duties)]
    reason = because or "as the structured readers found nothing: " + refusal.removeprefix(f"{source}: ")
    notes = [f"read paragraph by paragraph ({reason}): each paragraph whose labels, role brackets, "
             "heading unit or sentences (X负责…, 由X牵头…) name a unit with a role is a measure; measures "
             "are numbered 1… in order"]
    unread = _unread_spans(text, missed)
    date, issuer = date_and_issuers(text, measures[0].start, measures[-1].end)
    return Notice(id=doc_id or f"doc-{sha[:12]}", title=document_title(text, measures[0].start, layout),
                  issuer=issuer, date=date, text=text, sha256=sha, source=source, sections=[],
                  measures=measures, notes=notes, layout="paragraphs", unread=unread)


def _within(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by start, ``starts`` their starts) that start in [start, end)."""
    return items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _listed(text: str, start: int) -> bool:
    """A label-like word that is an item of a list of bodies (各基层单位、相关部门：, the notice's
    addressees, r754): a label opens its clause, it never follows a 、."""
    k = start - 1
    while k >= 0 and text[k] in SPACE:
        k -= 1
    return k >= 0 and text[k] == "、"


def _has_label(labels: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(labels, start)
    return i < len(labels) and labels[i] < end


def _split_blocks(headers: list[Header], blocks: list[tuple[Header, int]], labels: list[int]
                  ) -> tuple[list[tuple[Header, int]], bool]:
    """A measure-level item whose own text carries no attribution and whose
    sub-items (1. 2. 3. under （三）) each carry their own: the sub-items are the
    measures. (blocks, whether any item was split.)"""
    out: list[tuple[Header, int]] = []
    split = False
    starts = [h.start for h in headers]
    for h, end in blocks:
        lo, hi = bisect.bisect_right(starts, h.start), bisect.bisect_left(starts, end)
        inner = headers[lo:hi]
        if len(inner) >= 2:
            top = min(x.rank for x in inner)
            subs = [x for x in inner if x.rank == top]
            bounds = [x.start for x in subs[1:]] + [end]
            if (len(subs) >= 2 and not _has_label(labels, h.end, subs[0].start)
                    and all(_has_label(labels, x.end, b) for x, b in zip(subs, bounds, strict=True))):
                out.extend(zip(subs, bounds, strict=True))
                split = True
                continue
        out.append((h, end))
    return out, split


def parse_notice(text: str, *, source: str = "<text>", doc_id: str | None = None,
                 max_seconds: float = MAX_PARSE_SECONDS) -> Notice:
    """A document's text read as a notice. Page footers on lines of their own are
    read as nothing, and lines cut by a page width (PDF-to-text) are joined
    before reading; every offset and quote is into ``text`` as given."""
    text = _check_text(text, source)
    read = mend_label_separators(blank_footer_lines(text))
    layout = detect_layout(read)
    keep = None
    if layout.wrap_width is not None:
        read, keep = unwrap(read, layout)
    unwrapped = keep is not None
    if (joined := join_broken_paragraphs(read)) is not None:
        # 有关行政主管 / 部门 over a blank line (r1820): the paragraph a stored copy broke, read joined
        read, back = joined
        keep = back if keep is None else [keep[i] for i in back]
    if read == text:
        return _parse_notice(text, source=source, doc_id=doc_id, max_seconds=max_seconds)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    notice = _parse_notice(read, source=source, doc_id=doc_id or f"doc-{sha[:12]}", max_seconds=max_seconds)
    notice.sha256 = sha
    if unwrapped:
        notice.notes.append(f"lines cut at a page width of {layout.wrap_width} columns or more joined "
                            "before reading")
    if joined is not None:
        notice.notes.append("paragraphs broken over a blank line inside a word or a name joined "
                            "before reading")
    return quoted_from(notice, read, text, keep)


def _parse_notice(text: str, *, source: str, doc_id: str | None, max_seconds: float) -> Notice:
    deadline = time.monotonic() + max_seconds
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    layout = detect_layout(text)
    table = read_table(text)
    if table is not None:
        return _table_notice(text, table, source=source, doc_id=doc_id, sha=sha, layout=layout)
    near_misses: list[tuple[int, int]] = []
    bracketed = sorted(role_brackets(text, 0, len(text), near_misses) + role_lines(text, 0, len(text)),
                       key=lambda a: a.start)
    if bracketed:  # brackets carry the roles here: one of bare names closing a measure is responsible
        bracketed = sorted(bracketed + bare_brackets(text, 0, len(text)), key=lambda a: a.start)
    label_starts = [m.start() for m in LABEL_RE.finditer(text)
                    if label_role(m.group(1))[0] and not _listed(text, m.start())]
    persons = person_mentions(text, 0, len(text))  # 责任领导：张三, 行政责任人江海彬：officials
    person_starts = [o.start for o in persons]
    labelled = bool(bracketed or label_starts)  # labels or role brackets say who does what
    if not bracketed and not label_starts and not persons:
        # No label and no role bracket anywhere: duties may be listed unit by
        # unit (职责分工), or given in running text (由X负责).
        plain_headers = accept_headers(text, layout, [])
        try:
            duties = duty_items(text, plain_headers, deadline)
        except NoticeError as e:
            raise NoticeError(f"{source}: {e}; the document is refused") from None
        tabled = duty_table(text)  # a 单位 / 职责分工 table: each row a duty item (r1122)
        if tabled:
            duties = sorted([d for d in duties if d.end <= tabled[0].start or d.start >= tabled[-1].end]
                            + tabled, key=lambda d: d.start)
        duties = chapter_duties(text, plain_headers, duties)  # 第二章…职责: its paragraphs are items
        duties = titled_roles(text, plain_headers, duties)  # 第四条 牵头职责 (r1142)
        if len(duties) >= 2 and not plain_headers and not tabled and _paragraphs_name_more(text, duties):
            # no numbering to go by: the duty-list reader's items are only guessed from the units opening
            # paragraphs, and the paragraphs read one by one name more (headings lost in a copy)
            return _fallback_notice(text, "", source=source, doc_id=doc_id, sha=sha, layout=layout,
                                    because="the document has no numbering, and its paragraphs name more "
                                            "units with a role than its duty-list items")
        # one article of a regulation's chapter giving units their duties is a duty list of one: its
        # later paragraphs are its own (r803), read as an article's are, not as loose prose (r1400)
        # where they name more units with a role than its clauses read as running text do
        if len(duties) >= 2 or (len(duties) == 1 and _ARTICLE_MARK_RE.match(duties[0].marker)
                                and _item_names_more(text, duties[0])):
            return _duty_notice(text, duties, plain_headers, source=source, doc_id=doc_id, sha=sha,
                                layout=layout)
        # 由X负责, and clauses opening with who does the work (联席办负责…,
        # 各职能部门按照职责，分别牵头…, 包片党政领导、驻村干部负责…: persons).
        # Two at least, so one sentence of prose (区财政局负责保障经费) is not read.
        # A 由-clause counts too: 由A配合B… and A、B是…的责任部门 are two duties (r754).
        clauses, clause_persons = subject_clauses(text, 0, len(text))
        by = by_clauses(text, 0, len(text))
        # One is enough in a regulation's chapter of articles (第一章 总则 / 第X条): each article is read
        # by its own words, one giving a unit its duty a measure (r1420)
        if len(by) + len(clauses) + len(clause_persons) < (1 if general_articles(text, plain_headers) else 2):
            clauses, clause_persons = [], []
        bracketed = with_clauses(by, clauses)
        persons = clause_persons
        person_starts = [o.start for o in persons]
        if not bracketed and not persons:
            # Brackets of names with no role word closing measures, and nothing
            # else: (区绿化市容局、相关沿海街镇) after a measure's last sentence names
            # who is responsible. Two at least, so one note in brackets is not read.
            bare = bare_brackets(text, 0, len(text))
            if len(bare) >= 2:
                bracketed = bare
    bracket_starts = [a.start for a in bracketed]
    labels = sorted(label_starts + bracket_starts + person_starts)
    headers = accept_headers(text, layout, labels)
    if not headers:
        hint = (f"; attributions start at {where(text, labels[0])} but no numbered measure precedes them"
                if labels else "")
        return _fallback_notice(
            text, f"{source}: no numbered measures found (expected (一), 一、, 1., 1． or （1）){hint}",
            source=source, doc_id=doc_id, sha=sha, layout=layout)
    cuts = article_item_ends(text, headers)  # an article's paragraph after a sub-item is the article's
    rank = measure_rank(headers, labels, len(text), cuts)
    if rank is None:
        hint = f"; the label at {where(text, labels[0])} sits outside any numbered measure" if labels else ""
        return _fallback_notice(
            text, f"{source}: no attributions found — no measure names a 牵头单位/责任单位/配合单位"
            f" and no bracket says who 牵头/负责/配合{hint}",
            source=source, doc_id=doc_id, sha=sha, layout=layout)

    notes: list[str] = []
    unread = [_unread(text, o, c + 1, "a bracket with role words whose list is not all unit names")
              for o, c in near_misses if not LABEL_RE.search(text, o, c)]  # labelled ones are read
    found: list[tuple[Header, int, int, list[Attribution], list[Official]]] = []
    # Blocks at the measure level, and the own text of a higher-level item (up
    # to its first sub-item) that carries attributions itself ("三、…（A牵头）"
    # with no numbered sub-items): that item is a measure too.
    blocks, split = _split_blocks(headers, block_ends(headers, rank, len(text)), labels)
    # 第七条 … / (一)…由A负责 / (二)… / 除上述情形外，…由B负责: the closing paragraph is the article's (r1042)
    blocks, tails = closing_tails(text, headers, blocks, cuts)
    higher = [(h, headers[i + 1].start if i + 1 < len(headers) else len(text))
              for i, h in enumerate(headers) if h.rank < rank]
    mixed = split
    for h, block_end in sorted(blocks + higher, key=lambda b: b[0].start):
        if time.monotonic() > deadline:
            raise NoticeError(f"{source}: reading took longer than {max_seconds:g}s "
                              f"(stopped at {where(text, h.start)}); the document is refused")
        windows = [(h.end, block_end)] + (tails.get(h.start, []) if h.rank < rank else [])
        regions = [r for ws, we in windows for r in find_regions(text, ws, we, layout)]
        brackets = [a for ws, we in windows for a in _within(bracketed, bracket_starts, ws, we)]
        officials = [o for ws, we in windows for o in _within(persons, person_starts, ws, we)]
        block_end = windows[-1][1]
        if labelled and not regions and not brackets and not officials and h.rank >= rank:
            # an item with no label of its own: an office placed in a body and given a duty
            # (领导小组办公室设在市经济和信息化委，…具体负责…, r605) still says who does it
            brackets = placed_clauses(text, h.end, block_end)
        if not regions and not brackets and not officials:
            continue  # a numbered paragraph with no attribution is not a measure
        attributions = [a for r in regions for a in parse_attributions(text, r)] + brackets
        if h.rank < rank:
            if not any(a.units for a in attributions) and not officials:
                continue
            mixed = True
        if not any(a.units for a in attributions) and not officials:
            notes.append(f"the attribution at {where(text, regions[0].labels_start)} names no unit; skipped")
            unread.append(_unread(text, regions[0].labels_start, regions[0].end,
                                  "a label that names no unit"))
            continue
        first = min([r.start for r in regions] + [_opener_before(text, h.end, a.start) for a in brackets[:1]]
                    + [o.start for o in officials[:1]])
        last = max([r.end for r in regions] + [_closer_after(text, a.end, block_end) for a in brackets[-1:]]
                   + [o.end for o in officials[-1:]])
        found.append((h, first, last, sorted(attributions, key=lambda a: a.start), officials))
    if not found:
        return _fallback_notice(text, f"{source}: no attributions found — every label names no unit",
                                source=source, doc_id=doc_id, sha=sha, layout=layout)
    # a duty list (职责分工) beside the labelled measures, its items outside them (r1061, r1063)
    found_starts = [h.start for h, _f, _l, _a, _o in found]
    listed = [d for d in unlabelled_duty_list(text, accept_headers(text, layout, []), labels, deadline)
              if (k := bisect.bisect_left(found_starts, d.end) - 1) < 0 or found[k][2] <= d.start]
    # labelled paragraphs before the first numbered item (numbering a copy lost, or a kind the numbering
    # reader does not take): read paragraph by paragraph rather than dropped without a word
    ahead = (_labelled_paragraphs_before(text, headers[0].start, label_starts, bracket_starts)
             if labelled else [])

    numbers = [h.number for h, _f, _l, _a, _o in found]
    restarts = len(set(numbers)) != len(numbers)
    renumber = restarts or mixed or bool(listed) or bool(ahead)
    if ahead:
        notes.append("labelled paragraphs before the first numbered measure read paragraph by paragraph; "
                     "measures are numbered 1… in order")
    if mixed:
        notes.append("some measures are items of a higher level with no numbered sub-items; "
                     "measures are numbered 1… in order")
    elif restarts:
        notes.append("measure numbering restarts within the document; measures are numbered 1… in order")
    if listed:
        notes.append("a duty list (职责分工) outside the labelled measures read too: each item headed by a "
                     "unit is a measure; measures are numbered 1… in order")
    sections = _sections(text, headers, rank)
    measures: list[Measure] = []
    wrapped = layout.wrap_width is not None
    items = [(h.start, last, text[h.start : h.end], _measure_title(text[h.end : first].strip(), wrapped),
              attributions, officials) for h, first, last, attributions, officials in found]
    items += [(d.start, d.end, d.marker,
               _measure_title(_unnumbered(text[d.duty_start : d.end].strip()), wrapped),
               [a for a in (d.attribution, *d.joined) if a.units], list(d.officials)) for d in listed]
    items += [(d.start, d.end, d.marker, _measure_title(text[d.body : d.end], wrapped), d.attributions,
               d.officials) for d in ahead]
    items.sort(key=lambda it: it[0])
    for i, (start, last, marker, title, attributions, officials) in enumerate(items):
        number = i + 1 if renumber else found[i][0].number
        section_no = None
        for sh, _t in sections:
            if sh.start < start:
                section_no = sh.number
        measures.append(Measure(
            number=number, numeral=int_to_cn_numeral(number), section=section_no, title=title,
            text=text[start:last], start=start, end=last, marker=marker, attributions=attributions,
            officials=officials))

    section_models: list[Section] = []
    for i, (sh, title) in enumerate(sections):
        s_end = sections[i + 1][0].start if i + 1 < len(sections) else max(m.end for m in measures)
        if any(sh.start < m.start < s_end for m in measures):
            section_models.append(Section(number=sh.number, title=title, start=sh.start, end=s_end))

    date, issuer = date_and_issuers(text, measures[0].start, measures[-1].end)
    return Notice(
        id=doc_id or f"doc-{sha[:12]}",
        title=document_title(text, measures[0].start, layout),
        issuer=issuer,
        date=date,
        text=text,
        sha256=sha,
        source=source,
        sections=section_models,
        measures=sorted(measures, key=lambda m: m.number),
        notes=notes,
        unread=sorted(unread, key=lambda u: (u.line, u.column)),
    )


def read_notice(path: str | Path, *, doc_id: str | None = None) -> Notice:
    p = Path(path)
    if not p.is_file():
        raise NoticeError(f"{p}: no such file")
    size = p.stat().st_size
    if size > MAX_DOCUMENT_CHARS * 4:
        raise NoticeError(f"{p}: {size:,} bytes is larger than a notice can be "
                          f"(limit {MAX_DOCUMENT_CHARS:,} characters)")
    raw = p.read_bytes()
    if b"\x00" in raw:
        nul = raw.index(b"\x00")
        raise NoticeError(f"{p}: binary file (NUL byte at offset {nul}), not a text notice")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise NoticeError(f"{p}: not UTF-8 or GB18030 text (byte {utf8_error.start})") from None
    return parse_notice(text, source=str(p), doc_id=doc_id)
