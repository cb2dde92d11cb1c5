"""Rubric gates over filters: what a call asked its list to hold, and where its filters came from.

Session 4's readers rejected conversations the earlier gates passed for these, all generic:

- `filter_mismatch` (R3): a list answer whose items contradict the call's own arguments. A range
  end (`minPrice`, `price_max`, `start_date`) read by `core.ordinal` against the items' field of the
  same stem (`price`, `date`) — a sale search with `minPrice` 427 answering homes at 214 — or an
  item's own range ends around its own value (`priceMin` 109 above `price` 70). An equality filter
  on an id (`team_id` 980565) where the items have fields of that concept (`home_team_ID`,
  `away_team_ID`) and none holds the sent value: a schedule "for" a team with a game without it.
- `stuffed_filters` (R2): a call that fills more than one OPTIONAL argument from earlier outputs
  (every field of a pack copied into the packs search as filters), or fills an optional argument
  from one item of an earlier list the user never chose (the first category of an unrelated list).
  A person narrows a search by what they asked for, not by whatever an earlier answer held.
  Optional vs required comes from the registry view; without it the gate is skipped.
"""

from __future__ import annotations

from typing import Any

from datagen.core.ordinal import ordinal
from datagen.evaluator.lineage import Call, calls, loose, sources
from datagen.evaluator.rubric_base import Endpoints, Record, issue, lists_in, param_concept, slug_of
from datagen.evaluator.rubric_links import chosen, list_options
from datagen.evaluator.rubric_values import range_issues
from datagen.evaluator.rubric_words import LOWER_ENDS, NEIGHBOUR_WORDS, RATING_WORDS, ROUTE_ENDS, UPPER_ENDS
from datagen.evaluator.types import Issue
from datagen.registry.naming import concept_of, snake


def range_end(name: str) -> tuple[str, tuple[str, ...]] | None:
    """Which end of a range a name is and of what (`minPrice` → ("low", ("price",))), else None.

    Route ends (`start_lat`, `from_city`) are places, and a bare `from`/`start` names nothing. A rating
    filter (`min_rating` 7) may count on another scale than the items' `rating` (4.2 of 5).
    """
    words = [w for w in snake(name).split("_") if w]
    for i, w in enumerate(words):
        side = "low" if w in LOWER_ENDS else "high" if w in UPPER_ENDS else None
        stem = tuple(words[:i] + words[i + 1:])
        if side and stem and not set(stem) & ROUTE_ENDS and stem[-1] not in RATING_WORDS:
            return side, stem
    return None


def _outside(side: str, bound: Any, value: Any) -> bool:
    """Whether `value` lies beyond the `side` end `bound` (both numbers, or both ISO moments)."""
    a, b = ordinal(bound), ordinal(value)
    if isinstance(a, float) and isinstance(b, float):
        return b < a if side == "low" else b > a
    if isinstance(a, str) and isinstance(b, str):
        return b < a if side == "low" else b > a
    return False


def _stemmed(item: dict[str, Any], stem: tuple[str, ...]) -> tuple[str, Any] | None:
    """The item's scalar field named by exactly the stem's words (`price` for `minPrice`)."""
    return next(((str(k), v) for k, v in item.items() if tuple(w for w in snake(str(k)).split("_") if w) == stem
                 and not isinstance(v, (dict, list, bool))), None)


def _items(call: Call) -> list[tuple[str, dict[str, Any]]]:
    """Every object of every list in a call's output, with its list's path."""
    return [(path, i) for path, value in lists_in(call.output) for i in value if isinstance(i, dict)]


def _beyond(item: dict[str, Any], name: str, bound: Any) -> tuple[str, Any] | None:
    """The item's field that a range end `name` = `bound` bounds, when it lies beyond it."""
    end = range_end(name)
    field = _stemmed(item, end[1]) if end and not isinstance(bound, (dict, list)) else None
    return field if end and field and _outside(end[0], bound, field[1]) else None


