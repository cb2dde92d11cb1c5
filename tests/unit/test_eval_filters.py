"""Session 4's gates (`rubric_filters`, `rubric_facts`), both ways: the fault a reader saw fires, the
clean counterpart of the same record does not.
"""

from __future__ import annotations

import copy
from typing import Any

from datagen.evaluator.rubric import fact_issues, filter_issues, rubric_issues, stuffed_issues
from datagen.evaluator.rubric_filters import range_end

from tests.unit.eval_fixtures import FLIGHT, load_records, registry_view, with_output

_FLIGHTS = [{"flight_id": "FL247", "price": 412.5, "airline": "Air Lumen"},
            {"flight_id": "FL318", "price": 380.0, "airline": "Nordwind"}]


def _search(params: dict[str, Any], flights: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    """FLIGHT with the search sent `params` and answering `flights` (plus top-level `extra` fields)."""
    return with_output(0, {"flights": flights or copy.deepcopy(_FLIGHTS), **extra},
                       params={"origin": "JFK", "destination": "CDG", **params})


def test_range_ends_name_what_they_bound() -> None:
    assert range_end("minPrice") == ("low", ("price",)) and range_end("price_max") == ("high", ("price",))
    assert range_end("start_date") == ("low", ("date",))
    for name in ("start_lat", "from_city", "from", "min_rating", "price"):
        assert range_end(name) is None, name


def test_a_list_beyond_the_range_it_was_asked_for_is_a_mismatch() -> None:
    assert [i.kind for i in filter_issues(_search({"max_price": 400}))] == ["filter_mismatch"]
    assert filter_issues(_search({"max_price": 450, "min_price": "350"})) == []
    assert filter_issues(_search({"min_rating": 9})) == []  # a rating filter may count on another scale


def test_an_item_beyond_its_own_range_is_a_mismatch() -> None:
    broken = [{**_FLIGHTS[0], "price_min": 500.0}, _FLIGHTS[1]]
    assert [i.kind for i in filter_issues(_search({}, broken))] == ["filter_mismatch"]
    fine = [{**_FLIGHTS[0], "price_min": 400.0, "price_max": 420}, _FLIGHTS[1]]
    assert filter_issues(_search({}, fine)) == []


def test_an_id_filter_must_hold_in_the_items_also_under_a_role() -> None:
    games = [{"game_id": "gm_1", "home_team_ID": 11, "away_team_ID": 12}, {"game_id": "gm_2", "home_team_ID": 13,
                                                                           "away_team_ID": 14}]
    assert [i.kind for i in filter_issues(_search({"team_id": "15"}, games))] == ["filter_mismatch"]
    assert filter_issues(_search({"team_id": "14"}, games)) == []
    assert filter_issues(_search({"league_id": "15"}, games)) == []  # the items carry no league at all


def test_one_id_with_two_addresses_in_one_list_conflicts() -> None:
    places = [{"place_id": "plc_1", "rank": 3, "address": "1 Elm Street, Oslo"},
              {"place_id": "plc_1", "rank": 9, "address": "7 Oak Road, Oslo"}]
    assert [i.kind for i in fact_issues(_search({}, places))] == ["conflicting_facts"]
    places[1]["address"] = places[0]["address"]  # the same row twice, its rank re-read: not two stories
    assert fact_issues(_search({}, places)) == []


def test_one_id_with_two_categories_across_calls_conflicts() -> None:
    record = with_output(1, {"booking_id": "BK9921", "status": "confirmed",
                             "flights": [{"flight_id": "FL247", "airline": "Nordwind", "carrier_id": "cr_2"}]})
    record["tool_outputs"][0]["output"] = {"flights": [{**_FLIGHTS[0], "carrier_id": "cr_1"}]}
    assert {i.kind for i in fact_issues(record)} == {"conflicting_facts"}
    record["tool_outputs"][1]["output"]["flights"][0]["carrier_id"] = "cr_1"
    assert fact_issues(record) == []  # `airline` is no identity attribute; the carrier now agrees


def test_an_answer_about_the_id_it_was_sent_must_agree_with_earlier_answers_about_it() -> None:
    record = with_output(1, {"game_name": "The Silver Promise"}, params={"user_id": "usr_1", "passenger": "Ada Park"})
    record["tool_outputs"][0]["output"] = {"id": "st_1", "user_id": "usr_1", "game_name": "The Peru Window",
                                           "viewer_count": 57}
    made = [c for m in record["messages"] for c in m.get("tool_calls") or []]
    record["tool_calls"][0]["parameters"] = made[0]["parameters"] = {"user_id": "usr_1"}
    assert [i.kind for i in fact_issues(record)] == ["conflicting_facts"]
    record["tool_outputs"][1]["output"] = {"game_name": "The Peru Window", "viewer_count": 58}
    assert fact_issues(record) == []


def test_a_server_clock_may_not_run_backwards_or_jump_days() -> None:
    record = with_output(1, {"booking_id": "BK9921", "status": "confirmed", "time_now": "2026-03-13T17:00:00Z"})
    record["tool_outputs"][0]["output"] = {"flights": _FLIGHTS, "time_now": "2026-03-13T17:30:00Z"}
    assert [i.kind for i in fact_issues(record)] == ["conflicting_facts"]
    record["tool_outputs"][1]["output"]["time_now"] = "2026-07-20T17:30:00Z"
    assert [i.kind for i in fact_issues(record)] == ["conflicting_facts"]
    record["tool_outputs"][1]["output"]["time_now"] = "2026-03-13T17:31:00Z"
    assert fact_issues(record) == []


def _booking_with(extra: dict[str, Any], field_of: dict[str, str]) -> dict[str, Any]:
    record = copy.deepcopy(FLIGHT)
    for holder in [record["tool_calls"][1]] + [c for m in record["messages"] for c in m.get("tool_calls") or []][1:]:
        holder["parameters"].update(extra)
    record["metadata"]["argument_sources"] += [{"call": 1, "param": k, "source": "step_output", "value": v, "step": 0,
                                                "field_path": f"flights[].{field_of[k]}"} for k, v in extra.items()]
    return record


def test_optional_filters_copied_from_earlier_outputs_are_stuffed() -> None:
    stuffed = _booking_with({"airline": "Air Lumen", "price": 412.5}, {"airline": "airline", "price": "price"})
    assert [i.kind for i in stuffed_issues(stuffed, registry_view(stuffed))] == ["stuffed_filters"]
    assert stuffed_issues(stuffed, None) == []  # without the registry nobody knows which are optional
    one = _booking_with({"airline": "Air Lumen"}, {"airline": "airline"})  # of the flight the user chose
    assert stuffed_issues(one, registry_view(one)) == []
    unchosen = _booking_with({"airline": "Nordwind"}, {"airline": "airline"})  # of the flight nobody chose
    assert [i.kind for i in stuffed_issues(unchosen, registry_view(unchosen))] == ["stuffed_filters"]
    assert stuffed_issues(FLIGHT, registry_view(FLIGHT)) == []


def test_clean_fixtures_pass_the_new_gates_with_their_registry_view() -> None:
    for record in load_records() + [FLIGHT]:
        assert rubric_issues(record, registry_view(record)) == [], record["conversation_id"]
