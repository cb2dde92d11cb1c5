"""The numbers behind `datagen report`, computed from JSONL records (and the registry when given).

Kept apart from the HTML so they can be tested as data: counts come sorted by count then name,
floats are rounded, and nothing depends on the clock, so the same input gives the same report.
Records written before a field existed (no `argument_sources`, no `judge_scores`) are counted as
"not recorded" rather than failing.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel

from datagen.core.record import RecordDict as Record
from datagen.registry.models import Registry

SCORE_DIMENSIONS = ("tool_correctness", "task_completion", "naturalness", "mean_score")
SOURCE_ORDER = ("user", "clarification", "step_output", "default", "mock_fallback")


class Coverage(BaseModel):
    """Tools and endpoints available in the registry against those the dataset calls."""

    tools_available: int
    endpoints_available: int
    tools_used: int
    endpoints_used: int
    by_category: list[tuple[str, int, int]]
    unknown_endpoints: list[str]


class Judge(BaseModel):
    """Judge scores of the evaluated records (empty when none was evaluated)."""

    evaluated: int
    passed: int
    scores: dict[str, list[float]]
    failed_gates: list[tuple[str, int]]
    models: list[str]


class ReportStats(BaseModel):
    """Everything the report shows."""

    conversations: int
    tool_calls: int
    mean_turns: float
    mean_tool_calls: float
    with_clarification: int
    multi_tool: int
    corpus_memory: list[tuple[str, int]]
    seeds: list[int]
    runs: int
    domains: list[tuple[str, int]]
    patterns: list[tuple[str, int]]
    sampling_modes: list[tuple[str, int]]
    tool_calls_by_tool: list[tuple[str, int]]
    endpoint_calls: list[tuple[str, int]]
    coverage: Coverage | None
    judge: Judge
    grounding_rates: list[float]
    grounding_not_applicable: int
    argument_sources: list[tuple[str, int]]
    records_without_sources: int


def ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    """Counts by descending count, then name: a stable order for charts."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _endpoints(record: Record) -> list[str]:
    meta = record.get("metadata") or {}
    ids = meta.get("endpoint_ids")
    if isinstance(ids, list):
        return [str(e) for e in ids]
    return [str(c.get("name")) for c in record.get("tool_calls") or [] if isinstance(c, dict)]


def _memory(flag: Any) -> str:
    return "on" if flag is True else "off" if flag is False else "unknown"


def _coverage(registry: Registry, endpoint_counts: Counter[str]) -> Coverage:
    index = registry.endpoint_index()
    used = {e for e in endpoint_counts if e in index}
    by_category: dict[str, list[int]] = {}
    for ep in index.values():
        slot = by_category.setdefault(ep.category, [0, 0])
        slot[0] += 1
        slot[1] += ep.id in used
    rows = sorted(((c, a, u) for c, (a, u) in by_category.items()), key=lambda r: (-r[2], -r[1], r[0]))
    return Coverage(
        tools_available=len(registry.tools), endpoints_available=len(index),
        tools_used=len({index[e].tool_id for e in used}), endpoints_used=len(used),
        by_category=rows, unknown_endpoints=sorted(e for e in endpoint_counts if e not in index),
    )


def _judge(records: list[Record]) -> Judge:
    scores: dict[str, list[float]] = {d: [] for d in SCORE_DIMENSIONS}
    gates: Counter[str] = Counter()
    models: set[str] = set()
    evaluated = passed = 0
    for record in records:
        block = record.get("judge_scores")
        if not isinstance(block, dict):
            continue
        evaluated += 1
        passed += bool(block.get("passed"))
        for dim in SCORE_DIMENSIONS:
            value = block.get(dim)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                scores[dim].append(float(value))
        gates.update(str(g) for g in block.get("failed_gates") or [])
        if block.get("judge_model"):
            models.add(str(block["judge_model"]))
    return Judge(evaluated=evaluated, passed=passed, scores=scores, failed_gates=ranked(gates), models=sorted(models))


def compute(records: list[Record], registry: Registry | None = None) -> ReportStats:
    """The report's numbers for `records`; coverage only when a registry is given."""
    n = len(records)
    metas = [r.get("metadata") or {} for r in records]
    endpoint_counts: Counter[str] = Counter()
    tool_counts: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    rates: list[float] = []
    no_sources = 0
    for record, meta in zip(records, metas):
        for endpoint in _endpoints(record):
            endpoint_counts[endpoint] += 1
            tool_counts[endpoint.split("::", 1)[0]] += 1
        rate = meta.get("memory_grounding_rate")
        if isinstance(rate, (int, float)) and not isinstance(rate, bool):
            rates.append(float(rate))
        arg_sources = meta.get("argument_sources")
        if isinstance(arg_sources, list):
            sources.update(str(s.get("source")) for s in arg_sources if isinstance(s, dict))
        else:
            no_sources += 1
    order = {name: i for i, name in enumerate(SOURCE_ORDER)}
    turns = [len(r.get("messages") or []) for r in records]
    calls = [len(_endpoints(r)) for r in records]
    return ReportStats(
        conversations=n, tool_calls=sum(calls),
        mean_turns=round(sum(turns) / n, 2) if n else 0.0,
        mean_tool_calls=round(sum(calls) / n, 2) if n else 0.0,
        with_clarification=sum(1 for m in metas if (m.get("num_clarification_questions") or 0) > 0),
        multi_tool=sum(1 for m in metas if (m.get("num_distinct_tools") or 0) >= 2),
        corpus_memory=ranked(Counter(_memory(m.get("corpus_memory_enabled")) for m in metas)),
        seeds=sorted({int(m["seed"]) for m in metas if isinstance(m.get("seed"), int)}),
        runs=len({m["run_id"] for m in metas if m.get("run_id")}),
        domains=ranked(Counter(str(m.get("domain") or "unknown") for m in metas)),
        patterns=ranked(Counter(str(m.get("pattern_type") or "unknown") for m in metas)),
        sampling_modes=ranked(Counter(str(m.get("sampling_mode") or "unknown") for m in metas)),
        tool_calls_by_tool=ranked(tool_counts), endpoint_calls=ranked(endpoint_counts),
        coverage=_coverage(registry, endpoint_counts) if registry is not None else None,
        judge=_judge(records), grounding_rates=rates, grounding_not_applicable=n - len(rates),
        argument_sources=sorted(sources.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])),
        records_without_sources=no_sources,
    )


def histogram_counts(values: list[float], edges: list[float]) -> list[int]:
    """Counts per bin; bins are [lo, hi) except the last, which includes its upper edge."""
    counts = [0] * (len(edges) - 1)
    for value in values:
        for i in range(len(counts)):
            last = i == len(counts) - 1
            if edges[i] <= value < edges[i + 1] or (last and value == edges[-1]):
                counts[i] += 1
                break
    return counts