def _range_problem(call: Call, items: list[tuple[str, dict[str, Any]]], inverted: bool) -> str | None:
    """The first item beyond a range end the call sent (unless its ends are inverted: `inverted_range`
    tells that), or beyond its own range ends."""
    for param, bound in call.parameters.items() if not inverted else []:
        for path, item in items:
            if field := _beyond(item, param, bound):
                return f"sends {param} = {bound!r}, but '{path}' holds an item with {field[0]} = {field[1]!r}"
    for path, item in items:
        for key, bound in item.items():
            if field := _beyond(item, str(key), bound):
                return f"lists in '{path}' an item whose {field[0]} = {field[1]!r} lies beyond its own {key} = {bound!r}"
    return None


def _sent_ids(value: Any) -> set[str]:
    """The ids a filter sends: one value, or a comma-separated or JSON list of them."""
    parts = value if isinstance(value, list) else str(value).split(",")
    return {loose(p).strip().lower() for p in parts if not isinstance(p, (dict, list)) and str(p).strip()}


def _id_problem(call: Call, items: list[tuple[str, dict[str, Any]]], endpoints: Endpoints | None) -> str | None:
    """An id filter whose concept the items carry (also in roles: `home_team_ID`) in no item holding it."""
    for param, value in call.parameters.items():
        concept = param_concept(call, param, endpoints)
        if not concept.endswith("_id") or value is None or isinstance(value, (bool, dict)):
            continue
        sent = _sent_ids(value)
        fields = [(path, {loose(v).lower() for k, v in item.items() if not isinstance(v, (dict, list))
                          and (concept_of(str(k)) == concept or concept_of(str(k)).endswith("_" + concept))})
                  for path, item in items]
        carried = [(path, held) for path, held in fields if held]
        if carried and not any(held & sent for _, held in carried):
            return f"filters by {param} = {value!r}, but no item of '{carried[0][0]}' holds it in its {concept} fields"
    return None


def filter_issues(record: Record, endpoints: Endpoints | None = None) -> list[Issue]:
    """`filter_mismatch`: a list answer whose items contradict the call's range ends or id filters."""
    inverted = {i.call for i in range_issues(record)}
    found: list[Issue] = []
    for call in calls(record):
        items = _items(call) if call.answered and not (isinstance(call.output, dict) and "error" in call.output) else []
        if not items or any(w in slug_of(call.name).lower() for w in NEIGHBOUR_WORDS):
            continue
        problem = _range_problem(call, items, call.index in inverted) or _id_problem(call, items, endpoints)
        if problem:
            found.append(issue("filter_mismatch", f"call {call.index} ({call.name}) {problem}", call.index))
    return found


def stuffed_issues(record: Record, endpoints: Endpoints | None) -> list[Issue]:
    """`stuffed_filters`: optional arguments filled from earlier outputs the user never pointed at."""
    if endpoints is None:
        return []
    made = {c.index: c for c in calls(record)}
    messages = record.get("messages") or []
    taken: dict[int, list[str]] = {}
    found: list[Issue] = []
    for src in sources(record):
        target, origin = made.get(src.get("call", -1)), made.get(src.get("step", -1))
        endpoint = endpoints.get(target.name) if target is not None else None
        if src.get("source") != "step_output" or target is None or origin is None or endpoint is None:
            continue
        param = str(src.get("param"))
        if next((p.required for p in endpoint.parameters if p.name == param), True):
            continue
        taken.setdefault(target.index, []).append(param)
        options = list_options(origin, str(src.get("field_path") or ""))
        if options >= 2 and not chosen(messages, origin, target, src.get("value")):
            found.append(issue("stuffed_filters", f"call {target.index} ({target.name}) filters by {param} = "
                               f"{src.get('value')!r}, one of {options} items of step {origin.index} the user never "
                               "chose", target.index, param))
    for index, params in taken.items():
        if len(params) > 1:
            found.append(issue("stuffed_filters", f"call {index} ({made[index].name}) fills {len(params)} optional "
                               f"filters from earlier outputs ({', '.join(params[:4])})", index))
    return found
