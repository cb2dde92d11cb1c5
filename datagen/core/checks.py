"""The one structural checker of a JSONL record: what no consumer of the dataset may ever see broken.

Used by the generator's Validator (before a record is written; it adds the checks only its state
and the registry can answer), by `datagen validate` and by the judge's structure gate, so `generate`
cannot write a record that `validate` then rejects. It needs neither the registry nor the graph:
the top-level keys and their types, the order of roles (calls answered by the rule in
`core.lineage`), `tool_calls`/`tool_outputs` agreeing with the messages, and the metadata agreeing
with the conversation; a record that passes all that must also parse as the typed `Record`. It reads
parsed JSON (`RecordDict`) because its job is to report, line by line, what does not fit. One line
per problem.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from datagen.core.equality import loose
from datagen.core.lineage import calls, walk_turns
from datagen.core.record import DIMENSIONS, Record, RecordDict, RecordMetadata
from datagen.registry.models import ParamType

_TOP: dict[str, tuple[type, ...]] = {
    "conversation_id": (str,), "messages": (list,), "tool_calls": (list,), "tool_outputs": (list,),
    "judge_scores": (dict, type(None)), "passed": (bool, type(None)), "metadata": (dict,),
}
# The metadata every record must carry: the spec's fields, i.e. those of the typed model without a default.
_META = tuple(name for name, field in RecordMetadata.model_fields.items() if field.is_required())
_STRINGS = (ParamType.STRING, ParamType.DATE, ParamType.TIME, ParamType.GEOPOINT, ParamType.ENUM)


def type_ok(value: Any, ptype: ParamType, enum: list[str] | None = None) -> bool:
    """Whether a JSON value has the parameter's type (and is one of its enum values when known)."""
    if ptype in (ParamType.INTEGER, ParamType.NUMBER):
        return not isinstance(value, bool) and isinstance(value, int if ptype is ParamType.INTEGER else (int, float))
    if ptype is ParamType.BOOLEAN:
        return isinstance(value, bool)
    if ptype in _STRINGS:
        return isinstance(value, str) and (ptype is not ParamType.ENUM or not enum or value in enum)
    if ptype is ParamType.ARRAY:
        return isinstance(value, list)
    if ptype is ParamType.OBJECT:
        return isinstance(value, dict)
    return True


def check_record(record: RecordDict) -> list[str]:
    """Every structural problem of a record, one line each (empty list = valid)."""
    problems = [f"key '{k}' missing" for k in _TOP if k not in record]
    problems += [f"key '{k}' should be {' or '.join(t.__name__ for t in types)}, got {type(record[k]).__name__}"
                 for k, types in _TOP.items() if k in record and not isinstance(record[k], types)]
    if problems:
        return problems
    problems += _roles(record["messages"])
    problems += _consistency(record)
    problems += _metadata(record)
    problems += _scores(record)
    return problems or _typed(record)


def _typed(record: RecordDict) -> list[str]:
    """What the typed `Record` still refuses once the rules above pass (field types, required fields)."""
    try:
        Record.model_validate(record)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    return []


def _roles(messages: list[Any]) -> list[str]:
    if not messages:
        return ["messages: conversation has no messages"]
    problems: list[str] = []
    if not isinstance(messages[0], dict) or messages[0].get("role") != "user":
        problems.append("message 0: conversation must start with a user message")
    for i, msg in enumerate(messages):
        if not isinstance(msg, dict):
            problems.append(f"message {i}: not an object")
            continue
        role = msg.get("role")
        if role not in ("user", "assistant", "tool"):
            problems.append(f"message {i}: unknown role {role!r}")
            continue
        if not isinstance(msg.get("content"), str):
            problems.append(f"message {i} ({role}): content is not text")
        if role == "user" and msg.get("tool_calls"):
            problems.append(f"message {i} (user): a user message cannot make tool calls")
        if role == "user" and i > 0 and isinstance(messages[i - 1], dict) and messages[i - 1].get("role") == "user":
            problems.append(f"message {i} (user): two user messages in a row")
    problems += walk_turns(messages).problems
    last = messages[-1]
    if not isinstance(last, dict) or last.get("role") != "assistant" or last.get("tool_calls"):
        problems.append(f"message {len(messages) - 1}: conversation must end with an assistant answer without tool calls")
    return problems


