"""Requests are said from what an endpoint returns, never from its docs; answers report values.

Each row is a small synthetic endpoint (a name, a description, response paths) and the phrase a
person would use. The descriptions are the kind readers rejected when they reached a turn
("Stop sequence of a trip", "Optimize and recommend …"): no row's phrase may contain them.
"""

from __future__ import annotations

import random

import pytest

from datagen.generator.answer import describe, final_answer, has_content, is_tally
from datagen.generator.choice import Choice, pick
from datagen.generator.goal import GENERIC_WISH, wish
from datagen.generator.glued import segment
from datagen.generator.intent import intent, noun_phrase, request
from datagen.generator.user_proxy import _about
from datagen.registry.models import Endpoint, FieldSource, ParamType, ResponseField


def _ep(name: str, description: str = "", paths: tuple[str, ...] = ()) -> Endpoint:
    fields = [ResponseField(path=p, name=p.rsplit(".", 1)[-1], type=ParamType.STRING, source=FieldSource.OBSERVED,
                            concept=p.rsplit(".", 1)[-1].replace("[]", "")) for p in paths]
    return Endpoint(id=f"tool::{name}", tool_id="tool", slug=name, name=name, description=description,
                    category="Other", rk=1, parameters=[], response_fields=fields)


@pytest.mark.parametrize(("name", "description", "paths", "expected"), [
    # (name, description, response paths) → the user's wish; why:
    # the addressing ("with username") is a value the user gives, not part of the wish; a list is plural
    ("get_user_reel_with_username", "Get the user reel with username", ("results[].caption",), "get the user reels"),
    # a verb as the head ("optimize and recommend") is no noun phrase: what it returns says it
    ("optimize_and_recommend", "Optimize and recommend the results", ("recommendations[].title",),
     "get the recommendations"),
    # … and with nothing plain returned either, a generic request, never the docs
    ("optimize_and_recommend", "Optimize and recommend the results", ("results[].x",), GENERIC_WISH),
    # a leading word that is a noun here (`stop`) is not a command: "the stop sequence"
    ("stop_sequence_of_trip", "Stop sequence of a trip", (), "get the stop sequence"),
    # run-together names are split into plain words; the group prefix and the key go
    ("teamscontroller_getteambyid", "This endpoint returns the team by id", (), "get the team"),
    ("getearningsdate", "", (), "get the earnings date"),
    ("hasevents", "", (), "check whether it has events"),
    # a container before "of" is not the thing: the markets are
    ("list_of_markets", "Get a list of markets", (), "get the markets"),
    # an acting verb stays: the user wants it done
    ("send_sms", "This API allows you to send an SMS to any number", (), "send the sms"),
    ("Generate Password", "Generate Password", (), "generate a password"),
    ("vin_decoder", "", (), "decode the vin"),
    ("advanced_search", "", (), "run an advanced search"),
    ("search_hotels", "Search hotels (results are cached for 5 minutes) in a city.", (), "find the hotels"),
    # a word under the plain-word bar gives way to what the response holds, else to the generic wish
    ("heizgradtage", "Berechnet Heizgradtage", ("degree_days[].value",), "get the degree days"),
    ("xqzvplr", "", (), GENERIC_WISH),
    # English word order: version words go, adjectives before the noun, a plural modifier singular
    ("electricity_price_hourly", "", (), "get the hourly electricity price"),
    ("product_beta", "", (), "get the product"),
    ("properties_estimate", "", (), "get the property estimate"),
    ("getearningsdate", "", (), "get the earnings date"),
    # a verb of how the API narrows a list is no part of the thing; adjectives alone name nothing
    ("filter_german_cities", "", (), "get the german cities"),
    ("historical_daily", "", ("forecastDaily.days[].temperatureMax",), "get the daily forecast"),
])
def test_wishes_come_from_what_the_endpoint_returns(name: str, description: str, paths: tuple[str, ...],
                                                    expected: str) -> None:
    endpoint = _ep(name, description, paths)
    said = wish(endpoint)
    assert said == expected
    for debris in ("this endpoint", "this api", "allows you", "sequence of", "optimize and recommend", "with username",
                   "results are cached"):
        assert debris not in said.lower() and debris not in intent(endpoint).lower()


