"""Regenerate the golden files: `python3 -m tests.golden.regen` (then review the diff).

Builds `seed_data/` into the tests' own Neo4j (`datagen.db.scratch`: never the user's catalog or runs)
and rewrites each `tests/golden/<run>.jsonl`. Only for deliberate output changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from datagen.db.scratch import clearable_server
from datagen.graph.build import run_build
from tests.golden.runs import REPO, RUNS, SEED_DATA_ARG, generate, golden_path, uses_lexical_embeddings


def main() -> int:
    if not uses_lexical_embeddings():
        print("the golden files are defined for the lexical embedder: uninstall sentence-transformers "
              "or set DATAGEN_EMBEDDING_MODEL to a model that is not cached", file=sys.stderr)
        return 1
    os.chdir(REPO)
    with clearable_server(os.environ, announce=print) as target, tempfile.TemporaryDirectory() as tmp:
        run_build(target.driver, target.database, SEED_DATA_ARG, Path(tmp) / "artifacts")
        for stem, mode, n, seed in RUNS:
            data = generate(target.driver, target.database, mode, n, seed, Path(tmp) / f"{stem}.jsonl")
            golden_path(stem).write_bytes(data)
            print(f"wrote {golden_path(stem)} ({n} conversations, {mode.value}, seed {seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
