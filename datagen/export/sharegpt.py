"""ShareGPT function-calling layout, as LLaMA-Factory reads it (`formatting: sharegpt`).

`{"conversations": [{"from": "human"|"gpt"|"function_call"|"observation", "value": str}], "tools": str}`
where turns alternate: even positions are `human` or `observation`, odd ones `gpt` or `function_call`,
and the last is `gpt`. Built from the OpenAI export so both formats agree on names and tools:

- an assistant message with calls becomes ONE `function_call` turn: `{"name", "arguments"}` (arguments
  as an object) for a single call, a JSON list of them for parallel calls (LLaMA-Factory accepts
  both); the assistant's short preamble text before a call is dropped, since the layout has no room
  for text beside a call;
- the tool results answering that message become ONE `observation` turn: the result text for one
  call, a JSON list of the result texts (in call order) for several;
- `tools` is a JSON string of the function definitions (`{"name", "description", "parameters"}`);
  a leading system message, if any, goes to `system`.

A conversation that cannot alternate this way is an `InputError`, never a silently broken row.
"""

from __future__ import annotations

import json
from typing import Any

from datagen.errors import InputError

Row = dict[str, Any]
EVEN = ("human", "observation")
ODD = ("gpt", "function_call")


def _call_value(calls: list[dict[str, Any]]) -> str:
    items = [{"name": c["function"]["name"], "arguments": json.loads(c["function"]["arguments"])} for c in calls]
    return json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False)


def _observation_value(results: list[dict[str, Any]], order: list[str]) -> str:
    by_id = {r["tool_call_id"]: r["content"] for r in results}
    texts = [by_id[cid] for cid in order if cid in by_id]
    return texts[0] if len(texts) == 1 else json.dumps(texts, ensure_ascii=False)


def alternation_problem(turns: list[dict[str, str]]) -> str | None:
    """Why `turns` is not a valid ShareGPT function-calling conversation, or None."""
    for i, turn in enumerate(turns):
        allowed = EVEN if i % 2 == 0 else ODD
        if turn["from"] not in allowed:
            return f"turn {i} is {turn['from']!r}, expected one of {allowed}"
    if not turns or turns[-1]["from"] != "gpt":
        return "the conversation must end with a gpt turn"
    return None


def to_sharegpt(openai_row: Row, index: int, source: str = "<input>") -> Row:
    """One OpenAI-format row (from `datagen.export.openai`) in the ShareGPT layout."""
    turns: list[dict[str, str]] = []
    messages = openai_row["messages"]
    system = messages[0]["content"] if messages and messages[0]["role"] == "system" else None
    i = 0 if system is None else 1
    while i < len(messages):
        message = messages[i]
        role = message["role"]
        if role == "user":
            turns.append({"from": "human", "value": message["content"]})
        elif role == "assistant" and message.get("tool_calls"):
            calls = message["tool_calls"]
            turns.append({"from": "function_call", "value": _call_value(calls)})
            results = []
            while i + 1 < len(messages) and messages[i + 1]["role"] == "tool":
                i += 1
                results.append(messages[i])
            turns.append({"from": "observation", "value": _observation_value(results, [c["id"] for c in calls])})
        elif role == "assistant":
            turns.append({"from": "gpt", "value": message["content"]})
        else:
            raise InputError(source, f"line {index + 1} $.messages[{i}]", f"a {role!r} message cannot appear here in ShareGPT")
        i += 1
    problem = alternation_problem(turns)
    if problem:
        raise InputError(source, f"line {index + 1} $.messages", f"cannot be written as ShareGPT: {problem}")
    tools = [t["function"] for t in openai_row["tools"]]
    row: Row = {"conversations": turns, "tools": json.dumps(tools, ensure_ascii=False)}
    if system is not None:
        row["system"] = system
    return row


def export_sharegpt(openai_rows: list[Row], source: str = "<input>") -> list[Row]:
    """Every OpenAI-format row converted to ShareGPT."""
    return [to_sharegpt(row, i, source) for i, row in enumerate(openai_rows)]
