"""Realistic fake values from Faker and phonenumbers, seeded per value.

Why a library: hand-kept word pools gave every unknown field the same filler word (`airline: orbit`,
`timezone: cobalt`). Faker knows people, companies, addresses, MIME types, file names, colours, job
titles …; `phonenumbers` knows which calling code belongs to which country, so a phone number and the
country an API reports for it agree. Both are pinned exactly in pyproject.toml: the same seed gives
the same bytes only while their data does not change.

Every value draws one integer from the caller's seeded `random.Random` and seeds one Faker instance
with it (`seed_instance`), so a value never depends on how many values were drawn before it elsewhere.
A `Place` ties the place-like fields of one object together (city, country, code, currency, time
zone, calling code, coordinates): every one is read from one real city of `datagen.reference`, so
they agree with each other and with the world (Lisbon is in Portugal, pays in euros, runs on
Europe/Lisbon time).
"""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from functools import lru_cache
from typing import Any, NamedTuple

import phonenumbers
from faker import Faker
from faker.config import AVAILABLE_LOCALES

from datagen import reference
from datagen.lexicon import (PERSON_WORDS, PLACE_WORDS, TITLE_NOUNS, VALUE_KIND_WORDS,
                             VENUE_WORDS, WORK_WORDS)

LOCALE = "en_US"


# How many anchor indexes spread over the world's cities (`place_at(rng.randrange(PLACE_ANCHORS))`).
PLACE_ANCHORS = 1 << 16


class Place(NamedTuple):
    """Where one object is: its place fields are read from here so they agree with each other."""

    city: str
    country: str
    country_code: str
    currency: str
    latitude: float
    longitude: float
    timezone: str = "UTC"
    calling_code: int = 0
    subdivision: str = ""  # the state's name where the reference knows it (`Texas`)
    subdivision_code: str = ""  # its ISO 3166-2 code without the country part (`TX`)
    languages: tuple[str, ...] = ()


def place_from(city: reference.City, name: str | None = None) -> Place:
    """The place of a reference city (`name` keeps a stated spelling, e.g. `Lisboa`)."""
    return Place(name or city.name, city.country, city.country_code, city.currency, round(city.latitude, 4),
                 round(city.longitude, 4), city.timezone, city.calling_code, city.subdivision, city.subdivision_code,
                 city.languages)


def place_at(index: int) -> Place:
    """The place of an anchor index: a real city, chosen by population (stable: the tables are pinned)."""
    return place_from(reference.city_at(index))


# Concepts of a field → what `reference.resolve` may read its value as.
_HINTS = {"city": "city", "country": "country", "country_code": "country_code", "currency": "currency",
          "airport": "airport", "iata": "airport", "iata_code": "airport", "airport_code": "airport",
          "timezone": "timezone", "time_zone": "timezone", "phone": "phone", "state": "state",
          "province": "province", "region": "region"}


def place_of(value: Any, concept: str = "") -> Place | None:
    """The place a stated value names, through `reference.resolve`: a city; a country, its code or a phone
    number (its capital, else its most populous city); a currency code (the capital of its most populous
    user); an airport code (the city it serves); a time-zone name (its most populous city). A capitalised
    city name the reference does not know keeps its name, the rest of the place a stable guess."""
    text = str(value).strip()
    if not text or isinstance(value, bool):
        return None
    found = reference.resolve(text, _HINTS.get(concept, ""))
    if isinstance(found, reference.Currency):
        found = reference.country(found.countries[0])
    if isinstance(found, reference.Country):
        home = reference.home_city(found.alpha2)
        return place_from(home) if home is not None else Place(
            "", found.name, found.alpha2, found.currency, 0.0, 0.0, calling_code=found.calling_code,
            languages=found.languages)
    if isinstance(found, reference.Airport):
        served = reference.airport_city(found)
        return place_from(served) if served is not None else Place(
            found.city, _country_name(found.country_code), found.country_code, "", found.latitude, found.longitude,
            found.timezone)
    if isinstance(found, reference.City):
        return place_from(found)
    if "," in text and len(text) < 80:
        found_in = reference.location(text)  # "Gujranwala, Pakistan": listings there, not in China
        return None if found_in is None else place_from(found_in) if isinstance(found_in, reference.City) \
            else place_of(found_in.name, "country")
    if concept == "city" and text[:1].isupper() and len(text) < 40:
        return place_at(zlib.crc32(text.encode("utf-8")))._replace(city=text)
    return None



