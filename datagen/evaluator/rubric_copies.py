"""Rubric gates over answers that copy something instead of answering: `copied_answer`, `code_as_name` (R3).

Session 4's second read-audit rejected conversations where two different endpoints sent back one
byte-identical payload (a list of markets that is the list of archive events, word for word), and
where a lookup by a code answered with that code as the thing's name (a currency lookup for `EUR`
returning a country named "EUR"). Neither is anything a real API answers: two endpoints exist
because they answer different things, and a name is what a code stands for, never the code itself.
"""

from __future__ import annotations

import json
import re

from datagen.evaluator.lineage import Call, calls, scalars
from datagen.evaluator.rubric_base import Record, issue, objects_in, slug_of
from datagen.evaluator.rubric_words import IDENTIFIER_WORDS
from datagen.evaluator.types import Issue
from datagen.registry.naming import snake

# Fewer leaves than this may rightly coincide (`{"status": "ok"}` from two writes).
_MIN_LEAVES = 6
# A code as people write it: capitals and digits, at least one letter (`EUR`, `FR`, `KQZR`, `XB2`).
_CODE = re.compile(r"(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,10}")
_NAME_WORDS = frozenset({"name", "title"})


def _words(key: str) -> list[str]:
    return [w for w in snake(key).split("_") if w]


def _versionless(call: Call) -> str:
    """An endpoint name without its digits, so `search_v1` and `search_v2` count as one endpoint."""
    return re.sub(r"\d+", "", call.name)


def copied_issues(record: Record) -> list[Issue]:
    """`copied_answer`: two different endpoints answered one payload of many values."""
    seen: dict[str, Call] = {}
    found: list[Issue] = []
    for call in calls(record):
        if not call.answered or not isinstance(call.output, (dict, list)) or len(scalars(call.output)) < _MIN_LEAVES:
            continue
        if isinstance(call.output, dict) and "error" in call.output:
            continue
        first = seen.setdefault(json.dumps(call.output, sort_keys=True), call)
        if _versionless(first) != _versionless(call):
            found.append(issue("copied_answer", f"call {call.index} ({call.name}) answers exactly what call "
                               f"{first.index} ({first.name}) answered: two endpoints, one payload", call.index))
    return found


def code_name_issues(record: Record) -> list[Issue]:
    """`code_as_name`: a call sent a code (`code`, `*_id`, `symbol` …) answers with that code as a name.

    Only codes written in capitals and digits are read (`EUR`, `FR`): a slug id (`books`) may rightly
    be its own name. Parameters named for a name or a search text are left alone, since a search
    for "Paris" rightly answers "Paris".
    """
    found: list[Issue] = []
    for call in calls(record):
        if not call.answered or not isinstance(call.output, (dict, list)):
            continue
        codes = {str(v): str(k) for k, v in call.parameters.items() if isinstance(v, str) and _CODE.fullmatch(v)
                 and _words(str(k)) and _words(str(k))[-1] in IDENTIFIER_WORDS | {"symbol", "ticker", "currency"}}
        for container, obj in objects_in(call.output):
            for key, value in obj.items():
                words = _words(str(key))
                if words and words[-1] in _NAME_WORDS and isinstance(value, str) and value in codes:
                    where = f"{container}.{key}" if container else str(key)
                    found.append(issue("code_as_name", f"call {call.index} ({slug_of(call.name)}) was sent "
                                       f"{codes[value]} = {value!r} and answers {where} = {value!r}: a name is what "
                                       "a code stands for, not the code", call.index, codes[value]))
                    break
            else:
                continue
            break
    return found
