"""Where a call happens: the place its answer's addresses, phones, currencies and cities come from.

In order: a place an argument names (a city, a country, a code, an airport, a phone number), the real
city nearest to coordinates it sends, the city a location key names (`Detroit_MI`) or an anchored one for
an opaque key (`c3sp5g4t8b`: one place for every listing it returns), else where an entity it names
was first seen.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from datagen import reference
from datagen.generator.fake import PLACE_ANCHORS, Place, place_at, place_from, place_of
from datagen.generator.values import derive_rng
from datagen.registry.models import Endpoint
from datagen.registry.naming import snake

_LOCATION_WORDS = frozenset({"location", "area", "locality", "zone", "region", "market", "neighborhood", "neighbourhood"})


def call_place(endpoint: Endpoint, arguments: dict[str, Any], seed: int, places: dict[str, Place]) -> Place | None:
    """The place of one call (None: each object of its answer gets its own)."""
    place = next((p for p in (place_of(v, c) for v, c in _place_arguments(endpoint, arguments)) if p), None)
    if place is None:
        place = _place_near(endpoint, arguments)
    if place is None:  # a location key (`locationKey=c3sp5g4t8b`): one place, whatever it is called
        key = next((str(arguments[p.name]) for p in endpoint.parameters if p.name in arguments
                    and set(snake(p.name).split("_")) & _LOCATION_WORDS and isinstance(arguments[p.name], str)), None)
        place = _place_of_key(key, derive_rng(seed, f"location:{key}").randrange(PLACE_ANCHORS)) if key else None
    if place is None:  # an id of an entity seen earlier: the call happens where that entity is
        place = next((places[f"{p.concept}|{arguments[p.name]}"] for p in endpoint.parameters
                      if p.name in arguments and f"{p.concept}|{arguments[p.name]}" in places), None)
    if place is None:
        place = service_place(endpoint)
    return place


def service_place(endpoint: Endpoint) -> Place | None:
    """Where a service answers about when the call names no place: a country its tool's name names
    (`transportistas_de_argentina`, `indian_fuel` does not: a demonym is no name), else the place of
    its parameters' documented defaults (a listing service whose example city is Austin, TX answers
    about the United States). Readers rejected a US rental service answering about Bengaluru. Words
    of three letters or fewer are left out: `de`, `in`, `it` are words before they are codes."""
    named = _country_in(endpoint.tool_id)
    if named is not None:
        return place_of(named, "country")
    for param in endpoint.parameters:
        if param.default not in (None, "") and isinstance(param.default, str) and not param.control \
                and set(snake(param.name).split("_")) & _PLACE_PARAM_WORDS:
            found = place_of(param.default, param.concept)
            if found is not None:
                return found
    return None


@lru_cache(maxsize=4096)
def _country_in(tool_id: str) -> str | None:
    """The country a tool's name names (its longest run of words of four letters or more), once per tool."""
    words = [w for w in snake(tool_id).split("_") if len(w) > 3]
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            country = reference.country(" ".join(words[i:i + size]))
            if country is not None:
                return country.name
    return None


_PLACE_PARAM_WORDS = frozenset({"city", "country", "state", "location", "address", "zip", "zipcode", "postal",
                                "region", "place", "town", "market", "locale"})
"""Parameters whose documented default names a place."""


def _place_of_key(key: str, anchor: int) -> Place:
    """The place a location key names: a city in it (`Detroit_MI`: Detroit, Michigan, by its US state
    code), else an anchored real city (an opaque key like `c3sp5g4t8b`)."""
    match = re.match(r"^([A-Za-z][A-Za-z .'-]+?)[_, ]+([A-Z]{2})$", key)
    if match is not None:
        name, state = match.group(1).replace("-", " ").replace("_", " "), match.group(2)
        in_state = reference.city(name, "US", state)
        if in_state is not None:
            return place_from(in_state)  # `New-York_NY`: New York City, with its coordinates
        largest = next(iter(reference.cities_of("US", state)), None)
        if largest is not None:  # a US town too small for the table: its state's time zone and money
            return place_from(largest, name)
        known = place_of(name, "city")
        if known is not None:
            return known
    named = place_of(key, "city") if key[:1].isupper() and key.replace(" ", "").isalpha() else None
    return named or place_at(anchor)


def _place_near(endpoint: Endpoint, arguments: dict[str, Any]) -> Place | None:
    """The real city nearest to the coordinates a call names (a reverse geocode answers that city)."""
    found: dict[str, float] = {}
    for param in endpoint.parameters:
        if param.concept in ("latitude", "longitude") and param.name in arguments:
            try:
                found.setdefault(param.concept, float(arguments[param.name]))
            except (TypeError, ValueError):
                continue
    if len(found) < 2:
        return None
    near = reference.nearest_city(found["latitude"], found["longitude"])
    return place_from(near) if near is not None else None


