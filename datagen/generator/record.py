"""Build the record of one finished conversation from the generator's state.

The record's shape and its serialisation are the dataset contract in `datagen.core.record`; this
module only decides what the generator puts in it (metadata counted from the state, so the record
and the conversation cannot disagree).
"""

from __future__ import annotations

from datagen.core.plan import ConversationState, SourceKind
from datagen.core.record import JudgeScores, Message, Record, RecordMetadata, ToolCall, ToolOutput


def _distinct(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def memory_grounding_rate(state: ConversationState) -> float | None:
    """Share of non-first calls for which session memory had at least one result; None for one call."""
    if len(state.tool_calls) <= 1 or not state.memory_hits:
        return None
    return round(sum(state.memory_hits) / len(state.memory_hits), 4)


def build_record(state: ConversationState, build_id: str, run_id: str,
                 judge_scores: JudgeScores | None = None) -> Record:
    """The record of one finished, validated conversation."""
    plan = state.plan
    endpoint_ids = [c["name"] for c in state.tool_calls]
    tools = _distinct([e.split("::", 1)[0] for e in endpoint_ids])
    metadata = RecordMetadata(
        conversation_id=plan.conversation_id,
        seed=plan.run_seed,
        tool_ids_used=tools,
        num_turns=len(state.messages),
        num_clarification_questions=state.num_clarification_questions,
        memory_grounding_rate=memory_grounding_rate(state),
        corpus_memory_enabled=plan.corpus_memory_enabled,
        pattern_type=plan.pattern_type.value,
        sampling_mode=plan.sampling_mode.value,
        domain=plan.domain,
        endpoint_ids=endpoint_ids,
        num_tool_calls=len(state.tool_calls),
        num_distinct_tools=len(tools),
        argument_sources=list(state.argument_sources),
        grounded_argument_count=sum(1 for s in state.argument_sources if s.source is SourceKind.STEP_OUTPUT),
        mock_fallback_count=sum(1 for s in state.argument_sources if s.source is SourceKind.MOCK_FALLBACK),
        grounding_warnings=list(state.warnings),
        conversation_seed=plan.seed,
        attempt=plan.attempt,
        build_id=build_id,
        run_id=run_id,
    )
    return Record(
        conversation_id=plan.conversation_id,
        messages=[Message.model_validate(m) for m in state.messages],
        tool_calls=[ToolCall.model_validate(c) for c in state.tool_calls],
        tool_outputs=[ToolOutput.model_validate(o) for o in state.tool_outputs],
        judge_scores=judge_scores,
        passed=None if judge_scores is None else judge_scores.passed,
        metadata=metadata,
    )
