"""Time `datagen build` on the real ToolBench data and print the figures (a script, never a test).

Cases, each started from an empty database:
  small   the 600 shared tools (`<shared>/toolbench/tools`)
  full    the whole 2404 corpus (`<shared>/toolbench/full/toolbench-2404-44cat.tar.xz`, 11,663 tools,
          45,268 APIs), unpacked to a temp folder at run time; then an idempotent rebuild on top of it
  custom  `--data PATH` instead of the two above

For every case: seconds per stage (the manifest's `seconds`), nodes and relationships written per
second of graph writing, peak memory of this process (ru_maxrss) and of the managed Neo4j server
(VmHWM, reset before each case when the kernel lets us), FEEDS coverage, CAN_FILL and FEEDS counts.

Every case clears the database, so it runs on the benchmark's own server (`datagen.db.scratch`), never
the user's: a scratch managed server under `<DATAGEN_HOME>/test-neo4j-5.26.0` (the user's jars, its own
data and ports, stopped at the end), or `DATAGEN_TEST_NEO4J_URI` if its database is empty.

    python3 benchmarks/build_bench.py [--only small|full] [--data PATH] [--shared DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from neo4j import Driver

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from datagen.db.scratch import ScratchTarget, clearable_server  # noqa: E402
from datagen.errors import DatagenError  # noqa: E402
from datagen.db.queries import load  # noqa: E402
from datagen.graph.build import BuildManifest, run_build  # noqa: E402

FULL_ARCHIVE = Path("toolbench") / "full" / "toolbench-2404-44cat.tar.xz"
SMALL_TOOLS = Path("toolbench") / "tools"
GOAL_SECONDS = 60.0


def default_shared() -> Path:
    """`../shared` beside the checkout, or `DATAGEN_SHARED`."""
    return Path(os.environ.get("DATAGEN_SHARED", REPO.parent / "shared"))


def clear_database(driver: Driver, database: str) -> float:
    """Delete every node and relationship (schema kept); returns the seconds it took."""
    started = time.perf_counter()
    query = load("admin/clear_database")
    with driver.session(database=database) as session:
        session.run(query.text, query.params()).consume()
    return time.perf_counter() - started


def server_pid(target: ScratchTarget) -> int | None:
    """Pid of the scratch managed server; None for a server named by DATAGEN_TEST_NEO4J_URI."""
    return target.server.status().pid if target.server is not None else None


def reset_server_peak(pid: int | None) -> bool:
    """Reset the server's VmHWM (`echo 5 > /proc/<pid>/clear_refs`) so each case has its own peak."""
    if pid is None:
        return False
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def server_peak_mib(pid: int | None) -> str:
    if pid is None:
        return "n/a"
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return f"{int(line.split()[1]) / 1024:.0f} MiB"
    except OSError:
        pass
    return "n/a"


def client_peak_mib() -> str:
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"  # Linux: KiB


@contextmanager
def unpacked(archive: Path) -> Iterator[Path]:
    """Unpack the xz tarball into a temp folder; yields its `tools/` root."""
    with tempfile.TemporaryDirectory(prefix="datagen-bench-") as tmp:
        started = time.perf_counter()
        with tarfile.open(archive, "r:xz") as tar:
            tar.extractall(tmp, filter="data")
        root = Path(tmp) / "tools"
        print(f"  unpacked {archive.name} in {time.perf_counter() - started:.1f} s (not part of build)")
        yield root if root.is_dir() else Path(tmp)