def _country_name(code: str) -> str:
    country = reference.country(code)
    return country.name if country is not None else code


@lru_cache(maxsize=1)
def _faker() -> Faker:
    return Faker(LOCALE)


def faker(rng: random.Random) -> Faker:
    """The Faker instance, seeded with one draw of `rng` (one value, one seed)."""
    fk = _faker()
    fk.seed_instance(rng.getrandbits(48))
    return fk


def phone_number(rng: random.Random, place: Place | None) -> str:
    """A valid-looking international number of the place's country (US when none)."""
    region = place.country_code if place and place.country_code else "US"
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE) \
        or phonenumbers.example_number(region)
    if example is None:
        return f"+{rng.randint(1, 99)} {rng.randint(200, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    national = str(example.national_number)
    keep = max(2, len(national) - 6)
    digits = national[:keep] + "".join(str(rng.randint(0, 9)) for _ in range(len(national) - keep))
    number = phonenumbers.PhoneNumber(country_code=example.country_code, national_number=int(digits))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_country(value: Any) -> str | None:
    """The country name of an international phone number, or None."""
    place = place_of(value) if str(value).strip().startswith(("+", "00")) else None
    return place.country if place else None


def _title(noun: str | None) -> str:
    return (noun or "").replace("_", " ").strip().title()


@lru_cache(maxsize=None)
def _local(locale: str) -> Faker:
    return Faker(locale)


def make(kind: str, rng: random.Random, place: Place | None = None, context: str | None = None) -> Any:
    """A value of one kind (see `KINDS`); None for an unknown kind. Streets and addresses are written
    the way the place's country writes them (`Storgatan 77` in Stockholm, not `64805 Krause Port`)."""
    if kind not in KINDS:
        return None
    fk = faker(rng)  # seeded from rng before the place is drawn, for every kind alike (same bytes)
    where = place or place_at(rng.randrange(PLACE_ANCHORS))
    locale = faker_locale(where.country_code, latin=True)
    if kind in ("street", "address") and locale is not None:
        local = _local(locale)
        local.seed_instance(rng.getrandbits(48))
        street = re.sub(r"\s*\n\s*", ", ", str(local.street_address()))
        return street if kind == "street" else f"{street}, {where.city or fk.city()}"
    method = _FAKER_METHODS.get(kind)
    value = getattr(fk, method)() if method is not None else _MAKERS[kind](fk, rng, where, context)
    # some locales write an address over two lines: one line in a field ("21, Morar Circle")
    return re.sub(r"\s*\n\s*", ", ", value) if isinstance(value, str) else value


def _airline(fk: Faker, rng: random.Random, place: Place, context: str | None) -> str:
    stem = place.city if rng.random() < 0.5 and place.city else fk.last_name()
    return f"{stem} {rng.choice(['Airways', 'Air', 'Airlines'])}"


def _product(fk: Faker, rng: random.Random, place: Place, context: str | None) -> str:
    noun = _title(context) if context and len(context) < 16 else "Edition"
    return f"{fk.last_name()} {noun} {rng.choice(['One', 'Pro', 'Lite', 'Max', 'S', 'X'])}{rng.randint(1, 9)}"




