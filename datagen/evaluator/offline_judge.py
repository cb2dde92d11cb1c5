"""The offline judge: deterministic rules over a record and its lineage, no model and no network.

Scores the three dimensions of the spec from problems it can prove from the record alone:
tool_correctness (arguments grounded where the lineage says, present, type-correct, every call
answered, clarified values really given by the user), task_completion (a final answer that states
values the tools returned and nothing they did not), naturalness (roles in order, no empty or
repeated turns, no template echo, questions answered). Each dimension starts at 5 and loses points
per problem: critical 3, major 1.5, minor 0.5 (minors capped at 1 per dimension). Same record, same
score, byte for byte; with `endpoints` (registry view, from the graph) it also checks the schema.
The rubric gates (`evaluator.rubric`) add named failures a reader would see (ids crossing services,
filler values, debris in turns …): each is an issue here and a gate in `failed_gates`.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.core.checks import type_ok
from datagen.core.record import RecordDict as Record
from datagen.evaluator.lineage import (Call, calls, final_answer, keys, loose, mentioned, same_kind, scalars, sources,
                                       text_before, values_at)
from datagen.evaluator.rubric import failed_rules, rubric_issues
from datagen.evaluator.types import DIMENSIONS, OFFLINE_MODEL, Issue, Verdict
from datagen.registry.models import Endpoint

PENALTY = {"critical": 3.0, "major": 1.5, "minor": 0.5}
MINOR_CAP = 1.0
# Id-like tokens: letters then (optionally `_`/`-`) three or more digits, as in `htl_881` or `FL247`.
_ID_TOKEN = re.compile(r"\b[A-Za-z]{1,12}[_-]?\d{3,}[A-Za-z0-9_-]*\b")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _issue(kind: str, dimension: str, severity: str, message: str, call: int | None = None,
           param: str | None = None) -> Issue:
    return Issue(kind=kind, dimension=dimension, severity=severity, message=message, call=call, param=param)


def tool_issues(record: Record, endpoints: dict[str, Endpoint] | None = None) -> list[Issue]:
    """Problems with the calls and their arguments (the tool_correctness dimension)."""
    found: list[Issue] = []
    made = calls(record)
    by_index = {c.index: c for c in made}
    for call in made:
        if not call.answered:
            found.append(_issue("unanswered_call", "tool_correctness", "critical",
                                f"call {call.index} ({call.name}) has no tool message with its result", call.index))
    if [{"name": c.name, "parameters": c.parameters} for c in made] != record.get("tool_calls"):
        found.append(_issue("tool_calls_mismatch", "tool_correctness", "major",
                            "top-level tool_calls differ from the calls made in the messages"))
    for src in sources(record):
        target = by_index.get(src.get("call", -1))
        if target is not None:
            found += _source_issues(record, src, target, by_index)
    if endpoints is not None:
        found += _schema_issues(made, endpoints)
    return found


def _source_issues(record: Record, src: dict[str, Any], call: Call, by_index: dict[int, Call]) -> list[Issue]:
    param, kind, value = str(src.get("param")), src.get("source"), src.get("value")
    where = f"call {call.index} ({call.name}) '{param}'"
    if param not in call.parameters:
        return [_issue("missing_argument", "tool_correctness", "critical",
                       f"{where}: the lineage records this argument but the call does not send it", call.index, param)]
    sent = call.parameters[param]
    if kind == "step_output":
        step = by_index.get(src.get("step", -1))
        if step is None or step.index >= call.index:
            return [_issue("ungrounded", "tool_correctness", "critical",
                           f"{where}: grounded on step {src.get('step')!r}, not an earlier call", call.index, param)]
        there = values_at(step.output, str(src.get("field_path") or ""))
        if loose(sent) not in {loose(v) for v in there}:
            return [_issue("ungrounded", "tool_correctness", "critical",
                           f"{where} = {sent!r} is not in step {step.index} output at {src.get('field_path')!r}",
                           call.index, param)]
        # A value may be coerced to the parameter's type ('93.62' from 93.62): only the schema, when
        # known, decides whether the sent type is right (see _schema_issues).
        return []
    if loose(sent) != loose(value):
        return [_issue("ungrounded", "tool_correctness", "critical",
                       f"{where} = {sent!r}, but its {kind} source is {value!r}", call.index, param)]
    if not same_kind(sent, value):
        return [_issue("type_mismatch", "tool_correctness", "major",
                       f"{where} = {sent!r} has another type than its source {value!r}", call.index, param)]
    said = text_before(record, call.message, "user")
    if kind == "clarification" and not mentioned(sent, said):
        return [_issue("clarification_unanswered", "tool_correctness", "critical",
                       f"{where} = {sent!r} should come from the user's answer, which never gave it", call.index, param)]
    if kind == "user" and not mentioned(sent, said):
        return [_issue("user_value_unstated", "tool_correctness", "minor",
                       f"{where} = {sent!r} was never stated by the user", call.index, param)]
    if kind == "mock_fallback":
        return [_issue("mock_fallback", "tool_correctness", "minor",
                       f"{where} = {sent!r} is a mock fallback, not grounded", call.index, param)]
    return []


def _schema_issues(made: list[Call], endpoints: dict[str, Endpoint]) -> list[Issue]:
    found: list[Issue] = []
    for call in made:
        endpoint = endpoints.get(call.name)
        if endpoint is None:
            found.append(_issue("unknown_tool", "tool_correctness", "critical", f"call {call.index}: unknown tool {call.name}", call.index))
            continue
        params = {p.name: p for p in endpoint.parameters}
        for p in endpoint.parameters:
            if p.required and p.name not in call.parameters:
                found.append(_issue("missing_argument", "tool_correctness", "critical",
                                    f"call {call.index} ({call.name}): required '{p.name}' missing", call.index, p.name))
        for key, value in call.parameters.items():
            if key not in params:
                found.append(_issue("unknown_argument", "tool_correctness", "major",
                                    f"call {call.index} ({call.name}): unknown argument '{key}'", call.index, key))
            elif not type_ok(value, params[key].type, params[key].enum):
                found.append(_issue("type_mismatch", "tool_correctness", "major",
                                    f"call {call.index} ({call.name}): '{key}' = {value!r} is not {params[key].type.value}",
                                    call.index, key))
    return found


def task_issues(record: Record) -> list[Issue]:
    """Problems with the outcome (the task_completion dimension)."""
    made = calls(record)
    if not made:
        return [_issue("no_calls", "task_completion", "critical", "no tool was called")]
    answer = final_answer(record)
    if answer is None:
        return [_issue("no_final_answer", "task_completion", "critical", "the conversation has no final assistant answer")]
    reported = [v for c in made for v in scalars(c.output)
                if not isinstance(v, bool) and len(str(v)) <= 40 and len(str(v).split()) <= 4 and str(v).strip()]
    found: list[Issue] = []
    if reported and not any(mentioned(v, answer) for v in reported):
        found.append(_issue("final_answer_unsupported", "task_completion", "critical",
                            "the final answer states none of the values the tools returned"))
    known = " ".join(loose(v) for c in made for v in scalars(c.output) + scalars(c.parameters))
    known += " " + " ".join(keys([c.output for c in made]))
    known += " " + text_before(record, len(record.get("messages") or []), "user")
    invented = [t for t in _ID_TOKEN.findall(answer) if t.lower() not in known.lower()]
    if invented:
        found.append(_issue("final_answer_invented", "task_completion", "major",
                            f"the final answer states {invented[:3]}, which no tool returned"))
    errors = [c.index for c in made if isinstance(c.output, dict) and "error" in c.output]
    if errors:
        found.append(_issue("tool_error", "task_completion", "minor", f"call(s) {errors} returned an error"))
    return found



def text_issues(record: Record) -> list[Issue]:
    """Problems with the wording and turn-taking (the naturalness dimension)."""
    messages = [m for m in record.get("messages") or [] if isinstance(m, dict)]
    found: list[Issue] = []
    roles = [m.get("role") for m in messages]
    disorder = (not roles or roles[0] != "user"
                or any(m.get("role") == "user" and m.get("tool_calls") for m in messages)
                or any(a == b == "user" for a, b in zip(roles, roles[1:]))
                or any(r == "tool" and (i == 0 or roles[i - 1] not in ("assistant", "tool")) for i, r in enumerate(roles)))
    if disorder:
        found.append(_issue("roles_out_of_order", "naturalness", "critical",
                            f"turns are out of order: {' → '.join(str(r) for r in roles[:6])}"))
    users = [str(m.get("content") or "").strip() for m in messages if m.get("role") == "user"]
    if any(not u for u in users):
        found.append(_issue("empty_user_turn", "naturalness", "major", "a user turn is empty"))
    if len(set(u.lower() for u in users if u)) < len([u for u in users if u]):
        found.append(_issue("duplicate_user_turn", "naturalness", "major", "a user turn repeats an earlier one"))
    texts = [str(m.get("content") or "").strip() for m in messages if m.get("role") == "assistant"]
    answer = final_answer(record)
    if answer is not None and answer.strip().lower() in {t.lower() for t in texts[:-1]}:
        found.append(_issue("template_echo", "naturalness", "major", "the final answer repeats an earlier assistant turn"))
    if answer is not None and users and answer.strip().lower() == users[0].lower():
        found.append(_issue("template_echo", "naturalness", "critical", "the final answer echoes the user's request"))
    if len(texts) >= 3 and len(set(texts[:-1])) == 1:
        found.append(_issue("monotone_assistant", "naturalness", "minor", "every assistant turn says the same thing"))
    if any(_PLACEHOLDER.search(str(m.get("content") or "")) for m in messages if m.get("role") != "tool"):
        found.append(_issue("template_placeholder", "naturalness", "major", "a turn contains an unfilled {placeholder}"))
    for i, m in enumerate(messages[:-1]):
        if (m.get("role") == "assistant" and not m.get("tool_calls") and str(m.get("content") or "").rstrip().endswith("?")
                and messages[i + 1].get("role") != "user"):
            found.append(_issue("question_unanswered", "naturalness", "major", f"the question in message {i} is never answered"))
    return found


def find_issues(record: Record, endpoints: dict[str, Endpoint] | None = None) -> list[Issue]:
    """Every problem of the three dimensions, then the rubric gates' (see `evaluator.rubric`), in a fixed order."""
    return tool_issues(record, endpoints) + task_issues(record) + text_issues(record) + rubric_issues(record, endpoints)


