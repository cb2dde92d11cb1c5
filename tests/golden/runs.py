"""The golden runs: which settings, and how one is produced (shared by the test and `regen`)."""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from datagen.core.plan import SamplingMode
from datagen.evaluator.review import offline_review
from datagen.generator.job import GenerateSettings, run_generate
from datagen.planner.embedding import LexicalEmbedder, default_embedder

FOLDER = Path(__file__).resolve().parent
REPO = FOLDER.parents[1]
# Built as the README does (`datagen build` from the repo root): the build id hashes the registry,
# whose `source_file`s are the paths as given, so the golden bytes need this exact relative path.
SEED_DATA_ARG = Path("seed_data")

# (file stem, mode, n, seed): the README's main command, and a few conversations of every mode.
RUNS: list[tuple[str, SamplingMode, int, int]] = [
    ("sequential_n50_seed42", SamplingMode.SEQUENTIAL, 50, 42),
    ("multi_tool_n3_seed7", SamplingMode.MULTI_TOOL, 3, 7),
    ("clarification_first_n3_seed7", SamplingMode.CLARIFICATION_FIRST, 3, 7),
    ("parallel_n3_seed7", SamplingMode.PARALLEL, 3, 7),
    ("mixed_n6_seed7", SamplingMode.MIXED, 6, 7),
]


def golden_path(stem: str) -> Path:
    return FOLDER / f"{stem}.jsonl"


def uses_lexical_embeddings() -> bool:
    """The golden bytes are those of the built-in lexical embedder (no sentence-transformers model)."""
    return isinstance(default_embedder(), LexicalEmbedder)


def generate(driver: Driver, database: str, mode: SamplingMode, n: int, seed: int, output: Path) -> bytes:
    """Run one golden run into `output` (no write-back) and return its bytes."""
    run_generate(driver, database, GenerateSettings(n=n, seed=seed, mode=mode, output=output, write_back=False),
                 review=offline_review)  # as `datagen generate` does
    return output.read_bytes()