@lru_cache(maxsize=None)
def faker_locale(country_code: str, latin: bool = False) -> str | None:
    """Faker's locale for a country (its language and code, `pt_PT`), the most spoken language first;
    with `latin`, only one whose streets are written in Latin letters (a conversation in English
    quotes `Rua Augusta 12`, not a street in a script the reader cannot check). None: Faker has none."""
    country = reference.country(country_code) if country_code else None
    for language in country.language_codes if country is not None else ():
        locale = f"{language}_{country_code}"
        if locale in AVAILABLE_LOCALES and (not latin or _latin_streets(locale)):
            return locale
    return None


def _latin_streets(locale: str) -> bool:
    sample = _local(locale)
    sample.seed_instance(0)
    return all(unicodedata.name(c, "").startswith("LATIN") for c in str(sample.street_name()) if c.isalpha())


def _home_cities(place: Place) -> list[tuple[str, str, str]]:
    """The cities (name, country, code) a team of this place may be from: its country's ten largest
    when it has two or more, else the world's."""
    own = reference.cities_of(place.country_code)[:10]
    chosen = own if len(own) >= 2 else tuple(place_at(i) for i in range(10))
    return [(c.city if isinstance(c, Place) else c.name, c.country, c.country_code) for c in chosen]


def _entity_name(fk: Faker, rng: random.Random, place: Place, context: str | None) -> str:
    """The name of a thing whose kind is only known by its container noun (`event`, `venue`)."""
    known = _known_name(fk, rng, place, context)
    if known is not None:
        return known
    noun = _title(context)
    if not noun or len(noun) > 16:
        return str(fk.company())
    colour = str(fk.color_name())
    if rng.randrange(3) == 1 or any(c.isupper() for c in colour[1:]):
        return f"{fk.last_name()} {noun}"
    return f"{colour} {noun}"


def _known_name(fk: Faker, rng: random.Random, place: Place, context: str | None) -> str | None:
    """The name of a thing of a kind that has a recognisable naming pattern; None for other kinds.

    An answer may leave a name out, but a "Moore Anime" or a "Henry Concept" tells a reader the data
    is made up: kinds nobody can name plausibly get no name (the executor then omits the field).
    """
    noun = _title(context)
    if context in ("match", "fixture", "duel"):
        # a match beside its two teams is renamed after them (`agree`); a lone `game` is a work's
        # title (a streamed video game), not "Lake Jennifer vs Bowmanstad"
        home, away = rng.sample(_home_cities(place), 2)
        return f"{home[0]} vs {away[0]}"
    if context in PERSON_WORDS:
        return str(fk.name())
    if context in ("dog", "cat", "animal", "horse", "puppy", "kitten"):
        return str(fk.first_name())  # animals people keep are called like people
    if context in WORK_WORDS:
        colour = str(fk.color_name())
        colour = colour if not any(c.isupper() for c in colour[1:]) else "Silver"
        return f"{rng.choice(['The ', ''])}{colour} {rng.choice(TITLE_NOUNS)}"
    if context and (VALUE_KIND_WORDS.get(context) == "company" or context in ("firm", "business", "bank", "place",
                                                                             "shop", "store", "spot")):
        return str(fk.company())  # a place a search finds is a business with a name, not "Berlin Place"
    if context in PLACE_WORDS | VENUE_WORDS and context not in ("team", "club", "state", "region", "country",
                                                                "province", "county", "street", "location"):
        return f"{place.city or fk.city()} {noun}"
    return None


def _about(fk: Faker, rng: random.Random, place: Place, context: str | None) -> str:
    """A plain one-line description of a thing (`A museum in Lisbon, open since 2004.`)."""
    known = _known_about(fk, rng, place, context)
    if known is not None:
        return known
    noun = (context or "listing").replace("_", " ")
    article = "An" if noun[:1] in "aeiou" else "A"
    return f"{article} {noun} record from {place.city or fk.city()}, {place.country}."


