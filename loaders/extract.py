"""What a notice yields, without touching a store: `govgraph extract` and `POST /extract`.

Both surfaces call :func:`extraction` and only format what it returns, so the
CLI's ``--json`` and the HTTP answer are the same document.
"""

from __future__ import annotations

from typing import Any

from .notice import Notice, where
from .units import UnitRegistry

__all__ = ["extraction"]


def extraction(notice: Notice, registry: UnitRegistry) -> dict[str, Any]:
    """The notice's measures with their units resolved against ``registry``.

    A unit the registry does not know is kept as written and listed under
    ``unresolved`` with its line and column; parts that look like attributions
    but could not be read are under ``unread``."""
    measures: list[dict[str, Any]] = []
    unresolved: list[dict[str, Any]] = []
    for m in notice.measures:
        attributions = []
        for a in m.attributions:
            units = []
            for u in a.units:
                unit = registry.resolve(u.name).unit
                units.append({"name": u.name, "as_written": u.as_written, "start": u.start, "end": u.end,
                              "alias": u.alias, "prefix_restored": u.prefix_restored, "reading": u.reading,
                              "unit_id": unit.id if unit else None,
                              "collective": unit.collective if unit else None})
                if unit is None:
                    unresolved.append({"measure": m.number, "name": u.name, "alias": u.alias,
                                       "start": u.start, "end": u.end, "at": where(notice.text, u.start)})
            attributions.append({"role": a.role, "label": a.label, "clause": a.clause,
                                 "start": a.start, "end": a.end, "units": units})
        measures.append({"number": m.number, "marker": m.marker, "section": m.section,
                         "title": m.title, "text": m.text, "start": m.start, "end": m.end,
                         "lead": m.units("lead"), "responsible": m.units("responsible"),
                         "support": m.units("support"), "attribution": attributions,
                         "officials": [o.model_dump() for o in m.officials]})
    return {"document": {"id": notice.id, "title": notice.title, "issuer": notice.issuer,
                         "date": notice.date, "sha256": notice.sha256},
            "sections": [s.model_dump() for s in notice.sections],
            "layout": notice.layout, "measures": measures, "unresolved": unresolved,
            "unread": [u.model_dump() for u in notice.unread], "notes": notice.notes}
