"""The JSONL record: the user-facing format of a generated conversation.

Top-level keys and metadata fields follow the product spec exactly (conversation_id, messages,
tool_calls, tool_outputs, judge_scores, passed, metadata{…}); datagen adds `argument_sources` (why
every argument has its value), `grounding_warnings`, `conversation_seed`, `attempt` and `build_id`
and `run_id` (the `(:Run)` node; the conversation's node id is `<run_id>:<conversation_id>`)
to the metadata. Serialisation is fixed (key order by construction, UTF-8, no sorting) so the same
seed and graph give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from datagen.generator.types import ConversationState, SourceKind


def _distinct(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def memory_grounding_rate(state: ConversationState) -> float | None:
    """Share of non-first calls for which session memory had at least one result; None for one call."""
    if len(state.tool_calls) <= 1 or not state.memory_hits:
        return None
    return round(sum(state.memory_hits) / len(state.memory_hits), 4)


def build_record(state: ConversationState, build_id: str, run_id: str,
                 judge_scores: dict[str, Any] | None = None) -> dict[str, Any]:
    """The record of one finished, validated conversation."""
    plan = state.plan
    endpoint_ids = [c["name"] for c in state.tool_calls]
    tools = _distinct([e.split("::", 1)[0] for e in endpoint_ids])
    metadata: dict[str, Any] = {
        "conversation_id": plan.conversation_id,
        "seed": plan.run_seed,
        "tool_ids_used": tools,
        "num_turns": len(state.messages),
        "num_clarification_questions": state.num_clarification_questions,
        "memory_grounding_rate": memory_grounding_rate(state),
        "corpus_memory_enabled": plan.corpus_memory_enabled,
        "pattern_type": plan.pattern_type.value,
        "sampling_mode": plan.sampling_mode.value,
        "domain": plan.domain,
        "endpoint_ids": endpoint_ids,
        "num_tool_calls": len(state.tool_calls),
        "num_distinct_tools": len(tools),
        "argument_sources": [s.model_dump(mode="json", exclude_none=True) for s in state.argument_sources],
        "grounded_argument_count": sum(1 for s in state.argument_sources if s.source is SourceKind.STEP_OUTPUT),
        "mock_fallback_count": sum(1 for s in state.argument_sources if s.source is SourceKind.MOCK_FALLBACK),
        "grounding_warnings": list(state.warnings),
        "conversation_seed": plan.seed,
        "attempt": plan.attempt,
        "build_id": build_id,
        "run_id": run_id,
    }
    return {
        "conversation_id": plan.conversation_id,
        "messages": state.messages,
        "tool_calls": state.tool_calls,
        "tool_outputs": state.tool_outputs,
        "judge_scores": judge_scores,
        "passed": None if judge_scores is None else bool(judge_scores.get("passed")),
        "metadata": metadata,
    }


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line (no trailing newline)."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))
