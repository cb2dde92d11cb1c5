"""The generate job: sample → plan → generate → validate → JSONL, and write back to Neo4j.

Reads the graph written by `build`. Conversation `i` depends only on the seed, the graph and the
conversations before it (through corpus memory), never on `--n` or on batching, so a longer run
extends a shorter one and `--resume` reproduces an uninterrupted run byte for byte. Each batch is
written back to Neo4j before it is appended to the file: the file never holds a conversation the
graph lacks, and the idempotent write-back makes replays harmless. The agents may run in worker
processes (`generator.attempts`); what is kept is still decided here, in index order.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from neo4j import Driver
from pydantic import BaseModel, Field

from datagen.core.outputs import check_output, output_lock
from datagen.core.plan import ConversationPlan, SamplingMode
from datagen.db.run import graph_errors
from datagen.errors import GenerationError
from datagen.generator.attempts import Attempts, Outcome, Review, default_workers, start_workers
from datagen.generator.goal import end_steps
from datagen.generator.reserves import RESERVE_ROUNDS, Reserves
from datagen.generator.sink import JsonlSink
from datagen.generator.preflight import check_seed, graph_state
from datagen.generator.realise import Realiser, RealiserUsage
from datagen.generator.writeback import count_run, start_run, write_conversations
from datagen.planner.embedding import default_embedder
from datagen.planner.memory import CorpusMemory
from datagen.planner.planner import Planner, conversation_id
from datagen.registry.models import Endpoint
from datagen.sampler.endpoints import EndpointCache
from datagen.sampler.sampler import Sampler

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


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
    workers: int | None = Field(default=None, ge=1)
    """Worker processes for the agents (None: one per CPU this process may use); the bytes are the
    same for any number."""


class GenerateSummary(BaseModel):
    """What a run produced, for the coverage report and the tests."""

    run_id: str
    """The records' `run_id`: the hash of the settings and the build."""
    run_node: str | None = None
    """This invocation's (:Run) node id (None without write-back)."""
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
    attempts: int = 0
    """Attempts the job looked at for the new records (kept, thin, flagged or rejected ones)."""
    hollow: list[str] = []
    """Conversations kept although every attempt, reserves included, was thin or flagged by the review
    (the first such attempt is kept, so the run still has `n`): the ones to read first or drop."""
    skipped: int = 0
    """Attempts not made: their chain went through an endpoint whose own answer had already made an
    attempt of the same conversation thin, or made a means again that no later call had needed
    (`Muted`)."""
    ahead: int = 0
    """Outcomes the job took from work the workers had done ahead (depends on timing, never on bytes)."""
    seconds: dict[str, float] = {}
    """Seconds per stage of this process: sample (the sampler queries, the endpoints they name read from
    the graph, the planner's check that a chain holds), plan_and_agents (waiting on the workers
    included), write_back, write_file."""
    sampler_ms: dict[str, float] = {}
    """Sampler query milliseconds per conversation (its share of the batch's query, plus the reserve
    queries it set off for the rest of its batch): p50, p95."""
    realiser: str | None = None
    """The realiser that rewrote kept conversations (`anthropic:<model>`), None offline."""
    realiser_usage: RealiserUsage | None = None
    """Its counts: realised, retried, fell back, requests, cache hits, tokens, estimated cost."""
    stopped_at_cost: bool = False
    """The realiser's spending cap stopped the run at a conversation boundary (the file stays
    `<output>.partial`; `--resume` continues)."""


