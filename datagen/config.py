"""Settings read from the environment (and overridden by CLI flags).

Why one model: every command resolves its Neo4j connection and its cache folder the same way, so
the rules live here and in `datagen.db.connection`, nowhere else.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

NEO4J_VERSION = "5.26.0"
"""The Neo4j server version the managed local server runs and docker-compose pins."""


def _default_home() -> Path:
    return Path.home() / ".cache" / "datagen"


class Settings(BaseSettings):
    """Connection and cache settings.

    `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE` point at an existing server; when
    `NEO4J_URI` is unset, commands use (and auto-start) the managed local server whose files live
    under `DATAGEN_HOME` (default `~/.cache/datagen`).
    """

    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: SecretStr | None = Field(default=None, validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE")
    home: Path = Field(default_factory=_default_home, validation_alias="DATAGEN_HOME")

    @property
    def neo4j_home(self) -> Path:
        """Folder of the managed local server (jars, conf, data, logs, state)."""
        return self.home / f"neo4j-{NEO4J_VERSION}"
