"""The normalised tool registry: the one view of the tools every later stage reads.

Ids are stable across runs and machines: a tool is `tool_slug`, an endpoint `tool_slug::endpoint_slug`,
and `rk` is a 40-bit key from blake2b of the id, used by the Cypher samplers for seeded ordering.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class ParamType(StrEnum):
    """Parameter and field types after normalisation (ToolBench spells them a dozen ways)."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    TIME = "time"
    ENUM = "enum"
    ARRAY = "array"
    OBJECT = "object"
    GEOPOINT = "geopoint"
    BINARY = "binary"
    NULL = "null"


class FieldSource(StrEnum):
    """Where a response field came from; `inferred` fields are guesses from names and text.

    `observed` fields come from an answer ToolBench saw the API give (its `response_examples`);
    `borrowed` ones from the documented shape of a similar endpoint of the same tool, still a guess.
    """

    SCHEMA = "schema"
    EXAMPLE = "example"
    OBSERVED = "observed"
    BORROWED = "borrowed"
    INFERRED = "inferred"


class Parameter(BaseModel):
    """One input of an endpoint."""

    name: str
    type: ParamType
    raw_type: str | None = None
    required: bool
    description: str = ""
    default: Any = None
    enum: list[str] | None = None
    concept: str
    control: bool = Field(default=False, description="paging/format knobs that no output should fill")


class ResponseField(BaseModel):
    """One leaf of an endpoint's output, addressed by a path such as `hotels[].hotel_id`."""

    path: str
    name: str
    type: ParamType
    description: str = ""
    concept: str
    source: FieldSource
    inferred: bool = False


class Endpoint(BaseModel):
    """One API of a tool."""

    id: str
    tool_id: str
    slug: str
    name: str
    description: str = ""
    method: str = "GET"
    url: str = ""
    category: str
    rk: int
    platform: str = Field(default="", description="public platform the tool wraps ('' when none): see registry.scope")
    tool_summary: str = Field(default="", description="head of the tool's description: which sense of an ambiguous "
                                                      "concept (a stock or a coin symbol) the endpoint means")
    parameters: list[Parameter]
    response_fields: list[ResponseField]
    shape_source: str = Field(default="", description="where the response fields' shape came from: a file and "
                                                      "JSON path, the endpoint it was borrowed from, or 'inferred'")
    realisability: float = Field(default=0.0, description="0..1, how well an answer can be made and asked for "
                                                         "(registry.realisability); set by the build")


class Tool(BaseModel):
    """One ToolBench tool (a RapidAPI listing) and its endpoints."""

    id: str
    name: str
    title: str = ""
    description: str = ""
    host: str = ""
    category: str
    platform: str = Field(default="", description="public platform the tool wraps ('' when none): see registry.platforms")
    source_file: str
    rk: int
    endpoints: list[Endpoint]


class Category(BaseModel):
    """A ToolBench category (the folder name)."""

    id: str
    name: str


class Duplicate(BaseModel):
    """A tool or endpoint dropped or renamed by deduplication, with why."""

    kind: str
    id: str
    source: str
    action: str
    reason: str


class Registry(BaseModel):
    """All tools, their categories, and the deduplication report."""

    categories: list[Category]
    tools: list[Tool]
    duplicates: list[Duplicate] = Field(default_factory=list)
    observed_counts: dict[str, int] = Field(default_factory=dict, description="what became of the observed "
                                            "response structures (registry.build): matched, used, dropped and why; "
                                            "and how many endpoints borrowed a sibling's shape")

    def endpoints(self) -> list[Endpoint]:
        """Every endpoint, in tool order."""
        return [ep for tool in self.tools for ep in tool.endpoints]

    def endpoint_index(self) -> dict[str, Endpoint]:
        """Endpoints by id."""
        return {ep.id: ep for ep in self.endpoints()}

    def tool_index(self) -> dict[str, Tool]:
        """Tools by id."""
        return {tool.id: tool for tool in self.tools}
