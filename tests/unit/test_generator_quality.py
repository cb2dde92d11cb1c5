"""What a reader of the corpus notices: unfilled templates, empty final answers, clumsy intents,
from/to pairs with one value, and join steps that ignore part of a parallel group."""

from __future__ import annotations

import random
import re
import string
from pathlib import Path

import pytest

from datagen.generator import phrases as ph
from datagen.generator.intent import intent as intent_of
from datagen.generator.assistant import role_pairs
from datagen.generator.conversation import generate_conversation
from datagen.generator.executor import _leaves
from datagen.core.plan import ConversationState, SourceKind
from datagen.generator.validator import validate
from datagen.generator.worth import thin_reason
from datagen.generator.values import clean_default, different_value, knob_default
from datagen.registry.models import Endpoint, FieldSource, Parameter, ParamType, ResponseField

from tests.unit.test_generator_plans import make_plan, registry, walk_plan


def _templates() -> dict[str, list[str]]:
    return {name: value for name, value in vars(ph).items()
            if name.isupper() and isinstance(value, list) and value and all(isinstance(v, str) for v in value)}


def test_every_template_renders_with_its_keys_and_no_brace_survives() -> None:
    checked = 0
    for name, templates in _templates().items():
        for template in templates:
            keys = {field for _, field, _, _ in string.Formatter().parse(template) if field}
            text = ph.fill(template, **{k: f"value of {k}" for k in keys})
            assert "{" not in text and "}" not in text, (name, template, text)
            checked += bool(keys)
    assert checked >= 40
    # a slot nobody filled disappears instead of reaching the text
    assert ph.fill("Let me {intent} for {v}.", intent="search hotels") == "Let me search hotels for."
    assert ph.fill("the {l} is {v}", l="address", v="{address}") == "the address is (address)"
    assert "{" not in ph.render("{address}")


def _corpus(reg_path: Path | None, n: int, seed: int) -> list[ConversationState]:
    reg = registry(reg_path) if reg_path else registry()
    rng = random.Random(seed)
    return [generate_conversation(walk_plan(reg, rng.randrange(2**31), i)) for i in range(n)]


@pytest.fixture(scope="module")
def both_corpora(toolbench_tools: Path) -> list[ConversationState]:
    return _corpus(None, 250, 11) + _corpus(toolbench_tools, 250, 12)


def test_no_placeholder_or_brace_in_any_message_of_500_conversations(both_corpora: list[ConversationState]) -> None:
    for state in both_corpora:
        for message in state.messages:
            if message["role"] == "tool":
                continue
            assert not re.search(r"[{}]", message["content"]), (state.plan.conversation_id, message["content"])


def test_final_answer_states_returned_values(both_corpora: list[ConversationState]) -> None:
    for state in both_corpora:
        answer = state.messages[-1]["content"]
        leaves = [v for out in state.tool_outputs for _, v in _leaves(out["output"], "") if v not in (None, "", [], {})]
        returned = [ph.render(v) for v in leaves]
        if not returned:
            continue
        if all(isinstance(v, bool) for v in leaves):
            # an act answered with only a success flag is reported as done, not as "true"
            assert "went through" in answer or "done" in answer.lower(), (state.plan.conversation_id, answer)
            continue
        assert "no details" not in answer and "returned no fields" not in answer, state.plan.conversation_id
        if "nothing to report" in answer:
            # only a thin conversation (ids and tallies came back) may say so rather than read out its
            # ids; the job gives it way to another candidate (`generator.worth`)
            assert thin_reason(state) is not None, (state.plan.conversation_id, answer)
            continue
        quoted = [v for v in returned if v and v in answer]
        assert quoted, (state.plan.conversation_id, answer)


def test_corpora_validate_and_pairs_never_share_a_value(both_corpora: list[ConversationState]) -> None:
    for state in both_corpora:
        assert validate(state, {e.id: e for e in state.plan.endpoints}) == []
        for call, step in enumerate(state.plan.call_order()):
            args = state.tool_calls[call]["parameters"]
            for second, (first, _) in role_pairs(state.plan.endpoints[step]).items():
                if first in args and second in args:
                    assert ph.render(args[first]) != ph.render(args[second]), (state.plan.conversation_id, args)


def test_placeholder_defaults_are_not_values() -> None:
    for default in ("{address}", "<user_id>", "string", "YOUR_API_KEY", "enter value here", "xxx"):
        param = Parameter(name="address", type=ParamType.STRING, required=False, default=default, concept="address")
        assert clean_default(param) is None, default
    kept = Parameter(name="region", type=ParamType.STRING, required=False, default="enterprise", concept="region")
    assert clean_default(kept) == "enterprise"
    blob = Parameter(name="features", type=ParamType.STRING, required=True, concept="features",
                     default='{"a": true, "b": false}')
    assert knob_default(blob) == '{"a": true, "b": false}'


def _endpoint(name: str, description: str = "", params: list[Parameter] | None = None) -> Endpoint:
    return Endpoint(id=f"tool::{name}", tool_id="tool", slug=name, name=name, description=description,
                    category="Other", rk=1, parameters=params or [], response_fields=[])


