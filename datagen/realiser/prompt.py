"""The one request the realiser sends per conversation, and the one retry after a failed check.

Why one request per conversation: the turns and the outputs must agree with each other (the final
answer quotes the outputs, the user's pick names an item of a list), so one answer writes them all.
The offline conversation goes along as a draft: the chain, the calls and their arguments are fixed,
and the model rewrites only words and answers. Its answer is a forced call of one constant tool,
`write_conversation`, whose input is a list of messages, each a slot with its text or its output
(`ANSWER_SCHEMA`, the same for every conversation). The conversation's own JSON Schema, one slot per
message with each tool output typed by its endpoint's response structure (`answer_schema`), goes in
the user message beside the draft, and the answer is checked against it locally (`checks`). Values a
later call uses are listed as fixed, where they must appear; values the user states must still be
stated.

Why the tool is constant: the API builds its prompt cache in the order tools, system, messages, so a
tool whose schema changed per conversation made every request's prefix differ from the first byte,
and the cache marks could never hit across conversations. Now tools and system are byte-identical
for every conversation and model, and long enough to be cached (the rules plus two worked examples,
`example.py`; each model's minimum is in `prices.MIN_CACHE_TOKENS`): the system prompt carries one
cache mark, so every request after the first reads that prefix at the cache price. The conversation
is marked too, so a retry (same tools, system and conversation) reads its prefix from the cache.
"""

from __future__ import annotations

import json
from typing import Any

from datagen.core.record import RecordDict
from datagen.realiser.example import worked_examples
from datagen.realiser.schema import Schema, response_schema
from datagen.registry.models import Endpoint

PROMPT_VERSION = "realiser-2"
"""Changes whenever the request shape or instructions change: part of the cache key."""
TOOL_NAME = "write_conversation"
MAX_TOKENS = 8192

NOTE = ("Rewrite this conversation. The JSON below holds the draft (one item per slot), the APIs it calls, the "
        "output values later calls use (`fixed`: slot, path, value), the values the user states (`stated`: slot, "
        "value) and `schema`: the JSON Schema your answer must fit once read as slot -> value (a text slot a "
        "string, a tool slot its API's answer).\n\n")
"""The text before each request's JSON (the worked examples show it too)."""

RULES = (
    "You write realistic multi-turn conversations between a person and a tool-using assistant, for a "
    "training dataset. You are given a draft whose structure is fixed: which messages exist, who says "
    "them, which API calls the assistant makes and with which arguments. Rewrite the words and the API "
    "answers so a reader believes them, keeping that structure exactly.\n"
    "Rules:\n"
    "1. The user speaks like a person with one goal; the opening message states every value listed "
    "for it under `stated`, and each answer to a question states the values listed for it.\n"
    "2. The assistant's turns are short and natural; never name APIs, endpoints or parameters; a "
    "question asks only for what the next call needs.\n"
    "3. Each tool output follows its slot's JSON schema in `schema` (only keys the schema names, with "
    "their types). Every value listed under `fixed` appears at its path in that output, exactly as given. "
    "An answer echoes the arguments it was asked about (a lookup of X returns X); numbers, dates, "
    "places, codes and currencies agree with each other and with the real world.\n"
    "4. The final answer answers the user's goal with values the outputs actually returned, and "
    "invents nothing.\n"
    f"Write the whole conversation with one call of the {TOOL_NAME} tool: `messages` holds one item per "
    "slot of the draft, each with its `slot` and either `text` (a user or assistant slot) or `output` "
    "(a tool slot), in the draft's order.\n"
)
SYSTEM = RULES + "\n" + worked_examples(NOTE, TOOL_NAME)
"""The shared instructions: constant, so with the tool they form the cached prefix of every request."""

ANSWER_SCHEMA: Schema = {
    "type": "object", "additionalProperties": False, "required": ["messages"],
    "properties": {"messages": {
        "type": "array", "minItems": 1, "description": "One item per slot of the draft, in its order.",
        "items": {"type": "object", "additionalProperties": False, "required": ["slot"],
                  "oneOf": [{"required": ["text"]}, {"required": ["output"]}],
                  "properties": {"slot": {"type": "string", "pattern": "^m[0-9]+$", "description": "The draft's slot."},
                                 "text": {"type": "string", "minLength": 1,
                                          "description": "The words of a user or assistant slot."},
                                 "output": {"type": "object",
                                            "description": "A tool slot's output, fitting its schema in `schema`."}}}}},
}
"""The input schema of the one tool: the same for every conversation (see the module doc)."""
TOOL = {"name": TOOL_NAME, "description": "Write every message of the conversation: one item per slot of the draft.",
        "input_schema": ANSWER_SCHEMA}


def slot(index: int) -> str:
    """The answer's key for message `index`."""
    return f"m{index}"


def tool_endpoints(record: RecordDict) -> list[str]:
    """The endpoint id answering each tool message, in message order (the k-th answers call k)."""
    return [str(c["name"]) for c in record["tool_calls"]]


def fixed_values(record: RecordDict) -> list[dict[str, Any]]:
    """Values later calls take from an output: (slot of that output, path, value)."""
    tool_messages = [i for i, m in enumerate(record["messages"]) if m["role"] == "tool"]
    fixed = []
    for src in record["metadata"].get("argument_sources") or []:
        if src.get("source") == "step_output" and isinstance(src.get("step"), int) and src["step"] < len(tool_messages):
            fixed.append({"slot": slot(tool_messages[src["step"]]), "path": src.get("field_path") or "",
                          "value": src.get("value"), "used_by": f"call {src['call']} argument {src['param']}"})
    return fixed


