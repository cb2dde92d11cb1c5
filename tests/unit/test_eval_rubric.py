"""The rubric gates' rules one by one: what a name asks for, filler, debris, links across services.

The end-to-end cases (one corrupted conversation per gate) are in test_eval_judge.py; these pin the
rules' edges, both ways: what must fire and what a clean conversation may say without firing.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from datagen.evaluator.lineage import calls
from datagen.evaluator.prose import debris, final_answer_problems
from datagen.evaluator.rubric import (consistency_issues, hollow_issues, identity_issues, lookup_issues, range_issues,
                                     rubric_issues, scope_issues)
from datagen.evaluator.value_rules import (Expect, described_filler, expect, filler_problem, is_placeholder, own_name_code,
                                          type_problem)
from datagen.registry.models import Endpoint, FieldSource, Parameter, ParamType, ResponseField

from tests.unit.eval_fixtures import FLIGHT, load_records


@pytest.mark.parametrize("name,kind", [
    ("isValid", Expect.BOOLEAN), ("isValidDns", Expect.BOOLEAN), ("has_more", Expect.BOOLEAN),
    ("is_valid_format", Expect.BOOLEAN), ("validFrom", Expect.ANY), ("results[].count", Expect.NUMBER),
    ("size_bytes", Expect.NUMBER), ("num_pages", Expect.NUMBER), ("total_price", Expect.NUMBER),
    ("created_at", Expect.DATE), ("birthDate", Expect.DATE), ("airline", Expect.SHAPED),
    ("timezone", Expect.SHAPED), ("nameEn", Expect.SHAPED), ("cuisine_name", Expect.CATEGORY),
    ("status", Expect.CATEGORY), ("phone_number", Expect.ANY), ("doors_open", Expect.ANY),
])
def test_what_a_name_asks_for(name: str, kind: Expect) -> None:
    assert expect(name) is kind


def test_types_are_strict_in_outputs_and_lenient_in_arguments() -> None:
    assert type_problem("isValid", "coral", output=True) is not None
    assert type_problem("isValid", "true", output=True) is not None
    assert type_problem("isValid", "true", output=False) is None
    assert type_problem("isValid", False, output=True) is None
    assert type_problem("count", "many", output=True) is not None
    assert type_problem("count", "12", output=False) is None and type_problem("count", True, output=True) is not None
    assert type_problem("date", "2026-13-45", output=True) is not None
    assert type_problem("date", "orbit", output=True) is not None
    for fine in ("2026-05-31", "2026-05-31T10:00:00Z", "31/05/2026", "May 31, 2026", 1714000000):
        assert type_problem("date", fine, output=True) is None, fine


@pytest.mark.parametrize("value", ["string", "N/A", "Lorem", "<your api key>", "{value}", "xxxx", "your_token"])
def test_placeholders(value: str) -> None:
    assert is_placeholder(value) and filler_problem("q", value, "", output=False) is not None


def test_lone_words_are_filler_only_where_a_name_or_an_unasked_output_is_expected() -> None:
    assert filler_problem("airline", "orbit", "", output=True) is not None
    assert filler_problem("timezone", "cobalt", "", output=False) is not None
    assert filler_problem("airline", "Air Lumen", "", output=True) is None
    assert filler_problem("timezone", "Europe/Paris", "", output=True) is None
    assert filler_problem("status", "active", "", output=True) is None
    assert filler_problem("amenities[]", "wifi", "", output=True) is None
    assert filler_problem("doors_open", "coral", "", output=True) is not None
    assert filler_problem("doors_open", "coral", "the coral room, please", output=True) is None
    assert filler_problem("doors_open", "coral", "", output=False) is None  # an argument of no stated kind


@given(st.lists(st.sampled_from(["Ada", "Park", "Air", "Lumen", "North", "Gate", "Hotel"]), min_size=1, max_size=4))
def test_capitalised_names_are_never_filler(words: list[str]) -> None:
    assert filler_problem("name", " ".join(words), "", output=True) is None


@pytest.mark.parametrize("text", [
    "Could you share the number (1_ Option: local format:) first?",
    "Let me call get_hotel_details now.",
    "I'll pass the searchContextId along.",
    "See https://docs.example.org/api/v2 for details.",
    "Here is the **result**.",
    "Could you please get the email validate, e.g. for a domain?",
    "Sure, the is valid format is json.",
    "Hey there, I want to get the by source new.",
    "Which one (the first or the second?",
])
def test_debris_in_a_turn(text: str) -> None:
    assert debris(text, calls(FLIGHT), set(), final=False)


@pytest.mark.parametrize("text", [
    "Two flights fit: FL247 with Air Lumen and FL318 with Nordwind. Which one should I book?",
    "I found 2 options: Blue Lantern or Royal Meadow. Which one do you mean?",
    "Booking htl_53876 for you now :)",
    "The hotel's site is https://www.quietwillow.example/rooms, rooms from 93.17 EUR.",
    "Please check flights from JFK to CDG (one way) for 2026-06-10.",
])
def test_plain_turns_are_not_debris(text: str) -> None:
    assert debris(text, calls(FLIGHT), set(), final=False) == []


def test_final_answer_must_quote_the_last_outputs_in_words() -> None:
    made = calls(FLIGHT)
    assert final_answer_problems("Booked FL247: booking BK9921 is confirmed.", made) == []
    assert final_answer_problems("All done, it went through.", made)
    assert final_answer_problems("Done: booking_id BK9921, status confirmed.", made)  # a raw key


def _endpoint(endpoint_id: str, platform: str, param: str, concept: str, fields: list[tuple[str, str]]) -> Endpoint:
    tool, slug = endpoint_id.split("::")
    return Endpoint(id=endpoint_id, tool_id=tool, slug=slug, name=slug, category="Video", rk=1, platform=platform,
                    parameters=[Parameter(name=param, type=ParamType.STRING, required=True, concept=concept)],
                    response_fields=[ResponseField(path=p, name=p.split(".")[-1], type=ParamType.STRING, concept=c,
                                                   source=FieldSource.SCHEMA) for p, c in fields])


def _two_tools(param: str = "flight_id", field_path: str = "flights[].flight_id") -> dict[str, Any]:
    """FLIGHT with its search step moved to another tool; the booking takes `param` from `field_path`."""
    record = copy.deepcopy(FLIGHT)
    new = "fare_finder::search_flights"
    for holder in (record["tool_calls"], record["tool_outputs"]):
        holder[0]["name"] = new
    for m in record["messages"]:
        for c in m.get("tool_calls") or []:
            c["name"] = new if c["name"].endswith("search_flights") else c["name"]
        if m.get("name", "").endswith("search_flights"):
            m["name"] = new
    src = next(s for s in record["metadata"]["argument_sources"] if s["source"] == "step_output")
    src["param"], src["field_path"] = param, field_path
    return record


def _registry(search_platform: str, booking_platform: str) -> dict[str, Endpoint]:
    return {
        "fare_finder::search_flights": _endpoint("fare_finder::search_flights", search_platform, "origin", "airport",
                                                 [("flights[].flight_id", "flight_id")]),
        "flight_booking::book_flight": _endpoint("flight_booking::book_flight", booking_platform, "flight_id",
                                                 "flight_id", [("booking_id", "booking_id")]),
    }


def test_service_ids_cross_only_within_one_platform() -> None:
    record = _two_tools()
    assert [i.kind for i in scope_issues(record, None)] == ["scope_crossing"]  # no registry: another tool, another service
    assert scope_issues(record, _registry("skyline", "skyline")) == []  # both tools wrap one platform
    assert [i.kind for i in scope_issues(record, _registry("skyline", ""))] == ["scope_crossing"]


def test_universal_values_may_travel_between_tools() -> None:
    assert scope_issues(_two_tools("email", "flights[].email"), None) == []
    assert scope_issues(_two_tools("city", "flights[].city"), None) == []


def test_lookup_of_neighbours_may_return_other_ids() -> None:
    record = load_records()[0]
    details = next(c for c in calls(record) if c.name.endswith("get_hotel_details"))
    assert lookup_issues(record, None) == []
    for holder in (record["tool_outputs"][details.index]["output"],):
        holder["hotel_id"] = "htl_00001"
    assert [i.kind for i in lookup_issues(record, None)] == ["lookup_mismatch"]
    renamed = copy.deepcopy(record)
    for c in renamed["tool_calls"]:
        if c["name"].endswith("get_hotel_details"):
            c["name"] = "staynest_hotels::similar_hotels"
    for m in renamed["messages"]:
        for c in m.get("tool_calls") or []:
            if c["name"].endswith("get_hotel_details"):
                c["name"] = "staynest_hotels::similar_hotels"
        if m.get("name", "").endswith("get_hotel_details"):
            m["name"] = "staynest_hotels::similar_hotels"
    assert lookup_issues(renamed, None) == []


def test_clean_fixtures_pass_every_gate() -> None:
    for record in load_records() + [FLIGHT]:
        assert rubric_issues(record) == [], record["conversation_id"]


def test_descriptions_tell_what_an_unnamed_parameter_takes() -> None:
    assert described_filler("The product number, must be in the correct format. Ex: B08QB93S6R", "atlas")
    assert described_filler("JSON payload for the request.", "falcon")
    assert described_filler("the output format required ('xml' or 'json')", "nebula")
    assert described_filler("the output format required ('xml' or 'json')", "json") is None
    assert described_filler("The calendar to use.", "tamil") is None
    assert described_filler("The product number.", "B08QB93S6R") is None


def test_a_default_is_trusted_only_when_the_schema_has_it() -> None:
    record = copy.deepcopy(FLIGHT)
    record["tool_calls"][0]["parameters"]["output"] = "falcon"
    for m in record["messages"]:
        for c in m.get("tool_calls") or []:
            if c["name"].endswith("search_flights"):
                c["parameters"]["output"] = "falcon"
    record["metadata"]["argument_sources"].append({"call": 0, "param": "output", "source": "default", "value": "falcon"})
    search = _endpoint("flight_booking::search_flights", "", "output", "output", [])
    search.parameters[0].description = "Response format: 'json' or 'xml'."
    endpoints = {search.id: search}
    assert [i.kind for i in rubric_issues(record, endpoints)] == ["filler_value"]
    search.parameters[0].default = "falcon"  # now it is the schema's own default
    assert rubric_issues(record, endpoints) == []
    assert rubric_issues(record) == []  # without the registry a default is taken on trust


def test_hollow_answers_are_flagged_but_listings_and_documented_shapes_are_not() -> None:
    record = copy.deepcopy(FLIGHT)
    record["tool_outputs"][1]["output"] = {"booking_id": "BK9921", "name": "Summit Booking", "flight_id": "FL247"}
    assert [i.kind for i in hollow_issues(record, None)] == ["hollow_output"]
    book = _endpoint("flight_booking::book_flight", "", "flight_id", "flight_id", [("booking_id", "booking_id")])
    assert hollow_issues(record, {book.id: book}) == []  # the registry documents exactly that shape
    assert hollow_issues(FLIGHT, None) == []  # a status says something; a list of named items is a listing


def test_one_value_sent_as_two_kinds_of_id() -> None:
    record = copy.deepcopy(FLIGHT)
    made = [c for m in record["messages"] for c in m.get("tool_calls") or []]
    for holder in (made[0], record["tool_calls"][0]):
        holder["parameters"]["trip_id"] = "TR5521"
    for holder in (made[1], record["tool_calls"][1]):
        holder["parameters"]["seat_id"] = "TR5521"
    assert [i.kind for i in identity_issues(record, None)] == ["scope_crossing"]
    for holder in (made[1], record["tool_calls"][1]):
        holder["parameters"]["trip_id"] = holder["parameters"].pop("seat_id")
    assert identity_issues(record, None) == []


def test_a_lookup_of_a_listed_item_keeps_its_name() -> None:
    record = load_records()[0]  # the hotel picked from the search is looked up by its id
    assert consistency_issues(record) == []
    details = next(c.index for c in calls(record) if c.name.endswith("get_hotel_details"))
    record["tool_outputs"][details]["output"]["name"] = "Another Place Hotel"
    assert [i.kind for i in consistency_issues(record)] == ["lookup_mismatch"]
    parallel = load_records()[1]  # the venue id sits in an event item: the event's name is not the venue's
    assert consistency_issues(parallel) == []


def test_run_together_identifiers_are_not_words() -> None:
    assert debris("Next I'll call gettheminimumpaymentamount for you.", calls(FLIGHT), set(), final=False)
    assert final_answer_problems("Done: the gettheminimumpaymentamount id is BK9921.", calls(FLIGHT))
    assert debris("That is an extraordinarily good fare.", calls(FLIGHT), set(), final=False) == []


def test_endpoint_names_read_aloud_are_debris_but_plain_verbs_first_are_not() -> None:
    record = copy.deepcopy(FLIGHT)
    for holder in [record["tool_calls"][1]] + [c for m in record["messages"] for c in m.get("tool_calls") or []][1:]:
        holder["name"] = "flight_booking::email_validate"
    made = calls(record)
    assert debris("Could you please get the email validate?", made, set(), final=False)
    assert debris("Let me search flights and validate the email.", made, set(), final=False) == []


def test_codes_spelt_from_the_field_name_are_filler_but_identifier_codes_are_not() -> None:
    for name, value in [("severity", "SEV-26431"), ("biography", "BIO-47250"), ("photoUrlPreview", "PUP-19964"),
                        ("forecast[].condition", "CON-47716"), ("capital", "CAP-69764")]:
        assert own_name_code(name, value) and filler_problem(name, value, "", output=True), name
    for name, value in [("order_id", "ORD-10001"), ("flight_number", "FLN-1234"), ("severity", "high"),
                        ("section", "Upper 214"), ("condition", "XYZ-12345")]:
        assert own_name_code(name, value) is None, name


def test_a_name_that_is_a_number_is_the_wrong_type() -> None:
    assert type_problem("fare_options[].fare_name", "167.97", output=True)
    assert type_problem("fare_options[].fare_name", "Saver Plus", output=True) is None
    assert type_problem("flight_number", "4512", output=True) is None


def test_ranges_must_run_low_to_high_but_routes_may_run_either_way() -> None:
    record = copy.deepcopy(FLIGHT)
    made = [c for m in record["messages"] for c in m.get("tool_calls") or []]
    for holder in (made[0], record["tool_calls"][0]):
        holder["parameters"].update({"min_price": 420.0, "max_price": "380", "start_lat": 50.1, "end_lat": 40.4})
    assert [i.param for i in range_issues(record)] == ["min_price"]
    for holder in (made[0], record["tool_calls"][0]):
        holder["parameters"].update({"min_price": 300, "dateFrom": "2026-06-14", "dateTo": "2026-06-10"})
    assert [i.param for i in range_issues(record)] == ["dateFrom"]


def test_a_search_by_id_must_return_that_id_and_a_schema_is_not_an_answer() -> None:
    record = load_records()[2]  # hotel search, then details of the hotel found
    details = next(c for c in calls(record) if c.name.endswith("get_hotel_details"))
    for holder in (record["tool_calls"][details.index], record["tool_outputs"][details.index]):
        holder["name"] = "staynest_hotels::search_by_hotel_id"
    for m in record["messages"]:
        for c in m.get("tool_calls") or []:
            c["name"] = c["name"].replace("get_hotel_details", "search_by_hotel_id")
        if m.get("name", "").endswith("get_hotel_details"):
            m["name"] = "staynest_hotels::search_by_hotel_id"
    record["tool_outputs"][details.index]["output"]["hotel_id"] = "htl_00001"
    assert [i.kind for i in lookup_issues(record, None)] == ["lookup_mismatch"]
    schema = copy.deepcopy(FLIGHT)
    schema["tool_outputs"][1]["output"] = {"allOf": [{"type": "object", "additionalProperties": True}]}
    assert [i.kind for i in hollow_issues(schema, None)] == ["hollow_output"]


def test_long_endpoint_names_read_aloud_are_debris() -> None:
    record = copy.deepcopy(FLIGHT)
    for holder in [record["tool_calls"][1]] + [c for m in record["messages"] for c in m.get("tool_calls") or []][1:]:
        holder["name"] = "flight_booking::app_api_ocean_endpoints_point"
    made = calls(record)
    assert debris("Could you get the app api ocean endpoints point for me?", made, set(), final=False)
    assert debris("Could you get the ocean conditions at that point?", made, set(), final=False) == []


def test_well_named_endpoints_may_be_said_in_plain_words() -> None:
    record = copy.deepcopy(FLIGHT)
    for holder in [record["tool_calls"][1]] + [c for m in record["messages"] for c in m.get("tool_calls") or []][1:]:
        holder["name"] = "flight_booking::get_word_of_the_day"
    assert debris("Let me get word of the day for you.", calls(record), set(), final=False) == []


def test_a_documented_answer_that_only_repeats_its_inputs_is_hollow() -> None:
    record = {"messages": [{"role": "user", "content": "Chapter 5 of book 1, please."},
                           {"role": "assistant", "content": "", "tool_calls": [
                               {"name": "bible::get_chapter", "parameters": {"book_id": 1, "chapter_num": 5}}]},
                           {"role": "tool", "name": "bible::get_chapter", "content": '{"book_id": 1, "chapter_num": 5}'},
                           {"role": "assistant", "content": "Chapter 5."}],
              "tool_calls": [{"name": "bible::get_chapter", "parameters": {"book_id": 1, "chapter_num": 5}}],
              "tool_outputs": [{"name": "bible::get_chapter", "output": {"book_id": 1, "chapter_num": 5}}],
              "metadata": {"argument_sources": []}}
    documented = {"bible::get_chapter": Endpoint(
        id="bible::get_chapter", tool_id="bible", slug="get_chapter", name="get_chapter", category="Other", rk=1, parameters=[],
        response_fields=[ResponseField(path=k, name=k, type=ParamType.INTEGER, concept=k, source=FieldSource.SCHEMA)
                         for k in ("book_id", "chapter_num")])}
    assert "hollow_output" in {i.kind for i in rubric_issues(record, documented)}
    record["tool_outputs"][0]["output"] = {"book_id": 1, "chapter_num": 5, "text": "In the beginning ..."}
    assert "hollow_output" not in {i.kind for i in rubric_issues(record, documented)}
