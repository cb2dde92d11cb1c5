"""`generate` on the 600 real ToolBench tools: 100 conversations, all valid, grounded where possible."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from neo4j import Driver

from datagen.generator.job import GenerateSettings, run_generate
from datagen.core.plan import SamplingMode
from datagen.graph.build import run_build


def test_100_conversations_on_real_toolbench(clean_db: Driver, neo4j_database: str, toolbench_tools: Path,
                                             tmp_path: Path) -> None:
    run_build(clean_db, neo4j_database, toolbench_tools, tmp_path / "artifacts")
    out = tmp_path / "real.jsonl"
    summary = run_generate(clean_db, neo4j_database,
                           GenerateSettings(n=100, seed=42, mode=SamplingMode.MIXED, output=out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 100 == summary.written_back["conversations"]  # type: ignore[index]
    assert len(summary.domains) >= 20
    assert set(summary.modes) == {"sequential", "multi_tool", "clarification_first", "parallel"}
    sources = Counter(s["source"] for r in records for s in r["metadata"]["argument_sources"])
    assert sources["step_output"] > 0 and sources["user"] > 0
    # Mock fallbacks exist on real data (most APIs have no schema) but must stay the exception.
    assert sources["mock_fallback"] < 0.25 * sum(sources.values())
    assert len({tuple(r["metadata"]["endpoint_ids"]) for r in records}) >= 95
