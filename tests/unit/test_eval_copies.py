"""`copied_answer` and `code_as_name` (evaluator.rubric_copies): answers that copy instead of answering."""

from __future__ import annotations

import copy
from typing import Any

from datagen.evaluator.rubric import rubric_issues

from tests.unit.eval_fixtures import FLIGHT, call_record, with_output

_EVENTS = {"sport_id": 1, "events": [{"event_id": 947040, "home": "Dubai Wolves", "away": "Madrid Falcons",
                                      "starts": "2026-03-02"},
                                     {"event_id": 260770, "home": "Cape Town Hawks", "away": "Vienna Hawks",
                                      "starts": "2026-04-20"}]}


def _gates(record: dict[str, Any]) -> set[str]:
    return {i.kind for i in rubric_issues(record)}


def _two_lists(first: str, second: str, output: Any) -> dict[str, Any]:
    """Two list calls with the user's sport id, the first answering `_EVENTS`, the second `output`."""
    made = [{"name": first, "parameters": {"sport_id": 1}}, {"name": second, "parameters": {"sport_id": 1}}]
    return call_record("conv_9_0001", "Events and markets for sport 1, please.", made, [_EVENTS, output],
                       "Dubai Wolves play Madrid Falcons on 2026-03-02.",
                       [{"call": i, "param": "sport_id", "source": "user", "value": 1} for i in range(2)], saying="Looking.")


def test_two_endpoints_answering_one_payload_is_a_copy() -> None:
    assert "copied_answer" in _gates(_two_lists("odds::list_of_archive_events", "odds::list_of_markets", _EVENTS))
    other = copy.deepcopy(_EVENTS)
    other["events"][0]["home"] = "Lima Owls"
    assert "copied_answer" not in _gates(_two_lists("odds::list_of_archive_events", "odds::list_of_markets", other))


def test_versions_of_one_endpoint_and_small_receipts_may_coincide() -> None:
    assert "copied_answer" not in _gates(_two_lists("odds::events_v1", "odds::events_v2", _EVENTS))
    assert "copied_answer" not in _gates(_two_lists("odds::archive", "odds::markets", {"status": "ok", "count": 2}))


def test_a_name_that_is_the_code_it_was_looked_up_by() -> None:
    broken = with_output(0, {"name": "EUR", "alpha_2": "FR"}, name="geo::currencies_get_countries",
                         params={"code": "EUR"})
    assert "code_as_name" in _gates(broken)
    fine = with_output(0, {"name": "France", "alpha_2": "FR"}, name="geo::currencies_get_countries",
                       params={"code": "EUR"})
    assert "code_as_name" not in _gates(fine)


def test_a_search_text_or_a_slug_may_be_its_own_name() -> None:
    searched = with_output(0, {"name": "Paris"}, name="geo::search_cities", params={"q": "Paris"})
    slug = with_output(0, {"name": "books"}, name="shop::get_category", params={"category_id": "books"})
    assert "code_as_name" not in _gates(searched) | _gates(slug)
    assert "code_as_name" in _gates(with_output(0, {"name": "BOOKS"}, name="shop::get_category",
                                                params={"category_id": "BOOKS"}))
