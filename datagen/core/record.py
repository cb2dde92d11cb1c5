"""The JSONL record: one generated conversation as the dataset's users read it, and its one serialisation.

Top-level keys and metadata fields follow the product spec exactly (conversation_id, messages,
tool_calls, tool_outputs, judge_scores, passed, metadata{…}); datagen adds `argument_sources` (why
every argument has its value), `grounding_warnings`, `conversation_seed`, `attempt`, `build_id` and
`run_id` (the `(:Run)` node; the conversation's node id is `<run_id>:<conversation_id>`) to the
metadata. The generator builds a `Record`; the evaluator adds `judge_scores` and, after repair,
`metadata.repair_attempts` (kept as an extra field).

Why one serialisation here: `generate`, `evaluate` and `--resume` must write the same bytes for the
same record, so key order comes from the field order below and `dumps` is the only writer
(UTF-8 unescaped, `", "` / `": "` separators, no sorting).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, field_serializer, model_serializer

from datagen.core.plan import ArgumentSource

DIMENSIONS = ("tool_correctness", "task_completion", "naturalness")
"""The judge's three 1–5 scores, in the order they are written."""

RecordDict = dict[str, Any]
"""A record as parsed JSON: what the evaluator's rules read (they must also judge malformed input)."""

Role = Literal["user", "assistant", "tool"]


class ToolCall(BaseModel):
    """One call as the assistant made it: an endpoint id (`tool::endpoint`) and its arguments."""

    name: str
    parameters: dict[str, Any]


class ToolOutput(BaseModel):
    """What one call returned (the offline executor's mock output), in call order."""

    name: str
    output: Any


class Message(BaseModel):
    """One turn. `name` only on tool messages (the endpoint answered), `tool_calls` only on assistant calls."""

    role: Role
    name: str | None = None
    content: str
    tool_calls: list[ToolCall] | None = None

    @model_serializer(mode="wrap")
    def _drop_absent(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if not (v is None and k in ("name", "tool_calls"))}


class JudgeScores(BaseModel):
    """The record's `judge_scores` block (spec fields, plus `error`: a judge failure is recorded, never raised)."""

    tool_correctness: float | None
    task_completion: float | None
    naturalness: float | None
    mean_score: float | None
    reasoning: str
    judge_model: str
    passed: bool
    failed_gates: list[str]
    error: str | None = None


class RecordMetadata(BaseModel):
    """The record's `metadata` block, in the order it is written."""

    model_config = ConfigDict(extra="allow")

    conversation_id: str
    seed: int
    tool_ids_used: list[str]
    num_turns: int
    num_clarification_questions: int
    memory_grounding_rate: float | None
    corpus_memory_enabled: bool
    pattern_type: str
    sampling_mode: str
    domain: str
    endpoint_ids: list[str]
    num_tool_calls: int
    num_distinct_tools: int
    argument_sources: list[ArgumentSource] = Field(default_factory=list)
    grounded_argument_count: int = 0
    mock_fallback_count: int = 0
    grounding_warnings: list[str] = Field(default_factory=list)
    conversation_seed: int | None = None
    attempt: int = 0
    build_id: str | None = None
    run_id: str | None = None

    @field_serializer("argument_sources")
    def _sources(self, sources: list[ArgumentSource]) -> list[dict[str, Any]]:
        return [s.model_dump(mode="json", exclude_none=True) for s in sources]


class Record(BaseModel):
    """One line of the dataset."""

    conversation_id: str
    messages: list[Message]
    tool_calls: list[ToolCall]
    tool_outputs: list[ToolOutput]
    judge_scores: JudgeScores | None = None
    passed: bool | None = None
    metadata: RecordMetadata

    def to_dict(self) -> RecordDict:
        """The record as JSON data (what `dumps` writes and the evaluator's rules read)."""
        return self.model_dump(mode="json")


def dumps(record: Record | Mapping[str, Any]) -> str:
    """One JSONL line (no trailing newline): the only serialisation of a record."""
    data = record.to_dict() if isinstance(record, Record) else record
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))
