"""Time `datagen generate` with write-back on `seed_data/` and on the full corpus (a script, never a test).

For each corpus (the database cleared first), each step in its own process as a user's commands
run (so a peak is that command's own): `datagen build`, an untimed warm-up of 20 conversations
(the server compiles the sampler queries on first use), then `--n` mixed conversations with
corpus memory, write-back and the offline review (as the CLI runs them), once with `--workers 2`
(seed S) and once with `--workers 1` (seed S+1, so each run writes its own nodes). Printed per run:
conversations per second, sampler milliseconds per conversation (p50, p95), seconds per stage of the
job's process, attempts computed ahead by the workers, peak memory of the client (this process, and
the largest worker) and of the managed Neo4j server. Then the goals of issue "scale" (2 cores):
>= 300 conversations/s with write-back on the full corpus, sampler p50 < 5 ms there, full-corpus speed
>= 0.7 of the seed_data speed, client peak < 1.5 GiB, full build < 60 s; each met or NOT met.

The database is cleared, so it runs on the benchmark's own server (`datagen.db.scratch`), never the
user's (see `build_bench.py`).

    python3 benchmarks/generate_bench.py [--n 1000] [--only seed|full] [--seed 42] [--shared DIR]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_bench import (FULL_ARCHIVE, clear_database, default_shared, reset_server_peak,  # noqa: E402
                         server_peak_mib, server_pid, unpacked)

from neo4j import Driver  # noqa: E402

from datagen.config import Settings  # noqa: E402
from datagen.core.plan import SamplingMode  # noqa: E402
from datagen.db.connection import open_driver  # noqa: E402
from datagen.db.scratch import clearable_server  # noqa: E402
from datagen.errors import DatagenError  # noqa: E402
from datagen.evaluator.review import offline_review  # noqa: E402
from datagen.generator.job import GenerateSettings, GenerateSummary, run_generate  # noqa: E402
from datagen.graph.build import run_build  # noqa: E402

GOAL_RATE = 300.0
GOAL_SAMPLER_P50_MS = 5.0
GOAL_RATIO = 0.7
GOAL_CLIENT_MIB = 1536.0
GOAL_BUILD_SECONDS = 60.0


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _child(queue: Any, env: dict[str, str], job: Callable[..., dict[str, Any]], args: tuple[Any, ...]) -> None:
    os.environ.update(env)
    driver = open_driver(Settings(), autostart=False)
    try:
        queue.put(job(driver, Settings().neo4j_database, *args))
    finally:
        driver.close()


def in_own_process(env: dict[str, str], job: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Run `job(driver, database, *args)` in a fresh process with its own driver, as a user's command
    runs: its peak memory is its own (a build before it would otherwise count, and forked workers
    would inherit the builder's pages)."""
    context = multiprocessing.get_context("fork")
    queue = context.SimpleQueue()
    process = context.Process(target=_child, args=(queue, env, job, args))
    process.start()
    process.join()
    if process.exitcode != 0 or queue.empty():
        raise DatagenError(f"the benchmark's child process failed (exit code {process.exitcode})")
    result: dict[str, Any] = queue.get()
    return result


def build_job(driver: Driver, database: str, data: Path, artifacts: Path) -> dict[str, Any]:
    started = time.perf_counter()
    manifest = run_build(driver, database, data, artifacts)
    steps = {k: v for k, v in manifest.seconds.items() if k.startswith("graph.")}
    return {"seconds": time.perf_counter() - started, "endpoints": manifest.counts["nodes"]["Endpoint"],
            "feeds": manifest.counts["relationships"]["FEEDS"], "client": _peak_mib(resource.RUSAGE_SELF),
            "stages": {k: manifest.seconds.get(k, 0.0) for k in ("ingest", "registry", "graph")},
            "slowest": sorted(steps.items(), key=lambda kv: -kv[1])[:3]}


def generate_job(driver: Driver, database: str, settings: GenerateSettings) -> dict[str, Any]:
    started = time.perf_counter()
    summary = run_generate(driver, database, settings, review=offline_review)
    return {"seconds": time.perf_counter() - started, "summary": summary,
            "client": _peak_mib(resource.RUSAGE_SELF), "workers": _peak_mib(resource.RUSAGE_CHILDREN)}


def generate_once(env: dict[str, str], pid: int | None, tmp: Path, n: int, seed: int,
                  workers: int) -> tuple[float, GenerateSummary, float]:
    """One timed run; prints its figures and returns (conversations/s, summary, client peak MiB)."""
    peak_reset = reset_server_peak(pid)
    settings = GenerateSettings(n=n, seed=seed, mode=SamplingMode.MIXED, output=tmp / f"c_{seed}_{workers}.jsonl",
                                workers=workers, overwrite=True)
    result = in_own_process(env, generate_job, settings)
    summary: GenerateSummary = result["summary"]
    seconds = result["seconds"]
    rate = summary.records / seconds
    stages = ", ".join(f"{k} {v:.1f}" for k, v in summary.seconds.items())
    print(f"  --workers {workers}: {summary.records} conversations in {seconds:.1f} s = {rate:.1f} conversations/s")
    print(f"      sampler per conversation: p50 {summary.sampler_ms.get('p50', 0):.2f} ms, "
          f"p95 {summary.sampler_ms.get('p95', 0):.2f} ms")
    print(f"      seconds per stage (job process): {stages}")
    kept = max(1, summary.records - summary.resumed)
    thin = summary.attempts - kept - summary.rejected - summary.flagged
    print(f"      attempts: {summary.attempts} for {kept} records ({summary.attempts / kept:.1f} each): "
          f"{summary.rejected} rejected by the validator, {summary.flagged} flagged by the review, about {thin} "
          f"thin; {summary.skipped} not made (thin like an earlier attempt of that conversation); "
          f"{summary.ahead} taken from work done ahead")
    total = sum(summary.seconds.values()) or 1.0
    top = max(summary.seconds, key=lambda k: summary.seconds[k])
    print(f"      what limits it: {top} ({100 * summary.seconds[top] / total:.0f} % of the job's time); "
          f"{summary.attempts / kept:.1f} attempts per kept conversation at "
          f"{1000 * summary.seconds.get('plan_and_agents', 0.0) * workers / max(1, summary.attempts):.0f} ms "
          f"of a worker each")
    wb = summary.written_back or {}
    print(f"      written back: {wb.get('conversations', 0)} conversations, {wb.get('messages', 0)} messages, "
          f"{wb.get('tool_calls', 0)} tool calls, {wb.get('lineage', 0)} lineage edges")
    print(f"      peak memory: client {result['client']:.0f} MiB (largest worker {result['workers']:.0f} MiB), "
          f"server {server_peak_mib(pid)}{'' if peak_reset else ' (since its start)'}")
    return rate, summary, max(result["client"], result["workers"])


