"""Structural validation of a finished conversation (no LLM): what the judge must never see broken.

Reads the state's messages, tool calls, outputs and argument sources, and the registry view of the
endpoints. Returns one line per problem (empty list = valid), in the form
`step 2 (tool::ep): required param 'x' missing`, so a rejection can be logged and retried.
"""

from __future__ import annotations

import logging
from typing import Any

from datagen.core.equality import loose
from datagen.core.paths import values_at
from datagen.core.plan import ConversationState, SourceKind
from datagen.generator.values import knob_default
from datagen.registry.models import Endpoint, ParamType

log = logging.getLogger(__name__)

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


def _roles(messages: list[dict[str, Any]]) -> list[str]:
    errors: list[str] = []
    if not messages:
        return ["conversation has no messages"]
    if messages[0].get("role") != "user":
        errors.append("message 0: conversation must start with a user message")
    pending: list[str] = []
    opened = 0
    for i, msg in enumerate(messages):
        role = msg.get("role")
        if role not in ("user", "assistant", "tool"):
            errors.append(f"message {i}: unknown role {role!r}")
            continue
        if role == "tool":
            if not pending:
                errors.append(f"message {i} (tool): tool message without a pending tool call")
            elif msg.get("name") != pending[0]:
                errors.append(f"message {i} (tool): answers {msg.get('name')!r} but the pending call is {pending[0]!r}")
                pending.pop(0)
            else:
                pending.pop(0)
            continue
        if pending:
            errors.append(f"message {opened} (assistant): {len(pending)} tool call(s) never answered by a tool message")
            pending = []
        if not isinstance(msg.get("content"), str):
            errors.append(f"message {i} ({role}): content is not text")
        if role == "user" and i > 0 and messages[i - 1].get("role") == "user":
            errors.append(f"message {i} (user): two user messages in a row")
        if role == "assistant" and msg.get("tool_calls"):
            pending = [str(c.get("name")) for c in msg["tool_calls"]]
            opened = i
    if pending:
        errors.append(f"message {opened} (assistant): {len(pending)} tool call(s) never answered by a tool message")
    last = messages[-1]
    if last.get("role") != "assistant" or last.get("tool_calls"):
        errors.append(f"message {len(messages) - 1}: conversation must end with an assistant answer without tool calls")
    return errors


def _calls(state: ConversationState) -> list[tuple[int, dict[str, Any]]]:
    return [(i, call) for i, m in enumerate(state.messages) if m.get("role") == "assistant"
            for call in (m.get("tool_calls") or [])]


def _asked_before(state: ConversationState, message_index: int) -> bool:
    """An assistant question answered by the user somewhere before this message."""
    msgs = state.messages
    return any(msgs[i].get("role") == "assistant" and not msgs[i].get("tool_calls")
               and msgs[i + 1].get("role") == "user" for i in range(min(message_index, len(msgs)) - 1))


def validate(state: ConversationState, endpoints: dict[str, Endpoint]) -> list[str]:
    """Every structural problem of the conversation, one line each (empty list = valid)."""
    errors = _roles(state.messages)
    calls = _calls(state)
    if [c for _, c in calls] != state.tool_calls:
        errors.append("tool_calls do not match the calls made in the messages")
    if len(state.tool_outputs) != len(calls):
        errors.append(f"{len(calls)} tool call(s) but {len(state.tool_outputs)} tool output(s)")
    sources = {(s.call, s.param): s for s in state.argument_sources}
    for index, (_, call) in enumerate(calls):
        name = str(call.get("name"))
        where = f"step {index} ({name})"
        endpoint = endpoints.get(name)
        if endpoint is None:
            errors.append(f"{where}: unknown tool name")
            continue
        args = call.get("parameters")
        if not isinstance(args, dict):
            errors.append(f"{where}: parameters are not an object")
            continue
        params = {p.name: p for p in endpoint.parameters}
        errors += [f"{where}: required param '{p.name}' missing" for p in endpoint.parameters
                   if p.required and p.name not in args]
        for key, value in args.items():
            param = params.get(key)
            if param is None:
                errors.append(f"{where}: unknown param '{key}'")
            elif not type_ok(value, param.type, param.enum):
                errors.append(f"{where}: param '{key}' should be {param.type.value}, got {type(value).__name__} {value!r}")
            if (index, key) not in sources:
                errors.append(f"{where}: param '{key}' has no argument source")
    errors += _check_sources(state, calls)
    return errors


def _check_sources(state: ConversationState, calls: list[tuple[int, dict[str, Any]]]) -> list[str]:
    errors: list[str] = []
    for src in state.argument_sources:
        if not 0 <= src.call < len(calls):
            errors.append(f"argument source for call {src.call} ('{src.param}'): no such call")
            continue
        message_index, call = calls[src.call]
        where = f"step {src.call} ({call.get('name')})"
        args = call.get("parameters") or {}
        if src.param not in args or loose(args[src.param]) != loose(src.value):
            errors.append(f"{where}: source of '{src.param}' does not match the argument sent")
        if src.source is SourceKind.STEP_OUTPUT:
            if src.step is None or not 0 <= src.step < src.call or src.step >= len(state.tool_outputs):
                errors.append(f"{where}: '{src.param}' grounded on step {src.step}, which is not an earlier call")
                continue
            found = values_at(state.tool_outputs[src.step].get("output"), src.field_path or "")
            if loose(src.value) not in {loose(v) for v in found}:
                errors.append(f"{where}: '{src.param}' = {src.value!r} is not in step {src.step} output at {src.field_path!r}")
        if src.source is SourceKind.CLARIFICATION and not _asked_before(state, message_index):
            errors.append(f"{where}: clarification param '{src.param}' was not asked before the call")
    order = state.plan.call_order()
    for ref in state.plan.clarify:
        if ref.step not in order:
            continue
        call_index = order.index(ref.step)
        given = next((s for s in state.argument_sources if s.call == call_index and s.param == ref.param), None)
        param = next((p for p in state.plan.endpoints[ref.step].parameters if p.name == ref.param), None) \
            if 0 <= ref.step < len(state.plan.endpoints) else None
        if given is not None and given.source is SourceKind.DEFAULT and param is not None and knob_default(param) is not None:
            continue  # a structured default (a JSON blob) is sent as is, never asked for
        if given is not None and given.source not in (SourceKind.CLARIFICATION, SourceKind.STEP_OUTPUT):
            errors.append(f"step {call_index} ({calls[call_index][1].get('name') if call_index < len(calls) else '?'}): "
                          f"clarification param '{ref.param}' was not asked before the call")
    return errors
