"""The conversation engine end to end on hand-built plans: grounding, parallel calls, clarification."""

from __future__ import annotations

import json
import logging

import pytest

from datagen.errors import GenerationError
from datagen.generator.conversation import generate_conversation
from datagen.core.paths import values_at
from datagen.core.plan import ConversationState, ParamRef, SourceKind
from datagen.generator.validator import validate
from datagen.registry.models import Endpoint, FieldSource, ParamType, ResponseField

from tests.unit.test_generator_plans import make_plan, registry


def _eps(*ids: str) -> list[Endpoint]:
    index = registry().endpoint_index()
    return [index[i] for i in ids]


def _valid(state: ConversationState) -> None:
    assert validate(state, {e.id: e for e in state.plan.endpoints}) == []


HOTEL_CHAIN = ("staynest_hotels::search_hotels", "staynest_hotels::get_hotel_details", "staynest_hotels::book_room")


def test_same_plan_gives_byte_identical_state() -> None:
    plan = make_plan(_eps(*HOTEL_CHAIN), 1234)
    assert generate_conversation(plan).model_dump_json() == generate_conversation(plan).model_dump_json()
    other = make_plan(_eps(*HOTEL_CHAIN), 1235)
    assert generate_conversation(other).model_dump_json() != generate_conversation(plan).model_dump_json()


def test_search_details_book_grounds_ids_on_earlier_outputs() -> None:
    state = generate_conversation(make_plan(_eps(*HOTEL_CHAIN), 7))
    _valid(state)
    first_id = state.tool_outputs[0]["output"]["hotels"][0]["hotel_id"]
    assert state.tool_calls[1]["parameters"]["hotel_id"] == first_id
    src = next(s for s in state.argument_sources if s.call == 1 and s.param == "hotel_id")
    assert (src.source, src.step, src.field_path, src.value) == (SourceKind.STEP_OUTPUT, 0, "hotels[].hotel_id", first_id)
    assert state.tool_outputs[1]["output"]["hotel_id"] == first_id  # the executor echoes the id
    book = state.tool_calls[2]["parameters"]
    rooms = values_at(state.tool_outputs[1]["output"], "room_types[].room_id")
    assert book["hotel_id"] == first_id and book["room_id"] == rooms[0]
    assert state.memory_hits == [True, True]
    assert {s.source for s in state.argument_sources if s.call == 0} == {SourceKind.USER} | (
        {SourceKind.DEFAULT} if any(s.source is SourceKind.DEFAULT for s in state.argument_sources if s.call == 0) else set())


def test_messages_follow_the_record_format() -> None:
    state = generate_conversation(make_plan(_eps(*HOTEL_CHAIN), 8))
    # a choice among several returned items is one extra exchange (assistant asks, user picks)
    turns = [m for i, m in enumerate(state.messages) if not (
        m["role"] == "assistant" and "tool_calls" not in m and i + 1 < len(state.messages)
        and state.messages[i + 1]["role"] == "user") and not (m["role"] == "user" and i > 0)]
    roles = [m["role"] for m in turns]
    assert roles == ["user", "assistant", "tool", "assistant", "tool", "assistant", "tool", "assistant"]
    assert set(state.messages[1]) == {"role", "content", "tool_calls"}
    assert set(state.messages[2]) == {"role", "name", "content"}
    assert json.loads(state.messages[2]["content"]) == state.tool_outputs[0]["output"]
    assert state.tool_calls == [c for m in state.messages for c in m.get("tool_calls", [])]
    assert [o["name"] for o in state.tool_outputs] == list(HOTEL_CHAIN)
    assert "tool_calls" not in state.messages[-1]


def test_parallel_group_is_one_message_with_two_calls() -> None:
    plan = make_plan(_eps("eventhorizon::search_events", "eventhorizon::get_event_details", "eventhorizon::get_venue"), 3,
                     groups=[0, 0, 1])
    state = generate_conversation(plan)
    _valid(state)
    assert len(state.messages[1]["tool_calls"]) == 2
    assert [m["role"] for m in state.messages[1:4]] == ["assistant", "tool", "tool"]
    assert state.memory_hits[0] is False  # the second parallel call is filled before any output exists


def test_clarification_is_asked_before_the_first_call_and_used() -> None:
    plan = make_plan(_eps("staynest_hotels::search_hotels", "staynest_hotels::get_hotel_details"), 11,
                     clarify=[ParamRef(step=0, param="city")])
    state = generate_conversation(plan)
    _valid(state)
    assert [m["role"] for m in state.messages[:4]] == ["user", "assistant", "user", "assistant"]
    assert "tool_calls" not in state.messages[1] and state.messages[1]["content"].endswith("?")
    assert "city" in state.messages[1]["content"]
    city = state.user_values["0:city"]
    assert str(city) not in state.messages[0]["content"] and str(city) in state.messages[2]["content"]
    src = next(s for s in state.argument_sources if s.call == 0 and s.param == "city")
    assert src.source is SourceKind.CLARIFICATION and state.tool_calls[0]["parameters"]["city"] == city
    assert state.num_clarification_questions == 1


def test_unresolvable_required_param_logs_grounding_warning(caplog: pytest.LogCaptureFixture) -> None:
    details, venue = _eps("eventhorizon::get_event_details", "eventhorizon::get_venue")
    # The schema promises `venue.venue_id`, but it clashes with the leaf `venue`, so no output carries it:
    # the user was not asked for it (an output should supply it) and memory comes back empty.
    broken = details.model_copy(update={"response_fields": [
        ResponseField(path="venue", name="venue", type=ParamType.STRING, concept="venue", source=FieldSource.SCHEMA),
        ResponseField(path="venue.venue_id", name="venue_id", type=ParamType.STRING, concept="venue_id",
                      source=FieldSource.SCHEMA),
    ]})
    plan = make_plan([broken, venue], 5)
    assert plan.steps[1].via == ["venue.venue_id->venue_id"]
    with caplog.at_level(logging.INFO, logger="datagen.generator.assistant"):
        state = generate_conversation(plan)
    expected = (f"[grounding] {plan.conversation_id}: step 1 (eventhorizon::get_venue) has unresolvable "
                "required params: [venue_id] — will use mock fallback")
    assert expected in caplog.messages and state.warnings == [expected]
    src = next(s for s in state.argument_sources if s.call == 1 and s.param == "venue_id")
    assert src.source is SourceKind.MOCK_FALLBACK and state.tool_calls[1]["parameters"]["venue_id"] == src.value
    _valid(state)


def test_final_answer_quotes_values_from_tool_outputs() -> None:
    for seed in range(20):
        state = generate_conversation(make_plan(_eps(*HOTEL_CHAIN), seed))
        final = state.messages[-1]["content"]
        leaves = {str(fv.value) for fv in state.accumulated_fields if not isinstance(fv.value, (dict, list, bool))}
        quoted = [v for v in leaves if len(v) >= 3 and v in final]
        assert len(quoted) >= 2, final


def test_single_call_has_no_memory_hits_and_every_argument_has_a_source() -> None:
    state = generate_conversation(make_plan(_eps("staynest_hotels::search_hotels"), 2))
    _valid(state)
    assert state.memory_hits == []
    args = state.tool_calls[0]["parameters"]
    assert sorted(args) == sorted(s.param for s in state.argument_sources)


def test_plan_with_mismatched_steps_is_rejected() -> None:
    plan = make_plan(_eps(*HOTEL_CHAIN), 1)
    with pytest.raises(GenerationError):
        generate_conversation(plan.model_copy(update={"endpoints": plan.endpoints[:2]}))
