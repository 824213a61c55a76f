"""Pick and open the store the settings describe: Neo4j when a URI is set, else embedded."""

from __future__ import annotations

from ..settings import Settings
from .store import GraphStore


def open_store(settings: Settings | None = None) -> GraphStore:
    settings = settings or Settings()
    if settings.neo4j_uri:
        from .neo4j_store import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
            retry_s=settings.neo4j_retry_s,
            read_timeout_s=settings.neo4j_read_timeout_s,
        )
    from .falkordb_store import FalkorDBStore

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return FalkorDBStore(settings.data_dir, graph=settings.graph)
