"""The generate job: sample → plan → generate → validate → JSONL, and write back to Neo4j.

Reads the graph written by `build`. Conversation `i` depends only on the seed, the graph and the
conversations before it (through corpus memory), never on `--n` or on batching, so a longer run
extends a shorter one and `--resume` reproduces an uninterrupted run byte for byte. Each batch is
written back to Neo4j before it is appended to the file: the file never holds a conversation the
graph lacks, and the idempotent write-back makes replays harmless.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neo4j import Driver
from pydantic import BaseModel, Field

from datagen.core.outputs import check_output, output_lock
from datagen.core.plan import ConversationState, SamplingMode
from datagen.core.record import Record, dumps
from datagen.db.queries import load
from datagen.db.run import graph_errors, read
from datagen.errors import GenerationError, GraphError
from datagen.generator.conversation import generate_conversation
from datagen.generator.record import build_record
from datagen.generator.sink import JsonlSink
from datagen.generator.validator import validate
from datagen.generator.worth import thin_reason
from datagen.generator.writeback import count_run, write_conversations, write_run
from datagen.planner.embedding import default_embedder
from datagen.planner.memory import CorpusMemory
from datagen.planner.planner import Planner
from datagen.registry.models import Endpoint
from datagen.sampler.endpoints import EndpointCache
from datagen.sampler.sampler import FALLBACK, Sampler, mode_for

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Review = Callable[[Record, dict[str, Endpoint]], list[str]]
"""The gates a finished conversation fails, given the endpoints it calls (empty: keep it); the CLI
passes the evaluator's offline judge (`evaluator.review.offline_review`)."""


class GenerateSettings(BaseModel):
    """The flags of `datagen generate`."""

    n: int = Field(default=50, ge=1)
    seed: int = 42
    mode: SamplingMode = SamplingMode.SEQUENTIAL
    output: Path = Path("output/conversations.jsonl")
    corpus_memory: bool = True
    guessed_outputs: bool = False
    write_back: bool = True
    resume: bool = False
    overwrite: bool = False
    verbose: bool = False
    batch_size: int = Field(default=100, ge=1)
    max_attempts: int = Field(default=8, ge=1)


class GenerateSummary(BaseModel):
    """What a run produced, for the coverage report and the tests."""

    run_id: str
    build_id: str
    output: Path
    records: int
    resumed: int
    rejected: int
    flagged: int = 0
    domains: dict[str, int]
    patterns: dict[str, int]
    modes: dict[str, int]
    written_back: dict[str, int] | None


def run_id_for(settings: GenerateSettings, build_id: str, reviewed: bool = True) -> str:
    """Same settings and graph → same run node (so a resumed run merges into it)."""
    parts: list[object] = [settings.seed, settings.mode.value, settings.corpus_memory, build_id]
    parts += ["guessed"] if settings.guessed_outputs else []
    parts += [] if reviewed else ["unreviewed"]
    key = json.dumps(parts)
    return "run_" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _graph_state(driver: Driver, database: str) -> str:
    record = read(driver, database, load("generate/current_build"))[0]
    if record["status"] == "building":
        raise GraphError(f"the graph is incomplete: build {record['state_build_id']} did not finish (killed or "
                         f"failed); rerun `datagen build` before generating")
    if not record["endpoints"] or not record["feeds"]:
        raise GraphError("the graph has no endpoints or no FEEDS edges: run `datagen build` first")
    return str(record["state_build_id"] or record["build_id"])


