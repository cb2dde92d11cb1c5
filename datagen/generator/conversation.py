"""One conversation from one plan: UserProxy, Assistant and OfflineExecutor taking turns.

Reads a `ConversationPlan`, writes a `ConversationState`: the user's goal, at most one clarification
exchange, one assistant message per call group (parallel steps share a message) each followed by one
tool message per call, and a final answer. Offline and deterministic: every random draw comes from
sub-Randoms derived from `plan.seed` with blake2b, so the same plan gives byte-identical state.
"""

from __future__ import annotations

import copy
import json
import logging
from typing import Any

from datagen.errors import GenerationError
from datagen.generator.assistant import Assistant
from datagen.generator.executor import OfflineExecutor
from datagen.generator.types import ConversationPlan, ConversationState
from datagen.generator.user_proxy import UserProxy
from datagen.generator.values import derive_rng

log = logging.getLogger(__name__)


def generate_conversation(plan: ConversationPlan) -> ConversationState:
    """Run the agents over the plan and return the finished (not yet validated) state.

    Raises:
        GenerationError: the plan's steps and endpoints do not line up.
    """
    if len(plan.steps) != len(plan.endpoints) or any(
            s.endpoint_id != e.id for s, e in zip(plan.steps, plan.endpoints)):
        raise GenerationError(f"{plan.conversation_id}: plan steps and endpoints do not match")
    state = ConversationState(plan=plan)
    user = UserProxy(state, derive_rng(plan.seed, "user"))
    assistant = Assistant(state, derive_rng(plan.seed, "assistant"))
    executor = OfflineExecutor(plan.seed)

    user.decide_values()
    state.messages.append({"role": "user", "content": user.opening()})
    refs = user.withheld()
    assistant.clarified = user.clarified_keys()
    if refs:
        state.messages.append({"role": "assistant", "content": assistant.clarification_question(refs)})
        state.num_clarification_questions += 1
        state.messages.append({"role": "user", "content": user.answer(refs)})

    call = 0
    last_calls: list[int] = []
    for steps in plan.call_groups():
        calls = list(range(call, call + len(steps)))
        made: list[dict[str, Any]] = []
        for index, step in zip(calls, steps):
            made.append({"name": plan.endpoints[step].id, "parameters": assistant.fill_arguments(index, step)})
        after_answer = bool(refs) and call == 0
        state.messages.append({"role": "assistant", "content": assistant.call_text(calls, steps, after_answer),
                               "tool_calls": copy.deepcopy(made)})
        state.tool_calls.extend(copy.deepcopy(made))
        for index, step, made_call in zip(calls, steps, made):
            output = executor.execute(state, index, plan.endpoints[step], made_call["parameters"])
            state.tool_outputs.append({"name": made_call["name"], "output": output})
            state.messages.append({"role": "tool", "name": made_call["name"],
                                   "content": json.dumps(output, ensure_ascii=False)})
        call += len(steps)
        last_calls = calls
    state.messages.append({"role": "assistant", "content": assistant.final_answer(last_calls)})
    log.debug("%s: %d messages, %d calls, %d warnings", plan.conversation_id, len(state.messages),
              len(state.tool_calls), len(state.warnings))
    return state
