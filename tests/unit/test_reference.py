"""The reference world: real entities with all their attributes, computed offsets, seeded draws."""

from __future__ import annotations

import random
from datetime import date

import phonenumbers
import pytest

from datagen import reference
from datagen.generator import fake


def test_an_airport_code_is_its_city_with_all_its_attributes() -> None:
    lis = reference.resolve("LIS")
    assert isinstance(lis, reference.Airport) and lis.icao == "LPPT" and lis.timezone == "Europe/Lisbon"
    place = fake.place_of("LIS", "iata")
    assert place is not None
    assert (place.city, place.country, place.country_code, place.timezone, place.currency) == (
        "Lisbon", "Portugal", "PT", "Europe/Lisbon", "EUR")
    assert place.languages[0] == "Portuguese" and place.calling_code == 351
    assert abs(place.latitude - 38.72) < 0.1 and abs(place.longitude + 9.14) < 0.1


def test_a_country_has_its_iso_codes_capital_money_and_languages() -> None:
    pt = reference.country("PRT")
    assert pt is not None and pt is reference.country("Portugal") is reference.country("pt") is reference.country("620")
    assert (pt.alpha2, pt.alpha3, pt.numeric, pt.official_name) == ("PT", "PRT", "620", "Portuguese Republic")
    assert (pt.capital, pt.currency, pt.currency_name, pt.calling_code, pt.continent) == (
        "Lisbon", "EUR", "Euro", 351, "Europe")
    assert pt.languages[0] == "Portuguese"
    assert reference.country("Korea, Republic of") is reference.country("South Korea")


def test_resolve_reads_names_codes_currencies_zones_and_phones() -> None:
    euro = reference.resolve("EUR")
    assert isinstance(euro, reference.Currency) and euro.name == "Euro" and "PT" in euro.countries
    assert isinstance(reference.resolve("JPN"), reference.Country)
    assert reference.resolve("Europe/Lisbon") == reference.city("Lisbon")
    phone = reference.resolve("+81 3-1234-5678")
    assert isinstance(phone, reference.Country) and phone.alpha2 == "JP"
    assert reference.resolve("it") is None  # a lower-case word is not a code …
    assert isinstance(reference.resolve("it", "country"), reference.Country)  # … unless it is a country's
    assert reference.resolve("EUR", "city") is None
    assert reference.city("Lisboa") == reference.city("Lisbon")  # another name a city is known by
    assert reference.city("Paris").country_code == "FR"  # a shared name is the most populous city's


def test_a_drawn_citys_zone_agrees_with_its_country() -> None:
    rng = random.Random(11)
    for _ in range(50):
        city = reference.draw_city(rng)
        assert city is not None and city.population >= reference.DRAW_MIN_POPULATION
        country = reference.country(city.country_code)
        assert country is not None and city.currency == country.currency
        zones = {c.timezone for c in reference.cities_of(city.country_code)}
        assert city.timezone in zones and reference.is_zone(city.timezone)
        assert phonenumbers.country_code_for_region(city.country_code) == city.calling_code


def test_a_draw_within_a_country_stays_in_it() -> None:
    rng = random.Random(3)
    assert all(reference.draw_city(rng, "PT").country_code == "PT" for _ in range(20))  # type: ignore[union-attr]
    assert reference.draw_city(rng, "ZZ") is None


def test_offsets_are_computed_for_the_day() -> None:
    assert reference.offset_text("Asia/Tokyo", date(2026, 1, 15)) == "+09:00"
    assert reference.offset_text("Asia/Tokyo", date(2026, 7, 15)) == "+09:00"
    assert reference.offset_text("Europe/Lisbon", date(2026, 1, 15)) == "+00:00"
    assert reference.offset_text("Europe/Lisbon", date(2026, 7, 15)) == "+01:00"
    assert reference.offset_text("America/St_Johns", date(2026, 1, 15)) == "-03:30"
    assert reference.offset_text("Nowhere/Town", date(2026, 1, 15)) is None