def _consistency(record: RecordDict) -> list[str]:
    made = [m for m in record["messages"] if isinstance(m, dict) and m.get("role") == "assistant"]
    in_messages = [c for m in made for c in (m.get("tool_calls") or [])]
    problems: list[str] = []
    if in_messages != record["tool_calls"]:
        problems.append(f"tool_calls: {len(record['tool_calls'])} listed, but the messages make "
                        f"{len(in_messages)} and they differ")
    outputs = record["tool_outputs"]
    if len(outputs) != len(in_messages):
        problems.append(f"tool_outputs: {len(in_messages)} tool call(s) but {len(outputs)} output(s)")
    tool_messages = [m for m in record["messages"] if isinstance(m, dict) and m.get("role") == "tool"]
    for index, (call, out) in enumerate(zip(in_messages, outputs)):
        if not isinstance(out, dict) or "output" not in out:
            problems.append(f"tool_outputs[{index}]: expected an object with 'name' and 'output'")
        elif isinstance(call, dict) and out.get("name") != call.get("name"):
            problems.append(f"tool_outputs[{index}]: name {out.get('name')!r} but call {index} is {call.get('name')!r}")
        if not isinstance(call, dict) or not isinstance(call.get("name"), str) or not isinstance(call.get("parameters"), dict):
            problems.append(f"tool_calls[{index}]: expected an object with a 'name' and 'parameters' object")
    for call in calls(record):
        if not call.answered:
            continue
        texts = [m.get("content") for m in tool_messages if m.get("name") == call.name]
        if call.output is not None and not any(_same_json(t, call.output) for t in texts):
            problems.append(f"tool_outputs[{call.index}]: no tool message for {call.name} carries this output")
    return problems


def _same_json(text: Any, value: Any) -> bool:
    try:
        return bool(json.loads(text) == value) if isinstance(text, str) else False
    except json.JSONDecodeError:
        return False


def _metadata(record: RecordDict) -> list[str]:
    meta = record["metadata"]
    problems = [f"metadata.{k} missing" for k in _META if k not in meta]
    names = [str(c.get("name")) for c in record["tool_calls"] if isinstance(c, dict)]
    tools = list(dict.fromkeys(n.split("::", 1)[0] for n in names))
    expected = {"conversation_id": record["conversation_id"], "num_turns": len(record["messages"]),
                "num_tool_calls": len(record["tool_calls"]), "endpoint_ids": names,
                "tool_ids_used": tools, "num_distinct_tools": len(tools)}
    for key, value in expected.items():
        if key in meta and meta[key] != value:
            problems.append(f"metadata.{key} is {meta[key]!r}, the conversation says {value!r}")
    args = {c.index: c.parameters for c in calls(record)}
    for i, src in enumerate(meta.get("argument_sources") or []):
        where = f"metadata.argument_sources[{i}]"
        if not isinstance(src, dict) or not {"call", "param", "source"} <= set(src):
            problems.append(f"{where}: expected an object with call, param and source")
            continue
        call = src["call"]
        if call not in args:
            problems.append(f"{where}: call {call} does not exist")
        elif src["param"] not in args[call]:
            problems.append(f"{where}: call {call} has no argument '{src['param']}'")
        elif loose(args[call][src["param"]]) != loose(src.get("value")):
            problems.append(f"{where}: value {src.get('value')!r} is not the argument sent ({args[call][src['param']]!r})")
        if src["source"] == "step_output" and not (isinstance(src.get("step"), int) and 0 <= src["step"] < call):
            problems.append(f"{where}: grounded on step {src.get('step')!r}, which is not an earlier call")
    return problems


def _scores(record: RecordDict) -> list[str]:
    scores = record["judge_scores"]
    if scores is None:
        return [] if record["passed"] is None else ["passed is set but judge_scores is null"]
    problems = []
    for dim in DIMENSIONS:
        value = scores.get(dim)
        if value is not None and not (isinstance(value, (int, float)) and 1 <= value <= 5):
            problems.append(f"judge_scores.{dim} should be a number in 1–5, got {value!r}")
    if record["passed"] != scores.get("passed"):
        problems.append(f"passed is {record['passed']!r} but judge_scores.passed is {scores.get('passed')!r}")
    return problems
