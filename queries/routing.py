"""Complaint routing: which issue types a resident's free text is about, and,
for a compound, the chain that should take the best one.

The matcher is deliberately plain so every answer can be explained: each issue
type in the taxonomy (loaders/data/issue_types.toml, or the file named by
GOVGRAPH_ISSUE_TYPES_FILE) lists the words residents write about it. A matched
word scores 1, a "strong" word 3, and a match in the subject line (the first
``subject_chars`` characters) counts ``subject_weight`` times (3): the subject
says what a message is about, its body also names what it is not about. Types whose score reaches
``min_score`` are returned best first with the words that matched; text that
reaches it for no type is out of scope and gets an empty list.

The taxonomy also lists, under ``[routing.outside]``, what residents write about
matters no type covers (schools, a developer's sales and delivery, shops' noise
and fumes, roads and transit …). Those words are scored the same way; when they
outweigh the best type, the text is about something else that merely uses a
type's words (收费 at a school, 车位 for sale) and the answer is empty, with a
note naming the words that decided it.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field

from ..graph.store import GraphStore
from .answers import InvalidArgument, NotFound
from .compounds import ChainBody, CompoundEscalation, compound_escalation_flow
from .flow import Flow, drive

MAX_TEXT = 5000  # characters; a complaint longer than this is not one complaint


@dataclass(frozen=True)
class IssueWords:
    key: str
    name: str
    name_en: str
    words: tuple[str, ...]
    strong: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    origin: str
    types: tuple[IssueWords, ...]
    min_score: int = 3
    subject_chars: int = 40
    subject_weight: int = 3
    ignore: tuple[str, ...] = ()
    outside: IssueWords | None = None


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@lru_cache(maxsize=8)
def _load(path: str | None) -> Taxonomy:
    if path:
        try:
            text, origin = Path(path).read_text("utf-8"), path
        except OSError as e:
            raise InvalidArgument(f"issue-type file {path}: {e.strerror}") from None
    else:
        text = resources.files("govgraph.loaders").joinpath("data/issue_types.toml").read_text("utf-8")
        origin = "issue_types.toml"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InvalidArgument(f"{origin}: not valid TOML: {e}") from None
    types = []
    for row in data.get("issue", []):
        if "id" not in row or "name" not in row:
            raise InvalidArgument(f"{origin}: an [[issue]] has no id or name")
        types.append(IssueWords(key=row["id"], name=row["name"], name_en=row.get("name_en", ""),
                                words=tuple(_norm(w) for w in row.get("words", []) if w),
                                strong=tuple(_norm(w) for w in row.get("strong", []) if w)))
    cfg = data.get("routing", {})

    def whole(name: str, default: int) -> int:
        value = cfg.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidArgument(f"{origin}: [routing] {name} must be a whole number >= 1, not {value!r}")
        return value

    out = cfg.get("outside")
    if out is not None and not isinstance(out, dict):
        raise InvalidArgument(f"{origin}: [routing] outside must be a table with words and strong lists")
    outside = None if not out else IssueWords(
        key="(outside)", name="outside the taxonomy", name_en="",
        words=tuple(_norm(w) for w in out.get("words", []) if w),
        strong=tuple(_norm(w) for w in out.get("strong", []) if w))
    return Taxonomy(origin=origin, types=tuple(types), min_score=whole("min_score", 3),
                    subject_chars=whole("subject_chars", 40), subject_weight=whole("subject_weight", 3),
                    ignore=tuple(_norm(w) for w in cfg.get("ignore", []) if w), outside=outside)


def taxonomy() -> Taxonomy:
    """The taxonomy in use: the user's file when GOVGRAPH_ISSUE_TYPES_FILE names one."""
    return _load(os.environ.get("GOVGRAPH_ISSUE_TYPES_FILE") or None)


class IssueMatch(BaseModel):
    key: str = Field(description="issue-type key, usable as ?issue= elsewhere")
    name: str
    name_en: str | None = None
    score: int = Field(description="sum of matched word weights (1, strong 3; times the taxonomy's "
                                   "subject_weight, 3 by default, in the subject line)")
    matched: list[str] = Field(description="the taxonomy's words found in the text, strongest first")


class RouteAnswer(BaseModel):
    text_chars: int
    issues: list[IssueMatch] = Field(description="issue types the text is about, best first; "
                                                 "empty when it is about none the taxonomy covers, or "
                                                 "when its subject's words about matters outside the "
                                                 "taxonomy outweigh the best type (the note says so)")
    note: str
    compound: str | None = None
    first_contact: ChainBody | None = Field(default=None, description=(
        "with a compound: the first body on the best issue's chain there"))
    chain: CompoundEscalation | None = Field(default=None, description=(
        "with a compound: the escalation chain for the best issue at that compound"))


def check_text(text: str | None) -> str:
    """The complaint as given; empty or huge text is an error naming the limit."""
    if text is None or not text.strip():
        raise InvalidArgument("no complaint text given (text is empty)")
    if len(text) > MAX_TEXT:
        raise InvalidArgument(f"complaint text is {len(text)} characters; the limit is {MAX_TEXT}")
    return text.strip()


