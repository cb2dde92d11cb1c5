"""Records and corruptions shared by the evaluator tests (no server, no generator run).

`records.jsonl` holds three valid records in the format of `datagen.core.record` (a hotel chain
with a clarification and a room the user picks, a parallel event lookup, a two-step hotel search),
frozen so the evaluator tests do not depend on the generator's current output; they pass every
rubric gate (`evaluator.rubric`). `FLIGHT` is a small hand-written record in
the product spec's example domain, for the exact `inspect --verbose` output.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from datagen.evaluator.rubric_filters import range_end
from datagen.evaluator.value_rules import Expect, expect
from datagen.registry.models import Endpoint, Parameter, ParamType

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
        {"role": "user", "content": "Find me a flight from JFK to CDG and book it for Ada Park."},
        {"role": "assistant", "content": "Searching flights from JFK to CDG.",
         "tool_calls": [{"name": "flight_booking::search_flights", "parameters": {"origin": "JFK", "destination": "CDG"}}]},
        {"role": "tool", "name": "flight_booking::search_flights", "content": json.dumps(_SEARCH_OUT)},
        {"role": "assistant", "content": "Two flights fit: FL247 with Air Lumen at 412.50 and FL318 with Nordwind at 380.00. "
                                         "Which one should I book?"},
        {"role": "user", "content": "FL247, please."},
        {"role": "assistant", "content": "Booking flight FL247 now.",
         "tool_calls": [{"name": "flight_booking::book_flight", "parameters": {"flight_id": "FL247", "passenger": "Ada Park"}}]},
        {"role": "tool", "name": "flight_booking::book_flight", "content": json.dumps(_BOOK_OUT)},
        {"role": "assistant", "content": "Booked FL247 with Air Lumen: booking BK9921 is confirmed."},
    ],
    "tool_calls": [
        {"name": "flight_booking::search_flights", "parameters": {"origin": "JFK", "destination": "CDG"}},
        {"name": "flight_booking::book_flight", "parameters": {"flight_id": "FL247", "passenger": "Ada Park"}},
    ],
    "tool_outputs": [
        {"name": "flight_booking::search_flights", "output": _SEARCH_OUT},
        {"name": "flight_booking::book_flight", "output": _BOOK_OUT},
    ],
    "judge_scores": None,
    "passed": None,
    "metadata": {
        "conversation_id": "conv_7_0001", "seed": 7, "tool_ids_used": ["flight_booking"],
        "num_turns": 8, "num_clarification_questions": 0, "memory_grounding_rate": 1.0,
        "corpus_memory_enabled": True, "pattern_type": "search_then_action", "sampling_mode": "sequential",
        "domain": "Travel", "endpoint_ids": ["flight_booking::search_flights", "flight_booking::book_flight"],
        "num_tool_calls": 2, "num_distinct_tools": 1,
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


def call_record(conversation_id: str, request: str, made: list[dict[str, Any]], answers: list[Any], final: str,
                sources: list[dict[str, Any]], saying: str = "One moment.") -> Record:
    """A record of one user request, these calls each announced with `saying` and answered in turn,
    and a final answer; `sources` are its argument sources."""
    messages: list[dict[str, Any]] = [{"role": "user", "content": request}]
    for call, answer in zip(made, answers):
        messages += [{"role": "assistant", "content": saying, "tool_calls": [call]},
                     {"role": "tool", "name": call["name"], "content": json.dumps(answer)}]
    messages.append({"role": "assistant", "content": final})
    return {"conversation_id": conversation_id, "messages": messages, "tool_calls": made,
            "tool_outputs": [{"name": c["name"], "output": a} for c, a in zip(made, answers)],
            "metadata": {"argument_sources": sources}}


def with_output(call: int, output: Any, name: str | None = None, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """FLIGHT with one call's output (and optionally its endpoint name and arguments) replaced."""
    record = copy.deepcopy(FLIGHT)
    old = record["tool_calls"][call]["name"]
    new = name or old
    made = [c for m in record["messages"] for c in m.get("tool_calls") or []]
    for holder in (record["tool_calls"][call], record["tool_outputs"][call], made[call]):
        holder["name"] = new
    if params is not None:
        record["tool_calls"][call]["parameters"] = made[call]["parameters"] = params
    record["tool_outputs"][call]["output"] = output
    tools = [m for m in record["messages"] if m["role"] == "tool"]
    tools[call]["name"] = new
    return record


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


# --- One corruption per rubric gate (datagen.evaluator.rubric) ------------------------------------
# Each returns None when the record has no place for it (no action step, no lookup …).

