"""Read a record's lineage: which message made which call, what each call returned, where values came from.

The evaluator works on the JSONL record alone (no registry, no graph), so these helpers rebuild the
views the judge, the repairer and `inspect` need from `messages`, `tool_outputs` and
`metadata.argument_sources`. Paths use the generator's written form: `hotels[].hotel_id`.
"""

from __future__ import annotations

from typing import Any

# The one value equality, the one reading of written paths (`a.b[].c`) and the one call/answer
# pairing, re-exported for the judge.
from datagen.core.equality import loose as loose
from datagen.core.lineage import Call as Call
from datagen.core.lineage import calls as calls
from datagen.core.lineage import sources as sources
from datagen.core.paths import values_at as values_at
from datagen.core.record import RecordDict as Record


def same_kind(a: Any, b: Any) -> bool:
    """Whether two JSON values have the same JSON type (ints and floats are both numbers)."""
    def kind(v: Any) -> str:
        if isinstance(v, bool):
            return "bool"
        if isinstance(v, (int, float)):
            return "number"
        return type(v).__name__
    return kind(a) == kind(b)


def scalars(value: Any) -> list[Any]:
    """Every scalar leaf of a JSON value (strings, numbers, booleans), depth first."""
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in scalars(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in scalars(v)]
    return [] if value is None else [value]


def keys(value: Any) -> list[str]:
    """Every key of a JSON value, depth first."""
    if isinstance(value, dict):
        return [str(k) for k in value] + [k for v in value.values() for k in keys(v)]
    if isinstance(value, list):
        return [k for v in value for k in keys(v)]
    return []


def source_of(record: Record, call: int, param: str) -> dict[str, Any] | None:
    """The argument source of one argument, if the record has it."""
    return next((s for s in sources(record) if s.get("call") == call and s.get("param") == param), None)


def final_answer(record: Record) -> str | None:
    """The closing assistant text, or None when the conversation does not end with one."""
    messages = record.get("messages") or []
    if not messages or not isinstance(messages[-1], dict):
        return None
    last = messages[-1]
    if last.get("role") != "assistant" or last.get("tool_calls") or not isinstance(last.get("content"), str):
        return None
    return str(last["content"])


def text_before(record: Record, message: int, role: str) -> str:
    """All text of one role before message index `message`, joined (for "was this said?" checks)."""
    messages = record.get("messages") or []
    return "\n".join(str(m.get("content") or "") for m in messages[:message]
                     if isinstance(m, dict) and m.get("role") == role)


def mentioned(value: Any, text: str) -> bool:
    """Whether a value is stated in a text (case-insensitive; numbers also in a few common renderings)."""
    low = text.lower()
    forms = {(value if isinstance(value, str) else loose(value)).lower()}
    if isinstance(value, float):
        forms |= {f"{value:.2f}", f"{value:,.2f}", f"{value:g}"}
    if isinstance(value, int) and not isinstance(value, bool):
        forms.add(f"{value:,}")
    return any(f and f in low for f in forms)
