"""Time `datagen generate` with write-back and print conversations per second (a script, never a test).

Builds the seed corpus (or `--data PATH`) into an empty database, then generates `--n` conversations
(default 10,000, mixed mode, corpus memory on, write-back on) and prints: conversations per second
(goal: >= 300 on 2 cores), seconds, peak memory of this process and of the managed Neo4j server, and
what was written back. `--no-write-back` and `--no-corpus-memory` time the variants.

The database is cleared first, so it runs on the benchmark's own server (`datagen.db.scratch`), never
the user's (see `build_bench.py`).

    python3 benchmarks/generate_bench.py [--n 10000] [--data PATH] [--mode mixed]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_bench import clear_database, client_peak_mib, reset_server_peak, server_peak_mib, server_pid  # noqa: E402

from datagen.db.scratch import clearable_server  # noqa: E402
from datagen.errors import DatagenError  # noqa: E402
from datagen.generator.job import GenerateSettings, run_generate  # noqa: E402
from datagen.core.plan import SamplingMode  # noqa: E402
from datagen.graph.build import run_build  # noqa: E402

GOAL = 300.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--mode", default="mixed", choices=[m.value for m in SamplingMode])
    parser.add_argument("--data", type=Path, default=REPO / "seed_data")
    parser.add_argument("--no-write-back", action="store_true")
    parser.add_argument("--no-corpus-memory", action="store_true")
    args = parser.parse_args(argv)

    try:
        with clearable_server(os.environ, announce=print) as target:
            driver, database, pid = target.driver, target.database, server_pid(target)
            clear_database(driver, database)
            with tempfile.TemporaryDirectory(prefix="datagen-genbench-") as tmp:
                manifest = run_build(driver, database, args.data, Path(tmp) / "artifacts")
                print(f"graph: {manifest.counts['nodes']['Endpoint']} endpoints, "
                      f"{manifest.counts['relationships']['FEEDS']} FEEDS edges from {args.data}")
                peak_reset = reset_server_peak(pid)
                gen = GenerateSettings(n=args.n, seed=args.seed, mode=SamplingMode(args.mode),
                                       output=Path(tmp) / "conversations.jsonl",
                                       corpus_memory=not args.no_corpus_memory, write_back=not args.no_write_back)
                started = time.perf_counter()
                summary = run_generate(driver, database, gen)
                seconds = time.perf_counter() - started
                size = gen.output.stat().st_size
                server_peak = server_peak_mib(pid)
    except DatagenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rate = summary.records / seconds
    print(f"generate: {summary.records} conversations in {seconds:.1f} s "
          f"(mode {args.mode}, corpus memory {'off' if args.no_corpus_memory else 'on'}, "
          f"write-back {'off' if args.no_write_back else 'on'})")
    print(f"  rate: {rate:.0f} conversations/s (goal >= {GOAL:.0f}: {'met' if rate >= GOAL else 'NOT met'})")
    print(f"  output: {size / 1e6:.1f} MB JSONL, {summary.rejected} validator rejections regenerated")
    if summary.written_back:
        wb = summary.written_back
        print(f"  written back: {wb['conversations']} conversations, {wb['messages']} messages, "
              f"{wb['tool_calls']} tool calls, {wb['lineage']} lineage edges")
    print(f"  peak memory: client {client_peak_mib()}, server {server_peak}"
          f"{'' if peak_reset else ' (server peak since its start)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
