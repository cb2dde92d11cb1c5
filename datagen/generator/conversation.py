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
from datagen.generator import phrases as ph
from datagen.generator import choice as options
from datagen.generator.assistant import Assistant, role_pairs
from datagen.generator.executor import OfflineExecutor
from datagen.core.plan import ArgumentSource, ConversationPlan, ConversationState, SourceKind
from datagen.generator.goal import end_steps
from datagen.generator.user_proxy import UserProxy
from datagen.generator.values import derive_rng, different_value

log = logging.getLogger(__name__)


MAX_REDRAWS = 3


def generate_conversation(plan: ConversationPlan) -> ConversationState:
    """Run the agents over the plan and return the finished (not yet validated) state.

    When one end of a from/to pair came from a tool output and the user's value for the other end
    happens to be the same (`convert(currency=USD, target_currency=USD)`), the user's value is
    redrawn and the conversation run again from the start (same seeds, so still deterministic).

    Raises:
        GenerationError: the plan's steps and endpoints do not line up.
    """
    if len(plan.steps) != len(plan.endpoints) or any(
            s.endpoint_id != e.id for s, e in zip(plan.steps, plan.endpoints)):
        raise GenerationError(f"{plan.conversation_id}: plan steps and endpoints do not match")
    overrides: dict[str, Any] = {}
    state = _run(plan, overrides)
    for _ in range(MAX_REDRAWS):
        clashes = _pair_clashes(state, overrides)
        if not clashes:
            break
        overrides.update(clashes)
        state = _run(plan, overrides)
    return state


def _pair_clashes(state: ConversationState, overrides: dict[str, Any]) -> dict[str, Any]:
    """New user values for the second ends of pairs that got the same value as their first end."""
    plan = state.plan
    order = plan.call_order()
    by_call: dict[int, dict[str, ArgumentSource]] = {}
    for src in state.argument_sources:
        by_call.setdefault(src.call, {})[src.param] = src
    redraw: dict[str, Any] = {}
    for call, step in enumerate(order):
        endpoint = plan.endpoints[step]
        params = {p.name: p for p in endpoint.parameters}
        for second, (first, after) in role_pairs(endpoint).items():
            a, b = by_call.get(call, {}).get(first), by_call.get(call, {}).get(second)
            key = f"{step}:{second}"
            if a is None or b is None or b.source not in (SourceKind.USER, SourceKind.CLARIFICATION):
                continue
            if ph.render(a.value) != ph.render(b.value) or key in redraw:
                continue
            rng = derive_rng(plan.seed, f"apart:{key}:{len(overrides)}")
            value = different_value(a.value, params[second], rng, endpoint=endpoint, after=after)
            if ph.render(value) != ph.render(a.value):
                redraw[key] = value
    return redraw


def _run(plan: ConversationPlan, overrides: dict[str, Any]) -> ConversationState:
    state = ConversationState(plan=plan)
    user = UserProxy(state, derive_rng(plan.seed, "user"))
    assistant = Assistant(state, derive_rng(plan.seed, "assistant"))
    executor = OfflineExecutor(plan.seed)

    user.decide_values()
    for key, value in overrides.items():
        if key in state.user_values:
            state.user_values[key] = value
    opened = user.rng.getstate()
    state.messages.append({"role": "user", "content": user.opening()})
    refs = user.withheld()
    assistant.clarified = user.clarified_keys()
    if refs:
        state.messages.append({"role": "assistant", "content": assistant.clarification_question(refs)})
        state.num_clarification_questions += 1
        state.messages.append({"role": "user", "content": user.answer(refs)})

    call = 0
    last_calls: list[int] = []
    chooser = derive_rng(plan.seed, "choice")
    for steps in plan.call_groups():
        picked = False
        if call > 0:
            choice = options.open_choice(state, [fv for s in steps for fv in assistant.grounding(s)])
            if choice is not None:
                state.messages.append({"role": "assistant", "content": options.ask(choice, chooser)})
                state.messages.append({"role": "user", "content": options.pick(state, choice, chooser)})
                picked = True
        calls = list(range(call, call + len(steps)))
        made: list[dict[str, Any]] = []
        for index, step in zip(calls, steps):
            made.append({"name": plan.endpoints[step].id, "parameters": assistant.fill_arguments(index, step)})
        after_answer = bool(refs) and call == 0 or picked
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
    ends = set(end_steps(plan))
    answered = [c for c, s in enumerate(plan.call_order()) if s in ends][-3:] or last_calls
    asked: dict[int, list[str]] = {}
    state.messages.append({"role": "assistant", "content": assistant.final_answer(answered, asked)})
    if asked:
        # the user asks for what the answer tells ("the caption and comment count of the post"),
        # said with the draws of the first wording, so only the wish changes (checked: the first
        # wording, said again now, must come out the same, or the opening stays as it was)
        order = plan.call_order()
        user.rng.setstate(opened)
        again = user.opening()
        user.rng.setstate(opened)
        told = user.opening({order[call]: labels for call, labels in asked.items()})
        if again == state.messages[0]["content"]:
            state.messages[0]["content"] = told
    log.debug("%s: %d messages, %d calls, %d warnings", plan.conversation_id, len(state.messages),
              len(state.tool_calls), len(state.warnings))
    return state
