"""A field of an answer holds a value only when its name is understood (`registry.understood`)."""

from __future__ import annotations

import random

import pytest

from datagen.registry.understood import name_words, understood, understood_name
from datagen.generator.values import UNPLACED, value_for
from datagen.registry.models import FieldSource, ParamType, ResponseField
from datagen.registry.naming import snake


def _words(name: str) -> list[str]:
    return name_words(name)


@pytest.mark.parametrize("name", ["priceRating", "tamilMonth", "maxTakeoffWeight", "filtered_total_ratings",
                                  "price_reduced_amount", "5_star_percentage", "hasLootBoxes", "value",
                                  "netIncomePerEBT"])
def test_a_word_no_maker_knows_leaves_the_field_out(name: str) -> None:
    assert not understood_name(name)
    field = ResponseField(path=name, name=name, type=ParamType.NUMBER, concept=snake(name), source=FieldSource.SCHEMA)
    assert value_for(field, random.Random(1), strict=True) is UNPLACED


@pytest.mark.parametrize("name", ["user_id", "profile_image_url", "release_date", "created_at", "total_reviews",
                                  "average_rating", "first_name", "author_name", "currency_code", "home_country",
                                  "is_verified", "price", "max_price"])
def test_a_known_head_or_a_neutral_modifier_keeps_the_field(name: str) -> None:
    assert understood(_words(name))


def test_the_noun_of_the_object_a_field_sits_in_is_no_unknown_word() -> None:
    assert not understood(_words("hotel_rating"))
    assert understood(_words("hotel_rating"), context="hotels")


def test_a_rate_keeps_its_head_only_per_a_unit_of_time_or_of_things() -> None:
    assert understood_name("price_per_night") and understood_name("views_per_day")
    assert not understood_name("price_per_sq_ft") and not understood_name("net_income_per_ebt")


def test_a_postal_code_is_left_out_of_answers_the_world_has_no_table_of_them() -> None:
    assert not understood_name("postalCode") and not understood_name("zip_code") and not understood_name("zip")
    assert understood_name("country_code")