def corpus(driver: Driver, database: str, env: dict[str, str], pid: int | None, name: str, data: Path, n: int,
           seed: int) -> dict[str, float]:
    """Build one corpus into the empty database and time generate with 2 and 1 workers."""
    print(f"\n== {name}: {data}")
    print(f"  cleared the database in {clear_database(driver, database):.1f} s")
    with tempfile.TemporaryDirectory(prefix="datagen-genbench-") as tmp:
        built = in_own_process(env, build_job, data, Path(tmp) / "artifacts")
        print(f"  build: {built['endpoints']} endpoints, {built['feeds']} FEEDS edges in {built['seconds']:.1f} s "
              f"(client peak {built['client']:.0f} MiB)")
        stages = ", ".join(f"{k} {v:.1f}" for k, v in built["stages"].items())
        slowest = ", ".join(f"{k.removeprefix('graph.')} {v:.1f}" for k, v in built["slowest"])
        print(f"      what limits it: seconds per stage {stages}; slowest graph steps {slowest} "
              f"(DESIGN.md §8 says what they cost on the full corpus)")
        warm = GenerateSettings(n=20, seed=seed + 2, mode=SamplingMode.MIXED, output=Path(tmp) / "warm.jsonl",
                                workers=1, write_back=False)
        started = time.perf_counter()
        in_own_process(env, generate_job, warm)
        print(f"  warm-up (the server compiles the sampler queries once): 20 conversations in "
              f"{time.perf_counter() - started:.1f} s, not counted")
        rate2, two, peak2 = generate_once(env, pid, Path(tmp), n, seed, 2)
        rate1, _, peak1 = generate_once(env, pid, Path(tmp), n, seed + 1, 1)
    return {"rate": rate2, "rate1": rate1, "p50": two.sampler_ms.get("p50", 0.0), "build": built["seconds"],
            "client": max(peak1, peak2)}


def _goal(text: str, met: bool) -> None:
    print(f"  {text}: {'met' if met else 'NOT met'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="conversations per run (default 1000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", choices=("seed", "full"), help="one corpus only")
    parser.add_argument("--shared", type=Path, default=None,
                        help="the shared data folder (default: $DATAGEN_SHARED or ../shared beside the repo)")
    args = parser.parse_args(argv)
    archive = (args.shared or default_shared()) / FULL_ARCHIVE
    if args.only != "seed" and not archive.is_file():
        print(f"full corpus not found at {archive} (set DATAGEN_SHARED or --shared)", file=sys.stderr)
        return 1
    figures: dict[str, dict[str, float]] = {}
    try:
        with clearable_server(os.environ, announce=print) as target:
            driver, database, pid, env = target.driver, target.database, server_pid(target), target.cli_env
            print(f"client python {sys.version.split()[0]}, {os.cpu_count()} cpus; server pid {pid or 'n/a'}")
            if args.only in (None, "seed"):
                figures["seed"] = corpus(driver, database, env, pid, "seed_data", REPO / "seed_data", args.n, args.seed)
            if args.only in (None, "full"):
                with unpacked(archive) as root:
                    figures["full"] = corpus(driver, database, env, pid, "full corpus", root, args.n, args.seed)
    except DatagenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n== goals (2 cores)")
    if "full" in figures:
        full = figures["full"]
        _goal(f"full corpus >= {GOAL_RATE:.0f} conversations/s with write-back ({full['rate']:.1f})",
              full["rate"] >= GOAL_RATE)
        _goal(f"full-corpus sampler p50 < {GOAL_SAMPLER_P50_MS:.0f} ms per conversation ({full['p50']:.2f} ms)",
              full["p50"] < GOAL_SAMPLER_P50_MS)
        _goal(f"full build < {GOAL_BUILD_SECONDS:.0f} s ({full['build']:.1f} s)", full["build"] < GOAL_BUILD_SECONDS)
        if "seed" in figures:
            ratio = full["rate"] / figures["seed"]["rate"]
            _goal(f"full-corpus speed >= {GOAL_RATIO} of seed_data's ({ratio:.2f})", ratio >= GOAL_RATIO)
    client = max(f["client"] for f in figures.values())
    _goal(f"generate's client peak < {GOAL_CLIENT_MIB / 1024:.1f} GiB ({client:.0f} MiB)", client < GOAL_CLIENT_MIB)
    for name, f in figures.items():
        print(f"  {name}: --workers 2 {f['rate']:.1f}/s, --workers 1 {f['rate1']:.1f}/s "
              f"(x{f['rate'] / f['rate1']:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
