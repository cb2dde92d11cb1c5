"""Turns people have: the user picks from a list before the assistant acts on it, the opening names
the goal and not the chain, the final answer says what came back in words."""

from __future__ import annotations

import random
import re

from datagen.generator import answer, choice
from datagen.core.plan import ConversationState, FieldValue
from datagen.generator.assistant import Assistant
from datagen.generator.conversation import generate_conversation
from datagen.generator.goal import end_steps, wish
from datagen.core.plan import SourceKind

from tests.unit.test_generator_plans import make_plan, registry


def _search_then_act() -> list[object]:
    ep = registry().endpoint_index()
    return [ep["shopsphere::search_products"], ep["shopsphere::add_to_cart"]]


def test_the_user_picks_an_item_of_a_list_before_the_assistant_acts_on_it() -> None:
    picked_positions = set()
    for seed in range(30):
        state = generate_conversation(make_plan(_search_then_act(), seed))  # type: ignore[arg-type]
        src = next(s for s in state.argument_sources if s.call == 1 and s.param == "productId")
        assert src.source is SourceKind.STEP_OUTPUT
        products = state.tool_outputs[0]["output"]["products"]
        if len(products) < 2:
            continue
        chosen = next(p for p in products if p["productId"] == src.value)
        picked_positions.add(products.index(chosen))
        roles = [m["role"] for m in state.messages]
        first_tool = roles.index("tool")
        # assistant lists the options, the user answers with the name of the one acted on
        question, reply = state.messages[first_tool + 1], state.messages[first_tool + 2]
        assert question["role"] == "assistant" and not question.get("tool_calls"), state.messages
        assert all(p["title"] in question["content"] for p in products[:choice.MAX_OPTIONS])
        assert reply["role"] == "user" and chosen["title"] in reply["content"]
    assert len(picked_positions) >= 2, "the user always picked the same position"


def test_no_choice_turn_when_the_list_has_one_item_or_nothing_feeds_from_it() -> None:
    ep = registry().endpoint_index()
    for seed in range(10):
        state = generate_conversation(make_plan([ep["shopsphere::get_product"], ep["paybridge::get_payment_status"]],
                                                seed, groups=[0, 0]))
        assert not state.choices
        assert [m["role"] for m in state.messages].count("user") == 1


def test_the_opening_asks_for_the_ends_not_for_the_means() -> None:
    plan = make_plan(_search_then_act(), 3)  # type: ignore[arg-type]
    assert end_steps(plan) == [1]  # the search only finds the product to act on
    state = generate_conversation(plan)
    opening = state.messages[0]["content"]
    assert wish(plan.endpoints[1]) in opening
    assert wish(plan.endpoints[0]) not in opening
    assert "::" not in opening and not re.search(r"\b[a-z]+_[a-z_]+\b", opening), opening


def test_final_answer_speaks_in_words_about_what_came_back() -> None:
    rng = random.Random(1)
    text = answer.describe({"email": "ana@example.org", "is_valid": False, "has_mx_records": True}, set(), rng)
    assert "it is not valid" in text and "it has mx records" in text and "ana@example.org" in text
    listing = answer.describe({"results": [{"hotel_id": "h1", "name": "Casa Azul", "price": 120},
                                           {"hotel_id": "h2", "name": "Hotel Sol", "price": 95}]}, set(), rng)
    assert listing.startswith("I found 2 hotels: Casa Azul and Hotel Sol"), listing
    assert "_" not in listing.replace("h1", "").replace("h2", "")
    assert answer.describe({"ok": True}, set(), rng) == ""  # envelope only: the caller reports it


def test_an_action_is_always_something_the_user_asked_for() -> None:
    ep = registry().endpoint_index()
    plan = make_plan([ep["learnpath::search_courses"], ep["learnpath::enroll_in_course"],
                      ep["learnpath::get_enrollment_progress"]], 5)
    assert end_steps(plan) == [1, 2]  # the search is a means; the enrolment is not a silent side effect
    opening = generate_conversation(plan).messages[0]["content"]
    assert wish(plan.endpoints[1]) in opening and wish(plan.endpoints[0]) not in opening


def test_the_picked_item_outranks_a_later_call_of_the_same_concept() -> None:
    ep = registry().endpoint_index()
    plan = make_plan([ep["shopsphere::search_products"], ep["shopsphere::get_product"],
                      ep["shopsphere::add_to_cart"]], 1, groups=[0, 0, 1])
    plan.steps[2].via = ["productId->productId"]  # the graph's pair names get_product's own productId
    state = ConversationState(plan=plan)
    items = [{"productId": "prd_a", "title": "Desk A"}, {"productId": "prd_b", "title": "Desk B"}]
    state.tool_outputs = [{"name": plan.endpoints[0].id, "output": {"products": items}},
                          {"name": plan.endpoints[1].id, "output": {"productId": "prd_c"}}]
    state.accumulated_fields = [FieldValue(step=0, path="products[].productId", concept="product_id", value="prd_a"),
                                FieldValue(step=0, path="products[].productId", concept="product_id", value="prd_b"),
                                FieldValue(step=1, path="productId", concept="product_id", value="prd_c")]
    state.choices = {"0|products[]": items[1]}
    param = next(p for p in plan.endpoints[2].parameters if p.name == "productId")
    hit = Assistant(state, random.Random(0)).lookup(2, param)
    assert hit is not None and hit[1] == "prd_b"  # the user picked Desk B: not the other call's product


def test_a_field_no_one_can_read_out_is_not_reported() -> None:
    text = answer.describe({"zz_rate": 4.2, "price": 12.5}, set(), random.Random(0))
    assert "zz" not in text and "12.5" in text


def test_a_unit_is_said_after_its_number() -> None:
    assert "the runtime is 166 minutes" in answer.describe({"runtime_minutes": 166, "title": "Dune"}, set(),
                                                            random.Random(0))
    assert "estimated 90 minutes" in answer.describe({"estimated_minutes": 90}, set(), random.Random(0)).lower()


def test_a_count_under_a_containers_name_is_a_tally_not_a_fact() -> None:
    from datagen.generator.facts import is_tally
    assert is_tally("results", 10) and is_tally("items", 3) and not is_tally("results", [1])
    assert "number of results" not in answer.describe({"results": 10}, set(), random.Random(0)).lower()


def test_a_count_is_said_in_a_plural_noun_of_things_or_in_entries() -> None:
    from datagen.generator.phrases import count_noun
    assert count_noun("hotel") == "hotels" and count_noun("tracks") == "tracks"
    assert count_noun("electricity price") == "electricity prices"
    # "I found 3 publisheds", "3 0S", "2 datas", "2 fboes", "2 ms" read as code
    assert {count_noun(w) for w in ("published", "0", "data", "fbo", "m")} == {"entries"}  # "2 ms" too
