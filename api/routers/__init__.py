"""The API's routers, one module per subject. A new subject (compounds: who leads an
organization, who is responsible for a compound, its escalation chain) is a new
module here with an ``APIRouter`` named ``router``, added to ROUTERS."""

from __future__ import annotations

from . import (
               admin,
               analytics,
               audits,
               cases,
               cypher,
               data,
               escalation,
               graph,
               measures,
               open311,
               places,
               routing,
               units,
)

ROUTERS = [data.router, measures.router, units.router, audits.router, escalation.router,
           graph.router, cypher.router, places.router, analytics.router, routing.router, admin.router,
           cases.router, open311.router]
