"""Read a record's calls: which message made which call, what it returned, which tool message answered it.

Why at the bottom: the structural checker (`core.checks`, run by the generator's Validator, by
`datagen validate` and by the judge) and the judge's rules must agree on when a call is answered.
The rule, written once here: calls are numbered in the order the assistant makes them; a tool
message answers the oldest pending call and must name it; a call still pending when the next
user or assistant message comes is never answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from datagen.core.record import RecordDict


@dataclass(frozen=True)
class Call:
    """One tool call: its index in call order, the assistant message that made it, its output."""

    index: int
    message: int
    name: str
    parameters: dict[str, Any]
    output: Any
    answered: bool


@dataclass(frozen=True)
class Turns:
    """What the message-order walk found: the answered calls and every ordering problem, one line each."""

    answered: frozenset[int]
    problems: list[str]


def _made(messages: list[Any]) -> list[tuple[int, dict[str, Any]]]:
    """(message index, call) of every call the assistant makes, in call order."""
    return [(i, c) for i, m in enumerate(messages) if isinstance(m, dict) and m.get("role") == "assistant"
            for c in (m.get("tool_calls") or []) if isinstance(c, dict)]


def walk_turns(messages: list[Any]) -> Turns:
    """Pair tool messages with calls by the one rule (oldest pending call first)."""
    answered: set[int] = set()
    problems: list[str] = []
    pending: list[tuple[int, str]] = []
    opened = 0
    index = 0
    for i, msg in enumerate(messages):
        if not isinstance(msg, dict) or msg.get("role") not in ("user", "assistant", "tool"):
            continue
        if msg.get("role") == "tool":
            if not pending:
                problems.append(f"message {i} (tool): tool message without a pending tool call")
                continue
            call, name = pending.pop(0)
            if msg.get("name") == name:
                answered.add(call)
            else:
                problems.append(f"message {i} (tool): answers {msg.get('name')!r} but the pending call is {name!r}")
            continue
        if pending:
            problems.append(f"message {opened} (assistant): tool call(s) {[n for _, n in pending]} "
                            f"never answered by a tool message")
            pending = []
        if msg.get("role") == "assistant" and msg.get("tool_calls"):
            for call in msg["tool_calls"]:
                if isinstance(call, dict):
                    pending.append((index, str(call.get("name"))))
                    index += 1
            opened = i
    if pending:
        problems.append(f"message {opened} (assistant): tool call(s) {[n for _, n in pending]} "
                        f"never answered by a tool message")
    return Turns(frozenset(answered), problems)


def calls(record: RecordDict) -> list[Call]:
    """The calls made in the messages, in order, each paired with its tool output and answer status."""
    messages = record.get("messages") or []
    outputs = record.get("tool_outputs") or []
    answered = walk_turns(messages).answered
    result = []
    for index, (message, call) in enumerate(_made(messages)):
        out = outputs[index].get("output") if index < len(outputs) and isinstance(outputs[index], dict) else None
        params = call.get("parameters")
        result.append(Call(index, message, str(call.get("name")), params if isinstance(params, dict) else {},
                           out, index in answered))
    return result


def sources(record: RecordDict) -> list[dict[str, Any]]:
    """The record's argument sources (`metadata.argument_sources`), or an empty list."""
    meta = record.get("metadata") or {}
    found = meta.get("argument_sources") if isinstance(meta, dict) else None
    return [s for s in found or [] if isinstance(s, dict)]