def _rename_everywhere(r: Record, old: str, new: str) -> None:
    """Rename one endpoint in the messages, tool_calls, tool_outputs and metadata, consistently."""
    for m in r["messages"]:
        if m.get("name") == old:
            m["name"] = new
        for c in m.get("tool_calls") or []:
            if c["name"] == old:
                c["name"] = new
    for c in r["tool_calls"] + r["tool_outputs"]:
        if c["name"] == old:
            c["name"] = new
    meta = r["metadata"]
    meta["endpoint_ids"] = [new if e == old else e for e in meta["endpoint_ids"]]
    meta["tool_ids_used"] = list(dict.fromkeys(e.split("::", 1)[0] for e in meta["endpoint_ids"]))
    meta["num_distinct_tools"] = len(meta["tool_ids_used"])


def _set_output(r: Record, call: int, output: Any) -> None:
    """Replace one call's output in tool_outputs and in its tool message."""
    name = r["tool_calls"][call]["name"]
    old = r["tool_outputs"][call]["output"]
    r["tool_outputs"][call]["output"] = output
    message = next(m for m in r["messages"] if m["role"] == "tool" and m.get("name") == name
                   and json.loads(m["content"]) == old)
    message["content"] = json.dumps(output)


def _grounding_values(r: Record) -> set[str]:
    return {str(s.get("value")) for s in r["metadata"]["argument_sources"]}


def id_to_another_tool(record: Record) -> Record | None:
    """scope_crossing: the step that receives a grounded id now belongs to another tool."""
    r = copy.deepcopy(record)
    src = _grounded(r)
    old = r["tool_calls"][src["call"]]["name"]
    _rename_everywhere(r, old, "unrelated_service::" + old.split("::", 1)[1])
    return r


_PAIRS = (("check_in", "check_out"), ("start_date", "end_date"), ("min_price", "max_price"))


def range_swapped(record: Record) -> Record | None:
    """inverted_range: the two ends of a range sent the wrong way round (check-out before check-in)."""
    r = copy.deepcopy(record)
    made = [c for m in r["messages"] for c in m.get("tool_calls") or []]
    for index, call in enumerate(r["tool_calls"]):
        pair = next((p for p in _PAIRS if set(p) <= set(call["parameters"])), None)
        if pair is None:
            continue
        low, high = call["parameters"][pair[0]], call["parameters"][pair[1]]
        for holder in (call, made[index]):
            holder["parameters"][pair[0]], holder["parameters"][pair[1]] = high, low
        for src in r["metadata"]["argument_sources"]:
            if src["call"] == index and src["param"] in pair:
                src["value"] = high if src["param"] == pair[0] else low
        return r
    return None


def _first_leaf(value: Any, wanted: Any, path: str = "") -> tuple[list[Any], Any] | None:
    """The container and key of the first leaf whose (path, value) `wanted` accepts."""
    items: list[tuple[Any, Any]] = list(value.items()) if isinstance(value, dict) else \
        list(enumerate(value)) if isinstance(value, list) else []
    for key, child in items:
        sub = f"{path}.{key}" if isinstance(value, dict) else f"{path}[]"
        if isinstance(child, (dict, list)):
            found = _first_leaf(child, wanted, sub)
            if found:
                return found
        elif wanted(sub.lstrip("."), child):
            return [value], key
    return None


def _scalars(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _scalars(v)]
    if isinstance(value, list):
        return [x for v in value for x in _scalars(v)]
    return [value]


def _corrupt_leaf(record: Record, wanted: Any, new: Any) -> Record | None:
    r = copy.deepcopy(record)
    # Leave alone what other steps rely on: grounded values, and values a later lookup repeats.
    seen = [str(v) for out in r["tool_outputs"] for v in _scalars(out["output"])]
    keep = _grounding_values(r) | {v for v in seen if seen.count(v) > 1}
    for call, out in enumerate(r["tool_outputs"]):
        output = copy.deepcopy(out["output"])
        found = _first_leaf(output, lambda p, v: wanted(p, v) and str(v) not in keep)
        if found:
            (holder,), key = found
            holder[key] = new
            _set_output(r, call, output)
            return r
    return None


def name_to_filler(record: Record) -> Record | None:
    """filler_value: a returned name (or airline, city …) becomes a lone common word."""
    return _corrupt_leaf(record, lambda p, v: isinstance(v, str) and " " in v and expect(p) is Expect.SHAPED, "orbit")


def number_to_word(record: Record) -> Record | None:
    """wrong_type: a returned price, count or coordinate becomes a word."""
    return _corrupt_leaf(record, lambda p, v: isinstance(v, (int, float)) and expect(p) is Expect.NUMBER,
                         "plenty")


