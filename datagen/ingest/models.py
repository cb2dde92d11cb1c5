"""Pydantic models of the raw ToolBench tool format, as found in the wild.

Ingest does no interpretation: these models accept every shape the real files use (missing keys,
`null` where a string is usual, `schema` as a dict, a string or a list) and reject only what no later
stage could use (a tool without a name, an API without a name, a parameter that is not an object).
Unknown keys are kept, so nothing in the source is lost before the registry decides what it means.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class RawParameter(BaseModel):
    """One entry of `required_parameters` / `optional_parameters`."""

    model_config = ConfigDict(extra="allow")

    name: str = Field(min_length=1)
    type: str | None = None
    description: str | None = None
    default: Any = None

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("parameter name is blank")
        return value


class RawApi(BaseModel):
    """One entry of a tool's `api_list`."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    name: str = Field(min_length=1)
    url: str | None = None
    description: str | None = None
    method: str | None = None
    required_parameters: list[RawParameter] = Field(default_factory=list)
    optional_parameters: list[RawParameter] = Field(default_factory=list)
    statuscode: int | None = None
    schema_: dict[str, Any] | list[Any] | str | None = Field(default=None, alias="schema")
    example_response: Any = None

    @field_validator("required_parameters", "optional_parameters", mode="before")
    @classmethod
    def _null_is_empty(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("API name is blank")
        return value


class RawTool(BaseModel):
    """One ToolBench tool file (or one element of a JSON array of tools)."""

    model_config = ConfigDict(extra="allow")

    tool_name: str | None = None
    name: str | None = None
    title: str | None = None
    tool_description: str | None = None
    host: str | None = None
    home_url: str | None = None
    product_id: str | None = None
    pricing: str | None = None
    category_name: str | None = None
    category: str | None = None
    api_list: list[RawApi]

    @field_validator("api_list", mode="before")
    @classmethod
    def _null_api_list(cls, value: Any) -> Any:
        return [] if value is None else value

    def display_name(self) -> str | None:
        """The tool's name as ToolBench users know it (`tool_name`, else `name`, else `title`)."""
        for candidate in (self.tool_name, self.name, self.title):
            if candidate and candidate.strip():
                return candidate.strip()
        return None


class RawToolRecord(BaseModel):
    """A parsed tool with where it came from: the file, its position in it, and its category."""

    source_file: str
    source_index: int | None = None
    category: str
    tool: RawTool


class SkippedInput(BaseModel):
    """An input that `--skip-invalid` passed over, with the one-line reason."""

    file: str
    json_path: str
    reason: str


class IngestResult(BaseModel):
    """What ingest hands to the registry: the tools, the skipped inputs, and the file hashes."""

    tools: list[RawToolRecord]
    skipped: list[SkippedInput]
    file_hashes: dict[str, str]
