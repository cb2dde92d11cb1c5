"""The entities of the reference world: a country, a city, an airport, a currency.

Each is a frozen record of real attributes read from the data packages (`datagen.reference.tables`);
nothing here is drawn, so a place named once keeps every attribute it has in the world.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    """A country (ISO 3166-1) with what a reader checks against it: its codes, capital, money, tongues."""

    alpha2: str
    alpha3: str
    numeric: str
    name: str  # the common English name (GeoNames: "United States", "South Korea")
    official_name: str  # ISO 3166-1's official name where it has one, else the common name
    capital: str
    currency: str  # ISO 4217 code, "" where the country has none (Antarctica)
    currency_name: str
    languages: tuple[str, ...]  # English names, the most spoken first (GeoNames' order)
    language_codes: tuple[str, ...]  # ISO 639 codes of the same languages
    calling_code: int  # E.164 country calling code (0 where none)
    continent: str
    population: int


@dataclass(frozen=True)
class City:
    """A city of more than 15,000 people (GeoNames), with its country's attributes beside its own."""

    geonameid: int
    name: str
    country_code: str
    country: str
    subdivision: str  # the state or province's name, "" where the data does not tie it to ISO 3166-2
    subdivision_code: str  # its ISO 3166-2 code without the country part (`TX`), or ""
    latitude: float
    longitude: float
    timezone: str  # IANA name
    population: int
    currency: str
    languages: tuple[str, ...]
    calling_code: int


@dataclass(frozen=True)
class Airport:
    """An airport with an IATA code (airportsdata), the city it serves and its time zone."""

    iata: str
    icao: str
    name: str
    city: str  # the name the data gives; `reference.airport_city` ties it to a `City`
    subdivision: str
    country_code: str
    timezone: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Currency:
    """An ISO 4217 currency and the countries that use it, the most populous first."""

    code: str
    name: str
    numeric: str
    countries: tuple[str, ...]  # alpha-2 codes
