"""Worker processes for attempts: started at once, or not at all when the review cannot travel."""

from __future__ import annotations

import os

from datagen.generator.attempts import start_workers


def test_a_review_that_cannot_be_sent_to_a_worker_keeps_the_attempts_in_this_process() -> None:
    def local_review(record: object, endpoints: object) -> list[str]:
        return []
    assert start_workers(2, local_review) is None
    assert start_workers(1, None) is None


def test_workers_are_started_before_the_job_goes_on() -> None:
    pool = start_workers(2, None)
    assert pool is not None
    try:
        pids = {p for p in pool._processes}  # started by start_workers, not on first use
        assert len(pids) == 2 and os.getpid() not in pids
    finally:
        pool.shutdown()
