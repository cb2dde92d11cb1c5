"""The output bytes of fixed small runs on `seed_data/` equal the golden files (tests/golden/).

A failure means the generated JSONL changed. If that is intended, run `python3 -m tests.golden.regen`
and commit the new golden files with the change, so the diff is reviewed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from datagen.core.plan import SamplingMode
from datagen.graph.build import run_build
from tests.golden.runs import REPO, RUNS, SEED_DATA_ARG, generate, golden_path, uses_lexical_embeddings


@pytest.fixture(scope="module")
def seed_graph(clean_db: Driver, neo4j_database: str, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        run_build(clean_db, neo4j_database, SEED_DATA_ARG, tmp_path_factory.mktemp("artifacts"))
    return clean_db


@pytest.mark.skipif(not uses_lexical_embeddings(), reason="golden bytes are those of the lexical embedder")
@pytest.mark.parametrize(("stem", "mode", "n", "seed"), RUNS, ids=[r[0] for r in RUNS])
def test_output_bytes_equal_the_golden_file(seed_graph: Driver, neo4j_database: str, tmp_path: Path,
                                            stem: str, mode: SamplingMode, n: int, seed: int) -> None:
    expected = golden_path(stem).read_bytes()
    produced = generate(seed_graph, neo4j_database, mode, n, seed, tmp_path / f"{stem}.jsonl")
    if produced != expected:
        old, new = expected.splitlines(), produced.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
        pytest.fail(f"{golden_path(stem).name}: output changed from line {first + 1} "
                    f"({len(old)} golden lines, {len(new)} produced). If intended: python3 -m tests.golden.regen",
                    pytrace=False)
