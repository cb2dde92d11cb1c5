"""Hand-built conversation plans for the generator tests (no Neo4j), and checks of the builder itself.

`feeds_via` imitates the graph's FEEDS `via` pairs (same linkable concept), and `walk_plan` imitates
the sampler (a seeded walk along those links), so plans look like what the planner hands over.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

from datagen.generator.assistant import linkable
from datagen.core.plan import ChainStep, ConversationPlan, ParamRef, PatternType, SamplingMode
from datagen.ingest.reader import ingest
from datagen.registry.build import build_registry
from datagen.registry.models import Endpoint, Registry

SEED_DATA = Path(__file__).resolve().parents[2] / "seed_data"


@lru_cache(maxsize=4)
def registry(path: Path = SEED_DATA) -> Registry:
    """The registry of a ToolBench folder (cached per path)."""
    return build_registry(ingest(path).tools)


def feeds_via(sources: list[Endpoint], target: Endpoint) -> list[str]:
    """`field_path->param` pairs: an output field of `sources` with the concept of a `target` param."""
    pairs: set[str] = set()
    for param in target.parameters:
        if param.control or not linkable(param.concept):
            continue
        for source in sources:
            field = next((f for f in source.response_fields if f.concept == param.concept), None)
            if field is not None:
                pairs.add(f"{field.path}->{param.name}")
                break
    return sorted(pairs)


def make_plan(endpoints: list[Endpoint], seed: int, *, groups: list[int] | None = None,
              clarify: list[ParamRef] | None = None, index: int = 0,
              mode: SamplingMode = SamplingMode.SEQUENTIAL) -> ConversationPlan:
    """A plan over these endpoints; each step's `via` comes from the steps of earlier groups."""
    groups = groups or list(range(len(endpoints)))
    steps = []
    for i, endpoint in enumerate(endpoints):
        earlier = [e for j, e in enumerate(endpoints) if groups[j] < groups[i]]
        last = [e for j, e in enumerate(endpoints) if groups[j] == max([g for g in groups if g < groups[i]], default=-1)]
        steps.append(ChainStep(endpoint_id=endpoint.id, group=groups[i], via=feeds_via(last or earlier, endpoint)))
    parallel = len(set(groups)) < len(groups)
    return ConversationPlan(
        conversation_id=f"conv_42_{index + 1:04d}", run_seed=42, index=index, seed=seed,
        sampling_mode=SamplingMode.PARALLEL if parallel else mode,
        pattern_type=PatternType.PARALLEL if parallel else PatternType.SEQUENTIAL_MULTI_STEP,
        domain=endpoints[0].category, steps=steps, endpoints=endpoints, clarify=clarify or [],
    )


def walk_plan(reg: Registry, seed: int, index: int = 0) -> ConversationPlan:
    """A seeded chain of 2–4 endpoints linked by shared concepts (or siblings of one tool)."""
    rng = random.Random(seed)
    endpoints = reg.endpoints()
    start = rng.choice(endpoints)
    chain = [start]
    by_tool = {t.id: t.endpoints for t in reg.tools}
    for _ in range(rng.randint(1, 3)):
        current = chain[-1]
        concepts = {f.concept for f in current.response_fields if linkable(f.concept)}
        fed = [e for e in by_tool[current.tool_id] + rng.sample(endpoints, min(40, len(endpoints)))
               if e not in chain and any(p.concept in concepts for p in e.parameters)]
        siblings = [e for e in by_tool[current.tool_id] if e not in chain]
        options = fed or siblings
        if not options:
            break
        chain.append(rng.choice(options))
    if len(chain) == 1:
        chain.append(next(e for e in endpoints if e is not start))
    mode = rng.choice([SamplingMode.SEQUENTIAL, SamplingMode.CLARIFICATION_FIRST, SamplingMode.PARALLEL])
    groups = list(range(len(chain)))
    clarify: list[ParamRef] = []
    if mode is SamplingMode.PARALLEL and len(chain) >= 3:
        groups = [0, 0] + list(range(1, len(chain) - 1))
    if mode is SamplingMode.CLARIFICATION_FIRST:
        required = sorted(p.name for p in chain[0].parameters if p.required and not p.control)
        clarify = [ParamRef(step=0, param=name) for name in required[:rng.randint(1, 2)]]
    return make_plan(chain, seed, groups=groups, clarify=clarify, index=index, mode=mode)


def test_make_plan_links_search_to_details() -> None:
    ep = registry().endpoint_index()
    plan = make_plan([ep["staynest_hotels::search_hotels"], ep["staynest_hotels::get_hotel_details"]], 1)
    assert plan.steps[1].via == ["hotels[].hotel_id->hotel_id"]
    assert plan.call_order() == [0, 1]


def test_walk_plan_is_seeded() -> None:
    assert walk_plan(registry(), 7) == walk_plan(registry(), 7)
    assert walk_plan(registry(), 7).steps[0].endpoint_id == walk_plan(registry(), 7).steps[0].endpoint_id
