"""Gates and threshold: turn a judge's verdict (or its failure) into the record's `judge_scores` block.

A record passes only when no gate fails: no structural problem (`validator`), no judge failure
(`judge_error`), no rubric gate the judge names (`scope_crossing`, `filler_value` …), every
dimension at or above its floor (`<dimension>_floor`, tool_correctness first), and the mean of
the three dimensions at or above the threshold (`threshold`). `mean_score` is that mean rounded to
2 places, as in the product spec.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from datagen.evaluator.types import DIMENSIONS, JudgeScores, Verdict


class ScorerSettings(BaseModel):
    """Where the lines are drawn."""

    threshold: float = Field(default=3.5, ge=1.0, le=5.0)
    floor: float = Field(default=3.0, ge=1.0, le=5.0, description="no dimension may score below this")


def mean_score(verdict: Verdict) -> float:
    """Mean of the three dimensions, rounded to 2 places."""
    return round(sum(float(getattr(verdict, d)) for d in DIMENSIONS) / len(DIMENSIONS), 2)


def gates(verdict: Verdict | None, structure_problems: list[str], settings: ScorerSettings) -> list[str]:
    """The names of the gates this judgement fails, in a fixed order."""
    failed = ["validator"] if structure_problems else []
    if verdict is None:
        return failed + ["judge_error"]
    failed += list(verdict.rules)  # rubric gates, named (offline judge)
    failed += [f"{d}_floor" for d in DIMENSIONS if getattr(verdict, d) < settings.floor]
    if mean_score(verdict) < settings.threshold:
        failed.append("threshold")
    return failed


def score(verdict: Verdict | None, judge_model: str, structure_problems: list[str],
          settings: ScorerSettings, error: str | None = None) -> JudgeScores:
    """The `judge_scores` block of one record (a None verdict is a judge error)."""
    failed = gates(verdict, structure_problems, settings)
    reasoning = verdict.reasoning if verdict is not None else f"judge error: {error or 'no verdict'}"
    if structure_problems:
        reasoning += f" Structural: {'; '.join(structure_problems[:3])}."
    return JudgeScores(
        tool_correctness=verdict.tool_correctness if verdict else None,
        task_completion=verdict.task_completion if verdict else None,
        naturalness=verdict.naturalness if verdict else None,
        mean_score=mean_score(verdict) if verdict else None,
        reasoning=reasoning, judge_model=judge_model, passed=not failed, failed_gates=failed,
        error=None if verdict is not None else (error or "no verdict"),
    )