def stated_values(record: RecordDict) -> list[dict[str, Any]]:
    """Values the user gives (opening or an answer): the user message of the draft that states each."""
    stated = []
    users = [(i, m["content"].casefold()) for i, m in enumerate(record["messages"]) if m["role"] == "user"]
    for src in record["metadata"].get("argument_sources") or []:
        if src.get("source") not in ("user", "clarification") or isinstance(src.get("value"), (dict, list)):
            continue
        text = str(src.get("value")).casefold()
        where = next((i for i, content in users if text and text in content), None)
        if where is not None:
            stated.append({"slot": slot(where), "value": src.get("value")})
    return stated


def answer_schema(record: RecordDict, endpoints: dict[str, Endpoint]) -> Schema:
    """The conversation's schema, sent in its request and checked locally: the answer read as slot ->
    value (`answer_slots`), one property per message, in order, every one required."""
    names = iter(tool_endpoints(record))
    props: dict[str, Any] = {}
    last = len(record["messages"]) - 1
    for i, message in enumerate(record["messages"]):
        role = message["role"]
        if role == "tool":
            name = next(names)
            endpoint = endpoints.get(name)
            schema = response_schema(endpoint) if endpoint is not None else {"type": "object"}
            props[slot(i)] = {**schema, "description": f"the answer of {name}"}
        else:
            what = ("the user's opening goal" if i == 0 else "the user's reply" if role == "user"
                    else "the assistant's final answer" if i == last
                    else "the assistant's turn before its call(s)" if message.get("tool_calls")
                    else "the assistant's question")
            props[slot(i)] = {"type": "string", "minLength": 1, "description": what}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def _draft(record: RecordDict) -> list[dict[str, Any]]:
    draft = []
    for i, message in enumerate(record["messages"]):
        item: dict[str, Any] = {"slot": slot(i), "role": message["role"]}
        if message["role"] == "tool":
            item["name"] = message.get("name")
            item["output"] = json.loads(message["content"])
        else:
            item["text"] = message["content"]
        if message.get("tool_calls"):
            item["calls"] = message["tool_calls"]
        draft.append(item)
    return draft


def answer_slots(answer: Any) -> dict[str, Any]:
    """The tool's input (`ANSWER_SCHEMA`, already checked) as slot -> text or output."""
    return {item["slot"]: item["text"] if "text" in item else item["output"] for item in answer["messages"]}


def answer_of(slots: dict[str, Any], record: RecordDict) -> dict[str, Any]:
    """Slot -> value back as the tool's input, in message order (a tool slot as `output`)."""
    roles = {slot(i): m["role"] for i, m in enumerate(record["messages"])}
    return {"messages": [{"slot": key, "output" if roles.get(key) == "tool" else "text": value}
                         for key, value in slots.items()]}


def request_text(payload: dict[str, Any], note: str = NOTE) -> str:
    """A request's user text: the note, then its JSON (as the worked examples show it)."""
    return note + json.dumps(payload, ensure_ascii=False)


def request_body(record: RecordDict, endpoints: dict[str, Endpoint], model: str) -> dict[str, Any]:
    """The Messages request for one conversation (no key, no client options: what the cache keys on).
    Tools and system are the same for every conversation; only the message differs."""
    tools = [{"name": n, "about": (endpoints[n].description if n in endpoints else "")[:300]}
             for n in dict.fromkeys(tool_endpoints(record))]
    payload = {"conversation_id": record["conversation_id"], "apis": tools, "draft": _draft(record),
               "fixed": fixed_values(record), "stated": stated_values(record),
               "schema": answer_schema(record, endpoints)}
    return {
        "model": model, "max_tokens": MAX_TOKENS, "temperature": 1.0,
        "system": [{"type": "text", "text": SYSTEM, "cache_control": {"type": "ephemeral"}}],
        "tools": [TOOL],
        "tool_choice": {"type": "tool", "name": TOOL_NAME},
        "messages": [{"role": "user", "content": [{"type": "text", "text": request_text(payload),
                                                   "cache_control": {"type": "ephemeral"}}]}],
    }


def retry_body(body: dict[str, Any], answer: dict[str, Any], tool_use_id: str, problems: list[str]) -> dict[str, Any]:
    """The same request continued: the model's answer, then the checks it failed, to answer again."""
    report = "These checks failed:\n" + "\n".join(f"- {p}" for p in problems[:20])
    return {**body, "messages": [
        *body["messages"],
        {"role": "assistant", "content": [{"type": "tool_use", "id": tool_use_id, "name": TOOL_NAME, "input": answer}]},
        {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": tool_use_id, "is_error": True, "content": report},
            {"type": "text", "text": f"Call {TOOL_NAME} again with the whole conversation corrected."}]},
    ]}


def plain_retry_body(body: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    """The retry when the answer had no usable tool call (nothing to send back as a tool_use)."""
    return {**body, "messages": [
        *body["messages"],
        {"role": "assistant", "content": [{"type": "text", "text": "(no usable answer)"}]},
        {"role": "user", "content": [{"type": "text", "text": f"{problems[0][:300]}. Call {TOOL_NAME} with the "
                                                              f"whole conversation, one item per slot."}]},
    ]}