@pytest.mark.parametrize("seed", [0, 7, 2046])
def test_draws_are_deterministic(seed: int) -> None:
    first = [reference.draw_city(random.Random(seed)) for _ in range(3)]
    assert first[0] == first[1] == first[2]
    assert fake.place_at(seed) == fake.place_at(seed)
    assert reference.city_at(seed) == reference.draw_city(random.Random(seed))


def test_a_phone_number_belongs_to_its_places_country() -> None:
    for index in range(30):
        place = fake.place_at(index)
        number = fake.make("phone", random.Random(index), place)
        parsed = phonenumbers.parse(str(number), None)
        assert phonenumbers.region_code_for_number(parsed) == place.country_code or \
            parsed.country_code == place.calling_code, (place, number)
        back = fake.place_of(number)
        assert back is not None and back.country_code in phonenumbers.region_codes_for_country_code(
            place.calling_code)


def test_a_place_from_a_country_is_its_capital() -> None:
    place = fake.place_of("Japan", "country")
    assert place is not None and (place.city, place.timezone, place.currency) == ("Tokyo", "Asia/Tokyo", "JPY")
    us = fake.place_of("US", "country_code")
    assert us is not None and us.city == "Washington" and us.subdivision_code == "DC"


def test_the_nearest_city_to_coordinates_is_a_reverse_geocode() -> None:
    near = reference.nearest_city(38.72, -9.14)
    assert near is not None and near.name == "Lisbon"


def test_a_long_token_or_a_sentence_is_no_zone_and_raises_nothing() -> None:
    from datagen.reference.zones import is_zone
    assert is_zone("America/Argentina/Buenos_Aires") and is_zone("UTC")
    assert not is_zone("A" * 300) and not is_zone("hello world") and not is_zone("../etc/passwd")


def test_a_state_named_in_a_state_field_is_its_largest_city() -> None:
    # a search in "Ohio" happens in Columbus, United States; readers rejected "Ohio" listings in China
    found = reference.resolve("Ohio", "state")
    assert isinstance(found, reference.City) and (found.name, found.country_code, found.subdivision_code) == (
        "Columbus", "US", "OH")
    assert reference.resolve("California", "province").name == "Los Angeles"  # type: ignore[union-attr]
    # a word that names no state is no place; a region is never read as a code
    assert reference.resolve("Pending", "state") is None
    assert reference.resolve("euw", "region") is None
    # a call that names a state happens there: its answers' cities, money and zone are that state's
    from datagen.generator.places import call_place
    from datagen.registry.models import Endpoint, Parameter, ParamType
    search = Endpoint(id="t::search", tool_id="t", slug="search", name="search", description="", category="Other",
                      rk=1, parameters=[Parameter(name="state", type=ParamType.STRING, concept="state", required=True)],
                      response_fields=[])
    place = call_place(search, {"state": "Ohio"}, 7, {})
    assert place is not None and (place.country_code, place.subdivision, place.currency) == ("US", "Ohio", "USD")


@pytest.mark.parametrize(("text", "expected"), [
    # a location said as people write it: the city in its country or state
    ("Gujranwala, Pakistan", ("Gujranwala", "PK")),  # readers rejected its listings in China
    ("Austin, TX", ("Austin", "US")),
    ("1600 Amphitheatre Pkwy, Mountain View, CA", ("Mountain View", "US")),
    ("Springfield, Illinois, United States", ("Springfield", "US")),
    # a town too small for the table: its country's own place
    ("Qxzvle, Germany", ("Berlin", "DE")),
    # a last part that names no country or state: no place
    ("hello, world", None),
])
def test_a_city_country_text_is_that_city(text: str, expected: tuple[str, str] | None) -> None:
    found = fake.place_of(text, "location")
    assert (found and (found.city, found.country_code)) == expected
