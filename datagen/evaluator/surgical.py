"""Surgical repairs: fix only what a failing judgement names, from the record's own lineage.

Each fix edits a copy of the record and keeps it self-consistent (the call in the message, the
top-level `tool_calls`, `metadata.argument_sources` and the counts): re-ground an argument from the
output its lineage points at, put back a missing argument, restore the tool messages from
`tool_outputs`, rewrite the final answer from the values the tools really returned, or add the
clarification exchange a clarified argument needs. No model, no randomness.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from datagen.core.record import RecordDict as Record
from datagen.evaluator.lineage import calls, final_answer, loose, scalars, source_of, values_at
from datagen.evaluator.types import Issue


_ANSWER_KINDS = {"no_final_answer", "final_answer_unsupported", "final_answer_invented", "template_echo"}


def _set_argument(record: Record, call: int, param: str, value: Any) -> None:
    """Set one argument everywhere it is written, and its source's value."""
    index = 0
    for message in record["messages"]:
        for made in message.get("tool_calls") or [] if message.get("role") == "assistant" else []:
            if index == call:
                made.setdefault("parameters", {})[param] = value
            index += 1
    if call < len(record["tool_calls"]):
        record["tool_calls"][call].setdefault("parameters", {})[param] = value
    src = source_of(record, call, param)
    if src is not None:
        src["value"] = value


def _reground(record: Record, issue: Issue) -> bool:
    if issue.call is None or issue.param is None:
        return False
    src = source_of(record, issue.call, issue.param)
    if src is None:
        return False
    if src.get("source") == "step_output":
        made = {c.index: c for c in calls(record)}
        step = made.get(src.get("step", -1))
        found = values_at(step.output, str(src.get("field_path") or "")) if step and step.index < issue.call else []
        if not found:
            return False
        value = found[0]
    else:
        value = src.get("value")
    old = next((c.parameters.get(issue.param) for c in calls(record) if c.index == issue.call), None)
    _set_argument(record, issue.call, issue.param, value)
    if old is not None and loose(old) != loose(value):
        _replace_echo(record, issue.call, old, value)
    return True


def _replace_echo(record: Record, call: int, old: Any, new: Any) -> None:
    """Executors echo ids: replace the old value in this call's output and in the text that made the call."""
    def swap(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: swap(v) for k, v in node.items()}
        if isinstance(node, list):
            return [swap(v) for v in node]
        return new if node == old and not isinstance(node, bool) else node

    if call < len(record["tool_outputs"]):
        record["tool_outputs"][call]["output"] = swap(record["tool_outputs"][call].get("output"))
    for c in calls(record):
        if c.index == call and isinstance(old, str) and old:
            message = record["messages"][c.message]
            message["content"] = str(message.get("content") or "").replace(old, str(new))
    restore_tool_messages(record)


def restore_tool_messages(record: Record) -> bool:
    """Rebuild the tool messages after each calling assistant turn from `tool_outputs`."""
    rebuilt: list[dict[str, Any]] = []
    index = 0
    outputs = record.get("tool_outputs") or []
    for message in record["messages"]:
        if message.get("role") == "tool":
            continue
        rebuilt.append(message)
        for made in message.get("tool_calls") or [] if message.get("role") == "assistant" else []:
            if index >= len(outputs):
                return False
            rebuilt.append({"role": "tool", "name": made.get("name"),
                            "content": json.dumps(outputs[index].get("output"), ensure_ascii=False)})
            index += 1
    changed = bool(rebuilt != record["messages"])
    record["messages"] = rebuilt
    return changed


def _facts(record: Record) -> list[str]:
    made = calls(record)
    last_message = max((c.message for c in made), default=-1)
    ordered = [c for c in made if c.message == last_message] + [c for c in made if c.message != last_message][::-1]
    facts: list[str] = []
    for call in ordered:
        out = call.output if isinstance(call.output, dict) else {}
        for key, value in out.items():
            leaf = scalars(value)[:1] if isinstance(value, list) else [value]
            if leaf and not isinstance(leaf[0], (bool, dict, list)) and leaf[0] not in ("", None) \
                    and len(str(leaf[0])) <= 40 and key not in ("error", "errors", "get", "parameters"):
                fact = f"{key.replace('_', ' ')} {leaf[0]}"
                if fact not in facts:
                    facts.append(fact)
            if len(facts) == 3:
                return facts
    return facts


def rewrite_final_answer(record: Record) -> bool:
    """Replace (or add) the final answer with up to three values the tools returned."""
    facts = _facts(record)
    if not facts:
        return False
    text = "All done. Here is what came back: " + ", ".join(facts[:-1]) + (" and " if len(facts) > 1 else "") + facts[-1] + "."
    if final_answer(record) is not None:
        record["messages"][-1]["content"] = text
    else:
        record["messages"].append({"role": "assistant", "content": text})
    return True


def add_clarification(record: Record, issue: Issue) -> bool:
    """Ask for a clarified value before the first call, and let the user give it."""
    if issue.call is None or issue.param is None:
        return False
    src = source_of(record, issue.call, issue.param)
    made = [c for c in calls(record) if c.index == issue.call]
    if src is None or not made:
        return False
    label = issue.param.replace("_", " ")
    at = min(c.message for c in calls(record))
    exchange = [{"role": "assistant", "content": f"Before I start, what {label} should I use?"},
                {"role": "user", "content": f"Use {src.get('value')} for the {label}, please."}]
    record["messages"][at:at] = exchange
    record["metadata"]["num_clarification_questions"] = int(record["metadata"].get("num_clarification_questions") or 0) + 1
    return True


def apply(record: Record, issues: list[Issue]) -> tuple[Record, list[str]]:
    """Apply every surgical fix the issues allow; return the new record and the fixes made."""
    fixed = copy.deepcopy(record)
    done: list[str] = []
    for issue in issues:
        if issue.kind in ("ungrounded", "missing_argument") and _reground(fixed, issue):
            done.append(f"reground:{issue.call}.{issue.param}")
        elif issue.kind == "clarification_unanswered" and add_clarification(fixed, issue):
            done.append(f"clarify:{issue.call}.{issue.param}")
    if any(i.kind == "unanswered_call" for i in issues) and restore_tool_messages(fixed):
        done.append("restore_tool_messages")
    if any(i.kind in _ANSWER_KINDS for i in issues) and rewrite_final_answer(fixed):
        done.append("rewrite_final_answer")
    fixed["metadata"]["num_turns"] = len(fixed["messages"])
    return fixed, done
