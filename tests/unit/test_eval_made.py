"""The made-up-value gates of the second read-audit (`evaluator.rubric_made`, `default_issues`, user
debris, the final answer that reports only its filing), both ways: what a reader rejects fires, what
a reader accepts does not.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from datagen.evaluator.lineage import calls
from datagen.evaluator.prose import final_answer_problems
from datagen.evaluator.rubric import (default_issues, filler_text_issues, made_name_issues, opaque_code_issues,
                                     range_issues, repeated_item_issues, rubric_issues, text_issues, wordless_issues)
from datagen.evaluator.rubric_made import is_meta_text, opaque_code

from tests.unit.eval_fixtures import FLIGHT, load_records, with_output


@pytest.mark.parametrize("text", ["An offer record from Bangkok, Thailand, last updated 2022.",
                                  "A bio record from Bangkok, Thailand.", "Sales figures, last updated 2019."])
def test_texts_about_a_stored_row_are_filler(text: str) -> None:
    assert is_meta_text(text)


@pytest.mark.parametrize("text", ["The entry fee is waived on Sundays.", "A record-breaking run of nine wins.",
                                  "Operational investment banker based in Bangkok.", "A record", "Great hotel."])
def test_real_descriptions_are_not_filler(text: str) -> None:
    assert not is_meta_text(text)


def test_filler_text_fires_per_call() -> None:
    record = with_output(1, {"booking_id": "BK9921", "status": "confirmed",
                              "description": "A booking record from Oslo, Norway, last updated 2020."})
    assert [i.kind for i in filler_text_issues(record)] == ["filler_text"]
    assert filler_text_issues(FLIGHT) == []


def test_names_glued_to_their_own_kind_are_made_up() -> None:
    out = {"results": [{"review_id": "rvw_1", "name": "Smith Review"}]}
    assert made_name_issues(with_output(0, out, "film_db::get_reviews")) != []
    assert made_name_issues(with_output(0, {"url_id": "u_1", "name": "Wells Url"}, "news::url")) != []
    # the key read aloud as a name
    assert made_name_issues(with_output(0, {"away_pitcher": {"name": "Away pitcher", "era": 3.1}})) != []


@pytest.mark.parametrize("name", ["Grand Hotel", "Central Park", "Sky News", "Duke Energy", "Quiet Willow Review",
                                  "Ada Park", "BBC Review", "Smith PLC"])
def test_real_looking_names_are_not_made_up(name: str) -> None:
    out = {"results": [{"review_id": "rvw_1", "name": name}]}
    assert made_name_issues(with_output(0, out, "film_db::get_reviews")) == []


def test_a_name_the_user_sent_is_not_judged_as_made() -> None:
    record = with_output(0, {"unit_id": "u_1", "name": "Kent Unit"}, "units::get_unit", {"name": "Kent Unit"})
    assert made_name_issues(record) == []


@pytest.mark.parametrize("name,value", [("dimension", "8G23153"), ("suit", "NG62169"), ("book", "L98134"),
                                        ("results[].venue", "C584291"), ("subtypes[]", "FL99928")])
def test_codes_where_a_word_belongs_are_made_up(name: str, value: str) -> None:
    assert opaque_code(name, value)


@pytest.mark.parametrize("name,value", [("flight_id", "FL24789"), ("code", "KX78BT"), ("postcode", "SW1A1AA"),
                                        ("model", "XR5000"), ("flight", "BA2490"), ("google_mid", "B916698"),
                                        ("venue", "Wembley"), ("book", "Genesis"), ("iso6523Code", "0208_0881"),
                                        ("to", "SD17550"), ("symbol", "BTC2USD")])
def test_codes_in_code_fields_and_words_are_fine(name: str, value: str) -> None:
    assert opaque_code(name, value) is None


def test_opaque_code_reads_arguments_and_outputs() -> None:
    record = with_output(0, {"flights": [{"flight_id": "FL247", "airline": "NG62169"}]})
    assert [i.kind for i in opaque_code_issues(record)] == ["opaque_code"]
    record = with_output(0, FLIGHT["tool_outputs"][0]["output"], params={"origin": "JFK", "services": "AV55391"})
    assert [i.kind for i in opaque_code_issues(record)] == ["opaque_code"]
    assert opaque_code_issues(FLIGHT) == []


def test_one_item_listed_twice_under_two_ids() -> None:
    twice = {"results": [{"code": "ZRPKF5", "name": "India"}, {"code": "GGDX6S", "name": "India"}]}
    assert repeated_item_issues(with_output(0, twice, "countries::get_by_code", {"countryCode": "IN"})) != []
    # two branches of one chain, found by a search, are two places
    branches = {"stores": [{"store_id": "s1", "name": "Corner Cafe", "address": "1 Main St"},
                           {"store_id": "s2", "name": "Corner Cafe", "address": "9 Elm St"}]}
    assert repeated_item_issues(with_output(0, branches, "maps::search_places", {"query": "cafe"})) == []
    assert repeated_item_issues(FLIGHT) == []


def test_an_endpoint_named_for_a_text_must_answer_one() -> None:
    hollow = {"review_id": "rvw_1", "name": "Dana Kim", "date": "2026-06-04", "value": 36.21}
    assert [i.kind for i in wordless_issues(with_output(0, hollow, "film_db::get_reviews_of_a_title"))] == ["hollow_output"]
    said = {**hollow, "text": "Slow start, but the last act is worth the wait."}
    assert wordless_issues(with_output(0, said, "film_db::get_reviews_of_a_title")) == []
    rated = {**hollow, "rating": 4.5}
    assert wordless_issues(with_output(0, rated, "film_db::get_reviews_of_a_title")) == []
    assert wordless_issues(with_output(0, {"review_id": "r1", "status": "ok"}, "film_db::submit_review")) == []


def test_a_subject_filled_by_a_default_nobody_gave() -> None:
    record = copy.deepcopy(FLIGHT)
    record["metadata"]["argument_sources"].append({"call": 0, "param": "phone", "source": "default",
                                                   "value": "84394265388"})
    assert [i.kind for i in default_issues(record)] == ["default_subject"]
    settings = copy.deepcopy(FLIGHT)
    settings["metadata"]["argument_sources"] += [{"call": 0, "param": "page", "source": "default", "value": 1},
                                                 {"call": 0, "param": "user", "source": "default", "value": "me"}]
    assert default_issues(settings) == []


def test_user_turns_must_not_speak_like_a_description() -> None:
    record = copy.deepcopy(FLIGHT)
    record["messages"][0]["content"] = "Get the unique name of the pile you want to get information about."
    assert [i.kind for i in text_issues(record)] == ["turn_debris"]
    asked = copy.deepcopy(FLIGHT)
    asked["messages"][3]["content"] += " Do you want to book one of them?"  # an assistant may ask
    assert text_issues(asked) == []


def test_a_final_answer_of_ids_and_storage_times_reports_nothing() -> None:
    record = with_output(1, {"application_id": "app_67", "status": "under review", "updated_at": "2026-03-17"},
                          "jobs::get_application_status", {"application_id": "app_67"})
    made = calls(record)
    assert final_answer_problems("The application id is app_67, updated at 2026-03-17.", made)
    assert final_answer_problems("Application app_67 is under review.", made) == []
    delivered = with_output(1, {"sms_id": "s1", "delivered_at": "2026-07-21"}, "sms::get_status", {"sms_id": "s1"})
    assert final_answer_problems("Delivered at 2026-07-21.", calls(delivered)) == []


def test_a_validity_window_runs_from_before_through() -> None:
    record = with_output(0, FLIGHT["tool_outputs"][0]["output"],
                          params={"validFrom": "2026-07-17", "validThrough": "2026-06-25"})
    assert [i.kind for i in range_issues(record)] == ["inverted_range"]


def test_clean_fixtures_pass_the_new_gates() -> None:
    for record in load_records() + [FLIGHT]:
        assert rubric_issues(record) == [], record["conversation_id"]


def test_a_line_of_chat_is_not_a_definition_but_may_be_a_message() -> None:
    from datagen.evaluator.rubric_made import is_chat_line
    assert is_chat_line("definitions[].definition", "Please confirm the details when you can.")
    assert is_chat_line("alerts[].headline", "Great work on the last release, thanks everyone.")
    assert not is_chat_line("message", "Great work on the last release, thanks everyone.")
    assert not is_chat_line("email.subject", "Looking forward to it, see you soon")
    assert not is_chat_line("definition", "A small domesticated carnivorous mammal.")
    record = with_output(1, {"booking_id": "BK9921", "status": "confirmed",
                              "note": "Please confirm the details when you can."})
    assert [i.kind for i in filler_text_issues(record)] == ["filler_text"]


def test_a_final_answer_of_made_names_and_row_texts_reports_nothing() -> None:
    out = {"review_id": "rvw_1", "name": "Smith Review", "summary": "A review record from Oslo, Norway, last updated 2020."}
    record = with_output(1, out, "film_db::get_review", {"review_id": "rvw_1"})
    answer = "Smith Review: the summary is A review record from Oslo, Norway, last updated 2020. and the id is rvw_1."
    assert final_answer_problems(answer, calls(record))


def test_a_step_nobody_asked_for_and_nobody_uses() -> None:
    from datagen.evaluator.rubric import unasked_issues
    extra = with_output(0, {"chart_id": "c1", "rows": 12}, "flight_booking::get_seating_chart",
                         {"origin": "JFK", "destination": "CDG"})
    extra["metadata"]["argument_sources"] = [s for s in extra["metadata"]["argument_sources"] if s["call"] != 1]
    assert [i.kind for i in unasked_issues(extra)] == ["unasked_step"]
    assert unasked_issues(FLIGHT) == []  # asked for ("flight"), and its answer feeds the booking


def test_a_final_answer_labelled_with_its_own_value_or_denying_the_outputs_fails() -> None:
    record = with_output(1, {"booking_id": "BK9921", "status": "confirmed", "airline": "Air Lumen"})
    made = calls(record)
    assert final_answer_problems("Air Lumen: the airline is Air Lumen, booking BK9921.", made)
    assert final_answer_problems("Booked with Air Lumen (BK9921), it returned nothing to report.", made)
    assert final_answer_problems("Booked with Air Lumen: booking BK9921 is confirmed.", made) == []
    assert final_answer_problems("Booked Air Lumen. Air Lumen confirmed booking BK9921.", made) == []  # two sentences
    flights = with_output(1, {"booking_id": "BK9921", "route": "Air Lumen vs Nordwind", "airline": "Air Lumen"})
    assert final_answer_problems("Booked Air Lumen vs Nordwind, with Air Lumen.", calls(flights)) == []
