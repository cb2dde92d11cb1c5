"""Inferred response fields: shaped like what an endpoint without a schema says it does."""

from __future__ import annotations

from datagen.ingest.models import RawApi
from datagen.registry.fields import response_fields
from datagen.registry.models import Parameter, ParamType, ResponseField


def _fields(name: str, description: str, *params: Parameter) -> dict[str, ResponseField]:
    api = RawApi.model_validate({"name": name, "description": description, "schema": ""})
    return {f.path: f for f in response_fields(api, list(params))}


def _p(name: str, concept: str, ptype: ParamType = ParamType.STRING) -> Parameter:
    return Parameter(name=name, type=ptype, required=True, concept=concept)


def test_a_validator_returns_a_verdict_and_its_reason_with_the_input() -> None:
    fields = _fields("validateEmail", "Validate an email address", _p("email", "email"))
    assert fields["valid"].type is ParamType.BOOLEAN and "reason" in fields and "email" in fields
    assert "address" not in fields  # an email address is not a street address
    assert all(f.inferred for f in fields.values())


def test_a_converter_returns_the_result_with_its_inputs_and_rate() -> None:
    fields = _fields("convert", "Convert an amount between currencies",
                     _p("from", "currency"), _p("to", "currency"), _p("amount", "amount", ParamType.NUMBER))
    assert {"result", "rate", "from", "to", "amount"} <= set(fields)
    assert fields["result"].type is ParamType.NUMBER


def test_an_image_maker_returns_an_image_url() -> None:
    fields = _fields("Generate Thumbnail", "Screenshot of a web page", _p("url", "url"))
    assert {"image_url", "width", "height", "url"} <= set(fields)


def test_a_listing_returns_items_of_its_own_noun_with_their_parent_id() -> None:
    fields = _fields("series/get-players", "Get players of a series", _p("seriesId", "series_id", ParamType.NUMBER))
    assert {"results[].player_id", "results[].name", "results[].seriesId"} <= set(fields)


def test_a_lookup_echoes_a_bare_id_under_its_concept() -> None:
    fields = _fields("playlist details", "Get a playlist", _p("id", "playlist_id"))
    assert "playlist_id" in fields and "id" not in fields
