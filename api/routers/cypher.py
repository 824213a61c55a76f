"""Read-only Cypher for analysts: parameters, a row cap and a timeout, writes refused."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import AnalystDep, SettingsDep, StoreDep
from ..models import CypherRequest, CypherResult
from ..problems import problem_responses

router = APIRouter(tags=["cypher"])


@router.post("/cypher", response_model=CypherResult,
             responses=problem_responses(400, 401, 403, 422, 503, 504), summary="Run read-only Cypher")
async def run_cypher(body: CypherRequest, store: StoreDep, settings: SettingsDep,
                     principal: AnalystDep):
    """Run read-only Cypher with `$parameters` (an `analyst` or `admin` key). The graph
    it reads holds no personal fields: persons are opaque ids (docs/security.md).
    Writing clauses are refused with 403, by a keyword check and by the engine's own
    read-only mode (GRAPH.RO_QUERY on FalkorDB, READ access mode on Neo4j). At most
    `limit` rows (capped by the server's row cap; `truncated` says when rows were cut);
    the engine stops a query after `timeout_s` (capped by the server's timeout) and the answer is 504."""
    row_cap = min(body.limit or settings.query_row_cap, settings.query_row_cap)
    timeout_s = min(body.timeout_s or settings.query_timeout_s, settings.query_timeout_s)
    # Rejected queries (QueryError) are the client's fault: the app answers 400.
    res = await store.aread_only(body.query, body.params, timeout_s=timeout_s, row_cap=row_cap)
    return CypherResult(engine=store.engine, columns=res.columns, rows=res.rows,
                        truncated=res.truncated, row_cap=row_cap, timeout_s=timeout_s)