def lookup_answers_another(record: Record) -> Record | None:
    """lookup_mismatch: a call given an id answers with another id of the same kind."""
    r = copy.deepcopy(record)
    for call, out in enumerate(r["tool_outputs"]):
        params = r["tool_calls"][call]["parameters"]
        output = out["output"]
        key = next((k for k in params if k.endswith("_id") and isinstance(output, dict)), None)
        if key is None:
            continue
        changed = {**output, key: "zzz_00001"}
        _set_output(r, call, changed)
        return r
    return None


def hollow_answer(record: Record) -> Record | None:
    """hollow_output: the last single-object answer shrinks to its ids, a name and the inputs echoed."""
    r = copy.deepcopy(record)
    for call in reversed(range(len(r["tool_outputs"]))):
        output = r["tool_outputs"][call]["output"]
        if not isinstance(output, dict) or any(isinstance(v, list) and len(v) > 1 for v in output.values()):
            continue
        hollow = {k: v for k, v in output.items() if k.endswith("_id")}
        hollow["name"] = output.get("name", "Harbour Lights")
        _set_output(r, call, {**hollow, **r["tool_calls"][call]["parameters"]})
        return r
    return None


def debris_in_turn(record: Record) -> Record:
    """turn_debris: description residue pasted into the first assistant turn."""
    r = copy.deepcopy(record)
    turn = next(m for m in r["messages"] if m["role"] == "assistant")
    turn["content"] += " Could you share the number (1_ Option: local format:) first?"
    return r


def choice_removed(record: Record) -> Record | None:
    """unchosen_action: the user's pick between a list and the action on one item is cut out."""
    r = copy.deepcopy(record)
    messages = r["messages"]
    picks = [i for i in range(1, len(messages) - 1) if messages[i]["role"] == "user"
             and messages[i - 1]["role"] == "assistant" and not messages[i - 1].get("tool_calls")
             and any(m["role"] == "tool" for m in messages[:i])]
    if not picks:
        return None
    del messages[picks[0] - 1:picks[0] + 1]
    r["metadata"]["num_turns"] = len(messages)
    return r


def answer_ignores_outputs(record: Record) -> Record:
    """final_answer_quality: the final answer reports nothing the last step returned."""
    r = copy.deepcopy(record)
    r["messages"][-1]["content"] = "All done, that went through. Anything else?"
    return r


def subject_from_default(record: Record) -> Record:
    """default_subject: the first call gains a phone number nobody gave, filled from a default."""
    r = copy.deepcopy(record)
    made = [c for m in r["messages"] for c in m.get("tool_calls") or []]
    for holder in (r["tool_calls"][0], made[0]):
        holder["parameters"]["phone"] = "+44 20 7946 0958"
    r["metadata"]["argument_sources"].append({"call": 0, "param": "phone", "source": "default",
                                              "value": "+44 20 7946 0958"})
    return r


def meta_description(record: Record) -> Record | None:
    """filler_text: the first object answer gains a description of its row, not of the thing."""
    r = copy.deepcopy(record)
    for call, out in enumerate(r["tool_outputs"]):
        if isinstance(out["output"], dict):
            _set_output(r, call, {**out["output"], "description": "A listing record from Lisbon, Portugal, "
                                                                   "last updated 2021."})
            return r
    return None


def _id_kind(item: dict[str, Any]) -> str | None:
    key = next((k for k in item if k.endswith("_id") and k != "hotel_id"), None)
    return key[:-3].split("_")[-1] if key else None


def name_from_kind(record: Record) -> Record | None:
    """made_name: a returned item's name becomes a surname glued to its own kind ("Moreno Event")."""
    def named(p: str, v: Any) -> bool:
        return p.split(".")[-1] in ("name", "room_name", "tier_name") and isinstance(v, str)
    r = copy.deepcopy(record)
    seen = [str(v) for out in r["tool_outputs"] for v in _scalars(out["output"])]
    said = " ".join(m["content"] for m in r["messages"] if m["role"] == "user")
    keep = _grounding_values(r) | {v for v in seen if seen.count(v) > 1 or v in said}
    for call, out in enumerate(r["tool_outputs"]):
        output = copy.deepcopy(out["output"])
        items = [i for i in _objects(output) if _id_kind(i) and any(named(k, v) and str(v) not in keep
                                                                     for k, v in i.items())]
        if items:
            key = next(k for k, v in items[0].items() if named(k, v) and str(v) not in keep)
            items[0][key] = f"Moreno {str(_id_kind(items[0])).capitalize()}"
            _set_output(r, call, output)
            return r
    return None


