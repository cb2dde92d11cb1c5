"""The repair loop: surgical fixes first, then a full rewrite from the plan, up to `max_repairs`.

A failing record is first fixed where its problems are (`surgical.apply`, driven by the offline
rules' issues, whichever judge scored it); if that is not enough, or nothing surgical applies, the
conversation is regenerated from its plan with a seed derived from its own seed and the attempt
number. A record alone does not hold the endpoint schemas, so the full rewrite needs the graph:
`PlanRebuilder` reads them through `EndpointCache`. Every attempt is appended to
`metadata.repair_attempts` as `{attempt, kind, gate, success}`.

With a `ModelRepair` (`evaluate --repair-realiser anthropic`; the realiser is a later stage, so the CLI
passes it in) a model first rewrites only what the offline issues name, as attempt 0 of kind
`realiser`; when its answer fails the realiser's checks or the judge, the attempts 1..`max_repairs`
above run from the original record exactly as without it (same numbers, same derived seeds).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from typing import Protocol

from neo4j import Driver

from datagen.core.plan import ChainStep, ConversationPlan, ParamRef, PatternType, SamplingMode
from datagen.core.record import RecordDict as Record
from datagen.errors import DatagenError, GenerationError
from datagen.evaluator.lineage import calls, sources
from datagen.evaluator.offline_judge import find_issues
from datagen.evaluator.surgical import apply
from datagen.evaluator.types import Issue, JudgeScores, RepairAttempt
from datagen.generator.conversation import generate_conversation
from datagen.generator.realise import RealiserUsage
from datagen.generator.record import build_record
from datagen.generator.validator import validate
from datagen.registry.models import Endpoint
from datagen.sampler.endpoints import EndpointCache

log = logging.getLogger(__name__)

Scorer = Callable[[Record], JudgeScores]
Rewriter = Callable[[Record, int], Record]
MODEL_REPAIR_KIND = "realiser"


class ModelRepair(Protocol):
    """A model's rewrite of the parts of a record its issues name, already checked (None: it failed)."""

    @property
    def name(self) -> str:
        """What identifies the repairer (`anthropic:<model>`): part of a stopped evaluation's key."""
        ...

    @property
    def endpoints(self) -> dict[str, Endpoint]:
        """The registry view the model's request and checks use (also for the issues it is given)."""
        ...

    def __call__(self, record: Record, issues: list[Issue]) -> Record | None:
        """The repaired record, or None when the answer failed a check (the caller falls back)."""
        ...

    def usage(self) -> RealiserUsage:
        """Requests, tokens and estimated cost so far (for the report)."""
        ...


