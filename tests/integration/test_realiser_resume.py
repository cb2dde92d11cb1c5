"""`generate --realiser anthropic` (direct and `--batch`) killed with SIGKILL, then `--resume`: the same
bytes, nothing paid twice.

Real processes (`python -m datagen generate`), the real `anthropic` client over HTTP to the loopback
fake Messages API this test serves, a real Neo4j. The run is killed once its `.partial` holds a
record, while it waits on a request the fake holds before reading its body (a request cut off in
transit: the API never saw it, so it was never paid for). What must hold: the resume finishes the
file to the bytes of an uninterrupted run with its own cache, and no request body reaches the fake
twice across the killed run and its resume (every answer received was cached before it was used).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.graph.build import run_build
from datagen.realiser.batch import STATE_SUFFIX
from tests.conftest import REPO, SEED_DATA
from tests.unit.fake_anthropic import draft_of, serve, writer

N = 110
"""More than one batch of the job (100), so the `.partial` holds records while the run goes on."""


@pytest.fixture(scope="module")
def seed_graph(clean_db: Driver, neo4j_database: str, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    run_build(clean_db, neo4j_database, SEED_DATA, tmp_path_factory.mktemp("artifacts"))
    return clean_db


def _slow_writer() -> Callable[[dict[str, Any]], tuple[int, dict[str, Any], float]]:
    """The fake model, 50 ms an answer: the last batch cannot finish between two polls of the file."""
    write = writer()

    def answer(body: dict[str, Any]) -> tuple[int, dict[str, Any], float]:
        status, payload, _ = write(body)
        return status, payload, 0.05
    return answer


def _canonical(body: dict[str, object]) -> str:
    return json.dumps(body, sort_keys=True)


def _command(output: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "datagen", "--quiet", "generate", "--realiser", "anthropic", "--n", str(N),
            "--seed", "31", "--workers", "1", "--output", str(output), *extra]


def test_kill_9_then_resume_pays_for_nothing_twice(seed_graph: Driver, cli_env: dict[str, str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    full, killed = tmp_path / "full.jsonl", tmp_path / "killed.jsonl"
    with serve(monkeypatch) as fake:
        fake.script = [_slow_writer()]
        env = {**os.environ, **cli_env}
        subprocess.run(_command(full), cwd=REPO, env={**env, "DATAGEN_HOME": str(tmp_path / "home_full")},
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        uninterrupted = len(fake.requests)
        assert uninterrupted >= N  # one request per conversation at least
        env["DATAGEN_HOME"] = str(tmp_path / "home_killed")  # its own cache: the full run's answers are not there
        proc = subprocess.Popen(_command(killed), cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        partial = killed.with_name(killed.name + ".partial")
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None and (
                not partial.exists() or partial.stat().st_size == 0):
            time.sleep(0.05)
        fake.door.set()  # the next request is held unread: the run is killed while it waits for it
        assert fake.held.wait(120), "the run sent no request after its first batch"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert not killed.exists(), "the run finished before it could be killed"
        before_kill = len(fake.requests)
        assert uninterrupted < before_kill < 2 * uninterrupted  # it was killed half-way through its requests
        assert len(partial.read_bytes().splitlines()) >= 1
        fake.door.clear()

        result = subprocess.run(_command(killed, "--resume"), cwd=REPO, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert killed.read_bytes() == full.read_bytes()
        asked = [_canonical(body) for body in fake.requests[uninterrupted:]]
        assert len(asked) == len(set(asked)), "a request was sent twice across the kill and the resume"
        assert sorted(asked) == sorted(_canonical(body) for body in fake.requests[:uninterrupted])
        resumed = {str(draft_of(body)["conversation_id"]) for body in fake.requests[before_kill:]}
        assert resumed, "the resume asked nothing: the kill came too late to test anything"
    records = [json.loads(line) for line in killed.read_text(encoding="utf-8").splitlines()]
    assert len(records) == N and any(r["metadata"].get("realiser") == "anthropic" for r in records)


def test_batch_killed_in_flight_then_resume_polls_it_and_writes_the_direct_bytes(
        seed_graph: Driver, neo4j_database: str, cli_env: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`--batch` end to end: submitted once, killed while in flight, polled on --resume, the bytes of
    a direct run, and a rerun without --batch answered wholly from the cache."""
    direct, batched, rerun = tmp_path / "direct.jsonl", tmp_path / "batched.jsonl", tmp_path / "rerun.jsonl"
    args = ["--quiet", "generate", "--realiser", "anthropic", "--n", "4", "--seed", "33"]
    with serve(monkeypatch) as fake:
        fake.script = [writer()]
        monkeypatch.setenv("DATAGEN_HOME", str(tmp_path / "home_direct"))
        result = CliRunner().invoke(cli, [*args, "--output", str(direct)], env=cli_env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        sent = len(fake.requests)
        assert sent >= 4

        monkeypatch.setenv("DATAGEN_HOME", str(tmp_path / "home_batch"))
        fake.batches_run.set()  # the batch stays in flight until the run is killed
        command = [sys.executable, "-m", "datagen", *args, "--batch", "--batch-poll", "0.05", "--output", str(batched)]
        proc = subprocess.Popen(command, cwd=REPO, env={**os.environ, **cli_env}, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        state = batched.with_name(batched.name + STATE_SUFFIX)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None and not (state.exists() and fake.batches
                                                                           and fake.batches[0]["polls"] > 1):
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert state.exists() and not batched.exists(), "the batch run ended before it could be killed"
        assert len(fake.batches) == 1 and len(fake.requests) == sent  # one batch, nothing sent directly
        fake.batches_run.clear()

        result = CliRunner().invoke(cli, [*args, "--batch", "--batch-poll", "0.05", "--resume", "--output",
                                          str(batched)], env=cli_env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "msgbatch_0000 (resumed)" in result.output
        assert len(fake.batches) == 1 and len(fake.requests) == sent  # polled, not submitted again
        assert batched.read_bytes() == direct.read_bytes() and not state.exists()
        assert sorted(map(_canonical, fake.batch_bodies)) == sorted(map(_canonical, fake.requests[:sent]))

        result = CliRunner().invoke(cli, [*args, "--output", str(rerun)], env=cli_env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert len(fake.requests) == sent and len(fake.batches) == 1  # without --batch: free too
        assert rerun.read_bytes() == direct.read_bytes()
    batched_counts = [row["b"] for row in seed_graph.execute_query(
        "MATCH (r:Run) WHERE r.output_path = $p RETURN r.realiser_batched AS b", p=str(batched.resolve()),
        database_=neo4j_database).records]
    assert batched_counts == [sent]