def _place_arguments(endpoint: Endpoint, arguments: dict[str, Any]) -> list[tuple[Any, str]]:
    """Argument values that may name a place (a city, a country, a code, a phone number), with their concept."""
    return [(arguments[p.name], p.concept) for p in endpoint.parameters if p.name in arguments and not p.control
            and isinstance(arguments[p.name], str)]


_FULL_ADDRESS = ("full_address", "formatted_address", "address")
_STREET = ("street", "street_address", "address_line1", "address_line_1")
_NUMBER = ("street_number", "house_number", "building_number")


def address_parts(obj: dict[str, Any]) -> None:
    """The parts of one address agree: the street number is the number in the street, and the full
    address is the street in its city (a reader rejects `full_address: "639 Daniel Forges"` beside
    `street: "4792 Townsend Mission"` and `street_number: "PN6202328"`)."""
    keys = {snake(k): k for k, v in obj.items() if isinstance(v, (str, int)) and not isinstance(v, bool)}
    street = next((keys[n] for n in _STREET if n in keys), None)
    if street is None or not isinstance(obj[street], str):
        return
    text = obj[street]
    number = next((keys[n] for n in _NUMBER if n in keys), None)
    if number is not None:
        digits = re.match(r"^\s*(\d+[A-Za-z]?)\b", text) or re.search(r"\b(\d+[A-Za-z]?)\s*$", text)
        found = digits.group(1) if digits else str(1 + sum(map(ord, text)) % 240)
        obj[number] = int(found) if isinstance(obj[number], int) and found.isdigit() else found
    full = next((keys[n] for n in _FULL_ADDRESS if n in keys and keys[n] != street), None)
    city = obj.get(keys["city"]) if "city" in keys else None
    if full is not None and isinstance(obj[full], str):
        obj[full] = f"{text}, {city}" if isinstance(city, str) and city and city not in text else text


_VIRTUAL = frozenset({"is_virtual", "virtual", "is_online", "online", "online_only", "is_remote", "remote"})


def virtual_or_placed(obj: dict[str, Any]) -> None:
    """A thing held at a venue with an address is not virtual (a reader rejects `is_virtual: true`
    beside a rated venue on Diagonal Güemes)."""
    flag = next((k for k, v in obj.items() if snake(k) in _VIRTUAL and v is True), None)
    if flag is None:
        return
    placed = any(isinstance(v, dict) and {snake(k) for k in v} & {"address", "full_address", "street", "latitude", "lat"}
                 for v in obj.values())
    if placed:
        obj[flag] = False


_OWN_IDS = ("id", "pk", "pk_id", "uid")


def one_id_for_one_thing(obj: dict[str, Any]) -> None:
    """A `user_id` beside a nested `user` object names that object: it says the object's own id (a
    reader rejects a caption whose `user_id` is 514428 while its `user.pk_id` is "pk_46648"). The
    nested object keeps its id (the world knows the user by it); the reference follows, as a number
    where it was one (`pk_46648` → 46648)."""
    for key, value in list(obj.items()):
        name = snake(key)
        if not name.endswith("_id") or isinstance(value, (bool, dict, list)) or value is None:
            continue
        nested = next((v for k, v in obj.items() if snake(k) == name[:-3] and isinstance(v, dict)), None)
        own = next((k for k in nested if snake(k) in _OWN_IDS or snake(k) == name), None) if nested else None
        if nested is None or own is None or str(nested[own]) == str(value):
            continue
        target = nested[own]
        digits = re.sub(r"^[A-Za-z]+_", "", str(target))
        obj[key] = int(digits) if isinstance(value, int) and digits.isdigit() else target


_CITY_KEYS = frozenset({"city", "city_name", "town"})
_COUNTRY_KEYS = frozenset({"country", "country_name", "country_code", "countrycode", "country_iso", "iso2", "alpha2"})


def city_in_its_country(obj: dict[str, Any]) -> None:
    """One object's country is its city's (a reader rejects Brooklyn, New York in India, and
    Guangzhou in Thailand). When the object's country has no city of that name, the city's real
    country is written in the form the field had (a name, an alpha-2 or an alpha-3 code); a city
    the reference does not know, or one its country does have, changes nothing."""
    names = {snake(k): k for k, v in obj.items() if isinstance(v, str) and v.strip()}
    city_key = next((names[n] for n in _CITY_KEYS if n in names), None)
    if city_key is None:
        return
    countries = [names[n] for n in _COUNTRY_KEYS if n in names]
    found = reference.city(obj[city_key], other_names=False) if countries else None
    if found is None:
        return
    for key in countries:
        stated = reference.country(obj[key])
        if stated is None or stated.alpha2 == found.country_code \
                or reference.city(obj[city_key], stated.alpha2, other_names=False) is not None:
            continue
        real = reference.country(found.country_code)
        if real is not None:
            text = obj[key]
            obj[key] = real.alpha2 if text == stated.alpha2 else real.alpha3 if text == stated.alpha3 else real.name