def _objects(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value] + [o for v in value.values() for o in _objects(v)]
    if isinstance(value, list):
        return [o for v in value for o in _objects(v)]
    return []


def word_to_code(record: Record) -> Record | None:
    """opaque_code: a returned name, airline or address becomes a letters-and-digits code."""
    return _corrupt_leaf(record, lambda p, v: isinstance(v, str) and " " in v and expect(p) is Expect.SHAPED,
                         "NG62169")


def item_listed_twice(record: Record) -> Record | None:
    """repeated_item: a lookup's list of named items (no places) names its second item as its first."""
    r = copy.deepcopy(record)
    for call in reversed(range(len(r["tool_outputs"]))):
        output = copy.deepcopy(r["tool_outputs"][call]["output"])
        lists = [v for o in _objects(output) for v in o.values()
                 if isinstance(v, list) and len(v) > 1 and all(isinstance(i, dict) for i in v)
                 and not any(k in i for i in v for k in ("city", "address", "latitude"))]
        key = next((k for k in lists[-1][0] if k.endswith("name")), None) if lists else None
        if key:
            lists[-1][1][key] = lists[-1][0][key]
            _set_output(r, call, output)
            return r
    return None


def step_nobody_asked(record: Record) -> Record | None:
    """unasked_step: a call whose answer nothing uses becomes one about a thing nobody mentioned."""
    r = copy.deepcopy(record)
    feeding = {s.get("step") for s in r["metadata"]["argument_sources"] if s["source"] == "step_output"}
    told = " ".join(m["content"] for m in r["messages"] if m["role"] == "assistant" and not m.get("tool_calls"))
    for index, call in enumerate(r["tool_calls"]):
        if index in feeding or any(str(v) in told for v in _scalars(r["tool_outputs"][index]["output"])):
            continue
        _rename_everywhere(r, call["name"], call["name"].split("::")[0] + "::get_seating_chart")
        return r
    return None


def _listed(output: Any) -> list[dict[str, Any]]:
    """Every object held in a list of an output."""
    return [item for o in _objects(output) for v in o.values() if isinstance(v, list) for item in v if isinstance(item, dict)]


def item_beyond_its_range(record: Record) -> Record | None:
    """A listed item gets an upper end of its own amount below that amount (`max_price` 206 for a 412 flight)."""
    r = copy.deepcopy(record)
    for n, out in enumerate(r["tool_outputs"]):
        new = copy.deepcopy(out["output"])
        for item in _listed(new):
            key = next((k for k, v in item.items() if isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0
                        and range_end(f"max_{k}")), None)
            if key:
                item[f"max_{key}"] = round(item[key] / 2, 2)
                _set_output(r, n, new)
                return r
    return None


def one_id_two_names(record: Record) -> Record | None:
    """A list holds one id twice, under two names (one row cannot be called two things)."""
    r = copy.deepcopy(record)
    for n, out in enumerate(r["tool_outputs"]):
        new = copy.deepcopy(out["output"])
        for o in _objects(new):
            for v in o.values():
                named = [i for i in v if isinstance(i, dict) and isinstance(i.get("name"), str)] if isinstance(v, list) else []
                if named and any(k.endswith("_id") for k in named[0]):
                    v.append({**named[0], "name": "Northern " + named[0]["name"]})
                    _set_output(r, n, new)
                    return r
    return None


def filters_from_outputs(record: Record) -> Record | None:
    """The booking also filters by the chosen flight's airline and price, two optional arguments nobody asked for."""
    if record["conversation_id"] != FLIGHT["conversation_id"]:
        return None
    r = copy.deepcopy(record)
    extra = {"airline": "Air Lumen", "price": 412.5}
    for holder in [r["tool_calls"][1]] + _calls_in_messages(r)[1:]:
        holder["parameters"].update(extra)
    r["metadata"]["argument_sources"] += [{"call": 1, "param": k, "source": "step_output", "value": v, "step": 0,
                                           "field_path": f"flights[].{k}"} for k, v in extra.items()]
    return r


def payload_copied(record: Record) -> Record | None:
    """copied_answer: the closing action answers with the first call's payload, word for word."""
    r = copy.deepcopy(record)
    first, last = r["tool_calls"][0]["name"], r["tool_calls"][-1]["name"]
    if len(r["tool_calls"]) < 2 or first == last or not any(v in last for v in ("book", "reserve")):
        return None
    _set_output(r, len(r["tool_calls"]) - 1, copy.deepcopy(r["tool_outputs"][0]["output"]))
    return r