@dataclass(frozen=True)
class Scored:
    """Every type's evidence in one text, before the outside words are weighed."""

    issues: list[IssueMatch]  # types that reach min_score, best first
    outside_score: int
    outside_matched: list[str]

    @property
    def outside_wins(self) -> bool:
        return bool(self.issues) and self.outside_score > self.issues[0].score


def score(text: str, tax: Taxonomy | None = None) -> Scored:
    """Each type's score and words in the text, and the outside words' score.

    Words are looked for longest first and each stretch of text counts once, so
    垃圾站 is not also 垃圾, and the taxonomy's ``ignore`` words (卫生健康局 …)
    hide their stretch from every type."""
    tax = tax or taxonomy()
    body = _norm(text)
    kinds = list(tax.types) + ([tax.outside] if tax.outside else [])
    owners: dict[str, list[tuple[int, int]]] = {}
    for order, t in enumerate(kinds):
        for weight, words in ((3, t.strong), (1, t.words)):
            for w in words:
                if all(o != order for o, _ in owners.get(w, [])):
                    owners.setdefault(w, []).append((order, weight))
    for w in tax.ignore:
        owners.setdefault(w, [])
    outside = len(tax.types) if tax.outside else -1
    taken = [False] * len(body)
    scores: dict[int, int] = {}
    found: dict[int, list[tuple[int, str]]] = {}
    for w in sorted(owners, key=lambda x: (-len(x), x)):
        hits = []
        i = body.find(w)
        while i >= 0:
            if not any(taken[i:i + len(w)]):
                hits.append(i)
                for j in range(i, i + len(w)):
                    taken[j] = True
            i = body.find(w, i + 1)
        if not hits:
            continue
        in_subject = any(h < tax.subject_chars for h in hits)
        for order, weight in owners[w]:
            if order == outside and not in_subject:
                continue  # outside words speak only from the subject line
            gain = weight * (tax.subject_weight if in_subject else 1)
            scores[order] = scores.get(order, 0) + gain
            found.setdefault(order, []).append((gain, w))
    out = []
    for order, sc in scores.items():
        if sc < tax.min_score or order == outside:
            continue
        t = tax.types[order]
        matched = [w for _, w in sorted(found[order], key=lambda f: -f[0])]
        out.append((sc, order, IssueMatch(key=t.key, name=t.name, name_en=t.name_en or None,
                                          score=sc, matched=matched)))
    out.sort(key=lambda x: (-x[0], x[1]))
    return Scored(issues=[m for _, _, m in out], outside_score=scores.get(outside, 0),
                  outside_matched=[w for _, w in sorted(found.get(outside, []), key=lambda f: -f[0])])


def match(text: str, tax: Taxonomy | None = None) -> list[IssueMatch]:
    """The issue types the text is about, best first (ties by taxonomy order);
    empty when no type reaches ``min_score`` or the outside words outweigh the best."""
    s = score(text, tax)
    return [] if s.outside_wins else s.issues


def route(store: GraphStore | None, text: str, compound_id: str | None = None,
          as_of: str | date | None = None) -> RouteAnswer:
    """Route a complaint; the store is read only when a compound is given."""
    if compound_id is None:
        return _answer(check_text(text), None)
    if store is None:
        raise InvalidArgument("a compound was given but no graph store")
    return drive(store, route_flow(text, compound_id, as_of))


def _answer(text: str, compound_id: str | None) -> RouteAnswer:
    s = score(text)
    issues = [] if s.outside_wins else s.issues
    if issues:
        note = f"about {len(issues)} issue type(s); best: {issues[0].key}"
    elif s.outside_wins:
        note = (f"the text is more about matters outside the issue taxonomy "
                f"({', '.join(s.outside_matched[:5])}; score {s.outside_score}) than about "
                f"{s.issues[0].key} ({', '.join(s.issues[0].matched[:5])}; score "
                f"{s.issues[0].score}); no issue type and no chain")
    else:
        note = "the text is about nothing the issue taxonomy covers; no issue type and no chain"
    return RouteAnswer(text_chars=len(text), issues=issues, note=note, compound=compound_id)


def route_flow(text: str, compound_id: str | None = None,
               as_of: str | date | None = None) -> Flow[RouteAnswer]:
    answer = _answer(check_text(text), compound_id)
    if compound_id is None or not answer.issues:
        return answer
    best = answer.issues[0].key
    try:
        chain = yield from compound_escalation_flow(compound_id, best, as_of)
    except NotFound as e:
        if "unknown issue type" not in str(e):
            raise
        answer.note += (f"; the loaded graph does not know issue type {best!r} "
                        "(reload with the same issue-type file)")
        return answer
    answer.chain = chain
    answer.first_contact = first_contact(chain)
    return answer


def first_contact(chain: CompoundEscalation) -> ChainBody | None:
    """The first body on a chain to take a complaint: the first staffed stage of the
    issue type (its company, 环物委 …), else the first staffed mediation level."""
    stages = [lv for lv in chain.levels if lv.level.startswith("issue-stage-")]
    for lv in stages + [lv for lv in chain.levels if lv not in stages]:
        if lv.bodies:
            return lv.bodies[0]
    return None
