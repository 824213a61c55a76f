"""Complaint routing: which issue types a resident's free text is about, and,
for a compound, the chain that should take the best one.

The matcher is deliberately plain so every answer can be explained: each issue
type in the taxonomy (loaders/data/issue_types.toml, or the file named by
GOVGRAPH_ISSUE_TYPES_FILE) lists the words residents write about it. A matched
word scores 1, a "strong" word 3, and a match in the subject line (the first
``subject_chars`` characters) counts double. Types whose score reaches
``min_score`` are returned best first with the words that matched; text that
reaches it for no type is out of scope and gets an empty list.
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
    ignore: tuple[str, ...] = ()


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
    return Taxonomy(origin=origin, types=tuple(types), min_score=int(cfg.get("min_score", 3)),
                    subject_chars=int(cfg.get("subject_chars", 40)),
                    ignore=tuple(_norm(w) for w in cfg.get("ignore", []) if w))


def taxonomy() -> Taxonomy:
    """The taxonomy in use: the user's file when GOVGRAPH_ISSUE_TYPES_FILE names one."""
    return _load(os.environ.get("GOVGRAPH_ISSUE_TYPES_FILE") or None)


class IssueMatch(BaseModel):
    key: str = Field(description="issue-type key, usable as ?issue= elsewhere")
    name: str
    name_en: str | None = None
    score: int = Field(description="sum of matched word weights (1, strong 3; x2 in the subject line)")
    matched: list[str] = Field(description="the taxonomy's words found in the text, strongest first")


class RouteAnswer(BaseModel):
    text_chars: int
    issues: list[IssueMatch] = Field(description="issue types the text is about, best first; "
                                                 "empty when it is about none the taxonomy covers")
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


def match(text: str, tax: Taxonomy | None = None) -> list[IssueMatch]:
    """The issue types the text is about, best first (ties by taxonomy order).

    Words are looked for longest first and each stretch of text counts once, so
    垃圾站 is not also 垃圾, and the taxonomy's ``ignore`` words (卫生健康局 …)
    hide their stretch from every type."""
    tax = tax or taxonomy()
    body = _norm(text)
    owners: dict[str, list[tuple[int, int]]] = {}
    for order, t in enumerate(tax.types):
        for weight, words in ((3, t.strong), (1, t.words)):
            for w in words:
                if all(o != order for o, _ in owners.get(w, [])):
                    owners.setdefault(w, []).append((order, weight))
    for w in tax.ignore:
        owners.setdefault(w, [])
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
            gain = weight * (2 if in_subject else 1)
            scores[order] = scores.get(order, 0) + gain
            found.setdefault(order, []).append((gain, w))
    out = []
    for order, score in scores.items():
        if score < tax.min_score:
            continue
        t = tax.types[order]
        matched = [w for _, w in sorted(found[order], key=lambda f: -f[0])]
        out.append((score, order, IssueMatch(key=t.key, name=t.name, name_en=t.name_en or None,
                                             score=score, matched=matched)))
    out.sort(key=lambda x: (-x[0], x[1]))
    return [m for _, _, m in out]


def route(store: GraphStore | None, text: str, compound_id: str | None = None,
          as_of: str | date | None = None) -> RouteAnswer:
    """Route a complaint; the store is read only when a compound is given."""
    if compound_id is None:
        return _answer(check_text(text), None)
    if store is None:
        raise InvalidArgument("a compound was given but no graph store")
    return drive(store, route_flow(text, compound_id, as_of))


def _answer(text: str, compound_id: str | None) -> RouteAnswer:
    issues = match(text)
    note = (f"about {len(issues)} issue type(s); best: {issues[0].key}" if issues else
            "the text is about nothing the issue taxonomy covers; no issue type and no chain")
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
