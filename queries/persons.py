"""Who may see what of a person, applied to answers after the graph has been read.

The graph knows persons by opaque ids only (graph/personal.py), so every flow
answers with posts (``compounds.PersonSlot``): a role, whether it is filled and
the holder's opaque id. ``disclose`` shapes those posts for the caller's role:

- ``public``: the role and whether the post is filled; no id.
- ``analyst``: also the opaque ``person_id`` (to count and join, not to name).
- ``admin``: also the name and Party membership, read from the personal store.

It returns the ids of the persons whose identifying fields it revealed, which
the caller records in the audit log. The Party-share audit's counts are made
here too, from the personal store, and leave it as counts only.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from ..graph.personal import PersonalStore
from ..graph.store import StoreError
from .compounds import PersonSlot, party_share  # noqa: F401 - party_share lives with the audits


class Role(StrEnum):
    PUBLIC = "public"
    ANALYST = "analyst"
    ADMIN = "admin"

    def at_least(self, other: Role) -> bool:
        order = [Role.PUBLIC, Role.ANALYST, Role.ADMIN]
        return order.index(self) >= order.index(other)


def _slots(value: Any) -> Iterator[PersonSlot]:
    if isinstance(value, PersonSlot):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _slots(getattr(value, name))
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _slots(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _slots(v)


def disclose(answer: Any, role: Role, personal: PersonalStore | None) -> list[str]:
    """Shape every post in ``answer`` (in place) for ``role``; the ids of the persons
    whose name or Party membership was revealed (only ever for admin)."""
    slots = list(_slots(answer))
    for s in slots:
        s.filled = s.person_id is not None
        s.person_name = None
        s.party_member = None
    if role == Role.PUBLIC:
        for s in slots:
            s.person_id = None
        return []
    if role == Role.ANALYST or not slots:
        return []
    ids = [s.person_id for s in slots if s.person_id]
    if personal is None:
        raise StoreError("this store has no personal-data store: names cannot be shown")
    found = personal.lookup(ids)
    revealed: list[str] = []
    for s in slots:
        rec = found.get(s.person_id or "")
        if rec is not None:
            s.person_name = rec.name
            s.party_member = rec.party_member
            revealed.append(rec.id)
    return sorted(set(revealed))
