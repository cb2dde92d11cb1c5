"""Records and corruptions shared by the evaluator tests (no server, no generator run).

`records.jsonl` holds three valid records in the format of `datagen.generator.record` (a hotel chain
with a clarification, a parallel event lookup, a two-step hotel search), frozen so the evaluator
tests do not depend on the generator's current output. `FLIGHT` is a small hand-written record in
the product spec's example domain, for the exact `inspect --verbose` output.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
Record = dict[str, Any]


def load_records() -> list[Record]:
    """The three frozen valid records."""
    return [json.loads(line) for line in (FIXTURES / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, records: list[Record]) -> Path:
    """Write records as JSONL and return the path."""
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


_SEARCH_OUT = {"flights": [{"flight_id": "FL247", "price": 412.5, "airline": "Air Lumen"},
                           {"flight_id": "FL318", "price": 380.0, "airline": "Nordwind"}]}
_BOOK_OUT = {"booking_id": "BK9921", "status": "confirmed"}

FLIGHT: Record = {
    "conversation_id": "conv_7_0001",
    "messages": [
        {"role": "user", "content": "Find me a flight from JFK to CDG and book the first one for Ada Park."},
        {"role": "assistant", "content": "Searching flights from JFK to CDG.",
         "tool_calls": [{"name": "flight_search::search_flights", "parameters": {"origin": "JFK", "destination": "CDG"}}]},
        {"role": "tool", "name": "flight_search::search_flights", "content": json.dumps(_SEARCH_OUT)},
        {"role": "assistant", "content": "Booking flight FL247 now.",
         "tool_calls": [{"name": "flight_booking::book_flight", "parameters": {"flight_id": "FL247", "passenger": "Ada Park"}}]},
        {"role": "tool", "name": "flight_booking::book_flight", "content": json.dumps(_BOOK_OUT)},
        {"role": "assistant", "content": "Booked FL247 with Air Lumen: booking BK9921 is confirmed."},
    ],
    "tool_calls": [
        {"name": "flight_search::search_flights", "parameters": {"origin": "JFK", "destination": "CDG"}},
        {"name": "flight_booking::book_flight", "parameters": {"flight_id": "FL247", "passenger": "Ada Park"}},
    ],
    "tool_outputs": [
        {"name": "flight_search::search_flights", "output": _SEARCH_OUT},
        {"name": "flight_booking::book_flight", "output": _BOOK_OUT},
    ],
    "judge_scores": None,
    "passed": None,
    "metadata": {
        "conversation_id": "conv_7_0001", "seed": 7, "tool_ids_used": ["flight_search", "flight_booking"],
        "num_turns": 6, "num_clarification_questions": 0, "memory_grounding_rate": 1.0,
        "corpus_memory_enabled": True, "pattern_type": "search_then_action", "sampling_mode": "sequential",
        "domain": "Travel", "endpoint_ids": ["flight_search::search_flights", "flight_booking::book_flight"],
        "num_tool_calls": 2, "num_distinct_tools": 2,
        "argument_sources": [
            {"call": 0, "param": "origin", "source": "user", "value": "JFK"},
            {"call": 0, "param": "destination", "source": "user", "value": "CDG"},
            {"call": 1, "param": "flight_id", "source": "step_output", "value": "FL247", "step": 0,
             "field_path": "flights[].flight_id"},
            {"call": 1, "param": "passenger", "source": "user", "value": "Ada Park"},
        ],
        "grounded_argument_count": 1, "mock_fallback_count": 0, "grounding_warnings": [],
        "conversation_seed": 1234, "attempt": 0, "build_id": "build_fixture", "run_id": "run_fixture",
    },
}


def _calls_in_messages(record: Record) -> list[dict[str, Any]]:
    return [c for m in record["messages"] if m["role"] == "assistant" for c in m.get("tool_calls") or []]


def _grounded(record: Record) -> dict[str, Any]:
    return next(s for s in record["metadata"]["argument_sources"] if s["source"] == "step_output")


def swap_grounded_id(record: Record) -> Record:
    """A grounded id replaced by one no tool returned (the lineage records the swapped value too)."""
    r = copy.deepcopy(record)
    src = _grounded(r)
    for calls in (_calls_in_messages(r), r["tool_calls"]):
        calls[src["call"]]["parameters"][src["param"]] = "zzz_99999"
    src["value"] = "zzz_99999"
    return r


def drop_final_answer(record: Record) -> Record:
    """The closing assistant message removed."""
    r = copy.deepcopy(record)
    r["messages"].pop()
    r["metadata"]["num_turns"] = len(r["messages"])
    return r


def remove_required_argument(record: Record) -> Record:
    """A required (grounded) argument dropped from the call; its lineage entry says it was sent."""
    r = copy.deepcopy(record)
    src = _grounded(r)
    for calls in (_calls_in_messages(r), r["tool_calls"]):
        del calls[src["call"]]["parameters"][src["param"]]
    return r


def drop_tool_message(record: Record) -> Record:
    """The first tool message removed (its call is never answered)."""
    r = copy.deepcopy(record)
    first = next(i for i, m in enumerate(r["messages"]) if m["role"] == "tool")
    del r["messages"][first]
    r["metadata"]["num_turns"] = len(r["messages"])
    return r


def swap_user_assistant(record: Record) -> Record:
    """The first user turn and the assistant turn after it change places."""
    r = copy.deepcopy(record)
    r["messages"][0], r["messages"][1] = r["messages"][1], r["messages"][0]
    return r


# corruption → (the dimension that must drop below the threshold, the gate that must fail)
CORRUPTIONS = {
    "grounded id swapped": (swap_grounded_id, "tool_correctness", "tool_correctness_floor"),
    "final answer dropped": (drop_final_answer, "task_completion", "task_completion_floor"),
    "required argument removed": (remove_required_argument, "tool_correctness", "tool_correctness_floor"),
    "tool message missing": (drop_tool_message, "tool_correctness", "validator"),
    "user and assistant swapped": (swap_user_assistant, "naturalness", "naturalness_floor"),
}
