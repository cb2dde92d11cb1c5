"""`datagen inspect`: a per-conversation compliance breakdown, and with `verbose` the data lineage.

Reads records only. The breakdown says, per conversation, how many arguments were grounded in earlier
outputs, how many fell back to mock values, whether the record is structurally valid and how it was
judged. The lineage view follows the product spec: each step, where its arguments came from
(`[GROUNDED via flight_id←step0]`, then `← flight_id: 'FL247' (from step 0 output)`) and which fields
its output offers to the next steps.
"""

from __future__ import annotations

import json
from typing import Any

from datagen.core.record import RecordDict as Record
from datagen.evaluator.lineage import calls, sources
from datagen.core.checks import check_record


def field_paths(output: Any, prefix: str = "") -> list[str]:
    """The written paths of an output's leaves (`booking_id`, `hotels[].hotel_id`), first seen first."""
    found: list[str] = []
    if isinstance(output, dict):
        children = [field_paths(v, f"{prefix}.{k}" if prefix else str(k)) for k, v in output.items()]
    elif isinstance(output, list):
        children = [field_paths(item, prefix + "[]") for item in output] or [[prefix + "[]"] if prefix else []]
    else:
        children = [[prefix] if prefix else []]
    for paths in children:
        found += [p for p in paths if p not in found]
    return found


def summary_line(record: Record) -> str:
    """One line of compliance figures for one record."""
    srcs = sources(record)
    grounded = sum(1 for s in srcs if s.get("source") == "step_output")
    mock = sum(1 for s in srcs if s.get("source") == "mock_fallback")
    meta = record.get("metadata") or {}
    problems = check_record(record)
    scores = record.get("judge_scores")
    judged = "not judged"
    if isinstance(scores, dict):
        verdict = "passed" if scores.get("passed") else f"FAILED {scores.get('failed_gates')}"
        judged = f"judge {scores.get('mean_score')} {verdict}"
    structure = "structure ok" if not problems else f"structure: {len(problems)} problem(s)"
    return (f"{record.get('conversation_id')}  turns {len(record.get('messages') or [])}  "
            f"calls {len(record.get('tool_calls') or [])}  tools {meta.get('num_distinct_tools')}  "
            f"clarifications {meta.get('num_clarification_questions')}  grounded {grounded}/{len(srcs)}  "
            f"mock {mock}  warnings {len(meta.get('grounding_warnings') or [])}  {structure}  {judged}")


def _value(value: Any) -> str:
    return repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def lineage_lines(record: Record) -> list[str]:
    """The lineage of every step of one record, in the spec's format."""
    lines: list[str] = []
    srcs = sources(record)
    made = calls(record)
    for call in made:
        grounded = [s for s in srcs if s.get("call") == call.index and s.get("source") == "step_output"]
        if call.index == 0:
            tag = "FIRST STEP"
        elif grounded:
            tag = "GROUNDED via " + ", ".join(f"{s.get('param')}←step{s.get('step')}" for s in grounded)
        elif any(c.message == call.message for c in made[:call.index]):
            tag = "PARALLEL"
        else:
            tag = "NOT GROUNDED"
        lines.append(f"step {call.index}: {call.name} [{tag}]")
        for s in grounded:
            where = "" if s.get("field_path") == s.get("param") else f" at {s.get('field_path')}"
            lines.append(f"  ← {s.get('param')}: {_value(s.get('value'))} (from step {s.get('step')} output{where})")
        names = {str(s.get("param")) for s in grounded}
        rest = {k: v for k, v in call.parameters.items() if k not in names}
        if rest:
            lines.append(f"  → input: {json.dumps(rest, ensure_ascii=False)}")
        for s in srcs:
            if s.get("call") == call.index and s.get("source") in ("clarification", "mock_fallback"):
                how = "from the user's clarification" if s.get("source") == "clarification" else "MOCK FALLBACK"
                lines.append(f"  ! {s.get('param')}: {_value(s.get('value'))} ({how})")
        lines.append(f"  → output fields: [{', '.join(field_paths(call.output))}]")
    return lines


def render(records: list[Record], verbose: bool = False) -> str:
    """The whole `inspect` report: one line per record (and its lineage with `verbose`), then totals."""
    out: list[str] = []
    for record in records:
        out.append(summary_line(record))
        if verbose:
            out += ["  " + line for line in lineage_lines(record)]
            for problem in check_record(record):
                out.append(f"  ✗ {problem}")
    valid = sum(1 for r in records if not check_record(r))
    judged = [r for r in records if isinstance(r.get("judge_scores"), dict)]
    passed = sum(1 for r in judged if r["judge_scores"].get("passed"))
    out.append(f"{len(records)} conversation(s): {valid} structurally valid"
               + (f", {passed}/{len(judged)} passed the judge" if judged else ", not judged"))
    return "\n".join(out)