class _Generator:
    """One conversation at a time, with retries on validator rejections, thin and flagged attempts."""

    def __init__(self, settings: GenerateSettings, planner: Planner, endpoints: EndpointCache,
                 review: Callable[[ConversationState], list[str]] | None = None) -> None:
        self.settings = settings
        self.planner = planner
        self.endpoints = endpoints
        self.review = review
        self.rejected = 0
        self.flagged = 0

    def one(self, index: int, candidates: list[Any], reserve: Callable[[int], list[Any]] | None = None) -> ConversationState:
        """The first valid conversation worth keeping over the index's candidates; when every one is
        thin or flagged by the review, the candidates of up to `RESERVE_ROUNDS` reserve indices
        (`reserve(round)`) are tried before the first thin or flagged one is kept."""
        errors: list[str] = []
        hollow: ConversationState | None = None
        for round_ in range(RESERVE_ROUNDS + 1):
            pool = candidates if round_ == 0 else reserve(round_) if reserve is not None else []
            if not pool:
                continue
            state, errors, thin = self._attempts(index, pool)
            if state is not None:
                return state
            hollow = hollow or thin
        if hollow is not None:
            return hollow
        raise GenerationError(f"conversation index {index}: every attempt failed validation ({errors[:3]})")

    def _attempts(self, index: int, candidates: list[Any]
                  ) -> tuple[ConversationState | None, list[str], ConversationState | None]:
        """(a conversation worth keeping or None, the last validator errors, the first thin or flagged one)."""
        catalog = self.endpoints.get_many(e for c in candidates for e in c.endpoint_ids)
        errors: list[str] = []
        hollow: ConversationState | None = None
        for attempt in range(self.settings.max_attempts):
            plan = self.planner.plan(index, candidates, catalog, attempt)
            state = generate_conversation(plan)
            errors = validate(state, {e.id: e for e in plan.endpoints})
            if not errors:
                reason = thin_reason(state)
                if reason is None and self.review is not None:
                    gates = self.review(state)
                    self.flagged += bool(gates)
                    reason = f"the review fails it on {', '.join(gates)}" if gates else None
                if reason is None:
                    return state, [], None
                # valid but thin (`generator.worth`) or flagged by the review: try the next
                # candidate, keep this one in case every attempt is alike
                log.debug("%s attempt %d gives way: %s", plan.conversation_id, attempt, reason)
                hollow = hollow or state
                continue
            self.rejected += 1
            message = f"[validator] {plan.conversation_id} attempt {attempt} rejected: {'; '.join(errors[:3])}"
            if self.settings.verbose:
                log.warning(message)
            else:
                log.debug(message)
        return None, errors, hollow


RESERVE_ROUNDS = 3
"""How many reserve candidate sets a conversation whose every attempt was thin or flagged may try:
the first ones in its own mode, the last one, in a mixed run, in the mode its mode falls back to
(a drawn parallel or clarification-first conversation whose few candidate chains all fail becomes a
sequential one rather than a conversation a reader rejects; a mode the user asked for stays)."""
RESERVE_STRIDE = 1_000_003
"""Reserve round r of index i samples as index i + r × stride (far from any real index), in i's mode."""


def reserve_candidates(sampler: Sampler, planner: Planner, endpoints: EndpointCache, settings: GenerateSettings,
                       index: int, round_: int) -> list[Any]:
    """Candidates for a thin conversation's reserve round: a pure function of (seed, index, round, graph)."""
    alt = index + round_ * RESERVE_STRIDE
    mode = mode_for(settings.mode, settings.seed, index)
    if round_ == RESERVE_ROUNDS and settings.mode is SamplingMode.MIXED:
        mode = FALLBACK.get(mode, mode)  # a drawn mode may give way; a mode the user asked for stays
    found = sampler.candidates(mode, [alt], holds=lambda chains: planner.hold(
        chains, endpoints.get_many(e for c in chains for e in c.endpoint_ids)))
    return [c for c in found.get(alt, []) if c.mode is mode]  # a reserve keeps the round's mode


def _on_states(review: Review, endpoints: EndpointCache, build_id: str,
               run_id: str) -> Callable[[ConversationState], list[str]]:
    """The review of an attempt, on the record it would be written as."""
    def reviewed(state: ConversationState) -> list[str]:
        record = build_record(state, build_id, run_id)
        return review(record, endpoints.get_many(record.metadata.endpoint_ids))
    return reviewed


RESUME_HINT = ("start Neo4j again and rerun the same command with --resume to continue the run "
               "(the records already written are kept)")