def report(name: str, manifest: BuildManifest, wall: float, pid: int | None, peak_reset: bool,
           goal: bool) -> None:
    sec = manifest.seconds
    nodes = sum(manifest.counts["nodes"].values())
    rels = sum(manifest.counts["relationships"].values())
    graph = sec.get("graph", 0.0) or 1e-9
    cov = manifest.feeds_coverage
    endpoints = max(1, cov["endpoints"])
    print(f"  build wall time      {wall:8.1f} s" + (f"   (goal: full corpus < {GOAL_SECONDS:.0f} s on 2 cores: "
                                                     f"{'met' if wall < GOAL_SECONDS else 'NOT met'})" if goal else ""))
    print("  seconds per stage:")
    for stage, value in sec.items():
        indent = "      " if stage.startswith("graph.") else "    "
        print(f"{indent}{stage:<28}{value:8.2f}")
    print(f"  input                {manifest.registry_counts['tools']} tools, {manifest.registry_counts['endpoints']} "
          f"endpoints, {manifest.registry_counts['parameters']} parameters, "
          f"{manifest.registry_counts['response_fields']} response fields")
    print(f"  written              {nodes} nodes ({nodes / graph:,.0f}/s), {rels} relationships "
          f"({rels / graph:,.0f}/s) over {graph:.1f} s of graph writing")
    print(f"  CAN_FILL / FEEDS     {manifest.counts['relationships']['CAN_FILL']} / "
          f"{manifest.counts['relationships']['FEEDS']}")
    print(f"  FEEDS coverage       {cov['with_both']}/{cov['endpoints']} endpoints "
          f"({100 * cov['with_both'] / endpoints:.1f}%) have >=1 outgoing and >=1 incoming FEEDS edge "
          f"(out {cov['with_out']}, in {cov['with_in']}); "
          f"{len(cov['categories_with_feeds'])}/{cov['categories']} categories")
    server = server_peak_mib(pid)
    scope = "this case" if peak_reset else "since server start"
    print(f"  peak memory          client {client_peak_mib()} (process so far), server {server}"
          + ("" if server == "n/a" else f" ({scope})"))


def run_case(driver: Driver, database: str, name: str, data: Path, pid: int | None, *,
             clear: bool = True, goal: bool = False) -> BuildManifest:
    print(f"\n== {name}: {data}")
    if clear:
        print(f"  cleared the database in {clear_database(driver, database):.1f} s")
    peak_reset = reset_server_peak(pid)
    with tempfile.TemporaryDirectory(prefix="datagen-bench-artifacts-") as artifacts:
        started = time.perf_counter()
        manifest = run_build(driver, database, data, Path(artifacts))
        wall = time.perf_counter() - started
    report(name, manifest, wall, pid, peak_reset, goal)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("small", "full"), help="run one of the two standard cases")
    parser.add_argument("--data", type=Path, help="time a build of this tools folder (or file) instead")
    parser.add_argument("--shared", type=Path, default=None,
                        help="the shared data folder (default: $DATAGEN_SHARED or ../shared beside the repo)")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the idempotent rebuild of the full corpus")
    args = parser.parse_args(argv)

    shared = args.shared or default_shared()
    try:
        with clearable_server(os.environ, announce=print) as target:
            return run_cases(target, args, shared)
    except DatagenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def run_cases(target: ScratchTarget, args: argparse.Namespace, shared: Path) -> int:
    """The cases asked for, on the benchmark's own server."""
    driver, db = target.driver, target.database
    pid = server_pid(target)
    info = driver.get_server_info()
    print(f"server {info.agent} at {info.address}, pid {pid if pid else 'n/a'}; "
          f"client python {sys.version.split()[0]}, {os.cpu_count()} cpus")
    if args.data is not None:
        run_case(driver, db, "custom", args.data, pid)
        return 0
    if args.only in (None, "small"):
        run_case(driver, db, "small (600 shared tools)", shared / SMALL_TOOLS, pid)
    if args.only in (None, "full"):
        archive = shared / FULL_ARCHIVE
        if not archive.is_file():
            print(f"full corpus not found at {archive} (set DATAGEN_SHARED or --shared)", file=sys.stderr)
            return 1
        with unpacked(archive) as root:
            run_case(driver, db, "full corpus, empty database", root, pid, goal=True)
            if not args.no_rebuild:
                run_case(driver, db, "full corpus, idempotent rebuild on top of itself", root, pid,
                         clear=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
