"""Measures aligned by their text, so segmentation and attribution errors are told apart.

``scripts/extract_quality.py`` pairs the n-th predicted measure with the n-th
labelled one: one measure missed, split or merged shifts every later pair and
the rest of the document scores nothing though its units may be right. Here the
two lists are aligned monotonically by text instead (a labelled measure's
``text`` is the first 10–20 characters of its own text; a predicted measure has
its whole text), unmatched measures allowed on either side, and the errors are
split in two:

- **segmentation**: labelled measures with no predicted one (missed; *merged*
  when their text sits inside the predicted measure matched just before them)
  and predicted measures with no labelled one (extra; *split* when they carry
  units the labelled measure just before them has and its match lacks);
- **attribution**: the (role, unit) pairs of matched measures.

Pure functions on plain data (no govgraph import), so the first-run breakdown
can score what an old extractor produced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# Table cells flattened to text carry | and tabs; line breaks and spaces are not
# the measure's text (the labels drop them).
_NOISE = re.compile(r"[\s|｜]+")
THRESHOLD = 0.6  # below this similarity two measures are never paired
WINDOW = 40  # how far into a predicted measure's text its labelled prefix may start, fuzzily


def normalise(text: str) -> str:
    return _NOISE.sub("", text)


def similarity(gold_prefix: str, predicted_text: str, after: str = "") -> float:
    """How well a labelled prefix names a predicted measure, 0–1.

    The prefix found in the predicted text scores 1, less a little for each
    character before it (a numbering, a heading unit, a title in brackets, a
    table's first cells stay above 0.8); otherwise the share of the prefix's
    characters found, in order, near the start of the predicted text (at most
    0.9, so an exact find always wins). ``after`` is the document's text after
    the predicted measure: a prefix may run past a measure whose span the
    extractor ended early, as long as it starts inside it."""
    g, own = normalise(gold_prefix), normalise(predicted_text)
    if not g or not own:
        return 0.0
    p = own + normalise(after)[:len(g)]
    pos = p.find(g)
    if pos != -1 and pos < len(own):
        return 1.0 - min(pos, 200) / 1000
    sm = SequenceMatcher(None, g, p[:len(g) + WINDOW], autojunk=False)
    found = sum(b.size for b in sm.get_matching_blocks() if b.b < len(own))  # what starts inside it
    return 0.9 * found / len(g)


def _similarity_if_pairable(gold_prefix: str, predicted_text: str, after: str, threshold: float) -> float:
    """``similarity``, or 0.0 where it must fall below ``threshold``: the fuzzy score counts the
    prefix's characters found in order near the predicted text's start, never more than the
    characters the two share, so a pair sharing too few is never paired and needs no matcher."""
    g, own = normalise(gold_prefix), normalise(predicted_text)
    if g and own and (own + normalise(after)[:len(g)]).find(g) == -1:
        window = Counter((own + normalise(after)[:len(g)])[:len(g) + WINDOW])
        shared = sum(min(k, window[c]) for c, k in Counter(g).items())
        if 0.9 * shared / len(g) < threshold:
            return 0.0
    return similarity(gold_prefix, predicted_text, after)


Pair = tuple[int | None, int | None]


def align(gold: Sequence[str], predicted: Sequence[str], threshold: float = THRESHOLD,
          after: Sequence[str] = ()) -> list[Pair]:
    """A monotone alignment of labelled prefixes to predicted texts.

    Returns pairs in document order: ``(i, j)`` matched, ``(i, None)`` a missed
    labelled measure, ``(None, j)`` an extra predicted one. Maximises the summed
    similarity of matched pairs (each at least ``threshold``); ties go to the
    earlier predicted measure. ``after[j]``, when given, is the document's text
    after predicted measure ``j`` (see ``similarity``)."""
    n, m = len(gold), len(predicted)
    tails = list(after) or [""] * m
    sim = [[_similarity_if_pairable(g, p, a, threshold) for p, a in zip(predicted, tails, strict=True)]
           for g in gold]
    # best[i][j]: the best total over gold[i:] and predicted[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            b = max(best[i + 1][j], best[i][j + 1])
            if sim[i][j] >= threshold:
                b = max(b, sim[i][j] + best[i + 1][j + 1])
            best[i][j] = b
    pairs: list[Pair] = []
    i = j = 0
    eps = 1e-9
    while i < n and j < m:
        if sim[i][j] >= threshold and abs(best[i][j] - (sim[i][j] + best[i + 1][j + 1])) < eps:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif abs(best[i][j] - best[i][j + 1]) < eps and best[i][j + 1] >= best[i + 1][j]:
            pairs.append((None, j))
            j += 1
        else:
            pairs.append((i, None))
            i += 1
    pairs.extend((k, None) for k in range(i, n))
    pairs.extend((None, k) for k in range(j, m))
    return pairs


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct


@dataclass
class Measure:
    """A measure as scored: its text (a labelled prefix or a predicted measure's
    whole text) and its (role, unit) pairs."""

    text: str
    triples: Counter[Hashable] = field(default_factory=Counter)
    after: str = ""  # a predicted measure: the document's text just after it (see ``similarity``)


@dataclass
class Aligned:
    """One document (or a sum of documents) scored on aligned measures."""

    measures: Counts = field(default_factory=Counts)  # gold/predicted/matched measures
    merged: int = 0  # missed measures whose text sits inside the previous match's predicted text
    split: int = 0  # extra measures carrying units the previous labelled measure's match lacks
    # missed measures whose units an extra measure between the same two matches carries exactly:
    # the units are right, the measure is bounded at another item (an article vs its sub-item)
    rebounded: int = 0
    attribution: Counts = field(default_factory=Counts)  # triples of matched measures only
    overall: Counts = field(default_factory=Counts)  # all triples; unmatched ones miss or are false
    problems: list[str] = field(default_factory=list)
    # matched measures whose units differ: (gold index, found index, missed, false)
    mismatches: list[tuple[int, int, Counter[Hashable], Counter[Hashable]]] = field(default_factory=list)

    @property
    def missed(self) -> int:
        return self.measures.gold - self.measures.correct

    @property
    def extra(self) -> int:
        return self.measures.predicted - self.measures.correct

    @property
    def segmentation_missed(self) -> int:
        """Gold triples lost with the measures not found."""
        return (self.overall.gold - self.attribution.gold)

    @property
    def segmentation_false(self) -> int:
        """Predicted triples in measures that match no labelled one."""
        return self.overall.predicted - self.attribution.predicted

    @property
    def attribution_missed(self) -> int:
        return self.attribution.gold - self.attribution.correct

    @property
    def attribution_false(self) -> int:
        return self.attribution.predicted - self.attribution.correct

    def add(self, other: Aligned) -> None:
        self.measures.add(other.measures)
        self.merged += other.merged
        self.split += other.split
        self.rebounded += other.rebounded
        self.attribution.add(other.attribution)
        self.overall.add(other.overall)


def _label(t: Hashable) -> str:
    return " ".join(map(str, t)) if isinstance(t, tuple) else str(t)


def score_aligned(gold: Sequence[Measure], predicted: Sequence[Measure],
                  threshold: float = THRESHOLD) -> Aligned:
    """Segmentation and attribution of ``predicted`` against ``gold`` (both in
    document order), measures paired by ``align``."""
    out = Aligned()
    out.measures.gold, out.measures.predicted = len(gold), len(predicted)
    pairs = align([g.text for g in gold], [p.text for p in predicted], threshold,
                  [p.after for p in predicted])
    prev: tuple[int, int] | None = None  # the last matched pair
    gap_gold: list[int] = []  # unmatched measures since the last match
    gap_found: list[int] = []
    for gi, pj in pairs + [(None, None)]:
        if (gi is None) == (pj is None):  # a match, or the end: close the gap
            for k in gap_gold:
                units = gold[k].triples
                same = next((j for j in gap_found if units and predicted[j].triples == units), None)
                if same is not None:
                    gap_found.remove(same)
                    out.rebounded += 1
                    out.problems.append(f"gold {k + 1} and found {same + 1}: the same units, "
                                        f"bounded at another item")
            gap_gold, gap_found = [], []
        if gi is not None and pj is not None:
            gt, pt = gold[gi].triples, predicted[pj].triples
            correct = sum((gt & pt).values())
            out.measures.correct += 1
            for c in (out.attribution, out.overall):
                c.gold += sum(gt.values())
                c.predicted += sum(pt.values())
                c.correct += correct
            if gt != pt:
                out.mismatches.append((gi, pj, gt - pt, pt - gt))
            for t in (gt - pt).elements():
                out.problems.append(f"gold {gi + 1} ~ found {pj + 1}: missed {_label(t)}")
            for t in (pt - gt).elements():
                out.problems.append(f"gold {gi + 1} ~ found {pj + 1}: false {_label(t)}")
            prev = (gi, pj)
        elif gi is not None:
            gap_gold.append(gi)
            g = gold[gi]
            out.overall.gold += sum(g.triples.values())
            inside = prev is not None and normalise(g.text) in normalise(predicted[prev[1]].text)
            out.merged += inside
            how = f" (inside found {prev[1] + 1}: merged)" if inside and prev else ""
            out.problems.append(f"gold {gi + 1} not found{how}: {g.text!r}, {sum(g.triples.values())} units")
        elif pj is not None:
            gap_found.append(pj)
            p = predicted[pj]
            out.overall.predicted += sum(p.triples.values())
            lost = gold[prev[0]].triples - predicted[prev[1]].triples if prev else Counter()
            split = bool(lost & p.triples)
            out.split += split
            how = f" (units of gold {prev[0] + 1}: split)" if split and prev else ""
            out.problems.append(f"found {pj + 1} extra{how}: {normalise(p.text)[:20]!r}, "
                                f"{sum(p.triples.values())} units")
    return out
