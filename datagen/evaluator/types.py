"""The evaluator's contracts: what a judge returns, the `judge_scores` block, a repair attempt.

`Verdict` is also the input schema of the Anthropic judge's forced tool call, so the model is asked
for exactly what pydantic then validates. `JudgeScores`, the record's `judge_scores` block, is defined
with the record in `datagen.core.record`.
"""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema

# The `judge_scores` block is part of the record (datagen.core.record), re-exported for the judges.
from datagen.core.record import DIMENSIONS as DIMENSIONS
from datagen.core.record import JudgeScores as JudgeScores

OFFLINE_MODEL = "offline-rules-v1"


class Verdict(BaseModel):
    """One judgement of one conversation: three 1–5 scores and why."""

    tool_correctness: float = Field(ge=1, le=5, description="Right tools, arguments grounded in earlier outputs or the user's words, correct types.")
    task_completion: float = Field(ge=1, le=5, description="The final answer resolves the user's request with values the tools returned.")
    naturalness: float = Field(ge=1, le=5, description="Roles in order, varied non-template text, clarifications asked and answered.")
    reasoning: str = Field(min_length=1, description="Two or three sentences naming the problems found, or why none.")
    # Rubric gates the offline judge proved (`evaluator.rubric.RUBRIC_GATES`); kept out of the model's
    # tool schema, so the Anthropic judge's contract is unchanged.
    rules: SkipJsonSchema[list[str]] = Field(default_factory=list)


class Issue(BaseModel):
    """One problem the offline rules found; the repairer reads these to decide what to fix."""

    kind: str
    dimension: str
    severity: str = Field(description="critical | major | minor")
    message: str
    call: int | None = None
    param: str | None = None


class RepairAttempt(BaseModel):
    """One repair try, kept in `metadata.repair_attempts`."""

    attempt: int
    kind: str
    gate: str
    success: bool


class Judge(Protocol):
    """Anything that scores a record; `JudgeError` when it cannot."""

    model: str

    def judge(self, record: dict[str, Any]) -> Verdict:
        """Score one record."""
        ...