def _known_about(fk: Faker, rng: random.Random, place: Place, context: str | None) -> str | None:
    """A description for kinds that have one a reader believes (a person's job, a company's line of
    business, a venue's city); None for other kinds."""
    if context in ("person", "user", "author", "artist", "member", "player", "profile") or context in PERSON_WORDS:
        return f"{fk.job()} based in {place.city or fk.city()}."
    if context and (VALUE_KIND_WORDS.get(context) == "company" or context in ("firm", "business")):
        return f"A company based in {place.city or fk.city()}, {place.country}."
    if context in VENUE_WORDS - {"team", "club"}:
        article = "An" if context[:1] in "aeiou" else "A"
        return f"{article} {context} in {place.city or fk.city()}, {place.country}."
    return None


# Kinds that are one Faker method, called with no arguments.
_FAKER_METHODS = {
    "person": "name", "first_name": "first_name", "last_name": "last_name", "company": "company", "job": "job",
    "street": "street_address", "file_name": "file_name", "file_ext": "file_extension", "email": "email",
    "domain": "domain_name", "colour": "color_name", "hex_colour": "hex_color", "ip": "ipv4_public",
    "ipv6": "ipv6", "mac": "mac_address", "user_agent": "user_agent", "uuid": "uuid4", "isbn": "isbn13",
    "ean": "ean13", "iban": "iban", "swift": "swift", "plate": "license_plate", "slogan": "catch_phrase",
    "state_abbr": "state_abbr", "month_name": "month_name", "weekday": "day_of_week",
    "hash": "sha256", "md5": "md5", "sha1": "sha1",
}


def _postcode(fk: Faker, rng: random.Random, place: Place, context: str | None) -> str | None:
    """A postal code as the place's country writes them (Faker's locale of the country); None where Faker
    has no locale for it: no code is better than another country's."""
    locale = faker_locale(place.country_code)
    if locale is None:
        return None
    local = _local(locale)
    local.seed_instance(rng.getrandbits(48))
    return str(local.postcode())


_MAKERS: dict[str, Any] = {
    "postcode": _postcode,
    "product": _product,
    "entity_name": _entity_name,
    "address": lambda fk, rng, p, c: f"{fk.street_address()}, {p.city or fk.city()}",
    "phone": lambda fk, rng, p, c: phone_number(rng, p),
    "timezone": lambda fk, rng, p, c: p.timezone,
    "mime": lambda fk, rng, p, c: fk.mime_type(rng.choice(["application", "image", "text", "video", "audio"])),
    "airline": _airline,
    "currency": lambda fk, rng, p, c: p.currency or fk.currency_code(),
    "url": lambda fk, rng, p, c: f"https://{fk.domain_name()}/{fk.slug()}",
    "image_url": lambda fk, rng, p, c: f"https://images.{fk.domain_name()}/{fk.slug()}.{rng.choice(['jpg', 'png'])}",
    "file_url": lambda fk, rng, p, c: f"https://files.{fk.domain_name()}/{fk.file_name()}",
    "username": lambda fk, rng, p, c: f"{fk.user_name()}{rng.randint(1, 99)}",
    "language_name": lambda fk, rng, p, c: rng.choice(["English", "Spanish", "French", "German", "Portuguese",
                                                        "Japanese", "Italian", "Dutch"]),
    "region": lambda fk, rng, p, c: p.subdivision or (fk.state() if p.country_code == "US" else p.country),
    "city": lambda fk, rng, p, c: p.city or fk.city(),
    "country": lambda fk, rng, p, c: p.country,
    "country_code": lambda fk, rng, p, c: p.country_code,
    "calling_code": lambda fk, rng, p, c: f"+{p.calling_code}",
    "about": _about,
    "known_name": _known_name,
    "known_about": _known_about,
    # a side called by its real city, as people say it ("Lisbon beat Dublin"); no list of nicknames
    "team": lambda fk, rng, p, c: rng.choice(_home_cities(p))[0],
    "hashtag": lambda fk, rng, p, c: f"#{fk.word()}{fk.word().title()}",
    "html": lambda fk, rng, p, c: f"<p>{fk.catch_phrase()}</p>",
}
KINDS = frozenset(_MAKERS) | frozenset(_FAKER_METHODS)
