"""Value generator: typed, meaningful where the name says so, seeded, never today's date."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datagen import reference
from datagen.generator.validator import type_ok
from datagen.generator.values import BASE_DATE, DATE_WINDOW_DAYS, coerce, derive_rng, id_prefix, value_for
from datagen.registry.models import FieldSource, Parameter, ParamType, ResponseField
from datagen.registry.naming import concept_of


def _param(name: str, ptype: ParamType = ParamType.STRING, **kw: object) -> Parameter:
    return Parameter(name=name, type=ptype, required=True, concept=concept_of(name), **kw)  # type: ignore[arg-type]


def _v(name: str, ptype: ParamType = ParamType.STRING, seed: int = 1, **kw: object) -> object:
    return value_for(_param(name, ptype, **kw), random.Random(seed))


@given(name=st.text(min_size=1, max_size=20), ptype=st.sampled_from(list(ParamType)), seed=st.integers(0, 10**6),
       description=st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_name_and_type_gives_a_value_of_that_type(name: str, ptype: ParamType, seed: int, description: str) -> None:
    param = Parameter(name=name, type=ptype, required=True, concept=concept_of(name) or "x", description=description)
    value = value_for(param, random.Random(seed))
    assert type_ok(value, ptype), (name, ptype, value)


@pytest.mark.parametrize("ptype", [t for t in ParamType if t not in (ParamType.NULL,)])
def test_enum_and_defaults(ptype: ParamType) -> None:
    assert _v("level", ParamType.ENUM, enum=["a", "b"]) in ("a", "b")
    value = value_for(_param("anything", ptype), random.Random(3))
    assert type_ok(value, ptype)


def test_values_follow_the_meaning_of_the_name() -> None:
    assert reference.city(str(_v("city"))) is not None
    assert re.fullmatch(r"[A-Z]{2}", str(_v("country_code")))
    assert reference.currency(str(_v("currency"))) is not None  # a real ISO 4217 code (the place's own)
    assert reference.currency(str(_v("from_currency"))) is not None
    assert "@" in str(_v("email"))
    assert str(_v("hotel_id")).startswith("htl_")
    assert isinstance(_v("user_id", ParamType.INTEGER), int)
    assert re.fullmatch(r"[A-Z]{3,4}", str(_v("symbol")))  # a ticker's shape, no real company's
    assert _v("language") == "en"
    assert isinstance(_v("latitude", ParamType.NUMBER), float)
    assert re.fullmatch(r"-?\d+(\.\d+)?,-?\d+(\.\d+)?", str(_v("location", ParamType.GEOPOINT)))
    assert re.fullmatch(r"\d{2}:\d{2}", str(_v("start", ParamType.TIME)))
    assert str(_v("website_url")).startswith("https://")
    assert str(_v("phone")).startswith("+")
    assert len(str(_v("first_name")).split()) == 1 and len(str(_v("full_name")).split()) == 2
    assert isinstance(_v("max_price", ParamType.NUMBER), float)
    query = _v("query", description="Topic, e.g. 'python for data analysis'")
    assert query == "python for data analysis"


def test_dates_stay_in_the_fixed_window() -> None:
    for seed in range(50):
        day = date.fromisoformat(str(_v("check_in", ParamType.DATE, seed=seed)))
        assert 0 <= (day - BASE_DATE).days <= DATE_WINDOW_DAYS


def test_response_fields_get_values_too() -> None:
    field = ResponseField(path="hotels[].price", name="price", type=ParamType.NUMBER, concept="amount",
                          source=FieldSource.SCHEMA)
    assert isinstance(value_for(field, random.Random(1)), float)


def test_same_seed_same_value_and_derived_rngs_are_stable() -> None:
    assert _v("hotel_id", seed=9) == _v("hotel_id", seed=9)
    assert derive_rng(42, "user").random() == derive_rng(42, "user").random()
    assert derive_rng(42, "user").random() != derive_rng(42, "assistant").random()
    # blake2b, not the salted hash(): a fixed expectation holds across processes
    assert derive_rng(1, "x").randint(0, 10**9) == derive_rng(1, "x").randint(0, 10**9)


def test_id_prefix() -> None:
    assert id_prefix("hotel_id") == "htl"
    assert id_prefix("course_id") == "crs"
    assert id_prefix("x_id") == "x"


def test_coerce() -> None:
    assert coerce("42", ParamType.INTEGER) == 42
    assert coerce(3.0, ParamType.INTEGER) == 3
    assert coerce(7, ParamType.STRING) == "7"
    assert coerce("true", ParamType.BOOLEAN) is True
    assert coerce("[1, 2]", ParamType.ARRAY) == [1, 2]
    assert coerce(["a", "b"], ParamType.STRING) == "a,b"
    for bad, ptype in [("htl_1", ParamType.INTEGER), (True, ParamType.NUMBER), ("x", ParamType.BOOLEAN),
                       ({"a": 1}, ParamType.STRING), ("z", ParamType.ENUM)]:
        with pytest.raises(ValueError):
            coerce(bad, ptype, ["a"])


def _field(name: str, ptype: ParamType = ParamType.STRING, context: str | None = None) -> ResponseField:
    return ResponseField(path=name, name=name, type=ptype, concept=concept_of(name, context), source=FieldSource.SCHEMA)


@pytest.mark.parametrize("seed", range(8))
def test_fields_no_rule_places_are_shaped_by_their_name(seed: int) -> None:
    rng = random.Random(seed)
    assert value_for(_field("isValidDns"), rng) in (True, False)  # an answer's yes/no is a boolean
    assert value_for(_param("isValidDns"), rng) in ("true", "false")  # a string input keeps its type
    assert value_for(_field("is_disposable", ParamType.BOOLEAN), rng) in (True, False)
    assert re.fullmatch(r"\d+", str(value_for(_field("size_bytes"), rng)))
    assert isinstance(value_for(_field("followers_count", ParamType.INTEGER), rng), int)
    assert str(value_for(_field("avatar_url"), rng)).startswith("https://")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", str(value_for(_field("created_at"), rng)))
    assert re.fullmatch(r"[A-Z][a-z]+/[A-Za-z_/]+", str(value_for(_field("timezone"), rng)))
    assert "/" in str(value_for(_field("mimeType"), rng))
    assert re.fullmatch(r".+ (Air|Airways|Airlines)", str(value_for(_field("airline"), rng)))
    assert reference.country(str(value_for(_field("nameEn", context="country"), rng, context="country"))) is not None
    assert len(str(value_for(_field("author_name"), rng)).split()) >= 2


def test_no_filler_words_for_unknown_strings() -> None:
    filler = {"sunrise", "velvet", "harbor", "quantum", "maple", "orbit", "lantern", "cobalt", "meadow", "ember",
              "aurora", "summit", "canyon", "nebula", "pebble", "horizon", "atlas", "willow", "falcon", "prism",
              "delta", "juniper", "meridian", "tundra", "coral"}
    for seed in range(30):
        for name in ("operativa", "cuit", "value", "signature", "stopSummary", "foo_bar_baz"):
            value = str(value_for(_field(name), random.Random(seed))).lower()
            assert value not in filler and not (value.isalpha() and value.islower()), (name, value)


def test_phone_numbers_follow_the_stated_country() -> None:
    from datagen.generator.fake import phone_country, place_of
    uruguay = place_of("+598 94 231 234")
    assert uruguay is not None and uruguay.country == "Uruguay"
    number = value_for(_field("phone"), random.Random(2), place=place_of("Japan"))
    assert str(number).startswith("+81") and phone_country(number) == "Japan"


def test_faker_values_are_seeded_per_value() -> None:
    a = [value_for(_field(n), random.Random(5)) for n in ("company", "job_title", "email", "street")]
    b = [value_for(_field(n), random.Random(5)) for n in ("company", "job_title", "email", "street")]
    assert a == b


def test_defaults_that_are_not_values_are_dropped() -> None:
    from datagen.generator.values import clean_default, knob_default
    prose = "An ID that uniquely identifies a video. The field contains the ID that you set this parameter to."
    assert clean_default(_param("video_id", default=prose)) is None and knob_default(_param("video_id", default=prose)) is None
    assert clean_default(_param("date", ParamType.DATE, default="now")) is None
    assert knob_default(_param("features", default='{"a": true}')) == '{"a": true}'  # a string input stays text


def test_a_fresh_price_has_the_scale_of_the_kind_of_thing_priced() -> None:
    from datagen.generator.semantic import PRICE_LEVELS, PRICE_RANGE, _price_level
    from datagen.registry.models import Endpoint
    def ep(name: str) -> Endpoint:
        return Endpoint(id=f"t::{name}", tool_id="t", slug=name, name=name, category="C", rk=1,
                        parameters=[], response_fields=[])
    assert _price_level(ep("search_houses_for_sale"), None)[0] >= 100_000
    assert _price_level(ep("list_rentals"), None) == (800.0, 4500.0)  # rent before home
    assert _price_level(ep("get_quote"), "widget") == PRICE_RANGE
    assert all(len(reason.split()) >= 4 for *_, reason in PRICE_LEVELS)


def test_a_default_that_is_its_own_name_is_no_value_and_a_constant_is_a_knob() -> None:
    from datagen.generator.values import clean_default, knob_default
    handle = Parameter(name="username", type=ParamType.STRING, required=True, default="username", concept="user_name")
    assert clean_default(handle) is None
    function = Parameter(name="function", type=ParamType.STRING, required=True, default="CURRENCY_EXCHANGE_RATE",
                         concept="function")
    assert knob_default(function) == "CURRENCY_EXCHANGE_RATE"
    assert knob_default(Parameter(name="symbol", type=ParamType.STRING, required=True, default="IBM",
                                  concept="symbol")) is None
