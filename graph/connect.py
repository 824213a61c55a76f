"""Pick and open the store the settings describe: Neo4j when a URI is set, else embedded.

The settings are described here by what this module reads (``StoreSettings``), not
imported: the graph layer knows nothing of the layers above it, and the
application's ``govgraph.settings.Settings`` is one object that has these fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pydantic import SecretStr

from .store import GraphStore


class StoreSettings(Protocol):
    """Where the graph lives: Neo4j when ``neo4j_uri`` is set, else the embedded
    engine in ``data_dir``."""

    data_dir: Path
    graph: str
    neo4j_uri: str | None
    neo4j_user: str
    neo4j_password: SecretStr
    neo4j_database: str
    neo4j_retry_s: float
    neo4j_read_timeout_s: float


def open_store(settings: StoreSettings) -> GraphStore:
    if settings.neo4j_uri:
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
    return FalkorDBStore(settings.data_dir, graph=settings.graph)
