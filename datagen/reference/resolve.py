"""What a stated value names in the reference world: `resolve("LIS")` is Lisbon's airport,
`resolve("PRT")` Portugal, `resolve("EUR")` the euro, `resolve("+351 912 345 678")` Portugal,
`resolve("Europe/Lisbon")` Lisbon, `resolve("Lisboa")` Lisbon.

A code is read as a code only when written in capitals (a lower-case `it` or `no` is a word), unless
the caller says the value is a country or a currency. Three capitals are tried as a currency, then a
country, then an airport (ISO codes are fewer and more often meant than IATA ones: `CAN` is Canada).
"""

from __future__ import annotations

import re

import phonenumbers

from datagen.reference import tables, world
from datagen.reference.entities import Airport, City, Country, Currency
from datagen.reference.zones import is_zone

Entity = City | Country | Airport | Currency

# What a caller's hint allows a value to be read as (hints are concept words of a field).
_HINTS: dict[str, tuple[str, ...]] = {
    "city": ("city", "airport", "zone"),  # a city field may hold an airport code or a zone's city
    "country": ("country",),
    "country_code": ("country",),
    "currency": ("currency",),
    "airport": ("airport", "city"),
    "timezone": ("zone",),
    "phone": ("phone",),
    "state": ("state",),  # a state or province by its name: its largest city
    "province": ("state",),
    "region": ("state", "country"),  # a region is a state or a country, never a code (`euw`, `us-east-1`)
}
_ALL = ("phone", "zone", "currency", "country", "airport", "city")
_PHONE = re.compile(r"^(\+|00)[\d\s().-]{6,}$")


def resolve(text: str, hint: str = "") -> Entity | None:
    """The entity a stated value names, or None when it names none the reference knows.

    Args:
        text: the value as stated (a name, a code, a zone name, an international phone number).
        hint: the concept of the field it was stated for (`city`, `country`, `currency` …); limits
            how the value is read, so a `city` of "EUR" is no currency.
    """
    value = text.strip()
    if not value or len(value) > 80:
        return None
    allowed = _HINTS.get(hint, _ALL)
    for reading in allowed:
        found = _READERS[reading](value, hint in _HINTS)
        if found is not None:
            return found
    return None


def _phone(value: str, _hinted: bool) -> Country | None:
    if not _PHONE.match(value):
        return None
    try:
        number = phonenumbers.parse("+" + value[2:] if value.startswith("00") else value, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return world.country(region) if region and region != "001" else None


def _zone(value: str, _hinted: bool) -> City | None:
    if "/" not in value or not is_zone(value):
        return None
    return next((c for c in tables.cities() if c.timezone == value), None)


def _currency(value: str, hinted: bool) -> Currency | None:
    if len(value) != 3 or not value.isalpha() or not (hinted or value.isupper()):
        return None
    return world.currency(value)


def _country(value: str, hinted: bool) -> Country | None:
    if len(value) <= 3 and not (hinted or value.isupper()):
        return None
    return world.country(value)


def _airport(value: str, hinted: bool) -> Airport | None:
    if len(value) != 3 or not value.isalpha() or not (hinted or value.isupper()):
        return None
    return world.airport(value)


def _city(value: str, hinted: bool) -> City | None:
    if len(value) <= 3 or not value[:1].isalpha():
        return None
    return world.city(value, other_names=hinted)


def _state(value: str, _hinted: bool) -> City | None:
    if len(value) <= 3 or not value[:1].isalpha():
        return None
    return world.state_city(value)


_READERS = {"phone": _phone, "zone": _zone, "currency": _currency, "country": _country, "airport": _airport,
            "city": _city, "state": _state}


def location(text: str) -> City | Country | None:
    """What a location said as people write it names: "City, Country", "Street, City, State, Country"
    or "City, ST" (a US state's code) is that city in that country or state; a town too small for the
    table is its country; None when the last part names no country or state (readers rejected
    listings in China for a search in "Gujranwala, Pakistan")."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 2:
        return None
    last = parts[-1]
    if len(last) == 2 and last.isupper() and world.subdivision("US", last):
        return next((c for c in (world.city(n, "US", last) for n in reversed(parts[:-1])) if c), None)
    country = world.country(last) if len(last) > 3 or last.isupper() else None
    if country is None:
        return None
    # the city is the part nearest the country that names one (a street or a state may come between)
    return next((c for c in (world.city(n, country.alpha2) for n in reversed(parts[:-1])) if c), country)