class Clock:
    """Seconds per stage and sampler time per conversation, for the summary (never in the output)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.sampler_ms: list[float] = []

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - started)

    def percentiles(self) -> dict[str, float]:
        if not self.sampler_ms:
            return {}
        ordered = sorted(self.sampler_ms)
        return {"p50": ordered[len(ordered) // 2], "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]}


def run_id_for(settings: GenerateSettings, build_id: str, reviewed: bool = True, realiser: str | None = None) -> str:
    """The records' `run_id`: same settings and graph → same id (a resume checks it; conversation
    nodes are scoped by it, while each invocation has its own (:Run) node); a realiser's output
    differs from the offline one, so it has its own id (an offline run's id is unchanged)."""
    parts: list[object] = [settings.seed, settings.mode.value, settings.corpus_memory, build_id]
    parts += ["guessed"] if settings.guessed_outputs else []
    parts += [] if reviewed else ["unreviewed"]
    parts += [] if realiser is None else ["realiser", realiser]
    key = json.dumps(parts)
    return "run_" + hashlib.sha256(key.encode()).hexdigest()[:12]


class _Generator:
    """One conversation at a time, with retries on validator rejections, thin and flagged attempts.

    Decisions are taken here, in index order; `Attempts` computes the outcome of each plan (ahead
    of time, in worker processes, when it has them): see `generator.attempts`.
    """

    def __init__(self, settings: GenerateSettings, planner: Planner, endpoints: EndpointCache,
                 attempts: Attempts) -> None:
        self.settings = settings
        self.planner = planner
        self.endpoints = endpoints
        self.attempts = attempts
        self.rejected = 0
        self.flagged = 0
        self.tried = 0
        self.skipped = 0
        self.hollow: list[str] = []

    def one(self, index: int, candidates: list[Any], reserve: Callable[[int], list[Any]] | None = None,
            upcoming: Sequence[tuple[int, list[Any]]] = ()) -> str:
        """The JSONL line of the first valid conversation worth keeping over the index's candidates;
        when every one is thin or flagged by the review, the candidates of up to `RESERVE_ROUNDS`
        reserve indices (`reserve(round)`) are tried before the first thin or flagged one is kept.
        `upcoming` (the next indices and their candidates) is what may be computed ahead."""
        errors: list[str] = []
        hollow: str | None = None
        muted = Muted()  # what made earlier attempts of this conversation thin
        for round_ in range(RESERVE_ROUNDS + 1):
            pool = candidates if round_ == 0 else reserve(round_) if reserve is not None else []
            if not pool:
                continue
            line, errors, thin = self._attempts(index, pool, upcoming if round_ == 0 else (), muted)
            if line is not None:
                return line
            hollow = hollow or thin
        if hollow is not None:
            self.hollow.append(conversation_id(self.settings.seed, index))
            return hollow
        raise GenerationError(f"conversation index {index}: every attempt failed validation ({errors[:3]})")

    def _attempts(self, index: int, candidates: list[Any], upcoming: Sequence[tuple[int, list[Any]]],
                  muted: Muted) -> tuple[str | None, list[str], str | None]:
        """(a conversation worth keeping or None, the last validator errors, the first thin or flagged one).

        An attempt whose chain `muted` says will come out thin again is not made; attempt k still
        takes the planner's k-th pick and seed, so the attempts that are made are the very ones made
        without the skip."""
        catalog = self.endpoints.get_many(e for c in candidates for e in c.endpoint_ids)
        errors: list[str] = []
        hollow: str | None = None
        for attempt in range(self.settings.max_attempts):
            plan = self.planner.plan(index, candidates, catalog, attempt)
            if muted.through(plan):
                self.skipped += 1
                continue
            self._look_ahead(index, candidates, catalog, attempt, upcoming, muted)
            outcome = self.attempts.outcome(plan)
            self.tried += 1
            if outcome.line is not None:
                self.flagged += outcome.flagged
                if outcome.reason is None:
                    return outcome.line, [], None
                # valid but thin (`generator.worth`) or flagged by the review: try the next
                # candidate, keep this one in case every attempt is alike
                log.debug("%s attempt %d gives way: %s", plan.conversation_id, attempt, outcome.reason)
                hollow = hollow or outcome.line
                muted.note(outcome)
                continue
            errors = outcome.errors
            self.rejected += 1
            message = f"[validator] {plan.conversation_id} attempt {attempt} rejected: {'; '.join(errors[:3])}"
            if self.settings.verbose:
                log.warning(message)
            else:
                log.debug(message)
        return None, errors, hollow

    def _look_ahead(self, index: int, candidates: list[Any], catalog: dict[str, Endpoint], attempt: int,
                    upcoming: Sequence[tuple[int, list[Any]]], muted: Muted) -> None:
        """Send the plans the job may ask for next to the workers: this conversation's later attempts
        and the next conversations' first ones, nearest first (their plans use today's memory; one
        that memory then changes is simply not asked for)."""
        room = self.attempts.room
        depth = 0
        while room > 0 and depth < self.settings.max_attempts:
            depth += 1
            for ahead in range(depth + 1):  # conversations ahead of this one
                tries = depth - ahead if ahead else attempt + depth
                if room <= 0 or tries >= self.settings.max_attempts or ahead > len(upcoming):
                    continue
                if ahead == 0:
                    plan = self.planner.plan(index, candidates, catalog, tries)
                    if muted.through(plan):
                        continue  # not made (see `_attempts`)
                else:
                    later, pool = upcoming[ahead - 1]
                    plan = self.planner.plan(later, pool, self.endpoints.get_many(
                        e for c in pool for e in c.endpoint_ids), tries)
                room -= self.attempts.ahead(plan)


class Muted:
    """What made earlier attempts of one conversation thin, so its other chains alike are not made:
    an endpoint whose own answer had nothing to say (the executor answers it alike in most attempts),
    and an endpoint made as a means that no later call needed (skipped where it is a means again).
    Only the job's decisions, in index order, feed it, so it never depends on the workers' timing."""

    def __init__(self) -> None:
        self.endpoints: set[str] = set()
        self.means: set[str] = set()

    def note(self, outcome: Outcome) -> None:
        if outcome.mute is not None:
            self.endpoints.add(outcome.mute)
        if outcome.mute_means is not None:
            self.means.add(outcome.mute_means)

    def through(self, plan: ConversationPlan) -> bool:
        """Whether the plan calls a muted endpoint, or makes a muted means a means again."""
        if any(e.id in self.endpoints for e in plan.endpoints):
            return True
        if not self.means:
            return False
        ends = set(end_steps(plan))
        return any(e.id in self.means for step, e in enumerate(plan.endpoints) if step not in ends)


LOOK_AHEAD = 4
"""How many later conversations' first attempts may be computed ahead while one is being decided."""

RESUME_HINT = ("start Neo4j again and rerun the same command with --resume to continue the run "
               "(the records already written are kept)")


def run_generate(driver: Driver, database: str, settings: GenerateSettings,
                 progress: Progress | None = None, review: Review | None = None,
                 realiser: Realiser | None = None) -> GenerateSummary:
    """Generate `settings.n` conversations into `settings.output` (and Neo4j unless disabled).

    `review` (the CLI's default: the offline judge) names the gates a finished attempt fails; a
    flagged attempt gives way to the next candidate like a thin one. None keeps the raw generator.
    `realiser` (the CLI's `--realiser anthropic`) rewrites each kept conversation's words and outputs
    over its fixed structure, in index order; once it says its spending cap is reached, the run stops
    at that conversation boundary and the file stays `.partial` for `--resume`.

    Raises:
        Neo4jUnavailable: the server went away; the message says that `--resume` continues the run.
        GraphError: the graph is missing or Neo4j refused a statement.
    """
    check_seed(settings.seed, settings.write_back)
    check_output(settings.output, overwrite=settings.overwrite or settings.resume)
    workers = settings.workers or default_workers()
    pool = start_workers(workers, review)  # before the lock and the files: see `start_workers`
    try:
        with output_lock(settings.output), graph_errors("generating conversations", RESUME_HINT):
            return _run_generate(driver, database, settings, progress, review, (pool, workers if pool else 1),
                                 realiser)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _run_generate(driver: Driver, database: str, settings: GenerateSettings, progress: Progress | None,
                  review: Review | None, workers: tuple[ProcessPoolExecutor | None, int],
                  realiser: Realiser | None = None) -> GenerateSummary:
    build_id, catalog = graph_state(driver, database)
    run_id = run_id_for(settings, build_id, reviewed=review is not None,
                        realiser=realiser.name if realiser is not None else None)
    memory = CorpusMemory(enabled=settings.corpus_memory,
                          embedder=default_embedder() if settings.corpus_memory else CorpusMemory().embedder)
    planner = Planner(settings.seed, memory)
    endpoints = EndpointCache(driver, database, catalog)
    sampler = Sampler(driver, database, settings.seed, guessed=settings.guessed_outputs, catalog=catalog)
    sink = JsonlSink(settings.output, {"seed": settings.seed, "mode": settings.mode.value,
                                       "corpus_memory": settings.corpus_memory, "build_id": build_id,
                                       "run_id": run_id, "guessed_outputs": settings.guessed_outputs,
                                       "reviewed": review is not None}
                     | ({"realiser": realiser.name} if realiser is not None else {}))
    existing = sink.open(settings.resume, settings.overwrite, limit=settings.n)
    run_node = None
    if settings.write_back:
        run_node = start_run(driver, database, run_id, {
            "seed": settings.seed, "mode": settings.mode.value, "corpus_memory_enabled": settings.corpus_memory,
            "build_id": build_id, "output": str(settings.output), "output_path": str(settings.output.resolve()),
            "n": settings.n,
        }, resume=settings.resume)
    counts: dict[str, Counter[str]] = {"domain": Counter(), "pattern_type": Counter(), "sampling_mode": Counter()}

    def account(meta: dict[str, Any]) -> None:
        for key, counter in counts.items():
            counter[meta[key]] += 1

    for record in existing:
        planner.observe(record.metadata.endpoint_ids, endpoints.get_many(record.metadata.endpoint_ids))
        account(record.metadata.model_dump())
    if existing and settings.write_back:
        for start in range(0, len(existing), settings.batch_size):
            write_conversations(driver, database, run_id, [r.to_dict() for r in existing[start:start + settings.batch_size]],
                                run_node)
    attempts = Attempts(*workers, build_id, run_id, review)
    clock = Clock()
    reserves = Reserves(sampler, planner, endpoints, settings.mode, settings.seed)
    generator = _Generator(settings, planner, endpoints, attempts)
    done = len(existing)
    stopped = False
    if progress is not None:
        progress(done, settings.n)
    try:
        while done < settings.n and not stopped:
            indices = list(range(done, min(done + settings.batch_size, settings.n)))
            started, queried = time.perf_counter(), sampler.query_seconds
            candidates = sampler.candidates(settings.mode, indices, holds=lambda chains: planner.hold(
                chains, endpoints.get_many(e for c in chains for e in c.endpoint_ids)),
                fall_back=settings.mode is SamplingMode.MIXED)  # a mode the user asked for is kept or refused
            clock.add("sample", time.perf_counter() - started)
            share = (sampler.query_seconds - queried) / len(indices)  # one query serves the whole batch
            lines: list[str] = []
            records: list[dict[str, Any]] = []
            for position, index in enumerate(indices):
                if realiser is not None and realiser.exhausted():
                    stopped = True  # the spending cap: stop at this conversation boundary
                    break
                sampling, reserving = [share], [0.0]

                def reserve(round_: int, index: int = index, position: int = position) -> list[Any]:
                    started, queried = time.perf_counter(), sampler.query_seconds
                    found = reserves.get(index, round_, indices[position:])
                    sampling.append(sampler.query_seconds - queried)
                    reserving.append(time.perf_counter() - started)
                    return found
                upcoming = [(i, candidates[i]) for i in indices[position + 1:position + 1 + LOOK_AHEAD]]
                started = time.perf_counter()
                line = generator.one(index, candidates[index], reserve=reserve, upcoming=upcoming)
                attempts.forget_before(index + 1)
                if realiser is not None:
                    line = realiser.realise(line, endpoints.get_many(orjson.loads(line)["metadata"]["endpoint_ids"]))
                record = orjson.loads(line)
                meta = record["metadata"]
                planner.observe(meta["endpoint_ids"], endpoints.get_many(meta["endpoint_ids"]))
                account(meta)
                clock.add("sample", sum(reserving))
                clock.add("plan_and_agents", time.perf_counter() - started - sum(reserving))
                clock.sampler_ms.append(1000 * sum(sampling))
                lines.append(line)
                records.append(record)
            reserves.clear()
            if settings.write_back:
                with clock.stage("write_back"):
                    write_conversations(driver, database, run_id, records, run_node)
            with clock.stage("write_file"):
                sink.append(lines)
            done += len(lines)
            if progress is not None:
                progress(done, settings.n)
        if not stopped:
            sink.finish()
    finally:
        attempts.close()
        sink.close()
    return GenerateSummary(
        run_id=run_id, run_node=run_node, build_id=build_id, output=settings.output, records=done, resumed=len(existing),
        rejected=generator.rejected, flagged=generator.flagged, attempts=generator.tried,
        skipped=generator.skipped, hollow=generator.hollow, ahead=attempts.used_ahead,
        seconds=clock.seconds, sampler_ms=clock.percentiles(),
        domains=dict(counts["domain"].most_common()), patterns=dict(counts["pattern_type"].most_common()),
        modes=dict(counts["sampling_mode"].most_common()),
        written_back=count_run(driver, database, run_node) if run_node is not None else None,
        realiser=realiser.name if realiser is not None else None,
        realiser_usage=realiser.usage() if realiser is not None else None, stopped_at_cost=stopped,
    )
