"""Numbering: which markers head measures and sections."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .layout import Layout
from .numerals import cn_numeral_to_int
from .vocabulary import CLOSERS, CN_NUM, SPACE

# Ranks follow the usual hierarchy of Chinese official documents.
# 第一条 (an article of rules and measures) stands where 一、 would; 1.1 under 1.;
# circled numbers (①, ⑴) and 一是 / 二是 are the deepest points.
STYLE_RANK = {"article": 0, "cn_dun": 0, "cn_paren": 1, "ar_dot": 2, "ar_dec": 3, "ar_dec3": 4,
              "ar_paren": 5, "circled": 6}
# Circled and parenthesised digits of their own code points: ①–⑳, ⑴–⒇, ⒈–⒛.
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))
_PAREN_DIGITS = "".join(chr(c) for c in range(0x2474, 0x2488))
_DOT_DIGITS = "".join(chr(c) for c in range(0x2488, 0x249C))
_HEADER_RE = re.compile(
    rf"(?P<article>第(?P<n_ar>[{CN_NUM}零〇]+)条)"
    rf"|(?P<cn_paren>[(（][^\S\n]*(?P<n_cp>[{CN_NUM}]+)[^\S\n]*[)）])"
    rf"|(?P<ar_paren>[(（][^\S\n]*(?P<n_ap>\d{{1,3}})[^\S\n]*[)）]"
    rf"|(?<![\d(（.．])(?P<n_ah>\d{{1,2}})[)）](?![\d%％]))"  # 1) / 1）: a half bracket
    rf"|(?P<cn_dun>(?<![{CN_NUM}])(?P<n_cd>[{CN_NUM}]+)[^\S\n]*(?:、|[.．](?![\d{CN_NUM}])))"
    # 2.1.1 under 2.1: the third number counts (r1082)
    rf"|(?P<ar_dec3>(?<![\d.．])\d{{1,2}}[.．]\d{{1,2}}[.．](?P<n_d3>\d{{1,2}})(?![\d.．%％])[^\S\n]*"
    rf"(?=[\u4e00-\u9fff])(?![亿万千百元个年月日倍项家条]))"
    # 1.1 under 1.: the second number counts; never 3.5亿 (a quantity) or 1.15
    rf"|(?P<ar_dec>(?<![\d.．])\d{{1,2}}[.．](?P<n_dc>\d{{1,2}})(?![\d.．%％])[^\S\n]*"
    rf"(?=[\u4e00-\u9fff])(?![亿万千百元个年月日倍项家条]))"
    rf"|(?P<ar_dot>(?<![\d.．])(?P<n_ad>\d{{1,3}})[^\S\n]*[.．、﹒](?!\d)|(?P<n_dd>[{_DOT_DIGITS}]))"
    rf"|(?P<circled>(?P<n_ci>[{_CIRCLED}])|(?P<n_pd>[{_PAREN_DIGITS}])"
    rf"|(?<![{CN_NUM}第统唯同专万])(?P<n_sh>[{CN_NUM}]{{1,3}})是(?=[\u4e00-\u9fff]))"
)
LINE_HEADER_RE = re.compile(rf"[^\S\n]*(?:{_HEADER_RE.pattern})")
# What may stand right before an inline marker: a sentence end, a colon, a
# closing bracket or a space ("…作用。（二）", "如下：一、").
_INLINE_BEFORE = set("。；;！？!?：:\n" + CLOSERS + SPACE)
# "11.121人才梯队项目", "1、5万(不含5万)以下的项目" (r703): a number right after the marker
# hides it from _HEADER_RE (which must not split "1.5亿元" or "3、5年"); at a line's start it
# heads an item when it continues its numbering.
_DIGIT_AFTER_RE = re.compile(r"(?m)^[^\S\n]*(\d{1,3})[.．、](?=\d)")
# "1突破大模型关键核心技术。" or "1 突破…": a number with nothing after it but the item's own
# words, or only a private-use character (U+E000–U+F8FF: a glyph of the source's
# own font, shown as nothing; r502 has "1\ue010突破"). Not a quantity (2个,
# 10万元, 3年) and not a date; like the marker above it heads an item only when
# it continues its numbering.
_QUANTITY_CHARS = ("年月日时分秒个项条名人家所次万亿千百十元米天周倍号批期届级类户套座辆台件份岁亩吨度"
                   "栋间张支只位场轮处")
_BARE_DIGIT_RE = re.compile(rf"(?m)^[^\S\n]*(\d{{1,3}})[\ue000-\uf8ff]?[^\S\n]*(?=[\u4e00-\u9fff])"
                            rf"(?![{_QUANTITY_CHARS}])")


# The groups that hold a style's number, as written.
_NUMBER_GROUPS = {"article": ("n_ar",), "cn_paren": ("n_cp",), "ar_paren": ("n_ap", "n_ah", "n_pd"),
                  "cn_dun": ("n_cd",), "ar_dec": ("n_dc",), "ar_dec3": ("n_d3",), "ar_dot": ("n_ad", "n_dd"),
                  "circled": ("n_ci", "n_sh")}
_ALL_CIRCLED = _CIRCLED + _PAREN_DIGITS + _DOT_DIGITS


def _circled_value(ch: str) -> int:
    for block in (_CIRCLED, _PAREN_DIGITS, _DOT_DIGITS):
        if ch in block:
            return block.index(ch) + 1
    raise ValueError(ch)


@dataclass(frozen=True)
class Header:
    start: int
    end: int
    style: str
    number: int

    @property
    def rank(self) -> int:
        return STYLE_RANK[self.style]


def _header_candidates(text: str) -> list[tuple[Header, bool]]:
    """Every numbering marker, with whether it starts its line."""
    out = []
    for m in _HEADER_RE.finditer(text):
        style = next(s for s in STYLE_RANK if m.group(s) is not None)
        if m.group("n_pd"):
            style = "ar_paren"  # ⑴ stands where （1） does
        num = next(v for g in _NUMBER_GROUPS[style] if (v := m.group(g)) is not None)
        try:
            number = _circled_value(num) if num[0] in _ALL_CIRCLED else cn_numeral_to_int(num)
        except ValueError:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        at_line_start = not text[line_start : m.start()].strip(SPACE)
        out.append((Header(m.start(), m.end(), style, number), at_line_start))
    decimal = {h.start for h, _ in out if h.style in ("ar_dec", "ar_dec3")}
    for rx in (_DIGIT_AFTER_RE, _BARE_DIGIT_RE):
        for m in rx.finditer(text):
            if m.start(1) in decimal:
                continue  # 1.1加强: a point under 1., not 1. before "1加强"
            # Taken only as the next number of its style, as an inline marker is.
            out.append((Header(m.start(1), m.end(), "ar_dot", int(m.group(1))), False))
    return sorted(out, key=lambda c: c[0].start)


def accept_headers(text: str, layout: Layout, labels: list[int]) -> list[Header]:
    """Markers that head an item: those starting a line, and inline ones that
    continue their numbering where a new item can begin.

    An inline ``(二)`` is only taken when it is the next number of its style, so
    ``按第（二）项`` inside a sentence never splits a measure.
    """
    accepted: list[Header] = []
    last: dict[str, int] = {}
    restart: dict[str, bool] = {}
    for h, at_line_start in _header_candidates(text):
        if at_line_start and layout.wrap_width is not None:
            nl = text.rfind("\n", 0, h.start)
            # A marker at the start of a wrapped line continues the sentence above.
            at_line_start = not (nl > 0 and layout.wrapped_line_ends_at(text, nl))
        if not at_line_start and not _inline_header_ok(text, h, accepted, last, restart, labels):
            continue
        accepted.append(h)
        last[h.style] = h.number
        restart[h.style] = False
        for style, rank in STYLE_RANK.items():
            if rank > h.rank:
                restart[style] = True
    return accepted


def _inline_header_ok(text: str, h: Header, accepted: list[Header], last: dict[str, int],
                      restart: dict[str, bool], labels: list[int]) -> bool:
    expected = h.number == last.get(h.style, 0) + 1 or (h.number == 1 and restart.get(h.style, True))
    if not expected:
        return False
    j = h.start - 1
    while j >= 0 and text[j] in SPACE:
        j -= 1
    if j < 0 or text[j] in _INLINE_BEFORE or j < h.start - 1:
        return True
    prev = accepted[-1] if accepted else None
    if prev is None:
        return False
    # Right after a section heading with no full stop: "二、主要措施（一）…".
    if prev.rank < h.rank and "。" not in text[prev.end : h.start]:
        return True
    # Right after the previous measure's attribution: "…责任单位：市民政局（二）…".
    i = bisect.bisect_left(labels, prev.end)
    return i < len(labels) and labels[i] < h.start


def article_item_ends(text: str, headers: list[Header]) -> dict[int, int]:
    """Where each sub-item of an article (第六条 … / （一）… / （八）…) ends when a paragraph with no
    marker follows it: {sub-item start: end of its paragraph}. An article's sub-items (项) are a
    paragraph each; an unnumbered paragraph after one is the article's next paragraph (款), as
    `区县（市）物业管理主管部门负责…，具体履行下列职责：` after `（八）…` (r1340) or a closing
    `发展改革、…等部门按照各自职责，…` (r1300, r1322, r1342). Linear: each sub-item's text is looked at
    up to its first line break."""
    cuts: dict[int, int] = {}
    article: Header | None = None
    for i, h in enumerate(headers):
        if h.style == "article":
            article = h
            continue
        if article is None or h.rank <= article.rank:
            article = None
            continue
        nxt = headers[i + 1].start if i + 1 < len(headers) else len(text)
        nl = text.find("\n", h.end, nxt)
        if nl == -1:
            continue
        p = nl
        while p < nxt and text[p].isspace():
            p += 1
        if p < nxt and LINE_HEADER_RE.match(text, p, nxt) is None:
            cuts[h.start] = nl + 1
    return cuts


def block_ends(headers: list[Header], rank: int, text_len: int,
               cuts: dict[int, int] | None = None) -> list[tuple[Header, int]]:
    """Each header of `rank` with the offset where its block ends: the next
    header of the same or a higher level (deeper numbering stays inside), or where
    ``cuts`` (article_item_ends) ends it."""
    out = []
    end = text_len
    for h in reversed(headers):  # one pass from the end: linear even for huge inputs
        if h.rank == rank:
            out.append((h, min(end, cuts.get(h.start, end)) if cuts else end))
        if h.rank <= rank:
            end = h.start
    return out[::-1]


def _has_label(labels: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(labels, start)
    return i < len(labels) and labels[i] < end


def measure_rank(headers: list[Header], labels: list[int], text_len: int,
                 cuts: dict[int, int] | None = None) -> int | None:
    """The numbering level whose blocks carry the attributions; on a tie the
    higher level wins (sub-points inside a measure are not measures).

    A level's items are counted with the items above it whose own text (up to
    their first sub-item) carries an attribution, since the parser reads those as
    measures too: a section's opening paragraph that gives a duty and the 1. 2.
    items of the next section that give theirs are measures alike (r754)."""
    best: tuple[int, int] | None = None
    own_ends = [headers[i + 1].start if i + 1 < len(headers) else text_len for i in range(len(headers))]
    for rank in sorted({h.rank for h in headers}):
        score = sum(_has_label(labels, h.end, end) for h, end in block_ends(headers, rank, text_len, cuts))
        if not score:
            continue
        score += sum(_has_label(labels, h.end, e) for h, e in zip(headers, own_ends, strict=True)
                     if h.rank < rank)
        if score and (best is None or score > best[1]):
            best = (rank, score)
    return best[0] if best else None


# A paragraph after the last sub-item of an article that refers back to the list (除上述情形外，…由区绿化
# 市容局负责, r1042 第七条; 上述…; 以上…): the article's own text, not the last sub-item's.
_CLOSING_RE = re.compile(r"[^\S\n]*(?:除)?(?:上述|以上|前款|前述)")


def closing_tails(text: str, headers: list[Header], blocks: list[tuple[Header, int]],
                  cuts: dict[int, int] | None = None
                  ) -> tuple[list[tuple[Header, int]], dict[int, list[tuple[int, int]]]]:
    """The blocks with each sub-item cut where a paragraph of its parent starts (article_item_ends'
    ``cuts``, and a closing paragraph after the last sub-item), and those paragraphs by their parent's
    start: {parent start: [(start, end), …]}. Linear: each block's lines are looked at once."""
    parent_of: dict[int, Header] = {}
    rank_at: dict[int, int] = {}
    stack: list[Header] = []
    for h in headers:
        while stack and stack[-1].rank >= h.rank:
            stack.pop()
        if stack:
            parent_of[h.start] = stack[-1]
        stack.append(h)
        rank_at[h.start] = h.rank
    out: list[tuple[Header, int]] = []
    tails: dict[int, list[tuple[int, int]]] = {}
    for h, end in blocks:
        parent = parent_of.get(h.start)
        if parent is not None and cuts and cuts.get(h.start, end) < end:
            tails.setdefault(parent.start, []).append((cuts[h.start], end))
            out.append((h, cuts[h.start]))
            continue
        # the last of its siblings: what follows is a higher item (第八条) or the end
        if parent is None or (end != len(text) and rank_at.get(end, h.rank) >= h.rank):
            out.append((h, end))
            continue
        cut = end
        nl = text.find("\n", h.end, end)
        while nl != -1:
            if _CLOSING_RE.match(text, nl + 1, end) and not LINE_HEADER_RE.match(text, nl + 1, end):
                cut = nl + 1
                break
            nl = text.find("\n", nl + 1, end)
        if cut < end:
            tails.setdefault(parent.start, []).append((cut, end))
        out.append((h, cut))
    return out, tails
