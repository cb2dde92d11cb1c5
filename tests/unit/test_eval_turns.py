"""User turns that read an endpoint's name aloud (`turn_debris`, evaluator.prose.read_aloud)."""

from __future__ import annotations

from datagen.evaluator.lineage import calls
from datagen.evaluator.rubric import rubric_issues

from tests.unit.eval_fixtures import FLIGHT, with_output


def _named(slug: str, request: str) -> list[str]:
    """The `turn_debris` messages of FLIGHT with its search renamed `slug` and its request `request`."""
    record = with_output(0, FLIGHT["tool_outputs"][0]["output"], name=f"flight_booking::{slug}",
                         params={"origin": "JFK", "destination": "CDG"})
    record["messages"][0]["content"] = request
    return [i.message for i in rubric_issues(record) if i.kind == "turn_debris"]


def test_an_endpoint_name_said_bare_is_debris_when_long_or_bent() -> None:
    assert _named("rates_stats", "Could you help me rate stats from JFK to CDG and book it for Ada Park?")
    assert _named("get_all_active_stream_infos",
                  "Can you get all active stream infos from JFK to CDG and book it for Ada Park?")


def test_a_verb_and_its_object_is_how_people_ask() -> None:
    assert _named("check_room_availability",
                  "Can you check room availability from JFK to CDG and book it for Ada Park?") == []
    assert _named("rates_stats", "Could you show me rates stats from JFK to CDG and book it for Ada Park?") == []


def test_an_endpoint_name_after_an_article_is_plain_english() -> None:
    assert _named("weekly_schedule", "Get the weekly schedule from JFK to CDG and book it for Ada Park.") == []
    assert _named("list_of_archive_events",
                  "Get a list of archive events from JFK to CDG and book it for Ada Park.") == []
    assert _named("getearningsdate", "Get the earnings date from JFK to CDG and book it for Ada Park.") == []
    assert _named("get_all_active_stream_infos",
                  "Get me all the active stream infos from JFK to CDG and book it for Ada Park.") == []


def test_a_name_read_aloud_counts_only_in_user_turns() -> None:
    record = with_output(0, FLIGHT["tool_outputs"][0]["output"], name="flight_booking::rates_stats",
                         params={"origin": "JFK", "destination": "CDG"})
    record["messages"][1]["content"] = "Let me rate stats."
    assert calls(record)[0].name.endswith("rates_stats")
    assert [i for i in rubric_issues(record) if i.kind == "turn_debris"] == []


def _answer_gates(answer: str) -> list[str]:
    record = with_output(1, FLIGHT["tool_outputs"][1]["output"])
    record["messages"][-1]["content"] = answer
    return [i.message for i in rubric_issues(record) if i.kind == "final_answer_quality"]


def test_a_final_answer_counting_nameless_results_does_not_say_what_came_back() -> None:
    assert _answer_gates("I found 2 results; the top one has booking BK9921 and status confirmed.")
    assert _answer_gates("Booked FL247 with Air Lumen: booking BK9921 is confirmed.") == []
    assert _answer_gates("Booked FL247 with Air Lumen: booking BK9921 is confirmed; I found 2 flights.") == []


def test_a_run_together_name_said_as_words_is_debris() -> None:
    assert _named("searchpropertyforsell",
                  "Can you get all the properties for sell from JFK to CDG and book it for Ada Park?")
    assert _named("searchpropertyforsell",
                  "Can you find homes on sale from JFK to CDG and book it for Ada Park?") == []


def test_a_long_name_joined_by_a_preposition_stays_a_name_after_an_article() -> None:
    assert _named("keyword_search_at_coordinate_point",
                  "Get the keyword search at coordinate point from JFK to CDG and book it for Ada Park.")
    assert _named("keyword_search_at_coordinate_point",
                  "Search the keyword near that point from JFK to CDG and book it for Ada Park.") == []
