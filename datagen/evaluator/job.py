"""The evaluate job: read records, judge and gate them, repair the failing ones, write file and report.

Reads a JSONL file from `generate` (or `evaluate`); writes `<output>` (same records, `judge_scores`
and `passed` filled, `metadata.repair_attempts` on repaired ones) and the report (by default
`evaluation_report.json` next to it), atomically. Neo4j is used only when given a driver: for the
score write-back and for full rewrites. With the offline judge the output bytes depend only on the
input and the flags.

A judge that stops answering stops the evaluation: after `MAX_CONSECUTIVE_JUDGE_FAILURES` records in
a row whose judging failed, nothing more is sent; the records judged before that streak are kept in
a checkpoint (`datagen.evaluator.checkpoint`), neither the output nor the report nor any score in
Neo4j is written, and a rerun with `resume` judges only the rest. A lone failure (one malformed answer
between good ones) is recorded in its record as a judge error, as before.

A `ModelRepair` (the realiser's, passed in by the CLI) is tried before the deterministic repairs; its
requests, tokens and estimated cost go into the report's `repair.realiser`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver
from pydantic import BaseModel, Field

from datagen.core.atomic import write_atomic
from datagen.core.checks import check_record
from datagen.core.record import RecordDict as Record
from datagen.db.run import graph_errors
from datagen.errors import ConfigError, DatagenError, JudgeError
from datagen.evaluator import checkpoint
from datagen.evaluator.records import read_records, write_records
from datagen.evaluator.repair import ModelRepair, PlanRebuilder, repair
from datagen.evaluator.report import EvaluationReport, build_report
from datagen.evaluator.scorer import ScorerSettings, score
from datagen.evaluator.types import Judge, JudgeScores
from datagen.evaluator.writeback import write_scores

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


# Why 3: the SDK has already retried each request (429/5xx/timeouts), so one failed record is either a
# malformed answer or a blip the next record does not see; three records in a row failing means the
# API, the network or the key is down, and every further record would only wait and fail.
MAX_CONSECUTIVE_JUDGE_FAILURES = 3

# Why a half: a dataset in which most conversations fail a gate is not one to train on, whatever its
# mean score (a file of 30 conversations that all fail a gate can still have a mean above 3.5).
MIN_PASS_RATE = 0.5


class EvaluateSettings(BaseModel):
    """The flags of `datagen evaluate`."""

    input: Path
    output: Path = Path("output/evaluated.jsonl")
    repair: bool = False
    threshold: float = Field(default=3.5, ge=1.0, le=5.0)
    floor: float = Field(default=3.0, ge=1.0, le=5.0)
    max_repairs: int = Field(default=2, ge=0)
    min_pass_rate: float = Field(default=MIN_PASS_RATE, ge=0.0, le=1.0)
    report: Path | None = None
    resume: bool = False
    write_back: bool = True
    verbose: bool = False


def score_record(record: Record, judge: Judge, settings: ScorerSettings) -> JudgeScores:
    """Judge and gate one record; a `JudgeError` becomes a recorded judge error."""
    problems = check_record(record)
    try:
        verdict = judge.judge(record)
    except JudgeError as exc:
        log.info("%s: judge error: %s", record.get("conversation_id"), exc)  # the run says it once, in one line
        return score(None, judge.model, problems, settings, error=str(exc))
    return score(verdict, judge.model, problems, settings)


def report_path(settings: EvaluateSettings) -> Path:
    """`--report`, or `evaluation_report.json` beside the output."""
    return settings.report or settings.output.with_name("evaluation_report.json")


@dataclass
class Judged:
    """The records judged so far, in input order, and how many of them passed before repair."""

    records: list[Record] = field(default_factory=list)
    initial: int = 0


def evaluate_records(records: list[Record], judge: Judge, settings: EvaluateSettings,
                     rewriter: PlanRebuilder | None = None, progress: Progress | None = None,
                     judged: Judged | None = None, model: ModelRepair | None = None) -> tuple[list[Record], int]:
    """Score (and repair) the records after `judged`; returns all judged records and how many passed before repair.

    `judged` is filled as the records are judged, so a caller still has them when this raises. The
    records of a failure streak wait in `pending` until a record is judged again (then they are kept
    as judge errors) or the streak reaches `MAX_CONSECUTIVE_JUDGE_FAILURES` (then they are dropped,
    to be judged again by a rerun, and `JudgeError` is raised).
    """
    judged = judged if judged is not None else Judged()
    gate = ScorerSettings(threshold=settings.threshold, floor=settings.floor)
    pending: list[Record] = []
    for n in range(len(judged.records) + 1, len(records) + 1):
        record = records[n - 1]
        scores = score_record(record, judge, gate)
        new = {**record, "judge_scores": scores.model_dump(mode="json"), "passed": scores.passed}
        if scores.error is not None:
            pending.append(new)
            if len(pending) >= MAX_CONSECUTIVE_JUDGE_FAILURES:
                raise JudgeError(f"the judge failed on {len(pending)} conversations in a row ({scores.error})")
        else:
            judged.records.extend(pending)
            pending = []
            judged.initial += scores.passed
            if not scores.passed and settings.repair and settings.max_repairs > 0:
                new = repair(new, scores, lambda r: score_record(r, judge, gate), settings.max_repairs, rewriter,
                             model=model)
            judged.records.append(new)
        message = f"{record.get('conversation_id')}: {'passed' if new['passed'] else 'failed'} " \
                  f"{new['judge_scores'].get('failed_gates')} mean {new['judge_scores'].get('mean_score')}"
        (log.info if settings.verbose else log.debug)(message)
        if progress is not None:
            progress(n, len(records))
    judged.records.extend(pending)
    return judged.records, judged.initial


_RERUN_HINT = "start Neo4j again and rerun the command, or pass --no-write-back to leave the graph alone"


def _checkpoint_key(settings: EvaluateSettings, judge: Judge, model: ModelRepair | None = None) -> dict[str, object]:
    """What a checkpoint must match to be continued: the input's bytes, the judge, the gates and the
    model repair (named only when there is one, so a checkpoint made without it still matches)."""
    key: dict[str, object] = {"input_sha256": checkpoint.file_digest(settings.input), "judge_model": judge.model,
                              "threshold": settings.threshold, "floor": settings.floor, "repair": settings.repair,
                              "max_repairs": settings.max_repairs}
    return key | ({"repair_model": model.name} if model is not None and settings.repair else {})


def judge_all(records: list[Record], judge: Judge, settings: EvaluateSettings, rewriter: PlanRebuilder | None = None,
              progress: Progress | None = None, model: ModelRepair | None = None) -> Judged:
    """Judge every record, continuing a checkpoint with `settings.resume`; on a stop, keep what was judged.

    Raises:
        JudgeError, ConfigError: the judge stopped answering (or refused the key); the records judged
            so far are in the checkpoint and the message says how to continue.
    """
    key = _checkpoint_key(settings, judge, model)
    judged = Judged()
    if settings.resume and checkpoint.exists(settings.output):
        judged = Judged(*checkpoint.load(settings.output, key, records))
        log.info("continuing %s: %d record(s) already judged", checkpoint.partial_path(settings.output),
                 len(judged.records))
    else:
        checkpoint.discard(settings.output)
    try:
        with graph_errors("repairing conversations", _RERUN_HINT):
            evaluate_records(records, judge, settings, rewriter, progress, judged, model)
    except (JudgeError, ConfigError) as exc:
        checkpoint.save(settings.output, key, judged.records, judged.initial)
        kept = f"{len(judged.records)} conversation(s) judged so far are kept in {checkpoint.partial_path(settings.output)}"
        raise type(exc)(f"evaluation stopped: {exc}; {kept}, nothing else was written; check ANTHROPIC_API_KEY "
                        f"and the network, then rerun the same command with --resume to continue") from exc
    except (DatagenError, KeyboardInterrupt):
        checkpoint.save(settings.output, key, judged.records, judged.initial)
        raise
    return judged


def run_evaluate(settings: EvaluateSettings, judge: Judge, driver: Driver | None = None, database: str = "neo4j",
                 progress: Progress | None = None, model: ModelRepair | None = None) -> EvaluationReport:
    """Evaluate `settings.input` into `settings.output` and the report (see `report_path`)."""
    records = read_records(settings.input)
    rewriter = PlanRebuilder(driver, database) if driver is not None and settings.repair else None
    model = model if settings.repair else None
    judged = judge_all(records, judge, settings, rewriter, progress, model)
    evaluated = judged.records
    write_records(settings.output, evaluated)
    report = build_report(evaluated, judged.initial, str(settings.input), str(settings.output), judge.model,
                          settings.threshold, settings.min_pass_rate)
    if model is not None:
        report.repair["realiser"] = {"name": model.name, **model.usage().model_dump(mode="json")}
    if driver is not None and settings.write_back:
        repaired = [r for r, old in zip(evaluated, records) if r.get("messages") != old.get("messages")]
        with graph_errors("writing scores", f"{settings.output} is written; {_RERUN_HINT}"):
            report.write_back = write_scores(driver, database, evaluated, repaired)
    write_atomic(report_path(settings), report.model_dump_json(indent=2) + "\n")
    checkpoint.discard(settings.output)
    return report


def score_file_inline(path: Path, judge: Judge, threshold: float = 3.5, driver: Driver | None = None,
                      database: str = "neo4j", resume: bool = False,
                      min_pass_rate: float = MIN_PASS_RATE) -> EvaluationReport:
    """`generate --evaluate`: fill judge_scores/passed of a finished output file in place (atomically).

    With a driver the scores are also written back (the conversations are already in the graph).
    When the judge stops answering, the file stays as generated (unscored) and the records judged so
    far wait in `<path>.judged.partial` for `resume`.
    """
    records = read_records(path)
    settings = EvaluateSettings(input=path, output=path, threshold=threshold, resume=resume,
                                min_pass_rate=min_pass_rate)
    judged = judge_all(records, judge, settings)
    evaluated = judged.records
    write_records(path, evaluated)
    checkpoint.discard(path)
    report = build_report(evaluated, judged.initial, str(path), str(path), judge.model, threshold, min_pass_rate)
    if driver is not None:
        with graph_errors("writing scores", f"{path} is scored; {_RERUN_HINT}"):
            report.write_back = write_scores(driver, database, evaluated)
    return report
