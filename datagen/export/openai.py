"""OpenAI chat format: `{"messages": [...], "tools": [...]}` per conversation.

datagen records name a call by endpoint id and answer it with a `tool` message carrying the same
name; OpenAI-style trainers need ids instead. Each call gets `call_<record index>_<call index>` (both
0-based, so ids are unique across the file and identical on every export of the same input), and
each `tool` message is linked to the earliest unanswered call of the same endpoint (parallel calls of
one endpoint are answered in call order, as the generator writes them). A tool message with no
pending call, or a call never answered, is an `InputError` naming the record and message.

`tools` holds the JSON-schema definition of every function the conversation calls, in order of first
call, from the registry (see `datagen.export.tools`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from datagen.core.record import RecordDict as Record
from datagen.errors import InputError
from datagen.export.tools import FunctionCatalog


def call_id(record_index: int, call_index: int) -> str:
    """The deterministic id of one tool call."""
    return f"call_{record_index}_{call_index}"


def _arguments(call: dict[str, Any]) -> str:
    return json.dumps(call.get("parameters") or {}, ensure_ascii=False)


def _messages(source: str, index: int, record: Record, catalog: FunctionCatalog) -> tuple[list[dict[str, Any]], list[str]]:
    """The converted messages and the endpoint ids called, in order of first call."""
    where = f"line {index + 1}"
    raw = record.get("messages")
    if not isinstance(raw, list) or not raw:
        raise InputError(source, f"{where} $.messages", "expected a non-empty list of messages")
    out: list[dict[str, Any]] = []
    pending: list[tuple[str, str]] = []  # (endpoint id, call id) not yet answered, in call order
    called: list[str] = []
    calls = 0
    for m_index, message in enumerate(raw):
        path = f"{where} $.messages[{m_index}]"
        if not isinstance(message, dict):
            raise InputError(source, path, "expected a message object")
        role = message.get("role")
        if role in ("user", "system"):
            out.append({"role": role, "content": message.get("content") or ""})
        elif role == "assistant":
            converted: dict[str, Any] = {"role": "assistant", "content": message.get("content") or ""}
            tool_calls = []
            for c_index, call in enumerate(message.get("tool_calls") or []):
                endpoint = call.get("name") if isinstance(call, dict) else None
                if not isinstance(endpoint, str):
                    raise InputError(source, f"{path}.tool_calls[{c_index}]", "a tool call needs a string name")
                catalog.definition(endpoint, (source, f"{path}.tool_calls[{c_index}].name"))
                cid = call_id(index, calls)
                calls += 1
                pending.append((endpoint, cid))
                if endpoint not in called:
                    called.append(endpoint)
                tool_calls.append({"id": cid, "type": "function",
                                   "function": {"name": catalog.name(endpoint), "arguments": _arguments(call)}})
            if tool_calls:
                converted["tool_calls"] = tool_calls
            out.append(converted)
        elif role == "tool":
            name = message.get("name")
            match = next((i for i, (ep, _) in enumerate(pending) if ep == name), None)
            if match is None:
                raise InputError(source, path, f"tool message for {name!r} answers no pending call")
            _, cid = pending.pop(match)
            out.append({"role": "tool", "tool_call_id": cid, "content": message.get("content") or ""})
        else:
            raise InputError(source, f"{path}.role", f"unknown role {role!r}")
    if pending:
        raise InputError(source, f"{where} $.messages", f"call {pending[0][1]} to {pending[0][0]!r} is never answered")
    return out, called


def to_openai(record: Record, index: int, catalog: FunctionCatalog, source: str = "<input>") -> Record:
    """One record as an OpenAI chat example (`index` is its 0-based position in the input)."""
    messages, called = _messages(source, index, record, catalog)
    tools = [{"type": "function", "function": catalog.definition(e)} for e in called]
    return {"messages": messages, "tools": tools}


def export_openai(records: list[Record], catalog: FunctionCatalog, source: Path) -> list[Record]:
    """Every record converted; the first bad record stops the export with its line number."""
    return [to_openai(r, i, catalog, str(source)) for i, r in enumerate(records)]


def dumps_lines(rows: list[Record]) -> str:
    """JSONL text of converted rows (UTF-8 kept, stable key order)."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
