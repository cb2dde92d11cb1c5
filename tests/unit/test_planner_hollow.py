"""A lookup whose answer can only be the envelope is no step of a plan; an act still is."""

from __future__ import annotations

from datagen.core.plan import ChainStep, SampledChain, SamplingMode
from datagen.planner.memory import CorpusMemory
from datagen.planner.planner import Planner, hollow
from datagen.registry.models import Endpoint, FieldSource, Parameter, ParamType, ResponseField


def _endpoint(name: str, fields: list[tuple[str, ParamType]], params: list[str]) -> Endpoint:
    return Endpoint(
        id=f"shop::{name}", tool_id="shop", slug=name, name=name, category="Commerce", rk=1,
        description=f"{name.replace('_', ' ')} of the shop",
        parameters=[Parameter(name=p, type=ParamType.STRING, required=True, concept=p) for p in params],
        response_fields=[ResponseField(path=f, name=f.rsplit(".", 1)[-1], type=t, concept=f.rsplit(".", 1)[-1],
                                       source=FieldSource.SCHEMA) for f, t in fields])


SEARCH = _endpoint("search_items", [("items[].item_id", ParamType.STRING), ("items[].title", ParamType.STRING),
                                    ("items[].price", ParamType.NUMBER)], ["query"])
DETAILS = _endpoint("get_item_details", [("title", ParamType.STRING), ("price", ParamType.NUMBER),
                                          ("description", ParamType.STRING)], ["item_id"])
BARE = _endpoint("get_item_info", [], ["item_id"])  # no documented answer: the envelope only
BOOKKEEPING = _endpoint("get_item_stock", [("status", ParamType.STRING), ("item_id", ParamType.STRING)], ["item_id"])
SEND = _endpoint("send_item_link", [], ["item_id"])  # an act: its confirmation is the answer


def _chain(*endpoints: Endpoint) -> SampledChain:
    return SampledChain(mode=SamplingMode.SEQUENTIAL, rank=0, steps=[
        ChainStep(endpoint_id=e.id, group=i, via=["items[].item_id->item_id"] if i else [])
        for i, e in enumerate(endpoints)])


def test_hollow_is_a_lookup_with_nothing_found() -> None:
    assert hollow(BARE)  # no fields at all
    assert hollow(BOOKKEEPING)  # a status and the id it was sent
    assert not hollow(DETAILS)
    assert not hollow(SEND)  # an act is asked for for what it does


def test_a_hollow_lookup_is_no_step_of_a_plan() -> None:
    catalog = {e.id: e for e in (SEARCH, DETAILS, BARE, BOOKKEEPING, SEND)}
    planner = Planner(seed=1, memory=CorpusMemory(enabled=False))
    chains = [_chain(SEARCH, BARE), _chain(SEARCH, BOOKKEEPING), _chain(SEARCH, DETAILS), _chain(SEARCH, SEND)]
    held = planner.hold(chains, catalog)
    assert [held[id(c)] for c in chains] == [False, False, True, True]
    # a longer chain is cut before its hollow step, and what stays before it still holds
    plan = planner.plan(0, [_chain(SEARCH, DETAILS, BARE)], catalog)
    assert [e.id for e in plan.endpoints] == [SEARCH.id, DETAILS.id]


def test_a_template_placeholder_or_a_layout_word_is_nothing_found() -> None:
    # a schema whose author pasted `{"key1": …, "key2": …}` documents no answer: the lookup is hollow
    pasted = _endpoint("get_item_record", [("key1", ParamType.STRING), ("key2", ParamType.STRING)], ["item_id"])
    table = _endpoint("get_item_table", [("data.columns[]", ParamType.STRING), ("data.data[]", ParamType.STRING)],
                      ["item_id"])
    assert hollow(pasted) and hollow(table)
    # a numbered field of a real noun (an image, a quarter's score) is content, as before
    images = _endpoint("get_item_images", [("img1", ParamType.STRING), ("q1", ParamType.NUMBER)], ["item_id"])
    assert not hollow(images)
