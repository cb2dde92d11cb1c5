"""Registry: ids, types, concepts, response fields and deduplication."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from datagen.ingest.models import RawApi, RawTool, RawToolRecord
from datagen.ingest.reader import ingest
from datagen.registry.build import build_registry
from datagen.registry.fields import is_json_schema, response_fields
from datagen.registry.models import FieldSource, ParamType
from datagen.registry.naming import concept_of, rank_key, slug, standardize
from datagen.registry.types import enum_values, normalise_type


def _record(name: str, apis: list[dict[str, Any]], category: str = "Travel", file: str = "f.json") -> RawToolRecord:
    return RawToolRecord(source_file=file, category=category,
                         tool=RawTool.model_validate({"tool_name": name, "api_list": apis}))


@pytest.mark.parametrize(("raw", "expected"), [
    ("STRING", ParamType.STRING), ("string", ParamType.STRING), ("NUMBER", ParamType.NUMBER),
    ("DATE (YYYY-MM-DD)", ParamType.DATE), ("TIME (24-hour HH:MM)", ParamType.TIME),
    ("GEOPOINT (latitude, longitude)", ParamType.GEOPOINT), ("enum", ParamType.ENUM),
    ("BINARY", ParamType.BINARY), (None, ParamType.STRING), ("SOMETHING ODD", ParamType.STRING),
])
def test_type_normalisation(raw: str | None, expected: ParamType) -> None:
    assert normalise_type(raw) is expected


def test_enum_values_from_description() -> None:
    assert enum_values("Cabin class, one of: economy, business, first", "") == ["economy", "business", "first"]
    assert enum_values("Possible values: `asc`, `desc`", "desc") == ["asc", "desc"]
    assert enum_values("Output format", "json") == ["json"]
    assert enum_values("Free text", "") is None


@pytest.mark.parametrize(("name", "context", "concept"), [
    ("hotelId", None, "hotel_id"), ("hotel_id", None, "hotel_id"), ("HotelID", None, "hotel_id"),
    ("id", "hotel", "hotel_id"), ("lat", None, "latitude"), ("lng", None, "longitude"),
    ("from_currency", None, "currency"), ("departureDate", None, "date"), ("zip", None, "postal_code"),
    ("id_user", None, "user_id"), ("productIds", None, "product_id"),
])
def test_concept_keys(name: str, context: str | None, concept: str) -> None:
    assert concept_of(name, context) == concept


def test_slugs_follow_toolbench_standardize() -> None:
    assert standardize("GreenTest23/02") == "greentest2302"
    assert standardize("1st API") == "get_1st_api"
    assert standardize("Hotels  Search!") == "hotels_search"
    long = slug("x" * 100)
    assert len(long) <= 64 and long == slug("x" * 100)


def test_rank_key_is_stable_40_bit() -> None:
    assert rank_key("a::b") == rank_key("a::b") < 2**40
    assert rank_key("a::b") != rank_key("a::c")


def test_fields_from_schema_nested_arrays_qualify_ids() -> None:
    api = RawApi.model_validate({"name": "Search Hotels", "schema": {
        "type": "object", "properties": {"hotels": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "price": {"type": "number"}}}}}}})
    fields = response_fields(api, [])
    assert [(f.path, f.concept, f.type, f.source) for f in fields] == [
        ("hotels[].id", "hotel_id", ParamType.STRING, FieldSource.SCHEMA),
        ("hotels[].price", "amount", ParamType.NUMBER, FieldSource.SCHEMA),
    ]


def test_example_response_in_schema_slot_is_read_as_example() -> None:
    example = {"name": "bulbasaur", "type": "grass, poison", "id": 1}
    assert not is_json_schema(example)
    api = RawApi.model_validate({"name": "Get Pokemon By ID", "schema": example})
    fields = response_fields(api, [])
    assert {f.path: f.concept for f in fields} == {"name": "pokemon_name", "type": "type", "id": "pokemon_id"}
    assert all(f.source is FieldSource.EXAMPLE and not f.inferred for f in fields)


def test_schema_as_json_string_is_decoded() -> None:
    api = RawApi.model_validate({"name": "Quote", "schema": '{"type": "object", "properties": {"symbol": {"type": "string"}}}'})
    assert [f.concept for f in response_fields(api, [])] == ["symbol"]


def test_inferred_fields_are_marked() -> None:
    api = RawApi.model_validate({"name": "searchRestaurants", "description": "Find restaurants by city", "schema": ""})
    fields = response_fields(api, [])
    assert fields and all(f.inferred and f.source is FieldSource.INFERRED for f in fields)
    assert {"restaurant_id", "city"} <= {f.concept for f in fields}
    assert all(f.path.startswith("results[].") for f in fields)


def test_parameters_required_defaults_enums() -> None:
    registry = build_registry([_record("Flights", [{
        "name": "Search flights",
        "required_parameters": [{"name": "origin", "type": "STRING", "description": "IATA", "default": ""}],
        "optional_parameters": [
            {"name": "cabin", "type": "ENUM", "description": "one of: economy, business", "default": "economy"},
            {"name": "page", "type": "NUMBER", "description": "", "default": "1"},
            {"name": "origin", "type": "STRING", "description": "dup", "default": ""}],
    }])])
    (endpoint,) = registry.endpoints()
    assert endpoint.id == "flights::search_flights"
    params = {p.name: p for p in endpoint.parameters}
    assert list(params) == ["origin", "cabin", "page"]
    assert params["origin"].required and params["origin"].default is None
    assert params["cabin"].enum == ["economy", "business"] and params["cabin"].default == "economy"
    assert params["page"].type is ParamType.INTEGER and params["page"].default == 1 and params["page"].control


def test_dedup_tools_and_endpoints_reported() -> None:
    api = {"name": "Get Item", "required_parameters": [{"name": "item_id", "type": "STRING"}]}
    other = {"name": "Get Item", "required_parameters": [{"name": "sku", "type": "STRING"}]}
    registry = build_registry([
        _record("Shop", [api, api, other], category="eCommerce", file="a.json"),
        _record("Shop", [api, api, other], category="Other", file="b.json"),
        _record("Shop", [other], category="Zeta", file="c.json"),
    ])
    assert [t.id for t in registry.tools] == ["shop", "shop__zeta"]
    assert [e.id for e in registry.tools[0].endpoints] == ["shop::get_item", "shop::get_item_2"]
    actions = sorted((d.kind, d.action) for d in registry.duplicates)
    assert actions == [("endpoint", "dropped"), ("endpoint", "renamed"), ("tool", "dropped"), ("tool", "renamed")]


def test_registry_is_independent_of_input_order() -> None:
    a = _record("A", [{"name": "x"}], file="a.json")
    b = _record("B", [{"name": "y"}], category="Food", file="b.json")
    assert build_registry([a, b]).model_dump() == build_registry([b, a]).model_dump()


def test_real_toolbench_registry(toolbench_tools: Path) -> None:
    registry = build_registry(ingest(toolbench_tools).tools)
    endpoints = registry.endpoints()
    assert len(endpoints) >= 2600
    ids = [e.id for e in endpoints]
    assert len(ids) == len(set(ids))
    assert all("::" in i for i in ids)
    sources = {e.response_fields[0].source for e in endpoints if e.response_fields}
    assert sources == {FieldSource.SCHEMA, FieldSource.EXAMPLE, FieldSource.BORROWED, FieldSource.INFERRED}
    assert sum(1 for e in endpoints if e.response_fields) / len(endpoints) > 0.9


def test_a_bare_name_of_a_thing_is_qualified_like_a_bare_id() -> None:
    # `/planets` lists `[].name` and `/planets/{name}` takes it: one concept, so the two link
    assert concept_of("name", "planet") == "planet_name"
    assert concept_of("name", "user") == "name"  # a person's name is too vague to link
    assert concept_of("name") == "name"
