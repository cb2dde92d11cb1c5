"""A country or a city an answer object names keeps its real attributes (`reference`).

Why: readers rejected Brazil with languages `["en"]`, a country record whose capital was another
country's city, a city placed in a country it is not in. A row of `generator.relations.RELATIONS`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from datagen import reference
from datagen.generator.keys import words as _words

Obj = dict[str, Any]


# --- a country or a city keeps its real attributes -------------------------------------------

_COUNTRY_KEYS = (["country"], ["country", "name"], ["countryname"], ["nation"])
_COUNTRY_ATTRIBUTES = frozenset({"population", "capital", "currency", "languages", "language", "continent",
                                 "alpha2", "alpha3", "iso2", "iso3", "calling", "dial", "phone", "official"})
_CITY_ATTRIBUTES = frozenset({"population", "timezone", "latitude", "longitude", "lat", "lon", "lng"})


def _country_of(obj: Obj) -> reference.Country | None:
    """The country an object is about: its `country`/`country_name`, or its `name` when a sibling
    field names a country's attribute (`{"name": "Russia", "population": …}`)."""
    for key, value in obj.items():
        if isinstance(value, str) and _words(key) in _COUNTRY_KEYS:
            return reference.country(value)
    words = {w for k in obj for w in _words(k)}
    name = obj.get("name")
    if isinstance(name, str) and words & _COUNTRY_ATTRIBUTES:
        return reference.country(name)
    return None


_CITY_KEYS = (["city"], ["city", "name"], ["cityname"], ["place", "name"], ["placename"], ["town"])


def _city_of(obj: Obj) -> reference.City | None:
    """The city an object is about: its `city`/`city_name`, or its `name` beside a city's attribute;
    in the country the object names, when it names one. A city of another country than the one the
    object names is replaced by that country's capital (or largest city), named in its field: places
    and codes agree."""
    code = next((v for k, v in obj.items() if isinstance(v, str) and len(v) == 2 and v.isupper()
                 and _words(k) in (["country", "code"], ["countrycode"], ["cc"], ["country"])), None)
    for key, value in obj.items():
        if isinstance(value, str) and _words(key) in _CITY_KEYS:
            found = reference.city(value, code, other_names=False)
            if found is None and code and reference.city(value, other_names=False) is not None:
                found = reference.home_city(code)  # a real city, of another country than the object's
                if found is not None:
                    obj[key] = found.name
            return found
    words = {w for k in obj for w in _words(k)}
    name = obj.get("name")
    if isinstance(name, str) and words & _CITY_ATTRIBUTES and not _country_of(obj):
        return reference.city(name, code, other_names=False)
    return None


def _like(old: Any, new: Any) -> Any:
    """`new` in the shape of the value it replaces (text stays text, a number a number)."""
    if isinstance(old, bool) or old is None:
        return old
    if isinstance(old, str):
        return str(new)
    if isinstance(old, int) and isinstance(new, (int, float)):
        return int(new)
    if isinstance(old, float) and isinstance(new, (int, float)):
        return float(new)
    return old


def _languages(old: Any, country: reference.Country) -> Any:
    codes = any(isinstance(v, str) and len(v) <= 3 for v in (old if isinstance(old, list) else [old]))
    found = list(country.language_codes if codes else country.languages)
    if not found:
        return old
    return found[:max(1, len(old))] if isinstance(old, list) else found[0]


def reference_attributes(obj: Obj, now: datetime) -> None:
    """A country or a city an answer names has its real attributes there: Indonesia speaks
    Indonesian, Russia has some 140 million people, a city its own zone and coordinates (a lookup
    of X returns X; the reference world, never a draw, knows these)."""
    country = _country_of(obj)
    if country is not None:
        for key, value in obj.items():
            words = _words(key)
            if words[-1:] == ["population"] and country.population:
                obj[key] = _like(value, country.population)
            elif words[-1:] == ["capital"] or words in (["capital", "city"],):
                obj[key] = _like(value, country.capital) if country.capital else value
            elif words in (["currency"], ["currency", "code"], ["currencies"]) and country.currency:
                obj[key] = [country.currency] if isinstance(value, list) else _like(value, country.currency)
            elif words in (["currency", "name"],) and country.currency_name:
                obj[key] = _like(value, country.currency_name)
            elif words[-1:] in (["languages"], ["language"]) and isinstance(value, (str, list)):
                obj[key] = _languages(value, country)
            elif words in (["continent"],) and country.continent:
                obj[key] = _like(value, country.continent)
            elif words in (["alpha2"], ["iso2"], ["alpha", "2"], ["iso", "2"], ["country", "code"], ["iso"]):
                obj[key] = _like(value, country.alpha2) if isinstance(value, str) and len(value) == 2 else value
            elif words in (["alpha3"], ["iso3"], ["alpha", "3"], ["iso", "3"]):
                obj[key] = _like(value, country.alpha3) if isinstance(value, str) and len(value) == 3 else value
            elif ("calling" in words or "dial" in words or words[:2] == ["phone", "code"]) and country.calling_code:
                code = country.calling_code
                obj[key] = f"+{code}" if isinstance(value, str) and value.startswith("+") else _like(value, code)
        return
    city = _city_of(obj)
    if city is None:
        return
    for key, value in obj.items():
        words = _words(key)
        if words[-1:] == ["population"] and city.population:
            obj[key] = _like(value, city.population)
        elif words[-1:] in (["timezone"], ["tz"]) or words == ["time", "zone"]:
            obj[key] = _like(value, city.timezone) if isinstance(value, str) else value
        elif words[-1:] in (["latitude"], ["lat"]) and isinstance(value, (int, float, str)):
            obj[key] = _like(value, round(city.latitude, 4))
        elif words[-1:] in (["longitude"], ["lon"], ["lng"]) and isinstance(value, (int, float, str)):
            obj[key] = _like(value, round(city.longitude, 4))


