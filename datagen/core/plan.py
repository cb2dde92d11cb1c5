"""The shared conversation protocol: plan in, state through the agents, record out.

The Planner writes a `ConversationPlan` into a `ConversationState`; the UserProxy and Assistant
append messages; the OfflineExecutor appends tool outputs and fills session memory
(`accumulated_fields`) and grounding stats; the Validator reads the finished state. Every argument of
every tool call carries an `ArgumentSource`, so a reader of the record sees why a value is what it is.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from datagen.registry.models import Endpoint


class SamplingMode(StrEnum):
    SEQUENTIAL = "sequential"
    MULTI_TOOL = "multi_tool"
    CLARIFICATION_FIRST = "clarification_first"
    PARALLEL = "parallel"
    MIXED = "mixed"


class PatternType(StrEnum):
    SEQUENTIAL_MULTI_STEP = "sequential_multi_step"
    SEARCH_THEN_ACTION = "search_then_action"
    MULTI_TOOL_CHAIN = "multi_tool_chain"
    PARALLEL = "parallel"


class ChainStep(BaseModel):
    """One endpoint of a sampled chain. Steps sharing `group` are called in one assistant turn."""

    endpoint_id: str
    group: int
    via: list[str] = Field(default_factory=list, description="FEEDS via pairs 'field_path->param' from earlier steps")


class SampledChain(BaseModel):
    """A candidate chain as the Cypher sampler returned it."""

    mode: SamplingMode
    steps: list[ChainStep]
    rank: int = 0

    @property
    def endpoint_ids(self) -> list[str]:
        return [s.endpoint_id for s in self.steps]


class ParamRef(BaseModel):
    """A parameter of a step: `(step index, parameter name)`."""

    step: int
    param: str


class ConversationPlan(BaseModel):
    """What the conversation will be about, decided before any message is written."""

    conversation_id: str
    run_seed: int
    index: int
    seed: int = Field(description="derived seed of this conversation (run seed, index, attempt)")
    attempt: int = 0
    sampling_mode: SamplingMode
    pattern_type: PatternType
    domain: str
    steps: list[ChainStep]
    endpoints: list[Endpoint]
    clarify: list[ParamRef] = Field(default_factory=list, description="required params the user withholds until asked")
    corpus_memory_enabled: bool = True

    def call_groups(self) -> list[list[int]]:
        """Step indices grouped by `group`, groups in ascending order, steps in plan order.

        One group is one assistant message; flattening the groups gives the call order, so a call
        index (position in `ConversationState.tool_calls`) maps back to a step index through it.
        """
        groups: dict[int, list[int]] = {}
        for index, step in enumerate(self.steps):
            groups.setdefault(step.group, []).append(index)
        return [groups[g] for g in sorted(groups)]

    def call_order(self) -> list[int]:
        """Step index of each call, in call order."""
        return [index for group in self.call_groups() for index in group]


class SourceKind(StrEnum):
    USER = "user"
    STEP_OUTPUT = "step_output"
    CLARIFICATION = "clarification"
    DEFAULT = "default"
    MOCK_FALLBACK = "mock_fallback"


class ArgumentSource(BaseModel):
    """Why one argument of one call has its value."""

    call: int
    param: str
    source: SourceKind
    value: Any = None
    step: int | None = Field(default=None, description="for step_output: the call whose output supplied it")
    field_path: str | None = None


class FieldValue(BaseModel):
    """One leaf of a tool output in session memory."""

    step: int
    path: str
    concept: str
    value: Any


class ConversationState(BaseModel):
    """Everything the agents share while one conversation is generated."""

    plan: ConversationPlan
    messages: list[dict[str, Any]] = Field(default_factory=list)
    tool_calls: list[dict[str, Any]] = Field(default_factory=list)
    tool_outputs: list[dict[str, Any]] = Field(default_factory=list)
    accumulated_fields: list[FieldValue] = Field(default_factory=list)
    argument_sources: list[ArgumentSource] = Field(default_factory=list)
    user_values: dict[str, Any] = Field(default_factory=dict, description="'step:param' -> value the user holds")
    memory_hits: list[bool] = Field(default_factory=list, description="per non-first call: session memory had a result")
    num_clarification_questions: int = 0
    choices: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="'call|container' -> the item of a returned list the user picked")
    warnings: list[str] = Field(default_factory=list)
