"""What a reader checks inside one answer and between a request and its answer: the thing asked
about is listed once among its peers, ranks and averages agree with the list, listed items keep to
the call's filters, an optional filter comes from what the link is about, answers do not say a name
twice, and requests do not read endpoint names aloud."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

import pytest

from datagen.core.plan import ConversationState
from datagen.generator.agree import agree
from datagen.generator.answer import describe, has_content
from datagen.generator.assistant import Assistant, via_pairs
from datagen.generator.executor import OfflineExecutor
from datagen.generator.intent import intent
from datagen.generator.ranges import keep_filters
from datagen.registry.models import Parameter, ParamType
from datagen.registry.naming import plain_name

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
    out = agree({"average_score": 44, "results": [{"score": 10}, {"score": 20}]})
    assert out["average_score"] == 15
    ranked = agree({"average_rank": 44, "results": [{"rank": 30}, {"rank": 10}]})  # positions 1, 2
    assert [r["rank"] for r in ranked["results"]] == [1, 2] and ranked["average_rank"] == 2


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
    ("get_order_by_id", "", ["orderId"], "get the order"),
    ("highlight", "Get highlight details by highlight id", ["id"], "get the highlight"),
    ("channel_views", "Get Channel Cumulated Views since its creation", [], "get the channel views"),
    ("country", "Get a Country", [], "get the country"),
    ("vin_decoder", "", ["vin"], "decode the vin"),
    ("advanced_search", "", [], "run an advanced search"),
    ("ranking_at_coordinate_point", "", [], "get the ranking"),
    ("rates_stats", "", [], "get the rates stats"),
])
def test_requests_say_what_is_wanted_not_how_the_endpoint_is_addressed(
        name: str, description: str, params: list[str], expected: str) -> None:
    ep = _ep(name, [], [Parameter(name=p, type=ParamType.STRING, required=True, concept=p.lower()) for p in params])
    assert intent(ep.model_copy(update={"description": description})) == expected


@pytest.mark.parametrize(("name", "plain"), [
    ("units_custom_read", False), ("countries_subdivisions_list", False), ("get_country_list", True),
    ("search_hotels", True), ("team_season_statistics", True), ("units_units_list", False)])
def test_generated_rest_operation_ids_are_not_plain_names(name: str, plain: bool) -> None:
    assert plain_name(name) is plain


def test_one_server_clock_per_conversation() -> None:
    ep = _ep("recent_trades", [("result[].price", ParamType.NUMBER, "price"), ("time_now", ParamType.STRING, "time_now")],
             [Parameter(name="symbol", type=ParamType.STRING, required=True, concept="symbol")])
    executor = OfflineExecutor(11)
    state = _state([ep])
    first = executor.execute(state, 0, ep, {"symbol": "BTCUSD"})["time_now"]
    second = executor.execute(state, 1, ep, {"symbol": "ETHUSD"})["time_now"]
    gap = datetime.fromisoformat(second.replace("Z", "+00:00")) - datetime.fromisoformat(first.replace("Z", "+00:00"))
    assert timedelta(0) < gap < timedelta(minutes=5), (first, second)


def test_a_match_is_named_after_its_sides_and_a_lone_game_is_a_title() -> None:
    game = agree({"home_team": "Oslo Hawks", "away_team": "Lima Owls", "game_name": "The Silver Promise"})
    assert game["game_name"] == "Oslo Hawks vs Lima Owls"
    ep = _ep("active_streams", [("user_id", ParamType.STRING, "user_id"), ("game_name", ParamType.STRING, "game_name")])
    names = [OfflineExecutor(seed).execute(_state([ep]), 0, ep, {}).get("game_name") for seed in range(20)]
    assert not any(" vs " in str(n) for n in names), names


def _two_step(second_params: list[Parameter]) -> tuple[ConversationState, OfflineExecutor]:
    order = _ep("get_order", [("id", ParamType.INTEGER, "order_id"), ("pet_id", ParamType.INTEGER, "pet_id"),
                              ("quantity", ParamType.INTEGER, "quantity")],
                [Parameter(name="order_id", type=ParamType.INTEGER, required=True, concept="order_id")])
    quote = _ep("daily_quote", [("data[].quote_id", ParamType.STRING, "quote_id"), ("data[].text", ParamType.STRING, "text"),
                                ("data[].author", ParamType.STRING, "author")], second_params)
    return ConversationState(plan=make_plan([order, quote], 2)), OfflineExecutor(2)


def test_a_record_without_the_field_it_is_for_is_thin() -> None:
    from datagen.generator.worth import thin_reason
    state, executor = _two_step([Parameter(name="pet_id", type=ParamType.INTEGER, required=True, concept="pet_id")])
    for call, (step, args) in enumerate([(0, {"order_id": 5}), (1, {"pet_id": 7})]):
        endpoint = state.plan.endpoints[step]
        state.tool_calls.append({"name": endpoint.id, "parameters": args})
        state.tool_outputs.append({"name": endpoint.id, "output": executor.execute(state, call, endpoint, args)})
    reason = thin_reason(state)
    assert reason is not None and "field its records are for" in reason, reason  # quotes without their text
    state.tool_outputs[1]["output"] = {"data": [{"quote_id": "q1", "text": "Well begun is half done.", "author": "Ada"}]}
    assert "means" in str(thin_reason(state))  # the order was a means, but its pet id went nowhere


def test_prices_of_one_symbol_stay_near_one_level_in_a_conversation() -> None:
    from datagen.generator.quotes import near_reference
    world: dict[str, dict[str, object]] = {}
    first = {"result": [{"symbol": "KQZR", "price": "372.02", "size": 5}, {"symbol": "KQZR", "price": 20.2, "size": 3}],
             "quote": {"symbol": "XBT", "price": 12.5}}
    near_reference(first, {"symbol": "KQZR"}, random.Random(1), world)
    prices = [float(r["price"]) for r in first["result"]]
    assert all(360 < p < 384 for p in prices) and isinstance(first["result"][0]["price"], str), first
    assert [r["size"] for r in first["result"]] == [5, 3]
    assert 12.1 < first["quote"]["price"] < 12.9  # another symbol has its own level
    later = {"symbol": "kqzr", "last": 9000.0, "high": "1.5", "volume": 70}
    near_reference(later, {}, random.Random(2), world)  # a later call of the same conversation
    assert 360 < later["last"] < 384 and 360 < float(later["high"]) < 384 and later["volume"] == 70, later
    fresh: dict[str, dict[str, object]] = {}
    other = {"symbol": "KQZR", "price": 9000.0}
    near_reference(other, {}, random.Random(2), fresh)  # another conversation knows no level yet
    assert 8700 < other["price"] < 9300


def test_a_name_with_a_verb_inside_is_about_what_follows_the_verb() -> None:
    from datagen.registry.naming import subject_noun
    assert subject_noun("currencies_get_countries") == "country"
    assert subject_noun("search_hotels") == "hotel" and subject_noun("getHotelDetails") == "hotel"


def test_two_endpoints_over_one_entity_list_different_things() -> None:
    fields = [("sport_id", ParamType.INTEGER, "sport_id"), ("events[].event_id", ParamType.INTEGER, "event_id"),
              ("events[].home", ParamType.STRING, "home")]
    sport = [Parameter(name="sport_id", type=ParamType.INTEGER, required=True, concept="sport_id")]
    markets, archive = _ep("list_of_markets", fields, sport), _ep("list_of_archive_events", fields, sport)
    executor = OfflineExecutor(5)
    state = _state([markets, archive])
    one = executor.execute(state, 0, markets, {"sport_id": 1})["events"]
    two = executor.execute(state, 1, archive, {"sport_id": 1})["events"]
    assert {e["event_id"] for e in one}.isdisjoint({e["event_id"] for e in two})


def test_the_request_names_the_thing_the_user_has() -> None:
    from datagen.generator.user_proxy import UserProxy
    order = _ep("get_order_by_id", [("id", ParamType.INTEGER, "order_id"), ("petId", ParamType.INTEGER, "pet_id")],
                [Parameter(name="orderId", type=ParamType.INTEGER, required=True, concept="order_id")])
    pet = _ep("get_pet", [("id", ParamType.INTEGER, "pet_id"), ("name", ParamType.STRING, "name")],
              [Parameter(name="petId", type=ParamType.INTEGER, required=True, concept="pet_id")])
    pet = pet.model_copy(update={"description": "Returns a single pet"})
    state = ConversationState(plan=make_plan([order, pet], 9))
    user = UserProxy(state, random.Random(3))
    user.decide_values()
    opening = user.opening()
    assert f"the pet for order {state.user_values['0:orderId']}" in opening, opening
    assert "single" not in opening and "order id" not in opening.lower(), opening


def test_a_things_own_status_is_left_out_and_completion_agrees() -> None:
    # no table knows the statuses of a kind of thing: a guessed one would contradict the thing
    ep = _ep("get_parcel", [("id", ParamType.INTEGER, "parcel_id"), ("status", ParamType.STRING, "status")],
             [Parameter(name="parcelId", type=ParamType.INTEGER, required=True, concept="parcel_id")])
    statuses = {OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"parcelId": 3}).get("status") for seed in range(12)}
    assert statuses == {None}, statuses
    assert agree({"status": "delivered", "complete": False})["complete"] is True
    assert agree({"status": "placed", "complete": True})["complete"] is False


def test_an_answer_over_several_calls_says_which_request_each_part_answers() -> None:
    from datagen.generator.answer import final_answer
    book = _ep("order_book", [("result[].price", ParamType.NUMBER, "price"), ("result[].size", ParamType.INTEGER, "size")])
    book = book.model_copy(update={"description": "Get the orderbook."})
    trades = _ep("recent_trades", [("result[].price", ParamType.NUMBER, "price"), ("result[].qty", ParamType.INTEGER, "qty")])
    state = ConversationState(plan=make_plan([book, trades], 4, groups=[0, 0]))
    for call, (endpoint, rows) in enumerate([(book, [{"price": 10.5, "size": 3}, {"price": 11.0, "size": 5}]),
                                             (trades, [{"price": 10.7, "qty": 1}, {"price": 10.9, "qty": 2}])]):
        state.tool_calls.append({"name": endpoint.id, "parameters": {}})
        state.tool_outputs.append({"name": endpoint.id, "output": {"result": rows}})
    text = final_answer(state, [0, 1], random.Random(0))
    assert "For the order books" in text and "For the recent trades" in text, text


def test_a_game_is_in_its_home_sides_city_and_no_side_plays_itself() -> None:
    ep = _ep("daily_schedule", [("games[].game_id", ParamType.STRING, "game_id"), ("games[].home_team", ParamType.STRING, "team"),
                                ("games[].away_team", ParamType.STRING, "team"), ("games[].city", ParamType.STRING, "city"),
                                ("games[].arena", ParamType.STRING, "arena")],
             [Parameter(name="date", type=ParamType.STRING, required=True, concept="date")])
    for seed in range(8):
        for game in OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"date": "2026-03-10"})["games"]:
            assert game["home_team"] == game["city"] and game["away_team"] != game["home_team"], game
    assert agree({"home_team": "Lisbon", "away_team": "Lisbon", "match": "x"})["away_team"] != "Lisbon"


def test_a_team_filtered_for_plays_once_in_the_answer() -> None:
    games = {"games": [{"home_team_id": 1, "away_team_id": 2}, {"home_team_id": 3, "away_team_id": 4},
                       {"home_team_id": 5, "away_team_id": 6}]}
    keep_filters(games, {"team_id": 9}, {})
    assert len(games["games"]) == 1 and 9 in games["games"][0].values()


def test_a_date_carries_over_only_under_a_name_of_the_same_role() -> None:
    from datagen.generator.assistant import _same_role
    assert not _same_role("beforeDate", "earningsDate") and _same_role("check_in", "booking.check_in")
    assert _same_role("date", "date") and _same_role("start_date", "events[].start_date")


def test_an_endpoint_whose_description_is_copied_across_its_tool_is_not_askable() -> None:
    from datagen.graph.rows import endpoint_rows
    from tests.unit.test_generator_plans import registry
    reg = registry()
    tool = reg.tools[0]
    copied = [e.model_copy(update={"description": "Retrieve a record"}) for e in tool.endpoints[:2]]
    reg = reg.model_copy(update={"tools": [tool.model_copy(update={"endpoints": copied + tool.endpoints[2:]})] + reg.tools[1:]})
    rows = {r["id"]: r["props"] for r in endpoint_rows(reg)}
    assert [rows[e.id]["askable"] for e in copied] == [False, False]
    assert any(props["askable"] for props in rows.values())


def test_a_list_asked_for_one_id_lists_that_one_and_a_price_lies_in_its_own_range() -> None:
    events = {"events": [{"event_id": 1, "home": "A"}, {"event_id": 2, "home": "B"}]}
    keep_filters(events, {"event_ids": 447250}, {})
    assert events["events"] == [{"event_id": 447250, "home": "A"}]
    item = agree({"price": "470.17", "priceMin": "33.30", "priceMax": "357.08"})
    assert float(item["priceMin"]) <= float(item["price"]) <= float(item["priceMax"]), item


def test_a_lookup_by_handle_answers_about_the_account_seen_under_it() -> None:
    post = _ep("post_info", [("post_id", ParamType.STRING, "post_id"), ("owner.pk_id", ParamType.STRING, "pk_id"),
                             ("owner.username", ParamType.STRING, "username"), ("owner.full_name", ParamType.STRING, "full_name")],
               [Parameter(name="post_id", type=ParamType.STRING, required=True, concept="post_id")])
    user = _ep("user_info_by_username", [("catalog_id", ParamType.STRING, "catalog_id"), ("pk_id", ParamType.STRING, "pk_id"),
                                         ("full_name", ParamType.STRING, "full_name")],
               [Parameter(name="username", type=ParamType.STRING, required=True, concept="username")])
    for seed in range(6):
        executor = OfflineExecutor(seed)
        state = _state([post, user])
        owner = executor.execute(state, 0, post, {"post_id": "pst_1"})["owner"]
        looked = executor.execute(state, 1, user, {"username": owner["username"]})
        assert (looked["pk_id"], looked["full_name"]) == (owner["pk_id"], owner["full_name"]), (owner, looked)


def test_a_location_key_puts_every_listing_in_one_place() -> None:
    ep = _ep("search_property_for_sale", [("data[].property_id", ParamType.STRING, "property_id"),
                                          ("data[].location.city", ParamType.STRING, "city")],
             [Parameter(name="locationKey", type=ParamType.STRING, required=True, concept="location_key")])
    for seed in range(10):
        data = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"locationKey": "c3sp5g4t8b"})["data"]
        assert len({d["location"]["city"] for d in data}) == 1, data


def test_an_answers_price_is_no_filter_of_the_next_search_and_betting_closes_before_the_start() -> None:
    from datagen.generator.assistant import _same_role
    assert not _same_role("maxPrice", "data[].price") and _same_role("min_price", "price_min")
    event = agree({"starts": "2026-03-08", "periods": [{"cutoff": "2026-07-02"}],
                   "period_results": [{"settled_at": "2026-03-01T10:00:00Z"}]})
    assert event["periods"][0]["cutoff"] < "2026-03-08" < event["period_results"][0]["settled_at"], event


def test_games_are_offered_by_their_sides_and_a_pick_nobody_used_is_thin() -> None:
    from datagen.core.plan import ArgumentSource, SourceKind
    from datagen.generator.choice import Choice
    from datagen.generator.worth import thin_reason
    games = [{"game_id": "g1", "home_team_id": 1, "home_team": "Oslo Hawks", "away_team": "Lima Owls"},
             {"game_id": "g2", "home_team_id": 2, "home_team": "Rome Bears", "away_team": "Kyiv Wolves"}]
    choice = Choice(call=0, container="games[]", key="game_id", items=games)
    assert choice.names() == ["Oslo Hawks vs Lima Owls", "Rome Bears vs Kyiv Wolves"] and choice.noun() == "games"
    points = Choice(call=0, container="results[]", key="lat", items=[{"lat": "1.1", "rank": 3}, {"lat": "1.2", "rank": 4}])
    assert points.noun() == "points"
    # an item with its own `id` is not named after the team it belongs to (they were players, not teams)
    players = [{"id": 1, "full_name": "Diego Fischer", "team_id": 7}, {"id": 2, "full_name": "Amara Silva", "team_id": 8}]
    assert Choice(call=0, container="results[]", key="id", items=players, subject="player").noun() == "players"
    state, executor = _two_step([Parameter(name="pet_id", type=ParamType.INTEGER, required=True, concept="pet_id")])
    state.choices["0|games[]"] = games[0]
    assert thin_reason(state) is not None and "pick" in str(thin_reason(state))
    state.argument_sources.append(ArgumentSource(call=1, param="game_id", source=SourceKind.STEP_OUTPUT, value="g1",
                                                 step=0, field_path="games[].game_id"))
    assert "pick" not in str(thin_reason(state))


def test_has_events_before_a_date_agrees_with_the_dates_shown_for_that_ticker() -> None:
    from datagen.generator.timeline import Timeline
    line = Timeline()
    earnings = {"symbol": "NKE", "earningsDate": "2026-03-26"}
    line.apply(earnings, {"ticker": "NKE"})
    verdict = {"symbol": "NKE", "hasEvents": False, "beforeDate": "2026-05-03"}
    line.apply(verdict, {"ticker": "NKE", "beforeDate": "2026-05-03"})
    assert verdict["hasEvents"] is True
    other = Timeline()
    none_before = {"hasEvents": False}
    other.apply(none_before, {"ticker": "KO", "beforeDate": "2026-06-30"})
    later = {"exDividendDate": "2026-03-11"}
    other.apply(later, {"ticker": "KO"})
    assert later["exDividendDate"] >= "2026-06-30", later


def test_places_prices_and_sides_a_reader_would_believe() -> None:
    from datagen.generator import fake
    from datagen.generator.places import _place_of_key
    chicago = fake.place_of("Chicago", "city")
    assert chicago is not None and chicago.subdivision_code == "IL"
    assert all(re.fullmatch(r"\d{5}(-\d{4})?", fake.make("postcode", random.Random(s), chicago)) for s in range(5))
    detroit = _place_of_key("Detroit_MI", 0)
    assert (detroit.city, detroit.country_code) == ("Detroit", "US")
    game = agree({"home_team": "Oslo", "away_team": "Oslo", "name": "x"})
    assert game["home_team"] != game["away_team"] and game["name"] == f"Oslo vs {game['away_team']}"
    assert agree({"listDate": "2026-07-20", "soldDate": "2026-07-01"}) == {"listDate": "2026-07-01", "soldDate": "2026-07-20"}


def test_statistics_without_numbers_are_thin_and_a_lone_item_is_said_by_its_content() -> None:
    from datagen.generator.worth import _core_missing
    stats = _ep("team_season_statistics", [("data[].team_id", ParamType.INTEGER, "team_id"), ("data[].team", ParamType.STRING, "team"),
                                           ("data[].wins", ParamType.INTEGER, "wins")])
    assert _core_missing(stats, {"data": [{"team_id": 1, "team": "Oslo Hawks"}]})
    assert not _core_missing(stats, {"data": [{"team_id": 1, "team": "Oslo Hawks", "wins": 40}]})
    highlight = {"results": [{"id": 1, "url": "https://x.org/h", "match": {"date": "2026-04-20",
                 "homeTeam": {"name": "Oslo Hawks"}, "awayTeam": {"name": "Lima Owls"}}}]}
    text = describe(highlight, set(), random.Random(0))
    assert "Oslo Hawks vs Lima Owls" in text and "2026-04-20" in text, text


def test_scores_parts_counties_market_days_and_offers_a_reader_believes() -> None:
    from datagen.generator.ranges import active_only
    event = agree({"period_results": [{"number": 44, "team_1_score": 3}, {"number": 58, "team_1_score": 1}]})
    assert [p["number"] for p in event["period_results"]] == [1, 2]
    flights = agree({"flights": [{"number": 247}, {"number": 318}]})
    assert [f["number"] for f in flights["flights"]] == [247, 318]  # a flight's number is no place in a list
    assert agree({"earningsDate": "2026-05-02"})["earningsDate"] == "2026-05-04"  # Saturday → Monday
    listing = {"data": [{"price": 1, "soldPrice": 2, "soldDate": "2026-01-01"}]}
    active_only(listing, {"search", "property", "for", "sell"})
    assert listing == {"data": [{"price": 1}]}
    ep = _ep("match_result", [("home_score", ParamType.INTEGER, "score"), ("county", ParamType.STRING, "county")])
    for seed in range(10):
        out = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {})
        assert 0 <= out.get("home_score", 0) <= 6 and "county" not in out, out


def test_a_call_about_one_link_answers_about_one_thing() -> None:
    ep = _ep("reel_information", [("[].id", ParamType.STRING, "post_id"), ("[].caption", ParamType.STRING, "caption")],
             [Parameter(name="media_url", type=ParamType.STRING, required=True, concept="url")])
    for seed in range(10):
        out = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"media_url": "https://example.org/p/1"})
        assert len(next(iter(out.values()))) == 1, out


def test_a_side_is_named_and_a_caption_is_not_older_than_its_post() -> None:
    from datagen.generator.goal import ask_phrase
    highlight = _ep("get_highlight", [("match.awayTeam.id", ParamType.INTEGER, "team_id"), ("match.homeTeam.id", ParamType.INTEGER, "team_id")],
                    [Parameter(name="id", type=ParamType.INTEGER, required=True, concept="highlight_id")])
    team = _ep("get_team", [("name", ParamType.STRING, "name")],
               [Parameter(name="teamId", type=ParamType.INTEGER, required=True, concept="team_id")])
    plan = make_plan([highlight, team], 1)
    plan.steps[1] = plan.steps[1].model_copy(update={"via": ["match.awayTeam.id->teamId"]})
    assert any(w.endswith("for the away team") for w in ask_phrase(plan)), ask_phrase(plan)
    post = agree({"taken_at": 1782484336, "caption": {"created_at": 1775034239}})
    assert post["caption"]["created_at"] > post["taken_at"]


def test_shares_agree_with_the_list_they_are_shares_of() -> None:
    out = agree({"found": 1, "found_percent": 11, "top_3_rank_percent": 12,
                 "results": [{"lat": "1.1", "found": True, "rank": 2}, {"lat": "1.2", "found": False, "rank": 9},
                             {"lat": "1.3", "found": True, "rank": 5}]})
    assert out["found"] == sum(1 for r in out["results"] if r["found"])
    assert out["found_percent"] == round(100 * out["found"] / 3) and out["top_3_rank_percent"] == 33
    assert [r["rank"] for r in out["results"]] == [2, 9, 5]  # one place's rank at three points is no ranking


def test_a_search_for_a_name_finds_it_and_map_points_are_points() -> None:
    places = {"results": [{"name": "Graham Ltd", "rank": 1}, {"name": "Foster PLC", "rank": 2}]}
    keep_filters(places, {"query": "Jives Media"}, {})
    assert places["results"][0]["name"] == "Jives Media"
    kinds = {"results": [{"name": "Graham Ltd"}, {"name": "Foster PLC"}]}
    keep_filters(kinds, {"query": "riverside park"}, {})
    assert kinds["results"][0]["name"] == "Graham Ltd"  # a kind of thing, not a name
    text = describe({"results": [{"lat": "1.1", "rank": 3}, {"lat": "1.2", "rank": 5}]}, set(), random.Random(0),
                    head="search")
    assert "points" in text and "searches" not in text, text


def test_labels_offers_archives_orders_and_streets() -> None:
    from datagen.generator import fake
    from datagen.generator.phrases import param_label
    from datagen.generator.timeline import into_the_past
    lat = Parameter(name="lat", type=ParamType.STRING, required=True, concept="latitude", description="Coordinate point latitude value")
    assert param_label(lat) == "latitude"
    assert param_label(Parameter(name="beforeDate", type=ParamType.STRING, required=True, concept="date")) == "cutoff date"
    offer = _ep("searchpropertyforsell", []).model_copy(update={"description": "Get all the properties for sell"})
    assert intent(offer) == "find the property"  # the name, never the description
    archive = {"events": [{"starts": "2026-06-01", "settled_at": "2026-06-02T10:00:00Z"}]}
    into_the_past(archive, 150)
    assert archive["events"][0]["starts"] < "2026-03-02" and archive["events"][0]["settled_at"].startswith("2026-01-03")
    listing = agree({"price": 300000.0, "priceMin": 100000.0, "priceMax": 900000.0})
    assert listing["priceMin"] >= 255000 and listing["priceMax"] <= 360000, listing
    stockholm = fake.place_of("Stockholm", "city")
    assert fake.make("address", random.Random(2), stockholm).endswith(", Stockholm")


def test_an_abbreviation_keeps_its_full_stop_and_a_sentence_loses_it_inside_an_answer() -> None:
    text = describe({"name": "United States", "capital": "Washington, D.C.", "biography": "Architect based in Oslo."},
                    set(), random.Random(0))
    assert "Washington, D.C." in text and "Oslo.," not in text, text


def test_numbered_parts_of_a_thing_close_at_its_start_and_settle_in_order_the_same_day() -> None:
    event = agree({"starts": "2026-06-02T18:00:00Z",
                   "periods": [{"number": 1, "cutoff": "2026-05-12"}, {"number": 2, "cutoff": "2026-04-01"},
                               {"number": 3, "cutoff": "2026-04-01"}],
                   "period_results": [{"number": 2, "settled_at": "2026-06-02T02:19:00Z"},
                                      {"number": 1, "settled_at": "2026-06-02T03:35:00Z"},
                                      {"number": 3, "settled_at": "2026-07-10T06:39:00Z"}]})
    assert all(p["cutoff"] == "2026-06-02" for p in event["periods"]), event["periods"]
    settled = {r["number"]: r["settled_at"] for r in event["period_results"]}
    assert "2026-06-02T18:00" < settled[1] < settled[2] < settled[3] < "2026-06-03", settled


def test_an_answer_says_fields_as_english_and_leaves_settings_out() -> None:
    rng = random.Random(3)
    text = describe({"name": "Ryan Miller", "biography": "Teacher based in Bangkok", "can_hide_category": True,
                     "show_fb_link": False}, set(), rng)
    assert "Bangkok" in text and "hide" not in text and "fb" not in text, text
    text = describe({"listing": {"list_date": "2026-03-31", "priceMin": 374414.09}}, set(), rng)
    assert "minimum price" in text and "price min" not in text, text
    text = describe({"icons": [{"family_name": "Crosby", "pack_items": 34}]}, set(), rng)
    assert "number of pack items" in text, text
    # a game named by its two sides does not name a side again as a fact
    text = describe({"events": [{"starts": "2026-07-15", "home": "Cape Town Falcons", "away": "Dublin Owls"}]},
                    set(), rng)
    assert text.count("Cape Town Falcons") == 1 and "Dublin Owls" in text, text


def test_one_posts_timestamps_agree_and_its_caption_is_written_with_it() -> None:
    post = agree({"taken_at": 1779864288, "device_timestamp": "2026-03-03T17:13:00Z",
                  "updated_at": "2026-01-01T00:00:00Z", "caption": {"text": "hi", "created_at": 1781970993}})
    taken = datetime.utcfromtimestamp(post["taken_at"])
    device = datetime.strptime(post["device_timestamp"], "%Y-%m-%dT%H:%M:%SZ")
    assert timedelta(0) <= device - taken < timedelta(minutes=1), post
    assert post["updated_at"] == "2026-01-01T00:00:00Z"  # another moment, left alone
    assert 0 < post["caption"]["created_at"] - post["taken_at"] <= 3600, post


def test_what_items_say_about_a_thing_they_name_by_id_is_one_fact_across_calls() -> None:
    from datagen.generator.world import referenced_facts
    world: dict[str, dict[str, object]] = {}
    pack = {"data": {"id": 45489, "pack_id": 45489, "pack_items": 12, "family_name": "Lyons"}}
    icons = {"data": [{"id": 1, "pack_id": 45489, "pack_items": 26}, {"id": 2, "pack_id": 45489, "pack_items": 43},
                      {"id": 3, "pack_id": 777, "pack_items": 5}]}
    referenced_facts(pack, world)
    referenced_facts(icons, world)
    assert [i["pack_items"] for i in icons["data"]] == [12, 12, 5]
    assert pack["data"]["family_name"] == "Lyons"


def test_a_grid_of_size_n_answers_n_by_n_points_around_the_asked_point() -> None:
    from datagen.generator.ranges import grid_points
    output = {"data": [{"lat": "1.0", "lng": "2.0"}, {"lat": "5.0", "lng": "6.0"}]}
    grid_points(output, {"grid_size": "3", "lat": "-34.6066", "lng": "-58.3703", "radius": "10"})
    points = output["data"]
    assert len(points) == 9 and {"lat": "-34.6066", "lng": "-58.3703"} in points, points
    assert len({(p["lat"], p["lng"]) for p in points}) == 9
    big = {"data": [{"lat": 1.0, "lng": 2.0}]}
    grid_points(big, {"grid_size": "13", "lat": "1", "lng": "2"})
    assert len(big["data"]) == 1  # a 13 x 13 grid keeps its sample


def test_a_parameter_whose_description_lists_its_values_gets_one_of_them() -> None:
    from datagen.generator.values import stated_values, value_for
    text = "The size of the grid (i.e. 3x3, 5x5, 7x7, etc).\n\n**Allowed values:** 3, 5, 7, 9, 11, 13, 15."
    assert stated_values(text) == ["3", "5", "7", "9", "11", "13", "15"]
    assert stated_values("The grid id.") == []
    param = Parameter(name="grid_size", type=ParamType.STRING, required=True, description=text, default="3",
                      concept="grid_size")
    assert {value_for(param, random.Random(s)) for s in range(20)} == {"3"}


def test_a_place_search_for_a_kind_of_place_finds_places_of_that_kind() -> None:
    world: dict[str, dict[str, object]] = {"place_id|plc_1": {"name": "Kelley Group"}}
    output = {"results": [{"place_id": "plc_1", "name": "Kelley Group", "address": "1 Main St"},
                          {"place_id": "plc_2", "name": "Roberts, Mckay and Smith", "address": "2 Main St"}]}
    keep_filters(output, {"query": "coffee shop"}, {}, world)
    assert [r["name"] for r in output["results"]] == ["Kelley Coffee Shop", "Roberts Coffee Shop"]
    assert world["place_id|plc_1"]["name"] == "Kelley Coffee Shop"
    movies = {"results": [{"title": "Linen Stranger", "year": 2001}]}
    keep_filters(movies, {"query": "heist thrillers"}, {}, {})
    assert movies["results"][0]["title"] == "Linen Stranger"  # not a place: its own title stays


def test_a_location_key_written_like_its_example_names_a_city_the_world_can_place() -> None:
    from datagen.generator.places import _place_of_key
    from datagen.generator.values import value_for
    param = Parameter(name="locationKey", type=ParamType.STRING, required=True, default="Detroit_MI",
                      concept="location_key")
    keys = {value_for(param, random.Random(s), prefer_default=0.35) for s in range(20)}
    assert "Detroit_MI" not in keys and all(k[-3:-2] == "_" for k in keys), keys
    for key in keys:
        place = _place_of_key(key, 0)
        assert place.city == key[:-3].replace("-", " ") and place.country_code == "US", (key, place)


def test_the_parts_of_one_address_agree_and_an_address_is_one_line() -> None:
    venue = agree({"venue": {"full_address": "Diag. 5 N° 5013, Buenos Aires", "street_number": "CLJ168206",
                             "street": "Avenida Mendoza N° 385", "city": "Buenos Aires"}})["venue"]
    assert venue["full_address"] == "Avenida Mendoza N° 385, Buenos Aires" and venue["street_number"] == "385"
    from datagen.generator.fake import make
    from datagen.generator.fake import place_of
    mumbai = place_of("Mumbai", "city")
    assert all("\n" not in make("address", random.Random(s), mumbai) for s in range(40))


def test_results_are_of_parts_the_thing_has_and_a_windowed_flag_holds_overall() -> None:
    event = agree({"starts": "2026-06-02", "periods": [{"number": 1, "cutoff": "2026-05-01"}],
                   "period_results": [{"number": 1, "settled_at": "2026-06-02T03:00:00Z"},
                                      {"number": 2, "settled_at": "2026-06-02T04:00:00Z"},
                                      {"number": 3, "settled_at": "2026-06-02T05:00:00Z"}]})
    assert [r["number"] for r in event["period_results"]] == [1], event
    user = agree({"is_new_to_instagram": False, "is_new_to_instagram_30d": True})
    assert user["is_new_to_instagram"] is True


def test_what_an_answer_finally_says_about_a_known_entity_is_what_later_calls_repeat() -> None:
    from datagen.generator.world import remember
    world: dict[str, dict[str, object]] = {"event_id|541701": {"starts": "2026-03-29", "home": "Oslo Owls"}}
    remember({"events": [{"event_id": 541701, "starts": "2025-10-30", "home": "Oslo Owls", "periods": []}]}, world)
    assert world["event_id|541701"] == {"starts": "2025-10-30", "home": "Oslo Owls"}


def test_a_search_at_a_places_own_point_lists_that_place_and_a_link_is_like_its_example() -> None:
    from datagen.generator.values import like_link
    from datagen.generator.world import here_first
    world: dict[str, dict[str, object]] = {"place_id|plc_1": {"place_id": "plc_1", "name": "Alvarez Pizza Restaurant",
                                                               "lat": 40.6986, "lng": -73.9933, "address": "1 Orr St"}}
    output = {"results": [{"place_id": "plc_9", "name": "Smith Pizza Restaurant", "lat": "40.7", "lng": "-73.99",
                           "address": "9 Elm St", "rank": 1}]}
    here_first(output, {"lat": "40.6986", "lng": "-73.9933", "query": "pizza restaurant"}, world)
    assert output["results"][0]["name"] == "Alvarez Pizza Restaurant" and output["results"][0]["lat"] == "40.6986"
    link = like_link("https://www.instagram.com/p/CzEpxirv5Vi/?igshid=NTc4", random.Random(1))
    assert link.startswith("https://www.instagram.com/p/") and link.endswith("/") and "CzEpxirv5Vi" not in link
    assert "?" not in link and len(link) == len("https://www.instagram.com/p/CzEpxirv5Vi/")


def test_a_means_that_only_fills_an_optional_filter_is_thin() -> None:
    from datagen.core.plan import ArgumentSource, SourceKind
    from datagen.generator.worth import thin_reason
    from tests.unit.test_generator_executor import _ep
    archive = _ep("archived_events", [("events[].league_id", ParamType.INTEGER, "league_id"),
                              ("events[].home", ParamType.STRING, "team")])
    markets = _ep("markets", [("events[].home", ParamType.STRING, "team")], [
        Parameter(name="sport_id", type=ParamType.INTEGER, required=True, concept="sport_id"),
        Parameter(name="league_ids", type=ParamType.INTEGER, required=False, concept="league_id")])
    state = _state([archive, markets])
    state.plan.steps[1].via = ["events[].league_id->league_ids"]  # the walk linked them by the optional filter
    assert state.plan.call_order() == [0, 1]
    state.tool_calls = [{"name": archive.id, "parameters": {}}, {"name": markets.id, "parameters": {"sport_id": 1, "league_ids": 7}}]
    state.tool_outputs = [{"output": {"events": [{"league_id": 7, "home": "Oslo Owls"}]}},
                          {"output": {"events": [{"home": "Rome Stars"}]}}]
    state.argument_sources = [ArgumentSource(call=1, param="league_ids", source=SourceKind.STEP_OUTPUT, value=7, step=0,
                                             field_path="events[].league_id")]
    assert "optional" in (thin_reason(state) or ""), thin_reason(state)


def test_a_has_verdict_about_one_side_of_a_date_says_the_date() -> None:
    from datagen.generator.answer import _with_cutoff
    text = _with_cutoff("It has no events.", {"hasEvents": False}, {"ticker": "NKE", "beforeDate": "2026-03-02"})
    assert text == "It has no events before 2026-03-02."
    assert _with_cutoff("It has events.", {"hasEvents": True}, {"ticker": "NKE"}) == "It has events."


def test_an_event_at_a_venue_with_an_address_is_not_virtual_and_grid_steps_are_equal_on_the_ground() -> None:
    event = agree({"is_virtual": True, "venue": {"name": "Hall", "full_address": "1 Main St, Oslo", "street": "1 Main St"}})
    assert event["is_virtual"] is False
    from datagen.generator.ranges import grid_points
    output = {"data": [{"lat": 0.0, "lng": 0.0}]}
    grid_points(output, {"grid_size": "3", "lat": "60", "lng": "10", "radius": "10"})
    lats = sorted({p["lat"] for p in output["data"]})
    lngs = sorted({p["lng"] for p in output["data"]})
    assert abs((lngs[1] - lngs[0]) - 2 * (lats[1] - lats[0])) < 0.001  # cos 60° = 1/2


def test_a_current_listing_of_events_lists_what_is_ahead_with_no_results_yet() -> None:
    from datagen.generator.timeline import unsettled_ahead
    now = datetime(2026, 8, 1, 12, 0)
    markets = {"events": [{"starts": "2026-04-19", "periods": [{"number": 1, "cutoff": "2026-04-18"}],
                           "period_results": [{"number": 1, "settled_at": "2026-04-19T01:40:00Z"}]}]}
    assert unsettled_ahead(markets, 150, now)
    event = markets["events"][0]
    assert event["starts"] > "2026-08-01" and event["period_results"] == [], event
    assert not unsettled_ahead({"data": [{"name": "Oslo", "population": 700000}]}, 150, now)


def test_a_match_is_in_its_home_teams_country_and_a_moved_market_date_is_a_weekday() -> None:
    match = agree({"homeTeam": {"id": 1, "name": "Warsaw Rangers"}, "awayTeam": {"id": 2, "name": "Bangalore Lions"},
                   "country": {"code": "MX", "name": "Mexico"}})
    assert match["country"] == {"code": "PL", "name": "Poland"}
    ep = _ep("getearningsdate", [("earningsDate", ParamType.STRING, "date")],
             [Parameter(name="ticker", type=ParamType.STRING, required=True, concept="ticker")])
    for seed in range(30):
        day = OfflineExecutor(seed).execute(_state([ep]), 0, ep, {"ticker": "AAPL"}).get("earningsDate")
        assert day is None or datetime.strptime(day, "%Y-%m-%d").weekday() < 5, day


def test_a_yes_no_named_is_have_reads_as_has() -> None:
    from datagen.generator.labels import bool_fact as _bool_fact
    assert _bool_fact("is have odds", False) == "it has no odds" and _bool_fact("is valid", True) == "it is valid"


def test_an_id_beside_the_object_it_names_says_that_objects_id_and_a_run_says_what_it_searches() -> None:
    caption = agree({"user_id": 514428, "user": {"pk_id": "pk_46648", "full_name": "Ryan Miller"}, "text": "hi"})
    assert caption["user_id"] == 46648 and caption["user"]["pk_id"] == "pk_46648"
    assert agree({"is_new": True, "is_new_30d": False})["is_new"] is False
    ep = _ep("keyword_search_at_coordinate_point", [("results[].name", ParamType.STRING, "name")],
             [Parameter(name="lat", type=ParamType.STRING, required=True, concept="latitude"),
              Parameter(name="lng", type=ParamType.STRING, required=True, concept="longitude")])
    assert intent(ep).endswith("keyword search"), intent(ep)


def test_a_service_that_names_a_country_answers_about_it_when_the_call_names_no_place() -> None:
    from datagen.generator.places import service_place
    from datagen.registry.models import Parameter
    ep = _ep("routes", [("city", ParamType.STRING, "city")], [])
    assert service_place(ep.model_copy(update={"tool_id": "transportistas_de_argentina"})).country_code == "AR"
    listed = ep.model_copy(update={"tool_id": "rentals", "parameters": [
        Parameter(name="city", type=ParamType.STRING, required=False, concept="city", default="Austin")]})
    assert service_place(listed).country_code == "US"
    assert service_place(ep.model_copy(update={"tool_id": "data_tools"})) is None


def test_an_objects_country_is_its_citys() -> None:
    # readers rejected "Brooklyn, New York" in India and Guangzhou in Thailand; the form is kept
    row = agree({"city": "Brooklyn", "state": "New York", "countryName": "India", "countryCode": "IN"})
    assert (row["countryName"], row["countryCode"]) == ("United States", "US"), row
    assert agree({"city": "Guangzhou", "country": "Thailand"})["country"] == "China"
    assert agree({"city": "Shenzhen", "country_code": "DEU"})["country_code"] == "CHN"
    # a city its stated country does have (Valencia, Venezuela), or one the reference does not know: kept
    assert agree({"city": "Valencia", "country": "Venezuela"})["country"] == "Venezuela"
    assert agree({"city": "Qxzvle", "country": "France"})["country"] == "France"


def test_a_things_year_moves_its_date_unless_the_call_was_sent_that_date() -> None:
    from datagen.generator.moments import calendar_parts
    # a film listed with year 2022 is not "released 2026-07-17, year 2026" in its details
    film = {"released": "2026-07-17T10:22:00Z", "year": "2022"}
    calendar_parts(film)
    assert film == {"released": "2022-07-17T10:22:00Z", "year": "2022"}
    # a date the user asked about stays: the year and month follow it
    day = {"date": "2026-05-31", "year": 2024, "month": 1}
    calendar_parts(day, frozenset({"2026-05-31"}))
    assert day == {"date": "2026-05-31", "year": 2026, "month": 5}
    leap = {"date": "2024-02-29", "year": 2023}
    calendar_parts(leap)
    assert leap["date"] == "2023-02-28"
