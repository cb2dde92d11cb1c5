"""Put the model's answer into the offline record, and check it as offline output is checked.

The record keeps everything the offline generator fixed (calls, arguments, argument sources, ids,
metadata); only message texts and tool outputs come from the answer. The answer comes as the
constant tool's input (`prompt.ANSWER_SCHEMA`: a list of slot items), is checked against that and
read as slot -> value (`answer_slots`), then against the conversation's own schema
(`prompt.answer_schema`, the one the request carried as text: the API never saw it as a schema, so
this check is the only one that holds the model to it). Then the checks, one line per problem, the
first failing family short-circuiting the costlier ones: the answer's shape, the
arguments unchanged, each output against its endpoint's response schema, each fixed value at its
path, each stated value in its user turn, the generator's structural validator (on a state rebuilt
from the record), and the offline judge's gates — only those the offline draft itself passes, so a
draft the judge already flagged is not held against the model.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from datagen.core.equality import loose
from datagen.core.paths import values_at
from datagen.core.plan import (ArgumentSource, ChainStep, ConversationPlan, ConversationState, ParamRef,
                               PatternType, SamplingMode, SourceKind)
from datagen.core.record import Record, RecordDict
from datagen.generator.attempts import Review
from datagen.generator.validator import validate
from datagen.realiser.prompt import ANSWER_SCHEMA, answer_schema, answer_slots, fixed_values, slot, stated_values
from datagen.realiser.schema import schema_problems
from datagen.registry.models import Endpoint


def assemble(offline: RecordDict, answer: dict[str, Any]) -> RecordDict:
    """The offline record with the answer's texts and outputs (assumes `shape_problems` found none)."""
    record = copy.deepcopy(offline)
    step = 0
    for i, message in enumerate(record["messages"]):
        value = answer[slot(i)]
        if message["role"] == "tool":
            message["content"] = json.dumps(value, ensure_ascii=False)
            record["tool_outputs"][step]["output"] = value
            step += 1
        else:
            message["content"] = value
    return record


def read_answer(answer: Any) -> tuple[dict[str, Any] | None, list[str]]:
    """(the tool's input as slot -> value, or None; the problems with its form): one item per slot,
    each with text or output, no slot twice."""
    if not isinstance(answer, dict):
        return None, [f"the answer is {type(answer).__name__}, not an object with a list of messages"]
    found = schema_problems(answer, ANSWER_SCHEMA, "answer")
    if found:
        return None, found
    seen = [item["slot"] for item in answer["messages"]]
    twice = sorted({s for s in seen if seen.count(s) > 1})
    if twice:
        return None, [f"answer: slot {s} written twice" for s in twice]
    return answer_slots(answer), []


def shape_problems(offline: RecordDict, written: dict[str, Any], endpoints: dict[str, Endpoint]) -> list[str]:
    """Slot -> value against the conversation's schema: a slot per message, each of its type."""
    return schema_problems(written, answer_schema(offline, endpoints), "answer")


def value_problems(offline: RecordDict, record: RecordDict) -> list[str]:
    """Arguments unchanged, fixed values at their paths, stated values in their user turns."""
    problems = []
    if record["tool_calls"] != offline["tool_calls"] or [m.get("tool_calls") for m in record["messages"]] != \
            [m.get("tool_calls") for m in offline["messages"]]:
        problems.append("the calls or their arguments changed")
    by_slot = {slot(i): m for i, m in enumerate(record["messages"])}
    for fixed in fixed_values(offline):
        output = json.loads(by_slot[fixed["slot"]]["content"])
        if loose(fixed["value"]) not in {loose(v) for v in values_at(output, fixed["path"])}:
            problems.append(f"{fixed['slot']}: fixed value {fixed['value']!r} missing at {fixed['path']!r} "
                            f"({fixed['used_by']} uses it)")
    for stated in stated_values(offline):
        if str(stated["value"]).casefold() not in by_slot[stated["slot"]]["content"].casefold():
            problems.append(f"{stated['slot']}: the user must state {stated['value']!r}")
    return problems


def state_of(record: RecordDict, endpoints: dict[str, Endpoint]) -> ConversationState:
    """The generator's state for a record, so its validator can read the record again: one step per
    call (calls of one assistant message share a group), withheld params from the clarification sources."""
    meta = record["metadata"]
    steps = [ChainStep(endpoint_id=c["name"], group=i) for i, m in enumerate(record["messages"])
             for c in (m.get("tool_calls") or [])]
    sources = [ArgumentSource.model_validate(s) for s in meta.get("argument_sources") or []]
    plan = ConversationPlan(
        conversation_id=record["conversation_id"], run_seed=meta["seed"], index=0,
        seed=meta.get("conversation_seed") or 0, attempt=meta.get("attempt", 0),
        sampling_mode=SamplingMode(meta["sampling_mode"]), pattern_type=PatternType(meta["pattern_type"]),
        domain=meta["domain"], steps=steps, endpoints=[endpoints[s.endpoint_id] for s in steps],
        clarify=[ParamRef(step=s.call, param=s.param) for s in sources if s.source is SourceKind.CLARIFICATION],
        corpus_memory_enabled=meta["corpus_memory_enabled"])
    return ConversationState(
        plan=plan, messages=copy.deepcopy(record["messages"]), tool_calls=copy.deepcopy(record["tool_calls"]),
        tool_outputs=copy.deepcopy(record["tool_outputs"]), argument_sources=sources,
        num_clarification_questions=meta["num_clarification_questions"],
        warnings=list(meta.get("grounding_warnings") or []))


def problems(offline: RecordDict, answer: Any, endpoints: dict[str, Endpoint],
             review: Review | None) -> tuple[RecordDict | None, list[str]]:
    """(the realised record, or None when the answer does not fit; every problem, one line each)
    for the tool's input as the model sent it."""
    written, found = read_answer(answer)
    if written is None:
        return None, found
    return checked(offline, written, endpoints, review)


def checked(offline: RecordDict, written: dict[str, Any], endpoints: dict[str, Endpoint],
            review: Review | None) -> tuple[RecordDict | None, list[str]]:
    """`problems` for an answer already read as slot -> value (the repair puts slots back first)."""
    found = shape_problems(offline, written, endpoints)
    if found:
        return None, found
    record = assemble(offline, written)
    found = value_problems(offline, record)
    if found:
        return record, found
    found = validate(state_of(record, endpoints), endpoints)
    if found or review is None:
        return record, found
    before = set(review(Record.model_validate(offline), endpoints))
    return record, [f"the offline judge fails it on {gate}" for gate in review(Record.model_validate(record), endpoints)
                    if gate not in before]
