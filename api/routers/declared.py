"""The routes of the built questions, made from their declarations
(``govgraph.queries.questions``): one async route per question, its path and query
parameters from the declared ``params``, its answer from the declared flow driven
with ``adrive``, its OpenAPI summary and description from the declared docs.

A question whose ``page`` is ``"."`` answers a list, returned a page at a time
(``Page``); ``page="duties"`` pages that part of the answer and carries
``page_with`` (``unit``) beside it (``UnitPage``). Any other answer is serialized
once by its own model (``answer_response``). A question paged in the query
(``count``) reads only the page asked for (``Question.run_page``) and returns the
same ``Page`` (``listing_page``). Nothing here is particular to one
question: a new built question needs no code in this module.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from ...queries.flow import adrive
from ...queries.questions import Param, Question, built, item_model
from ..deps import PageDep, get_store
from ..models import Page, UnitPage, answer_response, listing_page, paginate
from ..problems import problem_responses

__all__ = ["build_router", "response_model", "router"]


def _split(values: list[str] | None) -> list[str] | None:
    """Repeated (?kinds=A&kinds=B) or comma-separated (?kinds=A,B) values."""
    if not values:
        return None
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def _annotation(p: Param, in_path: bool) -> Any:
    tp: Any = p.type
    if p.choices:
        tp = Literal.__getitem__(p.choices)
    if p.many:
        tp = list[str]
    if not p.required:
        tp = tp | None
    bounds: dict[str, Any] = {k: v for k, v in (("ge", p.ge), ("le", p.le), ("min_length", p.min_length),
                                ("max_length", p.max_length)) if v is not None}
    where = Path if in_path else Query
    desc = p.help + (" (repeat or comma-separate)" if p.many else "")
    return Annotated[tp, where(description=desc, examples=list(p.examples) or None, **bounds)]


def response_model(q: Question) -> Any:
    """What the route answers: the declared answer, or a page of it."""
    if q.paged:
        return Page.__class_getitem__(item_model(q.answer))
    if q.page is None:
        return q.answer
    if q.page == ".":
        return Page.__class_getitem__(item_model(q.answer))
    part = q.answer.model_fields[q.page].annotation
    assert q.page_with in ((), ("unit",)), f"{q.name}: pages carry only the unit beside them"
    return (UnitPage if q.page_with else Page).__class_getitem__(item_model(part))


def _endpoint(q: Question, path: str) -> Any:
    params = list(q.params)

    async def endpoint(request: Request, page: Any = None, **kw: Any) -> Any:
        values = {p.name: _split(kw[p.api_name]) if p.many else kw[p.api_name] for p in params}
        # The store is taken here, not as a dependency: FastAPI solves each
        # dependency's own parameters on every request, a cost on the hot path.
        store = await get_store(request)
        if q.paged:
            return listing_page(request, await adrive(store, q.run_page(values, page.offset,
                                                                         page.limit)))
        answer = await adrive(store, q.run(values))
        if q.page is None:
            return answer_response(answer, q.answer)
        if q.page == ".":
            return paginate(request, answer, page.offset, page.limit)
        return paginate(request, getattr(answer, q.page), page.offset, page.limit,
                        **{k: getattr(answer, k) for k in q.page_with})

    sig = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                             annotation=Request)]
    if q.page is not None or q.paged:
        sig.append(inspect.Parameter("page", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                     annotation=PageDep))
    required = [p for p in params if p.required]
    optional = [p for p in params if not p.required]
    for p in required + optional:
        sig.append(inspect.Parameter(
            p.api_name, inspect.Parameter.KEYWORD_ONLY,
            annotation=_annotation(p, "{" + p.api_name + "}" in path),
            default=inspect.Parameter.empty if p.required else p.default))
    endpoint.__signature__ = inspect.Signature(sig)  # type: ignore[attr-defined]
    endpoint.__name__ = q.name
    endpoint.__doc__ = q.about or q.docs
    return endpoint


def build_router(questions: Iterable[Question]) -> APIRouter:
    """A router with a route for each built question's declared routes."""
    router = APIRouter(responses=problem_responses(503))
    for q in questions:
        for route in q.routes:
            method, path = route.split(" ", 1)
            tag = path.strip("/").split("/")[0]
            router.add_api_route(path, _endpoint(q, path), methods=[method],
                                 response_model=response_model(q), summary=q.docs,
                                 responses=problem_responses(*q.problems), tags=[tag],
                                 name=q.name)
    return router


router = build_router(built())
