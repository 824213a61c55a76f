"""Open the store the settings choose: ``engine`` is ``falkordb`` (embedded) or ``neo4j``.

The settings are described here by what this module reads (``StoreSettings``), not
imported: the graph layer knows nothing of the layers above it, and the
application's ``govgraph.settings.Settings`` is one object that has these fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pydantic import SecretStr

from .store import GraphStore, StoreError


class StoreSettings(Protocol):
    """Where the graph lives: ``engine`` names it (``govgraph.settings.Settings``
    fills it from GOVGRAPH_ENGINE, or infers it: neo4j when ``neo4j_uri`` is set,
    else falkordb, the embedded engine in ``data_dir``)."""

    data_dir: Path
    graph: str
    neo4j_uri: str | None
    neo4j_user: str
    neo4j_password: SecretStr
    neo4j_database: str
    neo4j_retry_s: float
    neo4j_read_timeout_s: float
    falkordb_copy_timeout_s: float | None

    @property
    def engine(self) -> str | None: ...


ENGINES = ("falkordb", "neo4j")


def open_store(settings: StoreSettings) -> GraphStore:
    engine = settings.engine or ("neo4j" if settings.neo4j_uri else "falkordb")
    if engine not in ENGINES:
        raise StoreError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)} (GOVGRAPH_ENGINE)")
    if engine == "neo4j":
        if not settings.neo4j_uri:
            raise StoreError("the neo4j engine needs a server: set GOVGRAPH_NEO4J_URI (or --neo4j URI)")
        from .neo4j_store import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
            retry_s=settings.neo4j_retry_s,
            read_timeout_s=settings.neo4j_read_timeout_s,
            personal_dir=settings.data_dir,
        )
    from .falkordb_store import FalkorDBStore

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return FalkorDBStore(settings.data_dir, graph=settings.graph,
                         copy_timeout_s=settings.falkordb_copy_timeout_s)
