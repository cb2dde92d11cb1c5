"""The expensive, pure part of generating: one attempt of a plan, run here or in worker processes.

An attempt (the agents, the validator, the thin check, the review, the record's JSONL line) depends
only on its plan, so its outcome is the same in any process and at any time. The job decides in
index order which attempts to use (plans depend on corpus memory, so on the records kept before);
`Attempts` only computes outcomes, ahead of time when it has workers: the plans the job is likely
to ask for next (the later attempts of this conversation, the first ones of the next) are sent to
the pool with the memory of the moment, and an answer is used only if the job then asks for the very
same plan. So the bytes never depend on the number of workers or on timing.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import NamedTuple

from datagen.core.plan import ConversationPlan
from datagen.core.record import Record, dumps
from datagen.generator.conversation import generate_conversation
from datagen.generator.record import build_record
from datagen.generator.validator import validate
from datagen.generator.worth import thin
from datagen.registry.models import Endpoint

log = logging.getLogger(__name__)

Review = Callable[[Record, dict[str, Endpoint]], list[str]]
"""The gates a finished conversation fails, given the endpoints it calls (empty: keep it); the CLI
passes the evaluator's offline judge (`evaluator.review.offline_review`)."""


class Outcome(NamedTuple):
    """What one attempt came to: invalid (`errors`), thin or flagged (`reason`), or kept (neither)."""

    line: str | None
    """The record as its JSONL line (None when the validator rejected the attempt)."""
    errors: list[str]
    reason: str | None
    flagged: bool
    mute: str | None = None
    """The endpoint whose own answer made the attempt thin (`worth.Thin.endpoint`)."""
    mute_means: str | None = None
    """The endpoint made as a means that no later call needed (`worth.Thin.means`)."""


def run_attempt(plan: ConversationPlan, build_id: str, run_id: str, review: Review | None) -> Outcome:
    """Generate, validate, check and review one plan (a pure function of its arguments)."""
    state = generate_conversation(plan)
    endpoints = {e.id: e for e in plan.endpoints}
    errors = validate(state, endpoints)
    if errors:
        return Outcome(None, errors, None, False)
    record = build_record(state, build_id, run_id)
    found = thin(state)
    if found is not None:
        return Outcome(dumps(record), [], found.reason, False, found.endpoint, found.means)
    flagged = False
    reason = None
    if review is not None:
        gates = review(record, endpoints)
        flagged = bool(gates)
        reason = f"the review fails it on {', '.join(gates)}" if gates else None
    return Outcome(dumps(record), [], reason, flagged)


def plan_key(plan: ConversationPlan) -> str:
    """Everything an attempt's outcome depends on besides the run (the endpoints follow from the steps)."""
    return plan.model_dump_json(exclude={"endpoints"})


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


PR_SET_PDEATHSIG = 1


def _end_with(parent: int) -> None:
    """Worker initializer: the worker is killed when the job's process ends, even by kill -9 (Linux),
    so no worker runs on alone or keeps a file of the run open."""
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: nothing here ends a worker whose job was killed
        return
    if os.getppid() != parent:  # the job ended before the line above ran
        os._exit(1)


def start_workers(workers: int, review: Review | None) -> ProcessPoolExecutor | None:
    """A pool of `workers` processes, all started now (None for one worker: attempts run in-process).

    Started before the job takes its output's lock and opens its files: a forked worker holds a
    copy of every descriptor open at that moment, and a lock held by a copy outlives the job. A
    review that cannot be sent to another process (a local function, say) keeps the attempts here.
    """
    if workers <= 1:
        return None
    try:
        pickle.dumps(review)
    except (pickle.PicklingError, AttributeError, TypeError):
        log.warning("[workers] the review %r cannot be sent to worker processes: the attempts run in this one",
                    review)
        return None
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_end_with, initargs=(os.getpid(),))
    for started in [pool.submit(os.getpid) for _ in range(workers)]:
        started.result()
    return pool


class Attempts:
    """Outcomes of plans: computed on demand in this process (no pool), or ahead in a pool."""

    def __init__(self, pool: ProcessPoolExecutor | None, workers: int, build_id: str, run_id: str,
                 review: Review | None) -> None:
        self.build_id = build_id
        self.run_id = run_id
        self.review = review
        self.workers = workers
        self._pool = pool
        self._ahead: dict[str, tuple[int, Future[Outcome]]] = {}  # plan key → (index, its outcome)
        self.used_ahead = 0  # how many outcomes the job took from the work done ahead

    @property
    def room(self) -> int:
        """How many more plans may be sent ahead now (a few per worker keeps them all busy)."""
        if self._pool is None:
            return 0
        busy = sum(1 for _, f in self._ahead.values() if not f.done())
        return max(0, 2 * self.workers - busy)

    def ahead(self, plan: ConversationPlan) -> int:
        """Start computing `plan`'s outcome in the pool, in case the job asks for it; 1 if it was
        sent, 0 if it was already on its way (or there is no pool)."""
        if self._pool is None:
            return 0
        key = plan_key(plan)
        if key in self._ahead:
            return 0
        self._ahead[key] = (plan.index, self._pool.submit(run_attempt, plan, self.build_id, self.run_id,
                                                          self.review))
        return 1

    def outcome(self, plan: ConversationPlan) -> Outcome:
        """The outcome of `plan`: the one computed ahead if any, else computed now."""
        if self._pool is None:
            return run_attempt(plan, self.build_id, self.run_id, self.review)
        found = self._ahead.pop(plan_key(plan), None)
        if found is not None:
            self.used_ahead += 1
            return found[1].result()
        return self._pool.submit(run_attempt, plan, self.build_id, self.run_id, self.review).result()

    def forget_before(self, index: int) -> None:
        """Drop work done ahead for conversations before `index`: the job will not ask for it."""
        for key in [k for k, (i, _) in self._ahead.items() if i < index]:
            self._ahead.pop(key)[1].cancel()

    def close(self) -> None:
        """Cancel the work not started (the pool belongs to the caller)."""
        for _, future in self._ahead.values():
            future.cancel()
        self._ahead.clear()

