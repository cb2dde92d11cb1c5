"""`evaluation_report.json`: what an evaluation found, for people and for CI.

Means per dimension and of `mean_score` (over records the judge could score), pass rate before and
after repair, how often each gate failed (and each rubric gate, zeros included, in rubric order),
judge errors, repair success, and the quality assertion that decides exit code 2: the mean of
`mean_score` at or above the threshold AND the pass rate (after repair) at or above the minimum. Both,
because a mean can stay high while every record fails a gate (a floor, a rubric gate, the validator).
No wall-clock time, so the same input and judge give the same report.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel

from datagen.core.record import RecordDict as Record
from datagen.evaluator.rubric import RUBRIC_GATES
from datagen.evaluator.types import DIMENSIONS


class QualityAssertion(BaseModel):
    """Mean of the records' `mean_score` against the threshold (None when nothing was scored), and the
    pass rate against its minimum; `passed` only when both hold, `failed` names the ones that do not."""

    mean_score: float | None
    threshold: float
    pass_rate: float = 0.0
    min_pass_rate: float = 0.0
    passed: bool
    failed: list[str] = []

    def message(self) -> str:
        """One line saying which rule failed (empty when the assertion holds)."""
        parts = []
        if "mean_score" in self.failed:
            parts.append(f"mean score {self.mean_score} < threshold {self.threshold}")
        if "pass_rate" in self.failed:
            parts.append(f"pass rate {100 * self.pass_rate:.1f}% < --min-pass-rate {100 * self.min_pass_rate:.1f}%")
        return f"quality assertion failed: {'; '.join(parts)}" if parts else ""


class EvaluationReport(BaseModel):
    """The content of `evaluation_report.json`."""

    input: str
    output: str
    judge_model: str
    records: int
    means: dict[str, float | None]
    passed: int
    pass_rate: float
    initial_pass_rate: float
    failed_gate_counts: dict[str, int]
    rubric_gate_counts: dict[str, int] = {}
    judge_errors: int
    repair: dict[str, Any]
    quality_assertion: QualityAssertion
    write_back: dict[str, int] | None = None


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def build_report(records: list[Record], initial_passed: int, input_path: str, output_path: str,
                 judge_model: str, threshold: float, min_pass_rate: float = 0.0) -> EvaluationReport:
    """Aggregate the scored records (after repair) into the report."""
    scores = [r.get("judge_scores") or {} for r in records]
    means = {d: _mean([float(s[d]) for s in scores if s.get(d) is not None]) for d in (*DIMENSIONS, "mean_score")}
    gates = Counter(g for s in scores for g in s.get("failed_gates") or [])
    passed = sum(1 for s in scores if s.get("passed"))
    attempts = [a for r in records for a in (r.get("metadata") or {}).get("repair_attempts") or []]
    tried = [r for r in records if (r.get("metadata") or {}).get("repair_attempts")]
    repaired = [r for r in tried if r.get("passed")]
    kinds = Counter(str(a.get("kind", "")).split(":", 1)[0] for a in attempts)
    kinds_ok = Counter(str(a.get("kind", "")).split(":", 1)[0] for a in attempts if a.get("success"))
    n = len(records)
    overall = means["mean_score"]
    pass_rate = round(passed / n, 4) if n else 0.0
    failed = [name for name, ok in (("mean_score", overall is not None and overall >= threshold),
                                    ("pass_rate", pass_rate >= min_pass_rate)) if not ok]
    return EvaluationReport(
        input=input_path, output=output_path, judge_model=judge_model, records=n, means=means,
        passed=passed, pass_rate=pass_rate,
        initial_pass_rate=round(initial_passed / n, 4) if n else 0.0,
        failed_gate_counts=dict(sorted(gates.items())),
        rubric_gate_counts={g: gates.get(g, 0) for g in RUBRIC_GATES},
        judge_errors=sum(1 for s in scores if s.get("error")),
        repair={"conversations_attempted": len(tried), "conversations_repaired": len(repaired),
                "success_rate": round(len(repaired) / len(tried), 4) if tried else None,
                "attempts": len(attempts),
                "by_kind": {k: {"attempts": v, "succeeded": kinds_ok.get(k, 0)} for k, v in sorted(kinds.items())}},
        quality_assertion=QualityAssertion(mean_score=overall, threshold=threshold, pass_rate=pass_rate,
                                           min_pass_rate=min_pass_rate, passed=not failed, failed=failed),
    )