def run_generate(driver: Driver, database: str, settings: GenerateSettings,
                 progress: Progress | None = None, review: Review | None = None) -> GenerateSummary:
    """Generate `settings.n` conversations into `settings.output` (and Neo4j unless disabled).

    `review` (the CLI's default: the offline judge) names the gates a finished attempt fails; a
    flagged attempt gives way to the next candidate like a thin one. None keeps the raw generator.

    Raises:
        Neo4jUnavailable: the server went away; the message says that `--resume` continues the run.
        GraphError: the graph is missing or Neo4j refused a statement.
    """
    check_output(settings.output, overwrite=settings.overwrite or settings.resume)
    with output_lock(settings.output), graph_errors("generating conversations", RESUME_HINT):
        return _run_generate(driver, database, settings, progress, review)


def _run_generate(driver: Driver, database: str, settings: GenerateSettings,
                  progress: Progress | None, review: Review | None) -> GenerateSummary:
    build_id = _graph_state(driver, database)
    run_id = run_id_for(settings, build_id, reviewed=review is not None)
    memory = CorpusMemory(enabled=settings.corpus_memory,
                          embedder=default_embedder() if settings.corpus_memory else CorpusMemory().embedder)
    planner = Planner(settings.seed, memory)
    endpoints = EndpointCache(driver, database)
    sampler = Sampler(driver, database, settings.seed, guessed=settings.guessed_outputs)
    sink = JsonlSink(settings.output, {"seed": settings.seed, "mode": settings.mode.value,
                                       "corpus_memory": settings.corpus_memory, "build_id": build_id,
                                       "run_id": run_id, "guessed_outputs": settings.guessed_outputs,
                                       "reviewed": review is not None})
    existing = sink.open(settings.resume, settings.overwrite, limit=settings.n)
    if settings.write_back:
        write_run(driver, database, run_id, {
            "seed": settings.seed, "mode": settings.mode.value, "corpus_memory_enabled": settings.corpus_memory,
            "build_id": build_id, "output": str(settings.output), "n": settings.n,
        })
    counts: dict[str, Counter[str]] = {"domain": Counter(), "pattern_type": Counter(), "sampling_mode": Counter()}

    def account(meta: dict[str, Any]) -> None:
        for key, counter in counts.items():
            counter[meta[key]] += 1

    for record in existing:
        planner.observe(record.metadata.endpoint_ids, endpoints.get_many(record.metadata.endpoint_ids))
        account(record.metadata.model_dump())
    if existing and settings.write_back:
        for start in range(0, len(existing), settings.batch_size):
            write_conversations(driver, database, run_id, [r.to_dict() for r in existing[start:start + settings.batch_size]])
    generator = _Generator(settings, planner, endpoints,
                           review=_on_states(review, endpoints, build_id, run_id) if review is not None else None)
    done = len(existing)
    if progress is not None:
        progress(done, settings.n)
    try:
        while done < settings.n:
            indices = list(range(done, min(done + settings.batch_size, settings.n)))
            candidates = sampler.candidates(settings.mode, indices, holds=lambda chains: planner.hold(
                chains, endpoints.get_many(e for c in chains for e in c.endpoint_ids)))
            batch: list[Record] = []
            for index in indices:
                def reserve(round_: int, index: int = index) -> list[Any]:
                    return reserve_candidates(sampler, planner, endpoints, settings, index, round_)
                state = generator.one(index, candidates[index], reserve=reserve)
                record = build_record(state, build_id, run_id)
                planner.observe(record.metadata.endpoint_ids, endpoints.get_many(record.metadata.endpoint_ids))
                account(record.metadata.model_dump())
                batch.append(record)
            if settings.write_back:
                write_conversations(driver, database, run_id, [r.to_dict() for r in batch])
            sink.append([dumps(r) for r in batch])
            done += len(batch)
            if progress is not None:
                progress(done, settings.n)
        sink.finish()
    finally:
        sink.close()
    return GenerateSummary(
        run_id=run_id, build_id=build_id, output=settings.output, records=done, resumed=len(existing),
        rejected=generator.rejected, flagged=generator.flagged,
        domains=dict(counts["domain"].most_common()), patterns=dict(counts["pattern_type"].most_common()),
        modes=dict(counts["sampling_mode"].most_common()),
        written_back=count_run(driver, database, run_id) if settings.write_back else None,
    )