@pytest.mark.parametrize(("words", "plain"), [
    (["stop", "sequence"], True),
    (["exchange", "rate"], True),  # a verb that is a noun as often is a fine head
    (["optimize", "and", "recommend"], False),  # verbs as heads
    (["user", "reel", "with"], False),  # a dangling preposition
    (["qxzt", "report"], False),  # a word under the plain-word bar
])
def test_noun_phrase_check(words: list[str], plain: bool) -> None:
    assert (noun_phrase(words) is not None) is plain


def test_segment_splits_glued_names_into_plain_words() -> None:
    assert segment("gethighlightbyid") == ("get", "highlight", "by", "id")
    assert segment("weather") == ("weather",)


@pytest.mark.parametrize(("tasks", "subject", "expected"), [
    (GENERIC_WISH, ("k", "@vfoster76"), "look up @vfoster76"),
    ("get the user reels", ("k", "@vfoster76"), "get the reels for @vfoster76"),
    ("get the pet", ("k", "order 421454"), "get the pet for order 421454"),
    ("get the order status", ("k", "order 421454"), "get the status for order 421454"),
])
def test_a_request_is_said_about_the_users_own_thing(tasks: str, subject: tuple[str, str], expected: str) -> None:
    assert _about(tasks, subject) == expected


def test_tallies_and_envelopes_are_never_the_answer() -> None:
    assert is_tally("num_results") and is_tally("total") and is_tally("per_page") and not is_tally("price")
    hollow = {"status": "ok", "num_results": 5, "results": []}
    assert not has_content(hollow)
    assert describe(hollow, set(), random.Random(0)) == ""
    found = {"status": "ok", "total": 2, "results": [{"name": "Oslo Lions", "rank": 3}, {"name": "Bergen Owls", "rank": 4}]}
    text = describe(found, set(), random.Random(0), head="team")
    assert "Oslo Lions" in text and "total" not in text and "status" not in text


def test_an_option_known_only_by_its_facts_is_picked_by_its_place() -> None:
    from datagen.core.plan import ConversationPlan, ConversationState
    state = ConversationState(plan=ConversationPlan.model_construct(conversation_id="c", seed=1, endpoints=[], steps=[],
                                                                    clarify=[]))
    items = [{"distance_m": 8, "point_id": 1}, {"distance_m": 12, "point_id": 2}]
    choice = Choice(call=0, container="results[]", key="point_id", items=items)
    assert "distance 8 m" in choice.names()[0]
    for seed in range(6):
        reply = pick(state, choice, random.Random(seed))
        assert "distance" not in reply.lower() and " one" in reply, reply


@pytest.mark.parametrize(("name", "paths", "expected"), [
    # (glued or camel name, response paths) → the request; why:
    # a piece that is no word of its own (`div`) is read from the field that spells it out
    ("getnextexdiv", ("symbol", "exDividendDate"), "get the next ex dividend date"),
    ("getNextExDiv", ("symbol", "exDividendDate"), "get the next ex dividend date"),
    # a split whose pieces are all words stays as it is
    ("gethighlightbyid", ("highlight.date",), "get the highlight"),
    # debris pieces (`tre ate ment`, `par ams`) are never said: what the response holds is, else the generic wish
    ("anxiety_treatement", ("therapists[].name",), "get the therapists"),
    ("params", (), GENERIC_WISH),
    ("qzxgeocoders", (), GENERIC_WISH),
    # a one- or two-letter word is never "spelled out" from a field that happens to begin with it
    ("get_a_random_quote", ("amount",), "get the random quote"),
])
def test_a_glued_name_is_split_only_into_words(name: str, paths: tuple[str, ...], expected: str) -> None:
    assert wish(_ep(name, "", paths)) == expected


