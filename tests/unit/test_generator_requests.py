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
from datagen.generator.intent import intent, noun_phrase, segment
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
