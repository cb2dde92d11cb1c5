"""The typed record: one serialisation, stable key order, and a lossless round trip through JSON."""

from __future__ import annotations

import json

import pytest

from datagen.core.equality import same_value
from datagen.core.record import Message, Record, dumps
from datagen.generator.conversation import generate_conversation
from datagen.generator.record import build_record
from tests.unit.test_generator_plans import registry, walk_plan


@pytest.mark.parametrize("seed", range(6))
def test_a_parsed_record_serialises_to_the_same_bytes(seed: int) -> None:
    record = build_record(generate_conversation(walk_plan(registry(), seed, index=seed)), "b", "r")
    line = dumps(record)
    assert dumps(json.loads(line)) == line
    assert dumps(Record.model_validate_json(line)) == line


def test_messages_write_only_the_keys_their_role_has() -> None:
    assert list(Message(role="tool", name="t::e", content="{}").model_dump()) == ["role", "name", "content"]
    assert list(Message(role="user", content="hi").model_dump()) == ["role", "content"]
    call = {"name": "t::e", "parameters": {"x": None}}
    dumped = Message.model_validate({"role": "assistant", "content": "ok", "tool_calls": [call]}).model_dump()
    assert list(dumped) == ["role", "content", "tool_calls"] and dumped["tool_calls"] == [call]


def test_metadata_keeps_fields_it_does_not_declare_after_the_declared_ones() -> None:
    record = build_record(generate_conversation(walk_plan(registry(), 1, index=1)), "b", "r").to_dict()
    record["metadata"]["repair_attempts"] = [{"attempt": 1}]
    again = Record.model_validate(record).to_dict()
    assert list(again["metadata"])[-1] == "repair_attempts" and again == record


@pytest.mark.parametrize(("a", "b", "same"), [
    (7, "7", True), (3, 3.0, True), (True, "true", True), (["a", "b"], "a,b", True),
    ({"k": 1}, {"k": 1}, True), ("7", "8", False), (1, True, False), ("x", None, False),
])
def test_one_value_equality_forgives_only_the_assistants_coercions(a: object, b: object, same: bool) -> None:
    assert same_value(a, b) is same
