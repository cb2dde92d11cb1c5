"""What a reader checks inside one answer and between a request and its answer: the thing asked
about is listed once among its peers, ranks and averages agree with the list, listed items keep to
the call's filters, an optional filter comes from what the link is about, answers do not say a name
twice, and requests do not read endpoint names aloud."""

from __future__ import annotations

import random

import pytest

from datagen.core.plan import ConversationState
from datagen.generator.agree import agree
from datagen.generator.answer import describe, has_content
from datagen.generator.assistant import Assistant, via_pairs
from datagen.generator.executor import OfflineExecutor
from datagen.generator.intent import intent
from datagen.generator.ranges import keep_filters
from datagen.registry.models import Parameter, ParamType

from tests.unit.test_generator_executor import _ep, _state
from tests.unit.test_generator_plans import make_plan


def test_the_place_a_ranking_asks_about_is_listed_once_among_its_peers() -> None:
    ep = _ep("ranking_at_point", [("data.rank", ParamType.INTEGER, "rank"),
                                  ("data.results[].rank", ParamType.INTEGER, "rank"),
                                  ("data.results[].place_id", ParamType.STRING, "place_id"),
                                  ("data.results[].listing_id", ParamType.STRING, "listing_id"),
                                  ("data.results[].address", ParamType.STRING, "address")],
             [Parameter(name="place_id", type=ParamType.STRING, required=True, concept="place_id")])
    seen_many = False
    for seed in range(30):
        data = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"place_id": "plc_1"})["data"]
        ids = [r["place_id"] for r in data["results"]]
        assert ids.count("plc_1") == 1, ids
        ranks = [r["rank"] for r in data["results"]]
        assert ranks == sorted(set(ranks)), ranks
        assert data["rank"] == next(r["rank"] for r in data["results"] if r["place_id"] == "plc_1")
        seen_many |= len(ids) > 1
    assert seen_many


def test_items_that_belong_to_the_thing_asked_about_all_carry_its_id() -> None:
    ep = _ep("place_reviews", [("reviews[].review_id", ParamType.STRING, "review_id"),
                               ("reviews[].place_id", ParamType.STRING, "place_id"),
                               ("reviews[].rating", ParamType.INTEGER, "rating")],
             [Parameter(name="place_id", type=ParamType.STRING, required=True, concept="place_id")])
    for seed in range(10):
        reviews = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"place_id": "plc_1"})["reviews"]
        assert {r["place_id"] for r in reviews} == {"plc_1"}


def test_an_average_beside_a_list_is_the_mean_of_its_items() -> None:
    out = agree({"average_rank": 44, "results": [{"rank": 10}, {"rank": 20}]})
    assert out["average_rank"] == 15


def test_listed_items_keep_to_one_sided_bounds_and_id_filters() -> None:
    output = {"listings": [{"price": 30.5}, {"price": 250.0}]}
    keep_filters(output, {"minPrice": 100}, {})
    assert all(item["price"] >= 100 for item in output["listings"]), output
    games = {"games": [{"home_team": "A", "home_team_id": 1, "away_team": "B", "away_team_id": 2, "name": "A vs B"},
                       {"home_team": "C", "home_team_id": 3, "away_team": "D", "away_team_id": 4, "name": "C vs D"}]}
    keep_filters(games, {"team_id": 9}, {"9": "Oslo Hawks"})
    agree(games)
    for game in games["games"]:
        assert 9 in (game["home_team_id"], game["away_team_id"])
        assert "Oslo Hawks" in (game["home_team"], game["away_team"]) and "Oslo Hawks" in game["name"]
    untouched = {"games": [{"home_team_id": 9, "away_team_id": 2}, {"home_team_id": 3, "away_team_id": 4}]}
    keep_filters(untouched, {"team_id": 9}, {})
    assert untouched["games"][1] == {"home_team_id": 3, "away_team_id": 4}  # the filter already holds somewhere


def test_only_the_linked_optional_filter_comes_from_an_earlier_answer() -> None:
    pack = _ep("pack", [("data.pack_id", ParamType.INTEGER, "pack_id"), ("data.style_id", ParamType.INTEGER, "style_id"),
                        ("data.family_id", ParamType.INTEGER, "family_id")],
               [Parameter(name="id", type=ParamType.INTEGER, required=True, concept="pack_id")])
    icons = _ep("icons", [("data[].icon_id", ParamType.INTEGER, "icon_id")],
                [Parameter(name="q", type=ParamType.STRING, required=True, concept="query")]
                + [Parameter(name=n, type=ParamType.INTEGER, required=False, concept=c)
                   for n, c in (("familyId", "family_id"), ("packId", "pack_id"), ("styleId", "style_id"))])
    plan = make_plan([pack, icons], 3)
    assert set(via_pairs(plan, 1)) == {"familyId", "packId", "styleId"}  # all three link; one is what it is about
    state = ConversationState(plan=plan)
    assistant = Assistant(state, random.Random(0))
    assert assistant.link_params(1) == {"packId"}
    state.user_values["1:q"] = "desks"
    OfflineExecutor(3).execute(state, 0, pack, {"id": 7})
    for seed in range(10):
        assistant = Assistant(state, random.Random(seed))
        args = assistant.fill_arguments(1, 1)
        assert args.get("packId") == 7 and "styleId" not in args and "familyId" not in args, args


def test_an_answer_does_not_say_a_name_twice() -> None:
    text = describe({"name": "United Kingdom", "translated_name": "United Kingdom", "alpha_2": "GB", "capital": "London"},
                    set(), random.Random(0))
    assert text.count("United Kingdom") == 1 and "London" in text, text


def test_listed_things_with_only_an_id_and_a_flag_say_nothing() -> None:
    assert not has_content({"results": [{"options": [{"id": 3, "isDefault": False}]}]})
    assert has_content({"is_valid": False})


@pytest.mark.parametrize(("name", "description", "params", "expected"), [
    ("get_order_by_id", "", ["orderId"], "get order"),
    ("highlight", "Get highlight details by highlight id", ["id"], "get highlight details"),
    ("channel_views", "Get Channel Cumulated Views since its creation", [], "get channel cumulated views since its creation"),
    ("country", "Get a Country", [], "get a country"),
    ("vin_decoder", "", ["vin"], "decode the vin"),
    ("advanced_search", "", [], "run an advanced search"),
    ("ranking_at_coordinate_point", "", [], "get the ranking at coordinate point"),
])
def test_requests_say_what_is_wanted_not_how_the_endpoint_is_addressed(
        name: str, description: str, params: list[str], expected: str) -> None:
    ep = _ep(name, [], [Parameter(name=p, type=ParamType.STRING, required=True, concept=p.lower()) for p in params])
    assert intent(ep.model_copy(update={"description": description})) == expected


def test_a_name_in_a_phrase_keeps_its_capital() -> None:
    ep = _ep("weather", [], []).model_copy(update={"description": "Get the weather in Paris"})
    assert intent(ep) == "get the weather in Paris"