@pytest.mark.parametrize(("name", "description", "expected"), [
    ("request_ride", "", "request the ride"),
    ("cancel_ride", "Cancel a ride; a fee may apply after 2 minutes.", "cancel the ride"),
    ("search_hotels", "Search hotels (results are cached for 5 minutes) in a city.", "find the hotels"),
    ("Generate Password", "Generate Password", "generate a password"),
    ("getting_full_details", "", "get the full details"),
    ("where_to_watch", "", "find out where to watch"),
    # the description is never read: the name, as a noun phrase, or a generic request
    ("PlayerImage", "Get the image for a player in PNG format by providing the player ID.", "get the player image"),
    ("weekly_schedule", "Get all events from the date specified plus 7 days in advance", "get the weekly schedule"),
    ("getpilebysessionidandname", "Get a pile of cards by session id and name", "get the pile"),
    ("capture", "Main API endpoint used to generate GIFs", "look that up"),
    ("username_4fun", "", "look that up"),
])
def test_intents_are_short_verb_phrases(name: str, description: str, expected: str) -> None:
    assert intent_of(_endpoint(name, description)) == expected


def test_article() -> None:
    assert ph.article("entertainment") == "an"
    assert ph.article("user") == "a"
    assert ph.article("finance") == "a"
    assert ph.article("hour") == "an"


def test_role_pairs() -> None:
    def p(name: str, concept: str, ptype: ParamType = ParamType.STRING) -> Parameter:
        return Parameter(name=name, type=ptype, required=True, concept=concept)
    convert = _endpoint("convert", params=[p("amount", "amount"), p("currency", "currency"),
                                           p("target_currency", "currency")])
    assert role_pairs(convert) == {"target_currency": ("currency", False)}
    dates = _endpoint("events", params=[p("end_date", "date", ParamType.DATE), p("start_date", "date", ParamType.DATE)])
    assert role_pairs(dates) == {"end_date": ("start_date", True)}
    bare = _endpoint("fx", params=[p("to", "to"), p("amount", "amount"), p("from", "from")])
    assert role_pairs(bare) == {"to": ("from", True)}
    assert role_pairs(_endpoint("x", params=[p("city", "city"), p("country", "country")])) == {}


def test_different_value_keeps_the_kind() -> None:
    rng = random.Random(3)
    cur = Parameter(name="target_currency", type=ParamType.STRING, required=True, concept="currency")
    assert different_value("USD", cur, rng) not in ("USD", None)
    assert re.fullmatch(r"[A-Z]{3}", different_value("USD", cur, rng))
    end = Parameter(name="end_date", type=ParamType.DATE, required=True, concept="date")
    assert different_value("2026-04-01", end, rng, after=True) > "2026-04-01"


def test_pairs_differ_when_one_end_comes_from_memory() -> None:
    ep = registry().endpoint_index()
    for seed in range(40):
        plan = make_plan([ep["paybridge::get_payment_status"], ep["fxrate_exchange::convert_currency"]], seed)
        state = generate_conversation(plan)
        args = state.tool_calls[1]["parameters"]
        assert args["currency"] != args["target_currency"], (seed, args)
        plan = make_plan([ep["homehunt::get_viewing_status"], ep["eventhorizon::search_events"]], seed)
        args = generate_conversation(plan).tool_calls[1]["parameters"]
        assert args["start_date"] < args["end_date"], (seed, args)


def test_join_step_after_a_parallel_group_grounds_on_every_output_of_the_group() -> None:
    ep = registry().endpoint_index()
    for seed in range(20):
        # productId comes only from the first call of the group, not from the last one
        plan = make_plan([ep["shopsphere::get_product"], ep["paybridge::get_payment_status"],
                          ep["shopsphere::add_to_cart"]], seed, groups=[0, 0, 1])
        state = generate_conversation(plan)
        src = next(s for s in state.argument_sources if s.call == 2 and s.param == "productId")
        assert src.source is SourceKind.STEP_OUTPUT and src.step == 0


def test_a_service_id_never_crosses_to_an_unrelated_tool() -> None:
    ep = registry().endpoint_index()
    for seed in range(20):
        plan = make_plan([ep["shopsphere::get_product"], ep["reviewhub::submit_review"]], seed)
        state = generate_conversation(plan)
        src = next(s for s in state.argument_sources if s.call == 1 and s.param == "productId")
        assert src.source is not SourceKind.STEP_OUTPUT, (seed, src)


def test_parallel_plans_of_the_seed_corpus_need_no_mock_fallback() -> None:
    reg = registry()
    rng = random.Random(99)
    parallel = 0
    for index in range(150):
        plan = walk_plan(reg, rng.randrange(2**31), index)
        if len(plan.call_groups()) == len(plan.steps):
            continue
        parallel += 1
        state = generate_conversation(plan)
        assert state.warnings == [], state.warnings
        assert not any(s.source is SourceKind.MOCK_FALLBACK for s in state.argument_sources)
    assert parallel >= 10


def test_same_entity_keeps_its_name_across_calls() -> None:
    ep = registry().endpoint_index()
    plan = make_plan([ep["staynest_hotels::search_hotels"], ep["staynest_hotels::get_hotel_details"]], 5)
    state = generate_conversation(plan)
    hotel_id = state.tool_calls[1]["parameters"]["hotel_id"]
    listed = next(h for h in state.tool_outputs[0]["output"]["hotels"] if h["hotel_id"] == hotel_id)
    assert state.tool_outputs[1]["output"]["name"] == listed["name"]


def test_empty_output_schema_still_gives_something_to_report() -> None:
    field = ResponseField(path="data", name="data", type=ParamType.OBJECT, concept="data", source=FieldSource.EXAMPLE)
    endpoint = Endpoint(id="tool::thing", tool_id="tool", slug="thing", name="get thing", category="Other", rk=1,
                        parameters=[], response_fields=[field])
    plan = make_plan([endpoint], 1)
    state = generate_conversation(plan)
    assert "returned no fields" not in state.messages[-1]["content"]
