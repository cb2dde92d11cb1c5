"""Structural validation of a finished conversation (no LLM): what the judge must never see broken.

Runs the one record checker (`core.checks`) on the record the state would be written as, then the
checks that need the state and the registry view of the endpoints. Returns one line per problem (empty list = valid), in the form
`step 2 (tool::ep): required param 'x' missing`, so a rejection can be logged and retried.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError

from datagen.core.checks import check_record, type_ok
from datagen.core.equality import loose
from datagen.core.paths import values_at
from datagen.core.plan import ConversationState, SourceKind
from datagen.generator.record import build_record
from datagen.generator.values import knob_default
from datagen.registry.models import Endpoint

log = logging.getLogger(__name__)


def _calls(state: ConversationState) -> list[tuple[int, dict[str, Any]]]:
    return [(i, call) for i, m in enumerate(state.messages) if m.get("role") == "assistant"
            for call in (m.get("tool_calls") or [])]


def _asked_before(state: ConversationState, message_index: int) -> bool:
    """An assistant question answered by the user somewhere before this message."""
    msgs = state.messages
    return any(msgs[i].get("role") == "assistant" and not msgs[i].get("tool_calls")
               and msgs[i + 1].get("role") == "user" for i in range(min(message_index, len(msgs)) - 1))


def _record_problems(state: ConversationState) -> list[str]:
    """The shared structural checker over the record this state would be written as."""
    try:
        record = build_record(state, build_id="", run_id="").to_dict()
    except ValidationError as exc:
        return [f"record: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    return check_record(record)


def validate(state: ConversationState, endpoints: dict[str, Endpoint]) -> list[str]:
    """Every structural problem of the conversation, one line each (empty list = valid).

    The record checks are `core.checks.check_record` (the same as `datagen validate` and the judge);
    on top come the checks only the generator can make: the endpoint schemas, an argument source for
    every argument, grounded values really in the cited output, clarifications really asked.
    """
    errors = _record_problems(state)
    calls = _calls(state)
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