def test_segment_keeps_a_token_whole_when_a_piece_is_no_word() -> None:
    assert segment("getnextexdiv") == ("getnextexdiv",)
    assert segment("getnextexdiv", (("ex", "dividend", "date"),)) == ("get", "next", "ex", "dividend", "date")
    assert segment("params") == ("params",)


@pytest.mark.parametrize(("names", "expected"), [
    # (endpoints said together) → their requests; why:
    # two that would read the same keep the plain tail that tells them apart; a verb tail is no noun phrase
    (("searchpropertyforrent", "searchpropertyforsell"), ("find the property for rent", "find the property")),
    (("get_quote_by_year", "get_quote_by_character"), ("get the quote by year", "get the quote by character")),
    (("get_joke_of_the_day_by_category", "get_joke_of_the_day"), ("get the joke by category", "get the joke")),
    # alone, or beside a request that reads differently, the tail stays unsaid
    (("searchpropertyforrent",), ("find the property",)),
    (("get_quote_by_year", "get_random_joke"), ("get the quote", "get the random joke")),
    # a tail that is not plain words is never said
    (("get_quote_by_qzxv", "get_quote_by_year"), ("get the quote", "get the quote by year")),
])
def test_two_requests_that_would_read_alike_keep_what_tells_them_apart(names: tuple[str, ...],
                                                                     expected: tuple[str, ...]) -> None:
    endpoints = [_ep(n) for n in names]
    assert tuple(intent(e, endpoints) for e in endpoints) == expected
    assert tuple(wish(e, endpoints) for e in endpoints) == expected


def test_the_answer_leads_each_part_with_the_phrase_the_call_was_announced_with() -> None:
    from datagen.core.plan import ConversationState
    from tests.unit.test_generator_plans import make_plan
    rent, sell = _ep("searchpropertyforrent", "", ("data[].price",)), _ep("searchpropertyforsell", "", ("data[].price",))
    state = ConversationState(plan=make_plan([rent, sell], 4, groups=[0, 0]))
    for endpoint, prices in ((rent, (1200, 1350)), (sell, (250000, 310000))):
        state.tool_calls.append({"name": endpoint.id, "parameters": {}})
        state.tool_outputs.append({"name": endpoint.id, "output": {"data": [{"price": p} for p in prices]}})
    text = final_answer(state, [0, 1], random.Random(0))
    for endpoint in (rent, sell):
        thing = request(endpoint, [rent, sell]).thing()
        assert thing is not None and intent(endpoint, [rent, sell]).endswith(thing)
    assert "For the properties for rent," in text and "For the properties," in text, text


def test_requests_for_one_thing_are_said_once() -> None:
    from datagen.generator.goal import _merged
    assert _merged(["get the country", "get the countries"]) == ["get the country"]
    assert _merged(["get the electricity price hourly", "get the electricity price daily"]) == [
        "get the electricity price hourly and daily"]
    assert _merged(["get the video details", "get the video comments"]) == ["get the video details and comments"]
    assert _merged(["get the peer metrics", "find the price forecasts"]) == [
        "get the peer metrics", "find the price forecasts"]


def test_two_steps_asked_for_in_the_same_words_are_a_repeated_wish() -> None:
    from datagen.generator.goal import repeated_wish
    from tests.unit.test_generator_plans import make_plan
    one, many = _ep("get_country", "", ("name",)), _ep("get_countries", "", ("items[].name",))
    assert repeated_wish(make_plan([one, many], 1, groups=[0, 0])) is not None
    other = _ep("get_weather", "", ("temperature",))
    assert repeated_wish(make_plan([one, other], 1, groups=[0, 0])) is None


