"""The API's routers, one module per subject, named as the subject is named in
``queries/`` and on the CLI (compounds: ``queries/compounds.py``, ``compounds.py``
here, ``--compound``). A new subject is a new module here with an ``APIRouter`` named
``router``, added to ROUTERS. The routes of questions built from their declaration
(``queries/questions.py``) are all in ``declared`` (``GET /places``, ``GET /compounds``,
``GET /search`` among them)."""

from __future__ import annotations

from . import (
               admin,
               analytics,
               audits,
               cases,
               compounds,
               cypher,
               data,
               declared,
               escalation,
               graph,
               measures,
               open311,
               routing,
               units,
)

# The built questions' routes first: /audits/diffuse-accountability before /audits/{name}.
ROUTERS = [declared.router, data.router, measures.router, units.router, audits.router, escalation.router,
           graph.router, cypher.router, compounds.router, analytics.router,
           routing.router, admin.router, cases.router, open311.router]
