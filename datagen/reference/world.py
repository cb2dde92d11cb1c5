"""Look-ups in the reference world: a country, a city, an airport or a currency by what names it,
a country's capital, the city nearest to coordinates, and seeded draws of a city.

Names are matched folded (case and accents ignored: `sao paulo` is São Paulo); a city name several
cities share names the most populous (`Paris` is the French one), a country narrows it. The draw is
weighted by population among cities of a million or more, so users ask about cities people know.
"""

from __future__ import annotations

import math
import random
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

import pycountry

from datagen.reference import tables
from datagen.reference.entities import Airport, City, Country, Currency

# Cities a draw of the whole world picks from (a million people or more: cities a person has heard of).
DRAW_MIN_POPULATION = 1_000_000


def fold(text: str) -> str:
    """A name as it is matched: lower case, accents dropped, spaces squeezed (`São  Paulo` → `sao paulo`)."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.lower().replace("_", " ").split())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, Country]:
    """Country by folded name: GeoNames' common name first, then the ISO names and codes."""
    names: dict[str, Country] = {}
    for country in tables.countries():
        iso = pycountry.countries.get(alpha_2=country.alpha2)
        spelled = [country.name, country.official_name, country.alpha2, country.alpha3]
        spelled += [str(getattr(iso, a)) for a in ("name", "common_name") if iso is not None and getattr(iso, a, None)]
        for name in spelled:
            names.setdefault(fold(name), country)
    return names


def country(text: str) -> Country | None:
    """The country a name, an alpha-2 or an alpha-3 code, or a numeric code names."""
    key = fold(text)
    if key.isdigit():
        return next((c for c in tables.countries() if c.numeric == key.zfill(3)), None)
    return _country_names().get(key)


@lru_cache(maxsize=1)
def _city_names() -> dict[str, tuple[City, ...]]:
    names: dict[str, list[City]] = {}
    for city in tables.cities():  # most populous first, so each list is too
        names.setdefault(fold(city.name), []).append(city)
    return {k: tuple(v) for k, v in names.items()}


def city(name: str, country_code: str | None = None, subdivision_code: str | None = None,
         other_names: bool = True) -> City | None:
    """The most populous city of that name (in that country and state, when given), or None. A city's
    own name wins over another name it is known by (`Lisboa`, `Berne`), which `other_names=False` skips
    (for a text not known to be a city: other names include common words)."""
    key = fold(name)
    for found in (_city_names().get(key, ()), _alternate_names().get(key, ()) if other_names else ()):
        found = tuple(c for c in found if (country_code is None or c.country_code == country_code)
                      and (subdivision_code is None or c.subdivision_code == subdivision_code))
        if found:
            return found[0]
    return None


@lru_cache(maxsize=1)
def _subdivision_names() -> dict[str, City]:
    names: dict[str, City] = {}
    for found in tables.cities():  # most populous first: a state's first city is its largest
        if found.subdivision:
            names.setdefault(fold(found.subdivision), found)
    return names


def state_city(name: str) -> City | None:
    """The most populous city of the state or province a name names (`Ohio` → Columbus, `Bavaria` →
    Munich), or None: where a call about a whole state happens. Names only, never codes (`OH`, `ON`
    and `NY` are codes of several countries' states)."""
    return _subdivision_names().get(fold(name))


@lru_cache(maxsize=1)
def _alternate_names() -> dict[str, tuple[City, ...]]:
    by_id = {c.geonameid: c for c in tables.cities()}
    names: dict[str, list[City]] = {}
    for name, ids in tables.alternate_names().items():
        # a code among the other names (`LIS`, `NYC`) is an airport's or an abbreviation, not a name
        if len(name) > 3 or not name.isupper():
            names.setdefault(fold(name), []).extend(by_id[i] for i in ids if i in by_id)
    return {k: tuple(sorted(set(v), key=lambda c: (-c.population, c.geonameid))) for k, v in names.items()}