def code_named_by_itself(record: Record) -> Record | None:
    """code_as_name: a call sent a capitals-and-digits id answers that id as the thing's name."""
    r = copy.deepcopy(record)
    for n, call in enumerate(r["tool_calls"]):
        out = r["tool_outputs"][n]["output"]
        for param, value in call["parameters"].items():
            if param.endswith("_id") and isinstance(value, str) and value.isupper() and isinstance(out, dict):
                _set_output(r, n, {**out, f"{param[:-3]}_name": value})
                return r
    return None


_TYPES = {bool: ParamType.BOOLEAN, int: ParamType.INTEGER, float: ParamType.NUMBER}


def registry_view(record: Record, optional: frozenset[str] = frozenset({"airline", "price"})) -> dict[str, Endpoint]:
    """A registry view of the record's own calls: each argument sent is declared, required unless in `optional`."""
    view: dict[str, Endpoint] = {}
    for call in record["tool_calls"]:
        tool, slug = call["name"].split("::")
        params = [Parameter(name=k, type=_TYPES.get(type(v), ParamType.STRING), required=k not in optional, concept=k)
                  for k, v in call["parameters"].items()]
        view[call["name"]] = Endpoint(id=call["name"], tool_id=tool, slug=slug, name=slug, category="Travel", rk=1,
                                      platform=tool, parameters=params, response_fields=[])
    return view


def _flight_only(record: Record) -> Record | None:
    return copy.deepcopy(record) if record["conversation_id"] == FLIGHT["conversation_id"] else None


def legs_out_of_order(record: Record) -> Record | None:
    """timeline_order: the chosen flight's second leg departs before its first."""
    r = _flight_only(record)
    if r is None:
        return None
    new = copy.deepcopy(r["tool_outputs"][0]["output"])
    new["flights"][0]["legs"] = [{"number": 1, "departs_at": "2026-06-02T10:00:00Z"},
                                 {"number": 2, "departs_at": "2026-06-02T08:15:00Z"}]
    _set_output(r, 0, new)
    return r


def booking_two_moments(record: Record) -> Record | None:
    """timestamp_mismatch: the booking was created (epoch) seven weeks before its own timestamp says."""
    r = _flight_only(record)
    if r is None:
        return None
    _set_output(r, 1, {**r["tool_outputs"][1]["output"], "created_at": 1775000000, "timestamp": "2026-05-25T09:00:00Z"})
    return r


def one_fleet_two_sizes(record: Record) -> Record | None:
    """count_mismatch: both flights fly for one fleet, said to hold 40 planes and 55."""
    r = _flight_only(record)
    if r is None:
        return None
    new = copy.deepcopy(r["tool_outputs"][0]["output"])
    for flight, size in zip(new["flights"], (40, 55)):
        flight.update({"fleet_id": "FLT7", "fleet_size": size})
    _set_output(r, 0, new)
    return r


def answer_with_labels(record: Record) -> Record | None:
    """field_label_answer: the final answer reads the status field out as a capitalised label."""
    r = _flight_only(record)
    if r is None:
        return None
    r["messages"][-1]["content"] = "Booked FL247 with Air Lumen, Status confirmed: booking BK9921."
    return r


# rubric gate → the corruption that must fail on it (and on no other rubric gate)
RUBRIC_CORRUPTIONS = {
    "unasked_step": step_nobody_asked,
    "scope_crossing": id_to_another_tool,
    "default_subject": subject_from_default,
    "inverted_range": range_swapped,
    "wrong_type": number_to_word,
    "filler_value": name_to_filler,
    "filler_text": meta_description,
    "made_name": name_from_kind,
    "opaque_code": word_to_code,
    "lookup_mismatch": lookup_answers_another,
    "repeated_item": item_listed_twice,
    "hollow_output": hollow_answer,
    "turn_debris": debris_in_turn,
    "filter_mismatch": item_beyond_its_range,
    "conflicting_facts": one_id_two_names,
    "timeline_order": legs_out_of_order,
    "timestamp_mismatch": booking_two_moments,
    "count_mismatch": one_fleet_two_sizes,
    "field_label_answer": answer_with_labels,
    "stuffed_filters": filters_from_outputs,
    "copied_answer": payload_copied,
    "code_as_name": code_named_by_itself,
    "unchosen_action": choice_removed,
    "final_answer_quality": answer_ignores_outputs,
}
# rubric gates that read the registry view (optional vs required): their cases are judged with it
RUBRIC_REGISTRY = {"stuffed_filters": registry_view}