def derived_seed(seed: int, attempt: int) -> int:
    """The seed of rewrite `attempt` of a conversation: stable, and far from the original's neighbours."""
    digest = hashlib.blake2b(f"{seed}:repair:{attempt}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _index(conversation_id: str) -> int:
    match = re.search(r"_(\d+)$", conversation_id)
    return max(0, int(match.group(1)) - 1) if match else 0


def rebuild_plan(record: Record, endpoints: dict[str, Endpoint], seed: int) -> ConversationPlan:
    """The plan a record was generated from, as far as the record and the registry tell it."""
    meta = record["metadata"]
    ids = list(meta["endpoint_ids"])
    made = calls(record)
    same = [c.name for c in made] == ids
    steps = []
    for i, endpoint_id in enumerate(ids):
        via = sorted(f"{s['field_path']}->{s['param']}" for s in sources(record)
                     if s.get("call") == i and s.get("source") == "step_output" and s.get("field_path"))
        steps.append(ChainStep(endpoint_id=endpoint_id, group=made[i].message if same else i, via=via))
    clarify = [ParamRef(step=s["call"], param=s["param"]) for s in sources(record)
               if s.get("source") == "clarification" and isinstance(s.get("call"), int) and s["call"] < len(ids)]
    return ConversationPlan(
        conversation_id=record["conversation_id"], run_seed=int(meta["seed"]), index=_index(record["conversation_id"]),
        seed=seed, attempt=int(meta.get("attempt") or 0), sampling_mode=SamplingMode(meta["sampling_mode"]),
        pattern_type=PatternType(meta["pattern_type"]), domain=str(meta["domain"]), steps=steps,
        endpoints=[endpoints[i] for i in ids], clarify=clarify,
        corpus_memory_enabled=bool(meta.get("corpus_memory_enabled", True)),
    )


class PlanRebuilder:
    """Full rewrite: regenerate a record from its rebuilt plan (endpoints from the graph)."""

    def __init__(self, driver: Driver, database: str) -> None:
        self.cache = EndpointCache(driver, database)

    def endpoints_for(self, record: Record) -> dict[str, Endpoint]:
        """The registry view of the record's endpoints (also used for the judge's schema checks)."""
        return self.cache.get_many(record["metadata"]["endpoint_ids"])

    def __call__(self, record: Record, attempt: int) -> Record:
        meta = record["metadata"]
        endpoints = self.endpoints_for(record)
        base = int(meta.get("conversation_seed") or meta["seed"])
        plan = rebuild_plan(record, endpoints, derived_seed(base, attempt))
        state = generate_conversation(plan)
        errors = validate(state, {e.id: e for e in plan.endpoints})
        if errors:
            raise GenerationError(f"rewrite of {record['conversation_id']} failed validation: {errors[:2]}")
        return build_record(state, str(meta.get("build_id")), str(meta.get("run_id"))).to_dict()


def _apply_scores(record: Record, scores: JudgeScores) -> None:
    record["judge_scores"] = scores.model_dump(mode="json")
    record["passed"] = scores.passed


def _model_attempt(record: Record, scores: JudgeScores, score: Scorer, model: ModelRepair,
                   endpoints: dict[str, Endpoint] | None) -> tuple[RepairAttempt, Record | None, JudgeScores | None]:
    """Attempt 0: the model's rewrite of what the issues name, scored (None when its checks failed)."""
    gate = scores.failed_gates[0] if scores.failed_gates else "threshold"
    candidate = model(record, find_issues(record, endpoints if endpoints is not None else model.endpoints))
    new_scores = score(candidate) if candidate is not None else None
    success = new_scores is not None and new_scores.passed
    log.info("%s: repair 0 (%s) → %s", record["conversation_id"], MODEL_REPAIR_KIND,
             "passed" if success else "failed its checks" if new_scores is None else new_scores.failed_gates)
    return RepairAttempt(attempt=0, kind=MODEL_REPAIR_KIND, gate=gate, success=success), candidate, new_scores


def repair(record: Record, scores: JudgeScores, score: Scorer, max_repairs: int,
           rewriter: Rewriter | None = None, endpoints: dict[str, Endpoint] | None = None,
           model: ModelRepair | None = None) -> Record:
    """Repair a failing record up to `max_repairs` times; returns the last record tried (scored).

    Attempts are recorded in `metadata.repair_attempts`; the returned record is the first that
    passed, else the best-scored one. With `model`, its rewrite is tried first (see the module doc).
    """
    history: list[RepairAttempt] = list(RepairAttempt.model_validate(a) for a in record["metadata"].get("repair_attempts") or [])
    best, best_scores = record, scores
    if model is not None:
        tried, rewritten, rewritten_scores = _model_attempt(record, scores, score, model, endpoints)
        history.append(tried)
        if rewritten is not None and rewritten_scores is not None and _better(rewritten_scores, best_scores):
            best, best_scores = rewritten, rewritten_scores
        if tried.success:
            max_repairs = 0
    current, current_scores = record, scores
    surgical_failed = False
    for attempt in range(1, max_repairs + 1):
        gate = current_scores.failed_gates[0] if current_scores.failed_gates else "threshold"
        candidate: Record | None = None
        kind = "full_rewrite"
        if not surgical_failed:
            fixed, done = apply(current, find_issues(current, endpoints))
            if done:
                candidate, kind = fixed, "surgical:" + ",".join(done)
        if candidate is None:
            if rewriter is None:
                history.append(RepairAttempt(attempt=attempt, kind="full_rewrite_unavailable", gate=gate, success=False))
                break
            try:
                candidate = rewriter(current, attempt)
            except DatagenError as exc:
                log.warning("%s: full rewrite failed: %s", record["conversation_id"], exc)
                history.append(RepairAttempt(attempt=attempt, kind=kind, gate=gate, success=False))
                continue
        new_scores = score(candidate)
        history.append(RepairAttempt(attempt=attempt, kind=kind, gate=gate, success=new_scores.passed))
        log.info("%s: repair %d (%s) → %s", record["conversation_id"], attempt, kind,
                 "passed" if new_scores.passed else new_scores.failed_gates)
        if kind.startswith("surgical") and not new_scores.passed:
            surgical_failed = True
        current, current_scores = candidate, new_scores
        if _better(new_scores, best_scores):
            best, best_scores = candidate, new_scores
        if new_scores.passed:
            break
    result = dict(best)
    result["metadata"] = {**best["metadata"], "repair_attempts": [a.model_dump() for a in history]}
    _apply_scores(result, best_scores)
    return result


def _better(new: JudgeScores, old: JudgeScores) -> bool:
    if new.passed != old.passed:
        return new.passed
    return (new.mean_score or 0.0) > (old.mean_score or 0.0)