def cities_of(country_code: str, subdivision_code: str | None = None) -> tuple[City, ...]:
    """A country's (or one of its states') cities, the most populous first."""
    return _by_country().get((country_code, subdivision_code or ""), ())


@lru_cache(maxsize=1)
def _by_country() -> dict[tuple[str, str], tuple[City, ...]]:
    groups: dict[tuple[str, str], list[City]] = {}
    for found in tables.cities():
        groups.setdefault((found.country_code, ""), []).append(found)
        if found.subdivision_code:
            groups.setdefault((found.country_code, found.subdivision_code), []).append(found)
    return {k: tuple(v) for k, v in groups.items()}


def capital(country_code: str) -> City | None:
    """The country's capital as a city of the table (None: unknown, or too small for the table)."""
    found = tables.countries_by_code().get(country_code)
    return city(found.capital, country_code) if found is not None and found.capital else None


def home_city(country_code: str) -> City | None:
    """Where a call about a whole country happens: its capital, else its most populous city."""
    return capital(country_code) or next(iter(cities_of(country_code)), None)


def subdivision(country_code: str, code: str) -> str | None:
    """The name of a country's ISO 3166-2 subdivision (`US`, `TX` → Texas), or None."""
    if not code.isalnum():
        return None
    found = pycountry.subdivisions.get(code=f"{country_code}-{code}")  # type: ignore[no-untyped-call]
    return str(found.name) if found is not None else None


def airport(iata: str) -> Airport | None:
    """The airport of an IATA code (`LIS`), or None."""
    return tables.airports().get(iata.strip().upper())


def airport_city(found: Airport) -> City | None:
    """The table city an airport serves: the city of its stated name in its country, else the nearest one."""
    return city(found.city, found.country_code) or nearest_city(found.latitude, found.longitude, found.country_code)


def currency(code: str) -> Currency | None:
    """An ISO 4217 currency some country uses (`EUR`), or None."""
    return tables.currencies().get(code.strip().upper())


# How far (km) a point may lie from a city and still be in it: GeoNames lists districts as places of
# their own (`Church-Yonge Corridor`), and the city a person names for a point is the large one around it.
CITY_REACH_KM = 20.0


def nearest_city(lat: float, lng: float, country_code: str | None = None) -> City | None:
    """The city a point is in (a reverse geocode): the most populous within `CITY_REACH_KM`, else the
    nearest one; within a country when given."""
    pool = cities_of(country_code) if country_code else tables.cities()
    if not pool:
        return None
    scale = max(0.1, abs(math.cos(math.radians(lat))))  # a degree of longitude shrinks toward the poles

    def km(c: City) -> float:
        return 111.2 * math.hypot(c.latitude - lat, (c.longitude - lng) * scale)

    near = [c for c in pool if km(c) <= CITY_REACH_KM]  # the pool is most populous first
    return near[0] if near else min(pool, key=lambda c: (km(c), -c.population, c.geonameid))


@lru_cache(maxsize=None)
def _weights(country_code: str | None) -> tuple[tuple[City, ...], tuple[int, ...]]:
    pool = cities_of(country_code) if country_code else tuple(
        c for c in tables.cities() if c.population >= DRAW_MIN_POPULATION)
    return pool, tuple(accumulate(c.population for c in pool))


def draw_city(rng: random.Random, country_code: str | None = None) -> City | None:
    """A city drawn with the caller's seeded Random, weighted by population (one draw of `rng`);
    None for a country with no city in the table."""
    pool, cumulative = _weights(country_code)
    if not pool:
        return None
    return pool[bisect_right(cumulative, rng.random() * cumulative[-1])]


def city_at(index: int) -> City:
    """The city of an anchor index: a fixed, population-weighted choice per index (stable across runs)."""
    found = draw_city(random.Random(index))
    assert found is not None  # the world table always has cities of a million people
    return found
