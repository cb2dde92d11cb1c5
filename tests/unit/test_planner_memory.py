"""Planner and corpus memory, and the crash-safe JSONL sink (no server)."""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from datagen.core.plan import ChainStep, PatternType, SampledChain, SamplingMode
from datagen.core.record import dumps
from datagen.errors import ConfigError, InputError
from datagen.generator.conversation import generate_conversation
from datagen.generator.record import build_record
from datagen.generator.sink import JsonlSink
from datagen.ingest.reader import ingest
from datagen.planner.embedding import Embedder, LexicalEmbedder, SparseVector, cosine, default_embedder
from datagen.planner.memory import NEAR_DUPLICATE, CorpusMemory
from datagen.planner.neardup import NearDuplicateIndex, goal_minhash
from datagen.planner.planner import (
    Planner, conversation_id, conversation_seed, domain_for, goal_signature, pattern_for,
)
from datagen.registry.build import build_registry
from datagen.registry.models import Endpoint
from tests.conftest import REPO, SEED_DATA
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
    index = NearDuplicateIndex()
    for text in ["Travel | search hotels | get hotel details | book room", "Finance | convert currency",
                 "Weather | get forecast | get alerts"]:
        index.add(text)
    assert index.max_similarity("Travel | search hotels | get hotel details | book room") > 0.99
    assert index.candidates("Sports | list leagues | get fixtures") == []
    assert index.max_similarity("Sports | list leagues | get fixtures") == 0.0


class _DenseProjection:
    """A dense embedding: the lexical vector through a seeded Gaussian projection to 384 dims.

    Stands in for sentence-transformers (an optional extra, not installed in CI) where it matters
    here: every slot of every vector is non-zero, and cosine is kept approximately.
    """

    name = "dense-projection-384"

    def __init__(self, dims: int = 384) -> None:
        self.dims = dims
        self.lexical = LexicalEmbedder()
        self.columns: dict[int, list[float]] = {}

    def embed(self, text: str) -> SparseVector:
        dense = [0.0] * self.dims
        for slot, weight in self.lexical.embed(text).items():
            if slot not in self.columns:
                rng = random.Random(slot)
                self.columns[slot] = [rng.gauss(0.0, 1.0) for _ in range(self.dims)]
            for i, x in enumerate(self.columns[slot]):
                dense[i] += weight * x
        norm = math.sqrt(sum(x * x for x in dense))
        return {i: x / norm for i, x in enumerate(dense)}


def _real_goals(tools_dir: Path) -> list[str]:
    """Distinct goal signatures of two consecutive endpoints of each real tool, in tool order."""
    catalog = build_registry(ingest(tools_dir).tools).endpoint_index()
    goals: dict[str, None] = {}
    for ids in _by_tool(catalog).values():
        for a, b in zip(ids, ids[1:]):
            chain = [catalog[a], catalog[b]]
            goals.setdefault(goal_signature(chain, domain_for(chain)), None)
    return list(goals)


@pytest.fixture(scope="module")
def real_goals(toolbench_tools: Path) -> list[str]:
    return _real_goals(toolbench_tools)


@pytest.mark.parametrize("embedder", [_DenseProjection(), LexicalEmbedder(), default_embedder()],
                         ids=["dense-projection", "lexical", "default"])
def test_lsh_candidates_stay_few_whatever_the_embedding(real_goals: list[str], embedder: Embedder) -> None:
    goals = real_goals[:: max(1, len(real_goals) // 200)][:200]
    assert len(set(goals)) == 200
    if isinstance(embedder, _DenseProjection):
        assert min(len(embedder.embed(g)) for g in goals[:5]) == embedder.dims
    index = NearDuplicateIndex(embedder)
    counts = []
    for goal in goals:
        counts.append(len(index.candidates(goal)))
        index.max_similarity(goal)
        index.add(goal)
    # A full scan would return every earlier goal: 199 for the last, 19,900 in all.
    assert max(counts) < 20
    assert sum(counts) < 0.01 * sum(range(200))


def test_lsh_finds_every_real_near_duplicate_an_exact_scan_finds(real_goals: list[str]) -> None:
    lexical = LexicalEmbedder()
    index = NearDuplicateIndex(lexical)
    vectors: list[SparseVector] = []
    near = found = 0
    for goal in real_goals:
        vector = lexical.embed(goal)
        if max((cosine(vector, earlier) for earlier in vectors), default=0.0) >= NEAR_DUPLICATE:
            near += 1
            found += index.max_similarity(goal) >= NEAR_DUPLICATE
        vectors.append(vector)
        index.add(goal)
    assert near >= 5
    assert found == near


@pytest.mark.parametrize("embedder", [_DenseProjection(), LexicalEmbedder()], ids=["dense-projection", "lexical"])
def test_memory_penalises_a_near_duplicate_goal(embedder: Embedder) -> None:
    memory = CorpusMemory(embedder=embedder)
    seen = "Weather | get forecast for a city by name | get hourly forecast for a city by name"
    near = "Weather | get forecast for a city by name | get daily forecast for a city by name"
    other = "Finance | list exchange rates | convert an amount between currencies"
    memory.observe(["w::a", "w::b"], "Weather", seen)
    assert memory.goals.candidates(near) == [0] and memory.goals.candidates(other) == []
    best = memory.goals.max_similarity(near)
    assert best >= NEAR_DUPLICATE
    ids = ["x::c", "x::d"]
    extra = memory.penalty(ids, "Weather", near) - memory.penalty(ids, "Weather", other)
    assert extra == pytest.approx(memory.weights.near_duplicate_goal * best)


def test_goal_minhash_is_stable_across_processes_and_leaves_global_random_alone() -> None:
    goal = "Travel | search hotels | get hotel details | book room"
    script = ("from datagen.planner.neardup import goal_minhash; "
              f"print(goal_minhash({goal!r}).digest().tolist())")
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=REPO, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert json.loads(other.stdout) == goal_minhash(goal).digest().tolist()
    random.seed(5)
    expected = random.random()
    random.seed(5)
    index = NearDuplicateIndex()
    index.add(goal)
    assert random.random() == expected


def test_a_withheld_parameter_is_one_a_user_can_name() -> None:
    from datagen.planner.planner import _clarify
    from datagen.registry.models import Endpoint, Parameter, ParamType
    ep = Endpoint(id="t::news", tool_id="t", slug="news", name="news", category="C", rk=1, response_fields=[],
                  parameters=[Parameter(name="href_team_tables", type=ParamType.STRING, required=True, concept="href"),
                              Parameter(name="city", type=ParamType.STRING, required=True, concept="city")])
    for seed in range(6):
        assert [r.param for r in _clarify([ep], random.Random(seed))] == ["city"]
    alone = ep.model_copy(update={"parameters": ep.parameters[:1]})
    assert [r.param for r in _clarify([alone], random.Random(0))] == ["href_team_tables"]  # nothing else to ask