@pytest.mark.parametrize(("name", "labels", "expected"), [
    # (endpoint name, labels the answer tells) → the opening's wish; why:
    # a lookup is asked for by what its answer tells, about the thing it looks up
    ("get_post", ["caption", "comment count"], "find out the caption and comment count of the post"),
    # the answer's wrapping ("details") is not the thing
    ("get_movie_details", ["runtime", "age rating"], "find out the runtime and age rating of the movie"),
    # a label that is the thing itself is said as the thing, not "the rate of the exchange rate"
    ("get_exchange_rate", ["rate", "date"], "find out the exchange rate and date"),
    ("get_local_time", ["date", "local time"], "find out the date and local time"),
    # a thing named like an endpoint says its qualifiers first; a label made of its words is the thing
    ("electricity_price_daily_average", ["time", "average price"], "find out the time and daily average electricity price"),
    # an act is asked for by what it does; a label that is no noun cannot follow "find out the"
    ("send_sms", ["cost"], None),
    ("get_sms_status", ["delivered at"], None),
    ("get_release", ["released"], None),
    ("get_post", [], None),
    # a field name read aloud is no label a person asks by: it is left out, and with nothing left, the wish
    ("get_movie", ["title long", "year", "rating"], "find out the year and rating of the movie"),
    ("get_quote", ["as date"], None),
    ("get_quote", ["is active", "price new"], None),
])
def test_a_lookup_is_asked_for_by_what_its_answer_tells(name: str, labels: list[str], expected: str | None) -> None:
    from datagen.generator.goal import wanted_phrase
    assert wanted_phrase(_ep(name), labels) == expected


def test_the_opening_asks_for_the_facts_the_final_answer_tells() -> None:
    from datagen.core.plan import ConversationState
    from datagen.generator.goal import ask_phrase
    from tests.unit.test_generator_plans import make_plan
    post = _ep("get_post", "", ("caption", "comment_count"))
    state = ConversationState(plan=make_plan([post], 3))
    state.tool_calls.append({"name": post.id, "parameters": {"url": "https://example.com/p/1"}})
    state.tool_outputs.append({"name": post.id, "output": {"caption": "Sunset at the pier", "comment_count": 46}})
    asked: dict[int, list[str]] = {}
    text = final_answer(state, [0], random.Random(0), asked)
    assert asked == {0: ["caption", "comment count"]}, asked
    assert "Sunset at the pier" in text and "46" in text
    assert ask_phrase(state.plan, {0: asked[0]}) == ["find out the caption and comment count of the post"]
    assert ask_phrase(state.plan) == ["get the post"]  # without the answer's labels: the endpoint's wish
    # an echo of what was sent is no fact the user asked for
    state.tool_outputs[0] = {"name": post.id, "output": {"url": "https://example.com/p/1"}}
    asked = {}
    final_answer(state, [0], random.Random(0), asked)
    assert asked == {}


def test_things_asked_by_what_they_tell_share_one_verb() -> None:
    from datagen.generator.goal import _one_verb
    assert _one_verb(["find out the type of the place", "find out the utc offset of the timezone", "send the sms"]) == [
        "find out the type of the place", "the utc offset of the timezone", "send the sms"]


@pytest.mark.parametrize(("description", "expected"), [
    # a cryptic parameter (`q`) is named by its description only when that names the value
    ("Movie title", "movie title"),
    ("Search term", "search term"),
    # an instruction to the caller is the API's documentation: the concept names the value instead
    ("Enter any movie name to search", "query"),
    ("Provide the title", "query"),
])
def test_a_parameter_is_named_by_what_it_holds_not_by_an_instruction(description: str, expected: str) -> None:
    from datagen.generator.phrases import param_label
    from datagen.registry.models import Parameter
    q = Parameter(name="q", type=ParamType.STRING, concept="query", required=True, description=description)
    assert param_label(q) == expected


def test_a_message_the_user_sends_is_their_own_words_and_an_answers_message_its_outcome() -> None:
    from datagen.generator.values import value_for
    from datagen.registry.models import Parameter
    param = Parameter(name="message", type=ParamType.STRING, concept="message", required=True)
    said = {value_for(param, random.Random(seed)) for seed in range(8)}
    assert "Request completed successfully." not in said, said  # the README's first data had users "send" it
    field = ResponseField(path="message", name="message", type=ParamType.STRING, concept="message",
                          source=FieldSource.SCHEMA)
    assert value_for(field, random.Random(0), strict=True) == "Request completed successfully."