def score(issues: list[Issue], dimension: str) -> float:
    """5 minus the penalties of this dimension's issues, floored at 1."""
    hard = sum(PENALTY[i.severity] for i in issues if i.dimension == dimension and i.severity != "minor")
    soft = min(MINOR_CAP, sum(PENALTY["minor"] for i in issues if i.dimension == dimension and i.severity == "minor"))
    return max(1.0, round(5.0 - hard - soft, 2))


def _reasoning(record: Record, issues: list[Issue]) -> str:
    if not issues:
        grounded = sum(1 for s in sources(record) if s.get("source") == "step_output")
        return (f"No problems found: {len(calls(record))} call(s) answered, {grounded} argument(s) grounded in "
                "earlier outputs, final answer states values the tools returned.")
    worst = sorted(issues, key=lambda i: -PENALTY[i.severity])
    more = f" (+{len(issues) - 4} more)" if len(issues) > 4 else ""
    return "; ".join(f"[{i.dimension}] {i.message}" for i in worst[:4]) + more


class OfflineJudge:
    """Rule-based judge; `endpoints` (optional) adds the registry's schema checks."""

    model = OFFLINE_MODEL

    def __init__(self, endpoints: dict[str, Endpoint] | None = None) -> None:
        self.endpoints = endpoints

    def judge(self, record: Record) -> Verdict:
        """Score one record from its issues."""
        issues = find_issues(record, self.endpoints)
        scores = {d: score(issues, d) for d in DIMENSIONS}
        return Verdict(**scores, reasoning=_reasoning(record, issues), rules=failed_rules(issues))
