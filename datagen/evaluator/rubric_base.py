"""Shared parts of the rubric gates: gate names, issues, and how names and paths are read.

The gates themselves live in `rubric_links` (what travels between calls), `rubric_values` (what a
call sends and answers) and `rubric` (turns, the final answer, and the entry point).
"""

from __future__ import annotations

from typing import Any

from datagen.core.record import RecordDict
from datagen.evaluator.lineage import Call
from datagen.evaluator.types import Issue
from datagen.lexicon import GENERIC_CONTAINERS
from datagen.registry.models import Endpoint
from datagen.registry.naming import concept_of, snake, subject_noun
from datagen.registry.scope import Scope, concept_scope


Record = RecordDict


Endpoints = dict[str, Endpoint]


RUBRIC_GATES = ("unasked_step", "scope_crossing", "default_subject", "inverted_range", "wrong_type", "filler_value",
                "filler_text", "made_name", "opaque_code", "lookup_mismatch", "repeated_item", "hollow_output",
                "filter_mismatch", "conflicting_facts", "timeline_order", "timestamp_mismatch",
                "count_mismatch", "copied_answer", "code_as_name", "stuffed_filters", "turn_debris",
                "unchosen_action", "field_label_answer", "final_answer_quality")


DIMENSION = {"scope_crossing": "tool_correctness", "inverted_range": "tool_correctness", "wrong_type": "tool_correctness",
              "filler_value": "tool_correctness", "lookup_mismatch": "tool_correctness",
              "hollow_output": "tool_correctness", "default_subject": "tool_correctness",
              "filler_text": "tool_correctness", "made_name": "tool_correctness", "opaque_code": "tool_correctness",
              "repeated_item": "tool_correctness", "unasked_step": "task_completion",
              "turn_debris": "naturalness", "unchosen_action": "tool_correctness",
              "final_answer_quality": "task_completion", "filter_mismatch": "tool_correctness",
              "conflicting_facts": "tool_correctness", "stuffed_filters": "tool_correctness",
              "copied_answer": "tool_correctness", "code_as_name": "tool_correctness",
              "timeline_order": "tool_correctness", "timestamp_mismatch": "tool_correctness",
              "count_mismatch": "tool_correctness", "field_label_answer": "naturalness"}


def issue(gate: str, message: str, call: int | None = None, param: str | None = None) -> Issue:
    return Issue(kind=gate, dimension=DIMENSION[gate], severity="critical", message=f"[{gate}] {message}",
                 call=call, param=param)


def slug_of(name: str) -> str:
    return name.split("::", 1)[-1]


def name_words_of(name: str) -> set[str]:
    return set(snake(slug_of(name)).split("_"))


def leaf_paths(value: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in leaf_paths(v, f"{path}.{k}" if path else str(k))]
    if isinstance(value, list):
        return [leaf for v in value for leaf in leaf_paths(v, f"{path}[]")]
    return [(path, value)]


def objects_in(value: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every object of a JSON value with its written path (`results[]`)."""
    if isinstance(value, dict):
        return [(path, value)] + [o for k, v in value.items() for o in objects_in(v, f"{path}.{k}" if path else str(k))]
    if isinstance(value, list):
        return [o for v in value for o in objects_in(v, f"{path}[]")]
    return []


def lists_in(value: Any, path: str = "") -> list[tuple[str, list[Any]]]:
    """Every list of a JSON value with its written path."""
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in lists_in(v, f"{path}.{k}" if path else str(k))]
    if isinstance(value, list):
        return [(path, value)] + [x for v in value for x in lists_in(v, f"{path}[]")]
    return []


def _concept(name: str, context: str | None) -> str:
    """A name's concept, a bare `id` qualified by its container or the endpoint's subject."""
    return concept_of(name, context)


def param_concept(call: Call, param: str, endpoints: Endpoints | None) -> str:
    endpoint = (endpoints or {}).get(call.name)
    declared = next((p.concept for p in endpoint.parameters if p.name == param), None) if endpoint else None
    return declared or _concept(param, subject_noun(slug_of(call.name)))


def field_concept(call: Call, path: str, endpoints: Endpoints | None) -> str:
    endpoint = (endpoints or {}).get(call.name)
    bare = path.replace("[]", "")
    declared = next((f.concept for f in endpoint.response_fields if f.path.replace("[]", "").lstrip(".") == bare),
                    None) if endpoint else None
    parts = bare.split(".")
    container = parts[-2] if len(parts) > 1 and parts[-2] not in GENERIC_CONTAINERS else None
    noun = subject_noun(container) if container else subject_noun(slug_of(call.name))
    return declared or _concept(parts[-1], noun)


def is_service(concept: str) -> bool:
    return concept_scope(concept) is Scope.SERVICE or concept in {"id", "uuid", "guid"}
