"""Planner and corpus memory, and the crash-safe JSONL sink (no server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datagen.core.plan import ChainStep, PatternType, SampledChain, SamplingMode
from datagen.core.record import dumps
from datagen.errors import ConfigError, InputError
from datagen.generator.conversation import generate_conversation
from datagen.generator.record import build_record
from datagen.generator.sink import JsonlSink
from datagen.ingest.reader import ingest
from datagen.planner.embedding import LexicalEmbedder, cosine
from datagen.planner.memory import CorpusMemory
from datagen.planner.planner import Planner, conversation_id, conversation_seed, pattern_for
from datagen.registry.build import build_registry
from datagen.registry.models import Endpoint
from tests.conftest import SEED_DATA
from tests.unit.test_generator_plans import registry, walk_plan


@pytest.fixture(scope="module")
def catalog() -> dict[str, Endpoint]:
    return build_registry(ingest(SEED_DATA).tools).endpoint_index()


def _chain(ids: list[str], mode: SamplingMode = SamplingMode.SEQUENTIAL, rank: int = 0) -> SampledChain:
    return SampledChain(mode=mode, rank=rank, steps=[ChainStep(endpoint_id=e, group=i) for i, e in enumerate(ids)])


def _by_tool(catalog: dict[str, Endpoint]) -> dict[str, list[str]]:
    tools: dict[str, list[str]] = {}
    for eid in sorted(catalog):
        tools.setdefault(catalog[eid].tool_id, []).append(eid)
    return tools


def test_ids_and_seeds_are_stable() -> None:
    assert conversation_id(42, 0) == "conv_42_0001"
    assert conversation_seed(42, 3, 0) == conversation_seed(42, 3, 0) != conversation_seed(42, 3, 1)


def test_pattern_types(catalog: dict[str, Endpoint]) -> None:
    tools = _by_tool(catalog)
    a, b = sorted(tools)[:2]
    two_tools = [catalog[tools[a][0]], catalog[tools[b][0]]]
    assert pattern_for(SamplingMode.PARALLEL, two_tools) is PatternType.PARALLEL
    assert pattern_for(SamplingMode.SEQUENTIAL, two_tools) is PatternType.MULTI_TOOL_CHAIN
    search = next(e for e in catalog.values() if e.name.lower().startswith("search"))
    action = next(e for e in catalog.values() if e.tool_id == search.tool_id and e.method == "POST")
    assert pattern_for(SamplingMode.SEQUENTIAL, [search, action]) is PatternType.SEARCH_THEN_ACTION


def test_memory_steers_away_from_repeats(catalog: dict[str, Endpoint]) -> None:
    tools = _by_tool(catalog)
    names = [t for t in sorted(tools) if len(tools[t]) >= 2][:2]
    first, second = (_chain(tools[t][:2], rank=i) for i, t in enumerate(names))
    on = Planner(42, CorpusMemory(enabled=True))
    off = Planner(42, CorpusMemory(enabled=False))
    for planner in (on, off):
        planner.observe(first.endpoint_ids, catalog)
    assert on.choose([first, second], catalog, 0) is second
    assert off.choose([first, second], catalog, 0) is first


def test_clarification_plan_withholds_first_step_params(catalog: dict[str, Endpoint]) -> None:
    start = next(e for e in catalog.values() if sum(p.required for p in e.parameters) >= 1)
    other = next(e for e in catalog.values() if e.id != start.id)
    plan = Planner(7, CorpusMemory()).plan(0, [_chain([start.id, other.id], SamplingMode.CLARIFICATION_FIRST)], catalog)
    required = {p.name for p in start.parameters if p.required}
    assert plan.clarify and all(ref.step == 0 and ref.param in required for ref in plan.clarify)


def test_lexical_embedding_finds_near_duplicates() -> None:
    emb = LexicalEmbedder()
    a = emb.embed("Search hotels in Paris and book a room")
    assert cosine(a, emb.embed("search hotels in paris and book a room")) > 0.99
    assert cosine(a, emb.embed("Convert 100 USD to EUR")) < 0.5


def _lines(count: int) -> list[str]:
    """`count` real records (run seed 42), serialised as generate writes them."""
    return [dumps(build_record(generate_conversation(walk_plan(registry(), i, index=i)), "b", "r"))
            for i in range(count)]


def test_sink_resume_drops_torn_line_and_checks_settings(tmp_path: Path) -> None:
    lines = _lines(3)
    ids = [json.loads(line)["conversation_id"] for line in lines]
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(out, {"seed": 42})
    assert sink.open(resume=False) == []
    sink.append(lines[:2])
    sink.close()
    with open(sink.partial, "ab") as handle:
        handle.write(b'{"metadata": {"se')
    again = JsonlSink(out, {"seed": 42})
    assert [r.conversation_id for r in again.open(resume=True)] == ids[:2]
    again.append(lines[2:])
    again.finish()
    assert out.read_text(encoding="utf-8").splitlines() == lines
    assert not sink.partial.exists()
    with pytest.raises(ConfigError, match="seed=42"):
        JsonlSink(out, {"seed": 2}).open(resume=True)
    assert out.exists() and not sink.partial.exists()


def test_sink_resume_refuses_a_line_that_is_not_a_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(_lines(1)[0] + "\n" + json.dumps({"metadata": {"seed": 42}}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: not a datagen record"):
        JsonlSink(out, {"seed": 42}).open(resume=True)


def test_near_duplicate_index_finds_close_goals_only() -> None:
    from datagen.planner.neardup import NearDuplicateIndex

    emb = LexicalEmbedder()
    index = NearDuplicateIndex()
    for text in ["Travel | search hotels | get hotel details | book room", "Finance | convert currency",
                 "Weather | get forecast | get alerts"]:
        index.add(emb.embed(text))
    assert index.max_similarity(emb.embed("Travel | search hotels | get hotel details | book room")) > 0.99
    assert index.max_similarity(emb.embed("Sports | list leagues | get fixtures")) < 0.5
