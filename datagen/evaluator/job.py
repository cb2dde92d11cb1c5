"""The evaluate job: read records, judge and gate them, repair the failing ones, write file and report.

Reads a JSONL file from `generate` (or `evaluate`); writes `<output>` (same records, `judge_scores`
and `passed` filled, `metadata.repair_attempts` on repaired ones) and `evaluation_report.json` next
to it, atomically. Neo4j is used only when given a driver: for the score write-back and for full
rewrites. With the offline judge the output bytes depend only on the input and the flags.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from neo4j import Driver
from pydantic import BaseModel, Field

from datagen.core.atomic import write_atomic
from datagen.core.checks import check_record
from datagen.core.record import RecordDict as Record
from datagen.db.run import graph_errors
from datagen.errors import JudgeError
from datagen.evaluator.records import read_records, write_records
from datagen.evaluator.repair import PlanRebuilder, repair
from datagen.evaluator.report import EvaluationReport, build_report
from datagen.evaluator.scorer import ScorerSettings, score
from datagen.evaluator.types import Judge, JudgeScores
from datagen.evaluator.writeback import write_scores

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class EvaluateSettings(BaseModel):
    """The flags of `datagen evaluate`."""

    input: Path
    output: Path = Path("output/evaluated.jsonl")
    repair: bool = False
    threshold: float = Field(default=3.5, ge=1.0, le=5.0)
    floor: float = Field(default=3.0, ge=1.0, le=5.0)
    max_repairs: int = Field(default=2, ge=0)
    write_back: bool = True
    verbose: bool = False


def score_record(record: Record, judge: Judge, settings: ScorerSettings) -> JudgeScores:
    """Judge and gate one record; a `JudgeError` becomes a recorded judge error."""
    problems = check_record(record)
    try:
        verdict = judge.judge(record)
    except JudgeError as exc:
        log.warning("%s: judge error: %s", record.get("conversation_id"), exc)
        return score(None, judge.model, problems, settings, error=str(exc))
    return score(verdict, judge.model, problems, settings)


def evaluate_records(records: list[Record], judge: Judge, settings: EvaluateSettings,
                     rewriter: PlanRebuilder | None = None,
                     progress: Progress | None = None) -> tuple[list[Record], int]:
    """Score (and repair) every record; returns the new records and how many passed before repair."""
    gate = ScorerSettings(threshold=settings.threshold, floor=settings.floor)
    out: list[Record] = []
    initial = 0
    for n, record in enumerate(records, start=1):
        scores = score_record(record, judge, gate)
        initial += scores.passed
        new = {**record, "judge_scores": scores.model_dump(mode="json"), "passed": scores.passed}
        if not scores.passed and settings.repair and settings.max_repairs > 0:
            new = repair(new, scores, lambda r: score_record(r, judge, gate), settings.max_repairs, rewriter)
        message = f"{record.get('conversation_id')}: {'passed' if new['passed'] else 'failed'} " \
                  f"{new['judge_scores'].get('failed_gates')} mean {new['judge_scores'].get('mean_score')}"
        (log.info if settings.verbose else log.debug)(message)
        out.append(new)
        if progress is not None:
            progress(n, len(records))
    return out, initial


_RERUN_HINT = "start Neo4j again and rerun the command, or pass --no-write-back to leave the graph alone"


def run_evaluate(settings: EvaluateSettings, judge: Judge, driver: Driver | None = None, database: str = "neo4j",
                 progress: Progress | None = None) -> EvaluationReport:
    """Evaluate `settings.input` into `settings.output` and `evaluation_report.json` beside it."""
    records = read_records(settings.input)
    rewriter = PlanRebuilder(driver, database) if driver is not None and settings.repair else None
    with graph_errors("repairing conversations", _RERUN_HINT):
        evaluated, initial = evaluate_records(records, judge, settings, rewriter, progress)
    write_records(settings.output, evaluated)
    report = build_report(evaluated, initial, str(settings.input), str(settings.output), judge.model, settings.threshold)
    if driver is not None and settings.write_back:
        repaired = [r for r, old in zip(evaluated, records) if r.get("messages") != old.get("messages")]
        with graph_errors("writing scores", f"{settings.output} is written; {_RERUN_HINT}"):
            report.write_back = write_scores(driver, database, evaluated, repaired)
    write_atomic(settings.output.with_name("evaluation_report.json"), report.model_dump_json(indent=2) + "\n")
    return report


def score_file_inline(path: Path, judge: Judge, threshold: float = 3.5, driver: Driver | None = None,
                      database: str = "neo4j") -> EvaluationReport:
    """`generate --evaluate`: fill judge_scores/passed of a finished output file in place (atomically).

    With a driver the scores are also written back (the conversations are already in the graph).
    """
    records = read_records(path)
    settings = EvaluateSettings(input=path, output=path, threshold=threshold)
    evaluated, initial = evaluate_records(records, judge, settings)
    write_records(path, evaluated)
    report = build_report(evaluated, initial, str(path), str(path), judge.model, threshold)
    if driver is not None:
        with graph_errors("writing scores", f"{path} is scored; {_RERUN_HINT}"):
            report.write_back = write_scores(driver, database, evaluated)
    return report
