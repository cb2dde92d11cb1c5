"""Validator: a generated conversation passes; each kind of breakage is caught with a clear line."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from datagen.core.checks import type_ok
from datagen.core.plan import ConversationState, ParamRef, SourceKind
from datagen.generator.conversation import generate_conversation
from datagen.generator.validator import validate
from datagen.registry.models import Endpoint, ParamType

from tests.unit.test_generator_plans import make_plan, registry

CHAIN = ("staynest_hotels::search_hotels", "staynest_hotels::get_hotel_details", "staynest_hotels::book_room")


def _state(clarify: bool = False) -> tuple[ConversationState, dict[str, Endpoint]]:
    index = registry().endpoint_index()
    endpoints = [index[i] for i in CHAIN]
    plan = make_plan(endpoints, 99, clarify=[ParamRef(step=0, param="city")] if clarify else None)
    return generate_conversation(plan), {e.id: e for e in endpoints}


def test_generated_conversation_is_valid() -> None:
    for clarify in (False, True):
        state, endpoints = _state(clarify)
        assert validate(state, endpoints) == []


def _drop_tool_message(s: ConversationState) -> None:
    del s.messages[2]


def _unknown_tool(s: ConversationState) -> None:
    s.messages[1]["tool_calls"][0]["name"] = "nope::missing"
    s.tool_calls[0]["name"] = "nope::missing"


def _calls_of_turn(s: ConversationState, n: int) -> list[dict[str, object]]:
    """The tool calls of the n-th assistant turn that makes calls (a choice exchange may come between)."""
    return [m for m in s.messages if m.get("tool_calls")][n]["tool_calls"]  # type: ignore[no-any-return]


def _missing_required(s: ConversationState) -> None:
    for calls in (_calls_of_turn(s, 1), s.tool_calls[1:2]):
        calls[0]["parameters"].pop("hotel_id")


def _wrong_type(s: ConversationState) -> None:
    for calls in (_calls_of_turn(s, 1), s.tool_calls[1:2]):
        calls[0]["parameters"]["hotel_id"] = 12345


def _bad_grounding(s: ConversationState) -> None:
    src = next(x for x in s.argument_sources if x.source is SourceKind.STEP_OUTPUT)
    src.value = "htl_not_in_output"
    for calls in ([c for m in s.messages for c in m.get("tool_calls", [])], s.tool_calls):
        calls[src.call]["parameters"][src.param] = "htl_not_in_output"


def _two_user_messages(s: ConversationState) -> None:
    s.messages.insert(1, {"role": "user", "content": "and also this"})


def _ends_with_tool_calls(s: ConversationState) -> None:
    s.messages.pop()


def _starts_with_assistant(s: ConversationState) -> None:
    s.messages.insert(0, {"role": "assistant", "content": "Hello!"})


def _tool_name_mismatch(s: ConversationState) -> None:
    s.messages[2]["name"] = "staynest_hotels::book_room"


def _clarification_not_asked(s: ConversationState) -> None:
    del s.messages[1:3]  # drop the question and the answer


@pytest.mark.parametrize(("breakage", "expected", "clarify"), [
    (_drop_tool_message, "never answered by a tool message", False),
    (_unknown_tool, "step 0 (nope::missing): unknown tool name", False),
    (_missing_required, "step 1 (staynest_hotels::get_hotel_details): required param 'hotel_id' missing", False),
    (_wrong_type, "step 1 (staynest_hotels::get_hotel_details): param 'hotel_id' should be string", False),
    (_bad_grounding, "is not in step", False),
    (_two_user_messages, "two user messages in a row", False),
    (_ends_with_tool_calls, "must end with an assistant answer", False),
    (_starts_with_assistant, "must start with a user message", False),
    (_tool_name_mismatch, "but the pending call is", False),
    (_clarification_not_asked, "clarification param 'city' was not asked before the call", True),
])
def test_each_breakage_is_caught(breakage: Callable[[ConversationState], None], expected: str, clarify: bool) -> None:
    state, endpoints = _state(clarify)
    breakage(state)
    errors = validate(state, endpoints)
    assert any(expected in e for e in errors), errors


def test_type_ok() -> None:
    assert type_ok(3, ParamType.INTEGER) and not type_ok(True, ParamType.INTEGER) and not type_ok(3.5, ParamType.INTEGER)
    assert type_ok(3.5, ParamType.NUMBER) and not type_ok("3.5", ParamType.NUMBER)
    assert type_ok("a", ParamType.ENUM, ["a"]) and not type_ok("b", ParamType.ENUM, ["a"])
    assert type_ok("2026-04-11", ParamType.DATE) and not type_ok(20260411, ParamType.DATE)
    assert type_ok(False, ParamType.BOOLEAN) and not type_ok("false", ParamType.BOOLEAN)
