"""The exception tree of datagen.

Library code raises these; only the CLI turns them into one-line `click.ClickException`s. Each
message is written to be shown to a user as it is, and says what to fix where it can.
"""

from __future__ import annotations


class DatagenError(Exception):
    """Root of every error datagen raises on purpose."""


class InputError(DatagenError):
    """A bad input file: names the file and the JSON path of the offending value."""

    def __init__(self, file: str, json_path: str, reason: str) -> None:
        self.file = file
        self.json_path = json_path
        self.reason = reason
        super().__init__(f"{file}: {json_path}: {reason}")


class ConfigError(DatagenError):
    """Settings or flags that cannot work together."""


class GraphError(DatagenError):
    """The graph in Neo4j is missing, empty, or not what a stage expects."""


class QueryError(DatagenError):
    """A Cypher file is unknown, or a query was called with missing or extra parameters."""


class Neo4jUnavailable(DatagenError):
    """No Neo4j server answers where we were told (or expected) to find one."""


class LocalServerError(DatagenError):
    """The managed local Neo4j server could not be installed, started or stopped."""


class GenerationError(DatagenError):
    """Conversation generation could not produce a valid record."""


class JudgeError(DatagenError):
    """The judge failed in a way the run cannot recover from."""


class ForeignDataError(DatagenError):
    """A test or benchmark was pointed at a database holding data it did not create (maybe a user's)."""


class WriteError(DatagenError):
    """An output could not be written (disk full, read-only, permission); nothing half-written is left."""
